"""Spans of years (how long a thing lasted or took, time since an event, an age) are doubted; a streak is not."""

from __future__ import annotations

import pytest

from tests.proposing import article, one

PUBLISHED = "2025-06-10"


@pytest.mark.parametrize(
    ("sentence", "written"),
    [
        ("Torugart opened again last week after being closed for nearly two years by landslides.", "nearly two years"),
        ("The dry port, opened in 2019, had in four years grown to a yard of 5,000 tonnes.", "four years"),
        ("Kashgar means to become a logistics hub for Central Asia within ten years.", "ten years"),
        ("In a mere 20 years the village by the Khorgos crossing became a city of 300,000 people.", "20 years"),
        ("Now, 30 years after he first sold melons there, Alashankou handles 4,000 trains.", "30 years"),
        ("Trade at Bedel resumed in March after a two-year pause.", "two-year"),
        ("The 52-year-old customs chief of Khorgos retired in May.", "52-year"),
        # how long a run of trains took, with a qualifier or after a verb of taking
        ("The first 5,000 runs took more than six years, the latest 5,000 less than two years.", "more than six years"),
        ("The first 5,000 runs took more than six years, the latest 5,000 less than two years.", "less than two years"),
        ("The line reached its 1,000th train after 3 years.", "3 years"),
        # the length of a plan, a term or a break, named before it
        ("Firms registered in Horgos got a 5-year income tax break.", "5-year"),
        ("Media firms there enjoyed five-year tax exemptions.", "five-year"),
        ("New firms paid no income tax in the first two years.", "two years"),
    ],
)
def test_a_span_of_years_is_doubted(sentence, written):
    assert one(article(PUBLISHED, sentence), written).confidence == "low"


def test_a_streak_of_years_and_the_other_figures_stay():
    text = article(
        PUBLISHED,
        "For two years running, the regional legislature has invited foreign guests to its sessions.",
        "In a mere 20 years the village by the Khorgos crossing became a city of 300,000 people.",
    )
    assert one(text, "two years").confidence == "high"
    assert one(text, "300,000").confidence == "high"


def test_days_and_weeks_are_doubted_unless_they_are_how_long_goods_take_to_arrive():
    # sealed89/01: a route's time ("reach Xinjiang in only 15 days") is a measure; a pause or a wait is not
    text = article(
        "2015-06-27",
        "By cargo train, European vehicles reach Xinjiang in only 15 days through Alataw Pass.",
        "Trade at the Kulma crossing stopped for 12 days in March.",
    )
    assert one(text, "15 days").confidence == "high"
    assert one(text, "12 days").confidence == "low"
