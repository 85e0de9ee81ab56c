"""``.json`` and ``.jsonl``: records of articles, each with its line; JSON lines streamed."""

from __future__ import annotations

import codecs
import io
import itertools
import json
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from timeline.articles import files
from timeline.articles.encodings import BOMS, decode_legacy, decode_text, sniff_utf16
from timeline.articles.files import open_file, stat_file, too_big
from timeline.articles.metadata import (
    SURROGATE,
    TEXT_FIELDS,
    apply_meta,
    clean,
    finish,
    meta_from_mapping,
)
from timeline.articles.problems import OncePerFile, Sink, Skip, type_name
from timeline.model import Article
from timeline.names import display_name, printable


def read_json(data: bytes, source: str, sink: Sink) -> Iterator[Article]:
    """A list of objects (each with its line), one object, or {"articles": [...]}."""
    text = decode_text(data, source, sink)
    if text.lstrip().startswith("["):
        yield from _read_json_array(text, source, sink)
        return
    value = load_json(text, None, source, sink)
    records = _json_records(value)
    if records is None:
        raise Skip(f"expected a JSON object or a list of objects, got {type_name(value)}")
    if not records:
        raise Skip("no records: the JSON list is empty")
    for index, record in enumerate(records, 1):
        where = None if len(records) == 1 else index
        try:
            yield _article_from_record(record, source, None, sink, where)
        except Skip as skip:
            sink.skip(source, skip.reason)


def _read_json_array(text: str, source: str, sink: Sink) -> Iterator[Article]:
    """Records of a top-level list one by one: each Article gets the line it starts on,
    and the records before a syntax error still load."""
    count = 0
    decoder = Decoder()
    for index, line, record in _json_array_items(text, decoder):
        count += 1
        decoder.report_duplicates(source, line, sink, f"record {index}: ")
        try:
            yield _article_from_record(record, source, line, sink, index)
        except Skip as skip:
            sink.skip(source, skip.reason, line)
    if not count:
        raise Skip("no records: the JSON list is empty")


_JSON_SPACE = re.compile(r"[ \t\n\r]*")


def _json_array_items(text: str, decoder: Decoder) -> Iterator[tuple[int, int, Any]]:
    """(record number, line, value) of the JSON list ``text``; Skip on bad syntax."""
    pos = _JSON_SPACE.match(text).end() + 1  # past "["
    line, counted = 1, 0
    for index in itertools.count(1):
        pos = _JSON_SPACE.match(text, pos).end()
        if text.startswith("]", pos) and index == 1:
            break
        line, counted = line + text.count("\n", counted, pos), pos
        try:
            value, pos = decoder.raw_decode(text, pos)
        except RecursionError:
            raise Skip("JSON nested too deeply to read", line) from None
        except ValueError as e:
            reason = f"not valid JSON: {getattr(e, 'msg', e)}"
            raise Skip(reason, getattr(e, "lineno", line)) from None
        yield index, line, value
        pos = _JSON_SPACE.match(text, pos).end()
        if text.startswith(",", pos):
            pos += 1
        elif text.startswith("]", pos):
            break
        else:
            where = line + text.count("\n", counted, pos)
            raise Skip("not valid JSON: expected ',' or ']' after a record", where)
    if text[pos + 1 :].strip(" \t\n\r"):
        where = line + text.count("\n", counted, pos)
        raise Skip("not valid JSON: extra data after the list", where)


class Decoder(json.JSONDecoder):
    """json's decoder, noting keys given twice in one object (json keeps the last one)."""

    def __init__(self) -> None:
        super().__init__(object_pairs_hook=self._object)
        self.duplicates: list[str] = []

    def _object(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        obj = dict(pairs)
        if len(obj) < len(pairs):
            seen: set[str] = set()
            for key, _ in pairs:
                if key in seen and key not in self.duplicates:
                    self.duplicates.append(key)
                seen.add(key)
        return obj

    def report_duplicates(self, source: str, line: int | None, sink: Sink, where: str = "") -> None:
        """One warning for the keys seen twice since the last call, then forget them."""
        if self.duplicates:
            keys = ", ".join(repr(printable(k)) for k in self.duplicates[:5])
            reason = f"{where}duplicate key {keys} in a JSON object; the last value is used"
            sink.warn(source, reason, line)
            self.duplicates = []


def load_json(
    text: str, line: int | None, source: str, sink: Sink, decoder: Decoder | None = None
) -> Any:
    """Parsed JSON; a syntax error names its line (the record's line in JSON lines)."""
    decoder = decoder or Decoder()  # a stream passes one for all its lines: faster
    decoder.duplicates = []  # none left over from a line that failed
    try:
        value = decoder.decode(text)
        decoder.report_duplicates(source, line, sink)
        return value
    except RecursionError:
        raise Skip("JSON nested too deeply to read", line) from None
    except ValueError as e:  # JSONDecodeError, and ints too long to convert
        where = line if line is not None else getattr(e, "lineno", None)
        raise Skip(f"not valid JSON: {getattr(e, 'msg', e)}", where) from None


def _json_records(value: Any) -> list[Any] | None:
    if isinstance(value, list):
        return value
    if isinstance(value, dict):
        for key in ("articles", "items", "data", "records"):
            inner = value.get(key)
            if isinstance(inner, list) and not any(k in value for k in TEXT_FIELDS):
                return inner
        return [value]
    return None


def read_jsonl(path: Path, default: date | None, sink: Sink) -> Iterator[Article]:
    """One article per line, streamed: memory holds one line at a time."""
    source = display_name(path)
    stat_file(path)
    sink = OncePerFile(sink, source)
    with open_file(path) as f:
        encoding = _jsonl_encoding(f.read(4096))
        f.seek(0)
        stream: Any = f
        if encoding is not None:
            stream = io.TextIOWrapper(f, encoding=encoding, errors="replace", newline="\n")
        records = 0
        decoder = Decoder()
        for number, raw in _lines(stream):
            if number == 1 and isinstance(raw, bytes) and raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8) :]
            if raw is not _TOO_LONG and _blank(raw):
                continue  # blank lines separate nothing in JSON lines
            records += 1
            article = _jsonl_record(raw, source, number, sink, decoder)
            if article is not None:
                yield finish(article, {}, default)
    sink.close()
    if not records:
        raise Skip("empty file")


