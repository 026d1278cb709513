"""Which measure a figure is: words around it against the metric vocabulary."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from geo.data.load import read_table
from geo.ingest.carried import train_cargo_name
from geo.ingest.counted import (
    bordering_name,
    enterprises_founded,
    firms_held,
    intl_cargo_by_air,
    mode_traffic_name,
    ports_name,
    reached_countries_name,
    vehicles_crossing,
    vehicles_not_people,
)
from geo.ingest.kinds import by_place_kind, center_people_name, rail_count_name, target_name, things_named
from geo.ingest.lengths import network_name
from geo.ingest.measured import flow_of, money_measure
from geo.ingest.measures import (
    bare_route_name,
    before_after_name,
    capacity_name,
    cargo_countries_name,
    growth_stem,
    growth_suffix,
    is_absolute_change,
    nationals_name,
    one_way_cargo_name,
    peak_name,
    route_names,
    subject_route_names,
    total_name,
    trade_partner,
)
from geo.ingest.naming import (
    ARTICLES,
    PHRASE_END,
    VERBS,
    fold_words,
    head_noun,
    new_name,
)
from geo.ingest.numbers import Figure
from geo.ingest.text import clause_span, stem

_METRIC_WORDS = {
    "yoy": "year on year growth",
    "share": "share accounting proportion",
    "intl": "international",
    "avg": "average",
    "ev": "electric vehicle",
    "cbz": "bonded zone",
    "ftz": "ftz",
    "min": "min",
    "max": "max",
}


def metric_text(metric: str) -> str:
    return " ".join(_METRIC_WORDS.get(part, part) for part in metric.split("_"))


# ---------------------------------------------------------------- the metric vocabulary (data/metrics.csv)

_RATE = re.compile(
    r"\b(?:every day|each day|per day|a day|daily|single-day|in a single day|busiest days?|peak days?|a week|per week"
    r"|weekly"
    r"|each week)\b",
    re.I,
)
_GROWTH = re.compile(
    r"year[- ]on[- ]year|year[- ]over[- ]year|\byoy\b|\b(?:increas(?:e|es|ed|ing)|ris(?:e|es|ing)|rose|up|growth"
    r"|grow(?:s|ing)?|grew|jump(?:s|ed)?|climb(?:s|ed)?|surg(?:e|es|ed)|soar(?:s|ed)|more than in the same period"
    r"|(?:more|higher) than (?:a|one|the) year (?:earlier|ago|before)|"
    r"fell|dropped|declined|decreased|down|shrank)\b",
    re.I,
)
_SHARE = re.compile(
    r"\b(?:account(?:ed|ing|s)? for|made up|make up|makes up|making up|share|half of|of all"
    r"|of (?:the|china's|xinjiang's|its) total|of (?:xinjiang's|the region's|china's|the country's)"
    r"|of the)\b",
    re.I,
)
_TRADE_WITH = re.compile(
    r"\b(?:trade|imports and exports|import and export)\s+(?:with|between\s+(?:[\w'-]+\s+){1,8}?and)\b"
    r"|\btrading partners?\b",
    re.I,
)
# Trade broken down by who trades: "private enterprises ... 298.35 billion yuan, up 28.2 percent and 92.5 percent".
_OWNER = re.compile(
    r"\b(private|state-owned|foreign-invested|foreign-funded)\s+(?:enterprises|firms|companies|sector)\b", re.I
)
_OWNER_METRIC = {
    "private": "private_enterprise",
    "state-owned": "soe",
    "foreign-invested": "fie",
    "foreign-funded": "fie",
}
# "through border small-scale trade", "general trade", "processing trade": a customs mode of trade (not a "border trade
# zone" or "market")
_TRADE_MODE = re.compile(
    r"\b(border(?:\s+small[- ]scale)?|general|processing)\s+trade\b(?!\s+(?:zones?|areas?|markets?))", re.I
)
# "Private enterprises did well. Their trade value rose ...": "their" or "the enterprises'" opening a sentence refers
# back to the firms the sentence before named, whose trade it is
_THEIR = re.compile(r"^\W*(?:their|the (?:enterprises|firms|companies)(?:'|\u2019))\s", re.I)
_NOUN_AFTER = re.compile(r"^\s*(?:[\w-]+\s+){0,3}?([a-z][\w-]*(?:\s+[a-z][\w-]*){0,2})", re.I)


@dataclass
class MetricEntry:
    """One measure the project knows: its name, unit, kind (flow, stock, rate, share) and signal phrases."""

    name: str
    unit: str
    kind: str
    signals: list[str]
    known: bool  # used by a fact already
    entities: set[str]
    listed: bool = True  # in data/metrics.csv, so its kind is stated, not guessed from its name


def load_vocabulary(data_dir: Path, facts: list[dict]) -> list[MetricEntry]:
    """The metric vocabulary: data/metrics.csv's rows, then every metric facts.csv uses that it lacks."""
    used: dict[str, set[str]] = {}
    units: dict[str, str] = {}
    for row in facts:
        used.setdefault(row["metric"], set()).add(row["entity_id"])
        units[row["metric"]] = row["unit"]
    entries: list[MetricEntry] = []
    path = Path(data_dir) / "metrics.csv"
    rows = read_table(path).to_dict("records") if path.exists() else []
    for row in rows:
        signals = [s.strip().lower() for s in str(row.get("signals", "")).split(";") if s.strip()]
        entries.append(
            MetricEntry(
                row["metric"], row["unit"], row.get("kind", "") or "flow", signals,
                row["metric"] in used, used.get(row["metric"], set()),
            )
        )  # fmt: skip
    listed = {e.name for e in entries}
    for metric, entity_ids in used.items():
        if metric not in listed:
            words = metric_text(metric).split()
            kind = "share" if "share" in words else ("rate" if {"daily", "weekly"} & set(words) else "flow")
            if kind == "flow" and is_standing_count(metric):
                kind = "stock"
            # The name, and its last word when that is a counted noun (routes, exports): other words mislead.
            signals = [" ".join(words), *([words[-1]] if words[-1].endswith("s") and len(words[-1]) > 4 else [])]
            entries.append(MetricEntry(metric, units[metric], kind, signals, True, entity_ids, listed=False))
    return entries


