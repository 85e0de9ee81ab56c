"""One article's events: each date that anchors a happening becomes a mention; mentions of
one happening merge, the most precise date leading; dateless sentences placed "in the
attack" join that event."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from timeline.events.actors import ArticleActors
from timeline.events.anchors import Anchor, anchor_date, event_reference, generic_day
from timeline.events.clauses import report_end
from timeline.events.kinds import event_classes, is_generic_noun
from timeline.events.labels import (
    dateless_clause,
    dateless_label,
    finish_label,
    quoted_report_label,
    reported_label,
)
from timeline.events.memo import next_article
from timeline.events.modality import modality
from timeline.events.neutral import has_event_words, neutral_anchor
from timeline.events.salience import salience
from timeline.events.sentences import (
    Sentence,
    cut_note,
    is_title_case,
    sentence_of,
    split_sentences,
)
from timeline.events.similarity import (
    Features,
    GrowingFeatures,
    content_words,
    dates_compatible,
    features_of,
    label_rank,
    precision_rank,
    similarity,
)
from timeline.events.undated import (
    LEAD_SENTENCES,
    day_timex,
    is_state,
    news_peg,
    tells_undatable,
    tense,
    unknown_timex,
)
from timeline.events.zones import utc_bounds
from timeline.model import PRECISION_RANK, UNKNOWN_DATE, Article, Event, Mention, Timex

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
    pronoun_subject: bool = False  # a sentence without a date that opens "He ..."

    @property
    def own_features(self) -> Features:
        if self.features is None:
            self.features = _candidate_features(self)
        return self.features


class _Cluster:
    """Mentions taken for one happening in an article."""

    __slots__ = ("members", "dateless", "head", "order", "_features")

    def __init__(self, candidate: _Candidate, order: int) -> None:
        self.members: list[_Candidate] = []
        self.dateless: list[tuple[Mention, list[str]]] = []
        self.head = candidate
        self.order = order  # clusters made earlier are tried first
        self._features = GrowingFeatures()  # of all its members' labels and actors
        self.add(candidate)

    def add(self, candidate: _Candidate) -> None:
        """The head is the mention that gives the event its date and label: the most
        precise date (a time of day counts as its day), a told clause rather than a bare
        noun, told first; ties keep the member that joined first."""
        self.members.append(candidate)
        if _head_key(candidate) < _head_key(self.head):
            self.head = candidate
        self._features.add_text(candidate.anchor.label)
        for actor in candidate.actors:
            self._features.add_actor(actor)

    @property
    def features(self) -> Features:
        return self._features.frozen()


def _head_key(candidate: _Candidate) -> tuple[int, bool, bool, int]:
    stated = candidate.mention.date_basis == "stated"  # a date in the sentence leads
    return (
        -label_rank(candidate.timex),
        not stated,
        candidate.anchor.noun_only,
        candidate.timex.start,
    )


class _ClusterIndex:
    """An article's clusters filed by the days (or months) their head's date spans, so a
    mention is compared only with clusters whose date can be its own; unresolved dates
    ("Wednesday" without a publication date) by their value."""

    def __init__(self) -> None:
        self.clusters: list[_Cluster] = []
        self.by_day: dict[int, list[_Cluster]] = {}  # heads up to SHORT_DAYS long
        self.by_month: dict[int, list[_Cluster]] = {}  # heads up to LONG_MONTHS long
        self.everywhere: list[_Cluster] = []  # longer, or with one bound only
        self.by_value: dict[str, list[_Cluster]] = {}  # unresolved heads

    def new(self, candidate: _Candidate) -> _Cluster:
        cluster = _Cluster(candidate, len(self.clusters))
        self.clusters.append(cluster)
        self._file(cluster)
        return cluster

    def join(self, cluster: _Cluster, candidate: _Candidate) -> None:
        head = cluster.head
        cluster.add(candidate)
        if cluster.head is not head:  # filed under its new head's dates too
            self._file(cluster)

    def _file(self, cluster: _Cluster) -> None:
        timex = cluster.head.timex
        if timex.earliest is None:
            _file_under(self.by_value, [timex.value], cluster)
            return
        days, months = _days(timex), months_of(timex)
        if days is not None:
            _file_under(self.by_day, days, cluster)
        elif months is not None:
            _file_under(self.by_month, months, cluster)
        elif cluster not in self.everywhere:
            self.everywhere.append(cluster)

    def near(self, timex: Timex) -> list[_Cluster]:
        """The clusters whose head's date may be compatible with ``timex``, first made
        first; at most MAX_NEAR of them (only hostile text has more on one date)."""
        if timex.earliest is None:
            found = list(self.by_value.get(timex.value, ()))
        else:
            days, months = _days(timex), months_of(timex)
            if months is None:  # a wide date: every resolved cluster
                found = [c for c in self.clusters if c.head.timex.earliest is not None]
            else:
                if days is None:
                    days = _days(timex, widest=None)
                found = _filed_in(self.by_day, days)
                found += _filed_in(self.by_month, months)
                found += self.everywhere
        unique = sorted({id(c): c for c in found}.values(), key=lambda c: c.order)
        return unique[-MAX_NEAR:]


SHORT_DAYS = 62  # a head at most this many days long is filed by day, a longer one by month
LONG_MONTHS = 24
MAX_NEAR = 200  # clusters compared with one mention: the latest made of those on its date


def _filed_in(index: dict[int, list[_Cluster]], keys: range) -> list[_Cluster]:
    """The clusters filed under ``keys`` (in no particular order: ``near`` sorts them): a
    year's 366 days are looked up one by one only when more days than that are filed."""
    if len(index) < len(keys):
        return [c for key, filed in index.items() if key in keys for c in filed]
    return [c for key in keys for c in index.get(key, ())]


