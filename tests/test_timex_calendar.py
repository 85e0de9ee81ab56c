"""Calendar values: TIMEX3 strings, bounds and shifts at the stated precision."""

from datetime import date, datetime

import pytest

from timeline.timex.calendar import Cal, bounds, from_date, shift, value
from timeline.timex.holidays import holiday_date


@pytest.mark.parametrize(
    ("day", "gran", "expected"),
    [
        (date(1998, 2, 6), "season", "1997-WI"),  # January and February end last winter
        (date(1998, 12, 6), "season", "1998-WI"),
        (date(1998, 7, 1), "season", "1998-SU"),
        (date(2025, 3, 6), "week", "2025-W10"),
        (date(2025, 3, 6), "quarter", "2025-Q1"),
        (date(2025, 8, 6), "half", "2025-H2"),
        (date(1987, 1, 1), "decade", "198"),
        (date(1987, 1, 1), "century", "19"),
    ],
)
def test_truncation(day, gran, expected):
    assert value(from_date(day, gran)) == expected


def test_bounds_are_half_open_and_never_invent_days():
    assert bounds(Cal("month", 2023, 10)) == (datetime(2023, 10, 1), datetime(2023, 11, 1))
    assert bounds(Cal("quarter", 2024, n=4)) == (datetime(2024, 10, 1), datetime(2025, 1, 1))
    assert bounds(Cal("year", 10000)) is None  # out of datetime's range


def test_shift_keeps_granularity():
    assert value(shift(Cal("quarter", 1989, n=3), -1, "year")) == "1988-Q3"
    assert value(shift(Cal("month", 2023, 10), 53, "day")) == "2023-11"
    assert value(shift(Cal("day", 2023, 10, 7), 53, "day")) == "2023-11-29"


@pytest.mark.parametrize(
    ("name", "year", "expected"),
    [
        ("thanksgiving", 1999, date(1999, 11, 25)),
        ("easter", 2000, date(2000, 4, 23)),
        ("labor day", 2024, date(2024, 9, 2)),
        ("memorial day", 2024, date(2024, 5, 27)),
        ("election day", 2024, date(2024, 11, 5)),
        ("christmas", 2024, date(2024, 12, 25)),
    ],
)
def test_holidays(name, year, expected):
    assert holiday_date(name, year) == expected


def test_every_holiday_the_tagger_reads_has_a_date() -> None:
    from timeline.timex.vocab import HOLIDAY_NAMES

    assert len(HOLIDAY_NAMES) == len(set(HOLIDAY_NAMES))
    assert all(holiday_date(name, 2024) is not None for name in HOLIDAY_NAMES)
    # the Tuesday after the first Monday: November 8 when November 1 is a Tuesday
    assert holiday_date("election day", 2022) == date(2022, 11, 8)
    assert holiday_date("good friday", 2024) == date(2024, 3, 29)
