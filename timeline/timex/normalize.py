"""Candidate -> TIMEX3 type, value, calendar value, mod and anchor.

One handler per rule in ``patterns.RULES``. A handler gets the rule's own match (with the
named groups) and the document ``Context``; it returns a ``Result`` or ``None`` to reject
the candidate (a verb "may", a count "2000 people").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from timeline.model import PRECISION_RANK
from timeline.timex import calendar as cal_
from timeline.timex.anchor import Context, Resolved, last_with_month, tense
from timeline.timex.calendar import Cal, from_date, shift
from timeline.timex.holidays import holiday_date
from timeline.timex.patterns import (
    MODS,
    MONTHS,
    NUMBERS,
    ORDINALS,
    POD_WORDS,
    SEASON_WORDS,
    UNITS,
    VAGUE_NUMBERS,
    WEEKDAYS,
    rule_re,
)


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


Handler = Callable[[re.Match, Context, int, int], "Result | None"]
HANDLERS: dict[str, Handler] = {}


def rule(name: str) -> Callable[[Handler], Handler]:
    def deco(fn: Handler) -> Handler:
        HANDLERS[name] = fn
        return fn

    return deco


# ---------------------------------------------------------------- small helpers


def _key(s: str | None) -> str:
    return " ".join((s or "").lower().split()).rstrip(".")


def month_of(s: str) -> int:
    return MONTHS[_key(s)]


def day_of(s: str) -> int:
    return int(re.match(r"\d+", s).group())


def weekday_of(s: str) -> int:
    return WEEKDAYS[_key(s)]


def number(s: str | None) -> float | None:
    """'53' -> 53, 'twenty-four' -> 24, 'a' -> 1, 'several' -> None (vague)."""
    k = _key(s).replace("-", " ")
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
    k = _key(s)
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
    k = _key(pre).rstrip("-").strip()
    k = re.sub(r"\s+the$", "", k)
    k = k.replace("very ", "")
    if not k:
        return None
    return MODS.get(k, MODS.get(k.replace("the ", ""), None))


def out(c: Cal | None, **kw) -> Result:
    """A DATE/TIME result from a calendar value."""
    typ = "TIME" if c is not None and c.gran == "time" else "DATE"
    return Result(typ, cal_.value(c) if c else "XXXX-XX-XX", c, **kw)


def _unknown(
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


def _unresolved(value: str, typ: str = "DATE", **kw) -> Result:
    return Result(typ, value, None, needs_dct=True, **kw)


def _valid_day(y: int, m: int, d: int) -> bool:
    try:
        date(y, m, d)
    except ValueError:
        return False
    return True


def _capitalized(s: str) -> bool:
    return bool(s) and s[0].isupper()


def _before(ctx: Context, start: int, n: int = 30) -> str:
    return ctx.text[max(0, start - n) : start]


# ------------------------------------------------------------ anchoring helpers


_DEADLINE = re.compile(r"\b(?:by|effective|until|till)\s+$", re.IGNORECASE)
# "postponed until Tuesday", "extended its deadline to Friday": moved later, whatever tense
_POSTPONED = re.compile(
    r"\b(?:postponed|postpone|delayed|delay|deferred|defer|extended|extend|adjourned|adjourn"
    r"|put\s+off|pushed\s+back|rescheduled)\b[^.;:]{0,40}?\b(?:until|till|to)\s+$",
    re.IGNORECASE,
)


def guess_year(
    ctx: Context, month: int, day: int | None, start: int, end: int
) -> tuple[int | None, str | None]:
    """Year of a yearless date: the DCT's, moved by tense to the nearest past/future one."""
    if ctx.dct is None:
        ref, tid = ctx.reference(start)
        return (
            (ref.year, tid)
            if ref is not None and ref.gran not in ("decade", "century", "millennium")
            else (None, None)
        )
    d = ctx.dct
    t = tense(ctx.text, start, end, strict=True)
    # "by February", "effective June 1": a deadline lies ahead of the report
    deadline = bool(_DEADLINE.search(_before(ctx, start, 14)))
    deadline = deadline or bool(_POSTPONED.search(_before(ctx, start, 60)))
    here = d.year * 12 + d.month - 1 + (d.day - 15) / 30

    def cost(y: int) -> float:
        # months away from the DCT; a past/future verb makes the other side unlikely
        delta = y * 12 + month - 1 + ((day or 15) - 15) / 30 - here
        if deadline:
            return abs(delta) if delta > -0.5 else 100 + abs(delta)
        against = (t == "past" and delta > 0.5) or (t == "future" and delta < -0.5)
        if t == "none" and delta > 0.5:
            return abs(delta) * 2  # news mostly looks back
        # a tense marker against the side costs 4x (3 before the reader skipped
        # participles after "be" and -ed adjectives after a determiner)
        return abs(delta) * (4 if against else 1)

    return min((d.year - 1, d.year, d.year + 1), key=cost), "dct"


def dct_relative(
    ctx: Context, start: int, end: int, fn: Callable[[date, bool], Cal | None], unknown: str, **kw
) -> Result | None:
    """Resolve with the DCT and the clause tense, or leave ``unknown`` when there is none."""
    if ctx.dct is None:
        return _unresolved(unknown, **kw)
    t = tense(ctx.text, start, end, strict=True)
    # "until 9 a.m. Tuesday" with no verb to say otherwise: a deadline ahead
    future = t == "future" or (t == "none" and bool(_DEADLINE.search(_before(ctx, start, 14))))
    if _POSTPONED.search(_before(ctx, start, 60)):
        future = True
    c = fn(ctx.dct, future)
    if c is None:
        return None
    r = out(c, anchor="dct", needs_dct=True)
    if kw.get("typ"):
        r.type = kw["typ"]
    return r


def weekday_date(dct: date, wd: int, future: bool, strict: bool = False) -> date:
    """The weekday ``wd`` (1=Mon) nearest the DCT in the tense's direction."""
    diff = wd - dct.isoweekday()
    if diff == 0 and not strict:
        return dct
    if future:
        return dct + timedelta(days=diff % 7 or 7)
    return dct - timedelta(days=(-diff) % 7 or 7)


def with_pod(c: Cal, pod: str | None) -> Cal:
    if not pod:
        return c
    if c.gran != "day":
        return c
    return Cal("time", c.year, c.month, c.day, pod=pod)


# ------------------------------------------------------------------- handlers


def _explicit_day(ctx, m, start, end, month, day, year_s, wd=None) -> Result | None:
    if year_s:
        y = int(year_s)
        if y < 100:
            y += 1900 if y >= 50 else 2000
        if not _valid_day(y, month, day):
            return None
        return out(Cal("day", y, month, day))
    same = _same_day_named(ctx, month, day, start)
    if same is not None:
        # "killed on Oct. 23, 1998 ... since the Oct. 23 slaying": the day named before
        return out(Cal("day", same.cal.year, month, day), anchor=same.tid)
    y, anchor = guess_year(ctx, month, day, start, end)
    if y is None:
        if not _valid_day(2000, month, day):
            return None
        return _unresolved(_unknown("day", month, day))
    if not _valid_day(y, month, day):
        return None
    r = out(Cal("day", y, month, day), anchor=anchor, needs_dct=anchor == "dct")
    return r


@rule("mdy")
def _mdy(m, ctx, start, end):
    mw = m.group("month")
    if _key(mw) in ("may", "march") and not _capitalized(mw):
        return None
    return _explicit_day(ctx, m, start, end, month_of(mw), day_of(m.group("day")), m.group("year"))


