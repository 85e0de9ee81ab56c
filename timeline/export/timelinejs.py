"""TimelineJS3 JSON: a title slide and one slide per dated event."""

from __future__ import annotations

import html
import json
import os
from pathlib import Path
from typing import Any

import pandas as pd

from timeline.charts import highlight_sentence, safe_url
from timeline.export._cells import note, text
from timeline.export.output import replacing
from timeline.frame import check
from timeline.model import SEPARATOR

QUOTE_CHARS = 1000  # a slide quotes at most this much of the sentence, around the date

_PARTS = {  # which date parts a precision can state
    "millennium": ("year",),
    "century": ("year",),
    "decade": ("year",),
    "year": ("year",),
    "half": ("year", "month"),
    "quarter": ("year", "month"),
    "season": ("year", "month"),
    "month": ("year", "month"),
    "week": ("year", "month", "day"),
    "day": ("year", "month", "day"),
    "time": ("year", "month", "day", "hour", "minute"),
}


def to_timelinejs(
    df: pd.DataFrame, title: str | None = None, *, group_by: str | None = "source"
) -> dict[str, Any]:
    """The events as TimelineJS3 JSON (a dict; ``json.dump`` it for TimelineJS).

    Dates carry only the parts the precision allows (``2023-10`` gives year and month,
    no day); weeks, quarters and ranges get an ``end_date``. ``display_date`` is the date
    as written. Text is HTML-escaped, with the date words in bold. Undated events can't be
    placed on a TimelineJS timeline and are counted in the title slide instead.
    """
    frame = check(df, group_by)
    dated = frame[frame["start"].notna()]
    events = [_slide(row, group_by) for row in dated.to_dict("records")]
    return {
        "title": {"text": {"headline": html.escape(title or "Timeline"), "text": note(frame)}},
        "events": events,
    }


def write_timelinejs(
    df: pd.DataFrame,
    path: str | os.PathLike[str],
    title: str | None = None,
    *,
    group_by: str | None = "source",
) -> Path:
    """Write ``to_timelinejs(df, title, group_by=...)`` as a UTF-8 JSON file."""
    story = to_timelinejs(df, title, group_by=group_by)
    with replacing(path) as part:
        part.write_text(json.dumps(story, indent=1, ensure_ascii=False), "utf-8")
    return Path(path)


def _slide(r: dict[str, Any], group_by: str | None) -> dict[str, Any]:
    precision = text(r.get("precision")) or "day"
    start, end = pd.Timestamp(r["start"]), pd.Timestamp(r["end"])
    event: dict[str, Any] = {
        "unique_id": text(r.get("event_id")) or None,
        "start_date": _date(start, precision),
        "display_date": html.escape(text(r.get("date_text")) or text(r.get("value"))),
        "text": {"headline": html.escape(text(r.get("label"))), "text": _slide_text(r)},
    }
    last = _last_instant(end, precision) if pd.notna(end) else None
    spans = text(r.get("kind")) == "range" or precision not in {"year", "month", "day", "time"}
    if spans and last is not None and last > start:
        event["end_date"] = _date(last, "day" if precision == "time" else precision)
    if group_by and text(r.get(group_by)):
        event["group"] = html.escape(text(r.get(group_by)).split(SEPARATOR)[0])
    return {k: v for k, v in event.items() if v is not None}


def _last_instant(end: pd.Timestamp, precision: str) -> pd.Timestamp:
    """The exclusive end made inclusive: the last day (or minute) the date allows."""
    step = pd.Timedelta(minutes=1) if precision == "time" else pd.Timedelta(days=1)
    return end - step


def _date(ts: pd.Timestamp, precision: str) -> dict[str, int]:
    return {part: int(getattr(ts, part)) for part in _PARTS.get(precision, _PARTS["day"])}


def _slide_text(r: dict[str, Any]) -> str:
    parts = []
    sentence = text(r.get("sentence"))
    if sentence:
        quote = highlight_sentence(sentence, r.get("date_text"), r.get("mentions"), QUOTE_CHARS)
        parts.append("<p>" + quote.replace("<br>", " ") + "</p>")
    sources = [html.escape(s) for s in text(r.get("sources")).split(SEPARATOR) if s]
    url = safe_url(r.get("url"))
    if sources and url:
        sources[0] = f'<a href="{html.escape(url, quote=True)}">{sources[0]}</a>'
    if sources:
        parts.append("<p>Sources: " + ", ".join(sources) + "</p>")
    if text(r.get("alt_values")):
        parts.append(f"<p>Sources disagree; also given: {html.escape(text(r['alt_values']))}</p>")
    return "".join(parts)
