"""Incident extraction from Arabic news: ``extract_incidents`` and ``merge_incidents``.

    >>> from geo.model import Article
    >>> from geo.extract import extract_incidents
    >>> recs = extract_incidents(Article("a.txt", "شن تنظيم داعش هجوما على قاعدة للجيش في مدينة غاو المالية."))
    >>> [(r["category"], r["subtype"], r["place"], r["groups"]) for r in recs]
    [('attack', 'armed_assault', 'Gao', ['ISIS'])]
"""
import os as _os

from gazetteer.freshness import warn_if_stale as _warn_if_stale

_warn_if_stale(_os.path.dirname(__file__))  # before importing what may be compiled
from .incidents import extract_incidents  # noqa: E402
from .merge import IncidentMerger, merge_incidents  # noqa: E402

__all__ = ["extract_incidents", "merge_incidents", "IncidentMerger"]
