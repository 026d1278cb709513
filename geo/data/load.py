"""Read the layer files, the table schema and the tables, without judging them."""

from __future__ import annotations

import codecs
import contextlib
import csv
import gc
import io
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import geopandas as gpd
import pandas as pd

from geo import settings
from geo.errors import DataError


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Hold Python's garbage collector while bulk work builds many objects that all stay alive.

    At 100,000 features, parsing, validating or keying builds millions of small lists and dicts, none of them
    garbage; the collector would walk them all again and again, most of the time spent.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def _found(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def read_text(path: Path) -> str:
    """A UTF-8 text file's content.

    Raises
    ------
    DataError
        If the file is missing or not UTF-8, naming the file, the line and the byte.
    """
    try:
        return decode(Path(path).read_bytes(), path)
    except FileNotFoundError:
        msg = f"{path}: file not found."
        raise DataError(msg) from None


def decode(raw: bytes, path: Path | str, bom: bool = False) -> str:
    """Bytes as UTF-8 text (``bom``: a leading byte-order mark dropped); a DataError names the line otherwise."""
    start = len(codecs.BOM_UTF8) if bom and raw.startswith(codecs.BOM_UTF8) else 0
    try:
        return raw[start:].decode("utf-8")
    except UnicodeDecodeError as exc:
        byte = start + exc.start
        line = raw.count(b"\n", 0, byte) + 1
        msg = f"{path}: line {line}: not UTF-8 text ({exc.reason} at byte {byte})."
        raise DataError(msg) from None


def read_geojson(path: Path) -> dict:
    """Parse a GeoJSON file into plain Python objects.

    Parameters
    ----------
    path : Path
        The file to read.

    Returns
    -------
    dict
        The parsed JSON document, untouched.

    Raises
    ------
    DataError
        If the file is missing, not UTF-8, not valid JSON, nested too deeply or holds a number
        Python refuses to read (an integer of thousands of digits).
    """
    text = read_text(path)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        msg = f"{path}: invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}."
        raise DataError(msg) from None
    except RecursionError:
        msg = f"{path}: expected JSON nested a few levels deep; got nesting too deep to read."
        raise DataError(msg) from None
    except ValueError as exc:  # e.g. an integer longer than Python's 4,300-digit conversion limit
        msg = f"{path}: expected numbers of ordinary size; got one Python cannot read ({str(exc).splitlines()[0]})."
        raise DataError(msg) from None


def _read_rows(path: Path) -> tuple[list[str], list[list[str]], list[str]]:
    """The header, the rows and the problems that keep a CSV file from being a table."""
    try:
        # A byte-order mark (as Excel writes) is not part of the first column's name.
        text = decode(Path(path).read_bytes(), path, bom=True)
    except FileNotFoundError:
        return [], [], [f"{path}: file not found."]
    except DataError as exc:
        return [], [], exc.problems
    rows: list[list[str]] = []
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    line = 1  # where the record being read starts
    try:
        for row in reader:
            rows.append(row)
            line = reader.line_num + 1
    except csv.Error as exc:
        # Rows are numbered as records, the header being row 1; blank lines are skipped, as below.
        number = 1 + sum(1 for row in rows[1:] if row) + (1 if rows else 0)
        got = "a quoted cell that is never closed" if "end of data" in str(exc) else "a row the csv reader rejects"
        return [], [], [f"{path}: row {number} (line {line}): expected CSV; got {got} ({exc})."]
    if not rows:
        return [], [], [f"{path}: expected a header row; got an empty file."]
    # Rows are numbered as records, the header being row 1; blank lines are skipped, as a spreadsheet would.
    columns, body = rows[0], [row for row in rows[1:] if row]
    # A row with more or fewer cells than the header (often an unquoted comma) would lose text.
    problems = [
        f"{path}: row {number}: expected {len(columns)} cells as in the header; got {len(row)}"
        + (" (is a comma in a cell unquoted?)." if len(row) > len(columns) else ".")
        for number, row in enumerate(body, start=2)
        if len(row) != len(columns)
    ]
    return columns, body, problems


def read_table(path: Path) -> pd.DataFrame:
    """Read a CSV table with every cell as text, so validation sees what was written.

    Blank lines are skipped; a byte-order mark at the start is dropped.

    Raises
    ------
    DataError
        If the file is missing, not UTF-8, not CSV, or a row's cells do not match the header.
    """
    columns, rows, problems = _read_rows(path)
    if problems:
        raise DataError(problems)
    return pd.DataFrame(rows, columns=columns, dtype=object)


def read_package(path: Path = settings.DATAPACKAGE_PATH) -> dict:
    """The Frictionless data package descriptor that describes every table.

    Raises
    ------
    DataError
        If the descriptor is missing or not JSON.
    """
    package = read_geojson(path)
    if not isinstance(package, dict) or not isinstance(package.get("resources"), list):
        msg = f"{path}: expected a data package with a 'resources' list; got {_found(package)}."
        raise DataError(msg)
    return package


def read_tables(data_dir: Path, package: dict) -> dict[str, pd.DataFrame]:
    """Read every table the package describes from ``data_dir``, each cell as text.

    Returns
    -------
    dict of str to DataFrame
        Keyed by resource name, in the package's order.

    Raises
    ------
    DataError
        Listing every table that is missing, not UTF-8, not CSV or has rows of the wrong length.
    """
    tables, problems = read_each_table(data_dir, package)
    if problems:
        raise DataError(problems)
    return tables


def read_each_table(data_dir: Path, package: dict) -> tuple[dict[str, pd.DataFrame], list[str]]:
    """The tables that could be read, keyed by resource name, and the problems of those that could not."""
    tables, problems = {}, []
    for resource in package["resources"]:
        path = Path(data_dir) / resource["path"]
        columns, rows, found = _read_rows(path)
        problems += found
        if not found:
            tables[resource["name"]] = pd.DataFrame(rows, columns=columns, dtype=object)
    return tables, problems


def split_list(cell: object, separator: str = ";") -> list[str]:
    """The items of a list cell (``"road;rail"``); an empty cell is an empty list."""
    return str(cell).split(separator) if isinstance(cell, str) and cell else []


_BODY = r"(?P<deg{n}>[0-9]{{1,3}}(?:\.[0-9]+)?)°(?:(?P<min{n}>[0-9]{{1,2}}(?:\.[0-9]+)?)′(?:(?P<sec{n}>[0-9]{{1,2}}(?:\.[0-9]+)?)″)?)?"
_PART = r"(?:(?P<pre{n}>[NSEW]) ?" + _BODY + r"|" + _BODY.replace("{n}>", "{n}b>") + r" ?(?P<post{n}>[NSEW]))"
_COORDINATE = re.compile(_PART.format(n=1) + ",? " + _PART.format(n=2))


def parse_coordinate(text: str) -> tuple[float, float]:
    """Read a coordinate written as its reference gives it, into (lon, lat) rounded to 6 decimals.

    Accepts degrees with optional minutes and seconds (``44°12′45″N 80°24′35″E``), the hemisphere
    before or after each part (``N 45°12′05″ E 82°33′11″``), either order (``82°48′E 46°41′N``) and
    decimal degrees (``42.9512°N 89.1895°E``).

    Raises
    ------
    ValueError
        Saying what is wrong, for a message naming file, row and field.
    """
    match = _COORDINATE.fullmatch(text)
    if not match:
        msg = "expected a coordinate such as 44°12′45″N 80°24′35″E"
        raise ValueError(msg)
    values: dict[str, float] = {}
    for n in (1, 2):
        parts = match.groupdict()
        hemisphere = parts[f"pre{n}"] or parts[f"post{n}"]
        suffix = "" if parts[f"pre{n}"] else "b"
        deg, minutes, seconds = (parts[f"{k}{n}{suffix}"] for k in ("deg", "min", "sec"))
        if (minutes is not None and "." in deg) or (seconds is not None and "." in minutes):
            msg = "expected decimals on the last part only (degrees, minutes or seconds)"
            raise ValueError(msg)
        if float(minutes or 0) >= 60 or float(seconds or 0) >= 60:
            msg = "expected minutes and seconds below 60"
            raise ValueError(msg)
        # The same arithmetic as the coordinates were first entered with, so the layers stay byte-identical.
        value = round(float(deg) + float(minutes or 0) / 60 + float(seconds or 0) / 3600, settings.COORDINATE_DECIMALS)
        axis = "lat" if hemisphere in "NS" else "lon"
        if axis in values:
            msg = "expected one latitude (N/S) and one longitude (E/W)"
            raise ValueError(msg)
        values[axis] = -value if hemisphere in "SW" else value
    if abs(values["lat"]) > 90 or abs(values["lon"]) > 180:
        msg = "expected latitude up to 90° and longitude up to 180°"
        raise ValueError(msg)
    return values["lon"], values["lat"]


def to_frame(collection: dict, columns: Iterable[str] = ("id",)) -> gpd.GeoDataFrame:
    """Turn a validated FeatureCollection into a GeoDataFrame indexed by feature id.

    A feature with a null geometry (a port whose location is unknown) keeps a missing geometry; an
    empty layer still has the given ``columns`` (the layer's required fields), so filters and tables work.
    """
    frame = gpd.GeoDataFrame.from_features(collection["features"], crs="EPSG:4326")
    if "geometry" not in frame:  # an empty layer
        frame = gpd.GeoDataFrame(frame, geometry=gpd.GeoSeries([], crs="EPSG:4326"))
    for column in columns:
        if column not in frame:
            frame[column] = pd.Series(dtype=object)
    # JSON null in a text field stays None (pandas would make it NaN, which prints as "nan").
    for column in frame.columns.drop("geometry"):
        if not pd.api.types.is_numeric_dtype(frame[column]):
            frame[column] = frame[column].astype(object).where(frame[column].notna(), None)
    return frame.set_index("id", drop=False).rename_axis(None)
