"""How much an event matters to a reader, from what journalists weigh: how many sources
report it, whether a headline or lead tells it, how precise its date is, how often it is
mentioned, and whether the text states its date. 0 to 1; the charts label the most salient
events first."""

from __future__ import annotations

from timeline.events.modality import OFF_THE_CHART
from timeline.model import PRECISION_RANK, Event

SATURATION = 5  # sources (or mentions) beyond this add nothing
WEIGHTS = {"sources": 0.35, "lead": 0.25, "precision": 0.15, "mentions": 0.15, "stated": 0.10}


def salience(event: Event) -> float:
    head = event.mentions[0] if event.mentions else None
    precision = PRECISION_RANK.get(event.timex.precision or "", 0) / PRECISION_RANK["day"]
    parts = {
        "sources": min(len(event.sources), SATURATION) / SATURATION,
        "lead": float(any(m.lead for m in event.mentions)),
        "precision": min(precision, 1.0),
        "mentions": min(event.n_mentions, SATURATION) / SATURATION,
        "stated": float(head is None or head.date_basis == "stated"),
    }
    score = sum(WEIGHTS[name] * value for name, value in parts.items())
    if head is not None and head.modality in OFF_THE_CHART:
        score /= 2  # kept in the frame, but not what the story reports as happened
    return round(score, 3)
