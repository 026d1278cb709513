"""Turn figures, metrics and sources into text for people; escape text from data for HTML."""

from __future__ import annotations

import functools
import html
import math
import re
from collections.abc import Mapping

import pandas as pd
from markupsafe import Markup

from geo.data import periods
from geo.errors import DataError
from geo.settings import NEIGHBOUR_COUNTRIES

UNIT_WORDS = {
    "percent": "%",
    "percentage_points": " percentage points",
    "count": "",
    "hours": " hours",
    "minutes": " minutes",
    "tonnes": " tonnes",
    "km2": " km²",
    "m2": " m²",
}
# Metric slugs whose generated label would read badly.
# Labels a new viewer reads more easily than the slug's words (the rest: WORDS below, then the slug's words).
METRIC_LABELS = {
    "intl_air_cargo_growth": "International air cargo growth",
    "ev_exports_growth_yoy": "Electric-vehicle exports growth (y/y)",
    "area": "Area",
    "trade_growth_avg_annual": "Average annual trade growth",
    "border_time_saved_max": "Border time saved, at most",
    "border_time_saved_min": "Border time saved, at least",
    "delivery_time_max": "Delivery time, longest",
    "delivery_time_min": "Delivery time, shortest",
    "clearance_time_after": "Clearance time, after the change",
    "clearance_time_before": "Clearance time, before the change",
    "ferry_clearance_time_after": "Vehicle-ferry clearance time, after the change",
    "ferry_clearance_time_before": "Vehicle-ferry clearance time, before the change",
    "ferry_clearance_efficiency_gain": "Vehicle-ferry clearance, efficiency gain",
    "ferry_cost_saving": "Vehicle-ferry cost saving",
    "ferry_driver_income": "Vehicle-ferry driver income",
    "vehicle_ferry_drivers": "Vehicle-ferry drivers",
    "container_scan_time": "Time to scan a container",
    "scan_speedup_vs_manual": "Scanning, faster than checks by hand",
    "china_europe_trains_departed": "China–Europe trains sent off",
    "cross_border_visitors": "Cross-border visitors",
    "drive_to_airport": "Drive to the airport",
    "passenger_cargo_routes": "Passenger and cargo routes",
    "route_cities": "Cities its routes reach",
    "route_countries": "Countries its routes reach",
    "train_destination_cities": "Cities its trains reach",
    "train_destination_countries": "Countries its trains reach",
    "goods_origin_countries": "Countries the goods come from",
    "share_of_region_trade": "Share of the region's trade",
    "trade_growth_above_national": "Trade growth above the national rate",
    "tax_refund_max_time": "Tax refund, longest wait",
    "visa_free_tour_group": "People in the first visa-free tour group",
    "central_asia_flight_share": "Share of China's flights with Central Asia",
    "development_span_years": "Years of development looked back on",
    "legislature_foreign_observer_years": "Years with foreign observers at the legislature",
    "westward_logistics_cost_cut_share": "Westbound logistics costs that can still be cut",
    "years_since_establishment": "Years since it was set up",
    "operation_center_trade": "Trade through one firm's operation centre",
    "kyrgyz_export_order": "One firm's export order with Kyrgyzstan",
    "joint_lab_partner_labs": "Partner labs of the joint lab",
}
WORDS = {
    "yoy": "(y/y)",
    "intl": "international",
    "ev": "electric-vehicle",
    "kyrgyz": "Kyrgyz",
    "moscow": "Moscow",
    "asia": "Asia",
    "avg": "average",
}


def escape(text: object) -> str:
    """Escape any value for HTML text or attribute context (``None`` becomes an empty string)."""
    return "" if text is None or (isinstance(text, float) and math.isnan(text)) else html.escape(str(text), quote=True)


# Runs of Chinese characters (CJK ideographs and their punctuation), to be marked lang="zh".
_CHINESE = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]+")
_ZH = Markup('<span lang="zh">{}</span>')


def mark_chinese(text: object) -> Markup:
    """Text as HTML, escaped, with each run of Chinese in ``<span lang="zh">`` (read and drawn as Chinese)."""
    value = escape(text)  # escaping leaves Chinese characters as they are
    parts, last = [], 0
    for found in _CHINESE.finditer(value):
        parts += [Markup(value[last : found.start()]), _ZH.format(Markup(found.group()))]
        last = found.end()
    return Markup("").join([*parts, Markup(value[last:])])


