"""Who acted: armed groups, state forces, and whether the trigger's subject is a state.

Groups come from ``geo.groups.find_groups``; states from demonym mentions
(طائرات فرنسية → FR) and from country names standing as the subject of the
action (فرنسا نفذت غارات، حث فرنسا على شن).  The nearest agent word before
the trigger in its clause, or a demonym right after it (غارة أمريكية),
decides whether an attack word describes a state operation.
"""
from __future__ import annotations

from .lexicon import GROUP_KIND_WORDS, THAT, context_words, has_class
from .numbers import count_ends_at, parse_number
from .text import Span, Token, stems, strip_article

# Subtypes an attack word takes when a state's forces do it, and back.
STATE_VERSION = {"armed_assault": "ground_raid", "territory_seized": "military_campaign", "kidnapping": "capture_arrest"}
NONSTATE_VERSION = {"capture_arrest": "kidnapping"}
FORWARD_GROUP_WINDOW = 4  # words after a trigger where a group names its author (هجمات داعش، التي شنها تنظيم الدولة)
CAPTURE_WINDOW = 3


def acting_countries(text: str, tokens: list[Token], mentions: list, trigger: Span, clause: Span) -> list:
    """Countries (or capitals) before the trigger in its clause, not introduced by a preposition: the actors."""
    out = []
    # verb-first order: the country right after the trigger is its subject (أرسلت فرنسا 500 جندي)
    nxt = next((t for t in tokens if t.start >= trigger.end), None)
    for m in mentions:
        if (nxt is not None and m.place.kind == "country" and m.role != "demonym" and m.start == nxt.start
                and clause.start <= m.start < clause.end):
            out.append(m)
            continue
        state_name = m.place.kind == "country" or getattr(m.place, "capital", False)
        if not state_name or m.role == "demonym" or not (clause.start <= m.start < trigger.start):
            continue
        before = [t for t in tokens if t.end <= m.start]
        prev = before[-1] if before else None
        if text[max(0, m.start - 1)] in "بل":  # بليبيا، لليبيا: a place, not a subject
            continue
        if text[m.end:m.end + 3].lstrip(" \u00a0")[:1] in ("-", "–", "—", "("):
            continue  # الخرطوم – تدور اشتباكات: a dateline says where, it is not the government acting
        if prev is not None and has_class(prev, "witness"):
            continue  # شهدت نيجيريا هجوماً: the country saw the attack, it did not act
        if prev is not None and (has_class(prev, "locative") or prev.key in ("من", "عن", "مع", "بين")):
            continue
        out.append(m)
    return out


