"""The one list of export formats, read by the API (``timeline.export.write``) and the CLI.

A format is a name, the file suffixes that choose it, and the function that writes it
(named as ``module:function`` and imported on first use, so writing a CSV never loads
plotly). Adding a format is one entry here and one function in its own module.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import Any, TextIO

from timeline.errors import TimelineError


@dataclass(frozen=True, slots=True)
class Writer:
    """One export format."""

    name: str
    function: str  # "module:function", called as function(data, target, **options)
    suffixes: tuple[str, ...]
    reads: str  # "frame" (an events DataFrame) or "figure" (a Figure or a DataFrame)
    table: bool = False  # the frame's rows as a table: a ``timeline extract --format``
    stream: bool = False  # can write to a text stream such as stdout
    summary: str = ""

    def write(self, data: Any, target: str | os.PathLike[str] | TextIO, **options: Any) -> Any:
        module, name = self.function.split(":")
        return getattr(import_module(module), name)(data, target, **options)


WRITERS: dict[str, Writer] = {  # order matters: the first writer of a suffix is its default
    writer.name: writer
    for writer in (
        Writer(
            "csv",
            "timeline.export.tables:to_csv",
            (".csv",),
            "frame",
            table=True,
            stream=True,
            summary="one row per event, every column but mentions",
        ),
        Writer(
            "json",
            "timeline.export.tables:to_json",
            (".json",),
            "frame",
            table=True,
            stream=True,
            summary="a list of records, every column",
        ),
        Writer(
            "parquet",
            "timeline.export.tables:to_parquet",
            (".parquet",),
            "frame",
            table=True,
            summary="every column, typed (needs pyarrow)",
        ),
        Writer(
            "html",
            "timeline.export.page:to_html",
            (".html", ".htm"),
            "figure",
            summary="one offline page: the chart and the events listed",
        ),
        Writer(
            "timelinejs",
            "timeline.export.timelinejs:write_timelinejs",
            (".json",),
            "frame",
            summary="TimelineJS3 JSON",
        ),
        Writer(
            "vis",
            "timeline.export.vis_timeline:write_vis_timeline",
            (".json",),
            "frame",
            summary="vis-timeline items and groups",
        ),
        Writer(
            "image",
            "timeline.export.image:to_image",
            (".png", ".svg", ".pdf", ".jpeg", ".jpg", ".webp"),
            "figure",
            summary="a static image of the chart (needs kaleido and Chromium)",
        ),
    )
}

TABLE_FORMATS = tuple(name for name, writer in WRITERS.items() if writer.table)


def writer_for(
    target: str | os.PathLike[str] | TextIO | None = None,
    format: str | None = None,
    *,
    among: tuple[str, ...] | None = None,
    default: str | None = None,
) -> Writer:
    """The writer named ``format``, else the first (of ``among``) whose suffix ``target`` has,
    else ``default``; raises ``TimelineError`` when none fits."""
    names = among or tuple(WRITERS)
    if format is not None:
        if format not in names:
            raise TimelineError(f"unknown export format {format!r}; use one of {list(names)}")
        return WRITERS[format]
    if isinstance(target, (str, os.PathLike)):
        suffix = Path(target).suffix.lower()
        for name in names:
            if suffix in WRITERS[name].suffixes:
                return WRITERS[name]
    if default is not None:
        return WRITERS[default]
    raise TimelineError(f"{target}: cannot tell the export format; give one of {list(names)}")


def write(
    data: Any,
    target: str | os.PathLike[str] | TextIO,
    format: str | None = None,
    **options: Any,
) -> Any:
    """Write ``data`` (an events frame, or a figure for html/image) in ``format`` (default:
    from the suffix of ``target``) and return what the writer returns (usually the path)."""
    return writer_for(target, format).write(data, target, **options)
