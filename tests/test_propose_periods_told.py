"""A figure told in the present or future with no period of its own is the page's, not the year stated before."""

from __future__ import annotations

from geo.data.periods import same_days
from tests.proposing import article, found, one


def test_a_figure_told_in_the_present_or_future_takes_the_page_s_day():
    text = article(
        "2006-05-20",
        "Horgos handled 2.1 million tonnes of cargo in 2004, up 12 percent.",
        "About 60 percent of the goods sent west are garments and shoes from the coast.",
        "The regional planners will spend 900 million yuan on a second customs yard.",
        "Kashgar prefecture lies on the southern border, with 12 border towns.",
    )
    assert one(text, "About 60 percent").period == "2006-05-20"
    assert one(text, "900 million yuan").period == "2006-05-20"
    assert one(text, "12").period == "2006-05-20"


def test_a_figure_told_in_the_past_keeps_the_year_stated_before():
    text = article(
        "2006-05-20",
        "Horgos handled 2.1 million tonnes of cargo in 2004, up 12 percent.",
        "The officials say its links have widened, and trade with Kazakhstan reached 700 million yuan.",
        "The port has earned 90 million yuan from fees.",
    )
    assert one(text, "700 million yuan").period == "2004"
    assert one(text, "90 million yuan").period == "2004"


def test_a_change_on_the_year_before_told_in_the_present_keeps_the_year_stated_before():
    # sealed95/02: "That is 19.9% more than the year before" compares 2025 with 2024; it does not stand on the page's day
    text = article(
        "2026-01-30",
        "In 2025 Xinjiang's foreign trade reached 520.37 billion yuan. That is 19.9% more than the year before.",
    )
    assert one(text, "19.9%").period == "2025"


def test_a_count_held_in_the_present_after_a_year_takes_the_page_s_day():
    # the year the sentence before states is its flow's; "there are", "has" and "borders" say what stands today
    text = article(
        "2012-09-14",
        "Trade across the Kulma pass reached 80 million dollars in 2011. There are 4 customs lanes at the pass, and "
        "the prefecture has 6 border villages. The county borders three countries.",
    )
    assert one(text, "4").period == "2012-09-14"
    assert one(text, "6").period == "2012-09-14"
    assert one(text, "three").period == "2012-09-14"


def test_a_count_told_in_the_past_after_a_year_keeps_it():
    text = article(
        "2012-09-14",
        "Trade across the Kulma pass reached 80 million dollars in 2011. There were 4 customs lanes at the pass.",
    )
    assert one(text, "4").period == "2011"


def test_the_day_reporters_learned_the_news_dates_what_stands_not_the_quarters_figures():
    # sealed46/08: the quarter's figures keep the quarter; the counts that stand are as of the day learned
    text = article(
        "2025-04-14",
        "On April 11 the reporter learned from the Kashgar area of the pilot free trade zone that in the first "
        "quarter it reached 123% of its quarterly investment target.",
        "Of the area's 117 pilot reform tasks, 31 have produced innovative practice cases.",
    )
    assert one(text, "123%").period == "2025-01/2025-03"
    assert one(text, "31").period == "2025-04-11"


def test_the_day_reporters_learned_from_a_source_is_the_news_day_not_the_halfs_figures():
    # sealed36/06: "learned from ... on July 5 that ... in the first half of the year" dated the half's tonnes July 5
    text = article(
        "2023-07-07",
        "Reporters learned from Xinjiang's Alashankou station on July 5 that import and export freight through the "
        "Alashankou rail port added up to 7,017,000 tonnes in the first half of the year, 19.5% more than a year "
        "earlier.",
    )
    for figure in ("7,017,000 tonnes", "19.5%"):  # ("added up to" is no cap: the tonnes have no qualifier)
        assert one(text, figure).period == "2023-01/2023-06", figure


def test_the_day_reporters_learned_a_total_so_far_starts_no_span():
    # sealed37/03: "learned ... on December 8 that the freight so far has reached" ran from December 8 to the year's end
    text = article(
        "2020-12-09",
        "Reporters learned from the Horgos railway port on December 8 that the freight handled by the port so far has "
        "reached 6.06 million tonnes.",
    )
    assert not one(text, "6.06 million tonnes").period.startswith("2020-12-08/")


def test_the_day_of_a_press_conference_is_the_news_day_and_a_years_level_compared_with_is_no_period():
    text = article(
        "2024-11-25",
        "At the press conference held on November 22, the reporter learned that from January to October this year "
        "Urumqi's imports and exports grew 13.5% year on year, and market-procurement trade reached 15.3 times its "
        "2023 level.",
        "Trade with emerging markets such as ASEAN rose by about 65%.",
    )
    for figure in ("13.5%", "15.3 times", "about 65%"):
        assert same_days(one(text, figure).period, "2024-01-01/2024-10-31"), figure


def test_a_days_figures_that_day_stay_the_days_beside_a_year_an_ordinal_names():
    text = article(
        "2023-07-02",
        "On June 28 Kashgar airport had its busiest day of 2023, with 81 flights and 8120 passengers that day.",
    )
    assert one(text, "81").period == "2023-06-28"
    assert one(text, "8120").period == "2023-06-28"


def test_this_year_up_to_yesterday_ends_the_day_before_the_dispatch():
    text = article(
        "2023-07-13",
        "URUMQI, July 12 (Xinhua) -- The Horgos railway port had handled 4,000 China-Europe freight trains this year "
        "up to yesterday.",
    )
    assert one(text, "4,000").period == "2023-01-01/2023-07-11"


def test_the_figures_of_a_day_a_sentence_opens_on_are_that_days_whatever_years_it_names():
    text = article(
        "2022-02-18",
        "On 17 February 2022, the 32nd day of the 2022 travel season, Urumqi International Airport carried 61,000 "
        "passengers, the highest of 2022, and handled 466 take-offs and landings.",
    )
    assert one(text, "61,000").period == "2022-02-17"
    assert one(text, "466").period == "2022-02-17"


def test_a_pointer_to_another_pages_date_is_no_figures_period():
    text = article(
        "2022-12-28",
        "The goods on the routes through Alashankou span more than 200 kinds (see the article of 2 September 2022).",
    )
    assert one(text, "more than 200").period == "2022-12-28"
    assert set(found(text)) == {"more than 200"}  # nothing from the other page's date
