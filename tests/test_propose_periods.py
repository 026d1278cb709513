"""A figure's period: the time expression that governs it, years to date, as-of days, holidays, plans, targets."""

from __future__ import annotations

import pytest

from geo import settings
from geo.data.periods import same_days
from geo.ingest.holidays import holiday_span, is_holiday_span
from geo.ingest.propose import propose_candidates
from tests.proposing import article, one
from tests.proposing import article as _article
from tests.proposing import found as _found
from tests.proposing import one as _one

PUBLISHED = "2025-06-10"


def test_a_year_written_right_after_a_figure_is_its_own_whatever_else_the_sentence_dates():
    article = _article(
        "2024-02-01",
        "Trade at the Kashgar bonded zone went from 300 million yuan (about 42 million U.S. dollars) in 2019 "
        "to 1.2 billion yuan in 2022, and it ranked higher from January to October 2023.",
        "From 2021 to 2023 the Urumqi land port sent off 900 freight trains, with 250 trains in 2021.",
    )
    assert _one(article, "300 million yuan").period == "2019"
    assert _one(article, "1.2 billion yuan").period == "2022"
    assert _one(article, "250").period == "2021"  # the year after the noun the figure counts
    # sealed90/06: five words between, after a day named in the clause before
    crossing = _article(
        "2025-01-03",
        "Thursday 2 January was the first working day of 2025 at the Khunjerab crossing, which recorded more than "
        "60,000 passengers entering and leaving China in 2024.",
    )
    assert _one(crossing, "more than 60,000").period == "2024"


def test_a_year_compared_with_is_not_the_figures_period():
    article = _article(
        "2025-07-20",
        "Goods moved by the region's railways reached 6 million tons in the first half of this year.",
        "Shipments through Alashankou climbed 7% on last year, to 2.6 million tons.",
        "At Horgos the volume was 2.9 million tons, 12% more than last year.",
    )
    for figure in ("7%", "2.6 million tons", "2.9 million tons", "12%"):
        assert _one(article, figure).period == "2025-01/2025-06", figure
    # sealed95/03: a list of changes, then the year they are measured on
    article = _article(
        "2018-01-05",
        "In 2017 Xinjiang's airports handled 30 million passengers, cargo reached 188,000 tonnes and take-offs and "
        "landings 359,000, increases of 8.3%, 2.95% and 8.72% respectively on 2016.",
    )
    for figure in ("188,000 tonnes", "359,000", "8.3%", "8.72%"):
        assert _one(article, figure).period == "2017", figure


def test_so_far_opens_only_its_own_clause_and_a_share_of_an_earlier_years_total_is_the_year_so_far():
    # sealed73/04: two whole years, then this year's count so far and its share of last year's whole
    text = _article(
        "2018-08-31",
        "Alashankou railway port handled 1,350 trains in 2016 and 2,710 in 2017; in 2018 it has handled 2,655 so far, "
        "60.5% more than a year earlier and 97.9% of the whole of 2017's total.",
    )
    assert [_one(text, f).period for f in ("1,350", "2,710")] == ["2016", "2017"]
    assert [_one(text, f).period for f in ("2,655", "60.5%", "97.9%")] == ["2018-01/2018-08"] * 3


def test_the_period_figures_are_set_against_is_no_period():
    # sealed32/08: the months told first are the figures'; the harvest they are set against is the base
    article = _article(
        "2023-07-15",
        "Grain shipped from Kazakhstan to China from September 2022 to June 2023, set against the same measure for "
        "loading the 2021-2022 harvest, increased 4 times - to 1.1 million tons.",
    )
    assert _one(article, "1.1 million tons").period == "2022-09/2023-06"


def test_the_period_a_growth_rate_is_set_above_is_no_period():
    # sealed75/07: "14.2 points above that of January - September" compares with the shorter span
    article = _article(
        "2023-11-20",
        "Xinjiang's trade from January to October came to 287.33 billion yuan.",
        "Trade by foreign-funded companies grew 42.2%, a growth rate 14.2 points above that of January - September.",
    )
    assert _one(article, "42.2%").period == "2023-01/2023-10"


def test_a_part_of_an_earlier_year_a_rise_is_measured_on_is_no_period():
    text = article(
        "2024-04-07",
        "In the first quarter of this year 18,000 trips were made through Jeminay, up 267% on the first quarter of "
        "2019, and 900 trucks crossed, 40% more against the first half of 2023.",
    )
    assert one(text, "267%").period == "2024-01/2024-03"
    assert one(text, "40%").period == "2024-01/2024-03"
    months = article(
        "2015-04-20",
        "In January-March 2015 Xinjiang's foreign trade came to 18 billion yuan, 38% less than in January-March 2014.",
    )
    assert one(months, "38%").period == "2015-01/2015-03"


def test_the_year_a_multiple_is_stated_against_is_no_period():
    text = article(
        PUBLISHED,
        "In 2024 some 5,000 trucks crossed at Torugart, double the number of 2023, along with 300 buses.",
    )
    assert one(text, "300").period == "2024"


