"""One firm's figures when the firm is named by a holding, trading, farming or technology name, or by its kind after
a time phrase: doubted, as a firm named "Co." or "Ltd." already was; a group that only reports is a source."""

from __future__ import annotations

import pytest

from tests.proposing import article, one


@pytest.mark.parametrize(
    ("sentence", "written"),
    [
        (
            "Pamir Holding Group of Hunan province has put 3 billion yuan into a jade market in Kashgar.",
            "3 billion yuan",
        ),
        ("Tianchi Agriculture, founded in 2017, had grown to exports of 4,000 tons of melons a year.", "4,000 tons"),
        (
            "Kunlun International Trade keeps textiles and tiles in 80,000 square meters of sheds at Irkeshtam.",
            "80,000 square meters",
        ),
        (
            '"This year the company has shipped about 700 tons of apples a day," its manager said at Horgos.',
            "about 700 tons",
        ),
    ],
)
def test_a_named_firms_own_figures_are_doubted(sentence, written):
    found = one(article("2024-07-10", sentence), written)
    assert found.confidence == "low"


def test_a_group_that_reports_and_the_ports_own_figures_stay():
    text = article(
        "2024-07-10",
        "China Railway Urumqi Group said 5,200 freight trains crossed Alashankou in 2023.",
        "Horgos exported 65,000 tons of fruit in the first half of 2024.",
    )
    assert one(text, "5,200").confidence == "high"
    assert one(text, "65,000 tons").confidence == "high"
