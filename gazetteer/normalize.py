"""Arabic normalization for matching names, fast enough for every token of a corpus.

The rules are CAMeL Tools' (``normalize_unicode``, ``dediac_ar``,
``normalize_alef_ar``, ``normalize_alef_maksura_ar``,
``normalize_teh_marbuta_ar``), plus the Persian yeh and keheh that Arabic web
text often carries.  All of them act on one character at a time, so they
collapse into a single ``str.translate`` table.  Importing camel-tools costs
0.3 s (it builds its Unicode character sets on import), which alone would
blow the resolver's cold-start budget; the table is therefore derived from
camel-tools once (:func:`derive_charmap`, ``python -m gazetteer charmap``) and shipped as
``data/arabic_charmap.json``, and a test checks the two still agree.

Offsets never come from normalized text: tokens keep their positions in the
original string and only their *keys* are normalized.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

CHARMAP_PATH = Path(__file__).with_name("data") / "arabic_charmap.json"

# Code points whose normalization we derive: the Arabic blocks and the
# presentation forms that NFKC folds into them.
_ARABIC_RANGES = ((0x0600, 0x0700), (0x0750, 0x0780), (0x08A0, 0x0900),
                  (0xFB50, 0xFE00), (0xFE70, 0xFF00))

# Beyond CAMeL's rules: letters of Persian/Urdu orthography that Arabic text
# borrows by accident (keyboard layouts), and the tatweel that stretches words
# for layout (ليـــبيا); CAMeL leaves them alone, matching needs them folded.
_EXTRA = {"\u06cc": "\u064a", "\u06a9": "\u0643", "\u06c0": "\u0647", "\u0640": ""}

_SPACES_RE = re.compile(r"[\s\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]+")
_DASHES_RE = re.compile(r"[-\u2010-\u2015_]")


def derive_charmap() -> dict[str, str]:
    """Compute the per-character normalization table from camel-tools itself."""
    from camel_tools.utils.dediac import dediac_ar
    from camel_tools.utils.normalize import (
        normalize_alef_ar, normalize_alef_maksura_ar, normalize_teh_marbuta_ar,
        normalize_unicode)

    table = {}
    for lo, hi in _ARABIC_RANGES:
        for cp in range(lo, hi):
            ch = chr(cp)
            out = normalize_teh_marbuta_ar(normalize_alef_maksura_ar(
                normalize_alef_ar(dediac_ar(normalize_unicode(ch)))))
            out = "".join(_EXTRA.get(c, c) for c in out)
            if out != ch:
                table[ch] = out
    table.update({k: v for k, v in _EXTRA.items()})
    return dict(sorted(table.items()))


@lru_cache(maxsize=1)
def _table() -> dict[int, str]:
    with open(CHARMAP_PATH, encoding="utf-8") as fh:
        return {ord(k): v for k, v in json.load(fh).items()}


def normalize_ar(text: str) -> str:
    """Fold diacritics, tatweel, alef/yeh/teh-marbuta forms and presentation forms.

    The result can be shorter than the input (diacritics vanish) or longer
    (a ligature such as ﻻ becomes لا); never use its offsets.
    """
    return text.translate(_table())


def name_key(text: str) -> str:
    """The lookup key of a place name: normalized, lower-cased, single-spaced.

    Dashes count as spaces so that ``بوبو-ديولاسو`` and ``بوبو ديولاسو`` meet.
    """
    text = _DASHES_RE.sub(" ", normalize_ar(text).lower())
    return _SPACES_RE.sub(" ", text).strip()


def is_arabic(text: str) -> bool:
    """True when the text holds at least one Arabic letter."""
    return any("\u0620" <= c <= "\u064a" or "\u066e" <= c <= "\u06d3" for c in text)


# Letters that occur in Persian, Urdu, Pashto or Kurdish spellings but not in
# Arabic; GeoNames' Arabic-script alternate names carry many such forms, which
# Arabic news never writes and which collide with Arabic words once folded.
_NON_ARABIC_LETTERS = set("\u067e\u0686\u0698\u06af\u06a9\u06cc\u0679\u0688\u0691\u06ba\u06be\u06c1\u06d2\u06d3\u06c6\u06d5\u0695\u06b5\u06ce\u06c7\u06c8\u06c9\u06cb\u0685\u0681\u0689\u0693\u0696\u069a\u06bc\u0768")


def is_arabic_spelling(text: str) -> bool:
    """True for a name written in Arabic script with only Arabic letters."""
    return is_arabic(text) and not (_NON_ARABIC_LETTERS & set(text))
