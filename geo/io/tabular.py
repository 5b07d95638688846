"""Read articles out of record files: JSON Lines and CSV exports of scrapers.

Each record is one article: a text column (the first of ``text``,
``content``, ``body``, ``article`` present) and, optionally, ``published``
(or ``date``), ``url`` and ``title``.  A bad record is reported on its own
as an :class:`~geo.errors.InputError` naming ``file#N`` and the others go
on, so one malformed line never costs a whole export.
"""
from __future__ import annotations

import csv
import io
import json
import re
from typing import Iterator

from geo.errors import InputError
from geo.model import Article

TEXT_FIELDS = ("text", "content", "body", "article")
DATE_FIELDS = ("published", "date")

# Scraped articles are long; the csv module's 128 KiB default field limit is not.
_CSV_FIELD_LIMIT = 2**31 - 1

_ISO_DATE_RE = re.compile(r"^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s])")
_DMY_DATE_RE = re.compile(r"^\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\s*$")


def parse_published(value) -> str | None:
    """A publication date as ``YYYY-MM-DD``, or None when it cannot be read as one.

    Accepts ISO dates and timestamps (``2024-03-05T10:00Z``), slashed ISO
    (``2024/3/5``) and day-first dates (``05/03/2024``), the order Arabic
    sites write.
    """
    if not isinstance(value, str):
        return None
    match = _ISO_DATE_RE.match(value)
    if match:
        year, month, day = match.groups()
    else:
        match = _DMY_DATE_RE.match(value)
        if not match:
            return None
        day, month, year = match.groups()
    month, day = int(month), int(day)
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year}-{month:02d}-{day:02d}"


def record_to_article(record: dict, where: str) -> Article:
    """Build the Article of one record (keys matched case-insensitively); InputError if it has no text."""
    fields = {str(k).strip().lower(): v for k, v in record.items() if k is not None}
    text_key = next((k for k in TEXT_FIELDS if k in fields), None)
    if text_key is None:
        raise InputError(where, f"no text field (expected one of {', '.join(TEXT_FIELDS)})")
    text = fields[text_key]
    if text is None:
        raise InputError(where, f"empty text in field '{text_key}'")
    if not isinstance(text, str):
        raise InputError(where, f"field '{text_key}' is not a string")
    if not text.strip():
        raise InputError(where, f"empty text in field '{text_key}'")
    article = Article(path=where, text=text,
                      url=_optional_str(fields.get("url")),
                      title=_optional_str(fields.get("title")))
    raw_date = next((fields[k] for k in DATE_FIELDS if _optional_str(fields.get(k))), None)
    if raw_date is not None:
        article.published = parse_published(raw_date)
        if article.published is None:
            article.warnings.append(f"unrecognised published date {raw_date!r} ignored")
    return article


def _optional_str(value) -> str | None:
    """A stripped non-empty string, or None for anything else (missing, blank, not text)."""
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def iter_jsonl(text: str, path: str) -> Iterator[Article | InputError]:
    """Articles of a JSON Lines text; record N is line N (1-based), blank lines skipped."""
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}#{number}"
        try:
            record = json.loads(line)
        except ValueError as exc:
            yield InputError(where, f"not valid JSON: {exc}")
            continue
        if not isinstance(record, dict):
            yield InputError(where, "not a JSON object")
            continue
        try:
            yield record_to_article(record, where)
        except InputError as exc:
            yield exc


def iter_csv(text: str, path: str) -> Iterator[Article | InputError]:
    """Articles of a CSV text with a header row; record N is data row N (1-based).

    The delimiter (comma, semicolon or tab) is read off the header line.  A
    header without a text column makes the whole file unreadable; a row the
    csv module cannot parse ends the file there (the rows before it stand).
    """
    csv.field_size_limit(_CSV_FIELD_LIMIT)
    header_line = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=header_line.count)
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = [h.strip().lower() for h in (reader.fieldnames or [])]
    except csv.Error as exc:
        yield InputError(path, f"unreadable CSV header: {exc}")
        return
    if not any(name in header for name in TEXT_FIELDS):
        yield InputError(path, f"CSV header has no text column (expected one of {', '.join(TEXT_FIELDS)})")
        return
    number = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield InputError(f"{path}#{number + 1}", f"unreadable CSV row: {exc}")
            return
        number += 1
        where = f"{path}#{number}"
        if None in row:  # DictReader's key for cells beyond the header
            yield InputError(where, f"{len(row) - 1 + len(row[None])} cells, header has {len(header)}")
            continue
        try:
            yield record_to_article(row, where)
        except InputError as exc:
            yield exc
