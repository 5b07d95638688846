"""Exporting the incident frame: RFC 7946 GeoJSON, CSV, JSON Lines, GeoPackage, GeoParquet, all atomic."""
from __future__ import annotations

import csv
import io
import json
import os
import stat
from pathlib import Path

import geopandas as gpd
import pytest

from geo.errors import IncmapError
from geo.frame import from_geojson, to_frame
from geo.io.atomic import atomic_output, atomic_write_text
from geo.io.writers import FORMATS, write_incidents
from geo.model import PROPERTY_KEYS

DATA = Path(__file__).parent / "data"

RECORDS = [
    {"id": "inc-1", "category": "attack", "subtype": "explosive_device", "date": "2024-06-11", "country": "IQ",
     "place": "Kirkuk", "place_ar": "كركوك", "geonameid": 94787, "precision": "near", "groups": ["ISIS"],
     "actors": ["IQ"], "fatalities": 3, "confidence": 0.75,
     "source": {"file": "iraq/kirkuk.txt", "start": 10, "end": 62},
     "evidence": "انفجرت عبوة ناسفة بعربة للجيش جنوب كركوك.", "lat": 35.4681234567, "lon": 44.3922345678},
    {"id": "inc-2", "category": "operation", "subtype": "airstrike", "date": "2024-06", "country": "SY",
     "place": "Deir ez-Zor", "place_ar": "دير الزور", "geonameid": 170794, "precision": "admin",
     "groups": ["ISIS", "Hurras al-Din"], "actors": ["US", "IQ"], "fatalities": None, "confidence": 0.6,
     "source": {"file": "syria.jsonl#4", "start": 0, "end": 40},
     "evidence": "استهدفت غارات مواقع في ريف دير الزور.", "lat": 35.33588, "lon": 40.14084},
]


@pytest.fixture
def gdf():
    return to_frame(RECORDS)


# --- GeoJSON -----------------------------------------------------------------

def test_geojson_follows_rfc_7946(tmp_path, gdf):
    path = tmp_path / "incidents.geojson"
    write_incidents(gdf, path, "geojson")
    raw = path.read_text(encoding="utf-8")
    doc = json.loads(raw)
    assert doc["type"] == "FeatureCollection" and "crs" not in doc
    first, second = doc["features"]
    assert first["type"] == "Feature" and first["id"] == "inc-1"
    assert first["geometry"] == {"type": "Point", "coordinates": [44.392235, 35.468123]}  # [lon, lat], 6 decimals
    assert second["geometry"]["coordinates"] == [40.14084, 35.33588]
    assert list(first["properties"]) == list(PROPERTY_KEYS)
    assert first["properties"]["groups"] == ["ISIS"] and second["properties"]["actors"] == ["US", "IQ"]
    assert second["properties"]["fatalities"] is None and first["properties"]["fatalities"] == 3
    assert first["properties"]["source"] == {"file": "iraq/kirkuk.txt", "start": 10, "end": 62}
    assert "كركوك" in raw and "\\u0643" not in raw  # Arabic written as itself


def test_geojson_round_trips_through_from_geojson(tmp_path, gdf):
    path = tmp_path / "incidents.geojson"
    write_incidents(gdf, path, "geojson")
    back = from_geojson(path)
    assert back.drop(columns="geometry").to_dict("records") == gdf.drop(columns="geometry").to_dict("records")
    assert [(round(p.x, 6), round(p.y, 6)) for p in back.geometry] == [(44.392235, 35.468123), (40.14084, 35.33588)]
    again = tmp_path / "again.geojson"
    write_incidents(back, again, "geojson")
    assert again.read_bytes() == path.read_bytes()  # stable: the same incidents give the same file


def test_the_fixture_collection_round_trips_byte_for_byte_in_content(tmp_path):
    original = json.loads((DATA / "io_incidents.geojson").read_text(encoding="utf-8"))
    path = tmp_path / "copy.geojson"
    write_incidents(from_geojson(DATA / "io_incidents.geojson"), path, "geojson")
    copy = json.loads(path.read_text(encoding="utf-8"))
    for before, after in zip(original["features"], copy["features"], strict=True):
        assert after["geometry"] == before["geometry"] and after["id"] == before["id"]
        assert {k: v for k, v in after["properties"].items() if v is not None or k in before["properties"]} \
            == before["properties"]


def test_an_empty_frame_exports_an_empty_collection(tmp_path):
    path = tmp_path / "none.geojson"
    write_incidents(to_frame([]), path, "geojson")
    assert json.loads(path.read_text(encoding="utf-8")) == {"type": "FeatureCollection", "features": []}


# --- CSV and JSON Lines --------------------------------------------------------

def test_csv_has_latitude_longitude_joined_lists_and_a_flat_source(tmp_path, gdf):
    path = tmp_path / "incidents.csv"
    write_incidents(gdf, path, "csv")
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    assert len(rows) == 2
    first, second = rows
    assert (first["latitude"], first["longitude"]) == ("35.468123", "44.392235")
    assert second["groups"] == "ISIS;Hurras al-Din" and second["actors"] == "US;IQ"
    assert (first["source_file"], first["source_start"], first["source_end"]) == ("iraq/kirkuk.txt", "10", "62")
    assert "source" not in first
    assert second["fatalities"] == "" and first["fatalities"] == "3"
    assert first["place_ar"] == "كركوك" and first["evidence"] == RECORDS[0]["evidence"]


