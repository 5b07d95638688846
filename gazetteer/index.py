"""The loaded gazetteer: name lookups and ranked resolution."""
from __future__ import annotations

import json
import pickle

from . import build, rank
from .model import Candidate, Place
from .normalize import is_arabic, name_key

# Words that announce the kind of place a name denotes (ولاية غاو is the
# region, مدينة غاو the town); ``resolve`` strips them and prefers that kind.
KIND_CUES = {
    "مدينه": ("city", "town"), "بلده": ("town", "city"), "قريه": ("town",),
    "ولايه": ("admin",), "محافظه": ("admin",), "اقليم": ("admin", "region"),
    "منطقه": ("admin", "region"), "اقاليم": ("admin",), "اقليمي": ("admin",),
}


MAX_PRIORS = 500_000  # places whose prior is remembered: the namesakes news names fit, all of GeoNames need not


class Gazetteer:
    """Places and their Arabic (and Latin) names, loaded from the cached index."""

    def __init__(self, arabic: dict, latin_path=None, translit_path=None):
        self._fields = arabic["fields"]
        self._rows = arabic["places"]
        self._places: list[Place | None] = [None] * len(self._rows)
        self.names: dict[str, tuple] = arabic["names"]
        self.commonness: dict[str, float] = arabic["commonness"]
        self.clitic_commonness: dict[str, float] = arabic["clitic_commonness"]
        self.first_words = frozenset(arabic["first_words"])
        self.max_words: int = arabic["max_words"]
        self.countries: dict[str, int] = arabic["countries"]
        self.demonyms: dict[str, str] = arabic["demonyms"]
        self.capitals: dict[str, int] = arabic["capitals"]
        self._neighbours: dict[str, list[str]] = arabic["neighbours"]
        self._latin_path = latin_path
        self._latin = None
        self._translit_path = translit_path
        self._translit = None
        self._skeleton_cache: dict[str, tuple[Place, ...]] = {}
        self._name_prefixes: frozenset[str] | None = None
        # (ref, quality) → ``rank.prior``: a place's context-free score never changes, and every
        # document ranks the namesakes of its names again (a common name has dozens)
        self._priors: dict[tuple[int, int], float] = {}

    # -- places -------------------------------------------------------------
    def place(self, ref: int) -> Place:
        """The Place stored at ``ref`` (negative refs are Latin-only places)."""
        if ref < 0:
            return Place(*json.loads(self._latin_index()["places"][-ref - 1]))
        p = self._places[ref]
        if p is None:
            p = self._places[ref] = Place(*self._rows[ref])
        return p

    def country(self, iso2: str) -> Place | None:
        """The country with this ISO2 code, or None."""
        idx = self.countries.get((iso2 or "").upper())
        return self.place(idx) if idx is not None else None

    def capital(self, iso2: str) -> Place | None:
        """The capital city of a country, or None."""
        idx = self.capitals.get((iso2 or "").upper())
        return self.place(idx) if idx is not None else None

    def borders(self, a: str, b: str) -> bool:
        """Whether countries ``a`` and ``b`` (ISO2) share a land border, per GeoNames."""
        return (b or "").upper() in self._neighbours.get((a or "").upper(), ())

    def by_skeleton(self, key: str) -> list[Place]:
        """Places named only in Latin whose consonant skeleton matches an Arabic word (دماسك → Damasak).

        Ordinary Arabic words never match: a skeleton is weak evidence.
        """
        cached = self._skeleton_cache.get(key)
        if cached is None:
            cached = self._skeleton_cache[key] = tuple(self._by_skeleton(key))
        return list(cached)

    def _by_skeleton(self, key: str) -> list[Place]:
        from .translit import (MIN_SIMILARITY, MIN_SKELETON, arabic_skeleton, article_agrees,
                               looks_transliterated, similarity)

        if not looks_transliterated(key):
            return []
        if self.is_common_word(key):
            return []
        skel = arabic_skeleton(key)
        if len(skel) < MIN_SKELETON:
            return []
        places = [Place(*json.loads(row)) for row in self._translit_index()["skeletons"].get(skel, ())]
        return [p for p in places if article_agrees(key, p.name) and similarity(key, p.name) >= MIN_SIMILARITY]

    def is_common_word(self, key: str) -> bool:
        """Whether a normalized word is an ordinary Arabic word (read once in a million words or more).

        Rare words are what unknown names look like: a village the gazetteer
        lacks (الزويك) is rare, an adjective after a site noun (منطقة آمنة) is not.
        """
        return key in self._translit_index()["common"]

    def warm(self) -> "Gazetteer":
        """Load now what is otherwise loaded on first use by text processing (the transliteration index).

        A process that forks workers warms its gazetteer first, so that the workers share these
        pages instead of each loading its own copy."""
        self._translit_index()
        return self

    def _translit_index(self) -> dict:
        if self._translit is None:
            with open(self._translit_path, "rb") as fh:
                self._translit = pickle.load(fh)
        return self._translit

    def _latin_index(self) -> dict:
        if self._latin is None:
            with open(self._latin_path, "rb") as fh:
                self._latin = pickle.load(fh)
        return self._latin

    @property
    def name_prefixes(self) -> frozenset[str]:
        """Keys of the first 2 … n-1 words of every n-word name.

        A scan extends a name word by word and stops as soon as no longer name
        can follow, instead of trying every length up to ``max_words`` (twelve).
        Derived on first use from ``names`` (a few milliseconds), so the index
        format and the resolver's cold start stay as they are.
        """
        if self._name_prefixes is None:
            out = set()
            for key in self.names:
                words = key.split(" ")
                for n in range(2, len(words)):
                    out.add(" ".join(words[:n]))
            self._name_prefixes = frozenset(out)
        return self._name_prefixes

    # -- lookups ------------------------------------------------------------
    def lookup(self, key: str) -> tuple:
        """(ref, quality) pairs for an already-normalized Arabic name key."""
        return self.names.get(key, ())

    def lookup_any(self, name: str) -> list[tuple[int, int]]:
        """(ref, quality) pairs for a name as a user writes it, Arabic or Latin."""
        key = name_key(name)
        if is_arabic(name):
            hits = list(self.lookup(key))
            if not hits:  # the article is written or dropped freely in names
                alt = key[2:] if key.startswith("ال") else "ال" + key
                hits = list(self.lookup(alt))
            return hits
        return list(self._latin_index()["names"].get(key, ())) + list(self.lookup(key))

    def rank(self, hits, country: str | None = None, context: rank.Context | None = None,
             kinds: tuple[str, ...] = ()) -> list[Candidate]:
        """Candidates for (ref, quality) hits, best first."""
        best: dict[int, float] = {}
        priors = self._priors
        contextual = rank.contextual_scorer(country, context)
        for ref, quality in hits:
            p = self.place(ref)
            prior = priors.get((ref, quality))
            if prior is None:
                prior = rank.prior(p, quality)
                if len(priors) < MAX_PRIORS:
                    priors[(ref, quality)] = prior
            s = prior + contextual(p)
            if kinds and p.kind in kinds:
                s += 4.0
            best[ref] = max(s, best.get(ref, -1e9))
        order = sorted(best.items(), key=lambda kv: (-kv[1], kv[0]))
        return [Candidate(self.place(ref), rank.squash(s)) for ref, s in order]

    def resolve(self, name: str, country: str | None = None, limit: int = 10,
                context: rank.Context | None = None) -> list[Candidate]:
        """Candidate places for ``name``, best first (``[]`` when unknown)."""
        words = name_key(name).split(" ")
        kinds: tuple[str, ...] = ()
        if len(words) > 1 and words[0] in KIND_CUES:
            kinds = KIND_CUES[words[0]]
            hits = self.lookup_any(name) or self.lookup_any(" ".join(words[1:]))
        else:
            hits = self.lookup_any(name)
        return self.rank(hits, country=country, context=context, kinds=kinds)[:limit]


_LOADED: Gazetteer | None = None


def loaded() -> Gazetteer | None:
    """The gazetteer when ``load`` has loaded it in this process, else None (without loading it)."""
    return _LOADED


def load() -> Gazetteer:
    """The process-wide gazetteer, building its cached index on first use."""
    global _LOADED
    if _LOADED is None:
        arabic_path, latin_path, translit_path = build.ensure_index()
        with open(arabic_path, "rb") as fh:
            _LOADED = Gazetteer(pickle.load(fh), latin_path, translit_path)
    return _LOADED
