"""One incident, one record: merging mentions within an article and reports across articles.

Two records describe the same incident when their category and subtype
agree, they happen at the same place (or within ``SAME_PLACE_KM``), their
dates are compatible (equal, or one a prefix of the other, or unknown) and
their groups and actors do not contradict (one side empty, or they share a
name).  A country or a region is too large for "same place" to mean "same
incident": coarse records merge only when both carry the same full date.
The merged record keeps the first record's id and evidence and lists every
source.  Across articles a record must also be dated (``reported_again``):
two undated reports of shelling in one town, from two articles, may be two
days of shelling.
"""
from __future__ import annotations

import math
import sys

SAME_PLACE_KM = 5.0
_COARSE = ("country", "region")


def _km(a: dict, b: dict) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a["lat"], a["lon"], b["lat"], b["lon"]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371 * math.asin(min(1.0, math.sqrt(h)))


def dates_compatible(a: str | None, b: str | None) -> bool:
    """Unknown dates fit anything; known ones must agree as far as both go (2013-10 fits 2013-10-24)."""
    if not a or not b:
        return True
    n = min(len(a), len(b))
    return a[:n] == b[:n]


def _lists_compatible(a: list, b: list) -> bool:
    return not a or not b or bool(set(a) & set(b))


def _more_specific(a: str | None, b: str | None) -> str | None:
    return max((d for d in (a, b) if d), key=len, default=None)


def same_incident(a: dict, b: dict) -> bool:
    """Whether two records report one incident (see module docstring)."""
    if (a["category"], a["subtype"]) != (b["category"], b["subtype"]):
        return False
    if not (dates_compatible(a["date"], b["date"]) and _lists_compatible(a["groups"], b["groups"])
            and _lists_compatible(a["actors"], b["actors"])):
        return False
    if a["precision"] in _COARSE or b["precision"] in _COARSE:
        return (a["country"] == b["country"] and a["place"] == b["place"]
                and bool(a["date"]) and a["date"] == b["date"] and len(a["date"]) == 10)
    same = (a["geonameid"] is not None and a["geonameid"] == b["geonameid"]) or a["place"] == b["place"]
    if not same and (_unlisted_site(a) or _unlisted_site(b)):
        return False  # a village the gazetteer lacks sits at its district's point, a city's districts are close: only names tell them apart
    # Namesakes far apart (Tripoli, Libya and Tripoli, Lebanon) are not one place.
    km = _km(a, b)
    return km <= SAME_PLACE_KM or (same and km <= 2 * SAME_PLACE_KM)


def reported_again(told: dict, rec: dict) -> bool:
    """Whether ``rec``, from another article than ``told``, reports the same incident.

    Within an article an undated mention belongs to the story told around it;
    across articles nothing ties two undated records to one day, so both must
    carry a date (compatible ones, as ``same_incident`` asks).
    """
    return bool(told["date"]) and bool(rec["date"]) and same_incident(told, rec)


def _unlisted_site(rec: dict) -> bool:
    """Whether ``rec`` is placed at a place only its name tells apart from its neighbours: a site the
    gazetteer lacks (gazetteer.sites, "near" its parent) or a curated town, district or facility
    (towns.tsv, regions.tsv: no GeoNames id).  The districts of a city lie a few kilometres apart
    (الصابري، الليثي، سوق الحوت in Benghazi), and news tells one battle in each.

    Within an article a record still carries its place's id (``site:…``, ``town:…``); the records
    merged across articles are the exported ones, without private keys, where an "exact" or "near"
    place with no geonameid is what such a place looks like."""
    return str(rec.get("_place_id", "")).startswith(("site:", "town:")) or (
        rec["geonameid"] is None and rec["precision"] in ("near", "exact"))


def absorb(into: dict, other: dict, files: set | None = None) -> None:
    """Fold ``other`` into ``into``: every source, the union of groups and actors, the best of the rest.

    ``files`` is the set of files ``into`` already cites, when the caller
    keeps one: a source from any other file is new without a look at the
    list, so an incident reported by thousands of articles is not scanned
    source by source at every merge.
    """
    for src in other["sources"]:
        if (files is not None and src.get("file") not in files) or src not in into["sources"]:
            into["sources"].append(src)
    into["groups"] = sorted(set(into["groups"]) | set(other["groups"]))
    into["actors"] = sorted(set(into["actors"]) | set(other["actors"]))
    into["date"] = _more_specific(into["date"], other["date"])
    if other["fatalities"] is not None:
        into["fatalities"] = max(into["fatalities"] or 0, other["fatalities"])
    into["confidence"] = max(into["confidence"], other["confidence"])


