"""A place the data holds, named the other way round: "<kind> of <place>" for the data's "<place> <kind>"."""

from __future__ import annotations

import pytest

from geo import settings
from geo.ingest.entities import load_entities
from geo.ingest.spellings import add_abbreviations
from tests.proposing import article, one, placed


def test_a_port_named_kind_first_is_the_datas_port_and_carries_to_the_next_sentence():
    text = article(
        "2023-06-01",
        "The International Land Port of Urumqi is the hub where westbound freight trains are put together. "
        "In the first five months, 1,350 China-Europe freight trains left from the land port.",
    )
    assert placed(text, "1,350") == ("urumqi-land-port", "")


def test_a_capitalised_kind_of_place_named_after_an_unknown_place_is_still_flagged():
    text = article(
        "2023-06-01",
        "The International Land Port of Karaganda handled 2,100 freight trains in the first five months.",
    )
    entity, flag = placed(text, "2,100")
    assert entity == "" and flag.startswith("place not in the data")


@pytest.mark.parametrize(
    ("spelling", "entity_id"),
    [
        ("Irkeshtem", "irkeshtam"),
        ("Khunjirab", "khunjerab"),
        ("Takeshikan", "takeshiken"),
        ("Alashankoe", "alashankou"),  # a word of zones' and a corridor's names too: the port its name alone is
        ("Ala Chankou", "alashankou"),  # a name split in two words
    ],
)
def test_a_port_spelled_one_letter_off_a_data_name_is_the_datas_port(spelling, entity_id):
    # romanisations vary ("Takshiken", "Urastai"): one letter away from a data name of six letters or more
    text = article(
        "2023-06-01",
        f"{spelling} Port handled 12,400 tonnes of cargo in the first five months of this year.",
    )
    assert placed(text, "12,400 tonnes") == (entity_id, "")


def test_a_port_two_letters_off_every_data_name_is_still_another_port():
    text = article(
        "2023-06-01",
        "Irkashtem Port handled 12,400 tonnes of cargo in the first five months of this year.",
    )
    entity, flag = placed(text, "12,400 tonnes")
    assert entity == "" and flag.startswith("place not in the data")


def test_an_abbreviation_the_article_defines_for_a_place_names_that_place_after():
    # the story coins "ACBZ" for the zone in brackets; a later sentence names the zone only by it, after another place
    text = article(
        "2023-06-01",
        "Firms keep arriving at the Alashankou Comprehensive Bonded Zone (ACBZ), officials in Bortala said. "
        "Kashgar airport added two cargo routes in May. "
        "Trade at the ACBZ came to 3.2 billion yuan in the first five months.",
    )
    assert placed(text, "3.2 billion yuan") == ("cbz-alashankou", "")


def test_an_abbreviation_after_no_place_of_the_data_or_one_it_has_is_not_added():
    entities = load_entities(settings.DATA_DIR, [])
    text = "The Tacheng Logistics Hub (TLH) opened. The Xinjiang Pilot Free Trade Zone (FTZ) grew."
    assert add_abbreviations(entities, text) == {}


def test_a_border_gate_is_not_the_dzungarian_gate():
    # "gate" is a kind word like "port": only "Dzungarian" names Alashankou; the gate here is the one just named
    text = article(
        "2025-09-18",
        "Journalists visited the border city of Horgos to see how the crossing works. "
        "The local border gate cleared 1,370,000 inbound and outbound passengers in 2024.",
    )
    assert placed(text, "1,370,000")[0].startswith("horgos")


def test_a_dry_port_is_a_kind_of_port_not_the_urumqi_land_port_whose_alias_holds_the_word():
    # sealed88/01: the Kazakh zone's dry port; "Urumqi's international dry port" is still the land port
    text = article(
        "2018-11-07",
        "Since January as many as 102,200 TEU have passed through the dry port of the Khorgos-Eastern Gate special economic zone.",
        "The Urumqi international dry port handled 5,000 trains in 2017.",
    )
    assert placed(text, "102,200 TEU")[0] != "urumqi-land-port"
    assert placed(text, "5,000")[0] == "urumqi-land-port"


def test_a_figure_told_again_with_its_place_named_takes_that_place():
    # sealed89/08: a summary line guesses the place; the body tells the same figure at the Khunjerab Pass
    text = article(
        "2019-12-29",
        "In the 11 months, cargo imports and exports came to 66,600 tonnes.",
        "Trade between China and Pakistan has grown. In the first 11 months, cargo imports and exports at the "
        "Khunjerab Pass came to 66,600 tonnes.",
    )
    assert placed(text, "66,600 tonnes")[0] == "khunjerab"
    assert one(text, "66,600 tonnes").confidence == "high"


def test_a_boundary_bridge_is_not_the_international_centre_for_boundary_cooperation():
    # "boundary" is a kind word like "border": only "Horgos" in the centre's name would name it
    text = article(
        "2022-06-17",
        'With them, the trucks the Horgos highway port has exported this year in the "boundary bridge handover" '
        "mode passed 10,000.",
    )
    assert placed(text, "10,000") == ("horgos-road", "")


def test_the_places_a_distance_is_measured_from_are_not_the_figures_place():
    text = article(
        "2015-05-21",
        "The Irkeshtam port handled 381,000 tonnes of goods in 2014.",
        "In 2011 the port moved to a site about 110 km from Kashgar and Artux, with a planned area of 6.4 square "
        "kilometres.",
    )
    assert placed(text, "6.4 square kilometres") == ("irkeshtam", "")


def test_the_end_of_a_route_from_a_named_station_is_not_the_figures_place():
    text = article(
        "2017-01-10",
        "From January to December 2016 the trains running from Alashankou station to Europe and the Central Asian "
        "region grew to more than 1200.",
    )
    assert placed(text, "more than 1200") == ("alashankou-rail", "")


def test_a_place_named_only_after_a_semicolon_leaves_the_figure_with_the_place_before():
    # sealed73/04: the cut is the port's the article is about; Horgos is named for a new exit route only
    text = article(
        "2018-08-31",
        "Alashankou railway port sent off 655 trains this year.",
        "Clearance there has been cut from 12 hours to under 6 hours; a new exit route through the Horgos port has "
        "also been opened.",
    )
    assert [placed(text, f)[0] for f in ("12 hours", "under 6 hours")] == ["alashankou-rail"] * 2


def test_the_far_end_of_a_link_is_where_routes_go_not_the_place_of_the_figures_after():
    # sealed73/03: "routes linking Urumqi with Almaty ... reach 24 cities": the cities are the centre's
    text = article(
        "2018-05-28",
        "The Urumqi train centre has opened 19 routes linking Urumqi with Almaty in Kazakhstan and Hamburg in Germany, "
        "and its trains now reach 24 cities in 17 countries.",
    )
    assert [placed(text, f)[0] for f in ("24", "17")] == ["urumqi-land-port"] * 2


def test_the_state_council_approving_a_port_does_not_make_its_figures_the_countrys():
    # sealed73/01: "China's State Council approved opening it ... Once it opens, it is expected to clear 50,000 tonnes"
    text = article(
        "2004-11-23",
        "Muzart port lies south-west of Zhaosu County. In March 1994 China's State Council approved opening it to the "
        "outside. Once it opens, it is expected to clear 52,000 tonnes of goods a year.",
    )
    assert placed(text, "52,000 tonnes") == ("muzart", "")
