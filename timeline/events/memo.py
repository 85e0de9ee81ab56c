"""Work per sentence done once per article: the analyses several steps ask for.

The events of an article ask the same questions of a sentence more than once: the clause
analysis of a sentence (its dates' labels, its dateless label, the report it opens with),
whether it is placed by a definite event noun (asked by the dateless and the undated
sentences alike), the tidied label of a clause several dates share, its modality. The
functions that answer them are pure (text in; an answer no caller changes out), so each
answer is kept for the article being read (at most ``MOST`` of each), and
``build_events`` forgets them all when it starts the next one: memory stays that of one
article, and no answer is carried from one article to another (the benchmarks' figures
are the work on each article, not what text repeated across articles would save).

Threads (a Dask worker's) share the memory: one may forget what another was keeping, which
costs that one the work again, never a wrong answer.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

_MEMOS: list[Any] = []
MOST = 4_096  # answers kept per question: a long article's; a caller outside build_events
# (which never says when an article ends) keeps no more than these


def per_article(function: F) -> F:
    """``function`` (pure, hashable arguments) answering each question once per article."""
    memo = lru_cache(maxsize=MOST)(function)
    _MEMOS.append(memo)
    return memo  # type: ignore[return-value]


def next_article() -> None:
    """Forget the answers about the article before."""
    for memo in _MEMOS:
        memo.cache_clear()
