"""Read period phrases ("in the first five months", "as of June 30", "last year") from article text."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from geo.data import periods as data_periods
from geo.ingest.holidays import HOLIDAY_NAME, holiday_span
from geo.ingest.numbers import MONTH_PATTERN, SMALL_WORDS, WORD_VALUES, looks_like_a_year_but_counts

MONTHS: tuple[str, ...] = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_MONTH_NUMBER = {name: number for number, name in enumerate(MONTHS, start=1)}
_MONTH_NUMBER.update({name[:3]: number for name, number in list(_MONTH_NUMBER.items())})
_MONTH_NUMBER["sept"] = 9
_YEAR = r"(?:19|20)\d{2}"


@dataclass(frozen=True)
class Period:
    """A period phrase found in a sentence and what it means in the contract's period grammar."""

    start: int
    end: int
    period: str  # "2025", "2025-01/2025-08", "../2025-06-30"; "same" for "the same period"
    explicit_year: int | None


@dataclass(frozen=True)
class Reference:
    """What relative dates resolve against: the article's date (if known) and its reference year."""

    year: int
    this_year: int  # the year of the article's date, else the reference year
    published: str = ""  # the article's date (YYYY-MM-DD) when known: "the past year" ends on it
    months_recent: bool = False  # no year stated before: "in May" is the latest May up to the article's date

    def as_of_year(self, month: int, day: int) -> int:
        """The year of "as of June 26" with no year: the latest such day up to the article's date."""
        if not self.published:
            return self.year
        latest = (int(self.published[5:7]), int(self.published[8:10]))
        return self.this_year if (month, day) <= latest else self.this_year - 1

    def reckoned_to(self) -> int:
        """The last year "the past five years" or "the past decade" counts: the article's own once a quarter of it
        has passed (a December 2021 "tenfold in the past five years" is 2016-2021), else the year before (a
        January 2026 review of "the past five years" is 2021-2025)."""
        if not self.published or int(self.published[5:7]) <= 3:
            return self.this_year - 1
        return self.this_year

    def resolve(self, word: str | None, sentence_years: list[int] | None = None) -> int:
        """The year a phrase like ``2025``, ``this year``, ``last year`` or ``the year`` names."""
        if not word:
            return self.year
        word = word.lower()
        if word.isdigit():
            return int(word)
        if word == "this year":
            return self.this_year
        if word == "last year":
            return self.this_year - 1
        if word == "next year":
            return self.this_year + 1
        return max(sentence_years) if sentence_years else self.year


