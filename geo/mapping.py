"""Build the Folium map: an offline base, one layer per registry entry, a legend, escaped popups."""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Callable

import folium
import geopandas as gpd
import pandas as pd
from branca.element import Element, MacroElement
from jinja2 import Template
from shapely.geometry import mapping

from geo import join, present, settings
from geo.dataset import Dataset
from geo.errors import AssetError
from geo.filter import port_mode_group
from geo.present import escape

ASSET_MODES = ("local", "cdn", "inline")
_LEAFLET_FILES = {"js": "leaflet.js", "css": "leaflet.css"}

POPUP_CSS = """
.xj-popup h4 { margin: 0 0 2px; font-size: 15px; }
.xj-popup .xj-sub { color: #555; margin-bottom: 6px; }
.xj-popup .xj-note { background: #fff4d6; padding: 3px 6px; margin: 4px 0; border-radius: 3px; }
.xj-popup table.xj-facts { border-collapse: collapse; font-size: 12px; }
.xj-popup table.xj-facts th, .xj-popup table.xj-facts td { border-top: 1px solid #ddd; padding: 2px 4px;
  text-align: left; vertical-align: top; }
.xj-popup .xj-none { color: #777; font-style: italic; }
.xj-popup ol.xj-sources { list-style: none; padding: 0; margin: 6px 0 0; font-size: 11px; color: #444; }
.leaflet-popup-content { max-height: 380px; overflow-y: auto; }
.xj-legend { background: rgba(255,255,255,0.92); padding: 6px 10px; border-radius: 4px; font: 12px sans-serif;
  box-shadow: 0 1px 4px rgba(0,0,0,0.3); line-height: 1.5; }
.xj-legend b { display: block; margin-top: 4px; }
.xj-legend i { display: inline-block; width: 12px; height: 12px; margin-right: 5px; vertical-align: middle; }
.xj-legend .xj-line { height: 0; width: 22px; border-top-width: 4px; }
"""


class Legend(MacroElement):
    """A fixed Leaflet control listing the colours and line styles the layers use."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function () {
            var legend = L.control({position: "bottomright"});
            legend.onAdd = function () {
                var div = L.DomUtil.create("div", "xj-legend");
                div.innerHTML = {{ this.html|tojson }};
                return div;
            };
            legend.addTo({{ this._parent.get_name() }});
        })();
        {% endmacro %}
        """
    )

    def __init__(self, html: str):
        super().__init__()
        self._name = "Legend"
        self.html = html


def legend_html() -> str:
    """The legend's content, drawn from the same settings that style the layers."""
    parts = ["<b>Ports, by mode</b>"]
    for group, colour in settings.MODE_COLOURS.items():
        label = "road + rail (combined)" if group == "combined" else group
        parts.append(f'<div><i style="background:{colour};border-radius:50%"></i>{escape(label)}</div>')
    parts.append("<b>Rail corridors</b>")
    for status, style in settings.CORRIDOR_STYLES.items():
        border = "dashed" if style["dashArray"] else "solid"
        parts.append(
            f'<div><i class="xj-line" style="border-top-style:{border};border-color:{style["color"]}"></i>'
            f"{escape(status.replace('_', ' '))}</div>"
        )
    parts.append("<b>Zones</b>")
    for kind, style in settings.ZONE_STYLES.items():
        parts.append(
            f'<div><i style="background:{style["fillColor"]};opacity:0.6"></i>{escape(present.ZONE_KIND_LABELS[kind])}</div>'
        )
    return "".join(parts)


def use_assets(m: folium.Map, assets: str) -> folium.Map:
    """Point the map (this instance only) at Leaflet served locally, from a CDN, or inlined.

    Only Leaflet is loaded: the layers use no jQuery, Bootstrap or icon fonts, so nothing else
    has to be served for the map to work offline.

    Raises
    ------
    AssetError
        If ``inline`` is asked for and the npm-installed Leaflet files are missing.
    """
    if assets not in ASSET_MODES:
        msg = f"map assets: expected one of {', '.join(ASSET_MODES)}; got {assets!r}."
        raise AssetError(msg)
    if assets == "inline":
        m.default_js, m.default_css = [], []
        js, css = (_read_leaflet(kind) for kind in ("js", "css"))
        m.get_root().header.add_child(Element(f"<style>{_inline_images(css)}</style>"), name="leaflet_css_inline")
        m.get_root().header.add_child(Element(f"<script>{js}</script>"), name="leaflet_js_inline")
        return m
    base = settings.LOCAL_ASSET_URL if assets == "local" else settings.CDN_ASSET_URL
    m.default_js = [("leaflet", base + _LEAFLET_FILES["js"])]
    m.default_css = [("leaflet_css", base + _LEAFLET_FILES["css"])]
    return m


