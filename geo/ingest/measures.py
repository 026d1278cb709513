"""Classes of measure named by the sentence's shape: capacities, before/after times, nationalities, routes, changes, partners."""

from __future__ import annotations

import re

from geo.ingest.numbers import Figure

# "raised its yearly capacity to 5 million passengers", "can handle up to 48 million passengers and 550,000 tonnes
# of cargo a year", "can now support nearly 367,000 takeoffs and landings annually": what a place can handle
_CAPACITY = re.compile(
    r"\bcapacity\b[^,;.]{0,60}$"
    r"|\b(?:can|could|is able to|will be able to|(?:is|are|was|were) (?:expected|designed|built|planned) to)\s+"
    r"(?:now\s+|also\s+)?(?:handle|support|accommodate|serve|process|clear"
    r"|receive|take)\b[^,;.]{0,40}$",
    re.I,
)
_PEOPLE = re.compile(r"\s*(?:passengers|people|travell?ers|passenger|visitors)\b", re.I)
_MOVEMENTS = re.compile(r"\s*(?:\w+\s+){0,2}?(?:takeoffs and landings|flight movements|flights)\b", re.I)


def capacity_name(before: str, after: str, unit: str, fallback: str) -> str:
    """``passenger_capacity``, ``cargo_capacity``, ``flight_movement_capacity`` or ``<fallback>_capacity``; "" if none."""
    if unit not in {"count", "tonnes"} or not _CAPACITY.search(before):
        return ""
    if unit == "tonnes":
        return "cargo_capacity"
    if _PEOPLE.match(after):
        return "passenger_capacity"
    if _MOVEMENTS.match(after):
        return "flight_movement_capacity"
    return f"{fallback}_capacity"


# "the inspection time of each train fell from 70 minutes to 35 minutes", "cut processing from three hours to one":
# the time before and after a change (a pair whose after is a range is doubted in noise.py)
# "squeezed from the former two hours to half an hour"
_FROM = re.compile(
    r"\bfrom\s+(?:the\s+(?:former|previous|original|earlier|past)\s+)?(?:over\s+|more than\s+|about\s+|around\s+)?$",
    re.I,
)
_TO = re.compile(r"\s*to\s+(?:just\s+|only\s+|under\s+|less than\s+|about\s+|around\s+|within\s+)?$", re.I)
_TIMES = frozenset(["hours", "minutes"])
_DOWN_FROM = re.compile(r"\s*,?\s*(?:down|reduced|cut|shortened)\s+from\s+(?:over\s+|more than\s+|about\s+)?", re.I)
_NOW_TAKES = re.compile(r"\bnow\s+(?:takes?|needs?|requires?)\s+(?:[\w-]+\s+){0,2}?$|\bin as little as\s*$", re.I)
_CLEARING = re.compile(
    r"\b(?:clear\w*|inspect\w*|check(?:s|ed|ing)?|customs|cross(?:es|ing)? the border|leave the port)\b", re.I
)
_FLOW_KIND = re.compile(r"\b(import|export)s?\b", re.I)


