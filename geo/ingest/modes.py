"""Which mode a figure's words name: trains for the rail port, trucks and vehicles carrying cargo for the road port."""

from __future__ import annotations

import re

from geo.ingest.numbers import Figure
from geo.ingest.text import clause_span

RAIL = re.compile(
    r"\b(?:trains?|wagons?|rail(?:way)?s?|gauge|freight train|china-europe|carriages?|tracks|transshipment)\b", re.I
)
# "the modern Silk Road" names no mode
ROAD = re.compile(
    r"\b(?:trucks?|lorr(?:y|ies)|by road|highway|(?<!silk )road|buses|coaches|passengers?|drivers?)\b", re.I
)
# vehicles that carry the cargo are lorries crossing by road; vehicles exported are the cargo, carried by any mode
CARRYING = re.compile(r"\s*vehicles\b[^.;]{0,60}?\b(?:carrying|carried|loaded with|laden with)\b", re.I)
# vehicles that cross ("freight vehicles entered and left through the port 70801 times", "vehicle entries and exits")
# are lorries and buses on the road; vehicles exported may go by train
CROSSING = re.compile(
    r"\b(?:freight|cargo|international|inbound|outbound)\s+vehicles\b"
    r"|\bvehicles?\s+(?:entries|exits|crossings|trips|passages)\b"
    r"|\bvehicles\s+(?:entered|entering|crossed|crossing|passed|exited)\b",
    re.I,
)


def clause_mode(sentence: str, figure: Figure) -> bool:
    """Whether the figure's own clause names a mode (trains, trucks, "the road port")."""
    clause = sentence[slice(*clause_span(sentence, figure.start, figure.end))]
    return bool(RAIL.search(clause) or ROAD.search(clause))
