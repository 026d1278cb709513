"""Check layers and tables against the project's rules; gather every problem, raise once."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from pathlib import Path

import pandas as pd
from jsonschema import Draft202012Validator, FormatChecker
from shapely.geometry import shape
from shapely.validation import explain_validity

from geo import settings
from geo.data import periods
from geo.data.load import parse_coordinate, split_list
from geo.errors import DataError
from geo.settings import Layer

_SLUG = re.compile(settings.SLUG_PATTERN)
# A date or year a status holds for: YYYY, YYYY-MM or YYYY-MM-DD.
_AS_OF = re.compile(r"[0-9]{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12][0-9]|3[01]))?)?")
_TYPE_NAMES = {str: "text", list: "a list", int: "a number", float: "a number", type(None): "null", bool: "true/false"}


def raise_if_problems(problems: Iterable[str]) -> None:
    """Raise one DataError that lists every problem, or return if there are none."""
    problems = list(problems)
    if problems:
        raise DataError(problems)


def _where(path: Path, feature_id: object, field: str | None = None) -> str:
    where = f"{path}: feature {feature_id!r}"
    return f"{where}: field {field!r}" if field else where


def _type_name(expected: type | tuple[type, ...]) -> str:
    types = expected if isinstance(expected, tuple) else (expected,)
    return " or ".join(dict.fromkeys(_TYPE_NAMES.get(t, t.__name__) for t in types))


def _found(value: object) -> str:
    try:
        text = repr(value)
    except (RecursionError, ValueError):  # nesting too deep to print, or an int too long to print
        return "a value too large to show"
    return text if len(text) <= 60 else text[:57] + "..."


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _finite(value: object) -> bool:
    """A JSON number Python can use as a float (a 400-digit integer overflows)."""
    try:
        return _is_number(value) and math.isfinite(value)
    except OverflowError:
        return False


# --- GeoJSON layers ----------------------------------------------------------------------------


def layer_problems(collection: object, layer: Layer, path: Path | None = None) -> list[str]:
    """List every rule a parsed GeoJSON layer breaks.

    Parameters
    ----------
    collection : object
        The parsed JSON document.
    layer : Layer
        The registry entry the file must satisfy.
    path : Path, optional
        The file name to report; defaults to the layer's own path.

    Returns
    -------
    list of str
        One line per problem, each naming file, feature id and field.
    """
    path = path or layer.path
    if not isinstance(collection, dict) or collection.get("type") != "FeatureCollection":
        found = collection.get("type") if isinstance(collection, dict) else type(collection).__name__
        return [f"{path}: expected a GeoJSON FeatureCollection; got {_found(found)}."]
    problems: list[str] = []
    if "crs" in collection:
        problems.append(f"{path}: member 'crs': expected none (RFC 7946 is always WGS84 lon/lat); got one.")
    features = collection.get("features")
    if not isinstance(features, list):
        return [*problems, f"{path}: member 'features': expected a list; got {_found(features)}."]
    seen: dict[str, int] = {}
    for index, feature in enumerate(features):
        problems.extend(_feature_problems(feature, index, layer, path, seen))
    return problems


def _feature_problems(feature: object, index: int, layer: Layer, path: Path, seen: dict[str, int]) -> Iterator[str]:
    if not isinstance(feature, dict) or feature.get("type") != "Feature":
        yield f"{path}: feature #{index}: expected a GeoJSON Feature; got {_found(feature)}."
        return
    properties = feature.get("properties")
    if not isinstance(properties, dict):
        yield f"{path}: feature #{index}: field 'properties': expected an object; got {_found(properties)}."
        properties = {}
    feature_id = feature.get("id")
    label = feature_id if isinstance(feature_id, str) and feature_id else f"#{index}"
    yield from _id_problems(feature_id, properties.get("id"), label, path, seen, index)
    yield from _property_problems(properties, layer, path, label)
    unlocated = layer.unlocated is not None and properties.get(layer.unlocated[0]) == layer.unlocated[1]
    if unlocated:
        if feature.get("geometry") is not None:
            yield (
                f"{_where(path, label, 'geometry')}: expected null ({layer.unlocated[0]} is "
                f"{layer.unlocated[1]!r}: no invented point); got {_found(feature.get('geometry'))}."
            )
        return
    yield from _geometry_problems(feature.get("geometry"), layer, path, label)


def _id_problems(feature_id, property_id, label, path, seen, index) -> Iterator[str]:
    if not isinstance(feature_id, str) or not feature_id:
        yield f"{_where(path, label, 'id')}: expected a lowercase slug such as 'horgos-road'; got {_found(feature_id)}."
        return
    if not _SLUG.fullmatch(feature_id):
        yield f"{_where(path, label, 'id')}: expected a lowercase slug (a-z, 0-9, single hyphens); got {feature_id!r}."
    if property_id != feature_id:
        yield f"{_where(path, label, 'properties.id')}: expected the same as the feature id {feature_id!r}; got {_found(property_id)}."
    if feature_id in seen:
        yield f"{_where(path, label, 'id')}: expected a unique id; got a duplicate of feature #{seen[feature_id]}."
    else:
        seen[feature_id] = index


def _property_problems(properties: dict, layer: Layer, path: Path, label: str) -> Iterator[str]:
    for field, expected in layer.required.items():
        if field not in properties:
            yield f"{_where(path, label, field)}: expected {_type_name(expected)}; got nothing (the field is missing)."
            continue
        value = properties[field]
        if isinstance(value, bool) or not isinstance(value, expected):
            yield f"{_where(path, label, field)}: expected {_type_name(expected)}; got {_found(value)}."
            continue
        if _is_number(value) and not _finite(value):
            yield f"{_where(path, label, field)}: expected a finite number; got {_found(value)}."
    for field in layer.text_lists:
        value = properties.get(field)
        if isinstance(value, list):
            wrong = next(((i, item) for i, item in enumerate(value) if not isinstance(item, str) or not item), None)
            if wrong:
                yield (
                    f"{_where(path, label, field)}: expected a list of text; got {_found(wrong[1])} "
                    f"at position {wrong[0]}."
                )
    for field, allowed in layer.enums.items():
        value = properties.get(field)
        if isinstance(value, str) and value not in allowed:
            yield f"{_where(path, label, field)}: expected one of {', '.join(allowed)}; got {value!r}."
    for field, allowed in layer.list_enums.items():
        value = properties.get(field)
        if isinstance(value, list) and all(isinstance(item, str) for item in value):
            wrong = [item for item in value if item not in allowed]
            if wrong or not value:
                yield (
                    f"{_where(path, label, field)}: expected a non-empty list from {', '.join(allowed)}; "
                    f"got {_found(value)}."
                )
    sources = properties.get("sources")
    if (
        isinstance(sources, list)
        and all(isinstance(s, str) for s in sources)
        and not all(s.strip() for s in sources or [""])
    ):
        yield f"{_where(path, label, 'sources')}: expected a non-empty list of references; got {_found(sources)}."
    country = properties.get("border_country")
    if "border_country" in layer.required and isinstance(country, str) and country not in settings.NEIGHBOUR_COUNTRIES:
        yield (
            f"{_where(path, label, 'border_country')}: expected an ISO 3166-1 alpha-3 code of a neighbour "
            f"({', '.join(settings.NEIGHBOUR_COUNTRIES)}); got {country!r}."
        )
    for field in ("parent",):
        value = properties.get(field)
        if field in layer.required and isinstance(value, str) and not _SLUG.fullmatch(value):
            yield f"{_where(path, label, field)}: expected a group id (a lowercase slug) or null; got {value!r}."
    as_of = properties.get("status_as_of")
    if "status_as_of" in layer.required and isinstance(as_of, str) and not _AS_OF.fullmatch(as_of):
        yield f"{_where(path, label, 'status_as_of')}: expected a date YYYY, YYYY-MM or YYYY-MM-DD, or null; got {as_of!r}."
    area = properties.get("official_area_km2")
    if _finite(area) and area <= 0:
        yield f"{_where(path, label, 'official_area_km2')}: expected a positive area; got {area!r}."


def _geometry_problems(geometry: object, layer: Layer, path: Path, label: str) -> Iterator[str]:
    where = _where(path, label, "geometry")
    if not isinstance(geometry, dict) or "type" not in geometry:
        yield f"{where}: expected a {' or '.join(layer.geometry_types)}; got {_found(geometry)}."
        return
    if geometry["type"] not in layer.geometry_types:
        yield f"{where}: expected a {' or '.join(layer.geometry_types)}; got a {_found(geometry['type'])}."
        return
    coordinates = geometry.get("coordinates")
    positions = list(_positions(coordinates, _DEPTH[geometry["type"]]))
    if any(p is None for p in positions):
        yield f"{where}: expected {geometry['type']} coordinates as lists of [lon, lat]; got {_found(coordinates)}."
        return
    bad = [problem for position in positions if (problem := _position_problem(position))]
    if bad:
        yield f"{where}: {bad[0]}" + (f" ({len(bad) - 1} more positions like it)" if len(bad) > 1 else "")
        return
    if mixed := _mixed_dimensions(positions):
        yield f"{where}: {mixed}"
        return
    if geometry["type"] in ("Polygon", "MultiPolygon"):
        yield from _polygon_problems(geometry, where)
    elif geometry["type"] in ("LineString", "MultiLineString"):
        lines = [coordinates] if geometry["type"] == "LineString" else coordinates
        if any(len(line) < 2 for line in lines):
            yield f"{where}: expected at least 2 positions per line; got a line with fewer."


_DEPTH = {"Point": 0, "MultiPoint": 1, "LineString": 1, "MultiLineString": 2, "Polygon": 2, "MultiPolygon": 3}


def positions_problem(geometry: object, types: tuple[str, ...], bounds=settings.BOUNDS) -> str | None:
    """The first thing wrong with a geometry's type or positions, or None (rings are not checked)."""
    if not isinstance(geometry, dict) or geometry.get("type") not in types:
        found = geometry.get("type") if isinstance(geometry, dict) else geometry
        return f"expected a {' or '.join(types)}; got {_found(found)}."
    positions = list(_positions(geometry.get("coordinates"), _DEPTH[geometry["type"]]))
    if any(p is None for p in positions):
        return f"expected {geometry['type']} coordinates as lists of [lon, lat]; got {_found(geometry.get('coordinates'))}."
    problem = next((problem for p in positions if (problem := _position_problem(p, bounds))), None)
    return problem or _mixed_dimensions(positions)


