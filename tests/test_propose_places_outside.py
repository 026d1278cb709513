"""Figures about places the data lacks: neighbours, the country, and ports, airports and towns it does not hold."""

from __future__ import annotations

import pytest

from tests.proposing import article, one
from tests.proposing import article as _article
from tests.proposing import one as _one
from tests.proposing import placed as _outside
from tests.proposing import placed as _place

PUBLISHED = "2025-06-10"


def test_a_port_whose_name_adds_a_word_no_data_name_has_is_another_port():
    # "Khorgos" is a data name, "Eastgate" is in no name of the data: a port beside the data's, not Horgos
    text = article(PUBLISHED, "Work at the Khorgos Eastgate dry port added six tracks in May 2025.")
    assert _place(text, "six") == ("", "place not in the data: Khorgos Eastgate dry port")


def test_an_economic_zone_of_a_town_whose_zone_the_data_lacks_is_another_place():
    # sealed88/01, sealed64/01: Kazakhstan's zone at Khorgos, named by its dry port or with a spaced dash and quotes
    text = article(
        "2018-11-07",
        "In 2018, 102,200 TEU passed through the dry port of the Khorgos-Eastern Gate special economic zone.",
        'In 2015, 6,6 thousand containers passed through the "Khorgos – Southern Gate" SEZ towards China.',
    )
    assert _place(text, "102,200 TEU") == ("", "place not in the data: Khorgos-Eastern Gate special economic zone")
    assert _place(text, "6,6 thousand") == ("", "place not in the data: Khorgos – Southern Gate SEZ")


def test_an_economic_zone_of_a_town_whose_zone_the_data_holds_is_no_other_place():
    text = article(PUBLISHED, "Kashgar's trade rose in 2024. The Kashgar special economic zone drew 300 firms in 2024.")
    assert not _place(text, "300")[1].startswith("place not in the data: Kashgar special")


def test_a_neighbour_carries_past_its_paragraph_in_a_story_that_places_nothing_in_the_data():
    # sealed90/02: Kazakhstan's freight, then its transit freight two paragraphs on; the border's rail freight is
    # still the crossings' (sealed7/02)
    text = article(
        "2023-04-14",
        "ASTANA – Freight moving between Kazakhstan and China hit a record 23 million tons last year, KTZ said.",
        "Its deputy chairman spoke at a conference in Almaty.",
        "Transit freight since January is 35 percent above the 2022 figure, at 7.2 million tons in all.",
        "Freight carried by rail between the countries grew by 22% in January.",
        title="Kazakhstan–China freight turnover reaches a record in 2022",
    )
    assert _place(text, "7.2 million tons") == ("", "place not in the data: Kazakhstan (national)")
    assert _place(text, "22%")[1] != "place not in the data: Kazakhstan (national)"


def test_a_national_park_is_a_place_the_data_lacks():
    # sealed98/06: a Kazakh park's visitors in a story about Khorgos
    text = article(
        "2025-10-26",
        "Tourism at Khorgos is growing. The Altyn-Emel National Park by itself has had around 30,000 visitors this year.",
    )
    assert _place(text, "around 30,000") == ("", "place not in the data: Altyn-Emel National Park")


def test_a_port_whose_name_is_only_part_of_a_data_alias_is_not_the_data_port():
    # "Sost" is in the data only inside "Khunjerab-Sost", "Dry" only inside Urumqi's dry port
    text = article(PUBLISHED, "The Sost Dry Port on the Pakistani side cleared 7,500 tonnes of goods in March 2025.")
    assert _outside(text, "7,500 tonnes") == ("", "place not in the data: Sost Dry Port")


def test_a_short_name_of_a_data_airport_is_still_the_data_airport():
    text = article(PUBLISHED, "Cargo now leaves Tianshan Airport on 31 routes to Europe and Africa.")
    assert _outside(text, "31") == ("urumqi-airport", "")


def test_a_named_airport_is_the_datas_only_if_the_data_has_that_airport():
    article = _article(
        "2025-09-02",
        "Almaty International Airport served 9 million passengers in 2024.",
        "The Port of Khorgos handled 4,000 trains in the first eight months.",
        "The port also saw 200,000 trucks in that period.",
    )
    assert (_one(article, "9 million").entity_id, _one(article, "9 million").flags[:28]) == (
        "",
        "place not in the data: Almat",
    )  # Almaty names a rail corridor in the data, not an airport
    assert _one(article, "4,000").entity_id == "horgos-rail"
    assert _one(article, "200,000").entity_id == "horgos-road"  # "the port" is Khorgos, not an unknown "Port"


