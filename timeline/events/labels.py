"""A clause as a timeline entry: its own part, its subject, headline style, short."""

from __future__ import annotations

import re
from bisect import bisect_left

from timeline.events.clauses import (
    PASSIVE_AUXILIARY,
    WORD,
    SentenceParts,
    analyse,
    inside,
    keep,
    main_start,
    opens_with_report,
    reported_speaker,
)
from timeline.events.kinds import is_event_noun
from timeline.events.memo import per_article
from timeline.lang.en.events import (
    AUXILIARIES,
    IRREGULAR_PARTICIPLES,
    IRREGULAR_PAST,
    PHRASE_OPENERS,
)
from timeline.lang.en.names import FUNCTION_WORDS, TITLES

MAX_LABEL_CHARS = 90  # a timeline entry: one line of a reader's notes
MIN_LABEL_WORDS = 6  # a cut label keeps at least these


def clause_label(info: SentenceParts, clause: tuple[int, int], cuts: list[tuple[int, int]]) -> str:
    start = main_start(info, clause)
    cut = cuts[0]
    if info.fronted and info.fronted[0] <= cut[0] and cut[1] <= info.fronted[1]:
        start = info.fronted[1]  # "On Wednesday, Putin met ...": the date dates the rest
    start, end = _own_part(info, clause, start, cuts)
    drop = [*cuts, *info.removed, *info.relatives]
    text = keep(info.text, start, end, drop)
    if start == main_start(info, clause) and (speaker := reported_speaker(info.text)):
        text = _PRONOUN_SUBJECT.sub(speaker, text)  # "Cisco states it ..."
    elif start > main_start(info, clause):
        text = _subject(info, clause) + " " + text
    return finish_label(text)


# ", doubled" or " and took": a joint before a verb that shares the clause's subject
_VERB_JOINT = re.compile(
    r"(?:,\s*(?:and\s+)?|\s+and\s+)(?=(?:\w+ly\s+)?(?:[a-z]+ed|"
    + "|".join(sorted(IRREGULAR_PAST | AUXILIARIES))
    + r")\b)"
)


def _own_part(
    info: SentenceParts, clause: tuple[int, int], start: int, cuts: list[tuple[int, int]]
) -> tuple[int, int]:
    """ "tripled in 2004, doubled in 2005 and grew in 2006": each date has its own part,
    between the joints that separate it from the other dates."""
    own = cuts[0]
    asides = [*info.relatives, *info.removed]
    dates = sorted(
        c for c in cuts if start <= c[0] and c[1] <= clause[1] and not inside(asides, *c)
    )
    if len(dates) < 2:
        return start, clause[1]
    joints = info.verb_joints(_VERB_JOINT)
    starts = [j[0] for j in joints]
    begin, end = start, clause[1]
    for date in dates:
        # the joints that start between this date and the label's own date
        low, high = min(date[1], own[1]), max(date[0], own[0])
        first, last = bisect_left(starts, low), bisect_left(starts, high)
        if first == last:
            continue
        if date[1] <= own[0]:
            begin = max(begin, joints[last - 1][1])
        elif date[0] >= own[1]:
            end = min(end, joints[first][0])
    return begin, end


def _subject(info: SentenceParts, clause: tuple[int, int]) -> str:
    """The words before the first verb of a clause: the subject its later parts share."""
    start = main_start(info, clause)
    for word in WORD.finditer(info.text[start : clause[1]]):
        token = word.group()
        if token in AUXILIARIES or token in IRREGULAR_PAST or _ED_WORD.fullmatch(token):
            asides = [*info.relatives, *info.removed]
            return keep(info.text, start, start + word.start(), asides).strip(" ,")
    return ""


