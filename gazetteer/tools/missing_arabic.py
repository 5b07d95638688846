"""List the populous GeoNames places whose Arabic name is missing: the curation worklist for aliases.tsv.

Why: GeoNames' ``alternatenames`` carry Arabic-script names for only some
places, and many of those are Persian or Urdu spellings that Arabic news never
prints.  A place that news names but the gazetteer cannot find in Arabic is a
silent recall loss, so this script ranks the gaps by population, country by
country, and marks those ``aliases.tsv`` already covers.

Usage:
  python -m gazetteer.tools.missing_arabic [--countries LY,ML,...] [--min-pop 20000]
                                           [--top 40] [--capitals] [--all]
By default it prints, for the region's countries, the places of at least
``--min-pop`` inhabitants (at most ``--top`` per country) that have no Arabic
spelling and are not yet in aliases.tsv; ``--all`` also shows covered ones;
``--capitals`` lists world capitals (from countries.tsv) lacking Arabic.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from gazetteer.sources import read_json, read_tsv as _read_named_tsv


def read_tsv_path(path: Path) -> list[dict]:
    """Rows of the TSV file at ``path`` (gazetteer.sources' reader; none if missing)."""
    return _read_named_tsv(path.name, path.parent)


DATA_DIR = Path(__file__).resolve().parent.parent / "data"

REGION_COUNTRIES = ("LY", "ML", "NE", "BF", "TD", "NG", "MR", "DZ", "TN", "EG",
                    "MA", "SD", "SO", "YE", "SY", "IQ", "LB", "JO", "PS", "SA", "AF")

# Letters of Persian, Urdu, Pashto or Kurdish orthography that Arabic never
# uses: a name holding one is not an Arabic spelling, however Arabic it looks.
NON_ARABIC_LETTERS = frozenset(
    "\u067e\u0686\u0698\u06af\u06a9\u06cc\u0679\u0688\u0691\u06ba\u06be\u06c1"
    "\u06d2\u06d3\u06c6\u06d5\u0695\u06b5\u06ce\u06c7\u06c8\u06c9\u06cb\u0685"
    "\u0681\u0689\u0693\u0696\u069a\u06bc\u0768")


def is_arabic_spelling(name: str) -> bool:
    """True for a name in Arabic letters only (not a Persian/Urdu/Kurdish spelling)."""
    has_arabic = any("\u0621" <= c <= "\u064a" for c in name)
    return has_arabic and not (NON_ARABIC_LETTERS & set(name))


def arabic_names(city: dict) -> list[str]:
    """The Arabic spellings among a GeoNames place's alternate names."""
    return [n for n in city["alternatenames"] if is_arabic_spelling(n)]





def missing_places(cities: dict, countries, min_pop: int, top: int,
                   curated: set[str], show_all: bool) -> list[tuple]:
    """(country, population, id, name, curated?) of the places lacking Arabic, biggest first."""
    out = []
    for cc in countries:
        places = sorted((c for c in cities.values()
                         if c["countrycode"] == cc and c["population"] >= min_pop
                         and not arabic_names(c)),
                        key=lambda c: -c["population"])
        shown = [c for c in places if show_all or str(c["geonameid"]) not in curated]
        out += [(cc, c["population"], c["geonameid"], c["name"],
                 str(c["geonameid"]) in curated) for c in shown[:top]]
    return out


def capitals_lacking_arabic(cities: dict, curated: set[str]) -> list[tuple]:
    """(country, id, name, curated?) of the capitals in countries.tsv with no Arabic spelling."""
    out = []
    for row in read_tsv_path(DATA_DIR / "countries.tsv"):
        cap = row.get("capital_geonameid")
        if cap and cap in cities and not arabic_names(cities[cap]):
            out.append((row["iso2"], cap, cities[cap]["name"], cap in curated))
    return out


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--countries", default=",".join(REGION_COUNTRIES))
    ap.add_argument("--min-pop", type=int, default=20000)
    ap.add_argument("--top", type=int, default=40)
    ap.add_argument("--capitals", action="store_true")
    ap.add_argument("--all", action="store_true", help="also list places aliases.tsv covers")
    args = ap.parse_args(argv)
    cities = read_json("cities500.json")
    curated = {r["geonameid"] for r in read_tsv_path(DATA_DIR / "aliases.tsv")}
    if args.capitals:
        for cc, gid, name, done in capitals_lacking_arabic(cities, curated):
            print(f"{cc}\t{gid}\t{name}\t{'curated' if done else 'MISSING'}")
        return 0
    rows = missing_places(cities, args.countries.split(","), args.min_pop,
                          args.top, curated, args.all)
    for cc, pop, gid, name, done in rows:
        print(f"{cc}\t{pop}\t{gid}\t{name}\t{'curated' if done else 'MISSING'}")
    print(f"{sum(not r[4] for r in rows)} places listed still lack an Arabic name", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
