"""Rules learned from real news (Saudi and pan-Arab papers, 2015): each sentence is our own."""
from incident_helpers import categories, extractor, kinds, types

extract = extractor("2015-08-10")


def test_cleared_mines_are_no_attack():
    assert extract("وتمكن فريق هندسي من نزع وإبطال أكثر من 300 لغم أرضي في مدينة عدن.") == []
    assert kinds(extract("قتل مدنيان في انفجار لغم أرضي في مدينة عدن.")) == [("attack", "explosive_device", "Aden")]


def test_popular_mobilization_is_a_force_not_massing():
    recs = extract("وتخوض القوات الحكومية وقوات الحشد الشعبي معارك ضد داعش في مدينة الرمادي.")
    assert "deployment" not in categories(recs)


def test_a_given_name_and_a_family_are_not_captures():
    assert extract("وقال ياسر الحربي إن أسرته غادرت مدينة حلب قبل عام.") == []


def test_at_least_is_not_a_denial():
    recs = extract("ونفذ الطيران الحربي ما لا يقل عن ثماني غارات على مدينة إدلب.")
    assert kinds(recs) == [("operation", "airstrike", "Idlib")]


def test_what_arrives_is_no_force_when_it_is_bodies_or_aid():
    assert extract("ووصلت جثامين الجنود الثلاثة إلى مطار مدينة أبوظبي على متن طائرة عسكرية.") == []
    assert extract("ووصلت سفينة مساعدات إغاثية إلى ميناء مدينة عدن.") == []
    assert kinds(extract("ووصلت تعزيزات عسكرية إلى ميناء مدينة عدن.")) == [("deployment", "deployment", "Aden")]


def test_fighting_that_kills_militants_beside_a_state_force_is_its_operation():
    recs = extract("وقتل العشرات من عناصر داعش في اشتباكات عنيفة مع القوات العراقية شرق مدينة الرمادي.")
    assert categories(recs) == ["operation"]
    recs = extract("وقتل 12 جنديا في اشتباكات مع مسلحين في مدينة الرمادي.")
    assert categories(recs) == ["attack"]


def test_a_monitors_roundup_keeps_each_event_at_its_own_place():
    text = ("أفاد المرصد بأن الطيران الحربي نفذ غارات على مناطق في مدينة إدلب منذ صباح اليوم وسط قصف مدفعي متواصل "
            "على أحيائها الشرقية وأنباء عن سقوط جرحى في صفوف المدنيين الذين لم يتمكنوا من مغادرة المدينة، "
            "بينما دارت اشتباكات عنيفة بين الفصائل المقاتلة وقوات النظام في محيط مدينة جسر الشغور وسط معلومات "
            "عن خسائر بشرية في صفوف الطرفين، كما قصفت قوات النظام مناطق في مدينة حماة.")
    places = sorted(r["place"] for r in extract(text))
    assert "Idlib" in places and "Ḩamāh" in places and "Jisr ash Shughūr" in places


def test_retaking_a_base_places_the_incident_at_the_base():
    recs = extract("وتمكنت قوات الجيش من استرداد قاعدة العند الجوية في محافظة لحج.")
    assert [r["place"] for r in recs] == ["Al Anad Air Base"]


def test_a_ceasefire_and_a_planned_attack_are_not_incidents():
    assert extract("وأعلنت الأطراف المتحاربة وقف إطلاق النار في مدينة تعز.") == []
    assert extract("ودعا التحالف إلى وقف العمليات العسكرية في مدينة تعز.") == []
    assert extract("وقال إن من المزمع القيام بهجوم آخر على مدينة تعز الأسبوع المقبل.") == []


def test_a_state_that_condemns_an_attack_did_not_carry_it_out():
    recs = extract("وأعربت الحكومة التونسية عن إدانتها الشديدة للعمل الإرهابي الذي استهدف مسجدا في مدينة أبها.")
    assert [(r["category"], r["actors"]) for r in recs] == [("attack", [])]


def test_gunmen_between_the_verb_and_its_fire_still_open_fire():
    recs = extract("وأطلق مسلحون النار على دورية للشرطة في مدينة العريش.")
    assert kinds(recs) == [("attack", "armed_assault", "Arīsh")]


