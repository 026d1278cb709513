"""Freight services and corridors named by their ends ("the China-Europe freight service"): places the data lacks."""

from __future__ import annotations

import re

_END = r"(?:China|Europe|Central\s+Asia|South\s+Asia|[A-Z][a-z]+stan|Russia|Mongolia|Iran|Türkiye|Turkey)"
# "the China-Kyrgyzstan-Uzbekistan transport corridor", "the cross-border China-Europe freight service", "China Rail
# Express": a whole service or corridor named by the places it joins. Not "China-Europe freight trains", which a
# port's article uses for the trains through that port.
NETWORK = re.compile(
    rf"\b{_END}(?:\s*[-\u2013]\s*{_END})+\"?\s+(?:(?:multimodal|intermodal|transport|freight|cargo|international"
    rf"|rail|railway|train|trains|express|land|trade)\s+)*(?:corridors?|services?|networks?|express)\b"
    r"|\bChina\s+Rail(?:way)?\s+Express\b",
)
# words that point at a port, station or the region, or name one: then the figure is that place's, not the network's
_PLACE_WORDS = re.compile(r"\b(?:ports?|stations?|crossings?|Xinjiang|region|regional|airports?|through|via)\b", re.I)


def network_subject(lead: str, clause: str) -> str:
    """The network the text before a figure is about, when neither it nor the figure's clause names or points at a
    place ("the China-Europe freight service has linked 59 cities"); "" otherwise."""
    match = next(reversed(list(NETWORK.finditer(lead))), None)
    if match is None or _PLACE_WORDS.search(lead) or _PLACE_WORDS.search(clause):
        return ""
    return " ".join(match.group(0).replace('"', "").split())
