"""The table-driven tagger: time expressions in any language whose date words are tables.

English has its own rules (``rules/``); every other language is read by the rules below,
whose patterns are built from the language's tables (``timeline/lang/<code>/dates.py``, or
the tables generated from dateparser's locale data): absolute dates ("15 de mayo de 2000",
"15. Februar 2025", "15 февраля 2025"), months and years, weekdays and deictic days, units
counted from the publication date ("la semana pasada", "hace dos años", "vor zwei Wochen"),
durations, clock times, parts of day, sets and the vague references. A table a language does
not have simply leaves its rule out. Values keep the precision the words give: "mayo de
2000" is 2000-05, never a made-up day.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from types import ModuleType
from typing import Any

from timeline.lang import alternation, get_language
from timeline.model import Timex
from timeline.timex.calendar import SEASONS as SEASON_CODES
from timeline.timex.calendar import Cal, from_date, shift
from timeline.timex.resolve import Context, Resolved
from timeline.timex.values import Result, out, unresolved

_WORD_START = re.compile(r"(?<![\w$€£.,\-/])\w+")
# words the rules spell themselves (not from a table) that can open a match
_OPENERS = ("últimos", "últimas", "próximos", "próximas", "primeros", "primeras")
_YEAR = r"(?:1[5-9]\d\d|20\d\d)(?![\d.,]\d)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?!\d)"
Handler = Callable[["Grammar", re.Match, Context, int, int], "Result | None"]


def _table(words: Any, name: str) -> tuple[str, ...]:
    """A table's words (keys of a mapping), empty when the language does not have it."""
    return tuple(getattr(words, name, ()) or ())


def _alt(words: Iterable[str]) -> str:
    items = [w for w in words if w]
    return alternation(items) if items else r"(?!x)x"  # an empty table never matches


@dataclass(frozen=True, slots=True)
class _Rule:
    name: str
    pattern: str
    handler: Handler


class Grammar:
    """The rules of one language, built from its tables once."""

    def __init__(self, words: ModuleType | Any) -> None:
        self.words = words
        w = {name: _alt(_table(words, name)) for name in _TABLE_NAMES}
        w["NUM"] = rf"(?:\d+(?:[.,]\d+)?|{w['NUMBERS']}|{w['VAGUE_NUMBERS']})"
        w["REL"] = rf"(?:{w['PREVIOUS']}|{w['NEXT']})"
        w["YEAR"], w["DAY"] = _YEAR, _DAY
        self.rules = [_Rule(name, _fill(pattern, w), handler) for name, pattern, handler in _RULES]
        master = "|".join(f"(?P<{r.name}>{_unnamed(r.pattern)})" for r in self.rules)
        self.master = re.compile(rf"(?<![\w$€£.,\-/])(?:{master})(?![\w%]|[.,]\d)", re.I)
        self.regex = {r.name: re.compile(r.pattern, re.I) for r in self.rules}
        self.handler = {r.name: r.handler for r in self.rules}
        self.lower = {
            name: {_key(k): v for k, v in dict(getattr(words, name, {}) or {}).items()}
            for name in ("MONTHS", "WEEKDAYS", "NUMBERS", "UNITS", "DEICTIC_DAYS")
            + ("PARTS_OF_DAY", "MODIFIERS", "SET_WORDS", "DECADES", "FIXED_HOLIDAYS")
            + ("RELATIVE_PHRASES", "ADJECTIVE_REFS", "SEASONS", "ORDINALS")
            + ("YEAR_PARTS",)
            if isinstance(getattr(words, name, None), dict)
        }
        self.first = frozenset(
            m.group()
            for name in _TABLE_NAMES
            for entry in (*_table(words, name), *_OPENERS)
            if (m := re.match(r"\w+", _key(entry)))
        )
        self.future = _cue(getattr(words, "FUTURE_CUES", None))
        self.past = _cue(getattr(words, "PAST_CUES", None))
        vague = _table(words, "VAGUE_BEFORE")
        self.vague_before = re.compile(rf"\b{_alt(vague)}\s+$", re.I)
        self.vague_after = re.compile(rf"\s+{_alt(_table(words, 'VAGUE_AFTER'))}\b", re.I)
        ahead = _table(words, "FORWARD")
        self.ahead = re.compile(rf"\b{_alt(ahead)}\s+$", re.I) if ahead else None

    def get(self, table: str, word: str | None) -> Any:
        return self.lower.get(table, {}).get(_key(word))

    def is_in(self, table: str, word: str | None) -> bool:
        return _key(word) in {_key(x) for x in _table(self.words, table)}

    def candidates(self, text: str) -> Iterator[tuple[str, int, int]]:
        """(rule, start, end) as ``master.finditer`` gives them, trying only where a match
        can begin: a number, or a word that opens an entry of a table (every rule starts
        with one), after a non-word character."""
        done = 0
        for w in _WORD_START.finditer(text):
            if w.start() < done or not (w.group()[0].isdigit() or w.group().lower() in self.first):
                continue
            m = self.master.match(text, w.start())
            if m is not None and m.lastgroup:
                done = m.end()
                yield m.lastgroup, m.start(), m.end()

    def forward(self, text: str, start: int, end: int) -> bool:
        """ "para el domingo", "hasta el jueves", "a partir del viernes": a preposition that
        looks ahead, in a clause without a past-tense cue."""
        if self.ahead is None or self.past is None or not self.ahead.search(text, 0, start):
            return False
        left = re.split(r"[.;:!?\n]", text[max(0, start - 60) : start])[-1]
        right = re.split(r"[.;:!?,\n]", text[end : end + 50])[0]
        return _nearest(self.past, left, right) is None

    def future_tense(self, text: str, start: int, end: int) -> bool:
        """The clause looks ahead: a future or conditional cue nearer than a past one."""
        if self.future is None:
            return False
        lo = max(0, start - 60)
        left = re.split(r"[.;:!?\n]", text[lo:start])[-1]
        right = re.split(r"[.;:!?,\n]", text[end : end + 50])[0]
        near_future = _nearest(self.future, left, right)
        near_past = _nearest(self.past, left, right) if self.past is not None else None
        return near_future is not None and (near_past is None or near_future <= near_past)


