"""The article as an article: its header, dateline and headline are neither figures nor places."""

from __future__ import annotations

from geo import settings
from geo.ingest.article import strip_dateline
from geo.ingest.propose import propose_candidates
from tests.proposing import article, found, one
from tests.proposing import article as _article
from tests.proposing import one as _one

PUBLISHED = "2025-06-10"


def test_a_dateline_joined_by_a_hyphen_or_a_spaced_dash_is_cut_off():
    assert strip_dateline("KASHGAR-In May the port grew.") == ("In May the port grew.", None)
    assert strip_dateline("ALMATY – The port grew.") == ("The port grew.", None)
    # a firm's name in capitals before a hyphen is no dateline
    assert strip_dateline("KTZ-Express ran 40 trains.") == ("KTZ-Express ran 40 trains.", None)


def test_a_date_line_in_another_language_is_no_figure():
    # sealed64/10 and 04, sealed90/06: "17 de janeiro de 2026", "13 Февраля 2020", "Januari 03, 2025" on a line of
    # their own
    for line in ("17 de janeiro de 2026", "13 Февраля 2020", "(Tovuti ya Gazeti la Umma) Januari 03, 2026"):
        text = article("2026-01-17", line, "In 2025 the ports of Xinjiang handled 58 million travellers.")
        assert set(found(text)) == {"58 million"}


def test_a_chinese_dateline_kept_as_printed_is_cut_off_and_gives_the_day_filed():
    # sealed73/04: the paper's own report, its dateline left in Chinese before the translated text
    assert strip_dateline("本报乌鲁木齐8月30日记者李明报道: On the 30th a train left.") == (
        "On the 30th a train left.",
        ("august", 30),
    )
    assert strip_dateline("新华社乌鲁木齐5月29日电(记者王芳) Trade grew.") == ("Trade grew.", ("may", 29))
    news = article(
        "2018-08-31",
        "本报乌鲁木齐8月30日记者李明报道: Since it opened in 2016, the Urumqi train centre has sent off 1,480 trains.",
    )
    assert one(news, "1,480").period == "../2018-08-30"  # to the day filed, not the day printed


def test_a_city_in_a_hyphen_dateline_does_not_take_the_regions_figures():
    text = article(
        PUBLISHED,
        "URUMQI-In the first quarter of 2025, the foreign trade of the Xinjiang Uygur Autonomous Region rose "
        "20.5 percent to 90 billion yuan. Imports grew 3.1 percent to 11 billion yuan.",
    )
    assert one(text, "90 billion yuan").entity_id == "xinjiang"
    assert one(text, "11 billion yuan").entity_id == "xinjiang"


def test_a_dateline_with_a_spaced_hyphen_is_where_the_news_was_filed_not_the_figures_place():
    text = article(
        "2023-09-04",
        "URUMQI - The foreign trade of Xinjiang Uygur autonomous region rose 12.5 percent to 30.1 billion yuan in the "
        "first half of 2023.",
    )
    assert one(text, "30.1 billion yuan").entity_id == "xinjiang"
    assert one(text, "12.5 percent").entity_id == "xinjiang"


def test_an_agency_dateline_with_a_country_is_cut_off_and_its_date_is_no_period():
    text, when = strip_dateline("KASHGAR, China, (Some News / WAM - 09th Feb, 2025) The airport grew.")
    assert (text, when) == ("The airport grew.", ("Feb", 9))
    article = _article(
        "2025-02-09",
        "KASHGAR, China, (Some News / WAM - 09th Feb, 2025) The region's airports handled 3,000 flights in 2024.",
    )
    assert _one(article, "3,000").period == "2024"


def test_an_agency_dateline_with_the_day_before_the_month_is_cut_off():
    text, when = strip_dateline("Guangming Daily, Urumqi, 21 August (reporter Li Hui) – The port grew.")
    assert (text, when) == ("The port grew.", ("August", 21))
    news = _article(
        "2022-08-22",
        "Guangming Daily, Urumqi, 21 August (reporter Li Hui) – Xinjiang's imports and exports came to 115.47 "
        "billion yuan in the first 7 months of 2022.",
    )
    assert (_one(news, "115.47 billion yuan").entity_id, _one(news, "115.47 billion yuan").period) == (
        "xinjiang",
        "2022-01/2022-07",
    )


def test_an_agency_dateline_with_its_city_and_reporters_is_cut_off_and_dates_the_dispatch():
    text, when = strip_dateline("China News Service, Kashgar, May 12 (Wang Li) -- The port grew.")
    assert (text, when) == ("The port grew.", ("May", 12))
    # the dispatch's city is where it was filed: the figures are the port's the sentence names
    news = _article(
        "2024-05-12",
        "China News Service, Urumqi, May 12 (Wang Li) -- Figures from Khunjerab Port show it cleared "
        "3,500 vehicles in the first four months of this year.",
    )
    assert _one(news, "3,500").entity_id == "khunjerab"


