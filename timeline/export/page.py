"""The offline HTML page: the chart with plotly.js inlined, a note, and the events listed.

Article text is data: every string from the frame is HTML-escaped before it reaches the
page, and only http(s) URLs become links. The page's template (``page.html``) and
behaviour (``page.js``) are package data; the constants the script shares with the chart
are injected from Python, not re-typed.
"""

from __future__ import annotations

import html
import json
import os
import re
from functools import cache
from importlib.resources import files
from pathlib import Path
from string import Template
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from timeline.charts import credit_name, frame_of, page_constants, plot, safe_url
from timeline.charts import page_script as chart_script
from timeline.errors import TimelineError
from timeline.export._cells import first, note, text, whole
from timeline.export.display import display_date
from timeline.export.output import replacing
from timeline.frame import modality_mark, on_the_chart

MAX_LISTED = 500  # the event list under the chart stays short; the chart has them all
PLOT_ID = "timeline-plot"
_ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?|-W\d{2})?$")  # valid HTML <time> values


def to_html(
    fig_or_df: go.Figure | pd.DataFrame,
    path: str | os.PathLike[str],
    title: str | None = None,
    *,
    group_by: str | None = None,
    color_by: str | None = None,
    max_listed: int = MAX_LISTED,
    all_modalities: bool = False,
) -> Path:
    """Write one self-contained HTML page (plotly.js inlined, works offline) and return its path.

    The page is written whole or not at all (``OutputError`` when it cannot be written, the
    previous page kept); the folder must exist.

    The page has the title, the chart, a note of how many events came from how many
    articles, and a plain list of the events (date, label, source) for readers and screen
    readers, followed by the events that have no calendar date, then those the chart left
    off because they did not happen or only might (``modality`` hypothetical or negated),
    marked as such. ``group_by``/``color_by``/``all_modalities`` (draw those too, as
    ``timeline.plot``) apply when a DataFrame is given; a figure says what it drew.
    """
    fig, frame = figure_and_frame(fig_or_df, group_by, color_by, title, all_modalities)
    title = title or _figure_title(fig) or "Timeline"
    page = _template().substitute(
        title=html.escape(title),
        note=html.escape(note(frame)),
        chart=_chart_html(fig),
        events=_event_list(frame, max_listed, _draws_all(fig)),
        list_script=list_script(),
    )
    with replacing(path) as part:
        part.write_text(page, encoding="utf-8")
    return Path(path)


def figure_and_frame(
    fig_or_df: Any,
    group_by: str | None,
    color_by: str | None,
    title: str | None,
    all_modalities: bool = False,
) -> tuple[go.Figure, pd.DataFrame | None]:
    """The figure to draw, and the frame it was drawn from (None for a foreign figure)."""
    if isinstance(fig_or_df, pd.DataFrame):
        fig = plot(
            fig_or_df,
            group_by=group_by,
            color_by=color_by,
            title=title,
            all_modalities=all_modalities,
        )
        return fig, frame_of(fig)
    if isinstance(fig_or_df, go.Figure):
        return fig_or_df, frame_of(fig_or_df)
    raise TimelineError(
        f"expected a plotly Figure or an events DataFrame, got {type(fig_or_df).__name__}"
    )


@cache
def _template() -> Template:
    return Template(files(__package__).joinpath("page.html").read_text(encoding="utf-8"))


@cache
def page_script() -> str:
    """``page.js`` with the chart's constants (``timeline.charts.page_constants``) filled in."""
    script = files(__package__).joinpath("page.js").read_text(encoding="utf-8")
    return script.replace("__TIMELINE_CONSTANTS__", json.dumps(page_constants()))


@cache
def list_script() -> str:
    """``list.js``: the event list searchable and sortable in the page (no server, no data
    in the script: it reads the table's text)."""
    script = files(__package__).joinpath("list.js").read_text(encoding="utf-8")
    if "</" in script:  # nothing in it may close the inline <script>
        raise TimelineError('list.js must not contain "</"')
    return script


def _chart_html(fig: go.Figure) -> str:
    """The chart's div with plotly.js inlined; the page's <h1> carries the title instead."""
    kept = fig.layout.title.text
    fig.layout.title.text = None
    try:
        return fig.to_html(
            include_plotlyjs=True,
            full_html=False,
            div_id=PLOT_ID,
            default_height=f"{fig.layout.height or 600}px",
            config={"responsive": True, "displaylogo": False, "scrollZoom": True},
            post_script=[page_script(), chart_script()],
        )
    finally:
        fig.layout.title.text = kept


