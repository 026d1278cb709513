"""The Streamlit page without a browser (AppTest), on the small fixture: the map's reports drive the page."""

from __future__ import annotations

import html
import json
import re

import pytest
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.testing.v1 import AppTest

from geo import settings
from geo.data.dataset import load_dataset
from web import serving

APP = str(settings.PROJECT_DIR / "app.py")


@pytest.fixture
def data_dir(mini, monkeypatch):
    monkeypatch.setenv("XJ_DATA_DIR", str(mini))
    return mini


def run(query: dict[str, str] | None = None, drawn: bool = True) -> AppTest:
    """The page opened (with a link's ``query``); with ``drawn``, after the map has said it is drawn, as the
    browser's map does once it is (the rest of the page waits for that)."""
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    at.run()
    if drawn and not at.exception and [e for e in at.get("bidi_component") if e.proto.component_name == "xj_map"]:
        at.session_state["map"] = {"view": {"rev": -1, "drawn": True}}
        at.run()
    return at


def report(app: AppTest, **view) -> AppTest:
    """Rerun as if the viewer had changed the map's filters, selection or position."""
    last = map_data(app)["command"]["rev"]
    state = {"filters": {}, "text": "", "selected": "", "at": None, "layers": ["base", "zones", "corridors", "ports"]}
    app.session_state["map"] = {"view": {**state, **view, "rev": last}}
    return app.run()


def texts(at: AppTest, kind: str, where=None) -> list[str]:
    """The texts the page shows in its own plain-text blocks of one kind (info, error, caption, title)."""
    bodies = [block.proto.body for block in (where or at).get("html") if not block.proto.body.startswith("<style")]
    return [html.unescape(re.sub(r"<[^>]+>", "", body)) for body in bodies if f"xj-{kind}" in body]


def rendered(markdown: str) -> str:
    """What a Markdown text shows: backslash escapes resolved."""
    return re.sub(r"\\(.)", r"\1", markdown)


def map_element(at: AppTest):
    (element,) = [e for e in at.get("bidi_component") if e.proto.component_name == "xj_map"]
    return element


def places_data(at: AppTest, part: str) -> dict:
    """What the page sends the browser's tables ("tables") or counts ("counts")."""
    found = [json.loads(e.proto.json) for e in at.get("bidi_component") if e.proto.component_name == "xj_places"]
    (data,) = [d for d in found if d["part"] == part]
    return data


def map_data(at: AppTest) -> dict:
    return json.loads(map_element(at).proto.json)


def test_the_map_comes_first_and_the_rest_once_it_is_drawn(data_dir):
    at = run(drawn=False)
    assert map_data(at)["map"]["script"]  # the map and its filter bar
    assert not at.get("download_button") and not [
        e
        for e in at.get("bidi_component")
        if e.proto.component_name == "xj_places" and json.loads(e.proto.json)["part"] == "tables"
    ]
    at.session_state["map"] = {"view": {"rev": -1, "drawn": True}}
    at.run()
    assert at.get("download_button") and places_data(at, "tables")


def test_page_loads_with_the_whole_map(data_dir):
    data = load_dataset(data_dir)
    at = run()
    assert not at.exception
    payload = map_data(at)["map"]
    assert payload["script"].count('"group": "') == len(data.ports)  # every port drawn, each with its mode group
    assert payload["total"]["ports"] == len(data.ports)
    # The tables and counts go to the browser whole, once: it filters them as it filters the map.
    tables = places_data(at, "tables")["places"]
    assert [layer["name"] for layer in tables["layers"]] == ["ports", "corridors", "zones"]
    assert tables["layers"][0]["ids"] == list(data.ports.index)
    assert len(tables["layers"][0]["rows"]) == len(data.ports)
    assert places_data(at, "counts")["places"]["counts"]["totals"] == {
        "ports": len(data.ports),
        "corridors": len(data.corridors),
        "zones": len(data.zones),
    }
    assert map_data(at)["assets"]["leaflet"] == settings.LOCAL_ASSET_URL + "leaflet.js"