# What a network or a list holds stands from day to day: routes run, countries and cities reached, zones.
_STANDING_NOUNS = frozenset(
    [
        "routes",
        "countries",
        "cities",
        "airports",
        "zones",
        "subzones",
        "partners",
        "ports",
        "capacity",
        "runways",
        "destinations",
        "tenants",
        "categories",
        "classes",
        "businesses",
        "merchants",
        # a station's tracks stand, called tracks or lines ("14 broad gauge lines")
        "tracks",
        "lines",
    ]
)


def is_standing_count(metric: str) -> bool:
    """Whether a metric's name counts things that stand (``regular_passenger_routes``), not a flow (``new_...``)."""
    words = metric.split("_")
    standing = words[-1] in _STANDING_NOUNS or words[0] == "registered"  # firms on a register stand
    return standing and not {"new", "opened", "growth", "share", "yoy"} & set(words)


@dataclass(frozen=True)
class MetricGuess:
    """A metric for a figure: its name, whether facts.csv has it yet, and the rule that chose it."""

    name: str
    new: bool
    rule: str


def _hits(signals: list[str], words: list[str], near_end: bool) -> float:
    """Signal phrases found in ``words``; those within three words of the figure count three times."""
    score = 0.0
    for signal in signals:
        parts = signal.split()
        for at in range(len(words) - len(parts) + 1):
            if words[at : at + len(parts)] == parts:
                distance = len(words) - (at + len(parts)) if near_end else at
                score += (3.0 if distance <= 3 else 1.0) * len(parts) ** 0.5
                break
    return score


def _score(entry: MetricEntry, before: str, after: str, entity_id: str) -> float:
    score = _hits(entry.signals, fold_words(before), True) + _hits(entry.signals, fold_words(after), False)
    head = head_noun(after)
    if head and any(s.split()[-1] == head for s in entry.signals):
        score += 3.0
    if score and entity_id in entry.entities:
        score += 0.5
    return score