def _nearest(rx: re.Pattern[str], left: str, right: str) -> int | None:
    d = [len(left) - m.end() for m in rx.finditer(left)] + [m.start() for m in rx.finditer(right)]
    return min(d) if d else None


def _cue(pattern: str | None) -> re.Pattern[str] | None:
    return re.compile(pattern, re.I) if pattern else None


def _key(word: str | None) -> str:
    return " ".join((word or "").lower().split()).rstrip(".")


def _fill(pattern: str, words: dict[str, str]) -> str:
    return re.sub(r"<<(\w+)>>", lambda m: words[m.group(1)], pattern)


def _unnamed(pattern: str) -> str:
    return re.sub(r"\(\?P<\w+>", "(?:", pattern)


_TABLE_NAMES = (
    "MONTHS",
    "WEEKDAYS",
    "NUMBERS",
    "VAGUE_NUMBERS",
    "UNITS",
    "DETERMINERS",
    "THIS",
    "THAT",
    "PREVIOUS",
    "NEXT",
    "AGO",
    "AGO_AFTER",
    "LATER",
    "DEICTIC_DAYS",
    "TONIGHT",
    "PRESENT_REF",
    "PAST_REF",
    "FUTURE_REF",
    "PARTS_OF_DAY",
    "MODIFIERS",
    "EACH",
    "SET_WORDS",
    "DECADES",
    "DECADE_WORDS",
    "OF",
    "YEAR_WORD",
    "MONTH_WORD",
    "DAY_WORD",
    "CLOCK_WORDS",
    "FIXED_HOLIDAYS",
    "YEAR_AFTER",
    "APPROX",
    "RELATIVE_PHRASES",
    "ADJECTIVE_REFS",
    "AND",
    "CENTURY_WORD",
    "SEASONS",
    "ORDINALS",
    "YEAR_PARTS",
    "COUNT_ADJECTIVES",
    "PLURAL_UNITS",
    "VAGUE_AFTER",
    "ORDINAL_UNITS",
)


# ------------------------------------------------------------------------ values


def _unit(g: Grammar, word: str) -> tuple[str, str]:
    found = g.get("UNITS", word)
    if found is None:
        raise KeyError(word)
    return found


def _number(g: Grammar, word: str | None) -> float | None:
    """'3' -> 3, 'tres' -> 3, 'unos' -> None (vague)."""
    k = _key(word)
    if not k or g.is_in("VAGUE_NUMBERS", k):
        return None
    if re.fullmatch(r"\d+(?:[.,]\d+)?", k):
        return float(k.replace(",", "."))
    n = g.get("NUMBERS", k)
    return None if n is None else float(n)


