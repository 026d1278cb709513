"""Places named together: a pair as the subject of a figure's clause, "the other port", a pair carried on."""

from __future__ import annotations

import re

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


def the_other(clause: str, history: list[str], named: set[str]) -> str:
    """ "..., while the other port recorded a 40-percent rise": of the last two places named, the one this sentence
    does not name; "" when the clause says no "the other" or that is not one place."""
    if not _OTHER.search(clause) or len(history) < 2:
        return ""
    left = [p for p in history[-2:] if p not in named]
    return left[0] if len(left) == 1 else ""


TOGETHER = re.compile(
    r"\b(?:together(?! with)|combined|jointly|both|between them|in total)\b"  # "one of two ports, together with X"
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
