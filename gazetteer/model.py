"""The two value types the gazetteer hands out: a Place and a Mention of it in text."""
from __future__ import annotations

from dataclasses import dataclass, field

KINDS = ("country", "admin", "city", "town", "region", "water", "facility", "site")  # site: a name the gazetteer lacks (sites.py)
ROLES = ("location", "demonym", "metonym")


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry.

    ``geonameid`` is None for curated places GeoNames lacks (regions such as
    the Sahel); those carry a stable ``id`` such as ``region:sahel`` instead.
    ``parent`` is the ISO2 code of the country a region lies in (``None`` for
    multi-country regions) and is already in ``country`` for ordinary places.
    ``radius_km`` is how far the place extends around its point: the
    uncertainty a map should draw for a region- or country-level location.
    ``centre`` is where a map draws an admin area named as a whole (محافظة
    الجوف): the middle of its territory, while ``lat``/``lon`` stay its seat,
    the point that tells namesakes apart and relates towns to their province.
    """

    id: str
    geonameid: int | None
    name: str
    name_ar: str
    country: str | None
    lat: float
    lon: float
    kind: str
    population: int | None = None
    radius_km: float = 0.0
    admin1: str | None = None
    capital: bool = False
    centre: tuple[float, float] | None = None

    def as_json(self, score: float | None = None) -> dict:
        """The `incmap resolve` record of this place (see shared CONTRACT)."""
        out = {
            "geonameid": self.geonameid,
            "name": self.name,
            "name_ar": self.name_ar,
            "country": self.country,
            "lat": round(self.lat, 5),
            "lon": round(self.lon, 5),
            "kind": self.kind,
            "population": self.population,
        }
        if score is not None:
            out["score"] = round(score, 4)
        if self.geonameid is None:
            out["id"] = self.id
        return out


@dataclass(frozen=True, slots=True)
class Candidate:
    """A place proposed for a name, with the ranking score that put it there."""

    place: Place
    score: float


@dataclass(slots=True)
class Mention:
    """A place named in a text.

    ``start``/``end`` are offsets into the text as given (``text[start:end] ==
    surface``) and exclude attached clitics (و ف ب ل ك).  ``candidates`` keeps
    the alternatives the resolver considered, best first; ``place`` is the
    chosen one.  ``as_area`` says the text names an admin area as a whole
    (محافظة الأنبار, or حضرموت, which no town bears), not the seat town it
    shares its name with; such a mention is drawn at the area's centre.
    """

    start: int
    end: int
    surface: str
    place: Place
    role: str = "location"
    score: float = 1.0
    candidates: list[Candidate] = field(default_factory=list, repr=False)
    as_area: bool = False

    @property
    def point(self) -> tuple[float, float]:
        """(lat, lon) where a map draws this mention."""
        if self.as_area and self.place.centre:
            return self.place.centre
        return self.place.lat, self.place.lon

    def as_json(self, file: str) -> dict:
        """The `incmap toponyms` record of this mention (see shared CONTRACT)."""
        p = self.place
        lat, lon = self.point
        out = {
            "file": file,
            "start": self.start,
            "end": self.end,
            "surface": self.surface,
            "geonameid": p.geonameid,
            "name": p.name,
            "country": p.country,
            "lat": round(lat, 5),
            "lon": round(lon, 5),
            "kind": p.kind,
            "role": self.role,
            "score": round(self.score, 4),
        }
        if p.geonameid is None:
            out["id"] = p.id
        out["name_ar"] = p.name_ar
        return out
