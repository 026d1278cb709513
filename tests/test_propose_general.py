"""General rules propose learnt from all four tuning sets: place kinds decide metrics and members, periods."""

from __future__ import annotations

from geo import settings
from geo.ingest.article import strip_dateline
from geo.ingest.organisations import without_organisations
from geo.ingest.propose import propose_candidates
from tests.proposing import article as _article
from tests.proposing import one as _one


def test_an_agency_dateline_with_a_country_is_cut_off_and_its_date_is_no_period():
    text, when = strip_dateline("KASHGAR, China, (Some News / WAM - 09th Feb, 2025) The airport grew.")
    assert (text, when) == ("The airport grew.", ("Feb", 9))
    article = _article(
        "2025-02-09",
        "KASHGAR, China, (Some News / WAM - 09th Feb, 2025) The region's airports handled 3,000 flights in 2024.",
    )
    assert _one(article, "3,000").period == "2024"


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


def test_the_measure_or_its_clause_decides_the_ports_member_wherever_the_port_came_from():
    article = _article(
        "2026-01-10",
        "Alashankou, a big land port on the Kazakh border, had a busy 2025.",
        "Some 9,100 freight trains crossed the port last year, up 4.2 percent from 2024.",
        'Horgos Port handled 40 million tons of goods in 2025. A "Smart Rail" scheme has cut the handling '
        "of imports to 14 hours. Changes at the road port cut paperwork by 50 percent and lifted "
        "efficiency by 70 percent, an official said.",
    )
    assert _one(article, "Some 9,100").entity_id == "alashankou-rail"
    assert _one(article, "4.2 percent").entity_id == "alashankou-rail"  # the percent of the trains beside it
    assert _one(article, "14 hours").entity_id == "horgos-rail"
    assert _one(article, "50 percent").entity_id == "horgos-road"
    assert _one(article, "70 percent").entity_id == "horgos-road"


def test_small_counts_of_places_named_ranges_and_one_trips_time_are_doubted():
    article = _article(
        "2025-03-01",
        "Alashankou and Horgos, two big railway ports, keep growing. Trade with these four countries rose.",
        "There are six large airports of this kind, in Lanzhou, Xining, Yinchuan and Urumqi.",
        "Clearing a train at the port was cut from 10 hours to 5-7 hours last year; trucks save 2-4 hours.",
        "The first flight to the new airport landed on Friday after a three-hour journey from Hotan.",
        "The region's airports served 40 million passengers on 23 airports' routes; its 25 airports grew.",
    )
    published = "2025-03-01"
    low = {
        (c.figure.as_written, c.figure.text_value)
        for c in propose_candidates(article, "t", settings.DATA_DIR, published)
        if c.confidence == "low"
    }
    assert {("two", "2"), ("four", "4"), ("six", "6"), ("three-hour", "3")} <= low
    assert {("5", "5"), ("7 hours", "7"), ("10 hours", "10")} <= low
    assert not {("2", "2"), ("4 hours", "4")} & low  # a range alone keeps its ends (min and max)
    assert _one(article, "25").confidence == "high"  # "its 25 airports": a count the text does not list


def test_a_time_a_thing_takes_stands_at_the_articles_day():
    article = _article(
        "2026-02-02",
        "Horgos Port moved 41 million tons of goods in 2025. Rail imports now clear in 15 hours.",
        "The airport opened its first cargo route of the year this year; the flight takes about five hours.",
        title="Horgos cargo in 2025",
    )
    assert _one(article, "41 million tons").period == "2025"
    assert _one(article, "15 hours").period == "2026-02-02"
    assert _one(article, "about five hours").period == "2026-02-02"


def test_open_counts_since_an_event_and_counts_that_stand_in_the_present():
    article = _article(
        "2024-02-05",
        "Alashankou Port handled 6,000 China-Europe freight trains in 2023. Since it received its first train in "
        "2012, the port has seen over 40,000 freight trains go through.",
        "Crossings at the Jeminay port have passed 90,000 since checks restarted in June last year, an officer "
        "said in late January.",
        "The Kashgar airport in 2023 grew fast. The airport serves a total of 150 regular passenger routes, of "
        "which 140 are domestic routes and 10 are international routes.",
    )
    assert _one(article, "over 40,000").period == "../2024-02-05"  # from the event's day to the article's
    assert _one(article, "90,000").period == "../2024-01"  # to the month the figure was given
    assert _one(article, "150").period == "2024-02-05"  # "serves": a count that stands now
    assert _one(article, "140").period == "2024-02-05"  # a part of it, "of which"
    assert _one(article, "10").period == "2024-02-05"