@rule("day_range")
def _day_range(m, ctx, start, end):
    """ "March 3-9, 2024", "3 to 9 March": two days of one month, the year carried."""
    dmy = m.group("monthx") is not None
    mw = m.group("monthx") if dmy else m.group("month")
    if not _capitalized(mw):
        return None
    month = month_of(mw)
    g1, g2 = ("d1x", "d2x") if dmy else ("d1", "d2")
    d1, d2 = day_of(m.group(g1)), day_of(m.group(g2))
    if d2 <= d1:
        return None
    last = _explicit_day(ctx, m, start, end, month, d2, m.group("year"))
    first = _explicit_day(ctx, m, start, end, month, d1, m.group("year"))
    if last is None or first is None:
        return None
    if last.cal is not None:
        first = out(replace(last.cal, day=d1), anchor=last.anchor, needs_dct=last.needs_dct)
    base = m.start()
    if dmy:  # "3-9 March 2024": "3" and "9 March 2024"
        first.start, first.end = start, start + m.end(g1) - base
        last.start, last.end = start + m.start(g2) - base, end
    else:  # "March 3-9, 2024": "March 3" and "9, 2024"
        first.start, first.end = start, start + m.end(g1) - base
        last.start, last.end = start + m.start(g2) - base, end
    first.closing = last
    return first


@rule("dmy")
def _dmy(m, ctx, start, end):
    mw = m.group("month")
    if not _capitalized(mw):
        return None
    return _explicit_day(ctx, m, start, end, month_of(mw), day_of(m.group("day")), m.group("year"))


@rule("iso")
def _iso(m, ctx, start, end):
    y, mo, d = int(m.group("year")), int(m.group("month")), int(m.group("day"))
    if not _valid_day(y, mo, d):
        return None
    if m.group("hour"):
        return out(Cal("time", y, mo, d, hour=int(m.group("hour")), minute=int(m.group("minute"))))
    return out(Cal("day", y, mo, d))


@rule("slash")
def _slash(m, ctx, start, end):
    return _explicit_day(
        ctx, m, start, end, int(m.group("month")), int(m.group("day")), m.group("year")
    )


@rule("month_year")
def _month_year(m, ctx, start, end):
    mw, pre = m.group("month"), m.group("pre")
    month = month_of(mw)
    mod = mod_of(pre)
    if m.group("year") or m.group("syear"):
        y = _year_of(m)
        return None if y is None else out(Cal("month", y, month), mod=mod)
    if not _capitalized(mw) or (_key(mw) in ("may", "march") and not pre and _verbish(ctx, end)):
        return None
    if _key(mw) == "march" and not pre and _MARCH_NOUN.search(_before(ctx, start, 16)):
        if re.match(r"\s+(?:for|of|on|against|to)\b", ctx.text[end : end + 10]):
            return None  # "the annual March for Life": a protest march
    if _key(mw) in ("jan", "mar", "jun", "jul", "dec", "oct", "sept", "sep") and not pre:
        return None
    if m.group("rel"):
        rel = _key(m.group("rel"))
        if ctx.dct is None:
            return _unresolved(_unknown("month", month), mod=mod)
        y = ctx.dct.year + {"last year": -1, "next year": 1}.get(rel, 0)
        return out(Cal("month", y, month), mod=mod, anchor="dct", needs_dct=True)
    return bare_month(ctx, month, mod, start, end)


_MARCH_NOUN = re.compile(r"\b(?:the|a|an|annual|this|that|their|his|her|our)\W{0,3}$", re.I)


def _verbish(ctx: Context, end: int) -> bool:
    """'May' followed by a verb-like word or a sentence-initial modal use."""
    nxt = re.match(r"\s+(\w+)", ctx.text[end : end + 20])
    return bool(
        nxt
        and nxt.group(1).lower()
        in (
            "be",
            "have",
            "not",
            "also",
            "well",
            "never",
            "still",
            "the",
            "we",
            "i",
            "you",
            "he",
            "she",
            "it",
            "they",
            "get",
            "take",
            "want",
            "need",
            "make",
            "go",
            "come",
            "seem",
        )
    )


def _same_day_named(ctx: Context, month: int, day: int, start: int) -> Resolved | None:
    """An earlier explicit mention of the same month and day (with its year)."""
    for r in reversed(ctx.history):
        c = r.cal
        if (
            r.end <= start
            and c is not None
            and c.gran in ("day", "time")
            and c.month == month
            and c.day == day
            and not r.derived
        ):
            return r
    return None


def bare_month(ctx: Context, month: int, mod: str | None, start: int, end: int) -> Result:
    """'October': anaphoric after 'the' when an earlier October was named, else DCT-relative."""
    prev = last_with_month(ctx, month, start)
    definite = re.search(r"\b(?:the|that|this)\s+$", _before(ctx, start, 12).lower())
    if prev is not None and prev.cal is not None and (definite or prev.explicit):
        # "the October incident", or "in October" after "October 2023" was named
        return out(Cal("month", prev.cal.year, month), mod=mod, anchor=prev.tid)
    y, anchor = guess_year(ctx, month, None, start, end)
    if y is None:
        return _unresolved(_unknown("month", month), mod=mod)
    r = out(Cal("month", y, month), mod=mod, anchor=anchor, needs_dct=anchor == "dct")
    return r


def _last_end(ctx: Context, start: int) -> int:
    """End offset of the last resolved date before ``start`` (0 when none)."""
    return next((r.end for r in reversed(ctx.history) if r.cal is not None and r.end <= start), 0)


_ENDED = re.compile(r"\s+(?:ended|ending|that\s+ended)\s+")


def _quarter_ref(
    ctx: Context, start: int, gran: str, end: int | None = None, closed: bool = False
) -> tuple[Cal | None, str | None]:
    """The quarter (or half) the document is talking about.

    A quarter named in the last 400 characters is the one meant, so a fiscal quarter
    keeps its number ("the fiscal first quarter ... the quarter ended Sept. 29" is Q1);
    else "the quarter ended Sept. 30" is named by its last day; otherwise financial news
    reports on the last quarter closed before the DCT. ``closed`` ("the latest quarter")
    passes over quarters not yet closed at the DCT unless reported in the past tense."""
    now = from_date(ctx.dct, gran) if ctx.dct else None
    for r in reversed(ctx.history):
        if r.end <= start and r.cal is not None and r.cal.gran == gran and not r.derived:
            if (
                closed
                and now is not None
                and (r.cal.year, r.cal.n or 0) >= (now.year, now.n)
                and tense(ctx.text, r.start, r.end, strict=True) != "past"
            ):
                continue
            if start - r.end < 400 or ctx.dct is None:
                return r.cal, r.tid
            break
    if end is not None:
        closing = _closing_day(ctx, end)
        if closing is not None:
            return from_date(closing - timedelta(days=45), gran), "dct"
    if now is None:
        return None, None
    return shift(now, -1, gran), "dct"


def _closing_day(ctx: Context, end: int) -> date | None:
    """The date in "... ended Sept. 30" right after a period, in the DCT's year or before."""
    gap = _ENDED.match(ctx.text, end)
    if gap is None or ctx.dct is None:
        return None
    m = rule_re("mdy").match(ctx.text, gap.end())
    if m is None:
        return None
    try:
        month, day = month_of(m.group("month")), day_of(m.group("day"))
        y = int(m.group("year")) if m.group("year") else ctx.dct.year
        d = date(y, month, day)
        return d if m.group("year") or d <= ctx.dct else date(y - 1, month, day)
    except (ValueError, KeyError):
        return None


@rule("quarter")
def _quarter(m, ctx, start, end):
    ordw, unit = _key(m.group("ord")), _key(m.group("unit"))
    year_s = m.group("year") or m.group("year2")
    ypre = _key(m.group("ypre"))
    if ypre and ypre[:4].isdigit():
        year_s = ypre
    elif ypre:
        return _quarter_rel_year(m, ctx, ordw, unit, ypre.split()[0])
    r = _quarter_value(m, ctx, start, end, ordw, unit, year_s)
    if r is not None and m.group("ago") and r.cal is not None:
        # "the year-ago third quarter"
        r = out(shift(r.cal, -1, "year"), anchor=r.anchor, needs_dct=r.needs_dct, derived=True)
    if r is not None and re.match(r"the\s+\w+-(?:quarter|half)", m.group(0), re.IGNORECASE):
        r.start = start + 4  # "the third-quarter profit": TimeML leaves "the" out
    return r