def before_after_name(sentence: str, figure: Figure, figures: list[Figure], clause_start: int) -> str:
    """``clearance_time_before``/``_after`` (with ``import_``/``export_`` when the clause says so), or ""."""
    if figure.unit not in _TIMES:
        return ""
    index = figures.index(figure)
    pair = None
    if index + 1 < len(figures):
        nxt = figures[index + 1]
        if (
            nxt.unit in _TIMES
            and _FROM.search(sentence[: figure.start])
            and _TO.fullmatch(sentence[figure.end : nxt.start] + " ")
        ):
            pair = "before"
    if index and pair is None:
        prev = figures[index - 1]
        if (
            prev.unit in _TIMES
            and _FROM.search(sentence[: prev.start])
            and _TO.fullmatch(sentence[prev.end : figure.start] + " ")
        ):
            pair = "after"
    # "now takes less than 3 hours, down from 8 hours": the after first, the before second
    nxt = figures[index + 1] if index + 1 < len(figures) else None
    if pair is None and nxt and nxt.unit in _TIMES and _DOWN_FROM.fullmatch(sentence[figure.end : nxt.start]):
        pair = "after"
    prev = figures[index - 1] if index else None
    if pair is None and prev and prev.unit in _TIMES and _DOWN_FROM.fullmatch(sentence[prev.end : figure.start]):
        pair = "before"
    if pair is None and _NOW_TAKES.search(sentence[clause_start : figure.start]) and _CLEARING.search(sentence):
        # "Inspecting a truck now takes just 3 minutes", "a train now needs less than one hour to cross the border",
        # "trains can leave the port in as little as 20 minutes": the time a clearance takes after it was sped up
        pair = "after"
    if pair is None or (index + 2 < len(figures) and re.match(r"\s*[-–]", sentence[figures[index + 1].end :])):
        return ""
    kind = _FLOW_KIND.findall(sentence[clause_start : figure.start])
    prefix = f"{kind[-1].lower()}_" if kind else ""
    return f"{prefix}clearance_time_{pair}"


# "35,000 Kazakh visitors", "foreign nationals made 146,000 trips": one nationality's traffic, its own measure
_NATIONALITY = r"Kazakh|Kazakhstani|Kyrgyz|Tajik|Uzbek|Turkmen|Russian|Pakistani|Mongolian|Afghan|Indian|European"
_NATIONALS_AFTER = re.compile(r"^\s*(?P<nat>" + _NATIONALITY + r")\s+(?P<noun>[a-z]+s)\b")
_NATIONALS_BEFORE = re.compile(
    r"\b(?P<nat>foreign nationals|foreigners|foreign visitors|foreign tourists|foreign travell?ers|(?:"
    + _NATIONALITY
    + r")\s+(?:citizens|nationals|visitors|tourists|travell?ers|people))\b[^,;.]*$",
    re.I,
)


def nationals_name(before_in_clause: str, after: str) -> str:
    """``kazakh_visitors``, ``foreign_nationals_trips``: the trips of one nationality (or of foreigners), or ""."""
    match = _NATIONALS_AFTER.match(after)
    if match:
        return f"{match.group('nat').lower()}_{match.group('noun').lower()}"
    match = _NATIONALS_BEFORE.search(before_in_clause)
    noun = re.match(r"\s*(?:[a-z-]+\s+){0,1}?([a-z]+s)\b", after)
    if match and noun:
        return re.sub(r"\W+", "_", match.group("nat").lower()) + f"_{noun.group(1).lower()}"
    return ""


# "227 regular passenger routes", "28 international cargo routes", "240 passenger and cargo routes": the kind of
# route is named by the words before "routes"
_ROUTE_WORDS = {"regular": "regular", "international": "intl", "domestic": "domestic", "passenger": "passenger",
                "cargo": "cargo", "all-cargo": "cargo", "freight": "cargo", "air": "air", "scheduled": "regular"}  # fmt: skip
_ROUTES = re.compile(r"^\s*(?:(?:are|were|is)\s+)?(?P<words>(?:[\w-]+\s+){1,4}?)routes\b", re.I)


# "added or resumed four international routes", "opened 11 new routes": routes opened, a flow, not the network
_OPENED = re.compile(
    r"\b(?:added|adds|adding|opened|opens|opening|launched|launches|resumed|resumes|new(?:ly)?)\b", re.I
)


