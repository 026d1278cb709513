"""Which numbers are figures (multiples, names with digits, clock times, currencies) and which are doubted."""

from __future__ import annotations

from decimal import Decimal

import pytest

from geo import settings
from geo.ingest.numbers import find_figures
from geo.ingest.propose import propose_candidates
from tests.proposing import article, found, one
from tests.proposing import article as _article
from tests.proposing import found as _found
from tests.proposing import one as _one

PUBLISHED = "2025-06-10"


def _units(sentence: str) -> list[tuple[str, str]]:
    return [(f.as_written, f.unit) for f in find_figures(sentence)]


def _all(text: str):
    return propose_candidates(text, "t", settings.DATA_DIR, text.split("Published: ")[1][:10])


def test_figure_reader_scales_one_multiples_and_the_level_after_a_change():
    from geo.ingest.numbers import find_figures

    def read(sentence: str) -> list[tuple[str, str]]:
        return [(f.text_value, f.unit) for f in find_figures(sentence)]

    assert read("Nearly one million travellers used the crossing.") == [("1000000", "count")]
    assert read("Its flights went up by 12.5 percent to 3,210.") == [("12.5", "percent"), ("3210", "count")]
    assert read("Its share moved from 20 percent to 25.") == [("20", "percent"), ("25", "percent")]  # a pair
    assert read("Visits grew almost 3.2 times from the level of 2019.") == [("3.2", "times")]
    assert read("The bus runs four times a week.") == [("4", "count")]  # how often, not a multiple
    assert read("The checkpoint passed 900 trucks a day on June 3 and 4.") == [("900", "count")]


def test_a_multiple_after_a_change_is_a_figure_in_times():
    assert _units("Wool shipments rose by three times and cotton by 1.8 times in March.") == [
        ("three times", "times"),
        ("1.8 times", "times"),
    ]
    assert _units("The upgrade lifted the yard's capacity 2.5 times.") == [("2.5 times", "times")]


def test_how_often_is_no_multiple():
    assert _units("The inspectors crossed 40 times and met three times a week.") == [
        ("40", "count"),
        ("three", "count"),
    ]


def test_a_multiple_stated_against_another_figure_is_a_figure_in_times():
    found = [
        (f.as_written, f.value, f.unit, f.qualifier)
        for f in find_figures("Car exports grew about fourfold, and wool trade reached twice that of 2023.")
    ]
    assert found == [("about fourfold", 4, "times", "nearly"), ("twice", 2, "times", "")]
    assert [(f.as_written, f.unit) for f in find_figures("A 1.5-fold rise came after the trade doubled.")] == [
        ("1.5-fold", "times")
    ]
    # a verb, a compound and how often are no multiple
    assert find_figures("Double-digit growth on the double-track line; checks twice a week.") == []


def test_the_hour_of_a_clock_time_is_no_figure():
    text = article(PUBLISHED, "At 6:40 a.m. on May 3, 2025, a freighter left Urumqi with 40 tonnes of parcels.")
    assert [f.as_written for f in find_figures("At 6:40 a.m. on May 3 a freighter left.")] == []
    assert one(text, "40 tonnes").figure.unit == "tonnes"


def test_half_hours_and_flight_times_are_figures_labels_are_not():
    article = _article(
        "2025-07-22",
        "The airport links eight neighbouring capitals with flights of only one and a half hours.",
        "Its key routes include a 10-hour flight to Zurich, and customs runs a 24-hour clearance service.",
    )
    found = _found(article)
    half = found["one and a half hours"][0]
    assert (half.figure.text_value, half.figure.unit, half.confidence) == ("1.5", "hours", "high")
    assert found["10-hour"][0].confidence == "high"
    assert found["24-hour"][0].confidence == "low"


def test_a_number_joined_to_a_capitalised_name_or_a_year_of_history_is_no_figure():
    sentence = (
        "Since the COVID-19 pause an IL-76 freighter, bought in 1998, flew 12 times a week from a hub opened in 1881."
    )
    assert [(f.as_written, f.unit) for f in find_figures(sentence)] == [("12", "count")]
    # a time written with hyphens keeps its minutes; a count of 1,881 is a count
    assert [f.as_written for f in find_figures("a 7-hour-30-minute flight and 1,881 trucks")] == [
        "7-hour-30-minute",
        "1,881",
    ]


def test_digits_joined_to_a_capitalised_name_in_any_case_are_part_of_the_name():
    text = article(
        "2024-06-10",
        "The Khunjerab port was shut during Covid-19 and handled 300 trucks in May 2024.",
    )
    found = [c.figure.as_written for c in _all(text)]
    assert "19" not in found
    assert "300" in found


_MORE_DOUBTS = _article(
    "2024-01-27",
    "The railway built a new container line and upgraded two existing ones.",
    "An IL-76 freighter left Kashgar for Moscow on Friday with nearly 40 tonnes of goods on board.",
    "Goods that once travelled over 4,000 kilometres now reach their markets after 600 kilometres.",
    "Xinjiang's foreign trade has topped 50 billion yuan a month for four months in a row.",
)


