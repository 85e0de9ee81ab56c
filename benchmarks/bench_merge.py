"""The cross-article merge alone, and how far it could be split without changing an event.

On the per-article events (``parallel.analyse``) of each corpus of ``bench_pipeline``
(TimeBank/AQUAINT + the SemEval trial articles) and of ``--mb`` MB of ``timeline.testing``
news, measures:

- ``merge``: ``EventMerger`` over every article's events, CPU seconds (best of
  ``--repeat``) and MB of article text a second;
- the blocks the merge can never cross (docs/ARCHITECTURE.md, "Many cores"): the connected
  components of the events under "share a word" (a kind of happening or a stem, what
  ``_GroupIndex.near`` requires), those of their dates' three-month windows (an event dated
  everywhere, ``months_of`` None, joins every one), and their intersection; each as the
  share of the events in the largest one, which bounds what an exact split could gain.

    python benchmarks/bench_merge.py [--mb 10] [--repeat 3]
"""

from __future__ import annotations

import argparse
import bisect
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_pipeline import CORPUS, write_corpus  # noqa: E402

from timeline.articles import read_articles  # noqa: E402
from timeline.events import EventMerger  # noqa: E402
from timeline.events.build import months_of  # noqa: E402
from timeline.events.merge import _event_features  # noqa: E402
from timeline.model import Event, Report  # noqa: E402
from timeline.parallel import analyse, fewer_collections  # noqa: E402
from timeline.testing import write_news_dump  # noqa: E402

WINDOW = 3  # months either side that _GroupIndex.near looks


def merge_seconds(per_article: list[list[Event]], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        merger = EventMerger()
        for events in per_article:
            merger.add(events)
        merger.events()
        best = min(best, time.process_time() - started)
    return best


def blocks(events: list[Event]) -> dict[str, float]:
    """The share of the events in the largest word component, date component, block."""
    parent: dict[str, str] = {}

    def find(word: str) -> str:
        while parent.setdefault(word, word) != word:
            parent[word] = parent[parent[word]]
            word = parent[word]
        return word

    words = []
    for event in events:
        features = _event_features(event)
        mine = [*features.classes, *features.stems]
        for word in mine[1:]:
            parent[find(word)] = find(mine[0])
        words.append(mine)
    by_word = [find(mine[0]) if mine else None for mine in words]
    months = [months_of(event.timex) for event in events]
    windows = sorted((m.start - WINDOW, m.stop + WINDOW) for m in months if m is not None)
    starts: list[int] = []
    reach = None
    for first, last in windows:
        if reach is None or first >= reach:
            starts.append(first)
            reach = last
        else:
            reach = max(reach, last)
    by_date = [None if m is None else bisect.bisect_right(starts, m.start - WINDOW) for m in months]
    n = max(1, len(events))

    def largest(keys: list) -> float:
        counts = Counter(k for k in keys if k is not None)
        return counts.most_common(1)[0][1] / n if counts else 0.0

    return {
        "events": len(events),
        "word": largest(by_word),
        "date": largest(by_date),
        "everywhere": sum(d is None for d in by_date),
        "block": largest([(w, d) for w, d in zip(by_word, by_date, strict=True) if d is not None]),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mb", type=float, default=10, help="synthetic MB (0: none)")
    parser.add_argument("--repeat", type=int, default=3, help="merge runs (best counts)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench_merge_") as tmp:
        real, _ = write_corpus(argparse.Namespace(corpus=CORPUS, mb=0), Path(tmp))
        inputs = {"timebank+aquaint+trial": real}
        if args.mb:
            synthetic = Path(tmp) / "synthetic.jsonl"
            write_news_dump(synthetic, args.mb)
            inputs[f"synthetic {args.mb:g} MB"] = synthetic
        for name, path in inputs.items():
            with fewer_collections():
                articles = list(read_articles(path, report=Report()))
                per_article = [analyse(article)[0] for article in articles]
                seconds = merge_seconds(per_article, args.repeat)
            mb = sum(len(a.text.encode("utf-8")) for a in articles) / 1e6
            b = blocks([e for events in per_article for e in events])
            print(
                f"{name}: {len(articles)} articles, {mb:.2f} MB, {b['events']} events; "
                f"merge {seconds:.2f} s CPU = {mb / seconds:.2f} MB/s; largest word component "
                f"{b['word']:.1%}, date component {b['date']:.1%} (+{b['everywhere']} dated "
                f"everywhere), block {b['block']:.1%}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
