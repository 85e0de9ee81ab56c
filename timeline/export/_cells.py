"""Reading one row of the events frame as the writers need it: text, whole numbers, counts."""

from __future__ import annotations

from typing import Any

import pandas as pd

from timeline.frame import report_of, split
from timeline.model import SEPARATOR


def text(value: Any) -> str:
    """A cell as text: "" for missing values (None, NaN, NA, NaT)."""
    if value is None or (not isinstance(value, (str, list, dict)) and pd.isna(value)):
        return ""
    return str(value)


def first(value: Any) -> str:
    """The first part of a multi-valued cell (``"Reuters; AP"`` -> ``"Reuters"``), stripped."""
    return text(value).split(SEPARATOR)[0].strip()


def article_name(r: dict[str, Any], source: str | None = None) -> str:
    """An article as a reader would credit it: "Outlet: Title", either alone, or the file's
    name without its folder and extension; never a local path. ``source`` another of the
    event's articles (then only its own name is known)."""
    from timeline.charts import credit_name

    own = text(r.get("source"))
    if source is not None and source != own:
        return credit_name(None, None, source)
    outlet = text(r.get("outlet")).strip() or first(r.get("outlets"))
    return credit_name(outlet or None, text(r.get("title")) or None, own or "article")


def group_name(r: dict[str, Any], group_by: str | None) -> str:
    """A story export's group for the row: the first value of ``group_by``; an article
    (``source``, ``sources``) by its outlet and title, never its path."""
    value = first(r.get(group_by)) if group_by else ""
    if value and group_by in ("source", "sources"):
        return article_name(r, value)
    return value


def whole(value: Any, default: int) -> int:
    """A cell as an int, or ``default`` when it is missing or not a number."""
    try:
        return default if pd.isna(value) else int(value)
    except (TypeError, ValueError):
        return default


def n_articles(frame: pd.DataFrame) -> int:
    """Articles the events came from: the pipeline's report if any, else distinct sources."""
    report = report_of(frame)
    if report is not None:
        return len(report.read)
    column = "sources" if "sources" in frame.columns else "source"
    if column not in frame.columns:
        return 0
    names = {s for v in frame[column] for s in split(v)}
    return len(names)


def note(frame: pd.DataFrame | None) -> str:
    """``"7 events from 2 articles (1 without a calendar date, listed at the end)."``"""
    if frame is None:
        return ""
    n, m = len(frame), n_articles(frame)
    undated = int(frame["start"].isna().sum())
    words = f"{n} event{'s' if n != 1 else ''} from {m} article{'s' if m != 1 else ''}"
    if undated:
        words += f" ({undated} without a calendar date, listed at the end)"
    return words + "."
