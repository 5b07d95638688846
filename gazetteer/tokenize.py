"""Word tokens that never lose where they came from.

camel-tools' ``simple_word_tokenize`` returns strings only; highlighting
evidence and scoring spans need offsets into the original text, so we
tokenize with the same notion of a word (letters, digits and the Arabic
diacritics and tatweel inside them; every other non-space character is a
punctuation token of its own) and keep ``start``/``end``.
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import compress
from operator import itemgetter
from typing import NamedTuple

from .normalize import _table

# Diacritics (U+064B-U+065F, U+0670) and tatweel (U+0640) are not \w in
# Python's re, yet they belong inside the word they decorate.
_TOKEN_RE = re.compile(r"[\w\u0640\u064b-\u065f\u0670\u06d6-\u06ed]+|[^\w\s]", re.UNICODE)


class Token(NamedTuple):
    """A token: its span in the text, the normalized key, and whether it is a word."""

    start: int
    end: int
    key: str
    is_word: bool


def tokenize(text: str) -> tuple[Token, ...]:
    """Tokens of ``text`` with offsets; ``key`` is the normalized form used for lookups.

    ``text[t.start:t.end]`` is always the token as written.  The last few
    texts' tokens are cached: toponyms and incident extraction both tokenize
    the same article.
    """
    return _tokenize(text) if len(text) > SHORT_TEXT else _tokens(text)


# Texts this short (a word, a name) are tokenized afresh at every call, never cached: extraction
# tokenizes single words between its article's calls, and each one cached would push the article's
# tokens out of the few-entry caches and have the whole article tokenized again.
SHORT_TEXT = 40


def _tokens(text: str) -> tuple[Token, ...]:
    """``tokenize`` computed (see ``_tokenize`` for the cached one)."""
    known = _KEYS
    out = []
    append = out.append
    new = tuple.__new__  # Token(...) without NamedTuple's keyword handling: this runs for every word of a corpus
    # Only whitespace lies between tokens, so the offsets follow from the lengths: reading each token
    # with the whitespace before it as plain strings (findall) spares a match object per token.
    end = 0
    for space, s in _SPACED_TOKEN_RE.findall(text):
        start = end + len(space)
        end = start + len(s)
        key_word = known.get(s)
        if key_word is None:
            key_word = _key_of(s)
            if len(known) < _MAX_KEYS:
                known[s] = key_word
        append(new(Token, (start, end) + key_word))
    return tuple(out)


_tokenize = lru_cache(maxsize=4)(_tokens)


# A token and the whitespace before it.  ``_TOKEN_RE`` matches every character but whitespace, so
# whatever it skips between two tokens is whitespace.
_SPACED_TOKEN_RE = re.compile(r"(\s*)(" + _TOKEN_RE.pattern + ")", re.UNICODE)


def word_tokens(text: str) -> tuple[Token, ...]:
    """The word tokens of ``text`` (``tokenize`` without punctuation), cached like it.

    Incident extraction reads words only; it takes them from the same
    tokenization the toponym finder reads, instead of tokenizing again.
    """
    if len(text) <= SHORT_TEXT:
        return _words_of(_tokens(text))
    return _word_tokens(text)


@lru_cache(maxsize=4)
def _word_tokens(text: str) -> tuple[Token, ...]:
    return _words_of(_tokenize(text))


def _words_of(tokens: tuple[Token, ...]) -> tuple[Token, ...]:
    return tuple(compress(tokens, map(_IS_WORD, tokens)))


_IS_WORD = itemgetter(3)

# Surface form → (key, is_word).  News repeats a modest vocabulary, so each form is folded once
# rather than at every occurrence.  The bound keeps a long run from growing it without end: a
# worker meets over 200,000 forms in 14,000 real articles (some 45 MB remembered), yet folding a
# form costs little, and the first 87,381 forms met (the most a dict holds before its table
# doubles) already answer 92% of the tokens.
_KEYS: dict[str, tuple[str, bool]] = {}
_MAX_KEYS = 87_381


def _key_of(s: str) -> tuple[str, bool]:
    """(normalized key, is_word) of one token as written.

    A form already normalized is its own key (one string, not two equal ones, in the memo).
    """
    if s[0].isalnum() or s[0] == "_" or "\u0640" <= s[0] <= "\u06ed":
        key = s.translate(_table()).lower()
        return (s if key == s else key), True
    return s, False


_SENTENCE_END_RE = re.compile(r"[.!?؟\n]+")
_CLOSERS = set("\"'»”’)]}")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence: split after . ! ? ؟ and line breaks, spaces trimmed.

    A full stop ends a sentence only before a space, a closing quote or
    bracket, or the end of the text: decimals (3.5), web addresses
    (news.example.org) and abbreviations glued to the next word do not.
    """
    spans, start = [], 0
    for m in _SENTENCE_END_RE.finditer(text):
        if m.group() == "." and m.end() < len(text) and not (text[m.end()].isspace() or text[m.end()] in _CLOSERS):
            continue
        spans.append((start, m.end()))
        start = m.end()
    spans.append((start, len(text)))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out
