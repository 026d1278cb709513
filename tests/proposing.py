"""Short articles written for the propose tests, and the candidate proposed for one figure in them."""

from __future__ import annotations

from geo import settings
from geo.ingest.propose import propose_candidates


def article(published: str, *paragraphs: str, title: str = "Xinjiang news") -> str:
    """An article in the held-out sets' format: header, title line, one paragraph per argument."""
    return f"Title: {title}\nPublished: {published}\n\n{title}\n\n" + "\n\n".join(paragraphs) + "\n"


def one(text: str, as_written: str):
    """The first candidate proposed for the figure written ``as_written`` in ``text``."""
    published = text.split("Published: ")[1][:10]
    found = propose_candidates(text, "t", settings.DATA_DIR, published)
    return next(c for c in found if c.figure.as_written == as_written)