def test_an_agent_named_after_the_action_decides_who_acted():
    recs = extract("وأعلن قائد ميداني أنه جرى استكمال السيطرة على مدينة الحوطة من قبل الجيش الوطني ورجال المقاومة.")
    assert types(recs) == [("operation", "military_campaign")]
    recs = extract("وسقطت مدينة تدمر بيد تنظيم داعش بعد معارك دامت أسابيع.")
    assert categories(recs) == ["attack"]


def test_barrel_bombs_are_dropped_from_the_air():
    recs = extract("وألقت المروحيات براميل متفجرة على أحياء في مدينة داريا فجر اليوم.")
    assert kinds(recs) == [("operation", "airstrike", "Dārayyā")]
    assert extract("وارتفعت أسعار البراميل في مدينة دبي.") == []


def test_shells_fired_by_factions_are_their_attack():
    recs = extract("وسقطت قذائف هاون أطلقتها الفصائل المقاتلة على أحياء في مدينة حلب.")
    assert types(recs) == [("attack", "explosive_device")]


def test_a_town_pinned_to_an_area_abroad_is_not_its_foreign_namesake():
    recs = extract("وقصفت قوات النظام بلدة الطيبة بالغوطة الغربية صباح اليوم.")
    assert [(r["country"], r["precision"]) for r in recs] == [("SY", "near")]


def test_a_placeless_sentence_of_a_one_town_report_happens_in_that_town():
    text = ("مقتل جنود في مدينة بنغازي\n\n"
            "قال مسؤولون عسكريون في مدينة بنغازي إن المدينة شهدت يوماً دامياً. "
            "وأفاد سكان في بنغازي بأن الأسواق أغلقت أبوابها في أحياء بنغازي الشرقية. "
            "وذكر مصدر عسكري أن ثلاثة جنود قتلوا في انفجار عبوة ناسفة زرعها مجهولون.")
    recs = extract(text)
    assert [(r["subtype"], r["place"], r["precision"]) for r in recs] == [("explosive_device", "Benghazi", "near")]
    # a report naming several towns of the country, in another item of a digest, leaves it at the country
    text = ("قال مسؤولون في مدينة بنغازي إن اجتماعاً عقد في مدينة طرابلس وآخر في مدينة مصراتة وثالثاً في سرت.\n\n"
            "* وذكر مصدر عسكري أن ثلاثة جنود قتلوا في انفجار عبوة ناسفة زرعها مجهولون.")
    assert [r["precision"] for r in extract(text)] == ["country"]


def test_fighting_with_state_forces_as_one_side_is_their_operation():
    recs = extract("ودارت اشتباكات عنيفة بين قوات النظام وفصائل المعارضة في محيط مدينة درعا.")
    assert categories(recs) == ["operation"]
    # the fighters as subject attacked; a named group's war is coded as its attacks
    recs = extract("وعاد المسلحون إلى أطراف مدينة مايدوغوري واشتبكوا مع وحدة من الجيش.")
    assert categories(recs) == ["attack"]
    recs = extract("وتواصلت المعارك بين الجيش وقوات الدعم السريع في مدينة الخرطوم.")
    assert categories(recs) == ["attack"]


def test_fighting_beside_airstrikes_is_two_incidents():
    recs = extract("وتدور اشتباكات عنيفة بين الفصائل وقوات النظام في مدينة الزبداني ترافق مع تنفيذ "
                   "الطيران الحربي ما لا يقل عن 12 غارة على مناطق في المدينة.")
    assert sorted(r["subtype"] for r in recs) == ["airstrike", "military_campaign"]


def test_fighters_retaking_a_town_seize_it():
    recs = extract("واستعادت فصائل مسلحة مدينة سراقب بعد معارك عنيفة.")
    assert types(recs) == [("attack", "territory_seized")]
    # the group right after a retaking word is the one driven out
    recs = extract("وطردت القوات التركية تنظيم داعش من مدينة جرابلس.")
    assert types(recs) == [("operation", "military_campaign")]


def test_fighters_joined_to_the_army_share_its_operation():
    recs = extract("وقال مصدر عسكري إن الجيش ومسلحين قبليين سيطروا على مدينة الضالع.")
    assert categories(recs) == ["operation"]


