"""A count's metric from its clause: vehicles crossing or exported, countries a place borders."""

from __future__ import annotations

import pytest

from tests.proposing import article, one


@pytest.mark.parametrize(
    ("sentence", "as_written", "metric"),
    [
        # no word of the sentence exports the vehicles: they cross, whatever the verb
        (
            "Last year the checkpoint at Dulata processed 9,300 travellers and 4,200 vehicles.",
            "4,200",
            "vehicle_crossings",
        ),
        ("In the first half, 61,000 vehicles passed through Takeshiken Port.", "61,000", "vehicle_crossings"),
        ("Vehicles entered and left Baketu Port 33,400 times in the quarter.", "33,400", "vehicle_crossings"),
        ("From January to May, 7,700 vehicles were checked at Irkeshtam Port.", "7,700", "vehicle_crossings"),
        # both ways, in the sentence that also names export goods; the participle ends the counted noun
        (
            "Since March, Bakhty Port has checked 8,800 vehicles entering and leaving the country, and its import "
            "and export goods came to 90,000 tonnes.",
            "8,800",
            "vehicle_crossings",
        ),
        (
            "Irkeshtam saw 1,200 inbound and outbound vehicles in May, and export goods rose.",
            "1,200",
            "vehicle_crossings",
        ),
        # the sentence says they left the country: exports, as before
        ("In 2024, 130,000 vehicles were exported through Horgos Port.", "130,000", "vehicle_exports"),
        ("Horgos Port shipped out 52,000 vehicles in the first quarter.", "52,000", "vehicle_exports"),
    ],
)
def test_vehicles_are_exports_only_when_the_sentence_exports_them(sentence, as_written, metric):
    assert one(article("2025-06-10", sentence), as_written).metric == metric


@pytest.mark.parametrize(
    ("sentence", "as_written"),
    [
        ("Xinjiang borders nine countries and has 17 land ports.", "nine"),
        ("Bordering six countries and regions, the region trades mostly with Central Asia.", "six"),
        ("The region has a 5,000 km border with seven countries, Mongolia and Russia among them.", "seven"),
        ("The region, which borders five Central Asian and South Asian countries, grew fast.", "five"),
    ],
)
def test_countries_a_place_borders(sentence, as_written):
    assert one(article("2025-06-10", sentence), as_written).metric == "bordering_countries"


def test_countries_traded_with_are_not_countries_bordered():
    text = article("2025-06-10", "Xinjiang traded with 170 countries and regions last year.")
    assert one(text, "170").metric == "trading_partners"


@pytest.mark.parametrize(
    ("paragraphs", "as_written", "metric"),
    [
        (
            (
                "Xinjiang's westbound trains ran on 12 lines last year, reaching 30 cities in 14 Asian and European countries.",
            ),
            "14",
            "train_destination_countries",
        ),
        (
            ("Goods from the region went on 12 routes to 30 cities in 14 countries in Europe, a logistics firm said.",),
            "30",
            "train_destination_cities",
        ),
        (
            ("Airlines based in the region now fly 150 routes to 40 cities or regions in 12 countries.",),
            "12",
            "route_countries",
        ),
        (
            (
                "The region's airports had their busiest summer yet.",
                "Carriers now link the region with 35 cities in nine countries and regions.",
            ),
            "nine",
            "route_countries",
        ),
    ],
)
def test_countries_of_the_cities_a_network_reaches(paragraphs, as_written, metric):
    assert one(article("2025-06-10", " ".join(paragraphs)), as_written).metric == metric


@pytest.mark.parametrize(
    ("sentence", "as_written", "metric", "new"),
    [
        ("The region now has 14 Class C ports open to trade.", "14", "class_c_ports", True),
        ("Xinjiang has 18 frontier ports along its border.", "18", "frontier_ports", True),
        ("Of the region's 21 ports, most handle freight.", "21", "operational_ports", False),
    ],
)
def test_a_count_of_ports_is_the_road_ports_only_when_a_road_is_named(sentence, as_written, metric, new):
    candidate = one(article("2025-06-10", sentence), as_written)
    assert (candidate.metric, candidate.new_metric) == (metric, new)


def test_highway_ports_stay_highway_ports():
    assert one(article("2025-06-10", "The region has 12 highway ports."), "12").metric == "highway_ports"


@pytest.mark.parametrize(
    ("sentence", "as_written", "new"),
    [
        ("So far 45 logistics companies have moved into the Kashgar park.", "45", True),
        ("A total of 1,300 companies took part in the forum in Urumqi.", "1,300", True),
        ("Twenty airline companies have opened routes to Kashgar.", "Twenty", True),
        ("In the first half, 420 new enterprises were set up in the Horgos zone.", "420", False),
        ("Since January, 96 companies have registered in the Kashgar zone.", "96", False),
    ],
)
def test_firms_counted_are_new_enterprises_only_when_their_clause_founds_them(sentence, as_written, new):
    candidate = one(article("2025-06-10", sentence), as_written)
    assert (candidate.metric == "new_enterprises", candidate.new_metric) == (not new, new)


