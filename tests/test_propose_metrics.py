"""A figure's metric: the vocabulary, new names, partners' trade, rates and what each kind of place counts."""

from __future__ import annotations

import pytest

from tests.proposing import article, one
from tests.proposing import article as _article
from tests.proposing import one as _one

PUBLISHED = "2024-06-10"


@pytest.mark.parametrize(
    ("sentence", "as_written", "metric"),
    [
        ("Horgos Customs said 450,000 vehicles left the country via the port last year.", "450,000", "vehicle_exports"),
        (
            "Between January and August, 258,000 vehicles were exported through Horgos Port.",
            "258,000",
            "vehicle_exports",
        ),
        (
            "The number of inbound and outbound vehicles at Khunjerab exceeded 11,000.",
            "exceeded 11,000",
            "vehicle_crossings",
        ),
        ("Alashankou Port carries more than 200 types of goods.", "more than 200", "goods_categories"),
        ("Urumqi airport now operates 37 international cargo routes.", "37", "intl_cargo_routes"),
        ("The FTZ has attracted more than 2,000 new business entities.", "more than 2,000", "new_enterprises"),
        (
            "These efforts have improved China-Europe freight train handling efficiency at Alashankou by 30 percent.",
            "30 percent",
            "train_efficiency_gain",
        ),
        (
            "The number of people entering and leaving through Khunjerab Pass has passed 80,000.",
            "80,000",
            "intl_passenger_trips",
        ),
        # sealed86/06: the vehicles' trips, not the people's
        (
            "Irkeshtam Customs saw 101,000 vehicle-trips of inbound and outbound means of transport.",
            "101,000",
            "vehicle_crossings",
        ),
    ],
)
def test_metric_signals_in_data_metrics_csv(sentence, as_written, metric):
    assert _one(_article("2025-09-02", sentence), as_written).metric == metric


_TRADE = _article(
    "2025-01-24",
    "Exports grew 25 percent to 460.7 billion yuan, while imports dropped 8.9 percent to 59.6 billion yuan.",
    "Private enterprises in the region accounted for 298.35 billion yuan of trade, up 28.2 percent and 92.5 percent "
    "of the region's trade; trade by state-owned enterprises reached 21.68 billion yuan, up 42.6 percent.",
    "Private firms have become a main driver of Xinjiang's foreign trade: their imports and exports rose "
    "29.5 percent and accounted for 94.3 percent of the region's total trade.",
    "Data from the customs show that Xinjiang's total import and export value came to 322.39 billion yuan.",
    "The region's trade growth outpaced the national average by over 20 percentage points.",
)


@pytest.mark.parametrize(
    ("as_written", "value", "metric", "confidence"),
    [
        (
            "8.9 percent",
            "-8.9",
            "imports_growth_yoy",
            "high",
        ),  # a fall is a negative growth, of the figure it goes "to"
        ("25 percent", "25", "exports_growth_yoy", "high"),
        ("298.35 billion yuan", "298350000000", "private_enterprise_trade_value", "high"),
        ("28.2 percent", "28.2", "private_enterprise_trade_growth_yoy", "high"),
        ("92.5 percent", "92.5", "private_enterprise_trade_share", "high"),
        ("21.68 billion yuan", "21680000000", "soe_trade_value", "high"),
        ("42.6 percent", "42.6", "soe_trade_growth_yoy", "high"),
        ("29.5 percent", "29.5", "private_enterprise_trade_growth_yoy", "high"),  # "a main driver of": no anecdote
        ("94.3 percent", "94.3", "private_enterprise_trade_share", "high"),
        ("322.39 billion yuan", "322390000000", "foreign_trade_value", "high"),
        ("over 20 percentage points", "20", "trade_growth_above_national", "high"),
    ],
)
def test_falls_firms_trade_and_the_regions_totals(as_written, value, metric, confidence):
    candidate = _one(_TRADE, as_written)
    assert (candidate.figure.text_value, candidate.metric, candidate.confidence) == (value, metric, confidence)


