"""Calendar values at a stated granularity: TIMEX3 strings, bounds and shifts.

A ``Cal`` is a point on the calendar known only to its precision: ``Cal("month", 2023, 10)``
is October 2023, not October 1st. Shifting and bounding never invent finer fields.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from timeline.model import PRECISION_RANK

# part of day -> (start hour, end hour) of the half-open interval it allows
POD_HOURS = {"MO": (0, 12), "AF": (12, 18), "EV": (17, 24), "NI": (18, 30), "DT": (6, 18)}
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
SEASONS = ("SP", "SU", "FA", "WI")


@dataclass(frozen=True, slots=True)
class Cal:
    """A calendar value: ``gran`` plus the fields that granularity needs.

    ``n`` holds the sub-year index for half (1-2), quarter (1-4), season (SP/SU/FA/WI as
    0-3) and ISO week; ``year`` is the decade/century number for those granularities.
    """

    gran: str
    year: int
    month: int | None = None
    day: int | None = None
    n: int | None = None
    pod: str | None = None  # MO AF EV NI for "Wednesday night"
    hour: int | None = None
    minute: int | None = None


def from_date(d: date, gran: str = "day") -> Cal:
    """Truncate a date to ``gran``."""
    if gran == "day":
        return Cal("day", d.year, d.month, d.day)
    if gran == "month":
        return Cal("month", d.year, d.month)
    if gran == "year":
        return Cal("year", d.year)
    if gran == "quarter":
        return Cal("quarter", d.year, n=(d.month - 1) // 3 + 1)
    if gran == "half":
        return Cal("half", d.year, n=1 if d.month <= 6 else 2)
    if gran == "week":
        iy, iw, _ = d.isocalendar()
        return Cal("week", iy, n=iw)
    if gran == "season":
        m = d.month
        y = d.year - 1 if m in (1, 2) else d.year
        n = 3 if m in (12, 1, 2) else 0 if m <= 5 else 1 if m <= 8 else 2
        return Cal("season", y, n=n)
    if gran == "decade":
        return Cal("decade", d.year // 10)
    if gran == "century":
        return Cal("century", d.year // 100)
    raise ValueError(gran)


def value(c: Cal) -> str:
    """The TIMEX3 value string."""
    g = c.gran
    if g == "millennium":
        return f"{c.year}"
    if g in ("century", "decade"):
        return f"{c.year}"
    y = f"{c.year:04d}"
    if g == "year":
        return y
    if g == "half":
        return f"{y}-H{c.n}"
    if g == "quarter":
        return f"{y}-Q{c.n}"
    if g == "season":
        return f"{y}-{SEASONS[c.n or 0]}"
    if g == "week":
        return f"{y}-W{c.n:02d}" + ("-WE" if c.pod == "WE" else "")
    if g == "month":
        return f"{y}-{c.month:02d}"
    day = f"{y}-{c.month:02d}-{c.day:02d}"
    if g == "day":
        return day
    if c.pod:
        return f"{day}T{c.pod}"
    if c.minute is None:
        return f"{day}T{c.hour:02d}"
    return f"{day}T{c.hour:02d}:{c.minute:02d}"


def start_date(c: Cal) -> date:
    """The first day the value allows."""
    g = c.gran
    if g == "century":
        return date(max(c.year * 100, 1), 1, 1)
    if g == "decade":
        return date(max(c.year * 10, 1), 1, 1)
    if g == "millennium":
        return date(max(c.year * 1000, 1), 1, 1)
    if g == "year":
        return date(c.year, 1, 1)
    if g == "half":
        return date(c.year, 1 if c.n == 1 else 7, 1)
    if g == "quarter":
        return date(c.year, 3 * ((c.n or 1) - 1) + 1, 1)
    if g == "season":
        return date(c.year, SEASON_START[SEASONS[c.n or 0]], 1)
    if g == "week":
        d = date.fromisocalendar(c.year, c.n or 1, 6 if c.pod == "WE" else 1)
        return d
    if g == "month":
        return date(c.year, c.month or 1, 1)
    return date(c.year, c.month or 1, c.day or 1)


def bounds(c: Cal) -> tuple[datetime, datetime] | None:
    """Half-open [earliest, latest) datetimes, or None outside datetime's range."""
    try:
        s = start_date(c)
        g = c.gran
        if g == "time":
            base = datetime(s.year, s.month, s.day)
            if c.pod:
                h0, h1 = POD_HOURS.get(c.pod, (0, 24))
                return base + timedelta(hours=h0), base + timedelta(hours=h1)
            if c.minute is None:
                h = c.hour or 0
                return base + timedelta(hours=h), base + timedelta(hours=h + 1)
            t = base + timedelta(hours=c.hour or 0, minutes=c.minute)
            return t, t + timedelta(minutes=1)
        if g == "day":
            e = s + timedelta(days=1)
        elif g == "week":
            e = s + timedelta(days=2 if c.pod == "WE" else 7)
        else:
            months = {
                "month": 1,
                "season": 3,
                "quarter": 3,
                "half": 6,
                "year": 12,
                "decade": 120,
                "century": 1200,
                "millennium": 12000,
            }[g]
            e = _add_months(s, months)
        return datetime(s.year, s.month, s.day), datetime(e.year, e.month, e.day)
    except (ValueError, OverflowError, KeyError):
        return None


