"""The one reader of dates that users and metadata give.

``published=`` and ``--published``, front matter, JSON fields, HTML meta tags, the tagger's
``dct`` argument and a TimeML document's creation time all go through ``parse_date``, so a
date accepted in one place is accepted in all of them. Dates found *in article text* are
the tagger's job (``timeline.timex``), not this module's.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from timeline.errors import DateError

_DATE_FORMATS = (
    "%B %d, %Y",
    "%b %d, %Y",
    "%B %d %Y",
    "%b %d %Y",
    "%d %B %Y",
    "%d %b %Y",
    "%d %B, %Y",
    "%Y/%m/%d",
    "%Y.%m.%d",
    "%Y%m%d",
)
_WEEKDAY = re.compile(r"^(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+", re.IGNORECASE)
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
    text = _ORDINAL.sub(r"\1", _WEEKDAY.sub("", text)).replace(".", "", 1 if "," in text else 0)
    for fmt in _DATE_FORMATS:
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
