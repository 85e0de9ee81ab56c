"""The events DataFrame to an interactive Plotly timeline.

Reads only the frame (see ``docs/ARCHITECTURE.md``), so a user who edits it gets a chart of
the edited frame. What the chart promises:

* a date known to the day (or time) is a marker; a ``from X to Y`` span is a solid bar; a
  date known only to the week, month, quarter or year is a faded band over that whole
  period (``start`` to ``end``), never a made-up day;
* lanes by any column (``group_by``), colours by any column (``color_by``), legend toggles;
* labels stacked within a lane so they don't collide at the initial zoom (greedy interval
  packing on the estimated label width); the full story is in the hover box;
* everything taken from articles is HTML-escaped before it reaches a label or hover box;
* above ``DENSE_THRESHOLD`` events the figure switches to WebGL traces, drops the inline
  labels and adds a per-period count panel, so 100,000 events still build and pan.

Rows without a calendar position (NaT ``start``) can't be placed: the figure says how many
in an annotation and the HTML export lists them under the chart.
"""

from __future__ import annotations

import html
import sys
import types
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.colors import qualitative

from timeline.errors import FrameError
from timeline.model import SEPARATOR

# Above this many dated events: WebGL traces, no inline labels, a count-per-period panel.
# 2,000 SVG markers with text still pan smoothly; beyond that SVG gets sluggish.
DENSE_THRESHOLD = 2_000

REQUIRED = ("start", "end", "label")
MAX_LEVELS = 6  # label rows per lane before labels are left to the hover box
MAX_LANES = 30  # more lanes than this get folded into "other"
MAX_COLORS = 20
LABEL_CHARS = 36  # inline labels are cut to this; the hover box has the full text
LABEL_CHARS_FEW = 60  # ...or to this when there are few events (a single story)
HOVER_WIDTH = 80  # characters per line in the hover box
PLOT_PX = 900  # assumed plot width, to turn label widths into time at the initial zoom
CHAR_PX = 6.5  # average glyph width of the 11px label font
MULTI_VALUED = {"actors", "sources", "alt_values"}  # "; "-joined columns: one lane per value
PALETTE = qualitative.Plotly + qualitative.D3
SHAPES = {
    "point": "exact date",
    "range": "date range",
    "band": "approximate date (week/month/year)",
}
FIG_ATTR = "_timeline_frame"  # where the figure keeps the frame it was drawn from (for export)


def plot(
    df: pd.DataFrame,
    group_by: str | None = None,
    color_by: str | None = None,
    title: str | None = None,
    *,
    dense_threshold: int = DENSE_THRESHOLD,
    labels: bool | None = None,
    height: int | None = None,
) -> go.Figure:
    """Draw the events frame as a timeline and return the Plotly figure.

    ``group_by`` puts each value of a column in its own lane (``"source"``, ``"actors"``;
    multi-valued columns put an event in every lane it names). ``color_by`` colours by a
    column; without it the colours tell exact dates, ranges and approximate dates apart.
    ``labels`` forces inline labels on or off (default: on unless dense).
    """
    frame = check_frame(df, group_by, color_by)
    dated = frame[frame["start"].notna()]
    dense = len(dated) > dense_threshold
    show_labels = (not dense) if labels is None else labels
    rows = _layout_rows(dated, group_by, color_by, show_labels, dense)
    fig = go.Figure()
    _add_event_traces(fig, rows, color_by, dense, show_labels)
    if dense:
        _add_count_panel(fig, dated)
    _style(fig, rows, dated, title, dense, height)
    _note_undated(fig, frame)
    object.__setattr__(fig, FIG_ATTR, frame)  # kept off the JSON; export reads it
    return fig