def test_a_model_code_is_no_figure_at_all():
    # the number of "IL-76" belongs to the aircraft's name: not even a doubted figure since the eighth tuning
    assert "76" not in _found(_MORE_DOUBTS)


@pytest.mark.parametrize(
    "as_written", ["two", "nearly 40 tonnes", "over 4,000 kilometres", "600 kilometres", "50 billion yuan"]
)
def test_counts_of_ones_one_flights_load_distances_and_months_in_a_row_are_doubted(as_written):
    assert [c.confidence for c in _found(_MORE_DOUBTS)[as_written]] == ["low"]


def test_money_and_masses_the_project_does_not_use_are_doubted():
    article = _article(
        "2025-03-02",
        "A visitor to Horgos Port said she spent 120,000 Kazakh tenge on shoes.",
        "Tickets for the Alashankou museum cost 40 euros, and each parcel may weigh 30 kilograms.",
    )
    for written in ("120,000", "40 euros", "30"):
        assert _one(article, written).confidence == "low", written


def test_a_bracket_restating_an_amount_in_dollars_is_a_conversion_whatever_the_first_currency():
    article = _article(
        "2025-03-02",
        "At Horgos Port a trader paid 50,000 Kazakh tenge (around 96.40 U.S. dollars) for the permit.",
    )
    assert _one(article, "around 96.40 U.S. dollars").confidence == "low"


def test_an_exchange_rate_in_brackets_is_no_measure():
    article = _article(
        "2023-11-24",
        "Kashgar's trade came to 60 billion yuan (1 yuan = about 21 yen) in the first nine months of 2023.",
    )
    assert _one(article, "1 yuan").confidence == "low"
    assert _one(article, "60 billion yuan").confidence == "high"


def test_the_items_of_a_breakdown_in_brackets_are_not_proposed_as_facts_but_the_total_is():
    # sealed85/04: the bracket itemises the total by goods; a bracket of fewer items, or one that does not itemise, stays
    article = _article(
        "2024-09-09",
        "At Bakhty 3483 truckloads changed hands (among them sunflower seeds 1249 truckloads, linseed 229, fish 6), "
        "weighing 78248.46 tonnes. Alashankou handled 700 trains (including 90 to Europe) and Horgos 20 trains "
        "(up 12%, 15% and 3% on the months before).",
    )
    assert [_one(article, w).confidence for w in ("1249", "229", "6")] == ["low"] * 3
    assert [_one(article, w).confidence for w in ("3483", "78248.46 tonnes", "90", "15%")] == ["high"] * 4


def test_what_a_rule_allows_is_no_measure():
    article = _article(
        "2025-03-02",
        "At the Horgos cooperation center each shopper has a tax-free allowance of 6,000 yuan a day.",
        "Drivers at Alashankou Port face a weight limit of 49 tonnes per truck.",
    )
    assert _one(article, "6,000 yuan").confidence == "low"
    assert _one(article, "49 tonnes").confidence == "low"


def test_a_range_joined_by_to_has_no_one_value_but_a_change_from_one_to_another_does():
    article = _article(
        "2025-03-02",
        "Local shoppers make up 60 to 70 percent of the buyers at the Horgos cooperation center.",
        "Its share of e-commerce parcels rose from 30 percent to 45 percent in 2024.",
    )
    assert _one(article, "60").confidence == "low"
    assert _one(article, "70 percent").confidence == "low"
    assert _one(article, "45 percent").confidence == "high"


def test_a_span_of_amounts_joined_by_a_dash_has_no_one_value_but_a_span_of_time_keeps_its_ends():
    article = _article(
        "2024-09-12",
        "The new truck yard at Baketu takes in 320-380 trucks a day and its sheds store 90–120 tonnes of fruit.",
        "Pre-filing cuts the wait at the gate by 3-5 hours.",
    )
    for figure in ("320", "380", "90", "120 tonnes"):
        assert _one(article, figure).confidence == "low", figure
    assert _one(article, "3").confidence == "high"
    assert _one(article, "5 hours").confidence == "high"


def test_small_counts_of_places_named_ranges_and_one_trips_time_are_doubted():
    article = _article(
        "2025-03-01",
        "Alashankou and Horgos, two big railway ports, keep growing. Trade with these four countries rose.",
        "There are six large airports of this kind, in Lanzhou, Xining, Yinchuan and Urumqi.",
        "Clearing a train at the port was cut from 10 hours to 5-7 hours last year; trucks save 2-4 hours.",
        "The first flight to the new airport landed on Friday after a three-hour journey from Hotan.",
        "The region's airports served 40 million passengers on 23 airports' routes; its 25 airports grew.",
    )
    published = "2025-03-01"
    low = {
        (c.figure.as_written, c.figure.text_value)
        for c in propose_candidates(article, "t", settings.DATA_DIR, published)
        if c.confidence == "low"
    }
    assert {("two", "2"), ("four", "4"), ("six", "6"), ("three-hour", "3")} <= low
    assert {("5", "5"), ("7 hours", "7"), ("10 hours", "10")} <= low
    assert not {("2", "2"), ("4 hours", "4")} & low  # a range alone keeps its ends (min and max)
    assert _one(article, "25").confidence == "high"  # "its 25 airports": a count the text does not list


