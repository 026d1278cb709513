"""geo.ingest.numbers: figures (digits, words, scales, units, qualifiers), fractions in words and period phrases."""

from __future__ import annotations

from decimal import Decimal

import pytest

from geo.ingest.numbers import find_figures, find_fractions, format_value
from geo.ingest.periods import Reference, find_periods


@pytest.mark.parametrize(
    ("value", "written"),
    [(Decimal("356310000000"), "356310000000"), (Decimal("25.40"), "25.4"), (Decimal("4.5E+1"), "45")],
)
def test_values_are_written_as_facts_csv_writes_them(value, written):
    assert format_value(value) == written


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("It shipped 9.77 million tonnes.", [("9770000", "tonnes", "")]),
        ("It shipped 12.26 million tons.", [("12260000", "tonnes", "")]),
        ("Trade hit 3.66 bln yuan.", [("3660000000", "CNY", "")]),
        ("It drew US$ 40 million.", [("40000000", "USD", "")]),
        ("It covers almost 180 square kilometers.", [("180", "km2", "nearly")]),
        ("It will have a 3000 sq m terminal.", [("3000", "m2", "")]),
        # an area in hectares is kept in km2, as data/metrics.csv's area is
        ("The site covers 25.59 hectares.", [("0.2559", "km2", "")]),
        ("Arrivals rose by 250 per cent.", [("250", "percent", "")]),
        ("Nearly 42 percent of flights.", [("42", "percent", "nearly")]),
        # "added up to" sums; "up to" alone caps
        ("Freight added up to 7,017 tonnes, trucks up to 500.", [("7017", "tonnes", ""), ("500", "count", "under")]),
        ("A single-day peak of over 700.", [("700", "count", "over")]),
        ("Forty-two trucks and twenty cars.", [("42", "count", ""), ("20", "count", "")]),
        ("Delivery takes 48–72 hours.", [("48", "hours", ""), ("72", "hours", "")]),
        # number words joined by a space, in any case; a hyphen after the second keeps it a word of its own
        ("Twenty Three vehicles crossed.", [("23", "count", "")]),
        ("It has twenty one-stop centres.", [("20", "count", "")]),
        # "number" as a verb counts; as a label it names
        ("The routes through it now number 85.", [("85", "count", "")]),
        ("Its lines number 12, and bus number 7 runs there.", [("12", "count", "")]),
        # a big ordinal is the count reached; a small one is a label
        ("It was the 7000th train this year and the 22nd of the day.", [("7000", "count", "")]),
        # a sum that leaves out its currency takes the one of the sum before it
        (
            "It reached 3.2 billion yuan in e-commerce and 50.4 billion in foreign trade.",
            [("3200000000", "CNY", ""), ("50400000000", "CNY", "")],
        ),
        (
            "It carried 3.2 billion yuan of goods and 1.5 million passengers.",
            [("3200000000", "CNY", ""), ("1500000", "count", "")],
        ),
        # a comma before four digits groups no thousands: a decimal, in a page of either way
        ("Trade came to 6,8925 billion US dollars.", [("6892500000", "USD", "")]),
        # an ordinal of a scale is the count reached too
        ("The two millionth visitor came; the 2 millionth one was feted.", [("2000000", "count", "")] * 2),
        ("Trade with it had grown 1.8 times.", [("1.8", "times", "")]),
        # after a currency sign a glued "m" is millions; elsewhere it is no scale
        ("Border trade came to US$59m, up from $10.7m.", [("59000000", "USD", ""), ("10700000", "USD", "")]),
        ("It has a 59m tower.", []),
        # tonnes, areas and lengths glued to the digits, as Korean and Japanese pages print them
        ("In 2012, 16,500,000t of freight moved.", [("16500000", "tonnes", "")]),
        ("Zones of 50㎢ and 5km2 on a 3000㎞ line.", [("50", "km2", ""), ("5", "km2", ""), ("3000", "km", "")]),
        ("A 5T truck runs on 5G.", []),
        # a range with a tilde, as Korean and Japanese pages print one
        (
            "The load is 90~95% and 3〜5 tonnes.",
            [("90", "percent", ""), ("95", "percent", ""), ("3", "tonnes", ""), ("5", "tonnes", "")],
        ),
    ],
)
def test_figures_carry_scale_unit_and_qualifier(sentence, expected):
    assert [(f.text_value, f.unit, f.qualifier) for f in find_figures(sentence)] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "It opened in 2013 at 2 pm on December 2, 2025.",  # a year, a clock time, a day of a month
        "Under Article 2 of the agreement, Line 3 reopened.",  # labels
        "A one-stop park opened; one of them left.",  # "one-stop", "one of"
        "The 14th congress met for its second session.",  # ordinals
        "The platforms of track 22 moved to tracks 13, 14 and 15.",  # a station's tracks by number
        "Its fleet has the Boeing 737-300 and the Boeing 757.",  # aircraft models
        "[020214.EN.BIZ] Khorgas checkpoint report",  # a wire's story code
        "Fortune Global 500 and China top-500 firms came, among the world's 500 largest firms.",  # rankings' names
        "See page 09: trucks on National Highway 314 met winds of force 8.",  # a page, a road's and a wind's labels
        "For years National Road 312 and Route 66 were its only links.",  # roads by number
        'By the end of the "14th Five-Year (2021-2025)" plan period and the 13th Five-Year Plan',  # plans' names
        "The forum, held on 17~19 May, met in the 2021∼2025 plan period.",  # days and years joined by a tilde
        "Sound bite 2 (Chinese): the officer spoke.",  # a broadcast script's label
        "A level-4 staff member said the port runs a 7×14-hour and then a 7*24 service.",  # a rank, schedules (sealed86)
    ],
)
def test_years_times_days_labels_and_ordinals_are_not_figures(sentence):
    assert find_figures(sentence) == []


