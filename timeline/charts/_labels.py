"""Where marks sit and which labels show, most salient first, at every zoom level.

Marks are placed once (they never move as the reader zooms): events in order of salience
take the lowest row of their lane where the mark and its label fit at the initial view;
the others the row with most free time around them, so that zoomed in they have room for
a label. Labels are then chosen per zoom level (a ladder of scales, each ``LEVEL_STEP``
times finer than the last): at each level, in order of salience, an event's label shows
right of its mark (or else left of it) when the room to the next mark or label in its row
holds at least ``MIN_LABEL_CHARS`` of it, cut with an ellipsis when it holds less than all.
The page script and ``relabel`` (Jupyter) pick the finest level whose scale is at least as
coarse as the view's, so labels never overlap at any zoom and the chosen ones are the most
salient that fit.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from timeline.charts._constants import (
    CHAR_PX,
    LABEL_PAD_PX,
    LEVEL_STEP,
    LEVELS_COARSER,
    LEVELS_MAX,
    MARK_PX,
    MIN_LABEL_CHARS,
    PRECISION_WEIGHT,
    RESERVED_LABELS,
)


class Occupied:
    """Disjoint occupied intervals of one row, kept sorted (merged on insert)."""

    def __init__(self) -> None:
        self.starts: list[float] = []
        self.ends: list[float] = []

    def covers(self, x: float) -> bool:
        i = bisect_right(self.starts, x) - 1
        return i >= 0 and self.ends[i] > x

    def next_start(self, x: float) -> float:
        """Where the first interval after ``x`` begins (inf when none)."""
        i = bisect_right(self.starts, x)
        return self.starts[i] if i < len(self.starts) else math.inf

    def prev_end(self, x: float) -> float:
        """Where the last interval before ``x`` ends (-inf when none)."""
        i = bisect_right(self.starts, x) - 1
        return self.ends[i] if i >= 0 else -math.inf

    def free(self, lo: float, hi: float) -> bool:
        return not self.covers(lo) and self.next_start(lo) >= hi

    def add(self, lo: float, hi: float) -> None:
        i = bisect_right(self.starts, lo) - 1
        if i >= 0 and self.ends[i] >= lo:  # merge with the interval before
            lo, i = self.starts[i], i
        else:
            i += 1
        j = i
        while j < len(self.starts) and self.starts[j] <= hi:
            hi = max(hi, self.ends[j])
            j += 1
        self.starts[i:j] = [lo]
        self.ends[i:j] = [hi]


@dataclass
class Placement:
    """Rows of one lane's marks and, per zoom level, how many label characters show."""

    rows: np.ndarray  # row per event (0 = top of the lane)
    chars: list[list[int]] = field(default_factory=list)  # per level, per event (0 = none)


def salience(data: pd.DataFrame) -> np.ndarray:
    """How much an event matters: the ``salience`` column, else sources, mentions, precision."""
    if "salience" in data.columns:
        values = pd.to_numeric(data["salience"], errors="coerce").fillna(0)
        return values.to_numpy(dtype=float)
    score = np.zeros(len(data))
    for col, weight in (("n_sources", 1.0), ("n_mentions", 0.25)):
        if col in data.columns:
            score += weight * pd.to_numeric(data[col], errors="coerce").fillna(1).to_numpy()
    precision = data["precision"].astype("string").fillna("")
    score += precision.map(PRECISION_WEIGHT).fillna(0).to_numpy(dtype=float)
    return score


def scales(base: float, finest: float) -> list[float]:
    """Milliseconds per pixel of each zoom level: a few coarser than the initial view (for
    narrow screens), then finer by ``LEVEL_STEP`` down to ``finest``."""
    n_finer = 0 if base <= finest else math.ceil(math.log(base / finest, LEVEL_STEP))
    n_finer = min(LEVELS_MAX, n_finer)
    return [base * LEVEL_STEP**-k for k in range(-LEVELS_COARSER, n_finer + 1)]


