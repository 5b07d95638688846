"""The words and colours the map shows, read from ``maps/data/``.

Category colours, Arabic labels and country names are facts users may want
to correct; they live in versioned data files, and this module only reads
them.  Country names not listed in ``country_names.tsv`` fall back to
pycountry (English) and its Arabic translation with the diacritics removed.
"""
from __future__ import annotations

import csv
import json
import re
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"

# Harakat, shadda, sukun and tatweel: pycountry's Arabic names are fully
# vocalised ("النّيجر"), which looks bookish in a filter list.
ARABIC_MARKS = re.compile("[\u0640\u064B-\u0652\u0670]")


@lru_cache(maxsize=1)
def labels() -> dict:
    """Category, subtype, precision, field and interface labels (``labels.json``)."""
    return json.loads((DATA_DIR / "labels.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def curated_country_names() -> dict[str, tuple[str, str]]:
    """ISO2 -> (English, Arabic) names as people write them in the news."""
    with (DATA_DIR / "country_names.tsv").open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t")
        return {row["iso2"]: (row["name_en"], row["name_ar"]) for row in rows}


def strip_arabic_marks(text: str) -> str:
    """``text`` without Arabic diacritics and tatweel."""
    return ARABIC_MARKS.sub("", text)


@lru_cache(maxsize=512)
def country_name(iso2: str) -> tuple[str, str]:
    """(English, Arabic) name of an ISO2 country code; the code itself if unknown."""
    curated = curated_country_names().get(iso2)
    if curated:
        return curated
    import gettext

    import pycountry

    country = pycountry.countries.get(alpha_2=iso2)
    if country is None:
        return iso2, iso2
    english = getattr(country, "common_name", None) or country.name
    try:
        arabic = gettext.translation("iso3166-1", pycountry.LOCALES_DIR,
                                     languages=["ar"]).gettext(country.name)
    except OSError:
        arabic = english
    return english, strip_arabic_marks(arabic)
