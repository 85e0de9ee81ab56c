"""From time expressions to events: what happened, when, who, and where it was reported.

``build_events`` works within one article: each date that anchors a happening becomes a
mention with a label (the clause the date belongs to, shortened) and actors; mentions of the
same happening merge, the most precise date winning ("the October 2023 assault" and "the
October 7, 2023, attack"); dateless sentences placed "in the attack" join that event.

``merge_events`` (and ``EventMerger`` for a stream) works across articles: the same
happening reported by several sources becomes one event listing them all; where they
disagree on the date, the date most sources give wins and the others are kept in
``alt_values``.

The stage, in the order it runs: ``sentences`` (split the text), ``actors`` (the names of
an article), ``clauses`` (a sentence's main clause and the pieces around it), ``anchors``
(what a date in a sentence dates), ``labels`` (a clause as a timeline entry), ``kinds``
(kinds of happening), ``similarity`` (whether two mentions tell one happening), ``build``
(one article's events) and ``merge`` (across articles). The English words they use live
in ``timeline/lang/en/``; a language without event words of its own is read by ``neutral``
(each dated sentence an event, its clause the label).
"""

from timeline.events.build import build_events, why_no_events
from timeline.events.merge import MAX_MENTIONS, EventMerger, merge_events

__all__ = ["MAX_MENTIONS", "EventMerger", "build_events", "merge_events", "why_no_events"]
