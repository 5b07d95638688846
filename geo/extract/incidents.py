"""Incidents of one article: triggers → places, dates, actors, counts → flat records.

Data flows one way: text → toponyms (``gazetteer.toponyms``) → incidents.
Each record carries every key of ``geo.model.PROPERTY_KEYS`` plus ``lat``
and ``lon``; see ``extract_incidents``.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter
from typing import NamedTuple

from geo.model import Article

from .actors import (CAPTURE_WINDOW, acting_countries, agent_kind, fired_by_group, in_group, militants_killed,
                     operated_by_group, relative_subject, retype, shares_subject, targets_militants,
                     state_fights_militants, state_is_a_side)
from .dates import (RELATIVE_REACH, STATEMENT_WINDOW, article_dates, date_word, find_dates, is_standing,
                    published_from_text)
from .layout import headline_spans, in_spans, tag_line_spans
from .lexicon import THAT_WITH_PRONOUN, acled_defaults, has_class
from .locate import Location, based_in, choose_locations, origin_mentions, speaker_placed, token_before
from .merge import dedupe_article
from .numbers import find_fatalities
from .text import Span, clauses, overlapping_range, sentences, tokenize
from .triggers import Seed, find_seeds

UNCONFIRMED_FACTOR = 0.7  # a hedged report (على الأرجح، أنباء) is kept with less confidence
FALLBACK_FACTOR = 0.6  # no place in the sentence: the article's main country stands in
PRECISION_FACTOR = {"exact": 1.0, "near": 0.95, "admin": 0.95, "region": 0.85, "country": 0.8}
SCENE_CHARS = 400  # how far after an incident's sentence a placeless sentence still tells of its scene
MAX_EVIDENCE = 400  # longer "sentences" (comma-spliced paragraphs) are cut to the trigger's clause


def extract_incidents(article: Article, mentions=None) -> list[dict]:
    """Every conflict incident an article states, one record each (see module docstring).

    ``mentions`` are the article's place mentions (``find_toponyms`` output);
    they are computed when not given.  Incidents stated twice in the article
    are one record whose ``sources`` lists both spans.
    """
    from geo.groups import find_groups, parent_groups  # geo.groups builds on this package's lexicon helpers

    text = article.text
    tokens = tokenize(text)
    groups = find_groups(text, tokens)
    # a parent named beside its affiliate (ولاية غرب إفريقيا، فرع تنظيم الدولة) is not the author
    parents = frozenset(groups[i][:2] for i in parent_groups(tokens, groups))
    seeded = []  # (sentence, its tokens, its seeds) of the sentences that state an incident
    tag_lines = tag_line_spans(text)  # سمات الحوثيين حصار صنعاء: keywords, no sentence
    ti = 0
    for sent in sentences(text):
        ti, tj = overlapping_range(text, sent.start, sent.end, ti)
        stoks = tokens[ti:tj]
        sclauses = clauses(text, sent)
        if not stoks or not sclauses or in_spans(tag_lines, sent.start):
            continue
        # تحرير in هيئة تحرير الشام names the group, it tells no liberation
        seeds = [sd for sd in find_seeds(text, stoks, sclauses, groups) if not in_group(stoks[sd.first], groups)]
        if seeds:
            seeded.append((sent, stoks, seeds))
        ti = tj
    if not seeded:
        return []  # most news states no incident: its places need not be resolved
    if mentions is None:
        from gazetteer.toponyms import find_toponyms
        # Places inside group names (القاعدة في بلاد المغرب الإسلامي) are not locations.
        # nor are places inside campaign names (عملية درع الفرات)
        campaign_names = {(stoks[f].start, stoks[l].end) for _, stoks, seeds in seeded for sd in seeds
                          for f, l in sd.campaign_names}
        mentions = find_toponyms(text, exclude=[(s, e) for s, e, _ in groups] + _parent_areas(text, parents)
                                 + sorted(campaign_names))
    # where a reporting organisation is based (ومقره بريطانيا) is neither a scene nor the story's country
    mentions = [m for m in mentions if not based_in(tokens, m)]
    published = article.published or published_from_text(text)
    fallback = _main_country(text, mentions)
    headlines = headline_spans(text)
    found = []  # (sentence, its tokens, seed, the other triggers' spans, alone, the sentence's places and groups)
    for sent, stoks, seeds in seeded:
        spans = [(s.first, s.last) for s in seeds]
        scope = _sentence_scope(text, stoks, mentions, groups, sent)  # once per sentence: every seed of it asks
        for seed in seeds:
            others = [sp for sp in spans if sp != (seed.first, seed.last)]
            found.append((sent, stoks, seed, others, len(seeds) == 1, scope))
    # first the incidents whose sentence names their place; then the others stand in the country
    # where most of the article's located incidents happen (else the country it names most)
    # Each seed is read (agent, type, places) once; only its fallback place waits for the second pass.
    readings = [_read_seed(text, stoks, seed, others, scope)
                for sent, stoks, seed, others, alone, scope in found]
    records = []
    for (sent, stoks, seed, others, alone, scope), reading in zip(found, readings):
        if reading.locations and not reading.speaker:
            records += _records(article, text, published, sent, stoks, seed, groups, None, alone, parents,
                                scope, reading)
    countries = Counter(r["country"] for r in records if r["country"])
    if countries:
        top = max(countries, key=lambda c: (countries[c], -min(r["source"]["start"] for r in records
                                                             if r["country"] == c)))
        fallback = _country_place(top) or fallback
    main_town = _main_town(mentions, fallback)
    located = [r for r in records if not in_spans(headlines, r["source"]["start"])]
    for (sent, stoks, seed, others, alone, scope), reading in zip(found, readings):
        if reading.speaker:
            # the speaker's place stands only when no incident told just before gives the scene
            scene = _scene_before(located, sent.start)
            if scene is not None:
                reading = reading._replace(locations=[])
            records += _records(article, text, published, sent, stoks, seed, groups, scene, alone, parents,
                                scope, reading)
        # a count of dead needs its own place; so does a base aircraft took off from
        elif not reading.locations and seed.entry.role != "killing" and seed.entry.requires != "departure":
            scene = (_theatre(seed) or _same_place_as_main(text, sent, located) or _attack_referred_to(stoks, seed, located, sent)
                     or _scene_before(located, sent.start) or _town_referred_to(stoks, mentions, sent)
                     or _place_named_before(text, mentions, sent.start)
                     or ((main_town, "near", False) if main_town is not None else (fallback, "country", False)))
            records += _records(article, text, published, sent, stoks, seed, groups, scene, alone, parents,
                                scope, reading)
    for rec in records:
        rec["_headline"] = in_spans(headlines, rec["source"]["start"])
    return dedupe_article(records)


_AREA_AFTER_RE = re.compile(r"[ \u00a0]+(?:في|ب)[ \u00a0]*[^،,.؛;:\n()«»\"]{1,40}")


def _parent_areas(text: str, parents) -> list[tuple[int, int]]:
    """Spans of the area a parent group is said to operate in (فرع تنظيم القاعدة في منطقة الساحل).

    The words describe the parent, named as background to its affiliate; the
    place is where that parent is, not where the incident happened.
    """
    out = []
    for _, end in parents:
        m = _AREA_AFTER_RE.match(text, end)
        if m:
            out.append((end, m.end()))
    return out


# "the same <place>": a place noun followed by نفسه / ذاته (في التقاطع نفسه، في المكان ذاته).
_SAME_PLACE_RE = re.compile(r"(?:ال\w+)[ \u00a0]+(?:نفسه|نفسها|ذاته|ذاتها)\b")


def _same_place_as_main(text: str, sent: Span, located: list[dict]):
    """(place, precision, False) of the article's main incident when a placeless sentence says "the same place".

    ويعيد الهجوم إلى الأذهان تفجيراً في التقاطع نفسه عام 2017: the junction is
    the one of the incident the article is about (its first located one), not
    of whatever incident was told last.
    """
    if not located or not _SAME_PLACE_RE.search(text, sent.start, sent.end):
        return None
    main = min(located, key=lambda r: r["source"]["start"])
    return main["_place"], main["precision"], False


# "the attack" as the object of a preposition (للهجوم، في التفجير، عن الاعتداء): the sentence is about it.
_ATTACK_NOUNS = frozenset({"الهجوم", "الهجومين", "الهجمات", "التفجير", "التفجيرين", "التفجيرات", "الاعتداء"})
_PREPOSITION_CLITICS = ("لل", "بال", "وبال", "ولل", "فال", "كال")
_PREPOSITIONS = frozenset({"في", "عن", "علي", "منذ", "بعد", "اثر", "عقب", "اثناء", "خلال"})


def _attack_referred_to(stoks, seed: Seed, located: list[dict], sent: Span):
    """(place, precision, False) of the last attack told before a placeless sentence that refers to "the attack".

    وقالت الشرطة إنها اعتقلت مشتبهاً بهم في التخطيط للهجوم: the arrests are
    about the attack, wherever the incident told just before (an airstrike
    far away) happened.  Attacks themselves are not re-placed this way.
    """
    if seed.entry.category == "attack":
        return None
    refers = False
    for k, t in enumerate(stoks):
        if k == seed.first:
            continue
        if t.key in _ATTACK_NOUNS:
            refers = k > 0 and stoks[k - 1].key in _PREPOSITIONS
        else:
            refers = any(t.key.startswith(p) and "ال" + t.key[len(p):] in _ATTACK_NOUNS for p in _PREPOSITION_CLITICS)
        if refers:
            break
    if not refers:
        return None
    attacks = [r for r in located if r["category"] == "attack" and r["source"]["end"] <= sent.start]
    if not attacks:
        return None
    last = max(attacks, key=lambda r: r["source"]["end"])
    return last["_place"], last["precision"], False


_TOWN_NOUNS = frozenset({"المدينه", "البلده", "القريه", "للمدينه", "بالمدينه", "للبلده", "بالبلده", "والمدينه",
                         "والبلده"})


def _town_referred_to(stoks, mentions: list, sent: Span):
    """(place, "exact", False) of the town last named before a placeless sentence that speaks of "the town".

    أغلقت قوات الأمن مداخل المدينة: the city is the one the article has been
    talking about, not the country.
    """
    if not any(t.key in _TOWN_NOUNS for t in stoks):
        return None
    last = _last_place_named(mentions, sent.start, ("city", "town"))
    return (last.place, "exact", False) if last is not None else None


def _last_place_named(mentions: list, offset: int, kinds: tuple[str, ...], reach: int | None = None):
    """The location mention of one of ``kinds`` named last before ``offset`` (and at most ``reach``
    characters before it, when given), or None."""
    return next((m for m in reversed(mentions) if m.role == "location" and m.place.kind in kinds
                 and m.end <= offset and (reach is None or offset - m.end <= reach)), None)


_LOCAL_KINDS = ("city", "town", "admin", "site", "facility")
_SECTION_BREAKS = ("\n\n", "\n*", "\n•", "\n-")


def _place_named_before(text: str, mentions: list, offset: int):
    """(place, "near", False) of the town or district named last within the scene's reach before a
    placeless sentence, in the same section of the article.

    A brief goes on about the place its first sentence named (حاولت مهاجمة ثكنة ببلدة في ولاية
    باتنة … وأشار المصدر إلى أن المسلحين هاجموا الثكنة) even when that sentence told no incident
    of its own; a digest's next item (a line opening with * or a blank line) is another story.
    """
    last = _last_place_named(mentions, offset, _LOCAL_KINDS, SCENE_CHARS)
    if last is None or any(brk in text[last.end:offset] for brk in _SECTION_BREAKS):
        return None
    return last.place, "near", False


def _scene_before(located: list[dict], offset: int):
    """(place, precision, True) of the incident told just before ``offset``, when it is close enough to still be the scene.

    News goes on about one scene for a sentence or two without naming its
    place again (وأطلقوا النار على السكان، واحتجزوا العمال); such a sentence
    happens where the one before it did, not in the article's main country.
    """
    before = [r for r in located if r["source"]["end"] <= offset and offset - r["source"]["end"] <= SCENE_CHARS]
    if not before:
        return None
    last = max(before, key=lambda r: r["source"]["end"])
    return last["_place"], last["precision"], True


def _main_country(text: str, mentions: list):
    """The article's main country: the one its location mentions name most (first named on a tie).

    A mention after في / ب counts double: "in Libya" says where things happen,
    a bare country name is as often a government acting or speaking.
    """
    counts: Counter = Counter()
    first: dict = {}
    for m in mentions:
        if m.role == "location" and m.place.country:
            before = text[max(0, m.start - 4):m.start]
            counts[m.place.country] += 2 if before.endswith(("في ", "ب", "في\u00a0")) else 1
            first.setdefault(m.place.country, m.start)
    if not counts:
        return None
    return _country_place(max(counts, key=lambda c: (counts[c], -first[c])))


MAIN_TOWN_SHARE = 2 / 3  # of the town mentions in the article's country, for one town to be its scene
MAIN_TOWN_MENTIONS = 3


def _main_town(mentions: list, country_place):
    """The town an article is about, if one clearly is: named at least three times and in two thirds of
    the town mentions of its main country (a report from Benghazi names Benghazi again and again).

    A sentence that names no place then tells of that town rather than of the whole country: the
    country's centroid may lie hundreds of kilometres from anything the article reports."""
    if country_place is None:
        return None
    towns = Counter()
    places = {}
    for m in mentions:
        if m.role == "location" and m.place.kind in ("city", "town") and m.place.country == country_place.country:
            towns[m.place.id] += 1
            places.setdefault(m.place.id, m.place)
    if not towns:
        return None
    top, count = towns.most_common(1)[0]
    if count < MAIN_TOWN_MENTIONS or count < MAIN_TOWN_SHARE * sum(towns.values()):
        return None
    return places[top]


