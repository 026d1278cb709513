"""The ``period`` grammar of facts.csv: parse to date intervals, test overlap, label, and read from a link."""

from __future__ import annotations

import calendar
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd

from geo.errors import DataError

# What a period may look like, for error messages and notices.
GRAMMAR_HINT = "a period such as 2025, 2025-06, 2025-06-30, 2025-01/2025-08 or ../2025-06-30"
RANGE_HINT = "a year, month or day, or two of them joined by / (such as 2025, 2024/2025 or 2025-01/2025-06)"
# The link parameter that holds the period filter.
PARAM = "period"
OPEN = ".."
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

# The grammar, once: a point is a year, a month or a day in ASCII digits; a period is a point, two joined by
# "/", or "../" and a point. PATTERN is the data package's pattern for the ``period`` field (a test holds
# data/datapackage.json to it); the calendar (30 February, an interval that ends before it starts) is parse's.
_YEAR, _MONTH, _DAY = "[0-9]{4}", "0[1-9]|1[0-2]", "0[1-9]|[12][0-9]|3[01]"
POINT_PATTERN = f"{_YEAR}(?:-(?:{_MONTH})(?:-(?:{_DAY}))?)?"
PATTERN = f"(?:{POINT_PATTERN}|{POINT_PATTERN}/{POINT_PATTERN}|\\.\\./{POINT_PATTERN})"
_PERIOD = re.compile(PATTERN)
_POINT = re.compile(f"({_YEAR})(?:-({_MONTH})(?:-({_DAY}))?)?")


@dataclass(frozen=True)
class Period:
    """A period as a closed interval of days; ``start`` is None for an open start (a count "by" ``end``)."""

    text: str
    start: date | None
    end: date

    def overlaps(self, start: date | None, end: date | None) -> bool:
        """Whether any day of this period falls in [start, end] (None: unbounded on that side)."""
        return (end is None or self.start is None or self.start <= end) and (start is None or start <= self.end)

    @property
    def sort_key(self) -> tuple[date, date]:
        """Order periods by end, then start (an open start first): the latest figures come last."""
        return (self.end, self.start or date.min)

    @property
    def label(self) -> str:
        return label(self)


def _point(text: str) -> tuple[date, date, int]:
    """``2025`` → (1 Jan, 31 Dec, 1); ``2025-02`` → (1 Feb, 28 Feb, 2); ``2025-06-30`` → (the day twice, 3).

    The last item is the precision: 1 year, 2 month, 3 day. Raises ValueError for anything else.
    """
    match = _POINT.fullmatch(text)
    if not match:
        msg = f"not a date: {text!r}"
        raise ValueError(msg)
    year, month, day = match.groups()
    y = int(year)
    if month is None:
        return date(y, 1, 1), date(y, 12, 31), 1
    m = int(month)
    if day is None:
        return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1]), 2
    try:
        the_day = date(y, m, int(day))
    except ValueError:
        msg = "it names a day its month does not have"
        raise ValueError(msg) from None
    return the_day, the_day, 3


def _interval(text: str) -> tuple[date | None, date]:
    """The interval a period text covers; ValueError with a reason when it does not follow the grammar."""
    if not _PERIOD.fullmatch(text):
        msg = f"not a period: {text!r}"
        raise ValueError(msg)
    if "/" not in text:
        start, end, _ = _point(text)
        return start, end
    first, _, last = text.partition("/")
    end = _point(last)[1]
    if first == OPEN:
        return None, end
    start = _point(first)[0]
    if start > end:
        msg = "it ends before it starts"
        raise ValueError(msg)
    return start, end


def problem(text: object) -> str | None:
    """What is wrong with a period text, as ``expected ...; got ...``, or None if it follows the grammar.

    For the data checks: ``f"{where}: field 'period': {problem(text)}"`` makes the project's one-line message.
    """
    if not isinstance(text, str):
        return f"expected {GRAMMAR_HINT}; got {text!r}."
    try:
        _interval(text)
    except ValueError as error:
        reason = f" ({error})" if str(error).startswith("it ") else ""
        return f"expected {GRAMMAR_HINT}; got {text!r}{reason}."
    return None


def calendar_problem(text: object) -> str | None:
    """What is wrong with a period the data package's ``PATTERN`` accepts, as ``expected ...; got ...``.

    None for a good period, and for one off the pattern (the table check against the data package says so).
    """
    if not isinstance(text, str) or not _PERIOD.fullmatch(text):
        return None
    try:
        _interval(text)
    except ValueError as error:
        if "ends before" in str(error):
            return f"expected an interval whose start is not after its end; got {text!r}."
        return f"expected a day its month has; got {text!r}."
    return None


