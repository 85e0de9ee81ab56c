"""From time expressions to events: what happened, when, who, and where it was reported.

``build_events`` works within one article: each date that anchors a happening becomes a
mention with a label (the clause the date belongs to, shortened) and actors; mentions of the
same happening merge, the most precise date winning ("the October 2023 assault" and "the
October 7, 2023, attack"); dateless sentences placed "in the attack" join that event.

``merge_events`` works across articles: the same happening reported by several sources
becomes one event listing them all; where they disagree on the date, the date most sources
give wins and the others are kept in ``alt_values``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache

from timeline._clauses import (
    AUXILIARIES,
    DATE_WORDS,
    Anchor,
    anchor_date,
    dateless_label,
    event_classes,
    event_reference,
    is_generic_noun,
    shorten,
    trigger_class,
)
from timeline._text import (
    FUNCTION_WORDS,
    Sentence,
    clean_actor,
    find_names,
    full_name,
    is_title_case,
    sentence_initial,
    split_sentences,
)
from timeline.model import PRECISION_RANK, Article, Event, Mention, Timex

NOT_EVENTS = frozenset({"DURATION", "SET"})
CONFLICT_WINDOW = timedelta(days=62)  # further apart, same words are another happening


@dataclass(slots=True)
class _Candidate:
    """A date in the article with what it dates."""

    timex: Timex
    sentence: Sentence
    anchor: Anchor
    actors: list[str]
    mention: Mention
    features: _Features | None = None  # computed once, on first use

    @property
    def own_features(self) -> _Features:
        if self.features is None:
            self.features = _candidate_features(self)
        return self.features


@dataclass(slots=True)
class _Cluster:
    members: list[_Candidate] = field(default_factory=list)
    dateless: list[tuple[Mention, list[str]]] = field(default_factory=list)
    _head: _Candidate | None = None  # caches, reset when a member joins
    _features: _Features | None = None

    def add(self, candidate: _Candidate) -> None:
        self.members.append(candidate)
        self._head = self._features = None

    @property
    def head(self) -> _Candidate:
        """The mention that gives the event its date and label: the most precise date (a
        time of day counts as its day), a told clause rather than a bare noun, told first."""
        if self._head is None:
            self._head = min(
                self.members,
                key=lambda c: (-_label_rank(c.timex), c.anchor.noun_only, c.timex.start),
            )
        return self._head

    @property
    def features(self) -> _Features:
        if self._features is None:
            self._features = _cluster_features(self)
        return self._features


# =======================================================================================
# Within an article


def build_events(article: Article, timexes: list[Timex]) -> list[Event]:
    """The events one article reports, each with every mention of it in the article."""
    sentences = split_sentences(article.text)
    actors = _ArticleActors(sentences)
    source = article.id  # one string for all the article's mentions
    candidates = _candidates(article, timexes, sentences, actors, source)
    clusters = _cluster(candidates)
    _attach_dateless(article, sentences, candidates, clusters, actors, source)
    events = [_event_from_cluster(cluster, timexes) for cluster in clusters]
    return _numbered(events)


def _candidates(
    article: Article,
    timexes: list[Timex],
    sentences: list[Sentence],
    actors: _ArticleActors,
    source: str,
) -> list[_Candidate]:
    range_ends = {t.range_end for t in timexes if t.range_end}
    found = []
    starts = [s.start for s in sentences]
    timex_starts = [t.start for t in timexes]
    in_order = all(a <= b for a, b in zip(timex_starts, timex_starts[1:], strict=False))
    for timex in timexes:
        if not _can_date_an_event(timex) or (timex.tid and timex.tid in range_ends):
            continue
        sentence = _sentence_of(sentences, timex.start, starts)
        if sentence is None:
            continue
        if in_order:  # only the timexes that start inside the sentence can lie in it
            first = bisect_left(timex_starts, sentence.start)
            last = bisect_right(timex_starts, sentence.end, first)
            others = _other_dates(timexes[first:last], timex, sentence)
        else:
            others = _other_dates(timexes, timex, sentence)
        anchor = anchor_date(
            sentence.text, timex.start - sentence.start, timex.end - sentence.start, others
        )
        if not _tells_something(anchor):
            continue
        label = actors.resolve_pronoun(anchor.label, sentence.start)
        anchor.label = actors.expand_subject(label)
        names = list(dict.fromkeys(actors.in_text(anchor.label) + actors.in_text(anchor.clause)))
        found.append(
            _Candidate(
                timex, sentence, anchor, names, _mention(article, sentence, timex, anchor, source)
            )
        )
    return found


def why_no_events(article: Article, timexes: list[Timex]) -> str:
    """Why ``build_events`` found nothing in an article, in words for the report."""
    if not article.text.strip():
        return "the article has no text"
    if not timexes:
        return "no dates or times found in the text"
    datable = [t for t in timexes if _can_date_an_event(t)]
    if not datable:
        kinds = ", ".join(f'"{t.text}"' for t in timexes[:3])
        return f"only durations, repetitions or 'now' ({kinds}): no date on the calendar"
    sentences = split_sentences(article.text)
    starts = [s.start for s in sentences]
    back_references = []
    for timex in datable:
        sentence = _sentence_of(sentences, timex.start, starts)
        if sentence is None:
            continue
        start, end = timex.start - sentence.start, timex.end - sentence.start
        if anchor_date(sentence.text, start, end).role == "reference":
            back_references.append(timex.text)
    if back_references:
        shown = ", ".join(f'"{t}"' for t in back_references[:3])
        return f"its dates only refer back to happenings it does not tell ({shown})"
    shown = ", ".join(f'"{t.text}"' for t in datable[:3])
    return f"no clause around its dates ({shown}) tells what happened"


def _tells_something(anchor: Anchor) -> bool:
    """ "That day has come" minus its date tells nothing: a clause needs two words."""
    return len(_content_words(anchor.label)) >= (1 if anchor.noun_only else 2)


def _other_dates(timexes: list[Timex], timex: Timex, sentence: Sentence) -> list[tuple[int, int]]:
    """The sentence's other dates, which a label leaves out as well."""
    return [
        (other.start - sentence.start, other.end - sentence.start)
        for other in timexes
        if other is not timex
        and other.type not in NOT_EVENTS
        and sentence.start <= other.start
        and other.end <= sentence.end
    ]