def _read_leaflet(kind: str) -> str:
    for folder in settings.ASSET_DIRS:
        path = folder / _LEAFLET_FILES[kind]
        if path.is_file():
            return path.read_text(encoding="utf-8").replace("</script", "<\\/script")
    msg = f"Leaflet's {_LEAFLET_FILES[kind]} not found in {', '.join(map(str, settings.ASSET_DIRS))}: run `npm ci`."
    raise AssetError(msg)


def _inline_images(css: str) -> str:
    folder = next(f for f in settings.ASSET_DIRS if (f / _LEAFLET_FILES["css"]).is_file())

    def data_uri(match: re.Match) -> str:
        path = folder / match.group(1)
        if not path.is_file():
            return match.group(0)
        return f"url(data:image/png;base64,{base64.b64encode(path.read_bytes()).decode()})"

    return re.sub(r"url\((images/[\w.-]+\.png)\)", data_uri, css)


def base_map(countries: dict, assets: str = "local") -> folium.Map:
    """The map every view starts from: online tiles, offline country borders, legend, popup styles.

    Parameters
    ----------
    countries : dict
        Natural Earth countries as GeoJSON (see ``load_countries``).
    assets : {"local", "cdn", "inline"}
        Where the browser gets Leaflet from.
    """
    m = folium.Map(location=settings.MAP_CENTER, zoom_start=settings.MAP_ZOOM, tiles=None, control_scale=True)
    m.fit_bounds(settings.MAP_BOUNDS)
    use_assets(m, assets)
    folium.TileLayer(
        "OpenStreetMap", name="OpenStreetMap (online)", attr="© OpenStreetMap contributors", overlay=False
    ).add_to(m)
    folium.GeoJson(
        countries,
        name="Country borders (offline, Natural Earth)",
        style_function=_country_style,
        tooltip=folium.GeoJsonTooltip(fields=["name"], labels=False),
        overlay=True,
        control=True,
    ).add_to(m)
    m.get_root().header.add_child(Element(f"<style>{POPUP_CSS}</style>"), name="xj_css")
    Legend(legend_html()).add_to(m)
    return m


def _country_style(feature: dict) -> dict:
    china = feature["properties"]["iso_a3"] == "CHN"
    return {
        "color": "#b2182b" if china else "#666666",
        "weight": 2 if china else 1,
        "fillColor": "#fddbc7" if china else "#f0f0f0",
        "fillOpacity": 0.45 if china else 0.35,
    }


def load_countries() -> dict:
    """The offline base layer's GeoJSON, with country names escaped for the tooltip."""
    data = json.loads(settings.COUNTRIES_PATH.read_text(encoding="utf-8"))
    for feature in data["features"]:
        feature["properties"]["name"] = escape(feature["properties"]["name"])
    return data


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


def _popup(title: str, subtitle: str, note: str, cited: pd.DataFrame, entity_id: str) -> str:
    note_html = f'<div class="xj-note">{escape(note)}</div>' if note else ""
    return (
        f'<div class="xj-popup" data-entity="{escape(entity_id)}"><h4>{escape(title)}</h4>'
        f'<div class="xj-sub">{escape(subtitle)}</div>{note_html}'
        f"{present.facts_html(join.facts_for(cited, entity_id))}</div>"
    )


def zone_kind_label(kind: str) -> str:
    return present.ZONE_KIND_LABELS[kind]


def layer_control(collapsed: bool = False) -> folium.LayerControl:
    return folium.LayerControl(collapsed=collapsed)


def _port_properties(cited: pd.DataFrame) -> Callable[[pd.Series], dict]:
    def properties(port: pd.Series) -> dict:
        subtitle = present.describe("ports", port)
        note = f"Approximate location: {port['location_note']}" if port["location_accuracy"] == "approximate" else ""
        return {
            "tooltip": escape(f"{port['name']} ({port['name_zh']})"),
            "group": port_mode_group(port["modes"]),
            "popup_html": _popup(port["name"], subtitle, note, cited, port["id"]),
        }

    return properties


def _port_style(feature: dict) -> dict:
    group = feature["properties"]["group"]
    return {
        "color": "#ffffff",
        "weight": 2,
        "fillColor": settings.MODE_COLOURS[group],
        "fillOpacity": 0.95,
        "radius": 8,
        "className": f"xj-port xj-port-{group}",
    }


def ports_layer(ports: gpd.GeoDataFrame, cited: pd.DataFrame) -> folium.FeatureGroup:
    """One circle marker per port, coloured by mode; hover for the name, click for cited figures."""
    group = folium.FeatureGroup(name=f"{settings.PORTS.title} ({len(ports)})")
    if ports.empty:
        return group
    folium.GeoJson(
        _collection(ports, _port_properties(cited)),
        marker=folium.CircleMarker(radius=8, fill=True),
        style_function=_port_style,
        tooltip=folium.GeoJsonTooltip(fields=["tooltip"], labels=False),
        popup=folium.GeoJsonPopup(fields=["popup_html"], labels=False, max_width=480),
    ).add_to(group)
    return group