def parse(text: str) -> Period:
    """Read a period of facts.csv.

    Parameters
    ----------
    text : str
        ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, ``A/B`` of those, or ``../B`` (open start).

    Returns
    -------
    Period
        A year covers 1 Jan to 31 Dec, a month its whole month; ``A/B`` runs from A's first day to B's last.

    Raises
    ------
    DataError
        ``field 'period': expected ...; got ...`` when the text does not follow the grammar.
    """
    if isinstance(text, str):
        return _parse(text)
    msg = f"field 'period': {problem(text)}"
    raise DataError(msg)


@functools.lru_cache(maxsize=4096)
def _parse(text: str) -> Period:
    # Facts are read over and over (tables, charts, popups, each rerun): a text is parsed once.
    reason = problem(text)
    if reason:
        msg = f"field 'period': {reason}"
        raise DataError(msg)
    start, end = _interval(text)
    return Period(text, start, end)


def same_days(first: str, second: str) -> bool:
    """Whether two period texts cover the same days: ``2025`` and ``2025-01-01/2025-12-31`` do.

    A text off the grammar matches only itself, as written.
    """
    if first == second:
        return True
    try:
        one, other = parse(first), parse(second)
    except DataError:
        return False
    return (one.start, one.end) == (other.start, other.end)


def shortest(text: str) -> str:
    """The shortest text for a period's days, both ends at one precision: ``2025-01-01/2025-12-31`` → ``2025``.

    ``2025-01-01/2025-06-30`` → ``2025-01/2025-06``; an open start, a day's precision that is needed, and a text
    off the grammar stay as written.
    """
    try:
        found = parse(text)
    except DataError:
        return text
    if found.start is None:
        return text
    start, end = found.start, found.end
    month_end = calendar.monthrange(end.year, end.month)[1]
    if start.day != 1 or end.day != month_end:
        form = "%Y-%m-%d"
    elif start.month != 1 or end.month != 12:
        form = "%Y-%m"
    else:
        form = "%Y"
    first, last = start.strftime(form), end.strftime(form)
    return first if first == last else f"{first}/{last}"


def problems(facts: pd.DataFrame, path: Path | str = "data/facts.csv") -> list[str]:
    """One line per fact whose period breaks the grammar, in the style of ``geo.data.validate``.

    The file's row number (from 2, after the header) is given for a whole table as read (a default index);
    a subset (one place's facts) is named by fact id only.
    """
    out = []
    ids = facts["fact_id"] if "fact_id" in facts else [""] * len(facts)
    as_read = facts.index.equals(pd.RangeIndex(len(facts)))
    for row_number, (fact_id, text) in enumerate(zip(ids, facts["period"], strict=True), start=2):
        reason = problem(text)
        if reason:
            where = f"row {row_number} (fact {fact_id!r})" if as_read else f"fact {fact_id!r}"
            out.append(f"{path}: {where}: field 'period': {reason}")
    return out


def parse_all(facts: pd.DataFrame, path: Path | str = "data/facts.csv") -> list[Period]:
    """Every fact's period, in row order; one DataError listing every bad period otherwise."""
    found = problems(facts, path)
    if found:
        raise DataError(found)
    return [parse(text) for text in facts["period"]]


def overlaps(period: str | Period, start: date | None, end: date | None) -> bool:
    """Whether a period shares at least one day with [start, end]; an open start overlaps anything up to its end."""
    return (period if isinstance(period, Period) else parse(period)).overlaps(start, end)


def in_range(facts: pd.DataFrame, start: date | None, end: date | None) -> pd.Series:
    """A boolean mask of the facts whose period overlaps [start, end] (both None: every fact)."""
    if start is None and end is None:
        return pd.Series(True, index=facts.index)
    return pd.Series([p.overlaps(start, end) for p in parse_all(facts)], index=facts.index, dtype=bool)


def keep_in_range(facts: pd.DataFrame, start: date | None, end: date | None) -> tuple[pd.DataFrame, int]:
    """The facts whose period overlaps [start, end], and how many were left out."""
    mask = in_range(facts, start, end)
    return facts[mask], int((~mask).sum())


def bounds(facts: pd.DataFrame) -> tuple[date, date] | None:
    """The first and last day any period covers (an open start counts by its end); None for no facts.

    For a control's limits: ``start.year``, ``end.year`` give 2021 and 2025 on the project's data.
    """
    periods = parse_all(facts)
    if not periods:
        return None
    starts = [p.start or p.end for p in periods]
    return min(starts), max(p.end for p in periods)


