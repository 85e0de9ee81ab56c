"""TimeML I/O and TempEval-3 Task A scoring of the temporal tagger.

Three jobs, all on inline TimeML (``.tml``):

- read: ``read_timeml(path)`` / ``parse_timeml(tml)`` give the ``<TEXT>`` content as plain
  text (entities decoded, so offsets count characters of the text a reader sees), the
  document creation time and the gold TIMEX3s as ``model.Timex`` with offsets into that text;
- write: ``tag_document(tml)`` / ``tag_directory(in_dir, out_dir)`` replace the gold
  annotation inside ``<TEXT>`` with the tagger's TIMEX3s, leaving the text unchanged;
- score: ``evaluate(gold_dir, system_dir)`` implements TempEval-3 Task A (relaxed and strict
  span match, value and type accuracy, micro-averaged over documents) and lists every error;
  ``format_scores(result)`` renders the figures as a table.

Only the standard library is used, so scoring stays cheap to import.
"""

from __future__ import annotations

import csv
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from html import escape
from pathlib import Path

from timeline.dates import as_date
from timeline.errors import InputError
from timeline.model import Timex

Tagger = Callable[..., list[Timex]]

# Annotation tags: removed from <TEXT> when the system writes its own timexes (EVENT and
# SIGNAL would cross system spans, and Task A scores timexes only).
_ANNOTATION_TAGS = frozenset({"TIMEX3", "EVENT", "SIGNAL"})
# Link tags after <TEXT> point at the removed EVENT/TIMEX3 ids, so they go too.
_LINK_TAGS = ("TLINK", "SLINK", "ALINK", "MAKEINSTANCE")
# Elements that end a sentence or block: the tagger sees a line break there (the SemEval
# documents write "<s>2008</s><s>The ..." with no space between sentences).
_BLOCK_TAGS = frozenset({"s", "p", "P", "HEADLINE", "TITLE"})
_CONTEXT = 40  # characters of context on each side of an error

