"""How reading goes wrong: the skip and warning sink, and reasons in words."""

from __future__ import annotations

import errno
import os
import re
from datetime import date
from pathlib import Path
from typing import Any

from timeline.errors import InputError
from timeline.model import Article, Report
from timeline.names import printable


class InputWarning(UserWarning):
    """Issued once, at the end, when inputs were skipped and nobody passed a ``report``."""


class Skip(Exception):
    """Internal: this input (or record) cannot be read; carries the one-line reason."""

    def __init__(self, reason: str, line: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.line = line


class Sink:
    """Where problems go: the report, or (strict) an ``InputError`` at the first skip."""

    def __init__(self, report: Report, strict: bool) -> None:
        self.report = report
        self.strict = strict

    def skip(self, source: str, reason: str, line: int | None = None) -> None:
        if self.strict:
            raise InputError(source, reason, line)
        self.report.skip(source, reason, line)

    def warn(self, source: str, reason: str, line: int | None = None) -> None:
        self.report.warn(source, reason, line)


class OncePerFile(Sink):
    """Repeated warnings of one file (a cp1252 dump: one per line) become one, counted."""

    def __init__(self, sink: Sink, source: str) -> None:
        super().__init__(sink.report, sink.strict)
        self.source = source
        self.repeats: dict[str, list[Any]] = {}  # kind of reason -> [first reason, count]

    def warn(self, source: str, reason: str, line: int | None = None) -> None:
        key = re.sub(r"\d+", "N", reason)
        if key not in self.repeats:
            super().warn(source, reason, line)
            self.repeats[key] = [reason, 0]
        self.repeats[key][1] += 1

    def close(self) -> None:
        for first, count in self.repeats.values():
            if count > 1:
                super().warn(self.source, f"{count - 1} more line(s) like that: {first}")


def os_reason(e: OSError) -> str:
    if isinstance(e, PermissionError):
        return "permission denied; check the file's permissions"
    if isinstance(e, FileNotFoundError):
        return "no such file or directory"
    return f"cannot read the file: {e.strerror or e}"


def link_reason(path: Path) -> str | None:
    """Why a symbolic link cannot be followed, in words; None when it is not a link."""
    if not path.is_symlink():
        return None
    try:
        path.resolve(strict=True)
    except RuntimeError:  # Python 3.11 raises this for a loop
        return "symbolic link loop (the link leads back to itself); fix or remove the link"
    except OSError as e:
        if e.errno == errno.ELOOP:
            return "symbolic link loop (the link leads back to itself); fix or remove the link"
        return f"broken symbolic link to {printable(os.readlink(path))!r}; its target is missing"
    return None


def type_name(value: Any) -> str:
    names: dict[type, str] = {
        bool: "true/false", int: "a number", float: "a number", list: "a list",
        dict: "an object", str: "text", type(None): "null",
    }  # fmt: skip
    return names.get(type(value), type(value).__name__)


def article_problem(article: Article) -> str | None:
    """Why an ``Article`` built in code cannot be processed (its ``text`` is not a string,
    its date not a date), or None. ``extract`` reports such an article as skipped."""
    if not isinstance(article.text, str):
        return f"Article.text is {_py_type(article.text)}, expected a str"
    if article.published is not None and not isinstance(article.published, date):
        return f"Article.published is {_py_type(article.published)}, expected a date or None"
    for name in ("source", "title", "outlet"):
        value = getattr(article, name)
        if not isinstance(value, str):
            return f"Article.{name} is {_py_type(value)}, expected a str"
    return None


def _py_type(value: Any) -> str:
    return "None" if value is None else f"a {type(value).__name__}"
