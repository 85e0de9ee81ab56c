"""Throughput of ``timeline.extract`` against the tagger alone and a hand-written dateparser
pipeline, on the same real-looking texts, in one process run.

The corpus is written to a temporary directory as JSON lines (``extract`` reads it from
there, as a user's run would) from:

- ``timebank+aquaint``: the plain texts of TimeBank and AQUAINT with their creation dates
  (``../shared/corpora/tbaq-cleaned``, ``--corpus`` to point elsewhere);
- ``semeval-trial``: the 30 Wikinews articles of the SemEval-2015 TimeLine trial data,
  prepared with ``../shared/tools/entity_timelines.py prepare``;
- ``synthetic``: ``--mb`` MB of ``timeline.testing`` news-like articles (dense in dates and
  names: the hard case for events; ``--mb 0`` to leave it out).

Measured on all of them together (kB/s of article text, CPU time of this process, best of
``--repeat`` runs, so that the ratios hold on a busy machine):

- ``tag``: ``timeline.tag`` alone over every text;
- ``extract``: ``timeline.extract`` end to end (load, detect each article's language, tag,
  events, merge, frame);
- ``extract_en``: the same with ``language="en"`` given, so no detection (what a user who
  knows the language of the articles runs);
- ``dateparser``: what a user writes by hand today: ``dateparser.search.search_dates`` per
  sentence into a DataFrame (one run: it is slow);
- the parts: ``load`` (``read_articles``), ``detect`` (``detect_language``), ``build``
  (``build_events`` on tagged texts), ``merge`` (``EventMerger``), ``frame`` (``to_frame``);

and the ratios ``extract/tag`` (target >= 0.5) and ``extract/dateparser`` (target >= 10), and
the same for ``extract_en``.
With ``--jobs 1 2`` it also times ``extract(..., jobs=N)`` in wall-clock seconds (worker
processes do not show in this process's CPU time) and reports the speed-up over ``jobs=1``;
with ``--dask 1 2``, ``extract(..., scheduler=client)`` on a local Dask cluster of N worker
processes (one thread each), wall-clock, with the peak memory of a worker.

    python benchmarks/bench_pipeline.py [--mb 0.25] [--repeat 3] [--jobs 1 2] [--dask 1 2]
        [--json]

``--json`` also writes benchmarks/results/bench_pipeline.json (gitignored).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timeline import extract  # noqa: E402
from timeline.articles import read_articles  # noqa: E402
from timeline.events import EventMerger, build_events  # noqa: E402
from timeline.frame import to_frame  # noqa: E402
from timeline.lang.detect import detect_language  # noqa: E402
from timeline.model import Article  # noqa: E402
from timeline.testing import write_news_dump  # noqa: E402
from timeline.timex import tag  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results" / "bench_pipeline.json"
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpora" / "tbaq-cleaned"
TRIAL = SHARED / "corpora" / "timeline-trial"
PREPARE = SHARED / "tools" / "entity_timelines.py"

_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
_DCT = re.compile(r'<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*>')
_VALUE = re.compile(r'value="(\d{4}-\d\d-\d\d)')
_TAG = re.compile(r"<[^>]+>")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")  # the naive splitter a hand-written script uses


def timebank_records(corpus: Path) -> list[dict[str, str | None]]:
    """TimeBank and AQUAINT as articles: the TEXT without its tags, the DCT as published."""
    from html import unescape

    records = []
    for path in sorted(corpus.glob("*/*.tml")):
        tml = path.read_text(encoding="utf-8")
        text = _TEXT.search(tml)
        dct = _DCT.search(tml)
        value = _VALUE.search(dct.group(0)) if dct else None
        records.append(
            {
                "source": path.name,
                "title": path.stem,
                "text": unescape(_TAG.sub("", text.group(1))).strip() if text else "",
                "published": value.group(1) if value else None,
            }
        )
    return records


def semeval_records(trial: Path, tmp: Path) -> list[dict[str, str | None]]:
    """The trial articles as the shared tool prepares them (its articles.jsonl)."""
    out = tmp / "semeval"
    subprocess.run([sys.executable, str(PREPARE), "prepare", str(trial), str(out)], check=True)
    lines = (out / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def write_corpus(args: argparse.Namespace, tmp: Path) -> tuple[Path, dict[str, int]]:
    """One JSON lines file of every available corpus; articles per corpus."""
    path, counts = tmp / "corpus.jsonl", {}
    with path.open("w", encoding="utf-8") as out:
        parts = []
        if args.corpus.is_dir():
            parts.append(("timebank+aquaint", timebank_records(args.corpus)))
        if TRIAL.is_dir() and PREPARE.is_file():
            parts.append(("semeval-trial", semeval_records(TRIAL, tmp)))
        for name, records in parts:
            counts[name] = len(records)
            out.writelines(json.dumps(r) + "\n" for r in records)
    if args.mb:
        synthetic = tmp / "synthetic.jsonl"
        counts[f"synthetic {args.mb:g} MB"] = write_news_dump(synthetic, args.mb)
        with path.open("a", encoding="utf-8") as out:
            out.write(synthetic.read_text(encoding="utf-8"))
    return path, counts


def dateparser_pipeline(articles: list[Article]):
    """``search_dates`` on each sentence, relative to the publication date, into a frame."""
    from datetime import datetime

    import pandas as pd
    from dateparser.search import search_dates

    rows = []
    for article in articles:
        base = article.published or datetime(2000, 1, 1).date()
        settings = {"RELATIVE_BASE": datetime(base.year, base.month, base.day)}
        for sentence in _SENTENCE_END.split(article.text):
            for text, when in search_dates(sentence, settings=settings, languages=["en"]) or ():
                rows.append((article.id, sentence, text, when))
    return pd.DataFrame(rows, columns=["source", "sentence", "date_text", "date"])


def cpu(run: Callable[[], object], repeat: int) -> float:
    """The least CPU time of ``repeat`` runs (other processes inflate wall time)."""
    times = []
    for _ in range(repeat):
        started = time.process_time()
        run()
        times.append(time.process_time() - started)
    return min(times)


def interleaved(runs: dict[int, Callable[[], object]], repeat: int) -> dict[int, float]:
    """The least wall time of each run, the runs taken in turn ``repeat`` times, so that a
    change in the machine's load weighs on all of them alike."""
    times: dict[int, list[float]] = {n: [] for n in runs}
    for _ in range(repeat):
        for n, run in runs.items():
            started = time.perf_counter()
            run()
            times[n].append(time.perf_counter() - started)
    return {n: min(spent) for n, spent in times.items()}


