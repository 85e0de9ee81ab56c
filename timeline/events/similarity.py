"""Whether two mentions tell one happening: shared kinds, words and actors, and dates that
can be the same moment."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta
from functools import lru_cache

from timeline.events.kinds import trigger_class
from timeline.events.memo import per_article
from timeline.events.zones import same_instant
from timeline.lang.en.events import AUXILIARIES, DATE_WORDS
from timeline.lang.en.names import FUNCTION_WORDS
from timeline.model import PRECISION_RANK, Timex


@dataclass(frozen=True, slots=True)
class Features:
    classes: frozenset[str]
    stems: frozenset[str]
    actors: frozenset[str]  # lowercase name words: "trufanov", "hamas"


@per_article  # a label is asked whether it tells something, then for its features
def content_words(text: str) -> list[str]:
    """The words of ``text`` that say what happened (no function, auxiliary or date word);
    the list is shared by the callers: read it, do not change it."""
    return [w for w in _LOWER_WORD.findall(text.lower()) if len(w) > 2 and w not in _NOT_CONTENT]


_NOT_CONTENT = FUNCTION_WORDS | AUXILIARIES | DATE_WORDS  # one look-up, not three


_LOWER_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['’-])+")  # letters of any script: "прин", "über"


def features_of(
    labels: Iterable[str], actors: Iterable[str], nouns: Iterable[str] = ()
) -> Features:
    grown = GrowingFeatures()
    for text in (*labels, *nouns):
        grown.add_text(text)
    for actor in actors:
        grown.add_actor(actor)
    return grown.frozen()


class GrowingFeatures:
    """``features_of`` built up one label and actor at a time (a cluster's members join
    one by one: its features grow rather than being recomputed from all of them)."""

    __slots__ = ("kinds", "stems", "actors", "_frozen")

    def __init__(self) -> None:
        self.kinds: set[str] = set()
        self.stems: set[str] = set()
        self.actors: set[str] = set()
        self._frozen: Features | None = None

    def add_text(self, text: str) -> None:
        text_kinds, text_stems = _text_features(text)
        if not (text_kinds <= self.kinds and text_stems <= self.stems):
            self.kinds |= text_kinds
            self.stems |= text_stems
            self._frozen = None

    def add_actor(self, actor: str) -> None:
        words = _actor_words(actor)
        if not words <= self.actors:
            self.actors |= words
            self._frozen = None

    def frozen(self) -> Features:
        if self._frozen is None:
            self._frozen = Features(
                frozenset(self.kinds), frozenset(self.stems), frozenset(self.actors)
            )
        return self._frozen


@lru_cache(maxsize=2048)
def _text_features(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The kind of happening and the word stems of one label or noun (labels recur: in a
    cluster's, an event's and a merged group's features)."""
    stems = frozenset(w[:5] for w in content_words(_without_names(text)))
    return frozenset(trigger_class(_COMPLEMENT.split(text, 1)[0])), stems


@lru_cache(maxsize=2048)
def _actor_words(actor: str) -> frozenset[str]:
    return frozenset(
        w.lower() for w in actor.split() if len(w) > 2 and w.lower() not in FUNCTION_WORDS
    )


# "Jobs said that buyers would receive a case" is a statement, not a receiving: the kind
# of happening is told before a complement or relative clause
_COMPLEMENT = re.compile(r"\b(?:that|which|who|whom|whose)\b")


def _without_names(label: str) -> str:
    """Names count as actors, so only the lowercase words count as words ("released")."""
    words = label.split()
    if words and words[0].lower() in FUNCTION_WORDS:
        words[0] = words[0].lower()  # "The attack": capitalized as the label's first word
    return " ".join(w for w in words if not (w[:1].isupper() or _CAMEL_CASE.match(w)))


_CAMEL_CASE = re.compile(r"[a-z]+[A-Z]")  # "iPod", "eBay": names too


def similarity(a: Features, b: Features) -> float:
    """Shared kinds of happening and shared actors weigh most; other words a little."""
    shared_actors = len(a.actors & b.actors)
    return len(a.classes & b.classes) + min(shared_actors, 3) + 0.5 * len(a.stems & b.stems)


def precision_rank(timex: Timex) -> int:
    """Finer is higher; a date still waiting for its publication date ranks lowest."""
    if timex.earliest is None:
        return -1
    return PRECISION_RANK.get(timex.precision or "", -1)


def label_rank(timex: Timex) -> int:
    """Precision for choosing the telling mention: "Saturday night" is no better told than
    "Saturday"."""
    return min(precision_rank(timex), PRECISION_RANK["day"])


def dates_compatible(a: Timex, b: Timex) -> bool:
    """Whether two dates can be the same moment: overlapping intervals, or an unresolved
    pattern ("XXXX-WXX-3", a Wednesday) that the other date fits."""
    if a.earliest and a.latest and b.earliest and b.latest:
        if a.type == "TIME" or b.type == "TIME":  # one instant told in two time zones
            zoned = same_instant(a, b)
            if zoned is not None:
                return zoned
        return a.earliest < b.latest and b.earliest < a.latest
    if a.earliest is None and b.earliest is None:
        return a.value == b.value
    unresolved, resolved = (a, b) if a.earliest is None else (b, a)
    return _fits_pattern(unresolved.value, resolved)


def _fits_pattern(pattern: str, timex: Timex) -> bool:
    day = timex.earliest.date() if timex.earliest else None
    week = _WEEKDAY_PATTERN.fullmatch(pattern)
    if week:
        return day is not None and day.isoweekday() == int(week.group(1))
    if "X" not in pattern:
        return False
    return _calendar_regex(pattern).match(timex.value) is not None


@lru_cache(maxsize=1024)
def _calendar_regex(pattern: str) -> re.Pattern[str]:
    """ "XXXX-03-XX" -> a regex that any March date's value matches."""
    calendar = _NOT_CALENDAR.sub("", pattern.split("T")[0])
    return re.compile(re.escape(calendar).replace("X", r"\d"))


def date_gap(a: Timex, b: Timex) -> timedelta | None:
    if not (a.earliest and a.latest and b.earliest and b.latest):
        return None
    if a.latest <= b.earliest:
        return b.earliest - a.latest
    if b.latest <= a.earliest:
        return a.earliest - b.latest
    return timedelta(0)


# Patterns used inside functions, compiled once.
_WEEKDAY_PATTERN = re.compile(r"X{4}-WXX-(\d)(?:T.*)?")
_NOT_CALENDAR = re.compile(r"[^\dX-]")
