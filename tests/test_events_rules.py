"""One test per rule of the events stage (issue 11), each on sentences written for it
(never the evaluation articles): what is an event, how it is dated, merged and labelled."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.events import build_events, merge_events
from timeline.model import Article, Event

tagger = pytest.importorskip("timeline.timex")


def events_of(text: str, published: date = date(2019, 5, 10), source: str = "a.txt") -> list[Event]:
    article = Article(text=text, source=source, title="", published=published)
    return build_events(article, tagger.tag(text, dct=published))


def merged(*texts: str, published: date = date(2019, 5, 10)) -> list[Event]:
    built = []
    for n, text in enumerate(texts):
        built += events_of(text, published, source=f"article{n}.txt")
    return merge_events(built)


def values_in(events: list[Event], sentence_part: str) -> list[str]:
    return sorted(
        m.value for e in events for m in e.mentions if sentence_part in m.sentence and m.value
    )


# --- a coarser date of the same clause is its setting -----------------------------------


def test_a_coarser_date_holding_the_finer_one_is_the_setting() -> None:
    """ "this year's fair" holds "Tuesday": one happening, dated Tuesday only."""
    text = "On Tuesday, at this year's Hanover fair, Siemens chief Anna Keller unveiled a robot."
    events = events_of(text)
    assert values_in(events, "unveiled") == ["2019-05-07"]


def test_two_dates_of_two_happenings_in_a_sentence_stay_two() -> None:
    text = "Keller joined Siemens in 2004 and became its chief on March 3, 2016."
    assert values_in(events_of(text), "Keller joined") == ["2004", "2016-03-03"]


# --- across articles, the same happening has the same people ----------------------------


def test_across_articles_one_kind_of_happening_with_other_people_stays_apart() -> None:
    """Both "released" in May 2019, nothing else shared: two happenings."""
    events = merged(
        "Nokia released the Lumia 950 phone on May 8, 2019.",
        "Sony released a new camera, the Alpha 9, in May 2019.",
    )
    assert len([e for e in events if "released" in e.label]) == 2


def test_across_articles_one_shared_word_is_not_the_same_happening() -> None:
    """ "device" and a name in common, but a launch is not a description."""
    events = merged(
        "Garmin launched the Venu watch on May 7, 2019.",
        "The Venu watch is a device that tracks sleep, Garmin said on May 7, 2019.",
    )
    assert not any(len(e.sources) == 2 for e in events)


def test_across_articles_the_same_happening_still_merges() -> None:
    events = merged(
        "Nokia released the Lumia 950 phone on May 8, 2019.",
        "On May 8, 2019, Nokia released its new Lumia 950 phone in Helsinki.",
    )
    assert [len(e.sources) for e in events if "released" in e.label] == [2]


# --- names written in camel case are names, not words -----------------------------------


def test_a_camel_case_name_is_no_shared_word() -> None:
    from timeline.events.similarity import features_of

    features = features_of(["Sony sold the new iPod range"], [])
    assert "ipod" not in features.stems and "range" in features.stems


# --- actors named alike across articles ---------------------------------------------------


def actors_of(events: list[Event], sentence_part: str) -> list[str]:
    return next(e.actors for e in events if any(sentence_part in m.sentence for m in e.mentions))


def test_a_lone_company_name_is_the_company_other_articles_name() -> None:
    """ "Boeing" where the article names no Boeing company: the Boeing Co. of the others."""
    events = merged(
        "Boeing Co. delivered its first 787 jet to Qantas on May 7, 2019.",
        "The chief of Boeing Co. met pilots in Seattle on May 2, 2019.",
        "On May 9, 2019, Boeing cut the output of its 737 jets, said Anna Keller.",
    )
    assert "Boeing Co." in actors_of(events, "cut the output")
    assert "Boeing" not in actors_of(events, "cut the output")


def test_company_spellings_with_and_without_the_period_are_one() -> None:
    events = merged(
        "Acme Inc. opened a plant in Ohio on May 7, 2019.",
        "Acme Inc. hired 300 workers in Texas on May 3, 2019.",
        "On April 30, 2019, Acme Inc closed its office in Utah.",
    )
    assert actors_of(events, "closed its office")[0] == "Acme Inc."
    assert "Acme Inc" not in actors_of(events, "closed its office")


def test_a_lone_name_stays_where_the_collection_names_two_companies_alike() -> None:
    events = merged(
        "Apex Corp. opened a plant in Ohio on May 7, 2019.",
        "Apex Airlines hired 300 pilots in Texas on May 3, 2019.",
        "On April 30, 2019, Apex closed its office in Utah.",
    )
    assert "Apex" in actors_of(events, "closed its office")


# --- a sentence without a date: who takes part, and the report as the happening ----------

STORY = "Siemens chief Anna Keller opened a plant in Ohio on Tuesday. "


def test_a_dateless_sentence_takes_part_by_its_clause_not_its_adverbial() -> None:
    events = events_of(STORY + "Before her post at Bosch, Keller held positions at Philips.")
    actors = actors_of(events, "held positions")
    assert "Philips" in actors and "Bosch" not in actors


def test_a_dateless_report_is_the_report_speaker_and_verb_in_its_label() -> None:
    """ "Keller said that Siemens has 300 stores": what happened is that she said it."""
    events = events_of(STORY + "Keller said that Siemens has 300 stores in the United States.")
    said = next(e for e in events if any("300 stores" in m.sentence for m in e.mentions))
    assert said.label.startswith("Anna Keller said")
    assert "Anna Keller" in said.actors and said.mentions[0].date_basis == "carried"


# --- labels: about one line, cut only where a phrase ends ---------------------------------


def test_a_label_keeps_up_to_about_ninety_characters() -> None:
    from timeline.events.labels import shorten

    text = "Keller returned to the stage to reveal the new cloud service of Siemens, Cloudy"
    assert shorten(text) == text  # 79 characters: whole, the purpose clause and all


def test_a_long_label_is_cut_before_a_phrase_not_inside_a_name_pair() -> None:
    from timeline.events.labels import shorten

    text = (
        "Anna Keller unveiled the new products at the Cupertino, California event, saying "
        "the company has been inspired by the work it has done"
    )
    cut = "Anna Keller unveiled the new products at the Cupertino, California event"
    assert shorten(text) == cut
    text = (
        "Elena Kovacs, Irina Tatti and Sapir Cohen were handed over in a prisoner exchange "
        "between Israel and Hamas"
    )
    assert shorten(text).endswith("in a prisoner exchange")


# --- which dateless sentence tells the same happening -------------------------------------


def test_a_dateless_sentence_of_another_kind_is_its_own_event() -> None:
    """ "Keller described the range" is not the robot's unveiling, words in common or not."""
    events = events_of(
        "Siemens unveiled its new robot range in Hanover on Tuesday. "
        "Siemens chief Anna Keller described the new robot range as a wonder of the world."
    )
    described = next(e for e in events if any("described" in m.sentence for m in e.mentions))
    assert "described" in described.label and len(described.mentions) == 1


