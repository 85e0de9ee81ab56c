"""Saved news pages (issue 14): the article's text, metadata and publication date, and none
of the page's boilerplate, through trafilatura and htmldate.

The fixtures in tests/fixtures/pages/ mimic real sites (menus, related links with dates,
comment sections, cookie banners, JSON-LD, several date metadata that disagree); what each
must give is in expected.json. benchmarks/bench_html.py reports the same figures for the
reader before this one.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

import timeline
from timeline.articles import read_articles
from timeline.model import Report

PAGES = Path(__file__).parent / "fixtures" / "pages"
EXPECTED = json.loads((PAGES / "expected.json").read_text(encoding="utf-8"))
ARTICLES = sorted(name for name, want in EXPECTED.items() if "skipped" not in want)


def read_page(name: str):
    report = Report()
    articles = list(read_articles(PAGES / name, report=report))
    return articles, report


@pytest.mark.parametrize("name", ARTICLES)
def test_page_gives_its_publication_date_and_where_it_was_found(name: str) -> None:
    (article,), _ = read_page(name)
    want = EXPECTED[name]
    assert article.published == date.fromisoformat(want["published"])
    assert article.published_source == want["published_source"]


@pytest.mark.parametrize("name", ARTICLES)
def test_page_gives_its_metadata(name: str) -> None:
    (article,), _ = read_page(name)
    want = EXPECTED[name]
    assert article.title == want["title"]
    if want["outlet"] is not None:  # None: what the page gives is not checked
        assert article.outlet == want["outlet"]
    assert article.author == want["author"]
    assert article.url == want["url"]
    assert article.image == want["image"]


@pytest.mark.parametrize("name", ARTICLES)
def test_page_keeps_the_article_and_drops_the_boilerplate(name: str) -> None:
    (article,), _ = read_page(name)
    want = EXPECTED[name]
    missing = [s for s in want["with"] if s not in article.text]
    kept = [s for s in want["without"] if s in article.text]
    assert missing == [] and kept == []
    assert not article.text.startswith(article.title)  # the headline is the title only


@pytest.mark.parametrize("name", ARTICLES)
def test_boilerplate_dates_make_no_events(name: str) -> None:
    frame = timeline.extract(PAGES / name)
    assert len(frame) >= 1  # the article's own events are there
    assert set(frame["value"]) & set(EXPECTED[name]["boilerplate_dates"]) == set()


def test_relative_dates_are_read_from_the_original_publication_date() -> None:
    # published 2024-06-11 (updated 2024-06-14): "on Monday" is June 10, not June 10 + 7
    frame = timeline.extract(PAGES / "gazette_disagreeing_dates.html")
    reopened = frame[frame["label"].str.contains("reopened")]
    assert list(reopened["value"]) == ["2024-06-10"]


def test_page_metadata_reaches_the_frame() -> None:
    frame = timeline.extract(PAGES / "wire_jsonld.html")
    want = EXPECTED["wire_jsonld.html"]
    row = frame.iloc[0]
    for column in ("title", "outlet", "author", "url", "image"):
        assert row[column] == want[column], column
    assert frame["outlets"].eq(want["outlet"]).all()


def test_a_page_that_is_only_navigation_is_a_skip_with_its_reason() -> None:
    articles, report = read_page("only_navigation.html")
    assert articles == []
    (skip,) = report.skipped
    assert skip.reason.startswith(EXPECTED["only_navigation.html"]["skipped"])


def test_a_page_without_any_date_gets_none_rather_than_a_guess(tmp_path) -> None:
    page = tmp_path / "undated.html"
    page.write_text(
        "<html><head><title>Council meets</title></head><body><article><h1>Council meets"
        "</h1><p>The council met to discuss the new budget and the state of the roads. "
        "Members argued for hours about the cost of repairs and the timetable for them."
        "</p><p>No decision was taken, and the debate will continue at the next meeting, "
        "the chair said after the session closed.</p></article></body></html>"
    )
    (article,), report = read_page(page)
    assert article.published is None and article.published_source == ""
    assert not report.skipped


def test_the_sidecar_still_wins_over_the_page(tmp_path) -> None:
    page = tmp_path / "p.html"
    page.write_bytes((PAGES / "wire_jsonld.html").read_bytes())
    (tmp_path / "p.meta.json").write_text('{"published": "2025-03-04", "source": "Desk copy"}')
    (article,), _ = read_page(page)
    assert article.published == date(2025, 3, 4) and article.published_source == "metadata"
    assert article.outlet == "Desk copy"
