"""The data that flows between the stages.

files --load--> Article --tag--> Timex --events--> Event --frame--> DataFrame

Every stage takes the previous stage's objects only; these classes are the contract between
them. Offsets are character offsets into ``Article.text`` and survive every stage.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

# Precision names, coarsest first. Durations and PRESENT_REF-like values have no precision.
PRECISIONS = (
    "millennium",
    "century",
    "decade",
    "year",
    "half",
    "quarter",
    "season",
    "month",
    "week",
    "day",
    "time",
)
PRECISION_RANK = {name: rank for rank, name in enumerate(PRECISIONS)}  # coarsest is 0

# Separator of the multi-valued string columns of the frame (actors, sources, alt_values):
# the frame joins with it, the charts and the exports split on it.
SEPARATOR = "; "

# What a clause says of its happening (the frame's ``modality``). What did not happen, or
# only might, is kept in the frame and left off the charts and story exports by default.
MODALITIES = ("asserted", "planned", "reported", "hypothetical", "negated")
OFF_THE_CHART = frozenset({"hypothetical", "negated"})  # did not (or may not) happen
# How an event's date was obtained (the frame's ``date_basis``, a mention's): "stated"
# (date words in its sentence), "published" (the publication date), "carried" (the date of
# the story, or of the event the sentence goes on with), "unknown" (no date the text allows:
# a plan without a date, what did not happen, an article without a publication date; its
# value is "", its start NaT, and the charts list it as undated, never on the axis).
DATE_BASES = ("stated", "published", "carried", "unknown")
UNKNOWN_DATE = "unknown"
# how a chart's hover box and the lists under it mark an event that is not simply told
MODALITY_MARKS = {"planned": "planned", "hypothetical": "hypothetical", "negated": "did not happen"}


@dataclass(slots=True)
class Article:
    """One news article, as loaded from a file, a JSON line or built in code."""

    text: str
    source: str = "<text>"  # file path (or URL) the article came from
    title: str = ""
    outlet: str = ""  # who published it ("Reuters"), from metadata ``source:``
    published: date | None = None  # publication date: the anchor of "Wednesday", "last year"
    url: str | None = None
    line: int | None = None  # 1-based line number inside a JSON lines file
    record: int | None = None  # 1-based record number inside a JSON list of several
    author: str = ""  # byline, from metadata; several names "; "-joined
    image: str | None = None  # the lead image's URL (og:image), for credits and slides
    # where ``published`` came from: "html:meta", "html:json-ld", "html:url", "html:page"
    # (htmldate's stages), "feed", "metadata" (front matter, JSON, sidecar), "default"
    # (the caller's published=); "" when there is no date
    published_source: str = ""
    # ISO 639-1 code of the language the text is written in ("en", "es", "de"): given by
    # front matter or a JSON field ``language``, by ``extract(language=)``, or else detected
    # from the text when the article is tagged; "" until then
    language: str = ""

    @property
    def id(self) -> str:
        """A name that tells the reader which input this is: ``feed.jsonl:3`` (a line),
        ``list.json#2`` (a record of a JSON list) or the file itself."""
        if self.record is not None:
            return f"{self.source}#{self.record}"
        return f"{self.source}:{self.line}" if self.line is not None else self.source


@dataclass(slots=True)
class Timex:
    """A TIMEX3 expression found in a text and normalized.

    ``earliest``/``latest`` bound the interval the value allows, half-open:
    ``2023-10`` is [2023-10-01, 2023-11-01). Both are ``None`` when the value is not a
    point or interval on the calendar (durations, sets, ``PAST_REF``, unresolved
    ``XXXX-10``) or lies outside the years Python can hold.
    """

    start: int  # offset of the first character in the text
    end: int  # offset after the last character
    text: str  # the words, text[start:end]
    type: str  # DATE, TIME, DURATION or SET
    value: str  # TIMEX3 value: 2025-02-15, 2023-10, 2023-W07, P53D, PRESENT_REF, XXXX-10
    precision: str | None = None  # one of PRECISIONS, None for durations, sets, refs
    earliest: datetime | None = None
    latest: datetime | None = None  # exclusive
    mod: str | None = None  # TIMEX3 mod: START, MID, END, APPROX, BEFORE, AFTER, ...
    anchor: str | None = None  # what a relative value was computed from: "dct", a tid, None
    needs_dct: bool = False  # True when the value depends on the publication date
    tid: str = ""
    quant: str | None = None  # SET: EVERY, ...
    freq: str | None = None  # SET: 2X, ...
    range_end: str | None = None  # tid of the other end when this opens a range "from X to Y"


