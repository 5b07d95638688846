"""The small closed-class lexicons toponym recognition relies on (data/text/*.tsv)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .normalize import name_key
from .sources import split_multi

TEXT_DIR = Path(__file__).with_name("data") / "text"


def _rows(name: str) -> list[list[str]]:
    """Tab-separated rows of a lexicon file, comments and blank lines skipped."""
    out = []
    with open(TEXT_DIR / name, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            out.append([c.strip() for c in line.rstrip("\n").split("\t")])
    return out


@dataclass(frozen=True, slots=True)
class Cue:
    strong: bool
    kinds: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Direction:
    dlat: int
    dlon: int
    english: str


@lru_cache(maxsize=1)
def cues() -> dict[str, Cue]:
    """Normalized cue word → Cue (مدينة is strong for cities, في weak for anything)."""
    return {name_key(r[0]): Cue(r[1] == "strong", tuple(split_multi(r[2] if len(r) > 2 else "")))
            for r in _rows("cues.tsv")}


class PhraseTable(dict):
    """Phrases as tuples of normalized words → value, with what a scan needs to skip fast."""

    def __init__(self, entries: dict):
        super().__init__(entries)
        self.first_words = frozenset(k[0] for k in entries)
        self.longest = max((len(k) for k in entries), default=0)


@lru_cache(maxsize=1)
def directions() -> PhraseTable:
    """Compass phrase (as a tuple of normalized words) → Direction."""
    out = {}
    for r in _rows("directions.tsv"):
        d = Direction(int(r[1]), int(r[2]), r[3])
        for spelling in split_multi(r[0]):
            out[tuple(name_key(spelling).split(" "))] = d
    return PhraseTable(out)


@lru_cache(maxsize=1)
def geo_nouns() -> PhraseTable:
    """Territorial noun phrase (normalized words) → (mode, English word)."""
    return PhraseTable({tuple(name_key(r[0]).split(" ")): (r[1], r[2]) for r in _rows("geo_nouns.tsv")})


@lru_cache(maxsize=None)
def words(name: str) -> frozenset[str]:
    """The normalized first column of a one-word lexicon file."""
    return frozenset(name_key(r[0]) for r in _rows(name))


@lru_cache(maxsize=1)
def site_heads() -> dict[str, int]:
    """Normalized site noun (قرية، بلدتي، قرى) → how many names follow it (1; 2 for a dual; 0 for a list)."""
    return {name_key(r[0]): {"one": 1, "two": 2, "many": 0}[r[1]] for r in _rows("site_heads.tsv")}
