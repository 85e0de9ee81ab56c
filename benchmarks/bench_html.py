"""Saved news pages: the HTML reader against the one it replaced, in one process.

On the fixture pages of tests/fixtures/pages (sites mimicked with menus, related links with
dates, comment sections, cookie banners, JSON-LD, disagreeing date metadata; what each page
must give is in expected.json), for both readers:

- publication date right (the day), and pages with any date;
- article text kept: "with" snippets found (recall), "without" snippets (boilerplate)
  found; precision = with found / (with found + without found); F1;
- pages skipped (no article text), and the boilerplate dates that became events;
- speed: pages read per second on one core (decode + extract + metadata + date), each
  page read ``--rounds`` times, best of three passes, and the ratio new / old.

The old reader (a hand-written HTMLParser, its own meta-tag and JSON-LD lookup) is
``timeline/articles/html.py`` as it was when the package was created, loaded from git, so
both run on the same decoder, metadata checks and pages.

    python benchmarks/bench_html.py [--rounds N] [--json]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
import types
from collections.abc import Callable
from pathlib import Path

import timeline
from timeline.articles.encodings import decode_html
from timeline.articles.html import parse_html
from timeline.articles.problems import Sink, Skip
from timeline.model import Article, Report

REPO = Path(__file__).resolve().parent.parent
PAGES = REPO / "tests" / "fixtures" / "pages"
RESULTS = REPO / "benchmarks" / "results"

Reader = Callable[[str, str, Sink], Article]


def old_reader() -> Reader:
    """``parse_html`` of the commit that created timeline/articles/html.py."""
    rev = subprocess.run(
        ["git", "log", "--format=%H", "--diff-filter=A", "-n1", "--", "timeline/articles/html.py"],
        cwd=REPO, capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    source = subprocess.run(
        ["git", "show", f"{rev}:timeline/articles/html.py"],
        cwd=REPO, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    module = types.ModuleType("timeline.articles._html_before")
    exec(compile(source, f"{rev[:8]}:timeline/articles/html.py", "exec"), module.__dict__)
    return module.parse_html


def read(reader: Reader, path: Path) -> Article | None:
    sink = Sink(Report(), strict=False)
    source = str(path)
    try:
        return reader(decode_html(path.read_bytes(), source, sink), source, sink)
    except Skip:
        return None


def figures(reader: Reader, expected: dict) -> dict:
    dates = any_date = with_found = with_all = without_found = skipped = 0
    boilerplate_events = 0
    for name, want in expected.items():
        article = read(reader, PAGES / name)
        if "skipped" in want:
            skipped += article is None
            without_found += article is not None  # a whole menu kept as an article
            continue
        with_all += len(want["with"])
        if article is None:
            continue
        any_date += article.published is not None
        dates += str(article.published) == want["published"]
        with_found += sum(s in article.text for s in want["with"])
        without_found += sum(s in article.text for s in want["without"])
        events = timeline.extract(article)
        boilerplate_events += int(events["value"].isin(want["boilerplate_dates"]).sum())
    recall = with_found / with_all
    precision = with_found / (with_found + without_found) if with_found else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    pages = sum("skipped" not in w for w in expected.values())
    return {
        "pages": pages,
        "date_right": dates,
        "date_right_share": round(dates / pages, 3),
        "pages_with_a_date": any_date,
        "with_found": f"{with_found}/{with_all}",
        "without_found": without_found,
        "recall": round(recall, 3),
        "precision": round(precision, 3),
        "f1": round(f1, 3),
        "navigation_pages_skipped": skipped,
        "boilerplate_dates_as_events": boilerplate_events,
    }


def speed(reader: Reader, paths: list[Path], rounds: int) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for _ in range(rounds):
            for path in paths:
                read(reader, path)
        best = min(best, time.perf_counter() - start)
    return rounds * len(paths) / best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=20, help="reads of each page per pass")
    parser.add_argument("--json", action="store_true", help="also write results/bench_html.json")
    args = parser.parse_args()
    expected = json.loads((PAGES / "expected.json").read_text(encoding="utf-8"))
    paths = sorted(PAGES / name for name in expected)
    readers = {"before (HTMLParser)": old_reader(), "now (trafilatura + htmldate)": parse_html}
    results = {}
    for name, reader in readers.items():
        read(reader, paths[0])  # imports and first-use costs out of the timing
        results[name] = {**figures(reader, expected), "pages_per_s": 0.0}
    for name, reader in readers.items():
        results[name]["pages_per_s"] = round(speed(reader, paths, args.rounds), 1)
    before, now = results.values()
    ratio = now["pages_per_s"] / before["pages_per_s"]
    for name, row in results.items():
        print(f"{name}:")
        for key, value in row.items():
            print(f"  {key:28} {value}")
    pace = f"{now['pages_per_s']} vs {before['pages_per_s']} pages/s"
    print(f"speed now / before: {ratio:.3f} ({pace})")
    if args.json:
        RESULTS.mkdir(exist_ok=True)
        out = RESULTS / "bench_html.json"
        out.write_text(json.dumps({**results, "ratio": round(ratio, 3)}, indent=1))
        print(f"wrote {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
