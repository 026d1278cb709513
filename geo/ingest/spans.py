"""Spans of years that say how long something lasted, took or has been (a closure, a growth, an age): no measure."""

from __future__ import annotations

import re

from geo.ingest.numbers import Figure

# The span is the object of a preposition of duration: "shut for almost three years", "grew in three years to",
# "within five years", "In a mere 30 years", "over the next ten years". Every gold row in years is noise, and
# data/facts.csv keeps years only as a streak ("for two years running") or a path's age ("its 70-year journey"),
# neither governed so.
_GOVERNED = re.compile(
    r"\b(?:for|in|within|over|after|during)\s+(?:(?:a|the)\s+)?(?:(?:mere|short|brief|period of|space of|span of"
    r"|just|only|some|another|next|following|first)\s+)*$",
    re.I,
)
# "25 years after she first came", "ten years on": time gone by since an event; "a 52-year-old trader", "60 years
# old": an age; "after a three-year break": how long a pause lasted
_AFTER = re.compile(
    r"^\s*(?:after|later|old|of age)\b|^-old\b"
    r"|^[\s-]*(?:break|hiatus|pause|closure|shutdown|suspension|absence|gap|lull|interruption|wait)\b",
    re.I,
)
# "a 5-year income tax break", "five-year tax exemptions", "the three-year special action": the length of a plan,
# a term or a break, named before it
_TERM = re.compile(
    r"^\s+(?:(?:[\w-]+\s+){0,2}?)(?:tax|income|exemptions?|breaks?|plans?|drive|action|programmes?|programs?"
    r"|terms?|contracts?|leases?|holiday|refunds?)\b",
    re.I,
)
# "for two years running", "for five years in a row": the streak data/facts.csv keeps (pc-20); the thirtieth tuning's
# streak rule reads the rest
_STREAK = re.compile(r"^\s*(?:running|in a row|straight|consecutively)\b", re.I)


def span_of_years(sentence: str, figure: Figure) -> str:
    """Why a figure in years is a span of time rather than a measure, or "" when it is not one.

    Parameters
    ----------
    sentence : str
        The sentence the figure was found in.
    figure : Figure
        A figure of that sentence.

    Returns
    -------
    str
        The doubt, for the review file's low-confidence section, or "".
    """
    if figure.unit != "years":
        return ""
    before, after = sentence[: figure.start], sentence[figure.end :]
    if _STREAK.match(after):
        return ""
    if _AFTER.match(after):
        return "a span of years since an event, an age or a pause, not a measure"
    if figure.as_written.lower().endswith("-year") and _TERM.match(after):
        return "the length of a plan, a term or a break ('a five-year tax break'), not a measure"
    if _GOVERNED.search(before):
        return "how long something lasted or took ('shut for three years', 'within five years'), not a measure"
    return ""