_UNIT_TEXT = {
    "TEU": "teu",
    "tonnes": "tonnes",
    "km2": "square kilometers",
    "m2": "square meters",
}


def guess_metric(
    sentence: str,
    figure: Figure,
    figures: list[Figure],
    vocabulary: list[MetricEntry],
    entity_id: str,
    base: dict[int, MetricGuess],
    context: str = "",
    place_kind: str = "",
) -> MetricGuess:
    """The figure's metric: a known one whose signals appear around it, or a new name built from its words.

    ``context`` is the sentence before in the paragraph: it may name the things a count is of ("trains");
    ``place_kind`` is the kind of the figure's place in the data ("air airport"): an airport has routes.

    ``base`` holds the guesses of the sentence's non-percent figures, by position: a growth rate
    takes its figure's metric with ``_growth_yoy``.
    """
    if figure.unit == "count" and _TRACK_LINES.match(sentence[figure.end :]):
        # "14 broad gauge lines", "10 transshipment lines": a station's tracks, which no train route measures
        return MetricGuess(new_name(sentence[figure.end :]), True, "tracks: new name")
    guess = _guess(sentence, figure, figures, vocabulary, entity_id, base, context, place_kind)
    if guess.name == "trade_growth_above_national":
        # "Exports were 95.04 billion yuan, up 46.7% and 32 points above the national rate": the exports' lead
        earlier = [base[i].name for i in range(figures.index(figure)) if i in base and figures[i].unit in _MONEY]
        flow = re.match(r"(exports|imports)_value$", earlier[-1]) if earlier else None
        if flow:
            name = flow.group(1) + "_growth_above_national"
            return MetricGuess(name, not _known(vocabulary, name), "how far the growth of the flow before leads")
    if intl_cargo_by_air(sentence, figure, guess.name, place_kind):
        # "the airport's international cargo volume had reached 55.000 tonnes": its international cargo only
        return MetricGuess(
            "intl_cargo_throughput", not _known(vocabulary, "intl_cargo_throughput"), "international cargo by air"
        )
    if firms_held(sentence, guess.name):
        # "At present 234 companies are registered in the zone": the firms it holds, not those registered lately
        return MetricGuess(
            "registered_enterprises", not _known(vocabulary, "registered_enterprises"), "firms registered that stand"
        )
    trade = _TRADE_OF.get(guess.name)
    if trade and place_kind not in {"", "region"}:
        # a port's or a zone's trade is its trade value; foreign trade is the region's (as the golds code it)
        return MetricGuess(trade, not _known(vocabulary, trade), guess.rule + "; the trade of that kind of place")
    if vehicles_crossing(sentence, guess.name) or vehicles_not_people(sentence, figure, guess.name):
        # "5,500 vehicles" a port processed: crossings, not exports; "77,000 trips of means of transport": not people
        return MetricGuess("vehicle_crossings", not _known(vocabulary, "vehicle_crossings"), "vehicles crossing")
    by_mode = mode_traffic_name(sentence, figure, guess.name, place_kind)
    if by_mode:  # "Rail freight in Xinjiang reached 200 million tonnes": the region's railways, not its ports
        return MetricGuess(by_mode, not _known(vocabulary, by_mode), "the region's traffic by one mode")
    ports = ports_name(sentence, figure, guess.name)
    if ports:  # "16 Class A ports": no road named, so not the highway ports
        return MetricGuess(ports, not _known(vocabulary, ports), "ports named by their qualifier")
    if not enterprises_founded(sentence, figure, guess.name):  # "40 airline companies have opened routes"
        return MetricGuess(new_name(sentence[figure.end :]), True, "firms counted with no word of founding: new name")
    return guess


