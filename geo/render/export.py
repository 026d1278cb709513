"""Downloads of the filtered selection: GeoJSON and CSV that load back unchanged, CSV safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io
import json
import math

import geopandas as gpd
import numpy as np
import pandas as pd
from shapely.geometry import mapping
from shapely.geometry.base import BaseGeometry

from geo.render import present

# A text cell starting with one of these is read by spreadsheets as a formula (OWASP, "CSV Injection";
# NUL from OWASP ASVS 5.0 requirement 1.2.10); such cells are written with a leading apostrophe.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\0")
# Excel reads a CSV as UTF-8 (Chinese names intact) only when it starts with a byte-order mark.
BOM = "\ufeff"
# Floats up to 2**53 are exact integers; beyond it a whole float is not an exact count.
EXACT_INTEGER = 2**53


def selection_geojson(frames: dict[str, gpd.GeoDataFrame], view: dict[str, str] | None = None) -> str:
    """One FeatureCollection of every shown feature, each tagged with its ``layer``; missing values are null.

    ``view``, the link's query parameters for what was shown (filters, search, period), is kept in the
    collection's ``view`` member (a foreign member, which GeoJSON readers ignore), so the file says how it
    was made and the same link reopens it.
    """
    features = [f for layer, frame in frames.items() for f in _features(layer, frame)]
    collection = {"type": "FeatureCollection", "features": features}
    if view is not None:
        collection["view"] = dict(view)
    return json.dumps(collection, ensure_ascii=False, allow_nan=False, default=_plain)


def selection_csv(frames: dict[str, gpd.GeoDataFrame]) -> str:
    """One row per shown feature: its layer, its properties (lists as JSON) and its geometry as WKT.

    Written as :func:`safe_csv` writes every table.
    """
    tables = [
        pd.DataFrame(frame.drop(columns="geometry")).assign(geometry=frame.geometry.to_wkt(), layer=layer)
        for layer, frame in frames.items()
    ]
    columns = ["layer", "id"]
    table = pd.concat(tables, ignore_index=True) if tables else pd.DataFrame(columns=columns)
    return safe_csv(table[columns + [c for c in table.columns if c not in columns]])


def facts_csv(cited: pd.DataFrame, entity_ids: list[str]) -> str:
    """The cited figures about the shown features and the region, one row per figure (see :func:`safe_csv`)."""
    rows = cited[cited["entity_id"].isin(entity_ids)].sort_values(["entity_id", "metric", "fact_id"], kind="stable")
    # The article's public address replaces the name of our local copy; each figure gets a line to paste.
    rows = rows.drop(columns=["source_file"], errors="ignore").assign(
        cite=[present.cite_line(row) for row in rows.to_dict("records")]
    )
    return safe_csv(rows)


def safe_csv(table: pd.DataFrame) -> str:
    """A table as CSV that spreadsheets open safely and pandas, Python's csv module and GDAL read alike.

    - A UTF-8 byte-order mark first, rows ended by CRLF (RFC 4180).
    - Text starting with ``=``, ``+``, ``-``, ``@``, tab, carriage return or NUL gets a leading
      apostrophe (OWASP's rule against formula injection). Numbers stay numbers: a negative number
      is written as a plain number such as ``-2.5``, which spreadsheets read as a number, not a formula.
    - A line break inside a cell is written as ``\\n`` in a quoted cell: a bare ``\\r`` or ``\\r\\n``
      becomes ``\\n`` (GDAL reads either back as ``\\n``; pandas and the csv module would keep them).
    - Whole numbers are written without a decimal point (``17``, not ``17.0``), also in a column that
      pandas holds as floats because some cells are missing; missing values are empty cells.
    - Lists and objects are written as JSON text.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([_cell(column) for column in table.columns])
    writer.writerows([_cell(value) for value in row] for row in table.itertuples(index=False, name=None))
    return BOM + out.getvalue()


def _cell(value: object) -> str:
    if _missing(value):
        return ""
    if isinstance(value, (bool, np.bool_)):
        return str(bool(value))
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    if isinstance(value, (float, np.floating)):
        value = float(value)
        return str(int(value)) if value.is_integer() and abs(value) < EXACT_INTEGER else repr(value)
    text = json.dumps(value, ensure_ascii=False) if isinstance(value, (list, tuple, dict)) else str(value)
    safe = text.replace("\r\n", "\n").replace("\r", "\n")
    return "'" + safe if text.startswith(FORMULA_PREFIXES) else safe


def _missing(value: object) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, (float, np.floating)) and math.isnan(value)


def _features(layer: str, frame: gpd.GeoDataFrame) -> list[dict]:
    features = []
    for fid, row in frame.iterrows():
        properties = {"layer": layer, **{k: None if _missing(v) else v for k, v in row.items() if k != "geometry"}}
        # A port whose location is unknown has no geometry: GeoJSON says so with null.
        drawn = isinstance(row.geometry, BaseGeometry) and not row.geometry.is_empty
        geometry = mapping(row.geometry) if drawn else None
        features.append({"type": "Feature", "id": fid, "properties": properties, "geometry": geometry})
    return features


def _plain(value: object) -> object:
    if hasattr(value, "item"):
        return value.item()
    msg = f"cannot write {type(value).__name__} to GeoJSON"
    raise TypeError(msg)