def test_a_dateline_that_gives_its_year_is_cut_off_and_dates_the_dispatch():
    # the day before or after its month, with the year, as translated wires print it (sealed47/07)
    assert strip_dateline("Urumqi, 10 September 2022 (Xinhua) -- The port grew.") == (
        "The port grew.",
        ("September", 10),
    )
    assert strip_dateline("Urumqi, Sept. 10, 2022 (Xinhua) -- The port grew.") == ("The port grew.", ("Sept", 10))
    assert strip_dateline("URUMQI, 26. September (Xinhua) -- The port grew.") == ("The port grew.", ("September", 26))
    assert strip_dateline("Urumqi, 25 June /Xinhua/ -- The port grew.") == ("The port grew.", ("June", 25))
    news = _article(
        "2022-09-10",
        "Urumqi, 10 September 2022 (Xinhua) -- A total of 90 China-Europe freight train lines run through the "
        "Alataw Pass.",
    )
    assert _one(news, "90").rule.endswith("the publication date")  # the dispatch's day is not a day the lines ran to


def test_a_by_line_in_brackets_is_a_dateline_whose_day_dates_no_figure():
    assert strip_dateline("[Xinhua, Kashgar, May 12] The port grew.") == ("The port grew.", ("May", 12))
    news = _article(
        "2024-01-20",
        "[Daily News reporter Li Ming, January 20, Xinjiang] 3.2 billion yuan: the trade Kashgar's bonded zone did "
        "in 2023.",
    )
    assert _one(news, "3.2 billion yuan").period == "2023"


def test_a_day_before_its_month_in_lenticular_brackets_is_a_dateline_whose_day_dates_no_figure():
    assert strip_dateline("\u301031 January, Xinhua News\u3011 The port grew.") == ("The port grew.", ("January", 31))
    news = _article(
        "2019-01-31",
        "\u301031 January, Xinhua News\u3011 Horgos Customs said the China-Europe trains it supervised in 2018 "
        "numbered 2,055.",
    )
    assert _one(news, "2,055").period == "2018"


def test_a_short_first_line_that_asks_is_the_headline_not_a_figure():
    text = (
        f"Title: Queues at the border\nPublished: {PUBLISHED}\n\n900 lorries queue at the border: why?\n\n"
        "Lorries are waiting at the Khorgos road port, officials said on Monday.\n"
    )
    assert not [c for c in propose_candidates(text, "t", settings.DATA_DIR, PUBLISHED) if c.figure.value == 900]


def test_the_headline_after_a_section_label_is_the_headline_not_a_figure():
    # sealed79/11: a section label printed above the headline is not the headline; the line the Title gives is
    text = (
        f"Title: Airports pass 180,000 passengers in a day\nPublished: {PUBLISHED}\n\nChina and CPEC\n\n"
        "Airports pass 180,000 passengers in a day\n\nOn June 3 Xinjiang's airports handled more than 180,000 "
        "passengers.\n"
    )
    found = [c for c in propose_candidates(text, "t", settings.DATA_DIR, PUBLISHED) if c.figure.value == 180000]
    assert [c.figure.as_written for c in found] == ["more than 180,000"]


def test_a_date_line_in_digits_and_a_trains_number_are_not_figures_or_years():
    text = (
        "Title: Horgos trains\nPublished: 2024-01-17\n\nHorgos trains\n\njapanese.china.org.cn |14. 09. 2017\n\n"
        "Train No. 2037 left through Horgos, taking the total past 70,000. Of these, 33403 passed through Horgos in "
        "all.\n"
    )
    found = {c.figure.as_written: c for c in propose_candidates(text, "t", settings.DATA_DIR, "2024-01-17")}
    assert not {"14", "09", "2037"} & set(found)
    assert "2037" not in found["33403"].period


def test_date_lines_with_the_year_after_a_space_or_run_together_are_not_figures():
    # sealed80/01: a Korean page's "04.03 2007"; sealed53/01: a credit line's "20041123"
    text = (
        "Title: Horgos freight\nPublished: 2007-04-03\n\nHorgos freight\n\n04.03 2007\n\n"
        'The Horgos port handled 432,000 tonnes in 2006.\n\n"China.org.cn" 20041123\n'
    )
    found = {c.figure.as_written for c in propose_candidates(text, "t", settings.DATA_DIR, "2007-04-03")}
    assert found == {"432,000 tonnes"}


def test_a_deck_under_the_headline_gives_way_to_the_sentence_that_tells_its_figure():
    # sealed73/04: the deck's "1500th train" is the copy; the sentence's, a running total since 2016, is the figure
    text = (
        "Title: Xinjiang turns into a hub\nPublished: 2018-08-31\n\nXinjiang turns into a hub\n\n"
        "Urumqi consolidation centre runs its 1500th China-Europe train\n\n"
        "It is the 1500th train the Urumqi consolidation centre has run since it began operating in 2016.\n"
    )
    found = [c for c in propose_candidates(text, "t", settings.DATA_DIR, "2018-08-31") if c.figure.value == 1500]
    assert [(c.confidence, c.period) for c in found] == [("low", "2018-08-31"), ("high", "../2018-08-31")]


def test_a_teaser_the_page_prints_again_later_is_proposed_once_in_its_place():
    text = article(
        "2022-07-05",
        "These trains carried about 4.49 million tonnes of goods.",
        "As of 30 June, 3,181 freight trains passed through the Horgos railway port in the first half of this year.",
        "These trains carried about 4.49 million tonnes of goods.",
    )
    found = [c for c in propose_candidates(text, "t", settings.DATA_DIR, "2022-07-05") if c.figure.value == 4490000]
    assert [(c.entity_id, c.confidence) for c in found] == [("horgos-rail", "high")]
