"""End to end: the seed article comes out with the dates a reader would give."""

from datetime import date, datetime
from pathlib import Path

import pytest

from timeline.timex import tag

SEED = Path(__file__).resolve().parents[1] / "data/articles/000_3c7464da4ecb93a4.txt"


@pytest.fixture(scope="module")
def timexes():
    if not SEED.exists():
        pytest.skip("seed article missing")
    return tag(SEED.read_text(encoding="utf-8"), date(2025, 3, 6))


def by_text(timexes, text):
    found = [t for t in timexes if t.text == text]
    assert found, f"{text!r} not tagged: {[t.text for t in timexes]}"
    return found[0]


def test_seed_values(timexes):
    got = [(t.text, t.type, t.value) for t in timexes]
    assert got == [
        ("February 2025", "DATE", "2025-02"),
        ("October 2023", "DATE", "2023-10"),
        ("Wednesday night", "TIME", "2025-03-05TNI"),
        ("October", "DATE", "2023-10"),
        ("February 15, 2025", "DATE", "2025-02-15"),
        ("53 days later", "DATE", "2023-11-29"),
        ("October 7, 2023", "DATE", "2023-10-07"),
    ]


def test_seed_month_keeps_month_precision(timexes):
    t = by_text(timexes, "February 2025")
    assert t.precision == "month"
    assert (t.earliest, t.latest) == (datetime(2025, 2, 1), datetime(2025, 3, 1))
    assert not t.needs_dct


def test_seed_weekday_needs_dct(timexes):
    t = by_text(timexes, "Wednesday night")
    assert t.anchor == "dct" and t.needs_dct


def test_seed_anaphora_points_to_earlier_october(timexes):
    first = by_text(timexes, "October 2023")
    t = by_text(timexes, "October")
    assert t.anchor == first.tid
    assert not t.needs_dct


def test_seed_offset_counts_days_from_the_dated_event(timexes):
    t = by_text(timexes, "53 days later")
    assert t.value == "2023-11-29" and t.precision == "day"
    assert t.anchor == by_text(timexes, "October 2023").tid


def test_seed_numbers_never_tagged(timexes):
    texts = " ".join(t.text for t in timexes)
    for n in ("1,200", "251", "50,000"):
        assert n not in texts


def test_seed_invariants(timexes):
    text = SEED.read_text(encoding="utf-8")
    assert [t.tid for t in timexes] == [f"t{i}" for i in range(1, len(timexes) + 1)]
    for a, b in zip(timexes, timexes[1:], strict=False):
        assert a.end <= b.start
    for t in timexes:
        assert text[t.start : t.end] == t.text


def test_seed_without_dct_keeps_document_internal_values():
    got = {t.text: t for t in tag(SEED.read_text(encoding="utf-8"))}
    assert got["Wednesday night"].value == "XXXX-WXX-3TNI"
    assert got["Wednesday night"].needs_dct and got["Wednesday night"].earliest is None
    assert got["53 days later"].value == "2023-11-29"  # needs no publication date
    assert not got["53 days later"].needs_dct