def test_a_filter_the_map_reports_reaches_python_without_resending_the_map_or_tables(data_dir):
    at = run()
    before = map_data(at), places_data(at, "tables"), places_data(at, "counts")
    report(at, filters={"modes": ["rail"]})
    assert at.session_state["view"].modes == ("rail",)
    # The same messages: the browser keeps its map, tables and counts, and filters them itself.
    assert (map_data(at), places_data(at, "tables"), places_data(at, "counts")) == before


def test_a_link_opens_filters_selection_and_position_on_the_map(data_dir):
    at = run({"mode": "Rail", "selected": "urumqi-land-port", "at": "43.8,87.5,9", "layers": "ports,zones"})
    command = map_data(at)["command"]
    assert command["rev"] == 0 and command["reveal"] is True
    assert command["view"]["filters"]["modes"] == ["rail"]
    assert command["view"]["selected"] == "urumqi-land-port"
    assert command["view"]["at"] == [43.8, 87.5, 9.0] and command["view"]["layers"] == ["zones", "ports"]
    assert any(title.startswith("Urumqi") for title in texts(at, "title"))  # details of the selected place
    assert at.query_params["layers"] == "zones,ports" and at.query_params["at"] == "43.8,87.5,9"


def test_map_position_and_layers_reach_python(data_dir):
    at = report(run(), at=[44.1, 80.4, 8.5], layers=["ports"])
    assert at.session_state["view"].at == (44.1, 80.4, 8.5) and at.session_state["view"].layers == ("ports",)


def test_python_leaves_the_browsers_address_as_it_is(data_dir):
    """The browser writes the address as the viewer changes the map, the period included; Python, running on a
    report from a moment before, must not write it back (it would undo a later change)."""
    at = run()
    at.query_params["mode"] = "air"  # the browser's address, newer than the report below
    report(at, filters={"modes": ["rail"]})
    assert at.query_params["mode"] == "air"


def test_the_period_the_browsers_control_writes_reaches_the_page(data_dir):
    at = run({"selected": "horgos-road"})
    assert not any(i.value == "None of this place's figures falls in the chosen period." for i in at.info)
    # The viewer picks Sep-Dec 2025 on the map: the address has it at once, and the report a second later.
    at.query_params["period"] = "2025-09/2025-12"
    report(at, selected="horgos-road")
    assert at.session_state["view"].period == "2025-09/2025-12"
    assert any(i.value == "None of this place's figures falls in the chosen period." for i in at.info)
    assert at.query_params["period"] == "2025-09/2025-12"
    # The map's control is told only by a link (or Back or Forward): here it already holds the period.
    assert map_data(at)["command"]["rev"] == 0


def test_bad_link_parameters_give_one_plain_notice_each_kind(data_dir):
    at = run({"mode": "boat", "colour": "red", "zoom": "9", "selected": "[Sign in again](https://example.org)"})
    assert not at.exception
    notices = texts(at, "info")
    assert notices[0] == "Ignored link parameters the explorer does not know: 'colour', 'zoom'."
    assert "Ignored 'boat' in 'mode': expected values from road, rail, air." in notices
    assert "Ignored '[Sign in again](https://example.org)' in 'selected': no place has that id." in notices
    # The link's text goes to the page as escaped HTML, never Markdown: no link to any host is made.
    bodies = " ".join(block.proto.body for block in at.get("html"))
    assert 'href="https://example.org"' not in bodies and "[Sign in again](https://example.org)" in bodies
    assert dict(at.query_params) == {}  # the link is cleaned


def test_link_notices_go_once_the_viewer_changes_the_view(data_dir):
    at = run({"mode": "boat"})
    assert texts(at, "info")
    report(at, filters={"kinds": ["border"]})
    assert not [text for text in texts(at, "info") if "Ignored" in text]


