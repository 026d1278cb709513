"""Vega-Lite charts of the cited figures (a place, the region, the filtered ports), each with its data and sources."""

from __future__ import annotations

import itertools
import json
import re
import textwrap
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import date

import pandas as pd

from geo.data import join, periods
from geo.render import present
from geo.render.export import safe_csv
from geo.settings import MODES, NEIGHBOUR_COUNTRIES

SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json"
HEIGHT = 180
# Fit the width to the page but keep the height for the plot: Streamlit's default ("fit") squeezes the legend
# into the height, which leaves a two-source chart with no room for its bars.
AUTOSIZE = {"type": "fit-x", "contains": "padding"}
REGION_ENTITIES: tuple[str, ...] = ("xinjiang", "xinjiang-ftz", "xinjiang-cbz")
# Short names for the legend; the groups table's names are too long to sit beside a bar.
REGION_LABELS: dict[str, str] = {
    "xinjiang": "Xinjiang (whole region)",
    "xinjiang-ftz": "Free trade zone (all areas)",
    "xinjiang-cbz": "Comprehensive bonded zones (all four)",
}
# Axis words per unit; a scale word ("billion") goes in front when the figures are that large.
UNIT_TITLES: dict[str, str] = {
    "percent": "%",
    "percentage_points": "percentage points",
    "count": "",
    "hours": "hours",
    "minutes": "minutes",
    "tonnes": "tonnes",
    "km2": "km²",
    "m2": "m²",
    "CNY": "CNY",
}
SCALES: tuple[tuple[float, str], ...] = ((1e9, "billion"), (1e6, "million"))
# A count chart's tooltip names this many ports at most: at 10,000 ports a bar's every name filled the screen.
# The CSV download keeps every name.
TOOLTIP_NAMES = 8
NO_COUNTRY = "none (airport or inland port)"
PORTS_LAYER = "data/geojson/ports.geojson"
# The columns a chart's CSV download holds, in order (those the chart has).
CSV_COLUMNS: tuple[str, ...] = (
    "entity_id",
    "entity",
    "metric",
    "figure",
    "value",
    "unit",
    "qualifier",
    "label",
    "period",
    "period_label",
    "period_start",
    "period_end",
    "source_id",
    "source",
    "about",
    "about_note",
    "fact_id",
    "claim",
)


@dataclass(frozen=True)
class Headline:
    """A region-wide chart: the metrics (matched by name and unit) of the region's entities it compares."""

    key: str
    title: str
    pattern: str
    unit: str
    entities: tuple[str, ...] = REGION_ENTITIES


HEADLINES: tuple[Headline, ...] = (
    Headline("trade-value", "Foreign trade value", r"(?:^|_)trade_value$", "CNY"),
    Headline("trade-growth", "Foreign trade growth", r"^(?:foreign_)?trade_growth", "percent"),
    Headline("trade-share", "Share of the region's foreign trade", r"^share_of_region_trade$", "percent"),
    Headline(
        "ftz-enterprises", "New enterprises in the free trade zone", r"^new_enterprises$", "count", ("xinjiang-ftz",)
    ),
)


@dataclass(frozen=True)
class Chart:
    """One chart: a Vega-Lite spec with its data inside, the same data for a CSV download, and its sources.

    ``sources`` holds one plain-text line per article (or reference); render them literally, never as HTML.
    """

    key: str
    title: str
    spec: dict
    data: pd.DataFrame
    sources: tuple[str, ...]
    left_out: int = 0
    note: str = ""

    @property
    def source_line(self) -> str:
        """``Sources: [1] ...; [2] ...`` on one line."""
        head = "Source" if len(self.sources) == 1 else "Sources"
        return f"{head}: " + "; ".join(self.sources)

    @property
    def filename(self) -> str:
        return f"{self.key}.csv"

    def to_csv(self) -> str:
        """The chart's data as every download is written (:func:`geo.render.export.safe_csv`)."""
        return safe_csv(self.data)


@dataclass(frozen=True)
class Charts:
    """The charts of one part of the page, and how many figures the period filter left out of them."""

    charts: tuple[Chart, ...] = ()
    left_out: int = 0
    note: str = ""

    def __iter__(self) -> Iterator[Chart]:
        return iter(self.charts)

    def __len__(self) -> int:
        return len(self.charts)


