"""The address: a link's view on opening, Back and Forward, the period it holds, and what Python writes back."""

from __future__ import annotations

from dataclasses import replace

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from geo.data import periods
from geo.data.dataset import Dataset
from geo.explore import urlstate
from geo.explore.urlstate import View
from web.shared import entity_ids
from web.text import show


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


def address_period(dataset: Dataset) -> str:
    """The figures' period in the address, which the map's period control writes (static/xj/component.js) and
    links and Back or Forward bring; one the figures do not reach at all counts as none (take_link says so)."""
    view, _ = urlstate.parse({urlstate.PARAMS["period"]: st.query_params.get(urlstate.PARAMS["period"], "")}, [])
    found, _ = periods.parse_range(view.period, periods.bounds(dataset.facts))
    return view.period if found else ""


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
