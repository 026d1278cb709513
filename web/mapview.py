"""The map element: its payload and assets, and the view it reports, checked before Python uses it."""

from __future__ import annotations

import urllib.parse
from dataclasses import replace

import geopandas as gpd
import streamlit as st

from geo import settings
from geo.data.dataset import Dataset
from geo.explore import controls, urlstate
from geo.explore.urlstate import View
from geo.render import figures, mapping
from web import yours
from web.address import take_link
from web.serving import UNREADABLE_KEY
from web.shared import base_payload, cited_facts, entity_ids, period_months
from web.text import show

MAP_KEY = "map"


MAP_HEIGHT = 640  # px, filter bar included: fixed, so nothing below the map moves while it loads


# What the map component may report (its view): anything larger or of another type is dropped.
REPORT_MAX = {"rev": 2**53, "text": 1_000, "selected": 200, "items": 50, "item": 100, "address": 4_000, "period": 64}


@st.cache_resource(show_spinner=False)
def map_component():
    js = (mapping.XJ_DIR / "component.js").read_text(encoding="utf-8")
    # Shown from the moment the element mounts, before the map's code has loaded (it removes this).
    waiting = (
        '<div class="xj-waiting" role="status" style="height:100%;display:flex;align-items:center;'
        'justify-content:center;background:#e9eef2;border-radius:6px;color:#555">Loading the map…</div>'
    )
    return st.components.v2.component("xj_map", html=waiting, js=js, isolate_styles=False)


def assets_mode() -> tuple[str, str | None]:
    """Serve Leaflet from the app when it is installed; otherwise fall back to the CDN and say so."""
    if settings.MAP_ASSETS == "local" and not (settings.ASSET_DIRS[0] / "leaflet.js").is_file():
        return (
            "cdn",
            "Leaflet is not installed locally (run `npm ci`), so the map loads it from a CDN and needs internet.",
        )
    return settings.MAP_ASSETS, None


def map_ui(dataset: Dataset, uploaded: tuple[str, gpd.GeoDataFrame] | None, period: str) -> View:
    """The map with its filter bar; returns the view the viewer has chosen on it."""
    assets, warning = assets_mode()
    if warning:
        st.warning(warning)
    data_dir = settings.data_dir()
    if uploaded:
        name, frame = uploaded
        cache = st.session_state.get("upload_payload")
        if cache is None or cache[0] != st.session_state["upload_good"][0]:
            m = mapping.build_map(dataset, assets, cited=cited_facts(data_dir), upload=uploaded)
            cache = (st.session_state["upload_good"][0], mapping.payload(m, dataset))
            st.session_state["upload_payload"] = cache
        payload = cache[1]
    else:
        payload = base_payload(data_dir, assets)
    data = {
        "map": payload,
        "command": st.session_state["command"],
        "assets": mapping.component_assets(),
        "period": figures.period_option(*View(period=period).period_range()),
        "months": period_months(data_dir),
    }
    reported = _reported_view(data)
    if reported is not None:
        # Which report this run takes in: the page marks it once the downloads hold its view (web/page.py).
        st.session_state["heard"] = reported.get("seq", 0)
    if reported is not None and not st.session_state.get("map_drawn"):
        # The map is drawn (it reports once it is): now the rest of the page, which waited so as not to hold it up.
        st.session_state["map_drawn"] = True
        st.rerun()
    ids = entity_ids(dataset) + yours.ids(uploaded)
    if reported and reported.get("nav", 0) > st.session_state.get("nav", 0):
        # The map saw Back or Forward. Streamlit's own rerun for it may have been merged with another (it then
        # forgets it came from history); the address the map saw says which view to show.
        st.session_state["nav"] = reported["nav"]
        address = urllib.parse.parse_qs(reported.get("address", "").lstrip("?"), keep_blank_values=True)
        # Compared with what the map shows, which Python may not have heard of yet (a change less than its
        # report's second before Back): the map is told whenever it shows another view than the address's.
        was = st.session_state["view"]
        period = urlstate.parse({urlstate.PARAMS["period"]: reported.get("period", "")})[0].period
        shows = replace(urlstate.from_map(reported, ids), period=period, year=was.year, size=was.size)
        if take_link(dataset, address, back=True, shows=shows):
            st.rerun()  # the whole page: the region's figures and charts, outside the map's part, follow the period
    pending = st.session_state["command"]
    # The year control redraws the map in the browser and writes only the address, which each run brings.
    # So does the "Size by" choice on the map.
    drawn = urlstate.parse({k: st.query_params.get(k, "") for k in ("year", "size")})[0]
    year, size = drawn.year, drawn.size
    commanded = reported is None or not isinstance(reported.get("rev"), int) or reported["rev"] < pending["rev"]
    st.session_state["view_from_command"] = commanded
    if commanded:
        view = urlstate.from_map(pending["view"], ids)
        if not view.at:  # a table row moved nothing: the map stays where the viewer left it
            view = replace(view, at=st.session_state["view"].at)
        return replace(view, period=period, year=year, size=size)
    return replace(urlstate.from_map(reported, ids), period=period, year=year, size=size)


def _reported_view(data: dict) -> dict | None:
    """Draw the map; the view it reports, or None. A report the page cannot use is dropped with a notice."""
    result = map_component()(
        key=MAP_KEY, data=data, default={"view": None}, on_view_change=lambda: None, height=MAP_HEIGHT
    )
    if result.get(UNREADABLE_KEY):
        show("The map sent a state the page cannot read; it was reset.", "warning")
        return None
    view = result.view
    if view is None:
        return None
    if not _usable_report(view):
        show("The map reported a view the page cannot use; it was ignored.", "warning")
        return None
    return view


def _usable_report(view: object) -> bool:
    """Whether the map's report has the types and sizes the component sends (see urlstate.from_map)."""
    known = {"rev", "filters", "text", "selected", "at", "layers", "nav", "address", "drawn", "period", "seq"}
    if not isinstance(view, dict) or not set(view) <= known:
        return False
    rev, filters, at = view.get("rev"), view.get("filters", {}), view.get("at")
    nav, seq = view.get("nav", 0), view.get("seq", 0)

    def texts(items: object) -> bool:
        return (
            isinstance(items, list)
            and len(items) <= REPORT_MAX["items"]
            and all(isinstance(i, str) and len(i) <= REPORT_MAX["item"] for i in items)
        )

    return (
        type(rev) is int
        and -1 <= rev <= REPORT_MAX["rev"]  # -1: the map has applied no command yet
        and type(view.get("drawn", True)) is bool
        and isinstance(filters, dict)
        and len(filters) <= len(controls.CONTROLS)
        and all(isinstance(k, str) and len(k) <= REPORT_MAX["item"] and texts(v) for k, v in filters.items())
        and all(type(n) is int and 0 <= n <= REPORT_MAX["rev"] for n in (nav, seq))
        and all(
            isinstance(view.get(k, ""), str) and len(view.get(k, "")) <= REPORT_MAX[k]
            for k in ("text", "selected", "address", "period")
        )
        and (
            at is None
            or (
                isinstance(at, list)
                and len(at) == 3
                and all(type(v) in (int, float) and -1e4 <= v <= 1e4 for v in at)  # NaN and inf fail too
            )
        )
        and texts(view.get("layers", []))
    )
