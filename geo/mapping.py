"""Build the Folium map: an offline base, one layer per registry entry, a legend, escaped popups."""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Callable, Mapping

import folium
import geopandas as gpd
import pandas as pd
import shapely
from branca.element import Element, MacroElement
from folium.map import Layer
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


class CanvasPoints(MacroElement):
    """Many ports as one compact payload, drawn as circles on a shared canvas.

    Coordinates are rounded to ``settings.COMPACT_DECIMALS`` (about 11 m); names are escaped on the
    server because Leaflet inserts tooltip and popup text as HTML. Sets ``window.xjPortsDrawn`` and
    bumps ``window.xjDrawnSeq`` once the circles are on the map (the benchmark waits for it).
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function () {
            var d = {{ this.payload|tojson }};
            var group = {{ this._parent.get_name() }};
            var renderer = L.canvas({padding: 0.2});
            for (var i = 0; i < d.lat.length; i++) {
                group.addLayer(L.circleMarker([d.lat[i], d.lon[i]], {
                    renderer: renderer, radius: 5, weight: 1, color: "#ffffff",
                    fillColor: d.colours[d.group[i]], fillOpacity: 0.9, xjIndex: i}));
            }
            group.on("mouseover", function (e) {
                var marker = e.layer;
                if (!marker.getTooltip()) { marker.bindTooltip(d.names[marker.options.xjIndex]); }
                marker.openTooltip();
            });
            group.on("click", function (e) {
                var i = e.layer.options.xjIndex;
                var sub = d.modes[d.group[i]] + " · " + d.kinds[d.kind[i]] + " · " + d.statuses[d.status[i]];
                L.popup().setLatLng(e.layer.getLatLng())
                    .setContent('<div class="xj-popup"><h4>' + d.names[i] + '</h4><div class="xj-sub">' + sub +
                                '</div><p class="xj-none">Select it in the table below for figures and sources.</p></div>')
                    .openOn(e.target._map);
            });
            function drawn() {
                requestAnimationFrame(function () {
                    window.xjPortsDrawn = d.lat.length;
                    window.xjDrawnSeq = (window.xjDrawnSeq || 0) + 1;
                });
            }
            if (group._map) { drawn(); } else { group.once("add", drawn); }
        })();
        {% endmacro %}
        """
    )

    def __init__(self, ports: gpd.GeoDataFrame):
        super().__init__()
        self._name = "CanvasPoints"
        groups = list(settings.MODE_COLOURS)
        decimals = settings.COMPACT_DECIMALS
        # Repeated words travel once, as lists; each port carries small indices into them.
        self.payload = {
            "lat": ports.geometry.y.round(decimals).tolist(),
            "lon": ports.geometry.x.round(decimals).tolist(),
            "group": [groups.index(port_mode_group(m)) for m in ports["modes"]],
            "kind": [settings.PORT_KINDS.index(k) for k in ports["kind"]],
            "status": [settings.PORT_STATUSES.index(s) for s in ports["status"]],
            "colours": list(settings.MODE_COLOURS.values()),
            "modes": [escape(g.replace("combined", "road + rail")) for g in groups],
            "kinds": [escape(k) for k in settings.PORT_KINDS],
            "statuses": [escape(s) for s in settings.PORT_STATUSES],
            "names": [escape(name) for name in ports["name"]],
        }


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


class Countries(Layer):
    """The offline base layer: Natural Earth borders, China highlighted, name on hover.

    Served by the app as a static file and fetched by the browser (``url``), so the map script a
    rerun re-renders stays small; a standalone export embeds the GeoJSON instead (``data``).
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = (function () {
            var map = {{ this._parent.get_name() }};
            var layer = L.geoJSON(null, {
                style: function (f) {
                    var china = f.properties.iso_a3 === "CHN";
                    return {color: china ? "#b2182b" : "#666666", weight: china ? 2 : 1,
                            fillColor: china ? "#fddbc7" : "#f0f0f0", fillOpacity: china ? 0.45 : 0.35};
                },
                onEachFeature: function (f, l) { l.bindTooltip(f.properties.name); },
                interactive: true
            });
            layer.addTo(map);
            {%- if this.data %}
            layer.addData({{ this.data|tojson }});
            {%- else %}
            fetch({{ this.url|tojson }}).then(function (r) { return r.json(); })
                .then(function (data) { layer.addData(data); layer.bringToBack(); });
            {%- endif %}
            return layer;
        })();
        {% endmacro %}
        """
    )

    def __init__(self, url: str | None = None, data: dict | None = None):
        super().__init__(name="Country borders (offline, Natural Earth)", overlay=True, control=True)
        self._name = "Countries"
        self.url, self.data = url, data


