"""The incident table: one GeoDataFrame that filters, exporters and maps all share.

Each row is one incident: the ``PROPERTY_KEYS`` of the contract (plus any
extra keys the extractor adds) and a Point geometry in EPSG:4326.  Property
columns keep Python values as given (``object`` dtype): a missing fatality
count stays None rather than becoming NaN and turning ``3`` into ``3.0``,
and ``groups`` stays a list.  :func:`from_geojson` reads such a table back
and refuses, with the reason, any file that is not one.
"""
from __future__ import annotations

import json
import os

import geopandas as gpd
import pandas as pd
from shapely.geometry import Point

from geo.errors import IncmapError
from geo.model import PROPERTY_KEYS
from geo.positions import coordinate_problem, record_position

__all__ = ["CRS", "to_frame", "from_geojson", "coordinate_problem"]

CRS = "EPSG:4326"


def to_frame(records: list[dict]) -> gpd.GeoDataFrame:
    """Build the incident GeoDataFrame from flat records carrying ``lat`` and ``lon``.

    Columns: PROPERTY_KEYS in contract order (missing keys are None), then
    any other keys in first-seen order, then ``geometry``.  Row order is the
    records' order.  Raises ValueError for a record without valid coordinates,
    since every incident on the map must have a point.
    """
    extra: list[str] = []
    for record in records:
        for key in record:
            if key not in PROPERTY_KEYS and key not in ("lat", "lon", "geometry") and key not in extra:
                extra.append(key)
    columns = list(PROPERTY_KEYS) + extra
    data = {col: pd.Series([r.get(col) for r in records], dtype=object) for col in columns}
    geometry = [_point(r, i) for i, r in enumerate(records)]
    return gpd.GeoDataFrame(data, geometry=gpd.GeoSeries(geometry, crs=CRS), crs=CRS)


def _point(record: dict, index: int) -> Point:
    """The Point of one record; ValueError naming the record when lat/lon are missing or impossible."""
    return Point(*record_position(record, index))


def from_geojson(obj_or_path) -> gpd.GeoDataFrame:
    """Read an incident FeatureCollection (a parsed dict or a file path) into the incident frame.

    Refuses, with an IncmapError naming the file and the reason, anything
    that is not a FeatureCollection of Point features with valid [lon, lat]
    coordinates, so ``filter`` and ``map`` never act on half-understood input.
    """
    if isinstance(obj_or_path, dict):
        name, obj = "GeoJSON input", obj_or_path
    else:
        name = os.fspath(obj_or_path)
        obj = _load_json(name)
    return to_frame(_feature_records(obj, name))


def _load_json(path: str):
    """Parse a JSON file (UTF-8, BOM tolerated); IncmapError naming it when that fails."""
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        raise IncmapError(f"{path}: cannot read: {exc.strerror or exc}") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise IncmapError(f"{path}: not UTF-8 (GeoJSON must be): invalid byte at {exc.start}") from None
    try:
        return json.loads(text)
    except ValueError as exc:
        raise IncmapError(f"{path}: not JSON: {exc}") from None


def _feature_records(obj, name: str) -> list[dict]:
    """Validate a FeatureCollection and flatten each feature into a record with lat/lon."""
    if not isinstance(obj, dict) or obj.get("type") != "FeatureCollection":
        found = obj.get("type") if isinstance(obj, dict) else type(obj).__name__
        raise IncmapError(f"{name}: not a GeoJSON FeatureCollection (found {found!r})")
    features = obj.get("features")
    if not isinstance(features, list):
        raise IncmapError(f"{name}: FeatureCollection has no 'features' list")
    return [_feature_record(f, i, name) for i, f in enumerate(features, start=1)]


def _feature_record(feature, number: int, name: str) -> dict:
    """One validated feature as a flat record (its properties plus lat/lon)."""
    where = f"{name}: feature {number}"
    if not isinstance(feature, dict) or feature.get("type") != "Feature":
        raise IncmapError(f"{where} is not a GeoJSON Feature")
    geometry = feature.get("geometry")
    if not isinstance(geometry, dict) or geometry.get("type") != "Point":
        found = geometry.get("type") if isinstance(geometry, dict) else geometry
        raise IncmapError(f"{where} has no Point geometry (found {found!r})")
    coords = geometry.get("coordinates")
    if not isinstance(coords, list) or len(coords) not in (2, 3):
        raise IncmapError(f"{where}: Point coordinates must be [lon, lat], got {coords!r}")
    problem = coordinate_problem(coords[0], coords[1])
    if problem:
        raise IncmapError(f"{where}: {problem}")
    properties = feature.get("properties")
    if properties is None:
        properties = {}
    if not isinstance(properties, dict):
        raise IncmapError(f"{where}: properties must be an object or null")
    record = dict(properties)
    if record.get("id") is None and feature.get("id") is not None:
        record["id"] = feature["id"]
    record["lon"], record["lat"] = coords[0], coords[1]
    return record
