"""Vocabulary and the one compiled regex that finds candidate time expressions.

Each rule is a named pattern written with ``<<NAME>>`` placeholders for vocabulary. The
rules are joined, in priority order, into one alternation (named groups stripped) so a
single ``finditer`` pass finds every candidate; only a candidate is re-parsed with its
rule's own regex, which keeps the named groups the normalizer reads.

The vocabulary is data: ``timeline/lang/en/dates.py``.
"""

from __future__ import annotations

import re
from functools import cache

from timeline.lang import get_language

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


def _alt(words) -> str:
    """An alternation of words, longest first, spaces matching any whitespace."""
    items = sorted(set(words), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items) + ")"


_MONTH_FULL = [w for w in MONTHS if len(w) > 4 or w in ("may", "june", "july")]
_MONTH_ABBR = [w for w in MONTHS if w not in _MONTH_FULL]
_WD_FULL = [w for w in WEEKDAYS if w.endswith("day")]
_WD_ABBR = [w for w in WEEKDAYS if not w.endswith("day")]
_NUMWORD = _alt(w for w in NUMBERS if " " not in w and w not in ("a", "an", "dozen"))

VOCAB = {
    "MONTH": rf"(?:{_alt(_MONTH_FULL)}|{_alt(_MONTH_ABBR)}\.|{_alt(_MONTH_ABBR)}(?=\s+\d))",
    "WEEKDAY": rf"(?:{_alt(_WD_FULL)}|{_alt(_WD_ABBR)}\.)",
    "DAY": r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)",
    # a second day after "and" ("April 24 and 25"), not a count ("March 3 and 4,000 people")
    "DAY2": r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d|[,.]\d|\s*(?:%|percent)"
    r"|\s+(?!(?:in|at|on|for|with|when|to|the|as|before|after|and|or|this|next|last|from"
    r"|respectively|will|would|is|are|was|were)\b)[a-z])",
    "YEAR": r"(?:1[0-9]\d\d|20\d\d)(?![\d,]\d)",
    "SEASON": _alt(SEASON_WORDS),
    "POD": r"(?:morning|afternoon|evening|night)",
    "NUM": (
        rf"(?:\d+(?:\.\d+|\s+1/2|\s*½)?|{_NUMWORD}(?:(?:\s+|-)(?:and\s+)?{_NUMWORD})*"
        rf"(?:\s+and\s+a\s+half)?|{_alt(VAGUE_NUMBERS)}"
        rf"|a\s+couple(?:\s+of)?|couple\s+of|a\s+dozen|half\s+an?|an?)"
    ),
    "UNIT": (
        r"(?:(?:second|minute|hour|day|week|fortnight|month|quarter|year|decade)s?"
        r"|century|centuries|millenni(?:um|a))"
    ),
    "UNIT1": r"(?:day|week|weekend|month|quarter|year|decade|century)",
    "ORD": _alt(ORDINALS),
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
    "HOLIDAY": (
        r"(?:thanksgiving(?:\s+day)?|christmas(?:\s+(?:day|eve))?|new\s+year's"
        r"(?:\s+(?:day|eve))|easter(?:\s+sunday)?|good\s+friday|labor\s+day"
        r"|memorial\s+day|independence\s+day|election\s+day|veterans\s+day"
        r"|halloween|valentine's\s+day|boxing\s+day|mother's\s+day|father's\s+day"
        r"|martin\s+luther\s+king\s+(?:jr\.\s+)?day|presidents'?\s+day"
        r"|columbus\s+day|bastille\s+day|may\s+day)"
    ),
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