def base_map(assets: str = "local") -> folium.Map:
    """The map every view starts from: online tiles, offline country borders, legend, popup styles.

    Parameters
    ----------
    assets : {"local", "cdn", "inline"}
        Where the browser gets Leaflet from; ``inline`` also embeds the country borders, so the
        file needs no server at all.
    """
    m = folium.Map(location=settings.MAP_CENTER, zoom_start=settings.MAP_ZOOM, tiles=None, control_scale=True)
    m.fit_bounds(settings.MAP_BOUNDS)
    use_assets(m, assets)
    folium.TileLayer(
        "OpenStreetMap", name="OpenStreetMap (online)", attr="© OpenStreetMap contributors", overlay=False
    ).add_to(m)
    if assets == "inline":
        Countries(data=load_countries()).add_to(m)
    else:
        Countries(url=settings.COUNTRIES_URL).add_to(m)
    m.get_root().header.add_child(Element(f"<style>{POPUP_CSS}</style>"), name="xj_css")
    Legend(legend_html()).add_to(m)
    return m


def load_countries() -> dict:
    """The offline base layer's GeoJSON, names escaped (Leaflet tooltips insert HTML)."""
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


def _add_geojson(
    group: folium.FeatureGroup,
    frame: gpd.GeoDataFrame,
    properties: Callable[[pd.Series], dict],
    style: Callable[[dict], dict],
    marker: folium.CircleMarker | None = None,
    max_width: int = 480,
) -> folium.FeatureGroup:
    """Add one layer whose features carry an escaped ``tooltip`` and ``popup_html``."""
    folium.GeoJson(
        _collection(frame, properties),
        marker=marker,
        style_function=style,
        tooltip=folium.GeoJsonTooltip(fields=["tooltip"], labels=False),
        popup=folium.GeoJsonPopup(fields=["popup_html"], labels=False, max_width=max_width),
    ).add_to(group)
    return group


NO_FIGURES = present.facts_html(pd.DataFrame())


def _popup(title: str, subtitle: str, note: str, facts_html: Mapping[str, str], entity_id: str) -> str:
    note_html = f'<div class="xj-note">{escape(note)}</div>' if note else ""
    return (
        f'<div class="xj-popup" data-entity="{escape(entity_id)}"><h4>{escape(title)}</h4>'
        f'<div class="xj-sub">{escape(subtitle)}</div>{note_html}'
        f"{facts_html.get(entity_id, NO_FIGURES)}</div>"
    )


def zone_kind_label(kind: str) -> str:
    return present.ZONE_KIND_LABELS[kind]


def layer_control(collapsed: bool = False) -> folium.LayerControl:
    return folium.LayerControl(collapsed=collapsed)


