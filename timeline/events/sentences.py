"""Sentences and words with their offsets: the units every later step works in.

No model downloads are possible, so this is rules and a list of abbreviations: good enough
to split news prose into sentences.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache

from timeline.lang.en.sentences import ABBREVIATIONS, SENTENCE_FINAL_ACRONYMS, SENTENCE_OPENERS

_WORD = re.compile(r"\w+(?:[-'’.&]\w+)*\.?|[^\w\s]")


# No prose sentence is this long (the longest in TimeBank+AQUAINT has 606 characters); a
# longer one (a list, a table, hostile text) is cut into pieces this long at most, so the
# work per sentence stays bounded and the whole stage linear in the text.
MAX_SENTENCE_CHARS = 1_000


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int  # offset in the article text
    end: int
    text: str
    cut_from: int = 0  # a piece of a longer sentence: that sentence's length


def cut_note(sentences: list[Sentence]) -> str | None:
    """What the report says when sentences were cut into pieces, or None."""
    cut = [s for s in sentences if s.cut_from]
    if not cut:
        return None
    longest = max(s.cut_from for s in cut)
    return (
        f"{len(cut):,} sentence pieces: sentences over {MAX_SENTENCE_CHARS:,} characters "
        f"(the longest {longest:,}) or with many dates were cut, and no label spans two pieces"
    )


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
    return [Word(start, end, token) for start, end, token in word_spans(text)]


def word_spans(
    text: str, pos: int = 0, endpos: int | None = None, found: list | None = None
) -> list[tuple[int, int, str]]:
    """``words`` as plain (start, end, text) tuples: cheaper to make for every word.

    ``pos``/``endpos`` read only ``text[pos:endpos]`` (offsets stay those in ``text``): a
    piece that starts and ends at whitespace has the words it has in the whole text, since
    no word spans a space. ``found``: a list to append to (returned)."""
    if found is None:
        found = []
    if endpos is None:
        endpos = len(text)
    for match in _WORD.finditer(text, pos, endpos):
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


def split_sentences(text: str, language: str = "en") -> list[Sentence]:
    """Sentences with their offsets; a line break always ends one (titles, paragraphs).
    A sentence longer than ``MAX_SENTENCE_CHARS`` comes in pieces (``cut_from`` set).

    In another ``language`` than English, a day number's dot before a month name ("am 15.
    Februar", "le 1. mars") ends no sentence, nor does a one-letter abbreviation ("2023 г.
    в"); where numbers take an ordinal dot (German, the Nordic and most Slavic languages:
    ``ORDINAL_DOT`` in the date tables) no dot after a day-sized number does."""
    rules = _rules(language) if language and language != "en" else None
    sentences = []
    for line in _LINE.finditer(text):
        offset = line.start()
        for start, end in _sentence_spans(line.group(), rules):
            if end - start <= MAX_SENTENCE_CHARS:
                sentences.append(
                    Sentence(offset + start, offset + end, text[offset + start : offset + end])
                )
                continue
            for a, b in _pieces(line.group(), start, end):
                piece = text[offset + a : offset + b]
                sentences.append(Sentence(offset + a, offset + b, piece, end - start))
    return sentences


_LINE = re.compile(r"[^\n]+")
_MARK = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+)")
_SPACES = re.compile(r"\s*")
_FIRST_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class _Rules:
    """What a language adds to the splitter: its month names, and whether its numbers take
    an ordinal dot ("15." is "15th")."""

    months: frozenset[str]
    ordinal_dot: bool


@cache
def _rules(language: str) -> _Rules | None:
    from timeline.lang import get_language

    try:
        dates = get_language(language).dates
    except ValueError:
        return None
    months = frozenset(m.rstrip(".") for m in getattr(dates, "MONTHS", {}) or {})
    return _Rules(months, bool(getattr(dates, "ORDINAL_DOT", False)))


def _sentence_spans(line: str, rules: _Rules | None = None) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in _MARK.finditer(line):
        if _ends_sentence(line, match.start(), match.end()) and not (
            rules is not None and _reads_on(line, match.start(), match.end(), rules)
        ):
            spans.append((start, match.end()))
            start = match.end()
    spans.append((start, len(line)))
    return [_strip(line, s, e) for s, e in spans if line[s:e].strip()]


def _pieces(line: str, start: int, end: int) -> list[tuple[int, int]]:
    """A too long sentence in pieces of at most ``MAX_SENTENCE_CHARS``, each cut after the
    last "; " or ", " of its second half, else at its last space, else anywhere."""
    pieces = []
    while end - start > MAX_SENTENCE_CHARS:
        limit, half = start + MAX_SENTENCE_CHARS, start + MAX_SENTENCE_CHARS // 2
        cut = -1
        for boundary in ("; ", ", "):
            found = line.rfind(boundary, half, limit)
            if found >= 0:
                cut = found + 1
                break
        if cut < 0:
            space = max(line.rfind(" ", start + 1, limit), line.rfind("\t", start + 1, limit))
            cut = space if space > start else limit
        pieces.append(_strip(line, start, cut))
        start = _strip(line, cut, end)[0]
    pieces.append((start, end))
    return [(a, b) for a, b in pieces if b > a]


def _strip(line: str, start: int, end: int) -> tuple[int, int]:
    while start < end and line[start].isspace():
        start += 1
    while end > start and line[end - 1].isspace():
        end -= 1
    return start, end


def _ends_sentence(line: str, stop: int, after: int) -> bool:
    position = _SPACES.match(line, after).end()  # the next word (no copy of the rest)
    if position == len(line):
        return True
    first = line[position]
    if not (first.isupper() or first.isdigit() or first in "\"'“‘([`"):
        return False  # "e.g. the", "Aug. 5" read on
    if line[stop] != ".":
        return True
    token = _token_before(line, stop).lower()  # the word the mark ends
    token = token.lstrip("\"'“‘([")
    if token in SENTENCE_FINAL_ACRONYMS:
        next_word = _FIRST_WORD.match(line, position)
        return bool(next_word) and next_word.group().lower() in SENTENCE_OPENERS
    if token in ABBREVIATIONS:
        return False
    return not (len(token) == 1 and "a" <= token <= "z")  # an initial: "J. K. Rowling"


_DAY_NUMBER = re.compile(r"\d{1,2}")


def _reads_on(line: str, stop: int, after: int, rules: _Rules) -> bool:
    """A dot that ends no sentence in this language: "15. Februar", "г. в"."""
    if line[stop] != "." or after != stop + 1:
        return False
    token = _token_before(line, stop).lstrip("\"'“‘([«„")
    if len(token) == 1 and token.isalpha() and token.islower():
        return True  # a one-letter abbreviation: "г." (year), "р." (river)
    if not _DAY_NUMBER.fullmatch(token):
        return False
    if rules.ordinal_dot:
        return True
    next_word = _NEXT_WORD.match(line, _SPACES.match(line, after).end())
    return bool(next_word) and next_word.group().lower() in rules.months


_NEXT_WORD = re.compile(r"[^\W\d_]+")


def _token_before(line: str, stop: int) -> str:
    """The run of non-space characters that ends at ``stop`` (scanned back from there:
    ``line[:stop]`` would copy the line for every mark)."""
    begin = stop
    while begin > 0 and not line[begin - 1].isspace():
        begin -= 1
    return line[begin:stop]


def is_title_case(text: str) -> bool:
    """Headline-style lines capitalize most words, so capitals there say nothing."""
    if text.rstrip().endswith((".", "!", "?", '"', "”")):
        return False  # prose full of names ("Vladimir Putin met Alexander Trufanov.")
    tokens = [w for w in _LONG_WORD.findall(text) if len(w) > 3]
    return len(tokens) >= 3 and sum(w[0].isupper() for w in tokens) / len(tokens) > 0.6


def sentence_of(
    sentences: list[Sentence], offset: int, starts: list[int] | None = None
) -> Sentence | None:
    if starts is None:
        starts = [s.start for s in sentences]
    index = bisect_right(starts, offset) - 1
    if index >= 0 and offset < sentences[index].end:
        return sentences[index]
    return None


# Patterns used inside functions, compiled once.
_LONG_WORD = re.compile(r"[A-Za-z][\w'’-]*")
