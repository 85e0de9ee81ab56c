"""Recurring times: 'every day', 'weekly', 'twice a year'."""

from __future__ import annotations

import re

from timeline.timex import calendar as cal_
from timeline.timex.rules.base import rule
from timeline.timex.values import Result, duration, month_of, number, weekday_of, word_key
from timeline.timex.vocab import MONTHS, POD_WORDS, SEASON_WORDS, WEEKDAYS


# every day / each year / daily / twice a week / on Mondays
@rule(
    "set",
    r"(?P<q>every|each|per)\s+(?:(?P<num><<NUM>>)\s+)?(?P<unit><<UNIT>>|<<WEEKDAY>>"
    r"|<<MONTH>>|<<SEASON>>|<<POD>>)",
)
def _set(m, ctx, start, end):
    q = word_key(m.group("q"))
    unit = word_key(m.group("unit"))
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


@rule(
    "set_adv",
    r"(?P<adv>daily|weekly|monthly|annually|yearly|hourly|quarterly|nightly"
    r"|biweekly|biannually|semiannually)",
)
def _set_adv(m, ctx, start, end):
    adv = word_key(m.group("adv"))
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


@rule(
    "set_freq",
    r"(?P<freq>once|twice|thrice|<<NUM>>\s+times)\s+(?:a|an|per|each|every)\s+"
    r"(?P<unit><<UNIT1>>)",
)
def _set_freq(m, ctx, start, end):
    f = word_key(m.group("freq"))
    n = {"once": 1, "twice": 2, "thrice": 3}.get(f) or number(f.replace(" times", ""))
    # the timex is the period ("a year" in "twice a year"); freq keeps the count
    unit_start = m.start("unit") - m.start()
    art = re.search(r"(?:a|an|per|each|every)\s+$", m.group(0)[:unit_start], re.IGNORECASE)
    s = start + (art.start() if art else unit_start)
    return Result("SET", duration(1, m.group("unit")), freq=f"{int(n)}X" if n else None, start=s)
