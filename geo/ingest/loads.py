"""One vehicle's or shipment's load: a detail of a single trip, not a measure of a place."""

from __future__ import annotations

import re

from geo.ingest.numbers import Figure

# "a freight train ..., loaded with machines weighing about 1,468 tonnes", "a roll container carrying six cars", "The
# record shipment was made up of 10 flatcars, 523 open wagons and 543 railcars", "A convoy of 25 trucks ..., worth
# $1.5 million": a single vehicle or consignment (one, not a kind: no plural, no "service") is the subject the figure
# describes through a participle of loading, so the figure is what one trip carried, not a flow through a place. A
# finite verb ("the China-Europe freight train carried 1.2 million TEUs") is left alone: a kind of train, told as a
# flow, is the place's figure.
_ONE = r"\b(?:[Aa]n?|[Oo]ne|[Tt]he|[Tt]his|[Tt]hat|[Ee]ach)\s+(?:[\w'-]+\s+){0,4}?"
_VEHICLE = (
    r"(?:train|truck|lorry|container|convoy|shipment|consignment|freighter|wagon|batch)"
    r"(?!s\b|\s+(?:services?|routes?|lines?|trips|operators?|ports?|stations?|yards?|terminals?)\b)"
)
_LINK = (
    r"\b(?:carrying|loaded\s+with|laden\s+with|made\s+up\s+of|consist(?:s|ed|ing)\s+of|composed\s+of"
    r"|weighing|worth)"
)
_LOAD = re.compile(_ONE + _VEHICLE + r"\b[^.;]{0,160}?" + _LINK + r"\s+(?:[\w'(),-]+\s+){0,8}?$")
# "a convoy of 25 trucks", "a train of 55 wagons": the parts of one vehicle counted
_PARTS = re.compile(_ONE + r"(?:train|convoy|shipment|consignment)\s+of\s+$")


def one_load(sentence: str, figure: Figure) -> bool:
    """Whether the figure is what one vehicle or consignment carried ("a train loaded with goods weighing 1,468 tonnes",
    "the shipment was made up of 10 flatcars"), read from the phrase the figure completes."""
    before = sentence[: figure.start]
    return bool(_LOAD.search(before) or _PARTS.search(before))