def test_the_kind_of_a_report_is_the_report_not_what_it_reports() -> None:
    from timeline.events.similarity import features_of

    assert not features_of(["Keller said that buyers would receive a free case"], []).classes
    assert features_of(["Keller received the minister"], []).classes == {"meeting"}


def test_a_lone_name_is_the_company_named_nearest_in_time() -> None:
    """ "Acme Computer" in 2005, "Acme Inc." in 2012: a 2011 "Acme" is Acme Inc."""
    texts = [
        ("Acme Computer opened a plant in Ohio on May 7, 2005.", date(2005, 5, 8)),
        ("Acme Computer hired 300 workers in Texas on May 3, 2005.", date(2005, 5, 4)),
        ("Acme Inc. closed its office in Utah on May 2, 2012.", date(2012, 5, 3)),
        ("On May 9, 2011, Acme cut the price of its laptops, said Anna Keller.", date(2011, 5, 10)),
    ]
    built = []
    for n, (text, published) in enumerate(texts):
        built += events_of(text, published, source=f"article{n}.txt")
    events = merge_events(built)
    assert "Acme Inc." in actors_of(events, "cut the price")


# --- states, quotations, fronted phrases, qualified names ---------------------------------


def test_a_dateless_state_is_no_happening() -> None:
    from timeline.events.undated import is_state

    assert is_state("The Venu antenna is actually a metal strip")
    assert is_state("Siemens's results were way ahead of market expectations")
    assert is_state("The phone developed by Nokia is a device for calls")
    assert not is_state("The new phone was praised by Keller")  # a passive: it happened
    assert not is_state("Siemens opened a plant that is the largest in Ohio")
    assert not is_state("Keller is expected to resign")
    text = STORY + "The new Siemens plant in Ohio is a building of glass and steel."
    assert not [e for e in events_of(text) if any("glass" in m.sentence for m in e.mentions)]


