"""Exports opened in the programs readers open them with (issue 13): the TimelineJS3 JSON in
the real TimelineJS and the vis-timeline JSON in the real vis-timeline (both from npm,
``npm ci --prefix tests/js``, run by ``.ci/run``), in Debian's Chromium through Playwright.

Articles carry a script payload in every field a user controls: the outlet (front matter
``source:``), the title, the file name, the URL and the text. Each payload, if it ever ran,
would record its field in ``window.__xss``; the test opens every slide and checks that
nothing ran, that no element of the payload exists, and that the reader sees it as text.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO, need
from test_browser import CHROMIUM_ARGS, chromium_path  # tests dir is on sys.path

import timeline
from timeline.export import to_timelinejs, to_vis_timeline

pytestmark = [pytest.mark.browser, pytest.mark.slow]

NODE_MODULES = REPO / "tests" / "js" / "node_modules"
TIMELINEJS = NODE_MODULES / "@knight-lab" / "timelinejs" / "dist"
VIS = NODE_MODULES / "vis-timeline" / "standalone" / "umd" / "vis-timeline-graph2d.min.js"


def payload(field: str) -> str:
    """Markup that would run script on load, tagged with the field it was put in."""
    return f"<img src=x onerror=\"(window.__xss=window.__xss||[]).push('{field}')\">"


def hostile_story(folder: Path) -> Path:
    """Three Markdown articles with a payload in the outlet, title, file name, URL, text."""
    folder.mkdir()
    name = folder / (payload("file").replace("/", "") + ".md")
    name.write_text(
        "---\n"
        f"title: Talks {payload('title')} resume\n"
        f"source: Evil {payload('outlet')} Wire\n"
        "published: 2025-03-06\n"
        f"url: https://example.org/a?q=\"><script>window.__xss=['url']</script>\n"
        "---\n\n"
        f"Negotiators met in Doha on March 3, 2025 {payload('text')} after a pause. "
        "The truce ran from March 10 to March 16, 2025. "
        "Officials said talks would resume in April 2025.\n",
        encoding="utf-8",
    )
    (folder / "b.md").write_text(
        "---\ntitle: <script>window.__xss=['title2']</script>\nsource: AT&T <b>Wire</b>\n"
        "published: 2025-03-07\nurl: javascript:window.__xss=['js-url']\n---\n\n"
        "On Wednesday night, the envoy arrived. Talks began on March 3, 2025, in Doha.\n",
        encoding="utf-8",
    )
    return folder


@pytest.fixture(scope="module")
def events(tmp_path_factory) -> Any:
    folder = hostile_story(tmp_path_factory.mktemp("clients") / "articles")
    frame = timeline.extract(timeline.read_articles(folder))
    assert len(frame) >= 3 and frame["outlets"].str.contains("onerror").any()
    return frame


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
    p.on("pageerror", lambda exc: p.errors.append(str(exc)))
    # offline: only the local files load
    context.route(
        "**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort()
    )
    yield p
    context.close()


def script_json(doc: dict) -> str:
    """JSON safe inside a <script> element."""
    return json.dumps(doc).replace("</", "<\\/")


def assert_inert(page: Any) -> None:
    assert page.evaluate("window.__xss") is None
    assert page.locator("img[src=x]").count() == 0
    assert page.locator("script:not([src])").count() == 1  # only the test's own loader
    hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
    assert not [h for h in hrefs if not h.startswith(("https://", "http://", "file:"))]


# ---------------------------------------------------------------- TimelineJS


def open_timelinejs(page: Any, tmp_path: Path, doc: dict) -> None:
    need(TIMELINEJS.exists(), f"no TimelineJS at {TIMELINEJS} (npm ci --prefix tests/js)")
    html = f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="{(TIMELINEJS / "css" / "timeline.css").as_uri()}">
<script src="{(TIMELINEJS / "js" / "timeline.js").as_uri()}"></script></head>
<body><div id="tl" style="width: 1200px; height: 700px"></div>
<script>window.tl = new TL.Timeline('tl', {script_json(doc)}, {{font: null}});</script>
</body></html>"""
    path = tmp_path / "tl.html"
    path.write_text(html, encoding="utf-8")
    page.goto(path.as_uri())
    page.wait_for_selector(".tl-slide-titleslide", timeout=30_000)


