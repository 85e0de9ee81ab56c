"""Hostile input (issue #6): every bad file is loaded or reported, never a crash.

Inputs are generated in ``tmp_path``; no large file is committed. docs/BAD_INPUT.md lists
the kinds of bad input and what happens to each.
"""

from __future__ import annotations

import codecs
import json
import os
import random
import re
import time
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import timeline
from timeline.articles import FORMATS, read_articles
from timeline.articles import files as article_files
from timeline.errors import InputError
from timeline.model import Article, Report

BODY = "Talks resumed in Doha on March 3, 2025, after a pause."


def load(paths, **kwargs) -> tuple[list[Article], Report]:
    report = Report()
    return list(read_articles(paths, report=report, **kwargs)), report


def one_skip(path: Path) -> str:
    """Read ``path``, expect no article and exactly one skip naming it; its reason."""
    articles, report = load(path)
    assert articles == []
    (skip,) = report.skipped
    assert skip.source == str(path)
    with pytest.raises(InputError) as info:  # strict: the same problem, raised
        list(read_articles(path, strict=True))
    assert info.value.reason == skip.reason
    return skip.reason


def one_article(path: Path) -> tuple[Article, Report]:
    articles, report = load(path)
    assert len(articles) == 1, report.skipped
    assert not report.skipped
    return articles[0], report


# --- empty, binary, NULs ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "content", [b"", b"   \n\t\r\n  ", b"\xef\xbb\xbf", b"\xff\xfe \x00\n\x00"]
)
@pytest.mark.parametrize("suffix", [".txt", ".md", ".html", ".json", ".jsonl"])
def test_empty_and_whitespace_only(tmp_path, content, suffix) -> None:
    path = tmp_path / f"empty{suffix}"
    path.write_bytes(content)
    assert one_skip(path) == "empty file"


def test_front_matter_only(tmp_path) -> None:
    path = tmp_path / "a.md"
    path.write_text("---\npublished: 2025-01-01\n---\n\n")
    assert "no text" in one_skip(path)


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html", ".json", ".jsonl"])
def test_binary_junk(tmp_path, suffix) -> None:
    rng = random.Random(6)
    path = tmp_path / f"junk{suffix}"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(5000)))
    assert one_skip(path).startswith("binary file, not text")


def test_all_nul_bytes(tmp_path) -> None:
    path = tmp_path / "nul.txt"
    path.write_bytes(b"\x00" * 1000)
    assert one_skip(path).startswith("binary file, not text")


def test_a_stray_nul_is_removed_with_a_warning(tmp_path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"Title\n\n" + BODY.encode() * 3 + b"\x00 end.")
    article, report = one_article(path)
    assert "\x00" not in article.text and article.text.endswith(" end.")
    assert "NUL" in report.warnings[0].reason


def test_control_characters_mean_binary(tmp_path) -> None:
    path = tmp_path / "ctl.txt"
    path.write_bytes(bytes(range(1, 32)) * 20)
    assert one_skip(path).startswith("binary file, not text")


# --- encodings --------------------------------------------------------------------------------

TITLE = "Café “talks” — Zürich"


@pytest.mark.parametrize(
    "encoded",
    [
        pytest.param(codecs.BOM_UTF8 + f"{TITLE}\n\n{BODY}".encode(), id="utf-8-bom"),
        pytest.param(codecs.BOM_UTF16_LE + f"{TITLE}\n\n{BODY}".encode("utf-16-le"), id="utf16le"),
        pytest.param(codecs.BOM_UTF16_BE + f"{TITLE}\n\n{BODY}".encode("utf-16-be"), id="utf16be"),
        pytest.param(f"{TITLE}\n\n{BODY}".encode("utf-16-le"), id="utf16le-no-bom"),
        pytest.param(f"{TITLE}\n\n{BODY}".encode("utf-16-be"), id="utf16be-no-bom"),
        pytest.param(f"{TITLE}\n\n{BODY}".encode("utf-32"), id="utf32-bom"),
        pytest.param(f"{TITLE}\r\n\r\n{BODY}\r\n".encode(), id="crlf"),
    ],
)
def test_unicode_encodings(tmp_path, encoded) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(encoded)
    article, _ = one_article(path)
    assert (article.title, article.text) == (TITLE, BODY)


