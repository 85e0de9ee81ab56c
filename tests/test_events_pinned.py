"""The events ``extract`` gives on data/articles and on tests/fixtures/stories, pinned.

Refactors of the events stage (its package layout, the linear-time work) must not change
a single event: this test compares the frame, column by column, with the file
tests/fixtures/stories/pinned.json. When a change is meant to alter events, rewrite the
file with ``TIMELINE_REPIN=1 pytest tests/test_events_pinned.py`` and say why in the commit.
"""

from __future__ import annotations

import json
import math
import os
from datetime import date
from pathlib import Path

import pytest
from conftest import DATA, REPO

import timeline

STORIES = REPO / "tests" / "fixtures" / "stories"
PINNED = STORIES / "pinned.json"
# the columns the events stage decides (what the frame adds on top, like its row order, too)
PINNED_COLUMNS = (
    "event_id", "value", "type", "precision", "mod", "start", "end", "kind", "label",
    "actors", "date_text", "sentence", "source", "title", "url", "published", "char_start",
    "char_end", "sources", "outlets", "n_sources", "n_mentions", "date_conflict",
    "alt_values", "anchor", "needs_dct", "mentions", "date_basis", "modality", "salience",
)  # fmt: skip
STORY_PUBLISHED = date(2024, 3, 5)  # for the fixture stories without a date of their own


def _plain(value: object) -> object:
    """A JSON-comparable form of a frame cell."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (bool, int, str)):
        return value
    text = str(value)
    return None if text in ("NaT", "<NA>", "nan") else text


def _rows(paths: list[Path], published: date | None) -> list[dict[str, object]]:
    frame = timeline.extract([str(p) for p in paths], published=published)
    return [
        {column: _plain(row[column]) for column in PINNED_COLUMNS}
        for row in frame.to_dict("records")
    ]


def _relative_sources(rows: list[dict[str, object]]) -> list[dict[str, object]]:
    """Sources as paths inside the repository, so the pin holds in any checkout."""
    text = json.dumps(rows, ensure_ascii=False)
    return json.loads(text.replace(str(REPO) + os.sep, ""))


@pytest.fixture(scope="module")
def current() -> dict[str, list[dict[str, object]]]:
    return {
        "data/articles": _relative_sources(_rows([DATA], None)),
        "tests/fixtures/stories": _relative_sources(
            _rows(sorted(STORIES.glob("0*")), STORY_PUBLISHED)
        ),
    }


def test_events_are_the_pinned_ones(current: dict[str, list[dict[str, object]]]) -> None:
    if os.environ.get("TIMELINE_REPIN"):
        PINNED.write_text(json.dumps(current, indent=1, ensure_ascii=False) + "\n", "utf-8")
    pinned = json.loads(PINNED.read_text(encoding="utf-8"))
    assert set(current) == set(pinned)
    for corpus, rows in pinned.items():
        mine = current[corpus]
        assert len(mine) == len(rows), corpus
        for expected, got in zip(rows, mine, strict=True):
            for column in PINNED_COLUMNS:
                assert got[column] == expected[column], (corpus, expected["event_id"], column)


def test_the_pin_covers_what_the_stage_does() -> None:
    """The pinned stories exercise ranges, several dates in one sentence, dateless
    mentions and back references, so the pin can catch a change in each."""
    pinned = json.loads(PINNED.read_text(encoding="utf-8"))
    rows = [row for corpus in pinned.values() for row in corpus]
    assert len(rows) >= 25
    assert any(row["kind"] == "range" for row in rows)
    assert any(m["via"] for row in rows for m in row["mentions"])
    assert any(row["n_mentions"] > 1 for row in rows)
    assert len({row["source"] for row in rows}) >= 5
