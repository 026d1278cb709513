"""Select features by the controls in geo.explore.controls and a search over names and aliases, as the map does."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Mapping

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


def shown(
    layer: str, values: Mapping[str, object], key: str, chosen: Mapping[str, Collection[str] | None], needle: str
) -> bool:
    """Whether one feature shows: the rule the map applies too (``XJCore.shown`` in static/xj/core.js).

    Every control that applies to ``layer`` (``controls.applying``) and has a choice must pass the feature's
    value; a feature without the control's property is not filtered by it. ``needle`` is the folded search,
    found anywhere in the feature's search ``key``.
    """
    for control in controls.applying(layer):
        wanted = tuple(chosen.get(control.name) or ())
        value = values.get(control.field)
        if wanted and value is not None and not controls.passes(value, wanted):
            return False
    return needle in key


def facet_counts(
    features: Iterable[Mapping[str, object]], chosen: Mapping[str, Collection[str] | None], needle: str
) -> dict[str, dict[str, int]]:
    """For each control, how many features of its own layer each choice would show, the other controls' choices
    and the search kept: the number a filter list gives beside each choice (``XJCore.facetCounts``).

    ``features`` are ``{"layer", "values", "search"}`` as ``shown`` reads them. With nothing chosen and no
    search these are ``controls.choice_counts``.
    """
    counts: dict[str, dict[str, int]] = {}
    features = list(features)
    for control in controls.CONTROLS:
        others = {name: values for name, values in chosen.items() if name != control.name}
        tally: Counter[str] = Counter()
        for f in features:
            if f["layer"] != control.layer or not shown(f["layer"], f["values"], f["search"], others, needle):
                continue
            value = f["values"].get(control.field)
            tally.update({v for v in (value if isinstance(value, (list, tuple)) else (value,)) if isinstance(v, str)})
        counts[control.name] = {choice: tally[choice] for choice in control.choices}
    return counts


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
    layer : str
        A layer of the registry, or ``"upload"``: an analyst's layer, filtered by the port controls where its
        features have the property (``controls.BORROWS``), its values as the file gives them.
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
        If a control is unknown, or a chosen value is not one a registry layer's property can take.
    """
    unknown = sorted(set(chosen) - set(controls.BY_NAME))
    if unknown:
        msg = f"filters: expected controls from {', '.join(controls.BY_NAME)}; got {', '.join(map(repr, unknown))}."
        raise FilterError(msg)
    if layer not in controls.BORROWS:
        for control in controls.applying(layer):
            _check(chosen.get(control.name), control.choices, control.name)
    if frame.empty:
        return frame
    values = controls.feature_values(layer, frame)
    needle = controls.fold(text)
    if keys is None:
        keys = controls.search_keys({layer: frame})[layer] if needle else {}
    keep = [shown(layer, values[fid], keys.get(fid, ""), chosen, needle) for fid in frame.index]
    return frame[pd.Series(keep, index=frame.index, dtype=bool)]


def filter_ports(
    ports: gpd.GeoDataFrame, text: str = "", keys: Mapping[str, str] | None = None, **chosen: Collection[str] | None
) -> gpd.GeoDataFrame:
    """Ports that pass the given controls, by name (``modes=["rail"]``, see ``filter_layer``); None: no filter."""
    return filter_layer(ports, "ports", chosen, text, keys)


def filter_upload(frame: gpd.GeoDataFrame, text: str = "", **chosen: Collection[str] | None) -> gpd.GeoDataFrame:
    """An uploaded layer under the port controls (by name), each applied only if the layer has that property.

    The same rule and search as the built-in layers and the map (``filter_layer(frame, "upload", ...)``):
    ``modes`` matches the words of a ``modes`` list or a ``mode`` text, ``kinds``, ``statuses`` and
    ``countries`` a chosen value of ``kind``, ``status``, ``border_country``; ``text`` is found in the folded
    name, Chinese name, id or aliases.
    """
    return filter_layer(frame, "upload", chosen, text)


def port_mode_group(modes: list[str]) -> str:
    """The legend group of a port: its single mode, or ``combined``."""
    return modes[0] if len(modes) == 1 else "combined"
