"""Issue 7, "done when": what real input does to the commands users run.

End to end through ``python -m geo``: one Arabic article in every encoding
news arrives in yields the same incident; empty and binary files are named,
skipped, and the rest of the batch still written (exit 1, the documented
"something was skipped" status); malformed GeoJSON is refused in one line;
an unknown country is a usage error; a failed run leaves an existing output
untouched; article text carrying HTML/JS is shown in the map and never run;
Arabic and English filter values are the same filter; every ``--help``
works; and nothing prints a traceback unless ``--debug`` asks for one.

The articles are written for this test (facts of the kind the seeds report,
none of their sentences).
"""
from __future__ import annotations

import codecs
import json
import os
from pathlib import Path

import pytest

from conftest import SAMPLES, run_incmap
from maps.browser import MapPage, chromium_available, tile_png

# An ambush near a named town in central Mali: its first sentence states the incident.
MALI_AMBUSH = (
    "باماكو - هاجم مسلحون من جماعة نصرة الإسلام والمسلمين صباح الثلاثاء قافلة للجيش المالي "
    "قرب بلدة بوني في وسط مالي، ما أسفر عن مقتل خمسة جنود، وفق مصادر أمنية.\n"
    "وقال مسؤول محلي إن المهاجمين وصلوا على دراجات نارية وانسحبوا بعد نحو ساعة، "
    "وإن السكان لزموا بيوتهم حتى المساء.\n"
    "وتشهد المنطقة منذ سنوات توترا أمنيا متصاعدا دفع آلاف العائلات إلى النزوح نحو المدن الكبرى.\n"
)
MALI_EXPECTED = {"category": "attack", "subtype": "armed_assault", "place": "Boni", "place_ar": "بوني",
                 "country": "ML"}

# A second, unrelated article for the batch: an ISIS ambush near Ayorou, Niger.
NIGER_AMBUSH = (
    "نيامي - نصب مسلحون من تنظيم داعش كمينا لدورية عسكرية قرب بلدة أيورو في غرب النيجر يوم الأحد، "
    "وأحرقوا عربتين قبل أن ينسحبوا نحو الحدود.\n"
    "وقال سكان إن الطريق بقي مغلقا حتى المساء.\n"
)
NIGER_EXPECTED = {"category": "attack", "subtype": "armed_assault", "place": "Ayorou", "country": "NE"}

KEYS = tuple(MALI_EXPECTED)


def incmap(*args):
    """Run the CLI as a user would; no traceback may reach stderr unless --debug was asked for."""
    proc = run_incmap(*args)
    if "--debug" not in map(str, args):
        assert "Traceback" not in proc.stderr, proc.stderr
    return proc


def stderr_lines(proc) -> list[str]:
    return [line for line in proc.stderr.splitlines() if line.strip()]


