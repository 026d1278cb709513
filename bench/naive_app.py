"""Baseline page for the benchmark: the tutorial approach, whole map rebuilt on each filter change."""

import streamlit as st
from streamlit_folium import st_folium

from bench.naive import naive_map
from geo import settings
from geo.data.dataset import load_dataset


@st.cache_resource
def load(path):
    return load_dataset(path)


ports = load(settings.data_dir()).ports
total = len(ports)
modes = st.sidebar.multiselect(
    "Port mode", settings.MODES, key="modes", format_func=str.capitalize, placeholder="All modes"
)
if modes:
    ports = ports[ports["modes"].map(lambda m: bool(set(m) & set(modes)))]
# The same count our page shows, so "the page has caught up" means the same thing for both.
st.sidebar.markdown(f"**{len(ports)}** of {total} ports")
st_folium(naive_map(ports), key="naive", height=560, use_container_width=True)
