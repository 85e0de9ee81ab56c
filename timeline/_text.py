"""Light, dependency-free text analysis for events: sentences, words, actors.

No model downloads are possible, so this is rules and small word lists: good enough to split
news prose into sentences and to pick out the people, organisations and places in a clause.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

# Words that end in a period without ending the sentence (lowercase, without the dot).
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof st jr sr gen col lt sgt capt maj cmdr adm gov sen rep rev hon pres
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    no nos vs etc e.g i.e inc ltd co corp bros dept est fig approx al
    u.s u.k u.n e.u u.s.a a.m p.m""".split()
)
# Acronyms that can also end a sentence: a break follows them only before a typical opener.
SENTENCE_FINAL_ACRONYMS = frozenset({"u.s", "u.k", "u.n", "e.u", "u.s.a", "a.m", "p.m", "etc"})
SENTENCE_OPENERS = frozenset(
    "the a an he she it they we i in on at but and his her its their this that these those "
    "after before during when while however meanwhile".split()
)

MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
WEEKDAYS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday mon tue wed thu fri sat sun".split()
)
# Capitalized at a sentence start for grammar's sake, never names.
FUNCTION_WORDS = frozenset(
    """a an the this that these those his her its their our my your he she it they we i you
    in on at by for from with without into onto during after before since until till over
    under about around among amid against between through throughout across per via
    and or but nor so yet as if when while where whereas although though because once
    however meanwhile moreover also still then later earlier today yesterday tomorrow now
    last next some many most several both each every all any no not one two three four five
    there here what which who whom whose how why according following despite
    mr mrs ms dr""".split()
)
# Titles before a name: dropped from the actor ("Chief Rabbi Berl Lazar" -> "Berl Lazar").
TITLES = frozenset(
    """president vice prime minister chief rabbi pope king queen prince princess sheikh
    general gen secretary senator sen governor gov mayor ambassador chancellor premier
    spokesman spokeswoman spokesperson commander colonel col lieutenant lt sergeant sgt
    captain capt major judge justice dr mr mrs ms sir lord lady rev reverend father sister
    foreign defence defense interior deputy acting former state ceo cfo coo chairman
    chairwoman founder co-founder executive director""".split()
)
# Words that make a name an organisation or a place, not a person.
ORG_WORDS = frozenset(
    """inc corp corps co ltd llc plc company computer computers group bank ministry party
    army forces force council agency university college court courts times news post journal
    press store stores conference committee commission union association foundation institute
    department office house senate congress parliament government city county state states
    republic kingdom airlines airways motors systems technologies technology media network
    club team league church hospital school museum centre center street square river sea
    ocean island islands valley province region district airport station bridge park hall
    tower palace kibbutz brigades authority service services""".split()
)
# A company's legal form ends its name: "Apple Inc. Steve Jobs" is two names.
ORG_SUFFIXES = frozenset({"inc.", "corp.", "ltd.", "co.", "bros.", "plc", "llc", "ag", "sa"})
# Demonyms used as adjectives ("Russian nationals") are not actors by themselves.
DEMONYM_SUFFIXES = ("ian", "ese", "ish")
KNOWN_DEMONYMS = frozenset(
    """arab french dutch greek thai swiss israeli iraqi qatari saudi yemeni pakistani omani
    kuwaiti emirati somali bangladeshi american mexican korean european african cuban afghan
    turkish""".split()
)

_WORD = re.compile(r"\w+(?:[-'’.&]\w+)*\.?|[^\w\s]")
_CAPITALIZED = re.compile(r"[A-Z][\w'’.&-]*")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int  # offset in the article text
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Word:
    start: int  # offset in the text the word was found in
    end: int
    text: str

    @property
    def lower(self) -> str:
        return self.text.lower()


def words(text: str) -> list[Word]:
    """Words and punctuation marks with their offsets; "U.S." and "Hamas-led" stay whole."""
    return [Word(start, end, token) for start, end, token in _tokens(text)]


def _tokens(text: str) -> list[tuple[int, int, str]]:
    """``words`` as plain (start, end, text) tuples: cheaper to make for every word."""
    found = []
    for match in _WORD.finditer(text):
        token = match.group()
        # a trailing period belongs to the word only for abbreviations ("Mr.", "U.S.")
        if token[-1] == "." and len(token) > 1 and not _is_abbreviation(token):
            end = match.end() - 1
            found.append((match.start(), end, token[:-1]))
            found.append((end, end + 1, "."))
            continue
        found.append((match.start(), match.end(), token))
    return found


