"""One firm's, one person's or a speaker's own figures: anecdotes, doubted; a firm that only reports is not."""

from __future__ import annotations

from tests.proposing import article, one
from tests.proposing import article as _article
from tests.proposing import one as _one

PUBLISHED = "2025-06-10"


def test_a_named_firm_described_in_a_clause_and_the_company_are_one_firms_story():
    article = _article(
        "2025-03-02",
        "Kashgar Bright Textile Co, which makes shirts for Central Asian buyers, recently won orders for 40,000 shirts.",
        "Urumqi Sunfield Foods Co, which dries apricots, figs and raisins, has bought 900 tonnes of apricots.",
        "The company, which opened in May, has posted sales of 30 million yuan.",
    )
    for written in ("40,000", "900 tonnes", "30 million yuan"):
        assert _one(article, written).confidence == "low", written


def test_a_named_firms_own_figures_are_doubted_a_firm_that_reports_is_not():
    article = _article(
        "2024-02-01",
        "Tianshan Airlines has opened new routes to ski resorts, serving more than 300,000 passengers.",
        "China Railway Urumqi Group said 5,200 freight trains crossed Alashankou in 2023.",
    )
    assert _one(article, "more than 300,000").confidence == "low"
    assert _one(article, "5,200").confidence == "high"


def test_a_firms_story_goes_on_through_its_pronouns_in_the_paragraph():
    article = _article(
        "2025-02-10",
        "In Kashgar, Pamir Trading Co. runs a cold-chain line to Osh. Last year it shipped 2,100 tonnes of fruit. "
        "Its costs fell 30 percent after the change.",
        "It is a busy year for the port: Irkeshtam handled 1.2 million tonnes of cargo in 2024.",
    )
    assert _one(article, "2,100 tonnes").confidence == "low"
    assert _one(article, "30 percent").confidence == "low"
    assert _one(article, "1.2 million tonnes").confidence == "high"  # a new paragraph ends the story


def test_a_speakers_own_goods_or_premises_and_a_quota_worth_a_sum_are_doubted():
    text = article(
        PUBLISHED,
        '"Half of the 12 trucks cleared in May 2025 were mine; 80 percent of my warehouse is full," a trader said.',
        '"Last week we sent dried apricots, 14 tons, our first order," he said of May 2025.',
        "Each visitor has a duty-free quota worth about 8,000 yuan a day at Horgos.",
    )
    assert one(text, "80 percent").confidence == "low"
    assert one(text, "14 tons").confidence == "low"
    assert one(text, "about 8,000 yuan").confidence == "low"


def test_one_named_persons_story_and_age_are_doubted():
    article = _article(
        "2025-09-02",
        "Trader Aliya Nur, 38, has crossed at Horgos 200 times and sells 5,000 yuan of goods a week.",
        "Horgos Port handled 1.2 million trips in August.",
        # sealed88/06: the time one named driver's papers took
        "It took only 2 minutes for Yan Xuefei, a driver for a freight firm, to get his permit at Kashgar.",
    )
    for figure in ("38", "200", "5,000 yuan", "2 minutes"):
        assert _one(article, figure).confidence == "low"
    assert _one(article, "1.2 million").confidence == "high"


def test_a_person_who_tells_their_own_story_is_an_anecdote():
    article = _article(
        "2025-05-13",
        "A truck driver from Kazakhstan, Erlan, 41, said he crossed Bakhty Port 35 times last year.",
        "Bakhty Port handled 40,000 trucks last year, the station said.",
    )
    assert _one(article, "35").confidence == _one(article, "41").confidence == "low"
    assert _one(article, "40,000").confidence == "high"  # a station that says is no person's story


def test_a_firm_named_as_the_subject_of_a_present_tense_verb_tells_its_own_story():
    text = _article(
        "2024-03-20",
        "This summer, Hainan Airlines plans to run 46 routes in Xinjiang, with an average of 130 flights a day. "
        "Of these, 4 routes are newly opened.",
        "Urumqi airport handled 520 flights a day in March.",
    )
    assert _one(text, "46").confidence == "low"
    assert _one(text, "130").confidence == "low"
    assert _one(text, "4").confidence == "low"  # a part of the firm's figures, "of these"
    assert _one(text, "520").confidence == "high"


def test_a_firm_named_by_its_kind_is_the_subject_of_its_own_figures():
    text = article(
        "2024-08-14",
        "Tianma Air added a route to Bishkek from Urumqi Diwopu International Airport in June.",
        "The airline's flights on the route have gone from one to four a week.",
        "An executive said the carrier, one of the region's two local airlines, has flown 12,000 passengers from "
        "Urumqi this year, 150 percent more than a year before.",
        "The company Skyroute has been given 300 hectares near Kashgar for a cargo hub.",
        "Urumqi Diwopu International Airport handled 1.1 million passengers in July, the company said.",
    )
    for figure in ("four", "two", "12,000", "150 percent", "300 hectares"):
        assert one(text, figure).confidence == "low", figure
    # a firm that only reports the airport's figure is its source, not its subject
    assert one(text, "1.1 million").confidence == "high"


def test_a_speakers_own_doings_and_business_are_an_anecdote():
    text = article(
        "2024-09-03",
        '"I made about 15 trips through the Horgos road port last month," the driver said.',
        '"Our freight yard at Horgos shipped 800,000 tons in the first half of the year.',
        'Our plan is 2 million tons next year."',
        '"We cleared about 600 trucks a day at the Horgos road port in August," a customs officer said.',
    )
    for figure in ("about 15", "800,000 tons", "2 million tons"):
        assert one(text, figure).confidence == "low", figure
    # an official's "we" speaks for the port
    assert one(text, "about 600").confidence == "high"