def test_a_quotation_opening_a_sentence_is_what_its_speaker_said() -> None:
    from timeline.events.labels import quoted_report_label

    sentence = '"We love the new plant, and it was worth the wait," said Siemens chief Anna Keller.'
    assert quoted_report_label(sentence) == (
        'Siemens chief Anna Keller said "We love the new plant, and it was worth the wait"'
    )
    assert quoted_report_label('"It is a great day for us," Keller said.') == (
        'Keller said "It is a great day for us"'
    )
    assert quoted_report_label("Keller said it was a great day.") == ""


def test_a_fronted_phrase_with_a_participle_is_still_the_setting() -> None:
    events = events_of(
        STORY + "During a media event held at its Munich headquarters, Siemens released a new "
        "drive for Philips machines."
    )
    released = next(e for e in events if any("new drive" in m.sentence for m in e.mentions))
    assert released.label.startswith("Siemens released a new drive")


def test_a_label_opens_with_the_name_not_the_current() -> None:
    from timeline.events.labels import finish_label

    label = finish_label("The current Siemens CEO Anna Keller also expressed condolences")
    assert label == "Siemens CEO Anna Keller also expressed condolences"


def test_a_model_number_with_a_possessive_is_still_the_model() -> None:
    from timeline.events.actors import find_names

    assert [n.text for n in find_names("Keller showed off Lumia 950's new camera.")] == [
        "Keller",
        "Lumia 950's",
    ]


def test_a_relative_clause_without_its_comma_has_its_own_date() -> None:
    """ "bought Nokia which was sold to Microsoft in 2014": two happenings, two subjects."""
    events = events_of("In 1986 Keller bought Nokia which was sold to Microsoft in 2014.")
    labels = {e.timex.value: e.label for e in events}
    assert labels["1986"] == "Keller bought Nokia"
    assert labels["2014"].startswith("Nokia") and "Keller" not in labels["2014"]


def test_and_before_a_phrase_of_time_opens_another_clause() -> None:
    events = events_of(
        "Keller founded Siemens in 1976, and in 1984 the first Siemens robot was sold."
    )
    labels = {e.timex.value: e.label for e in events}
    assert labels["1976"] == "Keller founded Siemens"
    assert "Keller" not in labels["1984"] and "robot" in labels["1984"]


def test_a_fronted_when_clause_leaves_the_main_clause_and_names_its_he() -> None:
    from timeline.events.labels import dateless_label

    sentence = "When Siemens chief Anna Keller first showed the robot, she praised its arm design."
    assert dateless_label(sentence) == "Anna Keller praised its arm design"
    assert dateless_label("After the fair closed, Keller met the press.") == "Keller met the press"


def test_two_things_said_each_keep_their_date() -> None:
    """ "said that X since 2003 and that as of February Y": Y is dated February."""
    text = (
        "The firm said that sales had doubled since its launch in 2003 and that as of "
        "February, the Siemens store accounts for 70% of all robot sales."
    )
    labels = {e.timex.value: e.label for e in events_of(text)}
    assert labels["2019-02"].startswith("The Siemens store accounts for 70%")


