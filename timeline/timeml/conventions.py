"""TimeML's annotation conventions, applied by the writer on copies of the tagger's timexes."""

from __future__ import annotations

import re
from dataclasses import replace

from timeline.lang import alternation, get_language
from timeline.model import Timex

_WEEKDAY_WORD = alternation(get_language("en").dates.WEEKDAYS) + r"\.?"


# "Friday night", "early Tuesday morning"; the value the tagger gives it: 2000-01-07TNI.
# Gold: a DATE in 19 of 26; after a weekday "night" is the plain day 10 times (5 of them
# with "night" left out of the span) against TNI 6 and TEV 3, "morning" the plain day 5
# times against TMO 3, "evening" TEV 3 times out of 3.
_WEEKDAY_POD = re.compile(rf"\b{_WEEKDAY_WORD}\s+(?:morning|afternoon|evening|night)\b", re.I)


_DAY_POD_VALUE = re.compile(r"^(\d{4}-\d\d-\d\d)T(MO|AF|EV|NI)$")


# parts of day TimeML values as the plain day after a weekday ("Friday night": 2000-01-07)
_POD_AS_DAY = frozenset({"MO", "NI"})


# "three days later", "a few weeks after": the stretch of time is the TIMEX3, the direction
# word a signal (every such case in the gold: "Three days", "A few days", "A day earlier").
# Years are left alone: "a year earlier" names the compared period, a DATE in the gold.
_OFFSET = re.compile(
    r"^(?P<dur>(?P<num>[\w-]+(?:\s+[\w-]+){0,2}?)\s+"
    r"(?P<unit>minute|hour|day|week|fortnight|month)s?)\s+"
    r"(?:later|earlier|afterwards?|after|before)$",
    re.I,
)


# "by year-end", "since year-end": the hyphenated noun is the closing day of the books, a
# day in the gold (2 of 2: 1989-12-31, 1988-12-31), while "year end", "the end of the year"
# stay the year with mod END; a fiscal year-end is not December 31 and is left alone.
_YEAR_END = re.compile(r"^year-end$", re.I)


_YEAR = re.compile(r"^\d{4}$")


def timeml_conventions(timexes: list[Timex]) -> list[Timex]:
    """The tagger's timexes as TimeML annotates them (new objects; the input is unchanged).

    - a weekday with a part of day ("Friday night") is a DATE; after a weekday, night and
      morning are valued as the day itself (``2000-01-07``), evening and afternoon keep
      the part of day (``2000-01-07TEV``);
    - an offset in units below a year ("three days later") is the DURATION ``P3D`` written
      over "three days", without the direction word;
    - a generic "today" ("today's youth", valued ``PRESENT_REF`` by the tagger) is not
      annotated;
    - a hyphenated "year-end" is December 31 of its year (``1989-12-31``).
    """
    return [_timeml_convention(t) for t in timexes if not _generic_today(t)]


def _generic_today(timex: Timex) -> bool:
    # gold: "today's youth", "today's world", "today's personal computers": 0 of 4 tagged
    return timex.value == "PRESENT_REF" and timex.text.lower() == "today"


def _timeml_convention(timex: Timex) -> Timex:
    pod_value = _DAY_POD_VALUE.match(timex.value)
    if pod_value and _WEEKDAY_POD.search(timex.text):
        day, pod = pod_value.groups()
        value = day if pod in _POD_AS_DAY else timex.value
        return replace(timex, type="DATE", value=value)
    if _YEAR_END.match(timex.text) and _YEAR.match(timex.value):
        return replace(timex, value=f"{timex.value}-12-31", mod=None, precision="day")
    offset = _OFFSET.match(timex.text)
    if offset and timex.type in ("DATE", "TIME"):
        value = _offset_duration(offset.group("num"), offset.group("unit"))
        if value is not None:
            dur = offset.group("dur")
            return replace(
                timex,
                end=timex.start + len(dur),
                text=dur,
                type="DURATION",
                value=value,
                precision=None,
                earliest=None,
                latest=None,
                anchor=None,
                needs_dct=False,
                range_end=None,
            )
    return timex


def _offset_duration(num: str, unit: str) -> str | None:
    """``P3D`` for ("three", "day"), ``PXW`` for ("a few", "week"); None when ``num`` is
    not a count ("the day after")."""
    from timeline.timex.values import duration, number  # late: scoring stays light
    from timeline.timex.vocab import VAGUE_NUMBERS

    n = number(num)
    if n is None and " ".join(num.lower().split()) not in VAGUE_NUMBERS:
        return None
    return duration(n, unit)