def features(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["features"]


def summary(props: dict) -> dict:
    """The fields that say which incident it is: category, subtype, place, country."""
    return {k: props.get(k) for k in KEYS}


# -- one article, five encodings ------------------------------------------------------

def _truncated_utf8(text: str) -> bytes:
    """UTF-8 cut inside its last Arabic letter, as a download that stopped mid-character."""
    data = text.rstrip("\n.").encode("utf-8")
    assert data[-2] >= 0xC0  # the last character is a two-byte sequence: keep only its first byte
    return data[:-1]


ENCODINGS = {
    "utf-8": lambda t: t.encode("utf-8"),
    "utf-8-bom": lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
    "utf-16": lambda t: t.encode("utf-16"),  # BOM + native order, as Windows tools write it
    "windows-1256": lambda t: t.encode("cp1256"),
    "truncated-utf-8": _truncated_utf8,
}


@pytest.fixture(scope="module")
def reference(tmp_path_factory) -> dict:
    """The incident extracted from the plain UTF-8 file, the yardstick for the others."""
    folder = tmp_path_factory.mktemp("reference")
    (folder / "article.txt").write_bytes(MALI_AMBUSH.encode("utf-8"))
    proc = incmap("extract", folder / "article.txt", "-o", folder / "out.geojson", "-q")
    assert proc.returncode == 0, proc.stderr
    found = features(folder / "out.geojson")
    assert len(found) == 1, found
    assert summary(found[0]["properties"]) == MALI_EXPECTED
    return found[0]


@pytest.mark.parametrize("encoding", sorted(ENCODINGS))
def test_every_encoding_yields_the_same_incident(encoding, reference, tmp_path):
    article = tmp_path / f"mali-{encoding}.txt"
    article.write_bytes(ENCODINGS[encoding](MALI_AMBUSH))
    proc = incmap("extract", article, "-o", tmp_path / "out.geojson", "-q")
    assert proc.returncode == 0, proc.stderr
    [feature] = features(tmp_path / "out.geojson")
    props, expected = feature["properties"], reference["properties"]
    assert summary(props) == MALI_EXPECTED
    assert props["groups"] == expected["groups"] == ["JNIM"]
    assert props["fatalities"] == expected["fatalities"] == 5
    assert feature["geometry"] == reference["geometry"]
    # Offsets index the decoded text with the BOM removed: the same in every encoding.
    assert (props["source"]["start"], props["source"]["end"]) == (
        expected["source"]["start"], expected["source"]["end"])
    assert props["evidence"] == expected["evidence"]
    # A guessed code page or replaced bytes are worth a warning naming the file, not a failure.
    if encoding in ("windows-1256", "truncated-utf-8"):
        [warning] = stderr_lines(proc)
        assert str(article) in warning and "warning" in warning
    else:
        assert stderr_lines(proc) == []


# -- a batch with files that cannot be read ----------------------------------------------

def test_empty_and_binary_files_are_named_skipped_and_the_rest_extracted(tmp_path):
    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / "01_mali.txt").write_text(MALI_AMBUSH, encoding="utf-8")
    (batch / "02_empty.txt").write_bytes(b"")
    (batch / "03_scan.txt").write_bytes(tile_png())  # a PNG saved with a .txt name
    (batch / "04_niger.txt").write_text(NIGER_AMBUSH, encoding="utf-8")
    blob = tmp_path / "attachment.bin"
    blob.write_bytes(bytes(range(256)) * 16)
    out = tmp_path / "out.geojson"

    proc = incmap("extract", batch, blob, "-o", out, "-q")

    assert proc.returncode == 1
    lines = stderr_lines(proc)
    for bad in ("02_empty.txt", "03_scan.txt", "attachment.bin"):
        naming = [line for line in lines if bad in line]
        assert len(naming) == 1, lines
        assert "skipped" in naming[0]
    assert len(lines) == 3, lines
    found = sorted((summary(f["properties"]) for f in features(out)), key=lambda s: s["country"])
    assert [s["place"] for s in found] == ["Boni", "Ayorou"]
    assert {k: found[1][k] for k in NIGER_EXPECTED} == NIGER_EXPECTED


