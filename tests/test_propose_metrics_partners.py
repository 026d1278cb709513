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