def check_frame(
    df: pd.DataFrame, group_by: str | None = None, color_by: str | None = None
) -> pd.DataFrame:
    """Return a copy of ``df`` with the optional columns filled in, or raise FrameError."""
    if not isinstance(df, pd.DataFrame):
        raise FrameError(f"expected a pandas DataFrame of events, got {type(df).__name__}")
    wanted = list(REQUIRED) + [c for c in (group_by, color_by) if c]
    missing = [c for c in dict.fromkeys(wanted) if c not in df.columns]
    if missing:
        raise FrameError(
            f"the events frame lacks column(s) {', '.join(missing)}; "
            "pass the frame from timeline.extract(...) (columns in docs/ARCHITECTURE.md) "
            "or add them"
        )
    frame = df.copy()
    frame.attrs = dict(df.attrs)
    for col in ("start", "end"):
        try:
            frame[col] = pd.to_datetime(frame[col])
        except (TypeError, ValueError) as exc:
            raise FrameError(f"column {col!r} must hold dates: {exc}") from exc
    for col, default in _OPTIONAL.items():
        if col not in frame.columns:
            frame[col] = default(frame)
    frame["end"] = frame["end"].fillna(frame["start"])
    return frame


_OPTIONAL = {
    "event_id": lambda f: [f"e{i}" for i in range(1, len(f) + 1)],
    "precision": lambda f: pd.NA,
    "kind": lambda f: "point",
    "value": lambda f: pd.NA,
    "date_text": lambda f: pd.NA,
    "sentence": lambda f: pd.NA,
    "source": lambda f: pd.NA,
    "sources": lambda f: f["source"],
    "n_sources": lambda f: f["sources"].map(lambda s: len(_split(s)) or 1),
    "url": lambda f: pd.NA,
    "actors": lambda f: pd.NA,
    "alt_values": lambda f: pd.NA,
    "mentions": lambda f: None,
}


# ---------------------------------------------------------------- rows: shape, lane, level


@dataclass
class _Rows:
    """Per drawn row (an event may appear in several lanes): everything the traces need."""

    data: pd.DataFrame  # the frame rows, repeated per lane, plus shape/lane/colour/y/show
    lanes: list[str]
    lane_y: list[float]  # centre of each lane on the y axis
    lane_span: list[tuple[float, float]]
    colors: list[str]  # colour values in legend order


def _layout_rows(
    dated: pd.DataFrame,
    group_by: str | None,
    color_by: str | None,
    show_labels: bool,
    dense: bool = False,
) -> _Rows:
    data = dated.copy()
    data["_shape"] = _shapes(data)
    data["_lane"] = _column_values(data, group_by, "events")
    if group_by in MULTI_VALUED:
        data["_lane"] = data["_lane"].map(lambda s: _split(s) or ["(none)"])
        data = data.explode("_lane")
    data["_lane"] = _fold(data["_lane"], MAX_LANES)
    data["_color"] = _fold(_column_values(data, color_by, "events"), MAX_COLORS)
    if color_by is None:
        data["_color"] = data["_shape"].map(SHAPES)
    limit = LABEL_CHARS_FEW if len(data) <= 40 else LABEL_CHARS
    data["_label"] = data["label"].map(lambda s: _short(s, limit))
    data = data.sort_values(["start", "end"], kind="stable")
    span = _view_span(data)
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
    split = dense and data["_shape"].eq("point").any() and data["_shape"].ne("point").any()
    groups = [data["_shape"].eq("point").to_numpy(), data["_shape"].ne("point").to_numpy()]
    for i, _lane in enumerate(lanes):
        n_levels = 0
        for part in groups if split else [np.ones(len(data), dtype=bool)]:
            idx = np.flatnonzero((lane_codes == i) & part)
            if not len(idx):
                continue
            lv, sh = _pack(data.iloc[idx], span, show_labels)
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
    return _Rows(data, lanes, lane_y, lane_span, colors)


