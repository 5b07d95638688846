"""Where an incident is: checking a record's longitude and latitude before it becomes a point.

Kept apart from ``geo.frame`` so that writers streaming records to text
formats can check positions exactly as the GeoDataFrame does, without
loading geopandas.
"""
from __future__ import annotations

import math
from numbers import Real


def coordinate_problem(lon, lat) -> str | None:
    """Why (lon, lat) is not a WGS 84 position, or None when it is one."""
    for name, value in (("longitude", lon), ("latitude", lat)):
        if isinstance(value, bool) or not isinstance(value, Real):
            return f"{name} is not a number: {value!r}"
        if not math.isfinite(value):
            return f"{name} is not finite: {value!r}"
    if not -180 <= lon <= 180:
        return f"longitude {lon} out of range [-180, 180]"
    if not -90 <= lat <= 90:
        return f"latitude {lat} out of range [-90, 90]"
    return None


def record_position(record: dict, index: int) -> tuple[float, float]:
    """A record's ``(lon, lat)`` as floats; ValueError naming the record when they are missing or impossible.

    ``index`` names the record when it has no id.  Every incident on a map
    must have a point, so a record without one stops the export.
    """
    lat, lon = record.get("lat"), record.get("lon")
    problem = coordinate_problem(lon, lat)
    if problem:
        raise ValueError(f"incident {record.get('id') or index}: {problem}")
    return float(lon), float(lat)
