"""Regenerate the first-level administrative rows of ``gazetteer/data/regions.tsv``.

Why: an admin area's representative point is taken from its seat (capital)
in GeoNames ``cities500`` rather than typed by hand, so a coordinate can never
be mistyped and stays traceable.  The curated facts (names, Arabic names and
variants, seat, rough radius) live in ``gazetteer/tools/admin_seats.tsv``;
this script turns each of its rows into a ``kind=admin`` row of regions.tsv,
replacing the row with the same id and leaving every other row untouched.
A row without a seat (its seat is missing from cities500) keeps its own
``lat``/``lon``.

Usage:  python -m gazetteer.tools.build_admin_rows [--write]
Without ``--write`` it only reports what would change.
"""
from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

from gazetteer.sources import read_json, read_tsv as _read_named_tsv


def read_tsv_path(path: Path) -> list[dict]:
    """Rows of the TSV file at ``path`` (gazetteer.sources' reader; none if missing)."""
    return _read_named_tsv(path.name, path.parent)


TOOLS_DIR = Path(__file__).resolve().parent
DATA_DIR = TOOLS_DIR.parent / "data"
REGION_COLUMNS = ("id", "geonameid", "kind", "name", "name_ar", "aliases_ar",
                  "country", "lat", "lon", "radius_km")





def admin_row(seat_row: dict, cities: dict) -> dict:
    """The regions.tsv row of one admin area, its point taken from its seat."""
    lat, lon = seat_row["lat"], seat_row["lon"]
    seat = seat_row["seat_geonameid"]
    if seat:
        city = cities[seat]
        if city["countrycode"] != seat_row["country"]:
            raise ValueError(f"{seat_row['id']}: seat {seat} lies in {city['countrycode']}")
        lat, lon = round(city["latitude"], 4), round(city["longitude"], 4)
    if lat in ("", None):
        raise ValueError(f"{seat_row['id']}: neither a seat nor a point")
    return {
        "id": seat_row["id"], "geonameid": "", "kind": "admin",
        "name": seat_row["name"], "name_ar": seat_row["name_ar"],
        "aliases_ar": seat_row["aliases_ar"], "country": seat_row["country"],
        "lat": lat, "lon": lon, "radius_km": seat_row["radius_km"],
    }


def merged_rows(regions: list[dict], generated: list[dict]) -> list[dict]:
    """Hand-written rows in their order, then the generated admin rows in seat-file order."""
    ids = {r["id"] for r in generated}
    return [r for r in regions if r["id"] not in ids] + generated


def to_tsv(rows: list[dict]) -> str:
    """Rows as TSV text, header first."""
    out = io.StringIO()
    writer = csv.DictWriter(out, REGION_COLUMNS, delimiter="\t",
                            quoting=csv.QUOTE_NONE, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def main(argv: list[str]) -> int:
    cities = read_json("cities500.json")
    seats = read_tsv_path(TOOLS_DIR / "admin_seats.tsv")
    generated = [admin_row(r, cities) for r in seats]
    regions_path = DATA_DIR / "regions.tsv"
    regions = read_tsv_path(regions_path) if regions_path.exists() else []
    text = to_tsv(merged_rows(regions, generated))
    if "--write" in argv:
        regions_path.write_text(text, encoding="utf-8")
        print(f"wrote {regions_path}: {text.count(chr(10)) - 1} rows, {len(generated)} admin rows generated")
    else:
        print(f"{len(generated)} admin rows would be generated; pass --write to write")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
