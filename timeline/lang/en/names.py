"""English name cues: the words around people, organisations and places in news text."""

# Capitalized at a sentence start for grammar's sake, never names.
FUNCTION_WORDS = frozenset(
    """a an the this that these those his her its their our my your he she it they we i you
    in on at by for from with without into onto during after before since until till over
    under about around among amid against between through throughout across per via
    and or but nor so yet as if when while where whereas although though because once
    however meanwhile moreover also still then later earlier today yesterday tomorrow now
    last next some many most several both each every all any no not one two three four five
    there here what which who whom whose how why according following despite
    mr mrs ms dr""".split()
)
# Titles before a name: dropped from the actor ("Chief Rabbi Berl Lazar" -> "Berl Lazar").
TITLES = frozenset(
    """president vice prime minister chief rabbi pope king queen prince princess sheikh
    general gen secretary senator sen governor gov mayor ambassador chancellor premier
    spokesman spokeswoman spokesperson commander colonel col lieutenant lt sergeant sgt
    captain capt major judge justice dr mr mrs ms sir lord lady rev reverend father sister
    foreign defence defense interior deputy acting former state ceo cfo coo chairman
    chairwoman founder co-founder executive director""".split()
)
# Words that make a name an organisation or a place, not a person.
ORG_WORDS = frozenset(
    """inc corp corps co ltd llc plc company computer computers group bank ministry party
    army forces force council agency university college court courts times news post journal
    press store stores conference committee commission union association foundation institute
    department office house senate congress parliament government city county state states
    republic kingdom airlines airways motors systems technologies technology media network
    club team league church hospital school museum centre center street square river sea
    ocean island islands valley province region district airport station bridge park hall
    tower palace kibbutz brigades authority service services""".split()
)
# A company's legal form ends its name: "Apple Inc. Steve Jobs" is two names.
ORG_SUFFIXES = frozenset({"inc.", "corp.", "ltd.", "co.", "bros.", "plc", "llc", "ag", "sa"})
# Demonyms used as adjectives ("Russian nationals") are not actors by themselves.
DEMONYM_SUFFIXES = ("ian", "ese", "ish")
KNOWN_DEMONYMS = frozenset(
    """arab french dutch greek thai swiss israeli iraqi qatari saudi yemeni pakistani omani
    kuwaiti emirati somali bangladeshi american mexican korean european african cuban afghan
    turkish""".split()
)  # Lowercase words that join the parts of one name ("Bank of England", "Osama bin Laden").
NAME_PARTICLES = ("of", "de", "al", "bin")
# "Hamas-led", "Moscow-based": a hyphenated word that qualifies the name before it.
HYPHENATED_QUALIFIERS = ("led", "backed", "based", "run", "linked", "born", "controlled", "owned")
# The people a thing's name can qualify ("iPod users"): they take part, the thing not.
PEOPLE_OF_A_THING = frozenset(
    """user users owner owners buyer buyers customer customers subscriber subscribers
    fan fans""".split()
)
# Common nouns that open a sentence before the name they are of ("Shares of EADS rose"),
# even where the article does not use them mid-sentence.
COMMON_OPENERS = frozenset("shares stock stocks sales profits profit revenue".split())
# "the company" and the like: nouns that refer back to a company the article named
# ("Toyota Motor Corp., the Japanese automaker ... The automaker said").
COMPANY_REFERENCES = frozenset("company firm corporation automaker carmaker planemaker".split())
# Nouns an apposition calls a company by ("Acme, the Ohio toy maker").
COMPANY_NOUNS = frozenset(
    """company firm maker manufacturer carrier airline retailer giant conglomerate
    corporation""".split()
)
# The last word of a company's name: "Apple Computer", "Boeing Co.", "Ford Motor Company".
# A one-word name in the article stands for the one company of it ("Apple" -> "Apple Inc.").
COMPANY_FORMS = frozenset(
    """inc inc. corp corp. co co. ltd ltd. llc plc ag sa company computer computers group
    motors motor airlines airways systems technologies holdings s.a s.a. s.a.s s.a.s. sas
    n.v n.v. nv gmbh s.p.a s.p.a. spa b.v b.v. bv""".split()
)
