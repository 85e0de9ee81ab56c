"""English event words: what marks a happening, its tense, its clause and its date's words.

The events stage (``timeline/events/``) reads these tables; the regexes it builds from the
ordered ones (tuples) keep their order, as an alternation tries its words in order.
"""

from timeline.lang.en.dates import AMBIGUOUS_PAST, DATED_EVENT_NOUNS, NEWS_PAST, SEASON_WORDS
from timeline.lang.en.dates import MONTHS as _MONTH_NUMBERS
from timeline.lang.en.dates import WEEKDAYS as _WEEKDAY_NUMBERS

# The tagger's names of months and weekdays (with their abbreviations), as sets.
MONTHS = frozenset(_MONTH_NUMBERS)
WEEKDAYS = frozenset(_WEEKDAY_NUMBERS)
# Where a long label can be cut without leaving a phrase half told.
PHRASE_OPENERS = frozenset(
    "and but which who that between among with without from for after before because as "
    "while amid over under against during into in at on to by".split()
)
# Words that can be part of a date expression; anything after them inside a timex is the
# noun the date modifies ("the October incident").
DATE_WORDS = (
    MONTHS
    | WEEKDAYS
    | frozenset(SEASON_WORDS)
    | frozenset(
        """night morning afternoon evening noon midnight day days week weeks month months year
    years decade decades century weekend later earlier ago last next this early late mid
    today yesterday tomorrow tonight of the on in at
    a.m p.m am pm local time gmt utc hours o'clock midday dawn dusk
    quarter half beginning end start""".split()
    )
)
DETERMINERS = frozenset("the a an this that these those its their his her our".split())
TEMPORAL_PREPOSITIONS = frozenset(
    """on in at during since until till by from before after around about through
    throughout early late as of for""".split()
)
BOUNDARY_PREPOSITIONS = frozenset({"since", "until", "till"})  # the date bounds a state
# Words dropped with the date: its preposition, or what joins the two ends of a range.
CUT_WITH_DATE = TEMPORAL_PREPOSITIONS | frozenset({"to", "through", "and", "-", "–"})
IRREGULAR_PAST = frozenset(NEWS_PAST + AMBIGUOUS_PAST)  # the tagger's table (dates.py)
PLACING_PREPOSITIONS = frozenset({"during", "in", "amid", "at", "throughout"})
AUXILIARIES = frozenset(
    "is are was were be been being has have had will would shall should can could may "
    "might must do does did".split()
)
# in the order a regex tries them: "has been" before "has"
PASSIVE_AUXILIARIES = (
    "was", "were", "is", "are", "has been", "have been", "had been", "had", "has", "have",
)  # fmt: skip
IRREGULAR_PARTICIPLES = frozenset(
    """held met hit shot sent built struck caught brought kept left lost found made paid put
    run set sold told won hung bound fought led freed seen done gone born""".split()
)
# Event nouns and verbs by kind, so "assault", "attack" and "incursion" meet.
EVENT_CLASSES: dict[str, tuple[str, ...]] = {
    "attack": (
        "attack",
        "assault",
        "incursion",
        "invasion",
        "invade",
        "raid",
        "offensive",
        "massacre",
        "bombing",
        "bombard",
        "shelling",
        "strike",
        "ambush",
        "onslaught",
    ),
    "release": (
        "releas",
        "freed",
        "free",
        "freeing",
        "liberat",
        "exchang",
        "swap",
        "handover",
        "handed over",
    ),
    "capture": ("captur", "abduct", "kidnap", "seiz", "taken hostage", "took hostage"),
    "death": ("kill", "death", "dead", "died", "dies", "murder", "fatalit", "slain"),
    "meeting": ("meeting", "meet", "met", "receiv", "talks", "summit", "visit", "hosted"),
    "agreement": ("ceasefire", "truce", "agreement", "deal", "accord"),
    "arrest": ("arrest", "detain", "detention", "charged", "indict", "sentenc", "convict"),
    "crime": ("robbery", "robbed", "theft", "burglar", "stabb", "shooting", "fraud"),
    "thanks": ("thank", "gratitude", "appreciation"),
    "election": ("elect", "vote", "ballot"),
}
# Nouns that name a happening (besides the kinds' words above), with every noun the tagger
# takes for a dated event ("the October 2023 assault").
EVENT_NOUNS = frozenset(
    """war wars crisis election elections revolution olympics games cup pandemic outbreak
    storm hurricane earthquake flood floods fire fires recession summit protest protests riot
    riots coup referendum crash launch debut premiere collapse uprising conflict scandal
    trial verdict visit talks speech event incident""".split()
) | frozenset(noun for nouns in DATED_EVENT_NOUNS.values() for noun in nouns)
GENERIC_EVENT_NOUNS = frozenset({"incident", "event", "events", "episode", "affair", "day"})
# Event words matched only as themselves, not as stems ("free" is not "freedom").
SHORT_EXACT = frozenset({"free", "freed", "met", "meet", "dead", "deal", "died", "dies", "vote"})

# "X said (that) ...": speech verbs that report a sentence; "that" may follow.
SPEECH_VERBS = (
    "said", "says", "stated", "states", "claims", "claimed", "believes", "argued", "argues",
    "told reporters",
)  # fmt: skip
# Verbs that are happenings of their own unless a "that" clause follows ("Sun reported
# sales of $538 million").
REPORTING_VERBS = ("noted", "added", "reported", "mentioned", "announced")
# ", officials said" at a sentence's end: the attribution a label leaves out.
ATTRIBUTION_VERBS = (
    "said", "says", "reported", "announced", "confirmed", "added", "noted", "stated", "wrote",
)  # fmt: skip
# Words that open a fronted adverbial ("During the Kremlin meeting, ", "However, ").
FRONTING_WORDS = (
    "in", "on", "at", "during", "after", "before", "since", "following", "amid", "last",
    "earlier", "later", "by", "early", "late", "meanwhile", "however", "then", "also", "until",
    "within", "over", "under", "yesterday", "today", "tomorrow", "still", "unfortunately",
    "instead", "now", "despite", "with", "as",
)  # fmt: skip

# Modality: what a clause says of its happening (timeline/events/modality.py). Each is a
# regex alternation of lowercase words, tried in order.
NEGATION_CUES = (
    "not", "never", "no longer", "fail(?:s|ed)? to", "unable to", "refused to",
    "declined to",
)  # fmt: skip
HYPOTHETICAL_CUES = (
    "if", "unless", "whether", "would have", "could have", "might have", "should have",
    "could", "might", "may", "hopes? to", "hoped to", "wants? to", "wanted to",
    "seeks? to", "sought to", "tries to", "tried to", "threatens? to", "threatened to",
    "considering", "considers", "possible", "possibly", "potential", "perhaps",
    "rumou?red", "speculat\\w+", "imagine",
)  # fmt: skip
PLANNED_CUES = (
    "will", "shall", "'ll", "would", "is to", "are to", "was to", "were to", "going to",
    "plans? to", "planned to", "planning to", "scheduled", "expects? to", "expected to",
    "set to", "slated", "intends? to", "intended to", "upcoming", "to be held", "aims? to",
    "promised to", "pledged to", "vowed to", "proposed", "proposes",
)  # fmt: skip
REPORTED_CUES = (
    "said", "says", "told", "stated", "states", "claims?", "claimed", "alleged", "allegedly",
    "reportedly", "according to", "believes?", "believed",
)  # fmt: skip
# The tense of a sentence without a date: present tells a state at publication.
PRESENT_AUXILIARIES = ("is", "are", "has", "have", "does", "do")
PAST_AUXILIARIES = ("was", "were", "had", "did")
