"""Who acted: armed groups, state forces, and whether the trigger's subject is a state.

Groups come from ``geo.groups.find_groups``; states from demonym mentions
(طائرات فرنسية → FR) and from country names standing as the subject of the
action (فرنسا نفذت غارات، حث فرنسا على شن).  The nearest agent word before
the trigger in its clause, or a demonym right after it (غارة أمريكية),
decides whether an attack word describes a state operation.
"""
from __future__ import annotations

from .lexicon import has_class
from .text import Span, Token

# Subtypes an attack word takes when a state's forces do it, and back.
STATE_VERSION = {"armed_assault": "ground_raid", "territory_seized": "military_campaign"}
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
    if nxt is not None and any(nxt.start <= d.start < nxt.end for d in demonyms):
        return "state"
    if nxt is not None and has_class(nxt, "state_force"):
        return "state"  # verb first, subject next: دخلت القوات، هاجم الجيش
    ahead = tokens[last + 1:last + 1 + FORWARD_GROUP_WINDOW]
    # a group after ضد / على is the target (معارك ضد الجماعة), not the author (هجمات داعش)
    target_at = next((t.start for t in ahead if t.key in ("ضد", "علي")), None)
    if ahead and any(trig_end <= s < ahead[-1].end and (target_at is None or s < target_at) for s, _, _ in groups):
        return "nonstate"
    if _authored_by_armed(tokens, last):
        return "nonstate"
    spans = ([(s, e, "nonstate") for s, e, _ in groups]
             + [(d.start, d.end, "state") for d in demonyms if _names_a_force(tokens, d)]
             + [(c.start, c.end, "state") for c in acting])
    earlier = [f for f, _ in other_triggers if clause_start <= f < first]
    start = max(earlier) if earlier else first
    for k in range(start - 1, clause_start - 1, -1):
        tok = tokens[k]
        if has_class(tok, "suffer"):
            return None  # تعرض لهجوم: the subject is the victim
        hit = [kind for s, e, kind in spans if s < tok.end and tok.start < e]
        if hit:
            return hit[0]
        if has_class(tok, "armed"):
            return "nonstate"
        if has_class(tok, "state_force") and not _victims(tokens, k):
            return "state"
    return None


def shares_subject(tokens: list[Token], first: int, clause_start: int) -> bool:
    """Whether the trigger is a verb opening a clause with و (، وسيطرت خلالها): coordinated with the
    clause before, whose subject it shares.  A clause opened by a relative pronoun has its own."""
    if clause_start == 0 or first - clause_start > 1:
        return False
    opener = tokens[clause_start]
    return opener.key.startswith("و") and not has_class(opener, "reset")


def _names_a_force(tokens: list[Token], demonym) -> bool:
    """القوات الفرنسية، طائرات أميركية: a nationality says who acted only when it qualifies forces (not العاصمة الصومالية)."""
    before = [t for t in tokens if t.end <= demonym.start]
    return bool(before) and any(has_class(before[-1], cls) for cls in ("military", "state_force", "aircraft"))


def _victims(tokens: list[Token], k: int) -> bool:
    """قتل أربعة جنود في كمين: forces right after a killing word are its victims, not the trigger's subject."""
    return any(has_class(tokens[j], "victim_cue") for j in range(max(0, k - 3), k))


def _authored_by_armed(tokens: list[Token], last: int) -> bool:
    """كمين نصبه مسلحون، هجوم شنه متشددون: the trigger's author named after it is non-state."""
    ahead = tokens[last + 1:last + 1 + FORWARD_GROUP_WINDOW]
    return any(has_class(t, "authored") and k + 1 < len(ahead) and has_class(ahead[k + 1], "armed")
               for k, t in enumerate(ahead))


def retype(category: str, subtype: str, role: str, agent: str | None, aircraft: bool, capture_near: bool) -> tuple[str, str]:
    """(category, subtype) once the agent is known: a state's attack is an operation, a group's capture a kidnapping."""
    if agent == "state" and category == "attack" and role == "clash":
        return "operation", "military_campaign"  # خاضت القوات معارك ضد الجماعة: a state fighting a group
    if agent == "state" and category == "attack" and subtype in STATE_VERSION:
        new = "airstrike" if aircraft and subtype == "armed_assault" else STATE_VERSION[subtype]
        return "operation", new
    if agent == "nonstate" and category == "operation" and subtype in NONSTATE_VERSION and capture_near:
        return "attack", NONSTATE_VERSION[subtype]
    return category, subtype
