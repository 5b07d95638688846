"""Merging across articles at archive scale: one incident told by thousands of articles, many incidents in one country."""
import copy

from geo.extract import IncidentMerger, extract_incidents
from geo.model import Article


def _records(text, published="2021-03-10"):
    return extract_incidents(Article("a.txt", text, published=published))


def _as_from(rec, file):
    """The same record as another article would report it."""
    out = copy.deepcopy(rec)
    out["source"]["file"] = file
    for src in out["sources"]:
        src["file"] = file
    return out


def test_one_incident_told_by_thousands_of_articles_is_one_record_citing_each_once():
    (raid,) = _records("داهمت قوات الأمن مخبأ لخلية مسلحة في مدينة سوسة أمس.")
    merger = IncidentMerger()
    for n in range(3000):
        merger.add(_as_from(raid, f"archive/{n:05d}.txt"))
    (merged,) = merger.records
    files = [s["file"] for s in merged["sources"]]
    assert len(files) == 3000 == len(set(files))
    assert files[0] == "archive/00000.txt" and merged["source"]["file"] == "archive/00000.txt"


def test_country_level_reports_merge_on_the_same_full_date_only():
    text = "أعلنت الحكومة أن مسلحين هاجموا قاعدة عسكرية في الأراضي الليبية يوم 12 مايو 2021."
    recs = [r for r in _records(text) if r["precision"] in ("country", "region")]
    assert recs, _records(text)
    rec = recs[0]
    merger = IncidentMerger()
    for n in range(500):
        merger.add(_as_from(rec, f"same-day/{n}.txt"))
    other_day = _as_from(rec, "other-day.txt")
    other_day["date"] = "2021-05-13"
    merger.add(other_day)
    undated = _as_from(rec, "undated.txt")
    undated["date"] = None
    merger.add(undated)
    assert [len(r["sources"]) for r in merger.records] == [500, 1, 1]


# -- one article: a series at one place is several incidents, a rare event told twice is one --

def _article(text):
    from geo.extract import extract_incidents
    from geo.model import Article

    return extract_incidents(Article("t.txt", text))


def test_two_ambushes_at_one_town_are_two_incidents():
    recs = _article("قتل ثلاثة جنود في كمين نصبه مسلحون قرب مدينة الرمادي صباح الأحد. "
                    "وفي المساء قتل جنديان آخران في كمين ثان نصبه مسلحون قرب مدينة الرمادي.")
    assert [r["place"] for r in recs if r["category"] == "attack"] == ["Ramadi", "Ramadi"]


def test_a_kidnapping_told_twice_is_one_incident():
    recs = _article("اختطف مسلحون القنصل في مدينة غاو. وأكدت الوزارة اختطاف القنصل وستة دبلوماسيين في مدينة غاو.")
    assert [r["subtype"] for r in recs] == ["kidnapping"]


def test_undated_reports_from_two_articles_stay_apart():
    """Two articles telling of shelling on Daraa with no date may tell of two days: only dated reports merge."""
    (undated,) = _records("قصفت قوات النظام مخيم درعا بالصواريخ والمدفعية الثقيلة.", published=None)
    assert undated["date"] is None
    merger = IncidentMerger()
    merger.add(_as_from(undated, "a.txt"))
    merger.add(_as_from(undated, "b.txt"))
    assert len(merger.records) == 2
    (dated,) = _records("قصفت قوات النظام مخيم درعا بالصواريخ والمدفعية الثقيلة أمس.")
    merger = IncidentMerger()
    merger.add(_as_from(dated, "a.txt"))
    merger.add(_as_from(dated, "b.txt"))
    assert [len(r["sources"]) for r in merger.records] == [2]


def test_undated_records_are_not_indexed_for_merging():
    """Undated records never merge across articles, so none waits in the grid to be compared with later
    ones: 20,000 at one town would otherwise make every later record scan them all (quadratic)."""
    (undated,) = _records("قصفت قوات النظام مخيم درعا بالصواريخ والمدفعية الثقيلة.", published=None)
    merger = IncidentMerger()
    for n in range(2000):
        merger.add(_as_from(undated, f"a{n}.txt"))
    assert len(merger.records) == 2000
    assert not merger._grid and not merger._dated