_REL = r"(?P<rel>" + _YEAR + r"|this year|last year|next year|the year)"
# "in the first quarter this year", "the first five months last year": a relative year may follow with no "of"
_BARE_REL = r"(?=(?:this|last|next) year\b)"
_COUNT = r"(?P<n>\d{1,2}|" + "|".join(SMALL_WORDS[1:13]) + r")"
_PERIOD_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, re.IGNORECASE))
    for kind, pattern in (
        ("same", r"\b(?:during|in|over|for)?\s*the same (?:period|months|time)\b"),
        # "144.3 percent more than in the five years before": the span compared with, not a figure or a period
        (
            "same",
            r"\b(?:than|compared (?:with|to))\s+(?:in\s+|during\s+)?the\s+(?:previous\s+|preceding\s+)?"
            + _COUNT
            + r"\s+years(?:\s+(?:before|earlier|prior))?",
        ),
        # "a share 2.5 points larger than in the first three quarters": the months compared with, not the figure's
        (
            "same",
            r"\bthan\s+(?:in|during|over|for)\s+the\s+first\s+(?:\w+\s+)?(?:quarters?|months?|half)\b",
        ),
        # "15.3 times its 2023 level": the year compared with, not a figure's period
        ("same", r"\b(?:its|their|the)\s+(?=\d{4}\b)" + _YEAR + r"\s+(?:level|figure|total|volume)s?\b"),
        # "grew 17 percent in 2017 against 2016": the year compared with, not a figure's period
        (
            "same",
            r"\b(?:against|versus|vs\.?|compared (?:with|to))\s+(?:that of\s+|the level of\s+)?(?:in\s+)?(?=\d{4}\b)"
            + _YEAR,
        ),
        # "over the past five years": from five years before the article's year to the last year it reckons
        ("past_years", r"\b(?:the\s+)?(?:past|last|previous)\s+" + _COUNT + r"\s+years\b"),
        # "the 14th Five-Year Plan period": its five years (2021-2025)
        ("plan", r"\b(?P<nth>\d{1,2})(?:st|nd|rd|th)\s+Five-Year\s+Plan(?:\s+period)?(?:\s*\([^)]*\))?"),
        # "over the past decade": likewise from ten years before
        ("decade", r"\b(?:the\s+)?(?:past|last|previous)\s+decade\b"),
        # "over the past year", "in the past 12 months": the twelve months to the article's date
        ("past_year", r"\b(?:the\s+)?past\s+(?:year|12 months|twelve months)\b"),
        # "the National Day holiday", "during the 2025 Spring Festival": the holiday's days off that year
        # (holidays.py); the Spring Festival travel rush is a longer season, the festival's eve one day
        (
            "holiday",
            # ('this year\'s "May Day" holiday': the name may stand in quotation marks)
            r"(?:\b(?:(?P<y>"
            + _YEAR
            + r")\s+)?|[\"\u201c])"
            + HOLIDAY_NAME
            + r"[\"\u201d]?\s+(?:holidays?|golden week|break|vacation)\b"
            r"|\b(?:during|over|throughout)\s+(?:the\s+)?(?:(?P<y2>"
            + _YEAR
            + r")\s+)?[\"\u201c]?"
            + HOLIDAY_NAME.replace("name", "name2")
            + r"\b[\"\u201d]?(?!\s+(?:travel|transport|rush|season|eve|gala|holidays?|golden|break|vacation))",
        ),
        # "on May 7 and 8", "June 3-4": two days
        (
            "date_pair",
            r"\b(?P<m>"
            + MONTH_PATTERN
            + r")\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?\s*(?:and|-|–|[~∼〜～]|to)\s*(?P<d2>\d{1,2})"
            r"(?:st|nd|rd|th)?\b(?!\s*(?:%|percent|,\d))(?:,?\s+(?P<y>" + _YEAR + r"))?",
        ),
        # "from 1 to 15 January", "on 7-8 May": two days, the day before its month
        (
            "date_pair",
            r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\s*(?:and|-|–|[~∼〜～]|to)\s*(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>"
            + MONTH_PATTERN
            + r")\b(?:,?\s+(?P<y>"
            + _YEAR
            + r"))?",
        ),
        # "in the first week of September": that week's days
        (
            "week_of",
            r"\b(?:the\s+)?(?P<nth>first|second|third|fourth|last|final)\s+week\s+of\s+(?P<m>"
            + MONTH_PATTERN
            + r")\b(?:,?\s+(?:of\s+)?"
            + _REL
            + r")?",
        ),
        # "in the 24 days of January", "in only 29 days of May": the month's first days, not its whole
        (
            "days_of",
            r"\b(?:the\s+)?(?:first\s+)?(?P<n>\d{1,2})\s+days\s+of\s+(?P<m>"
            + MONTH_PATTERN
            + r")\b(?:,?\s+(?:of\s+)?"
            + _REL
            + r")?",
        ),
        (
            "first_months",
            r"\b(?:the\s+)?(?:first|past|initial)\s+"
            + _COUNT
            + r"\s+months(?:\s*\([^)]*\))?(?:\s+(?:of\s+|"
            + _BARE_REL
            + r")"
            + _REL
            + r")?",
        ),
        # "in seven months of 2023": a count of months of a year, with no "first", is still its first months
        ("first_months", r"\b" + _COUNT + r"\s+months\s+of\s+" + _REL),
        # "In the 11 months, cargo came to ...": a sentence that opens on a count of months is the year's first ones
        ("first_months", r"^\W*in\s+the\s+" + _COUNT + r"\s+months(?=\s*,)"),
        (
            "first_part",
            r"\b(?:the\s+)?first\s+(?P<part>half|quarter|two quarters|three quarters)(?:\s*\([^)]*\))?"
            r"(?:\s+(?:of\s+|" + _BARE_REL + r")" + _REL + r")?",
        ),
        ("h1", r"\b(?P<part>H1|Q1|Q1-Q3)\s+(?:of\s+)?" + _REL),
        # "the third quarter", "Q2 2025", "the second half of last year": a part of a year that is not its start
        (
            "later_part",
            r"\b(?:(?:the\s+)?(?P<nth>second|third|fourth|last|final)\s+(?P<part>quarter|half)|(?P<q>Q[1-4]|H2)\b)"
            r"(?:\s+(?:of\s+)?" + _REL + r")?",
        ),
        # "from Jan. 1 to Nov. 30", "between March 5 and April 20": two days
        (
            "day_to_day",
            r"\b(?:from|between)\s+(?P<m>"
            + MONTH_PATTERN
            + r")\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:to|and|until|through)"
            r"\s+(?P<m2>" + MONTH_PATTERN + r")\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<y>" + _YEAR + r"))?",
        ),
        # "from 1 January to 15 January": two days, each before its month
        (
            "day_to_day",
            r"\b(?:from|between)\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m>"
            + MONTH_PATTERN
            + r")\s+(?:to|and|until|through)\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m2>"
            + MONTH_PATTERN
            + r")(?:,?\s+(?P<y>"
            + _YEAR
            + r"))?",
        ),
        # "from January to March 10 this year": the first month's first day to a day of the second
        (
            "month_to_day",
            r"\b(?:from|between)\s+(?P<m>"
            + MONTH_PATTERN
            + r")\s+(?:to|and|until|through)\s+(?P<m2>"
            + MONTH_PATTERN
            + r")\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?\b(?![,.]?\d)(?:,?\s+(?:(?P<y>"
            + _YEAR
            + r")|(?:of\s+)?(?P<rel>this year|last year)))?",
        ),
        # "last month", "this month": the month before the article's, or its own
        # ("by the 1st of this month" is a day, read below)
        ("rel_month", r"(?<!\d(?:st|nd|rd|th) of )\b(?P<which>last|this|past)\s+month\b"),
        # "this quarter": the page's quarter, or the one just ended when the page is in a quarter's first days
        ("this_quarter", r"\bthis\s+quarter\b"),
        (
            "month_month_years",
            r"\b(?:from|between)\s+(?P<m1>"
            + MONTH_PATTERN
            + r")\s+(?P<y1>"
            + _YEAR
            + r")\s+(?:to|and|until|through)\s+(?P<m2>"
            + MONTH_PATTERN
            + r")\s+(?P<y2>"
            + _YEAR
            + r")",
        ),
        (
            "month_month",
            r"\b(?:between\s+|from\s+)?(?P<m1>"
            + MONTH_PATTERN
            + r")\s*(?:-|–|[~∼〜～]|to|and|through)\s*(?P<m2>"
            + MONTH_PATTERN
            + r")\b"
            r"(?:,?\s+(?:of\s+)?" + _REL + r")?",
        ),
        (
            "year_year",
            r"\b(?:between|from)\s+(?P<y1>"
            + _YEAR
            + r")\s+(?:and|to|until|through)\s+(?:the end of\s+)?(?P<y2>"
            + _YEAR
            + r")\b",
        ),
        ("year_dash_year", r"\b(?P<y1>" + _YEAR + r")\s*[-–~∼〜～]\s*(?P<y2>" + _YEAR + r")\b"),
        (
            "as_of",
            # "as of late August": a part of a month is still that month
            r"\b(?:as of|as at|by|until|till|up to|through)\s+(?:the\s+end\s+of\s+|(?:early|mid|late)[- ]?\s*)?(?P<m>"
            + MONTH_PATTERN
            + r")"
            r"(?:\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?)?(?:,?\s+(?P<y>" + _YEAR + r"))?(?!\s*\d)",
        ),
        ("as_of_year", r"\b(?:as of|as at|by)\s+(?:the\s+end\s+of\s+)?(?P<y>" + _YEAR + r")\b"),
        # "As of 21 March this year": the day before its month, as British and translated pages write it
        (
            "as_of",
            r"\b(?:as of|as at|by|until|till|up to|through)\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m>"
            + MONTH_PATTERN
            + r")\b(?:,?\s+(?P<y>"
            + _YEAR
            + r"))?(?!\s*\d)",
        ),
        # "as of the 8th": a day of the dispatch's month (the month before when the day is still to come)
        (
            "as_of_nth",
            # ("as of the 8th of this month" says so)
            r"\b(?:as of|as at|up to|until|till)\s+the\s+(?P<d>\d{1,2})(?:st|nd|rd|th)(?:\s+of\s+this\s+month\b"
            r"|\b(?!\s+(?:of\b|[A-Z])))"
            # "had reached 10,000 by the 6th, counting from ...": a day of the dispatch's month, the clause ending there
            r"|\bby\s+the\s+(?P<d_by>\d{1,2})(?:st|nd|rd|th)(?:\s+of\s+this\s+month\b|\b(?=\s*[,.;]|\s*$))",
        ),
        (
            "date",
            r"\b(?P<m>"
            + MONTH_PATTERN
            + r")\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<y>"
            + _YEAR
            + r"))?(?![\d,]*\d)",
        ),
        ("date_dmy", r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m>" + MONTH_PATTERN + r"),?\s+(?P<y>" + _YEAR + r")\b"),
        # "On 15 January the port ...": a day before its month, the year the article's
        # ("On 19 July, 18 freight trains left": a count after the comma is no year)
        (
            "date_dmy",
            r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>"
            + MONTH_PATTERN
            + r")\b(?!,?\s+\d{4}\b|\s+\d)(?P<y>)",
        ),
        ("iso", r"\b(?P<y>" + _YEAR + r")-(?P<m>\d{2})(?:-(?P<d>\d{2}))?\b"),
        ("year_dash_short", r"\b(?P<y1>" + _YEAR + r")\s*[-–]\s*(?P<yy>\d{2})\b(?![-–.,]?\d)"),  # "(2021-25)"
        ("month_year", r"\b(?P<m>" + MONTH_PATTERN + r"),?\s+(?P<y>" + _YEAR + r")\b"),
        (
            "month_rel",
            # "January's rail freight": a month's own figures, as "in January" gives them
            # ("In the month of March alone", "in the single month of October": the month named with its word)
            r"\b(?:(?:in|at the end of|end of|by the end of|in early|in late|since|during)\s+(?:the\s+(?:single\s+)?month\s+of\s+)?"
            r"|in mid-\s*"
            r"|(?="
            + MONTH_PATTERN
            + r"['\u2019]s\b))(?P<m>"
            + MONTH_PATTERN
            + r")\b(?:\s+(?:of\s+)?(?P<rel>this year|last year|next year))?",
        ),
        ("since_year", r"\bsince\s+(?P<y>" + _YEAR + r")\b"),
        ("relative", r"\b(?:so far\s+)?(?P<rel>this year|last year|next year)\b"),
        # ("train No. 2037" is a label, not a year)
        (
            "year",
            r"(?<![\d,.])(?<!No\. )(?<!No )(?P<y>" + _YEAR + r")(?![\d,.]\d|\s*(?:%|percent|yuan|billion|million))",
        ),
    )
)
_LATER_PARTS = {"second quarter": (4, 6), "third quarter": (7, 9), "fourth quarter": (10, 12), "last quarter": (10, 12),
                "final quarter": (10, 12), "second half": (7, 12), "last half": (7, 12), "final half": (7, 12),
                "Q1": (1, 3), "Q2": (4, 6), "Q3": (7, 9), "Q4": (10, 12), "H2": (7, 12)}  # fmt: skip