def merge(per_article: list) -> list:
    merger = EventMerger()
    for events in per_article:
        merger.add(events)
    return merger.events()


def measure(path: Path, repeat: int, jobs: list[int]) -> dict[str, float]:
    articles = list(read_articles(path))
    kb = sum(len(a.text.encode("utf-8")) for a in articles) / 1000
    tagged = [(a, tag(a.text, dct=a.published)) for a in articles]
    per_article = [build_events(a, t) for a, t in tagged]
    merged = merge(per_article)
    detect_language(articles[0].text if articles else "")  # its model loaded before timing
    seconds = {
        "load": cpu(lambda: list(read_articles(path)), repeat),
        "detect": cpu(lambda: [detect_language(a.text) for a in articles], repeat),
        "tag": cpu(lambda: [tag(a.text, dct=a.published) for a in articles], repeat),
        "build": cpu(lambda: [build_events(a, t) for a, t in tagged], repeat),
        "merge": cpu(lambda: merge(per_article), repeat),
        "frame": cpu(lambda: to_frame(merged), repeat),
        "extract": cpu(lambda: extract(path, jobs=1), repeat),
        "extract_en": cpu(lambda: extract(path, jobs=1, language="en"), repeat),
        "dateparser": cpu(lambda: dateparser_pipeline(articles), 1),
    }
    result: dict[str, float] = {"kB": round(kb, 1), "articles": len(articles)}
    result["events"] = len(merged)
    for name, spent in seconds.items():
        result[f"{name}_s"] = round(spent, 3)
        result[f"{name}_kBps"] = round(kb / spent, 1) if spent else float("inf")
    result["extract/tag"] = round(seconds["tag"] / seconds["extract"], 3)
    result["extract/dateparser"] = round(seconds["dateparser"] / seconds["extract"], 2)
    result["extract_en/tag"] = round(seconds["tag"] / seconds["extract_en"], 3)
    result["extract_en/dateparser"] = round(seconds["dateparser"] / seconds["extract_en"], 2)
    runs = {n: (lambda n=n: extract(path, jobs=n)) for n in jobs}
    for n, seconds in interleaved(runs, repeat).items():
        result[f"jobs{n}_wall_s"] = round(seconds, 3)
    if jobs:
        first = result[f"jobs{jobs[0]}_wall_s"]
        for n in jobs:
            result[f"jobs{n}_speedup"] = round(first / result[f"jobs{n}_wall_s"], 2)
    return result


