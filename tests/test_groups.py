"""Armed-group names: aliases to canonical names, and finding them in running Arabic text."""
from geo.groups import canonical_group, find_groups, known_groups


def test_aliases_resolve_to_canonical_names():
    assert canonical_group("داعش") == "ISIS"
    assert canonical_group("تنظيم الدولة") == "ISIS"
    assert canonical_group("الدولةُ الإسلاميةُ") == "ISIS"  # diacritics folded
    assert canonical_group("ISIL") == "ISIS"
    assert canonical_group("isis") == "ISIS"
    assert canonical_group("القاعدة في بلاد المغرب الإسلامي") == "AQIM"
    assert canonical_group("تنظيم القاعدة") == "al-Qaeda"
    assert canonical_group("Al Qaeda") == "al-Qaeda"
    assert canonical_group("جماعة بوكو حرام") == "Boko Haram"
    assert canonical_group("حركة الشباب") == "al-Shabaab"
    assert canonical_group("هيئة تحرير الشام") == "HTS"
    assert canonical_group("نصرة الإسلام والمسلمين") == "JNIM"
    assert canonical_group("الحوثيين") == "Houthis"


def test_unknown_names_are_none():
    assert canonical_group("وزارة الدفاع") is None
    assert canonical_group("") is None
    assert canonical_group("ISISX") is None


def test_known_groups_are_canonical_and_unique():
    groups = known_groups()
    assert len(groups) == len(set(groups))
    assert {"ISIS", "AQIM", "JNIM", "ISGS", "ISWAP", "Ansar al-Sharia", "Al-Mourabitoun"} <= set(groups)
    assert all(canonical_group(g) == g for g in groups)


def test_find_groups_with_clitics_and_kind_words():
    text = "أعلن مسؤول أن لتنظيم الدولة خلايا نائمة، وأن مقاتلي بوكو حرام والقاعدة انسحبوا."
    found = [(text[s:e], g) for s, e, g in find_groups(text)]
    assert found == [("تنظيم الدولة", "ISIS"), ("بوكو حرام", "Boko Haram"), ("القاعدة", "al-Qaeda")]


def test_longest_alias_wins_so_places_inside_group_names_are_covered():
    text = "تبنى تنظيم داعش في الصحراء الكبرى الكمين."
    (s, e, g), = find_groups(text)
    assert g == "ISGS" and text[s:e] == "تنظيم داعش في الصحراء الكبرى"


def test_a_military_base_is_not_al_qaeda():
    text = "وصلت التعزيزات إلى القاعدة العسكرية الفرنسية، بينما تبنت القاعدة الهجوم."
    assert [g for _, _, g in find_groups(text)] == ["al-Qaeda"]


def test_al_qaeda_after_a_place_preposition_is_the_base_not_the_group():
    from geo.groups import find_groups
    assert find_groups("وسقطت قذيفتان داخل القاعدة دون إصابات.") == []
    assert [g for _, _, g in find_groups("وقال إن مسلحين من القاعدة هاجموا دورية.")] == ["al-Qaeda"]


def test_soldiers_posted_at_the_front_are_not_al_mourabitoun():
    from geo.groups import find_groups
    assert find_groups("وبحث الوزير دعم أسر المرابطين على الحد الجنوبي.") == []
    assert find_groups("واعتقلت الشرطة ثلاثة مسلحين ملثمين، وقال شهود إن الملثمون فروا.") == []


def test_al_mourabitoun_named_with_its_kind_word_or_beside_one():
    from geo.groups import find_groups
    text = 'وتبنت الهجوم جماعة "المرابطون" التي يقودها مختار بلمختار.'
    assert [g for _, _, g in find_groups(text)] == ["Al-Mourabitoun"]
    # once the article names the group for sure, its bare name is the group too
    text = "تبنى المرابطون الهجوم على الفندق. وكانت جماعة المرابطين قد هددت فرنسا."
    assert [g for _, _, g in find_groups(text)] == ["Al-Mourabitoun", "Al-Mourabitoun"]