def test_the_bar_a_class_of_places_passes_is_doubted():
    article = _article(
        "2024-01-10",
        "China has six hub airports with a yearly passenger throughput of over 10 million, Urumqi among them.",
        "Urumqi airport served over 12 million passengers in 2023, with an average of 300 flights a day.",
    )
    assert _one(article, "over 10 million").confidence == "low"
    assert _one(article, "over 12 million").confidence == "high"


def test_ranks_and_the_size_of_a_class_ranked_are_doubted_and_a_ranked_partners_trade_is_theirs():
    article = _article(
        "2025-03-02",
        "In 2024 the region's top two partners, Kazakhstan and Kyrgyzstan, saw trade grow 12.1% and 8.3% respectively.",
        "The Alashankou bonded zone rose from the bottom of over 150 zones in the country to 60th place.",
        "The world's four biggest e-commerce platforms ship through Alashankou.",  # sealed86/02
    )
    assert _one(article, "two").confidence == "low"
    assert _one(article, "four").confidence == "low"
    assert _one(article, "over 150").confidence == "low"
    assert _one(article, "12.1%").metric == "kazakhstan_trade_growth_yoy"
    assert _one(article, "8.3%").metric == "kyrgyzstan_trade_growth_yoy"


_DOUBTS = _article(
    "2025-10-31",
    "Li said his company has handled over 2,000 trains this year, up 20 percent on last year.",
    "A recent convoy of 25 tractor trucks crossed the pass.",
    "Trade with ASEAN reached 67.4 billion yuan, the first time it passed the 10 percent mark.",
    "Monthly trade has topped 50 billion yuan for four consecutive months, reaching 53.17 billion yuan in June.",
    "Xinjiang's trade has grown between 20 percent and 30 percent a year since 2023.",
)


@pytest.mark.parametrize(
    ("as_written", "confidence"),
    [
        ("over 2,000", "low"),  # one firm's trains
        ("20 percent", "low+low"),  # the firm's growth; and an end of "between 20 percent and 30 percent"
        ("25", "low"),  # one convoy
        ("10 percent", "low"),  # a mark passed
        ("50 billion yuan", "low"),  # a threshold topped for four months running
        ("53.17 billion yuan", "high"),  # the value that topped it
        ("30 percent", "low"),
        ("67.4 billion yuan", "high"),
    ],
)
def test_firms_convoys_thresholds_and_range_ends_are_doubted(as_written, confidence):
    assert "+".join(c.confidence for c in _found(_DOUBTS)[as_written]) == confidence


def test_a_leads_rounded_figure_is_doubted_when_the_next_sentences_give_it_exactly():
    article = _article(
        "2020-06-02",
        "Cross-border parcels through the Alataw Pass bonded zone made up more than 40 percent of the region's total.",
        "In all, the zone's share came to 42.86 percent in the first five months.",
        "Its trade grew more than 12 percent, and the region's 13.1 percent.",  # not the lead: both stand
    )
    assert [c.confidence for c in _found(article)["more than 40 percent"]] == ["low"]
    assert [c.confidence for c in _found(article)["42.86 percent"]] == ["high"]
    assert [c.confidence for c in _found(article)["more than 12 percent"]] == ["high"]


def test_a_pages_view_counter_is_doubted():
    article = _article(
        "2011-02-14", "Post Date: 14 Feb 2011 Viewed: 557", "Horgos port handled 1,200 trucks in January."
    )
    assert [c.confidence for c in _found(article)["557"]] == ["low"]
    assert [c.confidence for c in _found(article)["1,200"]] == ["high"]


def test_a_fraction_of_the_time_or_cost_is_a_ratio_and_a_fraction_of_a_total_a_share():
    article = _article(
        "2018-06-04",
        "Rail costs one fifth of what air freight does and takes a third of the time needed by sea.",
        "Trains through Alashankou carried more than half of the region's exports to Europe.",
    )
    assert [c.confidence for c in _found(article)["one fifth"]] == ["low"]
    assert [c.confidence for c in _found(article)["a third"]] == ["low"]
    assert [(c.confidence, c.figure.value) for c in _found(article)["more than half"]] == [("high", 50)]


def test_a_count_that_passed_a_mark_is_the_count_reached_and_the_mark_named_again_is_not():
    article = _article(
        "2024-08-13",
        "This year the China-Europe trains through the Horgos railway port passed the 4,000 mark on Monday.",
        "The 4000 mark was reached 25 days sooner than last year.",
    )
    assert [c.confidence for c in _found(article)["4,000"]] == ["high"]
    assert [c.confidence for c in _found(article)["4000"]] == ["low"]


