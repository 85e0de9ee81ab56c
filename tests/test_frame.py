"""The events DataFrame: columns, dtypes, order, and bounds that never invent a day."""

from __future__ import annotations

from datetime import date, datetime

import pandas as pd

from timeline.frame import COLUMNS, empty_frame, to_frame
from timeline.model import ArticleStatus, Event, Mention, Report, Timex


def _event(value: str, precision: str | None, earliest, latest, label: str, source="a.txt"):
    timex = Timex(0, 5, "words", "DATE", value, precision, earliest, latest, tid="t1")
    mention = Mention(
        source=source,
        sentence=f"{label} words.",
        sentence_start=0,
        date_text="words",
        char_start=0,
        char_end=5,
        value=value,
        precision=precision,
        label=label,
        published=date(2025, 3, 6),
    )
    return Event(label=label, timex=timex, mentions=[mention], actors=["Hamas", "Putin"])


def test_columns_and_dtypes_are_the_documented_ones() -> None:
    frame = to_frame(
        [_event("2025-02-15", "day", datetime(2025, 2, 15), datetime(2025, 2, 16), "freed")]
    )
    assert list(frame.columns) == list(COLUMNS)
    for column, dtype in COLUMNS.items():
        assert str(frame[column].dtype) == str(pd.Series([], dtype=dtype).dtype), column


def test_rows_sorted_by_start_with_coarser_precision_first_and_undated_last() -> None:
    events = [
        _event("2025-02-15", "day", datetime(2025, 2, 15), datetime(2025, 2, 16), "day"),
        _event("XXXX-WXX-3", None, None, None, "undated"),
        _event("2025-02", "month", datetime(2025, 2, 1), datetime(2025, 3, 1), "month"),
        _event("2023-10-07", "day", datetime(2023, 10, 7), datetime(2023, 10, 8), "early"),
    ]
    frame = to_frame(events)
    assert frame["label"].tolist() == ["early", "month", "day", "undated"]
    assert frame["event_id"].tolist() == ["e1", "e2", "e3", "e4"]


def test_month_precision_keeps_the_whole_month_as_bounds() -> None:
    frame = to_frame(
        [_event("2023-10", "month", datetime(2023, 10, 1), datetime(2023, 11, 1), "x")]
    )
    row = frame.iloc[0]
    assert (row["start"], row["end"]) == (pd.Timestamp("2023-10-01"), pd.Timestamp("2023-11-01"))
    assert row["precision"] == "month"


def test_multi_valued_columns_are_filterable_strings() -> None:
    frame = to_frame([_event("2025", "year", datetime(2025, 1, 1), datetime(2026, 1, 1), "x")])
    assert frame["actors"].str.contains("Putin").all()
    assert frame.loc[0, "n_sources"] == 1 and frame.loc[0, "sources"] == "a.txt"
    assert frame.loc[0, "mentions"][0]["published"] == "2025-03-06"


def test_report_travels_in_attrs() -> None:
    report = Report([ArticleStatus(source="a.txt", status="no_events", reason="no dates")])
    frame = empty_frame(report)
    assert frame.empty and list(frame.columns) == list(COLUMNS)
    assert frame.timeline.report.articles[0].reason == "no dates"
    assert report.summary(len(frame)) == "0 events from 1 article"


def test_check_fills_a_hand_made_frame_and_names_what_is_missing() -> None:
    import pytest

    from timeline.errors import FrameError
    from timeline.frame import check

    hand = pd.DataFrame({"start": ["2025-03-05"], "end": [None], "label": ["Talks"]})
    frame = check(hand)
    assert frame.loc[0, "end"] == pd.Timestamp("2025-03-05") and frame.loc[0, "kind"] == "point"
    assert frame.loc[0, "event_id"] == "e1" and "start" in hand and hand.loc[0, "end"] is None
    with pytest.raises(FrameError, match="lacks column.s. end, outlet"):
        check(pd.DataFrame({"start": [], "label": []}), "outlet", None)
    with pytest.raises(FrameError, match="expected a pandas DataFrame"):
        check([1, 2])


def test_the_timeline_accessor_puts_the_verbs_on_the_frame(tmp_path) -> None:
    events = [
        _event("2025", "year", datetime(2025, 1, 1), datetime(2026, 1, 1), "x"),
        _event("XXXX-10", "month", None, None, "y"),
    ]
    report = Report([ArticleStatus(source="a.txt", status="ok", events=2)])
    frame = to_frame(events, report)
    assert frame.timeline.report == report and frame.attrs["report"]["events"] == 2
    assert len(frame.timeline.dated) == 1 and len(frame.timeline.undated) == 1
    assert frame.timeline.to_timelinejs(title="T")["title"]["text"]["headline"] == "T"
    assert frame.timeline.write(tmp_path / "e.csv").read_text().startswith("event_id,")
    assert frame.timeline.to_html(tmp_path / "e.html").read_text().startswith("<!DOCTYPE")
    assert frame.timeline.plot().data
    assert pd.DataFrame({"a": [1]}).timeline.report.articles == []


def test_import_timeline_registers_the_accessor_only_with_pandas_loaded() -> None:
    import subprocess
    import sys

    code = (
        "import sys, timeline; print('pandas' in sys.modules);"
        "import pandas as pd; import timeline.frame; print(hasattr(pd.DataFrame(), 'timeline'))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "True"]
    code = "import pandas as pd, timeline; print(hasattr(pd.DataFrame(), 'timeline'))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["True"]
