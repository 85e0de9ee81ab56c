"""What a clause says of its happening: asserted, planned, reported, hypothetical, negated.

A timeline shows what happened (and what is planned, marked as such); what did not happen
("did not sign"), or only might ("if the deal had gone through", "could"), is kept in the
frame with its modality and left off the chart by default. Rules on the clause's words: the
first cue of the strongest kind wins (negated, then hypothetical, planned, reported).
"""

from __future__ import annotations

import re

from timeline.events.memo import per_article
from timeline.lang.en.events import (
    HYPOTHETICAL_CUES,
    MONTHS,
    NEGATION_CUES,
    PLANNED_CUES,
    REPORTED_CUES,
)
from timeline.model import MODALITIES, OFF_THE_CHART

__all__ = ["MODALITIES", "OFF_THE_CHART", "modality"]


class _Cues:
    """A table's cue words as a pattern: each one whole (no letter or apostrophe around it).

    A pattern that opens on a look-behind is tried at every position of the text; the cue
    words alone are scanned for in C from the first letters they can open on. So the cues
    are first searched for without the look-behind (every match of the whole pattern is one
    of those), and the whole pattern only from the first such place on: the same answer."""

    __slots__ = ("whole", "scan")

    def __init__(self, words: tuple[str, ...], more: str = "") -> None:
        cues = "(?:" + "|".join(words) + r")(?![\w'’])"
        self.whole = re.compile(r"(?<![\w'’])" + cues + more)
        self.scan = re.compile(cues + more)

    def search(self, text: str) -> bool:
        first = self.scan.search(text)
        return first is not None and self.whole.search(text, first.start()) is not None


_NEGATED = _Cues(NEGATION_CUES, r"|n't(?![\w'’])")  # "didn't" too
_HYPOTHETICAL = _Cues(HYPOTHETICAL_CUES)
_PLANNED = _Cues(PLANNED_CUES)
_REPORTED = _Cues(REPORTED_CUES)


@per_article
def modality(clause: str, sentence: str = "") -> str:
    """The modality of the happening ``clause`` tells; ``sentence`` (the clause's whole
    sentence) may attribute it to a source ("..., officials said")."""
    text = _main_part(_lowered(_unquoted(clause)))
    if _NEGATED.search(text):
        return "negated"
    if _HYPOTHETICAL.search(text):
        return "hypothetical"
    if _PLANNED.search(text):
        return "planned"
    if _REPORTED.search(text) or (sentence and _REPORTED.search(_lowered(sentence))):
        return "reported"
    return "asserted"


def _unquoted(clause: str) -> str:
    """'Keller said "We are going to hire"': what the quotation plans is the speaker's
    words; the clause tells that she said them (a clause that is all quotation stays)."""
    outside = _QUOTATION.sub(" ", clause)
    return outside if len(outside.split()) >= 2 else clause


_QUOTATION = re.compile(r"\"[^\"]*\"|“[^”]*”")


def _main_part(text: str) -> str:
    """ "Jobs announced that the phone would ship": the announcing happened; what the
    complement plans is the next event's business, so only the words before "that" count."""
    head, that, _ = text.partition(" that ")
    return head if that and len(head.split()) >= 2 else text


def _lowered(text: str) -> str:
    """Cues are lowercase words: the sentence's first word is lowered ("If ..."), names
    and months keep their capitals ("May 5" is no "may")."""
    text = text.replace("’", "'")
    first = text.split(" ", 1)[0].lower()
    return text if first in MONTHS else text[:1].lower() + text[1:]