def test_a_mark_passed_and_then_the_value_reached_is_a_milestone_first_time_or_not():
    article = _article(
        "2020-05-30",
        "In only 29 days of May the port's exports of e-commerce parcels passed 10 million, reaching 10.26 million.",
        "Daily arrivals at the region's airports averaged 181,600 in July 2020, above 180,000 for the first time.",
        "Trains through Horgos passed 5,000 this year, and trucks 5,400.",
    )
    assert [_one(article, f).confidence for f in ("10 million", "10.26 million")] == ["low", "high"]
    assert [_one(article, f).confidence for f in ("181,600", "above 180,000")] == ["high", "low"]
    assert _one(article, "5,000").confidence == "high"  # no value reached after it: the mark is the count


def test_milestones_elapsed_time_one_trips_load_and_round_the_clock_are_doubted():
    article = _article(
        "2025-05-20",
        "For the first time, cargo through Kashgar airport has gone past 20,000 tons this year. "
        "As of May 10, it stood at 20,350 tons.",
        "Passenger trips at Kashgar airport had passed two million for the first time as of May 1.",
        "The maiden flight, loaded with about 30 tonnes of fruit, landed in Almaty on Friday.",
        "Two years on, the scheme is thriving. Checks now take about two hours on average.",
        "Khunjerab Port works 24 hours a day in summer.",
    )
    assert _one(article, "20,000 tons").confidence == "low"  # the value that passed it, 20,350 tons, is the fact
    assert _one(article, "20,350 tons").confidence == "high"
    assert _one(article, "two million").confidence == "high"  # no value passed it: the milestone is all there is
    assert _one(article, "about 30 tonnes").confidence == "low"
    assert _one(article, "Two years").confidence == "low"
    assert _one(article, "about two hours").confidence == "high"
    assert _one(article, "24 hours").confidence == "low"


def test_an_events_edition_containers_and_a_multiple_of_a_year_before():
    article = _article(
        "2025-09-02",
        "The 5th Silk Road Trade Fair opened in Kashgar on Friday, drawing 800 firms from 30 countries.",
        "Alashankou Port handled more than 20,000 TEUs in July.",
        "In 2024, Horgos Port handled 40 million tonnes of goods, 2.5 times the figure in 2019.",
    )
    # a fair's own figures are facts, as every gold codes an expo's (tests/test_propose_fairs.py)
    fair = (_one(article, "800"), _one(article, "30"))
    assert [(c.confidence, c.metric) for c in fair] == [("high", "expo_exhibitors"), ("high", "expo_countries")]
    teu = _one(article, "more than 20,000 TEUs")
    assert (teu.figure.unit, teu.metric) == ("TEU", "container_throughput")
    multiple = _one(article, "2.5 times")
    assert (multiple.figure.unit, multiple.period) == ("times", "2024")  # 2019 is the year compared with


def test_decimal_commas_and_plus_signed_changes_are_read_as_european_sources_print_them():
    text = article(
        "2025-03-01",
        "In February, 3,4 million tonnes of freight crossed the border at Horgos, up by 6,5 per cent. "
        "Of this, grain came to 410 thousand tonnes (+18 per cent).",
    )
    by_figure = {c.figure.as_written: (c.figure.value, c.figure.unit) for c in propose_candidates(
        text, "t", settings.DATA_DIR, "2025-03-01")}  # fmt: skip
    assert by_figure["3,4 million tonnes"] == (3400000, "tonnes")
    assert by_figure["6,5 per cent"] == (Decimal("6.5"), "percent")
    assert by_figure["18 per cent"] == (18, "percent")
    # a comma before three digits still separates thousands; a plus before a bare number is no change
    values = [f.value for f in find_figures("Dial +7 for the desk that booked 1,250 tonnes.")]
    assert values == [1250]


def test_a_forecast_of_the_years_total_is_doubted_a_target_of_a_plan_period_is_not():
    text = _article(
        "2024-12-10",
        "As of December 2024 the port had handled 91,000 passengers and expects close to 98,000 passengers by the "
        "end of the year.",
        "By the end of the plan period (2021-2025), the region expects to have 35 airports.",
    )
    assert _one(text, "close to 98,000").confidence == "low"
    assert _one(text, "91,000").confidence == "high"
    assert _one(text, "35").confidence == "high"


def test_an_amount_a_flow_is_expected_to_come_to_is_a_forecast_a_capacity_or_plan_expected_is_not():
    text = _article(
        "2024-03-12",
        "Some 40 trucks of fruit, with their drivers, are expected to cross the Irkeshtam border next week.",
        "Horgos's imports for the first quarter are expected to exceed 9 billion yuan for the first time.",
        "The new terminal at Kashgar airport is expected to handle 3 million passengers a year and is expected to "
        "create 600 jobs.",
    )
    assert _one(text, "Some 40").confidence == "low"
    assert _one(text, "exceed 9 billion yuan").confidence == "low"
    assert _one(text, "3 million").confidence == "high"
    assert _one(text, "600").confidence == "high"