def _file_under(index: dict, keys: Iterable, cluster: _Cluster) -> None:
    for key in keys:
        filed = index.setdefault(key, [])
        if not filed or filed[-1] is not cluster:
            filed.append(cluster)


def _days(timex: Timex, widest: int | None = SHORT_DAYS) -> range | None:
    if timex.earliest is None or timex.latest is None:
        return None
    first = timex.earliest.toordinal()
    last = (timex.latest - timedelta(microseconds=1)).toordinal()
    if timex.type == "TIME" and (utc := utc_bounds(timex)) is not None:
        # a time in a named zone: filed and looked up on its day in UTC too
        first = min(first, utc[0].toordinal())
        last = max(last, (utc[1] - timedelta(microseconds=1)).toordinal())
    if widest is not None and last - first >= widest:
        return None
    return range(first, last + 1)


def months_of(timex: Timex) -> range | None:
    """The months (year * 12 + month) a date spans; None when undated or LONG_MONTHS or longer.

    The index both the article's clusters (here) and the cross-article merge look dates up by.
    """
    if timex.earliest is None or timex.latest is None:
        return None
    end = timex.latest - timedelta(microseconds=1)
    first = timex.earliest.year * 12 + timex.earliest.month
    last = end.year * 12 + end.month
    return range(first, last + 1) if last - first < LONG_MONTHS else None


def build_events(
    article: Article, timexes: list[Timex], notes: list[str] | None = None
) -> list[Event]:
    """The events one article reports, each with every mention of it in the article.

    ``notes`` (if given) receives what the report should say about the article: sentences
    too long, or with too many dates, to be read whole are cut into pieces.

    An article in a language without event words of its own (``lang/<code>/events.py``)
    is read language-neutrally (``neutral``): each dated sentence tells a happening.
    """
    next_article()  # what was kept of the article before (timeline.events.memo) goes
    language = article.language or "en"
    sentences = _sentences(article.text, timexes, language)
    if notes is not None and (note := cut_note(sentences)):
        notes.append(note)
    source = article.id  # one string for all the article's mentions
    if not has_event_words(language):
        index = _cluster(_neutral_candidates(article, timexes, sentences, source))
        ends = _range_ends(timexes)
        return numbered([_event_from_cluster(cluster, ends) for cluster in index.clusters])
    # "today's travellers", "the phone of tomorrow": an age, not a day (no event's date)
    timexes = [t for t in timexes if not generic_day(article.text, t.start, t.end)]
    actors = ArticleActors(sentences)
    candidates = _candidates(article, timexes, sentences, actors, source)
    index = _cluster(candidates)
    clusters = index.clusters
    _attach_dateless(article, sentences, candidates, clusters, actors, source)
    undated = _undated_candidates(article, sentences, candidates, actors, source)
    _place_undated(undated, index, sentences)
    ends = _range_ends(timexes)
    events = [_event_from_cluster(cluster, ends) for cluster in clusters]
    return numbered(events)