# (rule name, pattern). Order is priority: at a given position the first rule that
# matches wins, so longer and more specific forms come first.
RULES: list[tuple[str, str]] = [
    # 10 p.m. Wednesday / noon Thursday / 5 p.m. EST, Nov. 6
    (
        "clock_date",
        r"(?:(?:about|around)\s+)?(?P<clock><<CLOCK>>)<<ZONE>><<SEP>>"
        r"(?:(?P<wd><<WEEKDAY>>)|(?P<deic>today|yesterday|tomorrow)"
        r"|(?P<month><<MONTH>>)\s+(?P<day><<DAY>>)(?:<<SEP>>(?P<year><<YEAR>>))?)",
    ),
    # Wednesday, October 7, 2023 / October 7, 2023 / 7 October 2023 / October 7
    # (TimeML tags "Thursday, Jan. 6" as two timexes: the weekday rule takes the first)
    (
        "mdy",
        r"(?P<month><<MONTH>>)\s+(?P<day><<DAY>>)"
        r"(?:<<SEP>>(?P<year><<YEAR>>))?(?!\s*(?:-|to)\s*\d|\s+and\s+<<DAY2>>)",
    ),
    # March 3-9, 2024 / 3-9 March 2024 (two timexes, linked as a range)
    (
        "day_range",
        r"(?:(?P<month><<MONTH>>)\s+(?P<d1><<DAY>>)"
        r"(?:\s*(?:-|–|to|through|until)\s*|\s+and\s+(?=<<DAY2>>))(?P<d2><<DAY>>)"
        r"|(?P<d1x><<DAY>>)\s*(?:-|–|to|through|until|and)\s*"
        r"(?P<d2x><<DAY>>)\s+(?P<monthx><<MONTH>>))(?:<<SEP>>(?P<year><<YEAR>>))?",
    ),
    (
        "dmy",
        r"(?:the\s+)?(?P<day><<DAY>>)\s+(?:of\s+)?"
        r"(?P<month><<MONTH>>)(?:<<SEP>>(?P<year><<YEAR>>))?",
    ),
    (
        "iso",
        r"(?P<year>(?:1[0-9]|20)\d\d)[-/.](?P<month>0[1-9]|1[0-2])[-/.]"
        r"(?P<day>0[1-9]|[12]\d|3[01])"
        r"(?:[T\s](?P<hour>[01]\d|2[0-3]):(?P<minute>[0-5]\d))?(?![\d-])",
    ),
    (
        "slash",
        r"(?<![\d/])(?P<month>0?[1-9]|1[0-2])/(?P<day>0?[1-9]|[12]\d|3[01])/"
        r"(?P<year>(?:19|20)?\d\d)(?![\d/])",
    ),
    # early June 2024 / mid-February / the end of November
    (
        "month_year",
        r"(?P<pre><<PRE>>)?(?P<month><<MONTH>>)(?:<<SEP>>(?:of\s+)?(?:(?P<year><<YEAR>>)"
        r"|(?P<syear><<SYEAR>>))|(?P<rel>\s+(?:last|next|this)\s+year))?",
    ),
    # the third quarter of 1989 / third-quarter / Q1 2024 / the first half
    (
        "quarter",
        r"(?:the\s+)?(?:(?P<ypre><<YEAR>>|(?:this|last|next)\s+year's)\s+)?"
        r"(?:(?P<ago>(?:comparable\s+)?year-(?:ago|earlier))\s+)?"
        r"(?:(?P<fisc>fiscal|calendar)[\s-]+)?(?P<ord><<ORD>>|final|last|latest"
        r"|current|same|year-earlier|year-ago|comparable|previous|prior|preceding|recent)"
        r"(?:[\s-]+(?:fiscal|calendar))?[\s-]+(?P<unit>quarter|half|period)"
        r"(?:\s+of\s+(?:fiscal\s+|the\s+)?(?:(?P<year><<YEAR>>)|(?P<rel>last|this|next)"
        r"\s+year|year)|<<SEP>>(?P<year2><<YEAR>>))?"
        # "the last half of the century", "the first half of the '80s": not a year's half
        r"(?!\s+(?:of\s+the\s+)?centur|\s+of\s+the\s+(?:'\d0s|\d{3}0s|\w+ties)\b)",
    ),
    ("q_code", r"(?P<q>Q[1-4]|H[12])(?:(?:\s+|-|\s*')(?P<year><<YEAR>>|\d\d))?"),
    # the year-earlier quarter / year-ago
    (
        "year_ago_adj",
        r"(?:the\s+)?(?:(?:comparable|corresponding|same)\s+)?year-(?:earlier|ago)"
        r"(?P<noun>\s+(?:quarter|period|month|level|results?|figures?"
        r"|(?:three|six|nine|twelve|\d{1,2})\s+months))?"
        # the corresponding period last year / the quarter a year ago / last year's quarter
        r"|(?:the\s+)?(?:(?:comparable|corresponding|same)\s+)?(?P<noun2>quarter|period)"
        r"\s+(?:of\s+)?(?:a\s+year\s+(?:ago|earlier)|last\s+year|the\s+previous\s+year)"
        r"|last\s+year's\s+(?P<noun3>quarter|period)",
    ),
    # earlier this year / later this month / early next year / the end of this week
    (
        "rel_mod",
        r"(?P<pre><<PRE>>|(?:earlier|later)\s+(?:in\s+)?)(?P<rel>last|next|this|that"
        r"|the\s+(?:past|previous|following|same|current|coming)|the)\s+"
        r"(?P<unit><<UNIT1>>|<<SEASON>>|<<MONTH>>|<<POD>>)",
    ),
    # the past three years / the next two months / the first nine months
    (
        "rel_dur",
        r"(?:(?P<approx><<APPROX>>)\s+)?(?:the\s+|these\s+)?(?P<rel>past|last|next|coming"
        r"|previous|following|first|final|recent|latest|remaining|initial|same)\s+"
        r"(?P<num><<NUM>>)\s+(?P<unit><<UNIT>>)(?P<orso>\s+or\s+so)?"
        # "the first two quarters of 1990" is 1990-H1 ("the first nine months of 1997" is
        # a duration and a year)
        r"(?:(?:(?<=first two quarters)|(?<=first six months)|(?<=first three months)"
        r"|(?<=last two quarters)|(?<=last six months)|(?<=last three months))\s+of\s+"
        r"(?P<year><<YEAR>>))?",
    ),
    # the next day / the following week / the previous year / the day before
    (
        "anaph",
        r"the\s+(?:(?P<rel>next|following|previous|preceding|prior|same)\s+"
        r"(?P<unit><<UNIT1>>|<<POD>>|<<WEEKDAY>>)|(?P<rel2>day\s+before|day\s+after))",
    ),
    # last year / next month / this week / last Friday / this spring / last night
    (
        "rel",
        r"(?:the\s+)?(?P<rel><<REL>>|that(?:\s+same)?)\s+(?:fiscal\s+)?"
        r"(?P<unit><<UNIT1>>|<<WEEKDAY>>|<<SEASON>>"
        r"|<<MONTH>>(?!\s*\d)|<<POD>>)(?:\s+(?P<pod><<POD>>))?(?P<orso>\s+or\s+so)?",
    ),
    # 53 days later / two years ago / a year earlier / three weeks from now
    (
        "offset",
        r"(?:(?P<approx><<APPROX>>)\s+)?(?P<num><<NUM>>)[\s-]+(?P<unit><<UNIT>>)"
        r"(?:\s+(?:and\s+(?:a\s+half|<<NUM>>\s+<<UNIT>>)))?(?P<orso>\s+or\s+so)?\s+"
        r"(?P<dir>ago|earlier|later|hence|from\s+now|back|(?:before|after|since)"
        r"(?!\s+(?:the|a|an|his|her|their|its|he|she|they|it|when|we|I|you)\b))"
        r"(?=\W|$)",
    ),
    # years ago / weeks later: a vague offset
    (
        "vague_offset",
        r"(?P<unit>years|months|weeks|days|decades|hours|minutes)\s+"
        r"(?P<dir>ago|later|earlier)",
    ),
    # today / now / yesterday morning / tonight
    (
        "deictic",
        r"(?P<pre>mid-|(?:mid|late|early|later|earlier)\s+)?(?P<w>the\s+day\s+before\s+"
        r"yesterday|the\s+day\s+after\s+tomorrow|today|tonight|overnight|yesterday"
        r"|tomorrow|nowadays|now|currently|recently|lately"
        r"|the\s+future|the\s+past(?!\s+(?:<<NUM>>|several|few|many)\s)|the\s+present|at\s+present|presently"
        r"|(?:in\s+)?(?:recent|coming)\s+(?:years|months|weeks|days|decades|times)"
        r"|future\s+(?:years|months|weeks|quarters|decades|generations)"
        r"|these\s+days|current|recent)(?:\s+(?P<pod><<POD>>))?"
        r"(?!\s+(?:account|affairs|events|slot|rate|law|system|yield|price)\b)",
    ),
    # Wednesday night / Friday / on Tuesdays / mid-afternoon
    (
        "weekday",
        r"(?P<pre>(?:early|late)\s+)?(?P<wd><<WEEKDAY>>)(?P<plural>s)?"
        r"(?:\s+(?P<pod><<POD>>)(?P<podplural>s\b)?)?",
    ),
    (
        "clock",
        r"(?:(?P<approx>about|around)\s+)?(?P<clock><<CLOCK>>)<<ZONE>>"
        r"(?:\s+(?P<deic>today|yesterday|tomorrow))?",
    ),
    (
        "pod",
        r"(?:(?P<pre>mid|early|late)(?:[\s-]+|(?=afternoon|morning|evening)))?"
        r"(?P<pod>afternoon|morning|evening)(?:\s+(?P<deic>yesterday|today|tomorrow))?",
    ),
    # every day / each year / daily / twice a week / on Mondays
    (
        "set",
        r"(?P<q>every|each|per)\s+(?:(?P<num><<NUM>>)\s+)?(?P<unit><<UNIT>>|<<WEEKDAY>>"
        r"|<<MONTH>>|<<SEASON>>|<<POD>>)",
    ),
    (
        "set_adv",
        r"(?P<adv>daily|weekly|monthly|annually|yearly|hourly|quarterly|nightly"
        r"|biweekly|biannually|semiannually)",
    ),
    (
        "set_freq",
        r"(?P<freq>once|twice|thrice|<<NUM>>\s+times)\s+(?:a|an|per|each|every)\s+"
        r"(?P<unit><<UNIT1>>)",
    ),
    # the 1990s / the late '90s / the nineties / the 20th century
    ("decade", r"(?P<pre><<PRE>>|the\s+)?(?:(?P<d4>1\d\d0|20\d0)|'(?P<d2>\d0))'?s(?!\w)"),
    ("century", r"(?P<pre><<PRE>>|the\s+)?(?P<c>\d{1,2})(?:st|nd|rd|th)\s+century"),
    # mid-2024 / fiscal 1989 / the end of 1990 / summer 2003
    (
        "year_mod",
        r"(?P<pre><<PRE>>|(?P<fy>fiscal(?:\s+year)?\s+|FY\s*)"
        r"|(?:the\s+)?(?P<season><<SEASON>>)"
        r"<<SEP>>(?:of\s+)?)(?:(?P<year><<YEAR>>)|(?P<syear><<SYEAR>>))",
    ),
    ("season", r"(?P<pre><<PRE>>|the\s+)?(?P<season><<SEASON>>)"),
    # the week of March 6
    (
        "week_of",
        r"the\s+week\s+of\s+(?P<month><<MONTH>>)\s+(?P<day><<DAY>>)"
        r"(?:<<SEP>>(?P<year><<YEAR>>))?",
    ),
    # the 1989 period / the 1988 fourth quarter handled by quarter; this one for "period"
    # Thanksgiving Day / last Christmas / Easter week / Election Day
    (
        "holiday",
        r"(?:(?P<rel>last|next|this)\s+)?(?P<h><<HOLIDAY>>)(?:<<SEP>>(?P<year><<YEAR>>))?"
        r"(?P<week>\s+week(?:end)?)?",
    ),
    # year-end / by year's end / the end of the year handled by rel_mod
    ("year_end", r"(?:around\s+)?(?:fiscal\s+)?year(?:-|\s+|'s\s+)end"),
    # the near future / the short term
    (
        "vague_ref",
        r"the\s+(?:(?P<near>near|immediate|foreseeable)\s+future|(?P<term>near|short"
        r"|long)\s+term|(?P<time>days|weeks|months|years)\s+(?P<dir>ahead|to\s+come))",
    ),
    # nineteen ninety-six / the nineties
    (
        "spelled_year",
        r"(?P<c>eighteen|nineteen)[\s-]+(?P<y><<TENS>>(?:[\s-]+<<UNITS>>)?|<<TEENS>>"
        r"|oh[\s-]+<<UNITS>>|hundred)",
    ),
    (
        "spelled_decade",
        r"(?P<pre><<PRE>>|the\s+)(?P<d>twenties|thirties|forties|fifties|sixties"
        r"|seventies|eighties|nineties)",
    ),
    # the year 2000 / the year two thousand (and one)
    (
        "year_named",
        r"the\s+year\s+(?:(?P<year><<YEAR>>)|two\s+thousand(?:\s+(?:and\s+)?"
        r"(?P<tail><<TEENS>>|<<UNITS>>|<<TENS>>(?:[\s-]+<<UNITS>>)?))?)",
    ),
    ("year_period", r"the\s+(?P<year><<YEAR>>)\s+(?:period|fiscal\s+year|year)"),
    # durations: three years / the nine months / a 10-year / 24 hours / weeks
    (
        "duration",
        r"(?:(?P<approx><<APPROX>>)\s+)?(?:the\s+)?(?P<num><<NUM>>)(?:[\s-]+|-)"
        r"(?:(?:more|additional|extra|further|straight|consecutive)\s+)?"
        r"(?:(?P<to>to|or)\s+<<NUM>>[\s-]+)?(?P<unit><<UNIT>>)(?P<half>\s+and\s+a\s+half)?"
        r"(?P<long>[\s-]+long)?"
        r"(?P<orso>\s+or\s+so)?",
    ),
    # day-long / decades-long ("6-year-old" is an age: not a timex)
    ("unit_adj", r"(?P<unit>(?:day|week|month|year|decade|centur(?:y|ie))s?)-long"),
    ("bare_units", r"(?P<w>years|months|weeks|decades|days|hours|minutes|centuries)"),
    (
        "the_unit",
        r"the\s+(?P<fy>(?:fiscal|full|calendar)\s+)?(?P<unit>year|quarter|month|week"
        r"|weekend|day)(?!-)",
    ),
    ("year", r"(?P<year><<YEAR>>)"),
]


