"""read_articles: formats, metadata, directory walking and the report (issue #6)."""

from __future__ import annotations

import json
import warnings
from datetime import date, datetime
from pathlib import Path

import pytest

from timeline.articles import InputWarning, read_articles
from timeline.dates import parse_date
from timeline.errors import DateError, InputError
from timeline.model import Article, Report


def load(paths, **kwargs) -> tuple[list[Article], Report]:
    report = Report()
    return list(read_articles(paths, report=report, **kwargs)), report


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


# --- .txt -----------------------------------------------------------------------------------


def test_txt_title_on_first_line_body_after(tmp_path) -> None:
    text = "Putin thanks Hamas\n\nThey were freed on February 15, 2025.\n"
    path = write(tmp_path / "a.txt", text)
    (article,), report = load(path)
    assert article.title == "Putin thanks Hamas"
    assert article.text == "They were freed on February 15, 2025."
    assert article.source == str(path) and article.line is None and article.published is None
    assert not report.skipped and not report.warnings


def test_txt_single_paragraph_has_no_title(tmp_path) -> None:
    path = write(tmp_path / "a.txt", "Talks resumed on Monday.\nBoth sides met in Doha.\n")
    (article,), _ = load(path)
    assert article.title == ""
    assert article.text == "Talks resumed on Monday.\nBoth sides met in Doha."


def test_txt_front_matter(tmp_path) -> None:
    text = (
        "---\npublished: March 6, 2025\nsource: Reuters\nurl: https://ex.com/a\n---\n"
        "Title here\n\nBody on Wednesday.\n"
    )
    (article,), _ = load(write(tmp_path / "a.txt", text))
    assert article.published == date(2025, 3, 6)
    assert article.source == str(tmp_path / "a.txt") and article.outlet == "Reuters"
    assert article.url == "https://ex.com/a"
    assert (article.title, article.text) == ("Title here", "Body on Wednesday.")


def test_front_matter_title_makes_the_whole_body_text(tmp_path) -> None:
    text = "---\ntitle: The title\n---\nFirst line\n\nsecond paragraph\n"
    (article,), _ = load(write(tmp_path / "a.txt", text))
    assert article.title == "The title"
    assert article.text == "First line\n\nsecond paragraph"


def test_sidecar_metadata_wins(tmp_path) -> None:
    write(tmp_path / "a.txt", "---\npublished: 2020-01-01\n---\nT\n\nBody.\n")
    write(tmp_path / "a.meta.json", json.dumps({"published": "2025-03-06", "title": "Side"}))
    (article,), report = load(tmp_path)
    assert article.published == date(2025, 3, 6) and article.title == "Side"
    assert not report.warnings, "the sidecar is metadata, not an ignored file"


def test_broken_sidecar_is_a_warning(tmp_path) -> None:
    write(tmp_path / "a.txt", "T\n\nBody.\n")
    write(tmp_path / "a.meta.json", "{not json")
    (article,), report = load(tmp_path / "a.txt")
    assert article.text == "Body."
    assert "sidecar ignored" in report.warnings[0].reason


def test_published_argument_fills_in_only_missing_dates(tmp_path) -> None:
    write(tmp_path / "a.txt", "---\npublished: 2025-01-02\n---\nT\n\nBody.\n")
    write(tmp_path / "b.txt", "T\n\nBody.\n")
    articles, _ = load(tmp_path, published="2024-05-06")
    assert [a.published for a in articles] == [date(2025, 1, 2), date(2024, 5, 6)]
    articles, _ = load(tmp_path / "b.txt", published=datetime(2023, 1, 2, 10, 0))
    assert articles[0].published == date(2023, 1, 2)


@pytest.mark.parametrize("bad", ["yesterday", "2025-02-30", "20000-01-01", "3"])
def test_bad_published_argument_is_a_date_error(tmp_path, bad) -> None:
    with pytest.raises(DateError, match="YYYY-MM-DD"):
        read_articles(tmp_path, published=bad)


