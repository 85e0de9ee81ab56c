"""The core every chart type builds on: the frame contract, rows (shape, lane, label row),
label packing, the time axis and the figure's layout.

A chart type (see ``_chart_types.py``) checks the frame, lays out rows, adds traces
(``_traces.py``) and styles the figure with the functions here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from timeline.charts._constants import (
    CHAR_PX,
    FEW_EVENTS,
    FIG_ATTR,
    LABEL_CHARS,
    LABEL_CHARS_FEW,
    MAX_COLORS,
    MAX_LANES,
    MAX_LEVELS,
    MULTI_VALUED,
    PLOT_PX,
    SHAPES,
)
from timeline.charts._text import esc, lane_name, short, split
from timeline.frame import check

# ---------------------------------------------------------------- the frame contract


def check_frame(
    df: pd.DataFrame, group_by: str | None = None, color_by: str | None = None
) -> pd.DataFrame:
    """``timeline.frame.check`` with the lane and colour columns: a copy of ``df`` with the
    optional columns filled in, or FrameError naming what is missing."""
    return check(df, group_by, color_by)


def keep_frame(fig: go.Figure, frame: pd.DataFrame) -> None:
    """Remember the frame a figure was drawn from, off the figure's JSON (export reads it)."""
    object.__setattr__(fig, FIG_ATTR, frame)


def frame_of(fig: go.Figure) -> pd.DataFrame | None:
    """The frame a figure made by ``plot`` was drawn from, or None for other figures."""
    return getattr(fig, FIG_ATTR, None)


# ---------------------------------------------------------------- rows: shape, lane, level


@dataclass
class Rows:
    """Per drawn row (an event may appear in several lanes): everything the traces need."""

    data: pd.DataFrame  # the frame rows, repeated per lane, plus shape/lane/colour/y/show
    lanes: list[str]
    lane_y: list[float]  # centre of each lane on the y axis
    lane_span: list[tuple[float, float]]
    colors: list[str]  # colour values in legend order


def layout_rows(
    dated: pd.DataFrame,
    group_by: str | None,
    color_by: str | None,
    show_labels: bool,
    dense: bool = False,
) -> Rows:
    """Give every drawn row its shape, lane, colour, label and y (lane plus label row)."""
    data = dated.copy()
    data["_shape"] = shapes(data)
    data["_lane"] = column_values(data, group_by, "events")
    if group_by in MULTI_VALUED:
        data["_lane"] = data["_lane"].map(lambda s: split(s) or ["(none)"])
        data = data.explode("_lane")
    data["_lane"] = fold(data["_lane"], MAX_LANES)
    data["_color"] = fold(column_values(data, color_by, "events"), MAX_COLORS)
    if color_by is None:
        data["_color"] = data["_shape"].map(SHAPES)
    limit = LABEL_CHARS_FEW if len(data) <= FEW_EVENTS else LABEL_CHARS
    data["_label"] = data["label"].map(lambda s: short(s, limit))
    data = data.sort_values(["start", "end"], kind="stable")
    span = view_span(data)
    # a band or range thinner than a few pixels at the initial zoom also gets an open marker
    data["_narrow"] = (data["end"] - data["start"]) < span * (4 / PLOT_PX)
    lanes = list(dict.fromkeys(data["_lane"]))
    levels = np.zeros(len(data), dtype=float)
    shown = np.zeros(len(data), dtype=bool)
    lane_span: list[tuple[float, float]] = []
    lane_y: list[float] = []
    top = 0.0
    lane_codes = data["_lane"].map({lane: i for i, lane in enumerate(lanes)}).to_numpy()
    # When dense, marks crowd every row: points get rows of their own above the bands,
    # so long bands (a year) never bury the exact dates beneath them.
    split_shapes = dense and data["_shape"].eq("point").any() and data["_shape"].ne("point").any()
    groups = [data["_shape"].eq("point").to_numpy(), data["_shape"].ne("point").to_numpy()]
    for i, _lane in enumerate(lanes):
        n_levels = 0
        for part in groups if split_shapes else [np.ones(len(data), dtype=bool)]:
            idx = np.flatnonzero((lane_codes == i) & part)
            if not len(idx):
                continue
            lv, sh = pack(data.iloc[idx], span, show_labels)
            levels[idx], shown[idx] = lv + n_levels, sh
            n_levels += int(lv.max()) + 1
        n_levels = max(n_levels, 1)
        idx = np.flatnonzero(lane_codes == i)
        lane_span.append((top - 0.5, top + n_levels - 0.5))
        lane_y.append(top + (n_levels - 1) / 2)
        levels[idx] += top
        top += n_levels + 0.6  # a gap between lanes
    data["_y"] = levels
    data["_show"] = shown
    if color_by is None:
        colors = [SHAPES[s] for s in SHAPES if SHAPES[s] in set(data["_color"])]
    else:
        colors = list(dict.fromkeys(data["_color"]))
    return Rows(data, lanes, lane_y, lane_span, colors)


