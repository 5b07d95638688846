"""Held-out evaluation of the place-name resolver (issue 2's acceptance list).

``tests/data/resolve_eval.tsv`` lists about 120 Arabic place names as Arabic
news write them -- countries, capitals, small Sahel and Libyan towns, spelling
variants, regions and namesake traps -- each with the place a reader would
understand.  The list was written without looking at the gazetteer's own data,
so it measures how the resolver generalises rather than what it memorised.

Acceptance: the first candidate is right for at least 95% of the rows.  What
"right" means depends on the row, which its ``note`` column announces:

* ``country ...`` -- the candidate is a country with the same ISO2 code
  (or carries the same GeoNames id);
* ``region ...`` -- a region has no GeoNames id and no agreed centroid, so the
  candidate must lie in the same country (or both in none) within 500 km of
  the row's point;
* anything else -- same GeoNames id, or, since a gazetteer may hold a near
  duplicate of a town, the same country within 25 km.
"""
from __future__ import annotations

import csv
import math
from pathlib import Path


EVAL_TSV = Path(__file__).parent / "data" / "resolve_eval.tsv"
COLUMNS = ["query", "name", "country", "lat", "lon", "geonameid", "note"]
REQUIRED_ACCURACY = 0.95
TOWN_RADIUS_KM = 25.0
REGION_RADIUS_KM = 500.0


def load_rows(path: Path = EVAL_TSV) -> list[dict]:
    """Read the evaluation list into dicts with typed lat/lon/geonameid.

    Empty ``country`` and ``geonameid`` cells become None, because regions
    spanning several countries and places missing from GeoNames have neither.
    """
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        assert reader.fieldnames == COLUMNS, reader.fieldnames
        rows = []
        for raw in reader:
            rows.append({
                "query": raw["query"],
                "name": raw["name"],
                "country": raw["country"] or None,
                "lat": float(raw["lat"]),
                "lon": float(raw["lon"]),
                "geonameid": int(raw["geonameid"]) if raw["geonameid"] else None,
                "note": raw["note"],
            })
    return rows


def row_kind(row: dict) -> str:
    """``country``, ``region`` or ``place``: the note's first word says which."""
    first = row["note"].split(";")[0].strip()
    return first if first in ("country", "region") else "place"


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres (the 25 km / 500 km thresholds are on the ground)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(a))


def is_hit(row: dict, place) -> bool:
    """Whether ``place`` (a gazetteer Place, or None) is what ``row`` means."""
    if place is None:
        return False
    kind = row_kind(row)
    if row["geonameid"] is not None and place.geonameid == row["geonameid"]:
        return True
    if kind == "country":
        return place.kind == "country" and place.country == row["country"]
    distance = haversine_km(row["lat"], row["lon"], place.lat, place.lon)
    if kind == "region":
        return place.country == row["country"] and distance <= REGION_RADIUS_KM
    return place.country == row["country"] and distance <= TOWN_RADIUS_KM


def describe(place) -> str:
    """A one-line account of a resolved place, for the list of misses."""
    if place is None:
        return "nothing"
    return (f"{place.name} [{place.kind}, {place.country}, id={place.geonameid}, "
            f"{place.lat:.2f},{place.lon:.2f}]")


# -- the list itself -------------------------------------------------------


def test_eval_list_is_well_formed():
    """The list has the agreed mix and no duplicate queries, so accuracy means something."""
    rows = load_rows()
    queries = [r["query"] for r in rows]
    assert len(rows) >= 100
    assert len(set(queries)) == len(queries), "duplicate queries"
    kinds = [row_kind(r) for r in rows]
    assert kinds.count("country") >= 20
    assert kinds.count("region") >= 8
    assert kinds.count("place") >= 60
    for r in rows:
        assert r["query"].strip() == r["query"] and r["query"]
        assert -90 <= r["lat"] <= 90 and -180 <= r["lon"] <= 180
        if r["country"] is not None:
            assert len(r["country"]) == 2 and r["country"].isupper()
        if row_kind(r) == "region":
            assert r["geonameid"] is None
        if row_kind(r) == "country":
            assert r["geonameid"] is not None and r["country"] is not None


def test_eval_ids_agree_with_geonames(geonames_by_id):
    """Every id and point in the list is GeoNames' own (guards against typed-in coordinates)."""
    cities, countries = geonames_by_id
    for r in load_rows():
        gid = r["geonameid"]
        if gid is None:
            continue
        if row_kind(r) == "country":
            assert countries.get(gid) == r["country"], r
            continue
        city = cities.get(gid)
        assert city is not None, f"{r['query']}: {gid} not in cities500"
        assert city["countrycode"] == r["country"], r
        assert abs(city["latitude"] - r["lat"]) < 1e-4 and abs(city["longitude"] - r["lon"]) < 1e-4, r


def test_hit_rule_tells_right_from_wrong():
    """The scoring itself: a namesake in another country is a miss, a near duplicate a hit."""
    from gazetteer.model import Place

    tripoli_row = next(r for r in load_rows() if r["query"] == "طرابلس")
    libya_tripoli = Place("x", 2210247, "Tripoli", "طرابلس", "LY", 32.89, 13.19, "city")
    lebanon_tripoli = Place("y", 266826, "Tripoli", "طرابلس", "LB", 34.43, 35.84, "city")
    duplicate = Place("z", None, "Tripoli", "طرابلس", "LY", 32.95, 13.10, "city")
    assert is_hit(tripoli_row, libya_tripoli)
    assert not is_hit(tripoli_row, lebanon_tripoli)
    assert is_hit(tripoli_row, duplicate)
    algeria_row = next(r for r in load_rows() if r["query"] == "الجزائر")
    algiers = Place("a", 2507480, "Algiers", "الجزائر", "DZ", 36.73, 3.09, "city")
    assert not is_hit(algeria_row, algiers)


# -- the acceptance check ---------------------------------------------------


def test_first_candidate_accuracy_on_held_out_list():
    """Issue 2: the resolver's first candidate is right for at least 95% of the list."""
    import gazetteer

    gaz = gazetteer.load()
    rows = load_rows()
    misses = []
    for row in rows:
        candidates = gaz.resolve(row["query"])
        best = candidates[0].place if candidates else None
        if not is_hit(row, best):
            misses.append(f"{row['query']}: expected {row['name']} ({row['country']}), "
                          f"got {describe(best)}")
    accuracy = 1 - len(misses) / len(rows)
    report = f"accuracy {accuracy:.3f} on {len(rows)} names; misses:\n" + "\n".join(misses)
    print(report)
    assert accuracy >= REQUIRED_ACCURACY, report
