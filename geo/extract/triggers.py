"""Finding incident triggers in a sentence and grouping them into incident seeds.

A trigger is a lexicon word (``geo/data/triggers.tsv``).  It counts when
its context requirement holds (نشر needs troops nearby), when it is not a
purpose (للقيام بهجمات، لضرب) or a future (سيهاجم), and when no cue makes
it a plan, denial, hypothetical or question.  Triggers that describe one
event (هجوم انتحاري، عملية الاختطاف، غارة … ضربات) are merged: a generic
word yields to a specific one nearby, and same-subtype words in a clause
are one incident.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache

from gazetteer import load as load_gazetteer
from gazetteer.lexicon import words as gazetteer_words

from .actors import in_group
from .lexicon import GROUP_KIND_WORDS, TriggerEntry, context_words, has_class, trigger_matcher
from .numbers import count_ends_at, parse_number
from .modality import is_question, judge, sentence_cues
from .text import Span, Token, lam_preposition, stems, strip_article

FOLLOW_WINDOW = 12  # words after سيطر/الاستيلاء within which على must come (سيطر مقاتلون من حركة أنصار الدين والحركة الوطنية لتحرير أزواد الجمعة على)
COUNT_BEFORE = 3  # words before a killing verb within which its count may stand (15 مسلحاً من داعش قتلوا)
CAMPAIGN_NAME_REACH = 5  # words from an operation word to the campaign name it bears (عملية واسعة حملت اسم "…")
ADVANCE_REACH = 6  # words after an advancing verb within which its direction comes (تقدمت قوات الحكومة العراقية نحو الأنبار)
ALA_REACH = 9  # words from a verb to the على of its object, a subject and a time between (قضت مفرزة للجيش الوطني الشعبي، أمس، على)
OBJECT_WINDOW = 4  # words after a verb within which its object stands (استعادت القوات العراقية السيطرة)
MEDIA_WINDOW = 3  # words around نشر where a media word makes it "publish" (بيان نشرته وكالة، نشر عدد من الصحف)
CLAIM_WINDOW = 10  # words before a definite trigger within which a claim verb takes it as object (تبنت جماعة نصرة الإسلام والمسلمين الهجوم)
SUBJECT_WORDS = 3  # opening words of a sentence that hold its subject (وكانت القوات المالية)
INSTRUMENT_REACH = 8  # words after a specific trigger within which ب + trigger tells its means
CONDEMNED_WINDOW = 2  # words from a condemning noun to the لـ + trigger it condemns (إدانتها الشديدة للهجوم)
CONTEXT_WINDOW = 8  # words around a trigger searched for its required context (الطيران الحربي والمروحي ما لا يقل عن 10 ضربات)
SUFFER_WINDOW = 14  # words before لـ + trigger within which تعرض makes it an incident (تعرض الموكب صباح اليوم لهجوم)
_GENERIC_ROLES = ("generic", "clash", "killing", "campaign")
# A seizure or a deployment is its own event even beside an attack word (هاجموا … وسيطروا على).
_NEVER_ABSORB = ("territory_seized", "deployment")


@dataclass(slots=True)
class Seed:
    """One incident as the triggers state it, before places, dates and actors are attached.

    Token indexes are into the sentence's token list.
    """

    first: int
    last: int
    entry: TriggerEntry
    clause: Span
    unconfirmed: bool
    definite: bool = False  # الهجوم، الغارة: may point back to an incident already told
    pointed: bool = False  # تلك الغارة: does point back
    refers: bool = False  # عقب الهجوم: names an incident told elsewhere, never one of its own
    after_reference: bool = False  # إثر هجوم: the trigger follows a reference word, definite or not
    extra: list[tuple[int, int]] = field(default_factory=list)  # other trigger spans merged in
    instrument: bool = False  # بعملية إنزال، بهجوم: the trigger carries ب, "by means of"
    pattern: bool = False  # violence over time (هجمات متكررة): an incident without a date
    # a campaign the sentence names (في إطار عملية برخان): the country it is fought in places the
    # incident when the sentence names no place; its name (درع الفرات) holds no place mention
    theatre: str | None = None
    campaign_names: tuple[tuple[int, int], ...] = ()

    @property
    def subtype(self) -> str:
        return self.entry.subtype


def _class_in(tokens: list[Token], lo: int, hi: int, cls: str) -> bool:
    """Whether a word of context class ``cls`` stands among tokens ``lo`` to ``hi`` (clipped to the sentence)."""
    return any(has_class(tokens[k], cls) for k in range(max(0, lo), min(hi, len(tokens))))


TOWN_OBJECT_ZIPF = 4.9  # above this, a city is named as a cause (تحرير القدس، تحرير دمشق) as often as a front


@lru_cache(maxsize=4096)
def names_a_town(key: str) -> bool:
    """Whether a word is the name of a town, district or province (not a country, not a common word):
    the object that makes تحرير، استعادة a retaking (تحرير الأنبار، استعادة الرمادي)."""
    gaz = load_gazetteer()
    hits = gaz.lookup(key)
    if not hits or gaz.commonness.get(key, 0.0) >= TOWN_OBJECT_ZIPF or key in ambiguous_place_names():
        return False
    return any(gaz.place(ref).kind in ("city", "town", "admin") for ref, _ in hits)


def ambiguous_place_names() -> frozenset[str]:
    """Place names that are also common words (gazetteer/data/text/ambiguous_names.tsv)."""
    return gazetteer_words("ambiguous_names.tsv")


def _requirement_met(tokens: list[Token], first: int, last: int, requires: str,
                     named: frozenset[int] = frozenset()) -> bool:
    """Whether a trigger's context requirement (triggers.tsv ``requires``) holds.

    ``named`` are the indexes of words inside an armed group's name (تم طرد الحوثيين): they meet the
    requirements that ask for ``group_ref`` (words that refer to a group: التنظيم، الجماعة)."""
    if requires in ("", "-"):
        return True
    if requires == "follow_ala":
        return any(t.key in ("علي", "عليها", "عليه", "عليهم") for t in tokens[last + 1:last + 1 + FOLLOW_WINDOW])
    if requires == "count":
        # قتل 16 جنديا، مقتل العشرات، قتل التنظيم خمسة مواطنين: the dead are counted (not قتل الأبرياء حرام);
        # so are one or two by the noun's form (قتل جنديين) and a leader (مقتل القيادي في التنظيم)
        return (any(parse_number(tokens, k)[1] > k for k in range(last + 1, min(len(tokens), last + 3)))
                or (last + 1 < len(tokens) and has_class(tokens[last + 1], "counted_victim"))
                or _count_after_subject(tokens, last)
                # 88 إرهابياً قتلوا في شمال سيناء: the count before a verb that agrees with it
                or (tokens[first].key.endswith(("وا", "ا"))
                    and (count_ends_at(tokens, first, COUNT_BEFORE) or count_ends_at(tokens, first - 1, COUNT_BEFORE - 1)
                         or _count_of_fighters_before(tokens, first))))
    if requires.startswith("object:"):
        # the trigger's object: a few words after it, before a preposition starts the place (استعاد المدينة)
        classes = requires.split(":", 1)[1].split("|")
        towns = "territory" in classes
        fighters = bool(named) and "group_ref" in classes
        for k in range(last + 1, min(len(tokens), last + 1 + OBJECT_WINDOW)):
            t = tokens[k]
            if t.key in ("في", "الي", "من", "علي"):
                return False
            if (any(has_class(t, cls) for cls in classes) or (towns and names_a_town(t.key))
                    or (fighters and k in named)):
                return True  # استعاد المدينة; تحرير الأنبار، احتل الحوثيون صنعاء: the town itself is the object
        return False
    if requires.startswith("ala_object:"):
        # قضت مفرزة للجيش، أمس، على إرهابيين اثنين: the object right after على (or after its count), على
        # ending the form or standing past the verb's subject and a time
        classes = requires.split(":", 1)[1].split("|")
        ala = last if tokens[last].key == "علي" else next(
            (k for k in range(last + 1, min(len(tokens), last + 1 + ALA_REACH)) if tokens[k].key == "علي"), None)
        if ala is None or ala + 1 >= len(tokens):
            return False
        obj = parse_number(tokens, ala + 1)[1]  # القضاء على 10 إرهابيين: past the count
        # القضاء على تنظيم داعش: a whole group is a cause to defeat, not fighters killed
        return (obj < len(tokens) and strip_article(tokens[obj].key) not in GROUP_KIND_WORDS
                and any(has_class(tokens[obj], cls) for cls in classes))
    if requires == "departure":
        # the aircraft may stand between the verb and من (انطلقت أربع مقاتلات من طراز تايفون من قاعدة أكروتيري)
        return (any(t.key == "من" for t in tokens[last + 1:last + 1 + DEPARTURE_WORDS])
                and _context_near(tokens, first, last, ("aircraft",)))
    if requires == "advance":
        return _advances(tokens, last) and _context_near(tokens, first, last, ("military", "armed", "resistance"))
    # alternatives separated by | (military|armed: forces of either side)
    return _context_near(tokens, first, last, requires.split("|"), named)


def _context_near(tokens: list[Token], first: int, last: int, classes, named: frozenset[int] = frozenset()) -> bool:
    """Whether a word of one of ``classes`` stands around the trigger, or among the sentence's opening words
    (a word of an armed group's name, ``named``, counts as ``group_ref``)."""
    lo, hi = max(0, first - CONTEXT_WINDOW), min(len(tokens), last + 1 + CONTEXT_WINDOW)
    # the sentence's subject, however far a relative clause pushed the verb (وكانت القوات المالية، التي …، قد وصلت)
    window = [k for k in range(lo, hi) if not first <= k <= last] + list(range(min(SUBJECT_WORDS, lo)))
    if named and "group_ref" in classes and any(k in named for k in window):
        return True
    return any(has_class(tokens[k], cls) for cls in classes for k in window)


_TOWARD = frozenset({"في", "نحو", "صوب", "الي", "باتجاه", "تجاه", "داخل", "علي", "من",
                     "شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي"})


def _advances(tokens: list[Token], last: int) -> bool:
    """Whether the verb of advancing ending at ``last`` moves forces somewhere: a direction follows it
    (تقدمت المقاومة نحو قاعدة العند، القوات العراقية تتقدم في الأنبار), not a thing offered with ب or ل
    (تقدمت بالتعزية، تقدموا لبرنامج التدريب، تقدمت بطلب)."""
    if tokens[last].key.endswith(("ها", "هم", "ه")):
        return False  # تتقدمها الفرقاطة: what leads a parade, not forces advancing
    after = tokens[last + 1:last + 1 + ADVANCE_REACH]
    if after and after[0].key not in _TOWARD and after[0].key.startswith(("ب", "ل")):
        return False
    return any(t.key in _TOWARD for t in after)


FIGHTERS_PHRASE_WORDS = 6  # words of the fighters named between a count's من and the verb (من المسلحين الحوثيين وقوات صالح)


def _count_of_fighters_before(tokens: list[Token], verb: int) -> bool:
    """العشرات من المسلحين الحوثيين وقوات صالح قتلوا: a count, then من and the fighters or forces (or بينهم and
    who among them), then the verb."""
    for j in range(verb - 2, max(-1, verb - 2 - FIGHTERS_PHRASE_WORDS), -1):
        if tokens[j].key == "من":
            phrase = tokens[j + 1:verb]
            return any(map(_names_a_side, phrase)) and count_ends_at(tokens, j, 2)
        if tokens[j].key in _AMONG_THEM:
            # 57 مدنيا بينهم 12 طفلا وست نساء قتلوا: the count (and its noun), then who among them
            return count_ends_at(tokens, j, 3) or count_ends_at(tokens, j - 1, 2)
    return False


_AMONG_THEM = frozenset({"بينهم", "بينهن", "منهم", "منهن"})


def _names_a_side(tok: Token) -> bool:
    """A word for either side's fighters or forces (المسلحين، الجيش، القوات)."""
    return has_class(tok, "armed") or has_class(tok, "military") or has_class(tok, "state_force")


DEPARTURE_WORDS = 7  # words after a verb of taking off within which من names the base
SUBJECT_COUNT_WINDOW = 6  # words after a killer named after the verb within which the count of dead stands


def _count_after_subject(tokens: list[Token], last: int) -> bool:
    """قتل الجيش الجزائري في نهاية مايو 25 إسلامياً: the killer named right after the verb, then the count."""
    if last + 1 >= len(tokens) or not _names_a_side(tokens[last + 1]):
        return False
    for k in range(last + 2, min(len(tokens), last + 2 + SUBJECT_COUNT_WINDOW)):
        end = parse_number(tokens, k)[1]
        if end > k:  # a count of people, not of places (في 3 قرى)
            return end >= len(tokens) or not has_class(tokens[end], "territory")
    return False


_WAS = frozenset({"كان", "كانت", "كانوا", "كانا", "كانتا"})


def _was_doing(tokens: list[Token], first: int) -> bool:
    """Whether a light word is a present tense after كان (كانت تستهدف، كانوا يهاجمون): the aim or the habit of
    something told around it, never an incident of its own."""
    return first > 0 and tokens[first - 1].key in _WAS and tokens[first].key.startswith(("ي", "ت"))


def _is_purpose_or_future(tokens: list[Token], first: int, proclitic: str) -> bool:
    """A purpose or a future, not an event.

    لـ + trigger is a purpose (لضرب، لهجمات) unless after تعرض (تعرض لهجوم);
    so is a trigger after لـ + a light verbal noun (للقيام بهجمات، لشن غارات);
    سـ + verb is a future (سيهاجم).
    """
    if "س" in proclitic:
        return True
    if lam_preposition(proclitic):
        # تعرض المعسكر مساء أمس لهجوم: the suffering verb may stand a few words before;
        # أبدت استنكارها لاختطاف أربعة إيطاليين، إدانتها الشديدة للهجوم: what is condemned happened
        return not (_class_in(tokens, first - SUFFER_WINDOW, first, "suffer")
                    or _class_in(tokens, first - CONDEMNED_WINDOW, first, "condemn"))
    # للقيام بهجمات، لشن غارات: after a purpose's light verbal noun; ستقوم القوات بقصف، ستطلق تركيا
    # هجوماً: after a light verb in the future, which plans its verbal noun
    for k in (first - 1, first - 2):
        if k >= 0 and any((lam_preposition(p) and _in_class(stem, "light_masdar"))
                          or ("س" in p and stem in _LIGHT_IMPERFECT) for stem, p in stems(tokens[k].key)):
            return True
    return False


# Light verbs in the imperfect, whose future (س) plans the trigger they govern; not those that go on
# with or step up what is under way (ستواصل القوات العملية، ستكثف الغارات): that is happening.
_LIGHT_IMPERFECT = frozenset(f"{person}{stem}{plural}" for person in "يتن" for plural in ("", "ون") for stem in (
    "قوم", "شن", "نفذ", "طلق", "بدا", "جري", "خوض"))


def _in_class(stem: str, cls: str) -> bool:
    words = context_words().get(cls, frozenset())
    return stem in words or strip_article(stem) in words


def _points_back(tokens: list[Token], first: int, entry: TriggerEntry) -> bool:
    """هذه العملية، تلك الهجمات: a generic word after a demonstrative names an incident already told.
    Only a definite noun makes the phrase (في غضون ذلك، أغار الطيران: ذلك ends "meanwhile")."""
    return (entry.role in _GENERIC_ROLES and first > 0 and has_class(tokens[first - 1], "demonstrative")
            and tokens[first].key.startswith("ال"))


def _refers_back(tokens: list[Token], first: int, definite: bool) -> bool:
    """عقب الهجوم، ذكرى التفجير، تبنى الهجوم: a definite trigger after a reference word names an incident, it does not report one.

    Such a mention may add a source or a group to the incident it names but never stands as an incident of its own.
    """
    return definite and any(has_class(tokens[k], "reference") for k in (first - 1, first - 2) if k >= 0)


def _publishes(tokens: list[Token], first: int, last: int) -> bool:
    """نشر next to a statement, picture or outlet word (بيان نشرته، نشر صوراً) is publishing."""
    near = list(range(max(0, first - MEDIA_WINDOW), first)) + list(range(last + 1, min(len(tokens), last + 1 + MEDIA_WINDOW)))
    return any(has_class(tokens[k], "media") for k in near)


def _claimed(tokens: list[Token], first: int, definite: bool, clause_start: int) -> bool:
    """تبنت حركة الشباب الهجوم، اتهم إيران بالوقوف وراء الهجوم: a definite trigger that a claim verb earlier
    in its clause takes as object names an incident; it adds a group to it but reports none of its own.

    An indefinite one (تبنت الجماعة هجوماً على قافلة) is a new incident and stays.  The claim verb may
    stand in an earlier clause when a relative clause comes between (وتبنت الحركة، التي يقودها فلان، الهجوم).
    """
    return definite and _class_in(tokens, first - CLAIM_WINDOW, first, "claim")


def _compared(tokens: list[Token], first: int, definite: bool) -> bool:
    """واحدة من أكثر المجازر دموية، أعنف الهجمات: a superlative before a definite trigger ranks an incident
    among a class of events; it names one told elsewhere and reports none of its own.

    (أعنف هجوم منذ 2015, indefinite, is the incident itself.)
    """
    return definite and any(has_class(tokens[k], "superlative") for k in (first - 1, first - 2) if k >= 0)


def _seized_object_is(tokens: list[Token], last: int, cls: str) -> bool:
    """Whether what the seizure verb ending at ``last`` takes (the word after its على) is of class ``cls``.

    استولوا على سفينة الشحن (vessel): a hijacking, a hostage-taking with its crew, not territory;
    استولوا على أسلحة (loot): looting, not taking territory.
    """
    after = tokens[last + 1:last + 1 + FOLLOW_WINDOW]
    for k, t in enumerate(after):
        if t.key in ("علي", "عليها", "عليه", "عليهم"):
            return k + 1 < len(after) and has_class(after[k + 1], cls)
    return False


NOT_FORCE_WINDOW = 6  # words around a deployment word where the cargo is named
LIFT_WINDOW = 3  # فك الثوار الحصار: the subject may stand between the verb and the siege
DEFUSE_WINDOW = 6  # نزع وإبطال أكثر من 200 لغم: a count may stand between the verb and the device


def find_seeds(text: str, tokens: list[Token], clauses: list[Span],
               groups: list[tuple[int, int, str]] = ()) -> list[Seed]:
    """Incident seeds of one sentence (``tokens`` are the sentence's words; ``groups`` the armed groups'
    names found in the text, as (start, end, name) offsets: fighters a trigger may require)."""
    if not tokens:
        return []
    sentence_text = text[tokens[0].start:tokens[-1].end + 2]
    if is_question(sentence_text, tokens):
        return []
    matches = trigger_matcher().find(tokens)
    if not matches:
        return []  # most sentences state no incident: their cues need not be read
    cues = sentence_cues(tokens)
    named: frozenset[int] | None = None
    hits: list[Seed] = []
    riot: bool | None = None
    for m in matches:
        entry: TriggerEntry = m.value
        if named is None and "group_ref" in entry.requires:  # once, for a sentence whose trigger asks
            named = frozenset(k for k, t in enumerate(tokens) if in_group(t, groups))
        if not _requirement_met(tokens, m.first, m.last, entry.requires, named or frozenset()):
            continue
        if entry.role == "generic" and _was_doing(tokens, m.first):
            continue  # عملية إرهابية كانت تستهدف مقر القيادة: what a foiled or planned act was aimed at
        if _is_purpose_or_future(tokens, m.first, m.proclitic) or _points_back(tokens, m.first, entry):
            continue
        if entry.category == "deployment" and _publishes(tokens, m.first, m.last):
            continue  # بيان نشرته وكالة أعماق، ونشر صوراً: publishing, not deploying
        if entry.category == "deployment" and _class_in(
                tokens, m.first - NOT_FORCE_WINDOW, m.last + 1 + NOT_FORCE_WINDOW, "not_force"):
            continue  # وصلت جثامين الجنود، وصول طائرة للأمم المتحدة: what arrived is no force
        if m.last + 1 < len(tokens) and has_class(tokens[m.last + 1], "name_tail"):
            continue  # الحشد الشعبي names a force
        if (entry.category != "deployment" and m.first > 0 and tokens[m.first].key.startswith("ال")
                and has_class(tokens[m.first - 1], "unit")):
            continue  # وحدة الاقتحام: a unit's name (القوات المرابطة is forces stationed: a deployment)
        if m.last + 1 < len(tokens) and has_class(tokens[m.last + 1], "civil_tail"):
            continue  # عملية تحقيق، هجمات إلكترونية: a civil process or a cyber attack, no violence
        if riot is None:  # read once per sentence, and only for a sentence with a trigger
            riot = _class_in(tokens, 0, len(tokens), "protest") and not _class_in(tokens, 0, len(tokens), "armed")
        if riot:
            continue  # اشتباكات بين المحتجين وقوات الأمن، حشد غاضب هاجم الجيش: a riot
        if entry.role == "killing" and (_after_an_event(tokens, m.first)
                                        or (m.first > 1 and tokens[m.first - 1].key == "في"
                                            and tokens[m.first - 2].key.startswith(("تسبب", "وتسبب")))
                                        or tokens[m.first].key.startswith(_DEFINITE)
                                        or _class_in(tokens, 0, len(tokens), "event_ref")):
            # أسفر عن مقتل، تسبب في مقتل، منذ مقتل، وقتل في الأزمة: the dead of an event told elsewhere; القتلة: killers
            continue
        if entry.subtype == "explosive_device" and _class_in(tokens, m.first - DEFUSE_WINDOW, m.first, "defuse"):
            continue  # نزع الألغام، تفكيك عبوة ناسفة: a device cleared is no attack
        if "حصار" in tokens[m.last].key and _class_in(tokens, m.first - LIFT_WINDOW, m.first, "lift"):
            continue  # فك الثوار الحصار عن المدينة: a siege broken is none laid
        clause = next((c for c in clauses if c.start <= tokens[m.first].start < c.end), clauses[0])
        clause_start = next(k for k, t in enumerate(tokens) if t.start >= clause.start)
        clause_end = next((k for k in range(clause_start, len(tokens)) if tokens[k].start >= clause.end), len(tokens))
        mod = judge(tokens, cues, m.first, clause_start, clause_end, entry.category)
        if mod.dropped:
            continue
        if entry.subtype == "territory_seized" and _seized_object_is(tokens, m.last, "vessel"):
            entry = replace(entry, subtype="kidnapping", acled_event_type=None, acled_sub_event_type=None)
        if entry.subtype == "territory_seized" and (
                _seized_object_is(tokens, m.last, "loot")
                or _class_in(tokens, m.first - CONTEXT_WINDOW, m.first, "retake")
                or _class_in(tokens, m.first - CONTEXT_WINDOW, m.first, "lose")):
            # looting is not taking territory; استعادت القوات السيطرة is the retake verb's incident;
            # فقدت السيطرة is losing it
            continue
        definite = m.proclitic.endswith("ال") or tokens[m.first].key.startswith("ال")
        # ويرى محللون أن الهجوم على بوسو …: an opinion names an incident (هجمات باريس is definite by annexation)
        refers = (_refers_back(tokens, m.first, definite) or _claimed(tokens, m.first, definite, clause_start)
                  or mod.opinion or _compared(tokens, m.first, definite))
        pointed = refers or (m.first > 0 and has_class(tokens[m.first - 1], "demonstrative"))
        after_reference = any(has_class(tokens[k], "reference") for k in (m.first - 1, m.first - 2) if k >= 0)
        hits.append(Seed(m.first, m.last, entry, clause, mod.unconfirmed, definite=definite, pointed=pointed,
                         refers=refers, after_reference=after_reference, instrument="ب" in m.proclitic,
                         pattern=mod.pattern))
    return _group(hits, tokens)


def _group(hits: list[Seed], tokens: list[Token]) -> list[Seed]:
    """Merge triggers that state the same incident (see module docstring).

    A sentence of news tells one event per kind unless it says otherwise, so a
    generic word (هجوم، عملية) yields to a specific one of its category
    anywhere in the sentence, its own clause first (قتل خمسة عندما فجر
    انتحاري سيارة مفخخة، في هجوم تبناه التنظيم).  A bomb and the suicide
    bomber who set it off are one suicide bombing.
    """
    hits = _fold_killings(hits)
    hits = _fold_device_into_suicide(hits)
    hits = _fold_entry_into_bombing(hits, tokens)
    hits = _without_stationed_targets(hits, tokens)
    hits = _fold_means_into_seizure(hits)
    hits = _fold_instruments(hits)
    heads = [h for h in hits if h.entry.role not in _GENERIC_ROLES]
    campaigns = [h for h in hits if h.entry.role == "campaign"]
    kept: list[Seed] = []
    for h in hits:
        told = _described(h, hits, tokens)
        if told is not None:
            told.extra.append((h.first, h.last))
            continue
        if h.entry.role == "campaign":
            # قصف طيران التحالف في إطار عملية إعادة الأمل مواقع في لحج، تنشر فرنسا 3500 جندي ضمن عملية
            # برخان: the campaign frames the operation or deployment the sentence tells (not the enemy's
            # attack told beside it); named twice, it is one campaign
            told = ([s for s in heads if s.entry.category in (h.entry.category, "deployment")]
                    or [k for k in kept if k.entry.campaign == h.entry.campaign])
            if told:
                min(told, key=lambda s: abs(s.first - h.first)).extra.append((h.first, h.last))
            else:
                kept.append(h)
            continue
        named = next((c for c in campaigns if h.entry.role == "generic" and c.entry.category == h.entry.category
                      and (c.clause == h.clause or 0 < c.first - h.last <= CAMPAIGN_NAME_REACH)), None)
        if named is not None:
            # أطلقت تركيا عملية درع الفرات، عملية عسكرية واسعة حملت اسم "النصر الذهبي": the operation is the campaign
            named.extra.append((h.first, h.last))
            continue
        if h.entry.role in _GENERIC_ROLES:
            # fighting before a seizure is how the place was taken (استولوا على البلدة بعد معارك)
            specific = [s for s in heads if s.subtype not in _NEVER_ABSORB
                        or (h.entry.role == "clash" and s.subtype == "territory_seized")]
            # fighting told beside airstrikes (اشتباكات … ترافق مع غارات) is an incident of its own
            near = sorted((s for s in specific if s.entry.category == h.entry.category
                           or (s.clause == h.clause and not (h.entry.role == "clash" and s.subtype == "airstrike"))),
                          key=lambda s: (s.clause != h.clause, abs(s.first - h.first)))
            if near:
                near[0].extra.append((h.first, h.last))
                continue
        same = next((k for k in kept if k.clause == h.clause and k.subtype == h.subtype), None)
        if same is not None:
            same.extra.append((h.first, h.last))
            same.unconfirmed = same.unconfirmed and h.unconfirmed
            same.pattern = same.pattern and h.pattern
            continue
        kept.append(h)
    if campaigns:
        for h in kept:
            h.theatre = (h if h.entry.role == "campaign" else campaigns[0]).entry.theatre[0]
            h.campaign_names = tuple((c.first, c.last) for c in campaigns)
    return kept


DESCRIBES_WINDOW = 5  # words from an incident word to a light attack verb that describes it (غارات، استهدفت مواقع)


def _described(h: Seed, hits: list[Seed], tokens: list[Token]) -> Seed | None:
    """The incident a light attack word right after it describes, or None.

    شنت المقاتلات أربع غارات، استهدفت مواقع للحوثيين؛ نفذت القوات عملية عسكرية أمس استهدفت
    معاقل التنظيم: the verb tells what the strikes or the operation targeted, whoever's
    they were; it is no attack of its own.  A verb joined by و or ف starts an event of its
    own (أرسل الجيش تعزيزات، وهاجم مسلحون قاعدة).
    """
    if h.entry.role != "generic" or h.entry.category != "attack" or tokens[h.first].key.startswith(("و", "ف")):
        return None
    before = [s for s in hits if s is not h and s.entry.category != "attack" and s.last < h.first
              and h.first - s.last <= DESCRIBES_WINDOW]
    return max(before, key=lambda s: s.last) if before else None


# Words before a killing word that make it the outcome of, or a time after, another event.
_AFTER_AN_EVENT = frozenset({"عن", "الي", "بعد", "اثر", "عقب", "منذ", "حصيله", "جراء"})
_DEFINITE = ("ال", "وال", "بال", "لل", "فال", "ولل", "وبال")


REPORT_REACH = 12  # words before عن within which a verb of reporting introduces the killing (كشف العميد … عن مقتل)


def _after_an_event(tokens: list[Token], first: int) -> bool:
    """Whether the word before the killing at ``first`` makes it the toll of an event told elsewhere.

    أسفر الهجوم عن مقتل، بعد مقتل، جراء مقتل: the dead of another incident.  عن after a verb of
    reporting with no verb of outcome between (كشف العميد أمس عن مقتل 42 من عناصر داعش قرب الموصل،
    أفاد المرصد عن مقتل) introduces the killing itself.
    """
    if first == 0 or tokens[first - 1].key not in _AFTER_AN_EVENT:
        return False
    if tokens[first - 1].key != "عن":
        return True
    for k in range(first - 2, max(-1, first - 2 - REPORT_REACH), -1):
        if has_class(tokens[k], "result"):
            return True
        if has_class(tokens[k], "reports"):
            return False
    return True


def _fold_killings(hits: list[Seed]) -> list[Seed]:
    """A killing word is an incident only in a sentence that tells nothing else: beside a trigger
    (قتل 147 شخصاً في هجوم، غارة أسفرت عن مقتل 80) it counts that incident's dead."""
    killings = [h for h in hits if h.entry.role == "killing"]
    if not killings:
        return hits
    others = [h for h in hits if h.entry.role != "killing"]
    if not others:
        return killings[:1]  # several killing words of one sentence count one incident's dead
    for h in killings:
        min(others, key=lambda o: abs(o.first - h.first)).extra.append((h.first, h.last))
    return others


def _fold_means_into_seizure(hits: list[Seed]) -> list[Seed]:
    """سيطر المسلحون على القاعدة إثر هجوم شنوه: an attack word after إثر / عقب in a sentence that
    tells a seizure is how the place was taken, not an incident of its own."""
    return _fold_into_nearest(hits, lambda h: h.subtype == "territory_seized",
                              lambda h: h.entry.role == "generic" and h.entry.category == "attack" and h.after_reference)


def _fold_instruments(hits: list[Seed]) -> list[Seed]:
    """استولوا على السفينة بعملية إنزال: a trigger after ب that shortly follows a specific one tells
    how that incident was done, not another incident.  (قتل خمسة بغارة جوية, with no trigger before it,
    is the incident itself.)"""
    out: list[Seed] = []
    for h in hits:
        # (a quoted name may split the clause: استولوا على سفينة "غالاكسي ليدر" بعملية إنزال)
        head = next((k for k in reversed(out) if k.first < h.first and h.first - k.last <= INSTRUMENT_REACH
                     and k.entry.role not in _GENERIC_ROLES), None)
        if h.instrument and head is not None:
            head.extra.append((h.first, h.last))
            continue
        out.append(h)
    return out


_STATIONED = ("متمركز", "منتشر", "مرابط")  # participles of being stationed (المتمركزة، المنتشرين، المرابطة)


def _without_stationed_targets(hits: list[Seed], tokens: list[Token]) -> list[Seed]:
    """Forces "stationed" (a definite participle) in a sentence that tells an attack or an operation are
    its target or its author described, not a deployment: قصف بقذائف الدبابات مصدره قوات الأسد
    المتمركزة في الكلية الحربية، عمليات ضد ميليشيات الحوثي المتمركزة في المناطق."""
    if all(h.entry.category == "deployment" for h in hits):
        return hits
    return [h for h in hits if not (h.entry.category == "deployment" and tokens[h.first].key.startswith(("ال", "وال"))
                                    and any(s in tokens[h.first].key for s in _STATIONED))]


_ENTERING = frozenset({"دخل", "دخلت", "دخلوا", "دخول"})


def _fold_entry_into_bombing(hits: list[Seed], tokens: list[Token]) -> list[Seed]:
    """Entering (دخل) in a sentence that tells a bombing is the bomber's way in, not ground taken:
    دخل الانتحاري المسجد … ثم فجر نفسه."""
    return _fold_into_nearest(
        hits, lambda h: h.subtype in ("suicide_bombing", "explosive_device"),
        lambda h: h.subtype == "territory_seized" and any(stem in _ENTERING for stem, _ in stems(tokens[h.first].key)))


def _fold_device_into_suicide(hits: list[Seed]) -> list[Seed]:
    """Explosive-device words in a sentence that names a suicide bomber belong to that bombing."""
    return _fold_into_nearest(hits, lambda h: h.subtype == "suicide_bombing",
                              lambda h: h.subtype == "explosive_device")


def _fold_into_nearest(hits: list[Seed], into, folded) -> list[Seed]:
    """The seeds ``folded`` picks, each as a span of the nearest seed ``into`` picks (its ``extra``),
    when the sentence has one: the words that tell how that incident happened."""
    targets = [h for h in hits if into(h)]
    if not targets:
        return hits
    out = []
    for h in hits:
        if folded(h):
            min(targets, key=lambda t: abs(t.first - h.first)).extra.append((h.first, h.last))
        else:
            out.append(h)
    return out
