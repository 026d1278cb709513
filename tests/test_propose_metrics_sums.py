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
        (  # sealed86/05: exports and imports, in either order, are the region's trade
            "The value of Xinjiang's exports and imports rose by 24.7 per cent in the first 11 months to US$56.7 billion.",
            "US$56.7 billion",
            "foreign_trade_value",
        ),
        (  # sealed86/05: the second sum's verb left out, its noun just before it
            "Xinjiang sent out more than it took in, with exports reaching US$48.25 billion and imports US$8.44 billion.",
            "US$8.44 billion",
            "imports_value",
        ),
    ],
)
def test_a_sum_is_named_from_the_noun_phrase_it_measures(sentence, as_written, metric):
    assert one(article(PUBLISHED, sentence), as_written).metric == metric


@pytest.mark.parametrize(
    ("sentence", "as_written", "metric"),
    [
        (  # goods or cargo worth a sum: their trade value, whatever the verb or the words around it
            "By the end of June the rail port had sent off 3,400 trains carrying 4.1 million tonnes of cargo worth $9.7 "
            "billion.",
            "$9.7 billion",
            "trade_value",
        ),
        (
            "The Torugart crossing handled 610,000 tonnes of goods worth more than 2.2 billion yuan last year.",
            "more than 2.2 billion yuan",
            "trade_value",
        ),
        (  # a zone's foreign trade worth a sum is its trade, not the region's foreign trade
            "In May the Kashgar comprehensive bonded zone moved 12,000 tonnes of freight, with foreign trade worth 41 "
            "million U.S. dollars.",
            "41 million U.S. dollars",
            "trade_value",
        ),
    ],
)
def test_what_is_worth_a_sum_is_traded_goods(sentence, as_written, metric):
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
    back = article(
        PUBLISHED,
        "Kazakhstan is still the region's main partner: in January-March Xinjiang traded 7 billion yuan with it.",
    )
    assert one(back, "7 billion yuan").metric == "kazakhstan_trade"


def test_trade_between_the_region_and_a_partner_is_that_partners_trade():
    text = article(
        PUBLISHED,
        "In the first quarter, trade between the Xinjiang Uygur Autonomous Region and Belt and Road countries "
        "reached 61.4 billion yuan, an increase of 18.2 percent year on year.",
        "Trade between Xinjiang and Kazakhstan came to 30.9 billion yuan over the same period.",
    )
    assert one(text, "61.4 billion yuan").metric == "bri_partner_trade"
    assert one(text, "18.2 percent").metric == "bri_partner_trade_growth_yoy"
    assert one(text, "30.9 billion yuan").metric == "kazakhstan_trade"


def test_a_partner_in_lower_case_is_no_partner_and_stops_nothing():
    # The partner rules read names in their own case ("Belt and Road"); a clause matched in any case that then
    # named no partner stopped the whole article with an IndexError (first seen on an unseen set's text).
    text = article(
        PUBLISHED,
        "Trade with belt and road economies reached 12.5 billion yuan last year.",
        "Trade between the two sides and belt and road economies rose 8.1 percent.",
    )
    assert one(text, "12.5 billion yuan").metric != "bri_partner_trade"
    assert one(text, "8.1 percent").metric != "bri_partner_trade_growth_yoy"


def test_a_zones_imports_and_exports_are_its_trade_not_the_regions():
    text = article(
        PUBLISHED,
        "The Horgos area of the Xinjiang Pilot Free Trade Zone said the area's imports and exports came to 8.4 "
        "billion yuan in the first quarter.",
    )
    candidate = one(text, "8.4 billion yuan")
    assert (candidate.entity_id, candidate.metric) == ("ftz-horgos", "trade_value")


