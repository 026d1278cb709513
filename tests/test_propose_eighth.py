"""The eighth tuning's rules: datelines cut by a dash, customs offices named after a city, ..."""

from __future__ import annotations

from geo.ingest.article import strip_dateline
from geo.ingest.numbers import find_figures
from geo.ingest.organisations import without_organisations
from tests.proposing import article, one

PUBLISHED = "2025-06-10"


def test_a_dateline_joined_by_a_hyphen_or_a_spaced_dash_is_cut_off():
    assert strip_dateline("KASHGAR-In May the port grew.") == ("In May the port grew.", None)
    assert strip_dateline("ALMATY – The port grew.") == ("The port grew.", None)
    # a firm's name in capitals before a hyphen is no dateline
    assert strip_dateline("KTZ-Express ran 40 trains.") == ("KTZ-Express ran 40 trains.", None)


def test_a_city_in_a_hyphen_dateline_does_not_take_the_regions_figures():
    text = article(
        PUBLISHED,
        "URUMQI-In the first quarter of 2025, the foreign trade of the Xinjiang Uygur Autonomous Region rose "
        "20.5 percent to 90 billion yuan. Imports grew 3.1 percent to 11 billion yuan.",
    )
    assert one(text, "90 billion yuan").entity_id == "xinjiang"
    assert one(text, "11 billion yuan").entity_id == "xinjiang"


def test_a_customs_office_named_after_a_city_in_lower_case_is_who_speaks_not_where():
    assert "Urumqi" not in without_organisations("Urumqi customs said exports rose.")
    text = article(
        PUBLISHED,
        "In the first quarter of 2025 the foreign trade of the Xinjiang Uygur Autonomous Region grew.",
        "Urumqi customs said the region's exports came to 70 billion yuan in the first quarter of 2025.",
    )
    assert one(text, "70 billion yuan").entity_id == "xinjiang"


def test_vehicles_that_carry_cargo_cross_by_road_and_their_cargo_with_them():
    text = article(
        PUBLISHED,
        "About 500,000 vehicles passed through Horgos Port in 2024, carrying 3.2 million tonnes of goods.",
        "The port exported 300,000 vehicles in 2024.",
    )
    assert one(text, "About 500,000").entity_id == "horgos-road"
    # the cargo in the count's sentence, its own clause naming no mode: the same member
    assert one(text, "3.2 million tonnes").entity_id == "horgos-road"
    # vehicles exported are cargo, whichever mode carried them: the whole port
    assert one(text, "300,000").entity_id == "horgos"


def test_a_figure_whose_clause_names_its_own_mode_keeps_it():
    text = article(
        PUBLISHED,
        "Horgos saw 9,000 freight trains in 2024, and the road port's cargo passed 2 million tonnes in 2024.",
    )
    assert one(text, "9,000").entity_id == "horgos-rail"
    assert one(text, "2 million tonnes").entity_id == "horgos-road"


def test_the_year_a_multiple_is_stated_against_is_no_period():
    text = article(
        PUBLISHED,
        "In 2024 some 5,000 trucks crossed at Torugart, double the number of 2023, along with 300 buses.",
    )
    assert one(text, "300").period == "2024"


def test_a_multiple_stated_against_another_figure_is_a_figure_in_times():
    found = [
        (f.as_written, f.value, f.unit, f.qualifier)
        for f in find_figures("Car exports grew about fourfold, and wool trade reached twice that of 2023.")
    ]
    assert found == [("about fourfold", 4, "times", "nearly"), ("twice", 2, "times", "")]
    assert [(f.as_written, f.unit) for f in find_figures("A 1.5-fold rise came after the trade doubled.")] == [
        ("1.5-fold", "times")
    ]
    # a verb, a compound and how often are no multiple
    assert find_figures("Double-digit growth on the double-track line; checks twice a week.") == []


def test_a_number_joined_to_a_capitalised_name_or_a_year_of_history_is_no_figure():
    sentence = (
        "Since the COVID-19 pause an IL-76 freighter, bought in 1998, flew 12 times a week from a hub opened in 1881."
    )
    assert [(f.as_written, f.unit) for f in find_figures(sentence)] == [("12", "count")]
    # a time written with hyphens keeps its minutes; a count of 1,881 is a count
    assert [f.as_written for f in find_figures("a 7-hour-30-minute flight and 1,881 trucks")] == [
        "7-hour-30-minute",
        "1,881",
    ]


