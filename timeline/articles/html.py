"""``.html``: title, text and metadata of a saved page."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

from timeline.articles.metadata import apply_meta, meta_from_mapping
from timeline.articles.problems import Sink, Skip
from timeline.dates import parse_date
from timeline.model import Article

_DROP = {
    "script", "style", "nav", "noscript", "template", "svg", "math", "iframe", "object",
    "embed", "form", "button", "select", "textarea", "aside", "head",
}  # fmt: skip


# When the page has text only inside these, they are read after all (with a warning).
_DROP_ALWAYS = frozenset({"script", "style", "template", "head", "svg", "math", "object"})


_DROP_OUTSIDE_ARTICLE = {"header", "footer"}


_HEAD_TAGS = {"title", "meta", "link", "script", "style", "base", "noscript", "template"}


_BLOCK = {
    "p", "div", "section", "article", "main", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4",
    "h5", "h6", "blockquote", "pre", "table", "tr", "td", "th", "dd", "dt", "figcaption",
    "hr", "header", "footer", "address", "figure", "dl",
}  # fmt: skip


_VOID = {"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "source", "wbr"}


_DATE_META = (
    "article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
    "publish-date", "publish_date", "date", "dc.date", "dc.date.issued", "dcterms.created",
    "sailthru.date", "parsely-pub-date", "article.published",
)  # fmt: skip


class _HTMLArticle(HTMLParser):
    """Collects title, paragraphs, dates and URLs; scripts and navigation are dropped."""

    def __init__(self, drop: frozenset[str] | set[str] = _DROP) -> None:
        super().__init__(convert_charrefs=True)
        self.drop = drop
        self.title_tag: list[str] = []
        self.h1: list[str] = []
        self.meta: dict[str, str] = {}
        self.times: list[str] = []
        self.canonical = ""
        self.body: list[str] = []  # text outside any <article>
        self.article: list[str] = []  # text inside <article>
        self.ld_json: list[str] = []
        self._stack: list[tuple[str, bool]] = []  # open tags, and whether each drops text
        self._open: dict[str, int] = {}  # tag -> how many are open; O(1) "is it open?"
        self._drop = 0  # depth inside dropped elements
        self._in_article = 0
        self._in_title = False
        self._in_h1 = False
        self._h1_done = False
        self._ld = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        self._head_tag(tag, a)
        if tag in _VOID:
            if tag == "br":
                self._out("\n")
            return
        if self._open.get("head") and (tag == "body" or tag not in _HEAD_TAGS):
            self.handle_endtag("head")  # a forgotten </head>, as a browser reads it
        if tag == "script" and "ld+json" in a.get("type", ""):
            self._ld = True
        dropped = self._dropped(tag)
        self._drop += dropped
        self._stack.append((tag, dropped))
        self._open[tag] = self._open.get(tag, 0) + 1
        if tag == "article":
            self._in_article += 1
        if tag == "title":
            self._in_title = True
        if tag == "h1" and not self._h1_done and not self._drop:
            self._in_h1 = True
        if tag in _BLOCK:
            self._out("\n\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID or not self._open.get(tag):
            return  # stray end tags change nothing
        while self._stack:  # close what was left open inside, like a browser
            open_tag, dropped = self._stack.pop()
            self._open[open_tag] -= 1
            self._drop -= dropped
            self._close(open_tag)
            if open_tag == tag:
                break

    def _close(self, tag: str) -> None:
        if tag == "article" and self._in_article:
            self._in_article -= 1
        if tag == "title":
            self._in_title = False
        if tag == "h1" and self._in_h1:
            self._in_h1, self._h1_done = False, True
        if tag == "script":
            self._ld = False
        if tag in _BLOCK:
            self._out("\n\n")

    def _dropped(self, tag: str) -> bool:
        if tag in self.drop:
            return True
        return tag in _DROP_OUTSIDE_ARTICLE and not self._in_article and self.drop is _DROP

    def handle_data(self, data: str) -> None:
        if self._ld:
            self.ld_json.append(data)
        elif self._in_title:
            self.title_tag.append(data)
        elif self._drop:
            return
        elif self._in_h1:
            self.h1.append(data)
        else:
            self._out(data)

    def _out(self, text: str) -> None:
        if not self._drop and not self._in_h1:
            (self.article if self._in_article else self.body).append(text)

    def _head_tag(self, tag: str, a: dict[str, str]) -> None:
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key and a.get("content") and key not in self.meta:
                self.meta[key] = a["content"]
        elif tag == "link" and "canonical" in a.get("rel", "").lower().split():
            self.canonical = self.canonical or a.get("href", "")
        elif tag == "time" and a.get("datetime") and not self._drop:
            priority = "pubdate" in a or a.get("itemprop", "").lower() == "datepublished"
            self.times.insert(0, a["datetime"]) if priority else self.times.append(a["datetime"])


def parse_html(text: str, source: str, sink: Sink) -> Article:
    """Title from ``<h1>``/``og:title``/``<title>``, text from ``<article>`` or ``<body>``.

    Entities become characters: the text is data, escaped again only on output.
    """
    text = _defuse(text)
    parser, body = _html_text(text, _DROP)
    if not body:  # e.g. an <aside> never closed: read what a browser would show
        parser, body = _html_text(text, _DROP_ALWAYS)
        if body:
            sink.warn(source, "text found only in navigation, asides or forms; read from there")
    if not body:
        raise Skip("no text found in the HTML (no <article> or <body> paragraphs)")
    title = _html_title(parser)
    article = Article(text=body, source=source, title=title)
    apply_meta(article, _html_meta(parser, source, sink))
    return article


# html.parser rescans to the end of the input for every "<" whose tag never closes, which
# is quadratic on hostile pages ("<a <a <a ..."). Such a "<" is text anyway: escape it.
_UNCLOSED_TAG = re.compile(r"<(?!!--)(?=[^<>]*(?:<|\Z))")


def _defuse(html: str) -> str:
    html = _UNCLOSED_TAG.sub("&lt;", html)
    html = _escape_unclosed(html, "<!--", "-->")  # text, not one rescan per "<!--"
    return _escape_unclosed(html, "<![CDATA[", "]]>")


def _escape_unclosed(html: str, opener: str, closer: str) -> str:
    """Escape every ``opener`` after the last ``closer``: none of them can close."""
    last = html.rfind(closer)
    cut = last + len(closer) if last >= 0 else 0
    if opener not in html[cut:]:
        return html
    return html[:cut] + html[cut:].replace(opener, "&lt;" + opener[1:])


def _html_text(text: str, drop: frozenset[str] | set[str]) -> tuple[_HTMLArticle, str]:
    parser = _HTMLArticle(drop)
    parser.feed(text)
    parser.close()
    chunks = parser.article if "".join(parser.article).strip() else parser.body
    return parser, _paragraphs("".join(chunks))


def _paragraphs(text: str) -> str:
    parts = (" ".join(p.split()) for p in re.split(r"\n\s*\n", text))
    return "\n\n".join(p for p in parts if p)


def _html_title(parser: _HTMLArticle) -> str:
    for candidate in ("".join(parser.h1), parser.meta.get("og:title", ""),
                      "".join(parser.title_tag)):  # fmt: skip
        if candidate.strip():
            return " ".join(candidate.split())
    return ""


def _html_meta(parser: _HTMLArticle, source: str, sink: Sink) -> dict[str, Any]:
    raw: dict[str, str] = {}
    dates = [parser.meta[k] for k in _DATE_META if parser.meta.get(k)]
    dates += parser.times + _ld_dates(parser.ld_json)
    parsed = next((d for d in dates if parse_date(d) is not None), None)
    if parsed is not None:
        raw["published"] = parsed
    elif dates:
        raw["published"] = dates[0]  # unreadable: meta_from_mapping warns about it
    url = parser.canonical or parser.meta.get("og:url", "")
    if url:
        raw["url"] = url
    return meta_from_mapping(raw, source, None, sink)


def _ld_dates(blocks: list[str]) -> list[str]:
    return re.findall(r'"datePublished"\s*:\s*"([^"]{1,80})"', "".join(blocks))
