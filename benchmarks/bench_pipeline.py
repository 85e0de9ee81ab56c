"""Throughput of ``timeline.extract`` against the tagger alone, on the same texts.

Reports kB/s of input text (CPU time, best of ``--repeat`` runs, in one process so that the
ratio holds on a busy machine) for:

- ``tag``: the tagger alone over every text;
- ``build``: ``build_events`` per article on the tagged texts (tagging not counted);
- ``merge``: ``merge_events`` over all of them; ``frame``: ``to_frame`` of the result;
- ``extract``: the whole pipeline (tag, build, merge, frame), as ``timeline.extract`` runs it;

and ``extract/tag``, the share of the tagger's speed the pipeline keeps. Corpora:

- ``synthetic``: ``--mb`` MB of the news-like JSON lines articles ``bench_memory.py``
  generates (dense in dates and names: the hard case for events);
- ``timebank``: the plain texts of TimeBank and AQUAINT (with their creation dates), when
  ``../shared/corpora/tbaq-cleaned`` exists (``--corpus`` to point elsewhere).

    python benchmarks/bench_pipeline.py [--mb 0.5] [--repeat 3] [--json]

``--json`` also writes benchmarks/results/bench_pipeline.json (gitignored).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_memory import generate  # noqa: E402

from timeline import extract  # noqa: E402
from timeline.articles import read_articles  # noqa: E402
from timeline.events import build_events, merge_events  # noqa: E402
from timeline.frame import to_frame  # noqa: E402
from timeline.model import Article  # noqa: E402
from timeline.timex import tag  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results" / "bench_pipeline.json"
CORPUS = ROOT.parent / "shared" / "corpora" / "tbaq-cleaned"


def synthetic(megabytes: float) -> list[Article]:
    with tempfile.TemporaryDirectory(prefix="bench_pipeline_") as tmp:
        path = Path(tmp) / "dump.jsonl"
        generate(path, megabytes)
        return list(read_articles(path))


def timebank(corpus: Path) -> list[Article]:
    from timeline.timeml import read_timeml

    articles = []
    for path in sorted(corpus.glob("*/*.tml")):
        doc = read_timeml(path)
        dct = doc.dct_date
        published = dct.date() if hasattr(dct, "date") else dct
        articles.append(Article(text=doc.text, source=path.name, published=published))
    return articles


def best(run: Callable[[], object], repeat: int) -> float:
    """The least CPU time of ``repeat`` runs (other processes inflate wall time)."""
    times = []
    for _ in range(repeat):
        started = time.process_time()
        run()
        times.append(time.process_time() - started)
    return min(times)


def measure(articles: list[Article], repeat: int) -> dict[str, float]:
    kb = sum(len(a.text.encode("utf-8")) for a in articles) / 1000
    tagged = [(a, tag(a.text, dct=a.published)) for a in articles]
    per_article = [build_events(a, t) for a, t in tagged]
    events = [e for es in per_article for e in es]
    merged = merge_events(events)
    seconds = {
        "tag": best(lambda: [tag(a.text, dct=a.published) for a in articles], repeat),
        "build": best(lambda: [build_events(a, t) for a, t in tagged], repeat),
        "merge": best(lambda: merge_events(events), repeat),
        "frame": best(lambda: to_frame(merged), repeat),
        "extract": best(lambda: extract(articles), repeat),
    }
    result = {"kB": round(kb, 1), "articles": len(articles), "events": len(merged)}
    for name, spent in seconds.items():
        result[f"{name}_s"] = round(spent, 3)
        result[f"{name}_kBps"] = round(kb / spent, 1) if spent else float("inf")
    result["extract/tag"] = round(seconds["tag"] / seconds["extract"], 3)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mb", type=float, default=0.5, help="size of the synthetic dump (MB)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per stage (best counts)")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="TimeBank/AQUAINT dir")
    parser.add_argument("--json", action="store_true", help=f"also write {RESULTS.name}")
    args = parser.parse_args()
    corpora = {f"synthetic {args.mb:g} MB": synthetic(args.mb)}
    if args.corpus.is_dir():
        corpora["timebank+aquaint"] = timebank(args.corpus)
    results = {}
    for name, articles in corpora.items():
        r = results[name] = measure(articles, args.repeat)
        print(
            f"{name}: {r['kB']:.0f} kB, {r['articles']} articles, {r['events']} events\n"
            f"  tag {r['tag_kBps']:8.0f} kB/s   build {r['build_kBps']:7.0f} kB/s   "
            f"merge {r['merge_kBps']:7.0f} kB/s   frame {r['frame_kBps']:7.0f} kB/s\n"
            f"  extract {r['extract_kBps']:6.0f} kB/s = {r['extract/tag']:.2f} x the tagger alone"
        )
    if args.json:
        RESULTS.parent.mkdir(exist_ok=True)
        RESULTS.write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
