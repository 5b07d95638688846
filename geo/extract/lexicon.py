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
# Words remembered per memo (phrase starts, class membership), the first ones met: the most a
# dict holds before its table doubles (to 7.7 MB of table alone, for each of a dozen memos).  A
# worker meets some 200,000 distinct words in 14,000 real articles, but the first 87,381 are
# nearly all the frequent ones, and a run over years of text cannot grow the memos without end.
MAX_MEMO_WORDS = 87_381
# Caches of tuples (a few hundred bytes a word) keep fewer words: they are asked only when a
# word-keyed memo above misses (a word met for the first time, or past their bound), so their own
# hits save little.
MAX_MEMO_TUPLES = 16_384
# "That" after a verb of saying, normalized: bare (أن، بأن، وأن) and with a subject pronoun
# (أنه، بأنها، وأنهم).  What follows it is the report, what precedes it the speaker.
THAT_BARE = frozenset({"ان", "بان", "وان"})
THAT_WITH_PRONOUN = frozenset(that + pronoun for that in THAT_BARE for pronoun in ("ه", "ها", "هم"))
THAT = THAT_BARE | THAT_WITH_PRONOUN
# Words that name a group's kind in front of its name (تنظيم داعش، جماعة بوكو حرام), normalized.
GROUP_KIND_WORDS = frozenset({"تنظيم", "جماعه", "حركه", "كتيبه", "جبهه", "ميليشيا", "مليشيا", "تنظيمي"})
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


class Match:
    """A lexicon phrase found in text: token indexes [first, last], the entry and the first word's proclitic.

    A value like a frozen dataclass (equal and hashed by its fields), written
    out with slots because matchers make one per phrase found in every
    sentence, and a frozen dataclass's ``__init__`` is several times slower.
    """

    __slots__ = ("first", "last", "value", "proclitic")
    __match_args__ = ("first", "last", "value", "proclitic")

    def __init__(self, first: int, last: int, value: object, proclitic: str):
        self.first = first
        self.last = last
        self.value = value
        self.proclitic = proclitic

    def _fields(self) -> tuple:
        return (self.first, self.last, self.value, self.proclitic)

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return self._fields() == other._fields()
        return NotImplemented

    def __hash__(self):
        return hash(self._fields())

    def __repr__(self):
        return (f"Match(first={self.first!r}, last={self.last!r}, value={self.value!r}, "
                f"proclitic={self.proclitic!r})")


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
        # word key → the phrases its readings start (``_entries_for``), () for most words; memoized
        # because a matcher runs over every sentence of every article and news reuses a small vocabulary
        self._starts: dict[str, tuple] = {}
        self._reading_sets = _READING_SETS[keep_article]

    def _readings(self, tok: Token) -> tuple[tuple[str, str], ...]:
        return _readings(tok.key, self.keep_article)

    def _word_ok(self, tok: Token, word: str) -> bool:
        return word in reading_set(tok.key, self.keep_article)

    def find(self, tokens: list[Token]) -> list[Match]:
        """Non-overlapping matches, left to right; a match that starts inside another
        and reaches further wins (تنظيم [القاعدة في بلاد المغرب الإسلامي] over
        [تنظيم القاعدة] في بلاد …)."""
        # Only words that can start a phrase are tried: most words of a sentence start none, and
        # a memoized test per word skips them without a call each.
        starts = self._starts
        entries = list(map(starts.get, map(_KEY, tokens)))
        if None in entries:  # words not seen before
            for i, found in enumerate(entries):
                if found is None:
                    key = tokens[i].key
                    entries[i] = self._entries_for(key)
                    if len(starts) < MAX_MEMO_WORDS:
                        starts[key] = entries[i]
        cands = list(compress(range(len(tokens)), entries))
        out, k = [], 0
        while k < len(cands):
            best = self._match_at(tokens, cands[k], entries[cands[k]])
            k += 1
            if best is None:
                continue
            while k < len(cands) and cands[k] <= best.last:
                inner = self._match_at(tokens, cands[k], entries[cands[k]])
                if inner is not None and inner.last > best.last:
                    best = inner
                k += 1
            out.append(best)
        return out

    def _entries_for(self, key: str) -> tuple:
        """The phrases some reading of a word starts, as (length, other words, value, proclitic), longest first.

        Readings come in ``_readings`` order and each reading's phrases
        longest first; a stable sort by length keeps that order among
        phrases of one length, so the first entry whose other words follow
        is the longest match, and of equally long ones the one the
        readings offer first.
        """
        entries = [(len(phrase), phrase[1:], value, p)
                   for stem, p in _readings(key, self.keep_article)
                   for phrase, value in self._by_first.get(stem, ())]
        entries.sort(key=_longest_first)
        return tuple(entries)

    def _match_at(self, tokens: list[Token], i: int, entries: tuple) -> Match | None:
        """The longest of ``entries`` (the phrases token ``i`` starts) whose other words follow, or None."""
        reading_sets = self._reading_sets
        size = len(tokens)
        for n, rest, value, p in entries:
            if i + n > size:
                continue
            # the other words, each read with its clitics (a plain loop: this is the matcher's inner loop)
            k = 1
            for word in rest:
                key = tokens[i + k].key
                words = reading_sets.get(key)
                if words is None:
                    words = reading_set(key, self.keep_article)
                if word not in words:
                    break
                k += 1
            else:
                return Match(i, i + n - 1, value, p)
        return None