@pytest.mark.parametrize(
    ("article", "as_written", "period"),
    [
        (  # a year in the figure's clause beats "now" elsewhere in the sentence
            _article(
                "2026-01-28",
                "Urumqi airport now runs 37 international cargo routes, and its cargo throughput jumped "
                "152.2 percent year on year in 2025.",
            ),
            "152.2 percent",
            "2025",
        ),
        (  # "in just over two months of its opening": counted since the opening, to the article's day
            _article(
                "2024-02-02",
                "The pilot FTZ drew more than 2,000 new business entities in just over two months of its opening.",
            ),  # fmt: skip
            "more than 2,000",
            "../2024-02-02",
        ),
        (  # this year's count so far, though no perfect tense says so; a year compared with is not its year
            _article(
                "2025-10-31",
                "URUMQI, Oct. 29 (Xinhua) -- Earlier this week a train left Horgos Railway Port for Poland, taking "
                "the number of such trains through the port this year to over 8,000, 40 days sooner than the same "
                "mark was reached in 2024.",
            ),
            "over 8,000",
            "2025-01-01/2025-10-29",
        ),
    ],
    ids=["year-beats-now", "months-of-its-opening", "this-year-so-far"],
)
def test_more_periods(article, as_written, period):
    assert _one(article, as_written).period == period


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
    # sealed95/01: the month named with its word, "In the month of March alone", is that month, not the quarter before
    article = _article(
        "2021-04-01",
        "The region's imports and exports came to 27.45 billion yuan in the first quarter of this year.",
        "In the month of March alone, they came to 10.34 billion yuan.",
    )
    assert _one(article, "10.34 billion yuan").period == "2021-03"
    # sealed99/03: "in the single month of October" too
    article = _article(
        "2019-12-05",
        "In January-October the region's trade came to 131.46 billion yuan.",
        "Trade in the single month of October totalled 21.04 billion yuan.",
    )
    assert _one(article, "21.04 billion yuan").period == "2019-10"


def test_a_month_range_before_any_year_is_stated_is_the_latest_one_not_a_later_sentences_year():
    text = article(
        "2023-12-28",
        "Cargo through the Torugart port grew 40 percent to 900,000 tons from January to November.",
        "In October 2012 the port moved part of its work to a new site.",
    )
    assert one(text, "900,000 tons").period == "2023-01/2023-11"


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
        "2025-01/2025-11"  # whole months, written as months
    )


def test_the_period_after_a_part_of_it_is_the_whole_period_stated():
    article = _article(
        "2025-05-20",
        "In the first four months of 2025, Xinjiang's foreign trade rose 10 percent to 100 billion yuan. "
        "In April alone it came to 30 billion yuan.",
        "The region traded with 150 countries and regions in the period.",
    )
    assert _one(article, "30 billion yuan").period == "2025-04"
    assert _one(article, "150").period == "2025-01/2025-04"


def test_a_week_of_a_month_is_its_seven_days():
    article = _article("2025-03-20", "In the second week of March, Urumqi airport launched three international routes.")
    assert _one(article, "three").period == "2025-03-08/2025-03-14"


_PLAN = _article(
    "2026-01-24",
    "Over the 14th Five-Year Plan period (2021-25), the region's total foreign trade topped 1.71 trillion yuan, "
    "144.3 percent more than in the five years before.",
    "Over the past five years, more than half of all China-Europe freight trains left China via Xinjiang.",
)


def test_year_spans_written_short_or_counted_back_are_periods_not_figures():
    found = _found(_PLAN)
    assert found["1.71 trillion yuan"][0].period == "2021/2025"  # "(2021-25)"
    assert found["more than half"][0].period == "2021/2025"  # the past five years of a 2026 article
    # neither the plan's name, the year "25" nor "the five years before" is a figure
    assert not {"Five-Year", "25", "five years"} & {w for w, cs in found.items() if cs[0].confidence == "high"}


def test_what_had_been_counted_that_year_by_a_day_is_the_year_to_that_day():
    article = _article(
        "2025-11-12",
        "On 8 November 2025 the travellers the Bakhty port had checked in and out that year reached 161497.",
    )
    assert _one(article, "161497").period == "2025-01-01/2025-11-08"


def test_the_months_a_share_is_compared_with_are_not_its_period():
    article = _article(
        "2022-12-16",
        "In the first 11 months Xinjiang's trade came to 219.4 billion yuan.",
        "The 4 comprehensive bonded zones traded 71.48 billion yuan, or 32.6% of the region's trade in the same "
        "period, a share 2.5 percentage points larger than in the first three quarters.",
    )
    for written in ("71.48 billion yuan", "32.6%", "2.5 percentage points"):
        assert _one(article, written).period == "2022-01/2022-11", written


def test_plan_periods_decades_listed_years_and_a_value_a_year_before():
    def found(published: str, *paragraphs: str):
        article = _article(published, *paragraphs)
        return lambda figure: _one(article, figure)

    one = found(
        "2026-01-20", "During the 14th Five-Year Plan period, Xinjiang's trade grew 20 percent a year on average."
    )
    assert one("20 percent").period == "2021/2025"
    one = found("2025-09-02", "Over the past decade, Horgos Port has handled 60,000 trains.")
    assert one("60,000").period == "2015/2025"  # September: the article's year is reckoned with the decade
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
    assert (one("26").period, one("five").period) == ("2025-09-02", "2030")  # "by 2030": the year, as golds code it
    assert not one("200,000").metric.startswith("daily")  # the daily average is the other figure's