def place(
    x: np.ndarray,
    mark_end: np.ndarray,
    anchor: np.ndarray,
    n_chars: np.ndarray,
    order: np.ndarray,
    n_rows: int,
    level_scales: list[float],
    base: float,
    view: tuple[float, float],
) -> Placement:
    """Rows for the marks (at scale ``base``) and the label characters per level.

    ``x``: where each mark starts (ms); ``mark_end``: where the mark's own extent ends (a
    range's end); ``anchor``: where its label starts; ``n_chars``: the label's length;
    ``order``: event indices, most salient first; ``view_end``: labels at the initial view
    end before it.
    """
    view_end = view[1]
    rows = np.zeros(len(x), dtype=int)
    label_ms = (n_chars * CHAR_PX + LABEL_PAD_PX) * base
    half = MARK_PX / 2 * base
    labels = [Occupied() for _ in range(n_rows)]
    marks = [Occupied() for _ in range(n_rows)]
    for n, i in enumerate(order):
        lo, end = x[i] - half, max(mark_end[i], x[i] + half)
        hi = max(end, anchor[i] + label_ms[i])
        if hi > view_end:  # no room on the right of the view: the label goes left
            lo, hi = min(lo, x[i] - label_ms[i]), end
        # room is kept for the first labels only: rows left free hold more marks zoomed in
        labelled = n < RESERVED_LABELS
        room = [
            r
            for r in range(n_rows)
            if labelled and labels[r].free(lo, hi) and marks[r].free(lo, hi)
        ]
        if room:
            r = room[0]
        else:  # unlabelled for now: the row with most room around it, for when zoomed in
            free = [r for r in range(n_rows) if labels[r].free(x[i] - half, end)]
            r = max(free or range(n_rows), key=lambda r: _room(marks[r], x[i], end))
        rows[i] = r
        marks[r].add(lo, end)
        if labelled and hi <= view_end and labels[r].free(lo, hi):
            labels[r].add(lo, hi)
    placement = Placement(rows)
    for scale in level_scales:
        # only the initial view has edges: zoomed out or in, the reader sees past them
        edges = view if math.isclose(scale, base) else (-math.inf, math.inf)
        placement.chars.append(
            _labels_at(x, mark_end, anchor, n_chars, order, rows, n_rows, scale, edges)
        )
    return placement


def _labels_at(
    x: np.ndarray,
    mark_end: np.ndarray,
    anchor: np.ndarray,
    n_chars: np.ndarray,
    order: np.ndarray,
    rows: np.ndarray,
    n_rows: int,
    scale: float,
    view: tuple[float, float],
) -> list[int]:
    """Label characters per event at one scale (ms per pixel), most salient first: on the
    right of the mark when it fits there, else on its left (a negative count)."""
    half = MARK_PX / 2 * scale
    taken = [Occupied() for _ in range(n_rows)]
    for i in range(len(x)):
        taken[rows[i]].add(x[i] - half, max(mark_end[i], x[i] + half))
    shown = [0] * len(x)
    for i in order:
        row, full = taken[rows[i]], int(n_chars[i])
        least = min(MIN_LABEL_CHARS, full)
        clear = max(anchor[i], x[i] + half) + scale  # just past the event's own mark
        right = 0
        if not row.covers(clear):
            room_px = (min(row.next_start(clear), view[1]) - anchor[i]) / scale
            right = _fit(room_px, full)
        if right >= full or right >= least and right > 0:
            shown[i] = right
            row.add(anchor[i], anchor[i] + (right * CHAR_PX + LABEL_PAD_PX) * scale)
            continue
        left_edge = x[i] - half - scale
        if row.covers(left_edge):
            continue
        left = _fit((x[i] - max(row.prev_end(left_edge), view[0])) / scale, full)
        if left > 0 and left >= least:
            shown[i] = -left
            row.add(x[i] - (left * CHAR_PX + LABEL_PAD_PX) * scale, x[i])
    return shown


def _room(row: Occupied, lo: float, hi: float) -> float:
    """The free time on either side of [lo, hi] in a row (the smaller of the two; negative
    when something already lies there)."""
    return min(lo - row.prev_end(lo), row.next_start(hi) - hi)


def _fit(room_px: float, full: int) -> int:
    """How many of a label's ``full`` characters fit in ``room_px``."""
    if not math.isfinite(room_px):
        return full
    return int(max(0, min(full, (room_px - LABEL_PAD_PX) // CHAR_PX)))


def level(level_scales: list[float], view_ms: float, plot_px: float) -> int:
    """The finest level whose scale is at least as coarse as the view's (so its labels,
    packed at that scale, cannot overlap in this view); the coarsest when none is."""
    scale = view_ms / max(plot_px, 1.0)
    k = 0
    for i, s in enumerate(level_scales):
        if s >= scale:
            k = i
    return k