def _quarter_rel_year(m, ctx, ordw, unit, rel) -> Result | None:
    """ "this year's third quarter"."""
    n = ORDINALS.get(ordw)
    if n is None or n > 4:
        return None
    if ctx.dct is None:
        return _unresolved("XXXX-QX")
    y = ctx.dct.year + {"last": -1, "next": 1}.get(rel, 0)
    return out(
        Cal("quarter" if unit == "quarter" else "half", y, n=n), anchor="dct", needs_dct=True
    )


def _quarter_value(m, ctx, start, end, ordw, unit, year_s) -> Result | None:
    if unit == "period":
        if ordw not in (
            "latest",
            "year-earlier",
            "year-ago",
            "same",
            "comparable",
            "previous",
            "prior",
            "preceding",
            "recent",
            "first",
            "second",
            "third",
            "fourth",
        ):
            return None
        unit = "quarter"
        if ordw in ORDINALS and not year_s:
            return None
    gran = "quarter" if unit == "quarter" else "half"
    if ordw in ("last", "final") and year_s:
        ordw = "fourth" if gran == "quarter" else "second"  # "the last half of 1989"
    if ordw in ORDINALS:
        n = ORDINALS[ordw]
        if n > (4 if gran == "quarter" else 2):
            return None
        if year_s:
            return out(Cal(gran, int(year_s), n=n))
        if m.group("rel"):
            if ctx.dct is None:
                return _unresolved("XXXX-QX" if gran == "quarter" else "XXXX-HX")
            y = ctx.dct.year + {"last": -1, "next": 1}.get(_key(m.group("rel")), 0)
            return out(Cal(gran, y, n=n), anchor="dct", needs_dct=True)

        def fn(d: date, future: bool) -> Cal:
            cur = from_date(d, gran).n or 1
            y = d.year
            # the quarter just closed is still "the third quarter" in a forecast
            if future and n < cur - 1:
                y += 1
            elif not future and n > cur:
                y -= 1
            return Cal(gran, y, n=n)

        return dct_relative(ctx, start, end, fn, f"XXXX-{'Q' if gran == 'quarter' else 'H'}{n}")
    if ctx.dct is None and ordw in ("last", "current", "final"):
        return _unresolved("XXXX-QX")
    if ordw in ("last", "previous", "prior", "preceding") and ctx.dct:
        return out(shift(from_date(ctx.dct, gran), -1, gran), anchor="dct", needs_dct=True)
    if ordw == "current":
        return out(from_date(ctx.dct, gran), anchor="dct", needs_dct=True)
    closed = ordw in ("latest", "recent", "year-earlier", "year-ago")
    ref, tid = _quarter_ref(ctx, start, gran, end, closed=closed)
    if ref is None:
        return _unresolved("XXXX-QX")
    derived = ordw in ("year-earlier", "year-ago")
    if derived:
        ref = shift(ref, -1, "year")
    return out(ref, anchor=tid, needs_dct=tid == "dct", derived=derived)


@rule("q_code")
def _q_code(m, ctx, start, end):
    q = m.group("q")
    if not q[0].isupper():
        return None  # "q3" in running text is rarely a quarter
    gran, n = ("quarter" if q[0] == "Q" else "half"), int(q[1])
    if not m.group("year"):
        # "Q3": the nearest such quarter, as "the third quarter"
        def fn(d: date, future: bool) -> Cal:
            cur = from_date(d, gran).n or 1
            return Cal(
                gran,
                d.year + (1 if future and n < cur - 1 else -1 if not future and n > cur else 0),
                n=n,
            )

        return dct_relative(ctx, start, end, fn, f"XXXX-{q[0]}{n}")
    y = int(m.group("year"))
    if y < 100:
        y += 2000 if y < 50 else 1900
    return out(Cal(gran, y, n=n))


@rule("year_ago_adj")
def _year_ago_adj(m, ctx, start, end):
    noun = _key(m.group("noun") or m.group("noun2") or m.group("noun3"))
    if noun.endswith(" months"):
        # "the year-earlier nine months": the span of months, as "the first nine months"
        return Result("DURATION", duration(number(noun.split()[0]), "months"))
    if m.group("noun") and noun not in ("quarter", "period", "month"):
        # "year-earlier results": the timex is just the adjective
        end = start + len(m.group(0)) - len(m.group("noun"))
        noun = ""
    if not noun and m.group(0).lower().startswith("the"):
        start = start + 4
    # the period compared: the quarter discussed, else the DCT's year
    q = _compared_quarter(ctx, start)
    if noun == "quarter" and q is None:
        q = _quarter_ref(ctx, start, "quarter")
    if q is not None and q[0] is not None:
        ref, tid = q
    elif ctx.dct is not None:
        ref, tid = from_date(ctx.dct, "year"), "dct"
    else:
        ref, tid = ctx.reference(start, topical=True)
    if ref is None:
        return _unresolved("XXXX", end=end)
    g = ref.gran if ref.gran in ("quarter", "half", "month", "year") else "year"
    c = shift(_trunc(ref, g), -1, "year")
    return out(c, anchor=tid, needs_dct=tid == "dct", end=end, start=start, derived=True)


def _trunc(c: Cal, gran: str) -> Cal:
    if c.gran == gran or not cal_.coarser(gran, c.gran):
        return c
    return from_date(cal_.start_date(c), gran)


def _unit_cal(d: date, unit: str) -> Cal:
    if unit == "weekend":
        c = from_date(d, "week")
        return replace(c, pod="WE")
    return from_date(d, unit if unit in PRECISION_RANK else "day")


