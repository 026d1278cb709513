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


# "takes up 3.43 square km in China and 1.85 sq km in Kazakhstan", "the remaining 1.85 square km in Kazakhstan": the
# part of a place that lies across the border, written right after the figure, with its clause ending there
_ACROSS_AFTER = re.compile(
    r"^(?:\s+[a-z]+){0,2}?\s+(?:in|on\s+the\s+side\s+of)\s+" + _COUNTRY + r"\s*(?:[,.;]|and\b|$)"
)


def part_across(after: str) -> str:
    """The neighbour country written right after a figure as where that part of a place lies; "" for none."""
    match = _ACROSS_AFTER.match(after)
    return match.group(1) if match else ""


# "Kazakhstan has significantly increased its rail exports to China", "Grain carried by rail to China": a story about a
# neighbour's rail freight with China, which crosses at the data's rail ports on that border
_RAIL = re.compile(r"\b(?:rail(?:way)?s?|by rail|iron road)\b", re.I)  # freight by rail; a train count may be transit
_CHINA = re.compile(r"\bChina\b|\bChinese\b")
_UNPLACED = re.compile(r"place not in the data: " + _COUNTRY + r"\b")


def rail_neighbour(title: str, sentence: str, flag: str) -> str:
    """The neighbour (ISO code) whose rail freight with China a title is about and a figure's flag names, or "".

    The figure's own sentence must name the railway too: a total "between Kazakhstan and China" with no mode stays
    the country's (held_out/README.md, "Rulings where sets disagree").
    """
    unplaced = _UNPLACED.search(flag)
    if not unplaced or not _RAIL.search(title) or not _CHINA.search(title) or not _RAIL.search(sentence):
        return ""
    return _NEIGHBOURS[unplaced.group(1).lower()]