def test_a_word_inside_a_group_name_is_no_trigger():
    assert extract("والتقى وفد من هيئة تحرير الشام الخميس وجهاء مدينة إدلب.") == []


def test_a_counted_killing_at_a_place_is_an_incident_of_its_own():
    recs = extract("وقتل مسلحون ثمانية أشخاص في قرية قرب مدينة مايدوغوري مساء الجمعة.")
    assert [(r["category"], r["place"]) for r in recs] == [("attack", "Maiduguri")]
    # fighters counted among the dead: the forces fighting them acted
    recs = extract("وأفاد مصدر أمني بمقتل 18 من عناصر تنظيم داعش في مدينة بعقوبة.")
    assert categories(recs) == ["operation"]


def test_killing_words_that_are_no_incident_of_their_own():
    # the dead of another incident of the sentence, of an event told before, or no count at all
    recs = extract("وقتل 26 جنديا في هجوم شنه مسلحون على مواقع الجيش في بلدة بوسو.")
    assert len(recs) == 1
    assert extract("وقتل في الأزمة 37 رهينة أجنبية في منشأة تيقنتورين قرب عين أمناس.") == []
    assert extract("وحرم الفقهاء قتل الأبرياء في مدينة الرياض وغيرها.") == []
    # no place in the sentence: a count of dead is not put at the country's centroid
    assert extract("وقتل أكثر من 6500 شخص منذ بدء التمرد في أبريل.") == []


def test_rockets_that_fall_on_a_place_are_shelling():
    recs = extract("وسقط صاروخ يعتقد أنه من نوع أرض أرض على حي المغاير في مدينة حلب.")
    assert types(recs) == [("operation", "airstrike")]
    recs = extract("وقتل مدنيان بقذيفتي هاون أطلقهما مسلحون على أحياء مدينة درعا.")
    assert categories(recs) == ["attack"]


def test_fierce_fighting_is_a_clash():
    recs = extract("وشهدت منطقة الوهط بمحافظة لحج قتالا عنيفا بين المقاومة والمسلحين الحوثيين.")
    assert [(r["category"], r["country"], r["groups"]) for r in recs] == [("attack", "YE", ["Houthis"])]
    assert extract("وأكد أن القتال ليس حلا للأزمة في مدينة عدن.") == []


def test_a_list_whose_items_repeat_their_noun_is_one_list():
    recs = extract("وسيطرت المقاومة على مدينة زنجبار ومدينة جعار في محافظة أبين.")
    assert sorted(r["place"] for r in recs) == ["Ja‘ār", "Zinjibār"]


def test_an_exchange_of_fire_is_a_clash():
    recs = extract("ووقع تبادل لإطلاق النار عبر الحدود قرب بلدة كلس بين الجيش التركي ومقاتلي داعش.")
    assert [r["place"] for r in recs] == ["Kilis"]


def test_where_aircraft_took_off_from_is_not_where_they_struck():
    recs = extract("وقال البيان إن ثلاث مقاتلات أقلعت من قاعدة في مدينة ديار بكر وقصفت مواقع لداعش في مدينة الرقة.")
    # the strike is at Raqqa; the base they left holds them (a deployment), no strike
    assert sorted((r["category"], r["place"]) for r in recs) == [("deployment", "Diyarbakır"),
                                                                 ("operation", "Ar Raqqah")]


def test_a_link_line_that_repeats_the_headline_is_no_second_incident():
    text = ("مقاتلات تركية تقصف مواقع لداعش في مدينة الرقة\n\n"
            "قال مسؤولون إن مقاتلات تركية قصفت فجر اليوم مواقع لتنظيم داعش في مدينة الرقة السورية.\n"
            "رابط الخبر بصحيفة الوئام: مقاتلات تركية تقصف مواقع لداعش في مدينة الرقة")
    assert [(r["subtype"], r["place"]) for r in extract(text)] == [("airstrike", "Ar Raqqah")]


