"""The Streamlit page: explore Xinjiang's ports, rail corridors and free-trade zones, every figure sourced."""

from __future__ import annotations

import sys
import urllib.parse
from dataclasses import replace
from pathlib import Path

import geopandas as gpd
import pandas as pd
import streamlit as st
from markupsafe import Markup
from streamlit.runtime.scriptrunner import get_script_run_ctx

from geo import settings
from geo.data import join, periods
from geo.data.dataset import Dataset, load_dataset
from geo.errors import AssetError, DataError
from geo.explore import controls, upload, urlstate
from geo.explore.filter import filter_layer
from geo.explore.urlstate import View
from geo.render import charts, export, figures, mapping, package, present, summary, tables, viewmap
from web import yours
from web.serving import UNREADABLE_KEY

MAP_KEY = "map"
MAP_HEIGHT = 640  # px, filter bar included: fixed, so nothing below the map moves while it loads
LAYER_TITLES = tables.TITLES
# An error box lists this many problems, then "and K more" (python -m geo validate prints them all).
ERROR_MAX_SHOWN = 20
# What the map component may report (its view): anything larger or of another type is dropped.
REPORT_MAX = {"rev": 2**53, "text": 1_000, "selected": 200, "items": 50, "item": 100, "address": 4_000, "period": 64}


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


@st.cache_resource(show_spinner=False)
def map_component():
    js = (mapping.XJ_DIR / "component.js").read_text(encoding="utf-8")
    # Shown from the moment the element mounts, before the map's code has loaded (it removes this).
    waiting = (
        '<div class="xj-waiting" role="status" style="height:100%;display:flex;align-items:center;'
        'justify-content:center;background:#e9eef2;border-radius:6px;color:#555">Loading the map…</div>'
    )
    return st.components.v2.component("xj_map", html=waiting, js=js, isolate_styles=False)


@st.cache_resource(show_spinner=False)
def places_component():
    js = (mapping.XJ_DIR / "places.js").read_text(encoding="utf-8")
    return st.components.v2.component("xj_places", html="", js=js, isolate_styles=False)


# Text from a link, a file or the data is shown through these templates: markupsafe escapes every
# argument, and st.html renders HTML (sanitised), never Markdown, so nothing in the text becomes a link,
# an image or markup; a URL stays text.
TEMPLATES: dict[str, Markup] = {
    "caption": Markup('<p class="xj-text xj-caption">{}</p>'),
    "info": Markup('<div class="xj-text xj-box xj-info" role="status">{}</div>'),
    "warning": Markup('<div class="xj-text xj-box xj-warning" role="status">{}</div>'),
    "error": Markup('<div class="xj-text xj-box xj-error" role="alert">{}</div>'),
    "title": Markup('<h4 class="xj-text xj-title">{}</h4>'),
}


def show(text: object, kind: str = "caption", where=None) -> None:
    """Show text from a link, a file or the data as plain text (see TEMPLATES)."""
    # Chinese in the text is marked lang="zh" (escaped like the rest), so it is read and drawn as Chinese.
    (where or st).html(TEMPLATES[kind].format(present.mark_chinese(text)))


def page_style() -> None:
    st.html(f"<style>{(mapping.XJ_DIR / 'page.css').read_text(encoding='utf-8')}</style>")


def assets_mode() -> tuple[str, str | None]:
    """Serve Leaflet from the app when it is installed; otherwise fall back to the CDN and say so."""
    if settings.MAP_ASSETS == "local" and not (settings.ASSET_DIRS[0] / "leaflet.js").is_file():
        return (
            "cdn",
            "Leaflet is not installed locally (run `npm ci`), so the map loads it from a CDN and needs internet.",
        )
    return settings.MAP_ASSETS, None


def entity_ids(dataset: Dataset) -> list[str]:
    return [i for name in LAYER_TITLES for i in dataset.layer(name).index]


def history_navigation() -> bool:
    """Whether Back or Forward started this run: Streamlit then reruns the whole page with the address they
    brought (the map component makes the viewer's chosen views the steps, see component.js)."""
    ctx = get_script_run_ctx()
    return bool(getattr(ctx, "is_history_navigation", False))


def init_state(dataset: Dataset) -> None:
    """On a session's first run, take the view from the link and tell the map to show it; on a run Back or
    Forward started, show the view of the address they brought."""
    params = {k: st.query_params.get_all(k) for k in st.query_params}
    if "view" not in st.session_state:
        take_link(dataset, params, back=False)
    elif history_navigation():
        take_link(dataset, params, back=True)