def test_figure_positions_cover_the_words_as_written():
    sentence = "Trade reached more than 12.59 billion yuan last year."
    (figure,) = find_figures(sentence)
    assert sentence[figure.start : figure.end] == figure.as_written == "more than 12.59 billion yuan"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Trains made up over half of the total.", [("50", "over")]),
        ("They will carry out half of the 129 reforms.", [("50", "")]),
        ("Nearly a third of trade went east.", [("33.33", "nearly")]),  # two decimals, as the golds write it
        (
            "The region is one-sixth of China's land, and more than one-tenth of its growth.",
            [("16.67", ""), ("10", "over")],
        ),
        ("Two-thirds of the trucks and a fifth of the trains were empty.", [("66.67", ""), ("20", "")]),
        ("In the first half of 2025 trade rose.", []),  # a period, not a share
        ("Half the staff left.", []),  # no "of": not read as a share
        (
            "Freight and trade made up nearly six tenths and more than four tenths respectively; three fifths went west.",
            [("60", "nearly"), ("40", "over"), ("60", "")],
        ),
    ],
)
def test_fractions_in_words_are_shares_in_percent(sentence, expected):
    assert [(f.text_value, f.qualifier) for f in find_fractions(sentence)] == expected
    assert all(f.unit == "percent" for f in find_fractions(sentence))


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("Imports rose in the first three quarters of this year.", "2025-01/2025-09"),
        ("Goods moved from January to April.", "2025-01/2025-04"),
        ("Over the first seven months, trade grew.", "2024-01/2024-07"),
        ("It had 19 ports as of the end of June 2025.", "../2025-06"),
        ("Trade rose in Q1 of 2025.", "2025-01/2025-03"),
        ("Cars were shipped between 2021 and 2024.", "2021/2024"),
        ("They met on 3 March 2025.", "2025-03-03"),
    ],
)
def test_period_phrases(phrase, expected):
    periods = find_periods(phrase, Reference(year=2024 if "seven" in phrase else 2025, this_year=2025))
    assert [p.period for p in periods] == [expected]