def _duration(n: float | None, letter: str, unit: str) -> str:
    t = "T" if unit in ("hour", "minute", "second") else ""
    if n is None:
        return f"P{t}X{ {'DE': 'Y', 'CE': 'C'}.get(letter, letter) }"
    if letter in ("DE", "CE"):
        n, letter = n * (10 if letter == "DE" else 100), "Y"
    shown = int(n) if n == int(n) else n
    return f"P{t}{shown}{letter}"


_DCT_GRANS = ("year", "month", "week", "day", "quarter", "decade", "century")


def _dct_shift(ctx: Context, unit: str, n: int) -> Result:
    if ctx.dct is None:
        return unresolved("XXXX-XX-XX")
    gran = unit if unit in _DCT_GRANS else "day"
    return out(shift(from_date(ctx.dct, gran), n, unit), anchor="dct", needs_dct=True)


def _mod(g: Grammar, m: re.Match) -> str | None:
    return g.get("MODIFIERS", m.groupdict().get("mod"))


# ------------------------------------------------------------------------ handlers


def _date(g: Grammar, m: re.Match, ctx: Context, start: int, end: int) -> Result | None:
    day, month = int(m.group("day")), g.get("MONTHS", m.group("month"))
    if m.group("year"):
        return _valid(Cal("day", int(m.group("year")), month, day))
    return _yearless(g, ctx, start, end, month, day, m.group("rel") or m.group("rel2"))


def _yearless(g: Grammar, ctx: Context, start: int, end: int, month: int, day: int | None, rel):
    """A day or month without its year: the DCT's, or the one before or after it."""
    ref = ctx.dct
    if ref is None:
        ref_cal, tid = ctx.reference(start)
        if ref_cal is None:
            return unresolved(f"XXXX-{month:02d}" + (f"-{day:02d}" if day else ""))
        return _valid(Cal("day" if day else "month", ref_cal.year, month, day), anchor=tid)
    here, there = (ref.month, ref.day), (month, day or 15)
    year = ref.year
    if g.is_in("NEXT", rel) or (
        not g.is_in("PREVIOUS", rel) and g.future_tense(ctx.text, start, end)
    ):
        year += there < here
    else:
        year -= there > here and (month - ref.month) % 12 > 1
    return _valid(Cal("day" if day else "month", year, month, day), anchor="dct", needs_dct=True)


def _valid(c: Cal, **kw: Any) -> Result | None:
    try:
        if c.gran == "day":
            date(c.year, c.month or 1, c.day or 1)
    except ValueError:
        return None
    return out(c, **kw)


def _day_before_range(g: Grammar, m: re.Match, ctx: Context, start: int, end: int):
    """ "del 7 al 11 de septiembre": the first day takes the month of the second."""
    month, day = g.get("MONTHS", m.group("month")), int(m.group("day"))
    year = m.group("year")
    r = _valid(Cal("day", int(year), month, day)) if year else None
    r = r or _yearless(g, ctx, start, end, month, day, None)
    closing = _valid(Cal("day", r.cal.year, month, int(m.group("day2")))) if r and r.cal else None
    if r is None or closing is None:
        return None
    r.end = start + m.end("first") - m.start()
    closing.start, closing.end = start + m.start("second") - m.start(), end
    r.closing = closing
    return r


def _day_alone(g: Grammar, m: re.Match, ctx: Context, start: int, end: int) -> Result | None:
    """ "el día 8": a day of the month last mentioned (or the DCT's)."""
    ref, tid = ctx.reference(start)
    if ref is None or ref.month is None:
        return unresolved("XXXX-XX-XX")
    return _valid(Cal("day", ref.year, ref.month, int(m.group("day"))), anchor=tid)


def _month(g: Grammar, m: re.Match, ctx: Context, start: int, end: int) -> Result | None:
    month = g.get("MONTHS", m.group("month"))
    if m.group("year"):
        return out(Cal("month", int(m.group("year")), month), mod=_mod(g, m))
    if (m.group("this") or m.group("yrel")) and ctx.dct is not None:  # "mayo de este año"
        rel = m.group("yrel")
        year = ctx.dct.year - g.is_in("PREVIOUS", rel) + g.is_in("NEXT", rel)
        return out(Cal("month", year, month), mod=_mod(g, m), anchor="dct", needs_dct=True)
    r = _yearless(g, ctx, start, end, month, None, m.group("rel") or m.group("rel2"))
    if r is not None:
        r.mod = _mod(g, m)
    return r


def _year(g: Grammar, m: re.Match, ctx: Context, start: int, end: int) -> Result | None:
    return out(Cal("year", int(m.group("year"))), mod=_mod(g, m))


