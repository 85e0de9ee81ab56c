"""The events stage's speed-ups change nothing (issue 16): ``find_names`` reads only the
pieces of a text a name can be made of and must find exactly what a walk over every word
finds; what is kept per article (``timeline.events.memo``) is forgotten at the next one."""

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


def test_answers_kept_for_one_article_are_forgotten_at_the_next() -> None:
    from datetime import date

    from timeline.events import build_events
    from timeline.events.clauses import analyse
    from timeline.model import Article
    from timeline.timex import tag

    first = Article(text="Police arrested two men on Monday after the robbery.", source="a")
    second = Article(text="The council approved the budget on 3 March 2024.", source="b")
    for article in (first, second):
        article.published = date(2024, 3, 5)
        build_events(article, tag(article.text, dct=article.published))
        assert analyse.cache_info().currsize >= 1  # its sentence, analysed once
    misses = analyse.cache_info().misses
    analyse(second.text)  # kept for the article being read
    assert analyse.cache_info().misses == misses
    analyse(first.text)  # not kept from the article before: analysed again
    assert analyse.cache_info().misses == misses + 1


def test_inner_commas_masked_as_by_the_look_behind_patterns() -> None:
    import re

    from timeline.events.clauses import mask_inner_commas

    digit = re.compile(r"(?<=\d),(?=\d)")
    year = re.compile(r"(?<=\b\d),(?= \d{4}\b)|(?<=\d\d),(?= \d{4}\b)")
    rng = random.Random(16)
    texts = ["On February 15, 2025, 1,200 people", "May 5, 2024 and 12, 2023 a5, 2024"]
    texts += ["".join(rng.choice("0123456789, a-x") for _ in range(20)) for _ in range(5000)]
    for text in texts:
        assert mask_inner_commas(text) == year.sub("\u201a", digit.sub("\u201a", text)), text


def _random_texts(pieces: tuple[str, ...], n: int, seed: int = 16) -> list[str]:
    rng = random.Random(seed)
    return [
        "".join(rng.choice(pieces) + rng.choice(GAPS + (", ", "'", "’", "-")) for _ in range(k))
        for k in (rng.randint(0, 12) for _ in range(n))
    ]


def test_patterns_searched_from_where_their_words_are_answer_as_the_whole_pattern() -> None:
    """A pattern that opens on a look-behind or a \\b is looked for from the first place its
    words alone match (or only where a word it needs is): the same matches."""
    import re

    from timeline.events import clauses, labels, modality

    cue_pieces = (
        "not", "n't", "didn't", "'ll", "he'll", "will", "if", "iff", "may", "mayor", "said",
        "says", "planned to", "plans to", "is to", "speculated", "rumoured", "hopes to",
        "could have", "x", "Not",
    )  # fmt: skip
    cues = (modality._NEGATED, modality._HYPOTHETICAL, modality._PLANNED, modality._REPORTED)
    for text in _random_texts(cue_pieces, 20000):
        for cue in cues:
            assert cue.search(text) == bool(cue.whole.search(text)), text
    clause_pieces = (
        "since", "after", "when", "the", "a", "his", "Apple", "he", "was", "freed", "released",
        "quickly", "were", "has been", "x", "Asince", "is", "born", "which", "who", "where",
    )  # fmt: skip
    for text in _random_texts(clause_pieces, 20000):
        found = clauses._find_subordinate_clauses(text)
        whole = [
            (m.start(1), m.end(1))
            for m in clauses._SUBORDINATE.finditer(text)
            if m.group(2) in clauses.AUXILIARIES
            or m.group(2) in clauses.IRREGULAR_PAST
            or m.group(2).endswith("ed")
        ]
        assert found == whole, text
        assert labels._one_space(text) == re.sub(r"\s+", " ", text), text
        first = labels._PASSIVE_VERB_SCAN.search(text)
        from_scan = first and labels._PASSIVE_VERB.search(text, first.start())
        whole_match = labels._PASSIVE_VERB.search(text)
        assert (from_scan and from_scan.span()) == (whole_match and whole_match.span()), text


def test_the_words_before_a_name_read_back_as_the_pattern_reads_them() -> None:
    pieces = (
        "shares", "of", "in", "CEO", "chief executive", "xCEO", "_CEO", "éshares", "Acme", ",",
        "\n", "Shares", "",
    )  # fmt: skip
    for text in _random_texts(pieces, 5000):
        for position in range(len(text) + 1):
            expected = actors._COMPANY_BEFORE.search(text[:position]) is not None
            assert actors._company_before(text, position) == expected, (text, position)


def test_the_articles_common_words_are_those_the_pattern_finds() -> None:
    from timeline.events.sentences import Sentence

    pieces = ("a", "b", "ab", "-", "'", "’", "_", "1", "X", " ", "\n", "é", "shares", "-ab", "")
    rng = random.Random(16)
    for _ in range(5000):
        texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 8))) for _ in range(3)]
        sentences = [Sentence(0, len(t), t) for t in texts]
        every = {w for t in texts for w in actors._COMMON_WORD.findall(t)}
        common = actors._CommonWords(sentences)
        for word in every | {"ab", "a", "ab-", "-ab", "shares", "a-b", "bab", "s"}:
            assert (word in common) == (word in every), (texts, word)
    for word in ("Apple's", "apple's", "apple’s", "apples'", "'s", "'", "s", "", "a's'", "x\n"):
        assert actors._without_possessive_end(word) == actors._POSSESSIVE_END.sub("", word)
