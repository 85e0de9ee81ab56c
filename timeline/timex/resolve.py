"""The moving reference time and every publication-date fallback, in one place.

Two anchors exist in news text. The document creation time (DCT) anchors deictic
expressions ("Wednesday", "last year", "this month"), with the tense of the clause deciding
past or future. The reference time, the last date the text mentioned, anchors anaphoric
ones ("the next day", "that month", "53 days later").

Document-level reference resolution: before the in-order pass, every explicit full date
is collected, so a month-precise reference ("the October 2023 assault") can be refined to
the day when the document elsewhere names that day ("the October 7, 2023, attack") and the
offset is counted in days. Event nouns attached to dates ("the October 2023 assault") let a
later "53 days later" after "... killed in the attack" be counted from that event rather
than from whatever date was mentioned last.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from timeline.lang import get_language
from timeline.model import PRECISION_RANK
from timeline.timex import calendar as cal_
from timeline.timex.calendar import Cal, coarser, from_date
from timeline.timex.values import Result, out, text_before, truncate, unresolved

_EN = get_language("en").dates

# the tense marker nearest the expression decides: "said Friday that he would ..." is past
# a participle after "be" is passive, not past: "will be held in April", "to be named"
_MARKER = re.compile(
    rf"\b(?:(?P<future>{_EN.FUTURE_CUES})|(?<!\bbe\s)(?<!\bbeing\s)(?P<past>{_EN.PAST_CUES}))\b",
    re.IGNORECASE,
)
# clause boundaries: tense is read from the clause the expression sits in
_CLAUSE_END = re.compile(r"[.;:!?,\n\"`']|''|\s(?:but|and|while|after|before|when)\s")

_PUNCT_END = re.compile(r"[.;:!?,\n\"`']|''")

NOUN_CLASS = {w: c for c, ws in _EN.DATED_EVENT_NOUNS.items() for w in ws}
_EVENT_NOUN = re.compile(
    r"\b(" + "|".join(sorted(NOUN_CLASS, key=len, reverse=True)) + r")\b", re.IGNORECASE
)
# a date attaches to the first or second word after it: "October 2023 assault",
# "the October 7, 2023, attack", "the May 2021 Gaza war"
_ATTACHED = re.compile(r"^[ \t]?,?[ \t]*([\w-]+)(?:[ \t]+([\w-]+))?")


# an -ed word after a determiner is an adjective, not a past verb: "the planned summit",
# "a still unspecified date" ("that" is left out: "the bill that passed")
_DETERMINER_BEFORE = re.compile(
    r"\b(?:a|an|the|its|their|his|her|our|your|my|this|these|those|some|any|no|each|every)"
    r"\s+(?:\w+ly\s+|still\s+|yet\s+)?$",
    re.IGNORECASE,
)


def _markers(s: str) -> Iterator[re.Match]:
    for mk in _MARKER.finditer(s):
        past = mk.group("past")
        if past and past[-2:].lower() == "ed" and _DETERMINER_BEFORE.search(s, 0, mk.start()):
            continue
        yield mk


def tense(text: str, start: int, end: int, strict: bool = False) -> str:
    """'future' or 'past': the nearest tense marker in the clause around [start, end).

    With no marker the default is 'past' (news reports what happened), or 'none' with
    ``strict`` (the caller then takes the nearest date)."""
    lo = max(0, start - 80)
    left = text[lo:start]
    cut = [m.end() for m in _CLAUSE_END.finditer(left)]
    left = left[cut[-1] :] if cut else left
    right = text[end : end + 50]
    m = _CLAUSE_END.search(right)
    best, dist = None, 1 << 30
    for mk in _markers(left):
        d = len(left) - mk.end()
        if d <= dist:
            best, dist = mk, d
    if (
        best is None
        and m is not None
        and not right[: m.start()].strip()
        and right[m.start()] == ","
    ):
        # "In January, the company brought in ...": a fronted adverbial takes the tense
        # of the main clause after the comma
        right = text[end + m.end() : end + m.end() + 90]
        m = _PUNCT_END.search(right)  # "the Abortion and Rights League plans to"
    right = right[: m.start()] if m else right
    for mk in _markers(right):
        if mk.start() < dist:
            best, dist = mk, mk.start()
        break
    if best is None:
        return "none" if strict else "past"
    return "future" if best.group("future") else "past"


@dataclass(slots=True)
class Resolved:
    """A timex already resolved, as the reference-time history keeps it."""

    tid: str
    start: int
    end: int
    cal: Cal | None
    derived: bool = False  # an offset from another date ("a year earlier"): not a topic
    explicit: bool = False  # the text gave the year ("October 2023"), no anchor needed


@dataclass(slots=True)
class Context:
    """Per-document state threaded through normalization."""

    text: str
    dct: date | None
    history: list[Resolved] = field(default_factory=list)
    full_dates: list[tuple[int, date]] = field(default_factory=list)  # explicit days, doc-wide
    events: dict[str, list[tuple[int, Resolved]]] = field(default_factory=dict)

    def reference(self, pos: int, topical: bool = False) -> tuple[Cal | None, str | None]:
        """The last calendar date mentioned before ``pos`` (tid), else the DCT.

        ``topical`` skips dates that were themselves offsets ("a year earlier"), so a
        second comparison is made with the period discussed, not with the first one."""
        for r in reversed(self.history):
            if r.cal is not None and r.end <= pos and not (topical and r.derived):
                return r.cal, r.tid
        if self.dct:
            return from_date(self.dct), "dct"
        return None, None

    def event_reference(
        self, pos: int, unit: str, topical: bool = False
    ) -> tuple[Cal | None, str | None]:
        """Reference time for an offset ("53 days later") at ``pos``.

        The last dated mention, unless the text since it names an event that the document
        dates elsewhere: then that event's date. A month-precise reference is refined to
        the day when the offset is in days and the document names exactly one day in it.
        """
        cal, tid = self.reference(pos, topical)
        last_end = next(
            (r.end for r in reversed(self.history) if r.cal is not None and r.end <= pos), 0
        )
        for m in reversed(list(_EVENT_NOUN.finditer(self.text, last_end, pos))):
            dated = self.events.get(NOUN_CLASS[m.group(1).lower()])
            if dated:
                best = self._closest_event(dated, m.start())
                if best.cal is not None and best.cal != cal:
                    cal, tid = best.cal, best.tid
                break
        if cal is not None and unit in ("day", "week", "hour") and coarser(cal.gran, "day"):
            cal = self.refine_to_day(cal) or cal
        return cal, tid

    @staticmethod
    def _closest_event(dated: list[tuple[int, Resolved]], pos: int) -> Resolved:
        """The most precise earlier mention of the event; a later one only if none came
        before (its tid is then written "@offset" and fixed once tids are known)."""
        before = [r for s, r in dated if s < pos and r.tid]
        pool = before or [r for _, r in dated]
        best = pool[0]
        for r in pool:
            if r.cal is not None and (best.cal is None or coarser(best.cal.gran, r.cal.gran)):
                best = r
        if not best.tid:
            best = Resolved(f"@{best.start}", best.start, best.end, best.cal)
        return best

    def refine_to_day(self, cal: Cal) -> Cal | None:
        """The single explicit day in the document that falls inside ``cal``."""
        from timeline.timex.calendar import bounds

        b = bounds(cal)
        if b is None:
            return None
        days = {d for _, d in self.full_dates if b[0] <= datetime(d.year, d.month, d.day) < b[1]}
        return from_date(days.pop()) if len(days) == 1 else None

    def add(self, r: Resolved) -> None:
        self.history.append(r)
        for dated in self.events.values():
            for i, (s, old) in enumerate(dated):
                if s == r.start and not old.tid:
                    dated[i] = (s, r)  # the pre-pass entry now has a tid
                    return
        self.note_event(r)

    def note_event(self, r: Resolved) -> None:
        """Remember 'DATE noun' attachments: "the October 2023 assault"."""
        m = _ATTACHED.match(self.text[r.end : r.end + 40])
        if not m:
            return
        for word in m.groups():
            cls = NOUN_CLASS.get((word or "").lower())
            if cls:
                self.events.setdefault(cls, []).append((r.start, r))
                return

    def scan_events(self, resolved: list[Resolved]) -> None:
        """Pre-pass: attach explicit full dates to event nouns anywhere in the document."""
        for r in resolved:
            self.note_event(r)


def last_with_month(ctx: Context, month: int, pos: int) -> Resolved | None:
    """The last earlier mention naming calendar month ``month`` with a known year."""
    for r in reversed(ctx.history):
        if (
            r.end <= pos
            and r.cal is not None
            and r.cal.month == month
            and r.cal.gran in ("month", "day", "time")
        ):
            return r
    return None


# ------------------------------------------------ the publication date and the tense


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
    deadline = bool(_DEADLINE.search(text_before(ctx, start, 14)))
    deadline = deadline or bool(_POSTPONED.search(text_before(ctx, start, 60)))
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
    ctx: Context,
    start: int,
    end: int,
    fn: Callable[[date, bool], Cal | None],
    unknown: str,
    **kw: Any,
) -> Result | None:
    """Resolve with the DCT and the clause tense, or leave ``unknown`` when there is none."""
    if ctx.dct is None:
        return unresolved(unknown, **kw)
    t = tense(ctx.text, start, end, strict=True)
    # "until 9 a.m. Tuesday" with no verb to say otherwise: a deadline ahead
    future = t == "future" or (t == "none" and bool(_DEADLINE.search(text_before(ctx, start, 14))))
    if _POSTPONED.search(text_before(ctx, start, 60)):
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


def same_day_named(ctx: Context, month: int, day: int, start: int) -> Resolved | None:
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


def last_end(ctx: Context, start: int) -> int:
    """End offset of the last resolved date before ``start`` (0 when none)."""
    return next((r.end for r in reversed(ctx.history) if r.cal is not None and r.end <= start), 0)


MONTHS_SPAN = re.compile(r"\b(?:nine|six|three|\d+)\s+months\b", re.IGNORECASE)


def context_gran(
    ctx: Context, start: int, unit: str, base: Cal, tid: str | None
) -> tuple[Cal, str | None]:
    """Granularity of an offset result: the unit's, except "a year earlier" after a
    quarter (financial comparisons) keeps the quarter being discussed."""
    if unit == "year":
        q = compared_quarter(ctx, start)
        if q is not None:
            return q
    g = unit if unit in PRECISION_RANK else "day"
    if g in ("decade", "century", "millennium"):
        g = "year"  # "a decade ago" in 1999 is 1989, not the 1980s
    if cal_.coarser(base.gran, g):
        return base, tid  # never invent precision the reference lacks
    return truncate(base, g), tid


def compared_quarter(ctx: Context, start: int) -> tuple[Cal, str] | None:
    """The quarter (or half) discussed in the last 900 characters, for a year-on-year
    comparison ("profit of $2 million, up from $1 million a year earlier"). A year or a
    span of months named since ("For the nine months, ...") ends the quarter's topic."""
    for r in reversed(ctx.history):
        if start - r.end > 900:
            break
        if r.end > start:
            continue
        if r.cal is None:
            if MONTHS_SPAN.search(ctx.text[r.start : r.end]):
                break
            continue
        if not r.derived:
            if r.cal.gran in ("quarter", "half"):
                return r.cal, r.tid
            if r.cal.gran in ("year", "decade", "century"):
                break
    return None


COMPARED = re.compile(
    r"\b(?:compared\s+with|from|than|versus|vs\.|over)\s+(?:[^.;]{0,40}?)$", re.IGNORECASE
)
