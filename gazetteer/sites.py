"""Places the gazetteer lacks, named after a site noun: قرية الزويك، بلدتي نبل والزهراء، جبهة صرواح.

Conflict news names villages, camps, districts and front lines that GeoNames'
cities500 does not hold. The noun before such a name says that a place is
meant, and the place the sentence names with it (قرية الزويك بريف اللاذقية،
مديرية لودر في محافظة أبين) says roughly where. A site is kept at that
parent's point, in the parent's country, with the parent's extent as its
uncertainty: an incident there is mapped near the truth instead of being
lost or folded into the parent's other incidents, and two villages of one
district stay two places.

What counts as a name is what is rare: an ordinary word after a site noun
(منطقة آمنة، بلدة صغيرة، مخيم للنازحين) is a description, not a name.
"""
from __future__ import annotations

import bisect
from functools import lru_cache
from itertools import compress, repeat
from operator import attrgetter, is_not

from . import lexicon
from .index import Gazetteer
from .model import Mention, Place
from .morphology import clitic_splits
from .tokenize import Token
from .translit import romanize

SITE_SCORE = 0.4  # a name the gazetteer does not know, placed through its parent
SITE_RADIUS_KM = 15.0  # how far a village may lie from the town the sentence ties it to
PARENT_AFTER_TOKENS = 20  # بلدة عتمان شمال مدينة درعا: the parent follows, at most a clause or two on
PARENT_BEFORE_CHARS = 400  # else the last place named before it in its sentence (a town two sentences back may lie in another country)
PARENT_KINDS = ("city", "town", "admin", "region", "facility")
SENTENCE_ENDS = frozenset(".!؟?;؛")
MANY = 0  # a plural site noun (قرى، بلدات) takes a list of names
COMMON_DEFINITE_ZIPF = 5.0  # a definite word this frequent is the word, even where a place bears it


def find_sites(text: str, tokens: tuple[Token, ...], mentions: list[Mention], gaz: Gazetteer,
               exclude: list[tuple[int, int]] | None = None) -> list[Mention]:
    """Mentions of the unknown sites of ``text``, each placed at the known place it is tied to.

    ``mentions`` are the text's resolved mentions (in text order); a word
    they already cover, or that lies in an ``exclude`` span (a group's name),
    is not a site.
    """
    heads = lexicon.site_heads()
    parents = [m for m in mentions if m.role == "location" and m.place.kind in PARENT_KINDS]
    if not parents:
        return []
    taken = sorted([(m.start, m.end) for m in mentions] + list(exclude or ()))
    starts = [p.start for p in parents]
    out: list[Mention] = []
    resume = 0  # a list of names is read once, from its first site noun
    # Each word's site-noun count, asked for all words at once: most words are no site noun, and
    # only the ones that are are visited below.
    counts = list(map(_HEAD_COUNTS.get, map(_KEY, tokens)))
    if None in counts:  # words not seen before
        for k, count in enumerate(counts):
            if count is None:
                counts[k] = _remembered_head_count(tokens[k].key)
    for i in compress(range(len(tokens)), map(is_not, counts, repeat(_NO_HEAD))):
        t = tokens[i]
        if not t.is_word or i < resume:
            continue
        count = counts[i]
        j = i + 1
        while j < len(tokens) and tokens[j].is_word and tokens[j].key[:1] == "و" and tokens[j].key[1:] in heads:
            count, j = heads[tokens[j].key[1:]], j + 1  # بلدات وقرى الزويك: the last noun takes the names
        names = _names_after(tokens, j, count, gaz, taken)
        if not names:
            continue
        resume = j
        parent = _parent(text, tokens, i, names[-1][1], parents, starts)
        if parent is None:
            continue
        for start, end, key in names:
            surface = text[start:end]
            out.append(Mention(start, end, surface, _site_place(key, surface, parent), "location", SITE_SCORE))
    return out


_KEY = attrgetter("key")