def corridors_layer(corridors: gpd.GeoDataFrame, cited: pd.DataFrame) -> folium.FeatureGroup:
    """Rail corridors as lines: solid when operating, dashed under construction."""
    group = folium.FeatureGroup(name=f"{settings.CORRIDORS.title} ({len(corridors)})")
    if corridors.empty:
        return group

    def properties(corridor: pd.Series) -> dict:
        subtitle = present.describe("corridors", corridor)
        return {
            "tooltip": escape(corridor["name"]),
            "status": corridor["status"],
            "popup_html": _popup(
                corridor["name"], subtitle, f"Schematic line: {corridor['geometry_note']}", cited, corridor["id"]
            ),
        }

    def style(feature: dict) -> dict:
        style = settings.CORRIDOR_STYLES[feature["properties"]["status"]]
        return {**style, "opacity": 0.9, "className": f"xj-corridor xj-corridor-{feature['properties']['status']}"}

    folium.GeoJson(
        _collection(corridors, properties),
        style_function=style,
        tooltip=folium.GeoJsonTooltip(fields=["tooltip"], labels=False),
        popup=folium.GeoJsonPopup(fields=["popup_html"], labels=False, max_width=480),
    ).add_to(group)
    return group


def zones_layer(zones: gpd.GeoDataFrame, cited: pd.DataFrame) -> folium.FeatureGroup:
    """Free-trade and bonded zones as translucent footprints labelled with their official area."""
    group = folium.FeatureGroup(name=f"{settings.ZONES.title} ({len(zones)})")
    if zones.empty:
        return group

    def properties(zone: pd.Series) -> dict:
        subtitle = present.describe("zones", zone)
        return {
            "tooltip": escape(f"{zone['name']} ({zone['official_area_km2']:g} km²)"),
            "kind": zone["kind"],
            "popup_html": _popup(zone["name"], subtitle, zone["location_note"], cited, zone["id"]),
        }

    def style(feature: dict) -> dict:
        kind = feature["properties"]["kind"]
        return {**settings.ZONE_STYLES[kind], "className": f"xj-zone xj-zone-{kind}"}

    folium.GeoJson(
        _collection(zones, properties),
        style_function=style,
        tooltip=folium.GeoJsonTooltip(fields=["tooltip"], labels=False),
        popup=folium.GeoJsonPopup(fields=["popup_html"], labels=False, max_width=480),
    ).add_to(group)
    return group


def data_layers(
    dataset: Dataset,
    cited: pd.DataFrame | None = None,
    ports: gpd.GeoDataFrame | None = None,
    corridors: gpd.GeoDataFrame | None = None,
    zones: gpd.GeoDataFrame | None = None,
) -> list[folium.FeatureGroup]:
    """The three data layers for the given (filtered) frames; ``cited`` saves re-joining the sources."""
    cited = join.cite(dataset.facts, dataset.sources) if cited is None else cited
    frames = {"ports": ports, "corridors": corridors, "zones": zones}
    builders = {"ports": ports_layer, "corridors": corridors_layer, "zones": zones_layer}
    # Zones first so lines and markers sit on top of the footprints.
    order = ("zones", "corridors", "ports")
    return [
        builders[name](dataset.layer(name) if frames[name] is None else frames[name], cited)
        for name in order
        if name in {layer.name for layer in settings.LAYERS}
    ]


def build_map(dataset: Dataset, assets: str = "cdn", **frames: gpd.GeoDataFrame | None) -> folium.Map:
    """A complete standalone map: base, the three data layers (optionally filtered), layer control."""
    m = base_map(load_countries(), assets=assets)
    for layer in data_layers(dataset, **frames):
        layer.add_to(m)
    layer_control().add_to(m)
    return m


def upload_layer(frame: gpd.GeoDataFrame, filename: str, total: int) -> folium.FeatureGroup:
    """An analyst's uploaded layer, drawn in black and white over the built-in layers; text escaped."""
    group = folium.FeatureGroup(name=f"Your layer: {escape(filename)} ({len(frame)} of {total})")
    if frame.empty:
        return group
    columns = [c for c in frame.columns if c not in ("geometry", "id")][:15]

    def properties(row: pd.Series) -> dict:
        cells = "".join(f"<tr><th>{escape(c)}</th><td>{escape(row[c])}</td></tr>" for c in columns)
        return {
            "tooltip": escape(row["name"]),
            "popup_html": f'<div class="xj-popup"><h4>{escape(row["name"])}</h4>'
            f'<div class="xj-sub">From your file {escape(filename)}</div><table class="xj-facts">{cells}</table></div>',
        }

    folium.GeoJson(
        _collection(frame, properties),
        marker=folium.CircleMarker(radius=6, fill=True),
        style_function=lambda _: {
            "color": "#000000",
            "weight": 2,
            "fillColor": "#ffffff",
            "fillOpacity": 0.8,
            "className": "xj-upload",
        },
        tooltip=folium.GeoJsonTooltip(fields=["tooltip"], labels=False),
        popup=folium.GeoJsonPopup(fields=["popup_html"], labels=False, max_width=420),
    ).add_to(group)
    return group