def test_a_dateline_without_a_day_and_those_who_report_are_no_places_and_these_routes_are_both_ports():
    assert strip_dateline("KASHGAR -- Horgos grew.") == ("Horgos grew.", None)
    assert "Kashgar" not in without_organisations("Trade rose, the customs authorities of Kashgar said.")
    article = _article(
        "2025-11-02",
        "URUMQI -- Alashankou and Horgos have together handled more than 90,000 China-Europe freight trains, "
        "the customs authorities of Urumqi said.",
        "Alashankou now runs 120 train routes, and the Horgos railway port runs 80 such routes. "
        "These routes reach 25 countries.",
        title="Two railway ports pass 90,000 trains",
    )
    assert _one(article, "more than 90,000").entity_id == "alashankou-rail;horgos-rail"
    assert _one(article, "25").entity_id == "alashankou-rail;horgos-rail"
    assert _one(article, "25").flags.startswith("combined")


def test_a_year_to_a_written_day_and_a_target_by_the_end_of_a_plan_span():
    article = _article(
        "2025-01-08",
        "As of 3rd December 2024, Kashgar airport's passenger trips for the year had passed three million.",
        "By the end of the 15th Five-Year Plan period (2026-2030), the region expects to run 40 airports.",
    )
    assert _one(article, "three million").period == "2024-01-01/2024-12-03"
    assert _one(article, "40").period == "2030-12-31"


def test_the_zones_counted_in_a_period_stand_and_tonnes_of_imports_and_exports_are_cargo():
    article = _article(
        "2024-08-01",
        "In the first half of 2024, imports and exports passing through the region's ports reached 40.1 million tons.",
        "During the same period, the three bonded zones in Kashgar, Horgos and Urumqi traded 90.2 billion yuan, "
        "and the region traded with 190 countries and regions.",
    )
    assert _one(article, "40.1 million tons").metric == "cargo_throughput"
    assert _one(article, "three").period == "2024-08-01"
    assert _one(article, "90.2 billion yuan").period == "2024-01/2024-06"
    assert _one(article, "190").period == "2024-01/2024-06"


def test_a_named_firms_own_figures_are_doubted_a_firm_that_reports_is_not():
    article = _article(
        "2024-02-01",
        "Tianshan Airlines has opened new routes to ski resorts, serving more than 300,000 passengers.",
        "China Railway Urumqi Group said 5,200 freight trains crossed Alashankou in 2023.",
    )
    assert _one(article, "more than 300,000").confidence == "low"
    assert _one(article, "5,200").confidence == "high"


def test_an_efficiency_gain_is_named_by_what_got_more_efficient():
    article = _article(
        "2025-07-01",
        "New sidings have made the handling of freight trains at Alashankou 25 percent more efficient.",
        "At Horgos, automated gates have raised clearance efficiency by 70 percent.",
    )
    assert _one(article, "25 percent").metric == "train_efficiency_gain"
    gain = _one(article, "70 percent")
    assert (gain.metric, gain.new_metric) == ("clearance_efficiency_gain", True)


def test_a_busiest_day_or_a_single_day_makes_a_peak_rate():
    article = _article(
        "2024-09-01",
        "On the busiest day, the number of passengers through Khunjerab Pass went past a record 900.",
    )
    assert _one(article, "900").metric == "daily_passenger_peak"


def test_from_a_start_day_to_the_month_stated():
    article = _article(
        "2025-07-10",
        "Once the new terminal started operating on March 3, it handled 21,000 tonnes of cargo by May.",
    )
    assert _one(article, "21,000 tonnes").period == "2025-03-03/2025-05-31"


def test_a_total_the_ports_have_together_seen_with_no_period_is_a_running_total():
    article = _article(
        "2025-10-20",
        "Alashankou and Horgos have together seen more than 95,000 China-Europe freight trains pass through.",
        title="Railway ports pass a mark",
    )
    assert _one(article, "more than 95,000").period == "../2025-10-20"