# ---------------------------------------------------------------- public builders


def place_charts(
    cited: pd.DataFrame,
    entity_id: str,
    start: date | None = None,
    end: date | None = None,
    name: str = "",
    min_figures: int = 1,
    numbers: Mapping[str, int] | None = None,
) -> Charts:
    """One chart per metric and unit of a place's figures; disagreeing sources side by side.

    Parameters
    ----------
    cited : DataFrame
        ``geo.data.join.cite`` output, ideally passed through ``geo.data.join.with_parents`` so that figures about
        the place's group (the Horgos port as a whole) come along, marked by ``about``/``about_name``.
    entity_id : str
        The place (or group entity) to chart.
    start, end : date, optional
        The period filter: only figures whose period overlaps [start, end] are charted.
    name : str, optional
        The place's name, for the ``entity`` column of the data (its id otherwise).
    min_figures : int
        Chart only metrics with at least this many figures (2: only where there is something to compare).
    numbers : mapping, optional
        Each source's number (``present.source_numbers`` of the place's figures table), so that the charts cite
        "[1]" as the table beside them does; a source not in it is numbered after them. Without it each chart
        numbers its own sources from 1.

    Returns
    -------
    Charts
        Period on the x axis (in time order), one bar per source and period, coloured by source, each
        labelled with its value as quoted (``nearly 370%``); figures about the parent group are paler.
    """
    rows = cited[cited["entity_id"] == entity_id]
    rows, left_out = periods.keep_in_range(rows, start, end)
    charts = []
    for (metric, unit), group in _groups(rows, ["metric", "unit"]):
        if len(group) < min_figures:
            continue
        label = title = present.metric_label(metric)
        parents = _about_names(group)
        if parents and len(parents) == len(group):
            title += f" — {parents[0]} as a whole"
        table = _table(group, {entity_id: name} if name else None, numbers)
        chart = _bar_chart(
            key=_key("place", entity_id, metric),
            title=title,
            table=table,
            x=("period_label", "Period"),
            series=_series(table, always=("source_key",)),
            y_title=_y_title(label if len(label) < 40 else "", unit, group["value"]),
            left_out=0,
        )
        charts.append(replace(chart, note=" ".join(n for n in (chart.note, _disagreement(table)) if n)))
    return Charts(tuple(charts), left_out, _left_out_note(left_out, start, end))


def region_charts(
    cited: pd.DataFrame,
    start: date | None = None,
    end: date | None = None,
    names: Mapping[str, str] | None = None,
    headlines: tuple[Headline, ...] = HEADLINES,
) -> Charts:
    """The region's headline charts: trade value and growth, the zones' share of trade, FTZ enterprises.

    Each chart of ``headlines`` takes the facts of its entities whose metric matches its pattern and unit;
    a chart with no such figure (or none left by the period filter) is skipped, not drawn empty.

    Parameters
    ----------
    cited : DataFrame
        ``geo.data.join.cite`` output (any entities; only the region's are read).
    start, end : date, optional
        The period filter.
    names : mapping, optional
        Entity id → name for the legend, for entities ``REGION_LABELS`` does not name.

    Returns
    -------
    Charts
    """
    labels = {**(names or {}), **REGION_LABELS}
    charts, left_out = [], 0
    for headline in headlines:
        by_name = cited["metric"].str.contains(headline.pattern, regex=True).astype(bool)
        rows = cited[cited["entity_id"].isin(headline.entities) & (cited["unit"] == headline.unit) & by_name]
        rows, dropped = periods.keep_in_range(rows, start, end)
        left_out += dropped
        if rows.empty:
            continue
        parts = _like_with_like(rows)
        for part_rows, apart in parts:
            table = _table(part_rows, labels)
            key, title, note = _key("region", headline.key), headline.title, ""
            if len(parts) > 1:
                name = _part_name(table, rows)
                key, title = (
                    _key("region", headline.key, *part_rows[["entity_id", "metric"]].iloc[0]),
                    f"{title}: {name}",
                )
                note = f"Charted apart from {apart}, whose figures are for other periods: not comparable."
            chart = _bar_chart(
                key=key,
                title=title,
                table=table,
                x=("period_label", "Period"),
                series=_series(table, varying=("entity",), within_entity=("figure",), within_x=("source_key",)),
                y_title=_y_title("", headline.unit, part_rows["value"]),
                left_out=dropped if part_rows is parts[0][0] else 0,
            )
            notes = (chart.note, note, _disagreement(table))
            charts.append(replace(chart, note=" ".join(n for n in notes if n)))
    return Charts(tuple(charts), left_out, _left_out_note(left_out, start, end))


