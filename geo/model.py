"""The incident data model: its vocabulary and the shape of one incident.

Every incident is a flat record whose keys are the GeoJSON ``properties`` of
the shared contract plus ``lat``/``lon``; ``geo.frame`` turns a list of them
into the GeoDataFrame that filters, exporters and maps share.
"""
from __future__ import annotations

CATEGORIES = ("attack", "operation", "deployment")

SUBTYPES = {
    "armed_assault": "attack",
    "suicide_bombing": "attack",
    "explosive_device": "attack",
    "kidnapping": "attack",
    "territory_seized": "attack",
    "airstrike": "operation",
    "ground_raid": "operation",
    "capture_arrest": "operation",
    "military_campaign": "operation",
    "deployment": "deployment",
}

PRECISIONS = ("exact", "near", "admin", "region", "country")

# Keys every exported incident carries, in export order (GeoJSON properties, CSV columns).
PROPERTY_KEYS = (
    "id", "category", "subtype", "acled_event_type", "acled_sub_event_type",
    "date", "country", "place", "place_ar", "geonameid", "precision",
    "radius_km", "groups", "actors", "fatalities", "confidence",
    "source", "sources", "evidence", "trigger", "url", "title",
)


from dataclasses import dataclass, field


@dataclass
class Article:
    """One article to read: its text plus what the input said about it.

    ``path`` names where it came from (a file, or ``file.jsonl#3`` for the
    third record of a JSON Lines file) and is what incidents cite as their
    source ``file``.  ``published`` is ``YYYY-MM-DD`` or None.
    ``warnings`` collects non-fatal problems met while reading it (e.g. a
    damaged byte sequence that was replaced).
    """

    path: str
    text: str
    published: str | None = None
    url: str | None = None
    title: str | None = None
    warnings: list[str] = field(default_factory=list)
