"""Exports opened in the programs readers open them with (issue 13): the TimelineJS3 JSON in
the real TimelineJS and the vis-timeline JSON in the real vis-timeline (both from npm,
``npm ci --prefix tests/js``, run by ``.ci/run``), in Debian's Chromium through Playwright.

Articles carry a script payload in every field a user controls: the outlet (front matter
``source:``), the title, the file name, the URL, the text and the lead image. Each payload,
if it ever ran, would record its field in ``window.__xss``; the test opens every slide and
checks that nothing ran, that no element of the payload exists, and that the reader sees it
as text.
"""

from __future__ import annotations

import json
import struct
import threading
import zlib
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pandas as pd
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


# an http(s) URL with no space, so the reader keeps it; the exporter must not
HOSTILE_IMAGE = "https://example.org/x.png\"onerror=\"(window.__xss=window.__xss||[]).push('image')"


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
        f"image: {HOSTILE_IMAGE}\n"
        "---\n\n"
        f"Negotiators met in Doha on March 3, 2025 {payload('text')} after a pause. "
        "The truce ran from March 10 to March 16, 2025. "
        "Officials said talks would resume in April 2025.\n",
        encoding="utf-8",
    )
    (folder / "b.md").write_text(
        "---\ntitle: <script>window.__xss=['title2']</script>\nsource: AT&T <b>Wire</b>\n"
        "published: 2025-03-07\nurl: javascript:window.__xss=['js-url']\n"
        "image: javascript:window.__xss=['js-image']\n---\n\n"
        "On Wednesday night, the envoy arrived. Talks began on March 3, 2025, in Doha.\n",
        encoding="utf-8",
    )
    # no title, no outlet: the file's name is the article's credit (and its group by source)
    (folder / (payload("file2").replace("/", "") + ".md")).write_text(
        "---\npublished: 2025-03-08\n---\n\nThe mediators left Doha on March 8, 2025.\n",
        encoding="utf-8",
    )
    return folder


@pytest.fixture(scope="module")
def events(tmp_path_factory) -> Any:
    folder = hostile_story(tmp_path_factory.mktemp("clients") / "articles")
    frame = timeline.extract(timeline.read_articles(folder))
    assert len(frame) >= 3 and frame["outlets"].str.contains("onerror").any()
    assert (frame["image"] == HOSTILE_IMAGE).any()  # kept by the reader: an http(s) URL
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


def png(width: int = 4, height: int = 3) -> bytes:
    """A small valid PNG (grey pixels)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\0" + b"\x80" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


@pytest.fixture(scope="module")
def image_server() -> Iterator[dict[str, Any]]:
    """An HTTP server on 127.0.0.1 that serves ``/lead.png`` and records every request."""
    served: dict[str, Any] = {"paths": []}
    picture = png()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            served["paths"].append(self.path)
            ok = self.path.split("?")[0] == "/lead.png"
            self.send_response(200 if ok else 404)
            self.send_header("Content-Type", "image/png" if ok else "text/plain")
            body = picture if ok else b"no"
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    served["base"] = f"http://127.0.0.1:{server.server_address[1]}"
    yield served
    server.shutdown()
    server.server_close()
    thread.join(5)


def allow_local_server(page: Any, base: str) -> None:
    """Let the page load from the test's own server (page routes come before the context's
    offline rule); nothing else leaves the machine."""
    page.route(f"{base}/**", lambda r: r.continue_())


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


def lead_image_page(folder: Path, image: str) -> Path:
    """An HTML article whose og:image is ``image``."""
    folder.mkdir(exist_ok=True)
    path = folder / "talks.html"
    path.write_text(
        f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Talks resume in Doha | Gulf Wire</title>
<meta property="og:title" content="Talks resume in Doha">
<meta property="og:site_name" content="Gulf Wire">
<meta property="og:image" content="{image}">
<meta property="og:url" content="https://gulfwire.example/talks">
<meta property="article:published_time" content="2025-03-06T10:00:00Z">
</head><body><article><h1>Talks resume in Doha</h1>
<p>Negotiators met in Doha on March 3, 2025, after a long pause in the talks between the
two sides, officials said.</p>
<p>The truce ran from March 10 to March 16, 2025, and was extended once by the mediators.</p>
</article></body></html>""",
        encoding="utf-8",
    )
    return path