def _order(rec: dict) -> tuple:
    src = rec["source"]
    return (str(src.get("file")), src.get("start", 0), src.get("end", 0), rec["id"])


CELL_DEG = 0.1  # grid cell for candidate lookup: wider than SAME_PLACE_KM everywhere


def _cell(rec: dict) -> tuple[int, int]:
    return math.floor(rec["lat"] / CELL_DEG), math.floor(rec["lon"] / CELL_DEG)


class IncidentMerger:
    """Merges the same incident reported by several articles, as articles arrive.

    Candidates are looked up, not compared with every record kept so far: a
    located record in a grid of (category, subtype, cell), a record with a
    full date also under (category, subtype, country, place, date) -- the
    only records a country- or region-level one may merge with (see
    ``same_incident``).  Each merged record keeps the set of files it
    cites, so a year of news -- or one incident reported by
    thousands of articles -- merges in linear time.  Records of one article
    were already deduplicated by ``extract_incidents`` and are never merged
    with each other here.

    Memory holds, per merged record, only what the merge rules compare (its
    "core": kind, place, point, date, groups, actors, toll, confidence);
    the keys in ``STORED_KEYS`` and every source span go to ``store`` (a
    :class:`geo.io.spill.SpillStore`, which moves to disk once large), so
    an archive of any size merges in bounded memory.  :meth:`__iter__`
    gives the merged records back whole, in order.
    """

    # Keys same_incident and absorb never read (tests/test_merge_spill.py checks it): they wait in the store.
    STORED_KEYS = frozenset({"id", "acled_event_type", "acled_sub_event_type", "place_ar", "radius_km",
                             "source", "evidence", "trigger", "url", "title"})
    # Core values drawn from small vocabularies: one shared string each instead of one per record.
    _INTERNED_KEYS = ("category", "subtype", "date", "country", "place", "precision")

    def __init__(self, store=None):
        """``store``: where stored keys and sources wait (default: in memory, never spilled)."""
        from geo.io.spill import SpillStore

        self._store = store if store is not None else SpillStore(spill_after=None)
        self._cores: list[dict] = []
        self._key_orders: list[tuple] = []  # each record's own key order, one shared tuple per distinct order
        self._orders: dict[tuple, tuple] = {}
        self._grid: dict[tuple, list[int]] = {}
        self._dated: dict[tuple, list[int]] = {}
        self._files: list[set] = []
        self._grown = False  # whether absorb ever added a key to a record (then columns need a full pass)

    def add(self, rec: dict, owned: bool = False) -> None:
        """Merge one record into those seen so far.

        The record is copied first, so the caller's stays as it was, unless
        ``owned``: records fresh from a worker belong to the merger already.
        """
        if not owned:
            rec = _copy(rec)
        cores = self._cores
        if not rec["date"]:
            # an undated report is no other article's incident (reported_again): nothing to look up, and
            # not indexed either, so that thousands of undated records at one town cost nothing to later ones
            cores.append(self._keep(rec, len(cores)))
            self._files.append({s["file"] for s in rec["sources"]})
            return
        file = rec["source"]["file"]
        kind = (rec["category"], rec["subtype"])
        cx, cy = _cell(rec)
        dated = _dated_key(rec)
        near = set(self._dated.get(dated, ())) if dated else set()
        if rec["precision"] not in _COARSE:
            near.update(i for dx in (-1, 0, 1) for dy in (-1, 0, 1)
                        for i in self._grid.get((*kind, cx + dx, cy + dy), ()))
        target = next((i for i in sorted(near) if file not in self._files[i]
                       and reported_again(cores[i], rec)), None)
        if target is None:
            index = len(cores)
            if rec["precision"] not in _COARSE:
                self._grid.setdefault((*kind, cx, cy), []).append(index)
            if dated:
                self._dated.setdefault(dated, []).append(index)
            cores.append(self._keep(rec, index))
            self._files.append({s["file"] for s in rec["sources"]})
        else:
            into = cores[target]
            before = _dated_key(into)
            width = len(into)
            absorb(into, rec, self._files[target])
            self._grown = self._grown or len(into) != width
            self._files[target].update(s["file"] for s in rec["sources"])
            after = _dated_key(into)
            if after and after != before:  # it learnt its full date from this report
                self._dated.setdefault(after, []).append(target)

    def _keep(self, rec: dict, index: int) -> dict:
        """Split a new merged record: its core for memory, the rest for the store (as entry ``index``)."""
        order = tuple(rec)
        self._key_orders.append(self._orders.setdefault(order, order))
        stored = self.STORED_KEYS
        core = {k: v for k, v in rec.items() if k not in stored}
        for key in self._INTERNED_KEYS:
            value = core.get(key)
            if type(value) is str:
                core[key] = sys.intern(value)
        for key in ("groups", "actors"):
            value = core.get(key)
            if type(value) is list:
                core[key] = [sys.intern(v) if type(v) is str else v for v in value]
        self._store.append({k: v for k, v in rec.items() if k in stored}, core.pop("sources"))
        core["sources"] = _StoredSources(self._store, index)
        return core

    def __len__(self) -> int:
        return len(self._cores)

    def __iter__(self):
        """The merged records, whole and in order (rebuilt from memory and the store as they are read)."""
        for core, order, (stored, sources) in zip(self._cores, self._key_orders, self._store.items()):
            record = {}
            for key in order:
                record[key] = stored[key] if key in stored else core[key]
            for key in core:  # a key absorb added goes last, as it would in the record itself
                if key not in record:
                    record[key] = core[key]
            kept = core["sources"]
            record["sources"] = list(sources) if isinstance(kept, _StoredSources) else kept
            yield record

    @property
    def records(self) -> list[dict]:
        """Every merged record, whole, in order (a new list of new dicts at each call)."""
        return list(self)

    def keys(self) -> list[str]:
        """Every key of the merged records, in first-seen order (record by record, key by key)."""
        orders = dict.fromkeys(self._key_orders) if not self._grown else (tuple(r) for r in self)
        return list(dict.fromkeys(key for order in orders for key in order))