def _peak_rss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure_dask(path: Path, repeat: int, workers: list[int], kb: float) -> dict[str, float]:
    """Wall time of ``extract`` on a local cluster of ``n`` single-threaded worker processes."""
    from distributed import Client, LocalCluster

    result: dict[str, float] = {}
    with ExitStack() as stack:
        clients = {}
        for n in workers:
            cluster = stack.enter_context(
                LocalCluster(
                    n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None
                )
            )
            clients[n] = stack.enter_context(Client(cluster))
        runs = {n: (lambda c=c: extract(path, scheduler=c)) for n, c in clients.items()}
        for n, seconds in interleaved(runs, repeat).items():
            result[f"dask{n}_wall_s"] = round(seconds, 3)
            result[f"dask{n}_kBps"] = round(kb / seconds, 1)
            peaks = clients[n].run(_peak_rss_mb).values()
            result[f"dask{n}_worker_peak_mb"] = round(max(peaks), 1)
    if workers:
        first = result[f"dask{workers[0]}_wall_s"]
        for n in workers:
            result[f"dask{n}_speedup"] = round(first / result[f"dask{n}_wall_s"], 2)
    return result


def report(r: dict[str, float], counts: dict[str, int], jobs: list[int], workers: list[int]) -> str:
    parts = ", ".join(f"{name} {n}" for name, n in counts.items())
    lines = [
        f"corpus: {r['kB']:.0f} kB of text, {r['articles']} articles ({parts}), "
        f"{r['events']} events",
        f"  tag        {r['tag_kBps']:8.1f} kB/s",
        f"  extract    {r['extract_kBps']:8.1f} kB/s = {r['extract/tag']:.2f} x the tagger "
        f"(target >= 0.5), {r['extract/dateparser']:.1f} x dateparser (target >= 10)",
        f"  extract_en {r['extract_en_kBps']:8.1f} kB/s = {r['extract_en/tag']:.2f} x the tagger, "
        f"{r['extract_en/dateparser']:.1f} x dateparser (language given: no detection)",
        f"  dateparser {r['dateparser_kBps']:8.1f} kB/s (search_dates per sentence, DataFrame)",
        "  parts: "
        + "   ".join(
            f"{s} {r[f'{s}_kBps']:.0f} kB/s" for s in ("load", "detect", "build", "merge", "frame")
        ),
    ]
    for n in jobs:
        lines.append(
            f"  jobs={n}: {r[f'jobs{n}_wall_s']:.2f} s wall, "
            f"{r['kB'] / r[f'jobs{n}_wall_s']:.0f} kB/s, x{r[f'jobs{n}_speedup']:.2f} "
            f"of jobs={jobs[0]}"
        )
    for n in workers:
        lines.append(
            f"  dask, {n} worker(s): {r[f'dask{n}_wall_s']:.2f} s wall, {r[f'dask{n}_kBps']:.0f} "
            f"kB/s, x{r[f'dask{n}_speedup']:.2f} of {workers[0]} worker(s), worker peak "
            f"{r[f'dask{n}_worker_peak_mb']:.0f} MB"
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mb", type=float, default=0.25, help="synthetic MB added (0: none)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per stage (best counts)")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="TimeBank/AQUAINT dir")
    parser.add_argument("--jobs", type=int, nargs="*", default=[], help="also time jobs=N")
    parser.add_argument("--dask", type=int, nargs="*", default=[], help="and N Dask workers")
    parser.add_argument("--json", action="store_true", help=f"also write {RESULTS.name}")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench_pipeline_") as tmp:
        path, counts = write_corpus(args, Path(tmp))
        result = measure(path, args.repeat, args.jobs)
        result.update(measure_dask(path, args.repeat, args.dask, result["kB"]))
    result["corpora"] = counts
    print(report(result, counts, args.jobs, args.dask))
    if args.json:
        RESULTS.parent.mkdir(exist_ok=True)
        RESULTS.write_text(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
