"""Build the Folium map: the regional base, one layer per registry entry, and the browser-side explorer."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from pathlib import Path

import folium
import geopandas as gpd
import pandas as pd
from branca.element import Element

from geo import settings
from geo.data import join
from geo.data.dataset import Dataset
from geo.explore import controls, timeline, urlstate
from geo.render import basemap, figures, sizes, verbatim
from geo.render.assets import XJ_DIR, component_assets, use_assets
from geo.render.elements import CompactPorts, Explorer, base_layers
from geo.render.layers import HALO_MIN_KM, data_layers, drawable, upload_kind, upload_layer, upload_style
from geo.render.legend import legend_html, upload_legend
from geo.render.present import escape

# The names the app, the benchmark and the tests reach through this module, wherever they now live.
__all__ = [
    "HALO_MIN_KM",
    "MAP_LABEL",
    "XJ_DIR",
    "CompactPorts",
    "Explorer",
    "build_map",
    "component_assets",
    "drawable",
    "export_html",
    "legend_html",
    "opening_bounds",
    "payload",
    "upload_kind",
    "upload_layer",
    "upload_style",
    "use_assets",
]

# Text from data is in every rendered piece of the map: branca must never compile it as a template.
verbatim.install()

# The map's own panes, made before any layer uses them, none catching the pointer: relief, outlines, leader
# lines and names, each at its depth (Leaflet's own: tiles 200, overlays 400, markers 600, popups 700).
# The ports' own pane lies over the other data layers (Leaflet's overlay pane, 400): a zone's footprint or a viewer's
# dense file, drawn later in that pane, lay over the ports and took their clicks.
PANES = (("xjRelief", 150), ("xjAdmin", 350), (settings.PORTS_PANE, 450), ("xjLeaders", 590), ("xjLabels", 620))

MAP_LABEL = "Map of Xinjiang's border ports, rail corridors and zones"


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
    bases = base_layers(m, embed=assets == "inline")

    frames = {"ports": drawable(dataset.ports), "corridors": dataset.corridors, "zones": dataset.zones}
    if keys is None:
        # Keyed on the whole layers, as the page's filters are: a corridor is found by the names of all its ports.
        keys = controls.search_keys({name: dataset.layer(name) for name in frames}, getattr(dataset, "groups", None))
    values = {name: controls.feature_values(name, frame) for name, frame in frames.items()}
    out = data_layers(frames, values, keys, upload)
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


def _page(m: folium.Map, dataset: Dataset) -> None:
    root = m.get_root()
    root.title = settings.TITLE
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
