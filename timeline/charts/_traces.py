"""The marks: a marker per exact date, a bar per range, a faded band per coarse date, the
inline labels, and the count panel of dense charts. Every event mark carries the customdata
of ``_hover.py``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from timeline.charts._constants import (
    BAND_OPACITY,
    BAND_WIDTH,
    CONFLICT_COLOR,
    LABEL_FONT,
    LABELS_META,
    PALETTE,
    ROWS_META,
    SHAPE_COLORS,
    SHAPES,
)
from timeline.charts._core import Rows, count_bin, ms, point_x
from timeline.charts._hover import HOVERTEMPLATE, customdata, with_hover
from timeline.charts._text import esc


def add_event_traces(
    fig: go.Figure, rows: Rows, color_by: str | None, dense: bool, show_labels: bool
) -> None:
    """One legend entry per colour: its bands, ranges and points, then its labels."""
    data = with_hover(rows.data, brief=dense)
    for value, color, part in _colors(data, rows, color_by):
        traces = []
        for shape in ("band", "range", "point"):
            sub = part[part["_shape"] == shape]
            if not sub.empty:
                traces += shape_traces(sub, shape, color, dense)
        _add_legend_group(fig, traces, value)
        labelled = part[part["_show"]]
        if show_labels and not labelled.empty:
            fig.add_trace(label_trace(labelled, str(value)))


def _colors(
    data: pd.DataFrame, rows: Rows, color_by: str | None
) -> Iterator[tuple[Any, str, pd.DataFrame]]:
    """Each legend entry's value, colour and rows: the palette in order, or with no
    ``color_by`` the colour of the shape the value names."""
    for n, value in enumerate(rows.colors):
        color = PALETTE[n % len(PALETTE)]
        if color_by is None:
            color = SHAPE_COLORS[next(k for k, v in SHAPES.items() if v == value)]
        yield value, color, data[data["_color"] == value]


def _add_legend_group(fig: go.Figure, traces: list[Any], value: Any) -> None:
    """Add a legend entry's traces (None ones skipped), the first shown in the legend."""
    first = True
    for trace in traces:
        if trace is None:
            continue
        trace.update(name=esc(str(value)), legendgroup=str(value), showlegend=first)
        fig.add_trace(trace)
        first = False


def shape_traces(sub: pd.DataFrame, shape: str, color: str, dense: bool) -> list[Any]:
    """The traces of one shape in one colour (SVG, or WebGL when dense)."""
    custom = customdata(sub)
    if shape == "point":
        scatter = go.Scattergl if dense else go.Scatter
        return [
            scatter(
                x=ms(point_x(sub)) if dense else point_x(sub),
                y=sub["_y"],
                mode="markers",
                marker={"size": 9 if not dense else 6, "color": color, "line": {"width": 0}},
                customdata=custom,
                hovertemplate=HOVERTEMPLATE,
            )
        ]
    opacity = 0.9 if shape == "range" else 0.3
    if dense:
        return _segments(sub, color, opacity, custom)
    width_ms = (sub["end"] - sub["start"]) / pd.Timedelta(milliseconds=1)
    traces = [_narrow_markers(sub, color, custom)] if sub["_narrow"].any() else []
    return traces + [
        go.Bar(
            base=sub["start"],
            x=width_ms,
            y=sub["_y"],
            orientation="h",
            width=0.55 if shape == "range" else 0.8,
            marker={
                "color": color,
                "opacity": opacity,
                "line": {"width": 1 if shape == "band" else 0, "color": color},
            },
            customdata=custom,
            hovertemplate=HOVERTEMPLATE,
        )
    ]


def _narrow_markers(sub: pd.DataFrame, color: str, custom: Any) -> go.Scatter:
    """Open markers mid-span for bands too thin to see before zooming in."""
    narrow = sub["_narrow"].to_numpy(dtype=bool)
    part = sub[narrow]
    return go.Scatter(
        x=part["start"] + (part["end"] - part["start"]) / 2,
        y=part["_y"],
        mode="markers",
        marker={"size": 9, "color": color, "symbol": "diamond-open", "line": {"width": 2}},
        customdata=custom[narrow],
        hovertemplate=HOVERTEMPLATE,
    )


