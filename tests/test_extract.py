"""Incident extraction on Arabic news sentences written for these tests (real gazetteer, real toponyms)."""
import pytest

from geo.extract import extract_incidents, merge_incidents
from geo.model import PROPERTY_KEYS, SUBTYPES, Article

PUB = "2021-03-10"  # a Wednesday


def extract(text, published=PUB, path="t.txt"):
    return extract_incidents(Article(path, text, published=published))


def one(text, **kw):
    recs = extract(text, **kw)
    assert len(recs) == 1, [(r["subtype"], r["place"]) for r in recs]
    return recs[0]


@pytest.mark.parametrize("text, category, subtype, country", [
    ("هاجم مسلحون من تنظيم داعش ثكنة للجيش في مدينة الموصل يوم الأحد.", "attack", "armed_assault", "IQ"),
    ("فجر انتحاري نفسه في سوق شعبي بمدينة مقديشو أمس، ما أسفر عن مقتل 12 شخصا.", "attack", "suicide_bombing", "SO"),
    ("انفجرت عبوة ناسفة بدورية عسكرية قرب مدينة كيدال في شمال مالي.", "attack", "explosive_device", "ML"),
    ("اختطف مسلحون ثلاثة عمال أجانب في ولاية زمفارا النيجيرية.", "attack", "kidnapping", "NG"),
    ("سيطرت جماعة نصرة الإسلام والمسلمين على بلدة جيبو في بوركينا فاسو.", "attack", "territory_seized", "BF"),
    ("شنت طائرات أمريكية غارة جوية على مواقع لحركة الشباب في الصومال وقتلت 15 مسلحا.", "operation", "airstrike", "SO"),
    ("داهمت قوات الأمن مخبأ لخلية إرهابية في مدينة سوسة.", "operation", "ground_raid", "TN"),
    ("ألقت القوات العراقية القبض على قيادي في تنظيم الدولة في كركوك.", "operation", "capture_arrest", "IQ"),
    ("أطلق الجيش النيجيري عملية عسكرية واسعة ضد بوكو حرام في ولاية بورنو.", "operation", "military_campaign", "NG"),
    ("أرسلت فرنسا 500 جندي إضافي إلى النيجر.", "deployment", "deployment", "NE"),
])
def test_each_subtype(text, category, subtype, country):
    rec = one(text)
    assert (rec["category"], rec["subtype"], rec["country"]) == (category, subtype, country)
    assert SUBTYPES[rec["subtype"]] == rec["category"] or rec["category"] == "deployment"
    assert set(PROPERTY_KEYS) | {"lat", "lon"} <= set(rec)
    assert rec["evidence"] == text[rec["source"]["start"]:rec["source"]["end"]]
    assert rec["trigger"] in rec["evidence"]
    assert rec["acled_event_type"] and rec["acled_sub_event_type"]
    assert 0.0 < rec["confidence"] <= 1.0


def test_attributes_of_an_attack():
    rec = one("هاجم مسلحون من تنظيم داعش ثكنة للجيش في مدينة الموصل يوم الأحد.")
    assert rec["place"] == "Mosul" and rec["precision"] == "exact" and rec["radius_km"] == 0
    assert rec["groups"] == ["ISIS"]
    assert rec["date"] == "2021-03-07"  # the Sunday before publication
    assert rec["acled_event_type"] == "Battles"


def test_place_the_sentence_ties_to_the_trigger_and_near_precision():
    rec = one("انفجرت عبوة ناسفة بدورية عسكرية قرب مدينة كيدال في شمال مالي.")
    assert rec["place"] == "Kidal" and rec["precision"] == "near"
    assert rec["acled_sub_event_type"] == "Remote explosive/landmine/IED"


def test_state_actor_from_demonym_and_from_country_subject():
    assert one("شنت طائرات أمريكية غارة جوية على مواقع لحركة الشباب في الصومال.")["actors"] == ["US"]
    rec = one("أرسلت فرنسا 500 جندي إضافي إلى النيجر.")
    assert rec["actors"] == ["FR"] and rec["place"] == "Niger" and rec["precision"] == "country"


def test_group_of_an_operation_is_its_target():
    rec = one("أطلق الجيش النيجيري عملية عسكرية واسعة ضد بوكو حرام في ولاية بورنو.")
    assert rec["groups"] == ["Boko Haram"] and rec["actors"] == ["NG"]


