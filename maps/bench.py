"""How big and how fast the map is with many incidents (``make bench``).

``python -m maps.bench [N ...]`` builds N synthetic incidents (default
20,000) scattered around real places in the Sahel and the Middle East,
renders them with ``maps.to_html``, and opens the page in headless Chromium
with every request but tiles blocked.  It prints one line per figure:
render time, HTML size, page-load time (navigation start until every marker
is clustered) and the marker count.  Exits 1 if the page shows an error or
fewer markers than incidents.
"""
from __future__ import annotations

import json
import random
import sys
import tempfile
import time
from pathlib import Path

from maps.labels import DATA_DIR
from maps.render import to_html



def synthetic_incidents(count: int, seed: int = 7) -> dict:
    """A FeatureCollection of ``count`` plausible incidents (deterministic per seed).

    One in five is located only to a region or a country, with a radius, so
    the uncertainty areas are exercised too.
    """
    spec = json.loads((DATA_DIR / "bench.json").read_text(encoding="utf-8"))
    rng = random.Random(seed)
    features = []
    for index in range(count):
        name, name_ar, cc, lat, lon = rng.choice(spec["places"])
        category = rng.choice(["attack", "attack", "operation", "deployment"])
        variant = rng.randrange(2)
        approximate = rng.random() < 0.2
        evidence = spec["templates"][category][variant].format(place=name_ar)
        day = rng.randrange(1, 29)
        month = rng.randrange(1, 13)
        year = rng.choice([2023, 2024])
        props = {
            "id": f"bench-{index}", "category": category,
            "subtype": spec["subtypes"][category][variant],
            "date": None if rng.random() < 0.1 else f"{year}-{month:02d}-{day:02d}",
            "country": cc, "place": name, "place_ar": name_ar, "geonameid": None,
            "precision": "region" if approximate else "exact",
            "radius_km": 120.0 if approximate else 0.0,
            "groups": [rng.choice(spec["groups"])] if category != "deployment" else [],
            "actors": [cc] if rng.random() < 0.5 else [],
            "fatalities": rng.choice([None, 0, 1, 2, 5, 12]), "confidence": round(rng.random(), 2),
            "source": {"file": f"bench/{index // 10}.txt", "start": 0, "end": len(evidence)},
            "evidence": evidence, "trigger": spec["triggers"][category][variant],
            "url": f"https://news.example.org/{index}", "title": None,
        }
        jitter = 0.0 if approximate else 0.6
        point = [round(lon + rng.uniform(-jitter, jitter), 5), round(lat + rng.uniform(-jitter, jitter), 5)]
        features.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": point},
                         "properties": props})
    return {"type": "FeatureCollection", "features": features}


def load_in_chromium(path: Path, timeout_ms: int = 60000) -> dict:
    """Open a map file in headless Chromium; time it and count what it shows."""
    from playwright.sync_api import sync_playwright

    from maps.browser import READY, Network, launch

    errors: list[str] = []
    with sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            network = Network()
            page.route("**/*", network)
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: errors.append(str(e)))
            started = time.perf_counter()
            page.goto(path.as_uri(), timeout=timeout_ms)
            page.wait_for_function(READY, timeout=timeout_ms, polling=20)
            wall = time.perf_counter() - started
            in_page = page.evaluate("performance.now()") / 1000
            markers = page.evaluate("window.incmap.count()")
        finally:
            browser.close()
    return {"wall_s": wall, "page_s": in_page, "markers": markers, "errors": errors,
            "blocked": network.blocked}


def bench(count: int) -> bool:
    """Measure one size; print its figures; True when the page was correct."""
    collection = synthetic_incidents(count)
    started = time.perf_counter()
    html = to_html(collection, title=f"incmap bench: {count} incidents")
    render_s = time.perf_counter() - started
    with tempfile.TemporaryDirectory(prefix="incmap-bench-") as tmp:
        path = Path(tmp) / "map.html"
        path.write_text(html, encoding="utf-8")
        size_mb = path.stat().st_size / 1e6
        result = load_in_chromium(path)
    print(f"map render ({count} incidents): {render_s:.2f} s")
    print(f"map html size ({count} incidents): {size_mb:.1f} MB")
    print(f"map load in chromium ({count} incidents): {result['wall_s']:.2f} s "
          f"(in page {result['page_s']:.2f} s)")
    print(f"map markers shown ({count} incidents): {result['markers']}")
    ok = result["markers"] == count and not result["errors"] and not result["blocked"]
    for problem in result["errors"] + [f"blocked request: {u}" for u in result["blocked"]]:
        print(f"map problem: {problem}", file=sys.stderr)
    return ok


def main(argv: list[str] | None = None) -> int:
    """``python -m maps.bench [N ...]``."""
    sizes = [int(a) for a in (sys.argv[1:] if argv is None else argv)] or [20000]
    return 0 if all([bench(n) for n in sizes]) else 1


if __name__ == "__main__":
    sys.exit(main())
