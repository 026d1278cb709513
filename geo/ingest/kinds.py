"""What a kind of place can measure: an airport's totals or a land port's traffic, a center's visitors, its things."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from geo.ingest.numbers import MONTH_PATTERN, Figure
from geo.ingest.text import clause_span

if TYPE_CHECKING:
    from geo.ingest.metrics import MetricEntry

# An airport's totals (all passengers, all cargo, takeoffs and landings) are not its international traffic;
# a land port's passengers and cargo are all cross-border, so the air_* totals are an airport's only. Air travel
# named without an airport ("travelled by air", "civil aviation", "the region's air routes") is airports' too.
_AIRPORT = re.compile(
    r"\bairports?\b|\bby air\b|\b(?:civil )?aviation\b|\bair (?:routes?|passengers?|cargo|traffic|travel)\b"
    r"|\btake-?offs?\b|\bcargo and mail\b",  # only aircraft take off; airports count "cargo and mail" together
    re.I,
)
_INTERNATIONAL = re.compile(
    r"\b(?:international|inbound|outbound|cross-border|entry and exit|entries and exits|into or out of|in and out of"
    r"|foreign[- ]trade)\b(?!\s+airport)",
    re.I,
)
_LAND_PLACES = re.compile(r"\b(?:(?<!air )ports?|stations?|zones?|railways?|roads?|highways?)\b", re.I)
_AIR_TOTALS = frozenset(["air_passengers", "air_cargo_throughput", "flight_movements"])
# what counts cross-border traffic only (at a land port, all of it; at an airport, only what is called international)
_CROSS_BORDER = frozenset(["intl_passenger_trips", "intl_cargo_throughput", "cargo_throughput", "intl_flights"])
# a road's or a railway's measures are no airport's: "the region's air routes have reached 307" are not road routes
_GROUND = re.compile(r"(?:^|_)(?:road|highway|rail|railway|trains?|vehicles?|trucks?)(?:_|$)")


def by_place_kind(
    pool: list[MetricEntry], sentence: str, figure: Figure, entity_id: str, context: str = ""
) -> list[MetricEntry]:
    """The metrics the figure's kind of place can have: airport totals at an airport unless "international".

    ``context`` is the sentence before: "The Xinjiang Airport Group's traffic grew. It handled 7,616,300 passengers"
    counts the region's airports.
    """
    land = _LAND_PLACES.search(sentence)  # "There are also 11 Class B ports" after a sentence on airports: not theirs
    airport = entity_id.endswith("airport") or bool(
        _AIRPORT.search(sentence) or (not land and _AIRPORT.search(context))
    )
    # the figure's clause: "1.2 million passengers, 90,000 of them on international flights" is not all international
    near = re.split(r"[,;]\s", sentence[: figure.start])[-1]
    near += re.split(r"[,;]\s", sentence[figure.end : figure.end + 40])[0]
    drop = _CROSS_BORDER if airport and not _INTERNATIONAL.search(near) else _AIR_TOTALS
    if entity_id.startswith("icbc"):  # a cooperation center is no port: people pass through it as visitors
        drop = drop | {"intl_passenger_trips"}
    elif airport:  # an airport's people are passengers, not a center's or the region's visitors
        drop = drop | {"cross_border_visitors"} | {e.name for e in pool if _GROUND.search(e.name)}
    return [e for e in pool if e.name not in drop] or pool


# A metric that counts a kind of thing fits only a sentence that names the thing: "linked with 40 countries" is no
# count of the countries trains reach unless trains are named, "reach 16 countries" on air routes is the routes'.
_THINGS = {
    "train": re.compile(r"\b(?:trains?|rail(?:ways?)?|wagons?|freight services)\b", re.I),
    "route": re.compile(r"\b(?:routes?|flights?|lines?|air)\b", re.I),
    "flight": re.compile(r"\b(?:flights?|airports?|air|take-?offs?|landings?)\b", re.I),
    "vehicle": re.compile(r"\b(?:vehicles?|cars?|trucks?|automobiles?)\b", re.I),
    "trading": re.compile(r"\b(?:trad(?:e|es|ed|ing)|imports?|exports?|partners?)\b", re.I),
}


# the things a kind of place has whether or not the sentence names them: an airport's routes, a rail port's trains
# (kind words as in the data: "air airport", "rail border", "rail road inland", "port" for a whole port)
_PLACE_THINGS = {"airport": {"route", "flight"}, "rail": {"train"}, "port": {"train"}}


def things_named(metric: str, sentence: str, place_kind: str = "") -> bool:
    """Whether the text (a sentence and the one before) or the place's kind gives every thing a metric counts."""
    words = metric.split("_")
    given = {t for kind, things in _PLACE_THINGS.items() if kind in place_kind.split() for t in things}
    return all(pattern.search(sentence) for thing, pattern in _THINGS.items() if thing in words and thing not in given)


