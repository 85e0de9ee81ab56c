"""Peak memory of reading a big JSON lines dump, alone and through ``timeline.extract``.

Generates a JSON lines file of ``--mb`` megabytes (default 200) of news-like articles in a
temporary directory (deleted afterwards), then measures, each in a fresh subprocess, the
peak resident set size (``ru_maxrss``) and the time of:

- ``read_articles`` over the whole file (the loader alone: should stay flat, it streams);
- ``timeline.extract`` over the first ``--extract-mb`` megabytes (default 0.5; the pipeline
  runs at about 50-130 kB/s on this input, so 200 MB takes more than an hour: pass
  ``--extract-mb 200`` to measure it anyway). Two sizes are run so that growth shows;
- ``read_articles`` on a single ``--mb`` MB .txt file (sparse), which is over the
  one-article limit and must be reported, not read.

    python benchmarks/bench_memory.py [--mb 200] [--extract-mb 0.5] [--single] [--jobs N]
        [--json]

``--jobs N`` runs extract with N worker processes (default 1); the peak of the biggest
worker is then stated apart (``worker_peak_mb``: ``ru_maxrss`` of the reaped children), and
where the time went: CPU seconds of the parent (reading, reading results back, the merge,
the frame) and of all workers together, and the cores used on average (CPU / wall: under
``N + 1`` on a machine others share).

``--json`` also writes benchmarks/results/bench_memory.json (gitignored).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timeline.testing import write_news_dump  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results" / "bench_memory.json"

# Runs in a fresh interpreter: the measured work, then its own peak RSS as JSON.
CHILD = """
import json, resource, sys, time, warnings
mode, path, jobs = sys.argv[1], sys.argv[2], int(sys.argv[3])
import timeline
from timeline.model import Report
from timeline.articles import read_articles
if mode == "extract":
    import timeline.pipeline, timeline.events, timeline.timex, timeline.frame  # noqa
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
def cpu(who):
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime
cpu_before = cpu(resource.RUSAGE_SELF)
started = time.perf_counter()
report = Report()
if mode == "extract":
    frame = timeline.extract(path, jobs=jobs)
    report = frame.timeline.report
    n, rows = len(report.read), len(frame)
else:
    n, rows = sum(1 for _ in read_articles(path, report=report)), 0
seconds = time.perf_counter() - started
print(json.dumps({
    "seconds": seconds,
    "cpu_s": cpu(resource.RUSAGE_SELF) - cpu_before,
    "workers_cpu_s": cpu(resource.RUSAGE_CHILDREN),
    "base_mb": base / 1024,
    "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "worker_peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    "articles": n, "rows": rows, "skipped": [s.reason for s in report.skipped][:3],
}))
"""


def generate(path: Path, megabytes: float) -> int:
    """Write about ``megabytes`` MB of JSON lines; the number of records."""
    return write_news_dump(path, megabytes)


def head(src: Path, dst: Path, megabytes: float) -> None:
    """The first ``megabytes`` MB of whole lines of ``src``."""
    limit, size = int(megabytes * 1024 * 1024), 0
    with src.open("rb") as f, dst.open("wb") as out:
        for line in f:
            if size + len(line) > limit:
                break
            out.write(line)
            size += len(line)


def measure(mode: str, path: Path, jobs: int = 1) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, mode, str(path), str(jobs)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode:
        return {"error": done.stderr.strip().splitlines()[-1:]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mb", type=float, default=200, help="size of the dump (MB)")
    parser.add_argument("--extract-mb", type=float, default=0.5, help="part run through extract")
    parser.add_argument(
        "--single", action="store_true", help="run extract on --extract-mb only, not also half"
    )
    parser.add_argument("--jobs", type=int, default=1, help="worker processes for extract")
    parser.add_argument("--json", action="store_true", help=f"also write {RESULTS.name}")
    args = parser.parse_args()
    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(prefix="bench_memory_") as tmp:
        dump = Path(tmp) / "dump.jsonl"
        started = time.perf_counter()
        records = generate(dump, args.mb)
        print(f"generated {dump.stat().st_size / 2**20:.0f} MB, {records} records "
              f"in {time.perf_counter() - started:.0f} s")  # fmt: skip
        results[f"read_articles {args.mb:g} MB jsonl"] = measure("read", dump)
        sizes = (args.extract_mb,) if args.single else (args.extract_mb / 2, args.extract_mb)
        for mb in sizes:
            part = Path(tmp) / f"part_{mb:g}.jsonl"
            head(dump, part, mb)
            results[f"extract {mb:g} MB jsonl"] = measure("extract", part, args.jobs)
        dump.unlink()
        big = Path(tmp) / "big.txt"
        with big.open("wb") as f:
            f.truncate(int(args.mb * 2**20))  # sparse: costs no disk
        results[f"read_articles {args.mb:g} MB .txt"] = measure("read", big)
    for name, r in results.items():
        if "error" in r:
            print(f"{name:32} ERROR {r['error']}")
            continue
        print(
            f"{name:32} peak {r['peak_mb']:7.1f} MB (after imports {r['base_mb']:6.1f} MB)"
            f"  {r['seconds']:8.1f} s  {r['articles']} articles"
            + (f", {r['rows']} events" if r["rows"] else "")
            + (f", worker peak {r['worker_peak_mb']:.1f} MB" if r["worker_peak_mb"] else "")
            + (
                f"; CPU {r['cpu_s']:.1f} s here + {r['workers_cpu_s']:.1f} s in workers = "
                f"{(r['cpu_s'] + r['workers_cpu_s']) / r['seconds']:.2f} cores on average"
                if r.get("workers_cpu_s")
                else ""
            )
            + (f"  skipped: {r['skipped'][0]}" if r["skipped"] else "")
        )
    if args.json:
        RESULTS.parent.mkdir(exist_ok=True)
        RESULTS.write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