def route_names(after: str, before: str = "") -> list[str]:
    """Names for a count of routes of the kind the words before "routes" say, most specific first; [] if none.

    ``before`` is the figure's clause up to it: a verb of opening there makes them routes opened (``new_...``).
    """
    match = _ROUTES.match(after)
    if not match:
        return []
    words = [w.lower() for w in match.group("words").split() if w.lower() != "and"]
    if not words or any(w not in _ROUTE_WORDS for w in words):
        return []
    parts = list(dict.fromkeys(_ROUTE_WORDS[w] for w in words))
    if _OPENED.search(before) and not match.group("words").lower().startswith("new"):
        # routes of passengers and cargo both are all the routes opened
        kinds = [p for p in parts if not ({"passenger", "cargo"} <= set(parts) and p in {"passenger", "cargo"})]
        return ["new_" + "_".join(kinds) + "_routes"]
    plain = [p for p in parts if p != "regular"]
    names = ["_".join(parts) + "_routes", *(["_".join(plain) + "_routes"] if plain and plain != parts else [])]
    # "36 international air cargo routes", "international air freight routes": the vocabulary's routes are an
    # airport's, so "air" adds nothing its name must carry (a name with it stays first, should data hold one)
    unaired = [p for p in plain if p != "air"]
    if unaired and unaired != plain:
        names.append("_".join(unaired) + "_routes")
    return names


# "airlines run 184 routes in Xinjiang", "trains ... on about 20 routes of the China Express Railway": routes with no
# kind of their own are of the mode the sentence (else the one before) moves by; a sentence naming neither mode, or
# both, leaves them to the vocabulary
_BARE_ROUTES = re.compile(r"^\s*routes\b", re.I)
_AIR = re.compile(r"\b(?:airlines?|airports?|flights?|aviation|in the air|by air|air)\b", re.I)
_RAIL = re.compile(r"\b(?:trains?|railways?|rail|express railway)\b", re.I)


def bare_route_name(sentence: str, figure_end: int, context: str = "") -> str:
    """``air_routes`` or ``china_europe_train_routes`` for a count of routes with no kind named, else ""."""
    if not _BARE_ROUTES.match(sentence[figure_end:]):
        return ""
    for text in (sentence, context):
        air, rail = bool(_AIR.search(text)), bool(_RAIL.search(text))
        if air != rail:
            return "air_routes" if air else "china_europe_train_routes"
        if air:
            return ""
    return ""


# "the region's air routes have reached 307": routes of the kind named as the subject of a verb of reaching
_ROUTES_REACHED = re.compile(
    r"(?P<words>(?:\b[\w-]+\s+){1,4}?)routes\s+(?:(?:have|has|had)\s+)?(?:now\s+)?"
    r"(?:reached|numbered|totall?ed|stood at|stand at|(?:rose|risen|grew|grown|increased|climbed) to)\s*$",
    re.I,
)


def subject_route_names(before_in_clause: str) -> list[str]:
    """Names for a count of routes the clause before it names as its subject ("air routes have reached"); [] if none."""
    match = _ROUTES_REACHED.search(before_in_clause)
    if not match:
        return []
    words = match.group("words").split()
    kind = []  # the words of a kind of route just before "routes" ("the region's air" gives "air")
    while words and words[-1].lower() in _ROUTE_WORDS:
        kind.insert(0, words.pop())
    return route_names(" ".join(kind) + " routes") if kind else []


# "runs 28 international cargo routes linking 18 countries and regions": the countries the cargo routes reach
_COUNTRIES = re.compile(r"^\s*(?:countries|nations)\b", re.I)
_CARGO_ROUTES = re.compile(r"\bcargo\s+(?:[\w-]+\s+){0,4}?(?:routes|flights|lines|services)\b[^.;]*$", re.I)


def cargo_countries_name(before: str, after: str) -> str:
    """``cargo_route_countries`` for countries that cargo routes reach, else ""."""
    return "cargo_route_countries" if _COUNTRIES.match(after) and _CARGO_ROUTES.search(before) else ""


