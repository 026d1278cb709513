"""Select features by mode, kind, country, status and a name search."""

from __future__ import annotations

import re
from collections.abc import Collection

import geopandas as gpd
import pandas as pd

from geo import settings
from geo.errors import FilterError


def _check(values: Collection[str] | None, allowed: Collection[str], name: str) -> None:
    if values is None:
        return
    unknown = sorted(set(values) - set(allowed))
    if unknown:
        msg = f"filter {name!r}: expected values from {', '.join(allowed)}; got {', '.join(map(repr, unknown))}."
        raise FilterError(msg)


def _matches(frame: pd.DataFrame, text: str, columns: tuple[str, ...]) -> pd.Series:
    needle = text.strip().casefold()
    if not needle:
        return pd.Series(True, index=frame.index)
    hits = pd.Series(False, index=frame.index)
    for column in columns:
        if column in frame:
            hits |= frame[column].fillna("").astype(str).str.casefold().str.contains(needle, regex=False)
    return hits


def _within(series: pd.Series, values: Collection[str] | None) -> pd.Series:
    return pd.Series(True, index=series.index) if values is None else series.isin(list(values))


def filter_ports(
    ports: gpd.GeoDataFrame,
    modes: Collection[str] | None = None,
    kinds: Collection[str] | None = None,
    countries: Collection[str] | None = None,
    statuses: Collection[str] | None = None,
    text: str = "",
) -> gpd.GeoDataFrame:
    """Ports that pass every given filter; ``None`` means no filter on that property.

    A port with several modes passes the mode filter if any of its modes is selected, so a
    road+rail port shows under road and under rail. ``countries`` holds ISO alpha-3 codes; ports
    with no neighbouring country (airports, inland ports) pass it only if ``"none"`` is selected.
    ``text`` matches English and Chinese names, ignoring case.

    Raises
    ------
    FilterError
        If a value is not one the property can take.
    """
    _check(modes, settings.MODES, "modes")
    _check(kinds, settings.PORT_KINDS, "kinds")
    _check(countries, [*settings.NEIGHBOUR_COUNTRIES, "none"], "countries")
    _check(statuses, settings.PORT_STATUSES, "statuses")
    keep = _matches(ports, text, ("name", "name_zh", "id"))
    if modes is not None:
        wanted = set(modes)
        keep &= ports["modes"].map(lambda m: bool(wanted & set(m)))
    keep &= _within(ports["kind"], kinds)
    keep &= _within(ports["border_country"].fillna("none"), countries)
    keep &= _within(ports["status"], statuses)
    return ports[keep]


def filter_corridors(
    corridors: gpd.GeoDataFrame, statuses: Collection[str] | None = None, text: str = ""
) -> gpd.GeoDataFrame:
    """Corridors with a selected status whose name or waypoints match ``text``."""
    _check(statuses, settings.CORRIDOR_STATUSES, "corridor statuses")
    searchable = corridors.assign(waypoint_names=corridors["waypoints"].map(" ".join))
    keep = _within(corridors["status"], statuses) & _matches(searchable, text, ("name", "waypoint_names", "id"))
    return corridors[keep]


def filter_zones(zones: gpd.GeoDataFrame, kinds: Collection[str] | None = None, text: str = "") -> gpd.GeoDataFrame:
    """Zones of the selected kinds whose English or Chinese name matches ``text``."""
    _check(kinds, settings.ZONE_KINDS, "zone kinds")
    keep = _within(zones["kind"], kinds) & _matches(zones, text, ("name", "name_zh", "id"))
    return zones[keep]


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
