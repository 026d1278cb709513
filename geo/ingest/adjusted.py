"""Figures a sentence-wide period does not fit: a count now before a plan, years "respectively", a value a year before."""

from __future__ import annotations

import re
from datetime import date

from geo.ingest.measures import BRINGING_TOTAL
from geo.ingest.numbers import Figure
from geo.ingest.periods import Period

NOW = re.compile(r"\b(?:now|at present|currently|presently|at the moment|to date|(?<!said )today)\b", re.I)
# "23.8% of the year's plan", "the annual plan": how much of a plan was done is a figure of the period, not a plan
PLANNED = re.compile(
    # ("38 days earlier than planned": what happened, set against a plan)
    r"\b(?<!year's )(?<!year\u2019s )(?<!annual )(?<!yearly )(?<!than )(?:plan|plans|planned)\b"
    r"|\b(?:will|would|expect|expects|expected|target|targets|aims?|goal)\b",
    re.I,
)
YEAR_NAMED = re.compile(r"\b(?:this|the|last) year\b|\b(?:19|20)\d{2}\b|\byear[- ]to[- ]date\b", re.I)
# "14 routes in total, seven of them to Europe"
_RESPECTIVELY = re.compile(r"\brespectively\b", re.I)
_COMPARED_FROM = re.compile(r"\b(?:compared (?:with|to)|up from|down from|against|from)\s*$", re.I)
_YEAR_BEFORE = re.compile(
    r"^\s*(?:[\w-]+\s+){0,3}?(?:in|during|over)?\s*(?:the same period (?:of |in )?last year|a year (?:earlier|ago|before)"
    r"|last year)\b",
    re.I,
)


def adjusted(
    text: str,
    clean: str,
    figures: list[Figure],
    result: list[tuple[str, str]],
    years: list[Period],
    published: date | None,
) -> list[tuple[str, str]]:
    """Figures a sentence-wide period does not fit: a count now before a plan, years listed "respectively",
    a value a year before ("compared with 1.6 million tonnes in the same period last year")."""
    result = list(result)
    plan = PLANNED.search(clean)
    if plan and published and NOW.search(clean[: plan.start()]):
        # "now has 26 airports and plans to build five more by 2030": the 26 stand today
        result = [(published.isoformat(), "now: the publication date") if f.end <= plan.start() else r
                  for f, r in zip(figures, result, strict=True)]  # fmt: skip
    same = [i for i, f in enumerate(figures) if f.unit == figures[0].unit] if figures else []
    if _RESPECTIVELY.search(text) and len(years) == len(same) >= 2:
        # "in 2023 and 2024, the port handled 1.1 million and 1.3 million tonnes, respectively"
        for i, year in zip(same, years, strict=True):
            result[i] = (year.period, "years and figures in the same order ('respectively')")
    for i, figure in enumerate(figures):
        total = BRINGING_TOTAL.search(text[: figure.start])
        # "taking the number of trains this year to 8,000" is this year's count so far, not a total that stands
        if published and total and not YEAR_NAMED.search(total.group(0)):
            result[i] = (published.isoformat(), "a total that stands: the publication date")
            continue
        if _COMPARED_FROM.search(text[: figure.start]) and _YEAR_BEFORE.match(text[figure.end :]):
            shifted = re.sub(r"\d{4}", lambda m: str(int(m.group(0)) - 1), result[i][0])
            result[i] = (shifted, "the value a year before, compared with")
    return result
