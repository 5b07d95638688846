"""The map in a real browser: headless Debian Chromium, no network but tiles.

Every request other than a tile is aborted and recorded; tiles are answered
locally, so the test needs no internet and proves the page needs none.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from maps import to_html
from maps.bench import synthetic_incidents
from maps.browser import MapPage, chromium_available

pytestmark = pytest.mark.skipif(not chromium_available(), reason="/usr/bin/chromium is not installed")



@pytest.fixture(scope="module")
def map_file(collection, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("map") / "map.html"
    path.write_text(to_html(collection, title="حوادث الساحل والمشرق"), encoding="utf-8")
    return path


class Session(MapPage):
    """The fixture map opened in the browser, a little larger than the default viewport."""

    def __init__(self, browser, path: Path, serve_tiles: bool = True):
        super().__init__(browser, path, serve_tiles=serve_tiles, viewport=(1300, 850))

    def shown(self) -> list[dict]:
        """Records of the markers on the map now (clustered or not)."""
        return self.page.evaluate("incmap.shownMarkers().map(function (m) { return m.rec; })")


@pytest.fixture
def session(browser, map_file):
    opened = Session(browser, map_file)
    yield opened
    opened.page.close()


def test_every_feature_has_a_marker_and_nothing_else_is_fetched(session, collection):
    assert session.page.evaluate("incmap.count()") == len(collection["features"])
    assert session.page.evaluate("window.incmapMarkers.length") == len(collection["features"])
    assert session.network.tiles > 0
    assert session.network.blocked == []
    assert session.errors == []


def test_choosing_a_country_leaves_only_its_markers(session, collection):
    mali = [f for f in collection["features"] if f["properties"]["country"] == "ML"]
    session.page.select_option("#incmap-country", "ML")
    session.settle()
    shown = session.shown()
    assert len(shown) == len(mali) == session.page.evaluate("incmap.count()")
    assert {r["cc"] for r in shown} == {"ML"}
    assert "4 من 18" in session.page.inner_text("#incmap-counter")

    session.page.select_option("#incmap-group", "JNIM")
    session.settle()
    assert sorted(r["id"] for r in session.shown()) == ["ml-gao-1", "ml-kid-1"]

    session.page.click(".incmap-reset")
    session.settle()
    assert session.page.evaluate("incmap.count()") == len(collection["features"])
    assert session.errors == []


def test_country_filter_lists_unknown_country_incidents_separately(session):
    session.page.select_option("#incmap-country", "__none__")
    session.settle()
    assert [r["id"] for r in session.shown()] == ["sahel-1"]


def test_category_layers_switch_off_in_the_layer_control(session, collection):
    counts = Counter(f["properties"]["category"] for f in collection["features"])
    session.page.get_by_label("هجمات · Attacks").uncheck()
    session.settle()
    shown = session.shown()
    assert len(shown) == counts["operation"] + counts["deployment"]
    assert "attack" not in {r["cat"] for r in shown}
    session.page.get_by_label("هجمات · Attacks").check()
    session.settle()
    assert session.page.evaluate("incmap.count()") == len(collection["features"])


def test_date_range_keeps_incidents_whose_date_meets_it(session):
    # July 2024, undated incidents hidden: two Syrian incidents plus the
    # Burkina Faso campaign dated only "2024", whose year includes July.
    session.page.uncheck("#incmap-undated")
    session.page.evaluate("incmap.setDateRange(19905, 19935)")  # 2024-07-01 .. 2024-07-31
    session.settle()
    assert sorted(r["id"] for r in session.shown()) == ["bf-cty-1", "sy-dez-1", "sy-idl-1"]
    assert session.page.inner_text(".incmap-range") == "2024-07-01 — 2024-07-31"


def test_popup_is_arabic_right_to_left_with_place_and_trigger_marked(session):
    session.page.evaluate("incmap.showIncident('ly-bng-1')")
    popup = session.page.locator(".incmap-popup")
    popup.wait_for()
    assert popup.get_attribute("dir") == "rtl" and popup.get_attribute("lang") == "ar"
    assert popup.locator("mark.incmap-hl-place").inner_text() == "بنغازي"
    assert popup.locator("mark.incmap-hl-trigger").inner_text() == "هاجم"
    text = popup.inner_text()
    for expected in ("2024-03-14", "ISIS", "هجوم مسلح", "4", "مكان محدد", "samples/corpus/ly-bng-1.txt"):
        assert expected in text
    assert popup.locator("a[href^='https://news.example.org/']").count() == 1


def test_tooltip_names_the_place_in_arabic_and_english(session):
    session.page.evaluate("incmap.showIncident('ye-mrb-1')")
    session.page.locator(".incmap-popup").wait_for()
    session.page.locator(".leaflet-popup-close-button").click()
    # the popup panned the map: hover the marker once it stands still (on a loaded machine the pan
    # animation outlasts a first measurement, and the mouse would land where the marker was)
    where = """(function () {
        var m = incmapMarkers.filter(function (m) { return m.rec.id === 'ye-mrb-1'; })[0];
        var r = m._icon.getBoundingClientRect();
        return {x: r.left + r.width / 2, y: r.top + r.height / 2};
    })()"""
    box = session.page.evaluate(where)
    for _ in range(50):
        session.page.wait_for_timeout(100)
        now = session.page.evaluate(where)
        if now == box:
            break
        box = now
    session.page.mouse.move(box["x"], box["y"])
    tip = session.page.locator(".incmap-tip")
    tip.wait_for()
    assert "مأرب" in tip.inner_text() and "Marib" in tip.inner_text()


def test_hostile_article_text_is_shown_and_never_run(session):
    session.page.evaluate("incmap.showIncident('ml-kid-1')")
    popup = session.page.locator(".incmap-popup")
    popup.wait_for()
    text = popup.inner_text()
    assert "<script>alert(1)</script>" in text and "onerror=alert(1)" in text
    assert popup.locator("script, img, svg, b").count() == 0
    assert popup.locator("a").count() == 0  # a javascript: URL is shown, not linked
    session.page.hover(".incmap-popup")
    assert session.page.evaluate("window.__incmapPwned") is None
    assert session.dialogs == []
    assert session.errors == []


def test_uncertain_locations_are_drawn_as_areas(session):
    radii = session.page.evaluate("""(function () {
        var out = [];
        Object.keys(incmap.areas).forEach(function (c) {
            incmap.areas[c].eachLayer(function (l) { out.push(Math.round(l.getRadius() / 1000)); });
        });
        return out.sort(function (a, b) { return a - b; });
    })()""")
    assert radii == [150, 200, 250, 400, 700]
    hollow = session.page.evaluate("incmapMarkers.filter(function (m) {"
                                   " return /incmap-approx/.test(m.options.icon.options.className); }).length")
    assert hollow == 5


def test_heat_layer_can_be_switched_on(session):
    assert session.page.locator("canvas.leaflet-heatmap-layer").count() == 0
    session.page.get_by_label("خريطة حرارية · Heat map").check()
    assert session.page.locator("canvas.leaflet-heatmap-layer").count() == 1
    assert session.errors == []


def test_without_tiles_the_country_outlines_still_show_the_land(browser, map_file):
    offline = Session(browser, map_file, serve_tiles=False)
    try:
        offline.page.wait_for_function(
            "document.querySelector('.leaflet-container').classList.contains('incmap-offline')", timeout=10000)
        filled = offline.page.locator(".leaflet-incmapOutline-pane path[fill='#f3efe6']").count()
        assert filled > 20
        assert offline.page.locator(".incmap-tiles-notice").is_visible()
        assert offline.network.blocked == []
    finally:
        offline.page.close()


def test_twenty_thousand_incidents_load_in_under_five_seconds(browser, tmp_path):
    count = 20000
    path = tmp_path / "big.html"
    path.write_text(to_html(synthetic_incidents(count)), encoding="utf-8")
    big = Session(browser, path)
    try:
        loaded_s = big.page.evaluate("performance.now()") / 1000
        assert big.page.evaluate("incmap.count()") == count
        assert loaded_s < 5.0, f"{count} incidents took {loaded_s:.2f} s"
        big.page.select_option("#incmap-country", "IQ")
        big.settle()
        assert {r["cc"] for r in big.shown()} == {"IQ"}
        assert big.errors == []
    finally:
        big.page.close()