def _theatre(seed: Seed):
    """(country, "country", False) of the theatre of a campaign its sentence names (campaigns.tsv), or None:
    المشاركين في عملية عاصفة الحزم, in a Saudi article, tells of Yemen; تنشر فرنسا جنوداً في إطار
    عملية برخان, of Mali."""
    if seed.theatre is None:
        return None
    place = _country_place(seed.theatre)
    return (place, "country", False) if place is not None else None


def _country_place(iso2: str):
    """The gazetteer's Place of a country (its representative point), or None."""
    try:
        import gazetteer
        return gazetteer.load().country(iso2)
    except Exception:  # pragma: no cover - gazetteer index missing: no fallback
        return None


class _SentenceScope(NamedTuple):
    """A sentence's place mentions, its demonym mentions among them, its group names, and the
    mentions that say where forces come from (``origin_mentions``)."""

    mentions: list
    demonyms: list
    groups: list
    origins: list


def _sentence_scope(text: str, stoks, mentions: list, groups: list, sent: Span) -> _SentenceScope:
    """The mentions and groups that start inside a sentence.

    Origins depend on the sentence alone: read once here, not twice for each of its seeds
    (once to rule them out as its places, once to count them as actors).
    """
    smentions = [m for m in mentions if sent.start <= m.start < sent.end]
    return _SentenceScope(smentions, [m for m in smentions if m.role == "demonym"],
                          [g for g in groups if sent.start <= g[0] < sent.end],
                          origin_mentions(text, stoks, smentions))


