"""A rule: a name, a pattern and the handler below it; ``apply`` runs one on a match."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from timeline.timex.vocab import FLAGS, expand

if TYPE_CHECKING:
    from timeline.timex.resolve import Context
    from timeline.timex.values import Result

Handler = Callable[[re.Match, "Context", int, int], "Result | None"]


@dataclass(frozen=True, slots=True)
class Rule:
    name: str  # the named group of the rule in the search alternation
    pattern: str  # with <<NAME>> placeholders for vocabulary (vocab.VOCAB)
    handler: Handler


REGISTRY: dict[str, Rule] = {}


def rule(name: str, pattern: str) -> Callable[[Handler], Handler]:
    """Register the decorated handler as rule ``name`` matching ``pattern``."""

    def register(handler: Handler) -> Handler:
        if name in REGISTRY:
            raise ValueError(f"two rules are named {name!r}")
        REGISTRY[name] = Rule(name, pattern, handler)
        return handler

    return register


# Compiling the rules takes time, so each happens on first use, not at import.
@cache
def regex_of(name: str) -> re.Pattern[str]:
    """A rule's own regex, with the named groups its handler reads."""
    return re.compile(expand(REGISTRY[name].pattern), FLAGS)


def apply(name: str, m: re.Match, ctx: Context, start: int, end: int) -> Result | None:
    """Run rule ``name``'s handler on its match; any failure rejects the candidate."""
    try:
        return REGISTRY[name].handler(m, ctx, start, end)
    except (
        ValueError,
        KeyError,
        OverflowError,
        TypeError,
        AttributeError,
        IndexError,
        ZeroDivisionError,
    ):
        return None
