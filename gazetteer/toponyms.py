"""Place names in running Arabic text: find them, resolve them, say in what role.

Three passes over one document:

1. **Scan** the tokens left to right for the longest name that starts at
   each token, after stripping attached clitics (بليبيا، وبنغازي، للعراق),
   plus the constructions news use for areas without a name of their own:
   compass word + place (جنوب ليبيا، شمال شرق مالي) and territorial noun +
   nationality adjective (الساحل الليبي، الحدود الجزائرية الليبية).  A
   nationality adjective alone is a ``demonym`` (القوات الفرنسية → FR).
2. **Context**: countries named in the document, and places that cannot be
   anything else, form the document's context (a country weight table and a
   set of points).
3. **Resolve and judge** every other match against that context.  GeoNames
   gives Arabic-script names to tens of thousands of villages, and many are
   spelled like ordinary words (كان، بين، أن، سنة); a match survives only if
   it is not much more common as a word than the place is prominent (word
   frequency against population), and, when it is small or ambiguous, with
   evidence: a cue word before it (مدينة، ولاية، قرب …), an installation
   or battle noun (مطار مروي، معركة الحويجة), a neighbouring place or a
   locator after it (القيارة جنوب الموصل), or support from the document's
   context.  Capitals right after a
   speech verb (أعلنت واشنطن) are ``metonym`` mentions.
"""
from __future__ import annotations

import bisect
import math
import weakref
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress
from operator import attrgetter, itemgetter
from typing import NamedTuple

from . import lexicon, rank
from .index import Gazetteer, load
from .model import Candidate, Mention, Place
from .sources import read_tsv
from .sites import FUNCTION_WORDS, find_sites
from .morphology import clitic_splits, strip_article
from .tokenize import Token, tokenize
from .translit import looks_transliterated

# A word more common than this (Zipf scale) is never taken for a place
# unless a curator listed it (كان 6.6, بين 6.4, أن 7.0).
NEVER_ZIPF = 5.8
# Population from which a GeoNames place needs no evidence beyond its name,
# and from which the document naming its country is evidence enough.
MEGACITY_POP = 500_000
PROMINENT_POP = 100_000
# Distance within which an established point supports a small place.
SUPPORT_KM = 400.0
SKELETON_SHARE = 0.25  # a skeleton needs its country to hold this share of the document's country evidence

CURATED = 3
TRANSPARENT = {"-", "\u2010", "\u2011", "\u2013"}  # hyphens inside names (بوبو-ديولاسو)


@dataclass(slots=True)
class _Match:
    """A candidate mention found by the scan, before judgement."""

    start: int
    end: int
    ti: int  # first token index
    tj: int  # one past the last token index
    kind: str  # name | demonym | direction | noun_demonym
    key: str = ""
    hits: tuple = ()
    place: Place | None = None  # for constructed places (directions, borders, demonyms)
    cue: lexicon.Cue | None = None
    clitic: bool = False
    candidates: list[Candidate] = field(default_factory=list)
    role: str = "location"
    score: float = 0.0
    border: bool = False  # a country named as the far side of a border (الحدود مع ليبيا)
    accepted: bool | None = None  # the judgement once made (``_judge``); neighbours judged later consult it


def find_toponyms(text: str, gazetteer: Gazetteer | None = None,
                  country: str | None = None,
                  exclude: list[tuple[int, int]] | None = None) -> list[Mention]:
    """Every place mention in ``text``, resolved, in text order.

    ``country`` (ISO2) biases resolution towards one country, as when the
    source is known to cover it.  ``exclude`` lists (start, end) spans of
    names that merely contain a place -- armed groups such as القاعدة في
    بلاد المغرب الإسلامي -- whose places are not mentions.
    """
    gaz = gazetteer or load()
    tokens = tokenize(text)
    matches = _scan(tokens, gaz)
    if exclude:
        matches = [m for m in matches if not any(s < m.end and m.start < e for s, e in exclude)]
    context = _context(matches, gaz)
    mentions = []
    ranked: dict = {}  # one document ranks each spelling once (news repeats its places), in its one context
    for i, m in enumerate(matches):
        if _judge(m, i, matches, tokens, gaz, context, country, ranked):
            mentions.append(Mention(m.start, m.end, text[m.start:m.end], m.place, m.role,
                                    m.score, m.candidates, _names_area(m, gaz)))
    starts = list(map(_START, tokens))  # bisected for the few mentions the role passes ask about
    mentions = _without_clubs(text, mentions, tokens, starts)
    _assign_metonyms(mentions, tokens, starts)
    sites = find_sites(text, tokens, mentions, gaz, exclude)
    if sites:
        mentions = sorted(mentions + sites, key=lambda m: m.start)
    return mentions


# -- pass 1: scanning ---------------------------------------------------------

def _word_run(tokens: list[Token], i: int, n: int) -> list[str]:
    """Keys of up to ``n`` word tokens from ``i``, skipping hyphens, stopping at punctuation."""
    out = []
    j = i
    while j < len(tokens) and len(out) < n:
        t = tokens[j]
        if t.is_word:
            out.append(t.key)
        elif t.key not in TRANSPARENT:
            break
        j += 1
    return out


def _token_index_after(tokens: list[Token], i: int, nwords: int) -> int:
    """Index one past the ``nwords``-th word token counted from ``i`` (hyphens skipped)."""
    j, seen = i, 0
    while j < len(tokens) and seen < nwords:
        if tokens[j].is_word:
            seen += 1
        j += 1
    return j


def _best_name_at(tokens: list[Token], i: int, gaz: Gazetteer):
    """Longest gazetteer name starting at token ``i``: (nwords, clitic_len, key, hits) or None."""
    facts = _facts_of(tokens[i].key, gaz)
    if not facts.longer:
        return facts.single_best  # no reading of the word begins a longer name: the word alone decides
    best = None
    for off, stem, longer, single in facts.names:
        found = _longest_name_from(tokens, i + 1, stem, off, gaz) if longer else None
        if found is None:
            found = single
        if found is None:
            continue
        if best is None or _name_preference(found, gaz) > _name_preference(best, gaz):
            best = found
    return best


def _longest_name_from(tokens: list[Token], j: int, stem: str, off: int, gaz: Gazetteer):
    """Longest name of two words or more: ``stem`` then the words from token ``j`` on, or None.

    Words are taken as ``_word_run`` takes them (hyphens skipped, punctuation
    stops), one at a time, while the words so far still begin a longer name.
    """
    found = None
    prefixes = gaz.name_prefixes
    key, n = stem, 0
    while j < len(tokens) and n < gaz.max_words - 1:
        t = tokens[j]
        j += 1
        if not t.is_word:
            if t.key in TRANSPARENT:
                continue
            break
        key, n = key + " " + t.key, n + 1
        hits = gaz.lookup(key)
        if hits:
            found = (n + 1, off, key, hits)
        if key not in prefixes:
            break
    return found


def _name_preference(found, gaz: Gazetteer) -> tuple:
    """Order competing readings of one token: more words, then the likelier place, then fewer clitics."""
    nwords, off, key, hits = found
    return (nwords, _top_prior(key, hits, gaz), -off)


def _top_prior(key: str, hits, gaz: Gazetteer) -> float:
    """The best context-free prior among a name's places (memoized: a name key always has the same hits)."""
    memo = _memo(gaz).top_prior
    top = memo.get(key)
    if top is None:
        top = max(rank.prior(gaz.place(ref), q) for ref, q in hits)
        if len(memo) < _MAX_BEGIN_MEMO:
            memo[key] = top
    return top


def _demonym_at(tokens: list[Token], i: int, gaz: Gazetteer):
    """(clitic_len, iso2) if token ``i`` is a nationality adjective, else None."""
    return _facts_of(tokens[i].key, gaz).demonym


def _demonym_of(key: str, gaz: Gazetteer):
    """(clitic_len, iso2) if a word is a nationality adjective under some clitic reading, else None."""
    for off, stem in clitic_splits(key):
        iso2 = gaz.demonyms.get(strip_article(stem)) or gaz.demonyms.get(stem)
        if iso2:
            return off, iso2
    return None


def _phrase_at(tokens: list[Token], i: int, table: lexicon.PhraseTable) -> tuple[int, int, object] | None:
    """Longest entry of a phrase table starting at token ``i``: (clitic_len, nwords, value)."""
    for off, stem in clitic_splits(tokens[i].key):
        if stem not in table.first_words:
            continue
        run = [stem] + _word_run(tokens, i + 1, table.longest - 1)
        for n in range(len(run), 0, -1):
            value = table.get(tuple(run[:n]))
            if value is not None:
                return off, n, value
    return None