def ports_charts(
    ports: pd.DataFrame,
    cited: pd.DataFrame,
    start: date | None = None,
    end: date | None = None,
    min_ports: int = 2,
) -> Charts:
    """The filtered ports compared: how many per mode and per neighbouring country, and shared figures per port.

    Parameters
    ----------
    ports : DataFrame
        The ports shown (after the filters), indexed by id, with ``name``, ``modes`` and ``border_country``.
    cited : DataFrame
        ``geo.data.join.cite`` output (``with_parents`` output is fine: figures copied from a group are left out,
        so two ports of one group are not compared on the same figure).
    start, end : date, optional
        The period filter, for the figures (the counts are of the layer, which has no period).
    min_ports : int
        A metric is charted when at least this many of the shown ports have a figure for it (of any period).

    Returns
    -------
    Charts
        The mode chart, the country chart (when a shown port is on a border), then one chart per shared metric.
    """
    charts = [c for c in (_mode_chart(ports), _country_chart(ports)) if c is not None]
    own = cited[cited["entity_id"].isin(ports.index)]
    if "about" in own:
        own = own[own["about"] == own["entity_id"]]
    # Which metrics are shared is decided before the period filter, so the filter only removes figures
    # (and counts them) rather than making a comparison vanish unannounced.
    shared = own.groupby(["metric", "unit"])["entity_id"].transform("nunique") >= min_ports
    own, left_out = periods.keep_in_range(own[shared], start, end)
    names = {pid: present.short_label("ports", place) for pid, place in ports.iterrows()}
    for (metric, unit), group in _groups(own, ["metric", "unit"]):
        title = present.metric_label(metric)
        table = _table(group, names)
        charts.append(
            _bar_chart(
                key=_key("ports", metric),
                title=f"{title} by port",
                table=table,
                x=("entity", "Port"),
                series=_series(table, x="entity", varying=("period_label",), within_x=("source_key",)),
                y_title=_y_title(title, unit, group["value"]),
                left_out=0,
            )
        )
    return Charts(tuple(charts), left_out, _left_out_note(left_out, start, end))


# A chart's words in the page's own text colours (.streamlit/config.toml; Streamlit's dark text): Vega draws the
# bars' value labels black unless told, unreadable on the dark page, and Streamlit's grey axis labels read at
# 3.7:1 on the light one, under WCAG AA's 4.5:1.
LABEL_COLORS = {"light": "#111111", "dark": "#fafafa"}


def themed(spec: dict, theme: str | None) -> dict:
    """The spec with its value labels, axes and legend in the text colour of the page's light or dark theme
    (light when unknown)."""
    color = LABEL_COLORS.get(theme or "light", LABEL_COLORS["light"])
    config = spec.get("config", {})
    words = {
        "text": {"color": color},
        "axis": {"labelColor": color, "titleColor": color},
        "legend": {"labelColor": color, "titleColor": color},
    }
    return spec | {"config": config | {part: config.get(part, {}) | colors for part, colors in words.items()}}


def data_in_layers(spec: dict) -> dict:
    """The spec with its rows, encoding and layers one level down, in a layer of its own.

    Streamlit takes a spec's top-level rows out into a table of its own, and the browser then draws the chart twice:
    empty first (Vega-Lite warns of an "Infinite extent" for every field), then with its rows. Rows in a nested layer
    stay in the spec, once, so the chart is drawn once, with them.
    """
    if "data" not in spec or "layer" not in spec:
        return spec
    inner = {k: spec[k] for k in ("data", "transform", "encoding", "layer") if k in spec}
    return {k: v for k, v in spec.items() if k not in inner} | {"layer": [inner]}


