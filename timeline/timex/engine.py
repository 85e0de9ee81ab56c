"""The passes of the tagger: a document-level pre-pass, then every candidate in text order.

``tag`` lists the candidates (``search``), collects the document's explicit days and dated
events first (``_prepass``), then normalizes each candidate with its rule
(``rules.apply``), threading the moving reference time through them (``resolve.Context``),
and finally links ranges, clock times and forward anchors across timexes.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from timeline.dates import as_date
from timeline.model import Timex
from timeline.timex import calendar as cal_
from timeline.timex.resolve import Context, Resolved
from timeline.timex.rules import apply, regex_of
from timeline.timex.search import candidates
from timeline.timex.values import Result

_EXPLICIT_RULES = ("mdy", "dmy", "iso", "month_year", "year_mod", "slash", "clock_date")
_RANGE_MID = re.compile(r"\s*(?:-|–|—|to|until|till|through|thru|and)\s*$", re.IGNORECASE)
_RANGE_OPEN = re.compile(r"\b(?:from|between)\s+$", re.IGNORECASE)
_DASH_MID = re.compile(r"\s*[-–—]\s*$")


def tag(text: str, dct: date | datetime | str | None = None, language: str = "en") -> list[Timex]:
    """Find and normalize the time expressions in ``text``.

    ``dct`` is the publication date: the anchor of "Wednesday" or "last year", a date or a
    string ``timeline.dates.parse_date`` reads (unreadable counts as absent). Without it
    such values stay underspecified (``XXXX-WXX-3``) with ``needs_dct=True``. The result is
    sorted by start, never overlapping, and ``text[t.start:t.end] == t.text``.

    ``language`` (ISO 639-1) picks the rules: English has its own, any other language is
    read by the table-driven rules of ``generic`` over ``timeline/lang/<code>/dates.py``.
    """
    if not isinstance(text, str) or not text:
        return []
    if language != "en":
        from timeline.timex.generic import grammar_for, tag_with  # late: not for English

        return tag_with(grammar_for(language), text, as_date(dct))
    ctx = Context(text=text, dct=as_date(dct))
    cands = list(candidates(text))
    try:
        _prepass(ctx, cands)
    except _BUGS:
        pass  # document-level facts are a refinement; tagging goes on without them
    timexes: list[Timex] = []
    for name, start, end in cands:
        try:
            found = _one(ctx, name, start, end, len(timexes) + 1)
        except _BUGS:
            continue  # a candidate that trips a bug is dropped, never the whole text
        if found is None or (timexes and found[0].start < timexes[-1].end):
            continue
        t, r = found
        timexes.append(t)
        ctx.add(Resolved(t.tid, t.start, t.end, r.cal, r.derived, r.anchor is None))
        if r.closing is not None:  # "March 3-9, 2024": the closing day is a timex too
            c = r.closing
            t2 = to_timex(text, c, c.start or t.end, c.end or end, f"t{len(timexes) + 1}")
            t.range_end = t2.tid
            timexes.append(t2)
            ctx.add(Resolved(t2.tid, t2.start, t2.end, c.cal, c.derived))
    for post in (_fix_forward_anchors, _clock_days, _link_ranges):
        try:
            post(text, timexes)
        except _BUGS:
            pass  # the timexes stay valid without this refinement
    return timexes


# errors a rule bug may raise; tag() must never raise on any str
_BUGS = (ValueError, TypeError, KeyError, IndexError, AttributeError, OverflowError)


_CLOCK_GAP = re.compile(r"\s*(?:,|on|of)?\s*$", re.IGNORECASE)


def _clock_days(text: str, timexes: list[Timex]) -> None:
    """ "7:30 p.m. ET on Sunday": a clock time takes the day written right after it."""
    for a, b in zip(timexes, timexes[1:], strict=False):
        if a.type != "TIME" or b.precision != "day" or b.start - a.end > 6:
            continue
        if not _CLOCK_GAP.fullmatch(text[a.end : b.start]) or "T" not in a.value:
            continue
        clock = a.value.split("T", 1)[1]
        if not clock[:2].isdigit():
            continue
        a.value = f"{b.value}T{clock}"
        a.anchor, a.needs_dct = b.tid, b.needs_dct
        if a.earliest is not None and b.earliest is not None:
            shift = b.earliest - a.earliest.replace(hour=0, minute=0)
            a.earliest, a.latest = a.earliest + shift, a.latest + shift


def _fix_forward_anchors(text: str, timexes: list[Timex]) -> None:
    """Anchors on a later mention ("@offset", from the pre-pass) become that mention's tid."""
    by_start = {t.start: t.tid for t in timexes}
    for t in timexes:
        if t.anchor and t.anchor.startswith("@"):
            t.anchor = by_start.get(int(t.anchor[1:]))


def _one(
    ctx: Context, name: str | None, start: int, end: int, n: int
) -> tuple[Timex, Result] | None:
    """Normalize one candidate into a Timex (or None when the rule rejects it)."""
    if name is None:
        return None
    m = regex_of(name).fullmatch(ctx.text, start, end)
    if m is None:
        return None
    r = apply(name, m, ctx, start, end)
    if r is None:
        return None
    s = r.start if r.start is not None else start
    e = r.end if r.end is not None else end
    s, e = _strip(ctx.text, s, e)
    if e <= s or _in_title(ctx.text, s, e):
        return None
    return to_timex(ctx.text, r, s, e, f"t{n}"), r