class _Reading(NamedTuple):
    """What a seed's sentence says of it before any fallback place: its type, actors and places."""

    trig: Span
    category: str
    subtype: str
    acting: list
    locations: list
    clause_tokens: list  # the sentence's tokens inside the trigger's clause
    speaker: bool = False  # its only places are the speaker's (قال مسؤول في طرابلس إن …)
    condemned_at: int | None = None  # offset of a condemnation before the trigger (أعربت تونس عن إدانتها للعمل)


LIGHT_VERB_REACH = 12  # words before the trigger's clause within which the light verb it is the object of stands


def _object_of_earlier_light_verb(stoks, first: int, clause_start: int) -> bool:
    """Whether the trigger is the object of a light verb (شن، خاض، نفذ) of an earlier clause of its sentence.

    Its own clause then holds no such verb: an aside (بدعم من الطيران، مدعومة
    بمقاتلي العشائر) or a time (منذ أغسطس) stood between verb and object.
    """
    key = stoks[first].key
    if not (key.endswith("ا") and not key.endswith("وا")):
        return False  # an object in the accusative (هجوماً); a verb (وهاجم مسلحون) has a subject of its own
    if clause_start == 0 or any(has_class(t, "op_verb") for t in stoks[clause_start:first]):
        return False
    return any(has_class(t, "op_verb") for t in stoks[max(0, clause_start - LIGHT_VERB_REACH):clause_start])