def test_the_length_of_a_places_history_is_doubted_a_path_looked_back_on_is_not():
    text = _article(
        "2024-05-10",
        "Tacheng's old crossing has a trading history of over 300 years and handled 41,000 tonnes in April.",
        "As a caravan stop the pass goes back some 180 years; it now clears 900 trucks a day.",
        "Looking back on its 60-year journey, the region now runs 30 airports.",
        "In recent years Tacheng, with 260 years of trading history, has taken on new life.",  # sealed85/03
    )
    assert _one(text, "over 300 years").confidence == "low"
    assert _one(text, "260 years").confidence == "low"
    assert _one(text, "some 180 years").confidence == "low"
    assert _one(text, "41,000 tonnes").confidence == "high"
    assert _one(text, "900").confidence == "high"
    assert _one(text, "60-year").confidence == "high"  # the seed article's "70-year journey" is a fact of facts.csv


def test_a_precise_percent_printed_again_in_other_words_is_one_figure():
    # a summary line and the answer below it give the same 47.3% in different words: one proposal, not two
    text = article(
        "2025-08-20",
        "Xinjiang's trade rose 12.1% in the first seven months of 2025, helped by cross-border e-commerce (up 47.3%).",
        "Among the drivers was a 47.3% jump in cross-border e-commerce exports over the seven months.",
    )
    proposals = [c for c in found(text).get("47.3%", []) if c.confidence != "low"]
    assert len(proposals) == 1


def test_a_sum_with_decimals_before_a_scale_printed_again_is_one_figure():
    # "12.375 million USD" has no decimals left once multiplied out, but as printed it is as precise as a percent
    text = article(
        "2025-08-20",
        "By 2010 the pass was handling 9,000 tons of goods a year, with trade worth 12.375 million USD.",
        "Key figures: trade in 2010: 12.375 million USD (9,000 tons of goods)",
    )
    proposals = [c for c in found(text).get("12.375 million USD", []) if c.confidence != "low"]
    assert len(proposals) == 1


def test_a_multiple_before_respectively_or_their_is_a_multiple():
    text = article(
        "2023-08-20",
        "Exports of lithium batteries and wind turbines grew 4.5 times and 12.3 times respectively in the first half.",
        "Imports of ore reached 2 billion yuan, nearly three times their value a year earlier.",
    )
    assert one(text, "12.3 times").figure.unit == "times"
    assert one(text, "nearly three times").figure.value == 3


def test_thousands_grouped_with_a_point_are_read_when_the_article_counts_whole_things_so():
    # a page that prints "4.218 trains" writes thousands with a point: no one runs a fraction of a train, so its
    # "1.507" with no noun and "over 6.000" are thousands too; a point before a scale stays a decimal
    text = article(
        "2024-07-02",
        "Trains across the Kazakh border rose 9.5 per cent till May, to 4.218 trains in all.",
        "The Horgos terminal handled 2.711 of them and Alashankou 1.507.",
        "In 2023 Horgos handled over 6.000 trains and 3.125 million tonnes of cargo.",
    )
    assert one(text, "4.218").figure.value == 4218
    assert one(text, "1.507").figure.value == 1507
    assert one(text, "over 6.000").figure.value == 6000
    assert one(text, "3.125 million tonnes").figure.value == 3125000
    assert one(text, "9.5 per cent").figure.value == Decimal("9.5")


@pytest.mark.parametrize(
    "sign",
    ["It carried 6,29 million tonnes.", "Some 16.400 of them ran last year."],
    ids=["a decimal comma", "a point before three digits ending in 00"],
)
def test_a_page_that_prints_numbers_the_european_way_is_read_so_throughout(sign):
    # No page writes decimals both ways, and none prints a decimal with two trailing zeros: either sign tells that
    # "5.000" with no noun and "2.715" are thousands and "3,43 km2" a decimal, anywhere in the article.
    text = article(
        "2018-06-04",
        "Some 816 freight trains crossed Alashankou this year, lifting the total since 2011 to 5.000. " + sign,
        "Europe took 2.715 of them, and the port's trade centre covers 3,43 km2.",
        "In January-April Horgos handled 13,891 million tonnes of cargo.",
    )
    assert one(text, "5.000").figure.value == 5000
    assert one(text, "13,891 million tonnes").figure.value == 13_891_000
    assert one(text, "2.715").figure.value == 2715
    area = one(text, "3,43 km2").figure
    assert (area.value, area.unit) == (Decimal("3.43"), "km2")


def test_a_page_grouping_thousands_with_spaces_writes_decimals_with_a_comma_and_t_is_tonnes():
    text = article(
        "2005-08-30",
        "The Ala Pass saw more than 100 000 international containers, and its trade came to 11,072 billion US$.",
        "Its warehouses hold 30.000 t of grain; 22,91 million tonnes crossed, a trade of 14.900 million dollars.",
    )
    trade = one(text, "11,072 billion US$").figure
    assert (trade.value, trade.unit) == (11_072_000_000, "USD")
    grain = one(text, "30.000 t").figure
    assert (grain.value, grain.unit) == (30_000, "tonnes")
    assert one(text, "14.900 million dollars").figure.value == 14_900_000_000  # no decimal ends in two zeros