# At a cooperation center people do not pass a border post: every count of people there is its visitors
_PEOPLE_COUNTED = re.compile(
    r"^\s*(?:[\w-]+\s+){0,2}?(?:visits|visitors|tourists|people|shoppers|trips|travell?ers|person-(?:times|trips)|entries)\b",
    re.I,
)


# "about 15,000 people go into and out of the zone every day": a day's visitors, not a year's
_A_DAY = re.compile(r"^[^,;.]*\b(?:(?:every|each|per|a)\s+day|daily)\b", re.I)


# "the number of tourists from both sides reached 5 million": the people named before the figure, in its clause
_PEOPLE_BEFORE = re.compile(r"\bnumber\s+of\s+(?:visits|visitors|tourists|people|shoppers|travell?ers)\b[^,;]*$", re.I)


def center_people_name(entity_id: str, after: str, before: str = "") -> str:
    """``cross_border_visitors`` for people counted at a border cooperation center ("2.7 million visits"), else ""."""
    if not (entity_id.startswith("icbc") and (_PEOPLE_COUNTED.match(after) or _PEOPLE_BEFORE.search(before))):
        return ""
    return "daily_cross_border_visitors" if _A_DAY.match(after) else "cross_border_visitors"


# "beating its annual target by 5.7 percent": how far a target was passed, not a growth on the year before
_TARGET_BY = re.compile(
    r"\b(?:beat|beating|beats|exceed(?:ed|ing|s)?|surpass(?:ed|ing|es)?|top(?:ped|ping|s)?|overfulfill\w*)\s+"
    r"(?:its|the|their|this year's|an?)\s+(?:[\w-]+\s+){0,2}?(?:target|goal|plan|quota)\s+by\s*$",
    re.I,
)


def target_name(before: str) -> str:
    """``target_exceeded_by`` for the margin by which a target was beaten, else ""."""
    return "target_exceeded_by" if _TARGET_BY.search(before) else ""


# Tourist visits and tourism revenue are a town's or a region's measures: a port, a line or a center named beside them
# ("the port city of Horgos received 1.38 million tourist visits", "Almaty received 54,100 tourists") is the town.
# People at a cooperation center are its visitors, so a center keeps its tourists.
_TOURISM = re.compile(r"(?:^|_)(?:tourists?|tourism)(?:_|$)")
_TOWN_KINDS = frozenset(["port", "border", "rail", "road"])


def is_town_measure(metric: str, place_kind: str) -> bool:
    """Whether a tourism measure was given a port, a port's member or a line (its town's, not theirs)."""
    return bool(_TOURISM.search(metric)) and bool(_TOWN_KINDS & set(place_kind.split()))


