"""Where marks sit and which labels show, most salient first, at every zoom level.

As vis-timeline re-stacks its items on zoom, the marks of a lane are stacked anew at every
zoom level (a ladder of scales, each ``LEVEL_STEP`` times finer than the last): in order of
salience, an event takes the first row where its mark and its whole label fit, else the row
where most of its label fits (at least ``MIN_LABEL_CHARS``, cut with an ellipsis; the full
text is in the hover box), right of its mark or else left of it; the rest are bare marks,
never drawn over a label. The page script and ``relabel`` (Jupyter) pick the finest level
whose scale is at least as coarse as the view's, and move the marks and labels there, so
labels never overlap at any zoom and the ones shown are the most salient that fit.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from timeline.charts._constants import (
    CHAR_PX,
    FULL_LABELS,
    LABEL_PAD_PX,
    LEVEL_STEP,
    LEVELS_COARSER,
    LEVELS_MAX,
    MARK_PX,
    MIN_LABEL_CHARS,
    NARROW_SCALE,
    PRECISION_WEIGHT,
)


@dataclass
class Placement:
    """Per zoom level, the row of every mark and how many label characters show."""

    rows: list[list[int]] = field(default_factory=list)  # per level, per event (0 = top)
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
    """Rows and label characters of every event at every zoom level (re-stacked per level,
    as vis-timeline re-stacks items on zoom).

    ``x``: where each mark starts (ms); ``mark_end``: where the mark's own extent ends (a
    range's end); ``anchor``: where its label starts; ``n_chars``: the label's length;
    ``order``: event indices, most salient first; ``view``: the initial view, whose edges
    labels at the initial scale ``base`` stay within (a label that would run past the right
    edge goes left of its mark). Levels finer than the first one that labels every event in
    full are left out: that level's stacking holds at any finer scale.
    """
    placement = Placement()
    xs, ends, anchors = x.tolist(), mark_end.tolist(), anchor.tolist()
    sizes, ranked = [int(n) for n in n_chars], [int(i) for i in order]
    for scale in level_scales:
        # labels stay within the initial view at its scale and the few coarser ones a
        # narrower screen (a phone) shows it at; zoomed in or out, the reader sees past it
        narrow = base * (1 - 1e-9) <= scale <= base * NARROW_SCALE
        edges = view if narrow else (-math.inf, math.inf)
        rows, chars = stack(xs, ends, anchors, sizes, ranked, n_rows, scale, edges)
        placement.rows.append(rows)
        placement.chars.append(chars)
        if scale < base and all(abs(c) >= n for c, n in zip(chars, sizes, strict=True)):
            break
    return placement


def stack(
    x: list[float],
    mark_end: list[float],
    anchor: list[float],
    n_chars: list[int],
    order: list[int],
    n_rows: int,
    scale: float,
    edges: tuple[float, float],
) -> tuple[list[int], list[int]]:
    """One zoom level (``scale`` ms per pixel). Range bars first (they are long), then in
    order of salience: each event takes the first row where its mark and its whole label
    fit without cutting into a label placed before it (right of its mark, or else left);
    when there is none (a crowded view), the row where most of its label fits, at least
    ``MIN_LABEL_CHARS``. The ``FULL_LABELS`` most salient keep room for their whole label,
    the others only for ``MIN_LABEL_CHARS``; then, in order of salience again, each label
    grows into the room left beside it (cut with an ellipsis where it ends). An event whose
    label fits nowhere is a bare mark, put where no label lies under it. Returns (row,
    characters shown: < 0 left of the mark) per event."""
    half, pad, char = MARK_PX / 2 * scale, LABEL_PAD_PX * scale, CHAR_PX * scale
    e0, e1 = edges
    t_s: list[list[float]] = [[] for _ in range(n_rows)]  # taken: marks and labels
    t_e: list[list[float]] = [[] for _ in range(n_rows)]
    w_s: list[list[float]] = [[] for _ in range(n_rows)]  # wished: marks and whole labels
    w_e: list[list[float]] = [[] for _ in range(n_rows)]
    l_s: list[list[float]] = [[] for _ in range(n_rows)]  # labels only
    l_e: list[list[float]] = [[] for _ in range(n_rows)]
    rows, shown = [0] * len(x), [0] * len(x)
    wide = [i for i in order if mark_end[i] - x[i] > 2 * half]
    rest = [i for i in order if mark_end[i] - x[i] <= 2 * half]
    placed = []
    for n_done, i in enumerate(wide + rest):
        xi = x[i]
        lo, hi = xi - half, max(mark_end[i], xi + half)
        full = n_chars[i]
        least = min(MIN_LABEL_CHARS, full)
        a = anchor[i]  # the label starts there (a range's: at its end), or ends there
        sided = a == xi  # a label left of a range would cover the bar
        full_w = full * char + pad
        r_end, l_start = a + full_w, a - full_w
        best_row, best, bare = -1, 0, -1
        for r in range(n_rows):
            ws, we = w_s[r], w_e[r]
            # the whole label, clear of the labels wished for before it?
            if r_end <= e1:
                j = bisect_right(ws, lo) - 1
                if (j < 0 or we[j] <= lo) and (j + 1 >= len(ws) or ws[j + 1] >= r_end):
                    best_row, best = r, full
                    break
            if sided and l_start >= e0:
                j = bisect_right(ws, l_start) - 1
                if (j < 0 or we[j] <= l_start) and (j + 1 >= len(ws) or ws[j + 1] >= hi):
                    best_row, best = r, -full
                    break
            ts, te = t_s[r], t_e[r]
            j = bisect_right(ts, lo) - 1
            if (j >= 0 and te[j] > lo) or (j + 1 < len(ts) and ts[j + 1] < hi):
                continue  # the mark itself has no room in this row
            if bare < 0:
                bare = r
            nxt = ts[j + 1] if j + 1 < len(ts) else math.inf
            prv = te[j] if j >= 0 else -math.inf
            n = _fit((min(nxt, e1) - a) / scale, full)
            m = _fit((a - max(prv, e0)) / scale, full) if sided else 0
            if max(n, m) >= least and max(n, m) > abs(best):
                best_row, best = r, (n if n >= m else -m)
        if best_row >= 0:
            r, n = best_row, best
            wish = (a, r_end) if n > 0 else (l_start, a)
            if n_done >= FULL_LABELS:  # room for a short label: it grows later if it can
                n = min(abs(n), least) * (1 if n > 0 else -1)
            width = abs(n) * char + pad
            t0, t1 = (a, a + width) if n > 0 else (a - width, a)
            _add(t_s[r], t_e[r], min(lo, t0), max(hi, t1))
            _add(w_s[r], w_e[r], min(lo, wish[0]), max(hi, wish[1]))
            _add(l_s[r], l_e[r], t0, t1)
            rows[i], shown[i] = r, n
            placed.append((i, t0, t1))
            continue
        if bare < 0:  # no row has room for the mark: one where it covers marks only
            bare = next((r for r in range(n_rows) if _free(l_s[r], l_e[r], lo, hi)), 0)
        _add(t_s[bare], t_e[bare], lo, hi)
        _add(w_s[bare], w_e[bare], lo, hi)
        rows[i] = bare
    rank = _ranks(order, len(x))
    placed.sort(key=lambda p: rank[p[0]])
    for i, t0, t1 in placed:
        n, full = shown[i], n_chars[i]
        if abs(n) >= full:
            continue
        ts, te = t_s[rows[i]], t_e[rows[i]]
        if n > 0:
            j = bisect_right(ts, t1)
            room = min(ts[j] if j < len(ts) else math.inf, e1) - t1
            if j and te[j - 1] > t1:
                room = 0.0
            more = min(full - n, _chars_in(room / scale))
            if more > 0:
                _add(ts, te, t1, t1 + more * char)
                shown[i] = n + more
        else:
            j = bisect_left(ts, t0) - 1
            room = t0 - max(te[j] if j >= 0 else -math.inf, e0)
            more = min(full + n, _chars_in(room / scale))
            if more > 0:
                _add(ts, te, t0 - more * char, t0)
                shown[i] = n - more
    return rows, shown


def _add(starts: list[float], ends: list[float], lo: float, hi: float) -> None:
    """Insert [lo, hi] into a row's sorted disjoint intervals, merging what it touches."""
    i = bisect_right(starts, lo) - 1
    if i >= 0 and ends[i] >= lo:
        lo = starts[i]
    else:
        i += 1
    j = i
    while j < len(starts) and starts[j] <= hi:
        hi = max(hi, ends[j])
        j += 1
    starts[i:j] = [lo]
    ends[i:j] = [hi]


def _free(starts: list[float], ends: list[float], lo: float, hi: float) -> bool:
    j = bisect_right(starts, lo) - 1
    return not ((j >= 0 and ends[j] > lo) or (j + 1 < len(starts) and starts[j + 1] < hi))


def _chars_in(room_px: float) -> int:
    return 1 << 30 if not math.isfinite(room_px) else int(room_px // CHAR_PX)


def _ranks(order: list[int], n: int) -> list[int]:
    rank = [0] * n
    for k, i in enumerate(order):
        rank[i] = k
    return rank


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
