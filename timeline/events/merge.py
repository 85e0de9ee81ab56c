"""Across articles: the same happening reported by several sources becomes one event
listing them all; where they disagree on the date, the date most sources give wins."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from functools import lru_cache

from timeline.events.actors import (
    CompaniesOf,
    collection_names,
    companies_named,
    fullest_names,
)
from timeline.events.build import months_of, numbered
from timeline.events.kinds import trigger_class
from timeline.events.similarity import (
    Features,
    date_gap,
    dates_compatible,
    features_of,
    label_rank,
    precision_rank,
)
from timeline.model import Event, Mention, Timex

CONFLICT_WINDOW = timedelta(days=62)  # further apart, same words are another happening


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
        self.companies: dict[str, CompaniesOf] = {}  # per article: its company names

    def add(self, events: Iterable[Event]) -> None:
        """One article's events at a time, so that they are placed in one batch (an
        article's distinct events must not merge with each other)."""
        events = list(events)
        companies_named(events, self.companies)
        self.waiting.extend(events)
        if self.batch is not None and len(self.waiting) >= self.batch:
            self._place_waiting()

    def events(self) -> list[Event]:
        """The merged events, numbered in date order."""
        self._place_waiting()
        merged = [group.merged() for group in self.index.groups]
        return numbered(collection_names(merged, self.companies))

    def _place_waiting(self) -> None:
        waiting, self.waiting = self.waiting, []
        waiting.sort(key=lambda e: -precision_rank(e.timex))
        for group in self.index.groups:
            group.articles.clear()  # only events of one batch can share an article
        for event in waiting:
            features = _event_features(event)
            articles = _articles_of(event)
            near = self.index.near(event.timex, features)
            group = _best_group(event, features, articles, near)
            if group is None:
                self.index.add(_Group(event, features, self.max_mentions, articles))
            else:
                if precision_rank(event.timex) > precision_rank(group.head.timex):
                    self.index.lead(group, event)
                self.index.words_of(group, group.add(event, features, articles))


class _Group:
    """Events taken for one happening. It keeps in full the events that carry its first
    ``max_mentions`` mentions, and one event for each date the sources give (so the date
    vote and the label can be decided at the end); of the others it keeps the tallies."""

    __slots__ = (
        "head", "kept", "kept_values", "features", "articles", "order", "months",
        "max_mentions", "n_kept", "dates", "kinds", "actors", "alt", "extra_mentions",
        "extra_sources", "extra_outlets",
    )  # fmt: skip

    def __init__(
        self,
        event: Event,
        features: Features,
        max_mentions: int | None,
        articles: set[tuple[str, str | None, str]] | None = None,
    ) -> None:
        self.head = event  # the most precise date: what newcomers are compared with
        self.kept: list[Event] = []
        self.kept_values: set[str] = set()  # the dates of the kept events
        self.features = features  # of all its events together
        self.articles: set[tuple[str, str | None, str]] = set()  # of this batch's events
        self.order = 0
        self.months: set[int] | None = set()  # filed under (None: everywhere), by the index
        self.max_mentions = max_mentions
        self.n_kept = 0  # mentions of the kept events
        self.dates: dict[str, tuple[Timex, dict[str, None]]] = {}  # value -> a timex, sources
        self.kinds: dict[str, int] = {}  # kind of happening -> mentions telling it
        self.actors: dict[str, None] = {}
        self.alt: dict[str, None] = {}  # dates the merged events had already set aside
        self.extra_mentions = 0
        self.extra_sources: dict[str, None] = {}
        self.extra_outlets: dict[str, None] = {}
        self.add(event, features, articles, first=True)

    def add(
        self,
        event: Event,
        features: Features,
        articles: set[tuple[str, str | None, str]] | None = None,
        first: bool = False,
    ) -> Iterable[str]:
        """Take the event; the words (kinds, stems) the group tells now and did not before."""
        self.articles.update(_articles_of(event) if articles is None else articles)
        new_words: Iterable[str] = (*features.classes, *features.stems)
        if not first:
            mine = self.features
            if (
                features.classes <= mine.classes
                and features.stems <= mine.stems
                and features.actors <= mine.actors
            ):
                new_words = ()
            else:
                new_words = (*(features.classes - mine.classes), *(features.stems - mine.stems))
                self.features = Features(
                    mine.classes | features.classes,
                    mine.stems | features.stems,
                    mine.actors | features.actors,
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
            self.kept_values.add(event.timex.value)
            self.n_kept += len(event.mentions)
            counted = event.extra_mentions, event.extra_sources, event.extra_outlets
        else:  # only its tallies are kept
            counted = event.n_mentions, sources, event.outlets
        n_mentions, counted_sources, counted_outlets = counted
        self.extra_mentions += n_mentions
        self.extra_sources.update(dict.fromkeys(counted_sources))
        self.extra_outlets.update(dict.fromkeys(counted_outlets))
        return new_words

    def _keeps(self, event: Event) -> bool:
        if self.max_mentions is None or self.n_kept < self.max_mentions:
            return True
        return event.timex.value not in self.kept_values

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
            actors=fullest_names([*head.actors, *self.actors]),
            alt_values=[v for v in dict.fromkeys(alt) if v != head.timex.value],
            kind=head.kind,
            range_latest=head.range_latest,
            extra_mentions=self.extra_mentions + len(dropped),
            extra_sources=extra_sources,
            extra_outlets=list(dict.fromkeys([*_outlets(dropped), *self.extra_outlets])),
        )


