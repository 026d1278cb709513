"""What a count of vehicles, countries or cities (or tonnes by rail) measures, read from the words of its clause."""

from __future__ import annotations

import re

from geo.ingest.numbers import Figure
from geo.ingest.text import clause_span

# Vehicles are exports only when the sentence says they left the country ("were exported", "shipped out", "vehicles
# for export", "left the country via", "had left through the highway port", "drove out of ... towards"); vehicles that
# "entered and left", "went through", "were inspected" or that a port "processed" are crossings either way. Both
# measures list "vehicles" as a signal, so without this the tie went to exports. "46,800 tonnes of import and export
# goods and 2802 transport vehicles passed through it": the goods go both ways, and so do the vehicles.
_EXPORTED = re.compile(
    r"\bexport|\bship(?:s|ped|ping)?\b|\bsold\b|\bleft\s+(?:the\s+country|through|via|for|from|china)\b"
    r"|\bdr(?:ove|ive|iven)\s+out\b",
    re.I,
)
_BOTH_WAYS = re.compile(
    r"\b(?:entered|entering)\s+and\s+(?:left|exited|leaving|exiting)\b|\bentries\s+and\s+exits\b|\bin\s+and\s+out\b"
    r"|\binbound\s+and\s+outbound\b|\bentry\s+and\s+exit\b|\bimports?\s+and\s+exports?\b",
    re.I,
)


def vehicles_crossing(sentence: str, guess: str) -> bool:
    """Whether a count guessed as ``vehicle_exports`` is rather vehicles crossing: no word of its sentence exports."""
    if guess != "vehicle_exports":
        return False
    return bool(_BOTH_WAYS.search(sentence)) or not _EXPORTED.search(sentence)


# "945,000 entries and exits by vehicles, trains and aircraft", "77,000 trips of means of transport", "2802 transport
# vehicles passed", "vehicles crossed in and out 32554 times", "vehicles had made 12,000 trips": crossings by vehicles,
# not by people
_BY_VEHICLES_AFTER = re.compile(
    r"\s*(?:[\w-]+\s+){0,2}?(?:entries and exits|trips|crossings)\s+(?:in and out\s+)?(?:by|of)\s+"
    r"(?:means of transport|(?:transport\s+)?vehicles)\b|\s*(?:transport|freight|cargo)\s+vehicles\b",
    re.I,
)
_VEHICLES_BEFORE = re.compile(r"\bvehicles\s+(?:crossed|had made|have made|made)\s+(?:in and out\s+)?$", re.I)
# "people crossed in and out more than 14,500 times and vehicles more than 2700 times": the verb left out
_VEHICLES_ELIDED = re.compile(r"\b(?:and|while|whereas)\s+(?:transport\s+)?vehicles\s+$", re.I)
_TIMES = re.compile(r"\s*times\b", re.I)


def vehicles_not_people(sentence: str, figure: Figure, guess: str) -> bool:
    """Whether a count guessed as people's trips counts vehicles crossing."""
    if guess != "intl_passenger_trips" or figure.unit != "count":
        return False
    before = sentence[: figure.start]
    elided = _VEHICLES_ELIDED.search(before) and _TIMES.match(sentence, figure.end)
    return bool(_BY_VEHICLES_AFTER.match(sentence, figure.end) or _VEHICLES_BEFORE.search(before) or elided)


# "international cargo volume", "international air freight": the cargo that crossed a border, by air
_INTL_CARGO = re.compile(r"\binternational\s+(?:air\s+)?(?:cargo|freight)\b", re.I)


def intl_cargo_by_air(sentence: str, figure: Figure, guess: str, place_kind: str) -> bool:
    """Whether tonnes guessed as all cargo are an airport's (or the airports') international cargo only."""
    if guess not in {"cargo_throughput", "air_cargo_throughput"}:
        return False
    if not _INTL_CARGO.search(sentence[: figure.start][-80:]):
        return False
    return "air" in place_kind.split() or bool(_AIR.search(sentence))


# "234 companies are registered in the zone", "482 enterprises had already been set up and registered": the firms a
# place holds (with no word of new ones), not those registered over a period
_REGISTERED_STOCK = re.compile(r"\b(?:are|is|were|was|been)\s+(?:\w+\s+){0,3}?registered\b", re.I)
_NEW = re.compile(r"\bnew(?:ly)?\b", re.I)


def firms_held(sentence: str, guess: str) -> bool:
    """Whether firms guessed as newly registered are the ones a place holds."""
    return guess == "new_enterprises" and bool(_REGISTERED_STOCK.search(sentence)) and not _NEW.search(sentence)


# "It borders eight countries", "Bordering eight countries and regions", "5,600 km of border with eight countries",
# "borders eight central and southern Asian countries": the countries are the object of "border", whatever words
# stand between; the countries a place trades with, hosts or sends trains to are other measures.
_BORDER_VERB = re.compile(
    r"\b(?:borders?|bordering|borders?\s+(?:on|with)|(?:a\s+)?border\s+with|neighbou?rs)\s*$",
    re.I,
)
_COUNTRIES_AFTER = re.compile(r"^\s*(?:[\w-]+\s+){0,5}?countr(?:y|ies)\b", re.I)


def bordering_name(sentence: str, figure: Figure) -> str:
    """``bordering_countries`` for a count of countries that is the object of "border(s)", else ""."""
    if figure.unit != "count" or not _COUNTRIES_AFTER.match(sentence[figure.end :]):
        return ""
    return "bordering_countries" if _BORDER_VERB.search(sentence[: figure.start]) else ""