def test_cp1252_smart_quotes(tmp_path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("“Quoted” — it’s €5\n\nOn 3 March.".encode("cp1252"))
    article, report = one_article(path)
    assert article.title == "“Quoted” — it’s €5"
    assert "Windows-1252" in report.warnings[0].reason


def test_latin1(tmp_path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("Réunion à Genève\n\nLe 3 mars, café crème.".encode("latin-1"))
    article, _ = one_article(path)
    assert (article.title, article.text) == ("Réunion à Genève", "Le 3 mars, café crème.")


def test_mostly_utf8_with_broken_bytes(tmp_path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("Москва, Zürich\n\n".encode() + b"broken \xff\xfe here. " + "Добро.".encode())
    article, report = one_article(path)
    assert article.title == "Москва, Zürich"
    assert article.text == "broken \ufffd\ufffd here. Добро."
    assert "invalid UTF-8" in report.warnings[0].reason


def test_utf8_json_lines_with_a_legacy_line(tmp_path) -> None:
    path = tmp_path / "a.jsonl"
    lines = [json.dumps({"text": "ok"}).encode(), '{"text": "café"}'.encode("latin-1")]
    path.write_bytes(b"\n".join(lines))
    articles, report = load(path)
    assert [a.text for a in articles] == ["ok", "café"]
    assert report.warnings[0].line == 2


def test_repeated_warnings_of_a_big_file_are_counted(tmp_path) -> None:
    path = tmp_path / "a.jsonl"
    lines = ['{"text": "café", "url": "ftp://x"}'.encode("latin-1")] * 1000
    path.write_bytes(b"\n".join(lines))
    articles, report = load(path)
    assert len(articles) == 1000
    assert [(w.line, w.reason.split(";")[0]) for w in report.warnings] == [
        (1, "not UTF-8"),
        (1, "url 'ftp://x' ignored: only http(s) URLs are kept"),
        (None, "999 more line(s) like that: not UTF-8"),
        (None, "999 more line(s) like that: url 'ftp://x' ignored: only http(s) URLs are kept"),
    ]


def test_utf16_json_lines(tmp_path) -> None:
    path = tmp_path / "a.jsonl"
    lines = '{"text": "Привет"}\n{"text": "你好"}\n'
    path.write_bytes(codecs.BOM_UTF16_LE + lines.encode("utf-16-le"))
    articles, _ = load(path)
    assert [(a.text, a.line) for a in articles] == [("Привет", 1), ("你好", 2)]


@pytest.mark.parametrize(
    ("title", "body"),
    [
        ("Путин поблагодарил ХАМАС", "Переговоры возобновились 3 марта 2025 года в Дохе."),
        ("محادثات في الدوحة", "استؤنفت المحادثات في الدوحة في 3 مارس 2025."),
        ("多哈会谈恢复", "2025年3月3日，会谈在多哈恢复。"),
        ("שיחות בדוחא", "השיחות חודשו ב-3 במרץ 2025."),
        ("Emoji 🎉 and \u202eRTL override", "Zero\u200bwidth and combining e\u0301."),
    ],
)
def test_other_languages(tmp_path, title, body) -> None:
    for name, data in [
        ("a.txt", f"{title}\n\n{body}\n".encode()),
        ("b.md", f"# {title}\n\n{body}\n".encode()),
        ("c.html", f"<h1>{title}</h1><p>{body}</p>".encode()),
        ("d.jsonl", json.dumps({"title": title, "text": body}).encode() + b"\n"),
        ("e.json", json.dumps({"title": title, "text": body}, ensure_ascii=False).encode()),
        ("f.txt", f"{title}\n\n{body}\n".encode("utf-16")),
    ]:
        path = tmp_path / name
        path.write_bytes(data)
        article, _ = one_article(path)
        want = (title, body)
        if name.endswith(".html"):  # trafilatura drops invisible format characters
            want = (title.replace("\u202e", ""), body.replace("\u200b", ""))
        assert (article.title, article.text) == want, name


# --- HTML -------------------------------------------------------------------------------------


def test_html_scripts_dropped_and_escaped_markup_kept_as_text(tmp_path) -> None:
    page = (
        "<html><head><script>document.write('2020-01-01')</script></head><body>"
        "<p>Before<img src=x onerror=\"alert('2021-01-01')\"> after.</p>"
        "<p>Shown as text: &lt;script&gt;alert(1)&lt;/script&gt; &amp; &#x1F389;</p>"
        "<style>p::before{content:'2022'}</style><noscript>enable JS</noscript>"
        "<p onclick='x()'>Clicked <a href='javascript:alert(1)'>here</a>.</p>"
        "<svg><text>svg text</text></svg><iframe src='x'>frame</iframe></body></html>"
    )
    path = tmp_path / "a.html"
    path.write_text(page)
    article, _ = one_article(path)
    assert article.text == (
        "Before after.\n\nShown as text: <script>alert(1)</script> & 🎉\n\nClicked here."
    )


def test_html_broken_markup(tmp_path) -> None:
    page = "<p>One <b>bold <i>both</b> two</i><p>Three &bogus; &#0; <unknown>four</unknown>"
    path = tmp_path / "a.html"
    path.write_text(page)
    article, _ = one_article(path)
    assert article.text == "One bold both two\n\nThree &bogus; \ufffd four"


def test_html_with_no_text(tmp_path) -> None:
    path = tmp_path / "a.html"
    path.write_text("<html><head><title>Only a title</title></head><body><script>x</script>")
    assert "no article text found in the HTML" in one_skip(path)


@pytest.mark.parametrize(
    ("page", "text"),
    [
        ("<html><head><title>T</title><body><p>No closing head.</p>", "No closing head."),
        ("<head><meta charset='utf-8'><p>Head never closed.</p>", "Head never closed."),
        ("<aside><p>Aside never closed.</p><p>The story.", "Aside never closed.\n\nThe story."),
    ],
)
def test_html_sloppy_structure_does_not_lose_the_text(tmp_path, page, text) -> None:
    path = tmp_path / "a.html"
    path.write_text(page)
    article, report = one_article(path)
    assert article.text == text


def test_html_that_is_only_a_menu_is_a_skip(tmp_path) -> None:
    path = tmp_path / "a.html"
    path.write_text("<body><nav>Only a menu</nav></body>")
    assert one_skip(path).startswith("no article text found in the HTML")


def test_html_wrong_declared_charset_falls_back(tmp_path) -> None:
    path = tmp_path / "a.html"
    path.write_bytes('<meta charset="utf-8"><p>café</p>'.encode("latin-1"))
    article, _ = one_article(path)
    assert article.text == "café"


@pytest.mark.parametrize(
    "piece",
    ["<a ", "<!--", '<a href="', "</a ", "<![CDATA[ x > y", "<!DOCTYPE ", "[", "![", "`", "**a"],
)
def test_pathological_markup_is_linear(tmp_path, piece) -> None:
    """html.parser and naive regexes go quadratic on these; 300 kB must stay fast."""
    for suffix in (".html", ".md"):
        path = tmp_path / f"a{suffix}"
        path.write_text("T\n\n" + piece * (300_000 // len(piece)))
        started = time.perf_counter()
        articles, report = load(path)
        assert len(articles) + len(report.skipped) == 1
        assert time.perf_counter() - started < 5, f"{piece!r} in {suffix}"


# --- JSON -------------------------------------------------------------------------------------


def test_json_lines_with_broken_records_in_the_middle(tmp_path) -> None:
    lines = [
        {"text": "first"},
        '{"text": "unterminated',
        {"title": "no text here"},
        {"text": 42},
        {"text": ["para", 3]},
        {"text": {"nested": True}},
        {"text": "   "},
        '["a", "list"]',
        "null",
        '{"text": "ok", "title": 5, "published": 20250101, "url": "ftp://x"}',
        "[" * 100_000 + "]" * 100_000,
        '{"text": "last"}',
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines))
    articles, report = load(path)
    assert [(a.text, a.line) for a in articles] == [("first", 1), ("ok", 10), ("last", 12)]
    reasons = {s.line: s.reason for s in report.skipped}
    assert sorted(reasons) == [2, 3, 4, 5, 6, 7, 8, 9, 11]
    assert reasons[2].startswith("not valid JSON")
    assert "no text" in reasons[3] and "no text" in reasons[7]
    assert reasons[4] == "field 'text' is a number, expected text"
    assert reasons[5] == "field 'text' is a list, expected text"
    assert reasons[6] == "field 'text' is an object, expected text"
    assert "expected a JSON object, got a list" in reasons[8]
    assert "got null" in reasons[9]
    assert "nested too deeply" in reasons[11] or "not valid JSON" in reasons[11]
    assert {w.line for w in report.warnings} == {10}, "title, date and url of line 10 ignored"


def test_json_wrong_types(tmp_path) -> None:
    path = tmp_path / "a.json"
    path.write_text(json.dumps([{"text": 1}, {"body": None, "content": "ok"}, "text", 3.5]))
    articles, report = load(path)
    assert [a.text for a in articles] == ["ok"]
    assert [s.reason.split(":")[0] for s in report.skipped] == ["record 1", "record 3", "record 4"]
    path.write_text("42")
    assert "expected a JSON object or a list" in one_skip(path)
    path.write_text('{"text": "a",\n "title": }')
    assert one_skip(path).startswith("not valid JSON")


def test_json_list_records_keep_their_lines_and_load_up_to_a_syntax_error(tmp_path) -> None:
    path = tmp_path / "a.json"
    path.write_text('[\n {"text": "a"},\n {"text": 5},\n {"text": "c"},\n {oops}, {"text": "d"}]')
    articles, report = load(path)
    assert [(a.text, a.line, a.id) for a in articles] == [
        ("a", 2, f"{path}#1"),  # the record's number names it; its line is kept too
        ("c", 4, f"{path}#3"),
    ]
    assert [(s.line, s.reason) for s in report.skipped] == [
        (3, "record 2: field 'text' is a number, expected text"),
        (5, "not valid JSON: Expecting property name enclosed in double quotes"),
    ]


def test_json_lone_surrogates_become_replacement_characters(tmp_path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text('{"text": "bad \\ud800 half and \\u0000 nul", "title": "\\udfff"}\n')
    article, _ = one_article(path)
    assert article.text == "bad \ufffd half and  nul" and article.title == "\ufffd"
    article.text.encode("utf-8")  # writable


# --- paths, sizes -----------------------------------------------------------------------------


def test_unknown_extension_named_explicitly(tmp_path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.4")
    reason = one_skip(path)
    assert reason.startswith("unsupported file type '.pdf'") and ".txt" in reason


def test_no_extension(tmp_path) -> None:
    path = tmp_path / "README"
    path.write_text(BODY)
    assert "unsupported file type '(none)'" in one_skip(path)


def test_directory_with_nothing_readable(tmp_path) -> None:
    (tmp_path / "a.pdf").write_bytes(b"%PDF")
    (tmp_path / ".DS_Store").write_bytes(b"\x00")
    reason = one_skip(tmp_path)
    assert reason.startswith("no article files in directory (2 other files ignored)")


def test_empty_directory(tmp_path) -> None:
    assert "(it is empty)" in one_skip(tmp_path)


def test_directory_of_bad_articles_reports_each(tmp_path) -> None:
    (tmp_path / "a.txt").write_bytes(b"")
    (tmp_path / "b.md").write_bytes(b"\x00" * 10)
    articles, report = load(tmp_path)
    assert articles == [] and len(report.skipped) == 2


def test_nonexistent_path(tmp_path) -> None:
    assert one_skip(tmp_path / "missing.txt") == "no such file or directory"


def test_not_a_path_is_reported() -> None:
    articles, report = load([42])
    assert articles == [] and report.skipped[0].reason.startswith("not a path")


def test_file_over_the_size_limit(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(article_files, "MAX_ARTICLE_BYTES", 1000)
    for suffix in (".txt", ".html", ".json"):
        path = tmp_path / f"big{suffix}"
        path.write_text("x" * 2000)
        assert "over the 0 MB limit for one article" in one_skip(path)


def test_json_line_over_the_size_limit(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(article_files, "MAX_ARTICLE_BYTES", 1000)
    path = tmp_path / "feed.jsonl"
    lines = [{"text": "a"}, {"text": "x" * 5000}, {"text": "b"}]
    path.write_text("\n".join(json.dumps(x) for x in lines))
    articles, report = load(path)
    assert [(a.text, a.line) for a in articles] == [("a", 1), ("b", 3)]
    assert report.skipped[0].line == 2 and "one JSON line" in report.skipped[0].reason


def test_huge_line_under_the_limit(tmp_path) -> None:
    path = tmp_path / "a.md"
    path.write_text("# T\n\n" + (BODY + " ") * 50_000)  # one 3 MB line
    article, _ = one_article(path)
    assert len(article.text) > 2_500_000


def test_unreadable_directory_is_a_skip(tmp_path, monkeypatch) -> None:
    import os

    (tmp_path / "a.txt").write_text("A\n\nbody")
    (tmp_path / "locked").mkdir()
    real_scandir = os.scandir

    def scandir(path):
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    articles, report = load(tmp_path)
    assert [a.text for a in articles] == ["body"]
    (skip,) = report.skipped
    assert skip.source == str(tmp_path / "locked")
    assert skip.reason == "directory not readable: permission denied; check the file's permissions"
    articles, report = load(tmp_path / "locked")
    assert len(report.skipped) == 1, "not also 'no article files in directory'"


def test_fifo_is_not_read(tmp_path) -> None:
    import os

    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    assert one_skip(path).startswith("not a regular file")


def test_unreadable_file(tmp_path, monkeypatch) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(BODY)

    def deny(*args, **kwargs):  # chmod 0 means nothing to root, who runs CI
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(article_files, "open", deny, raising=False)
    assert one_skip(path) == "permission denied; check the file's permissions"


# --- dates through the pipeline ---------------------------------------------------------------


def _extract(tmp_path: Path, text: str):
    pytest.importorskip("timeline.events")
    path = tmp_path / "a.txt"
    path.write_text(f"Dates\n\n{text}\n")
    return timeline.extract(str(path))


@pytest.mark.parametrize(
    "text",
    [
        "The summit took place on February 30, 2025, in Geneva.",
        "The meeting was set for 31 April 2025.",
        "They met on 2025-02-30 to sign.",
        "In the year 20000 people will read this.",
        "The treaty expires in 20000.",
    ],
)
def test_impossible_and_far_dates_get_no_wrong_date(tmp_path, text) -> None:
    frame = _extract(tmp_path, text)
    for row in frame.itertuples():
        value = str(row.value)
        full = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value)
        if full:  # a day must exist and the bounds must say the same day
            assert row.start.strftime("%Y-%m-%d") == value, (text, value)
        if "20000" in str(row.date_text):
            assert value.startswith("20000") or value.startswith("XXXX"), (text, value)
            assert row.start is None or str(row.start) == "NaT", (text, row.start)
        assert not value.startswith("2025-03-0"), f"rolled over: {text!r} -> {value}"


def test_bad_front_matter_date_through_the_pipeline(tmp_path) -> None:
    pytest.importorskip("timeline.events")
    path = tmp_path / "a.txt"
    path.write_text("---\npublished: February 30, 2025\n---\nT\n\nThey met on Wednesday.\n")
    frame = timeline.extract(str(path))
    report = frame.timeline.report
    assert not report.skipped and report.read[0].source == str(path)
    assert any("February 30, 2025" in w.reason for w in report.warnings)
    assert not any(str(v).startswith("2025-") for v in frame["value"]), "no anchor was given"


# --- properties -------------------------------------------------------------------------------

SUFFIXES = sorted(FORMATS) + [".bin"]
PROPERTY = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _write_files(directory: Path, blobs: list[tuple[bytes, str]]) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    for old in directory.iterdir():
        old.unlink()
    paths = []
    for index, (data, suffix) in enumerate(blobs):
        path = directory / f"f{index}{suffix}"
        path.write_bytes(data)
        paths.append(path)
    return paths


def _check_accounted(paths: list[Path]) -> None:
    articles, report = load(paths)
    for article in articles:
        assert isinstance(article.text, str) and article.text.strip()
        article.text.encode("utf-8")  # writable as UTF-8 later
        article.title.encode("utf-8")
    seen = {a.source for a in articles} | {s.source for s in report.skipped}
    assert seen == {str(p) for p in paths}, "every file is loaded or reported"
    for path in paths:
        try:
            list(read_articles(path, strict=True))
        except InputError as e:
            assert e.source == str(path) and e.reason and "\n" not in e.reason


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.sampled_from(["text", "title", "date", "url", "x"]), inner, max_size=3)
    ),
    max_leaves=8,
)
BLOB = st.one_of(
    st.binary(max_size=600),
    st.builds(
        lambda v, cut: json.dumps(v).encode()[: cut or None],
        st.lists(JSON_VALUES, max_size=4),
        st.integers(0, 40),
    ),
    st.text(max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.text(max_size=200).map(lambda t: t.encode("utf-16", "surrogatepass")),
    st.builds(
        lambda t, fm: (f"---\n{fm}\n---\n" + t).encode("utf-8", "surrogatepass"),
        st.text(max_size=200),
        st.sampled_from(["published: x", "published: 2025-02-30", "url: javascript:", "t"]),
    ),
    st.lists(st.text(max_size=40), max_size=4).map(
        lambda xs: "\n".join(json.dumps({"text": x}) for x in xs).encode()
    ),
)


@PROPERTY
@given(blobs=st.lists(st.tuples(BLOB, st.sampled_from(SUFFIXES)), min_size=1, max_size=4))
def test_random_files_are_loaded_or_reported(tmp_path, blobs) -> None:
    paths = _write_files(tmp_path / "prop", blobs)
    _check_accounted(paths)


@pytest.mark.slow
@settings(PROPERTY, max_examples=500)
@given(data=st.binary(min_size=1, max_size=20_000), suffix=st.sampled_from(SUFFIXES))
def test_random_bytes_many(tmp_path, data, suffix) -> None:
    _check_accounted(_write_files(tmp_path / "prop", [(data, suffix)]))


# --- odd entries in a folder, odd fields, code built in the API (issue 17) ---------------------


def test_symlink_loops_and_dangling_links_in_a_folder_are_skips(tmp_path) -> None:
    (tmp_path / "good.txt").write_text(BODY)
    (tmp_path / "self.txt").symlink_to(tmp_path / "self.txt")
    (tmp_path / "ping.md").symlink_to(tmp_path / "pong.md")
    (tmp_path / "pong.md").symlink_to(tmp_path / "ping.md")
    (tmp_path / "gone.html").symlink_to(tmp_path / "nowhere.html")
    (tmp_path / "loopdir").symlink_to(tmp_path / "loopdir")  # no article suffix: ignored
    articles, report = load(tmp_path)
    assert [a.source for a in articles] == [str(tmp_path / "good.txt")]
    reasons = {Path(s.source).name: s.reason for s in report.skipped}
    assert set(reasons) == {"self.txt", "ping.md", "pong.md", "gone.html"}
    assert reasons["self.txt"].startswith("symbolic link loop")
    assert reasons["gone.html"].startswith("broken symbolic link to")
    with pytest.raises(InputError, match="symbolic link loop"):
        list(read_articles(tmp_path / "self.txt", strict=True))


def test_a_file_name_that_is_not_utf8_is_read_and_named_with_escapes(tmp_path) -> None:
    raw = os.fsencode(tmp_path) + b"/caf\xe9 \x1b[2J.txt"
    Path(os.fsdecode(raw)).write_text(BODY)
    articles, report = load(tmp_path)
    (article,) = articles
    assert article.source == str(tmp_path / "caf\\xe9 \\x1b[2J.txt")
    article.source.encode("utf-8")  # writable anywhere
    assert "file name is not valid UTF-8" in report.warnings[0].reason


@pytest.mark.parametrize("suffix", [".json", ".jsonl"])
def test_lone_surrogates_in_json_fields_are_reported_and_never_written(tmp_path, suffix) -> None:
    record = json.dumps({"text": BODY + " \udc80", "url": "https://example.org/\ud800x"})
    record = record[:-1] + ', "title": "Bad \\udfff title", "source": "Wire \\ud83d"}'
    path = tmp_path / f"a{suffix}"
    path.write_text(record + "\n")
    df = timeline.extract(path)
    (article,) = load(path)[0]
    assert article.url is None and article.title == "Bad \ufffd title"
    assert article.text.endswith("\ufffd") and article.outlet == "Wire \ufffd"
    reasons = " | ".join(w.reason for w in df.timeline.report.warnings)
    assert "field 'url' holds a lone surrogate" in reasons
    assert "field 'url' holds a lone surrogate (not valid Unicode); ignored" in reasons
    assert "field 'title' holds a lone surrogate" in reasons
    assert "text holds lone surrogates" in reasons
    df.to_csv(tmp_path / "out.csv", index=False)  # no UnicodeEncodeError anywhere
    df.to_json(tmp_path / "out.json", orient="records", force_ascii=False, date_format="iso")


@pytest.mark.parametrize(
    "bad",
    [Article(text=None), Article(text=b"bytes"), Article(text=BODY, published="2025-01-01")],
)
def test_articles_built_wrongly_in_code_are_skipped_with_a_reason(bad) -> None:
    df = timeline.extract([bad, Article(text=BODY, source="good")])
    (skip,) = df.timeline.report.skipped
    assert skip.reason.startswith("Article.") and "expected" in skip.reason
    assert list(df["source"].unique()) == ["good"]
    with pytest.raises(InputError, match="Article"):
        timeline.extract([bad], strict=True)


def test_duplicate_json_keys_are_a_warning(tmp_path) -> None:
    twice = f'{{"text": "{BODY}", "published": "2025-01-01", "published": "2025-03-06"}}'
    (tmp_path / "one.json").write_text(twice)
    (tmp_path / "list.json").write_text("[\n" + twice + ",\n" + twice + "\n]")
    (tmp_path / "feed.jsonl").write_text(twice + "\n" + twice + "\n")
    (tmp_path / "side.txt").write_text(BODY)
    (tmp_path / "side.meta.json").write_text('{"title": "A", "title": "B"}')
    articles, report = load(tmp_path)
    assert len(articles) == 6
    assert all(a.published == date(2025, 3, 6) for a in articles if a.title != "B")
    seen = {(Path(w.source).name, w.line) for w in report.warnings if "duplicate key" in w.reason}
    assert seen == {
        ("one.json", None),
        ("list.json", 2),
        ("list.json", 3),
        ("feed.jsonl", 1),
        ("feed.jsonl", None),  # "1 more line(s) like that": counted per file
        ("side.meta.json", None),
    }
    assert any("duplicate key 'published'" in w.reason for w in report.warnings)


def test_duplicate_front_matter_keys_are_a_warning(tmp_path) -> None:
    path = tmp_path / "a.md"
    path.write_text(f"---\ndate: 2025-01-01\ndate: 2025-03-06\n---\n{BODY}\n")
    article, report = one_article(path)
    assert article.published == date(2025, 3, 6)
    assert "duplicate key 'date' in the front matter" in report.warnings[0].reason


@pytest.mark.parametrize("suffix", [".md", ".txt"])
def test_front_matter_over_64_kb_is_a_warning(tmp_path, suffix) -> None:
    path = tmp_path / f"a{suffix}"
    filler = "".join(f"tag{i}: {'x' * 60}\n" for i in range(1200))  # about 80 KB
    path.write_text(f"---\ntitle: Lost title\npublished: 2025-03-06\n{filler}---\n{BODY}\n")
    article, report = one_article(path)
    assert article.published is None  # not read: and the user is told
    (warning,) = report.warnings
    assert "front matter not closed by a '---' line within its first 64 KB" in warning.reason


def test_markdown_script_and_style_never_reach_the_text(tmp_path) -> None:
    path = tmp_path / "a.md"
    path.write_text(
        "# Talks\n\n<script>\nvar d = 'The attack began on June 1, 2024.';\n</script>\n\n"
        "<STYLE type='text/css'>p:after { content: 'July 4, 2024'; }</style>\n\n"
        "<!-- draft: the summit ended on August 2, 2024 -->\n\n"
        f"{BODY} <script>alert('September 9, 2024')</script>It ended in Rome.\n\n"
        "<script>never closed, October 1, 2024 ..."
    )
    article, _ = one_article(path)
    assert article.text == f"{BODY}  It ended in Rome."
    df = timeline.extract(article)
    # no hidden date reaches an event ("It ended in Rome" goes on with the talks' day)
    assert set(df["value"]) == {"2025-03-03"}


def test_markdown_hidden_html_is_linear(tmp_path) -> None:
    path = tmp_path / "a.md"
    path.write_text(BODY + "\n\n" + "<script> <style> <!-- " * 40_000)
    start = time.perf_counter()
    article, _ = one_article(path)
    assert time.perf_counter() - start < 5
    assert article.text == BODY
