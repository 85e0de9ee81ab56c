"""Labels that follow the zoom in Jupyter: the same levels the page script uses."""

from __future__ import annotations

from typing import Any

import numpy as np
import plotly.graph_objects as go

from timeline.charts._constants import FOLDED_HINT, LABELS_META, PLOT_PX, ROWS_META
from timeline.charts._labels import level
from timeline.charts._traces import cut_labels, label_sides


def relabel(fig: go.Figure, x_range: Any = None, plot_px: float = PLOT_PX) -> int:
    """Stack the marks and show the labels that fit ``x_range`` (default: the figure's) on a
    plot ``plot_px`` wide; returns the zoom level chosen. What the exported page does on
    every zoom."""
    meta = (fig.layout.meta or {}).get("timeline") if isinstance(fig.layout.meta, dict) else None
    scales = (meta or {}).get("scales") or []
    x_range = x_range if x_range is not None else fig.layout.xaxis.range
    if not scales or not x_range:
        return -1
    lo, hi = (np.datetime64(str(v).replace(" ", "T"), "ms").astype("int64") for v in x_range)
    k = level(scales, float(hi - lo), plot_px)
    with fig.batch_update():
        for trace in fig.data:
            meta = trace.meta if isinstance(trace.meta, dict) else {}
            rows, labels = meta.get(ROWS_META), meta.get(LABELS_META)
            if rows and k < len(rows):
                trace.y = rows[k]
            if labels:
                trace.text = cut_labels(labels["labels"], labels["chars"][k])
                trace.textposition = label_sides(labels["chars"][k])
    return k


def widget(fig: go.Figure, plot_px: float = PLOT_PX) -> Any:
    """A ``go.FigureWidget`` of ``fig`` whose labels follow the zoom (needs anywidget)."""
    try:
        live = go.FigureWidget(fig)
    except (ImportError, ValueError) as exc:
        raise ImportError("a live chart needs anywidget: pip install anywidget") from exc

    def follow(layout: Any, x_range: Any) -> None:
        relabel(live, x_range, plot_px)

    live.layout.on_change(follow, "xaxis.range")
    return live


def still(fig: go.Figure, width: int | None = None) -> go.Figure:
    """A copy of ``fig`` for a static image (``to_image``, ``--image``): no range slider
    and no view buttons (there is nothing to click in a picture), no "drag" hint, and the
    labels that fit an image ``width`` pixels wide (the figure's own labels otherwise)."""
    out = go.Figure(fig)
    out.layout.updatemenus = ()
    out.layout.xaxis.rangeslider.visible = False
    for note in out.layout.annotations or ():
        if isinstance(note.text, str) and note.text.endswith(FOLDED_HINT):
            note.text = note.text[: -len(FOLDED_HINT)]
    if width:
        margin = out.layout.margin
        relabel(out, plot_px=max(100, width - (margin.l or 0) - (margin.r or 0)))
    return out
