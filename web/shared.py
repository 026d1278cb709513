"""What every session shares, built once per process: the data, its figures, the map and the tables."""

from __future__ import annotations

import sys
from pathlib import Path

import geopandas as gpd
import pandas as pd
import streamlit as st

from geo.data import join, periods
from geo.data.dataset import Dataset, load_dataset
from geo.explore import controls
from geo.explore.filter import filter_layer
from geo.explore.urlstate import View
from geo.render import charts, mapping, present, summary, tables

LAYER_TITLES = tables.TITLES


@st.cache_resource(show_spinner="Loading the data…")
def load(data_dir: Path) -> Dataset:
    # One shared, read-only copy per process; Streamlit's compute lock makes sessions that arrive together
    # wait for this one load instead of each loading the data again. The server log says when it loads.
    print(f"Loading the data from {data_dir}", file=sys.stderr, flush=True)
    return load_dataset(data_dir)


@st.cache_resource(show_spinner=False)
def cited_facts(data_dir: Path) -> pd.DataFrame:
    dataset = load(data_dir)
    return join.with_parents(join.cite(dataset.facts, dataset.sources), dataset.parents(), dataset.entity_names())


def own_facts(cited: pd.DataFrame) -> pd.DataFrame:
    """Each place's own figures, without those it shows from its groups (counted, charted, downloaded once)."""
    return cited[cited["about"] == cited["entity_id"]]


@st.cache_resource(show_spinner=False)
def search_keys(data_dir: Path) -> dict[str, dict[str, str]]:
    dataset = load(data_dir)
    frames = {name: dataset.layer(name) for name in LAYER_TITLES}
    return controls.search_keys(frames, getattr(dataset, "groups", None))


@st.cache_resource(show_spinner="Drawing the map…")
def base_payload(data_dir: Path, assets: str) -> dict:
    """The map for everyone: built once per process, so every rerun sends the browser the same message."""
    dataset = load(data_dir)
    built = mapping.build_map(dataset, assets, cited=cited_facts(data_dir), keys=search_keys(data_dir))
    return mapping.payload(built, dataset)


def entity_ids(dataset: Dataset) -> list[str]:
    return [i for name in LAYER_TITLES for i in dataset.layer(name).index]


@st.cache_resource(show_spinner=False, max_entries=256)
def shown_places(data_dir: Path, chosen: tuple, text: str) -> dict[str, gpd.GeoDataFrame]:
    # Shared and read-only, like the dataset: viewers going back and forth between filters pay once.
    dataset, keys = load(data_dir), search_keys(data_dir)
    return {name: filter_layer(dataset.layer(name), name, dict(chosen), text, keys[name]) for name in LAYER_TITLES}


@st.cache_resource(show_spinner=False)
def reconciliation(data_dir: Path) -> pd.DataFrame:
    dataset, cited = load(data_dir), cited_facts(data_dir)
    own = own_facts(cited)
    return summary.count_reconciliation(dataset.port_counts, dataset.ports, own)


@st.cache_resource(show_spinner=False)
def places(data_dir: Path) -> dict:
    """The places tables and the counts' rules, as the browser takes them: built once, sent once per session."""
    dataset = load(data_dir)
    frames = {name: dataset.layer(name) for name in LAYER_TITLES}
    return tables.payload(layer_tables(data_dir), frames, search_keys(data_dir), reconciliation(data_dir))


@st.cache_resource(show_spinner=False)
def layer_tables(data_dir: Path) -> dict[str, pd.DataFrame]:
    """Each layer's whole table, built once: a filter picks rows from it (same columns whatever is shown)."""
    dataset = load(data_dir)
    return {
        "ports": present.ports_table(join.wide(dataset.ports, dataset.facts), dataset.facts),
        "corridors": present.corridors_table(dataset.corridors),
        "zones": present.zones_table(dataset.zones),
    }


@st.cache_resource(show_spinner=False)
def period_months(data_dir: Path) -> list[list[str]]:
    """The months the figures' periods span, for the map's period control: [["2021-01", "Jan 2021"], ...]."""
    found = periods.bounds(load(data_dir).facts)
    return [[month, periods.label(month)] for month in periods.steps(*found, unit="month")] if found else []


@st.cache_resource(show_spinner=False, max_entries=256)
def compared(data_dir: Path, port_ids: tuple[str, ...], period: str) -> charts.Charts:
    ports = load(data_dir).ports
    return charts.ports_charts(ports.loc[list(port_ids)], cited_facts(data_dir), *View(period=period).period_range())
