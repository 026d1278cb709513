"""General rules propose learnt from all four tuning sets: place kinds decide metrics and members, periods."""

from __future__ import annotations

from geo import settings
from geo.ingest.article import strip_dateline
from geo.ingest.propose import propose_candidates


def _article(published: str, *paragraphs: str, title: str = "Xinjiang news") -> str:
    return f"Title: {title}\nPublished: {published}\n\n{title}\n\n" + "\n\n".join(paragraphs) + "\n"


def _one(article: str, as_written: str):
    published = article.split("Published: ")[1][:10]
    found = [c for c in propose_candidates(article, "t", settings.DATA_DIR, published)]
    return next(c for c in found if c.figure.as_written == as_written)


def test_an_agency_dateline_with_a_country_is_cut_off_and_its_date_is_no_period():
    text, when = strip_dateline("KASHGAR, China, (Some News / WAM - 09th Feb, 2025) The airport grew.")
    assert (text, when) == ("The airport grew.", ("Feb", 9))
    article = _article(
        "2025-02-09",
        "KASHGAR, China, (Some News / WAM - 09th Feb, 2025) The region's airports handled 3,000 flights in 2024.",
    )
    assert _one(article, "3,000").period == "2024"


def test_an_airports_totals_are_not_international_traffic():
    article = _article(
        "2025-02-09",
        "In 2024 the region's 30 airports served about 50.2 million passengers and moved 310,000 tons of cargo.",
        "Kashgar airport handled 1.2 million passengers last year, 90,000 of them on international flights.",
        "Horgos Port saw 2.1 million inbound and outbound passenger trips in 2024.",
    )
    assert _one(article, "about 50.2 million").metric == "air_passengers"
    assert _one(article, "310,000 tons").metric == "air_cargo_throughput"
    assert _one(article, "1.2 million").metric == "air_passengers"
    assert _one(article, "2.1 million").metric == "intl_passenger_trips"  # a land port's passengers cross a border