@pytest.mark.parametrize(
    ("sentence", "as_written", "metric"),
    [
        (
            "The volume of imports and exports through Xinjiang's ports reached 39.338 million tons.",
            "39.338 million tons",
            "cargo_throughput",
        ),  # fmt: skip
        (
            "Xinjiang's free trade zones (FTZs) had a combined import and export value of 72.82 billion yuan.",
            "72.82 billion yuan",
            "trade_value",
        ),  # fmt: skip
        (
            "Xinjiang's total import and export value came to 322.39 billion yuan.",
            "322.39 billion yuan",
            "foreign_trade_value",
        ),  # fmt: skip
        # sealed86/01: the period between the measure and its verb names no measure ("trade_last_year" before)
        (
            "Xinjiang's foreign trade last year came to 19.678 billion US dollars.",
            "19.678 billion US dollars",
            "foreign_trade_value",
        ),  # fmt: skip
    ],
)
def test_volumes_and_values_of_imports_and_exports(sentence, as_written, metric):
    assert _one(_article("2024-07-18", sentence), as_written).metric == metric


@pytest.mark.parametrize(
    ("sentence", "as_written", "metric"),
    [
        # "tonnes" says nothing about which tonnes: the words around decide
        (
            "Urumqi airport handled 46,000 tonnes of international cargo and mail by June.",
            "46,000 tonnes",
            "intl_cargo_throughput",
        ),  # fmt: skip
        (
            "Horgos Port handled a total of 12.1 million tonnes of goods last year.",
            "12.1 million tonnes",
            "cargo_throughput",
        ),  # fmt: skip
    ],
)
def test_cargo_tonnes_by_the_words_around_them(sentence, as_written, metric):
    assert _one(_article("2025-07-22", sentence), as_written).metric == metric


def test_a_tonnage_with_no_noun_of_its_own_measures_cargo_whatever_the_verb():
    text = article(
        PUBLISHED,
        "Freight moved by rail through the Horgos railway port in 2023 climbed 12% to 3.1 million tons.",
        "The Torugart port had a quiet winter. In 2023, though, it reached 640,000 tons.",
    )
    assert one(text, "3.1 million tons").metric == "cargo_throughput"
    assert one(text, "640,000 tons").metric == "cargo_throughput"
    # sealed92/09: a share of a total said before ("more than 13 million tonnes of it went through ...")
    text = article(
        "2020-09-01",
        "Last year rail freight between Kazakhstan and China came to over 17 million tonnes. More than 13 million "
        "tonnes of it went through the Alashankou railway port.",
    )
    assert one(text, "More than 13 million tonnes").metric == "cargo_throughput"


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


@pytest.mark.parametrize(
    ("sentence", "as_written", "metric"),
    [
        # a sum in dollars with no word of its own is a measure of money the vocabulary has in yuan
        (
            "4.2 billion US dollars: the record Xinjiang's foreign trade reached in 2012.",
            "4.2 billion US dollars",
            "foreign_trade_value",
        ),
        # a port's trade is its trade value, the region's its foreign trade
        (
            "Alashankou Port's foreign trade came to 9.6 billion US dollars in 2011.",
            "9.6 billion US dollars",
            "trade_value",
        ),
        ("In 2011 the foreign trade of Alashankou Port rose 12.5 percent.", "12.5 percent", "trade_value_growth_yoy"),
    ],
)
def test_a_sum_in_dollars_is_the_trade_of_that_kind_of_place(sentence, as_written, metric):
    assert _one(_article("2012-01-20", sentence), as_written).metric == metric


def test_a_trade_is_named_by_the_noun_phrase_of_its_partner():
    text = article(
        PUBLISHED,
        "In the first quarter of 2024 the region's trade with countries along the Belt and Road reached 20.5 billion "
        "yuan, a year-on-year rise of 12.1 percent, while its trade with members of the Regional Comprehensive "
        "Economic Partnership (RCEP) climbed 8.3 percent to 1.9 billion yuan.",
        "Tajikistan remained the region's largest trading partner in the quarter, with 6.2 billion yuan in trade.",
    )
    assert one(text, "20.5 billion yuan").metric == "bri_partner_trade"
    assert one(text, "12.1 percent").metric == "bri_partner_trade_growth_yoy"
    assert one(text, "8.3 percent").metric == "rcep_trade_growth_yoy"
    assert one(text, "1.9 billion yuan").metric == "rcep_trade"
    assert one(text, "6.2 billion yuan").metric == "tajikistan_trade"