def _decade(g: Grammar, m: re.Match, ctx: Context, start: int, end: int) -> Result | None:
    d = m.group("d")
    tens = int(d[0]) if d[:1].isdigit() else g.get("DECADES", d)
    return out(Cal("decade", 190 + tens))


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}


def _century(g: Grammar, m: re.Match, ctx: Context, start: int, end: int) -> Result | None:
    """ "el siglo XIX": the nineteenth century, TIMEX3 value 18 (its first two digits)."""
    digits = [_ROMAN[c] for c in m.group("roman").upper()]
    n = sum(-d if d < e else d for d, e in zip(digits, [*digits[1:], 0], strict=True))
    if not 1 <= n <= 30:
        return None
    return out(Cal("century", n - 1))


def _season(g: Grammar, m: re.Match, ctx: Context, start: int, end: int) -> Result | None:
    """ "la primavera de 1983", "este verano", "el invierno pasado": a season of a year."""
    n = g.get("SEASONS", m.group("season"))
    if m.group("year"):
        return out(Cal("season", int(m.group("year")), n=n))
    if ctx.dct is None:
        return unresolved(f"XXXX-{SEASON_CODES[n]}")
    rel = m.group("rel") or m.group("rel2")
    shift_years = -1 if g.is_in("PREVIOUS", rel) else 1 if g.is_in("NEXT", rel) else 0
    return out(Cal("season", ctx.dct.year + shift_years, n=n), anchor="dct", needs_dct=True)


def _part_of_year(g: Grammar, m: re.Match, ctx: Context, start: int, end: int) -> Result | None:
    """ "el primer trimestre de 1998", "el segundo semestre de este año", "el último
    trimestre": a quarter or half by its ordinal, of the year named or the DCT's."""
    letter, unit = g.get("YEAR_PARTS", m.group("unit"))
    count = 4 if unit == "quarter" else 2
    n = g.get("ORDINALS", m.group("ord"))
    n = count if n == -1 else n
    if n is None or not 1 <= n <= count:
        return None
    if m.group("year"):
        return out(Cal(unit, int(m.group("year")), n=n))
    if ctx.dct is None:
        return unresolved(f"XXXX-{letter}{n}")
    return out(Cal(unit, ctx.dct.year, n=n), anchor="dct", needs_dct=True)


def _clock(g: Grammar, m: re.Match, ctx: Context, start: int, end: int) -> Result | None:
    hour = int(m.group("h") or m.group("h2") or m.group("h3"))
    minute = int(m.group("mi") or m.group("mi3") or 0)
    pod = g.get("PARTS_OF_DAY", m.group("pod"))
    if pod in ("AF", "NI") and hour < 12:
        hour += 12
    if hour > 24 or minute > 59:
        return None
    zone = "Z" if _UTC.search(m.group()) else ""  # "13.00 GMT": TIMEX3 writes UTC as Z
    ref, tid = ctx.reference(start)
    if ref is None or ref.gran not in ("day", "time"):
        return Result("TIME", f"T{hour:02d}:{minute:02d}{zone}")
    r = out(Cal("time", ref.year, ref.month, ref.day, hour=hour, minute=minute), anchor=tid)
    if r is not None and zone:
        r.value += zone
    return r


_UTC = re.compile(r"\b(?:gmt|utc)$", re.I)


def _ago(g: Grammar, m: re.Match, ctx: Context, start: int, end: int) -> Result | None:
    letter, unit = _unit(g, m.group("unit") or m.group("unit2"))
    num = m.group("num") or m.group("num2")
    n = _number(g, num) if num else None
    later = bool(m.group("later"))
    if n is None or n != int(n) or unit in ("hour", "minute", "second"):
        return Result("DURATION", _duration(n, letter, unit))
    return _dct_shift(ctx, unit, int(n) if later else -int(n))


def _span_of(g: Grammar, m: re.Match, ctx: Context, start: int, end: int) -> Result | None:
    """ "los últimos cinco años", "las próximas semanas": a stretch of time."""
    letter, unit = _unit(g, m.group("unit"))
    return Result("DURATION", _duration(_number(g, m.group("num")), letter, unit))