def _read_seed(text, stoks, seed: Seed, other_triggers, scope: _SentenceScope) -> _Reading:
    """Who did it (and so its type), the acting countries and the places the sentence gives a seed."""
    trig = Span(stoks[seed.first].start, stoks[seed.last].end)
    smentions, sgroups, demonyms = scope.mentions, scope.groups, scope.demonyms
    acting = acting_countries(text, stoks, smentions, trig, seed.clause)
    clause_start = next(k for k, t in enumerate(stoks) if t.start >= seed.clause.start)
    clause_end = next((k for k in range(clause_start, len(stoks)) if stoks[k].start >= seed.clause.end), len(stoks))
    clause_tokens = stoks[clause_start:clause_end]  # tokens are in text order: the clause's are one run
    agent = agent_kind(text, stoks, seed.first, seed.last, clause_start, sgroups, demonyms, acting, other_triggers)
    if agent is None and (
            # ، وسيطرت خلالها على بلدة: a verb coordinated with the clause before shares its subject
            shares_subject(stoks, seed.first, clause_start)
            # شن الجيش، بدعم من الطيران، هجوماً: the light verb and its subject stand before an aside
            or _object_of_earlier_light_verb(stoks, seed.first, clause_start)
            # أعلنت القوات اليمنية، اليوم، أنها بسطت سيطرتها على المطار: "that they" -- the speaker acted
            or any(t.key in THAT_WITH_PRONOUN for t in stoks[clause_start:seed.first])):
        # the subject stands in an earlier clause: look for it in the whole sentence
        agent = agent_kind(text, stoks, seed.first, seed.last, 0, sgroups, demonyms, acting, other_triggers)
    if agent is None:
        agent = relative_subject(text, stoks, seed.first, seed.last, clause_start, sgroups, demonyms, acting)
    if (agent is None and seed.entry.category == "attack" and seed.entry.role == "generic"
            and targets_militants(stoks, seed.last, sgroups)):
        agent = "state"  # استهدفت العناصر التكفيرية، هاجمت مواقع المسلحين: those who strike at fighters fight them
    if seed.entry.role == "killing" and agent != "state" and militants_killed(stoks, seed.last, sgroups):
        agent = "state"  # مقتل 19 مسلحاً من داعش: fighters killed, by the forces that fight them
    if seed.entry.role == "clash" and agent != "state" and (
            state_fights_militants(stoks, sgroups)
            # اشتبكوا مع وحدة من الجيش: fighters named as the subject attacked
            or (agent is None and state_is_a_side(stoks, seed.last, sgroups)
                # (مقاتلو التنظيم حققوا تقدماً خلال المعارك مع قوات النظام: the fighters' advance)
                and not any(has_class(t, "armed") or in_group(t, sgroups) for t in stoks[:seed.first]))):
        agent = "state"
    condemned_at = next((t.start for t in stoks[:seed.first] if has_class(t, "condemn")), None)
    if agent == "state" and condemned_at is not None:
        agent = None  # أعربت تونس عن إدانتها للعمل الذي استهدف المملكة: the condemning state did not act
    if seed.refers and agent == "state":
        # دانت فرنسا الهجوم، اتهمت واشنطن إيران بالوقوف وراء الهجوم: the state condemns or accuses, it did not act
        agent = None
    aircraft = any(has_class(t, "aircraft") for t in clause_tokens)
    capture_near = any(in_group(t, sgroups) for t in stoks[max(0, seed.first - CAPTURE_WINDOW):seed.first])
    group_fires = (seed.subtype == "airstrike" and agent == "nonstate"
                   and fired_by_group(stoks, seed.first, seed.last, clause_start, sgroups))
    # طرد تنظيم داعش من جرابلس، طرد مسلحي الحركة: whom a driving-out word names after it were driven
    # out (its object), they did not take the town; nor did a group named right after a retaking word
    drives_out = any(cls in seed.entry.requires for cls in ("armed", "group_ref"))
    retakes = (seed.entry.acled_sub_event_type == "Government regains territory" and not drives_out
               and not any(in_group(t, sgroups) for t in stoks[seed.last + 1:seed.last + 3]))
    group_operates = (agent == "nonstate" and seed.entry.role == "generic"
                      and operated_by_group(stoks, seed.first, seed.last, clause_start, sgroups))
    category, subtype = retype(seed.entry.category, seed.subtype, seed.entry.role, agent, aircraft, capture_near,
                               group_fires, retakes, group_operates)

    excluded = [(s, e) for s, e, _ in sgroups] + [(m.start, m.end) for m in acting]
    # a light head (شهدت نيجيريا هجوماً، إذ اقتحم مسلحون كنيسة في أوو) is told by the specific trigger after it;
    # the triggers before it told other events (…، وقصف الجيش أحياء في الفلوجة، وكثفت القوات هجومها على …)
    others = [(stoks[f].start, stoks[l].end) for f, l in other_triggers
              if seed.entry.role not in ("generic", "clash", "killing") or l < seed.first]
    locations = choose_locations(text, stoks, trig, seed.clause, smentions, excluded, category, others,
                                 scope.origins, advance=seed.entry.requires == "advance",
                                 departure=seed.entry.requires == "departure")
    if "العاصمة" in text[seed.clause.start:seed.clause.end]:  # a plain search spares a word-by-word look
        locations = _capital_in_clause(clause_tokens, seed.clause, locations)
    if seed.entry.role == "campaign":
        # a campaign is fought in its theatre: a place elsewhere is where its forces come from or speak
        # (a region without a country, الساحل, may be the theatre itself)
        locations = [loc for loc in locations if loc.place.country in seed.entry.theatre or not loc.place.country]
    return _Reading(trig, category, subtype, acting, locations, clause_tokens,
                    speaker_placed(stoks, trig, locations), condemned_at)


