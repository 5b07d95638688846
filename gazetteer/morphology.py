"""Just enough Arabic morphology to find names in running text.

Arabic writes prepositions and conjunctions onto the next word (بليبيا،
وبنغازي، فالجزائر، للعراق) and inflects nationality adjectives for gender and
number (فرنسي، فرنسية، فرنسيون، فرنسيين).  Without a morphological analyser
(camel-tools' models cannot be fetched here) we strip and generate these
affixes by rule: the set is small and closed.
"""
from __future__ import annotations

from functools import lru_cache

# Proclitic sequences, longest first, as they stand before a noun (normalized
# spelling).  The article ال is handled apart: names may or may not carry it.
# The comparative ك (كبيرا, كما) is left out except before the article: it
# rarely precedes a bare place name and mostly yields false splits.
_PROCLITICS = ("وبال", "فبال", "وكال", "فكال", "ولل", "فلل", "وال", "فال", "بال", "كال",
               "وب", "فب", "ول", "فل", "لل", "و", "ف", "ب", "ل")


# 32,768 words: the scan's own memos answer for the words met first (``toponyms._ScanMemo``); this
# cache serves the words read again soon after; each entry is a tuple of tuples.
@lru_cache(maxsize=32_768)
def clitic_splits(key: str) -> tuple[tuple[int, str], ...]:
    """Ways to read a normalized word as proclitics + name: ((span_offset, lookup_key), ...).

    The word itself comes first (offset 0).  ``وال`` keeps the article with
    the name (والجزائر → الجزائر, span from the ا).  ``لل`` is ل + ال with
    the alef dropped, so للعراق is looked up as العراق and as عراق, and its
    span starts after لل (the written name has no alef left to include).
    Stems shorter than two letters are not proposed.
    """
    out = [(0, key)]
    seen = {key}
    for p in _PROCLITICS:
        if key.startswith(p) and len(key) - len(p) >= 2:
            stem = key[len(p):]
            if p.endswith("ال"):
                cands = [(len(p) - 2, "ال" + stem)]
            elif p.endswith("لل"):
                cands = [(len(p), "ال" + stem), (len(p), stem)]
            else:
                cands = [(len(p), stem)]
            for n, s in cands:
                if s not in seen:
                    seen.add(s)
                    out.append((n, s))
    return tuple(out)


def strip_article(key: str) -> str:
    """A normalized word without its definite article (الجزائري → جزائري)."""
    return key[2:] if key.startswith("ال") and len(key) > 4 else key


def adjective_forms(stem: str) -> list[str]:
    """Gender and number forms of a nisba adjective (فرنسي → فرنسية، فرنسيون …), without ال."""
    if not stem.endswith(("ي", "ى")):
        return [stem]
    base = stem[:-1] + "ي"
    return [base, base + "ة", base + "ه", base + "ون", base + "ين", base + "ان",
            base + "تان", base + "تين", base + "ات"]
