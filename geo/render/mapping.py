"""Build the Folium map: the regional base, one layer per registry entry, and the browser-side explorer."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import Callable, Mapping
from pathlib import Path

import folium
import geopandas as gpd
import pandas as pd
import shapely
import shapely.geometry
from branca.element import Element, MacroElement
from folium.map import Layer
from jinja2 import Template
from markupsafe import Markup
from shapely.geometry import mapping

from geo import settings
from geo.data import join
from geo.data.dataset import Dataset
from geo.errors import AssetError
from geo.explore import controls, timeline, urlstate
from geo.explore.filter import port_mode_group
from geo.render import basemap, figures, present, sizes, verbatim
from geo.render.present import escape

# Text from data is in every rendered piece of the map: branca must never compile it as a template.
verbatim.install()

ASSET_MODES = ("local", "cdn", "inline")
# The map's own panes, made before any layer uses them, none catching the pointer: relief, outlines, leader
# lines and names, each at its depth (Leaflet's own: tiles 200, overlays 400, markers 600, popups 700).
PANES = (("xjRelief", 150), ("xjAdmin", 350), ("xjLeaders", 590), ("xjLabels", 620))
_LEAFLET_FILES = {"js": "leaflet.js", "css": "leaflet.css"}
# The explorer's own browser code (committed, not third-party): shared by the app and the export. The pure
# parts (the rule book, screen geometry) come first: the map's code uses them.
XJ_DIR = settings.STATIC_DIR / "xj"
XJ_URL = "/app/static/xj/"
XJ_SCRIPTS = ("core.js", "view.js", "xjmap.js", "snapshot.js")


def asset_url(name: str) -> str:
    """The app's URL of one of its own browser files, versioned by content so a browser never runs a stale copy."""
    digest = hashlib.sha256((XJ_DIR / name).read_bytes()).hexdigest()[:10]
    return f"{XJ_URL}{name}?v={digest}"


MAP_LABEL = "Map of Xinjiang's border ports, rail corridors and zones"


# How the legend names a port's state (xjmap.js STATE_STYLES draws them); the year control makes every one of
# them appear in some year, and today's map has each but "planned".
PORT_STATE_LEGEND: tuple[tuple[str, str], ...] = (
    ("open", "open"),
    ("seasonal", "seasonal (dashed rim)"),
    ("approved", "approved, not yet open (hollow)"),
    ("suspended", "suspended (hollow, dashed)"),
)


def legend_html() -> str:
    """The legend's content, drawn from the same settings that style the layers (every text escaped)."""

    def item(swatch: str, label: str) -> str:
        return f'<span class="xj-item">{swatch}{escape(label)}</span>'

    ports = "".join(
        item(f'<i style="background:{colour};border-radius:50%"></i>', "road + rail" if group == "combined" else group)
        for group, colour in settings.MODE_COLOURS.items()
    )
    lines = "".join(
        item(
            f'<i class="xj-line" style="border-top-style:{"dashed" if style["dashArray"] else "solid"};'
            f'border-color:{style["color"]}"></i>',
            status.replace("_", " "),
        )
        for status, style in settings.CORRIDOR_STYLES.items()
    )
    zones = "".join(
        item(f'<i class="xj-square" style="background:{style["fillColor"]}"></i>', present.ZONE_KIND_LABELS[kind])
        for kind, style in settings.ZONE_STYLES.items()
    )
    borders = "".join(
        item(
            f'<i class="xj-border" style="border-top-style:{"dashed" if style.get("dashArray") else "solid"};'
            f'border-color:{style["color"]}"></i>',
            label,
        )
        for label, style in (
            ("Xinjiang's boundary", settings.BASE_STYLES["xinjiang"]),
            ("international border", settings.BASE_STYLES["country"]),
            ("province boundary", settings.BASE_STYLES["province"]),
        )
    )
    # A port's state (today, or in the year the year control shows): how its symbol is filled and rimmed.
    states = "".join(item(f'<i class="xj-state xj-state-{state}"></i>', label) for state, label in PORT_STATE_LEGEND)
    # Lines shown only while a year is chosen (the explorer shows them and names the year): what that year hides.
    # Static text: the year goes into its span as text (xjmap.js _legendYear).
    gone = "As of <span data-xj-year-label></span>: places not yet approved (corridors not yet begun) are not drawn."
    hollow_zone = item('<i class="xj-square xj-square-approved"></i>', "approved, not yet operating")
    year_only = '<div class="xj-hint" data-xj-year-only hidden>{}</div>'.format
    # Each section names its layer, so the explorer can hide it while that layer is turned off.
    return "".join(
        (
            f'<div data-xj-layer="{settings.PORTS.name}"><b>Ports, by mode</b><div>{ports}</div>',
            f'<div class="xj-states">{states}</div>',
            year_only(gone),
            '<div class="xj-hint">Ports at one place are spread apart; a thin line leads to the true spot.</div>',
            # Short, so the legend grows no taller than the map's corner allows (the layers button sits above it).
            f'<span class="xj-item xj-wrap"><i class="xj-halo-swatch"></i>position uncertain (≥ {HALO_MIN_KM:g} km)'
            "</span>",
            '<span class="xj-item xj-wrap"><i class="xj-clearance-swatch"></i>inland clearance area</span></div>',
            f'<div data-xj-layer="{settings.CORRIDORS.name}"><b>Rail corridors (schematic)</b><div>{lines}</div>',
            year_only("Each line as it stood that year."),
            "</div>",
            f'<div data-xj-layer="{settings.ZONES.name}"><b>Zones</b><div>{zones}</div>',
            year_only(hollow_zone),
            '<div class="xj-hint">Squares until you zoom in to their footprint.</div></div>',
            f'<div data-xj-layer="base"><b>Borders</b><div>{borders}</div></div>',
            f'<div class="xj-credit">{" · ".join(escape(line) for line in basemap.credits())}</div>',
        )
    )


