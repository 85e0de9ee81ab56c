"""Times of day: '10 p.m. Wednesday', 'noon', 'the morning'."""

from __future__ import annotations

import re
from datetime import timedelta

from timeline.timex import calendar as cal_
from timeline.timex.calendar import Cal, from_date
from timeline.timex.resolve import dct_relative, weekday_date
from timeline.timex.rules.absolute import explicit_day
from timeline.timex.rules.base import rule
from timeline.timex.values import (
    approx_mod,
    clock_parts,
    day_of,
    month_of,
    out,
    text_before,
    timed,
    truncate,
    unknown,
    unresolved,
    weekday_of,
    word_key,
)
from timeline.timex.vocab import POD_WORDS


@rule(
    "clock",
    r"(?:(?P<approx>about|around)\s+)?(?P<clock><<CLOCK>>)<<ZONE>>"
    r"(?:\s+(?P<deic>today|yesterday|tomorrow))?",
)
def _clock(m, ctx, start, end):
    hm = clock_parts(m.group("clock"))
    if hm is None:
        return None
    deic = word_key(m.group("deic"))
    mod = approx_mod(m.group("approx"))
    tstr = f"T{hm[0]:02d}:{hm[1]:02d}"
    ref, tid = ctx.reference(start)
    if deic or ref is None or ref.gran not in ("day", "time"):
        if ctx.dct is None:
            return unresolved("XXXX-XX-XX" + tstr, "TIME", mod=mod)
        off = {"yesterday": -1, "tomorrow": 1}.get(deic, 0)
        d = ctx.dct + timedelta(days=off)
        return out(timed(from_date(d), hm), anchor="dct", needs_dct=True, mod=mod)
    return out(timed(truncate(from_date(cal_.start_date(ref)), "day"), hm), anchor=tid, mod=mod)


# 10 p.m. Wednesday / noon Thursday / 5 p.m. EST, Nov. 6
@rule(
    "clock_date",
    r"(?:(?:about|around)\s+)?(?P<clock><<CLOCK>>)<<ZONE>><<SEP>>"
    r"(?:(?P<wd><<WEEKDAY>>)|(?P<deic>today|yesterday|tomorrow)"
    r"|(?P<month><<MONTH>>)\s+(?P<day><<DAY>>)(?:<<SEP>>(?P<year><<YEAR>>))?)",
)
def _clock_date(m, ctx, start, end):
    hm = clock_parts(m.group("clock"))
    if hm is None:
        return None
    if m.group("month"):
        r = explicit_day(
            ctx, m, start, end, month_of(m.group("month")), day_of(m.group("day")), m.group("year")
        )
    elif m.group("wd"):
        wd = weekday_of(m.group("wd"))
        r = dct_relative(
            ctx, start, end, lambda d, f: from_date(weekday_date(d, wd, f)), unknown("day", wd=wd)
        )
    else:
        off = {"yesterday": -1, "tomorrow": 1}.get(word_key(m.group("deic")), 0)
        r = dct_relative(
            ctx, start, end, lambda d, f: from_date(d + timedelta(days=off)), "XXXX-XX-XX"
        )
    if r is None:
        return None
    if r.cal is None:
        r.value += f"T{hm[0]:02d}:{hm[1]:02d}"
        r.type = "TIME"
        return r
    c = timed(r.cal, hm)
    return out(c, anchor=r.anchor, needs_dct=r.needs_dct)


@rule(
    "pod",
    r"(?:(?P<pre>mid|early|late)(?:[\s-]+|(?=afternoon|morning|evening)))?"
    r"(?P<pod>afternoon|morning|evening)(?:\s+(?P<deic>yesterday|today|tomorrow))?",
)
def _pod(m, ctx, start, end):
    pre = word_key(m.group("pre"))
    the = re.search(r"\bthe\s+$", text_before(ctx, start, 5).lower())
    if not pre and not the:
        return None
    pod = POD_WORDS[word_key(m.group("pod"))]
    deic = word_key(m.group("deic"))
    if deic and ctx.dct is not None:  # "mid-afternoon yesterday"
        d = ctx.dct + timedelta(days={"yesterday": -1, "tomorrow": 1}.get(deic, 0))
        mod = {"mid": "MID", "early": "START", "late": "END"}.get(pre)
        return out(
            Cal("time", d.year, d.month, d.day, pod=pod), anchor="dct", mod=mod, needs_dct=True
        )
    ref, tid = ctx.reference(start)
    if ref is None:
        return unresolved(f"XXXX-XX-XXT{pod}", "TIME")
    if ref.gran not in ("day", "time"):
        if ctx.dct is None:
            return unresolved(f"XXXX-XX-XXT{pod}", "TIME")
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