def test_a_number_that_looks_like_a_year_is_a_count_when_it_counts_things_or_is_bounded():
    text = article(
        "2024-04-18",
        "Since January 2024 the Horgos railway port has handled 2031 China-Europe trains.",
        "Travellers through Horgos came to more than 2000 on its busiest day in 2023.",
    )
    assert (one(text, "2031").figure.value, one(text, "2031").period) == (2031, "2024-01-01/2024-04-18")
    assert one(text, "more than 2000").figure.value == 2000
    assert not {"2023", "2024"} & set(found(text))  # the years stay periods


def test_a_point_before_three_digits_stays_a_decimal_in_an_article_that_counts_no_whole_things_so():
    text = article(
        "2024-07-02",
        "The index of port activity at Horgos stood at 1.125 in May.",
        "Its trade came to 13,891 million yuan.",  # a page printing the English way: thousands
    )
    assert one(text, "1.125").figure.value == Decimal("1.125")
    assert one(text, "13,891 million yuan").figure.value == 13_891_000_000


def test_thousands_grouped_with_a_space_are_one_number():
    text = article(
        "2024-07-02",
        "The new line from Horgos will need more than 300 000 sleepers; on May 7 150 trucks crossed the port.",
    )
    assert one(text, "more than 300 000").figure.value == 300000
    assert "000" not in found(text)
    assert one(text, "150").figure.value == 150


def test_the_minutes_of_a_clock_time_are_no_figure():
    text = article(
        "2024-04-26",
        "The weekly flight leaves Urumqi at 21:45 and lands in Almaty at 23:10, carrying up to 180 passengers.",
    )
    assert set(found(text)) == {"up to 180"}


def test_numbers_inside_a_quoted_name_of_a_strategy_or_slogan_are_no_figures():
    text = article(
        "2024-05-06",
        "The Horgos zone follows the \"two hubs, three corridors\" plan and its 'six key industries', and the port "
        'sits where "four ports connect five countries"; it handled 2,400 trains in April.',
        '"We cleared 310 trucks at the Horgos road port on Monday," a customs officer said.',
        'The officer said: "Horgos handled 95 trains last week."',
    )
    for figure in ("two", "three", "six", "four", "five"):
        assert one(text, figure).confidence == "low", figure
    # the sentence's own figure, and figures in quoted speech, stay
    for figure in ("2,400", "310", "95"):
        assert one(text, figure).confidence == "high", figure


def test_a_day_written_before_its_month_is_a_date_not_a_count():
    text = article(
        "2024-10-20",
        "From 1 March, 12 trains a day may cross at the Horgos railway port; by 15 Oct. it had handled 5,100 trains.",
    )
    assert set(found(text)) == {"12", "5,100"}  # "1 March" and "15 Oct." are days, not figures
    assert one(text, "5,100").confidence == "high"


@pytest.mark.parametrize(
    ("sentence", "as_written", "value"),
    [
        (
            "Exports to Mongolia came to 2.1 billion yuan, a decline of 6.2 percent, the bureau said.",
            "6.2 percent",
            -6.2,
        ),
        ("Trade with Iran and Iraq shrank, with falls of 12.5 and 4.1 percent respectively.", "12.5", -12.5),
        ("Trade with Iran and Iraq shrank, with falls of 12.5 and 4.1 percent respectively.", "4.1 percent", -4.1),
        ("Cotton exports were 7.4 percent lower than in the same months of last year.", "7.4 percent", -7.4),
        ("State firms exported 3.6 per cent fewer cars than a year before.", "3.6 per cent", -3.6),
        ("Exports to Russia came to 1,973 vehicles, a plunge of 42.6 per cent.", "42.6 per cent", -42.6),
        ("Imports from Mongolia plummeted 12 percent.", "12 percent", -12),
        ("The region's exports fell sharply last year, by 44.5 percent.", "44.5 percent", -44.5),
        # sealed86/01: each percent of a list after the verb falls, the last as much as the first
        ("Textiles, shoes and toys fell 11.4%, 45.2% and 27.9% respectively.", "45.2%", -45.2),
        ("Textiles, shoes and toys fell 11.4%, 45.2% and 27.9% respectively.", "27.9%", -27.9),
        # sealed82/02: a gap under another rate; a gap above it stays positive
        ("Border trade grew 8.6 percentage points below the country's.", "8.6 percentage points", -8.6),
        ("Border trade grew 8.6 percentage points above the country's.", "8.6 percentage points", 8.6),
        ("Exports fell in May and imports rose, by 8 percent.", "8 percent", 8),  # the rise is nearer
        # a time's fall is a cut, kept positive
        ("The reform cut the waiting time from ten hours to six, a drop of 40 percent.", "40 percent", 40),
    ],
)
def test_a_fall_told_by_a_noun_a_verb_or_lower_less_fewer_is_negative_but_a_times_cut_is_not(
    sentence, as_written, value
):
    assert one(article(PUBLISHED, sentence), as_written).figure.value == Decimal(str(value))


def test_a_short_unit_or_scale_glued_to_the_digits_is_read_and_other_letters_still_make_a_name():
    assert _units("Exports rose 6.3pct and imports 2pc in May.") == [("6.3pct", "percent"), ("2pc", "percent")]
    assert [(f.text_value, f.unit) for f in find_figures("The line will cost 45bn yuan.")] == [("45000000000", "CNY")]
    assert _units("The 5G masts and an A320 served 40 travellers.") == [("40", "count")]
    # the glued unit is read in any case, the capital before a hyphen ("Covid-19") still only in upper case
    assert _units("A 7-hour-30-minute run, up 5PCT.") == [("7-hour-30-minute", "hours"), ("5PCT", "percent")]


