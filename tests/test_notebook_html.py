"""Notebook figures survive nbconvert (issue 13): a notebook that draws a timeline is run
by a real kernel, converted to HTML by nbconvert, and that page, opened offline in Debian's
Chromium, shows the chart (the ci engineer's tests/test_notebooks.py runs the notebooks)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import REPO, SEED
from test_browser import CHROMIUM_ARGS, chromium_path  # tests dir is on sys.path

pytestmark = [pytest.mark.slow, pytest.mark.browser]

CELLS = [
    "import timeline",
    f"events = timeline.extract(timeline.read_articles({str(SEED)!r}))",
    "timeline.plot(events, title='Seed story')",
    "timeline.plot(events.head(2), title='Second figure')",
]


def executed_html(tmp_path: Path, cells: list[str] = CELLS, figures_from: int = 2) -> Path:
    import nbformat
    from nbclient import NotebookClient
    from nbconvert import HTMLExporter

    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    NotebookClient(
        notebook,
        timeout=120,
        startup_timeout=60,
        kernel_name="python3",
        resources={"metadata": {"path": str(REPO)}},
    ).execute()
    outputs = [o for cell in notebook.cells[figures_from:] for o in cell.outputs]
    assert all("text/html" in o.get("data", {}) for o in outputs), outputs
    assert all("application/vnd.plotly.v1+json" in o["data"] for o in outputs)
    page, _ = HTMLExporter().from_notebook_node(notebook)
    path = tmp_path / "notebook.html"
    path.write_text(page, encoding="utf-8")
    return path


def test_nbconvert_html_shows_the_figures_offline(tmp_path):
    path = executed_html(tmp_path)
    from playwright.sync_api import sync_playwright

    blocked = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=chromium_path(), args=CHROMIUM_ARGS, headless=True
        )
        page = browser.new_page()
        errors = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))

        def route(request_route):
            url = request_route.request.url
            if url.startswith(("file:", "data:")):
                return request_route.continue_()
            blocked.append(url)
            return request_route.abort()

        page.route("**/*", route)
        page.goto(path.as_uri())
        page.wait_for_selector(".plotly-graph-div .main-svg", timeout=60_000)
        page.wait_for_function(
            "document.querySelectorAll('.plotly-graph-div .main-svg').length >= 2",
            timeout=60_000,
        )
        titles = page.locator(".plotly-graph-div .gtitle").all_text_contents()
        points = page.locator(".plotly-graph-div .scatterlayer .point").count()
        browser.close()
    assert "Seed story" in titles and "Second figure" in titles, titles
    assert points > 0
    assert not [e for e in errors if "Plotly" in e], errors
    # nothing the figures need came from the network (nbconvert's own template asks for
    # require.js and MathJax, which were refused: the figures drew without them)
    assert not [u for u in blocked if "plotly" in u], blocked


def test_nbconvert_html_keeps_every_payload_inert(tmp_path):
    """The hostile story of test_clients (a payload in the outlet, title, file name, URL,
    text and image) drawn in a notebook, converted, opened, every point hovered."""
    from playwright.sync_api import sync_playwright
    from test_clients import hostile_story

    folder = hostile_story(tmp_path / "articles")
    cells = [
        "import timeline",
        f"events = timeline.extract(timeline.read_articles({str(folder)!r}))",
        "timeline.plot(events, title='Talks <img src=x onerror=\"window.__xss=[9]\">')",
        "timeline.plot(events, group_by='source')",
    ]
    path = executed_html(tmp_path, cells)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=chromium_path(), args=CHROMIUM_ARGS, headless=True
        )
        page = browser.new_page()
        dialogs = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.route(
            "**/*",
            lambda r: r.continue_() if r.request.url.startswith(("file:", "data:")) else r.abort(),
        )
        page.goto(path.as_uri())
        page.wait_for_function(
            "document.querySelectorAll('.plotly-graph-div .main-svg').length >= 2",
            timeout=60_000,
        )
        points = page.locator(".plotly-graph-div .scatterlayer .point")
        hovered = []
        for i in range(points.count()):
            points.nth(i).hover(force=True)
            page.wait_for_timeout(150)
            hovered += page.locator(".hoverlayer .hovertext").all_text_contents()
        state = page.evaluate(
            "[window.__xss, document.querySelectorAll('img[src=x]').length,"
            " [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))]"
        )
        titles = page.locator(".plotly-graph-div .gtitle").all_text_contents()
        lanes = page.locator(".plotly-graph-div .ytick").all_text_contents()
        browser.close()
    xss, images, hrefs = state
    assert xss is None and images == 0 and dialogs == []
    assert not [h for h in hrefs if h.lower().lstrip().startswith(("javascript:", "data:"))]
    assert 'Talks <img src=x onerror="window.__xss=[9]">' in titles, titles
    shown = " ".join(hovered)
    assert "Evil <img src=x" in shown and "onerror" in shown, hovered  # the outlet, as text
    assert not [lane for lane in lanes if "articles/" in lane or ".md" in lane], lanes
