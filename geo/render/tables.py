"""The places tables and counts as the browser takes them: columns once per session, filtered in the browser."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from geo import settings
from geo.explore import controls

# The tables' tabs, in order, and their titles.
TITLES: dict[str, str] = {"ports": "Ports", "corridors": "Corridors", "zones": "Zones"}


def cells(table: pd.DataFrame) -> list[list[object]]:
    """The table's rows as JSON-ready lists: a missing value is None, numbers stay numbers."""
    columns = []
    for name in table.columns:
        column = table[name]
        values = column.to_numpy(dtype=object)
        missing = column.isna().to_numpy()
        if pd.api.types.is_integer_dtype(column):
            values = [int(v) for v in values]
        elif pd.api.types.is_float_dtype(column):
            values = [
                None if m else (int(v) if float(v).is_integer() else float(v))
                for v, m in zip(values, missing, strict=True)
            ]
        else:
            # a headline figure is {"value": 9500, "text": "over 9,500 (2025)"}: sorted by one, shown as the other
            values = [
                None if m or v is None else (v if isinstance(v, (str, int, float, dict)) else str(v))
                for v, m in zip(values, missing, strict=True)
            ]
        columns.append(values)
    return [list(row) for row in zip(*columns, strict=True)] if columns else [[] for _ in range(len(table))]


def layer_table(name: str, title: str, table: pd.DataFrame) -> dict:
    """One tab: its columns (the id aside: it is for links, not for reading), rows and ids."""
    shown = table[[c for c in table.columns if c != "id"]]
    return {
        "name": name,
        "title": title,
        "columns": list(shown.columns),
        "rows": cells(shown),
        "ids": table["id"].tolist(),
    }


def undrawn(layer: str, frame: pd.DataFrame, keys: Mapping[str, str], prefix: str = "") -> dict[str, dict]:
    """What filters the rows the map does not draw (a port whose location is unknown): the map filters the rest."""
    geometry = frame.geometry
    missing = (geometry.isna() | geometry.is_empty).to_numpy()
    if not missing.any():
        return {}
    rows = frame[missing]
    values = controls.feature_values(layer, rows)
    return {prefix + fid: {"layer": layer, "values": values[fid], "search": keys.get(fid, "")} for fid in rows.index}


def counted(reconciled: pd.DataFrame) -> list[dict]:
    """The ports behind each count the articles state, so the browser counts how many of them are shown."""
    return [
        {"label": row.label, "total": int(row.layer_count), "ids": [p["id"] for p in row.ports]}
        for row in reconciled.itertuples()
    ]


def payload(
    tables: Mapping[str, pd.DataFrame],
    frames: Mapping[str, pd.DataFrame],
    keys: Mapping[str, Mapping[str, str]],
    reconciled: pd.DataFrame,
) -> dict:
    """The built-in layers' tables, what filters their undrawn rows, and the counts' rules (see static/xj/places.js)."""
    return {
        "layers": [layer_table(name, TITLES[name], tables[name]) for name in TITLES],
        "undrawn": {k: v for name in TITLES for k, v in undrawn(name, frames[name], keys[name]).items()},
        "counts": {
            "totals": {name: len(frames[name]) for name in TITLES},
            "modes": list(settings.MODES),
            "statuses": list(settings.PORT_STATUSES),
            "reconciled": counted(reconciled),
        },
    }


def upload_payload(title: str, table: pd.DataFrame) -> dict:
    """An analyst's layer as one more tab (its features are all drawn: the map filters them)."""
    return layer_table("upload", title, table)


def counts_part(places: dict) -> dict:
    """What the counts need of ``payload``: each layer's ids, the undrawn rows' filter values, the counts' rules."""
    layers = [{"name": layer["name"], "ids": layer["ids"]} for layer in places["layers"]]
    return {"layers": layers, "undrawn": places["undrawn"], "counts": places["counts"]}
