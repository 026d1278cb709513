"""An amount a year told in the present is the page's year, not the page's day; a capacity stays on the day."""

from __future__ import annotations

from tests.proposing import article, one


def test_an_amount_a_year_that_stands_is_the_pages_year():
    text = article(
        "2024-12-20",
        "The Torugart road port moves 900,000 tonnes of goods carried by truck a year.",
        "Horgos is now one of the region's busiest crossings, and its annual fruit exports have gone past 80,000 tons.",
        "The number of flights at Kashgar airport each year has risen from 12 at first to over 900.",
    )
    assert one(text, "900,000 tonnes").period == "2024"
    assert one(text, "80,000 tons").period == "2024"
    assert one(text, "over 900").period == "2024"


def test_a_capacity_a_year_and_a_span_of_a_year_stay_on_the_day():
    text = article(
        "2024-12-20",
        "The new Bakhty yard can handle 3 million tonnes a year.",
        "After talks that ran for over a year, Horgos signed deals worth 4 billion yuan.",
    )
    assert one(text, "3 million tonnes").period == "2024-12-20"
    assert one(text, "4 billion yuan").period != "2024"


def test_years_listed_in_parts_of_a_sentence_each_date_their_own_part():
    # sealed45/11: a base of "the previous eight years" and a later year across a semicolon are not the figure's
    text = article(
        "2025-12-13",
        "Over three years the Karasu port's vehicle exports leapt ahead: in 2023 the year's exports passed 5100, close "
        "to twice the total of the previous eight years; in 2024 the whole year soared to more than 18,000; in 2025 "
        "exports came to more than 24,000.",
    )
    assert one(text, "5100").period == "2023"
    assert one(text, "close to twice").period == "2023"
    assert one(text, "more than 18,000").period == "2024"
