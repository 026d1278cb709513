"""The data model's rules across tables: locations, clearances, dates, ids, events, facts' entities, articles."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path

import pandas as pd

from geo import settings
from geo.data import periods
from geo.data.load import parse_coordinate, split_list
from geo.data.problems import feature_at, table_rows


def model_problems(tables: Mapping[str, pd.DataFrame], data_dir: Path) -> list[str]:
    """Rules a Table Schema cannot say: how a place is located, coordinates that parse, lines of 2+ stations.

    Run on tables that already pass :func:`tables_problems`.
    """
    data_dir = Path(data_dir)
    problems: list[str] = []
    ports, stations, zones = tables["ports"], tables["stations"], tables["zones"]
    for number, row in enumerate(table_rows(stations), start=2):
        where = f"{data_dir / 'stations.csv'}: row {number} (station {row['id']!r})"
        problems += _coordinate_problems(row["coordinate"], where)
        if row["aliases_ref"] and not row["aliases"]:
            problems.append(
                f"{where}: field 'aliases_ref': expected empty (it names the reference for the aliases, and there are "
                f"none); got {row['aliases_ref']!r}."
            )
    located_ports = set()
    for number, row in enumerate(table_rows(ports), start=2):
        where = f"{data_dir / 'ports.csv'}: row {number} (port {row['id']!r})"
        unknown = row["location_accuracy"] == "unknown"
        given = [name for name in ("coordinate", "coordinate_ref", "located_at") if row[name]]
        if unknown and given:
            problems.append(
                f"{where}: field {given[0]!r}: expected empty (location_accuracy is 'unknown': no position); got {row[given[0]]!r}."
            )
        elif not unknown and bool(row["coordinate"]) == bool(row["located_at"]):
            problems.append(
                f"{where}: field 'coordinate': expected either a coordinate or a station in 'located_at' "
                "(or location_accuracy 'unknown'); got " + ("both." if row["coordinate"] else "neither.")
            )
        elif row["coordinate"] and not row["coordinate_ref"]:
            problems.append(
                f"{where}: field 'coordinate_ref': expected the reference that gives the coordinate; got an empty cell."
            )
        if bool(row["border_distance_km"]) != bool(row["border_distance_ref"]):
            field, other = (
                ("border_distance_ref", "border_distance_km")
                if row["border_distance_km"]
                else ("border_distance_km", "border_distance_ref")
            )
            problems.append(
                f"{where}: field {field!r}: expected a value, as {other!r} has one (a published distance and its reference "
                "go together); got an empty cell."
            )
        if not unknown:
            located_ports.add(row["id"])
        if row["coordinate"]:
            problems += _coordinate_problems(row["coordinate"], where)
        problems += _clearance_problems(row, where)
    problems += _position_check_problems(tables, located_ports, data_dir)
    problems += _source_date_problems(tables["sources"], data_dir)
    places = {f"port:{p}" for p in located_ports} | {f"station:{s}" for s in stations["id"]}
    for number, row in enumerate(table_rows(zones), start=2):
        where = f"{data_dir / 'zones.csv'}: row {number} (zone {row['id']!r})"
        if bool(row["centre"]) == bool(row["centre_at"]):
            problems.append(
                f"{where}: field 'centre': expected either a cited coordinate or places in 'centre_at'; got "
                + ("both." if row["centre"] else "neither.")
            )
        elif row["centre"] and not row["centre_ref"]:
            problems.append(
                f"{where}: field 'centre_ref': expected the reference that gives the centre; got an empty cell."
            )
        if row["centre"]:
            problems += _coordinate_problems(row["centre"], where, "centre")
        for place in split_list(row["centre_at"]):
            if place not in places:
                problems.append(
                    f"{where}: field 'centre_at': expected a located port (port:ID) or a station (station:ID); got {place!r}."
                )
    counts = tables["corridor_waypoints"]["corridor_id"].value_counts()
    for number, corridor_id in enumerate(tables["corridors"]["id"], start=2):
        if counts.get(corridor_id, 0) < 2:
            problems.append(
                f"{data_dir / 'corridors.csv'}: row {number} (corridor {corridor_id!r}): field 'id': expected at least "
                f"2 stations in corridor_waypoints.csv; got {counts.get(corridor_id, 0)}."
            )
    first_seen: dict[str, str] = {}
    for name in FACT_TABLES:
        for number, row in enumerate(table_rows(tables[name]) if name in tables else [], start=2):
            where = f"{data_dir / (name + '.csv')}: row {number} (fact {row['fact_id']!r})"
            # The pattern is the table check's; what the calendar rules out (30 February, backwards) is this.
            if period_problem := periods.calendar_problem(row["period"]):
                problems.append(f"{where}: field 'period': {period_problem}")
            # The two tables are one table of figures: a fact id names one figure in either.
            if name != FACT_TABLES[0] and row["fact_id"] in first_seen:
                problems.append(
                    f"{where}: field 'fact_id': expected an id no other figure uses; got one already in {first_seen[row['fact_id']]}."
                )
            first_seen.setdefault(row["fact_id"], f"{name}.csv")
    problems += _entity_namespace_problems(tables, data_dir)
    problems += event_problems(tables, data_dir)
    return problems


_CLEARANCE = ("clearance_name", "clearance_coordinate", "clearance_ref", "clearance_uncertainty_km")


def _clearance_problems(row: Mapping[str, str], where: str) -> list[str]:
    """An inland clearance area is all four of its fields or none; its coordinate parses."""
    given = [name for name in _CLEARANCE if row.get(name)]
    if not given:
        return []
    if row.get("location_accuracy") == "unknown" or len(given) < len(_CLEARANCE):
        missing = next(name for name in _CLEARANCE if not row.get(name))
        return [
            f"{where}: field {missing!r}: expected a value, as {given[0]!r} has one (a clearance area has a name, "
            "a coordinate, its reference and an uncertainty, and the port a position); got an empty cell."
        ]
    return _coordinate_problems(row["clearance_coordinate"], where, "clearance_coordinate")


def _position_check_problems(tables: Mapping[str, pd.DataFrame], located: set[str], data_dir: Path) -> list[str]:
    """A second reference's position checks a position the port has, and parses."""
    if "position_checks" not in tables:
        return []
    clearance = {row["id"] for row in table_rows(tables["ports"]) if row.get("clearance_coordinate")}
    problems = []
    for number, row in enumerate(table_rows(tables["position_checks"]), start=2):
        where = f"{data_dir / 'position_checks.csv'}: row {number} (port {row['port_id']!r})"
        has = clearance if row["role"] == "clearance" else located
        if row["port_id"] not in has:
            problems.append(f"{where}: field 'role': expected a position the port has; got {row['role']!r}.")
        problems += _coordinate_problems(row["coordinate"], where)
    return problems


