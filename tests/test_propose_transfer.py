"""Rules of the fourth tuning, written for classes of sentence that recur on unseen sets (sentences our own)."""

from __future__ import annotations

from tests.proposing import article as _article
from tests.proposing import one as _one


def test_money_and_masses_the_project_does_not_use_are_doubted():
    article = _article(
        "2025-03-02",
        "A visitor to Horgos Port said she spent 120,000 Kazakh tenge on shoes.",
        "Tickets for the Alashankou museum cost 40 euros, and each parcel may weigh 30 kilograms.",
    )
    for written in ("120,000", "40", "30"):
        assert _one(article, written).confidence == "low", written


def test_a_bracket_restating_an_amount_in_dollars_is_a_conversion_whatever_the_first_currency():
    article = _article(
        "2025-03-02",
        "At Horgos Port a trader paid 50,000 Kazakh tenge (around 96.40 U.S. dollars) for the permit.",
    )
    assert _one(article, "around 96.40 U.S. dollars").confidence == "low"


def test_what_a_rule_allows_is_no_measure():
    article = _article(
        "2025-03-02",
        "At the Horgos cooperation center each shopper has a tax-free allowance of 6,000 yuan a day.",
        "Drivers at Alashankou Port face a weight limit of 49 tonnes per truck.",
    )
    assert _one(article, "6,000 yuan").confidence == "low"
    assert _one(article, "49 tonnes").confidence == "low"


def test_a_range_joined_by_to_has_no_one_value_but_a_change_from_one_to_another_does():
    article = _article(
        "2025-03-02",
        "Local shoppers make up 60 to 70 percent of the buyers at the Horgos cooperation center.",
        "Its share of e-commerce parcels rose from 30 percent to 45 percent in 2024.",
    )
    assert _one(article, "60").confidence == "low"
    assert _one(article, "70 percent").confidence == "low"
    assert _one(article, "45 percent").confidence == "high"


def test_a_named_firm_described_in_a_clause_and_the_company_are_one_firms_story():
    article = _article(
        "2025-03-02",
        "Kashgar Bright Textile Co, which makes shirts for Central Asian buyers, recently won orders for 40,000 shirts.",
        "Urumqi Sunfield Foods Co, which dries apricots, figs and raisins, has bought 900 tonnes of apricots.",
        "The company, which opened in May, has posted sales of 30 million yuan.",
    )
    for written in ("40,000", "900 tonnes", "30 million yuan"):
        assert _one(article, written).confidence == "low", written


def test_ranks_and_the_size_of_a_class_ranked_are_doubted_and_a_ranked_partners_trade_is_theirs():
    article = _article(
        "2025-03-02",
        "In 2024 the region's top two partners, Kazakhstan and Kyrgyzstan, saw trade grow 12.1% and 8.3% respectively.",
        "The Alashankou bonded zone rose from the bottom of over 150 zones in the country to 60th place.",
    )
    assert _one(article, "two").confidence == "low"
    assert _one(article, "over 150").confidence == "low"
    assert _one(article, "12.1%").metric == "kazakhstan_trade_growth_yoy"
    assert _one(article, "8.3%").metric == "kyrgyzstan_trade_growth_yoy"


def test_a_city_the_data_knows_only_by_its_airport_is_the_city_unless_the_sentence_is_about_flying():
    article = _article(
        "2025-03-02",
        "Kashgar's exports of farm produce reached 4.2 billion yuan in 2024.",
        "Kashgar prefecture now has road links with six neighbouring countries.",
        "Kashgar handled 2.3 million air passengers in 2024.",
    )
    for written in ("4.2 billion yuan", "six"):
        candidate = _one(article, written)
        assert candidate.entity_id == "" and "place not in the data: Kashgar" in candidate.flags, written
    assert _one(article, "2.3 million").entity_id == "kashgar-airport"


def test_a_year_written_right_after_a_figure_is_its_own_whatever_else_the_sentence_dates():
    article = _article(
        "2024-02-01",
        "Trade at the Kashgar bonded zone went from 300 million yuan (about 42 million U.S. dollars) in 2019 "
        "to 1.2 billion yuan in 2022, and it ranked higher from January to October 2023.",
    )
    assert _one(article, "300 million yuan").period == "2019"
    assert _one(article, "1.2 billion yuan").period == "2022"


def test_as_of_early_mid_or_late_a_month_is_that_month_of_this_year():
    article = _article("2025-08-10", "As of mid-July, Horgos Port had handled 5,000 freight trains this year.")
    assert _one(article, "5,000").period == "2025-01/2025-07"


