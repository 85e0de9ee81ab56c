"""The people, organisations and places of an article: capitalized names, cleaned, and
short forms mapped to the full names the article introduced."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Collection, Iterable
from typing import TYPE_CHECKING

from timeline.events.clauses import fronted_adverbial
from timeline.events.labels import shorten
from timeline.events.sentences import Sentence, Word, is_title_case, word_spans
from timeline.events.zones import ZONE_NAMES
from timeline.lang.en.events import MONTHS, WEEKDAYS
from timeline.lang.en.names import (
    COMMON_OPENERS,
    COMPANY_FORMS,
    COMPANY_NOUNS,
    COMPANY_REFERENCES,
    DEMONYM_SUFFIXES,
    FUNCTION_WORDS,
    HYPHENATED_QUALIFIERS,
    KNOWN_DEMONYMS,
    NAME_PARTICLES,
    ORG_SUFFIXES,
    ORG_WORDS,
    PEOPLE_OF_A_THING,
    TITLES,
)

if TYPE_CHECKING:
    from datetime import date

    from timeline.model import Event

_CAPITALIZED = re.compile(r"[A-Z][\w'’.&-]*")


def find_names(text: str) -> list[Word]:
    """Capitalized word sequences that look like names, with offsets in ``text``."""
    names: list[Word] = []
    tokens = _name_tokens(text)
    i = 0
    while i < len(tokens):
        if not _opens_name(tokens[i][2]):
            i += 1
            continue
        j = i + 1
        while j < len(tokens) and _carries_name_on(tokens, j):
            j += 1
        while j > i + 1 and tokens[j - 1][2].lower() in NAME_PARTICLES:
            j -= 1
        if j == i + 1:  # one word (most names): _split_name and _trim_name without Words
            start, end, word = tokens[i]
            if not _no_lone_name(word):
                names.append(Word(start, end, word))
            i = j
            continue
        for part in _split_name([Word(*token) for token in tokens[i:j]]):
            name = _trim_name(part)
            if name:
                start, end = name[0].start, name[-1].end
                names.append(Word(start, end, text[start:end]))
        i = j
    return names


def _name_tokens(text: str) -> list[tuple[int, int, str]]:
    """The words of ``text`` a name can be made of, in order, with their offsets: those of
    every whitespace-separated piece with a capital letter, of the (at most two) pieces
    between two of those, and of a number right after one.

    A name opens on a capital (``_opens_name``) and goes on only with words one space
    apart: capitalized ones, a particle right before a capitalized one, a model number
    after a capitalized one ("Boeing 747 of Seattle"). Any other piece without a capital
    never takes part, so leaving its words out changes no name (the words kept keep their
    offsets: none becomes one space apart from another).
    Most words of prose are left out, and find_names does not look at them one by one.
    """
    tokens: list[tuple[int, int, str]] = []
    for region in _NAME_REGION.finditer(text):
        start = region.start()  # its first capital: the piece may begin before it, "(Apple"
        while start and not text[start - 1].isspace():
            start -= 1
        word_spans(text, start, region.end(), tokens)
    return tokens


# from a capital letter to the end of its piece, then the pieces with one that follow (and
# up to two pieces between them: "Bank of Japan", "Boeing 747 of Seattle"), then a piece
# that opens on a digit ("iPhone 4"); found from the capital, as a regex that opens on a
# class of characters is scanned for in C
_NAME_REGION = re.compile(r"[A-Z]\S*(?:(?:\s+\S+){0,2}?\s+[^\sA-Z]*[A-Z]\S*)*(?:\s+\d\S*)?")


def _split_name(tokens: list[Word]) -> list[list[Word]]:
    """ "Apple CEO Steve Jobs" -> "Apple", "Steve Jobs"; "Apple Inc. Steve Jobs" likewise."""
    parts: list[list[Word]] = [[]]
    for token in tokens:
        previous = parts[-1][-1] if parts[-1] else None
        if (
            token.lower.rstrip(".") in TITLES
            and previous is not None
            and not _is_title(previous)
            and previous.lower not in NAME_PARTICLES  # "Royal Courts of Justice"
        ):
            parts.append([])  # a title inside the sequence starts the next name
        parts[-1].append(token)
        if token.lower in ORG_SUFFIXES:
            parts.append([])
    return [p for p in parts if p]


def _opens_name(token: str) -> bool:
    """A capitalized (or camel-case: "iPod", "eBay") word that is no month, weekday or
    function word."""
    if "A" <= token[0] <= "Z":
        if not _CAPITALIZED.fullmatch(token):
            return False
    elif not ("a" <= token[0] <= "z" and _CAMEL_CASE.fullmatch(token)):  # most words: not
        return False
    lower = _without_possessive_end(token.lower())  # "Wednesday's close": a day
    return lower not in MONTHS and lower not in WEEKDAYS and lower not in FUNCTION_WORDS


def _carries_name_on(tokens: list[tuple[int, int, str]], j: int) -> bool:
    """Whether token ``j`` goes on with the name before it."""
    start, _, token = tokens[j]
    if start != tokens[j - 1][1] + 1:  # names are one-space separated words
        return False
    if tokens[j - 1][2].endswith(("'s", "’s")):  # "Russia's Jewish community"
        return False
    if token.lower() in NAME_PARTICLES:
        return j + 1 < len(tokens) and bool(_CAPITALIZED.fullmatch(tokens[j + 1][2]))
    if _MODEL_NUMBER.fullmatch(token):  # "iPhone 4", "Boeing 747", "iPhone 3GS"
        return not _MODEL_NUMBER.fullmatch(tokens[j - 1][2])
    return _opens_name(token)


_CAMEL_CASE = re.compile(r"[a-z][A-Z][\w'’.&-]*")
_MODEL_NUMBER = re.compile(r"\d{1,3}[A-Za-z]{0,3}(?:['’]s)?")  # "iPhone 4's" too


def _trim_name(tokens: list[Word]) -> list[Word]:
    """Drop titles and demonym adjectives in front of the name itself."""
    if len(tokens) == 1:
        return [] if _no_lone_name(tokens[0].text) else tokens
    while len(tokens) > 1 and (_is_title(tokens[0]) or _is_demonym_before_title(tokens)):
        tokens = tokens[1:]
    if len(tokens) > 1 and _is_demonym(tokens[-1].text):
        tokens = tokens[:-1]
    return tokens


def _no_lone_name(word: str) -> bool:
    """Whether a one-word name is none: a time zone, a demonym, a title."""
    if word in ZONE_NAMES:  # "9 p.m. EST": a time zone, no one taking part
        return True
    return _is_demonym(word) or word.lower().rstrip(".") in TITLES


def _is_title(token: Word) -> bool:
    return token.lower.rstrip(".") in TITLES


def _is_demonym_before_title(tokens: list[Word]) -> bool:
    """ "Russian President Vladimir Putin": the demonym qualifies the title, not the name."""
    return _is_demonym(tokens[0].text) and _is_title(tokens[1])


def _is_demonym(token: str) -> bool:
    lower = token.lower()
    if lower in KNOWN_DEMONYMS:
        return True
    return len(lower) > 5 and lower.endswith(DEMONYM_SUFFIXES)


def sentence_initial(name: Word, sentence: str) -> bool:
    """Whether the name is the sentence's first word, where every word is capitalized."""
    return not sentence[: name.start].strip(" \"'“‘(")


