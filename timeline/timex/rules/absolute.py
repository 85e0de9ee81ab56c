"""Dates the text states: days, months, years, decades, centuries, spelled years."""

from __future__ import annotations

import re
from dataclasses import replace

from timeline.timex import calendar as cal_
from timeline.timex.calendar import Cal, from_date
from timeline.timex.resolve import (
    MONTHS_SPAN,
    Context,
    compared_quarter,
    guess_year,
    last_with_month,
    same_day_named,
)
from timeline.timex.rules.base import rule
from timeline.timex.values import (
    WORD_NUMBERS,
    Result,
    capitalized,
    day_of,
    mod_of,
    month_of,
    out,
    spelled_year,
    text_before,
    unknown,
    unresolved,
    valid_day,
    word_key,
    year_of,
)
from timeline.timex.vocab import SEASON_WORDS


def explicit_day(
    ctx: Context,
    m: re.Match[str],
    start: int,
    end: int,
    month: int,
    day: int,
    year_s: str | None,
    wd: str | None = None,
) -> Result | None:
    """A month and day, with the year written (two digits: 1950-2049) or guessed from the
    context; None for a day the calendar does not have."""
    if year_s:
        y = int(year_s)
        if y < 100:
            y += 1900 if y >= 50 else 2000
        if not valid_day(y, month, day):
            return None
        return out(Cal("day", y, month, day))
    same = same_day_named(ctx, month, day, start)
    if same is not None:
        # "killed on Oct. 23, 1998 ... since the Oct. 23 slaying": the day named before
        return out(Cal("day", same.cal.year, month, day), anchor=same.tid)
    y, anchor = guess_year(ctx, month, day, start, end)
    if y is None:
        if not valid_day(2000, month, day):
            return None
        return unresolved(unknown("day", month, day))
    if not valid_day(y, month, day):
        return None
    r = out(Cal("day", y, month, day), anchor=anchor, needs_dct=anchor == "dct")
    return r


# Wednesday, October 7, 2023 / October 7, 2023 / 7 October 2023 / October 7
# (TimeML tags "Thursday, Jan. 6" as two timexes: the weekday rule takes the first)
@rule(
    "mdy",
    r"(?P<month><<MONTH>>)\s+(?P<day><<DAY>>)"
    r"(?:<<SEP>>(?P<year><<YEAR>>))?(?!\s*(?:-|to)\s*\d|\s+and\s+<<DAY2>>)",
)
def _mdy(m, ctx, start, end):
    mw = m.group("month")
    if word_key(mw) in ("may", "march") and not capitalized(mw):
        return None
    return explicit_day(ctx, m, start, end, month_of(mw), day_of(m.group("day")), m.group("year"))


# March 3-9, 2024 / 3-9 March 2024 (two timexes, linked as a range)
@rule(
    "day_range",
    r"(?:(?P<month><<MONTH>>)\s+(?P<d1><<DAY>>)"
    r"(?:\s*(?:-|–|to|through|until)\s*|\s+and\s+(?=<<DAY2>>))(?P<d2><<DAY>>)"
    r"|(?P<d1x><<DAY>>)\s*(?:-|–|to|through|until|and)\s*"
    r"(?P<d2x><<DAY>>)\s+(?P<monthx><<MONTH>>))(?:<<SEP>>(?P<year><<YEAR>>))?",
)
def _day_range(m, ctx, start, end):
    """ "March 3-9, 2024", "3 to 9 March": two days of one month, the year carried."""
    dmy = m.group("monthx") is not None
    mw = m.group("monthx") if dmy else m.group("month")
    if not capitalized(mw):
        return None
    month = month_of(mw)
    g1, g2 = ("d1x", "d2x") if dmy else ("d1", "d2")
    d1, d2 = day_of(m.group(g1)), day_of(m.group(g2))
    if d2 <= d1:
        return None
    last = explicit_day(ctx, m, start, end, month, d2, m.group("year"))
    first = explicit_day(ctx, m, start, end, month, d1, m.group("year"))
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


@rule(
    "dmy",
    r"(?:the\s+)?(?P<day><<DAY>>)\s+(?:of\s+)?"
    r"(?P<month><<MONTH>>)(?:<<SEP>>(?P<year><<YEAR>>))?",
)
def _dmy(m, ctx, start, end):
    mw = m.group("month")
    if not capitalized(mw):
        return None
    return explicit_day(ctx, m, start, end, month_of(mw), day_of(m.group("day")), m.group("year"))