def _source_date_problems(sources: pd.DataFrame, data_dir: Path) -> list[str]:
    """An article has its date, or, where the page gives none, the bounds inferred: never both (an article just
    registered may have neither yet; every article of the real data has one, which a data test checks)."""
    problems = []
    if "published_range" not in sources:
        return problems
    for number, row in enumerate(table_rows(sources), start=2):
        where = f"{data_dir / 'sources.csv'}: row {number} (source {row['source_id']!r})"
        if row["published"] and row["published_range"]:
            problems.append(
                f"{where}: field 'published_range': expected empty, as 'published' gives the date (a range is only "
                "for a page that gives none); got both."
            )
        elif row["published_range"] and (
            periods.problem(row["published_range"]) or periods.calendar_problem(row["published_range"])
        ):
            reason = periods.problem(row["published_range"]) or periods.calendar_problem(row["published_range"])
            problems.append(f"{where}: field 'published_range': {reason}")
    return problems


# The figures: facts.csv (digits and small number words, which check_facts.py reads) and facts_in_words.csv
# (fractions and multiples in words, with the words as printed). The app reads them as one table.
FACT_TABLES: tuple[str, ...] = ("facts", "facts_in_words")


def _coordinate_problems(text: str, where: str, field: str = "coordinate") -> list[str]:
    try:
        parse_coordinate(text)
    except ValueError as exc:
        return [f"{where}: field {field!r}: {exc}; got {text!r}."]
    return []


def _entity_namespace_problems(tables: Mapping[str, pd.DataFrame], data_dir: Path) -> list[str]:
    # Facts cite ports, corridors, zones and groups by id alone, so an id may name only one of them.
    owner: dict[str, str] = {}
    problems = []
    for name in ("ports", "corridors", "zones", "groups"):
        for number, entity_id in enumerate(tables[name]["id"], start=2):
            if entity_id in owner:
                problems.append(
                    f"{data_dir / (name + '.csv')}: row {number} ({name.removesuffix('s')} {entity_id!r}): field 'id': "
                    f"expected an id no other entity uses; got one already in {owner[entity_id]}.csv."
                )
            owner.setdefault(entity_id, name)
    return problems