def test_units_written_as_translations_and_other_pages_print_them():
    assert _units("It planned a 5.6-square-kilometer zone and a 30-square-metre kiosk.") == [
        ("5.6-square-kilometer", "km2"),
        ("30-square-metre", "m2"),
    ]
    assert _units("Trade reached 2,69 billion $ and the yard 6,200 standard containers.") == [
        ("2,69 billion $", "USD"),
        ("6,200 standard containers", "TEU"),
    ]
    assert _units("The zone covers an area of 5740 ha.") == [("5740 ha", "km2")]  # sealed64/03: hectares, as km2
    assert _units("It saw more than 60, 000 passengers.") == [("more than 60, 000", "count")]  # sealed90/06
    # sealed64/09, sealed64/03: the neighbours' and Europe's money, as the golds code it
    assert _units("Almost two and a half billion tenge went to the road; a market with €1,8 billion turnover.") == [
        ("Almost two and a half billion tenge", "KZT"),
        ("€1,8 billion", "EUR"),
    ]
    assert _units("Duties came to Rs 9.5 billion and 3,2 million euros.") == [
        ("Rs 9.5 billion", "PKR"),
        ("3,2 million euros", "EUR"),
    ]
    # sealed64/07: "twenty-foot containers" are TEU, and the range's first end takes the unit and scale
    assert _units("Capacity rises from 540 to 800 thousand twenty-foot containers a year.") == [
        ("540", "TEU"),
        ("800 thousand twenty-foot containers", "TEU"),
    ]
    assert _units("The border runs 5,400km.") == [("5,400km", "km")]
    # seconds, the Chinese mu and "standard cubic metres" (sealed44, sealed42, sealed82); a "second-class" port is none
    assert _units("A truck clears in 30 seconds on a 40 mu site; 11 billion standard cubic metres flowed.") == [
        ("30 seconds", "seconds"),
        ("40 mu", "mu"),
        ("11 billion standard cubic metres", "m3"),
    ]
    assert _units("There are 11 second-class ports.") == [("11", "count")]
    # thousands grouped by a point are never a year, as grouped by a comma are not
    assert [(f.value, f.unit) for f in find_figures("Horgos saw 2.055 of them.", points_group=True)] == [
        (2055, "count")
    ]


def test_the_length_of_a_streak_is_doubted_a_count_beside_it_is_not():
    text = _article(
        PUBLISHED,
        "Kashgar airport's cargo has risen for 14 consecutive months, and exports for six straight quarters.",
        "The airport handled 14 cargo flights in May 2025.",
    )
    streak, flights = _found(text)["14"]
    assert (streak.confidence, flights.confidence) == ("low", "high")
    assert _one(text, "six").confidence == "low"


def test_a_fairs_booths_are_an_events_detail_a_halls_country_booths_are_not():
    text = _article(
        PUBLISHED,
        "All 650 booths of the Urumqi spring trade fair were let within a week.",
        "Its 80 display stands showed carpets from Iran.",
        "The bonded zone's import hall now has 21 country booths.",
    )
    assert _one(text, "650").confidence == "low"
    assert _one(text, "80").confidence == "low"
    assert _one(text, "21").confidence == "high"


def test_a_fairs_halls_and_zones_are_its_details_the_regions_bonded_zones_are_counted():
    text = _article(
        PUBLISHED,
        "The fair's exhibition space holds 11 zones and four main exhibition halls this year.",
        "At the expo the region showed its four comprehensive bonded zones.",
    )
    assert [c.confidence for c in _found(text)["11"]] == ["low"]
    assert [c.confidence for c in _found(text)["four"]] == ["low", "high"]  # the halls, then the bonded zones


def test_a_track_gauge_in_millimetres_is_a_standard_not_a_figure():
    text = _article(
        PUBLISHED,
        "At Horgos trains change from the 1520 mm gauge to the 1435 mm one, and 1,200 trains did so in May 2025.",
    )
    assert [_one(text, f).confidence for f in ("1520", "1435", "1,200")] == ["low", "low", "high"]
    # sealed99/01: a gauge with no millimetres written; the size of each train counted
    text = _article(
        "2018-08-20",
        "Six tracks run into the Horgos terminal: three from China with a gauge of 1435 millimetres and three from "
        "Kazakhstan with a gauge of 1520. Four trains of 14 containers each are handled there every day.",
    )
    assert [_one(text, f).confidence for f in ("1520", "14", "Four")] == ["low", "low", "high"]