def spec_json(chart: Chart) -> str:
    """The chart's spec as strict JSON (no NaN), as the browser receives it."""
    return json.dumps(chart.spec, ensure_ascii=False, allow_nan=False)


# ---------------------------------------------------------------- tables


def _groups(rows: pd.DataFrame, by: list[str]):
    if rows.empty:
        return []
    return rows.groupby(by, sort=True)


def _about_names(rows: pd.DataFrame) -> list[str]:
    """The parent's name for each row about the place's group (not the place itself)."""
    if "about" not in rows:
        return []
    names = rows["about_name"] if "about_name" in rows else rows["about"]
    return [
        name or about
        for about, entity, name in zip(rows["about"], rows["entity_id"], names, strict=True)
        if about != entity
    ]


def _table(
    rows: pd.DataFrame, entity_names: Mapping[str, str] | None = None, numbers: Mapping[str, int] | None = None
) -> pd.DataFrame:
    """The readable columns of a chart's figures, one row per figure, sorted by period then source, each source
    numbered as in ``numbers`` (or from 1 in the order the chart first cites it)."""
    parsed = periods.parse_all(rows)
    sources = present.citations(rows)
    about = rows.get("about", rows["entity_id"])
    about_names = rows.get("about_name", about)
    table = pd.DataFrame(
        {
            "entity_id": rows["entity_id"].to_numpy(),
            "entity": [(entity_names or {}).get(e, e) for e in rows["entity_id"]],
            "metric": rows["metric"].to_numpy(),
            "figure": [present.metric_label(m) for m in rows["metric"]],
            "value": rows["value"].astype(float).to_numpy(),
            "unit": rows["unit"].to_numpy(),
            "qualifier": rows["qualifier"].fillna("").to_numpy(),
            "label": [
                present.format_value(v, u, q or "")
                for v, u, q in zip(rows["value"], rows["unit"], rows["qualifier"].fillna(""), strict=True)
            ],
            "period": rows["period"].to_numpy(),
            "period_label": [p.label for p in parsed],
            "period_start": [p.start.isoformat() if p.start else "" for p in parsed],
            "period_end": [p.end.isoformat() for p in parsed],
            "source_id": rows["source_id"].to_numpy(),
            "source": sources,
            "about": about.to_numpy(),
            "about_note": [
                f"about {name or a} as a whole" if a != e else ""
                for a, e, name in zip(about, rows["entity_id"], about_names, strict=True)
            ],
            "fact_id": rows["fact_id"].to_numpy(),
            "claim": rows["claim"].to_numpy(),
        }
    )
    order = sorted(
        range(len(parsed)), key=lambda i: (parsed[i].sort_key, table["source_id"].iat[i], table["fact_id"].iat[i])
    )
    table = table.iloc[order].reset_index(drop=True)
    numbers = dict(numbers or {})
    for source in dict.fromkeys(table["source_id"]):
        numbers.setdefault(source, max(numbers.values(), default=0) + 1)
    short = dict(zip(rows["source_id"], rows["source_publisher"], strict=True))
    table["source_key"] = [f"[{numbers[s]}] {_short_publisher(short[s])}" for s in table["source_id"]]
    return table


def _like_with_like(rows: pd.DataFrame) -> list[tuple[pd.DataFrame, str]]:
    """A region chart's figures, split so that bars side by side compare like with like.

    Figures of different places or measures (the bonded zones' trade beside the region's) share one chart only
    when they are for the same periods; otherwise each place and measure gets its own chart. Returns (rows, the
    others' names) per chart: one part, named "", when nothing is split.
    """
    parsed = periods.parse_all(rows)
    spans = pd.Series([(p.start, p.end) for p in parsed], index=rows.index)
    groups = list(rows.groupby(["entity_id", "metric"], sort=False))
    if len(groups) < 2 or len({frozenset(spans[g.index]) for _, g in groups}) == 1:
        return [(rows, "")]
    names = [_part_name(_table(g, REGION_LABELS), rows) for _, g in groups]
    return [(group, " and ".join(n for j, n in enumerate(names) if j != i)) for i, (_, group) in enumerate(groups)]