def _guess(
    sentence: str,
    figure: Figure,
    figures: list[Figure],
    vocabulary: list[MetricEntry],
    entity_id: str,
    base: dict[int, MetricGuess],
    context: str,
    place_kind: str,
) -> MetricGuess:
    index = figures.index(figure)
    following = figures[index + 1].start if index + 1 < len(figures) else len(sentence)
    chars = list(sentence)
    for other in figures[:index]:  # an earlier figure and the noun it counts are not this figure's words
        noun = re.match(r"[^,;]*(?=\band\b|\bor\b|,|;|$)", sentence[other.end : figure.start])
        stop = other.end + (noun.end() if noun else 0)
        chars[other.start : stop] = " " * (stop - other.start)
    before = "".join(chars)[max(0, figure.start - 150) : figure.start]
    contrast = re.search(r"[,;]\s+(?:while|whereas|but)\s+(?!.*[,;]\s+(?:while|whereas|but)\s)", before)
    if index + 1 < len(figures) and re.fullmatch(r"\s*,?\s*(?:and|or)?\s*", sentence[figure.end : following]):
        # "6,000 and 5,000 trains": the first figure counts the noun after the second
        nxt = figures[index + 2].start if index + 2 < len(figures) else len(sentence)
        following = figures[index + 1].end
        after = _UNIT_TEXT.get(figure.unit, "") + " " + sentence[following:nxt]
    else:
        after = _UNIT_TEXT.get(figure.unit, "") + " " + sentence[figure.end : following]
    after = re.split(r"[,;]\s+(?:while|whereas|but)\s", after)[0]  # the contrasting clause after is another's
    if _ORDINAL.search(figure.as_written):  # "the 7000th freight train": the count of trains it reached
        after = _ONE_THING.sub(r"\1\2s", after, count=1)
    whole_after = sentence[figure.end :]
    clause_start = clause_span(sentence, figure.start, figure.end)[0]
    special = [
        (rail_count_name(place_kind, sentence[clause_start : figure.start], whole_after) if figure.unit == "count"
         else "", "what a rail port counts"),
        (capacity_name(before, whole_after, figure.unit, new_name(after)), "a capacity"),
        (train_cargo_name(sentence, figure, figures, place_kind), "goods the trains carry"),
        (one_way_cargo_name(sentence, figure, figures), "cargo moved one way"),
        (before_after_name(sentence, figure, figures, clause_start), "a time before or after a change"),
        (nationals_name(sentence[clause_start : figure.start], whole_after) if figure.unit == "count" else "",
         "one nationality's trips"),
        (cargo_countries_name(sentence[: figure.start], whole_after) if figure.unit == "count" else "",
         "countries that cargo routes reach"),
        (center_people_name(entity_id, whole_after, sentence[clause_start : figure.start]) if figure.unit == "count"
         else "", "people at a center"),
        (target_name(before) if figure.unit == "percent" else "", "how far a target was beaten"),
        (bordering_name(sentence, figure), "countries it borders"),
        (network_name(sentence, figure), "the length of a network"),
        (bare_route_name(sentence, figure.end, context) if figure.unit == "count" else "", "routes of the mode named"),
        (reached_countries_name(sentence, figure, context), "the countries of the cities a network reaches"),
    ]  # fmt: skip
    for name, rule in special:
        if name:
            return MetricGuess(name, not _known(vocabulary, name), rule)
    same_unit = [base[i] for i in range(index) if i in base and figures[i].unit == figure.unit]
    if same_unit and figure.unit != "percent" and _COMPARED_WITH.search(before):
        # "some 1,250 containers crossed in May, compared with 800 in April": the same measure at another time
        return MetricGuess(same_unit[-1].name, same_unit[-1].new, "the measure it is compared with")
    total = total_name(before, same_unit[-1].name if same_unit else "")
    if total:
        return MetricGuess(total, not _known(vocabulary, total), "the total the figure before adds to")
    if figure.unit != "percent" and same_unit and is_absolute_change(before, whole_after):
        # "180,000 tonnes, an increase of 20,000 tonnes over 2024", "3,000 trains, 500 more than a year earlier"
        name = re.sub(r"_value$", "", same_unit[-1].name) + "_increase"
        return MetricGuess(name, not _known(vocabulary, name), "an absolute change of the figure before")
    # "has added four routes" are routes opened; "has opened 14 routes in total" (so far, to date) is the network
    opening = "" if _TOTAL_WORDS.search(sentence) else sentence[clause_start : figure.start]
    routes = route_names(whole_after, opening) if figure.unit == "count" else []
    if figure.unit == "count" and not routes and not head_noun(after):
        routes = subject_route_names(sentence[clause_start : figure.start])
    if routes:  # a known name for that kind of route, else the most specific name, new
        listed = [r for r in routes if any(e.name == r for e in vocabulary)]  # in the vocabulary, used or not yet
        name = next((r for r in routes if _known(vocabulary, r)), listed[0] if listed else routes[0])
        return MetricGuess(name, not _known(vocabulary, name), "routes of the kind named")
    owner = _OWNER.findall(before.split(";")[-1]) or (_OWNER.findall(context) if _THEIR.match(sentence) else [])
    owned = _OWNER_METRIC[owner[-1].lower()] + "_trade" if owner else ""
    if owned and figure.unit in {"CNY", "USD"}:
        return MetricGuess(owned + "_value", not _known(vocabulary, owned + "_value"), "trade of one kind of firm")
    mode = _TRADE_MODE.findall(before.split(";")[-1])
    if mode and figure.unit in {"CNY", "USD", "percent"}:
        # "imports and exports through border small-scale trade came to 65.44 billion yuan, up 58.1%, and those
        # through general trade to 37.18 billion yuan": the trade of one customs mode
        name = mode[-1].split()[0].lower() + "_trade"
        window = before[-60:] + " " + whole_after[:60]
        if figure.unit != "percent":
            return MetricGuess(name + "_value", not _known(vocabulary, name + "_value"), "trade of one customs mode")
        if _GROWTH.search(window) and not _SHARE.search(window):
            name += growth_suffix(window, whole_after)
            return MetricGuess(name, not _known(vocabulary, name), "growth of the trade of one customs mode")
    flow = flow_of(sentence, figure, clause_start)
    own_amounts = [f for f in figures if f.unit != "percent" and clause_start <= f.start and f is not figure]
    if flow and (figure.unit in {"CNY", "USD"} or (figure.unit == "percent" and not own_amounts)):
        # "exports of mechanical and electrical products", "a 334.7% jump in cross-border e-commerce exports": what
        # the flow is of names the measure; a percent is its growth (or its share)
        window = before[-60:] + " " + whole_after[:60]
        if figure.unit == "percent" and _GROWTH.search(window):
            name = flow + growth_suffix(window, whole_after)
            return MetricGuess(name, not _known(vocabulary, name), "growth of a flow named by what it is of")
        if figure.unit != "percent":
            return MetricGuess(flow, not _known(vocabulary, flow), "a flow named by what it is of")
    measured = money_measure(sentence, figure, not place_kind or "region" in place_kind.split())
    if measured:  # "posted 37.8 billion yuan in foreign trade", "its imports topped 20.9 billion yuan"
        return MetricGuess(measured, not _known(vocabulary, measured), "the noun phrase a sum measures")
    if figure.unit == "percent" and _EFFICIENCY.search(
        sentence[slice(*clause_span(sentence, figure.start, figure.end))]
    ):
        return _efficiency_gain(vocabulary, sentence[slice(*clause_span(sentence, figure.start, figure.end))])
    if figure.unit == "percent":
        window = before[-60:] + " " + whole_after[:60]
        growth_before = re.search(  # "up 28.2 percent and 92.5 percent of the trade": 28.2 is a growth
            r"(?<!made )(?<!make )(?<!makes )(?<!making )\b(?:up|rose|grew|increased|jumped|surged)(?:\s+by)?\s{0,2}$"
            r"|\b(?:rise|increase|growth|jump) of\s{0,2}$",  # "a year-on-year rise of 49.8 percent"
            before[-24:],
            re.I,
        )
        partner = trade_partner(sentence, figure, figures, context)
        if _SHARE.search(window) and not _GROWTH.search(whole_after[:40]) and not growth_before:
            if partner:  # the held-out sets' convention: "bri_partner_share_of_trade", as the region's share_of_...
                name = f"{partner}_share_of_trade"
                return MetricGuess(name, not _known(vocabulary, name), "partner")
            if owned:
                return MetricGuess(
                    owned + "_share", not _known(vocabulary, owned + "_share"), "share of one kind of firm"
                )
            counted = [base[i] for i in range(index) if i in base and figures[i].unit not in {"CNY", "USD", "percent"}]
            if counted and re.search(r"\btotal\b", window, re.I):
                # "3,000 trains ..., 40 percent of the region's total": a share of the trains, not of its trade
                name = "share_of_" + counted[-1].name
                return MetricGuess(name, not _known(vocabulary, name), "share of the figure before")
            return _best(vocabulary, [e for e in vocabulary if e.kind == "share"], before, after, entity_id, "share")
        # "1,29 billion yuan in e-commerce (+291 %)": a signed percent alone in brackets after an amount is its change
        amount = [f for f in figures[:index] if f.unit != "percent"]
        bracketed = bool(
            amount
            and re.fullmatch(r"[^,;]{0,80}", sentence[amount[-1].end : figure.start])
            and _SIGNED_ALONE.search(sentence[: figure.start])
            and re.match(r"\s*\)", whole_after)
        )
        if (_GROWTH.search(window) or bracketed) and partner:
            name = f"{partner}_trade_growth_yoy"
            return MetricGuess(name, not _known(vocabulary, name), "growth of a partner's trade")
        if _GROWTH.search(window) or bracketed:
            source = _growth_base(sentence, figure, figures, base)
            if source is None and owned:
                source = MetricGuess(owned + "_value", False, "trade of one kind of firm")
            if source is None:
                pool = [e for e in vocabulary if e.unit != "percent" and e.kind != "rate"]
                source = _best(vocabulary, pool, before, after, entity_id, "growth")
            name = growth_stem(source.name) + growth_suffix(window, whole_after)
            return MetricGuess(name, not _known(vocabulary, name), "growth of " + source.name)
    if figure.unit in {"CNY", "USD"} and _TRADE_WITH.search(sentence):
        # "trade with countries along the Belt and Road came to 34.91 billion yuan": the trade is named by its partner
        partner = trade_partner(sentence, figure, figures, context)
        if partner:
            return MetricGuess(f"{partner}_trade", not _known(vocabulary, f"{partner}_trade"), "a partner's trade")
        return MetricGuess(new_name(sentence[_TRADE_WITH.search(sentence).start() :]), True, "trade with partners")
    # "on the busiest day, the number of passengers ... went past a record 700": back to the figure before, or 100 chars
    earlier = [f.end for f in figures if f.end <= figure.start]
    since_last = sentence[max(earlier[-1] if earlier else 0, figure.start - 100) : figure.start]
    # the figure's own clause ("hit 200,000, a monthly record, and its daily average was 6,500": 6,500 is the rate)
    own = sentence[figure.end : min(following, clause_span(sentence, figure.start, figure.end)[1])]
    rate = bool(_RATE.search(own) or _RATE.search(before[-60:]) or _RATE.search(since_last))
    pool = [e for e in vocabulary if e.unit == figure.unit and (e.kind == "rate") == rate and e.kind != "share"]
    pool = [
        e
        for e in by_place_kind(pool, sentence, figure, entity_id, context)
        if things_named(e.name, context + sentence, place_kind)
    ]
    peak = peak_name(sentence, figure) if rate and figure.unit == "count" else ""
    thing = re.sub(r"_average$", "_", peak) if peak.endswith("_average") else ""
    if thing and any(e.kind == "rate" and e.name.startswith(thing) for e in vocabulary):
        peak = ""  # "70 vehicles a day on average": the vocabulary has a day's rate of that thing, its words decide
    if peak:
        return MetricGuess(peak, not _known(vocabulary, peak), "a day's average, peak or capacity of the thing counted")
    if contrast:  # "Trucks at the road port rose to 180,000, while trains through the railway port reached 6,000"
        own = " " * contrast.end() + before[contrast.end() :]
        guess = _best(vocabulary, pool, own, after, entity_id, "rate" if rate else "signals", figure.unit)
        if (
            "new name" not in guess.rule
        ):  # "..., while Horgos had handled 7.96 million tonnes": the measure named before
            return guess
    # a tonnage in a sentence about exports or imports (or a list item under one) is goods moved one way, not cargo
    # handled: "Exports grew by 21%, to 4.5 million tons"; "deliveries to China grew ...: - via Dostyk, to 2.2 million"
    told = _BOTH_WAYS.sub(" ", sentence + (" " + context if sentence.lstrip()[:1] in "-–—•" else ""))
    directed = bool(_DIRECTED.search(told))
    rule = "rate" if rate else "signals"
    guess = _best(vocabulary, pool, before, after, entity_id, rule, figure.unit, directed)
    own_words = new_name(after, "", before, figure.unit, measured=False) if "new name" in guess.rule else guess.name
    if figure.unit in _MONEY and guess.new and not set(own_words.split("_")) - _NO_MEASURE:
        # "25.17 billion US dollars: the record Xinjiang's foreign trade set": no word of its own names the sum, and
        # a measure of money is one whether in yuan or dollars, so the vocabulary's measures in either may fit
        money = [e for e in vocabulary if e.unit in _MONEY and (e.kind == "rate") == rate and e.kind != "share"]
        money = [
            e for e in by_place_kind(money, sentence, figure, entity_id) if things_named(e.name, context + sentence)
        ]
        other = _best(vocabulary, money, before, after, entity_id, rule, figure.unit, directed)
        return other if not other.new else guess
    return guess


