"""Read an analyst's GeoJSON or CSV layer, uploaded in the browser, into a frame the map can overlay, within a memory budget."""

from __future__ import annotations

import csv
import io
import json
import math
import re
from collections.abc import Iterable, Iterator
from itertools import chain

import geopandas as gpd
import numpy as np
import pandas as pd
from shapely.errors import GEOSException
from shapely.geometry import (
    GeometryCollection,
    LineString,
    MultiLineString,
    MultiPoint,
    MultiPolygon,
    Point,
    Polygon,
)
from shapely.geometry.base import BaseGeometry
from shapely.validation import explain_validity

from geo import settings
from geo.data.validate import positions_problem, raise_if_problems
from geo.errors import DataError

GEOMETRY_TYPES = ("Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon")
COLLECTION = "GeometryCollection"
# A CSV's position columns, as people name them (compared case-folded, spaces and underscores dropped):
# the first pair the header has is used.
CSV_POSITION_COLUMNS = (
    ("lat", "lon"),
    ("lat", "lng"),
    ("lat", "long"),
    ("latitude", "longitude"),
    ("y", "x"),
    ("纬度", "经度"),
)
CSV_SUFFIXES = (".csv", ".tsv")
NAME_FIELDS = ("name", "name_en", "title", "label", "id")
# A feature sits at depth 3 of the file: the document, its feature list, the feature.
FEATURE_DEPTH = 3
_SURROGATE = re.compile("[\ud800-\udfff]")
_ENCODER = json.JSONEncoder(ensure_ascii=False)
# JSON's strings (with escapes), brackets and separators: enough to follow the path into a file.
_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{},:]', re.DOTALL)


class _HugeInteger:
    """An integer too long to convert: kept as its digit count, reported with its feature and field."""

    def __init__(self, digits: int) -> None:
        self.digits = digits


class _TooManyKeysError(Exception):
    """Raised inside the parser at the first property name over the limit, so the parse stops there."""

    def __init__(self, key: str, feature: int) -> None:
        super().__init__(key)
        self.key, self.feature = key, feature


def read_upload(raw: bytes, filename: str) -> gpd.GeoDataFrame:
    """Parse an uploaded layer within a memory budget: a CSV (``.csv``, ``.tsv``) by ``read_csv``, else GeoJSON.

    A GeoJSON file must be a FeatureCollection; any geometry type is drawn (points, lines, polygons, their
    multi-part forms, geometry collections), mixed in one file. The file's size and its JSON tokens are
    bounded before parsing, its distinct property names while parsing, and each feature's nesting, text,
    names and numbers before any table is built (limits in ``geo.settings``, ``UPLOAD_*``). The table keeps
    the properties the map and filters read plus the first ``UPLOAD_MAX_OTHER_FIELDS`` other property names
    as short text.

    Returns
    -------
    GeoDataFrame
        Indexed by a unique ``id`` (the file's own ids are kept; repeats get ``-2``, ``-3``... that the
        file does not use), with a ``name`` column and the kept properties (lists and objects as JSON
        text). ``attrs["other_fields"]`` counts the property names that were not kept.

    Raises
    ------
    DataError
        If the file is too big, not UTF-8 JSON, not a FeatureCollection, over a limit, or has features
        that cannot be drawn; each line names the file, the feature and the field.
    """
    if filename.lower().endswith(CSV_SUFFIXES):
        return read_csv(raw, filename)
    text = _decode(raw, filename)
    _check_tokens(text, filename)
    document = _parse(text, filename)
    features = document.get("features") if isinstance(document, dict) else None
    if not isinstance(document, dict) or document.get("type") != "FeatureCollection" or not isinstance(features, list):
        msg = f"{filename}: expected a GeoJSON FeatureCollection with a list of features."
        raise DataError(msg)
    if not features:
        msg = f"{filename}: the FeatureCollection has no features."
        raise DataError(msg)
    if len(features) > settings.UPLOAD_MAX_FEATURES:
        msg = f"{filename}: {len(features):,} features is over the limit of {settings.UPLOAD_MAX_FEATURES:,}."
        raise DataError(msg)
    labelled = ((f"feature {_label(feature, index)!r}", feature, None) for index, feature in enumerate(features))
    return _frame(labelled, filename, "feature")


