"""WARC files (.warc, .warc.gz: what web archives and crawlers write), read by warcio.

Each HTTP response record holding a web page or a feed is read like a fetched URL: an
article ``FILE#N`` (N counts the records read) whose URL is the record's target. The file
is streamed one record at a time, whatever its size; a record over the page size cap is
skipped, not read. Requests, metadata records and responses of other types (images,
scripts) are not articles and are counted in one note.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import IO

from timeline.articles.feeds import read_feed
from timeline.articles.fetch import MAX_PAGE_BYTES, content_kind, decode_page
from timeline.articles.files import open_file, stat_file
from timeline.articles.html import parse_html
from timeline.articles.metadata import finish
from timeline.articles.problems import Sink, Skip
from timeline.model import Article
from timeline.names import display_name, printable


def read_warc(path: Path, default: date | None, sink: Sink) -> Iterator[Article]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    source = display_name(path)
    stat_file(path)
    records = pages = other = 0
    with open_file(path) as stream:
        if not _looks_like_warc(stream):
            raise Skip("not a readable WARC file: it does not start with a WARC/ record")
        try:
            for record in ArchiveIterator(stream):
                records += 1
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI") or ""
                content_type = record.http_headers.get_header("Content-Type") or ""
                body = record.content_stream().read(MAX_PAGE_BYTES + 1)
                try:
                    kind, charset = content_kind(content_type, body)
                except Skip:
                    other += 1
                    continue
                pages += 1
                yield from _articles(body, kind, charset, url, source, pages, default, sink)
        except ArchiveLoadFailed as error:
            reason = f"not a readable WARC file: {printable(str(error))[:120]}"
            if not pages:
                raise Skip(reason) from None
            sink.skip(source, f"{reason} (after record {pages})")
    if not records:
        raise Skip("not a readable WARC file: no WARC records in it")
    if not pages:
        raise Skip(f"no web pages or feeds in the WARC file ({other} other responses)")
    if other:
        sink.warn(source, f"{other} response(s) that are not pages or feeds ignored")


def _looks_like_warc(stream: IO[bytes]) -> bool:
    """A WARC (plain or gzipped record by record) starts with "WARC/"; warcio itself
    would read any bytes as records, with warnings on stderr."""
    head = stream.read(64 * 1024)
    stream.seek(0)
    if head.startswith(b"\x1f\x8b"):
        try:
            head = zlib.decompressobj(wbits=31).decompress(head, 16)
        except zlib.error:
            return False
    return head.startswith(b"WARC/")


def _articles(
    body: bytes,
    kind: str,
    charset: str | None,
    url: str,
    source: str,
    index: int,
    default: date | None,
    sink: Sink,
) -> Iterator[Article]:
    where = f"{source}#{index}"
    try:
        if len(body) > MAX_PAGE_BYTES:
            raise Skip(f"record over the {MAX_PAGE_BYTES // 1024 // 1024} MB limit for a page")
        if kind == "feed":
            for article in read_feed(body, where, sink):
                yield finish(_at(article, url, source, index), {}, default)
            return
        article = parse_html(decode_page(body, charset, where, sink), where, sink)
        yield finish(_at(article, url, source, index), {}, default)
    except Skip as skip:
        sink.skip(where, f"{printable(url)[:100]}: {skip.reason}")


def _at(article: Article, url: str, source: str, index: int) -> Article:
    """Named as the record ``FILE#N``; the page's own URL, else the record's."""
    article.source, article.record = source, index
    if not article.url and url.startswith(("http://", "https://")):
        article.url = url
    return article
