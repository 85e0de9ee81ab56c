"""One file to its articles: the reader for its format, its sidecar, the default date."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from timeline.articles.encodings import decode_html, decode_text
from timeline.articles.feeds import read_feed
from timeline.articles.fetch import Fetcher, url_list
from timeline.articles.files import open_file, read_bytes, stat_file
from timeline.articles.html import parse_html
from timeline.articles.markdown import parse_markdown
from timeline.articles.metadata import SIDECAR_SUFFIX, finish, meta_from_mapping
from timeline.articles.problems import Sink, Skip
from timeline.articles.records import load_json, read_json, read_jsonl
from timeline.articles.text import parse_txt
from timeline.articles.warc import read_warc
from timeline.model import Article
from timeline.names import display_name, has_undecodable_bytes, printable

FORMATS = {
    ".txt": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
    ".warc": "warc",
    ".warc.gz": "warc",
}


def format_of(path: Path) -> str | None:
    """The format of ``path`` by its suffix (two for ``.warc.gz``), or None."""
    name = path.name.lower()
    for suffix, kind in FORMATS.items():
        if name.endswith(suffix) and name != suffix:
            return kind
    return None


def read_file(
    path: Path, kind: str, default: date | None, sink: Sink, fetcher: Fetcher | None = None
) -> Iterator[Article]:
    """All articles of one file; a problem with the file as a whole becomes one skip. A
    ``.txt`` that holds only URLs is a list of pages to fetch."""
    source = display_name(path)
    if has_undecodable_bytes(path):
        sink.warn(source, "file name is not valid UTF-8; shown with \\x escapes for its bytes")
    try:
        urls = _urls_in(path) if kind == "txt" else None
        if urls is not None:
            if fetcher is None:
                raise Skip(f"a list of {len(urls)} URL(s): {NOT_FETCHED}")
            for url in urls:
                yield from fetcher.articles(url, default, sink)
            return
        yield from _READERS[kind](path, source, default, sink)
    except Skip as skip:
        sink.skip(source, skip.reason, skip.line)


def _urls_in(path: Path) -> list[str] | None:
    """The URLs of a .txt that holds only URLs; None (after reading 8 bytes) for prose."""
    stat_file(path)  # a FIFO or a device is a skip here, never opened (it could block)
    with open_file(path) as f:
        head = f.read(8).lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if not head.startswith((b"http", b"#")):
        return None
    return url_list(read_bytes(path))


NOT_FETCHED = "not fetched: nothing goes to the network unless asked (--fetch, fetch=True)"


def read_url(
    url: str, default: date | None, sink: Sink, fetcher: Fetcher | None
) -> Iterator[Article]:
    """The page or feed at ``url`` when fetching was asked for; else one skip saying so."""
    if fetcher is None:
        sink.skip(printable(url), f"a URL: {NOT_FETCHED}")
        return
    yield from fetcher.articles(url, default, sink)


Reader = Callable[[Path, str, "date | None", Sink], Iterator[Article]]


def _one_article(
    decode: Callable[[bytes, str, Sink], str], parse: Callable[[str, str, Sink], Article]
) -> Reader:
    """The reader of a format that holds one article per file (.txt, .md, .html)."""

    def read(path: Path, source: str, default: date | None, sink: Sink) -> Iterator[Article]:
        data = read_bytes(path)
        meta = sidecar(path, sink)
        yield finish(parse(decode(data, source, sink), source, sink), meta, default)

    return read


def _json_file(path: Path, source: str, default: date | None, sink: Sink) -> Iterator[Article]:
    data = read_bytes(path)
    meta = sidecar(path, sink)
    for article in read_json(data, source, sink):
        yield finish(article, meta, default)


def _feed_file(path: Path, source: str, default: date | None, sink: Sink) -> Iterator[Article]:
    data = read_bytes(path)
    meta = sidecar(path, sink)
    for article in read_feed(data, source, sink):
        yield finish(article, meta, default)


def _json_lines(path: Path, source: str, default: date | None, sink: Sink) -> Iterator[Article]:
    return read_jsonl(path, default, sink)  # streamed: no sidecar, no whole-file read


_READERS: dict[str, Reader] = {
    "txt": _one_article(decode_text, parse_txt),
    "md": _one_article(decode_text, parse_markdown),
    "html": _one_article(decode_html, parse_html),
    "json": _json_file,
    "jsonl": _json_lines,
    "feed": _feed_file,
    "warc": lambda path, source, default, sink: read_warc(path, default, sink),
}


def sidecar(path: Path, sink: Sink) -> dict[str, Any]:
    """``NAME.meta.json`` next to ``NAME.ext``, checked; problems are warnings."""
    meta_path = path.with_name(path.stem + SIDECAR_SUFFIX)
    if meta_path == path or not meta_path.is_file():
        return {}
    source = display_name(meta_path)
    try:
        value = load_json(decode_text(read_bytes(meta_path), source, sink), None, source, sink)
    except Skip as skip:
        sink.warn(source, f"sidecar ignored: {skip.reason}")
        return {}
    if not isinstance(value, dict):
        sink.warn(source, "sidecar ignored: expected a JSON object of metadata")
        return {}
    return meta_from_mapping(value, source, None, sink)
