"""Consonant skeletons: matching an Arabic spelling to a Latin GeoNames name.

Most of the 235k GeoNames places have no Arabic name, yet Arabic news name
their towns all the time (دماسك، دوينتزا، ولام).  Arabic writes mostly
consonants; a Latin transliteration writes vowels the Arabic leaves out and
spells one sound several ways (Dj/J/G, Ou/W, K/Q/C).  Reducing both sides to
a skeleton of consonant classes makes دماسك and Damasak meet ("dmsk").

A skeleton match is weak evidence on its own, so the toponym finder uses it
only for words that are not ordinary Arabic words, that a cue introduces
(مدينة، بلدة، قرب …), and whose place lies in a country the document names.
"""
from __future__ import annotations

import re
import unicodedata

# Arabic letters → consonant class.  Long vowels and glides (ا و ي ى), hamza
# carriers, ع and the h-sounds vanish: Latin spellings drop or vary them.
# خ vanishes too: Latin writes it Kh, H or X by language (Khurays, Sarahs),
# and as k it made ordinary words meet Russian villages (وكوموتيف، Khomutovo).
_AR = {
    "ب": "b", "ت": "t", "ث": "t", "ج": "g", "د": "d", "ذ": "d", "ر": "r", "ز": "z",
    "س": "s", "ش": "s", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "غ": "g", "ف": "f",
    "ق": "k", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ڤ": "f", "پ": "b", "چ": "s", "گ": "g",
}
_AR_SILENT = set("اأإآٱىيوؤئءعحهةخ")

# Latin digraphs first, then letters; vowels, glides and h vanish as above.
_LATIN_DIGRAPHS = (("dj", "g"), ("dz", "z"), ("kh", "k"), ("gh", "g"), ("sh", "s"), ("ch", "s"),
                   ("th", "t"), ("dh", "d"), ("ph", "f"), ("ck", "k"), ("tch", "s"), ("ts", "ts"))
_LATIN = {"b": "b", "c": "k", "d": "d", "f": "f", "g": "g", "j": "g", "k": "k", "l": "l", "m": "m",
          "n": "n", "p": "b", "q": "k", "r": "r", "s": "s", "t": "t", "v": "f", "x": "ks", "z": "z"}

MIN_SKELETON = 3  # two consonants match far too many places
MIN_SIMILARITY = 0.8  # of the vowelled forms, once skeletons agree

# Endings of Arabic inflection (plurals, duals, attached pronouns, nisba):
# a word carrying one is an Arabic word, not a transliterated name.
_ARABIC_ENDINGS = ("ين", "ون", "ات", "ها", "هم", "هن", "كم", "نا", "تين", "تان", "يه", "ته")  # ته: قناته، خلافته
_AR_VOWELS = {"ا": "a", "ى": "a", "ه": "", "و": "u", "ي": "i"}


def looks_transliterated(key: str) -> bool:
    """Whether a normalized word could be a place name GeoNames spells only in Latin.

    Names of Sahel, Lake Chad or Somali towns (دماسك، جيليب) carry no Arabic
    inflection; ordinary words usually do.  Arabic village names may carry
    the article (الباغوز), which their Latin forms keep (Al Bāghūz): see
    :func:`article_agrees`.
    """
    return not key.endswith(_ARABIC_ENDINGS) and len(key) >= 4


_LATIN_ARTICLE = re.compile(r"^(al|el|ad|ar|as|ash|at|az|an|ath|adh|aş|ad-|al-|el-)[\s\-‘’']", re.I)


def article_agrees(key: str, name: str) -> bool:
    """An Arabic name with ال matches only a Latin name that keeps the article (Al Bāghūz)."""
    return not key.startswith("ال") or bool(_LATIN_ARTICLE.match(name))


def _collapse(s: str) -> str:
    """Doubled consonants count once (Tessalit/تساليت, Ouallam/ولام)."""
    return re.sub(r"(.)\1+", r"\1", s)