_PARTS = {"half": 6, "quarter": 3, "two quarters": 6, "three quarters": 9, "h1": 6, "q1": 3, "q1-q3": 9}


def dispatch_month_day(day: int, published: str) -> str:
    """The ``day``-th of the page's month, or of the month before when that day is still to come ("as of the 8th",
    "on the 29th"), as YYYY-MM-DD; "" when that month has no such day."""
    year, month = int(published[:4]), int(published[5:7])
    if day > int(published[8:10]):
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return f"{year}-{month:02d}-{day:02d}" if 1 <= day <= calendar.monthrange(year, month)[1] else ""


def find_periods(sentence: str, reference: Reference) -> list[Period]:
    """Every period phrase in a sentence, resolved against the article's reference year.

    Parameters
    ----------
    sentence : str
        One sentence of article text.
    reference : Reference
        The article's year(s), for "this year", "last year" and phrases without a year.

    Returns
    -------
    list of Period
        Non-overlapping, in order. ``since`` or ``to date`` around a date makes it the start of an
        interval that runs to the reference year ("since August last year" -> ``2024-08/2025``).
    """
    sentence_years = [int(y) for y in re.findall(r"(?<!\d)" + _YEAR + r"(?!\d)", sentence)]
    taken: list[tuple[int, int]] = []
    periods = []
    for kind, pattern in _PERIOD_PATTERNS:
        for match in pattern.finditer(sentence):
            if any(match.start() < b and a < match.end() for a, b in taken):
                continue
            if kind in {"date", "month_rel", "month_year", "as_of", "date_pair", "day_to_day", "month_to_day"} and (
                _is_may_verb(match)
            ):
                continue
            if kind == "year" and looks_like_a_year_but_counts(sentence, match.start(), match.end()):
                continue
            period = _resolve(kind, match, reference, sentence_years)
            if period is None:
                continue
            year = _explicit_year(match)
            period = _open_since(sentence, match, period, kind, reference)
            taken.append((match.start(), match.end()))
            periods.append(Period(match.start(), match.end(), period, year))
    return _told_on(sentence, _day_to_day(sentence, sorted(periods, key=lambda p: p.start)), reference)