def test_unreadable_date_in_a_file_is_a_warning_not_a_skip(tmp_path) -> None:
    path = write(tmp_path / "a.txt", "---\npublished: February 30, 2025\n---\nT\n\nBody.\n")
    (article,), report = load(path, published="2025-01-01")
    assert article.published == date(2025, 1, 1), "the default fills in the unreadable date"
    assert not report.skipped
    assert "February 30, 2025" in report.warnings[0].reason


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-03-06", date(2025, 3, 6)),
        ("2025-03-06T23:10:00Z", date(2025, 3, 6)),
        ("2025-03-06T23:10:00+05:00", date(2025, 3, 6)),
        ("Thu, 06 Mar 2025 10:00:00 GMT", date(2025, 3, 6)),
        ("March 6, 2025", date(2025, 3, 6)),
        ("Thursday, March 6th, 2025", date(2025, 3, 6)),
        ("6 March 2025", date(2025, 3, 6)),
        ("Mar. 6, 2025", date(2025, 3, 6)),
        ("2025/03/06", date(2025, 3, 6)),
        ("February 30, 2025", None),
        ("the year 20000", None),
        ("20000-01-01", None),
        ("next week", None),
        ("", None),
    ],
)
def test_parse_date(text, expected) -> None:
    assert parse_date(text) == expected


# --- .md ------------------------------------------------------------------------------------


def test_markdown_is_read_as_prose(tmp_path) -> None:
    text = (
        "---\ndate: 2025-02-15\n---\n# The *big* day\n\n"
        "Talks **resumed** on [Monday](https://ex.com) in `Doha`.\n\n"
        "## Background\n\n> Quoted on 3 March.\n\n- first_item here\n- second\n\n"
        "![a photo](x.png)\n\n```\ncode on 2020-01-01\n```\n\n[ref]: https://ex.com\n"
    )
    (article,), _ = load(write(tmp_path / "a.md", text))
    assert article.title == "The big day"
    assert article.published == date(2025, 2, 15)
    assert "Talks resumed on Monday in Doha." in article.text
    assert "Background" in article.text and "##" not in article.text
    assert "Quoted on 3 March." in article.text and ">" not in article.text
    assert "first_item here" in article.text, "snake_case is not italics"
    assert "a photo" in article.text and "x.png" not in article.text
    assert "https://ex.com" not in article.text


def test_markdown_offsets_refer_to_article_text(tmp_path) -> None:
    (article,), _ = load(write(tmp_path / "a.markdown", "# T\n\nOn **March 3, 2025** we met.\n"))
    start = article.text.index("March 3, 2025")
    assert article.text[start : start + len("March 3, 2025")] == "March 3, 2025"


# --- .html ----------------------------------------------------------------------------------

PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>Headline | Site</title>
<meta property="article:published_time" content="2025-03-06T08:00:00Z">
<link rel="canonical" href="https://news.example/a"></head>
<body><nav>Home | World</nav><header>Site banner</header>
<article><h1>Putin thanks &amp; Hamas</h1><p>Freed on February&nbsp;15,
 2025.</p><script>var d = "2020-01-01";</script><style>p{}</style>