def _scan(tokens: list[Token], gaz: Gazetteer) -> list[_Match]:
    """Non-overlapping candidate mentions, leftmost-longest."""
    cues = lexicon.cues()
    dirs = lexicon.directions()
    nouns = lexicon.geo_nouns()
    memo = _memo(gaz)
    may_begin, facts_of = memo.begins, memo.facts.get
    cue_of = _cue_memo(cues)
    # Which reading may begin at each token, looked up for the whole article at once: most words
    # begin no name, construction, demonym or skeleton, and a memoized test per word skips them
    # without a trip through the loop below.
    begins = list(map(may_begin.get, map(_KEY, tokens)))
    if None in begins:  # words not seen before
        for k, b in enumerate(begins):
            if b is None:
                begins[k] = _begins_of(tokens[k], gaz, dirs, nouns, may_begin)
    out: list[_Match] = []
    i = 0  # the first token the next match may start at (matches do not overlap)
    for i0 in compress(range(len(tokens)), begins):
        if i0 < i:
            continue
        i = i0
        t = tokens[i]
        if not t.is_word:
            continue
        if begins[i] == _SKELETON_ONLY:
            prev = tokens[i - 1] if i else None
            if prev is None or not prev.is_word or _cue_of(prev.key, cues, cue_of) is None:
                continue
        facts = facts_of(t.key) or _facts_of(t.key, gaz)
        cands = []
        if facts.longer:
            name = _best_name_at(tokens, i, gaz)
            if name and name[0] == 1 and all(q < CURATED for _, q in name[3]) and facts.demonym:
                name = None  # الهندية is "Indian" far more often than a town in Iraq
        else:
            name = facts.single_name  # the same test, made once for the word
        if name and _cue_then_name(tokens, i, name, cues, gaz):
            continue  # مدينة زنجبار: the cue, then the name ranked in context (Zinjibar, not Zanzibar City)
        if name is not None:
            nwords, off, key, hits = name
            tj = _token_index_after(tokens, i, nwords)
            cands.append((nwords, 1, _Match(t.start + off, tokens[tj - 1].end, i, tj, "name",
                                            key=key, hits=hits, clitic=off > 0)))
        built = _construction_at(tokens, i, gaz, dirs, nouns) if facts.dirs or facts.nouns else None
        if built is not None:
            cands.append((_words_between(tokens, built.ti, built.tj), 0, built))
        if not cands:
            dem = facts.demonym
            if dem:
                off, iso2 = dem
                place = gaz.country(iso2)
                if place is not None:
                    cands.append((1, 0, _Match(t.start + off, t.end, i, i + 1, "demonym", key=t.key,
                                               place=place, clitic=off > 0)))
        if not cands and facts.skeletons:
            sk = _skeleton_at(tokens, i, gaz, cues)
            if sk is not None:
                cands.append((1, 0, sk))
        if not cands:
            continue
        m = cands[0][2] if len(cands) == 1 else max(cands, key=lambda c: (c[0], c[1]))[2]
        m.cue = _cue_before(tokens, m.ti, cues) or _cue_after(tokens, m.tj) or _seized_after(tokens, m.ti)
        m.border = m.kind == "name" and _border_with_before(tokens, m, out)
        if not _after_org_head(tokens, m.ti) and not _media_credit(tokens, m.ti, m.tj):
            out.append(m)
        i = m.tj
    return out


_KEY, _START = attrgetter("key"), attrgetter("start")


def _begins_of(t: Token, gaz: Gazetteer, dirs: lexicon.PhraseTable, nouns: lexicon.PhraseTable,
               memo: dict[str, int]) -> int:
    """``_may_begin`` of a token never seen before, remembered for its key.

    Punctuation and numbers begin nothing.  A punctuation mark is remembered
    only when its key, read as a word, would begin nothing either, so that
    the memo (keyed by key alone) answers alike for both.
    """
    if not t.is_word:
        if _may_begin(t.key, gaz, dirs, nouns) == _NOTHING and len(memo) < _MAX_BEGIN_MEMO:
            memo[t.key] = _NOTHING
        return _NOTHING
    begins = _NOTHING if t.key.isdigit() else _may_begin(t.key, gaz, dirs, nouns)
    if len(memo) < _MAX_BEGIN_MEMO:
        memo[t.key] = begins
    return begins


def _cue_then_name(tokens: list[Token], i: int, name, cues: dict, gaz: Gazetteer) -> bool:
    """True when a multiword name is a cue noun before a name that stands on its own.

    GeoNames lists "مدينة زنجبار" for Zanzibar City; read whole, it would
    take Zinjibar in Yemen to Tanzania. When the words after the cue are a
    name in their own right, the cue and that name are read apart, so that
    context ranks the namesakes (مدينة نصر, whose rest is no name, stays whole).
    """
    nwords, off, _, _ = name
    if nwords < 2 or off:
        return False
    cue = cues.get(tokens[i].key)
    if cue is None or not cue.strong:
        return False
    rest = _best_name_at(tokens, i + 1, gaz)
    return rest is not None and rest[0] == nwords - 1 and rest[1] == 0


# gazetteer → what its scan remembers of words (see ``_ScanMemo``).  Weak keys: the memo lives as
# long as the gazetteer whose names it reflects.
_SCAN_MEMOS: "weakref.WeakKeyDictionary[Gazetteer, _ScanMemo]" = weakref.WeakKeyDictionary()
_NOTHING, _SKELETON_ONLY, _ANY = 0, 1, 2
# Words remembered per memo, the first ones met: the most a dict holds before its table doubles (to
# 7.7 MB of table alone).  A worker meets some 200,000 distinct words in 14,000 real articles, but
# the first 87,381 are nearly all the frequent ones, and years of text cannot grow a memo without end.
_MAX_BEGIN_MEMO = 87_381


class _WordFacts(NamedTuple):
    """What the scan asks of one word that the word alone answers (its neighbours play no part).

    ``names``: the clitic readings (offset, stem, whether the stem begins a
    longer name, the one-word name ``(1, offset, stem, hits)`` or None) that
    may yield a name, in ``clitic_splits`` order; ``longer``: whether any
    reading begins a longer name; ``single_best``: the best one-word name
    when none does (``_best_name_at``'s answer then); ``demonym``:
    ``_demonym_at``'s answer; ``single_name``: ``single_best`` unless the
    word is rather a nationality adjective (a one-word name no curator
    listed); ``dirs``/``nouns``: whether a reading begins a
    compass or territorial phrase; ``skeletons``: the readings a
    transliteration skeleton may match.
    """

    names: tuple = ()
    longer: bool = False
    single_best: tuple | None = None
    single_name: tuple | None = None
    demonym: tuple | None = None
    dirs: bool = False
    nouns: bool = False
    skeletons: tuple = ()


_PLAIN_WORD = _WordFacts()  # shared by the many words that offer the scan nothing


class _ScanMemo:
    """Per-gazetteer memos of the scan, each keyed by a normalized word (or name key)."""

    def __init__(self) -> None:
        self.begins: dict[str, int] = {}  # ``_may_begin``
        self.facts: dict[str, _WordFacts] = {}  # ``_word_facts``
        self.top_prior: dict[str, float] = {}  # ``_top_prior``
        self.standalone: dict[str, tuple | None] = {}  # ``_standalone_place``


def _memo(gaz: Gazetteer) -> _ScanMemo:
    global _LAST_MEMO
    ref, memo = _LAST_MEMO
    if ref is not None and ref() is gaz:
        return memo  # the one gazetteer of a run: asked for every word, so no weak-dictionary lookup
    memo = _SCAN_MEMOS.get(gaz)
    if memo is None:
        memo = _SCAN_MEMOS[gaz] = _ScanMemo()
    _LAST_MEMO = (weakref.ref(gaz), memo)
    return memo


_LAST_MEMO: tuple = (None, None)  # (weak reference to the gazetteer asked last, its memo)


def _begin_memo(gaz: Gazetteer) -> dict[str, int]:
    return _memo(gaz).begins


def _facts_of(key: str, gaz: Gazetteer) -> _WordFacts:
    """The word's ``_WordFacts``, memoized: news repeats its words, and each is read once."""
    memo = _memo(gaz).facts
    facts = memo.get(key)
    if facts is None:
        facts = _word_facts(key, gaz)
        if len(memo) < _MAX_BEGIN_MEMO:
            memo[key] = facts
    return facts


