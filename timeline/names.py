"""File names and messages made safe to print and to write into a table.

A file name may hold any byte but ``/`` and NUL: a newline that forges a ``timeline:
warning:`` line, an escape sequence that rewrites the terminal, a bare ``\\r`` that breaks a
CSV row, bytes that are not UTF-8 (Python keeps them as lone surrogates, which no UTF-8
writer accepts). ``printable`` turns each into a visible escape, so what a user sees, and
what ends up in the frame's ``source`` column, is one line of valid text.
"""

from __future__ import annotations

import os
import re

# C0 and C1 controls, DEL, line/paragraph separators, bidi overrides and isolates (which
# can make a name read backwards on screen), and lone surrogates.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8, kept by surrogateescape
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` with every control character, bidi override and undecodable byte escaped
    (``\\n``, ``\\x1b``, ``\\xe9``, ``\\u202e``); other text, accents included, unchanged."""
    if _UNSAFE.search(text) is None:
        return text
    return _UNSAFE.sub(_escape, text)


def display_name(path: str | os.PathLike[str] | bytes) -> str:
    """A path as it is shown and recorded: ``printable`` of its name."""
    return printable(os.fsdecode(path))


def has_undecodable_bytes(path: str | os.PathLike[str]) -> bool:
    """True when the name held bytes that are not UTF-8 (kept by Python as surrogates)."""
    return any(0xDC80 <= ord(c) <= 0xDCFF for c in os.fspath(path))