def _can_date_an_event(timex: Timex) -> bool:
    """Durations, sets and "now" anchor nothing; a date on the calendar (or one waiting for
    its publication date) can."""
    if timex.type in NOT_EVENTS:
        return False
    return bool(_CALENDAR_VALUE.match(timex.value))


_CALENDAR_VALUE = re.compile(r"^(?:\d|X)")


def _sentence_of(
    sentences: list[Sentence], offset: int, starts: list[int] | None = None
) -> Sentence | None:
    if starts is None:
        starts = [s.start for s in sentences]
    index = bisect_right(starts, offset) - 1
    if index >= 0 and offset < sentences[index].end:
        return sentences[index]
    return None


def _mention(
    article: Article, sentence: Sentence, timex: Timex, anchor: Anchor, source: str
) -> Mention:
    return Mention(
        source=source,
        outlet=article.outlet,
        sentence=sentence.text,
        sentence_start=sentence.start,
        date_text=timex.text,
        char_start=timex.start,
        char_end=timex.end,
        value=timex.value,
        precision=timex.precision,
        label=anchor.label,
        title=article.title,
        url=article.url,
        published=article.published,
    )


def _cluster(candidates: list[_Candidate]) -> list[_Cluster]:
    """Most precise dates first, so coarser and anaphoric mentions join them."""
    clusters: list[_Cluster] = []
    ordered = sorted(candidates, key=lambda c: (-_precision_rank(c.timex), c.timex.start))
    for candidate in (c for c in ordered if c.anchor.role == "event"):
        match = _best_cluster(candidate, clusters, references_only=False)
        if match is None:
            clusters.append(_Cluster([candidate]))
        else:
            match.add(candidate)
    for candidate in (c for c in ordered if c.anchor.role == "reference"):
        # a back reference ("since the October incident") joins an event or is dropped
        match = _best_cluster(candidate, clusters, references_only=True)
        if match is not None:
            match.add(candidate)
    return clusters


