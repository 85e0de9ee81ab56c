"""Bytes to text: BOMs, UTF-8, UTF-16 without BOM, a declared HTML charset, else
Windows-1252; binary is a skip. Every guess is a warning."""

from __future__ import annotations

import codecs
import re

from timeline.articles.problems import Sink, Skip

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def _latin1_fallback(err: UnicodeError) -> tuple[str, int]:
    # The 5 bytes cp1252 leaves undefined map to the same code points as in latin-1.
    assert isinstance(err, UnicodeDecodeError)
    return err.object[err.start : err.end].decode("latin-1"), err.end


codecs.register_error("timeline-latin1", _latin1_fallback)


def decode_text(data: bytes, source: str, sink: Sink, line: int | None = None) -> str:
    """Bytes as text: BOMs, UTF-8, UTF-16 without BOM, else cp1252; binary is a skip.

    Newlines are normalised to ``\\n``. An empty or whitespace-only result is a skip.
    """
    text = _decode(data, source, sink, line)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise Skip("empty file" if line is None else "empty record", line)
    return text


def _decode(data: bytes, source: str, sink: Sink, line: int | None) -> str:
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return _decode_with(data[len(bom) :], encoding, source, sink, line)
    if b"\x00" in data:
        encoding = sniff_utf16(data)
        if encoding is not None:
            return _decode_with(data, encoding, source, sink, line)
        return _strip_nuls(data, source, sink, line)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = decode_legacy(data, source, sink, line)
    check_text(text, line)
    return text


def _decode_with(data: bytes, encoding: str, source: str, sink: Sink, line: int | None) -> str:
    text = data.decode(encoding, errors="replace")
    bad = text.count("\ufffd")
    if bad:
        sink.warn(source, f"{bad} bytes not valid {encoding} replaced with U+FFFD", line)
    check_text(text, line)
    return text


def sniff_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: mostly-ASCII text has a NUL in every other byte."""
    sample = data[: 64 * 1024]
    half = len(sample) // 2
    if half < 2:
        return None
    even = sample[0::2].count(0) / half
    odd = sample[1::2].count(0) / half
    if odd > 0.3 and even < 0.05:
        return "utf-16-le"
    if even > 0.3 and odd < 0.05:
        return "utf-16-be"
    return None


def _strip_nuls(data: bytes, source: str, sink: Sink, line: int | None) -> str:
    """A text file with a few stray NULs is text; with many, it is binary."""
    nuls = data.count(0)
    if nuls > max(1, len(data) // 100):
        raise Skip("binary file, not text (NUL bytes); give .txt, .md, .html or JSON", line)
    text = _decode(data.replace(b"\x00", b""), source, sink, line)
    sink.warn(source, f"{nuls} NUL byte(s) removed", line)
    return text


def decode_legacy(data: bytes, source: str, sink: Sink, line: int | None) -> str:
    """Not UTF-8: UTF-8 with a few broken bytes, or a single-byte legacy encoding."""
    good = len(_UTF8_MULTIBYTE.findall(data[: 1024 * 1024]))
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    if good >= bad:
        sink.warn(source, f"{bad} invalid UTF-8 byte sequence(s) replaced with U+FFFD", line)
        return text
    sink.warn(source, "not UTF-8; read as Windows-1252 (Latin-1); save as UTF-8 to be sure", line)
    return data.decode("cp1252", errors="timeline-latin1")


def check_text(text: str, line: int | None) -> None:
    sample = text[: 64 * 1024]
    if sample and len(_CONTROL.findall(sample)) > max(0, len(sample) // 50):
        raise Skip("binary file, not text (control characters); give a text file", line)


_HTML_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_\-:.]+)", re.I)


def decode_html(data: bytes, source: str, sink: Sink) -> str:
    """HTML bytes: a BOM first, then a declared ``<meta charset>``, then the usual guess."""
    declared = _HTML_CHARSET.search(data[:4096])
    if declared and not data.startswith(tuple(b for b, _ in BOMS)):
        try:
            encoding = codecs.lookup(declared.group(1).decode("ascii")).name
            text = data.decode(encoding)
            check_text(text, None)
            if text.strip():
                return text.replace("\r\n", "\n").replace("\r", "\n")
        except (LookupError, UnicodeDecodeError):
            pass  # wrong or unknown charset declared: guess instead
    return decode_text(data, source, sink)