def relative_label(
    info: SentenceParts, relative: tuple[int, int], cuts: list[tuple[int, int]]
) -> str:
    """ "Trufanov, who was freed on Feb 15," -> "Trufanov was freed"."""
    antecedent = _ANTECEDENT.search(info.text[: relative[0]])
    if antecedent and antecedent.group(1).lower() in FUNCTION_WORDS:
        antecedent = None  # "before jumping in, which is expected": no noun to name
    body = keep(info.text, relative[0], relative[1], [*cuts, *info.removed])
    body = _RELATIVE_PRONOUN.sub("", body)
    noun = antecedent.group(1) if antecedent else ""
    if (
        _HAPPENED.match(body)
        and not is_event_noun(noun)  # "the robbery, which took place on June 3" stays
        and (told := _CLAUSE_BEFORE.search(info.text[: relative[0]]))
    ):
        # "when the company overtook Infogear, which took place in 1996": the clause is what
        # took place then, not the name before the comma
        return finish_label(told.group(1))
    return finish_label(f"{antecedent.group(1) if antecedent else ''} {body}")


_HAPPENED = re.compile(r"\s*(?:took place|happened|occurred)\b")
_CLAUSE_BEFORE = re.compile(r"(?:^|[,;]\s*)(?:(?:when|after|as|before|and)\s+)?([^,;]{8,})$")


def dateless_label(sentence: str) -> str:
    """The main clause of a sentence without a date of its own."""
    return finish_label(dateless_clause(sentence))


def dateless_clause(sentence: str) -> str:
    """The words of that main clause, whole: no fronted adverbial, aside or relative."""
    info = analyse(sentence)
    clause = info.clauses[0]
    start = main_start(info, clause)
    # "When Jobs first introduced iPhone 4, he praised its antenna": the main clause tells it
    if (fronted := _FRONTED_SUBORDINATE.match(sentence, start)) and fronted.end() < clause[1]:
        start = fronted.end()
        name = _person_in(fronted.group())
        if name and _PRONOUN_SUBJECT.match(sentence[start:]):  # "When Jobs ..., he" is Jobs
            main = keep(sentence, start, clause[1], [*info.removed, *info.relatives])
            return _PRONOUN_SUBJECT.sub(name, main, count=1)
    return keep(sentence, start, clause[1], [*info.removed, *info.relatives])


def _person_in(phrase: str) -> str:
    """The last name of two capitalised words or more in ``phrase``, after any title
    ("Apple CEO Steve Jobs" -> "Steve Jobs"); "" if none."""
    runs = _NAME_RUN.findall(phrase)
    if not runs:
        return ""
    words = runs[-1].split()
    titled = [i for i, w in enumerate(words) if w.lower().rstrip(".") in TITLES]
    if titled:
        words = words[titled[-1] + 1 :]
    return " ".join(words) if len(words) >= 2 else ""


