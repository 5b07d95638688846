"""incmap filter: countries and groups in any spelling, categories, date ranges, and clear refusals."""
from __future__ import annotations

from pathlib import Path

import pytest

from geo.errors import UsageError
from geo.filters import apply_filters
from geo.frame import from_geojson

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def gdf():
    # inc-sebha LY ISIS attack 2023-11-18 | inc-gao ML AQIM operation 2023-11 | inc-maiduguri NG Boko Haram
    # attack 2024 | inc-derna LY (no group) deployment undated | inc-raqqa SY ISIS+AQIM operation 2024-02-29
    return from_geojson(DATA / "io_incidents.geojson")


def ids(frame):
    return frame["id"].tolist()


@pytest.mark.parametrize("spelling", ["LY", "ly", "Libya", "LIBYA", "LBY", "ليبيا", " ليبيا "])
def test_every_spelling_of_libya_selects_what_ly_selects(gdf, spelling):
    assert ids(apply_filters(gdf, country=[spelling])) == ids(apply_filters(gdf, country=["LY"])) \
        == ["inc-sebha", "inc-derna"]


@pytest.mark.parametrize("spelling", ["SY", "Syria", "سوريا", "سورية", "Syrian Arab Republic"])
def test_colloquial_and_formal_names_of_syria_agree(gdf, spelling):
    assert ids(apply_filters(gdf, country=spelling)) == ["inc-raqqa"]


@pytest.mark.parametrize("spelling", ["النيجر", "نيجر", "Niger", "NE"])
def test_arabic_names_match_with_or_without_the_article(spelling):
    frame = from_geojson({"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [2.1, 13.5]},
         "properties": {"id": "n1", "country": "NE"}},
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [7.5, 9.1]},
         "properties": {"id": "g1", "country": "NG"}}]})
    assert ids(apply_filters(frame, country=[spelling])) == ["n1"]


@pytest.mark.parametrize("alias", ["ISIS", "isis", "داعش", "تنظيم الدولة", "ISIL", "الدولة الإسلامية"])
def test_every_alias_of_isis_selects_what_isis_selects(gdf, alias):
    assert ids(apply_filters(gdf, group=[alias])) == ids(apply_filters(gdf, group=["ISIS"])) \
        == ["inc-sebha", "inc-raqqa"]


def test_values_within_an_option_combine_with_or(gdf):
    assert ids(apply_filters(gdf, country=["ليبيا", "Mali"])) == ["inc-sebha", "inc-gao", "inc-derna"]
    assert ids(apply_filters(gdf, group=["Boko Haram", "AQIM"])) == ["inc-gao", "inc-maiduguri", "inc-raqqa"]


def test_options_combine_with_and(gdf):
    assert ids(apply_filters(gdf, country=["LY", "SY"], group=["داعش"], category=["operation"])) == ["inc-raqqa"]
    assert ids(apply_filters(gdf, country=["LY"], category=["operation"])) == []


def test_category_takes_categories_and_subtypes(gdf):
    assert ids(apply_filters(gdf, category=["attack"])) == ["inc-sebha", "inc-maiduguri"]
    assert ids(apply_filters(gdf, category=["Airstrike", "kidnapping"])) == ["inc-gao", "inc-maiduguri"]
    assert ids(apply_filters(gdf, category=["ground-raid"])) == ["inc-raqqa"]


def test_no_filter_keeps_everything_in_order(gdf):
    assert ids(apply_filters(gdf)) == ids(gdf)
    assert ids(apply_filters(gdf, country=(), group=None)) == ids(gdf)


@pytest.mark.parametrize("since, until, expected", [
    ("2023-11-18", "2023-11-18", ["inc-sebha", "inc-gao"]),       # the month 2023-11 overlaps the day
    ("2023-12", None, ["inc-maiduguri", "inc-raqqa"]),
    (None, "2023", ["inc-sebha", "inc-gao"]),
    ("2024-02-29", "2024-02-29", ["inc-maiduguri", "inc-raqqa"]),  # leap day; the year 2024 overlaps it
    ("2023-11-19", "2023-11-30", ["inc-gao"]),
    ("2025", None, []),
])
def test_date_ranges_match_overlapping_partial_dates_and_drop_undated(gdf, since, until, expected):
    assert ids(apply_filters(gdf, since=since, until=until)) == expected


def test_undated_incidents_stay_when_no_date_filter_is_given(gdf):
    assert "inc-derna" in ids(apply_filters(gdf, country=["LY"]))
    assert "inc-derna" not in ids(apply_filters(gdf, country=["LY"], since="1900"))


@pytest.mark.parametrize("kwargs, message", [
    ({"country": ["ليبيه"]}, "unknown country 'ليبيه'; did you mean Libya (LY)"),
    ({"country": ["Libyya"]}, "unknown country 'Libyya'; did you mean Libya (LY)"),
    ({"group": ["Boko Harram"]}, "unknown armed group 'Boko Harram'; did you mean Boko Haram"),
    ({"group": ["AQMI-X"]}, "unknown armed group 'AQMI-X'"),
    ({"category": ["atack"]}, "unknown category 'atack'; did you mean attack"),
    ({"since": "2024-13"}, "--since: invalid date '2024-13'"),
    ({"until": "yesterday"}, "--until: invalid date 'yesterday'"),
    ({"since": "2024-05", "until": "2024-04"}, "--since 2024-05 is after --until 2024-04"),
])
def test_unknown_values_are_usage_errors_that_name_them_and_suggest(gdf, kwargs, message):
    with pytest.raises(UsageError) as info:
        apply_filters(gdf, **kwargs)
    assert str(info.value).startswith(message)


def test_filters_work_on_frames_without_the_filtered_columns():
    bare = from_geojson({"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [10.0, 30.0]}, "properties": {}}]})
    assert len(apply_filters(bare)) == 1
    assert len(apply_filters(bare, group=["AQIM"], since="2020")) == 0