# "..., the customs said on 27 June": the day of the reporting clause (the timeline reads it as the day of the news)
SAID_ON = re.compile(
    r"\b(?:said|says|announced|reported|revealed|told|released|disclosed)\s+(?:\w+\s+)?on\s*$", re.IGNORECASE
)


def _told_on(sentence: str, periods: list[Period], reference: Reference) -> list[Period]:
    """ "Since clearance began on 1 June, the peak has reached 1243," he said on 27 June: the span since a day ends on the
    day it was told, not on the page's."""
    told = [p for p in periods if _DAY.fullmatch(p.period) and SAID_ON.search(sentence[: p.start])]
    if not told or not reference.published:
        return periods
    result = []
    for period in periods:
        start, _, end = period.period.partition("/")
        if end == reference.published and _DAY.fullmatch(start) and start < told[-1].period <= end:
            period = Period(period.start, period.end, f"{start}/{told[-1].period}", period.explicit_year)
        result.append(period)
    return result


_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_MONTH_OR_DAY = re.compile(r"\d{4}-\d{2}(?:-\d{2})?")
_FROM = re.compile(r"\b(?:from|between)\s*$", re.I)
# "to", or ", when the mode was first used at the port, to": a clause between the two days of a span
_TO = re.compile(r"(?:,[^,;]{1,80},)?\s*(?:to|until|till|through|and)\s*", re.I)


