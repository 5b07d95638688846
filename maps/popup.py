"""Popup content: where the place and the trigger word sit in the evidence sentence.

The popup itself is built in the browser, with DOM text nodes only (never
``innerHTML``), so an article containing ``<script>`` or ``onerror=`` shows
those characters and runs nothing.  What Python contributes is the part
that needs Arabic-aware matching: the character spans of the place name and
the trigger word inside the evidence, which the page wraps in ``<mark>``.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

# Spelling variants that differ between the gazetteer's name and the article's
# text: hamza-carrying alefs, alef maqsura / ya, ta marbuta / ha.
FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})
MARKS = re.compile("[\u0640\u064B-\u0652\u0670]")
ARABIC_LETTER = re.compile("[\u0621-\u064A\u0671-\u06D3]")
CLITICS = "وفبلك"


def folded_with_offsets(text: str) -> tuple[str, Sequence[int]]:
    """``text`` with diacritics and tatweel dropped and letter variants folded.

    Returns the folded string and, for each of its characters, the offset of
    the original character, so a match in the folded text maps back exactly.
    """
    if not MARKS.search(text):
        # The usual case (news text is rarely vocalised): folding keeps length.
        return text.translate(FOLD), range(len(text))
    chars, offsets = [], []
    for index, char in enumerate(text):
        if MARKS.match(char):
            continue
        chars.append(char.translate(FOLD))
        offsets.append(index)
    return "".join(chars), offsets


def at_word_start(text: str, start: int) -> bool:
    """True when ``start`` begins a word, allowing one attached clitic (و ف ب ل ك).

    ``ببنغازي`` still names Benghazi; ``المالية`` does not name Mali.
    """
    if start == 0 or not ARABIC_LETTER.match(text[start - 1]):
        return True
    return text[start - 1] in CLITICS and (start == 1 or not ARABIC_LETTER.match(text[start - 2]))


def at_word_end(text: str, end: int) -> bool:
    """True when ``end`` closes a word (the next character is not a letter)."""
    return end >= len(text) or not ARABIC_LETTER.match(text[end])


def find_term(evidence: str, term: str) -> list[tuple[int, int]]:
    """Spans of ``term`` in ``evidence``, matched on folded spelling.

    Whole-word matches are preferred; if the term only occurs inside longer
    words (a trigger written with a suffix, say) those occurrences are used.
    """
    folded_text, offsets = folded_with_offsets(evidence)
    folded_term, _ = folded_with_offsets(term.strip())
    if not folded_term:
        return []
    spans, whole = [], []
    start = folded_text.find(folded_term)
    while start >= 0:
        end = start + len(folded_term)
        # Diacritics after the last letter belong to it: the span runs to the next kept character.
        span = (offsets[start], offsets[end] if end < len(offsets) else len(evidence))
        spans.append(span)
        if at_word_start(folded_text, start) and at_word_end(folded_text, end):
            whole.append(span)
        start = folded_text.find(folded_term, end)
    return whole or spans


def highlight_spans(evidence: str | None, place: str | None, trigger: str | None) -> list[list]:
    """``[start, end, "place"|"trigger"]`` spans to mark in the evidence, in order.

    Overlaps are resolved in favour of the earlier span (then the place),
    so the page can cut the sentence into plain and marked pieces.
    """
    if not evidence:
        return []
    found = []
    for kind, term in (("place", place), ("trigger", trigger)):
        if term:
            found.extend((start, end, kind) for start, end in find_term(evidence, term))
    found.sort(key=lambda span: (span[0], span[2] != "place"))
    spans: list[list] = []
    for start, end, kind in found:
        if spans and start < spans[-1][1]:
            continue
        spans.append([start, end, kind])
    return spans


from maps.elements import FeatureScript  # noqa: E402  (the Python half above needs no Folium)


class Popups(FeatureScript):
    """Right-to-left popups and bilingual tooltips built from text nodes."""

    script_name = "popup.js"
