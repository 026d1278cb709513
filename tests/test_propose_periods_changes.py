"""The two ends of a change ("from A at first to B now", "from A in 2015 to B in 2019") and the year it is set against."""

from __future__ import annotations

from tests.proposing import article, one


def test_a_change_at_first_starts_in_the_year_it_began_and_ends_with_this_years_count():
    text = article(
        "2024-10-20",
        "Since the service began in 2013, the number of trains through Horgos each year has risen from 40 at first "
        "to more than 7,000.",
        "Since the route opened in 2014, Kashgar airport's flights have gone from 12 a year at first to over 900 now.",
    )
    assert one(text, "40").period == "2013"
    assert one(text, "more than 7,000").period == "2024"
    assert one(text, "12").period == "2014"
    assert one(text, "over 900").period == "2024"


def test_the_figure_before_lends_its_place_and_measure_not_a_period_the_sentence_writes():
    text = article(
        "2020-05-03",
        "Wang said the Horgos center has welcomed more than 9 million visitors since it opened in 2014.",
        "The number rose every year, from only 200,000 in 2015 to 4 million in 2019, he said, adding that growth has "
        "held this year, with 900,000 visitors already in the first quarter.",
    )
    before = one(text, "more than 9 million")
    assert one(text, "200,000").period == "2015"
    assert one(text, "4 million").period == "2019"
    assert one(text, "900,000").period == "2020-01/2020-03"
    assert one(text, "4 million").entity_id == before.entity_id
    assert one(text, "4 million").metric == before.metric


def test_the_year_a_change_is_measured_on_is_its_base():
    # the year after "rose by N% on" is what the change is set against; the figures keep the year the sentence opens
    text = article(
        "2023-01-20",
        "In 2022 the cargo trains crossing at Alashankou rose by 9,4% on 2021 to reach 6 211. Tonnes carried grew "
        "12 percent over 2021, to 8.3 million tonnes.",
    )
    assert one(text, "9,4%").period == "2022"
    assert one(text, "6 211").period == "2022"
    assert one(text, "12 percent").period == "2022"
    assert one(text, "8.3 million tonnes").period == "2022"


def test_a_part_of_an_earlier_year_compared_with_is_no_period_of_the_figure():
    text = article(
        "2023-07-20",
        "In the first six months of 2023 Alashankou Port handled 4.1 million tonnes of goods.",
        "Its grain shipments came to 1 million tonnes. That is three times as much as in the first six months of "
        "last year.",
    )
    assert one(text, "three times").period == "2023-01/2023-06"


def test_a_year_compared_against_is_no_figures_period():
    text = article(
        "2018-01-24",
        "The region's foreign trade grew by 17 percent in 2017 against 2016 to reach 20.7 billion US dollars, "
        "exports worth 17.7 billion US dollars among it.",
        "Its trade with Mongolia grew by 84 percent.",
    )
    for figure in ("17 percent", "20.7 billion US dollars", "17.7 billion US dollars", "84 percent"):
        assert one(text, figure).period == "2017", figure