def test_a_group_fighting_beside_the_army_shares_its_operation():
    recs = extract("وتشن القوات الحكومية ومقاتلو حزب الله هجمات على مدينة الزبداني.")
    assert categories(recs) == ["operation"]
    assert categories(extract("وشن مقاتلو حزب الله هجمات على مدينة الزبداني.")) == ["attack"]


def test_striking_at_fighters_is_the_forces_operation():
    recs = extract("وأعلنت مديرية الأمن، توجيه حملات متعددة، استهدفت العناصر التكفيرية في مدينة العريش.")
    assert categories(recs) == ["operation"]


def test_seizing_people_is_an_arrest_and_seizing_goods_is_not():
    recs = extract("وتمكنت قوات الأمن من ضبط اثنين من عناصر الجماعة في مدينة العريش.")
    assert types(recs) == [("operation", "capture_arrest")]
    assert extract("وتمكنت قوات الأمن من ضبط أسلحة وذخائر في مدينة العريش.") == []


def test_rebels_retaking_a_hill_seize_it():
    recs = extract("وتمكن الثوار من استعادة السيطرة على بلدة سلمى بريف اللاذقية بعد معارك عنيفة.")
    assert types(recs) == [("attack", "territory_seized")]


def test_fighters_advancing_in_battles_with_the_army_is_their_attack():
    recs = extract("وقالت المصادر إن «مقاتلي التنظيم حققوا تقدما في حي النشوة جنوبي مدينة الحسكة، "
                   "خلال المعارك الحالية مع قوات النظام».")
    assert "operation" not in categories(recs)


def test_a_placeless_sentence_of_a_brief_happens_where_the_brief_began():
    text = ("* الجزائر: حاصرت قوة للجيش مجموعة مسلحة في بلدة قريبة من مدينة باتنة شرق البلاد.\n"
            "وأشار المصدر إلى أن المسلحين هاجموا الثكنة بقذائف تقليدية ثم أطلقوا الرصاص على الجنود.\n\n"
            "* هافانا: احتفلت كوبا بذكرى الثورة في مدينة سانتياغو دي كوبا وفي مدينة هافانا وفي مدينة ماتانزاس.")
    recs = extract(text)
    # the army's siege in the first sentence, then the attack of the next one, placed where the brief began
    assert sorted((r["category"], r["country"], r["precision"]) for r in recs) == [
        ("attack", "DZ", "near"), ("operation", "DZ", "near")]


def test_strikes_added_on_another_province_are_placed_there_too():
    recs = extract("وشنت الطائرات ست غارات على مواقع الحوثيين في محافظة عمران بالإضافة إلى ثلاث غارات على "
                   "مواقع المسلحين الحوثيين في محافظة الجوف.")
    assert sorted(r["place"] for r in recs) == ["Al Jawf Governorate", "Amran Governorate"]


def test_the_launch_of_a_named_operation_is_a_campaign():
    recs = extract("وأعلن الجيش انطلاق عملية الشهيد سالم لتحرير منطقة الصابري بمدينة بنغازي من الجماعات المسلحة.")
    assert types(recs) == [("operation", "military_campaign")]


def test_liberating_a_district_or_an_area_is_retaking_it():
    recs = extract("وتمكنت قوات الجيش الوطني من تحرير مديرية قعطبة في محافظة الضالع.")
    assert types(recs) == [("operation", "military_campaign")]


def test_an_attack_a_state_will_launch_is_a_plan():
    assert extract("وأعلنت تركيا أنها ستطلق قريبا هجوما واسع النطاق ضد تنظيم داعش في شمال سوريا.") == []
    # an operation the forces will go on with is under way
    recs = extract("وأكدت القيادة أن القوات ستواصل العملية العسكرية الشاملة في محافظة شمال سيناء.")
    assert categories(recs) == ["operation"]


def test_a_force_behind_a_preposition_is_not_the_subject():
    recs = extract("وقالت مصادر إن المقاتلين يتم تسليحهم من مخازن تابعة للجيش للزج بهم في جبهات مدينة تعز التي "
                   "تشهد مواجهات عنيفة منذ أيام بين المقاومة والمسلحين الحوثيين.")
    assert "operation" not in categories(recs)


def test_the_subject_before_after_did_not_carry_out_the_attack():
    recs = extract("وغيرت تركيا موقفها بعد هجوم دام في مدينة سروج قرب الحدود مع سوريا.")
    assert categories(recs) == ["attack"]