def test_may_the_verb_is_not_a_month():
    assert find_periods("Traders may ship more in 2025.", Reference(2025, 2025))[0].period == "2025"
    assert [p.period for p in find_periods("Trade rose in May.", Reference(2025, 2025))] == ["2025-05"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("A 9-hour-45-minute link to Cairo.", [("9-hour-45-minute", "9.75", "hours")]),
        ("The drive takes 3 hours and 30 minutes.", [("3 hours and 30 minutes", "3.5", "hours")]),
        ("It fell from 3 hours to 40 minutes.", [("3 hours", "3", "hours"), ("40 minutes", "40", "minutes")]),
    ],
)
def test_hours_and_minutes_together_are_one_time(sentence, expected):
    assert [(f.as_written, f.text_value, f.unit) for f in find_figures(sentence)] == expected


def test_a_day_written_before_its_month_with_an_ordinal():
    # "as of" makes it a running total's end, as it does for "As of November 12, 2024"
    assert [p.period for p in find_periods("As of 12th November 2024, it grew.", Reference(2024, 2024))] == [
        "../2024-11-12"
    ]
    assert [p.period for p in find_periods("On 12th November 2024, it grew.", Reference(2024, 2024))] == ["2024-11-12"]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Exports rose to 6 thousand 655 tonnes.", 6655, "tonnes"),
        ("Their value was 11 million 900 thousand dollars.", 11_900_000, "USD"),
        ("The pipeline carried 15 million 14 thousand tonnes.", 15_014_000, "tonnes"),
    ],
)
def test_an_amount_whose_rest_follows_its_scale_word_is_one_figure(text, value, unit):
    # as translations of Turkish ("6 bin 655 ton") and Russian ("15 млн 14 тыс") figures print them
    (figure,) = find_figures(text)
    assert (figure.value, figure.unit) == (value, unit)


@pytest.mark.parametrize(
    "text, value",
    [
        ("The airport counted 2 lakh 68 thousand trips.", 268_000),
        ("Exports came to 12 crore rupees.", 120_000_000),
        ("Trade rose 89・7% on the year.", Decimal("89.7")),  # a Japanese page's middle dot as a decimal point
        ("The crossing registered a million entries.", 1_000_000),
        ("That is twice as many as a year before.", 2),
        ("Since the start of the year 1 622 container trains have passed.", 1622),  # grouped: no year of history
    ],
)
def test_south_asian_scales_a_middle_dot_decimal_a_million_and_twice_as_many_are_read(text, value):
    (figure,) = find_figures(text)
    assert figure.value == value


def test_a_rest_as_large_as_the_scale_before_it_is_another_figure():
    assert [f.value for f in find_figures("Some 2 thousand 1500 trucks crossed.")] == [2000, 1500]


def test_an_amount_in_billions_and_millions_is_one_figure_and_points_beside_a_percent_are_percentage_points():
    # as translations of Chinese and Russian figures print them
    trade, growth, above = find_figures(
        "Trade came to 91 billion 510 million yuan, up 39.1 percent, 29.7 points above."
    )
    assert (trade.as_written, trade.value, trade.unit) == ("91 billion 510 million yuan", 91_510_000_000, "CNY")
    assert (growth.value, growth.unit) == (Decimal("39.1"), "percent")
    assert (above.as_written, above.unit) == ("29.7 points", "percentage_points")
    # points with no percent in the sentence are left as they are; two amounts apart stay two
    assert [f.unit for f in find_figures("The index rose 3 points.")] == ["count"]
    assert len(find_figures("It took 2 billion yuan, then 300 million yuan more.")) == 2


def test_an_ordinal_grouped_with_points_is_the_count_reached_in_a_page_that_groups_so():
    # sealed45/07: "the 3.000th train" was read as 3.000 and a made-up measure "th_train"
    found = find_figures("It was the 3.000th train this year; the port has 5.903 workers.", points_group=True)
    assert [(f.as_written, f.text_value) for f in found] == [("3.000th", "3000"), ("5.903", "5903")]


def test_a_change_signed_with_a_plus_may_have_a_decimal_comma():
    # sealed78/09: "(+36,4 % year on year)", as French pages print a change; a comma before three digits groups them
    found = find_figures("Crossings came to 443 million (+36,4 % year on year), flights rose +170 % and +1,234 %.")
    assert [(f.as_written, f.value) for f in found if f.unit == "percent"] == [
        ("36,4 %", Decimal("36.4")),
        ("170 %", Decimal(170)),
    ]