def metric_label(metric: str) -> str:
    """A readable label for a metric slug: ``vehicle_exports_growth_yoy`` → ``Vehicle exports growth (y/y)``."""
    if metric in METRIC_LABELS:
        return METRIC_LABELS[metric]
    words = [WORDS.get(word, word) for word in metric.split("_")]
    label = " ".join(words)
    label = label[0].upper() + label[1:]
    return label.replace("china europe", "China–Europe").replace("China europe", "China–Europe")


def format_number(value: float) -> str:
    """``356310000000`` → ``356.31 billion``; ``258000`` → ``258,000``; ``25.4`` → ``25.4``."""
    for size, word in ((1e9, "billion"), (1e6, "million")):
        if abs(value) >= size:
            return f"{value / size:,.{_decimals(value / size)}f} {word}"
    return f"{value:,.{_decimals(value)}f}"


def _decimals(value: float) -> int:
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return len(text.split(".")[1]) if "." in text else 0


def format_value(value: float, unit: str, qualifier: str = "") -> str:
    """A figure as an analyst would quote it: ``over 9,000``, ``356.31 billion CNY``, ``nearly 370%``."""
    number = format_number(float(value))
    words = UNIT_WORDS.get(unit, " " + unit)
    if float(value) == 1 and words in (" hours", " minutes"):
        words = words[:-1]  # "1 hour", not "1 hours"
    text = f"{number} CNY" if unit == "CNY" else f"{number}{words}"
    return f"{qualifier} {text}" if qualifier else text


def source_date(published: object, published_range: object = "") -> str:
    """``2026-01-19``; a page without a date gives the bounds inferred, in words: ``undated (published between
    16 Jul and 22 Jul 2025)`` for ``2025-07-16/2025-07-22`` (as written if unreadable)."""
    if _text(published):
        return _text(published)
    if not _text(published_range):
        return "undated"
    # "published Sep 2025–22 Nov 2026" read as a page published over fourteen months: say they are bounds
    first, _, last = _text(published_range).partition("/")
    if not (first and last) or first.startswith(".."):
        return f"undated (published {_period_label(_text(published_range))})"
    first_label, last_label = _period_label(first), _period_label(last)
    year = last_label.rsplit(" ", 1)[-1]
    if " " in first_label and " " in last_label and first_label.endswith(f" {year}"):
        first_label = first_label[: -len(year) - 1]  # "16 Jul and 22 Jul 2025": the year said once
    return f"undated (published between {first_label} and {last_label})"


def cite_source(publisher: str, published: str, title: str, published_range: str = "", caution: str = "") -> str:
    """``Xinhua via en.chinagate.cn, 2026-01-19: “Title”`` (undated articles say so, with their inferred bounds;
    a source's caution, from sources.csv, follows wherever it is cited: a reader weighs its figures there)."""
    line = f"{publisher}, {source_date(published, published_range)}: “{title}”"
    return f"{line} (caution: {_text(caution)})" if _text(caution) else line


@functools.cache
def dataset_citation() -> str:
    """The dataset as an analyst cites it: title, name, version and date, licence (from data/datapackage.json)."""
    from geo.data.load import read_package

    package = read_package()
    licence = ", ".join(item["name"] for item in package.get("licenses", []))
    version = " ".join(
        p
        for p in (
            f"version {package['version']}" if package.get("version") else "",
            f"({str(package.get('created', ''))[:10]})" if package.get("created") else "",
        )
        if p
    )
    return f"{package['title']} ({package['name']}){', ' + version if version else ''}; licence {licence}"


def cite_line(fact: Mapping[str, object], place: str = "") -> str:
    """One figure as an analyst can paste it: place, figure, value, period; the article with its address and date;
    the dataset with its version and licence."""
    figure = f"{metric_label(str(fact['metric']))}: {format_value(fact['value'], str(fact['unit']), _text(fact['qualifier']))}"
    where = f"{place}, " if place else ""
    article = cite_source(
        _text(fact["source_publisher"]),
        _text(fact.get("source_published")),
        _text(fact["source_title"]),
        _text(fact.get("source_published_range")),
        _text(fact.get("source_caution")),
    )
    url = _text(fact.get("source_url"))
    return f"{where}{figure} ({_period_label(str(fact['period']))}). {article}{', ' + url if url else ''}. Via {dataset_citation()}."


def facts_table(cited: pd.DataFrame, cite: bool = True) -> pd.DataFrame:
    """Readable columns of a cited fact table: figure, value, period, source, fact id (and the line to cite it)."""
    table = pd.DataFrame(
        {
            "Figure": cited["metric"].map(metric_label),
            "Value": [
                format_value(v, u, q) for v, u, q in zip(cited["value"], cited["unit"], cited["qualifier"], strict=True)
            ],
            "Period": cited["period"].map(_period_label),
            "Source": citations(cited),
            "Link": cited["source_url"].map(_text) if "source_url" in cited else "",
            "Fact": cited["fact_id"],
        }
    )
    if cite:
        table["Cite"] = [cite_line(row) for row in cited.to_dict("records")]
    if "about" in cited and (cited["about"] != cited["entity_id"]).any():
        table["About"] = about_notes(cited)
    return table