# "a month-on-month increase of 8 percent": growth against the month before, not the year before
_MONTH_ON_MONTH = re.compile(r"\bmonth[- ]on[- ]month\b|\bmonth[- ]over[- ]month\b", re.I)
_CHANGE_OF = re.compile(r"\b(?:an?\s+)?(?:increase|rise|growth|jump|drop|decrease|fall)\s+of\s*$", re.I)
_MORE_THAN_BEFORE = re.compile(
    r"^\s*(?:[a-z]+\s+)?(?:more|fewer|less)\s+than\s+(?:a year (?:earlier|ago|before)|the same period|last year"
    r"|in (?:19|20)\d\d)\b",
    re.I,
)


def growth_stem(name: str) -> str:
    """The name a growth is built on: ``foreign_trade_value`` -> ``foreign_trade``; a place's ``trade_value`` keeps
    its word (``trade_value_growth_yoy``), since ``trade`` alone names no measure."""
    return name if name == "trade_value" else re.sub(r"_value$", "", name)


# "up 43.7 percent year on year and 34.7 percent month on month": the base named right after a change is its own
_BASE_AFTER = re.compile(r"^\s*(?:(?P<yoy>year[- ]on[- ]year|on the year)|(?P<mom>month[- ]on[- ]month))\b", re.I)


def growth_suffix(window: str, after: str = "") -> str:
    """``_growth_mom`` for a change on the month before, else ``_growth_yoy``; the base named right after the
    change first."""
    own = _BASE_AFTER.match(after)
    if own:
        return "_growth_mom" if own.group("mom") else "_growth_yoy"
    return "_growth_mom" if _MONTH_ON_MONTH.search(window) else "_growth_yoy"


# "opened 11 new international routes this year, bringing the total to 36": the total of what the figure before adds to
BRINGING_TOTAL = re.compile(
    # "taking the number of registered businesses to 5,173": a total, whether called total or number
    r"\b(?:bringing|taking|raising|lifting)\s+(?:the|its|their)\s+(?:total(?:\s+number)?|number)"
    r"(?:\s+of\s+[\w\s-]+?)?\s+to\s*$",
    re.I,
)


def total_name(before: str, added: str) -> str:
    """The metric of the total an addition brings ("new_intl_routes" -> "intl_routes"), or ""."""
    if not BRINGING_TOTAL.search(before):
        return ""
    return re.sub(r"^(?:new|newly_opened|opened|added)_", "", added) if added else ""


def is_absolute_change(before: str, after: str) -> bool:
    """ "an increase of 20,000 tonnes", "500 more than a year earlier": a change in the figure before, not a level."""
    return bool(_CHANGE_OF.search(before[-40:]) or _MORE_THAN_BEFORE.match(after))


# A partner's trade: "Trade with Kazakhstan rose by 17.6 percent", "Kazakhstan and Kyrgyzstan topped the list of
# trade partners, with growth rates of 45.8 percent and 8.7 percent, respectively". A partner is a noun phrase, not
# only a country: "countries along the Belt and Road", "members of the Regional Comprehensive Economic Partnership
# (RCEP)", "Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan" (the five: Central Asia).
# Farther partners count as well as the neighbours: a customs report lists the region's trade with East and South-East
# Asia and Europe ("with Vietnam, Japan and Thailand rose by ... respectively"), and a list partly unread would leave
# the partners fewer than the figures, so none of them would be named.
_PARTNER = re.compile(
    r"\b(Kazakhstan|Kyrgyzstan|Tajikistan|Uzbekistan|Turkmenistan|Pakistan|Russia|Mongolia|ASEAN|Central Asian?|Africa"
    r"|Belt and Road|RCEP|Regional Comprehensive Economic Partnership|Afghanistan|India|Iran|Turkey|Vietnam|Japan"
    r"|Thailand|Malaysia|Indonesia|Singapore|Germany|European Union|(?:the )?Republic of Korea|South Korea)\b"
)
_CENTRAL_ASIA = frozenset(["kazakhstan", "kyrgyzstan", "tajikistan", "uzbekistan", "turkmenistan"])
# "trade between Xinjiang and the five Central Asian countries" is trade with them, as "trade with" is
_WITH = r"(?:with|between\s+(?:[\w'-]+\s+){1,8}?and)"
_TRADE_WITH_PARTNER = re.compile(
    r"\b(?:trade|imports and exports|import and export) "
    + _WITH
    # the partner as partners() reads it, in its own case: "belt and road economies" in lower case is no partner
    # there, and a clause that names none here would leave the partner to read from it empty
    + r"\s+(?:[\w-]+\s+){0,3}?(?=(?-i:"
    + _PARTNER.pattern
    + r"))",
    re.I,
)
_PARTNER_TALK = re.compile(
    r"\b(?:trade|imports and exports|import and export)\s+" + _WITH + r"\s|\btrad(?:e|ing) partners?\b"
    # "its top three partners, Kazakhstan, Kyrgyzstan and Tajikistan, saw trade rise by ...": partners, then trade
    r"|\bpartners?\b[^.;]*\btrade\b",
    re.I,
)


