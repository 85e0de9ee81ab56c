"""The exported page in a real browser: headless Debian Chromium through Playwright.

Skipped when Chromium (or Playwright) is missing, except under CI=true, where a missing
browser is a failure: CI must exercise the page. Never downloads a browser.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
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
    rows = page.locator("#events-heading ~ table tbody tr")
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


# ---------------------------------------------------------------- chart_check's conditions
# What ../shared/tools/chart_check.py measures, as a reader sees it in Chromium: text boxes
# drawn inside the plot area (ticks, legend, menus and titles lie outside it) against the
# distinct dates drawn in view, and pairs of labels that overlap by more than a quarter of
# the smaller one.
MEASURE = r"""
() => {
  const gd = document.getElementById('timeline-plot');
  const area = gd.querySelector('.nsewdrag').getBoundingClientRect();
  const xa = gd._fullLayout.xaxis;
  const toMs = v => (typeof v === 'number') ? v : new Date(String(v).replace(' ', 'T')).getTime();
  const [r0, r1] = xa.range.map(toMs);
  let xs = [];
  for (const t of gd._fullData) {
    if (!t.visible || t.visible === 'legendonly' || !t.x) continue;
    if (t.xaxis && t.xaxis !== 'x') continue;
    const pos = (t.type === 'bar' && t.base !== undefined && t.base !== null)
      ? (Array.isArray(t.base) || ArrayBuffer.isView(t.base) ? Array.from(t.base)
         : Array.from(t.x).map(() => t.base))
      : Array.from(t.x);
    for (const v of pos) { const m = toMs(v); if (isFinite(m)) xs.push(m); }
  }
  xs = Array.from(new Set(xs));
  const view = xs.filter(m => m >= r0 && m <= r1);
  const boxes = [];
  for (const el of gd.querySelectorAll('svg text')) {
    if (!el.textContent.trim()) continue;
    if (el.closest('.xtick, .ytick, .legend, .rangeselector, .updatemenu-container, .modebar,'
                   + ' .gtitle, .rangeslider-container, .g-xtitle, .g-ytitle')) continue;
    const b = el.getBoundingClientRect();
    if (b.width < 2 || b.height < 2) continue;
    const cx = b.left + b.width / 2, cy = b.top + b.height / 2;
    if (cx < area.left || cx > area.right || cy < area.top || cy > area.bottom) continue;
    boxes.push([b.left, b.top, b.right, b.bottom, el.textContent]);
  }
  let overlaps = 0;
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const a = boxes[i], c = boxes[j];
    const w = Math.min(a[2], c[2]) - Math.max(a[0], c[0]);
    const h = Math.min(a[3], c[3]) - Math.max(a[1], c[1]);
    if (w <= 0 || h <= 0) continue;
    const small = Math.min((a[2] - a[0]) * (a[3] - a[1]), (c[2] - c[0]) * (c[3] - c[1]));
    if (w * h > 0.25 * small) overlaps++;
  }
  const years = {};
  for (const m of xs) { const y = new Date(m).getUTCFullYear(); years[y] = (years[y] || 0) + 1; }
  const busiest = Object.keys(years).sort((a, b) => years[b] - years[a])[0];
  return {in_view: view.length, labels: boxes.length, overlaps, texts: boxes.map(b => b[4]),
          view_span: view.length ? Math.max(...view) - Math.min(...view) : 0,
          axis_span: r1 - r0, busiest: Number(busiest)};
}
"""


def measure(page: Any) -> dict[str, Any]:
    page.wait_for_timeout(700)  # the relabelling runs after each relayout
    return page.evaluate(MEASURE)


@pytest.fixture()
def reader(browser: Any) -> Iterator[Any]:
    """A desktop reader's page as chart_check opens it (1280 x 800), offline."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.route(
        "**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort()
    )
    p = context.new_page()
    p.errors = []
    p.on("pageerror", lambda exc: p.errors.append(str(exc)))
    yield p
    context.close()


@pytest.mark.parametrize("n", [5, 100, 1_000])
def test_a_story_of_n_events_is_readable_at_every_view(reader: Any, tmp_path: Path, n: int) -> None:
    from timeline.testing import make_story

    path = to_html(make_story(n), tmp_path / f"story{n}.html", title=f"{n} events")
    open_page(reader, path)
    # default view: the most salient labelled (at least 80% of min(30, dates in view)), the
    # axis fitted to the events in view, no two labels overlapping
    m = measure(reader)
    assert m["in_view"] >= min(n - 1, 0.5 * n)  # only the old founding date folds out
    assert m["labels"] >= 0.8 * min(30, m["in_view"]), m
    assert m["overlaps"] == 0, m
    assert m["axis_span"] <= 1.25 * max(m["view_span"], 86_400_000), m
    # zoomed to the busiest year: at least 80% of the dates in view labelled, no overlaps
    year = m["busiest"]
    zoom = f"{{'xaxis.range': ['{year}-01-01', '{year + 1}-01-01']}}"
    reader.evaluate(f"() => Plotly.relayout('timeline-plot', {zoom})")
    z = measure(reader)
    assert z["labels"] >= 0.8 * z["in_view"], z
    assert z["overlaps"] == 0, z
    assert all(t.strip() for t in z["texts"])
    # every view button shows events
    menu = reader.locator("#timeline-plot .updatemenu-container .updatemenu-button")
    assert menu.count() >= 1
    for i in range(menu.count()):
        name = menu.nth(i).text_content()
        menu.nth(i).dispatch_event("click")
        assert measure(reader)["in_view"] > 0, name
    # no local path anywhere a reader sees
    body = reader.inner_text("body")
    assert "/tmp/" not in body and ".md" not in body
    assert reader.errors == []