def _word_facts(key: str, gaz: Gazetteer) -> _WordFacts:
    """What a word offers the scan by itself (see ``_WordFacts``)."""
    names = []
    for off, stem in clitic_splits(key):
        longer = stem in gaz.first_words
        hits = gaz.lookup(stem)
        single = (1, off, stem, hits) if hits else None
        if longer or single is not None:
            names.append((off, stem, longer, single))
    longer = any(n[2] for n in names)
    single_best = None
    if not longer:
        for _, _, _, found in names:
            if single_best is None or _name_preference(found, gaz) > _name_preference(single_best, gaz):
                single_best = found
    demonym = _demonym_of(key, gaz)
    single_name = single_best
    if single_best and all(q < CURATED for _, q in single_best[3]) and demonym:
        single_name = None
    stems_ = [stem for _, stem in clitic_splits(key)]
    dirs, nouns = lexicon.directions(), lexicon.geo_nouns()
    facts = _WordFacts(
        names=tuple(names), longer=longer, single_best=single_best, single_name=single_name, demonym=demonym,
        dirs=any(stem in dirs.first_words for stem in stems_),
        nouns=any(stem in nouns.first_words for stem in stems_),
        skeletons=tuple((off, stem) for off, stem in clitic_splits(key)
                        if stem.isalpha() and not stem.isascii() and looks_transliterated(stem)))
    return _PLAIN_WORD if facts == _PLAIN_WORD else facts


def _may_begin(key: str, gaz: Gazetteer, dirs: lexicon.PhraseTable, nouns: lexicon.PhraseTable) -> int:
    """Which of ``_scan``'s readings may start at a word, judged from the word alone.

    ``_ANY`` when a name (its first word, or a one-word name), a compass or
    territorial noun phrase or a nationality adjective may; else
    ``_SKELETON_ONLY`` when only a transliteration skeleton may (which
    also needs a cue word before it); else ``_NOTHING``.  Each is a
    necessary condition of the reading, so skipping a word that fails them
    changes nothing but the time spent on it.
    """
    skeleton = False
    for _, stem in clitic_splits(key):
        if (stem in gaz.first_words or gaz.lookup(stem) or stem in dirs.first_words or stem in nouns.first_words
                or gaz.demonyms.get(strip_article(stem)) or gaz.demonyms.get(stem)):
            return _ANY
        skeleton = skeleton or (stem.isalpha() and not stem.isascii() and looks_transliterated(stem))
    return _SKELETON_ONLY if skeleton else _NOTHING


QUOTES = set("\"'«»“”„‘’")


def _skeleton_at(tokens: list[Token], i: int, gaz: Gazetteer, cues: dict) -> _Match | None:
    """A word a cue introduces that only a Latin GeoNames name spells (بلدة دماسك → Damasak)."""
    t = tokens[i]
    readings = _facts_of(t.key, gaz).skeletons
    if not readings or _cue_before(tokens, i, cues) is None:
        return None  # cheap tests first: this runs for every word nothing else matched
    if gaz.is_common_word(t.key):
        return None  # في بيانه "in its statement", not Baena: an everyday word with its clitics
    for off, stem in readings:
        places = gaz.by_skeleton(stem)
        if places:
            return _Match(t.start + off, t.end, i, i + 1, "skeleton", key=stem,
                          candidates=[Candidate(p, 0.0) for p in places], clitic=off > 0)
    return None


_BORDER_NOUNS = frozenset({"الحدود", "حدود", "حدودها", "حدوده", "الحدوديه", "الشريط"})


def _border_with_before(tokens: list[Token], m: _Match, previous: list[_Match]) -> bool:
    """Whether ``m`` follows "الحدود مع" (or continues such a list: الحدود مع ليبيا ومالي)."""
    lo = max(0, m.ti - 3)
    j = _word_before(tokens, m.ti, lo)
    if j >= lo and tokens[j].key == "مع":  # most names follow no مع: the noun before it is not looked for
        k = _word_before(tokens, j, lo)
        if k >= lo and tokens[k].key in _BORDER_NOUNS:
            return True
    if previous and previous[-1].border and m.ti - previous[-1].tj <= 2:
        gap = tokens[previous[-1].tj:m.ti]
        return all(not t.is_word or t.key == "و" for t in gap) and (
            bool(gap) or m.start > tokens[m.ti].start)
    return False


def _word_before(tokens: list[Token], i: int, lo: int) -> int:
    """Index of the last word token before ``i`` and at or after ``lo``, or ``lo - 1`` when none is."""
    j = i - 1
    while j >= lo and not tokens[j].is_word:
        j -= 1
    return j


_NEWS_WORDS = frozenset({"انباء", "الانباء"})  # between وكالة and the name of a news agency


def _after_org_head(tokens: list[Token], i: int) -> bool:
    """True when the word before token ``i`` opens an organisation name (منتخب فرنسا، صحيفة "واشنطن بوست").

    A noun of a physical site before the head (حرم جامعة غاريسا، مقر جامعة
    ...) makes the organisation a place named after its town: the town is
    then a location, not part of a name.
    """
    j = i - 1
    while j >= 0 and not tokens[j].is_word and tokens[j].key in QUOTES:
        j -= 1
    if j < 0 or not tokens[j].is_word:
        return False
    if tokens[j].key in _NEWS_WORDS and j > 0 and tokens[j - 1].is_word:
        j -= 1  # وكالة أنباء الأناضول: the agency's name, not Anatolia
    if not _reads_as(tokens[j].key, "org_heads.tsv"):
        return False
    if j == 0 or not tokens[j - 1].is_word:
        return True
    return not _reads_as(tokens[j - 1].key, "site_nouns.tsv")


def _reads_as(key: str, name: str) -> bool:
    """Whether some clitic reading of a word is in the one-word lexicon file ``name`` (memoized per file)."""
    memo = _READS_AS.get(name)
    if memo is None:
        memo = _READS_AS[name] = {}
    found = memo.get(key)
    if found is None:
        entries = lexicon.words(name)
        found = any(stem in entries for _, stem in clitic_splits(key))
        if len(memo) < _MAX_BEGIN_MEMO:
            memo[key] = found
    return found


# lexicon file → word key → whether a clitic reading of the word is in it: the scan asks about the
# word before every name it finds.
_READS_AS: dict[str, dict[str, bool]] = {}


def _media_credit(tokens: list[Token], ti: int, tj: int) -> bool:
    """True when tokens ``ti:tj`` are a newspaper's name quoted as a source, not a place.

    Papers named after places credit themselves in quotes: قال لـ«الشرق
    الأوسط» (told the paper), ل«الرياض»: (a headline credit), «الشرق
    الأوسط»: after a dateline. A place a story is about is not quoted and
    addressed with ل at once, nor followed by a colon inside its quotes.
    """
    if ti == 0 or tj >= len(tokens):
        return False
    opening, closing = tokens[ti - 1], tokens[tj]
    if opening.is_word or opening.key not in QUOTES or closing.is_word or closing.key not in QUOTES:
        return False
    before = tokens[ti - 2] if ti >= 2 else None
    after = tokens[tj + 1] if tj + 1 < len(tokens) else None
    return (before is not None and before.is_word and before.key == "ل") or \
        (after is not None and after.key == ":")


def _words_between(tokens: list[Token], ti: int, tj: int) -> int:
    return sum(1 for t in tokens[ti:tj] if t.is_word)


_ON_TARGET = lexicon.Cue(strong=False, kinds=())


def _seized_after(tokens: list[Token], i: int) -> lexicon.Cue | None:
    """A weak cue when token ``i`` follows "على" after a word of seizing or attacking (استولت على الرمادي).

    على alone is no place preposition (it takes any object); after these
    words its object is the place taken or attacked.
    """
    if i < 2 or not tokens[i - 1].is_word or tokens[i - 1].key not in ("علي", "وعلي"):
        return None
    if not _reads_as(tokens[i - 2].key, "seizure_heads.tsv"):
        return None
    # هجوماً على معسكر للجيش: a word naming a kind of place is that kind here, not a town of its name
    return None if any(stem in _cue_words() for _, stem in clitic_splits(tokens[i].key)) else _ON_TARGET


def _cue_before(tokens: list[Token], i: int, cues: dict) -> lexicon.Cue | None:
    """The cue word right before token ``i`` (its clitics stripped), if any."""
    if i == 0 or not tokens[i - 1].is_word:
        return None
    return _cue_of(tokens[i - 1].key, cues, _cue_memo(cues))


def _cue_of(key: str, cues: dict, memo: dict) -> lexicon.Cue | None:
    """The cue a word is under its first clitic reading that is one, remembered in ``memo``."""
    if key in memo:
        return memo[key]
    cue = next((cues[stem] for _, stem in clitic_splits(key) if stem in cues), None)
    if len(memo) < _MAX_BEGIN_MEMO:
        memo[key] = cue
    return cue


# id of a cue table → (the table, word key → its cue or None).  The table is kept beside its memo
# so that its id cannot be reused by another table while the memo lives.
_CUE_MEMOS: dict[int, tuple[dict, dict]] = {}


def _cue_memo(cues: dict) -> dict:
    entry = _CUE_MEMOS.get(id(cues))
    if entry is None or entry[0] is not cues:
        entry = _CUE_MEMOS[id(cues)] = (cues, {})
    return entry[1]


_TRAILING = lexicon.Cue(strong=False, kinds=())


