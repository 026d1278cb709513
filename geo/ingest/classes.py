"""Places counted as a class: the size of a class a place belongs to is the region's figure, a few named are not."""

from __future__ import annotations

import re

from geo.ingest.numbers import Figure

# "one of the two land ports between China and Kyrgyzstan", "one of Xinjiang's five land ports on the Kazakhstan
# border": how many places a class holds, the region's count (a place of another country's owner is not the region's)
_ONE_OF = re.compile(r"\bone of\s+(?:the\s+|(?P<owner>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)(?:'s|\u2019s)\s+)$")
_KIND = re.compile(
    r"^\s*(?:(?:major|main|key|important|busiest|largest)\s+)?(?P<kind>(?:land|border|railway|rail|road)\s+ports"
    r"|ports|airports|border crossings)\b(?P<rest>[^.;]{0,60})",
    re.I,
)
_COUNTRIES = r"(Kazakhstan|Kyrgyzstan|Tajikistan|Pakistan|Mongolia|Afghanistan|Russia|India)"
_BORDER = re.compile(
    rf"^\s*(?:on|along|at)\s+the\s+{_COUNTRIES}\s+border\b|^\s*(?:on|along|at)\s+the\s+(?:China-|Chinese-){_COUNTRIES}"
    rf"|^\s*(?:between|linking)\s+(?:China\s+and\s+{_COUNTRIES}|{_COUNTRIES}\s+and\s+China)\b"
)
# "two major land ports in Xinjiang": a few ports the story goes on to name, not a class defined by a border
_FEW_PORTS = re.compile(
    r"^\s*(?:(?:major|main|key|important|busy|busiest|largest|big)\s+)?(?:(?:land|border)\s+)?ports\b(?P<rest>[^.;]{0,60})",
    re.I,
)


def class_count(sentence: str, figure: Figure) -> str:
    """The metric of a class's size ("kyrgyzstan_border_land_ports") when the figure counts the class a place is
    one of, in the region; "" otherwise."""
    if figure.unit != "count" or figure.qualifier:
        return ""
    one_of = _ONE_OF.search(sentence[: figure.start])
    kind = _KIND.match(sentence[figure.end :])
    if not one_of or not kind or (one_of.group("owner") or "Xinjiang").split()[-1] != "Xinjiang":
        return ""
    border = _BORDER.match(kind.group("rest"))
    name = re.sub(r"\s+", "_", kind.group("kind").lower())
    country = next((g for g in border.groups() if g), "") if border else ""
    return f"{country.lower()}_border_{name}" if country else name


def few_ports_named(sentence: str, figure: Figure) -> bool:
    """Whether the figure is a few ports the story names ("two major land ports in Xinjiang" before Irkeshtam and
    Torugart): not the size of a class ("one of the two ...") nor one defined by its border."""
    if figure.unit != "count" or not 2 <= figure.value <= 3:
        return False
    few = _FEW_PORTS.match(sentence[figure.end :])
    return bool(few) and not _ONE_OF.search(sentence[: figure.start]) and not _BORDER.match(few.group("rest"))


# "Xinjiang Airport Group now runs 36 routes": a body named after the region that operates its airports or ports, as
# the subject doing the measure (not a source that says it), stands for the region's places together
_REGION_OPERATOR = re.compile(
    r"\bXinjiang\s+(?:[A-Z][\w-]*\s+){1,3}?(?:Group|Company|Corporation)\s+(?:now\s+|also\s+)?"
    r"(?:runs|operates|has|had|handled|handles|carried|carries|invested|opened|serves|served)\b"
)


def region_operator(sentence: str, figure: Figure) -> bool:
    """Whether the figure's sentence has a body named after the region doing the measure before it."""
    return bool(_REGION_OPERATOR.search(sentence[: figure.start]))


# "..., lifting the region's total number of international air freight routes to 26": the owner of a total the figure
# is the size of is the figure's place, whatever city the clause before names; so is the region whose figure it is
# ("Horgos, first among Xinjiang's 17 open ports")
_REGION_TOTAL = re.compile(r"\b(?:the\s+region|Xinjiang)(?:'s|\u2019s)\s+(?:(?:total|overall)\b[^,;.:]*)?$")
# a body named in full ("Xinjiang Airport Group", "Tianshan Airlines Company"): the one "the company" points back to
_BODY = re.compile(r"\b(?P<name>(?:[A-Z][\w-]*\s+){1,4}?)(?:Group|Company|Corporation|Airlines|Co\.?)(?=\W)")
_BACK_TO_BODY = re.compile(r"\b[Tt]he\s+(?:company|group|corporation)\b")


def region_total(sentence: str, figure: Figure) -> bool:
    """Whether the figure is the region's total ("bringing the region's total number of routes to 26")."""
    return bool(_REGION_TOTAL.search(sentence[: figure.start]))


def region_body(sentence: str, before: bool) -> bool:
    """Whether the last body a text has named so far is one named after the region ("Xinjiang Airport Group"); a
    sentence that names no body keeps ``before``."""
    names = [m.group("name") for m in _BODY.finditer(sentence)]
    return names[-1].startswith("Xinjiang ") if names else before


def back_to_body(sentence: str, figure: Figure) -> bool:
    """Whether "the company" or "the group" comes before the figure in its sentence ("the air routes the company
    runs rose by 115", "the group has put 467 million yuan into ...")."""
    return bool(_BACK_TO_BODY.search(sentence[: figure.start]))