def _shapes(data: pd.DataFrame) -> pd.Series:
    """point (known to the day or better), range (a span), band (known only coarsely).

    A time of day given loosely ("Wednesday night": 18:00 to 06:00) is a band too.
    """
    precision = data["precision"].astype("string").fillna("")
    days = ((data["end"] - data["start"]) / pd.Timedelta(days=1)).fillna(0)
    exact = ((precision == "time") & (days <= 1 / 24)) | (precision.isin({"day", ""}) & (days <= 1))
    shape = np.where(exact, "point", "band")
    shape = np.where(data["kind"].astype("string").fillna("") == "range", "range", shape)
    return pd.Series(shape, index=data.index)


def _column_values(data: pd.DataFrame, column: str | None, default: str) -> pd.Series:
    if column is None:
        return pd.Series(default, index=data.index, dtype=object)
    values = data[column]
    if pd.api.types.is_datetime64_any_dtype(values):
        values = values.dt.strftime("%Y-%m-%d")
    return values.astype("string").fillna("(none)").astype(object)


def _fold(values: pd.Series, limit: int) -> pd.Series:
    """Keep the ``limit - 1`` most frequent values and call the rest "other"."""
    counts = values.value_counts()
    if len(counts) <= limit:
        return values
    keep = set(counts.index[: limit - 1])
    return values.where(values.isin(keep), "other")


def _view_span(data: pd.DataFrame) -> pd.Timedelta:
    if data.empty:
        return pd.Timedelta(days=1)
    span = data["end"].max() - data["start"].min()
    return max(span, pd.Timedelta(days=1)) * 1.06


def _pack(lane: pd.DataFrame, span: pd.Timedelta, show_labels: bool) -> tuple[Any, Any]:
    """Greedy interval packing: each event takes the lowest row where it and its label fit.

    An event occupies its own extent plus, when labelled, the width its label needs at the
    initial zoom. When no row is free, the event goes where the marks end first, unlabelled,
    and the label it would sit on is hidden too: labels never cover marks or each other.
    Returns (row per event, label shown per event).
    """
    per_px = span.value / PLOT_PX  # nanoseconds per pixel at the initial view
    start = lane["start"].to_numpy("datetime64[ns]").astype("int64")
    end = lane["end"].to_numpy("datetime64[ns]").astype("int64")
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


# ---------------------------------------------------------------- traces


def _add_event_traces(
    fig: go.Figure, rows: _Rows, color_by: str | None, dense: bool, show_labels: bool
) -> None:
    data = rows.data
    hover = _hover_texts(data, short=dense)
    # a plain list: Series.map on an all-missing Arrow string column gives a null dtype
    links = [safe_url(url) or "" for url in data["url"].tolist()]
    data = data.assign(_hover=hover.to_numpy(), _link=links)
    for n, value in enumerate(rows.colors):
        color = PALETTE[n % len(PALETTE)]
        if color_by is None:
            color = _SHAPE_COLORS[next(k for k, v in SHAPES.items() if v == value)]
        part = data[data["_color"] == value]
        first = True
        for shape in ("band", "range", "point"):
            sub = part[part["_shape"] == shape]
            if sub.empty:
                continue
            for trace in _shape_traces(sub, shape, color, dense):
                trace.update(name=esc(str(value)), legendgroup=str(value), showlegend=first)
                fig.add_trace(trace)
                first = False
        labelled = part[part["_show"]]
        if show_labels and not labelled.empty:
            fig.add_trace(_label_trace(labelled, str(value)))


_SHAPE_COLORS = {"point": "#1f5fa8", "range": "#d9730d", "band": "#7a5bb5"}


def _shape_traces(sub: pd.DataFrame, shape: str, color: str, dense: bool) -> list[Any]:
    custom = np.stack([sub["_hover"].to_numpy(), sub["_link"].to_numpy()], axis=-1)
    hovertemplate = "%{customdata[0]}<extra></extra>"
    if shape == "point":
        scatter = go.Scattergl if dense else go.Scatter
        return [
            scatter(
                x=_ms(_point_x(sub)) if dense else _point_x(sub),
                y=sub["_y"],
                mode="markers",
                marker={"size": 9 if not dense else 6, "color": color, "line": {"width": 0}},
                customdata=custom,
                hovertemplate=hovertemplate,
            )
        ]
    opacity = 0.9 if shape == "range" else 0.3
    if dense:
        return _segments(sub, color, opacity, custom, hovertemplate)
    width_ms = (sub["end"] - sub["start"]) / pd.Timedelta(milliseconds=1)
    traces = [_narrow_markers(sub, color, custom, hovertemplate)] if sub["_narrow"].any() else []
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
            hovertemplate=hovertemplate,
        )
    ]