def _slug(name: str) -> str:
    """The metric prefix of a partner's name: "central_asia", "bri_partner", "rcep", "kyrgyzstan"."""
    name = name.lower()
    if name.startswith("central asia"):
        return "central_asia"
    if name == "belt and road":
        return "bri_partner"
    if name in {"rcep", "regional comprehensive economic partnership"}:
        return "rcep"
    if name.endswith("korea"):
        return "south_korea"
    if name == "european union":
        return "eu"
    return name.replace(" ", "_")


def partners(text: str) -> list[str]:
    """The partners a text names, in order, once each; the five Central Asian countries named together are one."""
    slugs = list(dict.fromkeys(_slug(m.group(1)) for m in _PARTNER.finditer(text)))
    if set(slugs) >= _CENTRAL_ASIA:
        slugs = ["central_asia" if s in _CENTRAL_ASIA else s for s in slugs]
        slugs = list(dict.fromkeys(slugs))
    return slugs


# "trade turnover with the region jumped 50%" after "Central Asia is its largest trading partner": Xinjiang does not
# trade with itself, so "the region" (or "them") is the partner the sentence before named
_TRADE_WITH_BACK = re.compile(
    r"\b(?:trade|turnover|imports and exports|import and export)\s+with\s+(?:the region|them|it|this region)\b", re.I
)


def trade_partner(sentence: str, figure: Figure, figures: list[Figure], context: str = "") -> str:
    """The one partner whose trade a figure is about ("kazakhstan", "central_asia", "bri_partner"), else ""."""
    back = _TRADE_WITH_BACK.search(sentence[: figure.start])
    named = partners(context)
    if back and not _PARTNER.search(sentence) and len(named) == 1:
        return named[0]
    if not _PARTNER_TALK.search(sentence):
        return ""
    slugs = partners(sentence)
    # "rose by 39.6 and 28.2 percent, to 61.06 billion yuan (9.13 billion dollars) and 4.3 billion yuan,
    # respectively": the partners in order, for the figures of each unit (a conversion in brackets is none)
    same = [
        f for f in figures if f.unit == figure.unit and sentence[: f.start].count("(") <= sentence[: f.start].count(")")
    ]
    if len(slugs) == 1 and _PARTNER.search(sentence[: figure.start]):
        return slugs[0]
    if len(slugs) > 1 and len(slugs) == len(same) and re.search(r"\brespectively\b", sentence, re.I):
        return slugs[same.index(figure)] if figure in same else ""
    # "..., and trade with ASEAN markets jumped 98.3 percent to 67.4 billion yuan, 12.9 percent of ...": the partner
    # whose trade the clause before the figure is about
    governing = list(_TRADE_WITH_PARTNER.finditer(sentence[: figure.start]))
    if governing and not re.search(r"\brespectively\b", sentence, re.I):
        return partners(sentence[governing[-1].start() : figure.start])[0]
    return ""