class _GroupIndex:
    """Groups by the months their head's date spans, so that an event is compared only
    with groups near it in time, and by the words (kinds of happening, stems) they tell:
    a group that shares none with an event can never take it (``_same_happening`` needs
    a shared kind or word), so it is not compared at all (big inputs have many groups).
    Both are sets of group numbers, intersected in C: no group is looked at one by one
    to find those near an event.
    """

    def __init__(self) -> None:
        self.groups: list[_Group] = []
        self.by_word: dict[str, set[int]] = {}  # kind or stem -> orders of groups telling it
        self.by_month: dict[int, set[int]] = {}  # month -> orders of groups filed under it
        self.everywhere: set[int] = set()  # orders of groups near every date

    def add(self, group: _Group) -> None:
        group.order = len(self.groups)
        self.groups.append(group)
        self._file(group)
        self.words_of(group, (*group.features.classes, *group.features.stems))

    def lead(self, group: _Group, event: Event) -> None:
        """A more precise date leads the group from now on; filed under its months too
        (the old ones stay: they still cover the group's coarser dates)."""
        group.head = event
        self._file(group)

    def words_of(self, group: _Group, words: Iterable[str]) -> None:
        """File the group under these words (kinds of happening, stems)."""
        for word in words:
            self.by_word.setdefault(word, set()).add(group.order)

    def _file(self, group: _Group) -> None:
        months = months_of(group.head.timex)
        if months is None:
            group.months = None  # unresolved or very coarse: near every date
            self.everywhere.add(group.order)
        elif group.months is not None:
            group.months.update(months)
            for month in months:
                self.by_month.setdefault(month, set()).add(group.order)

    def near(self, timex: Timex, features: Features) -> list[_Group]:
        """The groups that could take an event of this date and these words, first made
        first (the order every comparison is tried in)."""
        sharing: set[int] = set()
        for word in (*features.classes, *features.stems):
            sharing.update(self.by_word.get(word, ()))
        months = months_of(timex)
        if months is not None:  # and filed near its date: a date conflict spans ~2 months
            near = sharing.intersection(self.everywhere)
            for month in range(months.start - 3, months.stop + 3):
                filed = self.by_month.get(month)
                if filed:
                    near.update(sharing.intersection(filed))
            sharing = near
        return [self.groups[order] for order in sorted(sharing)]


def _articles_of(event: Event) -> set[tuple[str, str | None, str]]:
    """The articles an event comes from; two articles of one outlet are still two."""
    return {(m.source, m.url, m.title) for m in event.mentions}


def _best_group(
    event: Event,
    mine: Features,
    articles: set[tuple[str, str | None, str]],
    groups: list[_Group],
) -> _Group | None:
    best, best_score = None, 0.0
    classes, stems, actors = mine.classes, mine.stems, mine.actors
    for group in groups:
        if not group.articles.isdisjoint(articles):
            continue  # one article's distinct events stay distinct
        theirs = group.features
        # similarity(mine, theirs), inlined: the merge's innermost loop
        shared_actors = len(actors & theirs.actors)
        score = (
            len(classes & theirs.classes)
            + (shared_actors if shared_actors < 3 else 3)
            + 0.5 * len(stems & theirs.stems)
        )
        if score > best_score and _same_happening(event, group.head, mine, group.features, score):
            best, best_score = group, score
    return best


def _same_happening(
    event: Event, head: Event, mine: Features, theirs: Features, score: float
) -> bool:
    if score < 1.5:  # below both thresholds: no date needs comparing
        return False
    shares_words = bool(mine.classes & theirs.classes) or len(mine.stems & theirs.stems) >= 2
    if dates_compatible(event.timex, head.timex):
        # the same happening has the same people: where both name some, a shared kind of
        # happening and date alone ("Apple released Apple TV"; "Leopard would be released
        # in 2007") is not enough
        people = not (mine.actors and theirs.actors) or bool(mine.actors & theirs.actors)
        return shares_words and score >= 1.5 and people
    gap = date_gap(event.timex, head.timex)
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
            for kind in _label_kinds(mention.label):
                counts[kind] = counts.get(kind, 0) + 1
    return counts


@lru_cache(maxsize=4096)
def _label_kinds(label: str) -> tuple[str, ...]:
    """``trigger_class`` of a mention's label (labels recur across mentions and batches)."""
    return tuple(sorted(trigger_class(label)))


def _telling(event: Event, kind: str) -> tuple[int, bool, bool, int]:
    """The event whose date and label lead: most precise, told as a clause about the kind of
    happening most mentions tell (the attack, not an abduction during it), reported first."""
    told = len(event.label.split()) >= 4
    on_topic = kind in trigger_class(event.label)
    return label_rank(event.timex), told, on_topic, -_published_order(event)


def _date_groups(dates: dict[str, tuple[Timex, dict[str, None]]]) -> list[list[str]]:
    """The dates the sources give, those that can be the same moment together, each list
    led by its most precise date."""
    ordered = sorted(dates, key=lambda value: -precision_rank(dates[value][0]))
    groups: list[list[str]] = []
    for value in ordered:
        for same in groups:
            if dates_compatible(dates[value][0], dates[same[0]][0]):
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
    sources = {s for timex, voters in dates.values() if dates_compatible(timex, head)
               for s in voters}  # fmt: skip
    return len(sources), max(precision_rank(dates[v][0]) for v in values)


def _published_order(event: Event) -> int:
    published = next((m.published for m in event.mentions if m.published), None)
    return published.toordinal() if isinstance(published, date) else date.max.toordinal()


def _event_features(event: Event) -> Features:
    labels = tuple(m.label for m in event.mentions if m.date_text)
    return _features_of(labels or (event.label,), tuple(event.actors))


@lru_cache(maxsize=8192)
def _features_of(labels: tuple[str, ...], actors: tuple[str, ...]) -> Features:
    """``features_of`` of an event's labels and actors (a happening reported in many
    articles has the same ones: computed once)."""
    return features_of(labels, actors)