def test_a_port_or_airport_the_data_lacks_gets_no_entity():
    article = _article(
        "2025-06-05",
        "The Erenhot Port in Inner Mongolia, on the border with Mongolia, handled 12,000 trips a day in May.",
        "Some 3,000 trucks went through the port in the same month.",
        "With the new Lopnur Airport starting operations, the number of civil airports in Xinjiang has risen to 29.",
        "Horgos Port saw 9,000 trips a day in May.",
    )
    for figure in ("12,000", "Some 3,000"):
        assert (_one(article, figure).entity_id, _one(article, figure).flags[:25]) == ("", "place not in the data: Er")
    assert _one(article, "29").entity_id == "xinjiang"  # the region's count, not the new airport's
    assert _one(article, "9,000").entity_id == "horgos"


def test_a_quoted_checkpoint_after_the_figure_in_its_clause_is_the_figure_s_place():
    text = article(PUBLISHED, 'About 900 lorries stood in line at the "Kalzhat" border checkpoint in May 2025.')
    assert _place(text, "About 900") == ("", "place not in the data: Kalzhat border checkpoint")


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


def test_a_station_across_the_border_is_another_place_but_the_crossing_it_names_is_the_port():
    # the lead's ruling: what a neighbour's station handles is the station's, even if the goods then cross a port of
    # the data; "the Dostyk border crossing" and "via Dostyk" name the crossing, the data's rail port
    text = article(
        PUBLISHED,
        "Through the Dostyk station, 5.9 million tons were handed over to China in 2024.",
        "In May 2025, 1.6 million tons went through the Dostyk border crossing.",
        "In April 2025, 1.4 million tons went via Dostyk.",
    )
    assert _outside(text, "5.9 million tons") == ("", "place not in the data: Dostyk station")
    assert _outside(text, "1.6 million tons") == ("alashankou-rail", "")
    assert _outside(text, "1.4 million tons") == ("alashankou-rail", "")


def test_a_checkpoint_marked_as_a_neighbours_is_another_place_even_under_a_shared_name():
    # "Irkeshtam" and "Kulma" name the data's ports too; a neighbour's possessive or adjective puts them across
    text = article(
        PUBLISHED,
        "In May 2025 the Kyrgyz checkpoint Irkeshtam cleared 610 trucks a day, while Irkeshtam Port saw 700 trucks.",
        "Tajikistan's Kulma checkpoint handled 150 vehicles a day in May 2025.",
        "Mongolia's border checkpoint Bulgan let through 95 lorries in March 2025.",
    )
    assert _outside(text, "610") == ("", "place not in the data: Kyrgyz checkpoint Irkeshtam")
    assert _outside(text, "700") == ("irkeshtam", "")
    assert _outside(text, "150") == ("", "place not in the data: Tajikistan's Kulma checkpoint")
    assert _outside(text, "95") == ("", "place not in the data: Mongolia's border checkpoint Bulgan")


def test_a_name_the_data_gives_the_other_side_of_a_crossing_with_a_kind_is_that_side():
    # the data's ports name the points across the border (partner crossings): Narynkol faces Muzart, Sost Khunjerab
    text = article(
        PUBLISHED,
        "Narynkol station sent 42 wagons of grain in May 2025.",
        "The Sost terminal stored 3,100 tonnes of fruit in June 2025.",
    )
    assert _outside(text, "42") == ("", "place not in the data: Narynkol station")
    assert _outside(text, "3,100 tonnes") == ("", "place not in the data: Sost terminal")


def test_it_or_the_facility_later_is_the_place_across_the_border_named_before():
    text = article(
        PUBLISHED,
        "Kazakhstan's border station Altynkol set a record on May 4, 2025. Within a day it dispatched 31 trains.",
        "The Sost Dry Port opened a cold store last year.",
        "In 2025 the facility handled 8,000 tonnes of cherries.",
        "In 2025 the Khunjerab port handled 90,000 tonnes. It also saw 12,000 travellers.",
    )
    assert _outside(text, "31") == ("", "place not in the data: Kazakhstan's border station Altynkol")
    assert _outside(text, "8,000 tonnes") == ("", "place not in the data: Sost Dry Port")
    assert _outside(text, "12,000") == ("khunjerab", "")  # a data port named since: "it" is that port
    # sealed99/04: "the station" in the sentence's first clause, the figure in a later one
    text = article(
        "2020-01-31",
        "Kazakh Railways' Altynkol station on the China-Kazakhstan border is the first stop for westbound freight.",
        "According to Kazakh Railways, the station's rail freight going west came in far above the forecast made at "
        "the start of 2019, at 3,599,128 tonnes.",
    )
    assert _outside(text, "3,599,128 tonnes") == ("", "place not in the data: Kazakh Railways' Altynkol station")


