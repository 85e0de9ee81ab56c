"""Speed and accuracy of ``timeline.timex.tag`` next to ``dateparser.search.search_dates``.

Measures, in one process and on the same texts (the TimeBank part of the TempEval-3
training corpus, ../shared/corpora/tbaq-cleaned):

- throughput in characters per second of both taggers, and their ratio (tag: best of three
  passes; dateparser: its one scoring pass, as it is slow);
- TempEval-3 Task A figures of both (dateparser used as a tagger: every date it finds is a
  DATE, or a TIME when the words carry a clock time, valued against the document's DCT);
- throughput of ``tag`` on the whole corpus (TimeBank + AQUAINT);
- import time of ``timeline.timex`` in a fresh interpreter.

    python benchmarks/bench_tagger.py [--corpus DIR] [--sample N] [--json]

``--json`` also writes benchmarks/results/bench_tagger.json (gitignored).
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from timeline import timeml
from timeline.model import Timex
from timeline.timeml.write import tagger_view

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpora" / "tbaq-cleaned"
RESULTS = REPO / "benchmarks" / "results"
_CLOCK = re.compile(r"\d:\d\d|\b[ap]\.?m\b|o'clock|noon|midnight", re.I)


class Timed:
    """Wraps a tagger and adds up the seconds and characters it was given."""

    def __init__(self, tagger: Callable[..., list[Timex]]) -> None:
        self.tagger = tagger
        self.seconds = 0.0
        self.chars = 0

    def __call__(self, text: str, dct: date | datetime | None = None) -> list[Timex]:
        began = time.perf_counter()
        found = self.tagger(text, dct)
        self.seconds += time.perf_counter() - began
        self.chars += len(text)
        return found

    @property
    def chars_per_second(self) -> float:
        return self.chars / self.seconds if self.seconds else float("nan")


def dateparser_tagger(text: str, dct: date | datetime | None = None) -> list[Timex]:
    """``search_dates`` as a TIMEX3 tagger: DATE (or TIME) values against the DCT."""
    from dateparser.search import search_dates

    settings = {}
    if dct is not None:
        base = dct if isinstance(dct, datetime) else datetime(dct.year, dct.month, dct.day)
        settings["RELATIVE_BASE"] = base
    found = search_dates(text, languages=["en"], settings=settings) or []
    result, pos = [], 0
    for words, when in found:
        start = text.find(words, pos)
        if start < 0:  # dateparser may normalise whitespace; skip what cannot be located
            continue
        pos = start + len(words)
        if _CLOCK.search(words):
            result.append(Timex(start, pos, words, "TIME", when.strftime("%Y-%m-%dT%H:%M")))
        else:
            result.append(Timex(start, pos, words, "DATE", when.strftime("%Y-%m-%d")))
    return result


def dateparser_without_dct(text: str, dct: date | datetime | None = None) -> list[Timex]:
    """``search_dates`` with its defaults: relative dates resolve against the clock."""
    return dateparser_tagger(text, None)


def import_time() -> dict:
    """Seconds to import ``timeline.timex`` in a fresh interpreter (median of 5 runs)."""

    def run(code: str) -> float:
        began = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
        return time.perf_counter() - began

    bare = statistics.median(run("pass") for _ in range(5))
    full = statistics.median(run("import timeline.timex") for _ in range(5))
    trace = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import timeline.timex"],
        check=True,
        capture_output=True,
        text=True,
    ).stderr
    # last line for the package itself: "import time: self | cumulative | name" in microseconds
    cumulative = [
        int(line.split("|")[1])
        for line in trace.splitlines()
        if line.rstrip().endswith(" timeline.timex")
    ]
    return {
        "wall_minus_bare_s": full - bare,
        "importtime_cumulative_s": cumulative[-1] / 1e6 if cumulative else float("nan"),
    }


def documents(directory: Path, limit: int | None = None) -> list[tuple[str, date | None]]:
    """``(text, dct)`` of the TimeML documents under ``directory``, as the tagger sees them."""
    docs = []
    for i, (_, path) in enumerate(timeml.iter_timeml(directory)):
        if limit is not None and i >= limit:
            break
        doc = timeml.read_timeml(path)
        docs.append((tagger_view(doc)[0], doc.dct_date))
    return docs


def best_chars_per_second(tagger: Callable, docs: list, repeat: int = 3) -> float:
    """Characters per second of the fastest of ``repeat`` passes (the CPU is shared)."""
    best = 0.0
    for _ in range(repeat):
        timed = Timed(tagger)
        for text, dct in docs:
            timed(text, dct)
        best = max(best, timed.chars_per_second)
    return best


def measure(corpus: Path, sample: int | None) -> dict:
    from timeline.timex import tag

    timebank = corpus / "TimeBank"
    tag(" ", date(2000, 1, 1))  # warm up: compile patterns outside the timing
    sample_docs = documents(timebank, sample)
    ours_speed = best_chars_per_second(tag, sample_docs)
    ours_scores = timeml.evaluate_tagger(timebank, tag, limit=sample)
    dateparser_tagger(" ", date(2000, 1, 1))  # warm up its lazy language data too
    theirs = Timed(dateparser_tagger)  # one pass only: it is slow; timed while scoring
    theirs_scores = timeml.evaluate_tagger(timebank, theirs, limit=sample)
    # how a user would call it out of the box: relative dates against today, not the DCT
    naive_scores = timeml.evaluate_tagger(timebank, dateparser_without_dct, limit=sample)
    whole_docs = documents(corpus)
    whole_scores = timeml.evaluate_tagger(corpus, tag)
    chars = sum(len(text) for text, _ in sample_docs)
    return {
        "texts": f"{timebank} ({len(sample_docs)} documents, {chars} characters)",
        "tag_chars_per_s": ours_speed,
        "dateparser_chars_per_s": theirs.chars_per_second,
        "speed_ratio": ours_speed / theirs.chars_per_second,
        "tag_scores": _figures(ours_scores),
        "dateparser_scores": _figures(theirs_scores),
        "dateparser_without_dct_scores": _figures(naive_scores),
        "tag_corpus_chars_per_s": best_chars_per_second(tag, whole_docs),
        "tag_corpus_scores": _figures(whole_scores),
        "tag_corpus_texts": f"{corpus} ({len(whole_docs)} documents, "
        f"{sum(len(text) for text, _ in whole_docs)} characters)",
        "import": import_time(),
    }


def _figures(result: dict) -> dict:
    return {
        "documents": result["documents"],
        "gold": result["gold"],
        "system": result["system"],
        "strict_f1": result["strict"]["f1"],
        "relaxed_p": result["relaxed"]["precision"],
        "relaxed_r": result["relaxed"]["recall"],
        "relaxed_f1": result["relaxed"]["f1"],
        "value_accuracy": result["value"]["accuracy"],
        "value_f1": result["value"]["f1"],
        "type_f1": result["type"]["f1"],
    }


def table(results: dict) -> str:
    ours, theirs = results["tag_scores"], results["dateparser_scores"]
    naive, whole = results["dateparser_without_dct_scores"], results["tag_corpus_scores"]
    rows = [
        ("", "timex.tag", "dateparser+DCT", "dateparser"),
        (
            "chars/s",
            f"{results['tag_chars_per_s']:,.0f}",
            f"{results['dateparser_chars_per_s']:,.0f}",
            "",
        ),
        ("speed ratio", f"{results['speed_ratio']:.1f}x", "1x", ""),
    ]
    for key in _FIGURES:
        rows.append((key, _cell(ours[key]), _cell(theirs[key]), _cell(naive[key])))
    imported = results["import"]
    lines = [f"TimeBank: {results['texts']}"]
    lines += [f"{a:16} {b:>14} {c:>15} {d:>12}".rstrip() for a, b, c, d in rows]
    lines += [
        "dateparser+DCT resolves relative dates against the DCT; dateparser uses its defaults.",
        "",
        f"whole corpus: {results['tag_corpus_texts']}",
        f"  timex.tag {results['tag_corpus_chars_per_s']:,.0f} chars/s, value F1 "
        f"{_cell(whole['value_f1'])}, relaxed F1 {_cell(whole['relaxed_f1'])}, "
        f"strict F1 {_cell(whole['strict_f1'])}",
        f"import timeline.timex: {imported['wall_minus_bare_s'] * 1000:.0f} ms "
        f"(fresh interpreter minus bare start), "
        f"{imported['importtime_cumulative_s'] * 1000:.0f} ms (-X importtime cumulative)",
    ]
    return "\n".join(lines)


_FIGURES = (
    "system",
    "strict_f1",
    "relaxed_p",
    "relaxed_r",
    "relaxed_f1",
    "value_accuracy",
    "value_f1",
    "type_f1",
)


def _cell(x: float | int) -> str:
    return str(x) if isinstance(x, int) else f"{100 * x:.1f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="tbaq-cleaned directory")
    parser.add_argument("--sample", type=int, help="only the first N TimeBank documents")
    parser.add_argument("--json", action="store_true", help="also write results/bench_tagger.json")
    args = parser.parse_args(argv)
    if not (args.corpus / "TimeBank").is_dir():
        print(f"bench_tagger: corpus not found: {args.corpus}", file=sys.stderr)
        return 1
    results = measure(args.corpus, args.sample)
    print(table(results))
    if args.json:
        RESULTS.mkdir(parents=True, exist_ok=True)
        out = RESULTS / "bench_tagger.json"
        out.write_text(json.dumps(results, indent=1), encoding="utf-8")
        print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
