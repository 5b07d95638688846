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


def test_a_siege_named_as_a_noun_is_an_incident_where_it_is_laid():
    [rec] = incidents("وذلك بعد ثلاثة أسابيع من حصار مدينة الزبداني الواقعة في الريف الغربي للعاصمة السورية دمشق")
    assert rec["category"] == "operation" and rec["place"] == "Az Zabadānī"  # not Damascus, which locates it
    [rec] = incidents("فرضت المليشيات الحوثية حصارا خانقا على مدينة تعز")
    assert rec["category"] == "attack" and rec["groups"] == ["Houthis"]  # a group's siege is its attack


def test_a_siege_broken_or_lifted_is_none_laid():
    assert incidents("بعد أن فك الثوار الحصار عن مدينة تعز") == []
    assert incidents("تعتبر هذه الخطوة متقدمة في مشروع فك الحصار عن مدينة داريا") == []
    assert incidents("تواصل الدول العربية الحصار الاقتصادي على قطر") == []


def test_a_place_that_locates_another_is_not_the_scene():
    [rec] = incidents("قصفت الطائرات مدينة الزبداني الواقعة في الريف الغربي للعاصمة السورية دمشق")
    assert rec["place"] == "Az Zabadānī"
    places = {r["place"] for r in incidents("قصفت الطائرات مدينة دمشق وبلدة الزبداني")}
    assert places == {"Damascus", "Az Zabadānī"}  # two places the strikes hit, neither locating the other


def test_pounding_and_street_fighting_are_incidents():
    [rec] = incidents("واصلت طائرات الأباتشي العسكرية دكّ معاقل تنظيم بيت المقدس الإرهابي في شمال سيناء")
    assert (rec["category"], rec["subtype"]) == ("operation", "airstrike")
    [rec] = incidents("تخوض المقاومة حاليا حرب شوارع للسيطرة على مبنى البريد في مدينة تعز")
    assert rec["category"] == "attack" and rec["place"] == "Taiz"


def test_a_tag_line_under_the_article_is_no_sentence():
    recs = incidents("قتل خمسة جنود في هجوم على نقطة عسكرية في مدينة العريش.\nسمات انفجار ضابط مصر حصار صنعاء")
    assert [r["place"] for r in recs] == ["Arīsh"]
    # glued to the last paragraph, after its full stop
    recs = incidents("قتل خمسة جنود في هجوم على نقطة عسكرية في مدينة العريش. سمات انفجار ضابط مصر حصار صنعاء")
    assert [r["place"] for r in recs] == ["Arīsh"]


def test_dual_barrel_bombs():
    [rec] = incidents("قتل خمسة مدنيين جراء استهداف الطيران المروحي ببرميلين متفجرين مدينة داريا")
    assert (rec["category"], rec["subtype"], rec["place"]) == ("operation", "airstrike", "Dārayyā")


def test_where_fighters_came_from_is_not_the_scene():
    [rec] = incidents("هاجم مسلحون قادمون من مدينة درنة بوابة عسكرية قرب مدينة طبرق")
    assert rec["place"] == "Tobruk"  # they came from Derna; the gate they attacked is near Tobruk


def test_a_killing_counted_after_the_killer_named_after_the_verb():
    [rec] = incidents("وقتل الجيش الجزائري في نهاية مايو 25 اسلاميا قرب البويرة")
    assert rec["category"] == "operation" and rec["country"] == "DZ"  # the army killed 25 fighters
    assert incidents("قتل الجيش الأبرياء في 3 قرى قرب البويرة") == []  # three villages are no count of dead
    [rec] = incidents("أعلنت حركة طالبان الباكستانية المسؤولية عن قتل القاضي طاهر خان نيازي في مدينة روالبندي")
    assert rec["category"] == "attack" and rec["place"] == "Rawalpindi"  # a judge killed, by title


def test_a_place_that_falls_into_hands_is_seized():
    [rec] = incidents("سقوط قاعدة العند بيد الجيش الوطني والمقاومة في محافظة لحج")
    assert rec["category"] == "operation" and rec["place"] == "Al Anad Air Base"  # the army's taking of the base
    assert all(r["subtype"] != "territory_seized" for r in incidents("سقوط قتلى وجرحى في قصف على مدينة تعز"))


def test_striking_told_by_the_verb_or_its_noun_beside_aircraft():
    [rec] = incidents("كثف طيران التحالف ضرب ميليشيات الحوثي وقوات المخلوع في مدينة زنجبار اليمنية")
    # the coalition's aircraft struck; the Houthis after the noun are its target, not its authors
    assert (rec["category"], rec["subtype"], rec["place"]) == ("operation", "airstrike", "Zinjibār")
    assert incidents("ضرب الرئيس مثلا بالحرب في مؤتمر صحفي") == []