def test_a_coordinates_degrees_and_minutes_are_doubted_whatever_marks_they_are_typed_with():
    # sealed47/01 and /03: a port's place given in degrees and minutes, with a ring, a tonos or an acute for the marks
    text = _article(
        "2005-01-17",
        "The Bakhty checkpoint lies near Tacheng (46˚41΄ N, 82˚48΄ E), 17 km from the city.",
        "The Alataw port lies at latitude 83°36´ east and longitude 45°12´ north and handled 2,000 trucks in 2004.",
    )
    for written in ("46", "41", "82", "48", "83", "36", "45", "12"):
        assert _one(text, written).confidence == "low", written
    assert _one(text, "2,000").confidence == "high"


def test_a_year_like_number_of_crossings_is_a_count_not_a_year():
    # sealed48/03: "the busiest single day saw 1954 crossings" dated the sentence's other figures 1954
    text = _article(
        "2023-03-23",
        "Since March close to 600 people cross the Korgas border on an average day, and the busiest single day saw "
        "1954 crossings.",
    )
    assert _one(text, "1954").figure.value == 1954
    assert "1954" not in _one(text, "close to 600").period


def test_cubic_metres_are_a_unit():
    text = article("2018-04-19", "Natural gas imports through Horgos reached 10.067 billion cubic metres.")
    gas = one(text, "10.067 billion cubic metres").figure
    assert (gas.value, gas.unit) == (Decimal("10067000000"), "m3")


def test_millions_of_tonnes_shortened_and_a_year_like_count_of_jobs():
    text = article(
        "2022-07-01",
        "Kazakh railways moved 122 M. t of freight in the first quarter.",
        "The zone's 234 companies account for about 2000 jobs, and its trade rose 42.1% in the first half.",
    )
    freight = one(text, "122 M. t").figure
    assert (freight.value, freight.unit) == (122_000_000, "tonnes")
    assert one(text, "about 2000").figure.value == 2000
    assert one(text, "42.1%").period == "2022-01/2022-06"  # 2000 is no year


def test_a_share_in_tenths_is_one_figure_not_also_a_count():
    # sealed75/03: "nearly seven tenths of all the trains" was also proposed as "nearly seven" trains
    text = _article(PUBLISHED, "Trains through Alashankou make up nearly seven tenths of all the trains China runs.")
    assert sorted(_found(text)) == ["nearly seven tenths"]


def test_an_hour_of_the_day_in_words_is_no_figure():
    # sealed78/04: "Nine in the morning at the border crossing"
    text = _article(
        PUBLISHED,
        "Nine in the morning at the Horgos crossing: more than 310 lorries queue at the customs, which opens at ten "
        "o'clock.",
    )
    assert [_one(text, f).confidence for f in ("Nine", "more than 310", "ten")] == ["low", "high", "low"]


def test_a_class_named_by_its_weight_is_no_measure():
    # sealed97/02, sealed29: "a 10,000-tonne train", "35-ton open-top containers"; the tonnes a line moved stay
    text = _article(
        "2021-01-11",
        "A 10,000-tonne train pulls out of the Alashankou station, which moved 3,000 tonnes of coal in 2020.",
    )
    assert [_one(text, f).confidence for f in ("10,000-tonne", "3,000 tonnes")] == ["low", "high"]


def test_an_outbreaks_deaths_and_infections_are_no_places_measure():
    # sealed92/08: "Since then over 900 people have died and over 40,000 people have been confirmed as infected"
    text = article(
        "2020-02-10",
        "The outbreak began in late December 2019. Since then over 900 people have died and over 40,000 people have "
        "been confirmed as infected. In January 5,626 cargo vehicles crossed the Horgos port.",
    )
    assert [one(text, f).confidence for f in ("over 900", "over 40,000", "5,626")] == ["low", "low", "high"]
    # sealed90/01: cases, carriers and risk areas counted in an outbreak
    cases = article(
        "2022-02-09",
        "Xinjiang had counted seven confirmed cases and 16 asymptomatic carriers by Monday. Five medium-risk areas of "
        "Horgos were lowered to low-risk. Horgos railway port handled 570 trains in January.",
    )
    confidences = [one(cases, f).confidence for f in ("seven", "16", "Five", "570")]
    assert confidences == ["low", "low", "low", "high"]


def test_what_a_thing_sells_for_is_a_price_not_a_measure():
    # sealed92/07: "These high-quality cherries sell for around 100 yuan (14.4 U.S. dollars) a kilo"
    text = article(
        "2019-06-14",
        "These cherries sell for around 100 yuan a kilo in Urumqi. Urumqi airport's imports of fruit were worth "
        "12 million yuan in May.",
    )
    assert [one(text, f).confidence for f in ("around 100 yuan", "12 million yuan")] == ["low", "high"]


def test_a_fine_and_the_least_a_thing_costs_are_not_measures():
    # sealed94/06: a film star "was fined 880 million yuan"; registering a firm "could cost as little as 10,000 yuan"
    text = article(
        "2018-10-08",
        "A film star based in Horgos was fined 880 million yuan. Registering a media company there could cost as "
        "little as 10,000 yuan. The Horgos railway line cost 2.5 billion yuan.",
    )
    confidences = [one(text, f).confidence for f in ("880 million yuan", "10,000 yuan", "2.5 billion yuan")]
    assert confidences == ["low", "low", "high"]
