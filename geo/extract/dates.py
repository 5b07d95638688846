"""Dates in Arabic news: absolute (28 مايو، 24 أكتوبر 2013، كانون الثاني 2020) and relative
(أمس، الشهر الجاري، العام الماضي، يوم الثلاثاء), resolved against the publication date.

A date is a string of the precision the text gives: ``YYYY-MM-DD``,
``YYYY-MM`` or ``YYYY``.  Anything that needs the publication date to pin
down (a month without a year, "last year") resolves to None when that date
is unknown: a wrong year is worse than none.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import PhraseMatcher, read_tsv
from .text import Token, normalize, stems, to_int, tokenize

_ISO_RE = re.compile(r"(?<!\d)((?:19|20)\d\d)-(\d\d)-(\d\d)(?!\d)")
_DMY_RE = re.compile(r"(?<!\d)(\d{1,2})/(\d{1,2})/((?:19|20)\d\d)(?!\d)")
_TIME_RE = re.compile(r"\d{1,2}:\d\d|الساعة")
_YEAR_WORDS = {"عام", "العام", "سنه", "السنه", "لعام"}
# Words after a month that place it relative to the publication date.
_PAST, _NEXT, _CURRENT = {"الماضي", "المنصرم", "المنقضي", "الفائت"}, {"المقبل", "القادم"}, {"الجاري", "الحالي"}
# Words before a bare month that make it a date (في مايو، منذ أكتوبر، مطلع يناير …).
_MONTH_LEADS = {"في", "منذ", "شهر", "خلال", "مطلع", "اواخر", "اوائل", "منتصف", "نهايه", "بدايه", "حتي", "الي", "قبل", "بعد"}
_SINCE = {"منذ"}


@dataclass(frozen=True)
class DateMention:
    """A date expression: its span, its value (None when it cannot be resolved) and whether it opens a span of time (منذ …)."""

    start: int
    end: int
    value: str | None
    since: bool = False


@lru_cache(maxsize=1)
def _month_matcher() -> PhraseMatcher:
    return PhraseMatcher([(r["name"], (int(r["month"]), r["strict"] == "1")) for r in read_tsv("months.tsv")])


@lru_cache(maxsize=1)
def _relative_matcher() -> PhraseMatcher:
    return PhraseMatcher([(r["phrase"], (r["unit"], int(r["offset"]))) for r in read_tsv("relative_dates.tsv")],
                         keep_article=True)


@lru_cache(maxsize=1)
def _weekdays() -> dict[str, int]:
    return {normalize(r["name"]): int(r["weekday"]) for r in read_tsv("weekdays.tsv")}


def _is_year(tok: Token) -> bool:
    return tok.key.isdigit() and len(tok.key) == 4 and 1900 <= to_int(tok.key) <= 2100


def _is_day(tok: Token) -> bool:
    return tok.key.isdigit() and len(tok.key) <= 2 and 1 <= to_int(tok.key) <= 31


def _words(tok: Token) -> set[str]:
    return {s for s, _ in stems(tok.key)}


def _fmt(year: int, month: int | None = None, day: int | None = None) -> str:
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def _valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
        return True
    except ValueError:
        return False


def parse_published(value: str | None) -> dt.date | None:
    """A YYYY-MM-DD string as a date, or None."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def find_dates(text: str, published: str | None = None, start: int = 0, end: int | None = None) -> list[DateMention]:
    """Every date expression in ``text[start:end]``, resolved against ``published`` when needed."""
    return list(_find_dates(text, published, start, end))


