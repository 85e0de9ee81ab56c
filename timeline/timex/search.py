"""Finding candidates: the trigger scan and the one alternation of all rules.

Every rule is joined, in ``rules.PRIORITY`` order, into one alternation (named groups
stripped) so a single match at a position finds the rule that wins there; only a candidate
is re-parsed with its rule's own regex (``rules.base.regex_of``), which keeps the named
groups the handler reads. The full alternation is tried only around trigger words.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from timeline.lang import alternation
from timeline.timex.rules import RULES
from timeline.timex.vocab import FLAGS, MONTHS, NUMBERS, ORDINALS, VOCAB, expand

_NAMED = re.compile(r"\(\?P<\w+>")
# one pass: every rule as a top-level named group; inner groups anonymous
MASTER_PATTERN = (
    r"(?<![\w$£€.,\-/])(?:"
    + "|".join(f"(?P<{r.name}>{_NAMED.sub('(?:', expand(r.pattern))})" for r in RULES)
    + r")(?![\w%]|[.,]\d|-(?:\d|[a-z]))"
)


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
# Month names and holidays come from the tables; a short month word needs its end ("mar.",
# "may", not "mark", "maybe").
_SHORT_MONTHS = alternation(w for w in MONTHS if len(w) <= 4)
_LONG_MONTHS = alternation(w for w in MONTHS if len(w) > 4)
TRIGGER = re.compile(
    r"(?<![\d$.,])\d+(?![\d%]|[.,]\d)|(?<![a-z])(?:"
    rf"{_SHORT_MONTHS}(?:\.|\b)|{_LONG_MONTHS}|{VOCAB['WEEKDAY']}|{VOCAB['HOLIDAY']}"
    r"|today|tonight|yesterday|tomorrow"
    r"|now(?:adays)?\b|current|recent|lately|future|past\b|present(?:ly)?\b|overnight"
    r"|year|week|month|days?\b|quarter|decade|centur|millenni|hour|minute|seconds?\b"
    r"|fortnight|half\b|period|night|morning|afternoon|evening|spring|summer|fall\b"
    r"|mid(?=afternoon|morning|evening)"
    r"|autumn|winter|noon|midnight|midday|daily|annually|biweekly|biannually|semiannually"
    r"|eighteen|nineteen|twenties|thirties|forties|fifties"
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


def candidates(text: str) -> Iterator[tuple[str | None, int, int]]:
    """(rule, start, end) of every candidate, in text order, as ``master().finditer`` would
    give them, but trying the full regex only around trigger words."""
    low = text.lower()
    trig, rx = TRIGGER.finditer(low), master(True)
    if len(low) != len(text):
        # lowercasing changed offsets (rare scripts): match the text case-insensitively
        low, trig, rx = text, TRIGGER_I.finditer(text), master(False)
    done = 0
    for tm in trig:
        p = tm.start()
        if p < done:
            continue
        for s in _starts(low, p, done):
            m = rx.match(low, s)
            if m is not None and m.end() > p:
                done = m.end()
                yield m.lastgroup, m.start(), m.end()
                break


def _starts(low: str, p: int, floor: int) -> list[int]:
    """Word starts where a match covering ``p`` may begin: the run of modifier words
    right before it (leftmost first), then ``p`` itself."""
    starts = [p]
    q = p
    if p > floor and low[p - 1] == "'":
        q = p - 1  # "'90s"
        starts.append(q)
    elif p - 2 >= floor and low[p - 2 : p] == "fy":
        starts.append(p - 2)  # "FY2024"
    elif p - 1 >= floor and low[p - 1] in "qh" and (p < 2 or not low[p - 2].isalnum()):
        starts.append(p - 1)  # "Q3"
    for _ in range(7):
        # the word before q, across spaces or a hyphen ("mid-2024", "the past three")
        j = q
        while j > floor and low[j - 1] in _GAP:
            j -= 1
        if j == q or q - j > 24:
            break
        i = j
        while i > floor and j - i < 14 and low[i - 1].isalnum():
            i -= 1
        if i == j or low[i:j].lower() not in PREFIX_WORDS:
            break
        q = i
        starts.append(q)
    starts.reverse()
    return starts


_GAP = frozenset(" \t\r\n-")
