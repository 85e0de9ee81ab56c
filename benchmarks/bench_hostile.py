"""Time against size on hostile texts: the events stage must grow linearly (issue 17).

Each text is one article, made at 10 k, 100 k and 1 M characters (``--sizes``):

- ``january``: "January " repeated (a date every 8 characters, no sentence end);
- ``from-to``: "from 0 to 1 to 2 ..." (ranges chained without end);
- ``long-token``: one token of the whole size, then "on March 3, 2024 they met.";
- ``prose``: news prose (the TimeBank+AQUAINT texts of ../shared/corpora run together,
  or the bundled data/articles repeated where the corpus is absent), one article.

For each it times ``tag`` and ``build_events`` separately (best of ``--repeat`` runs for
sizes under 1 M) and prints characters per second and the growth: the time at a size over
the time at the smallest, divided by the size ratio (1.0 is linear; 100 would be
quadratic from 10 k to 1 M).

    python benchmarks/bench_hostile.py [--sizes 10000,100000,1000000] [--texts january,prose]
"""

from __future__ import annotations

import argparse
import html
import re
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from timeline.events import build_events
from timeline.model import Article
from timeline.timex import tag

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpora" / "tbaq-cleaned"
PUBLISHED = date(2025, 3, 6)


def january(size: int) -> str:
    return ("January " * (size // 8 + 1))[:size]


def from_to(size: int) -> str:
    parts, number, length = ["from 0"], 1, 6
    while length < size:
        parts.append(f" to {number}")
        length += len(parts[-1])
        number += 1
    return "".join(parts)[:size]


def long_token(size: int) -> str:
    tail = " on March 3, 2024 they met."
    return "x" * max(1, size - len(tail)) + tail


def prose_source() -> str:
    files = sorted(CORPUS.glob("*/*.tml"))
    if files:
        texts = []
        for path in files:
            body = re.search(r"<TEXT>(.*?)</TEXT>", path.read_text(encoding="utf-8"), re.S)
            if body:
                texts.append(html.unescape(re.sub(r"<[^>]+>", "", body.group(1))).strip())
        return "\n".join(texts)
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted((REPO / "data").glob("*/*.txt")))


def prose(size: int, source: list[str] = []) -> str:  # noqa: B006 - read once
    if not source:
        source.append(prose_source())
    text = source[0]
    return (text * (size // len(text) + 1))[:size]


TEXTS: dict[str, Callable[[int], str]] = {
    "january": january,
    "from-to": from_to,
    "long-token": long_token,
    "prose": prose,
}


def measure(text: str, repeat: int) -> tuple[float, float, int]:
    """Best seconds of tag and of build_events, and the number of events."""
    article = Article(text=text, source="hostile.txt", title="Title", published=PUBLISHED)
    best_tag = best_build = float("inf")
    events = 0
    for _ in range(repeat):
        began = time.perf_counter()
        timexes = tag(text, dct=PUBLISHED)
        tagged = time.perf_counter()
        events = len(build_events(article, timexes))
        built = time.perf_counter()
        best_tag = min(best_tag, tagged - began)
        best_build = min(best_build, built - tagged)
    return best_tag, best_build, events


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--texts", default=",".join(TEXTS))
    parser.add_argument("--repeat", type=int, default=3, help="runs per size under 1 M")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"{'text':<11} {'chars':>9} {'tag s':>8} {'build s':>8} {'events':>6} "
          f"{'build kchar/s':>13} {'growth tag':>10} {'growth build':>12}")  # fmt: skip
    for name in args.texts.split(","):
        first: tuple[int, float, float] | None = None
        for size in sizes:
            text = "Title\n" + TEXTS[name](size)
            tag_s, build_s, events = measure(text, args.repeat if size < 1_000_000 else 1)
            if first is None:
                first = (size, tag_s, build_s)
            ratio = size / first[0]
            growth_tag = tag_s / first[1] / ratio
            growth_build = build_s / max(first[2], 1e-6) / ratio
            print(
                f"{name:<11} {size:>9,} {tag_s:>8.2f} {build_s:>8.2f} {events:>6} "
                f"{size / build_s / 1000:>13.0f} {growth_tag:>10.2f} {growth_build:>12.2f}",
                flush=True,
            )


if __name__ == "__main__":
    main()
