"""Check layers and tables against the project's rules; gather every problem, raise once."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import pandas as pd
from shapely.geometry import shape
from shapely.validation import explain_validity

from geo import settings
from geo.errors import DataError
from geo.settings import Layer

_SLUG = re.compile(settings.SLUG_PATTERN)
_METRIC = re.compile(r"^[a-z][a-z0-9_]*$")
_TYPE_NAMES = {str: "text", list: "a list", int: "a number", float: "a number", type(None): "null", bool: "true/false"}


def raise_if_problems(problems: Iterable[str]) -> None:
    """Raise one DataError that lists every problem, or return if there are none."""
    problems = list(problems)
    if problems:
        head = f"{len(problems)} problem(s) in the data:" if len(problems) > 1 else ""
        raise DataError("\n".join([head, *problems]) if head else problems[0])


def _where(path: Path, feature_id: object, field: str | None = None) -> str:
    where = f"{path}: feature {feature_id!r}"
    return f"{where}: field {field!r}" if field else where


def _type_name(expected: type | tuple[type, ...]) -> str:
    types = expected if isinstance(expected, tuple) else (expected,)
    return " or ".join(dict.fromkeys(_TYPE_NAMES.get(t, t.__name__) for t in types))


def _found(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


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
    yield from _geometry_problems(feature.get("geometry"), layer, path, label)


def _id_problems(feature_id, property_id, label, path, seen, index) -> Iterator[str]:
    if not isinstance(feature_id, str) or not feature_id:
        yield f"{_where(path, label, 'id')}: expected a lowercase slug such as 'horgos-road'; got {_found(feature_id)}."
        return
    if not _SLUG.match(feature_id):
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
        if isinstance(value, float) and not math.isfinite(value):
            yield f"{_where(path, label, field)}: expected a finite number; got {value!r}."
    for field, allowed in layer.enums.items():
        value = properties.get(field)
        if isinstance(value, str) and value not in allowed:
            yield f"{_where(path, label, field)}: expected one of {', '.join(allowed)}; got {value!r}."
    for field, allowed in layer.list_enums.items():
        value = properties.get(field)
        if isinstance(value, list):
            wrong = [item for item in value if item not in allowed]
            if wrong or not value:
                yield (
                    f"{_where(path, label, field)}: expected a non-empty list from {', '.join(allowed)}; "
                    f"got {_found(value)}."
                )
    sources = properties.get("sources")
    if isinstance(sources, list) and (not sources or not all(isinstance(s, str) and s.strip() for s in sources)):
        yield f"{_where(path, label, 'sources')}: expected a non-empty list of references; got {_found(sources)}."
    country = properties.get("border_country")
    if "border_country" in layer.required and isinstance(country, str) and country not in settings.NEIGHBOUR_COUNTRIES:
        yield (
            f"{_where(path, label, 'border_country')}: expected an ISO 3166-1 alpha-3 code of a neighbour "
            f"({', '.join(settings.NEIGHBOUR_COUNTRIES)}); got {country!r}."
        )
    area = properties.get("official_area_km2")
    if isinstance(area, (int, float)) and not isinstance(area, bool) and area <= 0:
        yield f"{_where(path, label, 'official_area_km2')}: expected a positive area; got {area!r}."


def _geometry_problems(geometry: object, layer: Layer, path: Path, label: str) -> Iterator[str]:
    where = _where(path, label, "geometry")
    if not isinstance(geometry, dict) or "type" not in geometry:
        yield f"{where}: expected a {' or '.join(layer.geometry_types)}; got {_found(geometry)}."
        return
    if geometry["type"] not in layer.geometry_types:
        yield f"{where}: expected a {' or '.join(layer.geometry_types)}; got a {geometry['type']!r}."
        return
    coordinates = geometry.get("coordinates")
    positions = list(_positions(coordinates, _DEPTH[geometry["type"]]))
    if positions is None or any(p is None for p in positions):
        yield f"{where}: expected {geometry['type']} coordinates as lists of [lon, lat]; got {_found(coordinates)}."
        return
    bad = [problem for position in positions if (problem := _position_problem(position))]
    if bad:
        yield f"{where}: {bad[0]}" + (f" ({len(bad) - 1} more positions like it)" if len(bad) > 1 else "")
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
    return next((problem for p in positions if (problem := _position_problem(p, bounds))), None)


def _positions(coordinates: object, depth: int) -> Iterator[list | None]:
    if depth == 0:
        yield coordinates if isinstance(coordinates, list) else None
        return
    if not isinstance(coordinates, list) or not coordinates:
        yield None
        return
    for item in coordinates:
        yield from _positions(item, depth - 1)


def _position_problem(position: list, bounds: tuple[float, float, float, float] | None = settings.BOUNDS) -> str | None:
    if len(position) not in (2, 3) or not all(
        isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) for v in position
    ):
        return f"expected a position [lon, lat] of two numbers; got {_found(position)}."
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


def table_columns_problems(frame: pd.DataFrame, columns: tuple[str, ...], path: Path) -> list[str]:
    """Name every required column a table lacks."""
    missing = [c for c in columns if c not in frame.columns]
    return [f"{path}: column {c!r}: expected it in the header; got a header without it." for c in missing]


def sources_problems(sources: pd.DataFrame, path: Path = settings.SOURCES_PATH) -> list[str]:
    """List every rule the source table breaks."""
    problems = table_columns_problems(sources, settings.SOURCE_COLUMNS, path)
    if problems:
        return problems
    seen: set[str] = set()
    for row_number, row in enumerate(sources.to_dict("records"), start=2):
        source_id = row["source_id"]
        where = f"{path}: row {row_number} (source {source_id!r})"
        if not _SLUG.match(source_id):
            problems.append(f"{where}: field 'source_id': expected a lowercase slug; got {source_id!r}.")
        if source_id in seen:
            problems.append(f"{where}: field 'source_id': expected a unique id; got a duplicate.")
        seen.add(source_id)
        for field in ("title", "publisher", "file"):
            if not row[field].strip():
                problems.append(f"{where}: field {field!r}: expected text; got an empty cell.")
        if row["published"] and not re.match(r"^\d{4}-\d{2}-\d{2}$", row["published"]):
            problems.append(
                f"{where}: field 'published': expected an ISO date YYYY-MM-DD or empty; got {row['published']!r}."
            )
    return problems


def facts_problems(
    facts: pd.DataFrame,
    entity_ids: Iterable[str],
    source_ids: Iterable[str],
    path: Path = settings.FACTS_PATH,
) -> list[str]:
    """List every rule the fact table breaks, including facts that cite unknown entities or sources.

    Parameters
    ----------
    facts : DataFrame
        The fact table as read (every cell text).
    entity_ids : iterable of str
        Feature ids of all layers plus the aggregate entities.
    source_ids : iterable of str
        The ids in the source table.
    path : Path
        The file name to report.
    """
    problems = table_columns_problems(facts, settings.FACT_COLUMNS, path)
    if problems:
        return problems
    entity_ids, source_ids = set(entity_ids), set(source_ids)
    seen: set[str] = set()
    for row_number, row in enumerate(facts.to_dict("records"), start=2):
        fact_id = row["fact_id"]
        where = f"{path}: row {row_number} (fact {fact_id!r})"
        if not _SLUG.match(fact_id):
            problems.append(f"{where}: field 'fact_id': expected a lowercase slug; got {fact_id!r}.")
        if fact_id in seen:
            problems.append(f"{where}: field 'fact_id': expected a unique id; got a duplicate.")
        seen.add(fact_id)
        if row["entity_id"] not in entity_ids:
            problems.append(
                f"{where}: field 'entity_id': expected a feature id or one of "
                f"{', '.join(settings.AGGREGATE_ENTITIES)}; got {row['entity_id']!r}, which no layer holds."
            )
        if row["source_id"] not in source_ids:
            problems.append(f"{where}: field 'source_id': expected an id from sources.csv; got {row['source_id']!r}.")
        if not _METRIC.match(row["metric"]):
            problems.append(f"{where}: field 'metric': expected a snake_case slug; got {row['metric']!r}.")
        if not _is_number(row["value"]):
            problems.append(f"{where}: field 'value': expected a number; got {row['value']!r}.")
        if row["qualifier"] not in settings.QUALIFIERS:
            problems.append(
                f"{where}: field 'qualifier': expected one of over, nearly, under or empty; got {row['qualifier']!r}."
            )
        for field in ("unit", "claim"):
            if not row[field].strip():
                problems.append(f"{where}: field {field!r}: expected text; got an empty cell.")
    return problems


def _is_number(text: str) -> bool:
    try:
        return math.isfinite(float(text))
    except (TypeError, ValueError):
        return False


def cross_layer_problems(corridors: object, port_ids: set[str], path: Path = settings.CORRIDORS.path) -> list[str]:
    """Corridors may only pass through ports the port layer holds (malformed parts are reported elsewhere)."""
    problems = []
    features = corridors.get("features") if isinstance(corridors, dict) else None
    for feature in features if isinstance(features, list) else []:
        properties = feature.get("properties") if isinstance(feature, dict) else None
        via_ports = properties.get("via_ports") if isinstance(properties, dict) else None
        for port_id in via_ports if isinstance(via_ports, list) else []:
            if not isinstance(port_id, str) or port_id not in port_ids:
                problems.append(
                    f"{_where(path, feature.get('id'), 'via_ports')}: expected ids from ports.geojson; "
                    f"got {port_id!r}, which is not a port."
                )
    return problems
