"""Where did it happen?  The place a sentence ties to a trigger.

Candidates are the sentence's place mentions in the ``location`` role
(metonyms such as أعلنت واشنطن are governments speaking, demonyms are
actors), minus places inside a group's name (داعش في الصحراء الكبرى) and
countries standing as the subject of the action (فرنسا نفذت غارات).  The
nearest one introduced by a locative preposition wins, preferring the
trigger's clause; a finer place of the same country in the sentence beats
a country, a region or a province (بالقرب من مدينة بنغازي over ليبيا,
مدينة المكلا over محافظة حضرموت).  A coordinated
list (في مالي والنيجر وبوركينا فاسو) gives one location per place.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from operator import attrgetter

from gazetteer import load as load_gazetteer

from .lexicon import THAT_BARE, has_class
from .text import Span, Token, tokenize

PRECISION_BY_KIND = {"city": "exact", "town": "exact", "facility": "exact", "site": "near", "admin": "admin",
                     "region": "region", "water": "region", "country": "country"}
# How fine a place is: finer places are preferred over coarser ones of the same country.
FINENESS = {"facility": 4, "site": 4, "city": 3, "town": 3, "admin": 2, "region": 1, "water": 1, "country": 0}
NEAR_RADIUS_KM = 10.0
_END = attrgetter("end")
_RELATIVES = ("التي", "الذي", "الذين", "اللتين", "اللذين", "اللتان", "اللذان")
_ADDITION_STEMS = ("ضافة", "فضلا", "فضلاً", "علاوة", "وكذلك")  # the addition words' letters, for a quick search
ADDITION_REACH = 12  # words after إضافة إلى within which the added places stand (إضافة إلى ثلاث غارات على مواقع الحوثيين في محافظة الجوف)
FINER_WINDOW = 25  # words from the trigger within which a finer place of the same country is preferred
# What may stand between two members of a list of places: و / أو (then maybe في / ب again), or a comma.
_COORDINATION_RE = re.compile(r"^[\s\u00a0]*(?:[،,][\s\u00a0]*(?:و|او|أو)?|(?:و|او|أو))[\s\u00a0]*(?:في|ب)?[\s\u00a0]*$")


@dataclass(frozen=True, slots=True)
class Location:
    """A chosen place with the precision the text gives it."""

    mention: object  # gazetteer.model.Mention
    precision: str

    @property
    def place(self):
        return self.mention.place

    @property
    def radius_km(self) -> float:
        if self.precision == "exact":
            return 0.0
        if self.precision == "near":
            return NEAR_RADIUS_KM
        return float(self.place.radius_km or 0.0)


def token_before(tokens: list[Token], offset: int) -> int | None:
    """Index of the last word ending at or before ``offset``."""
    # words are in text order, so their ends increase: a binary search, not a walk from the start
    k = bisect.bisect_right(tokens, offset, key=_END) - 1
    return k if k >= 0 else None


def _locative_before(text: str, tokens: list[Token], mention) -> bool:
    """Is the mention introduced by a locative preposition (في، قرب، شمال…) or a clitic ب?"""
    if mention.start > 0 and text[mention.start - 1] in "ب":
        return True
    k = token_before(tokens, mention.start)
    if k is None:
        return False
    # allow a head noun and من between (في مدينة غاو، بالقرب من مدينة بنغازي); a preposition holding a
    # pronoun (في وقت تنشر فيه فرنسا) has its own object and introduces nothing after it
    return any(has_class(tokens[j], "locative") and tokens[j].key not in _RESUMPTIVE
               for j in (k, k - 1, k - 2) if j >= 0)


def _object_of(text: str, trigger: Span, mention) -> bool:
    """Whether the mention is the trigger's direct object (استرداد قاعدة العند، اقتحموا مدينة X): nothing but
    a space between them, so the place is what was taken or struck."""
    return mention.start >= trigger.end and not text[trigger.end:mention.start].strip()


_RESUMPTIVE = frozenset({"فيه", "فيها", "فيهم", "فيهما", "به", "بها", "بهم", "بهما"})


def _departure_place(text: str, tokens: list[Token], trigger: Span, clause: Span, mentions: list) -> list[Location]:
    """Where aircraft set out from: the first place after the من that follows the verb of taking off."""
    k = next((k for k, t in enumerate(tokens) if t.start >= trigger.end and t.key == "من"), None)
    if k is None:
        return []
    reach = tokens[min(len(tokens) - 1, k + DEPARTURE_REACH)].end  # من قاعدة في ديار بكر: a head noun may come first
    left = [m for m in mentions if m.role == "location" and tokens[k].end <= m.start < min(reach, clause.end)]
    return [Location(left[0], precision_of(text, tokens, left[0]))] if left else []


def _anothers_place(text: str, trigger: Span, clause: Span, mention, other_triggers: list[tuple[int, int]]) -> bool:
    """Whether a place outside the trigger's clause stands in the clause of another incident's trigger: that
    incident's place (…، وقصف الجيش أحياء في الفلوجة، وكثفت القوات هجومها على … الأنبار: Fallujah is the shelling's)."""
    if clause.start <= mention.start < clause.end:
        return False
    lo = max(text.rfind(p, 0, mention.start) for p in _CLAUSE_STOPS) + 1
    hi = min((i for i in (text.find(p, mention.end) for p in _CLAUSE_STOPS) if i >= 0), default=len(text))
    return any(lo <= s < hi for s, _ in other_triggers)


_CLAUSE_STOPS = ("،", ",", "؛", ";", ".", "\n")


def _other_trigger_between(trigger: Span, mention, other_triggers: list[tuple[int, int]]) -> bool:
    """Whether another incident's trigger (offsets) stands between the trigger and the mention: the place is that
    incident's (دخلت القوات الأراضي الصومالية وشاركت في طرد الحركة من كسمايو: Kismayo is the expulsion's)."""
    lo, hi = (trigger.end, mention.start) if mention.start >= trigger.end else (mention.end, trigger.start)
    return any(lo <= s < hi for s, _ in other_triggers)


def _backer(tokens: list[Token], mention) -> bool:
    """A state named as who leads, backs or allies with a force (التحالف بقيادة السعودية، قوات مدعومة من تركيا،
    الجماعة المتحالفة مع إيران، الموالية لإيران): an actor, not a place."""
    if mention.place.kind != "country" and not getattr(mention.place, "capital", False):
        return False
    k = token_before(tokens, mention.start)
    if k is not None and tokens[k].key in ("من", "مع"):
        k -= 1  # مدعومة من تركيا، المتحالفة مع إيران
    return k is not None and k >= 0 and has_class(tokens[k], "backer")


def _site_head_before(tokens: list[Token], mention) -> bool:
    """Is the mention named as a settlement or a site (هاجموا بلدة X، حرم جامعة X) right after its head noun?"""
    k = token_before(tokens, mention.start)
    return k is not None and has_class(tokens[k], "site_head")


def _direction_before(tokens: list[Token], mention) -> bool:
    """Is the mention where someone went (نحو، باتجاه، صوب), maybe after a head noun (نحو بلدة مونغونو)?"""
    k = token_before(tokens, mention.start)
    return k is not None and any(has_class(tokens[j], "direction") for j in (k, k - 1) if j >= 0)


def _destination_before(tokens: list[Token], mention) -> bool:
    """Is the mention introduced by إلى (or a direction word), maybe after a head noun (إلى مدينة رفح)?"""
    k = token_before(tokens, mention.start)
    return k is not None and any(tokens[j].key in ("الي", "لي") or has_class(tokens[j], "direction")
                                 for j in (k, k - 1) if j >= 0)


def _near_before(text: str, tokens: list[Token], mention) -> bool:
    """Is the mention introduced by "near / around" (قرب، بالقرب من، ضواحي …)?"""
    k = token_before(tokens, mention.start)
    return k is not None and any(has_class(tokens[j], "near") for j in range(max(0, k - 3), k + 1))


def _between(tokens: list[Token], mention) -> bool:
    """بين الجزائر والجماعة: parties to a relation, not a location (unless a border: الحدود بين مالي والنيجر)."""
    k = token_before(tokens, mention.start)
    if k is None:
        return False
    # the second member of بين X و Y carries و and follows another mention; look back two words
    for j in (k, k - 1, k - 2):
        if j >= 0 and tokens[j].key == "بين":
            # a border or a road between two places is a place too (الطريق الرابط بين الحديدة وصنعاء)
            return not _heads_of_between(tokens, j)
    return False


_BORDERS = frozenset({"الحدود", "حدود"})
_BETWEEN_PLACES = _BORDERS | {"الطريق", "طريق", "الرابط", "الرابطه", "الواصل", "الواصله", "المحور", "محور",
                              "الخط", "خط"}


def _heads_of_between(tokens: list[Token], j: int) -> set[str]:
    """The border or road nouns among the two words before the بين at token ``j``."""
    return {tokens[i].key for i in range(max(0, j - 2), j)} & _BETWEEN_PLACES


def precision_of(text: str, tokens: list[Token], mention) -> str:
    """exact | near | admin | region | country for a mention as the text uses it."""
    precision = PRECISION_BY_KIND.get(mention.place.kind, "region")
    if precision in ("exact", "admin") and _near_before(text, tokens, mention):
        return "near"
    return precision


def choose_locations(text: str, tokens: list[Token], trigger: Span, clause: Span,
                     mentions: list, excluded: list[tuple[int, int]], category: str | None = None,
                     other_triggers: list[tuple[int, int]] = (), origins: list | None = None,
                     advance: bool = False, departure: bool = False) -> list[Location]:
    """The place(s) of the incident whose trigger spans ``trigger`` (offsets) in a sentence.

    ``tokens`` and ``mentions`` are the sentence's; ``excluded`` are spans
    that cannot be the location (group names, acting countries).  Where
    people went (انسحبوا نحو بلدة مونغونو) is not where the incident
    happened, except for a deployment, whose place is where forces were sent
    (أرسل تعزيزات من مايدوغوري إلى باغا): there a destination after إلى wins; so
    it does for an ``advance`` (تقدمت المقاومة باتجاه مدينة الضالع), whose front is where it heads.
    A ``departure`` (مقاتلات أقلعت من قاعدة إنجرليك) is placed where the aircraft set out from, and nowhere else.
    ``origins`` are ``origin_mentions`` of the sentence when the caller has them already.
    """
    if departure:
        return _departure_place(text, tokens, trigger, clause, mentions)
    if origins is None:
        origins = origin_mentions(text, tokens, mentions)
    # قادمة من مدينة بيدوا، التي سيطرت عليها: the relative clause tells of the origin itself
    origins = [m for m in origins if not _RELATIVE_TO_TRIGGER_RE.fullmatch(text, m.end, trigger.start)]
    cands = [m for m in mentions if m.role == "location" and not _between(tokens, m) and m not in origins
             and not any(s <= m.start < e or s < m.end <= e for s, e in excluded) and not _backer(tokens, m)]
    placed = cands  # every place the sentence locates something at: a finer one may refine the chosen one
    if category == "deployment" or advance:
        destinations = [m for m in cands if clause.start <= m.start < clause.end and _destination_before(tokens, m)]
        cands = destinations or cands
    else:
        cands = [m for m in cands if not _direction_before(tokens, m)]
    if not cands:
        return []
    # مدينة الزبداني الواقعة في ريف دمشق، بلدة كفريا التابعة لمحافظة إدلب: the second place locates the first
    cands = [m for m in cands if not _locates_the_one_before(text, m, cands)] or cands

    # وذكرت وسائل إعلام أن …: a report joined by و and a speech verb tells of other events (run-on news
    # sentences join two reports without a comma); its places are not this trigger's
    reports = [t.start for t in tokens if t.key[:1] == "و" and has_class(t, "speech") and t.start > tokens[0].start]
    if reports:
        kept = [m for m in cands if not _across(trigger, m, reports)]
        cands = kept or cands
    complementizers = [t.start for t in tokens if t.key in THAT_BARE and t.start < trigger.start]

    def score(m) -> tuple:
        in_clause = clause.start <= m.start < clause.end
        # قال مسؤول في واشنطن إن …: a place before "that" belongs to the speaker, not to the report
        speaker_side = any(m.end <= c for c in complementizers)
        distance = (m.start - trigger.end) if m.start >= trigger.end else (trigger.start - m.end) * 1.5
        placed_at = _locative_before(text, tokens, m) or _object_of(text, trigger, m)
        return (speaker_side, in_dateline(text, m), not in_clause, not placed_at, distance)

    best = min(cands, key=score)
    antecedent = _antecedent(text, tokens, clause, cands)
    if antecedent is not None and not any(clause.start <= m.start < clause.end for m in cands):
        best = antecedent
    # a finer place of the same country in the sentence beats a country or a region
    # (أرسلت ألفي جندي إلى النيجر لمساندة جيشها في منطقة ديفا: sent to Niger, to the Diffa region)
    finer = [m for m in placed if m.place.country and _same_or_facing(text, tokens, m, best)
             and FINENESS.get(m.place.kind, 0) > FINENESS.get(best.place.kind, 0)
             and (_locative_before(text, tokens, m) or _site_head_before(tokens, m) or _object_of(text, trigger, m)
                  or m.place.kind == "facility")  # اقتحام الجيش مصفاة بيجي في العراق: a site named is the target
             and _words_apart(tokens, trigger, m) <= FINER_WINDOW
             and not _other_trigger_between(trigger, m, other_triggers)
             and not _anothers_place(text, trigger, clause, m, other_triggers)]
    if finer and FINENESS.get(best.place.kind, 0) <= FINENESS["admin"]:
        best = min(finer, key=score)
    if _on_road_between(tokens, best):
        # على الطريق بين الحديدة وصنعاء: one incident on the road, near its first end
        return [Location(best, "near")]
    chosen = _coordinated(text, cands if best in cands else placed, best)
    chosen += [m for m in _added_places(text, tokens, clause, cands if best in cands else placed, best) if m not in chosen]
    return [Location(m, precision_of(text, tokens, m)) for m in chosen]


# Between a place and a trigger that a relative clause about the place opens (بيدوا، التي سيطرت عليها).
_RELATIVE_TO_TRIGGER_RE = re.compile(r"[ \u00a0]*[،,]?[ \u00a0]*(?:و?التي|و?الذي)[ \u00a0]+(?:كانت[ \u00a0]+|كان[ \u00a0]+)?")


# What joins a place to the larger one it lies in: الواقعة في، الواقع جنوب، التابعة لـ، والتابع لـ, then a few words
# (الريف الغربي للعاصمة السورية) before the larger place's name.
_LOCATED_IN_RE = re.compile(r"[ \u00a0]+و?ال(?:واقع|تابع)(?:ة|ه|تين|ين)?[ \u00a0]+[^،,.;؛:()«»\"\n]{0,60}$")


def _locates_the_one_before(text: str, m, cands: list) -> bool:
    """Whether ``m`` is named only to locate a place just before it (الزبداني الواقعة في ريف دمشق)."""
    return any(p.end <= m.start and m.start - p.end <= 80 and _LOCATED_IN_RE.match(text[p.end:m.start])
               for p in cands if p is not m)


def _same_or_facing(text: str, tokens: list[Token], m, best) -> bool:
    """Whether ``m`` lies in the country of ``best``, or faces it from across a border.

    في المنطقة الحدودية في سوريا المقابلة لمدينة كيليس: strikes in Syria opposite Kilis
    happened near Kilis, a town of the neighbour the sentence measures from.
    """
    if m.place.country == best.place.country:
        return True
    if best.place.kind != "country" or not _near_before(text, tokens, m):
        return False
    return load_gazetteer().borders(m.place.country, best.place.country)


def _across(trigger: Span, mention, reports: list[int]) -> bool:
    """Whether a report opener (وذكرت، وقال) stands between the trigger and the mention."""
    lo, hi = sorted((trigger.start, mention.start))
    return any(lo < r < hi for r in reports)


def _on_road_between(tokens: list[Token], mention) -> bool:
    """Whether the mention is the first end of "a road between X and Y"."""
    k = token_before(tokens, mention.start)
    return k is not None and tokens[k].key == "بين" and bool(_heads_of_between(tokens, k) - _BORDERS)


# After a dateline's place: an optional bracket (ليبيا، وكالات), then the comma or dash before its date or text.
_DATELINE_AFTER_RE = re.compile(r"[ \u00a0]*(?:\([^()\n]{1,40}\)[ \u00a0]*)?[،,\-–—:]")


def in_dateline(text: str, mention) -> int:
    """1 when a place opens its line as a dateline does (عدن، 25 أبريل (وكالات) - …), 2 when it is
    the bracketed country after such a place (مايدوغوري (نيجيريا)، …), else 0.

    A dateline says where the report was filed, which is often not where the
    incident happened (a correspondent in Aden on fighting in Mukalla): such
    a place is the incident's only when the sentence names no other, and then
    the city before its bracketed country.
    """
    line_start = text.rfind("\n", 0, mention.start) + 1
    head = text[line_start:mention.start]
    if not head.strip(" \u00a0\t\"«(*"):
        return 1 if _DATELINE_AFTER_RE.match(text, mention.end) else 0
    if _BRACKETED_RE.fullmatch(head) and text[mention.end:mention.end + 1] == ")" \
            and _DATELINE_AFTER_RE.match(text, mention.end + 1):
        return 2
    return 0


# The head of a dateline line up to its bracket: a city of a few words, then "(".
_BRACKETED_RE = re.compile(r"[ \u00a0\t]*[^\s()،,.\-–—][^()\n،,.]{0,30}\([ \u00a0]*")


def _added_places(text: str, tokens: list[Token], clause: Span, cands: list, best) -> list:
    """Places the trigger's clause adds after إضافة إلى / فضلا عن (غارات تستهدف مطار صنعاء، إضافة إلى
    مواقع في الحديدة وتعز وصعدة): the same incident struck there too, one location each."""
    if not (clause.start <= best.start < clause.end):
        return []
    # the addition often opens a clause of its own after a comma (…المجاورة له، إضافة إلى مواقع في …)
    if not any(m.start >= best.end and m.place.kind != "country" for m in cands):
        return []  # no place after the chosen one: nothing to add (most sentences)
    if not any(w in text[best.end:clause.end + 200] for w in _ADDITION_STEMS):
        return []  # a plain search spares a word-by-word look
    k0 = bisect.bisect_left(tokens, best.end, key=_END)
    mark = next((k for k in range(k0, len(tokens)) if has_class(tokens[k], "addition")), None)
    if mark is None:
        return []
    reach = tokens[min(len(tokens) - 1, mark + ADDITION_REACH)].end
    after = [m for m in cands if tokens[mark].start < m.start < reach and _locative_before(text, tokens, m)
             and m.place.kind != "country"]
    return _coordinated(text, cands, after[0]) if after else []


SPEAKER_REACH = 6  # words from a speech verb to the place of its speaker (قال مسؤول أمني كبير في طرابلس)
SPEAKER_THAT_REACH = 9  # words from the speaker's place to the "that" of the report, an aside between (طالبا عدم كشف هويته)
SUBJECT_THAT_REACH = 14  # tokens from a speaking country to its "that" (الولايات المتحدة، التي تصنف الحزب منظمة إرهابية، أن)


def speaker_placed(tokens: list[Token], trigger: Span, locations: list[Location]) -> bool:
    """Whether every chosen place is where the speaker is: after a speech verb, introduced by في,
    and just before the "that" (إن / أن) that opens the report (قال مسؤول أمني في طرابلس إن مسلحين
    هاجموا …), so not surely the incident's place."""
    if not locations:
        return False
    return all(_speaker_place(tokens, trigger, loc.mention) for loc in locations)