# "run on 19 lines, reaching 24 cities in 17 Asian and European countries", "46 airlines run 184 routes to 25 cities
# or regions in 15 countries": the countries are those of the cities the network reaches, so they are counted the way
# the network is. Flights, airlines and airports reach routes' countries; anything else in these stories is the trains'
# (a logistics company's "19 routes to 24 cities in 17 countries" follows a paragraph on the westbound trains).
_CITIES_IN = re.compile(r"\bcities(?:\s+(?:and|or)\s+regions)?\s+in\s*$", re.I)
_AIR = re.compile(r"\b(?:air|airlines?|airports?|aviation|flights?|flying|planes?|aircraft)\b", re.I)


def reached_countries_name(sentence: str, figure: Figure, context: str) -> str:
    """``route_countries`` or ``train_destination_countries`` for "N cities in M countries" (and ``route_cities`` or
    ``train_destination_cities`` for its N), else ""."""
    after = sentence[figure.end :]
    if figure.unit != "count":
        return ""
    if _COUNTRIES_AFTER.match(after) and _CITIES_IN.search(sentence[: figure.start]):
        noun = "countries"
    elif _CITIES_OF_COUNTRIES.match(after):
        noun = "cities"
    else:
        return ""
    air = _AIR.search(context + " " + sentence)
    return ("route_" if air else "train_destination_") + noun


_CITIES_OF_COUNTRIES = re.compile(
    r"^\s*(?:[\w-]+\s+){0,2}?cities(?:\s+(?:and|or)\s+regions)?\s+in\s+(?:more\s+than\s+|over\s+)?[\w,-]+\s+"
    r"(?:[\w-]+\s+){0,5}?countr(?:y|ies)\b",
    re.I,
)


# "16 Class A ports", "16 border ports", "20 ports": a count of ports is the road ports' only when "highway" or "road"
# qualifies it. The vocabulary's highway_ports matched on "ports" alone; a bare count is the ports open, a qualified
# one is named by its qualifier (class_a_ports, border_ports), which the review file flags as new.
_PORTS_AFTER = re.compile(r"^\s*((?:[\w-]+\s+){0,3}?)ports\b", re.I)
_ROAD = re.compile(r"\b(?:highway|road)\b", re.I)


def ports_name(sentence: str, figure: Figure, guess: str) -> str:
    """Another name for a count guessed as ``highway_ports`` whose words name no road, else ""."""
    phrase = _PORTS_AFTER.match(sentence[figure.end :])
    if guess != "highway_ports" or not phrase or _ROAD.search(phrase.group(1)):
        return ""
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", phrase.group(1))]
    return "_".join([*words, "ports"]) if words else "operational_ports"


# "6,663 new enterprises were set up", "86 companies have registered", "35 companies were handed business licenses":
# new_enterprises counts firms a zone gained. Firms that "moved into" a park, "signed letters of intent" or "took
# part", airline companies that "opened routes", parks built and expos held matched it on "companies" or
# "enterprises" alone, so without a word of founding in the clause the count gets a name of its own, flagged new.
_FOUNDED = re.compile(
    r"\bnew(?:ly)?\b|\bset\s+up\b|\bregist(?:ered|er|ers|ration)\b|\bbusiness\s+licen[cs]es?\b|\bestablished\b|\bfounded\b",
    re.I,
)


def enterprises_founded(sentence: str, figure: Figure, guess: str) -> bool:
    """Whether a count guessed as ``new_enterprises`` may keep it: its clause says the firms are new or registered."""
    if guess != "new_enterprises":
        return True
    start, end = clause_span(sentence, figure.start, figure.end)
    return bool(_FOUNDED.search(sentence[start:end]))


# "Rail freight in Xinjiang reached 200 million tonnes", "moved 185 million tonnes of cargo by rail", "the region's
# railway company carried 40 million tons": tonnes the region's railways carried are its rail freight, not the cargo
# through its ports (a port's tonnes, or the rail ports' together, keep their measure: the place decides). "In 2006 the
# region carried 549,000 passenger trips across the border and 1,799,000 tonnes ..., so its international road
# transport rose to first place": the region's road transport abroad, likewise.
_RAIL_FREIGHT = re.compile(r"\brail\s+freight\b|\bby\s+rail\b|\brailways?\b", re.I)
_ROAD_TRANSPORT = re.compile(r"\broad\s+(?:transport|freight|haulage)\b|\bby\s+road\b", re.I)
# each mode's words, the measures they rename, and whether the words may come after the figure's clause ("..., so its
# road transport rose to first place"; a railway named in a later clause may be another figure's)
_BY_MODE = (
    (_RAIL_FREIGHT, {"cargo_throughput": "rail_freight_volume"}, False),
    (
        _ROAD_TRANSPORT,
        {"cargo_throughput": "intl_road_freight_volume", "intl_passenger_trips": "intl_road_passenger_trips"},
        True,
    ),
)


def mode_traffic_name(sentence: str, figure: Figure, guess: str, place_kind: str) -> str:
    """The region's rail freight, or its road transport abroad, for tonnes or trips guessed as the ports' cargo or
    crossings, when its sentence says how they went; else "" (the two rail ports together keep cargo throughput)."""
    if "region" not in place_kind.split():
        return ""
    upto = sentence[: clause_span(sentence, figure.start, figure.end)[1]]
    for mode, names, after_too in _BY_MODE:
        if guess in names and mode.search(sentence if after_too else upto):
            return names[guess]
    return ""