def arabic_skeleton(key: str) -> str:
    """Consonant skeleton of a normalized Arabic word or phrase."""
    return _collapse("".join(_AR.get(ch, "") for ch in key if ch not in _AR_SILENT))


def arabic_vowelled(key: str) -> str:
    """A rough Latin reading of an Arabic word, long vowels kept (سوكولو → skulu).

    A final ة (ه once normalized) is read -a, as Latin spellings write it
    (Kabkābīyah, Bashiqa); inside a word ه is an h-sound and vanishes.
    """
    out = []
    last = len(key) - 1
    for k, ch in enumerate(key):
        if ch in ("ه", "ة") and k == last and k > 0:
            out.append("a")
        elif ch in _AR_VOWELS:
            out.append(_AR_VOWELS[ch])
        elif ch in _AR:
            out.append(_AR[ch])
    return _collapse("".join(out))


def latin_vowelled(name: str) -> str:
    """A Latin name on the same footing (Sokolo → sukulu, Djibo → gibu)."""
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    s = re.sub(r"[^a-z]", "", s)
    for a, b in _LATIN_DIGRAPHS:
        s = s.replace(a, b.upper())
    s = s.replace("ou", "U").replace("h", "")
    vowels = {"a": "a", "e": "i", "i": "i", "o": "u", "u": "u", "y": "i", "w": "u"}
    out = "".join(ch.lower() if ch.isupper() else _LATIN.get(ch, vowels.get(ch, "")) for ch in s)
    return _collapse(out)


def similarity(key: str, name: str) -> float:
    """How alike an Arabic word and a Latin name sound, 0..1 (vowels counted).

    See :func:`arabic_vowelled` for the one final vowel read on the Arabic
    side (ة → -a).  Dropping final vowels altogether was tried: it let
    ordinary words meet far-off villages (الجراند → El Granada) for no gain.
    """
    from difflib import SequenceMatcher

    return SequenceMatcher(None, arabic_vowelled(key), latin_vowelled(name)).ratio()


def latin_skeleton(name: str) -> str:
    """Consonant skeleton of a Latin place name (accents and punctuation ignored)."""
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    s = re.sub(r"[^a-z]", "", s)
    for a, b in _LATIN_DIGRAPHS:
        s = s.replace(a, b.upper())  # upper case marks an already-mapped class
    out = "".join(ch.lower() if ch.isupper() else _LATIN.get(ch, "") for ch in s)
    return _collapse(out)


# A readable romanization for names the gazetteer lacks (no vowels are written
# in Arabic, so long vowels and glides are all it can show: الزويك → al-Zwik).
_ROMAN = {"ا": "a", "أ": "a", "إ": "i", "آ": "a", "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h",
          "خ": "kh", "د": "d", "ذ": "dh", "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d",
          "ط": "t", "ظ": "z", "ع": "'", "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m",
          "ن": "n", "ه": "h", "ة": "a", "ى": "a", "ء": "'", "ؤ": "'", "ئ": "'"}


def romanize(key: str) -> str:
    """Latin spelling of a normalized Arabic name, word by word (قصر البريج → Qsr al-Brij)."""
    words = []
    for word in key.split():
        article = word.startswith("ال") and len(word) > 3
        body = word[2:] if article else word
        out = []
        for k, ch in enumerate(body):
            last = k == len(body) - 1
            if ch == "و":
                out.append("w" if k == 0 or last else "u")
            elif ch == "ي":
                out.append("y" if k == 0 else "i")
            elif ch == "ه" and last and k > 0:
                out.append("a")  # a final ه is a normalized ة (اليادودة)
            else:
                out.append(_ROMAN.get(ch, ""))
        latin = "".join(out)
        first = next((n for n, c in enumerate(latin) if c.isalpha()), 0)
        latin = latin[:first] + latin[first:first + 1].upper() + latin[first + 1:]
        words.append(("al-" if article else "") + latin)
    return " ".join(words)
