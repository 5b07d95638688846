"""Absolute and relative dates, resolved against the publication date; dates across house styles."""
import datetime as dt

from geo.extract import extract_incidents
from geo.extract.dates import coarsest_common, find_dates, hijri_to_gregorian, published_from_text
from geo.model import Article


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


# --- rules for dates across house styles (issue 4); every sentence written for these tests -------

def dates_of(text, published=None):
    """(date, place) of each incident extracted from a whole article."""
    recs = extract_incidents(Article("t.txt", text, published=published))
    return sorted(((r["date"], r["place"]) for r in recs), key=lambda dp: (dp[0] or "", dp[1]))


def test_wire_datelines_with_a_city_and_an_agency():
    assert published_from_text("مصراتة (ليبيا) - 4 يونيو 2016 (وكالة الأخبار المغاربية) - قال مسؤولون محليون "
                               "إن اشتباكات عنيفة دارت طوال الليل في الأحياء الجنوبية من المدينة.") == "2016-06-04"
    assert published_from_text("بماكو، 22 نوفمبر 2015 (وكالة الأنباء) - أعلن الجيش المالي أن وحداته طاردت "
                               "مسلحين هاجموا نقطة تفتيش قرب الحدود مع النيجر في ساعة متأخرة من الليل.") == "2015-11-22"


def test_publication_markers_at_the_top_or_the_bottom():
    body = "هاجم مسلحون مركزا للشرطة في مدينة تمبكتو، وتبادلوا إطلاق النار مع عناصره لساعة كاملة قبل أن ينسحبوا.\n"
    assert published_from_text("نشر في: 3 فبراير 2019\n" + body) == "2019-02-03"
    assert published_from_text(body * 7 + "آخر تحديث: 12 سبتمبر 2020 - 14:20\n") == "2020-09-12"
    # a date told in a closing sentence is the event's, not the article's
    assert published_from_text(body * 7 + "وكانت المدينة قد شهدت بتاريخ 24 أكتوبر 2013 هجوما مماثلا.\n") is None


def test_a_live_blog_entry_is_dated_by_the_day_it_is_filed_under():
    text = ("تغطية متواصلة | المعارك في شمال البلاد\n\n"
            "الثلاثاء 14 مارس 2017 - تحديث مستمر\n\n"
            "10:20 - مصادر محلية: مسلحون يهاجمون حاجزا للجيش في مدينة تلعفر.\n\n"
            "16:05 - طائرات التحالف تقصف مواقع في بلدة البعاج.\n\n"
            "الأربعاء 15 مارس 2017\n\n"
            "08:30 - القوات العراقية تعلن أنها قصفت أمس مخازن سلاح في مدينة الموصل.\n\n"
            "09:10 - مسلحون يهاجمون نقطة تفتيش في بلدة سنجار.\n")
    got = dict((p, d) for d, p in dates_of(text))
    assert got["Tall ‘Afar"] == got["Al Ba‘āj"] == "2017-03-14"
    assert got["Mosul"] == "2017-03-14"  # أمس under the second day's heading
    assert got["Sinjār"] == "2017-03-15"


def test_a_sentence_without_a_date_takes_the_one_just_before_it_in_the_paragraph():
    text = ("مساء الأحد الماضي، عاد التوتر إلى المدينة. وهاجم مسلحون مركزا للشرطة في مدينة سرت.\n\n"
            "وتقول مصادر إن المدينة تعيش هدوءا حذرا.\n\n"
            "وداهمت قوات الأمن منازل في مدينة درنة.\n")
    got = dict((p, d) for d, p in dates_of(text, "2016-06-04"))  # a Saturday
    assert got["Sirte"] == "2016-05-29"
    # another paragraph, and the date before it is no news of the day (six days old): no date
    assert got["Darnah"] is None


def test_the_day_after_follows_the_date_told_before_in_the_paragraph():
    found = find_dates("في 3 مارس 2015 اقتحم مسلحون القرية. وفي اليوم التالي وصلت تعزيزات.")
    assert [d.value for d in found] == ["2015-03-03", "2015-03-04"]
    # a sentence read alone cannot know what "the day after" follows
    assert values("وفي اليوم التالي وصلت تعزيزات.", "2021-06-01") == [None]


def test_same_year_and_same_month_follow_the_last_written_year():
    assert values("هاجم مسلحون البلدة في فبراير 2015، وفي 15 يونيو من العام نفسه فجروا جسرا.") == ["2015-02", "2015-06-15"]
    assert values("انفجرت سيارة في 4 يناير 2016، ثم انفجرت أخرى في السابع من الشهر نفسه.") == ["2016-01-04", "2016-01-07"]
    assert values("قصفت الطائرات المدينة في أكتوبر من العام الماضي.", "2017-10-21") == ["2016-10"]


def test_weekdays_with_past_are_strictly_before_the_article_date():
    pub = "2021-03-14"  # a Sunday
    assert values("يوم الأحد", pub) == ["2021-03-14"]
    assert values("الأحد الماضي", pub) == ["2021-03-07"]
    assert values("الجمعة المقبل", pub) == ["2021-03-19"]
    # أمس الأحد, الأربعاء 16 مارس 2016: one date each, not two
    assert values("قتل جنديان أمس السبت", pub) == ["2021-03-13"]
    assert values("الأربعاء 16 مارس 2016") == ["2016-03-16"]


