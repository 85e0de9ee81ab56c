"""``read_articles``: files in, ``Article`` objects out. The only module that reads files.

Formats: .txt, .md/.markdown, .html/.htm, .json, .jsonl/.ndjson (see ``read_articles``).
Every input either yields Articles or is accounted for in the ``Report``: nothing is
dropped silently. The kinds of bad input handled are listed in docs/BAD_INPUT.md.
"""

from __future__ import annotations

import codecs
import errno
import io
import itertools
import json
import os
import re
import stat
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import IO, Any

from timeline.dates import parse_date, parse_date_arg
from timeline.errors import InputError
from timeline.model import Article, Report
from timeline.names import display_name, has_undecodable_bytes, printable

# Largest single article file (and single JSON lines record) read into memory. Bigger
# files are reported, not read: split them, or send them as JSON lines (streamed).
MAX_ARTICLE_BYTES = 50 * 1024 * 1024

FORMATS = {
    ".txt": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
SIDECAR_SUFFIX = ".meta.json"
TEXT_FIELDS = ("text", "body", "content")
TITLE_FIELDS = ("title", "headline")
DATE_FIELDS = ("published", "date", "published_at", "publication_date", "pubdate")
URL_FIELDS = ("url", "link")

PathArg = str | os.PathLike
PathsArg = PathArg | Iterable[PathArg]


class InputWarning(UserWarning):
    """Issued once, at the end, when inputs were skipped and nobody passed a ``report``."""


class _Skip(Exception):
    """Internal: this input (or record) cannot be read; carries the one-line reason."""

    def __init__(self, reason: str, line: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.line = line


class _Sink:
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


class _OncePerFile(_Sink):
    """Repeated warnings of one file (a cp1252 dump: one per line) become one, counted."""

    def __init__(self, sink: _Sink, source: str) -> None:
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


class ArticleStream(Iterator[Article]):
    """The lazy iterator ``read_articles`` returns; ``.report`` holds every problem seen."""

    def __init__(self, articles: Iterator[Article], report: Report, owned: bool) -> None:
        self._articles = articles
        self.report = report
        self._owned = owned  # True when nobody else will look at the report
        self._done = False

    def __iter__(self) -> ArticleStream:
        return self

    def __next__(self) -> Article:
        try:
            return next(self._articles)
        except StopIteration:
            self._finish()
            raise

    def hand_over(self) -> Report:
        """The stream's report, for a caller that will show it (``extract`` does): the
        stream then issues no ``InputWarning`` of its own."""
        self._owned = False
        return self.report

    def _finish(self) -> None:
        # Nobody passed a report: say once that inputs were skipped rather than lose them.
        if self._done or not self._owned or not self.report.skipped:
            self._done = True
            return
        self._done = True
        first = self.report.skipped[0]
        warnings.warn(
            f"{len(self.report.skipped)} input(s) skipped, first {first.id}: {first.reason} "
            "(pass report=timeline.Report() to see them all, or strict=True to stop)",
            InputWarning,
            stacklevel=3,
        )


def read_articles(
    paths: PathsArg,
    *,
    published: date | datetime | str | None = None,
    report: Report | None = None,
    strict: bool = False,
) -> ArticleStream:
    """Read news articles from files and directories, lazily, one ``Article`` at a time.

    ``paths`` is a path, a directory or a list of them. Directories are walked recursively
    in sorted path order for .txt .md .markdown .html .htm .json .jsonl .ndjson files;
    hidden entries and other file types found there are counted in one warning per
    directory (``NAME.meta.json`` sidecars are metadata, not articles). A file named
    explicitly with another extension is skipped with a reason. A path given twice is read
    once. JSON lines are streamed (one line in memory at a time, ``Article.line`` is the
    line); other files over ``MAX_ARTICLE_BYTES`` (50 MB) are skipped, not read.

    Metadata: front matter (``published``/``date``, ``source``, ``url``, ``title`` between
    ``---`` lines at the top of .txt/.md), HTML ``<meta>``/``<time>``/``<link>``, JSON
    fields, and a sidecar ``NAME.meta.json`` next to ``NAME.txt`` (it wins over the file).
    ``published`` (a date or an ISO string; ``DateError`` if unreadable) fills in articles
    that carry no date of their own.

    Problems: every input that cannot be read is recorded with ``report.skip(source,
    reason, line)``; problems that do not stop an article loading (an unreadable date, a
    guessed encoding) with ``report.warn``. With ``strict=True`` the first skip raises
    ``InputError`` instead. With ``report=None`` the stream keeps its own report
    (``stream.report``) and, if anything was skipped, issues one ``InputWarning`` when it is
    exhausted, so problems are never lost silently. ``timeline.extract`` passes its report.
    """
    default = parse_date_arg(published)
    owned = report is None
    report = Report() if report is None else report
    sink = _Sink(report, strict)
    return ArticleStream(_read_all(paths, default, sink), report, owned)


# --- walking paths -----------------------------------------------------------------------


def _read_all(paths: PathsArg, default: date | None, sink: _Sink) -> Iterator[Article]:
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
        path = Path(item)
        if path.is_dir():
            yield from _read_dir(path, default, sink, seen)
        else:
            yield from _read_named(path, default, sink, seen)


def _read_named(path: Path, default: date | None, sink: _Sink, seen: set[str]) -> Iterator[Article]:
    """A path the user named: anything wrong with it is a skip, with the reason."""
    source = display_name(path)
    if not os.path.lexists(path):
        sink.skip(source, "no such file or directory")
        return
    kind = FORMATS.get(path.suffix.lower())
    if kind is None:
        sink.skip(source, f"unsupported file type {path.suffix or '(none)'!r}; {_SUPPORTED}")
        return
    if _first_time(path, seen):
        yield from _read_file(path, kind, default, sink)


def _read_dir(root: Path, default: date | None, sink: _Sink, seen: set[str]) -> Iterator[Article]:
    found = 0
    ignored: list[str] = []
    for path in _walk(root, ignored):
        if isinstance(path, _Unreadable):
            sink.skip(display_name(path.path), f"directory not readable: {path.reason}")
            found += path.path == root  # reported already: not also "no article files"
            continue
        found += 1
        if _first_time(path, seen):
            yield from _read_file(path, FORMATS[path.suffix.lower()], default, sink)
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
        yield _Unreadable(root, _os_reason(e))
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
        elif path.suffix.lower() in FORMATS:
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


# --- one file -----------------------------------------------------------------------------


def _read_file(path: Path, kind: str, default: date | None, sink: _Sink) -> Iterator[Article]:
    """All articles of one file; a problem with the file as a whole becomes one skip."""
    source = display_name(path)
    if has_undecodable_bytes(path):
        sink.warn(source, "file name is not valid UTF-8; shown with \\x escapes for its bytes")
    try:
        if kind == "jsonl":
            yield from _read_jsonl(path, default, sink)
            return
        data = _read_bytes(path)
        sidecar = _sidecar(path, sink)
        if kind == "json":
            for article in _read_json(data, source, sink):
                yield _finish(article, sidecar, default)
            return
        if kind == "html":
            article = _parse_html(_decode_html(data, source, sink), source, sink)
        elif kind == "md":
            article = _parse_markdown(_decode_text(data, source, sink), source, sink)
        else:
            article = _parse_txt(_decode_text(data, source, sink), source, sink)
        yield _finish(article, sidecar, default)
    except _Skip as skip:
        sink.skip(source, skip.reason, skip.line)


def _read_bytes(path: Path) -> bytes:
    st = _stat(path)
    if st.st_size > MAX_ARTICLE_BYTES:
        raise _Skip(_too_big(st.st_size, "one article"))
    with _open(path) as f:
        data = f.read(MAX_ARTICLE_BYTES + 1)  # the size may have changed since stat
    if len(data) > MAX_ARTICLE_BYTES:
        raise _Skip(_too_big(len(data), "one article"))
    return data


def _stat(path: Path) -> os.stat_result:
    try:
        st = path.stat()
    except OSError as e:
        raise _Skip(_link_reason(path) or _os_reason(e)) from None
    if not stat.S_ISREG(st.st_mode):
        raise _Skip("not a regular file (a device, pipe or socket); give a file")
    return st


def _open(path: Path) -> IO[bytes]:
    try:
        return open(path, "rb")  # noqa: SIM115 - closed by the caller's with
    except OSError as e:
        raise _Skip(_os_reason(e)) from None


def _link_reason(path: Path) -> str | None:
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


def _os_reason(e: OSError) -> str:
    if isinstance(e, PermissionError):
        return "permission denied; check the file's permissions"
    if isinstance(e, FileNotFoundError):
        return "no such file or directory"
    return f"cannot read the file: {e.strerror or e}"


def _too_big(size: int, what: str) -> str:
    mb = MAX_ARTICLE_BYTES // (1024 * 1024)
    return (
        f"{size / 1024 / 1024:.1f} MB is over the {mb} MB limit for {what}; split it, "
        "or give many articles as JSON lines (.jsonl, read as a stream)"
    )


def _finish(article: Article, sidecar: dict[str, Any], default: date | None) -> Article:
    _apply_meta(article, sidecar)
    if article.published is None:
        article.published = default
    return article


# --- metadata -----------------------------------------------------------------------------


def _sidecar(path: Path, sink: _Sink) -> dict[str, Any]:
    """``NAME.meta.json`` next to ``NAME.ext``, checked; problems are warnings."""
    meta_path = path.with_name(path.stem + SIDECAR_SUFFIX)
    if meta_path == path or not meta_path.is_file():
        return {}
    source = display_name(meta_path)
    try:
        value = _load_json(_decode_text(_read_bytes(meta_path), source, sink), None, source, sink)
    except _Skip as skip:
        sink.warn(source, f"sidecar ignored: {skip.reason}")
        return {}
    if not isinstance(value, dict):
        sink.warn(source, "sidecar ignored: expected a JSON object of metadata")
        return {}
    return _meta_from_mapping(value, source, None, sink)


def _meta_from_mapping(
    raw: dict[str, Any], source: str, line: int | None, sink: _Sink
) -> dict[str, Any]:
    """Checked metadata (title, published, url, source) from front matter or JSON."""
    meta: dict[str, Any] = {}
    fields = {k.lower() if isinstance(k, str) else k: v for k, v in raw.items()}
    title = _first_str(fields, TITLE_FIELDS, source, line, sink)
    if title is not None:
        meta["title"] = _clean(" ".join(title.split()))
    value = next((fields[k] for k in DATE_FIELDS if fields.get(k) not in (None, "")), None)
    if value is not None:
        parsed = parse_date(value) if isinstance(value, str) else None
        if parsed is None:
            sink.warn(
                source,
                f"publication date {str(value)[:60]!r} not understood; ignored (use YYYY-MM-DD)",
                line,
            )
        else:
            meta["published"] = parsed
    url = _first_str(fields, URL_FIELDS, source, line, sink)
    if url is not None and not _SURROGATE.search(url):  # surrogates: warned already
        if _URL.match(url.strip()):
            meta["url"] = url.strip()
        else:
            shown = printable(url[:60])
            sink.warn(source, f"url '{shown}' ignored: only http(s) URLs are kept", line)
    origin = _first_str(fields, ("source",), source, line, sink)
    if origin is not None and origin.strip():
        # the outlet's name; Article.source stays the file, so reports name the input
        meta["outlet"] = _clean(" ".join(origin.split()))
    return meta


# No whitespace, controls or lone surrogates: a URL that any writer and browser accepts.
_URL = re.compile(r"https?://[^\s\x00-\x1f\x7f\ud800-\udfff]+$", re.IGNORECASE)


def _first_str(
    fields: dict[Any, Any], names: tuple[str, ...], source: str, line: int | None, sink: _Sink
) -> str | None:
    for name in names:
        value = fields.get(name)
        if value is None:
            continue
        if not isinstance(value, str):
            reason = f"field {name!r} is {_type_name(value)}, expected text; ignored"
            sink.warn(source, reason, line)
            continue
        if _SURROGATE.search(value):
            reason = f"field {name!r} holds a lone surrogate (not valid Unicode); "
            reason += "ignored" if name in URL_FIELDS else "replaced with U+FFFD"
            sink.warn(source, reason, line)
        return value
    return None


def _apply_meta(article: Article, meta: dict[str, Any]) -> None:
    for key, value in meta.items():
        setattr(article, key, value)


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)


MAX_FRONT_MATTER = 64 * 1024  # front matter is a few lines; past this it is not read
_FRONT_MATTER_OPEN = re.compile(r"\A---[ \t]*\n[A-Za-z_][\w -]{0,40}:")


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """``key: value`` lines between ``---`` lines at the very top, and the rest."""
    raw, body, _ = _split_front_matter(text)
    return raw, body


def _split_front_matter(text: str) -> tuple[dict[str, str], str, list[str]]:
    """Front matter, the rest, and the problems a reader should hear about."""
    if not text.startswith("---"):
        return {}, text, []
    match = _FRONT_MATTER.match(text[:MAX_FRONT_MATTER])
    if match is None:
        if _FRONT_MATTER_OPEN.match(text):
            kb = MAX_FRONT_MATTER // 1024
            return {}, text, [
                f"front matter not closed by a '---' line within its first {kb} KB; "
                "read as text, so its title and date are not used"
            ]
        return {}, text, []
    raw: dict[str, str] = {}
    twice: list[str] = []
    for line in match.group(1).split("\n"):
        key, sep, value = line.partition(":")
        if sep and key.strip() and not key.startswith((" ", "\t", "#")):
            key = key.strip().lower()
            if key in raw and key not in twice:
                twice.append(key)
            raw[key] = value.strip().strip("'\"")
    if not raw:  # a Markdown rule, not front matter
        return {}, text, []
    problems = []
    if twice:
        keys = ", ".join(repr(printable(k)) for k in twice[:5])
        problems.append(f"duplicate key {keys} in the front matter; the last value is used")
    return raw, text[match.end() :], problems


def _front_matter(text: str, source: str, sink: _Sink) -> tuple[dict[str, str], str]:
    raw, body, problems = _split_front_matter(text)
    for problem in problems:
        sink.warn(source, problem)
    return raw, body


# --- decoding -----------------------------------------------------------------------------

_BOMS = (
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


def _decode_text(data: bytes, source: str, sink: _Sink, line: int | None = None) -> str:
    """Bytes as text: BOMs, UTF-8, UTF-16 without BOM, else cp1252; binary is a skip.

    Newlines are normalised to ``\\n``. An empty or whitespace-only result is a skip.
    """
    text = _decode(data, source, sink, line)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise _Skip("empty file" if line is None else "empty record", line)
    return text


def _decode(data: bytes, source: str, sink: _Sink, line: int | None) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_with(data[len(bom) :], encoding, source, sink, line)
    if b"\x00" in data:
        encoding = _sniff_utf16(data)
        if encoding is not None:
            return _decode_with(data, encoding, source, sink, line)
        return _strip_nuls(data, source, sink, line)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _decode_legacy(data, source, sink, line)
    _check_text(text, line)
    return text


def _decode_with(data: bytes, encoding: str, source: str, sink: _Sink, line: int | None) -> str:
    text = data.decode(encoding, errors="replace")
    bad = text.count("\ufffd")
    if bad:
        sink.warn(source, f"{bad} bytes not valid {encoding} replaced with U+FFFD", line)
    _check_text(text, line)
    return text


def _sniff_utf16(data: bytes) -> str | None:
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


def _strip_nuls(data: bytes, source: str, sink: _Sink, line: int | None) -> str:
    """A text file with a few stray NULs is text; with many, it is binary."""
    nuls = data.count(0)
    if nuls > max(1, len(data) // 100):
        raise _Skip("binary file, not text (NUL bytes); give .txt, .md, .html or JSON", line)
    text = _decode(data.replace(b"\x00", b""), source, sink, line)
    sink.warn(source, f"{nuls} NUL byte(s) removed", line)
    return text


def _decode_legacy(data: bytes, source: str, sink: _Sink, line: int | None) -> str:
    """Not UTF-8: UTF-8 with a few broken bytes, or a single-byte legacy encoding."""
    good = len(_UTF8_MULTIBYTE.findall(data[: 1024 * 1024]))
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    if good >= bad:
        sink.warn(source, f"{bad} invalid UTF-8 byte sequence(s) replaced with U+FFFD", line)
        return text
    sink.warn(source, "not UTF-8; read as Windows-1252 (Latin-1); save as UTF-8 to be sure", line)
    return data.decode("cp1252", errors="timeline-latin1")


def _check_text(text: str, line: int | None) -> None:
    sample = text[: 64 * 1024]
    if sample and len(_CONTROL.findall(sample)) > max(0, len(sample) // 50):
        raise _Skip("binary file, not text (control characters); give a text file", line)


# --- .txt and .md -------------------------------------------------------------------------


def _parse_txt(text: str, source: str, sink: _Sink) -> Article:
    """Title on the first line, body after; optional front matter on top.

    The first line is the title when more text follows and it is followed by a blank line
    or does not end like a sentence (``.!?:,``); otherwise (one paragraph, one line) there
    is no title and all of it is text. Front matter with a ``title`` makes all of it text.
    """
    raw, body = _front_matter(text, source, sink)
    meta = _meta_from_mapping(raw, source, None, sink)
    body = body.strip()
    title = ""
    first, sep, rest = body.partition("\n")
    if "title" not in meta and sep and rest.strip() and len(first) <= 300:
        if rest.startswith("\n") or not first.rstrip().endswith((".", "!", "?", ":", ",")):
            title, body = " ".join(first.split()), rest.strip()
    if not body:
        raise _Skip("no text after the front matter and title")
    article = Article(text=body, source=source, title=title)
    _apply_meta(article, meta)
    return article


_MD_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_MD_RULE = re.compile(r"^\s{0,3}([-*_=])(\s*\1){2,}\s*$")
_MD_REFDEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+")
_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)(\s+#+)?\s*$")
_MD_QUOTE = re.compile(r"^\s{0,3}(>\s?)+")
_MD_BULLET = re.compile(r"^(\s*)[-*+]\s+")
# Quantifiers are bounded so that hostile lines ("[[[[...") cost linear time, not quadratic.
_MD_INLINE = (
    (re.compile(r"!\[([^\[\]\n]{0,300})\]\([^()\s]{0,500}\)"), r"\1"),  # image -> alt text
    (re.compile(r"\[([^\[\]\n]{1,300})\]\([^()\s]{0,500}( \"[^\"\n]{0,200}\")?\)"), r"\1"),  # link
    (re.compile(r"\[([^\[\]\n]{1,300})\]\[[^\[\]\n]{0,100}\]"), r"\1"),  # reference link
    (re.compile(r"<(https?://[^<>\s]{1,500})>"), r"\1"),  # autolink
    (re.compile(r"(`{1,3})([^`\n]{1,300}?)\1"), r"\2"),  # inline code
    (re.compile(r"(\*\*|__)(?=\S)([^\n]{1,300}?)(?<=\S)\1"), r"\2"),  # bold
    (re.compile(r"(?<![\w*])\*(?=[^\s*])([^\n*]{1,300}?)(?<=\S)\*(?![\w*])"), r"\1"),  # italic
    (re.compile(r"(?<![\w_])_(?=[^\s_])([^\n_]{1,300}?)(?<=\S)_(?![\w_])"), r"\1"),  # not a_b
    (re.compile(r"~~(?=\S)([^\n~]{1,300}?)(?<=\S)~~"), r"\1"),  # strikethrough
    (re.compile(r"</?[a-zA-Z][a-zA-Z0-9]{0,20}(\s[^<>\n]{0,300})?/?>"), ""),  # inline HTML
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])"), r"\1"),  # backslash escapes
)


def _parse_markdown(text: str, source: str, sink: _Sink) -> Article:
    """Front matter, a first ``# Title``, and the rest as prose with the syntax removed.

    ``Article.text`` is the stripped prose, so offsets the pipeline computes point into it.
    """
    raw, body = _front_matter(text, source, sink)
    meta = _meta_from_mapping(raw, source, None, sink)
    title, prose = _markdown_prose(_drop_hidden_html(body))
    prose = re.sub(r"\n{3,}", "\n\n", prose).strip()
    if not prose:
        raise _Skip("no text after the front matter and title")
    article = Article(text=prose, source=source, title=title)
    _apply_meta(article, meta)
    return article


_HIDDEN_OPEN = re.compile(r"<(script|style)\b[^<>]{0,1000}>|<!--", re.IGNORECASE)
_HIDDEN_CLOSE = {
    "script": re.compile(r"</script\s*>", re.IGNORECASE),
    "style": re.compile(r"</style\s*>", re.IGNORECASE),
    None: re.compile("-->"),
}


def _drop_hidden_html(text: str) -> str:
    """``<script>``/``<style>`` elements and ``<!-- comments -->`` in Markdown: code and
    notes a rendered page never shows, so never labels or sentences. An element never
    closed runs to the end, as in a browser. One forward scan: linear on any input."""
    if "<" not in text:
        return text
    kept, pos = [], 0
    while (opener := _HIDDEN_OPEN.search(text, pos)) is not None:
        kept.append(text[pos : opener.start()])
        tag = opener.group(1)
        closer = _HIDDEN_CLOSE[tag.lower() if tag else None].search(text, opener.end())
        if closer is None:
            pos = len(text)
            break
        kept.append(" ")
        pos = closer.end()
    kept.append(text[pos:])
    return "".join(kept)


def _markdown_prose(body: str) -> tuple[str, str]:
    title, lines, in_fence = "", [], False
    for line in body.split("\n"):
        if _MD_FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            lines.append(line)
            continue
        if _MD_RULE.match(line) or _MD_REFDEF.match(line):
            lines.append("")
            continue
        heading = _MD_HEADING.match(line)
        if heading:
            words = _md_inline(heading.group(2))
            if len(heading.group(1)) == 1 and not title and not "".join(lines).strip():
                title = " ".join(words.split())
                continue
            lines.extend(["", words, ""])
            continue
        line = _MD_BULLET.sub(r"\1", _MD_QUOTE.sub("", line))
        lines.append(_md_inline(line).rstrip())
    return title, "\n".join(lines)


def _md_inline(line: str) -> str:
    for pattern, repl in _MD_INLINE:
        line = pattern.sub(repl, line)
    return line


# --- .html --------------------------------------------------------------------------------

_DROP = {
    "script", "style", "nav", "noscript", "template", "svg", "math", "iframe", "object",
    "embed", "form", "button", "select", "textarea", "aside", "head",
}  # fmt: skip
# When the page has text only inside these, they are read after all (with a warning).
_DROP_ALWAYS = frozenset({"script", "style", "template", "head", "svg", "math", "object"})
_DROP_OUTSIDE_ARTICLE = {"header", "footer"}
_HEAD_TAGS = {"title", "meta", "link", "script", "style", "base", "noscript", "template"}
_BLOCK = {
    "p", "div", "section", "article", "main", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4",
    "h5", "h6", "blockquote", "pre", "table", "tr", "td", "th", "dd", "dt", "figcaption",
    "hr", "header", "footer", "address", "figure", "dl",
}  # fmt: skip
_VOID = {"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "source", "wbr"}
_DATE_META = (
    "article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
    "publish-date", "publish_date", "date", "dc.date", "dc.date.issued", "dcterms.created",
    "sailthru.date", "parsely-pub-date", "article.published",
)  # fmt: skip


class _HTMLArticle(HTMLParser):
    """Collects title, paragraphs, dates and URLs; scripts and navigation are dropped."""

    def __init__(self, drop: frozenset[str] | set[str] = _DROP) -> None:
        super().__init__(convert_charrefs=True)
        self.drop = drop
        self.title_tag: list[str] = []
        self.h1: list[str] = []
        self.meta: dict[str, str] = {}
        self.times: list[str] = []
        self.canonical = ""
        self.body: list[str] = []  # text outside any <article>
        self.article: list[str] = []  # text inside <article>
        self.ld_json: list[str] = []
        self._stack: list[tuple[str, bool]] = []  # open tags, and whether each drops text
        self._open: dict[str, int] = {}  # tag -> how many are open; O(1) "is it open?"
        self._drop = 0  # depth inside dropped elements
        self._in_article = 0
        self._in_title = False
        self._in_h1 = False
        self._h1_done = False
        self._ld = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        self._head_tag(tag, a)
        if tag in _VOID:
            if tag == "br":
                self._out("\n")
            return
        if self._open.get("head") and (tag == "body" or tag not in _HEAD_TAGS):
            self.handle_endtag("head")  # a forgotten </head>, as a browser reads it
        if tag == "script" and "ld+json" in a.get("type", ""):
            self._ld = True
        dropped = self._dropped(tag)
        self._drop += dropped
        self._stack.append((tag, dropped))
        self._open[tag] = self._open.get(tag, 0) + 1
        if tag == "article":
            self._in_article += 1
        if tag == "title":
            self._in_title = True
        if tag == "h1" and not self._h1_done and not self._drop:
            self._in_h1 = True
        if tag in _BLOCK:
            self._out("\n\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID or not self._open.get(tag):
            return  # stray end tags change nothing
        while self._stack:  # close what was left open inside, like a browser
            open_tag, dropped = self._stack.pop()
            self._open[open_tag] -= 1
            self._drop -= dropped
            self._close(open_tag)
            if open_tag == tag:
                break

    def _close(self, tag: str) -> None:
        if tag == "article" and self._in_article:
            self._in_article -= 1
        if tag == "title":
            self._in_title = False
        if tag == "h1" and self._in_h1:
            self._in_h1, self._h1_done = False, True
        if tag == "script":
            self._ld = False
        if tag in _BLOCK:
            self._out("\n\n")

    def _dropped(self, tag: str) -> bool:
        if tag in self.drop:
            return True
        return tag in _DROP_OUTSIDE_ARTICLE and not self._in_article and self.drop is _DROP

    def handle_data(self, data: str) -> None:
        if self._ld:
            self.ld_json.append(data)
        elif self._in_title:
            self.title_tag.append(data)
        elif self._drop:
            return
        elif self._in_h1:
            self.h1.append(data)
        else:
            self._out(data)

    def _out(self, text: str) -> None:
        if not self._drop and not self._in_h1:
            (self.article if self._in_article else self.body).append(text)

    def _head_tag(self, tag: str, a: dict[str, str]) -> None:
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key and a.get("content") and key not in self.meta:
                self.meta[key] = a["content"]
        elif tag == "link" and "canonical" in a.get("rel", "").lower().split():
            self.canonical = self.canonical or a.get("href", "")
        elif tag == "time" and a.get("datetime") and not self._drop:
            priority = "pubdate" in a or a.get("itemprop", "").lower() == "datepublished"
            self.times.insert(0, a["datetime"]) if priority else self.times.append(a["datetime"])


_HTML_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_\-:.]+)", re.I)


def _decode_html(data: bytes, source: str, sink: _Sink) -> str:
    """HTML bytes: a BOM first, then a declared ``<meta charset>``, then the usual guess."""
    declared = _HTML_CHARSET.search(data[:4096])
    if declared and not data.startswith(tuple(b for b, _ in _BOMS)):
        try:
            encoding = codecs.lookup(declared.group(1).decode("ascii")).name
            text = data.decode(encoding)
            _check_text(text, None)
            if text.strip():
                return text.replace("\r\n", "\n").replace("\r", "\n")
        except (LookupError, UnicodeDecodeError):
            pass  # wrong or unknown charset declared: guess instead
    return _decode_text(data, source, sink)


def _parse_html(text: str, source: str, sink: _Sink) -> Article:
    """Title from ``<h1>``/``og:title``/``<title>``, text from ``<article>`` or ``<body>``.

    Entities become characters: the text is data, escaped again only on output.
    """
    text = _defuse(text)
    parser, body = _html_text(text, _DROP)
    if not body:  # e.g. an <aside> never closed: read what a browser would show
        parser, body = _html_text(text, _DROP_ALWAYS)
        if body:
            sink.warn(source, "text found only in navigation, asides or forms; read from there")
    if not body:
        raise _Skip("no text found in the HTML (no <article> or <body> paragraphs)")
    title = _html_title(parser)
    article = Article(text=body, source=source, title=title)
    _apply_meta(article, _html_meta(parser, source, sink))
    return article


# html.parser rescans to the end of the input for every "<" whose tag never closes, which
# is quadratic on hostile pages ("<a <a <a ..."). Such a "<" is text anyway: escape it.
_UNCLOSED_TAG = re.compile(r"<(?!!--)(?=[^<>]*(?:<|\Z))")


def _defuse(html: str) -> str:
    html = _UNCLOSED_TAG.sub("&lt;", html)
    html = _escape_unclosed(html, "<!--", "-->")  # text, not one rescan per "<!--"
    return _escape_unclosed(html, "<![CDATA[", "]]>")


def _escape_unclosed(html: str, opener: str, closer: str) -> str:
    """Escape every ``opener`` after the last ``closer``: none of them can close."""
    last = html.rfind(closer)
    cut = last + len(closer) if last >= 0 else 0
    if opener not in html[cut:]:
        return html
    return html[:cut] + html[cut:].replace(opener, "&lt;" + opener[1:])


def _html_text(text: str, drop: frozenset[str] | set[str]) -> tuple[_HTMLArticle, str]:
    parser = _HTMLArticle(drop)
    parser.feed(text)
    parser.close()
    chunks = parser.article if "".join(parser.article).strip() else parser.body
    return parser, _paragraphs("".join(chunks))


def _paragraphs(text: str) -> str:
    parts = (" ".join(p.split()) for p in re.split(r"\n\s*\n", text))
    return "\n\n".join(p for p in parts if p)


def _html_title(parser: _HTMLArticle) -> str:
    for candidate in ("".join(parser.h1), parser.meta.get("og:title", ""),
                      "".join(parser.title_tag)):  # fmt: skip
        if candidate.strip():
            return " ".join(candidate.split())
    return ""


def _html_meta(parser: _HTMLArticle, source: str, sink: _Sink) -> dict[str, Any]:
    raw: dict[str, str] = {}
    dates = [parser.meta[k] for k in _DATE_META if parser.meta.get(k)]
    dates += parser.times + _ld_dates(parser.ld_json)
    parsed = next((d for d in dates if parse_date(d) is not None), None)
    if parsed is not None:
        raw["published"] = parsed
    elif dates:
        raw["published"] = dates[0]  # unreadable: _meta_from_mapping warns about it
    url = parser.canonical or parser.meta.get("og:url", "")
    if url:
        raw["url"] = url
    return _meta_from_mapping(raw, source, None, sink)


def _ld_dates(blocks: list[str]) -> list[str]:
    return re.findall(r'"datePublished"\s*:\s*"([^"]{1,80})"', "".join(blocks))


# --- .json and .jsonl ---------------------------------------------------------------------


def _read_json(data: bytes, source: str, sink: _Sink) -> Iterator[Article]:
    """A list of objects (each with its line), one object, or {"articles": [...]}."""
    text = _decode_text(data, source, sink)
    if text.lstrip().startswith("["):
        yield from _read_json_array(text, source, sink)
        return
    value = _load_json(text, None, source, sink)
    records = _json_records(value)
    if records is None:
        raise _Skip(f"expected a JSON object or a list of objects, got {_type_name(value)}")
    if not records:
        raise _Skip("no records: the JSON list is empty")
    for index, record in enumerate(records, 1):
        where = None if len(records) == 1 else index
        try:
            yield _article_from_record(record, source, None, sink, where)
        except _Skip as skip:
            sink.skip(source, skip.reason)


def _read_json_array(text: str, source: str, sink: _Sink) -> Iterator[Article]:
    """Records of a top-level list one by one: each Article gets the line it starts on,
    and the records before a syntax error still load."""
    count = 0
    decoder = _Decoder()
    for index, line, record in _json_array_items(text, decoder):
        count += 1
        decoder.report_duplicates(source, line, sink, f"record {index}: ")
        try:
            yield _article_from_record(record, source, line, sink, index)
        except _Skip as skip:
            sink.skip(source, skip.reason, line)
    if not count:
        raise _Skip("no records: the JSON list is empty")


_JSON_SPACE = re.compile(r"[ \t\n\r]*")


def _json_array_items(text: str, decoder: _Decoder) -> Iterator[tuple[int, int, Any]]:
    """(record number, line, value) of the JSON list ``text``; _Skip on bad syntax."""
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
            raise _Skip("JSON nested too deeply to read", line) from None
        except ValueError as e:
            reason = f"not valid JSON: {getattr(e, 'msg', e)}"
            raise _Skip(reason, getattr(e, "lineno", line)) from None
        yield index, line, value
        pos = _JSON_SPACE.match(text, pos).end()
        if text.startswith(",", pos):
            pos += 1
        elif text.startswith("]", pos):
            break
        else:
            where = line + text.count("\n", counted, pos)
            raise _Skip("not valid JSON: expected ',' or ']' after a record", where)
    if text[pos + 1 :].strip(" \t\n\r"):
        where = line + text.count("\n", counted, pos)
        raise _Skip("not valid JSON: extra data after the list", where)


class _Decoder(json.JSONDecoder):
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

    def report_duplicates(
        self, source: str, line: int | None, sink: _Sink, where: str = ""
    ) -> None:
        """One warning for the keys seen twice since the last call, then forget them."""
        if self.duplicates:
            keys = ", ".join(repr(printable(k)) for k in self.duplicates[:5])
            reason = f"{where}duplicate key {keys} in a JSON object; the last value is used"
            sink.warn(source, reason, line)
            self.duplicates = []


def _load_json(
    text: str, line: int | None, source: str, sink: _Sink, decoder: _Decoder | None = None
) -> Any:
    """Parsed JSON; a syntax error names its line (the record's line in JSON lines)."""
    decoder = decoder or _Decoder()  # a stream passes one for all its lines: faster
    decoder.duplicates = []  # none left over from a line that failed
    try:
        value = decoder.decode(text)
        decoder.report_duplicates(source, line, sink)
        return value
    except RecursionError:
        raise _Skip("JSON nested too deeply to read", line) from None
    except ValueError as e:  # JSONDecodeError, and ints too long to convert
        where = line if line is not None else getattr(e, "lineno", None)
        raise _Skip(f"not valid JSON: {getattr(e, 'msg', e)}", where) from None


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


def _read_jsonl(path: Path, default: date | None, sink: _Sink) -> Iterator[Article]:
    """One article per line, streamed: memory holds one line at a time."""
    source = display_name(path)
    _stat(path)
    sink = _OncePerFile(sink, source)
    with _open(path) as f:
        encoding = _jsonl_encoding(f.read(4096))
        f.seek(0)
        stream: Any = f
        if encoding is not None:
            stream = io.TextIOWrapper(f, encoding=encoding, errors="replace", newline="\n")
        records = 0
        decoder = _Decoder()
        for number, raw in _lines(stream):
            if number == 1 and isinstance(raw, bytes) and raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8) :]
            if raw is not _TOO_LONG and _blank(raw):
                continue  # blank lines separate nothing in JSON lines
            records += 1
            article = _jsonl_record(raw, source, number, sink, decoder)
            if article is not None:
                yield _finish(article, {}, default)
    sink.close()
    if not records:
        raise _Skip("empty file")


