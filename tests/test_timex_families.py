"""One test per expression family, on sentences written for these tests."""

from datetime import date, datetime

import pytest

from timeline.timex import tag

DCT = date(2025, 3, 6)  # a Thursday


def one(text: str, dct: date | None = DCT):
    found = tag(text, dct)
    assert len(found) == 1, [(t.text, t.value) for t in found]
    return found[0]


@pytest.mark.parametrize(
    ("sentence", "span", "value", "precision"),
    [
        ("The treaty was signed on March 3, 2021 in Oslo.", "March 3, 2021", "2021-03-03", "day"),
        ("It opened on 12 June 1999.", "12 June 1999", "1999-06-12", "day"),
        ("The file is dated 2020-11-05.", "2020-11-05", "2020-11-05", "day"),
        ("Voting closed in July 2016.", "July 2016", "2016-07", "month"),
        ("Sales rose in 1987.", "1987", "1987", "year"),
        ("Profits fell in Q3 2019.", "Q3 2019", "2019-Q3", "quarter"),
        ("The board met in the summer of 2003.", "the summer of 2003", "2003-SU", "season"),
        ("Music changed in the 1960s.", "the 1960s", "196", "decade"),
        ("Empires fell in the 19th century.", "the 19th century", "18", "century"),
    ],
)
def test_absolute_dates(sentence, span, value, precision):
    t = one(sentence)
    assert (t.text, t.value, t.precision) == (span, value, precision)
    assert not t.needs_dct and t.anchor is None
    assert sentence[t.start : t.end] == t.text


def test_month_year_never_invents_a_day():
    t = one("The plant closed in September 2011.")
    assert t.value == "2011-09"
    assert (t.earliest, t.latest) == (datetime(2011, 9, 1), datetime(2011, 10, 1))


@pytest.mark.parametrize(
    ("sentence", "span", "value"),
    [
        ("The minister resigned on Monday.", "Monday", "2025-03-03"),
        ("The minister will resign on Monday.", "Monday", "2025-03-10"),
        ("Prices jumped last year.", "last year", "2024"),
        ("Rates will rise next month.", "next month", "2025-04"),
        ("Shares fell this week.", "this week", "2025-W10"),
        ("The strike ended yesterday.", "yesterday", "2025-03-05"),
        ("The vote is today.", "today", "2025-03-06"),
        ("The dam burst two years ago.", "two years ago", "2023"),
        ("Snow fell on Tuesday night.", "Tuesday night", "2025-03-04TNI"),
    ],
)
def test_deictic_against_dct(sentence, span, value):
    t = one(sentence)
    assert (t.text, t.value) == (span, value)
    assert t.anchor == "dct" and t.needs_dct


def test_without_dct_values_stay_underspecified():
    t = one("The minister resigned on Wednesday.", None)
    assert t.value == "XXXX-WXX-3"
    assert t.needs_dct and t.earliest is None and t.latest is None


def test_weekday_same_as_dct_is_the_dct():
    assert one("The court ruled Thursday.").value == "2025-03-06"


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The fire started on May 2, 2019. The next day it spread.", "2019-05-03"),
        ("The fire started on May 2, 2019. Ten days later it was out.", "2019-05-12"),
        ("The fire started on May 2, 2019. That month rain fell.", "2019-05"),
        ("The fire started on May 2, 2019. The following week it spread.", "2019-W19"),
        ("Talks began on May 2, 2019. A year earlier they had failed.", "2018"),
    ],
)
def test_anaphoric_against_reference_time(sentence, value):
    ts = tag(sentence, DCT)
    assert len(ts) == 2, [(t.text, t.value) for t in ts]
    assert ts[1].value == value
    assert ts[1].anchor == ts[0].tid and not ts[1].needs_dct


def test_month_anaphora_uses_earlier_mention():
    ts = tag("Riots broke out in August 2011. After the August riots, laws changed.", DCT)
    assert [t.value for t in ts] == ["2011-08", "2011-08"]
    assert ts[1].anchor == ts[0].tid


def test_day_offset_refined_by_document_day():
    text = (
        "The war began in June 1967. It ended six days later. The June 5, 1967, attack opened it."
    )
    ts = tag(text, DCT)
    assert ts[1].value == "1967-06-11"


