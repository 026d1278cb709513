"""The eleventh tuning's rules: which place a figure belongs to when places are named together or by "the other"."""

from __future__ import annotations

from tests.proposing import article, one

PUBLISHED = "2023-09-04"


def test_two_places_joined_as_the_clauses_subject_are_a_combined_figure():
    text = article(
        PUBLISHED,
        "Rail officials said the Alataw Pass and Horgos Port, the region's busiest rail crossings, dispatched "
        "4,750 China-Europe freight trains in the first half of 2023, 6.2 percent more than a year earlier.",
    )
    for figure in ("4,750", "6.2 percent"):
        candidate = one(text, figure)
        assert candidate.entity_id == "alashankou-rail;horgos-rail"
        assert "combined" in candidate.flags


def test_the_pair_apposed_to_a_count_of_ports_is_combined_but_not_past_a_new_clause():
    text = article(
        PUBLISHED,
        "In 2022 the region's two biggest rail ports, the Horgos Port and the Alataw Pass, saw 9,900 freight trains.",
    )
    assert one(text, "9,900").entity_id == "alashankou-rail;horgos-rail"


def test_the_tail_of_a_longer_list_is_no_pair():
    text = article(
        PUBLISHED,
        "Trucks through Bakhty, Jeminay, Horgos and the Alataw Pass carried 3,000 tonnes of fruit in August.",
    )
    # four ports listed: the last two of them are not the figure's pair
    assert one(text, "3,000 tonnes").entity_id not in {"alashankou-road;horgos-road", "alashankou;horgos"}


def test_the_other_port_is_the_one_of_the_pair_the_sentence_does_not_name():
    text = article(
        PUBLISHED,
        "Horgos Port and the Alataw Pass together handled 7,300 freight trains this year.",
        "Trains through Horgos Port rose 12 percent, while the other port recorded an 18-percent rise in trains.",
    )
    assert one(text, "18-percent").entity_id == "alashankou-rail"
    assert one(text, "12 percent").entity_id == "horgos-rail"


def test_a_sentence_naming_no_place_goes_on_about_the_pair_named_the_sentence_before():
    text = article(
        PUBLISHED,
        "Last year the railway bureau widened the yards of the Alataw Pass and Horgos Port. Working with customs, "
        "it cut the time a freight train waits at the border to 40 minutes.",
    )
    candidate = one(text, "40 minutes")
    assert candidate.entity_id == "alashankou-rail;horgos-rail"
    assert "combined" in candidate.flags


def test_that_count_is_the_figure_before_with_its_places():
    text = article(
        PUBLISHED,
        "The Horgos Port and the Alataw Pass, the region's two rail gateways, have together handled 6,400 freight "
        "trains so far this year.",
        "Figures from the railway bureau show that count is up 7 percent on a year earlier.",
    )
    candidate = one(text, "7 percent")
    assert candidate.entity_id == "alashankou-rail;horgos-rail"
    assert candidate.metric == "china_europe_trains_growth_yoy" or candidate.metric.endswith("_growth_yoy")


def test_bonded_zones_called_areas_or_integrated_are_the_datas_bonded_zones():
    text = article(
        PUBLISHED,
        "From January to June, trade of the region's three integrated bonded areas, namely Urumqi, Kashgar and "
        "Alataw, rose 41.5 percent to 7.7 billion yuan.",
        "In the same months the Urumqi comprehensive bonded area alone traded goods worth 2.6 billion yuan.",
    )
    assert one(text, "7.7 billion yuan").entity_id == "xinjiang-cbz"
    assert one(text, "41.5 percent").entity_id == "xinjiang-cbz"
    assert one(text, "2.6 billion yuan").entity_id == "cbz-urumqi"


def test_a_dateline_with_a_spaced_hyphen_is_where_the_news_was_filed_not_the_figures_place():
    text = article(
        PUBLISHED,
        "URUMQI - The foreign trade of Xinjiang Uygur autonomous region rose 12.5 percent to 30.1 billion yuan in the "
        "first half of 2023.",
    )
    assert one(text, "30.1 billion yuan").entity_id == "xinjiang"
    assert one(text, "12.5 percent").entity_id == "xinjiang"


def test_a_days_average_peak_of_trains_are_named_from_the_thing_counted_and_the_statistic():
    text = article(
        PUBLISHED,
        "So far this year the Horgos railway port has handled an average of 23 China-Europe freight trains a day, "
        "with a daily high of 31.",
        "Back in 2015 it saw a monthly average of 4.5 trains.",
    )
    assert one(text, "23").metric == "daily_train_average"
    assert one(text, "31").metric == "daily_train_peak"
    assert one(text, "4.5").metric != "daily_train_average"


def test_a_days_average_said_after_the_figure_is_the_average():
    text = article(PUBLISHED, "The Alataw Pass now handles 15 China-Europe freight trains a day on average.")
    assert one(text, "15").metric == "daily_train_average"
