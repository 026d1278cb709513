"""The map's own Leaflet pieces: the offline base (relief, outlines, names), the explorer's hand-off, compact ports."""

from __future__ import annotations

import json
from collections.abc import Mapping

import folium
import geopandas as gpd
import shapely
import shapely.geometry
from branca.element import Element, MacroElement
from folium.map import Layer
from jinja2 import Template
from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup

from geo import settings
from geo.explore import controls
from geo.explore.filter import port_mode_group
from geo.render import basemap
from geo.render.assets import data_uri

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

    @property
    def payload_json(self) -> Markup:
        """The payload as JSON safe inside a script (``<``, ``>``, ``&`` and ``'`` escaped, as Jinja's ``tojson``
        does) without the spaces after its separators, text as UTF-8: 30% fewer bytes than ``tojson`` gives."""
        return htmlsafe_json_dumps(self.payload, separators=(",", ":"), ensure_ascii=False, sort_keys=True)

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        XJMap.compactPorts({{ this._parent.get_name() }}, {{ this.payload_json }});
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


def base_layers(m: folium.Map, embed: bool) -> list[Layer]:
    """Relief (a base layer, offline), OpenStreetMap (online, off by default), names and outlines (overlay).

    ``embed`` puts the base map's files into the page (a standalone export) instead of their URLs.
    """

    def source(layer: str) -> str | dict:
        return json.loads(basemap.path(layer).read_text(encoding="utf-8")) if embed else basemap.url(layer)

    relief = basemap.manifest()["relief"]
    Relief(data_uri(basemap.path("relief")) if embed else basemap.url("relief"), relief["bounds"]).add_to(m)
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