def _duration_rule(g: Grammar, m: re.Match, ctx: Context, start: int, end: int):
    unit_word = m.group("unit")
    letter, unit = _unit(g, unit_word)
    if g.is_in("ORDINAL_UNITS", unit_word) and _NOUN_AFTER.match(ctx.text, end):
        return None  # "un segundo debate": the ordinal, not a second
    n = _number(g, m.group("num"))
    if n is not None and m.group("half"):
        n += 0.5
    if n is not None and n > 10000:
        return None
    value = _duration(n, letter, unit)
    if m.group("unit2") and n is not None:  # "dos horas y 30 minutos": PT2H30M
        letter2, unit2 = _unit(g, m.group("unit2"))
        n2 = _number(g, m.group("num2"))
        second = _duration(n2, letter2, unit2) if n2 is not None else None
        if (
            second is None
            or letter2 in ("DE", "CE")
            or _UNIT_ORDER.index(unit2) <= _UNIT_ORDER.index(unit)
        ):
            return None  # "3 horas y 2 días" is no one duration
        if "T" in value[1:]:
            value = value + second.split("T", 1)[1]
        elif "T" in second:
            value = value + "T" + second.split("T", 1)[1]
        else:
            value = value + second[1:]
    return Result("DURATION", value)


_NOUN_AFTER = re.compile(r"\s+(?!(?:de|y|o|más|menos|después|antes)\b)[^\W\d_]{3,}", re.I)
_UNIT_ORDER = (
    "century",
    "decade",
    "year",
    "quarter",
    "month",
    "week",
    "day",
    "hour",
    "minute",
    "second",
)


def _rel_unit(g: Grammar, m: re.Match, ctx: Context, start: int, end: int) -> Result | None:
    """ "la semana pasada", "el próximo año", "este mes", "ese día", "al día siguiente"."""
    if g.is_in("PRESENT_REF", m.group(0)):
        return Result("DATE", "PRESENT_REF")  # "estos días": a phrase of the table
    _, unit = _unit(g, m.group("unit"))
    det, rel = m.group("det"), m.group("rel") or m.group("rel2")
    mod = _mod(g, m)
    if g.is_in("THAT", det) or g.is_in("THAT", m.group("that")) or g.is_in("ANAPHORIC", rel):
        ref, tid = ctx.reference(start)
        if ref is None:
            return unresolved("XXXX-XX-XX")
        n = -1 if g.is_in("PREVIOUS", rel) else 1 if g.is_in("NEXT", rel) else 0
        base = from_date(date(ref.year, ref.month or 1, ref.day or 1), unit)
        return out(shift(base, n, unit), anchor=tid, mod=mod)
    if rel is None and not g.is_in("THIS", det) and mod is None:
        if (
            det is None
            and m.group("that") is None
            and _framed(g, m.group("unit"), ctx.text, start, end)
        ):
            letter, unit = _unit(g, m.group("unit"))
            return Result("DURATION", _duration(None, letter, unit))
        return None
    n = -1 if g.is_in("PREVIOUS", rel) else 1 if g.is_in("NEXT", rel) else 0
    r = _dct_shift(ctx, unit, n)
    if m.group("weekend") and r.cal is not None:
        r = Result("DATE", r.value + "-WE", r.cal, anchor=r.anchor, needs_dct=r.needs_dct)
    r.mod = mod
    return r


def _framed(g: Grammar, unit_word: str, text: str, start: int, end: int) -> bool:
    """ "durante años", "llevan años", "años después": a plural unit without a count is a
    vague duration where a word of ``VAGUE_BEFORE`` or ``VAGUE_AFTER`` frames it."""
    if not g.is_in("PLURAL_UNITS", unit_word):
        return False
    return bool(g.vague_before.search(text, 0, start) or g.vague_after.match(text, end))


def _weekday(g: Grammar, m: re.Match, ctx: Context, start: int, end: int) -> Result | None:
    wd = g.get("WEEKDAYS", m.group("wd"))
    if ctx.dct is None:
        return unresolved(f"XXXX-WXX-{wd}")
    day = _weekday_date(g, ctx, wd, m.group("rel") or m.group("rel2"), start, end)
    return out(from_date(day), anchor="dct", needs_dct=True)


def _weekday_date(g: Grammar, ctx: Context, wd: int, rel: str | None, start: int, end: int) -> date:
    """The day a weekday names, from the DCT: the one before it unless the words or the
    clause look ahead."""
    d = ctx.dct
    diff = wd - d.isoweekday()
    ahead = rel is None and (
        g.future_tense(ctx.text, start, end) or g.forward(ctx.text, start, end)
    )
    if g.is_in("NEXT", rel) or ahead:
        return d + timedelta(days=diff % 7 or (0 if rel is None else 7))
    return d - timedelta(days=(-diff) % 7 or (0 if rel is None else 7))


