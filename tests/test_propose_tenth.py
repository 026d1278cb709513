"""The tenth tuning's rules: a trade is named by its partner's noun phrase; the time expression that governs a clause."""

from __future__ import annotations

from tests.proposing import article, one

PUBLISHED = "2024-06-10"


def test_a_trade_is_named_by_the_noun_phrase_of_its_partner():
    text = article(
        PUBLISHED,
        "In the first quarter of 2024 the region's trade with countries along the Belt and Road reached 20.5 billion "
        "yuan, a year-on-year rise of 12.1 percent, while its trade with members of the Regional Comprehensive "
        "Economic Partnership (RCEP) climbed 8.3 percent to 1.9 billion yuan.",
        "Tajikistan remained the region's largest trading partner in the quarter, with 6.2 billion yuan in trade.",
    )
    assert one(text, "20.5 billion yuan").metric == "bri_partner_trade"
    assert one(text, "12.1 percent").metric == "bri_partner_trade_growth_yoy"
    assert one(text, "8.3 percent").metric == "rcep_trade_growth_yoy"
    assert one(text, "1.9 billion yuan").metric == "rcep_trade"
    assert one(text, "6.2 billion yuan").metric == "tajikistan_trade"


def test_the_five_central_asian_countries_named_together_are_central_asia():
    text = article(
        PUBLISHED,
        "In 2023 the region's imports and exports with Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and "
        "Uzbekistan rose 21 percent to 150.2 billion yuan.",
    )
    assert one(text, "150.2 billion yuan").metric == "central_asia_trade"
    assert one(text, "21 percent").metric == "central_asia_trade_growth_yoy"
