"""Tokens, sentences and clauses of an Arabic news text, with offsets into the original.

Offsets never come from normalized text: every token keeps its span in the
text as given and carries a normalized *key* for matching (the gazetteer's
rule, see ``gazetteer.normalize``).  Arabic writes conjunctions, prepositions
and the article onto the next word (وبالقرب، للهجوم، والقاعدة) and pronouns
onto its end (استهدفته، سيطرته), so a token also offers the *stems* it may
be read as, each with the proclitic it dropped.
"""
from __future__ import annotations

import bisect

import re
from functools import lru_cache
from operator import attrgetter

from gazetteer.morphology import strip_article
from gazetteer.normalize import normalize_ar
from gazetteer.tokenize import SHORT_TEXT, sentence_spans
from gazetteer.tokenize import Token as GazetteerToken
from gazetteer.tokenize import word_tokens as gazetteer_words

__all__ = ["Span", "Token", "clauses", "normalize", "overlapping_range", "sentences", "stems", "strip_article",
           "to_int", "token_range", "tokenize"]

# Letters and digits glued together (2015م، ك2) are read as two words, so that a year or a
# count is found whatever is written onto it.
_LETTERS_OR_DIGITS_RE = re.compile(r"[0-9\u0660-\u0669\u06f0-\u06f9]+|[^0-9\u0660-\u0669\u06f0-\u06f9_]+")
# What makes _LETTERS_OR_DIGITS_RE cut a word: digits, and the underscore it leaves out.
_SPLIT_CHARS_RE = re.compile(r"[0-9\u0660-\u0669\u06f0-\u06f9_]")
_CLAUSE_PUNCT_RE = re.compile(r"[،,;؛:\"“”«»()\[\]–—]")
_QUOTE_OPEN_RE = re.compile(r"[«\"“]")
# an opening quote, a few words without clause punctuation, the closing quote
_QUOTED_NAME_RE = re.compile(r"([«\"“])([^«»\"“”،,;؛:()\[\]–—.!?؟\n]{1,40})[»\"”]")
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")

# Proclitic sequences, longest first (normalized).  لل is ل + ال with the alef dropped.
# Wider than the gazetteer's ``clitic_splits`` on purpose: trigger and cue words are verbs and
# nouns, so the future سـ and the comparative كـ occur on them, and pronoun suffixes too.
_PROCLITICS = ("وبال", "فبال", "وكال", "ولل", "فلل", "وال", "فال", "بال", "كال", "لل",
               "وب", "فب", "ول", "فل", "وك", "فك", "وس", "فس", "و", "ف", "ب", "ل", "ك", "س", "ال")
# The future's س (سيهاجم، وستنشر) stands only before an imperfect verb: a person prefix (أ folded
# to ا) and a root of three letters or more.  سنية is "Sunni", not س + نية "intention"; سعادة a name.
_IMPERFECT = frozenset("يتنا")


def _imperfect(stem: str) -> bool:
    return len(stem) >= 4 and stem[0] in _IMPERFECT
# Attached object/possessive pronouns and the accusative tanween alef (هجوماً).
_SUFFIXES = ("هما", "هم", "هن", "ها", "ه", "ا")


def normalize(text: str) -> str:
    """Fold an Arabic string for matching, as the gazetteer does (``normalize_ar``), digits to ASCII, Latin lower-cased.

    Places, groups and triggers are folded alike, so that ISIL = isil and ٢٠١٥ = 2015.
    """
    return normalize_ar(text).translate(_DIGITS).lower()