def test_a_title_that_opens_with_a_place_across_the_border_makes_it_the_articles_subject():
    text = article(
        PUBLISHED,
        "Shipments of grain reached a new high. The day's cargo weighed 21,000 tons.",
        title="Maykapshagay Sets a Daily Record",
    )
    assert _outside(text, "21,000 tons") == ("", "place not in the data: Maykapshagay (the article's subject)")


def test_a_lead_that_opens_with_a_place_across_the_border_is_the_subject_when_the_title_names_no_place():
    text = article(
        "2020-01-20",
        "Elena Koldasbayeva",
        "Dostyk station's favourable position on the border with China helps transit traffic to grow, as the "
        "station's results for the year show.",
        "The railways of Kazakhstan and China worked to draw more freight over the Dostyk - Alashankou crossing.",
        "The freight turnover actually handled came to 320765 wagons.",
        title="The railways of Kazakhstan and China: prospects for growth",
    )
    assert _outside(text, "320765") == ("", "place not in the data: Dostyk (the article's subject)")


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


def test_tourism_named_beside_a_port_is_the_town_s_not_the_port_s():
    text = article(
        PUBLISHED,
        "In May 2025 the border town of Alashankou received 52,000 tourist visits, and its tourism revenue rose "
        "11 percent.",
        "Trains through Alashankou rose to 640 in May 2025.",
    )
    assert _place(text, "52,000") == ("", "place not in the data: Alashankou (the city)")
    assert _place(text, "640")[0] == "alashankou-rail"


def test_firms_counted_in_a_city_named_as_a_port_are_the_city_s():
    # a port registers no companies: the town of its name does (and a daily average of them is the same town's)
    text = article(
        PUBLISHED,
        "In 2024, 2,406 enterprises set up in the city of Horgos, a daily average of at least six.",
        "Trains through Horgos rose to 640 in May 2025.",
    )
    assert _place(text, "2,406") == ("", "place not in the data: Horgos (the city)")
    assert _place(text, "at least six") == ("", "place not in the data: Horgos (the city)")
    assert _place(text, "640")[0] == "horgos-rail"


def test_firms_counted_at_a_port_are_the_city_s_once_the_article_speaks_of_a_city():
    told = article(
        PUBLISHED,
        "Horgos is a small city on the Kazakh border.",
        "Newly registered companies in Horgos came to 8,500 in 2024, and 1,000 film companies left Horgos.",
    )
    assert _place(told, "1,000") == ("", "place not in the data: Horgos (the city)")
    assert _place(told, "8,500") == ("", "place not in the data: Horgos (the city)")  # the firms named before it
    changes = article(
        PUBLISHED,
        "The city of Horgos had 22,615 market entities at the end of 2024, up nearly two and a half times.",
        "The number of companies registered in Horgos has risen by 50 percent a year since 2011.",
    )
    assert _place(changes, "nearly two and a half times") == ("", "place not in the data: Horgos (the city)")
    assert _place(changes, "50 percent") == ("", "place not in the data: Horgos (the city)")
    untold = article(PUBLISHED, "In 2004, 482 enterprises were registered in the Alashankou municipality.")
    assert _place(untold, "482")[0] == "alashankou"


def test_firms_in_a_port_s_park_stay_the_port_s():
    text = article(PUBLISHED, "In the city of Alashankou, 59 companies have settled in the port's industrial park.")
    assert _place(text, "59")[0] == "alashankou"


def test_the_region_keeps_its_tourism():
    text = article(PUBLISHED, "Xinjiang received 60 million tourist visits in the first quarter of 2025.")
    assert _place(text, "60 million") == ("xinjiang", "")


def test_figures_naming_no_place_in_an_article_about_a_neighbour_are_the_neighbour_s():
    text = article(
        PUBLISHED,
        "Kazakhstan's wool exports to China came to 30,000 tonnes in April 2025, officials in Astana said.",
        "Cotton shipments rose by 12 percent and hides by 1.4 times.",
        "Goods carried by rail between the two countries grew 9 percent to 400,000 tonnes.",
        title="Kazakhstan sends more wool to China",
    )
    assert _place(text, "12 percent") == ("", "place not in the data: Kazakhstan (the article's subject)")
    assert _place(text, "1.4 times") == ("", "place not in the data: Kazakhstan (the article's subject)")
    # the border named by "the two countries" and rail: the data's rail ports on that border, not the subject
    assert _place(text, "400,000 tonnes")[1] == ""


