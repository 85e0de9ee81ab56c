"""Which clause a date belongs to, and a short label for it, by light rules.

A sentence is cut into its main clause and the pieces around it (attribution, relative
clauses, parentheticals, fronted adverbials). A date in the main clause dates what the
clause says; a date that premodifies a noun ("the October 2023 assault") dates that noun;
a date in a relative clause or after "since" only refers back to something already told.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from timeline._text import FUNCTION_WORDS, MONTHS, WEEKDAYS

MAX_LABEL_WORDS = 12
# Where a long label can be cut without leaving a phrase half told.
PHRASE_OPENERS = frozenset(
    "and but which who that between among with without from for after before because as "
    "while amid over under against during into in at on to by".split()
)

# Words that can be part of a date expression; anything after them inside a timex is the
# noun the date modifies ("the October incident").
DATE_WORDS = (
    MONTHS
    | WEEKDAYS
    | frozenset(
        """night morning afternoon evening noon midnight day days week weeks month months year
    years decade decades century weekend later earlier ago last next this early late mid
    today yesterday tomorrow tonight of the on in at spring summer autumn fall winter
    a.m p.m am pm local time gmt utc hours o'clock midday dawn dusk
    quarter half beginning end start""".split()
    )
)
DETERMINERS = frozenset("the a an this that these those its their his her our".split())
TEMPORAL_PREPOSITIONS = frozenset(
    """on in at during since until till by from before after around about through
    throughout early late as of for""".split()
)
BOUNDARY_PREPOSITIONS = frozenset({"since", "until", "till"})  # the date bounds a state
# Words dropped with the date: its preposition, or what joins the two ends of a range.
CUT_WITH_DATE = TEMPORAL_PREPOSITIONS | frozenset({"to", "through", "and", "-", "–"})
IRREGULAR_PAST = frozenset(
    """began begun broke came fell went took won lost met left made rose said saw struck ran
    told sent held hit shot fled fought led got gave grew hung kept knew paid put sold
    spoke stood swore threw wrote""".split()
)
PLACING_PREPOSITIONS = frozenset({"during", "in", "amid", "at", "throughout"})
AUXILIARIES = frozenset(
    "is are was were be been being has have had will would shall should can could may "
    "might must do does did".split()
)
PASSIVE_AUXILIARIES = r"(?:was|were|is|are|has been|have been|had been|had|has|have)"
IRREGULAR_PARTICIPLES = frozenset(
    """held met hit shot sent built struck caught brought kept left lost found made paid put
    run set sold told won hung bound fought led freed seen done gone born""".split()
)

# Event nouns and verbs by kind, so "assault", "attack" and "incursion" meet.
EVENT_CLASSES: dict[str, tuple[str, ...]] = {
    "attack": (
        "attack",
        "assault",
        "incursion",
        "invasion",
        "invade",
        "raid",
        "offensive",
        "massacre",
        "bombing",
        "bombard",
        "shelling",
        "strike",
        "ambush",
        "onslaught",
    ),
    "release": (
        "releas",
        "freed",
        "free",
        "freeing",
        "liberat",
        "exchang",
        "swap",
        "handover",
        "handed over",
    ),
    "capture": ("captur", "abduct", "kidnap", "seiz", "taken hostage", "took hostage"),
    "death": ("kill", "death", "dead", "died", "dies", "murder", "fatalit", "slain"),
    "meeting": ("meeting", "meet", "met", "receiv", "talks", "summit", "visit", "hosted"),
    "agreement": ("ceasefire", "truce", "agreement", "deal", "accord"),
    "arrest": ("arrest", "detain", "detention", "charged", "indict", "sentenc", "convict"),
    "crime": ("robbery", "robbed", "theft", "burglar", "stabb", "shooting", "fraud"),
    "thanks": ("thank", "gratitude", "appreciation"),
    "election": ("elect", "vote", "ballot"),
}
EVENT_NOUNS = frozenset(
    """war wars crisis election elections revolution olympics games cup pandemic outbreak
    storm hurricane earthquake flood floods fire fires recession summit protest protests riot
    riots coup referendum crash launch debut premiere collapse uprising conflict scandal
    trial verdict visit talks speech event incident""".split()
)
GENERIC_EVENT_NOUNS = frozenset({"incident", "event", "events", "episode", "affair", "day"})
_SHORT_EXACT = frozenset({"free", "freed", "met", "meet", "dead", "deal", "died", "dies", "vote"})


@dataclass(slots=True)
class Anchor:
    """What a date in a sentence dates."""

    role: str  # "event": dates a happening; "reference": only refers back to one
    label: str = ""
    clause: str = ""  # the words the label came from, for actors and similarity
    noun: str = ""  # the event noun a premodifying date qualifies ("assault")
    classes: set[str] = field(default_factory=set)
    noun_only: bool = False  # the label is just the dated noun phrase ("Assault on Israel")


def _class_pattern(stems: tuple[str, ...]) -> re.Pattern[str]:
    """Stems match any ending ("releas" -> released); short words only as themselves."""
    alternatives = [
        re.escape(stem) + (r"\b" if stem in _SHORT_EXACT or " " in stem else r"\w*")
        for stem in stems
    ]
    return re.compile(r"\b(?:" + "|".join(alternatives) + ")")


_CLASS_PATTERNS = {kind: _class_pattern(stems) for kind, stems in EVENT_CLASSES.items()}
# Any kind's word: where the first one starts (each kind's pattern then says which match there)
_ANY_CLASS = re.compile("|".join(p.pattern for p in _CLASS_PATTERNS.values()))


def event_classes(text: str) -> set[str]:
    """The kinds of happening words in ``text`` ("attack", "release", ...)."""
    lower = text.lower()
    first = _ANY_CLASS.search(lower)
    if first is None:  # most texts: no event word at all
        return set()
    position = first.start()  # no kind's word starts before it
    return {kind for kind, pattern in _CLASS_PATTERNS.items() if pattern.search(lower, position)}


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


# ---------------------------------------------------------------------------------------
# Pieces of a sentence that are not its main clause


def _relative_clauses(text: str) -> list[tuple[int, int]]:
    """ ", who had been held in Gaza since the October incident," and the like."""
    spans = []
    for match in re.finditer(r",\s*(?:who|which|whom|whose|where)\b[^,;]*(?:,|$)", text):
        spans.append((match.start(), match.end()))
    # reduced: "the talks, scheduled for next Monday, would ..."
    participle = r"(?:[a-z]+(?:ed|en)|" + "|".join(sorted(IRREGULAR_PARTICIPLES)) + ")"
    for match in re.finditer(
        rf",\s*(?:\w+ly\s+)?{participle}\s+(?:for|on|in|at|by)\b[^,;]*,", text
    ):
        spans.append((match.start(), match.end()))
    return spans


def _companion_lists(text: str) -> list[tuple[int, int]]:
    """ ", along with his mother ..., grandmother ..., and fiancée ...," up to the verb."""
    spans = []
    opener = r",\s*(?:along with|together with|as well as|including|such as|among them)\b"
    for match in re.finditer(opener, text):
        rest = text[match.end() :]
        verb = re.search(rf",\s*(?={PASSIVE_AUXILIARIES}\b|[a-z]+ed\b)", rest)
        end = match.end() + verb.end() - 1 if verb else len(text.rstrip(".!?"))
        spans.append((match.start(), end))
    return spans


def _appositions(text: str) -> list[tuple[int, int]]:
    """ "Trufanov, an engineer, was": a description between commas after a name."""
    pattern = (
        r"\b[A-Z][\w'’-]*(,\s*(?:a|an|the|his|her|their|[A-Z][\w-]*['’]s)\s+[^,;]{1,40}),"
        r"(?=\s+[a-z])"
    )
    found = [(m.start(1), m.end()) for m in re.finditer(pattern, text)]
    ages = r"\b[A-Z][\w'’-]*(,\s*\d{1,3},)"  # "Mr. Johnson, 54, resigned"
    return found + [(m.start(1), m.end()) for m in re.finditer(ages, text)]


def _attributions(text: str) -> list[tuple[int, int]]:
    """ "according to the Interfax news agency", ", officials said", "based on reports"."""
    spans = []
    patterns = (
        r",\s*(?:according to|based on|citing|as reported by)\b[^,;]*",
        r"^(?:According to|Citing)\b[^,;]*,\s*",
        r",[\"”'’]*\s*(?:[\w.'’-]+\s+){1,4}?(?:said|says|reported|announced|confirmed|added|noted|"
        r"stated|wrote|told [^,;.]+)\s*(?=[.!?]?$)",
        r",\s*(?:said|reported)\s+[^,;]+(?=[.!?]?$)",
    )
    for pattern in patterns:
        spans.extend((m.start(), m.end()) for m in re.finditer(pattern, text))
    dateline = _DATELINE.match(text)
    if dateline:
        spans.append((0, dateline.end()))
    reported = _REPORTED.match(text)
    if reported and len(text[reported.end() :].split()) >= 4:
        spans.append((0, reported.end()))
    return spans


# "CAGUAS, Puerto Rico (AP) _ " or "NEW YORK — " before a wire story's first sentence
_DATELINE = re.compile(
    r"^[A-Z][A-Z .'-]{2,}(?:,\s*[A-Z][\w .]*)?\s*(?:\([^)]{1,20}\))?\s*(?:_|—|–|--)\s*"
)
# "X said (that) ...": speech verbs; "X reported that ...": verbs that are happenings
# of their own unless a "that" clause follows ("Sun reported sales of $538 million").
_REPORTED = re.compile(
    r"^(?P<speaker>[^,;]{1,60}?)\s+(?:(?:said|says|stated|states|claims|claimed|believes|"
    r"argued|argues|told reporters)\s+(?:that\s+)?|(?:noted|added|reported|mentioned|"
    r"announced)\s+that\s+)"
)


def _speaker(text: str) -> str:
    """Who reports the sentence, when it opens "Cisco states that ..."."""
    reported = _REPORTED.match(text)
    speaker = reported.group("speaker") if reported else ""
    return speaker if re.fullmatch(r"(?:[A-Z][\w'’.&-]*\s*)+", speaker) else ""


_FRONTED = re.compile(
    r"(?i:in|on|at|during|after|before|since|following|amid|last|earlier|later|by|early|late|"
    r"meanwhile|however|then|also|until|within|over|under|yesterday|today|tomorrow|still|"
    r"unfortunately|instead|now|despite|with|as)\b[^,;]{0,70}?,\s*"
)


def _fronted_adverbial(text: str) -> tuple[int, int] | None:
    """ "During the Kremlin meeting, " or "In 1996, following the purchase, " before the
    main clause: short phrases (not "In 1998 Apple introduced the iMac,")."""
    end = 0
    while (match := _FRONTED.match(text, end) or _TIME_SHIFT.match(text, end)) and _is_adverbial(
        match.group()
    ):
        end = match.end()
    return (0, end) if end else None


_TIME_SHIFT = re.compile(r"[^,;]{0,40}\b(?:after|before|ago|later|earlier)\b[^,;]{0,30},\s*")


def _is_adverbial(phrase: str) -> bool:
    words = re.findall(r"[\w'’-]+", phrase)
    has_verb = any(w.endswith("ed") or w in IRREGULAR_PAST for w in words[1:])
    return len(words) <= 10 and not has_verb


def _trailing_asides(text: str) -> list[tuple[int, int]]:
    """ ", with both parties yet to ..." adds circumstances, not the happening."""
    return [(m.start(), m.end()) for m in re.finditer(r",\s*with\b[^;]*?(?=[.!?]?$)", text)]


def _coordinate_clauses(text: str) -> list[tuple[int, int]]:
    """Independent clauses joined by ";", ", but", ", while", ..."""
    cuts = [0]
    joints = r";\s*|,\s*(?:but|while|whereas|although|though|yet|and then)\s+"
    for match in re.finditer(joints, text):
        cuts.extend([match.start(), match.end()])
    cuts.append(len(text))
    return [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts), 2)]


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> tuple[int, int] | None:
    for span in spans:
        if span[0] <= start and end <= span[1]:
            return span
    return None


# ---------------------------------------------------------------------------------------
# The date itself


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
    lower = word.lower().rstrip(".")
    if lower in ("'s", "’s"):  # "the late 1980's", "Monday's"
        return True
    return lower in DATE_WORDS or bool(_NUMERIC_DATE_WORD.fullmatch(lower))


_DATE_TOKEN = re.compile(r"[ap]\.m\.?|\d[\d:.]*\d|[\w'’-]+")
_NUMERIC_DATE_WORD = re.compile(r"\d[\d,.:/-]*(?:st|nd|rd|th|['’]?s)?")
_LAST_WORD = re.compile(r"([\w'’-]+)\s*$")


def _word_before(text: str, position: int) -> tuple[str, int]:
    match = _LAST_WORD.search(text[:position])
    return (match.group(1), match.start(1)) if match else ("", position)


def _noun_phrase_after(text: str, position: int, comma: bool) -> tuple[str, int]:
    """The noun (and one prepositional phrase) a premodifying date qualifies; ``comma``:
    the date has its own comma, so one may close it ("the October 7, 2023, attack")."""
    rest = text[position:]
    gap = r"\s*,?\s*" if comma else r"\s+"
    head = re.match(gap + r"((?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*)", rest)
    if not head:
        return "", position
    nouns = head.group(1).split()
    while nouns and (nouns[-1] in FUNCTION_WORDS or nouns[-1] in AUXILIARIES):
        nouns.pop()
    if not nouns or nouns[0] in FUNCTION_WORDS or nouns[0] in AUXILIARIES:
        return "", position
    end = position + rest.index(nouns[-1], head.start(1)) + len(nouns[-1])
    pp = re.match(
        r"\s+(?:of|on|by|into|in|against|at|near|from)\s+(?:the\s+)?"
        r"(?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*|[a-z][\w-]*)",
        text[end:],
    )
    if pp:
        end += pp.end()
    return " ".join(nouns), end


# ---------------------------------------------------------------------------------------
# Anchoring a date


@dataclass(slots=True)
class _Sentence:
    text: str
    removed: list[tuple[int, int]]  # attribution, asides, companions: never in a label
    relatives: list[tuple[int, int]]
    fronted: tuple[int, int] | None
    clauses: list[tuple[int, int]]


def _analyse(text: str) -> _Sentence:
    masked = _mask_inner_commas(text)
    removed = [
        *_attributions(masked),
        *_trailing_asides(masked),
        *_companion_lists(masked),
        *_appositions(masked),
    ]
    return _Sentence(
        text=text,
        removed=removed,
        relatives=_relative_clauses(masked),
        fronted=_fronted_adverbial(masked),
        clauses=_coordinate_clauses(masked),
    )


def _mask_inner_commas(text: str) -> str:
    """Hide the commas of "February 15, 2025" and "1,200" from clause splitting (same length)."""
    text = _DIGIT_COMMA.sub("\u201a", text)
    return _YEAR_COMMA.sub("\u201a", text)


_DIGIT_COMMA = re.compile(r"(?<=\d),(?=\d)")
_YEAR_COMMA = re.compile(r"(?<=\b\d),(?= \d{4}\b)|(?<=\d\d),(?= \d{4}\b)")


_POSSESSIVE = re.compile(r"['’]s\b")
_OWNS = re.compile(r"\D['’]s$")


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
    cut = (cut_start, _after_closing_comma(sentence, start, date_end))
    return _DatePlace(
        det_start, date_start, date_end, noun, np_start, np_end, premodifies,
        governor.lower(), governor_start, cut,
    )  # fmt: skip


def anchor_date(
    sentence: str, start: int, end: int, others: Sequence[tuple[int, int]] = ()
) -> Anchor:
    """What the date at ``sentence[start:end]`` dates, with a label for it.

    ``others`` are the other dates of the sentence (the end of a "from ... to ..." range
    among them): their words stay out of the label too.
    """
    info, places = _sentence_memo(sentence)
    place = _memo_place(places, sentence, start, end)
    relative = _inside(info.relatives, place.date_start, place.date_end)
    clause = _inside(info.clauses, place.date_start, place.date_end) or (0, len(sentence))
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
    subordinate = None if relative else _inside(_subordinate_clauses(info), *place.cut)
    if relative:
        text = _relative_label(info, relative, cuts)
    elif subordinate:
        text = finish_label(_keep(sentence, subordinate[0], subordinate[1], cuts))
    else:
        text = _clause_label(info, clause, cuts)
    return Anchor(role, text, text, place.noun, event_classes(text))


# The analysis of the latest sentence anchored: its dates are anchored one after the other,
# each needing the sentence's clauses and the places of its other dates.
_LAST: tuple[str, _Sentence, dict[tuple[int, int], _DatePlace]] | None = None


def _sentence_memo(sentence: str) -> tuple[_Sentence, dict[tuple[int, int], _DatePlace]]:
    global _LAST
    last = _LAST
    if last is not None and last[0] == sentence:
        return last[1], last[2]
    info, places = _analyse(sentence), {}
    _LAST = (sentence, info, places)
    return info, places


def _memo_place(
    places: dict[tuple[int, int], _DatePlace], sentence: str, start: int, end: int
) -> _DatePlace:
    place = places.get((start, end))
    if place is None:
        place = places[(start, end)] = _place_date(sentence, start, end)
    return place


def _subordinate_clauses(info: _Sentence) -> list[tuple[int, int]]:
    """ "since the war began in February 2022": a clause of its own, after its conjunction."""
    pattern = (
        r"\b(?:since|after|before|when|until|because|although|though|once)\s+"
        r"((?:(?:the|a|an|his|her|its|their|this|that)\s+[a-z]+|[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*"
        r"|he|she|they|it|we)\s+([a-z]+)\b[^,;]*)"
    )
    spans = []
    for match in re.finditer(pattern, _mask_inner_commas(info.text)):
        verb = match.group(2)
        if verb in AUXILIARIES or verb in IRREGULAR_PAST or verb.endswith("ed"):
            spans.append((match.start(1), match.end(1)))
    return spans


def _short_clause_before(
    info: _Sentence, clause: tuple[int, int], governor: str, governor_start: int
) -> bool:
    """ "Trufanov was abducted from Nir Oz during the October 7 attack": a short clause
    placed in time by the dated noun is what happened then; a long one is about something
    else ("Putin has expressed appreciation ... for hostages taken during ...")."""
    if governor not in PLACING_PREPOSITIONS:
        return False
    start = _main_start(info, clause)
    head = _keep(info.text, start, governor_start, [*info.removed, *info.relatives])
    return 2 <= len(head.split()) <= 10


def _after_closing_comma(sentence: str, start: int, date_end: int) -> int:
    """ "on February 15, 2025, as part of": the comma after the year closes the date."""
    closing = _COMMA_AHEAD.match(sentence, date_end)
    if closing and "," in sentence[start:date_end]:
        return closing.end()  # matched from date_end on: an offset in the sentence
    return date_end


_COMMA_AHEAD = re.compile(r"\s*,")


def _starts_clause(
    info: _Sentence, clause: tuple[int, int], relative: tuple[int, int] | None, position: int
) -> bool:
    begin = relative[0] if relative else _main_start(info, clause)
    return not info.text[begin:position].strip(" ,;:\"'“‘(")


def _main_start(info: _Sentence, clause: tuple[int, int]) -> int:
    start = clause[0]
    if info.fronted and info.fronted[0] == start:
        start = info.fronted[1]
    for span in info.removed:  # "According to X, ..." at the start
        if span[0] == start:
            start = span[1]
    return start


def _np_label(sentence: str, place: _DatePlace) -> str:
    date_end = _after_closing_comma(sentence, place.date_start, place.date_end)
    text = sentence[place.np_start : place.date_start] + " " + sentence[date_end : place.np_end]
    text = re.sub(r"^\s*(?:the|a|an|this|that|its|their)\b", "", text, flags=re.I)
    return finish_label(text)


def _clause_label(info: _Sentence, clause: tuple[int, int], cuts: list[tuple[int, int]]) -> str:
    start = _main_start(info, clause)
    cut = cuts[0]
    if info.fronted and info.fronted[0] <= cut[0] and cut[1] <= info.fronted[1]:
        start = info.fronted[1]  # "On Wednesday, Putin met ...": the date dates the rest
    start, end = _own_part(info, clause, start, cuts)
    drop = [*cuts, *info.removed, *info.relatives]
    text = _keep(info.text, start, end, drop)
    if start == _main_start(info, clause) and (speaker := _speaker(info.text)):
        text = re.sub(r"^\s*(?:it|he|she|they)\b", speaker, text)  # "Cisco states it ..."
    elif start > _main_start(info, clause):
        text = _subject(info, clause) + " " + text
    return finish_label(text)


# ", doubled" or " and took": a joint before a verb that shares the clause's subject
_VERB_JOINT = re.compile(
    r"(?:,\s*(?:and\s+)?|\s+and\s+)(?=(?:\w+ly\s+)?(?:[a-z]+ed|"
    + "|".join(sorted(IRREGULAR_PAST | AUXILIARIES))
    + r")\b)"
)


def _own_part(
    info: _Sentence, clause: tuple[int, int], start: int, cuts: list[tuple[int, int]]
) -> tuple[int, int]:
    """ "tripled in 2004, doubled in 2005 and grew in 2006": each date has its own part,
    between the joints that separate it from the other dates."""
    own = cuts[0]
    asides = [*info.relatives, *info.removed]
    dates = sorted(
        c for c in cuts if start <= c[0] and c[1] <= clause[1] and not _inside(asides, *c)
    )
    if len(dates) < 2:
        return start, clause[1]
    joints = list(_VERB_JOINT.finditer(info.text[: clause[1]]))
    begin, end = start, clause[1]
    for date in dates:
        between = [j for j in joints if min(date[1], own[1]) <= j.start() < max(date[0], own[0])]
        if date[1] <= own[0] and between:
            begin = max(begin, between[-1].end())
        elif date[0] >= own[1] and between:
            end = min(end, between[0].start())
    return begin, end


def _subject(info: _Sentence, clause: tuple[int, int]) -> str:
    """The words before the first verb of a clause: the subject its later parts share."""
    start = _main_start(info, clause)
    for word in re.finditer(r"[\w'’-]+", info.text[start : clause[1]]):
        token = word.group()
        if token in AUXILIARIES or token in IRREGULAR_PAST or re.fullmatch(r"[a-z]+ed", token):
            asides = [*info.relatives, *info.removed]
            return _keep(info.text, start, start + word.start(), asides).strip(" ,")
    return ""


def _relative_label(info: _Sentence, relative: tuple[int, int], cuts: list[tuple[int, int]]) -> str:
    """ "Trufanov, who was freed on Feb 15," -> "Trufanov was freed"."""
    antecedent = re.search(
        r"([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*|(?:(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir)\s+)?\w+)\s*$",
        info.text[: relative[0]],
    )
    if antecedent and antecedent.group(1).lower() in FUNCTION_WORDS:
        antecedent = None  # "before jumping in, which is expected": no noun to name
    body = _keep(info.text, relative[0], relative[1], [*cuts, *info.removed])
    body = re.sub(r"^\s*,?\s*(?:(?:who|which|whom|whose|where)\b)?", "", body)
    return finish_label(f"{antecedent.group(1) if antecedent else ''} {body}")


def _keep(text: str, start: int, end: int, drop: list[tuple[int, int]]) -> str:
    pieces, position = [], start
    for d_start, d_end in sorted(drop):
        if d_end <= position or d_start >= end:
            continue
        pieces.append(text[position : max(position, d_start)])
        position = max(position, d_end)
    pieces.append(text[position:end])
    return " ".join(pieces)


def dateless_label(sentence: str) -> str:
    """The main clause of a sentence without a date of its own."""
    info = _analyse(sentence)
    clause = info.clauses[0]
    return finish_label(
        _keep(sentence, _main_start(info, clause), clause[1], [*info.removed, *info.relatives])
    )


def event_reference(sentence: str) -> tuple[str, int, int] | None:
    """A definite event noun that places a dateless sentence in time: "in the attack"."""
    pattern = r"\b(?i:during|in|at|amid|throughout)\s+the\s+((?:[\w'’-]+\s+){0,2}[\w'’-]+)"
    for match in re.finditer(pattern, sentence):
        position = match.start() + match.group(0).lower().index("the ")
        for word in re.finditer(r"[\w'’-]+", match.group(1)):
            noun = word.group()
            if noun.islower() and (event_classes(noun) or is_generic_noun(noun)):
                end = match.start(1) + word.end()
                return sentence[position:end], position, end
    return None


# ---------------------------------------------------------------------------------------
# Finishing a label


_NAMED_SUBJECT = re.compile(
    r"^\s*(?:(?:his|her|their|its|the)\s+[a-z]+(?:\s+[a-z]+)?),\s*"
    r"([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)+),\s*",
    flags=re.I,
)


_SPACES = re.compile(r"\s+")
_SPACE_BEFORE_MARK = re.compile(r"\s+([,;:.!?])")
_REPEATED_MARKS = re.compile(r"([,;:])(?:\s*[,;:])+")
_OPENING_CONJUNCTION = re.compile(r"^(?:and|but|or|so|then|also|as|while)\s+", flags=re.I)
_OPENING_COPULA = re.compile(r"^(?:was|is|were|are|will be|has been)\s+")
_LOOSE_POSSESSIVE = re.compile(r"(?:^|(?<=\s))['’]s\s+")


def finish_label(text: str) -> str:
    """Tidy a clause into a label: no stray commas, headline style, at most ~12 words."""
    text = _NAMED_SUBJECT.sub(r"\1 ", text)  # "His father, Vitaly Trufanov, was" -> the name
    text = _SPACES.sub(" ", text)
    text = _SPACE_BEFORE_MARK.sub(r"\1", text)
    text = _REPEATED_MARKS.sub(r"\1", text)
    text = text.strip(" ,;:.!?-—–\"'“”‘’")
    text = _OPENING_CONJUNCTION.sub("", text)
    text = _OPENING_COPULA.sub("", text)  # "2007 was the year"
    text = _LOOSE_POSSESSIVE.sub("", text)  # a cut date's "'s"
    text = _headline_style(text)
    text = shorten(text)
    text = _without_loose_end(text)
    return text[:1].upper() + text[1:] if text else text


def _without_loose_end(text: str) -> str:
    """No label ends on "but", "that" or a lone word after a comma (", located")."""
    while True:
        trimmed = re.sub(
            r"(?:,\s*[a-z][\w'’-]*|\s+(?:and|but|or|that|which|who|of|to|the|a|an))$", "", text
        )
        trimmed = trimmed.rstrip(" ,;:")
        if trimmed == text or len(trimmed.split()) < 2:
            return text
        text = trimmed


def _headline_style(text: str) -> str:
    """ "Trufanov was freed" -> "Trufanov freed", as a reader writes a timeline entry."""

    def drop_auxiliary(match: re.Match[str]) -> str:
        adverb, verb = match.group(1) or "", match.group(2)
        if verb.lower() == "been":
            return match.group(0)  # "There has been a rise"
        if verb.lower() in IRREGULAR_PARTICIPLES or re.search(r"(?:ed|en|wn)$", verb):
            return f"{adverb}{verb}"
        return match.group(0)

    if re.match(r"(?:He|She|It|They|We|I)\b", text):
        return text  # "She born in Honolulu" reads wrong: keep the verb whole
    pattern = rf"\b{PASSIVE_AUXILIARIES}\s+(\w+ly\s+)?([a-z]\w+)\b"
    first = re.search(pattern, text)
    if not first or re.search(
        r"\b(?:that|which|who|when|because|if|whether)\b", text[: first.start()]
    ):
        return text  # only the main verb: "... that Jobs has taken leave" stays whole
    return text[: first.start()] + drop_auxiliary(first) + text[first.end() :]


def shorten(text: str) -> str:
    """At most ~12 words, cut where a phrase ends; "…" only when cut mid-phrase."""
    tokens = text.split()
    if len(tokens) <= MAX_LABEL_WORDS:
        return text
    for i in range(MAX_LABEL_WORDS, 5, -1):  # keep at least six words
        if tokens[i - 1].endswith((",", ";")) or tokens[i].lower() in PHRASE_OPENERS:
            return " ".join(tokens[:i]).rstrip(",;")
    return " ".join(tokens[:MAX_LABEL_WORDS]).rstrip(",;") + " …"