def test_which_took_place_dates_the_clause_before_it() -> None:
    text = (
        "Nokia sold the patent in 2000, when Siemens bought Bosch Robotics, "
        "which took place in 1996."
    )
    labels = {e.timex.value: e.label for e in events_of(text)}
    assert labels["1996"] == "Siemens bought Bosch Robotics"


# --- a mention carries its article's credit, dated or not ---------------------------------


def test_a_dateless_sentence_mention_carries_the_article_credit() -> None:
    """The author and lead image of the article are on every mention, also on one of a
    sentence without date words (dated by news convention)."""
    text = STORY + "Keller also opened a second plant in Texas."
    published = date(2019, 5, 10)
    article = Article(
        text=text,
        source="a.txt",
        title="Plants",
        published=published,
        outlet="Daily Bugle",
        author="Ben Urich",
        image="https://example.org/plant.jpg",
    )
    events = build_events(article, tagger.tag(text, dct=published))
    carried = [m for e in events for m in e.mentions if m.date_basis == "carried"]
    assert carried, "the dateless sentence is an event"
    for mention in (m for e in events for m in e.mentions):
        assert (mention.outlet, mention.author) == ("Daily Bugle", "Ben Urich")
        assert mention.image == "https://example.org/plant.jpg"


# --- "the company" is the company the article named latest -----------------------------


def all_actors_of(events: list[Event], sentence_part: str) -> list[str]:
    return [
        a for e in events if any(sentence_part in m.sentence for m in e.mentions) for a in e.actors
    ]


def test_the_company_is_the_company_named_before() -> None:
    """ "Boeing Co.", "Boeing" and "the company": one actor, the name in the label."""
    text = (
        "Boeing Co. cut 500 jobs in Kansas on Monday, June 3, 2019. "
        "Boeing said the cuts were painful. "
        "The company delivered its first 787 Dreamliner to Qantas on Tuesday, June 4, 2019."
    )
    events = events_of(text, published=date(2019, 6, 5))
    delivered = [e for e in events if "delivered" in e.label]
    assert [e.label.split(" delivered")[0] for e in delivered] == ["Boeing Co."]
    assert "Boeing Co." in delivered[0].actors
    assert "Boeing" not in all_actors_of(events, "Boeing said")


def test_the_firm_is_the_name_the_text_calls_a_company() -> None:
    """ "shares of Nimbus": the text says Nimbus is a company."""
    text = (
        "Investors sold shares of Nimbus on Monday, June 3, 2019. "
        "The firm named Ana Ruiz its chief on Tuesday, June 4, 2019."
    )
    events = events_of(text, published=date(2019, 6, 5))
    assert "Nimbus" in all_actors_of(events, "The firm named")


def test_the_company_after_another_organisation_is_not_clear() -> None:
    """Cisco came between: the text does not say which company, so no one is guessed."""
    text = (
        "Apple Inc. was sued by Cisco on Monday, June 3, 2019. "
        "The company said on Tuesday, June 4, 2019 that the trademark is its own."
    )
    events = events_of(text, published=date(2019, 6, 5))
    assert "Apple Inc." not in all_actors_of(events, "The company said")


# --- one instant told in two time zones is one date -------------------------------------


def test_a_time_restated_in_another_zone_is_one_event() -> None:
    """ "(0200 GMT Wednesday)" restates "9 p.m. EST on Tuesday": one event, one date."""
    text = (
        "The Orion capsule splashed down in the Pacific at 9 p.m. EST on Tuesday "
        "(0200 GMT Wednesday), NASA said."
    )
    events = events_of(text, published=date(2019, 5, 8))
    assert [e.timex.value for e in events] == ["2019-05-07T21:00"]
    assert "GMT" not in events[0].label and "EST" not in events[0].label
    assert not {"GMT", "EST"} & set(events[0].actors)


def test_across_articles_one_instant_in_two_zones_merges() -> None:
    events = merged(
        "The Orion capsule splashed down in the Pacific at 9 p.m. EST on Tuesday.",
        "The Orion capsule splashed down in the Pacific at 2 a.m. GMT on Wednesday.",
        published=date(2019, 5, 8),
    )
    assert [len(e.mentions) for e in events if "splashed" in e.label] == [2]