# One word: its span in the original text, its normalized key, and ``is_word`` (always True here).
# The gazetteer's token type itself: most words are passed through from its tokens without a copy.
Token = GazetteerToken


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The words of ``text[start:end]`` with offsets into ``text``.

    Words are the gazetteer's (``gazetteer.tokenize``: diacritics and tatweel
    stay inside their word), split where letters meet digits; punctuation is left out.
    The article is tokenized once and ranges are sliced from it: extraction
    asks for the words of the same sentences many times (dates, numbers,
    groups), and sentence ranges never cut through a word.
    """
    tokens = _all_tokens(text)
    end = len(text) if end is None else end
    if start == 0 and end == len(text):
        return list(tokens)
    lo, hi = token_range(text, start, end)
    return list(tokens[lo:hi])


def token_range(text: str, start: int, end: int) -> tuple[int, int]:
    """The indexes [lo, hi) into the article's words (``tokenize(text)``) of the words of ``text[start:end]``.

    ``tokenize(text, start, end)`` is that slice; callers that keep facts per
    word of the article (dates' kinds of words) slice their lists the same way
    instead of asking again for every word of every sentence.
    """
    starts, ends = _bounds(text)
    lo = bisect.bisect_left(starts, start)
    # tokens end in text order and never overlap: those ending by ``end`` form one run from ``lo``
    return lo, bisect.bisect_right(ends, end, lo=lo)


def overlapping_range(text: str, start: int, end: int, lo: int = 0) -> tuple[int, int]:
    """The indexes [i, j) into the article's words (``tokenize(text)``), from ``lo`` on, of the words
    that overlap ``text[start:end]``: those ending after ``start`` and starting before ``end``.

    Two bisections where a walk over the words would visit each of them.
    """
    starts, ends = _bounds(text)
    i = bisect.bisect_right(ends, start, lo)
    return i, bisect.bisect_left(starts, end, i)


@lru_cache(maxsize=4)
def _bounds(text: str) -> tuple[list[int], list[int]]:
    """Each token's start and end as plain lists: bisected for every sentence and clause."""
    tokens = _all_tokens(text)
    return list(map(_START, tokens)), list(map(_END, tokens))


def _all_tokens(text: str) -> tuple[Token, ...]:
    """``tokenize(text)`` whole; cached per article, computed afresh for a short text (see
    ``gazetteer.tokenize.SHORT_TEXT``: a word asked about must not push its article out)."""
    return _article_tokens(text) if len(text) > SHORT_TEXT else _split_special(text, gazetteer_words(text))


@lru_cache(maxsize=4)
def _article_tokens(text: str) -> tuple[Token, ...]:
    return _split_special(text, gazetteer_words(text))


def _split_special(text: str, words: tuple[Token, ...]) -> tuple[Token, ...]:
    """The gazetteer's words of ``text``, each word holding a digit or an underscore cut in pieces
    (``_LETTERS_OR_DIGITS_RE``) and each word that folds to nothing (diacritics or tatweel alone) left out.

    Most articles hold only plain words: they stay whole, and the gazetteer's key is already their
    normalized form (same table, lower-cased; the table yields no digits to fold).  Only the odd
    words are visited; the plain runs between them are copied over as slices.
    """
    odd = _odd_words(text, words)
    if not odd:
        return words
    out = []
    append = out.append
    done = 0
    for k in odd:
        tok = words[k]
        out += words[done:k]
        done = k + 1
        for m in _LETTERS_OR_DIGITS_RE.finditer(text, tok.start, tok.end):
            key = normalize(m.group())
            if key:
                append(Token(m.start(), m.end(), key, True))
    out += words[done:]
    return tuple(out)


def _odd_words(text: str, words: tuple[Token, ...]) -> list[int]:
    """Indexes, in order, of the words ``_split_special`` does not keep whole.

    Found from the text itself, with no memo of words: a digit or an
    underscore always lies inside a word (both are word characters), and a
    word's key holds one exactly when its text does (normalization neither
    makes nor removes them), so one search of the text and a bisection per
    hit find them.  A word that folds to nothing has an empty key.
    """
    odd = []
    hit = _SPLIT_CHARS_RE.search(text)
    if hit is not None:
        starts = list(map(_START, words))
        last = -1
        while hit is not None:
            k = bisect.bisect_right(starts, hit.start()) - 1
            resume = hit.end()
            if k >= 0 and hit.start() < words[k].end:
                if k != last:
                    odd.append(k)
                    last = k
                resume = words[k].end  # the rest of this word holds nothing new
            hit = _SPLIT_CHARS_RE.search(text, resume)
    if not all(map(_KEY, words)):
        odd = sorted(set(odd).union(k for k, tok in enumerate(words) if not tok.key))
    return odd


_KEY, _START, _END = attrgetter("key"), attrgetter("start"), attrgetter("end")


def lam_preposition(proclitic: str) -> bool:
    """Whether a proclitic (as ``stems`` reports it) holds the preposition لـ "for, to" (لهجوم، للهجوم، وللهجوم),
    not just the article's lam (بالهجوم، والهجوم)."""
    if proclitic.endswith("لل"):
        return True  # لـ + ال, whose alef drops
    if proclitic.endswith("ال"):
        proclitic = proclitic[:-2]
    return "ل" in proclitic


# The first-met words' stems are remembered elsewhere (lexicon's reading memos, their phrase and
# class answers); this cache serves the words read again soon after, and its tuples of tuples cost
# some 350 bytes a word.
@lru_cache(maxsize=32_768)
def stems(key: str) -> tuple[tuple[str, str], ...]:
    """Readings of a normalized word as (stem, proclitic): the word itself first.

    Each proclitic reading is offered with and without a pronoun suffix
    (سيطرته → سيطرت، سيطره…), so lexicon entries only list the bare forms.
    Stems shorter than two letters are not proposed.
    """
    bases = [(key, "")]
    for p in _PROCLITICS:
        if key.startswith(p) and len(key) - len(p) >= 2 and (p[-1] != "س" or _imperfect(key[len(p):])):
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


class Span:
    """A stretch of text (a sentence or a clause) by its offsets.

    A value, like a frozen dataclass (equal and hashed by its offsets, never
    changed), written out with slots: extraction makes one for every
    sentence and clause of every article, and a frozen dataclass's
    ``__init__`` sets each field through ``object.__setattr__``, which
    costs several times a plain assignment.
    """

    __slots__ = ("start", "end")
    __match_args__ = ("start", "end")

    def __init__(self, start: int, end: int):
        self.start = start
        self.end = end

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.start, self.end) == (other.start, other.end)
        return NotImplemented

    def __hash__(self):
        return hash((self.start, self.end))

    def __repr__(self):
        return f"Span(start={self.start!r}, end={self.end!r})"


