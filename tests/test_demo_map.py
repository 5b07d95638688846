"""Issue 5, "done when": the demo a user runs, opened in a real browser.

``incmap run samples/corpus -o OUT`` (what ``make demo`` does) must write a
map that shows one marker per incident of OUT/incidents.geojson, logs no
error, fetches nothing but tiles, and whose in-map country filter leaves
exactly that country's incidents.  The same holds for the five seed
articles of the shared folder: the map shows every incident ``extract``
finds in them.  Headless Debian Chromium, every request but tiles aborted
(``maps.browser.Network``), so the test needs no internet.
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from conftest import SAMPLES, run_incmap
from maps.browser import MapPage, chromium_available

pytestmark = pytest.mark.skipif(not chromium_available(), reason="/usr/bin/chromium is not installed")

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
NO_COUNTRY = "__none__"  # the in-map filter's option for incidents without a country


class DemoMap(MapPage):
    """The demo map opened in the browser, with the queries these tests ask of it."""

    def shown_ids(self) -> list[str]:
        """Ids of the incidents whose markers are on the map now (clustered or not)."""
        return self.page.evaluate("incmap.shownMarkers().map(function (m) { return m.rec.id; })")

    def choose_country(self, value: str) -> None:
        """Pick a country in the in-map filter panel, as a user would ("" = all)."""
        self.page.select_option("#incmap-country", value)
        self.settle()


def feature_ids(geojson: Path) -> list[str]:
    return [f["properties"]["id"] for f in json.loads(geojson.read_text(encoding="utf-8"))["features"]]


def ids_by_country(geojson: Path) -> dict[str, list[str]]:
    """Incident ids per country code (NO_COUNTRY for incidents without one)."""
    out: dict[str, list[str]] = {}
    for f in json.loads(geojson.read_text(encoding="utf-8"))["features"]:
        out.setdefault(f["properties"]["country"] or NO_COUNTRY, []).append(f["properties"]["id"])
    return out


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    """OUTDIR of ``incmap run samples/corpus`` (the demo)."""
    out = tmp_path_factory.mktemp("demo")
    proc = run_incmap("run", SAMPLES, "-o", out, "--quiet", check=True)
    assert proc.stderr == ""
    return out


@pytest.fixture(scope="module")
def demo_page(browser, demo):
    opened = DemoMap(browser, demo / "map.html")
    yield opened
    opened.page.close()


def test_demo_writes_the_three_outputs_and_lists_them(demo):
    for name in ("incidents.geojson", "incidents.csv", "map.html"):
        assert (demo / name).stat().st_size > 0
    # The sample corpus reports incidents in at least five countries.
    assert len(ids_by_country(demo / "incidents.geojson")) >= 5


def test_demo_map_has_one_marker_per_incident_and_fetches_only_tiles(demo, demo_page):
    ids = feature_ids(demo / "incidents.geojson")
    assert len(ids) > 20
    assert sorted(demo_page.shown_ids()) == sorted(ids)
    assert demo_page.page.evaluate("incmap.count()") == len(ids)
    assert demo_page.network.tiles > 0
    assert demo_page.network.blocked == []
    assert demo_page.errors == []
    assert demo_page.dialogs == []


def test_choosing_each_country_leaves_exactly_its_incidents(demo, demo_page):
    by_country = ids_by_country(demo / "incidents.geojson")
    options = demo_page.page.eval_on_selector_all(
        "#incmap-country option", "(nodes) => nodes.map((n) => n.value).filter((v) => v)")
    # The panel offers every country the GeoJSON has, and nothing else.
    assert sorted(options) == sorted(by_country)
    try:
        for country, ids in by_country.items():
            demo_page.choose_country(country)
            assert sorted(demo_page.shown_ids()) == sorted(ids), country
            assert demo_page.page.inner_text("#incmap-counter").startswith(
                f"{len(ids)} ")
    finally:
        demo_page.choose_country("")
    assert demo_page.page.evaluate("incmap.count()") == sum(map(len, by_country.values()))
    assert demo_page.errors == []


def test_the_largest_country_filter_hides_the_others(demo, demo_page):
    by_country = Counter({cc: len(ids) for cc, ids in ids_by_country(demo / "incidents.geojson").items()})
    country, expected = by_country.most_common(1)[0]
    try:
        demo_page.choose_country(country)
        shown = demo_page.page.evaluate("incmap.shownMarkers().map(function (m) { return m.rec.cc; })")
        assert len(shown) == expected < sum(by_country.values())
        assert set(shown) == {country}
    finally:
        demo_page.choose_country("")


# -- the five seed articles -------------------------------------------------------------

@pytest.fixture(scope="module")
def seeds() -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"{SEEDS} is not present")
    return SEEDS


def test_seed_map_shows_every_incident_extract_finds(browser, seeds, tmp_path):
    extracted = tmp_path / "extracted.geojson"
    run_incmap("extract", seeds, "-o", extracted, "--quiet", check=True)
    run_incmap("run", seeds, "-o", tmp_path / "run", "--quiet", check=True)
    ids = feature_ids(extracted)
    assert len(ids) >= 5  # every seed article reports at least one incident
    assert feature_ids(tmp_path / "run" / "incidents.geojson") == ids

    opened = DemoMap(browser, tmp_path / "run" / "map.html")
    try:
        assert sorted(opened.shown_ids()) == sorted(ids)
        assert opened.network.blocked == []
        assert opened.errors == []
        # Every article contributes a marker: the map is not just one article's.
        sources = opened.page.evaluate("incmap.shownMarkers().map(function (m) { return m.rec.src; })")
        assert len({Path(s).name for s in sources}) == len(list(seeds.glob("*.txt")))
    finally:
        opened.page.close()


# -- the README picture -------------------------------------------------------------------

def png_size(path: Path) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def test_screenshot_script_pictures_the_demo_map_offline(browser, demo, tmp_path):
    from maps.screenshot import screenshot

    out = tmp_path / "demo.png"
    assert screenshot(demo / "map.html", out, browser=browser) == []
    assert png_size(out) == (1280, 800)
    # Outlines, markers and panels make a picture of some detail, yet README-sized.
    assert 50_000 < out.stat().st_size < 400_000
