"""Counts that are names, not measures: things the text lists one by one, and partner countries named by their count."""

from __future__ import annotations

import pytest

from tests.proposing import article, one

PUBLISHED = "2025-03-04"


def _confidence(sentence: str, as_written: str) -> str:
    return one(article(PUBLISHED, sentence), as_written).confidence


@pytest.mark.parametrize(
    ("sentence", "as_written"),
    [
        ("Buyers came from three Gulf states: Oman, Qatar and Bahrain, the fair's organisers said.", "three"),
        ("Exports rose 12 percent to the six border towns -- Tacheng, Bole, Yumin, Emin, Hoboksar and Jeminay.", "six"),
        ("The customs office runs four inspection sites, in Tacheng, Bole, Yumin and Emin, since January.", "four"),
        ("Wheat came mostly from Russia, Mongolia and Belarus, the region's three main grain suppliers.", "three"),
        ("Belarus, Serbia and Hungary were the region's three fastest-growing markets in May.", "three"),
        # "among them", "including", "such as" before as many names as counted: the whole list after all
        ("The oasis trades with four nearby states, among them Oman, Qatar, Bahrain and Kuwait.", "four"),
        ("Its buses reach three county towns, including Bole, Yumin and Emin.", "three"),
    ],
)
def test_a_count_of_the_names_the_text_lists_is_doubted(sentence, as_written):
    assert _confidence(sentence, as_written) == "low"


@pytest.mark.parametrize(
    ("sentence", "as_written"),
    [
        # a partial list names fewer than it counts: the count is a measure
        ("The trains now reach 14 countries, Spain and Italy among them.", "14"),
        ("The port's trains reach six countries: Poland, Germany and Belarus among them.", "six"),
        ("The port's trains reach nine countries, including Poland, Germany and Belarus.", "nine"),
        # the parts of a zone group the data holds: their number is the group's size
        ("The four bonded zones, in Kashgar, Khorgos, Alashankou and Urumqi, handled 9 billion yuan of trade.", "four"),
    ],
)
def test_a_count_the_list_does_not_exhaust_or_a_zone_groups_parts_stay_figures(sentence, as_written):
    assert _confidence(sentence, as_written) == "high"


@pytest.mark.parametrize(
    ("sentence", "as_written"),
    [
        ("The county's trade with seven Gulf states grew 9 percent in April.", "seven"),
        ("Trade between Hami and three Nordic countries reached 40 million yuan last year.", "three"),
        ("Mongolia and two Baltic nations have been widening their trade for a decade.", "two"),
        ('"Cargo between our two countries rose 8 percent," the minister said.', "two"),
    ],
)
def test_a_few_countries_named_as_a_trade_partner_by_their_count_are_doubted(sentence, as_written):
    assert _confidence(sentence, as_written) == "low"


def test_countries_a_service_reaches_stay_a_figure():
    assert _confidence("The port's trains now reach seven Gulf states and 12 other countries.", "seven") == "high"


@pytest.mark.parametrize(
    ("sentence", "as_written", "low"),
    [
        # a set the text presents as known, by "the" and a number word: no measure of the place
        ("Horgos handled 3,000 trains bound for the five Central Asian countries in 2024.", "five", True),
        ("The port carried out the three main traffic measures in 2024, and cleared 5,000 trucks.", "three", True),
        # a place's facilities, and what a place made, counted: figures the golds keep
        ("Trade through the four bonded zones reached 20 billion yuan in 2024.", "four", False),
        ("Exports grew thanks to the four green lanes that Xinjiang has opened in recent years.", "four", False),
        # digits, or no "the": a count told as news
        ("Xinjiang traded with 5 Central Asian countries and opened five new routes in 2024.", "five", False),
    ],
)
def test_a_small_set_the_text_presents_as_known_is_doubted(sentence, as_written, low):
    assert (one(article("2025-01-20", sentence), as_written).confidence == "low") == low
