"""Figure structure tests for timeline.plot, on frames built here (the input contract)."""

from __future__ import annotations

import html

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

from timeline.charts import DENSE_THRESHOLD, frame_of
from timeline.errors import FrameError
from timeline.frame import COLUMNS
from timeline.plot import plot
from timeline.testing import make_frame

# the events frame contract (docs/ARCHITECTURE.md): column -> dtype
DTYPES = COLUMNS

XSS_LABEL = "<script>window.__xss = 1</script> hostages freed"
XSS_SENTENCE = 'Freed on <img src=x onerror="window.__xss=2"> February 15, 2025, at last.'


def event(
    value: str,
    start: str | None,
    end: str | None,
    precision: str,
    label: str,
    *,
    date_text: str | None = None,
    sentence: str | None = None,
    source: str = "a.txt",
    sources: str | None = None,
    url: str | None = "https://example.org/a",
    actors: str = "",
    kind: str = "point",
    alt_values: str | None = None,
) -> dict:
    """One row of the events frame, with the mention offsets filled in consistently."""
    date_text = date_text or value
    sentence = sentence or f"It happened on {date_text}, the paper said."
    lo = sentence.find(date_text)
    sources = sources or source
    mention = {
        "source": source,
        "sentence": sentence,
        "sentence_start": 100,
        "date_text": date_text,
        "char_start": 100 + lo,
        "char_end": 100 + lo + len(date_text),
        "value": value,
        "precision": precision,
        "label": label,
        "title": "",
        "url": url,
        "published": None,
    }
    return {
        "event_id": "",
        "value": value,
        "type": "DATE",
        "precision": precision,
        "mod": None,
        "start": pd.Timestamp(start) if start else pd.NaT,
        "end": pd.Timestamp(end) if end else pd.NaT,
        "kind": kind,
        "label": label,
        "actors": actors or None,
        "date_text": date_text,
        "sentence": sentence,
        "source": source,
        "title": "A story",
        "url": url,
        "published": pd.Timestamp("2025-02-20"),
        "char_start": 100 + lo,
        "char_end": 100 + lo + len(date_text),
        "sources": sources,
        "n_sources": len(sources.split("; ")),
        "n_mentions": len(sources.split("; ")),
        "mentions": [mention],
        "date_conflict": bool(alt_values),
        "alt_values": alt_values,
        "anchor": None,
        "needs_dct": False,
    }


def to_events_frame(rows: list[dict]) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=list(DTYPES))
    df["event_id"] = [f"e{i}" for i in range(1, len(df) + 1)]
    return df.astype(DTYPES)


def story_frame() -> pd.DataFrame:
    """The seed story: exact days, a month, a year, a range, an undated event, a conflict."""
    rows = [
        event(
            "2023",
            "2023-01-01",
            "2024-01-01",
            "year",
            "Tensions rise",
            source="b.txt",
            date_text="2023",
            actors="Hamas",
        ),
        event(
            "2023-10-07",
            "2023-10-07",
            "2023-10-08",
            "day",
            "Hamas attack on Israel",
            date_text="October 7, 2023",
            actors="Hamas; Israel",
            sources="a.txt; b.txt",
        ),
        event(
            "2023-10",
            "2023-10-01",
            "2023-11-01",
            "month",
            "Trufanov taken hostage",
            date_text="October 2023",
            actors="Alexander Trufanov; Hamas",
        ),
        event(
            "2023-11-29",
            "2023-11-24",
            "2023-11-30",
            "day",
            "Hostage exchange truce",
            kind="range",
            date_text="November 24 to 29",
            actors="Israel; Hamas",
            source="b.txt",
            url=None,
        ),
        event(
            "2025-02-15",
            "2025-02-15",
            "2025-02-16",
            "day",
            XSS_LABEL,
            date_text="February 15, 2025",
            sentence=XSS_SENTENCE,
            actors="Alexander Trufanov",
            alt_values="2025-02-14",
        ),
        event(
            "2025-02-19",
            "2025-02-19",
            "2025-02-20",
            "day",
            "Putin receives Trufanov",
            date_text="Wednesday",
            actors="Vladimir Putin; Alexander Trufanov",
            url="javascript:alert(1)",
        ),
        event("XXXX-10", None, None, "month", "An undated October", date_text="that October"),
    ]
    return to_events_frame(rows)


