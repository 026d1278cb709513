"""Places named together: a pair as the subject or the way of a figure's clause, "the other port", a pair carried on."""

from __future__ import annotations

import re

from geo.ingest.modes import RAIL, ROAD
from geo.ingest.numbers import Figure

# "the Alataw Pass and Horgos Port", "the Alataw Pass and the Horgos Port": a first name of capitalised words, then
# "and" (an Oxford comma allowed) and the second name; nothing else between the two places
_JOINED = re.compile(r"[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*){0,3}\s*,?\s+and\s+(?:the\s+)?")
# what ends the pair's reach before a figure: another clause with its own subject
_BREAK = re.compile(r";|\s[-\u2013\u2014]{1,2}\s|\b(?:while|whereas|but|of these|of them|of which)\b", re.I)
_LISTED = re.compile(r"[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*){0,3}\s*,\s*")
_OTHER = re.compile(r"\bthe other (?:[\w-]+\s+){0,2}?(?:port|hub|gateway|one)\b", re.I)


def joined_pair(sentence: str, mentions: list[tuple[int, str]], figure_start: int) -> list[str]:
    """The two places a figure's clause has as its subject when they are named together ("A and B handled ...").

    The pair is the last two places named before the figure, joined by "and" with only their names between; a
    place named between the pair and the figure, or a new clause ("; of these, ..."), ends its reach. [] if none.
    """
    before = [(at, e) for at, e in mentions if at < figure_start]
    if len(before) < 2:
        return []
    (first, one), (second, other) = before[-2], before[-1]
    if one == other or not _JOINED.fullmatch(sentence[first:second]):
        return []
    if _BREAK.search(sentence[second:figure_start]):
        return []
    if len(before) > 2 and _LISTED.fullmatch(sentence[before[-3][0] : first]):
        return []  # "namely Kashgar, Alataw, Horgos and Urumqi": the tail of a longer list, not a pair
    return [one, other]


# "went through Khorgos Port and Alataw Pass", "at the Alashankou and Horgos checkpoints", "at Dostyk-Alashankou and
# Altynkol-Khorgos": the way the figure's goods or trains went, a pair after the figure (a neighbour's station may
# stand before each name)
_STATION = r"(?:[A-Z][\w'\u2019]*-)?"
_WAY = re.compile(r"\b(?:through|via|at|across)\s+(?:the\s+)?" + _STATION + "$")
_JOINED_AFTER = re.compile(_JOINED.pattern + _STATION)


def pair_after(sentence: str, mentions: list[tuple[int, str]], figure_end: int) -> list[str]:
    """The two places a figure's goods or trains went through when its clause names them after it, joined by "and"
    ("956 trains went through Khorgos Port and Alataw Pass"); [] when the clause names a place before the figure,
    which is then its subject, or the pair is not the way the figure went.
    """
    if any(at < figure_end for at, _ in mentions) or not (RAIL.search(sentence) or ROAD.search(sentence)):
        return []  # without a mode in the sentence the pair's members are unknown: the title's story decides
    after = [(at, e) for at, e in mentions if at >= figure_end]
    if len(after) < 2:
        return []
    (first, one), (second, other) = after[0], after[1]
    if one == other or not _JOINED_AFTER.fullmatch(sentence[first:second]):
        return []
    between = re.sub(r",[^,]{1,40},", " ", sentence[figure_end:first])  # an aside (", inbound and outbound,") stays
    if "," in between or _BREAK.search(between) or not _WAY.search(between):
        return []
    if len(after) > 2 and re.fullmatch(r"[^.;]*?,\s*(?:and\s+)?(?:the\s+)?", sentence[second : after[2][0]]):
        return []  # "through Horgos and Bakhty, Jeminay and ...": a longer list
    return [one, other]


def named_pair(sentence: str, mentions: list[tuple[int, str]], way: list[tuple[int, str]], figure: Figure) -> list[str]:
    """The pair joined as the figure's subject, else the pair after it that its trains or goods went through (``way``
    holds every place the sentence names, past commas); [] if neither."""
    return joined_pair(sentence, mentions, figure.start) or pair_after(sentence, way, figure.end)


def the_other(clause: str, history: list[str], named: set[str]) -> str:
    """ "..., while the other port recorded a 40-percent rise": of the last two places named, the one this sentence
    does not name; "" when the clause says no "the other" or that is not one place."""
    if not _OTHER.search(clause) or len(history) < 2:
        return ""
    left = [p for p in history[-2:] if p not in named]
    return left[0] if len(left) == 1 else ""


TOGETHER = re.compile(
    r"\b(?:together(?! with)|combined|jointly|between them|in total)\b"  # "one of two ports, together with X"
    # ("..., and those through Alashankou rose 6.8% to 6635, both records": both figures, not both places)
    r"|\bboth\b(?!\s+(?:(?:new|all-time|record)\s+)?(?:records?|highs?|peaks?)\b)"
    r"|\b[A-Z][\w-]+ and [A-Z][\w-]+ (?:ports|hubs|railway ports)\b"  # "through the Alashankou and Khorgos ports"
)
BACK_TO_SEVERAL = re.compile(
    r"\b(?:the|both|two|three|these|its|xinjiang's)\s+(?:\w+\s+){0,2}?(?:ports|hubs)\b|\bthrough them\b"
    # "These routes reach 21 countries", "the goods these trains carry": the things of the places just named together
    r"|\b(?:these|those)\s+(?:[a-z-]+\s+){0,2}?(?:routes|trains|services|lines|corridors)\b",
    re.I,
)

BACK_TO_TWO = re.compile(
    r"\b(?:the|these|both)\s+(?:two|twin)\s+(?:[\w-]+\s+){0,2}?(?:ports|hubs|gateways)\b|\bboth ports\b", re.I
)

_ASIDE = re.compile(r"\b(?:together with|along with|alongside|such as|as well as|apart from|besides|like)\b", re.I)


def in_aside(sentence: str, at: int, figure_start: int) -> bool:
    """Whether a name sits in a comma-closed aside before the figure (", together with Horgos,")."""
    start = sentence.rfind(", ", 0, at)
    close = sentence.find(", ", at)
    return start >= 0 and 0 <= close < figure_start and bool(_ASIDE.search(sentence[start:at]))


RESPECTIVELY = re.compile(r"\brespectively\b", re.I)
