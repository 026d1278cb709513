"""Downloads of the filtered selection: GeoJSON and CSV that load back into geopandas unchanged."""

from __future__ import annotations

import json

import geopandas as gpd
import pandas as pd
from shapely.geometry import mapping


def _features(layer: str, frame: gpd.GeoDataFrame) -> list[dict]:
    features = []
    for fid, row in frame.iterrows():
        properties = {"layer": layer, **{k: v for k, v in row.items() if k != "geometry"}}
        features.append({"type": "Feature", "id": fid, "properties": properties, "geometry": mapping(row.geometry)})
    return features


def selection_geojson(frames: dict[str, gpd.GeoDataFrame]) -> str:
    """One FeatureCollection of every shown feature, each tagged with its ``layer``."""
    features = [f for layer, frame in frames.items() for f in _features(layer, frame)]
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False, default=_plain)


def selection_csv(frames: dict[str, gpd.GeoDataFrame]) -> str:
    """One row per shown feature: its layer, its properties (lists as JSON) and its geometry as WKT."""
    tables = []
    for layer, frame in frames.items():
        table = pd.DataFrame(frame.drop(columns="geometry")).assign(geometry=frame.geometry.to_wkt())
        tables.append(
            table.map(lambda v: json.dumps(v, ensure_ascii=False) if isinstance(v, list) else v).assign(layer=layer)
        )
    columns = ["layer", "id"]
    table = pd.concat(tables, ignore_index=True) if tables else pd.DataFrame(columns=columns)
    return table[columns + [c for c in table.columns if c not in columns]].to_csv(index=False)


def facts_csv(cited: pd.DataFrame, entity_ids: list[str]) -> str:
    """The cited figures about the shown features and the region, one row per figure."""
    rows = cited[cited["entity_id"].isin(entity_ids)]
    return rows.sort_values(["entity_id", "metric", "fact_id"], kind="stable").to_csv(index=False)


def _plain(value: object) -> object:
    if hasattr(value, "item"):
        return value.item()
    msg = f"cannot write {type(value).__name__} to GeoJSON"
    raise TypeError(msg)