@pytest.mark.parametrize(
    ("sentence", "as_written", "metric"),
    [
        # the region's tonnes, said to go by rail: its rail freight
        ("Xinjiang shipped 92 million tonnes of goods by rail in the first half of 2019.", "92 million tonnes",
         "rail_freight_volume"),
        ("Rail freight across Xinjiang climbed to 150 million tonnes in 2018.", "150 million tonnes",
         "rail_freight_volume"),
        # no rail named: the region's cargo; the rail ports together keep theirs
        ("Xinjiang's land ports handled 60 million tonnes of cargo in 2018.", "60 million tonnes", "cargo_throughput"),
        ("Trains through the Alataw Pass and Horgos railway ports carried 18 million tonnes in 2018.",
         "18 million tonnes", "cargo_throughput"),
        # a railway named in a later clause is that clause's, not the ports' cargo before it
        ("Xinjiang's land ports handled 60 million tonnes of cargo in 2018, while its railways carried 40 million "
         "tonnes.", "60 million tonnes", "cargo_throughput"),
        # sealed83/03: the region's road transport abroad, named after the figures
        ("In 2018 the region carried 549,000 passenger trips across the border and 1,799,000 tonnes of freight, so "
         "its international road transport rose to first place.", "1,799,000 tonnes", "intl_road_freight_volume"),
        ("In 2018 the region carried 549,000 passenger trips across the border and 1,799,000 tonnes of freight, so "
         "its international road transport rose to first place.", "549,000", "intl_road_passenger_trips"),
    ],
)  # fmt: skip
def test_tonnes_the_region_moved_by_rail_or_road_are_that_modes_traffic(sentence, as_written, metric):
    assert one(article("2019-07-30", sentence), as_written).metric == metric


def test_trips_by_means_of_transport_are_vehicles_crossing_not_people():
    text = article(
        "2025-01-10",
        "In 2024, more than 77,000 trips of means of transport and more than 105,000 trips of people went in and out "
        "through the Bakhty port.",
        "As of April 22 vehicles had made 12,000 trips in and out of the country through the Bakhty port this year.",
    )
    assert one(text, "more than 77,000").metric == "vehicle_crossings"
    assert one(text, "12,000").metric == "vehicle_crossings"
    assert one(text, "more than 105,000").metric != "vehicle_crossings"


def test_vehicles_whose_verb_is_left_out_after_peoples_crossings_are_vehicles_crossing():
    text = article(
        "2024-03-14",
        "From January to March 10 this year, people crossed in and out more than 14,500 times and vehicles more than "
        "2700 times at the Jeminay port.",
    )
    assert one(text, "more than 2700").metric == "vehicle_crossings"


def test_vehicles_beside_import_and_export_goods_are_crossings_not_exports():
    text = article(
        "2024-03-28",
        "In January-February 46,800 tonnes of import and export goods and 2802 transport vehicles passed through "
        "the Karasu port.",
    )
    assert one(text, "2802").metric == "vehicle_crossings"


def test_firms_that_are_registered_in_a_zone_stand_and_new_ones_are_added():
    held = article("2022-07-01", "At present 234 companies are registered in the Kashgar comprehensive bonded zone.")
    added = article("2024-01-23", "Since November more than 250 new business entities registered in the Kashgar area.")
    assert one(held, "234").metric == "registered_enterprises"
    assert one(added, "more than 250").metric != "registered_enterprises"


def test_a_count_after_a_count_with_only_a_year_after_it_takes_that_counts_measure():
    text = article("2017-03-20", "The Horgos centre had 671 thousand visitors in 2016 and 509 thousand in 2015.")
    assert one(text, "509 thousand").metric == one(text, "671 thousand").metric == "cross_border_visitors"


def test_the_visitor_a_millionth_ordinal_counts_is_the_centres_visitors_reached():
    text = article(
        "2017-03-20",
        "On March 16 the two millionth visitor went through the border control of the International Center of "
        'Boundary Cooperation "Khorgos".',
    )
    assert (one(text, "two millionth").metric, one(text, "two millionth").entity_id) == (
        "cross_border_visitors",
        "icbc-horgos",
    )


def test_a_centre_described_as_a_free_trade_zone_keeps_its_visitors_and_a_days_are_a_days():
    # sealed101/03: "the world's first free trade zone spanning a border" describes the centre; "the zone" after it
    # is the centre, not the region's pilot free trade zone, and people "every day" are its daily visitors
    text = article(
        "2019-03-19",
        "The Horgos International Border Cooperation Center is the world's first free trade zone spanning a border. "
        "On average, about 15,000 people go into and out of the zone every day. More than 5,000 merchants have "
        "settled in the zone.",
    )
    assert {one(text, f).entity_id for f in ("about 15,000", "More than 5,000")} == {"icbc-horgos"}
    assert one(text, "about 15,000").metric == "daily_cross_border_visitors"


def test_person_trips_at_a_centre_are_its_visitors():
    # sealed90/07: "person-trips" into and out of the centre
    text = article(
        "2025-07-12",
        "As of 11 July, more than 5 million person-trips had been made into and out of the China–Kazakhstan Horgos "
        "International Border Cooperation Center this year.",
    )
    assert one(text, "more than 5 million").metric == "cross_border_visitors"


def test_the_number_of_tourists_at_a_centre_named_before_the_figure_is_its_visitors():
    # sealed64/05: "the number of tourists from both sides reached 5 million" at the Khorgos ICBC
    text = article(
        "2023-03-16",
        "In 2019 the number of tourists from both sides of the Horgos International Border Cooperation Center "
        "reached 5 million.",
    )
    assert one(text, "5 million").metric == "cross_border_visitors"
