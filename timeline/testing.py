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


# words of a synthetic story's event labels: who did what (lengths vary like real labels)
_WHO = (
    "The minister", "Police", "The central bank", "Rescue teams", "The court", "Protesters",
    "The company", "Negotiators", "The UN envoy", "Opposition leaders", "The army", "Voters",
    "The mayor", "Health officials", "Investigators", "The union", "Parliament", "Firefighters",
)  # fmt: skip
_DID = (
    "announced", "rejected", "approved", "suspended", "questioned", "reopened", "signed",
    "postponed", "confirmed", "criticised", "launched", "ended",
)  # fmt: skip
_WHAT = (
    "the ceasefire talks", "a new budget", "the bridge", "an inquiry into the flooding",
    "the rate rise", "the merger with its largest rival", "the election results",
    "a curfew in the capital", "the hostage exchange", "emergency aid for the region",
    "the trial of the former governor", "plans for a second runway at the airport", "the strike",
)  # fmt: skip
_OUTLETS = ("Wikinews", "Reuters", "AP", "BBC News", "Le Monde", "The Guardian", "NHK", "ABC")


def make_story(n: int, seed: int = 0, years: int = 4) -> pd.DataFrame:
    """A news story of ``n`` events as ``timeline`` makes them: bursts of events (news
    cycles) over ``years`` years, the busiest year holding about a third of them, mostly
    exact days with some parts of days, weeks, months, years and ranges, salience, a few
    date conflicts, a founding date decades before, articles credited to outlets and titles
    (their ``source`` a local path, which a reader must never see)."""
    rng = np.random.default_rng(seed)
    base = pd.Timestamp("2021-01-01")
    span_days = 365 * years
    # news cycles: a few big ones in the busiest year, smaller ones elsewhere
    n_cycles = max(1, n // 25)
    centres = rng.integers(0, span_days, n_cycles).astype(float)
    busy = rng.random(n_cycles) < 0.3
    centres[busy] = 365 * (years // 2) + rng.integers(0, 365, int(busy.sum()))
    weights = rng.gamma(1.5, 1.0, n_cycles) * np.where(busy, 1.6, 1.0)
    cycle = rng.choice(n_cycles, n, p=weights / weights.sum())
    day = np.clip(centres[cycle] + rng.normal(0, 12, n), 0, span_days - 1).astype(int)
    start = base + pd.to_timedelta(day, unit="D")
    kind = np.where(rng.random(n) < 0.04, "range", "point")
    precision = rng.choice(
        ["day", "time", "week", "month", "year"], n, p=[0.76, 0.06, 0.05, 0.09, 0.04]
    )
    precision = np.where(kind == "range", "day", precision)
    if n >= 5:
        day[0], precision[0], kind[0] = -365 * 50, "year", "point"  # "founded in 1971"
        start = base + pd.to_timedelta(day, unit="D")
    start = pd.DatetimeIndex(start)
    s = np.where(precision == "month", start.to_period("M").to_timestamp(), start)
    s = np.where(precision == "year", start.to_period("Y").to_timestamp(), s)
    s = np.where(precision == "week", start.to_period("W-SUN").start_time, s)
    s = pd.DatetimeIndex(s)
    night = pd.Timedelta(hours=18)
    s = pd.DatetimeIndex(np.where(precision == "time", s + night, s))
    e = s + pd.Timedelta(days=1)
    e = np.where(precision == "time", s + pd.Timedelta(hours=12), e)
    e = np.where(precision == "week", s + pd.Timedelta(days=7), e)
    e = np.where(precision == "month", s + pd.offsets.MonthBegin(1), e)
    e = np.where(precision == "year", s + pd.offsets.YearBegin(1), e)
    length = pd.to_timedelta(rng.integers(2, 40, n), unit="D")
    e = pd.DatetimeIndex(np.where(kind == "range", s + length, e))
    value = np.where(
        precision == "year",
        s.strftime("%Y"),
        np.where(precision == "month", s.strftime("%Y-%m"), s.strftime("%Y-%m-%d")),
    )
    value = np.where(precision == "week", s.strftime("%G-W%V"), value)
    value = np.where(precision == "time", s.strftime("%Y-%m-%dTNI"), value)
    idx = np.arange(n)
    label = [
        f"{_WHO[rng.integers(len(_WHO))]} {_DID[rng.integers(len(_DID))]} "
        f"{_WHAT[rng.integers(len(_WHAT))]}"
        for _ in idx
    ]
    n_articles = max(1, n // 4)
    article = rng.integers(0, n_articles, n)
    outlet = np.array(_OUTLETS)[article % len(_OUTLETS)]
    src = pd.Series(article).map(lambda a: f"/tmp/story/article{a:04d}.md")
    n_sources = 1 + rng.poisson(0.6, n)
    salience = np.round(rng.random(n) * 0.5 + 0.12 * np.minimum(n_sources, 4), 3)
    date_text = pd.Series(s.strftime("%d %B %Y"))
    sentence = pd.Series(label) + " on " + date_text + ", officials said."
    conflict = rng.random(n) < 0.03
    df = pd.DataFrame(
        {
            "event_id": [f"e{i}" for i in range(1, n + 1)],
            "value": value,
            "type": "DATE",
            "precision": precision,
            "mod": None,
            "start": s,
            "end": e,
            "kind": kind,
            "label": label,
            "actors": np.array(["Alice", "Bob; Carol", "Dana"])[idx % 3],
            "date_text": date_text,
            "sentence": sentence,
            "source": src,
            "title": pd.Series(article).map(lambda a: f"Story update {a}"),
            "url": pd.Series(article).map(lambda a: f"https://news.example.org/{a}"),
            "outlet": outlet,
            "author": "",
            "image": None,
            "language": "en",
            "published": s,
            "char_start": sentence.str.find(date_text.iloc[0]).clip(lower=0),
            "char_end": 0,
            "sources": src,
            "outlets": outlet,
            "n_sources": n_sources,
            "n_mentions": n_sources,
            "mentions": None,
            "date_conflict": conflict,
            "alt_values": np.where(conflict, value, None),
            "anchor": None,
            "needs_dct": False,
            "date_basis": "stated",
            "modality": "asserted",
            "salience": salience,
        }
    )
    df["char_start"] = [t.find(d) for t, d in zip(sentence, date_text, strict=True)]
    df["char_end"] = df["char_start"] + date_text.str.len()
    return df.sort_values("start", kind="stable").reset_index(drop=True).astype(COLUMNS)
