"""The events frame on a fixed corpus is what it was: speed work must not change outputs.

The corpus is the bundled articles plus synthetic news-like JSON lines
(``timeline.testing.news_record``), read from relative paths so that sources do not depend
on where the repository lives. The expected frame is ``fixtures/golden/events.json``.
A change that is meant to change events regenerates it, and says so in its commit:

    .venv/bin/python tests/test_frame_golden.py --write
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
GOLDEN = HERE / "fixtures" / "golden" / "events.json"
DATA = HERE.parent / "data" / "articles"
N_SYNTHETIC = 24  # articles: enough for cross-article merges and the mention cap
MAX_MENTIONS = 5


def write_corpus(root: Path) -> list[str]:
    """The fixed corpus under ``root``; the relative paths to give ``extract``."""
    from timeline.testing import news_record

    shutil.copytree(DATA, root / "articles")
    with (root / "news.jsonl").open("w", encoding="utf-8") as out:
        out.writelines(json.dumps(news_record(n)) + "\n" for n in range(N_SYNTHETIC))
    return ["articles", "news.jsonl"]


def frame_records(root: Path, **options) -> list[dict]:
    """The extracted frame as JSON records (dates in ISO), run from ``root``."""
    import timeline

    here = os.getcwd()
    os.chdir(root)
    try:
        paths = write_corpus(root)
        frame = timeline.extract(paths, max_mentions=MAX_MENTIONS, **options)
    finally:
        os.chdir(here)
    return json.loads(frame.to_json(orient="records", date_format="iso"))


def test_frame_is_unchanged_on_the_fixed_corpus(tmp_path: Path) -> None:
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))
    got = frame_records(tmp_path)
    assert len(got) == len(expected), "number of events changed"
    for index, (mine, theirs) in enumerate(zip(got, expected, strict=True)):
        changed = {k: (mine.get(k), theirs.get(k)) for k in theirs if mine.get(k) != theirs[k]}
        assert not changed, f"event {index} changed (got, expected): {changed}"
    assert got == expected


@pytest.mark.parametrize("jobs", [2])
def test_frame_is_unchanged_with_worker_processes(tmp_path: Path, jobs: int) -> None:
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert frame_records(tmp_path, jobs=jobs) == expected


if __name__ == "__main__" and sys.argv[1:] == ["--write"]:
    with tempfile.TemporaryDirectory() as tmp:
        records = frame_records(Path(tmp))
    GOLDEN.parent.mkdir(parents=True, exist_ok=True)
    GOLDEN.write_text(json.dumps(records, indent=1, ensure_ascii=False) + "\n", "utf-8")
    print(f"wrote {len(records)} events to {GOLDEN}")