def _candidates(
    article: Article,
    timexes: list[Timex],
    sentences: list[Sentence],
    actors: ArticleActors,
    source: str,
) -> list[_Candidate]:
    lead = _lead(sentences)
    found = []
    timex_starts = [t.start for t in timexes]
    in_order = all(a <= b for a, b in zip(timex_starts, timex_starts[1:], strict=False))
    for timex, sentence in _dating(timexes, sentences):
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
        names = actors.named(anchor.label, anchor.clause, sentence)
        mention = _mention(article, sentence, timex, anchor, source)
        mention.modality = modality(anchor.clause, sentence.text)
        mention.lead = sentence.start in lead
        found.append(_Candidate(timex, sentence, anchor, names, mention))
    return _without_settings(found)


def _without_settings(found: list[_Candidate]) -> list[_Candidate]:
    """ "Yesterday, at this year's conference, Jobs unveiled the phone": a coarser date
    of the same clause that holds the finer one is its setting, not a second telling of
    the happening; the finer date alone dates it."""
    by_sentence: dict[tuple[int, str], list[_Candidate]] = {}
    for candidate in found:
        if candidate.anchor.role == "event":
            key = (candidate.sentence.start, candidate.anchor.label)
            by_sentence.setdefault(key, []).append(candidate)
    setting: set[int] = set()
    for same in by_sentence.values():
        for coarse in same:
            if any(_holds(coarse.timex, fine.timex) for fine in same if fine is not coarse):
                setting.add(id(coarse))
    return [c for c in found if id(c) not in setting] if setting else found


def _holds(coarse: Timex, fine: Timex) -> bool:
    """Whether ``coarse`` is a wider date that contains ``fine``."""
    if coarse.earliest is None or coarse.latest is None:
        return False
    if fine.earliest is None or fine.latest is None:
        return False
    if precision_rank(coarse) >= precision_rank(fine):
        return False
    if coarse.earliest <= fine.earliest and fine.latest <= coarse.latest:
        return True
    # "9 p.m. EST Tuesday (0200 GMT Wednesday)": Wednesday holds it in UTC
    utc = utc_bounds(fine) if utc_bounds(coarse) is None else None
    return utc is not None and coarse.earliest <= utc[0] and utc[1] <= coarse.latest


def _neutral_candidates(
    article: Article, timexes: list[Timex], sentences: list[Sentence], source: str
) -> list[_Candidate]:
    """Every date on the calendar dates what its sentence tells (``neutral``)."""
    lead = _lead(sentences)
    found = []
    for timex, sentence in _dating(timexes, sentences):
        others = _other_dates(timexes, timex, sentence)
        start, end = timex.start - sentence.start, timex.end - sentence.start
        anchor = neutral_anchor(sentence.text, start, end, others, article.language)
        mention = _mention(article, sentence, timex, anchor, source)
        mention.lead = sentence.start in lead
        found.append(_Candidate(timex, sentence, anchor, [], mention))
    return found


def _dating(timexes: list[Timex], sentences: list[Sentence]) -> Iterator[tuple[Timex, Sentence]]:
    """Each date that can date an event (not the far end of a range), with its sentence."""
    range_ends = {t.range_end for t in timexes if t.range_end}
    starts = [s.start for s in sentences]
    for timex in timexes:
        if not _can_date_an_event(timex) or (timex.tid and timex.tid in range_ends):
            continue
        sentence = sentence_of(sentences, timex.start, starts)
        if sentence is not None:
            yield timex, sentence


def _lead(sentences: list[Sentence]) -> set[int]:
    """The starts of the headline (or date line) and the first sentences."""
    return {s.start for s in sentences[:LEAD_SENTENCES]}


