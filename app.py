"""Streamlit page: explore Xinjiang's ports, rail corridors and free-trade zones, every figure sourced."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from geo import export, join, mapping, present, settings, summary, upload, urlstate
from geo.dataset import Dataset, load_dataset
from geo.errors import AssetError, DataError
from geo.filter import filter_corridors, filter_ports, filter_upload, filter_zones
from geo.urlstate import View

MODE_LABELS = {"road": "Road", "rail": "Rail", "air": "Air"}
KIND_LABELS = {"border": "Border crossing", "airport": "Airport", "inland": "Inland (land port)"}
COUNTRY_LABELS = {**settings.NEIGHBOUR_COUNTRIES, "none": "None (airports, inland ports)"}
MAP_KEY = "map"


@st.cache_resource(show_spinner="Loading the data…")
def load(data_dir: Path) -> Dataset:
    # A shared resource, not a per-run copy: the frames are only ever read, and unpickling
    # 100,000 ports on every rerun would cost more than drawing them.
    return load_dataset(data_dir)


@st.cache_resource(show_spinner=False)
def cited_facts(data_dir: Path) -> pd.DataFrame:
    dataset = load(data_dir)
    return join.cite(dataset.facts, dataset.sources)


@st.cache_resource(show_spinner=False)
def popups(data_dir: Path) -> dict[str, str]:
    return present.facts_html_by_entity(cited_facts(data_dir))


def assets_mode() -> tuple[str, str | None]:
    """Serve Leaflet from the app when it is installed; otherwise fall back to the CDN and say so."""
    if settings.MAP_ASSETS == "local" and not (settings.ASSET_DIRS[0] / "leaflet.js").is_file():
        return (
            "cdn",
            "Leaflet is not installed locally (run `npm ci`), so the map loads it from a CDN and needs internet.",
        )
    return settings.MAP_ASSETS, None


def init_state(dataset: Dataset) -> None:
    """On a session's first run, take the view from the link; later the widgets own it."""
    if "view_ready" in st.session_state:
        return
    ids = [*dataset.ports.index, *dataset.corridors.index, *dataset.zones.index]
    view, notices = urlstate.parse({k: st.query_params.get_all(k) for k in st.query_params}, ids)
    for field, value in view.__dict__.items():
        st.session_state.setdefault(field, list(value) if isinstance(value, tuple) else value)
    st.session_state["url_notices"] = notices
    st.session_state["view_ready"] = True


def filters_ui(dataset: Dataset) -> View:
    """Sidebar filters; returns the view they describe."""
    bar = st.sidebar
    bar.header("Filters")
    choices = urlstate.CHOICES
    bar.multiselect(
        "Port mode",
        choices["modes"],
        key="modes",
        format_func=MODE_LABELS.get,
        placeholder="All modes",
        help="A port with several modes (road + rail) shows under each.",
    )
    bar.multiselect("Port kind", choices["kinds"], key="kinds", format_func=KIND_LABELS.get, placeholder="All kinds")
    bar.multiselect(
        "Neighbouring country",
        choices["countries"],
        key="countries",
        format_func=COUNTRY_LABELS.get,
        placeholder="All countries",
    )
    bar.multiselect(
        "Port status", choices["statuses"], key="statuses", format_func=str.capitalize, placeholder="All statuses"
    )
    bar.multiselect(
        "Corridor status",
        choices["corridor_statuses"],
        key="corridor_statuses",
        format_func=lambda s: s.replace("_", " ").capitalize(),
        placeholder="All corridors",
    )
    bar.multiselect(
        "Zone kind",
        choices["zone_kinds"],
        key="zone_kinds",
        format_func=mapping.zone_kind_label,
        placeholder="All zones",
    )
    bar.text_input("Search names (English or 中文)", key="text", max_chars=urlstate.MAX_TEXT)
    return View(
        **{
            field: tuple(st.session_state[field]) if isinstance(default, tuple) else st.session_state[field]
            for field, default in urlstate.DEFAULT.__dict__.items()
        }
    )


def upload_ui() -> tuple[str, gpd.GeoDataFrame] | None:
    """An analyst's own GeoJSON, held in this session's memory only; bad files get a clear message."""
    with st.sidebar.expander("Add your own layer"):
        file = st.file_uploader(
            f"GeoJSON FeatureCollection, up to {settings.UPLOAD_MAX_MB} MB and "
            f"{settings.UPLOAD_MAX_FEATURES:,} features",
            type=["geojson", "json"],
            key="upload",
        )
        if file is None:
            st.session_state.pop("upload_parsed", None)
            return None
        cached = st.session_state.get("upload_parsed")
        if cached is None or cached[0] != file.file_id:
            try:
                cached = (file.file_id, file.name, upload.read_upload(file.getvalue(), file.name), None)
            except DataError as exc:
                cached = (file.file_id, file.name, None, str(exc))
            st.session_state["upload_parsed"] = cached
        _, name, frame, error = cached
        if error:
            st.error(error)
            return None
        st.caption(
            f"{len(frame):,} features from {present.escape_markdown(name)}; the filters apply where its "
            "properties allow (mode, kind, status, border_country, name)."
        )
        return name, frame