def _narrow_markers(sub: pd.DataFrame, color: str, custom: Any, tmpl: str) -> go.Scatter:
    """Open markers mid-span for bands too thin to see before zooming in."""
    narrow = sub["_narrow"].to_numpy(dtype=bool)
    part = sub[narrow]
    return go.Scatter(
        x=part["start"] + (part["end"] - part["start"]) / 2,
        y=part["_y"],
        mode="markers",
        marker={"size": 9, "color": color, "symbol": "diamond-open", "line": {"width": 2}},
        customdata=custom[narrow],
        hovertemplate=tmpl,
    )


def _point_x(sub: pd.DataFrame) -> pd.Series:
    """A day-precise event sits mid-day, so zoomed in it lies inside its day."""
    precision = sub["precision"].astype("string").fillna("")
    mid = sub["start"] + (sub["end"] - sub["start"]) / 2
    return sub["start"].where(precision == "time", mid)


def _segments(sub: pd.DataFrame, color: str, opacity: float, custom: Any, tmpl: str) -> list[Any]:
    """Many bands as one WebGL line trace (start, end, gap, ...) without hover, plus
    invisible markers mid-band that carry the hover text once per event (not three times).
    """
    n = len(sub)
    start = sub["start"].to_numpy("datetime64[ns]")
    end = sub["end"].to_numpy("datetime64[ns]")
    xs = np.empty(3 * n, dtype="datetime64[ns]")
    xs[0::3], xs[1::3], xs[2::3] = start, end, np.datetime64("NaT")
    ys = np.repeat(sub["_y"].to_numpy(dtype=float), 3)
    ys[2::3] = np.nan
    lines = go.Scattergl(
        x=_ms(xs),
        y=ys,
        mode="lines",
        line={"color": color, "width": 8},
        opacity=opacity,
        hoverinfo="skip",
        connectgaps=False,
    )
    hover = go.Scattergl(
        x=_ms(start + (end - start) / 2),
        y=sub["_y"],
        mode="markers",
        # invisible unless the band is too thin to see at the initial zoom
        marker={"size": 8, "color": color, "opacity": np.where(sub["_narrow"], 0.8, 0.0)},
        customdata=custom,
        hovertemplate=tmpl,
    )
    return [lines, hover]


def _label_trace(sub: pd.DataFrame, group: str) -> go.Scatter:
    x = sub["start"].where(sub["_shape"] != "point", _point_x(sub))
    return go.Scatter(
        x=x,
        y=sub["_y"],
        xaxis="x2",
        mode="text",
        text=["\u2002" + esc(s) for s in sub["_label"]],  # clear of the marker
        textposition="middle right",
        textfont={"size": 11, "color": "#222"},
        hoverinfo="skip",
        legendgroup=group,
        showlegend=False,
        name=f"{esc(group)} labels",
        cliponaxis=True,
    )


ZOOM_LABELS = "labels (zoomed in)"  # the trace the exported page adds on zoom (export.py)


def _add_count_panel(fig: go.Figure, dated: pd.DataFrame) -> None:
    """Counts per period above the lanes: the shape of a dense story at a glance."""
    size, period = _count_bin(dated)
    fig.add_trace(
        go.Histogram(
            x=_ms(dated["start"]),
            xbins={"size": size},
            yaxis="y2",
            marker={"color": "#888"},
            name=f"events per {period}",
            hovertemplate=f"%{{y}} events (per {period})<extra></extra>",
        )
    )