def visit_every_slide(page: Any, n: int) -> str:
    """Go to each slide in turn (TimelineJS renders a slide when it is near); all the text."""
    seen = []
    for i in range(n + 1):
        page.evaluate(f"window.tl.goTo({i})")
        page.wait_for_timeout(150)
        seen.append(page.locator(".tl-slide.tl-slide-active, .tl-timeline").first.inner_text())
    return "\n".join(seen) + page.locator("#tl").inner_text()


def test_timelinejs_shows_every_payload_as_text_and_runs_none(page, tmp_path, events):
    doc = to_timelinejs(events, title="Talks <script>window.__xss=['headline']</script>")
    open_timelinejs(page, tmp_path, doc)
    shown = visit_every_slide(page, len(doc["events"]))
    assert_inert(page)
    assert not page.errors, page.errors
    # the reader sees the outlet (a TimelineJS group) and the dates as written text
    groups = page.locator(".tl-timegroup-message").all_inner_texts()
    assert any("Evil <img src=x" in g and "Wire" in g for g in groups), groups
    assert any(g.startswith("AT&T <b>Wire</b>") for g in groups), groups
    assert "<script>window.__xss=['headline']</script>" in shown
    assert "3 March 2025" in shown and "10\u201316 March 2025" in shown
    assert "Evil <img src=x" in shown  # the credit line


def test_timelinejs_title_slide_keeps_its_promises(page, tmp_path, events):
    doc = to_timelinejs(events, max_events=2)
    open_timelinejs(page, tmp_path, doc)
    title = page.locator(".tl-slide-titleslide").inner_text()
    assert "The 2 most reported of" in title
    n_undated = int(events["start"].isna().sum())
    if n_undated:
        assert "Not on this timeline" in title
    assert "listed at the end" not in title
    assert page.locator(".tl-timemarker").count() == 2
    assert_inert(page)


# ---------------------------------------------------------------- vis-timeline


def open_vis(page: Any, tmp_path: Path, doc: dict) -> None:
    need(VIS.exists(), f"no vis-timeline at {VIS} (npm ci --prefix tests/js)")
    css = VIS.parent.parent.parent / "styles" / "vis-timeline-graph2d.min.css"
    html = f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="{css.as_uri()}">
<script src="{VIS.as_uri()}"></script></head>
<body><div id="vis" style="width: 1200px"></div>
<script>
var doc = {script_json(doc)};
var items = new vis.DataSet(doc.items);
window.timeline = doc.groups.length
  ? new vis.Timeline(document.getElementById('vis'), items, new vis.DataSet(doc.groups),
                     doc.options)
  : new vis.Timeline(document.getElementById('vis'), items, doc.options);
</script></body></html>"""
    path = tmp_path / "vis.html"
    path.write_text(html, encoding="utf-8")
    page.goto(path.as_uri())
    page.wait_for_selector(".vis-item", timeout=30_000)


def test_vis_timeline_loads_the_items_and_groups_and_runs_no_payload(page, tmp_path, events):
    doc = to_vis_timeline(events)
    open_vis(page, tmp_path, doc)
    page.evaluate("window.timeline.fit({animation: false})")
    page.wait_for_timeout(300)
    assert page.locator(".vis-item-content").count() == len(doc["items"])
    labels = page.locator(".vis-label").all_inner_texts()
    assert any("Evil <img src=x" in g for g in labels), labels
    contents = " ".join(page.locator(".vis-item-content").all_inner_texts())
    assert "Talks" in contents or "met" in contents
    for item in page.locator(".vis-item").all()[:5]:  # tooltips render on hover
        item.hover(force=True)
        page.wait_for_timeout(100)
    assert_inert(page)
    assert not page.errors, page.errors
