"""Incident extraction from Arabic news: ``extract_incidents`` and ``merge_incidents``.

    >>> from geo.model import Article
    >>> from geo.extract import extract_incidents
    >>> recs = extract_incidents(Article("a.txt", "شن تنظيم داعش هجوما على قاعدة للجيش في مدينة غاو المالية."))
    >>> [(r["category"], r["subtype"], r["place"], r["groups"]) for r in recs]
    [('attack', 'armed_assault', 'Gao', ['ISIS'])]
"""
from .incidents import extract_incidents
from .merge import IncidentMerger, merge_incidents

__all__ = ["extract_incidents", "merge_incidents", "IncidentMerger"]
