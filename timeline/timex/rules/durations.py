"""Stretches of time: 'three years', 'the past two months', 'decades-long'."""

from __future__ import annotations

import re

from timeline.timex.calendar import Cal
from timeline.timex.rules.base import rule
from timeline.timex.rules.quarters import year_unit
from timeline.timex.values import (
    Result,
    approx_mod,
    duration,
    mod_of,
    number,
    out,
    text_before,
    word_key,
)


# the past three years / the next two months / the first nine months
@rule(
    "rel_dur",
    r"(?:(?P<approx><<APPROX>>)\s+)?(?:the\s+|these\s+)?(?P<rel>past|last|next|coming"
    r"|previous|following|first|final|recent|latest|remaining|initial|same)\s+"
    r"(?P<num><<NUM>>)\s+(?P<unit><<UNIT>>)(?P<orso>\s+or\s+so)?"
    # "the first two quarters of 1990" is 1990-H1 ("the first nine months of 1997" is
    # a duration and a year)
    r"(?:(?:(?<=first two quarters)|(?<=first six months)|(?<=first three months)"
    r"|(?<=last two quarters)|(?<=last six months)|(?<=last three months))\s+of\s+"
    r"(?P<year><<YEAR>>))?",
)
def _rel_dur(m, ctx, start, end):
    n = number(m.group("num"))
    rel = word_key(m.group("rel"))
    if m.group("year") and n in (2, 3, 6):
        y, first = int(m.group("year")), rel == "first"
        if n == 3:  # the first three months of 1990
            return out(Cal("quarter", y, n=1 if first else 4))
        return out(Cal("half", y, n=1 if first else 2))
    mod = mod_of(m.group("approx")) if m.group("approx") else None
    if m.group("orso"):
        mod = "APPROX"
    return Result("DURATION", duration(n, m.group("unit")), mod=mod)


# durations: three years / the nine months / a 10-year / 24 hours / weeks
@rule(
    "duration",
    r"(?:(?P<approx><<APPROX>>)\s+)?(?:the\s+)?(?P<num><<NUM>>)(?:[\s-]+|-)"
    r"(?:(?:more|additional|extra|further|straight|consecutive)\s+)?"
    r"(?:(?P<to>to|or)\s+<<NUM>>[\s-]+)?(?P<unit><<UNIT>>)(?P<half>\s+and\s+a\s+half)?"
    r"(?P<long>[\s-]+long)?"
    r"(?P<orso>\s+or\s+so)?",
)
def _duration(m, ctx, start, end):
    numw, unitw = word_key(m.group("num")), word_key(m.group("unit"))
    if numw in ("a", "an", "the") and unitw.startswith("second"):
        return None
    if numw in ("a", "an") and unitw.endswith("s"):
        return None
    n = number(numw)
    if n is not None and m.group("half"):
        n += 0.5  # "a minute and a half"
    if re.fullmatch(r"(?:19|20)\d\d", numw) and not unitw.endswith("s"):
        return year_unit(ctx, start, int(numw), unitw)
    if n is not None and re.fullmatch(r"\d+(?:\.\d+)?", numw) and n > 10000:
        return None
    mod = approx_mod(m.group("approx"))
    if m.group("to"):
        mod = "APPROX"
    if m.group("orso"):
        mod = "APPROX"
    # "$1.76 a year", "four flights a week" are rates and "52 years old" an age
    if numw in ("a", "an", "per") and _rate_before(text_before(ctx, start, 30)):
        return None
    if re.match(r"[\s-]+old\b", ctx.text[end : end + 6]):
        return None
    if numw == "one" and unitw == "day" and _MODAL.search(text_before(ctx, start, 12)):
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


_BARE_CUE = re.compile(
    r"\b(?:for|over|within|after|took|take|takes|lasted|last|in|than|"
    r"many|few|several|recent|coming|past)\s+$",
    re.IGNORECASE,
)


# day-long / decades-long ("6-year-old" is an age: not a timex)
@rule("unit_adj", r"(?P<unit>(?:day|week|month|year|decade|centur(?:y|ie))s?)-long")
def _unit_adj(m, ctx, start, end):
    unit = word_key(m.group("unit"))
    plural = unit.endswith("s")
    return Result(
        "DURATION", duration(None if plural else 1, unit.rstrip("s").replace("centurie", "century"))
    )


@rule("bare_units", r"(?P<w>years|months|weeks|decades|days|hours|minutes|centuries)")
def _bare_units(m, ctx, start, end):
    if not _BARE_CUE.search(text_before(ctx, start, 12)):
        return None
    return Result("DURATION", duration(None, m.group("w")))