# "going above 6,800 on the busiest days", "27 trains on the busiest day": a peak of the thing counted
_PEAK = re.compile(r"\b(?:busiest|peak|record) days?\b|\bin a single day\b|\bsingle-day\b", re.I)
_PEAK_THINGS = (
    (re.compile(r"\b(?:passengers?|travell?ers|people|visitors|crossings|trips|tourists)\b", re.I), "passenger"),
    (re.compile(r"\btrains?\b", re.I), "train"),
    (re.compile(r"\b(?:trucks?|vehicles?|lorr(?:y|ies))\b", re.I), "vehicle"),
    (re.compile(r"\bflights?\b", re.I), "flight"),
)


def peak_name(sentence: str, figure: Figure) -> str:
    """``daily_<thing>_<statistic>`` for a rate of the thing counted nearest the figure: its peak on the busiest
    day ("a daily high of 27", "a maximum of 21 trains per day"), its capacity, or its average ("an average of 17
    freight trains a day"); "" when the text says no statistic or names no thing counted."""
    window = sentence[max(0, figure.start - 80) : figure.end + 60]
    at = figure.start - max(0, figure.start - 80)
    lead = window[max(0, at - 40) : at]  # the statistic is said just before the figure ("an average of")
    if _OTHER_SPAN.search(lead):
        return ""  # "a monthly average of 3.5 trains": not a day's
    if _RATE_CAPACITY.search(lead):
        statistic = "capacity"
    elif _PEAK.search(window) or _HIGH.search(lead):
        statistic = "peak"
    elif _AVERAGE.search(lead) or _ON_AVERAGE.match(window[at:]):
        statistic = "average"
    else:
        return ""
    found = sorted((abs(m.start() - at), thing) for pattern, thing in _PEAK_THINGS for m in pattern.finditer(window))
    if not found:
        return ""
    thing = found[0][1]
    if thing == "passenger" and _TRAIN_TRIPS.search(window[at:]) and re.search(r"\btrains?\b", sentence, re.I):
        thing = "train"  # "30 trips in a single day" at a rail station: train trips, not people's
    return f"daily_{thing}_{statistic}"


_HIGH = re.compile(r"\b(?:daily high|high|maximum|max|peak)\s+(?:of\s+)?(?:up to\s+)?$", re.I)
_RATE_CAPACITY = re.compile(r"\bcapacity\b[^,;]*$", re.I)
_AVERAGE = re.compile(r"\b(?:an |on )?average\b[^,;]*$", re.I)
_OTHER_SPAN = re.compile(r"\b(?:monthly|weekly|annual|yearly)\s+(?:average|high|peak|capacity)\b", re.I)
_ON_AVERAGE = re.compile(r"[^,;]{0,70}?\bon average\b", re.I)  # "handles 17 freight trains a day on average"
_TRAIN_TRIPS = re.compile(r"^[\w,.+ -]{0,12}?\btrips\b", re.I)


