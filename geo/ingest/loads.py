"""One vehicle's or shipment's load: a detail of a single trip, not a measure of a place."""

from __future__ import annotations

import re

from geo.ingest.numbers import Figure

# "a block train ..., loaded with parts weighing some 730 tonnes", "a reefer container carrying 26 tonnes", "the
# charter shipment was made up of 12 reefer boxes and 40 dry boxes", "a convoy of 18 lorries ..., worth $2.4 million":
# a single vehicle or consignment (one, not a kind: no plural, no "service") that the figure describes through a
# participle of loading makes the figure what one trip carried, not a flow through a place. A finite verb ("the
# China-Europe freight train carried 86,000 TEUs") is left alone: a kind of train, told as a flow, is the place's.
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
    """Whether the figure is what one vehicle or consignment carried ("a train loaded with parts weighing 730 tonnes",
    "the shipment was made up of 12 reefer boxes"), read from the phrase the figure completes."""
    before = sentence[: figure.start]
    return bool(_LOAD.search(before) or _PARTS.search(before))
