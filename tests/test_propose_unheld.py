"""Figures about places the data does not hold: named by their kind, in a clause of their own, carried, or a group."""

from __future__ import annotations

import pytest

from tests.proposing import article, one

PUBLISHED = "2025-06-10"


def _outside(text: str, as_written: str) -> tuple[str, str]:
    candidate = one(text, as_written)
    return candidate.entity_id, next((f for f in candidate.flags.split("; ") if f.startswith("place not")), "")


def test_a_port_whose_name_is_only_part_of_a_data_alias_is_not_the_data_port():
    # "Sost" is in the data only inside "Khunjerab-Sost", "Dry" only inside Urumqi's dry port
    text = article(PUBLISHED, "The Sost Dry Port on the Pakistani side cleared 7,500 tonnes of goods in March 2025.")
    assert _outside(text, "7,500 tonnes") == ("", "place not in the data: Sost Dry Port")


def test_a_short_name_of_a_data_airport_is_still_the_data_airport():
    text = article(PUBLISHED, "Cargo now leaves Tianshan Airport on 31 routes to Europe and Africa.")
    assert _outside(text, "31") == ("urumqi-airport", "")


def test_a_group_of_airports_the_data_lacks_in_its_own_clause_is_not_the_airport_named_before():
    text = article(
        PUBLISHED,
        "Over the holiday Urumqi International Airport served 600,000 passengers; the branch airports of the "
        "region served 300,000 passengers.",
    )
    assert _outside(text, "600,000") == ("urumqi-airport", "")
    assert _outside(text, "300,000") == ("", "place not in the data: branch airports")


@pytest.mark.parametrize("figure", ["12 percent", "30 percent", "45 percent"])
def test_each_figure_of_an_enumeration_belongs_to_the_places_the_data_lacks(figure):
    text = article(
        PUBLISHED,
        "Passenger numbers at the Hanas, Nalati and Shihezi tourism airports rose 12 percent, 30 percent and "
        "45 percent respectively in May 2025.",
    )
    assert _outside(text, figure) == ("", "place not in the data: Hanas, Nalati and Shihezi tourism airports")


def test_a_county_in_the_figures_clause_is_its_subject_though_a_data_port_follows():
    text = article(
        PUBLISHED, "Exports from Qitai County rose 15 percent in 2024, while Horgos Port handled 40 million tonnes."
    )
    assert _outside(text, "15 percent") == ("", "place not in the data: Qitai County")
    assert _outside(text, "40 million tonnes")[0] == "horgos"


def test_a_foreign_city_in_a_clause_after_a_data_port_takes_its_figures():
    text = article(
        PUBLISHED,
        "Alashankou handled 2,000 trains in May 2025, and Almaty city received 80,000 tourists in the same month.",
    )
    assert _outside(text, "2,000")[0].startswith("alashankou")
    assert _outside(text, "80,000") == ("", "place not in the data: Almaty city")


def test_a_place_that_only_locates_a_data_port_does_not_take_its_figures():
    text = article(PUBLISHED, "The Dulata port in Qapqal Xibe Autonomous County handled 20,000 trips in 2024.")
    assert _outside(text, "20,000") == ("dulata", "")


def test_a_foreign_station_of_a_line_that_crosses_at_a_data_port_stays_that_port():
    text = article(PUBLISHED, "Through the Dostyk station, 5.9 million tons were handed over to China in 2024.")
    assert _outside(text, "5.9 million tons")[0] == "alashankou-rail"


def test_a_place_the_data_lacks_carries_to_a_sentence_in_its_paragraph_that_names_none():
    text = article(
        PUBLISHED,
        "The Sost Dry Port cleared 12,000 tonnes of cargo in March 2025. In April 2025, another 9,000 tonnes were "
        "cleared.",
        "In May 2025, 5,000 tonnes went through the Khunjerab port.",
    )
    assert _outside(text, "9,000 tonnes") == ("", "place not in the data: Sost Dry Port")
    assert _outside(text, "5,000 tonnes") == ("khunjerab", "")


def test_the_new_airport_is_the_one_just_named_even_if_a_data_airport_was_named_after_it():
    text = article(
        PUBLISHED,
        "The first flight into Qitai Jiangbulake Airport landed on Monday after a two-hour trip from an airport in "
        "Kashgar. The new airport can handle 470,000 passengers a year.",
    )
    assert _outside(text, "470,000") == ("", "place not in the data: Qitai Jiangbulake Airport")


def test_a_railway_division_named_after_a_city_is_who_reports_not_the_place():
    text = article(
        PUBLISHED,
        "The Urumqi division of the China Railway Corporation said 100 freight trains left Kashgar in 2024.",
    )
    assert "urumqi" not in _outside(text, "100")[0]


def test_a_neighbour_countrys_own_total_is_not_placed_on_a_data_place():
    text = article(
        PUBLISHED,
        "Trade through Horgos kept growing in 2025. Kazakhstan's exports to China came to 1.6 million tonnes in "
        "January 2025.",
    )
    assert _outside(text, "1.6 million tonnes") == ("", "place not in the data: Kazakhstan (national)")


def test_a_neighbours_rail_freight_through_the_border_stays_with_the_rules_for_borders():
    text = article(PUBLISHED, "Kazakhstan's rail shipments through Horgos came to 4.2 million tonnes in 2024.")
    assert _outside(text, "4.2 million tonnes")[0].startswith("horgos")