def use_assets(m: folium.Map, assets: str) -> folium.Map:
    """Point the map (this instance only) at Leaflet and the explorer's code: served locally, from a CDN, or inlined.

    Raises
    ------
    AssetError
        If the asset mode is unknown, or ``inline`` is asked for and the npm-installed Leaflet is missing.
    """
    if assets not in ASSET_MODES:
        msg = f"map assets: expected one of {', '.join(ASSET_MODES)}; got {assets!r}."
        raise AssetError(msg)
    if assets == "inline":
        m.default_js, m.default_css = [], []
        js, css = (_read_leaflet(kind) for kind in ("js", "css"))
        head = m.get_root().header
        head.add_child(Element(f"<style>{_inline_images(css)}</style>"), name="leaflet_css_inline")
        head.add_child(Element(f"<script>{js}</script>"), name="leaflet_js_inline")
        head.add_child(Element(f"<style>{_read_xj('xjmap.css')}</style>"), name="xj_css_inline")
        for name in XJ_SCRIPTS:
            head.add_child(Element(f"<script>{_read_xj(name)}</script>"), name=f"xj_{name[:-3]}_js_inline")
        return m
    base = settings.LOCAL_ASSET_URL if assets == "local" else settings.CDN_ASSET_URL
    own = [(f"xj_{name[:-3]}", asset_url(name)) for name in XJ_SCRIPTS]
    m.default_js = [("leaflet", base + _LEAFLET_FILES["js"]), *own]
    m.default_css = [("leaflet_css", base + _LEAFLET_FILES["css"]), ("xjmap_css", asset_url("xjmap.css"))]
    return m


def _read_xj(name: str) -> str:
    return (XJ_DIR / name).read_text(encoding="utf-8").replace("</script", "<\\/script")


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


# Towns named at every view, before any port or zone: the regional capital and Kashgar, by their GeoNames ids in
# static/basemap/places.geojson (positions come from there).
ALWAYS_NAMED: dict[int, str] = {1529102: "Ürümqi", 1280849: "Kashgar"}