def test_timelinejs_shows_the_pages_lead_image_credited_and_linked(page, tmp_path, image_server):
    url = image_server["base"] + "/lead.png?w=1200"
    events = timeline.extract(timeline.read_articles(lead_image_page(tmp_path / "in", url)))
    assert (events["image"] == url).all()  # og:image, through trafilatura
    doc = to_timelinejs(events)
    assert all(e["media"]["url"] == url for e in doc["events"])
    allow_local_server(page, image_server["base"])
    open_timelinejs(page, tmp_path, doc)
    page.evaluate("window.tl.goTo(1)")
    slide = page.locator(".tl-slider-item-container > .tl-slide").nth(1)  # the first event
    img = slide.locator("img.tl-media-image")
    img.wait_for(state="attached", timeout=10_000)
    page.wait_for_function(
        "document.querySelectorAll('.tl-slider-item-container > .tl-slide')[1]"
        ".querySelector('img.tl-media-image').naturalWidth > 0"
    )
    assert img.get_attribute("src") == url
    assert img.get_attribute("alt") == "Lead image of Talks resume in Doha"
    credit = slide.locator(".tl-credit").inner_text()
    assert credit == "Image: Gulf Wire"
    link = slide.locator("a.tl-media-link")
    assert link.get_attribute("href") == "https://gulfwire.example/talks"
    assert "/lead.png?w=1200" in image_server["paths"]
    title = page.locator(".tl-slide-titleslide").inner_text()
    assert f"{len(events)} events from 1 article." in title  # not "1 articles"
    assert_inert(page)
    assert not page.errors, page.errors