def clean_actor(name: str) -> str:
    """ "Hamas-led" -> "Hamas", "Russia's" -> "Russia"."""
    name = _POSSESSIVE_END.sub("", name)
    name = _HYPHENATED_END.sub("", name)
    return name.strip()


_POSSESSIVE_END = re.compile(r"['’]s?$")


def _without_possessive_end(word: str) -> str:
    """``_POSSESSIVE_END.sub("", word)`` read off the word's end (a search for a pattern
    that ends at the end tries every apostrophe of the word)."""
    if "\n" in word:  # "$" matches before a final line break too: the pattern then
        return _POSSESSIVE_END.sub("", word)
    if word[-1:] == "s" and word[-2:-1] in ("'", "’"):
        return word[:-2]
    return word[:-1] if word[-1:] in ("'", "’") else word


_HYPHENATED_END = re.compile("-(" + "|".join(HYPHENATED_QUALIFIERS) + ")$")


def full_name(name: str, names: list[str], standalone: Collection[str] = ()) -> str:
    """The full name a one-word name abbreviates: "Putin" -> "Vladimir Putin".

    "Trufanov" may stand for several Trufanovs; news introduces its protagonist first, so
    the full name told first (``names`` in text order) wins. ``standalone``: one-word
    names the article uses on their own, which abbreviate nothing by their first word.
    """
    if len(name.split()) != 1:
        return name
    for full in names:
        parts = full.split()
        if len(parts) < 2 or _is_organisation(parts):
            continue
        if name == parts[-1] or (name == parts[0] and _first_name_of(parts, standalone)):
            return full
    return name