def take_link(dataset: Dataset, params: dict, back: bool, shows: View | None = None) -> bool:
    """Show the view of a link: the map is told (where it was, too) and its period control follows. After Back
    or Forward, nothing happens if the page shows that view already (``shows``: what the map reports it shows;
    else the view Python last heard of); returns whether it changed."""
    view, notices = urlstate.parse(params, entity_ids(dataset))
    if view.period:  # a period the figures do not reach at all is ignored, with a word
        found, said = periods.parse_range(view.period, periods.bounds(dataset.facts))
        view = replace(view, period=view.period if found else "")
        notices += said
    if back and replace(view, at=()) == replace(shows or st.session_state["view"], at=()):
        return False
    st.session_state.update(
        view=view,
        link_view=view,
        notices=notices,
        command={
            "rev": st.session_state["command"]["rev"] + 1 if back else 0,
            "view": urlstate.to_map(view),
            "reveal": bool(view.selected) and not back,
        },
    )
    return True


def notices_ui(view: View) -> None:
    """Notices about the link, shown until the viewer changes what is shown or dismisses them."""
    notices = st.session_state.get("notices", [])
    if not notices or not view.same_places(st.session_state["link_view"]):
        st.session_state["notices"] = []
        return
    box = st.container(border=True)
    for notice in notices:
        show(notice, "info", box)
    if box.button("Dismiss", key="dismiss_notices"):
        st.session_state["notices"] = []
        st.rerun(scope="fragment")


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
        st.session_state["upload_seen"] = _file_id(file)
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


def _file_id(file) -> str | None:
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


@st.cache_resource(show_spinner=False)
def period_months(data_dir: Path) -> list[list[str]]:
    """The months the figures' periods span, for the map's period control: [["2021-01", "Jan 2021"], ...]."""
    found = periods.bounds(load(data_dir).facts)
    return [[month, periods.label(month)] for month in periods.steps(*found, unit="month")] if found else []


def address_period(dataset: Dataset) -> str:
    """The figures' period in the address, which the map's period control writes (static/xj/component.js) and
    links and Back or Forward bring; one the figures do not reach at all counts as none (take_link says so)."""
    view, _ = urlstate.parse({urlstate.PARAMS["period"]: st.query_params.get(urlstate.PARAMS["period"], "")}, [])
    found, _ = periods.parse_range(view.period, periods.bounds(dataset.facts))
    return view.period if found else ""


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
    known = {"rev", "filters", "text", "selected", "at", "layers", "nav", "address", "drawn", "period"}
    if not isinstance(view, dict) or not set(view) <= known:
        return False
    rev, filters, at, nav = view.get("rev"), view.get("filters", {}), view.get("at"), view.get("nav", 0)

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
        and type(nav) is int
        and 0 <= nav <= REPORT_MAX["rev"]
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


def in_period(cited: pd.DataFrame, view: View) -> pd.DataFrame:
    """The cited figures whose period overlaps the view's period filter."""
    return cited[periods.in_range(cited, *view.period_range())]


def chart_ui(chart: charts.Chart, key: str) -> None:
    """One chart (its title is in the spec), its sources and periods under it in plain text, its data as CSV."""
    st.vega_lite_chart(chart.spec, width="stretch")
    show(chart.source_line)
    if chart.note:
        show(chart.note)
    st.download_button(
        "Chart data (CSV)", chart.to_csv, chart.filename, "text/csv", key=f"chart_{key}_{chart.key}", on_click="ignore"
    )


def apply(dataset: Dataset, view: View) -> dict[str, gpd.GeoDataFrame]:
    """The places the view shows, filtered exactly as the map filters them."""
    return shown_places(settings.data_dir(), tuple(view.filters().items()), view.text)


@st.cache_resource(show_spinner=False, max_entries=256)
def shown_places(data_dir: Path, chosen: tuple, text: str) -> dict[str, gpd.GeoDataFrame]:
    # Shared and read-only, like the dataset: viewers going back and forth between filters pay once.
    dataset, keys = load(data_dir), search_keys(data_dir)
    return {name: filter_layer(dataset.layer(name), name, dict(chosen), text, keys[name]) for name in LAYER_TITLES}


def _port_filters(view: View) -> dict:
    """The port controls as filter arguments for an uploaded layer."""
    filters = urlstate.as_filters(view)
    return {k: filters[k] for k in ("modes", "kinds", "countries", "statuses")} | {"text": view.text}


def check_selection(dataset: Dataset, view: View, shown: dict[str, gpd.GeoDataFrame]) -> View:
    """A selected place the filters hide is cleared, with a word, not shown as if it were visible."""
    if not view.selected or any(view.selected in frame.index for frame in shown.values()):
        return view
    name = next(
        (dataset.layer(n).loc[view.selected, "name"] for n in LAYER_TITLES if view.selected in dataset.layer(n).index),
        view.selected,
    )
    show(f"{name} is hidden by the filters, so it is no longer selected.", "info")
    return replace(view, selected="")


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


