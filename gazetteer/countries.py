"""Countries by code, English name or Arabic name: what ``--country`` accepts.

Reads only the curated countries table (a few hundred rows), not the whole
gazetteer index, so filters and the CLI answer instantly.
"""
from __future__ import annotations

import difflib
from functools import lru_cache

from . import sources
from .normalize import name_key


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    """Every accepted spelling's key → ISO2."""
    out: dict[str, str] = {}
    for r in sources.read_tsv("countries.tsv"):
        iso2 = r["iso2"]
        spellings = [iso2, r["name"], r.get("name_ar", "")] + sources.split_multi(r.get("aliases_ar"))
        try:
            import pycountry

            c = pycountry.countries.get(alpha_2=iso2)
            if c is not None:
                spellings += [c.alpha_3, c.name, getattr(c, "official_name", ""), getattr(c, "common_name", "")]
        except ImportError:
            pass
        for s in spellings:
            key = name_key(s or "")
            if key:
                out.setdefault(key, iso2)
                if key.startswith("ال"):
                    out.setdefault(key[2:], iso2)
    return out


def country_code(value: str) -> str | None:
    """ISO2 code for a country code, English or Arabic name (any spelling variant), else None."""
    key = name_key(value or "")
    names = _names()
    return names.get(key) or names.get("ال" + key)


def suggest_countries(value: str, n: int = 3) -> list[str]:
    """Close spellings of known countries, to suggest when ``value`` is unknown."""
    key = name_key(value or "")
    return difflib.get_close_matches(key, list(_names()), n=n, cutoff=0.6)


def country_name(iso2: str) -> str | None:
    """English name of a country code."""
    for r in sources.read_tsv("countries.tsv"):
        if r["iso2"] == iso2:
            return r["name"]
    return None
