"""The tenth tuning's rules: a trade is named by its partner's noun phrase; the time expression that governs a clause."""

from __future__ import annotations

from tests.proposing import article, one

PUBLISHED = "2024-06-10"


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


def test_an_as_of_day_ends_the_year_the_title_is_about():
    # published on a Wednesday: "Monday" is 2024-06-10, "Friday" 2024-06-07
    text = article(
        "2024-06-12",
        "As of Monday, the two railway ports had handled 4,200 China-Europe freight trains in all.",
        "Horgos Port has passed 2,100 trains, and its throughput reached 3.2 million tons up to Monday.",
        title="Xinjiang railway ports set a record in 2024",
    )
    assert one(text, "4,200").period == "2024-01-01/2024-06-10"
    assert one(text, "2,100").period == "2024-01-01/2024-06-10"
    assert one(text, "3.2 million tons").period == "2024-01-01/2024-06-10"


def test_a_day_after_a_sentence_about_this_year_ends_this_year_to_date():
    text = article(
        "2024-12-20",
        "Trade through the Torugart Pass has grown quickly this year. By December 9 the pass had seen 8,400 trucks.",
    )
    assert one(text, "8,400").period == "2024-01-01/2024-12-09"


def test_a_month_range_before_any_year_is_stated_is_the_latest_one_not_a_later_sentences_year():
    text = article(
        "2023-12-28",
        "Cargo through the Torugart port grew 40 percent to 900,000 tons from January to November.",
        "In October 2012 the port moved part of its work to a new site.",
    )
    assert one(text, "900,000 tons").period == "2023-01/2023-11"


def test_today_in_the_figures_clause_beats_the_year_of_the_figure_it_is_set_against():
    text = article(
        "2023-05-04",
        "The port sees 12 freight trains a day on average today, against a monthly average of 2.5 trains in 2013.",
    )
    assert one(text, "12").period == "2023-05-04"
    assert one(text, "2.5").period == "2013"


def test_the_time_a_clearance_now_takes_is_the_time_after_it_was_sped_up():
    text = article(
        PUBLISHED,
        "With a new scanner at the Torugart port, checking a lorry now takes just 4 minutes.",
        "Online filing means freight trains at Alashankou can leave the port in as little as 25 minutes.",
    )
    assert one(text, "4 minutes").metric == "clearance_time_after"
    assert one(text, "25 minutes").metric == "clearance_time_after"