def test_a_country_that_speaks_is_not_where_the_strikes_fell():
    text = ("شنت المقاتلات التركية غارات على مواقع حزب العمال الكردستاني في شمال العراق.\n"
            "واعتبرت الولايات المتحدة، التي تصنف الحزب منظمة ارهابية، ان الغارات التي شنتها المقاتلات "
            "التركية على مواقع المتمردين تأتي في إطار الدفاع عن النفس.")
    assert "US" not in [r["country"] for r in extract(text)]


def test_a_permission_to_strike_is_not_a_strike():
    assert extract("وأعلنت أنقرة أنها سمحت للطائرات الأميركية بشن هجمات على تنظيم داعش في شمال سوريا.") == []
    assert extract("ووافقت تركيا على مشاركة الولايات المتحدة في توجيه ضربات جوية ضد داعش في سوريا.") == []


# -- session 5: rules from a third set of real articles ----------------------------------------

def test_strikes_across_the_border_from_a_town_are_placed_near_that_town():
    recs = extract("وقصفت مقاتلات تركية ثلاثة مواقع للتنظيم في المنطقة الحدودية في سوريا المقابلة لمدينة كيليس.")
    assert [(r["category"], r["place"], r["precision"]) for r in recs] == [("operation", "Kilis", "near")]


def test_a_groups_militias_or_members_shelling_is_the_groups_attack():
    assert types(extract("وقصفت ميليشيات الحوثي أحياء سكنية في مدينة تعز.")) == [("attack", "explosive_device")]
    assert types(extract("وقصفت عناصر داعش أحياء سكنية في مدينة الحسكة.")) == [("attack", "explosive_device")]
    # the militias as the object of the strikes stay their target
    assert types(extract("وقصفت طائرات التحالف مواقع ميليشيات الحوثي في صعدة.")) == [("operation", "airstrike")]


def test_a_region_after_a_comma_says_where_the_place_lies_it_is_no_second_place():
    recs = extract("ونفذت قوات الجيش في محافظة إب، وسط اليمن، عمليتين ضد مسلحي الحوثي.")
    assert kinds(recs) == [("operation", "military_campaign", "Ibb Governorate")]


def test_fighters_killed_before_a_strike_word_did_not_fire_it():
    recs = extract("وأعلن مصدر عسكري مقتل سبعة من قادة تنظيم داعش بقصف مدفعي استهدف موكبهم في مدينة الفلوجة.")
    assert types(recs) == [("operation", "airstrike")]
    recs = extract("وقالت مصادر محلية إن 15 من مسلحي الحوثي قتلوا في قصف لطيران التحالف على مدينة الحوطة في لحج.")
    assert categories(recs) == ["operation"]
    # the group that fired, named before the strike word, still fired it
    assert types(extract("وقتل ثلاثة مدنيين في قصف شنه مسلحو داعش على حي سكني في مدينة الحسكة.")) == [
        ("attack", "explosive_device")]


def test_an_attack_carried_out_by_a_states_aircraft_or_army_is_its_operation():
    recs = extract("وذلك بعد يوم من هجوم شنته الطائرات الحربية التركية على مواقع التنظيم في سوريا.")
    assert types(recs) == [("operation", "airstrike")]
    recs = extract("وقتل عشرة مسلحين في هجوم نفذه الجيش على مخبأ لهم قرب مدينة العريش.")
    assert categories(recs) == ["operation"]


def test_civil_operations_riots_and_cyber_attacks_are_no_incidents():
    assert extract("وبدأت الشرطة عملية تحقيق في محيط المركز المستهدف في مدينة أنقرة.") == []
    assert extract("وتعرضت مواقع حكومية في طهران لهجمات إلكترونية.") == []
    assert extract("ووقعت اشتباكات بين المحتجين وقوات الأمن في وسط القاهرة.") == []
    assert extract("واشتبك قوميون يحتجون ضد المهاجرين بعنف مع جماعات مناهضة للعنصرية في مدينة ملبورن.") == []
    assert extract("وقالت المتحدثة إن حشدا غاضبا هاجم الجنود ورشقهم بالحجارة في مدينة جنين.") == []
    assert categories(extract("ووقعت اشتباكات بين مسلحين وقوات الأمن في وسط القاهرة.")) == ["operation"]