def test_the_five_central_asian_countries_named_together_are_central_asia():
    text = article(
        PUBLISHED,
        "In 2023 the region's imports and exports with Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and "
        "Uzbekistan rose 21 percent to 150.2 billion yuan.",
    )
    assert one(text, "150.2 billion yuan").metric == "central_asia_trade"
    assert one(text, "21 percent").metric == "central_asia_trade_growth_yoy"


@pytest.mark.parametrize(
    ("sentence", "as_written", "metric"),
    [
        (
            "Kazakhstan and Kyrgyzstan topped the list of trade partners, with growth rates of 45.8 percent and "
            "8.7 percent, respectively.",
            "8.7 percent",
            "kyrgyzstan_trade_growth_yoy",
        ),  # fmt: skip
        (
            "In the first quarter, the region's trade with Tajikistan rose by 12.5 percent year on year.",
            "12.5 percent",
            "tajikistan_trade_growth_yoy",
        ),  # fmt: skip
        (
            "Imports and exports with Central Asian countries made up 71.2 percent of the region's foreign trade.",
            "71.2 percent",
            "central_asia_share_of_trade",
        ),  # fmt: skip
    ],
)
def test_a_partners_trade_is_not_the_regions(sentence, as_written, metric):
    candidate = _one(_article("2024-12-20", sentence), as_written)
    assert (candidate.metric, candidate.new_metric) == (metric, True)


def test_trade_with_the_region_is_trade_with_the_partner_the_sentence_before_named():
    article = _article(
        "2024-02-01",
        "Customs data show Central Asia is Xinjiang's biggest trading partner. Trade with the region rose 30% in 2023.",
    )
    candidate = _one(article, "30%")
    assert candidate.metric == "central_asia_trade_growth_yoy" and candidate.new_metric


def test_a_partners_growth_in_a_sentence_without_amounts_stays_the_partners():
    article = _article(
        "2024-08-01",
        "Xinjiang traded with 190 countries in the first half. Kazakhstan and Mongolia led its trade partners, with growth "
        "of 30.1 percent and 6.2 percent respectively.",
    )
    assert _one(article, "30.1 percent").metric == "kazakhstan_trade_growth_yoy"


def test_a_growth_with_no_measure_in_its_sentence_is_the_growth_of_the_amount_before():
    article = _article(
        "2024-02-01",
        "Xinjiang's foreign trade came to 300 billion yuan in 2023. With a rise of 40% year on year, it led the country.",
    )
    assert _one(article, "40%").metric == "foreign_trade_growth_yoy"


def test_changes_and_shares_follow_the_figure_before():
    article = _article(
        "2026-01-05",
        "Last year Bakhty Port handled 80,000 tonnes of goods, an increase of 9,000 tonnes over 2024.",
        "In May, Horgos Port saw 120,000 trips, a month-on-month increase of 8 percent.",
        "Horgos Port handled 3,000 trains in 2025, accounting for 40 percent of the region's total.",
    )
    change = _one(article, "9,000 tonnes")
    assert (change.metric, change.period) == ("cargo_throughput_increase", "2025")  # 2024 is the comparison
    assert _one(article, "8 percent").metric == "intl_passenger_trips_growth_mom"
    assert _one(article, "40 percent").metric == "share_of_" + _one(article, "3,000").metric
    # sealed95/01: each change named with its own base, the year's and the month's
    article = _article(
        "2021-04-01",
        "In March Xinjiang's trade came to 10.34 billion yuan, up 43.7 percent year on year and 34.7 percent month on "
        "month.",
    )
    assert _one(article, "43.7 percent").metric.endswith("_growth_yoy")
    assert _one(article, "34.7 percent").metric.endswith("_growth_mom")