def _undated_candidates(
    article: Article,
    sentences: list[Sentence],
    dated: list[_Candidate],
    actors: ArticleActors,
    source: str,
) -> list[_Candidate]:
    """Sentences without a date of their own that report a happening of someone the
    article names: the lead and past-tense sentences take the news peg ("carried"),
    present-tense reports ("Apple says ...") the publication date ("published"); other
    present-tense sentences tell states, not happenings. A planned, hypothetical or
    negated one, or any of an article without a publication date, has no date the text
    allows ("unknown")."""
    lead = _lead(sentences)
    stated = sorted((c for c in dated if c.anchor.role == "event"), key=lambda c: c.timex.start)
    peg = news_peg(article.published, [(c.timex, c.sentence.start in lead) for c in stated])
    told: dict[int, list[_Candidate]] = {}
    for candidate in dated:
        told.setdefault(candidate.sentence.start, []).append(candidate)
    found = []
    for sentence in sentences:
        if is_title_case(sentence.text):
            continue
        in_lead = sentence.start in lead
        if sentence.start in told:
            # "Jobs said that Leopard would be released in 2007": the report is a
            # happening of its own, dated by its speech verb, not by the date it reports
            happening = _report_of_dated(sentence, told[sentence.start], actors)
        elif event_reference(sentence.text) is not None:
            continue  # "killed in the attack": placed by that event (_attach_dateless)
        else:
            happening = _undated_happening(sentence, actors, in_lead)
        if happening is None:
            continue
        told_label, label, names, said, verb_tense = happening
        basis = "carried" if in_lead or verb_tense == "past" else "published"
        day = peg if basis == "carried" else article.published
        if day is None or said in _HAPPENING_NOT_DATED:
            basis, timex = UNKNOWN_DATE, unknown_timex(sentence.start)
        else:
            timex = day_timex(day, sentence.start)
        anchor = Anchor("event", label, sentence.text, "", event_classes(label))
        mention = _told_in(
            article,
            sentence,
            source,
            date_text="",
            char_start=sentence.start,
            char_end=sentence.end,
            value=timex.value,
            precision=timex.precision,
            label=label,
            date_basis=basis,
            modality=said,
            lead=in_lead,
        )
        pronoun = bool(_PRONOUN_SUBJECT.match(told_label))
        found.append(_Candidate(timex, sentence, anchor, names, mention, None, pronoun))
    return found


_PRONOUN_SUBJECT = re.compile(r"(?:He|She|They|It)\b")
_HAPPENING_NOT_DATED = frozenset({"planned", "hypothetical", "negated"})


def _report_of_dated(
    sentence: Sentence, dated: list[_Candidate], actors: ArticleActors
) -> tuple[str, str, list[str], str, str] | None:
    """(label as told, label, actors, modality, tense) of the report that opens a sentence
    whose dates all lie in what it reports ("Jobs said that his company sold 13.7 million
    Macs last year": Jobs said it on the story's day, not last year), or None. Its label
    is the report's, without the dates it reports."""
    end = report_end(sentence.text)
    if end is None or any(_dates_the_report(sentence, end, c.timex) for c in dated):
        return None
    said_part = sentence.text[:end]
    verb_tense = tense(said_part)
    if verb_tense is None:
        return None
    speaker = actors.resolve_pronoun(said_part.strip(), sentence.start)
    if not actors.named(speaker, "", sentence):
        return None  # "It should be mentioned that", "During his speech he stated that"
    told = reported_label(sentence.text)
    for candidate in dated:
        told = _without_date(told, candidate.timex.text)
    told_label = finish_label(told)
    if len(content_words(told_label[len(said_part.strip()) :])) < 2:
        return None  # the label ends at its speech verb: it tells nothing reported
    label = actors.expand_subject(actors.resolve_pronoun(told_label, sentence.start))
    names = actors.named(label, said_part, sentence)
    return told_label, label, names, "reported", verb_tense


def _dates_the_report(sentence: Sentence, end: int, timex: Timex) -> bool:
    """Whether a date is the report's own: before what is reported, or right after the
    speech verb ("Ferreira said on Wednesday that ...")."""
    at = timex.start - sentence.start
    return at < end or not _OPENS_REPORTED.sub("", sentence.text[end:at]).strip()


_OPENS_REPORTED = re.compile(r"\b(?:on|in|at|during|early|late|earlier|later|the|that)\b")


def _without_date(label: str, date_text: str) -> str:
    """ "sold 13.7 million Macs last year, totaling" -> "sold 13.7 million Macs, totaling";
    "released in 2007" -> "released"; "the 1991 settlement" -> "the settlement"."""
    if not date_text:
        return label
    pattern = _DATE_PREPOSITION + re.escape(date_text) + r"(?:['’]s)?"
    return re.sub(r"\s*" + pattern, "", label, count=1)


_DATE_PREPOSITION = r"(?:\b(?:in|on|at|by|during|since|until|as of)\s+)?"


