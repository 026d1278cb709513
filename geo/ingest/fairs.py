"""An expo's or fair's own days, from the text: "held from 26 June to 30 June", a six-day expo that closed on a day."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from geo.ingest.article import _WEEKDAYS, weekday_before
from geo.ingest.numbers import SMALL_WORDS, WORD_VALUES

# The kinds of gathering whose deals, exhibitors and visitors an article counts over the gathering's own days
FAIR = re.compile(r"\b(?:expo|fair|trade show|exhibition)s?\b", re.I)
# "the six-day expo", "ran for 6 days", "over the five days of the event"
_COUNT = r"\d{1,2}|" + "|".join(SMALL_WORDS[2:11])  # 2 to 10 days, in digits or words
_DURATION = re.compile(
    r"\b(?P<n>" + _COUNT + r")[- ]day\b|\b(?:for|over|during|after)\s+(?:the\s+)?(?P<m>" + _COUNT + r")\s+days\b",
    re.I,
)
_CLOSED = re.compile(r"\b(?:closed|closes|concluded|ended|wrapped up|came to (?:a|an)\s+(?:[\w-]+\s+)?close)\b", re.I)
_OPENED = re.compile(r"\b(?:opened|opens|kicked off|got under way)\b", re.I)
_DAY_NAME = r"(?P<w>" + "|".join(day.capitalize() for day in _WEEKDAYS) + r")\b"
_WEEKDAY = re.compile(r"\b" + _DAY_NAME)
_TODAY = re.compile(r"\btoday\b", re.I)
_OWN_YEAR = re.compile(r"(?<!\bon )(?<!\bthan )(?<!\bover )(?<!\bfrom )(?<!\bsince )(?<!\bwith )\b((?:19|20)\d{2})\b")
_THE_EVENT = re.compile(r"\bthe (?:event|show)\b", re.I)


def fair_span(sentences: list[str], days: Callable[[str], list[str]], news_day: date | None) -> str:
    """The span "YYYY-MM-DD/YYYY-MM-DD" of the one expo or fair the article tells the days of, or "".

    ``days(sentence)`` gives the days a sentence names ("on the 7th") and its spans of days ("from 26 to 30 June"); a
    weekday ("closed on Saturday") or "today" is counted back from ``news_day``, the dateline's or the page's day.
    """
    told = [s for s in sentences if FAIR.search(s)]
    explicit = {span for s in told for span in days(s) if "/" in span}
    if len(explicit) == 1:
        span = explicit.pop()  # "At the expo, held from September 20 to 25"
        # a preview's "will run from 24 to 28 August": its figures are hopes, not the fair's
        return span if news_day is None or span[:10] <= news_day.isoformat() else ""
    # "33 activities will be held over the five days of the event": the length may be told of "the event"
    about = [s for s in sentences if FAIR.search(s) or _THE_EVENT.search(s)]
    lengths = {_number(m.group("n") or m.group("m")) for s in about for m in _DURATION.finditer(s)}
    if len(lengths) != 1:
        return _opened_to_weekday(told, news_day)
    length = lengths.pop()
    for sentence in told:
        for verb, sign in ((_CLOSED, -1), (_OPENED, 1)):
            if not verb.search(sentence):
                continue
            day = _day_told(sentence, days, news_day)
            if day is None:
                continue
            other = day + timedelta(days=sign * (length - 1))
            first, last = sorted([day, other])
            return f"{first.isoformat()}/{last.isoformat()}"
    return ""


# What an expo counts, by the noun after the figure: its exhibitors, the countries they came from, its visitors and
# the projects signed at it; a sum is the value of the deals signed there
_FAIR_COUNTS = (
    ("expo_exhibitors", r"(?:companies|firms|enterprises|exhibitors|participants|businesses)"),
    ("expo_countries", r"(?:countries|nations)"),
    ("expo_visitors", r"(?:visitors|visits)"),
    ("expo_projects_signed", r"(?:(?:cooperation\s+|investment\s+)?projects|contracts|deals|agreements)"),
)
_COUNTED = tuple((name, re.compile(r"^\s*(?:[\w-]+\s+){0,3}?" + noun + r"\b", re.I)) for name, noun in _FAIR_COUNTS)
_PART = re.compile(r"\b(?:of them|of which|among them|of these|forums?|online|ceremony|leading|top)\b", re.I)
_BORDERS = re.compile(r"\b(?:border(?:s|ing)?|neighbou?r(?:s|ing)?)\b", re.I)
_DEALS = re.compile(r"\b(?:contracts?|deals?|projects?|agreements?|signed)\b", re.I)


def fair_metric(sentence: str, unit: str, start: int, end: int) -> str:
    """The expo measure a figure at ``[start, end)`` of a sentence about an expo is, or "" (``expo_exhibitors`` ...)."""
    after = sentence[end:]
    clause = sentence[max(sentence.rfind(",", 0, start), sentence.rfind(";", 0, start), 0) : start]
    if _PART.search(clause + " " + re.split(r"[,;]", after)[0]) or _BORDERS.search(sentence):
        return ""  # "404 of them at the signing ceremony", "the forum's 37 projects": a part with a name of its own
    if unit == "count":
        return next((name for name, pattern in _COUNTED if pattern.match(after)), "")
    if unit in {"CNY", "USD"} and _DEALS.search(sentence):
        return "expo_contract_value"
    return ""


# what may stand between a city and the fair its name opens: "Kashgar – Central Asia and South Asia Commodity Fair"
_REST_OF_NAME = re.compile(r"(?:\s*(?:[-\u2013]\s*)?(?:[A-Z][\w'-]*|and|of)\b)*?\s+(?:Fair|Expo|fair|expo)\b")


def fair_city(sentences: list[str], cities: Callable[[str], list[tuple[int, str]]]) -> str:
    """The city the article's first fair named is named after ("the Kashgar fair"), when ``cities`` says the data
    lacks it (it holds only the city's airport), else "": that fair is the city's, not the region's.

    A bare "the fair" names none; the first fair with a name of its own ("the China-Eurasia Expo") decides.
    """
    for sentence in sentences:
        fairs = list(FAIR.finditer(sentence))
        found = cities(sentence) if fairs else []  # the sentence's cities, once for all its fairs
        for fair in fairs:
            named = [name for at, name in found if (m := _REST_OF_NAME.match(sentence, at + len(name)))
                     and m.end() == fair.end()]  # fmt: skip
            if named:
                return named[0]
            if fair.group(0)[0].isupper():
                return ""
    return ""


# The region's capital, where its own fairs are held ("the 18th Urumqi (International Trade) Fair" names one), and the
# kinds of place in it a clause may name for itself
_CAPITAL = re.compile(r"\bUrumqi\b", re.I)
_CAPITAL_FAIR_NAME = re.compile(r"\bUrumqi(?:\s+[A-Z][\w-]*){0,3}\s*$")
_KIND_OF_PLACE = re.compile(r"\b(?:airports?|land port|railway port|port area|free trade zone|FTZ|bonded zone)\b", re.I)


def capitals_fair(sentence: str, clause: str, entity_id: str) -> bool:
    """Whether a figure placed on one of the capital's places (``entity_id``) is the region's fair's: the sentence
    names a fair, not after the capital as its subject ("Urumqi saw 40 projects signed at the expo" is the city's),
    and the figure's clause names no kind of place (an airport, a land port, a zone) of its own.

    Every gold codes the Urumqi fair and the China-Eurasia Expo as the region's.
    """
    fair = FAIR.search(sentence)
    if not fair or "urumqi" not in entity_id or _KIND_OF_PLACE.search(clause):
        return False
    return not _CAPITAL.search(_CAPITAL_FAIR_NAME.sub("", sentence[: fair.start()]))


def names_fair(sentence: str) -> bool:
    """Whether a sentence speaks of the fair: "expo", "fair", or "the event", "the show"."""
    return bool(FAIR.search(sentence) or _THE_EVENT.search(sentence))


def other_edition(sentence: str, span: str) -> bool:
    """Whether a sentence dates what it tells to a year other than the fair's ("the first expo, held in 2011")."""
    # ("a rise of 3.5% on 2013", "since 2011": a year compared with or counted from is no other edition's)
    return any(year != span[:4] for year in _OWN_YEAR.findall(sentence))


# "The fair, which runs until Saturday": the weekday the fair's last day falls on
_UNTIL_WEEKDAY = re.compile(
    r"\b(?:runs?|running|lasts?|lasting|continues?|continuing|is open|stays open)\s+(?:until|till|to|through)\s+"
    + _DAY_NAME
)
_OPENED_ON = re.compile(r"\b(?:opened|opens|kicked off)\s+on\s+" + _DAY_NAME)


def _opened_to_weekday(told: list[str], news_day: date | None) -> str:
    """ "The fair opened on Tuesday ... runs until Saturday": from the day it opened to that weekday, else ""."""
    ends = {m.group("w") for s in told for m in _UNTIL_WEEKDAY.finditer(s)}
    opened = [weekday_before(m.group("w"), news_day) for s in told for m in _OPENED_ON.finditer(s) if news_day]
    if len(ends) != 1 or not opened:
        return ""
    first = opened[0]
    last = first + timedelta(days=(_WEEKDAYS.index(ends.pop().lower()) - first.weekday()) % 7)
    return f"{first.isoformat()}/{last.isoformat()}"


def _day_told(sentence: str, days: Callable[[str], list[str]], news_day: date | None) -> date | None:
    single = [d for d in days(sentence) if "/" not in d]
    if single:
        return date.fromisoformat(single[0])
    if news_day is None:
        return None
    weekday = _WEEKDAY.search(sentence)
    if weekday:
        return weekday_before(weekday.group("w"), news_day)
    return news_day if _TODAY.search(sentence) else None


def _number(word: str) -> int:
    return int(word) if word.isdigit() else WORD_VALUES[word.lower()]