def apply(dataset: Dataset, view: View) -> dict[str, gpd.GeoDataFrame]:
    filters = urlstate.as_filters(view)
    return {
        "ports": filter_ports(dataset.ports, **_port_filters(view)),
        "corridors": filter_corridors(dataset.corridors, filters["corridor_statuses"], view.text),
        "zones": filter_zones(dataset.zones, filters["zone_kinds"], view.text),
    }


def _port_filters(view: View) -> dict:
    """The port controls as filter arguments, shared by the ports and an uploaded layer."""
    filters = urlstate.as_filters(view)
    return {k: filters[k] for k in ("modes", "kinds", "countries", "statuses")} | {"text": view.text}


def counts_ui(dataset: Dataset, shown: dict[str, gpd.GeoDataFrame], cited: pd.DataFrame) -> None:
    counts = summary.port_counts(shown["ports"])
    bar = st.sidebar
    bar.header("Shown")
    bar.markdown(
        f"**{counts['shown']}** of {len(dataset.ports)} ports · **{len(shown['corridors'])}** of "
        f"{len(dataset.corridors)} corridors · **{len(shown['zones'])}** of {len(dataset.zones)} zones"
    )
    bar.caption(
        "By mode: "
        + ", ".join(f"{MODE_LABELS[m].lower()} {counts['mode_' + m]}" for m in settings.MODES)
        + " · by status: "
        + ", ".join(f"{s} {counts['status_' + s]}" for s in settings.PORT_STATUSES)
    )
    bar.markdown("**Against the articles**")
    comparison = summary.stated_comparison(shown["ports"], dataset.ports, cited)
    for measure, rows in comparison.groupby("Measure", sort=False):
        first = rows.iloc[0]
        stated = "; ".join(f"{r['Articles say']} ({r['Publisher']})" for _, r in rows.iterrows())
        bar.markdown(
            f"{present.escape_markdown(measure)}: **{first['Shown']}** shown, {first['In the layer']} in the layer · "
            f"articles: {present.escape_markdown(stated)}"
        )
    bar.caption(
        "Ports without a sourced location (Dulata, Laoyemiao, Hongshanzui, Yining airport) are not in the "
        "layer; see data/README.md."
    )


def map_ui(
    dataset: Dataset, shown: dict[str, gpd.GeoDataFrame], view: View, uploaded: tuple[str, gpd.GeoDataFrame] | None
) -> None:
    assets, warning = assets_mode()
    if warning:
        st.warning(warning)
    base = mapping.base_map(assets=assets)
    layers = mapping.data_layers(dataset, facts_html=popups(settings.data_dir()), **shown)
    if uploaded:
        name, frame = uploaded
        layers.append(mapping.upload_layer(filter_upload(frame, **_port_filters(view)), name, len(frame)))
    st_folium(
        base,
        key=MAP_KEY,
        feature_group_to_add=layers,
        layer_control=mapping.layer_control(collapsed=True),
        returned_objects=["last_object_clicked"],
        use_container_width=True,
        height=560,
        on_change=_map_clicked,
    )


def _map_clicked() -> None:
    clicked = (st.session_state.get(MAP_KEY) or {}).get("last_object_clicked") or {}
    ports = load(settings.data_dir()).ports
    if "lat" in clicked:
        near = (ports.geometry.y - clicked["lat"]).abs() + (ports.geometry.x - clicked["lng"]).abs()
        if near.min() < 1e-5:
            st.session_state["selected"] = near.idxmin()


def _table_selected(key: str, ids: list[str]) -> None:
    rows = st.session_state[key].selection.rows
    if rows:
        st.session_state["selected"] = ids[rows[0]]