# ---------------------------------------------------------------- tests


def traces(fig: go.Figure, name_part: str = "") -> list:
    return [t for t in fig.data if name_part in (t.name or "")]


def hovers(fig: go.Figure) -> list[str]:
    return [c[0] for t in fig.data if t.customdata is not None for c in t.customdata]


def test_story_figure_has_points_ranges_and_bands():
    fig = plot(story_frame())
    kinds: dict[str, set] = {}
    for t in fig.data:
        if "labels" not in t.name:
            kinds.setdefault(t.name, set()).add(t.type)
    assert kinds == {
        "exact date": {"scatter"},
        "date range": {"bar"},
        "sometime in the period": {"bar", "scatter"},  # the faint band and its marker
    }
    band = next(t for t in traces(fig, "sometime") if t.type == "bar")
    # the month and the year are drawn over their whole period, not at a day
    widths_days = sorted(np.asarray(band.x, dtype=float) / 86_400_000)
    assert widths_days == [31, 365]
    assert band.marker.opacity < 0.5 and band.width < 0.5  # faint and thin
    assert traces(fig, "date range")[0].marker.opacity > 0.5
    # the band lies in its own strip, below every marker of the lane
    marks = [y for t in fig.data if t.type == "scatter" and t.mode == "markers" for y in t.y]
    assert min(band.y) > max(marks)


def test_every_dated_event_is_drawn_once_and_undated_are_noted():
    df = story_frame()
    fig = plot(df)
    assert len(hovers(fig)) == df["start"].notna().sum() == 6
    notes = [a.text for a in fig.layout.annotations]
    assert any("1 undated event" in n for n in notes)


def test_lanes_follow_group_by_and_multi_valued_columns_repeat_events():
    fig = plot(story_frame(), group_by="source")
    # lanes are credited by outlet and title, never by file name; b.txt comes first
    assert list(fig.layout.yaxis.ticktext) == ["A story", "A story (2)"]
    fig = plot(story_frame(), group_by="actors")
    lanes = list(fig.layout.yaxis.ticktext)
    assert {"Hamas", "Israel", "Alexander Trufanov", "Vladimir Putin"} <= set(lanes)
    # "Hamas; Israel" puts the attack in both lanes
    assert sum("Hamas attack" in h for h in hovers(fig)) == 2


def test_color_by_makes_one_legend_entry_per_value():
    fig = plot(story_frame(), color_by="source")
    legend = [t.name for t in fig.data if t.showlegend is not False]
    assert sorted(legend) == ["a.txt", "b.txt"]
    groups = {t.legendgroup for t in fig.data}
    assert groups == {"a.txt", "b.txt"}  # labels toggle with their events


def label_boxes(fig: go.Figure, per_px: pd.Timedelta) -> dict[float, list]:
    """Each row's label extents, as the chart sizes them (left or right of the mark)."""
    from timeline.charts._constants import CHAR_PX, LABEL_PAD_PX

    rows: dict[float, list] = {}
    for t in traces(fig, "labels"):
        sides = t.textposition if isinstance(t.textposition, tuple) else [t.textposition] * len(t.x)
        for x, y, text, side in zip(t.x, t.y, t.text, sides, strict=True):
            if not text:
                continue
            x, width = pd.Timestamp(x), per_px * (len(html.unescape(text)) * CHAR_PX + LABEL_PAD_PX)
            rows.setdefault(y, []).append((x - width, x) if "left" in side else (x, x + width))
    return rows


