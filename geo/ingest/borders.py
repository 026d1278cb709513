"""Borders named by their countries: "rail freight between China and Kazakhstan", "between the two countries"."""

from __future__ import annotations

import re

_NEIGHBOURS = {"kazakhstan": "KAZ", "kyrgyzstan": "KGZ", "tajikistan": "TJK", "pakistan": "PAK", "mongolia": "MNG"}
_COUNTRY = r"(Kazakhstan|Kyrgyzstan|Tajikistan|Pakistan|Mongolia)"
_COUNTRY_PAIR = re.compile(
    r"\bbetween\s+(?:China\s+and\s+" + _COUNTRY + r"|" + _COUNTRY + r"\s+and\s+China)\b"
    r"|\b(?:China[-\u2013]"
    + _COUNTRY
    + r"|"
    + _COUNTRY
    + r"[-\u2013]China)\s+(?:rail|railway|road|highway|freight|cargo)",
    re.I,
)
_BOTH_COUNTRIES = re.compile(r"\bbetween\s+(?:the\s+(?:two\s+)?|both\s+)countries\b", re.I)
ROAD_MODE = re.compile(r"\b(?:by road|road transport\w*|road freight|trucks?|lorr(?:y|ies)|highway)\b", re.I)


def neighbours_named(sentence: str) -> list[str]:
    """The neighbour countries a sentence names whose borders the data's ports face, in order."""
    return [m.group(0) for m in re.finditer(_COUNTRY, sentence)]


def border_country(text: str, neighbour: str = "") -> str:
    """The neighbour (ISO code) of the border a text names by its two countries ("between China and Kazakhstan",
    "China-Kazakhstan rail"), or by "between the (two) countries" after ``neighbour`` was named; "" for none."""
    pair = _COUNTRY_PAIR.search(text)
    if pair:
        return _NEIGHBOURS[next(g for g in pair.groups() if g).lower()]
    if _BOTH_COUNTRIES.search(text) and neighbour:
        return _NEIGHBOURS[neighbour.lower()]  # "rail freight between the countries": the pair named before
    return ""