def _cue_after(tokens: list[Token], j: int) -> lexicon.Cue | None:
    """A weak cue from the word right after a name (سرت غرباً)."""
    if j < len(tokens) and tokens[j].is_word and tokens[j].key in lexicon.words("trailing_cues.tsv"):
        return _TRAILING
    return None


def _construction_at(tokens, i, gaz, dirs, nouns) -> _Match | None:
    """A compass + place or territorial noun + nationality construction at token ``i``."""
    facts = _facts_of(tokens[i].key, gaz)
    if not (facts.dirs or facts.nouns):
        return None  # the word begins neither kind of phrase
    d = _phrase_at(tokens, i, dirs) if facts.dirs else None
    if d is not None:
        off, nwords, direction = d
        j = _token_index_after(tokens, i, nwords)
        if j < len(tokens) and tokens[j].is_word:
            name = _best_name_at(tokens, j, gaz)
            if name and name[1] == 0:
                ref = _area_ref(gaz, name[3])
                if ref is not None:
                    tj = _token_index_after(tokens, j, name[0])
                    area = gaz.place(ref)
                    place = _part_of(area, direction, tokens, i, tj)
                    return _Match(tokens[i].start + off, tokens[tj - 1].end, i, tj, "direction",
                                  key=name[2], hits=name[3], place=place)
    nn = _phrase_at(tokens, i, nouns) if facts.nouns else None
    if nn is not None:
        off, nwords, (mode, english) = nn
        j = _token_index_after(tokens, i, nwords)
        isos = []
        while j < len(tokens) and tokens[j].is_word and len(isos) < 2:
            dem = _demonym_at(tokens, j, gaz)
            if dem is None or (dem[0] and not tokens[j].key.startswith("و")):
                break
            if dem[1] not in isos:
                isos.append(dem[1])
            j += 1
        if isos:
            place = _territory(gaz, mode, english, isos)
            if place is not None:
                return _Match(tokens[i].start + off, tokens[j - 1].end, i, j, "noun_demonym", place=place)
    return None


def _area_ref(gaz: Gazetteer, hits) -> int | None:
    """The country, admin area or region among ``hits`` a compass word can divide."""
    areas = [(rank.prior(gaz.place(r), q), r) for r, q in hits
             if gaz.place(r).kind in ("country", "admin", "region")]
    return max(areas)[1] if areas else None


def _shift(lat: float, lon: float, dlat: float, dlon: float, km: float) -> tuple[float, float]:
    """The point ``km`` away from (lat, lon) in compass direction (dlat, dlon)."""
    norm = math.hypot(dlat, dlon) or 1.0
    lat2 = lat + (dlat / norm) * km / 111.0
    lon2 = lon + (dlon / norm) * km / (111.0 * max(math.cos(math.radians(lat)), 0.2))
    return round(lat2, 4), round(lon2, 4)


def _part_of(area: Place, d: lexicon.Direction, tokens, ti, tj) -> Place:
    """The part of ``area`` a compass word names (جنوب ليبيا → Southern Libya)."""
    radius = area.radius_km or 100.0
    lat, lon = _shift(area.lat, area.lon, d.dlat, d.dlon, radius * 0.5)
    return Place(id=f"part:{d.english.lower()}:{area.id}", geonameid=None,
                 name=f"{d.english} {area.name}", name_ar="", country=area.country,
                 lat=lat, lon=lon, kind="region", population=None, radius_km=radius * 0.6)


@lru_cache(maxsize=1)
def _border_middles() -> dict[tuple[str, str], tuple[float, float, float]]:
    """(ISO2, ISO2) in order → (lat, lon, half length in km) of the middle of their land border (borders.tsv)."""
    return {tuple(r["countries"].split("-")): (float(r["lat"]), float(r["lon"]), float(r["half_length_km"]))
            for r in read_tsv("borders.tsv")}


def _territory(gaz: Gazetteer, mode: str, english: str, isos: list[str]) -> Place | None:
    """The territory a noun + nationality phrase names (الساحل الليبي, الحدود الجزائرية الليبية)."""
    countries = [gaz.country(c) for c in isos]
    if any(c is None for c in countries):
        return None
    first = countries[0]
    if mode == "capital":
        cap = gaz.capital(first.country)
        return cap or first
    if mode == "country" and len(countries) == 1:
        return first
    if mode == "border" and len(countries) == 2:
        a, b = countries
        middle = _border_middles().get(tuple(sorted((a.country, b.country))))
        lat, lon, radius = middle or ((a.lat + b.lat) / 2, (a.lon + b.lon) / 2,
                                      min(a.radius_km, b.radius_km) * 0.5)
        return Place(id=f"border:{a.country}-{b.country}", geonameid=None,
                     name=f"{a.name}–{b.name} border", name_ar="", country=a.country,
                     lat=round(lat, 4), lon=round(lon, 4), kind="region", radius_km=radius)
    names = "–".join(c.name for c in countries)
    return Place(id=f"{english.replace(' ', '-')}:{'-'.join(isos)}", geonameid=None,
                 name=f"{names} {english}", name_ar="", country=first.country,
                 lat=first.lat, lon=first.lon, kind="region", radius_km=first.radius_km)


# -- pass 2: document context -------------------------------------------------

def _context(matches: list[_Match], gaz: Gazetteer) -> rank.Context:
    """Countries and points the document establishes without needing context itself."""
    ctx = rank.Context()
    for m in matches:
        if m.kind == "skeleton":
            continue  # transliteration matches need context; they cannot give it
        if m.kind in ("demonym", "noun_demonym", "direction"):
            if m.place and m.place.country:
                ctx.support(m.place.country, 0.5 if m.kind == "demonym" else 1.0, m.key)
            continue
        top = _standalone_place(m, gaz)
        if top is None:
            continue
        p, q = top
        if p.kind == "country" or (q == CURATED and p.kind in ("region", "admin", "water")):
            if p.country:
                ctx.support(p.country, 1.0, m.key)
        elif p.kind in ("city", "town") and (p.population or 0) >= PROMINENT_POP and \
                gaz.commonness.get(m.key, 0.0) <= _allowance(p, q == CURATED) and \
                m.key not in lexicon.words("ambiguous_names.tsv"):
            ctx.support(p.country, 0.5, m.key)
            ctx.points.append((p.lat, p.lon))
    ctx.points = sorted(set(ctx.points))
    return ctx


def _standalone_place(m: _Match, gaz: Gazetteer):
    """The (place, quality) a name denotes without context: its one place, or the namesake that
    clearly outranks the others (``_dominant``), else None.

    Memoized by name key: a name always has the same hits (``gaz.lookup``), and
    every document that names it asks again.
    """
    memo = _memo(gaz).standalone
    if m.key in memo:
        return memo[m.key]
    places = {gaz.place(r).id: (gaz.place(r), q) for r, q in m.hits}
    top = _dominant(m.hits, gaz) if len(places) != 1 else next(iter(places.values()))
    if len(memo) < _MAX_BEGIN_MEMO:
        memo[m.key] = top
    return top


def _dominant(hits, gaz: Gazetteer):
    """The (place, quality) that clearly outranks its namesakes without context, else None."""
    scored = sorted(((rank.prior(gaz.place(r), q), r, q) for r, q in hits), reverse=True)
    if len(scored) == 1 or scored[0][0] - scored[1][0] >= 2.0:
        return gaz.place(scored[0][1]), scored[0][2]
    top = gaz.place(scored[0][1])
    if top.kind == "city" and all(_same_seat(top, gaz.place(r)) for _, r, _ in scored[1:]):
        return top, scored[0][2]  # بنغازي: the city, and the district named after it that it is the seat of
    return None


SEAT_KM = 30.0  # an admin area named like a city, within this of it, is the area the city is the seat of


def _same_seat(city: Place, other: Place) -> bool:
    """Whether ``other`` is the admin area ``city`` is the seat of (محافظة حلب for حلب): one place for context."""
    return (other.kind == "admin" and other.country == city.country
            and rank.haversine_km(city.lat, city.lon, other.lat, other.lon) <= SEAT_KM)


def _names_area(m: _Match, gaz: Gazetteer) -> bool:
    """Whether a name resolved to an admin area names the area as a whole, to be drawn at its centre.

    A cue says so (محافظة الجوف، ولاية بورنو); so does a name no town within
    reach of the seat bears (حضرموت، الأنبار).  A bare ديفا or كيدال, which
    the area shares with its seat, is said of the town first.
    """
    area = m.place
    if area is None or area.kind != "admin" or not area.centre:
        return False
    if m.cue is not None and m.cue.strong and "admin" in m.cue.kinds:
        return True
    return not any(_same_seat(town, area) for town in (gaz.place(ref) for ref, _ in m.hits)
                   if town.kind in ("city", "town"))


# -- pass 3: resolution and judgement -----------------------------------------

