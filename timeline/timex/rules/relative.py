"""Dates counted from the publication date or the last date mentioned: 'last year',
'Wednesday', 'the next day', 'two weeks ago', 'today', holidays, seasons."""

from __future__ import annotations

import re
from datetime import date, timedelta

from timeline.lang import alternation
from timeline.model import PRECISION_RANK
from timeline.timex import calendar as cal_
from timeline.timex.calendar import Cal, from_date, shift
from timeline.timex.holidays import holiday_date
from timeline.timex.resolve import (
    COMPARED,
    Context,
    compared_quarter,
    context_gran,
    dct_relative,
    last_end,
    tense,
    weekday_date,
)
from timeline.timex.rules.absolute import explicit_day
from timeline.timex.rules.base import apply, regex_of, rule
from timeline.timex.rules.quarters import ENDED, quarter_ref
from timeline.timex.values import (
    Result,
    approx_mod,
    capitalized,
    day_of,
    duration,
    mod_of,
    month_of,
    number,
    out,
    text_before,
    truncate,
    unit_cal,
    unit_of,
    unknown,
    unresolved,
    valid_day,
    weekday_of,
    with_pod,
    word_key,
)
from timeline.timex.vocab import MONTHS, POD_WORDS, SEASON_WORDS, UNITS, WEEKDAYS


def rel_unit(
    ctx: Context,
    start: int,
    end: int,
    rel: str,
    unit: str,
    pod: str | None = None,
    mod: str | None = None,
) -> Result | None:
    """last/next/this/that + week, month, year, Friday, April, summer, night."""
    k = word_key(unit)
    rel = rel.replace("the ", "")
    rel = {"this coming": "coming", "this past": "last", "that same": "same"}.get(rel, rel)
    if k in WEEKDAYS:
        wd = weekday_of(unit)
        podc = POD_WORDS.get(word_key(pod)) if pod else None
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

        return dct_relative(ctx, start, end, fn, unknown("day", wd=wd, pod=podc))
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
        return dct_relative(ctx, start, end, fn_m, unknown("month", month))
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
            return unresolved(f"XXXX-XX-XXT{pc}", "TIME")
        day = d + timedelta(days=off if pc == "NI" or rel != "this" else 0)
        return out(Cal("time", day.year, day.month, day.day, pod=pc), anchor="dct", needs_dct=True)
    unit_name = UNITS.get(k, ("", k))[1]
    if rel in ("that", "same", "previous", "prior", "preceding", "following"):
        ref, tid = ctx.reference(start)
        if ref is None:
            return None
        g = unit_name if unit_name in PRECISION_RANK else "day"
        base = truncate(ref, g) if g != "week" else from_date(cal_.start_date(ref), "week")
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
        and (possessive or COMPARED.search(text_before(ctx, start, 60)))
    ):
        q = compared_quarter(ctx, start)
        if q is not None:
            return out(shift(q[0], -1, "year"), anchor=q[1], derived=True)
    if ctx.dct is None:
        return unresolved(unknown(unit_name if unit_name != "weekend" else "week"), mod=mod)
    base = unit_cal(ctx.dct, unit_name)
    if (
        unit_name == "weekend"
        and rel == "this"
        and tense(ctx.text, start, end) == "past"
        and ctx.dct.isoweekday() < 5
    ):
        off = -1
    c = shift(base, off, "week" if unit_name == "weekend" else unit_name)
    return out(c, anchor="dct", needs_dct=True, mod=mod)


# last year / next month / this week / last Friday / this spring / last night
@rule(
    "rel",
    r"(?:the\s+)?(?P<rel><<REL>>|that(?:\s+same)?)\s+(?:fiscal\s+)?"
    r"(?P<unit><<UNIT1>>|<<WEEKDAY>>|<<SEASON>>"
    r"|<<MONTH>>(?!\s*\d)|<<POD>>)(?:\s+(?P<pod><<POD>>))?(?P<orso>\s+or\s+so)?",
)
def _rel(m, ctx, start, end):
    rel, unit = word_key(m.group("rel")), word_key(m.group("unit"))
    if unit in ("may", "march") and not capitalized(m.group("unit")):
        return None  # "arrested at this march": the noun
    mod = "APPROX" if m.group("orso") else None
    if rel == "past" and unit in ("decade", "century"):
        return Result("DURATION", duration(1, unit), mod=mod)  # "the past decade"
    if rel == "past":
        rel = "last"  # TimeBank reads "the past year" as the calendar year before
    pod = m.group("pod")
    r = rel_unit(ctx, start, end, rel, unit, pod, mod)
    if r is not None and pod and unit not in WEEKDAYS:
        r.end = start + m.end("unit") - m.start()  # "last year morning": keep "last year"
    return r