def _blank(line: str | bytes) -> bool:
    """JSON whitespace only (str.strip() would also eat controls like \\x1c)."""
    return not (line.strip(" \t\r\n") if isinstance(line, str) else line.strip(b" \t\r\n"))


def _jsonl_encoding(head: bytes) -> str | None:
    """None for UTF-8 (decoded line by line); a codec for UTF-16/32; binary is a skip."""
    for bom, encoding in _BOMS:
        if head.startswith(bom) and encoding != "utf-8":
            return encoding[:6]  # "utf-16"/"utf-32": the codec reads the BOM itself
    if b"\x00" in head:
        sniffed = _sniff_utf16(head)
        if sniffed is None:
            raise _Skip("binary file, not text (NUL bytes); give JSON lines as UTF-8 text")
        return sniffed
    return None


def _lines(stream: Any) -> Iterator[tuple[int, Any]]:
    """(line number, line), each line capped at MAX_ARTICLE_BYTES; too long -> _TOO_LONG."""
    number = 0
    while True:
        line = stream.readline(MAX_ARTICLE_BYTES + 1)
        if not line:
            return
        number += 1
        if len(line) > MAX_ARTICLE_BYTES:
            newline = "\n" if isinstance(line, str) else b"\n"
            while line and not line.endswith(newline):
                line = stream.readline(MAX_ARTICLE_BYTES)  # drain the rest of the line
            yield number, _TOO_LONG
            continue
        yield number, line


