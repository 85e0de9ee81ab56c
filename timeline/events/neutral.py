"""Events in a language without event words of its own: the dated sentence tells the event.

English has its clause rules and cue words (``lang/en/events.py``). A language without a
``lang/<code>/events.py`` table gets this instead, which needs no word of it: every dated
sentence tells a happening, and its label is the clause that holds the date (the sentence
cut at clause punctuation: , ; : parentheses, a spaced dash), less the date words and the
short word that governs them ("am", "в", "le"); a clause of fewer than three words left
takes in the clauses before it. A label is never empty: with too little left it is the
sentence without its dates, and with less than two words of that, the sentence itself.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from functools import cache

from timeline.events.anchors import Anchor
from timeline.events.clauses import keep

MAX_LABEL_WORDS = 12
MIN_LABEL_WORDS = 3  # a shorter clause ("dijo Tosar") takes in the clause before it
MAX_GOVERNOR = 3  # letters of a word taken for the date's preposition without a table

_CLAUSE_MARK = re.compile(r"[,;:](?=\s|$)|[()\[\]]|\s[-–—]\s")
_WORD_BEFORE = re.compile(r"([^\W\d_]+)\s+$")
_SPACES = re.compile(r"\s+")
_SPACE_BEFORE_MARK = re.compile(r"\s+([,;:.!?)\]])")
_EDGE = " ,;:.!?-—–"


def has_event_words(language: str) -> bool:
    """Whether the events stage has the language's own event words (its clause rules)."""
    from timeline.lang import has_table

    return not language or has_table(language, "events")


@cache
def _governors(language: str) -> frozenset[str]:
    """The short words dateparser skips around dates in ``language`` ("um", "в", "le")."""
    from timeline.lang.generated import skip_words

    return frozenset(skip_words(language))


def neutral_anchor(
    sentence: str, start: int, end: int, others: Sequence[tuple[int, int]] = (), language: str = ""
) -> Anchor:
    """The date at ``sentence[start:end]`` dates what its sentence tells; the label is its
    clause without the dates (``others``: the sentence's other dates)."""
    governors = _governors(language) if language else frozenset()
    cuts = [_with_governor(sentence, s, e, governors) for s, e in [(start, end), *others]]
    marks = [0, *(m.end() for m in _CLAUSE_MARK.finditer(sentence, 0, start))]
    clause_end = _clause_end(sentence, end)
    label = ""
    for clause_start in reversed(marks):  # the date's clause, widened while it says little
        label = _tidy(keep(sentence, clause_start, clause_end, cuts))
        if len(label.split()) >= MIN_LABEL_WORDS:
            break
    if len(label.split()) < 2:
        label = _tidy(keep(sentence, 0, len(sentence), cuts))
    if len(label.split()) < 2:  # "Am 15. Februar:": the date is what the sentence says
        label = _tidy(sentence) or " ".join(sentence.split())
    return Anchor("event", label, label)


def _with_governor(
    sentence: str, start: int, end: int, governors: Collection[str]
) -> tuple[int, int]:
    """The date's span, and the word before it when that word governs it: one of the
    language's date words, or a lowercase word of at most ``MAX_GOVERNOR`` letters."""
    before = _WORD_BEFORE.search(sentence, 0, start)
    if before is None:
        return start, end
    word = before.group(1)
    if word.lower() in governors or (len(word) <= MAX_GOVERNOR and word.islower()):
        return before.start(1), end
    return start, end


def _clause_end(sentence: str, end: int) -> int:
    """Where the date's clause ends: the first clause mark after the date, or the end."""
    mark = _CLAUSE_MARK.search(sentence, end)
    return mark.start() if mark else len(sentence)


def _tidy(text: str) -> str:
    """One line, no stray marks at the edges, capitalised, at most ``MAX_LABEL_WORDS``."""
    text = _SPACE_BEFORE_MARK.sub(r"\1", _SPACES.sub(" ", text)).strip(_EDGE)
    words = text.split()
    if len(words) > MAX_LABEL_WORDS:
        text = " ".join(words[:MAX_LABEL_WORDS]).rstrip(_EDGE) + " …"
    return text[:1].upper() + text[1:] if text else text