def test_a_region_named_in_the_clause_keeps_its_figure_in_an_article_about_a_neighbour():
    text = article(
        PUBLISHED,
        "Most visitors came by bus, and Xinjiang's land ports handled 90,000 crossings in May 2025.",
        title="Kazakhstan draws more visitors",
    )
    assert _place(text, "90,000") == ("xinjiang", "")
    # the region's abbreviation names it as well as its name does
    text = article(
        PUBLISHED,
        "Officials of the Xinjiang Uygur Autonomous Region (XUAR) met traders in Almaty.",
        "In 2024 XUAR's exports of tomatoes came to 3 billion yuan.",
        title="Kazakhstan draws more visitors",
    )
    assert _place(text, "3 billion yuan") == ("xinjiang", "")


def test_a_title_naming_a_data_port_keeps_its_figures_at_that_port_whatever_country_opens_it():
    text = article(
        PUBLISHED,
        "In May 2025 Kyrgyzstan sent 14 trucks of dried apricots to China through Torugart.",
        "Officers there said clearance ran at about 60 trucks a day.",
        title="Kyrgyzstan ships dried fruit to China through Torugart",
    )
    # the title is about the data's port and its trade with the neighbour: no figure goes to the neighbour
    assert _place(text, "about 60")[1] == ""
    assert one(text, "about 60").entity_id.startswith("torugart")


def test_a_neighbour_countrys_own_total_is_not_placed_on_a_data_place():
    text = article(
        PUBLISHED,
        "Trade through Horgos kept growing in 2025. Kazakhstan's exports to China came to 1.6 million tonnes in "
        "January 2025.",
    )
    assert _outside(text, "1.6 million tonnes") == ("", "place not in the data: Kazakhstan (national)")


@pytest.mark.parametrize(
    ("sentence", "figure", "country"),
    [
        ("Goods between Tajikistan and China came to 2.3 million tonnes in 2024, 12% more.", "12%", "Tajikistan"),
        (
            "In 2023 the turnover between the two countries fell by 6.5% to $4.1 billion.",
            "$4.1 billion",
            "the two countries",
        ),
        ("In 2024 Mongolia shipped 3.1 million tonnes of coking coal to China.", "3.1 million tonnes", "Mongolia"),
    ],
)
def test_the_two_countries_total_or_a_neighbour_as_subject_is_not_placed_on_a_data_place(sentence, figure, country):
    # the subject of the figure's clause is the pair of countries (or the neighbour), not a port or the region
    text = article(PUBLISHED, "Trade through Horgos kept growing. " + sentence)
    assert _outside(text, figure) == ("", f"place not in the data: {country} (national)")


def test_the_region_named_before_a_pair_of_countries_keeps_its_figure():
    # "of all trade between China and Kazakhstan" follows the figure: the region's share, not the countries' total
    text = article(PUBLISHED, "Xinjiang made up 40% of all trade between China and Kazakhstan in 2024.")
    assert _outside(text, "40%") == ("xinjiang", "")


def test_a_neighbours_rail_freight_through_the_border_stays_with_the_rules_for_borders():
    text = article(PUBLISHED, "Kazakhstan's rail shipments through Horgos came to 4.2 million tonnes in 2024.")
    assert _outside(text, "4.2 million tonnes")[0].startswith("horgos")


def test_national_figures_contrasting_clauses_and_bare_tonnes_handled():
    article = _article(
        "2025-09-02",
        "BEIJING, Sept. 1 (Xinhua) -- China's foreign trade rose 3.5 percent in the first eight months, while "
        "Xinjiang's grew 12 percent.",
        "Nationwide, some 13,000 China-Europe trains ran in the first eight months.",
        "The Alashankou and Horgos railway ports together handled 11,000 trains, while the Khorgos road port saw "
        "200,000 trucks.",
        "In the first eight months the ports of northwest China's Xinjiang handled 60 million tonnes.",
    )
    for figure in ("3.5 percent", "some 13,000"):
        assert (_one(article, figure).entity_id, _one(article, figure).flags[:28]) == (
            "",
            "place not in the data: China",
        )
    assert _one(article, "12 percent").entity_id == "xinjiang"
    assert _one(article, "11,000").entity_id == "alashankou-rail;horgos-rail"
    assert _one(article, "200,000").entity_id == "horgos-road"  # its own clause, not the ports together
    assert (_one(article, "60 million tonnes").entity_id, _one(article, "60 million tonnes").metric) == (
        "xinjiang",
        "cargo_throughput",
    )