def _judge(m: _Match, i: int, matches: list[_Match], tokens: list[Token], gaz: Gazetteer,
           ctx: rank.Context, country: str | None, ranked: dict | None = None) -> bool:
    """Resolve ``m`` in context and decide whether it is a place mention at all.

    ``ranked`` memoizes the document's rankings: (name key, country bias, kinds) → candidates.
    The verdict stays on the match: a later name may lean on an earlier one
    only if that one was accepted (see ``_reliable_places``).
    """
    m.accepted = _verdict(m, i, matches, tokens, gaz, ctx, country, ranked)
    return m.accepted


def _verdict(m: _Match, i: int, matches: list[_Match], tokens: list[Token], gaz: Gazetteer,
             ctx: rank.Context, country: str | None, ranked: dict | None) -> bool:
    """The body of ``_judge``: resolve ``m`` (setting its place and candidates) and accept it or not."""
    ambiguous = lexicon.words("ambiguous_names.tsv")
    if m.kind == "demonym":
        m.role = "demonym"
        m.score = 0.8
        if m.key in ambiguous or strip_article(m.key) in ambiguous:
            return _head_noun_before(tokens, m.ti)
        return True
    if m.kind in ("noun_demonym", "direction"):
        m.score = 0.8
        return True  # a compass word or territorial noun is itself the evidence (شمال مالي)
    if m.kind == "skeleton":
        return _judge_skeleton(m, ctx)
    kinds = m.cue.kinds if (m.cue and m.cue.strong) else ()
    by_direction = _direction_locator(i, matches, tokens, gaz)  # both the ranking and the judgement ask
    locator = _locator_country(i, matches, tokens, by_direction)
    memo_key = (m.key, locator or country, kinds)
    cands = ranked.get(memo_key) if ranked is not None else None
    if cands is None:
        cands = gaz.rank(m.hits, country=locator or country, context=ctx, kinds=kinds)
        if ranked is not None:
            ranked[memo_key] = cands
    cands = list(cands)  # each mention owns its candidate list
    m.candidates = cands
    best = cands[0].place
    quality = max(q for r, q in m.hits if gaz.place(r).id == best.id)
    m.place, m.score = best, cands[0].score
    if m.border and best.kind == "country":
        _place_on_border(m, gaz, ctx)
        return True
    zipf = gaz.commonness.get(m.key, 0.0)
    multiword = " " in m.key
    curated = quality == CURATED
    if best.kind in ("city", "town") and _contained_elsewhere(i, matches, tokens, gaz, cands, by_direction):
        # بلدة الطيبة بالغوطة الغربية is not Tayibe in Israel, منطقة الفاو بمحافظة مأرب not Sudan's
        # El Fau however well its spelling is known: an unlisted namesake (see sites)
        return False
    if _foreign_to_document(m, best, ctx, tokens):
        return False
    if not multiword:
        if not curated and (zipf >= NEVER_ZIPF or len(m.key) <= 2
                            or (zipf > 5.0 and (best.population or 0) < 1000)):
            return False
        cue = lexicon.cues().get(m.key)
        if not curated and cue is not None and cue.strong:  # مدينة, جزيرة, دولة name a kind, not a place
            return False
        if _cue_word_after_cue(m, tokens, best):  # إلى معسكر، معسكر المدينة: a camp, the city
            return False
        if _opens_longer_name(m, tokens):  # قرى جبل صبر: not Dzhebel in Bulgaria (sites places جبل صبر)
            return False
        if _adjective_of_noun_before(m, i, matches, tokens, gaz):  # المناطق الشرقية: "eastern", not Sharqia
            return False
    allowance = _allowance(best, curated)
    if m.clitic and not multiword and not m.key.startswith("ال"):
        if _article_reading_is_a_word(m, tokens, gaz) and not _adjacent_place(i, matches, tokens):
            return False  # للحج is ل + الحج "for the pilgrimage" before it is ل + لحج (but للحج والعند is Lahij)
        # ورقة is "paper", not و + Raqqa: when the word with its clitic is at
        # least as common as the bare name, the word is a word of its own.
        # (A clitic before a definite name, والفلوجة، بالرمادي, is common because the name is.)
        whole = gaz.clitic_commonness.get(tokens[m.ti].key, 0.0)
        if (whole and whole >= zipf and not _after_listed_country(i, matches, tokens)) or (
                whole > allowance + (0.5 if best.kind == "country" else 0.0)
                and not _adjacent_place(i, matches, tokens, gaz, best)):  # سنجار وخانقين ومخمور
            return False
    word_like = m.key in ambiguous or (not multiword and (
        zipf > allowance or (zipf >= NEVER_ZIPF and not (curated and best.kind == "country"))))
    if word_like:
        return _strong_evidence(m, i, matches, tokens, ctx, best, zipf, zipf - allowance, gaz)
    pop = best.population or 0
    if best.kind not in ("city", "town") or best.capital or pop >= MEGACITY_POP \
            or (pop >= PROMINENT_POP and (curated or multiword)):  # دير الزور: long names are seldom accidents
        return True
    if pop >= PROMINENT_POP:
        if (m.cue is not None or _facility_before(tokens, m.ti) or _adjacent_place(i, matches, tokens)
                or _adjacent_place(i, matches, tokens, gaz, best)):  # الرمادي والفلوجة: a town of its country beside it
            return True
        # Context alone vouches only for names well below word frequency
        # (العمارة "architecture" is too common for Amarah on context alone).
        return _supported(ctx, best) and zipf < allowance - 1.0
    # A curator vouches for a spelling, not for every occurrence of it: small
    # towns need evidence whatever the source of their name.
    return _has_evidence(m, i, matches, tokens, ctx, best, gaz)


def _strong_evidence(m: _Match, i: int, matches: list[_Match], tokens: list[Token],
                     ctx: rank.Context, best: Place, zipf: float, excess: float, gaz: Gazetteer) -> bool:
    """Evidence enough for a name that is also a common word (مالي، سنة، القمر)."""
    if best.kind == "country" and _after_listed_country(i, matches, tokens):
        return True  # الكويت وقطر وعمان: a country in a list of countries
    if _facility_before(tokens, m.ti) and zipf < NEVER_ZIPF:
        # مطار عبس في محافظة حجة، قاعدة القيارة جنوب الموصل: an installation
        # named by a word is still named after its town when the sentence, or
        # the document, places it in that town's country.
        if ctx.countries.get(best.country, 0.0) >= 1.0 or _located_nearby(i, matches, tokens, gaz, best):
            return True
    if m.cue is not None and m.cue.strong:
        # منطقة جبل الزاوية: a common word after a cue, followed by a definite
        # word, opens a longer name the gazetteer does not know.
        nxt = tokens[m.tj] if m.tj < len(tokens) else None
        return not (nxt is not None and nxt.is_word and nxt.key.startswith("ال") and excess > 0
                    and nxt.key not in FUNCTION_WORDS  # مديرية لودر التي …: the name has ended
                    and not any(stem in (lexicon.words("trailing_cues.tsv")) for _, stem in clitic_splits(nxt.key)))
    # A neighbouring place vouches for a mildly common word (مالي والنيجر), not
    # for a function word that happens to name a city (وأن → Van).
    if excess <= 1.0 and zipf < 5.0 and _adjacent_place(i, matches, tokens):
        return True
    # In a list of towns of one country (سنجار وخانقين ومخمور), or after a
    # cue and before a locator (من القيارة جنوب الموصل), a reliable place
    # near the namesake vouches for a rarer word too.
    if excess <= LIST_EXCESS and zipf < 5.0 and (
            _adjacent_place(i, matches, tokens, gaz, best)
            or (m.cue is not None and _located_nearby(i, matches, tokens, gaz, best, following_only=True))):
        return True
    return m.cue is not None and excess <= 0.5 and _supported(ctx, best)


def _supported(ctx: rank.Context, best: Place) -> bool:
    """The document already names the place's country, or a place near it."""
    if ctx.countries.get(best.country, 0.0) >= 1.0:
        return True
    return best.kind in ("city", "town", "admin", "facility") and bool(ctx.points) and \
        ctx.nearest_km(best.lat, best.lon) < SUPPORT_KM


def _judge_skeleton(m: _Match, ctx: rank.Context) -> bool:
    """Accept a transliteration match only inside the document's countries, nearest first.

    A consonant skeleton matches places all over the world; the document's
    own countries and points pick the one meant, or none.
    """
    def support(p: Place) -> tuple:
        near = ctx.nearest_km(p.lat, p.lon) if ctx.points else math.inf
        # A country named in passing (a coalition's members, a minister's
        # visit) does not vouch for a skeleton: كفريا is not Cuvry in France.
        main = ctx.countries.get(p.country, 0.0) >= 1.0 and ctx.country_share(p.country) >= SKELETON_SHARE
        return (main or near < SUPPORT_KM, -near, p.population or 0)

    ranked = sorted((c.place for c in m.candidates), key=support, reverse=True)
    if not ranked or not support(ranked[0])[0]:
        return False
    m.place, m.score = ranked[0], 0.5
    m.candidates = [Candidate(p, 0.5 if k == 0 else 0.3) for k, p in enumerate(ranked[:10])]
    return True