def test_the_bar_a_class_of_places_passes_is_doubted():
    article = _article(
        "2024-01-10",
        "China has six hub airports with a yearly passenger throughput of over 10 million, Urumqi among them.",
        "Urumqi airport served over 12 million passengers in 2023, with an average of 300 flights a day.",
    )
    assert _one(article, "over 10 million").confidence == "low"
    assert _one(article, "over 12 million").confidence == "high"


def test_a_firms_story_goes_on_through_its_pronouns_in_the_paragraph():
    article = _article(
        "2025-02-10",
        "In Kashgar, Pamir Trading Co. runs a cold-chain line to Osh. Last year it shipped 2,100 tonnes of fruit. "
        "Its costs fell 30 percent after the change.",
        "It is a busy year for the port: Irkeshtam handled 1.2 million tonnes of cargo in 2024.",
    )
    assert _one(article, "2,100 tonnes").confidence == "low"
    assert _one(article, "30 percent").confidence == "low"
    assert _one(article, "1.2 million tonnes").confidence == "high"  # a new paragraph ends the story


# ---------------------------------------------------------------- rules learnt from sealed4 (a tuning set since then)


def test_figure_reader_scales_one_multiples_and_the_level_after_a_change():
    from geo.ingest.numbers import find_figures

    def read(sentence: str) -> list[tuple[str, str]]:
        return [(f.text_value, f.unit) for f in find_figures(sentence)]

    assert read("Nearly one million travellers used the crossing.") == [("1000000", "count")]
    assert read("Its flights went up by 12.5 percent to 3,210.") == [("12.5", "percent"), ("3210", "count")]
    assert read("Its share moved from 20 percent to 25.") == [("20", "percent"), ("25", "percent")]  # a pair
    assert read("Visits grew almost 3.2 times from the level of 2019.") == [("3.2", "times")]
    assert read("The bus runs four times a week.") == [("4", "count")]  # how often, not a multiple
    assert read("The checkpoint passed 900 trucks a day on June 3 and 4.") == [("900", "count")]


def test_period_phrases_the_past_year_two_days_and_a_holiday():
    past = _article("2025-03-15", "In the past year, some 12,000 Tajik drivers crossed at Karasu Port.")
    assert _one(past, "some 12,000").period == "2024-03-15/2025-03-15"
    days = _article("2025-06-20", "Khunjerab Port saw over 700 crossings a day on June 3 and 4 this year.")
    assert _one(days, "over 700").period == "2025-06-03/2025-06-04"
    holiday = _article(
        "2025-05-06",
        "Border ports across Xinjiang were crowded over the May Day holiday.",
        "As of Saturday, 30,000 people in total had crossed the region's ports, up 20 percent year on year.",
    )
    assert _one(holiday, "30,000").period == "2025-05-01/2025-05-03"  # the holiday, to the Saturday before
    assert _one(holiday, "20 percent").period == "2025-05-01/2025-05-03"


def test_an_as_of_day_compared_year_on_year_is_the_year_to_that_day():
    article = _article(
        "2025-08-02",
        "Cargo through Kashgar airport rose 80 percent year on year to 9,000 tonnes as of July 20.",
        "That is more than the airport handled in all of 2024.",
    )
    assert _one(article, "9,000 tonnes").period == "2025-01-01/2025-07-20"  # the latest July 20, from January 1
    assert _one(article, "80 percent").period == "2025-01-01/2025-07-20"


def test_parts_rates_and_event_days_are_not_running_totals():
    article = _article(
        "2025-04-09",
        "As of now, Kashgar airport has opened 20 cargo routes in total, five of them to Europe.",
        "Since the new rules came in, the port has handled over 90 trucks per day, an officer said.",
        "With a second airport in Hami starting operations on Tuesday, the number of civil airports in the "
        "region has risen to 30.",
    )
    assert _one(article, "five").period == _one(article, "20").period == "2025-04-09"
    assert _one(article, "over 90").period == "2025-04-09"  # a rate stands; it is no total since the rules came in
    assert _one(article, "30").period == "2025-04-09"  # not the Tuesday the airport opened


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


