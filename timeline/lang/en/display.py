"""English words of a date shown to a reader ("Wednesday night, 5 March 2025", "early
October 2023"): the export pages' event lists and story slides (``timeline/export/display.py``).

Month and weekday names are the tagger's own (``dates.py``), capitalised: the longest word
of each number is its full name.
"""

from timeline.lang.en.dates import MONTHS as _MONTH_NUMBERS
from timeline.lang.en.dates import WEEKDAYS as _WEEKDAY_NUMBERS


def _names(table: dict[str, int]) -> tuple[str, ...]:
    """The full name of each number of a word -> number table, in number order."""
    full: dict[int, str] = {}
    for word, number in table.items():
        if len(word) > len(full.get(number, "")):
            full[number] = word
    return tuple(full[n].capitalize() for n in sorted(full))


MONTHS = _names(_MONTH_NUMBERS)  # "January" ... "December"
WEEKDAYS = _names(_WEEKDAY_NUMBERS)  # "Monday" ... "Sunday" (ISO order)
# TIMEX3 part-of-day and season codes as words
PARTS_OF_DAY = {"MO": "morning", "AF": "afternoon", "EV": "evening", "NI": "night", "DT": "day"}
SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
# TIMEX3 mod -> how a reader says it
MODS = {
    "APPROX": "about {}",
    "START": "early {}",
    "MID": "mid-{}",
    "END": "late {}",
    "BEFORE": "before {}",
    "AFTER": "after {}",
    "ON_OR_BEFORE": "on or before {}",
    "ON_OR_AFTER": "on or after {}",
    "LESS_THAN": "less than {}",
    "MORE_THAN": "more than {}",
    "EQUAL_OR_LESS": "at most {}",
    "EQUAL_OR_MORE": "at least {}",
}
# an event the text gives no date for (date_basis "unknown"), in the lists under a chart
UNKNOWN_DATE = "date unknown"
# "the 21st century"
ORDINAL_SUFFIXES = {1: "st", 2: "nd", 3: "rd"}
ORDINAL_SUFFIX = "th"


def ordinal(n: int) -> str:
    """ "1st", "12th", "21st", "113th" """
    teen = 10 <= n % 100 <= 20
    return f"{n}{ORDINAL_SUFFIX if teen else ORDINAL_SUFFIXES.get(n % 10, ORDINAL_SUFFIX)}"
