"""Counts that refer back to things already counted or named: doubted, while a first count of a kind stays."""

from __future__ import annotations

from tests.proposing import article, found


def _confidence(text: str) -> list[tuple[str, str]]:
    return [(written, c.confidence) for written, candidates in found(text).items() for c in candidates]


def test_a_count_referred_back_or_standing_for_the_things_is_doubted():
    text = article(
        "2023-05-04",
        "Xinjiang opened three new highway bridges near Horgos this spring, the regional transport office said.",
        "The office said the three bridges had passed their checks.",
        "The three together cost 1.2 billion yuan, and trade between the two sides rose after they opened.",
        "Two of the region's checkpoints were upgraded in April, and the other five will follow next year.",
    )
    confidence = dict(_confidence(text))
    assert confidence["three"] == "low"  # "the three bridges" and "The three together": the bridges again
    assert [c for w, c in _confidence(text) if w == "three"] == ["high", "low", "low"]
    assert confidence["1.2 billion yuan"] == "high"
    assert confidence["five"] == "low"  # "the other five": the rest of a set


def test_a_first_count_after_the_stays_a_figure():
    text = article(
        "2023-05-04",
        "In the first quarter the four comprehensive bonded zones in Xinjiang traded goods worth 9 billion yuan.",
    )
    assert dict(_confidence(text))["four"] == "high"