def images_frame(events: Any, good: str) -> Any:
    """The hostile story's dated events, one slide per image: a good one and the hostile."""
    hostile = [
        HOSTILE_IMAGE,  # from the front matter, quotes and all
        "javascript:(window.__xss=window.__xss||[]).push('js-image')",
        "data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' onload='window.__xss=1'/>",
        "data:image/png;base64," + __import__("base64").b64encode(png()).decode(),
        good + "'onerror='(window.__xss=window.__xss||[]).push(1)",
        "https://www.youtube.com/watch?v=" + payload("youtube"),
    ]
    dated = events[events["start"].notna()]
    images = [good, *hostile]  # one slide per image: the dated events, repeated
    frame = pd.concat([dated] * -(-len(images) // len(dated)), ignore_index=True)
    frame = frame.iloc[: len(images)].assign(
        image=images, event_id=[f"e{i}" for i in range(len(images))]
    )
    return frame


def test_timelinejs_hostile_images_never_reach_the_page(page, tmp_path, events, image_server):
    good = image_server["base"] + "/lead.png"
    frame = images_frame(events, good)
    doc = to_timelinejs(frame, max_events=None)
    media = [e["media"]["url"] for e in doc["events"] if "media" in e]
    assert media and set(media) == {good}, media
    written = json.dumps(doc)
    assert "javascript:" not in written and "data:" not in written
    allow_local_server(page, image_server["base"])
    open_timelinejs(page, tmp_path, doc)
    visit_every_slide(page, len(doc["events"]))
    with_media = next(i for i, e in enumerate(doc["events"]) if "media" in e)
    page.evaluate(f"window.tl.goTo({with_media + 1})")  # slide 0 is the title
    page.wait_for_function("document.querySelector('img.tl-media-image[src]')", timeout=10_000)
    srcs = page.eval_on_selector_all("img[src]", "els => els.map(e => e.getAttribute('src'))")
    assert srcs and set(srcs) == {good}, srcs
    credits = page.locator(".tl-credit").all_inner_texts()  # the hostile outlet, as text
    assert any(c.startswith("Image: Evil <img src=x onerror=") for c in credits), credits
    alts = page.eval_on_selector_all("img.tl-media-image", "els => els.map(e => e.alt)")
    assert any("Talks <img src=x onerror=" in a for a in alts), alts  # the title, as text
    assert page.locator("iframe, video, audio, embed, object").count() == 0
    assert_inert(page)
    assert not page.errors, page.errors


MINIMAL_SLIDE = {"start_date": {"year": 2025}, "text": {"headline": "y"}}


def test_timelinejs_agrees_on_which_urls_are_images(page, tmp_path):
    """The Python port of TimelineJS's media patterns answers as the real one does."""
    from timeline.export.media import timelinejs_type

    urls = [
        "https://e.org/a.jpg",
        "https://e.org/a.JPEG?w=1",
        "https://cdn.e.org/img/123",
        "https://www.youtube.com/watch?v=a",
        "https://youtu.be/a.png",
        "https://x.com/a/status/1.jpg",
        "https://twitter.com/a.png",
        "https://vimeo.com/1.jpg",
        "https://www.flickr.com/photos/a/1",
        "https://flic.kr/p/1",
        "https://www.instagram.com/p/abc/",
        "https://instagram.com/someone",
        "https://en.wikipedia.org/wiki/Doha",
        "https://upload.wikimedia.org/wikipedia/commons/a/ab/Doha.jpg",
        "https://commons.wikimedia.org/wiki/File:Doha.jpg",
        "https://en.wikipedia.org/wiki/Doha#/media/File:Doha.jpg",
        "https://imgur.com/a/b",
        "https://e.org/report.pdf",
        "https://e.org/report.pdf#page=2",
        "https://open.spotify.com/track/1",
        "https://e.org/iframe/1",
        "https://e.org/blockquote",
        "https://e.org/clip.mp4",
        "https://e.org/clip.webm?x",
        "https://fast.wistia.com/embed/1",
        "https://e.org/a.mp3",
        "https://docs.google.com/document/d/1/edit?usp=sharing",
        "https://www.google.com/maps/@25.28,51.52,12z",
        "https://www.documentcloud.org/documents/1",
        "https://soundcloud.com/a",
        "https://www.dailymotion.com/video/x",
        "https://bsky.app/profile/a.b/post/3k",
        "https://www.tiktok.com/@a/video/123",
        "https://vine.co/v/1",
        "https://e.org/photo.webp",
        "https://e.org/photo.svg?x=1",
        "https://e.org/spotify-logo.png",
    ]
    minimal = {"title": {"text": {"headline": "x"}}, "events": [MINIMAL_SLIDE]}
    open_timelinejs(page, tmp_path, minimal)
    real = page.evaluate("urls => urls.map(u => TL.lookupMediaType({url: u}).type)", urls)
    assert [timelinejs_type(u) for u in urls] == real


READER_STORY = {
    "stall.md": """---
title: Ceasefire talks stall
source: Gulf Wire
published: 2025-02-17
url: https://gulfwire.example/stall
---

The war ran from October 2023 to March 2025, officials said.
On Saturday, mediators met the two delegations in Doha.
The hostages were freed 53 days later, the mediators said.
The fighting began in October 2023 with a surprise attack.
""",
    "envoy.md": """---
title: Envoy arrives in Doha
source: Desert Post
published: 2025-03-06
url: https://desertpost.example/envoy
---

The envoy arrived in Doha on Wednesday night after a long flight.
The first round of talks lasted from March 3 to March 9, 2024, without result.
""",
}


@pytest.fixture(scope="module")
def reader_events(tmp_path_factory) -> Any:
    folder = tmp_path_factory.mktemp("reader") / "news"
    folder.mkdir()
    for name, body in READER_STORY.items():
        (folder / name).write_text(body, encoding="utf-8")
    return timeline.extract(timeline.read_articles(folder))


def test_timelinejs_reads_as_a_journalist_expects(page, tmp_path, reader_events):
    """Dates as a reader says them, no invented hour, eras, outlets as groups, credits."""
    doc = to_timelinejs(reader_events)
    open_timelinejs(page, tmp_path, doc)
    visit_every_slide(page, len(doc["events"]))
    dates = set(page.locator(".tl-headline-date").all_inner_texts())
    assert {
        "15 February 2025",  # "On Saturday"
        "9 April 2025",  # "53 days later"
        "October 2023",
        "3\u20139 March 2024",
        "Wednesday night, 5 March 2025",
        "October 2023 \u2013 March 2025",
    } <= dates, dates
    assert not dates & {"Saturday", "53 days later", "Wednesday night", "March 3"}
    # TimelineJS's own reading of the dates: a day, never an hour the text did not give
    read = page.evaluate(
        "window.tl.config.events.map(e => [e.display_date, e.start_date.data.hour,"
        " e.start_date.findBestFormat()])"
    )
    night = next(r for r in read if r[0].startswith("Wednesday night"))
    assert night[1] in (None, 0) and night[2] == "full", read
    assert {r[2] for r in read if r[0] == "October 2023"} == {"month"}
    # the war frames the story: an era behind the slides
    eras = page.locator(".tl-timeera").all_inner_texts()
    assert len(eras) == 1 and "The war ran" in eras[0], eras
    # outlets are the groups, never file names or paths
    groups = set(page.locator(".tl-timegroup-message").all_inner_texts())
    assert groups == {"Gulf Wire", "Desert Post"}, groups
    # every slide credits its outlet and article, linked
    links = page.eval_on_selector_all(
        ".tl-slide a[href]", "els => els.map(e => [e.textContent, e.getAttribute('href')])"
    )
    assert ["Ceasefire talks stall", "https://gulfwire.example/stall"] in links
    assert ["Envoy arrives in Doha", "https://desertpost.example/envoy"] in links
    shown = page.locator("#tl").inner_text()
    assert "Gulf Wire: Ceasefire talks stall" in shown and "stall.md" not in shown
    title = page.locator(".tl-slide-titleslide").inner_text()
    assert "Ceasefire talks stall" in title  # the story's own title, no --title given
    assert f"{len(reader_events)} events from 2 articles." in title
    assert_inert(page)
    assert not page.errors, page.errors


def test_timelinejs_groups_by_article_show_names_never_paths(page, tmp_path, events):
    doc = to_timelinejs(events, group_by="source")
    open_timelinejs(page, tmp_path, doc)
    shown = visit_every_slide(page, len(doc["events"]))
    groups = page.locator(".tl-timegroup-message").all_inner_texts()
    assert any(g.startswith("<img src=x onerror=") and "file2" in g for g in groups), groups
    assert not [g for g in groups if "articles/" in g or ".md" in g], groups  # no path
    assert "push('file2')\">" in shown and ".md" not in shown  # the credit: the file's name
    assert "articles/" not in shown
    assert_inert(page)
    assert not page.errors, page.errors


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


VIS_TOOLTIPS = """async () => {
  const out = [];
  for (const el of document.querySelectorAll('.vis-item.vis-range, .vis-item.vis-point')) {
    const r = el.getBoundingClientRect();
    const at = {bubbles: true, clientX: r.left + 2, clientY: r.top + r.height / 2};
    el.dispatchEvent(new MouseEvent('mouseover', at));
    el.dispatchEvent(new MouseEvent('mousemove', at));
    await new Promise(done => setTimeout(done, 700));  // vis-timeline's tooltip delay: 500 ms
    const tip = document.querySelector('.vis-tooltip');
    out.push(tip && tip.style.visibility !== 'hidden'
      ? {text: tip.innerText, hrefs: [...tip.querySelectorAll('a[href]')].map(a => a.href),
         images: [...tip.querySelectorAll('img')].map(i => [i.getAttribute('src'),
                                                          i.alt])}
      : null);
    el.dispatchEvent(new MouseEvent('mouseout', at));
  }
  return out;
}"""


def vis_tooltips(page: Any) -> list[dict | None]:
    """Hover each item in turn (vis-timeline's own mouse events): the tooltips it shows."""
    return page.evaluate(VIS_TOOLTIPS)


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
    tips = vis_tooltips(page)  # every item's tooltip, as vis-timeline renders it on hover
    assert all(tips) and any("Evil <img src=x" in t["text"] for t in tips), tips
    assert not [h for t in tips for h in t["hrefs"] if not h.startswith("https://")], tips
    assert_inert(page)
    assert not page.errors, page.errors


def test_vis_timeline_groups_by_article_show_names_never_paths(page, tmp_path, events):
    doc = to_vis_timeline(events, group_by="source")
    open_vis(page, tmp_path, doc)
    page.evaluate("window.timeline.fit({animation: false})")
    page.wait_for_timeout(300)
    assert page.locator(".vis-item-content").count() == len(doc["items"])
    labels = page.locator(".vis-label").all_inner_texts()
    assert any(g.startswith("<img src=x onerror=") and "file2" in g for g in labels), labels
    assert not [g for g in labels if "articles/" in g or ".md" in g], labels
    assert_inert(page)
    assert not page.errors, page.errors


def test_vis_timeline_reads_as_a_journalist_expects(page, tmp_path, reader_events):
    doc = to_vis_timeline(reader_events)
    open_vis(page, tmp_path, doc)
    page.evaluate("window.timeline.fit({animation: false})")
    page.wait_for_timeout(300)
    assert page.locator(".vis-item-content").count() == len(reader_events)
    labels = set(page.locator(".vis-label").all_inner_texts())
    assert labels == {"Gulf Wire", "Desert Post"}, labels
    # the war and the talks are spans, a month a band over the whole month, a day a point
    assert page.locator(".vis-item.vis-range.span").count() == 2
    assert page.locator(".vis-item.vis-range.band").count() == 2  # and the night: no hour
    assert page.locator(".vis-item.vis-point").count() == 2
    tips = vis_tooltips(page)
    assert len(tips) == len(reader_events) and all(tips), tips
    shown = "\n".join(tip["text"] for tip in tips)
    for date in (
        "15 February 2025",
        "9 April 2025",
        "October 2023",
        "3\u20139 March 2024",
        "Wednesday night, 5 March 2025",
        "October 2023 \u2013 March 2025",
    ):
        assert date in shown, (date, tips)
    assert "Saturday" not in shown and "53 days" not in shown
    assert "Gulf Wire: Ceasefire talks stall" in shown
    hrefs = [h for tip in tips for h in tip["hrefs"]]
    assert "https://gulfwire.example/stall" in hrefs and "https://desertpost.example/envoy" in hrefs
    assert_inert(page)
    assert not page.errors, page.errors


def test_vis_timeline_tooltips_show_only_the_good_lead_image(page, tmp_path, events, image_server):
    good = image_server["base"] + "/lead.png?vis"
    doc = to_vis_timeline(images_frame(events, good))
    allow_local_server(page, image_server["base"])
    open_vis(page, tmp_path, doc)
    page.evaluate("window.timeline.fit({animation: false})")
    page.wait_for_timeout(300)
    tips = vis_tooltips(page)
    assert len(tips) == len(doc["items"]) and all(tips), tips
    images = [img for tip in tips for img in tip["images"]]
    assert [src for src, _ in images] == [good], tips  # one good image, no hostile one
    page.wait_for_timeout(200)
    assert "/lead.png?vis" in image_server["paths"]  # loaded from the test's own server
    assert_inert(page)
    assert not page.errors, page.errors
