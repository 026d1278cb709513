"""Amounts a flow will, may or is expected to come to (forecasts), against capacities, plans and schedules."""

from __future__ import annotations

from tests.proposing import article, one


def test_an_amount_a_flow_will_or_may_come_to_is_a_forecast():
    text = article(
        "2019-05-14",
        "Officials at Horgos say cargo through the port could reach 30 million tonnes in 2021.",
        "The organisers expect the trade fair in Urumqi to draw 80,000 buyers from 40 countries.",
        "Urumqi airport will gain three taxiways, and its passengers will rise to 60 million people and 700,000 tonnes.",
        "New demand may lift the volume at Alataw Pass to 18 million tons this year, the director said.",
    )
    for written in ("30 million tonnes", "80,000", "40", "three", "60 million", "700,000 tonnes", "18 million tons"):
        assert one(text, written).confidence == "low", written
    # sealed86/02: the figure as the subject of "are expected to"; a plan's target "expected to be" in place stays
    text = article(
        "2020-11-04",
        "More than 4 million parcels are expected to reach Europe by rail from Alashankou this month.",
        "By 2025, 30 airports are expected to be in operation in Xinjiang.",
    )
    assert one(text, "More than 4 million").confidence == "low"
    assert one(text, "30").confidence == "high"


def test_an_amount_reached_before_a_clause_that_forecasts_is_a_measure():
    # sealed79/03: the forecast is the next clause's, the amount reached so far stays a figure
    text = article(
        "2008-12-19",
        "So far, goods exported by rail through Alashankou have reached 5,900,000 tonnes, and they are expected to "
        "pass 6,000,000 tonnes before the year is out.",
    )
    assert one(text, "5,900,000 tonnes").confidence == "high"
    assert one(text, "6,000,000 tonnes").confidence == "low"


def test_what_a_year_already_over_is_expected_to_come_to_is_its_first_estimate_not_a_forecast():
    # sealed85/09: a January work report on the year just ended; a year to come, or one in another clause, forecasts
    text = article(
        "2026-01-23",
        "In 2025 foreign trade at Horgos is expected to reach a total of 118.65 billion yuan, up 16.9%.",
        "In 2026 trade at Horgos is expected to reach 130 billion yuan.",
        "In 2024, 16,500,000 tonnes moved through Alashankou, and the figure is expected to reach 25,000,000 tonnes.",
    )
    assert one(text, "118.65 billion yuan").confidence == one(text, "16.9%").confidence == "high"
    assert one(text, "130 billion yuan").confidence == one(text, "25,000,000 tonnes").confidence == "low"


def test_handling_by_a_later_year_is_a_forecast_a_capacity_a_schedule_and_a_plans_spending_are_not():
    text = article(
        "2019-05-14",
        "Kashgar airport is expected to handle 9 million passengers by 2025.",
        "The new airport is expected to handle an annual passenger throughput of 300,000 people.",
        "Once the works are done, the clearance capacity of Baketu Port will reach 3 million tons a year.",
        "When the agreement takes effect, flights between Almaty and Urumqi will reach up to eight a day.",
        "The region plans to spend 12 billion yuan on its airports this year.",
        "The three subzones will carry out 40 of the reforms planned for this year.",
    )
    assert one(text, "9 million").confidence == "low"
    for written in ("300,000", "3 million tons", "up to eight", "12 billion yuan", "40"):
        assert one(text, written).confidence == "high", written


def test_a_forecast_reads_past_a_decimal_point_and_a_long_aside():
    text = article(
        "2019-05-14",
        "Freight next year is expected to reach 12.5 million tons, 8.5 million tons of it through Alataw Pass.",
        "Analysts expect the Horgos port, which now joins the two countries by rail, road and a gas pipeline, to "
        "handle 40 million tonnes a year by 2030.",
    )
    for written in ("8.5 million tons", "40 million tonnes"):
        assert one(text, written).confidence == "low", written