# How a speaker's place is introduced: where they are (في), or where they fled to or came from
# (وأكد سكان فروا إلى مدينة ديفا أن المسلحين …).
_SPEAKER_PREPOSITIONS = ("في", "الي", "من")


def _speaker_place(tokens: list[Token], trigger: Span, mention) -> bool:
    if mention.start < 0:
        return False
    k = token_before(tokens, mention.start)
    if k is not None and k > 0 and has_class(tokens[k], "settlement"):
        k -= 1  # في مدينة طرابلس، إلى مدينة ديفا
    if (k is not None and has_class(tokens[k], "speech") and mention.place.kind == "country"
            and _that_before(tokens, k + 1, mention, trigger, SUBJECT_THAT_REACH)):
        return True  # واعتبرت الولايات المتحدة أن الغارات …: the country speaks, the strikes are elsewhere
    if k is None or tokens[k].key not in _SPEAKER_PREPOSITIONS:
        return False
    return (_that_before(tokens, k + 1, mention, trigger)
            and any(has_class(tokens[j], "speech") for j in range(max(0, k - SPEAKER_REACH), k)))


def _that_before(tokens: list[Token], k: int, mention, trigger: Span, reach: int = SPEAKER_THAT_REACH) -> bool:
    """Whether a "that" (أن، بأن) follows the mention within ``reach`` tokens of token ``k``, before the trigger."""
    after = [j for j in range(k, min(len(tokens), k + reach)) if tokens[j].start >= mention.end]
    that = next((j for j in after if tokens[j].key in THAT_BARE), None)
    return that is not None and tokens[that].start < trigger.start