class RegionBase(Layer):
    """The offline base: Xinjiang outlined among its neighbours, countries, provinces and towns named.

    In the app the browser fetches the files the app serves (``admin``/``places`` are URLs); a standalone
    export embeds them. Names are placed by the explorer, which keeps them from colliding.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = XJMap.regionBase({{ this._parent.get_name() }}, L.layerGroup(), {{ this.options|tojson }});
        {{ this.get_name() }}.addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, admin: list[str | dict], places: str | dict | None, near: dict[str, list[float]]):
        super().__init__(name="Borders and place names (offline)", overlay=True, control=True)
        self._name = "RegionBase"
        self.options = {
            "admin": admin,
            "places": places,
            "near": near,
            "alwaysNamed": list(ALWAYS_NAMED),
            "styles": settings.BASE_STYLES,
        }


class Relief(Layer):
    """The shaded relief, a base layer: one image stretched between its bounds (rows already in Mercator)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.imageOverlay({{ this.url|tojson }}, {{ this.bounds|tojson }},
            {pane: "xjRelief", interactive: false, className: "xj-relief"}).addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, url: str, bounds: list[list[float]]):
        super().__init__(name="Shaded relief (offline)", overlay=False, control=True)
        self._name = "Relief"
        self.url, self.bounds = url, bounds


class Explorer(MacroElement):
    """Hands the map and its layers to the browser-side explorer (static/xj/xjmap.js)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = XJMap.explore({{ this._parent.get_name() }}, Object.assign(
            {{ this.options|tojson }},
            {
                layers: { {%- for name, layer in this.layers.items() %}{{ name|tojson }}: {{ layer.get_name() }},{% endfor -%} },
                groups: { {%- for name, layer in this.groups.items() %}{{ name|tojson }}: {{ layer.get_name() }},{% endfor -%} },
                baseGroups: [ {%- for layer in this.bases %}{{ layer.get_name() }},{% endfor -%} ],
                baseReady: Promise.all([ {%- for layer in this.bases %}{{ layer.get_name() }}.xjReady,{% endfor -%} ])
            }));
        {% endmacro %}
        """
    )

    def __init__(self, layers: dict, groups: dict, bases: list, options: dict):
        super().__init__()
        self._name = "Explorer"
        self.layers, self.groups, self.bases, self.options = layers, groups, bases, options


class CompactPorts(MacroElement):
    """Many ports as one compact payload, drawn as circles on a shared canvas (``XJMap.compactPorts``).

    Coordinates are rounded to ``settings.COMPACT_DECIMALS`` (about 11 m); repeated words travel once, as
    lists, and each port carries small indices into them. Names are inserted as text, never as HTML.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        XJMap.compactPorts({{ this._parent.get_name() }}, {{ this.payload|tojson }});
        {% endmacro %}
        """
    )

    def __init__(self, ports: gpd.GeoDataFrame, keys: Mapping[str, str]):
        super().__init__()
        self._name = "CompactPorts"
        groups = list(settings.MODE_COLOURS)
        countries = list(controls.BY_NAME["countries"].choices)
        decimals = settings.COMPACT_DECIMALS
        self.payload = {
            "ids": ports.index.tolist(),
            "lat": ports.geometry.y.round(decimals).tolist(),
            "lon": ports.geometry.x.round(decimals).tolist(),
            "group": [groups.index(port_mode_group(m)) for m in ports["modes"]],
            "kind": [settings.PORT_KINDS.index(k) for k in ports["kind"]],
            "status": [settings.PORT_STATUSES.index(s) for s in ports["status"]],
            "country": [countries.index(c if isinstance(c, str) and c else "none") for c in ports["border_country"]],
            "names": ports["name"].tolist(),
            "search": [keys.get(i, "") for i in ports.index],
            "colours": list(settings.MODE_COLOURS.values()),
            "subtitles": [g.replace("combined", "road + rail") for g in groups],
            "lists": {
                "modes": [["road", "rail"] if g == "combined" else [g] for g in groups],
                "kinds": list(settings.PORT_KINDS),
                "statuses": list(settings.PORT_STATUSES),
                "countries": countries,
            },
        }


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
_POPUP = Markup(
    '<div class="xj-popup" data-entity="{}"><h4>{}</h4><div class="xj-sub">{}</div>{}<div class="xj-figures"></div></div>'
)
_NOTE = Markup('<div class="xj-note">{}</div>')


def _popup(title: str, subtitle: str, note: str, entity_id: str) -> Markup:
    """A place's popup, its figures left to the browser: markupsafe escapes every text."""
    note_html = _NOTE.format(present.mark_chinese(note)) if note else ""
    return _POPUP.format(entity_id, present.mark_chinese(title), present.mark_chinese(subtitle), note_html)


