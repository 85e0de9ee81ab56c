"""Clock times given in a time zone ("9 p.m. EST", "15:30 GMT+1"): the instant they name,
so that one instant told in two zones is one date (issue 11).

The tagger keeps a clock time's value as the text gives it (TIMEX3 values hold no zone);
the zone's words stay in its text, where they are read here.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from functools import lru_cache

from timeline.model import Timex

# Hours east of UTC of the zone abbreviations news uses. Ambiguous ones ("IST": India,
# Israel or Ireland; "AST": Atlantic or Arabia) and those without a fixed offset ("ET",
# "PT": standard or daylight time) are left out: such a time stays local.
ZONE_OFFSETS: dict[str, float] = {
    "UTC": 0, "GMT": 0, "WET": 0, "BST": 1, "WEST": 1, "CET": 1, "CEST": 2, "EET": 2,
    "EEST": 3, "MSK": 3, "PKT": 5, "ICT": 7, "WIB": 7, "HKT": 8, "SGT": 8, "AWST": 8,
    "JST": 9, "KST": 9, "ACST": 9.5, "AEST": 10, "AEDT": 11, "NZST": 12, "NZDT": 13,
    "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8,
    "PDT": -7, "AKST": -9, "AKDT": -8, "HST": -10, "BRT": -3,
}  # fmt: skip

ZONE_NAMES = frozenset(ZONE_OFFSETS)

_ZONE = re.compile(
    r"\b(" + "|".join(sorted(ZONE_OFFSETS, key=len, reverse=True)) + r")\b"
    r"(?:\s?([+-])\s?(\d{1,2})(?::?(\d\d))?\b)?"
)


@lru_cache(maxsize=4096)
def zone_offset(text: str) -> timedelta | None:
    """The offset from UTC of the zone a clock time's words name ("9 p.m. EST": -5 h;
    "14:00 GMT+1": +1 h), or None."""
    zone = _ZONE.search(text)
    if zone is None:
        return None
    hours = ZONE_OFFSETS[zone.group(1)]
    if zone.group(2):
        shift = int(zone.group(3)) + int(zone.group(4) or 0) / 60
        hours += shift if zone.group(2) == "+" else -shift
    return timedelta(hours=hours)


def utc_bounds(timex: Timex) -> tuple[datetime, datetime] | None:
    """The interval of a clock time in a named zone, in UTC; None for any other date."""
    if timex.type != "TIME" or timex.earliest is None or timex.latest is None:
        return None
    offset = zone_offset(timex.text)
    if offset is None:
        return None
    return timex.earliest - offset, timex.latest - offset


def same_instant(a: Timex, b: Timex) -> bool | None:
    """Whether two dates, one of them a clock time in a named zone, can be the same
    moment; None where neither names a zone (compare them as told).

    Two zoned times are the same moment when their UTC intervals meet ("11:30 a.m. EDT"
    and "15:30 UTC"; not "9 p.m. EST" and "9 p.m. GMT"). A zoned time and a day (or a
    coarser date) are when the day holds it as told or in UTC ("9 p.m. EST Tuesday" is
    Wednesday at 0200 GMT); a zoned time and a clock time without a zone, as told.
    """
    ua, ub = utc_bounds(a), utc_bounds(b)
    if ua is None and ub is None:
        return None
    if ua is not None and ub is not None:
        return ua[0] < ub[1] and ub[0] < ua[1]
    zoned, zoned_utc, other = (a, ua, b) if ua is not None else (b, ub, a)
    assert zoned_utc is not None and zoned.earliest and zoned.latest
    if not (other.earliest and other.latest):
        return None
    if other.earliest < zoned.latest and zoned.earliest < other.latest:
        return True
    if other.type == "TIME":
        return False
    return other.earliest < zoned_utc[1] and zoned_utc[0] < other.latest