def test_one_clock_time_in_two_zones_is_two_instants() -> None:
    """9 p.m. in New York is not 9 p.m. in London."""
    events = merged(
        "The Orion capsule splashed down in the Pacific at 9 p.m. EST on Tuesday.",
        "The Orion capsule splashed down in the Pacific at 9 p.m. GMT on Tuesday.",
        published=date(2019, 5, 8),
    )
    assert [len(e.mentions) for e in events if "splashed" in e.label] == [1, 1]


# --- a day's possessive is a date, not a name --------------------------------------------


def test_a_days_possessive_is_no_actor() -> None:
    """ "since Wednesday's close": Wednesday is a day, not a name of someone taking part."""
    from timeline.events.actors import find_names

    names = [n.text for n in find_names("Shares rose, a gain of 2% since Wednesday's close.")]
    assert "Wednesday's" not in names
    assert [n.text for n in find_names("It fell since Nasdaq's close.")] == ["Nasdaq's"]


# --- a name that qualifies its users is not a participant -------------------------------


def test_the_users_of_a_thing_take_part_not_the_thing() -> None:
    """ "Kindle owners complained": the owners did; the Kindle is not an actor there."""
    text = (
        "Amazon released the Kindle reader in the US on May 2, 2019. "
        "Many Kindle owners complained about the screen on May 6, 2019."
    )
    events = events_of(text)
    assert "Kindle" in all_actors_of(events, "released the Kindle")
    assert "Kindle" not in all_actors_of(events, "owners complained")


# --- in one article, one kind of happening on one day with other actors is another one ---


def test_one_kind_of_happening_on_one_day_with_other_actors_is_two_events() -> None:
    """Both "released" on May 7: Acme's phone and Zeta's tablet are two happenings."""
    text = (
        "Acme Corp. released the X1 phone on Tuesday, May 7, 2019. "
        "Elsewhere, the Y2 tablet of Zeta Inc. was also released on Tuesday, May 7, 2019."
    )
    events = events_of(text)
    assert len([e for e in events if "released" in e.label]) == 2


# --- a label that opens with a camel-case name keeps its spelling -----------------------


def test_a_label_opening_with_a_camel_case_name_keeps_it() -> None:
    """ "eReader 2 was released": not "EReader 2", and the name is an actor."""
    text = "eReader 2 was released by Nimbus Corp. on May 2, 2019. It sold well."
    events = events_of(text)
    released = [e for e in events if "released" in e.label]
    assert released and released[0].label.startswith("eReader 2")
    assert "eReader 2" in released[0].actors


# --- "he" is a person, never a product -----------------------------------------------------


def test_he_is_the_person_told_before_not_a_product_name() -> None:
    """ "Current TurboFax machines" opens a sentence: a product, not whom "he" means."""
    text = (
        "Nimbus chief Tom Ruiz unveiled the phone on Thursday, May 2, 2019. "
        "Current TurboFax machines can run its apps. "
        "He said that Nimbus is ready for the change."
    )
    events = events_of(text)
    said = [m.label for e in events for m in e.mentions if m.sentence.startswith("He said")]
    assert said and said[0].startswith("Tom Ruiz said")


# --- a report whose dates are all in what it reports is a happening of its own ------------


def test_a_report_of_a_dated_happening_is_dated_by_its_speech_verb() -> None:
    """ "Ruiz said that the firm sold 2 million phones last year": 2018 dates the sales;
    Ruiz said it on the story's day."""
    text = (
        "Nimbus chief Tom Ruiz spoke to reporters on Thursday, May 2, 2019. "
        "Ruiz said that Nimbus sold 2 million phones last year, a record."
    )
    events = events_of(text, published=date(2019, 5, 3))
    said = [(m.value, m.label) for e in events for m in e.mentions if "Ruiz said" in m.sentence]
    assert ("2019-05-02", "Tom Ruiz said that Nimbus sold 2 million phones, a record") in said
    assert "2018" in [value for value, _ in said]