def _first_name_of(parts: list[str], standalone: Collection[str]) -> bool:
    """ "Elena" for "Elena Trufanova", but "Apple" (a name on its own) is not "Apple TV"."""
    return parts[0] not in standalone and not any(
        p.isupper() or any(c.isdigit() for c in p) for p in parts[1:]
    )


def _is_organisation(parts: list[str]) -> bool:
    """ "Israel" is not short for "Israel Defense Forces", nor "Apple" for "Apple Corps"."""
    return any(p.lower().rstrip(".") in ORG_WORDS for p in parts)


_COMMON_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z-]+")


class _CommonWords:
    """The article's lowercase words (each match of ``_COMMON_WORD`` in its sentences), as
    a set that is asked about a few words only: a word is looked for in the text when
    asked, rather than every word of the text collected."""

    __slots__ = ("_text", "_answers")

    def __init__(self, sentences: list[Sentence]) -> None:
        # a line break is no letter, apostrophe or hyphen: no match spans two sentences
        self._text = "\n".join(s.text for s in sentences)
        self._answers: dict[str, bool] = {}

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        found = self._answers.get(word)
        if found is None:
            found = self._answers[word] = _is_common_word(self._text, word)
        return found


_COMMON_SHAPE = re.compile(r"[a-z][a-z-]+")
_WORD_GOES_ON = frozenset("abcdefghijklmnopqrstuvwxyz-")


def _is_common_word(text: str, word: str) -> bool:
    """Whether ``_COMMON_WORD.findall(text)`` holds ``word``: an occurrence of it after no
    word character, apostrophe or hyphen, and before no letter a-z or hyphen."""
    if not _COMMON_SHAPE.fullmatch(word):
        return False
    at = text.find(word)
    while at >= 0:
        before = text[at - 1] if at else " "
        after = text[at + len(word) : at + len(word) + 1]
        if not (before.isalnum() or before in "_'’-") and after not in _WORD_GOES_ON:
            return True
        at = text.find(word, at + 1)
    return False