def _add_months(d: date, k: int) -> date:
    m = d.year * 12 + d.month - 1 + k
    y, mo = divmod(m, 12)
    return date(y, mo + 1, min(d.day, _month_len(y, mo + 1)))


def _month_len(y: int, m: int) -> int:
    if m == 12:
        return 31
    return (date(y, m + 1, 1) - date(y, m, 1)).days


def shift(c: Cal, k: int, unit: str) -> Cal:
    """Move ``c`` by ``k`` units, keeping ``c``'s granularity (never inventing a day)."""
    g = c.gran
    if unit in ("decade", "century", "millennium") and g in ("decade", "century", "millennium"):
        per = {"decade": 10, "century": 100, "millennium": 1000}
        years = k * per[unit]
        return replace(c, year=c.year + years // per[g])
    if g in ("decade", "century", "millennium"):
        return c
    years = {"year": k, "decade": 10 * k, "century": 100 * k, "millennium": 1000 * k}
    if unit in years and g not in ("week",):
        return replace(c, year=c.year + years[unit])
    if g in ("quarter", "half") and unit == unit and unit in ("quarter", "half", "month"):
        months = {"quarter": 3, "half": 6, "month": 1}[unit] * k
        per = 3 if g == "quarter" else 6
        idx = c.year * (12 // per) + (c.n or 1) - 1 + months // per
        y, n = divmod(idx, 12 // per)
        return replace(c, year=y, n=n + 1)
    if g == "season" and unit in ("quarter", "season"):
        idx = c.year * 4 + (c.n or 0) + k
        y, n = divmod(idx, 4)
        return replace(c, year=y, n=n)
    d = start_date(c)
    if unit in ("day", "week", "weekend", "fortnight", "hour", "minute", "second"):
        days = {"day": 1, "week": 7, "weekend": 7, "fortnight": 14}.get(unit)
        if days is None:
            return c
        nd = d + timedelta(days=days * k)
    else:
        months = {"month": 1, "quarter": 3, "half": 6, "season": 3, "year": 12}.get(unit, 0)
        nd = _add_months(d, months * k)
    out = from_date(nd, "day" if g == "time" else g)
    if g == "time":
        return replace(c, year=out.year, month=out.month, day=out.day)
    if g == "week" and c.pod:
        out = replace(out, pod=c.pod)
    return out


def coarser(a: str, b: str) -> bool:
    """True when granularity ``a`` is coarser than ``b``."""
    return PRECISION_RANK.get(a, 0) < PRECISION_RANK.get(b, 0)
