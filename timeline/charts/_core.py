"""The core every chart type builds on: the frame contract, rows (shape, lane, label row),
label packing, the time axis and the figure's layout.

A chart type (see ``_chart_types.py``) checks the frame, lays out rows, adds traces
(``_traces.py``) and styles the figure with the functions here.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from timeline.charts._constants import (
    CHAR_PX,
    CHROME_PX,
    FEW_EVENTS,
    FIG_ATTR,
    FINEST_MS_PER_PX,
    FOLDED_HINT,
    LABEL_CHARS,
    LABEL_CHARS_FEW,
    LABEL_PAD_PX,
    LABELS_META,
    LEVELS_COARSER,
    MAX_COLORS,
    MAX_HEIGHT_PX,
    MAX_LANES,
    MAX_LEVELS,
    MIN_HEIGHT_PX,
    MIN_LABEL_CHARS,
    MULTI_VALUED,
    NARROW_MENU_LIFT_PX,
    OUTLIER_GAP,
    OUTLIER_MIN_MS,
    PLOT_PX,
    ROW_PX,
    ROWS_CAP,
    ROWS_META,
    ROWS_MIN,
    SHAPES,
    STRIP_ROWS,
)
from timeline.charts._credit import source_names
from timeline.charts._labels import place, salience, scales
from timeline.charts._text import esc, lane_name, short
from timeline.frame import check, left_off_note, split

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
    view: list[str] | None = None  # the initial x range
    scales: list[float] | None = None  # ms per pixel of each zoom level of the labels
    base_level: int = 0  # the level of the initial view
    folded: tuple[int, int] = (0, 0)  # events left of / right of the initial view
    n_rows: float = 1.0  # height of the lanes, in rows
    names: list[str] | None = None  # what the lanes are called on the axis


def layout_rows(
    dated: pd.DataFrame,
    group_by: str | None,
    color_by: str | None,
    show_labels: bool,
    dense: bool = False,
) -> Rows:
    """Give every drawn row its shape, lane, colour, label and y (lane plus label row).

    A story (not dense) gets marks placed by salience and labels per zoom level
    (``_labels.py``); a dense chart packs marks by time and leaves labels to the page.
    """
    if not dense:
        return story_rows(dated, group_by, color_by, show_labels)
    data = _lanes_and_colors(dated.copy(), group_by, color_by)
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
    data["_chars"] = [[] for _ in range(len(data))]
    rows = Rows(data, lanes, lane_y, lane_span, _legend_colors(data, color_by))
    rows.names = lane_names(data, lanes, group_by)
    rows.view = initial_range(data)
    rows.n_rows = max((hi for _, hi in lane_span), default=1)
    return rows


def _legend_colors(data: pd.DataFrame, color_by: str | None) -> list[str]:
    if color_by is None:
        return [SHAPES[s] for s in SHAPES if SHAPES[s] in set(data["_color"])]
    return list(dict.fromkeys(data["_color"]))


def _lanes_and_colors(
    data: pd.DataFrame, group_by: str | None, color_by: str | None, lanes_limit: int = MAX_LANES
) -> pd.DataFrame:
    data["_shape"] = shapes(data)
    data["_lane"] = column_values(data, group_by, "events")
    if group_by in MULTI_VALUED:
        data["_lane"] = data["_lane"].map(lambda s: split(s) or ["(none)"])
        data = data.explode("_lane")
    data["_lane"] = fold(data["_lane"], lanes_limit)
    data["_color"] = fold(column_values(data, color_by, "events"), MAX_COLORS)
    if color_by is None:
        data["_color"] = data["_shape"].map(SHAPES)
    return data


def lane_names(data: pd.DataFrame, lanes: list[str], group_by: str | None) -> list[str]:
    """What each lane is called on the axis: a source by outlet and title (a reader never
    sees a file path), other values as they are; names that repeat get a number."""
    names = source_names(data) if group_by in ("source", "sources") else {}
    shown, seen = [], {}
    for lane in lanes:
        name = names.get(lane) or lane_name(str(lane))
        seen[name] = seen.get(name, 0) + 1
        shown.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return shown


def story_rows(
    dated: pd.DataFrame, group_by: str | None, color_by: str | None, show_labels: bool
) -> Rows:
    """Marks placed by salience, each lane a few rows plus a strip of "sometime in" bands."""
    # as many lanes as keep ROWS_MIN rows each within ROWS_CAP: the chart fits a screen
    data = _lanes_and_colors(dated.copy(), group_by, color_by, ROWS_CAP // ROWS_MIN)
    limit = LABEL_CHARS_FEW if len(data) <= FEW_EVENTS else LABEL_CHARS
    data["_label"] = data["label"].map(lambda s: short(s, limit) or "(no label)")
    data = data.sort_values(["start", "end"], kind="stable")
    x, mark_end, anchor = mark_positions(data)
    lo, hi, folded = story_window(x, mark_end)
    pad = max((hi - lo) * 0.03, 6 * 3_600_000)
    view = (lo - pad, hi + pad)
    base = (view[1] - view[0]) / PLOT_PX
    level_scales = scales(base, FINEST_MS_PER_PX)
    data["_narrow"] = False
    lanes = list(dict.fromkeys(data["_lane"]))
    codes = data["_lane"].map({lane: i for i, lane in enumerate(lanes)}).to_numpy()
    n_chars = data["_label"].str.len().to_numpy(dtype=int) + 1  # the en space
    rank = salience(data)
    per_lane = max(ROWS_MIN, ROWS_CAP // max(len(lanes), 1))
    y = np.zeros((len(data), len(level_scales)))
    chars = np.zeros((len(data), len(level_scales)), dtype=int)
    band = data["_shape"].eq("band").to_numpy()
    lane_span, lane_y, top = [], [], 0.0
    used = LEVELS_COARSER + 1
    for i in range(len(lanes)):
        idx = np.flatnonzero(codes == i)
        n_rows = rows_needed(x[idx], base, per_lane)
        order = idx[np.lexsort((np.arange(len(idx)), -rank[idx]))] if len(idx) else idx
        local = {j: k for k, j in enumerate(idx)}
        placement = place(
            x[idx],
            mark_end[idx],
            anchor[idx],
            n_chars[idx],
            np.array([local[j] for j in order], dtype=int),
            n_rows,
            level_scales,
            base,
            view if show_labels else (math.inf, -math.inf),
        )
        used = max(used, len(placement.rows))
        if len(idx):
            rows_at = np.array(placement.rows).T  # per event, per level computed
            y[idx] = top + _pad_levels(rows_at, len(level_scales))
            if show_labels:
                chars[idx] = _pad_levels(np.array(placement.chars).T, len(level_scales))
        strip = STRIP_ROWS if band[idx].any() else 0.0
        y_band = top + n_rows - 0.5 + strip / 2
        data.loc[data.index[idx[band[idx]]], "_y_band"] = y_band
        lane_span.append((top - 0.5, top + n_rows - 0.5 + strip))
        lane_y.append(top + (n_rows - 1 + strip) / 2)
        top += n_rows + strip + 0.4  # a gap between lanes
    # levels past the finest any lane needs repeat it: leave them out
    level_scales = level_scales[:used]
    y, chars = y[:, :used], chars[:, :used]
    data["_y"] = y[:, LEVELS_COARSER]
    data["_ys"] = y.tolist()
    data["_x"] = from_ms(x)
    data["_anchor"] = from_ms(anchor)
    data["_chars"] = chars.tolist()
    data["_show"] = chars[:, LEVELS_COARSER] > 0
    rows = Rows(data, lanes, lane_y, lane_span, _legend_colors(data, color_by))
    rows.names = lane_names(data, lanes, group_by)
    rows.view = [iso(v) for v in view] if len(data) else None
    rows.scales, rows.base_level, rows.folded = level_scales, LEVELS_COARSER, folded
    rows.n_rows = max((hi for _, hi in lane_span), default=1)
    return rows


def _pad_levels(per_level: np.ndarray, n_levels: int) -> np.ndarray:
    """A lane's stacking per level, the last one computed repeated for the finer levels
    (``place`` stops once every label shows whole: that stacking holds at finer scales)."""
    if per_level.shape[1] >= n_levels:
        return per_level[:, :n_levels]
    more = np.repeat(per_level[:, -1:], n_levels - per_level.shape[1], axis=1)
    return np.concatenate([per_level, more], axis=1)


def mark_positions(data: pd.DataFrame) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Where each mark starts and ends and where its label starts (epoch ms).

    A point sits mid-day; a band's marker sits mid-period (it is "sometime in" it); a range
    is a bar from start to end with its label after it.
    """
    start = data["start"].to_numpy("datetime64[ms]").astype("int64").astype(float)
    end = data["end"].to_numpy("datetime64[ms]").astype("int64").astype(float)
    shape = data["_shape"].to_numpy()
    mid = ms(point_x(data))
    x = np.where(shape == "range", start, np.where(shape == "band", (start + end) / 2, mid))
    mark_end = np.where(shape == "range", end, x)
    return x, mark_end, mark_end.copy()


