"""Air travel's measures: an airport's totals, air travel named without an airport and flights."""

from __future__ import annotations

from tests.proposing import article, one


def test_air_travel_named_without_an_airport_is_measured_as_an_airports():
    text = article(
        "2025-02-12",
        "Some 21.3 million passenger trips were made on the region's flights in 2024, and cargo moved by air "
        "came to 164,000 tonnes.",
        "The civil aviation authority said passengers numbered 2.05 million in January, up 9.1 percent.",
    )
    assert one(text, "Some 21.3 million").metric == "air_passengers"  # no border crossed: all of air travel
    assert one(text, "164,000 tonnes").metric == "air_cargo_throughput"
    assert one(text, "2.05 million").metric == "air_passengers"


def test_an_airports_flights_are_its_takeoffs_and_landings_unless_international():
    text = article(
        "2025-02-12",
        "Kashgar airport saw 41,200 flights in 2024, 4.8 percent more than the year before.",
        "Of these, 1,900 were international flights.",
    )
    assert one(text, "41,200").metric == "flight_movements"
    assert one(text, "4.8 percent").metric == "flight_movements_growth_yoy"
    assert one(text, "1,900").metric == "intl_flights"


def test_international_air_ports_named_by_their_cities_are_airports_not_the_railway_through_them():
    # sealed45/09: "Urumqi ... Yining" also names the Urumqi-Jinghe-Yining-Horgos railway, which runs no air routes
    text = article(
        "2024-12-30",
        "At present three international air ports operate in Xinjiang, at Urumqi, Kashgar and Yining, with 57 "
        "international routes in all.",
    )
    found = one(text, "57")
    assert found.entity_id != "urumqi-horgos" and found.metric != "china_europe_train_routes"


def test_international_cargo_by_air_is_international_cargo_not_all_cargo():
    text = article(
        "2025-08-05",
        "By the end of July Urumqi airport's international cargo volume had reached 55,000 tonnes.",
        "Urumqi airport handled 120,000 tonnes of cargo and mail in the first half.",
    )
    assert one(text, "55,000 tonnes").metric == "intl_cargo_throughput"
    assert one(text, "120,000 tonnes").metric != "intl_cargo_throughput"


def test_the_region_airport_groups_traffic_is_the_airports_not_border_crossings_or_port_cargo():
    # sealed82/05: the sentence before names the airport group; take-offs and "cargo and mail" are an airport's words
    text = article(
        "2018-04-19",
        "In the first quarter of 2018 the Xinjiang Airport Group's traffic grew steadily. It handled 7,616,300 "
        "passengers, 13.9% more than a year earlier. It handled 36,800 tonnes of cargo and mail, and 82,100 "
        "take-offs and landings, up 22.0%.",
    )
    assert one(text, "7,616,300").metric == "air_passengers"
    assert one(text, "36,800 tonnes").metric == "air_cargo_throughput"
    assert one(text, "82,100").metric == "flight_movements"


def test_ports_named_after_a_sentence_on_airports_keep_their_own_measure():
    # sealed28/02: "Class B ports" after airports were named are no airport's count
    text = article(
        "2004-12-20",
        "The region has two airports open to foreign flights. There are also 11 Class B ports, where deals can be "
        "settled in US dollars.",
    )
    assert one(text, "11").metric != "flight_movements"