# earlier this year / later this month / early next year / the end of this week
@rule(
    "rel_mod",
    r"(?P<pre><<PRE>>|(?:earlier|later)\s+(?:in\s+)?)(?P<rel>last|next|this|that"
    r"|the\s+(?:past|previous|following|same|current|coming)|the)\s+"
    r"(?P<unit><<UNIT1>>|<<SEASON>>|<<MONTH>>|<<POD>>)",
)
def _rel_mod(m, ctx, start, end):
    pre = word_key(m.group("pre"))
    mod = mod_of(pre.replace(" in", ""))
    rel = word_key(m.group("rel"))
    if rel == "the":
        rel = "this"
    return rel_unit(ctx, start, end, rel, m.group("unit"), mod=mod)


# 53 days later / two years ago / a year earlier / three weeks from now
@rule(
    "offset",
    r"(?:(?P<approx><<APPROX>>)\s+)?(?P<num><<NUM>>)[\s-]+(?P<unit><<UNIT>>)"
    r"(?:\s+(?:and\s+(?:a\s+half|<<NUM>>\s+<<UNIT>>)))?(?P<orso>\s+or\s+so)?\s+"
    r"(?P<dir>ago|earlier|later|hence|from\s+now|back|(?:before|after|since)"
    r"(?!\s+(?:the|a|an|his|her|their|its|he|she|they|it|when|we|I|you)\b))"
    r"(?=\W|$)",
)
def _offset(m, ctx, start, end):
    n = number(m.group("num"))
    _, unit = unit_of(m.group("unit"))
    direction = word_key(m.group("dir"))
    if (
        n is not None
        and "half" in m.group(0)[m.end("unit") - m.start() : m.start("dir") - m.start()]
    ):
        n += 0.5  # "a minute and a half later"
    mod = approx_mod(m.group("approx"))
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
            return unresolved(unknown(unit if unit in PRECISION_RANK else "day"), mod=mod)
        base, tid = context_gran(ctx, start, unit, from_date(ctx.dct), "dct")
    else:
        ref, tid = ctx.event_reference(start, unit, topical=back)
        if ref is None:
            return unresolved(unknown(unit if unit in PRECISION_RANK else "day"), mod=mod)
        base, tid = context_gran(ctx, start, unit, ref, tid)
    if k != int(k):
        return Result("DATE", "PAST_REF" if back else "FUTURE_REF", mod=mod)
    c = shift(base, -int(k) if back else int(k), unit)
    return out(c, anchor=tid, needs_dct=tid == "dct", mod=mod, derived=True)


# years ago / weeks later: a vague offset
@rule(
    "vague_offset",
    r"(?P<unit>years|months|weeks|days|decades|hours|minutes)\s+"
    r"(?P<dir>ago|later|earlier)",
)
def _vague_offset(m, ctx, start, end):
    if word_key(m.group("dir")) == "ago":
        return Result("DATE", "PAST_REF")
    # "weeks later": the stretch of time is the timex
    return Result(
        "DURATION", duration(None, m.group("unit")), end=start + m.end("unit") - m.start()
    )


# the next day / the following week / the previous year / the day before
@rule(
    "anaph",
    r"the\s+(?:(?P<rel>next|following|previous|preceding|prior|same)\s+"
    r"(?P<unit><<UNIT1>>|<<POD>>|<<WEEKDAY>>)|(?P<rel2>day\s+before|day\s+after))",
)
def _anaph(m, ctx, start, end):
    rel, unit = word_key(m.group("rel") or m.group("rel2")), word_key(m.group("unit"))
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
                truncate(last.cal, "day")
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
            truncate(ref, "day") if ref.gran == "day" else from_date(cal_.start_date(ref)),
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
        return unresolved(unknown(uname if uname in PRECISION_RANK else "day"))
    if uname == "day" and ref.gran not in ("day", "time"):
        ref = ctx.refine_to_day(ref) or ref
    g = uname if uname in PRECISION_RANK else "day"
    if cal_.coarser(ref.gran, g):
        return unresolved(unknown(g)) if rel != "same" else out(ref, anchor=tid)
    base = truncate(ref if ref.gran != "time" else from_date(cal_.start_date(ref)), g)
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
        m2 = regex_of(name).match(ctx.text, pos)
        if m2 is None or m2.end() == pos:
            continue
        r = apply(name, m2, ctx, pos, m2.end())
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


