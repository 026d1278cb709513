"""Read the layer files and the fact and source tables, without judging them."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import geopandas as gpd
import pandas as pd

from geo.errors import DataError


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
        If the file is missing, not UTF-8 or not valid JSON.
    """
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        msg = f"{path}: file not found."
        raise DataError(msg) from None
    except UnicodeDecodeError as exc:
        msg = f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})."
        raise DataError(msg) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        msg = f"{path}: invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}."
        raise DataError(msg) from None


def read_table(path: Path) -> pd.DataFrame:
    """Read a CSV table with every cell as text, so validation sees what was written.

    Raises
    ------
    DataError
        If the file is missing or not UTF-8.
    """
    try:
        with open(path, newline="", encoding="utf-8") as handle:
            reader = csv.DictReader(handle)
            rows = list(reader)
            columns = list(reader.fieldnames or [])
    except FileNotFoundError:
        msg = f"{path}: file not found."
        raise DataError(msg) from None
    except UnicodeDecodeError as exc:
        msg = f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})."
        raise DataError(msg) from None
    # A row with more or fewer cells than the header (often an unquoted comma) would lose text.
    problems = [
        f"{path}: row {number}: expected {len(columns)} cells as in the header; got "
        f"{len(columns) + len(row[None]) if None in row else sum(v is not None for v in row.values())} "
        "(is a comma in a cell unquoted?)."
        for number, row in enumerate(rows, start=2)
        if None in row or None in row.values()
    ]
    if problems:
        raise DataError("\n".join(problems))
    return pd.DataFrame(rows, columns=columns, dtype=object)


def to_frame(collection: dict) -> gpd.GeoDataFrame:
    """Turn a validated FeatureCollection into a GeoDataFrame indexed by feature id."""
    frame = gpd.GeoDataFrame.from_features(collection["features"], crs="EPSG:4326")
    # JSON null in a text field stays None (pandas would make it NaN, which prints as "nan").
    for column in frame.columns.drop("geometry"):
        if not pd.api.types.is_numeric_dtype(frame[column]):
            frame[column] = frame[column].astype(object).where(frame[column].notna(), None)
    return frame.set_index("id", drop=False).rename_axis(None)