def _is_abbreviation(token: str) -> bool:
    bare = token.rstrip(".")
    return bare.lower() in ABBREVIATIONS or (len(bare) == 1 and "A" <= bare <= "Z")


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with their offsets; a line break always ends one (titles, paragraphs)."""
    sentences = []
    for line in re.finditer(r"[^\n]+", text):
        offset = line.start()
        for start, end in _sentence_spans(line.group()):
            sentences.append(
                Sentence(offset + start, offset + end, text[offset + start : offset + end])
            )
    return sentences


def _sentence_spans(line: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in re.finditer(r"[.!?]+[\"'”’)\]]*(?=\s+)", line):
        if _ends_sentence(line, match.start(), match.end()):
            spans.append((start, match.end()))
            start = match.end()
    spans.append((start, len(line)))
    return [_strip(line, s, e) for s, e in spans if line[s:e].strip()]


def _strip(line: str, start: int, end: int) -> tuple[int, int]:
    while start < end and line[start].isspace():
        start += 1
    while end > start and line[end - 1].isspace():
        end -= 1
    return start, end


def _ends_sentence(line: str, stop: int, after: int) -> bool:
    following = line[after:].lstrip()
    if not following:
        return True
    if not (following[0].isupper() or following[0].isdigit() or following[0] in "\"'“‘([`"):
        return False  # "e.g. the", "Aug. 5" read on
    if line[stop] != ".":
        return True
    # the word the mark ends (re.search(r"(\S+)$", line[:stop]) without rescanning the line)
    token = "" if stop == 0 or line[stop - 1].isspace() else line[:stop].rsplit(None, 1)[-1]
    token = token.lower()
    token = token.lstrip("\"'“‘([")
    if token in SENTENCE_FINAL_ACRONYMS:
        next_word = re.match(r"\w+", following)
        return bool(next_word) and next_word.group().lower() in SENTENCE_OPENERS
    if token in ABBREVIATIONS:
        return False
    return not re.fullmatch(r"[a-z]", token)  # an initial: "J. K. Rowling"


def is_title_case(text: str) -> bool:
    """Headline-style lines capitalize most words, so capitals there say nothing."""
    if text.rstrip().endswith((".", "!", "?", '"', "”")):
        return False  # prose full of names ("Vladimir Putin met Alexander Trufanov.")
    tokens = [w for w in re.findall(r"[A-Za-z][\w'’-]*", text) if len(w) > 3]
    return len(tokens) >= 3 and sum(w[0].isupper() for w in tokens) / len(tokens) > 0.6


def find_names(text: str) -> list[Word]:
    """Capitalized word sequences that look like names, with offsets in ``text``."""
    names = []
    tokens = _tokens(text)
    i = 0
    while i < len(tokens):
        if not _opens_name(tokens[i][2]):
            i += 1
            continue
        j = i + 1
        while j < len(tokens) and _carries_name_on(tokens, j):
            j += 1
        while j > i + 1 and tokens[j - 1][2].lower() in ("of", "de", "al", "bin"):
            j -= 1
        for part in _split_name([Word(*token) for token in tokens[i:j]]):
            name = _trim_name(part)
            if name:
                start, end = name[0].start, name[-1].end
                names.append(Word(start, end, text[start:end]))
        i = j
    return names


def _split_name(tokens: list[Word]) -> list[list[Word]]:
    """ "Apple CEO Steve Jobs" -> "Apple", "Steve Jobs"; "Apple Inc. Steve Jobs" likewise."""
    parts: list[list[Word]] = [[]]
    for token in tokens:
        previous = parts[-1][-1] if parts[-1] else None
        if (
            token.lower.rstrip(".") in TITLES
            and previous is not None
            and not _is_title(previous)
            and previous.lower not in ("of", "de", "al", "bin")  # "Royal Courts of Justice"
        ):
            parts.append([])  # a title inside the sequence starts the next name
        parts[-1].append(token)
        if token.lower in ORG_SUFFIXES:
            parts.append([])
    return [p for p in parts if p]


def _opens_name(token: str) -> bool:
    """A capitalized word that is no month, weekday or function word."""
    if not ("A" <= token[0] <= "Z" and _CAPITALIZED.fullmatch(token)):  # most words: not
        return False
    lower = token.lower()
    return lower not in MONTHS and lower not in WEEKDAYS and lower not in FUNCTION_WORDS


def _carries_name_on(tokens: list[tuple[int, int, str]], j: int) -> bool:
    """Whether token ``j`` goes on with the name before it."""
    start, _, token = tokens[j]
    if start != tokens[j - 1][1] + 1:  # names are one-space separated words
        return False
    if tokens[j - 1][2].endswith(("'s", "’s")):  # "Russia's Jewish community"
        return False
    if token.lower() in ("of", "de", "al", "bin"):
        return j + 1 < len(tokens) and bool(_CAPITALIZED.fullmatch(tokens[j + 1][2]))
    return _opens_name(token)


def _trim_name(tokens: list[Word]) -> list[Word]:
    """Drop titles and demonym adjectives in front of the name itself."""
    if len(tokens) == 1:
        lone = tokens[0]
        return [] if _is_demonym(lone.text) or lone.lower.rstrip(".") in TITLES else tokens
    while len(tokens) > 1 and (_is_title(tokens[0]) or _is_demonym_before_title(tokens)):
        tokens = tokens[1:]
    if len(tokens) > 1 and _is_demonym(tokens[-1].text):
        tokens = tokens[:-1]
    return tokens


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
_HYPHENATED_END = re.compile(r"-(led|backed|based|run|linked|born|controlled|owned)$")


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
