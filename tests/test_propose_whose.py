"""The seventh tuning's rules: multiples, clock times, whose figure a clause gives, the article's own subject."""

from __future__ import annotations

from geo.ingest.numbers import find_figures
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
