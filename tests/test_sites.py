"""Sites the gazetteer lacks (gazetteer/sites.py): villages, fronts and camps named after a site noun."""
from gazetteer.toponyms import find_toponyms
from geo.extract import extract_incidents
from geo.model import Article


def sites(text):
    return {m.surface: m.place for m in find_toponyms(text) if m.place.kind == "site"}


def test_a_village_after_its_noun_is_placed_at_the_town_the_sentence_ties_it_to():
    found = sites("ألقت مروحيات حربية براميل متفجرة على بلدة عتمان شمال مدينة درعا فجر الأحد.")
    assert set(found) == {"عتمان"}
    assert found["عتمان"].country == "SY"
    assert abs(found["عتمان"].lat - 32.6) < 0.3 and found["عتمان"].geonameid is None


def test_a_plural_noun_opens_a_list_of_villages():
    found = sites("وقصفت الطائرات قرى الزويك والدويركة في جبل الأكراد بريف اللاذقية الشمالي.")
    assert set(found) == {"الزويك", "الدويركة"}
    assert {p.country for p in found.values()} == {"SY"}


def test_descriptions_after_a_site_noun_are_not_names():
    text = "أقامت القوات منطقة آمنة قرب بلدة صغيرة في ريف حلب، ونقلت الجرحى إلى مخيم للنازحين."
    assert sites(text) == {}


def test_a_site_needs_a_known_place_to_stand_by():
    assert sites("سيطر المسلحون على قرية الزويك بعد معارك عنيفة.") == {}


def test_two_villages_of_one_district_are_two_incidents():
    text = ("شن الطيران الحربي غارة على بلدة عتمان في ريف درعا صباح الأحد. "
            "وفي وقت لاحق شن الطيران غارة أخرى على قرية نامر في ريف درعا.")
    found = extract_incidents(Article("t.txt", text))
    places = sorted(r["place_ar"] for r in found if r["subtype"] == "airstrike")
    assert places == ["عتمان", "نامر"]
    assert all(r["precision"] == "near" and r["country"] == "SY" for r in found)


def test_a_definite_name_is_a_name_though_its_bare_word_is_ordinary():
    # طاش and عند are everyday words; الطاش and العند are a district and a town of the news
    found = sites("وقتل جنود في كمين نصبه مسلحون في منطقة الطاش جنوب مدينة الرمادي.")
    assert set(found) == {"الطاش"} and found["الطاش"].country == "IQ"
    # العند is the gazetteer's now (the air base and its town): a name, not a site
    text = "وتواصل القوات تمشيط الجيوب المتبقية في منطقة العند بمحافظة لحج."
    assert [m.place.id for m in find_toponyms(text) if m.surface == "العند"] == ["facility:YE:al-anad"]
    assert sites("وأقامت القوات منطقة الحدود العازلة قرب مدينة الرمادي.") == {}


def test_a_town_pinned_to_an_area_where_its_namesakes_are_not_is_a_site_there():
    found = sites("وقصفت قوات النظام بلدة الطيبة بالغوطة الغربية صباح اليوم.")
    assert set(found) == {"الطيبة"} and found["الطيبة"].country == "SY"


def test_a_verb_of_a_relative_clause_after_a_site_noun_is_no_name():
    assert sites("وتحولت منطقة تتصارع عليها الجيوش قرب مدينة حلب إلى ساحة معارك.") == {}