def agent_kind(text: str, tokens: list[Token], first: int, last: int, clause_start: int,
               groups: list[tuple[int, int, str]], demonyms: list, acting: list,
               other_triggers: list[tuple[int, int]] = ()) -> str | None:
    """'state', 'nonstate' or None: who the trigger's subject is, from the words around it.

    In order: a demonym right after it (غارة أمريكية); a group just after
    it (هجمات داعش، الهجمات التي شنها تنظيم الدولة); else the nearest agent
    word before it in its clause, where an earlier trigger of the clause and
    its object are skipped (هاجموا قواعد الجيش وسيطروا: the army is the
    object, the subject is shared).
    """
    trig_end = tokens[last].end
    nxt = tokens[last + 1] if last + 1 < len(tokens) else None
    if tokens[last].key in _ENDS_WITH_PREPOSITION:
        nxt = None  # صواريخ على قوات البيشمركة: after a form's preposition stands its target, not its subject
    if nxt is not None and nxt.key in _PRONOUN_OBJECTS and last + 2 < len(tokens):
        # سيطر عليها الجيش، قصفها الطيران: a preposition with a pronoun stands between the verb and its subject
        after = tokens[last + 2]
        if _subject_word(after, "state_force") or _subject_word(after, "aircraft"):
            return "state"
        if has_class(after, "armed"):
            return "nonstate"
    passive = _passive_agent(tokens, last, groups)
    if passive is not None:
        return passive
    if nxt is not None and any(nxt.start <= d.start < nxt.end for d in demonyms):
        return "state"
    nxt_group = nxt is not None and any(nxt.start <= s < nxt.end for s, _, _ in groups)
    if nxt is not None and _subject_word(nxt, "state_force") and not nxt_group:  # (قوات الدعم السريع is a group)
        return "state"  # verb first, subject next: دخلت القوات، هاجم الجيش (not هجوماً بطائرات: an instrument)
    if (nxt is not None and _subject_word(nxt, "armed") and not _victims(tokens, last + 2)
            and (not nxt.key.startswith(("ال", "وال")) or _nominative_after_verb(tokens, first, nxt))):
        # وهاجم مسلحون قرية، استهدفت الفصائل المتطرفة تمركزات: the verb's own subject, whoever acted in the
        # clause before (a definite word in -ين after the verb is its object: وقصفت المهاجمين أثناء انسحابهم)
        return "nonstate"
    if nxt is not None and _subject_word(nxt, "aircraft") and not _flown_by_group(tokens, last + 1, groups):
        return "state"  # أغار الطيران، قصفت المقاتلات: warplanes are a state's unless a group's name follows
    ahead = tokens[last + 1:last + 1 + FORWARD_GROUP_WINDOW]
    # a group after ضد / على is the target (معارك ضد الجماعة), after من the party driven out
    # (تحرير الأنبار من تنظيم داعش), not the author (هجمات داعش)
    target_at = next((t.start for t in ahead if t.key in ("ضد", "علي", "من")), None)
    if ahead and any(trig_end <= s < ahead[-1].end and (target_at is None or s < target_at) for s, _, _ in groups):
        return "nonstate"
    if _authored_by_armed(tokens, last, groups):
        return "nonstate"
    if _authored_by_state(tokens, last, groups):
        return "state"
    if first > 0 and tokens[first - 1].key in _TIME_PREPOSITIONS:
        return None  # بدلت تركيا موقفها بعد هجوم دام: the subject before "after" did not carry out the attack
    spans = ([(s, e, "nonstate") for s, e, _ in groups]
             + [(d.start, d.end, "state") for d in demonyms if names_a_force(tokens, d)]
             + [(c.start, c.end, "state") for c in acting])
    earlier = [f for f, _ in other_triggers if clause_start <= f < first]
    start = max(earlier) if earlier else first
    for k in range(start - 1, clause_start - 1, -1):
        tok = tokens[k]
        if has_class(tok, "suffer"):
            return None  # تعرض لهجوم: the subject is the victim
        hit = [kind for s, e, kind in spans if s < tok.end and tok.start < e]
        if hit and hit[0] == "state" and _speaker(tokens, k, first):
            return None  # أعلنت السلطات النيجرية مقتل 10 جنود في هجوم: the authorities report it
        if hit and hit[0] == "nonstate" and _phrase_joined_to_state(tokens, k, clause_start, groups):
            return "state"  # القوات الحكومية ومقاتلو حزب الله: a group fighting beside the army shares its operation
        if hit:
            return hit[0]
        if _subject_word(tok, "armed") and not _victims(tokens, k):
            # (قتل خمسة مسلحين في غارة: the fighters killed are the victims; مدعومة بمقاتلي العشائر: a support)
            if _joined_to_state(tokens, k, clause_start):
                return "state"  # الجيش والمقاومة سيطرا على: fighters beside the army share its operation
            return "nonstate"
        if _subject_word(tok, "state_force") and not _victims(tokens, k):
            # (مخازن تابعة للجيش، بدعم من الجيش: a force behind a preposition is not the subject)
            return None if _speaker(tokens, k, first) else "state"
    return None


PASSIVE_REACH = 6  # words after a trigger within which من قبل / بيد names who did it (السيطرة على لحج من قبل المقاومة)
PASSIVE_AGENT_WORDS = 5  # words of the agent phrase read after it (المقاومة الشعبية والجيش الوطني)


def _passive_agent(tokens: list[Token], last: int, groups: list[tuple[int, int, str]]) -> str | None:
    """'state' or 'nonstate' when the trigger's agent follows it behind من قبل، على يد، بيد، بأيدي:
    تم استكمال السيطرة على لحج من قبل المقاومة والجيش، سقطت القاعدة بيد الجيش الوطني.

    A state force anywhere in the agent phrase makes the action the state's: fighters
    acting together with the army are coded as its operation."""
    for k in range(last + 1, min(len(tokens), last + 1 + PASSIVE_REACH)):
        tok = tokens[k]
        # بيد، بأيدي، على يد name who did it; في أيدي، من قبضة name who holds or lost the place
        by = (tok.key in ("قبل", "وقبل") and tokens[k - 1].key == "من") or (
            has_class(tok, "hands") and (tok.key.startswith("ب") or tokens[k - 1].key == "علي"))
        if not by:
            continue
        phrase = tokens[k + 1:k + 1 + PASSIVE_AGENT_WORDS]
        if any(has_class(t, "state_force") and not in_group(t, groups) for t in phrase):
            return "state"
        if any(has_class(t, "armed") or in_group(t, groups) for t in phrase):
            return "nonstate"
        return None
    return None


