"""Sentences and words with their offsets: the units every later step works in.

No model downloads are possible, so this is rules and a list of abbreviations: good enough
to split news prose into sentences.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from timeline.lang.en.sentences import ABBREVIATIONS, SENTENCE_FINAL_ACRONYMS, SENTENCE_OPENERS

_WORD = re.compile(r"\w+(?:[-'’.&]\w+)*\.?|[^\w\s]")


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
    return [Word(start, end, token) for start, end, token in word_spans(text)]


def word_spans(text: str) -> list[tuple[int, int, str]]:
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


def sentence_of(
    sentences: list[Sentence], offset: int, starts: list[int] | None = None
) -> Sentence | None:
    if starts is None:
        starts = [s.start for s in sentences]
    index = bisect_right(starts, offset) - 1
    if index >= 0 and offset < sentences[index].end:
        return sentences[index]
    return None
