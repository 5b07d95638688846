"""Normalization: the shipped table must be camel-tools' rules, and fold real variants."""
import pytest
from hypothesis import given, settings, strategies as st

from gazetteer.normalize import derive_charmap, is_arabic_spelling, name_key, normalize_ar, CHARMAP_PATH
import json


def test_shipped_charmap_is_what_camel_tools_derives():
    shipped = json.loads(CHARMAP_PATH.read_text(encoding="utf-8"))
    assert shipped == derive_charmap()


@pytest.mark.parametrize("a, b", [
    ("إفريقيا", "أفريقيا"),          # hamza forms of alef
    ("آسيا", "اسيا"),
    ("بنغازى", "بنغازي"),            # alef maksura / yeh
    ("القاهرة", "القاهره"),          # teh marbuta / heh
    ("بِنْغَازِي", "بنغازي"),         # diacritics
    ("ليـــبيا", "ليبيا"),            # tatweel
    ("بوبو-ديولاسو", "بوبو ديولاسو"),  # dashes are spaces
    ("ﻻ", "لا"),                      # presentation-form ligature
    ("ایران", "ايران"),              # Persian yeh typed in Arabic text
])
def test_variants_share_a_key(a, b):
    assert name_key(a) == name_key(b)


def test_distinct_names_stay_distinct():
    assert name_key("مالي") != name_key("مالية")
    assert name_key("عمان") != name_key("عمار")


def test_persian_spellings_are_not_arabic():
    assert is_arabic_spelling("طرابلس")
    assert not is_arabic_spelling("کابل")   # keheh: a Persian spelling
    assert not is_arabic_spelling("Tripoli")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=0x0600, max_codepoint=0x06FF), max_size=30))
def test_table_agrees_with_camel_tools_on_arabic_text(s):
    from camel_tools.utils.dediac import dediac_ar
    from camel_tools.utils.normalize import (normalize_alef_ar, normalize_alef_maksura_ar,
                                             normalize_teh_marbuta_ar, normalize_unicode)
    import unicodedata

    s = unicodedata.normalize("NFC", s)
    expected = normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(dediac_ar(normalize_unicode(s)))))
    expected = expected.replace("\u06cc", "\u064a").replace("\u06a9", "\u0643").replace("\u06c0", "\u0647").replace("\u0640", "")
    # Per-character folding equals camel-tools' whole-string rules wherever NFKC
    # does not compose across characters, which the NFC step above rules out.
    assert unicodedata.normalize("NFKC", normalize_ar(s)) == unicodedata.normalize("NFKC", expected)