def test_the_size_of_a_class_a_port_is_one_of_is_the_regions_figure_a_few_ports_named_are_not():
    text = article(
        PUBLISHED,
        "Irkeshtam, one of Xinjiang's three land ports on the Tajikistan border, cleared cargo in May 2025.",
        "Trade grew at two major land ports in Xinjiang in May 2025. Irkeshtam and Torugart both saw more trucks.",
    )
    counted = one(text, "three")
    assert (counted.entity_id, counted.metric, counted.new_metric, counted.confidence) == (
        "xinjiang",
        "tajikistan_border_land_ports",
        True,
        "high",
    )
    assert one(text, "two").confidence == "low"


def test_the_size_of_a_class_stands_on_the_publication_date_whatever_period_its_sentence_names():
    text = article(
        PUBLISHED,
        "Irkeshtam, one of Xinjiang's three land ports on the Tajikistan border, cleared cargo in May 2025.",
    )
    assert one(text, "three").period == PUBLISHED


def test_that_day_is_the_day_named_before_in_the_latest_year_up_to_publication():
    text = article(
        PUBLISHED,
        "On May 3 a crane at Torugart lifted the first pallets across, and the port reopened after a pause that "
        "had lasted since April 2023. That day 12 trucks left with 200 tonnes of fruit.",
    )
    assert one(text, "12").period == "2025-05-03"
    assert one(text, "200 tonnes").period == "2025-05-03"


def test_a_register_at_the_end_of_a_month_is_a_level_on_its_last_day():
    text = article(
        PUBLISHED,
        "At the end of April 2025 Xinjiang had 9,120 registered logistics firms, 4.4 percent more than a year before.",
    )
    firms = one(text, "9,120")
    assert (firms.metric, firms.new_metric, firms.period) == ("registered_logistics_firms", True, "2025-04-30")
    assert one(text, "4.4 percent").period == "2025-04-30"


def test_per_cent_is_no_per_unit_rate():
    text = article(
        PUBLISHED,
        "In the first quarter of 2025 Xinjiang's exports came to 40 billion yuan. Its imports rose 12.5 per cent "
        "year on year to 3.1 billion yuan.",
    )
    assert one(text, "3.1 billion yuan").period == "2025-01/2025-03"


def test_a_share_in_the_present_tense_is_todays_not_the_period_before():
    text = article(
        PUBLISHED,
        "In the first five months of 2025 Horgos handled 3,100 freight trains.",
        "Trains through Horgos make up more than 20 percent of all such trains in China.",
    )
    assert one(text, "more than 20 percent").period == PUBLISHED


def test_a_body_named_after_the_region_that_runs_the_measure_stands_for_the_region():
    text = article(
        PUBLISHED,
        "A freighter left Urumqi airport for Almaty on Monday.",
        "Xinjiang Airport Group now operates 40 cargo routes that reach 18 countries.",
        "Urumqi airport handled 9,000 tonnes of cargo in May 2025, Xinjiang Airport Group said.",
    )
    assert one(text, "40").entity_id == "xinjiang"
    assert one(text, "18").entity_id == "xinjiang"
    # a body that only says the figure is a source, not the place
    assert one(text, "9,000 tonnes").entity_id == "urumqi-airport"


def test_a_speakers_own_goods_or_premises_and_a_quota_worth_a_sum_are_doubted():
    text = article(
        PUBLISHED,
        '"Half of the 12 trucks cleared in May 2025 were mine; 80 percent of my warehouse is full," a trader said.',
        '"Last week we sent dried apricots, 14 tons, our first order," he said of May 2025.',
        "Each visitor has a duty-free quota worth about 8,000 yuan a day at Horgos.",
    )
    assert one(text, "80 percent").confidence == "low"
    assert one(text, "14 tons").confidence == "low"
    assert one(text, "about 8,000 yuan").confidence == "low"


def test_a_city_that_names_several_data_places_is_its_airport_in_a_sentence_about_flying():
    text = article(
        PUBLISHED,
        "From Beijing the freighter needs 9 hours to Istanbul, but from Urumqi the flight takes 6 hours.",
        "Urumqi's bonded zone handled 3,000 tonnes of goods in May 2025.",
    )
    assert one(text, "6 hours").entity_id == "urumqi-airport"
    assert one(text, "3,000 tonnes").entity_id != "urumqi-airport"