@pytest.mark.parametrize(
    ("sentence", "span", "value", "mod"),
    [
        ("Work starts in early June 2024.", "early June 2024", "2024-06", "START"),
        ("Growth slowed in mid-2024.", "mid-2024", "2024", "MID"),
        ("Rock boomed in the late 1990s.", "the late 1990s", "199", "END"),
        ("It will be done by the end of 2026.", "the end of 2026", "2026", "END"),
    ],
)
def test_modifiers_keep_bounds(sentence, span, value, mod):
    t = one(sentence)
    assert (t.text, t.value, t.mod) == (span, value, mod)
    assert t.earliest is not None and t.earliest < t.latest


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The siege lasted 53 days.", "P53D"),
        ("He served three years in office.", "P3Y"),
        ("The meeting took two hours.", "PT2H"),
        ("Talks dragged on for several months.", "PXM"),
        ("They signed a 10-year lease.", "P10Y"),
        ("Output grew over the past three years.", "P3Y"),
    ],
)
def test_durations(sentence, value):
    t = one(sentence)
    assert t.type == "DURATION" and t.value == value
    assert t.precision is None and t.earliest is None


@pytest.mark.parametrize(
    ("sentence", "value", "quant", "freq"),
    [
        ("The paper is printed daily.", "P1D", None, None),
        ("The council meets every week.", "P1W", "EVERY", None),
        ("The club meets on Tuesdays.", "XXXX-WXX-2", None, None),
        ("Inspections happen twice a year.", "P1Y", None, "2X"),
    ],
)
def test_sets(sentence, value, quant, freq):
    t = one(sentence)
    assert (t.type, t.value, t.quant, t.freq) == ("SET", value, quant, freq)


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Prices are high now.", "PRESENT_REF"),
        ("Storms hit recently.", "PAST_REF"),
        ("Plans for the future were vague.", "FUTURE_REF"),
    ],
)
def test_refs(sentence, value):
    t = one(sentence)
    assert t.value == value and t.precision is None


def test_times():
    t = one("The blast came at 10:30 p.m. on the quay.")
    assert (t.type, t.value) == ("TIME", "2025-03-06T22:30")
    ts = tag("Shops closed on March 1, 2020. Police arrived at 4 p.m.", DCT)
    assert ts[1].value == "2020-03-01T16:00"


def test_ranges_carry_the_year_and_link():
    ts = tag("The fair runs from March 3 to March 9, 2024.", DCT)
    assert [t.value for t in ts] == ["2024-03-03", "2024-03-09"]
    assert ts[0].range_end == ts[1].tid
    ts = tag("Output fell between 2019 and 2021.", DCT)
    assert [t.value for t in ts] == ["2019", "2021"]
    assert ts[0].range_end == ts[1].tid


@pytest.mark.parametrize(
    "sentence",
    [
        "The attack caused 1,200 deaths and 251 abductions.",
        "Over 50,000 people marched.",
        "The company sold 2000 cars.",
        "It costs $1999 today.".replace(" today", ""),
        "You may go now that it is over.".replace(" now that it is over", ""),
    ],
)
def test_numbers_are_not_dates(sentence):
    assert tag(sentence, DCT) == []


def test_verb_may_and_march_are_not_months():
    assert [t.text for t in tag("They may march on the capital.", DCT)] == []


@pytest.mark.parametrize(
    ("sentence", "spans", "values"),
    [
        (
            "The festival runs March 3-9, 2024.",
            ["March 3", "9, 2024"],
            ["2024-03-03", "2024-03-09"],
        ),
        ("Talks ran 3-9 March 2024.", ["3", "9 March 2024"], ["2024-03-03", "2024-03-09"]),
    ],
)
def test_day_ranges_give_both_ends(sentence, spans, values):
    ts = tag(sentence, DCT)
    assert [t.text for t in ts] == spans and [t.value for t in ts] == values
    assert ts[0].range_end == ts[1].tid


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Stores were packed on Thanksgiving Day.", "2024-11-28"),
        ("The boy was rescued last Christmas.", "2024-12-25"),
        ("Churches filled on Easter 2024.", "2024-03-31"),
        ("Parades are held on Memorial Day, 2019.", "2019-05-27"),
    ],
)
def test_holidays(sentence, value):
    ts = tag(sentence, DCT)
    assert ts[0].value == value
    assert ts[0].needs_dct == ("20" not in ts[0].text)


