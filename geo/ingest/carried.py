"""Goods the trains carry: their tonnes and value are the trains' cargo, not a port's throughput."""

from __future__ import annotations

import re

from geo.ingest.numbers import Figure

# "791 trains went through it, carrying 538,100 tonnes": the trains carry the goods
_TRAINS_CARRYING = re.compile(
    r"\btrains?\b[^.;]{0,80}?\b(?:carrying|carried|carries|carry|transported|transporting|hauled|hauling|loaded with)"
    r"\s+(?:(?:a total of|in all|about|some|around|nearly|almost|more than|over|roughly)\s+)*$",
    re.I,
)
# "1,024,200 tonnes of goods entered or left the country through Xinjiang's ports on China-Europe trains"
_ON_TRAINS = re.compile(
    r"^[^.;]{0,120}?\b(?:on|by|aboard)\s+(?:the\s+)?(?:[\w\"'\u201c\u201d-]+\s+){0,3}?trains?\b", re.I
)
# "... tonnes of freight worth about 3.654 billion US dollars": the value of those goods
_WORTH = re.compile(r"\bworth\s+(?:(?:about|some|around|nearly|almost|more than|over|roughly)\s+)*$", re.I)


# "the rail port had sent off 3,400 trains carrying ...", "Trains through the Alataw Pass and Horgos railway ports"
# ("through Xinjiang's ports on China-Europe trains" is the region's trains)
_A_PORT = re.compile(r"(?<!Xinjiang's )(?<!region's )\b(?:port|pass|station|crossing)s?\b", re.I)


def train_cargo_name(sentence: str, figure: Figure, figures: list[Figure], place_kind: str = "") -> str:
    """``train_cargo`` for tonnes trains carry, ``train_cargo_value`` for what those goods are worth; else "".

    At a port (``place_kind`` names a mode or a port, or the sentence names a port) the tonnes its trains carried are
    its throughput, as the golds code them; the trains of the region, a zone or a service carry their own cargo.
    """
    if re.search(r"\b(?:rail|road|border|port|inland)\b", place_kind) or _A_PORT.search(sentence):
        return ""
    before = sentence[: figure.start]
    carried = _TRAINS_CARRYING.search(before) or _ON_TRAINS.match(sentence[figure.end :])
    if figure.unit == "tonnes" and carried:
        return "train_cargo"
    if figure.unit in {"CNY", "USD"} and _WORTH.search(before):
        tonnes = [f for f in figures if f.unit == "tonnes" and f.end <= figure.start]
        if (
            tonnes
            and train_cargo_name(sentence, tonnes[-1], figures)
            and not re.search(r"[;.]", before[tonnes[-1].end :])
        ):
            return "train_cargo_value"
    return ""