def _place_on_border(m: _Match, gaz: Gazetteer, ctx: rank.Context) -> None:
    """Turn "الحدود مع ليبيا" into the border between the document's country and Libya.

    The document's country is the one it names most among Libya's land neighbours: an
    Afghan story's "المناطق الحدودية مع باكستان" is no Egypt–Pakistan border because the
    story named Egypt once.  With no neighbour named, the place stays Libya itself.
    """
    far = m.place.country
    partners = sorted(((w, c) for c, w in ctx.countries.items() if c and c != far and gaz.borders(c, far)),
                      reverse=True)
    if partners:
        border = _territory(gaz, "border", "border", [partners[0][1], far])
        if border is not None:
            m.place = border


ADJECTIVE_ZIPF = 4.0  # a definite nisba this common (الشرقية، الغربية، السلمية) is an adjective before it is a place


MILLION_POP = 1_000_000  # a foreign city this big is named for itself even without a place word before it
FOREIGN_TOP_WEIGHT = 2.0  # the document is about another country when that one has this much weight


def _foreign_to_document(m: _Match, best: Place, ctx: rank.Context, tokens: list[Token]) -> bool:
    """Whether ``best``, a town, lies in a country nothing else in a document about another one names.

    Conflict news names villages and districts GeoNames lacks (منطقة العلم near Aden,
    قرية الشجرة west of Daraa); their names match namesakes abroad (Al-'Alam in Iraq,
    Ash Shajarah in Jordan) that no other word of the story supports.  A capital or a
    city of a million is named for itself (talks in Rabat, وطهران كان دورها) unless a
    word for part of a town comes before it (منطقة الرباط شمال عدن).  A city of
    100,000 or more is, when a place word fit for a city introduces it (في أبها، إلى جنيف; not
    قرية البسيط, a village no Albacete); without
    one, in a story about elsewhere, it is a word that happens to spell it (أقصر وقت
    "the shortest time" is no Luxor, البيت الأبيض no El Obeid).
    """
    if best.kind not in ("city", "town"):
        return False
    # cheapest tests first: most towns lie in a country the story names
    supporters = ctx.supporters.get(best.country)
    if supporters and (len(supporters) > 1 or m.key not in supporters):
        return False
    top = max(ctx.countries.items(), key=_WEIGHT, default=None)
    if top is None or top[0] == best.country or top[1] < FOREIGN_TOP_WEIGHT:
        return False
    pop = best.population or 0
    if best.capital or pop >= MILLION_POP:
        if not _local_head_before(tokens, m.ti):
            return False
    elif pop >= PROMINENT_POP and _cue_fits(m.cue, best) and not _local_head_before(tokens, m.ti):
        return False  # في جنيف: a city abroad named with a place word is named for itself
    own = (best.lat, best.lon)  # a prominent city established its own point
    return not any(pt != own and rank.haversine_km(*pt, *own) < SUPPORT_KM  # أقجة قلعة across from تل أبيض
                   for pt in ctx.points)


_WEIGHT = itemgetter(1)  # of a (country, weight) item


def _cue_fits(cue: lexicon.Cue | None, place: Place) -> bool:
    """Whether a cue word introduces a place of ``place``'s kind: قرية البسيط is a village, not the city Albacete."""
    return cue is not None and (not cue.strong or not cue.kinds or place.kind in cue.kinds)


def _local_head_before(tokens: list[Token], ti: int) -> bool:
    """Whether the word before token ``ti`` names a part of a town or district (حي، منطقة، بمديرية)."""
    return _head_before(tokens, ti, lexicon.words("local_heads.tsv"))


def _article_reading_is_a_word(m: _Match, tokens: list[Token], gaz: Gazetteer) -> bool:
    """Whether a word read as ل + a name (للحج → ل + لحج) reads more plainly as لل = ل + ال + a common word."""
    word = tokens[m.ti].key
    return word.startswith("لل") and gaz.is_common_word("ال" + word[2:])


def _opens_longer_name(m: _Match, tokens: list[Token]) -> bool:
    """Whether ``m`` is a word that opens two-word names (جبل، عين، تل، دير) and a name goes on after it.

    جبل صبر، عين الحلوة: when the gazetteer lacks the whole name, its first word
    alone is not the place; it would match whatever hamlet is called "Jebel".
    """
    if m.key not in lexicon.words("name_starters.tsv") or m.tj >= len(tokens):
        return False
    nxt = tokens[m.tj]
    return nxt.is_word and nxt.key not in _FUNCTION_WORDS and len(nxt.key) >= 3


def _adjective_of_noun_before(m: _Match, i: int, matches: list[_Match], tokens: list[Token], gaz: Gazetteer) -> bool:
    """Whether ``m``, a common definite nisba (الشرقية), agrees with the definite noun just before it.

    المناطق الشرقية، الحدود الغربية are "the eastern areas", "the western border";
    Egypt's Sharqia and Gharbia are named alone or after محافظة, which is not definite.
    """
    if not (m.key.startswith("ال") and m.key.endswith("يه") and m.ti > 0
            and gaz.commonness.get(m.key, 0.0) >= ADJECTIVE_ZIPF):
        return False
    before = tokens[m.ti - 1]
    if not before.is_word or (i > 0 and matches[i - 1].tj > m.ti - 1):
        return False  # a place just before (its own adjective, or a list) is no noun this qualifies
    return any(stem.startswith("ال") for _, stem in clitic_splits(before.key))


_FUNCTION_WORDS = FUNCTION_WORDS | {"و"}  # a lone و after a name's first word ends it too


def _locator_country(i: int, matches: list[_Match], tokens: list[Token],
                     by_direction: str | None) -> str | None:
    """The country a place is pinned to by what follows it: طرابلس الليبية، غاو المالية،
    طرابلس شمال لبنان، بنغازي (ليبيا)، العين، جنوب مدينة لودر بمحافظة أبين (``by_direction``, the
    country ``_direction_locator`` found)."""
    if i + 1 >= len(matches):
        return None
    m, nxt = matches[i], matches[i + 1]
    gap = [t for t in tokens[m.tj:nxt.ti]]
    if len(gap) > 1 or (gap and gap[0].key not in ("،", ",", "(", "-", "في")):
        return by_direction
    if nxt.kind in ("demonym", "direction") and nxt.place is not None:
        return nxt.place.country
    return by_direction


def _direction_locator(i: int, matches: list[_Match], tokens: list[Token], gaz: Gazetteer) -> str | None:
    """The country of the place a compass word after a town locates it by (، جنوب مدينة لودر بمحافظة
    أبين، شرق حمص): that place, or the area named right after it, surely named."""
    m = matches[i]
    after = [o for o in matches[i + 1:i + 4] if o.key not in lexicon.cues()]
    if not after:
        return None
    gap = tokens[m.tj:after[0].ti]
    if after[0].kind == "direction" and after[0].place is not None and all(not t.is_word for t in gap) \
            and len(gap) <= 1:
        return after[0].place.country  # شرق حمص is one direction match
    if not _located_by_direction(gap):
        return None
    # the place itself, or the area right after it (لودر بمحافظة أبين)
    near = after[:1] + [o for o in after[1:2] if o.ti - after[0].tj <= 1]
    places = [p for o in near for p in _reliable_places(o, gaz) if p.country]
    return places[0].country if places else None


def _contained_elsewhere(i: int, matches: list[_Match], tokens: list[Token], gaz: Gazetteer, cands,
                         by_direction: str | None) -> bool:
    """Whether the area named right after a town (بلدة الطيبة بالغوطة الغربية، قرية X في محافظة Y) lies in
    a country where none of the town's namesakes does: the town meant is one the gazetteer lacks."""
    if i + 1 >= len(matches):
        return False
    m, nxt = matches[i], matches[i + 1]
    # قرية الطيبة شرق حمص: the place a compass word locates it by (``by_direction``) lies in a country
    # none of its namesakes does (not Tayibe in Israel)
    if by_direction is not None:
        return all(c.place.country != by_direction for c in cands)
    gap = tokens[m.tj:nxt.ti]
    if not _tied_to_area(gap, tokens[nxt.ti]):
        return False
    area = _reliable_places(nxt, gaz)
    if not area or area[0].kind not in ("admin", "region") or not area[0].country:
        return False
    return all(c.place.country != area[0].country for c in cands)


_DIRECTION_KEYS = frozenset({"شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي"})


