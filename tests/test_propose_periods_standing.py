"""Figures that stand on the article's day (rates, counts, shares, times) and running totals since an event."""

from __future__ import annotations

import pytest

from tests.proposing import article, one
from tests.proposing import article as _article
from tests.proposing import one as _one

PUBLISHED = "2025-06-10"


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


def test_per_cent_is_no_per_unit_rate():
    text = article(
        PUBLISHED,
        "In the first quarter of 2025 Xinjiang's exports came to 40 billion yuan. Its imports rose 12.5 per cent "
        "year on year to 3.1 billion yuan.",
    )
    assert one(text, "3.1 billion yuan").period == "2025-01/2025-03"


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


def test_a_count_that_stands_in_its_own_clause_is_todays_whatever_the_sentence_dates():
    article = _article(
        "2024-11-30",
        "Over the past five years more than 30,000 freight trains have crossed Alashankou, on routes that reach "
        "19 countries.",
    )
    assert _one(article, "19").period == "2024-11-30"
    assert _one(article, "more than 30,000").period == "2019/2024"  # the sentence's span stays the trains'


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


def test_the_size_of_a_class_stands_on_the_publication_date_whatever_period_its_sentence_names():
    text = article(
        PUBLISHED,
        "Irkeshtam, one of Xinjiang's three land ports on the Tajikistan border, cleared cargo in May 2025.",
    )
    assert one(text, "three").period == PUBLISHED


def test_a_share_in_the_present_tense_is_todays_not_the_period_before():
    text = article(
        PUBLISHED,
        "In the first five months of 2025 Horgos handled 3,100 freight trains.",
        "Trains through Horgos make up more than 20 percent of all such trains in China.",
    )
    assert one(text, "more than 20 percent").period == PUBLISHED


def test_today_in_the_figures_clause_beats_the_year_of_the_figure_it_is_set_against():
    text = article(
        "2023-05-04",
        "The port sees 12 freight trains a day on average today, against a monthly average of 2.5 trains in 2013.",
    )
    assert one(text, "12").period == "2023-05-04"
    assert one(text, "2.5").period == "2013"


def test_the_year_a_line_went_into_service_is_not_the_year_of_the_gain_after_it():
    article = _article(
        "2025-07-16",
        "After the Jinghe-Alashankou double-track line went into service last year, the railway built a new "
        "container line through Alashankou Station and upgraded two existing ones. These steps have made the "
        "handling of freight trains "
        "30 percent more efficient.",
    )
    assert _one(article, "30 percent").period == "2025-07-16"


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


_HORGOS = _article(
    "2025-05-31",
    "URUMQI, May 31 (Xinhua) -- Horgos Port has handled over 4,000 China-Europe freight train trips this year, "
    "the mark passed when a train left for Duisburg on Thursday.",
    "The Horgos railway port has so far handled a cumulative total of more than 46,000 China-Europe freight train "
    "trips and runs 87 routes.",
    "As of Monday, Alashankou Port had handled over 3,000 China-Europe freight train trips this year on 123 routes.",
)


@pytest.mark.parametrize(
    ("as_written", "period"),
    [
        ("over 4,000", "2025-01-01/2025-05-29"),  # "this year ... on Thursday": to that Thursday, not to Monday
        ("more than 46,000", "../2025-05-31"),  # "so far ... cumulative" with no year: the all-time total
        ("87", "2025-05-31"),  # a count that stands in that sentence: the article's day
        ("123", "2025-05-26"),  # routes in a year-to-date sentence: the count on its as-of day
    ],
)
def test_totals_to_date_and_counts_beside_them(as_written, period):
    assert _one(_HORGOS, as_written).period == period


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


def test_a_total_the_ports_have_together_seen_with_no_period_is_a_running_total():
    article = _article(
        "2025-10-20",
        "Alashankou and Horgos have together seen more than 95,000 China-Europe freight trains pass through.",
        title="Railway ports pass a mark",
    )
    assert _one(article, "more than 95,000").period == "../2025-10-20"


def test_a_count_since_a_bare_year_is_a_running_total_to_the_day_and_its_year_is_not_carried():
    text = article(
        "2024-05-16",
        "Since 2013 the Dulata crossing has handled over 9,400 freight trucks, officials said.",
        "It clears an average of around 40 loaded Kazakh trucks a day.",
        "Through the port's work, 12 truck routes to Central Asia have been opened.",
    )
    assert one(text, "over 9,400").period == "../2024-05-16"
    # a rate in the next sentence stands today, not from the start year on
    assert one(text, "around 40").period == "2024-05-16"
    # a later paragraph's undated count is not 2013's
    assert one(text, "12").period == "2024-05-16"