def zone_kind_label(kind: str) -> str:
    return present.ZONE_KIND_LABELS[kind]


def drawable(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Features with a position: a port whose location is unknown has none, and is listed, not drawn."""
    return frame[frame.geometry.notna() & ~frame.geometry.is_empty]


class _Layers:
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


def _ports(out: _Layers, ports: gpd.GeoDataFrame, values, keys) -> None:
    group = folium.FeatureGroup(name=f"{settings.PORTS.title} ({len(ports)})")
    out.groups["ports"] = group
    if len(ports) > settings.RICH_MAX_PORTS:
        CompactPorts(ports, keys["ports"]).add_to(group)
        out.filtered["ports"] = group
        return
    if ports.empty:
        return

    def properties(port: pd.Series) -> dict:
        accuracy = port["location_accuracy"]
        note = f"Approximate location: {port['location_note']}" if accuracy == "approximate" else ""
        note = " ".join(n for n in (note, _precision(port)) if n)
        return {
            **_common("ports", port, values, keys),
            "tooltip": present.mark_chinese(f"{port['name']} ({port['name_zh']})"),
            "group": port_mode_group(port["modes"]),
            "popup_html": _popup(port["name"], present.describe("ports", port), note, port["id"]),
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
    _halos_and_clearances(group, ports)
    out.filtered["ports"] = _add_geojson(group, ports, properties, style, marker)


# A port whose position is uncertain by this much or more is drawn with a halo of that radius.
HALO_MIN_KM = 5.0
_HALO = {"color": "#6a3d9a", "weight": 1, "dash_array": "4 3", "fill": True, "fill_opacity": 0.08}
_CLEARANCE = {"color": "#333333", "weight": 1, "fill": True, "fill_color": "#ffffff", "fill_opacity": 1.0}


def _number(value: object) -> float | None:
    return None if value is None or (isinstance(value, float) and pd.isna(value)) else float(value)


def _precision(port: pd.Series) -> str:
    """What the popup says of the port's uncertainty and of an inland clearance area."""
    parts = []
    radius = _number(port.get("uncertainty_km"))
    if radius is not None:
        parts.append(f"Within {radius:g} km of this point.")
    if _number(port.get("clearance_km")) is not None:
        parts.append(
            f"Clearance area: {port['clearance_name']}, {port['clearance_km']:g} km from the crossing in a straight "
            "line (the small mark joined by a line)."
        )
    return " ".join(parts)


def _halos_and_clearances(group: folium.FeatureGroup, ports: gpd.GeoDataFrame) -> None:
    """Folium circles for wide uncertainties and small marks joined by a line for inland clearance areas; each is
    tagged ``xj-for-ID`` so the explorer shows and hides it with its port."""
    for pid, port in ports.iterrows():
        lat, lon = port.geometry.y, port.geometry.x
        radius = _number(port.get("uncertainty_km"))
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


def _corridors(out: _Layers, corridors: gpd.GeoDataFrame, values, keys) -> None:
    group = folium.FeatureGroup(name=f"{settings.CORRIDORS.title} ({len(corridors)})")
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
        note = f"Schematic line: {corridor['geometry_note']}" + (" Simplified for display." if simplified else "")
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


def _zones(out: _Layers, zones: gpd.GeoDataFrame, values, keys) -> None:
    group = folium.FeatureGroup(name=f"{settings.ZONES.title} ({len(zones)})")
    out.groups["zones"] = group
    if zones.empty:
        return

    def properties(zone: pd.Series) -> dict:
        return {
            **_common("zones", zone, values, keys),
            "tooltip": present.mark_chinese(f"{zone['name']} ({zone['official_area_km2']:g} km²)"),
            "kind": zone["kind"],
            "popup_html": _popup(zone["name"], present.describe("zones", zone), zone["location_note"], zone["id"]),
        }

    def style(feature: dict) -> dict:
        kind = feature["properties"]["kind"]
        return {**settings.ZONE_STYLES[kind], "className": f"xj-zone xj-zone-{kind}"}

    out.filtered["zones"] = _add_geojson(group, zones, properties, style)


def upload_layer(frame: gpd.GeoDataFrame, filename: str, total: int) -> folium.FeatureGroup:
    """An analyst's uploaded layer, drawn in black and white over the built-in layers; text escaped."""
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
            "popup_html": f'<div class="xj-popup"><h4>{escape(row["name"])}</h4>'
            f'<div class="xj-sub">From your file {escape(filename)}</div><table class="xj-facts">{cells}</table></div>',
        }

    marker = folium.CircleMarker(radius=6, fill=True)
    return _add_geojson(group, shown, properties, upload_style, marker, 420)


