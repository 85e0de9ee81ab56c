"""``find_names`` reads only the pieces of a text a name can be made of (issue 16): it must
find exactly what a walk over every word finds."""

from __future__ import annotations

import random

from timeline.events import actors
from timeline.events.sentences import Word, word_spans


def _every_word_find_names(text: str) -> list[Word]:
    """find_names as it was: a walk over every word of the text."""
    names = []
    tokens = word_spans(text)
    i = 0
    while i < len(tokens):
        if not actors._opens_name(tokens[i][2]):
            i += 1
            continue
        j = i + 1
        while j < len(tokens) and actors._carries_name_on(tokens, j):
            j += 1
        while j > i + 1 and tokens[j - 1][2].lower() in actors.NAME_PARTICLES:
            j -= 1
        for part in actors._split_name([Word(*token) for token in tokens[i:j]]):
            name = actors._trim_name(part)
            if name:
                start, end = name[0].start, name[-1].end
                names.append(Word(start, end, text[start:end]))
        i = j
    return names


PIECES = (
    "Apple", "of", "de", "the", "747", "3GS", "4", "iPhone", "eBay", "Mr.", "U.S.", "Inc.",
    "(AP)", "-", "—", "x-Ray", "Putin's", "van", "der", "Bank", "West", ",", "and", "Royal",
    "Courts", "Justice", "May", "Monday", "Étienne", "a", "'s", "Jobs,", '"Apple', "Hamas-led",
    "St.", "Dr", "word", "12", "x", "(Apple", "Boeing", "Seattle.",
)  # fmt: skip
GAPS = (" ", " ", " ", "", "  ", "\t", "\n")


def test_find_names_reads_only_what_names_are_made_of() -> None:
    rng = random.Random(16)
    texts = [
        "Boeing 747 of Seattle and iPhone 4 of Apple",
        "Apple CEO Steve Jobs met Russian President Vladimir Putin at the Bank of Japan.",
        "“(Apple Inc.) said on Monday that U.S. sales of the iPhone 3GS rose.",
    ]
    for _ in range(3000):
        n = rng.randint(1, 12)
        texts.append("".join(rng.choice(PIECES) + rng.choice(GAPS) for _ in range(n)))
    for text in texts:
        assert actors.find_names(text) == _every_word_find_names(text), text
