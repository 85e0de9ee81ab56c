"""Synthetic data builders shared by the tests and the benchmarks.

They live in the package (not under ``tests/``) so that ``benchmarks/`` can use them
without importing test modules. ``import timeline`` does not load this module.

- ``make_frame``: an events frame of ``n`` synthetic events (the charts' input contract);
- ``NEWS_TEMPLATES`` and ``write_news_dump``: news-like JSON lines articles, dense in dates
  and names (the hard case for events), of a given size.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd

from timeline.frame import COLUMNS

NEWS_TEMPLATES = [
    "Russian President Vladimir Putin received Alexander Trufanov at the Kremlin on "
    "Wednesday night. Trufanov was freed on February {day}, 2025, as part of a ceasefire "
    "agreement reached in January. He had been held in Gaza since the October 2023 assault.",
    "The central bank raised rates on March {day}, 2024, its third increase this year. "
    "Analysts expect another move in the second quarter of 2025, Reuters reported.",
    "Flooding closed the main road on {day} June 2023. Repairs began the following week and "
    "the road reopened in August, the ministry said on Tuesday.",
]


def news_record(n: int) -> dict[str, str]:
    """The ``n``-th synthetic article: six template sentences, days varying with ``n``."""
    body = " ".join(
        NEWS_TEMPLATES[(n + k) % len(NEWS_TEMPLATES)].format(day=(n + k) % 28 + 1) for k in range(6)
    )
    return {"title": f"Article {n}", "text": body, "published": "2025-03-06"}


def write_news_dump(path: Path, megabytes: float) -> int:
    """Write about ``megabytes`` MB of synthetic JSON lines articles; the number of records."""
    target, written, n = int(megabytes * 1024 * 1024), 0, 0
    with path.open("w", encoding="utf-8") as out:
        while written < target:
            line = json.dumps(news_record(n)) + "\n"
            out.write(line)
            written += len(line)
            n += 1
    return n


def make_frame(n: int, seed: int = 0, n_sources: int = 8) -> pd.DataFrame:
    """n synthetic events over ten years, mixed precisions, built column-wise (fast at 100k)."""
    rng = np.random.default_rng(seed)
    base = pd.Timestamp("2015-01-01")
    days = rng.integers(0, 3650, n)
    start = base + pd.to_timedelta(days, unit="D")
    precision = rng.choice(["day", "day", "day", "month", "year", "week"], n)
    start = pd.DatetimeIndex(start)
    month_start = start.to_period("M").to_timestamp()
    year_start = start.to_period("Y").to_timestamp()
    week_start = start.to_period("W-SUN").start_time
    s = np.where(precision == "month", month_start, start)
    s = np.where(precision == "year", year_start, s)
    s = np.where(precision == "week", week_start, s)
    s = pd.DatetimeIndex(s)
    e = s + pd.Timedelta(days=1)
    e = np.where(precision == "month", s + pd.offsets.MonthBegin(1), e)
    e = np.where(precision == "year", s + pd.offsets.YearBegin(1), e)
    e = pd.DatetimeIndex(np.where(precision == "week", s + pd.Timedelta(days=7), e))
    src = np.array([f"source{i}.txt" for i in range(n_sources)])[rng.integers(0, n_sources, n)]
    idx = np.arange(n)
    label = pd.Series(idx).map(lambda i: f"Event number {i} happened")
    date_text = pd.Series(s.strftime("%B %d, %Y"))
    sentence = "On " + date_text + ", event number " + pd.Series(idx).astype(str) + " happened."
    df = pd.DataFrame(
        {
            "event_id": [f"e{i}" for i in range(1, n + 1)],
            "value": s.strftime("%Y-%m-%d"),
            "type": "DATE",
            "precision": precision,
            "mod": None,
            "start": s,
            "end": e,
            "kind": "point",
            "label": label,
            "actors": np.array(["Alice", "Bob; Carol", "Dana"])[idx % 3],
            "date_text": date_text,
            "sentence": sentence,
            "source": src,
            "title": "Synthetic",
            "url": "https://example.org/" + pd.Series(src),
            "outlet": "",
            "author": "",
            "image": None,
            "language": "en",
            "published": s,
            "char_start": 103,
            "char_end": 103 + date_text.str.len(),
            "sources": src,
            "outlets": None,
            "n_sources": 1,
            "n_mentions": 1,
            "mentions": None,
            "date_conflict": False,
            "alt_values": None,
            "anchor": None,
            "needs_dct": False,
            "date_basis": "stated",
            "modality": "asserted",
            "salience": 0.5,
        }
    )
    return df.sort_values("start", kind="stable").reset_index(drop=True).astype(COLUMNS)
