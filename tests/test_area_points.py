"""Where areas, borders and countries are drawn: an admin area named as a whole at its centre,
a border at the middle of its line, a country at a point inside it."""
import csv
import math
from pathlib import Path

import pytest

from gazetteer import load
from gazetteer.toponyms import find_toponyms
from geo.extract import extract_incidents
from geo.model import Article

DATA = Path(__file__).resolve().parent.parent / "gazetteer" / "data"


def km(a, b):
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


def rows(name):
    with open(DATA / name, encoding="utf-8") as fh:
        return list(csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t"))


def incidents(text):
    return extract_incidents(Article("t.txt", text, published="2016-01-01"))


def test_governorate_named_with_its_cue_is_drawn_in_its_middle_not_at_its_seat():
    [rec] = incidents("شنت مقاتلات التحالف ثلاث غارات جوية على مواقع الحوثيين في محافظة الجوف شمال اليمن.")
    assert rec["place"] == "Al Jawf Governorate"
    # Al Hazm, the seat, lies 100 km west of the middle of the governorate
    assert km((rec["lat"], rec["lon"]), (16.56, 45.61)) < 15
    assert km((rec["lat"], rec["lon"]), (16.16, 44.78)) > 80


def test_area_no_town_is_named_after_is_drawn_in_its_middle_without_a_cue():
    [m] = [m for m in find_toponyms("اندلعت اشتباكات عنيفة في حضرموت بين الجيش ومسلحي القاعدة.")]
    assert m.place.id == "admin:YE:hadramaut" and m.as_area
    assert km(m.point, (16.38, 48.91)) < 15  # not Mukalla on the coast, 200 km south
    assert km((m.place.lat, m.place.lon), (14.54, 49.12)) < 15  # the seat still relates towns to it


def test_area_named_like_its_seat_without_a_cue_is_drawn_at_the_town():
    text = "قتل ثلاثة جنود في هجوم لجماعة بوكو حرام على موقع عسكري في ديفا جنوب شرق النيجر."
    [m] = [m for m in find_toponyms(text) if m.surface == "ديفا"]
    assert not m.as_area
    assert km(m.point, (13.32, 12.61)) < 10  # Diffa town, not the middle of the region 280 km north
    [rec] = incidents(text)
    assert km((rec["lat"], rec["lon"]), (13.32, 12.61)) < 10


def test_toponyms_output_draws_the_area_where_incidents_are_drawn():
    [m] = [m for m in find_toponyms("هاجم مسلحون نقطة للجيش في محافظة الأنبار غربي العراق.") if m.surface == "الأنبار"]
    out = m.as_json("t.txt")
    assert km((out["lat"], out["lon"]), (33.23, 41.53)) < 15  # Ramadi, the seat, is 160 km east
    [rec] = incidents("هاجم مسلحون من تنظيم داعش نقطة للجيش في محافظة الأنبار غربي العراق.")
    assert (rec["lat"], rec["lon"]) == (out["lat"], out["lon"])


def test_border_is_drawn_on_the_border_line():
    [m] = [m for m in find_toponyms("أعلن الجيش إرسال تعزيزات إلى الحدود الجزائرية الليبية لمنع تسلل المسلحين.")
           if m.place.id.startswith("border:")]
    # the Algerian-Libyan border runs along ~10°E between 30°N and 23.5°N
    assert 9.0 < m.point[1] < 11.0 and 24.0 < m.point[0] < 29.5


def test_country_points_lie_inside_their_country():
    gaz = load()
    kuwait = gaz.country("KW")
    assert 46.6 < kuwait.lon < 48.4 and 28.6 < kuwait.lat < 30.1  # the Factbook's 45.75 E is in Iraq
    libya = gaz.country("LY")
    assert km((libya.lat, libya.lon), (28.0, 17.0)) < 50


def test_every_area_centre_belongs_to_an_admin_row_and_lies_within_its_reach():
    regions = {r["id"]: r for r in rows("regions.tsv")}
    centres = rows("area_centres.tsv")
    assert len(centres) > 300
    for c in centres:
        area = regions[c["id"]]
        assert area["kind"] == "admin", c["id"]
        seat = (float(area["lat"]), float(area["lon"]))
        reach = 2 * float(area["radius_km"] or 0) + 60  # a seat may lie on its area's edge (Giza, Mukalla)
        assert km(seat, (float(c["lat"]), float(c["lon"]))) <= reach, c["id"]


def test_every_border_row_names_two_known_countries_in_order():
    gaz = load()
    for r in rows("borders.tsv"):
        a, b = r["countries"].split("-")
        assert a < b, r["countries"]
        ca, cb = gaz.country(a), gaz.country(b)
        assert ca is not None and cb is not None, r["countries"]
        middle = (float(r["lat"]), float(r["lon"]))
        # the middle of a shared border lies within reach of both countries
        for c in (ca, cb):
            assert km(middle, (c.lat, c.lon)) <= c.radius_km * 2 + 150, (r["countries"], c.country)
