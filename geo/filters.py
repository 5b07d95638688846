"""Select incidents by country, armed group, category and date: what ``incmap filter`` and ``map`` apply.

Values are given as people write them: a country as ISO2 code, English or
Arabic name (``ليبيا`` = ``LY``), a group as its canonical name or any alias
(``داعش`` = ``ISIS``), and are resolved to the canonical values the incident
table holds before comparing, so every spelling selects the same rows.  An
unknown value is a UsageError that names it and suggests close matches:
silently matching nothing would look like "no incidents there".

Options combine with AND; the values repeated within one option with OR.
"""
from __future__ import annotations

import calendar
import difflib
import re
from datetime import date

import geopandas as gpd

from geo.errors import UsageError
from geo.model import CATEGORIES, SUBTYPES

_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def apply_filters(gdf: gpd.GeoDataFrame, country=(), group=(), category=(),
                  since: str | None = None, until: str | None = None) -> gpd.GeoDataFrame:
    """The incidents of gdf matching every given filter, in their original order, index reset.

    ``country``, ``group`` and ``category`` are sequences of user values (a
    single string is taken as one value).  ``since``/``until`` are ``YYYY``,
    ``YYYY-MM`` or ``YYYY-MM-DD``; an incident matches when its own date
    interval overlaps the requested one, and undated incidents are left out
    whenever a date bound is given.
    """
    mask = [True] * len(gdf)
    if _values(country):
        codes = {resolve_country(v) for v in _values(country)}
        mask = _and(mask, (c in codes for c in _column(gdf, "country")))
    if _values(group):
        names = {resolve_group(v) for v in _values(group)}
        mask = _and(mask, (bool(names & _canonical_groups(g)) for g in _column(gdf, "groups")))
    if _values(category):
        wanted = [resolve_category(v) for v in _values(category)]
        categories = {v for kind, v in wanted if kind == "category"}
        subtypes = {v for kind, v in wanted if kind == "subtype"}
        rows = zip(_column(gdf, "category"), _column(gdf, "subtype"))
        mask = _and(mask, (c in categories or s in subtypes for c, s in rows))
    if since is not None or until is not None:
        low = date_interval(since, "--since")[0] if since is not None else date.min
        high = date_interval(until, "--until")[1] if until is not None else date.max
        if low > high:
            raise UsageError(f"--since {since} is after --until {until}")
        mask = _and(mask, (_overlaps(d, low, high) for d in _column(gdf, "date")))
    return gdf[mask].reset_index(drop=True)


def _values(option) -> list[str]:
    """An option's values as a list; None or empty means the option was not given."""
    if option is None:
        return []
    if isinstance(option, str):
        return [option]
    return list(option)


def _and(mask: list[bool], condition) -> list[bool]:
    """Combine a row mask with a per-row condition."""
    return [m and bool(c) for m, c in zip(mask, condition)]


def _column(gdf: gpd.GeoDataFrame, name: str) -> list:
    """A column's values as a list, all None when the frame lacks it (e.g. foreign GeoJSON)."""
    return list(gdf[name]) if name in gdf.columns else [None] * len(gdf)


def resolve_country(value: str) -> str:
    """ISO2 code of a country given as code, English or Arabic name; UsageError with suggestions if unknown."""
    from gazetteer.countries import country_code, suggest_countries

    code = country_code(value)
    if code is None:
        raise UsageError(f"unknown country {value!r}" + _did_you_mean(suggest_countries(value)))
    return code


def resolve_group(value: str) -> str:
    """Canonical name of an armed group given any alias; UsageError with suggestions if unknown."""
    from geo.groups import canonical_group, known_groups

    name = canonical_group(value)
    if name is None:
        known = known_groups()
        by_key = {g.casefold(): g for g in known}
        close = difflib.get_close_matches(value.casefold(), list(by_key), n=3, cutoff=0.5)
        raise UsageError(f"unknown armed group {value!r}" + _did_you_mean([by_key[k] for k in close]))
    return name


def resolve_category(value: str) -> tuple[str, str]:
    """``("category", name)`` or ``("subtype", name)`` for a --category value; UsageError if neither.

    Subtypes (``airstrike``, ``kidnapping``...) are accepted too, as the
    finer selection users reach for first.
    """
    key = value.strip().lower().replace("-", "_").replace(" ", "_")
    if key in CATEGORIES:
        return "category", key
    if key in SUBTYPES:
        return "subtype", key
    options = list(CATEGORIES) + list(SUBTYPES)
    raise UsageError(f"unknown category {value!r}"
                     + _did_you_mean(difflib.get_close_matches(key, options, n=3, cutoff=0.5))
                     + f" (categories: {', '.join(CATEGORIES)}; subtypes: {', '.join(SUBTYPES)})")


def _did_you_mean(suggestions: list[str]) -> str:
    """The ``; did you mean ...?`` tail of an unknown-value message (empty without suggestions)."""
    return f"; did you mean {', '.join(suggestions)}?" if suggestions else ""


def _canonical_groups(value) -> set[str]:
    """The canonical names in an incident's ``groups`` cell (a list, one string, or nothing)."""
    from geo.groups import canonical_group

    if value is None:
        return set()
    names = [value] if isinstance(value, str) else list(value) if _is_sequence(value) else []
    return {canonical_group(n) or n for n in names if isinstance(n, str)}


def _is_sequence(value) -> bool:
    """True for list-like cells (lists, tuples, numpy arrays read back from Parquet)."""
    return isinstance(value, (list, tuple)) or type(value).__name__ == "ndarray"


def date_interval(value: str, option: str = "date") -> tuple[date, date]:
    """First and last day a ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` value covers; UsageError if malformed."""
    interval = _interval(value)
    if interval is None:
        raise UsageError(f"{option}: invalid date {value!r}; expected YYYY, YYYY-MM or YYYY-MM-DD")
    return interval


def _interval(value) -> tuple[date, date] | None:
    """The day interval of a partial ISO date, or None when value is not one."""
    match = _DATE_RE.match(value.strip()) if isinstance(value, str) else None
    if not match:
        return None
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        if month is None:
            return date(year, 1, 1), date(year, 12, 31)
        if day is None:
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        return date(year, month, day), date(year, month, day)
    except ValueError:
        return None


def _overlaps(value, low: date, high: date) -> bool:
    """True when an incident date (possibly partial) overlaps [low, high]; undated never does."""
    interval = _interval(value)
    return interval is not None and interval[0] <= high and interval[1] >= low