def test_selecting_on_the_map_opens_details(data_dir):
    at = report(run(), selected="horgos-road")
    assert "Horgos Road Port" in texts(at, "title")
    panels = [b.proto.body for b in at.get("html") if b.proto.body.startswith('<div class="xj-facts-panel">')]
    (figures,) = [body for body in panels if "258,000" in body]  # its vehicle exports (t-01), in the details
    assert "Test Publisher, 2025-01-02: “A test article”" in html.unescape(figures)  # figure with its source
    assert at.session_state["view"].selected == "horgos-road"


def test_a_selection_the_filters_hide_is_cleared_with_a_word(data_dir):
    at = run({"selected": "horgos-road", "mode": "air"})
    assert any("is hidden by the filters" in text for text in texts(at, "info"))
    assert not any(title.startswith("Horgos") for title in texts(at, "title"))
    assert "selected" not in at.query_params


def test_counts_are_set_against_the_articles_with_the_ports_behind_them(data_dir):
    data = load_dataset(data_dir)
    at = run()
    approved = data.port_counts[data.port_counts["measure"] == "approved_ports"]
    panel = texts(at, "counts", at.sidebar)
    assert any(f"The articles say 21 (Test Publisher). The layer counts {len(approved)} (" in line for line in panel)
    # the layer's whole count, said so: not "drawn" beside a map the filters may have cut
    assert any(f"({len(approved)} with a known location" in line for line in panel)
    assert "The whole layer, whatever the filters and the year." in texts(at, "caption", at.sidebar)
    counted = {c["label"]: c for c in places_data(at, "counts")["places"]["counts"]["reconciled"]}
    assert (
        counted["Ports of entry approved"]["ids"] == approved["port_id"].tolist()
    )  # the browser counts how many of these are shown
    behind = next(e for e in at.sidebar.expander if e.label.startswith(f"The {len(approved)} ports behind it"))
    names = data.ports.loc[approved["port_id"], "name"]
    (table,) = [block.proto.body for block in behind.get("html")]
    listed = [html.unescape(name) for name in re.findall(r"<li><b>([^<]*)</b>", table)]
    assert listed == names.tolist()  # the ports behind it, by name, in the table's order


def test_downloads_are_offered(data_dir):
    labels = [b.proto.label for b in run().get("download_button") if b.proto.label != "Chart data (CSV)"]
    assert labels == [
        "Places (GeoJSON)",
        "Places (CSV, WKT geometry)",
        "Figures with sources (CSV)",
        "This view (HTML map, offline)",
        "Whole dataset (data package, zip)",
    ]


def test_broken_data_shows_the_message_instead_of_a_map(mini, monkeypatch):
    path = mini / "geojson" / "ports.geojson"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["features"][0]["geometry"]["coordinates"] = [44.2, 80.4]
    path.write_text(json.dumps(data), encoding="utf-8")
    monkeypatch.setenv("XJ_DATA_DIR", str(mini))
    at = run()
    assert not at.exception
    (error,) = texts(at, "error")
    assert (
        "feature 'horgos-road': field 'geometry': expected [lon, lat]; got [44.2, 80.4], which looks like swapped"
        in error
    )
    assert not at.get("bidi_component")


def test_the_period_filter_limits_the_figures_and_goes_into_the_link(data_dir):
    data = load_dataset(data_dir)
    at = run({"period": "2025-09/2025-12", "selected": "horgos-road"})
    assert at.query_params["period"] == "2025-09/2025-12"
    assert map_data(at)["period"] == {
        "start": "2025-09-01",
        "end": "2025-12-31",
        "label": "Sep–Dec 2025",
        "param": "2025-09/2025-12",
    }
    # horgos-road's one figure is for Jan-Aug 2025: outside the period, so the page says so instead.
    assert data.facts.set_index("fact_id").loc["t-01", "period"] == "2025-01/2025-08"
    assert any(i.value == "None of this place's figures falls in the chosen period." for i in at.info)
    months = map_data(at)["months"]  # the map's period control offers every month the figures reach
    assert months[0] == ["2025-01", "Jan 2025"] and months[-1][0] >= "2025-12"


