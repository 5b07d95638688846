"""The incidents as the page receives them: one compact JSON record each.

Markers are built in the browser from data embedded once in the page
(per-marker Folium objects would make 20,000 incidents unusable), so this
module turns a GeoDataFrame or a GeoJSON FeatureCollection into plain,
JSON-safe records with short keys, and serialises them so the text can sit
inside a ``<script>`` element without ending it.

Record keys (documented here because the page's scripts read them):
``id``, ``lat``, ``lon``, ``cat`` category, ``sub`` subtype, ``date``,
``d0``/``d1`` first/last day the date may mean (days since 1970-01-01),
``cc`` ISO2 country, ``place``, ``par`` place as written in Arabic, ``prec``
precision, ``r`` uncertainty radius in km, ``grp`` groups, ``act`` actors,
``fat`` fatalities, ``conf`` confidence, ``src`` source file, ``span``
``[start, end]`` of the evidence in it, ``more`` other source files, ``ev``
evidence, ``hl`` highlight spans, ``url``, ``title``.
"""
from __future__ import annotations

import calendar
import datetime as dt
import json
import math
import re

from geo.errors import IncmapError
from geo.model import CATEGORIES, PRECISIONS

from maps.popup import highlight_spans

EPOCH = dt.date(1970, 1, 1)
DATE_FORMS = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
SAFE_URL = re.compile(r"^https?://", re.IGNORECASE)


def plain(value):
    """``value`` as a JSON-native Python value (numpy scalars, arrays, NaN -> None)."""
    if value is None:
        return None
    if hasattr(value, "tolist") and not isinstance(value, (str, bytes)):
        value = value.tolist()
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    try:
        import pandas as pd

        if value is pd.NaT or (not isinstance(value, (list, dict, str)) and pd.isna(value)):
            return None
    except (ImportError, TypeError, ValueError):
        pass
    return value


def day_range(date: str | None) -> tuple[int, int] | None:
    """First and last day (days since 1970-01-01) a ``YYYY[-MM[-DD]]`` date covers.

    A month or a year is an interval; the time filter keeps an incident when
    its interval meets the chosen range.  Returns None for missing or
    malformed dates, which the page treats as undated.
    """
    match = DATE_FORMS.match(str(date or "").strip())
    if not match:
        return None
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        if day:
            first = last = dt.date(year, month, day)
        elif month:
            first = dt.date(year, month, 1)
            last = dt.date(year, month, calendar.monthrange(year, month)[1])
        else:
            first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    except ValueError:
        return None
    return (first - EPOCH).days, (last - EPOCH).days


def string_list(value) -> list[str]:
    """A list of non-empty strings from a list, a single string or nothing."""
    value = plain(value)
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    return [str(v) for v in value if v not in (None, "")]


def source_of(props: dict) -> tuple[str | None, list | None, list[str]]:
    """The evidence file, its ``[start, end]`` and the other files reporting it."""
    source = plain(props.get("source")) or {}
    file = source.get("file") if isinstance(source, dict) else None
    span = None
    if isinstance(source, dict) and source.get("start") is not None:
        span = [source.get("start"), source.get("end")]
    others = []
    for item in plain(props.get("sources")) or []:
        other = item.get("file") if isinstance(item, dict) else item
        if other and other != file and other not in others:
            others.append(str(other))
    return file, span, others


def compact_record(props: dict, lon: float, lat: float) -> dict:
    """One incident's properties as the page's record (see the module docstring).

    Keys whose value is empty are left out: at 20,000 incidents every byte
    of the page is paid for in load time.
    """
    props = {k: plain(v) for k, v in props.items()}
    category = props.get("category") if props.get("category") in CATEGORIES else "attack"
    precision = props.get("precision") if props.get("precision") in PRECISIONS else "exact"
    file, span, others = source_of(props)
    days = day_range(props.get("date"))
    url = props.get("url")
    fatalities = props.get("fatalities")
    record = {
        "id": props.get("id"),
        "lat": round(float(lat), 5), "lon": round(float(lon), 5),
        "cat": category, "sub": props.get("subtype"),
        "date": props.get("date") if days else None,
        "d0": days[0] if days else None, "d1": days[1] if days else None,
        "cc": props.get("country") or None,
        "place": props.get("place"), "par": props.get("place_ar"),
        "prec": precision, "r": props.get("radius_km") or None,
        "grp": string_list(props.get("groups")), "act": string_list(props.get("actors")),
        "fat": int(fatalities) if isinstance(fatalities, (int, float)) else None,
        "conf": props.get("confidence"),
        "src": file, "span": span, "more": others,
        "ev": props.get("evidence"),
        "hl": highlight_spans(props.get("evidence"), props.get("place_ar"), props.get("trigger")),
        # Only web links become clickable: a javascript: URL stays text.
        "url": url if isinstance(url, str) and SAFE_URL.match(url) else None,
        "rawurl": url if isinstance(url, str) and url and not SAFE_URL.match(url) else None,
        "title": props.get("title"),
    }
    return {k: v for k, v in record.items() if v not in (None, [], "")}


def point_of(geometry) -> tuple[float, float] | None:
    """(lon, lat) of a shapely geometry or GeoJSON geometry dict; None when missing.

    Non-point geometries are represented by a point inside them, so an
    incident given as an area still gets a marker.
    """
    if geometry is None:
        return None
    if isinstance(geometry, dict):
        from shapely.geometry import shape

        try:
            geometry = shape(geometry)
        except (ValueError, KeyError, TypeError, AttributeError):
            return None
    if geometry.is_empty:
        return None
    point = geometry if geometry.geom_type == "Point" else geometry.representative_point()
    if not (math.isfinite(point.x) and math.isfinite(point.y)):
        return None
    return point.x, point.y


def records_from_geodataframe(gdf) -> list[dict]:
    """Records of a GeoDataFrame, reprojected to WGS84 lon/lat if needed."""
    if gdf.crs is not None and gdf.crs.to_epsg() != 4326:
        gdf = gdf.to_crs(4326)
    columns = [c for c in gdf.columns if c != gdf.geometry.name]
    records = []
    for props, geometry in zip(gdf[columns].to_dict("records"), gdf.geometry):
        point = point_of(geometry)
        if point is not None:
            records.append(compact_record(props, *point))
    return records


def records_from_feature_collection(collection: dict) -> list[dict]:
    """Records of a GeoJSON FeatureCollection dict (features without geometry skipped)."""
    if collection.get("type") != "FeatureCollection":
        raise IncmapError("map input is not a GeoJSON FeatureCollection")
    records = []
    for feature in collection.get("features") or []:
        point = point_of(feature.get("geometry"))
        if point is not None:
            records.append(compact_record(feature.get("properties") or {}, *point))
    return records


def incident_records(data) -> list[dict]:
    """Records for the page from a GeoDataFrame or a FeatureCollection dict."""
    if isinstance(data, dict):
        return records_from_feature_collection(data)
    if hasattr(data, "geometry") and hasattr(data, "to_dict"):
        return records_from_geodataframe(data)
    raise IncmapError(f"cannot map a {type(data).__name__}: give a GeoDataFrame or a FeatureCollection")


def script_json(value) -> str:
    """JSON text that is safe inside an HTML ``<script>`` element.

    ``<``, ``>`` and ``&`` are written as ``\\u003c``-style escapes (still
    valid JSON, same value), so article text such as ``</script><script>``
    cannot close the element and start markup of its own.  Arabic stays
    as UTF-8 characters: escaping it would triple the page's size.
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))