def _records(article, text, published, sent: Span, stoks, seed: Seed, groups, scene,
             alone: bool, parents: frozenset, scope: _SentenceScope, reading: _Reading) -> list[dict]:
    """The record(s) of one seed: one per place when the sentence lists several countries.

    ``scene`` is (place, precision, whether an incident told just before is there) standing in when
    the sentence names no place, or None.  A record placed at such a scene goes on telling that
    incident (``_continues``; see ``merge.dedupe_article``).
    """
    fallback, fallback_precision, at_scene = scene if scene else (None, "country", False)
    smentions, sgroups = scope.mentions, scope.groups
    demonyms = [d for d in scope.demonyms if not _names_an_outlet(stoks, d)]
    trig, category, subtype, acting = reading.trig, reading.category, reading.subtype, reading.acting
    locations = list(reading.locations)
    confidence = seed.entry.strength * (UNCONFIRMED_FACTOR if seed.unconfirmed else 1.0)
    fallback_used = False
    # تلك الغارة, or الهجوم in a sentence that names no place: an incident told before
    floating = seed.pointed or (seed.definite and not locations)
    if not locations:
        # a government named in the sentence (حكومة طبرق، أعلنت بغداد) speaks for its own country
        spoken = [m.place.country for m in smentions if m.role == "metonym" and m.place.country]
        capital = _capital_named(stoks, fallback) if fallback is not None else None
        if spoken:
            fallback, fallback_precision = _country_place(spoken[0]) or fallback, "country"
            at_scene = False
        elif capital is not None:  # وصلت إلى العاصمة أرتال عسكرية: the capital of the country told of
            fallback, fallback_precision, at_scene = capital, "exact", False
        elif fallback is None and demonyms and _place_demonyms(stoks, demonyms):  # ولاية … النيجيرية
            fallback = _country_place(_place_demonyms(stoks, demonyms)[-1].place.country)
            fallback_precision, at_scene = "country", False
        if fallback is None:
            return []
        locations = [Location(_PlaceOnly(fallback), fallback_precision)]
        fallback_used = True
        confidence *= FALLBACK_FACTOR

    date = None if seed.pattern else _date_for(text, published, sent, seed, trig)
    fatalities = None
    if not seed.unconfirmed:
        # the toll is told in the trigger's clause, or anywhere in a sentence that tells one incident
        fatalities = find_fatalities(text, seed.clause.start, seed.clause.end)
        if fatalities is None and alone:
            fatalities = find_fatalities(text, sent.start, sent.end)
    authors = [g for g in sgroups if g[:2] not in parents] or sgroups
    clause_groups = [g for s, e, g in authors if seed.clause.start <= s < seed.clause.end]
    group_names = sorted(set(clause_groups or [g for _, _, g in authors]))
    if not group_names:
        group_names = _group_referred_to(reading.clause_tokens, [g for g in groups if g[:2] not in parents], sent,
                                         category)
    origins = scope.origins
    # a state that condemns or claims (دانت فرنسا الهجوم) is not one of the incident's actors
    condemned_at = reading.condemned_at
    actors = sorted({m.place.country for m in demonyms + (acting if not seed.refers else []) + origins
                     if m.place.country and (condemned_at is None or m.start > condemned_at)})
    if category == "attack" and not actors and any(has_class(t, "state_force") and not in_group(t, sgroups)
                                                   for t in reading.clause_tokens):
        # the soldiers or bases attacked belong to the country it happened in (unless a demonym says otherwise)
        actors = sorted({loc.place.country for loc in locations if loc.place.country})
    event, sub_event = (seed.entry.acled_event_type, seed.entry.acled_sub_event_type)
    if event is None or (category, subtype) != (seed.entry.category, seed.subtype):
        event, sub_event = acled_defaults()[subtype]
    ev = _evidence_span(text, sent, seed, locations if not fallback_used else [])
    out = []
    for loc in locations:
        place = loc.place
        conf = confidence * PRECISION_FACTOR[loc.precision]
        source = {"file": article.path, "start": ev.start, "end": ev.end}
        rec = {
            "id": _stable_id(article.path, ev, trig, category, subtype, place.id),
            "category": category, "subtype": subtype,
            "acled_event_type": event, "acled_sub_event_type": sub_event,
            "date": date, "country": place.country, "place": place.name,
            "place_ar": place.name_ar if fallback_used else loc.mention.surface,
            "geonameid": place.geonameid, "precision": loc.precision,
            "radius_km": round(loc.radius_km, 1), "groups": group_names, "actors": actors,
            "fatalities": fatalities, "confidence": round(min(1.0, max(0.0, conf)), 3),
            "source": source, "sources": [dict(source)], "evidence": text[ev.start:ev.end],
            "trigger": text[trig.start:trig.end], "url": article.url, "title": article.title,
            "lat": place.lat, "lon": place.lon, "_drawn": loc.mention.point,
            "_place_id": place.id, "_place": place, "_floating": floating, "_reference": seed.refers, "_fallback": fallback_used,
            "_continues": fallback_used and at_scene, "_role": seed.entry.role, "_campaign": seed.entry.campaign,
            "_definite": seed.definite and not seed.refers,
        }
        out.append(rec)
    return out