def _phrase_joined_to_state(tokens: list[Token], k: int, clause_start: int,
                            groups: list[tuple[int, int, str]]) -> bool:
    """Whether the group named at token ``k`` (with a fighters word before it: ومقاتلو حزب الله) is
    joined by و to a state force just before it."""
    j = k
    while j > clause_start and in_group(tokens[j - 1], groups):
        j -= 1
    if j > clause_start and has_class(tokens[j - 1], "armed"):
        j -= 1
    return _joined_to_state(tokens, j, clause_start)


def _joined_to_state(tokens: list[Token], k: int, clause_start: int) -> bool:
    """Whether the fighters at ``k`` are joined by و to a state force just before them (الجيش والمقاومة)."""
    if not tokens[k].key.startswith("و"):
        return False
    return any(_subject_word(tokens[j], "state_force") for j in range(max(clause_start, k - 3), k))


# Prepositions of time before a trigger noun: the incident is when something else happened, and
# the subject of the sentence is that something else's.
_TIME_PREPOSITIONS = frozenset({"بعد", "وبعد", "قبل", "اثر", "عقب", "منذ", "غداه"})


def _subject_word(tok: Token, cls: str) -> bool:
    """A word of ``cls`` that can be a subject: read without a preposition clitic (القوات, not بطائرات، للجيش)."""
    if not has_class(tok, cls):
        return False
    words = context_words().get(cls, frozenset())
    return any("ب" not in p and "ل" not in p and (stem in words or strip_article(stem) in words)
               for stem, p in stems(tok.key))


def _flown_by_group(tokens: list[Token], k: int, groups: list[tuple[int, int, str]]) -> bool:
    """طائرات مسيرة تابعة للحوثيين، مسيرات الجماعة: aircraft at token ``k`` owned by a group named just after."""
    ahead = tokens[k + 1:k + 1 + FORWARD_GROUP_WINDOW]
    return bool(ahead) and (any(ahead[0].start <= s < ahead[-1].end for s, _, _ in groups)
                            or any(has_class(t, "armed") for t in ahead))


def in_group(tok: Token, groups: list[tuple[int, int, str]]) -> bool:
    """Whether a word is part of a group's name (قوات in قوات الدعم السريع is not the state's forces)."""
    return any(s < tok.end and tok.start < e for s, e, _ in groups)


AIRCRAFT_BEFORE = 3  # words before a strike word within which the aircraft that carried it out stands


def fired_by_group(tokens: list[Token], first: int, last: int, clause_start: int,
                   groups: list[tuple[int, int, str]]) -> bool:
    """Whether a group is the subject of a shelling or strike word: named right after the verb
    (قصف الحوثيون المدينة، أطلقت حركة حماس صواريخ) or as the nearest agent before it in its clause
    (شنت جماعة أنصار الله هجوماً بطائرات مسيرة), or after it behind a verb with a pronoun (قذائف أطلقتها الفصائل).

    A group further on is usually the target (قصفت الطائرات مواقع داعش), so it does not count.
    """
    if any(has_class(tokens[k], "aircraft") for k in range(max(clause_start, first - AIRCRAFT_BEFORE), first)):
        return False  # كثف طيران التحالف ضرب ميليشيات الحوثي: the aircraft struck; the group after is its target
    nxt = tokens[last + 1] if last + 1 < len(tokens) else None
    if nxt is not None and _group_or_fighters(nxt, groups):
        return True
    if (nxt is not None and has_class(nxt, "group_ref") and last + 2 < len(tokens)
            and in_group(tokens[last + 2], groups)):
        return True  # قصفت عناصر داعش: the group's members fired
    if _authored_by_armed(tokens, last, groups):
        return True  # قذائف أطلقتها الفصائل: the fighters named after the shells fired them
    for k in range(first - 1, clause_start - 1, -1):
        tok = tokens[k]
        if _victims(tokens, k) or _among_dead(tokens, k, first):
            continue  # قتل خمسة مسلحين في قصف، مقتل سبعة من قادة داعش بقصف: those killed did not fire
        if _group_or_fighters(tok, groups):
            return True
        if has_class(tok, "state_force") or has_class(tok, "aircraft") or has_class(tok, "suffer"):
            return False
    return False


