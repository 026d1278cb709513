"""The seventh tuning's rules: multiples, clock times, whose figure a clause gives, the article's own subject."""

from __future__ import annotations

from geo import settings
from geo.ingest.numbers import find_figures
from geo.ingest.propose import propose_candidates
from tests.proposing import article, one

PUBLISHED = "2025-06-10"


def _units(sentence: str) -> list[tuple[str, str]]:
    return [(f.as_written, f.unit) for f in find_figures(sentence)]


def test_a_multiple_after_a_change_is_a_figure_in_times():
    assert _units("Wool shipments rose by three times and cotton by 1.8 times in March.") == [
        ("three times", "times"),
        ("1.8 times", "times"),
    ]
    assert _units("The upgrade lifted the yard's capacity 2.5 times.") == [("2.5 times", "times")]


def test_how_often_is_no_multiple():
    assert _units("The inspectors crossed 40 times and met three times a week.") == [
        ("40", "count"),
        ("three", "count"),
    ]


def test_the_hour_of_a_clock_time_is_no_figure():
    text = article(PUBLISHED, "At 6:40 a.m. on May 3, 2025, a freighter left Urumqi with 40 tonnes of parcels.")
    assert [f.as_written for f in find_figures("At 6:40 a.m. on May 3 a freighter left.")] == []
    assert one(text, "40 tonnes").figure.unit == "tonnes"


def _place(text: str, as_written: str) -> tuple[str, str]:
    candidate = one(text, as_written)
    return candidate.entity_id, next((f for f in candidate.flags.split("; ") if f.startswith("place not")), "")


def test_figures_naming_no_place_in_an_article_about_a_neighbour_are_the_neighbour_s():
    text = article(
        PUBLISHED,
        "Kazakhstan's wool exports to China came to 30,000 tonnes in April 2025, officials in Astana said.",
        "Cotton shipments rose by 12 percent and hides by 1.4 times.",
        "Goods carried by rail between the two countries grew 9 percent to 400,000 tonnes.",
        title="Kazakhstan sends more wool to China",
    )
    assert _place(text, "12 percent") == ("", "place not in the data: Kazakhstan (the article's subject)")
    assert _place(text, "1.4 times") == ("", "place not in the data: Kazakhstan (the article's subject)")
    # the border named by "the two countries" and rail: the data's rail ports on that border, not the subject
    assert _place(text, "400,000 tonnes")[1] == ""


def test_a_region_named_in_the_clause_keeps_its_figure_in_an_article_about_a_neighbour():
    text = article(
        PUBLISHED,
        "Most visitors came by bus, and Xinjiang's land ports handled 90,000 crossings in May 2025.",
        title="Kazakhstan draws more visitors",
    )
    assert _place(text, "90,000") == ("xinjiang", "")


def test_between_the_countries_is_the_border_of_the_neighbour_named_before():
    text = article(
        PUBLISHED,
        "Officials from Kazakhstan and China met in Urumqi on Monday.",
        "Freight carried by rail between the countries rose to 2.1 million tonnes in May 2025.",
    )
    assert set(one(text, "2.1 million tonnes").entity_id.split(";")) == {"alashankou-rail", "horgos-rail"}


def test_a_port_whose_name_adds_a_word_no_data_name_has_is_another_port():
    # "Khorgos" is a data name, "Eastgate" is in no name of the data: a port beside the data's, not Horgos
    text = article(PUBLISHED, "Work at the Khorgos Eastgate dry port added six tracks in May 2025.")
    assert _place(text, "six") == ("", "place not in the data: Khorgos Eastgate dry port")


def test_a_quoted_checkpoint_after_the_figure_in_its_clause_is_the_figure_s_place():
    text = article(PUBLISHED, 'About 900 lorries stood in line at the "Kalzhat" border checkpoint in May 2025.')
    assert _place(text, "About 900") == ("", "place not in the data: Kalzhat border checkpoint")


def test_a_short_first_line_that_asks_is_the_headline_not_a_figure():
    text = (
        f"Title: Queues at the border\nPublished: {PUBLISHED}\n\n900 lorries queue at the border: why?\n\n"
        "Lorries are waiting at the Khorgos road port, officials said on Monday.\n"
    )
    assert not [c for c in propose_candidates(text, "t", settings.DATA_DIR, PUBLISHED) if c.figure.value == 900]


def test_tourism_named_beside_a_port_is_the_town_s_not_the_port_s():
    text = article(
        PUBLISHED,
        "In May 2025 the border town of Alashankou received 52,000 tourist visits, and its tourism revenue rose "
        "11 percent.",
        "Trains through Alashankou rose to 640 in May 2025.",
    )
    assert _place(text, "52,000") == ("", "place not in the data: Alashankou (the city)")
    assert _place(text, "640")[0] == "alashankou-rail"


def test_the_region_keeps_its_tourism():
    text = article(PUBLISHED, "Xinjiang received 60 million tourist visits in the first quarter of 2025.")
    assert _place(text, "60 million") == ("xinjiang", "")


def test_a_place_after_in_locates_the_figure_s_noun_and_is_not_its_subject():
    text = article(
        PUBLISHED, "In 2024 the three subzones in Hami prefecture, Urumqi and Horgos carried out 40 reforms."
    )
    assert _place(text, "three") == ("xinjiang-ftz", "")


def test_a_cooperation_center_keeps_its_tourists():
    text = article(
        PUBLISHED,
        "Kazakh tourists made up 70 percent of the visitors to the Horgos International Border Cooperation Center "
        "in 2024.",
    )
    assert _place(text, "70 percent") == ("icbc-horgos", "")


def test_a_title_naming_a_data_port_keeps_its_figures_at_that_port_whatever_country_opens_it():
    text = article(
        PUBLISHED,
        "In May 2025 Kyrgyzstan sent 14 trucks of dried apricots to China through Torugart.",
        "Officers there said clearance ran at about 60 trucks a day.",
        title="Kyrgyzstan ships dried fruit to China through Torugart",
    )
    # the title is about the data's port and its trade with the neighbour: no figure goes to the neighbour
    assert _place(text, "about 60")[1] == ""
    assert one(text, "about 60").entity_id.startswith("torugart")
