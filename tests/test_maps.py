"""The map renderer without a browser: data embedding, escaping, offline assets."""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import geopandas as gpd
import pytest

from maps import AssetsMissing, to_html
from maps.assets import head_html, inline_css_urls, missing_assets
from maps.dataset import day_range, incident_records, script_json
from maps.popup import highlight_spans
from maps.topojson import to_feature_collection

TILE_TEMPLATE = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"


@pytest.fixture(scope="module")
def page(collection) -> str:
    return to_html(collection, title="خريطة الحوادث <b>")


class Tags(HTMLParser):
    """Every start tag of a page with its attributes, and each script's text."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[tuple[dict, str]] = []
        self._script: dict | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._script = dict(attrs)
            self.scripts.append((self._script, ""))

    def handle_data(self, data):
        if self._script is not None:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)

    def handle_endtag(self, tag):
        if tag == "script":
            self._script = None


def parsed(page: str) -> Tags:
    tags = Tags()
    tags.feed(page)
    return tags


def embedded(page: str, element_id: str):
    for attrs, text in parsed(page).scripts:
        if attrs.get("id") == element_id:
            return json.loads(text)
    raise AssertionError(f"no <script id={element_id}>")


# --- highlighting the place and the trigger in the evidence -------------------

def test_place_after_a_clitic_is_highlighted_without_the_clitic():
    sentence = "تعرضت دورية للقوات الحكومية لهجوم ببنغازي صباح الأحد."
    spans = highlight_spans(sentence, "بنغازي", "لهجوم")
    marked = {kind: sentence[start:end] for start, end, kind in spans}
    assert marked == {"place": "بنغازي", "trigger": "لهجوم"}


def test_place_matches_despite_hamza_and_diacritics():
    sentence = "قصفت الطائرات مواقع في ريف ادلبَ الجنوبي."
    [(start, end, kind)] = highlight_spans(sentence, "إدلب", None)
    assert kind == "place" and sentence[start:end] == "ادلبَ"


def test_a_country_name_inside_a_longer_word_is_not_the_place():
    sentence = "أعلن الجيش المالي مقتل جنديين في شمال مالي."
    spans = highlight_spans(sentence, "مالي", None)
    assert len(spans) == 1
    start, end, _ = spans[0]
    assert sentence[start:end] == "مالي" and sentence[end:] == "."


def test_no_evidence_no_highlight():
    assert highlight_spans(None, "غاو", "هجوم") == []
    assert highlight_spans("خبر بلا مكان معروف.", "غاو", None) == []


# --- records the page receives ------------------------------------------------

def test_month_and_year_dates_cover_their_whole_interval():
    first, last = day_range("2024-02")
    assert last - first == 28  # 2024 is a leap year: 1 to 29 February
    first, last = day_range("2023")
    assert last - first == 364
    assert day_range("2024-05-10") == (19853, 19853)
    assert day_range("2024-13") is None and day_range("أمس") is None and day_range(None) is None


def test_article_text_cannot_close_the_data_script():
    hostile = "نص </script><script>alert(1)</script> & <img src=x onerror=alert(1)>"
    text = script_json({"ev": hostile})
    assert "</" not in text and "<" not in text and ">" not in text
    assert json.loads(text) == {"ev": hostile}
    assert "نص" in text  # Arabic stays UTF-8, not \\u escapes


def test_records_keep_what_the_popup_and_filters_need(collection):
    records = {r["id"]: r for r in incident_records(collection)}
    assert len(records) == len(collection["features"])
    benghazi = records["ly-bng-1"]
    assert (benghazi["lat"], benghazi["lon"]) == (32.1149, 20.0686)
    assert benghazi["cc"] == "LY" and benghazi["grp"] == ["ISIS"] and benghazi["fat"] == 4
    assert benghazi["ev"][slice(*benghazi["hl"][0][:2])] == "هاجم"
    assert records["ye-adn-1"]["fat"] == 0  # zero killed is a fact, not a missing value
    south = records["ly-south-1"]
    assert south["prec"] == "region" and south["r"] == 400
    assert "cc" not in records["sahel-1"]
    assert records["ml-gao-1"]["more"] == ["samples/corpus/ml-gao-2.txt"]


def test_only_web_links_become_links(collection):
    records = {r["id"]: r for r in incident_records(collection)}
    hostile = records["ml-kid-1"]
    assert "url" not in hostile and hostile["rawurl"].startswith("javascript:")
    assert records["ye-mrb-1"]["url"].startswith("https://")


def test_a_geodataframe_gives_the_same_records_as_its_geojson(collection):
    frame = gpd.GeoDataFrame.from_features(collection["features"], crs="EPSG:4326")
    assert incident_records(frame) == incident_records(collection)
    projected = incident_records(frame.to_crs(3857))
    assert [(r["id"], r["lat"], r["lon"]) for r in projected] == \
        [(r["id"], r["lat"], r["lon"]) for r in incident_records(collection)]


# --- the page -----------------------------------------------------------------

def test_page_embeds_every_incident_once_per_category_layer(page, collection):
    records = embedded(page, "incmap-data")
    assert sorted(r["id"] for r in records) == sorted(f["properties"]["id"] for f in collection["features"])
    meta = embedded(page, "incmap-meta")
    assert list(meta["labels"]["categories"]) == ["attack", "operation", "deployment"]
    colours = {c["color"] for c in meta["labels"]["categories"].values()}
    assert len(colours) == 3
    assert meta["countries"]["ML"] == ["Mali", "مالي"]


def test_no_resource_is_loaded_from_the_network_except_tiles(page):
    tags = parsed(page)
    for tag, attrs in tags.tags:
        for key in ("src", "href"):
            value = attrs.get(key) or ""
            if tag in ("script", "link", "img", "iframe") and re.match(r"https?:", value):
                pytest.fail(f"<{tag} {key}={value}> loads from the network")
    for host in ("cdn.jsdelivr.net", "cdnjs.cloudflare.com", "code.jquery.com", "unpkg.com",
                 "bootstrapcdn.com", "fonts.googleapis.com"):
        assert host not in page
    assert TILE_TEMPLATE in page
    assert not re.search(r"url\((['\"]?)https?:", page)  # no stylesheet image from the web


def test_assets_are_inlined(page):
    assert "leafletjs.com" in page  # Leaflet itself, inlined
    scripts = {attrs.get("data-asset") for attrs, _ in parsed(page).scripts}
    assert {"leaflet.js", "leaflet.markercluster.js", "leaflet-heat.js"} <= scripts
    outline = embedded(page, "incmap-outline")
    countries = {f["properties"]["cc"] for f in outline["features"]}
    assert {"LY", "ML", "NE", "BF", "SY", "IQ", "YE"} <= countries
    assert "url(images/" not in page  # the layer-control icon travels as a data URI


def test_hostile_article_text_never_becomes_markup(page):
    tags = parsed(page)
    assert "<script>alert(1)</script>" not in page
    assert "<img src=x" not in page and "<img src=y" not in page and "<svg onload" not in page
    assert not any(tag in ("img", "svg") for tag, _ in tags.tags)
    for attrs, text in tags.scripts:
        if "alert(1)" in text or "__incmapPwned" in text:
            assert attrs.get("type") == "application/json", attrs
    assert all(not any(k.startswith("on") for k in attrs) for _, attrs in tags.tags)


def test_title_is_escaped(page):
    assert "<title>خريطة الحوادث &lt;b&gt;</title>" in page


def test_empty_input_still_makes_a_map():
    page = to_html({"type": "FeatureCollection", "features": []})
    assert embedded(page, "incmap-data") == []
    assert "incmap.finish()" in page


def test_missing_assets_are_reported_with_the_fix(tmp_path):
    assert "leaflet.js" in missing_assets(tmp_path)
    with pytest.raises(AssetsMissing, match="python -m maps.assets"):
        head_html(tmp_path)


def test_relative_stylesheet_images_become_data_uris(tmp_path):
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "layers.png").write_bytes(b"\x89PNG fake")
    css = ".a{background-image:url(images/layers.png)} .b{background:url(data:image/png;base64,AA==)}"
    out = inline_css_urls(css, tmp_path)
    assert "url(data:image/png;base64,iVBORyBmYWtl)" in out
    assert "url(data:image/png;base64,AA==)" in out


def test_topojson_shared_arcs_make_closed_rings():
    # Two unit squares side by side sharing the arc x=1 (arc 0), quantized.
    topology = {
        "type": "Topology",
        "transform": {"scale": [1, 1], "translate": [10, 20]},
        "arcs": [[[1, 0], [0, 1]], [[1, 1], [-1, 0], [0, -1], [1, 0]], [[1, 0], [1, 0], [0, 1], [-1, 0]]],
        "objects": {"countries": {"type": "GeometryCollection", "geometries": [
            {"type": "Polygon", "id": "434", "properties": {"name": "West"}, "arcs": [[0, 1]]},
            {"type": "MultiPolygon", "properties": {"name": "East"}, "arcs": [[[2, ~0]]]},
            {"type": None, "properties": {"name": "Nothing"}},
        ]}},
    }
    collection = to_feature_collection(topology, "countries")
    west, east = collection["features"]
    assert west["id"] == "434"
    assert west["geometry"]["coordinates"][0] == [[11, 20], [11, 21], [10, 21], [10, 20], [11, 20]]
    ring = east["geometry"]["coordinates"][0][0]
    assert ring[0] == ring[-1] == [11, 20] and [12, 21] in ring
