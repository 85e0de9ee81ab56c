"""URLs, fetched only when asked (``read_articles(..., fetch=True)``, ``--fetch``).

Each URL is fetched once per run, one at a time, politely: a user agent that names the
tool, robots.txt respected (its ``Crawl-delay`` too, else a pause between two requests to
one host), a timeout, a size cap, and a cache on disk so that a second run asks nothing of
the site. A page is read like a saved ``.html`` file, a feed like a ``.rss`` file; every
failure (an HTTP error, a timeout, robots.txt, a size, a content type) is one skip naming
the URL, like a bad file. Only http(s) URLs, also after redirects.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
import urllib.robotparser
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from timeline.articles.encodings import decode_html
from timeline.articles.feeds import read_feed
from timeline.articles.html import parse_html
from timeline.articles.metadata import finish
from timeline.articles.problems import Sink, Skip
from timeline.model import Article
from timeline.names import printable

URL = re.compile(r"https?://[^\s\x00-\x1f\x7f]+$", re.IGNORECASE)
USER_AGENT = "timeline/0.1 (news timeline tool; +https://pypi.org/project/news-timeline/)"
TIMEOUT = 20.0  # seconds for one request
MAX_PAGE_BYTES = 10 * 1024 * 1024  # bigger answers are refused, not read
MAX_CRAWL_DELAY = 10.0  # a robots.txt asking for more is obeyed up to this
PAUSE = 1.0  # seconds between two requests to one host when robots.txt sets no delay
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml")


def default_cache() -> Path:
    """``$XDG_CACHE_HOME/timeline/pages`` (``~/.cache/timeline/pages``)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "timeline" / "pages"


