"""The ninth tuning's rules: a body of a place that reports a figure is its source, not its place; ..."""

from __future__ import annotations

from geo.ingest.organisations import without_organisations
from tests.proposing import article, one

PUBLISHED = "2024-06-10"


def test_a_body_of_a_place_before_its_name_is_who_reports_not_where():
    # the body's noun before "of" and the place, in either case, with the place's kind or an apposition after it
    assert "Urumqi" not in without_organisations("The Customs of Urumqi, the regional capital, said trade grew.")
    assert "Kashgar" not in without_organisations("According to the statistics office of Kashgar prefecture, 40 buses")
    text = article(
        PUBLISHED,
        "In the first quarter of 2024 the trade of the Xinjiang Uygur Autonomous Region grew.",
        "The Customs of Urumqi, the regional capital, said the region traded with 140 countries and regions in "
        "the first quarter of 2024.",
    )
    assert one(text, "140").entity_id == "xinjiang"


def test_the_source_office_does_not_take_the_ports_figures_as_a_place_the_data_lacks():
    text = article(
        PUBLISHED,
        "The Khunjerab Pass opened twice in the winter for urgent supplies.",
        "According to the transport office of Kashgar prefecture, the openings saw 240 trucks cross.",
    )
    found = one(text, "240")
    assert found.entity_id == "khunjerab"
    assert "place not in the data" not in found.flags