def _group_referred_to(clause_tokens, groups, sent: Span, category: str) -> list[str]:
    """The group last named before the sentence, when the sentence speaks of one without naming it.

    News names a group once and then says التنظيم، الجماعة، الحركة or just
    مسلحون: an attack, or an operation against such a common noun, is the
    last named group's.
    """
    refers = any(has_class(t, "group_ref") or has_class(t, "armed") for t in clause_tokens)
    if not (refers or category == "attack"):
        return []
    before = [g for s, _, g in groups if s < sent.start]
    return [before[-1]] if before else []


def _names_an_outlet(stoks, demonym) -> bool:
    """وكالة الأنباء الألمانية، الصحف الأميركية: a nationality after a media word names a news outlet."""
    k = token_before(stoks, demonym.start)
    return k is not None and has_class(stoks[k], "media")


def _place_demonyms(stoks, demonyms: list) -> list:
    """Demonyms that may say where (ولاية … النيجيرية), not those naming a force (الجيش الأمريكي)."""
    from .actors import names_a_force
    return [d for d in demonyms if not names_a_force(stoks, d)]


def _capital_in_clause(clause_tokens, clause: Span, locations: list) -> list:
    """وصلت إلى العاصمة أرتال عسكرية: the capital of the country of the place chosen elsewhere in the sentence,
    when the trigger's clause says "to / in the capital" and names no place of its own."""
    if not locations or any(clause.start <= loc.mention.start < clause.end for loc in locations):
        return locations
    if all(loc.place.kind == "city" and getattr(loc.place, "capital", False) for loc in locations):
        return locations
    said = any(has_class(t, "capital_word") and k > 0 and has_class(clause_tokens[k - 1], "locative")
               for k, t in enumerate(clause_tokens))
    if not said:
        return locations
    country = locations[0].place.country
    try:
        import gazetteer
        capital = gazetteer.load().capital(country) if country else None
    except Exception:  # pragma: no cover - gazetteer index missing
        capital = None
    return [Location(_PlaceOnly(capital), "exact")] if capital is not None else locations


