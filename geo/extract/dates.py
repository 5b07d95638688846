"""Dates in Arabic news, resolved to the precision the text gives.

Absolute dates (28 مايو، 24 أكتوبر 2013، كانون الثاني 2020، الخامس من أكتوبر،
10 رمضان 1437 هـ), relative ones resolved against the article's date (أمس،
الشهر الجاري، العام الماضي، يوم الثلاثاء، الأسبوع الماضي) and ones that follow
a date told before them in the paragraph (اليوم التالي، العام نفسه، a month
without a year after "في مارس 2015").

A date is a string of the precision the text gives: ``YYYY-MM-DD``,
``YYYY-MM`` or ``YYYY``.  Anything that needs the article's date to pin
down resolves to None when that date is unknown: a wrong year is worse than
none, and a date one is unsure of is given coarser (a range of days across
two months is the year), never wrong.

``find_dates`` reads one stretch of text (a sentence); ``published_from_text``
finds the article's own date (its dateline); ``ArticleDates`` holds what a
sentence's dates depend on beyond the sentence (the paragraph's earlier
dates, the day a live-blog entry is filed under).
"""
from __future__ import annotations

import datetime as dt
import math
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress
from operator import attrgetter
from typing import NamedTuple

from gazetteer.tokenize import sentence_spans

from .lexicon import MAX_MEMO_WORDS, Match, PhraseMatcher, phrase_words, read_tsv, reading_set
from .text import Span, Token, normalize, stems, strip_article, to_int, token_range, tokenize

# A cheap look for a publication marker (نشر، تحديث، تاريخ) before the last lines are read for one.
_MARKER_HINT_RE = re.compile(r"نشر|تحديث|تاريخ")
_ISO_RE = re.compile(r"(?<!\d)((?:19|20)\d\d)-(\d\d)-(\d\d)(?!\d)")
_DMY_RE = re.compile(r"(?<!\d)(\d{1,2})/(\d{1,2})/((?:19|20)\d\d)(?!\d)")
_TIME_RE = re.compile(r"\d{1,2}:\d\d|الساعة")
# A live-blog entry opens its line with the time it was filed: "09:45 - …", "14.30 | …".
_ENTRY_TIME_RE = re.compile(r"^[ \t\u200f\u200e]*\d{1,2}[:.]\d\d\b[ \t]*(?:[-–—|:]|ت\.?غ|GMT)", re.MULTILINE)
# What may stand between a dateline's date and the text: an agency in brackets, a dash, a comma, a time.
_DATELINE_TAIL_RE = re.compile(r"\s*(?:$|[-–—|(،,:/]|\d{1,2}:\d\d|الساعة|\u00a0)")
_DATELINE_HEAD_END = "-–—|،,:)»\""
DATELINE_LINES = 6  # an article's own date stands in its first lines (or, with a marker, its last ones)
DATELINE_CHARS = 80  # a line this short holding a full date near the top is a date line
DATELINE_HEAD_CHARS = 100  # how far into a line its dateline's date (and a time after it) may reach
DATELINE_HEAD_WORDS = 6  # a dateline's words before its date: a city, an agency, a marker
HEADING_CHARS = 90
RECENT_LOOKBACK = 3  # sentences back in which the day's news may be told
RECENT_DAYS = 3  # days before the article's date that are still "the day's news"  # a line this short holding a full date is a date heading
STATEMENT_WINDOW = 8  # how far before a date a reporting word makes it the statement's date
RELATIVE_REACH = 4  # a relative clause starting this close after the trigger is about the trigger
NAME_QUOTE_CHARS = 25  # a quoted newspaper or operation name is this short
QUOTE_OPENERS, QUOTE_CLOSERS = "«“\"", "»”\""
MAX_HIJRI_DRIFT = 3  # days: a Hijri date this close to a Gregorian one in the sentence restates it


