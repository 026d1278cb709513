"""A cap on what one buyer may spend, and both ends of a limit changed, are rules, not measures (doubted)."""

from __future__ import annotations

from tests.proposing import article, one


def test_a_sum_goods_are_worth_up_to_or_at_most_is_a_cap():
    text = article(
        "2025-06-10",
        "Shoppers leaving the Horgos center may carry out tax-free goods worth up to 6,000 yuan each day.",
        "A Kazakh visitor can buy duty-free goods worth at most 7,000 yuan at the Khorgos center.",
        "Horgos exported apples and pears worth 900 million yuan in 2024.",
    )
    assert one(text, "up to 6,000 yuan").confidence == "low"
    assert one(text, "7,000 yuan").confidence == "low"
    assert one(text, "900 million yuan").confidence == "high"


def test_both_ends_of_a_limit_changed_are_a_rule():
    text = article(
        "2025-06-10",
        "Beijing has agreed to lift the limit from 5,000 yuan to 20,000 yuan, the center's director said.",
        "The port's trade rose from 5 billion yuan to 12 billion yuan in 2024.",
    )
    assert one(text, "5,000 yuan").confidence == "low"
    assert one(text, "20,000 yuan").confidence == "low"
    assert one(text, "12 billion yuan").confidence == "high"