def _deictic(g: Grammar, m: re.Match, ctx: Context, start: int, end: int) -> Result | None:
    word = _key(m.group("w"))
    before = ctx.text[max(0, start - 12) : start].lower()
    if g.get("PARTS_OF_DAY", word) and re.search(r"\b(?:la|esta|por|cada|una|de)\s+$", before):
        return None  # "por la mañana": the morning, not tomorrow
    if g.is_in("TONIGHT", word):
        if ctx.dct is None:
            return unresolved("XXXX-XX-XXTNI", "TIME")
        d = ctx.dct - timedelta(days=1)
        return out(Cal("time", d.year, d.month, d.day, pod="NI"), anchor="dct", needs_dct=True)
    off = g.get("DEICTIC_DAYS", word)
    if ctx.dct is None:
        return unresolved("XXXX-XX-XX")
    return out(from_date(ctx.dct + timedelta(days=off)), anchor="dct", needs_dct=True)


def _part_of_day(g: Grammar, m: re.Match, ctx: Context, start: int, end: int):
    pod = g.get("PARTS_OF_DAY", m.group("pod"))
    deictic = m.group("deic")
    if m.group("wd"):  # "la mañana del miércoles": that weekday's morning
        wd = g.get("WEEKDAYS", m.group("wd"))
        if ctx.dct is None:
            return unresolved(f"XXXX-WXX-{wd}T{pod}", "TIME")
        d = _weekday_date(g, ctx, wd, m.group("rel2"), start, end)
        return out(Cal("time", d.year, d.month, d.day, pod=pod), anchor="dct", needs_dct=True)
    if deictic or g.is_in("THIS", m.group("det")):
        if ctx.dct is None:
            return unresolved(f"XXXX-XX-XXT{pod}", "TIME")
        d = ctx.dct + timedelta(days=g.get("DEICTIC_DAYS", deictic) or 0)
        return out(Cal("time", d.year, d.month, d.day, pod=pod), anchor="dct", needs_dct=True)
    ref, tid = ctx.reference(start)
    if ref is None or ref.gran not in ("day", "time"):
        return Result("TIME", f"T{pod}")
    return out(Cal("time", ref.year, ref.month, ref.day, pod=pod), anchor=tid)


def _set(g: Grammar, m: re.Match, ctx: Context, start: int, end: int) -> Result | None:
    if m.group("setw"):
        return Result("SET", g.get("SET_WORDS", m.group("setw")))
    letter, unit = _unit(g, m.group("unit"))
    n = _number(g, m.group("num")) if m.group("num") else 1
    return Result("SET", _duration(n, letter, unit))


def _reference(g: Grammar, m: re.Match, ctx: Context, start: int, end: int) -> Result | None:
    word = m.group(0)
    for table, value in (("PRESENT_REF", "PRESENT_REF"), ("PAST_REF", "PAST_REF")):
        if g.is_in(table, word):
            return Result("DATE", value)
    return Result("DATE", "FUTURE_REF")


def _adjective(g: Grammar, m: re.Match, ctx: Context, start: int, end: int) -> Result | None:
    """ "la pasada Cumbre": the adjective alone is a vague reference."""
    return Result("DATE", g.get("ADJECTIVE_REFS", m.group("adj")))


def _holiday(g: Grammar, m: re.Match, ctx: Context, start: int, end: int) -> Result | None:
    month, day = g.get("FIXED_HOLIDAYS", m.group("h"))
    return _yearless(g, ctx, start, end, month, day, None)


def _phrase(g: Grammar, m: re.Match, ctx: Context, start: int, end: int) -> Result | None:
    """ "el año pasado" as dateparser's data lists it: one unit from the DCT."""
    unit, n = g.get("RELATIVE_PHRASES", m.group(0))
    return _dct_shift(ctx, unit, n)


def _vague_since(g: Grammar, m: re.Match, ctx: Context, start: int, end: int):
    return Result("DURATION", "PXM")


