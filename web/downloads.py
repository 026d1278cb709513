"""Downloads of what is shown, each written when its button is pressed."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from geo import settings
from geo.data.dataset import Dataset
from geo.explore import urlstate
from geo.render import export, package, viewmap
from web.panels import in_period
from web.shared import own_facts


def downloads_ui(dataset: Dataset, cited: pd.DataFrame) -> None:
    """Downloads of what is shown. Outside the map's part of the page, so a filter change does not redraw
    them: each file is written when its button is pressed, from what the map's part last showed."""
    st.header("Download what is shown")
    now = st.session_state["shown_now"]  # filled by explorer_ui on each of its runs
    own = own_facts(cited)
    groups = list(dataset.groups.index)

    def figures() -> str:
        ids = [i for frame in now["shown"].values() for i in frame.index] + groups
        return export.facts_csv(in_period(own, now["view"]), ids)

    # Nothing on the page changes when a file is taken, so no button reruns the script: a rerun redraws the
    # buttons under the pointer and can drop the file's deferred writer before the browser asks for it.
    left, middle, right = st.columns(3)
    left.download_button(
        "Places (GeoJSON)",
        lambda: export.selection_geojson(now["shown"], urlstate.to_params(now["view"])),
        "xinjiang-places.geojson",
        "application/geo+json",
        key="download_geojson",
        on_click="ignore",
    )
    middle.download_button(
        "Places (CSV, WKT geometry)",
        lambda: export.selection_csv(now["shown"]),
        "xinjiang-places.csv",
        "text/csv",
        key="download_csv",
        on_click="ignore",
    )
    right.download_button(
        "Figures with sources (CSV)",
        figures,
        "xinjiang-figures.csv",
        "text/csv",
        key="download_facts",
        on_click="ignore",
    )
    this, whole, _ = st.columns(3)
    this.download_button(
        "This view (HTML map, offline)",
        lambda: viewmap.view_html(dataset, now["view"]),
        "xinjiang-view.html",
        "text/html",
        key="download_view",
        on_click="ignore",
        help="The map as it is now, in one file that opens without the app or the internet.",
    )
    whole.download_button(
        "Whole dataset (data package, zip)",
        lambda: package.data_package(settings.data_dir()),
        package.FILENAME,
        "application/zip",
        key="download_package",
        on_click="ignore",
        help="Every table and layer with datapackage.json, a README and the terms of use; no filter applies.",
    )
