"""The map as built: layers present, one marker per shown port, styles by mode and status, escaped text."""

from __future__ import annotations

import json
import re

import folium
import pytest

from geo import join, mapping, present, settings
from geo.dataset import load_dataset
from geo.errors import AssetError
from geo.filter import filter_ports

HOSTILE = "<img src=x onerror=alert(1)>`${alert(2)}`</script><script>alert(3)</script>"


def geojson_children(group: folium.FeatureGroup) -> list[folium.GeoJson]:
    return [c for c in group._children.values() if isinstance(c, folium.GeoJson)]


def facts_html(dataset) -> dict[str, str]:
    return present.facts_html_by_entity(join.cite(dataset.facts, dataset.sources))


def features(group: folium.FeatureGroup) -> list[dict]:
    return [f for g in geojson_children(group) for f in g.data["features"]]


@pytest.fixture(scope="module")
def rendered(dataset) -> str:
    return mapping.build_map(dataset, assets="cdn").get_root().render()


def test_every_layer_and_the_control_are_on_the_map(rendered):
    for name in (
        "Ports of entry (16)",
        "Rail corridors (6)",
        "Free-trade and bonded zones (7)",
        "Country borders (offline, Natural Earth)",
        "OpenStreetMap (online)",
    ):
        assert json.dumps(name) in rendered or name in rendered, name
    assert "L.control.layers" in rendered
    assert "xj-legend" in rendered


def test_one_marker_per_port(dataset):
    cited = facts_html(dataset)
    assert len(features(mapping.ports_layer(dataset.ports, cited))) == len(dataset.ports)
    rail = filter_ports(dataset.ports, modes=["rail"])
    assert sorted(f["id"] for f in features(mapping.ports_layer(rail, cited))) == sorted(rail.index)


def styles(group: folium.FeatureGroup) -> dict[str, dict]:
    return {f["id"]: g.style_function(f) for g in geojson_children(group) for f in g.data["features"]}


@pytest.mark.parametrize(
    ("port_id", "group"),
    [("horgos-road", "road"), ("horgos-rail", "rail"), ("urumqi-airport", "air"), ("urumqi-land-port", "combined")],
)
def test_port_style_by_mode(dataset, port_id, group):
    cited = facts_html(dataset)
    style = styles(mapping.ports_layer(dataset.ports, cited))[port_id]
    assert style["className"] == f"xj-port xj-port-{group}"
    assert style["fillColor"] == settings.MODE_COLOURS[group]


def test_corridor_style_by_status(dataset):
    cited = facts_html(dataset)
    style = styles(mapping.corridors_layer(dataset.corridors, cited))
    assert style["china-kyrgyzstan-uzbekistan"]["dashArray"] == "8 8"  # under construction: dashed
    assert style["urumqi-horgos"]["dashArray"] is None  # operating: solid


def test_styles_reach_the_page(rendered):
    assert '"className": "xj-port xj-port-combined"' in rendered
    assert '"dashArray": "8 8"' in rendered


def test_popups_carry_figures_and_sources(dataset):
    cited = facts_html(dataset)
    popup = next(f for f in features(mapping.ports_layer(dataset.ports, cited)) if f["id"] == "horgos-rail")
    html = popup["properties"]["popup_html"]
    assert "Clearance time before" in html and "3 hours" in html
    assert "Unnamed news site, undated: “Xinjiang Pilot Free Trade Zone: Two Years" in html
    assert "Approximate location:" in html


def test_zone_popup_states_official_area_and_footprint(dataset):
    cited = facts_html(dataset)
    zone = next(f for f in features(mapping.zones_layer(dataset.zones, cited)) if f["id"] == "ftz-urumqi")
    assert "official area 134.6 km²" in zone["properties"]["popup_html"]
    assert "not the real boundary" in zone["properties"]["popup_html"]


