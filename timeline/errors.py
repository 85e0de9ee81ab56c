"""Errors that name the input and say what to do.

Every error the library raises on purpose is a ``TimelineError``, so a notebook can catch
them all with one ``except`` and a script never shows a traceback from deep inside.
"""

from __future__ import annotations

import os


class TimelineError(Exception):
    """Base class of every error ``timeline`` raises on purpose."""


class InputError(TimelineError):
    """An input could not be read: names the file (and line) and the problem."""

    def __init__(self, source: str, reason: str, line: int | None = None) -> None:
        self.source = source
        self.reason = reason
        self.line = line
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {reason}")


class NoInputError(TimelineError):
    """Nothing could be read at all (no files matched, or every one was bad)."""


class DateError(TimelineError):
    """A date given by the user (e.g. ``--published``) could not be understood."""


class FrameError(TimelineError):
    """A DataFrame handed to plot/export lacks what they need (e.g. a ``start`` column)."""


class OutputError(TimelineError):
    """An output could not be written (a folder, a missing folder, a read-only file, a full
    disk): names the file and the problem; the previous file, if any, is left as it was."""

    def __init__(self, path: str | os.PathLike[str], reason: str) -> None:
        from timeline.names import display_name  # control characters in the name escaped

        self.path = os.fspath(path)
        self.reason = reason
        super().__init__(f"cannot write {display_name(path)}: {reason}")