def _undated_happening(
    sentence: Sentence, actors: ArticleActors, in_lead: bool
) -> tuple[str, str, list[str], str, str] | None:
    """(label as told, label, actors, modality, tense) of a sentence without a date that
    reports a happening, or None. Its main clause tells it; when that says nothing
    datable ("Jobs announced that QuickTime 7 would be available": a plan), the report
    itself is the happening, speaker and all. A planned, hypothetical or negated one
    (``tells_undatable``) only when no reading tells a happening that can be dated."""
    undatable = None
    # "Jobs said that Apple has 109 stores": the report is the happening, dated by its
    # speech verb, and its label keeps the speaker and the verb ('"We love the Beatles,"
    # said Jobs' too); the main clause's label only if need be
    for labelled in (quoted_report_label, reported_label, dateless_label):
        told_label = labelled(sentence.text)
        if not told_label:
            continue
        label = actors.expand_subject(actors.resolve_pronoun(told_label, sentence.start))
        # the cheap questions first: any "no" passes the sentence over
        if len(content_words(label)) < 2:
            continue  # no happening on a day
        verb_tense = tense(label)
        said = modality(label, sentence.text)
        if said in _HAPPENING_NOT_DATED:
            if undatable is None and tells_undatable(told_label, verb_tense, said):
                names = _takes_part(sentence, label, actors)
                if names:
                    undatable = told_label, label, names, said, verb_tense or ""
            continue
        if verb_tense is None:
            continue
        if verb_tense == "present" and not in_lead and said != "reported":
            continue  # "There are 500 engineers": a state, not a happening
        if said != "reported" and is_state(told_label):
            continue  # "The antenna is a metal strip": how things are, in any tense
        names = _takes_part(sentence, label, actors)
        if not names:
            continue  # no one to put on a timeline
        return told_label, label, names, said, verb_tense
    return undatable


def _takes_part(sentence: Sentence, label: str, actors: ArticleActors) -> list[str]:
    """Who takes part: the names of its clause, not of an adverbial or an aside ("Before
    his post at Apple, Cook held positions at IBM": not Apple), and the company "the
    company" stands for."""
    return actors.named(label, dateless_clause(sentence.text), sentence)


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
    language = article.language or "en"
    if not has_event_words(language):
        return "its dates lie outside its sentences"  # defensive: neutral dates every one
    sentences = _sentences(article.text, timexes, language)
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


MAX_DATES_PER_SENTENCE = 20  # prose has up to 6; each date's label weighs all the others


def _sentences(text: str, timexes: list[Timex], language: str = "en") -> list[Sentence]:
    """The article's sentences, those with more than ``MAX_DATES_PER_SENTENCE`` dates cut
    before every that many dates (a list of dates, or hostile text, not prose)."""
    sentences = split_sentences(text, language)
    if any(s.cut_from for s in sentences):
        sentences = _whole_dates(text, sentences, timexes)
    starts = sorted(t.start for t in timexes)
    if len(starts) <= MAX_DATES_PER_SENTENCE:
        return sentences
    bounded = []
    for sentence in sentences:
        first = bisect_left(starts, sentence.start)
        last = bisect_left(starts, sentence.end, first)
        if last - first <= MAX_DATES_PER_SENTENCE:
            bounded.append(sentence)
            continue
        whole = sentence.cut_from or sentence.end - sentence.start
        cuts = [
            starts[i] for i in range(first + MAX_DATES_PER_SENTENCE, last, MAX_DATES_PER_SENTENCE)
        ]
        for begin, end in zip([sentence.start, *cuts], [*cuts, sentence.end], strict=True):
            piece = text[begin:end].rstrip()
            if piece:
                bounded.append(Sentence(begin, begin + len(piece), piece, whole))
    return bounded