def test_terrorist_operations_carried_out_are_attacks():
    recs = extract("وتضم المجموعة الثانية 190 شخصا نفذوا العمليات الإرهابية في مدينة القطيف.")
    assert types(recs) == [("attack", "armed_assault")]
    assert types(extract("ونفذت قوات الأمن عمليات في مدينة القطيف.")) == [("operation", "military_campaign")]


def test_a_light_attack_verb_describing_strikes_or_an_operation_is_no_attack_of_its_own():
    recs = extract("وشنت مقاتلات التحالف أربع غارات، استهدفت مواقع للحوثيين في محافظة مأرب.")
    assert types(recs) == [("operation", "airstrike")]
    # joined by و, the verb starts an event of its own
    recs = extract("وأرسل الجيش تعزيزات إلى الفلوجة، وهاجم مسلحون قاعدة عسكرية في أطراف الفلوجة.")
    assert sorted(categories(recs)) == ["attack", "deployment"]


def test_operations_a_group_carries_out_are_its_attacks():
    recs = extract("ورد حزب العمال الكردستاني بعمليات انتقامية ضد السلطات في مدينة سروج.")
    assert types(recs) == [("attack", "armed_assault")]
    assert types(extract("ونفذت القوات عمليات ضد تنظيم داعش في مدينة الرمادي.")) == [
        ("operation", "military_campaign")]


def test_a_news_agency_nationality_is_no_actor_and_its_publishing_no_deployment():
    recs = extract("ونقلت وكالة الأنباء الألمانية أن مقاتلي المقاومة والجيش الوطني سيطروا على قاعدة العند.")
    assert [r["actors"] for r in recs] == [[]]
    recs = extract("ونشر عدد من الصحف الأميركية أخبارا بأن المقاومة سيطرت على مدينة عدن.")
    assert "deployment" not in categories(recs)


def test_where_a_leader_lives_in_exile_is_not_where_his_forces_fight():
    recs = extract("وبدأت القوات الموالية لهادي الموجود في المنفى في السعودية هجوما واسعا لاستعادة قاعدة العند في لحج.")
    assert [r["country"] for r in recs] == ["YE"]


def test_what_was_supposed_to_happen_did_not():
    assert extract("وكان من المفترض أن تنتشر القوة المتعددة الجنسيات في مدينة مايدوغوري بحلول نهاية يوليو.") == []


def test_liberating_or_retaking_a_named_town_or_a_building_is_a_retaking():
    assert types(extract("وتمكنت المقاومة الشعبية والجيش من تحرير عدن.")) == [("operation", "military_campaign")]
    recs = extract("واستعادت القوات قصر المعاشيق ومقر الإذاعة والتلفزيون في مدينة عدن.")
    assert kinds(recs) == [("operation", "military_campaign", "Aden")]
    # a city named as a cause is no front
    assert extract("ويجب العمل على تحرير القدس من الاحتلال.") == []
    # the group after من is driven out, it did not liberate the province
    recs = extract("وتواصل القوات العراقية عمليات تحرير الأنبار من تنظيم داعش.")
    assert categories(recs) == ["operation"]


def test_two_sides_taking_a_town_together():
    recs = extract("المقاومة الشعبية والجيش يسيطران على مدينة زنجبار في اليمن.")
    assert kinds(recs) == [("operation", "military_campaign", "Zinjibār")]


def test_a_negation_ends_with_its_clause():
    recs = extract("لقن شباب المقاومة فلول الحوثي درسا لن ينسوه، وتمكنوا من تحرير عدن.")
    assert types(recs) == [("operation", "military_campaign")]
    assert extract("ولم تشن الطائرات أي غارات على مدينة إدلب.") == []


def test_barrel_bombs_named_as_such_need_no_aircraft_beside_them():
    recs = extract("وقالت مصادر محلية إن الجيش ألقى عددا كبيرا من البراميل المتفجرة على مدينة الزبداني.")
    assert types(recs) == [("operation", "airstrike")]
    assert extract("وارتفعت أسعار البراميل في مدينة حلب.") == []


