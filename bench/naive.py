"""The usual tutorial map, as the benchmark's baseline: one folium.Marker per port, rebuilt every run."""

from __future__ import annotations

import folium
import geopandas as gpd

from geo import settings
from geo.render import mapping


def naive_map(ports: gpd.GeoDataFrame) -> folium.Map:
    """Every port a Marker with its own tooltip and popup, on a map made from scratch.

    Leaflet comes from the same place as the real app's, so only the way of drawing differs; folium's
    string popups also need jQuery (3.7.1, folium's default), served locally too.
    """
    m = folium.Map(location=settings.MAP_CENTER, zoom_start=settings.MAP_ZOOM)
    mapping.use_assets(m, "local")
    m.default_js = [*m.default_js, ("jquery", "/app/static/vendor/jquery/jquery.min.js")]
    for _, port in mapping.drawable(ports).iterrows():  # a port with no known location is not drawn
        folium.Marker([port.geometry.y, port.geometry.x], tooltip=port["name"], popup=port["name"]).add_to(m)
    return m