def tables_ui(dataset: Dataset, shown: dict[str, gpd.GeoDataFrame]) -> None:
    st.subheader("Places shown")
    tabs = st.tabs(
        [f"Ports ({len(shown['ports'])})", f"Corridors ({len(shown['corridors'])})", f"Zones ({len(shown['zones'])})"]
    )
    limit = settings.TABLE_MAX_ROWS
    tables = {
        "ports": present.ports_table(join.wide(shown["ports"].head(limit), dataset.facts)),
        "corridors": present.corridors_table(shown["corridors"].head(limit)),
        "zones": present.zones_table(shown["zones"].head(limit)),
    }
    for tab, (name, table) in zip(tabs, tables.items(), strict=True):
        key = f"table_{name}"
        ids = table["id"].tolist()
        tab.dataframe(
            table,
            hide_index=True,
            on_select=lambda key=key, ids=ids: _table_selected(key, ids),
            selection_mode="single-row",
            key=key,
            width="stretch",
        )
    if any(len(frame) > limit for frame in shown.values()):
        st.caption(f"The tables list the first {limit:,} places of each layer; the downloads hold all shown.")
    st.caption("Select a row, or click a marker on the map, to see that place's figures and sources below.")


def details_ui(dataset: Dataset, cited: pd.DataFrame) -> None:
    selected = st.session_state.get("selected") or ""
    st.subheader("Details")
    for name in ("ports", "corridors", "zones"):
        frame = dataset.layer(name)
        if selected in frame.index:
            place = frame.loc[selected]
            st.markdown(f"#### {present.escape_markdown(place['name'])}")
            st.caption(present.escape_markdown(present.describe(name, place)))
            facts = join.facts_for(cited, selected)
            if facts.empty:
                st.info("The five articles give no figures for this place.")
            else:
                st.dataframe(present.facts_table(facts), hide_index=True, width="stretch", key="details_facts")
            with st.expander("References for the location"):
                for reference in place["sources"]:
                    st.text(reference)
            return
    st.caption("Nothing selected yet.")


@st.cache_resource(show_spinner=False)
def region_tables(data_dir: Path) -> tuple[dict[str, pd.DataFrame], int]:
    """The region-wide tables and how many figures differ between articles: fixed by the data."""
    cited = cited_facts(data_dir)
    disputed = join.disputed_metrics(cited)[["entity_id", "metric"]].drop_duplicates()
    return summary.region_figures(cited, load(data_dir).groups), len(disputed)


def region_ui() -> None:
    st.subheader("Region-wide figures")
    figures, disputed = region_tables(settings.data_dir())
    tabs = st.tabs(list(figures))
    for tab, table in zip(tabs, figures.values(), strict=True):
        tab.dataframe(table, hide_index=True, width="stretch")
    st.caption(
        f"{disputed} figures differ between articles "
        "(for example 21 or 19 approved ports); every version is listed with its source."
    )


def downloads_ui(shown: dict[str, gpd.GeoDataFrame], cited: pd.DataFrame) -> None:
    st.subheader("Download what is shown")
    ids = [i for frame in shown.values() for i in frame.index] + list(load(settings.data_dir()).groups.index)
    left, middle, right = st.columns(3)
    left.download_button(
        "Places (GeoJSON)",
        export.selection_geojson(shown),
        "xinjiang-places.geojson",
        "application/geo+json",
        key="download_geojson",
    )
    middle.download_button(
        "Places (CSV, WKT geometry)", export.selection_csv(shown), "xinjiang-places.csv", "text/csv", key="download_csv"
    )
    right.download_button(
        "Figures with sources (CSV)",
        export.facts_csv(cited, ids),
        "xinjiang-figures.csv",
        "text/csv",
        key="download_facts",
    )


def sync_url(view: View) -> None:
    params = urlstate.to_params(view)
    if params != {k: st.query_params.get(k) for k in st.query_params}:
        st.query_params.from_dict(params)


def main() -> None:
    st.set_page_config(page_title="Xinjiang ports explorer", page_icon="🗺️", layout="wide")
    st.title("Xinjiang's ports, rail corridors and free-trade zone")
    st.caption(
        "Every figure comes from one of five news articles and is shown with its source; "
        "approximate locations and footprints say so."
    )
    try:
        dataset = load(settings.data_dir())
    except DataError as exc:
        st.error(f"The data could not be loaded, so nothing is drawn.\n\n{exc}")
        st.stop()
    cited = cited_facts(settings.data_dir())
    init_state(dataset)
    for notice in st.session_state.get("url_notices", []):
        st.info(notice)
    view = filters_ui(dataset)
    uploaded = upload_ui()
    shown = apply(dataset, view)
    counts_ui(dataset, shown, cited)
    try:
        map_ui(dataset, shown, view, uploaded)
    except AssetError as exc:
        st.error(str(exc))
    tables_ui(dataset, shown)
    details_ui(dataset, cited)
    region_ui()
    downloads_ui(shown, cited)
    sync_url(View(**{**view.__dict__, "selected": st.session_state.get("selected") or ""}))


main()