def assert_no_overlap(rows: dict[float, list]) -> None:
    for row in rows.values():
        row.sort()
        for (_, end), (start, _) in zip(row, row[1:], strict=False):
            assert end <= start


def test_labels_in_a_lane_do_not_overlap_at_the_initial_zoom():
    df = make_frame(200, seed=3, n_sources=2)
    fig = plot(df, group_by="source")
    from timeline.charts import PLOT_PX

    lo, hi = (pd.Timestamp(x) for x in fig.layout.xaxis.range)
    rows = label_boxes(fig, (hi - lo) / PLOT_PX)
    assert sum(map(len, rows.values())) >= 30  # the most salient labelled, not a handful
    assert_no_overlap(rows)


def test_labels_follow_the_zoom_without_overlapping():
    from timeline.charts import PLOT_PX, relabel

    fig = plot(make_frame(600, seed=5, n_sources=1))
    year = ["2019-01-01", "2020-01-01"]
    marks = [str(x) for t in fig.data if t.type == "scatter" and t.mode == "markers" for x in t.x]
    in_year = sum(year[0] <= x < year[1] for x in marks)
    relabel(fig, year)
    lo, hi = (pd.Timestamp(x) for x in year)
    rows = label_boxes(fig, (hi - lo) / PLOT_PX)
    labelled = sum(
        1
        for t in traces(fig, "labels")
        for x, s in zip(t.x, t.text, strict=True)
        if s and year[0] <= str(x) < year[1]
    )
    assert labelled >= 0.8 * in_year
    assert_no_overlap(rows)


def test_initial_view_fits_all_events_and_has_slider_and_buttons():
    df = story_frame()
    fig = plot(df)
    lo, hi = (pd.Timestamp(x) for x in fig.layout.xaxis.range)
    marks = [
        pd.Timestamp(x)
        for t in fig.data
        if t.type == "scatter" and t.mode == "markers"
        for x in t.x
    ]
    assert lo < min(marks) and hi > max(marks)
    assert (hi - lo) <= 1.25 * (max(marks) - min(marks))  # fitted, not padded for labels
    assert fig.layout.xaxis.rangeslider.visible
    buttons = fig.layout.updatemenus[0].buttons
    assert buttons[0].label == "story" and "last month" in [b.label for b in buttons]
    for b in buttons:  # every button's period shows events
        a, z = (pd.Timestamp(v) for v in b.args[0]["xaxis.range"])
        assert any(a <= m <= z for m in marks), b.label


def test_outlying_old_dates_are_left_out_of_the_initial_view_and_said():
    rows = [event("1970", "1970-01-01", "1971-01-01", "year", "Agency founded")]
    rows += [
        event(f"2024-03-{d:02d}", f"2024-03-{d:02d}", f"2024-03-{d + 1:02d}", "day", f"Step {d}")
        for d in range(1, 20)
    ]
    fig = plot(to_events_frame(rows))
    lo, hi = (pd.Timestamp(x) for x in fig.layout.xaxis.range)
    assert lo > pd.Timestamp("2024-02-01") and hi < pd.Timestamp("2024-04-01")
    notes = " ".join(a.text for a in fig.layout.annotations)
    assert "1 earlier event (from 1970)" in notes
    assert "all dates" in [b.label for b in fig.layout.updatemenus[0].buttons]


def test_hover_has_the_whole_story_with_date_words_in_bold():
    fig = plot(story_frame())
    text = next(h for h in hovers(fig) if "Hamas attack" in h)
    assert "October 7, 2023 → 2023-10-07 (day)" in text
    assert "It happened on <b>October 7, 2023</b>, the paper said." in text
    # credited by title (the frame has no outlet here), never by file name
    assert '2 sources: <a href="https://example.org/a">A story</a>, A story' in text
    assert "Who: Hamas; Israel" in text