def _rel_unit(
    ctx, start, end, rel: str, unit: str, pod: str | None = None, mod: str | None = None
) -> Result | None:
    """last/next/this/that + week, month, year, Friday, April, summer, night."""
    k = _key(unit)
    rel = rel.replace("the ", "")
    rel = {"this coming": "coming", "this past": "last", "that same": "same"}.get(rel, rel)
    if k in WEEKDAYS:
        wd = weekday_of(unit)
        podc = POD_WORDS.get(_key(pod)) if pod else None
        if rel in ("that", "same", "following", "previous"):
            return None

        def fn(d: date, future: bool) -> Cal:
            if rel == "last":
                day = weekday_date(d, wd, False, strict=True)
            elif rel in ("next", "coming"):
                day = weekday_date(d, wd, True, strict=True)
            else:
                day = weekday_date(d, wd, future)
            return with_pod(from_date(day), podc)

        return dct_relative(ctx, start, end, fn, _unknown("day", wd=wd, pod=podc))
    if k in MONTHS:
        month = month_of(unit)

        def fn_m(d: date, future: bool) -> Cal:
            y = d.year
            if rel == "last":
                y -= 0 if month < d.month else 1
            elif rel in ("next", "coming"):
                y += 0 if month > d.month else 1
            return Cal("month", y, month)

        if rel in ("that", "same", "following", "previous", "past", "prior", "preceding"):
            return None
        return dct_relative(ctx, start, end, fn_m, _unknown("month", month))
    if k in SEASON_WORDS:
        s = SEASON_WORDS[k]

        def fn_s(d: date, future: bool) -> Cal:
            cur = from_date(d, "season")
            y = cur.year
            if rel == "last":
                y -= 0 if s < cur.n else 1
            elif rel in ("next", "coming"):
                y += 0 if s > cur.n else 1
            return Cal("season", y, n=s)

        return dct_relative(ctx, start, end, fn_s, "XXXX-" + cal_.SEASONS[s])
    if k in POD_WORDS:
        pc = POD_WORDS[k]
        if rel == "that":
            ref, tid = ctx.reference(start)
            if ref is None or ref.gran not in ("day", "time"):
                return None
            return out(Cal("time", ref.year, ref.month, ref.day, pod=pc), anchor=tid)
        off = {"last": -1, "this": 0, "next": 1, "previous": -1, "following": 1}.get(rel)
        if off is None:
            return None
        if rel == "last" and pc != "NI":
            return None
        d = ctx.dct
        if d is None:
            return _unresolved(f"XXXX-XX-XXT{pc}", "TIME")
        day = d + timedelta(days=off if pc == "NI" or rel != "this" else 0)
        return out(Cal("time", day.year, day.month, day.day, pod=pc), anchor="dct", needs_dct=True)
    unit_name = UNITS.get(k, ("", k))[1]
    if rel in ("that", "same", "previous", "prior", "preceding", "following"):
        ref, tid = ctx.reference(start)
        if ref is None:
            return None
        g = unit_name if unit_name in PRECISION_RANK else "day"
        base = _trunc(ref, g) if g != "week" else from_date(cal_.start_date(ref), "week")
        off = {"previous": -1, "prior": -1, "preceding": -1, "following": 1}.get(rel, 0)
        r = out(shift(base, off, unit_name), anchor=tid, needs_dct=tid == "dct", mod=mod)
        if g == "day" and base.gran == "month" and off == 0:
            r.value += "-XX"  # "that day" after "October 1998": a day of that month
        return r
    off = {"last": -1, "past": -1, "next": 1, "coming": 1, "this": 0, "current": 0}.get(rel)
    if off is None:
        return None
    # "compared with $3 million last year", "Last year's results": in a quarterly
    # report, the same quarter a year before
    possessive = ctx.text[end : end + 2] in ("'s", "\u2019s")
    if (
        unit_name == "year"
        and off == -1
        and (possessive or _COMPARED.search(_before(ctx, start, 60)))
    ):
        q = _compared_quarter(ctx, start)
        if q is not None:
            return out(shift(q[0], -1, "year"), anchor=q[1], derived=True)
    if ctx.dct is None:
        return _unresolved(_unknown(unit_name if unit_name != "weekend" else "week"), mod=mod)
    base = _unit_cal(ctx.dct, unit_name)
    if (
        unit_name == "weekend"
        and rel == "this"
        and tense(ctx.text, start, end) == "past"
        and ctx.dct.isoweekday() < 5
    ):
        off = -1
    c = shift(base, off, "week" if unit_name == "weekend" else unit_name)
    return out(c, anchor="dct", needs_dct=True, mod=mod)


@rule("rel")
def _rel(m, ctx, start, end):
    rel, unit = _key(m.group("rel")), _key(m.group("unit"))
    if unit in ("may", "march") and not _capitalized(m.group("unit")):
        return None  # "arrested at this march": the noun
    mod = "APPROX" if m.group("orso") else None
    if rel == "past" and unit in ("decade", "century"):
        return Result("DURATION", duration(1, unit), mod=mod)  # "the past decade"
    if rel == "past":
        rel = "last"  # TimeBank reads "the past year" as the calendar year before
    pod = m.group("pod")
    r = _rel_unit(ctx, start, end, rel, unit, pod, mod)
    if r is not None and pod and unit not in WEEKDAYS:
        r.end = start + m.end("unit") - m.start()  # "last year morning": keep "last year"
    return r


@rule("rel_mod")
def _rel_mod(m, ctx, start, end):
    pre = _key(m.group("pre"))
    mod = mod_of(pre.replace(" in", ""))
    rel = _key(m.group("rel"))
    if rel == "the":
        rel = "this"
    return _rel_unit(ctx, start, end, rel, m.group("unit"), mod=mod)


@rule("week_of")
def _week_of(m, ctx, start, end):
    r = _explicit_day(
        ctx, m, start, end, month_of(m.group("month")), day_of(m.group("day")), m.group("year")
    )
    if r is None or r.cal is None:
        return _unresolved("XXXX-WXX") if r is not None else None
    return out(from_date(cal_.start_date(r.cal), "week"), anchor=r.anchor, needs_dct=r.needs_dct)


@rule("year_period")
def _year_period(m, ctx, start, end):
    year = int(m.group("year"))
    if m.group(0).lower().endswith("period") and not _MONTHS_SPAN.search(_before(ctx, start, 200)):
        # "the 1988 period" in a quarterly report: the quarter discussed, in that year
        q = _compared_quarter(ctx, start)
        if q is not None and q[0].gran == "quarter":
            return out(Cal("quarter", year, n=q[0].n), derived=True)
    return out(Cal("year", year))


_MONTHS_SPAN = re.compile(r"\b(?:nine|six|three|\d+)\s+months\b", re.IGNORECASE)


@rule("rel_dur")
def _rel_dur(m, ctx, start, end):
    n = number(m.group("num"))
    rel = _key(m.group("rel"))
    if m.group("year") and n in (2, 3, 6):
        y, first = int(m.group("year")), rel == "first"
        if n == 3:  # the first three months of 1990
            return out(Cal("quarter", y, n=1 if first else 4))
        return out(Cal("half", y, n=1 if first else 2))
    mod = mod_of(m.group("approx")) if m.group("approx") else None
    if m.group("orso"):
        mod = "APPROX"
    return Result("DURATION", duration(n, m.group("unit")), mod=mod)


def _approx(s: str | None) -> str | None:
    return mod_of(s) if s else None


@rule("offset")
def _offset(m, ctx, start, end):
    n = number(m.group("num"))
    _, unit = unit_of(m.group("unit"))
    direction = _key(m.group("dir"))
    if (
        n is not None
        and "half" in m.group(0)[m.end("unit") - m.start() : m.start("dir") - m.start()]
    ):
        n += 0.5  # "a minute and a half later"
    mod = _approx(m.group("approx"))
    if m.group("orso"):
        mod = "APPROX"
    if direction in ("before", "after", "since"):
        # "two days after the vote": only the duration is a timex
        cut = m.start("dir") - m.start()
        span = m.group(0)[:cut].rstrip()
        return Result("DURATION", duration(n, m.group("unit")), mod=mod, end=start + len(span))
    back = direction in ("ago", "earlier", "back")
    inexact = n is None or n != int(n) or unit in ("hour", "minute", "second")
    if inexact and direction in ("later", "earlier"):
        # "a few days later": TimeML tags the stretch of time, not a point
        cut = m.start("dir") - m.start()
        return Result(
            "DURATION",
            duration(n, m.group("unit")),
            mod=mod,
            end=start + len(m.group(0)[:cut].rstrip()),
        )
    if n is None or unit in ("hour", "minute", "second"):
        return Result("DATE", "PAST_REF" if back else "FUTURE_REF", mod=mod)
    k = int(n) if n == int(n) else n
    if direction in ("ago", "hence", "from now", "back"):
        if ctx.dct is None:
            return _unresolved(_unknown(unit if unit in PRECISION_RANK else "day"), mod=mod)
        base, tid = _context_gran(ctx, start, unit, from_date(ctx.dct), "dct")
    else:
        ref, tid = ctx.event_reference(start, unit, topical=back)
        if ref is None:
            return _unresolved(_unknown(unit if unit in PRECISION_RANK else "day"), mod=mod)
        base, tid = _context_gran(ctx, start, unit, ref, tid)
    if k != int(k):
        return Result("DATE", "PAST_REF" if back else "FUTURE_REF", mod=mod)
    c = shift(base, -int(k) if back else int(k), unit)
    return out(c, anchor=tid, needs_dct=tid == "dct", mod=mod, derived=True)


def _context_gran(
    ctx: Context, start: int, unit: str, base: Cal, tid: str | None
) -> tuple[Cal, str | None]:
    """Granularity of an offset result: the unit's, except "a year earlier" after a
    quarter (financial comparisons) keeps the quarter being discussed."""
    if unit == "year":
        q = _compared_quarter(ctx, start)
        if q is not None:
            return q
    g = unit if unit in PRECISION_RANK else "day"
    if g in ("decade", "century", "millennium"):
        g = "year"  # "a decade ago" in 1999 is 1989, not the 1980s
    if cal_.coarser(base.gran, g):
        return base, tid  # never invent precision the reference lacks
    return _trunc(base, g), tid


