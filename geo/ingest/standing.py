"""Figures that stand on the article's day: rates, per-unit figures, the ends of a change, counts in a clause of their own."""

from __future__ import annotations

import re

from geo.ingest.numbers import Figure
from geo.ingest.periods import Period
from geo.ingest.text import clause_span

# "the airport runs 227 routes", "there are 26 airports": a count that stands on the article's day
PRESENT = re.compile(
    r"\b(?:runs|operates|hosts|covers|links|serves|connects|offers|boasts|spans|includes|there are|there is)\b", re.I
)
_PER_UNIT_AFTER = re.compile(
    r"\s*(?:[\w-]+\s+){0,4}?(?:per|a|each|every)\s+(?:[\w-]+\s+)?"
    r"(?:day|week|month|vehicle|truck|car|unit|person|passenger|container|wagon|trip)\b",
    re.I,
)
_PER_UNIT_BEFORE = re.compile(
    r"\b(?:average daily|daily average|each|every|per(?!\s+cent))\b(?:\s+[\w-]+){0,6}?\s+(?:of\s+)?"
    r"(?:(?:about|around|over|more than|at least|as many as|up to|nearly)\s+)?$",
    re.I,
)
_PRESENT_PLURAL = re.compile(r"\b(?:that|which|now)\s+(?:reach|link|connect|serve|cover|run|span)\b", re.I)


def stands_in_clause(text: str, figure: Figure, found: list[Period]) -> bool:
    """Whether a figure's own clause, free of time words, says in the present tense that a count stands."""
    start, end = clause_span(text, figure.start, figure.end)
    if start == 0 or any(start <= p.start < end or p.start <= start < p.end for p in found):
        return False  # the sentence's first clause is where its period phrase belongs
    clause = text[start:end]
    return bool(PRESENT.search(clause) or _PRESENT_PLURAL.search(clause))


def stands(text: str, figure: Figure) -> bool:
    """A rate ("500 a day"), a per-unit figure ("100 yuan per vehicle") or one end of a change ("from 12 to four")."""
    start, end = clause_span(text, figure.start, figure.end)
    before, after = text[start : figure.start], text[figure.end : end]
    if _PER_UNIT_AFTER.match(after) or _PER_UNIT_BEFORE.search(before):
        return True
    # "from nine steps to four": the before names "from" right before it, the after follows "from X ... to"
    return bool(re.search(r"\bfrom\s+$", before) and re.match(r"\s*(?:[\w-]+\s+){0,2}?to\b", after)) or bool(
        re.search(r"\bfrom\s+[\w.,]+(?:\s+[\w-]+){0,2}\s+to\s+(?:just\s+|only\s+)?$", before)
    )
