"""Publishing a timeline: tables (CSV, JSON, Parquet), one offline HTML page, TimelineJS3
JSON, vis-timeline JSON, static images, and figures that survive nbconvert.

Every format is one entry of ``WRITERS`` (``registry.py``), used by the API and the CLI
alike: ``write(df, "events.parquet")`` picks the writer from the suffix. The writers read
only the events DataFrame (or a figure made by ``timeline.plot``, which remembers the frame
it was drawn from). The modules behind them load plotly and pandas on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline._lazy import attach
from timeline.export.registry import TABLE_FORMATS, WRITERS, Writer, write, writer_for

_FUNCTIONS = {
    "to_csv": "timeline.export.tables",
    "to_json": "timeline.export.tables",
    "to_parquet": "timeline.export.tables",
    "read_events": "timeline.export.tables",
    "to_html": "timeline.export.page",
    "to_timelinejs": "timeline.export.timelinejs",
    "write_timelinejs": "timeline.export.timelinejs",
    "to_image": "timeline.export.image",
    "to_vis_timeline": "timeline.export.vis_timeline",
    "write_vis_timeline": "timeline.export.vis_timeline",
    "use_offline_html": "timeline.export.notebook",
    "MAX_SLIDES": "timeline.export.timelinejs",
    "IMAGE_FORMATS": "timeline.export.image",
    "MAX_LISTED": "timeline.export.page",
}

__all__ = [
    "IMAGE_FORMATS",
    "MAX_LISTED",
    "MAX_SLIDES",
    "read_events",
    "TABLE_FORMATS",
    "WRITERS",
    "Writer",
    "to_csv",
    "to_html",
    "to_image",
    "to_json",
    "to_parquet",
    "to_timelinejs",
    "to_vis_timeline",
    "use_offline_html",
    "write",
    "write_timelinejs",
    "write_vis_timeline",
    "writer_for",
]

if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs only
    from timeline.export.image import IMAGE_FORMATS, to_image
    from timeline.export.notebook import use_offline_html
    from timeline.export.page import MAX_LISTED, to_html
    from timeline.export.tables import read_events, to_csv, to_json, to_parquet
    from timeline.export.timelinejs import MAX_SLIDES, to_timelinejs, write_timelinejs
    from timeline.export.vis_timeline import to_vis_timeline, write_vis_timeline

__getattr__, __dir__ = attach(__name__, _FUNCTIONS, __all__)
