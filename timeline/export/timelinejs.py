"""TimelineJS3 JSON: a title slide, one slide per dated event, eras for the spans that
frame the story.

TimelineJS treats its fields two ways, and each gets the escaping that keeps an article's
text as text: ``headline``, ``text`` and media captions are HTML, which it cleans with
DOMPurify, so they are HTML-escaped once. ``display_date`` and ``group`` it reads as plain
text by parsing them as HTML and taking their text, which decodes entities, and then
writes that text back as HTML: escaped once, ``&lt;img onerror=…&gt;`` would come back as a
live ``<img>``. These two are escaped twice, so what TimelineJS writes is the escaped text.
Tested in the real TimelineJS (npm ``@knight-lab/timelinejs``) in Chromium.
"""

from __future__ import annotations

import html
import json
import os
import re
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pandas as pd

from timeline.charts import highlight_sentence, safe_url
from timeline.export._cells import article_name, first, group_name, note, text
from timeline.export.display import display_date
from timeline.export.media import image_url
from timeline.export.output import replacing
from timeline.export.selection import most_reported
from timeline.frame import check, left_off_note, modality_mark, on_the_chart, split

QUOTE_CHARS = 1000  # a slide quotes at most this much of the sentence, around the date
MAX_SLIDES = 200  # a 500-event story stays navigable: the most reported are kept
MAX_UNDATED_LISTED = 10  # the title slide names this many events it cannot place
MAX_ERAS = 3
ERA_SHARE = 0.25  # a span covering a quarter of the story's time frames it

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
_CLOCK = re.compile(r"T\d\d")  # a TIMEX3 time with an hour (not "TNI", night)
_NOT_ID = re.compile(r"[^A-Za-z0-9_-]+")


def to_timelinejs(
    df: pd.DataFrame,
    title: str | None = None,
    *,
    group_by: str | None = "outlets",
    max_events: int | None = MAX_SLIDES,
    all_modalities: bool = False,
) -> dict[str, Any]:
    """The events as TimelineJS3 JSON (a dict; ``json.dump`` it for TimelineJS).

    Dates carry only the parts the precision allows (``2023-10`` gives year and month, no
    day; no hour unless the text gave one); weeks, quarters and ranges get an ``end_date``.
    ``display_date`` is the date as a reader says it ("3–9 March 2024"). Each slide quotes
    its sentence (date words in bold) and is credited to its outlet and article title,
    linked; its media is the article's lead image when it has one (an http(s) URL that
    TimelineJS shows as an image). Groups are the first value of ``group_by`` (default:
    the outlet; None: no groups). At most ``max_events`` slides (None: all), the most
    reported; the title slide (``title``, else the story's most common article title) says
    what was left out and names the events without a calendar date, which TimelineJS
    cannot place. What did not happen, or only might (``modality`` hypothetical or
    negated), gets no slide unless ``all_modalities``; the title slide names it. A planned
    event's slide says "planned".
    """
    frame = check(df, group_by)
    kept, left_off = on_the_chart(frame, all_modalities)
    dated = kept[kept["start"].notna()]
    shown = most_reported(dated, max_events)
    doc: dict[str, Any] = {
        "title": _title_slide(frame, kept, left_off, title, len(shown), len(dated)),
        "events": [_slide(row, group_by) for row in shown.to_dict("records")],
    }
    eras = _eras(shown)
    if eras:
        doc["eras"] = eras
    return doc


def write_timelinejs(
    df: pd.DataFrame,
    path: str | os.PathLike[str],
    title: str | None = None,
    **options: Any,
) -> Path:
    """Write ``to_timelinejs(df, title, **options)`` as a UTF-8 JSON file."""
    story = to_timelinejs(df, title, **options)
    with replacing(path) as part:
        part.write_text(json.dumps(story, indent=1, ensure_ascii=False), "utf-8")
    return Path(path)


def plain(value: str) -> str:
    """A field TimelineJS reads as text and writes back as HTML: escaped twice."""
    return html.escape(html.escape(value))


def _title_slide(
    frame: pd.DataFrame,
    kept: pd.DataFrame,
    left_off: pd.DataFrame,
    title: str | None,
    n_shown: int,
    n_dated: int,
) -> dict:
    parts = [f"<p>{html.escape(note(frame).split(' (')[0].rstrip('.'))}.</p>"]
    if n_shown < n_dated:
        parts.append(f"<p>The {n_shown} most reported of {n_dated} dated events are shown.</p>")
    undated = kept[kept["start"].isna()]
    if not undated.empty:
        parts.append(
            f"<p>Not on this timeline, for want of a calendar date ({len(undated)}): "
            + _names(undated)
            + ".</p>"
        )
    if not left_off.empty:
        parts.append(f"<p>Not on this timeline: {html.escape(left_off_note(left_off))}: ")
        parts[-1] += _names(left_off) + ".</p>"
    headline = title or _story_title(frame) or "Timeline"
    return {"text": {"headline": html.escape(headline), "text": "".join(parts)}}


def _names(rows: pd.DataFrame) -> str:
    """ "label (date words); label; and 3 more": the first ``MAX_UNDATED_LISTED`` rows."""
    names = [
        html.escape(text(r.get("label")) or text(r.get("date_text")))
        + (f" ({html.escape(text(r.get('date_text')))})" if text(r.get("date_text")) else "")
        for r in rows.head(MAX_UNDATED_LISTED).to_dict("records")
    ]
    more = len(rows) - len(names)
    return "; ".join(names) + (f"; and {more} more" if more > 0 else "")


