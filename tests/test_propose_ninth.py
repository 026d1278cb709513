"""The ninth tuning's rules: a body of a place that reports a figure is its source, not its place; ..."""

from __future__ import annotations

from geo import settings
from geo.ingest.organisations import without_organisations
from geo.ingest.propose import propose_candidates
from tests.proposing import article, one

PUBLISHED = "2024-06-10"


def test_a_body_of_a_place_before_its_name_is_who_reports_not_where():
    # the body's noun before "of" and the place, in either case, with the place's kind or an apposition after it
    assert "Urumqi" not in without_organisations("The Customs of Urumqi, the regional capital, said trade grew.")
    assert "Kashgar" not in without_organisations("According to the statistics office of Kashgar prefecture, 40 buses")
    text = article(
        PUBLISHED,
        "In the first quarter of 2024 the trade of the Xinjiang Uygur Autonomous Region grew.",
        "The Customs of Urumqi, the regional capital, said the region traded with 140 countries and regions in "
        "the first quarter of 2024.",
    )
    assert one(text, "140").entity_id == "xinjiang"


def test_the_source_office_does_not_take_the_ports_figures_as_a_place_the_data_lacks():
    text = article(
        PUBLISHED,
        "The Khunjerab Pass opened twice in the winter for urgent supplies.",
        "According to the transport office of Kashgar prefecture, the openings saw 240 trucks cross.",
    )
    found = one(text, "240")
    assert found.entity_id == "khunjerab"
    assert "place not in the data" not in found.flags


def test_a_tonnage_with_no_noun_of_its_own_measures_cargo_whatever_the_verb():
    text = article(
        PUBLISHED,
        "Freight moved by rail through the Horgos railway port in 2023 climbed 12% to 3.1 million tons.",
        "The Torugart port had a quiet winter. In 2023, though, it reached 640,000 tons.",
    )
    assert one(text, "3.1 million tons").metric == "cargo_throughput"
    assert one(text, "640,000 tons").metric == "cargo_throughput"


def test_a_tonnage_of_a_named_good_or_moved_one_way_is_not_the_ports_cargo():
    text = article(
        PUBLISHED,
        "In 2023 the Khunjerab port took in 800 tons of dried apricots.",
        "Exports through the Horgos railway port grew by 9% in 2023, to 1.7 million tons.",
        "In 2023 rail deliveries to China grew by 5% to 6 million tons, including:",
        "- via the Alashankou railway port, to 3.5 million tons;\n- via the Horgos railway port, to 2.5 million tons.",
    )
    for as_written in ("800 tons", "1.7 million tons", "3.5 million tons", "2.5 million tons"):
        assert one(text, as_written).metric != "cargo_throughput", as_written


def test_goods_worth_a_sum_through_a_port_are_its_trade():
    text = article(
        PUBLISHED,
        "Customs data show that goods worth over 9.2 billion yuan passed through the Irkeshtam port in 2023.",
    )
    assert one(text, "over 9.2 billion yuan").metric == "trade_value"


def test_what_a_railway_port_counts_are_its_train_routes_and_where_they_go():
    text = article(
        PUBLISHED,
        "At present 64 freight routes run through the Alashankou railway port, linking it with 15 countries and "
        "regions, and 12 lines go through the Horgos railway port.",
        "The Horgos railway port has started 5 new freight routes this year.",
    )
    assert one(text, "64").metric == "china_europe_train_routes"
    assert one(text, "15").metric == "train_destination_countries"
    assert one(text, "12").metric == "china_europe_train_routes"
    assert one(text, "5").metric == "new_china_europe_train_routes"


def test_an_airports_routes_and_countries_stay_the_airports():
    text = article(
        PUBLISHED,
        "At present Urumqi Tianshan International Airport runs 30 international cargo routes to 12 countries.",
    )
    assert one(text, "30").metric != "china_europe_train_routes"
    assert one(text, "12").metric != "train_destination_countries"


def test_from_the_start_of_the_year_to_a_day_is_the_year_to_that_day():
    text = article(
        PUBLISHED,
        "From the start of the year to May 20, the Horgos railway port handled 2,900 freight trains.",
    )
    assert one(text, "2,900").period == "2024-01-01/2024-05-20"


def test_digits_joined_to_a_capitalised_name_in_any_case_are_part_of_the_name():
    text = article(
        PUBLISHED,
        "The Khunjerab port was shut during Covid-19 and handled 300 trucks in May 2024.",
    )
    found = [c.figure.as_written for c in _all(text)]
    assert "19" not in found
    assert "300" in found


def _all(text: str):
    return propose_candidates(text, "t", settings.DATA_DIR, PUBLISHED)