_NAME_RUN = re.compile(r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+")


_FRONTED_SUBORDINATE = re.compile(
    r"(?:When|After|Before|Once|While|Although|Though|Because|Since)\s[^,;\"“]{3,120}?,\s*"
    r"(?=(?:he|she|they|it|we|the|a|an)\b|[A-Z])"
)


def reported_label(sentence: str) -> str:
    """ "Jobs said that ...": the report with its speaker, when the sentence opens with one
    ("" otherwise): the main clause, asides and relative clauses left out."""
    if not opens_with_report(sentence):
        return ""
    info = analyse(sentence)
    clause = info.clauses[0]
    asides = [s for s in [*info.removed, *info.relatives] if s[0] > 0]  # not the opener
    return finish_label(keep(sentence, 0, clause[1], asides))


def quoted_report_label(sentence: str) -> str:
    """'"We love the Beatles," said Steve Jobs.' -> 'Steve Jobs said "We love the
    Beatles"': the quotation that opens the sentence is what its speaker said ("" when the
    sentence is no such quotation)."""
    match = _QUOTE_FIRST.match(sentence) or _QUOTE_SPEAKER_FIRST.match(sentence)
    if not match:
        return ""
    quote = match.group("quote").strip(" ,")
    verb = match.group("verb").lower()
    return shorten(f'{match.group("speaker").strip()} {verb} "{quote}"')


_SPEECH_VERBS = r"(?:said|says|added|stated|explained|told\s+\w+|wrote|announced)"
_QUOTE_FIRST = re.compile(
    r'^\s*["“]\s*(?P<quote>[^"“”]{8,}?)\s*,?\s*["”]\s*,?\s*(?P<verb>'
    + _SPEECH_VERBS
    + r")\s+(?P<speaker>[A-Z][^,.;]*(?:\.\s?[A-Z][^,.;]*)*?)\s*[.!]?\s*$"
)
_QUOTE_SPEAKER_FIRST = re.compile(
    r'^\s*["“]\s*(?P<quote>[^"“”]{8,}?)\s*,?\s*["”]\s*,?\s*(?P<speaker>[A-Z][\w\'’.-]*'
    r"(?:\s+[A-Z][\w'’.-]*){0,3})\s+(?P<verb>" + _SPEECH_VERBS + r")\s*[.!]?\s*$"
)


_NAMED_SUBJECT = re.compile(
    r"^\s*(?:(?:his|her|their|its|the)\s+[a-z]+(?:\s+[a-z]+)?),\s*"
    r"([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)+),\s*",
    flags=re.I,
)


_QUALIFIED_NAME = re.compile(r"^\s*[Tt]he\s+(?:current|former|new|then|late|outgoing)\s+(?=[A-Z])")


_SPACES = re.compile(r"\s+")


_SPACE_BEFORE_MARK = re.compile(r"\s+([,;:.!?])")


_REPEATED_MARKS = re.compile(r"([,;:])(?:\s*[,;:])+")


_OPENING_CONJUNCTION = re.compile(r"^(?:and|but|or|so|then|also|as|while)\s+", flags=re.I)


_OPENING_COPULA = re.compile(r"^(?:was|is|were|are|will be|has been)\s+")


_LOOSE_POSSESSIVE = re.compile(r"(?:^|(?<=\s))['’]s\s+")


@per_article
def finish_label(text: str) -> str:
    """Tidy a clause into a label: no stray commas, headline style, at most ~90 characters."""
    text = _NAMED_SUBJECT.sub(r"\1 ", text)  # "His father, Vitaly Trufanov, was" -> the name
    text = _QUALIFIED_NAME.sub("", text)  # "The current Microsoft CEO Steve Ballmer" -> a name
    text = _one_space(text)
    text = _SPACE_BEFORE_MARK.sub(r"\1", text)
    text = _REPEATED_MARKS.sub(r"\1", text)
    text = text.strip(" ,;:.!?-—–\"'“”‘’")
    text = _OPENING_CONJUNCTION.sub("", text)
    text = _OPENING_COPULA.sub("", text)  # "2007 was the year"
    if "'s" in text or "’s" in text:
        text = _LOOSE_POSSESSIVE.sub("", text)  # a cut date's "'s"
    text = _headline_style(text)
    text = shorten(text)
    text = _without_loose_end(text)
    if _CAMEL_CASE_OPENING.match(text):  # "iLife '11 was released": a name as it is spelled
        return text
    return text[:1].upper() + text[1:] if text else text


_CAMEL_CASE_OPENING = re.compile(r"[a-z]+[A-Z]")


def _one_space(text: str) -> str:
    """``_SPACES.sub(" ", text)``: each run of whitespace one space (split and joined, which
    reads the same whitespace as the pattern's \\s, in C)."""
    words = text.split()
    spaced = " ".join(words)
    if text[:1].isspace():
        spaced = " " + spaced
    if words and text[-1:].isspace():
        spaced += " "
    return spaced


def _without_loose_end(text: str) -> str:
    """No label ends on "but", "that" or a lone word after a comma (", located")."""
    while True:
        trimmed = _LOOSE_END.sub("", text)
        trimmed = trimmed.rstrip(" ,;:")
        if trimmed == text or len(trimmed.split()) < 2:
            return text
        text = trimmed


def _headline_style(text: str) -> str:
    """ "Trufanov was freed" -> "Trufanov freed", "Apple has released" -> "Apple released",
    as a reader writes a timeline entry; a perfect stays whole where the participle is no
    past form ("has taken leave"), after a modal ("would have grown") and in a condition
    ("If the merger had gone through": the counterfactual is in "had")."""

    def drop_auxiliary(match: re.Match[str]) -> str:
        adverb, verb = match.group(1) or "", match.group(2)
        lower = verb.lower()
        if lower == "been":
            return match.group(0)  # "There has been a rise"
        if _PERFECT.match(match.group(0)):
            if _AFTER_MODAL.search(text[: match.start()]):
                return match.group(0)
            if lower not in IRREGULAR_PAST and not lower.endswith("ed"):
                return match.group(0)  # "gone", "taken": no past form without "had"
        if lower in IRREGULAR_PARTICIPLES or _PARTICIPLE_ENDING.search(verb):
            return f"{adverb}{verb}"
        return match.group(0)

    if _PRONOUN_OPENING.match(text):
        return text  # "She born in Honolulu" reads wrong: keep the verb whole
    first = _PASSIVE_VERB_SCAN.search(text)  # no match of the whole pattern starts before
    first = first and _PASSIVE_VERB.search(text, first.start())
    if not first:
        return text
    before = text[: first.start()]
    if _SUBORDINATOR.search(before) or _CONDITION.search(before):
        return text  # only the main verb: "... that Jobs has taken leave" stays whole
    return before + drop_auxiliary(first) + text[first.end() :]


_PASSIVE_VERB = re.compile(rf"\b{PASSIVE_AUXILIARY}\s+(\w+ly\s+)?([a-z]\w+)\b")
_PASSIVE_VERB_SCAN = re.compile(_PASSIVE_VERB.pattern.removeprefix(r"\b"))  # scanned in C


def shorten(text: str) -> str:
    """At most ~``MAX_LABEL_CHARS`` characters, cut where a phrase ends (before "and",
    "to", "at", ... or after a comma that closes a phrase, never inside "Cupertino,
    California"); "…" only when no phrase ends in the budget."""
    if len(text) <= MAX_LABEL_CHARS:
        return text
    tokens = text.split()
    length = -1
    fits = 0  # how many tokens fit in the budget
    for token in tokens:
        length += len(token) + 1
        if length > MAX_LABEL_CHARS:
            break
        fits += 1
    for i in range(fits, MIN_LABEL_WORDS - 1, -1):
        if i < len(tokens) and _phrase_ends_before(tokens, i):
            return " ".join(tokens[:i]).rstrip(",;")
    return " ".join(tokens[: max(fits, 1)]).rstrip(",;") + " …"


def _phrase_ends_before(tokens: list[str], i: int) -> bool:
    """Whether a phrase ends between ``tokens[i - 1]`` and ``tokens[i]``."""
    before, after = tokens[i - 1], tokens[i]
    if before.endswith((",", ";")):
        # "Cupertino, California" and "Apple Inc., the maker": a name goes on
        return not (before[:1].isupper() and after[:1].isupper())
    following = tokens[i + 1] if i + 1 < len(tokens) else ""
    if after.lower() in ("and", "or") and before[:1].isupper() and following[:1].isupper():
        return False  # "between Israel and Hamas": one phrase
    return after.lower() in PHRASE_OPENERS and before.lower() not in _OPENS_PHRASE


_OPENS_PHRASE = frozenset("the a an of to in at on by for with from and or".split())


# Patterns used inside functions, compiled once.
_ANTECEDENT = re.compile(
    r"([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*|(?:(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir)\s+)?\w+)\s*$"
)
_RELATIVE_PRONOUN = re.compile(r"^\s*,?\s*(?:(?:who|which|whom|whose|where)\b)?")
_PRONOUN_OPENING = re.compile(r"(?:He|She|It|They|We|I)\b")
_PRONOUN_SUBJECT = re.compile(r"^\s*(?:it|he|she|they)\b")
_LOOSE_END = re.compile(r"(?:,\s*[a-z][\w'’-]*|\s+(?:and|but|or|that|which|who|of|to|the|a|an))$")
_SUBORDINATOR = re.compile(r"\b(?:that|which|who|when|because|if|whether)\b")
_CONDITION = re.compile(r"\b(?:If|Unless|Had)\b")  # opening the label: "If the deal had ..."
_PERFECT = re.compile(r"(?:has|have|had)\s+(?!been\b)", re.IGNORECASE)
_AFTER_MODAL = re.compile(r"\b(?:would|could|should|might|must|may|will|shall)(?:\s+not)?\s*$")
_ED_WORD = re.compile(r"[a-z]+ed")
_PARTICIPLE_ENDING = re.compile(r"(?:ed|en|wn)$")