# HTML built from templates whose arguments markupsafe escapes: text from data is never markup.
_FACTS = Markup(
    '<table class="xj-facts"><thead><tr><th>Figure</th><th>Value</th><th>Period</th><th>Src</th></tr></thead>'
    '<tbody>{}</tbody></table><ol class="xj-sources">{}</ol>'
)
_FACT_ROW = Markup('<tr data-start="{}" data-end="{}"><td>{}{}</td><td>{}</td><td>{}</td><td title="{}">[{}]</td></tr>')
_ABOUT = Markup('<div class="xj-about">{}</div>')
# What a figure counts, in the project's words (facts.csv's claim): a name and a value ("Visa-free tour group 167")
# did not say whose tourists, nor what a growth was measured against.
_CLAIM = Markup('<div class="xj-about xj-claim">{}</div>')
_SOURCE = Markup("<li>[{}] {}{}</li>")
# A link to an article opens beside the map; rel=noopener keeps the article's page from reaching back to ours.
_LINK = Markup(' <a href="{}" target="_blank" rel="noopener">{}</a>')
# A "read it" link's name for a screen reader says which source ("read it: [2] Xinhua, ..."): a page of links all
# named "read it" cannot be told apart in a list of links.
_NAMED_LINK = Markup(' <a href="{}" target="_blank" rel="noopener" aria-label="{}: {}">{}</a>')


_LIST = Markup('<ul class="xj-stacked" aria-label="{}">{}</ul>')
_ITEM = Markup("<li><b>{}</b>{}</li>")
_PAIR = Markup('<br><span class="xj-about">{}:</span> {}')


def stacked_list(frame: pd.DataFrame, caption: str) -> Markup:
    """A small table as a static list, one item per row (its first column in bold, then each other column's
    name and value), every text escaped: it reads in a narrow sidebar, and unlike a data grid it adds no work to
    a click elsewhere on the page."""
    first, *others = frame.columns
    items = Markup("").join(
        _ITEM.format(
            _text(row[first]),
            Markup("").join(_PAIR.format(column, _text(row[column])) for column in others if _text(row[column])),
        )
        for row in frame.to_dict("records")
    )
    return _LIST.format(caption, items)


def source_link(url: object, text: str = "read it", source: str = "") -> Markup:
    """An article's address as a link that opens in a new tab (escaped; only http(s) addresses become links), named
    for a screen reader by its text and the ``source`` it leads to."""
    address = _text(url)
    if not re.match(r"https?://", address):
        return Markup("")
    return _NAMED_LINK.format(address, text, source, text) if source else _LINK.format(address, text)


def citations(cited: pd.DataFrame) -> list[str]:
    """Each row's source as :func:`cite_source` writes it: the one citation of an article on the page."""
    blank = [""] * len(cited)
    return [
        cite_source(p, d, t, r, c)
        for p, d, t, r, c in zip(
            cited["source_publisher"],
            cited["source_published"],
            cited["source_title"],
            cited.get("source_published_range", blank),
            cited.get("source_caution", blank),
            strict=True,
        )
    ]


def source_numbers(cited: pd.DataFrame) -> dict[str, int]:
    """Each source id's number in ``facts_html``'s table of the same figures (its citation's, in the order the
    rows first cite it): the details panel numbers its charts' sources so, and "[1]" is one article in the panel."""
    lines = citations(cited)
    by_citation = _numbered(lines)
    numbers: dict[str, int] = {}
    for source, citation in zip(cited["source_id"], lines, strict=True):
        numbers.setdefault(source, by_citation[citation])
    return numbers


def _numbered(citations) -> dict[str, int]:
    """Citations numbered 1, 2, ... in the order the rows first give them: the one numbering of a table's sources."""
    return {citation: n for n, citation in enumerate(dict.fromkeys(citations), start=1)}


