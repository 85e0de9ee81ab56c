"""The exported page in a real browser: headless Debian Chromium through Playwright.

Skipped when Chromium (or Playwright) is missing, except under CI=true, where a missing
browser is a failure: CI must exercise the page. Never downloads a browser.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import need
from test_plot import XSS_SENTENCE, make_frame, story_frame  # tests dir is on sys.path

from timeline.export import to_html

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

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def chromium_path() -> str:
    """Debian's Chromium, or skip (fail under CI=true, where it must be there)."""
    path = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    need(Path(path).exists(), f"no Chromium at {path} (apt-get install chromium)")
    return path


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    path = chromium_path()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        need(False, "playwright is not installed (pip install playwright; no browser download)")
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=path, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture()
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    p = context.new_page()
    p.errors = []
    p.dialogs = []
    p.on("pageerror", lambda exc: p.errors.append(str(exc)))
    p.on("console", lambda m: m.type == "error" and p.errors.append(m.text))
    p.on("dialog", lambda d: (p.dialogs.append(d.message), d.dismiss()))
    # the page must work offline: refuse every non-file request
    context.route(
        "**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort()
    )
    yield p
    context.close()


def open_page(page: Any, path: Path) -> None:
    page.goto(path.as_uri())
    page.wait_for_selector("#timeline-plot .main-svg", timeout=30_000)
    page.wait_for_function("document.getElementById('timeline-plot')._fullLayout !== undefined")


def test_hover_shows_the_sentence_and_no_script_runs(page: Any, tmp_path: Path) -> None:
    path = to_html(story_frame(), tmp_path / "story.html", title="Seed story")
    open_page(page, path)
    points = page.locator(
        "#timeline-plot .cartesianlayer .subplot.xy .scatterlayer .points path.point"
    )
    assert points.count() == 5  # three exact dates, and the markers of a month and a year
    hovered = ""
    for i in range(points.count()):
        points.nth(i).hover(force=True)
        page.wait_for_timeout(300)
        box = page.locator("#timeline-plot .hoverlayer .hovertext")
        if box.count() and "Freed on" in box.first.text_content():
            hovered = box.first.text_content()
            break
    # the hover box shows the XSS sentence as text, date words included
    assert "February 15, 2025" in hovered
    assert '<img src=x onerror="window.__xss=2">' in hovered
    assert XSS_SENTENCE.split("<img")[0].strip() in hovered
    bold = page.locator("#timeline-plot .hoverlayer .hovertext tspan[style*='bold']")
    assert "February 15, 2025" in " ".join(bold.all_text_contents())
    assert page.evaluate("window.__xss") is None
    assert page.locator("img[src=x]").count() == 0
    assert page.dialogs == []
    assert page.errors == []


def test_event_list_and_title_render_as_text(page: Any, tmp_path: Path) -> None:
    path = to_html(story_frame(), tmp_path / "story.html", title="<script>window.__xss=3</script>")
    open_page(page, path)
    assert "<script>window.__xss=3</script>" in page.locator("h1").text_content()
    rows = page.locator("#events-heading + table tbody tr")
    assert rows.count() == 6
    assert "<script>window.__xss = 1</script>" in rows.nth(4).text_content()
    assert page.evaluate("window.__xss") is None
    assert page.errors == []


def test_dense_page_renders_webgl_and_pans(page: Any, tmp_path: Path) -> None:
    path = to_html(make_frame(5_000), tmp_path / "dense.html")
    open_page(page, path)
    assert page.locator("#timeline-plot canvas").count() > 0
    before = page.evaluate("document.getElementById('timeline-plot')._fullLayout.xaxis.range")
    box = page.locator("#timeline-plot .nsewdrag").first.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] / 2 - 200, box["y"] + box["height"] / 2, steps=5)
    page.mouse.up()
    after = page.evaluate("document.getElementById('timeline-plot')._fullLayout.xaxis.range")
    assert after != before
    assert page.errors == []


def test_dense_page_labels_events_once_zoomed_in(page: Any, tmp_path: Path) -> None:
    path = to_html(make_frame(5_000), tmp_path / "dense.html")
    open_page(page, path)
    labels = """() => { const g = document.getElementById('timeline-plot');
        const t = g.data.find(t => t.name === 'labels (zoomed in)'); return t ? t.text : []; }"""
    assert page.evaluate(labels) == []  # 5,000 events in view: counts and marks only
    page.evaluate(
        """() => Plotly.relayout('timeline-plot',
            {'xaxis.range': ['2019-03-01', '2019-03-20']})"""
    )
    page.wait_for_function(
        "() => document.getElementById('timeline-plot').data"
        ".some(t => t.name === 'labels (zoomed in)')",
        timeout=20_000,
    )
    shown = page.evaluate(labels)
    assert 0 < len(shown) <= 200
    assert all(s.strip().startswith("Event number") for s in shown)
    page.evaluate("() => Plotly.relayout('timeline-plot', {'xaxis.autorange': true})")
    page.wait_for_function(
        "() => !document.getElementById('timeline-plot').data"
        ".some(t => t.name === 'labels (zoomed in)')",
        timeout=20_000,
    )
    assert page.errors == []