@pytest.mark.parametrize(
    ("sentence", "as_written", "metric"),
    [
        (  # the goods a flow is of name it: "exports of <goods>"
            "In the quarter, exports of textiles and garments from Xinjiang came to 12.6 billion yuan, a rise of 21.4 "
            "percent.",
            "12.6 billion yuan",
            "textiles_garments_exports",
        ),
        (
            "In the quarter, exports of textiles and garments from Xinjiang came to 12.6 billion yuan, a rise of 21.4 "
            "percent.",
            "21.4 percent",
            "textiles_garments_exports_growth_yoy",
        ),
        (  # the channel a flow goes through, and goods named before the flow
            "Over the quarter, exports through cross-border e-commerce grew 57.3 percent, and the region's total "
            "steel exports rose by 11.8 percent.",
            "57.3 percent",
            "cross_border_e_commerce_exports_growth_yoy",
        ),
        (
            "Over the quarter, exports through cross-border e-commerce grew 57.3 percent, and the region's total "
            "steel exports rose by 11.8 percent.",
            "11.8 percent",
            "steel_exports_growth_yoy",
        ),
        (  # "a N% rise in <flow>": the flow after the growth
            "Growth came chiefly from a 64.2% rise in imports from border residents in the quarter.",
            "64.2%",
            "border_residents_imports_growth_yoy",
        ),
        (  # asides between the verb and "to" do not hide the subject of the sum
            "From January to March, Xinjiang's imports grew steadily, by 8.3 percent year on year, to 15.2 billion "
            "yuan.",
            "15.2 billion yuan",
            "imports_value",
        ),
        (
            "From January to March, Xinjiang's imports grew steadily, by 8.3 percent year on year, to 15.2 billion "
            "yuan.",
            "8.3 percent",
            "imports_growth_yoy",
        ),
    ],
)
def test_a_flow_is_named_by_what_it_is_of(sentence, as_written, metric):
    assert one(article(PUBLISHED, sentence), as_written).metric == metric


def test_a_flow_of_a_named_place_is_not_a_kind_of_goods():
    # "exports of northwest China's Xinjiang" names whose exports, not which goods: the region's trade
    text = article(
        PUBLISHED,
        "Data showed that goods imports and exports of northwest China's Xinjiang rose 22.4 percent year on year to "
        "98.1 billion yuan in the first quarter.",
    )
    assert one(text, "98.1 billion yuan").metric == "foreign_trade_value"
    assert one(text, "22.4 percent").metric == "foreign_trade_growth_yoy"


def test_a_groups_trade_named_through_its_members_is_its_trade_and_keeps_value_in_its_growth():
    text = article(
        PUBLISHED,
        "The trade of Xinjiang rose in the quarter. Meanwhile, the imports and exports of the four comprehensive "
        "bonded zones, namely Kashgar, Alashankou, Horgos and Urumqi, climbed 41.6 percent year on year to 6.27 "
        "billion yuan.",
    )
    assert one(text, "6.27 billion yuan").metric == "trade_value"
    assert one(text, "41.6 percent").metric == "trade_value_growth_yoy"


def test_foreign_trade_turnover_is_the_regions_foreign_trade_value_and_its_growth():
    text = article(
        "2009-01-29",
        "Last year Xinjiang's foreign trade turnover reached 22.2 billion US dollars, a rise of 62 per cent on the "
        "year before.",
    )
    assert (one(text, "22.2 billion US dollars").metric, one(text, "22.2 billion US dollars").new_metric) == (
        "foreign_trade_value",
        False,
    )
    assert one(text, "62 per cent").metric == "foreign_trade_growth_yoy"


def test_a_trade_surplus_is_its_own_measure_not_the_trade_value():
    text = article(
        "2015-04-20",
        "In the first quarter Xinjiang's exports came to 15.5 billion yuan. Its foreign trade surplus was 13 billion "
        "yuan.",
    )
    candidate = one(text, "13 billion yuan")
    assert (candidate.metric, candidate.new_metric) == ("trade_surplus", True)


def test_a_signed_percent_alone_in_brackets_after_an_amount_is_that_amounts_growth():
    text = article(
        "2025-07-15",
        "In 2022 the Kashgar comprehensive bonded zone generated 1,29 billion yuan in cross-border e-commerce "
        "(+291 %).",
    )
    assert one(text, "1,29 billion yuan").metric == "cross_border_ecommerce_trade"
    assert one(text, "291 %").metric == "cross_border_ecommerce_trade_growth_yoy"