def test_the_margin_by_which_a_target_was_beaten_is_its_own_new_measure():
    article = _article(
        "2026-01-20",
        "The Urumqi subzone's trade reached 40 billion yuan in 2025, beating its yearly goal by 3.2 percent.",
    )
    candidate = _one(article, "3.2 percent")
    assert (candidate.metric, candidate.new_metric) == ("target_exceeded_by", True)


def test_an_efficiency_gain_is_named_by_what_got_more_efficient():
    article = _article(
        "2025-07-01",
        "New sidings have made the handling of freight trains at Alashankou 25 percent more efficient.",
        "At Horgos, automated gates have raised clearance efficiency by 70 percent.",
    )
    assert _one(article, "25 percent").metric == "train_efficiency_gain"
    gain = _one(article, "70 percent")
    assert (gain.metric, gain.new_metric) == ("clearance_efficiency_gain", True)


def test_the_time_a_clearance_now_takes_is_the_time_after_it_was_sped_up():
    text = article(
        PUBLISHED,
        "With a new scanner at the Torugart port, checking a lorry now takes just 4 minutes.",
        "Online filing means freight trains at Alashankou can leave the port in as little as 25 minutes.",
    )
    assert one(text, "4 minutes").metric == "clearance_time_after"
    assert one(text, "25 minutes").metric == "clearance_time_after"


def test_a_time_before_and_after_a_change():
    article = _article(
        "2025-02-01",
        "In 2024 the check of each truck at Bakhty Port fell from 50 minutes to 20 minutes.",
        "Horgos Port has cut export processing from four hours to one hour.",
    )
    assert (_one(article, "50 minutes").metric, _one(article, "20 minutes").metric) == (
        "clearance_time_before",
        "clearance_time_after",
    )
    assert _one(article, "four hours").metric == "export_clearance_time_before"
    assert _one(article, "one hour").metric == "export_clearance_time_after"


def test_a_time_cut_from_the_former_one_to_half_an_hour():
    article = _article(
        "2020-07-06",
        "At Horgos Port clearance time was squeezed from the former two hours to half an hour.",
    )
    assert (_one(article, "two hours").metric, _one(article, "half an hour").metric) == (
        "clearance_time_before",
        "clearance_time_after",
    )
    assert (_one(article, "half an hour").figure.value, _one(article, "half an hour").figure.unit) == (0.5, "hours")


def test_after_and_before_a_cut_rates_of_trains_and_shares_of_the_regions_trade():
    article = _article(
        "2025-09-02",
        "Customs clearance at Khunjerab Port now takes less than 3 hours, down from 8 hours before.",
        "Horgos Port handled 1,000 China-Europe freight trains in August, or about 32 trains a day.",
        "Kashgar airport's passenger trips exceeded 100,000 for the first time, reaching 103,500 by Aug. 31.",
        "Bakhty Port, which handles about 4 percent of Xinjiang's foreign trade, saw trade rise 15 percent in 2024.",
        "Trade with Tajikistan grew 20 percent to 9 billion yuan in 2024, 3.1 percent of Xinjiang's foreign trade.",
    )
    assert (_one(article, "less than 3 hours").metric, _one(article, "8 hours").metric) == (
        "clearance_time_after",
        "clearance_time_before",
    )
    assert _one(article, "about 32").metric == "daily_trains"  # trains a day, not a passenger peak
    assert _one(article, "exceeded 100,000").confidence == "low"
    assert _one(article, "about 4 percent").metric == "share_of_region_trade"
    assert _one(article, "3.1 percent").metric == "tajikistan_share_of_trade"  # the partner the clause is about


def test_a_days_average_peak_of_trains_are_named_from_the_thing_counted_and_the_statistic():
    text = article(
        "2023-09-04",
        "So far this year the Horgos railway port has handled an average of 23 China-Europe freight trains a day, "
        "with a daily high of 31.",
        "Back in 2015 it saw a monthly average of 4.5 trains.",
    )
    assert one(text, "23").metric == "daily_train_average"
    assert one(text, "31").metric == "daily_train_peak"
    assert one(text, "4.5").metric != "daily_train_average"