class ArticleActors:
    """People, organisations and places of one article, short forms mapped to full names.

    A capitalized word that only ever opens a sentence or sits in a headline is not trusted
    as a name unless the article also uses it mid-sentence.
    """

    def __init__(self, sentences: list[Sentence]) -> None:
        self._names: dict[str, list[Word]] = {}  # find_names per text: sentences come back
        self._in_text: dict[str, list[str]] = {}  # in_text per text: labels repeat
        trusted: list[str] = []
        openers: list[tuple[int, str]] = []  # sentences that open with a name: their subject
        mentioned: list[tuple[int, str]] = []  # every name, by sentence
        placed: list[tuple[int, int, str]] = []  # (sentence start, offset, name) of each name
        called: set[str] = set()  # names the text calls a company ("Acme CEO Jane Roe")
        # (sentence, noun) -> the name an apposition calls by it ("NPD, a research firm")
        appositions: dict[tuple[int, str], str] = {}
        self.common = _CommonWords(sentences)
        alone: dict[str, int] = {}  # one-word names used on their own mid-sentence
        self.sentence_text = {s.start: s.text for s in sentences}
        for sentence in sentences:
            if is_title_case(sentence.text):
                continue
            fronted = fronted_adverbial(sentence.text)  # "During the meeting, Putin ..."
            subject_at = fronted[1] if fronted else -1
            for name in self._names_in(sentence.text):
                initial = sentence_initial(name, sentence.text)
                cleaned = self._clean(name.text, initial)
                opener_dropped = initial and cleaned != clean_actor(name.text)  # "Shares of"
                if cleaned and (len(cleaned.split()) > 1 or not initial or opener_dropped):
                    trusted.append(cleaned)
                if cleaned and not initial and len(cleaned.split()) == 1:
                    alone[cleaned] = alone.get(cleaned, 0) + 1
                if cleaned and (initial or name.start == subject_at):
                    openers.append((sentence.start, cleaned))
                if cleaned:
                    mentioned.append((sentence.start, cleaned))
                    placed.append((sentence.start, sentence.start + name.start, cleaned))
                    if _called_company(sentence.text, name):
                        called.add(cleaned)
                    if apposition := _CALLED_AS.match(sentence.text, name.end):
                        appositions[(sentence.start, apposition.group(1))] = cleaned
        self.known = set(trusted)
        self.names = list(dict.fromkeys(trusted))
        self.standalone = {name for name, count in alone.items() if count >= 2}
        self.first_words = {p for n in self.known for p in (n.split()[0], n.split()[-1])}
        self._full: dict[str, str] = {}  # full_name per name: the names are fixed now
        self.subjects = self._people(openers, mentioned)
        self.subject_starts = [start for start, _ in self.subjects]
        self.companies = self._companies(placed, called)
        self.sentence_starts = sorted(self.sentence_text)
        self.called_as = {key: self.full_name(name) for key, name in appositions.items()}
        self.opening_company: dict[int, str] = {}  # sentence -> the company it opens with
        for start, name in openers:
            if start not in self.opening_company and (
                name in self.known or name in self.first_words
            ):
                full = self.full_name(name)
                if _company_name(full) or name in called or full in called:
                    self.opening_company[start] = full
        self.company_offsets = [offset for _, offset, _ in self.companies]

    def _companies(
        self, placed: list[tuple[int, int, str]], called: set[str]
    ) -> list[tuple[int, int, str | None]]:
        """(sentence start, offset, full name or None) of each name "the company" could
        stand for, in text order: a company (a name whose full name has a company form,
        "Boeing Co.", "Apple Computer", or "Boeing" where the article names "Boeing Co.";
        or one the text calls a company: "Acme CEO Jane Roe", "shares of Acme", "Acme, the
        Ohio toy maker"), or None for any other name that is no person and no product
        ("Cisco", of which the text does not say what it is): people ("Jane Roe") and
        products ("iPhone", "Boeing 747") are passed over."""
        found: list[tuple[int, int, str | None]] = []
        people = {name for _, name in self.subjects}
        for start, offset, name in placed:
            if not (name in self.known or name in self.first_words):
                continue
            full = self.full_name(name)
            if _company_name(full) or name in called or full in called:
                found.append((start, offset, full))
            elif not (full in people or _person_name(full) or _product_name(full)):
                found.append((start, offset, None))
        return found

    def company_at(self, position: int, noun: str = "company") -> str | None:
        """ "the company" (``noun``: "company" or "firm") at ``position``, of the latest
        sentence before it that names a company: the one it calls by that noun ("figures
        released by NPD Group, a market research firm. The firm said": NPD Group), else
        the one it opens with ("Airbus S.A.S. delivered its first A380 to Singapore
        Airlines. The company said": Airbus); else the company named latest before it,
        where no other organisation's name came between ("Apple Inc. was sued by Cisco.
        The company said": not clear, None)."""
        before = bisect_left(self.company_offsets, position)
        if not before:
            return None
        start, _, latest = self.companies[before - 1]
        own = self.sentence_starts[bisect_right(self.sentence_starts, position) - 1]
        if start != own:
            called = self.called_as.get((start, noun))
            if called is not None:
                return called
            if start in self.opening_company:
                return self.opening_company[start]
        return latest

    def _where(self, phrase: re.Match[str], position: int) -> int:
        """Where ``phrase`` of a label stands in the sentence at ``position``."""
        text = self.sentence_text.get(position, "")
        at = text.lower().find(phrase.group().lower())
        return position + max(at, 0)

    def companies_in(self, text: str, sentence: Sentence) -> list[str]:
        """The companies "the company" and "the firm" in ``text`` (a part of
        ``sentence``) stand for."""
        if not self.companies or not ("he compan" in text or "he firm" in text):
            return []  # (the pattern opens on \b: tried at every position; its words first)
        if not _THE_COMPANY.search(text):
            return []
        found = []
        lower = sentence.text.lower()
        for match in _THE_COMPANY.finditer(text):
            at = lower.find(match.group().lower())
            company = self.company_at(sentence.start + max(at, 0), _noun_of(match))
            if company is not None:
                found.append(company)
        return list(dict.fromkeys(found))

    def named(self, label: str, clause: str, sentence: Sentence) -> list[str]:
        """Who takes part in what ``label`` tells: the names of the label and its clause,
        and the company "the company" stands for."""
        names = self.in_text(label) + self.in_text(clause) + self.companies_in(clause, sentence)
        return list(dict.fromkeys(names + self.companies_in(label, sentence)))

    def _people(
        self, openers: list[tuple[int, str]], mentioned: list[tuple[int, str]]
    ) -> list[tuple[int, str]]:
        """Per sentence, who "he" or "she" in a later one refers to: the person it opens
        with, else the first person it names (a full name of two words or more that is
        no organisation and no product: "Putin received Alexander Trufanov" -> Vladimir
        Putin)."""
        first: dict[int, str] = {}
        for start, name in [*openers, *mentioned]:
            if start in first or not (name in self.known or name in self.first_words):
                continue
            full = self.full_name(name)
            parts = full.split()
            if len(parts) >= 2 and not _is_organisation(parts) and not _product_name(full):
                first[start] = full  # not "Current PowerPC" nor "iPhone 4": no person
        return sorted(first.items())

    def full_name(self, name: str) -> str:
        """``full_name`` among this article's names (looked up once per name)."""
        full = self._full.get(name)
        if full is None:
            full = full_name(name, self.names, self.standalone)
            if full == name:
                full = self._company(name)
            self._full[name] = full
        return full

    def _company(self, name: str) -> str:
        """ "Apple" for the article's one company of that name ("Apple Inc."; "the
        Beatles' Apple Corps" is no company form), else the name itself."""
        if len(name.split()) != 1:
            return name
        companies = {
            full
            for full in self.names
            if len(parts := full.split()) >= 2
            and parts[0] == name
            and parts[-1].lower() in COMPANY_FORMS
        }
        return companies.pop() if len(companies) == 1 else name

    def resolve_pronoun(self, label: str, position: int) -> str:
        """ "He extended gratitude" -> "Vladimir Putin extended gratitude": the subject of
        the latest sentence before that opened with a person's name."""
        pronoun = _PERSONAL_PRONOUN.match(label)
        if not pronoun:
            company = _COMPANY_SUBJECT.match(label)
            if company is None:
                return label
            name = self.company_at(self._where(company, position), _noun_of(company))
            # "The company said" -> "Acme Inc. said"
            return label if name is None else name + label[company.end() :]
        before = bisect_left(self.subject_starts, position)  # people told before it
        if not before:
            return label
        return self.subjects[before - 1][1] + label[pronoun.end() :]

    def _clean(self, name: str, initial: bool) -> str:
        """ "Shares of Apple Inc." opening a sentence -> "Apple Inc."."""
        cleaned = clean_actor(name)
        words = cleaned.split()
        while (
            initial
            and len(words) > 1
            and (words[0].lower() in self.common or words[0].lower() in COMMON_OPENERS)
        ):
            words = words[2:] if words[1] in ("of", "de", "in") else words[1:]
        return " ".join(words)

    def in_text(self, text: str) -> list[str]:
        known = self._in_text.get(text)
        if known is None:
            known = self._in_text[text] = self._find_in_text(text)
        return list(known)

    def _names_in(self, text: str) -> list[Word]:
        names = self._names.get(text)
        if names is None:
            names = self._names[text] = find_names(text)
        return names

    def _find_in_text(self, text: str) -> list[str]:
        found = []
        for name in self._names_in(text):
            cleaned = self._clean(name.text, sentence_initial(name, text))
            if _PEOPLE_OF_IT.match(text, name.end):
                continue  # "iPod users complained": the users take part, not the iPod
            if cleaned in self.known or cleaned in self.first_words:
                found.append(self.full_name(cleaned))
        return list(dict.fromkeys(found))

    def expand_subject(self, label: str) -> str:
        """ "Elena, Irina, and Cohen released" -> "Elena Trufanova, Irina Tatti, and Sapir
        Cohen released": the names of the subject in full, as a timeline entry stands alone."""
        subject = _NAMES_SUBJECT.match(label)
        if not subject:
            return label

        def full(match: re.Match[str]) -> str:
            name = match.group()
            if name not in self.first_words or _part_of_full_name(subject_text, match):
                return name
            longer = self.full_name(name)
            return name if label[match.start() :].startswith(longer) else longer

        subject_text = subject.group()
        expanded = _CAPITALIZED_WORD.sub(full, subject_text)
        return shorten(expanded + label[subject.end() :])


