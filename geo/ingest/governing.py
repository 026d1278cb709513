"""Which period phrase of a sentence is a figure's: the nearest, the year written right after it, spans and gaps."""

from __future__ import annotations

import re

from geo.ingest.numbers import Figure
from geo.ingest.periods import Period
from geo.ingest.text import clause_span

# "grew from 690 million yuan (about ...) in 2020 to 28.28 billion yuan in 2022": the year written right after a
# figure is its own, whatever period the rest of the sentence names, also after the noun it counts ("55 trains in 2014",
# "60,000 passengers entering and leaving China in 2024")
_RIGHT_AFTER = re.compile(r"\s*(?:\([^()]*\)\s*)?(?:(?!than\b)[a-z]+\s+){0,5}?(?:in|during|for)\s*$", re.I)


def own_years(
    clean: str, figures: list[Figure], found: list[Period], result: list[tuple[str, str]]
) -> list[tuple[str, str]]:
    """Each figure followed at once by "in <year>" or "in <month> <year>", or by its verb and then it ("2632 crossed in
    and out in 2017"), takes that year or month; "43% more than the total for 2019" compares with the year."""
    own = []
    for figure, current in zip(figures, result, strict=True):
        after = [
            p for p in found
            if figure.end <= p.start and re.fullmatch(r"\d{4}(?:-\d{2})?", p.period)
            and _RIGHT_AFTER.fullmatch(clean[figure.end : p.start])
        ]  # fmt: skip
        own.append((after[0].period, "the year written right after the figure") if after else current)
    return own


def clause_years(
    clean: str, figures: list[Figure], found: list[Period], result: list[tuple[str, str]], so_far_at: int
) -> list[tuple[str, str]]:
    """Each figure read as the year so far whose own clause opens on a year, with "so far" (at ``so_far_at``) only in
    a later clause, takes that year: "Last year it received 5 million visitors, and since the beginning of this year
    one million"."""
    own = []
    for figure, current in zip(figures, result, strict=True):
        start, end = clause_span(clean, figure.start, figure.end)
        said = [p for p in found if start <= p.start and p.end <= figure.start and re.fullmatch(r"\d{4}", p.period)]
        later = so_far_at >= end
        own.append((said[-1].period, "the year its own clause states") if said and later and current[1].startswith(
            "year to date") else current)  # fmt: skip
    return own


def within(period: str, interval: str) -> bool:
    """Whether a period ("2025-05") lies inside an interval ("2025-01/2025-05"), by month."""
    if "/" not in interval or not period or period.startswith(".."):
        return False
    start, end = interval.split("/")
    return start[:7] <= period.split("/")[0][:7] and period.split("/")[-1][:7] <= end[:7]


def inside(at: int, span: tuple[int, int]) -> bool:
    return span[0] <= at < span[1]


def gap(figure: Figure, period: Period) -> int:
    return max(period.start - figure.end, figure.start - period.end, 0)


def between(text: str, figure: Figure, period: Period) -> str:
    return text[figure.end : period.start] if period.start >= figure.end else text[period.end : figure.start]


def nearest(figure: Figure, periods: list[Period]) -> Period:
    def distance(period: Period) -> tuple[int, int]:
        if period.end <= figure.start:
            return (figure.start - period.end, 0)
        if period.start >= figure.end:
            return (period.start - figure.end, 1)
        return (0, 0)

    return min(periods, key=distance)
