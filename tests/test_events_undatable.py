"""Undatable events are kept with an unknown date, not dropped, and not drawn on the axis
(issue 11): a plan without a date, what did not happen, the happenings of an article
without a publication date. In the frame: ``start`` NaT, ``value`` "", ``date_basis``
"unknown", their ``modality`` set; the chart counts them in its note, the page lists them
under "Undated" (or with what did not happen), TimelineJS names them on its title slide."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest

import timeline
from timeline.export import to_html, to_timelinejs
from timeline.model import DATE_BASES, UNKNOWN_DATE, Article

TEXT = (
    "Vestas opened a turbine factory in Aarhus on 3 April 2024.\n"
    "Vestas chief Henrik Andersen will open a second factory in Gdansk.\n"
    "Orsted did not buy the Gdansk site.\n"
)
PUBLISHED = date(2024, 4, 5)


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    article = Article(text=TEXT, source="wind.txt", title="Wind", published=PUBLISHED)
    return timeline.extract([article])


def row_of(df: pd.DataFrame, word: str) -> dict:
    (row,) = df[df["label"].str.contains(word, regex=False)].to_dict("records")
    return row


def test_unknown_is_a_documented_date_basis() -> None:
    assert UNKNOWN_DATE in DATE_BASES


def test_a_plan_and_a_negation_without_a_date_are_kept_undated(frame: pd.DataFrame) -> None:
    assert row_of(frame, "Aarhus")["value"] == "2024-04-03"
    for word, modality in (("second factory", "planned"), ("did not buy", "negated")):
        row = row_of(frame, word)
        assert pd.isna(row["start"]) and pd.isna(row["end"])
        assert row["value"] == "" and row["date_basis"] == UNKNOWN_DATE
        assert row["modality"] == modality
    undated = frame.timeline.undated
    assert sorted(undated["modality"]) == ["negated", "planned"]
    assert list(frame.timeline.dated["value"]) == ["2024-04-03"]


def test_the_chart_does_not_draw_them_and_says_so(frame: pd.DataFrame) -> None:
    fig = frame.timeline.plot()
    drawn = [c[0] for t in fig.data if t.customdata is not None for c in t.customdata]
    assert len(drawn) == 1 and "Aarhus" in drawn[0]
    (note,) = [a.text for a in fig.layout.annotations if "not drawn" in a.text]
    assert "1 undated event not drawn" in note and "1 negated" in note


def test_the_page_lists_the_plan_as_undated(frame: pd.DataFrame, tmp_path: Path) -> None:
    page = to_html(frame, tmp_path / "wind.html").read_text(encoding="utf-8")
    undated = page.split('id="undated-heading"', 1)[1].split("</section>", 1)[0]
    assert "second factory" in undated and "date unknown" in undated
    left_off = page.split('id="left-off-heading"', 1)[1].split("</section>", 1)[0]
    assert "did not buy" in left_off


def test_timelinejs_names_the_plan_on_its_title_slide(frame: pd.DataFrame) -> None:
    story = to_timelinejs(frame)
    assert all("second factory" not in e["text"]["headline"] for e in story["events"])
    assert "second factory" in story["title"]["text"]["text"]


def test_an_article_without_a_publication_date_keeps_its_dateless_happenings() -> None:
    """No publication date, no news peg: a past-tense sentence without a date is kept
    undated; one that goes on with a dated sentence ("She ...") still takes its date."""
    text = (
        "Vestas chief Anna Holm opened a factory in Aarhus on 3 April 2024.\n"
        "She thanked the workers of the factory.\n"
        "Later, Siemens Gamesa closed its plant in Brande.\n"
    )
    frame = timeline.extract([Article(text=text, source="nodate.txt", title="Wind")])
    assert row_of(frame, "thanked")["value"] == "2024-04-03"
    assert row_of(frame, "thanked")["date_basis"] == "carried"
    closed = row_of(frame, "closed its plant")
    assert pd.isna(closed["start"]) and closed["date_basis"] == UNKNOWN_DATE
    assert closed["modality"] == "asserted"
