"""Session 8's reading rules, on sentences written for these tests."""
from geo.extract import extract_incidents
from geo.extract.text import Span, clauses
from geo.model import Article


def incidents(text):
    return extract_incidents(Article("t.txt", text, published="2016-03-20"))


def test_a_time_between_commas_keeps_the_subject_in_its_clause():
    text = "كما تمكن الثوار، مساء أول أمس، من استعادة السيطرة على بلدة كنسبا في ريف اللاذقية"
    assert len(clauses(text, Span(0, len(text)))) == 1
    [rec] = incidents(text)
    # the rebels, not the regime, took the town back: a seizure by fighters
    assert (rec["category"], rec["subtype"]) == ("attack", "territory_seized")


def test_a_time_between_commas_before_a_new_clause_still_ends_the_clause():
    text = ("قتل مدني في قصف شنه الحوثيون على أحياء سكنية في مدينة تعز، ليلة السبت، في وقت شن طيران "
            "التحالف غارات على معسكر اللواء 35 في مدينة المخاء.")
    assert len(clauses(text, Span(0, len(text)))) == 3
    places = {r["place"] for r in incidents(text)}
    assert {"Taiz", "al-Mkha'"} <= places  # two incidents, each at its own town


def test_an_army_bulletin_with_a_time_aside_is_read_as_one_clause():
    [rec] = incidents("قضت مفرزة للجيش، أمس، على إرهابيين اثنين في ولاية تيزي وزو")
    assert rec["category"] == "operation" and rec["country"] == "DZ"


def test_a_village_word_does_not_vouch_for_a_city_abroad():
    from gazetteer.toponyms import find_toponyms
    story = ("قصفت قوات النظام السوري مواقع المعارضة في ريف اللاذقية وريف حماة، وقالت مصادر في دمشق إن "
             "التعزيزات مستمرة. كما نقلت دبابات وآليات عسكرية إلى قرية البسيط الخاضعة لسيطرتها في ريف اللاذقية "
             "الشمالي.")
    [m] = [m for m in find_toponyms(story) if m.surface == "البسيط"]
    assert m.place.country == "SY"  # a Syrian village, not Albacete (al-Basit) in Spain
    [m] = [m for m in find_toponyms("وصل الوزير إلى مدينة البسيط الإسبانية للمشاركة في المؤتمر")
           if m.surface == "البسيط"]
    assert m.place.country == "ES"  # a city word before a city: Albacete itself


def test_a_news_agency_name_is_no_place():
    from gazetteer.toponyms import find_toponyms
    assert find_toponyms("وذكرت وكالة انباء الاناضول المقربة من الحكومة أن الرجل قتل") == []
    assert [m.surface for m in find_toponyms("ونقلت وكالة أنباء رويترز عن مصادر في بغداد")] == ["بغداد"]
    assert [m.surface for m in find_toponyms("وتحدثت أنباء من العراق عن معارك")] == ["العراق"]


def test_a_group_named_behind_a_verb_with_a_pronoun_fired_the_shells():
    [rec] = incidents("أصيب ثلاثة مدنيين في قصف شنه الحوثيون على أحياء سكنية في مدينة تعز")
    # the Houthis shelled the town: a group's shelling, not a state's air strike
    assert (rec["category"], rec["subtype"]) == ("attack", "explosive_device")
    assert rec["groups"] == ["Houthis"]
