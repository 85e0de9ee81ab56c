"""WARC files (issue 14): the pages and feeds a crawler saved, one article per record."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

import timeline
from timeline.articles import read_articles
from timeline.model import Report

FIXTURES = Path(__file__).parent / "fixtures"


def write_warc(path: Path, records: list[tuple[str, str, bytes]], gzip: bool) -> None:
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzip)
        for url, content_type, body in records:
            request = writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET /"))
            writer.write_record(request)
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], "HTTP/1.1")
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=headers
            )
            writer.write_record(record)


RECORDS = [
    ("https://news.example.com/a", "text/html; charset=utf-8",
     (FIXTURES / "pages" / "gazette_disagreeing_dates.html").read_bytes()),
    ("https://news.example.com/logo.png", "image/png", b"\x89PNG\r\n\x1a\n"),
    ("https://news.example.com/feed", "application/rss+xml",
     (FIXTURES / "feeds" / "wire.rss").read_bytes()),
    ("https://news.example.com/menu", "text/html",
     (FIXTURES / "pages" / "only_navigation.html").read_bytes()),
]  # fmt: skip


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_responses_are_articles(tmp_path, name) -> None:
    path = tmp_path / name
    write_warc(path, RECORDS, gzip=name.endswith(".gz"))
    report = Report()
    articles = list(read_articles(tmp_path, report=report))
    assert [a.id for a in articles] == [f"{path}#1", f"{path}#2", f"{path}#2"]
    page = articles[0]
    assert page.title == "Harbour bridge reopens after repairs"
    assert page.url == "https://gazette.example.org/local/harbour-bridge-reopens"
    assert page.published_source == "html:meta"
    assert [a.title for a in articles[1:]] == [
        "Ceasefire talks resume in Doha",
        "Prisoner exchange completed",
    ]
    reasons = sorted(s.reason for s in report.skipped)
    assert reasons[0].startswith("https://news.example.com/menu: no article text found")
    assert "item 3: no text" in reasons[1]
    assert "1 response(s) that are not pages or feeds ignored" in report.warnings[0].reason
    frame = timeline.extract(path)
    assert "2024-06-10" in set(frame["value"])


def test_a_file_that_is_not_a_warc_is_a_skip(tmp_path) -> None:
    path = tmp_path / "x.warc"
    path.write_bytes(b"this is not an archive\n" * 10)
    report = Report()
    assert list(read_articles(path, report=report)) == []
    assert report.skipped[0].reason.startswith("not a readable WARC file")