@pytest.mark.parametrize(("period", "why"), [("2026/2024", "ends before it starts"), ("2019", "the figures cover")])
def test_a_bad_period_in_a_link_is_ignored_with_a_notice(data_dir, period, why):
    at = run({"period": period})
    assert any(why in text and "'period'" in text for text in texts(at, "info"))
    assert "period" not in at.query_params


def test_charts_come_with_their_sources_and_data(data_dir):
    at = run()
    assert at.get("arrow_vega_lite_chart") or at.get("vega_lite_chart")
    downloads = [b.proto.label for b in at.get("download_button")]
    assert "Chart data (CSV)" in downloads
    assert any(text.startswith("Source") for text in texts(at, "caption"))


def send_state(at: AppTest, state_json: str) -> AppTest:
    """Rerun with the map's state as the browser sends it: JSON text that Streamlit parses itself."""
    states = at._tree.get_widget_states()
    widget = states.widgets.add()
    widget.id, widget.json_value = map_element(at).proto.id, state_json
    return at._run(states)


@pytest.mark.parametrize(
    "state",
    ['{"view": {"rev": ' + "9" * 5000 + "}}", '{"view": ' + "[" * 50_000 + "]" * 50_000 + "}"],
    ids=["5000-digit-rev", "nested-50000-deep"],
)
def test_a_map_state_streamlit_cannot_parse_resets_the_map_and_the_session_goes_on(data_dir, state):
    # Streamlit parses the state before the page runs and raises on these on every rerun (ValueError,
    # RecursionError): the server's websocket guard (web/serving.py) replaces it on its way in, as here.
    at = run()
    message = BackMsg()
    widget = message.rerun_script.widget_states.widgets.add()
    widget.id, widget.json_value = map_element(at).proto.id, state
    (arrived,) = BackMsg.FromString(
        serving.guard_back_message(message.SerializeToString())
    ).rerun_script.widget_states.widgets
    at = send_state(at, arrived.json_value)
    assert not at.exception
    assert texts(at, "warning") == ["The map sent a state the page cannot read; it was reset."]
    assert map_data(at)["map"]["total"]["ports"] == 2  # the map is drawn again, with a fresh state
    report(at, filters={"modes": ["rail"]})  # and the session still follows the map
    assert not at.exception and at.session_state["view"].modes == ("rail",)


@pytest.mark.parametrize(
    "view",
    [
        {"rev": 10**5000},
        {"rev": "0"},
        {"rev": 0, "text": "x" * 1_000_000},
        {"rev": 0, "filters": {"modes": ["rail"] * 100_000}},
        {"rev": 0, "filters": {"modes": [["rail"]]}},
        {"rev": 0, "at": [float("nan"), 80, 8]},
        {"rev": 0, "at": [10**5000, 80, 8]},
        {"rev": 0, "layers": "ports"},
        {"rev": 0, "colour": "red"},
        {"rev": 0, "seq": "3"},
        {"rev": 0, "seq": -1},
        ["rail"],
    ],
    ids=[
        "huge-rev",
        "text-rev",
        "long-text",
        "many-filters",
        "nested-filter",
        "nan-at",
        "huge-at",
        "text-layers",
        "extra-key",
        "text-seq",
        "negative-seq",
        "list",
    ],
)
def test_a_map_report_of_the_wrong_type_or_size_is_dropped_with_a_notice(data_dir, view):
    at = run()
    at.session_state["map"] = {"view": view}
    at.run()
    assert not at.exception
    assert texts(at, "warning") == ["The map reported a view the page cannot use; it was ignored."]
    assert dict(at.query_params) == {}  # the view stays what it was
    report(at, filters={"modes": ["rail"]})  # a good report is used again
    assert not at.exception and at.session_state["view"].modes == ("rail",) and not texts(at, "warning")


