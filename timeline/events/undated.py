"""Sentences without date words that still report a happening, dated by news convention.

News tells its story around one date, the news peg: the happening the lead reports, on or
just before the publication date. A past-tense sentence without a date of its own ("Jobs
also announced a new service") tells part of that story: it takes the peg ("carried"). A
present-tense one ("iPhone 4 has two cameras") tells a state at publication: it takes the
publication date ("published"). Planned, hypothetical and negated sentences without a date
are not dated this way (a plan has no date until the text gives one): they are events of
unknown date ("unknown", ``unknown_timex``), kept in the frame and never drawn on the
axis; so are the happenings of an article without a publication date.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from timeline.events.clauses import WORD
from timeline.lang.en.events import (
    AUXILIARIES,
    IRREGULAR_PARTICIPLES,
    IRREGULAR_PAST,
    PAST_AUXILIARIES,
    PRESENT_AUXILIARIES,
)
from timeline.model import PRECISION_RANK, Timex

PEG_DAYS = 3  # the news peg lies at most this many days before publication
LEAD_SENTENCES = 3  # the headline (or date line) and the first sentences


def news_peg(published: date | None, stated: list[tuple[Timex, bool]]) -> date | None:
    """The story's date: the first day the lead states (at day precision or finer) within
    ``PEG_DAYS`` before publication, else the latest such day the article states, else the
    publication day; None without a publication date. ``stated``: each event's date, and
    whether the lead tells it, in text order."""
    if published is None:
        return None
    earliest = published - timedelta(days=PEG_DAYS)
    days = [
        (t.earliest.date(), in_lead)
        for t, in_lead in stated
        if t.earliest is not None
        and PRECISION_RANK.get(t.precision or "", -1) >= PRECISION_RANK["day"]
        and earliest <= t.earliest.date() <= published
    ]
    in_lead = [day for day, lead in days if lead]
    if in_lead:
        return in_lead[0]
    return max(day for day, _ in days) if days else published


def tense(clause: str) -> str | None:
    """ "past", "present", or None when the clause has no verb these rules know."""
    words = WORD.findall(clause)
    for position, word in enumerate(words):
        lower = word.lower()
        if lower in PAST_AUXILIARIES or lower in IRREGULAR_PAST:
            return "past"
        if _PAST_VERB.fullmatch(word) and not _after_determiner(words, position):
            return "past"
        if lower in PRESENT_AUXILIARIES:
            return "present"
    if _PRESENT_VERB.match(clause):
        return "present"
    return None


def is_state(clause: str) -> bool:
    """ "Apple's results were way ahead of expectations", "The antenna is a metal strip":
    the clause's verb is "be" with a noun or adjective after it (not a passive or a
    progressive: "was announced", "is growing"), so it tells how things are, not what
    happened."""
    words = WORD.findall(clause)
    for position, word in enumerate(words):
        lower = word.lower()
        if lower in _BE:
            after = [w for w in words[position + 1 :] if w.lower() not in _ADVERBS]
            after = [w for w in after if not w.lower().endswith("ly")]
            if not after:
                return False
            verb = after[0].lower()
            participle = verb in IRREGULAR_PARTICIPLES or _PARTICIPLE.fullmatch(verb)
            return not (participle or verb.endswith("ing") or verb in _NOT_STATE)
        if lower in AUXILIARIES or lower in IRREGULAR_PAST:
            return False  # another verb comes first: "Jobs had said ..."
        if _PAST_VERB.fullmatch(word) and not _after_determiner(words, position):
            following = words[position + 1].lower() if position + 1 < len(words) else ""
            if following not in _REDUCED_RELATIVE:
                return False  # "Apple released ..."; but "the phone developed by" goes on
    return False


_BE = frozenset({"is", "are", "was", "were"})
_ADVERBS = frozenset({"also", "already", "still", "now", "not", "actually", "then", "just"})
_NOT_STATE = frozenset({"to", "set", "due", "expected", "about"})  # "is to", "was set to"
_REDUCED_RELATIVE = frozenset({"by", "in", "during", "at", "on", "for", "from", "with"})
_PARTICIPLE = re.compile(r"[a-z]{2,}(?:ed|en|wn)")


def _after_determiner(words: list[str], position: int) -> bool:
    """ "the planned summit": an -ed word after a determiner is an adjective."""
    return position > 0 and words[position - 1].lower() in _DETERMINERS


_PAST_VERB = re.compile(r"[a-z]{2,}ed")
_DETERMINERS = frozenset("the a an this that these those its their his her our".split())
# "Apple sells ...", "It also uses ...": a name or pronoun, then a verb in -s
_PRESENT_VERB = re.compile(
    r"(?:(?:[A-Z][\w'’.&-]*\s+){1,4}|(?:It|He|She)\s+)(?:[a-z]+ly\s+|also\s+|now\s+)?"
    r"(?!(?:" + "|".join(sorted(AUXILIARIES)) + r")\b)[a-z]{2,}[^s\W]s\b"
)


def tells_undatable(clause: str, verb_tense: str | None, said: str) -> bool:
    """Whether a planned, hypothetical or negated clause without a date tells a happening
    (of unknown date): "Keller will open a plant", "Keller hopes to open a plant", "Keller
    did not open the plant"; not a state ("Keller does not own a plant", "the plant would
    be a success", "it is possible")."""
    modal = _MODAL_VERB.search(clause)
    if verb_tense is None and modal is None:
        return False  # no verb these rules know
    if _SPEAKER_SUBJECT.match(clause):
        return False  # "We are going to move the hub into the cloud": a quotation's words
    if said == "negated" and verb_tense == "present" and modal is None:
        return False  # "Apple does not sell phones in China": how things are
    return not is_state(_MODAL_BE.sub("is", clause))


_MODALS = r"(?:will|would|shall|should|could|can|may|might|must|(?:is|are|was|were)\s+going\s+to)"
_BETWEEN = r"(?:\s+not|n't)?(?:\s+(?:also|only|still|now|then|[a-z]+ly))*"  # "will also be"
_MODAL_VERB = re.compile(rf"\b{_MODALS}{_BETWEEN}\s+[a-z]{{2,}}\b")
_MODAL_BE = re.compile(rf"\b{_MODALS}{_BETWEEN}\s+be\b")
_SPEAKER_SUBJECT = re.compile(r"(?:I|We|You)\b")  # who speaks is not in the clause


def unknown_timex(position: int) -> Timex:
    """The date of an event the text gives no date for: none, at its sentence."""
    return Timex(position, position, "", "DATE", "", None)


def day_timex(day: date, position: int) -> Timex:
    """The date given to a sentence without date words: its day, at the sentence."""
    start = datetime(day.year, day.month, day.day)
    return Timex(
        position, position, "", "DATE", day.isoformat(), "day", start, start + timedelta(days=1)
    )
