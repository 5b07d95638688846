"""Whether, round 5: what a state condemns happened, the dead counted by their noun, the article's lam is no purpose."""
from incident_helpers import extractor, kinds, types

extract = extractor("2015-08-20")


def test_a_kidnapping_a_government_condemns_happened():
    # لـ after a condemning noun names what is condemned, not a purpose
    assert kinds(extract("وأبدت الحكومة الليبية استنكارها لاختطاف أربعة إيطاليين في مدينة زوارة.")) == [
        ("attack", "kidnapping", "Zuwarah")]


def test_a_purpose_still_is_no_incident():
    assert extract("ودعا القائد إلى الاستعداد للهجوم على مدينة الرقة.") == []


def test_killing_a_commander_or_two_soldiers_is_counted_by_the_noun():
    assert kinds(extract("كما تمكن الثوار من قتل قائد اللواء الأول مشاة جبلي في محافظة مأرب.")) == [
        ("attack", "armed_assault", "Marib Governorate")]
    assert kinds(extract("وقتل جنديان برصاص قناص في حي الشيخ مقصود بمدينة حلب.")) == [
        ("attack", "armed_assault", "Sheikh Maqsoud")]  # the district, a town row of towns.tsv


def test_killing_civilians_as_a_practice_is_no_incident():
    assert extract("وقتل المدنيين جريمة يرتكبها النظام في سوريا.") == []


def test_a_trigger_with_the_article_after_a_conjunction_is_no_purpose():
    # والتمشيط: و + the article, whose lam is not the preposition لـ "for"
    assert ("operation", "military_campaign", "North Sinai Governorate") in kinds(
        extract("وتواصل القوات أعمال المداهمة والتمشيط في شمال سيناء."))


def test_lam_preposition_tells_the_preposition_from_the_articles_lam():
    from geo.extract.text import lam_preposition
    assert [lam_preposition(p) for p in ("ل", "لل", "ولل", "فل")] == [True] * 4
    assert [lam_preposition(p) for p in ("", "ال", "وال", "بال", "فبال", "و", "ب")] == [False] * 7


def test_the_subject_of_talks_is_no_incident():
    assert extract("ويأتي الإعلان غداة محادثة هاتفية بين أوباما وأردوغان تناولت خصوصا ملفي الحرب في سوريا "
                   "والعراق والمعركة ضد التنظيم.") == []


def test_an_air_strike_that_almost_happened_is_no_incident():
    assert extract("وكادت أن تتشكل في ضربة عسكرية أمريكية على سوريا لولا تسليم الأسد لسلاحه الكيماوي.") == []


def test_training_a_named_force_to_fight_a_battle_is_neither_massing_nor_the_battle():
    # الحشد الوطني names a force; لخوض معركة is a purpose
    assert extract("ويتم الآن تدريب أبناء الحشد الوطني المتطوعين على يد قوات تركية لخوض معركة تحرير الموصل.") == []


def test_an_attack_repelled_happened():
    # تصدت لهجوم: the attack the defenders faced, not a purpose
    assert kinds(extract("وفي منطقة صرواح تصدت المقاومة والجيش لهجوم الحوثيين على مواقعهم.")) == [
        ("attack", "armed_assault", "Sūq Şirwāḩ")]


def test_mine_sweepers_arriving_are_a_deployment_not_mines():
    assert kinds(extract("ووصلت إلى عدن آليات ومدرعات وكاسحات الألغام.")) == [("deployment", "deployment", "Aden")]


def test_what_rarely_happens_is_a_pattern_not_an_incident():
    assert extract("ونادرا ما يتم توقيف الجناة في الضفة الغربية.") == []


def test_an_army_bulletin_killing_fighters_is_an_operation():
    # the Algerian army's formula: the subject and a time stand between قضت and على
    assert kinds(extract("في إطار مكافحة الإرهاب، قضت مفرزة للجيش الوطني الشعبي، أمس، على إرهابيين اثنين بولاية جيجل.")) == [
        ("operation", "military_campaign", "Jijel Province")]
    assert kinds(extract("وتمكنت القوات من القضاء على 10 إرهابيين في مدينة الرمادي.")) == [
        ("operation", "military_campaign", "Ramadi")]


