"""A figure told in the present or future with no period of its own is the page's, not the year stated before."""

from __future__ import annotations

from tests.proposing import article, one


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