@rule(
    "iso",
    r"(?P<year>(?:1[0-9]|20)\d\d)[-/.](?P<month>0[1-9]|1[0-2])[-/.]"
    r"(?P<day>0[1-9]|[12]\d|3[01])"
    r"(?:[T\s](?P<hour>[01]\d|2[0-3]):(?P<minute>[0-5]\d))?(?![\d-])",
)
def _iso(m, ctx, start, end):
    y, mo, d = int(m.group("year")), int(m.group("month")), int(m.group("day"))
    if not valid_day(y, mo, d):
        return None
    if m.group("hour"):
        return out(Cal("time", y, mo, d, hour=int(m.group("hour")), minute=int(m.group("minute"))))
    return out(Cal("day", y, mo, d))


@rule(
    "slash",
    r"(?<![\d/])(?P<month>0?[1-9]|1[0-2])/(?P<day>0?[1-9]|[12]\d|3[01])/"
    r"(?P<year>(?:19|20)?\d\d)(?![\d/])",
)
def _slash(m, ctx, start, end):
    return explicit_day(
        ctx, m, start, end, int(m.group("month")), int(m.group("day")), m.group("year")
    )


# early June 2024 / mid-February / the end of November
@rule(
    "month_year",
    r"(?P<pre><<PRE>>)?(?P<month><<MONTH>>)(?:<<SEP>>(?:of\s+)?(?:(?P<year><<YEAR>>)"
    r"|(?P<syear><<SYEAR>>))|(?P<rel>\s+(?:last|next|this)\s+year))?",
)
def _month_year(m, ctx, start, end):
    mw, pre = m.group("month"), m.group("pre")
    month = month_of(mw)
    mod = mod_of(pre)
    if m.group("year") or m.group("syear"):
        y = year_of(m)
        return None if y is None else out(Cal("month", y, month), mod=mod)
    if not capitalized(mw) or (word_key(mw) in ("may", "march") and not pre and _verbish(ctx, end)):
        return None
    if word_key(mw) == "march" and not pre and _MARCH_NOUN.search(text_before(ctx, start, 16)):
        if re.match(r"\s+(?:for|of|on|against|to)\b", ctx.text[end : end + 10]):
            return None  # "the annual March for Life": a protest march
    if word_key(mw) in ("jan", "mar", "jun", "jul", "dec", "oct", "sept", "sep") and not pre:
        return None
    if m.group("rel"):
        rel = word_key(m.group("rel"))
        if ctx.dct is None:
            return unresolved(unknown("month", month), mod=mod)
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


def bare_month(ctx: Context, month: int, mod: str | None, start: int, end: int) -> Result:
    """'October': anaphoric after 'the' when an earlier October was named, else DCT-relative."""
    prev = last_with_month(ctx, month, start)
    definite = re.search(r"\b(?:the|that|this)\s+$", text_before(ctx, start, 12).lower())
    if prev is not None and prev.cal is not None and (definite or prev.explicit):
        # "the October incident", or "in October" after "October 2023" was named
        return out(Cal("month", prev.cal.year, month), mod=mod, anchor=prev.tid)
    y, anchor = guess_year(ctx, month, None, start, end)
    if y is None:
        return unresolved(unknown("month", month), mod=mod)
    r = out(Cal("month", y, month), mod=mod, anchor=anchor, needs_dct=anchor == "dct")
    return r


# the week of March 6
@rule(
    "week_of",
    r"the\s+week\s+of\s+(?P<month><<MONTH>>)\s+(?P<day><<DAY>>)"
    r"(?:<<SEP>>(?P<year><<YEAR>>))?",
)
def _week_of(m, ctx, start, end):
    r = explicit_day(
        ctx, m, start, end, month_of(m.group("month")), day_of(m.group("day")), m.group("year")
    )
    if r is None or r.cal is None:
        return unresolved("XXXX-WXX") if r is not None else None
    return out(from_date(cal_.start_date(r.cal), "week"), anchor=r.anchor, needs_dct=r.needs_dct)


@rule("year_period", r"the\s+(?P<year><<YEAR>>)\s+(?:period|fiscal\s+year|year)")
def _year_period(m, ctx, start, end):
    year = int(m.group("year"))
    if m.group(0).lower().endswith("period") and not MONTHS_SPAN.search(
        text_before(ctx, start, 200)
    ):
        # "the 1988 period" in a quarterly report: the quarter discussed, in that year
        q = compared_quarter(ctx, start)
        if q is not None and q[0].gran == "quarter":
            return out(Cal("quarter", year, n=q[0].n), derived=True)
    return out(Cal("year", year))


