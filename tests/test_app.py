"""The Streamlit page without a browser (AppTest): filters, counts, link state, details, bad data."""

from __future__ import annotations

import json
import re

import pytest
from streamlit.testing.v1 import AppTest

from geo import settings
from geo.dataset import load_dataset

APP = str(settings.PROJECT_DIR / "app.py")


def run(query: dict[str, str] | None = None, **state) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    for key, value in state.items():
        at.session_state[key] = value
    return at.run()


def map_args(at: AppTest) -> dict:
    (component,) = [c for c in at.get("component_instance") if "st_folium" in c.proto.component_name]
    return json.loads(component.proto.json_args)


def drawn_ports(at: AppTest) -> int:
    """Port features in the layers sent to the map (each port carries a mode ``group``)."""
    return map_args(at)["feature_group"].count('"group": "')


def sidebar_text(at: AppTest) -> str:
    return "\n".join(m.value for m in at.sidebar.markdown)


@pytest.fixture(scope="module")
def first() -> AppTest:
    return run()


def test_page_loads_with_every_port(first):
    assert not first.exception
    assert drawn_ports(first) == 16
    assert "**16** of 16 ports" in sidebar_text(first)


def test_map_assets_are_served_by_the_app(first):
    args = map_args(first)
    assert args["js_links"] == [settings.LOCAL_ASSET_URL + "leaflet.js"]
    assert args["css_links"] == [settings.LOCAL_ASSET_URL + "leaflet.css"]


def test_mode_filter_changes_map_counts_and_link(first):
    at = run()
    at.sidebar.multiselect(key="modes").set_value(["rail"]).run()
    assert drawn_ports(at) == 3
    assert "**3** of 16 ports" in sidebar_text(at)
    assert at.query_params["mode"] == "rail"
    assert at.tabs[0].label == "Ports (3)"


def test_filter_change_keeps_the_map_and_swaps_only_the_layers():
    at = run()
    before = map_args(at)
    at.sidebar.multiselect(key="modes").set_value(["air"]).run()
    after = map_args(at)
    # streamlit-folium re-creates the map only when this script changes (folium's random ids aside).
    assert re.sub(r"_[a-z0-9]+", "", before["script"]) == re.sub(r"_[a-z0-9]+", "", after["script"])
    assert before["feature_group"] != after["feature_group"]


def test_filters_combine(first):
    at = run()
    at.sidebar.multiselect(key="countries").set_value(["KGZ", "TJK"]).run()
    assert drawn_ports(at) == 3  # Torugart, Irkeshtam, Karasu
    at.sidebar.text_input(key="text").input("torugart").run()
    assert drawn_ports(at) == 1
    assert at.query_params["q"] == "torugart"


def test_chinese_name_search():
    at = run()
    at.sidebar.text_input(key="text").input("霍尔果斯").run()
    assert drawn_ports(at) == 2


def test_link_reopens_the_same_view():
    at = run({"mode": "air", "selected": "urumqi-airport"})
    assert drawn_ports(at) == 2
    assert at.sidebar.multiselect(key="modes").value == ["air"]
    assert any(m.value == "#### Urumqi Tianshan International Airport" for m in at.markdown)


def test_bad_link_parameters_give_notices_not_errors():
    at = run({"mode": "truck", "colour": "red", "selected": "<script>"})
    assert not at.exception
    notices = [i.value for i in at.info]
    assert "Ignored the unknown link parameter 'colour'." in notices
    assert "Ignored 'truck' in 'mode': expected values from road, rail, air." in notices
    assert "Ignored '<script>' in 'selected': no place has that id." in notices
    assert drawn_ports(at) == 16


def test_selected_place_shows_figures_with_sources():
    at = run(selected="horgos-rail")
    assert any(m.value == "#### Horgos Railway Port" for m in at.markdown)
    table = next(d.value for d in at.dataframe if "Figure" in d.value.columns)
    assert table["Value"].tolist() == ["1 hour", "3 hours"]
    assert table["Source"].str.startswith("Unnamed news site, undated:").all()


def test_counts_are_set_against_the_articles(first):
    text = sidebar_text(first)
    assert "Highway \\(road\\) border ports: **11** shown, 11 in the layer · articles: 14 \\(People's Daily\\)" in text
    assert "21 \\(People's Daily\\); 19 \\(people\\.cn via Tianshannet\\)" in text


def test_region_wide_figures_are_shown(first):
    regions = load_dataset().region_groups()["name"].tolist()
    assert [t.label for t in first.tabs][-len(regions) :] == regions


def test_downloads_are_offered(first):
    labels = [b.proto.label for b in first.get("download_button")]
    assert labels == ["Places (GeoJSON)", "Places (CSV, WKT geometry)", "Figures with sources (CSV)"]


def test_broken_data_shows_the_message_instead_of_a_map(mini, monkeypatch):
    path = mini / "geojson" / "ports.geojson"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["features"][0]["geometry"]["coordinates"] = [44.2, 80.4]
    path.write_text(json.dumps(data), encoding="utf-8")
    monkeypatch.setenv("XJ_DATA_DIR", str(mini))
    at = run()
    assert not at.exception
    (error,) = at.error
    assert (
        "feature 'horgos-road': field 'geometry': expected [lon, lat]; got [44.2, 80.4], which looks like swapped lat/lon."
        in error.value
    )
    assert not at.get("component_instance")