_ORDINAL = re.compile(r"(?:\d-?(?:st|nd|rd)|(?:\d|thousand|million|billion)-?th)$", re.I)
_ONE_THING = re.compile(
    r"^(\s*(?:[\w-]+\s+){0,3}?)(train|flight|vehicle|truck|container|passenger|visitor|tourist|run|trip|service|route)\b",
    re.I,
)
_SIGNED_ALONE = re.compile(r"\(\s*[+\u2212-]?\s*$")
_TRADE_OF = {"foreign_trade_value": "trade_value", "foreign_trade_growth_yoy": "trade_value_growth_yoy"}

# "14 broad gauge lines", "6 pairs of transshipment lines": tracks, not train routes
_TRACK_LINES = re.compile(
    r"^\s*(?:pairs\s+of\s+)?(?:[\w-]+\s+){0,2}?(?:gauge|transshipment|loading|unloading|track)\s+lines\b",
    re.I,
)
# the words of a made-up name that name no measure ("more_than", "figure")
_NO_MEASURE = VERBS | ARTICLES | PHRASE_END | {"figure"}


# "import and export freight" moves both ways: it directs nothing
_BOTH_WAYS = re.compile(r"\bimports?\s+and\s+exports?\b|\bexports?\s+and\s+imports?\b", re.I)
_MONEY = {"CNY", "USD"}
_DIRECTED = re.compile(r"\b(?:export(?:s|ed|ing)?|import(?:s|ed|ing)?|deliver(?:y|ies|ed)\s+to)\b", re.I)
_TOTAL_WORDS = re.compile(r"\b(?:in total|so far|to date|as of now|altogether|in all)\b", re.I)


