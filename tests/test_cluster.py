"""``extract(..., scheduler=...)`` on a real Dask cluster: a ``dask scheduler`` and two
``dask worker`` processes on 127.0.0.1, started here and stopped after. The same events, in
the same order, and the same report as one process."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from conftest import DATA, need

import timeline
from timeline import parallel
from timeline.errors import TimelineError
from timeline.testing import news_record

pytestmark = pytest.mark.slow

try:
    import distributed
except ImportError:  # the dask extra is missing: skipped here, a failure under CI
    distributed = None

START_TIMEOUT = 120  # seconds for the scheduler and both workers on a busy machine


def _dask(*args: str, cwd: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "dask", *args],
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=20)


@pytest.fixture(scope="module")
def address(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    need(distributed is not None, "the dask extra (dask, distributed) is not installed")
    root = tmp_path_factory.mktemp("cluster")
    info = root / "scheduler.json"
    scheduler = _dask(
        "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
        "--scheduler-file", str(info), cwd=root,
    )  # fmt: skip
    processes = [scheduler]
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while not info.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert info.exists(), "the Dask scheduler did not start"
        address = json.loads(info.read_text())["address"]
        for n in range(2):
            processes.append(
                _dask(
                    "worker",
                    address,
                    "--nthreads",
                    "1",
                    "--no-dashboard",
                    "--host",
                    "127.0.0.1",
                    "--local-directory",
                    str(root / f"worker{n}"),
                    "--memory-limit",
                    "0",
                    cwd=root,
                )  # fmt: skip
            )
        with distributed.Client(address, timeout="60s") as client:
            client.wait_for_workers(2, timeout=START_TIMEOUT)
        yield address
    finally:
        for process in reversed(processes):
            _stop(process)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    root = tmp_path_factory.mktemp("cluster_corpus")
    dump = root / "news.jsonl"
    with dump.open("w", encoding="utf-8") as out:
        out.writelines(json.dumps(news_record(n)) + "\n" for n in range(24))
        out.write("[1, 2]\n")  # not an article: reported the same way on the cluster
    return [DATA, dump]


def same_frames(got: pd.DataFrame, expected: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(got, expected)
    assert got.timeline.report.articles == expected.timeline.report.articles
    assert got.timeline.report.warnings == expected.timeline.report.warnings


@pytest.mark.parametrize("max_mentions", [4, None])
def test_a_cluster_gives_the_same_events_as_one_process(
    address: str, corpus: list[Path], monkeypatch: pytest.MonkeyPatch, max_mentions: int | None
) -> None:
    expected = timeline.extract(corpus, jobs=1, max_mentions=max_mentions)
    monkeypatch.setattr(parallel, "CHUNK_CHARS", 3_000)  # several chunks on each worker
    from timeline import cluster

    monkeypatch.setattr(cluster, "CHUNK_CHARS", 3_000)
    same_frames(timeline.extract(corpus, scheduler=address, max_mentions=max_mentions), expected)
    with distributed.Client(address, timeout="60s") as client:
        got = timeline.extract(corpus, scheduler=client, max_mentions=max_mentions)
        same_frames(got, expected)
        assert client.status == "running", "a client the caller gave stays open"


def test_both_workers_analyse_and_send_packed_results(address: str, corpus: list[Path]) -> None:
    from timeline.articles import read_articles

    articles = list(read_articles(corpus[1], report=timeline.Report()))
    halves = [articles[: len(articles) // 2], articles[len(articles) // 2 :]]
    with distributed.Client(address, timeout="60s") as client:
        workers = sorted(client.nthreads())
        assert len(workers) == 2
        futures = [
            client.submit(parallel.analyse_packed, half, workers=[worker], pure=False)
            for half, worker in zip(halves, workers, strict=True)
        ]
        packed = client.gather(futures)
    assert all(isinstance(p, bytes) for p in packed)
    got = [result for p in packed for result in parallel.unpack(p)]
    assert got == parallel.analyse_chunk(articles), "the same events as in this process"


def test_cli_scheduler_gives_the_same_json(address: str, corpus: list[Path], tmp_path) -> None:
    from timeline.cli import EXIT_SKIPPED, main

    outputs = []
    for option in (["--jobs", "1"], ["--scheduler", address]):
        target = tmp_path / "events.json"
        paths = [str(p) for p in corpus]
        assert main(["extract", *paths, *option, "-q", "-o", str(target)]) == EXIT_SKIPPED
        outputs.append(target.read_bytes())
    assert outputs[0] == outputs[1]


def test_an_unreachable_scheduler_is_one_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    need(distributed is not None, "the dask extra (dask, distributed) is not installed")
    from timeline import cluster

    monkeypatch.setattr(cluster, "CONNECT_TIMEOUT", "1s")
    with pytest.raises(TimelineError, match="could not reach the Dask scheduler at tcp://"):
        timeline.extract(DATA, scheduler="tcp://127.0.0.1:9")


def test_jobs_and_scheduler_together_are_refused() -> None:
    with pytest.raises(TimelineError, match="not both"):
        timeline.extract(DATA, jobs=2, scheduler="tcp://127.0.0.1:9")


def test_a_scheduler_that_is_not_an_address_is_refused() -> None:
    need(distributed is not None, "the dask extra (dask, distributed) is not installed")
    with pytest.raises(TimelineError, match="tcp://HOST:8786"):
        timeline.extract(DATA, scheduler="localhost")