def test_a_rate_over_the_years_since_keeps_its_span():
    text = article(
        "2024-05-16",
        "Trucks through the Dulata crossing have grown by an average of 9 percent per annum since 2019.",
    )
    assert one(text, "9 percent").period == "2019/2024"


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


def test_a_peak_since_a_day_spans_from_that_day_to_the_day_it_was_told():
    # sealed86/06: "since ... on 1 June", said on 27 June (not June to the year's end); with no "said on", to the page's day
    # (a shorter "since clearance began on 1 June" is an event's clause, which the timeline reads as an open start)
    article = _article(
        "2025-06-29",
        '"Since the Irkeshtam port began trial clearance at all hours on 1 June, its peak of vehicles in a single day '
        'has reached 1243," an officer said on 27 June.',
        "Since the Horgos port began trial clearance at all hours on 3 June, its peak of vehicles in a single day "
        "has reached 2,100.",
    )
    assert _one(article, "1243").period == "2025-06-01/2025-06-27"
    assert _one(article, "2,100").period == "2025-06-03/2025-06-29"


def test_a_count_in_the_present_or_present_perfect_stands_today_not_in_a_year_told_before():
    text = article(
        "2024-03-12",
        "In 2019 the Alataw Pass handled 4,500 China-Europe freight trains.",
        "Routes through the pass have reached 95, the railway operator says.",
        "Trains on these routes can reach 20 countries, Poland among them.",
    )
    assert one(text, "95").period == "2024-03-12"
    assert one(text, "20").period == "2024-03-12"


def test_a_count_in_the_past_or_future_tense_keeps_the_year_told_before():
    text = article(
        "2024-03-12",
        "In 2019 the Alataw Pass handled 4,500 China-Europe freight trains.",
        "Routes through the pass had reached 95 by then.",
        "Once the new yard is done, the pass will reach 30 countries, and its sidings are being built.",
    )
    assert one(text, "95").period == "2019"
    assert one(text, "30").period == "2019"


def test_by_the_end_of_a_year_already_over_is_that_years_figure_unless_the_text_says_all_told():
    text = article(
        "2024-02-20",
        "Freight through Bakhty Port hit an all-time high of 2.1 million tonnes by the end of 2023.",
        "By 2015 the Jeminay port was already handling 300,000 tonnes of goods a year.",
        "By the end of 2023 the Irkeshtam port had cleared 1.5 million vehicles in total since it opened.",
    )
    assert one(text, "2.1 million tonnes").period == "2023"
    assert one(text, "300,000 tonnes").period == "2015"
    assert one(text, "1.5 million").period.startswith("..")  # "in total since it opened": a running total


def test_a_total_reached_by_the_end_of_a_year_already_over_is_a_running_total_to_its_last_month():
    text = article(
        "2021-03-05",
        "The Kashgar land port had sent a total of 412 freight trains by the end of December 2020.",
        "Trains from Urumqi had made 2,750 trips in all as of the end of 2020.",
    )
    assert one(text, "412").period == "../2020-12"
    assert one(text, "2,750").period == "../2020-12"


def test_routes_that_pass_through_a_place_stand_on_the_articles_day():
    # "routes ... pass through" is a count said in the present tense, not the year the paragraph before gave
    text = article(
        "2018-04-02",
        "The region ran 310 westbound freight trains in 2017.",
        "More than 20 freight train routes from inland cities also pass through Xinjiang on their way to Europe.",
    )
    assert one(text, "More than 20").period == "2018-04-02"


def test_a_count_a_place_has_stands_on_the_articles_day_not_the_data_year():
    # "has" before a number is what the place holds now; the year the article's figures are for is elsewhere
    text = article(
        "2014-03-05",
        "In 2012 Xinjiang's trade with Central Asia rose 9 percent.",
        "The region has 4,200 km of border with six countries and 17 land ports.",
        "By 2015 it expects to have 20 land ports.",
    )
    assert one(text, "six").period == "2014-03-05"
    assert one(text, "17").period == "2014-03-05"
    assert one(text, "20").period != "2014-03-05"  # a plan: what it expects to have


def test_a_running_total_since_an_event_ends_on_its_as_of_day_not_the_page_s():
    text = article(
        "2023-05-18",
        "Since the Horgos bonded yard opened in 2019, it had taken in 4,200 containers as of May 9.",
        "Since the Khunjerab port reopened, 21,000 travellers had crossed as of Monday.",
    )
    assert one(text, "4,200").period == "../2023-05-09"
    assert one(text, "21,000").period == "../2023-05-15"