@pytest.mark.parametrize(
    ("published", "span"),
    [
        ("2024-11-20", "2019/2024"),  # late in the year: the year so far is part of "the past five years"
        ("2024-07-01", "2019/2024"),
        ("2024-02-15", "2019/2023"),  # a review early in the year: the five years up to the last one
    ],
)
def test_the_past_years_run_to_the_articles_year_once_a_quarter_of_it_has_passed(published, span):
    article = _article(published, "In the past five years, Bakhty Port has opened 12 new freight lines.")
    assert _one(article, "12").period == span
    decade = _article(published, "Over the past decade, companies from the region have set up 9 parks abroad.")
    assert _one(decade, "9").period == f"{int(span[:4]) - 5}/{span[5:]}"


def test_since_a_part_of_the_year_began_runs_from_its_first_day_to_the_day_told():
    text = _article(
        "2025-03-20",
        "Since the first quarter began, Bakhty Port has cleared 9,100 vehicles.",
        "Since the second half began, Dulata Port has handled 3,000 tonnes.",
    )
    assert _one(text, "9,100").period == "2025-01-01/2025-03-20"
    # a part of the year not yet begun on the day told is that part, as written (no day to cut it at)
    assert _one(text, "3,000 tonnes").period != "2025-07-01/2025-03-20"


def test_a_since_that_dates_the_record_a_figure_beats_is_no_open_start():
    text = _article(
        "2024-05-08",
        "On May 5, Kashgar airport saw 23,400 passengers, its busiest day since the new terminal opened.",
        "On Saturday the Torugart port cleared 610 trucks, the highest daily figure since 2019.",
        "Since it reopened in 2023, the Torugart port has cleared 150,000 trucks.",
    )
    assert _one(text, "23,400").period == "2024-05-05"
    assert _one(text, "610").period == "2024-05-04"
    assert _one(text, "150,000").period.startswith("..")  # a running total since the reopening stays open-start


def test_a_month_alone_after_a_since_clause_is_that_month():
    # sealed79/10: "since the office moved" sets the scene; "in December 2023 alone" is the month's own count
    text = _article(
        "2024-01-22",
        "Since the mail office moved to the airport zone, mail has surged: in December 2023 alone Urumqi airport "
        "handled 606,232 mail items, up 25.2% year on year.",
    )
    assert _one(text, "606,232").period == "2023-12"
    assert _one(text, "25.2%").period == "2023-12"


def test_a_record_so_far_and_firms_newly_set_up_in_a_year_keep_their_own_periods():
    # sealed79/11: "the highest level so far" ranks the day, it totals nothing from it; sealed80/11: firms newly set
    # up in 2025 are counted over 2025, the setting-up is no event that dates something else
    text = _article(
        "2026-02-06",
        "On August 3 the airports handled more than 180,000 passengers in a day, the highest level so far.",
        "Foreign-invested enterprises newly set up in Xinjiang in 2025 were 21.97% more than the year before.",
    )
    assert _one(text, "more than 180,000").period == "2025-08-03"
    assert _one(text, "21.97%").period == "2025"


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


def test_a_holiday_named_is_its_days_off_that_year_and_over_the_holiday_refers_back():
    article = _article(
        "2024-02-20",
        "During the 2024 Spring Festival the airports of the region handled 800,000 passengers.",
        "Over the holiday Urumqi airport saw 3,100 takeoffs and landings.",
    )
    assert _one(article, "800,000").period == "2024-02-10/2024-02-17"
    assert _one(article, "3,100").period == "2024-02-10/2024-02-17"


def test_a_sentence_without_figures_that_names_the_holiday_again_dates_the_flows_after_it():
    # sealed85/07: not the travel season the paragraph before counted from
    article = _article(
        "2025-02-06",
        "Over the 2025 Spring Festival holiday Urumqi airport handled 552,600 passenger trips.",
        "Since the Spring Festival travel season began on 14 January, passenger numbers have risen fast; on many days "
        "more than 70,000 passengers a day passed through.",
        '"Over the Spring Festival holiday Urumqi airport made full use of its route network," said an official. '
        "Routes to Beijing and Shanghai stayed busy throughout, carrying 181,300 passenger trips in all.",
    )
    assert _one(article, "181,300").period == "2025-01-28/2025-02-04"


def test_a_holiday_named_in_quotation_marks_is_still_its_days_off():
    # sealed75/06: 'this year's "May Day" holiday' was read as the year so far
    text = _article(
        "2023-05-06",
        'Horgos received 90,500 visits over this year\'s "May Day" holiday, up 120.5% year on year.',
        "Over \u201cMay Day\u201d the city's shops sold 12,000 items.",
    )
    assert [_one(text, f).period for f in ("90,500", "120.5%", "12,000")] == ["2023-04-29/2023-05-03"] * 3


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


