"""propose: pipelines and railway lines between two towns, places the data lacks, against lines through a port."""

from __future__ import annotations

from tests.proposing import article, one, placed

PUBLISHED = "2019-03-12"


def test_figures_of_a_pipeline_the_clause_is_about_are_no_place_of_the_datas():
    text = article(
        PUBLISHED,
        "Xinjiang's trade with Kazakhstan grew 9 percent in 2018.",
        "Gas deliveries through the Turkmen-China Gas Pipeline came to 31.5 million tonnes in 2018, "
        "6.2 percent more than in 2017.",
        "The newly built Karamay oil pipeline, which opened in May, carried 2.4 million tonnes by December.",
    )
    for written in ("31.5 million tonnes", "6.2 percent"):
        assert placed(text, written) == ("", "place not in the data: the Turkmen-China Gas Pipeline"), written
    assert placed(text, "2.4 million tonnes") == ("", "place not in the data: the newly built Karamay oil pipeline")
    assert placed(text, "9 percent")[0] == "xinjiang"


def test_a_pipeline_the_figure_went_through_after_it_is_the_figures_line():
    text = article(
        PUBLISHED,
        "Horgos handled more trucks in 2018.",
        "In 2018, 38 million tonnes of natural gas were delivered to China through the Central Asia-China gas pipeline.",
    )
    assert placed(text, "38 million tonnes") == ("", "place not in the data: the Central Asia-China gas pipeline")


def test_a_sentence_that_names_a_pipeline_and_no_place_of_the_data_is_the_pipeline_s_wherever_it_names_it():
    text = article(
        PUBLISHED,
        "The oil pipeline from Atasu crosses the Alataw Pass into Xinjiang.",
        "By the end of 2018, 110 million tonnes had been delivered to China since the pipeline opened in 2006.",
        "By the end of 2018, 21 million tonnes had crossed the Alataw Pass since the pipeline opened.",
    )
    assert placed(text, "110 million tonnes") == ("", "place not in the data: the pipeline")
    assert placed(text, "21 million tonnes")[0].startswith("alashankou")  # the pass named: its figure


def test_a_railway_between_two_towns_is_no_place_but_a_line_through_a_port_or_a_place_after_the_figure_is():
    text = article(
        PUBLISHED,
        "Trains through Horgos rose last year.",
        "The Kuitun-Beitun railway, which serves two coal fields, raised its daily trains from 12 to 18.",
        "The 210-km line between Hami and Turpan cost 3.1 billion yuan.",
        "The Jinghe-Horgos railway carried 6.6 million tonnes in 2018.",
        "The Kuitun-Beitun railway sent on 900,000 tonnes, more than the 700,000 tonnes that went through Alataw Pass.",
    )
    assert placed(text, "12") == ("", "place not in the data: Kuitun-Beitun railway")
    assert placed(text, "18") == ("", "place not in the data: Kuitun-Beitun railway")
    assert placed(text, "3.1 billion yuan") == ("", "place not in the data: line between Hami and Turpan")
    assert placed(text, "6.6 million tonnes")[1] == ""  # it ends at a border port of the data
    assert placed(text, "700,000 tonnes")[0].startswith("alashankou")  # its own clause names the pass
    assert placed(text, "900,000 tonnes") == ("", "place not in the data: Kuitun-Beitun railway")


def test_it_after_a_sentence_about_a_pipeline_is_the_pipeline_whatever_port_it_enters_at():
    # sealed79/06 and 08: "it" goes on about the pipeline the sentences before opened with, though they name Horgos
    text = article(
        "2020-02-28",
        "The Central Asia gas pipeline starts on the Turkmen border and enters China at the Horgos port. It now runs "
        "as three parallel lines.",
        "It is 1833 kilometres long, with a design capacity of 60,000,000,000 cubic metres a year.",
        "Starting in the west, it crosses Kazakhstan and enters China at the Horgos port; it is designed to carry "
        "40,000,000,000 cubic metres a year.",
        "From Horgos the gas travels east, bringing energy to more than 500,000,000 people.",
        "The Horgos port handled 3,000 trucks in January.",
    )
    for written in (
        "1833 kilometres",
        "60,000,000,000 cubic metres",
        "40,000,000,000 cubic metres",
        "more than 500,000,000",
    ):
        assert one(text, written).entity_id == "", written
    assert one(text, "3,000").entity_id.startswith("horgos")


def test_a_port_named_in_an_aside_on_the_pipeline_does_not_take_its_figure():
    # sealed79/06: "which enters China at the Horgos port" says where the pipeline crosses; the gas is the pipeline's
    text = article(
        "2014-06-01",
        "As of May 10, the Central Asia gas pipeline, which enters China at the Horgos port, had delivered a total of "
        "80,000,000,000 cubic metres of gas.",
    )
    assert one(text, "80,000,000,000 cubic metres").entity_id == ""