# A preposition carrying a pronoun between a verb and its subject (سيطر عليها الجيش).
_ENDS_WITH_PREPOSITION = frozenset({"علي", "ضد", "في"})
_PRONOUN_OBJECTS = ("عليها", "عليه", "عليهم", "عليهما", "فيها", "فيه", "منها", "منه")
SUBJECT_WORDS = 4  # opening words of a sentence that hold its subject (وكانت القوات المالية)
_RELATIVES = ("التي", "الذي", "الذين")


def relative_subject(text: str, tokens: list[Token], first: int, last: int, clause_start: int,
                     groups: list[tuple[int, int, str]], demonyms: list, acting: list) -> str | None:
    """The agent of a verb in a relative clause that names none: the sentence's subject.

    وكانت القوات المالية … قد وصلت إلى كيدال قادمة من بلدة أنفيس، التي سيطرت عليها في أكتوبر: the
    unnamed subject of سيطرت is the one the sentence opened with.  Only when nothing after the verb
    names an agent either (التي سيطر عليها المتمردون has its own).
    """
    if clause_start >= len(tokens) or tokens[clause_start].key not in _RELATIVES:
        return None
    if any(has_class(t, "armed") or has_class(t, "state_force") or in_group(t, groups)
           for t in tokens[last + 1:last + 1 + FORWARD_GROUP_WINDOW]):
        return None
    opening = min(SUBJECT_WORDS, clause_start)
    return agent_kind(text, tokens[:opening + 1], opening, opening, 0, groups, demonyms, acting) if opening else None


def shares_subject(tokens: list[Token], first: int, clause_start: int) -> bool:
    """Whether the trigger is a verb opening a clause with و (، وسيطرت خلالها): coordinated with the
    clause before, whose subject it shares.  A clause opened by a relative pronoun has its own."""
    if clause_start == 0 or first - clause_start > 1:
        return False
    opener = tokens[clause_start]
    return opener.key.startswith("و") and not has_class(opener, "reset")


def names_a_force(tokens: list[Token], demonym) -> bool:
    """القوات الفرنسية، طائرات أميركية: a nationality says who acted only when it qualifies forces (not العاصمة الصومالية)."""
    before = [t for t in tokens if t.end <= demonym.start]
    return bool(before) and any(has_class(before[-1], cls) for cls in ("military", "state_force", "aircraft"))


SPEAKER_WINDOW = 2  # words between a speech verb and the subject that speaks (أعلنت السلطات النيجرية)


def _speaker(tokens: list[Token], k: int, first: int) -> bool:
    """Whether the state word at ``k`` is the subject of a speech verb that reports victims of the
    trigger, not its agent: أعلنت السلطات مقتل جنود في هجوم.  With a "that" between (أعلن الجيش أنه
    شن غارات) or the trigger as the verb's own object (أعلن الجيش السيطرة على) the speaker acted."""
    said = any(has_class(tokens[j], "speech") for j in range(max(0, k - SPEAKER_WINDOW), k))
    return (said and not any(tokens[j].key in THAT for j in range(k + 1, first))
            and any(has_class(tokens[j], "victim_cue") for j in range(k + 1, first)))


def _victims(tokens: list[Token], k: int) -> bool:
    """قتل أربعة جنود في كمين: forces right after a killing word are its victims, not the trigger's subject."""
    return any(has_class(tokens[j], "victim_cue") for j in range(max(0, k - 3), k))


DEAD_WINDOW = 7  # words from a killing word to the group its dead belong to (مقتل ثلاثة قياديين بارزين من تنظيم داعش)
_KILLED_AFTER = frozenset("قتلوا قتل لقوا قضوا سقطوا".split())  # ١٥ من مسلحي الحوثي قتلوا: the dead named before their verb


def _among_dead(tokens: list[Token], k: int, trigger_first: int) -> bool:
    """Whether token ``k`` stands among the dead a killing word counts before a strike word:
    مقتل سبعة من قادة تنظيم داعش بقصف، 15 من مسلحي الحوثي قتلوا في غارة (the killing
    word may lie a few words before, or right after the group)."""
    if any(has_class(tokens[j], "victim_cue") for j in range(max(0, k - DEAD_WINDOW), k)):
        return True
    return any(tokens[j].key in _KILLED_AFTER for j in range(k + 1, min(trigger_first, k + 3)))


def _is_force(tok: Token) -> bool:
    """A state's forces or a military unit (القوات، الجيش، الفرقة الرابعة): the side that is not the fighters."""
    return has_class(tok, "state_force") or has_class(tok, "military")