def test_a_week_of_a_month_is_its_seven_days():
    article = _article("2025-03-20", "In the second week of March, Urumqi airport launched three international routes.")
    assert _one(article, "three").period == "2025-03-08/2025-03-14"


def test_the_period_after_a_part_of_it_is_the_whole_period_stated():
    article = _article(
        "2025-05-20",
        "In the first four months of 2025, Xinjiang's foreign trade rose 10 percent to 100 billion yuan. "
        "In April alone it came to 30 billion yuan.",
        "The region traded with 150 countries and regions in the period.",
    )
    assert _one(article, "30 billion yuan").period == "2025-04"
    assert _one(article, "150").period == "2025-01/2025-04"


def test_routes_added_are_routes_opened_and_routes_opened_in_total_are_the_network():
    article = _article(
        "2025-05-20",
        "Since January, Urumqi airport has added five international passenger and cargo routes.",
        "So far the airport has opened 20 international cargo routes in total.",
    )
    assert _one(article, "five").metric == "new_intl_routes"
    assert _one(article, "20").metric == "intl_cargo_routes"


def test_a_group_named_after_the_figures_clause_does_not_take_a_zone_named_before_it():
    article = _article(
        "2024-03-01",
        "The Urumqi Comprehensive Bonded Zone's trade came to 5 billion yuan in 2023, placing it above many of the "
        "bonded zones in China.",
    )
    assert _one(article, "5 billion yuan").entity_id == "cbz-urumqi"


def test_the_region_stays_the_subject_when_a_clause_describing_it_has_a_back_reference():
    article = _article(
        "2024-09-20",
        "Urumqi Diwopu International Airport opened a route to Baku this month.",
        "This year Xinjiang, which sits in the core area of the Silk Road, has added six international cargo routes.",
    )
    assert _one(article, "six").entity_id == "xinjiang"


def test_a_kind_of_place_named_for_the_first_time_is_the_datas_one_of_that_kind_at_the_place():
    article = _article(
        "2025-06-01",
        "Horgos Port is a busy land port on the Kazakh border.",
        "Beside the port lies the China-Kazakhstan Cooperation Centre, a 4.6 square kilometre trade zone.",
        "Last year the centre drew over eight million shoppers.",
    )
    assert _one(article, "4.6 square kilometre").entity_id == "icbc-horgos"
    assert _one(article, "over eight million").entity_id == "icbc-horgos"


def test_the_two_ports_after_an_aside_are_the_last_two_ports_named_and_this_figure_is_theirs():
    article = _article(
        "2024-07-10",
        "Horgos Port, a big railway hub, has handled 4,000 freight trains this year.",
        "Along with Alashankou, the other railway port of the region, the two ports handled over 8,000 freight trains "
        "as of late June.",
        "This figure is up 7 percent year on year, railway data show.",
    )
    combined = {"alashankou-rail", "horgos-rail"}
    assert set(_one(article, "over 8,000").entity_id.split(";")) == combined
    assert set(_one(article, "7 percent").entity_id.split(";")) == combined
    assert _one(article, "7 percent").period == _one(article, "over 8,000").period == "2024-01/2024-06"


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


def test_taking_the_number_to_a_figure_is_a_total_that_stands_unless_it_is_this_years():
    article = _article(
        "2025-11-20",
        "Since it opened in 2023, the Urumqi subzone has drawn 900 new enterprises, taking the number of registered "
        "firms to 2,400.",
        "A train left Horgos Port on Monday, taking the number of trains through the port this year to 7,000.",
    )
    total = _one(article, "2,400")
    assert (total.period, total.new_metric) == ("2025-11-20", True)
    assert _one(article, "7,000").period.startswith("2025-01-01/")


def test_a_time_with_no_mode_in_its_clause_takes_the_mode_its_sentence_clears():
    article = _article(
        "2025-06-01",
        "At Horgos Port, truck drivers now scan their papers at a kiosk, and the whole check takes about 20 minutes.",
    )
    assert _one(article, "about 20 minutes").entity_id == "horgos-road"


def test_the_margin_by_which_a_target_was_beaten_is_its_own_new_measure():
    article = _article(
        "2026-01-20",
        "The Urumqi subzone's trade reached 40 billion yuan in 2025, beating its yearly goal by 3.2 percent.",
    )
    candidate = _one(article, "3.2 percent")
    assert (candidate.metric, candidate.new_metric) == ("target_exceeded_by", True)


def test_a_growth_with_no_measure_in_its_sentence_is_the_growth_of_the_amount_before():
    article = _article(
        "2024-02-01",
        "Xinjiang's foreign trade came to 300 billion yuan in 2023. With a rise of 40% year on year, it led the country.",
    )
    assert _one(article, "40%").metric == "foreign_trade_growth_yoy"


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
