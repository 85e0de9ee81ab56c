"""The events frame as a table: CSV, JSON records, Parquet.

CSV has no place for a list of dicts, so it leaves out ``mentions``; JSON and Parquet keep
every column. A CSV is opened in spreadsheets, which run a cell that starts with ``=``,
``+``, ``-``, ``@``, a tab or a carriage return as a formula (``=HYPERLINK(...)`` can send
the sheet away): such text cells get a leading ``'``, as OWASP advises, so the spreadsheet
shows them as text. Every file is written whole or not at all (``output.replacing``).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TextIO

import pandas as pd

from timeline.errors import TimelineError
from timeline.export.output import replacing

Target = str | os.PathLike[str] | TextIO
NOT_IN_CSV = ("mentions",)  # a list of dicts per event: JSON and Parquet only
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # OWASP's CSV injection characters


def to_csv(df: pd.DataFrame, target: Target) -> Target:
    """Write the events as CSV (every column but ``mentions``; text cells that a spreadsheet
    would run as a formula start with ``'``) to a path or a text stream."""
    table = df.drop(columns=[c for c in NOT_IN_CSV if c in df.columns])
    table = table.apply(neutralise)
    if not isinstance(target, (str, os.PathLike)):
        table.to_csv(target, index=False)
        return target
    with replacing(target) as part:
        table.to_csv(part, index=False)
    return Path(target)


def neutralise(column: pd.Series) -> pd.Series:
    """Text cells starting with a formula character get a leading ``'``; others unchanged."""
    if not (pd.api.types.is_string_dtype(column) or pd.api.types.is_object_dtype(column)):
        return column
    risky = column.map(lambda cell: isinstance(cell, str) and cell.startswith(FORMULA_START))
    if not risky.any():
        return column
    column = column.copy()
    column[risky] = "'" + column[risky].astype(str)
    return column


def to_json(df: pd.DataFrame, target: Target) -> Target:
    """Write the events as a JSON list of records (ISO dates, UTF-8) to a path or a stream."""
    options = {"orient": "records", "date_format": "iso", "force_ascii": False, "indent": 1}
    if not isinstance(target, (str, os.PathLike)):
        df.to_json(target, **options)
        return target
    with replacing(target) as part:
        df.to_json(part, **options)
    return Path(target)


def to_parquet(df: pd.DataFrame, target: Target) -> Path:
    """Write the events as Parquet (needs pyarrow) to a file."""
    if not isinstance(target, (str, os.PathLike)):
        raise TimelineError("parquet output needs a file: add -o events.parquet")
    try:
        import pyarrow  # noqa: F401  (only to say clearly when it's missing)
    except ImportError as error:
        raise TimelineError(
            "parquet output needs pyarrow: pip install 'news-timeline[parquet]'"
        ) from error
    with replacing(target) as part:
        df.to_parquet(part, index=False)
    return Path(target)


def read_events(path: str | os.PathLike[str], format: str | None = None) -> pd.DataFrame:
    """Read a CSV, JSON or Parquet file that ``timeline`` wrote back into the events frame,
    with the documented dtypes (``timeline.frame.COLUMNS``): ``value`` stays text even when
    every value is a year, dates are datetimes, counts are integers.

    What each format keeps: Parquet every column and the report (``df.timeline.report``);
    JSON every column, ``mentions`` as lists of dicts, no report; CSV every column but
    ``mentions``, no report, and no difference between a missing and an empty text (both
    read as missing); the ``'`` put before a formula-like cell is taken off again.
    """
    from timeline.export.registry import TABLE_FORMATS, writer_for

    fmt = writer_for(path, format, among=TABLE_FORMATS).name
    if fmt == "parquet":
        frame = pd.read_parquet(path)
    elif fmt == "json":
        frame = pd.read_json(path, orient="records", dtype=False)  # no type or date guessing
    else:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""])
        frame = frame.apply(_restore_formula_text)
    return _typed(frame)


def _restore_formula_text(column: pd.Series) -> pd.Series:
    guarded = column.str.startswith(tuple("'" + c for c in FORMULA_START), na=False)
    return column.where(~guarded, column.str[1:])


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    from timeline.frame import COLUMNS, TIME_UNIT

    for column, dtype in COLUMNS.items():
        if column not in frame.columns:
            continue
        values = frame[column]
        if dtype.startswith("datetime64"):
            frame[column] = pd.to_datetime(values).dt.as_unit(TIME_UNIT)
        elif dtype == "bool":
            frame[column] = values.map(lambda v: v in (True, "True", "true", 1, "1"))
        elif dtype == "object":  # mentions: Parquet gives arrays of dicts
            frame[column] = values.map(lambda v: list(v) if v is not None else [])
        else:
            frame[column] = values.astype(dtype)
    return frame