def upload_legend(name: str, frame: gpd.GeoDataFrame) -> str:
    """The legend's section for an uploaded layer: its file name and a swatch per kind of geometry it has."""
    kinds = [upload_kind(g) for g in frame.geometry]
    counts = {kind: kinds.count(kind) for kind in dict.fromkeys(kinds)}
    swatches = {
        "point": '<i style="background:#fff;border:2px solid #000;border-radius:50%;box-sizing:border-box"></i>',
        "line": '<i class="xj-line" style="border-top-style:solid;border-color:#111"></i>',
        "area": '<i class="xj-square" style="background:#fff;border:2px solid #000;box-sizing:border-box"></i>',
    }
    words = {"point": ("point", "points"), "line": ("line", "lines"), "area": ("area", "areas")}
    items = "".join(
        f'<span class="xj-item">{swatches[kind]}{counts[kind]:,} {words[kind][counts[kind] != 1]}</span>'
        for kind in words
        if kind in counts
    )
    return f'<div data-xj-layer="upload"><b>Your layer: {escape(name)}</b><div>{items}</div></div>'


def build_map(
    dataset: Dataset,
    assets: str = "local",
    *,
    cited: pd.DataFrame | None = None,
    upload: tuple[str, gpd.GeoDataFrame] | None = None,
    standalone: bool = False,
    keys: Mapping[str, Mapping[str, str]] | None = None,
) -> folium.Map:
    """The whole map: base, every feature of every layer (the browser filters them), legend and explorer.

    Parameters
    ----------
    dataset : Dataset
        The validated data; every feature with a position is drawn.
    assets : {"local", "cdn", "inline"}
        Where the browser gets Leaflet and the explorer's code; ``inline`` embeds them and the base map,
        so the file needs no server and no network.
    cited : DataFrame, optional
        ``join.cite(facts, sources)``, if already computed.
    upload : (file name, frame), optional
        An analyst's own layer, drawn over the others.
    standalone : bool
        Add a page title and heading, for a file opened on its own.
    keys : mapping, optional
        ``controls.search_keys`` of the dataset's layers (with its groups), if already computed.
    """
    # Kept over the offline relief (beyond it there is nothing to see offline), and no closer than the
    # zoom where the smallest zone's footprint is clear.
    (south, west), (north, east) = basemap.relief_bounds()
    m = folium.Map(
        location=settings.MAP_CENTER,
        zoom_start=settings.MAP_ZOOM,
        tiles=None,
        control_scale=True,
        zoom_snap=0.25,
        max_zoom=settings.MAP_MAX_ZOOM,
        min_zoom=3,
        max_bounds=True,
        min_lat=south,
        max_lat=north,
        min_lon=west,
        max_lon=east,
    )
    # No folium fit_bounds: its animated zoom would end after a link's own position and undo it; the
    # explorer frames the opening view itself (XJMap.Explorer.frame), without animation.
    use_assets(m, assets)
    for pane, z_index in PANES:
        folium.map.CustomPane(pane, z_index=z_index, pointer_events=False).add_to(m)
    bases = _base_layers(m, embed=assets == "inline")

    frames = {"ports": drawable(dataset.ports), "corridors": dataset.corridors, "zones": dataset.zones}
    if keys is None:
        # Keyed on the whole layers, as the page's filters are: a corridor is found by the names of all its ports.
        keys = controls.search_keys({name: dataset.layer(name) for name in frames}, getattr(dataset, "groups", None))
    values = {name: controls.feature_values(name, frame) for name, frame in frames.items()}
    out = _Layers()
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
    for group in out.groups.values():
        group.add_to(m)
    folium.LayerControl(collapsed=True).add_to(m)
    counts = controls.choice_counts({name: dataset.layer(name) for name in frames})
    options = {**_options(counts), "bounds": opening_bounds(frames), "figures": _figures(dataset, frames, cited)}
    events = getattr(dataset, "events", None)
    if events is not None and len(frames["ports"]) <= settings.RICH_MAX_PORTS:
        # Each port's dated events travel with the map: the year control redraws it in the browser.
        options["timeline"] = timeline.payload(
            frames["ports"], events, corridors=frames["corridors"], zones=frames["zones"]
        )
        options["yearOnMap"] = standalone  # a file has no filter bar: the year control sits on the map
        # The measures the ports can be sized by, each port's figure with them: the browser redraws by any.
        options["sizes"] = sizes.measures(dataset.facts, frames["ports"])
    if upload:  # the legend explains the analyst's layer too, above the credits
        legend, credit = options["legend"], '<div class="xj-credit">'
        at = legend.find(credit) if credit in legend else len(legend)
        options["legend"] = legend[:at] + upload_legend(*upload) + legend[at:]
    Explorer(out.filtered, {**out.groups, "base": bases[0]} if bases else out.groups, bases, options).add_to(m)
    if standalone:
        _page(m, dataset)
    return m