def _expand(pattern: str) -> str:
    for _ in range(3):
        for name, sub in VOCAB.items():
            pattern = pattern.replace(f"<<{name}>>", sub)
    return pattern


_NAMED = re.compile(r"\(\?P<\w+>")
FLAGS = re.IGNORECASE
# one pass: every rule as a top-level named group; inner groups anonymous
MASTER_PATTERN = (
    r"(?<![\w$£€.,\-/])(?:"
    + "|".join(f"(?P<{name}>{_NAMED.sub('(?:', _expand(p))})" for name, p in RULES)
    + r")(?![\w%]|[.,]\d|-(?:\d|[a-z]))"
)


# Compiling these big patterns takes ~0.2 s, so it happens on first use, not at import.
@cache
def rule_re(name: str) -> re.Pattern[str]:
    """A rule's own regex, with the named groups its handler reads."""
    return re.compile(_expand(dict(RULES)[name]), FLAGS)


@cache
def master(lowercased: bool = True) -> re.Pattern[str]:
    """The alternation of all rules. For lowercased text it is compiled case-sensitively,
    which is about twice as fast: literal first characters let the engine skip
    alternatives (letters after a backslash or "(?" are kept)."""
    if not lowercased:
        return re.compile(MASTER_PATTERN, FLAGS)
    return re.compile(re.sub(r"(?<!\\)(?<!\(\?)[A-Z]", lambda m: m.group().lower(), MASTER_PATTERN))