# today / now / yesterday morning / tonight
@rule(
    "deictic",
    r"(?P<pre>mid-|(?:mid|late|early|later|earlier)\s+)?(?P<w>the\s+day\s+before\s+"
    r"yesterday|the\s+day\s+after\s+tomorrow|today|tonight|overnight|yesterday"
    r"|tomorrow|nowadays|now|currently|recently|lately"
    r"|the\s+future|the\s+past(?!\s+(?:<<NUM>>|several|few|many)\s)|the\s+present|at\s+present|presently"
    r"|(?:in\s+)?(?:recent|coming)\s+(?:years|months|weeks|days|decades|times)"
    r"|future\s+(?:years|months|weeks|quarters|decades|generations)"
    r"|these\s+days|current|recent)(?:\s+(?P<pod><<POD>>))?"
    r"(?!\s+(?:account|affairs|events|slot|rate|law|system|yield|price)\b)",
)
def _deictic(m, ctx, start, end):
    w = word_key(m.group("w"))
    pre = word_key(m.group("pre"))
    pod = POD_WORDS.get(word_key(m.group("pod"))) if m.group("pod") else None
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
        return unresolved(
            "XXXX-XX-XX" + (f"T{pod}" if pod else ""), "TIME" if pod else "DATE", mod=mod
        )
    d = ctx.dct + timedelta(days=off)
    return out(with_pod(from_date(d), pod), anchor="dct", needs_dct=True, mod=mod)


# Wednesday night / Friday / on Tuesdays / mid-afternoon
@rule(
    "weekday",
    r"(?P<pre>(?:early|late)\s+)?(?P<wd><<WEEKDAY>>)(?P<plural>s)?"
    r"(?:\s+(?P<pod><<POD>>)(?P<podplural>s\b)?)?",
)
def _weekday(m, ctx, start, end):
    wd_s = m.group("wd")
    if not capitalized(wd_s) and (len(word_key(wd_s)) <= 5 or wd_s.islower() and len(wd_s) < 6):
        return None
    wd = weekday_of(wd_s)
    pod = POD_WORDS.get(word_key(m.group("pod"))) if m.group("pod") else None
    shared = None if pod else _SHARED_POD.match(ctx.text, end)
    if shared is not None:  # "Monday and Tuesday nights": both are sets of nights
        pod = POD_WORDS[word_key(shared.group(1))]
    if m.group("plural") or m.group("podplural") or shared is not None:
        # "on Tuesdays", "Tuesday nights"
        return Result("SET", f"XXXX-WXX-{wd}" + (f"T{pod}" if pod else ""))
    mod = {"early": "START", "late": "END"}.get(word_key(m.group("pre")))

    apposed = apposed_date(ctx, end, wd)
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

    r = dct_relative(ctx, start, end, fn, unknown("day", wd=wd, pod=pod))
    if r is not None and pod and r.type != "TIME":
        r.type = "TIME"
    if r is not None:
        r.mod = mod
    return r


_APPOSED = re.compile(r"\s*,?\s+(?=\S)")


_SHARED_POD = re.compile(
    rf"\s*(?:,|and|or|,\s*and)\s+{alternation(w for w in WEEKDAYS if w.endswith('day'))}"
    r"\s+(morning|afternoon|evening|night)s\b",
    re.IGNORECASE,
)


