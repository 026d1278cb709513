"""Load every layer and table, validate them together, and hand back frames."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import pandas as pd

from geo import settings
from geo.data.load import read_each_table, read_geojson, read_package, split_list, to_frame
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


def load_dataset(data_dir: Path = settings.DATA_DIR) -> Dataset:
    """Read, validate and return the whole dataset.

    Parameters
    ----------
    data_dir : Path
        A folder laid out like ``data/``: ``geojson/<layer>.geojson`` and every table that
        ``data/datapackage.json`` describes (checked against the project's own schema).

    Returns
    -------
    Dataset

    Raises
    ------
    DataError
        Listing every problem found in any file, each naming file, feature id or row, and field.
    """
    data_dir = Path(data_dir)
    package = read_package()
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