_TEXT_OPEN = re.compile(r"<TEXT\b[^>]*>")
_TEXT_CLOSE = re.compile(r"</TEXT\s*>")
_MARKUP = re.compile(r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<\?.*?\?>|<[^>]*>", re.S)
_TAG = re.compile(r"<(/?)([A-Za-z_][\w.:-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*?)(/?)>", re.S)
_ATTR = re.compile(r"([\w:.-]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_ENTITY = re.compile(r"&(#[xX][0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);")
_NAMED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}
_DCT_TAG = re.compile(r"<TIMEX3\b[^>]*\bfunctionInDocument\s*=\s*[\"']CREATION_TIME[\"'][^>]*>")
_LINKS = re.compile(
    r"[ \t]*<(" + "|".join(_LINK_TAGS) + r")\b[^>]*?(?:/>|>.*?</\1\s*>)[ \t]*\r?\n?", re.S
)


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


# --------------------------------------------------------------------------- reading


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


# --------------------------------------------------------------------------- writing


def tag_document(tml_text: str, tagger: Tagger | None = None, name: str = "<tml>") -> str:
    """Return the document with the tagger's TIMEX3s in place of the gold annotation.

    Inside ``<TEXT>`` the gold TIMEX3, EVENT and SIGNAL tags are removed (structural tags
    such as ``<s>`` stay) and the system's TIMEX3s are written with tid, type, value and,
    when known, mod, quant, freq and anchorTimeID. Links after ``<TEXT>`` that pointed at
    the removed tags are dropped. The DCT and the plain text are unchanged.
    """
    doc = parse_timeml(tml_text, name=name)
    timexes = timeml_conventions(system_timexes(doc, tagger))
    kept = [e for e in doc.elements if e.name not in _ANNOTATION_TAGS]
    timexes = [t for t in timexes if not _crosses(t, kept)]
    body = _serialize(doc.text, kept, _timex_tags(timexes, doc.dct_tid))
    return doc.head + body + _LINKS.sub("", doc.tail)


def system_timexes(doc: TimeMLDocument, tagger: Tagger | None = None) -> list[Timex]:
    """Run the tagger on the document's text (line breaks between sentences) and its DCT."""
    tagger = tagger or _default_tagger()
    view, inserted = _tagger_view(doc)
    found = tagger(view, doc.dct_date)
    result = []
    for timex in found:
        start, end = _to_original(timex.start, inserted), _to_original(timex.end, inserted)
        if 0 <= start < end <= len(doc.text):
            result.append(_with_span(timex, start, end, doc.text[start:end]))
    return _non_overlapping(result)


# --------------------------------------------------------------------------- conventions
#
# The tagger's Timexes serve the event pipeline: they resolve to calendar dates so that
# events can be placed on a chart. TimeML annotates a few shapes differently; the writer maps
# them here, on copies, so the pipeline never sees the change. Each rule follows the
# majority convention of the TempEval-3 corpus (TimeBank + AQUAINT, gold counts below).

_WEEKDAY_WORD = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?"
# "Friday night", "early Tuesday morning"; the value the tagger gives it: 2000-01-07TNI.
# Gold: a DATE in 19 of 26; after a weekday "night" is the plain day 10 times (5 of them
# with "night" left out of the span) against TNI 6 and TEV 3, "morning" the plain day 5
# times against TMO 3, "evening" TEV 3 times out of 3.
_WEEKDAY_POD = re.compile(rf"\b{_WEEKDAY_WORD}\s+(?:morning|afternoon|evening|night)\b", re.I)
_DAY_POD_VALUE = re.compile(r"^(\d{4}-\d\d-\d\d)T(MO|AF|EV|NI)$")
# parts of day TimeML values as the plain day after a weekday ("Friday night": 2000-01-07)
_POD_AS_DAY = frozenset({"MO", "NI"})
# "three days later", "a few weeks after": the stretch of time is the TIMEX3, the direction
# word a signal (every such case in the gold: "Three days", "A few days", "A day earlier").
# Years are left alone: "a year earlier" names the compared period, a DATE in the gold.
_OFFSET = re.compile(
    r"^(?P<dur>(?P<num>[\w-]+(?:\s+[\w-]+){0,2}?)\s+"
    r"(?P<unit>minute|hour|day|week|fortnight|month)s?)\s+"
    r"(?:later|earlier|afterwards?|after|before)$",
    re.I,
)


# "by year-end", "since year-end": the hyphenated noun is the closing day of the books, a
# day in the gold (2 of 2: 1989-12-31, 1988-12-31), while "year end", "the end of the year"
# stay the year with mod END; a fiscal year-end is not December 31 and is left alone.
_YEAR_END = re.compile(r"^year-end$", re.I)
_YEAR = re.compile(r"^\d{4}$")


def timeml_conventions(timexes: list[Timex]) -> list[Timex]:
    """The tagger's timexes as TimeML annotates them (new objects; the input is unchanged).

    - a weekday with a part of day ("Friday night") is a DATE; after a weekday, night and
      morning are valued as the day itself (``2000-01-07``), evening and afternoon keep
      the part of day (``2000-01-07TEV``);
    - an offset in units below a year ("three days later") is the DURATION ``P3D`` written
      over "three days", without the direction word;
    - a generic "today" ("today's youth", valued ``PRESENT_REF`` by the tagger) is not
      annotated;
    - a hyphenated "year-end" is December 31 of its year (``1989-12-31``).
    """
    return [_timeml_convention(t) for t in timexes if not _generic_today(t)]


def _generic_today(timex: Timex) -> bool:
    # gold: "today's youth", "today's world", "today's personal computers": 0 of 4 tagged
    return timex.value == "PRESENT_REF" and timex.text.lower() == "today"


def _timeml_convention(timex: Timex) -> Timex:
    pod_value = _DAY_POD_VALUE.match(timex.value)
    if pod_value and _WEEKDAY_POD.search(timex.text):
        day, pod = pod_value.groups()
        value = day if pod in _POD_AS_DAY else timex.value
        return replace(timex, type="DATE", value=value)
    if _YEAR_END.match(timex.text) and _YEAR.match(timex.value):
        return replace(timex, value=f"{timex.value}-12-31", mod=None, precision="day")
    offset = _OFFSET.match(timex.text)
    if offset and timex.type in ("DATE", "TIME"):
        value = _offset_duration(offset.group("num"), offset.group("unit"))
        if value is not None:
            dur = offset.group("dur")
            return replace(
                timex,
                end=timex.start + len(dur),
                text=dur,
                type="DURATION",
                value=value,
                precision=None,
                earliest=None,
                latest=None,
                anchor=None,
                needs_dct=False,
                range_end=None,
            )
    return timex


def _offset_duration(num: str, unit: str) -> str | None:
    """``P3D`` for ("three", "day"), ``PXW`` for ("a few", "week"); None when ``num`` is
    not a count ("the day after")."""
    from timeline.timex.values import duration, number  # late: scoring stays light
    from timeline.timex.vocab import VAGUE_NUMBERS

    n = number(num)
    if n is None and " ".join(num.lower().split()) not in VAGUE_NUMBERS:
        return None
    return duration(n, unit)


def tag_directory(in_dir: str | Path, out_dir: str | Path, tagger: Tagger | None = None) -> int:
    """Tag every ``.tml`` file under ``in_dir`` into ``out_dir`` (same layout); returns count."""
    tagger = tagger or _default_tagger()
    out_root = Path(out_dir)
    nested = _nested_output(Path(in_dir), out_root)
    count = 0
    for rel, path in iter_timeml(in_dir):
        if nested is not None and nested in Path(os.path.realpath(path)).parents:
            continue  # an earlier run's output inside IN, not a document to tag again
        raw = _read(path)
        target = out_root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(tag_document(raw, tagger, name=str(path)), encoding="utf-8")
        count += 1
    return count


def _nested_output(in_dir: Path, out_dir: Path) -> Path | None:
    """The real path of ``out_dir`` when it lies strictly inside ``in_dir``, else None."""
    out_real, in_real = Path(os.path.realpath(out_dir)), Path(os.path.realpath(in_dir))
    return out_real if in_real in out_real.parents else None


def _default_tagger() -> Tagger:
    from timeline.timex import tag  # late: the tagger imports more than scoring needs

    return tag


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read TimeML file: {exc}") from exc


def _tagger_view(doc: TimeMLDocument) -> tuple[str, list[int]]:
    """The text with a newline where a sentence ends without whitespace; insertion points."""
    text = doc.text
    points = sorted(
        {
            pos
            for e in doc.elements
            if e.name in _BLOCK_TAGS
            for pos in (e.start, e.end)
            if 0 < pos < len(text) and not text[pos - 1].isspace() and not text[pos].isspace()
        }
    )
    if not points:
        return text, []
    pieces, last = [], 0
    for pos in points:
        pieces.append(text[last:pos])
        pieces.append("\n")
        last = pos
    pieces.append(text[last:])
    # offsets of the inserted newlines in the tagger's view
    inserted = [pos + i for i, pos in enumerate(points)]
    return "".join(pieces), inserted


def _to_original(offset: int, inserted: list[int]) -> int:
    return offset - sum(1 for p in inserted if p < offset)


def _with_span(timex: Timex, start: int, end: int, text: str) -> Timex:
    # every other field carries over, including any the Timex gains later
    return replace(timex, start=start, end=end, text=text)


def _non_overlapping(timexes: list[Timex]) -> list[Timex]:
    """Inline XML cannot hold overlapping tags: keep the first of any overlapping pair."""
    result: list[Timex] = []
    for timex in sorted(timexes, key=lambda t: (t.start, -t.end)):
        if not result or timex.start >= result[-1].end:
            result.append(timex)
    return result


def _crosses(timex: Timex, elements: list[Element]) -> bool:
    """True when the timex would break the nesting of a kept element (e.g. span two <s>)."""
    return any(
        (e.start < timex.start < e.end < timex.end) or (timex.start < e.start < timex.end < e.end)
        for e in elements
        if not e.empty
    )


def _timex_tags(timexes: list[Timex], dct_tid: str | None) -> list[tuple[int, int, str]]:
    """``(start, end, start tag)`` for each timex, with fresh tids that avoid the DCT's."""
    new_tids: dict[str, str] = {}
    numbers = (n for n in range(1, 10**9) if f"t{n}" != dct_tid)
    fresh = [f"t{next(numbers)}" for _ in timexes]
    for timex, tid in zip(timexes, fresh, strict=True):
        if timex.tid:
            new_tids[timex.tid] = tid
    tags = []
    for timex, tid in zip(timexes, fresh, strict=True):
        attrs = {"tid": tid, "type": timex.type, "value": timex.value}
        attrs.update(
            {
                k: v
                for k, v in (("mod", timex.mod), ("quant", timex.quant), ("freq", timex.freq))
                if v
            }
        )
        anchor = dct_tid if timex.anchor == "dct" else new_tids.get(timex.anchor or "")
        if anchor:
            attrs["anchorTimeID"] = anchor
        written = " ".join(f'{k}="{escape(v, quote=True)}"' for k, v in attrs.items())
        tags.append((timex.start, timex.end, f"<TIMEX3 {written}>"))
    return tags


def _serialize(text: str, elements: list[Element], timex_tags: list[tuple[int, int, str]]) -> str:
    """Text with tags inserted; outer tags open first and close last at equal offsets."""
    # (offset, phase, tie-break, markup): phase 0 closes before phase 1 opens
    marks: list[tuple[int, int, tuple[int, int], str]] = []
    for rank, (start, end, start_tag, name) in _spans(elements, timex_tags):
        if start == end:
            marks.append(
                (start, 1, (0, rank), start_tag if name is None else start_tag + f"</{name}>")
            )
            continue
        marks.append((start, 1, (-end, rank), start_tag))
        marks.append((end, 0, (-start, -rank), f"</{name}>"))
    marks.sort(key=lambda m: (m[0], m[1], m[2]))
    out, last = [], 0
    for offset, _, _, markup in marks:
        out.append(escape(text[last:offset], quote=False))
        out.append(markup)
        last = offset
    out.append(escape(text[last:], quote=False))
    return "".join(out)


def _spans(
    elements: list[Element], timex_tags: list[tuple[int, int, str]]
) -> Iterable[tuple[int, tuple[int, int, str, str | None]]]:
    """Rank 0 for structural elements, 1 for timexes: a timex nests inside an element."""
    for e in elements:
        yield 0, (e.start, e.end, e.start_tag, None if e.empty else e.name)
    for start, end, tag in timex_tags:
        yield 1, (start, end, tag, "TIMEX3")


# --------------------------------------------------------------------------- scoring


@dataclass(slots=True)
class _Counts:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    type: int = 0

    def add(self, other: _Counts) -> None:
        for name in self.__slots__:
            setattr(self, name, getattr(self, name) + getattr(other, name))


def evaluate(gold_dir: str | Path, system_dir: str | Path) -> dict:
    """Score the system's TimeML against the gold TimeML, TempEval-3 Task A.

    Files are paired by their path relative to each directory. A gold file without a system
    file counts all its timexes as missed (and adds a warning). Returns ``documents``,
    ``gold``, ``system``, ``strict``/``relaxed`` (match, precision, recall, f1),
    ``value``/``type`` (correct, accuracy, f1), ``per_document``, ``errors``, ``warnings``.
    """
    system_root = Path(system_dir)
    if not system_root.is_dir():
        raise InputError(str(system_root), "not a directory")
    pairs: list[tuple[TimeMLDocument, TimeMLDocument | None]] = []
    warnings: list[str] = []
    for rel, path in iter_timeml(gold_dir):
        gold = read_timeml(path)
        gold.name = rel
        sys_path = system_root / rel
        if not sys_path.is_file():
            warnings.append(f"{rel}: no system file; its timexes count as missed")
            pairs.append((gold, None))
            continue
        pairs.append((gold, read_timeml(sys_path)))
    if not pairs:
        raise InputError(str(gold_dir), "no .tml files found")
    result = score_documents(pairs)
    result["warnings"] = warnings + result["warnings"]
    return result


def evaluate_tagger(
    gold_dir: str | Path, tagger: Tagger | None = None, limit: int | None = None
) -> dict:
    """Tag the gold documents in memory (through ``tag_document``) and score them."""
    tagger = tagger or _default_tagger()
    pairs = []
    for i, (rel, path) in enumerate(iter_timeml(gold_dir)):
        if limit is not None and i >= limit:
            break
        raw = _read(path)
        gold = parse_timeml(raw, name=rel)
        pairs.append((gold, parse_timeml(tag_document(raw, tagger, name=rel), name=rel)))
    return score_documents(pairs)


def score_documents(pairs: Iterable[tuple[TimeMLDocument, TimeMLDocument | None]]) -> dict:
    """Micro-averaged Task A scores of ``(gold, system)`` document pairs (system may be None)."""
    total = _Counts()
    per_document, errors, warnings = [], [], []
    for gold, system in pairs:
        if system is not None and system.text != gold.text:
            warnings.append(f"{gold.name}: system text differs from gold; offsets may not agree")
        counts, doc_errors = score_document(gold, system.timexes if system else [])
        total.add(counts)
        errors.extend(doc_errors)
        per_document.append({"document": gold.name, **_scores(counts)})
    return {
        "documents": len(per_document),
        **_scores(total),
        "per_document": per_document,
        "errors": errors,
        "warnings": warnings,
    }


def score_document(gold: TimeMLDocument, system: list[Timex]) -> tuple[_Counts, list[dict]]:
    """Counts for one document and its errors (missed, spurious, value, type, boundary)."""
    matches = _match(gold.timexes, system)
    counts = _Counts(gold=len(gold.timexes), system=len(system), relaxed=len(matches))
    errors = []
    for g, s in matches:
        counts.strict += (g.start, g.end) == (s.start, s.end)
        counts.value += g.value == s.value
        counts.type += g.type == s.type
        for kind, wrong in (
            ("wrong_value", g.value != s.value),
            ("wrong_type", g.type != s.type),
            ("boundary", (g.start, g.end) != (s.start, s.end)),
        ):
            if wrong:
                errors.append(_error(kind, gold, g, s))
    matched_gold = {id(g) for g, _ in matches}
    matched_sys = {id(s) for _, s in matches}
    errors += [_error("missed", gold, g, None) for g in gold.timexes if id(g) not in matched_gold]
    errors += [_error("spurious", gold, None, s) for s in system if id(s) not in matched_sys]
    errors.sort(key=lambda e: e["start"])
    return counts, errors


def _match(gold: list[Timex], system: list[Timex]) -> list[tuple[Timex, Timex]]:
    """One-to-one pairs of overlapping spans: identical spans first, then largest overlap."""
    candidates = []
    for g in gold:
        for s in system:
            overlap = min(g.end, s.end) - max(g.start, s.start)
            if overlap > 0:
                exact = (g.start, g.end) == (s.start, s.end)
                candidates.append((not exact, -overlap, g.start, s.start, g, s))
    candidates.sort(key=lambda c: c[:4])
    used_gold, used_sys, pairs = set(), set(), []
    for *_, g, s in candidates:
        if id(g) not in used_gold and id(s) not in used_sys:
            used_gold.add(id(g))
            used_sys.add(id(s))
            pairs.append((g, s))
    return sorted(pairs, key=lambda p: p[0].start)


def _error(kind: str, doc: TimeMLDocument, g: Timex | None, s: Timex | None) -> dict:
    where = g or s
    assert where is not None
    return {
        "document": doc.name,
        "error": kind,
        "start": where.start,
        "end": where.end,
        "gold_text": g.text if g else "",
        "gold_type": g.type if g else "",
        "gold_value": g.value if g else "",
        "system_text": s.text if s else "",
        "system_type": s.type if s else "",
        "system_value": s.value if s else "",
        "dct": doc.dct or "",
        "context": _context(doc.text, where.start, where.end),
    }


def _context(text: str, start: int, end: int) -> str:
    before = text[max(0, start - _CONTEXT) : start]
    after = text[end : end + _CONTEXT]
    return " ".join(f"{before}[{text[start:end]}]{after}".split())


def _scores(c: _Counts) -> dict:
    relaxed_f1 = _f1(c.relaxed, c.gold, c.system)
    value_acc = c.value / c.relaxed if c.relaxed else 0.0
    type_acc = c.type / c.relaxed if c.relaxed else 0.0
    return {
        "gold": c.gold,
        "system": c.system,
        "strict": _prf(c.strict, c.gold, c.system),
        "relaxed": _prf(c.relaxed, c.gold, c.system),
        "value": {"correct": c.value, "accuracy": value_acc, "f1": value_acc * relaxed_f1},
        "type": {"correct": c.type, "accuracy": type_acc, "f1": type_acc * relaxed_f1},
    }


def _prf(match: int, gold: int, system: int) -> dict:
    precision = match / system if system else 0.0
    recall = match / gold if gold else 0.0
    return {
        "match": match,
        "precision": precision,
        "recall": recall,
        "f1": _f1(match, gold, system),
    }


def _f1(match: int, gold: int, system: int) -> float:
    return 2 * match / (gold + system) if gold + system else 0.0


ERROR_FIELDS = (
    "document",
    "error",
    "start",
    "end",
    "gold_text",
    "gold_type",
    "gold_value",
    "system_text",
    "system_type",
    "system_value",
    "dct",
    "context",
)


def write_errors(result: dict, path: str | Path) -> Path:
    """Write ``result["errors"]`` as CSV (one row per error, ``ERROR_FIELDS`` columns)."""
    path = Path(path)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=ERROR_FIELDS)
        writer.writeheader()
        writer.writerows(result["errors"])
    return path


def format_scores(result: dict) -> str:
    """A plain-text table of the Task A figures (percentages, like the TempEval-3 papers)."""
    rows = [
        (
            "strict",
            result["strict"]["precision"],
            result["strict"]["recall"],
            result["strict"]["f1"],
            None,
        ),
        (
            "relaxed",
            result["relaxed"]["precision"],
            result["relaxed"]["recall"],
            result["relaxed"]["f1"],
            None,
        ),
        ("value", None, None, result["value"]["f1"], result["value"]["accuracy"]),
        ("type", None, None, result["type"]["f1"], result["type"]["accuracy"]),
    ]
    lines = [
        f"documents {result['documents']}, gold timexes {result['gold']}, "
        f"system timexes {result['system']}, relaxed matches {result['relaxed']['match']}",
        f"{'':8} {'P':>6} {'R':>6} {'F1':>6} {'acc':>6}",
    ]
    for name, p, r, f, acc in rows:
        lines.append(f"{name:8} {_pct(p)} {_pct(r)} {_pct(f)} {_pct(acc)}")
    counts: dict[str, int] = {}
    for error in result["errors"]:
        counts[error["error"]] = counts.get(error["error"], 0) + 1
    if counts:
        lines.append("errors: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    lines += [f"warning: {w}" for w in result.get("warnings", [])]
    return "\n".join(lines)


def _pct(x: float | None) -> str:
    return f"{'':>6}" if x is None else f"{100 * x:6.2f}"
