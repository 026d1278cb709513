"""The fifth tuning's structural rules: comparison bases, holidays, rates and states, counts in their own clause,
border crossings and borders named by their two countries."""

from __future__ import annotations

from geo.ingest.holidays import holiday_span, is_holiday_span
from tests.proposing import article as _article
from tests.proposing import one as _one


def test_a_year_compared_with_is_not_the_figures_period():
    article = _article(
        "2025-07-20",
        "Goods moved by the region's railways reached 6 million tons in the first half of this year.",
        "Shipments through Alashankou climbed 7% on last year, to 2.6 million tons.",
        "At Horgos the volume was 2.9 million tons, 12% more than last year.",
    )
    for figure in ("7%", "2.6 million tons", "2.9 million tons", "12%"):
        assert _one(article, figure).period == "2025-01/2025-06", figure


def test_a_holiday_named_is_its_days_off_that_year_and_over_the_holiday_refers_back():
    article = _article(
        "2024-02-20",
        "During the 2024 Spring Festival the airports of the region handled 800,000 passengers.",
        "Over the holiday Urumqi airport saw 3,100 takeoffs and landings.",
    )
    assert _one(article, "800,000").period == "2024-02-10/2024-02-17"
    assert _one(article, "3,100").period == "2024-02-10/2024-02-17"


def test_the_holiday_table_follows_each_years_notice_and_the_travel_rush_is_no_holiday():
    assert holiday_span("Spring Festival", 2025) == "2025-01-28/2025-02-04"
    assert holiday_span("Labor Day", 2023) == "2023-04-29/2023-05-03"
    assert holiday_span("National Day", 2025) == "2025-10-01/2025-10-08"  # joined with Mid-Autumn that year
    assert holiday_span("National Day", 2030) == "2030-10-01/2030-10-07"  # outside the table: the usual week
    assert holiday_span("Dragon Boat Festival", 2030) is None
    assert is_holiday_span("2026-02-15/2026-02-23") and not is_holiday_span("2026-02-15/2026-02-22")
    rush = _article(
        "2025-03-01", "During the Spring Festival travel rush the region's trains carried 2.1 million people."
    )
    assert _one(rush, "2.1 million").period != "2025-01-28/2025-02-04"


def test_rates_per_unit_figures_and_changes_stand_on_the_articles_day():
    article = _article(
        "2025-08-01",
        "Exports of cars through Horgos came to 40,000 from January to June this year.",
        "Since the zone was set up in 2023, customs has cut the export process from eight steps to three.",
        "A report finds that every truck can save 50 yuan in parking fees.",
        "The port clears about 900 trucks a day.",
    )
    assert _one(article, "40,000").period == "2025-01/2025-06"
    assert _one(article, "eight").period == "2025-08-01"  # not open-start from the zone's founding
    assert _one(article, "three").period == "2025-08-01"
    assert _one(article, "50 yuan").period == "2025-08-01"  # not January-June, stated for the exports before
    assert _one(article, "about 900").period == "2025-08-01"


def test_a_count_that_stands_in_its_own_clause_is_todays_whatever_the_sentence_dates():
    article = _article(
        "2024-11-30",
        "Over the past five years more than 30,000 freight trains have crossed Alashankou, on routes that reach "
        "19 countries.",
    )
    assert _one(article, "19").period == "2024-11-30"
    assert _one(article, "more than 30,000").period == "2019/2023"  # the sentence's span stays the trains'


def test_a_line_named_by_its_border_crossing_is_the_border_port():
    article = _article(
        "2024-06-10",
        "Freight through the Altynkol-Khorgos border crossing grew by 6% in the first five months, to 3.1 million "
        "tons. Transit within that rose 9%.",
        "Through the Dostyk station, 4.4 million tons passed in the same months. Exports were 1.2 million tons.",
    )
    assert _one(article, "3.1 million tons").entity_id == "horgos-rail"
    assert _one(article, "4.4 million tons").entity_id == "alashankou-rail"
    assert _one(article, "1.2 million tons").entity_id == "alashankou-rail"  # the line carried: its port


def test_a_border_named_by_its_two_countries_and_a_mode_is_all_its_ports_of_that_mode():
    article = _article(
        "2024-06-10",
        "Rail freight between China and Kazakhstan reached 7.7 million tons in the first five months. That was 9% "
        "more than a year earlier.",
        "Road freight between China and Pakistan came to 90,000 tons in the same months.",
        "Trade between China and Kazakhstan rose 4 percent.",
    )
    rail = _one(article, "7.7 million tons")
    assert rail.entity_id == "alashankou-rail;horgos-rail" and rail.flags.startswith("combined")
    assert _one(article, "9%").entity_id == "alashankou-rail;horgos-rail"  # the next sentence: the same ports
    assert _one(article, "90,000 tons").entity_id == "khunjerab"  # one road port faces Pakistan
    assert ";" not in _one(article, "4 percent").entity_id  # trade without a mode is no port's


def test_ports_named_together_without_a_mode_are_the_whole_ports_whatever_the_title():
    article = _article(
        "2024-10-20",
        "So far this year, 52,000 cars have been exported through the Horgos and Alashankou ports.",
        title="New freight train carries cars to Central Asia",
    )
    assert _one(article, "52,000").entity_id == "alashankou;horgos"


def test_a_title_about_rail_transport_makes_a_bare_port_its_railway_port():
    article = _article(
        "2024-06-10",
        "Khorgos handled 3.5 million tons in the first five months.",
        title="Rail transportation through Khorgos grows",
    )
    assert _one(article, "3.5 million tons").entity_id == "horgos-rail"
