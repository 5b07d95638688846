"""Counts in digits and Arabic number words; death tolls."""
from geo.extract.numbers import find_fatalities, parse_number
from geo.extract.text import tokenize


def count(text):
    return parse_number(tokenize(text), 0)[0]


def test_number_words_and_digits():
    assert count("ثلاثة") == 3
    assert count("خمسة عشر") == 15
    assert count("سبعة وعشرون") == 27
    assert count("مائة وخمسون") == 150
    assert count("ثلاثة آلاف") == 3000
    assert count("12 ألف") == 12000
    assert count("٤٥") == 45
    assert count("ألف") == 1000


def test_vague_amounts_have_no_number():
    assert count("عشرات") is None
    assert count("مئات") is None
    assert count("آلاف") is None


def test_death_tolls():
    assert find_fatalities("أسفر الانفجار عن مقتل 7 مدنيين وإصابة 20 آخرين") == 7
    assert find_fatalities("قتل 23 جندياً في الكمين") == 23
    assert find_fatalities("أودى الهجوم بحياة ستة عناصر من الشرطة") == 6
    assert find_fatalities("خلفت الغارة مائة قتيل") == 100
    assert find_fatalities("سقط أكثر من 40 قتيلا") == 40
    assert find_fatalities("مقتل أكثر من خمسين شخصا") == 50


def test_no_toll_when_unstated_or_vague():
    assert find_fatalities("أصيب 12 شخصا بجروح") is None
    assert find_fatalities("سقط عشرات القتلى") is None
    assert find_fatalities("نشر الجيش 300 جندي") is None
