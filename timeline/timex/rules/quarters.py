"""Fiscal and calendar quarters and halves: 'the third quarter', 'Q3 2024', 'year-earlier'."""

from __future__ import annotations

import re
from datetime import date, timedelta

from timeline.timex.calendar import Cal, from_date, shift
from timeline.timex.resolve import Context, compared_quarter, dct_relative, tense
from timeline.timex.rules.base import regex_of, rule
from timeline.timex.values import (
    Result,
    day_of,
    duration,
    month_of,
    number,
    out,
    truncate,
    unresolved,
    word_key,
)
from timeline.timex.vocab import ORDINALS

ENDED = re.compile(r"\s+(?:ended|ending|that\s+ended)\s+")


def quarter_ref(
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
    gap = ENDED.match(ctx.text, end)
    if gap is None or ctx.dct is None:
        return None
    m = regex_of("mdy").match(ctx.text, gap.end())
    if m is None:
        return None
    try:
        month, day = month_of(m.group("month")), day_of(m.group("day"))
        y = int(m.group("year")) if m.group("year") else ctx.dct.year
        d = date(y, month, day)
        return d if m.group("year") or d <= ctx.dct else date(y - 1, month, day)
    except (ValueError, KeyError):
        return None


# the third quarter of 1989 / third-quarter / Q1 2024 / the first half
@rule(
    "quarter",
    r"(?:the\s+)?(?:(?P<ypre><<YEAR>>|(?:this|last|next)\s+year's)\s+)?"
    r"(?:(?P<ago>(?:comparable\s+)?year-(?:ago|earlier))\s+)?"
    r"(?:(?P<fisc>fiscal|calendar)[\s-]+)?(?P<ord><<ORD>>|final|last|latest"
    r"|current|same|year-earlier|year-ago|comparable|previous|prior|preceding|recent)"
    r"(?:[\s-]+(?:fiscal|calendar))?[\s-]+(?P<unit>quarter|half|period)"
    r"(?:\s+of\s+(?:fiscal\s+|the\s+)?(?:(?P<year><<YEAR>>)|(?P<rel>last|this|next)"
    r"\s+year|year)|<<SEP>>(?P<year2><<YEAR>>))?"
    # "the last half of the century", "the first half of the '80s": not a year's half
    r"(?!\s+(?:of\s+the\s+)?centur|\s+of\s+the\s+(?:'\d0s|\d{3}0s|\w+ties)\b)",
)
def _quarter(m, ctx, start, end):
    ordw, unit = word_key(m.group("ord")), word_key(m.group("unit"))
    year_s = m.group("year") or m.group("year2")
    ypre = word_key(m.group("ypre"))
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
        return unresolved("XXXX-QX")
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
                return unresolved("XXXX-QX" if gran == "quarter" else "XXXX-HX")
            y = ctx.dct.year + {"last": -1, "next": 1}.get(word_key(m.group("rel")), 0)
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
        return unresolved("XXXX-QX")
    if ordw in ("last", "previous", "prior", "preceding") and ctx.dct:
        return out(shift(from_date(ctx.dct, gran), -1, gran), anchor="dct", needs_dct=True)
    if ordw == "current":
        return out(from_date(ctx.dct, gran), anchor="dct", needs_dct=True)
    closed = ordw in ("latest", "recent", "year-earlier", "year-ago")
    ref, tid = quarter_ref(ctx, start, gran, end, closed=closed)
    if ref is None:
        return unresolved("XXXX-QX")
    derived = ordw in ("year-earlier", "year-ago")
    if derived:
        ref = shift(ref, -1, "year")
    return out(ref, anchor=tid, needs_dct=tid == "dct", derived=derived)


@rule("q_code", r"(?P<q>Q[1-4]|H[12])(?:(?:\s+|-|\s*')(?P<year><<YEAR>>|\d\d))?")
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


# the year-earlier quarter / year-ago
@rule(
    "year_ago_adj",
    r"(?:the\s+)?(?:(?:comparable|corresponding|same)\s+)?year-(?:earlier|ago)"
    r"(?P<noun>\s+(?:quarter|period|month|level|results?|figures?"
    r"|(?:three|six|nine|twelve|\d{1,2})\s+months))?"
    # the corresponding period last year / the quarter a year ago / last year's quarter
    r"|(?:the\s+)?(?:(?:comparable|corresponding|same)\s+)?(?P<noun2>quarter|period)"
    r"\s+(?:of\s+)?(?:a\s+year\s+(?:ago|earlier)|last\s+year|the\s+previous\s+year)"
    r"|last\s+year's\s+(?P<noun3>quarter|period)",
)
def _year_ago_adj(m, ctx, start, end):
    noun = word_key(m.group("noun") or m.group("noun2") or m.group("noun3"))
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
    q = compared_quarter(ctx, start)
    if noun == "quarter" and q is None:
        q = quarter_ref(ctx, start, "quarter")
    if q is not None and q[0] is not None:
        ref, tid = q
    elif ctx.dct is not None:
        ref, tid = from_date(ctx.dct, "year"), "dct"
    else:
        ref, tid = ctx.reference(start, topical=True)
    if ref is None:
        return unresolved("XXXX", end=end)
    g = ref.gran if ref.gran in ("quarter", "half", "month", "year") else "year"
    c = shift(truncate(ref, g), -1, "year")
    return out(c, anchor=tid, needs_dct=tid == "dct", end=end, start=start, derived=True)


def year_unit(ctx: Context, start: int, year: int, unit: str) -> Result | None:
    """ "the 1988 quarter": the quarter under discussion, in that year."""
    if unit == "quarter":
        ref, _ = quarter_ref(ctx, start, "quarter")
        n = ref.n if ref is not None else None
        if n is None:
            return Result("DATE", f"{year}-QX")
        return out(Cal("quarter", year, n=n))
    if unit == "year":
        return out(Cal("year", year))
    return None