def test_milestones_elapsed_time_one_trips_load_and_round_the_clock_are_doubted():
    article = _article(
        "2025-05-20",
        "For the first time, cargo through Kashgar airport has gone past 20,000 tons this year. "
        "As of May 10, it stood at 20,350 tons.",
        "Passenger trips at Kashgar airport had passed two million for the first time as of May 1.",
        "The maiden flight, loaded with about 30 tonnes of fruit, landed in Almaty on Friday.",
        "Two years on, the scheme is thriving. Checks now take about two hours on average.",
        "Khunjerab Port works 24 hours a day in summer.",
    )
    assert _one(article, "20,000 tons").confidence == "low"  # the value that passed it, 20,350 tons, is the fact
    assert _one(article, "20,350 tons").confidence == "high"
    assert _one(article, "two million").confidence == "high"  # no value passed it: the milestone is all there is
    assert _one(article, "about 30 tonnes").confidence == "low"
    assert _one(article, "Two years").confidence == "low"
    assert _one(article, "about two hours").confidence == "high"
    assert _one(article, "24 hours").confidence == "low"


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


def test_later_quarters_halves_last_month_and_day_ranges():
    def period(published: str, sentence: str, figure: str) -> str:
        return _one(_article(published, sentence), figure).period

    assert period(
        "2025-10-20", "Bakhty Port handled 1.1 million tonnes in the third quarter.", "1.1 million tonnes"
    ) == ("2025-07/2025-09")
    assert period("2025-04-15", "In Q1, Kashgar airport served 900,000 passengers.", "900,000") == "2025-01/2025-03"
    half = _article("2025-03-01", "In the second half of last year, Alashankou Port handled 3,100 trains.")
    assert [c.figure.as_written for c in propose_candidates(half, "t", settings.DATA_DIR, "2025-03-01")] == ["3,100"]
    assert _one(half, "3,100").period == "2024-07/2024-12"
    assert period("2025-11-15", "Xinjiang's foreign trade reached 35 billion yuan last month.", "35 billion yuan") == (
        "2025-10"
    )
    assert period("2025-12-03", "From Jan. 1 to Nov. 30, Alashankou Port handled 7,200 trains.", "7,200") == (
        "2025-01-01/2025-11-30"
    )


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


def test_respectively_and_the_other_member_of_a_port_in_a_contrasting_clause():
    article = _article(
        "2025-09-02",
        "Horgos and Alashankou handled 6,000 and 5,000 trains, respectively, in the first eight months.",
        "Trucks at the Alashankou road port rose to 18,000 in August, while trains through the railway port reached 600.",
    )
    first, second = _one(article, "6,000"), _one(article, "5,000")
    assert (first.entity_id, second.entity_id) == ("horgos-rail", "alashankou-rail")
    assert first.metric == second.metric == "china_europe_trains"  # "6,000 and 5,000 trains": one counted noun
    assert (_one(article, "18,000").metric, _one(article, "600").metric) == ("vehicle_crossings", "china_europe_trains")
    assert (_one(article, "18,000").entity_id, _one(article, "600").entity_id) == ("alashankou-road", "alashankou-rail")


def test_directions_before_the_counted_noun_and_a_year_earlier_as_of_a_day():
    article = _article(
        "2025-09-02",
        "Horgos Port handled 9,876 inbound and outbound trains as of Aug. 31, up 4.3 percent from a year earlier.",
    )
    trains = _one(article, "9,876")
    assert (trains.metric, trains.period) == ("china_europe_trains", "2025-01-01/2025-08-31")


def test_one_named_persons_story_and_age_are_doubted():
    article = _article(
        "2025-09-02",
        "Trader Aliya Nur, 38, has crossed at Horgos 200 times and sells 5,000 yuan of goods a week.",
        "Horgos Port handled 1.2 million trips in August.",
    )
    for figure in ("38", "200", "5,000 yuan"):
        assert _one(article, figure).confidence == "low"
    assert _one(article, "1.2 million").confidence == "high"


