"""Counts that are names, not measures: things the text lists one by one, and a group of partner countries."""

from __future__ import annotations

import re

from geo.ingest.numbers import Figure

# The counted noun: up to three words before a plural ("aviation ports", "Central Asian states", "major CRE corridors").
_NOUN = r"\s*(?:[\w'-]+\s+){0,3}?[a-z][\w-]*s\b"
# One name of the list: capitalised words, "the" allowed before them ("the Khorgos International Center").
_NAME = r"(?:the\s+)?[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,3}"
# What opens a list right after its noun: a colon, a dash, a comma or bracket, or "namely", "located at", "in"; or
# "among them", "including", "such as", which name all the things counted only when the names are as many as the count
_OPENS = (
    r"\s*(?:[:(,]|--|[-\u2013\u2014])?\s*"
    r"(?:namely\s+|located\s+(?:at|in)\s+|(?:in|at)\s+|among\s+them\s+|including\s+|such\s+as\s+)?"
)
_LIST_AFTER = re.compile(r"^" + _NOUN + _OPENS + r"(?=[A-Z]|the\s+[A-Z])")
# "Kazakhstan, Kyrgyzstan and Tajikistan, Xinjiang's three", "... and Tajikistan were the region's three": names before
_LIST_BEFORE = re.compile(
    r"((?:" + _NAME + r"\s*,\s*)+" + _NAME + r",?\s+and\s+" + _NAME + r")"
    r"(?:\s*,\s*|\s+(?:were|are|was|is)\s+)(?:the\s+)?(?:[\w-]+'s\s+|its\s+|their\s+)?$"
)
# "the four bonded zones in Kashgar, Khorgos, Alashankou and Urumqi", "three areas, Urumqi, Kashgar and Horgos": the
# parts of a zone group the data holds (the bonded zones, the FTZ's areas); their number is the group's size, a measure
_GROUP_PARTS = re.compile(r"\b(?:bonded|areas)\b", re.I)
_SEPARATOR = re.compile(r"\s*(?:,\s*and|,|and)\s+")
# "trade with five Central Asian countries", "Trade between Xinjiang and five ...", "China and five central Asian
# countries have been deepening ...", "freight between our two countries": a few countries named as the partner, a
# group's name (the count says who, not how much)
_PARTNER_BEFORE = re.compile(
    r"(?:\b(?:trade|trading|freight|cooperation)\s+(?:with|between\s+[^,;.]{1,60}?\s+and)(?:\s+the)?"
    r"|^\W*(?-i:[A-Z][\w'-]+)\s+and|\bour)\s*$",
    re.I,
)
_COUNTRIES = re.compile(r"^\s*(?:[\w'-]+\s+){0,2}?(?:countries|nations|states)\b", re.I)


def _names(text: str) -> int:
    """How many names a list written "A, B and C" at the start of ``text`` holds (0 if it opens with none)."""
    count, rest = 0, text
    while True:
        match = re.match(_NAME, rest)
        if not match:
            return count
        count, rest = count + 1, rest[match.end() :]
        joint = _SEPARATOR.match(rest)
        if not joint:
            return count
        rest = rest[joint.end() :]


def names_counted(sentence: str, figure: Figure) -> bool:
    """Whether a count of things is the number of names the sentence lists for them, right after or right before.

    "four African countries: Ethiopia, Zambia, Comoros and Senegal", "three aviation ports, in Urumqi, Kashgar and
    Yining": the count is the list's length, not a measure. A partial list ("13 countries, Germany and Poland among
    them") names fewer than it counts, so the count stays a figure.
    """
    if figure.unit != "count" or figure.value < 2:
        return False
    after = sentence[figure.end :]
    opened = _LIST_AFTER.match(after)
    if opened and _GROUP_PARTS.search(opened.group(0)):
        return False
    if opened and _names(after[opened.end() :]) == figure.value:
        return True
    listed = _LIST_BEFORE.search(sentence[: figure.start])
    return bool(listed) and len(_SEPARATOR.split(listed.group(1))) == figure.value


def partner_group(sentence: str, figure: Figure) -> bool:
    """Whether a few countries are named as a trade partner by their count ("trade with five Central Asian countries")."""
    return (
        figure.unit == "count"
        and figure.value <= 10
        and bool(_COUNTRIES.match(sentence[figure.end :]))
        and bool(_PARTNER_BEFORE.search(sentence[: figure.start]))
    )
