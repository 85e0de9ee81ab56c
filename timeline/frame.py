"""Events to the DataFrame: the contract between the library and everything a user sees.

Plotting and export read only this frame, so a user who edits it in a notebook (drops a
row, fixes a label) gets a chart of the edited frame. Columns are documented in
``docs/ARCHITECTURE.md`` and listed in ``COLUMNS``; ``check`` is the one gate every reader
of a frame goes through, and ``df.timeline`` (registered when this module loads) puts the
verbs on the frame itself.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import asdict, fields
from datetime import date, datetime
from operator import attrgetter
from pathlib import Path

import pandas as pd

from timeline.errors import FrameError
from timeline.model import (
    MODALITY_MARKS,
    OFF_THE_CHART,
    PRECISION_RANK,
    PRECISIONS,
    SEPARATOR,
    ArticleStatus,
    Event,
    Mention,
    Report,
)

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
    "outlet": "string",
    "author": "string",
    "image": "string",
    "language": "string",
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
    "date_basis": "string",
    "modality": "string",
    "salience": "float64",
}

TIME_UNIT = "us"  # dates are held in microseconds: differences fit 292,000 years, not 292
REQUIRED = ("start", "end", "label")  # what a hand-made frame needs to be drawn or exported

# column -> its value when a hand-made frame lacks it
_DEFAULTS = {
    "event_id": lambda f: [f"e{i}" for i in range(1, len(f) + 1)],
    "precision": lambda f: pd.NA,
    "kind": lambda f: "point",
    "value": lambda f: pd.NA,
    "date_text": lambda f: pd.NA,
    "sentence": lambda f: pd.NA,
    "source": lambda f: pd.NA,
    "sources": lambda f: f["source"],
    "n_sources": lambda f: f["sources"].map(lambda s: len(split(s)) or 1),
    "url": lambda f: pd.NA,
    "actors": lambda f: pd.NA,
    "alt_values": lambda f: pd.NA,
    "mentions": lambda f: None,
    "title": lambda f: pd.NA,
    "outlets": lambda f: pd.NA,
}


def to_frame(events: Iterable[Event], report: Report | None = None) -> pd.DataFrame:
    """One row per event, sorted by date (earliest first, coarser precision first on ties).

    Events without a calendar position (unresolved or out-of-range dates) come last.
    The ``Report`` that accounts for every input is ``df.timeline.report``; it travels as a
    plain dict in ``df.attrs["report"]``, so pandas' own writers (``df.to_parquet``, which
    stores ``attrs`` as JSON) keep working and a Parquet file read back still has it.
    """
    rows = [_event_row(event) for event in events]
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    del rows  # the frame holds the values now
    frame = _sorted(frame)
    frame["event_id"] = [f"e{i}" for i in range(1, len(frame) + 1)]
    frame = frame.astype(COLUMNS).reset_index(drop=True)
    report = report if report is not None else Report()
    report.events = len(frame)
    frame.attrs["report"] = report_record(report)
    return frame


def report_record(report: Report) -> dict[str, object]:
    """The report as JSON-able values (what ``df.attrs["report"]`` holds)."""
    return asdict(report)


def report_of(df: pd.DataFrame) -> Report | None:
    """The ``Report`` a frame carries in its attrs (a record, or a Report set by hand)."""
    record = df.attrs.get("report")
    if isinstance(record, Report) or record is None:
        return record
    if not isinstance(record, dict):
        return None
    statuses = {
        key: [ArticleStatus(**status) for status in record.get(key) or []]
        for key in ("articles", "warnings")
    }
    return Report(**statuses, events=record.get("events"))


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
        "outlet": first.outlet if first else "",
        "author": first.author if first else "",
        "image": first.image if first else None,
        "language": first.language if first else "",
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
        "date_basis": first.date_basis if first else "stated",
        "modality": first.modality if first else "asserted",
        "salience": event.salience,
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


def split(value: object) -> list[str]:
    """The parts of a multi-valued cell (``"a.txt; b.txt"``); [] when missing."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return []
    return [part for part in str(value).split(SEPARATOR) if part]


def check(df: pd.DataFrame, *columns: str | None) -> pd.DataFrame:
    """A copy of ``df`` ready to draw or export, or ``FrameError`` saying what is missing.

    Needs ``REQUIRED`` and the named ``columns`` (None ones are ignored: an unset
    ``group_by``); ``start``/``end`` become datetimes, a missing ``end`` is the ``start``, and
    absent optional columns get their defaults, so a hand-made frame of start, end and label
    works everywhere.
    """
    if not isinstance(df, pd.DataFrame):
        raise FrameError(f"expected a pandas DataFrame of events, got {type(df).__name__}")
    wanted = list(REQUIRED) + [c for c in columns if c]
    missing = [c for c in dict.fromkeys(wanted) if c not in df.columns]
    if missing:
        raise FrameError(
            f"the events frame lacks column(s) {', '.join(missing)}; "
            "pass the frame from timeline.extract(...) (columns in docs/ARCHITECTURE.md) "
            "or add them"
        )
    frame = df.copy()
    frame.attrs = dict(df.attrs)
    for col in ("start", "end"):
        try:
            frame[col] = pd.to_datetime(frame[col])
        except (TypeError, ValueError) as exc:
            raise FrameError(f"column {col!r} must hold dates: {exc}") from exc
        if frame[col].dt.unit == "ns":
            # nanoseconds overflow past 292 years between two dates (1066 and 2021)
            frame[col] = frame[col].dt.as_unit(TIME_UNIT)
    for col, default in _DEFAULTS.items():
        if col not in frame.columns:
            frame[col] = default(frame)
    frame["end"] = frame["end"].fillna(frame["start"])
    return frame