def counts_ui() -> None:
    """What the filters show, counted (sidebar): the browser counts it as the map filters, at once."""
    with st.sidebar:
        places_component()(
            key="counts", data={"part": "counts", "places": tables.counts_part(places(settings.data_dir()))}
        )


def articles_ui() -> None:
    """The articles' port counts against the layer's, with the ports behind each (sidebar; no filter applies)."""
    bar = st.sidebar
    bar.markdown("**Against the articles**")
    for row in reconciliation(settings.data_dir()).itertuples():
        stated = "; ".join(f"{s['text']} ({s['publisher'].split(' (')[0]})" for s in row.stated) or "no figure"
        unknown = f", {row.location_unknown} with no known location" if row.location_unknown else ""
        uncertain = f"; {row.uncertain} of them uncertain" if row.uncertain else ""
        bar.html(
            Markup(
                '<div class="xj-text xj-counts"><b>{}</b><br>The articles say {}. The layer counts <b>{}</b> '
                "({} drawn{}{}).{}</div>"
            ).format(
                row.label,
                stated,
                row.layer_count,
                row.drawn,
                unknown,
                uncertain,
                Markup("<br><i>{}</i>").format(row.caveat) if row.caveat else "",
            )
        )
        with bar.expander(f"The {row.layer_count} ports behind it"):
            st.dataframe(
                pd.DataFrame(
                    {
                        "Port": [port["name"] for port in row.ports],
                        "Location": [port["location"] for port in row.ports],
                        "Counted": [port["certainty"] for port in row.ports],
                        "Why it counts": [port["note"] for port in row.ports],
                        "Reference": [port["ref_id"] for port in row.ports],
                    }
                ),
                hide_index=True,
                width="stretch",
                key=f"counted_{row.measure}",
            )


@st.cache_resource(show_spinner=False)
def layer_tables(data_dir: Path) -> dict[str, pd.DataFrame]:
    """Each layer's whole table, built once: a filter picks rows from it (same columns whatever is shown)."""
    dataset = load(data_dir)
    return {
        "ports": present.ports_table(join.wide(dataset.ports, dataset.facts)),
        "corridors": present.corridors_table(dataset.corridors),
        "zones": present.zones_table(dataset.zones),
    }


def tables_ui(uploaded: tuple[str, gpd.GeoDataFrame] | None) -> None:
    """The places the map shows, as tables the browser filters, sorts and selects in (static/xj/places.js)."""
    mine = None
    if uploaded:
        cache = st.session_state.get("upload_table")
        if cache is None or cache[0] != st.session_state["upload_good"][0]:
            frame = uploaded[1].set_axis(yours.ids(uploaded))
            cache = (st.session_state["upload_good"][0], tables.upload_payload(yours.TITLE, yours.table(frame)))
            st.session_state["upload_table"] = cache
        mine = cache[1]
    places_component()(key="places", data={"part": "tables", "places": places(settings.data_dir()), "upload": mine})


def details_ui(
    dataset: Dataset, cited: pd.DataFrame, view: View, uploaded: tuple[str, gpd.GeoDataFrame] | None = None
) -> None:
    st.subheader("Details")
    selected = view.selected
    if yours.details_ui(uploaded, selected, show):
        return
    for name in LAYER_TITLES:
        frame = dataset.layer(name)
        if selected in frame.index:
            place = frame.loc[selected]
            show(place["name"], "title")
            show(present.describe(name, place))
            every = join.facts_for(cited, selected)
            facts = in_period(every, view)
            if every.empty:
                st.info("The articles give no figures for this place.")
            elif facts.empty:
                st.info("None of this place's figures falls in the chosen period.")
            else:
                # The same table as the map's popup: it wraps, so figure, period and source all stay in view.
                st.html(Markup('<div class="xj-facts-panel">{}</div>').format(present.facts_html(facts)))
            if 0 < len(facts) < len(every):
                st.caption(f"{len(every) - len(facts)} figures outside the chosen period are not shown.")
            for chart in charts.place_charts(every, selected, *view.period_range(), name=place["name"], min_figures=2):
                chart_ui(chart, "place")
            with st.expander("References for the location"):
                for reference in place["sources"]:
                    show(reference)  # as text, its Chinese marked
            return
    st.caption("Nothing selected yet.")


