"""What did not happen is not an event of the chart (issue 11): hypothetical and negated
events stay in the frame with their ``modality``, and the chart, the page and the story
exports leave them off by default, say so, and draw them on request; planned events stay,
marked "planned"."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import pytest

import timeline
from timeline.cli import EXIT_OK, main
from timeline.export import to_html, to_timelinejs, to_vis_timeline
from timeline.model import Article

TEXT = (
    "Boeing delivered 12 jets to Ryanair on 2 May 2024.\n"
    "If the deal had gone through, Boeing would have delivered 20 jets on 3 May 2024.\n"
    "Airbus did not sign the contract on 4 June 2024.\n"
    "Airbus plans to open a plant in Toulouse on 1 September 2024.\n"
)
PUBLISHED = date(2024, 6, 10)


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    article = Article(text=TEXT, source="jets.txt", title="Jets", published=PUBLISHED)
    return timeline.extract([article])


def modality_of(df: pd.DataFrame, word: str) -> str:
    (row,) = df[df["label"].str.contains(word, regex=False)].to_dict("records")
    return row["modality"]


def drawn(fig: go.Figure) -> list[str]:
    """The hover boxes of the drawn events."""
    return [c[0] for t in fig.data if t.customdata is not None for c in t.customdata]


def notes(fig: go.Figure) -> list[str]:
    return [a.text for a in fig.layout.annotations]


def test_the_frame_keeps_every_event_with_its_modality(frame: pd.DataFrame) -> None:
    assert len(frame) == 4
    assert modality_of(frame, "Ryanair") == "asserted"
    assert modality_of(frame, "20 jets") == "hypothetical"
    assert modality_of(frame, "did not sign") == "negated"
    assert modality_of(frame, "Toulouse") == "planned"
    off = frame.timeline.off_chart
    assert sorted(off["modality"]) == ["hypothetical", "negated"]


def test_the_chart_leaves_off_what_did_not_happen_and_says_how_many(frame) -> None:
    fig = timeline.plot(frame)
    boxes = drawn(fig)
    assert len(boxes) == 2
    assert any("Ryanair" in b for b in boxes) and any("Toulouse" in b for b in boxes)
    assert not any("20 jets" in b or "did not sign" in b for b in boxes)
    (note,) = notes(fig)
    assert note.startswith("2 events left off: did not happen or only might")
    assert "1 hypothetical, 1 negated" in note
    assert fig.layout.meta["timeline"]["events"] == 2
    (planned,) = [b for b in boxes if "Toulouse" in b]
    assert "<i>planned</i>" in planned
    assert "<i>planned</i>" not in next(b for b in boxes if "Ryanair" in b)


def test_all_modalities_draws_them_marked_and_without_the_note(frame) -> None:
    fig = timeline.plot(frame, all_modalities=True)
    boxes = drawn(fig)
    assert len(boxes) == 4
    assert "<i>hypothetical</i>" in next(b for b in boxes if "20 jets" in b)
    assert "<i>did not happen</i>" in next(b for b in boxes if "did not sign" in b)
    assert notes(fig) == []
    assert len(frame) == 4  # the chart filters; the frame is untouched


def test_one_note_tells_undated_and_left_off_events() -> None:
    df = pd.DataFrame(
        {
            "start": pd.to_datetime(["2024-05-02", None, "2024-06-04", "2024-06-05"]),
            "end": pd.to_datetime(["2024-05-03", None, "2024-06-05", "2024-06-06"]),
            "label": ["A happened", "B happened sometime", "C did not", "D did not either"],
            "modality": ["asserted", "asserted", "negated", "negated"],
        }
    )
    fig = timeline.plot(df)
    assert len(drawn(fig)) == 1
    (note,) = notes(fig)  # shared, not two notes over each other
    assert note == (
        "1 undated event not drawn (listed under the chart); "
        "2 events left off: did not happen or only might (2 negated)"
    )
    # a hand-made frame without the column draws everything
    assert len(drawn(timeline.plot(df.drop(columns="modality")))) == 3


def page_sections(page: str) -> dict[str, str]:
    """The page's sections by heading id."""
    found = re.findall(r'<section aria-labelledby="([\w-]+)">(.*?)</section>', page, re.S)
    return dict(found)