def _part_name(table: pd.DataFrame, rows: pd.DataFrame) -> str:
    """What sets one part of a split chart apart: its place, and its measure where that place has several."""
    entity, metric = table["entity_id"].iat[0], table["metric"].iat[0]
    words = [str(table["entity"].iat[0])] if rows["entity_id"].nunique() > 1 else []
    if not words or rows.loc[rows["entity_id"] == entity, "metric"].nunique() > 1:
        words.append(present.metric_label(metric).lower() if words else present.metric_label(metric))
    return ", ".join(words)


def _disagreement(table: pd.DataFrame) -> str:
    """A word on what the bars compare: whether two articles disagree on one place's figure
    (``join.conflicting``: the same period, or overlapping ones for a rate or share), or give figures for
    different periods, which are not a conflict."""
    rows = list(table[["about", "source_id", "period", "value", "unit"]].itertuples(index=False))
    differ = False
    for a, b in itertools.combinations(rows, 2):
        if a.about != b.about or a.source_id == b.source_id or a.value == b.value:
            continue
        if join.conflicting(a, b):
            return "The articles disagree: different figures for the same or overlapping periods, so the bars compare sources."
        differ = True
    if differ:
        return "The periods differ, so the figures are not comparable: each bar is its own period, not a conflict."
    return ""


def _short_publisher(publisher: str) -> str:
    """``People's Daily (Ouyang Jie), republished by a news site`` → ``People's Daily`` (for a legend)."""
    short = re.split(r"\s*[(,]", str(publisher), maxsplit=1)[0].strip()
    return (short[:37] + "...") if len(short) > 40 else short or "unnamed"


def _series(
    table: pd.DataFrame,
    x: str = "period_label",
    always: tuple[str, ...] = (),
    varying: tuple[str, ...] = (),
    within_entity: tuple[str, ...] = (),
    within_x: tuple[str, ...] = (),
) -> str:
    """Name the bars beside each other at one x: ``always`` columns, those of ``varying`` that vary in the chart,
    those of ``within_entity`` that vary for one entity, and those of ``within_x`` that vary at some x (so two
    sources for one period never hide each other).

    Sets the table's ``series`` column and returns the legend title.
    """
    parts = [
        *always,
        *(c for c in varying if table[c].nunique() > 1),
        *(c for c in within_entity if (table.groupby("entity")[c].nunique() > 1).any()),
        *(c for c in within_x if c not in always and (table.groupby(x)[c].nunique() > 1).any()),
    ]
    titles = {"source_key": "Source", "entity": "Entity", "figure": "Figure", "period_label": "Period"}
    table["series"] = [" · ".join(str(row[c]) for c in parts) for _, row in table.iterrows()] if parts else ""
    return " · ".join(titles[c] for c in parts)


def _scale(values: pd.Series) -> tuple[float, str]:
    top = float(values.abs().max()) if len(values) else 0.0
    for size, word in SCALES:
        if top >= size:
            return size, word
    return 1.0, ""


def _y_title(prefix: str, unit: str, values: pd.Series) -> str:
    """``Vehicle exports (number)``, ``billion CNY``, ``%``: the unit, with its scale, in the axis title."""
    _, word = _scale(values)
    unit_word = UNIT_TITLES.get(unit, unit)
    if unit == "count":
        unit_word = "millions" if word == "million" else "billions" if word == "billion" else "number"
        word = ""
    text = f"{word} {unit_word}".strip()
    return f"{prefix} ({text})" if prefix else text


def _key(*parts: str) -> str:
    return "-".join(re.sub(r"[^a-z0-9_]+", "-", p.lower()).strip("-") for p in parts)


def _left_out_note(left_out: int, start: date | None, end: date | None) -> str:
    if not left_out or (start is None and end is None):
        return ""
    span = periods.range_label(start, end) if start and end else (f"from {start}" if start else f"to {end}")
    figures = "figure" if left_out == 1 else "figures"
    return f"{left_out} {figures} outside {span} not shown."