class Antecedent(NamedTuple):
    """The dates told before a sentence in its paragraph that later words may follow.

    ``day``: the last date to the day (for اليوم التالي); ``explicit``: the last
    date whose year the text wrote out, as (year, month or 0) (for العام نفسه and a
    month without a year).
    """

    day: str | None = None
    explicit: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression: its span, its value (None when it cannot be resolved) and how it dates.

    ``since``: it opens a span of time still going on (منذ …); ``bound``: it
    bounds the event from one side (قبل …، حتى …); ``follows``: its value
    depends on a date told before it (اليوم التالي، العام نفسه, a month
    without a year), so a sentence read alone may resolve it differently.
    ``explicit``: the (year, month or 0) it writes out in full, if any.
    """

    start: int
    end: int
    value: str | None
    since: bool = False
    bound: bool = False
    follows: bool = False
    explicit: tuple[int, int] | None = field(default=None, compare=False)
    hijri: bool = field(default=False, compare=False)
    base: str | None = field(default=None, compare=False)  # the day told before that اليوم التالي counts from


# --- lexicons -----------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _month_matcher() -> PhraseMatcher:
    return PhraseMatcher([(r["name"], (int(r["month"]), r["strict"] == "1")) for r in read_tsv("months.tsv")])


@lru_cache(maxsize=1)
def _hijri_matcher() -> PhraseMatcher:
    return PhraseMatcher([(r["name"], int(r["month"])) for r in read_tsv("hijri_months.tsv")], keep_article=True)


@lru_cache(maxsize=1)
def _ordinal_matcher() -> PhraseMatcher:
    return PhraseMatcher([(r["name"], int(r["day"])) for r in read_tsv("ordinal_days.tsv")], keep_article=True)


@lru_cache(maxsize=1)
def _relative_matcher() -> PhraseMatcher:
    return PhraseMatcher([(r["phrase"], (r["unit"], _offset(r["offset"]))) for r in read_tsv("relative_dates.tsv")],
                         keep_article=True)


def _offset(text: str) -> int | tuple[int, int]:
    """An offset of relative_dates.tsv: one number, or lo:hi for a span."""
    if ":" in text:
        lo, hi = text.split(":")
        return int(lo), int(hi)
    return int(text)


@lru_cache(maxsize=1)
def _weekdays() -> dict[str, int]:
    return {normalize(r["name"]): int(r["weekday"]) for r in read_tsv("weekdays.tsv")}


@lru_cache(maxsize=1)
def _date_words() -> dict[str, frozenset[str]]:
    """class → normalized words of date_words.tsv (one-word entries; phrases kept whole, space-joined)."""
    out: dict[str, set[str]] = {}
    for row in read_tsv("date_words.tsv"):
        out.setdefault(row["class"], set()).add(normalize(row["word"]))
    return {k: frozenset(v) for k, v in out.items()}


def _words_of(cls: str) -> frozenset[str]:
    return _date_words()[cls]


def _readings(key: str) -> frozenset[str]:
    """A word's clitic-free readings (وفي → في، والعام → العام).

    The phrase matchers' memo of the same sets (with the article kept), not a second copy of it.
    """
    return reading_set(key, True)


def date_word(tok: Token, cls: str) -> bool:
    """Whether a word, read with or without its clitics, belongs to a date_words.tsv class."""
    return not _readings(tok.key).isdisjoint(_words_of(cls))


_is = date_word


@lru_cache(maxsize=4)
def _date_word_starts(text: str) -> list[int]:
    """Where the words that may belong to a date start in an article (see ``_could_date``), in order.

    Computed once per article over its tokens (the per-word test is memoized),
    so that each sentence asks for its dates with a bisection first.
    """
    return list(compress(map(_START, tokenize(text)), _article_kinds(text)))


@lru_cache(maxsize=4)
def _article_kinds(text: str) -> list[int]:
    """``_date_kinds`` of every word of an article (``tokenize(text)``), in order.

    Read once per article: each sentence's date scan slices its words' kinds
    from it (``token_range``) instead of looking every word up again.
    """
    return _kinds_of_words(tokenize(text))


# What kind of date word a word may be (bits of ``_date_kinds``): each phrase matcher runs only over
# a sentence holding a word that can start one of its phrases.
DIGITS, WEEKDAY, MONTH, HIJRI, ORDINAL, RELATIVE = 1, 2, 4, 8, 16, 32


@lru_cache(maxsize=1)
def _first_words() -> dict[str, int]:
    """The normalized first words of the date phrases, each with the kinds (bits) of phrase it starts."""
    words: dict[str, int] = {}
    for name, col, kind in (("months.tsv", "name", MONTH), ("hijri_months.tsv", "name", HIJRI),
                            ("ordinal_days.tsv", "name", ORDINAL), ("relative_dates.tsv", "phrase", RELATIVE)):
        for row in read_tsv(name):
            first = phrase_words(row[col])
            if first:
                for w in {first[0], strip_article(first[0])}:
                    words[w] = words.get(w, 0) | kind
    return words


def _date_kinds(key: str) -> int:
    """The kinds of date word a word may be (0 for most words): a number, a weekday, a phrase's first word.

    Memoized: every word of every article is asked (``_date_word_starts``).
    """
    kinds = _KINDS.get(key)
    if kinds is None:
        kinds = _word_date_kinds(key)
        if len(_KINDS) < MAX_MEMO_WORDS:
            _KINDS[key] = kinds
    return kinds


def _kinds_of_words(tokens: list[Token]) -> list[int]:
    """``_date_kinds`` of each token, the memo read for all of them at once."""
    kinds = list(map(_KINDS.get, map(_KEY, tokens)))
    if None in kinds:
        for k, found in enumerate(kinds):
            if found is None:
                kinds[k] = _date_kinds(tokens[k].key)
    return kinds


_KINDS: dict[str, int] = {}  # word key → ``_date_kinds``
_KEY, _START = attrgetter("key"), attrgetter("start")


def _word_date_kinds(key: str) -> int:
    """``_date_kinds`` computed."""
    kinds = DIGITS if any(ch.isdigit() for ch in key) else 0
    if _weekday_named(key) is not None:
        kinds |= WEEKDAY
    first = _first_words()
    # every word met is asked once (``_KINDS`` keeps the answer): its readings need no memo
    for r in dict.fromkeys(s for s, _ in stems(key)):
        kinds |= first.get(r, 0) | first.get(strip_article(r), 0)
    return kinds


def _could_date(key: str) -> bool:
    """Whether a word may belong to a date."""
    return _date_kinds(key) != 0


def _weekday_named(key: str) -> int | None:
    """The weekday a word names (الأحد، والجمعة، Sunday), or None.

    Only the definite Arabic forms count (أحد alone is "one").
    """
    weekdays = _weekdays()
    if key in weekdays:
        return weekdays[key] if not key.isascii() or key[:1].isalpha() else None
    if "ال" not in key[:4]:
        return None
    for stem in _readings(key):  # ويوم الجمعة، والأحد
        if stem.startswith("ال") and stem in weekdays:
            return weekdays[stem]
    return None


# ``_weekday_named``, memoized for the date scan, which asks only about words that may be a date
# (``_date_kinds``): a few thousand, where every word met is asked once for its kinds.
_weekday_of = lru_cache(maxsize=4096)(_weekday_named)


def _is_year(tok: Token) -> bool:
    return tok.key.isdigit() and len(tok.key) == 4 and 1900 <= to_int(tok.key) <= 2100


def _is_hijri_year(tok: Token) -> bool:
    return tok.key.isdigit() and len(tok.key) == 4 and 1300 <= to_int(tok.key) <= 1500


def _is_day(tok: Token) -> bool:
    return tok.key.isdigit() and len(tok.key) <= 2 and 1 <= to_int(tok.key) <= 31


# --- formatting and calendar arithmetic -----------------------------------------------------------

def _fmt(year: int, month: int | None = None, day: int | None = None) -> str:
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def _fmt_day(d: dt.date) -> str:
    return _fmt(d.year, d.month, d.day)


def _valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
        return True
    except ValueError:
        return False


def coarsest_common(lo: dt.date, hi: dt.date) -> str | None:
    """The finest date that holds every day from ``lo`` to ``hi``: the day, the month, the year, or None.

    A stretch of days ("last week", a Hijri month) is given at the precision
    it is sure of: a week across two months is only its year.
    """
    if lo == hi:
        return _fmt_day(lo)
    if (lo.year, lo.month) == (hi.year, hi.month):
        return _fmt(lo.year, lo.month)
    if lo.year == hi.year:
        return _fmt(lo.year)
    return None


def hijri_to_gregorian(year: int, month: int, day: int) -> dt.date:
    """A Hijri date in the arithmetic (tabular) Islamic calendar, as a Gregorian date.

    The tabular calendar (30-year cycle, epoch 16 July 622) may differ by a
    day or two from a calendar set by moon sighting or Umm al-Qura; news that
    gives a Hijri date almost always gives the Gregorian one as well.
    """
    jdn = day + math.ceil(29.5 * (month - 1)) + (year - 1) * 354 + (3 + 11 * year) // 30 + 1948439
    return dt.date.fromordinal(jdn - 1721425)


def _hijri_month_span(year: int, month: int) -> tuple[dt.date, dt.date]:
    """First and last Gregorian day of a Hijri month."""
    first = hijri_to_gregorian(year, month, 1)
    nxt = hijri_to_gregorian(year + (month == 12), month % 12 + 1, 1)
    return first, nxt - dt.timedelta(days=1)


def _hijri_year_of(day: dt.date) -> int:
    """The Hijri year a Gregorian day falls in (arithmetic calendar)."""
    year = int((day.toordinal() - hijri_to_gregorian(1, 1, 1).toordinal()) / 354.367) + 1
    while hijri_to_gregorian(year + 1, 1, 1) <= day:
        year += 1
    while hijri_to_gregorian(year, 1, 1) > day:
        year -= 1
    return year


def parse_published(value: str | None) -> dt.date | None:
    """A YYYY-MM-DD string as a date, or None."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


