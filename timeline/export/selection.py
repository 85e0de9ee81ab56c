"""Which events a bounded export keeps: the most reported ones, shown in date order."""

from __future__ import annotations

import pandas as pd

from timeline.model import PRECISION_RANK

# Most telling first: the events stage's ``salience`` score (what journalists weigh), then
# how many articles report it, how many mentions, how exact its date is. A column a
# hand-made frame (or an older file) lacks counts the same for every event.
SALIENCE = ("salience", "n_sources", "n_mentions")


def most_reported(frame: pd.DataFrame, limit: int | None) -> pd.DataFrame:
    """At most ``limit`` rows of ``frame`` (all when None): the most salient, kept in the
    frame's order; ties go to the more precise date, then the earlier."""
    if limit is None or len(frame) <= limit:
        return frame
    keys = pd.DataFrame(index=frame.index)
    for column in SALIENCE:
        values = frame[column] if column in frame.columns else 1
        keys[column] = pd.to_numeric(pd.Series(values, index=frame.index), errors="coerce")
    keys = keys.fillna(0)
    precision = frame["precision"] if "precision" in frame.columns else None
    keys["exact"] = (
        precision.map(lambda p: PRECISION_RANK.get(p, -1)) if precision is not None else 0
    )
    keys["order"] = range(len(frame))
    chosen = keys.sort_values(
        [*SALIENCE, "exact", "order"],
        ascending=[False] * (len(SALIENCE) + 1) + [True],
        kind="stable",
    ).head(limit)
    return frame.loc[sorted(chosen.index, key=keys["order"].get)]