def test_a_report_needs_a_named_speaker() -> None:
    """ "It should be noted that ...": no one reports it, so no report event."""
    text = "It should be noted that Nimbus sold 2 million phones in 2018."
    events = events_of(text, published=date(2019, 5, 3))
    assert [m.value for e in events for m in e.mentions] == ["2018"]


def test_a_report_whose_label_tells_nothing_reported_is_no_event() -> None:
    """ "Representatives at ... said" (its "that buyers should try again" cut with the
    date) tells no happening of its own."""
    text = (
        "Pre-orders of the new Zeta X1 phone began Tuesday, overwhelming Zeta Corp. and its "
        "stores. Representatives at several Zeta Stores in the United States said that "
        "buyers should try again tomorrow."
    )
    events = events_of(text)
    assert not [m.label for e in events for m in e.mentions if m.label.endswith(" said")]


def test_the_company_is_the_one_the_sentence_before_opens_with() -> None:
    """ "Airbus S.A.S. delivered ... to Singapore Airlines. The company said": Airbus, the
    subject, not the airline named last; "S.A.S." is a company form."""
    text = (
        "Airbus S.A.S. delivered its first A380 to Singapore Airlines on Monday, "
        "October 15, 2007. The company said it would deliver 13 more in 2008."
    )
    events = events_of(text, published=date(2007, 10, 16))
    said = [m.label for e in events for m in e.mentions if "The company said" in m.sentence]
    assert "Airbus S.A.S said it would deliver 13 more" in said


def test_the_firm_is_the_name_an_apposition_calls_a_firm() -> None:
    """ "figures from NPD Group, a market research firm. The firm said": NPD Group."""
    text = (
        "Acme Inc. passed Zeta Corp. in sales on Monday, May 6, 2019, according to "
        "figures from NPD Group, a market research firm. "
        "The firm said that Acme Inc. sold 4 million phones in April."
    )
    events = events_of(text)
    said = [m.label for e in events for m in e.mentions if "The firm said" in m.sentence]
    assert "NPD Group said that Acme Inc. sold 4 million phones" in said


def test_shares_of_a_company_opening_a_sentence_are_the_company() -> None:
    """ "Shares of Nimbus rose": Nimbus takes part, not "Shares of Nimbus"."""
    events = events_of("Shares of Nimbus rose 4% on Monday, June 3, 2019.")
    assert all_actors_of(events, "Shares of Nimbus") == ["Nimbus"]


def test_the_automaker_is_the_company_an_apposition_calls_so() -> None:
    """ "Zeta Motors Corp., the Korean automaker. The automaker opened": Zeta Motors."""
    text = (
        "Acme Inc. agreed on Monday, June 3, 2019 to supply batteries to Zeta Motors "
        "Corp., the Korean automaker. The automaker opened a plant in Ohio on Tuesday, "
        "June 4, 2019."
    )
    events = events_of(text, published=date(2019, 6, 5))
    opened = [e for e in events if "opened" in e.label]
    assert [e.label for e in opened] == ["Zeta Motors Corp. opened a plant in Ohio"]
    assert "Acme Inc." not in opened[0].actors


# --- what has no date the text allows is kept, of unknown date ----------------------------


def undated_labels(events: list[Event]) -> list[tuple[str, str]]:
    return sorted(
        (e.mentions[0].modality, e.label)
        for e in events
        if e.mentions[0].date_basis == "unknown" and e.timex.earliest is None
    )


def test_a_plan_without_a_date_is_an_event_of_unknown_date() -> None:
    events = events_of(STORY + "Keller will open a third plant in Nevada.")
    assert undated_labels(events) == [("planned", "Anna Keller will open a third plant in Nevada")]
    assert values_in(events, "Nevada") == []  # no value: not on the calendar


def test_what_did_not_happen_without_a_date_is_kept_of_unknown_date() -> None:
    events = events_of(STORY + "Keller did not visit the Nevada site.")
    assert undated_labels(events) == [("negated", "Anna Keller did not visit the Nevada site")]


def test_a_negated_present_state_is_no_undated_event() -> None:
    """ "does not own": how things are, not a happening that did not happen."""
    assert undated_labels(events_of(STORY + "Keller does not own a plant in Nevada.")) == []