def test_article_text_is_escaped_everywhere_and_only_http_links_are_built():
    fig = plot(story_frame(), title="<b onmouseover=x>Title</b>")
    text = next(h for h in hovers(fig) if "xss = 1" in h)
    assert "<script>" not in text and "&lt;script&gt;" in text
    assert "<img" not in text and '&lt;img src=x onerror="window.__xss=2"&gt;' in text
    assert "sources disagree" in text
    labels = [s for t in traces(fig, "labels") for s in t.text]
    assert not any("<" in s for s in labels)
    assert "<b " not in fig.layout.title.text
    putin = next(h for h in hovers(fig) if "Putin receives" in h)
    assert "javascript:" not in putin and "<a " not in putin


def test_customdata_carries_only_safe_links_for_click_to_open():
    fig = plot(story_frame())
    links = {c[1] for t in fig.data if t.customdata is not None for c in t.customdata}
    assert links == {"https://example.org/a", ""}


def test_dense_frames_use_webgl_and_a_count_panel():
    fig = plot(make_frame(DENSE_THRESHOLD + 1))
    types = {t.type for t in fig.data}
    assert "scattergl" in types and "scatter" not in types and "bar" not in types
    counts = [t for t in fig.data if t.type == "histogram"]
    assert len(counts) == 1 and counts[0].yaxis == "y2"
    assert fig.layout.meta["timeline"]["dense"] is True


def test_small_frames_stay_svg_with_labels():
    fig = plot(make_frame(50))
    assert {t.type for t in fig.data} <= {"scatter", "bar"}
    assert traces(fig, "labels")


def test_missing_columns_raise_frame_error_naming_them():
    df = story_frame().drop(columns=["start", "label"])
    with pytest.raises(FrameError, match="start, label") as err:
        plot(df)
    assert "timeline.extract" in str(err.value)
    with pytest.raises(FrameError, match="nope"):
        plot(story_frame(), group_by="nope")
    with pytest.raises(FrameError):
        plot([1, 2, 3])


def test_minimal_frame_of_start_end_label_plots():
    df = pd.DataFrame(
        {
            "start": pd.to_datetime(["2024-01-01", "2024-03-01"]),
            "end": pd.to_datetime(["2024-01-02", "2024-04-01"]),
            "label": ["a day", "a month"],
        }
    )
    fig = plot(df)
    assert len(hovers(fig)) == 2


def test_empty_and_all_undated_frames_plot():
    df = story_frame()
    assert len(plot(df.iloc[:0]).data) == 0
    fig = plot(df[df["start"].isna()])
    assert any("undated" in a.text for a in fig.layout.annotations)


def test_edited_frame_is_what_gets_drawn():
    df = story_frame()
    df.loc[df["label"] == "Tensions rise", "label"] = "Edited by hand"
    df = df[df["label"] != "Putin receives Trufanov"]
    text = " ".join(hovers(plot(df)))
    assert "Edited by hand" in text and "Putin receives" not in text


def test_plot_is_callable_through_the_package_and_keeps_the_frame():
    import timeline.plot  # rebinding timeline.plot to the module must not break the verb

    df = story_frame()
    fig = timeline.plot(df, group_by="source")
    assert isinstance(fig, go.Figure)
    assert frame_of(fig) is not None and len(frame_of(fig)) == len(df)
    assert "_timeline_frame" not in fig.to_json()


def test_many_lanes_and_colours_are_folded_into_other():
    df = make_frame(400, n_sources=60)
    fig = plot(df, group_by="source", color_by="source")
    assert len(fig.layout.yaxis.ticktext) <= 30 and "other" in fig.layout.yaxis.ticktext
    assert len([t for t in fig.data if t.showlegend is not False]) <= 20


