"""The one reader of dates that users and metadata give.

``published=`` and ``--published``, front matter, JSON fields, HTML meta tags, the tagger's
``dct`` argument and a TimeML document's creation time all go through ``parse_date``, so a
date accepted in one place is accepted in all of them. Dates found *in article text* are
the tagger's job (``timeline.timex``), not this module's.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import cache

from timeline.errors import DateError
from timeline.lang import alternation

# Numeric layouts only: month and weekday names are read from the English tables
# (``timeline/lang/en/dates.py``), the same words the tagger knows.
_NUMERIC_FORMATS = ("%Y/%m/%d", "%Y.%m.%d", "%Y%m%d")
_ORDINAL = re.compile(r"(\d)(st|nd|rd|th)\b", re.IGNORECASE)


def parse_date(value: str) -> date | None:
    """A date as written in metadata (ISO, RFC 2822, "March 6, 2025"), or None.

    Impossible dates ("February 30, 2025") and years past 9999 give None, never a guess.
    """
    text = " ".join(value.split())
    if not text or len(text) > 80:
        return None
    iso = _parse_iso(text)
    if iso is not None:
        return iso
    from email.utils import parsedate_to_datetime  # late: only RFC 2822 dates need it

    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError, OverflowError):
        pass
    text = _ORDINAL.sub(r"\1", _weekday().sub("", text)).replace(".", "", 1 if "," in text else 0)
    named = _named(text)
    if named is not None:
        return named
    for fmt in _NUMERIC_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def as_date(value: date | datetime | str | None) -> date | None:
    """A date, datetime or date string as a date; None for anything unreadable (never raises).

    A datetime's time is dropped: every anchor in the package is a calendar day.
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        return parse_date(value)
    return None


def parse_date_arg(value: date | datetime | str | None) -> date | None:
    """The user's ``published=`` value as a date; ``DateError`` saying what to give."""
    if value is None or value == "":
        return None
    parsed = as_date(value)
    if parsed is None:
        raise DateError(
            f"publication date {value!r} is not a date: give it as YYYY-MM-DD, e.g. 2025-03-06"
        )
    return parsed


def _named(text: str) -> date | None:
    """ "March 6, 2025", "Mar 6 2025", "6 March 2025", "6 March, 2025"; None otherwise."""
    from timeline.lang.en.dates import MONTHS

    match = _named_pattern().fullmatch(text)
    if match is None:
        return None
    month = MONTHS[(match["month1"] or match["month2"]).lower()]
    try:
        return date(int(match["year"]), month, int(match["day1"] or match["day2"]))
    except ValueError:
        return None


@cache
def _named_pattern() -> re.Pattern[str]:
    from timeline.lang.en.dates import MONTHS

    months = alternation(MONTHS)
    return re.compile(
        rf"(?:(?P<month1>{months})\s+(?P<day1>\d{{1,2}}),?"
        rf"|(?P<day2>\d{{1,2}})\s+(?P<month2>{months}),?)\s+(?P<year>\d{{4}})",
        re.IGNORECASE,
    )


@cache
def _weekday() -> re.Pattern[str]:
    """A leading weekday ("Thursday, ", "Thu. ", "Weds "), dropped before the date is read."""
    from timeline.lang.en.dates import WEEKDAYS

    return re.compile(rf"^{alternation(WEEKDAYS)}[a-z]*\.?,?\s+", re.IGNORECASE)


def _parse_iso(text: str) -> date | None:
    if not re.match(r"\d{4}-\d{2}-\d{2}", text):
        return None
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    if len(text) > 10 and text[10] not in "T ":  # "2025-03-06garbage" is not a date
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None
