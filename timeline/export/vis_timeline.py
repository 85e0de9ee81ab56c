"""vis-timeline data: items and groups as its ``DataSet`` reads them.

``{"items": [...], "groups": [...], "options": {...}}``: load it with
``new vis.Timeline(el, new vis.DataSet(doc.items), new vis.DataSet(doc.groups), doc.options)``
(without groups when ``groups`` is empty). A date known to the day (or the minute) is a
point; a week, month, quarter or year, or a part of a day ("Wednesday night"), is a range
over that whole period (class ``band``), never a made-up day or hour; a ``from X to Y``
span is a range (class ``span``). vis-timeline renders ``content`` and ``title`` as HTML:
both are built from escaped text only, only http(s) URLs become links, and a tooltip shows
the article's lead image only from a URL ``media.image_url`` accepts.
"""

from __future__ import annotations

import html
import json
import os
import re
from pathlib import Path
from typing import Any

import pandas as pd

from timeline.charts import safe_url
from timeline.export._cells import article_name, group_name, text
from timeline.export.display import display_date
from timeline.export.media import image_url
from timeline.export.output import replacing
from timeline.export.selection import most_reported
from timeline.frame import check, modality_mark, on_the_chart

EXACT = {"day", "time"}
CLOCK = re.compile(r"T\d\d")  # a time with an hour; "TNI" (night) is a band over the night
THUMB_PX = 160  # the lead image's width in a tooltip
OPTIONS = {"stack": True, "showCurrentTime": False, "zoomKey": "ctrlKey"}


def to_vis_timeline(
    df: pd.DataFrame,
    *,
    group_by: str | None = "outlets",
    max_events: int | None = None,
    all_modalities: bool = False,
) -> dict[str, Any]:
    """The dated events as vis-timeline items (and groups when ``group_by`` has values).

    vis-timeline draws no item without a group once there are groups: an event without a
    value of ``group_by`` then goes in a last group, "no outlet given" (or "no COLUMN").
    What did not happen, or only might (``modality`` hypothetical or negated), is left out
    unless ``all_modalities``; a marked item ("planned", "hypothetical", "did not happen")
    says so in its tooltip and has its modality as a class (``planned``, ...)."""
    frame, _ = on_the_chart(check(df, group_by), all_modalities)
    dated = most_reported(frame[frame["start"].notna()], max_events)
    names = [group_name(r, group_by) for r in dated.to_dict("records")]
    items, groups = [], {}
    for r, group in zip(dated.to_dict("records"), names, strict=True):
        item = _item(r)
        if group:
            item["group"] = groups.setdefault(group, f"g{len(groups) + 1}")
        items.append(item)
    if groups and not all(names):
        groups[_no_group(group_by)] = "g0"
        for item in items:
            item.setdefault("group", "g0")
    return {
        "items": items,
        "groups": [{"id": gid, "content": html.escape(name)} for name, gid in groups.items()],
        "options": dict(OPTIONS),
    }


def _no_group(group_by: str | None) -> str:
    return "no outlet given" if group_by in ("outlet", "outlets") else f"no {group_by}"


def write_vis_timeline(df: pd.DataFrame, path: str | os.PathLike[str], **options: Any) -> Path:
    """Write ``to_vis_timeline(df, **options)`` as a UTF-8 JSON file."""
    doc = to_vis_timeline(df, **options)
    with replacing(path) as part:
        part.write_text(json.dumps(doc, indent=1, ensure_ascii=False), "utf-8")
    return Path(path)


def _item(r: dict[str, Any]) -> dict[str, Any]:
    precision = text(r.get("precision")) or "day"
    start, end = pd.Timestamp(r["start"]), pd.Timestamp(r["end"])
    shown = display_date(r)
    item: dict[str, Any] = {
        "id": text(r.get("event_id")) or None,
        "content": html.escape(text(r.get("label"))),
        "start": _iso(start, precision),
        "title": _tooltip(r, shown),
    }
    is_span = text(r.get("kind")) == "range"
    exact = precision in EXACT and (precision != "time" or CLOCK.search(text(r.get("value"))))
    if (is_span or not exact) and pd.notna(end) and end > start:
        item["end"] = _iso(end, precision)
        item["type"] = "range"
        item["className"] = "span" if is_span else "band"
    else:
        item["type"] = "point"
    if modality_mark(r.get("modality")):
        modality = text(r.get("modality"))
        item["className"] = f"{item['className']} {modality}" if "className" in item else modality
    return {k: v for k, v in item.items() if v is not None}


def _iso(ts: pd.Timestamp, precision: str) -> str:
    return ts.isoformat() if precision == "time" else ts.strftime("%Y-%m-%d")


def _tooltip(r: dict[str, Any], shown: str) -> str:
    lines = [f"<b>{html.escape(shown)}</b>", html.escape(text(r.get("label")))]
    mark = modality_mark(r.get("modality"))
    if mark:
        lines.append(f"<i>{html.escape(mark)}</i>")
    credit = html.escape(article_name(r))
    url = safe_url(r.get("url"))
    if credit and url:
        credit = f'<a href="{html.escape(url, quote=True)}">{credit}</a>'
    if credit:
        lines.append(credit)
    image = image_url(r.get("image"))
    if image:  # the article's lead image, as TimelineJS shows it
        lines.append(f'<img src="{html.escape(image, quote=True)}" alt="" width="{THUMB_PX}">')
    return "<br>".join(lines)
