"""Named campaigns (geo/data/campaigns.tsv): an operation in its theatre, once per article, a frame beside a strike."""
from incident_helpers import extractor, kinds

extract = extractor("2015-08-20")


def places(text):
    return [(r["category"], r["subtype"], r["place"], r["precision"]) for r in extract(text)]


def test_taking_part_in_a_named_campaign_is_a_campaign_in_its_theatre():
    # a Saudi ministry's news about the families of soldiers: the campaign is fought in Yemen
    assert places("وبحث وزير التعليم مع قيادة القوات المسلحة دعم أسر المشاركين في عملية عاصفة الحزم.") == [
        ("operation", "military_campaign", "Yemen", "country")]


def test_two_campaigns_named_together_are_two_incidents_and_a_name_repeated_is_one():
    text = ('وقال المتحدث إن "عاصفة الحزم" و"إعادة الأمل" حققتا كثيراً من أهدافهما. '
            "وأضاف أن عاصفة الحزم أعادت الشرعية إلى عدن.")
    assert places(text) == [("operation", "military_campaign", "Yemen", "country")] * 2


def test_a_campaign_framing_a_strike_is_that_strike():
    assert kinds(extract("وقصف طيران التحالف العربي في إطار عملية إعادة الأمل أمس مواقع للحوثيين في مدينة لحج.")) == [
        ("operation", "airstrike", "Laḩij")]


def test_restoring_hope_as_a_phrase_is_no_campaign():
    assert extract("وتسعى المبادرة إلى إعادة الأمل للشباب في المدن الفقيرة.") == []


def test_a_place_abroad_is_not_the_campaigns_scene():
    # the forces come home to Abu Dhabi; the campaign they served in is fought in Yemen
    assert places("وعاد إلى أبوظبي جنود شاركوا في عملية إعادة الأمل.") == [
        ("operation", "military_campaign", "Yemen", "country")]


def test_the_campaign_places_the_incident_it_frames():
    # France sends the troops; they deploy where Barkhane is fought, and the campaign is their frame
    assert places("وتنشر فرنسا أربعة آلاف جندي في إطار عملية برخان.") == [("deployment", "deployment", "Mali", "country")]


def test_a_place_inside_a_campaign_name_is_no_scene_and_its_operation_word_is_the_campaign():
    # درع الفرات: the Euphrates is part of the name; عملية is the campaign, not a second operation
    assert places("وأطلقت تركيا عملية درع الفرات بدعم من فصائل المعارضة.") == [
        ("operation", "military_campaign", "Syria", "country")]


def test_an_operation_bearing_a_campaigns_name_is_that_campaign():
    assert places('وأطلق التحالف عملية عسكرية واسعة حملت اسم "النصر الذهبي" لانتزاع مدينة الحديدة.') == [
        ("operation", "military_campaign", "Al Ḩudaydah", "exact")]


def test_a_campaign_beside_the_enemys_seizure_stays_a_campaign():
    # the seizure is the group's attack; the campaign recalled beside it is an operation of its own
    found = places("وسيطر التنظيم على مدينة بن جواد في ليبيا بعد التدخل الذي جرى في عام 2011 في إطار عملية فجر الأوديسا.")
    assert ("attack", "territory_seized", "Bin Jawwād", "exact") in found
    assert any(category == "operation" for category, *_ in found), found
