"""What a sum of money measures: the noun phrase it is of, after it or as its clause's subject, not the words near it."""

from __future__ import annotations

import pytest

from tests.proposing import article, one

PUBLISHED = "2024-05-10"


@pytest.mark.parametrize(
    ("sentence", "as_written", "metric"),
    [
        (  # the reporting clause and the verb before the sum are not what it measures
            "Urumqi customs said on Tuesday that the Xinjiang Uygur Autonomous Region recorded 51.2 billion yuan "
            "(7.1 billion U.S. dollars) in foreign trade in the first quarter, 12.3 percent more than a year before.",
            "51.2 billion yuan",
            "foreign_trade_value",
        ),
        (
            "Urumqi customs said on Tuesday that the Xinjiang Uygur Autonomous Region recorded 51.2 billion yuan "
            "(7.1 billion U.S. dollars) in foreign trade in the first quarter, 12.3 percent more than a year before.",
            "12.3 percent",
            "foreign_trade_growth_yoy",
        ),
        (  # the subject of the verb that governs the sum, each clause its own
            "Officials said the region's exports came to 40.6 billion yuan in the quarter, while its imports topped "
            "10.6 billion yuan.",
            "40.6 billion yuan",
            "exports_value",
        ),
        (
            "Officials said the region's exports came to 40.6 billion yuan in the quarter, while its imports topped "
            "10.6 billion yuan.",
            "10.6 billion yuan",
            "imports_value",
        ),
        (  # a growth between the subject and the sum
            "In the quarter its imports rose 7 percent year on year to 9.9 billion yuan.",
            "9.9 billion yuan",
            "imports_value",
        ),
    ],
)
def test_a_sum_is_named_from_the_noun_phrase_it_measures(sentence, as_written, metric):
    assert one(article(PUBLISHED, sentence), as_written).metric == metric


def test_a_sum_traded_with_a_partner_is_that_partners_trade():
    text = article(
        PUBLISHED,
        "From January to March Xinjiang traded 60.2 billion yuan with countries along the Belt and Road, up 20.5 "
        "percent year on year, and 48.8 billion yuan with the five Central Asian countries, up 31.7 percent.",
    )
    assert one(text, "60.2 billion yuan").metric == "bri_partner_trade"
    assert one(text, "20.5 percent").metric == "bri_partner_trade_growth_yoy"
    assert one(text, "48.8 billion yuan").metric == "central_asia_trade"
    assert one(text, "31.7 percent").metric == "central_asia_trade_growth_yoy"


def test_a_zones_imports_and_exports_are_its_trade_not_the_regions():
    text = article(
        PUBLISHED,
        "The Horgos area of the Xinjiang Pilot Free Trade Zone said the area's imports and exports came to 8.4 "
        "billion yuan in the first quarter.",
    )
    candidate = one(text, "8.4 billion yuan")
    assert (candidate.entity_id, candidate.metric) == ("ftz-horgos", "trade_value")