def _whole_dates(text: str, sentences: list[Sentence], timexes: list[Timex]) -> list[Sentence]:
    """Pieces of a long sentence cut inside a date are cut before it instead."""
    spans = sorted((t.start, t.end) for t in timexes)
    starts = [start for start, _ in spans]
    fixed = list(sentences)
    for i in range(len(fixed) - 1):
        piece, after = fixed[i], fixed[i + 1]
        if not (piece.cut_from and after.cut_from and piece.end <= after.start):
            continue
        inside = bisect_left(starts, piece.end) - 1
        if inside < 0 or spans[inside][1] <= piece.end or spans[inside][0] <= piece.start:
            continue  # no date across the cut (or one as long as the piece: leave it)
        cut = spans[inside][0]
        head = text[piece.start : cut].rstrip()
        if not head:
            continue
        fixed[i] = Sentence(piece.start, piece.start + len(head), head, piece.cut_from)
        fixed[i + 1] = Sentence(cut, after.end, text[cut : after.end], after.cut_from)
    return fixed


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
    return _told_in(
        article,
        sentence,
        source,
        date_text=timex.text,
        char_start=timex.start,
        char_end=timex.end,
        value=timex.value,
        precision=timex.precision,
        label=anchor.label,
    )


def _told_in(article: Article, sentence: Sentence, source: str, **fields: Any) -> Mention:
    """A mention in one of the article's sentences, with the article's credit (outlet,
    author, image, title, URL, publication date, language) filled in one place."""
    return Mention(
        source=source,
        outlet=article.outlet,
        author=article.author,
        image=article.image,
        sentence=sentence.text,
        sentence_start=sentence.start,
        title=article.title,
        url=article.url,
        published=article.published,
        language=article.language,
        **fields,
    )


def _cluster(candidates: list[_Candidate]) -> _ClusterIndex:
    """Most precise dates first, so coarser and anaphoric mentions join them."""
    index = _ClusterIndex()
    ordered = sorted(candidates, key=lambda c: (-precision_rank(c.timex), c.timex.start))
    for candidate in (c for c in ordered if c.anchor.role == "event"):
        match = _best_cluster(candidate, index.near(candidate.timex), references_only=False)
        if match is None:
            index.new(candidate)
        else:
            index.join(match, candidate)
    for candidate in (c for c in ordered if c.anchor.role == "reference"):
        # a back reference ("since the October incident") joins an event or is dropped
        match = _best_cluster(candidate, index.near(candidate.timex), references_only=True)
        if match is not None:
            index.join(match, candidate)
    return index


def _place_undated(
    undated: list[_Candidate], index: _ClusterIndex, sentences: list[Sentence]
) -> None:
    """Sentences dated by news convention, in text order. "He extended gratitude" goes on
    with the story of the sentence before it (a pronoun subject continues it) and takes
    the date of that sentence's event; a lead sentence naming someone of the news peg's
    event takes that event's date. Each then joins an event that tells the same happening
    on that date, or is an event of its own (a happening, not a date, makes an event)."""
    of_sentence: dict[int, _Cluster] = {}
    for cluster in index.clusters:
        for member in cluster.members:
            of_sentence.setdefault(member.sentence.start, cluster)
        for mention, _ in cluster.dateless:
            of_sentence.setdefault(mention.sentence_start, cluster)
    previous = {s.start: p.start for p, s in zip(sentences, sentences[1:], strict=False)}
    for candidate in undated:
        before = of_sentence.get(previous.get(candidate.sentence.start, -1))
        unknown = candidate.mention.date_basis == UNKNOWN_DATE
        if candidate.mention.modality in _HAPPENING_NOT_DATED:
            pass  # a plan, or what did not happen, has no date but its own
        elif before is not None and candidate.pronoun_subject and _has_date(before):
            _carry(candidate, before.head.timex)
        elif not unknown and (peg := _peg_cluster(candidate, index)) is not None:
            _carry(candidate, peg.head.timex)
        if candidate.mention.date_basis == UNKNOWN_DATE:
            of_sentence.setdefault(candidate.sentence.start, index.new(candidate))
            continue  # each of its own: nothing tells two undated happenings are one
        match = _best_cluster(candidate, index.near(candidate.timex), references_only=False)
        if match is None:
            match = index.new(candidate)
        else:
            index.join(match, candidate)
        of_sentence.setdefault(candidate.sentence.start, match)


def _has_date(cluster: _Cluster) -> bool:
    return cluster.head.mention.date_basis != UNKNOWN_DATE


def _peg_cluster(candidate: _Candidate, index: _ClusterIndex) -> _Cluster | None:
    """For a lead sentence: the stated event on its date that shares one of its actors."""
    if not candidate.mention.lead:
        return None
    mine = set(candidate.actors)
    for cluster in index.near(candidate.timex):
        head = cluster.head
        if head.mention.date_basis == "stated" and mine & set(head.actors):
            if _same_date_in_article(candidate.timex, head.timex):
                return cluster
    return None


