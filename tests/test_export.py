"""Export tests: the offline HTML page, TimelineJS3 JSON, static images."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest
from conftest import SEED, need
from test_plot import make_frame, story_frame  # tests dir is on sys.path

import timeline
from timeline.errors import FrameError, TimelineError
from timeline.export import to_html, to_image, to_timelinejs
from timeline.model import ArticleStatus, Report
from timeline.plot import plot


@pytest.fixture(scope="module")
def story_page(tmp_path_factory) -> str:
    path = to_html(story_frame(), tmp_path_factory.mktemp("html") / "story.html", title="Seed")
    return path.read_text(encoding="utf-8")


def body(page: str) -> str:
    """The page without the inlined plotly.js bundle and figure JSON."""
    return re.sub(r"<script.*?</script>", "", page, flags=re.S)


def test_html_is_self_contained_and_offline(story_page):
    assert "plotly.js v" in story_page  # the library itself is inlined
    assert not re.search(r"<script[^>]+src=", story_page)
    assert not re.search(r"<link[^>]+href=[\"']https?:", story_page)
    assert story_page.startswith("<!DOCTYPE html>")


def test_html_has_title_note_and_accessible_event_list(story_page):
    page = body(story_page)
    assert "<title>Seed</title>" in page and "<h1>Seed</h1>" in page
    assert "7 events from 2 articles" in page
    assert '<th scope="col">Date</th>' in page and "<caption" in page
    # dates as a reader says them, the code only in <time datetime> for machines
    assert '<time datetime="2023-10">October 2023</time>' in page
    assert "(2023-10)" not in page
    assert '<a href="https://example.org/a" rel="noopener">A story</a> and 1 more' in page


def test_html_lists_undated_events_under_the_chart(story_page):
    page = body(story_page)
    undated = page[page.index('id="undated-heading"') :]
    assert "that October" in undated and "An undated October" in undated
    assert "XXXX" not in undated  # the words the article used, not the TIMEX3 code


def test_html_escapes_article_text(story_page):
    page = body(story_page)
    assert "<script>window.__xss" not in story_page
    assert "&lt;script&gt;window.__xss = 1&lt;/script&gt; hostages freed" in page
    assert "<img" not in story_page
    assert 'href="javascript:' not in story_page


def test_html_note_counts_articles_from_the_report(tmp_path):
    df = story_frame()
    df.attrs["report"] = Report(
        [
            ArticleStatus("a.txt", "ok", 4),
            ArticleStatus("b.txt", "ok", 2),
            ArticleStatus("c.txt", "no_events"),
            ArticleStatus("d.txt", "skipped", reason="x"),
        ]
    )
    page = to_html(plot(df), tmp_path / "p.html").read_text()
    assert "7 events from 3 articles" in page


def test_html_from_figure_uses_the_figure_title_and_its_frame(tmp_path):
    fig = plot(story_frame(), title="Hostages <2025>")
    page = to_html(fig, tmp_path / "f.html").read_text()
    assert "<title>Hostages &lt;2025&gt;</title>" in page
    assert "Putin receives Trufanov" in body(page)


def test_html_of_a_foreign_figure_has_no_list(tmp_path):
    import plotly.graph_objects as go

    page = to_html(go.Figure(go.Scatter(x=[1], y=[1])), tmp_path / "g.html").read_text()
    assert "<title>Timeline</title>" in page and "events-heading" not in page


def test_html_lists_at_most_max_listed_events(tmp_path):
    page = to_html(make_frame(120), tmp_path / "m.html", max_listed=50).read_text()
    assert body(page).count("<tr><td") == 50
    assert "First 50 of 120 dated events listed." in page


def test_to_html_rejects_other_things(tmp_path):
    with pytest.raises(TimelineError):
        to_html("not a frame", tmp_path / "x.html")
    with pytest.raises(FrameError):
        to_html(pd.DataFrame({"label": ["x"]}), tmp_path / "x.html")


# ---------------------------------------------------------------- TimelineJS


def check_timelinejs(doc: dict) -> None:
    """The TimelineJS3 JSON structure: a title slide and events with dated slides."""
    assert set(doc) <= {"title", "events", "eras", "scale"}
    assert isinstance(doc["title"]["text"]["headline"], str)
    assert isinstance(doc["events"], list)
    for ev in doc["events"]:
        assert set(ev) <= {
            "start_date",
            "end_date",
            "display_date",
            "text",
            "group",
            "unique_id",
            "media",
            "background",
            "autolink",
        }
        for key in ("start_date", "end_date"):
            if key not in ev:
                continue
            date = ev[key]
            assert isinstance(date["year"], int)
            assert set(date) <= {
                "year",
                "month",
                "day",
                "hour",
                "minute",
                "second",
                "millisecond",
                "display_date",
            }
            assert 1 <= date.get("month", 1) <= 12 and 1 <= date.get("day", 1) <= 31
            # a day needs a month
            assert "day" not in date or "month" in date
        if "end_date" in ev:
            assert _key(ev["end_date"]) >= _key(ev["start_date"])
        assert isinstance(ev["text"]["headline"], str) and ev["text"]["headline"]
        assert isinstance(ev["text"].get("text", ""), str)
    json.dumps(doc)  # serializable


def _key(d: dict) -> tuple:
    return tuple(d.get(k, 0) for k in ("year", "month", "day", "hour", "minute"))


def test_timelinejs_structure_and_precision():
    doc = to_timelinejs(story_frame(), title="Seed")
    check_timelinejs(doc)
    assert to_timelinejs(story_frame(), group_by="source")["events"][1]["group"] == "A story"
    by_head = {e["text"]["headline"]: e for e in doc["events"]}
    assert len(doc["events"]) == 6  # the undated event can't be placed
    title = doc["title"]["text"]["text"]  # TimelineJS drops undated events: the title names them
    assert "Not on this timeline, for want of a calendar date (1): An undated October" in title
    assert "listed at the end" not in title
    assert by_head["Tensions rise"]["start_date"] == {"year": 2023}
    assert by_head["Trufanov taken hostage"]["start_date"] == {"year": 2023, "month": 10}
    assert "end_date" not in by_head["Trufanov taken hostage"]
    attack = by_head["Hamas attack on Israel"]
    assert attack["start_date"] == {"year": 2023, "month": 10, "day": 7}
    assert attack["display_date"] == "7 October 2023"  # as a reader says it
    assert "group" not in attack and attack["unique_id"] == "e2"  # no outlets: no groups
    assert "<b>October 7, 2023</b>" in attack["text"]["text"]
    truce = by_head["Hostage exchange truce"]  # a range ends on its last day, inclusive
    assert truce["end_date"] == {"year": 2023, "month": 11, "day": 29}


def test_timelinejs_weeks_get_an_end_and_text_is_escaped():
    df = make_frame(300, seed=1)
    doc = to_timelinejs(df, group_by="actors", max_events=None)
    check_timelinejs(doc)
    weeks = [e for e, p in zip(doc["events"], df["precision"], strict=True) if p == "week"]
    assert weeks and all("end_date" in e for e in weeks)
    xss = next(e for e in to_timelinejs(story_frame())["events"] if "xss" in e["text"]["headline"])
    assert "<script" not in json.dumps(xss) and "<img" not in json.dumps(xss)


def test_timelinejs_is_exported_at_top_level():
    assert timeline.to_timelinejs is to_timelinejs


# ---------------------------------------------------------------- images


def test_to_image_rejects_unknown_types(tmp_path):
    with pytest.raises(TimelineError, match="unknown image type"):
        to_image(story_frame(), tmp_path / "x.gif")


@pytest.mark.slow
@pytest.mark.browser
def test_to_image_png_and_svg_through_kaleido(tmp_path):
    has = shutil.which("chromium") or Path("/usr/bin/chromium").exists()
    need(bool(has), "no Chromium for kaleido (apt-get install chromium)")
    png = to_image(story_frame(), tmp_path / "t.png", width=900)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    svg = to_image(plot(story_frame()), tmp_path / "t.svg")
    text = svg.read_text()
    assert text.startswith("<svg") and "<script" not in text
    # a picture has no controls (range slider, view buttons) and keeps the labels
    assert "rangeslider" not in text and "updatemenu" not in text and ">story<" not in text
    assert "Putin receives Trufanov" in text and "Hamas attack on Israel" in text


def test_a_still_figure_has_no_controls_and_keeps_the_labels():
    from timeline.charts import still
    from timeline.testing import make_story

    fig = plot(make_story(300))
    assert fig.layout.updatemenus and fig.layout.xaxis.rangeslider.visible
    for width in (1200, 600):
        image = still(fig, width)
        assert not image.layout.updatemenus and not image.layout.xaxis.rangeslider.visible
        assert not any("drag" in (a.text or "") for a in image.layout.annotations)
        labels = [s for t in image.data if getattr(t, "mode", "") == "text" for s in t.text if s]
        assert len(labels) >= (30 if width == 1200 else 15), width
    assert fig.layout.updatemenus and fig.layout.xaxis.rangeslider.visible  # fig untouched


def test_the_real_story_exports_end_to_end(tmp_path):
    from conftest import DATA

    events = timeline.extract(timeline.read_articles(DATA))
    assert len(events) >= 1
    fig = timeline.plot(events, group_by="source", title="The story")
    page = to_html(fig, tmp_path / "story.html").read_text()
    n_articles = len(events.timeline.report.read)
    assert f"{len(events)} events from {n_articles} articles" in page
    assert body(page).count("<tr><td") == len(events)
    doc = to_timelinejs(events, title="The story")
    check_timelinejs(doc)
    assert len(doc["events"]) == events["start"].notna().sum()


# ---------------------------------------------------------------- the registry


def test_one_registry_names_every_format_and_picks_by_suffix(tmp_path):
    from timeline.export import TABLE_FORMATS, WRITERS, writer_for

    assert set(WRITERS) >= {"csv", "json", "parquet", "html", "timelinejs", "image"}
    assert TABLE_FORMATS == ("csv", "json", "parquet")
    assert writer_for(tmp_path / "x.PARQUET").name == "parquet"
    assert writer_for(tmp_path / "x.htm").name == "html"
    assert writer_for(tmp_path / "x.svg").name == "image"
    assert writer_for(tmp_path / "x.json").name == "json"  # a table before TimelineJS
    assert writer_for(None, among=TABLE_FORMATS, default="csv").name == "csv"
    with pytest.raises(TimelineError, match="unknown export format 'xlsx'"):
        writer_for(tmp_path / "x.csv", "xlsx")
    with pytest.raises(TimelineError, match="cannot tell the export format"):
        writer_for(tmp_path / "x.txt")


def test_write_and_the_cli_produce_the_same_files(tmp_path):
    from timeline.cli import main
    from timeline.export import write

    events = timeline.extract(timeline.read_articles(SEED))
    write(events, tmp_path / "api.csv")
    write(events, tmp_path / "api.json")
    for suffix in ("csv", "json"):
        assert main(["extract", str(SEED), "-q", "-o", str(tmp_path / f"cli.{suffix}")]) == 0
        cli = (tmp_path / f"cli.{suffix}").read_bytes()
        assert cli == (tmp_path / f"api.{suffix}").read_bytes() and len(cli) > 100
    story = write(events, tmp_path / "story.json", "timelinejs", title="Seed")
    assert json.loads(story.read_text())["title"]["text"]["headline"] == "Seed"
    page = write(plot(events), tmp_path / "page.html")
    assert "plotly.js v" in page.read_text()


def test_the_page_script_is_package_data_with_the_chart_constants_injected(tmp_path):
    from timeline.charts import CHAR_PX, HOVER, LINK, ZOOM_LABELS, ZOOM_MAX_LABELS
    from timeline.export.page import page_script

    script = page_script()
    constants = json.loads(re.search(r"var TIMELINE = (\{.*?\});\n", script).group(1))
    assert constants["zoomLabels"] == ZOOM_LABELS and constants["charPx"] == CHAR_PX
    assert constants["zoomMaxLabels"] == ZOOM_MAX_LABELS
    assert (constants["hover"], constants["link"]) == (HOVER, LINK)
    assert "customdata[TIMELINE.link]" in script and "customdata[1]" not in script
    assert "__TIMELINE_CONSTANTS__" not in script
    page = to_html(story_frame(), tmp_path / "p.html").read_text()
    assert "var TIMELINE = " + json.dumps(constants) in page
    assert "{plot_id}" not in page and "getElementById('timeline-plot')" in page


def test_the_built_package_ships_the_page_script_and_template(tmp_path):
    import subprocess
    import sys

    from conftest import REPO

    code = (
        "import sys; from setuptools import setup;"
        f"sys.argv = ['setup.py', '-q', 'build_py', '--build-lib', {str(tmp_path)!r}]; setup()"
    )
    subprocess.run([sys.executable, "-c", code], cwd=REPO, check=True, capture_output=True)
    shipped = {p.name for p in (tmp_path / "timeline" / "export").iterdir()}
    assert {"page.js", "page.html", "registry.py"} <= shipped


# ---------------------------------------------------------------- tables read back by pandas


@pytest.fixture(scope="module")
def seed_events() -> pd.DataFrame:
    return timeline.extract(timeline.read_articles(SEED))


@pytest.mark.parametrize("suffix", ["csv", "json", "parquet"])
def test_tables_round_trip_through_pandas_with_the_documented_dtypes(tmp_path, seed_events, suffix):
    from timeline.export import read_events, write
    from timeline.frame import COLUMNS

    path = write(seed_events, tmp_path / f"e.{suffix}")
    back = read_events(path)
    kept = [c for c in COLUMNS if c != "mentions" or suffix != "csv"]
    assert list(back.columns) == kept
    assert {c: str(back[c].dtype) for c in kept} == {c: COLUMNS[c] for c in kept}
    compare = [c for c in kept if c != "mentions"]
    texts = [c for c in compare if COLUMNS[c] == "string"]
    if suffix == "csv":  # CSV cannot tell an empty text from a missing one
        seed = seed_events[compare].copy()
        seed[texts] = seed[texts].replace("", pd.NA)
    else:
        seed = seed_events[compare]
    pd.testing.assert_frame_equal(back[compare], seed, check_dtype=True)
    if suffix != "csv":
        assert back["mentions"].map(len).tolist() == seed_events["mentions"].map(len).tolist()
        first = back.loc[0, "mentions"][0]
        assert dict(first) == seed_events.loc[0, "mentions"][0]


def test_parquet_keeps_the_report_and_pandas_own_writer_works(tmp_path, seed_events):
    seed_events.to_parquet(tmp_path / "own.parquet")  # was: Report is not JSON serializable
    back = pd.read_parquet(tmp_path / "own.parquet")
    assert back.timeline.report == seed_events.timeline.report
    assert back.timeline.report.summary() == seed_events.timeline.report.summary()
    assert json.dumps(seed_events.attrs)  # only JSON-able values in attrs


def test_a_value_column_of_years_stays_text_in_every_format(tmp_path):
    from timeline.export import read_events, write

    df = story_frame().iloc[:1].copy()
    df["value"] = "2023"
    for suffix in ("csv", "json", "parquet"):
        back = read_events(write(df, tmp_path / f"y.{suffix}"))
        assert back["value"].tolist() == ["2023"] and str(back["value"].dtype) == "string"


def test_csv_formula_guard_is_taken_off_when_read_back(tmp_path):
    from timeline.export import read_events, write

    df = story_frame()
    df["label"] = "=1+1 " + df["label"].astype(str)
    path = write(df, tmp_path / "f.csv")
    assert "'=1+1" in path.read_text()
    assert read_events(path)["label"].tolist() == df["label"].tolist()


def test_the_summary_needs_no_count(seed_events):
    report = seed_events.timeline.report
    n = len(seed_events)
    assert report.summary() == report.summary(n)
    assert report.summary().startswith(f"{n} event{'s' if n != 1 else ''} from 1 article")


def test_max_events_keeps_the_most_salient_in_date_order():
    from timeline.export.selection import most_reported

    df = make_frame(50, seed=2)
    df["n_sources"] = range(50)
    kept = most_reported(df, 5)
    assert sorted(kept["n_sources"]) == [45, 46, 47, 48, 49]
    assert list(kept.index) == sorted(kept.index)  # the frame's (date) order
    df["salience"] = [1.0 if i == 3 else 0.1 for i in range(50)]
    assert 3 in most_reported(df, 5)["n_sources"].tolist()  # salience ranks first
    hand = df[["start", "end", "label"]]  # no salience columns at all: the first ones
    assert list(most_reported(hand, 3).index) == list(hand.index[:3])
    doc = to_timelinejs(df, max_events=5)
    assert len(doc["events"]) == 5 and "The 5 most reported of 50" in doc["title"]["text"]["text"]
    assert len(to_timelinejs(df, max_events=None)["events"]) == 50


def test_vis_timeline_items_and_groups():
    from timeline.export import to_vis_timeline

    df = story_frame()
    df["outlets"] = ["Reuters; AP", "AP", None, "Reuters", "AP", None, None][: len(df)]
    doc = to_vis_timeline(df)
    assert [g["content"] for g in doc["groups"]][-1] == "no outlet given"  # else not drawn
    assert {g["content"] for g in doc["groups"]} == {"Reuters", "AP", "no outlet given"}
    assert all("group" in item for item in doc["items"])
    by_id = {item["id"]: item for item in doc["items"]}
    assert len(by_id) == int(df["start"].notna().sum())
    month = next(i for i in doc["items"] if i["content"] == "Trufanov taken hostage")
    assert month["type"] == "range" and month["className"] == "band"
    assert (month["start"], month["end"]) == ("2023-10-01", "2023-11-01")
    day = next(i for i in doc["items"] if i["content"] == "Hamas attack on Israel")
    assert day["type"] == "point" and "7 October 2023" in day["title"]
    assert "<script" not in json.dumps(doc)


def test_display_dates_read_as_a_reader_says_them():
    from timeline.export.display import display_date

    def shown(start, end, precision, value, **extra):
        return display_date(
            {"start": pd.Timestamp(start), "end": pd.Timestamp(end), "precision": precision,
             "value": value, **extra}
        )  # fmt: skip

    assert shown("2025-02-15", "2025-02-16", "day", "2025-02-15") == "15 February 2025"
    assert shown("2023-10-01", "2023-11-01", "month", "2023-10") == "October 2023"
    assert shown("2024-03-04", "2024-03-11", "week", "2024-W10") == "4\u201310 March 2024"
    night = shown("2025-03-05 21:00", "2025-03-06", "time", "2025-03-05TNI")
    assert night == "Wednesday night, 5 March 2025"
    assert shown("2024-01-01", "2024-04-01", "quarter", "2024-Q1") == "January\u2013March 2024"
    assert shown("1990-01-01", "2000-01-01", "decade", "199") == "the 1990s"
    assert shown("2025-03-10", "2025-03-17", "day", "2025-03-10", kind="range") == (
        "10\u201316 March 2025"
    )
    assert shown("2023-01-01", "2024-01-01", "year", "2023", mod="APPROX") == "about 2023"
    assert display_date({"start": None, "date_text": "that October"}) == "that October"


def test_timelinejs_never_invents_an_hour_and_credits_the_outlet():
    df = story_frame().iloc[:2].copy()
    df["precision"] = "time"
    df["value"] = ["2025-03-05TNI", "2025-03-05T14:30"]
    df["start"] = pd.to_datetime(["2025-03-05 21:00", "2025-03-05 14:30"])
    df["end"] = pd.to_datetime(["2025-03-06 00:00", "2025-03-05 14:31"])
    df["outlets"] = "Reuters"
    df["title"] = "Talks resume"
    night, clock = to_timelinejs(df)["events"]
    assert night["start_date"] == {"year": 2025, "month": 3, "day": 5}
    assert clock["start_date"]["hour"] == 14 and clock["start_date"]["minute"] == 30
    assert night["group"] == "Reuters"
    assert '<p>Reuters: <a href="https://example.org/a">Talks resume</a>' in night["text"]["text"]


def test_timelinejs_media_is_the_lead_image_credited_and_only_a_safe_url():
    df = story_frame().iloc[:1].copy()
    df["outlet"], df["outlets"] = "AT&T <b>Wire</b>", "AT&T <b>Wire</b>"
    df["title"] = 'Talks "resume" <now>'
    df["image"] = "https://cdn.example.org/lead.jpg?w=1200"
    (slide,) = to_timelinejs(df)["events"]
    assert slide["media"] == {
        "url": "https://cdn.example.org/lead.jpg?w=1200",
        "alt": 'Lead image of Talks "resume" <now>',  # a DOM property: plain text
        "credit": "Image: AT&amp;T &lt;b&gt;Wire&lt;/b&gt;",  # HTML to TimelineJS: escaped
        "link": "https://example.org/a",
    }
    df["outlet"] = df["outlets"] = None
    assert to_timelinejs(df)["events"][0]["media"]["credit"] == "Image: example.org"
    refused = [
        "javascript:alert(1)",
        " JavaScript:alert(1)//.png",
        "data:image/png;base64,iVBORw0KGgo=",
        "data:image/svg+xml,<svg onload=alert(1)>",
        'https://cdn.example.org/x.png"onerror="alert(1)',
        "https://cdn.example.org/x.png'onerror='alert(1)",
        "https://cdn.example.org/x.png><script>",
        "https://cdn.example.org/x\n.png",
        "//cdn.example.org/x.png",
        "ftp://cdn.example.org/x.png",
        "https://www.youtube.com/watch?v=abc",  # TimelineJS would embed a video
        "https://example.org/iframe",  # ...or write the URL into an iframe
        "",
        None,
    ]
    for bad in refused:
        df["image"] = bad
        slide = to_timelinejs(df)["events"][0]
        assert "media" not in slide, bad
    assert "media" not in to_timelinejs(story_frame().drop(columns=["image"]))["events"][0]


def test_timelinejs_media_types_follow_timelinejs_own_patterns():
    from timeline.export.media import image_url, timelinejs_type

    assert timelinejs_type("https://e.org/a.PNG") == "image"
    assert timelinejs_type("https://cdn.e.org/img/123") == "imageblank"  # still an <img>
    assert timelinejs_type("https://x.com/a.png") == "twitter"
    assert timelinejs_type("https://e.org/report.pdf") == "pdf"
    assert image_url("https://cdn.e.org/img/123") == "https://cdn.e.org/img/123"
    assert image_url("https://upload.wikimedia.org/wikipedia/commons/a/ab/Doha.jpg")


@pytest.mark.parametrize("group_by", ["source", "sources"])
def test_story_groups_and_credits_never_show_a_file_path(group_by):
    from timeline.export import to_vis_timeline

    df = story_frame().iloc[1:3].copy()
    df["source"] = df["sources"] = "/home/reporter/news/2025/doha-talks.md"
    df["title"] = df["outlet"] = df["outlets"] = None
    df["url"] = None
    slides = to_timelinejs(df, group_by=group_by)["events"]
    vis = to_vis_timeline(df, group_by=group_by)
    assert [s["group"] for s in slides] == ["doha-talks", "doha-talks"]
    assert [g["content"] for g in vis["groups"]] == ["doha-talks"]
    assert all("<p>doha-talks</p>" in s["text"]["text"] for s in slides)
    assert all(i["title"].endswith("<br>doha-talks") for i in vis["items"])
    assert "/home/reporter" not in json.dumps([slides, vis])
    df["outlet"], df["title"] = "Reuters", "Talks resume"  # an article by outlet and title
    assert to_timelinejs(df, group_by=group_by)["events"][0]["group"] == "Reuters: Talks resume"


def test_the_documented_columns_and_dtypes_are_the_frames():
    """docs/ARCHITECTURE.md's column table names every column with its dtype."""
    from conftest import REPO

    from timeline.frame import COLUMNS

    doc = (REPO / "docs" / "ARCHITECTURE.md").read_text(encoding="utf-8")
    table = doc[doc.index("## The events DataFrame") : doc.index("### In files")]
    documented = {}
    for names, dtype in re.findall(r"^\| (`[^|]+`) \| (\w+) \|", table, flags=re.M):
        for name in re.findall(r"`(\w+)`", names):
            documented[name] = dtype
    family = {"float64": "float"}
    expected = {
        c: "datetime64" if d.startswith("datetime64") else family.get(d, d)
        for c, d in COLUMNS.items()
    }
    assert documented == expected