def read_csv(raw: bytes, filename: str) -> gpd.GeoDataFrame:
    """Parse an uploaded CSV of points, one a row, within the same budget as a GeoJSON upload.

    The header names the columns; the position is in a pair of them named as people name them (lat/lon,
    lat/lng, latitude/longitude, y/x, 纬度/经度; any case), in decimal degrees. The separator is a comma,
    a semicolon or a tab, whichever the header has most of. Every other column is a property, read as text
    (an empty cell is no value): the same limits, kept properties, names and ids as a GeoJSON upload.

    Returns
    -------
    GeoDataFrame
        As ``read_upload``; rows without an ``id`` get ``row-N``, N their row in the file (the header is row 1).

    Raises
    ------
    DataError
        If the file is too big, not UTF-8, has no position columns, more than ``UPLOAD_MAX_FEATURES`` rows
        or ``UPLOAD_MAX_KEYS`` columns, or rows that cannot be drawn; each line names the file, the row and
        the field.
    """
    text = _decode(raw, filename)
    first = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = [name.strip() for name in next(reader, [])]
    except csv.Error as exc:
        msg = f"{filename}: row 1: not readable as CSV ({exc})."
        raise DataError(msg) from None
    position = _csv_columns(header, filename)
    # Only the columns a GeoJSON upload would keep (the map's and filters' properties, then the first others,
    # in the header's order) become properties: a wide file's other cells are only measured, so each row
    # costs little whatever its width.
    others = [i for i, name in enumerate(header) if name not in settings.UPLOAD_KEPT_FIELDS]
    kept = sorted(
        {i for i, name in enumerate(header) if name in settings.UPLOAD_KEPT_FIELDS}
        | {*others[: settings.UPLOAD_MAX_OTHER_FIELDS]}
    )
    rows = _csv_features(reader, header, position, kept, delimiter, filename)
    frame = _frame(rows, filename, "row")
    frame.attrs["other_fields"] = max(0, len(others) - settings.UPLOAD_MAX_OTHER_FIELDS)
    return frame


def _csv_columns(header: list[str], filename: str) -> tuple[int, int]:
    """The positions of the latitude and longitude columns in a checked header."""
    if not any(header):
        msg = f"{filename}: row 1: expected a header naming the columns, with latitude and longitude; got none."
        raise DataError(msg)
    if len(header) > settings.UPLOAD_MAX_KEYS:
        msg = f"{filename}: row 1: expected at most {settings.UPLOAD_MAX_KEYS:,} columns; got {len(header):,}."
        raise DataError(msg)
    problems = []
    for number, name in enumerate(header, start=1):
        if not name:
            problems.append(f"{filename}: row 1: column {number}: expected a column name; got an empty one.")
        elif len(name) > settings.UPLOAD_MAX_KEY_CHARS:
            problems.append(
                f"{filename}: row 1: field {_short(name)!r}: expected a column name of at most "
                f"{settings.UPLOAD_MAX_KEY_CHARS} characters; got {len(name):,}."
            )
        elif header.index(name) < number - 1:
            problems.append(f"{filename}: row 1: field {_short(name)!r}: expected each column name once; got it twice.")
    raise_if_problems(problems)
    folded = [re.sub(r"[\s_]+", "", name.casefold()) for name in header]
    for lat, lon in CSV_POSITION_COLUMNS:
        if lat in folded and lon in folded:
            return folded.index(lat), folded.index(lon)
    pairs = ", ".join("/".join(pair) for pair in CSV_POSITION_COLUMNS)
    msg = (
        f"{filename}: row 1: expected latitude and longitude columns named {pairs}; "
        f"got {_short(', '.join(header), 120)!r}."
    )
    raise DataError(msg)


