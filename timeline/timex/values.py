"""TIMEX3 values from the words of a match: numbers, units, durations, modifiers, and the
``Result`` a rule hands back (type, value, calendar value, mod, anchor).

Only the language's tables and the calendar are read here: no document state.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from timeline.model import PRECISION_RANK
from timeline.timex import calendar as cal_
from timeline.timex.calendar import Cal, from_date

if TYPE_CHECKING:
    from timeline.timex.resolve import Context

from timeline.timex.vocab import MODS, MONTHS, NUMBERS, UNITS, VAGUE_NUMBERS, WEEKDAYS


@dataclass(slots=True)
class Result:
    type: str
    value: str
    cal: Cal | None = None
    mod: str | None = None
    anchor: str | None = None
    needs_dct: bool = False
    quant: str | None = None
    freq: str | None = None
    start: int | None = None  # span trimmed inside the candidate (absolute offsets)
    end: int | None = None
    derived: bool = False  # computed as an offset from another date
    closing: Result | None = None  # second timex of one match: "9, 2024" in "March 3-9, 2024"


def word_key(s: str | None) -> str:
    return " ".join((s or "").lower().split()).rstrip(".")


def month_of(s: str) -> int:
    return MONTHS[word_key(s)]


def day_of(s: str) -> int:
    return int(re.match(r"\d+", s).group())


def weekday_of(s: str) -> int:
    return WEEKDAYS[word_key(s)]


def number(s: str | None) -> float | None:
    """'53' -> 53, 'twenty-four' -> 24, 'a' -> 1, 'several' -> None (vague)."""
    k = word_key(s).replace("-", " ")
    if not k:
        return None
    if re.fullmatch(r"\d+(?:\.\d+)?", k):
        return float(k)
    half = re.fullmatch(r"(\d+)\s*(?:1/2|½)", k)
    if half:
        return int(half.group(1)) + 0.5
    if k in NUMBERS:
        return float(NUMBERS[k])
    if k in VAGUE_NUMBERS:
        return None
    total, cur = 0.0, 0.0
    for w in k.replace(" and a half", " +half").split():
        if w == "+half":
            cur += 0.5
        elif w == "and":
            continue
        elif w in NUMBERS:
            n = NUMBERS[w]
            if n in (100, 1000):
                cur = max(cur, 1) * n
                if n == 1000:
                    total, cur = total + cur, 0.0
            else:
                cur += n
        else:
            return None
    return total + cur


def unit_of(s: str) -> tuple[str, str]:
    k = word_key(s)
    if k in UNITS:
        return UNITS[k]
    return UNITS[k[:-1]] if k.endswith("s") and k[:-1] in UNITS else UNITS["year"]


def duration(n: float | None, unit_word: str) -> str:
    """TIMEX3 duration: P3Y, PT2H, PXM, P1Y6M for 1.5 years."""
    letter, unit = unit_of(unit_word)
    t = "T" if unit in ("hour", "minute", "second") else ""
    if n is None:
        # TimeML units: vague decades count in years ("decades-long" PXY), centuries in C
        letter = {"DE": "Y", "CE": "C"}.get(letter, letter)
        return f"P{t}X{letter}"
    if unit == "fortnight":
        n, letter = n * 2, "W"
    if unit == "weekend":
        n, letter = n * 2, "D"
    if letter in ("DE", "CE"):
        n, letter = n * (10 if letter == "DE" else 100), "Y"
    if n != int(n):
        # 2.5 years -> P2Y6M, 5.5 hours -> PT5H30M
        finer = {
            "Y": (12, "M"),
            "W": (7, "D"),
            "D": (24, "H"),
            "H": (60, "M"),
            "M": (60, "S") if t else (30, "D"),
        }
        if letter in finer:
            mul, small = finer[letter]
            whole, rest = int(n), round((n - int(n)) * mul)
            if small == "H" and not t:
                return f"P{whole}DT{rest}H" if whole else f"PT{rest}H"
            head = f"{whole}{letter}" if whole else ""
            return f"P{t}{head}{rest}{small}"
    return f"P{t}{int(n)}{letter}"


def mod_of(pre: str | None) -> str | None:
    k = word_key(pre).rstrip("-").strip()
    k = re.sub(r"\s+the$", "", k)
    k = k.replace("very ", "")
    if not k:
        return None
    return MODS.get(k, MODS.get(k.replace("the ", ""), None))


def out(c: Cal | None, **kw: Any) -> Result:
    """A DATE/TIME result from a calendar value."""
    typ = "TIME" if c is not None and c.gran == "time" else "DATE"
    return Result(typ, cal_.value(c) if c else "XXXX-XX-XX", c, **kw)


def unknown(
    gran: str,
    month: int | None = None,
    day: int | None = None,
    wd: int | None = None,
    pod: str | None = None,
) -> str:
    """Underspecified values for a missing anchor: XXXX-10, XXXX-WXX-3, XXXX-XX-XX."""
    if wd is not None:
        return f"XXXX-WXX-{wd}" + (f"T{pod}" if pod else "")
    if gran == "month":
        return f"XXXX-{month:02d}" if month else "XXXX-XX"
    if gran == "day":
        return f"XXXX-{month:02d}-{day:02d}" if month and day else "XXXX-XX-XX"
    if gran == "week":
        return "XXXX-WXX"
    if gran == "quarter":
        return "XXXX-QX"
    return {"year": "XXXX", "decade": "XXX", "century": "XX"}.get(gran, "XXXX-XX-XX")


def unresolved(value: str, typ: str = "DATE", **kw: Any) -> Result:
    """A value that waits for the publication date (``XXXX-XX-XX``, ``XXXX-WXX-3``)."""
    return Result(typ, value, None, needs_dct=True, **kw)


def valid_day(y: int, m: int, d: int) -> bool:
    try:
        date(y, m, d)
    except ValueError:
        return False
    return True


def capitalized(s: str) -> bool:
    return bool(s) and s[0].isupper()


def text_before(ctx: Context, start: int, n: int = 30) -> str:
    return ctx.text[max(0, start - n) : start]


def with_pod(c: Cal, pod: str | None) -> Cal:
    if not pod:
        return c
    if c.gran != "day":
        return c
    return Cal("time", c.year, c.month, c.day, pod=pod)


def truncate(c: Cal, gran: str) -> Cal:
    if c.gran == gran or not cal_.coarser(gran, c.gran):
        return c
    return from_date(cal_.start_date(c), gran)


def unit_cal(d: date, unit: str) -> Cal:
    if unit == "weekend":
        c = from_date(d, "week")
        return replace(c, pod="WE")
    return from_date(d, unit if unit in PRECISION_RANK else "day")


def approx_mod(s: str | None) -> str | None:
    return mod_of(s) if s else None


def clock_parts(s: str) -> tuple[int, int] | None:
    k = word_key(s)
    if k in ("noon", "midday"):
        return 12, 0
    if k == "midnight":
        return 24, 0
    if k.endswith("o'clock"):
        return int(k.split()[0]), 0
    if " in the " in k:  # "4 in the morning", "7 in the evening"
        h = int(k.split()[0])
        return (h % 12, 0) if k.endswith("morning") else (h % 12 + 12, 0)
    mm = re.match(r"(\d{1,2})(?::(\d\d))?\s*([ap])?", k)
    if not mm:
        return None
    h, mi = int(mm.group(1)), int(mm.group(2) or 0)
    ap = mm.group(3)
    if ap == "p" and h < 12:
        h += 12
    if ap == "a" and h == 12:
        h = 0
    if h > 24 or (not ap and not mm.group(2)):
        return None
    return h, mi


def timed(day: Cal | None, hm: tuple[int, int]) -> Cal | None:
    if day is None or day.gran != "day":
        return None
    return Cal("time", day.year, day.month, day.day, hour=hm[0], minute=hm[1])


WORD_NUMBERS = {
    **{k: v for k, v in NUMBERS.items() if " " not in k and isinstance(v, int)},
    "oh": 0,
}


def year_of(m: re.Match) -> int | None:
    """The year group of a match: digits, or spelled ("nineteen ninety-four")."""
    if m.group("year"):
        return int(m.group("year"))
    c, _, rest = word_key(m.group("syear")).replace("-", " ").partition(" ")
    return spelled_year(c, rest)


def spelled_year(c: str, y: str) -> int | None:
    """ "nineteen", "ninety-four" -> 1994."""
    century = 18 if word_key(c) == "eighteen" else 19
    words = word_key(y).replace("-", " ").split()
    if words == ["hundred"]:
        return century * 100
    tail = sum(WORD_NUMBERS.get(w, 0) for w in words)
    return century * 100 + tail if 0 <= tail <= 99 else None
