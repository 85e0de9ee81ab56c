"""Dates as a reader says them: "15 February 2025", "October 2023", "3–9 March 2024",
"Wednesday night, 5 March 2025", "the 1990s"; from the date's bounds and precision, never
the article's own words ("Saturday", "53 days later") and never an hour the text did not give.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from timeline.export._cells import text
from timeline.lang.en.display import (
    MODS,
    MONTHS,
    PARTS_OF_DAY,
    SEASONS,
    UNKNOWN_DATE,
    WEEKDAYS,
    ordinal,
)

# The words of a displayed date are the language's (lang/en/display.py), never typed here.
DASH = "\u2013"  # en dash: "3–9 March 2024"

_DAYS = {"day", "time", "week"}  # a span of these is shown in days
_MONTHS = {"month", "quarter", "half", "season"}  # ...of these in months


def display_date(r: dict[str, Any]) -> str:
    """The event's date for a reader; the written date words only when it has no bounds;
    "date unknown" when the text gives none."""
    start, end = r.get("start"), r.get("end")
    if start is None or pd.isna(start):
        return text(r.get("date_text")) or text(r.get("value")) or UNKNOWN_DATE
    start = pd.Timestamp(start)
    end = pd.Timestamp(end) if end is not None and pd.notna(end) else start
    precision = text(r.get("precision")) or "day"
    value = text(r.get("value"))
    if text(r.get("kind")) == "range":
        shown = _span(start, _last_day(end, start), _unit(precision))
    else:
        shown = _point(start, _last_day(end, start), precision, value)
    mod = MODS.get(text(r.get("mod")))
    return mod.format(shown) if mod else shown


def day_text(ts: pd.Timestamp) -> str:
    """ "5 March 2025" """
    return f"{ts.day} {MONTHS[ts.month - 1]} {ts.year}"


def _point(start: pd.Timestamp, last: pd.Timestamp, precision: str, value: str) -> str:
    if precision == "time":
        return _time(start, value)
    if precision == "day":
        return day_text(start)
    if precision == "week":
        return _span(start, last, "day")
    if precision == "month":
        return f"{MONTHS[start.month - 1]} {start.year}"
    if precision == "season":
        season = SEASONS.get(value[-2:])
        return f"{season} {start.year}" if season else _span(start, last, "month")
    if precision in ("quarter", "half"):
        return _span(start, last, "month")
    if precision == "decade":
        return f"the {start.year // 10 * 10}s"
    if precision == "century":
        return f"the {ordinal(start.year // 100 + 1)} century"
    if precision == "millennium":
        return f"the {ordinal(start.year // 1000 + 1)} millennium"
    return str(start.year)


def _time(start: pd.Timestamp, value: str) -> str:
    """ "Wednesday night, 5 March 2025" for a part of the day; "5 March 2025, 14:30" for a
    clock time; the bare day when the value names neither."""
    clock = value.partition("T")[2]
    part = PARTS_OF_DAY.get(clock[:2])
    if part:
        return f"{WEEKDAYS[start.weekday()]} {part}, {day_text(start)}"
    if clock[:2].isdigit():
        return f"{day_text(start)}, {start.hour:02d}:{start.minute:02d}"
    return day_text(start)


def _span(start: pd.Timestamp, last: pd.Timestamp, unit: str) -> str:
    """ "3–9 March 2024", "28 February – 5 March 2024", "October–December 2023", "2019–2021" """
    if unit == "year":
        return str(start.year) if start.year == last.year else f"{start.year}{DASH}{last.year}"
    if unit == "month":
        first, final = MONTHS[start.month - 1], MONTHS[last.month - 1]
        if (start.year, start.month) == (last.year, last.month):
            return f"{first} {start.year}"
        if start.year == last.year:
            return f"{first}{DASH}{final} {start.year}"
        return f"{first} {start.year} {DASH} {final} {last.year}"
    if start.normalize() == last.normalize():
        return day_text(start)
    if (start.year, start.month) == (last.year, last.month):
        return f"{start.day}{DASH}{day_text(last)}"
    if start.year == last.year:
        return f"{start.day} {MONTHS[start.month - 1]} {DASH} {day_text(last)}"
    return f"{day_text(start)} {DASH} {day_text(last)}"


def _unit(precision: str) -> str:
    return "day" if precision in _DAYS else "month" if precision in _MONTHS else "year"


def _last_day(end: pd.Timestamp, start: pd.Timestamp) -> pd.Timestamp:
    """The exclusive end made inclusive (the day before midnight), never before the start."""
    last = end - pd.Timedelta(microseconds=1)
    return max(last, start)