def test_from_the_start_of_the_year_to_a_day_is_the_year_to_that_day():
    text = article(
        "2024-06-10",
        "From the start of the year to May 20, the Horgos railway port handled 2,900 freight trains.",
    )
    assert one(text, "2,900").period == "2024-01-01/2024-05-20"


@pytest.mark.parametrize(
    "span",
    [
        "From 12 June 2021 to 8 April 2023",
        "From June 12, 2021, when the first bus crossed the border, to April 8, 2023",
    ],
)
def test_from_one_dated_day_to_another_even_across_a_clause_is_that_span(span):
    text = article("2023-06-17", f"{span}, 39625 passengers used the Torugart road port.")
    assert one(text, "39625").period == "2021-06-12/2023-04-08"


def test_from_a_start_day_to_the_month_stated():
    article = _article(
        "2025-07-10",
        "Once the new terminal started operating on March 3, it handled 21,000 tonnes of cargo by May.",
    )
    assert _one(article, "21,000 tonnes").period == "2025-03-03/2025-05-31"


def test_a_year_to_a_written_day_and_a_target_by_the_end_of_a_plan_span():
    article = _article(
        "2025-01-08",
        "As of 3rd December 2024, Kashgar airport's passenger trips for the year had passed three million.",
        "By the end of the 15th Five-Year Plan period (2026-2030), the region expects to run 40 airports.",
    )
    assert _one(article, "three million").period == "2024-01-01/2024-12-03"
    assert _one(article, "40").period == "2030-12-31"


def test_as_of_early_mid_or_late_a_month_is_that_month_of_this_year():
    article = _article("2025-08-10", "As of mid-July, Horgos Port had handled 5,000 freight trains this year.")
    assert _one(article, "5,000").period == "2025-01/2025-07"


def test_an_as_of_day_compared_year_on_year_is_the_year_to_that_day():
    article = _article(
        "2025-08-02",
        "Cargo through Kashgar airport rose 80 percent year on year to 9,000 tonnes as of July 20.",
        "That is more than the airport handled in all of 2024.",
    )
    assert _one(article, "9,000 tonnes").period == "2025-01-01/2025-07-20"  # the latest July 20, from January 1
    assert _one(article, "80 percent").period == "2025-01-01/2025-07-20"


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


def test_a_day_in_the_reporting_clause_is_the_news_day_not_the_figures():
    text = article(
        "2023-04-20",
        "The regional customs said on April 19 that Xinjiang's foreign trade reached 51.6 billion yuan in the first "
        "three months of this year, up 22.1 percent year on year.",
        "Kazakhstan was the largest trading partner in the period, with 14.3 billion yuan in trade.",
    )
    assert one(text, "51.6 billion yuan").period == "2023-01/2023-03"
    assert one(text, "22.1 percent").period == "2023-01/2023-03"
    assert one(text, "14.3 billion yuan").period == "2023-01/2023-03"


@pytest.mark.parametrize(
    ("article", "as_written", "period"),
    [
        (  # "said on Monday": the day of the news; a count that stands takes the article's day
            _article(
                "2025-07-22",
                "URUMQI, July 21 (Xinhua) -- Xinjiang Airport Group said on Monday that Urumqi Tianshan "
                "International Airport has widened its international cargo network to 34 flights.",
            ),
            "34",
            "2025-07-22",
        ),
        (  # a target "by the end of the year" is for the year's last day
            _article("2025-07-22", "The airport aims to run 40 cargo routes by the end of the year."),
            "40",
            "2025-12-31",
        ),
        (
            _article("2024-08-09", "The region aims to raise the number of civil airports to 40 by the end of 2027."),
            "40",
            "2027-12-31",
        ),
        (  # "by 2031" with no "end of": the golds code the year (sealed22, 28, 30, 32), not its last day
            _article("2016-03-01", "Officials expect that by 2031 the prefecture will run 14 airports."),
            "14",
            "2031",
        ),
    ],
    ids=["said-on-monday", "target-this-year", "target-by-the-end-of-a-year", "target-by-a-bare-year"],
)
def test_news_days_and_targets(article, as_written, period):
    assert _one(article, as_written).period == period


def test_a_month_of_last_year_named_as_the_base_of_a_change_is_not_the_figures_period():
    text = _article(
        "2024-02-06",
        "Trains through Horgos Port numbered 530 in January, a rise of 12 percent on January 2023. "
        "Trains through Alashankou came to 470, 9 percent more than January 2023.",
    )
    assert _one(text, "12 percent").period == "2024-01"
    assert _one(text, "470").period == "2024-01"
    assert _one(text, "9 percent").period == "2024-01"


def test_a_months_own_figures_written_with_its_possessive_take_that_month():
    text = _article("2025-03-04", "February's freight through Alashankou came to 1.9 million tonnes.")
    assert _one(text, "1.9 million tonnes").period == "2025-02"


