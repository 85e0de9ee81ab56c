"""Events to the DataFrame: the contract between the library and everything a user sees.

Plotting and export read only this frame, so a user who edits it in a notebook (drops a
row, fixes a label) gets a chart of the edited frame. Columns are documented in
``docs/ARCHITECTURE.md`` and listed in ``COLUMNS``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import fields
from datetime import date, datetime
from operator import attrgetter

import pandas as pd

from timeline.model import PRECISION_RANK, PRECISIONS, SEPARATOR, Event, Mention, Report

# column -> pandas dtype; the order is the frame's column order
COLUMNS: dict[str, str] = {
    "event_id": "string",
    "value": "string",
    "type": "string",
    "precision": "string",
    "mod": "string",
    "start": "datetime64[us]",
    "end": "datetime64[us]",
    "kind": "string",
    "label": "string",
    "actors": "string",
    "date_text": "string",
    "sentence": "string",
    "source": "string",
    "title": "string",
    "url": "string",
    "published": "datetime64[us]",
    "char_start": "Int64",
    "char_end": "Int64",
    "sources": "string",
    "outlets": "string",
    "n_sources": "Int64",
    "n_mentions": "Int64",
    "mentions": "object",
    "date_conflict": "bool",
    "alt_values": "string",
    "anchor": "string",
    "needs_dct": "bool",
}


def to_frame(events: Iterable[Event], report: Report | None = None) -> pd.DataFrame:
    """One row per event, sorted by date (earliest first, coarser precision first on ties).

    Events without a calendar position (unresolved or out-of-range dates) come last.
    ``df.attrs["report"]`` carries the ``Report`` that accounts for every input.
    """
    rows = [_event_row(event) for event in events]
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    del rows  # the frame holds the values now
    frame = _sorted(frame)
    frame["event_id"] = [f"e{i}" for i in range(1, len(frame) + 1)]
    frame = frame.astype(COLUMNS).reset_index(drop=True)
    frame.attrs["report"] = report if report is not None else Report()
    return frame


def empty_frame(report: Report | None = None) -> pd.DataFrame:
    """A frame with every column and no rows."""
    return to_frame([], report)


def _event_row(event: Event) -> dict[str, object]:
    timex = event.timex
    first = event.mentions[0] if event.mentions else None
    end = event.range_latest if event.kind == "range" and event.range_latest else timex.latest
    return {
        "event_id": event.event_id,
        "value": timex.value,
        "type": timex.type,
        "precision": timex.precision,
        "mod": timex.mod,
        "start": _timestamp(timex.earliest),
        "end": _timestamp(end),
        "kind": event.kind,
        "label": event.label,
        "actors": SEPARATOR.join(event.actors),
        "date_text": first.date_text if first else timex.text,
        "sentence": first.sentence if first else "",
        "source": first.source if first else "",
        "title": first.title if first else "",
        "url": first.url if first else None,
        "published": _timestamp(first.published) if first else None,
        "char_start": first.char_start if first else timex.start,
        "char_end": first.char_end if first else timex.end,
        "sources": SEPARATOR.join(event.sources),
        "outlets": SEPARATOR.join(event.outlets),
        "n_sources": len(event.sources),
        "n_mentions": event.n_mentions,
        "mentions": [_mention_dict(m) for m in event.mentions],
        "date_conflict": event.date_conflict,
        "alt_values": SEPARATOR.join(event.alt_values),
        "anchor": timex.anchor,
        "needs_dct": timex.needs_dct,
    }


_MENTION_FIELDS = tuple(f.name for f in fields(Mention))
_mention_values = attrgetter(*_MENTION_FIELDS)


def _mention_dict(mention: Mention) -> dict[str, object]:
    """The Mention's fields in order, as ``dataclasses.asdict`` gives them (its values are
    immutable, so its deep copy only cost time and memory)."""
    record = dict(zip(_MENTION_FIELDS, _mention_values(mention), strict=True))
    if isinstance(mention.published, date):
        record["published"] = mention.published.isoformat()
    return record


def _timestamp(value: date | datetime | None) -> pd.Timestamp | None:
    """A pandas Timestamp at microsecond resolution, or None (NaT) if it can't be held."""
    if value is None:
        return None
    try:
        return pd.Timestamp(value).as_unit("us")
    except (OverflowError, ValueError, pd.errors.OutOfBoundsDatetime):
        return None


def _sorted(frame: pd.DataFrame) -> pd.DataFrame:
    if frame.empty:
        return frame
    rank = frame["precision"].map(lambda p: PRECISION_RANK.get(p, len(PRECISIONS)))
    order = pd.DataFrame(
        {
            "undated": frame["start"].isna(),
            "start": pd.to_datetime(frame["start"]),
            "rank": rank,
            "value": frame["value"].astype(str),
        }
    ).sort_values(["undated", "start", "rank", "value"], kind="stable")
    return frame.loc[order.index]