# --- finding dates -------------------------------------------------------------------------------

class _Raw(NamedTuple):
    """A date expression before resolution: token span, kind and what the kind needs."""

    first: int
    last: int
    kind: str  # abs | month | hijri | rel | span | weekday | same | samespan | sameyear | samemonth
    data: tuple
    lead: int  # the token whose preceding word says منذ / قبل


def find_dates(text: str, published: str | None = None, start: int = 0, end: int | None = None,
               antecedent: Antecedent | None = None) -> list[DateMention]:
    """Every date expression in ``text[start:end]``, resolved against ``published`` when needed.

    ``antecedent`` carries the dates told earlier in the paragraph, which
    words such as اليوم التالي and العام نفسه follow (see ``ArticleDates``).
    """
    if antecedent is not None and antecedent.day is None and antecedent.explicit is None:
        antecedent = None  # one cache entry for "nothing told before"
    return list(_find_dates(text, published, start, len(text) if end is None else end, antecedent))


@lru_cache(maxsize=1024)
def _find_dates(text: str, published: str | None, start: int, end: int,
                antecedent: Antecedent | None) -> tuple[DateMention, ...]:
    # Cached: every incident of a sentence asks for that sentence's dates, and a sentence's
    # dates are asked again as the context of the sentences after it.
    marks = _date_word_starts(text)
    k = bisect_left(marks, start)
    if k == len(marks) or marks[k] >= end:
        return ()  # no word of the stretch can belong to a date: neither tokens nor matchers are needed
    lo, hi = token_range(text, start, end)
    tokens = tokenize(text, start, end)
    numeric = []  # 2019-05-02, 2/5/2019: their digits are no day or year of their own
    if _has_numeric_date_hint(text, start, end):
        for rx, order in ((_ISO_RE, (1, 2, 3)), (_DMY_RE, (3, 2, 1))):
            for m in rx.finditer(text, start, end):
                y, mo, d = (int(m.group(g)) for g in order)
                if _valid(y, mo, d):
                    numeric.append(DateMention(m.start(), m.end(), _fmt(y, mo, d), explicit=(y, mo)))
    blocked = {n for n, t in enumerate(tokens) for d in numeric if d.start <= t.start < d.end} if numeric else set()
    raws = _scan(text, tokens, blocked, _article_kinds(text)[lo:hi])
    found = _resolve(text, tokens, raws, parse_published(published), antecedent or Antecedent()) + numeric
    return tuple(_drop_restated_hijri(sorted(found, key=lambda d: d.start)))