class _StoredSources:
    """A merged record's list of sources as ``absorb`` sees it, kept in the merger's store.

    ``absorb`` only appends to it, and asks whether a source is in it only
    for a source from a file the record already cites (a file given twice).
    """

    __slots__ = ("_store", "_number")

    def __init__(self, store, number: int):
        self._store, self._number = store, number

    def append(self, source) -> None:
        self._store.add_source(self._number, source)

    def __contains__(self, source) -> bool:
        return source in self._store.sources(self._number)

    def __iter__(self):
        return iter(self._store.sources(self._number))

    def __len__(self) -> int:
        return len(self._store.sources(self._number))


def _dated_key(rec: dict) -> tuple | None:
    """The exact key a record with a full date is found under, else None (see ``IncidentMerger``)."""
    date = rec["date"]
    if not date or len(date) != 10:
        return None
    return rec["category"], rec["subtype"], rec["country"], rec["place"], date


def merge_incidents(records: list[dict]) -> list[dict]:
    """Merge the same incident reported by several articles; deterministic order and ids.

    Records are taken in (file, offset) order; the merged record keeps the
    first one's id and evidence.  Input records are not modified.
    """
    merger = IncidentMerger()
    for rec in sorted(records, key=_order):
        merger.add(rec)
    return merger.records


def _copy(rec: dict) -> dict:
    out = dict(rec)
    out["sources"] = [dict(s) for s in rec.get("sources") or [rec["source"]]]
    out["groups"] = list(rec.get("groups") or [])
    out["actors"] = list(rec.get("actors") or [])
    return out


# Attack subtypes one assault is often told with: gunmen, then the car bomb that opened it.
_ONE_ASSAULT = ("armed_assault", "suicide_bombing", "explosive_device")


