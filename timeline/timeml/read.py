"""Reading inline TimeML: the ``<TEXT>`` as plain text, its DCT and its gold TIMEX3s.

Entities are decoded, so offsets count characters of the text a reader sees; the gold
TIMEX3s are ``model.Timex`` with offsets into that text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from timeline.dates import as_date
from timeline.errors import InputError
from timeline.model import Timex

_TEXT_OPEN = re.compile(r"<TEXT\b[^>]*>")


_TEXT_CLOSE = re.compile(r"</TEXT\s*>")


_MARKUP = re.compile(r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<\?.*?\?>|<[^>]*>", re.S)


_TAG = re.compile(r"<(/?)([A-Za-z_][\w.:-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*?)(/?)>", re.S)


_ATTR = re.compile(r"([\w:.-]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")


_ENTITY = re.compile(r"&(#[xX][0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);")


_NAMED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}


_DCT_TAG = re.compile(r"<TIMEX3\b[^>]*\bfunctionInDocument\s*=\s*[\"']CREATION_TIME[\"'][^>]*>")


@dataclass(slots=True)
class Element:
    """A tag inside ``<TEXT>`` other than TIMEX3, with offsets into the plain text."""

    name: str
    start_tag: str  # the start tag as written, e.g. '<s id="3">'
    start: int
    end: int
    empty: bool = False  # written as a self-closing tag


@dataclass(slots=True)
class TimeMLDocument:
    """One TimeML document: plain text of ``<TEXT>``, its DCT and its TIMEX3s."""

    name: str
    text: str
    timexes: list[Timex]
    dct: str | None = None  # value of the CREATION_TIME TIMEX3, e.g. "1998-01-08"
    dct_tid: str | None = None
    elements: list[Element] = field(default_factory=list)
    head: str = ""  # raw markup up to and including <TEXT>
    tail: str = ""  # raw markup from </TEXT> on

    @property
    def dct_date(self) -> date | None:
        """The DCT as the tagger's ``dct`` argument (None when absent or unparseable)."""
        return as_date(self.dct)


def read_timeml(path: str | Path) -> TimeMLDocument:
    """Read a ``.tml`` file; raises ``InputError`` naming the file when it is not TimeML."""
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read TimeML file: {exc}") from exc
    return parse_timeml(raw, name=str(path))


def parse_timeml(tml: str, name: str = "<tml>") -> TimeMLDocument:
    """Parse inline TimeML: the ``<TEXT>`` content as plain text plus gold TIMEX3 offsets."""
    opening = _TEXT_OPEN.search(tml)
    closing = _TEXT_CLOSE.search(tml, opening.end()) if opening else None
    if opening is None or closing is None:
        raise InputError(name, "no <TEXT>...</TEXT> element: is this a TimeML file?")
    text, timexes, elements = _parse_text(tml[opening.end() : closing.start()], name)
    dct_attrs = _dct_attributes(tml)
    return TimeMLDocument(
        name=name,
        text=text,
        timexes=timexes,
        dct=dct_attrs.get("value"),
        dct_tid=dct_attrs.get("tid"),
        elements=elements,
        head=tml[: opening.end()],
        tail=tml[closing.start() :],
    )


def _parse_text(content: str, name: str) -> tuple[str, list[Timex], list[Element]]:
    """Walk the markup of ``<TEXT>``: decoded text, TIMEX3s and other elements, in order."""
    parts: list[str] = []
    length = 0
    stack: list[tuple[str, dict[str, str], str, int]] = []
    timexes: list[Timex] = []
    elements: list[Element] = []
    pos = 0
    for markup in _MARKUP.finditer(content):
        chunk = _unescape(content[pos : markup.start()])
        parts.append(chunk)
        length += len(chunk)
        pos = markup.end()
        raw = markup.group()
        if raw.startswith("<![CDATA["):
            parts.append(raw[9:-3])
            length += len(raw) - 12
            continue
        tag = _TAG.fullmatch(raw)
        if tag is None:  # comment or processing instruction: no text
            continue
        closing, tag_name, attr_text, empty = tag.groups()
        if closing:
            if not stack or stack[-1][0] != tag_name:
                raise InputError(name, f"</{tag_name}> does not close an open tag in <TEXT>")
            _, attrs, start_tag, start = stack.pop()
            if tag_name == "TIMEX3":
                timexes.append(_gold_timex(attrs, start, length, "".join(parts)[start:]))
            else:
                elements.append(Element(tag_name, start_tag, start, length))
        elif empty:
            if tag_name != "TIMEX3":  # an empty TIMEX3 marks no text: nothing to score
                elements.append(Element(tag_name, raw, length, length, empty=True))
        else:
            stack.append((tag_name, _attributes(attr_text), raw, length))
    if stack:
        raise InputError(name, f"<{stack[-1][0]}> is never closed in <TEXT>")
    tail = _unescape(content[pos:])
    parts.append(tail)
    elements.sort(key=lambda e: (e.start, -e.end))
    return "".join(parts), timexes, elements


def _gold_timex(attrs: dict[str, str], start: int, end: int, text: str) -> Timex:
    return Timex(
        start=start,
        end=end,
        text=text,
        type=attrs.get("type", ""),
        value=attrs.get("value", ""),
        mod=attrs.get("mod"),
        anchor=attrs.get("anchorTimeID"),
        tid=attrs.get("tid", ""),
        quant=attrs.get("quant"),
        freq=attrs.get("freq"),
    )


def _attributes(attr_text: str) -> dict[str, str]:
    return {
        m.group(1): _unescape(m.group(2) if m.group(2) is not None else m.group(3))
        for m in _ATTR.finditer(attr_text)
    }


def _unescape(raw: str) -> str:
    """Decode the XML entities (only those: HTML's &nbsp; is not XML and stays as written)."""
    return _ENTITY.sub(_entity, raw) if "&" in raw else raw


def _entity(match: re.Match[str]) -> str:
    ref = match.group(1)
    if ref.startswith(("#x", "#X")):
        return chr(int(ref[2:], 16))
    if ref.startswith("#"):
        return chr(int(ref[1:]))
    return _NAMED[ref]


def _dct_attributes(tml: str) -> dict[str, str]:
    match = _DCT_TAG.search(tml)
    return _attributes(match.group()[len("<TIMEX3") : -1]) if match else {}


def iter_timeml(directory: str | Path) -> Iterator[tuple[str, Path]]:
    """``(relative name, path)`` of every ``.tml`` file under ``directory``, sorted."""
    root = Path(directory)
    if not root.is_dir():
        raise InputError(str(root), "not a directory")
    for path in sorted(root.rglob("*.tml")):
        yield path.relative_to(root).as_posix(), path


def read_file(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read TimeML file: {exc}") from exc
