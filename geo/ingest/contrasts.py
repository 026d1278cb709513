"""Clauses whose places are not the figure's: a contrast before it ("..., while ..."), the base it is compared with."""

from __future__ import annotations

import re

_CONTRAST = re.compile(r"[,;]\s+(?:while|whereas|but)\s+")
# a clause that points back to a place ("while the other port", "its", "the airport") names one of its own
_POINTS = re.compile(r"\b(?:other|its|their|the (?:new |dry |land )?(?:port|airport|station|city|region))\b", re.I)


def own_clause(sentence: str, end: int, named_at: list[int]) -> int:
    """Where the contrast clause before ``end`` starts when it names a place (one of ``named_at``) or points to one.

    "..., while the Khorgos road port saw 200,000 trucks" and "..., while the other port recorded 40 percent" are
    about the places of their own clause; "cargo at the airport rose, while flights rose to 900" names none, so it
    goes on about the places named before it: 0, as when the sentence has no such clause.
    """
    starts = [m.end() for m in _CONTRAST.finditer(sentence[:end])]
    if not starts:
        return 0
    start = starts[-1]
    return start if any(at >= start for at in named_at) or _POINTS.search(sentence[start:end]) else 0


# "more than 10 times the freight the Alashankou port station handled in its first year": the place compared with
_BASE = re.compile(r"\b(?:times|than)\s+(?:the|that of|those of|what)\b[^,;.]*", re.I)


def compared_spans(sentence: str) -> list[tuple[int, int]]:
    """Where the sentence names the base a figure is compared with; a place named there is not the figure's."""
    return [m.span() for m in _BASE.finditer(sentence)]


def without_compared(sentence: str) -> str:
    """The sentence with its comparison bases blanked (same length)."""
    return _BASE.sub(lambda m: " " * len(m.group(0)), sentence)
