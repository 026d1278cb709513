"""One member of a group named by its place: a zone the data holds is its section, one it lacks is no place of it."""

from __future__ import annotations

from tests.proposing import article, one, placed


def test_a_bonded_zone_at_a_place_without_one_in_the_data_is_not_the_regions_zones():
    text = article(
        "2021-06-30",
        "Cross-border trade through the Horgos comprehensive bonded zone came to 820 million yuan in May.",
    )
    assert placed(text, "820 million yuan") == ("", "place not in the data: Horgos comprehensive bonded zone")


def test_a_bonded_zone_the_data_holds_stays_its_section_and_zones_stay_the_group():
    one_zone = article("2021-06-30", "The Kashgar comprehensive bonded zone handled 640 million yuan of trade in May.")
    zones = article("2021-06-30", "Xinjiang's comprehensive bonded zones handled 9.1 billion yuan of trade in May.")
    assert placed(one_zone, "640 million yuan") == ("cbz-kashgar", "")
    assert placed(zones, "9.1 billion yuan") == ("xinjiang-cbz", "")


def test_the_towns_own_bonded_zone_is_its_member_of_the_group():
    text = article(
        "2020-04-22",
        "The administration of the Alashankou zone said all 240 trading companies in the city's comprehensive bonded "
        "zone had started work again.",
    )
    assert placed(text, "240") == ("cbz-alashankou", "")


def test_freight_vehicles_crossing_a_port_are_its_road_port_s():
    text = article(
        "2023-10-14",
        "From January to September, international freight vehicles entered and left through the Horgos port 5200 "
        "times and carried 60,000 tonnes of freight.",
    )
    assert one(text, "5200").entity_id == "horgos-road"
    assert one(text, "60,000 tonnes").entity_id == "horgos-road"


def test_a_part_of_a_ports_total_takes_the_member_its_own_words_name():
    # sealed47/03: the facilities are the whole port's, the broad-gauge tracks among them the railway port's
    text = article(
        "2005-01-31",
        "156 facilities have been built at the Alataw port, among them 10 broad-gauge tracks and freight yards.",
    )
    assert one(text, "156").entity_id == "alashankou"
    assert one(text, "10").entity_id == "alashankou-rail"


def test_the_silk_road_names_no_mode_so_a_shared_name_is_the_whole_port():
    # sealed40/02: "one of the busiest land ports on the modern Silk Road" made the pass its road port for the story
    text = article(
        "2018-06-04",
        "The Alataw Pass is one of the busiest land ports on the modern Silk Road.",
        "In the first four months the pass handled 6.29 million tonnes of goods, up 10 percent.",
    )
    assert one(text, "6.29 million tonnes").entity_id == "alashankou"


def test_a_train_measure_put_on_a_whole_port_is_its_railway_ports():
    # sealed41/03: "29 routes pass through Horgos" names no mode, but a port's train routes run by rail
    text = article(
        "2021-12-21",
        "Horgos Port exported Christmas goods worth 298 million yuan this year.",
        "At present 29 routes pass through Horgos, linking China with 45 cities in 22 countries.",
    )
    assert one(text, "298 million yuan").entity_id == "horgos"
    assert one(text, "29").entity_id == "horgos-rail"


def test_a_group_named_in_an_opening_clause_of_time_is_not_the_place_the_figures_clause_names():
    text = article(
        "2024-04-07",
        "Since the China (Xinjiang) Pilot Free Trade Zone was set up, travel has boomed: this quarter 2,991,600 "
        "passengers arrived at Urumqi International Airport, up 22.76% year on year.",
        "The free trade zone has drawn 3,000 firms since it was set up.",
    )
    assert one(text, "2,991,600").entity_id == "urumqi-airport"
    assert one(text, "22.76%").entity_id == "urumqi-airport"
    assert one(text, "3,000").entity_id == "xinjiang-ftz"


def test_an_ftz_area_named_for_a_figure_years_before_the_zone_was_set_up_is_the_port_of_that_name():
    # the data dates the FTZ's areas from 2023 (events.csv): "the Horgos area" of 2018 is the port
    old = article(
        "2018-04-19",
        "In the first quarter of 2018 the cargo carried through the Horgos area came to 7.49 million tonnes.",
    )
    new = article(
        "2024-04-19",
        "In the first quarter of 2024 the Horgos area of the free trade zone drew 600 new firms.",
    )
    assert one(old, "7.49 million tonnes").entity_id == "horgos"
    assert one(new, "600").entity_id == "ftz-horgos"


def test_a_train_measure_put_on_a_road_port_goes_to_its_railway_port():
    text = article(
        "2023-07-12",
        "The Horgos highway port cleared 4,000 trucks in June.",
        "The port received its first China-Europe freight train in 2016. Today 77 routes in all run through it.",
    )
    assert one(text, "4,000").entity_id == "horgos-road"
    assert one(text, "77").entity_id == "horgos-rail"


def test_a_chinese_name_the_whole_port_and_its_members_share_is_the_whole_port():
    # 阿拉山口 is an alias of both members as well: it names the port, whose trains are the rail port's, not both
    text = article(
        "2022-12-28",
        "The China-Europe trains that passed the port of Alashankou (阿拉山口) city in 2022 had reached 6,019 in total "
        "by the 19th.",
    )
    assert placed(text, "6,019") == ("alashankou-rail", "")


def test_tracks_built_at_a_port_are_its_railway_member_s_even_beside_a_passenger_building():
    # sealed46/01: the tracks and transshipment lines are the rail port's; "passenger" names no road here
    text = article(
        "2013-12-24",
        "Xinjiang's railway authorities expanded the Horgos railway port station.",
        "They built 17 standard-gauge tracks, 6 pairs of transshipment lines with 12 tracks and a passenger station "
        "building.",
    )
    assert one(text, "12").entity_id == "horgos-rail"
