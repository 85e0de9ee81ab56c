"""RSS and Atom feed files (issue 14): every item an article with its date, link and text."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import timeline
from timeline.articles import read_articles
from timeline.model import Report

FEEDS = Path(__file__).parent / "fixtures" / "feeds"


def load(path: Path):
    report = Report()
    return list(read_articles(path, report=report)), report


def test_rss_items_are_articles_with_their_metadata() -> None:
    articles, report = load(FEEDS / "wire.rss")
    first, second = articles
    assert first.id == f"{FEEDS / 'wire.rss'}#1"
    assert first.title == "Ceasefire talks resume in Doha"
    assert first.url == "https://news.example.com/world/2025/03/05/ceasefire-talks-doha"
    assert (first.published, first.published_source) == (date(2025, 3, 5), "feed")
    assert first.outlet == "The Daily Wire Service" and first.author == "Jane Reporter"
    assert first.image == "https://news.example.com/img/doha.jpg"
    # the full content wins over the summary; its HTML is text, its script is gone
    assert first.text == (
        "Negotiators returned to Doha on Wednesday to resume talks on a ceasefire.\n\n"
        "The previous round collapsed on February 15, 2025."
    )
    assert second.text == "The exchange took place on Wednesday evening at the border crossing."
    assert second.published == date(2023, 11, 29)  # 21:00 +03:00 is still the 29th in UTC
    (skip,) = report.skipped  # the third item has no text: accounted for
    assert skip.reason == "item 3: no text: the item has neither content nor a summary"


def test_atom_entries_with_several_authors_and_an_image_enclosure() -> None:
    (entry,), report = load(FEEDS / "gazette.atom")
    assert entry.published == date(2024, 6, 11)  # published, not updated
    assert entry.author == "Tom Okafor; Ana Silva"
    assert entry.image == "https://gazette.example.org/media/bridge.jpg"
    assert entry.text.startswith("The harbour bridge reopened to traffic on Monday")
    assert not report.skipped and not report.warnings


def test_feed_items_give_events_dated_from_their_own_publication_date() -> None:
    frame = timeline.extract(FEEDS)
    assert {"2024-06-10", "2025-03-05", "2025-02-15"} <= set(frame["value"])
    assert "2024-07-04" not in set(frame["value"])  # the script in the item
    assert set(frame["outlet"]) == {"The Daily Wire Service", "Northern Gazette"}
    statuses = {s.source for s in frame.timeline.report.read}
    assert f"{FEEDS / 'wire.rss'}#2" in statuses


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b'<?xml version="1.0"?><urlset><url><loc>https://x.org/</loc></url></urlset>',
         "not an RSS or Atom feed"),
        (b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>',
         "no items in the feed"),
        (b"<rss><channel><item><title>broken", "item 1: no text"),  # recovered, empty
    ],
)  # fmt: skip
def test_xml_that_is_not_a_feed_is_a_skip_with_its_reason(tmp_path, content, reason) -> None:
    path = tmp_path / "a.xml"
    path.write_bytes(content)
    articles, report = load(path)
    assert articles == [] and report.skipped[0].reason.startswith(reason)


def test_a_malformed_feed_with_items_loads_with_a_warning(tmp_path) -> None:
    path = tmp_path / "a.rss"
    path.write_bytes(
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item>'
        b"<title>A</title><description>Talks resumed on March 3, 2025 &amp; went on"
        b"</description></item><item><title>B &bogus;</title></item>"
    )
    articles, report = load(path)
    assert [a.title for a in articles] == ["A"]
    assert "feed is not well-formed" in report.warnings[0].reason


def test_feeds_resolve_no_external_entities(tmp_path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    path = tmp_path / "a.rss"
    path.write_text(
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file://{secret}">]>'
        '<rss version="2.0"><channel><title>T</title><item><title>A</title>'
        "<description>Talks resumed on March 3, 2025. &x;</description></item></channel></rss>"
    )
    articles, _ = load(path)
    assert all("TOP SECRET" not in a.text for a in articles)