def _antecedent(text: str, tokens: list[Token], clause: Span, cands: list):
    """بلدة أنفيس، التي سيطرت عليها: the place a relative clause hangs on, or None.

    When the trigger's clause opens with a relative pronoun and names no
    place, the place right before it (only a comma between) is what the
    clause speaks of.
    """
    first = next((t for t in tokens if t.start >= clause.start), None)
    if first is None or first.key not in _RELATIVES:
        return None
    before = [m for m in cands if m.end <= clause.start and not text[m.end:clause.start].strip(" \u00a0،,")]
    return before[-1] if before else None


EXPEL_REACH = 7  # words before من within which a verb of driving out makes its place the scene


def origin_mentions(text: str, tokens: list[Token], mentions: list) -> list:
    """Countries forces come from (جنود من أوغندا وبوروندي وكينيا): actors, not where things happen.

    A place after من that follows a force word starts the list; the places
    coordinated with it belong to it too.
    """
    ordered = sorted((m for m in mentions if m.role == "location"), key=lambda m: m.start)
    out = []
    for m in ordered:
        if out and _COORDINATION_RE.match(text[out[-1].end:m.start]):
            out.append(m)
            continue
        k = token_before(tokens, m.start)
        if k is not None and has_class(tokens[k], "site_head") and k > 0:
            k -= 1  # تعزيزات من مدينة غريان: a head noun may stand between من and the place
        if k is not None and tokens[k].key == "من" and any(
                has_class(tokens[j], "military") for j in range(max(0, k - 3), k)) and not _seat_after(tokens, m) \
                and not any(has_class(tokens[j], "expel") for j in range(max(0, k - EXPEL_REACH), k)):
            # (تم طرد الحوثيين وقوات صالح من معسكر لبوزة: where forces were driven out from is the scene)
            out.append(m)
            continue
        if k is None:
            continue
        if tokens[k].key == "في" and any(has_class(tokens[j], "exile") for j in range(max(0, k - 2), k)):
            out.append(m)  # هادي الموجود في المنفى في الرياض: where a leader lives in exile
            continue
        # مقاتلات أقلعت من قاعدة في ديار بكر: where aircraft or forces set out from, not where they struck
        j = next((j for j in range(k, max(-1, k - DEPARTURE_REACH), -1) if tokens[j].key == "من"), None)
        if j is not None and j > 0 and has_class(tokens[j - 1], "departure"):
            out.append(m)
    # أقلعت من قاعدة في ديار بكر بجنوب شرق تركيا: a place that says where an origin lies is an origin too
    for m in ordered:
        if m not in out and any(o.end <= m.start and _LOCATOR_GAP_RE.fullmatch(text[o.end:m.start]) for o in out):
            out.append(m)
    return out