def story_window(x: np.ndarray, mark_end: np.ndarray) -> tuple[float, float, tuple[int, int]]:
    """The span of the story's marks, with outlying dates at either end folded out of the
    initial view ("founded in 1970" in a 2023 story): a few events (at most a tenth)
    separated from the rest by a gap of more than a year and twice the rest's own span."""
    if not len(x):
        return 0.0, 86_400_000.0, (0, 0)
    v = np.sort(x)
    ends = np.sort(mark_end)
    lo_i, hi_i = 0, len(v) - 1
    most = max(1, len(v) // 10) if len(v) >= 4 else 0
    for i in range(1, most + 1):
        core = ends[hi_i] - v[i]
        if v[i] - v[i - 1] > max(OUTLIER_GAP * core, OUTLIER_MIN_MS):
            lo_i = i
    for i in range(1, most + 1):
        j = len(v) - 1 - i
        core = v[j] - v[lo_i]
        if v[j + 1] - v[j] > max(OUTLIER_GAP * core, OUTLIER_MIN_MS):
            hi_i = j
    lo, hi = v[lo_i], max(ends[hi_i] if hi_i == len(v) - 1 else v[hi_i], v[lo_i])
    return lo, max(hi, lo + 86_400_000.0), (lo_i, len(v) - 1 - hi_i)


def rows_needed(x: np.ndarray, base: float, cap: int) -> int:
    """Rows a lane needs so that, zoomed to a year or a month, most events in view get a
    label: the most marks that fall within one short label's width at those zooms."""
    if not len(x):
        return 1
    v = np.sort(x)
    label_px = MIN_LABEL_CHARS * CHAR_PX + LABEL_PAD_PX
    need = 1
    for scale in (base, 365 * 86_400_000 / PLOT_PX, 31 * 86_400_000 / PLOT_PX):
        if scale > base:
            continue
        width = label_px * scale
        counts = np.searchsorted(v, v + width, side="left") - np.arange(len(v))
        need = max(need, int(counts.max()))
    return int(min(cap, max(min(ROWS_MIN, len(v)), need)))


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


def from_ms(values: np.ndarray) -> np.ndarray:
    """Epoch milliseconds back to dates (numpy's, which hold any year: pandas' ns don't)."""
    return np.asarray(values).round().astype("int64").astype("datetime64[ms]")


def iso(value: float) -> str:
    """Epoch milliseconds as an ISO date-time string for Plotly."""
    return str(np.datetime64(int(round(value)), "ms")).replace("T", " ")


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
    all_modalities: bool = False,
) -> None:
    """Title, size, legend, the time axis with its slider and buttons, and the lanes;
    ``meta.timeline`` tells the page whether what did not happen is drawn."""
    n_rows = rows.n_rows
    if dense:
        auto = min(1400, max(420, 230 + 26 * n_rows + 120))
    else:
        auto = min(MAX_HEIGHT_PX, max(MIN_HEIGHT_PX, CHROME_PX + ROW_PX * (n_rows + 0.6)))
    fig.update_layout(
        title={"text": esc(title) if title else None, "x": 0.01},
        height=height or int(auto),
        template="plotly_white",
        hovermode="closest",
        hoverlabel={"align": "left", "bgcolor": "white", "font": {"size": 12}},
        dragmode="pan",
        margin={"l": 10, "r": 20, "t": 70 if title else 50, "b": 30},
        legend={
            "orientation": "h",
            "yanchor": "bottom",
            "y": 1.0,
            "x": 0,
            "groupclick": "togglegroup",
        },
        barmode="overlay",
        showlegend=True,
        meta={
            "timeline": {
                "dense": dense,
                "events": int(len(dated)),
                "scales": rows.scales or [],
                "level": rows.base_level,
                "labels": LABELS_META,
                "rows": ROWS_META,
                "all_modalities": all_modalities,
            }
        },
    )
    fig.update_layout(
        xaxis={
            "type": "date",
            "range": rows.view,
            "rangeslider": {"visible": True, "thickness": 0.07, "range": rows.view},
            "showgrid": True,
        },
        # labels live on a twin axis that follows x, so the range slider stays uncluttered
        xaxis2={"type": "date", "matches": "x", "overlaying": "x", "visible": False},
        # the buttons, and the same as a drop-down the page shows on narrow screens
        updatemenus=view_menus(rows) if rows.view else [],
    )
    fig.update_layout(
        yaxis=dict(
            tickvals=rows.lane_y,
            ticktext=[esc(short(v, 28)) for v in rows.names or map(str, rows.lanes)],
            # first lane on top; fixed so lanes get equal room whatever the markers
            range=[n_rows + 0.1, -0.6],
            fixedrange=True,
            zeroline=False,
            showgrid=False,
            domain=[0, 0.8] if dense else [0, 1],
            automargin=True,
            showticklabels=len(rows.lanes) > 1,
        )
    )
    if dense:
        fig.update_layout(
            yaxis2={"domain": [0.84, 1], "fixedrange": True, "title": {"text": "count"}}
        )
    for i, (lo, hi) in enumerate(rows.lane_span):
        if i % 2:  # shade every other lane so lanes read as rows
            fig.add_hrect(y0=lo, y1=hi, fillcolor="#f2f2f2", line_width=0, layer="below")
    _note_folded(fig, rows)


