"""The tagger's vocabulary as regex pieces: ``<<MONTH>>``, ``<<NUM>>``... in a rule's pattern.

The words come from ``timeline/lang/en/dates.py``; this module only turns them into
alternations, so a rule never spells a word itself.
"""

from __future__ import annotations

import re

from timeline.lang import alternation, get_language

_EN = get_language("en").dates
MONTHS = _EN.MONTHS
WEEKDAYS = _EN.WEEKDAYS
SEASON_WORDS = _EN.SEASON_WORDS
POD_WORDS = _EN.POD_WORDS
NUMBERS = _EN.NUMBERS
VAGUE_NUMBERS = _EN.VAGUE_NUMBERS
ORDINALS = _EN.ORDINALS
UNITS = _EN.UNITS
MODS = _EN.MODS
# every holiday the calendar can date, as written
HOLIDAY_NAMES = (*_EN.FIXED_HOLIDAYS, *_EN.FLOATING_HOLIDAYS, *_EN.EASTER_HOLIDAYS)


_MONTH_FULL = [w for w in MONTHS if len(w) > 4 or w in ("may", "june", "july")]
_MONTH_ABBR = [w for w in MONTHS if w not in _MONTH_FULL]
_WD_FULL = [w for w in WEEKDAYS if w.endswith("day")]
_WD_ABBR = [w for w in WEEKDAYS if not w.endswith("day")]
_NUMWORD = alternation(w for w in NUMBERS if " " not in w and w not in ("a", "an", "dozen"))

VOCAB = {
    "MONTH": (
        rf"(?:{alternation(_MONTH_FULL)}|{alternation(_MONTH_ABBR)}\."
        rf"|{alternation(_MONTH_ABBR)}(?=\s+\d))"
    ),
    "WEEKDAY": rf"(?:{alternation(_WD_FULL)}|{alternation(_WD_ABBR)}\.)",
    "DAY": r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)",
    # a second day after "and" ("April 24 and 25"), not a count ("March 3 and 4,000 people")
    "DAY2": r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d|[,.]\d|\s*(?:%|percent)"
    r"|\s+(?!(?:in|at|on|for|with|when|to|the|as|before|after|and|or|this|next|last|from"
    r"|respectively|will|would|is|are|was|were)\b)[a-z])",
    "YEAR": r"(?:1[0-9]\d\d|20\d\d)(?![\d,]\d)",
    "SEASON": alternation(SEASON_WORDS),
    "POD": r"(?:morning|afternoon|evening|night)",
    "NUM": (
        rf"(?:\d+(?:\.\d+|\s+1/2|\s*½)?|{_NUMWORD}(?:(?:\s+|-)(?:and\s+)?{_NUMWORD})*"
        rf"(?:\s+and\s+a\s+half)?|{alternation(VAGUE_NUMBERS)}"
        rf"|a\s+couple(?:\s+of)?|couple\s+of|a\s+dozen|half\s+an?|an?)"
    ),
    "UNIT": (
        r"(?:(?:second|minute|hour|day|week|fortnight|month|quarter|year|decade)s?"
        r"|century|centuries|millenni(?:um|a))"
    ),
    "UNIT1": r"(?:day|week|weekend|month|quarter|year|decade|century)",
    "ORD": alternation(ORDINALS),
    "ZONE": (
        r"(?:\s+(?:[ECMP][SD]?T|GMT|UTC|BST|CES?T|IST|JST|AEST|MSK|local\s+time)"
        r"(?![a-z]))?"
    ),
    "CLOCK": (
        r"(?:(?:[01]?\d|2[0-3])(?::[0-5]\d)?\s*(?:a\.?m\b\.?|p\.?m\b\.?)"
        r"|(?:[01]?\d|2[0-3]):[0-5]\d(?!\d)|(?:1[0-2]|0?[1-9])\s+o'clock|noon|midnight|midday"
        r"|(?:1[0-2]|0?[1-9])\s+in\s+the\s+(?:morning|afternoon|evening))"
    ),
    "PRE": (
        r"(?:(?:the\s+)?(?:very\s+)?(?:early|late|mid|middle)(?:-|\s+)"
        r"|(?:the\s+)?(?:beginning|start|middle|end|close|turn|dawn|latter\s+part)"
        r"\s+of\s+(?:the\s+)?|(?:the\s+)?(?:first|second)\s+half\s+of\s+(?:the\s+)?)"
    ),
    # only the modifiers TimeML puts inside the span ("about", "over", "within" stay out)
    "APPROX": (
        r"(?:nearly|more\s+than|less\s+than|at\s+least|up\s+to|no\s+more\s+than"
        r"|at\s+most|fewer\s+than|roughly|approximately)"
    ),
    "HOLIDAY": alternation(HOLIDAY_NAMES),
    # a spelled year after a month or season: "January nineteen ninety-seven"
    "SYEAR": r"(?:eighteen|nineteen)[\s-]+(?:<<TENS>>(?:[\s-]+<<UNITS>>)?|<<TEENS>>)",
    "TENS": r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)",
    "UNITS": r"(?:one|two|three|four|five|six|seven|eight|nine)",
    "TEENS": (
        r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen"
        r"|nineteen)"
    ),
    # "October 7, 2023", "October 7 , 2023" (tokenized text), "October 7 2023"
    "SEP": r"(?:\s*,\s*|\s+)",
    "REL": (
        r"(?:this\s+past|this\s+coming|last|next|this|coming|past|previous|following"
        r"|current|prior|preceding|same)"
    ),
}


def expand(pattern: str) -> str:
    for _ in range(3):
        for name, sub in VOCAB.items():
            pattern = pattern.replace(f"<<{name}>>", sub)
    return pattern


FLAGS = re.IGNORECASE