def _figure_title(fig: go.Figure) -> str | None:
    title = fig.layout.title.text if fig.layout.title else None
    return html.unescape(title) if title else None  # plot() stored it escaped


def _draws_all(fig: go.Figure) -> bool:
    """Whether ``plot`` drew what did not happen too (``all_modalities``)."""
    meta = fig.layout.meta if isinstance(fig.layout.meta, dict) else {}
    return bool(meta.get("timeline", {}).get("all_modalities", False))


def _event_list(frame: pd.DataFrame | None, max_listed: int, all_modalities: bool) -> str:
    if frame is None or frame.empty:
        return ""
    shown, left_off = on_the_chart(frame, all_modalities)
    dated = shown[shown["start"].notna()].sort_values("start", kind="stable")
    undated = shown[shown["start"].isna()]
    parts = [
        '<section aria-labelledby="events-heading">',
        '<h2 id="events-heading">Events</h2>',
        _table(dated.head(max_listed), "events in date order"),
    ]
    if len(dated) > max_listed:
        parts.append(f"<p>First {max_listed} of {len(dated)} dated events listed.</p>")
    parts.append("</section>")
    if not undated.empty:
        parts += [
            '<section aria-labelledby="undated-heading">',
            '<h2 id="undated-heading">Undated</h2>',
            "<p>The articles give these no date, or one that could not be placed on the"
            " calendar.</p>",
            _table(undated.head(max_listed), "events without a calendar date"),
            "</section>",
        ]
    if not left_off.empty:
        left_off = left_off.sort_values("start", kind="stable", na_position="last")
        parts += [
            '<section aria-labelledby="left-off-heading">',
            '<h2 id="left-off-heading">Left off the chart: did not happen, or only might</h2>',
            "<p>The articles tell these as not having happened (negated) or as what only"
            " might have (hypothetical): they are not events of the timeline.</p>",
            _table(left_off.head(max_listed), "events that did not happen or only might"),
            "</section>",
        ]
    return "\n".join(parts)


def _table(rows: pd.DataFrame, caption: str) -> str:
    body = "\n".join(_table_row(r) for r in rows.to_dict("records"))
    return (
        f'<table class="events"><caption class="sr-only">{html.escape(caption)}</caption>'
        '<thead><tr><th scope="col">Date</th><th scope="col">Event</th>'
        f'<th scope="col">Source</th></tr></thead>\n<tbody>\n{body}\n</tbody></table>'
    )


def _table_row(r: dict[str, Any]) -> str:
    """One event: its date as a reader says it ("Wednesday night, 5 March 2025", "October
    2023"), never a TIMEX3 code, in a <time> element a machine can read; what happened; the
    credited article. The date cell's ``data-sort`` (the start, epoch ms) sorts the list."""
    value = text(r.get("value"))
    start = r.get("start")
    dated = start is not None and not pd.isna(start)
    machine = value if _ISO_DATE.match(value) else ""
    if text(r.get("kind")) == "range" and dated:  # a span: the machine date is its start
        machine = pd.Timestamp(start).strftime("%Y-%m-%d")
    elif not machine and dated and text(r.get("precision")) in ("day", "time"):
        machine = pd.Timestamp(start).strftime("%Y-%m-%d")
    attr = f' datetime="{html.escape(machine)}"' if machine else ""
    epoch_ms = (
        int(pd.Timestamp(start).asm8.astype("datetime64[ms]").astype("int64")) if dated else 0
    )
    key = f' data-sort="{epoch_ms}"' if dated else ""
    date = f"<time{attr}>{html.escape(display_date(r))}</time>"
    mark = modality_mark(r.get("modality"))
    said = html.escape(text(r.get("label"))) + (f" <em>({html.escape(mark)})</em>" if mark else "")
    return f"<tr><td{key}>{date}</td><td>{said}</td><td>{_source_html(r)}</td></tr>"


def _source_html(r: dict[str, Any]) -> str:
    """The article credited by outlet and title (never a local path), linked to its URL."""
    outlet = first(r.get("outlets"))
    source = text(r.get("source")) or first(r.get("sources"))
    name = html.escape(credit_name(outlet, text(r.get("title")), source))
    url = safe_url(r.get("url"))
    if url:
        name = f'<a href="{html.escape(url, quote=True)}" rel="noopener">{name}</a>'
    n = whole(r.get("n_sources"), 1)
    return name + (f" and {n - 1} more" if n > 1 else "")
