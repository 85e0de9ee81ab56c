"""One parser for the dates users and metadata give: ``published=``, front matter, HTML meta,
the tagger's ``dct`` argument and a TimeML document's creation time."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from timeline.dates import as_date, parse_date, parse_date_arg
from timeline.errors import DateError
from timeline.timeml import parse_timeml
from timeline.timex import tag


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-03-06", date(2025, 3, 6)),
        ("  2025-03-06 ", date(2025, 3, 6)),
        ("2025-03-06T23:10:00Z", date(2025, 3, 6)),
        ("2025-03-06T23:10:00+05:00", date(2025, 3, 6)),
        ("2025-03-06 23:10", date(2025, 3, 6)),
        ("2025-03-06T99:99", date(2025, 3, 6)),  # a broken clock still leaves the day
        ("Thu, 06 Mar 2025 10:00:00 GMT", date(2025, 3, 6)),
        ("March 6, 2025", date(2025, 3, 6)),
        ("Thursday, March 6th, 2025", date(2025, 3, 6)),
        ("6 March 2025", date(2025, 3, 6)),
        ("6 March, 2025", date(2025, 3, 6)),
        ("Mar. 6, 2025", date(2025, 3, 6)),
        ("Mar 6 2025", date(2025, 3, 6)),
        ("Sept. 6, 2025", date(2025, 9, 6)),  # the tagger's month words, abbreviations too
        ("6 Mar, 2025", date(2025, 3, 6)),
        ("Weds, 6 March 2025", date(2025, 3, 6)),
        ("2025/03/06", date(2025, 3, 6)),
        ("2025.03.06", date(2025, 3, 6)),
        ("20250306", date(2025, 3, 6)),
        ("February 30, 2025", None),
        ("2025-02-30", None),
        ("2025-03-06junk", None),
        ("the year 20000", None),
        ("20000-01-01", None),
        ("next week", None),
        ("3", None),
        ("x" * 81, None),
        ("", None),
    ],
)
def test_parse_date(text: str, expected: date | None) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        ("", None),
        (date(2025, 3, 6), date(2025, 3, 6)),
        (datetime(2025, 3, 6, 23, 10), date(2025, 3, 6)),
        ("2025-03-06", date(2025, 3, 6)),
        ("March 6, 2025", date(2025, 3, 6)),
        ("yesterday", None),
        (20250306, None),
    ],
)
def test_as_date_never_raises(value: object, expected: date | None) -> None:
    assert as_date(value) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        ("", None),
        (date(2025, 3, 6), date(2025, 3, 6)),
        (datetime(2025, 3, 6, 23, 10), date(2025, 3, 6)),
        ("2025-03-06", date(2025, 3, 6)),
        ("6 March 2025", date(2025, 3, 6)),
    ],
)
def test_parse_date_arg_reads_what_a_user_gives(value: object, expected: date | None) -> None:
    assert parse_date_arg(value) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", ["yesterday", "2025-02-30", "2025-03-06junk", "3", 3, 2.5])
def test_parse_date_arg_names_the_value_and_the_form(bad: object) -> None:
    expected = r"publication date .* is not a date: give it as YYYY-MM-DD"
    with pytest.raises(DateError, match=expected):
        parse_date_arg(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "dct",
    [
        date(2025, 3, 6),
        datetime(2025, 3, 6, 10, 0),
        "2025-03-06",
        " 2025-03-06 ",
        "2025-03-06T10:00",
        "2025-03-06T10:00:00Z",
    ],
)
def test_the_taggers_dct_is_read_by_the_same_parser(dct: object) -> None:
    (timex,) = tag("The talks ended on Wednesday.", dct)  # type: ignore[arg-type]
    assert (timex.value, timex.anchor) == ("2025-03-05", "dct")


@pytest.mark.parametrize("dct", [None, "", "soon", 20250306])
def test_an_unreadable_dct_leaves_the_value_underspecified(dct: object) -> None:
    (timex,) = tag("The talks ended on Wednesday.", dct)  # type: ignore[arg-type]
    assert (timex.value, timex.anchor) == ("XXXX-WXX-3", None)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1998-01-08", date(1998, 1, 8)),
        ("1998-01-08T10:05", date(1998, 1, 8)),
        ("1998-01-08T10:05:00", date(1998, 1, 8)),
        ("not a date", None),
    ],
)
def test_a_timeml_creation_time_is_read_by_the_same_parser(value: str, expected) -> None:
    tml = (
        '<?xml version="1.0" ?><TimeML><DOCID>d</DOCID><DCT><TIMEX3 tid="t0" type="DATE" '
        f'value="{value}" temporalFunction="false" functionInDocument="CREATION_TIME">'
        f"{value}</TIMEX3></DCT><TEXT>Talks on Wednesday.</TEXT></TimeML>"
    )
    assert parse_timeml(tml).dct_date == expected
