"""Regenerate ``gazetteer/data/area_centres.tsv``: the point a map draws for an admin area named as a whole.

Why: an admin row's ``lat``/``lon`` is its seat (build_admin_rows.py), the
right point for telling namesakes apart and for "is this town in that
province", but the wrong one to draw "airstrikes in Al-Jawf governorate" at:
Al Hazm lies 100 km from the middle of Al-Jawf, Mukalla 200 km from the
middle of Hadramawt.  Natural Earth's admin-1 table (public domain) carries a
label point inside each polygon; this script copies those points for our
admin rows.  It reads them from the ``properties`` (``latitude``,
``longitude``) of the per-country files of the npm package
``@highcharts/map-collection`` (2.3.3), which ships Natural Earth's attributes;
no geometry is copied.

Matching is by English name (ours, our id's slug, Natural Earth's name,
woe-name and alt-names, folded to ASCII without "Governorate", "al-" and the
like), or by ``area_centre_names.tsv`` where the names differ.  An area that
matches no polygon or several keeps no centre and is drawn at its seat.

Usage:
    npm pack @highcharts/map-collection && tar xzf highcharts-map-collection-*.tgz
    python -m gazetteer.tools.build_area_centres package/countries [--write]
"""
from __future__ import annotations

import csv
import io
import json
import re
import sys
import unicodedata
from pathlib import Path

from gazetteer.sources import read_tsv

TOOLS_DIR = Path(__file__).resolve().parent
DATA_DIR = TOOLS_DIR.parent / "data"
COLUMNS = ("id", "lat", "lon", "source_name")

_GENERIC = re.compile(r"\b(?:governorate|province|state|region|district|wilaya|muhafazah|prefecture|department"
                      r"|municipality|of|the|al|el|ad|as|ash|an|ar|at|az|ed|es|adh|dh)\b")


def fold(name: str | None) -> str:
    """An English place name reduced for matching: ASCII, lower case, generic words and spaces gone."""
    s = unicodedata.normalize("NFKD", name or "").encode("ascii", "ignore").decode().lower()
    s = re.sub(r"[`'´’\-_.,]", " ", s)
    return re.sub(r"\s+", "", _GENERIC.sub(" ", s))


def polygon_names(props: dict) -> set[str]:
    """Every folded name Natural Earth gives one polygon."""
    names = {fold(props.get("name")), fold(props.get("woe-name"))}
    names |= {fold(a) for a in (props.get("alt-name") or "").split("|")}
    names.discard("")
    return names


def label_points(countries_dir: Path, iso2: str) -> list[dict]:
    """The admin-1 polygons' properties of one country that carry a label point."""
    path = countries_dir / iso2.lower() / f"{iso2.lower()}-all.geo.json"
    if not path.exists():
        return []
    features = json.loads(path.read_text(encoding="utf-8"))["features"]
    return [f["properties"] for f in features if f["properties"].get("latitude")]


def match(row: dict, polygons: list[dict], named: dict[str, str]) -> dict | None:
    """The one polygon that is the admin area of ``row``, or None when none or several are."""
    if row["id"] in named:
        hits = [p for p in polygons if p.get("name") == named[row["id"]]]
    else:
        want = {fold(row["name"]), fold(row["id"].rsplit(":", 1)[-1])}
        hits = [p for p in polygons if want & polygon_names(p)]
    return hits[0] if len(hits) == 1 else None


def centre_rows(countries_dir: Path) -> tuple[list[dict], list[str]]:
    """(area_centres.tsv rows, ids of the admin rows left without a centre)."""
    named = {r["id"]: r["ne_name"] for r in read_tsv("area_centre_names.tsv", TOOLS_DIR)}
    rows, unmatched, by_country = [], [], {}
    for r in read_tsv("regions.tsv"):
        if r["kind"] != "admin":
            continue
        cc = r["country"]
        if cc not in by_country:
            by_country[cc] = label_points(countries_dir, cc)
        hit = match(r, by_country[cc], named)
        if hit is None:
            unmatched.append(r["id"])
            continue
        rows.append({"id": r["id"], "lat": round(float(hit["latitude"]), 4),
                     "lon": round(float(hit["longitude"]), 4), "source_name": hit["name"]})
    return rows, unmatched


def to_tsv(rows: list[dict]) -> str:
    """Rows as TSV text, header first."""
    out = io.StringIO()
    writer = csv.DictWriter(out, COLUMNS, delimiter="\t", quoting=csv.QUOTE_NONE, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    if len(args) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    rows, unmatched = centre_rows(Path(args[0]))
    print(f"{len(rows)} admin areas with a centre; {len(unmatched)} keep their seat: {' '.join(unmatched)}")
    if "--write" in argv:
        path = DATA_DIR / "area_centres.tsv"
        path.write_text(to_tsv(rows), encoding="utf-8")
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
