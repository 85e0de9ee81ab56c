"""The date rules, by family, and the one order they are tried in.

A rule lives in its family's module (``absolute``, ``relative``, ``quarters``, ``clock``,
``durations``, ``sets``): its pattern (``<<NAME>>`` placeholders from ``vocab.VOCAB``)
in ``@rule(name, pattern)`` right above its handler, which turns a match into a value
(``None`` rejects the candidate). ``PRIORITY`` is the order: at a given position the
first rule that matches wins, so longer and more specific forms come first. A new rule is
written in its family and named here.
"""

from __future__ import annotations

from timeline.timex.rules import absolute, clock, durations, quarters, relative, sets  # noqa: F401
from timeline.timex.rules.base import REGISTRY, Rule, apply, regex_of

PRIORITY = (
    "clock_date",
    "mdy",
    "day_range",
    "dmy",
    "iso",
    "slash",
    "month_year",
    "quarter",
    "q_code",
    "year_ago_adj",
    "rel_mod",
    "rel_dur",
    "anaph",
    "rel",
    "offset",
    "vague_offset",
    "deictic",
    "weekday",
    "clock",
    "pod",
    "set",
    "set_adv",
    "set_freq",
    "decade",
    "century",
    "year_mod",
    "season",
    "week_of",
    "holiday",
    "year_end",
    "vague_ref",
    "spelled_year",
    "spelled_decade",
    "year_named",
    "year_period",
    "duration",
    "unit_adj",
    "bare_units",
    "the_unit",
    "year",
)
RULES: tuple[Rule, ...] = tuple(REGISTRY[name] for name in PRIORITY)
if set(PRIORITY) != set(REGISTRY) or len(PRIORITY) != len(REGISTRY):
    raise ImportError("rules.PRIORITY must name every registered rule once")

__all__ = ["PRIORITY", "RULES", "Rule", "apply", "regex_of"]