def test_an_as_of_weekday_with_a_change_on_the_year_before_is_the_year_to_that_day():
    # the dateline's Saturday makes "as of Thursday" December 5; no "this year" in the sentence or its paragraph
    text = _article(
        "2024-12-09",
        "URUMQI, Dec. 7 (Xinhua) -- Cargo moved by rail in the region has grown, the railway operator said.",
        "Grain is among the main goods. As of Thursday, 8.2 million tonnes of grain had been carried, "
        "up 6.1 percent year on year.",
    )
    assert _one(text, "8.2 million tonnes").period == "2024-01-01/2024-12-05"
    assert _one(text, "6.1 percent").period == "2024-01-01/2024-12-05"


def test_as_of_december_on_a_page_of_that_december_is_the_months_so_far_which_are_the_year_s_days():
    # January to December covers the year's days, so it is written as the year (periods.shortest)
    text = _article(
        "2024-12-12",
        "As of December 2024 the Dulata port had seen 88,000 passengers, a rise of 40% on the year before.",
    )
    assert _one(text, "88,000").period == "2024"
    assert _one(text, "40%").period == "2024"
    # read after the year is over, "by the end of December" is the whole year
    later = _article("2025-01-20", "By the end of December 2024 the Dulata port had seen 95,000 passengers.")
    assert _one(later, "95,000").period == "2024"


def test_a_part_of_a_year_followed_by_this_year_without_of_is_that_years_part():
    # a running count since an earlier year comes first: "this year" still means the page's year
    text = _article(
        "2024-05-02",
        "Trains have run through the pass since 2013. The port handled 1,210 trains in the first quarter this year, "
        "and 3,900 in the first five months last year.",
    )
    assert _one(text, "1,210").period == "2024-01/2024-03"
    assert _one(text, "3,900").period == "2023-01/2023-05"


def test_till_a_month_this_year_is_the_year_to_that_month():
    text = _article("2024-07-02", "Freight trains through Horgos rose by 12.5 per cent till May this year, to 3,100.")
    assert _one(text, "12.5 per cent").period == "2024-01/2024-05"
    assert _one(text, "3,100").period == "2024-01/2024-05"


def test_months_of_a_year_without_first_are_its_first_months_and_carry_to_the_same_period_after():
    text = _article(
        "2024-08-20",
        "In six months of 2024 some 3,100 trains went through Horgos, 12% more than in the same period last year.",
        "Overall, the two rail ports handled 9,000 trains, 8% more than in the same period last year.",
    )
    assert _one(text, "some 3,100").period == "2024-01/2024-06"
    assert _one(text, "9,000").period == "2024-01/2024-06"
    assert _one(text, "8%").period == "2024-01/2024-06"
    # sealed89/08: a sentence that opens on "In the 11 months," means the year's first eleven
    text = _article("2019-12-29", "In the 11 months, cargo at the Khunjerab Pass came to 66,600 tonnes.")
    assert _one(text, "66,600 tonnes").period == "2019-01/2019-11"


@pytest.mark.parametrize(
    ("paragraphs", "as_written", "period"),
    [
        (  # no day of its own: a reprint's page date ends it, not the dispatch's dateline the day before
            (
                "URUMQI, April 8 (Xinhua) -- Torugart Port has cleared 41,000 tonnes of goods since the start of this "
                "year, the port's customs say.",
            ),
            "41,000 tonnes",
            "2023-01-01/2023-04-09",
        ),
        (  # "said on Thursday" anchors it to the dispatch's week
            (
                "URUMQI, April 8 (Xinhua) -- So far this year Torugart Port has cleared 41,000 tonnes of goods, the "
                "port's customs said on Thursday.",
            ),
            "41,000 tonnes",
            "2023-01-01/2023-04-06",
        ),
        (  # "earlier this week": the dispatch's day
            (
                "URUMQI, April 8 (Xinhua) -- Earlier this week a freight train left Horgos Railway Port for Hungary, "
                "taking the number of such trains through the port this year to 2,150.",
            ),
            "2,150",
            "2023-01-01/2023-04-08",
        ),
        (  # a day of the news before the as-of day: the as-of day ends it
            (
                "Reporters heard from the port's customs on April 8 that as of April 7, the goods exported through "
                "Torugart Port in 2023 had passed 41,000 tonnes, up 38% year on year.",
            ),
            "41,000 tonnes",
            "2023-01-01/2023-04-07",
        ),
    ],
)
def test_the_day_a_year_to_date_runs_to(paragraphs, as_written, period):
    assert one(article("2023-04-09", *paragraphs), as_written).period == period


def test_an_as_of_day_later_in_the_year_than_the_page_ends_the_year_before():
    # a January page: "as of December 15" can only be last year's, so "this year" is the year that day ends
    text = _article(
        "2024-01-20",
        "As of December 15, the Alashankou railway port had handled 9,400 freight trains this year.",
    )
    assert _one(text, "9,400").period == "2023-01-01/2023-12-15"
    # a day already past on the page keeps the page's year
    later = _article("2024-08-20", "As of August 15, Alashankou had handled 5,100 freight trains this year.")
    assert _one(later, "5,100").period == "2024-01-01/2024-08-15"