# words that are lowercase in running text: capitalized mid-sentence they name a title
_COMMON = frozenset(
    "this last next past coming now today tonight tomorrow yesterday noon midnight "
    "midday week weeks month months year years hour hours minute minutes "
    "morning afternoon evening night".split()
)
_WORD = re.compile(r"[A-Za-z]+")


def _in_title(text: str, s: int, e: int) -> bool:
    """ "ABC's "This Week"", "60 Minutes", "VOA Today": a capitalized common word
    that is not at a sentence start, outside a title-cased headline line."""
    if text[s:e].islower() or text[s:e].isdigit():
        return False
    words = [(m.start(), m.group()) for m in _WORD.finditer(text, s, e)]
    capped = [(p, w) for p, w in words if w.lower() in _COMMON and w[0].isupper()]
    if not capped:
        return False
    if all(p == s for p, _ in capped) and _sentence_start(text, s):
        return False
    line_start = text.rfind("\n", 0, s) + 1
    line_end = text.find("\n", e)
    line = _WORD.findall(text[line_start : line_end if line_end >= 0 else len(text)])
    long_words = [w for w in line if len(w) > 3]
    if len(long_words) >= 4 and sum(w[0].isupper() for w in long_words) >= 0.7 * len(long_words):
        return False  # a headline: Every Word Capitalized
    return True


def _sentence_start(text: str, s: int) -> bool:
    before = text[max(0, s - 12) : s].rstrip(" \t\"'`“”‘’([{-_")
    return not before or before[-1] in ".!?:;\n" or s - 12 <= 0 and not before.strip()


def _strip(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] == ","):
        e -= 1
    return s, e


def to_timex(text: str, r: Result, s: int, e: int, tid: str) -> Timex:
    earliest = latest = None
    precision = None
    if r.cal is not None:
        precision = r.cal.gran
        b = cal_.bounds(r.cal)
        if b is not None:
            earliest, latest = b
    return Timex(
        start=s,
        end=e,
        text=text[s:e],
        type=r.type,
        value=r.value,
        precision=precision,
        earliest=earliest,
        latest=latest,
        mod=r.mod,
        anchor=r.anchor,
        needs_dct=r.needs_dct,
        tid=tid,
        quant=r.quant,
        freq=r.freq,
    )


def _prepass(ctx: Context, cands: list[tuple[str | None, int, int]]) -> None:
    """Document-level facts before the in-order pass: explicit days and dated events."""
    scratch = Context(text=ctx.text, dct=None)
    resolved = []
    for name, start, end in cands:
        if name not in _EXPLICIT_RULES:
            continue
        m = regex_of(name).fullmatch(ctx.text, start, end)
        if m is None or not m.groupdict().get("year"):
            continue
        r = apply(name, m, scratch, start, end)
        if r is None or r.cal is None:
            continue
        if r.cal.gran in ("day", "time"):
            ctx.full_dates.append((start, cal_.start_date(r.cal)))
        resolved.append(Resolved("", start, end, r.cal))
    ctx.scan_events(resolved)


def _link_ranges(text: str, timexes: list[Timex]) -> None:
    """'from March 3 to March 9, 2024', 'between 2019 and 2021': link the two ends and
    carry the closing end's explicit year to an opening end that had to guess it."""
    for a, b in zip(timexes, timexes[1:], strict=False):
        mid = text[a.end : b.start]
        if not _RANGE_MID.fullmatch(mid) or len(mid) > 12:
            continue
        opened = _RANGE_OPEN.search(text[max(0, a.start - 10) : a.start])
        if not opened and not _DASH_MID.fullmatch(mid):
            continue
        if mid.strip().lower() == "and" and (
            not opened or "between" not in opened.group(0).lower()
        ):
            continue
        if a.type not in ("DATE", "TIME") or b.type not in ("DATE", "TIME"):
            continue
        a.range_end = b.tid
        _carry_year(a, b)


def _carry_year(a: Timex, b: Timex) -> None:
    """The opening end took its year from context; the closing end states it."""
    if not (a.anchor == "dct" or a.value.startswith("XXXX")) or b.earliest is None:
        return
    if b.anchor is not None or b.precision not in ("day", "month", "time"):
        return
    m = re.match(r"(?:\d{4}|XXXX)(-\d\d(?:-\d\d)?)$", a.value)
    if not m:
        return
    parts = [int(p) for p in (b.value[:4] + m.group(1)).split("-")]
    c = cal_.Cal("day", *parts) if len(parts) == 3 else cal_.Cal("month", *parts)
    bnds = cal_.bounds(c)
    if bnds is None:
        return  # "February 29" carried to a year without it
    a.value = cal_.value(c)
    a.anchor, a.needs_dct = b.tid, False
    a.earliest, a.latest = bnds
    a.precision = c.gran