def facts_html(cited: pd.DataFrame) -> Markup:
    """The facts about one entity as a small HTML table with numbered sources, every text escaped.

    Each figure says what it counts (its claim) and, when it is about the place's parent (the Horgos port as a
    whole, for the Horgos road port), says so.
    """
    if cited.empty:
        return NO_FIGURES
    table = facts_table(cited)
    numbers = _numbered(table["Source"])
    claims = cited["claim"].map(_text) if "claim" in cited else [""] * len(cited)
    rows = Markup("").join(
        _FACT_ROW.format(
            *span(period),
            row.Figure,
            (_CLAIM.format(claim) if claim else "") + (_ABOUT.format(note) if note else ""),
            row.Value,
            row.Period,
            row.Source,
            numbers[row.Source],
        )
        for row, note, claim, period in zip(
            table.itertuples(), about_notes(cited), claims, cited["period"], strict=True
        )
    )
    links = dict(zip(table["Source"], table["Link"], strict=True))
    sources = Markup("").join(
        _SOURCE.format(n, source, source_link(links[source], source=f"[{n}] {source}")) for source, n in numbers.items()
    )
    return _FACTS.format(rows, sources)


def _period_label(period: str) -> str:
    """``2025-01/2025-08`` → ``Jan–Aug 2025``; ``../2025-06-30`` → ``by 30 Jun 2025`` (as written if unreadable)."""
    try:
        return periods.label(period)
    except DataError:
        return period


def span(period: str) -> tuple[str, str]:
    """A figure's period as ISO first and last day, for the map to hide figures outside the period filter."""
    try:
        found = periods.parse(period)
    except DataError:
        return ("", "")
    return (found.start.isoformat() if found.start else "", found.end.isoformat())


NO_FIGURES_TEXT = "No figures for this place in the articles."
NO_FIGURES = Markup('<p class="xj-none">{}</p>').format(NO_FIGURES_TEXT)


def about_notes(cited: pd.DataFrame) -> list[str]:
    """For each figure, a note when it is about the place's parent rather than the place itself."""
    if "about" not in cited:
        return [""] * len(cited)
    names = cited["about_name"] if "about_name" in cited else cited["about"]
    return [
        f"about {name or about} as a whole" if about != entity else ""
        for about, entity, name in zip(cited["about"], cited["entity_id"], names, strict=True)
    ]


ZONE_KIND_LABELS = {
    "ftz_section": "Pilot FTZ area",
    "comprehensive_bonded_zone": "comprehensive bonded zone",
    "border_cooperation_center": "border cooperation centre",
}
# Figures shown as sortable columns in the ports table (others stay in the details panel).
KEY_PORT_METRICS = (
    "vehicle_exports",
    "china_europe_train_routes",
    "china_europe_trains_departed",
    "passenger_cargo_routes",
    "intl_passenger_trips",
    "intl_cargo_throughput",
)


def _text(value: object) -> str:
    return "" if value is None or (isinstance(value, float) and math.isnan(value)) else str(value)


def short_label(layer: str, place: pd.Series) -> str:
    """A place's name as a map label: ``Horgos road``, ``Bakhty``, ``FTZ Kashgar Area``, ``Urumqi bonded zone``.

    A ``label`` in the data wins; otherwise the name loses its bracketed part and its generic words.
    """
    given = _text(place.get("label"))
    if given:
        return given
    name = re.sub(r"\s*\(.*?\)", "", str(place["name"])).replace("International ", "").strip()
    if layer == "ports":
        name = re.sub(r" Area$", "", name)
        name = re.sub(r" Road Port$", " road", name)
        name = re.sub(r" Railway Port$", " rail", name)
        return name if name.endswith("Land Port") else re.sub(r" Port$", "", name)
    if layer == "zones":
        if " – " in name:
            return "FTZ " + name.split(" – ")[-1]
        return name.replace(" Comprehensive Bonded Zone", " bonded zone")
    return name


def describe(layer: str, place: pd.Series) -> str:
    """One line saying what a place is, for popups and the details panel."""
    if layer == "ports":
        country = NEIGHBOUR_COUNTRIES.get(_text(place["border_country"]), "")
        parts = (
            place["name_zh"],
            " + ".join(place["modes"]),
            f"{place['kind']} port",
            place["status"],
            f"border with {country}" if country else "",
            f"opposite {place['partner_crossing']}" if _text(place["partner_crossing"]) else "",
        )
    elif layer == "corridors":
        parts = (
            place["status"].replace("_", " "),
            f"{place['length_km']:,.0f} km as drawn",
            " → ".join(place["waypoints"]),
            f"gauge change: {place['gauge_change']}" if _text(place["gauge_change"]) else "",
        )
    else:
        parts = (place["name_zh"], ZONE_KIND_LABELS[place["kind"]], f"official area {place['official_area_km2']:g} km²")
    return " · ".join(str(p) for p in parts if p)