def _positions(coordinates: object, depth: int) -> Iterator[list | None]:
    if depth == 0:
        yield coordinates if isinstance(coordinates, list) else None
        return
    if not isinstance(coordinates, list) or not coordinates:
        yield None
        return
    for item in coordinates:
        yield from _positions(item, depth - 1)


def _mixed_dimensions(positions: list[list]) -> str | None:
    # Shapely cannot build a geometry whose positions mix [lon, lat] and [lon, lat, altitude].
    sizes = sorted({len(p) for p in positions})
    return (
        # Worded as geo.explore.upload words it, so an upload and a data/ layer say the same.
        f"expected every position with the same number of values (2 or 3); got {' and '.join(map(str, sizes))}."
        if len(sizes) > 1
        else None
    )


def _position_problem(position: list, bounds: tuple[float, float, float, float] | None = settings.BOUNDS) -> str | None:
    if len(position) not in (2, 3) or not all(_is_number(v) for v in position):
        return f"expected a position [lon, lat] of two numbers; got {_found(position)}."
    if not all(_finite(v) for v in position):
        return f"expected finite numbers of ordinary size; got {_found(position)}."
    lon, lat = position[0], position[1]
    if not (-180 <= lon <= 180 and -90 <= lat <= 90):
        return f"expected lon in -180..180 and lat in -90..90; got [{lon}, {lat}] (out of range)."
    if bounds is None:
        return None
    west, south, east, north = bounds
    inside = west <= lon <= east and south <= lat <= north
    if not inside:
        if west <= lat <= east and south <= lon <= north:
            return f"expected [lon, lat]; got [{lon}, {lat}], which looks like swapped lat/lon."
        return (
            f"expected a position near Xinjiang (lon {west}..{east}, lat {south}..{north}); "
            f"got [{lon}, {lat}] (outside Xinjiang's neighbourhood)."
        )
    for value in (lon, lat):
        decimals = _decimals(value)
        if decimals > settings.COORDINATE_DECIMALS:
            return f"expected at most {settings.COORDINATE_DECIMALS} decimals; got {value!r} ({decimals})."
    return None