def test_a_figure_as_the_subject_of_a_verb_to_come_and_an_area_to_be_enlarged_to_are_forecasts():
    text = article(
        "2019-05-14",
        "Under the new timetable, about 40 container trains will leave Urumqi for Minsk next spring.",
        "The logistics park covers 3 square kilometers and will later be expanded to 12 square kilometers.",
        "Its warehouses are expected over time to reach 90,000 square meters, the operator said.",
        "In 2020 a total of 2 billion yuan will be invested in the port's roads.",
    )
    for written in ("about 40", "12 square kilometers", "90,000 square meters"):
        assert one(text, written).confidence == "low", written
    for written in ("3 square kilometers", "2 billion yuan"):  # a size today, a plan's spending
        assert one(text, written).confidence == "high", written


def test_a_plan_an_agreed_amount_and_a_horizon_named_before_make_a_forecast():
    text = article(
        "2019-05-14",
        "The two railways agreed that freight across the border next year should reach 14 million tons.",
        "The aim is to carry up to 6 million tons through Baketu by the end of this year, 18 percent more than last year.",
        "Works will run until 2028, when Kashgar airport is expected to handle 20 million passengers a year.",
        "The new Hami terminal is forecast to serve 4 million passengers a year by 2027.",
    )
    for written in ("14 million tons", "up to 6 million tons", "18 percent", "20 million", "4 million"):
        assert one(text, written).confidence == "low", written


def test_a_horizon_only_for_other_words_leaves_a_capacity_a_figure():
    text = article(
        "2019-05-14",
        "In 2018, when the new terminal opened, the airport was expected to handle 3 million passengers a year.",
    )
    assert one(text, "3 million").confidence == "high"


def test_trains_expected_to_number_so_many_are_a_forecast_a_plan_to_raise_their_number_is_not():
    # sealed75/03: "the trains in 2018 are expected to number more than 3000"
    text = article(
        "2018-08-23",
        "Trains through Alashankou in 2018 are expected to number more than 3100.",
        "The region plans to raise the number of trains it runs to Europe to 420 this year.",
    )
    assert [one(text, f).confidence for f in ("more than 3100", "420")] == ["low", "high"]


def test_a_sentence_that_opens_on_the_future_tells_what_is_to_come():
    # sealed99/01, sealed28/07: "In future there are to be 12 trains", "In future we expect to raise ... to 800 thousand"
    text = article(
        "2018-08-20",
        "Four trains a day are handled at the Horgos terminal. In future there are to be 12 trains carrying 168 "
        "containers in all.",
    )
    assert [one(text, f).confidence for f in ("Four", "12", "168")] == ["high", "low", "low"]


def test_the_parts_of_an_amount_still_to_come_are_still_to_come():
    # sealed101/06: "21 million tonnes are expected to be carried ..., of which more than 8,8 million tonnes from China"
    text = article(
        "2021-09-01",
        "Up to August, 14.4 million tonnes went through the Alashankou and Horgos railway ports, of which 8.1 million "
        "tonnes came from China. In 2021, 21 million tonnes are expected to be carried through the two ports, of "
        "which more than 8.8 million tonnes from China.",
    )
    assert [one(text, f).confidence for f in ("8.1 million tonnes", "more than 8.8 million tonnes")] == ["high", "low"]


def test_a_count_expected_to_grow_to_an_amount_is_a_forecast():
    # sealed92/01: "the number of container trains organised is expected to grow to 510, or more than 40,000 containers"
    text = article(
        "2015-09-10",
        "In the first seven months of 2015, 234 trains crossed at Alashankou. In 2015 the number of trains is expected "
        "to grow to 510, or more than 40,000 containers.",
    )
    assert [one(text, f).confidence for f in ("234", "510", "more than 40,000")] == ["high", "low", "low"]


def test_what_there_is_to_be_is_still_to_come():
    # sealed101/05: "From 01.03.2021 there are to be two trains more at each of the two crossings"
    text = article(
        "2021-02-15",
        "China takes up to 18 trains a day at the Alashankou crossing. From 1 March there are to be four trains more "
        "at the crossing.",
    )
    assert [one(text, f).confidence for f in ("up to 18", "four")] == ["high", "low"]