def _located_by_direction(gap: list[Token]) -> bool:
    """Whether the words between a town and the next place locate the town by it: a compass word,
    maybe after a comma and before one place noun (، جنوب مدينة لودر، شرق الرمادي)."""
    keys = [t.key for t in gap if t.is_word]
    if len(gap) - len(keys) > 1 or not keys or keys[0] not in _DIRECTION_KEYS:
        return False
    return len(keys) <= 2 and all(k in lexicon.cues() and k not in _FUNCTION_WORDS for k in keys[1:])


def _tied_to_area(gap: list[Token], area: Token) -> bool:
    """Whether the words between a town and the area after it say "in": بالغوطة، في محافظة، بمحافظة.

    One area noun (محافظة، ريف، ولاية) may stand between them, with في before it or ب on it.
    """
    if not gap:
        return area.key.startswith(("ب", "وب"))
    keys = [t.key for t in gap]
    if keys[0] == "في":
        keys = keys[1:]
    elif keys[0].startswith("ب"):
        keys[0] = keys[0][1:]
    else:
        return False
    return len(keys) <= 1 and all(k in lexicon.cues() and k not in _FUNCTION_WORDS for k in keys)


def _allowance(p: Place, curated: bool) -> float:
    """How common, as a word, a name may be before the place needs evidence.

    Prominent places are named often, so their names are frequent words of
    news text; a hamlet whose name is as frequent as an ordinary word is far
    more likely that word.
    """
    if p.kind == "country":
        # Curated country names were chosen for news; those that are also
        # words (مالي، القمر) are listed in ambiguous_names.tsv instead.
        return 9.0 if curated else 4.5
    if p.kind in ("region", "water", "admin"):
        return 5.2 if curated else 4.5
    # Calibrated on wordfreq's Arabic list: big cities' names run at Zipf
    # 4.8-5.2 (بغداد، القاهرة، نيويورك), while words that happen to name a
    # city of a few hundred thousand (سنة، امل، عالية) exceed what such a city
    # would earn.
    base = 0.5 + 0.75 * math.log10(max(p.population or 1, 1))
    if p.capital:
        base += 1.0
    if curated:
        base += 1.0
    return base


def _has_evidence(m: _Match, i: int, matches: list[_Match], tokens: list[Token],
                  ctx: rank.Context, best: Place, gaz: Gazetteer) -> bool:
    """Whether the text around a small place's name, or the document, supports it.

    A strong cue (مدينة، بلدة), an installation noun (مطار، قاعدة), a
    neighbouring place, or a locator right after it (الباغوز شرق سوريا،
    القيارة جنوب الموصل) suffices; otherwise the document must name the
    place's country or a place nearby, and a weak cue (في، قرب) must stand
    before it unless a known place lies close.
    """
    if (m.cue is not None and m.cue.strong) or _facility_before(tokens, m.ti) \
            or _adjacent_place(i, matches, tokens):
        return True
    if _located_nearby(i, matches, tokens, gaz, best, following_only=True):
        return True
    if best.kind in ("city", "town", "admin", "facility") and ctx.points and \
            ctx.nearest_km(best.lat, best.lon) < SUPPORT_KM:
        return True
    return m.cue is not None and _supported(ctx, best)


def _facility_before(tokens: list[Token], i: int) -> bool:
    """Whether an installation or battle noun stands right before token ``i``
    (مطار مروي، قاعدة القيارة، حرم جامعة غاريسا، معركة الحويجة).

    An airport, base, prison or field is named after the town it stands in,
    and a battle or front after the place it is fought at, so the name after
    the noun is that place: a location, and evidence that the name is a
    place at all.
    """
    return _head_before(tokens, i, _place_heads())


def _head_before(tokens: list[Token], i: int, heads: frozenset[str]) -> bool:
    """Whether the word before token ``i``, with or without its clitics, is one of ``heads``."""
    if i == 0 or not tokens[i - 1].is_word:
        return False
    return any(stem in heads for _, stem in clitic_splits(tokens[i - 1].key))


@lru_cache(maxsize=1)
def _place_heads() -> frozenset[str]:
    """Installation and battle nouns, one set (see ``_facility_before``)."""
    return lexicon.words("facility_heads.tsv") | lexicon.words("battle_heads.tsv")


def _cue_word_after_cue(m: _Match, tokens: list[Token], best: Place) -> bool:
    """Whether a one-word name is itself a cue or installation noun read after another one.

    معسكر (Mascara) and المدينة (Medina) are also "camp" and "the city": in
    "إلى معسكر المدينة" the first is a camp the preposition introduces and the
    second the city that camp belongs to.  A strong cue of the place's own
    kind still introduces the town (مدينة معسكر، ولاية معسكر).
    """
    if m.key not in _cue_words():
        return False
    if _facility_before(tokens, m.ti):
        return True
    before = _cue_before(tokens, m.ti, lexicon.cues())
    return before is not None and not (before.strong and best.kind in before.kinds)


@lru_cache(maxsize=1)
def _cue_words() -> frozenset[str]:
    """Cue and installation nouns, bare and with the article (معسكر، المدينه)."""
    words = set(lexicon.cues()) | lexicon.words("facility_heads.tsv")
    return frozenset(words | {"ال" + w for w in words})


# Punctuation that ends a sentence: support for a place comes from its own sentence.
_SENTENCE_END = frozenset({".", "!", "?", "؟"})
LIST_EXCESS = 3.0  # how much more common than its place a word may be when a list of towns vouches for it
NEARBY_WORDS = 12  # how far, in tokens, a supporting place may stand in the sentence
LOCATOR_GAP = 3  # tokens between a name and the place that locates it (في محافظة حجة)


def _located_nearby(i: int, matches: list[_Match], tokens: list[Token], gaz: Gazetteer, best: Place,
                    following_only: bool = False) -> bool:
    """Whether the sentence names, close to ``matches[i]``, a place of the same country near ``best``.

    "القيارة جنوب الموصل", "عبس في محافظة حجة", "الباغوز شرق سوريا": a
    town is located by the area or city named right after it.  With
    ``following_only`` only that locator counts (a name, then at most a few
    cue words, then the place); otherwise any reliable place of the
    sentence within ``NEARBY_WORDS`` tokens does.  A reliable place is a
    construction (شرق سوريا), or a name whose reading is curated, an area
    or a large city (see ``_reliable_places``); a village namesake of an
    ordinary word vouches for nothing.
    """
    m = matches[i]
    cues = lexicon.cues()
    others = range(i + 1, len(matches)) if following_only else \
        [k for k in range(len(matches)) if k != i]
    for k in others:
        o = matches[k]
        a, b = (m, o) if k > i else (o, m)
        gap = tokens[a.tj:b.ti]
        if len(gap) > (LOCATOR_GAP if following_only else NEARBY_WORDS):
            if k > i:
                break
            continue
        if any(t.key in _SENTENCE_END for t in gap):
            if following_only:
                break
            continue
        if following_only and any(t.is_word and not any(st in cues for _, st in clitic_splits(t.key))
                                  for t in gap):
            break
        if any(_vouches_for(p, best) for p in _reliable_places(o, gaz, m.key)):
            return True
        if following_only:
            break
    return False


def _reliable_places(o: _Match, gaz: Gazetteer, key: str = "") -> list[Place]:
    """The place a neighbouring match surely names, if any (see ``_located_nearby``).

    A name counts in its one reading: the place already judged (if it was
    accepted), or the namesake that ranks first (لندن is London, England,
    not London, Ontario, however near that one lies).
    """
    if o.kind in ("direction", "noun_demonym"):
        return [o.place] if o.place is not None else []
    if o.kind != "name" or o.key == key:
        return []  # a name repeated (الأم، الأم) vouches for nothing
    if o.key in lexicon.words("ambiguous_names.tsv") and not (o.cue and o.cue.strong):
        return []  # حجة "pretext" vouches for nothing; محافظة حجة is the governorate
    judged = o.accepted
    if judged is False:
        return []
    if judged and o.place is not None:
        p, q = o.place, max((q for r, q in o.hits if gaz.place(r).id == o.place.id), default=0)
    else:  # not judged yet: its first reading, as its own cue word would have it (محافظة حجة)
        kinds = o.cue.kinds if (o.cue and o.cue.strong) else ()
        p = gaz.rank(o.hits, kinds=kinds)[0].place
        q = max(q for r, q in o.hits if gaz.place(r).id == p.id)
    if q == CURATED or p.kind in ("country", "admin") or (p.population or 0) >= PROMINENT_POP:
        return [p]
    return []


def _vouches_for(p: Place, best: Place) -> bool:
    """A place of the same country that is an area, or a town within ``SUPPORT_KM``."""
    if not p.country or p.country != best.country:
        return False
    if p.kind in ("country", "admin", "region"):
        return True
    return rank.haversine_km(p.lat, p.lon, best.lat, best.lon) < SUPPORT_KM