def test_the_national_rate_a_regions_figure_is_compared_with_is_the_countrys():
    # sealed86/05: the sentence names Xinjiang, but the rate after "the national growth rate of" is China's
    article = _article(
        "2024-12-18",
        "Xinjiang's trade rose by 24.7 per cent to US$56.7 billion, far ahead of the national growth rate of 3.6 per cent.",
    )
    assert _one(article, "24.7 per cent").entity_id == "xinjiang"
    assert (_one(article, "3.6 per cent").entity_id, _one(article, "3.6 per cent").flags[:28]) == (
        "",
        "place not in the data: China",
    )


def test_its_and_the_region_point_back_to_the_city_the_sentences_before_were_about():
    # the data holds Kashi only as its airport: "its" and "the region's" after a sentence about the city are the city's
    text = _article(
        "2024-06-20",
        "Kashi, an old oasis town in the far south-west, sits on the ancient Silk Road.",
        "Customs data showed its imports and exports rose 40 percent to 30 billion yuan in 2023.",
        "Kashi's traders keep looking abroad. In the first five months, the region's partners went from 60 to 75.",
    )
    city = ("", "place not in the data: Kashi (the city)")
    assert _place(text, "40 percent") == city
    assert _place(text, "30 billion yuan") == city
    assert _place(text, "75") == city


def test_a_city_named_as_an_object_or_a_clause_about_its_airport_does_not_take_the_figure():
    after_object = _article(
        "2024-06-20",
        "A new road will link Osh with Kashi.",
        "Xinjiang's exports rose 12 percent in 2023, and its imports rose 9 percent.",
    )
    assert _place(after_object, "9 percent") == ("xinjiang", "")
    flying = _article(
        "2024-06-20",
        "Kashi, an old oasis town, sits on the Silk Road.",
        "Its airport handled 2.1 million passengers in 2023.",
    )
    assert _place(flying, "2.1 million") == ("kashgar-airport", "")


def test_a_sentence_naming_no_place_after_the_city_spoken_of_is_the_citys_not_its_airports():
    # the data holds Kashgar only as its airport; the sentence guess carries that airport from the bare name, but the
    # article spoke of the city, and a later sentence that names nothing and is not about flying stays the city's
    text = _article(
        "2024-06-20",
        "Planners in Kashgar want the old town to become a trading hub.",
        "Some 450,000 residents live in the city. About 60 percent of the shops sell carpets.",
        "Kashgar Airport opened a new terminal this spring. The hall covers 32,000 square meters.",
    )
    city = ("", "place not in the data: Kashgar (the city)")
    assert _place(text, "Some 450,000") == city
    assert _place(text, "About 60 percent") == city
    assert _place(text, "32,000 square meters") == ("kashgar-airport", "")  # named as the airport since


def test_a_whole_service_or_corridor_named_by_its_ends_is_no_place_of_the_data():
    # the article is about a port, but the sentence is about the whole network or corridor and names no port
    text = _article(
        PUBLISHED,
        "Freight trains through Alashankou Port set a record in May 2025.",
        "By now, the China-Europe rail freight service has joined 70 Chinese cities with 30 countries.",
        'Since its launch, the "China-Kyrgyzstan-Uzbekistan" multimodal corridor has carried 4,100 tonnes of fruit.',
    )
    assert _place(text, "70") == ("", "place not in the data: China-Europe rail freight service")
    assert _place(text, "4,100 tonnes") == (
        "",
        "place not in the data: China-Kyrgyzstan-Uzbekistan multimodal corridor",
    )


def test_trains_named_by_their_ends_through_a_port_stay_the_ports():
    # "China-Europe freight trains" in a port's article are that port's trains; a port in the sentence keeps it too
    text = _article(
        PUBLISHED,
        "Freight trains through Alashankou Port set a record in May 2025.",
        "In May 2025, China-Europe freight trains made 610 trips.",
        "The China-Europe freight service through the port carried 88,000 tonnes in May 2025.",
    )
    assert _place(text, "610")[0] == "alashankou-rail"
    assert _place(text, "88,000 tonnes")[0] == "alashankou-rail"


def test_a_region_named_by_its_name_that_the_data_lacks_is_no_place_of_the_data():
    text = _article(
        PUBLISHED,
        "Lorries through Horgos Port set a record in 2024.",
        "Trade between the Zhetysu region and China came to US$48 million in 2024.",
        "The foreign trade of the Xinjiang Uygur Autonomous Region came to 400 billion yuan in 2024.",
    )
    assert _place(text, "US$48 million") == ("", "place not in the data: Zhetysu region")
    assert _place(text, "400 billion yuan")[0] == "xinjiang"


