"""Whether, round 6: a killing someone reports, a fighter killed by name, fighting that took place, forces advancing."""
from incident_helpers import extractor, kinds

extract = extractor("2015-08-20")


def test_a_killing_an_officer_discloses_is_an_incident():
    # كشف … عن مقتل: عن after a verb of reporting brings the killing itself
    assert kinds(extract("وكشف مدير شرطة المحافظة أمس عن مقتل 17 من عناصر تنظيم داعش قرب مدينة تكريت.")) == [
        ("operation", "ground_raid", "Tikrīt")]


def test_the_toll_of_an_event_told_elsewhere_is_still_no_incident():
    # أسفر … عن مقتل: the dead of the event that is the verb's subject, not a second incident
    assert extract("وأسفرت المواجهات أمس عن مقتل عشرة أشخاص.") == []


def test_a_named_fighter_killed_by_the_forces_is_their_operation():
    assert kinds(extract("وأعلنت القيادة أنه تم قتل الإرهابي أبو علي الأنباري في قضاء الحويجة.")) == [
        ("operation", "ground_raid", "Al Ḩawījah")]


def test_fighting_that_took_place_somewhere_is_a_clash():
    assert kinds(extract("وتفيد التقارير بأن القتال الذي وقع الأسبوع الماضي في مدينة أوباري خلف عشرات القتلى.")) == [
        ("attack", "armed_assault", "Ubari")]


def test_forces_advancing_toward_a_place_operate_there():
    assert kinds(extract("وتقدمت القوات العراقية أمس نحو مدينة هيت غرب الأنبار.")) == [
        ("operation", "military_campaign", "Hīt")]


def test_a_resistance_advancing_takes_ground():
    assert kinds(extract("وقالت مصادر محلية إن المقاومة الشعبية تتقدم باتجاه مدينة الضالع.")) == [
        ("operation", "military_campaign", "Aḑ Ḑāli‘")]


def test_advancing_a_request_or_condolences_is_no_incident():
    assert extract("وتقدمت الحكومة المصرية بطلب رسمي إلى مجلس الأمن بشأن ليبيا.") == []
    assert extract("وتقدم الجيش الليبي بالتعزية لأسر الضحايا في بنغازي.") == []
    assert extract("وأكد الوزير أن المفاوضات حققت تقدما كبيرا في جنيف.") == []


def test_sunni_is_no_future_intention():
    # سنية is "Sunni": its س is no future prefix and نية no "intention" cue
    assert kinds(extract("وقالت مصادر أمنية إن 13 رجلا بينهم زعيم عشيرة سنية خطفوا الاثنين في محافظة ديالى.")) == [
        ("attack", "kidnapping", "Diyala Governorate")]


def test_the_future_read_only_before_an_imperfect_verb():
    from geo.extract.text import stems
    assert ("نيه", "س") not in stems("سنيه") and ("عاده", "س") not in stems("سعاده")
    assert ("يهاجم", "س") in stems("سيهاجم") and ("ننشر", "وس") in stems("وسننشر")


def test_a_light_verb_in_the_future_plans_its_verbal_noun():
    assert extract("وستقوم القوات العراقية بقصف مواقع التنظيم في الرقة.") == []
    assert extract("وأعلنت أنقرة أنها ستطلق قريبا هجوما واسعا على مواقع التنظيم في جرابلس.") == []
    assert kinds(extract("وقامت القوات العراقية بقصف مواقع التنظيم في الفلوجة.")) == [
        ("operation", "airstrike", "Al Fallūjah")]


def test_district_nouns_announce_a_place():
    from gazetteer.toponyms import find_toponyms
    names = [m.place.name for m in find_toponyms("ووقعت اشتباكات في قضاء الحويجة، وفي مديرية المخادر.")]
    assert names == ["Al Ḩawījah", "Al Makhādir"]


def test_a_state_a_group_is_allied_with_is_no_place():
    assert kinds(extract("قتل عشرة في اشتباكات في عدن باليمن أمس. وقصفت طائرات حربية عربية مواقع الجماعة "
                         "المتحالفة مع إيران.")) == [("attack", "armed_assault", "Aden"), ("operation", "airstrike", "Aden")]


def test_a_bomber_entering_a_mosque_takes_no_ground():
    assert kinds(extract("ودخل الانتحاري مسجد قوات الطوارئ في أبها ظهر الخميس ثم فجر نفسه بين المصلين.")) == [
        ("attack", "suicide_bombing", "Abha")]


