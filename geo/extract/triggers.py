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

from dataclasses import dataclass, field

from .lexicon import TriggerEntry, context_words, has_class, trigger_matcher
from .modality import is_question, judge, sentence_cues
from .text import Span, Token, stems, strip_article

FOLLOW_WINDOW = 6  # words after سيطر/الاستيلاء within which على must come (سيطرت جماعة نصرة الإسلام والمسلمين على)
CONTEXT_WINDOW = 6  # words around a trigger searched for its required context
_GENERIC_ROLES = ("generic", "clash")
# A seizure or a deployment is its own event even beside an attack word (هاجموا … وسيطروا على).
_NEVER_ABSORB = ("territory_seized", "deployment")


@dataclass
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
    extra: list[tuple[int, int]] = field(default_factory=list)  # other trigger spans merged in

    @property
    def subtype(self) -> str:
        return self.entry.subtype


def _requirement_met(tokens: list[Token], first: int, last: int, requires: str) -> bool:
    """Whether a trigger's context requirement (triggers.tsv ``requires``) holds."""
    if requires in ("", "-"):
        return True
    if requires == "follow_ala":
        return any(t.key in ("علي", "عليها", "عليه", "عليهم") for t in tokens[last + 1:last + 1 + FOLLOW_WINDOW])
    lo, hi = max(0, first - CONTEXT_WINDOW), min(len(tokens), last + 1 + CONTEXT_WINDOW)
    window = [tokens[k] for k in range(lo, hi) if not first <= k <= last]
    return any(has_class(t, requires) for t in window)


def _is_purpose_or_future(tokens: list[Token], first: int, proclitic: str) -> bool:
    """A purpose or a future, not an event.

    لـ + trigger is a purpose (لضرب، لهجمات) unless after تعرض (تعرض لهجوم);
    so is a trigger after لـ + a light verbal noun (للقيام بهجمات، لشن غارات);
    سـ + verb is a future (سيهاجم).
    """
    if "س" in proclitic:
        return True
    if "ل" in proclitic:
        return not (first > 0 and has_class(tokens[first - 1], "suffer"))
    for k in (first - 1, first - 2):
        if k >= 0 and any("ل" in p and _in_class(stem, "light_masdar") for stem, p in stems(tokens[k].key)):
            return True
    return False


def _in_class(stem: str, cls: str) -> bool:
    words = context_words().get(cls, frozenset())
    return stem in words or strip_article(stem) in words


def _points_back(tokens: list[Token], first: int, entry: TriggerEntry) -> bool:
    """هذه العملية، تلك الهجمات: a generic word after a demonstrative names an incident already told."""
    return entry.role in _GENERIC_ROLES and first > 0 and has_class(tokens[first - 1], "demonstrative")


def find_seeds(text: str, tokens: list[Token], clauses: list[Span]) -> list[Seed]:
    """Incident seeds of one sentence (``tokens`` are the sentence's words)."""
    if not tokens:
        return []
    sentence_text = text[tokens[0].start:tokens[-1].end + 2]
    if is_question(sentence_text, tokens):
        return []
    cues = sentence_cues(tokens)
    hits: list[Seed] = []
    for m in trigger_matcher().find(tokens):
        entry: TriggerEntry = m.value
        if not _requirement_met(tokens, m.first, m.last, entry.requires):
            continue
        if _is_purpose_or_future(tokens, m.first, m.proclitic) or _points_back(tokens, m.first, entry):
            continue
        clause = next((c for c in clauses if c.start <= tokens[m.first].start < c.end), clauses[0])
        clause_start = next(k for k, t in enumerate(tokens) if t.start >= clause.start)
        mod = judge(tokens, cues, m.first, clause_start)
        if mod.dropped:
            continue
        definite = m.proclitic.endswith("ال") or tokens[m.first].key.startswith("ال")
        pointed = m.first > 0 and has_class(tokens[m.first - 1], "demonstrative")
        hits.append(Seed(m.first, m.last, entry, clause, mod.unconfirmed, definite=definite, pointed=pointed))
    return _group(hits)


def _group(hits: list[Seed]) -> list[Seed]:
    """Merge triggers that state the same incident (see module docstring)."""
    specific = [h for h in hits if h.entry.role not in _GENERIC_ROLES and h.subtype not in _NEVER_ABSORB]
    kept: list[Seed] = []
    for h in hits:
        if h.entry.role in _GENERIC_ROLES:
            near = [s for s in specific if s.clause == h.clause]
            if near:
                near[0].extra.append((h.first, h.last))
                continue
        same = next((k for k in kept if k.clause == h.clause and k.subtype == h.subtype), None)
        if same is not None:
            same.extra.append((h.first, h.last))
            same.unconfirmed = same.unconfirmed and h.unconfirmed
            continue
        kept.append(h)
    return kept