def _noun_of(phrase: re.Match[str]) -> str:
    """ "The firm" -> "firm"."""
    return phrase.group().split()[-1].lower()


def _called_company(text: str, name: Word) -> bool:
    """Whether the text calls ``name`` a company where it names it."""
    return bool(_COMPANY_AFTER.match(text, name.end) or _company_before(text, name.start))


def _company_before(text: str, position: int) -> bool:
    """``_COMPANY_BEFORE.search(text[:position])``, read back from ``position`` (the pattern
    ends at the end: searching the text before it would try every position)."""
    end = position
    while end > 0 and text[end - 1].isspace():
        end -= 1
    if end == position:
        return False  # the words come before a space
    for words in _COMPANY_BEFORE_WORDS:
        if text.endswith(words, 0, end):
            begin = end - len(words)
            return begin == 0 or not (text[begin - 1].isalnum() or text[begin - 1] == "_")
    return False


def _part_of_full_name(text: str, match: re.Match[str]) -> bool:
    """ "Alexander Trufanov": neither word is a short form there."""
    before = _CAPITALIZED_BEFORE.search(text[: match.start()])
    return before is not None or _CAPITALIZED_AFTER.match(text[match.end() :]) is not None


def fullest_names(actors: list[str]) -> list[str]:
    """Each actor once, by the fullest name any source gave ("Vitaly" -> "Vitaly Trufanov")."""
    unique = list(dict.fromkeys(actors))
    return list(dict.fromkeys(full_name(a, unique) for a in unique))