@dataclass
class Fetcher:
    """How URLs are fetched; ``cache=None`` keeps nothing on disk."""

    cache: Path | None = field(default_factory=default_cache)
    timeout: float = TIMEOUT
    max_bytes: int = MAX_PAGE_BYTES
    user_agent: str = USER_AGENT
    pause: float = PAUSE
    # host -> its robots.txt rules, or why they cannot be had (then nothing is fetched)
    _robots: dict[str, urllib.robotparser.RobotFileParser | str] = field(default_factory=dict)
    _last: dict[str, float] = field(default_factory=dict)  # host -> time of the last request

    def articles(self, url: str, default: date | None, sink: Sink) -> Iterator[Article]:
        """The article (a page) or articles (a feed) at ``url``; a problem is a skip."""
        source = printable(url)
        try:
            body, kind, charset = self._get(url)
            if kind == "feed":
                for article in read_feed(body, source, sink):
                    yield finish(_with_url(article, url), {}, default)
                return
            text = decode_page(body, charset, source, sink)
            yield finish(_with_url(parse_html(text, source, sink), url), {}, default)
        except Skip as skip:
            sink.skip(source, skip.reason)

    # --- one URL ---------------------------------------------------------------------------

    def _get(self, url: str) -> tuple[bytes, str, str | None]:
        cached = self._cached(url)
        if cached is not None:
            return cached
        self._check_robots(url)
        status, headers, body = self._request(url)
        if status >= 400:
            raise Skip(f"HTTP {status}: the server did not give the page")
        kind, charset = content_kind(headers.get("content-type", ""), body)
        self._store(url, body, kind, charset)
        return body, kind, charset

    def _request(self, url: str) -> tuple[int, Any, bytes]:
        self._wait(url)
        request = urllib.request.Request(url, headers={"User-Agent": self.user_agent})
        opener = urllib.request.build_opener(_HttpOnlyRedirects)
        try:
            with opener.open(request, timeout=self.timeout) as answer:
                return answer.status, answer.headers, self._read(answer)
        except urllib.error.HTTPError as error:
            return error.code, error.headers, b""
        except urllib.error.URLError as error:
            raise Skip(_network_reason(error.reason)) from None
        except TimeoutError:
            raise Skip(f"no answer within {self.timeout:g} s (timeout)") from None
        except (OSError, ValueError) as error:  # a reset connection, a bad status line
            raise Skip(f"cannot fetch it: {printable(str(error))[:120]}") from None
        finally:
            self._last[urllib.parse.urlsplit(url).netloc] = time.monotonic()

    def _read(self, answer: Any) -> bytes:
        length = answer.headers.get("content-length")
        if length and length.isdigit() and int(length) > self.max_bytes:
            raise Skip(self._too_big(int(length)))
        body = answer.read(self.max_bytes + 1)
        if len(body) > self.max_bytes:
            raise Skip(self._too_big(len(body)))
        return body

    def _too_big(self, size: int) -> str:
        limit = self.max_bytes / 1024 / 1024
        return f"{size / 1024 / 1024:.1f} MB is over the {limit:g} MB limit for a fetched page"

    def _wait(self, url: str) -> None:
        host = urllib.parse.urlsplit(url).netloc
        robots = self._robots.get(host)
        delay = self.pause
        if not isinstance(robots, str | None) and robots.crawl_delay(self.user_agent) is not None:
            delay = min(float(robots.crawl_delay(self.user_agent) or 0), MAX_CRAWL_DELAY)
        last = self._last.get(host)
        if last is not None:
            time.sleep(max(0.0, last + delay - time.monotonic()))

    # --- robots.txt -------------------------------------------------------------------------

    def _check_robots(self, url: str) -> None:
        """``Skip`` unless the site's robots.txt lets this user agent fetch ``url``."""
        parts = urllib.parse.urlsplit(url)
        host = printable(parts.netloc)
        if parts.netloc not in self._robots:
            self._robots[parts.netloc] = self._load_robots(f"{parts.scheme}://{parts.netloc}")
        robots = self._robots[parts.netloc]
        if isinstance(robots, str):
            raise Skip(f"robots.txt of {host}: {robots}; not fetched")
        if not robots.can_fetch(self.user_agent, url):
            raise Skip(f"robots.txt of {host} disallows fetching it; not fetched")

    def _load_robots(self, root: str) -> urllib.robotparser.RobotFileParser | str:
        """The site's rules, or why there are none to go by. No robots.txt (a 4xx) allows
        everything; a server error disallows everything, as RFC 9309 asks."""
        robots = urllib.robotparser.RobotFileParser(root + "/robots.txt")
        try:
            status, _, body = self._request(root + "/robots.txt")
        except Skip as skip:
            return skip.reason
        if status >= 500:
            return f"HTTP {status} (a server error: the site is treated as closed)"
        robots.parse(body.decode("utf-8", "replace").splitlines() if status < 400 else [])
        return robots

    # --- the cache --------------------------------------------------------------------------

    def _paths(self, url: str) -> tuple[Path, Path] | None:
        if self.cache is None:
            return None
        key = hashlib.sha256(url.encode("utf-8", "surrogatepass")).hexdigest()
        # suffixes no reader takes: a cache inside an input folder is never read as articles
        return self.cache / f"{key}.body", self.cache / f"{key}.fetched"

    def _cached(self, url: str) -> tuple[bytes, str, str | None] | None:
        paths = self._paths(url)
        if paths is None or not paths[1].is_file():
            return None
        try:
            meta = json.loads(paths[1].read_text("utf-8"))
            return paths[0].read_bytes(), meta["kind"], meta.get("charset")
        except (OSError, ValueError, KeyError):
            return None  # a damaged entry: fetch again

    def _store(self, url: str, body: bytes, kind: str, charset: str | None) -> None:
        paths = self._paths(url)
        if paths is None:
            return
        try:
            paths[0].parent.mkdir(parents=True, exist_ok=True)
            paths[0].write_bytes(body)
            meta = {"url": url, "kind": kind, "charset": charset, "fetched": time.time()}
            paths[1].write_text(json.dumps(meta), "utf-8")  # written last: marks it complete
        except OSError:
            pass  # a cache that cannot be written only costs a fetch next time


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects to http(s) only (urllib would also follow ftp://)."""

    def redirect_request(
        self, req: Any, fp: Any, code: int, msg: str, headers: Any, newurl: str
    ) -> urllib.request.Request | None:
        if not URL.match(newurl):
            raise urllib.error.URLError(f"redirected to a URL that is not http(s): {newurl[:80]}")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def content_kind(content_type: str, body: bytes) -> tuple[str, str | None]:
    """ "html" or "feed" from the Content-Type (or, when it says nothing useful, the body)."""
    mime, _, params = content_type.partition(";")
    mime = mime.strip().lower()
    match = re.search(r"charset\s*=\s*\"?([\w.:-]+)", params, re.IGNORECASE)
    charset = match.group(1) if match else None
    if mime in _HTML_TYPES:
        return "html", charset
    if mime in _FEED_TYPES or mime.endswith("+xml"):
        return "feed", charset
    head = body[:1024].lstrip().lower()
    if mime in ("", "text/plain", "application/octet-stream"):
        if head.startswith((b"<!doctype html", b"<html")):
            return "html", charset
        if head.startswith(b"<?xml") or b"<rss" in head or b"<feed" in head:
            return "feed", charset
    raise Skip(f"not a web page or a feed (content type {printable(mime or 'none')!r})")


def decode_page(body: bytes, charset: str | None, source: str, sink: Sink) -> str:
    """The server's declared charset when it decodes the page, else the file rules."""
    if charset:
        try:
            return body.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_html(body, source, sink)


def _with_url(article: Article, url: str) -> Article:
    if not article.url:
        article.url = url
    return article


def _network_reason(reason: Any) -> str:
    if isinstance(reason, TimeoutError):
        return "no answer in time (timeout)"
    if isinstance(reason, socket.gaierror):
        return "cannot find the host (DNS lookup failed)"
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused by the server"
    return f"cannot fetch it: {printable(str(reason))[:120]}"


def url_list(data: bytes) -> list[str] | None:
    """The URLs of a text file that holds only URLs (one a line; ``#`` comments and blank
    lines allowed), else None."""
    try:
        lines = data.decode("utf-8-sig").splitlines()
    except UnicodeDecodeError:
        return None
    urls = [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]
    if urls and all(URL.match(u) for u in urls):
        return urls
    return None