def _compared_quarter(ctx: Context, start: int) -> tuple[Cal, str] | None:
    """The quarter (or half) discussed in the last 900 characters, for a year-on-year
    comparison ("profit of $2 million, up from $1 million a year earlier"). A year or a
    span of months named since ("For the nine months, ...") ends the quarter's topic."""
    for r in reversed(ctx.history):
        if start - r.end > 900:
            break
        if r.end > start:
            continue
        if r.cal is None:
            if _MONTHS_SPAN.search(ctx.text[r.start : r.end]):
                break
            continue
        if not r.derived:
            if r.cal.gran in ("quarter", "half"):
                return r.cal, r.tid
            if r.cal.gran in ("year", "decade", "century"):
                break
    return None


_COMPARED = re.compile(
    r"\b(?:compared\s+with|from|than|versus|vs\.|over)\s+(?:[^.;]{0,40}?)$", re.IGNORECASE
)


@rule("vague_offset")
def _vague_offset(m, ctx, start, end):
    if _key(m.group("dir")) == "ago":
        return Result("DATE", "PAST_REF")
    # "weeks later": the stretch of time is the timex
    return Result(
        "DURATION", duration(None, m.group("unit")), end=start + m.end("unit") - m.start()
    )


@rule("anaph")
def _anaph(m, ctx, start, end):
    rel, unit = _key(m.group("rel") or m.group("rel2")), _key(m.group("unit"))
    if rel in ("day before", "day after"):
        ref, tid = ctx.reference(start)
        if ref is None:
            return None
        last = ctx.history[-1] if ctx.history else None
        if (
            last is not None
            and last.cal is not None
            and last.cal.gran in ("day", "time")
            and re.fullmatch(r",\s*", ctx.text[last.end : start])
            and not re.match(r"\s*(?:yesterday|today|tomorrow)\b", ctx.text[end:], re.I)
        ):
            # "Oct. 12, the day before the plunge": an apposition naming that same day
            day = (
                _trunc(last.cal, "day")
                if last.cal.gran == "day"
                else from_date(cal_.start_date(last.cal))
            )
            return out(day, anchor=last.tid, end=start + m.start("rel2") - m.start() + 3)
        inner = _day_named_after(ctx, end)
        if inner is not None:
            # "the day before last Tuesday", "the day after Christmas": one timex
            c, anchor, inner_end = inner
            day = shift(c, -1 if rel == "day before" else 1, "day")
            return out(day, anchor=anchor, needs_dct=anchor == "dct", end=inner_end)
        cut = start + m.end("rel2") - m.start()
        if ref.gran not in ("day", "time"):
            ref = ctx.refine_to_day(ref) or ref
        if ref.gran not in ("day", "time"):
            return None
        day = shift(
            _trunc(ref, "day") if ref.gran == "day" else from_date(cal_.start_date(ref)),
            -1 if rel == "day before" else 1,
            "day",
        )
        return out(day, anchor=tid, end=cut)
    if not unit:
        return None
    if unit in POD_WORDS or unit in WEEKDAYS:
        return _anaph_day(ctx, start, rel, unit)
    _, uname = unit_of(unit)
    ref, tid = ctx.reference(start)
    if ref is None:
        return _unresolved(_unknown(uname if uname in PRECISION_RANK else "day"))
    if uname == "day" and ref.gran not in ("day", "time"):
        ref = ctx.refine_to_day(ref) or ref
    g = uname if uname in PRECISION_RANK else "day"
    if cal_.coarser(ref.gran, g):
        return _unresolved(_unknown(g)) if rel != "same" else out(ref, anchor=tid)
    base = _trunc(ref if ref.gran != "time" else from_date(cal_.start_date(ref)), g)
    if g == "week" and base.gran != "week":
        base = from_date(cal_.start_date(base), "week")
    off = {"next": 1, "following": 1, "previous": -1, "preceding": -1, "prior": -1}.get(rel, 0)
    return out(shift(base, off, uname), anchor=tid, needs_dct=tid == "dct")


def _day_named_after(ctx: Context, end: int) -> tuple[Cal, str | None, int] | None:
    """The day written right after "the day before": "last Tuesday", "Christmas"."""
    gap = re.match(r"[ \t]+", ctx.text[end : end + 3])
    if gap is None:
        return None
    pos = end + gap.end()
    for name in ("rel", "weekday", "holiday", "mdy"):
        m2 = rule_re(name).match(ctx.text, pos)
        if m2 is None or m2.end() == pos:
            continue
        r = normalize(name, m2, ctx, pos, m2.end())
        if r is None or r.cal is None or r.cal.gran not in ("day", "time"):
            return None
        c = r.cal if r.cal.gran == "day" else from_date(cal_.start_date(r.cal))
        return c, r.anchor, r.end or m2.end()
    return None


def _anaph_day(ctx: Context, start: int, rel: str, unit: str) -> Result | None:
    """ "the next morning", "the previous Friday": days around the reference day."""
    ref, tid = ctx.reference(start)
    if ref is None or ref.gran not in ("day", "time"):
        return None
    d = cal_.start_date(ref)
    if unit in WEEKDAYS:
        wd = weekday_of(unit)
        if rel in ("previous", "preceding", "prior"):
            day = weekday_date(d, wd, False, strict=True)
        elif rel in ("next", "following"):
            day = weekday_date(d, wd, True, strict=True)
        else:
            return None
        return out(from_date(day), anchor=tid, needs_dct=tid == "dct")
    off = {"next": 1, "following": 1, "previous": -1, "preceding": -1, "prior": -1, "same": 0}.get(
        rel
    )
    if off is None:
        return None
    day = d + timedelta(days=off)
    return out(
        Cal("time", day.year, day.month, day.day, pod=POD_WORDS[unit]),
        anchor=tid,
        needs_dct=tid == "dct",
    )


_GENERIC_TODAY = re.compile(
    r"(?:'|\u2019)s\s+(?:world|youth|young|society|generation|children|kids|teenagers"
    r"|families|women|men|workers|students|culture|economy|technology|personal|standards)\b",
    re.IGNORECASE,
)


@rule("deictic")
def _deictic(m, ctx, start, end):
    w = _key(m.group("w"))
    pre = _key(m.group("pre"))
    pod = POD_WORDS.get(_key(m.group("pod"))) if m.group("pod") else None
    refs = {
        "recent": "PAST_REF",
        "now": "PRESENT_REF",
        "currently": "PRESENT_REF",
        "nowadays": "PRESENT_REF",
        "the present": "PRESENT_REF",
        "at present": "PRESENT_REF",
        "presently": "PRESENT_REF",
        "these days": "PRESENT_REF",
        "current": "PRESENT_REF",
        "recently": "PAST_REF",
        "lately": "PAST_REF",
        "the past": "PAST_REF",
        "the future": "FUTURE_REF",
    }
    if w.startswith("future "):
        return Result("DATE", "FUTURE_REF")  # "in future quarters": some time to come
    if "recent " in w or "coming " in w:
        # "in recent years": the timex starts at "recent", a vague stretch of time;
        # "in coming months" points at the future
        word = "recent" if "recent " in w else "coming"
        s = start + m.group(0).lower().index(word)
        unit = w.split()[-1]
        if word == "recent" and unit in ("years", "decades", "times"):
            return Result("DATE", "PAST_REF", start=s, end=start + m.end("w") - m.start())
        value = "FUTURE_REF" if unit == "times" else duration(None, unit)
        typ = "DATE" if unit == "times" else "DURATION"
        return Result(typ, value, start=s, end=start + m.end("w") - m.start())
    if w in refs:
        if pre or pod:
            return None
        return Result("DATE", refs[w], end=start + m.end("w") - m.start())
    offs = {
        "today": 0,
        "tonight": 0,
        "overnight": 0,
        "yesterday": -1,
        "tomorrow": 1,
        "the day before yesterday": -2,
        "the day after tomorrow": 2,
    }
    off = offs.get(w)
    if off is None:
        return None
    if w == "today" and not pre and _GENERIC_TODAY.match(ctx.text, end):
        return Result("DATE", "PRESENT_REF")  # "today's youth": nowadays, not the DCT
    if w in ("tonight", "overnight"):
        pod = "NI"
    mod = {"early": "START", "late": "END", "mid": "MID", "mid-": "MID"}.get(pre)
    if pre in ("later", "earlier"):
        mod = "END" if pre == "later" else "START"
    if ctx.dct is None:
        return _unresolved(
            "XXXX-XX-XX" + (f"T{pod}" if pod else ""), "TIME" if pod else "DATE", mod=mod
        )
    d = ctx.dct + timedelta(days=off)
    return out(with_pod(from_date(d), pod), anchor="dct", needs_dct=True, mod=mod)