def _source_lines(table: pd.DataFrame) -> tuple[str, ...]:
    """``[1] publisher, date: “title” — periods: Jan–Aug 2025, 2025``, one per source, numbered as in the legend."""
    lines = []
    for _, rows in table.groupby("source_id", sort=False):
        number = int(rows["source_key"].iat[0][1:].split("]")[0])
        lines.append((number, f"[{number}] {rows['source'].iat[0]} — periods: {periods.labels(rows['period'])}"))
    return tuple(line for _, line in sorted(lines))


# ---------------------------------------------------------------- specs

# A title longer than this is drawn on lines of at most this many characters: Vega cut a long one to the chart's
# width with an ellipsis ("Share of the region's foreign trade: Comprehensive bonded…"), most of all on a phone.
TITLE_LINE = 38


def title_lines(title: str) -> str | list[str]:
    """The title as Vega draws it: as it is when short, else its words on lines of at most TITLE_LINE characters."""
    return title if len(title) <= TITLE_LINE else textwrap.wrap(title, TITLE_LINE)


def _records(table: pd.DataFrame) -> list[dict]:
    """The table as JSON-safe records (NaN → None) for the spec's inline data."""
    return json.loads(table.to_json(orient="records", force_ascii=False))


def _bar_chart(
    key: str,
    title: str,
    table: pd.DataFrame,
    x: tuple[str, str],
    series: str,
    y_title: str,
    left_out: int,
) -> Chart:
    size, _ = _scale(table["value"])
    table["plot_value"] = table["value"] / size
    x_field, x_title = x
    x_order = list(dict.fromkeys(table[x_field]))
    series_order = list(dict.fromkeys(table["series"]))
    tooltip = [
        {"field": "figure", "title": "Figure"},
        {"field": "label", "title": "Value"},
        {"field": "period_label", "title": "Period"},
        {"field": "source", "title": "Source"},
    ]
    if x_field == "entity" or table["entity"].nunique() > 1:
        tooltip.insert(0, {"field": "entity", "title": "Place"})
    bar_encoding: dict = {}
    note = ""
    if series:
        bar_encoding["color"] = {
            "field": "series",
            "type": "nominal",
            "title": series,
            "sort": series_order,
            "legend": {"orient": "bottom", "direction": "vertical", "labelLimit": 360},
        }
    # Paler bars set a group's figures apart from the place's own; when all are the group's the title says so.
    if table["about_note"].nunique() > 1:
        scopes = list(dict.fromkeys(n or "this place" for n in table["about_note"]))
        table["scope"] = [n or "this place" for n in table["about_note"]]
        bar_encoding["opacity"] = {
            "field": "scope",
            "type": "nominal",
            "title": "Figure is",
            "scale": {"domain": scopes, "range": [1.0 if s == "this place" else 0.45 for s in scopes]},
            "legend": {"orient": "bottom", "labelLimit": 360},
        }
        note = "Paler bars: " + "; ".join(s for s in scopes if s != "this place") + "."
    if (table["about_note"] != "").any():
        tooltip.append({"field": "about_note", "title": "About"})
    tooltip.append({"field": "claim", "title": "Claim"})
    encoding = {
        "x": {
            "field": x_field,
            "type": "ordinal",
            "title": x_title,
            "sort": x_order,
            "axis": {"labelAngle": 0, "labelLimit": 160},
        },
        "y": {"field": "plot_value", "type": "quantitative", "title": y_title},
        "tooltip": tooltip,
    }
    if series and (table.groupby(x_field)["series"].nunique() > 1).any():
        # Bars share an x only where they must (two sources for one period): a slot per series everywhere
        # would push lone bars off centre.
        encoding["xOffset"] = {"field": "series", "type": "nominal", "sort": series_order}
    spec = {
        "$schema": SCHEMA,
        "title": {"text": title_lines(title), "anchor": "start"},
        "height": HEIGHT,
        "autosize": AUTOSIZE,
        "data": {"values": _records(table)},
        "encoding": encoding,
        "layer": [
            {"mark": {"type": "bar", "tooltip": True}, "encoding": bar_encoding},
            {
                "mark": {"type": "text", "baseline": "bottom", "dy": -3, "fontSize": 11},
                "encoding": {"text": {"field": "label", "type": "nominal"}},
            },
        ],
    }
    data = table.loc[:, [c for c in CSV_COLUMNS if c in table]]
    return Chart(key, title, spec, data, _source_lines(table), left_out, note)