def _decimals(value: float) -> int:
    text = repr(float(value))
    if "e" in text:
        return settings.COORDINATE_DECIMALS + 1
    return len(text.split(".")[1].rstrip("0")) if "." in text else 0


def _polygon_problems(geometry: dict, where: str) -> Iterator[str]:
    polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    for polygon in polygons:
        for ring_index, ring in enumerate(polygon):
            name = "exterior ring" if ring_index == 0 else f"hole #{ring_index}"
            if len(ring) < 4:
                yield f"{where}: {name}: expected at least 4 positions; got {len(ring)}."
                return
            if ring[0][:2] != ring[-1][:2]:
                yield f"{where}: {name}: expected a closed ring (last position equal to the first); got an unclosed ring."
                return
            clockwise = _signed_area(ring) < 0
            if ring_index == 0 and clockwise:
                yield f"{where}: {name}: expected counter-clockwise winding (RFC 7946); got clockwise."
            if ring_index > 0 and not clockwise:
                yield f"{where}: {name}: expected clockwise winding for a hole (RFC 7946); got counter-clockwise."
    geom = shape(geometry)
    if not geom.is_valid:
        yield f"{where}: expected a valid polygon; got {explain_validity(geom)} (self-intersecting or overlapping rings)."


def _signed_area(ring: list) -> float:
    return sum(x0 * y1 - x1 * y0 for (x0, y0, *_), (x1, y1, *_) in zip(ring, ring[1:], strict=False)) / 2


