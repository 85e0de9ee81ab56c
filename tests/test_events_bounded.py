"""The events stage stays linear on hostile text (issue 17): long sentences and sentences
crowded with dates come in bounded pieces, said in the report; lookups that scanned the
text or every cluster are bounded. The growth itself is measured by
benchmarks/bench_hostile.py; these tests pin the mechanisms."""

from __future__ import annotations

import re
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

import timeline
from timeline.events import build, build_events
from timeline.events.anchors import _word_before
from timeline.events.sentences import MAX_SENTENCE_CHARS, split_sentences
from timeline.model import Article
from timeline.timex import tag

PUBLISHED = date(2025, 3, 6)


def _article(text: str) -> Article:
    return Article(text=text, source="hostile.txt", title="Title", published=PUBLISHED)


def test_a_sentence_longer_than_the_limit_comes_in_pieces() -> None:
    text = "Title\n" + "word, " * 2_000 + "they met on March 3, 2024."
    sentences = split_sentences(text)
    assert all(len(s.text) <= MAX_SENTENCE_CHARS for s in sentences)
    pieces = [s for s in sentences if s.cut_from]
    assert len(pieces) >= 12 and all(s.cut_from > MAX_SENTENCE_CHARS for s in pieces)
    assert all(text[s.start : s.end] == s.text for s in sentences)
    # nothing but spaces between the pieces is lost
    kept = "".join(s.text for s in sentences)
    assert re.sub(r"\s", "", kept) == re.sub(r"\s", "", text)


def test_one_long_token_is_cut_anywhere() -> None:
    text = "x" * 5_500 + " and they met on March 3, 2024."
    sentences = split_sentences(text)
    assert all(len(s.text) <= MAX_SENTENCE_CHARS for s in sentences)
    assert "".join(s.text for s in sentences).replace(" ", "") == text.replace(" ", "")


def test_a_date_across_a_cut_goes_whole_into_the_next_piece() -> None:
    # the first piece ends near 1,000 characters: put a date across that point
    told = " March 3, 2024 the delegations signed the treaty and "
    text = "Title\n" + "x" * 990 + told + "y " * 600 + "."
    events = build_events(_article(text), tag(text, dct=PUBLISHED))
    assert [e.timex.value for e in events] == ["2024-03-03"]
    mention = events[0].mentions[0]
    assert mention.sentence.startswith("March 3, 2024")


def test_a_sentence_with_many_dates_is_cut_between_them() -> None:
    days = ", ".join(f"on March {d}, 2024 group {d} met" for d in range(1, 29))
    text = f"Title\nThe groups met {days}."
    timexes = tag(text, dct=PUBLISHED)
    sentences = build._sentences(text, timexes)
    starts = [t.start for t in timexes]
    for sentence in sentences:
        inside = [s for s in starts if sentence.start <= s < sentence.end]
        assert len(inside) <= build.MAX_DATES_PER_SENTENCE
    assert len(sentences) >= 3


def test_the_report_says_when_sentences_were_cut(tmp_path) -> None:
    path = tmp_path / "list.txt"
    path.write_text("Title\n\n" + "on March 3, 2024 and " * 200 + "then.\n", encoding="utf-8")
    frame = timeline.extract(str(path), published=PUBLISHED)
    warnings = [w.reason for w in frame.timeline.report.warnings]
    assert any("sentence pieces" in w and "were cut" in w for w in warnings), warnings


def test_prose_is_not_cut(tmp_path) -> None:
    path = tmp_path / "prose.txt"
    path.write_text("Talks\n\nThe talks began on March 3, 2024, in Geneva.\n", encoding="utf-8")
    frame = timeline.extract(str(path))
    assert not frame.timeline.report.warnings
    assert not any(s.cut_from for s in split_sentences(path.read_text()))


_LAST_WORD = re.compile(r"([\w'’-]+)\s*$")


@given(st.text(alphabet="ab1_'’- \t,.é٣²\u00a0", max_size=14), st.integers(0, 14))
def test_word_before_is_the_last_word_regex(text: str, position: int) -> None:
    """Scanned back from the position, the same answer as the regex over the whole prefix
    (which made one 40,000-character token before a date take 36 s)."""
    position = min(position, len(text))
    match = _LAST_WORD.search(text[:position])
    expected = (match.group(1), match.start(1)) if match else ("", position)
    assert _word_before(text, position) == expected


def test_a_mention_is_compared_only_with_clusters_on_its_date(monkeypatch) -> None:
    """300 happenings on 300 days: each mention meets the clusters of its own day, not
    all the clusters made before it (which was quadratic)."""
    calls = 0
    real = build.similarity

    def counting(a, b):
        nonlocal calls
        calls += 1
        return real(a, b)

    monkeypatch.setattr(build, "similarity", counting)
    lines = [
        f"Delegation {n} signed protocol {n} on {date.fromordinal(738000 + n):%B %d, %Y}."
        for n in range(300)
    ]
    text = "Title\n" + "\n".join(lines)
    events = build_events(_article(text), tag(text, dct=PUBLISHED))
    assert len(events) == 300
    assert calls < 2 * len(events)