def _after_listed_country(i: int, matches: list[_Match], tokens: list[Token]) -> bool:
    """Whether the name at ``i`` follows an accepted country joined to it by و or a comma (الكويت وقطر وعمان):
    however common the word with its clitic (وعمان "and Amman"), the list vouches for a place."""
    if i == 0:
        return False
    o, m = matches[i - 1], matches[i]
    if not (o.accepted and o.place is not None and o.place.kind == "country"):
        return False
    return _joined(o, m, tokens)


def _joined(a: _Match, b: _Match, tokens: list[Token]) -> bool:
    """Whether ``b`` follows ``a`` joined to it by و (attached or alone) or a comma."""
    gap = tokens[a.tj:b.ti]
    return (not gap and b.start > tokens[b.ti].start and tokens[b.ti].key.startswith("و")) or \
        (len(gap) == 1 and gap[0].key in ("،", ",", "و"))


def _adjacent_place(i: int, matches: list[_Match], tokens: list[Token],
                    gaz: Gazetteer | None = None, best: Place | None = None) -> bool:
    """True when a plausible neighbouring place is joined to this one by و or a comma (مالي والنيجر).

    Given ``gaz`` and ``best``, the neighbour must instead be a reliable place
    of ``best``'s country near it (see ``_located_nearby``).
    """
    m = matches[i]
    for k in (i - 1, i + 1):
        if not 0 <= k < len(matches):
            continue
        o = matches[k]
        a, b = (o, m) if k < i else (m, o)
        if not _joined(a, b, tokens):
            continue
        if best is None:
            if _plausible(o):
                return True
        elif any(_vouches_for(p, best) for p in _reliable_places(o, gaz, m.key)):
            return True
    return False


def _plausible(m: _Match) -> bool:
    """A neighbour that can vouch for a place: a construction, or a name that is not a common word."""
    if m.kind in ("direction", "noun_demonym"):
        return True
    if m.kind != "name" or m.key in lexicon.words("ambiguous_names.tsv"):
        return False
    return any(q == CURATED for _, q in m.hits) or (len(m.key) > 2 and " " in m.key)


def _head_noun_before(tokens: list[Token], i: int) -> bool:
    """An ambiguous nationality adjective counts when a head noun (الجيش، القوات …) precedes it."""
    heads = lexicon.words("demonym_heads.tsv")
    j = i - 1
    while j >= 0 and not tokens[j].is_word:
        j -= 1
    if j < 0:
        return False
    return any(stem in heads for _, stem in clitic_splits(tokens[j].key))


# -- sports clubs ---------------------------------------------------------------

CLUB_HEAD_REACH = 4  # words before a city within which an installation noun may govern it (مطاري عمان الأردني ودمشق)


def _without_clubs(text: str, mentions: list[Mention], tokens: list[Token], starts: list[int]) -> list[Mention]:
    """``mentions`` less the cities that name a sports club (see ``_names_a_club``); ``starts`` are the tokens' starts."""
    return [m for n, m in enumerate(mentions) if not _names_a_club(text, mentions, n, tokens, starts)]


def _names_a_club(text: str, mentions: list[Mention], n: int, tokens: list[Token], starts: list[int]) -> bool:
    """Whether city or country mention ``n`` names a sports club: مانشستر يونايتد (a club word after it, club_tails.tsv),
    or ميلان الإيطالي، هامبورغ الألماني, a masculine adjective of its own country right after it.

    A city is feminine in Arabic (طرابلس اللبنانية، ميلانو الإيطالية); the masculine agrees with the club
    (النادي).  Not after an installation noun, which the adjective agrees with (ميناء بنغازي الليبي، مطاري
    عمان الأردني ودمشق السوري).
    """
    m = mentions[n]
    if m.role != "location" or m.place.kind not in ("city", "town", "country"):
        return False  # (a club may bear its country's name: قطر القطري، الكويت الكويتي)
    k = _token_at(tokens, starts, m.start)
    if k is None:
        return False
    after = next((j for j in range(k + 1, min(len(tokens), k + 3)) if tokens[j].is_word), None)
    if after is not None and tokens[after].key in lexicon.words("club_tails.tsv"):
        return True
    nxt = mentions[n + 1] if n + 1 < len(mentions) else None
    if (nxt is None or nxt.role != "demonym" or nxt.place.country != m.place.country
            or text[m.end:nxt.start].strip() or not nxt.surface.endswith("ي")):
        return False
    return not any(_head_before(tokens, j, _club_governors()) for j in range(max(1, k - CLUB_HEAD_REACH), k + 1))


@lru_cache(maxsize=1)
def _club_governors() -> frozenset[str]:
    """Installation, battle and site nouns: before a city, the masculine adjective after it agrees with them."""
    return _place_heads() | lexicon.words("site_nouns.tsv")


# -- roles ----------------------------------------------------------------------

def _assign_metonyms(mentions: list[Mention], tokens: list[Token], starts: list[int]) -> None:
    """Mark places that stand for a government rather than a location.

    A capital right after a speech or action verb (أعلنت واشنطن، حصلت عليها
    باريس), or before one (واشنطن تتهم), or paired with another state in
    relations (العلاقات بين الجزائر وواشنطن); any city after an authority noun
    (حكومة طبرق).  Countries stay locations: their names still denote the
    country itself.
    """
    verbs = lexicon.words("metonym_verbs.tsv")
    heads = lexicon.words("metonym_heads.tsv")
    previous_metonym_end = None
    for n, m in enumerate(mentions):
        if m.role != "location" or m.place.kind not in ("city", "town"):
            continue
        k = _token_at(tokens, starts, m.start)
        if k is None:
            continue
        before = [tokens[j].key for j in range(max(0, k - 4), k) if tokens[j].is_word]
        prev = before[-1] if before else ""
        if prev and any(stem in heads for _, stem in clitic_splits(prev)):
            m.role = "metonym"
            continue
        if not m.place.capital:
            continue
        after = tokens[k + 1].key if k + 1 < len(tokens) and tokens[k + 1].is_word else ""
        prev2 = before[-2] if len(before) > 1 else ""
        by_verb = (_is_verb(prev, verbs) or (_is_verb(prev2, verbs) and prev.endswith(("ها", "هم", "ه")))
                   or (_is_verb(after, verbs) and (prev in ("", "و", "ان", "لكن") or _after_conjunction(tokens[k], m))))
        by_link = (previous_metonym_end is not None and m.start - previous_metonym_end < 12
                   and prev in ("من", "و", "الي", "مع"))
        by_relation = (n > 0 and mentions[n - 1].place.kind == "country" or mentions[n - 1].place.capital) \
            and m.start - mentions[n - 1].end < 6 and _relation_before(tokens, starts, mentions[n - 1].start)
        if by_verb or by_link or by_relation:
            m.role = "metonym"
            if by_relation and mentions[n - 1].place.capital:
                mentions[n - 1].role = "metonym"
            previous_metonym_end = m.end


def _after_conjunction(token: Token, m: Mention) -> bool:
    """Whether the mention's word carries و before it (وأنقرة ترد: "and Ankara responds")."""
    return m.start > token.start and token.key.startswith("و")


def _relation_before(tokens: list[Token], starts: list[int], offset: int) -> bool:
    """Whether "<relation noun> بين" stands right before ``offset`` (العلاقات بين ...)."""
    k = _token_at(tokens, starts, offset)
    if k is None or k < 2:
        return False
    words = [t.key for t in tokens[max(0, k - 6):k] if t.is_word]
    if "بين" not in words:
        return False
    nouns = lexicon.words("relation_nouns.tsv")
    before = words[:words.index("بين")]
    return any(stem in nouns for w in before for _, stem in clitic_splits(w))


_OBJECT_PRONOUNS = ("هما", "هم", "هن", "ها", "ه")


def _is_verb(key: str, verbs: frozenset[str]) -> bool:
    """Whether a word is one of the metonym verbs, conjunctions and an object pronoun attached or not
    (وأعلنت، أطلقتها باريس: "which Paris launched")."""
    if not key:
        return False
    for _, stem in clitic_splits(key):
        if stem in verbs:
            return True
        pronoun = next((p for p in _OBJECT_PRONOUNS if stem.endswith(p) and len(stem) - len(p) >= 3), None)
        if pronoun and stem[:-len(pronoun)] in verbs:
            return True
    return False


def _token_at(tokens: list[Token], starts: list[int], offset: int) -> int | None:
    """Index of the token containing ``offset`` (mentions may start after a clitic).

    ``starts`` are the tokens' starts, in order: tokens never overlap, so the one
    starting last at or before ``offset`` is the only one that may contain it.
    """
    k = bisect.bisect_right(starts, offset) - 1
    return k if k >= 0 and offset < tokens[k].end else None
