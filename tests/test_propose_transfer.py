"""Rules of the fourth tuning, written for classes of sentence that recur on unseen sets (sentences our own)."""

from __future__ import annotations

from geo import settings
from geo.ingest.propose import propose_candidates


def _article(published: str, *paragraphs: str, title: str = "Xinjiang news") -> str:
    return f"Title: {title}\nPublished: {published}\n\n{title}\n\n" + "\n\n".join(paragraphs) + "\n"


def _one(article: str, as_written: str):
    published = article.split("Published: ")[1][:10]
    found = propose_candidates(article, "t", settings.DATA_DIR, published)
    return next(c for c in found if c.figure.as_written == as_written)


def test_money_and_masses_the_project_does_not_use_are_doubted():
    article = _article(
        "2025-03-02",
        "A visitor to Horgos Port said she spent 120,000 Kazakh tenge on shoes.",
        "Tickets for the Alashankou museum cost 40 euros, and each parcel may weigh 30 kilograms.",
    )
    for written in ("120,000", "40", "30"):
        assert _one(article, written).confidence == "low", written


def test_a_bracket_restating_an_amount_in_dollars_is_a_conversion_whatever_the_first_currency():
    article = _article(
        "2025-03-02",
        "At Horgos Port a trader paid 50,000 Kazakh tenge (around 96.40 U.S. dollars) for the permit.",
    )
    assert _one(article, "around 96.40 U.S. dollars").confidence == "low"


def test_what_a_rule_allows_is_no_measure():
    article = _article(
        "2025-03-02",
        "At the Horgos cooperation center each shopper has a tax-free allowance of 6,000 yuan a day.",
        "Drivers at Alashankou Port face a weight limit of 49 tonnes per truck.",
    )
    assert _one(article, "6,000 yuan").confidence == "low"
    assert _one(article, "49 tonnes").confidence == "low"


def test_a_range_joined_by_to_has_no_one_value_but_a_change_from_one_to_another_does():
    article = _article(
        "2025-03-02",
        "Local shoppers make up 60 to 70 percent of the buyers at the Horgos cooperation center.",
        "Its share of e-commerce parcels rose from 30 percent to 45 percent in 2024.",
    )
    assert _one(article, "60").confidence == "low"
    assert _one(article, "70 percent").confidence == "low"
    assert _one(article, "45 percent").confidence == "high"


def test_a_named_firm_described_in_a_clause_and_the_company_are_one_firms_story():
    article = _article(
        "2025-03-02",
        "Kashgar Bright Textile Co, which makes shirts for Central Asian buyers, recently won orders for 40,000 shirts.",
        "Urumqi Sunfield Foods Co, which dries apricots, figs and raisins, has bought 900 tonnes of apricots.",
        "The company, which opened in May, has posted sales of 30 million yuan.",
    )
    for written in ("40,000", "900 tonnes", "30 million yuan"):
        assert _one(article, written).confidence == "low", written


def test_ranks_and_the_size_of_a_class_ranked_are_doubted_and_a_ranked_partners_trade_is_theirs():
    article = _article(
        "2025-03-02",
        "In 2024 the region's top two partners, Kazakhstan and Kyrgyzstan, saw trade grow 12.1% and 8.3% respectively.",
        "The Alashankou bonded zone rose from the bottom of over 150 zones in the country to 60th place.",
    )
    assert _one(article, "two").confidence == "low"
    assert _one(article, "over 150").confidence == "low"
    assert _one(article, "12.1%").metric == "kazakhstan_trade_growth_yoy"
    assert _one(article, "8.3%").metric == "kyrgyzstan_trade_growth_yoy"


def test_a_city_the_data_knows_only_by_its_airport_is_the_city_unless_the_sentence_is_about_flying():
    article = _article(
        "2025-03-02",
        "Kashgar's exports of farm produce reached 4.2 billion yuan in 2024.",
        "Kashgar prefecture now has road links with six neighbouring countries.",
        "Kashgar handled 2.3 million air passengers in 2024.",
    )
    for written in ("4.2 billion yuan", "six"):
        candidate = _one(article, written)
        assert candidate.entity_id == "" and "place not in the data: Kashgar" in candidate.flags, written
    assert _one(article, "2.3 million").entity_id == "kashgar-airport"