@rule("weekday")
def _weekday(m, ctx, start, end):
    wd_s = m.group("wd")
    if not _capitalized(wd_s) and (len(_key(wd_s)) <= 5 or wd_s.islower() and len(wd_s) < 6):
        return None
    wd = weekday_of(wd_s)
    pod = POD_WORDS.get(_key(m.group("pod"))) if m.group("pod") else None
    shared = None if pod else _SHARED_POD.match(ctx.text, end)
    if shared is not None:  # "Monday and Tuesday nights": both are sets of nights
        pod = POD_WORDS[_key(shared.group(1))]
    if m.group("plural") or m.group("podplural") or shared is not None:
        # "on Tuesdays", "Tuesday nights"
        return Result("SET", f"XXXX-WXX-{wd}" + (f"T{pod}" if pod else ""))
    mod = {"early": "START", "late": "END"}.get(_key(m.group("pre")))

    apposed = _apposed_date(ctx, end, wd)
    if apposed is not None:
        # "Thursday, Jan. 6": one timex, the date written next to the weekday (as TimeML
        # annotates it; the corpus does so 5 times out of 6)
        return out(
            with_pod(apposed.cal, pod),
            anchor=apposed.anchor,
            mod=mod,
            needs_dct=apposed.needs_dct,
            end=apposed.end,
        )

    # "Wednesday's ruling": a possessive weekday names something that already happened
    possessive = ctx.text[end : end + 2] in ("'s", "\u2019s")

    def fn(d: date, future: bool) -> Cal:
        return with_pod(from_date(weekday_date(d, wd, future and not possessive)), pod)

    r = dct_relative(ctx, start, end, fn, _unknown("day", wd=wd, pod=pod))
    if r is not None and pod and r.type != "TIME":
        r.type = "TIME"
    if r is not None:
        r.mod = mod
    return r


_APPOSED = re.compile(r"\s*,?\s+(?=\S)")
_SHARED_POD = re.compile(
    r"\s*(?:,|and|or|,\s*and)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"\s+(morning|afternoon|evening|night)s\b",
    re.IGNORECASE,
)


def _apposed_date(ctx: Context, end: int, wd: int) -> Result | None:
    """The explicit date right after a weekday, when it falls on that weekday."""
    gap = _APPOSED.match(ctx.text, end)
    if gap is None or gap.end() - end > 3:
        return None
    m = rule_re("mdy").match(ctx.text, gap.end()) or rule_re("dmy").match(ctx.text, gap.end())
    if m is None:
        return None
    r = _explicit_day(
        ctx,
        m,
        m.start(),
        m.end(),
        month_of(m.group("month")),
        day_of(m.group("day")),
        m.group("year"),
    )
    if r is None or r.cal is None:
        return None
    if cal_.start_date(r.cal).isoweekday() != wd:
        # "Friday, Oct. 13" with no year: the weekday picks the year next to the guess
        c = r.cal
        for y in () if m.group("year") else (c.year - 1, c.year + 1):
            if _valid_day(y, c.month, c.day) and date(y, c.month, c.day).isoweekday() == wd:
                r = out(Cal("day", y, c.month, c.day), anchor=r.anchor, needs_dct=r.needs_dct)
                break
        else:
            return None
    r.end = m.end()
    return r


def _clock_parts(s: str) -> tuple[int, int] | None:
    k = _key(s)
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


def _timed(day: Cal | None, hm: tuple[int, int]) -> Cal | None:
    if day is None or day.gran != "day":
        return None
    return Cal("time", day.year, day.month, day.day, hour=hm[0], minute=hm[1])


@rule("clock")
def _clock(m, ctx, start, end):
    hm = _clock_parts(m.group("clock"))
    if hm is None:
        return None
    deic = _key(m.group("deic"))
    mod = _approx(m.group("approx"))
    tstr = f"T{hm[0]:02d}:{hm[1]:02d}"
    ref, tid = ctx.reference(start)
    if deic or ref is None or ref.gran not in ("day", "time"):
        if ctx.dct is None:
            return _unresolved("XXXX-XX-XX" + tstr, "TIME", mod=mod)
        off = {"yesterday": -1, "tomorrow": 1}.get(deic, 0)
        d = ctx.dct + timedelta(days=off)
        return out(_timed(from_date(d), hm), anchor="dct", needs_dct=True, mod=mod)
    return out(_timed(_trunc(from_date(cal_.start_date(ref)), "day"), hm), anchor=tid, mod=mod)


@rule("clock_date")
def _clock_date(m, ctx, start, end):
    hm = _clock_parts(m.group("clock"))
    if hm is None:
        return None
    if m.group("month"):
        r = _explicit_day(
            ctx, m, start, end, month_of(m.group("month")), day_of(m.group("day")), m.group("year")
        )
    elif m.group("wd"):
        wd = weekday_of(m.group("wd"))
        r = dct_relative(
            ctx, start, end, lambda d, f: from_date(weekday_date(d, wd, f)), _unknown("day", wd=wd)
        )
    else:
        off = {"yesterday": -1, "tomorrow": 1}.get(_key(m.group("deic")), 0)
        r = dct_relative(
            ctx, start, end, lambda d, f: from_date(d + timedelta(days=off)), "XXXX-XX-XX"
        )
    if r is None:
        return None
    if r.cal is None:
        r.value += f"T{hm[0]:02d}:{hm[1]:02d}"
        r.type = "TIME"
        return r
    c = _timed(r.cal, hm)
    return out(c, anchor=r.anchor, needs_dct=r.needs_dct)


@rule("pod")
def _pod(m, ctx, start, end):
    pre = _key(m.group("pre"))
    the = re.search(r"\bthe\s+$", _before(ctx, start, 5).lower())
    if not pre and not the:
        return None
    pod = POD_WORDS[_key(m.group("pod"))]
    deic = _key(m.group("deic"))
    if deic and ctx.dct is not None:  # "mid-afternoon yesterday"
        d = ctx.dct + timedelta(days={"yesterday": -1, "tomorrow": 1}.get(deic, 0))
        mod = {"mid": "MID", "early": "START", "late": "END"}.get(pre)
        return out(
            Cal("time", d.year, d.month, d.day, pod=pod), anchor="dct", mod=mod, needs_dct=True
        )
    ref, tid = ctx.reference(start)
    if ref is None:
        return _unresolved(f"XXXX-XX-XXT{pod}", "TIME")
    if ref.gran not in ("day", "time"):
        if ctx.dct is None:
            return _unresolved(f"XXXX-XX-XXT{pod}", "TIME")
        ref, tid = from_date(ctx.dct), "dct"
    d = cal_.start_date(ref)
    s = start - 4 if the and not pre else start
    mod = {"mid": "MID", "early": "START", "late": "END"}.get(pre)
    return out(
        Cal("time", d.year, d.month, d.day, pod=pod),
        anchor=tid,
        mod=mod,
        needs_dct=tid == "dct",
        start=s,
    )