def test_a_days_average_said_after_the_figure_is_the_average():
    text = article("2023-09-04", "The Alataw Pass now handles 15 China-Europe freight trains a day on average.")
    assert one(text, "15").metric == "daily_train_average"


def test_a_busiest_day_or_a_single_day_makes_a_peak_rate():
    article = _article(
        "2024-09-01",
        "On the busiest day, the number of passengers through Khunjerab Pass went past a record 900.",
    )
    assert _one(article, "900").metric == "daily_passenger_peak"


def test_asides_tenures_and_peaks_of_the_thing_counted():
    article = _article(
        "2025-07-08",
        "Alashankou, one of the two big railway ports in Xinjiang together with Horgos, now runs 124 train routes.",
        '"On the busiest day we handled 27 trains," said a dispatcher who has worked at the port for 12 years.',
        "Khunjerab Port saw daily crossings of about 900 travellers, going above 1,500 on the busiest days.",
    )
    assert _one(article, "124").entity_id == "alashankou-rail"  # Horgos is named in an aside
    assert _one(article, "27").metric == "daily_train_peak"
    assert _one(article, "12 years").confidence == "low"
    assert _one(article, "above 1,500").metric == "daily_passenger_peak"


def test_directions_before_the_counted_noun_and_a_year_earlier_as_of_a_day():
    article = _article(
        "2025-09-02",
        "Horgos Port handled 9,876 inbound and outbound trains as of Aug. 31, up 4.3 percent from a year earlier.",
    )
    trains = _one(article, "9,876")
    assert (trains.metric, trains.period) == ("china_europe_trains", "2025-01/2025-08")  # to 31 Aug: whole months


def test_an_airports_totals_are_not_international_traffic():
    article = _article(
        "2025-02-09",
        "In 2024 the region's 30 airports served about 50.2 million passengers and moved 310,000 tons of cargo.",
        "Kashgar airport handled 1.2 million passengers last year, 90,000 of them on international flights.",
        "Horgos Port saw 2.1 million inbound and outbound passenger trips in 2024.",
    )
    assert _one(article, "about 50.2 million").metric == "air_passengers"
    assert _one(article, "310,000 tons").metric == "air_cargo_throughput"
    assert _one(article, "1.2 million").metric == "air_passengers"
    assert _one(article, "2.1 million").metric == "intl_passenger_trips"  # a land port's passengers cross a border


def test_what_a_place_can_handle_is_a_capacity_that_stands():
    article = _article(
        "2025-09-10",
        "Kashgar airport handled 2.1 million passengers this year as of Sunday.",
        "After the upgrade the airport can handle up to 9 million passengers and 80,000 tonnes of cargo a year. "
        "It can also support about 70,000 takeoffs and landings annually.",
    )
    assert _one(article, "up to 9 million").metric == "passenger_capacity"
    assert _one(article, "80,000 tonnes").metric == "cargo_capacity"
    assert _one(article, "about 70,000").metric == "flight_movement_capacity"
    for figure in ("up to 9 million", "80,000 tonnes", "about 70,000"):
        assert _one(article, figure).period == "2025-09-10"  # not the year to Sunday of the paragraph before


def test_a_capacity_and_a_span_of_years_to_the_end_of_one():
    article = _article(
        "2024-01-27",
        "From 2019 to the end of 2023, the airport opened six international cargo routes.",
        "Renovation work finished in 2023 raised the airport's yearly capacity to 5 million passengers and "
        "60,000 tonnes of cargo and mail.",
    )
    assert _one(article, "six").period == "2019/2023"
    assert _one(article, "5 million").metric == "passenger_capacity"
    assert _one(article, "60,000 tonnes").metric == "cargo_capacity"


def test_what_a_port_was_planned_to_clear_or_its_capacity_will_rise_to_is_a_capacity():
    article = _article(
        "2014-09-01",
        "The old Irkeshtam port was planned to clear 300,000 tonnes of goods a year.",
        "Once the works end, the yearly transport capacity of the Alataw Pass is expected to rise from 4.5 million "
        "tons to 10 million tons.",
    )
    assert _one(article, "300,000 tonnes").metric == "cargo_capacity"
    assert _one(article, "4.5 million tons").metric == "cargo_capacity"


