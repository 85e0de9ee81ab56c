"""What a date in a sentence dates, with a label for it.

A date in the main clause dates what the clause says; a date that premodifies a noun ("the
October 2023 assault") dates that noun; a date in a relative clause or after "since" only
refers back to something already told.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from timeline.events.clauses import (
    WORD,
    SentenceParts,
    analyse,
    inside,
    keep,
    main_start,
    subordinate_clauses,
)
from timeline.events.kinds import event_classes, is_event_noun, is_generic_noun
from timeline.events.labels import clause_label, finish_label, relative_label
from timeline.events.memo import per_article
from timeline.events.zones import ZONE_NAMES
from timeline.lang.en.events import (
    AUXILIARIES,
    BOUNDARY_PREPOSITIONS,
    CUT_WITH_DATE,
    DATE_WORDS,
    DETERMINERS,
    IRREGULAR_PAST,
    PAST_AUXILIARIES,
    PLACING_PREPOSITIONS,
)
from timeline.lang.en.names import FUNCTION_WORDS


@dataclass(slots=True)
class Anchor:
    """What a date in a sentence dates."""

    role: str  # "event": dates a happening; "reference": only refers back to one
    label: str = ""
    clause: str = ""  # the words the label came from, for actors and similarity
    noun: str = ""  # the event noun a premodifying date qualifies ("assault")
    classes: set[str] = field(default_factory=set)
    noun_only: bool = False  # the label is just the dated noun phrase ("Assault on Israel")


def anchor_date(
    sentence: str, start: int, end: int, others: Sequence[tuple[int, int]] = ()
) -> Anchor:
    """What the date at ``sentence[start:end]`` dates, with a label for it.

    ``others`` are the other dates of the sentence (the end of a "from ... to ..." range
    among them): their words stay out of the label too.
    """
    info, places = _sentence_memo(sentence)
    place = _memo_place(places, sentence, start, end)
    relative = inside(info.relatives, place.date_start, place.date_end)
    clause = inside(info.clauses, place.date_start, place.date_end) or (0, len(sentence))
    backgrounded = place.governor in BOUNDARY_PREPOSITIONS or (
        place.premodifies and is_generic_noun(place.noun)
    )
    role = "reference" if backgrounded or (relative and place.premodifies) else "event"
    if (
        place.premodifies
        and not _starts_clause(info, clause, relative, place.np_start)
        and not _short_clause_before(info, clause, place.governor, place.governor_start)
    ):
        label = _np_label(sentence, place)
        phrase = sentence[place.np_start : place.np_end]
        if not is_event_noun(place.noun):
            role = "reference"  # "the 2011 version of the suite" tells no happening
        return Anchor(role, label, phrase, place.noun, event_classes(place.noun), True)
    cuts = [place.cut, *(_memo_place(places, sentence, s, e).cut for s, e in others)]
    subordinate = None if relative else inside(subordinate_clauses(info), *place.cut)
    if relative:
        text = relative_label(info, relative, cuts)
    elif subordinate:
        text = finish_label(keep(sentence, subordinate[0], subordinate[1], cuts))
    else:
        text = clause_label(info, clause, cuts)
    return Anchor(role, text, text, place.noun, event_classes(text))


# The analysis of the latest sentence anchored: its dates are anchored one after the other,
# each needing the sentence's clauses and the places of its other dates.
_LAST: tuple[str, SentenceParts, dict[tuple[int, int], _DatePlace]] | None = None


def _sentence_memo(sentence: str) -> tuple[SentenceParts, dict[tuple[int, int], _DatePlace]]:
    global _LAST
    last = _LAST
    if last is not None and last[0] == sentence:
        return last[1], last[2]
    info, places = analyse(sentence), {}
    _LAST = (sentence, info, places)
    return info, places


def _memo_place(
    places: dict[tuple[int, int], _DatePlace], sentence: str, start: int, end: int
) -> _DatePlace:
    place = places.get((start, end))
    if place is None:
        place = places[(start, end)] = _place_date(sentence, start, end)
    return place


@dataclass(slots=True)
class _DatePlace:
    """Where a date sits: its own words, the noun it may qualify, what governs it."""

    det_start: int
    date_start: int
    date_end: int
    noun: str
    np_start: int
    np_end: int
    premodifies: bool  # "the October 2023 assault": the date qualifies a noun
    governor: str  # the preposition before the date (or before its noun phrase)
    governor_start: int
    cut: tuple[int, int]  # what to drop from a label: "on February 15, 2025,"


def _place_date(sentence: str, start: int, end: int) -> _DatePlace:
    det_start, date_start, date_end, noun_end = _date_core(sentence, start, end)
    before, before_start = _word_before(sentence, det_start)
    has_own_det = det_start < date_start
    possessive = _POSSESSIVE.match(sentence[date_end:])  # "Monday's announcement"
    owns = bool(possessive) or bool(_OWNS.search(sentence[date_start:date_end]))
    premodifies = has_own_det or before.lower() in DETERMINERS or owns
    noun, np_end = "", date_end
    if noun_end > date_end:
        noun, np_end = sentence[date_end:noun_end].strip(" ,"), noun_end
    elif premodifies:
        has_comma = "," in sentence[date_start:date_end]
        after = date_end + possessive.end() if possessive else date_end
        noun, np_end = _noun_phrase_after(sentence, after, has_comma)
        if possessive:
            date_end = after
    premodifies = premodifies and bool(noun)
    np_start = det_start if has_own_det else (before_start if premodifies else date_start)
    if premodifies:
        governor, governor_start = _word_before(sentence, np_start)
        cut_start = date_start
    else:
        if before.lower() in DETERMINERS:  # "in the late 1980s": the article goes too
            before, before_start = _word_before(sentence, before_start)
        governor, governor_start = before, before_start
        cut_start = governor_start if governor.lower() in CUT_WITH_DATE else det_start
        if cut_start == governor_start:  # "as of January 2008"
            first, first_start = _word_before(sentence, governor_start)
            if first.lower() in ("as", "since", "until", "from", "by"):
                cut_start = first_start
    cut = (cut_start, _after_restatement(sentence, _after_closing_comma(sentence, start, date_end)))
    return _DatePlace(
        det_start, date_start, date_end, noun, np_start, np_end, premodifies,
        governor.lower(), governor_start, cut,
    )  # fmt: skip


_POSSESSIVE = re.compile(r"['’]s\b")


_OWNS = re.compile(r"\D['’]s$")


def _date_core(sentence: str, start: int, end: int) -> tuple[int, int, int, int]:
    """Split a timex span into (determiner start, date start, date end, noun end).

    Taggers may include "the" and a noun ("the October incident"): the date words are only
    "October"; "incident" is the noun the date qualifies.
    """
    words = list(_DATE_TOKEN.finditer(sentence[start:end]))
    first, last = 0, len(words)
    det_start = start
    while first < last and words[first].group().lower() in DETERMINERS:
        first += 1
    while last > first and not _is_date_word(words[last - 1].group()):
        last -= 1
    if first >= last:  # nothing recognisable as a date word: keep the whole span
        return start, start, end, end
    date_start = start + words[first].start()
    date_end = start + words[last - 1].end()
    if start + words[last - 1].end() < end and sentence[date_end:end].strip(" ,") == "":
        date_end = end  # trailing comma of "October 7, 2023,"
    det_start = start if first > 0 else date_start
    return det_start, date_start, date_end, end


def _is_date_word(word: str) -> bool:
    if word in ZONE_NAMES:  # "9 p.m. EST"
        return True
    lower = word.lower().rstrip(".")
    if lower in ("'s", "’s"):  # "the late 1980's", "Monday's"
        return True
    return lower in DATE_WORDS or bool(_NUMERIC_DATE_WORD.fullmatch(lower))


_DATE_TOKEN = re.compile(r"[ap]\.m\.?|\d[\d:.]*\d|[\w'’-]+")


_NUMERIC_DATE_WORD = re.compile(r"\d[\d,.:/-]*(?:st|nd|rd|th|['’]?s)?")


def _word_before(text: str, position: int) -> tuple[str, int]:
    """The word (letters, digits, _ ' ’ -) before ``position``, across spaces, and where
    it starts; scanned back from there, so a long text before it costs nothing."""
    end = position
    while end > 0 and text[end - 1].isspace():
        end -= 1
    start = end
    while start > 0 and _is_word_char(text[start - 1]):
        start -= 1
    return (text[start:end], start) if start < end else ("", position)


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char in "_'’-"


def _noun_phrase_after(text: str, position: int, comma: bool) -> tuple[str, int]:
    """The noun (and one prepositional phrase) a premodifying date qualifies; ``comma``:
    the date has its own comma, so one may close it ("the October 7, 2023, attack")."""
    rest = text[position:]
    head = (_NOUNS_AFTER_COMMA if comma else _NOUNS_AFTER).match(rest)
    if not head:
        return "", position
    nouns = head.group(1).split()
    while nouns and (nouns[-1] in FUNCTION_WORDS or nouns[-1] in AUXILIARIES):
        nouns.pop()
    if not nouns or nouns[0] in FUNCTION_WORDS or nouns[0] in AUXILIARIES:
        return "", position
    end = position + rest.index(nouns[-1], head.start(1)) + len(nouns[-1])
    pp = _PREPOSITIONAL_PHRASE.match(text[end:])
    if pp:
        end += pp.end()
    return " ".join(nouns), end


_NOUNS = r"((?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*)"
_NOUNS_AFTER = re.compile(r"\s+" + _NOUNS)
_NOUNS_AFTER_COMMA = re.compile(r"\s*,?\s*" + _NOUNS)


def _after_closing_comma(sentence: str, start: int, date_end: int) -> int:
    """ "on February 15, 2025, as part of": the comma after the year closes the date."""
    closing = _COMMA_AHEAD.match(sentence, date_end)
    if closing and "," in sentence[start:date_end]:
        return closing.end()  # matched from date_end on: an offset in the sentence
    return date_end


_COMMA_AHEAD = re.compile(r"\s*,")


def _after_restatement(sentence: str, end: int) -> int:
    """ "at 9 p.m. EST Tuesday (0200 GMT Wednesday)": a parenthesis right after a date
    that holds only date words restates the date (in another time zone): it goes with
    it."""
    restated = _RESTATED.match(sentence, end)
    if restated is None:
        return end
    words = _DATE_TOKEN.findall(restated.group(1))
    if words and all(_is_date_word(w) or w.lower() in _RESTATING_WORDS for w in words):
        return restated.end()
    return end


_RESTATED = re.compile(r"\s*\(([^()]{1,40})\)")
_RESTATING_WORDS = frozenset({"local", "time", "or", "on", "at"})


def _starts_clause(
    info: SentenceParts, clause: tuple[int, int], relative: tuple[int, int] | None, position: int
) -> bool:
    begin = relative[0] if relative else main_start(info, clause)
    return not info.text[begin:position].strip(" ,;:\"'“‘(")


def _short_clause_before(
    info: SentenceParts, clause: tuple[int, int], governor: str, governor_start: int
) -> bool:
    """ "Trufanov was abducted from Nir Oz during the October 7 attack": a short clause
    placed in time by the dated noun is what happened then; a long one is about something
    else ("Putin has expressed appreciation ... for hostages taken during ...")."""
    if governor not in PLACING_PREPOSITIONS:
        return False
    start = main_start(info, clause)
    head = keep(info.text, start, governor_start, [*info.removed, *info.relatives])
    return 2 <= len(head.split()) <= 10


def _np_label(sentence: str, place: _DatePlace) -> str:
    date_end = _after_closing_comma(sentence, place.date_start, place.date_end)
    text = sentence[place.np_start : place.date_start] + " " + sentence[date_end : place.np_end]
    text = _LEADING_DETERMINER.sub("", text)
    return finish_label(text)


_PLACED_BY_NOUN = re.compile(
    r"\b(?i:during|in|at|amid|throughout)\s+the\s+((?:[\w'’-]+\s+){0,2}[\w'’-]+)"
)


@per_article
def event_reference(sentence: str) -> tuple[str, int, int] | None:
    """A definite event noun that places a dateless sentence in time: "in the attack"."""
    for match in _PLACED_BY_NOUN.finditer(sentence):
        position = match.start() + match.group(0).lower().index("the ")
        for word in WORD.finditer(match.group(1)):
            noun = word.group()
            if noun.islower() and (event_classes(noun) or is_generic_noun(noun)):
                end = match.start(1) + word.end()
                return sentence[position:end], position, end
    return None


# Patterns used inside functions, compiled once.
_PREPOSITIONAL_PHRASE = re.compile(
    r"\s+(?:of|on|by|into|in|against|at|near|from)\s+(?:the\s+)?"
    r"(?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*|[a-z][\w-]*)"
)
_LEADING_DETERMINER = re.compile(r"^\s*(?:the|a|an|this|that|its|their)\b", re.I)


def generic_day(text: str, start: int, end: int) -> bool:
    """Whether "today", "tomorrow" or "yesterday" at ``text[start:end]`` names no day but
    an age: generic ("today's travellers expect": no happening after it, and no past
    tense), figurative ("the phone of tomorrow") or one side of a comparison ("faster
    today than in 1990", "compared with today"). "Today's vote", "today's glitches were",
    "the attack of yesterday" and "opened today" are days."""
    if text[start:end].lower() not in _DEICTIC_DAYS:
        return False
    after = text[end : end + 60]
    before = text[max(0, start - 40) : start]
    if _COMPARED_AFTER.match(after) or _COMPARED_BEFORE.search(before):
        return True
    if possessive := _POSSESSIVE_NOUNS.match(after):
        if any(is_event_noun(word) for word in possessive.group(1).split()):
            return False  # "today's vote"
        return not any(_is_past(word) for word in WORD.findall(after)[:10])
    if of := _OF_BEFORE.search(before):
        return not is_event_noun(of.group(1))
    return False


def _is_past(word: str) -> bool:
    lower = word.lower()
    return lower in PAST_AUXILIARIES or lower in IRREGULAR_PAST or bool(_PAST_WORD.fullmatch(lower))


_PAST_WORD = re.compile(r"[a-z]{2,}ed")
_DEICTIC_DAYS = frozenset({"today", "tomorrow", "yesterday"})
_COMPARED_AFTER = re.compile(r"\s+than\b")
_COMPARED_BEFORE = re.compile(r"\b(?:than|compared\s+(?:with|to)|versus)\s+$", re.IGNORECASE)
_POSSESSIVE_NOUNS = re.compile(r"['’]s((?:\s+[\w-]+){1,3})")  # the words after "today's"
_OF_BEFORE = re.compile(r"\b([a-z][\w-]*)\s+of\s+$")  # "the phone of tomorrow"
