"""The command line: outputs, one-line errors and exit codes."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
from conftest import SEED, need

import timeline
from timeline.cli import (
    EXIT_ERROR,
    EXIT_NOTHING_READ,
    EXIT_OK,
    EXIT_SKIPPED,
    EXIT_USAGE,
    main,
)


def test_extract_writes_csv_to_stdout(capsys) -> None:
    assert main(["extract", str(SEED), "--published", "2025-03-06", "-q"]) == EXIT_OK
    out = capsys.readouterr().out
    assert out.startswith("event_id,value,")
    assert "2025-02-15" in out


def test_extract_json_file(tmp_path, capsys) -> None:
    target = tmp_path / "events.json"
    assert main(["extract", str(SEED), "-o", str(target)]) == EXIT_OK
    records = json.loads(target.read_text())
    assert any(r["value"] == "2023-11-29" for r in records)
    assert "events from 1 article;" in capsys.readouterr().err


def test_skipped_inputs_are_reported_with_their_name(tmp_path, capsys) -> None:
    (tmp_path / "empty.txt").write_text("")
    code = main(["extract", str(SEED), str(tmp_path / "empty.txt"), "-o", str(tmp_path / "o.csv")])
    assert code == EXIT_SKIPPED
    err = capsys.readouterr().err
    assert "empty.txt" in err and "Traceback" not in err


def test_nothing_readable(tmp_path, capsys) -> None:
    assert main(["extract", str(tmp_path / "missing.txt")]) == EXIT_NOTHING_READ
    assert "missing.txt" in capsys.readouterr().err


def test_bad_published_is_a_usage_error(capsys) -> None:
    assert main(["extract", str(SEED), "--published", "soon"]) == EXIT_USAGE
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_render_writes_offline_html(tmp_path, capsys) -> None:
    target, story = tmp_path / "chart.html", tmp_path / "story.json"
    assert main(["render", str(SEED), "-o", str(target), "--timelinejs", str(story)]) == EXIT_OK
    html = target.read_text(encoding="utf-8")
    assert "Trufanov" in html and '<script src="http' not in html
    assert json.loads(story.read_text())["events"]
    assert str(target) in capsys.readouterr().err


def test_render_story_exports_take_the_title_and_max_events(tmp_path) -> None:
    story, vis, chart = tmp_path / "story.json", tmp_path / "vis.json", tmp_path / "c.html"
    common = ["render", str(SEED), "-q", "-o", str(chart), "--timelinejs", str(story)]
    args = [*common, "--vis", str(vis), "--title", "The <b>story</b>", "--max-events", "2"]
    assert main(args) == EXIT_OK
    doc, items = json.loads(story.read_text()), json.loads(vis.read_text())["items"]
    assert doc["title"]["text"]["headline"] == "The &lt;b&gt;story&lt;/b&gt;"
    assert len(doc["events"]) == 2 and len(items) == 2
    assert "The 2 most reported of" in doc["title"]["text"]["text"]
    assert main([*common, "--max-events", "0"]) == EXIT_OK  # 0: all of them
    assert len(json.loads(story.read_text())["events"]) > 2


def test_extract_says_what_the_csv_leaves_out(tmp_path, capsys) -> None:
    assert main(["extract", str(SEED), "-o", str(tmp_path / "e.csv")]) == EXIT_OK
    assert "every column but mentions; .json and .parquet keep them" in capsys.readouterr().err
    assert main(["extract", str(SEED), "-o", str(tmp_path / "e.parquet")]) == EXIT_OK
    assert "but mentions" not in capsys.readouterr().err


@pytest.mark.parametrize("command", ["extract", "render", "tag-timeml", "evaluate"])
def test_help(command: str, capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])
    assert exit_info.value.code == 0
    assert "usage: timeline" in capsys.readouterr().out


def test_max_mentions_caps_the_mentions_kept_per_event(tmp_path, capsys) -> None:
    record = {"text": "The summit opened in Geneva on March 3, 2024."}
    (tmp_path / "feed.jsonl").write_text("\n".join([json.dumps(record)] * 5) + "\n")
    target = tmp_path / "events.json"
    assert (
        main(
            [
                "extract",
                str(tmp_path / "feed.jsonl"),
                "-o",
                str(target),
                "--max-mentions",
                "2",
                "-q",
            ]
        )
        == EXIT_OK
    )
    (event,) = json.loads(target.read_text())
    assert len(event["mentions"]) == 2 and event["n_mentions"] == 5 and event["n_sources"] == 5
    with pytest.raises(SystemExit) as exited:
        main(["extract", str(tmp_path / "feed.jsonl"), "--max-mentions", "some"])
    assert exited.value.code == EXIT_USAGE
    assert "--max-mentions: not a whole number" in capsys.readouterr().err


# --- outputs never replace or join the inputs (issue 17) ------------------------------------

STORY = "The summit opened in Geneva on March 3, 2024. Talks ended on March 5, 2024."


def story_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(STORY)
    (folder / "feed.json").write_text(json.dumps({"text": STORY, "published": "2024-03-06"}))
    return folder


def one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err, err
    return lines[0]


def test_output_that_is_an_input_is_refused(tmp_path, capsys) -> None:
    folder = story_folder(tmp_path)
    before = (folder / "a.txt").read_bytes()
    assert main(["extract", str(folder), "-o", str(folder / "a.txt"), "-q"]) == EXIT_USAGE
    line = one_line(capsys.readouterr().err)
    assert "refusing to write" in line and "--force" in line
    assert (folder / "a.txt").read_bytes() == before
    # named as a file too, and through a symbolic link to it
    (tmp_path / "link.txt").symlink_to(folder / "a.txt")
    assert main(["extract", str(folder / "a.txt"), "-o", str(tmp_path / "link.txt")]) == 2
    assert (folder / "a.txt").read_bytes() == before


@pytest.mark.parametrize("option", [["-o", "{in}/events.csv"], ["-o", "{in}/sub/../events.json"]])
def test_extract_output_inside_the_input_folder_is_refused(tmp_path, capsys, option) -> None:
    folder = story_folder(tmp_path)
    target = option[1].format(**{"in": folder})
    assert main(["extract", str(folder), "-o", target]) == EXIT_USAGE
    assert "inside the input folder" in one_line(capsys.readouterr().err)
    assert sorted(p.name for p in folder.iterdir()) == ["a.txt", "feed.json"]


@pytest.mark.parametrize("option", ["-o", "--timelinejs", "--image"])
def test_render_outputs_inside_the_input_folder_are_refused(tmp_path, capsys, option) -> None:
    folder = story_folder(tmp_path)
    args = ["render", str(folder), "-o", str(tmp_path / "page.html")]
    suffix = {"-o": "page.html", "--timelinejs": "feed.json", "--image": "chart.png"}[option]
    if option == "-o":
        args[-1] = str(folder / suffix)
    else:
        args += [option, str(folder / suffix)]
    before = (folder / "feed.json").read_bytes()
    assert main(args) == EXIT_USAGE
    assert "refusing to write" in one_line(capsys.readouterr().err)
    assert (folder / "feed.json").read_bytes() == before
    assert not (tmp_path / "page.html").exists()  # refused before any work


def test_force_writes_inside_the_input_folder(tmp_path) -> None:
    folder = story_folder(tmp_path)
    target = folder / "events.csv"
    assert main(["extract", str(folder), "-o", str(target), "--force", "-q"]) == EXIT_OK
    assert target.read_text().startswith("event_id,")  # written; the .csv is not an article


def test_two_outputs_on_one_file_are_refused(tmp_path, capsys) -> None:
    page = tmp_path / "page.html"
    args = ["render", str(SEED), "-o", str(page), "--timelinejs", str(page)]
    assert main(args) == EXIT_USAGE
    assert "same file" in one_line(capsys.readouterr().err)


GOLD_TML = (
    '<?xml version="1.0" ?>\n<TimeML>\n<DOCID>d1</DOCID>\n<DCT><TIMEX3 tid="t0" type="DATE" '
    'value="2024-03-06" functionInDocument="CREATION_TIME">March 6, 2024</TIMEX3></DCT>\n'
    '<TEXT>The summit <EVENT eid="e1" class="OCCURRENCE">opened</EVENT> on <TIMEX3 tid="t1" '
    'type="DATE" value="2024-03-03">March 3, 2024</TIMEX3>.</TEXT>\n'
    '<TLINK lid="l1" relType="BEFORE" eventInstanceID="e1" relatedToTime="t0"/>\n</TimeML>\n'
)


def test_tag_timeml_refuses_to_tag_in_place_or_inside_its_input(tmp_path, capsys) -> None:
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "d1.tml").write_text(GOLD_TML)
    assert main(["tag-timeml", str(gold), str(gold)]) == EXIT_USAGE
    assert "refusing to write" in one_line(capsys.readouterr().err)
    assert main(["tag-timeml", str(gold), str(gold / "out")]) == EXIT_USAGE
    assert "inside the input folder" in one_line(capsys.readouterr().err)
    assert (gold / "d1.tml").read_text() == GOLD_TML  # EVENT tags and TLINKs kept
    assert not (gold / "out").exists()


def test_tag_timeml_forced_inside_its_input_does_not_retag_its_output(tmp_path, capsys) -> None:
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "d1.tml").write_text(GOLD_TML)
    for _ in range(2):
        assert main(["tag-timeml", str(gold), str(gold / "out"), "--force"]) == EXIT_OK
        assert "tagged 1 documents" in capsys.readouterr().err
    assert sorted(p.relative_to(gold).as_posix() for p in gold.rglob("*.tml")) == [
        "d1.tml",
        "out/d1.tml",
    ]
    assert 'value="2024-03-03"' in (gold / "out" / "d1.tml").read_text()


# --- outputs that cannot be written: one line, exit 1 -------------------------------------


def _make_read_only(path: Path) -> None:
    """A file even root cannot write: chattr +i as root, chmod otherwise."""
    path.write_text("old\n")
    if os.geteuid() != 0:
        path.chmod(0o444)
        return
    done = subprocess.run(["chattr", "+i", str(path)], capture_output=True)
    if done.returncode != 0:
        pytest.skip("running as root and chattr +i is not available here")


def _unmake_read_only(path: Path) -> None:
    if os.geteuid() == 0:
        subprocess.run(["chattr", "-i", str(path)], capture_output=True)
    path.chmod(0o644)


@pytest.mark.parametrize("command", ["extract", "render"])
@pytest.mark.parametrize(
    "where, expected",
    [
        ("dir", "it is a directory"),
        ("missing/events.out", "does not exist; create it first"),
        ("read-only", "permission denied"),
        ("/dev/full", "No space left on device"),
        ("/proc/timeline-test.out", "cannot write /proc/timeline-test.out"),
    ],
)
def test_unwritable_outputs_are_one_line_and_exit_1(
    tmp_path, capsys, command, where, expected
) -> None:
    if where == "dir":
        target = tmp_path / "dir"
        target.mkdir()
    elif where == "read-only":
        target = tmp_path / "read-only.out"
        _make_read_only(target)
    elif where.startswith("/"):
        target = Path(where)
        need(target.parent.exists(), f"{target.parent} is not on this machine")
    else:
        target = tmp_path / where
    try:
        assert main([command, str(SEED), "-o", str(target), "-q"]) == EXIT_ERROR
    finally:
        if where == "read-only":
            _unmake_read_only(target)
    line = one_line(capsys.readouterr().err)
    assert line.startswith("timeline: cannot write") and expected in line
    if where.startswith("missing"):
        assert not (tmp_path / "missing").exists()  # render no longer creates it either
    if where == "read-only":
        assert target.read_text() == "old\n"


def test_unwritable_extra_outputs_of_render(tmp_path, capsys) -> None:
    page = tmp_path / "page.html"
    args = ["render", str(SEED), "-o", str(page), "--timelinejs", str(tmp_path / "no/s.json")]
    assert main(args) == EXIT_ERROR
    assert "does not exist" in one_line(capsys.readouterr().err)
    assert not page.exists()  # checked before any work is done


# --- file names on the terminal and in the table ------------------------------------------


def test_a_newline_in_a_file_name_cannot_forge_a_message(tmp_path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "x\ntimeline: warning: all good.txt").write_text("")  # empty: reported
    (folder / "\x1b]0;pwned\x07\x1b[2J.txt").write_text("")
    (folder / "ok.txt").write_text(STORY)
    done = run_cli(["extract", str(folder), "-o", str(tmp_path / "out.csv")])
    assert done.returncode == EXIT_SKIPPED
    err = done.stderr
    assert "\x1b" not in err and "\x07" not in err
    lines = err.splitlines()
    assert not any(line.startswith("timeline: warning: all good") for line in lines)
    assert any("x\\ntimeline: warning: all good.txt: empty file" in line for line in lines)
    assert any("\\x1b]0;pwned\\x07\\x1b[2J.txt" in line for line in lines)


def test_a_carriage_return_in_a_file_name_cannot_break_a_csv_row(tmp_path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "bad\rname.txt").write_text(STORY)
    target = tmp_path / "out.csv"
    assert main(["extract", str(folder), "-o", str(target), "-q"]) == EXIT_OK
    raw = target.read_bytes()
    assert b"\r" not in raw
    table = pd.read_csv(target)
    assert len(table) == 2
    assert all(src.endswith("bad\\rname.txt") for src in table["source"])


def test_a_file_name_that_is_not_utf8_reaches_every_format(tmp_path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    Path(os.fsdecode(os.fsencode(folder) + b"/caf\xe9.txt")).write_text(STORY)
    for fmt in ("csv", "json"):  # parquet: see the export tests (issue 13 fixes its writer)
        target = tmp_path / f"out.{fmt}"
        done = run_cli(["extract", str(folder), "-o", str(target)])
        assert done.returncode == EXIT_OK, done.stderr
        assert "file name is not valid UTF-8" in done.stderr and "caf\\xe9.txt" in done.stderr
        table = {"csv": pd.read_csv, "json": pd.read_json}[fmt](target)
        assert set(table["source"]) == {str(folder / "caf\\xe9.txt")}


def test_a_symlink_loop_in_a_folder_is_one_skip(tmp_path) -> None:
    folder = story_folder(tmp_path)
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    (folder / "gone.md").symlink_to(tmp_path / "nowhere.md")
    done = run_cli(["extract", str(folder), "-o", str(tmp_path / "out.csv")])
    assert done.returncode == EXIT_SKIPPED
    assert "Traceback" not in done.stderr
    assert f"{folder / 'loop.txt'}: symbolic link loop" in done.stderr
    assert f"{folder / 'gone.md'}: broken symbolic link" in done.stderr
    assert len(pd.read_csv(tmp_path / "out.csv")) == 2  # the good articles still read


def test_version(capsys) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out.strip() == f"timeline {timeline.__version__}"


def test_ctrl_c_ends_in_one_line_and_leaves_the_old_output(tmp_path) -> None:
    feed = tmp_path / "feed.jsonl"
    record = json.dumps({"text": STORY * 20, "published": "2024-03-06"})
    feed.write_text("\n".join([record] * 20000) + "\n")
    target = tmp_path / "events.csv"
    target.write_text("previous output\n")
    process = subprocess.Popen(
        [sys.executable, "-m", "timeline", "extract", str(feed), "-o", str(target)],
        stderr=subprocess.PIPE,
        text=True,
    )
    _wait_until_reading(process.pid, feed)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130
    assert one_line(err) == "timeline: interrupted"
    assert target.read_text() == "previous output\n"


def _wait_until_reading(pid: int, path: Path) -> None:
    """Until process ``pid`` has ``path`` open: it is past start-up and reading."""
    fds = Path(f"/proc/{pid}/fd")
    need(fds.parent.exists(), "needs /proc")
    for _ in range(600):
        with contextlib.suppress(OSError):
            if any(os.readlink(fd) == str(path) for fd in fds.iterdir()):
                return
        time.sleep(0.05)
    raise AssertionError("the command never opened its input")


def run_cli(args: list[str]) -> subprocess.CompletedProcess[str]:
    """The real command in a fresh process: what a terminal would show."""
    return subprocess.run(
        [sys.executable, "-m", "timeline", *args],
        capture_output=True,
        text=True,
        errors="surrogateescape",
        timeout=120,
    )
