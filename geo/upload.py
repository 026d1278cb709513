"""Read an analyst's own GeoJSON layer, uploaded in the browser, into a frame the map can overlay."""

from __future__ import annotations

import json

import geopandas as gpd
import pandas as pd
from shapely.geometry import shape
from shapely.validation import explain_validity

from geo import settings
from geo.errors import DataError
from geo.validate import positions_problem, raise_if_problems

GEOMETRY_TYPES = ("Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon")
NAME_FIELDS = ("name", "name_en", "title", "label", "id")
MAX_REPORTED = 10


def read_upload(raw: bytes, filename: str) -> gpd.GeoDataFrame:
    """Parse an uploaded GeoJSON FeatureCollection; the built-in data is never touched.

    Returns
    -------
    GeoDataFrame
        Indexed by a unique ``id``, with a ``name`` column and the file's own properties (lists and
        objects as JSON text).

    Raises
    ------
    DataError
        If the file is too big, not UTF-8 JSON, not a FeatureCollection, has too many features, or
        features whose geometry cannot be drawn; the message names the file and the features.
    """
    limit = settings.UPLOAD_MAX_MB * 1024 * 1024
    if len(raw) > limit:
        msg = f"{filename}: {len(raw) / 1024 / 1024:.1f} MB is over the {settings.UPLOAD_MAX_MB} MB upload limit."
        raise DataError(msg)
    try:
        document = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        msg = f"{filename}: not UTF-8 text ({exc.reason} at byte {exc.start})."
        raise DataError(msg) from None
    except json.JSONDecodeError as exc:
        msg = f"{filename}: invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}."
        raise DataError(msg) from None
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
    rows, problems = [], []
    for index, feature in enumerate(features):
        row, problem = _row(feature, index)
        if problem:
            problems.append(f"{filename}: feature {_label(feature, index)!r}: {problem}")
        else:
            rows.append(row)
    if len(problems) > MAX_REPORTED:
        problems = [
            *problems[:MAX_REPORTED],
            f"{filename}: ... and {len(problems) - MAX_REPORTED} more features like these.",
        ]
    raise_if_problems(problems)
    frame = gpd.GeoDataFrame(pd.DataFrame(rows), geometry="geometry", crs="EPSG:4326")
    frame["id"] = _unique(frame["id"])
    return frame.set_index("id", drop=False).rename_axis(None)


def _label(feature: object, index: int) -> str:
    fid = feature.get("id") if isinstance(feature, dict) else None
    return str(fid)[:40] if isinstance(fid, (str, int)) else f"#{index}"


def _row(feature: object, index: int) -> tuple[dict, str | None]:
    if not isinstance(feature, dict) or feature.get("type") != "Feature":
        return {}, "expected a GeoJSON Feature."
    problem = positions_problem(feature.get("geometry"), GEOMETRY_TYPES, bounds=None)
    if problem:
        return {}, f"field 'geometry': {problem}"
    try:
        geometry = shape(feature["geometry"])
    except (ValueError, TypeError, AttributeError) as exc:
        return {}, f"field 'geometry': cannot be drawn ({exc})."
    if geometry.is_empty or not geometry.is_valid:
        return {}, f"field 'geometry': expected a valid geometry; got {explain_validity(geometry)}."
    properties = feature.get("properties") if isinstance(feature.get("properties"), dict) else {}
    values = {str(k): _scalar(v) for k, v in properties.items() if str(k) not in ("geometry",)}
    fid = feature.get("id", properties.get("id"))
    fid = str(fid) if isinstance(fid, (str, int)) and str(fid) else f"feature-{index + 1}"
    name = next((str(properties[f]) for f in NAME_FIELDS if isinstance(properties.get(f), (str, int))), fid)
    return {**values, "id": fid, "name": name, "geometry": geometry}, None


def _scalar(value: object) -> object:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, (list, dict)) else value


def _unique(ids: pd.Series) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for fid in ids:
        seen[fid] = seen.get(fid, 0) + 1
        out.append(fid if seen[fid] == 1 else f"{fid}-{seen[fid]}")
    return out
