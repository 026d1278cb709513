"""Lengths of a border, pipeline or network are figures; distances between places stay doubted."""

from __future__ import annotations

import pytest

from tests.proposing import article, one

PUBLISHED = "2025-03-04"


def _confidence(sentence: str, as_written: str) -> str:
    return one(article(PUBLISHED, sentence), as_written).confidence


@pytest.mark.parametrize(
    ("sentence", "as_written"),
    [
        ("The 610-kilometer pipeline brings Kazakh crude oil to the Alataw Pass.", "610-kilometer"),
        ("The new railway to Osh will be 410 kilometers long, its builders said.", "410 kilometers"),
        ("Xinjiang has 4,200 km of border with six states, the regional government said.", "4,200 km"),
        ("The region has a 900 km stretch with Kyrgyzstan along its western edge.", "900 km"),
        ("The prefecture has a frontier line 640 km long and three border ports.", "640 km"),
        ("Xinjiang lies along a border line of 3,900 km with five countries.", "3,900 km"),
        ("The region shares a long border with Mongolia - about 1,300 km.", "about 1,300 km"),
        (
            "China took in Kazakh oil through the new pipeline of 962.2 kilometres that links the two.",
            "962.2 kilometres",
        ),
        # a length end to end ("from" then names its ends) and a network's length
        ("The gas pipeline stretches 1,950 kilometers from Turkmenistan to the Horgos port.", "1,950 kilometers"),
        ("The region has 8,000 kilometers of expressways and 7,400 kilometers of rail.", "8,000 kilometers"),
        ("The region has 8,000 kilometers of expressways and 7,400 kilometers of rail.", "7,400 kilometers"),
    ],
)
def test_a_length_of_a_border_or_pipeline_is_a_figure(sentence, as_written):
    assert _confidence(sentence, as_written) != "low"


@pytest.mark.parametrize(
    ("sentence", "as_written"),
    [
        ("The Dulata port lies about 80 km from Yining and 40 km east of the county seat.", "about 80 km"),
        ("The Dulata port lies about 80 km from Yining and 40 km east of the county seat.", "40 km"),
        ("Goods from the coast once travelled 3,500 kilometres to reach the Horgos port.", "3,500 kilometres"),
        ("The old customs hall at the Irkeshtam port, 90 km away, was moved in 2011.", "90 km"),
        ("The Alashankou port is 600 km closer to Europe than the region's other ports.", "600 km"),
        ("A 20-km drive from Horgos brings traders to the Kazakh side.", "20-km"),
    ],
)
def test_a_distance_between_places_stays_doubted(sentence, as_written):
    assert _confidence(sentence, as_written) == "low"


def test_a_border_length_stands_at_the_page_date_unless_the_sentence_dates_it():
    text = article(PUBLISHED, "Xinjiang has 4,200 km of border with six states. In 2019 Tibet had 3,800 km of border.")
    assert one(text, "4,200 km").period == PUBLISHED
    assert one(text, "3,800 km").period == "2019"


def test_a_pipeline_length_is_no_place_the_data_holds():
    found = one(article(PUBLISHED, "The 610-km pipeline from Atasu to the Alataw Pass carries crude oil."), "610-km")
    assert (found.confidence, found.entity_id) == ("high", "")
    assert "place not in the data: the pipeline" in found.flags


@pytest.mark.parametrize(
    ("sentence", "as_written"),
    [
        ("The Torugart pass sits 3,700 metres high and closes in winter.", "3,700 metres"),
        ("The new airport at Tashkurgan has a runway 3,200 meters long.", "3,200 meters"),
    ],
)
def test_a_height_or_length_in_metres_is_doubted(sentence, as_written):
    assert _confidence(sentence, as_written) == "low"


@pytest.mark.parametrize(
    ("sentence", "as_written"),
    [
        ("Mongolia was the biggest buyer of the Takeshiken port's goods for 9 years in a row.", "9 years"),
        ("Exports through the Bakhty port have grown six quarters in a row.", "six"),
    ],
)
def test_the_length_of_a_streak_written_after_is_doubted(sentence, as_written):
    assert _confidence(sentence, as_written) == "low"


def test_a_change_that_starts_from_zero_keeps_its_end_value():
    text = article(PUBLISHED, "Trade through the Karasu port has grown from zero to 300 million yuan in 2006.")
    assert (one(text, "zero").confidence, one(text, "300 million yuan").confidence) == ("low", "high")


def test_a_network_s_length_is_named_after_the_network():
    text = article(PUBLISHED, "The region has 8,000 kilometers of expressways and 7,400 kilometers of rail.")
    assert [one(text, w).metric for w in ("8,000 kilometers", "7,400 kilometers")] == [
        "expressway_length",
        "railway_length",
    ]