def test_on_a_phone_the_page_fits_and_the_view_buttons_are_a_drop_down(
    browser: Any, tmp_path: Path
) -> None:
    from timeline.testing import make_story

    path = to_html(make_story(300), tmp_path / "story.html", title="A phone")
    context = browser.new_context(viewport={"width": 390, "height": 844})
    phone = context.new_page()
    open_page(phone, path)
    phone.wait_for_timeout(700)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 392
    menus = phone.evaluate("document.getElementById('timeline-plot').layout.updatemenus")
    assert [m.get("visible", True) for m in menus] == [False, True]
    box = phone.locator("#timeline-plot .updatemenu-header-group").first.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= 390
    m = phone.evaluate(MEASURE)
    assert m["overlaps"] == 0 and m["labels"] >= 0.8 * min(30, m["in_view"]), m
    context.close()


# ---------------------------------------------------------------- the event list


def hostile_story() -> Any:
    """A story whose article fields carry script: title, outlet, label and sentence."""
    from timeline.testing import make_story

    df = make_story(40, seed=2)
    df.loc[3, "title"] = "<img src=x onerror=\"window.__xss='title'\">Budget row"
    df.loc[3, "outlets"] = "<script>window.__xss=4</script>Bugle"
    df.loc[4, "label"] = "<svg onload=\"window.__xss='label'\">Dam burst"
    df.loc[4, "sentence"] = "</td></tr><script>window.__xss='text'</script> it burst."
    df.loc[5, "value"], df.loc[5, "precision"], df.loc[5, "kind"] = "2023-03-08TNI", "time", "point"
    df.loc[5, "start"] = df.loc[5, "start"].normalize().replace(day=8, month=3, year=2023)
    df.loc[5, "start"] += pd.Timedelta(hours=18)
    df.loc[5, "end"] = df.loc[5, "start"] + pd.Timedelta(hours=12)
    return df


def list_rows(page: Any) -> list[str]:
    return page.evaluate(
        """() => Array.from(document.querySelectorAll('#events-heading ~ table tbody tr'))
            .filter(r => !r.hidden).map(r => r.textContent)"""
    )


def test_event_list_reads_as_dates_searches_and_sorts_with_script_inert(
    page: Any, tmp_path: Path
) -> None:
    path = to_html(hostile_story(), tmp_path / "list.html", title="List")
    open_page(page, path)
    rows = list_rows(page)
    assert len(rows) == 40
    # reader-facing dates, never a TIMEX3 code
    assert any(r.startswith("Wednesday night, 8 March 2023") for r in rows), rows[:8]
    dates = page.locator("#events-heading ~ table tbody td:first-child").all_text_contents()
    assert not any(re.search(r"\d{4}-\d\d|T(NI|MO|EV)|W\d\d|XXXX", d) for d in dates), dates
    # the hostile fields show as text, and nothing in them ran
    body = page.inner_text("body")
    assert "<script>window.__xss=4</script>Bugle" in body
    assert "<svg onload=\"window.__xss='label'\">Dam burst" in body
    # search: what a reader types, hostile text included, filters the rows
    search = page.locator("input[type=search]").first
    search.fill("dam burst")
    assert [r for r in list_rows(page)] and all("Dam burst" in r for r in list_rows(page))
    search.fill("<script>window.__xss=4")
    assert len(list_rows(page)) >= 1
    search.fill("")
    assert len(list_rows(page)) == 40
    # sort: by event text, then by date, both ways
    heads = page.locator("#events-heading ~ table thead th button")
    assert heads.all_text_contents() == ["Date", "Event", "Source"]
    heads.nth(1).click()
    events = [
        r.split("\n")[0]
        for r in page.locator("#events-heading ~ table tbody td:nth-child(2)").all_text_contents()
    ]
    assert events == sorted(events, key=str.lower)
    heads.nth(0).click()
    heads.nth(0).click()  # ascending (the initial order) -> descending
    keys = page.evaluate(
        """() => Array.from(document.querySelectorAll(
            '#events-heading ~ table tbody td[data-sort]')).map(td => Number(td.dataset.sort))"""
    )
    assert keys == sorted(keys, reverse=True)
    assert page.evaluate("window.__xss") is None
    assert page.locator("img[src=x]").count() == 0
    assert page.dialogs == [] and page.errors == []