MILITANTS_WINDOW = 5  # words after a killing word within which the fighters killed are named (مقتل العشرات من عناصر داعش)


def state_fights_militants(tokens: list[Token], groups: list[tuple[int, int, str]]) -> bool:
    """Whether a sentence of fighting tells fighters killed while a state force takes part: قتل العشرات
    من عناصر داعش في اشتباكات مع القوات العراقية reports the state's operation (the seed and real-news
    annotations code it so); soldiers killed in the fighting (فقد 100 جندي في اشتباكات) is the group's attack."""
    if not any(_is_force(t) for t in tokens):
        return False
    for k, t in enumerate(tokens):
        if not has_class(t, "victim_cue"):
            continue
        ahead = tokens[k + 1:k + 1 + MILITANTS_WINDOW]
        if any(_is_force(a) for a in ahead):
            return False  # soldiers are among the dead
        if any(has_class(a, "armed") or in_group(a, groups) for a in ahead):
            return True
    return False


SIDES_WINDOW = 10  # words after a clash word within which its sides are named (اشتباكات عنيفة بين قوات النظام و…)
SIDES_REACH = 4  # words after it within which بين / مع opens them (not التوتر بين قائد الجيش further on)


def state_is_a_side(tokens: list[Token], last: int, groups: list[tuple[int, int, str]]) -> bool:
    """Whether a state force is one side of the fighting a clash word tells: اشتباكات بين قوات النظام
    والفصائل، معارك مع الجيش.  The seed and real-news annotations code such fighting as the state's
    operation (ACLED's battles): who fired first is seldom said.  Not when a named group is a side
    (the annotations code a named group's war as its attacks)."""
    ahead = tokens[last + 1:last + 1 + SIDES_WINDOW]
    if any(in_group(t, groups) for t in ahead):
        return False  # معارك بين الجيش وقوات الدعم السريع: a named group's war, coded as its attacks
    for k, t in enumerate(ahead[:SIDES_REACH]):
        if t.key not in ("بين", "مع"):
            continue
        side = ahead[k + 1:k + 4]
        return any(_is_force(a) for a in side)
    return False


TARGET_WINDOW = 3  # words after an attack word within which its object is named (استهدفت العناصر التكفيرية)


def targets_militants(tokens: list[Token], last: int, groups: list[tuple[int, int, str]]) -> bool:
    """Whether an attack verb's object, right after it, is fighters or their positions: استهدفت
    العناصر التكفيرية، هاجمت مواقع المسلحين.  After a noun the fighters are the authors
    (هجمات المسلحين، الهجمات التي تشنها الجماعة), so only verbs count."""
    if not has_class(tokens[last], "attack_verb"):
        return False
    for t in tokens[last + 1:last + 1 + TARGET_WINDOW]:
        if _is_force(t) or has_class(t, "victim_cue"):
            return False
        if has_class(t, "armed") or has_class(t, "group_ref") or in_group(t, groups):
            return True
    return False


def militants_killed(tokens: list[Token], last: int, groups: list[tuple[int, int, str]]) -> bool:
    """Whether a killing word names fighters as its victims: مقتل العشرات من عناصر داعش، قتل 19 مسلحاً.

    The verb followed at once by a definite fighter word has it as its subject (قتل التنظيم خمسة
    مواطنين); after a number or the verbal noun مقتل the fighters are the dead.  Soldiers named
    first are the dead instead."""
    if tokens[last].key.endswith("وا") and _counted_fighters_before(tokens, last):
        return True  # 88 إرهابياً قتلوا: the fighters counted before the verb agreeing with them are the dead
    ahead = tokens[last + 1:last + 1 + MILITANTS_WINDOW]
    if not ahead:
        return False
    masdar = (tokens[last].key.lstrip("وفبل").startswith(("مقتل", "اعدام"))
              or (last > 0 and tokens[last - 1].key in ("تم", "وتم")))  # تم قتل الإرهابي: the passive's verbal noun
    if not masdar and parse_number(tokens, last + 1)[1] == last + 1:
        return False  # قتل التنظيم خمسة مواطنين: no count after the verb, its subject follows
    for t in ahead:
        if _is_force(t):
            return False
        if has_class(t, "armed") or in_group(t, groups):
            return True
    return False


def _counted_fighters_before(tokens: list[Token], verb: int) -> bool:
    """Whether a count of fighters stands right before the verb at ``verb`` (88 إرهابياً قتلوا، 15 مسلحاً من داعش
    قتلوا), not fighters alone, who are its subject (المسلحون قتلوا خمسة جنود)."""
    for k in range(max(1, verb - 3), verb):
        if has_class(tokens[k], "armed"):
            return count_ends_at(tokens, k, 3)
    return False


