"""Rules that make incident extraction hold beyond the seed articles (issue 4).

Every sentence here was written for these tests; the gazetteer and the
toponym recogniser are the real ones.
"""
from geo.extract.layout import headline_spans
from geo.extract.text import sentences, tokenize
from incident_helpers import extractor, kinds, types

PUB = "2021-03-10"
extract = extractor(PUB)


def test_tokens_come_from_the_gazetteer_tokenizer_and_split_digits_from_letters():
    text = "قُتل 12 جنديًا عام 2015م في كيدال."
    toks = tokenize(text)
    assert [text[t.start:t.end] for t in toks] == ["قُتل", "12", "جنديًا", "عام", "2015", "م", "في", "كيدال"]
    assert toks[2].key == "جنديا"
    lines = "العنوان\nهاجم مسلحون القرية. ثم انسحبوا"
    assert [lines[s.start:s.end] for s in sentences(lines)] == [
        "العنوان", "هاجم مسلحون القرية.", "ثم انسحبوا"]


def test_headline_restating_the_body_adds_no_incident():
    text = ("مقتل جنود في هجوم على قاعدة في كيدال\n\n"
            "قتل سبعة جنود ماليين مساء الاثنين في هجوم شنه مسلحون على قاعدة عسكرية في مدينة كيدال.\n")
    assert [text[h.start:h.end] for h in headline_spans(text)] == ["مقتل جنود في هجوم على قاعدة في كيدال"]
    recs = extract(text)
    assert kinds(recs) == [("attack", "armed_assault", "Kidal")]
    assert recs[0]["fatalities"] == 7
    assert len(recs[0]["sources"]) == 2  # the headline is kept as a second source


def test_bomb_and_suicide_bomber_and_generic_attack_in_one_sentence_are_one_incident():
    text = ("لقي ثمانية أشخاص حتفهم عندما فجر انتحاري سيارة مفخخة قرب سوق في مدينة بنغازي، "
            "في هجوم تبنته جماعة أنصار الشريعة.")
    recs = extract(text)
    assert kinds(recs) == [("attack", "suicide_bombing", "Benghazi")]


def test_definite_trigger_after_a_reference_word_names_an_incident_it_does_not_report():
    text = ("هاجم مسلحون مركزا للشرطة في مدينة كيدال أمس.\n"
            "وعقب الهجوم، أعلنت الحكومة حالة الطوارئ في النيجر.")
    recs = extract(text)
    assert kinds(recs) == [("attack", "armed_assault", "Kidal")]


def test_seizing_weapons_is_not_seizing_territory():
    recs = extract("هاجم مسلحون ثكنة في بلدة مونغونو واستولوا على أسلحة وذخائر.")
    assert all(r["subtype"] != "territory_seized" for r in recs)
    assert {r["subtype"] for r in extract("استولى المسلحون على بلدة ميناكا بعد معارك عنيفة.")} == {"territory_seized"}


def test_holding_hostages_is_a_kidnapping_and_stopping_suspects_an_arrest():
    recs = extract("احتجز مسلحون عشرين عاملا رهائن في منشأة نفطية قرب مدينة ورقلة.")
    assert types(recs) == [("attack", "kidnapping")]
    recs = extract("أوقفت قوات الأمن اللبنانية خمسة مشتبه بهم في مدينة صيدا.")
    assert [(r["category"], r["subtype"], r["place"]) for r in recs] == [("operation", "capture_arrest", "Sidon")]
    assert extract("أوقفت الشركة ضخ النفط في مدينة صيدا.") == []


def test_a_nationality_on_a_city_does_not_make_an_attack_a_state_operation():
    recs = extract("ما زالت العاصمة الصومالية تذكر هجوما بشاحنة مفخخة وقع في مقديشو عام 2017.")
    assert {r["category"] for r in recs} == {"attack"}