def test_the_page_lists_them_apart_marked_as_not_having_happened(frame, tmp_path) -> None:
    page = to_html(frame, tmp_path / "jets.html").read_text(encoding="utf-8")
    sections = page_sections(page)
    events, left_off = sections["events-heading"], sections["left-off-heading"]
    assert events.count("<tr><td") == 2
    assert "Toulouse <em>(planned)</em>" in events
    assert "20 jets" not in events and "did not sign" not in events
    assert "Left off the chart: did not happen, or only might" in left_off
    assert left_off.count("<tr><td") == 2
    assert "<em>(hypothetical)</em>" in left_off and "<em>(did not happen)</em>" in left_off
    assert "2 events left off" in page  # the chart's note


def test_the_page_of_a_figure_drawn_with_all_modalities_lists_them_in_order(
    frame, tmp_path
) -> None:
    fig = timeline.plot(frame, all_modalities=True)
    page = to_html(fig, tmp_path / "all.html").read_text(encoding="utf-8")
    sections = page_sections(page)
    assert "left-off-heading" not in sections
    assert sections["events-heading"].count("<tr><td") == 4
    assert "did not sign the contract <em>(did not happen)</em>" in sections["events-heading"]
    via_keyword = to_html(frame, tmp_path / "kw.html", all_modalities=True)
    assert "left-off-heading" not in page_sections(via_keyword.read_text(encoding="utf-8"))


def test_timelinejs_leaves_them_off_names_them_and_marks_planned(frame) -> None:
    doc = to_timelinejs(frame)
    headlines = [e["text"]["headline"] for e in doc["events"]]
    assert len(headlines) == 2 and not any("did not" in h for h in headlines)
    title = doc["title"]["text"]["text"]
    assert "Not on this timeline: 2 events left off: did not happen or only might" in title
    assert "did not sign the contract" in title
    (planned,) = [e for e in doc["events"] if "Toulouse" in e["text"]["headline"]]
    assert planned["text"]["text"].startswith("<p><em>Planned.</em></p>")
    every = to_timelinejs(frame, all_modalities=True)
    assert len(every["events"]) == 4
    assert "left off" not in every["title"]["text"]["text"]
    (negated,) = [e for e in every["events"] if "did not sign" in e["text"]["headline"]]
    assert negated["text"]["text"].startswith("<p><em>Did not happen.</em></p>")


def test_vis_timeline_leaves_them_off_and_marks_planned(frame) -> None:
    items = to_vis_timeline(frame)["items"]
    assert len(items) == 2
    (planned,) = [i for i in items if "Toulouse" in i["content"]]
    assert planned["className"] == "planned" and "<i>planned</i>" in planned["title"]
    assert "className" not in next(i for i in items if "Ryanair" in i["content"])
    every = to_vis_timeline(frame, all_modalities=True)["items"]
    assert len(every) == 4
    (negated,) = [i for i in every if "did not sign" in i["content"]]
    assert negated["className"] == "negated" and "<i>did not happen</i>" in negated["title"]


def test_render_leaves_them_off_unless_all_modalities(tmp_path: Path) -> None:
    source = tmp_path / "jets.txt"
    source.write_text(TEXT, encoding="utf-8")
    for flag, n in (([], 2), (["--all-modalities"], 4)):
        chart, story, vis = tmp_path / "c.html", tmp_path / "s.json", tmp_path / "v.json"
        args = ["render", str(source), "--published", "2024-06-10", "-q", "-o", str(chart)]
        args += ["--timelinejs", str(story), "--vis", str(vis), "--force", *flag]
        assert main(args) == EXIT_OK
        assert len(json.loads(story.read_text())["events"]) == n
        assert len(json.loads(vis.read_text())["items"]) == n
        page = page_sections(chart.read_text(encoding="utf-8"))
        assert page["events-heading"].count("<tr><td") == n
        assert ("left-off-heading" in page) == (n == 2)
