"""timeline: news articles in, dated events and interactive timelines out.

The verbs::

    import timeline
    df = timeline.extract(timeline.read_articles("data/articles"))
    fig = timeline.plot(df)
    timeline.to_html(fig, "timeline.html")

Submodules hold the details, one per stage: ``articles`` (load), ``timex`` (find and
resolve time expressions), ``events`` (build and merge events), ``frame`` (the DataFrame),
``plot`` and ``export``. Heavy libraries (pandas, plotly, dateparser) load on first use,
so ``import timeline`` stays fast.
"""

from __future__ import annotations

import sys
from importlib import import_module
from typing import TYPE_CHECKING

from timeline._lazy import attach
from timeline.errors import DateError, FrameError, InputError, NoInputError, TimelineError
from timeline.model import Article, Event, Report, Timex

__version__ = "0.1.0"

# verb -> module that defines it; resolved lazily by __getattr__ below
_VERBS = {
    "read_articles": "timeline.articles",
    "extract": "timeline.pipeline",
    "tag": "timeline.timex",
    "plot": "timeline.plot",
    "to_html": "timeline.export",
    "to_timelinejs": "timeline.export",
    "to_image": "timeline.export",
    "InputWarning": "timeline.articles",
}

__all__ = [
    "Article",
    "DateError",
    "Event",
    "FrameError",
    "InputError",
    "InputWarning",
    "NoInputError",
    "Report",
    "TimelineError",
    "Timex",
    "extract",
    "plot",
    "read_articles",
    "tag",
    "to_html",
    "to_image",
    "to_timelinejs",
]

if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs only
    from timeline.articles import InputWarning, read_articles
    from timeline.export import to_html, to_image, to_timelinejs
    from timeline.pipeline import extract
    from timeline.plot import plot
    from timeline.timex import tag


if "pandas" in sys.modules:  # pandas is loaded already: ``df.timeline`` costs nothing more
    import_module("timeline.frame")

__getattr__, __dir__ = attach(__name__, _VERBS, __all__)