# "outbound trains accounted for 700,000 tonnes", "Returning freight trains, carrying 1 million tonnes": the cargo of
# the trains one way ("Inbound and outbound trains carried ..." names both ways: all the cargo)
_WAYS = r"outbound|westbound|outgoing|inbound|eastbound|returning|return|homebound|incoming"
_TRAIN_WAY = re.compile(rf"\b(?P<way>{_WAYS})\s+(?:[\w-]+\s+){{0,4}}?trains?\b", re.I)
_OTHER_WAY = re.compile(rf"\b(?:{_WAYS})\b", re.I)
_TO_EUROPE = re.compile(r"^[^,;.]*?\bfrom China to (?:Europe|Central Asia)\b", re.I)
# "exports, which weighed 1.45 million tonnes", "while imports came to 55,100 tonnes", "exported goods came to 26,600
# tons": the goods that left or came in, named by their way alone (coal exports name their goods, "imports and
# exports" both ways); "6,000 tons of goods were exported" says it after
_WAY_SUBJECT = re.compile(
    # "Imported goods made up 26,400 tonnes", "..., and exported goods 374,000 tonnes", "its import freight was": a
    # verb may be left out
    r"(?:^\s*|(?:[,;:]|\b(?:was|were|while|whereas|and|the|its|their))\s+)(?P<way>exports|imports|(?:exported|imported"
    r"|export|import)"
    r"\s+(?:goods|cargo|freight|products))(?:,?\s+(?:which|that))?\s+(?:[\w-]+\s+){0,2}(?:about\s+|over\s+|more than\s+"
    r"|nearly\s+|around\s+|some\s+|almost\s+)?$",
    re.I,
)
_BOTH_DIRECTIONS = re.compile(r"\b(?:imports?|exports?)\s+(?:and|&|or)\s*$", re.I)
_WAY_AFTER = re.compile(
    r"^\s*(?:of\s+)?(?:goods|cargo|freight)\s+(?:[\w-]+\s+){0,2}?(?:were|was|had been|have been)\s+"
    r"(?P<way>exported|imported)\b(?!\s+(?:and|or)\s+(?:exported|imported)\b)",  # "imported and exported": both ways
    re.I,
)
# "the Bakhty port exported 76,400 tonnes of goods": the verb just before the tonnes ("imported and exported": both)
_WAY_VERB = re.compile(
    r"(?<!\band\s)(?<!\bor\s)\b(?P<way>exported|imported)\s+(?:about\s+|over\s+|more than\s+|nearly\s+|around\s+"
    r"|some\s+|almost\s+)?$",
    re.I,
)
_WORTH = re.compile(r"^\s*(?:of\s+)?(?:goods|cargo|freight)?\s*worth\s+(?:about\s+|over\s+|more than\s+|nearly\s+)?$")


def one_way_cargo_name(sentence: str, figure: Figure, figures: list[Figure]) -> str:
    """``outbound_train_cargo`` or ``return_train_cargo`` (``_value`` for what that cargo was worth), or
    ``cargo_exports`` or ``cargo_imports``: tonnes moved one way; "" when the text names both ways or neither."""
    if figure.unit in {"CNY", "USD"}:
        index = figures.index(figure)
        tonnes = figures[index - 1] if index else None
        if tonnes is None or tonnes.unit != "tonnes" or not _WORTH.match(sentence[tonnes.end : figure.start]):
            return ""  # "43,000 tonnes of goods worth 3 billion yuan": the value of the tonnes before
        name = one_way_cargo_name(sentence, tonnes, figures)
        # "exported 76,400 tonnes of goods worth $252 million": what the exports were worth
        if name.startswith("cargo_"):
            return name.removeprefix("cargo_") + "_value"
        return name + "_value" if name.endswith("train_cargo") else ""
    if figure.unit != "tonnes":
        return ""
    before, after = sentence[: figure.start], sentence[figure.end :]
    clause = before[before.rfind(";") + 1 :]
    ways = list(_TRAIN_WAY.finditer(clause))
    if ways:
        way = ways[-1]
        # "Inbound and outbound cargo trains": both ways, so all the cargo
        if len(_OTHER_WAY.findall(clause[max(0, way.start() - 25) : way.end()])) > 1:
            return ""
        outbound = way.group("way").lower() in {"outbound", "westbound", "outgoing"}
        return "outbound_train_cargo" if outbound else "return_train_cargo"
    if re.search(r"\btrains?\b", before, re.I) and _TO_EUROPE.match(after):
        return "outbound_train_cargo"  # "821 freight trains carried 287,400 tons of cargo from China to Europe"
    moved = _WAY_SUBJECT.search(before)
    if moved and _BOTH_DIRECTIONS.search(before[: moved.start("way")]):
        moved = None  # "the pass's imports and exports came to 22.37 million tonnes"
    moved = moved or _WAY_AFTER.match(after) or _WAY_VERB.search(before)
    if moved:
        return "cargo_exports" if moved.group("way").lower().startswith("export") else "cargo_imports"
    return ""
