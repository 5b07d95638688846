"""Is a trigger stated as a fact?  Negation, plans, hypotheticals, questions and hedges.

Plans and intentions (بصدد التحضير، ستتم، يعتزم), denials (نفت، لم يشن),
conditionals (لو، إذا) and questions are not incidents; reported but
unconfirmed ones (على الأرجح، يعتقد، أنباء) are, with a lower confidence;
violence told as a pattern (هجمات متكررة، منذ سنوات) is, without a date.
Cues and their scopes are in ``geo/data/cues.tsv``; scope matters because
one news "sentence" often strings several statements together with commas.
"""
from __future__ import annotations

from dataclasses import dataclass

from .lexicon import THAT, cue_matcher, has_class
from .text import Token

LOCAL_WINDOW = 4  # words before a trigger a local cue may stand (لم يشن التنظيم أي هجوم)
SUPERLATIVE_WINDOW = 4  # words before a background cue where a superlative makes it a comparison (أعنف هجوم منذ)
_IMPERFECT_PREFIXES = ("ي", "ت", "ن")


@dataclass(frozen=True, slots=True)
class Modality:
    """What the cues around one trigger say: dropped (and why) or kept, and whether hedged."""

    dropped: str | None
    unconfirmed: bool
    opinion: bool = False  # ويرى محللون أن الهجوم …: a comment that names an incident, not a report of one
    pattern: bool = False  # هجمات متكررة، منذ عام 2015، وتنفذ الجماعة هجمات: violence over time, kept undated


def sentence_cues(tokens: list[Token]) -> list:
    """Cue matches of one sentence (token indexes relative to ``tokens``)."""
    return cue_matcher().find(tokens)


def is_question(sentence_text: str, tokens: list[Token]) -> bool:
    """A sentence that asks (ends with ؟ or ?, or opens with هل) states nothing."""
    stripped = sentence_text.rstrip().rstrip("\"'”»)").rstrip()
    return stripped.endswith(("؟", "?")) or (bool(tokens) and tokens[0].key in ("هل", "وهل"))


def judge(tokens: list[Token], cues: list, first: int, clause_start: int,
          clause_end: int | None = None, category: str | None = None) -> Modality:
    """Modality of the trigger at token ``first`` of a sentence whose clause spans tokens [clause_start, clause_end).

    ``category`` is the trigger's: vague cues never drop a deployment; patterns over time (هجمات متكررة) drop
    nothing but make the incident undated (``pattern``).
    """
    dropped, unconfirmed, opinion, pattern = None, False, False, False
    clause_end = len(tokens) if clause_end is None else clause_end
    for c in cues:
        kind, scope = c.value
        if kind == "name":
            continue  # وكالة الأنباء: a phrase that only looks like a cue (an agency's name, not "reports")
        if kind == "unconfirmed":
            unconfirmed = True
            continue
        if kind == "opinion":
            # up to a relative or a subordinator (… يعكس قدرة الجماعة، حيث تمكن الجيش من استعادة …)
            # a label (ووصفتها بأنها اعتداء، اعتبرته هجوماً): its بأن introduces the label, it starts nothing new
            opinion = opinion or (c.last < first and not _reset_between(tokens, c.last + 1, first,
                                                                        keep_complement=scope == "label"))
            continue
        if kind == "negation" and c.first == c.last and has_class(tokens[c.first], "reset"):
            continue  # بعدما "after" read as ب + عدماً "absence"
        if kind == "negation" and category == "deployment" and 0 < c.first - first <= NOT_ARRIVED_WINDOW \
                and c.last + 1 < len(tokens) and has_class(tokens[c.last + 1], "arrival"):
            dropped = dropped or kind  # تعزيزات لم تصل بعد: the force is not there yet
            continue
        if scope == "after":
            # بقصف أحياء سكنية، وهو ما نفاه المتحدث: a denial told after the charge it answers
            if c.first > first and not _reset_after(tokens, first, c.first):
                dropped = dropped or kind
            continue
        if kind == "habitual_verb":
            # وتنفذ الجماعة هجمات: a pattern, unless the sentence dates it to the day (اليوم، أمس، الخميس)
            if (c.last < first and first - c.last <= LOCAL_WINDOW and _indefinite_plural(tokens[first])
                    and not any(has_class(t, "now") for t in tokens)):
                pattern = True
            continue
        if kind == "trend":
            # تصاعدت هجمات الجماعات: a trend, unless dated to the day (تصاعدت حدة الاشتباكات مساء الأحد)
            if (clause_start <= c.first < clause_end and category == "attack"
                    and not any(has_class(t, "now") for t in tokens)):
                pattern = True
            continue
        if kind == "during":
            kind = "duration" if during_a_year(tokens, c.last) else None
            if kind is None:
                continue
        if kind == "since":
            kind = "duration" if since_a_year(tokens, c.last) else None
            if kind is None:
                continue
        if scope == "clause_any":
            if clause_start <= c.first < clause_end and not _compares(tokens, c.first):
                if kind in PATTERN_KINDS:
                    pattern = True
                elif category != "deployment":
                    dropped = dropped or kind
            continue
        if c.last >= first:
            continue
        if scope == "local":
            if first - c.last > LOCAL_WINDOW:
                continue
            nxt = tokens[c.last + 1] if c.last + 1 < len(tokens) else None
            if kind == "negation" and nxt is not None and (has_class(nxt, "still") or has_class(nxt, "at_least")):
                continue  # لا يزال يسيطر: "still", not "not"; ما لا يقل عن 6 غارات: "at least"
            if tokens[c.first].key in _QAD_FORMS and not (nxt and _imperfect(nxt.key)):
                continue  # قد + past tense asserts (قد قتل، قد نفذ، قد تم); قد + present is "may" (قد تشن)
            if kind == "negation" and c.first < clause_start:
                continue  # درسا لن ينسوه، وتمكنوا من تحرير عدن: the negation ended with its own clause
        elif scope == "clause":
            if c.first < clause_start or _reset_between(tokens, c.last + 1, first):
                continue
        elif scope == "permitted":
            # سمحت تركيا للولايات المتحدة باستخدام قواعدها، ولا سيما إنجرليك، في شن غارات: the act
            # permitted, a verbal noun after ب / في / ل, however far; not an act told with a verb of
            # its own (وافقت، وقامت قواتها بغارة) nor past a relative or a subordinator (حيث …)
            if _reset_between(tokens, c.last + 1, first) or (
                    c.first < clause_start and not _permitted_act(tokens, first)):
                continue  # in its own clause it is any plan cue
        dropped = dropped or kind
    return Modality(dropped, unconfirmed, opinion, pattern)


