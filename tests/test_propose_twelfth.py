"""The twelfth tuning's rules: what "since" starts is not the data year; the reporting clause's day is the news day."""

from __future__ import annotations

from tests.proposing import article, one


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