def _csv_features(
    reader: Iterator[list[str]],
    header: list[str],
    position: tuple[int, int],
    kept: list[int],
    delimiter: str,
    filename: str,
) -> Iterator[tuple[str, dict | None, str | None]]:
    """Each data row as (where, GeoJSON feature of its ``kept`` columns, problem), one at a time, so only what
    is kept of a row stays in memory."""
    (lat_at, lon_at), rows = position, 0
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            msg = f"{filename}: row {reader.line_num}: not readable as CSV ({exc})."
            raise DataError(msg) from None
        where = f"row {reader.line_num}"
        if not any(cell.strip() for cell in cells):
            continue  # a blank line
        rows += 1
        if rows > settings.UPLOAD_MAX_FEATURES:
            msg = f"{filename}: more than {settings.UPLOAD_MAX_FEATURES:,} rows is over the limit of {settings.UPLOAD_MAX_FEATURES:,}."
            raise DataError(msg)
        if len(cells) != len(header):
            yield where, None, f"expected {len(header)} fields, as the header names; got {len(cells)}."
            continue
        long = next((i for i, cell in enumerate(cells) if len(cell) > settings.UPLOAD_MAX_TEXT_CHARS), None)
        if long is not None:
            yield where, None, f"field {_short(header[long])!r}: {_scalar_problem(cells[long])}"
            continue
        coordinates, problem = [], None
        for at, name, low, high in ((lon_at, "longitude", -180, 180), (lat_at, "latitude", -90, 90)):
            value = _degrees(cells[at], delimiter)
            if value is None or not low <= value <= high:
                problem = (
                    f"field {_short(header[at])!r}: expected a {name} in decimal degrees from {low} to {high}; "
                    f"got {_short(cells[at])!r}."
                )
                break
            coordinates.append(value)
        if problem:
            yield where, None, problem
            continue
        properties = {header[i]: cells[i] for i in kept if cells[i].strip()}
        yield (
            where,
            {"type": "Feature", "properties": properties, "geometry": {"type": "Point", "coordinates": coordinates}},
            None,
        )
    if not rows:
        msg = f"{filename}: expected rows of data under the header; got none."
        raise DataError(msg)


def _degrees(text: str, delimiter: str) -> float | None:
    """A cell as decimal degrees, or None; a decimal comma is read where the comma does not separate fields."""
    text = text.strip()
    if delimiter != ",":
        text = text.replace(",", ".")
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _frame(labelled: Iterable[tuple[str, object, str | None]], filename: str, unnamed: str) -> gpd.GeoDataFrame:
    """The table of checked features, each given as (where it is in the file, the feature, a problem already
    found or None); every problem raised once.

    A feature without an id is named ``{unnamed}-N`` after its place (``feature-3``, ``row-4``).
    """
    rows, places, problems, others = [], [], [], {}
    for index, (where, feature, found) in enumerate(labelled):
        row, problem = ({}, found) if found else _row(feature, others)
        if problem:
            problems.append(f"{filename}: {where}: {problem}")
        else:
            rows.append(row)
            places.append(where.split()[-1] if unnamed == "row" else str(index + 1))
    raise_if_problems(problems)  # every problem; the page shows the first few (DataError.text)
    frame = gpd.GeoDataFrame(pd.DataFrame(rows), geometry="geometry", crs="EPSG:4326")
    frame["id"] = _unique([row["id"] for row in rows], places, unnamed)
    frame["name"] = [
        row["name"] if row["name"] is not None else fid for row, fid in zip(rows, frame["id"], strict=True)
    ]
    frame = frame.set_index("id", drop=False).rename_axis(None)
    frame.attrs["other_fields"] = max(0, len(others) - settings.UPLOAD_MAX_OTHER_FIELDS)
    return frame


def _decode(raw: bytes, filename: str) -> str:
    limit = settings.UPLOAD_MAX_MB * 1024 * 1024
    if len(raw) > limit:
        msg = f"{filename}: {len(raw) / 1024 / 1024:.1f} MB is over the {settings.UPLOAD_MAX_MB} MB upload limit."
        raise DataError(msg)
    try:
        return raw.decode("utf-8-sig")  # a byte-order mark, as some Windows editors write, is fine
    except UnicodeDecodeError as exc:
        msg = f"{filename}: not UTF-8 text ({exc.reason} at byte {exc.start})."
        raise DataError(msg) from None