_LOCATOR_GAP_RE = re.compile(r"[\s\u00a0]*(?:ب|في|،|,)?[\s\u00a0]*")


DEPARTURE_REACH = 4  # words from من to the place of departure (أقلعت من قاعدة في ديار بكر)


def based_in(tokens: list[Token], mention) -> bool:
    """المرصد السوري ومقره بريطانيا: the place where a reporting organisation is based, which tells
    nothing of where its news happened."""
    k = token_before(tokens, mention.start)
    return k is not None and has_class(tokens[k], "based_in")


def _seat_after(tokens: list[Token], mention) -> bool:
    """تتخذ القوة من نجامينا مقراً لها: من here names the force's seat, not where it comes from."""
    k = token_before(tokens, mention.end)
    return k is not None and any(has_class(tokens[j], "seat") for j in range(k + 1, min(len(tokens), k + 4)))


def _words_apart(tokens: list[Token], trigger: Span, mention) -> int:
    """How many words lie between a trigger and a mention."""
    lo, hi = sorted((trigger.end, mention.start)) if mention.start >= trigger.end else (mention.end, trigger.start)
    return sum(1 for t in tokens if lo <= t.start and t.end <= hi)


def _coordinated(text: str, cands: list, best) -> list:
    """The list a place stands in (مالي والنيجر وبوركينا فاسو): every member of the same kind class."""
    ordered = sorted(cands, key=lambda m: m.start)
    i = ordered.index(best)
    is_country = best.place.kind == "country"
    lo = hi = i
    while hi + 1 < len(ordered) and _joined(text, ordered[hi], ordered[hi + 1], is_country):
        hi += 1
    while lo > 0 and _joined(text, ordered[lo - 1], ordered[lo], is_country):
        lo -= 1
    return ordered[lo:hi + 1]