_COMPARED_WITH = re.compile(r"\b(?:compared (?:with|to)|up from|down from|against|versus|vs\.?)\s*$", re.I)
_HANDLED = re.compile(r"\b(?:handled|handles|handle|handling|moved|processed|saw)\s+(?:[\w,.-]+\s+){0,3}$", re.I)
_EFFICIENCY = re.compile(r"\befficien(?:cy|t)\b", re.I)


def _efficiency_gain(vocabulary: list[MetricEntry], clause: str) -> MetricGuess:
    """ "made train handling 30 percent more efficient", "raised clearance efficiency by 80 percent": a gain.

    A known ``*_efficiency_gain`` fits only when the clause names every thing its name does (train, clearance);
    else a new name from the word before "efficiency" (``clearance_efficiency_gain``).
    """
    words = {stem(w) for w in fold_words(clause)}
    for entry in vocabulary:
        things = [w for w in entry.name.split("_") if w not in {"efficiency", "gain"}]
        if entry.unit == "percent" and entry.name.endswith("efficiency_gain") and all(stem(w) in words for w in things):
            return MetricGuess(entry.name, not entry.known, "an efficiency gain: vocabulary")
    before = re.search(r"([a-z]+)\s+efficiency\b", clause, re.I)
    thing = before.group(1).lower() if before and before.group(1).lower() not in VERBS | {"the", "its"} else ""
    name = f"{thing}_efficiency_gain" if thing else "efficiency_gain"
    return MetricGuess(name, not _known(vocabulary, name), "an efficiency gain: new name")


