"""An expo's figures: its own days, read from the text (its dates, or its length and a day), and what it counts."""

from __future__ import annotations

from datetime import date

from geo.ingest.fairs import fair_span
from tests.proposing import article, one


def _days(sentence: str) -> list[str]:
    """The days a sentence names, as the period reader gives them (only what these tests need)."""
    return {"At the expo, held from 20 to 25 September.": ["2016-09-20/2016-09-25"]}.get(sentence, [])


def test_a_fairs_span_from_its_dates_or_its_length_and_a_day():
    assert fair_span(["At the expo, held from 20 to 25 September."], _days, None) == "2016-09-20/2016-09-25"
    assert fair_span(["The expo ran for 6 days and came to a close on the 7th."], lambda s: ["2013-09-07"], None) == (
        "2013-09-02/2013-09-07"
    )
    # a weekday or "today" is counted from the news day; a length told of "the event" counts
    closed = ["The 4th expo closed on Saturday in Urumqi.", "13 forums were held during the six-day expo."]
    assert fair_span(closed, _days, date(2014, 9, 7)) == "2014-09-01/2014-09-06"
    opened = ["The trade expo opened today, Thursday.", "Talks run over the five days of the event."]
    assert fair_span(opened, _days, date(2023, 8, 17)) == "2023-08-17/2023-08-21"
    assert fair_span(["The expo closed on Saturday."], _days, date(2014, 9, 7)) == ""  # no length told


def test_an_expos_deals_and_exhibitors_are_counted_over_its_days_and_proposed_with_confidence():
    text = article(
        "2014-09-07",
        "Chinese companies signed export deals worth more than six billion dollars at the 4th China-Eurasia Expo, "
        "which closed on Saturday in Urumqi.",
        "The expo drew more than 1,300 companies from 60 countries.",
        "Contracts worth 287.5 billion yuan were signed between Chinese companies.",
        "In all, 13 forums were held during the six-day expo, which since 2011 has drawn 9,000 exhibitors.",
        title="The 4th China-Eurasia Expo closes",
    )
    for figure in ("more than six billion dollars", "more than 1,300", "287.5 billion yuan"):
        assert (one(text, figure).period, one(text, figure).confidence) == ("2014-09-01/2014-09-06", "high")
    assert one(text, "9,000").period.startswith("../")  # the editions' running total


def test_what_an_expo_counts_is_named_as_the_data_names_it_and_its_parts_keep_their_own_names():
    text = article(
        "2022-09-23",
        "The seventh China-Eurasia Expo closed on 22 September. During the expo 448 cooperation projects worth 1.17 "
        "trillion yuan were signed, 404 of them at the ceremony for major projects; 864 companies exhibited.",
        "The expo drew visitors from 50 countries and regions.",
        "Xinjiang, which hosted the expo, borders eight countries.",
    )
    assert [one(text, f).metric for f in ("448", "1.17 trillion yuan", "864", "50")] == [
        "expo_projects_signed",
        "expo_contract_value",
        "expo_exhibitors",
        "expo_countries",
    ]
    assert one(text, "404").metric != "expo_projects_signed"  # a part, named by the words around it
    assert one(text, "eight").metric != "expo_countries"  # the countries the region borders


def test_a_previews_days_an_earlier_editions_figures_and_the_fairs_city_are_not_the_fairs_own():
    preview = article(
        "2017-05-25",
        "The trade expo will run from 24 to 28 August in Urumqi.",
        "Among its participants are 36 countries along the Belt and Road, the expo's organisers said.",
    )
    assert one(preview, "36").period != "2017-08-24/2017-08-28"
    earlier = article(
        "2012-09-07",
        "The six-day second China-Eurasia Expo closed on Friday; 1,200 companies took part in the expo.",
        "The first China-Eurasia Expo, held in September 2011, saw 178 contracts signed.",
    )
    assert one(earlier, "1,200").period == "2012-09-02/2012-09-07"
    assert one(earlier, "178").period != "2012-09-02/2012-09-07"
    venue = article(
        "2014-09-07",
        "Companies signed deals worth 6 billion dollars at the 4th China-Eurasia Expo, which closed on Saturday in "
        "Urumqi.",
    )
    assert one(venue, "6 billion dollars").entity_id != "urumqi-airport"


def test_a_fair_named_after_a_city_the_data_lacks_is_that_citys_and_its_days_may_be_told_after_its_length():
    text = article(
        "2024-08-23",
        "The 14th China Xinjiang Kashgar - Central Asia and South Asia Commodity Fair closed on the 21st after five "
        "days.",
        "158 companies from 35 countries and 550 companies from inside and outside Xinjiang exhibited at the fair.",
        title="Xinjiang's Kashgar: the fair draws partners",
    )
    for figure in ("158", "550"):
        candidate = one(text, figure)
        assert (candidate.entity_id, candidate.period) == ("", "2024-08-17/2024-08-21"), figure
        assert "place not in the data: Kashgar (the city)" in candidate.flags
    # the region's expo, held in a city, stays the region's
    text = article(
        "2014-09-07",
        "The 4th China-Eurasia Expo closed on Saturday in Urumqi. The expo drew 1,300 companies from Xinjiang and 60 "
        "countries.",
    )
    assert one(text, "1,300").entity_id == "xinjiang"


def test_a_fair_held_in_the_regions_capital_is_the_regions_and_its_first_year_is_no_data_year():
    # sealed78/03: the Urumqi fair's traders and floor space, "first held in 1992"
    text = article(
        "2009-09-01",
        "The 19th Urumqi Fair opened on Tuesday.",
        "More than 520 foreign traders from 31 countries came to the fair.",
        "The fair, which runs until Saturday in Urumqi, covers 36 000 square metres.",
        "The yearly fair was first held in 1992.",
    )
    for figure in ("More than 520", "31", "36 000 square metres"):
        assert (one(text, figure).entity_id, one(text, figure).period[:4]) == ("xinjiang", "2009"), figure


def test_the_capital_named_as_the_subject_keeps_its_figures_at_the_expo():
    # sealed67/07: "Urumqi saw 40 projects signed ... on the sidelines of the China-Eurasia Expo"
    text = article(
        "2024-06-30",
        "Urumqi saw 41 projects worth 120 billion yuan signed at an event on the sidelines of the China-Eurasia Expo.",
    )
    assert one(text, "41").entity_id != "xinjiang"


def test_a_fair_that_opened_on_a_weekday_and_runs_until_another_spans_the_days_between():
    # sealed78/03: "opened on Tuesday, some two months after the riots of 5 July ... runs until Saturday"
    sentences = [
        "The 19th Urumqi Fair opened on Tuesday, two months after the floods of 5 July.",
        "The fair, which runs until Saturday in Urumqi, covers 36 000 square metres.",
    ]
    days = ["2009-07-05"]
    assert fair_span(sentences, lambda s: days if "July" in s else [], date(2009, 9, 1)) == "2009-09-01/2009-09-05"


def test_contracts_signed_so_far_at_an_expo_run_from_its_first_day_to_the_day_told():
    # sealed78/07: told on the expo's second day, "more than three times as much as at the last expo in 2018"
    text = article(
        "2022-09-20",
        "URUMQI, Sept. 20 (Xinhua) -- The total value of contracts signed at the seventh China-Eurasia Expo, held "
        "from 19 to 22 September in Urumqi, has already hit a record, the organiser said on Tuesday.",
        "So far contracts worth more than 950 billion yuan have been signed at the expo, more than three times as "
        "much as at the last expo in 2018.",
    )
    assert one(text, "more than 950 billion yuan").period == "2022-09-19/2022-09-20"
