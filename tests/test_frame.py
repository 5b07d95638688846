"""The incident GeoDataFrame: building it from records and reading it back from GeoJSON."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from geo.errors import IncmapError
from geo.frame import from_geojson, to_frame
from geo.model import PROPERTY_KEYS

DATA = Path(__file__).parent / "data"

RECORDS = [
    {"id": "a1", "category": "attack", "subtype": "suicide_bombing", "date": "2024-04-02", "country": "SO",
     "place": "Mogadishu", "place_ar": "مقديشو", "geonameid": 53654, "precision": "exact",
     "groups": ["al-Shabaab"], "actors": ["SO"], "fatalities": 6, "confidence": 0.85,
     "source": {"file": "somalia.txt", "start": 0, "end": 48},
     "evidence": "فجّر انتحاري سيارة مفخخة أمام فندق في مقديشو.", "lat": 2.03711, "lon": 45.34375},
    {"id": "a2", "category": "deployment", "subtype": "deployment", "country": "NE",
     "place_ar": "نيامي", "fatalities": None, "lat": 13.51366, "lon": 2.1098, "analyst_note": "تحقق"},
]


def test_to_frame_has_contract_columns_in_order_points_and_wgs84():
    gdf = to_frame(RECORDS)
    assert list(gdf.columns) == list(PROPERTY_KEYS) + ["analyst_note", "geometry"]
    assert gdf.crs.to_epsg() == 4326
    assert [(p.x, p.y) for p in gdf.geometry] == [(45.34375, 2.03711), (2.1098, 13.51366)]
    assert gdf.loc[1, "date"] is None and gdf.loc[1, "groups"] is None
    assert gdf.loc[0, "analyst_note"] is None and gdf.loc[1, "analyst_note"] == "تحقق"


def test_to_frame_keeps_python_values_as_given():
    gdf = to_frame(RECORDS)
    assert gdf.loc[0, "fatalities"] == 6 and type(gdf.loc[0, "fatalities"]) is int
    assert gdf.loc[1, "fatalities"] is None  # not NaN
    assert gdf.loc[0, "groups"] == ["al-Shabaab"]
    assert gdf.loc[0, "source"] == {"file": "somalia.txt", "start": 0, "end": 48}


def test_an_empty_record_list_gives_an_empty_frame_with_the_right_columns():
    gdf = to_frame([])
    assert len(gdf) == 0
    assert list(gdf.columns) == list(PROPERTY_KEYS) + ["geometry"]
    assert gdf.crs.to_epsg() == 4326


@pytest.mark.parametrize("lat, lon, reason", [
    (None, 10.0, "latitude is not a number"),
    (91.0, 10.0, "latitude 91.0 out of range"),
    (10.0, -180.5, "longitude -180.5 out of range"),
    (float("nan"), 10.0, "latitude is not finite"),
])
def test_to_frame_refuses_records_without_a_valid_point(lat, lon, reason):
    with pytest.raises(ValueError, match=reason):
        to_frame([{"id": "bad", "lat": lat, "lon": lon}])


def test_from_geojson_reads_the_fixture_in_order_with_lon_lat():
    gdf = from_geojson(DATA / "io_incidents.geojson")
    assert gdf["id"].tolist() == ["inc-sebha", "inc-gao", "inc-maiduguri", "inc-derna", "inc-raqqa"]
    sebha = gdf.iloc[0]
    assert (sebha.geometry.x, sebha.geometry.y) == (14.42829, 27.03766)
    assert sebha["place_ar"] == "سبها" and sebha["groups"] == ["ISIS"]
    assert gdf.iloc[1]["fatalities"] is None
    assert gdf.crs.to_epsg() == 4326


def test_from_geojson_accepts_a_parsed_object_and_an_empty_collection():
    assert len(from_geojson({"type": "FeatureCollection", "features": []})) == 0
    obj = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "id": 7, "geometry": {"type": "Point", "coordinates": [9.5, 33.8, 120.0]},
         "properties": None}]}
    gdf = from_geojson(obj)
    assert gdf.loc[0, "id"] == 7  # the feature id stands in for a missing properties.id
    assert (gdf.geometry[0].x, gdf.geometry[0].y) == (9.5, 33.8)


@pytest.mark.parametrize("content, reason", [
    ('{"type": "FeatureCollection", "features": [', "not JSON"),
    ('[1, 2, 3]', "not a GeoJSON FeatureCollection (found 'list')"),
    ('{"type": "Feature", "geometry": null, "properties": {}}', "not a GeoJSON FeatureCollection (found 'Feature')"),
    ('{"type": "FeatureCollection"}', "has no 'features' list"),
    ('{"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": '
     '{"type": "LineString", "coordinates": [[1, 2], [3, 4]]}, "properties": {}}]}',
     "feature 1 has no Point geometry (found 'LineString')"),
    ('{"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": null, "properties": {}}]}',
     "feature 1 has no Point geometry"),
    ('{"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": '
     '{"type": "Point", "coordinates": [13.1, 95.2]}, "properties": {}}]}',
     "feature 1: latitude 95.2 out of range"),
    ('{"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": '
     '{"type": "Point", "coordinates": ["13.1", "32.9"]}, "properties": {}}]}',
     "feature 1: longitude is not a number"),
    ('{"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": '
     '{"type": "Point", "coordinates": [13.1]}, "properties": {}}]}',
     "Point coordinates must be [lon, lat]"),
    ('{"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": '
     '{"type": "Point", "coordinates": [13.1, 32.9]}, "properties": ["طرابلس"]}]}',
     "properties must be an object"),
])
def test_malformed_geojson_is_refused_naming_the_file_and_reason(tmp_path, content, reason):
    path = tmp_path / "broken.geojson"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(IncmapError, match=re.escape(reason)) as info:
        from_geojson(path)
    assert str(info.value).startswith(f"{path}: ")


def test_missing_and_non_utf8_files_are_refused(tmp_path):
    with pytest.raises(IncmapError, match="cannot read"):
        from_geojson(tmp_path / "absent.geojson")
    path = tmp_path / "latin.geojson"
    path.write_bytes(json.dumps({"type": "FeatureCollection", "features": [], "name": "é"},
                                ensure_ascii=False).encode("cp1256"))
    with pytest.raises(IncmapError, match="not UTF-8"):
        from_geojson(path)