def _known(vocabulary: list[MetricEntry], name: str) -> bool:
    return any(e.name == name and e.known for e in vocabulary)


def _best(
    vocabulary: list[MetricEntry],
    pool: list[MetricEntry],
    before: str,
    after: str,
    entity_id: str,
    rule: str,
    unit: str = "",
    directed: bool = False,
) -> MetricGuess:
    # On a tie, a metric data/metrics.csv lists (curated, with signals) beats one only facts.csv uses.
    scored = sorted(((_score(e, before, after, entity_id), e.listed, e.known, e.name) for e in pool), reverse=True)
    if scored and scored[0][0] > 0:
        return MetricGuess(scored[0][3], not scored[0][2], f"{rule}: vocabulary")
    cargo = [e for e in pool if e.unit == "tonnes" and "cargo" in e.name.split("_") and e.kind == "flow"]
    bare = re.match(
        r"\s*tonnes\s*(?:of\s+(?:import\s+and\s+export\s+)?(?:goods|cargo|freight|it)\b|[,.;]|$|(?!of\b)(?:"
        + "|".join(PHRASE_END)
        + r")\b)",
        after,
        re.I,
    )
    if unit == "tonnes" and rule == "signals" and cargo and bare and not directed:
        # "Xinjiang's ports handled 60 million tonnes in 2025", "traffic rose to 4.2 million tons", "flights which
        # carried 15,100 tonnes of goods": what a tonnage with no noun of its own, or of goods, measures is cargo
        chosen = min(cargo, key=lambda e: (len(e.name), e.name))
        return MetricGuess(chosen.name, not chosen.known, "tonnes handled: cargo")
    prefix = {"share": "share_of", "rate": "daily"}.get(rule, "")
    return MetricGuess(new_name(after, prefix, before, unit), True, f"{rule}: new name from the words around it")


