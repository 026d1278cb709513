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


def found(text: str) -> dict[str, list]:
    """Each figure's candidates in a short article, by the figure as written."""
    published = text.split("Published: ")[1][:10]
    by_figure: dict[str, list] = {}
    for c in propose_candidates(text, "t", settings.DATA_DIR, published):
        by_figure.setdefault(c.figure.as_written, []).append(c)
    return by_figure


def placed(text: str, as_written: str) -> tuple[str, str]:
    """The figure's entity and its "place not in the data" flag ("" if none)."""
    candidate = one(text, as_written)
    return candidate.entity_id, next((f for f in candidate.flags.split("; ") if f.startswith("place not")), "")