def test_a_plan_told_as_a_state_is_no_undated_event() -> None:
    events = events_of(STORY + "The Ohio plant will also be a training centre for Siemens.")
    assert undated_labels(events) == []


def test_a_plan_in_a_speakers_own_words_is_no_undated_event() -> None:
    """ "We are going to ...": who speaks is not in the sentence."""
    events = events_of(STORY + '"We are going to hire 400 people in Ohio," Keller said.')
    assert undated_labels(events) == []


def test_a_sentence_after_an_undated_plan_still_takes_the_story_date() -> None:
    """ "She" goes on with a plan of unknown date: it does not take that (no) date."""
    text = STORY + "Keller will open a plant in Nevada. She also met the Ohio governor."
    assert values_in(events_of(text), "governor") == ["2019-05-07"]


# --- what did not happen: cues of failure --------------------------------------------------


def modality_in(events: list[Event], sentence_part: str) -> list[str]:
    return sorted(
        m.modality for e in events for m in e.mentions if sentence_part in m.sentence and m.value
    )


def test_failing_to_do_is_negated() -> None:
    text = "Bosch fails to win the Lyon tram contract, Keller said on Monday."
    assert modality_in(events_of(text), "tram contract") == ["negated"]


def test_not_managing_to_do_is_negated() -> None:
    text = "Keller did not manage to open the Lyon plant on Monday."
    assert modality_in(events_of(text), "Lyon plant") == ["negated"]


def test_being_unable_to_do_is_negated() -> None:
    text = "Keller was unable to reach Lyon on Monday."
    assert modality_in(events_of(text), "reach Lyon") == ["negated"]


# --- "today" and "tomorrow" that name an age, not a day ---------------------------------


def test_a_generic_todays_names_no_day() -> None:
    """ "Today's commuters expect": people of the age, in the present, no happening."""
    text = STORY + "Today's commuters expect trains with free internet, Keller said."
    assert values_in(events_of(text), "commuters") == []  # a state, on no day


def test_todays_with_a_past_verb_is_the_day() -> None:
    text = "Today's outage was caused by a fault at a Siemens substation."
    assert values_in(events_of(text), "outage") == ["2019-05-10"]


def test_the_noun_of_tomorrow_is_figurative() -> None:
    """ "the factory of tomorrow" dates nothing: the unveiling takes the story's date."""
    events = events_of(STORY + "Keller also unveiled the factory of tomorrow.")
    assert values_in(events, "factory of tomorrow") == ["2019-05-07"]
    (event,) = [e for e in events if "factory of tomorrow" in e.mentions[0].sentence]
    assert "of tomorrow" in event.label


def test_today_in_a_comparison_is_no_day() -> None:
    text = "Siemens sells more turbines today than Vestas, Keller said."
    bases = [m.date_basis for e in events_of(text) for m in e.mentions]
    assert "stated" not in bases  # "today" dates nothing; the saying takes the story's date


# --- counterfactuals keep their "had" and "have" ------------------------------------------


def test_a_counterfactual_label_keeps_its_had() -> None:
    text = "If the merger had gone through in 2017, Siemens would have led the market."
    (event,) = events_of(text)
    assert event.label.startswith("If the merger had gone through")
    assert event.mentions[0].modality == "hypothetical"


def test_a_perfect_after_a_modal_keeps_its_have() -> None:
    text = "Had Keller signed the deal in 2017, Siemens would have grown."
    (event,) = events_of(text)
    assert "would have grown" in event.label
    assert event.mentions[0].modality == "hypothetical"


def test_a_perfect_without_a_past_form_keeps_its_auxiliary() -> None:
    """ "has chosen" -> "chosen" reads wrong; "has released" -> "released" is a headline."""
    events = events_of("Keller has chosen to leave Siemens in June 2019.")
    assert [e.label for e in events] == ["Keller has chosen to leave Siemens"]
    released = events_of("Siemens has released a new turbine in June 2019.")
    assert released[0].label == "Siemens released a new turbine"