@rule("set")
def _set(m, ctx, start, end):
    q = _key(m.group("q"))
    unit = _key(m.group("unit"))
    quant = "EVERY" if q in ("every", "each") else None
    n = number(m.group("num")) if m.group("num") else 1
    if unit in WEEKDAYS:
        return Result("SET", f"XXXX-WXX-{weekday_of(unit)}", quant=quant)
    if unit in MONTHS:
        return Result("SET", f"XXXX-{month_of(unit):02d}", quant=quant)
    if unit in SEASON_WORDS:
        return Result("SET", "XXXX-" + cal_.SEASONS[SEASON_WORDS[unit]], quant=quant)
    if unit in POD_WORDS:
        return Result("SET", f"XXXX-XX-XXT{POD_WORDS[unit]}", quant=quant)
    if q == "per" and unit.endswith("s"):
        return None
    return Result("SET", duration(n, unit), quant=quant)


@rule("set_adv")
def _set_adv(m, ctx, start, end):
    adv = _key(m.group("adv"))
    if adv in ("quarterly", "annually"):
        return None  # "quarterly dividend", "grow 20% annually": rarely annotated as sets
    values = {
        "daily": "P1D",
        "nightly": "P1D",
        "weekly": "P1W",
        "biweekly": "P2W",
        "monthly": "P1M",
        "annually": "P1Y",
        "yearly": "P1Y",
        "hourly": "PT1H",
        "biannually": "P6M",
        "semiannually": "P6M",
    }
    return Result("SET", values[adv])


@rule("set_freq")
def _set_freq(m, ctx, start, end):
    f = _key(m.group("freq"))
    n = {"once": 1, "twice": 2, "thrice": 3}.get(f) or number(f.replace(" times", ""))
    # the timex is the period ("a year" in "twice a year"); freq keeps the count
    unit_start = m.start("unit") - m.start()
    art = re.search(r"(?:a|an|per|each|every)\s+$", m.group(0)[:unit_start], re.IGNORECASE)
    s = start + (art.start() if art else unit_start)
    return Result("SET", duration(1, m.group("unit")), freq=f"{int(n)}X" if n else None, start=s)


