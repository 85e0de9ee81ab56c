"""The per-article stages (tag, build events) on every core, in order, memory bounded.

``extract`` reads articles and merges their events in its own process; what lies between,
``analyse`` (tag + ``build_events`` + the article's report line), runs here, in the parent
(one job) or in worker processes. Articles go out in chunks; at most ``IN_FLIGHT`` chunks
per worker are out at a time and results are taken back in the order the articles came,
so the merge sees exactly the sequence one process would: the same events, in the same
order, whatever the number of jobs.

The same ordered window drives a Dask cluster (``timeline.cluster``): anything with
``submit(fn, chunk) -> future`` and ``future.result()`` will do.

A chunk's results come back packed (``pack``): one pickle in which a date, a mention, an
event and a report line are each the tuple of their fields, a quarter smaller than the
default pickle of these dataclasses and about twice as fast to read back in this process,
which also merges.
"""

from __future__ import annotations

import copyreg
import dataclasses
import gc
import io
import multiprocessing
import os
import pickle
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from typing import Any, Protocol

from timeline.errors import TimelineError
from timeline.events import build_events, why_no_events
from timeline.model import Article, ArticleStatus, Event, Mention, Timex
from timeline.timex import tag

Analysed = tuple[list[Event], ArticleStatus, list[str]]  # events, report line, notes

CHUNK_CHARS = 100_000  # text per chunk sent to a worker: big enough to amortize pickling
CHUNK_ARTICLES = 200  # and a cap for many tiny articles
IN_FLIGHT = 2  # chunks per worker out at a time: one working, one queued
AUTO_SERIAL_CHARS = 300_000  # jobs=None: this much text in one process before forking
YOUNG_COLLECTION = 10_000  # new objects between two collections of the youngest generation


def analyse(article: Article) -> Analysed:
    """The per-article stages: the article's events, its line in the report, and what
    the events stage cut (notes for the report's warnings). An article whose language is
    not given is read in the language detected from its text (``lang.detect``)."""
    if not article.language:
        from timeline.lang.detect import detect_language

        article = dataclasses.replace(article, language=detect_language(article.text))
    timexes = tag(article.text, dct=article.published, language=article.language)
    notes: list[str] = []
    events = build_events(article, timexes, notes)
    return events, article_status(article, timexes, events), notes


def analyse_chunk(articles: list[Article]) -> list[Analysed]:
    return [analyse(article) for article in articles]


def analyse_packed(articles: list[Article]) -> bytes:
    """``analyse_chunk``, its results packed for the way back (``unpack`` reads them)."""
    return pack(analyse_chunk(articles))


def pack(results: list[Analysed]) -> bytes:
    """The results as one pickle, each ``Timex``, ``Mention``, ``Event`` and
    ``ArticleStatus`` the tuple of its fields (no field names per object)."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = _PACKED
    pickler.dump(results)
    return buffer.getvalue()


def unpack(packed: bytes) -> list[Analysed]:
    return pickle.loads(packed)


def _as_fields(cls: type) -> Callable[[Any], tuple[type, tuple[Any, ...]]]:
    names = tuple(field.name for field in dataclasses.fields(cls))

    def reduce(obj: Any) -> tuple[type, tuple[Any, ...]]:
        return cls, tuple([getattr(obj, name) for name in names])

    return reduce


_PACKED = copyreg.dispatch_table.copy()
for _cls in (Timex, Mention, Event, ArticleStatus):
    _PACKED[_cls] = _as_fields(_cls)


def article_status(article: Article, timexes: list[Timex], events: list[Event]) -> ArticleStatus:
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


def available_cores() -> int:
    """The cores this process may run on (a container or ``taskset`` may allow fewer)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def check_jobs(jobs: int | None) -> int | None:
    """``jobs``: None (automatic), or a whole number of processes >= 1."""
    if jobs is None:
        return None
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
        raise TimelineError(f"jobs must be a whole number of processes, 1 or more; got {jobs!r}")
    return jobs


def analysed(articles: Iterable[Article], jobs: int | None) -> Iterator[Analysed]:
    """``analyse`` of each article, in order; ``jobs`` processes (None: one for small
    inputs, every core once more than ``AUTO_SERIAL_CHARS`` of text has come)."""
    if jobs == 1 or (jobs is None and available_cores() == 1):
        yield from map(analyse, articles)
        return
    stream = iter(articles)
    if jobs is None:
        seen = 0
        for article in stream:
            yield analyse(article)
            seen += len(article.text)
            if seen >= AUTO_SERIAL_CHARS:
                break
        else:
            return  # a small input: done in this process
        jobs = available_cores()
    context = _context()
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=_fewer_collections) as pool:
        try:
            batches = chunks(stream, CHUNK_CHARS, CHUNK_ARTICLES)
            yield from ordered(pool.submit, analyse_packed, batches, jobs * IN_FLIGHT, unpack)
        except BaseException:
            pool.shutdown(wait=True, cancel_futures=True)
            raise


@contextmanager
def fewer_collections() -> Iterator[None]:
    """The cyclic garbage collector run less often while extracting, as it was after.

    Python looks for reference cycles every 700 new objects (its default), each time
    through every object of the youngest generations; the stages make many small objects
    that live on (mentions, names, features) and no cycles, so at the default about a
    tenth of ``extract``'s time went into those searches. Every ``YOUNG_COLLECTION``
    objects instead; memory is the same, the objects being alive anyway."""
    threshold = gc.get_threshold()
    if threshold[0] == 0 or threshold[0] >= YOUNG_COLLECTION:
        yield  # the collector is off, or already set by the user to run as seldom
        return
    gc.set_threshold(YOUNG_COLLECTION, *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)


def _fewer_collections() -> None:
    """A worker process's collector as ``fewer_collections`` sets it (spawned workers do
    not inherit it; forked ones do)."""
    threshold = gc.get_threshold()
    if 0 < threshold[0] < YOUNG_COLLECTION:
        gc.set_threshold(YOUNG_COLLECTION, *threshold[1:])


class _Submit(Protocol):
    def __call__(self, fn: Callable[..., Any], /, *args: Any) -> Future[Any] | Any: ...


def ordered(
    submit: _Submit,
    fn: Callable[[list[Article]], Any],
    batches: Iterable[list[Article]],
    window: int,
    decode: Callable[[Any], Iterable[Analysed]] | None = None,
) -> Iterator[Analysed]:
    """``fn`` of each batch through ``submit``, results in submission order, at most
    ``window`` batches out at a time (so a huge input never queues up in memory);
    ``decode`` turns what ``fn`` returns into the batch's results (``unpack``)."""
    pending: deque[Any] = deque()
    for batch in batches:
        pending.append(submit(fn, batch))
        if len(pending) >= window:
            result = pending.popleft().result()
            yield from result if decode is None else decode(result)
    while pending:
        result = pending.popleft().result()
        yield from result if decode is None else decode(result)


def chunks(
    articles: Iterable[Article], chars: int = CHUNK_CHARS, most: int = CHUNK_ARTICLES
) -> Iterator[list[Article]]:
    """Consecutive articles, about ``chars`` of text or ``most`` articles a chunk."""
    chunk: list[Article] = []
    size = 0
    for article in articles:
        chunk.append(article)
        size += len(article.text)
        if size >= chars or len(chunk) >= most:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def _context() -> multiprocessing.context.BaseContext:
    """Fork where it is safe and cheap (Linux: the tagger is already imported, no
    ``__main__`` guard needed in the user's script); the platform's default elsewhere."""
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()