<p>Second &lt;b&gt; para.</p></article><footer>Copyright 2024</footer></body></html>"""


def test_html_article(tmp_path) -> None:
    (article,), report = load(write(tmp_path / "a.html", PAGE))
    assert article.title == "Putin thanks & Hamas"
    assert article.text == "Freed on February 15, 2025.\n\nSecond <b> para."
    assert article.published == date(2025, 3, 6)
    assert article.url == "https://news.example/a"
    assert not report.warnings


def test_html_without_article_uses_body_and_time_tag(tmp_path) -> None:
    page = (
        "<html><body><h1>T</h1><p>Dated <time datetime='2025-01-02'>Jan 2</time>.</p>"
        "<div>More</div></body></html>"
    )
    (article,), _ = load(write(tmp_path / "a.htm", page))
    assert (article.title, article.text) == ("T", "Dated Jan 2.")  # a <time>'s words kept
    assert article.published == date(2025, 1, 2)
    assert article.published_source == "html:page"


def test_html_json_ld_date_and_og_url(tmp_path) -> None:
    page = (
        '<html><head><meta property="og:url" content="https://ex.com/x">'
        '<script type="application/ld+json">{"datePublished": "2024-12-24"}</script>'
        "</head><body><p>Text.</p></body></html>"
    )
    (article,), _ = load(write(tmp_path / "a.html", page))
    assert article.published == date(2024, 12, 24) and article.url == "https://ex.com/x"


def test_html_declared_charset(tmp_path) -> None:
    page = '<meta charset="windows-1251"><p>Москва</p>'.encode("cp1251")
    (article,), _ = load(write(tmp_path / "a.html", page))
    assert article.text == "Москва"


def test_non_http_url_is_dropped(tmp_path) -> None:
    page = '<link rel="canonical" href="javascript:alert(1)"><p>Text.</p>'
    (article,), report = load(write(tmp_path / "a.html", page))
    assert article.url is None  # trafilatura keeps only valid http(s) URLs


# --- .json / .jsonl -------------------------------------------------------------------------


def test_json_object_and_list(tmp_path) -> None:
    write(tmp_path / "one.json", json.dumps({"headline": "H", "body": "B.", "link": "http://a"}))
    records = [{"text": "A.", "published_at": "2025-01-01"}, {"content": "C.", "source": "AP"}]
    write(tmp_path / "many.json", json.dumps({"articles": records}))
    articles, report = load([tmp_path / "one.json", tmp_path / "many.json"])
    assert [(a.title, a.text, a.url) for a in articles[:1]] == [("H", "B.", "http://a")]
    assert articles[1].published == date(2025, 1, 1)
    assert articles[2].outlet == "AP" and articles[2].id == f"{tmp_path / 'many.json'}#2"
    assert not report.skipped


def test_jsonl_records_have_line_numbers(tmp_path) -> None:
    lines = ['{"text": "one"}', "", '{"text": "three", "title": "T3"}']
    path = write(tmp_path / "feed.jsonl", "\n".join(lines) + "\n")
    articles, report = load(path)
    assert [(a.text, a.line, a.id) for a in articles] == [
        ("one", 1, f"{path}:1"),
        ("three", 3, f"{path}:3"),
    ]
    assert not report.skipped


def test_ndjson_extension(tmp_path) -> None:
    articles, _ = load(write(tmp_path / "f.ndjson", '{"text": "x"}\n'))
    assert [a.text for a in articles] == ["x"]


def test_jsonl_is_lazy(tmp_path) -> None:
    path = write(tmp_path / "f.jsonl", '{"text": "a"}\n{"text": "b"}\n')
    stream = read_articles(path, report=Report())
    assert next(stream).text == "a"
    path.unlink()  # the file is open: the stream goes on reading it
    assert next(stream).text == "b"


# --- directories, paths, the report ---------------------------------------------------------


def test_directory_is_walked_sorted_and_ignored_files_are_counted(tmp_path) -> None:
    write(tmp_path / "b.txt", "B\n\nbody b")
    write(tmp_path / "a" / "z.md", "# Z\n\nbody z")
    write(tmp_path / "a" / "notes.pdf", b"%PDF")
    write(tmp_path / ".git" / "x.txt", "hidden")
    write(tmp_path / ".hidden.txt", "hidden")
    articles, report = load(tmp_path)
    assert [a.title for a in articles] == ["Z", "B"]
    assert not report.skipped
    (warning,) = report.warnings
    assert warning.source == str(tmp_path) and "3 file(s) ignored" in warning.reason
    assert "notes.pdf" in warning.reason


def test_path_given_twice_is_read_once(tmp_path) -> None:
    path = write(tmp_path / "a.txt", "A\n\nbody")
    articles, _ = load([path, tmp_path, str(path)])
    assert len(articles) == 1


def test_strict_raises_input_error_with_source_and_line(tmp_path) -> None:
    path = write(tmp_path / "f.jsonl", '{"text": "a"}\n{"text": 3}\n')
    stream = read_articles(path, strict=True)
    assert next(stream).text == "a"
    with pytest.raises(InputError) as info:
        next(stream)
    assert (info.value.source, info.value.line) == (str(path), 2)
    assert str(info.value) == f"{path}:2: field 'text' is a number, expected text"


def test_without_a_report_skips_end_in_one_warning(tmp_path) -> None:
    write(tmp_path / "a.txt", "A\n\nbody")
    write(tmp_path / "b.txt", "")
    stream = read_articles(tmp_path)
    with pytest.warns(InputWarning, match="1 input"):
        assert len(list(stream)) == 1
    assert stream.report.skipped[0].reason == "empty file"


def test_without_a_report_and_no_problem_no_warning(tmp_path) -> None:
    write(tmp_path / "a.txt", "A\n\nbody")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert len(list(read_articles(tmp_path))) == 1