def _day_to_day(sentence: str, periods: list[Period]) -> list[Period]:
    """Two dated days joined into one span: "from May 23, 2020, when ..., to April 8, 2022" is 2020-05-23/2022-04-08;
    a year and a later month or day too ("from 2014 to May 2019" is 2014-01/2019-05)."""
    joined: list[Period] = []
    for period in periods:
        first = joined[-1] if joined else None
        if (
            first
            and _DAY.fullmatch(first.period)
            and _DAY.fullmatch(period.period)
            and first.period < period.period
            and _FROM.search(sentence[: first.start])
            and _TO.fullmatch(sentence[first.end : period.start])
        ):
            joined[-1] = Period(first.start, period.end, f"{first.period}/{period.period}", period.explicit_year)
        elif (
            first
            and re.fullmatch(r"\d{4}", first.period)
            and _MONTH_OR_DAY.fullmatch(period.period)
            and first.period < period.period[:4]
            and _FROM.search(sentence[: first.start])
            and _TO.fullmatch(sentence[first.end : period.start])
        ):
            # "From 2014 to May 2019": the first year's start to that month (or day)
            start = f"{first.period}-01" + ("-01" if _DAY.fullmatch(period.period) else "")
            joined[-1] = Period(first.start, period.end, f"{start}/{period.period}", period.explicit_year)
        else:
            joined.append(period)
    return joined


