"""One article's events: each date that anchors a happening becomes a mention; mentions of
one happening merge, the most precise date leading; dateless sentences placed "in the
attack" join that event."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from datetime import datetime

from timeline.events.actors import ArticleActors
from timeline.events.anchors import Anchor, anchor_date, event_reference
from timeline.events.kinds import event_classes, is_generic_noun
from timeline.events.labels import dateless_label
from timeline.events.sentences import Sentence, is_title_case, sentence_of, split_sentences
from timeline.events.similarity import (
    Features,
    content_words,
    dates_compatible,
    features_of,
    label_rank,
    precision_rank,
    similarity,
)
from timeline.model import PRECISION_RANK, Article, Event, Mention, Timex

NOT_EVENTS = frozenset({"DURATION", "SET"})


@dataclass(slots=True)
class _Candidate:
    """A date in the article with what it dates."""

    timex: Timex
    sentence: Sentence
    anchor: Anchor
    actors: list[str]
    mention: Mention
    features: Features | None = None  # computed once, on first use

    @property
    def own_features(self) -> Features:
        if self.features is None:
            self.features = _candidate_features(self)
        return self.features


@dataclass(slots=True)
class _Cluster:
    members: list[_Candidate] = field(default_factory=list)
    dateless: list[tuple[Mention, list[str]]] = field(default_factory=list)
    _head: _Candidate | None = None  # caches, reset when a member joins
    _features: Features | None = None

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
                key=lambda c: (-label_rank(c.timex), c.anchor.noun_only, c.timex.start),
            )
        return self._head

    @property
    def features(self) -> Features:
        if self._features is None:
            self._features = _cluster_features(self)
        return self._features


def build_events(article: Article, timexes: list[Timex]) -> list[Event]:
    """The events one article reports, each with every mention of it in the article."""
    sentences = split_sentences(article.text)
    actors = ArticleActors(sentences)
    source = article.id  # one string for all the article's mentions
    candidates = _candidates(article, timexes, sentences, actors, source)
    clusters = _cluster(candidates)
    _attach_dateless(article, sentences, candidates, clusters, actors, source)
    events = [_event_from_cluster(cluster, timexes) for cluster in clusters]
    return numbered(events)


def _candidates(
    article: Article,
    timexes: list[Timex],
    sentences: list[Sentence],
    actors: ArticleActors,
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
        sentence = sentence_of(sentences, timex.start, starts)
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
        sentence = sentence_of(sentences, timex.start, starts)
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
    return len(content_words(anchor.label)) >= (1 if anchor.noun_only else 2)


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
    ordered = sorted(candidates, key=lambda c: (-precision_rank(c.timex), c.timex.start))
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
        score = similarity(candidate.own_features, cluster.features)
        if references_only or _same_happening_in_article(candidate, head):
            if best is None or score > best_score:
                best, best_score = cluster, score
    return best


def _same_date_in_article(a: Timex, b: Timex) -> bool:
    """Within one article an unresolved "Wednesday" is that article's only Wednesday: it
    fitting another date's weekday is chance, so it merges only with the same words."""
    if (a.earliest is None) != (b.earliest is None):
        return False
    return dates_compatible(a, b)


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
    coarser = precision_rank(candidate.timex) < precision_rank(head.timex)
    return coarser and bool(mine.actors & theirs.actors) and bool(mine.stems & theirs.stems)


def _attach_dateless(
    article: Article,
    sentences: list[Sentence],
    candidates: list[_Candidate],
    clusters: list[_Cluster],
    actors: ArticleActors,
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


def _candidate_features(candidate: _Candidate) -> Features:
    return features_of([candidate.anchor.label], candidate.actors, [candidate.anchor.noun])


def _cluster_features(cluster: _Cluster) -> Features:
    labels = [c.anchor.label for c in cluster.members]
    return features_of(labels, [a for c in cluster.members for a in c.actors])


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


def numbered(events: list[Event]) -> list[Event]:
    events = sorted(events, key=_sort_key)
    for number, event in enumerate(events, start=1):
        event.event_id = f"e{number}"
    return events
