"""Helpers the incident-extraction tests share: run the real extractor on a sentence, and summarise records."""
from geo.extract import extract_incidents
from geo.model import Article


def extractor(published):
    """An ``extract(text, published=…)`` that runs the extractor on ``text`` as an article published then."""
    def extract(text, published=published):
        return extract_incidents(Article("t.txt", text, published=published))
    return extract


def categories(recs):
    """The category of each record, in output order."""
    return [r["category"] for r in recs]


def types(recs):
    """(category, subtype) of each record, in output order."""
    return [(r["category"], r["subtype"]) for r in recs]


def kinds(recs):
    """(category, subtype, place) of each record, sorted."""
    return sorted((r["category"], r["subtype"], r["place"]) for r in recs)


def undated(recs):
    """(category, place) of records that carry no date: violence told as a pattern (seeds README)."""
    assert all(r["date"] is None for r in recs), [r["date"] for r in recs]
    return sorted((r["category"], r["place"]) for r in recs)