def steps(start: date, end: date, unit: str = "year") -> list[str]:
    """The years (``2021``...) or months (``2021-01``...) from start to end, as period texts for a slider."""
    if unit == "year":
        return [str(y) for y in range(start.year, end.year + 1)]
    if unit == "month":
        first, last = start.year * 12 + start.month - 1, end.year * 12 + end.month - 1
        return [f"{n // 12:04d}-{n % 12 + 1:02d}" for n in range(first, last + 1)]
    msg = f"unit: expected 'year' or 'month'; got {unit!r}"
    raise ValueError(msg)


# ---------------------------------------------------------------- labels


def _point_label(text: str) -> str:
    start, _, precision = _point(text)
    if precision == 1:
        return str(start.year)
    if precision == 2:
        return f"{MONTHS[start.month - 1]} {start.year}"
    return f"{start.day} {MONTHS[start.month - 1]} {start.year}"


def label(period: str | Period) -> str:
    """A period as people write it: ``2025``, ``Jan–Aug 2025``, ``2021–2024``, ``by 30 Jun 2025``.

    Raises DataError for a text that breaks the grammar.
    """
    text = period.text if isinstance(period, Period) else period
    parse(text)
    if "/" not in text:
        return _point_label(text)
    first, _, last = text.partition("/")
    if first == OPEN:
        return f"by {_point_label(last)}"
    a, b = _point(first), _point(last)
    if a[2] == b[2] == 2 and a[0].year == b[0].year:
        return f"{MONTHS[a[0].month - 1]}–{_point_label(last)}"
    if a[2] == b[2] == 3 and a[0].year == b[0].year:
        if a[0].month == b[0].month:
            return f"{a[0].day}–{_point_label(last)}"
        return f"{a[0].day} {MONTHS[a[0].month - 1]}–{_point_label(last)}"
    return f"{_point_label(first)}–{_point_label(last)}"


def labels(texts: Iterable[str]) -> str:
    """Distinct periods in time order, labelled and joined: ``2024, Jan–Aug 2025``."""
    distinct = sorted({parse(t) for t in texts}, key=lambda p: (p.sort_key, p.text))
    return ", ".join(p.label for p in distinct)


# ---------------------------------------------------------------- the period filter in a link


def format_range(start: date, end: date) -> str:
    """The shortest text for a filter range: ``2025``, ``2024/2025``, ``2025-01/2025-06``, ``2025-01-15/2025-02-10``.

    ``parse_range`` reads it back to the same dates.
    """
    if start.month == 1 and start.day == 1 and end.month == 12 and end.day == 31:
        a, b = str(start.year), str(end.year)
    elif start.day == 1 and end.day == calendar.monthrange(end.year, end.month)[1]:
        a, b = f"{start:%Y-%m}", f"{end:%Y-%m}"
    else:
        a, b = start.isoformat(), end.isoformat()
    return a if a == b else f"{a}/{b}"


def range_label(start: date, end: date) -> str:
    """A filter range for people: ``2024–2025``, ``Jan–Jun 2025``."""
    return label(format_range(start, end))


def parse_range(
    raw: str | list[str] | None, limits: tuple[date, date] | None = None
) -> tuple[tuple[date, date] | None, list[str]]:
    """Read the period filter from a link parameter (``?period=2024/2025``, ``?period=2025-01/2025-06``).

    Parameters
    ----------
    raw : str, list of str or None
        The parameter's value (the first item of a list); empty or None means no filter.
    limits : (date, date), optional
        The data's ``bounds``: a range that misses them entirely is ignored with a notice.

    Returns
    -------
    ((date, date) or None, list of str)
        The range, or None for no filter, and one-line notices for what was ignored (never an exception).
        An open start (``../2025``) starts at ``limits``' first day, or 1 Jan 1900 without limits.
    """
    text = (raw[0] if raw else "") if isinstance(raw, (list, tuple)) else (raw or "")
    text = text.strip()
    if not text:
        return None, []
    shown = repr(text if len(text) <= 40 else text[:37] + "...")
    if problem(text):
        why = " (it ends before it starts)" if "ends before" in (problem(text) or "") else ""
        return None, [f"Ignored {shown} in {PARAM!r}: expected {RANGE_HINT}{why}."]
    period = parse(text)
    start = period.start or (limits[0] if limits else date(1900, 1, 1))
    if limits and not period.overlaps(*limits):
        return None, [f"Ignored {shown} in {PARAM!r}: the figures cover {range_label(*limits)}, not {label(period)}."]
    return (start, period.end), []
