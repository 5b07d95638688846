"""Armed groups: canonical English names, their Arabic and English aliases, and finding them in text.

Aliases live in ``geo/data/groups.tsv``.  Arabic ones are compared after
normalization (alef, ya, ta marbuta, diacritics), with attached clitics
(والقاعدة، لتنظيم الدولة) and an optional leading تنظيم / جماعة / حركة;
Latin ones without case, spaces or punctuation (ISIL = isil, al-Qaeda =
Al Qaeda).
"""
from __future__ import annotations

import re
from functools import lru_cache

from geo.extract.lexicon import GROUP_KIND_WORDS, PhraseMatcher, read_tsv
from geo.extract.text import Token, normalize, stems, tokenize

AFFILIATE_REACH = 40  # characters from an affiliate's name to its parent's (ولاية سيناء"، الفرع المصري لتنظيم)
SPLIT_WINDOW = 4  # words before عن where انشق / انفصل makes the group after it the one left behind
# Prepositions after which an ambiguous alias (القاعدة) is a place, not a group (في القاعدة، داخل القاعدة).
_PLACE_PREPOSITIONS = ("في", "داخل", "الي", "قرب", "محيط", "حول", "عند", "امام", "مدخل", "بوابه")


def _latin_key(name: str) -> str:
    """Latin alias key: lower-case letters and digits only."""
    return re.sub(r"[^a-z0-9]", "", name.lower())


def _arabic_key(name: str) -> str:
    """Arabic alias key: normalized words joined by single spaces."""
    return " ".join(normalize(name).split())


@lru_cache(maxsize=1)
def _rows() -> list[dict]:
    return read_tsv("groups.tsv")


@lru_cache(maxsize=1)
def _alias_index() -> dict[str, str]:
    """Alias key (Arabic or Latin) → canonical name; canonical names are their own aliases."""
    index = {}
    for row in _rows():
        for name in (row["canonical"], row["alias"]):
            index.setdefault(_arabic_key(name), row["canonical"])
            if name.isascii():
                index.setdefault(_latin_key(name), row["canonical"])
    return index


def known_groups() -> list[str]:
    """Canonical names of every known armed group, in file order."""
    return list(dict.fromkeys(row["canonical"] for row in _rows()))


def canonical_group(name: str) -> str | None:
    """The canonical English name of a group given any alias (داعش، تنظيم الدولة، ISIL → ISIS), or None."""
    if not name or not name.strip():
        return None
    index = _alias_index()
    key = _arabic_key(name)
    candidates = [key]
    words = key.split()
    # clitics on the first word (والقاعدة، لداعش) and a kind word in front (تنظيم داعش)
    for stem, _ in stems(words[0]):
        candidates.append(" ".join([stem] + words[1:]))
    for cand in list(candidates):
        w = cand.split()
        if len(w) > 1 and w[0] in GROUP_KIND_WORDS:
            candidates.append(" ".join(w[1:]))
    for cand in candidates:
        if cand in index:
            return index[cand]
    if name.isascii():
        return index.get(_latin_key(name))
    return None


@lru_cache(maxsize=1)
def _group_matcher() -> PhraseMatcher:
    return PhraseMatcher([(row["alias"], (row["canonical"], row["ambiguous"])) for row in _rows()],
                         keep_article=True)


def find_groups(text: str, tokens: list[Token] | None = None) -> list[tuple[int, int, str]]:
    """Armed groups named in a text: (start, end, canonical), in order.

    The span covers a preceding kind word (تنظيم، جماعة…) so that place names
    inside a group's name (داعش في الصحراء الكبرى) can be recognised as such.
    An ambiguous alias followed by a feminine adjective (القاعدة العسكرية) is
    the common noun and is skipped; an alias that is a common word of news
    (المرابطين: those posted at the front) names the group only after a kind word.
    """
    tokens = tokenize(text) if tokens is None else tokens
    out = []
    for m in _group_matcher().find(tokens):
        canonical, level = m.value
        ambiguous = level == "1"
        nxt = tokens[m.last + 1] if m.last + 1 < len(tokens) else None
        if ambiguous and nxt is not None and nxt.key.endswith("يه") and nxt.start - tokens[m.last].end <= 2:
            continue
        if ambiguous and m.first > 0 and m.proclitic == "" and tokens[m.first - 1].key in _PLACE_PREPOSITIONS:
            continue  # وقتل جنديان داخل القاعدة: a place one is in is the base, not the group
        first, proclitic = m.first, m.proclitic
        kind = []
        if first > 0 and m.proclitic == "":
            kind = [p for s, p in stems(tokens[first - 1].key) if s in GROUP_KIND_WORDS]
            if kind:
                first, proclitic = first - 1, kind[0]
        # the span excludes an attached clitic of its first word
        start = tokens[first].start + _clitic_len(text, tokens[first], proclitic)
        out.append((start, tokens[m.last].end, canonical, level != "kind" or bool(kind)))
    # دعم أسر المرابطين على الحدود: soldiers at the front, unless the text names the group for sure
    # somewhere (جماعة المرابطون، الموقعون بالدم): then تبنى المرابطون الهجوم is the group too
    sure = {canonical for _, _, canonical, certain in out if certain}
    return [(start, end, canonical) for start, end, canonical, certain in out if certain or canonical in sure]


def _clitic_len(text: str, tok: Token, proclitic: str) -> int:
    """Characters of the original word taken by a normalized proclitic (diacritics may sit between)."""
    n, i = 0, tok.start
    while n < len(proclitic) and i < tok.end:
        if normalize(text[i]):
            n += 1
        i += 1
    return i - tok.start


def parent_groups(tokens: list[Token], groups: list[tuple[int, int, str]]) -> set[int]:
    """Indexes into ``groups`` of the groups named only as another's parent.

    جماعة نصرة الإسلام والمسلمين، فرع تنظيم القاعدة في الساحل; ولاية غرب إفريقيا، فرع
    تنظيم الدولة; حركة الشباب المرتبطة بتنظيم القاعدة: the incident is the
    affiliate's, and the parent after an affiliation word (affiliation in
    ``geo/data/context.tsv``) is background about it; so is the group a
    faction split from (انشق عن جماعة بوكو حرام).
    """
    from geo.extract.lexicon import has_class

    ends = [t.end for t in tokens]
    out = set()
    for i, (start, _, _) in enumerate(groups):
        k = _index_before(ends, start)
        if k is None:
            continue
        named_affiliate = any(j != i and e <= start and start - e <= AFFILIATE_REACH for j, (_, e, _) in enumerate(groups))
        if named_affiliate and any(has_class(tokens[j], "affiliation") for j in (k, k - 1) if j >= 0):
            # (الجماعات التابعة لتنظيم القاعدة: with no affiliate named, the parent is all the text says)
            out.add(i)
        elif tokens[k].key == "عن" and any(has_class(tokens[j], "split_from") for j in range(max(0, k - SPLIT_WINDOW), k)):
            out.add(i)  # انشق عام 2016 عن جماعة بوكو حرام: the group it left, not the one acting
    return out


def _index_before(ends: list[int], offset: int) -> int | None:
    """Index of the last token ending at or before ``offset`` (the word a group name follows)."""
    import bisect

    k = bisect.bisect_right(ends, offset) - 1
    return k if k >= 0 else None

