"""Counts written in digits or Arabic number words, and the death tolls news reports state.

``25 ألف`` is 25000, ``خمسة وعشرين`` 25, ``مائة`` 100; vague amounts
(عشرات، مئات، آلاف) have no number.  A death toll is a count tied to a
killing cue (مقتل 3، أودى بحياة أربعة جنود، مائة قتيل); a hedge such as
أكثر من keeps the count as its lower bound, as the annotation rules ask.
"""
from __future__ import annotations

from functools import lru_cache

from .lexicon import PhraseMatcher, read_tsv
from .text import Token, normalize, stems, strip_article, to_int, tokenize


@lru_cache(maxsize=1)
def _number_words() -> dict[str, tuple[int, str]]:
    """normalized word → (value, kind) from numbers.tsv."""
    return {normalize(r["word"]): (int(r["value"]), r["kind"]) for r in read_tsv("numbers.tsv")}


def _word_value(tok: Token, allow_conjunction: bool) -> tuple[int, str] | None:
    """(value, kind) of a number word, reading an attached و only where a number may continue."""
    words = _number_words()
    for stem, proclitic in stems(tok.key):
        if proclitic in ("", "ال") or (allow_conjunction and proclitic == "و"):
            hit = words.get(stem) or words.get(strip_article(stem))
            if hit:
                return hit
    return None


def parse_number(tokens: list[Token], i: int) -> tuple[int | None, int]:
    """The count that starts at token ``i``: (value or None when vague/absent, index after it).

    Handles digits, digits + scale (25 ألف), unit + عشر (خمسة عشر), sums
    joined by و (مائة وخمسون), and a scale after any of them (ثلاثة آلاف).
    """
    if i >= len(tokens):
        return None, i
    total, current, j, seen = 0, 0, i, False
    while j < len(tokens):
        tok = tokens[j]
        if tok.key.isdigit():
            if seen:
                break
            current, seen, j = to_int(tok.key), True, j + 1
            continue
        hit = _word_value(tok, allow_conjunction=seen)
        if hit is None:
            break
        value, kind = hit
        if kind == "vague":
            return (None, j + 1) if not seen else (total + current, j)
        if kind in ("scale", "scale_plural"):
            if not seen:
                if kind == "scale_plural":
                    return None, j + 1
                current = 1
            total, current, seen, j = total + current * value, 0, True, j + 1
            continue
        if kind == "teen" and seen:
            current, j = current + value, j + 1
            continue
        current, seen, j = current + value, True, j + 1
    return (total + current, j) if seen else (None, i)


def count_ends_at(tokens: list[Token], end: int, reach: int) -> bool:
    """Whether a count starting within ``reach`` words before token ``end`` ends right there
    (15 مسلحاً: the count 15 ends at the noun)."""
    return any(parse_number(tokens, k)[1] == end for k in range(max(0, end - reach), end))


@lru_cache(maxsize=1)
def _cues() -> PhraseMatcher:
    return PhraseMatcher([(r["cue"], r["position"]) for r in read_tsv("fatality_cues.tsv")])


@lru_cache(maxsize=512)
def find_fatalities(text: str, start: int = 0, end: int | None = None) -> int | None:
    """The death toll stated in ``text[start:end]``, or None when unstated or vague.

    The largest stated count wins (a report may give a partial then a total).
    Cached: every incident of a sentence asks for that sentence's toll.
    """
    tokens = tokenize(text, start, end)
    matches = _cues().find(tokens)
    best = None
    for k, m in enumerate(matches):
        count = None
        if m.value == "after":
            j = m.last + 1
            # hedges (أكثر من، نحو…) between cue and count
            while k + 1 < len(matches) and matches[k + 1].first == j and matches[k + 1].value == "skip":
                j = matches[k + 1].last + 1
                k += 1
            count, _ = parse_number(tokens, j)
        elif m.value == "before":
            for back in (1, 2, 3):
                if m.first - back < 0:
                    break
                count, nxt = parse_number(tokens, m.first - back)
                if count is not None and nxt == m.first:
                    break
                count = None
        if count is not None and count > 0:
            best = count if best is None else max(best, count)
    return best
