"""The per-article stages on a Dask cluster: ``extract(..., scheduler="tcp://HOST:PORT")``.

This process reads the articles (reading runs about a hundred times faster than tagging
and building events, so it is not what limits a cluster) and sends them to the cluster's
workers in chunks of about 100 kB of text, through the same ordered, bounded window as
worker processes (``timeline.parallel.ordered``): at most two chunks per worker thread are
out at a time, and results come back in reading order, so the merge here sees what one
process would see and the events are the same, in the same order. Workers need
``news-timeline`` installed, not the input files.

Memory: a worker holds the tagger (its imports) and the chunks it is given; this process
holds the merged events, each with at most ``max_mentions`` mentions in full.

Needs the ``dask`` extra (``pip install 'news-timeline[dask]'``: ``dask`` and
``distributed``); ``import timeline`` does not load it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from timeline.errors import TimelineError
from timeline.model import Article
from timeline.parallel import (
    CHUNK_ARTICLES,
    CHUNK_CHARS,
    IN_FLIGHT,
    Analysed,
    analyse_packed,
    chunks,
    ordered,
    unpack,
)

CONNECT_TIMEOUT = "20s"  # a scheduler that does not answer in this time is reported

Scheduler = Any  # an address "tcp://HOST:PORT" or a distributed.Client


def analysed_on_cluster(articles: Iterable[Article], scheduler: Scheduler) -> Iterator[Analysed]:
    """``analyse`` of each article on the cluster's workers, results in reading order."""
    client, owned = _client(scheduler)
    try:
        window = IN_FLIGHT * _threads(client)

        def submit(fn: Any, batch: list[Article]) -> Any:
            return client.submit(fn, batch, pure=False)

        batches = chunks(articles, CHUNK_CHARS, CHUNK_ARTICLES)
        yield from ordered(submit, analyse_packed, batches, window, unpack)
    finally:
        if owned:
            client.close()


def _client(scheduler: Scheduler) -> tuple[Any, bool]:
    """The client to use, and whether it is ours to close."""
    try:
        from distributed import Client
    except ImportError:
        raise TimelineError(
            "running on a Dask cluster needs the dask extra: "
            "pip install 'news-timeline[dask]' (dask and distributed)"
        ) from None
    if isinstance(scheduler, Client):
        return scheduler, False
    if not isinstance(scheduler, str) or "://" not in scheduler:
        raise TimelineError(
            f"scheduler must be an address like tcp://HOST:8786 or a distributed.Client; "
            f"got {scheduler!r}"
        )
    try:
        return Client(scheduler, timeout=CONNECT_TIMEOUT, set_as_default=False), True
    except (OSError, TimeoutError) as e:
        reason = str(e).splitlines()[0] if str(e) else type(e).__name__
        message = f"could not reach the Dask scheduler at {scheduler}: {reason}"
        raise TimelineError(message) from None


def _threads(client: Any) -> int:
    """Worker threads on the cluster now (at least one, so a cluster still starting works)."""
    return max(1, sum(client.nthreads().values()))