def test_a_part_given_with_of_which_is_the_wholes_place_unless_it_names_its_own():
    text = _article(
        PUBLISHED,
        "Lorries through Horgos Port set a record in 2024.",
        "Trade between the Zhetysu region and China came to US$48 million in 2024, of which exports made up US$30 "
        "million.",
        "Freight between the two countries came to 2.4 million tonnes in 2024, of which 900,000 tonnes went through "
        "Horgos Port.",
    )
    assert _place(text, "US$30 million") == ("", "place not in the data: Zhetysu region")
    assert _place(text, "900,000 tonnes")[0].startswith("horgos")


def test_a_clause_that_opens_with_its_verb_has_the_sentences_subject():
    # the subject and an apposition come before the commas; the figure's clause opens with the verb
    text = _article(
        PUBLISHED,
        "A new airport opened near Kashgar Airport in May 2025.",
        "The Jiashi Baiyang airport, in Jiashi County, has a terminal of 2,600 square meters in all.",
        "Horgos Port, in Ili Prefecture, handled 1.2 million tonnes of cargo in May 2025.",
    )
    assert _place(text, "2,600 square meters") == ("", "place not in the data: Jiashi Baiyang airport")
    assert _place(text, "1.2 million tonnes")[0].startswith("horgos")


def test_a_month_or_weekday_before_a_held_name_is_no_part_of_it():
    text = article(
        "2024-08-12",
        "In July Yining Airport handled 280,000 passengers. On Sunday Kashgar Airport saw 19,000 passengers.",
        "In July Barkol Airport handled 9,000 passengers.",
    )
    assert _place(text, "280,000") == ("yining-airport", "")
    assert _place(text, "19,000") == ("kashgar-airport", "")
    assert _place(text, "9,000")[1] == "place not in the data: Barkol Airport"


def test_china_as_a_subject_the_national_average_and_chinas_trade_with_regions_are_the_countrys():
    # sentences that name no place the data holds: the country's figures, not the port the article is about
    text = article(
        "2016-05-20",
        "The Alataw Pass railway port handled 900 trains in 2015.",
        "China has launched 40 freight train routes to Europe, covering 12 countries.",
        "Its trade grew 9 percent. That rate beat the national average of 6.9 percent.",
        "Trade between China and the countries of South Asia rose to $200 billion.",
    )
    for written in ("40", "12", "6.9 percent", "$200 billion"):
        assert _outside(text, written) == ("", "place not in the data: China (national)"), written
    assert _outside(text, "900")[0] == "alashankou-rail"


def test_the_part_of_a_place_written_as_lying_across_the_border_is_not_the_datas():
    text = article(
        PUBLISHED,
        "The trade zone at Horgos covers 4.1 square km in China and 2.3 square km in Kazakhstan.",
        "Of its 900 shops, 310 stand on the side of Kazakhstan.",
    )
    assert _place(text, "2.3 square km") == ("", "place not in the data: Kazakhstan (the part across the border)")
    assert _place(text, "310") == ("", "place not in the data: Kazakhstan (the part across the border)")
    assert _place(text, "4.1 square km")[1] == ""  # the Chinese part stays the data's


def test_the_country_referred_back_to_in_the_next_sentences_is_still_the_countrys():
    # the sentence before spoke of China the country; "its", "it", "broken down" go on about it, until a place is named
    text = article(
        "2012-08-10",
        "Xinjiang's trade with Kazakhstan rose 12 percent in 2011.",
        "China's hunger for oil keeps growing. Last year its crude demand reached 700 million tons.",
        "In 2011 it bought 510 million tons abroad.",
        "Across the country, China's exports came to US$1.9 trillion in 2011.",
        "Broken down, machinery made up US$1.1 trillion.",
        "Xinjiang's own exports reached US$16.8 billion. Its imports rose 21 percent.",
    )
    for written in ("700 million tons", "510 million tons", "US$1.1 trillion"):
        assert _outside(text, written) == ("", "place not in the data: China (national)"), written
    assert _outside(text, "21 percent")[0] == "xinjiang"


def test_china_named_late_in_a_sentence_about_the_port_before_does_not_start_the_countrys_run():
    text = article(
        "2023-11-02",
        "The Irkeshtam Port opened in 1997 on the Kyrgyz border.",
        "Its position has made it a key door for China's trade with Central Asia.",
        "This year its cargo reached 640,000 tons, 12 percent more than a year earlier.",
    )
    assert _outside(text, "640,000 tons") == ("irkeshtam", "")


