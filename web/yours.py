"""The analyst's own layer: the sidebar's uploader, its rows as the map filters them, its table and details."""

from __future__ import annotations

from collections.abc import Mapping

import geopandas as gpd
import pandas as pd
import streamlit as st

from geo import settings
from geo.errors import DataError
from geo.explore import upload
from geo.explore.filter import filter_upload
from geo.render import mapping
from web.text import ERROR_MAX_SHOWN, show

PREFIX = settings.UPLOAD_ID_PREFIX  # the map's ids of the layer's features: never a built-in place's
TITLE = "Your layer"
KIND_WORDS = {"point": "point", "line": "line", "area": "area or mixed geometry"}


def ids(uploaded: tuple[str, gpd.GeoDataFrame] | None) -> list[str]:
    """The ids the map, the selection and the link give the uploaded features."""
    return [PREFIX + fid for fid in uploaded[1].index] if uploaded else []


def shown(uploaded: tuple[str, gpd.GeoDataFrame], filters: Mapping[str, object]) -> gpd.GeoDataFrame:
    """The uploaded features the filters show (``filter_upload``, the map's rule), under the map's ids."""
    kept = filter_upload(uploaded[1], **filters)
    return kept.set_axis([PREFIX + fid for fid in kept.index])


def table(frame: gpd.GeoDataFrame) -> pd.DataFrame:
    """The shown features as a table like the built-in layers': the map's id, name, geometry, then properties.

    Property values are shown as text (a file may mix numbers and words in one column).
    """
    columns = [c for c in frame.columns if c not in ("geometry", "id", "name")][:15]
    out = pd.DataFrame(
        {
            "id": frame.index,
            "Name": frame["name"].astype(str),
            "Geometry": [mapping.upload_kind(g) for g in frame.geometry],
        }
    )
    for column in columns:
        out[column] = [None if _missing(v) else str(v) for v in frame[column]]
    return out.reset_index(drop=True)


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and pd.isna(value))


def details_ui(uploaded: tuple[str, gpd.GeoDataFrame] | None, selected: str) -> bool:
    """The details of a selected uploaded feature (every text shown as text); False if none is selected."""
    if not uploaded or not selected.startswith(PREFIX) or selected[len(PREFIX) :] not in uploaded[1].index:
        return False
    name, frame = uploaded
    feature = frame.loc[selected[len(PREFIX) :]]
    show(feature["name"], "title")
    show(f"From your file {name}: a {KIND_WORDS[mapping.upload_kind(feature.geometry)]}, id {feature['id']}.")
    values = [(c, feature[c]) for c in frame.columns if c not in ("geometry", "id") and not _missing(feature[c])]
    st.dataframe(
        pd.DataFrame({"Property": [c for c, _ in values], "Value": [str(v) for _, v in values]}),
        hide_index=True,
        width="stretch",
        key=f"yours_details_{selected}",
    )
    return True


def upload_ui() -> tuple[str, gpd.GeoDataFrame] | None:
    """An analyst's own GeoJSON or CSV, held in this session's memory only; bad files get a clear message and
    replace nothing: the last good layer stays on the map."""
    with st.sidebar.expander("Add your own layer"):
        file = st.file_uploader(
            f"GeoJSON FeatureCollection (any geometry), or CSV with latitude and longitude columns; up to "
            f"{settings.UPLOAD_MAX_MB} MB and {settings.UPLOAD_MAX_FEATURES:,} features",
            type=["geojson", "json", "csv", "tsv"],
            key="upload",
        )
        st.session_state["upload_seen"] = file_id(file)
        if file is None:
            # Replacing a file passes through "no file", so the last good layer stays until removed here.
            st.session_state.pop("upload_parsed", None)
            return _last_good_upload("is on the map")
        cached = st.session_state.get("upload_parsed")
        if cached is None or cached[0] != file.file_id:
            try:
                cached = (file.file_id, file.name, upload.read_upload(file.getvalue(), file.name), None)
            except DataError as exc:
                cached = (file.file_id, file.name, None, exc.text(limit=ERROR_MAX_SHOWN))
            else:
                st.session_state["upload_good"] = cached
            st.session_state["upload_parsed"] = cached
        _, name, frame, error = cached
        if error:
            show(error, "error")
            return _last_good_upload("stays on the map")
        dropped = frame.attrs.get("other_fields", 0)
        show(
            f"{len(frame):,} feature{'s' if len(frame) != 1 else ''} from {name}; the map's port filters apply "
            "where its properties allow (mode, kind, status, border_country, name)."
            + (f" {dropped:,} other property names were not kept." if dropped else "")
        )
        return name, frame


def file_id(file) -> str | None:
    return None if file is None else file.file_id


def _last_good_upload(state: str) -> tuple[str, gpd.GeoDataFrame] | None:
    """The last layer that loaded, kept (with a button to remove it) when the uploader holds no good file."""
    good = st.session_state.get("upload_good")
    if good is None:
        return None
    if st.button("Remove your layer", key="upload_remove"):
        st.session_state.pop("upload_good", None)
        st.rerun()
    show(f"Your layer from {good[1]} {state}.")
    return good[1], good[2]