def shapes(data: pd.DataFrame) -> pd.Series:
    """point (known to the day or better), range (a span), band (known only coarsely).

    A time of day given loosely ("Wednesday night": 18:00 to 06:00) is a band too.
    """
    precision = data["precision"].astype("string").fillna("")
    days = ((data["end"] - data["start"]) / pd.Timedelta(days=1)).fillna(0)
    exact = ((precision == "time") & (days <= 1 / 24)) | (precision.isin({"day", ""}) & (days <= 1))
    shape = np.where(exact, "point", "band")
    shape = np.where(data["kind"].astype("string").fillna("") == "range", "range", shape)
    return pd.Series(shape, index=data.index)


def column_values(data: pd.DataFrame, column: str | None, default: str) -> pd.Series:
    """A column as lane or colour names (dates as days, missing as "(none)")."""
    if column is None:
        return pd.Series(default, index=data.index, dtype=object)
    values = data[column]
    if pd.api.types.is_datetime64_any_dtype(values):
        values = values.dt.strftime("%Y-%m-%d")
    return values.astype("string").fillna("(none)").astype(object)


def fold(values: pd.Series, limit: int) -> pd.Series:
    """Keep the ``limit - 1`` most frequent values and call the rest "other"."""
    counts = values.value_counts()
    if len(counts) <= limit:
        return values
    keep = set(counts.index[: limit - 1])
    return values.where(values.isin(keep), "other")


def view_span(data: pd.DataFrame) -> pd.Timedelta:
    """The time the initial view spans (at least a day), with a small margin."""
    if data.empty:
        return pd.Timedelta(days=1)
    span = data["end"].max() - data["start"].min()
    return max(span, pd.Timedelta(days=1)) * 1.06


def pack(lane: pd.DataFrame, span: pd.Timedelta, show_labels: bool) -> tuple[Any, Any]:
    """Greedy interval packing: each event takes the lowest row where it and its label fit.

    An event occupies its own extent plus, when labelled, the width its label needs at the
    initial zoom. When no row is free, the event goes where the marks end first, unlabelled,
    and the label it would sit on is hidden too: labels never cover marks or each other.
    Returns (row per event, label shown per event).
    """
    per_px = span / pd.Timedelta(milliseconds=1) / PLOT_PX  # ms per pixel at the initial view
    start = lane["start"].to_numpy("datetime64[ms]").astype("int64")
    end = lane["end"].to_numpy("datetime64[ms]").astype("int64")
    mark = np.maximum(end, start + int(10 * per_px)).tolist()
    text_px = lane["_label"].str.len().to_numpy(dtype=float) * CHAR_PX + 16
    label = np.maximum(mark, start + (text_px * per_px).astype("int64")).tolist()
    if not show_labels:
        label = mark
    start = start.tolist()
    lowest = np.iinfo("int64").min
    free = [lowest] * MAX_LEVELS  # where each row is free again (marks and labels)
    marks = [lowest] * MAX_LEVELS  # where each row's marks end
    owner = [-1] * MAX_LEVELS  # the event whose label reaches furthest in each row
    levels = [0] * len(start)
    shown = [show_labels] * len(start)
    for i, s in enumerate(start):
        row = next((r for r in range(MAX_LEVELS) if free[r] <= s), -1)
        if row >= 0:
            free[row], owner[row] = max(free[row], label[i]), i
        else:
            row = min(range(MAX_LEVELS), key=marks.__getitem__)
            if owner[row] >= 0:
                shown[owner[row]] = False
            shown[i], owner[row] = False, -1
            free[row] = max(marks[row], mark[i])
        marks[row] = max(marks[row], mark[i])
        levels[i] = row
    return np.array(levels, dtype=int), np.array(shown, dtype=bool)


# ---------------------------------------------------------------- time helpers


def ms(values: Any) -> np.ndarray:
    """Dates as epoch milliseconds: Plotly ships float arrays as compact base64 and reads
    numbers on a date axis as milliseconds; ISO strings would triple a dense page's size."""
    arr = np.asarray(values, dtype="datetime64[ms]").astype("int64").astype(float)
    arr[np.asarray(pd.isna(values))] = np.nan
    return arr


def point_x(sub: pd.DataFrame) -> pd.Series:
    """A day-precise event sits mid-day, so zoomed in it lies inside its day."""
    precision = sub["precision"].astype("string").fillna("")
    mid = sub["start"] + (sub["end"] - sub["start"]) / 2
    return sub["start"].where(precision == "time", mid)


# ---------------------------------------------------------------- layout


