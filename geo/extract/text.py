"""Tokens, sentences and clauses of an Arabic news text, with offsets into the original.

Offsets never come from normalized text: every token keeps its span in the
text as given and carries a normalized *key* for matching (the gazetteer's
rule, see ``gazetteer.normalize``).  Arabic writes conjunctions, prepositions
and the article onto the next word (وبالقرب، للهجوم، والقاعدة) and pronouns
onto its end (استهدفته، سيطرته), so a token also offers the *stems* it may
be read as, each with the proclitic it dropped.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

try:  # the lead's fast table-driven normalizer (CAMeL rules); same folding as below
    from gazetteer.normalize import normalize_ar as _normalize_ar
except ImportError:  # pragma: no cover - only before the gazetteer package exists
    _normalize_ar = None

_DIACRITICS_RE = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ی": "ي", "ک": "ك"})

# A word is a run of Arabic letters/marks, Latin letters, or digits (Arabic-Indic too).
_TOKEN_RE = re.compile(r"[\u0621-\u065f\u0670-\u06d3\u06d5-\u06ed\u06fa-\u06ffA-Za-z]+|[0-9\u0660-\u0669\u06f0-\u06f9]+")
_SENTENCE_END_RE = re.compile(r"[.!?؟]+(?=\s|$|[\"'”»)])|\n\s*\n|\n")
_CLAUSE_PUNCT_RE = re.compile(r"[،,;؛:\"“”«»()\[\]–—]")
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")

# Proclitic sequences, longest first (normalized).  لل is ل + ال with the alef dropped.
_PROCLITICS = ("وبال", "فبال", "وكال", "ولل", "فلل", "وال", "فال", "بال", "كال", "لل",
               "وب", "فب", "ول", "فل", "وك", "فك", "وس", "فس", "و", "ف", "ب", "ل", "ك", "س", "ال")
# Attached object/possessive pronouns and the accusative tanween alef (هجوماً).
_SUFFIXES = ("هما", "هم", "هن", "ها", "ه", "ا")


def normalize(text: str) -> str:
    """Fold an Arabic string for matching: no diacritics/tatweel, one alef, ya for alef maqsura, ha for ta marbuta.

    Uses the gazetteer's table when present so that places, groups and
    triggers are folded alike; Latin is lower-cased so that ISIL = isil.
    """
    if _normalize_ar is not None:
        out = _normalize_ar(text)
    else:
        out = _DIACRITICS_RE.sub("", text).translate(_FOLD)
    return out.translate(_DIGITS).lower()


@dataclass(frozen=True)
class Token:
    """One word: its span in the original text and its normalized key."""

    start: int
    end: int
    key: str


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The words of ``text[start:end]`` with offsets into ``text``."""
    end = len(text) if end is None else end
    return [Token(m.start(), m.end(), normalize(m.group()))
            for m in _TOKEN_RE.finditer(text, start, end)]


@lru_cache(maxsize=100_000)
def stems(key: str) -> tuple[tuple[str, str], ...]:
    """Readings of a normalized word as (stem, proclitic): the word itself first.

    Each proclitic reading is offered with and without a pronoun suffix
    (سيطرته → سيطرت، سيطره…), so lexicon entries only list the bare forms.
    Stems shorter than two letters are not proposed.
    """
    bases = [(key, "")]
    for p in _PROCLITICS:
        if key.startswith(p) and len(key) - len(p) >= 2:
            bases.append((key[len(p):], p))
            if p.endswith("ال") and len(p) > 2:  # وال → also keep the article: والقاعدة → القاعدة
                bases.append((key[len(p) - 2:], p[:-2]))
            if p.endswith("لل"):
                bases.append(("ال" + key[len(p):], p[:-1]))
    out, seen = [], set()
    for stem, p in bases:
        variants = [stem] + [stem[: -len(s)] for s in _SUFFIXES if stem.endswith(s) and len(stem) - len(s) >= 2]
        for v in variants:
            if (v, p) not in seen:
                seen.add((v, p))
                out.append((v, p))
    return tuple(out)


def strip_article(key: str) -> str:
    """A normalized word without its definite article (الدوله → دوله); short words are kept."""
    return key[2:] if key.startswith("ال") and len(key) > 4 else key


@dataclass(frozen=True)
class Span:
    """A stretch of text (a sentence or a clause) by its offsets."""

    start: int
    end: int


def sentences(text: str) -> list[Span]:
    """Sentence spans: split at . ! ? ؟ and line breaks, surrounding blanks trimmed.

    News copy often runs a whole paragraph as one comma-spliced sentence;
    clauses (below) give the finer scope.
    """
    out, pos = [], 0
    for m in _SENTENCE_END_RE.finditer(text):
        _append_trimmed(text, pos, m.end(), out)
        pos = m.end()
    _append_trimmed(text, pos, len(text), out)
    return out


def clauses(text: str, span: Span) -> list[Span]:
    """Clause spans of a sentence: split at commas, colons, quotes and brackets."""
    out, pos = [], span.start
    for m in _CLAUSE_PUNCT_RE.finditer(text, span.start, span.end):
        _append_trimmed(text, pos, m.start(), out)
        pos = m.end()
    _append_trimmed(text, pos, span.end, out)
    return out


def _append_trimmed(text: str, start: int, end: int, out: list[Span]) -> None:
    """Append text[start:end] without its surrounding whitespace and punctuation, if anything is left."""
    while start < end and (text[start].isspace() or text[start] in ".!?؟،,;؛:"):
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start and any(ch.isalnum() for ch in text[start:end]):
        out.append(Span(start, end))


def to_int(digits: str) -> int:
    """An int from ASCII or Arabic-Indic digits."""
    return int(digits.translate(_DIGITS))