def _count_bin(dated: pd.DataFrame) -> tuple[Any, str]:
    days = _view_span(dated) / pd.Timedelta(days=1)
    if days > 365 * 30:
        return "M12", "year"
    if days > 365 * 2:
        return "M1", "month"
    if days > 120:
        return 7 * 86_400_000, "week"
    return 86_400_000, "day"


# ---------------------------------------------------------------- hover text


def _hover_texts(data: pd.DataFrame, short: bool = False) -> pd.Series:
    cols = ["label", "date_text", "value", "precision", "sentence", "mentions", "sources"]
    cols += ["url", "n_sources", "actors", "alt_values", "kind"]
    records = data[cols].astype(object).where(data[cols].notna(), None)
    texts = [_hover(r, short) for r in records.itertuples(index=False)]
    return pd.Series(texts, index=data.index, dtype=object)


def _hover(r: Any, short: bool) -> str:
    lines = [f"<b>{esc(_short(r.label, 120) or '(no label)')}</b>"]
    when = esc(str(r.date_text)) if r.date_text else "(date)"
    norm = esc(str(r.value or ""))
    prec = esc(str(r.precision or "unknown precision"))
    lines.append(f"{when} → {norm} ({prec}{', range' if r.kind == 'range' else ''})")
    if r.alt_values:
        lines.append(f"<i>sources disagree; also given: {esc(str(r.alt_values))}</i>")
    if r.sentence:
        limit = 200 if short else 600
        lines.append(highlight_sentence(str(r.sentence), r.date_text, r.mentions, limit))
    if r.actors and not short:
        lines.append("Who: " + esc(_short(str(r.actors), 160)))
    lines.append(_sources_line(r.sources, r.url, r.n_sources, short))
    return "<br>".join(lines)


def _sources_line(sources: Any, url: Any, n_sources: Any, short: bool) -> str:
    names = _split(sources)
    n = int(n_sources) if n_sources is not None else max(len(names), 1)
    link = safe_url(url)
    shown = []
    for i, name in enumerate(names[: 1 if short else 4]):
        text = esc(_short(name, 60))
        # only the primary source has a URL in the frame; it goes on the first name
        if i == 0 and link:
            text = f'<a href="{link}">{text}</a>'
        shown.append(text)
    more = f" +{len(names) - len(shown)} more" if len(names) > len(shown) else ""
    plural = "source" if n == 1 else "sources"
    return f"{n} {plural}: " + ", ".join(shown) + more


