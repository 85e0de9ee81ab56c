"""The scores as a table and the errors as CSV."""

from __future__ import annotations

import csv
from pathlib import Path

ERROR_FIELDS = (
    "document",
    "error",
    "start",
    "end",
    "gold_text",
    "gold_type",
    "gold_value",
    "system_text",
    "system_type",
    "system_value",
    "dct",
    "context",
)


def write_errors(result: dict, path: str | Path) -> Path:
    """Write ``result["errors"]`` as CSV (one row per error, ``ERROR_FIELDS`` columns)."""
    path = Path(path)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=ERROR_FIELDS)
        writer.writeheader()
        writer.writerows(result["errors"])
    return path


def format_scores(result: dict) -> str:
    """A plain-text table of the Task A figures (percentages, like the TempEval-3 papers)."""
    rows = [
        (
            "strict",
            result["strict"]["precision"],
            result["strict"]["recall"],
            result["strict"]["f1"],
            None,
        ),
        (
            "relaxed",
            result["relaxed"]["precision"],
            result["relaxed"]["recall"],
            result["relaxed"]["f1"],
            None,
        ),
        ("value", None, None, result["value"]["f1"], result["value"]["accuracy"]),
        ("type", None, None, result["type"]["f1"], result["type"]["accuracy"]),
    ]
    lines = [
        f"documents {result['documents']}, gold timexes {result['gold']}, "
        f"system timexes {result['system']}, relaxed matches {result['relaxed']['match']}",
        f"{'':8} {'P':>6} {'R':>6} {'F1':>6} {'acc':>6}",
    ]
    for name, p, r, f, acc in rows:
        lines.append(f"{name:8} {_pct(p)} {_pct(r)} {_pct(f)} {_pct(acc)}")
    counts: dict[str, int] = {}
    for error in result["errors"]:
        counts[error["error"]] = counts.get(error["error"], 0) + 1
    if counts:
        lines.append("errors: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    lines += [f"warning: {w}" for w in result.get("warnings", [])]
    return "\n".join(lines)


def _pct(x: float | None) -> str:
    return f"{'':>6}" if x is None else f"{100 * x:6.2f}"