# (name, pattern, handler), in priority order: the first that matches at a place wins.
_DET = r"(?:(?P<det><<DETERMINERS>>)\s+)?"
_MODP = r"(?:(?P<mod><<MODIFIERS>>)\s+(?:<<OF>>\s+)?)?"
_RULES: list[tuple[str, str, Handler]] = [
    (
        "range_day",
        r"(?:<<DETERMINERS>>\s+)?(?P<first>(?:<<DAY_WORD>>\s+)?(?P<day><<DAY>>))"
        r"\s+(?:(?:a|y|-)\s+|(?=al\s))(?P<second>(?:al\s+)?(?P<day2><<DAY>>)\s+(?:<<OF>>\s+)?(?P<month><<MONTHS>>)"
        r"(?:\s*(?:<<OF>>|,)?\s*(?P<year><<YEAR>>))?)",
        _day_before_range,
    ),
    (
        "date",
        r"(?:<<DETERMINERS>>\s+)?(?:(?P<rel><<REL>>)\s+)?(?:<<WEEKDAYS>>\s*,?\s+)?"
        r"(?:<<DAY_WORD>>\s+)?(?P<day><<DAY>>)\.?\s+(?:<<OF>>\s+)?(?P<month><<MONTHS>>)\.?"
        r"(?:\s*(?:<<OF>>|,)?\s*(?P<year><<YEAR>>)(?:\s+<<YEAR_AFTER>>)?"
        r"|\s+(?P<rel2><<REL>>)s?(?!\w))?",  # "el 2 de julio próximo"
        _date,
    ),
    (
        "month",
        _MODP + r"(?:<<DETERMINERS>>\s+)?(?:(?P<rel><<REL>>)\s+)?(?:<<MONTH_WORD>>\s+)?"
        r"(?P<month><<MONTHS>>)(?:\s*(?:<<OF>>|,)?\s*(?P<year><<YEAR>>)(?:\s+<<YEAR_AFTER>>)?"
        r"|\s+<<OF>>\s+(?:(?P<this><<THIS>>)\s+<<YEAR_WORD>>|(?:el\s+)?<<YEAR_WORD>>\s+(?P<yrel><<REL>>))"
        r"|\s+(?P<rel2><<REL>>))?",
        _month,
    ),
    ("day_alone", r"(?:<<DETERMINERS>>\s+)?<<DAY_WORD>>\s+(?P<day><<DAY>>)", _day_alone),
    (
        "decade",
        r"(?:<<DETERMINERS>>\s+)?(?:<<DECADE_WORDS>>)\s+(?P<d><<DECADES>>|[1-9]0)",
        _decade,
    ),
    (
        "part_of_year",
        r"(?:<<DETERMINERS>>\s+)?(?P<ord><<ORDINALS>>)\s+(?P<unit><<YEAR_PARTS>>)"
        r"(?:\s+<<OF>>\s+(?:(?P<year><<YEAR>>)|(?:<<THIS>>|presente)\s+año))?",
        _part_of_year,
    ),
    (
        "season",
        r"(?:<<DETERMINERS>>\s+)?(?:(?P<rel><<REL>>)\s+)?(?P<season><<SEASONS>>)"
        r"(?:\s+<<OF>>\s+(?P<year><<YEAR>>)|\s+(?P<rel2><<REL>>))?",
        _season,
    ),
    (
        "century",
        r"(?:<<DETERMINERS>>\s+)?<<CENTURY_WORD>>\s+(?P<roman>[IVXL]{1,6})(?!\w)",
        _century,
    ),
    # a clock time needs its article or its word: "las 8.15", "13.00 GMT", not "2.50 euros"
    (
        "clock",
        r"<<DETERMINERS>>\s+(?P<h>[01]?\d|2[0-3])[.:](?P<mi>[0-5]\d)(?:\s+<<CLOCK_WORDS>>)?"
        r"|(?P<h3>[01]?\d|2[0-3])[.:](?P<mi3>[0-5]\d)\s+<<CLOCK_WORDS>>"
        r"|(?:<<DETERMINERS>>\s+)?(?P<h2>[01]?\d|2[0-3])\s+<<OF>>\s+la\s+(?P<pod><<PARTS_OF_DAY>>)",
        _clock,
    ),
    (
        "year",
        _MODP + r"(?:<<DETERMINERS>>\s+)?(?:<<YEAR_WORD>>\s+)?(?P<year><<YEAR>>)"
        r"(?:\s+<<YEAR_AFTER>>)?",
        _year,
    ),
    ("phrase", r"<<RELATIVE_PHRASES>>", _phrase),
    ("since", r"<<AGO>>\s+(?:mucho\s+)?tiempo", _vague_since),
    (
        "ago",
        r"(?:(?P<ago><<AGO>>)|(?P<later><<LATER>>))\s+(?:(?:sólo|solo|ya|escasamente|apenas|casi"
        r"|más\s+de|unos|unas)\s+)*(?P<num><<NUM>>\s+)?(?P<unit><<UNITS>>)"
        r"|(?P<num2><<NUM>>)\s+(?P<unit2><<UNITS>>)\s+<<AGO_AFTER>>",
        _ago,
    ),
    (
        "span",
        r"(?:<<DETERMINERS>>\s+)?(?:últimos|últimas|próximos|próximas|primeros|primeras)\s+"
        r"(?:(?P<num><<NUM>>)\s+)?(?P<unit><<UNITS>>)",
        _span_of,
    ),
    (
        "set",
        r"(?P<setw><<SET_WORDS>>)(?!\s+<<REL>>)|<<EACH>>\s+(?:(?P<num><<NUM>>)\s+)?(?P<unit><<UNITS>>)",
        _set,
    ),
    (
        "rel_unit",
        _MODP + _DET + r"(?:(?P<that><<THAT>>)\s+)?(?:(?P<rel><<REL>>)\s+)?"
        r"(?P<unit>(?:<<UNITS>>))(?P<weekend>\s+de\s+semana)?(?:\s+(?P<rel2><<REL>>))?",
        _rel_unit,
    ),
    (
        "duration",
        r"(?:<<APPROX>>\s+)?(?P<num><<NUM>>)\s+(?:<<COUNT_ADJECTIVES>>\s+)?(?P<unit><<UNITS>>)"
        r"(?:\s+y\s+(?P<half>media|medio))?"
        r"(?:\s+<<AND>>\s+(?P<num2><<NUM>>)\s+(?P<unit2><<UNITS>>))?",
        _duration_rule,
    ),
    (
        "weekday",
        r"(?:<<DETERMINERS>>\s+)?(?:(?P<rel><<REL>>)\s+)?(?P<wd><<WEEKDAYS>>)(?:\s+(?P<rel2><<REL>>))?",
        _weekday,
    ),
    (
        "part_of_day",
        r"(?:(?P<det><<DETERMINERS>>)\s+(?:(?:primeras|últimas)\s+horas\s+de\s+la\s+)?)"
        r"(?P<pod><<PARTS_OF_DAY>>)"
        r"(?:\s+(?:<<OF>>\s+)?(?P<deic><<DEICTIC_DAYS>>)"
        r"|\s+<<OF>>\s+(?P<wd><<WEEKDAYS>>)(?:\s+(?P<rel2><<REL>>))?)?",
        _part_of_day,
    ),
    # before the deictic days: "hoy en día", "hoy por hoy" are the present, not the DCT
    ("reference", r"<<PRESENT_REF>>|<<PAST_REF>>|<<FUTURE_REF>>", _reference),
    ("deictic", r"(?P<w><<DEICTIC_DAYS>>|<<TONIGHT>>)(?:\s*,?\s+<<WEEKDAYS>>)?", _deictic),
    ("holiday", r"(?P<h><<FIXED_HOLIDAYS>>)", _holiday),
    ("adjective", r"(?P<adj><<ADJECTIVE_REFS>>)", _adjective),
]


