"""Figures that stand on the article's day: rates, per-unit figures, the ends of a change, counts in a clause of their own."""

from __future__ import annotations

import calendar
import re
from datetime import date

from geo.ingest.numbers import MONTH_PATTERN, Figure
from geo.ingest.periods import Period
from geo.ingest.text import clause_span

# "the airport runs 227 routes", "there are 26 airports": a count that stands on the article's day ("borders" the
# verb, not "on the borders with")
PRESENT = re.compile(
    r"\b(?:runs|operates|hosts|covers|links|serves|connects|offers|boasts|spans|includes|there are|there is)\b"
    r"|(?<!\bthe )(?<!\bits )\bborders\b",
    re.I,
)
# "the region has 17 land ports", "Xinjiang has 5,600 km of border with eight countries": "has" before a number is
# what a place holds now, not a present perfect ("has handled") nor a plan ("expects to have 33 airports"); read only
# where the sentence states no period ("In January-July ... the region has 23 approved ports" keeps January-July)
HOLDS = re.compile(
    r"(?<!to )\b(?:has|have)\s+(?:(?:about|around|some|nearly|over|more than)\s+)?(?:\d|(?:one|two|three|four|five"
    r"|six|seven|eight|nine|ten|eleven|twelve)\b)",
    re.I,
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
# "the trains passing through it make up more than 30 percent of all such trains": a share as it stands today
SHARE_NOW = re.compile(r"\b(?:makes? up|accounts? for)\b", re.I)
_PRESENT_PLURAL = re.compile(r"\b(?:that|which|now)\s+(?:reach|link|connect|serve|cover|run|span)\b", re.I)


# "has reached 100", "have moved into the park", "can reach 19 countries", "these trains link 21 countries", "routes
# ... pass through Xinjiang": a count said in the present or present perfect stands on the article's day; "had
# reached" and "reached" are past
_PRESENT_TENSE = re.compile(
    r"\b(?:has|have)\s+(?:\w+\s+){0,2}?\w+(?:ed|en|wn|lt|nt|ne|un|ht)\b"
    r"|\b(?:is|are|can|link|reach|serve|connect|cover|run|span|pass)\b",
    re.I,
)
_PAST_TENSE = re.compile(r"\b(?:had|was|were|did|will|would|shall)\b", re.I)


def holds_now(clause: str) -> bool:
    """Whether a clause says in the present tense that a count stands ("runs 227 routes", "has 17 land ports")."""
    return bool(PRESENT.search(clause) or HOLDS.search(clause))


def present_tense(text: str) -> bool:
    """Whether a sentence, up to a figure, says in the present (perfect) tense what the figure counts."""
    return bool(_PRESENT_TENSE.search(text)) and not _PAST_TENSE.search(text)


def stands_in_clause(text: str, figure: Figure, found: list[Period]) -> bool:
    """Whether a figure's own clause, free of time words, says in the present tense that a count stands."""
    start, end = clause_span(text, figure.start, figure.end)
    if start == 0 or any(start <= p.start < end or p.start <= start < p.end for p in found):
        return False  # the sentence's first clause is where its period phrase belongs
    clause = text[start:end]
    return bool(PRESENT.search(clause) or _PRESENT_PLURAL.search(clause))


# "efficiency has risen by", "raised clearance efficiency by": a gain in efficiency, not a flow over a span
_EFFICIENCY_GAIN = re.compile(
    r"\befficiency\b(?:\s+[\w-]+){0,4}?\s+(?:by\s+)?(?:more than\s+|over\s+|about\s+|nearly\s+)?$", re.I
)


def stands(text: str, figure: Figure) -> bool:
    """A rate ("500 a day"), a per-unit figure ("100 yuan per vehicle") or one end of a change ("from 12 to four")."""
    start, end = clause_span(text, figure.start, figure.end)
    before, after = text[start : figure.start], text[figure.end : end]
    if _PER_UNIT_AFTER.match(after) or _PER_UNIT_BEFORE.search(before):
        return True
    if figure.unit == "percent" and _EFFICIENCY_GAIN.search(before):
        return True  # "turnover efficiency has risen by more than 20%": a gain a new practice brought, as it stands
    # "from nine steps to four": the before names "from" right before it, the after follows "from X ... to"
    return bool(re.search(r"\bfrom\s+$", before) and re.match(r"\s*(?:[\w-]+\s+){0,2}?to\b", after)) or bool(
        re.search(r"\bfrom\s+[\w.,]+(?:\s+[\w-]+){0,2}\s+to\s+(?:just\s+|only\s+)?$", before)
    )


# "At the end of February Xinjiang had 15,308 enterprises, 7.3 per cent more": a level at the month's last day
_MONTH_END = re.compile(r"\b(?:at|by) the end of (?:" + MONTH_PATTERN + r")\b", re.I)


def last_day(month: str) -> str:
    """The last day of a month written ``YYYY-MM``."""
    year, number = int(month[:4]), int(month[5:7])
    return f"{month}-{calendar.monthrange(year, number)[1]:02d}"


def month_end_levels(
    clean: str, figures: list[Figure], stock: list[bool], result: list[tuple[str, str]]
) -> list[tuple[str, str]]:
    """A count that stands, dated by "at the end of <month>", is the month's last day; a percent right after it
    compares that level with a year before, so has its day too."""
    if not _MONTH_END.search(clean):
        return result
    result = list(result)
    for index, is_stock in enumerate(stock):
        period = result[index][0]
        if is_stock and re.fullmatch(r"\d{4}-\d{2}", period):
            day = last_day(period)
            result[index] = (day, "a level at the end of the month stated: its last day")
            following = figures[index + 1] if index + 1 < len(figures) else None
            if following is not None and following.unit == "percent" and result[index + 1][0] == period:
                result[index + 1] = (day, "the change of the level before: its day")
    return result


# "Each day more than 1,600 people passed", "has kept up an average of 22 daily trips", "the busiest day saw 3,000":
# a rate or a peak said in the past or present perfect is the average or peak of a period gone by
_RATE_BEFORE = re.compile(
    r"\b(?:(?:each|every|per|a)\s+(?:day|week|month)|average daily|daily average|busiest|peak)\b[^,;]*$", re.I
)
_RATE_AFTER = re.compile(r"\s*(?:[\w-]+\s+){0,6}?(?:daily|(?:per|a|each|every)\s+(?:day|week|month))\b", re.I)
_FUTURE = re.compile(r"\b(?:will|would|plans?|expects?)\b", re.I)
_PAST_VERB = re.compile(
    r"\b(?:has|have|had)\s+(?:\w+\s+){0,2}?\w+(?:ed|en|pt|wn|lt)\b|\b(?:saw|was|were|rose|grew|fell|kept|made|came|went)\b"
    r"|(?<!\bis )(?<!\bare )\b(?!hundred\b)[a-z]{2,}[a-df-z]ed\b(?! by\b)",
    re.I,
)


def rates_of_the_period(
    clean: str, figures: list[Figure], result: list[tuple[str, str]], before: str
) -> list[tuple[str, str]]:
    """A rate or peak in the past tense, with no period of its own, right after a sentence that stated an interval
    or a year ("in the first quarter ... 220,000 entries"): the average or peak of that span, not the article's day."""
    if not ("/" in before or re.fullmatch(r"\d{4}", before)) or before.startswith(".."):
        return result  # ("In 2024 the port saw 7,684 trains ... on average 21 trains went through each day": 2024's)
    result = list(result)
    for index, figure in enumerate(figures):
        start, end = clause_span(clean, figure.start, figure.end)
        rate = _RATE_BEFORE.search(clean[start : figure.start]) or _RATE_AFTER.match(clean[figure.end : end])
        if rate and _PAST_VERB.search(clean[start:end]) and not _FUTURE.search(clean[start:end]):
            result[index] = (before, "a rate or peak in the past tense: the period stated just before")
    return result


# "That pass handles 15.6 million tonnes of cargo a year", "the road port's annual cargo throughput has gone past 1
# million tons": an amount a year, told in the present, is the year's (the page's), not the page's day
_A_YEAR_AFTER = re.compile(r"^\s*(?:[\w-]+\s+){0,6}?(?:a|per|each|every)\s+year\b", re.I)
# "can handle 2 million tons a year", "an annual capacity of 550,000 tons": what a place could do stands on the day
_CAPACITY = re.compile(r"\b(?:capacity|capacities|can|could|able|designed|will)\b", re.I)
# ("for over a year" is how long, not how much a year)
_ANNUAL_BEFORE = re.compile(
    r"\b(?:annual|yearly|(?<!over\s)(?<!for\s)(?<!in\s)(?:a|per|each|every)\s+year)\b[^,;.]{0,50}$", re.I
)
_ON_THE_DAY = (
    "a rate or state that stands: the publication date",
    "now: the publication date",
    "no period stated: the publication date",
    "told as now, no period named: the publication date",
    "since ...: open start",  # "has grown from 17 a year at first to over 6,000 since 2011": a rate has no open start
)


def yearly_amounts(
    text: str, figures: list[Figure], result: list[tuple[str, str]], published: date | None
) -> list[tuple[str, str]]:
    """An amount a year that stands on the page's day takes the page's year instead."""
    if not published:
        return result
    dated = list(result)
    for index, figure in enumerate(figures):
        start, end = clause_span(text, figure.start, figure.end)
        yearly = _A_YEAR_AFTER.match(text[figure.end : end]) or _ANNUAL_BEFORE.search(text[start : figure.start])
        capacity = _CAPACITY.search(text[start:end])
        if (
            yearly
            and not capacity
            and figure.unit not in {"percent", "hours", "minutes"}
            and result[index][1] in _ON_THE_DAY
        ):
            dated[index] = (str(published.year), "an amount a year that stands: the page's year")
    return dated


# "more than 70 percent of them are finished goods", "sits on the frontier, with 33 border counties", "59 companies
# have moved into the park", "will invest 42.1 billion yuan": a figure told in the present, in a sentence that names no
# period, is as the page tells it, not the year of the figures a paragraph or more before; so is a count in the present
# perfect and a sum or flow in the future (a plan's spending, set on the page's day). A flow in the present perfect
# ("has brought in 723 billion yuan") keeps that year, and so does a count in the future ("will reach 30 countries": a
# goal with no year).
_NOW = r"\b(?:is|are|can|remains?|sits|lies|carries|makes? up|accounts? for)\b|(?<!the )\bpass(?:es)? through\b"
_TOLD_NOW = {  # whether the figure is a flow: the tenses that tell it as of the page
    True: re.compile(_NOW + r"|\bwill\b", re.I),
    False: re.compile(_NOW + r"|\b(?:has|have)\s+(?:\w+\s+){0,2}?\w+(?:ed|en|wn|lt|nt|ne|un|ht|et)\b", re.I),
}
# "trade with which reached 458.4 billion yuan": a clause in the simple past, whatever the sentence's main verb (a
# word in -ed before a number or a preposition; "processed food" is no verb)
_GONE_BY = re.compile(
    r"\b(?:had|was|were|did|would|used to|rose|grew|fell|came|went|saw|stood|hit)\b"
    r"|(?<!\bhas )(?<!\bhave )(?<!\bis )(?<!\bare )(?<!\bbe )(?<!\bbeen )\b(?!hundred\b)[a-z]{2,}[a-df-z]ed\s+"
    r"(?=(?:about|around|over|nearly|more|some|up|down|to|by|from)\b|\d)",
    re.I,
)
_ON_THE_YEAR_BEFORE = re.compile(
    r"\b(?:than|on|over)\s+(?:the\s+)?(?:year\s+before|previous\s+year|a\s+year\s+(?:earlier|before|ago))\b"
    r"|\byear[- ]on[- ]year\b",
    re.I,
)
_CARRIED_YEAR = "the data year carried"
_CARRIED_BEFORE = "carried from the sentence before"


def told_as_now(
    text: str,
    figures: list[Figure],
    result: list[tuple[str, str]],
    flows: list[bool],
    published: date | None,
    written: str = "",
) -> list[tuple[str, str]]:
    """A figure that would take the data year carried from sentences before, or the bare year the sentence before
    stated, told in the present or future (its clause, or the sentence up to it when the clause has no verb of its
    own), takes the page's day."""
    if not published:
        return result
    dated = list(result)
    for index, figure in enumerate(figures):
        # a bare year the sentence before stated ("trade reached 80 million in 2011. There are 4 lanes") is its
        # flow's, no more the count's than a data year carried from further back; a span or day carried stays
        carried = result[index][1] == _CARRIED_YEAR or (
            result[index][1] == _CARRIED_BEFORE and re.fullmatch(r"\d{4}", result[index][0])
        )
        if not carried:
            continue
        now = _TOLD_NOW[flows[index]]
        start, end = clause_span(text, figure.start, figure.end)
        clause = text[start:end]
        verb = any(pattern.search(clause) for pattern in (*_TOLD_NOW.values(), _GONE_BY))
        told = clause if verb else text[:end]  # "..., with 33 border counties": the verb is the sentence's
        # a count "has 17 crossings", "there are 7 checkpoints", "borders eight countries": what a place holds now
        held = not flows[index] and holds_now(told)
        # ("That is 19.9% more than the year before": a change on the year before is the carried year's; the text
        # as written, since the comparison is blanked from the text read here)
        compared = _ON_THE_YEAR_BEFORE.search(written[start:end] if written else told)
        if (now.search(told) or held) and not _GONE_BY.search(told) and not compared:
            dated[index] = (published.isoformat(), "told as now, no period named: the publication date")
    return dated