def cross_layer_problems(corridors: object, port_ids: set[str], path: Path = settings.CORRIDORS.path) -> list[str]:
    """Corridors may only pass through ports the port layer holds (malformed parts are reported elsewhere)."""
    problems = []
    features = corridors.get("features") if isinstance(corridors, dict) else None
    for feature in features if isinstance(features, list) else []:
        properties = feature.get("properties") if isinstance(feature, dict) else None
        via_ports = properties.get("via_ports") if isinstance(properties, dict) else None
        for port_id in via_ports if isinstance(via_ports, list) else []:
            if isinstance(port_id, str) and port_id not in port_ids:
                problems.append(
                    f"{_where(path, feature.get('id'), 'via_ports')}: expected ids from ports.geojson; "
                    f"got {port_id!r}, which is not a port."
                )
    return problems


# --- Tables, against the data package (datapackage.json) --------------------------------------

# The lexical forms of Table Schema's number and integer, in ASCII digits only: Python's float() and
# int() would also take "1_000", " 12 ", "nan" and Arabic-Indic or full-width digits.
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?")
_INTEGER = re.compile(r"-?(?:0|[1-9][0-9]*)")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_TYPE_EXPECTED = {
    "number": "a number in ASCII digits (e.g. 258000 or 25.4)",
    "integer": "a whole number in ASCII digits",
    "date": "a date YYYY-MM-DD",
}


