"""``.html``: a saved news page, read the way the best extractors read it.

trafilatura finds the main text (menus, related links, comment sections, cookie banners and
footers left out) and the page's title, author, site name, URL and lead image; htmldate,
which trafilatura calls, finds the publication date, the original one preferred to an
update. Every wrong publication date moves every relative date of the article
("Wednesday", "last year") and every kept related-links box brings false events, so the
options lean to precision; they are measured on tests/fixtures/pages by
benchmarks/bench_html.py (see docs/BAD_INPUT.md for the figures):

- ``favor_precision``: boilerplate out, at a small cost in article text;
- ``fast`` first (no fallback extractors: faster, and a page that is only navigation
  yields nothing rather than its menu as "text"); when it finds nothing, once more with
  the fallbacks (readability, jusText), which read pages made of bare ``<div>``s, and
  their result is kept only if it is not mostly the page's link text;
- ``include_comments=False``: readers' comments are not the article;
- htmldate ``original_date=True`` (publication before modification) and
  ``extensive_search=True`` (a date in the page text when the markup has none).

The libraries load on the first HTML page, not with ``timeline``.
"""

from __future__ import annotations

import re
from collections import Counter
from copy import deepcopy
from typing import Any

from timeline.articles.metadata import apply_meta, meta_from_mapping
from timeline.articles.problems import Sink, Skip
from timeline.dates import parse_date
from timeline.model import Article

EXTRACTION = {
    "favor_precision": True,
    "include_comments": False,
    "include_tables": True,
    "with_metadata": True,
    "deduplicate": False,
}
DATE_SEARCH = {"original_date": True, "extensive_search": True}
NO_TEXT = (
    "no article text found in the HTML (only navigation, links, scripts or forms); "
    "save the article page itself"
)

# Where htmldate found the date, in the order it looks (its own order, see find_date).
DATE_SOURCES = ("url", "meta", "json-ld", "page")


def parse_html(text: str, source: str, sink: Sink) -> Article:
    """Title, text and metadata of a saved page; ``Skip`` when it has no article text."""
    from trafilatura import bare_extraction
    from trafilatura.utils import load_html

    tree = load_html(text)
    if tree is None:
        raise Skip(NO_TEXT)
    original = _keep_inline_dates(tree)
    document = bare_extraction(tree, fast=True, date_extraction_params=DATE_SEARCH, **EXTRACTION)
    if document is None or not document.text:
        document = bare_extraction(tree, date_extraction_params=DATE_SEARCH, **EXTRACTION)
        if document is not None and _mostly_links(document.text, tree):
            document = None
    body = _paragraphs(document.text, document.title) if document is not None else ""
    if not body:
        raise Skip(NO_TEXT)
    raw: dict[str, Any] = {
        "title": _title(tree, document.title, document.sitename),
        "url": document.url,
        "source": document.sitename,
        "author": document.author,
        "image": document.image,
    }
    meta = meta_from_mapping({k: v for k, v in raw.items() if v}, source, None, sink)
    article = Article(text=body, source=source, title=meta.pop("title", ""))
    apply_meta(article, meta)
    found = document.date
    if not found and original is not tree:  # the date may be in a <time> we unwrapped
        from htmldate import find_date

        found = find_date(original, url=document.url, **DATE_SEARCH)
    if found:
        article.published = parse_date(found)
        article.published_source = "html:" + _date_source(original, document.url)
    return article


def _paragraphs(text: str | None, title: str | None) -> str:
    """trafilatura's lines as paragraphs; a first line that repeats the title is the
    headline, kept as ``Article.title`` only."""
    lines = [" ".join(line.split()) for line in (text or "").split("\n")]
    lines = [line for line in lines if line]
    if lines and title and lines[0] == " ".join(title.split()):
        lines = lines[1:]
    return "\n\n".join(lines)


def _date_source(tree: Any, url: str | None) -> str:
    """Which of htmldate's stages gave the date: the first that finds one is the one
    ``find_date`` returned. Its stage functions are internal to htmldate, so a change
    there gives "htmldate" rather than a wrong name."""
    try:
        from htmldate.core import examine_header
        from htmldate.extractors import extract_url_date, json_search
        from htmldate.utils import Extractor
        from htmldate.validators import get_max_date, get_min_date

        options = Extractor(True, get_max_date(None), get_min_date(None), True, "%Y-%m-%d")
        url = url or _canonical(tree)
        if extract_url_date(url, options):
            return "url"
        if examine_header(tree, options):
            return "meta"
        if json_search(tree, options):
            return "json-ld"
        return "page"
    except Exception:  # noqa: BLE001 - a label only; never lose the article for it
        return "htmldate"


def _keep_inline_dates(tree: Any) -> Any:
    """trafilatura drops ``<time>`` elements with their words, which is right for a
    byline but loses "on <time>Tuesday</time>" inside a paragraph: there, keep the words
    and drop only the tag. Returns the tree as it was, for htmldate (a copy only when
    something changed)."""
    inline = tree.xpath(".//p//time")
    if not inline:
        return tree
    original = deepcopy(tree)
    for element in inline:
        element.drop_tag()
    return original


def _mostly_links(text: str | None, tree: Any) -> bool:
    """True when most words of ``text`` are words of the page's links: a menu or an index
    of stories, not an article."""
    words = (text or "").split()
    if not words:
        return True
    unused = Counter(" ".join(a.text_content() for a in tree.iter("a")).split())
    found = 0
    for word in words:
        if unused[word] > 0:
            unused[word] -= 1
            found += 1
    return found >= 0.5 * len(words)


_TITLE_PARTS = re.compile(r"\s+[|\u2013\u2014:·»-]+\s+")


def _title(tree: Any, title: str | None, site: str | None) -> str:
    """trafilatura's title, unless it is only the site's name (a page whose ``<title>`` is
    "Headline — Site" and has no ``<h1>``): then the longest other part of ``<title>``
    or an ``og:title`` given with ``name=``."""
    title, site = " ".join((title or "").split()), " ".join((site or "").split())
    if title and (not site or title.casefold() not in site.casefold()):
        return title
    candidates = [m.get("content", "") for m in tree.iter("meta")
                  if (m.get("name") or "").lower() in ("og:title", "twitter:title")]  # fmt: skip
    head = tree.find(".//title")
    if head is not None and head.text_content():
        candidates += _TITLE_PARTS.split(head.text_content())
    candidates = [" ".join(c.split()) for c in candidates]
    better = [c for c in candidates if c and c.casefold() not in (site or title).casefold()]
    return max(better, key=len) if better else title


def _canonical(tree: Any) -> str | None:
    link = tree.find('.//link[@rel="canonical"]')
    return link.get("href") if link is not None else None