def _capital_named(stoks, fallback) -> object | None:
    """The capital of the fallback place's country when the sentence says العاصمة and names no place."""
    if getattr(fallback, "kind", None) != "country" or not any(has_class(t, "capital_word") for t in stoks):
        return None
    try:
        import gazetteer
        return gazetteer.load().capital(fallback.country)
    except Exception:  # pragma: no cover - gazetteer index missing
        return None


class _PlaceOnly:
    """A stand-in mention for a place that the sentence does not name (the article's main country)."""

    def __init__(self, place):
        self.place = place
        self.surface = place.name_ar
        self.start = self.end = -1
        self.point = place.lat, place.lon


def _date_for(text, published, sent: Span, seed: Seed, trig: Span) -> str | None:
    """The incident's date: one its sentence gives, else one the text around it gives
    (``ArticleDates.context_date``: the live-blog entry's day, the sentence before's date, the month
    of the day's news told just before).

    In the sentence, a date in the trigger's clause comes first, then the
    nearest one; a date that only dates a statement (أعلن الجيش، أمس، أن …)
    comes after those, and one in a relative clause about another noun
    (عملية "درع الفرات" التي أطلقت في 24 أغسطس) last.  A date
    that opens or bounds a span (منذ، قبل) gives None, and so does a deployment
    told as a standing state (تنتشر، المتمركزة، حاليا): it has no date.
    """
    ctx = article_dates(text, published)
    anchor = ctx.anchor_at(sent.start)
    stoks = tokenize(text, sent.start, sent.end) if seed.entry.category == "deployment" else None
    if stoks is not None:
        clause_first = next((k for k, t in enumerate(stoks) if t.start >= seed.clause.start), seed.first)
        if is_standing(stoks, seed.first, min(clause_first, seed.first)):
            return None
    dates = find_dates(text, anchor, sent.start, sent.end)
    if any(d.follows for d in dates):
        dates = ctx.dates(sent, ctx.antecedent(sent))
    if len(dates) == 1 and dates[0].value and len(dates[0].value) == 10 and not dates[0].base:
        best = dates[0]  # a lone date of the day is the incident's however it is placed (see below)
        return None if best.since or best.bound else best.value
    if dates and stoks is None:
        stoks = tokenize(text, sent.start, sent.end)
    # a lone date needs no ranking by clause: the sentence's clauses are split only for several
    best = _sentence_date(stoks, clauses(text, sent) if len(dates) > 1 else None, dates, seed, trig)
    if best is not None:
        if best.since or best.bound:
            return None
        if best.base and best.start >= trig.end and best.value and best.value > best.base:
            return best.base  # انتشرت القوات …، ثم … في اليوم التالي: the incident is of the day told before
        return best.value
    return ctx.context_date(sent)