def apposed_date(ctx: Context, end: int, wd: int) -> Result | None:
    """The explicit date right after a weekday, when it falls on that weekday."""
    gap = _APPOSED.match(ctx.text, end)
    if gap is None or gap.end() - end > 3:
        return None
    m = regex_of("mdy").match(ctx.text, gap.end()) or regex_of("dmy").match(ctx.text, gap.end())
    if m is None:
        return None
    r = explicit_day(
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
            if valid_day(y, c.month, c.day) and date(y, c.month, c.day).isoweekday() == wd:
                r = out(Cal("day", y, c.month, c.day), anchor=r.anchor, needs_dct=r.needs_dct)
                break
        else:
            return None
    r.end = m.end()
    return r


_SEASON_CUE = re.compile(
    r"\b(?:in|during|by|until|through|since|this|that|the|last|next|"
    r"early|late|each|every|of)\s+$",
    re.IGNORECASE,
)


@rule("season", r"(?P<pre><<PRE>>|the\s+)?(?P<season><<SEASON>>)")
def _season(m, ctx, start, end):
    pre = m.group("pre")
    if word_key(pre) == "the":
        pre = None
        if re.match(r"\s+of\b", ctx.text[end : end + 5]) and word_key(m.group("season")) in (
            "fall",
            "spring",
        ):
            return None
    elif not pre and not _SEASON_CUE.search(text_before(ctx, start, 12)):
        return None
    k = word_key(m.group("season"))
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


@rule(
    "the_unit",
    r"the\s+(?P<fy>(?:fiscal|full|calendar)\s+)?(?P<unit>year|quarter|month|week"
    r"|weekend|day)(?!-)",
)
def _the_unit(m, ctx, start, end):
    unit = word_key(m.group("unit"))
    fy = word_key(m.group("fy"))
    if unit == "year":
        if ENDED.match(ctx.text, end):
            return Result("DURATION", "P1Y")  # "the year ended Sept. 30": a 12-month span
        # "for the year": the year under discussion, else the DCT's; "the full year",
        # "the fiscal year" in news are the current one
        ref, tid = ctx.reference(start)
        if (
            not fy
            and ref is not None
            and tid != "dct"
            and ref.gran not in ("decade", "century")
            and start - last_end(ctx, start) < 300
        ):
            return out(truncate(ref, "year"), anchor=tid)
        if ctx.dct is None:
            return unresolved("XXXX")
        return out(from_date(ctx.dct, "year"), anchor="dct", needs_dct=True)
    if fy:
        return None
    if unit == "quarter":
        ref, tid = quarter_ref(ctx, start, "quarter", end)
        if ref is None:
            return unresolved("XXXX-QX")
        return out(ref, anchor=tid, needs_dct=tid == "dct")
    if unit == "weekend":
        return rel_unit(ctx, start, end, "this", "weekend")
    if unit in ("week", "month", "day"):
        ref, tid = ctx.reference(start)
        if ref is None or cal_.coarser(ref.gran, unit):
            return None
        base = ref if ref.gran != "time" else from_date(cal_.start_date(ref))
        c = from_date(cal_.start_date(base), unit)
        return out(c, anchor=tid, needs_dct=tid == "dct")
    return None


# the 1989 period / the 1988 fourth quarter handled by quarter; this one for "period"
# Thanksgiving Day / last Christmas / Easter week / Election Day
@rule(
    "holiday",
    r"(?:(?P<rel>last|next|this)\s+)?(?P<h><<HOLIDAY>>)(?:<<SEP>>(?P<year><<YEAR>>))?"
    r"(?P<week>\s+week(?:end)?)?",
)
def _holiday(m, ctx, start, end):
    name = word_key(m.group("h")).replace("’", "'")
    if name == "may day" and not capitalized(m.group("h")):
        return None
    rel = word_key(m.group("rel"))
    week = word_key(m.group("week"))
    if m.group("year"):
        y, anchor = int(m.group("year")), None
    elif ctx.dct is None:
        return unresolved("XXXX-XX-XX")
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


# year-end / by year's end / the end of the year handled by rel_mod
@rule("year_end", r"(?:around\s+)?(?:fiscal\s+)?year(?:-|\s+|'s\s+)end")
def _year_end(m, ctx, start, end):
    if ctx.dct is None:
        return unresolved("XXXX", mod="END")
    y = ctx.dct.year
    since = re.search(r"\bsince\s+$", text_before(ctx, start, 10), re.IGNORECASE)
    if since or tense(ctx.text, start, end) == "past" and ctx.dct.month < 4:
        y -= 1  # "since year-end", or early in the year: the year-end just gone
    s = start + 7 if m.group(0).lower().startswith("around") else start
    return out(Cal("year", y), mod="END", anchor="dct", needs_dct=True, start=s)


# the near future / the short term
@rule(
    "vague_ref",
    r"the\s+(?:(?P<near>near|immediate|foreseeable)\s+future|(?P<term>near|short"
    r"|long)\s+term|(?P<time>days|weeks|months|years)\s+(?P<dir>ahead|to\s+come))",
)
def _vague_ref(m, ctx, start, end):
    if m.group("time"):
        return Result("DURATION", duration(None, m.group("time")))
    if word_key(m.group("term")) == "long":
        return None
    return Result("DATE", "FUTURE_REF")
