"""How ``timeline.plot`` and ``timeline.to_html`` scale: 1k, 10k and 100k synthetic events.

For each size: time to build the figure, time to write the HTML, the HTML's size, and in
headless Debian Chromium (Playwright) the time from navigation to the first rendered plot
and the time of one pan (a relayout of the x range). Synthetic events come from the
shared builder ``timeline.testing.make_frame`` (ten years, mixed day/week/month/year
precision, 8 sources as lanes).

    python benchmarks/bench_plot.py [--sizes 1000 10000 100000] [--no-browser] [--json]

Not a test: run it by hand (the 100k row takes a minute or two on 2 cores).
``--json`` also writes benchmarks/results/bench_plot.json.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import timeline  # noqa: E402
from timeline.testing import make_frame  # noqa: E402

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def measure(n: int, out_dir: Path, browser: Any | None) -> dict[str, Any]:
    df = make_frame(n)
    t0 = time.perf_counter()
    fig = timeline.plot(df, group_by="source")
    build = time.perf_counter() - t0
    t0 = time.perf_counter()
    path = timeline.to_html(fig, out_dir / f"bench_{n}.html", title=f"{n} events")
    write = time.perf_counter() - t0
    row = {
        "events": n,
        "traces": len(fig.data),
        "webgl": any(t.type == "scattergl" for t in fig.data),
        "build_s": build,
        "html_s": write,
        "html_mb": path.stat().st_size / 1e6,
    }
    if browser is not None:
        row.update(render(browser, path))
    return row


def render(browser: Any, path: Path) -> dict[str, float]:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    t0 = time.perf_counter()
    page.goto(path.as_uri(), timeout=300_000)
    page.wait_for_function(
        "(() => { const g = document.getElementById('timeline-plot');"
        " return g && g._fullLayout && g.querySelector('.main-svg'); })()",
        timeout=300_000,
    )
    page.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    first = time.perf_counter() - t0
    pan = page.evaluate(
        """async () => {
        const g = document.getElementById('timeline-plot');
        const [a, b] = g._fullLayout.xaxis.range.map(x => new Date(x).getTime());
        const d = (b - a) / 4, t0 = performance.now();
        await Plotly.relayout(g, {'xaxis.range': [new Date(a + d), new Date(b + d)]});
        await new Promise(r => requestAnimationFrame(r));
        return (performance.now() - t0) / 1000;
        }"""
    )
    page.close()
    return {"first_render_s": first, "pan_s": pan, "js_errors": len(errors)}


def open_browser(pw: Any) -> Any | None:
    path = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        print("no Chromium: browser columns skipped", file=sys.stderr)
        return None
    return pw.chromium.launch(executable_path=path, args=CHROMIUM_ARGS, headless=True)


def table(rows: list[dict[str, Any]]) -> str:
    cols = ["events", "traces", "webgl", "build_s", "html_s", "html_mb"]
    cols += [c for c in ("first_render_s", "pan_s", "js_errors") if c in rows[0]]
    lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for r in rows:
        cells = [f"{r[c]:.2f}" if isinstance(r[c], float) else str(r[c]) for c in cols]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        if args.no_browser:
            rows = [measure(n, Path(tmp), None) for n in args.sizes]
        else:
            from playwright.sync_api import sync_playwright

            with sync_playwright() as pw:
                browser = open_browser(pw)
                for n in args.sizes:
                    rows.append(measure(n, Path(tmp), browser))
                    print(table(rows[-1:]).splitlines()[-1], file=sys.stderr, flush=True)
                if browser is not None:
                    browser.close()
    print(table(rows))
    if args.json:
        out = ROOT / "benchmarks" / "results" / "bench_plot.json"
        out.parent.mkdir(exist_ok=True)
        out.write_text(json.dumps(rows, indent=2))


if __name__ == "__main__":
    main()