def _best_cluster(
    candidate: _Candidate, clusters: list[_Cluster], *, references_only: bool
) -> _Cluster | None:
    best, best_score = None, 0.0
    for cluster in clusters:
        head = cluster.head
        if not _same_date_in_article(candidate.timex, head.timex):
            continue
        score = _similarity(candidate.own_features, cluster.features)
        if references_only or _same_happening_in_article(candidate, head):
            if best is None or score > best_score:
                best, best_score = cluster, score
    return best


def _same_date_in_article(a: Timex, b: Timex) -> bool:
    """Within one article an unresolved "Wednesday" is that article's only Wednesday: it
    fitting another date's weekday is chance, so it merges only with the same words."""
    if (a.earliest is None) != (b.earliest is None):
        return False
    return _dates_compatible(a, b)


def _same_happening_in_article(candidate: _Candidate, head: _Candidate) -> bool:
    """The same kind of happening, or two shared words; one shared word and a shared actor
    for a coarser restatement ("Trufanov and family freed in February")."""
    mine, theirs = candidate.own_features, head.own_features
    if mine.classes & theirs.classes or len(mine.stems & theirs.stems) >= 2:
        return True
    if mine.classes and theirs.classes:
        return False  # "police arrested two men" is not "the robbery took place"
    if is_generic_noun(candidate.anchor.noun):
        return True
    coarser = _precision_rank(candidate.timex) < _precision_rank(head.timex)
    return coarser and bool(mine.actors & theirs.actors) and bool(mine.stems & theirs.stems)


def _attach_dateless(
    article: Article,
    sentences: list[Sentence],
    candidates: list[_Candidate],
    clusters: list[_Cluster],
    actors: _ArticleActors,
    source: str,
) -> None:
    """ "His father was killed in the attack": a sentence placed by a definite event noun
    joins the latest event of that kind told before it."""
    dated = {c.sentence.start for c in candidates}
    for sentence in sentences:
        if sentence.start in dated or is_title_case(sentence.text):
            continue
        reference = event_reference(sentence.text)
        if reference is None:
            continue
        phrase, start, end = reference
        cluster = _cluster_for_reference(phrase, sentence.start, clusters)
        if cluster is None:
            continue
        label = actors.resolve_pronoun(dateless_label(sentence.text), sentence.start)
        label = actors.expand_subject(label)
        mention = Mention(
            source=source,
            outlet=article.outlet,
            sentence=sentence.text,
            sentence_start=sentence.start,
            date_text="",
            char_start=sentence.start + start,
            char_end=sentence.start + end,
            value="",
            precision=None,
            label=label,
            title=article.title,
            url=article.url,
            published=article.published,
            via=phrase,
        )
        names = actors.in_text(label) + actors.in_text(sentence.text)
        cluster.dateless.append((mention, list(dict.fromkeys(names))))


def _cluster_for_reference(phrase: str, position: int, clusters: list[_Cluster]) -> _Cluster | None:
    """A definite noun refers back: the latest event of its kind told before it."""
    noun = phrase.split()[-1]
    kinds = event_classes(noun)
    latest: tuple[int, _Cluster] | None = None
    for cluster in clusters:
        told_kinds = {k for c in cluster.members for k in event_classes(c.anchor.label)}
        if not (is_generic_noun(noun) or kinds & told_kinds):
            continue
        told = [
            m.mention.sentence_start for m in cluster.members if m.mention.sentence_start < position
        ]
        if told and (latest is None or max(told) > latest[0]):
            latest = (max(told), cluster)
    return latest[1] if latest else None


def _event_from_cluster(cluster: _Cluster, timexes: list[Timex]) -> Event:
    head = cluster.head
    others = sorted((c for c in cluster.members if c is not head), key=lambda c: c.timex.start)
    dateless = sorted(cluster.dateless, key=lambda pair: pair[0].char_start)
    mentions = [head.mention, *(c.mention for c in others), *(m for m, _ in dateless)]
    names = [
        *head.actors,
        *(a for c in others for a in c.actors),
        *(a for _, n in dateless for a in n),
    ]
    event = Event(
        label=head.anchor.label,
        timex=head.timex,
        mentions=mentions,
        actors=list(dict.fromkeys(names)),
    )
    _set_range(event, timexes)
    return event


def _set_range(event: Event, timexes: list[Timex]) -> None:
    """ "from March 3 to March 5": one event spanning both dates."""
    if not event.timex.range_end:
        return
    for other in timexes:
        if other.tid == event.timex.range_end and other.latest is not None:
            event.kind = "range"
            event.range_latest = other.latest


