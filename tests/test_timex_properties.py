"""Property tests: the tagger never raises and its output keeps the contract."""

from datetime import date, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.timex import tag

WORDS = [
    "the",
    "last",
    "next",
    "early",
    "mid-",
    "late",
    "year",
    "week",
    "month",
    "quarter",
    "third",
    "Wednesday",
    "night",
    "March",
    "May",
    "October",
    "7",
    "2023",
    ",",
    "1999",
    "days",
    "later",
    "ago",
    "53",
    "a",
    "from",
    "to",
    "between",
    "and",
    "every",
    "twice",
    "1,200",
    "now",
    "today",
    "10:30",
    "p.m.",
    "1990s",
    "'80s",
    "fiscal",
    "Q3",
    "summer",
    "of",
    "that",
    "day",
    "before",
    "after",
    "the next",
    "12/25/99",
    "2020-02-30",
    "31",
    "February",
    "29",
    "0",
    "9999",
    "1000",
    "th",
    "century",
    "-",
    ".",
    "\n",
    "per",
]
phrases = st.lists(st.sampled_from(WORDS), max_size=25).map(" ".join)
dcts = st.one_of(
    st.none(),
    st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)),
    st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2100, 1, 1)),
)


def check(text, dct):
    out = tag(text, dct)
    prev_end = -1
    for i, t in enumerate(out, 1):
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start : t.end] == t.text
        assert t.start >= prev_end
        prev_end = t.end
        assert t.tid == f"t{i}"
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
        assert isinstance(t.value, str) and t.value
        if t.earliest is not None or t.latest is not None:
            assert t.earliest is not None and t.latest is not None
            assert t.earliest <= t.latest
    return out


@settings(max_examples=120, deadline=None)
@given(st.text(max_size=300), dcts)
def test_never_raises_on_any_text(text, dct):
    check(text, dct)


@settings(max_examples=120, deadline=None)
@given(phrases, dcts)
def test_contract_on_date_like_text(text, dct):
    check(text, dct)


def test_extreme_dcts_do_not_overflow():
    text = "Last year, on Wednesday, 53 days later, next century, the 1990s, tomorrow."
    for dct in (date(1, 1, 1), date(9999, 12, 31), datetime(9999, 12, 31, 23, 59)):
        check(text, dct)


def test_non_str_input_gives_nothing():
    assert tag("", None) == []
    assert tag(None) == []  # type: ignore[arg-type]


def test_dct_as_iso_string_or_garbage():
    assert tag("on Wednesday", "2025-03-06")[0].value == "2025-03-05"  # type: ignore[arg-type]
    assert tag("on Wednesday", "not a date")[0].value == "XXXX-WXX-3"  # type: ignore[arg-type]


@settings(max_examples=200, deadline=None)
@given(phrases)
def test_trigger_search_finds_what_the_full_regex_finds(text):
    from timeline.timex import candidates
    from timeline.timex.search import master

    full = [(m.lastgroup, m.start(), m.end()) for m in master(False).finditer(text)]
    assert list(candidates(text)) == full
