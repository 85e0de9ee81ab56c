"""A sentence cut into its main clause and the pieces around it, by light rules.

Attribution ("according to ...", ", officials said"), relative clauses, parentheticals,
companion lists and fronted adverbials are not the happening a sentence tells; coordinate
clauses each tell their own. Spans are offsets in the sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from timeline.events.memo import per_article
from timeline.lang.en.events import (
    ATTRIBUTION_VERBS,
    AUXILIARIES,
    FRONTING_WORDS,
    IRREGULAR_PARTICIPLES,
    IRREGULAR_PAST,
    PASSIVE_AUXILIARIES,
    REPORTING_VERBS,
    SPEECH_VERBS,
)

# A word as the events stage's rules read one (letters, digits, apostrophes and hyphens:
# "Apple's", "e-mail"): the one pattern clauses, labels, anchors and undated split by.
WORD = re.compile(r"[\w'’-]+")


def alternatives(words: tuple[str, ...]) -> str:
    """A regex group of the words, tried in their table's order."""
    return "(?:" + "|".join(words) + ")"


PASSIVE_AUXILIARY = alternatives(PASSIVE_AUXILIARIES)


@dataclass(slots=True)
class SentenceParts:
    """A sentence's pieces, found once and shared by all its dates."""

    text: str
    removed: list[tuple[int, int]]  # attribution, asides, companions: never in a label
    relatives: list[tuple[int, int]]
    fronted: tuple[int, int] | None
    clauses: list[tuple[int, int]]
    masked: str = ""  # the text with the commas inside numbers and dates hidden
    _subordinates: list[tuple[int, int]] | None = None
    _joints: list[tuple[int, int]] | None = None

    @property
    def subordinates(self) -> list[tuple[int, int]]:
        if self._subordinates is None:
            self._subordinates = _find_subordinate_clauses(self.masked)
        return self._subordinates

    def verb_joints(self, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
        """The (start, end) of every match of ``pattern``: the joints between the parts of
        a clause that share its subject (labels' pattern, found once per sentence)."""
        if self._joints is None:
            self._joints = [m.span() for m in pattern.finditer(self.text)]
        return self._joints


@per_article
def analyse(text: str) -> SentenceParts:
    masked = mask_inner_commas(text)
    removed = [
        *_attributions(masked),
        *_trailing_asides(masked),
        *_companion_lists(masked),
        *_appositions(masked),
    ]
    return SentenceParts(
        text=text,
        removed=removed,
        relatives=_relative_clauses(masked),
        fronted=fronted_adverbial(masked),
        clauses=_coordinate_clauses(masked),
        masked=masked,
    )


def mask_inner_commas(text: str) -> str:
    """Hide the commas of "February 15, 2025" and "1,200" from clause splitting (same length)."""
    text = _DIGIT_COMMA.sub("\u201a", text)
    return _YEAR_COMMA.sub("\u201a", text)


# the comma first, then what is around it: a pattern that opens on a literal is scanned for
# in C (one that opens on a look-behind is tried at every position)
_DIGIT_COMMA = re.compile(r",(?<=\d,)(?=\d)")


_YEAR_COMMA = re.compile(r",(?= \d{4}\b)(?:(?<=\b\d,)|(?<=\d\d,))")


def _relative_clauses(text: str) -> list[tuple[int, int]]:
    """ ", who had been held in Gaza since the October incident," and the like."""
    spans = []
    if "wh" not in text:  # "who", "which", "whom", "whose", "where": none to find
        return [(m.start(), m.end()) for m in _REDUCED_RELATIVE.finditer(text)]
    for match in _RELATIVE_CLAUSE.finditer(text):
        end = match.end()
        if _QUOTE_OPENS.match(text, end):  # ", where he said that, " ... ": the quote is its own
            end = len(text)
        spans.append((match.start(), end))
    # without its comma: "he bought Pixar which was acquired by Disney in 2005"
    for match in _BARE_RELATIVE.finditer(text):
        spans.append((match.start(), match.end()))
    # reduced: "the talks, scheduled for next Monday, would ..."
    for match in _REDUCED_RELATIVE.finditer(text):
        spans.append((match.start(), match.end()))
    return spans


_PARTICIPLE = r"(?:[a-z]+(?:ed|en)|" + "|".join(sorted(IRREGULAR_PARTICIPLES)) + ")"
_REDUCED_RELATIVE = re.compile(rf",\s*(?:\w+ly\s+)?{_PARTICIPLE}\s+(?:for|on|in|at|by)\b[^,;]*,")


def _companion_lists(text: str) -> list[tuple[int, int]]:
    """ ", along with his mother ..., grandmother ..., and fiancée ...," up to the verb."""
    spans = []
    for match in _COMPANION_OPENER.finditer(text):
        rest = text[match.end() :]
        verb = _COMPANION_END.search(rest)
        end = match.end() + verb.end() - 1 if verb else len(text.rstrip(".!?"))
        spans.append((match.start(), end))
    return spans


_COMPANION_OPENER = re.compile(
    r",\s*(?:along with|together with|as well as|including|such as|among them)\b"
)


def _appositions(text: str) -> list[tuple[int, int]]:
    """ "Trufanov, an engineer, was": a description between commas after a name."""
    found = []
    # both open on a capitalized word (tried at every word): looked for only where what
    # follows the word is there (a pattern that opens on a comma is scanned for in C)
    if _APPOSITION_REST.search(text):
        found = [(m.start(1), m.end()) for m in _APPOSITION.finditer(text)]
    if _AGE_REST.search(text):
        found += [(m.start(1), m.end()) for m in _AGE.finditer(text)]
    return found


_APPOSITION = re.compile(
    r"\b[A-Z][\w'’-]*(,\s*(?:a|an|the|his|her|their|[A-Z][\w-]*['’]s)\s+[^,;]{1,40}),"
    r"(?=\s+[a-z])"
)
_AGE = re.compile(r"\b[A-Z][\w'’-]*(,\s*\d{1,3},)")  # "Mr. Johnson, 54, resigned"
_APPOSITION_REST = re.compile(  # _APPOSITION after its name
    r",\s*(?:a|an|the|his|her|their|[A-Z][\w-]*['’]s)\s+[^,;]{1,40},(?=\s+[a-z])"
)
_AGE_REST = re.compile(r",\s*\d{1,3},")


def _attributions(text: str) -> list[tuple[int, int]]:
    """ "according to the Interfax news agency", ", officials said", "based on reports"."""
    spans = []
    for pattern in _ATTRIBUTIONS if "," in text else ():  # each has a comma
        spans.extend((m.start(), m.end()) for m in pattern.finditer(text))
    dateline = _DATELINE.match(text)
    if dateline:
        spans.append((0, dateline.end()))
    reported = _REPORTED.match(text)
    if reported and len(text[reported.end() :].split()) >= 4:
        spans.append((0, reported.end()))
    return spans


_ATTRIBUTIONS = tuple(
    re.compile(pattern)
    for pattern in (
        r",\s*(?:according to|based on|citing|as reported by)\b[^,;]*",
        r"^(?:According to|Citing)\b[^,;]*,\s*",
        r",[\"”'’]*\s*(?:[\w.'’-]+\s+){1,4}?(?:"
        + "|".join(ATTRIBUTION_VERBS)
        + r"|told [^,;.]+)\s*(?=[.!?]?$)",
        r",\s*(?:said|reported)\s+[^,;]+(?=[.!?]?$)",
    )
)


# "CAGUAS, Puerto Rico (AP) _ " or "NEW YORK — " before a wire story's first sentence
_DATELINE = re.compile(
    r"^[A-Z][A-Z .'-]{2,}(?:,\s*[A-Z][\w .]*)?\s*(?:\([^)]{1,20}\))?\s*(?:_|—|–|--)\s*"
)


# "X said (that) ...": speech verbs; "X reported that ...": verbs that are happenings
# of their own unless a "that" clause follows ("Sun reported sales of $538 million").
_REPORTED = re.compile(
    r"^(?P<speaker>[^,;]{1,60}?)\s+(?:"
    + alternatives(SPEECH_VERBS)
    + r"\s+(?:that\s+)?|"
    + alternatives(REPORTING_VERBS)
    + r"\s+that\s+)"
)


def opens_with_report(text: str) -> bool:
    """ "X said (that) ...", "X announced that ...": a report opens the sentence."""
    return _REPORTED.match(text) is not None


def report_end(text: str) -> int | None:
    """Where what is reported begins, when a report opens the sentence ("Jobs said that
    |Apple ..."); None otherwise."""
    reported = _REPORTED.match(text)
    return reported.end() if reported else None


def reported_speaker(text: str) -> str:
    """Who reports the sentence, when it opens "Cisco states that ..."."""
    reported = _REPORTED.match(text)
    speaker = reported.group("speaker") if reported else ""
    return speaker if _NAME_WORDS.fullmatch(speaker) else ""


_FRONTED = re.compile(r"(?i:" + "|".join(FRONTING_WORDS) + r")\b[^,;]{0,70}?,\s*")


@per_article  # asked of a sentence by the actors and, masked, by analyse: often the same
def fronted_adverbial(text: str) -> tuple[int, int] | None:
    """ "During the Kremlin meeting, " or "In 1996, following the purchase, " before the
    main clause: short phrases (not "In 1998 Apple introduced the iMac,")."""
    if "," not in text:  # both phrases end on a comma
        return None
    end = 0
    while (match := _FRONTED.match(text, end) or _TIME_SHIFT.match(text, end)) and _is_adverbial(
        match.group()
    ):
        end = match.end()
    return (0, end) if end else None


_TIME_SHIFT = re.compile(r"[^,;]{0,40}\b(?:after|before|ago|later|earlier)\b[^,;]{0,30},\s*")


def _is_adverbial(phrase: str) -> bool:
    """A short phrase without a verb of its own: "During the meeting, ", and "During a
    media event held at its headquarters, " (a participle after its noun), but not "In
    1998 Apple introduced the iMac, " (a verb after its subject's name)."""
    words = WORD.findall(phrase)
    has_verb = any(
        (w.endswith("ed") or w in IRREGULAR_PAST) and not _participle_after_noun(words, i)
        for i, w in enumerate(words[1:], start=1)
    )
    return len(words) <= 10 and not has_verb


def _participle_after_noun(words: list[str], i: int) -> bool:
    """ "event held at", "suit filed in": a participle that qualifies the lowercase noun
    before it, a preposition after it."""
    before = words[i - 1]
    after = words[i + 1].lower() if i + 1 < len(words) else ""
    return before.islower() and before not in _NOT_NOUNS and after in _PREPOSITIONS_AFTER


_NOT_NOUNS = frozenset("he she it they we who which that had has have was were is are".split())
_PREPOSITIONS_AFTER = frozenset("at in on by during from for with near".split())


def _trailing_asides(text: str) -> list[tuple[int, int]]:
    """ ", with both parties yet to ..." adds circumstances, not the happening."""
    return [(m.start(), m.end()) for m in _TRAILING_WITH.finditer(text)]


def _coordinate_clauses(text: str) -> list[tuple[int, int]]:
    """Independent clauses joined by ";", ", but", ", while", ..."""
    cuts = [0]
    for match in _COORDINATE_JOINT.finditer(text):
        cuts.extend([match.start(), match.end()])
    cuts.append(len(text))
    return [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts), 2)]