def test_what_towns_wait_for_and_mines_cleared_are_no_incidents():
    assert incidents("ساعات وأيام تمر والفلوجة والرمادي تنتظران دخول القوات الحكومية العراقية") == []
    assert incidents("بدأت الفرق الهندسية في عدن التخلص من الالغام التي زرعها الحوثي في الطريق") == []


def test_forces_still_stationed_in_the_plural():
    [rec] = incidents("لا يزال قرابة 2500 جندي فرنسي يتمركزون في قاعدة غاو شمالي مالي")
    assert rec["category"] == "deployment" and rec["place"] == "Gao"


def test_dead_counted_before_the_fighters_they_were():
    [rec] = incidents("أوضحت مصادر أن العشرات من المسلحين الحوثيين وقوات صالح قتلوا في مناطق متفرقة من مدينة تعز")
    assert rec["place"] == "Taiz" and rec["groups"] == ["Houthis"]


def test_a_town_freed_from_a_grip():
    [rec] = incidents("وكانت الضالع اول محافظة تحررت من قبضة الحوثيين")
    assert rec["category"] == "operation" and rec["country"] == "YE"
    assert incidents("تحررت المرأة من القيود في مدينة عدن") == []


def test_a_relative_pronoun_or_a_locating_adjective_ends_a_name_after_a_cue():
    from gazetteer.toponyms import find_toponyms
    [m] = find_toponyms("وتستمر المواجهات في مديرية لودر التي تستعد المقاومة لاستعادة السيطرة عليها")
    assert m.place.name == "Lawdar"
    places = [m.place.name for m in find_toponyms("سيطرت المقاومة على مدينة لودر التابعة للمحافظة بعد مواجهات")]
    assert places == ["Lawdar"]


def test_a_place_nearer_another_events_trigger_is_that_events():
    recs = incidents("تحدث مسؤول أمني عن اشتباكات عنيفة مع القوات العراقية شرق مدينة الرمادي، وقصف الجيش العراقي "
                     "براجمات صواريخ أحياء في الفلوجة وسط المدينة، وكثفت القوات العراقية هجومها على المدن والبلدات "
                     "الرئيسية في محافظة الأنبار لاستعادتها من تنظيم داعش.")
    by_trigger = {r["trigger"]: r["place"] for r in recs}
    assert by_trigger["وقصف"] == "Al Fallūjah"
    assert by_trigger["هجومها"] == "Al Anbar Governorate"  # its own clause's place, not the shelling's town


def test_what_a_foiled_act_was_aimed_at_and_fighting_not_reported_are_no_incidents():
    assert incidents("وتواترت أنباء عن إحباط عملية إرهابية أخرى كانت تستهدف مقر قيادة قوات الطوارئ في الرياض") == []
    assert incidents("ورغم الهدنة لم ترد أنباء فورية عن وقوع قتال عنيف قرب عدن نفسها") == []
    [rec] = incidents("قصفت الطائرات مواقع في مدينة تعز ولم ترد أنباء عن إصابات")  # a strike with no casualties reported
    assert rec["place"] == "Taiz"


def test_an_advance_made_by_a_subject_between_the_verb_and_its_noun():
    [rec] = incidents("حقق مقاتلو داعش تقدما في حي النشوة جنوبي مدينة الحسكة")
    assert (rec["category"], rec["subtype"]) == ("attack", "territory_seized")  # fighters' advance takes ground
    assert incidents("حققت المفاوضات في جنيف تقدما في الملف السوري") == []


def test_a_subheading_restates_the_paragraphs_under_it():
    text = ("القوات تتقدم في عدن\nسيطرت قوات المقاومة الشعبية على مطار عدن الدولي أمس بعد معارك عنيفة.\n"
            "وقال مصدر عسكري إن القوات تواصل تمشيط الأحياء.\nغارات مكثفة للتحالف\n"
            "وشنت طائرات التحالف غارات على مواقع الحوثيين في مدينة لحج أمس.\n")
    subjects = [r["evidence"] for r in incidents(text)]
    assert "غارات مكثفة للتحالف" not in subjects  # the strikes are those of the paragraph below it
    assert any("لحج" in e for e in subjects)


def test_dead_counted_before_who_among_them():
    [rec] = incidents("وقال مدير الصحة إن 57 مدنيا بينهم 12 طفلا وست نساء قتلوا في مدينة عدن أمس")
    assert rec["place"] == "Aden" and rec["category"] == "attack"


def test_aircraft_taking_off_from_a_base_are_deployed_there():
    recs = incidents("وهي اول عملية جوية تنفذها طائرة اميركية اقلعت من قاعدة انجرليك الجوية في جنوب تركيا")
    assert ("deployment", "Incirlik Air Base") in {(r["category"], r["place"]) for r in recs}
    [rec] = incidents("انطلقت أربع مقاتلات من طراز تايفون من قاعدة أكروتيري في قبرص")
    assert rec["place"] == "RAF Akrotiri"
    assert incidents("انطلقت القافلة من مدينة عدن نحو لحج") == []  # no aircraft: a convoy setting out