# =======================================================================================
# Actors


_COMMON_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z-]+")


class _ArticleActors:
    """People, organisations and places of one article, short forms mapped to full names.

    A capitalized word that only ever opens a sentence or sits in a headline is not trusted
    as a name unless the article also uses it mid-sentence.
    """

    def __init__(self, sentences: list[Sentence]) -> None:
        trusted: list[str] = []
        openers: list[tuple[int, str]] = []  # sentences that open with a name: their subject
        self.common = {w for s in sentences for w in _COMMON_WORD.findall(s.text)}
        alone: dict[str, int] = {}  # one-word names used on their own mid-sentence
        for sentence in sentences:
            if is_title_case(sentence.text):
                continue
            for name in find_names(sentence.text):
                initial = sentence_initial(name, sentence.text)
                cleaned = self._clean(name.text, initial)
                if cleaned and (len(cleaned.split()) > 1 or not initial):
                    trusted.append(cleaned)
                if cleaned and not initial and len(cleaned.split()) == 1:
                    alone[cleaned] = alone.get(cleaned, 0) + 1
                if cleaned and initial:
                    openers.append((sentence.start, cleaned))
        self._in_text: dict[str, list[str]] = {}  # in_text per text: labels repeat
        self.known = set(trusted)
        self.names = list(dict.fromkeys(trusted))
        self.standalone = {name for name, count in alone.items() if count >= 2}
        self.first_words = {p for n in self.known for p in (n.split()[0], n.split()[-1])}
        self.subjects = [
            (start, full_name(name, self.names, self.standalone))
            for start, name in openers
            if name in self.known or name in self.first_words
        ]

    def resolve_pronoun(self, label: str, position: int) -> str:
        """ "He extended gratitude" -> "Vladimir Putin extended gratitude": the subject of
        the latest sentence before that opened with a person's name."""
        pronoun = re.match(r"(?:He|She)\b", label)
        if not pronoun:
            return label
        before = [name for start, name in self.subjects if start < position]
        if not before or len(before[-1].split()) < 2:
            return label
        return before[-1] + label[pronoun.end() :]

    def _clean(self, name: str, initial: bool) -> str:
        """ "Shares of Apple Inc." opening a sentence -> "Apple Inc."."""
        cleaned = clean_actor(name)
        words = cleaned.split()
        while initial and len(words) > 1 and words[0].lower() in self.common:
            words = words[2:] if words[1] in ("of", "de") else words[1:]
        return " ".join(words)

    def in_text(self, text: str) -> list[str]:
        known = self._in_text.get(text)
        if known is None:
            known = self._in_text[text] = self._find_in_text(text)
        return list(known)

    def _find_in_text(self, text: str) -> list[str]:
        found = []
        for name in find_names(text):
            cleaned = self._clean(name.text, sentence_initial(name, text))
            if cleaned in self.known or cleaned in self.first_words:
                found.append(full_name(cleaned, self.names, self.standalone))
        return list(dict.fromkeys(found))

    def expand_subject(self, label: str) -> str:
        """ "Elena, Irina, and Cohen released" -> "Elena Trufanova, Irina Tatti, and Sapir
        Cohen released": the names of the subject in full, as a timeline entry stands alone."""
        subject = re.match(r"(?:[A-Z][\w'’-]*|,|\s|and\b)+", label)
        if not subject:
            return label

        def full(match: re.Match[str]) -> str:
            name = match.group()
            if name not in self.first_words or _part_of_full_name(subject_text, match):
                return name
            longer = full_name(name, self.names, self.standalone)
            return name if label[match.start() :].startswith(longer) else longer

        subject_text = subject.group()
        expanded = re.sub(r"(?<![\w'’-])[A-Z][\w'’-]*", full, subject_text)
        return shorten(expanded + label[subject.end() :])


def _part_of_full_name(text: str, match: re.Match[str]) -> bool:
    """ "Alexander Trufanov": neither word is a short form there."""
    before = re.search(r"[A-Z][\w'’-]* $", text[: match.start()])
    return before is not None or re.match(r" [A-Z]", text[match.end() :]) is not None


# =======================================================================================
# Similarity