def continues(told: dict, rec: dict) -> bool:
    """Whether ``rec``, placed only by the scene of ``told`` just before it, goes on telling ``told``.

    The fighting around an incident (اشتباكات، معارك) is part of it whatever its category; an
    assault's bomb or gunmen are the same attack.  A seizure, a kidnapping, an arrest or a deployment
    told next is an event of its own (تمكنوا من دخول البلدة والسيطرة على الثكنة).
    """
    if told["category"] == "deployment":
        return False
    if rec.get("_role") == "clash":
        return True
    return told["category"] == rec["category"] == "attack" and told["subtype"] in _ONE_ASSAULT and rec["subtype"] in _ONE_ASSAULT


LOCATES_CHARS = 400  # how far after a placeless incident a sentence may still give its place


def _placeless_before(kept: list[dict], rec: dict) -> dict | None:
    """The incident told just before ``rec`` without a place that ``rec`` locates, or None.

    فجر انتحاري نفسه في سوق مزدحم. ووقع الهجوم في مدينة مايدوغوري: news often tells an incident
    first and its place in the next sentence, through a definite generic word (الهجوم، الاشتباكات).
    Such a word names the incident just told when that one was placed only by a country (the
    article's, or one its sentence named); it gives it its place instead of standing as a second incident.
    """
    if rec.get("_role") not in ("generic", "clash") or not rec.get("_definite") or rec.get("_fallback"):
        return None
    before = [k for k in kept if k["source"]["end"] <= rec["source"]["start"]]
    if not before:
        return None
    last = max(before, key=lambda k: k["source"]["end"])
    placeless = last.get("_fallback") or (last["precision"] == "country" and rec["precision"] != "country")
    if (not placeless or last["category"] != rec["category"]
            or rec["source"]["start"] - last["source"]["end"] > LOCATES_CHARS
            or (last["country"] and last["country"] != rec["country"])
            or not dates_compatible(last["date"], rec["date"])):
        return None
    return last


_PLACE_KEYS = ("country", "place", "place_ar", "geonameid", "precision", "radius_km", "lat", "lon",
               "_place_id", "_place", "_drawn")


def _move_to(told: dict, rec: dict) -> None:
    """Give ``told`` the place of ``rec``, which locates it; it is no longer a fallback."""
    for key in _PLACE_KEYS:
        if key in rec:
            told[key] = rec[key]
    told["_fallback"] = False


# Kinds of incident that come in series at one place (strikes, shelling, clashes, bombs); a kidnapping, a
# suicide bombing or a town's capture told twice at one place is nearly always the one event.
_SERIAL = frozenset({"airstrike", "armed_assault", "military_campaign", "explosive_device", "ground_raid"})


def _restates(told: dict, rec: dict) -> bool:
    """Whether ``rec``, an incident like ``told`` at its place, is ``told`` said again rather than another one.

    Reports stack incidents of one kind at one place (a bomb, then an ambush
    at the same town; a day's strikes on a district): an indefinite specific
    word of a serial kind (غارة، كمين، تفجير) tells a new one, unless it gives
    the same toll or the same day.  A definite or a light word (الهجوم، الاشتباكات, an
    operation) points back to the one told.
    """
    if rec.get("_definite") or rec.get("_role") != "head" or rec["subtype"] not in _SERIAL:
        return True
    if told["fatalities"] is not None and told["fatalities"] == rec["fatalities"]:
        return True
    return bool(told["date"]) and told["date"] == rec["date"] and len(told["date"]) == 10


