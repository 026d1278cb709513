"""Time expressions that are not a figure's period: the base a change is compared with, an event's day."""

from __future__ import annotations

import re

from geo.ingest.numbers import MONTH_PATTERN

# Comparisons name the period compared with, not the figure's: blank them before reading periods.
COMPARED = re.compile(
    r"\b(?:(?:than|compared with|compared to|from|over)\s+)?(?:in\s+)?the same (?:period|time|months?) "
    r"(?:of|in|last)\s+(?:(?:the\s+)?(?:last|previous|prior)\s+)?(?:year|(?:19|20)\d{2})|\b(?:a|one) year (?:earlier|ago|before)|\blast year's\b"
    r"|\bthan\s+(?:[a-z]+\s+){0,6}?in\s+(?:19|20)\d{2}\b"  # "40 days sooner than the mark was reached in 2024"
    # ("increases of 8.3%, 2.95% and 8.72% respectively on 2016": a list of changes, then their base)
    r"|\b(?:increases?|rises?|growth|drops?|decreases?|up|down)\s+(?:[\w.,%]+\s+){0,7}?(?:over|from|on)\s+(?:19|20)\d{2}\b"
    r"|\bcompared (?:with|to)\s+(?:19|20)\d{2}\b"
    # "set against the same measure for loading the 2021-2022 harvest": the period the figures are measured against
    r"|\bset against\s+[^,;]*?(?=[,;]|$)"
    # "a growth rate 14.2 points above that of January - September", "up from that of last year": the period the
    # figure is measured against
    r"|\b(?:above|below|than|over|from|with)\s+that\s+(?:of|in|for)\s+[^,;]*?(?=[,;.]|$)"
    # "on August 3 ... above 180,000 for the first time, the highest level so far": a record ranks a day against all
    # before it, it totals nothing
    r"|\b(?:highest|largest|biggest|best|record)\b(?:\s+[\w-]+){0,2}?\s+(?:so far|to date|ever)\b"
    # "grew by 13,2% on 2024 to reach 9 882", "fell 8 percent over 2019": a verb of change, its amount, then the year
    # it is measured on is the base (the amount between keeps "grew steadily over 2019" a span)
    r"|\b(?:rose|grew|fell|dropped|increased|decreased|climbed|jumped|declined|gained)\s+(?:by\s+)?(?:[\w.,]+\s*)"
    r"(?:%|percent\b|per\s?cent\b|times\b)\s*(?:on|over)\s+(?:19|20)\d{2}\b"
    # "rose by 8% on last year", "18% more than last year", "compared to the previous year": the base compared
    # with, whatever the wording; the figure keeps the period its own text or the article states
    r"|\b(?:than|on|over|from|against|compared (?:with|to))\s+(?:in\s+|during\s+)?"
    r"(?:last year|the previous year|the year before|the prior year)\b(?!'s)"
    # "three times as much as in the first six months of last year", "more than in the first half of 2022": the part
    # of an earlier year the figure is compared with
    # ("up 267% on the first quarter of 2019" too: "on" or "against" a part of a year is the base)
    r"|\b(?:(?:than|as)\s+(?:in|during)|on|against|compared (?:with|to))\s+"
    r"the\s+(?:first|second|third|fourth|last)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:months?|half|quarter)\s+of\s+(?:last year|the previous year|the year before|(?:19|20)\d{2})\b"
    # "rises of 46 percent on January 2020", "25 per cent more than January 2024": a month of an earlier year named
    # as the base is compared with, as "last year" is (a span "from January 2020 to ..." is not a base)
    # ("6% less than in January-March 2014": months of an earlier year, joined by a dash)
    r"|\b(?:than|on|over|from|against|compared (?:with|to))\s+(?:in\s+|during\s+)?"
    + r"(?:"
    + MONTH_PATTERN
    + r"\s*[-\u2013]\s*)?"
    + MONTH_PATTERN
    + r"\s+(?:of\s+)?(?:19|20)\d{2}\b(?!\s*(?:(?:to|until|till|through|and)\b|[-\u2013]))"
    # "2.5 times the figure in 2019", "5.6 times from the 2019 level", "double the number of 2021", "nine times their
    # level in H1 2019": the year or part of a year compared with
    r"|\b(?:times|double|twice|triple|treble)\s+(?:that of|(?:the|their|its) [\w-]+ (?:of|in)|(?:from|over) the)\s+"
    r"(?:[\w-]+\s+){0,4}?(?:19|20)\d{2}\b"
    # "close to twice the total of the previous eight years": the span compared with, not the figure's
    r"|\b(?:times|double|twice|triple|treble)\s+(?:the|its|their)\s+(?:[\w-]+\s+){0,2}?(?:of|in|for)\s+the\s+"
    r"(?:previous|past|preceding|last)\s+(?:[\w-]+\s+)?years\b"
    # "the most since it opened", "the highest single-day number ... since 2018": the "since" dates the record the
    # figure beats, not a running total's start
    r"|\b(?:most|highest|largest|biggest|busiest|best|lowest|record)\b[^,;.]{0,60}?\bsince\b[^,;.]*"
    # "more than three times as much as at the last expo in 2018": the edition or year compared with
    r"|\b(?:times|twice|double)\s+as\s+(?:much|many|large|high|big)\s+as\s+(?:[\w-]+\s+){0,5}?(?:19|20)\d{2}\b"
    # "already more than in the whole of 2019": the whole year the amount so far is compared with
    r"|\bthan\s+(?:in\s+)?(?:(?:the\s+)?(?:whole|entire)\s+of\s+|all\s+of\s+)(?:19|20)\d{2}\b"
    # "92.3% of the whole of 2017's total", "half of 2017's total": the earlier year a share is taken of
    r"|\bof\s+(?:the\s+(?:whole|entire)\s+of\s+)?(?:19|20)\d{2}'s\s+(?:[\w-]+\s+)?(?:total|figure|volume|number)\b",
    re.I,
)
# An event's day is not a figure's period: "set up on Nov 1 last year", "unveiled on Nov 11" (but "firms newly set up
# in 2025 were 21.97% more" counts the setting-up over the year).
EVENT = re.compile(
    r"\b(?<!\bnewly )(?:set up|established|launched|unveiled|opened|founded|inaugurated|signed|taken|approved|built|first held"
    r"|(?:start|began|begin|commenc|open)\w*\s+(?:operations?|services?))\s+"
    r"(?:on|in)\s+[^,;]*?(?=,|;|\band\b|$)"
    # "after the line went into service last year, ... 30 percent more efficient": the line's year, not the gain's
    r"|\b(?:went|came|was put|were put|was brought) into (?:service|operation|use)\s+"
    r"(?:last year|this year|in (?:19|20)\d{2}|on [^,;]+?)(?=[,;.]|$)"
    # "since it served its first freight train in 2016", "since inspections resumed in July last year": the start
    # of an open-ended count, not its period
    r"|(?<=\bsince )(?:[\w'-]+\s+){1,4}?(?:[a-z]+ed|began)\s+"
    r"(?:[\w'-]+\s+){0,4}?(?:in|on)\s+[^,;]*?(?=[,;]|$)",
    re.I,
)


def without_events(text: str) -> str:
    """The text with events' days blanked ("set up in November 2023"): they date the event, not a figure."""
    return blank(text, EVENT)


def blank(text: str, pattern: re.Pattern[str]) -> str:
    return pattern.sub(lambda m: " " * len(m.group(0)), text)
