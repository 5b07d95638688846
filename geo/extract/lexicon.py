"""The extractor's lexicons, read once from the versioned TSV files in ``geo/data``.

Every word list lives in data so that linguists can extend it without
touching code; this module only parses the files and compiles phrase
matchers from them.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress
from operator import attrgetter
from pathlib import Path

from .text import Token, normalize, stems, strip_article

_KEY = attrgetter("key")
# Words remembered per memo (phrase starts, class membership): a news vocabulary fits, and a run
# over years of text cannot grow them without end.
MAX_MEMO_WORDS = 200_000
DATA_DIR = Path(__file__).resolve().parent.parent / "data"


def read_tsv(name: str) -> list[dict]:
    """Rows of a data TSV as dicts (``#`` comment lines and blank lines skipped)."""
    with open(DATA_DIR / name, encoding="utf-8") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def phrase_words(phrase: str) -> list[str]:
    """A phrase as normalized words; a Latin phrase as its alphanumeric runs (al-Qaeda → al, qaeda)."""
    if phrase.isascii():
        return [normalize(w) for w in re.findall(r"[A-Za-z0-9]+", phrase)]
    return normalize(phrase).split()


def phrase_key(phrase: str) -> tuple[str, ...]:
    """A phrase as a tuple of normalized words, the article dropped from each (matching is article-blind)."""
    return tuple(strip_article(w) for w in phrase_words(phrase))


@dataclass(frozen=True)
class Match:
    """A lexicon phrase found in text: token indexes [first, last], the entry and the first word's proclitic."""

    first: int
    last: int
    value: object
    proclitic: str


class PhraseMatcher:
    """Finds multi-word lexicon phrases in a token list, clitics and the article allowed on each word.

    Longest match wins at a position; matches do not overlap.  With
    ``keep_article`` the article must match too (اليوم "today" is not يوم
    "day"; القاعدة the group is not قاعدة a base).
    """

    def __init__(self, entries: list[tuple[str, object]], keep_article: bool = False):
        self._by_first: dict[str, list[tuple[tuple[str, ...], object]]] = {}
        self.keep_article = keep_article
        for phrase, value in entries:
            key = tuple(phrase_words(phrase)) if keep_article else phrase_key(phrase)
            if key:
                self._by_first.setdefault(key[0], []).append((key, value))
        for lst in self._by_first.values():
            lst.sort(key=lambda kv: -len(kv[0]))
        self._first_words = frozenset(self._by_first)
        # word key → whether any reading of it starts a phrase; memoized because a matcher runs over
        # every sentence of every article and news reuses a small vocabulary
        self._starts: dict[str, bool] = {}

    def _readings(self, tok: Token) -> tuple[tuple[str, str], ...]:
        return _readings(tok.key, self.keep_article)

    def _word_ok(self, tok: Token, word: str) -> bool:
        return word in _reading_set(tok.key, self.keep_article)

    def find(self, tokens: list[Token]) -> list[Match]:
        """Non-overlapping matches, left to right; a match that starts inside another
        and reaches further wins (تنظيم [القاعدة في بلاد المغرب الإسلامي] over
        [تنظيم القاعدة] في بلاد …)."""
        # Only words that can start a phrase are tried: most words of a sentence start none, and
        # a memoized test per word skips them without a call each.
        starts = self._starts
        flags = list(map(starts.get, map(_KEY, tokens)))
        if None in flags:  # words not seen before
            for i, can in enumerate(flags):
                if can is None:
                    key = tokens[i].key
                    flags[i] = self._can_start(key)
                    if len(starts) < MAX_MEMO_WORDS:
                        starts[key] = flags[i]
        cands = list(compress(range(len(tokens)), flags))
        out, k = [], 0
        while k < len(cands):
            best = self._match_at(tokens, cands[k])
            k += 1
            if best is None:
                continue
            while k < len(cands) and cands[k] <= best.last:
                inner = self._match_at(tokens, cands[k])
                if inner is not None and inner.last > best.last:
                    best = inner
                k += 1
            out.append(best)
        return out

    def _can_start(self, key: str) -> bool:
        """Whether some reading of a word is the first word of a phrase."""
        return not self._first_words.isdisjoint(_reading_set(key, self.keep_article))

    def _match_at(self, tokens: list[Token], i: int) -> Match | None:
        """The longest phrase starting at token ``i``, or None (``find`` asks only where a phrase can start)."""
        best, best_n = None, 0
        keep_article = self.keep_article
        for stem, p in _readings(tokens[i].key, keep_article):
            for key, value in self._by_first.get(stem, ()):
                n = len(key)
                if i + n > len(tokens):
                    continue
                # the other words, each read with its clitics (a plain loop: this is the matcher's inner loop)
                k = 1
                while k < n and key[k] in _reading_set(tokens[i + k].key, keep_article):
                    k += 1
                if k == n:
                    if best is None or n > best_n:
                        best, best_n = (value, p), n
                    break
        return Match(i, i + best_n - 1, *best) if best is not None else None


@dataclass(frozen=True)
class TriggerEntry:
    """One row of triggers.tsv."""

    category: str
    subtype: str
    role: str
    requires: str
    strength: float
    acled_event_type: str | None
    acled_sub_event_type: str | None


@lru_cache(maxsize=1)
def trigger_matcher() -> PhraseMatcher:
    """Matcher over every trigger form of triggers.tsv."""
    entries = []
    for row in read_tsv("triggers.tsv"):
        entry = TriggerEntry(row["category"], row["subtype"], row["role"], row["requires"],
                             float(row["strength"]),
                             None if row["acled_event_type"] == "-" else row["acled_event_type"],
                             None if row["acled_sub_event_type"] == "-" else row["acled_sub_event_type"])
        entries += [(form, entry) for form in row["forms"].split("|") if form.strip()]
    return PhraseMatcher(entries)


@lru_cache(maxsize=200_000)
def _readings(key: str, keep_article: bool) -> tuple[tuple[str, str], ...]:
    """(stem, proclitic) readings of a word, plus article-less stems unless ``keep_article``.

    Cached: every phrase matcher asks for the readings of every word.
    """
    out = []
    for stem, p in stems(key):
        out.append((stem, p))
        if not keep_article:
            bare = strip_article(stem)
            if bare != stem:
                out.append((bare, p))
    return tuple(out)


@lru_cache(maxsize=200_000)
def _reading_set(key: str, keep_article: bool) -> frozenset[str]:
    return frozenset(stem for stem, _ in _readings(key, keep_article))


@lru_cache(maxsize=1)
def context_words() -> dict[str, frozenset[str]]:
    """class → set of normalized, article-less words (context.tsv)."""
    out: dict[str, set[str]] = {}
    for row in read_tsv("context.tsv"):
        out.setdefault(row["class"], set()).add(" ".join(phrase_key(row["word"])))
    return {k: frozenset(v) for k, v in out.items()}


# word key → the context.tsv classes it belongs to (any clitic reading); memoized because the
# extractor asks about the same few hundred words around every trigger (a million questions on a
# thousand articles), and one lookup answers every class at once.
_CLASSES_OF: dict[str, frozenset[str]] = {}


def has_class(tok: Token, cls: str) -> bool:
    """True when the word (any clitic reading) belongs to a context.tsv class."""
    classes = _CLASSES_OF.get(tok.key)
    if classes is None:
        classes = classes_of(tok.key)
    return cls in classes


def classes_of(key: str) -> frozenset[str]:
    """The context.tsv classes a normalized word belongs to under any of its clitic readings."""
    classes = _CLASSES_OF.get(key)
    if classes is None:
        readings = _reading_set(key, False)
        classes = frozenset(cls for cls, words in context_words().items() if not words.isdisjoint(readings))
        if len(_CLASSES_OF) < MAX_MEMO_WORDS:
            _CLASSES_OF[key] = classes
    return classes


@lru_cache(maxsize=1)
def cue_matcher() -> PhraseMatcher:
    """Matcher over modality cues; values are (kind, scope)."""
    return PhraseMatcher([(row["cue"], (row["kind"], row["scope"])) for row in read_tsv("cues.tsv")])


@lru_cache(maxsize=1)
def acled_defaults() -> dict[str, tuple[str, str]]:
    """subtype → (ACLED event type, sub-event type)."""
    return {row["subtype"]: (row["acled_event_type"], row["acled_sub_event_type"]) for row in read_tsv("acled.tsv")}
