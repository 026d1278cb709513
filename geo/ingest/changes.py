"""The start of a change written "from A at first to B": the year the sentence says the change began."""

from __future__ import annotations

import re
from datetime import date

from geo.ingest.numbers import Figure

# "has grown from 17 a year at first to over 6,000 currently", "soared from 17 at first to nearly 6,000": the start
# of a change named by when it was, not by a period phrase (the sentence's "since ... 2011" says which year)
_AT_FIRST = re.compile(
    r"^\s*(?:(?:a|per|each|every)\s+(?:year|month|day)\s+)?(?:at first|at the start|at the outset|initially|in the "
    r"beginning|at its start|at launch)\b",
    re.I,
)
_FROM = re.compile(r"\bfrom\s*$", re.I)
_TO = re.compile(r"^[\s,]*to\s*$", re.I)
# "Since the service started in 2011", "began in 2013", "since 2011": the year the change started from
_BEGAN = re.compile(
    r"\b(?:since|began|begun|started|launched|opened|set up)\b[^.;]{0,80}?\b(?:in\s+)?(?P<y>(?:19|20)\d{2})\b", re.I
)


def change_start(
    text: str, figures: list[Figure], result: list[tuple[str, str]], published: date | None
) -> list[tuple[str, str]]:
    """Date the start of "from A at first to B" by the year the change began (its end: ``standing.yearly_amounts``).

    Parameters
    ----------
    text : str
        The sentence as written (its event, "since the service began in 2011", dates the start).
    figures : list[Figure]
        Its figures, in order.
    result : list[tuple[str, str]]
        Each figure's period and rule so far.
    published : date or None
        The page's day.

    Returns
    -------
    list[tuple[str, str]]
        The periods, the start of such a change redated.
    """
    began = _BEGAN.search(text)
    if not began or not published:
        return result
    dated = list(result)
    for index in range(len(figures) - 1):
        start, end = figures[index], figures[index + 1]
        after_start = text[start.end : end.start]
        first = _AT_FIRST.match(after_start)
        if not first or not _FROM.search(text[: start.start]) or not _TO.match(after_start[first.end() :]):
            continue
        if start.unit != end.unit or int(began.group("y")) >= published.year:
            continue
        dated[index] = (began.group("y"), "a change's start 'at first': the year it began")
    return dated
