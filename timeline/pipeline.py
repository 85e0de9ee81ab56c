"""``extract``: articles in, the events DataFrame out.

Glue only: load (when given paths) -> tag -> build events -> merge -> frame. One article
is in memory at a time, and its events are merged as they come: what is kept is the merged
events (each with at most ``max_mentions`` mentions in full), so large inputs stream.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from datetime import date, datetime

import pandas as pd

from timeline.articles import article_problem, read_articles
from timeline.dates import parse_date_arg
from timeline.errors import InputError
from timeline.events import MAX_MENTIONS, EventMerger, build_events, why_no_events
from timeline.frame import to_frame
from timeline.model import Article, ArticleStatus, Event, Report, Timex
from timeline.names import printable
from timeline.timex import tag

ArticlesInput = Article | str | os.PathLike | Iterable[Article | str | os.PathLike]


def extract(
    articles: ArticlesInput,
    published: date | datetime | str | None = None,
    *,
    strict: bool = False,
    progress: bool = False,
    max_mentions: int | None = MAX_MENTIONS,
) -> pd.DataFrame:
    """Find the dated events of ``articles`` and return them as a DataFrame.

    ``articles`` may be Article objects, paths (files or directories) or a mix; paths are
    read with ``read_articles``. ``published`` is the publication date used for articles
    that carry none (it anchors "Wednesday", "last year"); without one, such dates stay
    unresolved and say so (``needs_dct``) rather than being dated from today.

    Every input is accounted for in ``df.attrs["report"]`` (a ``timeline.Report``): how many
    events each article gave, or why none, and every input that could not be read. With
    ``strict=True`` the first unreadable input raises ``InputError`` instead.

    Each event keeps its first ``max_mentions`` mentions in full (``None``: all of them);
    ``n_mentions``, ``sources`` and ``n_sources`` always count every mention, so memory
    stays bounded on big dumps that report one happening thousands of times.
    """
    default_published = parse_date_arg(published)
    report = _adopted_report(articles)
    merger = EventMerger(max_mentions)
    stream = _articles(articles, default_published, report, strict)
    for article in _with_progress(stream, progress):
        timexes = tag(article.text, dct=article.published)
        notes: list[str] = []  # what the events stage cut, for the report
        events = build_events(article, timexes, notes)
        status = _status(article, timexes, events)
        report.add(status)
        for note in notes:
            report.warn(status.source, note)
        merger.add(events)
    if strict and report.skipped:  # defensive: strict loaders raise before we get here
        first = report.skipped[0]
        raise InputError(first.source, first.reason, first.line)
    return to_frame(merger.events(), report)


def _adopted_report(articles: ArticlesInput) -> Report:
    """A stream from ``read_articles`` already keeps a report of what it skipped: adopt it,
    so those inputs are accounted for in the frame rather than in a warning."""
    hand_over = getattr(articles, "hand_over", None)
    return hand_over() if callable(hand_over) else Report()


def _articles(
    articles: ArticlesInput, published: date | None, report: Report, strict: bool
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
            yield from read_articles(item, published=published, report=report, strict=strict)
        else:
            reason = f"not an article or a path: {type(item).__name__}"
            if strict:
                raise InputError(repr(item)[:80], reason)
            report.skip(repr(item)[:80], reason)


def _status(article: Article, timexes: list[Timex], events: list[Event]) -> ArticleStatus:
    status = ArticleStatus(
        source=article.id if article.record is not None else article.source,
        status="ok",
        events=len(events),
        line=article.line if article.record is None else None,
        title=article.title,
    )
    if not events:
        status.status = "no_events"
        status.reason = why_no_events(article, timexes)
    return status


def _with_progress(stream: Iterable[Article], progress: bool) -> Iterable[Article]:
    if not progress:
        return stream
    from tqdm import tqdm

    return tqdm(stream, desc="articles", unit=" articles", file=sys.stderr, leave=False)