def _is_may_verb(match: re.Match[str]) -> bool:
    return match.group("m").lower() == "may" and match.group(0)[match.start("m") - match.start()].islower()


def _explicit_year(match: re.Match[str]) -> int | None:
    for name in ("y", "y2", "rel"):
        value = match.groupdict().get(name)
        if value and value.isdigit():
            return int(value)
    return None


def _month(text: str) -> int:
    return _MONTH_NUMBER[text.lower().rstrip(".")]


def _resolve(kind: str, match: re.Match[str], ref: Reference, sentence_years: list[int]) -> str | None:
    group = match.groupdict()
    if kind == "same":
        return "same"
    if kind == "first_months":
        count = group["n"].lower()
        months = int(count) if count.isdigit() else WORD_VALUES[count]
        if not 1 <= months <= 12:
            return None
        year = ref.resolve(group.get("rel"), sentence_years)
        return f"{year}-01/{year}-{months:02d}"
    if kind in {"first_part", "h1"}:
        year = ref.resolve(group["rel"], sentence_years)
        return f"{year}-01/{year}-{_PARTS[group['part'].lower()]:02d}"
    if kind == "later_part":
        year = ref.resolve(group["rel"], sentence_years) if group["rel"] else ref.year
        part = (group["q"] or "").upper() or f"{group['nth'].lower()} {group['part'].lower()}"
        months = _LATER_PARTS.get(part)
        return f"{year}-{months[0]:02d}/{year}-{months[1]:02d}" if months else None
    if kind == "day_to_day":
        year = int(group["y"]) if group["y"] else ref.year
        first, second = (_month(group["m"]), int(group["d"])), (_month(group["m2"]), int(group["d2"]))
        if not (first < second and 1 <= first[1] <= 31 and 1 <= second[1] <= 31):
            return None
        return f"{year}-{first[0]:02d}-{first[1]:02d}/{year}-{second[0]:02d}-{second[1]:02d}"
    if kind == "month_to_day":
        year = int(group["y"]) if group["y"] else ref.resolve(group["rel"], sentence_years)
        first, last = _month(group["m"]), _month(group["m2"])
        if not (first <= last and 1 <= int(group["d2"]) <= calendar.monthrange(year, last)[1]):
            return None
        return f"{year}-{first:02d}-01/{year}-{last:02d}-{int(group['d2']):02d}"
    if kind in {"week_of", "days_of"}:
        month = _month(group["m"])
        if group["rel"]:
            year = ref.resolve(group["rel"], sentence_years)
        elif ref.published and ref.months_recent:
            year = ref.as_of_year(month, 1)
        else:
            year = ref.year
        last = calendar.monthrange(year, month)[1]
        if kind == "days_of":
            days = int(group["n"])
            return f"{year}-{month:02d}-01/{year}-{month:02d}-{days:02d}" if 1 <= days < last else None
        first = {"first": 1, "second": 8, "third": 15, "fourth": 22}.get(group["nth"].lower(), last - 6)
        return f"{year}-{month:02d}-{first:02d}/{year}-{month:02d}-{first + 6:02d}"
    if kind == "rel_month":
        if not ref.published:
            return None
        year, month = int(ref.published[:4]), int(ref.published[5:7])
        if group["which"].lower() in {"last", "past"}:
            year, month = (year, month - 1) if month > 1 else (year - 1, 12)
        return f"{year}-{month:02d}"
    if kind == "this_quarter":
        if not ref.published:
            return None
        day = date.fromisoformat(ref.published) - timedelta(days=15)  # "this quarter" told on 4 April: January-March
        first = (day.month - 1) // 3 * 3 + 1
        return f"{day.year}-{first:02d}/{day.year}-{first + 2:02d}"
    if kind == "month_month_years":
        return f"{group['y1']}-{_month(group['m1']):02d}/{group['y2']}-{_month(group['m2']):02d}"
    if kind == "month_month":
        year = ref.resolve(group["rel"], sentence_years) if group["rel"] else ref.year
        if not group["rel"] and not sentence_years and ref.published and ref.months_recent:
            # "from January to November" before any year is stated: the latest such months up to the article's
            # date, not the year of a later sentence ("In November 2011 part of the port's work was moved")
            year = ref.as_of_year(_month(group["m2"]), 1)
        return f"{year}-{_month(group['m1']):02d}/{year}-{_month(group['m2']):02d}"
    if kind == "past_years":
        count = group["n"].lower()
        years = int(count) if count.isdigit() else WORD_VALUES[count]
        return f"{ref.this_year - years}/{ref.reckoned_to()}" if 1 < years <= 20 else None
    if kind == "year_dash_short":
        end = int(group["y1"][:2] + group["yy"])
        return f"{group['y1']}/{end}" if end > int(group["y1"]) else None
    if kind in {"year_year", "year_dash_year"}:
        return f"{group['y1']}/{group['y2']}" if group["y1"] < group["y2"] else None
    if kind == "plan":
        nth = int(group["nth"])
        start = {1: 1953, 2: 1958}.get(nth, 1966 + 5 * (nth - 3))  # 1963-1965 were adjustment years, no plan
        return f"{start}/{start + 4}" if 1 <= int(group["nth"]) <= 20 else None
    if kind == "decade":
        return f"{ref.this_year - 10}/{ref.reckoned_to()}"
    if kind == "past_year":
        if not ref.published:
            return None
        end = ref.published
        return f"{int(end[:4]) - 1}{end[4:]}/{end}" if end[5:] != "02-29" else f"{int(end[:4]) - 1}-02-28/{end}"
    if kind == "holiday":
        named = group["y"] or group["y2"]
        year = int(named) if named else ref.resolve(None, sentence_years)
        return holiday_span(group["name"] or group["name2"], year)
    if kind == "date_pair":
        first, second = int(group["d"]), int(group["d2"])
        if not 1 <= first < second <= 31:
            return None
        year = int(group["y"]) if group["y"] else ref.year
        month = _month(group["m"])
        return f"{year}-{month:02d}-{first:02d}/{year}-{month:02d}-{second:02d}"
    if kind == "as_of":
        if group["y"]:
            year = int(group["y"])
        elif group["d"] and ref.published:
            year = ref.as_of_year(_month(group["m"]), int(group["d"]))
        else:
            year = ref.year
        day = f"-{int(group['d']):02d}" if group["d"] else ""
        return f"../{year}-{_month(group['m']):02d}{day}"
    if kind == "as_of_year":
        return f"../{group['y']}"
    if kind == "as_of_nth":
        day = dispatch_month_day(int(group["d"] or group["d_by"]), ref.published) if ref.published else ""
        return f"../{day}" if day else None  # "as of the 30th" on 1 September: 30 August
    if kind in {"date", "date_dmy"}:
        year = int(group["y"]) if group["y"] else ref.year
        return f"{year}-{_month(group['m']):02d}-{int(group['d']):02d}" if 1 <= int(group["d"]) <= 31 else None
    if kind == "iso":
        if not 1 <= int(group["m"]) <= 12:
            return None
        return match.group(0)
    if kind == "month_year":
        return f"{group['y']}-{_month(group['m']):02d}"
    if kind == "month_rel":
        year = ref.resolve(group["rel"]) if group["rel"] else ref.year
        if not group["rel"] and not sentence_years and ref.published and ref.months_recent:
            # "in May" in an article of June 2025: the latest May up to the article's date
            year = ref.as_of_year(_month(group["m"]), 1)
        return f"{year}-{_month(group['m']):02d}"
    if kind == "since_year":
        year = int(group["y"])
        return str(year) if year >= ref.year else f"{year}/{ref.year}"
    if kind == "relative":
        return str(ref.resolve(group["rel"]))
    if kind == "year":
        return group["y"]
    return None