def test_a_border_checkpoint_that_names_the_only_port_gives_that_port_its_counts():
    # blanked as the speaker where the sentence names another place (tests/test_propose_metrics.py, the center), but
    # where it names only the region, the checkpoint's port is where its counts were made
    text = article(
        PUBLISHED,
        "Figures from the Baketu exit-entry border inspection station in Xinjiang show it checked 4,300 vehicles "
        "in May 2025.",
    )
    assert _place(text, "4,300") == ("bakhty", "")


def test_a_figure_a_ports_customs_office_gives_in_a_sentence_naming_no_place_is_that_ports():
    text = article(
        "2016-02-17",
        "Traders go in and out of the China-Kazakhstan Border Cooperation Center without visas.",
        "According to Khorgos Customs, 22,91 million tonnes of goods went through in 2014.",
    )
    assert one(text, "22,91 million tonnes").entity_id == "horgos"


def test_an_airport_the_data_lacks_at_a_town_on_a_data_corridor_keeps_its_other_clauses():
    # Korla is a stop of the southern Xinjiang railway in the data; its airport is not a place of the data
    text = article(
        "2022-06-27",
        "On June 21, 5016 passengers used Korla airport, a daily average 3% above the previous period.",
        "Korla airport has restored all its flights, which now average 64 a day.",
    )
    for figure in ("5016", "3%", "64"):
        assert _place(text, figure) == ("", "place not in the data: Korla airport"), figure


def test_traffic_across_a_neighbours_territory_is_the_neighbours_even_with_trains_named():
    text = article(
        "2018-08-07",
        "Containers in transit via Khorgos rose by 52% in the first half of 2018.",
        "International traffic across Kazakh territory also grew, reaching 1861 trains and about 180,000 TEU.",
    )
    assert _outside(text, "1861") == ("", "place not in the data: Kazakhstan (national)")
    assert _outside(text, "about 180,000 TEU") == ("", "place not in the data: Kazakhstan (national)")
    assert _outside(text, "52%")[0].startswith("horgos")


def test_trains_sent_through_a_neighbour_in_a_story_of_no_place_of_the_data_are_the_neighbours():
    # sealed92/01: "some 234 trains were sent along the China-Europe-China rail route through Kazakhstan, almost three
    # times more than ..."; after "Horgos let through 3044 trains" (sealed34/06), freight "through Kazakhstan" is
    # still Horgos's
    text = article(
        "2015-09-10",
        "In the first seven months of 2015 some 234 trains were sent along the China-Europe route through "
        "Kazakhstan, almost three times more than a year before.",
    )
    for as_written in ("some 234", "almost three times"):
        assert _outside(text, as_written) == ("", "place not in the data: Kazakhstan (national)"), as_written
    text = article(
        "2019-12-10",
        "From January to November Horgos let through 3044 China-Europe trains. Freight carried between China and "
        "Europe through Kazakhstan came to 2.78 million tonnes.",
    )
    assert _outside(text, "2.78 million tonnes")[0].startswith("horgos")


def test_figures_in_an_article_about_a_port_its_title_describes_by_where_it_is_are_that_port_s():
    # a profile titled by where the port is, not by its name: the region that approved the port is not its place
    text = article(
        "2004-12-31",
        "The second-class port in Yining was set up in 1993 with the approval of the People's Government of the "
        "Xinjiang Uygur Autonomous Region.",
        "Over 6,000 trucks left this port for other countries in the last two years.",
        "The port has a 48,000 square metre car park for foreign vehicles.",
        title="The second-class port in Yining",
    )
    subject = "place not in the data: second-class port in Yining (the article's subject)"
    assert _place(text, "Over 6,000") == ("", subject)
    assert _place(text, "48,000 square metre") == ("", subject)


def test_a_title_that_places_a_port_in_the_region_or_at_a_data_port_leaves_the_figures_to_the_data():
    text = article(
        "2025-10-12",
        "The Alashankou port has handled 6,000 China-Europe freight trains so far this year.",
        "It now runs 127 routes.",
        title="Main land port in Xinjiang records 6,000 freight trains",
    )
    assert _place(text, "127")[0] == "alashankou-rail"
    text = article("2025-10-12", "The port saw 2,000 trucks a day in September 2025.", title="The port at Horgos")
    assert _place(text, "2,000") == ("horgos-road", "")


def test_an_airport_named_by_the_county_it_is_built_in_is_one_the_data_lacks():
    text = article(
        "2017-06-18",
        "An airport will soon be built in Yutian County in the south-west of the Xinjiang Uygur Autonomous Region.",
        "The new airport, for whose construction 710 million yuan will be allocated, will be able to handle 180 "
        "thousand passengers a year.",
    )
    assert _place(text, "710 million yuan") == ("", "place not in the data: the airport in Yutian County")


