"""Places the data does not hold, known by their shape: a name before a kind of place, a group the data lacks."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from geo.ingest.organisations import without_organisations
from geo.ingest.text import GENERIC, clause_span, tokens


@dataclass(frozen=True)
class Unheld:
    """A place named in a sentence that the data may not hold: where, its name and its kind of place."""

    start: int
    end: int
    name: str
    kind: str  # "port", "airport", "station", "division" (city, county, prefecture, province, oblast, region), "zone",
    # "park", "group"


_NAME = r"[A-Z][\w'\u2019-]*(?:(?:[-\u2013]|\s\u2013\s)[A-Z][\w'\u2019-]*)*"  # "Khorgos – Southern Gate" too
# "Sost Dry", "Kashgar North", "Kanas, Zhaosu, Altay and Fuyun": the names before the kind of place
_NAMES = rf"{_NAME}(?:\s+{_NAME}){{0,3}}(?:(?:,\s+|,?\s+and\s+){_NAME}(?:\s+{_NAME}){{0,2}})*"
_MODIFIERS = r"(?:\s+(?:tourism|tourist|regional|branch|feeder|civil|international|dry|land|railway|rail|road|border))*"
_KINDS = {
    "port": r"[Pp]orts?",
    "airport": r"[Aa]irports?",
    "station": r"[Ss]tations?|[Bb]order\s+[Cc]rossings?|[Cc]heckpoints?",
    "division": r"[Cc]it(?:y|ies)|[Cc]ount(?:y|ies)|[Pp]refectures?|[Pp]rovinces?|[Oo]blasts?|[Rr]egions?",
    # "the Khorgos-Eastern Gate special economic zone", "the Khorgos SEZ": a town's economic zone
    "zone": r"(?:[Ss]pecial|[Ff]ree)\s+[Ee]conomic\s+[Zz]ones?|SEZ",
    # "The Altyn-Emel National Park has had around 30,000 visitors": a park or reserve, never a place of the data
    "park": r"[Nn]ational\s+[Pp]arks?|[Nn]ature\s+[Rr]eserves?",
}
_NAMED = re.compile(
    rf"\b(?P<names>{_NAMES}){_MODIFIERS}\s+(?P<kind>" + "|".join(f"(?P<{k}>{v})" for k, v in _KINDS.items()) + r")\b"
)
# "the airport at Turpan", "the new airport in Yutian": an airport named by the place it serves
_KIND_AT = re.compile(rf"\b[Tt]he\s+(?:new\s+|local\s+)?(?P<kind>airport)\s+(?:at|in|of)\s+(?P<name>{_NAME})")
# "<kind> of <place>": the place named after its kind
_OF_PLACE = re.compile(rf"\s+of\s+({_NAME})")
# words that open a sentence or a phrase and name nothing: "At Horgos Port", "The Mohan Port", and a month or weekday
# before the name ("In July Kashi Laining International Airport reported ...")
_CALENDAR = (
    r"January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
)
_LEAD = re.compile(
    r"^(?:(?:The|A|An|At|In|From|Through|Via|By|On|And|With|For|To|As|While|When|Since|After|Both|Of|Its|Their"
    rf"|This|That|These|Those|Other|All|Some|Many|Most|{_CALENDAR})\s+)+"
)
# Groups of places the data has no id for: "the regional branch airports", "four tourism airports", "other airports",
# "the other regional airports"
_GROUPS = re.compile(
    r"\b(?:(?:regional|local)\s+)?(?:branch|feeder|tourism|tourist|other|remaining|smaller)\s+"
    r"(?:(?:regional|local|branch|feeder)\s+)?airports\b",
    re.I,
)
# "the Dulata port in Qapqal Xibe Autonomous County", "the airport at Turpan in northwest China's Xinjiang": a place
# that locates the one named before it
_LOCATED = re.compile(r",?\s+(?:of|in|within)\s+(?:the\s+)?(?:[a-z]+\s+)?(?:China(?:'s|\u2019s)\s+)?", re.I)
# the same, up to a later word of the locating name ("... in northwest China's Xinjiang Uygur Autonomous Region")
_LOCATED_NAMES = re.compile(_LOCATED.pattern + r"(?-i:[A-Z][\w'\u2019-]*\s+){0,4}", re.I)
_KIND_OF = re.compile(r"\b(?:port|terminal|station|hub)\s+of\s+(?:the\s+)?$", re.I)
_LOCATING = re.compile(r"\b(?:in|of|near|at the foot of)\s+(?:the\s+)?$", re.I)


def of_place_held(held: Callable[[str, str], bool], name: str, match: re.Match, kind: str) -> bool:
    """Whether a name the match ends, read with the "of <place>" after it, is a place the data holds.

    "the International Land Port of Urumqi" is the data's "Urumqi International Land Port" read the other way round.
    """
    place = _OF_PLACE.match(match.string, match.end())
    return bool(place) and held(f"{name} of {place.group(1)}", kind)


def unheld_places(text: str, held: Callable[[str, str], bool]) -> list[Unheld]:
    """Places the text names that ``held(name, kind)`` says the data lacks, in order.

    A name before a kind of place ("the Sost Dry Port", "Qitai County", "Kashgar North Station", "the Kanas, Zhaosu,
    Altay and Fuyun tourism airports") is the data's when any of its names is; a name made only of country and kind
    words ("Xinjiang's ports", "Chinese ports") is left to the rules for the region and the country.
    """
    found = []
    for match in _NAMED.finditer(text):
        names = _LEAD.sub("", match.group("names"))
        if not names or not [t for t in tokens(names) if t not in GENERIC]:
            continue
        kind = next(k for k in _KINDS if match.group(k))
        noun = match.group("kind")
        parts = [p for p in re.split(r",\s+|,?\s+and\s+", names) if p]
        if len(parts) < 2 and re.search(r"(?:s|ies)$", noun):
            continue  # "Connected cities rose to 25": one capitalised word before a plural names no places
        if any(held(f"{part} {noun}", kind) for part in parts) or of_place_held(held, f"{names} {noun}", match, kind):
            continue
        start = match.start("names") + match.group("names").find(names)
        found.append(Unheld(start, match.end(), " ".join(text[start : match.end()].split()), kind))
    for match in _KIND_AT.finditer(text):
        # "The airport at Turpan handled over 100,000 passengers": the kind of place first, then where it is
        name, kind = match.group("name"), match.group("kind").lower()
        if any(u.start <= match.start() < u.end for u in found) or held(f"{name} {kind}", kind):
            continue
        found.append(Unheld(match.start(), match.end(), f"{name} {kind}", kind))
    for match in _GROUPS.finditer(text):
        if not any(u.start <= match.start() < u.end for u in found):
            found.append(Unheld(match.start(), match.end(), match.group(0), "group"))
    return sorted(found, key=lambda u: u.start)


def figure_clause(text: str, figure_start: int, figure_end: int) -> int:
    """Where a figure's clause starts; a figure opening its clause ("20.4 percent, 54.9 percent and 70.3 percent")
    belongs to the clause of the enumeration's first figure."""
    start = clause_span(text, figure_start, figure_end)[0]
    while start > 1 and _ENUMERATED.match(text[start:figure_end]):
        start = clause_span(text, start - 2, start - 2)[0]
    return start


_ENUMERATED = re.compile(r"\s*(?:and\s+)?(?:about\s+|over\s+|nearly\s+)?[$\d]")


def clause_subject(text: str, start: int, figure_start: int, unheld: list[Unheld], held_at: list[int]) -> Unheld | None:
    """The place the data lacks that a figure's clause is about, if the clause names one nearest the figure.

    ``held_at`` are where the sentence names places the data holds (and the region). An unheld place that only
    locates the place before it ("the Dulata port in Qapqal County", "the Mohan Port in Yunnan Province") is not
    the clause's subject: the place it locates is.
    """
    inside = [u for u in unheld if start < u.end <= figure_start]  # a list of names may hold commas
    # "the branch airports of the region served ...": a place that only locates the unheld one is not nearer
    nearer = [at for at in held_at if inside and inside[-1].end <= at < figure_start]
    if not inside or any(not _LOCATED_NAMES.fullmatch(text[inside[-1].end : at]) for at in nearer):
        return None  # none, or a place the data holds is nearer the figure
    index = len(inside) - 1
    while _LOCATING.search(text[: inside[index].start]):
        before = [at for at in held_at if start <= at < inside[index].start]
        earlier = inside[index - 1] if index else None
        if earlier is not None and not [at for at in before if at > earlier.start]:
            index -= 1  # located by an unheld place before it
        elif before:
            return None  # it locates a place the data holds
        else:
            break
    return inside[index]


def subject_after(text: str, start: int, figure_end: int, unheld: list[Unheld], held_at: list[int]) -> Unheld | None:
    """A place the data lacks named after a figure in its own clause, when the clause names no place the data holds:
    "About 900 trucks queue to enter China at the Kalzhat checkpoint"."""
    end = clause_span(text, figure_end, figure_end)[1]
    if any(start <= at < end for at in held_at):
        return None
    # "the three subzones in Kashgar prefecture, Urumqi and Horgos": a place after "in" or "of" locates, it is no subject
    # "through the dry port of the Khorgos-Eastern Gate special economic zone": an unnamed port named by its zone
    after = [
        u
        for u in unheld
        if figure_end <= u.start < end
        and (not _LOCATING.search(text[figure_end : u.start]) or _KIND_OF.search(text[figure_end : u.start]))
    ]
    return after[0] if after else None


# "the "Nur Zholy" border crossing point": a quoted name before its kind of place is a name, not a scheme's title
QUOTED_NAME = re.compile(
    r"[\"\u201c]("
    + _NAME
    + r"(?:\s+"
    + _NAME
    + r"){0,3})[\"\u201d](?=\s+(?:[a-z]+\s+){0,2}(?:"
    + "|".join(_KINDS.values())
    + r")\b)"
)


def unquoted_names(text: str) -> str:
    """The text with the quotes around place names blanked (same length, so positions hold)."""
    return QUOTED_NAME.sub(lambda m: " " + m.group(1) + " ", text)


_NEIGHBOURS = r"(Kazakhstan|Kyrgyzstan|Tajikistan|Uzbekistan|Pakistan|Mongolia|Russia|Afghanistan|Turkmenistan)"
# A neighbour country's own figure: "Kazakhstan's exports to China", not "Kazakhstan's side" or its rail freight
# through the border ports, which the rules for borders and crossings place.
_NEIGHBOUR_OWN = re.compile(
    r"\b" + _NEIGHBOURS + r"['\u2019]s\s+"
    r"(?!(?:[\w-]+\s+){0,2}(?:side|part|section|border|station|checkpoint|crossing)\b)"
)
# "across Kazakh territory", "through Kazakhstan's territory": traffic within a neighbour's own land
_COUNTRY_OF = {"kazakh": "Kazakhstan", "kyrgyz": "Kyrgyzstan", "tajik": "Tajikistan", "uzbek": "Uzbekistan",
               "pakistani": "Pakistan", "mongolian": "Mongolia", "russian": "Russia"}  # fmt: skip
_TERRITORY = re.compile(
    r"\b(?:across|through|over|on|in|within)\s+(?:the\s+)?(Kazakh|Kyrgyz|Tajik|Uzbek|Pakistani|Mongolian|Russian)\s+"
    r"territory\b",
    re.I,
)
# "some 234 trains were sent along the route through Kazakhstan": what crossed a neighbour is its transit, in a story
# that has named no place of the data (after "Horgos let through 3044 trains", freight "through Kazakhstan" is
# still Horgos's)
_THROUGH_COUNTRY = re.compile(
    r"\b(?:through|across|via)\s+(?:the\s+territory\s+of\s+)?"
    r"(Kazakhstan|Kyrgyzstan|Tajikistan|Uzbekistan|Pakistan|Mongolia|Russia)\b(?![-\u2013])"
)
_MODE_WORDS = re.compile(r"\b(?:rail(?:way)?s?|trains?|road|trucks?|highway|ports?|crossings?|stations?)\b", re.I)


# "freight between Kazakhstan and China came to", "trade turnover between the two countries fell", "Kazakhstan carried
# 8500 tons to China": the subject of the figure's clause is the two countries' total or the neighbour's, so the figure
# is no port's nor the region's (the lead's ruling: a country's total with no crossing named is another place's). Read
# only before the figure in its sentence ("40% of all trade between China and Kazakhstan" is the region's share), and
# the neighbour as subject only when the figure is its verb's object ("Kyrgyzstan stayed Xinjiang's biggest partner").
_BILATERAL = re.compile(
    r"\bbetween\s+(?:China\s+and\s+" + _NEIGHBOURS + r"|" + _NEIGHBOURS + r"\s+and\s+China|(the\s+two\s+countries))\b"
    r"(?=(?:[^;.]|\.\d)*$)"
    r"|^(?:In\s+(?:19|20)\d{2},?\s+)?"
    + _NEIGHBOURS
    + r"\s+(?=[a-z]+ed\s+(?:about\s+|over\s+|more than\s+|nearly\s+)?$)"
)
_REGION = re.compile(r"\b(?:Xinjiang|XUAR)\b|\bthe region\b", re.I)


def neighbour_total(lead: str, clause: str, placeless: bool = False) -> str:
    """The neighbour country (or "the two countries") whose own total the text before a figure names, if its clause
    names no mode or port; in a story about no place of the data (``placeless``), also the one it went through."""
    both = next(reversed(list(_BILATERAL.finditer(lead))), None)
    # a mode or port keeps the rules for borders; the region named ("Xinjiang's trade with Russia soared") keeps it
    if both is not None and not _MODE_WORDS.search(lead[both.start() :]) and not _REGION.search(lead):
        return " ".join(next((g for g in both.groups() if g), "").split())  # the flag names them as the text does
    territory = next(reversed(list(_TERRITORY.finditer(lead))), None)
    if territory is not None:  # "traffic across Kazakh territory reached 1861 trains": the neighbour's, trains or not
        return _COUNTRY_OF[territory.group(1).lower()]
    through = _THROUGH_COUNTRY.search(lead + " " + clause) if placeless else None
    if through is not None:
        return through.group(1)
    match = next(reversed(list(_NEIGHBOUR_OWN.finditer(lead))), None)
    if match is None or _MODE_WORDS.search(lead[match.start() :]) or _MODE_WORDS.search(clause):
        return ""
    return match.group(1)


_TITLE_COUNTRY = re.compile(
    r"^(?:\[[^\]]*\]\s*)?(Kazakhstan|Kyrgyzstan|Tajikistan|Uzbekistan|Pakistan|Mongolia|Russia|Afghanistan)\b(?![-\u2013])"
)


# "The second-class port in Yining", "The port at Urumqi's Nianzigou bus station": a port described, not named
_TITLE_PORT = re.compile(r"^(?:The\s+)?((?:[\w-]+\s+){0,2}?port\s+(?:in|at)\s+\S.*?)\s*$")


def article_subject(title: str) -> str:
    """The neighbour country a title opens with as its subject ("Kazakhstan exports ...", "Kazakhstan becoming
    popular ..."), as a flag's place name; "" for a title about China, a border or a corridor ("China-Kazakhstan ...")."""
    match = _TITLE_COUNTRY.match(title.strip())
    return f"{match.group(1)} (the article's subject)" if match else ""


def described_port(title: str) -> str:
    """The port a title describes by where it is ("The second-class port in Yining") as a flag's place name; the
    caller asks only of a title that names no port or airport of the data, so the port is one the data lacks."""
    match = _TITLE_PORT.match(title.strip())
    return f"{match.group(1)} (the article's subject)" if match else ""


# "the Mohan Port", "Qitai Jiangbulake Airport", "the Sost Dry Port": a named port or airport (in the data or not)
NAMED_PLACE = re.compile(
    r"\b(?!(?:The|A|An|This|That|Its)\s+(?:International\s+|Dry\s+|Land\s+)?(?:Port|Airport)\b)"  # "The Port of X"
    r"(?:[A-Z][\w'-]*\s+){1,4}?(?P<tail>(?:International\s+|Dry\s+|Land\s+)?(?P<kind>Port|Airport))\b"
)
# capitalised words that start a sentence but name nothing: "At Horgos Port", "The Mohan Port", "In July"
_LEAD_WORDS = re.compile(
    rf"(?:(?:The|At|In|From|Through|Via|By|On|And|With|For|To|As|While|When|Since|After|Both|{_CALENDAR})\s+)*"
)


def in_quotes(sentence: str, at: int) -> bool:
    before = sentence[:at]
    return before.count('"') % 2 == 1 or before.count("\u201c") > before.count("\u201d")


def named_outside(sentence: str, held: Callable[[str, str], bool]) -> list[tuple[int, str, str]]:
    """Ports and airports a sentence names that ``held(name, kind)`` says the data lacks: (at, kind, name)."""
    found = []
    for match in NAMED_PLACE.finditer(without_organisations(sentence)):
        if in_quotes(sentence, match.start()):
            continue  # "Smart Rail Port + Rapid Clearance": a scheme's name
        kind = "airport" if match.group("kind").lower() == "airport" else "port"
        # a word of the name before "(Dry/Land/International) Port/Airport" must name the place
        first = match.start() + len(_LEAD_WORDS.match(match.group(0)).group(0))
        name = match.group(0)[first - match.start() :]
        # "Almaty International Airport": Almaty names a rail corridor in the data, not an airport; "Sost Dry
        # Port": each word is in a longer name of the data ("Khunjerab-Sost"), no name of the data is whole
        if not (held(name, kind) or of_place_held(held, name, match, kind)):
            found.append((first, kind, name))
    return found