def subordinate_clauses(info: SentenceParts) -> list[tuple[int, int]]:
    """ "since the war began in February 2022": a clause of its own, after its conjunction."""
    return info.subordinates


_SUBORDINATE = re.compile(
    r"\b(?:since|after|before|when|until|because|although|though|once)\s+"
    r"((?:(?:the|a|an|his|her|its|their|this|that)\s+[a-z]+|[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*"
    r"|he|she|they|it|we)\s+([a-z]+)\b[^,;]*)"
)


_SUBORDINATE_SCAN = re.compile(_SUBORDINATE.pattern.removeprefix(r"\b"))


def _find_subordinate_clauses(masked: str) -> list[tuple[int, int]]:
    spans = []
    first = _SUBORDINATE_SCAN.search(masked)  # no match of the whole pattern starts before
    if first is None:
        return spans
    for match in _SUBORDINATE.finditer(masked, first.start()):
        verb = match.group(2)
        if verb in AUXILIARIES or verb in IRREGULAR_PAST or verb.endswith("ed"):
            spans.append((match.start(1), match.end(1)))
    return spans


# ", and in 1984 the Macintosh was released": "and" before a phrase of time or place opens
# another clause
_COORDINATE_JOINT = re.compile(
    r";\s*|,\s*(?:but|while|whereas|although|though|yet|and then)\s+"
    r"|,\s*and\s+(?=(?:in|on|by|during|after|before)\s+(?:\d|the\s+following|[A-Z]))"
    r"|,\s+and\s+that\s+|\s+and\s+that\s+"  # "said that X and that Y": two things said
)  # (",?\s+and" spelled as two: a pattern whose every branch opens on a character, or a
# class of them, is scanned for in C)