def view_buttons(rows: Rows) -> dict[str, Any]:
    """Buttons that jump to periods counted from the events (the story, its last week,
    month or year, its busiest month or year, every date): each shows events."""
    data = rows.data
    x = ms(data["_x"] if "_x" in data.columns else data["start"])
    x = np.sort(x[~np.isnan(x)])
    lo, hi = (float(ms(np.array([v], dtype="datetime64[ms]"))[0]) for v in rows.view)
    story = hi - lo
    buttons = [_button("story", lo, hi)]
    day = 86_400_000.0
    for label, days in (("last week", 7), ("last month", 31), ("last year", 366)):
        width = days * day
        if width < 0.6 * story:
            buttons.append(_button(label, x[-1] - width, x[-1] + 0.04 * width))
    for label, days in (("busiest month", 31), ("busiest year", 366)):
        width = days * day
        if width < 0.6 * story and len(x) > 1:
            counts = np.searchsorted(x, x + width) - np.arange(len(x))
            first = x[int(np.argmax(counts))]
            buttons.append(_button(label, first - 0.04 * width, first + width))
    if x[0] < lo or x[-1] > hi:
        pad = (x[-1] - x[0]) * 0.02 + day / 4
        buttons.append(_button("all dates", x[0] - pad, x[-1] + pad))
    return {
        "type": "buttons",
        "direction": "right",
        "showactive": False,
        "x": 1,
        "xanchor": "right",
        "y": 1.0,
        "yanchor": "bottom",
        "pad": {"t": 2, "b": 2},
        "font": {"size": 11},
        "buttons": buttons,
    }


