"""One vehicle's or shipment's load, told through a participle of loading: a single trip's detail, doubted."""

from __future__ import annotations

import pytest

from tests.proposing import article, one

PUBLISHED = "2025-04-18"


@pytest.mark.parametrize(
    ("sentence", "written"),
    [
        (
            "On Monday a block train left Urumqi for Almaty, loaded with spare parts weighing some 730 tonnes.",
            "some 730 tonnes",
        ),
        ("The refrigerated container at gate 3, carrying 26 tonnes of grapes, cleared in minutes.", "26 tonnes"),
        ("The charter shipment was made up of 12 reefer boxes and 40 dry boxes of melons.", "12"),
        (
            "The charter shipment was made up of 12 reefer boxes, 9 tank boxes and 40 dry boxes of melons.",
            "40",
        ),
        ("A convoy of 18 lorries passed Khunjerab on Tuesday, worth $2.4 million in all.", "$2.4 million"),
    ],
)
def test_what_one_vehicle_or_consignment_carried_is_doubted(sentence, written):
    text = article(PUBLISHED, "Horgos is a busy crossing.", sentence)
    assert one(text, written).confidence == "low"


@pytest.mark.parametrize(
    ("sentence", "written"),
    [
        # a kind of train told as a flow through a finite verb is the place's figure
        ("In the first quarter the China-Europe freight train carried 86,000 TEUs through Alashankou.", "86,000 TEUs"),
        # trains in the plural, and a train service, are flows too
        ("In March, freight trains carrying 310,000 tonnes of goods crossed Horgos.", "310,000 tonnes"),
        ("In March the freight train service carrying goods to Europe ran 420 trips through Horgos.", "420"),
    ],
)
def test_a_flow_of_trains_is_not_one_load(sentence, written):
    text = article(PUBLISHED, "Horgos is a busy crossing.", sentence)
    assert one(text, written).confidence == "high"
