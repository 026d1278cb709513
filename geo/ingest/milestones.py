"""Running totals a sentence opens with ("By June ...", "As of February, ...") told in the past perfect: open-start."""

from __future__ import annotations

import re

from geo.ingest.numbers import MONTH_PATTERN

# The time phrase that opens the sentence and names only a month: "By June", "As of February,", "By the end of
# August,", "Between 2016 and the middle of this month,". A day ("By December 9", "As of Monday") is left to the
# as-of rules: the golds read a day's count as the year to that day far more often than as a total since the start.
_OPENING = re.compile(
    r"^\s*(?:(?:by|as of|as at|up to)\s+|between\s+(?:19|20)\d{2}\s+and\s+)"
    r"(?:the\s+(?:end|middle)\s+of\s+|(?:early|mid|late)[- ]\s*)?"
    r"(?:(?P<m>" + MONTH_PATTERN + r")|(?:this|last)\s+month)\b(?!\s*\d)(?!,?\s+(?:19|20)\d{2})",
    re.I,
)
# "had passed", "had carried out", "had been used by": the count reached by then, not the year's flow so far
_PAST_PERFECT = re.compile(r"\bhad\s+(?:been\s+)?\w+(?:ed|en|ne|wn|t)\b", re.I)
# a year named, "this year" or a change on a year before make it the year to that month (the golds' reading)
_YEAR_TO_DATE = re.compile(
    r"\b(?:19|20)\d{2}\b|\bthis year\b|\byear[- ]on[- ]year\b|\b(?:a|the) year (?:earlier|before|ago)\b"
    r"|\bsame period\b|\blast year\b|\bin the first\b"
    # "had handled 40,000 tonnes, up 70 percent": a change is on the same months a year before
    r"|\b(?:up|down|rose|fell|grew|increased|decreased)\b[^,;]{0,20}?\d[\d.]*\s*(?:%|percent|per cent)"
    r"|\d[\d.]*\s*(?:%|percent|per cent)\s+(?:more|less|higher|lower)\b",
    re.I,
)
# "..., while vehicles numbered more than 11,000": a clause of its own after the total, in the simple past
_NEW_CLAUSE = re.compile(r";|\bwhile\b|\bbut\b|\bwhereas\b", re.I)
_YTD_PERIOD = re.compile(r"(?P<y>\d{4})-01/(?P=y)-(?P<m>\d{2})")
_MONTH_PERIOD = re.compile(r"\d{4}-\d{2}")


def opened_total(sentence: str, start: int, period: str) -> str:
    """The open-start period of a running total the sentence opens with a month for, else ``period`` unchanged.

    ``start`` is where the figure begins: its clause must be the past perfect's, after the opening.

    "By June the port had handled 9,500 trains" is the total since the service began, to June (``../2019-06``), where
    the as-of rules read a month with no year as the year to it (``2019-01/2019-06``); "By the end of August this
    year ... had passed, 11.6 percent more than a year before" stays the year to August.
    """
    opening = _OPENING.match(sentence)
    if not opening or start < opening.end() or _YEAR_TO_DATE.search(sentence, opening.end()):
        return period
    before = [m.end() for m in _PAST_PERFECT.finditer(sentence, opening.end(), start)]
    after = _PAST_PERFECT.search(sentence, start)  # "2,400 trains had carried": the figure as the verb's subject
    told = (before and not _NEW_CLAUSE.search(sentence, before[-1], start)) or (
        after and not _NEW_CLAUSE.search(sentence, start, after.start())
    )
    if not told:
        return period  # the figure is not the past perfect's: it keeps the as-of rules' reading
    ytd = _YTD_PERIOD.fullmatch(period)
    if ytd:
        return f"../{ytd.group('y')}-{ytd.group('m')}"
    if _MONTH_PERIOD.fullmatch(period):
        return f"../{period}"
    return period