def _cell_schema(field: dict) -> dict:
    """JSON Schema for one cell, once number cells are read as numbers."""
    kind = field.get("type", "string")
    constraints = field.get("constraints", {})
    schema: dict = {"type": kind if kind in ("number", "integer") else "string"}
    if kind == "date":
        schema |= {"pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}\Z", "format": "date"}
    if "pattern" in constraints:
        # Whole-cell match: \Z, because $ would also accept a trailing newline.
        schema["pattern"] = rf"^(?:{constraints['pattern']})\Z"
    for key in ("enum", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength"):
        if key in constraints:
            schema[key] = constraints[key]
    return schema


@cache
def _compiled(table_schema: str) -> Draft202012Validator:
    properties = {f["name"]: _cell_schema(f) for f in json.loads(table_schema)["fields"]}
    return Draft202012Validator({"type": "object", "properties": properties}, format_checker=FormatChecker())


def _row_validator(resource: dict) -> Draft202012Validator:
    # Compiled once per distinct Table Schema: the app, the tests and the fuzzing load many times.
    return _compiled(json.dumps(resource["schema"], sort_keys=True))


def _read_cell(field: dict, cell: str) -> object:
    """A number cell in its lexical form as a number; anything else stays text for the schema to judge."""
    kind = field.get("type", "string")
    if kind == "integer" and _INTEGER.fullmatch(cell) and len(cell) <= 18:
        return int(cell)
    if kind == "number" and _NUMBER.fullmatch(cell) and len(cell) <= 40:
        value = float(cell)
        return value if math.isfinite(value) else cell
    return cell


def _noun(resource: dict) -> str | None:
    key = resource["schema"].get("primaryKey", [])
    if len(key) != 1:
        return None
    name = key[0]
    return name[: -len("_id")] if name.endswith("_id") else resource["name"].removesuffix("s")


def _row_label(resource: dict, row: Mapping[str, str]) -> str:
    key = [row.get(name, "") for name in resource["schema"].get("primaryKey", [])]
    noun = _noun(resource)
    if noun:
        return f" ({noun} {key[0]!r})"
    return f" ({', '.join(map(repr, key))})" if key else ""


def _expected(field: dict, error_kind: str) -> str:
    constraints = field.get("constraints", {})
    if error_kind == "enum":
        values = ", ".join(map(str, constraints["enum"]))
        return f"one of {values}" + ("" if constraints.get("required") else " or empty")
    if error_kind in ("minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum"):
        words = {"minimum": "at least", "exclusiveMinimum": "above", "maximum": "at most", "exclusiveMaximum": "below"}
        return f"a number {words[error_kind]} {constraints[error_kind]}"
    if error_kind in ("type", "format") or (error_kind == "pattern" and "pattern" not in constraints):
        return _TYPE_EXPECTED.get(field.get("type", "string"), "text")
    return field.get("x-expected") or f"text matching {constraints.get('pattern')}"


def table_problems(table: pd.DataFrame, resource: dict, path: Path) -> list[str]:
    """List every way a table breaks its schema in the data package (one resource).

    Every cell is checked as written: numbers and dates in ASCII digits, no spaces or line breaks
    around a value, no control characters; then types, patterns, allowed values and bounds
    (JSON Schema, built from the resource's Table Schema) and the primary key.

    Parameters
    ----------
    table : DataFrame
        The table as read, every cell text (``geo.data.load.read_table``).
    resource : dict
        The resource's descriptor from ``datapackage.json``.
    path : Path
        The file name to report.

    Returns
    -------
    list of str
        One line per problem, naming file, row (and its id) and field.
    """
    fields = resource["schema"]["fields"]
    names = [f["name"] for f in fields]
    problems = [
        f"{path}: column {name!r}: expected it in the header; got a header without it."
        for name in names
        if name not in table.columns
    ]
    problems += [
        f"{path}: column {column!r}: expected only the columns the data package lists ({', '.join(names)}); got an extra one."
        for column in dict.fromkeys(table.columns)
        if column not in names
    ]
    if table.columns.duplicated().any():
        problems.append(f"{path}: header: expected each column once; got {', '.join(map(repr, table.columns))}.")
    if problems:
        return problems
    validator = _row_validator(resource)
    by_name = {f["name"]: f for f in fields}
    for number, row in enumerate(_records(table, names), start=2):
        where = f"{path}: row {number}{_row_label(resource, row)}"
        flagged: set[str] = set()
        for field in fields:
            name, cell = field["name"], row[field["name"]]
            problem = _cell_problem(field, cell)
            if problem:
                problems.append(f"{where}: field {name!r}: {problem}")
                flagged.add(name)
        instance = {f["name"]: _read_cell(f, row[f["name"]]) for f in fields if row[f["name"]] != ""}
        for error in sorted(validator.iter_errors(instance), key=lambda e: names.index(e.path[0])):
            name = error.path[0]
            if name in flagged:
                continue
            flagged.add(name)
            problems.append(
                f"{where}: field {name!r}: expected {_expected(by_name[name], error.validator)}; got {_found(row[name])}."
            )
    problems += _primary_key_problems(table, resource, path)
    return problems


def _records(table: pd.DataFrame, columns: list[str] | None = None) -> list[dict[str, str]]:
    """The rows as dicts; much faster than DataFrame.to_dict for tables of text."""
    columns = list(table.columns) if columns is None else columns
    return [dict(zip(columns, row, strict=True)) for row in table[columns].to_numpy().tolist()]


def _cell_problem(field: dict, cell: str) -> str | None:
    if cell == "":
        return "expected a value; got an empty cell." if field.get("constraints", {}).get("required") else None
    if cell != cell.strip():
        return f"expected no spaces or line breaks around the value; got {_found(cell)}."
    if _CONTROL.search(cell):
        return f"expected one line of text without control characters; got {_found(cell)}."
    return None


def _primary_key_problems(table: pd.DataFrame, resource: dict, path: Path) -> list[str]:
    key = resource["schema"].get("primaryKey", [])
    if not key:
        return []
    problems, seen = [], {}
    for number, values in enumerate(zip(*(table[name] for name in key), strict=True), start=2):
        if "" in values:
            continue
        if values in seen:
            fields = f"field {key[0]!r}" if len(key) == 1 else "fields " + ", ".join(map(repr, key))
            label = _row_label(resource, dict(zip(key, values, strict=True)))
            problems.append(
                f"{path}: row {number}{label}: {fields}: expected a unique id; got a duplicate of row {seen[values]}."
            )
        else:
            seen[values] = number
    return problems


def foreign_key_problems(tables: Mapping[str, pd.DataFrame], package: dict, paths: Mapping[str, Path]) -> list[str]:
    """Every id a table cites from another table (foreignKeys, and lists marked ``x-reference``) must exist.

    Parameters
    ----------
    tables : mapping of str to DataFrame
        The tables as read, keyed by resource name, each already valid on its own.
    package : dict
        The data package descriptor.
    paths : mapping of str to Path
        The file name to report for each resource.
    """
    resources = {r["name"]: r for r in package["resources"]}
    problems = []
    for name, resource in resources.items():
        table = tables.get(name)
        if table is None or table.columns.duplicated().any():
            continue  # reported where it is read, or by the header check
        links = [
            (fk["fields"], fk["reference"]["resource"] or name, fk["reference"]["fields"], False)
            for fk in resource["schema"].get("foreignKeys", [])
        ]
        records = _records(table, list(table.columns))
        links += [
            ([f["name"]], f["x-reference"]["resource"], [f["x-reference"]["field"]], True)
            for f in resource["schema"]["fields"]
            if "x-reference" in f
        ]
        for fields, target, target_fields, is_list in links:
            if not _has_columns(tables.get(target), target_fields) or not _has_columns(table, fields):
                continue  # a missing table or column is reported on its own
            keys = set(zip(*(tables[target][f] for f in target_fields), strict=True))
            own = [_cell_validator(resource, f) for f in fields]
            for number, row in enumerate(records, start=2):
                values = [row[f] for f in fields]
                # An empty cell cites nothing; a cell that breaks its own field's rules is reported as such.
                if "" in values or not all(ok(v) for ok, v in zip(own, values, strict=True)):
                    continue
                items = (
                    [(item,) for item in split_list(values[0], _separator(resource, fields[0]))]
                    if is_list
                    else [tuple(values)]
                )
                for item in items:
                    if item not in keys:
                        where = f"{paths[name]}: row {number}{_row_label(resource, row)}"
                        field = f"field {fields[0]!r}" if len(fields) == 1 else "fields " + ", ".join(map(repr, fields))
                        got = repr(item[0]) if len(item) == 1 else ", ".join(map(repr, item))
                        problems.append(
                            f"{where}: {field}: expected an id from {resources[target]['path']}; got {got}."
                        )
    return problems


def _has_columns(table: pd.DataFrame | None, columns: list[str]) -> bool:
    return table is not None and all(c in table.columns for c in columns) and not table.columns.duplicated().any()


def _cell_validator(resource: dict, name: str):
    """Whether a cell of field ``name`` passes its own rules (as written, then its JSON Schema)."""
    field = next(f for f in resource["schema"]["fields"] if f["name"] == name)
    schema = _field_validator(json.dumps(_cell_schema(field), sort_keys=True))
    return lambda cell: _cell_problem(field, cell) is None and schema.is_valid(_read_cell(field, cell))


@cache
def _field_validator(schema: str) -> Draft202012Validator:
    return Draft202012Validator(json.loads(schema), format_checker=FormatChecker())


def _separator(resource: dict, name: str) -> str:
    """The list separator of a list field (``x-separator``), or ';'."""
    field = next(f for f in resource["schema"]["fields"] if f["name"] == name)
    return field.get("x-separator", ";")


def sources_problems(sources: pd.DataFrame, path: Path = settings.SOURCES_PATH) -> list[str]:
    """Every way the article table breaks its schema (the ``sources`` resource of the data package)."""
    return table_problems(sources, _resource("sources"), path)


def facts_problems(facts: pd.DataFrame, path: Path = settings.FACTS_PATH) -> list[str]:
    """Every way the fact table breaks its schema (ids it cites are checked with the other tables)."""
    return table_problems(facts, _resource("facts"), path)


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


def _resource(name: str) -> dict:
    from geo.data.load import read_package

    return next(r for r in read_package()["resources"] if r["name"] == name)


def tables_problems(tables: Mapping[str, pd.DataFrame], package: dict, data_dir: Path) -> list[str]:
    """Check every table that was read against the data package: each on its own, and the ids they cite
    from each other (a table that could not be read is left out; its problem is reported where it is read)."""
    paths = {r["name"]: Path(data_dir) / r["path"] for r in package["resources"]}
    problems = [
        p
        for r in package["resources"]
        if r["name"] in tables
        for p in table_problems(tables[r["name"]], r, paths[r["name"]])
    ]
    return problems + foreign_key_problems(tables, package, paths)


# --- Rules across the columns and rows of the source tables ------------------------------------


def model_problems(tables: Mapping[str, pd.DataFrame], data_dir: Path) -> list[str]:
    """Rules a Table Schema cannot say: how a place is located, coordinates that parse, lines of 2+ stations.

    Run on tables that already pass :func:`tables_problems`.
    """
    data_dir = Path(data_dir)
    problems: list[str] = []
    ports, stations, zones = tables["ports"], tables["stations"], tables["zones"]
    for number, row in enumerate(_records(stations), start=2):
        problems += _coordinate_problems(
            row["coordinate"], f"{data_dir / 'stations.csv'}: row {number} (station {row['id']!r})"
        )
    located_ports = set()
    for number, row in enumerate(_records(ports), start=2):
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
    for number, row in enumerate(_records(zones), start=2):
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
        for number, row in enumerate(_records(tables[name]) if name in tables else [], start=2):
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
    clearance = {row["id"] for row in _records(tables["ports"]) if row.get("clearance_coordinate")}
    problems = []
    for number, row in enumerate(_records(tables["position_checks"]), start=2):
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
    for number, row in enumerate(_records(sources), start=2):
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
    for number, row in enumerate(_records(tables["events"]), start=2):
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
        for number, row in enumerate(_records(tables[name]), start=2):
            if row["entity_id"] not in entity_ids:
                problems.append(
                    f"{data_dir / (name + '.csv')}: row {number} (fact {row['fact_id']!r}): field 'entity_id': expected a "
                    f"feature id or a group id from groups.csv ({', '.join(group_ids)}); got {row['entity_id']!r}, which no "
                    "layer or group holds."
                )
    ports = layers["ports"]
    for number, row in enumerate(_records(port_counts), start=2):
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
                    f"{_where(data_dir / 'geojson' / f'{name}.geojson', feature_id, 'parent')}: expected a group id from "
                    f"groups.csv ({', '.join(group_ids)}) or null; got {parent!r}."
                )
    return problems