# word key → ``_head_count`` (``_NO_HEAD`` for the many words that are no site noun): a plain dict read
# for every word of every article at once, bounded like the toponym scan's memos.
_HEAD_COUNTS: dict[str, int | object] = {}
_NO_HEAD = object()
_MAX_HEAD_COUNTS = 87_381


def _remembered_head_count(key: str):
    """``_head_count`` of a word, or ``_NO_HEAD``, remembered in ``_HEAD_COUNTS`` while it has room."""
    count = _head_count(key)
    if count is None:
        count = _NO_HEAD
    if len(_HEAD_COUNTS) < _MAX_HEAD_COUNTS:
        _HEAD_COUNTS[key] = count
    return count


@lru_cache(maxsize=65536)
def _head_count(key: str) -> int | None:
    """How many names the site noun in word ``key`` takes (with its clitics: ببلدة), or None if it is no site noun."""
    heads = lexicon.site_heads()
    return next((heads[stem] for _, stem in clitic_splits(key) if stem in heads), None)


def _names_after(tokens, j: int, count: int, gaz: Gazetteer, taken) -> list[tuple[int, int, str]]:
    """(start, end, key) of the unknown names right after a site noun, or [] if they are not names.

    A dual noun (بلدتي) is followed by two names joined by و (نبل والزهراء), a
    plural (قرى) by a list (الزويك والدويركة، قرى أ وب وج). A name the
    gazetteer knows may stand in the list (نبل): it is already a mention.
    """
    names, items = [], 0
    while j < len(tokens) and (count == MANY or items < count):
        if items:  # the next item carries و, or follows a comma in a list
            if count == MANY and not tokens[j].is_word and tokens[j].key in ("،", ","):
                j += 1
            if j >= len(tokens) or not tokens[j].is_word or (
                    not tokens[j].key.startswith("و") and (count != MANY or tokens[j - 1].is_word)):
                break
        conjunction = bool(items) and tokens[j].key.startswith("و")
        known = _known_at(tokens, j, taken)
        if known is not None:
            j, items = known, items + 1
            continue
        found = _name_at(tokens, j, gaz, taken, conjunction=conjunction)
        if found is None:
            break
        start, end, key, j = found
        names.append((start, end, key))
        items += 1
    if count != MANY and items < count:
        return []
    return names


def _known_at(tokens, j: int, taken) -> int | None:
    """The index after a known name that starts at token ``j`` (a mention already covers it), or None."""
    t = tokens[j]
    k = bisect.bisect_right(taken, (t.end, t.end))
    covering = [e for s, e in taken[max(0, k - 8):k] if s < t.end and t.start < e]
    if not covering:
        return None
    end = max(covering)
    while j < len(tokens) and tokens[j].start < end:
        j += 1
    return j


def _name_at(tokens, j: int, gaz: Gazetteer, taken, conjunction: bool = False):
    """(start, end, key, next index) of a name of one or two words at token ``j``, or None."""
    if j >= len(tokens) or not tokens[j].is_word:
        return None
    first = tokens[j]
    skip = 1 if conjunction else 0
    key = first.key[skip:]
    starts_a_name = key in lexicon.words("name_starters.tsv")
    if not starts_a_name and not _rare_name(key, gaz):
        return None
    end, words, k = first.end, [key], j + 1
    if starts_a_name:  # كفر نبل، خربة غزالة: the name goes on
        if k >= len(tokens) or not tokens[k].is_word or not _rare_name(tokens[k].key, gaz, second=True):
            return None
        end, words, k = tokens[k].end, [key, tokens[k].key], k + 1
    start = first.start + skip
    if _overlaps(taken, start, end):
        return None
    if k < len(tokens) and tokens[k].is_word and tokens[k].key in _RESUMPTIVE:
        return None  # ساحة تتصارع عليها الجيوش: a verb of a relative clause, its pronoun after it
    return start, end, " ".join(words), k


