"""The analyst's own layer on the page, as a built-in layer: its rows as the map filters them, its table and details."""

from __future__ import annotations

from collections.abc import Mapping

import geopandas as gpd
import pandas as pd
import streamlit as st

from geo import settings
from geo.explore.filter import filter_upload
from geo.render import mapping

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


def details_ui(uploaded: tuple[str, gpd.GeoDataFrame] | None, selected: str, show) -> bool:
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
