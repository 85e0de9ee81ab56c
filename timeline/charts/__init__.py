"""Charts of the events DataFrame: Plotly figures, in the spirit of plotly.express.

Reads only the frame (see ``docs/ARCHITECTURE.md``), so a user who edits it gets a chart of
the edited frame. What the timeline promises:

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

Layout: ``_constants`` (a chart's sizes, colours, names: data), ``_core`` (frame contract,
rows, packing, axis, layout), ``_hover`` (hover box and the customdata contract),
``_traces`` (marks), ``_chart_types`` (the public chart functions over the core).
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from typing import Any

from timeline.charts._chart_types import timeline
from timeline.charts._constants import (
    CHAR_PX,
    DENSE_THRESHOLD,
    LABEL_CHARS,
    LABEL_FONT,
    PLOT_PX,
    ZOOM_LABELS,
    ZOOM_MAX_LABELS,
)
from timeline.charts._core import check_frame, frame_of
from timeline.charts._credit import credit_name, source_names
from timeline.charts._hover import HOVER, LINK, highlight_sentence
from timeline.charts._jupyter import relabel, still, widget
from timeline.charts._text import esc, safe_url

plot = timeline  # the default chart: ``timeline.plot(df)``


def page_constants() -> dict[str, Any]:
    """The chart's choices a page script needs, to be injected as JSON, never re-typed."""
    return {
        "zoomLabels": ZOOM_LABELS,
        "zoomMaxLabels": ZOOM_MAX_LABELS,
        "charPx": CHAR_PX,
        "labelChars": LABEL_CHARS,
        "labelFont": dict(LABEL_FONT),
        "hover": HOVER,
        "link": LINK,
    }


@cache
def page_script() -> str:
    """The chart's own script for a page (labels that follow the zoom), for ``post_script``."""
    return files(__package__).joinpath("relabel.js").read_text(encoding="utf-8")


__all__ = [
    "CHAR_PX",
    "DENSE_THRESHOLD",
    "HOVER",
    "LINK",
    "PLOT_PX",
    "ZOOM_LABELS",
    "ZOOM_MAX_LABELS",
    "check_frame",
    "credit_name",
    "source_names",
    "still",
    "esc",
    "frame_of",
    "highlight_sentence",
    "page_constants",
    "page_script",
    "plot",
    "relabel",
    "safe_url",
    "timeline",
    "widget",
]