def inside(spans: list[tuple[int, int]], start: int, end: int) -> tuple[int, int] | None:
    for span in spans:
        if span[0] <= start and end <= span[1]:
            return span
    return None


def main_start(info: SentenceParts, clause: tuple[int, int]) -> int:
    start = clause[0]
    if info.fronted and info.fronted[0] == start:
        start = info.fronted[1]
    for span in info.removed:  # "According to X, ..." at the start
        if span[0] == start:
            start = span[1]
    return start


def keep(text: str, start: int, end: int, drop: list[tuple[int, int]]) -> str:
    pieces, position = [], start
    for d_start, d_end in sorted(drop):
        if d_end <= position or d_start >= end:
            continue
        pieces.append(text[position : max(position, d_start)])
        position = max(position, d_end)
    pieces.append(text[position:end])
    return " ".join(pieces)


# Patterns used inside functions, compiled once.
_QUOTE_OPENS = re.compile(r"\s*[\"“]")
_BARE_RELATIVE = re.compile(r"(?<=[a-z])\s+which\s+(?=(?:was|were|is|are|had|has)\b)[^,;]*(?:,|$)")
_RELATIVE_CLAUSE = re.compile(r",\s*(?:who|which|whom|whose|where)\b[^,;]*(?:,|$)")
_COMPANION_END = re.compile(rf",\s*(?={PASSIVE_AUXILIARY}\b|[a-z]+ed\b)")
_NAME_WORDS = re.compile(r"(?:[A-Z][\w'’.&-]*\s*)+")
_TRAILING_WITH = re.compile(r",\s*with\b[^;]*?(?=[.!?]?$)")