def tag_with(grammar: Grammar, text: str, dct: date | None) -> list[Timex]:
    """The timexes of ``text`` by ``grammar``: sorted, never overlapping, spans in the text."""
    from timeline.timex.engine import to_timex  # late: engine imports the English rules

    ctx = Context(text=text, dct=dct)
    found: list[Timex] = []
    for name, start, end in grammar.candidates(text):
        m = grammar.regex[name].fullmatch(text, start, end)
        if m is None:
            continue
        try:
            r = grammar.handler[name](grammar, m, ctx, start, end)
        except (KeyError, ValueError, TypeError, IndexError, OverflowError, AttributeError):
            r = None
        if r is None:
            continue
        s = r.start if r.start is not None else start
        e = r.end if r.end is not None else end
        if e <= s or (found and s < found[-1].end):
            continue
        t = to_timex(text, r, s, e, f"t{len(found) + 1}")
        found.append(t)
        ctx.add(Resolved(t.tid, s, e, r.cal))
        c = r.closing
        if c is not None and c.start is not None and c.end is not None:  # "del 7 al 11 de mayo"
            t2 = to_timex(text, c, c.start, c.end, f"t{len(found) + 1}")
            t.range_end = t2.tid
            found.append(t2)
            ctx.add(Resolved(t2.tid, t2.start, t2.end, c.cal))
    return found


@cache
def grammar_for(language: str) -> Grammar:
    """The grammar of a language code, built from its date tables on first use."""
    return Grammar(get_language(language).dates)