def off_the_chart(df: pd.DataFrame) -> pd.Series:
    """True for the rows whose ``modality`` says the happening did not happen or only might
    (``OFF_THE_CHART``: hypothetical, negated); a frame without the column has none."""
    if "modality" not in df.columns:
        return pd.Series(False, index=df.index, dtype=bool)
    return df["modality"].isin(OFF_THE_CHART).fillna(False).astype(bool)


def on_the_chart(
    df: pd.DataFrame, all_modalities: bool = False
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(the rows a chart or story export shows, the rows it leaves off): by default what
    did not happen or only might is left off; ``all_modalities`` keeps every row. The frame
    itself keeps them all: the filter is the chart's, not the data's."""
    if all_modalities:
        return df, df.iloc[:0]
    off = off_the_chart(df)
    return df[~off], df[off]


def modality_mark(value: object) -> str:
    """How a list or hover box marks the event: "planned", "hypothetical", "did not
    happen"; "" for what is simply told (asserted, reported) or unknown."""
    return MODALITY_MARKS.get(value, "") if isinstance(value, str) else ""


def left_off_note(left_off: pd.DataFrame) -> str:
    """ "2 events left off: did not happen or only might (1 hypothetical, 1 negated)"; ""
    when none is."""
    n = len(left_off)
    if not n:
        return ""
    counts = left_off["modality"].value_counts()
    kinds = ", ".join(f"{int(counts[m])} {m}" for m in sorted(OFF_THE_CHART) if m in counts)
    return f"{n} event{'s' if n != 1 else ''} left off: did not happen or only might ({kinds})"


def about(df: pd.DataFrame, entity: str) -> pd.DataFrame:
    """The entity's timeline: the events that involve ``entity`` ("Boeing", "Steve Jobs"),
    in the frame's (date) order. An event involves it when one of its actors names it
    ("Boeing" in "Boeing Co.", "Jobs" for "Steve Jobs") or its label does ("Airbus
    delivered ..."); for an event without actors, its sentence too."""
    name = " ".join(str(entity).split()).lower()
    if not name:
        raise FrameError("about() needs a name: the entity whose events to list")
    frame = check(df, "actors")
    words = set(name.split())

    def involves(row: pd.Series) -> bool:
        actors = [a.lower() for a in split(row["actors"])]
        if any(name in a or a in words or words <= set(a.split()) for a in actors):
            return True
        told = str(row.get("label") or "")
        if not actors:
            told += " " + str(row.get("sentence") or "")
        return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", told.lower()) is not None

    if frame.empty:
        return frame
    return frame[frame.apply(involves, axis=1)]


@pd.api.extensions.register_dataframe_accessor("timeline")
class TimelineAccessor:
    """``df.timeline``: the timeline verbs on an events frame, checked on first use.

    ``df.timeline.plot()``, ``.to_html(path)``, ``.to_timelinejs()``, ``.write(path)`` (format
    from the suffix, see ``timeline.export.WRITERS``), ``.report`` (how every input fared),
    ``.dated`` / ``.undated`` (rows with / without a calendar position), ``.off_chart`` (what
    did not happen or only might, left off the chart by default).
    """

    def __init__(self, df: pd.DataFrame) -> None:
        self._df = df

    def check(self, *columns: str | None) -> pd.DataFrame:
        """``timeline.frame.check`` of this frame."""
        return check(self._df, *columns)

    @property
    def report(self) -> Report:
        """The ``Report`` of the run that made this frame (an empty one for other frames).
        A new object on each access: the frame keeps its JSON-able record."""
        report = report_of(self._df)
        return report if report is not None else Report(events=len(self._df))

    def about(self, entity: str) -> pd.DataFrame:
        """``timeline.frame.about(df, entity)``: the events that involve ``entity``, in
        order (``df.timeline.about("Boeing")``)."""
        return about(self._df, entity)

    @property
    def dated(self) -> pd.DataFrame:
        return self._df[self._df["start"].notna()]

    @property
    def undated(self) -> pd.DataFrame:
        return self._df[self._df["start"].isna()]

    @property
    def off_chart(self) -> pd.DataFrame:
        """The rows the charts and story exports leave off by default: what did not happen
        or only might (``modality`` hypothetical or negated; ``all_modalities=True`` draws
        them)."""
        return self._df[off_the_chart(self._df)]

    def plot(self, **options: object) -> object:
        """``timeline.plot(df, **options)``: the interactive Plotly figure."""
        from timeline.charts import plot

        return plot(self._df, **options)

    def to_html(self, path: str | os.PathLike[str], **options: object) -> Path:
        """``timeline.to_html(df, path, **options)``: the offline page."""
        from timeline.export import to_html

        return to_html(self._df, path, **options)

    def to_timelinejs(self, **options: object) -> dict[str, object]:
        """``timeline.to_timelinejs(df, **options)``: TimelineJS3 JSON as a dict."""
        from timeline.export import to_timelinejs

        return to_timelinejs(self._df, **options)

    def write(
        self, path: str | os.PathLike[str], format: str | None = None, **options: object
    ) -> object:
        """``timeline.export.write(df, path, format)``: any registered export format."""
        from timeline.export import write

        return write(self._df, path, format, **options)
