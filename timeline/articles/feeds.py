"""RSS and Atom feed files (.rss .atom .xml): each item an article, with its link, date
and text (the item's full content, else its summary), read by feedparser.

feedparser copes with every feed dialect in use (RSS 0.9x-2.0, RSS 1.0/RDF, Atom 0.3 and
1.0), their date formats and encodings, and sanitizes the items' HTML; it resolves no
external entities and fetches nothing when given bytes. An item is ``FILE#N`` in reports,
like a record of a JSON list.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from timeline.articles.metadata import apply_meta, clean, meta_from_mapping
from timeline.articles.problems import Sink, Skip
from timeline.model import SEPARATOR, Article

# Elements after which a feed item's HTML starts a new paragraph.
_BLOCKS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr")


def read_feed(data: bytes, source: str, sink: Sink) -> Iterator[Article]:
    """The items of a feed; a file that is not a feed, or has no items, is a ``Skip``."""
    import feedparser

    parsed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=False)
    if not parsed.entries:
        if parsed.get("bozo") and not parsed.get("version"):
            problem = str(parsed.get("bozo_exception", "")).split("\n")[0][:120]
            raise Skip(f"not an RSS or Atom feed ({problem or 'no feed element'})")
        raise Skip("no items in the feed" if parsed.get("version") else "not an RSS or Atom feed")
    if parsed.get("bozo"):
        problem = str(parsed.get("bozo_exception", "")).split("\n")[0][:120]
        sink.warn(source, f"feed is not well-formed ({problem}); read as far as it goes")
    outlet = (parsed.feed.get("title") or "").strip()
    for index, entry in enumerate(parsed.entries, 1):
        try:
            yield _article(entry, outlet, source, index, sink)
        except Skip as skip:
            sink.skip(source, f"item {index}: {skip.reason}")


def _article(entry: Any, outlet: str, source: str, index: int, sink: Sink) -> Article:
    text = _item_text(entry)
    if not text:
        raise Skip("no text: the item has neither content nor a summary")
    raw = {
        "title": entry.get("title"),
        "url": entry.get("link"),
        "source": outlet or None,
        "author": _authors(entry),
        "image": _image(entry),
    }
    meta = meta_from_mapping({k: v for k, v in raw.items() if v}, source, None, sink)
    article = Article(text=text, source=source, title=meta.pop("title", ""), record=index)
    apply_meta(article, meta)
    published = _entry_date(entry)
    if published is not None:
        article.published, article.published_source = published, "feed"
    return article


def _item_text(entry: Any) -> str:
    """The longest of the item's content blocks and its summary, as paragraphs of text."""
    candidates = [c.get("value", "") for c in entry.get("content", [])]
    candidates.append(entry.get("summary", ""))
    texts = [_html_to_text(c) for c in candidates if c and c.strip()]
    return max(texts, key=len, default="")


def _html_to_text(fragment: str) -> str:
    from lxml import etree, html

    try:
        root = html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return clean(" ".join(fragment.split()))
    etree.strip_elements(root, "script", "style", with_tail=False)
    for element in root.iter(*_BLOCKS):
        element.tail = "\n\n" + (element.tail or "")
    paragraphs = (" ".join(p.split()) for p in root.text_content().split("\n\n"))
    return clean("\n\n".join(p for p in paragraphs if p))


def _entry_date(entry: Any) -> date | None:
    """Publication date, else the update date (feeds often give only that), in UTC."""
    for key in ("published_parsed", "created_parsed", "updated_parsed"):
        parsed = entry.get(key)
        if parsed:
            try:  # feedparser gives a struct_time already in UTC
                return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
            except (ValueError, TypeError):
                continue
    return None


def _authors(entry: Any) -> str | None:
    names = [a.get("name", "") for a in entry.get("authors", []) if a.get("name")]
    return SEPARATOR.join(names) if names else entry.get("author")


def _image(entry: Any) -> str | None:
    """The item's image: media:content/thumbnail, else an image enclosure."""
    for key in ("media_content", "media_thumbnail"):
        for media in entry.get(key, []):
            if media.get("url") and media.get("medium", "image") == "image":
                return media["url"]
    for link in entry.get("links", []):
        if link.get("rel") == "enclosure" and str(link.get("type", "")).startswith("image/"):
            return link.get("href")
    return None
