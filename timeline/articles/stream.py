"""``read_articles`` and the lazy stream it returns."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from datetime import date, datetime

from timeline.articles.fetch import Fetcher
from timeline.articles.paths import PathsArg, read_paths
from timeline.articles.problems import InputWarning, Sink
from timeline.dates import parse_date_arg
from timeline.model import Article, Report


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
    fetch: bool | Fetcher = False,
) -> ArticleStream:
    """Read news articles from files and directories, lazily, one ``Article`` at a time.

    ``paths`` is a path, a directory or a list of them. Directories are walked recursively
    in sorted path order for .txt .md .markdown .html .htm .json .jsonl .ndjson files,
    feeds (.rss .atom .xml) and web archives (.warc .warc.gz);
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

    URLs (``https://...`` given as a path, or a ``.txt`` holding only URLs, one a line) are
    fetched only with ``fetch=True`` (or a ``Fetcher`` with its own cache, timeout, size
    cap); without it each is one skip, and nothing goes to the network.
    """
    default = parse_date_arg(published)
    owned = report is None
    report = Report() if report is None else report
    sink = Sink(report, strict)
    fetcher = fetch if isinstance(fetch, Fetcher) else Fetcher() if fetch else None
    return ArticleStream(read_paths(paths, default, sink, fetcher), report, owned)
