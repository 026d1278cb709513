"""Load every layer and table, validate them together, and hand back frames."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import pandas as pd

from geo import settings
from geo.load import read_geojson, read_table, to_frame
from geo.validate import (
    cross_layer_problems,
    facts_problems,
    layer_problems,
    raise_if_problems,
    sources_problems,
)


@dataclass(frozen=True)
class Dataset:
    """The validated layers and tables, facts with numeric values."""

    ports: gpd.GeoDataFrame
    corridors: gpd.GeoDataFrame
    zones: gpd.GeoDataFrame
    facts: pd.DataFrame
    sources: pd.DataFrame

    def layer(self, name: str) -> gpd.GeoDataFrame:
        return getattr(self, name)


def _features(collection: object) -> list[dict]:
    features = collection.get("features") if isinstance(collection, dict) else None
    return [f for f in features if isinstance(f, dict)] if isinstance(features, list) else []


def load_dataset(data_dir: Path = settings.DATA_DIR) -> Dataset:
    """Read, validate and return the whole dataset.

    Parameters
    ----------
    data_dir : Path
        A folder laid out like ``data/``: ``geojson/<layer>.geojson``, ``facts.csv``, ``sources.csv``.

    Returns
    -------
    Dataset

    Raises
    ------
    DataError
        Listing every problem found in any file, each naming file, feature id and field.
    """
    data_dir = Path(data_dir)
    collections: dict[str, dict] = {}
    problems: list[str] = []
    for layer in settings.LAYERS:
        path = data_dir / "geojson" / layer.filename
        collection = read_geojson(path)
        problems.extend(layer_problems(collection, layer, path))
        collections[layer.name] = collection

    port_ids = {f["id"] for f in _features(collections["ports"]) if isinstance(f.get("id"), str)}
    problems.extend(
        cross_layer_problems(collections["corridors"], port_ids, data_dir / "geojson" / "corridors.geojson")
    )
    raise_if_problems(problems)

    frames = {name: to_frame(collection) for name, collection in collections.items()}
    entity_ids = {*settings.AGGREGATE_ENTITIES, *(i for frame in frames.values() for i in frame.index)}
    sources_path, facts_path = data_dir / "sources.csv", data_dir / "facts.csv"
    sources, facts = read_table(sources_path), read_table(facts_path)
    problems = sources_problems(sources, sources_path)
    source_ids = set(sources["source_id"]) if "source_id" in sources else set()
    problems += facts_problems(facts, entity_ids, source_ids, facts_path)
    raise_if_problems(problems)

    facts = facts.assign(value=facts["value"].astype(float))
    return Dataset(sources=sources, facts=facts, **frames)