def _carry(candidate: _Candidate, timex: Timex) -> None:
    """The candidate takes the date of the event it continues."""
    candidate.timex = timex
    mention = candidate.mention
    mention.value, mention.precision = timex.value, timex.precision
    mention.date_basis = "carried"


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
    if (
        mine.actors
        and theirs.actors
        and mine.actors.isdisjoint(theirs.actors)
        and precision_rank(candidate.timex) == precision_rank(head.timex)
    ):
        return False  # "Acme released the X1"; "the Y2 was released" that day: two happenings
    if mine.classes & theirs.classes:
        return True
    if candidate.mention.date_basis != "stated":
        # a sentence without a date that tells its own clause is its own happening unless
        # it tells the same kind ("Jobs also announced iCloud" is not "Jobs returned to
        # the stage"); words in common are not enough
        return False
    if len(mine.stems & theirs.stems) >= 2:
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
    told = _ToldBefore(clusters)
    for sentence in sentences:
        if sentence.start in dated or is_title_case(sentence.text):
            continue
        reference = event_reference(sentence.text)
        if reference is None:
            continue
        phrase, start, end = reference
        cluster = told.latest(phrase, sentence.start)
        if cluster is None:
            continue
        label = actors.resolve_pronoun(dateless_label(sentence.text), sentence.start)
        label = actors.expand_subject(label)
        mention = _told_in(
            article,
            sentence,
            source,
            date_text="",
            char_start=sentence.start + start,
            char_end=sentence.start + end,
            value="",
            precision=None,
            label=label,
            via=phrase,
            date_basis="",
            modality=modality(label, sentence.text),
        )
        names = actors.named(label, sentence.text, sentence)
        cluster.dateless.append((mention, names))


class _ToldBefore:
    """For definite nouns read in text order ("in the attack"), the event of their kind
    told latest before them: one sweep over the told mentions, not a search per noun."""

    ANY = ""  # the key of a generic noun ("the incident"): any kind

    def __init__(self, clusters: list[_Cluster]) -> None:
        self.kinds = [
            {k for c in cluster.members for k in event_classes(c.anchor.label)}
            for cluster in clusters
        ]
        self.clusters = clusters
        self.told = sorted(  # (sentence start, cluster number) of every mention
            (m.mention.sentence_start, number)
            for number, cluster in enumerate(clusters)
            for m in cluster.members
        )
        self.next = 0
        self.best: dict[str, tuple[int, int]] = {}  # kind -> (start, -cluster number)

    def latest(self, phrase: str, position: int) -> _Cluster | None:
        """The cluster whose latest mention before ``position`` is latest, of a kind of
        the phrase's noun (any kind for a generic noun); ties: the first made."""
        while self.next < len(self.told) and self.told[self.next][0] < position:
            start, number = self.told[self.next]
            self.next += 1
            for kind in (self.ANY, *self.kinds[number]):
                if kind not in self.best or start > self.best[kind][0]:
                    self.best[kind] = (start, -number)
        noun = phrase.split()[-1]
        kinds = (self.ANY,) if is_generic_noun(noun) else event_classes(noun)
        found = [self.best[k] for k in kinds if k in self.best]
        return self.clusters[-max(found)[1]] if found else None


def _event_from_cluster(cluster: _Cluster, ends: dict[str, Timex]) -> Event:
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
    _set_range(event, ends)
    return event


def _set_range(event: Event, ends: dict[str, Timex]) -> None:
    """ "from March 3 to March 5": one event spanning both dates."""
    other = ends.get(event.timex.range_end) if event.timex.range_end else None
    if other is not None:
        event.kind = "range"
        event.range_latest = other.latest


def _range_ends(timexes: list[Timex]) -> dict[str, Timex]:
    """The timex of each id that can end a range (the last one, should ids repeat)."""
    return {t.tid: t for t in timexes if t.tid and t.latest is not None}


def _candidate_features(candidate: _Candidate) -> Features:
    return features_of([candidate.anchor.label], candidate.actors, [candidate.anchor.noun])


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
    """In date order, numbered, each with its salience."""
    events = sorted(events, key=_sort_key)
    for number, event in enumerate(events, start=1):
        event.event_id = f"e{number}"
        event.salience = salience(event)
    return events
