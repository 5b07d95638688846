"""Ranking namesakes: which place a name most likely denotes.

A score adds up independent evidence, each term small and explainable:
what kind of place it is (a country outranks a city of the same name:
الجزائر is Algeria before Algiers), how large, whether it is a capital, how
good the name match is (a curated news spelling beats an obscure GeoNames
alternate), an explicit country bias, and the document's context (countries
already named, distance to places already resolved).
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

from .model import Place

KIND_BASE = {"country": 8.0, "region": 5.0, "water": 5.0, "admin": 3.0,
             "city": 2.5, "town": 1.5, "facility": 2.0}
QUALITY_BONUS = {3: 1.5, 2: 0.5, 1: 0.0}
CAPITAL_BONUS = 1.5
COUNTRY_BIAS = 5.0
CONTEXT_COUNTRY = 3.0
CONTEXT_NEAR = 1.5
NEAR_KM = 300.0


@dataclass(slots=True)
class Context:
    """What a document has already established: countries (weights) and points.

    ``countries`` maps ISO2 → weight (e.g. how often the document names it);
    ``points`` holds (lat, lon) of places resolved with confidence.
    """

    countries: dict[str, float] = field(default_factory=dict)
    points: list[tuple[float, float]] = field(default_factory=list)
    # ISO2 → the name keys that gave it weight: a name cannot vouch for its own country
    supporters: dict[str, set[str]] = field(default_factory=dict)

    def support(self, iso2: str, weight: float, key: str) -> None:
        """Add ``weight`` to ``iso2``, given by the name ``key``."""
        self.countries[iso2] = self.countries.get(iso2, 0.0) + weight
        self.supporters.setdefault(iso2, set()).add(key)

    def country_share(self, iso2: str | None) -> float:
        """Share of the document's country evidence that goes to ``iso2`` (0..1)."""
        if not iso2 or not self.countries:
            return 0.0
        total = sum(self.countries.values())
        return self.countries.get(iso2, 0.0) / total if total else 0.0

    def nearest_km(self, lat: float, lon: float, within_km: float = 1000.0) -> float:
        """Distance to the closest established point, inf when none lies ``within_km``.

        Points more than ``within_km`` away in latitude alone are skipped
        before any trigonometry: documents can establish hundreds of points.
        """
        dlat = within_km / 111.0
        # ``haversine_km`` written out, with the point's own radians and cosine taken once for all
        # the document's points: the same operations in the same order, so the same distances.
        p1 = math.radians(lat)
        cos_p1 = math.cos(p1)
        radians, sin, cos = math.radians, math.sin, math.cos
        best = math.inf
        for a, b in self.points:
            if abs(a - lat) <= dlat:
                p2 = radians(a)
                h = sin((p2 - p1) / 2) ** 2 + cos_p1 * cos(p2) * sin(radians(b - lon) / 2) ** 2
                d = 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))
                if d < best:
                    best = d
        return best


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def prior(place: Place, quality: int) -> float:
    """Context-free plausibility of ``place`` for a name of the given match quality."""
    score = KIND_BASE.get(place.kind, 1.0) + QUALITY_BONUS.get(quality, 0.0)
    if place.kind in ("city", "town") and place.population:
        score += 0.5 * math.log10(max(place.population, 1))
    if place.capital:
        score += CAPITAL_BONUS
    return score


def contextual_scorer(country: str | None = None, context: Context | None = None):
    """Evidence from an explicit country bias and from the document, as a function of the place alone.

    One scorer serves all the places of one ranking: what they share is read
    once (the document's total country weight is summed once, not once per
    namesake; a common name has dozens).
    """
    countries = context.countries if context is not None else {}
    total = sum(countries.values()) if countries else 0.0
    points = context.points if context is not None else ()
    nearest = context.nearest_km if context is not None else None

    def score(place: Place) -> float:
        s = 0.0
        if country and place.country == country:
            s += COUNTRY_BIAS
        if context is not None:
            iso2 = place.country
            s += CONTEXT_COUNTRY * ((countries.get(iso2, 0.0) / total if total else 0.0)
                                    if iso2 and countries else 0.0)
            if points and place.kind not in ("country", "region", "water"):
                d = nearest(place.lat, place.lon)
                if d < NEAR_KM:
                    s += CONTEXT_NEAR * (1 - d / NEAR_KM)
        return s

    return score


def squash(raw: float) -> float:
    """Map a raw additive score onto [0, 1) for output."""
    return round(1.0 - math.exp(-max(raw, 0.0) / 6.0), 4)