def _segments(sub: pd.DataFrame, color: str, opacity: float, custom: Any) -> list[Any]:
    """Many bands as one WebGL line trace (start, end, gap, ...) without hover, plus
    invisible markers mid-band that carry the hover text once per event (not three times).
    """
    n = len(sub)
    start = sub["start"].to_numpy("datetime64[ms]")
    end = sub["end"].to_numpy("datetime64[ms]")
    xs = np.empty(3 * n, dtype="datetime64[ms]")
    xs[0::3], xs[1::3], xs[2::3] = start, end, np.datetime64("NaT")
    ys = np.repeat(sub["_y"].to_numpy(dtype=float), 3)
    ys[2::3] = np.nan
    lines = go.Scattergl(
        x=ms(xs),
        y=ys,
        mode="lines",
        line={"color": color, "width": 8},
        opacity=opacity,
        hoverinfo="skip",
        connectgaps=False,
    )
    hover = go.Scattergl(
        x=ms(start + (end - start) / 2),
        y=sub["_y"],
        mode="markers",
        # invisible unless the band is too thin to see at the initial zoom
        marker={"size": 8, "color": color, "opacity": np.where(sub["_narrow"], 0.8, 0.0)},
        customdata=custom,
        hovertemplate=HOVERTEMPLATE,
    )
    return [lines, hover]


def label_trace(sub: pd.DataFrame, group: str) -> go.Scatter:
    """The inline labels of one colour, right of their marks, on the twin axis x2."""
    x = sub["start"].where(sub["_shape"] != "point", point_x(sub))
    return _labels_scatter(
        group,
        x=x,
        y=sub["_y"],
        text=["\u2002" + esc(s) for s in sub["_label"]],  # clear of the marker
        textposition="middle right",
    )


def _labels_scatter(group: str, **fields: Any) -> go.Scatter:
    """A trace of one colour's labels on x2: text only, no hover, under its legend entry."""
    return go.Scatter(
        xaxis="x2",
        mode="text",
        textfont=LABEL_FONT,
        hoverinfo="skip",
        legendgroup=group,
        showlegend=False,
        name=f"{esc(group)} labels",
        cliponaxis=True,
        **fields,
    )


def add_count_panel(fig: go.Figure, dated: pd.DataFrame) -> None:
    """Counts per period above the lanes: the shape of a dense story at a glance."""
    size, period = count_bin(dated)
    fig.add_trace(
        go.Histogram(
            x=ms(dated["start"]),
            xbins={"size": size},
            yaxis="y2",
            marker={"color": "#888"},
            name=f"events per {period}",
            hovertemplate=f"%{{y}} events (per {period})<extra></extra>",
        )
    )


# ---------------------------------------------------------------- a story (not dense)


def add_story_traces(fig: go.Figure, rows: Rows, color_by: str | None, show_labels: bool) -> None:
    """One legend entry per colour: faint "sometime in" bands in their strip, range bars,
    markers (a ring when the sources disagree on the date), then the labels."""
    data = with_hover(rows.data, brief=False)
    for value, color, part in _colors(data, rows, color_by):
        traces = [*_band_strip(part, color), *_range_bars(part, color), _markers(part, color)]
        _add_legend_group(fig, traces, value)
        if show_labels and not part.empty:
            fig.add_trace(story_labels(part, str(value), rows.base_level))


def _band_strip(part: pd.DataFrame, color: str) -> list[Any]:
    """Coarse dates as thin faint bars over their whole period, in the lane's strip under
    the marks (on x2, which follows x: the marker is the event's place)."""
    sub = part[part["_shape"] == "band"]
    if sub.empty:
        return []
    return [
        _period_bar(
            sub,
            y=sub["_y_band"],
            xaxis="x2",
            width=BAND_WIDTH,
            marker={"color": color, "opacity": BAND_OPACITY, "line": {"width": 0}},
            hoverinfo="skip",  # the marker carries the event's hover box
        )
    ]