def test_an_events_edition_containers_and_a_multiple_of_a_year_before():
    article = _article(
        "2025-09-02",
        "The 5th Silk Road Trade Fair opened in Kashgar on Friday, drawing 800 firms from 30 countries.",
        "Alashankou Port handled more than 20,000 TEUs in July.",
        "In 2024, Horgos Port handled 40 million tonnes of goods, 2.5 times the figure in 2019.",
    )
    assert _one(article, "800").confidence == _one(article, "30").confidence == "low"
    teu = _one(article, "more than 20,000 TEUs")
    assert (teu.figure.unit, teu.metric) == ("TEU", "container_throughput")
    multiple = _one(article, "2.5 times")
    assert (multiple.figure.unit, multiple.period) == ("times", "2024")  # 2019 is the year compared with


def test_plan_periods_decades_listed_years_and_a_value_a_year_before():
    def found(published: str, *paragraphs: str):
        article = _article(published, *paragraphs)
        return lambda figure: _one(article, figure)

    one = found(
        "2026-01-20", "During the 14th Five-Year Plan period, Xinjiang's trade grew 20 percent a year on average."
    )
    assert one("20 percent").period == "2021/2025"
    one = found("2025-09-02", "Over the past decade, Horgos Port has handled 60,000 trains.")
    assert one("60,000").period == "2015/2024"
    one = found("2025-09-02", "In 2023 and 2024, Bakhty Port handled 1.1 million and 1.3 million tonnes, respectively.")
    assert (one("1.1 million").figure.unit, one("1.1 million").period, one("1.3 million tonnes").period) == (
        "tonnes",
        "2023",
        "2024",
    )
    one = found(
        "2025-09-02",
        "Cargo at Bakhty Port totaled 2 million tonnes in the first eight months, compared with 1.6 million tonnes "
        "in the same period last year.",
        "The region now has 26 civil airports and plans to build five more by 2030.",
        "Horgos Port's passenger traffic in August hit 200,000, a monthly record, and its daily average was 6,500.",
    )
    assert one("1.6 million tonnes").period == "2024-01/2024-08"
    assert (one("26").period, one("five").period) == ("2025-09-02", "2030-12-31")
    assert not one("200,000").metric.startswith("daily")  # the daily average is the other figure's


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
    assert _one(article, "3.1 percent").metric == "tajikistan_trade_share"  # the partner the clause is about


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


def test_since_a_month_spans_that_frame_totals_brought_to_a_level():
    article = _article(
        "2025-11-02",
        "In the two years since it was set up, the pilot FTZ has registered 12,800 new enterprises.",
        "Kashgar airport has opened 5 new international routes since January, bringing the total to 21.",
    )
    assert _one(article, "two years").confidence == "low"
    assert _one(article, "5").period == "2025-01-01/2025-11-02"  # since January this year: to the article's day
    total = _one(article, "21")
    assert (total.metric, total.period) == ("intl_routes", "2025-11-02")


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


def test_a_month_alone_is_the_latest_one_and_a_compared_value_is_the_same_measure():
    article = _article(
        "2025-06-20",
        "ISLAMABAD, June 19 (APP) - Some 1,250 containers crossed Khunjerab Port in May, compared with 800 in April.",
        "In 2024, trade through the pass totaled $380 million.",
        "At Horgos Port, 2,000 trucks were cleared in May.",
    )
    may, april = _one(article, "Some 1,250"), _one(article, "800")
    assert (may.period, april.period) == ("2025-05", "2025-04")  # not 2024, the year another sentence names
    assert april.metric == may.metric
    assert _one(article, "2,000").entity_id == "horgos-road"  # "At Horgos Port" is the data's port


def test_a_person_who_tells_their_own_story_is_an_anecdote():
    article = _article(
        "2025-05-13",
        "A truck driver from Kazakhstan, Erlan, 41, said he crossed Bakhty Port 35 times last year.",
        "Bakhty Port handled 40,000 trucks last year, the station said.",
    )
    assert _one(article, "35").confidence == _one(article, "41").confidence == "low"
    assert _one(article, "40,000").confidence == "high"  # a station that says is no person's story


def test_a_month_follows_a_year_the_title_or_an_earlier_sentence_states():
    titled = _article(
        "2025-02-10", "In January, Bakhty Port handled 3,000 trucks.", title="Bakhty Port's 2024 in review"
    )
    assert _one(titled, "3,000").period == "2024-01"
    stated = _article(
        "2025-08-10",
        "Bakhty Port handled 40,000 trucks in 2024.",
        "In March, it handled 3,500 trucks.",
    )
    assert _one(stated, "3,500").period == "2024-03"
