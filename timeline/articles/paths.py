"""Paths to files: directories walked in sorted order, each path read once; every path
that is not an article file is accounted for."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from timeline.articles.fetch import URL, Fetcher
from timeline.articles.metadata import SIDECAR_SUFFIX
from timeline.articles.problems import Sink, os_reason
from timeline.articles.reader import FORMATS, format_of, read_file, read_url
from timeline.model import Article
from timeline.names import display_name, printable

PathArg = str | os.PathLike


PathsArg = PathArg | Iterable[PathArg]


def read_paths(
    paths: PathsArg, default: date | None, sink: Sink, fetcher: Fetcher | None = None
) -> Iterator[Article]:
    """Articles of every path in order; a URL is fetched only when a ``fetcher`` is given."""
    seen: set[str] = set()
    if isinstance(paths, (str, bytes, os.PathLike)) or not isinstance(paths, Iterable):
        items: list[Any] = [paths]
    else:
        items = list(paths)
    for item in items:
        if isinstance(item, bytes):
            item = os.fsdecode(item)
        if not isinstance(item, (str, os.PathLike)):
            sink.skip(repr(item)[:80], f"not a path: {type(item).__name__}; give a file name")
            continue
        if isinstance(item, str) and URL.match(item.strip()):
            if item.strip() not in seen:
                seen.add(item.strip())
                yield from read_url(item.strip(), default, sink, fetcher)
            continue
        path = Path(item)
        if path.is_dir():
            yield from _read_dir(path, default, sink, seen, fetcher)
        else:
            yield from _read_named(path, default, sink, seen, fetcher)


def _read_named(
    path: Path, default: date | None, sink: Sink, seen: set[str], fetcher: Fetcher | None
) -> Iterator[Article]:
    """A path the user named: anything wrong with it is a skip, with the reason."""
    source = display_name(path)
    if not os.path.lexists(path):
        sink.skip(source, "no such file or directory")
        return
    kind = format_of(path)
    if kind is None:
        sink.skip(source, f"unsupported file type {path.suffix or '(none)'!r}; {_SUPPORTED}")
        return
    if _first_time(path, seen):
        yield from read_file(path, kind, default, sink, fetcher)


def _read_dir(
    root: Path, default: date | None, sink: Sink, seen: set[str], fetcher: Fetcher | None
) -> Iterator[Article]:
    found = 0
    ignored: list[str] = []
    for path in _walk(root, ignored):
        if isinstance(path, _Unreadable):
            sink.skip(display_name(path.path), f"directory not readable: {path.reason}")
            found += path.path == root  # reported already: not also "no article files"
            continue
        found += 1
        if _first_time(path, seen):
            yield from read_file(path, format_of(path) or "txt", default, sink, fetcher)
    if not found:
        detail = f" ({len(ignored)} other files ignored)" if ignored else " (it is empty)"
        sink.skip(display_name(root), f"no article files in directory{detail}; {_SUPPORTED}")
    elif ignored:
        names = ", ".join(map(printable, ignored[:5])) + (", ..." if len(ignored) > 5 else "")
        sink.warn(display_name(root), f"{len(ignored)} file(s) ignored, not articles: {names}")


@dataclass(frozen=True)
class _Unreadable:
    """A directory the walk could not list."""

    path: Path
    reason: str


def _walk(
    root: Path, ignored: list[str], visited: set[str] | None = None
) -> Iterator[Path | _Unreadable]:
    """Article files under ``root`` in sorted path order; everything else goes to ``ignored``."""
    visited = set() if visited is None else visited
    key = os.path.realpath(root)
    if key in visited:
        return  # a symlink loop
    visited.add(key)
    try:
        entries = sorted(os.scandir(root), key=lambda e: e.name)
    except OSError as e:  # may hold articles: a skip, not an ignored file
        yield _Unreadable(root, os_reason(e))
        return
    for entry in entries:
        path = Path(entry.path)
        is_dir = _is_dir(entry)
        if entry.name.startswith("."):
            ignored.append(entry.name + ("/" if is_dir else ""))
        elif is_dir:
            yield from _walk(path, ignored, visited)
        elif entry.name.lower().endswith(SIDECAR_SUFFIX):
            continue  # metadata for its article, read with it
        elif format_of(path) is not None:
            yield path
        else:
            ignored.append(entry.name)


def _is_dir(entry: os.DirEntry[str]) -> bool:
    """A directory to walk into; a link loop or a dangling link is not (it is read as a
    file, and reported with its reason there)."""
    try:
        return entry.is_dir()
    except OSError:  # ELOOP: a link that points back to itself
        return False


def _first_time(path: Path, seen: set[str]) -> bool:
    try:
        key = str(path.resolve())
    except (OSError, RuntimeError):  # symlink loops and the like: read it and let it fail
        key = str(path)
    if key in seen:
        return False
    seen.add(key)
    return True


_SUPPORTED = "supported: " + " ".join(sorted(FORMATS))