def test_a_batch_of_only_unreadable_files_still_writes_an_empty_collection(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    out = tmp_path / "out.geojson"
    proc = incmap("extract", tmp_path / "empty.txt", "-o", out, "-q")
    assert proc.returncode == 1
    assert json.loads(out.read_text(encoding="utf-8")) == {"type": "FeatureCollection", "features": []}


# -- malformed GeoJSON ----------------------------------------------------------------------

MALFORMED = {
    # name: (file content, a word the one-line reason must hold)
    "cut-short": ('{"type": "FeatureCollection", "features": [{"type": "Feature", "geom', "json"),
    "a-single-feature": ('{"type": "Feature", "geometry": {"type": "Point", "coordinates": [0, 0]},'
                         ' "properties": {}}', "featurecollection"),
    "an-array": ("[1, 2, 3]", "featurecollection"),
    "no-geometry": ('{"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": null,'
                    ' "properties": {"category": "attack"}}]}', "geometry"),
    "empty": ("", "json"),
}


@pytest.mark.parametrize("command", ["filter", "map"])
@pytest.mark.parametrize("case", sorted(MALFORMED))
def test_malformed_geojson_is_refused_in_one_line(command, case, tmp_path):
    content, reason = MALFORMED[case]
    bad = tmp_path / f"{case}.geojson"
    bad.write_text(content, encoding="utf-8")
    out = tmp_path / ("out.html" if command == "map" else "out.geojson")
    proc = incmap(command, bad, "-o", out)
    assert proc.returncode == 1
    [line] = stderr_lines(proc)
    assert str(bad) in line and reason in line.lower(), line
    assert not out.exists()


@pytest.fixture(scope="module")
def demo_incidents(tmp_path_factory) -> Path:
    """incidents.geojson of the sample corpus (the demo's input to filter and map)."""
    out = tmp_path_factory.mktemp("demo") / "incidents.geojson"
    proc = incmap("extract", SAMPLES, "-o", out, "-q")
    assert proc.returncode == 0, proc.stderr
    return out


@pytest.mark.parametrize("command", ["filter", "map"])
def test_a_failed_run_leaves_the_existing_output_byte_identical(command, demo_incidents, tmp_path):
    out = tmp_path / ("map.html" if command == "map" else "kept.geojson")
    proc = incmap(command, demo_incidents, "--country", "LY", "-o", out)
    assert proc.returncode == 0, proc.stderr
    before = out.read_bytes()
    assert len(before) > 1000
    bad = tmp_path / "broken.geojson"
    bad.write_bytes(demo_incidents.read_bytes()[:5000])  # cut mid-feature
    listing = sorted(os.listdir(tmp_path))

    proc = incmap(command, bad, "-o", out)

    assert proc.returncode == 1
    assert out.read_bytes() == before
    assert sorted(os.listdir(tmp_path)) == listing  # no temporary file left behind


# -- usage errors -------------------------------------------------------------------------------

@pytest.mark.parametrize("command", ["filter", "map"])
@pytest.mark.parametrize("country", ["Narnia", "نارنيا"])
def test_an_unknown_country_is_a_usage_error_naming_it(command, country, demo_incidents, tmp_path):
    out = tmp_path / "out"
    proc = incmap(command, demo_incidents, "--country", country, "-o", out)
    assert proc.returncode == 2
    [line] = stderr_lines(proc)
    assert country in line
    assert not out.exists()


def test_an_unknown_group_is_a_usage_error_too(demo_incidents, tmp_path):
    proc = incmap("filter", demo_incidents, "--group", "جماعة لا وجود لها", "-o", tmp_path / "out.geojson")
    assert proc.returncode == 2
    [line] = stderr_lines(proc)
    assert "جماعة لا وجود لها" in line


# -- Arabic and English filter values -------------------------------------------------------------

SAME_FILTERS = [
    (("--country", "ليبيا"), ("--country", "LY")),
    (("--country", "Libya"), ("--country", "LY")),
    (("--country", "مالي"), ("--country", "ML")),
    (("--group", "داعش"), ("--group", "ISIS")),
    (("--group", "تنظيم الدولة"), ("--group", "ISIS")),
    (("--group", "ISIL"), ("--group", "ISIS")),
]


@pytest.fixture(scope="module")
def filtered_by(demo_incidents, tmp_path_factory):
    """The bytes ``filter`` writes for one (option, value), each run once per module."""
    folder, done = tmp_path_factory.mktemp("filtered"), {}

    def run(option: str, value: str) -> bytes:
        if (option, value) not in done:
            out = folder / f"{len(done)}.geojson"
            proc = incmap("filter", demo_incidents, option, value, "-o", out)
            assert proc.returncode == 0, proc.stderr
            done[option, value] = out.read_bytes()
        return done[option, value]
    return run


@pytest.mark.parametrize("alias, canonical", SAME_FILTERS, ids=lambda pair: "=".join(pair))
def test_an_alias_filters_byte_identically_to_the_canonical_value(alias, canonical, filtered_by, demo_incidents):
    assert filtered_by(*alias) == filtered_by(*canonical)
    kept = json.loads(filtered_by(*canonical))["features"]
    # A real selection: some incidents kept, not all of them.
    assert 0 < len(kept) < len(features(demo_incidents))
    option, value = canonical
    if option == "--country":
        assert {f["properties"]["country"] for f in kept} == {value}
    else:
        assert all(value in f["properties"]["groups"] for f in kept)


# -- --help and --debug -------------------------------------------------------------------------------

@pytest.mark.parametrize("command", [None, "resolve", "toponyms", "extract", "filter", "map", "run"])
def test_help_of_every_command_exits_zero(command):
    proc = incmap(*([command] if command else []), "--help")
    assert proc.returncode == 0
    assert proc.stdout.startswith("usage:") and proc.stderr == ""
    if command:
        assert f"incmap {command}" in proc.stdout


def test_a_traceback_only_with_debug(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(MALI_AMBUSH, encoding="utf-8")
    out = tmp_path / "missing-folder" / "out.geojson"
    plain = incmap("extract", article, "-o", out, "-q")
    assert plain.returncode == 1
    [line] = stderr_lines(plain)
    assert "missing-folder" in line
    debug = incmap("--debug", "extract", article, "-o", out, "-q")
    assert debug.returncode == 1
    assert "Traceback" in debug.stderr


# -- hostile article text in the map -------------------------------------------------------------------

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
FLAG_IMG = '<img src=y onerror="__incmapPwned=1">'

HOSTILE_TXT = (
    f"هاجم مسلحون {SCRIPT} من جماعة نصرة الإسلام والمسلمين قافلة للجيش المالي قرب بلدة بوني "
    f"{IMG} {FLAG_IMG} في وسط مالي، ما أسفر عن مقتل خمسة جنود.\n"
)
# In an HTML page the payload is text (escaped in the markup) inside the story, and
# real markup around it: a <script> and an <img> that the reader must drop.
HOSTILE_HTML = """<!doctype html>
<html lang="ar"><head><meta charset="utf-8">
<title>&lt;script&gt;alert(1)&lt;/script&gt; كمين في غرب النيجر</title>
<link rel="canonical" href="javascript:__incmapPwned=1">
<script>window.__incmapPwned = 1; alert(1)</script>
</head><body><article>
<p>نصب مسلحون من تنظيم داعش كمينا لدورية عسكرية قرب بلدة أيورو &lt;script&gt;alert(1)&lt;/script&gt;
&lt;img src=x onerror=alert(1)&gt; &lt;img src=y onerror="__incmapPwned=1"&gt; في غرب النيجر يوم الأحد.</p>
<img src="x" onerror="window.__incmapPwned=1; alert(1)">
</article></body></html>
"""


@pytest.fixture(scope="module")
def hostile_map(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    (root / "in").mkdir()
    (root / "in" / "mali.txt").write_text(HOSTILE_TXT, encoding="utf-8")
    (root / "in" / "niger.html").write_text(HOSTILE_HTML, encoding="utf-8")
    proc = incmap("run", root / "in", "-o", root / "out", "-q")
    assert proc.returncode == 0, proc.stderr
    return root / "out"


def test_hostile_text_reaches_the_incidents_as_plain_text(hostile_map):
    found = {f["properties"]["place"]: f["properties"] for f in features(hostile_map / "incidents.geojson")}
    assert set(found) == {"Boni", "Ayorou"}
    assert SCRIPT in found["Boni"]["evidence"] and FLAG_IMG in found["Boni"]["evidence"]
    assert SCRIPT in found["Ayorou"]["evidence"] and IMG in found["Ayorou"]["evidence"]
    # The page's own <script> is markup, not story: it never becomes article text.
    assert "__incmapPwned = 1" not in found["Ayorou"]["evidence"]
    # Embedded in the map, "</script>" must not be able to close the data block.
    assert SCRIPT not in (hostile_map / "map.html").read_text(encoding="utf-8")


@pytest.mark.skipif(not chromium_available(), reason="/usr/bin/chromium is not installed")
def test_hostile_text_is_shown_in_the_popup_and_never_run(hostile_map, browser):
    ids = {f["properties"]["place"]: f["properties"]["id"] for f in features(hostile_map / "incidents.geojson")}
    opened = MapPage(browser, hostile_map / "map.html")
    page, network, dialogs, errors = opened.page, opened.network, opened.dialogs, opened.errors
    try:
        assert page.evaluate("incmap.count()") == 2
        for place, flag in (("Boni", FLAG_IMG), ("Ayorou", IMG)):
            assert page.evaluate(f"incmap.showIncident({json.dumps(ids[place])})")
            popup = page.locator(f".incmap-popup[data-id='{ids[place]}']")
            popup.wait_for()
            text = popup.inner_text()
            assert SCRIPT in text and flag in text, text
            assert popup.locator("script, img, svg, iframe").count() == 0
            page.hover(f".incmap-popup[data-id='{ids[place]}'] .incmap-evidence")
            page.locator(".leaflet-popup-close-button").click()
        # The page title of the HTML article is shown as text too; its javascript: URL is not a link.
        page.evaluate(f"incmap.showIncident({json.dumps(ids['Ayorou'])})")
        popup = page.locator(f".incmap-popup[data-id='{ids['Ayorou']}']")
        popup.wait_for()
        assert SCRIPT in popup.inner_text()
        assert popup.locator("a[href^='javascript']").count() == 0
        page.wait_for_timeout(300)  # give any onerror handler the time to fire
        assert page.evaluate("window.__incmapPwned") is None
        assert dialogs == []
        assert errors == []
        assert network.blocked == []  # the payload's src=x / src=y were never requested
    finally:
        opened.close()