def _rare_name(key: str, gaz: Gazetteer, second: bool = False) -> bool:
    """Whether a word can be (part of) a name: rare, not a number, not a cue or a site noun itself.

    The second word of a name after a starter (خربة غزالة، جبل الأكراد) may be an ordinary
    word; it must still not be a function word or a place cue.
    """
    if len(key) < 3 or not key.isalpha() or _place_word(key):
        return False
    if second:
        return key not in FUNCTION_WORDS
    if key.endswith("يه") and not key.startswith("ال"):
        return False  # عسكرية، حدودية: an indefinite adjective agreeing with the noun
    if key.endswith(_PRONOUN_SUFFIXES):
        return False  # تمردها، سكنهم: a noun or verb with its pronoun, not a name
    if key.startswith("و") and _ordinary(key[1:], gaz):
        return False  # ومحافظات، وأعدم: a conjunction before an ordinary word
    if (key.startswith("ال") and gaz.lookup(key) and not _place_word(key) and not _place_word(key[2:])
            and gaz.commonness.get(key, 0.0) < COMMON_DEFINITE_ZIPF):
        return True  # بلدة الطيبة: a town name (a namesake's elsewhere), however common the word
    # (but not البلاد "the country", as frequent as the commonest words: ثاني أكبر مدن البلاد)
    return not _ordinary(key, gaz)


def _ordinary(key: str, gaz: Gazetteer) -> bool:
    """A common word as it stands, or a cue or site noun (محافظات، مناطق).

    A definite word is not tested without its article: منطقة الطاش، منطقة العند are names though
    طاش and عند are ordinary words (a definite common noun is common with its article too)."""
    return (gaz.is_common_word(key) or _place_word(key)
            or (key.endswith("ي") and gaz.is_common_word(key + "ه")))  # ساحلي: the adjective of ساحلية


def _place_word(key: str) -> bool:
    """A word that announces a place (a cue such as مدينة or في, a site noun such as قرية), never one."""
    return key in lexicon.cues() or key in lexicon.site_heads()


_PRONOUN_SUFFIXES = ("ها", "هم", "هما", "هن", "كم", "نا")
_RESUMPTIVE = frozenset("عليها عليه عليهم فيها فيه فيهم منها منه بها به لها له".split())
FUNCTION_WORDS = frozenset(("في من على الى عن مع بين حتى منذ عند لدى او ثم التي الذي الذين"
                            " اللذين اللتين اللذان اللتان اللواتي اللاتي").split())  # never (part of) a name


def _overlaps(spans, start: int, end: int) -> bool:
    k = bisect.bisect_left(spans, (end, end))
    return any(s < end and start < e for s, e in spans[max(0, k - 8):k])


def _parent(text: str, tokens, head: int, name_end: int, parents: list[Mention], starts: list[int]):
    """The known place a site is tied to: the next one in its sentence, else the last one before it there."""
    k = bisect.bisect_left(starts, name_end)
    limit = tokens[min(head + 1 + PARENT_AFTER_TOKENS, len(tokens) - 1)].end
    if k < len(parents) and parents[k].start <= limit and not _sentence_end_between(text, name_end, parents[k].start):
        return parents[k].place
    head_start = tokens[head].start
    k = bisect.bisect_left(starts, head_start) - 1
    if k >= 0 and head_start - parents[k].end <= PARENT_BEFORE_CHARS \
            and not _sentence_end_between(text, parents[k].end, head_start):
        return parents[k].place
    return None


def _sentence_end_between(text: str, a: int, b: int) -> bool:
    return any(ch in SENTENCE_ENDS or ch == "\n" for ch in text[a:b])


def _site_place(key: str, surface: str, parent: Place) -> Place:
    """A place for the site ``key``: the parent's point, country and extent (at least a village's reach)."""
    return Place(id=f"site:{key}", geonameid=None, name=romanize(key), name_ar=surface, country=parent.country,
                 lat=parent.lat, lon=parent.lon, kind="site",
                 radius_km=max(parent.radius_km or 0.0, SITE_RADIUS_KM))
