"""Dates of named holidays: fixed ones, floating weekdays, and Easter."""

from __future__ import annotations

from datetime import date, timedelta

from timeline.lang import get_language

_EN = get_language("en").dates


def _nth_weekday(y: int, month: int, wd: int, n: int) -> date:
    """The n-th weekday ``wd`` (1=Mon) of a month; n=-1 for the last one."""
    if n > 0:
        first = date(y, month, 1)
        return first + timedelta(days=(wd - first.isoweekday()) % 7 + 7 * (n - 1))
    nxt = date(y + (month == 12), month % 12 + 1, 1) - timedelta(days=1)
    return nxt - timedelta(days=(nxt.isoweekday() - wd) % 7)


def _easter(y: int) -> date:
    """Gregorian Easter Sunday (anonymous algorithm)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    n = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * n) // 451
    month = (h + n - 7 * m + 114) // 31
    return date(y, month, (h + n - 7 * m + 114) % 31 + 1)


def holiday_date(name: str, y: int) -> date | None:
    """The date of a named holiday in year ``y``."""
    if name in _EN.FIXED_HOLIDAYS:
        return date(y, *_EN.FIXED_HOLIDAYS[name])
    if name in _EN.FLOATING_HOLIDAYS:
        month, wd, n, *after = _EN.FLOATING_HOLIDAYS[name]
        return _nth_weekday(y, month, wd, n) + timedelta(days=sum(after))
    if name in _EN.EASTER_HOLIDAYS:
        return _easter(y) + timedelta(days=_EN.EASTER_HOLIDAYS[name])
    return None
