"""Where and whether, round 4: datelines, destinations refined by a finer place, capitals answering, expected operations."""
from geo.extract import extract_incidents
from geo.model import Article


def records(text):
    return extract_incidents(Article("t.txt", text, published="2016-04-26"))


def places(text):
    return [(r["category"], r["place"]) for r in records(text)]


def test_the_dateline_city_is_where_the_report_was_filed_not_the_scene():
    text = ("عدن، 25 أبريل 2016 (وكالات) - دخلت قوات حكومية يمنية مدينة المكلا بعد انسحاب مسلحي القاعدة منها.\n"
            "وقال مسؤولون إن القوات انتشرت في الأحياء الرئيسية.")
    assert ("operation", "Mukalla") in places(text)
    assert not [p for p in places(text) if p[1] == "Aden"]


def test_a_dateline_city_still_places_an_incident_the_sentence_places_nowhere_else():
    assert places("مقديشو، 3 مايو (وكالات) - انفجرت سيارة مفخخة قرب مقر حكومي صباح اليوم.") == [
        ("attack", "Mogadishu")]


def test_troops_sent_to_a_country_in_support_of_a_region_are_placed_in_the_region():
    assert places("وأعلنت تشاد أنها أرسلت ألفي جندي إلى النيجر لدعم جيشها في منطقة ديفا.") == [
        ("deployment", "Diffa Region")]


def test_a_capital_answering_is_the_government_not_a_second_scene():
    assert places("مقتل 20 جنديا تركيا بغارة في إدلب وأنقرة ترد بقصف مواقع للجيش السوري") == [
        ("operation", "Idlib")]


def test_an_operation_expected_to_happen_is_no_incident():
    assert places("ومن المنتظر أن تشارك هذه القوات في عملية عسكرية واسعة في ولاية بورنو الشهر المقبل.") == []


def test_suspects_arrested_for_planning_bombings_are_an_arrest_not_a_bombing():
    assert [r["subtype"] for r in records("اعتقلت قوات الأمن في كركوك خمسة مطلوبين بتهمة التخطيط لتفجيرات انتحارية.")] == [
        "capture_arrest"]


def categories(text):
    return [(r["category"], r["subtype"]) for r in records(text)]


def test_a_state_offensive_after_an_aside_is_an_operation():
    text = "وتخوض القوات الحكومية، مدعومة بمقاتلي العشائر، منذ أغسطس الماضي هجوما واسعا ضد حركة الشباب في إقليم هيران."
    assert [c for c, _ in categories(text)] == ["operation"]
    assert [c for c, _ in categories("شن الجيش، بدعم من الطيران، هجوما على مواقع المسلحين في ولاية بورنو.")] == [
        "operation"]


def test_a_verb_with_its_own_fighters_as_subject_is_their_attack_whoever_acted_before():
    found = categories("شن الجيش غارات على مواقع المسلحين، وهاجم مسلحون قرية في ولاية بورنو.")
    assert ("operation", "airstrike") in found and ("attack", "armed_assault") in found


def test_jets_striking_the_attackers_as_they_withdraw_is_a_state_airstrike():
    text = "وأضاف البيان أن مقاتلات من سلاح الجو تدخلت وقصفت المهاجمين أثناء انسحابهم من بلدة أربيندا."
    assert categories(text) == [("operation", "airstrike")]


def test_the_area_of_a_parent_group_named_in_a_claim_is_not_a_second_scene():
    text = ("هاجم مسلحون معسكرا للجيش في مدينة كاتي قرب باماكو فجر اليوم. "
            "وتبنت جماعة نصرة الإسلام والمسلمين، فرع تنظيم القاعدة في منطقة الساحل، الهجوم في بيان.")
    found = records(text)
    assert [(r["place"], r["groups"]) for r in found] == [("Kati", ["JNIM"])]


def test_a_government_labelling_the_strikes_an_aggression_adds_no_attack():
    text = ("قصفت طائرات مصرية مواقع في درنة أمس. "
            "ووصفت الحكومة المنافسة ما جرى بأنه اعتداء على السيادة الوطنية.")
    assert categories(text) == [("operation", "airstrike")]


def test_a_dateline_city_with_its_country_in_brackets_places_the_report_at_the_city():
    text = "مايدوغوري (نيجيريا)، 15 أبريل 2021 (وكالات) - هاجم مسلحون قاعدة للجيش صباح اليوم."
    assert places(text) == [("attack", "Maiduguri")]


def test_where_witnesses_fled_to_is_not_where_the_town_was_taken():
    text = ("هاجم مسلحون بلدة بوسو في جنوب شرق النيجر فجر الجمعة. "
            "وأكد سكان فروا إلى مدينة ديفا أن المسلحين سيطروا على البلدة عدة ساعات.")
    assert {p for _, p in places(text)} == {"Bosso"}


def test_the_same_junction_is_the_main_incidents_not_the_last_told():
    text = ("انفجرت سيارة مفخخة عند تقاطع زوبي في مقديشو أمس. "
            "وشنت طائرة أميركية غارة قرب بلدة جلب في إقليم جوبا الوسطى. "
            "ويعيد الهجوم إلى الأذهان تفجير شاحنة مفخخة في التقاطع نفسه في أكتوبر 2017 أودى بحياة 500 شخص.")
    older = [r for r in records(text) if r["date"] == "2017-10"]
    assert [(r["subtype"], r["place"]) for r in older] == [("explosive_device", "Mogadishu")]