def test_a_group_driven_out_of_a_camp_names_it_by_its_name():
    # the group's name stands for the fighters طرد requires, and the camp they were driven from is the scene
    assert kinds(extract("وأكدت مصادر عسكرية أنه تم طرد الحوثيين وقوات صالح من معسكر لبوزة في محافظة لحج.")) == [
        ("operation", "military_campaign", "Labouza camp")]


def test_a_group_named_by_its_name_executing_people():
    assert kinds(extract("وكشف مصدر أمني أن داعش أعدم 44 شابا وسط الموصل في ساحة عامة.")) == [
        ("attack", "armed_assault", "Mosul")]


def test_a_country_entering_a_war_takes_no_ground():
    assert extract("وقال إن دخول تركيا الحرب ضد داعش في سوريا سيغير المعادلة.") == []


def test_quotes_around_a_name_do_not_split_its_clause():
    from geo.extract.text import Span, clauses
    text = 'وكان عناصر «داعش» قد أطلقوا صواريخ. وقال «إن المقاومة ستستمر في القتال حتى النصر»، مضيفا.'
    assert [text[c.start:c.end] for c in clauses(text, Span(0, len(text)))] == [
        "وكان عناصر «داعش» قد أطلقوا صواريخ. وقال", "إن المقاومة ستستمر في القتال حتى النصر", "مضيفا."]


def test_rockets_a_group_fired_are_its_attack():
    # the group in quotes is the subject of its clause; the rockets with a count and a time between are fired
    assert kinds(extract("وكان عناصر «داعش» قد أطلقوا مساء أمس نحو ثمانية صواريخ مستهدفة قوات البيشمركة في قضاء مخمور.")) == [
        ("attack", "explosive_device", "Mexmur")]
    # after the form's على stands the target, not the subject
    assert kinds(extract("وأطلق عناصر التنظيم صواريخ على قوات البيشمركة في قضاء مخمور.")) == [
        ("attack", "explosive_device", "Mexmur")]


def test_missiles_in_arms_talk_are_no_incident():
    assert extract("ووقعت روسيا صفقة صواريخ مع الجزائر بقيمة مليار دولار.") == []


def test_battles_in_two_districts_of_a_city_are_two_incidents():
    # الصابري and الليثي lie a few kilometres apart in Benghazi: only their names tell the battles apart
    recs = extract("ودارت اشتباكات عنيفة في حي الصابري ببنغازي أمس. كما اندلعت اشتباكات أخرى في حي الليثي.")
    assert sorted(place for _, _, place in kinds(recs)) == sorted({place for _, _, place in kinds(recs)})
    assert len(recs) == 2


def test_a_city_named_like_its_province_establishes_the_story_for_its_neighbours():
    # عدن is the city and the governorate it is the seat of: one place, so it vouches for Zinjibar nearby
    from gazetteer.toponyms import find_toponyms
    names = [m.place.name for m in find_toponyms("وقال مسؤول في عدن إن القوات اقتربت من زنجبار أمس.")]
    assert "Zinjibār" in names and "Zanzibar" not in names


def test_abha_with_a_clitic_is_the_city():
    # ابها also folds "her father": the curated spelling lets the provincial capital stand on its own
    from gazetteer.toponyms import find_toponyms
    assert [m.place.name for m in find_toponyms("ندد بتفجير مسجد قوات الطوارئ الخاصة بأبها")] == ["Abha"]


def test_a_town_located_by_a_compass_word_is_the_namesake_there():
    from gazetteer.toponyms import find_toponyms
    found = {m.place.name: m.place.country for m in find_toponyms(
        "وأعلن الثوار سيطرتهم على مدينة العين، جنوب مدينة لودر بمحافظة أبين.")}
    assert found.get("Al Ain City") is None and "YE" in found.values()
    # a namesake abroad is no town of the area it is placed by (قرية الطيبة شرق حمص is not Tayibe in Israel)
    assert all(m.place.country == "SY" for m in find_toponyms("وقصفت الطائرات قرية الطيبة شرق حمص."))


def test_captives_counted_are_a_capture_a_family_is_not():
    assert kinds(extract("وأفادت مصادر قبلية بأن المقاومة الشعبية أسرت 40 من مسلحي جماعة الحوثي في محافظة أبين.")) == [
        ("operation", "capture_arrest", "Abyan Governorate")]
    assert extract("وظل يسافر من أبها إلى قريته جنوب الطائف نهاية كل أسبوع ليقضي حاجات أسرته.") == []


def test_a_raid_told_in_the_present_is_one():
    assert kinds(extract("قوات الأمن تداهم مقر الحركة القومية في كراتشي")) == [("operation", "ground_raid", "Karachi")]


