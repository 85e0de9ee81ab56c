"""Metadata checked the same way from front matter, JSON fields, sidecars, HTML and feeds:
title, publication date, URL, outlet, author, lead image; every field ignored is a warning."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from timeline.articles.problems import Sink, type_name
from timeline.dates import parse_date
from timeline.model import SEPARATOR, Article
from timeline.names import printable

SIDECAR_SUFFIX = ".meta.json"
TEXT_FIELDS = ("text", "body", "content")
TITLE_FIELDS = ("title", "headline")
DATE_FIELDS = ("published", "date", "published_at", "publication_date", "pubdate")
URL_FIELDS = ("url", "link")
OUTLET_FIELDS = ("source", "outlet", "site_name", "sitename")
AUTHOR_FIELDS = ("author", "byline", "authors")
IMAGE_FIELDS = ("image", "image_url", "og:image")
LANGUAGE_FIELDS = ("language", "lang", "inlanguage")


def meta_from_mapping(
    raw: dict[str, Any], source: str, line: int | None, sink: Sink
) -> dict[str, Any]:
    """Checked metadata (title, published, url, outlet, author, image, language) from front
    matter, JSON, a sidecar, an HTML page or a feed entry."""
    meta: dict[str, Any] = {}
    fields = {k.lower() if isinstance(k, str) else k: v for k, v in raw.items()}
    title = _first_str(fields, TITLE_FIELDS, source, line, sink)
    if title is not None:
        meta["title"] = clean(" ".join(title.split()))
    value = next((fields[k] for k in DATE_FIELDS if fields.get(k) not in (None, "")), None)
    if value is not None:
        parsed = parse_date(value) if isinstance(value, str) else None
        if parsed is None:
            sink.warn(
                source,
                f"publication date {str(value)[:60]!r} not understood; ignored (use YYYY-MM-DD)",
                line,
            )
        else:
            meta["published"] = parsed
    for key, names in (("url", URL_FIELDS), ("image", IMAGE_FIELDS)):
        link = _first_str(fields, names, source, line, sink)
        if link is not None and not SURROGATE.search(link):  # surrogates: warned already
            if _URL.match(link.strip()):
                meta[key] = link.strip()
            else:
                shown = printable(link[:60])
                sink.warn(source, f"{key} '{shown}' ignored: only http(s) URLs are kept", line)
    # the outlet's name; Article.source stays the file, so reports name the input
    for key, names in (("outlet", OUTLET_FIELDS), ("author", AUTHOR_FIELDS)):
        name = _first_str(fields, names, source, line, sink, lists=key == "author")
        if name is not None and name.strip():
            meta[key] = clean(" ".join(name.split()))
    given = _first_str(fields, LANGUAGE_FIELDS, source, line, sink)
    if given is not None and given.strip():
        from timeline.lang import language_code

        code = language_code(given)
        if code is None:
            shown = printable(given.strip()[:40])
            sink.warn(source, f"language {shown!r} not supported; detected from the text", line)
        else:
            meta["language"] = code
    return meta


# No whitespace, controls or lone surrogates: a URL that any writer and browser accepts.
_URL = re.compile(r"https?://[^\s\x00-\x1f\x7f\ud800-\udfff]+$", re.IGNORECASE)


def _first_str(
    fields: dict[Any, Any],
    names: tuple[str, ...],
    source: str,
    line: int | None,
    sink: Sink,
    lists: bool = False,
) -> str | None:
    """The first of ``names`` that holds text (``lists``: a list of names is joined)."""
    for name in names:
        value = fields.get(name)
        if value is None:
            continue
        if lists and isinstance(value, list) and all(isinstance(v, str) for v in value):
            value = SEPARATOR.join(v for v in value if v.strip())
        if not isinstance(value, str):
            reason = f"field {name!r} is {type_name(value)}, expected text; ignored"
            sink.warn(source, reason, line)
            continue
        if SURROGATE.search(value):
            reason = f"field {name!r} holds a lone surrogate (not valid Unicode); "
            reason += "ignored" if name in URL_FIELDS else "replaced with U+FFFD"
            sink.warn(source, reason, line)
        return value
    return None


def apply_meta(article: Article, meta: dict[str, Any]) -> None:
    for key, value in meta.items():
        setattr(article, key, value)


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)


MAX_FRONT_MATTER = 64 * 1024  # front matter is a few lines; past this it is not read


_FRONT_MATTER_OPEN = re.compile(r"\A---[ \t]*\n[A-Za-z_][\w -]{0,40}:")


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """``key: value`` lines between ``---`` lines at the very top, and the rest."""
    raw, body, _ = _split_front_matter(text)
    return raw, body


def _split_front_matter(text: str) -> tuple[dict[str, str], str, list[str]]:
    """Front matter, the rest, and the problems a reader should hear about."""
    if not text.startswith("---"):
        return {}, text, []
    match = _FRONT_MATTER.match(text[:MAX_FRONT_MATTER])
    if match is None:
        if _FRONT_MATTER_OPEN.match(text):
            kb = MAX_FRONT_MATTER // 1024
            return (
                {},
                text,
                [
                    f"front matter not closed by a '---' line within its first {kb} KB; "
                    "read as text, so its title and date are not used"
                ],
            )
        return {}, text, []
    raw: dict[str, str] = {}
    twice: list[str] = []
    for line in match.group(1).split("\n"):
        key, sep, value = line.partition(":")
        if sep and key.strip() and not key.startswith((" ", "\t", "#")):
            key = key.strip().lower()
            if key in raw and key not in twice:
                twice.append(key)
            raw[key] = value.strip().strip("'\"")
    if not raw:  # a Markdown rule, not front matter
        return {}, text, []
    problems = []
    if twice:
        keys = ", ".join(repr(printable(k)) for k in twice[:5])
        problems.append(f"duplicate key {keys} in the front matter; the last value is used")
    return raw, text[match.end() :], problems


def front_matter(text: str, source: str, sink: Sink) -> tuple[dict[str, str], str]:
    raw, body, problems = _split_front_matter(text)
    for problem in problems:
        sink.warn(source, problem)
    return raw, body


_UNWRITABLE = re.compile("[\ud800-\udfff\x00]")


SURROGATE = re.compile("[\ud800-\udfff]")


def clean(text: str) -> str:
    """JSON can carry lone surrogates and NULs; no UTF-8 file can hold the former."""
    return _UNWRITABLE.sub(lambda m: "" if m.group() == "\x00" else "\ufffd", text)


def finish(article: Article, sidecar: dict[str, Any], default: date | None) -> Article:
    """The sidecar's metadata over the file's, then the caller's default date; says where
    the publication date came from."""
    apply_meta(article, sidecar)
    if "published" in sidecar or (article.published and not article.published_source):
        article.published_source = "metadata"
    if article.published is None and default is not None:
        article.published, article.published_source = default, "default"
    return article