def sentences(text: str) -> list[Span]:
    """Sentence spans: the gazetteer's (split at . ! ? ؟ and line breaks), leading punctuation trimmed.

    News copy often runs a whole paragraph as one comma-spliced sentence;
    clauses (below) give the finer scope.
    """
    out: list[Span] = []
    for start, end in sentence_spans(text):
        if end - start <= RUN_ON_CHARS:
            _append_trimmed(text, start, end, out)
            continue
        for m in _RUN_ON_BREAK_RE.finditer(text, start, end):
            _append_trimmed(text, start, m.start(), out)
            start = m.start() + 1
        _append_trimmed(text, start, end, out)
    return out


# Monitors' roundups run a day's events into one sentence, each told after a comma and a
# connective (… في مدينة درعا، بينما قصف الطيران المروحي بلدة خراب الشحم، كما تدور اشتباكات
# في محيط بلدة عتمان): past this length such a comma ends a sentence of its own, so that each
# event keeps its own triggers and places.
RUN_ON_CHARS = 300
_RUN_ON_BREAK_RE = re.compile(r"،\s*(?=(?:و?بينما|و?كما|كذلك|في حين|فيما|وفي|من جهة أخرى|إلى ذلك|في غضون ذلك|وسط|ترافق)\s)")


def clauses(text: str, span: Span) -> list[Span]:
    """Clause spans of a sentence: split at commas, colons, quotes and brackets.

    Quotes around a short name (عناصر «داعش» قد أطلقوا، مقاتلي "الفرقة 30") do not split: news
    quotes names as often as speech, and the name belongs to the clause around it."""
    out, pos = [], span.start
    names = _quoted_names(text, span) | _time_asides(text, span)
    for m in _CLAUSE_PUNCT_RE.finditer(text, span.start, span.end):
        if m.start() in names:
            continue
        _append_trimmed(text, pos, m.start(), out)
        pos = m.end()
    _append_trimmed(text, pos, span.end, out)
    return out


# A time set between commas inside a clause (تمكن الثوار، مساء أول أمس، من استعادة …; قضت مفرزة
# للجيش، أمس، على …): the commas bracket an aside, and the subject before them is still the subject.
_WEEKDAY = r"ال(?:سبت|أحد|احد|اثنين|إثنين|ثلاثاء|أربعاء|اربعاء|خميس|جمعة)"
_TIME_ASIDE_RE = re.compile(
    r"،\s*(?:(?:يوم|ليلة|ليل|صباح|مساء|ظهر|فجر|عصر|مطلع|نهاية)\s+)?"
    r"(?:أمس|امس|أول\s+أمس|اول\s+امس|الأول|اليوم|الليلة|الليلة\s+الماضية"
    rf"|{_WEEKDAY}(?:\s+(?:الماضي|المقبل|الفائت))?)"
    rf"(?:\s+{_WEEKDAY})?\s*،"
    # …unless a new clause opens after it (، ليلة السبت، في وقت شن الطيران …; ، أمس، وقال …)
    r"(?!\s*(?:و|في\s+وقت|فيما|بينما|حيث|كما|إذ|اذ|عندما|حين))")


def _time_asides(text: str, span: Span) -> frozenset[int]:
    """Offsets of the commas that bracket a time aside (، أمس،) inside a clause."""
    out = set()
    for m in _TIME_ASIDE_RE.finditer(text, span.start, span.end):
        out.update((m.start(), m.end() - 1))
    return frozenset(out)


QUOTED_NAME_WORDS = 3  # at most this many words between quotes make a quoted name, not a quotation


def _quoted_names(text: str, span: Span) -> frozenset[int]:
    """Offsets of the quote marks that enclose a short name (no clause punctuation inside)."""
    if not _QUOTE_OPEN_RE.search(text, span.start, span.end):
        return frozenset()
    out = set()
    for m in _QUOTED_NAME_RE.finditer(text, span.start, span.end):
        if len(m.group(2).split()) <= QUOTED_NAME_WORDS:
            out.update((m.start(), m.end() - 1))
    return frozenset(out)


def _append_trimmed(text: str, start: int, end: int, out: list[Span]) -> None:
    """Append text[start:end] without its surrounding whitespace and punctuation, if anything is left."""
    while start < end and (text[start].isspace() or text[start] in ".!?؟،,;؛:"):
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start and _ALNUM_RE.search(text, start, end):
        out.append(Span(start, end))


# A letter or a digit (``str.isalnum``): re's \w is exactly that plus the underscore.
_ALNUM_RE = re.compile(r"[^\W_]")


def to_int(digits: str) -> int:
    """An int from ASCII or Arabic-Indic digits."""
    return int(digits.translate(_DIGITS))