def test_lanes_never_share_rows():
    fig = plot(make_frame(300, n_sources=4), group_by="source")
    rows_by_lane: dict[str, set] = {}
    for t in fig.data:
        if t.customdata is None:
            continue
        for y, c in zip(t.y, t.customdata, strict=True):
            lane = c[0].rsplit("source: ", 1)[-1]
            rows_by_lane.setdefault(lane, set()).add(float(y))
    lanes = list(rows_by_lane.values())
    assert len(lanes) == 4
    for i, a in enumerate(lanes):
        for b in lanes[i + 1 :]:
            assert not a & b


def test_loose_time_of_day_is_a_band_with_a_marker_when_too_thin_to_see():
    night = event(
        "2025-03-05TNI",
        "2025-03-05 18:00",
        "2025-03-06 06:00",
        "time",
        "Putin receives Trufanov at night",
        date_text="Wednesday night",
    )
    day = event("2023-10-07", "2023-10-07", "2023-10-08", "day", "Attack")
    fig = plot(to_events_frame([day, night]))
    band = traces(fig, "sometime")
    assert [t.type for t in band] == ["bar", "scatter", "scatter"]  # band, marker, label
    marker = band[1]
    assert list(marker.marker.symbol) == ["diamond-open"]
    assert pd.Timestamp(marker.x[0]) == pd.Timestamp("2025-03-06 00:00")  # mid-night
    assert "Wednesday night → 2025-03-05TNI (time)" in marker.customdata[0][0]
    exact = event("2025-03-05T18:30", "2025-03-05 18:30", "2025-03-05 18:31", "time", "x")
    assert traces(plot(to_events_frame([exact])), "exact date")


def test_a_frame_without_any_url_plots_with_no_links():
    # all-missing Arrow string columns used to break the link column
    frame = story_frame().assign(url=pd.Series([None] * len(story_frame()), dtype="string"))
    fig = plot(frame)
    assert not any("href" in text for text in hovers(fig))


@pytest.mark.parametrize("unit", ["us", "s"])
def test_a_story_spanning_centuries_plots_with_dates_in_place(unit, tmp_path):
    # issue 17: 1066 and 2021 in one story overflowed nanoseconds (292 years) in the packing
    hastings = event("1066-10-14", "1066-10-14", "1066-10-15", "day", "Battle of Hastings")
    replay = event("2021-10-09", "2021-10-09", "2021-10-10", "day", "Reenactment")
    ages = event("1200", "1200-01-01", "1201-01-01", "year", "Middle ages")
    frame = pd.DataFrame([hastings, ages, replay])
    frame["start"] = frame["start"].astype(f"datetime64[{unit}]")
    frame["end"] = frame["end"].astype(f"datetime64[{unit}]")
    fig = plot(frame)
    marks = [t for t in traces(fig, "exact") if t.type == "scatter" and t.mode == "markers"]
    xs = sorted(pd.Timestamp(x) for t in marks for x in t.x)
    assert xs == [pd.Timestamp("1066-10-14 12:00"), pd.Timestamp("2021-10-09 12:00")]
    band = next(t for t in traces(fig, "sometime") if t.type == "bar")
    assert pd.Timestamp(band.base[0]) == pd.Timestamp("1200-01-01")
    lo, hi = (pd.Timestamp(x) for x in fig.layout.xaxis.range)
    assert lo < pd.Timestamp("1066-10-14") and hi > pd.Timestamp("2021-10-10")
    from timeline.export import to_html

    assert "Battle of Hastings" in to_html(fig, tmp_path / "a.html").read_text("utf-8")


def test_nanosecond_dates_far_apart_do_not_overflow():
    # a hand-built frame in nanoseconds: 1700 and 2200 are 500 years apart
    frame = pd.DataFrame(
        {
            "start": pd.to_datetime(["1700-01-01", "2200-01-01"]).as_unit("ns"),
            "end": pd.to_datetime(["1700-01-02", "2200-01-02"]).as_unit("ns"),
            "label": ["early", "late"],
        }
    )
    fig = plot(frame)
    assert len(hovers(fig)) == 2
