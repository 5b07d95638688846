"""Where a sentence stands in the article: the headline above the body, the tag line below it.

A news headline restates, in the present tense and without a date, the
main event that the body then tells in full (داعش يهاجم موانئ الهلال
النفطي، مقتل 26 جندياً في هجوم على بوسو).  Taken as a sentence of its own
it yields a second, vaguer copy of that incident, so the extractor needs to
know which lines are headline.
"""
from __future__ import annotations

import re

from .text import Span

HEAD_LINES = 3  # a headline sits among the first non-empty lines (after a date line or a kicker)
MAX_HEADLINE_CHARS = 160  # longer lines are lead paragraphs, not titles
_SENTENCE_END = (".", "!", "؟", "?", ":", "…")
MIN_REPEATED_TITLE = 20  # a title this long found again in a later short line is that line's content
MAX_LINK_PREFIX = 60  # what a link line adds before the title it repeats (رابط الخبر بصحيفة الوئام:)
SUBHEAD_WORDS = 4  # a line of the body this short, without a full stop, heads the paragraphs below it


def headline_spans(text: str) -> list[Span]:
    """Spans of the headline lines: short lines among the first few, with no closing full stop, before the body,
    and the body's subheadings (a line of a few words without a full stop: غارات مكثفة للتحالف).

    A line counts only when body text follows it, so a one-line text is
    never all headline.
    """
    lines, pos = [], 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped:
            start = pos + line.index(stripped[0])
            lines.append(Span(start, start + len(stripped)))
        pos += len(line)
    out = []
    for k, span in enumerate(lines[:HEAD_LINES]):
        body_follows = k + 1 < len(lines)
        line = text[span.start:span.end]
        if body_follows and len(line) <= MAX_HEADLINE_CHARS and not line.endswith(_SENTENCE_END):
            out.append(span)
    titles = [text[h.start:h.end] for h in out if h.end - h.start >= MIN_REPEATED_TITLE]
    for span in lines[HEAD_LINES:-1]:
        line = text[span.start:span.end]
        if len(line.split()) <= SUBHEAD_WORDS and not line.endswith(_SENTENCE_END):
            out.append(span)  # غارات مكثفة للتحالف، * محاصرون: a subheading over the paragraphs that tell it
    for span in lines[1:] if titles else ():
        line = text[span.start:span.end]
        if span in out:
            continue
        if len(line) <= MAX_HEADLINE_CHARS + MAX_LINK_PREFIX and any(t in line for t in titles):
            out.append(span)  # رابط الخبر بصحيفة الوئام: <the headline>: a link line at the foot restates it
    return out


# Labels of the keyword line news sites print under an article (سمات الحوثيين اليمن حصار صنعاء, وسوم: …).
# Some sites glue it to the last paragraph (… المواجهات العسكرية. سمات الحوثيين …): after a full stop, a label
# followed by bare words to the end of the line is the tag line too.
_TAG_LABEL_RE = re.compile(r"(?:^|(?<=[.!?؟])[ \u00a0]+)[ \u00a0\t]*(?:سمات|وسوم|الوسوم|كلمات مفتاحية"
                           r"|الكلمات المفتاحية|كلمات دلالية|الكلمات الدلالية)[ \u00a0]*[:：]?[ \u00a0]", re.MULTILINE)
_SENTENCE_PUNCTUATION = re.compile(r"[.!?؟،,;؛]")


def tag_line_spans(text: str) -> list[Span]:
    """Spans of the keyword lines (سمات …): a list of tags, not a sentence, whatever words it strings together."""
    out = []
    for m in _TAG_LABEL_RE.finditer(text):
        end = text.find("\n", m.end())
        end = len(text) if end < 0 else end
        if m.start() == 0 or text[m.start() - 1] == "\n" or not _SENTENCE_PUNCTUATION.search(text, m.end(), end):
            out.append(Span(m.start(), end))
    return out


def in_spans(spans: list[Span], offset: int) -> bool:
    """Whether a text offset lies in one of the line spans (headline or tag lines)."""
    return any(s.start <= offset < s.end for s in spans)
