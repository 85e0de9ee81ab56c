"""Writing TimeML: the tagger's TIMEX3s in place of the gold annotation, text unchanged.

The tagger is imported only when a document is tagged with the default tagger.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from html import escape
from pathlib import Path

from timeline.model import Timex
from timeline.timeml.conventions import timeml_conventions
from timeline.timeml.read import Element, TimeMLDocument, iter_timeml, parse_timeml, read_file
from timeline.timeml.score import score_documents

Tagger = Callable[..., list[Timex]]


# Annotation tags: removed from <TEXT> when the system writes its own timexes (EVENT and
# SIGNAL would cross system spans, and Task A scores timexes only).
_ANNOTATION_TAGS = frozenset({"TIMEX3", "EVENT", "SIGNAL"})


# Link tags after <TEXT> point at the removed EVENT/TIMEX3 ids, so they go too.
_LINK_TAGS = ("TLINK", "SLINK", "ALINK", "MAKEINSTANCE")


# Elements that end a sentence or block: the tagger sees a line break there (the SemEval
# documents write "<s>2008</s><s>The ..." with no space between sentences).
_BLOCK_TAGS = frozenset({"s", "p", "P", "HEADLINE", "TITLE"})


_LINKS = re.compile(
    r"[ \t]*<(" + "|".join(_LINK_TAGS) + r")\b[^>]*?(?:/>|>.*?</\1\s*>)[ \t]*\r?\n?", re.S
)


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
    tagger = tagger or default_tagger()
    view, inserted = tagger_view(doc)
    found = tagger(view, doc.dct_date)
    result = []
    for timex in found:
        start, end = _to_original(timex.start, inserted), _to_original(timex.end, inserted)
        if 0 <= start < end <= len(doc.text):
            result.append(_with_span(timex, start, end, doc.text[start:end]))
    return _non_overlapping(result)


def tag_directory(in_dir: str | Path, out_dir: str | Path, tagger: Tagger | None = None) -> int:
    """Tag every ``.tml`` file under ``in_dir`` into ``out_dir`` (same layout); returns count."""
    tagger = tagger or default_tagger()
    out_root = Path(out_dir)
    nested = _nested_output(Path(in_dir), out_root)
    count = 0
    for rel, path in iter_timeml(in_dir):
        if nested is not None and nested in Path(os.path.realpath(path)).parents:
            continue  # an earlier run's output inside IN, not a document to tag again
        raw = read_file(path)
        target = out_root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(tag_document(raw, tagger, name=str(path)), encoding="utf-8")
        count += 1
    return count


def _nested_output(in_dir: Path, out_dir: Path) -> Path | None:
    """The real path of ``out_dir`` when it lies strictly inside ``in_dir``, else None."""
    out_real, in_real = Path(os.path.realpath(out_dir)), Path(os.path.realpath(in_dir))
    return out_real if in_real in out_real.parents else None


def default_tagger() -> Tagger:
    from timeline.timex import tag  # late: the tagger imports more than scoring needs

    return tag


def tagger_view(doc: TimeMLDocument) -> tuple[str, list[int]]:
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


def evaluate_tagger(
    gold_dir: str | Path, tagger: Tagger | None = None, limit: int | None = None
) -> dict:
    """Tag the gold documents in memory (through ``tag_document``) and score them."""
    tagger = tagger or default_tagger()
    pairs = []
    for i, (rel, path) in enumerate(iter_timeml(gold_dir)):
        if limit is not None and i >= limit:
            break
        raw = read_file(path)
        gold = parse_timeml(raw, name=rel)
        pairs.append((gold, parse_timeml(tag_document(raw, tagger, name=rel), name=rel)))
    return score_documents(pairs)