def test_the_other_regional_airports_are_a_group_the_data_lacks():
    # sealed79/11: the airport named takes its own figure; "the other regional airports" theirs, no place of the data
    text = _article(
        "2024-08-05",
        "Of these, Urumqi International Airport handled 100,400 passengers and the other regional airports 81,200.",
    )
    assert _one(text, "100,400").entity_id == "urumqi-airport"
    assert _one(text, "81,200").entity_id == ""


def test_the_change_of_a_figure_of_a_place_the_data_lacks_is_that_places():
    # sealed82/06: "up 230.6%" names no place; it is the growth of Altay airport's passengers, not Kashgar's
    text = _article(
        "2018-08-08",
        "Kashgar airport carried 1118020 passengers, the most of any feeder airport. Altay airport carried 229377 "
        "passengers, up 230.6%, the fastest growth among the feeder airports.",
    )
    assert _outside(text, "229377") == ("", "place not in the data: Altay airport")
    assert _outside(text, "230.6%") == ("", "place not in the data: Altay airport")
    assert _outside(text, "1118020")[0] == "kashgar-airport"


def test_a_group_the_data_lacks_stays_the_figures_place_after_a_body_named_after_the_region():
    # sealed82/05: "the group's feeder airports" are not the region's airports together
    text = _article(
        "2018-04-19",
        "In the first quarter of 2018 the Xinjiang Airport Group's traffic grew steadily. It handled 7,616,300 "
        "passengers, 13.9% more than a year earlier. The group's feeder airports handled 2,311,700 passengers, up "
        "25.7%.",
    )
    assert _outside(text, "7,616,300")[0] == "xinjiang"
    assert _outside(text, "2,311,700") == ("", "place not in the data: feeder airports")
    assert _outside(text, "25.7%") == ("", "place not in the data: feeder airports")


def test_the_regions_frontier_inspection_general_station_is_who_counts_not_a_place():
    # sealed33/05: the station named after the region reports the region's travellers
    text = _article(
        "2023-06-10",
        "Figures of the Xinjiang Exit and Entry Frontier Inspection General Station show that 423,000 inbound and "
        "outbound travellers were inspected from January to May, a rise of 363.4% year on year.",
    )
    assert _outside(text, "423,000") == ("xinjiang", "")
    assert _outside(text, "363.4%") == ("xinjiang", "")


def test_a_group_the_data_lacks_located_within_the_region_is_the_group():
    # sealed82/04: "the feeder airports within Xinjiang" are not the region's airports together
    text = _article(
        "2017-07-10",
        "In the first half the Xinjiang Airport Group handled 13,917,000 passengers. Of these, the feeder airports "
        "within Xinjiang handled 3,837,000 passengers.",
    )
    assert _outside(text, "3,837,000") == ("", "place not in the data: feeder airports")


def test_a_sentence_that_opens_on_a_place_the_data_lacks_is_about_it_in_every_clause():
    # sealed82/06: the tonnes and flights in later clauses are Tacheng airport's, not the airport named before;
    # a sentence about "the port" that only passes an unheld county seat stays the port's (sealed65/02)
    text = _article(
        "2018-08-08",
        "Kashgar airport carried 1118020 passengers. Tacheng airport carried 154800 passengers, and 46.7 tonnes of "
        "cargo and mail, and handled 1984 flights.",
        "Irkeshtam port handled 381,000 tonnes. In 2011 the port moved next to the Wuqia county seat, with a planned "
        "area of 6.4 square kilometres.",
    )
    assert _outside(text, "46.7 tonnes") == ("", "place not in the data: Tacheng airport")
    assert _outside(text, "1984") == ("", "place not in the data: Tacheng airport")
    assert _outside(text, "6.4 square kilometres")[0] == "irkeshtam"


def test_an_airport_named_by_the_place_it_serves_is_a_place_the_data_lacks_whatever_locates_it():
    # sealed32/06: "The airport at Turpan", located by the region's long name, is not the region's nor a railway's
    text = _article(
        "2017-09-18",
        "URUMQI - The airport at Turpan in northwest China's Xinjiang Uygur Autonomous Region has handled over "
        "100,000 passengers so far this year, 80.6 percent more than a year earlier.",
    )
    assert _outside(text, "over 100,000") == ("", "place not in the data: Turpan airport")
    assert _outside(text, "80.6 percent") == ("", "place not in the data: Turpan airport")