def _sentence_date(stoks, sclauses, dates, seed: Seed, trig: Span):
    """The date mention of the sentence that dates the incident (see ``_date_for``), or None."""
    if not dates:
        return None
    ranked = []
    for d in dates:
        k = next((n for n, t in enumerate(stoks) if t.start >= d.start), len(stoks) - 1)
        in_clause = seed.clause.start <= d.start < seed.clause.end
        dist = d.start - trig.end if d.start >= trig.end else trig.start - d.end
        if sclauses is not None and _in_foreign_relative(stoks, sclauses, k, d, seed, trig):
            rank = 3  # another noun's date: the incident's only when the sentence gives no other
        elif _dates_statement(stoks, k, d, trig):
            if not (d.value and len(d.value) == 10):
                continue  # تحدث أواخر العام الماضي: when someone spoke, not even to the day
            rank = 2  # a statement of the day reports that day's events, if nothing better is said
        else:
            rank = 0 if in_clause else 1
        ranked.append(((rank, dist), d))
    return min(ranked, key=lambda r: r[0])[1] if ranked else None


def _dates_statement(stoks, k: int, d, trig: Span) -> bool:
    """Whether the date at token ``k`` dates a statement about the incident (أعلن الرئيس، أمس الخميس، انتهاء …).

    A reporting word shortly before the date, with no أن / إن between them,
    and the incident told after it.
    """
    if trig.start < d.end:
        return False
    for n in range(k - 1, max(-1, k - 1 - STATEMENT_WINDOW), -1):
        if date_word(stoks[n], "complementizer"):
            return False
        if date_word(stoks[n], "speech"):
            return True
    return False


def _in_foreign_relative(stoks, sclauses, k: int, d, seed: Seed, trig: Span) -> bool:
    """Whether the date stands in a relative clause about a noun other than the incident's trigger.

    عملية "غصن الزيتون" التي انطلقت أمس: the date is the operation's; but in
    عملية "غضب بوما" التي أطلقها الجيش نهاية مارس the relative clause follows
    the trigger itself, and in الذي شن في أكتوبر هجوما the trigger is inside it.
    """
    clause = next((c for c in sclauses if c.start <= d.start < c.end), None)
    if clause is None:
        return False
    rel = k - 1
    while rel >= 0 and stoks[rel].start >= clause.start and not date_word(stoks[rel], "relative"):
        rel -= 1
    if rel < 0 or stoks[rel].start < clause.start:
        return False
    if stoks[rel].start <= trig.start < clause.end:
        return False  # the trigger is told inside the relative clause
    return not (0 <= rel - seed.last <= RELATIVE_REACH)


def _evidence_span(text: str, sent: Span, seed: Seed, locations: list[Location]) -> Span:
    """The sentence, or for an overlong one the trigger's clause stretched to cover its place."""
    if sent.end - sent.start <= MAX_EVIDENCE:
        return sent
    start, end = seed.clause.start, seed.clause.end
    for loc in locations:
        if loc.mention.start >= 0:
            start, end = min(start, loc.mention.start), max(end, loc.mention.end)
    return Span(start, end)


def _stable_id(path: str, ev: Span, trig: Span, category: str, subtype: str, place_id: str) -> str:
    """16 hex digits of sha1 over what identifies an incident record (same input, same id)."""
    key = f"{path}\x1f{ev.start}:{ev.end}\x1f{trig.start}\x1f{category}/{subtype}\x1f{place_id}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