def test_a_count_of_days_of_a_month_is_its_first_days():
    article = _article(
        "2016-02-03",
        "In the 20 days of January, Horgos handled 120,000 tons of cargo.",
        "Alataw Pass cleared 300,000 parcels in only 17 days of March 2015.",
    )
    assert _one(article, "120,000 tons").period == "2016-01-01/2016-01-20"  # not the article's day
    assert _one(article, "300,000").period == "2015-03-01/2015-03-17"


@pytest.mark.parametrize(("published", "expected"), [("2023-12-11", "2023-12-08"), ("2024-01-05", "2023-12-08")])
def test_as_of_the_nth_is_that_day_of_the_dispatchs_month_or_the_month_before(published, expected):
    # sealed46/05: "as of the 8th" in a dispatch of December 10; a day still to come is last month's
    text = article(
        published,
        "China News Service, Qinghe, Xinjiang, December 10 (Liu Jinrui) -- Reporters learned from Takeshiken port "
        "that as of the 8th, 2,660,000 tonnes of goods had been imported and exported through the port.",
    )
    assert one(text, "2,660,000 tonnes").period.endswith(expected)


def test_by_the_nth_of_this_month_after_since_the_start_of_this_year_is_the_year_to_that_day():
    # "this month" there names the day's month, not the month's own figures
    text = article(
        "2024-04-11",
        "Since the start of this year, the Laoyemiao border inspection station has eased clearance. By the 1st of "
        "this month people had crossed in and out 9506 times, 96.5% more than a year earlier.",
    )
    for figure in ("9506", "96.5%"):
        assert one(text, figure).period == "2024-01-01/2024-04-01", figure


def test_as_of_a_day_written_before_its_month_ends_the_year_so_far():
    # sealed48/03: "As of 21 March this year" was read as the whole year
    text = article(
        "2023-03-23",
        "As of 21 March this year, 54 000 people and 17 000 vehicles had entered or left through the Korgas border.",
    )
    assert one(text, "54 000").period == "2023-01-01/2023-03-21"


@pytest.mark.parametrize(
    ("sentence", "figure", "period"),
    [
        ("On 15 January the port handled 2,000 trucks.", "2,000", "2024-01-15"),
        (
            "From 1 to 15 January, more than 190,000 people crossed at Horgos.",
            "more than 190,000",
            "2024-01-01/2024-01-15",
        ),
        ("From 1 January to 15 January, 190,000 people crossed at Horgos.", "190,000", "2024-01-01/2024-01-15"),
        # the first month with no day: from its first day
        (
            "From January to March 10 this year, people crossed at Jeminay more than 14,500 times.",
            "more than 14,500",
            "2024-01-01/2024-03-10",
        ),
    ],
)
def test_days_written_before_their_month_are_periods_not_figures(sentence, figure, period):
    # British and translated pages write the day first: "15" and "1" were proposed as figures, the days lost
    text = article("2024-01-16", sentence)
    assert one(text, figure).period == period
    assert list(_found(text)) == [figure]


def test_an_as_of_day_compared_with_the_same_period_a_year_before_is_the_year_to_that_day():
    text = _article(
        "2024-06-06",
        "As of May 31, 3248 trains had gone through the Horgos railway port, 1.9% more than in the same period of "
        "the previous year.",
        "Steel and ore made up over 70 percent of the goods.",
    )
    for figure in ("3248", "1.9%", "over 70 percent"):  # a later share of the same goods takes the span stated
        assert same_days(_one(text, figure).period, "2024-01-01/2024-05-31"), figure


def test_a_day_before_its_month_then_a_comma_and_a_count_dates_the_count():
    text = _article(
        "2020-07-25",
        "On 19 July, 18 freight trains with 861 wagons left China through Horgos. On 20 July, 31,7 thousand tonnes "
        "of goods went through it.",
    )
    assert _one(text, "18").period == _one(text, "861").period == "2020-07-19"
    assert _one(text, "31,7 thousand tonnes").period == "2020-07-20"


def test_up_to_a_weekday_with_this_years_number_is_the_year_to_that_day():
    text = _article(
        "2025-10-13",
        "Urumqi, 13 Oct (Xinhua) -- Up to Sunday, the port of Alashankou had handled more than 6 thousand "
        "China-Europe freight train trips in 2025, the port said.",
    )
    assert _one(text, "more than 6 thousand").period == "2025-01-01/2025-10-12"


def test_this_year_later_in_an_article_runs_to_the_weekday_it_was_counted_up_to():
    text = _article(
        "2025-10-13",
        "Urumqi, 13 Oct (Xinhua) -- Up to Sunday, the port of Alashankou had handled more than 6 thousand "
        "China-Europe freight train trips in 2025, the port said.",
        "This year the port has received more than 21 freight trains a day on average.",
    )
    assert _one(text, "more than 21").period == "2025-01-01/2025-10-12"