@pytest.mark.parametrize("suffix", ["csv", "json", "parquet"])
def test_payloads_come_back_from_every_table_as_the_same_text(tmp_path, suffix):
    """The hostile story through pandas: each field's payload read back unchanged (no
    markup decoded or dropped), and a formula-like cell guarded in the CSV file only."""
    from test_clients import hostile_story

    from timeline.export import read_events, write

    events = timeline.extract(timeline.read_articles(hostile_story(tmp_path / "in")))
    events.loc[0, "label"] = '=HYPERLINK("https://evil.example","x")'
    path = write(events, tmp_path / f"e.{suffix}")
    if suffix == "csv":
        assert "'=HYPERLINK" in path.read_text(encoding="utf-8")
    back = read_events(path)
    for column in ("outlets", "outlet", "title", "source", "sources", "url", "image", "label"):
        want = events[column].replace("", pd.NA) if suffix == "csv" else events[column]
        assert back[column].tolist() == want.tolist(), column
    assert back["outlets"].str.contains("onerror=", regex=False).any()
    assert back["source"].str.contains("<img src=x", regex=False).any()


def test_vis_timeline_a_night_is_a_band_and_a_clock_time_a_point():
    from timeline.export import to_vis_timeline

    df = story_frame().iloc[:2].copy()
    df["precision"], df["kind"] = "time", "point"
    df["value"] = ["2025-03-05TNI", "2025-03-05T14:30"]
    df["start"] = pd.to_datetime(["2025-03-05 21:00", "2025-03-05 14:30"])
    df["end"] = pd.to_datetime(["2025-03-06 00:00", "2025-03-05 14:31"])
    night, clock = sorted(to_vis_timeline(df)["items"], key=lambda i: i["start"], reverse=True)
    assert (night["type"], night["className"]) == ("range", "band")
    assert (night["start"], night["end"]) == ("2025-03-05T21:00:00", "2025-03-06T00:00:00")
    assert clock["type"] == "point" and clock["start"] == "2025-03-05T14:30:00"


def test_vis_timeline_tooltip_shows_only_a_safe_lead_image():
    from timeline.export import to_vis_timeline

    df = story_frame().iloc[1:3].copy()
    df["image"] = ["https://cdn.example.org/lead.jpg?a=1&b=2", "javascript:alert(1)"]
    good, bad = to_vis_timeline(df)["items"]
    assert (
        '<img src="https://cdn.example.org/lead.jpg?a=1&amp;b=2" alt="" width="160">'
        in (good["title"])
    )
    assert "<img" not in bad["title"] and "javascript" not in bad["title"]
