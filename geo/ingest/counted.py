"""What a count of vehicles or countries measures, read from the verb and nouns of its clause."""

from __future__ import annotations

import re

from geo.ingest.numbers import Figure

# Vehicles are exports only when the sentence says they left the country ("were exported", "shipped out", "vehicles
# for export", "left the country via", "had left through the highway port", "drove out of ... towards"); vehicles that
# "entered and left", "went through", "were inspected" or that a port "processed" are crossings either way. Both
# measures list "vehicles" as a signal, so without this the tie went to exports.
_EXPORTED = re.compile(
    r"\bexport|\bship(?:s|ped|ping)?\b|\bsold\b|\bleft\s+(?:the\s+country|through|via|for|from|china)\b"
    r"|\bdr(?:ove|ive|iven)\s+out\b",
    re.I,
)
_BOTH_WAYS = re.compile(r"\bentered\s+and\s+(?:left|exited)\b|\bentries\s+and\s+exits\b|\bin\s+and\s+out\b", re.I)


def vehicles_crossing(sentence: str, guess: str) -> bool:
    """Whether a count guessed as ``vehicle_exports`` is rather vehicles crossing: no word of its sentence exports."""
    if guess != "vehicle_exports":
        return False
    return bool(_BOTH_WAYS.search(sentence)) or not _EXPORTED.search(sentence)


# "It borders eight countries", "Bordering eight countries and regions", "5,600 km of border with eight countries",
# "borders eight central and southern Asian countries": the countries are the object of "border", whatever words
# stand between; the countries a place trades with, hosts or sends trains to are other measures.
_BORDER_VERB = re.compile(
    r"\b(?:borders?|bordering|borders?\s+(?:on|with)|(?:a\s+)?border\s+with|neighbou?rs)\s*$",
    re.I,
)
_COUNTRIES_AFTER = re.compile(r"^\s*(?:[\w-]+\s+){0,5}?countr(?:y|ies)\b", re.I)


def bordering_name(sentence: str, figure: Figure) -> str:
    """``bordering_countries`` for a count of countries that is the object of "border(s)", else ""."""
    if figure.unit != "count" or not _COUNTRIES_AFTER.match(sentence[figure.end :]):
        return ""
    return "bordering_countries" if _BORDER_VERB.search(sentence[: figure.start]) else ""