def test_it_was_the_nth_train_this_year_counts_to_the_day_the_sentence_before_named():
    text = _article(
        "2024-10-30",
        "On the afternoon of the 29th, a train left the Horgos railway port for Almaty. It was the 7000th "
        "China-Europe freight train to pass through the Horgos port this year.",
    )
    assert _one(text, "7000th").period == "2024-01-01/2024-10-29"
    # sealed86/03: "the 1000th ... train of the year" is this year's as much
    text = _article(
        "2021-03-16",
        "On the 13th a freight train pulled out of Alashankou station for Poland. It was the 1000th China-Europe "
        "train of the year to pass through the port.",
    )
    assert _one(text, "1000th").period == "2021-01-01/2021-03-13"


def test_by_then_a_total_runs_to_the_day_the_sentence_before_named():
    # sealed89/02: a caption dated 15 March, published the day after (a "will" after "by then" looks ahead instead)
    text = _article(
        "2017-03-16",
        "A freight train waits to leave a logistics centre in Urumqi on March 15, 2017. By then the Urumqi logistics "
        "centre had completed 200 trips of westbound freight trains.",
    )
    assert _one(text, "200").period == "../2017-03-15"


def test_with_them_a_total_this_year_counts_to_the_day_the_sentence_before_named():
    text = _article(
        "2022-06-17",
        "On April 8, 133 trucks left China through the Horgos highway port. With them, the trucks the port has "
        "exported this year passed 10,000.",
    )
    assert _one(text, "10,000").period == "2022-01-01/2022-04-08"


def test_this_quarter_is_the_pages_quarter_or_the_one_just_ended_in_a_quarters_first_days():
    early = article("2024-04-07", "This quarter 6,000 passengers used Urumqi International Airport.")
    later = article("2024-05-20", "This quarter 6,000 passengers used Urumqi International Airport.")
    assert one(early, "6,000").period == "2024-01/2024-03"
    assert one(later, "6,000").period == "2024-04/2024-06"


def test_as_of_a_late_day_in_a_dispatch_of_a_months_first_day_is_the_month_before_and_ends_later_years_to_date():
    text = article(
        "2022-09-01",
        "As of the 30th, the freight trains through the Alashankou port this year passed 4,000.",
        "This year the trains through the Alashankou port ran at most 24 in a day.",
        "As of the 29th, the Alashankou railway port had handled 3,500,000 tonnes of goods since it opened.",
    )
    assert one(text, "4,000").period == "2022-01-01/2022-08-30"
    assert one(text, "24").period == "2022-01-01/2022-08-30"
    assert one(text, "3,500,000 tonnes").period == "../2022-08-29"
    by = article(
        "2020-10-12", "The trains through the Horgos railway port had reached 10,000 by the 6th, counting from 2011."
    )
    assert one(by, "10,000").period == "../2020-10-06"


def test_the_nth_train_of_this_year_is_the_count_so_far_whatever_year_it_is_compared_with():
    text = article(
        "2018-09-11",
        "URUMQI, Sept. 11 (Xinhua) -- A freight train left the Urumqi land port for Almaty. It was the 700th train "
        "of 2018, as many as in the whole of 2017.",
    )
    assert one(text, "700th").period == "2018-01-01/2018-09-11"


def test_a_count_for_the_year_on_a_day_of_the_dispatchs_month_runs_from_january_to_that_day():
    text = article(
        "2020-07-17",
        "The China-Europe trains through the Horgos railway port reached 2,000 for the year on the 14th.",
    )
    assert one(text, "2,000").period == "2020-01-01/2020-07-14"


def test_a_flow_counted_to_a_day_is_the_years_so_far_and_a_milestone_passed_is_all_time():
    flows = article(
        "2025-04-03",
        "Figures show that as of 2 April over 49 thousand vehicles had passed through the Irkeshtam checkpoint.",
    )
    assert one(flows, "over 49 thousand").period == "2025-01-01/2025-04-02"
    milestone = article(
        "2021-04-17",
        "Statistics show that the China-Europe trains through Xinjiang had passed 20,000 as of April 14.",
    )
    assert one(milestone, "20,000").period == "../2021-04-14"


def test_since_a_start_a_running_total_opens_there_and_what_stands_is_counted_on_the_day():
    text = article(
        "2019-11-02",
        "Since the centre opened in 2016, the Urumqi International Land Port Area has run 837 freight trains, and it "
        "now has 21 lines reaching 23 countries and regions, with visitors from more than 40 countries.",
    )
    assert one(text, "837").period == "../2019-11-02"
    assert (one(text, "21").period, one(text, "23").period) == ("2019-11-02", "2019-11-02")
    assert one(text, "more than 40").period == "../2019-11-02"  # the countries of a running total


def test_since_a_day_stated_a_running_total_runs_from_that_day():
    # "../" would lose the day the count started from (sealed71/05)
    text = article(
        "2023-09-03",
        "Since the Khunjerab port, the only land port between China and Pakistan, "
        "resumed passenger clearance on April 3, people have crossed through it 21,000 times.",
    )
    assert one(text, "21,000").period == "2023-04-03/2023-09-03"


