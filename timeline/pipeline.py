"""``extract``: articles in, the events DataFrame out.

Glue only: load (when given paths) -> tag -> build events -> merge -> frame. Articles are
read one at a time and their events merged as they come: what is kept is the merged events
(each with at most ``max_mentions`` mentions in full), so large inputs stream. The
per-article stages (tag, build events) run in this process or, with ``jobs``, in worker
processes (``timeline.parallel``), a bounded number of chunks of articles out at a time;
the merge stays here and sees the articles in their order, so the events are the same.
"""

from __future__ import annotations

import os
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from typing import Any

import pandas as pd

from timeline.articles import Fetcher, article_problem, read_articles
from timeline.dates import parse_date_arg
from timeline.errors import InputError, TimelineError
from timeline.events import MAX_MENTIONS, EventMerger
from timeline.frame import to_frame
from timeline.model import Article, ArticleStatus, Report
from timeline.names import printable
from timeline.parallel import Analysed, analysed, check_jobs, fewer_collections

ArticlesInput = Article | str | os.PathLike | Iterable[Article | str | os.PathLike]


def extract(
    articles: ArticlesInput,
    published: date | datetime | str | None = None,
    *,
    strict: bool = False,
    progress: bool = False,
    max_mentions: int | None = MAX_MENTIONS,
    jobs: int | None = None,
    scheduler: Any = None,
    fetch: bool | Fetcher = False,
    language: str | None = None,
) -> pd.DataFrame:
    """Find the dated events of ``articles`` and return them as a DataFrame.

    ``articles`` may be Article objects, paths (files or directories) or a mix; paths are
    read with ``read_articles``. ``published`` is the publication date used for articles
    that carry none (it anchors "Wednesday", "last year"); without one, such dates stay
    unresolved and say so (``needs_dct``) rather than being dated from today.

    Every input is accounted for in ``df.timeline.report`` (a ``timeline.Report``): how many
    events each article gave, or why none, and every input that could not be read. With
    ``strict=True`` the first unreadable input raises ``InputError`` instead.

    Each event keeps its first ``max_mentions`` mentions in full (``None``: all of them);
    ``n_mentions``, ``sources`` and ``n_sources`` always count every mention, so memory
    stays bounded on big dumps that report one happening thousands of times.

    ``jobs`` is the number of processes that tag articles and build their events (None:
    one for a small input, every core once it is past a few hundred kB of text). The
    events are the same, in the same order, whatever ``jobs`` is.

    ``scheduler`` (an address ``"tcp://HOST:8786"`` or a ``distributed.Client``) runs those
    stages on a Dask cluster instead (``timeline.cluster``; needs the ``dask`` extra); the
    articles are read and the events merged here, the same events as one process.

    URLs among ``articles`` (or in a ``.txt`` list of URLs) are fetched only with
    ``fetch=True`` or a ``timeline.articles.Fetcher``; see ``read_articles``.

    ``language`` ("de", "es", ...) is the language of the articles that do not name theirs
    (front matter or a JSON field ``language``); without it each such article's language
    is detected from its text (``timeline.lang.detect``). The frame's ``language`` column
    says which language each event was read in.
    """
    default_published = parse_date_arg(published)
    default_language = _language_arg(language)
    jobs = check_jobs(jobs)
    report = _adopted_report(articles)
    merger = EventMerger(max_mentions)
    fetcher = fetch if isinstance(fetch, Fetcher) else Fetcher() if fetch else False
    articles_read = _articles(articles, default_published, report, strict, fetcher)
    if default_language:
        articles_read = _in_language(articles_read, default_language)
    stream = _with_progress(articles_read, progress)
    places = _ReportPlaces(report)
    with fewer_collections():
        for events, status, notes in _analysed(places.held(stream), jobs, scheduler):
            places.fill(status, notes)
            merger.add(events)
        if strict and report.skipped:  # defensive: strict loaders raise before we get here
            first = report.skipped[0]
            raise InputError(first.source, first.reason, first.line)
        return to_frame(merger.events(), report)


def _language_arg(language: str | None) -> str:
    """The code of ``extract(language=)`` ("" for None), or ``TimelineError``."""
    if language is None or language == "":
        return ""
    from timeline.lang import get_language

    try:
        return get_language(language).code
    except ValueError as error:
        raise TimelineError(str(error)) from None


def _in_language(articles: Iterable[Article], language: str) -> Iterator[Article]:
    """The articles, those that do not name their language given ``language``."""
    for article in articles:
        if not article.language:
            article.language = language
        yield article


def _adopted_report(articles: ArticlesInput) -> Report:
    """A stream from ``read_articles`` already keeps a report of what it skipped: adopt it,
    so those inputs are accounted for in the frame rather than in a warning."""
    hand_over = getattr(articles, "hand_over", None)
    return hand_over() if callable(hand_over) else Report()


def _articles(
    articles: ArticlesInput,
    published: date | None,
    report: Report,
    strict: bool,
    fetch: Fetcher | bool = False,
) -> Iterator[Article]:
    """Articles from objects and paths, in the order given, filling in the default date."""
    items = [articles] if isinstance(articles, (Article, str, os.PathLike)) else articles
    for item in items:
        if isinstance(item, Article):
            problem = article_problem(item)
            if problem is not None:
                if strict:
                    raise InputError(printable(str(item.source)), problem)
                report.skip(printable(str(item.source)), problem)
                continue
            if item.published is None and published is not None:
                item.published = published
            yield item
        elif isinstance(item, (str, os.PathLike)):
            yield from read_articles(
                item, published=published, report=report, strict=strict, fetch=fetch
            )
        else:
            reason = f"not an article or a path: {type(item).__name__}"
            if strict:
                raise InputError(repr(item)[:80], reason)
            report.skip(repr(item)[:80], reason)


def _analysed(articles: Iterable[Article], jobs: int | None, scheduler: Any) -> Iterator[Analysed]:
    if scheduler is None:
        return analysed(articles, jobs)
    if jobs is not None:
        raise TimelineError("give jobs= (processes here) or scheduler= (a Dask cluster), not both")
    from timeline.cluster import analysed_on_cluster

    return analysed_on_cluster(articles, scheduler)


class _ReportPlaces:
    """Each article's line in the report (and its notes among the warnings) is placed
    where it was read, so the report is in reading order however far reading runs ahead
    of the worker processes: the same report as one process gives."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self.waiting: deque[tuple[int, int]] = deque()  # (line, warnings then), read order
        self.notes_added = 0

    def held(self, articles: Iterable[Article]) -> Iterator[Article]:
        for article in articles:
            self.waiting.append((len(self.report.articles), len(self.report.warnings)))
            self.report.add(ArticleStatus(source=article.source, status="pending"))
            yield article

    def fill(self, status: ArticleStatus, notes: list[str]) -> None:
        line, warnings = self.waiting.popleft()
        self.report.articles[line] = status
        for note in notes:
            note_line = ArticleStatus(source=status.source, status="warning", reason=note)
            self.report.warnings.insert(warnings + self.notes_added, note_line)
            self.notes_added += 1


def _with_progress(stream: Iterable[Article], progress: bool) -> Iterable[Article]:
    if not progress:
        return stream
    from tqdm import tqdm

    return tqdm(stream, desc="articles", unit=" articles", file=sys.stderr, leave=False)
