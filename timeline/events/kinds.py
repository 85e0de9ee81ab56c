"""Kinds of happening: "assault", "attack" and "incursion" are one kind, so they meet."""

from __future__ import annotations

import re

from timeline.events.memo import per_article
from timeline.lang.en.events import EVENT_CLASSES, EVENT_NOUNS, GENERIC_EVENT_NOUNS, SHORT_EXACT


def _class_pattern(stems: tuple[str, ...]) -> re.Pattern[str]:
    """Stems match any ending ("releas" -> released); short words only as themselves."""
    alternatives = [
        re.escape(stem) + (r"\b" if stem in SHORT_EXACT or " " in stem else r"\w*")
        for stem in stems
    ]
    return re.compile(r"\b(?:" + "|".join(alternatives) + ")")


_CLASS_PATTERNS = {kind: _class_pattern(stems) for kind, stems in EVENT_CLASSES.items()}


# Any kind's word: where the first one starts (each kind's pattern then says which match there)
_ANY_CLASS = re.compile("|".join(p.pattern for p in _CLASS_PATTERNS.values()))


def event_classes(text: str) -> set[str]:
    """The kinds of happening words in ``text`` ("attack", "release", ...)."""
    return set(_event_classes(text))  # a set of the caller's own


@per_article  # labels and nouns are asked about again and again
def _event_classes(text: str) -> frozenset[str]:
    lower = text.lower()
    first = _ANY_CLASS.search(lower)
    if first is None:  # most texts: no event word at all
        return frozenset()
    position = first.start()  # no kind's word starts before it
    return frozenset(
        kind for kind, pattern in _CLASS_PATTERNS.items() if pattern.search(lower, position)
    )


def trigger_class(text: str) -> set[str]:
    """The kind of the first happening word: "police arrested two men over the robbery" is
    an arrest, not a robbery."""
    lower = text.lower()
    first = _ANY_CLASS.search(lower)
    if first is None:
        return set()
    # the kinds whose first word starts there; ties go to the first kind by name
    position = first.start()
    return {min(kind for kind, p in _CLASS_PATTERNS.items() if p.match(lower, position))}


def is_event_noun(noun: str) -> bool:
    """Whether a noun names a happening: "assault", "election", "announcement"."""
    words = noun.lower().split()
    if not words:
        return False
    head = words[-1]
    return bool(
        event_classes(head)
        or head in EVENT_NOUNS
        or head.endswith(("tion", "sion", "ment", "ure", "ing", "sis"))
    )


def is_generic_noun(noun: str) -> bool:
    return noun.lower() in GENERIC_EVENT_NOUNS
