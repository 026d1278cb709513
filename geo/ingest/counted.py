"""What a count of vehicles measures, read from the verbs of its sentence."""

from __future__ import annotations

import re

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
