"""Extract an article's readable text from an HTML page.

News pages wrap a few paragraphs of story in menus, share buttons, scripts
and footers; the incident extractor must see only the story, with paragraph
breaks kept (sentence splitting relies on them).  The standard library's
``html.parser`` is enough: it tolerates broken markup and costs no
dependency.  Boilerplate is recognised by element (``nav``, ``footer``...)
and by the class/id words sites use for it (``menu``, ``share``...); when a
page marks its story with ``<article>`` or ``<main>``, only that is kept.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

# Elements whose content is never story text.
_SKIP_TAGS = frozenset({
    "script", "style", "nav", "header", "footer", "aside", "noscript",
    "template", "svg", "iframe", "form", "button", "select", "figure",
})

# Elements after which the text breaks into a new paragraph.
_BLOCK_TAGS = frozenset({
    "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
    "tr", "table", "section", "article", "main", "blockquote", "pre", "hr",
    "dd", "dt", "dl", "body",
})

# Elements without an end tag: they never open a region.
_VOID_TAGS = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link",
    "meta", "param", "source", "track", "wbr",
})

# class/id words that mark boilerplate containers on news sites.
_BOILERPLATE_RE = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|menu|footer|header|sidebar|share|sharing|social|"
    r"comments?|related|breadcrumbs?|advert|ads|ad|cookie|newsletter|subscribe|"
    r"tags|widget|promo|banner)(?:$|[\s_-])", re.IGNORECASE)

_INLINE_SPACE_RE = re.compile(r"[ \t\r\n\f\v\u00a0]+")

# Internal marks in the collected text: a block boundary, and a <br>.  One
# <br> breaks a line; two in a row (a common Arabic-site habit) end a paragraph.
_BLOCK = "\n"
_BR = "\x01"
_DOUBLE_BR_RE = re.compile(r"\x01[ \t\r\n\f\v\u00a0]*\x01[\x01 \t\r\n\f\v\u00a0]*")

_DATE_RE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


@dataclass
class HtmlArticle:
    """What a page holds for incmap: its story text and what the markup says about it."""

    text: str
    title: str | None = None
    published: str | None = None
    url: str | None = None


def html_to_article(markup: str) -> HtmlArticle:
    """Extract the story text, title, publication date and canonical URL of a page.

    Paragraphs are separated by a blank line and the spaces inside one
    paragraph collapsed, since HTML source whitespace carries no meaning.
    """
    parser = _StoryParser()
    parser.feed(markup)
    parser.close()
    return HtmlArticle(
        text=parser.story_text(),
        title=_clean_inline(parser.title) or _clean_inline(parser.first_h1) or None,
        published=parser.published,
        url=parser.url,
    )


def _clean_inline(text: str) -> str:
    """Collapse the runs of spaces and line breaks of inline text into single spaces."""
    return _INLINE_SPACE_RE.sub(" ", text).strip()


def _paragraphs(chunks: list[str]) -> str:
    """Join collected chunks into paragraphs separated by a blank line.

    Block boundaries and double <br> end a paragraph; a single <br> stays a
    line break inside it.
    """
    text = _DOUBLE_BR_RE.sub(_BLOCK, "".join(chunks))
    paragraphs = []
    for block in text.split(_BLOCK):
        lines = (_clean_inline(line) for line in block.split(_BR))
        paragraph = "\n".join(line for line in lines if line)
        if paragraph:
            paragraphs.append(paragraph)
    return "\n\n".join(paragraphs)


def _iso_date(value: str | None) -> str | None:
    """The ``YYYY-MM-DD`` at the start of a machine-readable date, if there is one."""
    match = _DATE_RE.match((value or "").strip())
    return "-".join(match.groups()) if match else None


class _StoryParser(HTMLParser):
    """Collects visible text outside boilerplate, and separately inside <article>/<main>."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.title = ""
        self.first_h1 = ""
        self.published: str | None = None
        self.url: str | None = None
        self._all: list[str] = []
        self._story: list[str] = []
        self._open: list[tuple[str, bool, bool]] = []  # (tag, skips, is story)
        self._skip_depth = 0
        self._story_depth = 0
        self._in_title = False
        self._in_h1 = False
        self._h1_done = False

    def story_text(self) -> str:
        """The text inside <article>/<main> when the page has any, else all visible text."""
        story = _paragraphs(self._story)
        return story if story else _paragraphs(self._all)

    def parse_marked_section(self, i, report=1):
        # Word's "<![if !vml]>" is fine, but an unknown keyword makes the base
        # class assert; skip the declaration instead of losing the page.
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            end = self.rawdata.find(">", i)
            return -1 if end < 0 else end + 1

    def handle_starttag(self, tag, attrs):
        attrs = {k: (v or "") for k, v in attrs}
        if tag == "meta":
            self._read_meta(attrs)
        elif tag == "link" and "canonical" in attrs.get("rel", "").lower().split():
            self.url = self.url or attrs.get("href") or None
        elif tag == "time" and not self.published:
            self.published = _iso_date(attrs.get("datetime"))
        if tag == "title":
            self._in_title = True
        if tag == "h1" and not self._h1_done:
            self._in_h1 = True
        if tag in _BLOCK_TAGS:
            self._emit(_BLOCK)
        elif tag == "br":
            self._emit(_BR)
        if tag in _VOID_TAGS:
            return
        marker = " ".join((attrs.get("class", ""), attrs.get("id", ""), attrs.get("role", "")))
        skips = tag in _SKIP_TAGS or bool(_BOILERPLATE_RE.search(marker))
        is_story = tag in ("article", "main")
        self._open.append((tag, skips, is_story))
        self._skip_depth += skips
        self._story_depth += is_story

    def handle_startendtag(self, tag, attrs):
        # <div/> opens nothing; only its side effects (meta, br) matter.
        if tag in _VOID_TAGS:
            self.handle_starttag(tag, attrs)
        elif tag in _BLOCK_TAGS:
            self._emit(_BLOCK)

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        if tag == "h1" and self._in_h1:
            self._in_h1, self._h1_done = False, True
        if tag in _BLOCK_TAGS:
            self._emit(_BLOCK)
        # Close up to the matching open element; a stray end tag closes nothing.
        for i in range(len(self._open) - 1, -1, -1):
            if self._open[i][0] == tag:
                for _, skips, is_story in self._open[i:]:
                    self._skip_depth -= skips
                    self._story_depth -= is_story
                del self._open[i:]
                break

    def handle_data(self, data):
        if self._in_title:
            self.title += data
            return
        if self._skip_depth:
            return
        if self._in_h1:
            self.first_h1 += data
        # Source line breaks are mere spaces in HTML; only tags make breaks.
        self._emit(data.replace(_BLOCK, " ").replace(_BR, " "))

    def _emit(self, text: str) -> None:
        """Add visible text (or a block boundary) to the page and, inside a story element, to the story."""
        if self._skip_depth:
            return
        self._all.append(text)
        if self._story_depth:
            self._story.append(text)

    def _read_meta(self, attrs: dict) -> None:
        """Take the publication date and canonical URL from OpenGraph/article meta tags."""
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        content = attrs.get("content")
        if key in ("article:published_time", "datepublished", "pubdate", "date",
                   "og:published_time", "publish-date", "publish_date"):
            self.published = self.published or _iso_date(content)
        elif key == "og:url":
            self.url = self.url or content or None
