"""The command line: outputs, one-line errors and exit codes."""

from __future__ import annotations

import json

import pytest
from conftest import SEED

from timeline.cli import EXIT_NOTHING_READ, EXIT_OK, EXIT_SKIPPED, EXIT_USAGE, main


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
    assert "events from 1 articles" in capsys.readouterr().err


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