_TOO_LONG = object()


def _jsonl_record(
    raw: Any, source: str, number: int, sink: _Sink, decoder: _Decoder
) -> Article | None:
    if raw is _TOO_LONG:
        sink.skip(source, _too_big(MAX_ARTICLE_BYTES + 1, "one JSON line"), number)
        return None
    try:
        text = raw if isinstance(raw, str) else _decode_line(raw, source, sink, number)
        value = _load_json(text, number, source, sink, decoder)
        return _article_from_record(value, source, number, sink, None)
    except _Skip as skip:
        sink.skip(source, skip.reason, number)
        return None


def _decode_line(raw: bytes, source: str, sink: _Sink, number: int) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return _decode_legacy(raw, source, sink, number)


def _article_from_record(
    record: Any, source: str, line: int | None, sink: _Sink, index: int | None
) -> Article:
    where = f"record {index}: " if index is not None else ""
    if not isinstance(record, dict):
        raise _Skip(f"{where}expected a JSON object, got {_type_name(record)}", line)
    fields = {k.lower(): v for k, v in record.items() if isinstance(k, str)}
    text = _record_text(fields, where, line)
    if _SURROGATE.search(text):
        reason = "text holds lone surrogates (not valid Unicode); replaced with U+FFFD"
        sink.warn(source, where + reason, line)
        text = _clean(text)
    meta = _meta_from_mapping(fields, source, line, sink)
    article = Article(text=text, source=source, line=line, record=index)
    _apply_meta(article, meta)
    return article


def _record_text(fields: dict[str, Any], where: str, line: int | None) -> str:
    for name in TEXT_FIELDS:
        value = fields.get(name)
        if value is None:
            continue
        if isinstance(value, list) and all(isinstance(p, str) for p in value):
            value = "\n\n".join(value)  # a list of paragraphs
        if not isinstance(value, str):
            raise _Skip(f"{where}field {name!r} is {_type_name(value)}, expected text", line)
        text = value.replace("\x00", "").replace("\r\n", "\n").replace("\r", "\n").strip()
        if text:
            return text
    raise _Skip(f"{where}no text: expected a non-empty field {' / '.join(TEXT_FIELDS)}", line)


_UNWRITABLE = re.compile("[\ud800-\udfff\x00]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _clean(text: str) -> str:
    """JSON can carry lone surrogates and NULs; no UTF-8 file can hold the former."""
    return _UNWRITABLE.sub(lambda m: "" if m.group() == "\x00" else "\ufffd", text)


def _type_name(value: Any) -> str:
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
