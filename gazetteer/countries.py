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
    """Known countries spelled close to ``value``, as "Name (ISO2)", to suggest when it is unknown."""
    key = name_key(value or "")
    names = _names()
    out: list[str] = []
    # Transposed letters (Lybia) are the commonest typo and difflib ranks them low.
    swapped = [k for k in names if len(k) == len(key) and sorted(k) == sorted(key)]
    for near in swapped + difflib.get_close_matches(key, list(names), n=3 * n, cutoff=0.6):
        label = f"{country_name(names[near]) or near} ({names[near]})"
        if label not in out:
            out.append(label)
    return out[:n]


def country_name(iso2: str) -> str | None:
    """English name of a country code."""
    return _english().get((iso2 or "").upper())


@lru_cache(maxsize=1)
def _english() -> dict[str, str]:
    return {r["iso2"]: r["name"] for r in sources.read_tsv("countries.tsv")}
