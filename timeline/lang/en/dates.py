"""English date words: the tagger's vocabulary (``timeline/timex/``) as data.

Months, weekdays, seasons, parts of day, numbers in words, units, modifiers, holidays, the
tense cues that say whether a clause looks back or ahead, and the event nouns a date can
name. The tagger's rules and its trigger regex are built from these tables.
"""

MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
WEEKDAYS = {
    "monday": 1,
    "tuesday": 2,
    "wednesday": 3,
    "thursday": 4,
    "friday": 5,
    "saturday": 6,
    "sunday": 7,
    "mon": 1,
    "tue": 2,
    "tues": 2,
    "wed": 3,
    "thu": 4,
    "thur": 4,
    "thurs": 4,
    "fri": 5,
    "sat": 6,
    "sun": 7,
}
SEASON_WORDS = {"spring": 0, "summer": 1, "fall": 2, "autumn": 2, "winter": 3}
POD_WORDS = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "overnight": "NI",
    "tonight": "NI",
    "daytime": "DT",
}
NUMBERS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "thousand": 1000,
    "a": 1,
    "an": 1,
    "a single": 1,
    "a couple of": 2,
    "a couple": 2,
    "couple of": 2,
    "a dozen": 12,
    "dozen": 12,
    "half a": 0.5,
    "a half": 0.5,
}
VAGUE_NUMBERS = (
    "several",
    "a few",
    "few",
    "many",
    "some",
    "dozens of",
    "a number of",
    "hundreds of",
    "thousands of",
    "numerous",
    "a handful of",
)
ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
}
# unit word -> (TIMEX3 duration letter, calendar unit name)
UNITS = {
    "second": ("S", "second"),
    "minute": ("M", "minute"),
    "hour": ("H", "hour"),
    "day": ("D", "day"),
    "night": ("D", "day"),
    "week": ("W", "week"),
    "weekend": ("WE", "weekend"),
    "fortnight": ("W", "fortnight"),
    "month": ("M", "month"),
    "quarter": ("Q", "quarter"),
    "season": ("Q", "season"),
    "year": ("Y", "year"),
    "decade": ("DE", "decade"),
    "century": ("CE", "century"),
    "centuries": ("CE", "century"),
    "millennium": ("L", "millennium"),
    "millennia": ("L", "millennium"),
}

# prefix modifiers -> TIMEX3 mod
MODS = {
    "early": "START",
    "the early": "START",
    "the beginning of": "START",
    "the start of": "START",
    "the dawn of": "START",
    "earlier": "START",
    "mid": "MID",
    "mid-": "MID",
    "the middle of": "MID",
    "the mid": "MID",
    "middle": "MID",
    "late": "END",
    "the late": "END",
    "the end of": "END",
    "the close of": "END",
    "the turn of": "END",
    "later": "END",
    "end": "END",
    "the latter part of": "END",
    "the first half of": "START",
    "the second half of": "END",
    "about": "APPROX",
    "around": "APPROX",
    "roughly": "APPROX",
    "some": "APPROX",
    "approximately": "APPROX",
    "nearly": "EQUAL_OR_LESS",
    "almost": "EQUAL_OR_LESS",
    "more than": "MORE_THAN",
    "over": "MORE_THAN",
    "less than": "LESS_THAN",
    "under": "LESS_THAN",
    "at least": "EQUAL_OR_MORE",
    "up to": "EQUAL_OR_LESS",
    "no more than": "EQUAL_OR_LESS",
    "at most": "EQUAL_OR_LESS",
    "just over": "MORE_THAN",
    "just under": "LESS_THAN",
    "within": "EQUAL_OR_LESS",
    "only": None,
    "just": None,
}

