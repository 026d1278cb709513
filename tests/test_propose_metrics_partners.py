"""A partner's trade named by its partner: farther countries and blocs, lists read in order."""

from __future__ import annotations

import pytest

from tests.proposing import article, one


@pytest.mark.parametrize(
    ("as_written", "metric"),
    [
        ("42.0 percent", "japan_trade_growth_yoy"),
        ("8.5 percent", "eu_trade_growth_yoy"),
        ("63.3 percent", "south_korea_trade_growth_yoy"),
    ],
)
def test_farther_partners_in_a_respective_list_each_take_their_figure(as_written, metric):
    text = article(
        "2023-09-15",
        "The region's trade with Japan, the European Union and the Republic of Korea climbed by 42.0 percent, "
        "8.5 percent and 63.3 percent respectively in the first eight months.",
    )
    candidate = one(text, as_written)
    assert (candidate.metric, candidate.new_metric) == (metric, True)


@pytest.mark.parametrize(
    ("as_written", "metric"),
    [
        ("39.6 percent", "bri_partner_trade_growth_yoy"),
        ("28.2 percent", "rcep_trade_growth_yoy"),
        ("61.06 billion yuan", "bri_partner_trade"),
        ("4.3 billion yuan", "rcep_trade"),
    ],
)
def test_sums_in_a_respective_list_each_take_their_partner_past_conversions_in_brackets(as_written, metric):
    text = article(
        "2022-06-20",
        "Its imports and exports with countries along the Belt and Road and with members of the RCEP rose by "
        "39.6 percent and 28.2 percent year on year, to 61.06 billion yuan (9.13 billion US dollars) and 4.3 billion yuan "
        "(643 million US dollars) respectively.",
    )
    assert one(text, as_written).metric == metric


def test_a_partners_share_is_named_as_the_regions_shares_are():
    text = article(
        "2022-11-20",
        "Trade with Pakistan reached 3.2 billion yuan in the first ten months, 2.6 percent of the region's foreign trade.",
    )
    candidate = one(text, "2.6 percent")
    assert (candidate.metric, candidate.new_metric) == ("pakistan_share_of_trade", True)