def _port_properties(facts_html: Mapping[str, str]) -> Callable[[pd.Series], dict]:
    def properties(port: pd.Series) -> dict:
        subtitle = present.describe("ports", port)
        note = f"Approximate location: {port['location_note']}" if port["location_accuracy"] == "approximate" else ""
        return {
            "tooltip": escape(f"{port['name']} ({port['name_zh']})"),
            "group": port_mode_group(port["modes"]),
            "popup_html": _popup(port["name"], subtitle, note, facts_html, port["id"]),
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


def ports_layer(ports: gpd.GeoDataFrame, facts_html: Mapping[str, str]) -> folium.FeatureGroup:
    """One circle marker per port, coloured by mode; hover for the name, click for cited figures.

    Up to ``settings.RICH_MAX_PORTS`` ports each carry their popup (SVG markers); beyond that the
    ports go to the browser as one compact payload drawn on a canvas, and popups are built on click.
    """
    group = folium.FeatureGroup(name=f"{settings.PORTS.title} ({len(ports)})")
    if ports.empty:
        return group
    if len(ports) > settings.RICH_MAX_PORTS:
        CanvasPoints(ports).add_to(group)
        return group
    return _add_geojson(
        group, ports, _port_properties(facts_html), _port_style, folium.CircleMarker(radius=8, fill=True)
    )


def corridors_layer(corridors: gpd.GeoDataFrame, facts_html: Mapping[str, str]) -> folium.FeatureGroup:
    """Rail corridors as lines: solid when operating, dashed under construction.

    Lines with more than ``settings.SIMPLIFY_ABOVE_VERTICES`` vertices in all are simplified for
    display (``settings.SIMPLIFY_TOLERANCE`` degrees), and their popups say so.
    """
    group = folium.FeatureGroup(name=f"{settings.CORRIDORS.title} ({len(corridors)})")
    if corridors.empty:
        return group
    simplified = shapely.get_num_coordinates(corridors.geometry.values).sum() > settings.SIMPLIFY_ABOVE_VERTICES
    if simplified:
        corridors = corridors.set_geometry(
            shapely.set_precision(corridors.geometry.simplify(settings.SIMPLIFY_TOLERANCE), 1e-5)
        )

    def properties(corridor: pd.Series) -> dict:
        subtitle = present.describe("corridors", corridor)
        note = f"Schematic line: {corridor['geometry_note']}" + (" Simplified for display." if simplified else "")
        return {
            "tooltip": escape(corridor["name"]),
            "status": corridor["status"],
            "popup_html": _popup(corridor["name"], subtitle, note, facts_html, corridor["id"]),
        }

    def style(feature: dict) -> dict:
        style = settings.CORRIDOR_STYLES[feature["properties"]["status"]]
        return {**style, "opacity": 0.9, "className": f"xj-corridor xj-corridor-{feature['properties']['status']}"}

    return _add_geojson(group, corridors, properties, style)


def zones_layer(zones: gpd.GeoDataFrame, facts_html: Mapping[str, str]) -> folium.FeatureGroup:
    """Free-trade and bonded zones as translucent footprints labelled with their official area."""
    group = folium.FeatureGroup(name=f"{settings.ZONES.title} ({len(zones)})")
    if zones.empty:
        return group

    def properties(zone: pd.Series) -> dict:
        subtitle = present.describe("zones", zone)
        return {
            "tooltip": escape(f"{zone['name']} ({zone['official_area_km2']:g} km²)"),
            "kind": zone["kind"],
            "popup_html": _popup(zone["name"], subtitle, zone["location_note"], facts_html, zone["id"]),
        }

    def style(feature: dict) -> dict:
        kind = feature["properties"]["kind"]
        return {**settings.ZONE_STYLES[kind], "className": f"xj-zone xj-zone-{kind}"}

    return _add_geojson(group, zones, properties, style)


def data_layers(
    dataset: Dataset,
    facts_html: Mapping[str, str] | None = None,
    ports: gpd.GeoDataFrame | None = None,
    corridors: gpd.GeoDataFrame | None = None,
    zones: gpd.GeoDataFrame | None = None,
) -> list[folium.FeatureGroup]:
    """The three data layers for the given (filtered) frames.

    ``facts_html`` (from ``present.facts_html_by_entity``) can be computed once and reused.
    """
    if facts_html is None:
        facts_html = present.facts_html_by_entity(join.cite(dataset.facts, dataset.sources))
    frames = {"ports": ports, "corridors": corridors, "zones": zones}
    builders = {"ports": ports_layer, "corridors": corridors_layer, "zones": zones_layer}
    # Zones first so lines and markers sit on top of the footprints.
    order = ("zones", "corridors", "ports")
    return [
        builders[name](dataset.layer(name) if frames[name] is None else frames[name], facts_html)
        for name in order
        if name in {layer.name for layer in settings.LAYERS}
    ]


def build_map(dataset: Dataset, assets: str = "cdn", **frames: gpd.GeoDataFrame | None) -> folium.Map:
    """A complete standalone map: base, the three data layers (optionally filtered), layer control."""
    m = base_map(assets=assets)
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

    return _add_geojson(group, frame, properties, _upload_style, folium.CircleMarker(radius=6, fill=True), 420)


def _upload_style(_feature: dict) -> dict:
    return {"color": "#000000", "weight": 2, "fillColor": "#ffffff", "fillOpacity": 0.8, "className": "xj-upload"}