# ---------------------------------------------------------------- fast candidate search
# Every rule's match contains one of these at a word start ("quarter" in "the third
# quarter", the digits of "53 days later"). Scanning lowercased text for them is several
# times faster than trying the full alternation at every position; the full regex is then
# tried only at the trigger and at the few modifier words right before it.
TRIGGER = re.compile(
    r"(?<![\d$.,])\d+(?![\d%]|[.,]\d)|(?<![a-z])(?:"
    r"(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)(?:\.|\b)|may\b|january|february"
    r"|march|april|june|july|august|september|october|november|december"
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:mon|tues?|wed|thu|thurs?|fri|sat|sun)\."
    r"|today|tonight|yesterday|tomorrow"
    r"|now(?:adays)?\b|current|recent|lately|future|past\b|present(?:ly)?\b|overnight"
    r"|year|week|month|days?\b|quarter|decade|centur|millenni|hour|minute|seconds?\b"
    r"|fortnight|half\b|period|night|morning|afternoon|evening|spring|summer|fall\b"
    r"|mid(?=afternoon|morning|evening)"
    r"|autumn|winter|noon|midnight|midday|daily|annually|biweekly|biannually|semiannually"
    r"|thanksgiving|christmas|new\s+year's|easter|good\s+friday|labor\s+day|memorial\s+day"
    r"|independence\s+day|election\s+day|veterans\s+day|halloween|valentine's"
    r"|boxing\s+day|mother's|father's|martin\s+luther|presidents|columbus\s+day"
    r"|bastille\s+day|may\s+day|eighteen|nineteen|twenties|thirties|forties|fifties"
    r"|sixties|seventies|eighties|nineties|term\b|ahead|to\s+come)"
)
TRIGGER_I = re.compile(TRIGGER.pattern, re.IGNORECASE)
# words that may open a match before its trigger: determiners, modifiers, numbers
PREFIX_WORDS = (
    frozenset(
        "the a an this that these last next past coming previous following current prior "
        "preceding same early late mid middle very beginning start end close turn dawn of "
        "latter part first second third fourth 1st 2nd 3rd 4th final latest fiscal calendar "
        "comparable recent coming nearly more than less at least up to no most fewer roughly "
        "approximately about around every each per earlier later once twice thrice times "
        "several few many some dozen dozens couple number handful hundreds thousands numerous "
        "and single half q1 q2 q3 q4 h1 h2 fy in over within after took remaining initial "
        "for take takes lasted full more additional extra further straight consecutive near "
        "immediate foreseeable short long around corresponding".split()
    )
    | frozenset(w for w in NUMBERS if " " not in w)
    | frozenset(ORDINALS)
)