def _blank(line: str | bytes) -> bool:
    """JSON whitespace only (str.strip() would also eat controls like \\x1c)."""
    return not (line.strip(" \t\r\n") if isinstance(line, str) else line.strip(b" \t\r\n"))


def _jsonl_encoding(head: bytes) -> str | None:
    """None for UTF-8 (decoded line by line); a codec for UTF-16/32; binary is a skip."""
    for bom, encoding in BOMS:
        if head.startswith(bom) and encoding != "utf-8":
            return encoding[:6]  # "utf-16"/"utf-32": the codec reads the BOM itself
    if b"\x00" in head:
        sniffed = sniff_utf16(head)
        if sniffed is None:
            raise Skip("binary file, not text (NUL bytes); give JSON lines as UTF-8 text")
        return sniffed
    return None


def _lines(stream: Any) -> Iterator[tuple[int, Any]]:
    """(line number, line), each line capped at files.MAX_ARTICLE_BYTES; too long -> _TOO_LONG."""
    number = 0
    while True:
        line = stream.readline(files.MAX_ARTICLE_BYTES + 1)
        if not line:
            return
        number += 1
        if len(line) > files.MAX_ARTICLE_BYTES:
            newline = "\n" if isinstance(line, str) else b"\n"
            while line and not line.endswith(newline):
                line = stream.readline(files.MAX_ARTICLE_BYTES)  # drain the rest of the line
            yield number, _TOO_LONG
            continue
        yield number, line


_TOO_LONG = object()


def _jsonl_record(
    raw: Any, source: str, number: int, sink: Sink, decoder: Decoder
) -> Article | None:
    if raw is _TOO_LONG:
        sink.skip(source, too_big(files.MAX_ARTICLE_BYTES + 1, "one JSON line"), number)
        return None
    try:
        text = raw if isinstance(raw, str) else _decode_line(raw, source, sink, number)
        value = load_json(text, number, source, sink, decoder)
        return _article_from_record(value, source, number, sink, None)
    except Skip as skip:
        sink.skip(source, skip.reason, number)
        return None


def _decode_line(raw: bytes, source: str, sink: Sink, number: int) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return decode_legacy(raw, source, sink, number)


def _article_from_record(
    record: Any, source: str, line: int | None, sink: Sink, index: int | None
) -> Article:
    where = f"record {index}: " if index is not None else ""
    if not isinstance(record, dict):
        raise Skip(f"{where}expected a JSON object, got {type_name(record)}", line)
    fields = {k.lower(): v for k, v in record.items() if isinstance(k, str)}
    text = _record_text(fields, where, line)
    if SURROGATE.search(text):
        reason = "text holds lone surrogates (not valid Unicode); replaced with U+FFFD"
        sink.warn(source, where + reason, line)
        text = clean(text)
    meta = meta_from_mapping(fields, source, line, sink)
    article = Article(text=text, source=source, line=line, record=index)
    apply_meta(article, meta)
    return article


def _record_text(fields: dict[str, Any], where: str, line: int | None) -> str:
    for name in TEXT_FIELDS:
        value = fields.get(name)
        if value is None:
            continue
        if isinstance(value, list) and all(isinstance(p, str) for p in value):
            value = "\n\n".join(value)  # a list of paragraphs
        if not isinstance(value, str):
            raise Skip(f"{where}field {name!r} is {type_name(value)}, expected text", line)
        text = value.replace("\x00", "").replace("\r\n", "\n").replace("\r", "\n").strip()
        if text:
            return text
    raise Skip(f"{where}no text: expected a non-empty field {' / '.join(TEXT_FIELDS)}", line)