def test_extra_checkpoints_set_up_are_a_deployment():
    assert places("وقالت الشرطة في مقديشو إن قوات الأمن نشرت نقاط تفتيش إضافية في أحياء العاصمة.") == [
        ("deployment", "Mogadishu")]


def test_the_deploying_country_after_a_resumptive_pronoun_is_not_where_troops_are():
    text = "ويأتي هذا التصعيد في وقت تنشر فيه فرنسا نحو 3500 جندي في منطقة الساحل ضمن عملية برخان."
    assert places(text) == [("deployment", "Sahel")]


def test_the_state_leading_a_coalition_is_no_scene():
    text = ("قصف مسلحون مطار عدن بقذائف صاروخية صباح اليوم. "
            "وبعد ساعات أسقطت الدفاعات الجوية طائرة مسيرة مفخخة، وقال التحالف بقيادة السعودية إنها أطلقت من مناطق الحوثيين.")
    assert {p for _, p in places(text)} == {"Aden"}


def test_a_finer_place_of_the_next_verb_does_not_refine_the_border_deployment():
    text = "وعزز الجيش الجزائري انتشاره على طول الحدود مع ليبيا ومالي، ونشر وحدات إضافية لحماية المنشآت النفطية في ولاية إليزي."
    found = records(text)
    assert sorted(r["precision"] for r in found) == ["admin", "region", "region"]
    assert [r["place"] for r in found if r["precision"] == "admin"] == ["Illizi Province"]


def test_forces_driving_fighters_out_of_a_town_is_an_operation_and_a_purpose_is_not():
    assert places("طردت القوات الحكومية مسلحي الحركة من بلدة بولوبردي.") == [("operation", "Buulobarde")]
    assert places("ويعتزم المجلس العسكري شن هجوم مضاد لطرد المسلحين من سرت.") == []


def test_arrests_over_the_attack_are_placed_at_the_attack_not_at_the_last_scene():
    text = ("انفجرت سيارة مفخخة عند تقاطع زوبي في مقديشو أمس. "
            "وشنت طائرة أميركية غارة قرب بلدة جلب في إقليم جوبا الوسطى. "
            "وقالت الشرطة إن الأجهزة الأمنية اعتقلت عددا من المشتبه بتورطهم في التخطيط للهجوم.")
    arrests = [r["place"] for r in records(text) if r["subtype"] == "capture_arrest"]
    assert arrests == ["Mogadishu"]


def test_strikes_on_the_road_between_two_cities_are_one_incident_near_the_first():
    found = records("شنت مقاتلات التحالف عشرين غارة على مواقع للحوثيين على الطريق الرابط بين الحديدة وصنعاء.")
    assert [(r["place"], r["precision"]) for r in found] == [("Al Ḩudaydah", "near")]


def test_forces_announcing_that_they_took_a_place_did_the_taking():
    text = "أعلنت القوات اليمنية المشتركة المدعومة من التحالف، اليوم الأربعاء، أنها بسطت سيطرتها الكاملة على مطار الحديدة."
    assert [c for c, _ in categories(text)] == ["operation"]


def test_arrests_at_the_entrances_of_the_city_are_in_the_city_last_named():
    text = ("تعد مدينة بلدوين عاصمة إقليم هيران وسط الصومال. "
            "وقال قائد الشرطة عبر الهاتف إن قوات الأمن أغلقت مداخل المدينة واعتقلت ستة مشتبه بهم.")
    arrests = [r["place"] for r in records(text) if r["subtype"] == "capture_arrest"]
    assert arrests == ["Beledweyne"]


def test_a_town_seized_is_a_place_even_when_its_name_is_also_a_word():
    text = "وذكرت وزارة الدفاع العراقية أن عصابات داعش استولت على الرمادي في 17 أيار 2015."
    assert places(text) == [("attack", "Ramadi")]


def test_an_attack_on_a_camp_is_not_on_a_town_named_camp():
    text = "وكانت التنسيقية قد شنت في سبتمبر الماضي هجوما على معسكر للجيش في مدينة بوريم شمال مالي."
    assert places(text) == [("attack", "Bourem")]


def test_the_attack_on_a_town_told_again_is_the_one_already_told_there():
    text = ("سيطر مقاتلو ولاية غرب إفريقيا على بلدة باغا في ولاية بورنو يوم 26 ديسمبر 2018. "
            "وتسبب الهجوم على باغا في نزوح آلاف السكان نحو مدينة مايدوغوري.")
    found = records(text)
    assert [(r["subtype"], r["place"], len(r["sources"])) for r in found] == [("territory_seized", "Baga", 2)]


def test_a_speaker_in_the_capital_with_an_aside_before_his_report_is_not_at_the_scene():
    text = ("نصب مسلحون كمينا لقافلة عسكرية قرب مدينة جيبو شمال بوركينا فاسو أمس. "
            "وقال مصدر أمني في واغادوغو، طالبا عدم كشف هويته، إن تعزيزات جوية وبرية أرسلت إلى المنطقة.")
    assert {p for _, p in places(text)} == {"Djibo"}


def test_a_kidnapping_told_after_before_that_is_past_and_a_planned_one_is_not():
    text = "اختار التنظيم خطابا أقل عنفا في نيجيريا، قبل أن يخطف 110 تلميذات من مدرسة في بلدة دابتشي بولاية يوبي في فبراير 2018."
    assert categories(text) == [("attack", "kidnapping")]
    assert categories("يعتزم المسلحون أن يخطفوا عمال الإغاثة في ولاية بورنو.") == []