@rule("decade")
def _decade(m, ctx, start, end):
    pre = m.group("pre")
    mod = mod_of(pre) if pre and _key(pre) != "the" else None
    if m.group("d4"):
        y = int(m.group("d4"))
        if y % 100 == 0 and _key(pre) != "the" and not mod:
            return out(Cal("century", y // 100), mod=mod)
        return out(Cal("decade", y // 10), mod=mod)
    d2 = int(m.group("d2"))
    century = 19
    if ctx.dct and d2 + 2000 <= ctx.dct.year:
        century = 20 if d2 < 30 else 19
    return out(Cal("decade", (century * 100 + d2) // 10), mod=mod)


@rule("century")
def _century(m, ctx, start, end):
    pre = m.group("pre")
    mod = mod_of(pre) if pre and _key(pre) != "the" else None
    c = int(m.group("c"))
    if not 1 <= c <= 30:
        return None
    return out(Cal("century", c - 1), mod=mod)


@rule("year_mod")
def _year_mod(m, ctx, start, end):
    y = _year_of(m)
    if y is None:
        return None
    if m.group("season"):
        return out(Cal("season", y, n=SEASON_WORDS[_key(m.group("season"))]))
    if m.group("fy"):
        return out(Cal("year", y))
    return out(Cal("year", y), mod=mod_of(m.group("pre")))


_SEASON_CUE = re.compile(
    r"\b(?:in|during|by|until|through|since|this|that|the|last|next|"
    r"early|late|each|every|of)\s+$",
    re.IGNORECASE,
)


@rule("season")
def _season(m, ctx, start, end):
    pre = m.group("pre")
    if _key(pre) == "the":
        pre = None
        if re.match(r"\s+of\b", ctx.text[end : end + 5]) and _key(m.group("season")) in (
            "fall",
            "spring",
        ):
            return None
    elif not pre and not _SEASON_CUE.search(_before(ctx, start, 12)):
        return None
    k = _key(m.group("season"))
    if k in ("fall", "spring") and re.match(r"\s+of\s+(?!\d)", ctx.text[end : end + 8]):
        return None
    s = SEASON_WORDS[k]

    def fn(d: date, future: bool) -> Cal:
        cur = from_date(d, "season")
        y = cur.year
        if future and s < (cur.n or 0):
            y += 1
        elif not future and s > (cur.n or 0):
            y -= 1
        return Cal("season", y, n=s)

    r = dct_relative(ctx, start, end, fn, "XXXX-" + cal_.SEASONS[s])
    if r is not None:
        r.mod = mod_of(pre) if pre else None
    return r


@rule("duration")
def _duration(m, ctx, start, end):
    numw, unitw = _key(m.group("num")), _key(m.group("unit"))
    if numw in ("a", "an", "the") and unitw.startswith("second"):
        return None
    if numw in ("a", "an") and unitw.endswith("s"):
        return None
    n = number(numw)
    if n is not None and m.group("half"):
        n += 0.5  # "a minute and a half"
    if re.fullmatch(r"(?:19|20)\d\d", numw) and not unitw.endswith("s"):
        return _year_unit(ctx, start, int(numw), unitw)
    if n is not None and re.fullmatch(r"\d+(?:\.\d+)?", numw) and n > 10000:
        return None
    mod = _approx(m.group("approx"))
    if m.group("to"):
        mod = "APPROX"
    if m.group("orso"):
        mod = "APPROX"
    # "$1.76 a year", "four flights a week" are rates and "52 years old" an age
    if numw in ("a", "an", "per") and _rate_before(_before(ctx, start, 30)):
        return None
    if re.match(r"[\s-]+old\b", ctx.text[end : end + 6]):
        return None
    if numw == "one" and unitw == "day" and _MODAL.search(_before(ctx, start, 12)):
        return Result("DATE", "FUTURE_REF")  # "will one day be": some day to come
    # "three-quarters of its food", "a quarter of the market": fractions
    if unitw.startswith("quarter") and ("-" in m.group(0) or _FRACTION_OF.match(ctx.text, end)):
        return None
    s = start
    if m.group(0).lower().startswith("the") and (not unitw.endswith("s") or "-" in m.group(0)):
        s = start + 4  # "the 30-day period": the adjective alone
    return Result("DURATION", duration(n, unitw), mod=mod, start=s)


_MODAL = re.compile(r"\b(?:will|would|could|may|might|shall|can)\s+$", re.IGNORECASE)
_FRACTION_OF = re.compile(
    r"\s+of\s+(?:the|its|their|his|her|our|all|a|an|this|that|these)\b", re.IGNORECASE
)
_RATE_BEFORE = re.compile(
    r"(?:\d|percent|%|\b(?!(?:times|days|weeks|months|years|hours)\b)"
    r"[a-z]{3,}s)\s*$",
    re.IGNORECASE,
)
_NOT_RATE = re.compile(
    r"\b(?:in|for|within|over|about|after|than|nearly|almost|only|just|of"
    r"|once|twice|and|or|least|past|last|next|first|by|is|was|takes?|took"
    r"|lasts?|lasted|spends?|spent|as)\s*$",
    re.IGNORECASE,
)


def _rate_before(before: str) -> bool:
    """A price, count or plural noun right before "a year": a rate, not a duration."""
    return bool(_RATE_BEFORE.search(before)) and not _NOT_RATE.search(before)


def _year_unit(ctx: Context, start: int, year: int, unit: str) -> Result | None:
    """ "the 1988 quarter": the quarter under discussion, in that year."""
    if unit == "quarter":
        ref, _ = _quarter_ref(ctx, start, "quarter")
        n = ref.n if ref is not None else None
        if n is None:
            return Result("DATE", f"{year}-QX")
        return out(Cal("quarter", year, n=n))
    if unit == "year":
        return out(Cal("year", year))
    return None


_BARE_CUE = re.compile(
    r"\b(?:for|over|within|after|took|take|takes|lasted|last|in|than|"
    r"many|few|several|recent|coming|past)\s+$",
    re.IGNORECASE,
)


@rule("unit_adj")
def _unit_adj(m, ctx, start, end):
    unit = _key(m.group("unit"))
    plural = unit.endswith("s")
    return Result(
        "DURATION", duration(None if plural else 1, unit.rstrip("s").replace("centurie", "century"))
    )


@rule("bare_units")
def _bare_units(m, ctx, start, end):
    if not _BARE_CUE.search(_before(ctx, start, 12)):
        return None
    return Result("DURATION", duration(None, m.group("w")))


@rule("the_unit")
def _the_unit(m, ctx, start, end):
    unit = _key(m.group("unit"))
    fy = _key(m.group("fy"))
    if unit == "year":
        if _ENDED.match(ctx.text, end):
            return Result("DURATION", "P1Y")  # "the year ended Sept. 30": a 12-month span
        # "for the year": the year under discussion, else the DCT's; "the full year",
        # "the fiscal year" in news are the current one
        ref, tid = ctx.reference(start)
        if (
            not fy
            and ref is not None
            and tid != "dct"
            and ref.gran not in ("decade", "century")
            and start - _last_end(ctx, start) < 300
        ):
            return out(_trunc(ref, "year"), anchor=tid)
        if ctx.dct is None:
            return _unresolved("XXXX")
        return out(from_date(ctx.dct, "year"), anchor="dct", needs_dct=True)
    if fy:
        return None
    if unit == "quarter":
        ref, tid = _quarter_ref(ctx, start, "quarter", end)
        if ref is None:
            return _unresolved("XXXX-QX")
        return out(ref, anchor=tid, needs_dct=tid == "dct")
    if unit == "weekend":
        return _rel_unit(ctx, start, end, "this", "weekend")
    if unit in ("week", "month", "day"):
        ref, tid = ctx.reference(start)
        if ref is None or cal_.coarser(ref.gran, unit):
            return None
        base = ref if ref.gran != "time" else from_date(cal_.start_date(ref))
        c = from_date(cal_.start_date(base), unit)
        return out(c, anchor=tid, needs_dct=tid == "dct")
    return None


_COUNT_NOUN = re.compile(
    r"\s*(?:people|persons|shares|troops|soldiers|deaths|workers|employees|jobs|units|points"
    r"|feet|foot|meters|metres|miles|km|kilometers|kilometres|tons|tonnes|barrels|votes|cases"
    r"|dollars|yen|euros|pounds|marks|francs|members|students|words|pages|copies|cars|vehicles"
    r"|homes|houses|acres|rooms|seats|times|calories|residents|children|men|women|patients"
    r"|prisoners|refugees|casualties|fatalities|civilians|rounds|bushels|contracts|ounces"
    r"|passengers|hostages|rockets|missiles|planes|aircraft|ships|bodies|villagers|others"
    r"|delegates|signatures|respondents|visitors|hours|minutes|years|days|degrees|yards)\b",
    re.IGNORECASE,
)
_YEAR_CUE = re.compile(
    r"\b(?:in|since|of|from|by|until|till|to|during|year|circa|c\.|"
    r"before|after|around|and|between|through|early|late|mid)\s+$",
    re.IGNORECASE,
)


@rule("year")
def _year(m, ctx, start, end):
    y = int(m.group("year"))
    if _COUNT_NOUN.match(ctx.text, end):
        return None
    if y < 1900 and not _YEAR_CUE.search(_before(ctx, start, 10)):
        return None
    before = _before(ctx, start, 12)
    if re.search(
        r"(?:no\.|number|#|page|flight|route|model|room|rs\.?|us\$|\$)\s*$", before, re.IGNORECASE
    ):
        return None
    return out(Cal("year", y))


def normalize(rule_name: str, m: re.Match, ctx: Context, start: int, end: int) -> Result | None:
    """Dispatch a candidate to its rule's handler; any failure rejects the candidate."""
    try:
        return HANDLERS[rule_name](m, ctx, start, end)
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


@rule("holiday")
def _holiday(m, ctx, start, end):
    name = _key(m.group("h")).replace("’", "'")
    if name == "may day" and not _capitalized(m.group("h")):
        return None
    rel = _key(m.group("rel"))
    week = _key(m.group("week"))
    if m.group("year"):
        y, anchor = int(m.group("year")), None
    elif ctx.dct is None:
        return _unresolved("XXXX-XX-XX")
    else:
        d0 = ctx.dct
        future = tense(ctx.text, start, end) == "future"
        if rel == "last":
            future = False
        elif rel == "next":
            future = True
        this_year = holiday_date(name, d0.year)
        if this_year is None:
            return None
        if rel == "this" or abs((this_year - d0).days) <= 7:
            y = d0.year  # "as Easter week began": a holiday this close is this year's
        elif future:
            y = d0.year if this_year >= d0 else d0.year + 1
        else:
            y = d0.year if this_year <= d0 else d0.year - 1
        anchor = "dct"
    d = holiday_date(name, y)
    if d is None:
        return None
    c = from_date(d, "week") if week == "week" else from_date(d)
    return out(c, anchor=anchor, needs_dct=anchor == "dct")


@rule("year_end")
def _year_end(m, ctx, start, end):
    if ctx.dct is None:
        return _unresolved("XXXX", mod="END")
    y = ctx.dct.year
    since = re.search(r"\bsince\s+$", _before(ctx, start, 10), re.IGNORECASE)
    if since or tense(ctx.text, start, end) == "past" and ctx.dct.month < 4:
        y -= 1  # "since year-end", or early in the year: the year-end just gone
    s = start + 7 if m.group(0).lower().startswith("around") else start
    return out(Cal("year", y), mod="END", anchor="dct", needs_dct=True, start=s)


@rule("vague_ref")
def _vague_ref(m, ctx, start, end):
    if m.group("time"):
        return Result("DURATION", duration(None, m.group("time")))
    if _key(m.group("term")) == "long":
        return None
    return Result("DATE", "FUTURE_REF")


_WORD_NUM = {**{k: v for k, v in NUMBERS.items() if " " not in k and isinstance(v, int)}, "oh": 0}


def _year_of(m: re.Match) -> int | None:
    """The year group of a match: digits, or spelled ("nineteen ninety-four")."""
    if m.group("year"):
        return int(m.group("year"))
    c, _, rest = _key(m.group("syear")).replace("-", " ").partition(" ")
    return spelled_year(c, rest)


def spelled_year(c: str, y: str) -> int | None:
    """ "nineteen", "ninety-four" -> 1994."""
    century = 18 if _key(c) == "eighteen" else 19
    words = _key(y).replace("-", " ").split()
    if words == ["hundred"]:
        return century * 100
    tail = sum(_WORD_NUM.get(w, 0) for w in words)
    return century * 100 + tail if 0 <= tail <= 99 else None


@rule("spelled_year")
def _spelled_year(m, ctx, start, end):
    y = spelled_year(m.group("c"), m.group("y"))
    return None if y is None else out(Cal("year", y))


@rule("year_named")
def _year_named(m, ctx, start, end):
    if m.group("year"):
        return out(Cal("year", int(m.group("year"))))
    tail = _key(m.group("tail")).replace("-", " ").split()
    return out(Cal("year", 2000 + sum(_WORD_NUM.get(w, 0) for w in tail)))


@rule("spelled_decade")
def _spelled_decade(m, ctx, start, end):
    tens = {
        "twenties": 2,
        "thirties": 3,
        "forties": 4,
        "fifties": 5,
        "sixties": 6,
        "seventies": 7,
        "eighties": 8,
        "nineties": 9,
    }[_key(m.group("d"))]
    pre = m.group("pre")
    mod = mod_of(pre) if pre and _key(pre) != "the" else None
    return out(Cal("decade", 190 + tens), mod=mod)