def _check_tokens(text: str, filename: str) -> None:
    """Bound what the parser will build: each object, list, string and value costs memory."""
    for token, what, count, limit in (
        ("{", "objects", text.count("{"), settings.UPLOAD_MAX_OBJECTS),
        ("[", "lists", text.count("["), settings.UPLOAD_MAX_ARRAYS),
        ('"', "strings", text.count('"') // 2, settings.UPLOAD_MAX_STRINGS),
        (",", "values", text.count(","), settings.UPLOAD_MAX_SEPARATORS),
    ):
        if count > limit:
            msg = (
                f"{filename}: expected at most {limit:,} JSON {what} (counted by {token!r}); got {count:,}. "
                "Split the file or simplify its geometry."
            )
            raise DataError(msg)


def _parse(text: str, filename: str) -> object:
    keys: set[str] = set()
    features = 0

    def pairs_hook(pairs: list[tuple[str, object]]) -> dict:
        nonlocal features
        for key, _ in pairs:
            if key not in keys:
                keys.add(key)
                if len(keys) > settings.UPLOAD_MAX_KEYS:
                    raise _TooManyKeysError(key, features)
        obj = dict(pairs)
        if obj.get("type") == "Feature":
            features += 1  # features finish in order, so this counts the ones before the current one
        return obj

    def parse_int(digits: str) -> int | _HugeInteger:
        size = len(digits.lstrip("-"))
        return int(digits) if size <= settings.UPLOAD_MAX_DIGITS else _HugeInteger(size)

    try:
        return json.loads(text, object_pairs_hook=pairs_hook, parse_int=parse_int)
    except json.JSONDecodeError as exc:
        msg = f"{filename}: invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}."
        raise DataError(msg) from None
    except _TooManyKeysError as exc:
        msg = (
            f"{filename}: feature '#{exc.feature}': field {_short(exc.key)!r}: expected at most "
            f"{settings.UPLOAD_MAX_KEYS:,} distinct property names in the file; got more. "
            "Keep only the properties the map needs."
        )
        raise DataError(msg) from None
    except RecursionError:
        # Nesting hundreds of levels deep exhausts the parser's stack before our own check can run.
        where = _deep_place(text, settings.UPLOAD_MAX_DEPTH) or "a member outside the features"
        msg = f"{filename}: {where}: {_depth_problem()}"
        raise DataError(msg) from None


def _deep_place(text: str, limit: int) -> str | None:
    """Where nesting first goes deeper than ``limit``: the feature (#index) and field, if inside a feature."""
    stack: list[list] = []  # one [bracket, key token, item index] per open list or object
    last = ""
    for match in _TOKEN.finditer(text):
        token = match.group()
        if token in ("[", "{"):
            stack.append([token, None, 0])
            if len(stack) > limit:
                break
        elif token in ("]", "}"):
            if stack:
                stack.pop()
        elif token == ",":
            if stack:
                stack[-1][2] += 1
        elif token == ":":
            if stack:
                stack[-1][1] = last
        else:
            last = token
    names = [_key(entry[1]) for entry in stack]
    if len(stack) <= FEATURE_DEPTH or names[0] != "features" or stack[1][0] != "[":
        return None
    where = f"feature '#{stack[1][2]}'"
    field = names[3] if names[2] == "properties" and names[3] else names[2]
    return f"{where}: field {_short(field)!r}" if field else where


def _key(token: str | None) -> str | None:
    if token is None:
        return None
    try:
        return json.loads(token)
    except json.JSONDecodeError:
        return token[1:-1]


def _depth_problem() -> str:
    return f"expected at most {settings.UPLOAD_MAX_DEPTH} levels of nesting in the file; got more."


def _label(feature: object, index: int) -> str:
    fid = feature.get("id") if isinstance(feature, dict) else None
    if not isinstance(fid, (str, int)) or isinstance(fid, bool) or _scalar_problem(fid) is not None:
        return f"#{index}"  # an id that is not text one can print (a lone surrogate) is not the feature's name
    return _short(str(fid))


def _short(text: str, size: int = 40) -> str:
    return text if len(text) <= size else text[: size - 3] + "..."


def _row(feature: object, others: dict[str, int]) -> tuple[dict, str | None]:
    if not isinstance(feature, dict) or feature.get("type") != "Feature":
        return {}, "expected a GeoJSON Feature."
    properties = feature.get("properties")
    if properties is None:
        properties = {}
    elif not isinstance(properties, dict):
        return {}, f"field 'properties': expected an object or null; got {type(properties).__name__}."
    problem = _limits_problem(feature.get("geometry"), properties)
    if problem:
        return {}, problem
    if (problem := _scalar_problem(feature.get("id"))) is not None:  # it names the place, as a property would
        return {}, f"field 'id': {problem}"
    problem = _geometry_problem(feature.get("geometry"))
    if problem:
        return {}, f"field 'geometry': {problem}"
    try:
        geometry = _shape(feature["geometry"])
    except (ValueError, GEOSException) as exc:
        return {}, f"field 'geometry': expected a geometry that can be drawn; got {_short(str(exc).strip(), 80)!r}."
    if geometry.is_empty or not geometry.is_valid:
        return {}, f"field 'geometry': expected a valid geometry; got {explain_validity(geometry)}."
    values, problem = _kept(properties, others)
    if problem:
        return {}, problem
    fid = feature.get("id", properties.get("id"))
    fid = str(fid) if isinstance(fid, (str, int)) and not isinstance(fid, bool) and str(fid).strip() else None
    name = next(
        (str(properties[f]) for f in NAME_FIELDS if isinstance(properties.get(f), (str, int)) and properties[f] != ""),
        None,
    )
    return {**values, "id": fid, "name": name, "geometry": geometry}, None


def _limits_problem(geometry: object, properties: dict) -> str | None:
    """The first value of a feature over a limit (nesting, text, name, number), naming its field."""
    if (problem := _value_problem(geometry, FEATURE_DEPTH + 1)) is not None:
        return f"field 'geometry': {problem}"
    for key, value in properties.items():
        if len(key) > settings.UPLOAD_MAX_KEY_CHARS:
            return (
                f"field {_short(key)!r}: expected a property name of at most {settings.UPLOAD_MAX_KEY_CHARS} "
                f"characters; got {len(key):,}."
            )
        if (problem := _scalar_problem(key) or _value_problem(value, FEATURE_DEPTH + 2)) is not None:
            return f"field {_short(key)!r}: {problem}"
    return None


def _value_problem(value: object, depth: int) -> str | None:
    """Walk a parsed value without recursion (its nesting is what is being checked), in O(depth) memory."""
    stack = [(iter((value,)), depth - 1)]
    while stack:
        items, level = stack[-1]
        for item in items:
            if isinstance(item, (dict, list)):
                if level + 1 > settings.UPLOAD_MAX_DEPTH:
                    return _depth_problem()
                stack.append((iter(chain(item.keys(), item.values()) if isinstance(item, dict) else item), level + 1))
                break
            if (problem := _scalar_problem(item)) is not None:
                return problem
        else:
            stack.pop()
    return None


def _scalar_problem(item: object) -> str | None:
    if isinstance(item, str):
        if len(item) > settings.UPLOAD_MAX_TEXT_CHARS:
            return f"expected text of at most {settings.UPLOAD_MAX_TEXT_CHARS:,} characters; got {len(item):,}."
        if not item.isascii() and (bad := _SURROGATE.search(item)):
            return f"expected Unicode text; got an unpaired surrogate \\u{ord(bad.group()):04x}."
    elif isinstance(item, _HugeInteger):
        return f"expected an integer of at most {settings.UPLOAD_MAX_DIGITS} digits; got {item.digits:,} digits."
    elif isinstance(item, float) and not math.isfinite(item):
        return f"expected a finite number; got {item!r} (NaN, Infinity or a number beyond 1.8e308)."
    return None


def _geometry_problem(geometry: object) -> str | None:
    if isinstance(geometry, dict) and geometry.get("type") == COLLECTION:
        members = geometry.get("geometries")
        if not isinstance(members, list) or not members:
            return f"expected a {COLLECTION} with a list of geometries; got {_short(str(members))!r}."
        for number, member in enumerate(members):
            # Members are simple geometries: a collection inside one is nesting no map needs.
            problem = positions_problem(member, GEOMETRY_TYPES, bounds=None) or _geometry_problem(member)
            if problem:
                return f"geometry #{number}: {problem}"
        return None
    problem = positions_problem(geometry, (*GEOMETRY_TYPES, COLLECTION), bounds=None)
    if problem:
        return problem
    sizes = {len(position) for position in _positions(geometry["coordinates"])}
    if len(sizes) > 1:
        found = " and ".join(str(size) for size in sorted(sizes))
        return f"expected every position with the same number of values (2 or 3); got {found}."
    return None


def _shape(geometry: dict) -> BaseGeometry:
    """Like shapely's ``shape``, but through one float array per line or ring: shapely would first copy
    every position into a new list (about 120 MB more for a 20 MB file)."""
    kind = geometry["type"]
    if kind == COLLECTION:
        return GeometryCollection([_shape(member) for member in geometry["geometries"]])
    coordinates = geometry["coordinates"]
    if kind in ("Point", "MultiPoint", "LineString"):
        return {"Point": Point, "MultiPoint": MultiPoint, "LineString": LineString}[kind](_array(coordinates))
    if kind == "MultiLineString":
        return MultiLineString([_array(line) for line in coordinates])
    polygons = [coordinates] if kind == "Polygon" else coordinates
    shapes = [Polygon(_array(rings[0]), [_array(ring) for ring in rings[1:]]) for rings in polygons]
    return shapes[0] if kind == "Polygon" else MultiPolygon(shapes)


def _array(coordinates: list) -> np.ndarray:
    return np.asarray(coordinates, dtype=float)


def _positions(coordinates: list) -> list[list]:
    """Every position of coordinates already checked by positions_problem (at most four lists deep)."""
    if coordinates and not isinstance(coordinates[0], list):
        return [coordinates]
    return [position for item in coordinates for position in _positions(item)]


def _kept(properties: dict, others: dict[str, int]) -> tuple[dict, str | None]:
    """The properties the map and filters read, and the first few others as short text.

    ``others`` numbers the other property names in the order the file first uses them.
    """
    values = {}
    for key, value in properties.items():
        if key in settings.UPLOAD_KEPT_FIELDS:
            cell = _text(value, settings.UPLOAD_MAX_TEXT_CHARS)
            if isinstance(cell, str) and len(cell) > settings.UPLOAD_MAX_TEXT_CHARS:
                return {}, (
                    f"field {key!r}: expected at most {settings.UPLOAD_MAX_TEXT_CHARS:,} characters as JSON text; "
                    "got more."
                )
            values[key] = cell
        elif key != "geometry" and others.setdefault(key, len(others)) < settings.UPLOAD_MAX_OTHER_FIELDS:
            cell = _text(value, settings.UPLOAD_MAX_CELL_CHARS)
            if isinstance(cell, str) and len(cell) > settings.UPLOAD_MAX_CELL_CHARS:
                cell = cell[: settings.UPLOAD_MAX_CELL_CHARS - 1] + "…"
            values[key] = cell
    return values, None


def _text(value: object, size: int) -> object:
    """A list or object as JSON text, written only up to one character past ``size``; other values as they are."""
    if not isinstance(value, (list, dict)):
        return value if not isinstance(value, str) or len(value) <= size else value[: size + 1]
    text, length = [], 0
    for chunk in _ENCODER.iterencode(value):
        text.append(chunk)
        length += len(chunk)
        if length > size:
            break
    return "".join(text)[: size + 1]


def _unique(ids: list[str | None], places: list[str], unnamed: str = "feature") -> list[str]:
    """Keep every id the file gives once; a repeat gets the first ``-2``, ``-3``... the file does not use,
    a feature without an id ``feature-N`` (its place: position, or a CSV's row).

    Linear: each base id remembers the last suffix it tried, and names only get taken, so the search for a
    free suffix goes on from there (20,000 copies of one id: 20,000 tries, not 200 million).
    """
    taken = {fid for fid in ids if fid is not None}
    seen: set[str] = set()
    tried: dict[str, int] = {}
    out = []
    for fid, place in zip(ids, places, strict=True):
        base = fid if fid is not None else f"{unnamed}-{place}"
        new = base
        if (fid is not None and fid in seen) or (fid is None and base in taken):
            number = tried.get(base, 1) + 1
            while f"{base}-{number}" in taken:
                number += 1
            tried[base] = number
            new = f"{base}-{number}"
        taken.add(new)
        seen.add(new)
        out.append(new)
    return out