def test_quarter_named_by_closing_day():
    ts = tag("Profit rose in the quarter ended Sept. 30.", date(1999, 10, 20))
    assert ts[0].text == "the quarter" and ts[0].value == "1999-Q3"


def test_year_on_year_comparison_keeps_the_quarter():
    ts = tag(
        "Third-quarter profit was $5 million, up from $4 million a year earlier.",
        date(1999, 10, 20),
    )
    assert [t.value for t in ts] == ["1999-Q3", "1998-Q3"]


def test_tokenized_text_with_spaced_commas():
    ts = tag("The store opened on April 28 , 2003 .", DCT)
    assert [(t.text, t.value) for t in ts] == [("April 28 , 2003", "2003-04-28")]


def test_clock_takes_the_day_written_after_it():
    ts = tag("Polls close at 7:30 p.m. on March 1, 2024.", DCT)
    assert ts[0].value == "2024-03-01T19:30" and ts[0].anchor == ts[1].tid


def test_vague_offsets():
    assert [(t.text, t.value) for t in tag("Weeks later, the dam broke.", DCT)] == [
        ("Weeks", "PXW")
    ]
    assert [(t.text, t.value) for t in tag("Years ago, he left.", DCT)] == [
        ("Years ago", "PAST_REF")
    ]


@pytest.mark.parametrize(
    "sentence",
    ['He spoke on ABC\'s "This Week" program.', 'She told CBS\'s "60 Minutes" that.'],
)
def test_titles_are_not_timexes(sentence):
    assert tag(sentence, DCT) == []


def test_headlines_keep_their_dates():
    ts = tag("Markets Fall Sharply Across Asia Last Week\nShares fell.", DCT)
    assert [t.text for t in ts] == ["Last Week"]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [("Hiring began last fall.", "1997-FA"), ("Plans for the year two thousand.", "2000")],
)
def test_seasons_and_named_years(sentence, value):
    assert tag(sentence, date(1998, 2, 6))[0].value == value


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Profit rose in Q3.", "2024-Q3"),
        ("In FY2024 sales rose.", "2024"),
        ("We met at 3 o'clock.", "2025-03-06T03:00"),
        ("It closed a decade ago.", "2015"),
        ("Shares fell by midafternoon.", "2025-03-06TAF"),
        ("Shares fell mid-afternoon yesterday.", "2025-03-05TAF"),
    ],
)
def test_news_shorthands(sentence, value):
    assert tag(sentence, DCT)[0].value == value


def test_bare_month_reuses_a_named_year():
    ts = tag("Floods hit in March 2019. In March, rescuers arrived.", DCT)
    assert [t.value for t in ts] == ["2019-03", "2019-03"]
    assert ts[1].anchor == ts[0].tid and not ts[1].needs_dct


@pytest.mark.parametrize(
    ("sentence", "span", "value"),
    [
        # a name ending in -ed is not a past verb: the coming Friday
        ("She would be flying to the United States Friday.", "Friday", "2025-03-07"),
        # a deadline with no verb against it lies ahead
        ("The loan must be repaid by February.", "February", "2026-02"),
        ("The new rules take effect, effective January 1.", "January 1", "2026-01-01"),
        # a possessive weekday names what already happened
        ("Critics would appeal Tuesday's verdict.", "Tuesday", "2025-03-04"),
        ("The launch is set for 7 in the evening.", "7 in the evening", "2025-03-06T19:00"),
        ("People will one day live on the Moon.", "one day", "FUTURE_REF"),
        ("The walls stood for centuries.", "centuries", "PXC"),
        ("It ended the decades-long feud.", "decades-long", "PXY"),
    ],
)
def test_tense_deadlines_and_units(sentence, span, value):
    t = one(sentence)
    assert (t.text, t.value) == (span, value)


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        (
            "The bridge was finished in May 2001. It was opened that same day.",
            "that same day",
            "2001-05-XX",
        ),
        (
            "The mine flooded in the winter of nineteen eighty-two.",
            "the winter of nineteen eighty-two",
            "1982-WI",
        ),
        ("A storm struck in March nineteen ninety-one.", "March nineteen ninety-one", "1991-03"),
        ("The bank was robbed last Nov. 4 at noon.", "Nov. 4", "2024-11-04"),
    ],
)
def test_anaphora_spelled_years_and_days(text, span, value):
    found = {t.text: t.value for t in tag(text, DCT)}
    assert found.get(span) == value, found