def region_ui(dataset: Dataset, cited: pd.DataFrame, view: View) -> None:
    """The region's headline charts and its figures in tables, for the chosen period."""
    st.subheader("Region-wide figures")
    own = own_facts(cited)
    found = charts.region_charts(own, *view.period_range())
    columns = st.columns(2)
    for number, chart in enumerate(found):
        with columns[number % 2]:
            chart_ui(chart, "region")
    kept = in_period(own, view)
    figures = summary.region_figures(kept, dataset.groups)
    tabs = st.tabs(list(figures))
    for tab, table in zip(tabs, figures.values(), strict=True):
        tab.dataframe(table, hide_index=True, width="stretch")
    left_out = len(own) - len(kept)
    disputed = join.disputed_metrics(kept)[["entity_id", "metric"]].drop_duplicates()
    show(
        f"{len(disputed)} figures differ between articles; every version is listed with its source."
        + (
            f" {left_out} figures outside {periods.range_label(*view.period_range())} are not shown."
            if left_out
            else ""
        )
    )


@st.cache_resource(show_spinner=False, max_entries=256)
def compared(data_dir: Path, port_ids: tuple[str, ...], period: str) -> charts.Charts:
    ports = load(data_dir).ports
    return charts.ports_charts(ports.loc[list(port_ids)], cited_facts(data_dir), *View(period=period).period_range())


def compare_ui(shown: dict[str, gpd.GeoDataFrame], view: View) -> None:
    """The filtered ports compared: counts by mode and country, and the figures several of them have."""
    found = compared(settings.data_dir(), tuple(shown["ports"].index), view.period)
    if not len(found):
        return
    st.subheader("The ports shown, compared")
    columns = st.columns(min(len(found), 3))
    for number, chart in enumerate(found):
        with columns[number % len(columns)]:
            chart_ui(chart, "ports")


def downloads_ui(dataset: Dataset, cited: pd.DataFrame) -> None:
    """Downloads of what is shown. Outside the map's part of the page, so a filter change does not redraw
    them: each file is written when its button is pressed, from what the map's part last showed."""
    st.subheader("Download what is shown")
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


def sync_url(view: View) -> None:
    """The address for a view Python set itself (a link, Back or Forward, a command). Everything else in it the
    browser writes at once as the viewer changes it (static/xj/component.js), the period included: were Python
    to write it back from the map's last report, a moment old, it could undo what the viewer has done since."""
    if not st.session_state.get("view_from_command"):
        return
    current = {k: st.query_params.get(k) for k in st.query_params}
    params = urlstate.to_params(view)
    if params != current:
        st.query_params.from_dict(params)


@st.fragment
def explorer_ui(
    dataset: Dataset, cited: pd.DataFrame, uploaded: tuple[str, gpd.GeoDataFrame] | None, period: str
) -> None:
    """The map and everything that follows what it shows. A filter, a click or a table row reruns this part
    only: the region-wide section below depends on the period alone and stays as it is."""
    if (
        _file_id(st.session_state.get("upload")) != st.session_state.get("upload_seen")
        or address_period(dataset) != period
    ):
        # The period changed (the map's control wrote it into the address): the region's figures and charts,
        # outside this part, follow it too. And Streamlit can fold the uploader's full rerun into a fragment rerun
        # the map asked for at the same moment (its report): the new file would wait unread. The whole page runs.
        st.rerun()
    notices = st.container()
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
    mine = yours.shown(uploaded, _port_filters(view)) if uploaded else None
    view = check_selection(dataset, view, shown if mine is None else {**shown, "upload": mine})
    st.session_state["view"] = view
    left, right = st.columns([3, 2], gap="large")
    with left:
        tables_ui(uploaded)
    with right:
        details_ui(dataset, cited, view, uploaded)
    compare_ui(shown, view)
    if uploaded:
        st.caption(f"Your layer: {len(mine)} of its {len(uploaded[1])} features pass the filters.")
    # The downloads below the map's part write what it shows when pressed (a plain object, no rerun needed).
    st.session_state.setdefault("shown_now", {}).update(shown=shown, view=view)
    sync_url(view)


def main() -> None:
    st.set_page_config(page_title="Xinjiang ports explorer", page_icon="🗺️", layout="wide")
    page_style()
    st.html(
        '<header class="xj-header"><h1>Xinjiang\'s ports, rail corridors and free-trade zone</h1>'
        "<p>Every figure comes from a news article and is shown with its source; approximate "
        "locations and footprints say so.</p></header>"
    )
    data_dir = settings.data_dir()
    try:
        dataset = load(data_dir)
    except DataError as exc:
        show(f"The data could not be loaded, so nothing is drawn.\n\n{exc.text(limit=ERROR_MAX_SHOWN)}", "error")
        st.stop()
    cited = cited_facts(data_dir)
    init_state(dataset)
    uploaded = upload_ui()
    counts_ui()
    period = address_period(dataset)
    explorer_ui(dataset, cited, uploaded, period)
    if not st.session_state.get("map_drawn"):
        return  # the rest once the map is drawn: its code does not wait behind them (see map_ui)
    articles_ui()
    downloads_ui(dataset, cited)
    region_ui(dataset, cited, View(period=period))
