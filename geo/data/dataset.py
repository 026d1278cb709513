"""Load every layer and table, validate them together, and hand back frames."""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path

import geopandas as gpd
import pandas as pd

from geo import settings
from geo.data import cache
from geo.data.load import gc_paused, read_each_table, read_geojson, read_package, split_list, to_frame
from geo.data.validate import (
    cross_layer_problems,
    entity_problems,
    layer_problems,
    model_problems,
    raise_if_problems,
    tables_problems,
)
from geo.errors import DataError


@dataclass(frozen=True)
class Dataset:
    """The validated layers and tables.

    ``ports``, ``corridors`` and ``zones`` are the built layers indexed by id; ``facts`` has numeric
    values and holds facts.csv's figures and facts_in_words.csv's (``stated_as``: the words a figure
    is printed as, empty for figures in digits); ``groups`` (indexed by id: name, name_zh, kind, aliases as a list) are the entities
    facts may cite besides features; ``port_counts`` (measure, port_id, ref_id, note) says which port
    counts towards which stated count; ``events`` (event_id, entity_id, event, date, ref_id, check_ref, note:
    dated changes to places, an empty date where none is published) is their history; ``references`` (indexed by ref_id) are the public references
    behind coordinates, areas, statuses and counts; ``sources`` are the articles.
    """

    ports: gpd.GeoDataFrame
    corridors: gpd.GeoDataFrame
    zones: gpd.GeoDataFrame
    facts: pd.DataFrame
    sources: pd.DataFrame
    groups: pd.DataFrame
    port_counts: pd.DataFrame
    references: pd.DataFrame
    events: pd.DataFrame

    def layer(self, name: str) -> gpd.GeoDataFrame:
        return getattr(self, name)

    def parents(self) -> dict[str, str | None]:
        """Each feature's parent group, or None, keyed by feature id (ports and zones may have one)."""
        out: dict[str, str | None] = {}
        for layer in settings.LAYERS:
            frame = self.layer(layer.name)
            parents = frame["parent"] if "parent" in frame else pd.Series(None, index=frame.index, dtype=object)
            out |= {i: (p if isinstance(p, str) else None) for i, p in parents.items()}
        return out

    def entity_names(self) -> dict[str, str]:
        """The display name of every feature and group, keyed by id."""
        names = {i: n for layer in settings.LAYERS for i, n in self.layer(layer.name)["name"].items()}
        return names | self.groups["name"].to_dict()


def _features(collection: object) -> list[dict]:
    features = collection.get("features") if isinstance(collection, dict) else None
    return [f for f in features if isinstance(f, dict)] if isinstance(features, list) else []


def load_dataset(data_dir: Path = settings.DATA_DIR, *, use_cache: bool = True) -> Dataset:
    """Read, validate and return the whole dataset.

    A dataset that passed validation is cached (``settings.cache_dir()``), keyed by the bytes of every file
    read and the code: the same files load from the cache; any change, or a damaged cache, loads in full.

    Parameters
    ----------
    data_dir : Path
        A folder laid out like ``data/``: ``geojson/<layer>.geojson`` and every table that
        ``data/datapackage.json`` describes (checked against the project's own schema).
    use_cache : bool
        Read and write the cache (if ``settings.cache_dir()`` names one).

    Returns
    -------
    Dataset

    Raises
    ------
    DataError
        Listing every problem found in any file, each naming file, feature id or row, and field.
    """
    # Parsing, validating and reading the cache: most of a 100,000-port load's time was the collector's.
    with gc_paused():
        return _cached_load(Path(data_dir), use_cache)


def _cached_load(data_dir: Path, use_cache: bool) -> Dataset:
    package = read_package()
    folder = settings.cache_dir() if use_cache else None
    inputs = _inputs(data_dir, package)
    entry = cache.key(inputs) if folder else None
    if folder and entry:
        frames = cache.read(folder, entry)
        if frames is not None and set(frames) == set(_FIELDS):
            cache.touch(folder, entry)
            return Dataset(**frames)
    dataset = _load(data_dir, package)
    # Stored only if no input changed while it was read, so an entry always holds what its key's files say.
    if folder and entry and cache.key(inputs) == entry:
        cache.write(folder, entry, {name: getattr(dataset, name) for name in _FIELDS})
    return dataset


_FIELDS = tuple(field.name for field in fields(Dataset))


def _inputs(data_dir: Path, package: dict) -> list[Path]:
    """Every file a load reads: the schema, the layers and the tables."""
    layers = [data_dir / "geojson" / layer.filename for layer in settings.LAYERS]
    tables = [data_dir / str(resource.get("path")) for resource in package["resources"]]
    return [settings.DATAPACKAGE_PATH, *layers, *tables]


def _load(data_dir: Path, package: dict) -> Dataset:
    # Each file on its own first: every unreadable or broken file is reported together.
    problems: list[str] = []
    collections: dict[str, object] = {}
    for layer in settings.LAYERS:
        path = data_dir / "geojson" / layer.filename
        try:
            collections[layer.name] = read_geojson(path)
        except DataError as exc:
            problems += exc.problems
            continue
        problems.extend(layer_problems(collections[layer.name], layer, path))
    tables, unread = read_each_table(data_dir, package)
    problems += unread
    # The tables that could be read are checked, and the ids they cite from each other, whatever else is wrong.
    problems += tables_problems(tables, package, data_dir)
    raise_if_problems(problems)

    # Then what the files say about each other.
    port_ids = {f["id"] for f in _features(collections["ports"]) if isinstance(f.get("id"), str)}
    problems = cross_layer_problems(collections["corridors"], port_ids, data_dir / "geojson" / "corridors.geojson")
    problems += model_problems(tables, data_dir)
    raise_if_problems(problems)
    frames = {layer.name: to_frame(collections[layer.name], layer.required) for layer in settings.LAYERS}
    groups = _groups(tables["groups"])
    raise_if_problems(
        entity_problems(
            tables["facts"], tables["port_counts"], frames, groups.index, data_dir, tables["facts_in_words"]
        )
    )

    return Dataset(
        sources=tables["sources"],
        facts=_figures(tables["facts"], tables["facts_in_words"]),
        groups=groups,
        port_counts=tables["port_counts"],
        events=tables["events"],
        references=tables["references"].set_index("ref_id", drop=False).rename_axis(None),
        **frames,
    )


def _figures(facts: pd.DataFrame, in_words: pd.DataFrame) -> pd.DataFrame:
    """One table of figures: facts.csv's rows, then facts_in_words.csv's, with numeric values.

    ``stated_as`` holds the words a figure in words is printed as, and is empty for the others.
    """
    figures = pd.concat([facts.assign(stated_as=""), in_words], ignore_index=True)
    return figures.assign(value=figures["value"].astype(float))


def _groups(table: pd.DataFrame) -> pd.DataFrame:
    groups = table.assign(
        name_zh=table["name_zh"].where(table["name_zh"] != "", None),
        aliases=table["aliases"].map(split_list),
    )
    return groups.set_index("id", drop=False).rename_axis(None)