_PART_KINDS = {"first_months", "first_part", "h1", "later_part"}
_SINCE_BEFORE = re.compile(r"\bsince\b[^,;:]*$", re.IGNORECASE)
_TO_DATE = re.compile(r"\b(?:to date|so far|until now|up to now)\b", re.IGNORECASE)
_NEWS_ON = re.compile(r"\b(?:learned|learnt|told|said|announced|reported)\b[^.;]{0,80}?\bon\s*$", re.IGNORECASE)


def _open_since(sentence: str, match: re.Match[str], period: str, kind: str, ref: Reference) -> str:
    """A single date after "since", or with "to date" in the sentence, starts an interval to the reference year."""
    since = _SINCE_BEFORE.search(sentence[: match.start()]) or match.group(0).lower().startswith("since")
    if since and kind in _PART_KINDS and ref.published:
        # "since the first quarter began", told on 29 March: from the quarter's first day to that day
        part = data_periods.parse(period)
        if part.start and part.start.isoformat() <= ref.published < part.end.isoformat():
            return f"{part.start.isoformat()}/{ref.published}"
    if since and _DAY.fullmatch(period) and ref.published and period <= ref.published:
        # "since trial clearance began on 1 June", told on 29 June: from that day to the day told
        return f"{period}/{ref.published}"
    if "/" in period or kind in {"since_year", "relative", "same"}:
        return period
    # ("Reporters learned on December 8 that the freight so far has reached ...": the day of the news opens nothing)
    # ("135 trains in 2016 and 710 in 2017; in 2018 it has run 655 so far": a "so far" in another clause, or before the
    # date, opens nothing)
    start = sentence.rfind(";", 0, match.start()) + 1
    end = sentence.find(";", match.end())
    clause = sentence[start : end if end >= 0 else len(sentence)]
    opens = since or (_TO_DATE.search(clause, match.end() - start) and not _NEWS_ON.search(sentence[: match.start()]))
    if opens and period[:4].isdigit() and int(period[:4]) <= ref.year and period != str(ref.year):
        if re.fullmatch(r"\d{4}-\d{2}", period) and ref.published and period <= ref.published[:7]:
            # "since January": from that month's first day to the article's
            return f"{period}-01/{ref.published}"
        return f"{period}/{ref.year}"
    return period