def test_killed_soldiers_are_victims_and_an_ambush_laid_by_gunmen_is_an_attack():
    recs = extract("قتل خمسة جنود في كمين نصبه مسلحون لدورية قرب مدينة جيبو.")
    assert types(recs) == [("attack", "armed_assault")]


def test_state_forces_fighting_a_group_is_a_military_campaign():
    recs = extract("خاضت القوات التشادية معارك عنيفة ضد جماعة بوكو حرام داخل الأراضي النيجيرية.")
    assert [(r["category"], r["subtype"], r["groups"]) for r in recs] == [
        ("operation", "military_campaign", ["Boko Haram"])]


def test_new_campaign_verbs_retake_drive_out_and_enter():
    recs = extract("استعادت القوات العراقية السيطرة الكاملة على مدينة الفلوجة.")
    assert types(recs) == [("operation", "military_campaign")]
    recs = extract("نجح الجيش الصومالي في طرد مسلحي الحركة من بلدة جلب.")
    assert [(r["category"], r["subtype"], r["place"]) for r in recs] == [("operation", "military_campaign", "Jilib")]
    recs = extract("دخلت القوات الكينية مدينة كسمايو بعد معارك مع المسلحين.")
    assert types(recs) == [("operation", "military_campaign")]
    assert extract("استعاد الفريق زمام المبادرة في مدينة الفلوجة.") == []


def test_a_sentence_without_a_place_happens_where_the_one_before_did():
    text = ("هاجم مسلحون قرية في مقاطعة ولام بمنطقة تيلابيري غرب النيجر.\n"
            "وقال شهود إن المهاجمين أطلقوا النار على السكان وأحرقوا المنازل.")
    recs = extract(text)
    # the second sentence is the same assault, not a new one in the country at large
    assert len(recs) == 1 and recs[0]["precision"] != "country"
    assert len(recs[0]["sources"]) == 2


def test_a_group_named_before_is_the_one_a_later_sentence_speaks_of():
    text = ("تنشط حركة الشباب في جنوب الصومال منذ سنوات.\n"
            "واقتحم مسلحون من الحركة فندقا في مدينة كسمايو أمس.")
    recs = extract(text)
    assert [(r["place"], r["groups"]) for r in recs] == [("Kismayo", ["al-Shabaab"])]


def test_countries_troops_come_from_are_actors_not_locations():
    text = "وتنتشر في الصومال قوات إفريقية تضم جنودا من أوغندا وبوروندي وكينيا."
    recs = extract(text)
    assert [(r["category"], r["country"]) for r in recs] == [("deployment", "SO")]
    assert {"UG", "BI", "KE"} <= set(recs[0]["actors"])


def test_cross_article_merge_is_linear_and_keeps_namesakes_apart():
    """Thousands of records merge through the grid; the same name far away is another place."""

    from geo.extract import merge_incidents

    def rec(i, f, lat, lon, place="X"):
        return {"id": f"{f}-{i}", "category": "attack", "subtype": "armed_assault", "date": "2015-07-20",  # dated: only dated reports merge across articles
                "groups": [], "actors": [], "precision": "exact", "country": "ML", "place": place,
                "geonameid": None, "lat": lat, "lon": lon, "fatalities": None, "confidence": 0.5,
                "source": {"file": f, "start": i, "end": i + 1}, "sources": [{"file": f, "start": i, "end": i + 1}]}

    many = [rec(i, f"a{i}.txt", 10 + (i % 100) * 0.5, (i // 100) * 0.5, place=f"P{i}") for i in range(5000)]
    twins = [rec(0, "b.txt", 10.0, 0.0, place="P0")]
    merged = merge_incidents(many + twins)
    assert len(merged) == 5000
    assert [s["file"] for s in merged[0]["sources"]] == ["a0.txt", "b.txt"]
    namesakes = merge_incidents([rec(0, "x.txt", 32.9, 13.2, "Tripoli"), rec(0, "y.txt", 34.4, 35.8, "Tripoli")])
    assert len(namesakes) == 2
