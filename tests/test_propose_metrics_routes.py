"""A count of routes: named by their kind, opened or the network, and the countries and cities they reach."""

from __future__ import annotations

from tests.proposing import article, one
from tests.proposing import article as _article
from tests.proposing import one as _one

PUBLISHED = "2024-06-10"


def test_routes_are_named_by_their_kind_and_cargo_routes_reach_their_own_countries():
    article = _article(
        "2025-03-03",
        "Kashgar airport runs 61 regular passenger routes, of which 55 are domestic routes and 6 are international "
        "routes.",
        "It also runs 12 international cargo routes linking 9 countries and regions.",
    )
    assert _one(article, "61").metric == "regular_passenger_routes"
    assert _one(article, "55").metric == "domestic_routes"
    assert _one(article, "6").metric == "intl_routes"
    assert _one(article, "12").metric == "intl_cargo_routes"  # the vocabulary's name
    assert _one(article, "9").metric == "cargo_route_countries"


def test_routes_added_are_routes_opened_and_routes_opened_in_total_are_the_network():
    article = _article(
        "2025-05-20",
        "Since January, Urumqi airport has added five international passenger and cargo routes.",
        "So far the airport has opened 20 international cargo routes in total.",
    )
    assert _one(article, "five").metric == "new_intl_routes"
    assert _one(article, "20").metric == "intl_cargo_routes"


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


def test_air_cargo_or_air_freight_routes_are_the_vocabularys_cargo_routes():
    text = article(
        PUBLISHED,
        "Kashgar airport now runs nine international air freight routes, and Yining airport four international "
        "air cargo routes.",
    )
    assert one(text, "nine").metric == "intl_cargo_routes"
    assert one(text, "four").metric == "intl_cargo_routes"


def test_routes_named_as_the_subject_before_their_count_are_of_that_kind():
    text = article(
        "2025-02-12",
        "By the end of 2024 the region's air routes had reached 265, the aviation authority said.",
        "Kashgar airport's international cargo routes have risen to 14.",
    )
    guess = one(text, "265")
    assert guess.metric == "air_routes" and guess.new_metric  # no road or train routes, and no routes of the data
    assert one(text, "14").metric == "intl_cargo_routes"


def test_lines_a_train_hub_runs_are_its_train_routes():
    # "lines" counted beside trains: the routes the trains run on, not the trains
    text = article(
        "2019-06-18",
        "Xinjiang's trade grew in 2018.",
        "When the train hub opened in 2016 it offered four international lines, with trains leaving every month.",
        "Now it runs trains on 15 lines.",
    )
    assert one(text, "four").metric == "china_europe_train_routes"
    assert one(text, "15").metric == "china_europe_train_routes"


def test_routes_of_no_kind_are_of_the_mode_the_sentence_or_the_one_before_moves_by():
    text = article(
        "2023-04-02",
        "Some 40 airlines now fly 210 routes out of the region's airports.",
        "Container trains leave the Horgos railway port every day.",
        "Last year they ran on roughly 30 routes to 18 cities in Europe.",
    )
    flown = one(text, "210")
    assert flown.metric == "air_routes" and flown.new_metric  # flights, not the road routes the data counts
    assert one(text, "roughly 30").metric == "china_europe_train_routes"  # the trains of the sentence before


def test_routes_of_no_kind_in_a_sentence_of_both_modes_are_left_to_the_vocabulary():
    text = article(
        PUBLISHED,
        "By rail and by air the region now runs 95 routes to other countries, with trains and flights each week.",
    )
    assert one(text, "95").metric != "air_routes"


def test_the_routes_a_port_had_opened_by_a_day_named_after_them_are_its_network_on_that_day():
    text = article(
        "2022-12-28",
        "The Horgos port had opened 75 China-Europe train routes by 12 December, and its trains this year have "
        "reached 6,688.",
    )
    assert (one(text, "75").metric, one(text, "75").period) == ("china_europe_train_routes", "2022-12-12")