_PERMITTED_HEADS = ("شن", "تنفيذ", "توجيه")  # light verbal nouns of an act permitted (في شن غارات، بتنفيذ ضربات)


def _permitted_act(tokens: list[Token], first: int) -> bool:
    """Whether the trigger at ``first`` follows a light verbal noun after ب / في / ل: بشن هجمات، في شن غارات
    (not a light verb: وقامت قواتها بغارة tells the raid)."""
    if first == 0:
        return False
    before = tokens[first - 1].key
    if before[:1] in ("ب", "ل") and before[1:] in _PERMITTED_HEADS:
        return True
    return before in _PERMITTED_HEADS and first > 1 and tokens[first - 2].key == "في"


# Violence told as a pattern or a span of time is still reported violence: the seed
# annotations keep "soldiers come under attack every week" and multi-month campaigns as
# incidents whose date is null, since no one day is meant.
PATTERN_KINDS = ("background", "duration")


_QAD_FORMS = ("قد", "فقد", "وقد", "لقد")  # فقد انتشرت is ف + قد before a past verb
# Imperfects of three letters: doubled roots (تشن، يتم) keep the person prefix in three letters, where
# a past tense of three letters starting with ن or ت is the root's own letter (نفذ، نشر، تم)
_SHORT_IMPERFECTS = frozenset({"يشن", "تشن", "نشن", "يتم", "تتم", "يرد", "ترد", "يمر", "تمر"})


def _imperfect(key: str) -> bool:
    """Whether a word after قد reads as a present tense (قد يكون، قد تشن), not a past (قد نفذ، قد تم)."""
    return key.startswith(_IMPERFECT_PREFIXES) and (len(key) >= 4 or key in _SHORT_IMPERFECTS)


NOT_ARRIVED_WINDOW = 2  # words between a deployment noun and the لم of a negated arrival
SINCE_REACH = 3  # words after منذ within which its year stands (منذ مطلع عام 2015)
_SPAN_WORDS = ("اكثر", "نحو", "حوالي", "قرابه", "عقد", "عقدين", "عقود")


def _indefinite_plural(tok: Token) -> bool:
    """هجمات، غارات، عمليات (not الهجمات, not هجوم): a sound feminine plural without the article."""
    key = tok.key
    return key.endswith("ات") and not key.startswith(("ال", "وال", "فال", "بال", "لل"))


def since_a_year(tokens: list[Token], k: int) -> bool:
    """Whether منذ at token ``k`` counts from a year or over a long span (منذ 2009، منذ أبريل 2023،
    منذ أكثر من عقد): violence told over such a stretch is a pattern, not today's incident."""
    after = tokens[k + 1:k + 1 + SINCE_REACH]
    if after and after[0].key in _SPAN_WORDS:
        return True
    return any(_is_year(t) for t in after)


def during_a_year(tokens: list[Token], k: int) -> bool:
    """Whether خلال at token ``k`` spans a whole year (خلال 2022، خلال عام 2022), not a month of it
    (خلال مايو 2015) nor a few days (خلال اليومين الماضيين)."""
    after = tokens[k + 1:k + 3]
    if after and after[0].key in ("عام", "العام", "سنه") and len(after) > 1:
        after = after[1:]
    return bool(after) and _is_year(after[0])


def _is_year(tok: Token) -> bool:
    return len(tok.key) == 4 and tok.key.isdigit() and tok.key[:2] in ("19", "20")


def _compares(tokens: list[Token], k: int) -> bool:
    """أعنف هجوم منذ عام 2015: a superlative shortly before منذ compares one event with the past."""
    return any(has_class(tokens[j], "superlative") for j in range(max(0, k - SUPERLATIVE_WINDOW), k))


def _reset_after(tokens: list[Token], lo: int, hi: int) -> bool:
    """True when another trigger-bearing statement could start between ``lo`` and ``hi``: a sentence break word (ثم)."""
    return any(tokens[k].key in ("ثم",) for k in range(lo + 1, hi))


def _reset_between(tokens: list[Token], lo: int, hi: int, keep_complement: bool = False) -> bool:
    """True when a relative pronoun or subordinator between two words starts a new statement.

    With ``keep_complement``, أن / بأن (the complement of the cue) does not count.
    """
    return any(has_class(tokens[k], "reset") and not (keep_complement and tokens[k].key in THAT)
               for k in range(lo, hi))