def _range_bars(part: pd.DataFrame, color: str) -> list[Any]:
    sub = part[part["_shape"] == "range"]
    if sub.empty:
        return []
    return [
        _period_bar(
            sub,
            y=sub["_y"],
            width=0.45,
            marker={"color": color, "opacity": 0.85, "line": {"width": 0}},
            customdata=customdata(sub),
            hovertemplate=HOVERTEMPLATE,
            meta={ROWS_META: rows_per_level(sub)},
        )
    ]


def _period_bar(sub: pd.DataFrame, **style: Any) -> go.Bar:
    """A horizontal bar per row from its ``start`` to its ``end`` (a span or a period)."""
    duration = (sub["end"] - sub["start"]) / pd.Timedelta(milliseconds=1)
    return go.Bar(base=sub["start"], x=duration, orientation="h", **style)


def rows_per_level(sub: pd.DataFrame) -> list[list[float]]:
    """Each zoom level's y of the marks (they are stacked anew per level: ``_labels``)."""
    ys = sub["_ys"].tolist()
    return [list(level) for level in zip(*ys, strict=True)] if ys else []


def _markers(part: pd.DataFrame, color: str) -> Any:
    """A marker per event: filled for an exact date, open for a "sometime in" one; a red
    ring says the sources disagree on the date."""
    sub = part[part["_shape"] != "range"]
    if sub.empty:
        return None
    band = sub["_shape"].eq("band").to_numpy()
    conflict = _conflicts(sub)
    return go.Scatter(
        x=sub["_x"],
        y=sub["_y"],
        mode="markers",
        marker={
            "size": 9,
            "color": color,
            "symbol": np.where(band, "diamond-open", "circle").tolist(),
            "line": {
                "width": np.where(conflict, 2.5, np.where(band, 2, 0)).tolist(),
                "color": np.where(conflict, CONFLICT_COLOR, color).tolist(),
            },
        },
        customdata=customdata(sub),
        hovertemplate=HOVERTEMPLATE,
        meta={ROWS_META: rows_per_level(sub)},
    )


def _conflicts(sub: pd.DataFrame) -> np.ndarray:
    if "date_conflict" in sub.columns:
        return sub["date_conflict"].fillna(False).astype(bool).to_numpy()
    return sub["alt_values"].notna().to_numpy()


def story_labels(part: pd.DataFrame, group: str, level: int) -> go.Scatter:
    """The labels of one colour on x2, with every zoom level's cut in the trace's meta:
    ``relabel`` (Jupyter) and the page script show the level that fits the view."""
    labels = part["_label"].tolist()
    chars = part["_chars"].tolist()
    per_level = [list(c) for c in zip(*chars, strict=True)] if chars else []
    return _labels_scatter(
        group,
        x=part["_anchor"],
        y=part["_y"],
        text=cut_labels(labels, per_level[level] if per_level else []),
        textposition=label_sides(per_level[level] if per_level else []),
        meta={LABELS_META: {"labels": labels, "chars": per_level}, ROWS_META: rows_per_level(part)},
    )


def cut_labels(labels: list[str], chars: list[int]) -> list[str]:
    """Each label cut to its number of characters (one is the en space between it and its
    mark), escaped; a negative count puts it on the left of its mark."""
    out = []
    for label, n in zip(labels, chars, strict=False):
        size = abs(n)
        text = esc(label) if size - 1 >= len(label) else esc(clip(label, size - 2)) + "…"
        out.append("" if n == 0 else ("\u2002" + text if n > 0 else text + "\u2002"))
    return out


def clip(label: str, n: int) -> str:
    """The first ``n`` characters of a label, back to the last word's end when that keeps
    at least half of them ("The mayor…", not "The mayor a…"), as the page script does."""
    head = label[: max(n, 1)]
    if n < len(label) and label[n] != " ":
        space = head.rfind(" ")
        if space >= n / 2:
            head = head[:space]
    return head.rstrip()


def label_sides(chars: list[int]) -> list[str]:
    """Where each label sits: right of its mark, or left for a negative count."""
    return ["middle left" if n < 0 else "middle right" for n in chars]
