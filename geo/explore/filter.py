"""Select features by the controls in geo.explore.controls and a search over names and aliases, as the map does."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping

import geopandas as gpd
import pandas as pd

from geo.errors import FilterError
from geo.explore import controls


def _check(values: Collection[str] | None, allowed: Collection[str], name: str) -> None:
    if values is None:
        return
    unknown = sorted(set(values) - set(allowed))
    if unknown:
        msg = f"filter {name!r}: expected values from {', '.join(allowed)}; got {', '.join(map(repr, unknown))}."
        raise FilterError(msg)


def _matches(frame: pd.DataFrame, text: str, columns: tuple[str, ...]) -> pd.Series:
    """Plain substring search over some columns, ignoring case (an uploaded layer has no search keys)."""
    needle = text.strip().casefold()
    if not needle:
        return pd.Series(True, index=frame.index)
    hits = pd.Series(False, index=frame.index)
    for column in columns:
        if column in frame:
            hits |= frame[column].fillna("").astype(str).str.casefold().str.contains(needle, regex=False)
    return hits


def filter_layer(
    frame: gpd.GeoDataFrame,
    layer: str,
    chosen: Mapping[str, Collection[str] | None],
    text: str = "",
    keys: Mapping[str, str] | None = None,
) -> gpd.GeoDataFrame:
    """Features of ``layer`` that pass every control chosen for it and the search, as the map's filter bar does.

    Parameters
    ----------
    chosen : mapping
        Control name (see ``geo.explore.controls.CONTROLS``) → chosen values; ``None`` or empty means no filter.
        A list-valued property (a port's modes) passes if any of its values is chosen, so a road + rail
        port shows under road and under rail; ports with no neighbouring country pass as ``"none"``.
    text : str
        Matched against each feature's search key (``geo.explore.controls.search_keys``): names in English and
        Chinese, aliases, the parent place's names, a corridor's stations and ports; case and accents
        folded.
    keys : mapping, optional
        Feature id → search key, if already computed.

    Raises
    ------
    FilterError
        If a chosen value is not one the property can take.
    """
    keep = pd.Series(True, index=frame.index)
    layer_controls = [c for c in controls.CONTROLS if c.layer == layer]
    for control in layer_controls:
        _check(chosen.get(control.name), control.choices, control.name)
    if frame.empty:
        return frame
    values = controls.feature_values(layer, frame)
    for control in layer_controls:
        wanted = tuple(chosen.get(control.name) or ())
        if wanted:
            keep &= pd.Series({fid: controls.passes(values[fid][control.field], wanted) for fid in frame.index})
    needle = controls.fold(text)
    if needle:
        keys = controls.search_keys({layer: frame})[layer] if keys is None else keys
        keep &= pd.Series({fid: needle in keys.get(fid, "") for fid in frame.index})
    return frame[keep.reindex(frame.index, fill_value=False)]


def filter_ports(
    ports: gpd.GeoDataFrame,
    modes: Collection[str] | None = None,
    kinds: Collection[str] | None = None,
    countries: Collection[str] | None = None,
    statuses: Collection[str] | None = None,
    text: str = "",
    keys: Mapping[str, str] | None = None,
) -> gpd.GeoDataFrame:
    """Ports that pass every given filter (see ``filter_layer``); ``None`` means no filter on that property."""
    chosen = {"modes": modes, "kinds": kinds, "countries": countries, "statuses": statuses}
    return filter_layer(ports, "ports", chosen, text, keys)


def filter_corridors(
    corridors: gpd.GeoDataFrame,
    statuses: Collection[str] | None = None,
    text: str = "",
    keys: Mapping[str, str] | None = None,
) -> gpd.GeoDataFrame:
    """Corridors with a chosen status that match ``text`` (names, stations, the ports they pass)."""
    return filter_layer(corridors, "corridors", {"corridor_statuses": statuses}, text, keys)


def filter_zones(
    zones: gpd.GeoDataFrame,
    kinds: Collection[str] | None = None,
    text: str = "",
    keys: Mapping[str, str] | None = None,
) -> gpd.GeoDataFrame:
    """Zones of the chosen kinds that match ``text``."""
    return filter_layer(zones, "zones", {"zone_kinds": kinds}, text, keys)


def port_mode_group(modes: list[str]) -> str:
    """The legend group of a port: its single mode, or ``combined``."""
    return modes[0] if len(modes) == 1 else "combined"


def filter_upload(
    frame: gpd.GeoDataFrame,
    modes: Collection[str] | None = None,
    kinds: Collection[str] | None = None,
    countries: Collection[str] | None = None,
    statuses: Collection[str] | None = None,
    text: str = "",
) -> gpd.GeoDataFrame:
    """An uploaded layer under the same controls, each applied only if the layer has that property.

    ``modes`` matches a ``modes`` list or a ``mode`` text that names any selected mode; ``kind``,
    ``status`` and ``border_country`` must equal a selected value; ``text`` searches ``name``.
    """
    keep = _matches(frame, text, ("name", "name_zh", "id"))
    column = next((c for c in ("modes", "mode") if c in frame), None)
    if modes is not None and column:
        wanted = set(modes)
        keep &= frame[column].map(lambda value: bool(wanted & set(re.findall(r"[a-z]+", str(value).lower()))))
    for column, values in (("kind", kinds), ("border_country", countries), ("status", statuses)):
        if values is not None and column in frame:
            keep &= frame[column].fillna("none").astype(str).isin(list(values))
    return frame[keep]
