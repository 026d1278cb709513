"""The map's data layers: ports (halos, clearance areas), corridors, zones, their popups, and an uploaded layer."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import folium
import geopandas as gpd
import pandas as pd
import shapely
from folium.map import Layer
from markupsafe import Markup
from shapely.geometry import mapping

from geo import settings
from geo.explore import controls
from geo.explore.filter import port_mode_group
from geo.render import present, verbatim
from geo.render.elements import CompactPorts
from geo.render.present import escape

# Layers hold text from data (and an upload is drawn on its own): branca must never compile it as a template.
verbatim.install()


def _collection(frame: gpd.GeoDataFrame, properties: Callable[[pd.Series], dict]) -> dict:
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "id": fid,
                "geometry": mapping(row.geometry),
                "properties": {"id": fid, **properties(row)},
            }
            for fid, row in frame.iterrows()
        ],
    }


def _add_geojson(
    group: folium.FeatureGroup,
    frame: gpd.GeoDataFrame,
    properties: Callable[[pd.Series], dict],
    style: Callable[[dict], dict],
    marker: folium.CircleMarker | None = None,
    max_width: int = 480,
) -> folium.GeoJson:
    """Add one layer whose features carry an escaped ``tooltip`` and ``popup_html``; returns the layer."""
    layer = folium.GeoJson(
        _collection(frame, properties),
        marker=marker,
        style_function=style,
        tooltip=folium.GeoJsonTooltip(fields=["tooltip"], labels=False),
        popup=folium.GeoJsonPopup(fields=["popup_html"], labels=False, max_width=max_width),
    )
    layer.add_to(group)
    return layer


# The figures are composed into the empty ``xj-figures`` slot when the popup opens (xjmap.js composeFigures),
# from the one figures table the map carries (geo.render.figures), for the period then chosen.
# The figures first, the note on where the place is drawn after them: a phone's sheet opened on a long note with no
# figure in sight; an approximate position is said in the line under the name.
_POPUP = Markup(
    '<div class="xj-popup" data-entity="{}"><h2>{}</h2><div class="xj-sub">{}</div><div class="xj-figures"></div>{}</div>'
)
_NOTE = Markup('<div class="xj-note">{}</div>')


def _popup(title: str, subtitle: str, note: str, entity_id: str) -> Markup:
    """A place's popup, its figures left to the browser: markupsafe escapes every text."""
    note_html = _NOTE.format(present.mark_chinese(note)) if note else ""
    return _POPUP.format(entity_id, present.mark_chinese(title), present.mark_chinese(subtitle), note_html)


def _drawn_at(port: pd.Series) -> str:
    """A port's line under its name, saying so where its position is approximate (the note why comes last)."""
    approximate = " · approximate location" if port["location_accuracy"] == "approximate" else ""
    return present.describe("ports", port) + approximate


def zone_kind_label(kind: str) -> str:
    return present.ZONE_KIND_LABELS[kind]