def test_a_siege_is_a_campaign_of_whoever_lays_it():
    recs = extract("وتحاصر القوات العراقية مدينة الفلوجة من ثلاث جهات.")
    assert kinds(recs) == [("operation", "military_campaign", "Al Fallūjah")]
    recs = extract("وتحاصر فصائل جيش الفتح مدينة إدلب بشكل كامل منذ نهاية مارس.")
    assert types(recs) == [("attack", "armed_assault")]
    # those besieged did not lay the siege
    recs = extract("وقال إن من تبقى من الإرهابيين محاصرون في مدينة بنغازي.")
    assert types(recs) == [("operation", "military_campaign")]
    # the besieged as an adjective, or a siege lifted, is no incident
    assert extract("وطالبت المنظمة برفع الحصار عن مدينة تعز.") == []
    assert extract("وحذرت الهيئة الطبية في مدينة دمشق المحاصرة من تفشي وباء التيفوئيد.") == []


def test_strikes_a_country_permits_further_on_in_the_sentence_are_not_told():
    text = ("وأعلن مسؤول عسكري أن تركيا سمحت للولايات المتحدة باستخدام قواعدها الجوية، ولا سيما قاعدة "
            "إنجرليك في جنوب البلاد، في شن غارات على تنظيم الدولة في سوريا.")
    assert extract(text) == []
    # an act told with a verb of its own after the agreement happened
    recs = extract("وطلبت واشنطن دعم الجزائر التي وافقت، وقامت قواتها بغارة في التراب الليبي.")
    assert types(recs) == [("operation", "airstrike")]


def test_after_is_no_negation_and_a_mined_car_is_a_car_bomb():
    recs = extract("وطالب الرئيس باكستان بالتصدي لطالبان بعدما حصد تفجير سيارة ملغومة قرب مطار كابول أرواح خمسة أشخاص.")
    assert kinds(recs) == [("attack", "explosive_device", "Kabul")]


def test_a_site_named_after_the_subject_is_the_target_not_the_country_after_it():
    recs = extract("وبث التلفزيون لقطات بعيد اقتحام الجيش العراقي مصفاة بيجي في العراق.")
    assert [r["place"] for r in recs] == ["Baiji refinery"]


def test_sorties_are_strikes():
    recs = extract("ونفذ طيران التحالف الدولي 15 طلعة جوية على مواقع التنظيم في مدينة الفلوجة.")
    assert kinds(recs) == [("operation", "airstrike", "Al Fallūjah")]


def test_syrian_rebel_factions_are_groups():
    recs = extract("وقال المكتب إن لواء اليرموك التابع للجيش السوري الحر قصف بقذائف الهاون تل الشيخ حسين في ريف درعا.")
    assert [(r["category"], r["groups"]) for r in recs] == [("attack", ["Free Syrian Army"])]
    recs = extract("وتحاصر فصائل جيش الفتح بلدتي الفوعة وكفريا في ريف إدلب.")
    assert [r["groups"] for r in recs] == [["Army of Conquest"]]


def test_where_aircraft_took_off_from_with_its_region_is_not_where_they_struck():
    recs = extract("وقال المكتب إن ثلاث مقاتلات أقلعت من قاعدة في ديار بكر بجنوب شرق تركيا وقصفت مقرين للتنظيم في سوريا.")
    strikes = [(r["place"], r["precision"]) for r in recs if r["category"] == "operation"]
    assert strikes == [("Syria", "country")]


def test_occupying_a_city_and_female_suicide_bombers():
    recs = extract("ومنذ أن احتل الحوثيون صنعاء في سبتمبر الماضي عاد الحوثيون إلى تهديد المملكة.")
    assert kinds(recs) == [("attack", "territory_seized", "Sanaa")]
    recs = extract("وقال قائد الشرطة إن ثلاث انتحاريات فجرن أنفسهن صباح اليوم في مدينة داماتورو.")
    assert types(recs) == [("attack", "suicide_bombing")]
    # the occupation as a standing state is no event
    assert extract("وندد الوزير باستمرار الاحتلال في مدينة الخليل.") == []