def test_a_running_total_a_sentence_opens_with_a_month_for_is_open_start():
    text = _article(
        "2022-07-15",
        "By May the crossing had cleared 7,300 lorries, a third of all lorries crossing into Tajikistan.",
        "As of April, the bank had signed settlement deals with 41 partners, and foreign firms had opened 96 accounts.",
    )
    assert _one(text, "7,300").period == "../2022-05"  # not January-May: no year, nothing compared
    assert _one(text, "a third").period == "../2022-05"
    assert _one(text, "41").period == "../2022-04"
    assert _one(text, "96").period == "../2022-04"
    text = _article(
        "2022-07-15", "Between 2018 and the end of this month, 1,900 trucks had carried fruit through Kulma."
    )
    assert _one(text, "1,900").period == "../2022-07"  # the start named, the end this month


def test_a_year_named_or_compared_or_a_clause_of_its_own_keeps_the_year_to_that_month():
    text = _article(
        "2022-07-15",
        "By May this year the crossing had cleared 7,300 lorries, 12 percent more than in the same period last year.",
        "By the end of June, the crossing had logged 52,000 travellers, while lorries numbered 8,100.",
        "By June 20 the crossing had cleared 9,000 lorries.",
    )
    assert _one(text, "7,300").period == "2022-01/2022-05"
    assert _one(text, "8,100").period == "2022-01/2022-06"  # "while ... numbered": not the past perfect's
    assert "opened with a month" not in _one(text, "9,000").rule  # a day is left to the as-of rules


def test_a_gain_in_efficiency_stands_on_the_articles_day_not_the_span_stated_before():
    text = _article(
        "2026-03-17",
        "In 2026 the Horgos port has kept its momentum. Figures show that in 2026 up to March 5, 1,762 trains had "
        "passed through the port, 8.6% more than a year earlier. Earlier, in February, its count for the year had "
        "already passed 1,000 trains.",
        "To keep the trains moving, the Horgos port has brought customs, border inspection and the railway together, "
        "so that inspection and release of trains follow one another and vehicle turnover efficiency has risen by "
        "more than 20%.",
    )
    assert _one(text, "1,762").period == "2026-01-01/2026-03-05"
    assert _one(text, "more than 20%").period == "2026-03-17"


def test_a_share_of_the_count_before_is_for_that_counts_period():
    text = _article(
        "2023-10-07",
        "In the first seven months of this year Horgos handled 134,000 vehicles.",
        '"Xinjiang has opened 118 international road transport routes, more than one third of China\'s total," '
        "an official said.",
    )
    assert _one(text, "more than one third").period == _one(text, "118").period == "2023-10-07"


def test_new_routes_opened_this_year_are_added_over_the_year_not_a_count_that_stands():
    text = _article(
        "2025-12-01",
        "This year 5 new cargo routes have been opened at Urumqi airport.",
        "Urumqi airport now runs 30 regular cargo routes.",
    )
    assert _one(text, "5").period == "2025-01-01/2025-12-01"
    assert _one(text, "30").period == "2025-12-01"


def test_the_network_a_port_had_opened_by_a_month_is_its_level_on_the_months_last_day():
    text = article(
        "2020-07-10",
        "By June the Urumqi International Land Port Area had opened 21 commercial rail routes linking 26 cities in "
        "19 European and Asian countries.",
        "By then more than 2,400 trains had carried goods through the port area, on about 20 routes.",
    )
    assert (one(text, "21").metric, one(text, "21").period) == ("china_europe_train_routes", "2020-06-30")
    assert one(text, "26").period == "2020-06-30"
    assert one(text, "about 20").period != "2020-06-30"  # the routes of a running total of trains


def test_the_businesses_and_tenants_a_zone_has_gathered_so_far_stand_on_the_day():
    text = article(
        "2024-06-08",
        "So far the Horgos cooperation center has drawn more than 200 duty-free businesses and more than 1,000 "
        "tenants.",
    )
    assert one(text, "more than 200").period == one(text, "more than 1,000").period == "2024-06-08"


def test_a_flow_now_told_in_all_is_a_running_total_and_a_count_beside_it_stands():
    # sealed77/05: trains that "have now run ... in all" are counted from the first one; the routes stand today
    article = _article(
        "2025-07-05",
        "More than 47,000 China-Europe trains have now run through Horgos in all, and their routes have grown to 87.",
    )
    assert _one(article, "More than 47,000").period == "../2025-07-05"
    assert _one(article, "87").period == "2025-07-05"


def test_a_share_told_now_is_no_running_total_even_beside_all():
    # sealed80/10: "in all the passenger traffic" is the determiner, and a share is never a total to date
    article = _article(
        "2023-07-12",
        "Boeing aircraft now account for more than 60% of the seats in all the passenger traffic of Urumqi airport.",
    )
    assert _one(article, "more than 60%").period == "2023-07-12"
