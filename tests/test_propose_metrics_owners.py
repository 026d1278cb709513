"""Trade of one kind of firm named in the sentence before and referred back to ("Their trade ...")."""

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