def highlight_sentence(sentence: str, date_text: Any, mentions: Any, limit: int) -> str:
    """The sentence, escaped and wrapped, with the date words in bold."""
    lo, hi = _date_span(sentence, date_text, mentions)
    if len(sentence) > limit:  # keep a window around the date words
        left = max(0, min(lo, len(sentence)) - limit // 3)
        cut = sentence[left : left + limit]
        lo, hi = lo - left, hi - left
        sentence = ("…" if left else "") + cut + "…"
        lo, hi = lo + (1 if left else 0), hi + (1 if left else 0)
    out, width = [], 0
    for i, word in enumerate(_words(sentence)):
        pos, token = word
        piece = _bold_part(token, lo - pos, hi - pos)
        if width and width + len(token) > HOVER_WIDTH:
            out.append("<br>")
            width = 0
        elif i:
            out.append(" ")
            width += 1
        out.append(piece)
        width += len(token)
    return "<i>“</i>" + "".join(out).replace("</b> <b>", " ") + "<i>”</i>"


def _bold_part(token: str, lo: int, hi: int) -> str:
    """Escape ``token``, bolding the characters in [lo, hi) (offsets within the token)."""
    lo, hi = max(lo, 0), min(hi, len(token))
    if lo >= hi:
        return esc(token)
    head, mid, tail = token[:lo], token[lo:hi], token[hi:]
    return f"{esc(head)}<b>{esc(mid)}</b>{esc(tail)}"


def _words(text: str) -> list[tuple[int, str]]:
    words, pos = [], 0
    for token in text.split():
        pos = text.index(token, pos)
        words.append((pos, token))
        pos += len(token)
    return words


def _date_span(sentence: str, date_text: Any, mentions: Any) -> tuple[int, int]:
    """Offsets of the date words in the sentence: from the mention, else by search."""
    m = mentions[0] if isinstance(mentions, (list, tuple)) and mentions else None
    if isinstance(m, dict):
        try:
            lo = int(m["char_start"]) - int(m["sentence_start"])
            hi = int(m["char_end"]) - int(m["sentence_start"])
            if 0 <= lo < hi <= len(sentence) and (not date_text or sentence[lo:hi] == date_text):
                return lo, hi
        except (KeyError, TypeError, ValueError):
            pass
    if date_text:
        lo = sentence.find(str(date_text))
        if lo >= 0:
            return lo, lo + len(str(date_text))
    return -1, -1


# ---------------------------------------------------------------- layout


def _style(
    fig: go.Figure,
    rows: _Rows,
    dated: pd.DataFrame,
    title: str | None,
    dense: bool,
    height: int | None,
) -> None:
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
    view = _initial_range(rows.data)
    fig.update_layout(
        xaxis={
            "type": "date",
            "range": view,
            "rangeslider": {"visible": True, "thickness": 0.07, "range": view},
            "rangeselector": _range_buttons(dated),
            "showgrid": True,
        },
        # labels live on a twin axis that follows x, so the range slider stays uncluttered
        xaxis2={"type": "date", "matches": "x", "overlaying": "x", "visible": False},
    )
    fig.update_layout(
        yaxis=dict(
            tickvals=rows.lane_y,
            ticktext=[esc(_short(_lane_name(str(v)), 28)) for v in rows.lanes],
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


def _initial_range(data: pd.DataFrame) -> list[str] | None:
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


def _range_buttons(dated: pd.DataFrame) -> dict[str, Any]:
    days = _view_span(dated) / pd.Timedelta(days=1)
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


def _note_undated(fig: go.Figure, frame: pd.DataFrame) -> None:
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


# ---------------------------------------------------------------- small helpers


def esc(text: str) -> str:
    """Escape text for Plotly's HTML subset (which shows ``&quot;`` literally, so keep quotes)."""
    return html.escape(text, quote=False)


def _ms(values: Any) -> np.ndarray:
    """Dates as epoch milliseconds: Plotly ships float arrays as compact base64 and reads
    numbers on a date axis as milliseconds; ISO strings would triple a dense page's size."""
    arr = np.asarray(values, dtype="datetime64[ns]").astype("int64").astype(float)
    arr[np.asarray(pd.isna(values))] = np.nan
    return arr / 1e6


def _lane_name(value: str) -> str:
    """A file path shows as its file name (the hover box has the full source)."""
    if "/" in value and "://" not in value:
        return value.rstrip("/").rsplit("/", 1)[-1]
    return value


def frame_of(fig: go.Figure) -> pd.DataFrame | None:
    """The frame a figure made by ``plot`` was drawn from, or None for other figures."""
    return getattr(fig, FIG_ATTR, None)


def _split(value: Any) -> list[str]:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return []
    return [part for part in str(value).split(SEPARATOR) if part]


def _short(text: Any, limit: int) -> str:
    if text is None or (not isinstance(text, str) and pd.isna(text)):
        return ""
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def safe_url(url: Any) -> str | None:
    """Only http(s) URLs become links: ``javascript:`` and friends stay text."""
    if not isinstance(url, str):
        return None
    url = url.strip()
    if not url.lower().startswith(("http://", "https://")):
        return None
    return None if any(c in url for c in " \"'<>\\") else url


class _CallableModule(types.ModuleType):
    """``timeline.plot`` is both this module and the verb.

    Importing the submodule rebinds the package attribute ``timeline.plot`` to the module,
    which would hide the lazily exported function; calling the module calls ``plot``.
    """

    def __call__(self, *args: Any, **kwargs: Any) -> go.Figure:
        return plot(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