def test_defeating_terrorism_or_a_whole_group_is_a_cause_not_an_incident():
    assert extract("وستساعد الطائرات مصر على مكافحة الإرهاب في سيناء والقضاء على تنظيم داعش.") == []
    assert extract("وسيساندونها في القضاء على البؤر الموجودة للمتمردين في الحديدة.") == []
    assert extract("وقضت المحكمة على المتهمين بالسجن في القاهرة.") == []


def test_fighters_executing_people_is_an_attack_a_court_sentence_is_not():
    assert kinds(extract("وأعدم تنظيم داعش عشرة أشخاص في مدينة دير الزور.")) == [
        ("attack", "armed_assault", "Deir ez-Zor")]
    assert extract("وأعلنت وزارة الداخلية تنفيذ حكم الإعدام بحق مدان في مدينة الرياض.") == []


def test_an_infiltration_attempt_repelled_is_an_attack():
    assert kinds(extract("وتصدت المقاومة لمحاولة تسلل قامت بها الميليشيا من اتجاه نجد قسيم جنوب مدينة تعز.")) == [
        ("attack", "armed_assault", "Taiz")]


def test_forces_destroying_targets_is_an_operation_and_a_strike_that_destroys_is_the_strike():
    assert kinds(extract("ودمرت القوات المسلحة المصرية تسعة مقرات ومناطق تجمع للإرهابيين في مدينة الشيخ زويد.")) == [
        ("operation", "military_campaign", "Ash Shaykh Zuwayd")]
    assert kinds(extract("كما دمرت غارة أخرى عربة عسكرية تابعة للحوثيين في مدينة مأرب.")) == [
        ("operation", "airstrike", "Ma'rib")]
    assert extract("وتعرضت المواقع التاريخية في زبيد للتدمير.") == []


def test_a_denial_told_with_an_active_participle_drops_the_arrest():
    assert extract("وشككت وزارة الدفاع في التقرير نافية أسر أو اعتقال أي من أفراد القوة في سوريا.") == []


def test_readiness_to_fight_is_a_plan():
    assert extract("وأعرب الجيش الحر عن استعداده للانخراط في المعركة وصولا إلى تطهير كل الأراضي السورية.") == []


def test_forces_put_on_alert_are_a_deployment_where_the_alert_is():
    assert kinds(extract("وأعلن الجيش المصري حالة الاستنفار القصوى في مدينة العريش.")) == [
        ("deployment", "deployment", "Arīsh")]
    assert extract("ومددت الحكومة حالة الطوارئ في مدينة العريش ثلاثة أشهر.") == []


def test_a_count_before_the_killing_verb_counts_its_dead():
    # the fighters counted before the verb agreeing with them are the dead: the forces' operation
    assert types(extract("وقال المتحدث العسكري إن 88 إرهابيا قتلوا في مدينة العريش خلال الأسبوع.")) == [
        ("operation", "ground_raid")]
    # fighters alone before it are its subject
    assert types(extract("وقال إن المسلحين قتلوا 5 جنود في مدينة العريش.")) == [("attack", "armed_assault")]


def test_a_unit_named_after_an_incident_word_is_no_incident():
    assert extract("ومن ضمن القوات الخاصة وحدة الاقتحام وهي وحدة خاصة في الرياض.") == []
    assert kinds(extract("ودفعت القيادة بتعزيزات من قوات التدخل السريع إلى مدينة بئر العبد.")) == [
        ("deployment", "deployment", "Bi’r al ‘Abd")]


def test_where_the_reporting_organisation_is_based_is_not_the_scene():
    found = extract("وقال المرصد السوري لحقوق الإنسان ومقره بريطانيا إن معظم القتلى مدنيون سقطوا في قصف على البلدة.")
    assert [r["country"] for r in found] == ["SY"]


def test_forces_stationed_are_still_a_deployment_and_a_rapid_force_is_a_name():
    assert types(extract("وتستخدم القوات المرابطة على الحدود المدفعية في منطقة جازان.")) == [("deployment", "deployment")]
    assert kinds(extract("ووصلت قوات الانتشار السريع إلى مدينة الفاشر.")) == [("deployment", "deployment", "El Fasher")]
