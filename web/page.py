"""The Streamlit page: explore Xinjiang's ports, rail corridors and trade zones, every figure sourced."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
import streamlit as st
from markupsafe import escape

from geo import settings
from geo.data.dataset import Dataset
from geo.errors import AssetError, DataError
from geo.explore.urlstate import View
from web import yours
from web.address import address_period, init_state, notices_ui, sync_url
from web.downloads import downloads_ui
from web.mapview import map_ui
from web.panels import (
    apply,
    articles_ui,
    check_selection,
    compare_ui,
    counts_ui,
    details_ui,
    port_filters,
    region_ui,
    tables_ui,
)
from web.shared import cited_facts, load
from web.text import ERROR_MAX_SHOWN, page_style, show


@st.fragment
def explorer_ui(
    dataset: Dataset, cited: pd.DataFrame, uploaded: tuple[str, gpd.GeoDataFrame] | None, period: str
) -> None:
    """The map and everything that follows what it shows. A filter, a click or a table row reruns this part
    only: the region-wide section below depends on the period alone and stays as it is."""
    if (
        yours.file_id(st.session_state.get("upload")) != st.session_state.get("upload_seen")
        or address_period(dataset) != period
    ):
        # The period changed (the map's control wrote it into the address): the region's figures and charts,
        # outside this part, follow it too. And Streamlit can fold the uploader's full rerun into a fragment rerun
        # the map asked for at the same moment (its report): the new file would wait unread. The whole page runs.
        st.rerun()
    notices, heard = st.container(), st.container(key="xj_heard")
    try:
        view = map_ui(dataset, uploaded, period)
    except AssetError as exc:
        show(str(exc), "error")
        view = st.session_state["view"]
        st.session_state["map_drawn"] = True  # no map will come to say so
    if not st.session_state.get("map_drawn"):
        st.caption("The tables, details and charts follow as soon as the map is drawn.")
        return
    with notices:
        notices_ui(view)
    shown = apply(dataset, view)
    mine = yours.shown(uploaded, port_filters(view)) if uploaded else None
    view = check_selection(dataset, view, shown if mine is None else {**shown, "upload": mine})
    st.session_state["view"] = view
    # The downloads below the map's part write what it shows when pressed (a plain object, no rerun needed). A
    # download pressed in the browser waits for the mark that says which of the map's reports this view took in.
    st.session_state.setdefault("shown_now", {}).update(shown=shown, view=view)
    show(st.session_state.get("heard", 0), "heard", where=heard)
    left, right = st.columns([3, 2], gap="large")
    with left:
        tables_ui(uploaded)
    with right:
        details_ui(dataset, cited, view, uploaded)
    compare_ui(shown, view)
    if uploaded:
        st.caption(f"Your layer: {len(mine)} of its {len(uploaded[1])} features pass the filters.")
    sync_url(view)


def main() -> None:
    st.set_page_config(page_title="Xinjiang ports explorer", page_icon="🗺️", layout="wide")
    page_style()
    st.html(
        f'<header class="xj-header"><h1>{escape(settings.TITLE)}</h1>'
        "<p>Click a place on the map, or a row under it, for its figures: each comes from a news article and "
        "is shown with its source; approximate locations and footprints say so.</p>"
        # On a narrow screen Streamlit folds the sidebar behind a bare » (named only for screen readers; a new viewer
        # never found it).
        '<p class="xj-narrow-only">The side panel (» at the top left) counts what is shown, sets the counts '
        "against the articles' and adds your own layer.</p></header>"
    )
    data_dir = settings.data_dir()
    try:
        dataset = load(data_dir)
    except DataError as exc:
        show(f"The data could not be loaded, so nothing is drawn.\n\n{exc.text(limit=ERROR_MAX_SHOWN)}", "error")
        st.stop()
    cited = cited_facts(data_dir)
    init_state(dataset)
    uploaded = yours.upload_ui()
    counts_ui()
    period = address_period(dataset)
    explorer_ui(dataset, cited, uploaded, period)
    if not st.session_state.get("map_drawn"):
        return  # the rest once the map is drawn: its code does not wait behind them (see map_ui)
    articles_ui()
    downloads_ui(dataset, cited)
    region_ui(dataset, cited, View(period=period))