def _count_chart(key: str, title: str, x_title: str, counts: pd.DataFrame, note: str) -> Chart:
    """A bar per category with the number of shown ports; the source is the ports layer itself."""
    total = int(counts.attrs.get("ports", counts["ports"].sum()))
    shown = counts.assign(label=counts["ports"].astype(str))
    spec = {
        "$schema": SCHEMA,
        "title": {"text": title_lines(title), "anchor": "start"},
        "height": HEIGHT,
        "autosize": AUTOSIZE,
        "data": {"values": _records(shown.drop(columns="names"))},  # the tooltip's "which", not every name
        "encoding": {
            "x": {
                "field": "category",
                "type": "ordinal",
                "title": x_title,
                "sort": list(counts["category"]),
                # Every category named: slanted rather than thinned out when names crowd the axis.
                "axis": {"labelAngle": -35, "labelLimit": 160, "labelOverlap": False},
            },
            "y": {
                "field": "ports",
                "type": "quantitative",
                "title": "Ports shown (number)",
                "axis": {"tickMinStep": 1},
            },
            "tooltip": [
                {"field": "category", "title": x_title},
                {"field": "ports", "title": "Ports"},
                {"field": "which", "title": "Which"},
            ],
        },
        "layer": [
            {"mark": {"type": "bar", "tooltip": True}},
            {
                "mark": {"type": "text", "baseline": "bottom", "dy": -3, "fontSize": 11},
                "encoding": {"text": {"field": "label", "type": "nominal"}},
            },
        ],
    }
    ports = "port" if total == 1 else "ports"
    source = (
        f"the explorer's ports layer ({PORTS_LAYER}): the {total} {ports} shown after the filters, "
        "each located by the references in its details; counts from the layer, not from an article."
    )
    data = counts.loc[:, ["category", "ports", "names"]].rename(columns={"category": x_title.lower()})
    return Chart(key, title, spec, data, (source,), 0, note)


def _count_row(category: str, having: list[str]) -> dict:
    """A bar's row: its ports' names in full (for the CSV) and the first :data:`TOOLTIP_NAMES` (for the tooltip)."""
    which = ", ".join(having[:TOOLTIP_NAMES])
    if len(having) > TOOLTIP_NAMES:
        which += f" and {len(having) - TOOLTIP_NAMES:,} more (every name in the CSV)"
    return {"category": category, "ports": len(having), "names": ", ".join(having), "which": which}


def _mode_chart(ports: pd.DataFrame) -> Chart | None:
    if ports.empty:
        return None
    rows = []
    for mode in MODES:
        having = [present.short_label("ports", p) for _, p in ports.iterrows() if mode in list(p["modes"])]
        if having:
            rows.append(_count_row(mode, having))
    counts = pd.DataFrame(rows, columns=["category", "ports", "names", "which"])
    counts.attrs["ports"] = len(ports)
    combined = sum(len(list(m)) > 1 for m in ports["modes"])
    note = "A port with several modes (road + rail) counts under each." if combined else ""
    return _count_chart("ports-by-mode", "Ports shown by mode", "Mode", counts, note)


def _country_chart(ports: pd.DataFrame) -> Chart | None:
    countries = [c if isinstance(c, str) and c else "" for c in ports.get("border_country", pd.Series(dtype=object))]
    if not any(countries):
        return None
    order = [*NEIGHBOUR_COUNTRIES, ""]
    rows = []
    for code in sorted(set(countries), key=lambda c: order.index(c) if c in order else len(order)):
        having = [
            present.short_label("ports", p) for (_, p), c in zip(ports.iterrows(), countries, strict=True) if c == code
        ]
        category = NEIGHBOUR_COUNTRIES.get(code, code) if code else NO_COUNTRY
        rows.append(_count_row(category, having))
    counts = pd.DataFrame(rows, columns=["category", "ports", "names", "which"])
    counts.attrs["ports"] = len(ports)
    return _count_chart("ports-by-country", "Ports shown by neighbouring country", "Country", counts, "")