def _nominative_after_verb(tokens: list[Token], first: int, nxt: Token) -> bool:
    """Whether a definite fighters' word right after an attack verb is its subject (هاجم المسلحون،
    استهدفت الفصائل): not a sound plural in -ين, the object's case (قصفت المهاجمين), nor a word for a
    whole group, as often the target (يقصف التنظيم، استهدفت الجماعة), and after a verb (a perfect or
    imperfect form, not a verbal noun: the trigger itself carries no article)."""
    return (not nxt.key.endswith("ين") and strip_article(nxt.key) not in GROUP_KIND_WORDS
            and not tokens[first].key.startswith(("ال", "وال", "بال")))


def _authored_by_armed(tokens: list[Token], last: int, groups: list[tuple[int, int, str]]) -> bool:
    """كمين نصبه مسلحون، قصف شنه الحوثيون: the trigger's author named after it is non-state."""
    ahead = tokens[last + 1:last + 1 + FORWARD_GROUP_WINDOW]
    return any(has_class(t, "authored") and k + 1 < len(ahead) and _group_or_fighters(ahead[k + 1], groups)
               for k, t in enumerate(ahead))


def _authored_by_state(tokens: list[Token], last: int, groups: list[tuple[int, int, str]]) -> bool:
    """هجوم شنته الطائرات التركية، هجوم نفذه الجيش: the trigger's author named after it is a state's force."""
    ahead = tokens[last + 1:last + 1 + FORWARD_GROUP_WINDOW]
    return any(has_class(t, "authored") and k + 1 < len(ahead) and not in_group(ahead[k + 1], groups)
               and (_is_force(ahead[k + 1]) or has_class(ahead[k + 1], "aircraft"))
               for k, t in enumerate(ahead))


def retype(category: str, subtype: str, role: str, agent: str | None, aircraft: bool, capture_near: bool,
           group_fires: bool = False, retakes: bool = False, group_operates: bool = False) -> tuple[str, str]:
    """(category, subtype) once the agent is known: a state's attack is an operation, a group's capture a
    kidnapping, a group's shelling or drone strike (``group_fires``, see ``fired_by_group``) an attack
    with explosives, a group's retaking or liberating (``retakes``) its seizing of territory: the
    category follows who acted."""
    if agent == "state" and category == "attack" and role == "clash":
        return "operation", "military_campaign"  # خاضت القوات معارك ضد الجماعة: a state fighting a group
    if agent == "state" and category == "attack" and subtype in STATE_VERSION:
        new = "airstrike" if aircraft and subtype == "armed_assault" else STATE_VERSION[subtype]
        return "operation", new
    if agent == "nonstate" and category == "operation" and subtype in NONSTATE_VERSION and capture_near:
        return "attack", NONSTATE_VERSION[subtype]
    if agent == "nonstate" and retakes and category == "operation":
        return "attack", "territory_seized"  # استعادت فصائل المعارضة مدينة سراقب: fighters take ground
    if agent == "nonstate" and group_fires and subtype == "airstrike":
        return "attack", "explosive_device"
    if agent == "nonstate" and group_operates and category == "operation" and role == "generic" \
            and subtype == "military_campaign":
        return "attack", "armed_assault"  # رد حزب العمال الكردستاني بعمليات ضد السلطات: a group's operations are attacks
    return category, subtype


OPERATOR_REACH = 4  # words before a light operation word within which the group that carries it out stands


def operated_by_group(tokens: list[Token], first: int, last: int, clause_start: int,
                      groups: list[tuple[int, int, str]]) -> bool:
    """Whether a group or fighters carry out a light operation word (عمليات، عملية): named just before
    it (رد حزب العمال الكردستاني بعمليات انتقامية) or right after it (عمليات داعش).  A group further
    back in the clause is as often the target of the pressure or campaign the word names."""
    if last + 1 < len(tokens) and _group_or_fighters(tokens[last + 1], groups):
        return True
    return any(_group_or_fighters(tokens[k], groups) for k in range(max(clause_start, first - OPERATOR_REACH), first))


def _group_or_fighters(tok: Token, groups: list[tuple[int, int, str]]) -> bool:
    """A word of a named group or a word for fighters (مسلحون، الفصائل): a non-state side."""
    return in_group(tok, groups) or has_class(tok, "armed")
