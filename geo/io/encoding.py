"""Turn the bytes of one input file into text, saying how sure we are of it.

News arrives as UTF-8 (with or without a byte-order mark), UTF-16 with a BOM,
or Windows-1256 from older Arabic sites; scrapers also leave truncated files
and the odd binary blob in the pile.  :func:`decode_bytes` picks the encoding,
returns the text with a leading BOM removed and otherwise unchanged (later
offsets index into it), and lists what a user should know about the result:
a legacy encoding guessed, bytes that were damaged and replaced.  Anything it
cannot turn into text is an :class:`~geo.errors.InputError`, never another
exception, so one bad file cannot stop a batch.
"""
from __future__ import annotations

import codecs
import re

from geo.errors import InputError

# Longest BOMs first: the UTF-32-LE mark starts with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)

# Control characters (Unicode category Cc) other than those real text
# legitimately holds: tab, line breaks, form feed and ESC.
_STRAY_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f-\x9f]")
_NON_ASCII_RUN_RE = re.compile("[^\x00-\x7f]+")
_ARABIC_LETTER_RE = re.compile("[\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06fc\u0750-\u077f]")

# Above this share of control characters a "text" is really binary data.
_MAX_CONTROL_RATIO = 0.05

# A legacy decoding counts as Arabic when at least this share of its non-ASCII letters is.
_MIN_ARABIC_RATIO = 0.5

# How much text the Arabic-or-not decision reads: plenty to be sure, and a
# large file is decided as fast as a small one.
_RATIO_SAMPLE_CHARS = 200_000

# Damage is "a few broken sequences" while the invalid bytes stay below this
# share of the well-formed non-ASCII characters; beyond it the file is not UTF-8.
_MAX_DAMAGE_RATIO = 0.25


def decode_bytes(data: bytes, path: str = "<bytes>") -> tuple[str, list[str]]:
    """Decode one file's bytes; return ``(text, warnings)`` or raise InputError.

    Order of decisions, most certain first: a BOM names its encoding; NUL
    bytes without a BOM mean binary; valid UTF-8 is UTF-8; otherwise UTF-8
    with a few broken sequences is damaged UTF-8 (replaced, reported), and
    anything else is a legacy single-byte encoding, Windows-1256 when the
    result reads as Arabic and Windows-1252 when it does not.
    """
    if not data:
        raise InputError(path, "empty file")
    text, warnings = _decode_with_bom(data, path)
    if text is None:
        if b"\x00" in data:
            raise InputError(path, "binary file, not text")
        text, warnings = _decode_without_bom(data)
    if _looks_binary(text):
        raise InputError(path, "binary file, not text")
    if not text.strip():
        raise InputError(path, "empty file")
    return text, warnings


def _decode_with_bom(data: bytes, path: str) -> tuple[str | None, list[str]]:
    """Decode data that starts with a byte-order mark; ``(None, [])`` when it has none."""
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            body = data[len(bom):]
            try:
                return body.decode(codec), []
            except UnicodeDecodeError as exc:
                text = body.decode(codec, errors="replace")
                return text, [f"damaged {label}: invalid bytes replaced with U+FFFD "
                              f"(first at byte {exc.start + len(bom)})"]
    return None, []


def _decode_without_bom(data: bytes) -> tuple[str, list[str]]:
    """Decode data without a BOM: UTF-8, damaged UTF-8, or a legacy code page."""
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    bad_bytes, good_chars = _utf8_damage(data)
    if bad_bytes <= good_chars * _MAX_DAMAGE_RATIO:
        return _damaged_utf8(data, bad_bytes, first_bad)
    arabic = data.decode("cp1256")
    if arabic_ratio(arabic) >= _MIN_ARABIC_RATIO:
        return arabic, ["decoded as Windows-1256"]
    if good_chars > bad_bytes:
        return _damaged_utf8(data, bad_bytes, first_bad)
    western = data.decode("cp1252", errors="replace")
    return western, ["decoded as Windows-1252"]


def _damaged_utf8(data: bytes, bad_bytes: int, first_bad: int) -> tuple[str, list[str]]:
    """UTF-8 with its invalid sequences replaced by U+FFFD, and the warning that says so."""
    plural = "s" if bad_bytes != 1 else ""
    return data.decode("utf-8", errors="replace"), [
        f"damaged UTF-8: {bad_bytes} invalid byte{plural} replaced with U+FFFD "
        f"(first at byte {first_bad})"]


def _utf8_damage(data: bytes) -> tuple[int, int]:
    """Count invalid bytes and well-formed non-ASCII characters of data read as UTF-8.

    ``surrogateescape`` maps every invalid byte to its own lone surrogate, so
    one pass counts both without guessing how the replacement grouped them.
    """
    text = data.decode("utf-8", errors="surrogateescape")
    # Counted by the codecs (C speed) rather than by Python loops: encoding
    # with "ignore" drops exactly the characters being counted.
    bad = len(text) - len(text.encode("utf-8", errors="ignore").decode("utf-8"))
    non_ascii = len(text) - len(text.encode("ascii", errors="ignore"))
    return bad, non_ascii - bad


def arabic_ratio(text: str) -> float:
    """Share of the non-ASCII letters in text that are Arabic (0 when there are none).

    ASCII letters are left out: they read the same in every candidate code
    page, and HTML markup or Latin names would otherwise outvote the Arabic.
    """
    sample = _NON_ASCII_RUN_RE.findall(text[:_RATIO_SAMPLE_CHARS])
    letters = sum(1 for run in sample for c in run if c.isalpha())
    arabic = sum(len(_ARABIC_LETTER_RE.findall(run)) for run in sample)
    return arabic / letters if letters else 0.0


def _looks_binary(text: str) -> bool:
    """True when text holds NULs or too many control characters to be prose."""
    if "\x00" in text:
        return True
    return len(_STRAY_CONTROL_RE.findall(text)) > _MAX_CONTROL_RATIO * len(text)