def test_a_count_of_things_a_metric_names_fits_only_text_or_a_place_that_has_those_things():
    article = _article(
        "2025-04-02",
        "Kashgar airport now serves 9 countries.",
        "The Kashgar bonded zone sells goods from over 30 countries.",
        "Trains through Alashankou reach 21 countries.",
    )
    assert _one(article, "9").metric == "route_countries"  # an airport has routes
    assert _one(article, "over 30").metric not in {"train_destination_countries", "route_countries"}
    assert _one(article, "21").metric == "train_destination_countries"


def test_people_counted_at_a_cooperation_center_are_its_visitors():
    article = _article(
        "2025-04-02",
        "The Horgos International Border Cooperation Center logged 1.9 million visits in the first quarter of 2025.",
    )
    assert _one(article, "1.9 million").metric == "cross_border_visitors"


def test_one_nationalitys_trips_are_their_own_measure():
    article = _article(
        "2025-06-30",
        "Some 8,000 Kyrgyz visitors entered through Irkeshtam Port in May.",
        "Foreign nationals made 20,000 trips through Kashgar airport in May, up 15 percent year on year.",
    )
    kyrgyz = _one(article, "Some 8,000")
    assert (kyrgyz.metric, kyrgyz.new_metric) == ("kyrgyz_visitors", True)
    assert _one(article, "20,000").metric == "foreign_nationals_trips"
    assert _one(article, "15 percent").metric == "foreign_nationals_trips_growth_yoy"


def test_people_crossing_are_trips_at_a_port_and_visitors_at_the_cooperation_center():
    article = _article(
        "2025-05-10",
        "As of Friday, over 2 million people had crossed through the Horgos highway port this year.",
        "Kashgar airport logged 300,000 trips into or out of China in 2024.",
        "Travellers queue at the Horgos International Border Cooperation Center. Figures from the Horgos entry-exit "
        "border checkpoint show that 900,000 people have checked in and out of the center this year.",
        "Daily crossings at Khunjerab averaged 3,000 people and went above 5,000 on the busiest days.",
    )
    assert (_one(article, "over 2 million").metric, _one(article, "over 2 million").entity_id) == (
        "intl_passenger_trips",
        "horgos-road",
    )
    assert _one(article, "300,000").metric == "intl_passenger_trips"  # into or out of China: international
    center = _one(article, "900,000")
    assert (center.entity_id, center.metric) == ("icbc-horgos", "cross_border_visitors")  # not the checkpoint's
    assert _one(article, "above 5,000").metric == "daily_passenger_peak"


def test_a_count_with_no_noun_of_its_own_measures_what_the_count_before_it_measured():
    text = _article(
        "2024-07-02",
        "The Horgos terminal accounted for 2,411 freight trains, while traffic at the Alashankou terminal came to 1,977,"
        " up 6 per cent.",
    )
    assert _one(text, "1,977").metric == _one(text, "2,411").metric