# Patterns used inside functions, compiled once.
_CAPITALIZED_BEFORE = re.compile(r"[A-Z][\w'’-]* $")
_PERSONAL_PRONOUN = re.compile(r"(?:He|She)\b")
# a name that only qualifies the people who use it ("iPod users", "the Acme 7 owners"):
# those people take part, the name does not
_PEOPLE_OF_IT = re.compile(r"\s+(?:" + "|".join(sorted(PEOPLE_OF_A_THING)) + r")\b")
# "the company" (or "the firm") for the company the article named latest; not "the
# company's CEO" as a label's subject, not "the company of ..." nor "the company that ..."
_COMPANY_WORDS = "(?:" + "|".join(sorted(COMPANY_REFERENCES)) + ")"
_COMPANY_SUBJECT = re.compile(r"The " + _COMPANY_WORDS + r"(?=\s+(?!of\b|that\b|which\b)[a-z])")
_THE_COMPANY = re.compile(
    r"\b[Tt]he " + _COMPANY_WORDS + r"\b(?!\s+(?:of|that|which|who)\b)(?!\s+[A-Z])"
)
# the text calls a name a company: "Acme CEO Jane Roe", "Acme's chief executive", "Acme
# shares"; "shares of Acme"; "Acme, the Ohio toy maker"
_COMPANY_ROLE_PATTERN = "(?:" + "|".join(sorted(COMPANY_NOUNS)) + ")"
_COMPANY_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:CEO|chief executive|chairman|shares|stock|spokes(?:man|woman|person))\b"
    r"|,\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,3}?" + _COMPANY_ROLE_PATTERN + r"\b"
)
_CALLED_AS = re.compile(r",\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,3}?(" + _COMPANY_WORDS + r")\b")
_COMPANY_BEFORE = re.compile(r"\b(?:shares (?:of|in)|(?:CEO|chief executive) of)\s+$")
_COMPANY_BEFORE_WORDS = ("shares of", "shares in", "CEO of", "chief executive of")  # the same
_NAMES_SUBJECT = re.compile(r"(?:[A-Z][\w'’-]*|,|\s|and\b)+")
_CAPITALIZED_WORD = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]*")
_CAPITALIZED_AFTER = re.compile(r" [A-Z]")


def companies_named(events: Iterable[Event], into: dict[str, CompaniesOf]) -> None:
    """Per article (source): its publication date and the company names ("Boeing Co.")
    its events' actors hold."""
    for event in events:
        names = [a for a in event.actors if _company_name(a)]
        for mention in event.mentions:
            published, known = into.setdefault(mention.source, (mention.published, set()))
            known.update(names)