FIXED_HOLIDAYS = {
    "christmas": (12, 25),
    "christmas day": (12, 25),
    "christmas eve": (12, 24),
    "new year's day": (1, 1),
    "new year's eve": (12, 31),
    "independence day": (7, 4),
    "veterans day": (11, 11),
    "halloween": (10, 31),
    "valentine's day": (2, 14),
    "boxing day": (12, 26),
    "bastille day": (7, 14),
    "may day": (5, 1),
}
# (month, weekday, n[, days after]): Thanksgiving is the fourth Thursday of November
FLOATING_HOLIDAYS = {
    "thanksgiving": (11, 4, 4),
    "thanksgiving day": (11, 4, 4),
    "labor day": (9, 1, 1),
    "memorial day": (5, 1, -1),
    "mother's day": (5, 7, 2),
    "father's day": (6, 7, 3),
    "martin luther king day": (1, 1, 3),
    "martin luther king jr. day": (1, 1, 3),
    "presidents day": (2, 1, 3),
    "presidents' day": (2, 1, 3),
    "columbus day": (10, 1, 2),
    # US: the Tuesday after the first Monday of November
    "election day": (11, 1, 1, 1),
}
# days after (Gregorian) Easter Sunday
EASTER_HOLIDAYS = {"easter": 0, "easter sunday": 0, "good friday": -2}

FUTURE_CUES = (
    r"will|won't|'ll|shall|going\s+to|plans?\s+to|planned\s+to|planning\s+to"
    r"|scheduled|expects?\s+to|expected\s+to|is\s+to|are\s+to|set\s+to"
    r"|intends?\s+to|upcoming|to\s+be\s+held|would|might|as\s+(?:soon|early)\s+as"
    r"|due|next|tomorrow|ahead"
)
# Irregular simple-past forms (not -ed words): one table for the tagger's "looking back" cue
# (PAST_CUES, below) and the events stage's test for a clause's verb (lang/en/events.py).
# NEWS_PAST: the ones both read; MORE_PAST: the tagger's only (the events stage reading them
# too would change its clauses: widen it there, on its own evidence).
NEWS_PAST = (
    "said", "told", "began", "came", "went", "made", "took", "gave", "saw", "left", "won",
    "lost", "fell", "rose", "paid", "sold", "held", "met", "ran", "got", "fought", "grew",
    "kept", "knew", "led", "sent", "shot", "spoke", "stood", "struck", "threw", "wrote",
    "fled", "broke", "hung", "swore",
)  # fmt: skip
MORE_PAST = (
    "brought", "found", "bought", "became", "built", "chose", "drew", "drove", "flew", "meant",
    "spent", "thought", "sank", "stole", "wore", "caught", "dealt", "drank", "ate", "felt",
    "forgot", "froze", "heard", "hid", "laid", "lent", "rode", "rang", "sang", "sat", "slept",
    "sought", "stuck", "swept", "taught", "tore", "understood", "woke", "blew", "bled",
    "clung", "shook", "slid", "spun", "swung", "wept", "withdrew", "arose", "awoke", "forgave",
    "overcame", "overtook", "undertook", "upheld",
)  # fmt: skip
# Past forms that read as a present or a participle too ("they hit", "has begun"): a verb to
# the events stage, no tense cue to the tagger.
AMBIGUOUS_PAST = ("begun", "hit", "put")
# "had been due to expire Friday": a plan seen from the past is past
PAST_CUES = (
    r"(?:was|were|had\s+been)\s+(?:due|scheduled|expected|set|supposed|planned)"
    r"|was|were|had|did|ago|last|since|yesterday|"
    + "|".join(NEWS_PAST + MORE_PAST)
    # a lowercase -ed word: "United", "Ahmed" are names, not past verbs
    + r"|(?-i:[a-z])\w{2,}ed(?!\s+(?:to|for|by)\b)"
)

# event nouns by class: a date written right before one names that event ("the October 2023
# assault"), so a later "53 days after the attack" counts from it
DATED_EVENT_NOUNS = {
    "attack": (
        "attack",
        "attacks",
        "assault",
        "incursion",
        "raid",
        "invasion",
        "offensive",
        "incident",
        "massacre",
        "bombing",
        "shooting",
        "strike",
        "ambush",
        "onslaught",
    ),
    "vote": ("election", "elections", "vote", "ballot", "referendum", "poll", "primary"),
    "disaster": (
        "earthquake",
        "quake",
        "storm",
        "hurricane",
        "flood",
        "floods",
        "fire",
        "tsunami",
        "eruption",
        "crash",
        "disaster",
    ),
    "deal": ("ceasefire", "truce", "deal", "agreement", "accord", "treaty"),
    "coup": ("coup", "uprising", "revolution", "protests", "riots"),
}
