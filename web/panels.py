"""What follows the map's view: counts, places tables, details, charts and the region's figures."""

from __future__ import annotations

from dataclasses import replace

import geopandas as gpd
import pandas as pd
import streamlit as st
from markupsafe import Markup

from geo import settings
from geo.data import join, periods
from geo.data.dataset import Dataset
from geo.explore import timeline, urlstate
from geo.explore.urlstate import View
from geo.render import charts, mapping, present, summary, tables
from web import yours
from web.shared import LAYER_TITLES, compared, own_facts, places, reconciliation, shown_places
from web.text import show, show_html


@st.cache_resource(show_spinner=False)
def places_component():
    js = (mapping.XJ_DIR / "places.js").read_text(encoding="utf-8")
    return st.components.v2.component("xj_places", html="", js=js, isolate_styles=False)


def in_period(cited: pd.DataFrame, view: View) -> pd.DataFrame:
    """The cited figures whose period overlaps the view's period filter."""
    return cited[periods.in_range(cited, *view.period_range())]


def panel(table: Markup) -> None:
    """A table of figures or places as static HTML (page.css styles it, light and dark)."""
    st.html(Markup('<div class="xj-facts-panel">{}</div>').format(table))


def chart_ui(chart: charts.Chart, key: str) -> None:
    """One chart (its title is in the spec), its sources and periods under it in plain text, its data as CSV."""
    st.vega_lite_chart(charts.data_in_layers(charts.themed(chart.spec, st.context.theme.type)), width="stretch")
    show(chart.source_line)
    if chart.note:
        show(chart.note)
    st.download_button(
        "Chart data (CSV)", chart.to_csv, chart.filename, "text/csv", key=f"chart_{key}_{chart.key}", on_click="ignore"
    )


def apply(dataset: Dataset, view: View) -> dict[str, gpd.GeoDataFrame]:
    """The places the view shows, filtered exactly as the map filters them, as they stood in its year."""
    shown = shown_places(settings.data_dir(), tuple(view.filters().items()), view.text)
    return timeline.standing(shown, dataset.events, view.year)


def port_filters(view: View) -> dict:
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
    # The layer's whole counts: a viewer read "21 drawn" beside a map the filters had cut to three ports.
    show("The whole layer, whatever the filters and the year.", "caption", bar)
    for row in reconciliation(settings.data_dir()).itertuples():
        stated = "; ".join(f"{s['text']} ({s['publisher'].split(' (')[0]})" for s in row.stated) or "no figure"
        unknown = f", {row.location_unknown} with no known location" if row.location_unknown else ""
        uncertain = f"; {row.uncertain} of them uncertain" if row.uncertain else ""
        bar.html(
            Markup(
                '<div class="xj-text xj-counts"><b>{}</b><br>The articles say {}. The layer counts <b>{}</b> '
                "({} with a known location{}{}).{}</div>"
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
        behind = pd.DataFrame(
            {
                "Port": [port["name"] for port in row.ports],
                "Location": [port["location"] for port in row.ports],
                "Counted": [port["certainty"] for port in row.ports],
                "Why it counts": [port["note"] for port in row.ports],
                "Reference": [port["ref_id"] for port in row.ports],
            }
        )
        with bar.expander(f"The {row.layer_count} ports behind it"):
            panel(present.stacked_list(behind, f"The ports behind {row.label.lower()}"))


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
    st.header("Details")
    selected = view.selected
    if yours.details_ui(uploaded, selected):
        return
    for name in LAYER_TITLES:
        frame = dataset.layer(name)
        if selected in frame.index:
            place = frame.loc[selected]
            show(place["name"], "title")
            show(present.describe(name, place))
            note = present.location_note(name, place)
            if note:  # as the popup says it: where the place is drawn, and how far off that may be
                show(note, "warning")
            every = join.facts_for(cited, selected)
            facts = in_period(every, view)
            if every.empty:
                st.info("The articles give no figures for this place.")
            elif facts.empty:
                st.info("None of this place's figures falls in the chosen period.")
            else:
                # The same table as the map's popup: it wraps, so figure, period and source all stay in view.
                panel(present.facts_html(facts))
            if 0 < len(facts) < len(every):
                st.caption(f"{len(every) - len(facts)} figures outside the chosen period are not shown.")
            # The charts cite their sources by the table's numbers: one "[1]" in the whole panel.
            numbers = present.source_numbers(facts)
            shown = charts.place_charts(
                every, selected, *view.period_range(), name=place["name"], min_figures=2, numbers=numbers
            )
            for chart in shown:
                chart_ui(chart, "place")
            with st.expander("References for the location"):
                for reference in place["sources"]:
                    show_html(present.reference_html(reference))  # escaped, its address a link
            return
    st.caption("Nothing selected yet.")


def region_ui(dataset: Dataset, cited: pd.DataFrame, view: View) -> None:
    """The region's headline charts and its figures in tables, for the chosen period."""
    st.header("Region-wide figures")
    own = own_facts(cited)
    found = charts.region_charts(own, *view.period_range())
    columns = st.columns(2)
    for number, chart in enumerate(found):
        with columns[number % 2]:
            chart_ui(chart, "region")
    kept = in_period(own, view)
    groups = summary.region_groups(dataset.groups)
    # The same table as the details' and the popups' (numbered sources, links); plain HTML, where a data grid
    # would add its own work to every click on the map (bench/README.md).
    for tab, gid in zip(st.tabs(list(groups)), groups.values(), strict=True):
        with tab:
            facts = join.facts_for(kept, gid)
            if facts.empty and not join.facts_for(own, gid).empty:
                show("None of its figures falls in the chosen period.", "info")
            else:
                panel(present.facts_html(facts))
    left_out = len(own) - len(kept)
    disputed = len(join.disputed_metrics(kept)[["entity_id", "metric"]].drop_duplicates())
    show(
        (
            f"Articles disagree on {disputed} {'figure' if disputed == 1 else 'figures'} for the same period; "
            "every version is listed with its source."
            if disputed
            else "No two articles give different figures for the same place, measure and period."
        )
        + (
            f" {left_out} figures outside {periods.range_label(*view.period_range())} are not shown."
            if left_out
            else ""
        )
    )


def compare_ui(shown: dict[str, gpd.GeoDataFrame], view: View) -> None:
    """The filtered ports compared: counts by mode and country, and the figures several of them have."""
    found = compared(settings.data_dir(), tuple(shown["ports"].index), view.period)
    if not len(found):
        return
    st.header("The ports shown, compared")
    columns = st.columns(min(len(found), 3))
    for number, chart in enumerate(found):
        with columns[number % len(columns)]:
            chart_ui(chart, "ports")