def _story_title(frame: pd.DataFrame) -> str:
    """The article title most events come from, when the frame has titles."""
    if "title" not in frame.columns:
        return ""
    titles = Counter(t for t in frame["title"].dropna().astype(str) if t.strip())
    return titles.most_common(1)[0][0] if titles else ""


def _slide(r: dict[str, Any], group_by: str | None) -> dict[str, Any]:
    precision = text(r.get("precision")) or "day"
    start, end = pd.Timestamp(r["start"]), pd.Timestamp(r["end"])
    parts = _parts(precision, text(r.get("value")))
    event: dict[str, Any] = {
        "unique_id": _NOT_ID.sub("-", text(r.get("event_id"))).strip("-") or None,
        "start_date": _date(start, parts),
        "display_date": plain(display_date(r)),
        "text": {"headline": html.escape(text(r.get("label"))), "text": _slide_text(r)},
    }
    last = _last_instant(end, precision) if pd.notna(end) else None
    spans = text(r.get("kind")) == "range" or precision not in {"year", "month", "day", "time"}
    if spans and last is not None and last > start:
        event["end_date"] = _date(last, _PARTS["day"] if precision == "time" else parts)
    media = _media(r)
    if media:
        event["media"] = media
    group = group_name(r, group_by)
    if group:
        event["group"] = plain(group)
    return {k: v for k, v in event.items() if v is not None}


def _media(r: dict[str, Any]) -> dict[str, str] | None:
    """The article's lead image (``og:image``) as the slide's media, credited to its outlet
    and linked to the article; only a URL TimelineJS draws as an ``<img>`` (``image_url``).
    ``credit`` and ``caption`` are HTML to TimelineJS (escaped once); ``alt`` it sets as the
    image's property, so it is plain text, not escaped."""
    url = image_url(r.get("image"))
    if url is None:
        return None
    outlet = text(r.get("outlet")).strip() or first(r.get("outlets"))  # the image's article
    title = " ".join(text(r.get("title")).split())
    media = {"url": url, "alt": f"Lead image of {title}" if title else "Lead image"}
    credit = outlet or _host(safe_url(r.get("url")) or url)
    if credit:
        media["credit"] = html.escape(f"Image: {credit}")
    link = safe_url(r.get("url"))
    if link:
        media["link"] = link
    return media


def _host(url: str) -> str:
    return urlsplit(url).hostname or ""


def _parts(precision: str, value: str) -> tuple[str, ...]:
    if precision == "time" and not _CLOCK.search(value):
        return _PARTS["day"]  # "Wednesday night": the day, never an invented hour
    return _PARTS.get(precision, _PARTS["day"])


def _last_instant(end: pd.Timestamp, precision: str) -> pd.Timestamp:
    """The exclusive end made inclusive: the last day (or minute) the date allows."""
    step = pd.Timedelta(minutes=1) if precision == "time" else pd.Timedelta(days=1)
    return end - step


def _date(ts: pd.Timestamp, parts: tuple[str, ...]) -> dict[str, int]:
    return {part: int(getattr(ts, part)) for part in parts}


def _slide_text(r: dict[str, Any]) -> str:
    mark = modality_mark(r.get("modality"))
    parts = [f"<p><em>{html.escape(mark.capitalize())}.</em></p>"] if mark else []
    sentence = text(r.get("sentence"))
    if sentence:
        quote = highlight_sentence(sentence, r.get("date_text"), r.get("mentions"), QUOTE_CHARS)
        parts.append("<p>" + quote.replace("<br>", " ") + "</p>")
    parts.append(_credit(r))
    if text(r.get("alt_values")):
        parts.append(f"<p>Sources disagree; also given: {html.escape(text(r['alt_values']))}</p>")
    return "".join(p for p in parts if p)


def _credit(r: dict[str, Any]) -> str:
    """ "Reuters: <a>Putin meets Trufanov</a>", and how many other articles report it."""
    outlet = first(r.get("outlets"))
    title = text(r.get("title")).strip()
    name = title or ("" if outlet else article_name(r))
    url = safe_url(r.get("url"))
    linked = html.escape(name)
    if url and name:
        linked = f'<a href="{html.escape(url, quote=True)}">{linked}</a>'
    credit = ": ".join(p for p in (html.escape(outlet), linked) if p)
    n_sources = len(split(r.get("sources")))
    if n_sources > 1:
        others = n_sources - 1
        credit += f" (and {others} other article{'s' if others != 1 else ''})"
    return f"<p>{credit}</p>" if credit else ""


def _eras(shown: pd.DataFrame) -> list[dict[str, Any]]:
    """The long ``from X to Y`` spans, as TimelineJS eras behind the slides."""
    if shown.empty or "kind" not in shown.columns:
        return []
    story = shown["end"].max() - shown["start"].min()
    spans = shown[(shown["kind"] == "range") & shown["end"].notna()]
    if story <= pd.Timedelta(0) or spans.empty:
        return []
    long = spans[(spans["end"] - spans["start"]) >= story * ERA_SHARE]
    long = long.assign(_length=long["end"] - long["start"]).nlargest(MAX_ERAS, "_length")
    return [
        {
            "start_date": _date(pd.Timestamp(r["start"]), _PARTS["day"]),
            "end_date": _date(_last_instant(pd.Timestamp(r["end"]), "day"), _PARTS["day"]),
            "text": {"headline": html.escape(text(r.get("label")))},
        }
        for r in long.sort_values("start").to_dict("records")
    ]