def _figures(dataset: Dataset, frames: Mapping[str, gpd.GeoDataFrame], cited: pd.DataFrame | None) -> dict:
    """The one figures table of the places drawn with popups (their groups' figures included), for the popups to
    compose. Above RICH_MAX_PORTS the ports are a compact canvas payload whose popups send the viewer to the
    tables instead: each would carry its groups' figures again (600,000 rows at 100,000 ports)."""
    popups = [name for name in frames if name != "ports" or len(frames[name]) <= settings.RICH_MAX_PORTS]
    drawn = {fid for name in popups for fid in frames[name].index}
    cited = join.cite(dataset.facts, dataset.sources) if cited is None else cited
    # Only the drawn places' groups are joined in (a cited table the app already joined comes back as it is).
    parents = {fid: parent for fid, parent in dataset.parents().items() if fid in drawn}
    joined = join.with_parents(cited, parents, dataset.entity_names())
    return figures.table(joined[joined["entity_id"].isin(drawn)])


def _options(counts: dict[str, dict[str, int]] | None = None) -> dict:
    # The rule book (controls, their choices and labels, which layer borrows which, the search box) travels
    # once, with the map: the explorer filters by it and the app's filter bar is built from it.
    return {
        **controls.spec(counts),
        "legend": legend_html(),
        "mapLabel": MAP_LABEL,
        "address": urlstate.address_spec(),
        "portRadius": settings.PORT_RADIUS,
        "zoneSymbolBelowPx": settings.ZONE_SYMBOL_BELOW_PX,
        "spreadMax": settings.RICH_MAX_PORTS,
        "legendOpenMinPx": settings.LEGEND_OPEN_MIN_PX,
        # A corridor as of a year is drawn with the style of the status it then had.
        "corridorStyles": settings.CORRIDOR_STYLES,
    }


def _base_layers(m: folium.Map, embed: bool) -> list[Layer]:
    """Relief (a base layer, offline), OpenStreetMap (online, off by default), names and outlines (overlay).

    ``embed`` puts the base map's files into the page (a standalone export) instead of their URLs.
    """

    def source(layer: str) -> str | dict:
        return json.loads(basemap.path(layer).read_text(encoding="utf-8")) if embed else basemap.url(layer)

    relief = basemap.manifest()["relief"]
    Relief(_data_uri(basemap.path("relief")) if embed else basemap.url("relief"), relief["bounds"]).add_to(m)
    folium.TileLayer(
        "OpenStreetMap", name="OpenStreetMap (online)", attr="© OpenStreetMap contributors", overlay=False, show=False
    ).add_to(m)
    # Beyond the relief image the map shows its edge colour, so the image has no hard border.
    m.get_root().header.add_child(
        Element(f"<style>.leaflet-container {{ background: {relief['background']}; }}</style>"), name="xj_background"
    )
    layer = RegionBase(admin=[source("countries"), source("provinces")], places=source("places"), near=near_labels())
    layer.add_to(m)
    return [layer]


