"""The events frame as a table: CSV, JSON records, Parquet.

CSV has no place for a list of dicts, so it leaves out ``mentions``; JSON and Parquet keep
every column.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TextIO

import pandas as pd

from timeline.errors import TimelineError

Target = str | os.PathLike[str] | TextIO
NOT_IN_CSV = ("mentions",)  # a list of dicts per event: JSON and Parquet only


def to_csv(df: pd.DataFrame, target: Target) -> Target:
    """Write the events as CSV (every column but ``mentions``) to a path or a text stream."""
    df.drop(columns=[c for c in NOT_IN_CSV if c in df.columns]).to_csv(target, index=False)
    return target


def to_json(df: pd.DataFrame, target: Target) -> Target:
    """Write the events as a JSON list of records (ISO dates, UTF-8) to a path or a stream."""
    df.to_json(target, orient="records", date_format="iso", force_ascii=False, indent=1)
    return target


def to_parquet(df: pd.DataFrame, target: Target) -> Path:
    """Write the events as Parquet (needs pyarrow) to a file."""
    if not isinstance(target, (str, os.PathLike)):
        raise TimelineError("parquet output needs a file: add -o events.parquet")
    try:
        df.to_parquet(target, index=False)
    except ImportError as error:
        raise TimelineError(
            "parquet output needs pyarrow: pip install 'news-timeline[parquet]'"
        ) from error
    return Path(target)