@lru_cache(maxsize=512)
def _find_dates(text: str, published: str | None, start: int, end: int | None) -> tuple[DateMention, ...]:
    # Cached: every incident of a sentence asks for that sentence's dates.
    pub = parse_published(published)
    end = len(text) if end is None else end
    tokens = tokenize(text, start, end)
    out: list[DateMention] = []
    taken: set[int] = set()

    def since_before(i: int) -> bool:
        return i > 0 and bool(_words(tokens[i - 1]) & _SINCE)

    def add(first: int, last: int, value: str | None, lead: int | None = None):
        lead = first if lead is None else lead
        out.append(DateMention(tokens[first].start, tokens[last].end, value, since_before(lead)))
        taken.update(range(first, last + 1))

    for m in _month_matcher().find(tokens):
        month, strict = m.value
        i, j = m.first, m.last
        day = to_int(tokens[i - 1].key) if i > 0 and _is_day(tokens[i - 1]) else None
        first = i - 1 if day is not None else i
        k = j + 1
        if k < len(tokens) and _words(tokens[k]) & _YEAR_WORDS:
            k += 1
        year = to_int(tokens[k].key) if k < len(tokens) and _is_year(tokens[k]) else None
        last = k if year is not None else j
        after = _words(tokens[j + 1]) if j + 1 < len(tokens) else set()
        before = _words(tokens[first - 1]) if first > 0 else set()
        if day is None and year is None:
            relative = after & (_PAST | _NEXT | _CURRENT)
            if not relative and (strict or not before & _MONTH_LEADS):
                continue
        if year is not None:
            value = _fmt(year, month, day) if day is None or _valid(year, month, day) else _fmt(year, month)
        elif pub is not None:
            value = _resolve_month(pub, month, day, after)
            if after & (_PAST | _NEXT | _CURRENT):
                last = j + 1
        else:
            value = None
        add(first, last, value)
    same: list[tuple[int, int, int]] = []
    for m in _relative_matcher().find(tokens):
        if m.first in taken:
            continue
        unit, offset = m.value
        if unit == "same":  # resolved last, once every other date of the range is known
            same.append((m.first, m.last, offset))
            taken.update(range(m.first, m.last + 1))
            continue
        add(m.first, m.last, _resolve_relative(pub, unit, offset) if pub else None)
    weekdays = _weekdays()
    for i, tok in enumerate(tokens):
        if i in taken:
            continue
        # the cheap digit test first: most words are no year and this runs for every word of a sentence
        if tok.key.isdigit() and _is_year(tok) and i > 0 and _words(tokens[i - 1]) & _YEAR_WORDS:
            add(i - 1, i, _fmt(to_int(tok.key)))
            continue
        wd = weekdays.get(tok.key)
        if wd is not None and (tok.key.startswith("ال") or not tok.key[0].isalpha() or tok.key.isascii()
                               or (i > 0 and "يوم" in _words(tokens[i - 1]))):
            if tok.key.isascii() and not tok.key[:1].isalpha():
                continue
            add(i, i, _resolve_weekday(pub, wd) if pub else None)
    for rx, order in ((_ISO_RE, (1, 2, 3)), (_DMY_RE, (3, 2, 1))):
        for m in rx.finditer(text, start, end):
            y, mo, d = (int(m.group(g)) for g in order)
            if _valid(y, mo, d):
                out.append(DateMention(m.start(), m.end(), _fmt(y, mo, d)))
    for first, last, days in same:
        value = _same_as_before(out, tokens[first].start, days)
        out.append(DateMention(tokens[first].start, tokens[last].end, value, since_before(first)))
    return tuple(sorted(out, key=lambda d: d.start))


def _same_as_before(found: list[DateMention], offset: int, days: int) -> str | None:
    """اليوم نفسه / اليوم التالي: the day of the last full date found before ``offset``, moved by ``days``; else None."""
    before = [d for d in found if d.end <= offset and d.value and len(d.value) == 10]
    if not before:
        return None
    day = dt.date.fromisoformat(max(before, key=lambda d: d.end).value) + dt.timedelta(days=days)
    return _fmt(day.year, day.month, day.day)


def _resolve_month(pub: dt.date, month: int, day: int | None, after: set[str]) -> str:
    """A month (and day) without a year: the latest one not after publication (or the next one for المقبل)."""
    year = pub.year
    if after & _NEXT:
        year = pub.year if month > pub.month else pub.year + 1
    elif after & _PAST:
        year = pub.year if month < pub.month else pub.year - 1
    elif after & _CURRENT:
        year = pub.year
    elif (month, day or 1) > (pub.month, pub.day):
        year = pub.year - 1
    if day is not None and _valid(year, month, day):
        return _fmt(year, month, day)
    return _fmt(year, month)


def _resolve_relative(pub: dt.date, unit: str, offset: int) -> str:
    """A relative phrase's date at its own precision."""
    if unit == "day":
        d = pub + dt.timedelta(days=offset)
        return _fmt(d.year, d.month, d.day)
    if unit == "month":
        index = pub.year * 12 + pub.month - 1 + offset
        return _fmt(index // 12, index % 12 + 1)
    return _fmt(pub.year + offset)


def _resolve_weekday(pub: dt.date, weekday: int) -> str:
    """The latest such weekday on or before publication (news reports the past week)."""
    d = pub - dt.timedelta(days=(pub.weekday() - weekday) % 7)
    return _fmt(d.year, d.month, d.day)


def published_from_text(text: str, lines: int = 6) -> str | None:
    """The publication date of a date line near the top (``14 أكتوبر 2020``, ``2020-10-14``), or None.

    Only a full date counts, and only on a short line or followed by a
    time (``- 21:23``، ``الساعة``), so that the first event date of a lead
    paragraph is not taken for the dateline.
    """
    pos = 0
    seen = 0
    for line in text.splitlines(keepends=True):
        if line.strip():
            seen += 1
            for d in find_dates(text, None, pos, pos + len(line)):
                if d.value and len(d.value) == 10:
                    tail = text[d.end:min(d.end + 25, pos + len(line))]
                    if len(line.strip()) <= 80 or _TIME_RE.search(tail):
                        return d.value
            if seen >= lines:
                break
        pos += len(line)
    return None
