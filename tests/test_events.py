"""Events: which dates anchor a happening, their labels and actors, and merging mentions
within an article and across articles (issue #4).

Most tests use hand-made time expressions with exact offsets, so they test this stage
alone; the end-to-end tests at the bottom run the real tagger on data/articles.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

import pytest
from conftest import DATA, SEED
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.events import EventMerger, build_events, merge_events
from timeline.events.actors import find_names
from timeline.events.sentences import split_sentences
from timeline.model import Article, Event, Timex

SEED_PUBLISHED = date(2025, 3, 6)


def bounds(value: str) -> tuple[datetime | None, datetime | None]:
    """The half-open interval of a simple TIMEX3 value (day, month or time of day)."""
    if value.startswith("X"):
        return None, None
    if re.fullmatch(r"\d{4}-\d\d", value):
        start = datetime.strptime(value, "%Y-%m")
        next_month = (start.replace(day=28) + timedelta(days=4)).replace(day=1)
        return start, next_month
    start = datetime.strptime(value[:10], "%Y-%m-%d")
    return start, start + timedelta(days=1)


def timex(text: str, words: str, value: str, precision: str | None, *, nth: int = 0, **kw) -> Timex:
    """A Timex for the ``nth`` occurrence of ``words`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    earliest, latest = bounds(value)
    kind = "TIME" if "T" in value else "DATE"
    return Timex(start, start + len(words), words, kind, value, precision, earliest, latest, **kw)


def seed_article() -> Article:
    text = SEED.read_text(encoding="utf-8")
    title = text.split("\n", 1)[0]
    return Article(text=text, source=str(SEED), title=title, published=SEED_PUBLISHED)


def seed_timexes(text: str) -> list[Timex]:
    """What the tagger gives on the seed with publication date 2025-03-06."""
    found = [
        timex(text, "February 2025", "2025-02", "month"),
        timex(text, "October 2023", "2023-10", "month"),
        timex(text, "Wednesday night", "2025-03-05TNI", "time", needs_dct=True, anchor="dct"),
        timex(text, "October", "2023-10", "month", nth=1, anchor="t2"),
        timex(text, "February 15, 2025", "2025-02-15", "day"),
        timex(text, "53 days later", "2023-11-29", "day", anchor="t7"),
        timex(text, "October 7, 2023", "2023-10-07", "day"),
    ]
    return sorted(found, key=lambda t: t.start)


@pytest.fixture(scope="module")
def seed_events() -> list[Event]:
    article = seed_article()
    return merge_events(build_events(article, seed_timexes(article.text)))


def stated(events: list[Event]) -> list[Event]:
    """The events whose date the text states (not carried by news convention)."""
    return [e for e in events if e.mentions[0].date_basis == "stated"]


def by_value(events: list[Event]) -> dict[str, Event]:
    return {event.timex.value: event for event in events}


# --- the seed: exactly four events ------------------------------------------------------


def test_seed_has_exactly_the_four_events(seed_events: list[Event]) -> None:
    values = [event.timex.value for event in stated(seed_events)]
    assert values == ["2023-10-07", "2023-11-29", "2025-02-15", "2025-03-05TNI"]
    assert [event.event_id for event in seed_events] == ["e1", "e2", "e3", "e4", "e5"]


def test_the_seeds_headline_is_the_one_event_its_undated_sentences_add(
    seed_events: list[Event],
) -> None:
    """ "President Putin thanks Hamas ..." (the lead, no date words) names Putin, whose
    Kremlin meeting is the news peg, so it takes that date; "He extended formal gratitude
    to Hamas" goes on from the sentence before (the meeting) and tells the same thanks."""
    (thanks,) = [e for e in seed_events if e.mentions[0].date_basis == "carried"]
    assert thanks.label.startswith("President Putin thanks Hamas for releasing Russian hostages")
    assert thanks.timex.value == "2025-03-05TNI"
    assert [m.label.split()[:3] for m in thanks.mentions] == [
        ["President", "Putin", "thanks"],
        ["Vladimir", "Putin", "extended"],
    ]
    assert thanks.mentions[0].lead and not thanks.mentions[1].lead
    assert all(m.modality == "asserted" for m in thanks.mentions)


def test_seed_labels_are_the_clauses_a_reader_would_write(seed_events: list[Event]) -> None:
    events = by_value(seed_events)
    assert events["2025-02-15"].label == "Alexander Trufanov freed as part of a ceasefire agreement"
    assert events["2023-11-29"].label.endswith("released in a hostage exchange")
    assert events["2025-03-05TNI"].label.startswith("Vladimir Putin received Alexander Trufanov")
    assert events["2023-10-07"].label.startswith("The attack by Hamas resulted in")
    for event in seed_events:
        assert len(event.label) <= 90
        assert not re.search(r"October|February|Wednesday|2023|2025|53 days", event.label)
        assert "according to" not in event.label


def test_october_mentions_merge_into_the_attack_with_the_most_precise_date(
    seed_events: list[Event],
) -> None:
    attack = by_value(seed_events)["2023-10-07"]
    dated = [m.date_text for m in attack.mentions if m.date_text]
    assert dated == ["October 7, 2023", "October 2023", "October"]
    assert attack.mentions[0].date_text == "October 7, 2023"  # the primary mention
    incident = attack.mentions[2]
    assert "since the October incident" in incident.sentence


def test_dateless_sentences_placed_in_the_attack_join_it(seed_events: list[Event]) -> None:
    """The family captured "during the Hamas-led incursion"; the father "killed in the attack"."""
    attack = by_value(seed_events)["2023-10-07"]
    via = {m.via: m.label for m in attack.mentions if m.via}
    assert set(via) == {"the Hamas-led incursion", "the attack"}
    assert "captured" in via["the Hamas-led incursion"]
    assert via["the attack"].startswith("Vitaly Trufanov reportedly killed")
    assert {"Vitaly Trufanov", "Elena Trufanova", "Sapir Cohen"} <= set(attack.actors)


def test_october_incident_neither_makes_an_event_nor_pulls_the_freeing_back(
    seed_events: list[Event],
) -> None:
    freed = by_value(seed_events)["2025-02-15"]
    assert [m.date_text for m in freed.mentions] == ["February 15, 2025", "February 2025"]
    assert all(
        not e.timex.value.startswith("2023-10") or e.timex.value == "2023-10-07"
        for e in seed_events
    )


def test_the_kremlin_meeting_gathers_its_dateless_mentions(seed_events: list[Event]) -> None:
    meeting = by_value(seed_events)["2025-03-05TNI"]
    placed = [m.via for m in meeting.mentions if m.date_basis == ""]
    assert placed == ["the Kremlin meeting", "the meeting"]


def test_actors_are_names_without_titles(seed_events: list[Event]) -> None:
    meeting = by_value(seed_events)["2025-03-05TNI"]
    assert meeting.actors[:3] == ["Vladimir Putin", "Alexander Trufanov", "Kremlin"]
    everyone = {a for e in seed_events for a in e.actors}
    assert "Berl Lazar" in everyone
    assert not everyone & {"Russian", "Israeli", "October", "Wednesday", "Chief Rabbi Berl Lazar"}
    assert not any(a.endswith(("'s", "-led")) for a in everyone)


def test_every_mention_points_back_into_its_article(seed_events: list[Event]) -> None:
    article = seed_article()
    for event in seed_events:
        for mention in event.mentions:
            words = mention.date_text or mention.via or mention.sentence  # carried: the sentence
            assert article.text[mention.char_start : mention.char_end] == words
            start = mention.sentence_start
            assert article.text[start : start + len(mention.sentence)] == mention.sentence
            assert mention.source == str(SEED) and mention.published == SEED_PUBLISHED
            assert mention.title == article.title


# --- which dates anchor an event --------------------------------------------------------


def test_durations_and_now_anchor_nothing() -> None:
    text = "He was held for 16 months. Talks continue now."
    found = [
        Timex(16, 25, "16 months", "DURATION", "P16M"),
        Timex(42, 45, "now", "DATE", "PRESENT_REF"),
    ]
    assert build_events(Article(text=text), found) == []


def test_an_unresolved_date_is_still_an_event_and_says_so() -> None:
    text = "Putin met Trufanov at the Kremlin on Wednesday."
    wednesday = timex(text, "Wednesday", "XXXX-WXX-3", None, needs_dct=True)
    [event] = build_events(Article(text=text, source="undated.txt"), [wednesday])
    assert event.timex.value == "XXXX-WXX-3" and event.timex.needs_dct
    assert event.timex.earliest is None
    assert event.label == "Putin met Trufanov at the Kremlin"


def test_a_date_in_a_relative_clause_dates_that_clause() -> None:
    text = "Sapir Cohen, who was freed on November 29, 2023, met Putin on Wednesday."
    found = [
        timex(text, "November 29, 2023", "2023-11-29", "day"),
        timex(text, "Wednesday", "2025-03-05", "day"),
    ]
    labels = [e.label for e in build_events(Article(text=text), found)]
    assert labels == ["Sapir Cohen freed", "Sapir Cohen met Putin"]


def test_a_date_after_since_refers_back_and_makes_no_event() -> None:
    text = "The three had been held in Gaza since the October 7 attack."
    found = [timex(text, "October 7", "2023-10-07", "day")]
    assert build_events(Article(text=text), found) == []


def test_a_fronted_date_dates_the_main_clause_and_attribution_is_dropped() -> None:
    text = "On Monday, Israel and Hamas agreed a truce, officials said."
    [event] = build_events(Article(text=text), [timex(text, "Monday", "2023-11-20", "day")])
    assert event.label == "Israel and Hamas agreed a truce"
    assert event.actors == ["Israel", "Hamas"]


def test_a_from_to_span_is_one_range_event() -> None:
    text = "The summit ran from March 3 to March 5, 2024."
    start = timex(text, "March 3", "2024-03-03", "day", tid="t1", range_end="t2")
    end = timex(text, "March 5, 2024", "2024-03-05", "day", tid="t2")
    [event] = build_events(Article(text=text), [start, end])
    assert event.kind == "range" and event.range_latest == datetime(2024, 3, 6)


def test_long_clauses_are_cut_where_a_phrase_ends() -> None:
    text = (
        "Elena Trufanova, Irina Tatti and Sapir Cohen were released on November 30, 2023, "
        "in a hostage exchange between Israel and Hamas."
    )
    [event] = build_events(
        Article(text=text), [timex(text, "November 30, 2023", "2023-11-30", "day")]
    )
    assert (
        event.label == "Elena Trufanova, Irina Tatti and Sapir Cohen released in a hostage exchange"
    )


@pytest.mark.parametrize(
    ("text", "words", "value", "label"),
    [
        (
            "Police arrested two men over the robbery, which took place on June 3.",
            "June 3",
            "2024-06-03",
            "The robbery took place",
        ),
        (
            "Mr. Johnson, 54, resigned on Tuesday after months of pressure from lawmakers.",
            "Tuesday",
            "2024-06-11",
            "Mr. Johnson resigned after months of pressure from lawmakers",
        ),
        (
            "More than 2 million people have fled since the war began in February 2022.",
            "February 2022",
            "2022-02",
            "The war began",
        ),
        (
            "The museum will reopen in the spring of 2026, officials announced.",
            "the spring of 2026",
            "2026-03",
            "The museum will reopen",
        ),
        (
            "The earthquake struck at 3:42 a.m. local time, killing at least 50 people.",
            "3:42 a.m. local time",
            "2024-06-09T03:42",
            "The earthquake struck, killing at least 50 people",
        ),
        (
            "He said the talks, scheduled for next Monday, would focus on trade.",
            "next Monday",
            "2024-06-17",
            "The talks scheduled",
        ),
    ],
)
def test_labels_keep_the_clause_the_date_belongs_to(
    text: str, words: str, value: str, label: str
) -> None:
    [event] = build_events(Article(text=text), [timex(text, words, value, "day")])
    assert event.label == label


def test_several_dates_in_one_clause_each_get_their_part() -> None:
    text = "The company was founded in 1976, went public in 1980 and moved to Cupertino in 1993."
    found = [timex(text, year, f"{year}-01", "month") for year in ("1976", "1980", "1993")]
    labels = [e.label for e in build_events(Article(text=text), found)]
    assert labels == [
        "The company founded",
        "The company went public",
        "The company moved to Cupertino",
    ]


def test_reported_speech_names_the_speaker() -> None:
    text = "Cisco states that it has received the trademark in 2000."
    [event] = build_events(Article(text=text), [timex(text, "2000", "2000-01", "month")])
    assert event.label == "Cisco received the trademark"


def test_a_pronoun_subject_is_named() -> None:
    text = "Barack Obama visited Kenya. He was born in 1961 in Honolulu, Hawaii."
    events = build_events(Article(text=text), [timex(text, "1961", "1961-01", "month")])
    [event] = [e for e in events if e.timex.value]
    assert event.label == "Barack Obama was born in Honolulu, Hawaii"
    assert event.actors[0] == "Barack Obama"
    # without a publication date the visit has no date the text allows: kept, undated
    [visit] = [e for e in events if not e.timex.value]
    assert visit.label == "Barack Obama visited Kenya"
    assert visit.mentions[0].date_basis == "unknown"


def test_different_happenings_in_one_week_stay_apart() -> None:
    text = "Last week, police arrested two men over the robbery, which took place on June 3."
    found = [
        Timex(
            0,
            9,
            "Last week",
            "DATE",
            "2024-W23",
            "week",
            datetime(2024, 6, 3),
            datetime(2024, 6, 10),
        ),
        timex(text, "June 3", "2024-06-03", "day"),
    ]
    labels = [e.label for e in build_events(Article(text=text), found)]
    assert labels == ["Police arrested two men over the robbery", "The robbery took place"]


def test_a_coarser_date_with_the_same_actor_but_another_happening_stays_apart() -> None:
    text = "Trump visited Paris on June 3. In June, Trump also signed a bill."
    found = [
        timex(text, "June 3", "2019-06-03", "day"),
        timex(text, "June", "2019-06", "month", nth=1),
    ]
    labels = [e.label for e in build_events(Article(text=text), found)]
    assert labels == ["Trump also signed a bill", "Trump visited Paris"]


# --- text helpers -----------------------------------------------------------------------


def test_sentences_survive_abbreviations_initials_and_line_breaks() -> None:
    text = "Mr. Smith met Dr. J. K. Rowling in the U.S. on Aug. 5. The U.S. Army left.\nTitle line"
    sentences = [s.text for s in split_sentences(text)]
    assert sentences == [
        "Mr. Smith met Dr. J. K. Rowling in the U.S. on Aug. 5.",
        "The U.S. Army left.",
        "Title line",
    ]
    for sentence in split_sentences(text):
        assert text[sentence.start : sentence.end] == sentence.text


def test_names_drop_titles_and_stop_at_possessives() -> None:
    text = (
        "Russian President Vladimir Putin thanked Chief Rabbi Berl Lazar "
        "and Russia's Jewish community."
    )
    assert [n.text for n in find_names(text)] == ["Vladimir Putin", "Berl Lazar", "Russia's"]


def test_a_place_or_company_is_not_shortened_into_a_longer_organisation() -> None:
    text = "The Israel Defense Forces said Israel struck Gaza on Monday."
    events = build_events(Article(text=text), [timex(text, "Monday", "2023-10-09", "day")])
    [event] = [e for e in events if e.timex.value]  # the report: no publication date, undated
    assert event.actors[:2] == ["Israel", "Gaza"]


# --- across articles --------------------------------------------------------------------


def article(source: str, published: date | None, text: str) -> Article:
    return Article(text=text, source=source, title=source, published=published)


def wire() -> tuple[Article, list[Timex]]:
    text = (
        "Hamas freed Alexander Trufanov on Saturday in the sixth exchange under the truce.\n"
        "Trufanov was abducted from Kibbutz Nir Oz during the October 7, 2023, attack.\n"
        "His father Vitaly was killed in the attack.\n"
        "His mother Elena Trufanova and grandmother Irina Tatti were released in November 2023."
    )
    found = [
        timex(text, "Saturday", "2025-02-15", "day", needs_dct=True),
        timex(text, "October 7, 2023", "2023-10-07", "day"),
        timex(text, "November 2023", "2023-11", "month"),
    ]
    return article("wire", date(2025, 2, 16), text), found


def daily() -> tuple[Article, list[Timex]]:
    text = "Elena Trufanova, Irina Tatti and Sapir Cohen were released on November 30, 2023."
    found = [timex(text, "November 30, 2023", "2023-11-30", "day")]
    return article("daily", date(2023, 12, 1), text), found


def undated() -> tuple[Article, list[Timex]]:
    text = (
        "Vladimir Putin met Alexander Trufanov at the Kremlin on Wednesday.\n"
        "Trufanov was freed on February 15 after 498 days in captivity."
    )
    found = [
        timex(text, "Wednesday", "XXXX-WXX-3", None, needs_dct=True),
        timex(text, "February 15", "XXXX-02-15", None, needs_dct=True),
    ]
    return article("undated", None, text), found


@pytest.fixture(scope="module")
def story() -> list[Event]:
    seed = seed_article()
    built = build_events(seed, seed_timexes(seed.text))
    for made in (wire(), daily(), undated()):
        built += build_events(*made)
    return merge_events(built)


def test_the_story_across_four_sources_has_four_events(story: list[Event]) -> None:
    assert [e.timex.value for e in stated(story)] == [
        "2023-10-07",
        "2023-11-29",
        "2025-02-15",
        "2025-03-05TNI",
    ]
    assert [e.event_id for e in story] == [f"e{n}" for n in range(1, len(story) + 1)]


def test_the_same_happening_lists_every_source(story: list[Event]) -> None:
    events = by_value(story)
    assert set(events["2025-02-15"].sources) == {str(SEED), "wire", "undated"}
    assert set(events["2023-10-07"].sources) == {str(SEED), "wire"}
    assert set(events["2025-03-05TNI"].sources) == {str(SEED), "undated"}
    published = {m.source: m.published for m in events["2025-02-15"].mentions}
    assert published == {str(SEED): SEED_PUBLISHED, "wire": date(2025, 2, 16), "undated": None}


def test_dateless_mentions_travel_with_their_event(story: list[Event]) -> None:
    attack = by_value(story)["2023-10-07"]
    killed = [m for m in attack.mentions if m.via == "the attack"]
    assert {m.source for m in killed} == {str(SEED), "wire"}
    assert "Vitaly Trufanov" in attack.actors and "Vitaly" not in attack.actors


def test_two_articles_of_one_outlet_still_merge() -> None:
    text = "Hamas freed Sapir Cohen on November 29, 2023."
    found = [timex(text, "November 29, 2023", "2023-11-29", "day")]
    first = Article(text=text, source="Reuters", url="https://example.org/1")
    second = Article(text=text, source="Reuters", url="https://example.org/2")
    merged = merge_events(build_events(first, found) + build_events(second, found))
    assert len(merged) == 1 and len(merged[0].mentions) == 2


def test_the_first_report_tells_a_shared_event(story: list[Event]) -> None:
    freed = by_value(story)["2025-02-15"]
    assert freed.label.startswith("Hamas freed Alexander Trufanov")
    assert freed.mentions[0].source == "wire"
    attack = by_value(story)["2023-10-07"]
    assert attack.label.startswith("The attack by Hamas")  # the attack, not an abduction


def test_disagreeing_sources_keep_both_dates_and_flag_it(story: list[Event]) -> None:
    released = by_value(story)["2023-11-29"]
    assert set(released.sources) == {str(SEED), "wire", "daily"}
    assert released.alt_values == ["2023-11-30"] and released.date_conflict
    assert all(not e.date_conflict for e in story if e is not released)


def test_an_unresolved_date_joins_the_date_it_fits(story: list[Event]) -> None:
    """ "on Wednesday" in an undated article fits 2025-03-05, a Wednesday; "February 15"
    fits 2025-02-15."""
    values = {m.value for e in story for m in e.mentions}
    assert {"XXXX-WXX-3", "XXXX-02-15"} <= values
    assert all(not e.timex.value.startswith("X") for e in story)


def test_merging_is_stable_and_keeps_one_articles_events_apart(story: list[Event]) -> None:
    seed = seed_article()
    again = merge_events(build_events(seed, seed_timexes(seed.text)))
    assert [e.label for e in again] == [e.label for e in merge_events(list(again))]
    assert len(stated(merge_events(list(again)))) == 4


def test_far_apart_dates_are_different_happenings() -> None:
    text_a = "Hamas released Sapir Cohen on November 29, 2023."
    text_b = "Hamas released Sapir Cohen on February 15, 2025."
    a = build_events(
        article("a", None, text_a), [timex(text_a, "November 29, 2023", "2023-11-29", "day")]
    )
    b = build_events(
        article("b", None, text_b), [timex(text_b, "February 15, 2025", "2025-02-15", "day")]
    )
    assert len(merge_events(a + b)) == 2


# --- end to end with the tagger ---------------------------------------------------------


def read_article(path) -> Article:
    """The body, title and front matter of one of our articles (the loader is tested
    elsewhere)."""
    raw = path.read_text(encoding="utf-8")
    meta: dict[str, str] = {}
    front = re.match(r"---\n(.*?)\n---\n", raw, flags=re.S)
    if front:
        meta = dict(line.split(": ", 1) for line in front.group(1).splitlines())
        raw = raw[front.end() :]
    title, _, body = raw.lstrip("# ").partition("\n")
    published = date.fromisoformat(meta["published"]) if "published" in meta else None
    if path == SEED:
        published = SEED_PUBLISHED
    return Article(
        text=body, source=path.name, title=title, published=published, url=meta.get("url")
    )


@pytest.fixture(scope="module")
def tagged_story() -> list[Event]:
    tagger = pytest.importorskip("timeline.timex")
    built = []
    for path in sorted(DATA.glob("0*.*")):
        if path.suffix in (".txt", ".md"):
            one = read_article(path)
            built += build_events(one, tagger.tag(one.text, dct=one.published))
    return merge_events(built)


def test_end_to_end_the_seed_alone_gives_its_four_events() -> None:
    tagger = pytest.importorskip("timeline.timex")
    seed = read_article(SEED)
    events = stated(merge_events(build_events(seed, tagger.tag(seed.text, dct=SEED_PUBLISHED))))
    values = [e.timex.value for e in events]
    assert values[:3] == ["2023-10-07", "2023-11-29", "2025-02-15"] and len(values) == 4
    assert values[3].startswith("2025-03-05")


def test_end_to_end_our_articles_merge_into_the_story(tagged_story: list[Event]) -> None:
    stated = [e for e in tagged_story if e.mentions[0].date_basis == "stated"]
    values = [e.timex.value for e in stated]
    assert values[:3] == ["2023-10-07", "2023-11-29", "2025-02-15"] and len(values) == 4
    n_sources = [len(e.sources) for e in stated]
    assert n_sources == [2, 3, 3, 2]
    assert stated[1].alt_values == ["2023-11-30"]


def test_end_to_end_a_dateless_report_takes_its_storys_date(tagged_story: list[Event]) -> None:
    """ "Russia's foreign ministry thanked Hamas for the release": no date words, told in
    the story of the November 30 release, so dated by it (the news peg)."""
    carried = next(e for e in tagged_story if e.timex.value == "2023-11-30")
    assert carried.mentions[0].date_basis == "carried"
    assert carried.label == "Russia's foreign ministry thanked Hamas for the release"
    assert carried.timex.value == "2023-11-30" and carried.mentions[0].modality == "asserted"


# --- why an article gave nothing --------------------------------------------------------


def test_why_no_events_names_the_reason() -> None:
    from timeline.events import why_no_events

    held = "He was held for 16 months."
    durations = [Timex(16, 25, "16 months", "DURATION", "P16M")]
    assert "durations" in why_no_events(Article(text=held), durations)
    since = "The three had been held in Gaza since the October 7 attack."
    found = [timex(since, "October 7", "2023-10-07", "day")]
    assert build_events(Article(text=since), found) == []
    assert '"October 7"' in why_no_events(Article(text=since), found)
    assert why_no_events(Article(text="Peace."), []) == "no dates or times found in the text"


# --- never raises -----------------------------------------------------------------------

_PIECES = [
    "the", "Putin", "met", "on", "Monday", ",", ".", ";", "who", "since", "October 7, 2023",
    "attack", "was", "freed", "during", "according to", "said", "(", ")", "\n", "U.S.", "Mr.",
    "1,200", "his father", "'s", "-led", "“", "”", "from", "to", "and", "but", "Hamas",
]  # fmt: skip


@given(
    pieces=st.lists(st.sampled_from(_PIECES), max_size=30),
    marks=st.lists(st.tuples(st.integers(0, 200), st.integers(1, 12)), max_size=4),
)
@settings(max_examples=60, deadline=None)
def test_any_text_and_dates_give_events_that_point_back_into_the_text(pieces, marks) -> None:
    text = " ".join(pieces)
    found, last = [], 0
    for start, length in sorted(marks):
        end = min(len(text), start + length)
        if start < last or start >= end:
            continue
        last = end
        found.append(
            Timex(start, end, text[start:end], "DATE", "2023-10-07", "day", *bounds("2023-10-07"))
        )
    for event in merge_events(build_events(Article(text=text, source="a"), found)):
        for mention in event.mentions:
            told = text[mention.char_start : mention.char_end]
            # a sentence without date words (dated by news convention, or of unknown
            # date) points at the whole sentence
            assert told == (mention.date_text or mention.via or mention.sentence)


# --- merging a stream, with a bounded number of mentions kept (issue #6) ----------------


def freed_reports(n: int) -> list[list[Event]]:
    """``n`` articles, each reporting the same release in its own words and sentence."""
    reports = []
    for i in range(n):
        text = f"Hamas freed Sapir Cohen on November 29, 2023, report {i} said."
        found = [timex(text, "November 29, 2023", "2023-11-29", "day")]
        reports.append(build_events(article(f"site{i}", None, text), found))
    return reports


def test_an_event_keeps_a_bounded_number_of_mentions_and_counts_the_rest() -> None:
    events = merge_events([e for report in freed_reports(40) for e in report], max_mentions=5)
    assert len(events) == 1
    freed = events[0]
    assert len(freed.mentions) == 5
    assert freed.n_mentions == 40 and freed.extra_mentions == 35
    assert freed.sources == [f"site{i}" for i in range(40)]  # every source still listed
    everything = merge_events([e for r in freed_reports(40) for e in r], max_mentions=None)
    assert len(everything[0].mentions) == 40


def test_merging_a_stream_in_batches_gives_the_same_events(story: list[Event]) -> None:
    seed = seed_article()
    merger = EventMerger(batch=1)  # every article placed on its own
    for made in ((seed, seed_timexes(seed.text)), wire(), daily(), undated()):
        merger.add(build_events(*made))
    streamed = merger.events()
    assert [(e.timex.value, e.label, set(e.sources)) for e in streamed] == [
        (e.timex.value, e.label, set(e.sources)) for e in story
    ]
    assert by_value(streamed)["2023-11-29"].alt_values == ["2023-11-30"]


def test_a_precise_date_arriving_later_leads_the_event() -> None:
    coarse = "Hamas freed Sapir Cohen in November 2023."
    precise = "Hamas freed Sapir Cohen on November 29, 2023."
    merger = EventMerger(batch=1)
    merger.add(
        build_events(
            article("a", None, coarse), [timex(coarse, "November 2023", "2023-11", "month")]
        )
    )
    merger.add(
        build_events(
            article("b", None, precise), [timex(precise, "November 29, 2023", "2023-11-29", "day")]
        )
    )
    (event,) = merger.events()
    assert event.timex.value == "2023-11-29" and set(event.sources) == {"a", "b"}
    assert not event.date_conflict  # the month allows the day


def test_a_capped_event_still_keeps_every_date_the_sources_gave() -> None:
    """Past the cap, a mention with a date no kept mention has is still kept, so the vote
    between dates is the same as without the cap."""
    reports = freed_reports(12)
    text = "Hamas freed Sapir Cohen on November 30, 2023, another report said."
    reports.append(
        build_events(
            article("late", None, text), [timex(text, "November 30, 2023", "2023-11-30", "day")]
        )
    )
    (event,) = merge_events([e for r in reports for e in r], max_mentions=3)
    assert event.timex.value == "2023-11-29" and event.alt_values == ["2023-11-30"]
    assert "late" in event.sources and event.n_mentions == 13


def test_an_entity_timeline_is_one_call(tmp_path) -> None:
    """df.timeline.about(name): the events whose actors name it, in date order."""
    import timeline

    path = tmp_path / "story.md"
    path.write_text(
        "---\npublished: 2024-06-12\n---\n# Plant fire\n\n"
        "Boeing Co. opened a plant in Everett on March 3, 2024.\n"
        "Airbus delivered the first A350 to Iberia on April 9, 2024.\n"
        "Boeing announced on June 10, 2024 that it would hire 500 workers.\n",
        encoding="utf-8",
    )
    frame = timeline.extract(str(path))
    boeing = frame.timeline.about("Boeing")
    assert list(boeing["value"]) == ["2024-03-03", "2024-06-10"]
    assert list(frame.timeline.about("airbus")["value"]) == ["2024-04-09"]
    assert frame.timeline.about("Lockheed").empty


def test_a_dateless_announcement_of_a_plan_is_the_announcement() -> None:
    """ "Jobs announced that QuickTime 7 would be available": the plan has no date, the
    announcing does (the story's date); "He" is the person the sentence before names."""
    text = (
        "Keynote\n"
        "Apple chief Steve Jobs opened the developers conference on Monday.\n"
        "He also announced that QuickTime 7 would be available for Windows.\n"
        "Analysts expect that sales will rise.\n"
    )
    published = date(2005, 6, 7)
    article = Article(text=text, source="keynote", title="Keynote", published=published)
    timexes = [timex(text, "Monday", "2005-06-06", "day")]
    events = build_events(article, timexes)
    (announced,) = [e for e in events if "QuickTime" in e.label]
    assert announced.label.startswith("Steve Jobs also announced that QuickTime 7")
    assert announced.timex.value == "2005-06-06"
    assert announced.mentions[0].date_basis == "carried"
    assert announced.mentions[0].modality == "asserted"
    assert not any("sales will rise" in e.label for e in events), "a plan, no date"


def test_modality_of_a_clause() -> None:
    from timeline.events.modality import modality

    assert modality("Hamas freed Alexander Trufanov") == "asserted"
    assert modality("The company did not sign the deal") == "negated"
    assert modality("He didn't go") == "negated"
    assert modality("If the deal had gone through, prices would have risen") == "hypothetical"
    assert modality("The trial is set to begin") == "planned"
    assert modality("Prices fell", "Prices fell, officials said.") == "reported"
    assert modality("May 5 was the day") == "asserted"  # a month, not "may"
    assert modality("Jobs announced that the phone would ship") == "asserted"