def test_the_page_marks_which_report_of_the_map_its_downloads_hold(data_dir):
    # A download pressed in the browser waits for this mark (static/xj/component.js): it must come with the view.
    at = report(run(), filters={"modes": ["rail"]}, seq=7)
    marks = [b.proto.body for b in at.get("html") if "data-xj-heard" in b.proto.body]
    assert marks == ['<span hidden data-xj-heard="7"></span>']
    assert at.session_state["shown_now"]["view"].modes == ("rail",)


def test_a_broken_data_folder_shows_the_first_problems_and_how_many_more(data_dir):
    path = data_dir / "facts.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([*lines, *(f"bad-{n},xinjiang" for n in range(5_000))]) + "\n", encoding="utf-8")
    at = run()
    (error,) = texts(at, "error")
    assert "5000 problem(s) in the data:" in error
    assert error.count("expected 9 cells as in the header") == 20
    assert error.rstrip().endswith("... and 4,980 more problems.")


def _another_article_says(data_dir, period: str, value: int) -> list[str]:
    """The page's word on disagreements once a second article gives Horgos road's vehicle exports (t-01 says
    258,000 for January-August 2025) for ``period``."""
    with (data_dir / "sources.csv").open("a", encoding="utf-8") as sources:
        sources.write("other,Another,Other Publisher,2025-10-01,,https://example.org/other,,,000_test.txt,,\n")
    with (data_dir / "facts.csv").open("a", encoding="utf-8") as facts:
        facts.write(f"t-98,horgos-road,vehicle_exports,{value},count,{period},,other,Vehicles.\n")
    return [t for t in texts(run(), "caption") if "disagree" in t or "No two articles" in t]


def test_figures_of_different_periods_are_not_called_a_disagreement(data_dir):
    said = _another_article_says(data_dir, "2025", 300000)  # the whole year, beside January-August
    assert said == ["No two articles give different figures for the same place, measure and period."]


def test_two_articles_giving_one_period_different_figures_are_said_to_disagree(data_dir):
    said = _another_article_says(data_dir, "2025-01/2025-08", 250000)
    assert said == ["Articles disagree on 1 figure for the same period; every version is listed with its source."]


def test_the_regions_figures_are_tables_with_their_numbered_sources_for_the_period(data_dir):
    with (data_dir / "facts.csv").open("a", encoding="utf-8") as facts:  # the FTZ's one figure, in 2024
        facts.write("t-99,xinjiang-ftz,vehicle_exports,1000,count,2024-01/2024-06,,test-article,Vehicles.\n")
    data = load_dataset(data_dir)
    at = run()
    regional = data.groups[data.groups["kind"].isin(settings.REGION_GROUP_KINDS)]
    assert [tab.label for tab in at.tabs] == regional["name"].tolist()
    (table,) = [block.proto.body for block in at.tabs[0].get("html")]
    rows = re.findall(r"<tr[^>]*><td>(.*?)(?:<div .*?)?</td><td>(.*?)</td>", table)  # each figure's claim follows
    assert ("Approved ports", "21") in rows and ("Highway ports", "14") in rows  # t-02 and t-05, the region's
    assert '<div class="xj-about xj-claim">Approved ports.</div>' in table  # the mini data's claim, as the text
    assert "<li>[1] Test Publisher" in table
    # A period that none of a group's figures reaches: said in words, not an empty table.
    at = run({"period": "2025-09/2025-12"})
    ftz = at.tabs[[tab.label for tab in at.tabs].index("China (Xinjiang) Pilot Free Trade Zone")]
    assert texts(ftz, "info") == ["None of its figures falls in the chosen period."]
    assert not ftz.get("html") or "1,000" not in "".join(block.proto.body for block in ftz.get("html"))