# the 1990s / the late '90s / the nineties / the 20th century
@rule("decade", r"(?P<pre><<PRE>>|the\s+)?(?:(?P<d4>1\d\d0|20\d0)|'(?P<d2>\d0))'?s(?!\w)")
def _decade(m, ctx, start, end):
    pre = m.group("pre")
    mod = mod_of(pre) if pre and word_key(pre) != "the" else None
    if m.group("d4"):
        y = int(m.group("d4"))
        if y % 100 == 0 and word_key(pre) != "the" and not mod:
            return out(Cal("century", y // 100), mod=mod)
        return out(Cal("decade", y // 10), mod=mod)
    d2 = int(m.group("d2"))
    century = 19
    if ctx.dct and d2 + 2000 <= ctx.dct.year:
        century = 20 if d2 < 30 else 19
    return out(Cal("decade", (century * 100 + d2) // 10), mod=mod)


@rule("century", r"(?P<pre><<PRE>>|the\s+)?(?P<c>\d{1,2})(?:st|nd|rd|th)\s+century")
def _century(m, ctx, start, end):
    pre = m.group("pre")
    mod = mod_of(pre) if pre and word_key(pre) != "the" else None
    c = int(m.group("c"))
    if not 1 <= c <= 30:
        return None
    return out(Cal("century", c - 1), mod=mod)


# mid-2024 / fiscal 1989 / the end of 1990 / summer 2003
@rule(
    "year_mod",
    r"(?P<pre><<PRE>>|(?P<fy>fiscal(?:\s+year)?\s+|FY\s*)"
    r"|(?:the\s+)?(?P<season><<SEASON>>)"
    r"<<SEP>>(?:of\s+)?)(?:(?P<year><<YEAR>>)|(?P<syear><<SYEAR>>))",
)
def _year_mod(m, ctx, start, end):
    y = year_of(m)
    if y is None:
        return None
    if m.group("season"):
        return out(Cal("season", y, n=SEASON_WORDS[word_key(m.group("season"))]))
    if m.group("fy"):
        return out(Cal("year", y))
    return out(Cal("year", y), mod=mod_of(m.group("pre")))


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


@rule("year", r"(?P<year><<YEAR>>)")
def _year(m, ctx, start, end):
    y = int(m.group("year"))
    if _COUNT_NOUN.match(ctx.text, end):
        return None
    if y < 1900 and not _YEAR_CUE.search(text_before(ctx, start, 10)):
        return None
    before = text_before(ctx, start, 12)
    if re.search(
        r"(?:no\.|number|#|page|flight|route|model|room|rs\.?|us\$|\$)\s*$", before, re.IGNORECASE
    ):
        return None
    return out(Cal("year", y))


# nineteen ninety-six / the nineties
@rule(
    "spelled_year",
    r"(?P<c>eighteen|nineteen)[\s-]+(?P<y><<TENS>>(?:[\s-]+<<UNITS>>)?|<<TEENS>>"
    r"|oh[\s-]+<<UNITS>>|hundred)",
)
def _spelled_year(m, ctx, start, end):
    y = spelled_year(m.group("c"), m.group("y"))
    return None if y is None else out(Cal("year", y))


# the year 2000 / the year two thousand (and one)
@rule(
    "year_named",
    r"the\s+year\s+(?:(?P<year><<YEAR>>)|two\s+thousand(?:\s+(?:and\s+)?"
    r"(?P<tail><<TEENS>>|<<UNITS>>|<<TENS>>(?:[\s-]+<<UNITS>>)?))?)",
)
def _year_named(m, ctx, start, end):
    if m.group("year"):
        return out(Cal("year", int(m.group("year"))))
    tail = word_key(m.group("tail")).replace("-", " ").split()
    return out(Cal("year", 2000 + sum(WORD_NUMBERS.get(w, 0) for w in tail)))


@rule(
    "spelled_decade",
    r"(?P<pre><<PRE>>|the\s+)(?P<d>twenties|thirties|forties|fifties|sixties"
    r"|seventies|eighties|nineties)",
)
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
    }[word_key(m.group("d"))]
    pre = m.group("pre")
    mod = mod_of(pre) if pre and word_key(pre) != "the" else None
    return out(Cal("decade", 190 + tens), mod=mod)