def _has_numeric_date_hint(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds a dash or slash between two digits, as 2019-05-02 and 2/5/2019 do.

    A necessary condition of ``_ISO_RE`` and ``_DMY_RE`` matching there:
    the article is searched for it once, and each stretch bisects.
    """
    seps = _numeric_separators(text)
    k = bisect_left(seps, start + 1)
    return k < len(seps) and seps[k] < end - 1


@lru_cache(maxsize=4)
def _numeric_separators(text: str) -> list[int]:
    """Offsets of every - or / with a decimal digit on both sides (1-2-3 holds two), in order.

    The separators are found with ``str.find``, which skips the letters between
    them far faster than a regular expression that tests every character for a
    digit; ``str.isdecimal`` is what \\d means in _ISO_RE and _DMY_RE.
    """
    out = []
    for sep in "-/":
        i = text.find(sep, 1)
        while i >= 0:
            if i + 1 < len(text) and text[i - 1].isdecimal() and text[i + 1].isdecimal():
                out.append(i)
            i = text.find(sep, i + 1)
    out.sort()
    return out


def _scan(text: str, tokens: list[Token], blocked: set[int], word_kinds: list[int] | None = None) -> list[_Raw]:
    """The date expressions of a token list, unresolved, in text order (``blocked`` tokens belong to none).

    ``word_kinds`` are the tokens' ``_date_kinds`` when the caller has them already.
    """
    raws: list[_Raw] = []
    taken: set[int] = set(blocked)
    if word_kinds is None:
        word_kinds = _kinds_of_words(tokens)
    kinds = 0
    for k in set(word_kinds):
        kinds |= k
    relatives = {m.first: m for m in _relative_matcher().find(tokens)} if kinds & RELATIVE else {}
    months = _month_matcher().find(tokens) if kinds & MONTH else []
    # ordinal days (الخامس من أكتوبر) and Hijri months (which need a day or a year) are rare: looked
    # for only where they can be
    ordinals = ({m.last: m for m in _ordinal_matcher().find(tokens)} if kinds & ORDINAL and (
        months or any(m.value[0] == "samemonth" for m in relatives.values())) else {})
    weekdays = _weekdays()
    has_digits = bool(kinds & DIGITS)

    def month_head(i: int) -> tuple[int, int | None, bool]:
        """(first token, day, whether the days are a range) of what stands before a month name at ``i``."""
        if i > 0 and _is_day(tokens[i - 1]):
            first, day = i - 1, to_int(tokens[i - 1].key)
            # بين 10 و12 مايو، من 10 إلى 12 مايو، 10-12 مايو: several days of one month
            if i > 2 and _is(tokens[i - 2], "range_joiner") and len(tokens[i - 2].key) <= 4 and _is_day(tokens[i - 3]):
                return i - 3, day, to_int(tokens[i - 3].key) != day
            if i > 1 and _is_day(tokens[i - 2]) and text[tokens[i - 2].end:tokens[i - 1].start].strip() in "-–":
                return i - 2, day, to_int(tokens[i - 2].key) != day
            return first, day, False
        if i > 1 and _is(tokens[i - 1], "of") and (i - 2) in ordinals:
            m = ordinals[i - 2]
            return m.first, m.value, False
        return i, None, False

    def weekday_before(first: int) -> int:
        """Take a weekday written before a date into its span (الأربعاء 16 مارس 2016)."""
        if first > 0 and tokens[first - 1].key in weekdays:
            return first - 1
        return first

    for m in _month_pairs(text, tokens, months):
        month, strict = m.value
        i, j = m.first, m.last
        first, day, is_range = month_head(i)
        k = j + 1
        # a year: 2014، عام 2014، من عام 2014
        if k < len(tokens) and _is(tokens[k], "of") and k + 1 < len(tokens) and (
                _is(tokens[k + 1], "year_word") or _is_year(tokens[k + 1])):
            k += 1
        if k < len(tokens) and _is(tokens[k], "year_word") and k + 1 < len(tokens) and _is_year(tokens[k + 1]):
            k += 1
        year = to_int(tokens[k].key) if k < len(tokens) and _is_year(tokens[k]) else None
        day_value = None if is_range else day
        if year is not None:
            raws.append(_Raw(weekday_before(first), k, "abs", (year, month, day_value), first))
            taken.update(range(weekday_before(first), k + 1))
            continue
        # a year given as a relative phrase: في أكتوبر من العام الماضي، يونيو من العام نفسه
        rel = relatives.get(j + 2) if j + 1 < len(tokens) and _is(tokens[j + 1], "of") else None
        if rel is not None and rel.value[0] in ("year", "sameyear"):
            raws.append(_Raw(first, rel.last, "month", (month, day_value, rel.value), first))
            taken.update(range(first, rel.last + 1))
            continue
        marker = None
        last = j
        if j + 1 < len(tokens):
            for cls in ("past", "next", "current"):
                if _is(tokens[j + 1], cls):
                    marker, last = cls, j + 1
        if day is None and marker is None:
            before = tokens[first - 1] if first > 0 else None
            if strict or before is None or not _is(before, "month_lead"):
                continue
        raws.append(_Raw(weekday_before(first), last, "month", (month, day_value, marker), first))
        taken.update(range(weekday_before(first), last + 1))

    for m in (_hijri_matcher().find(tokens) if kinds & HIJRI and (has_digits or ordinals) else ()):
        if m.first in taken:
            continue
        i, j = m.first, m.last
        first, day, is_range = month_head(i)
        k = j + 1
        year = None
        if k < len(tokens) and _is_hijri_year(tokens[k]):
            year, last = to_int(tokens[k].key), k
            if k + 1 < len(tokens) and _is(tokens[k + 1], "hijri_era"):
                last = k + 1
        else:
            last = j
        if day is None and year is None:
            continue  # رمضان، رجب، صفر alone are names and words as often as months
        raws.append(_Raw(weekday_before(first), last, "hijri", (year, m.value, None if is_range else day), first))
        taken.update(range(weekday_before(first), last + 1))

    for i, m in sorted(relatives.items()):
        if any(t in taken for t in range(m.first, m.last + 1)):
            continue
        unit, offset = m.value
        if unit == "samemonth":  # في السابع من الشهر نفسه، في 7 من الشهر ذاته
            first, day, _ = month_head(m.first) if m.first > 0 and _is(tokens[m.first - 1], "of") else (m.first, None, False)
            if day is None and m.first > 1 and _is(tokens[m.first - 1], "of") and _is_day(tokens[m.first - 2]):
                first, day = m.first - 2, to_int(tokens[m.first - 2].key)
            raws.append(_Raw(first, m.last, unit, (unit, offset, day), first))
            taken.update(range(first, m.last + 1))
            continue
        if unit == "day" and _in_quoted_name(text, tokens[m.first].start, tokens[m.last].end):
            continue  # «عدن اليوم»، "تشاد اليوم": a newspaper's name, not today
        kind = {"day": "rel", "month": "rel", "year": "rel"}.get(unit, unit)
        raws.append(_Raw(m.first, m.last, kind, (unit, offset), m.first))
        taken.update(range(m.first, m.last + 1))

    for i in compress(range(len(tokens)), word_kinds):  # most words are none of a year or a weekday
        if i in taken:
            continue
        tok = tokens[i]
        key = tok.key
        # the cheap digit test first: most words are no year and this runs for every word of a sentence
        if key.isdigit():
            if _is_year(tok) and i > 0 and (_is(tokens[i - 1], "year_word") or _is(tokens[i - 1], "year_lead")):
                lead = i - 1 if _is(tokens[i - 1], "year_word") else i
                raws.append(_Raw(lead, i, "abs", (to_int(key), None, None), lead))
                taken.update((lead, i))
            continue
        wd = _weekday_of(key)
        if wd is None:
            continue
        if i > 0 and (i - 1) in taken and any(r.last == i - 1 and r.kind == "rel" for r in raws):
            continue  # أمس الاثنين، اليوم الأحد: the weekday restates the relative day
        marker = None
        last = i
        if i + 1 < len(tokens):
            for cls in ("past", "next"):
                if _is(tokens[i + 1], cls):
                    marker, last = cls, i + 1
        raws.append(_Raw(i, last, "weekday", (wd, marker), i))
        taken.update(range(i, last + 1))
    raws.sort(key=lambda r: r.first)
    return raws


def _month_pairs(text: str, tokens: list[Token], matches: list) -> list:
    """Month matches with a name written in both systems taken as one (آب/أغسطس، تشرين الثاني/نوفمبر).

    Levantine and Iraqi papers give the Syriac name and the Gregorian one
    side by side; the day stands before the first and the year after the second.
    """
    out = []
    for m in matches:
        prev = out[-1] if out else None
        if (prev is not None and prev.last + 1 == m.first and prev.value[0] == m.value[0]
                and text[tokens[prev.last].end:tokens[m.first].start].strip() in ("/", "-", "(", "")):
            out[-1] = Match(prev.first, m.last, (m.value[0], False), prev.proclitic)
            continue
        out.append(m)
    return out


def _in_quoted_name(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] closes a short quoted name («عدن اليوم»): a quote opens a word or two before it."""
    after = text[end:end + 2].lstrip()
    if not after or after[0] not in QUOTE_CLOSERS:
        return False
    before = text[max(0, start - NAME_QUOTE_CHARS):start]
    opened = max(before.rfind(q) for q in QUOTE_OPENERS)
    return opened >= 0 and len(before[opened + 1:].split()) <= 2


def _resolve(text: str, tokens: list[Token], raws: list[_Raw], pub: dt.date | None,
             antecedent: Antecedent) -> list[DateMention]:
    """Values of the raw expressions, in text order, each later one able to follow the ones before it."""
    out: list[DateMention] = []
    day_before, explicit = antecedent.day, antecedent.explicit
    for r in raws:
        value, follows, written, hijri, base = None, False, None, False, None
        if r.kind == "abs":
            year, month, day = r.data
            if month is None:
                value, written = _fmt(year), (year, 0)
            else:
                value = _fmt(year, month, day) if day is not None and _valid(year, month, day) else _fmt(year, month)
                written = (year, month)
        elif r.kind == "month":
            month, day, marker = r.data
            if isinstance(marker, tuple):  # من العام الماضي / من العام نفسه
                unit, offset = marker
                if unit == "sameyear":
                    follows = True
                    year = explicit[0] + offset if explicit else None
                else:
                    year = pub.year + offset if pub else None
                if year is not None:
                    value = _fmt(year, month, day) if day is not None and _valid(year, month, day) else _fmt(year, month)
            elif pub is not None:
                value = _resolve_month(pub, month, day, marker)
        elif r.kind == "hijri":
            hijri = True
            value = _resolve_hijri(pub, *r.data)
        elif r.kind == "rel":
            unit, offset = r.data
            value = _resolve_relative(pub, unit, offset) if pub else None
        elif r.kind == "span":
            lo, hi = r.data[1]
            value = coarsest_common(pub + dt.timedelta(days=lo), pub + dt.timedelta(days=hi)) if pub else None
        elif r.kind == "weekday":
            wd, marker = r.data
            value = _resolve_weekday(pub, wd, marker) if pub else None
        elif r.kind in ("same", "samespan"):
            follows = True
            if day_before:
                base = day_before
                anchor = dt.date.fromisoformat(day_before)
                if r.kind == "same":
                    value = _fmt_day(anchor + dt.timedelta(days=r.data[1]))
                else:
                    lo, hi = r.data[1]
                    value = coarsest_common(anchor + dt.timedelta(days=lo), anchor + dt.timedelta(days=hi))
        elif r.kind == "sameyear":
            follows = True
            value = _fmt(explicit[0] + r.data[1]) if explicit else None
        elif r.kind == "samemonth":  # (في السابع من) الشهر نفسه: the month of the date told before
            follows = True
            day = r.data[2] if len(r.data) > 2 else None
            if explicit and explicit[1]:
                year, month = explicit
                value = _fmt(year, month, day) if day is not None and _valid(year, month, day) else _fmt(year, month)
        k = r.lead - 1
        while k > 0 and _is(tokens[k], "daypart"):  # منذ صباح اليوم، حتى مساء الأحد
            k -= 1
        lead = tokens[k] if k >= 0 else None
        since = lead is not None and _is(lead, "since")
        bound = lead is not None and _is(lead, "bound")
        out.append(DateMention(tokens[r.first].start, tokens[r.last].end, value, since, bound, follows,
                               written, hijri, base))
        if value and len(value) == 10:
            day_before = value
        if written and not since:
            explicit = written
    return out


def _drop_restated_hijri(found: list[DateMention]) -> list[DateMention]:
    """Leave out a Hijri date that restates a Gregorian one of the same stretch (… الموافق 28 جمادى الأولى 1437)."""
    if not any(d.hijri for d in found):
        return found
    days = [dt.date.fromisoformat(d.value) for d in found if not d.hijri and d.value and len(d.value) == 10]
    keep = []
    for d in found:
        if d.hijri and d.value and len(d.value) == 10 and days:
            day = dt.date.fromisoformat(d.value)
            if any(abs((day - g).days) <= MAX_HIJRI_DRIFT for g in days):
                continue
        keep.append(d)
    return keep


def _resolve_month(pub: dt.date, month: int, day: int | None, marker: str | None) -> str:
    """A month (and day) without a year: the latest one not after publication (or the next one for المقبل)."""
    year = pub.year
    if marker == "next":
        year = pub.year if month > pub.month else pub.year + 1
    elif marker == "past":
        year = pub.year if month < pub.month else pub.year - 1
    elif marker == "current":
        year = pub.year
    elif (month, day or 1) > (pub.month, pub.day):
        year = pub.year - 1
    if day is not None and _valid(year, month, day):
        return _fmt(year, month, day)
    return _fmt(year, month)


def _resolve_hijri(pub: dt.date | None, year: int | None, month: int, day: int | None) -> str | None:
    """A Hijri date as Gregorian: the day when a day is given, else what the Hijri month surely covers.

    Without a year, the latest such Hijri date not after publication.
    """
    if year is None:
        if pub is None:
            return None
        year = _hijri_year_of(pub)
        if hijri_to_gregorian(year, month, day or 1) > pub:
            year -= 1
    if day is not None:
        if day > 30:
            return None
        return _fmt_day(hijri_to_gregorian(year, month, day))
    return coarsest_common(*_hijri_month_span(year, month))


def _resolve_relative(pub: dt.date, unit: str, offset: int) -> str:
    """A relative phrase's date at its own precision."""
    if unit == "day":
        return _fmt_day(pub + dt.timedelta(days=offset))
    if unit == "month":
        index = pub.year * 12 + pub.month - 1 + offset
        return _fmt(index // 12, index % 12 + 1)
    return _fmt(pub.year + offset)


def _resolve_weekday(pub: dt.date, weekday: int, marker: str | None = None) -> str:
    """The latest such weekday on or before the article's date (news reports the past week).

    With الماضي it is strictly before (الأحد الماضي written on a Sunday is a
    week ago); with المقبل the first one after.
    """
    if marker == "next":
        return _fmt_day(pub + dt.timedelta(days=(weekday - pub.weekday() - 1) % 7 + 1))
    if marker == "past":
        return _fmt_day(pub - dt.timedelta(days=(pub.weekday() - weekday - 1) % 7 + 1))
    return _fmt_day(pub - dt.timedelta(days=(pub.weekday() - weekday) % 7))


# --- the article's own date ---------------------------------------------------------------------

def published_from_text(text: str, lines: int = DATELINE_LINES) -> str | None:
    """The article's own date, from its dateline, or None.

    Datelines come in a few house styles: a line that is only a date (with a
    weekday, a time, "آخر تحديث"), a city and agency before the date
    (``بنغازي (ليبيا) - 12 مايو 2014 (وكالة …) - النص``, ``نيامي، 11 ديسمبر
    2019``), or a marker (``نشر في``، ``آخر تحديث``) at the top or the bottom.
    Only a full date counts, and never one that the sentence itself tells
    (``هاجم مسلحون قرية في 11 مارس 2021 …``).
    """
    found = dateline(text, lines)
    return found.value if found else None


@lru_cache(maxsize=4)
def dateline(text: str, lines: int = DATELINE_LINES) -> DateMention | None:
    """The date mention that gives the article's own date (see ``published_from_text``), or None."""
    # a full date always has digits (its year): lines without any are not read
    spans = [s for s in _line_spans(text) if text[s[0]:s[1]].strip()]
    for s, e in spans[:lines]:
        found = _line_date(text, s, e, marker_only=False)
        if found:
            return found
    for s, e in spans[-3:]:
        if not _MARKER_HINT_RE.search(text, s, e):
            continue  # the last lines are read only for a publication marker
        found = _line_date(text, s, e, marker_only=True)
        if found:
            return found
    return None


def _line_spans(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.splitlines(keepends=True):
        out.append((pos, pos + len(line.rstrip("\r\n"))))
        pos += len(line)
    return out


def _line_date(text: str, s: int, e: int, marker_only: bool) -> DateMention | None:
    """The full date a line gives as the article's own, or None (see ``published_from_text``)."""
    # a dateline's date opens its line: only the line's head is read, not a whole paragraph
    short = len(text[s:e].strip()) <= DATELINE_CHARS
    e = min(e, s + DATELINE_HEAD_CHARS)
    marks = _date_word_starts(text)
    if bisect_left(marks, e) - bisect_left(marks, s) < 2:
        return None  # a full date takes two date words at least (a day or a month, and a year)
    for d in find_dates(text, None, s, e):
        if not (d.value and len(d.value) == 10):
            continue
        head = text[s:d.start].strip()
        if _has_marker(head):
            return d
        if marker_only:
            continue
        if short or _TIME_RE.search(text, d.end, min(d.end + 25, e)):
            return d
        # city (country) - DATE (agency) - …: a short head that ends in a separator
        if len(head) <= 40 and (not head or head[-1] in _DATELINE_HEAD_END) and _DATELINE_TAIL_RE.match(text, d.end):
            return d
    return None


def _has_marker(head: str) -> bool:
    """Whether the words before a date end in a publication marker (نشر في، آخر تحديث)."""
    words = normalize(head).replace(":", " ").split()
    if len(words) > DATELINE_HEAD_WORDS:
        return False  # a marker inside a running sentence (وكانت … نشر في …) is no dateline
    for marker in _words_of("dateline_marker"):
        n = marker.split()
        if len(words) >= len(n) and words[-len(n):] == n:
            return True
    return False


# --- what a sentence's dates depend on beyond it -------------------------------------------------

class ArticleDates:
    """An article seen as dated text: paragraphs, their sentences, live-blog entries and their days.

    Built once per article (``article_dates``) and filled in lazily: most
    sentences date their incidents themselves, and only the others ask for
    the sentences before them, so only their paragraphs are split.
    Sentences are addressed by their start offset (the spans of
    ``text.sentences``, which never cross a line break).
    """

    def __init__(self, text: str, published: str | None):
        self.text = text
        self.published = published
        self._entries, self._headings = _blog_layout(text, published)
        self._entry_starts = [s for s, _ in self._entries]
        self._heading_starts = [h[0] for h in self._headings]
        self._paragraphs: dict[int, list[Span]] = {}
        self._after: dict[int, Antecedent] = {}
        self._context: dict[int, str | None] = {}
        self._dateline = None  # found on first use: only undated sentences ask

    def anchor_at(self, offset: int) -> str | None:
        """The date relative words at ``offset`` count from: a live blog's day heading, else publication."""
        if not self._headings:
            return self.published
        k = bisect_right(self._heading_starts, offset) - 1
        return self._headings[k][1] if k >= 0 else self.published

    def in_entry_at(self, offset: int) -> bool:
        """Whether ``offset`` lies in a time-stamped live-blog entry."""
        if not self._entries:
            return False
        k = bisect_right(self._entry_starts, offset) - 1
        return k >= 0 and offset < self._entries[k][1]

    def paragraph(self, offset: int) -> list[Span]:
        """The sentences of the paragraph (line) holding ``offset``."""
        start = self.text.rfind("\n", 0, offset) + 1
        if start not in self._paragraphs:
            end = self.text.find("\n", offset)
            end = len(self.text) if end < 0 else end
            # the gazetteer's split (text.sentences without its trimming): dates never sit in the trim
            self._paragraphs[start] = [Span(s + start, e + start) for s, e in sentence_spans(self.text[start:end])]
        return self._paragraphs[start]

    def previous(self, sent: Span) -> Span | None:
        """The sentence before ``sent`` in its paragraph, or None."""
        para = self.paragraph(sent.start)
        k = bisect_right([s.start for s in para], sent.start) - 1
        return para[k - 1] if k > 0 else None

    def before(self, sent: Span, count: int) -> list[Span]:
        """Up to ``count`` sentences before ``sent``, nearest first, across paragraphs."""
        out: list[Span] = []
        offset = sent.start
        while len(out) < count:
            out += [s for s in self.paragraph(offset) if s.start < offset][::-1][:count - len(out)]
            offset = self.text.rfind("\n", 0, offset)  # the end of the line before
            while offset > 0 and self.text[offset - 1].isspace():
                offset -= 1  # blank lines between paragraphs
            if offset <= 0:
                break
            offset -= 1  # a character of that line
        return out

    def antecedent(self, sent: Span) -> Antecedent:
        """The dates told before ``sent`` in its paragraph (what اليوم التالي، العام نفسه follow)."""
        if sent.start not in self._after:
            state = Antecedent()
            for s in self.paragraph(sent.start):
                if s.start >= sent.start:
                    break
                if s.start in self._after:
                    state = self._after[s.start]
                else:
                    self._after[s.start] = state
                state = _advance(state, self.dates(s, state))
            self._after[sent.start] = state
        return self._after[sent.start]

    def dates(self, sent: Span, antecedent: Antecedent | None = None) -> list[DateMention]:
        """The dates of a sentence (against its anchor, following ``antecedent``)."""
        return find_dates(self.text, self.anchor_at(sent.start), sent.start, sent.end, antecedent)

    def settled_dates(self, sent: Span) -> list[DateMention]:
        """The dates of a sentence, following the paragraph's earlier dates only where its words ask to."""
        found = self.dates(sent)
        return self.dates(sent, self.antecedent(sent)) if any(d.follows for d in found) else found

    def context_date(self, sent: Span) -> str | None:
        """The date of a sentence that gives none itself, from what is told around it.

        A live-blog entry's incidents are of the day it is filed under; else
        the last date of the sentence before in the paragraph holds (… فجر
        الاثنين. فقد انتشرت القوات …); else the month of the day's news told
        just before (``recent_month``); else None.  Memoized: every incident of
        the sentence asks.
        """
        if sent.start not in self._context:
            self._context[sent.start] = self._context_date(sent)
        return self._context[sent.start]

    def _context_date(self, sent: Span) -> str | None:
        if self.in_entry_at(sent.start):
            return self.anchor_at(sent.start)
        previous = self.previous(sent)
        if previous is not None:
            before = [d for d in self.settled_dates(previous) if d.value]
            if before:
                last = before[-1]
                return None if last.since or last.bound else last.value
        return self.recent_month(sent)

    def recent_month(self, sent: Span) -> str | None:
        """The month of the day's news, when the sentences just before ``sent`` tell of it.

        A story of the day (أمس، اليوم) goes on to things whose day it does not
        repeat (the arrests, the reinforcements, the fighting elsewhere); they
        are of that stretch of days, which gives the month, not the day.  The
        last date of the RECENT_LOOKBACK sentences before counts, if it is a day
        at most RECENT_DAYS before the article's date; the dateline is no event.
        """
        anchor = parse_published(self.anchor_at(sent.start))
        if anchor is None:
            return None
        if self._dateline is None:
            self._dateline = dateline(self.text, DATELINE_LINES) or False
        for s in self.before(sent, RECENT_LOOKBACK):
            found = [d for d in self.settled_dates(s) if d.value and not d.since
                     and not (self._dateline and d.start == self._dateline.start)]
            if found:
                last = found[-1]
                if last.bound or len(last.value) != 10:
                    return None
                day = dt.date.fromisoformat(last.value)
                return last.value[:7] if 0 <= (anchor - day).days <= RECENT_DAYS else None
        return None


def _advance(state: Antecedent, found: list[DateMention]) -> Antecedent:
    """The paragraph's dates after a sentence: its last day-precise date and its last written-out year."""
    day, explicit = state
    for d in found:
        if d.since:
            continue
        if d.value and len(d.value) == 10:
            day = d.value
        if d.explicit:
            explicit = d.explicit
    return Antecedent(day, explicit)


def _blog_layout(text: str, published: str | None) -> tuple[list[tuple[int, int]], list[tuple[int, str]]]:
    """A live blog's time-stamped entries as (start, end) spans, and its day headings as (offset, date).

    Only a text with at least two time-stamped lines is read as a live blog;
    a heading is a short line that holds a full date.
    """
    stamps = [m.start() for m in _ENTRY_TIME_RE.finditer(text)]
    if len(stamps) < 2:
        return [], []
    headings = []
    for s, e in _line_spans(text):
        if 0 < e - s <= HEADING_CHARS and not _ENTRY_TIME_RE.match(text, s):
            value = next((d.value for d in find_dates(text, None, s, e) if d.value and len(d.value) == 10), None)
            if value:
                headings.append((s, value))
    bounds = sorted(stamps + [h[0] for h in headings] + [len(text)])
    entries = [(s, bounds[bisect_right(bounds, s)]) for s in stamps]
    return entries, headings


@lru_cache(maxsize=4)
def article_dates(text: str, published: str | None) -> ArticleDates:
    """The article's ``ArticleDates``, built once: every incident of the article asks."""
    return ArticleDates(text, published)


def is_standing(tokens: list[Token], first: int, clause_first: int) -> bool:
    """Whether the words from the clause start up to a trigger tell a standing state (تنتشر، المتمركزة، حاليا)."""
    return any(_is(tokens[k], "standing") for k in range(clause_first, first + 1))