CompaniesOf = tuple["date | None", set[str]]


def collection_names(
    events: list[Event], named_in: dict[str, CompaniesOf] | None = None
) -> list[Event]:
    """Actors named alike across articles (issue 11). "Apple Inc" and "Apple Inc." are one
    name, the form more articles use. A one-word name ("Boeing") stands for the one company
    of that name its own articles name; where they name none, for the company of that name
    the collection names nearest in time (names change: "Apple Computer" became "Apple
    Inc."), ties to the one more articles name; where its articles name two, or the
    collection gives no nearest one, it stays as it is.

    ``named_in``: per article, its date and company names, as its own events gave them
    (``companies_named`` before merging); by default read off ``events``."""
    if named_in is None:
        named_in = {}
        companies_named(events, named_in)
    articles: dict[str, dict[str, None]] = {}  # company name -> the articles naming it
    for source, (_, names) in named_in.items():
        for name in names:
            articles.setdefault(name, {})[source] = None
    if not articles:
        return events
    spelled = _one_spelling(articles)
    companies: dict[str, set[str]] = {  # article -> the companies it names, as spelled
        source: {spelled.get(n, n) for n in names} for source, (_, names) in named_in.items()
    }
    times: dict[str, list[tuple[int, str]]] = {}  # first word -> (day, company) per article
    count: dict[str, int] = {}  # company -> articles naming it
    for source, names in companies.items():
        published = named_in[source][0]
        for name in names:
            count[name] = count.get(name, 0) + 1
            if published is not None:
                times.setdefault(name.split()[0], []).append((published.toordinal(), name))
    for event in events:
        if not any(a in spelled or a in times for a in event.actors):
            continue
        told = {n for m in event.mentions for n in companies.get(m.source, ())}
        day = next((m.published for m in event.mentions if m.published), None)
        renamed = []
        for actor in event.actors:
            actor = spelled.get(actor, actor)
            if actor in times and len(actor.split()) == 1:
                own = [n for n in told if n.split()[0] == actor]
                if len(own) == 1:  # the company its own articles name
                    actor = own[0]
                elif not own and day is not None:
                    actor = _nearest(times[actor], day.toordinal(), count) or actor
            renamed.append(actor)
        event.actors = list(dict.fromkeys(renamed))
    return events


def _nearest(named: list[tuple[int, str]], day: int, count: dict[str, int]) -> str | None:
    """The company named nearest ``day``; ties: the one more articles name; else None."""
    gap: dict[str, int] = {}
    for when, name in named:
        gap[name] = min(gap.get(name, abs(when - day)), abs(when - day))
    ranked = sorted(gap, key=lambda n: (gap[n], -count[n]))
    if len(ranked) > 1 and (gap[ranked[0]], count[ranked[0]]) == (
        gap[ranked[1]],
        count[ranked[1]],
    ):
        return None
    return ranked[0]


def _person_name(name: str) -> bool:
    """ "Jane Roe": two words or more, none an organisation's ("San Jose" too: a place
    is no company either)."""
    parts = name.split()
    return len(parts) >= 2 and not _is_organisation(parts)


def _product_name(name: str) -> bool:
    """ "iPhone", "PowerPC", "Boeing 747", "A380": a camel-case word or a number in it
    (not "McDonald" nor "DeGeneres")."""
    return any(c.isdigit() for c in name) or any(
        _CAMEL_CASE.match(part) or _INNER_CAPITAL.search(part) for part in name.split()
    )


_INNER_CAPITAL = re.compile(r"^(?!Ma?c[A-Z])[A-Z]?[a-z]*[a-z]{2}[A-Z]")


def _company_name(name: str) -> bool:
    parts = name.split()
    return len(parts) >= 2 and parts[-1].lower() in COMPANY_FORMS


def _one_spelling(articles: dict[str, dict[str, None]]) -> dict[str, str]:
    """ "Apple Inc" -> "Apple Inc." where more articles write the period (ties: the
    period)."""
    forms: dict[str, list[str]] = {}
    for name in articles:
        forms.setdefault(name.rstrip("."), []).append(name)
    spelled = {}
    for same in forms.values():
        if len(same) > 1:
            best = max(same, key=lambda n: (len(articles[n]), n.endswith(".")))
            spelled.update({n: best for n in same if n != best})
    return spelled