def _longest_first(entry: tuple) -> int:
    """Sort key of ``PhraseMatcher._entries_for``: longer phrases first."""
    return -entry[0]


@dataclass(frozen=True, slots=True)
class TriggerEntry:
    """One row of triggers.tsv, or a named campaign of campaigns.tsv (role ``campaign``)."""

    category: str
    subtype: str
    role: str
    requires: str
    strength: float
    acled_event_type: str | None
    acled_sub_event_type: str | None
    theatre: tuple[str, ...] = ()  # a campaign's countries (ISO2), the one it stands for first
    campaign: str | None = None  # a campaign's English name


CAMPAIGN_STRENGTH = 0.7  # a campaign named is an operation under way, though rarely one dated event


@lru_cache(maxsize=1)
def trigger_matcher() -> PhraseMatcher:
    """Matcher over every trigger form of triggers.tsv and every campaign name of campaigns.tsv."""
    entries = []
    for row in read_tsv("triggers.tsv"):
        entry = TriggerEntry(row["category"], row["subtype"], row["role"], row["requires"],
                             float(row["strength"]),
                             None if row["acled_event_type"] == "-" else row["acled_event_type"],
                             None if row["acled_sub_event_type"] == "-" else row["acled_sub_event_type"])
        entries += [(form, entry) for form in row["forms"].split("|") if form.strip()]
    for row in read_tsv("campaigns.tsv"):
        entry = TriggerEntry(row["category"], row["subtype"], "campaign", row["requires"], CAMPAIGN_STRENGTH,
                             None, None, theatre=tuple(row["theatre"].split("|")), campaign=row["english"])
        entries += [(form, entry) for form in row["forms"].split("|") if form.strip()]
    return PhraseMatcher(entries)


@lru_cache(maxsize=MAX_MEMO_TUPLES)
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


def reading_set(key: str, keep_article: bool) -> frozenset[str]:
    """The stems of a word's readings (``_readings``), memoized per ``keep_article``."""
    memo = _READING_SETS[keep_article]
    found = memo.get(key)
    if found is None:
        found = frozenset(stem for stem, _ in _readings(key, keep_article))
        if len(memo) < MAX_MEMO_WORDS:
            memo[key] = found
    return found


# keep_article → word key → ``reading_set``: plain dictionaries, read directly by the matchers' inner loop.
_READING_SETS: dict[bool, dict[str, frozenset[str]]] = {False: {}, True: {}}


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
    try:
        return cls in _CLASSES_OF[tok.key]  # the memo knows nearly every word asked: no call, no test
    except KeyError:
        return cls in classes_of(tok.key)


def classes_of(key: str) -> frozenset[str]:
    """The context.tsv classes a normalized word belongs to under any of its clitic readings."""
    classes = _CLASSES_OF.get(key)
    if classes is None:
        # the readings themselves are not remembered (``reading_set``): this memo keeps the answer
        readings = {stem for stem, _ in _readings(key, False)}
        classes = frozenset(cls for cls, words in context_words().items() if not words.isdisjoint(readings))
        # a few hundred distinct sets of classes serve every word: each word points to the shared one
        classes = _CLASS_SETS.setdefault(classes, classes)
        if len(_CLASSES_OF) < MAX_MEMO_WORDS:
            _CLASSES_OF[key] = classes
    return classes


_CLASS_SETS: dict[frozenset[str], frozenset[str]] = {}  # each distinct answer of ``classes_of``, once


@lru_cache(maxsize=1)
def cue_matcher() -> PhraseMatcher:
    """Matcher over modality cues; values are (kind, scope)."""
    return PhraseMatcher([(row["cue"], (row["kind"], row["scope"])) for row in read_tsv("cues.tsv")])


@lru_cache(maxsize=1)
def acled_defaults() -> dict[str, tuple[str, str]]:
    """subtype → (ACLED event type, sub-event type)."""
    return {row["subtype"]: (row["acled_event_type"], row["acled_sub_event_type"]) for row in read_tsv("acled.tsv")}