def test_fatalities_digits_and_words():
    assert one("فجر انتحاري نفسه في سوق شعبي بمدينة مقديشو أمس، ما أسفر عن مقتل 12 شخصا.")["fatalities"] == 12
    assert one("نصب مسلحون كمينا لدورية في ولاية بورنو أودى بحياة سبعة جنود.")["fatalities"] == 7


def test_relative_date_needs_publication():
    text = "فجر انتحاري نفسه في سوق شعبي بمدينة مقديشو أمس."
    assert one(text)["date"] == "2021-03-09"
    assert one(text, published=None)["date"] is None


def test_dateline_gives_the_publication_date():
    text = "الثلاثاء 9 مارس 2021 - 18:40\nفجر انتحاري نفسه في سوق شعبي بمدينة مقديشو أمس."
    assert one(text, published=None)["date"] == "2021-03-08"


@pytest.mark.parametrize("text", [
    "نفت وزارة الدفاع أن تكون طائراتها قد قصفت مواقع في ليبيا.",
    "يعتزم الجيش شن هجوم على معاقل التنظيم في إدلب.",
    "لم يشن التنظيم أي هجوم على مدينة غاو.",
    "لو سيطر المسلحون على مدينة درنة لكانت كارثة.",
    "هل تشن الولايات المتحدة غارات على اليمن؟",
    "تستعد القوات الأمريكية لإرسال تعزيزات إلى سوريا.",
    "دعا زعيم التنظيم أنصاره للقيام بهجمات في أوروبا.",
    "نشرت الصحيفة تقريرا عن الوضع في مدينة سرت.",
])
def test_plans_denials_questions_and_non_military_words_are_not_incidents(text):
    assert extract(text) == []


def test_unconfirmed_reports_stay_with_lower_confidence():
    sure = one("هاجم مسلحون قرية في ولاية بورنو.")
    hedged = one("أفادت أنباء غير مؤكدة بأن مسلحين هاجموا قرية في ولاية بورنو.")
    assert hedged["subtype"] == sure["subtype"] == "armed_assault"
    assert hedged["confidence"] < sure["confidence"]


def test_statement_over_several_countries_gives_one_incident_each():
    recs = extract("تنتشر قوات فرنسية في مالي والنيجر وتشاد.")
    assert sorted(r["country"] for r in recs) == ["ML", "NE", "TD"]
    assert len({r["evidence"] for r in recs}) == 1 and len({r["id"] for r in recs}) == 3
    assert all(r["actors"] == ["FR"] for r in recs)


def test_one_incident_told_twice_is_one_record():
    text = "هاجم مسلحون قرية في ولاية بورنو. وأسفر الهجوم عن مقتل 5 أشخاص."
    rec = one(text)
    assert len(rec["sources"]) == 2 and rec["fatalities"] == 5


def test_two_attacks_in_one_sentence_stay_apart():
    recs = extract("هاجم مسلحون ثكنة للجيش في مالي وسيطروا على بلدة جيبو في بوركينا فاسو.")
    assert sorted(r["subtype"] for r in recs) == ["armed_assault", "territory_seized"]


def test_ids_are_stable():
    text = "داهمت قوات الأمن مخبأ لخلية إرهابية في مدينة سوسة."
    assert one(text)["id"] == one(text)["id"]
    assert one(text)["id"] != one(text, path="other.txt")["id"]


def test_merge_same_incident_from_two_articles():
    a = one("داهمت قوات الأمن مخبأ لخلية إرهابية في مدينة سوسة أمس.", path="a.txt")
    b = extract("قالت مصادر إن قوات الأمن داهمت مخبأ في سوسة أمس، واعتقلت ثلاثة مشتبه بهم.", path="b.txt")
    assert sorted(r["subtype"] for r in b) == ["capture_arrest", "ground_raid"]
    b_raid = next(r for r in b if r["subtype"] == "ground_raid")
    merged = merge_incidents([b_raid, a])
    assert len(merged) == 1
    assert [s["file"] for s in merged[0]["sources"]] == ["a.txt", "b.txt"]
    assert merged[0]["id"] == a["id"]
    assert merge_incidents([a, b_raid]) == merged  # order of input does not matter


def test_merge_keeps_different_places_and_dates_apart():
    a = one("داهمت قوات الأمن مخبأ في مدينة سوسة أمس.", path="a.txt")
    b = one("داهمت قوات الأمن مخبأ في مدينة صفاقس أمس.", path="b.txt")
    c = one("داهمت قوات الأمن مخبأ في مدينة سوسة في 2 يناير 2020.", path="c.txt")
    assert len(merge_incidents([a, b, c])) == 3
