"""URLs (issue 14): fetched only when asked, politely, each failure one report line.

A real HTTP server on 127.0.0.1, started here, serves pages, a feed, a robots.txt and
the ways a fetch goes wrong; nothing leaves the machine.
"""

from __future__ import annotations

import http.server
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import timeline
from timeline.articles import Fetcher, read_articles
from timeline.cli import EXIT_NOTHING_READ, EXIT_SKIPPED, main
from timeline.model import Report

FIXTURES = Path(__file__).parent / "fixtures"
PAGE = (FIXTURES / "pages" / "wire_jsonld.html").read_bytes()
FEED = (FIXTURES / "feeds" / "wire.rss").read_bytes()


class Site(http.server.BaseHTTPRequestHandler):
    """The test site; every request is recorded in ``Site.requests``."""

    requests: list[tuple[str, str]] = []
    robots = b"User-agent: *\nDisallow: /private/\n"
    robots_status = 200

    def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
        Site.requests.append((self.path, self.headers.get("User-Agent", "")))
        routes = {
            "/robots.txt": (Site.robots_status, "text/plain", Site.robots),
            "/news/ceasefire.html": (200, "text/html; charset=utf-8", PAGE),
            "/feed.rss": (200, "application/rss+xml", FEED),
            "/private/secret.html": (200, "text/html", PAGE),
            "/logo.png": (200, "image/png", b"\x89PNG\r\n\x1a\n" + b"\0" * 100),
            "/big.html": (200, "text/html", b"<p>" + b"x" * 2 * len(PAGE) + b"</p>"),
        }
        if self.path == "/slow.html":
            time.sleep(1.5)
        if self.path.startswith("/moved"):
            target = "ftp://127.0.0.1/x" if self.path == "/moved-ftp" else "/news/ceasefire.html"
            self.send_response(301)
            self.send_header("Location", target)
            self.end_headers()
            return
        status, kind, body = routes.get(self.path, (404, "text/html", b"<h1>Not found</h1>"))
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:  # quiet
        pass


@pytest.fixture
def site() -> Iterator[str]:
    Site.requests = []
    Site.robots, Site.robots_status = b"User-agent: *\nDisallow: /private/\n", 200
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def fetcher(tmp_path: Path, **options: object) -> Fetcher:
    return Fetcher(cache=tmp_path / "cache", pause=0, **options)  # type: ignore[arg-type]


def load(paths: object, fetch: object = False) -> tuple[list, Report]:
    report = Report()
    return list(read_articles(paths, report=report, fetch=fetch)), report  # type: ignore[arg-type]


def test_nothing_is_fetched_without_being_asked(site, tmp_path) -> None:
    listing = tmp_path / "urls.txt"
    listing.write_text(f"# to read\n{site}/news/ceasefire.html\n\n{site}/feed.rss\n")
    articles, report = load([f"{site}/news/ceasefire.html", listing])
    assert articles == [] and Site.requests == []
    reasons = [s.reason for s in report.skipped]
    assert reasons[0].startswith("a URL: not fetched") and "--fetch" in reasons[0]
    assert reasons[1].startswith("a list of 2 URL(s): not fetched")


def test_a_page_is_fetched_and_read_like_a_saved_page(site, tmp_path) -> None:
    url = f"{site}/news/ceasefire.html"
    (article,), report = load(url, fetcher(tmp_path))
    assert article.source == url and not report.skipped
    assert article.title == "Ceasefire talks resume in Doha"
    assert article.outlet == "The Daily Wire Service" and article.published_source == "html:url"
    assert [p for p, _ in Site.requests] == ["/robots.txt", "/news/ceasefire.html"]
    assert all(agent.startswith("timeline/") for _, agent in Site.requests)


def test_a_list_of_urls_in_a_text_file_and_a_feed(site, tmp_path) -> None:
    listing = tmp_path / "urls.txt"
    listing.write_text(f"{site}/news/ceasefire.html\n{site}/feed.rss\n")
    articles, report = load(listing, fetcher(tmp_path))
    assert [a.id for a in articles] == [
        f"{site}/news/ceasefire.html",
        f"{site}/feed.rss#1",
        f"{site}/feed.rss#2",
    ]
    assert [s.reason for s in report.skipped] == [
        "item 3: no text: the item has neither content nor a summary"
    ]
    assert Site.requests.count(("/robots.txt", Site.requests[0][1])) == 1  # once per host


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/private/secret.html", "disallows fetching it"),
        ("/nowhere.html", "HTTP 404"),
        ("/logo.png", "not a web page or a feed (content type 'image/png')"),
        ("/big.html", "MB limit for a fetched page"),
        ("/slow.html", "timeout"),
        ("/moved-ftp", "not http(s)"),
    ],
)
def test_each_failure_is_one_skip_naming_the_url(site, tmp_path, path, reason) -> None:
    fetch = fetcher(tmp_path, timeout=0.5, max_bytes=len(PAGE) + 100)
    articles, report = load([f"{site}{path}", f"{site}/moved"], fetch)
    (skip,) = report.skipped
    assert skip.source == f"{site}{path}" and reason in skip.reason
    assert [a.title for a in articles] == ["Ceasefire talks resume in Doha"]  # the run goes on
    if path == "/private/secret.html":
        assert ("/private/secret.html", Site.requests[0][1]) not in Site.requests


def test_a_robots_txt_that_fails_closes_the_site(site, tmp_path) -> None:
    Site.robots_status = 503
    articles, report = load(f"{site}/news/ceasefire.html", fetcher(tmp_path))
    assert articles == [] and "robots.txt" in report.skipped[0].reason
    assert [p for p, _ in Site.requests] == ["/robots.txt"]


def test_the_cache_answers_the_second_run(site, tmp_path) -> None:
    url = f"{site}/news/ceasefire.html"
    first, _ = load(url, fetcher(tmp_path))
    asked = len(Site.requests)
    second, _ = load(url, fetcher(tmp_path))
    assert len(Site.requests) == asked  # nothing asked of the site
    assert [a.text for a in second] == [a.text for a in first]
    assert not list((tmp_path / "cache").glob("*.json"))  # no file a reader would take


def test_unreachable_host_is_a_skip(tmp_path) -> None:
    import socket

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    articles, report = load(f"http://127.0.0.1:{port}/a.html", fetcher(tmp_path, timeout=2))
    assert articles == [] and "connection refused" in report.skipped[0].reason


def test_extract_and_the_command_line_fetch_only_with_fetch(site, tmp_path, capsys) -> None:
    url = f"{site}/news/ceasefire.html"
    assert main(["extract", url, "-q", "-o", str(tmp_path / "a.csv")]) == EXIT_NOTHING_READ
    assert Site.requests == []
    assert "not fetched" in capsys.readouterr().err
    cache = tmp_path / "cache"
    args = ["extract", url, f"{site}/nowhere.html", "--fetch", "--cache", str(cache)]
    assert main([*args, "-o", str(tmp_path / "b.csv")]) == EXIT_SKIPPED
    err = capsys.readouterr().err
    assert f"timeline: {site}/nowhere.html: HTTP 404" in err
    frame = timeline.extract(url, fetch=fetcher(tmp_path))
    assert set(frame["outlet"]) == {"The Daily Wire Service"} and set(frame["url"]) == {
        "https://news.example.com/world/2025/03/05/ceasefire-talks-doha"
    }