def near_labels() -> dict[str, list[float]]:
    """A label point for each neighbour of Xinjiang inside the opening view, where its own would lie outside.

    A country's label point sits in its middle (Kazakhstan's far to the west), so at the opening view
    it would go unnamed; the part of it inside the view gets a point of its own, [lat, lon].
    """
    (south, west), (north, east) = settings.MAP_BOUNDS
    view = shapely.box(west, south, east, north)
    points = {}
    for layer in ("countries", "provinces"):
        for feature in json.loads(basemap.path(layer).read_text(encoding="utf-8"))["features"]:
            props = feature["properties"]
            if props.get("label_rank") not in (2, 3):  # the neighbouring countries and provinces (basemap.json)
                continue
            inside = shapely.geometry.shape(feature["geometry"]).intersection(view)
            if inside.area > 0.5:  # square degrees: enough room for a name
                point = inside.representative_point()
                points[props["code"]] = [round(point.y, 3), round(point.x, 3)]
    return points


def _data_uri(path: Path) -> str:
    kind = {".jpg": "jpeg", ".jpeg": "jpeg", ".png": "png", ".webp": "webp"}[path.suffix.lower()]
    return f"data:image/{kind};base64,{base64.b64encode(path.read_bytes()).decode()}"


def _page(m: folium.Map, dataset: Dataset) -> None:
    root = m.get_root()
    root.title = "Xinjiang's ports, rail corridors and free-trade zone"
    root.header.add_child(Element(f"<title>{escape(root.title)}</title>"), name="xj_title")
    drawn = len(drawable(dataset.ports))
    heading = (
        f"<header><h1>{escape(root.title)}</h1><p>{drawn} ports of entry, {len(dataset.corridors)} rail corridors and "
        f"{len(dataset.zones)} zones; click a place for its figures, each with its source. Layers: the button at the "
        "top right.</p></header>"
    )
    root.html.add_child(Element(heading), name="xj_heading", index=0)
    root.html.add_child(Element("<script>document.body.classList.add('xj-export');</script>"), name="xj_body")


def payload(m: folium.Map, dataset: Dataset) -> dict:
    """The rendered map as the app's map component takes it: styles, the map's element and its script.

    The component loads Leaflet and the explorer's code itself, so the head's script and link tags are left
    out; ``hash`` names this map, so the browser builds it once and reuses it across reruns.
    """
    root = m.get_root()
    root.render()
    css = "".join(re.findall(r"<style>(.*?)</style>", root.header.render(), flags=re.S))
    script = root.script.render()
    return {
        "css": css,
        "html": root.html.render(),
        "script": script,
        "hash": hashlib.sha256(script.encode()).hexdigest()[:16],
        "total": {
            "ports": len(dataset.ports),
            "undrawn": int(len(dataset.ports) - len(drawable(dataset.ports))),
            "corridors": len(dataset.corridors),
            "zones": len(dataset.zones),
        },
    }


def export_html(dataset: Dataset, path: Path) -> None:
    """Write the map as one standalone HTML file: Leaflet, the explorer and the base map inlined."""
    build_map(dataset, assets="inline", standalone=True).save(str(path))


def component_assets() -> dict:
    """What the map component loads once per page: Leaflet and the explorer's code (in order) and styles."""
    return {
        "leaflet": settings.LOCAL_ASSET_URL + _LEAFLET_FILES["js"],
        "xj": [asset_url(name) for name in XJ_SCRIPTS],
        "css": [settings.LOCAL_ASSET_URL + _LEAFLET_FILES["css"], asset_url("xjmap.css")],
    }


def opening_bounds(frames: Mapping[str, gpd.GeoDataFrame]) -> list[list[float]]:
    """[[south, west], [north, east]] around Xinjiang (``settings.MAP_BOUNDS``) and every drawn feature."""
    (south, west), (north, east) = settings.MAP_BOUNDS
    for frame in frames.values():
        drawn = drawable(frame)
        if drawn.empty:
            continue
        x0, y0, x1, y1 = drawn.total_bounds
        west, south, east, north = min(west, x0), min(south, y0), max(east, x1), max(north, y1)
    return [[round(south, 3), round(west, 3)], [round(north, 3), round(east, 3)]]