def _joined(text: str, a, b, is_country: bool) -> bool:
    """Whether ``b`` is coordinated with ``a`` (مالي والنيجر، مدينة زنجبار ومدينة جعار)."""
    between = text[a.end:b.start]
    if (b.place.country == a.place.country and FINENESS.get(b.place.kind, 0) < FINENESS.get(a.place.kind, 0)
            and "و" not in between):
        return False  # محافظة إب، وسط اليمن: a coarser place after a comma says where the first lies
    return ((b.place.kind == "country") == is_country and a.place.id != b.place.id
            and bool(_COORDINATION_RE.match(between) or _COORDINATION_RE.match(_without_settlement_noun(between))))


def _without_settlement_noun(between: str) -> str:
    """The words between two places without a trailing settlement noun (و مدينة → و), so that a list
    whose items repeat their noun (مدينة زنجبار ومدينة جعار، بلدة كفريا وبلدة الفوعة) reads as one."""
    words = between.split()
    if words and words[-1].lstrip("وأ") and _is_settlement(words[-1]):
        last = words[-1]
        words[-1] = "و" if last.startswith("و") else ""
    return " " + " ".join(w for w in words if w) + " "


def _is_settlement(word: str) -> bool:
    toks = tokenize(word)
    return len(toks) == 1 and has_class(toks[0], "settlement")