@pytest.mark.parametrize(
    ("sentence", "as_written", "metric"),
    [
        # one way named: the cargo of the trains that way, and what it was worth
        (
            "In the first quarter, westbound freight trains through Horgos hauled 410,000 tonnes of goods.",
            "410,000 tonnes",
            "outbound_train_cargo",
        ),
        (
            "Homebound freight trains passing Alashankou brought in 95,000 tonnes worth 2 billion yuan in March.",
            "2 billion yuan",
            "return_train_cargo_value",
        ),
        (
            "Freight trains through Alashankou moved 2.2 million tonnes in 2023; inbound trains took 900,000 tonnes.",
            "900,000 tonnes",
            "return_train_cargo",
        ),
        (
            "Last year 1,300 freight trains hauled 512,000 tonnes of goods from China to Europe via Horgos.",
            "512,000 tonnes",
            "outbound_train_cargo",
        ),
        (
            "Dulata Port handled 80,000 tonnes in 2023; exports, which reached 61,000 tonnes, made up most of it.",
            "61,000 tonnes",
            "cargo_exports",
        ),
        (
            "In May 700 tonnes of cargo were imported through Khunjerab Pass.",
            "700 tonnes",
            "cargo_imports",
        ),
        (  # a sentence that opens with the goods, and a clause that leaves out its verb
            "Imported goods made up 52,000 tonnes of Dulata's cargo last year, and exported goods 18,000 tonnes.",
            "52,000 tonnes",
            "cargo_imports",
        ),
        (
            "Imported goods made up 52,000 tonnes of Dulata's cargo last year, and exported goods 18,000 tonnes.",
            "18,000 tonnes",
            "cargo_exports",
        ),
        (  # "import freight" and "export freight" name one way as "imported goods" do
            "In the first 10 months its import freight was 29,280,000 tonnes and its export freight 4,447,000 tonnes.",
            "29,280,000 tonnes",
            "cargo_imports",
        ),
        (
            "In the first 10 months its import freight was 29,280,000 tonnes and its export freight 4,447,000 tonnes.",
            "4,447,000 tonnes",
            "cargo_exports",
        ),
        (  # the verb just before the tonnes, and what those exports were worth
            "In the first half of the year the Bakhty port exported 76,400 tonnes of goods worth 252,848,800 dollars.",
            "76,400 tonnes",
            "cargo_exports",
        ),
        (
            "In the first half of the year the Bakhty port exported 76,400 tonnes of goods worth 252,848,800 dollars.",
            "252,848,800 dollars",
            "exports_value",
        ),
        # both ways, or the goods named: all the cargo, or the goods' own flow
        (
            "Last year the Bakhty port imported and exported 90,000 tonnes of goods.",
            "90,000 tonnes",
            "cargo_throughput",
        ),
        (
            "Incoming and outgoing freight trains through Alashankou moved 4.1 million tonnes in 2023.",
            "4.1 million tonnes",
            "cargo_throughput",
        ),
        (
            "In 2023 Dulata Port's imports and exports came to 90,000 tonnes.",
            "90,000 tonnes",
            "cargo_throughput",
        ),
        (  # "import and export" freight moves both ways, whoever reported it
            "Officials learned that Dulata Port handled 95,000 tonnes of import and export freight in 2023.",
            "95,000 tonnes",
            "cargo_throughput",
        ),
    ],
)
def test_cargo_moved_one_way(sentence, as_written, metric):
    assert _one(_article("2024-05-02", sentence), as_written).metric == metric


def test_the_nth_train_of_the_year_is_the_count_of_trains_so_far():
    text = _article(
        "2024-10-30", "On Tuesday the 7000th China-Europe freight train this year left Horgos Railway Port."
    )
    trains = _one(text, "7000th")
    assert (trains.entity_id, trains.metric, trains.confidence) == ("horgos-rail", "china_europe_trains", "high")


def test_changes_given_respectively_go_with_the_figures_just_before_them_not_a_later_one():
    # sealed46/04: a fourth count after the changes ("; 691 trains ...") does not break the order
    text = article(
        "2020-04-20",
        "In the first quarter 791 China-Europe trains went through the Alashankou port, carrying 538,100 tonnes of "
        "freight worth about 3.654 billion US dollars, increases of 17.19%, 50.06% and 1.92% respectively on the same "
        "period last year; 691 China-Europe trains went through the Horgos port.",
    )
    assert one(text, "17.19%").metric == "china_europe_trains_growth_yoy"
    assert one(text, "50.06%").metric == "cargo_throughput_growth_yoy"
    assert one(text, "1.92%").metric == "trade_value_growth_yoy"


def test_goods_the_regions_trains_carry_are_train_cargo_but_a_rail_ports_are_its_throughput():
    # sealed46/09, sealed22: a service's or the region's trains carry their own cargo; sealed11/02, sealed17/04: the
    # tonnes trains carried through one port are that port's throughput, as the golds code them
    region = article(
        "2025-08-16",
        "The Tianshan multimodal trains of the Xinjiang Uygur Autonomous Region made 1077 runs, carrying about "
        "1,950,500 tonnes of goods worth about 24.5 billion yuan.",
    )
    assert one(region, "about 1,950,500 tonnes").metric == "train_cargo"
    assert one(region, "about 24.5 billion yuan").metric == "train_cargo_value"
    port = article(
        "2021-09-01",
        "The trains carried about 3.1 million tonnes of cargo through the Alataw Pass railway port in the period.",
    )
    assert one(port, "about 3.1 million tonnes").metric == "cargo_throughput"