def view_menus(rows: Rows) -> list[dict[str, Any]]:
    """The view buttons, and the same as a hidden drop-down for narrow screens (a phone):
    the page script (``relabel.js``) shows the one that fits."""
    buttons = view_buttons(rows)
    # above the legend: a phone has no room for both side by side
    menu = {**buttons, "type": "dropdown", "visible": False, "showactive": True, "active": 0}
    menu["pad"] = {"t": 2, "b": NARROW_MENU_LIFT_PX}
    return [buttons, menu]


def _button(label: str, lo: float, hi: float) -> dict[str, Any]:
    view = [iso(lo), iso(hi)]
    return {"label": label, "method": "relayout", "args": [{"xaxis.range": view}]}


def _note_folded(fig: go.Figure, rows: Rows) -> None:
    """Say when outlying dates are left out of the initial view, and where they are."""
    before, after = rows.folded
    parts = []
    if before:
        first = rows.data["start"].min()
        parts.append(f"{before} earlier event{'s' if before != 1 else ''} (from {first.year})")
    if after:
        parts.append(f"{after} later event{'s' if after != 1 else ''}")
    if not parts:
        return
    text = " and ".join(parts) + " outside this view" + FOLDED_HINT
    _top_note(fig, text, "left", "#555")


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


def note_not_drawn(fig: go.Figure, shown: pd.DataFrame, left_off: pd.DataFrame) -> None:
    """Say on the chart, in one note, how many events it does not draw and why: no
    calendar position (of the ``shown`` rows), or did not happen (the ``left_off`` rows)."""
    parts = []
    n = int(shown["start"].isna().sum())
    if n:
        parts.append(f"{n} undated event{'s' if n != 1 else ''} not drawn (listed under the chart)")
    if len(left_off):
        parts.append(left_off_note(left_off))
    if parts:
        _top_note(fig, "; ".join(parts), "right", "#a33")


def _top_note(fig: go.Figure, text: str, side: str, color: str) -> None:
    """A small note above the plot, in its top left or top right corner."""
    fig.add_annotation(
        text=text,
        xref="paper",
        yref="paper",
        x=0 if side == "left" else 1,
        y=1.0,
        xanchor=side,
        yanchor="bottom",
        yshift=22,
        showarrow=False,
        font={"size": 11, "color": color},
    )
