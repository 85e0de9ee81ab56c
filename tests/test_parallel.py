"""``extract(..., jobs=N)``: worker processes give the same events, in the same order, and
the same report as one process; at most a bounded number of chunks is out at a time."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from conftest import DATA

import timeline
from timeline import parallel
from timeline.errors import TimelineError
from timeline.testing import news_record


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    root = tmp_path_factory.mktemp("parallel")
    dump = root / "news.jsonl"
    with dump.open("w", encoding="utf-8") as out:
        out.writelines(json.dumps(news_record(n)) + "\n" for n in range(15))
        # a sentence cut into pieces (a note from the events stage), then an unreadable
        # date (a warning from the reader): the report keeps them in reading order
        long = {"title": "Long", "text": "On March 3, 2024 " + "the talks went on, " * 90 + "."}
        out.write(json.dumps(long) + "\n")
        out.write(json.dumps({**news_record(15), "published": "soon"}) + "\n")
        out.writelines(json.dumps(news_record(n)) + "\n" for n in range(16, 30))
        out.write("{not json\n")  # a bad line: reported the same way by every mode
    (root / "empty.txt").write_text("")
    return [DATA, dump, root / "empty.txt"]


@pytest.fixture(scope="module")
def one_process(corpus: list[Path]) -> pd.DataFrame:
    return timeline.extract(corpus, jobs=1, max_mentions=4)


def same_frames(got: pd.DataFrame, expected: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(got, expected)
    mine, theirs = got.timeline.report, expected.timeline.report
    assert mine.articles == theirs.articles
    assert mine.warnings == theirs.warnings


def test_the_corpus_has_notes_and_warnings(one_process: pd.DataFrame) -> None:
    reasons = [w.reason for w in one_process.timeline.report.warnings]
    assert any("sentence pieces" in r for r in reasons), reasons
    assert len(reasons) >= 2, reasons


def test_worker_processes_give_the_same_events_in_the_same_order(
    corpus: list[Path], one_process: pd.DataFrame, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parallel, "CHUNK_CHARS", 2_000)  # many chunks, several per worker
    same_frames(timeline.extract(corpus, jobs=2, max_mentions=4), one_process)


def test_automatic_jobs_move_to_workers_once_the_input_is_large(
    corpus: list[Path], one_process: pd.DataFrame, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parallel, "AUTO_SERIAL_CHARS", 5_000)
    monkeypatch.setattr(parallel, "CHUNK_CHARS", 3_000)
    monkeypatch.setattr(parallel, "available_cores", lambda: 2)
    pools = []
    real_pool = parallel.ProcessPoolExecutor

    def counting_pool(*args, **kwargs):
        pools.append(args)
        return real_pool(*args, **kwargs)

    monkeypatch.setattr(parallel, "ProcessPoolExecutor", counting_pool)
    same_frames(timeline.extract(corpus, max_mentions=4), one_process)
    assert pools == [(2,)], "the automatic mode uses every core past the threshold"


def test_a_small_input_stays_in_one_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "available_cores", lambda: 4)
    monkeypatch.setattr(parallel, "ProcessPoolExecutor", None)  # would fail if used
    events = timeline.extract(DATA)
    assert len(events) > 0


@pytest.mark.parametrize("jobs", [0, -1, 1.5, "2", True])
def test_bad_jobs_are_refused_in_one_line(jobs: object) -> None:
    with pytest.raises(TimelineError, match="jobs must be a whole number"):
        timeline.extract(DATA, jobs=jobs)


class _Lazy:
    """A future that runs its batch only when its result is asked for."""

    def __init__(self, fn, batch) -> None:
        self.fn, self.batch, self.done = fn, batch, False

    def result(self):
        self.done = True
        return self.fn(self.batch)


def test_ordered_keeps_order_and_bounds_what_is_out() -> None:
    submitted: list[_Lazy] = []
    most_out = 0

    def submit(fn, batch):
        nonlocal most_out
        submitted.append(_Lazy(fn, batch))
        most_out = max(most_out, sum(not f.done for f in submitted))
        return submitted[-1]

    batches = [[n, n + 1] for n in range(0, 20, 2)]
    results = list(parallel.ordered(submit, lambda batch: [x * 10 for x in batch], batches, 3))
    assert results == [x * 10 for x in range(20)]
    assert most_out == 3, "the window fills up to its size and no further"


def test_packed_results_read_back_equal_and_smaller(corpus: list[Path]) -> None:
    import dataclasses
    import pickle

    from timeline.articles import read_articles

    articles = list(read_articles(corpus[1], report=timeline.Report()))
    results = parallel.analyse_chunk(articles)
    packed = parallel.analyse_packed(articles)
    assert parallel.unpack(packed) == results  # every field of every date, mention, event
    assert len(packed) < 0.9 * len(pickle.dumps(results, pickle.HIGHEST_PROTOCOL))
    event = results[0][0][0]
    fields = [f.name for f in dataclasses.fields(event)]
    assert parallel._PACKED[type(event)](event)[1] == tuple(getattr(event, f) for f in fields)


def test_ordered_decodes_each_result_in_order() -> None:
    batches = [[n, n + 1] for n in range(0, 10, 2)]

    def submit(fn, batch):
        return _Lazy(fn, batch)

    got = parallel.ordered(submit, lambda b: ",".join(map(str, b)), batches, 2,
                           lambda s: [int(x) for x in s.split(",")])  # fmt: skip
    assert list(got) == list(range(10))


def test_chunks_cut_by_text_size_and_by_count() -> None:
    articles = [timeline.Article(text="x" * size, source=f"{n}") for n, size in
                enumerate([5, 5, 20, 1, 1, 1, 1])]  # fmt: skip
    sizes = [[a.source for a in chunk] for chunk in parallel.chunks(articles, 10, 3)]
    assert sizes == [["0", "1"], ["2"], ["3", "4", "5"], ["6"]]


def test_cli_jobs_gives_the_same_json(
    corpus: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from timeline.cli import EXIT_SKIPPED, main

    monkeypatch.setattr(parallel, "CHUNK_CHARS", 4_000)
    outputs = []
    for jobs in ("1", "2"):
        target = tmp_path / f"jobs{jobs}.json"
        paths = [str(p) for p in corpus]
        assert main(["extract", *paths, "--jobs", jobs, "-q", "-o", str(target)]) == EXIT_SKIPPED
        outputs.append(target.read_bytes())
    assert outputs[0] == outputs[1]


@pytest.mark.parametrize("jobs", ["0", "two"])
def test_cli_refuses_bad_jobs_in_one_line(jobs: str, capsys: pytest.CaptureFixture) -> None:
    from timeline.cli import EXIT_USAGE, main

    with pytest.raises(SystemExit) as exited:  # argparse's usage error
        main(["extract", str(DATA), "--jobs", jobs])
    assert exited.value.code == EXIT_USAGE
    err = capsys.readouterr().err
    assert "--jobs" in err and "Traceback" not in err


def test_extract_runs_the_collector_less_often_and_restores_it() -> None:
    import gc

    from timeline.parallel import YOUNG_COLLECTION, fewer_collections

    before = gc.get_threshold()
    with fewer_collections():
        assert gc.get_threshold()[0] == max(before[0], YOUNG_COLLECTION)
    assert gc.get_threshold() == before
    timeline.extract(DATA, jobs=1)
    assert gc.get_threshold() == before