def event_problems(tables: Mapping[str, pd.DataFrame], data_dir: Path) -> list[str]:
    """events.csv: a real date, an entity that exists, a second reference that is another one, no event after its source.

    An event dated after its reference was published cannot come from it. Where the reference's ``published``
    is empty (many encyclopaedia and repost pages), that check cannot apply and is skipped.
    """
    if "events" not in tables:
        return []
    entities = {i for name in ("ports", "corridors", "zones", "groups") for i in tables[name]["id"]}
    published = dict(zip(tables["references"]["ref_id"], tables["references"]["published"], strict=True))
    problems = []
    for number, row in enumerate(table_rows(tables["events"]), start=2):
        where = f"{data_dir / 'events.csv'}: row {number} (event {row['event_id']!r})"
        if row["entity_id"] not in entities:
            problems.append(
                f"{where}: field 'entity_id': expected a port, corridor, zone or group id; got {row['entity_id']!r}."
            )
        if row["check_ref"] and row["check_ref"] == row["ref_id"]:
            problems.append(
                f"{where}: field 'check_ref': expected a second reference, not 'ref_id' again; got {row['check_ref']!r}."
            )
        if not row["date"]:
            continue
        if periods.problem(row["date"]):
            problems.append(
                f"{where}: field 'date': expected a real date YYYY, YYYY-MM or YYYY-MM-DD; got {row['date']!r}."
            )
            continue
        source_date = published.get(row["ref_id"], "")
        if (
            source_date
            and not periods.problem(source_date)
            and periods.parse(row["date"]).start > periods.parse(source_date).end
        ):
            problems.append(
                f"{where}: field 'date': expected a date no later than its reference {row['ref_id']!r} "
                f"(published {source_date}); got {row['date']!r}."
            )
    return problems


# --- Facts, groups and counts against the layers -------------------------------------------------


def entity_problems(
    facts: pd.DataFrame,
    port_counts: pd.DataFrame,
    layers: Mapping[str, pd.DataFrame],
    group_ids: Iterable[str],
    data_dir: Path,
    facts_in_words: pd.DataFrame | None = None,
) -> list[str]:
    """Facts (and figures in words) cite a feature or a group; port counts name ports in the layer; parents are groups."""
    data_dir = Path(data_dir)
    group_ids = list(group_ids)
    feature_ids = {i for frame in layers.values() for i in frame.index}
    entity_ids = feature_ids | set(group_ids)
    problems = []
    tables = {"facts": facts, "facts_in_words": facts_in_words}
    for name in FACT_TABLES:
        if tables[name] is None:
            continue
        for number, row in enumerate(table_rows(tables[name]), start=2):
            if row["entity_id"] not in entity_ids:
                problems.append(
                    f"{data_dir / (name + '.csv')}: row {number} (fact {row['fact_id']!r}): field 'entity_id': expected a "
                    f"feature id or a group id from groups.csv ({', '.join(group_ids)}); got {row['entity_id']!r}, which no "
                    "layer or group holds."
                )
    ports = layers["ports"]
    for number, row in enumerate(table_rows(port_counts), start=2):
        if row["port_id"] not in ports.index:
            problems.append(
                f"{data_dir / 'port_counts.csv'}: row {number} ({row['measure']!r}, {row['port_id']!r}): field 'port_id': "
                "expected a port in ports.geojson; got one the layer lacks (run python -m geo build)."
            )
    for name, frame in layers.items():
        if "parent" not in frame:
            continue
        for feature_id, parent in frame["parent"].items():
            if parent is not None and parent not in group_ids:
                problems.append(
                    f"{feature_at(data_dir / 'geojson' / f'{name}.geojson', feature_id, 'parent')}: expected a group id from "
                    f"groups.csv ({', '.join(group_ids)}) or null; got {parent!r}."
                )
    return problems


def article_problems(sources: pd.DataFrame, path: Path, articles_dir: Path | None = None) -> list[str]:
    """Every source's article file must be in the articles folder (``settings.SEEDS_DIR`` by default) or in the
    data folder's own articles/ (beside ``path``).

    The app does not read the articles, so only ``python -m geo validate`` checks them.
    """
    articles_dir = Path(articles_dir or settings.SEEDS_DIR)
    if not articles_dir.is_dir():
        return [
            f"{articles_dir}: expected the articles folder (../shared/seeds beside the project, or XJ_SEEDS_DIR); "
            "got no folder, so no source's file can be checked."
        ]
    if not {"source_id", "file"} <= set(sources.columns):
        return []  # the schema check names the missing column
    return [
        f"{path}: row {number} (source {source_id!r}): field 'file': expected an article in {articles_dir}; "
        f"got {name!r}, which is not there."
        for number, (source_id, name) in enumerate(zip(sources["source_id"], sources["file"], strict=True), start=2)
        if isinstance(name, str)
        and _SAFE_FILE.fullmatch(name)
        and not (articles_dir / name).is_file()
        and not (Path(path).parent / settings.ARTICLES_SUBDIR / name).is_file()
    ]


# A plain file name (the schema's own rule on 'file'): anything else is reported by the schema check.
_SAFE_FILE = re.compile(r"[^/\\]+\.txt")