def _growth_base(
    sentence: str, figure: Figure, figures: list[Figure], base: dict[int, MetricGuess]
) -> MetricGuess | None:
    counts = [f for f in figures if f.unit != "percent" and figures.index(f) in base]
    if not counts:
        return None
    after = [f for f in counts if f.start >= figure.end]
    if after and re.fullmatch(r"\s*(?:year[- ]on[- ]year\s*)?,?\s*to\s*", sentence[figure.end : after[0].start], re.I):
        return base[figures.index(after[0])]  # "imports dropped 8.9 percent to 59.6 billion yuan"
    percents = [f for f in figures if f.unit == "percent"]
    if re.search(r"\brespectively\b", sentence, re.I):
        # "791 trains carrying 538,100 tonnes worth 3.654 billion dollars, increases of 17.19%, 50.06% and 1.92%
        # respectively; 691 trains ...": the changes go in order with the figures just before them
        before = [f for f in counts if f.end <= percents[0].start]
        if len(percents) == len(counts) or len(before) >= len(percents):
            listed = counts if len(percents) == len(counts) else before[-len(percents) :]
            return base[figures.index(listed[percents.index(figure)])]
    nearest = min(counts, key=lambda f: (abs(f.start - figure.start), f.start > figure.start))
    earlier = [f for f in counts if f.end <= figure.start]
    return base[figures.index(earlier[-1] if earlier else nearest)]