# Firms register in a town or its zones, not at a border crossing: companies, enterprises or market entities counted at
# a port or its rail or road member ("Some 4,894 enterprises set up in the city of Horgos") are the town's, in an
# article that speaks of a city at all, unless the sentence names a park or area that holds them ("59 companies
# settled in the port's industrial park"); "482 enterprises registered in the Ala Pass municipality" stays the port's.
_FIRMS_NOUN = re.compile(r"\b(?:companies|enterprises|firms|businesses|market\s+entities)\b", re.I)
_FIRMS_COUNTED = re.compile(r"^\s*(?:[\w-]+\s+){0,4}?" + _FIRMS_NOUN.pattern, re.I)
_FIRMS_MEASURE = re.compile(r"(?:^|_)(?:companies|enterprises|firms|entities)(?:_|$)")  # "companies ... rose to 8,500"
_HOLDS_FIRMS = re.compile(r"\b(?:parks?|areas?)\b", re.I)
CITY = re.compile(r"\b(?:city|town)\b", re.I)


def is_town_firms(sentence: str, figure: Figure, metric: str, place_kind: str, city_told: bool) -> bool:
    """Whether a count of firms, or its change, was given a port or a port's member, in an article that speaks of a city."""
    if not city_told or not _TOWN_KINDS & set(place_kind.split()) or _HOLDS_FIRMS.search(sentence):
        return False
    if figure.unit in {"percent", "times"}:  # "The number of media companies registered in Horgos has risen by 50%"
        start, _ = clause_span(sentence, figure.start, figure.end)
        return bool(_FIRMS_NOUN.search(sentence[start : figure.start]))
    return figure.unit == "count" and bool(
        _FIRMS_COUNTED.match(sentence[figure.end :]) or _FIRMS_MEASURE.search(metric)
    )


# A railway port runs trains, so the routes, lines or services counted there are its train routes and the countries
# they link it with are where its trains go ("91 freight routes run through Alataw Pass, linking it with 18 countries
# and regions"; "16 lines go through Horgos Port"), not an airport's cargo routes or countries.
_LINES_COUNTED = re.compile(r"^\s*(?P<words>(?:[\w-]+\s+){0,4}?)(?:routes|lines|services)\b", re.I)
_COUNTRIES_COUNTED = re.compile(r"^\s*(?:countries|nations)\b", re.I)
_NOT_TRAINS = re.compile(r"\b(?:air|flights?|bus|road|truck|highway|passenger)\b", re.I)


_OPENED = re.compile(r"\b(?:added|adds|opened|opens|launched|launches|started|starts|new(?:ly)?)\b", re.I)


_BY_THEN = re.compile(r"\s*By\s+(?:the\s+end\s+of\s+)?(?:" + MONTH_PATTERN + r"|(?:19|20)\d{2})\b", re.I)
# "the port had opened 75 routes by 12 December": the routes it had by a day or month named after them
_HAD_OPENED = re.compile(r"\bhad\s+(?:opened|launched)\s*$", re.I)
_BY_AFTER = re.compile(r"^[^,;.]*?\bby\s+(?:the\s+end\s+of\s+)?(?:\d{1,2}\s+)?(?:" + MONTH_PATTERN + r")\b", re.I)


def rail_count_name(place_kind: str, before: str, after: str) -> str:
    """A railway place's count of routes (new ones if its clause ``before`` opens them) or of the countries they reach."""
    if "rail" not in place_kind.split() or "air" in place_kind.split():
        return ""
    lines = _LINES_COUNTED.match(after)
    if lines and not _NOT_TRAINS.search(lines.group("words")):
        # "By June the port had opened 21 routes": the routes it runs by then, not the ones opened lately
        new = (
            bool(
                _OPENED.search(before)
                and not _BY_THEN.match(before)
                and not (_HAD_OPENED.search(before) and _BY_AFTER.match(after))
            )
            or "new" in lines.group("words").lower().split()
        )
        return "new_china_europe_train_routes" if new else "china_europe_train_routes"
    return "train_destination_countries" if _COUNTRIES_COUNTED.match(after) else ""