def location_note(layer: str, place: pd.Series) -> str:
    """What a place's popup and details panel say of where it is drawn: an approximate position and how far off
    it may be, an inland clearance area, a schematic line or a footprint that is not the real boundary."""
    if layer == "corridors":
        return f"Schematic line: {place['geometry_note']}"
    if layer != "ports":
        return _text(place["location_note"])
    note = f"Approximate location: {place['location_note']}" if place["location_accuracy"] == "approximate" else ""
    parts = [note]
    radius = optional_number(place.get("uncertainty_km"))
    # The note often gives the radius in its own words ("up to about 5 km from this point"): said once.
    if radius is not None and f"{radius:g} km" not in note:
        parts.append(f"Within {radius:g} km of this point.")
    if optional_number(place.get("clearance_km")) is not None:
        parts.append(
            f"Clearance area: {place['clearance_name']}, {place['clearance_km']:g} km from the crossing in a straight "
            "line (the small mark joined by a line)."
        )
    return " ".join(p for p in parts if p)


def optional_number(value: object) -> float | None:
    """A number from a table cell, None where it is empty."""
    return None if value is None or (isinstance(value, float) and pd.isna(value)) else float(value)


def split_reference(reference: str) -> tuple[str, str]:
    """A location reference ("Wikipedia, 'Khorgos': 44°12′45″N 80°24′35″E (https://...)") as its words and its
    address ("" when it ends in none); an address may hold parentheses, as Wikipedia's do."""
    at = reference.rfind(" (http")
    if at < 0 or not reference.endswith(")"):
        return reference, ""
    return reference[:at], reference[at + 2 : -1]


_REFERENCE = Markup("{} ({})")


def reference_html(reference: str) -> Markup:
    """A location reference as HTML, escaped, its address a link that opens in a new tab (http(s) only)."""
    words, address = split_reference(reference)
    if not re.match(r"https?://", address):
        return mark_chinese(reference)
    return _REFERENCE.format(mark_chinese(words), source_link(address, address).lstrip())


def ports_table(ports: pd.DataFrame, facts: pd.DataFrame | None = None) -> pd.DataFrame:
    """The ports as a sortable table, with their headline figures (blank where no article gives one).

    With ``facts`` a headline figure is a cell the browser sorts by its number and shows as an analyst would quote
    it, qualifier, unit and period and all ({"value": 9500, "text": "over 9,500 (2025)"}): a bare 9,500 beside
    another port's 2024 figure would drop the "over" and hide that the two are of different periods.
    """
    table = pd.DataFrame(
        {
            "id": ports["id"],
            "Name": ports["name"],
            "中文": ports["name_zh"],
            "Modes": ports["modes"].map(" + ".join),
            "Kind": ports["kind"],
            "Country": ports["border_country"].map(_text),
            "Status": ports["status"],
            "Location": ports["location_accuracy"],
            "Figures": ports["fact_count"],
        }
    )
    for metric in KEY_PORT_METRICS:
        if metric in ports:
            values = ports[metric]
            if facts is not None:
                told = facts[facts["metric"] == metric]
                values = pd.Series(
                    [
                        _key_figure(told[told["entity_id"] == pid], v)
                        for pid, v in zip(ports["id"], values, strict=True)
                    ],
                    index=ports.index,
                    dtype=object,
                )
            table[metric_label(metric)] = values
    return table.reset_index(drop=True)


def _key_figure(rows: pd.DataFrame, value: object) -> dict | None:
    """A headline figure as a table cell: its number to sort by and the text to show (the latest period's row of
    that value where several agree on it)."""
    number = optional_number(value)
    if number is None:
        return None
    same = rows[rows["value"].astype(float) == number]
    if same.empty:
        return {"value": number, "text": format_number(number)}
    row = max(same.itertuples(), key=lambda r: periods.parse(r.period).end)
    quoted = format_value(number, row.unit, _text(row.qualifier))
    return {"value": int(number) if number.is_integer() else number, "text": f"{quoted} ({_period_label(row.period)})"}


def corridors_table(corridors: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "id": corridors["id"],
            "Name": corridors["name"],
            "Status": corridors["status"].str.replace("_", " "),
            "Length as drawn (km)": corridors["length_km"],
            "Via ports": corridors["via_ports"].map(", ".join),
            "Gauge change": corridors["gauge_change"].map(_text),
        }
    ).reset_index(drop=True)


def zones_table(zones: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "id": zones["id"],
            "Name": zones["name"],
            "中文": zones["name_zh"],
            "Kind": zones["kind"].map(ZONE_KIND_LABELS),
            "Official area (km²)": zones["official_area_km2"],
            "Part of": zones["parent"].map(_text),
        }
    ).reset_index(drop=True)
