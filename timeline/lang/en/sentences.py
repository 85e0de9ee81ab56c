"""English words for splitting news text into sentences."""

# Words that end in a period without ending the sentence (lowercase, without the dot).
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof st jr sr gen col lt sgt capt maj cmdr adm gov sen rep rev hon pres
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    no nos vs etc e.g i.e inc ltd co corp bros dept est fig approx al
    u.s u.k u.n e.u u.s.a a.m p.m""".split()
)
# Acronyms that can also end a sentence: a break follows them only before a typical opener.
SENTENCE_FINAL_ACRONYMS = frozenset({"u.s", "u.k", "u.n", "e.u", "u.s.a", "a.m", "p.m", "etc"})
SENTENCE_OPENERS = frozenset(
    "the a an he she it they we i in on at but and his her its their this that these those "
    "after before during when while however meanwhile".split()
)
