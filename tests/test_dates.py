"""Absolute and relative dates, resolved against the publication date."""
from geo.extract.dates import find_dates, published_from_text


def values(text, published=None):
    return [d.value for d in find_dates(text, published)]


def test_absolute_dates():
    assert values("وقع الهجوم في 3 آذار 2019 صباحا") == ["2019-03-03"]
    assert values("في 17 أكتوبر 2016 بدأت المعركة") == ["2016-10-17"]
    assert values("في كانون الثاني 2020") == ["2020-01"]
    assert values("خلال شهر جوان 2014") == ["2014-06"]
    assert values("في عام 2011") == ["2011"]
    assert values("نشر في 2019-05-02") == ["2019-05-02"]


def test_month_without_year_needs_the_publication_date():
    assert values("في 9 مايو قتل") == [None]
    assert values("في 9 مايو قتل", "2021-06-01") == ["2021-05-09"]
    assert values("في 9 ديسمبر قتل", "2021-06-01") == ["2020-12-09"]  # not in the future
    assert values("في أغسطس الماضي", "2021-08-20") == ["2020-08"]


def test_relative_dates():
    pub = "2021-03-10"  # a Wednesday
    assert values("هاجم مسلحون أمس القرية", pub) == ["2021-03-09"]
    assert values("قصفت الطائرات الموقع الشهر الماضي", pub) == ["2021-02"]
    assert values("العام الماضي", pub) == ["2020"]
    assert values("يوم الأحد", pub) == ["2021-03-07"]
    assert values("هاجم مسلحون أمس القرية") == [None]


def test_since_marks_an_ongoing_span():
    (d,) = find_dates("قتل 50 جنديا منذ يناير 2020")
    assert d.value == "2020-01" and d.since


def test_ordinary_words_are_not_months():
    assert values("قال أب الضحية إن ابنه قتل") == []
    assert values("ذهب اليوم إلى السوق") == [None]  # اليوم is "today": unresolved without a date


def test_dateline():
    assert published_from_text("الخميس 11 مارس 2021 - 10:15\nهاجم مسلحون قرية.") == "2021-03-11"
    assert published_from_text("2021-03-11\nخبر") == "2021-03-11"
    assert published_from_text("هاجم مسلحون قرية في 11 مارس 2021 وقتلوا عددا من سكانها الذين كانوا في طريقهم إلى السوق الأسبوعي في البلدة المجاورة.") is None