def style(
    fig: go.Figure,
    rows: Rows,
    dated: pd.DataFrame,
    title: str | None,
    dense: bool,
    height: int | None,
) -> None:
    """Title, size, legend, the time axis with its slider and buttons, and the lanes."""
    n_rows = max((hi for _, hi in rows.lane_span), default=1)
    fig.update_layout(
        title={"text": esc(title) if title else None, "x": 0.01},
        height=height or int(min(1400, max(420, 230 + 26 * n_rows + (120 if dense else 0)))),
        template="plotly_white",
        hovermode="closest",
        hoverlabel={"align": "left", "bgcolor": "white", "font": {"size": 12}},
        dragmode="pan",
        margin={"l": 10, "r": 20, "t": 60 if title else 30, "b": 30},
        legend={
            "orientation": "h",
            "yanchor": "bottom",
            "y": 1.0,
            "x": 0,
            "groupclick": "togglegroup",
        },
        barmode="overlay",
        showlegend=True,
        meta={"timeline": {"dense": dense, "events": int(len(dated))}},
    )
    view = initial_range(rows.data)
    fig.update_layout(
        xaxis={
            "type": "date",
            "range": view,
            "rangeslider": {"visible": True, "thickness": 0.07, "range": view},
            "rangeselector": range_buttons(dated),
            "showgrid": True,
        },
        # labels live on a twin axis that follows x, so the range slider stays uncluttered
        xaxis2={"type": "date", "matches": "x", "overlaying": "x", "visible": False},
    )
    fig.update_layout(
        yaxis=dict(
            tickvals=rows.lane_y,
            ticktext=[esc(short(lane_name(str(v)), 28)) for v in rows.lanes],
            # first lane on top; fixed so lanes get equal room whatever the markers
            range=[n_rows + 0.1, -0.6],
            fixedrange=True,
            zeroline=False,
            showgrid=False,
            domain=[0, 0.8] if dense else [0, 1],
            automargin=True,
        )
    )
    if dense:
        fig.update_layout(
            yaxis2={"domain": [0.84, 1], "fixedrange": True, "title": {"text": "count"}}
        )
    for i, (lo, hi) in enumerate(rows.lane_span):
        if i % 2:  # shade every other lane so lanes read as rows
            fig.add_hrect(y0=lo, y1=hi, fillcolor="#f2f2f2", line_width=0, layer="below")


def initial_range(data: pd.DataFrame) -> list[str] | None:
    """Fit every event, with room on the right for the labels of the last ones.

    A label takes a fixed share of the plot's width, so a label starting at ``start`` ends
    inside a view of width W when ``start - lo + share * W <= W``.
    """
    if data.empty:
        return None
    lo, hi = data["start"].min(), data["end"].max()
    share = (data["_label"].str.len() * CHAR_PX + 20) / PLOT_PX
    share = share.where(data["_show"], 0).clip(upper=0.6)
    needed = ((data["start"] - lo) / (1 - share)).max()
    width = max(hi - lo, needed, pd.Timedelta(days=1))
    pad = width * 0.02
    return [str(lo - pad), str(lo + width + pad)]


def range_buttons(dated: pd.DataFrame) -> dict[str, Any]:
    """Range-selector buttons for the periods shorter than the story."""
    days = view_span(dated) / pd.Timedelta(days=1)
    choices = [
        (7, {"count": 7, "label": "1w", "step": "day", "stepmode": "backward"}),
        (31, {"count": 1, "label": "1m", "step": "month", "stepmode": "backward"}),
        (183, {"count": 6, "label": "6m", "step": "month", "stepmode": "backward"}),
        (366, {"count": 1, "label": "1y", "step": "year", "stepmode": "backward"}),
        (1830, {"count": 5, "label": "5y", "step": "year", "stepmode": "backward"}),
    ]
    buttons = [b for limit, b in choices if limit < days]
    return {
        "buttons": [*buttons, {"step": "all", "label": "all"}],
        "x": 0,
        "y": -0.02,
        "yanchor": "top",
    }


def count_bin(dated: pd.DataFrame) -> tuple[Any, str]:
    """The histogram bin of the count panel: a year, month, week or day."""
    days = view_span(dated) / pd.Timedelta(days=1)
    if days > 365 * 30:
        return "M12", "year"
    if days > 365 * 2:
        return "M1", "month"
    if days > 120:
        return 7 * 86_400_000, "week"
    return 86_400_000, "day"


def note_undated(fig: go.Figure, frame: pd.DataFrame) -> None:
    """Say on the chart how many events have no calendar position."""
    n = int(frame["start"].isna().sum())
    if not n:
        return
    fig.add_annotation(
        text=f"{n} undated event{'s' if n != 1 else ''} not drawn (listed under the chart)",
        xref="paper",
        yref="paper",
        x=1,
        y=1.0,
        xanchor="right",
        yanchor="bottom",
        showarrow=False,
        font={"size": 11, "color": "#a33"},
    )
