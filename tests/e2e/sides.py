"""Which side of a border each symbol on the map is drawn on, against the base map's own countries."""

from __future__ import annotations

import json

import shapely
from shapely.geometry import Point, shape

from geo.render import basemap

# Each drawn symbol's screen centre (a port's, a zone's, a point of the viewer's own layer), where the map draws
# it and where the data puts it, as [lat, lon].
SYMBOLS = """() => {
    const x = document.querySelector('.folium-map').xjExplorer, m = x.map;
    const box = m.getContainer().getBoundingClientRect();
    return [...document.querySelectorAll('path.xj-port, .xj-zone-symbol, path.xj-upload')].map(e => {
        const r = e.getBoundingClientRect(), item = x.items[e.dataset.xjId];
        const drawn = m.containerPointToLatLng([r.x + r.width / 2 - box.x, r.y + r.height / 2 - box.y]);
        // Four points a symbol's radius from its true spot: a symbol there whose points lie in two countries
        // stands on the border line.
        const at = m.latLngToContainerPoint(item.latlng), s = x.opts.portRadius;
        const probes = [[s, 0], [-s, 0], [0, s], [0, -s]].map(d => m.containerPointToLatLng([at.x + d[0], at.y + d[1]]));
        return {id: e.dataset.xjId, drawn: [drawn.lat, drawn.lng], true: [item.latlng.lat, item.latlng.lng],
                probes: probes.map(q => [q.lat, q.lng]), x: r.x + r.width / 2, y: r.y + r.height / 2,
                inside: m.getBounds().contains(item.drawnAt || item.latlng),
                spread: Boolean(item.drawnAt) && !item.drawnAt.equals(item.latlng, 0)};
    });
}"""


def countries() -> list[tuple[str, shapely.Geometry]]:
    features = json.loads(basemap.path("countries").read_text(encoding="utf-8"))["features"]
    return [(f["properties"]["code"], shape(f["geometry"])) for f in features]


def country_at(areas, lat: float, lon: float) -> str:
    point = Point(lon, lat)
    return next((code for code, area in areas if area.contains(point)), "")


def crossed(page) -> list[tuple[str, str, str]]:
    """The symbols spread apart onto another country than their own: (id, home, drawn)."""
    areas, out = countries(), []
    for symbol in page.evaluate(SYMBOLS):
        # Off the map a symbol is not drawn where a viewer sees it; one not moved has moved nowhere.
        if not symbol["inside"] or symbol["drawn"] == symbol["true"]:
            continue
        home, drawn = country_at(areas, *symbol["true"]), country_at(areas, *symbol["drawn"])
        if any(country_at(areas, *probe) != home for probe in symbol["probes"]):
            continue  # it stands on the line, as a crossing does: either side is its own
        # A symbol off every country of the base map (beyond its clip) has no side to keep.
        if drawn != home and drawn:
            out.append((symbol["id"], home, drawn))
    return out