def drawable(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Features with a position: a port whose location is unknown has none, and is listed, not drawn."""
    return frame[frame.geometry.notna() & ~frame.geometry.is_empty]


class Layers:
    """The data layers built for one map: folium groups by name, and the layers the explorer filters."""

    def __init__(self) -> None:
        self.groups: dict[str, folium.FeatureGroup] = {}
        self.filtered: dict[str, Layer] = {}


def accessible_name(layer: str, row: pd.Series) -> str:
    """What a screen reader says for a place's symbol: ``Horgos Railway Port, rail, operational``."""
    if layer == "ports":
        what = [" + ".join(row["modes"]), row["status"]]
    elif layer == "corridors":
        what = ["rail corridor", str(row["status"]).replace("_", " ")]
    else:
        what = [present.ZONE_KIND_LABELS[row["kind"]]]
    return ", ".join([str(row["name"]), *what])


def _common(layer: str, row: pd.Series, values: Mapping[str, Mapping[str, dict]], keys) -> dict:
    return {
        "label": present.short_label(layer, row),
        "aria": accessible_name(layer, row),
        "xj": values[layer].get(row["id"], {}),
        "search": keys[layer].get(row["id"], ""),
    }


def _ports(out: Layers, ports: gpd.GeoDataFrame, values, keys) -> None:
    # Named without a count: the layers button counted every place while the bar beside it counted those drawn.
    group = folium.FeatureGroup(name=settings.PORTS.title)
    out.groups["ports"] = group
    if len(ports) > settings.RICH_MAX_PORTS:
        CompactPorts(ports, keys["ports"]).add_to(group)
        out.filtered["ports"] = group
        return
    if ports.empty:
        return

    def properties(port: pd.Series) -> dict:
        note = present.location_note("ports", port)
        return {
            **_common("ports", port, values, keys),
            "tooltip": present.mark_chinese(f"{port['name']} ({port['name_zh']})"),
            "group": port_mode_group(port["modes"]),
            "popup_html": _popup(port["name"], _drawn_at(port), note, port["id"]),
        }

    def style(feature: dict) -> dict:
        group_name = feature["properties"]["group"]
        return {
            "color": "#ffffff",
            "weight": 2,
            "fillColor": settings.MODE_COLOURS[group_name],
            "fillOpacity": 0.95,
            "radius": settings.PORT_RADIUS,
            "className": f"xj-port xj-port-{group_name}",
        }

    marker = folium.CircleMarker(radius=settings.PORT_RADIUS, fill=True)
    marker.options["pane"] = settings.PORTS_PANE  # folium's keywords drop it; the options reach Leaflet as written
    _halos_and_clearances(group, ports)
    out.filtered["ports"] = _add_geojson(group, ports, properties, style, marker)


# A port whose position is uncertain by this much or more is drawn with a halo of that radius.
HALO_MIN_KM = 5.0
_HALO = {"color": "#6a3d9a", "weight": 1, "dash_array": "4 3", "fill": True, "fill_opacity": 0.08}
_CLEARANCE = {"color": "#333333", "weight": 1, "fill": True, "fill_color": "#ffffff", "fill_opacity": 1.0}


def _halos_and_clearances(group: folium.FeatureGroup, ports: gpd.GeoDataFrame) -> None:
    """Folium circles for wide uncertainties and small marks joined by a line for inland clearance areas; each is
    tagged ``xj-for-ID`` so the explorer shows and hides it with its port."""
    for pid, port in ports.iterrows():
        lat, lon = port.geometry.y, port.geometry.x
        radius = present.optional_number(port.get("uncertainty_km"))
        tag = f"xj-for-{pid}"
        if radius is not None and radius >= HALO_MIN_KM:
            folium.Circle(
                [lat, lon],
                radius=radius * 1000,
                class_name=f"xj-halo {tag}",
                interactive=False,
                **_HALO,
            ).add_to(group)
        point = port.get("clearance_point")
        if isinstance(point, (list, tuple)) and len(point) == 2:
            x, y = point
            folium.PolyLine(
                [[lat, lon], [y, x]],
                class_name=f"xj-clearance-line {tag}",
                interactive=False,
                **_HALO | {"fill": False},
            ).add_to(group)
            # Not interactive: the port's popup names the area and its distance; a tooltip here would be a
            # nameless keyboard stop, and folium's Tooltip puts its text in a JavaScript template literal.
            folium.CircleMarker(
                [y, x],
                radius=4,
                class_name=f"xj-clearance {tag}",
                interactive=False,
                **_CLEARANCE,
            ).add_to(group)


def _corridors(out: Layers, corridors: gpd.GeoDataFrame, values, keys) -> None:
    group = folium.FeatureGroup(name=settings.CORRIDORS.title)
    out.groups["corridors"] = group
    if corridors.empty:
        return
    # Lines with many vertices in all are simplified for display, and their popups say so.
    simplified = shapely.get_num_coordinates(corridors.geometry.values).sum() > settings.SIMPLIFY_ABOVE_VERTICES
    if simplified:
        corridors = corridors.set_geometry(
            shapely.set_precision(corridors.geometry.simplify(settings.SIMPLIFY_TOLERANCE), 1e-5)
        )

    def properties(corridor: pd.Series) -> dict:
        note = present.location_note("corridors", corridor) + (" Simplified for display." if simplified else "")
        return {
            **_common("corridors", corridor, values, keys),
            "tooltip": present.mark_chinese(corridor["name"]),
            "status": corridor["status"],
            "popup_html": _popup(corridor["name"], present.describe("corridors", corridor), note, corridor["id"]),
        }

    def style(feature: dict) -> dict:
        status = feature["properties"]["status"]
        return {**settings.CORRIDOR_STYLES[status], "opacity": 0.9, "className": f"xj-corridor xj-corridor-{status}"}

    out.filtered["corridors"] = _add_geojson(group, corridors, properties, style)


def _zones(out: Layers, zones: gpd.GeoDataFrame, values, keys) -> None:
    group = folium.FeatureGroup(name=settings.ZONES.title)
    out.groups["zones"] = group
    if zones.empty:
        return

    def properties(zone: pd.Series) -> dict:
        return {
            **_common("zones", zone, values, keys),
            "tooltip": present.mark_chinese(f"{zone['name']} ({zone['official_area_km2']:g} km²)"),
            "kind": zone["kind"],
            "popup_html": _popup(
                zone["name"], present.describe("zones", zone), present.location_note("zones", zone), zone["id"]
            ),
        }

    def style(feature: dict) -> dict:
        kind = feature["properties"]["kind"]
        return {**settings.ZONE_STYLES[kind], "className": f"xj-zone xj-zone-{kind}"}

    out.filtered["zones"] = _add_geojson(group, zones, properties, style)


def upload_layer(frame: gpd.GeoDataFrame, filename: str, total: int) -> folium.FeatureGroup:
    """An analyst's uploaded layer, drawn in its own colour over the built-in layers; text escaped."""
    group = folium.FeatureGroup(name=f"Your layer: {escape(filename)} ({len(frame)} of {total})")
    _upload(group, frame, filename)
    return group


def upload_kind(geometry: shapely.Geometry) -> str:
    """How an uploaded geometry is drawn: ``point``, ``line`` or ``area`` (a mixed collection as an area)."""
    kind = geometry.geom_type.removeprefix("Multi")
    return {"Point": "point", "LineString": "line"}.get(kind, "area")


def upload_style(feature: dict) -> dict:
    """The style of one uploaded feature (settings.UPLOAD_STYLES by its kind); its class names the kind."""
    kind = feature["properties"]["kind"]
    return {**settings.UPLOAD_STYLES[kind], "className": f"xj-upload xj-upload-{kind}"}


def _upload(group: folium.FeatureGroup, frame: gpd.GeoDataFrame, filename: str) -> folium.GeoJson | None:
    if frame.empty:
        return None
    columns = [c for c in frame.columns if c not in ("geometry", "id")][:15]
    # The same values and search keys as the filters in Python (geo.explore.filter.filter_upload) use, under
    # the ids the map gives the layer's features (settings.UPLOAD_ID_PREFIX).
    prefix = settings.UPLOAD_ID_PREFIX
    values = {prefix + fid: v for fid, v in controls.feature_values("upload", frame).items()}
    keys = {prefix + fid: k for fid, k in controls.search_keys({"upload": frame})["upload"].items()}
    shown = frame.set_axis([prefix + fid for fid in frame.index]).assign(id=lambda f: f.index)

    def properties(row: pd.Series) -> dict:
        cells = "".join(f"<tr><th>{escape(c)}</th><td>{escape(row[c])}</td></tr>" for c in columns)
        return {
            "label": str(row["name"])[:40],
            "aria": f"{row['name']}, from your file",
            "kind": upload_kind(row.geometry),
            "xj": values.get(row["id"], {}),
            "search": keys.get(row["id"], ""),
            "tooltip": escape(row["name"]),
            "popup_html": f'<div class="xj-popup"><h2>{escape(row["name"])}</h2>'
            f'<div class="xj-sub">From your file {escape(filename)}</div><table class="xj-facts">{cells}</table></div>',
        }

    marker = folium.CircleMarker(radius=6, fill=True)
    return _add_geojson(group, shown, properties, upload_style, marker, 420)


def data_layers(
    frames: Mapping[str, gpd.GeoDataFrame],
    values: Mapping[str, Mapping[str, dict]],
    keys: Mapping[str, Mapping[str, str]],
    upload: tuple[str, gpd.GeoDataFrame] | None = None,
) -> Layers:
    """Every data layer of the map, each in its folium group: zones, corridors, ports and an uploaded layer."""
    out = Layers()
    # Zones first so lines and markers sit on top of the footprints.
    _zones(out, frames["zones"], values, keys)
    _corridors(out, frames["corridors"], values, keys)
    _ports(out, frames["ports"], values, keys)
    if upload:
        name, frame = upload
        group = folium.FeatureGroup(
            name=f"Your layer: {escape(name)} ({len(frame):,} feature{'s' if len(frame) != 1 else ''})"
        )
        out.groups["upload"] = group
        layer = _upload(group, frame, name)
        if layer is not None:
            out.filtered["upload"] = layer
    return out
