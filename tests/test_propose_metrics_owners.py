"""propose: the trade of one kind of firm or one customs mode (private firms, border small-scale trade)."""

from __future__ import annotations

from tests.proposing import article, one


def test_their_trade_after_a_sentence_naming_private_enterprises_is_theirs():
    text = article(
        "2024-04-20",
        "Xinjiang's foreign trade reached 80 billion yuan in the first quarter. Private enterprises led the way. "
        "Their imports and exports came to 70 billion yuan, up 30.5 percent year on year.",
    )
    assert one(text, "80 billion yuan").metric == "foreign_trade_value"
    assert one(text, "70 billion yuan").metric == "private_enterprise_trade_value"
    assert one(text, "30.5 percent").metric == "private_enterprise_trade_growth_yoy"


def test_a_sentence_that_does_not_refer_back_keeps_the_regions_trade():
    text = article(
        "2024-04-20",
        "Private enterprises led the way in the first quarter. Xinjiang's foreign trade reached 80 billion yuan.",
    )
    assert one(text, "80 billion yuan").metric == "foreign_trade_value"


def test_trade_through_one_customs_mode_is_that_modes_trade():
    text = article(
        "2022-08-22",
        "From January to July Xinjiang's imports and exports through border small-scale trade came to 65.44 billion "
        "yuan, up 58.1%, and those through general trade to 37.18 billion yuan, up 2.4%; the two together made up "
        "88.9% of the region's foreign trade.",
    )
    assert one(text, "65.44 billion yuan").metric == "border_trade_value"
    assert one(text, "58.1%").metric == "border_trade_growth_yoy"
    assert one(text, "37.18 billion yuan").metric == "general_trade_value"
    assert one(text, "2.4%").metric == "general_trade_growth_yoy"
    assert one(text, "88.9%").metric != "general_trade_growth_yoy"  # a share after the semicolon is no mode's growth
