"""Check a GeoJSON layer against its registry entry: features, ids, properties, geometry, positions, polygons."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from pathlib import Path

from shapely.geometry import shape
from shapely.validation import explain_validity

from geo import settings
from geo.data.problems import feature_at, found_text
from geo.settings import Layer

_SLUG = re.compile(settings.SLUG_PATTERN)
# A date or year a status holds for: YYYY, YYYY-MM or YYYY-MM-DD.
_AS_OF = re.compile(r"[0-9]{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12][0-9]|3[01]))?)?")
_TYPE_NAMES = {str: "text", list: "a list", int: "a number", float: "a number", type(None): "null", bool: "true/false"}


def _type_name(expected: type | tuple[type, ...]) -> str:
    types = expected if isinstance(expected, tuple) else (expected,)
    return " or ".join(dict.fromkeys(_TYPE_NAMES.get(t, t.__name__) for t in types))


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _finite(value: object) -> bool:
    """A JSON number Python can use as a float (a 400-digit integer overflows)."""
    try:
        return _is_number(value) and math.isfinite(value)
    except OverflowError:
        return False


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
        return [f"{path}: expected a GeoJSON FeatureCollection; got {found_text(found)}."]
    problems: list[str] = []
    if "crs" in collection:
        problems.append(f"{path}: member 'crs': expected none (RFC 7946 is always WGS84 lon/lat); got one.")
    features = collection.get("features")
    if not isinstance(features, list):
        return [*problems, f"{path}: member 'features': expected a list; got {found_text(features)}."]
    seen: dict[str, int] = {}
    for index, feature in enumerate(features):
        problems.extend(_feature_problems(feature, index, layer, path, seen))
    return problems


def _feature_problems(feature: object, index: int, layer: Layer, path: Path, seen: dict[str, int]) -> Iterator[str]:
    if not isinstance(feature, dict) or feature.get("type") != "Feature":
        yield f"{path}: feature #{index}: expected a GeoJSON Feature; got {found_text(feature)}."
        return
    properties = feature.get("properties")
    if not isinstance(properties, dict):
        yield f"{path}: feature #{index}: field 'properties': expected an object; got {found_text(properties)}."
        properties = {}
    feature_id = feature.get("id")
    label = feature_id if isinstance(feature_id, str) and feature_id else f"#{index}"
    yield from _id_problems(feature_id, properties.get("id"), label, path, seen, index)
    yield from _property_problems(properties, layer, path, label)
    unlocated = layer.unlocated is not None and properties.get(layer.unlocated[0]) == layer.unlocated[1]
    if unlocated:
        if feature.get("geometry") is not None:
            yield (
                f"{feature_at(path, label, 'geometry')}: expected null ({layer.unlocated[0]} is "
                f"{layer.unlocated[1]!r}: no invented point); got {found_text(feature.get('geometry'))}."
            )
        return
    yield from _geometry_problems(feature.get("geometry"), layer, path, label)


def _id_problems(feature_id, property_id, label, path, seen, index) -> Iterator[str]:
    if not isinstance(feature_id, str) or not feature_id:
        yield f"{feature_at(path, label, 'id')}: expected a lowercase slug such as 'horgos-road'; got {found_text(feature_id)}."
        return
    if not _SLUG.fullmatch(feature_id):
        yield f"{feature_at(path, label, 'id')}: expected a lowercase slug (a-z, 0-9, single hyphens); got {feature_id!r}."
    if property_id != feature_id:
        yield f"{feature_at(path, label, 'properties.id')}: expected the same as the feature id {feature_id!r}; got {found_text(property_id)}."
    if feature_id in seen:
        yield f"{feature_at(path, label, 'id')}: expected a unique id; got a duplicate of feature #{seen[feature_id]}."
    else:
        seen[feature_id] = index


def _property_problems(properties: dict, layer: Layer, path: Path, label: str) -> Iterator[str]:
    for field, expected in layer.required.items():
        if field not in properties:
            yield f"{feature_at(path, label, field)}: expected {_type_name(expected)}; got nothing (the field is missing)."
            continue
        value = properties[field]
        if isinstance(value, bool) or not isinstance(value, expected):
            yield f"{feature_at(path, label, field)}: expected {_type_name(expected)}; got {found_text(value)}."
            continue
        if _is_number(value) and not _finite(value):
            yield f"{feature_at(path, label, field)}: expected a finite number; got {found_text(value)}."
    for field in layer.text_lists:
        value = properties.get(field)
        if isinstance(value, list):
            wrong = next(((i, item) for i, item in enumerate(value) if not isinstance(item, str) or not item), None)
            if wrong:
                yield (
                    f"{feature_at(path, label, field)}: expected a list of text; got {found_text(wrong[1])} "
                    f"at position {wrong[0]}."
                )
    for field, allowed in layer.enums.items():
        value = properties.get(field)
        if isinstance(value, str) and value not in allowed:
            yield f"{feature_at(path, label, field)}: expected one of {', '.join(allowed)}; got {value!r}."
    for field, allowed in layer.list_enums.items():
        value = properties.get(field)
        if isinstance(value, list) and all(isinstance(item, str) for item in value):
            wrong = [item for item in value if item not in allowed]
            if wrong or not value:
                yield (
                    f"{feature_at(path, label, field)}: expected a non-empty list from {', '.join(allowed)}; "
                    f"got {found_text(value)}."
                )
    sources = properties.get("sources")
    if (
        isinstance(sources, list)
        and all(isinstance(s, str) for s in sources)
        and not all(s.strip() for s in sources or [""])
    ):
        yield f"{feature_at(path, label, 'sources')}: expected a non-empty list of references; got {found_text(sources)}."
    country = properties.get("border_country")
    if "border_country" in layer.required and isinstance(country, str) and country not in settings.NEIGHBOUR_COUNTRIES:
        yield (
            f"{feature_at(path, label, 'border_country')}: expected an ISO 3166-1 alpha-3 code of a neighbour "
            f"({', '.join(settings.NEIGHBOUR_COUNTRIES)}); got {country!r}."
        )
    for field in ("parent",):
        value = properties.get(field)
        if field in layer.required and isinstance(value, str) and not _SLUG.fullmatch(value):
            yield f"{feature_at(path, label, field)}: expected a group id (a lowercase slug) or null; got {value!r}."
    as_of = properties.get("status_as_of")
    if "status_as_of" in layer.required and isinstance(as_of, str) and not _AS_OF.fullmatch(as_of):
        yield f"{feature_at(path, label, 'status_as_of')}: expected a date YYYY, YYYY-MM or YYYY-MM-DD, or null; got {as_of!r}."
    area = properties.get("official_area_km2")
    if _finite(area) and area <= 0:
        yield f"{feature_at(path, label, 'official_area_km2')}: expected a positive area; got {area!r}."


def _geometry_problems(geometry: object, layer: Layer, path: Path, label: str) -> Iterator[str]:
    where = feature_at(path, label, "geometry")
    if not isinstance(geometry, dict) or "type" not in geometry:
        yield f"{where}: expected a {' or '.join(layer.geometry_types)}; got {found_text(geometry)}."
        return
    if geometry["type"] not in layer.geometry_types:
        yield f"{where}: expected a {' or '.join(layer.geometry_types)}; got a {found_text(geometry['type'])}."
        return
    coordinates = geometry.get("coordinates")
    positions = list(_positions(coordinates, _DEPTH[geometry["type"]]))
    if any(p is None for p in positions):
        yield f"{where}: expected {geometry['type']} coordinates as lists of [lon, lat]; got {found_text(coordinates)}."
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
        return f"expected a {' or '.join(types)}; got {found_text(found)}."
    positions = list(_positions(geometry.get("coordinates"), _DEPTH[geometry["type"]]))
    if any(p is None for p in positions):
        return f"expected {geometry['type']} coordinates as lists of [lon, lat]; got {found_text(geometry.get('coordinates'))}."
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
        return f"expected a position [lon, lat] of two numbers; got {found_text(position)}."
    if not all(_finite(v) for v in position):
        return f"expected finite numbers of ordinary size; got {found_text(position)}."
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
                    f"{feature_at(path, feature.get('id'), 'via_ports')}: expected ids from ports.geojson; "
                    f"got {port_id!r}, which is not a port."
                )
    return problems