def test_financial_comparisons_keep_the_quarter():
    text = (
        "Profit rose in the fourth quarter. It had earned $5 million in the corresponding "
        "period last year, and sales for last year's quarter were flat. In the 2023 period, "
        "costs were lower than in the quarter a year ago."
    )
    found = {t.text: t.value for t in tag(text, date(2025, 2, 10))}
    assert found["the fourth quarter"] == "2024-Q4"
    assert found["the corresponding period last year"] == "2023-Q4"
    assert found["last year's quarter"] == "2023-Q4"
    assert found["the 2023 period"] == "2023-Q4"
    assert found["the quarter a year ago"] == "2023-Q4"


def test_the_past_before_a_count_is_not_past_ref():
    assert [t.text for t in tag("Riots broke out in the past three summers.", DCT)] == []


def test_a_holiday_this_close_is_this_years():
    # past tense, but the holiday week has just begun
    t = one("Crowds gathered as Easter week began.", date(2000, 4, 17))
    assert (t.text, t.value) == ("Easter week", "2000-W16")


def test_weekday_with_its_date_is_one_timex():
    text = "The paper said in an editorial on Monday, March 3: enough."
    found = [(t.text, t.value) for t in tag(text, DCT)]
    assert found == [("Monday, March 3", "2025-03-03")]


@pytest.mark.parametrize(
    "sentence",
    ["Thousands joined the annual March for Life.", "Police watched this march closely."],
)
def test_a_protest_march_is_not_a_month(sentence):
    assert tag(sentence, DCT) == []


def test_generic_today_is_present_ref():
    t = one("Such ideals matter to today's youth.")
    assert (t.text, t.value, t.earliest) == ("today", "PRESENT_REF", None)
    assert one("Today's vote was close.").value == "2025-03-06"


def test_weekday_picks_the_year_of_a_yearless_date():
    found = [(t.text, t.value) for t in tag("Shares fell Friday Oct. 13 alone.", date(1990, 2, 1))]
    assert found == [("Friday Oct. 13", "1989-10-13")]


def test_fiscal_quarter_keeps_its_number():
    # a fiscal first quarter that closed in September: "the quarter" is still Q1
    text = (
        "The retailer earned $3 million in the fiscal first quarter. Sales for the quarter "
        "ended Sept. 28 rose 10% from a year earlier. In the 2024 period, it lost money. "
        "Last year's results included a charge. The latest period also had a gain."
    )
    found = {t.text: t.value for t in tag(text, date(2025, 10, 20))}
    assert found["the fiscal first quarter"] == "2025-Q1"
    assert found["the quarter"] == "2025-Q1"
    assert found["a year earlier"] == "2024-Q1"
    assert found["the 2024 period"] == "2024-Q1"
    assert found["Last year"] == "2024-Q1"
    assert found["The latest period"] == "2025-Q1"


def test_latest_quarter_passes_over_a_forecast_quarter():
    text = (
        "Net income rose in the third quarter. The storm will cause a fourth-quarter charge. "
        "Margins fell in the latest quarter."
    )
    found = {t.text: t.value for t in tag(text, date(2025, 10, 20))}
    assert found["the latest quarter"] == "2025-Q3"


def test_fronted_adverbial_takes_the_main_clause_tense():
    # the comma ends "Until Friday", but the verb after it says past
    t = one("Until Friday, the police had not named a suspect.")
    assert t.value == "2025-02-28"
    t = one("In December, the company will hire a new chief.", date(2025, 6, 20))
    assert t.value == "2025-12"


def test_hyphenated_fiscal_quarter_and_nine_month_comparisons():
    text = (
        "The mill earned $4 million in the fiscal-first quarter ended Sept. 30, against a loss "
        "a year ago. For the nine months, it earned $9 million, up from $7 million a year "
        "earlier."
    )
    found = [(t.text, t.value) for t in tag(text, date(2025, 10, 20))]
    assert ("the fiscal-first quarter", "2025-Q1") in found
    assert ("a year ago", "2024-Q1") in found
    assert ("a year earlier", "2024") in found  # the nine months, not the quarter