def test_the_red_cross_or_arms_spreading_are_no_deployment():
    assert extract("وأكدت المصادر وصول أول طائرة تتبع الصليب الأحمر إلى مطار عدن أمس لنقل الأسرى.") == []
    assert extract("في بلد مثل أفغانستان حيث السلاح ينتشر في كل مكان ويقاتل الجيش حركة طالبان.") == []


def test_forces_stationed_where_a_strike_came_from_are_no_deployment():
    recs = extract("وفي مدينة حمص، تعرض حي الوعر لقصف عنيف بقذائف الدبابات مصدره قوات الأسد المتمركزة في الكلية الحربية.")
    assert [r["category"] for r in recs] == ["operation"]
    # told on their own, stationed forces are one
    assert [r["category"] for r in extract("وقالت المصادر إن القوات المتمركزة في مدينة غاو تلقت تعزيزات.")] == ["deployment"]


def test_qad_before_a_past_verb_asserts_before_a_present_it_may():
    # نفذ and تم are past tenses whose root starts with ن and ت; تشن is a present of a doubled root
    assert kinds(extract("وكان طيران التحالف قد نفذ 44 غارة على مواقع الحوثيين في محافظة صعدة.")) == [
        ("operation", "airstrike", "Saada Governorate")]
    assert extract("وقال الضابط إن حكومته قد تشن هجمات على مسلحين في شمال سيناء.") == []


def test_aghara_is_an_air_raid():
    assert kinds(extract("وأغار طيران التحالف مرتين على مواقع للحوثيين في مديرية صرواح غربي محافظة مأرب.")) == [
        ("operation", "airstrike", "Sūq Şirwāḩ")]


def test_shelling_suffered_is_told_however_long_the_subject():
    assert kinds(extract("وتعرضت بعد منتصف ليل الأحد - الاثنين مناطق في مدينة داريا بالغوطة الغربية، لقصف من قبل قوات النظام.")) == [
        ("operation", "airstrike", "Dārayyā")]


def test_a_bomber_named_between_the_verb_and_himself():
    assert kinds(extract("وأمس فجر مجرم داعشي نفسه في المصلين بمسجد تابع لقوات الطوارئ في مدينة أبها.")) == [
        ("attack", "suicide_bombing", "Abha")]
    # فجر alone is also "dawn"
    assert kinds(extract("وقتل خمسة فجر أمس في غارة على الرقة.")) == [("operation", "airstrike", "Ar Raqqah")]


def test_a_car_that_exploded():
    assert kinds(extract("كما انفجرت سيارة في اليوم نفسه في منطقة الزعفرانية جنوب بغداد.")) == [
        ("attack", "explosive_device", "al-Zafaraniya")]


def test_the_adjective_and_plural_of_daesh_name_isis():
    recs = extract("وقتل الدواعش خمسة مدنيين في الموصل.")
    assert recs and recs[0]["groups"] == ["ISIS"]


def test_a_headline_kills_in_the_present():
    assert kinds(extract("قوات الأمن تقتل 6 متشددين في عاصمة قرغيزستان")) == [("operation", "ground_raid", "Kyrgyzstan")]
    assert extract("يقتل الإرهاب الأبرياء في كل مكان.") == []


def test_meanwhile_is_no_demonstrative_pointing_back():
    # في غضون ذلك: ذلك ends "meanwhile"; it does not make the verb after it "that raid"
    assert kinds(extract("في غضون ذلك، أغار طيران التحالف مرتين على مواقع للحوثيين في مديرية صرواح غربي محافظة مأرب.")) == [
        ("operation", "airstrike", "Sūq Şirwāḩ")]


def test_fighters_named_right_after_the_verb_are_its_subject():
    assert kinds(extract("بينما استهدفت الفصائل المتطرفة تمركزات لقوات النظام في مدينة درعا.")) == [
        ("attack", "armed_assault", "Dar‘ā")]
    assert kinds(extract("وقصفت الميليشيات المتمردة في محافظة تعز موقعا لتخزين النفط.")) == [
        ("attack", "explosive_device", "Taiz Governorate")]
    # a sound plural in -ين after the verb is its object, so is a word for the whole group
    assert [r["category"] for r in extract("وقصفت المدفعية المهاجمين أثناء انسحابهم من مدينة تعز.")] == ["operation"]
    assert [r["category"] for r in extract("وسط حملة الضربات الجوية التركية التي استهدفت الجماعة في شمال العراق.")] == [
        "operation"]
