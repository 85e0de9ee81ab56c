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


def _cues(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w'’])(?:" + "|".join(words) + r")(?![\w'’])")


_NEGATED = re.compile(_cues(NEGATION_CUES).pattern + r"|n't(?![\w'’])")  # "didn't" too
_HYPOTHETICAL = _cues(HYPOTHETICAL_CUES)
_PLANNED = _cues(PLANNED_CUES)
_REPORTED = _cues(REPORTED_CUES)


@per_article
def modality(clause: str, sentence: str = "") -> str:
    """The modality of the happening ``clause`` tells; ``sentence`` (the clause's whole
    sentence) may attribute it to a source ("..., officials said")."""
    text = _main_part(_lowered(clause))
    if _NEGATED.search(text):
        return "negated"
    if _HYPOTHETICAL.search(text):
        return "hypothetical"
    if _PLANNED.search(text):
        return "planned"
    if _REPORTED.search(text) or (sentence and _REPORTED.search(_lowered(sentence))):
        return "reported"
    return "asserted"


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