def test_ordinal_days_and_syriac_gregorian_pairs():
    assert values("أطلقت العملية في الأول من أغسطس 2014") == ["2014-08-01"]
    assert values("استعادت القوات البلدة في الخامس من أكتوبر الجاري", "2017-10-21") == ["2017-10-05"]
    assert values("انفجرت سيارتان في 23 آب/أغسطس 2013") == ["2013-08-23"]
    assert values("انتشر الجيش في نيسان/أبريل 2014") == ["2014-04"]


def test_a_range_of_days_gives_the_month():
    assert values("دارت معارك بين 10 و12 مايو 2014 قرب المدينة") == ["2014-05"]
    assert values("من 3 إلى 5 يناير 2020 قصفت الطائرات") == ["2020-01"]
    assert values("في 7 و7 يناير 2020") == ["2020-01-07"]  # one day written twice is still that day


def test_year_only_background_and_bounds():
    assert values("في 2014 سيطر التنظيم على المدينة") == ["2014"]
    (d,) = find_dates("كانت المنطقة تحت سلطة الدولة قبل 2014")
    assert d.value == "2014" and d.bound
    (d,) = find_dates("تعمل الوحدات هناك منذ صباح اليوم", "2019-12-11")
    assert d.since  # منذ reaches past the time of day


def test_stretches_of_days_are_given_coarser():
    assert values("هاجم مسلحون القاعدة الأسبوع الماضي", "2020-02-18") == ["2020-02"]
    assert values("هاجم مسلحون القاعدة الأسبوع الماضي", "2020-03-03") == ["2020"]  # across two months
    assert values("حشد الجيش قواته خلال الأيام الماضية", "2018-01-21") == ["2018-01"]
    assert coarsest_common(dt.date(2019, 12, 28), dt.date(2020, 1, 3)) is None


def test_hijri_dates():
    # 1 Ramadan 1437 was 6 June 2016 by sighting; the arithmetic calendar may be a day or two off
    assert abs((hijri_to_gregorian(1437, 9, 1) - dt.date(2016, 6, 6)).days) <= 2
    assert hijri_to_gregorian(1, 1, 1) == dt.date(622, 7, 19)  # the epoch, 16 July 622 Julian
    (d,) = find_dates("وقع الهجوم في 10 رمضان 1437 هـ")
    assert abs((dt.date.fromisoformat(d.value) - dt.date(2016, 6, 15)).days) <= 2
    # the Gregorian date it restates wins; a bare month name (رمضان، رجب) is no date
    assert values("الثلاثاء 8 مارس 2016 الموافق 28 جمادى الأولى 1437") == ["2016-03-08"]
    assert values("قال رجب إن شهر رمضان هادئ") == []


def test_a_newspaper_named_today_is_no_date():
    assert values("وقالت مصادر لـ«عدن اليوم» إن الطائرات قصفت المواقع", "2020-12-30") == []
    assert values("قصفت الطائرات المواقع اليوم", "2020-12-30") == ["2020-12-30"]


def test_the_incident_date_not_the_statement_date_nor_another_nouns():
    pub = "2020-04-10"  # a Friday
    # أمس الخميس dates the announcement; the operation was launched late in March
    text = 'أعلن الرئيس، أمس الخميس، انتهاء عملية "درع الصحراء" التي أطلقها الجيش نهاية مارس الماضي ضد المسلحين قرب بحيرة تشاد.'
    assert [d for d, _ in dates_of(text, pub)] == ["2020-03"]
    # the date in the relative clause is the campaign's; the raid is told on the statement's day
    text = ('أعلن الجيش في بيان صدر صباح اليوم أن وحداته بدأت التوغل في مدينة عفرين، '
            'في إطار حملة "الفجر" التي انطلقت عصر أمس.')
    assert [d for d, _ in dates_of(text, pub)] == ["2020-04-10"]


def test_a_standing_deployment_has_no_date():
    text = "وتنشر فرنسا نحو ألف جندي في مدينة غاو منذ سنوات، وهي قوة تتمركز حاليا قرب المطار."
    assert all(d is None for d, _ in dates_of(text, "2020-02-18"))
    assert [d for d, _ in dates_of("وصلت تعزيزات عسكرية فرنسية أمس إلى مدينة غاو.", "2020-02-18")] == ["2020-02-17"]


def test_the_days_news_goes_on_without_repeating_its_day():
    text = ("تونس - هاجم مسلحون فجر أمس ثكنة للجيش في مدينة قابس.\n\n"
            "وقالت وزارة الداخلية إن التحقيقات متواصلة.\n\n"
            "ودفعت وزارة الدفاع بتعزيزات عسكرية إلى مدينة قابس.\n")
    got = dates_of(text, "2016-03-08")
    assert ("2016-03-07", "Gabès") in got
    assert ("2016-03", "Gabès") in got  # the reinforcements: that stretch of days, to the month
