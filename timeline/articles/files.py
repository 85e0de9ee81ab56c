"""One file's bytes, within the size limit; why a file cannot be opened."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import IO

from timeline.articles.problems import Skip, link_reason, os_reason

# Largest single article file (and single JSON lines record) read into memory. Bigger
# files are reported, not read: split them, or send them as JSON lines (streamed).
MAX_ARTICLE_BYTES = 50 * 1024 * 1024


def read_bytes(path: Path) -> bytes:
    st = stat_file(path)
    if st.st_size > MAX_ARTICLE_BYTES:
        raise Skip(too_big(st.st_size, "one article"))
    with open_file(path) as f:
        data = f.read(MAX_ARTICLE_BYTES + 1)  # the size may have changed since stat
    if len(data) > MAX_ARTICLE_BYTES:
        raise Skip(too_big(len(data), "one article"))
    return data


def stat_file(path: Path) -> os.stat_result:
    try:
        st = path.stat()
    except OSError as e:
        raise Skip(link_reason(path) or os_reason(e)) from None
    if not stat.S_ISREG(st.st_mode):
        raise Skip("not a regular file (a device, pipe or socket); give a file")
    return st


def open_file(path: Path) -> IO[bytes]:
    try:
        return open(path, "rb")  # noqa: SIM115 - closed by the caller's with
    except OSError as e:
        raise Skip(os_reason(e)) from None


def too_big(size: int, what: str) -> str:
    mb = MAX_ARTICLE_BYTES // (1024 * 1024)
    return (
        f"{size / 1024 / 1024:.1f} MB is over the {mb} MB limit for {what}; split it, "
        "or give many articles as JSON lines (.jsonl, read as a stream)"
    )
