"""Lengths of a border, pipeline or network (figures) told apart from distances between places (doubted)."""

from __future__ import annotations

import re

from geo.ingest.numbers import Figure

_BORDER = r"(?:border(?:\s*line)?|borderline|frontier(?:\s+line)?|boundary|stretch)"
# "5,600 km of border", "a 1,700 km stretch", "the 962-km pipeline", "982 km long": the length of a thing the figure
# names, which the gold keeps as a figure. A railway line or section stays doubted: its place is a corridor the sentence
# seldom names ("the 523-kilometer line"), and a line the data lacks would be given its end port. So does a road built
# at a port: the day it was finished, its period, is seldom the sentence's.
_KINDS = (
    ("border", _BORDER),
    ("pipeline", r"(?:pipeline|gas line|oil line)"),
)
_AFTER = tuple((kind, re.compile(r"^\s*(?:of\s+)?(?:[\w-]+\s+){0,2}?" + noun + r"s?\b", re.I)) for kind, noun in _KINDS)
# "more than 12,000 kilometers of high-grade roads, 9,000 kilometers of rail": the length of a network
_NETWORK = re.compile(r"^\s*of\s+(?:[\w-]+\s+){0,2}?(?P<noun>road|rail(?:way)?|highway|expressway)s?\b", re.I)
# "the pipeline stretches 2,798 kilometers from Atasu", "runs 1,200 kilometers from ... to ...": a length end to end
_STRETCHES = re.compile(r"\b(?:stretch(?:es|ed|ing)?|runs|ran|running|extends?|extending|spans?|spanning)\s*$", re.I)
_LONG = re.compile(r"^\s*(?:long|in length)\b", re.I)
# "a border line of 5,400 km", "a borderline of 888 kilometers", "a long border with Kazakhstan - about 1,740 km"
_BORDER_BEFORE = re.compile(
    r"\b" + _BORDER + r"\b(?:\s+with\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)?\s*(?:of|is|[-\u2013\u2014:])?\s*$", re.I
)
_PIPELINE_BEFORE = re.compile(
    r"\b(?:pipeline|gas line|oil line)\s+(?:of|is|was)\s+(?:about\s+|some\s+|nearly\s+)?$", re.I
)
# "80 km from Yining", "700 kilometres away", "moved 145 km to Wuqia", "1,000 km closer to Europe": a distance
_DISTANCE_AFTER = re.compile(
    r"^\s*(?:away|from|to|off|closer|nearer|further|farther|apart"
    r"|(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ward)?\s+of)\b",
    re.I,
)


def length_of(sentence: str, figure: Figure) -> str:
    """What a figure in km is the length of ("border", "pipeline", "long": a thing said to be so long), or ""."""
    if figure.unit != "km":
        return ""
    before, after = sentence[: figure.start], sentence[figure.end :]
    if _STRETCHES.search(before):
        return "long"
    if _NETWORK.match(after):
        return "network"
    if _DISTANCE_AFTER.match(after):
        return ""
    if _LONG.match(after):
        return "long"
    kind = next((kind for kind, pattern in _AFTER if pattern.match(after)), "")
    if not kind and _PIPELINE_BEFORE.search(before):
        kind = "pipeline"  # "the new pipeline of 962,2 kilometres"
    return kind or ("border" if _BORDER_BEFORE.search(before) else "")


def network_name(sentence: str, figure: Figure) -> str:
    """``road_length``, ``railway_length`` ...: the metric of a network's length in km ("9,000 km of rail"), or ""."""
    network = _NETWORK.match(sentence[figure.end :]) if figure.unit == "km" else None
    if not network:
        return ""
    noun = network.group("noun").lower()
    return f"{'railway' if noun == 'rail' else noun}_length"