def dedupe_article(records: list[dict]) -> list[dict]:
    """One record per incident of one article.

    A repeated mention at the same place merges (see ``same_incident``; here
    coarse records of the very same evidence also merge).  A definite
    mention without a place of its own (الهجوم، تلك الغارة) is taken as a
    restatement of an incident of the same subtype told elsewhere in the
    article when there is one.  A headline's record (``_headline``) stands
    only when the body tells no incident in its country.  A definite generic word that names a place
    right after an incident placed only by a country gives that incident its place (``_placeless_before``),
    and a mention without a place names the incident of its kind told last before it.
    Private keys (``_…``) are dropped (``_published``).
    """
    records = sorted(records, key=_order)
    headline = [r for r in records if r.get("_headline")]
    records = [r for r in records if not r.get("_headline")]
    located = [r for r in records if not r["_floating"]]
    floating = [r for r in records if r["_floating"]]
    kept: list[dict] = []
    for rec in located:
        told = _placeless_before(kept, rec)
        if told is not None:
            _move_to(told, rec)
            absorb(told, rec)
            continue
        if rec.get("_continues"):
            target = next((k for k in reversed(kept) if k.get("_place_id") == rec.get("_place_id") and continues(k, rec)), None)
            if target is not None:
                absorb(target, rec)
                continue
        target = next((k for k in kept if (same_incident(k, rec) and _restates(k, rec))
                       # a named campaign is one incident however often the article names it
                       or (rec.get("_campaign") and k.get("_campaign") == rec["_campaign"] and k["country"] == rec["country"])
                       or (k["evidence"] == rec["evidence"] and k["source"] == rec["source"]
                           and (k["category"], k["subtype"], k["place"]) == (rec["category"], rec["subtype"], rec["place"])
                           and k.get("_campaign") == rec.get("_campaign"))),
                      None)
        if target is None and rec.get("_definite") and rec.get("_role") == "generic":
            # وتسبب الهجوم على باغا في نزوح …: "the attack on Baga" is the one already told there, whatever its kind
            target = next((k for k in kept if k["category"] == rec["category"] and dates_compatible(k["date"], rec["date"])
                           and k.get("_place_id") == rec.get("_place_id")), None)
        if target is None:
            kept.append(rec)
        else:
            absorb(target, rec)
    for rec in floating:
        def fits(k: dict) -> bool:
            return (dates_compatible(k["date"], rec["date"])
                    and (rec["_fallback"] or rec.get("_reference") or k["country"] == rec["country"]))
        same_kind = [k for k in kept if (k["category"], k["subtype"]) == (rec["category"], rec["subtype"]) and fits(k)]
        # the incident told last before the mention is the one it names (…هاجموا قاعدة. ولم يعلق الجيش على
        # الهجوم); with none before it, the first one told after
        before = [k for k in same_kind if k["source"]["start"] < rec["source"]["start"]]
        target = max(before, key=lambda k: k["source"]["start"]) if before else next(iter(same_kind), None)
        if target is None and rec.get("_role") == "generic" and not rec.get("_reference"):
            # وأسفر الهجوم عن مقتل 26: "the attack" points back to the attack just told, whatever its kind
            target = next((k for k in reversed(kept) if k["category"] == rec["category"] and fits(k)
                           and k["source"]["start"] < rec["source"]["start"]
                           and (k.get("_place_id") == rec.get("_place_id") or rec["_fallback"])), None)
        if target is None and rec.get("_reference") and not rec["_fallback"]:
            # ويرى محللون أن السيطرة على كيدال …: a reference at the place of an incident told under
            # another name (the army's retaking) is one more source of it
            same_place = next((k for k in kept if k["category"] != "deployment" and (
                k.get("_place_id") == rec.get("_place_id") or _km(k, rec) <= SAME_PLACE_KM)), None)
            if same_place is not None:
                if rec["source"] not in same_place["sources"]:
                    same_place["sources"].append(dict(rec["source"]))
                continue
        if target is None:
            # وعقب الهجوم names an incident; alone it reports none, unless it names its place
            # (ويرى محللون أن الهجوم على بوسو …): an incident at a named place did happen
            if not rec.get("_reference") or not rec["_fallback"]:
                kept.append(rec)
        else:
            absorb(target, rec)
    for rec in headline:
        # a headline restates the body's main event: it only adds its span as a source
        # (its verb is often vaguer than the body's: هجمات بطائرات مسيرة for a drone strike told as a fire)
        target = next((k for k in kept if k["category"] == rec["category"] and k["country"] == rec["country"]), None)
        target = target or next((k for k in kept if k["country"] == rec["country"]), None)
        if target is None:
            kept.append(rec)
        elif rec["source"] not in target["sources"]:
            target["sources"].append(dict(rec["source"]))
    kept.sort(key=_order)
    return [_published(r) for r in kept]


def _published(rec: dict) -> dict:
    """A record as the article gives it out: private keys dropped, drawn where its mention is drawn.

    Merging compared the place's own point (an admin area's seat); the map
    draws an area named as a whole at its centre (``Mention.point``).
    """
    out = {k: v for k, v in rec.items() if not k.startswith("_")}
    if "_drawn" in rec:
        out["lat"], out["lon"] = rec["_drawn"]
    return out