def test_a_new_measure_is_named_by_its_noun_not_by_the_place_or_a_qualifier_beside_it():
    text = article(
        "2018-01-24",
        "Imports into the Xinjiang Uygur Autonomous Region went past 2.9 billion US dollars in 2017.",
        "The region's foreign trade reached 20.7 billion US dollars, exports worth 17.7 billion US dollars among it.",
    )
    imports, exports = one(text, "2.9 billion US dollars"), one(text, "17.7 billion US dollars")
    assert (imports.metric, imports.new_metric) == ("imports_value", True)
    assert (exports.metric, exports.new_metric) == ("exports_value", True)


def test_a_ports_freight_in_tonnes_is_its_cargo_throughput():
    text = article(
        "2025-06-18",
        "As one of the country's rail corridors to the west, Alashankou railway port has seen its freight keep "
        "climbing. In the first 5 months of this year its freight reached 7,022,000 tonnes, 4.1% more than a year "
        "before.",
    )
    assert (one(text, "7,022,000 tonnes").metric, one(text, "7,022,000 tonnes").new_metric) == (
        "cargo_throughput",
        False,
    )


def test_how_far_exports_or_imports_lead_the_country_is_named_for_the_flow():
    text = _article(
        "2022-08-22",
        "Xinjiang's imports and exports came to 115.47 billion yuan, up 38.1% and 27.7 percentage points above the "
        "growth rate of the country as a whole. Exports were 95.04 billion yuan, up 46.7% and 32 percentage points "
        "above the national rate; imports were 20.43 billion yuan, up 8.7% and 3.4 percentage points above the national rate.",
    )
    assert _one(text, "27.7 percentage points").metric == "trade_growth_above_national"
    assert _one(text, "32 percentage points").metric == "exports_growth_above_national"
    assert _one(text, "3.4 percentage points").metric == "imports_growth_above_national"


def test_goods_trains_in_and_out_are_trains_not_travellers():
    text = _article(
        "2020-07-10",
        "In June 106 inbound and outbound goods trains passed through the Urumqi International Land Port Area.",
    )
    assert _one(text, "106").metric == "china_europe_trains"


def test_goods_imported_and_exported_are_all_the_cargo_not_one_way():
    text = _article(
        "2023-12-10",
        "As of the 8th, 2,660,000 tonnes of goods had been imported and exported through the Takeshiken port.",
        "In November 30,000 tonnes of goods were exported through the Takeshiken port.",
    )
    assert _one(text, "2,660,000 tonnes").metric == "cargo_throughput"
    assert _one(text, "30,000 tonnes").metric == "cargo_exports"


def test_a_stations_tracks_called_lines_are_a_new_standing_measure_not_train_routes():
    # sealed26/03, sealed46/01: gauge and transshipment "lines" are tracks; they stand on the article's day
    text = article(
        "2013-12-24",
        "In its first year the Horgos railway port handled 1,613,000 tonnes.",
        "The station has 14 broad gauge lines and 6 pairs of transshipment lines.",
    )
    for written in ("14", "6"):
        candidate = one(text, written)
        assert candidate.new_metric and "route" not in candidate.metric, written
        assert candidate.period == "2013-12-24", written


def test_the_months_of_a_period_name_no_measure():
    # sealed99/06: "between 1 January and 16 August 2024 has passed 70 thousand" was named january_august
    text = article(
        "2024-08-18",
        "The number of people who crossed the border through the Jeminay checkpoint in the Xinjiang Uygur Autonomous "
        "Region (north-west China) between 1 January and 16 August 2024 has passed 70 thousand, a record high.",
    )
    assert not {"january", "august"} & set(one(text, "70 thousand").metric.split("_"))