@dataclass(slots=True)
class Mention:
    """One place where an event is reported: an article, a sentence, the date words."""

    source: str
    sentence: str
    sentence_start: int  # offset of the sentence in the article text
    date_text: str
    char_start: int  # offsets of date_text in the article text
    char_end: int
    value: str
    precision: str | None
    label: str = ""
    title: str = ""
    url: str | None = None
    published: date | None = None
    outlet: str = ""  # the publisher named in the article's metadata
    author: str = ""
    image: str | None = None
    # A mention without date words of its own ("killed in the attack"): date_text and value
    # are "", the offsets are those of these words, which tie it to the event.
    via: str = ""
    # How the date was obtained (``DATE_BASES``): "stated" (date words in the sentence),
    # "published" (the publication date, for a headline, a lead or a present-tense report),
    # "carried" (the story's news date, carried to a past-tense sentence without one),
    # "unknown" (no date the text allows: value ""); "" for a mention placed by an event
    # noun ("in the attack"), which has no date of its own.
    date_basis: str = "stated"
    # What the sentence says of the happening: "asserted", "planned", "reported",
    # "hypothetical" or "negated" (the last two did not happen).
    modality: str = "asserted"
    lead: bool = False  # told in the headline or the first sentences
    language: str = ""  # the article's language ("en", "de"), given or detected


@dataclass(slots=True)
class Event:
    """Something that happened (or will), at a date, with every mention that reports it."""

    label: str
    timex: Timex  # the most precise date among the mentions
    mentions: list[Mention]
    actors: list[str] = field(default_factory=list)
    event_id: str = ""
    alt_values: list[str] = field(default_factory=list)  # dates other sources gave
    kind: str = "point"  # "point" or "range" (a "from X to Y" span)
    range_latest: datetime | None = None  # for ranges: the exclusive end of the range
    # Mentions beyond what a merged event keeps in full (``merge_events(max_mentions=)``):
    # counted, and their sources and outlets listed, so every report stays accounted for.
    extra_mentions: int = 0
    extra_sources: list[str] = field(default_factory=list)
    extra_outlets: list[str] = field(default_factory=list)
    salience: float = 0.0  # 0-1: sources, headline/lead, date precision, mentions

    @property
    def sources(self) -> list[str]:
        return list(dict.fromkeys([*(m.source for m in self.mentions), *self.extra_sources]))

    @property
    def outlets(self) -> list[str]:
        kept = (m.outlet for m in self.mentions if m.outlet)
        return list(dict.fromkeys([*kept, *self.extra_outlets]))

    @property
    def n_mentions(self) -> int:
        return len(self.mentions) + self.extra_mentions

    @property
    def date_conflict(self) -> bool:
        return bool(self.alt_values)


@dataclass(slots=True)
class ArticleStatus:
    """How one input fared: how many events came from it, or why none did."""

    source: str
    status: str  # "ok", "no_events" or "skipped"
    events: int = 0
    reason: str = ""
    line: int | None = None
    title: str = ""

    @property
    def id(self) -> str:
        return f"{self.source}:{self.line}" if self.line is not None else self.source


@dataclass(slots=True)
class Report:
    """Every input accounted for: one status per article (or unreadable input)."""

    articles: list[ArticleStatus] = field(default_factory=list)
    # Problems that did not stop an input from loading (a date that could not be read,
    # a guessed encoding, files a directory walk ignored); status "warning".
    warnings: list[ArticleStatus] = field(default_factory=list)
    # Rows of the events frame the report came with (set by ``to_frame``): events merged
    # across articles count once, so only the frame knows.
    events: int | None = None

    def add(self, status: ArticleStatus) -> None:
        self.articles.append(status)

    def warn(self, source: str, reason: str, line: int | None = None) -> None:
        status = ArticleStatus(source=source, status="warning", reason=reason, line=line)
        self.warnings.append(status)

    def skip(self, source: str, reason: str, line: int | None = None) -> None:
        self.add(ArticleStatus(source=source, status="skipped", reason=reason, line=line))

    @property
    def skipped(self) -> list[ArticleStatus]:
        return [a for a in self.articles if a.status == "skipped"]

    @property
    def read(self) -> list[ArticleStatus]:
        return [a for a in self.articles if a.status != "skipped"]

    def summary(self, n_events: int | None = None) -> str:
        """``"4 events from 3 articles, 1 input skipped"``; the events are those of the frame
        the report came with (``events``) unless ``n_events`` is given."""
        n_events = (self.events or 0) if n_events is None else n_events
        text = f"{_count(n_events, 'event')} from {_count(len(self.read), 'article')}"
        if self.skipped:
            text += f", {_count(len(self.skipped), 'input')} skipped"
        return text


def _count(n: int, noun: str) -> str:
    """``"1 article"``, ``"2 articles"``."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