def test_apposed_day_before_names_the_date_itself():
    text = "Shares fell on Jan. 9, the day before the merger vote."
    found = [(t.text, t.value) for t in tag(text, DCT)]
    assert found == [("Jan. 9", "2025-01-09"), ("the day", "2025-01-09")]


def test_half_of_a_decade_is_not_a_half_year():
    found = [(t.text, t.value) for t in tag("Sales were flat in the first half of the '90s.", DCT)]
    assert found == [("the first half of the '90s", "199")]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        # the main clause after the comma carries the tense, conjunctions and all
        ("On Monday, the Farmers and Growers Union plans to hold a rally.", "2025-03-10"),
        # postponed, delayed, extended: moved later, whatever the tense
        ("The court postponed until Tuesday any ruling on the case.", "2025-03-11"),
    ],
)
def test_weekday_tense_cues(sentence, value):
    assert tag(sentence, DCT)[0].value == value


def test_irregular_past_verbs_mark_the_past():
    from timeline.timex.resolve import tense

    text = "The levee broke on Friday."
    assert tense(text, text.index("Friday"), text.index("Friday") + 6, strict=True) == "past"


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        (
            "The fair runs on June 14 and 15 in Leeds.",
            [("June 14", "2025-06-14"), ("15", "2025-06-15")],
        ),
        ("On June 14 and 15,000 people marched.", [("June 14", "2025-06-14")]),
        ("On June 14 and 15 others were hurt.", [("June 14", "2025-06-14")]),
        ("Losses will shrink in future quarters.", [("future quarters", "FUTURE_REF")]),
    ],
)
def test_second_day_after_and_and_future_units(sentence, found):
    assert [(t.text, t.value) for t in tag(sentence, DCT)] == found


def test_year_earlier_months_span_is_a_duration():
    t = one("Sales for the year-earlier six months included a gain.")
    assert (t.text, t.type, t.value) == ("the year-earlier six months", "DURATION", "P6M")


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        (
            "Losses will last through the first two quarters of 2026.",
            [("the first two quarters of 2026", "2026-H1")],
        ),
        (
            "Output fell in the last three months of 2024.",
            [("the last three months of 2024", "2024-Q4")],
        ),
        (
            "Sales rose in the first nine months of 2024.",
            [("the first nine months", "P9M"), ("2024", "2024")],
        ),
    ],
)
def test_first_months_of_a_year(sentence, found):
    assert [(t.text, t.value) for t in tag(sentence, DCT)] == found


def test_the_day_before_a_named_day_is_one_timex():
    found = [(t.text, t.value) for t in tag("Shops opened the day after Christmas.", DCT)]
    assert found == [("the day after Christmas", "2024-12-26")]
    found = [(t.text, t.value) for t in tag("The day before last Monday's hearing, he left.", DCT)]
    assert found == [("The day before last Monday", "2025-03-02")]


def test_weekday_with_plural_part_of_day_is_a_set():
    found = [
        (t.text, t.type, t.value) for t in tag("Buses run on Friday and Saturday nights.", DCT)
    ]
    assert found == [
        ("Friday", "SET", "XXXX-WXX-5TNI"),
        ("Saturday nights", "SET", "XXXX-WXX-6TNI"),
    ]


@pytest.mark.parametrize(
    "sentence, value",
    [
        ("The regional summit will be held in October.", "2025-10"),
        ("The new bridge is to be opened in September.", "2025-09"),
        ("The museum will be reopened on Tuesday.", "2025-03-11"),
    ],
)
def test_participle_after_be_is_not_past(sentence, value):
    # "held", "opened" after "be" are passive participles: the "will"/"to" before decides
    assert [t.value for t in tag(sentence, DCT)] == [value]


def test_ed_adjective_after_a_determiner_is_not_past():
    # "planned" describes the summit; the "will" before it gives the tense
    found = [t.value for t in tag("Leaders will attend the planned summit in October.", DCT)]
    assert found == ["2025-10"]
    found = [t.value for t in tag("Payment comes on a still unspecified date in May.", DCT)]
    assert found == ["2025-05"]


def test_past_verb_outweighs_a_closer_future_month():
    # January lies nine months back and three ahead; the past verb picks the past one
    found = [
        t.value for t in tag("In January, the firm brought in a new chief.", date(2025, 10, 27))
    ]
    assert found == ["2025-01"]