def test_jsonl_has_one_properties_object_per_line_with_lat_lon(tmp_path, gdf):
    path = tmp_path / "incidents.jsonl"
    write_incidents(gdf, path, "jsonl")
    lines = path.read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["id"] for r in records] == ["inc-1", "inc-2"]
    assert (records[0]["lat"], records[0]["lon"]) == (35.468123, 44.392235)
    assert records[1]["groups"] == ["ISIS", "Hurras al-Din"] and records[1]["source"]["file"] == "syria.jsonl#4"


# --- GeoPackage and GeoParquet -------------------------------------------------

@pytest.mark.parametrize("fmt, suffix", [("gpkg", ".gpkg"), ("parquet", ".parquet")])
def test_gpkg_and_parquet_store_points_in_wgs84_and_structures_faithfully(tmp_path, gdf, fmt, suffix):
    path = tmp_path / f"incidents{suffix}"
    write_incidents(gdf, path, fmt)
    back = gpd.read_file(path) if fmt == "gpkg" else gpd.read_parquet(path)
    assert back.crs.to_epsg() == 4326
    # Binary formats keep full precision; only GeoJSON rounds (RFC 7946 §11.2).
    assert [(p.x, p.y) for p in back.geometry] == [(r["lon"], r["lat"]) for r in RECORDS]
    assert back["place_ar"].tolist() == ["كركوك", "دير الزور"]
    assert json.loads(back.loc[0, "source"]) == RECORDS[0]["source"]
    groups = back.loc[1, "groups"]
    assert (json.loads(groups) if fmt == "gpkg" else list(groups)) == ["ISIS", "Hurras al-Din"]
    assert int(back.loc[0, "fatalities"]) == 3
    assert not [p for p in os.listdir(tmp_path) if p.startswith(".")]  # no temporary left behind


# --- atomicity -----------------------------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_a_failed_export_leaves_the_earlier_file_byte_identical(tmp_path, gdf, fmt):
    path = tmp_path / f"incidents.{fmt}"
    write_incidents(gdf, path, fmt)
    before = path.read_bytes()
    broken = to_frame(RECORDS + [dict(RECORDS[0], id="inc-3", evidence=object())])
    with pytest.raises(IncmapError, match=f"{path}: cannot write {fmt}: value of type object"):
        write_incidents(broken, path, fmt)
    assert path.read_bytes() == before
    assert sorted(os.listdir(tmp_path)) == [path.name]


def test_an_exception_mid_write_removes_the_temporary_and_keeps_the_target(tmp_path):
    path = tmp_path / "map.html"
    atomic_write_text(path, "<html>خريطة سابقة</html>")
    with pytest.raises(RuntimeError):
        with atomic_output(path) as temp:
            temp.write_text("<html>نصف", encoding="utf-8")
            raise RuntimeError("renderer crashed")
    assert path.read_text(encoding="utf-8") == "<html>خريطة سابقة</html>"
    assert os.listdir(tmp_path) == ["map.html"]


def test_a_successful_write_replaces_the_file_and_keeps_its_permissions(tmp_path):
    path = tmp_path / "out.txt"
    path.write_text("قديم", encoding="utf-8")
    os.chmod(path, 0o640)
    atomic_write_text(path, "جديد")
    assert path.read_text(encoding="utf-8") == "جديد"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_writing_into_a_missing_folder_or_an_unknown_format_is_a_clear_error(tmp_path, gdf):
    with pytest.raises(IncmapError, match="does not exist"):
        write_incidents(gdf, tmp_path / "no" / "such" / "out.geojson", "geojson")
    with pytest.raises(IncmapError, match="unknown output format 'kml'"):
        write_incidents(gdf, tmp_path / "out.kml", "kml")
    with pytest.raises(IncmapError, match="is a directory"):
        write_incidents(gdf, tmp_path, "geojson")


def test_geoparquet_is_written_partition_by_partition(tmp_path, monkeypatch):
    """Row groups of PARQUET_PARTITION features, readable back as one GeoDataFrame."""
    import geopandas as gpd
    import pyarrow.parquet as pq

    from geo.frame import to_frame
    from geo.io import writers

    records = [{"id": f"i{n}", "category": "attack", "lat": 10 + n / 100, "lon": 2.0,
                "groups": ["ISIS"] if n % 2 else [], "fatalities": None if n < 5 else n}
               for n in range(23)]
    monkeypatch.setattr(writers, "PARQUET_PARTITION", 5)
    out = tmp_path / "i.parquet"
    writers.write_incidents(to_frame(records), out, "parquet")
    meta = pq.ParquetFile(out).metadata
    assert (meta.num_row_groups, meta.num_rows) == (5, 23)
    back = gpd.read_parquet(out)
    assert back.crs.to_epsg() == 4326 and list(back["id"]) == [r["id"] for r in records]
    assert back["fatalities"].iloc[:5].isna().all() and back["fatalities"].iloc[22] == 22