@pytest.fixture
def hostile(edit_layer, edit_table, mini):
    def rename(data):
        data["features"][0]["properties"]["name"] = HOSTILE
        data["features"][0]["properties"]["location_note"] = HOSTILE

    edit_layer("ports", rename)
    edit_table("facts", lambda rows: rows[0].update(claim=HOSTILE))
    edit_table("sources", lambda rows: rows[0].update(title=HOSTILE))
    return load_dataset(mini)


def test_text_from_data_is_escaped_in_the_page(hostile):
    html = mapping.build_map(hostile, assets="cdn").get_root().render()
    assert "<img src=x" not in html
    assert "<script>alert(3)" not in html
    assert "</script><script>" not in html
    # The text is there, escaped twice over: HTML entities inside a JSON string.
    assert r"\u0026lt;img src=x onerror=alert(1)\u0026gt;" in html


def test_text_from_data_is_escaped_in_tooltips(hostile):
    cited = facts_html(hostile)
    tooltip = features(mapping.ports_layer(hostile.ports, cited))[0]["properties"]["tooltip"]
    assert tooltip.startswith("&lt;img src=x onerror=alert(1)&gt;`${alert(2)}`&lt;/script&gt;")


def test_local_assets_load_only_leaflet_from_the_app(dataset):
    html = mapping.build_map(dataset, assets="local").get_root().render()
    scripts = re.findall(r'<script src="([^"]+)"', html)
    styles = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
    assert scripts == [settings.LOCAL_ASSET_URL + "leaflet.js"]
    assert styles == [settings.LOCAL_ASSET_URL + "leaflet.css"]


def test_inline_assets_need_no_server(dataset):
    if not any((d / "leaflet.js").is_file() for d in settings.ASSET_DIRS):
        pytest.skip("Leaflet not installed: run npm ci")
    html = mapping.build_map(dataset, assets="inline").get_root().render()
    assert not re.findall(r'<script src="|<link rel="stylesheet"', html)
    assert "url(data:image/png;base64," in html  # layer-control icon inlined


def test_unknown_asset_mode_raises(dataset):
    with pytest.raises(AssetError, match=r"map assets: expected one of local, cdn, inline; got 'web'\."):
        mapping.build_map(dataset, assets="web")


def test_empty_selection_draws_an_empty_layer(dataset):
    cited = facts_html(dataset)
    group = mapping.ports_layer(dataset.ports.iloc[0:0], cited)
    assert group.layer_name == "Ports of entry (0)"
    assert features(group) == []


def test_many_ports_go_as_one_compact_canvas_payload(dataset, monkeypatch):
    monkeypatch.setattr(settings, "RICH_MAX_PORTS", 5)
    group = mapping.ports_layer(dataset.ports, facts_html(dataset))
    (layer,) = group._children.values()
    assert isinstance(layer, mapping.CanvasPoints)
    payload = layer.payload
    assert len(payload["lat"]) == len(payload["names"]) == len(dataset.ports)
    assert payload["lat"][0] == round(dataset.ports.geometry.y.iloc[0], settings.COMPACT_DECIMALS)
    assert (
        payload["colours"][payload["group"][list(dataset.ports.index).index("urumqi-land-port")]]
        == (settings.MODE_COLOURS["combined"])
    )


def test_compact_payload_escapes_names(hostile, monkeypatch):
    monkeypatch.setattr(settings, "RICH_MAX_PORTS", 0)
    (layer,) = mapping.ports_layer(hostile.ports, facts_html(hostile))._children.values()
    assert layer.payload["names"][0].startswith("&lt;img src=x onerror=alert(1)&gt;")


def test_long_corridors_are_simplified_and_say_so(dataset, monkeypatch):
    monkeypatch.setattr(settings, "SIMPLIFY_ABOVE_VERTICES", 3)
    monkeypatch.setattr(settings, "SIMPLIFY_TOLERANCE", 1.0)
    drawn = features(mapping.corridors_layer(dataset.corridors, facts_html(dataset)))
    southern = next(f for f in drawn if f["id"] == "southern-xinjiang")
    assert len(southern["geometry"]["coordinates"]) < 5  # 5 stations, simplified at a 1° tolerance
    assert "Simplified for display." in southern["properties"]["popup_html"]