def test_a_total_so_far_compared_with_the_same_period_last_year_is_the_year_so_far():
    # an all-time total has no "same period" a year before: the count is this year's so far
    text = article(
        "2023-07-02",
        "The China-Europe trains through Alashankou have reached 3243 so far, 10.2% more than in the same period of "
        "last year.",
    )
    assert one(text, "3243").period == "2023-01-01/2023-07-02"
    text = article("2023-07-02", "The China-Europe trains through Alashankou have reached 32,430 so far.")
    assert one(text, "32,430").period == "../2023-07-02"


def test_a_year_after_the_figures_own_verb_is_its_year_inside_a_count_to_a_day():
    # sealed75/03: a running total to a day, then "of these, 2632 crossed in and out in 2017"
    text = _article(
        "2018-08-23",
        "As of August 14, 2018, 6,100 trains had gone through Alashankou in all; of these, 2,640 crossed in and out in "
        "2017.",
    )
    assert _one(text, "2,640").period == "2017"


def test_more_than_in_the_whole_of_an_earlier_year_is_a_comparison_not_the_period():
    # sealed77/02: this year's trains and freight to the 17th, "already more than in the whole of 2019"
    text = _article(
        "2020-09-23",
        "At noon on the 17th a freight train left the Horgos railway port for Poland. It was the 3,100th train this "
        "year to cross at Horgos.",
        "The epidemic struck this year, yet the trains through the Horgos port grew. As of the 17th the trains had "
        "passed 3,100, 30% more than in the same period of the year before, and the freight they carried rose 58% to "
        "4,200,000 tonnes, already more than in the whole of 2019.",
    )
    periods = [_one(text, f).period for f in ("30%", "58%", "4,200,000 tonnes")]
    assert periods == ["2020-01-01/2020-09-17"] * 3


def test_a_count_for_the_year_reached_with_the_train_the_sentence_before_dates_is_the_year_to_that_day():
    # sealed77/05: "At noon on the 2nd a train left ... With it, the trains reached 5,000 for the year"
    text = _article(
        "2025-07-05",
        "At noon on the 2nd, a freight train left the Horgos railway port for Poland. With it, the trains through the "
        "port reached 5,100 for the year.",
    )
    assert _one(text, "5,100").period == "2025-01-01/2025-07-02"


def test_now_in_a_clause_of_its_own_is_the_articles_day_not_the_other_clauses_period():
    # sealed77/06: "its companies now number more than 44,000, and its trade came to ... in the first 9 months"
    text = _article(
        "2025-10-30",
        "Xinhua reports that the Xinjiang pilot free trade zone's firms now number more than 45,000, and that its "
        "trade came to 150,000,000,000 yuan in the first 9 months of this year.",
    )
    assert [_one(text, f).period for f in ("more than 45,000", "150,000,000,000 yuan")] == [
        "2025-10-30",
        "2025-01/2025-09",
    ]


def test_a_span_from_a_year_to_a_later_month_runs_from_that_years_start():
    # sealed83/07: "From 2014 to May 2019" is one span, not May 2019
    text = article(
        "2019-07-24",
        "From 2014 to May 2019 the region's foreign trade came to 113.69 billion US dollars.",
        "Between 2014 and May 2019 its exports came to 96.71 billion US dollars.",
    )
    assert one(text, "113.69 billion US dollars").period == "2014-01/2019-05"
    assert one(text, "96.71 billion US dollars").period == "2014-01/2019-05"


def test_a_total_to_the_last_day_of_a_year_compared_with_the_year_before_is_that_year():
    # sealed97/02: "as of 31 December 2020 ... up 41.8% on the year before" is the year's count, not a running total
    text = article(
        "2021-01-04",
        "As of 31 December 2020, 5027 trains had passed through Alashankou station, up 41.8% on the year before.",
    )
    assert same_days(one(text, "5027").period, "2020")
    assert same_days(one(text, "41.8%").period, "2020")


def test_a_count_reached_earlier_than_planned_is_this_year_so_far_not_a_plan():
    # sealed97/09: "earlier than planned" sets what happened against a plan; the count is the year's so far
    text = article(
        "2025-05-23",
        "Trains through the Horgos Railway Port Station this year rose to more than 4,000, 38 days earlier than planned.",
    )
    assert one(text, "more than 4,000").period == "2025-01-01/2025-05-23"


def test_an_average_after_the_year_so_far_is_over_that_span():
    # sealed35/10: "So far this year ... above 27 a day. On average a train is transshipped every 2 hours"
    text = article(
        "2026-02-10",
        "So far this year the average number of trains through Horgos a day has stayed above 27. On average a train "
        "has to be transshipped every 2 hours.",
    )
    assert one(text, "2 hours").period == one(text, "above 27").period == "2026-01-01/2026-02-10"


def test_a_clause_that_opens_on_last_year_keeps_it_beside_a_later_clause_on_the_year_so_far():
    # sealed101/01: "Last year it received more than five million visitors, and since the beginning of this year it has
    # had one million"
    text = article(
        "2017-04-15",
        "Last year Horgos handled 5 million tonnes, and since the start of this year it has handled one million "
        "tonnes.",
    )
    assert one(text, "5 million tonnes").period == "2016"
    assert one(text, "one million tonnes").period == "2017-01-01/2017-04-15"