@dataclass(frozen=True, slots=True)
class _Features:
    classes: frozenset[str]
    stems: frozenset[str]
    actors: frozenset[str]  # lowercase name words: "trufanov", "hamas"


def _content_words(text: str) -> list[str]:
    return [
        w
        for w in _LOWER_WORD.findall(text.lower())
        if w not in FUNCTION_WORDS and w not in AUXILIARIES and w not in DATE_WORDS and len(w) > 2
    ]


_LOWER_WORD = re.compile(r"[a-z][a-z'’-]+")


def _features(labels: Iterable[str], actors: Iterable[str], nouns: Iterable[str] = ()) -> _Features:
    kinds: set[str] = set()
    stems: set[str] = set()
    for text in (*labels, *nouns):
        text_kinds, text_stems = _text_features(text)
        kinds.update(text_kinds)
        stems.update(text_stems)
    actor_words: set[str] = set()
    for actor in actors:
        actor_words.update(_actor_words(actor))
    return _Features(frozenset(kinds), frozenset(stems), frozenset(actor_words))


@lru_cache(maxsize=2048)
def _text_features(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The kind of happening and the word stems of one label or noun (labels recur: in a
    cluster's, an event's and a merged group's features)."""
    stems = frozenset(w[:5] for w in _content_words(_without_names(text)))
    return frozenset(trigger_class(text)), stems


@lru_cache(maxsize=2048)
def _actor_words(actor: str) -> frozenset[str]:
    return frozenset(
        w.lower() for w in actor.split() if len(w) > 2 and w.lower() not in FUNCTION_WORDS
    )


def _without_names(label: str) -> str:
    """Names count as actors, so only the lowercase words count as words ("released")."""
    words = label.split()
    if words and words[0].lower() in FUNCTION_WORDS:
        words[0] = words[0].lower()  # "The attack": capitalized as the label's first word
    return " ".join(w for w in words if not w[:1].isupper())


def _candidate_features(candidate: _Candidate) -> _Features:
    return _features([candidate.anchor.label], candidate.actors, [candidate.anchor.noun])


def _cluster_features(cluster: _Cluster) -> _Features:
    labels = [c.anchor.label for c in cluster.members]
    return _features(labels, [a for c in cluster.members for a in c.actors])


def _event_features(event: Event) -> _Features:
    labels = [m.label for m in event.mentions if m.date_text]
    return _features(labels or [event.label], event.actors)


def _similarity(a: _Features, b: _Features) -> float:
    """Shared kinds of happening and shared actors weigh most; other words a little."""
    shared_actors = len(a.actors & b.actors)
    return len(a.classes & b.classes) + min(shared_actors, 3) + 0.5 * len(a.stems & b.stems)


# =======================================================================================
# Dates


def _precision_rank(timex: Timex) -> int:
    """Finer is higher; a date still waiting for its publication date ranks lowest."""
    if timex.earliest is None:
        return -1
    return PRECISION_RANK.get(timex.precision or "", -1)


def _label_rank(timex: Timex) -> int:
    """Precision for choosing the telling mention: "Saturday night" is no better told than
    "Saturday"."""
    return min(_precision_rank(timex), PRECISION_RANK["day"])


def _dates_compatible(a: Timex, b: Timex) -> bool:
    """Whether two dates can be the same moment: overlapping intervals, or an unresolved
    pattern ("XXXX-WXX-3", a Wednesday) that the other date fits."""
    if a.earliest and a.latest and b.earliest and b.latest:
        return a.earliest < b.latest and b.earliest < a.latest
    if a.earliest is None and b.earliest is None:
        return a.value == b.value
    unresolved, resolved = (a, b) if a.earliest is None else (b, a)
    return _fits_pattern(unresolved.value, resolved)


def _fits_pattern(pattern: str, timex: Timex) -> bool:
    day = timex.earliest.date() if timex.earliest else None
    week = re.fullmatch(r"X{4}-WXX-(\d)(?:T.*)?", pattern)
    if week:
        return day is not None and day.isoweekday() == int(week.group(1))
    if "X" not in pattern:
        return False
    calendar = re.sub(r"[^\dX-]", "", pattern.split("T")[0])
    regex = re.escape(calendar).replace("X", r"\d")
    return re.match(regex, timex.value) is not None


def _gap(a: Timex, b: Timex) -> timedelta | None:
    if not (a.earliest and a.latest and b.earliest and b.latest):
        return None
    if a.latest <= b.earliest:
        return b.earliest - a.latest
    if b.latest <= a.earliest:
        return a.earliest - b.latest
    return timedelta(0)


def _sort_key(event: Event) -> tuple[int, datetime, int, str, str]:
    """Chronological; coarser first on the same start; unresolved dates last."""
    timex = event.timex
    if timex.earliest is None:
        return (1, datetime.max, 0, timex.value, event.label)
    return (
        0,
        timex.earliest,
        PRECISION_RANK.get(timex.precision or "", 0),
        timex.value,
        event.label,
    )


def _numbered(events: list[Event]) -> list[Event]:
    events = sorted(events, key=_sort_key)
    for number, event in enumerate(events, start=1):
        event.event_id = f"e{number}"
    return events


# =======================================================================================
# Across articles


MAX_MENTIONS = 100  # mentions an event keeps in full; the rest are counted, their sources listed
_BATCH = 2_000  # events placed at a time, most precise first, when merging a stream


def merge_events(events: list[Event], max_mentions: int | None = MAX_MENTIONS) -> list[Event]:
    """One event per happening across all articles, listing every source that reports it.

    An event keeps at most ``max_mentions`` mentions in full (``None``: all); beyond that
    its mentions are counted (``Event.extra_mentions``) and their sources still listed.
    """
    merger = EventMerger(max_mentions, batch=None)
    merger.add(events)
    return merger.events()


class EventMerger:
    """``merge_events`` for a stream: add each article's events as they come, take the
    merged events at the end. Memory grows with the merged events and their sources, not
    with the mentions: an event reported a thousand times keeps ``max_mentions`` of them.

    Events wait in a batch and are placed most precise first, so that a precise date leads
    its group; a more precise date arriving in a later batch takes the lead then.
    """

    def __init__(self, max_mentions: int | None = MAX_MENTIONS, batch: int | None = _BATCH):
        self.max_mentions = max_mentions
        self.batch = batch
        self.index = _GroupIndex()
        self.waiting: list[Event] = []

    def add(self, events: Iterable[Event]) -> None:
        """One article's events at a time, so that they are placed in one batch (an
        article's distinct events must not merge with each other)."""
        self.waiting.extend(events)
        if self.batch is not None and len(self.waiting) >= self.batch:
            self._place_waiting()

    def events(self) -> list[Event]:
        """The merged events, numbered in date order."""
        self._place_waiting()
        return _numbered([group.merged() for group in self.index.groups])

    def _place_waiting(self) -> None:
        waiting, self.waiting = self.waiting, []
        waiting.sort(key=lambda e: -_precision_rank(e.timex))
        for group in self.index.groups:
            group.articles.clear()  # only events of one batch can share an article
        for event in waiting:
            features = _event_features(event)
            group = _best_group(event, features, self.index.near(event.timex))
            if group is None:
                self.index.add(_Group(event, features, self.max_mentions))
            else:
                if _precision_rank(event.timex) > _precision_rank(group.head.timex):
                    self.index.lead(group, event)
                group.add(event, features)


class _Group:
    """Events taken for one happening. It keeps in full the events that carry its first
    ``max_mentions`` mentions, and one event for each date the sources give (so the date
    vote and the label can be decided at the end); of the others it keeps the tallies."""

    __slots__ = (
        "head", "kept", "features", "articles", "order", "max_mentions", "n_kept",
        "dates", "kinds", "actors", "alt", "extra_mentions", "extra_sources", "extra_outlets",
    )  # fmt: skip

    def __init__(self, event: Event, features: _Features, max_mentions: int | None) -> None:
        self.head = event  # the most precise date: what newcomers are compared with
        self.kept: list[Event] = []
        self.features = features  # of all its events together
        self.articles: set[tuple[str, str | None, str]] = set()  # of this batch's events
        self.order = 0
        self.max_mentions = max_mentions
        self.n_kept = 0  # mentions of the kept events
        self.dates: dict[str, tuple[Timex, dict[str, None]]] = {}  # value -> a timex, sources
        self.kinds: dict[str, int] = {}  # kind of happening -> mentions telling it
        self.actors: dict[str, None] = {}
        self.alt: dict[str, None] = {}  # dates the merged events had already set aside
        self.extra_mentions = 0
        self.extra_sources: dict[str, None] = {}
        self.extra_outlets: dict[str, None] = {}
        self.add(event, features, first=True)

    def add(self, event: Event, features: _Features, first: bool = False) -> None:
        self.articles.update(_articles_of(event))
        if not first:
            self.features = _Features(
                self.features.classes | features.classes,
                self.features.stems | features.stems,
                self.features.actors | features.actors,
            )
        sources = event.sources
        timex, voters = self.dates.setdefault(event.timex.value, (event.timex, {}))
        voters.update(dict.fromkeys(sources))
        for kind, count in _kinds_told(event).items():
            self.kinds[kind] = self.kinds.get(kind, 0) + count
        self.actors.update(dict.fromkeys(event.actors))
        self.alt.update(dict.fromkeys(event.alt_values))
        if self._keeps(event):
            self.kept.append(event)
            self.n_kept += len(event.mentions)
            counted = event.extra_mentions, event.extra_sources, event.extra_outlets
        else:  # only its tallies are kept
            counted = event.n_mentions, sources, event.outlets
        n_mentions, counted_sources, counted_outlets = counted
        self.extra_mentions += n_mentions
        self.extra_sources.update(dict.fromkeys(counted_sources))
        self.extra_outlets.update(dict.fromkeys(counted_outlets))

    def _keeps(self, event: Event) -> bool:
        if self.max_mentions is None or self.n_kept < self.max_mentions:
            return True
        return not any(kept.timex.value == event.timex.value for kept in self.kept)

    def merged(self) -> Event:
        if len(self.kept) == 1 and not self.extra_mentions:
            return self.kept[0]
        by_date = _date_groups(self.dates)
        winner = max(by_date, key=lambda values: _date_support(values, self.dates))
        kind = max(self.kinds, key=lambda k: (self.kinds[k], k)) if self.kinds else ""
        head = max(
            (e for e in self.kept if e.timex.value in winner),
            key=lambda event: _telling(event, kind),
        )
        rest = [e for e in self.kept if e is not head]
        alt = [values[0] for values in by_date if values is not winner]
        alt += self.alt
        mentions = [*head.mentions, *(m for e in rest for m in e.mentions)]
        kept, dropped = _capped(mentions, self.max_mentions)
        shown = {m.source for m in kept}
        extra_sources = [
            s
            for s in dict.fromkeys([*(m.source for m in dropped), *self.extra_sources])
            if s not in shown
        ]
        return Event(
            label=head.label,
            timex=head.timex,
            mentions=kept,
            actors=_fullest_names([*head.actors, *self.actors]),
            alt_values=[v for v in dict.fromkeys(alt) if v != head.timex.value],
            kind=head.kind,
            range_latest=head.range_latest,
            extra_mentions=self.extra_mentions + len(dropped),
            extra_sources=extra_sources,
            extra_outlets=list(dict.fromkeys([*_outlets(dropped), *self.extra_outlets])),
        )


class _GroupIndex:
    """Groups by the months their head's date spans, so that an event is compared only
    with groups near it in time (big inputs have many events)."""

    def __init__(self) -> None:
        self.groups: list[_Group] = []
        self.by_month: dict[int, list[_Group]] = {}
        self.everywhere: list[_Group] = []  # unresolved or very coarse first dates

    def add(self, group: _Group) -> None:
        group.order = len(self.groups)
        self.groups.append(group)
        self._file(group)

    def lead(self, group: _Group, event: Event) -> None:
        """A more precise date leads the group from now on; filed under its months too
        (the old ones stay: they still cover the group's coarser dates)."""
        group.head = event
        self._file(group)

    def _file(self, group: _Group) -> None:
        months = _months(group.head.timex)
        if months is None:
            if group not in self.everywhere:
                self.everywhere.append(group)
            return
        for month in months:
            filed = self.by_month.setdefault(month, [])
            if not filed or filed[-1] is not group:
                filed.append(group)

    def near(self, timex: Timex) -> list[_Group]:
        months = _months(timex)
        if months is None:
            return self.groups
        window = range(months.start - 3, months.stop + 3)  # a date conflict spans ~2 months
        found = {id(g): g for m in window for g in self.by_month.get(m, ())}
        found.update((id(g), g) for g in self.everywhere)
        return sorted(found.values(), key=lambda g: g.order)  # first made, first tried


def _months(timex: Timex, widest: int = 24) -> range | None:
    if timex.earliest is None or timex.latest is None:
        return None
    end = timex.latest - timedelta(microseconds=1)
    first = timex.earliest.year * 12 + timex.earliest.month
    last = end.year * 12 + end.month
    return range(first, last + 1) if last - first < widest else None


def _articles_of(event: Event) -> set[tuple[str, str | None, str]]:
    """The articles an event comes from; two articles of one outlet are still two."""
    return {(m.source, m.url, m.title) for m in event.mentions}


def _best_group(event: Event, mine: _Features, groups: list[_Group]) -> _Group | None:
    best, best_score = None, 0.0
    articles = _articles_of(event)
    for group in groups:
        if not group.articles.isdisjoint(articles):
            continue  # one article's distinct events stay distinct
        score = _similarity(mine, group.features)
        if score > best_score and _same_happening(event, group.head, mine, group.features, score):
            best, best_score = group, score
    return best


def _same_happening(
    event: Event, head: Event, mine: _Features, theirs: _Features, score: float
) -> bool:
    shares_words = bool(mine.classes & theirs.classes or mine.stems & theirs.stems)
    if _dates_compatible(event.timex, head.timex):
        return shares_words and score >= 1.5
    gap = _gap(event.timex, head.timex)
    # different dates: only the same kind of happening with the same people, close in time
    return (
        gap is not None
        and gap <= CONFLICT_WINDOW
        and bool(mine.classes & theirs.classes)
        and bool(mine.actors & theirs.actors)
        and score >= 2.5
    )


def _capped(mentions: list[Mention], limit: int | None) -> tuple[list[Mention], list[Mention]]:
    if limit is None or len(mentions) <= limit:
        return mentions, []
    return mentions[:limit], mentions[limit:]


def _outlets(mentions: list[Mention]) -> list[str]:
    return [m.outlet for m in mentions if m.outlet]


def _kinds_told(event: Event) -> dict[str, int]:
    counts: dict[str, int] = {}
    for mention in event.mentions:
        if mention.date_text:
            for kind in trigger_class(mention.label):
                counts[kind] = counts.get(kind, 0) + 1
    return counts


def _fullest_names(actors: list[str]) -> list[str]:
    """Each actor once, by the fullest name any source gave ("Vitaly" -> "Vitaly Trufanov")."""
    unique = list(dict.fromkeys(actors))
    return list(dict.fromkeys(full_name(a, unique) for a in unique))


def _telling(event: Event, kind: str) -> tuple[int, bool, bool, int]:
    """The event whose date and label lead: most precise, told as a clause about the kind of
    happening most mentions tell (the attack, not an abduction during it), reported first."""
    told = len(event.label.split()) >= 4
    on_topic = kind in trigger_class(event.label)
    return _label_rank(event.timex), told, on_topic, -_published_order(event)


def _date_groups(dates: dict[str, tuple[Timex, dict[str, None]]]) -> list[list[str]]:
    """The dates the sources give, those that can be the same moment together, each list
    led by its most precise date."""
    ordered = sorted(dates, key=lambda value: -_precision_rank(dates[value][0]))
    groups: list[list[str]] = []
    for value in ordered:
        for same in groups:
            if _dates_compatible(dates[value][0], dates[same[0]][0]):
                same.append(value)
                break
        else:
            groups.append([value])
    return groups


def _date_support(
    values: list[str], dates: dict[str, tuple[Timex, dict[str, None]]]
) -> tuple[int, int]:
    """The date most sources allow wins ("November 2023" backs both the 29th and the 30th);
    then the most precise one."""
    head = dates[values[0]][0]
    sources = {s for timex, voters in dates.values() if _dates_compatible(timex, head)
               for s in voters}  # fmt: skip
    return len(sources), max(_precision_rank(dates[v][0]) for v in values)


def _published_order(event: Event) -> int:
    published = next((m.published for m in event.mentions if m.published), None)
    return published.toordinal() if isinstance(published, date) else date.max.toordinal()
