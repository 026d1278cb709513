"""The map as built: every feature with its filter values, styles by mode and status, escaped text, assets."""

from __future__ import annotations

import json
import re

import folium
import geopandas as gpd
import pytest
from shapely.geometry import Point

from geo import settings
from geo.data.dataset import load_dataset
from geo.errors import AssetError
from geo.render import mapping
from geo.render.present import escape

HOSTILE = "<img src=x onerror=alert(1)>`${alert(2)}`</script><script>alert(3)</script>"


@pytest.fixture
def data(mini):
    return load_dataset(mini)


def groups(m: folium.Map) -> dict[str, folium.FeatureGroup]:
    return {c.layer_name.split(" (")[0]: c for c in m._children.values() if isinstance(c, folium.FeatureGroup)}


def features(m: folium.Map, title: str) -> dict[str, dict]:
    group = groups(m)[title]
    return {f["id"]: f for c in group._children.values() if isinstance(c, folium.GeoJson) for f in c.data["features"]}


def styles(m: folium.Map, title: str) -> dict[str, dict]:
    group = groups(m)[title]
    return {
        f["id"]: c.style_function(f)
        for c in group._children.values()
        if isinstance(c, folium.GeoJson)
        for f in c.data["features"]
    }


def test_every_layer_the_base_and_the_control_are_on_the_map(data):
    html = mapping.build_map(data, assets="cdn").get_root().render()
    for name in (  # named without counts: the bar beside the button counts what is drawn
        settings.PORTS.title,
        settings.CORRIDORS.title,
        settings.ZONES.title,
        "Borders and place names (offline)",
        "OpenStreetMap (online)",
    ):
        assert json.dumps(name) in html or name in html, name
    assert "L.control.layers" in html and '"collapsed": true' in html
    assert "XJMap.explore(" in html and "XJMap.regionBase(" in html


def test_every_feature_is_drawn_with_what_the_filters_test(data):
    m = mapping.build_map(data, assets="cdn")
    ports = features(m, "Ports of entry")
    assert sorted(ports) == sorted(data.ports.index)
    road = ports["horgos-road"]["properties"]
    assert road["xj"] == {"modes": ["road"], "kind": "border", "country": "KAZ", "status": "operational"}
    assert "horgos" in road["search"] and road["label"] == "Horgos road"
    assert sorted(features(m, "Rail corridors")) == sorted(data.corridors.index)
    assert features(m, "Free-trade and bonded zones")["ftz-horgos"]["properties"]["xj"] == {"kind": "ftz_section"}


def test_a_port_without_a_location_is_listed_not_drawn():
    ports = gpd.GeoDataFrame({"id": ["a", "b"]}, geometry=[Point(80, 44), None], crs=4326).set_index("id", drop=False)
    assert mapping.drawable(ports).index.tolist() == ["a"]


@pytest.mark.parametrize(("port_id", "group"), [("horgos-road", "road"), ("urumqi-land-port", "combined")])
def test_port_style_by_mode(data, port_id, group):
    style = styles(mapping.build_map(data, assets="cdn"), "Ports of entry")[port_id]
    assert style["className"] == f"xj-port xj-port-{group}"
    assert style["fillColor"] == settings.MODE_COLOURS[group]
    assert style["radius"] == settings.PORT_RADIUS


def test_corridor_style_by_status(data, edit_layer, mini):
    edit_layer("corridors", lambda d: d["features"][0]["properties"].update(status="under_construction"))
    style = styles(mapping.build_map(load_dataset(mini), assets="cdn"), "Rail corridors")["urumqi-horgos"]
    assert style["dashArray"] == settings.CORRIDOR_STYLES["under_construction"]["dashArray"] == "8 8"


def explorer_options(m: folium.Map) -> dict:
    return next(c for c in m._children.values() if isinstance(c, mapping.Explorer)).options


def place_figures(m: folium.Map, entity: str) -> list[dict]:
    """One place's rows of the map's figures table, each with its source as [citation, address]."""
    table = explorer_options(m)["figures"]
    first, stop = table["at"][entity]
    columns = ("figure", "about", "value", "period", "start", "end")
    return [
        {**{c: table[c][i] for c in columns}, "source": table["sources"][table["source"][i]]}
        for i in range(first, stop)
    ]


def test_popups_leave_a_slot_the_figures_table_fills_with_sources_and_notes(data):
    m = mapping.build_map(data, assets="cdn")
    html = features(m, "Ports of entry")["horgos-road"]["properties"]["popup_html"]
    assert 'data-entity="horgos-road"' in html and '<div class="xj-figures"></div>' in html
    assert "258,000" not in html  # composed on click, not pre-rendered per place
    fact = data.facts.set_index("fact_id").loc["t-01"]
    assert fact["period"] == "2025-01/2025-08" and fact["entity_id"] == "horgos-road"
    (row,) = [r for r in place_figures(m, "horgos-road") if r["value"] == "258,000"]
    # The period as people write it, and as first and last day for the period filter.
    assert (row["figure"], row["period"], row["start"], row["end"]) == (
        "Vehicle exports",
        "Jan–Aug 2025",
        "2025-01-01",
        "2025-08-31",
    )
    assert row["source"][0] == "Test Publisher, 2025-01-02: “A test article”"
    zone = features(m, "Free-trade and bonded zones")["ftz-horgos"]["properties"]["popup_html"]
    assert f"official area {data.zones.loc['ftz-horgos', 'official_area_km2']:g} km²" in zone


def test_the_figures_table_holds_each_place_once_in_the_order_it_is_listed(data):
    table = explorer_options(mapping.build_map(data, assets="cdn"))["figures"]
    spans = sorted(table["at"].values())
    assert spans[0][0] == 0 and spans[-1][1] == len(table["value"])
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:], strict=False))  # contiguous, no row twice
    cited = data.facts[data.facts["entity_id"].isin(table["at"])]
    assert len(table["value"]) >= len(cited) and set(cited["entity_id"]) <= set(table["at"])
    assert len({tuple(s) for s in table["sources"]}) == len(table["sources"])  # each article once


def test_the_explorer_gets_the_registry_the_legend_and_the_opening_view(data):
    html = mapping.build_map(data, assets="cdn").get_root().render()
    options = json.loads(
        re.search(r"XJMap\.explore\(\w+, Object\.assign\(\s*(\{.*?\}),\s*\{\s*layers:", html, re.S).group(1)
    )
    assert [c["name"] for c in options["controls"]][:2] == ["modes", "kinds"]
    assert options["portRadius"] == settings.PORT_RADIUS
    (south, west), (north, east) = options["bounds"]
    x0, y0, x1, y1 = data.ports.total_bounds
    assert west <= x0 and east >= x1 and south <= y0 and north >= y1
    assert "Ports, by mode" in options["legend"] and "road + rail" in options["legend"]


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


def test_tooltips_are_escaped_and_labels_are_plain_text(hostile):
    port = features(mapping.build_map(hostile, assets="cdn"), "Ports of entry")[hostile.ports.index[0]]
    assert port["properties"]["tooltip"].startswith("&lt;img src=x onerror=alert(1)&gt;`${alert(2)}`&lt;/script&gt;")
    # Labels go into the page with textContent (static/xj/xjmap.js), so they carry the raw text.
    assert port["properties"]["label"].startswith("<img src=x")


def test_local_assets_are_served_by_the_app(data):
    html = mapping.build_map(data, assets="local").get_root().render()
    scripts = re.findall(r'<script src="([^"]+)"', html)
    styles_ = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
    assert scripts[0] == settings.LOCAL_ASSET_URL + "leaflet.js"
    # The pure parts (the rule book, screen geometry) first: the map's code uses them.
    assert [re.sub(r"\?v=[0-9a-f]{10}$", "", url) for url in scripts[1:]] == [
        "/app/static/xj/core.js",
        "/app/static/xj/view.js",
        "/app/static/xj/xjmap.js",
        "/app/static/xj/snapshot.js",
    ]
    assert styles_[0] == settings.LOCAL_ASSET_URL + "leaflet.css"


def test_inline_assets_need_no_server(data):
    if not any((d / "leaflet.js").is_file() for d in settings.ASSET_DIRS):
        pytest.skip("Leaflet not installed: run npm ci")
    html = mapping.build_map(data, assets="inline").get_root().render()
    assert not re.findall(r'<script src="|<link rel="stylesheet"', html)
    assert "url(data:image/png;base64," in html  # layer-control icon inlined
    assert "XJMap.fold" in html  # the explorer's code
    assert re.search(r'"admin": \[\{[^{]*"features": \[', html)  # the base map embedded, not fetched


def test_the_export_is_a_page_of_its_own(data, tmp_path):
    if not any((d / "leaflet.js").is_file() for d in settings.ASSET_DIRS):
        pytest.skip("Leaflet not installed: run npm ci")
    out = tmp_path / "map.html"
    mapping.export_html(data, out)
    html = out.read_text(encoding="utf-8")
    title = str(escape(settings.TITLE))
    assert f"<title>{title}</title>" in html and f"<h1>{title}</h1>" in html
    assert f"{len(data.ports)} ports of entry" in html
    assert '"collapsed": true' in html  # the layer list is folded
    assert not re.findall(r'<(?:script|link|img)[^>]+(?:src|href)="https?://', html)  # nothing fetched


def test_unknown_asset_mode_raises(data):
    with pytest.raises(AssetError, match=r"map assets: expected one of local, cdn, inline; got 'web'\."):
        mapping.build_map(data, assets="web")


def test_many_ports_go_as_one_compact_canvas_payload(data, monkeypatch):
    monkeypatch.setattr(settings, "RICH_MAX_PORTS", 1)
    group = groups(mapping.build_map(data, assets="cdn"))["Ports of entry"]
    (layer,) = group._children.values()
    assert isinstance(layer, mapping.CompactPorts)
    payload = layer.payload
    assert len(payload["lat"]) == len(payload["names"]) == len(payload["search"]) == len(data.ports)
    assert payload["lat"][0] == round(data.ports.geometry.y.iloc[0], settings.COMPACT_DECIMALS)
    land_port = list(data.ports.index).index("urumqi-land-port")
    assert payload["colours"][payload["group"][land_port]] == settings.MODE_COLOURS["combined"]
    assert payload["lists"]["modes"][payload["group"][land_port]] == ["road", "rail"]


def test_the_compact_payload_travels_as_tight_json_that_no_name_can_break_out_of(data, monkeypatch):
    monkeypatch.setattr(settings, "RICH_MAX_PORTS", 1)
    hostile = "Port </script><script>alert(1)</script> & 'Horgos' 霍尔果斯"
    data.ports.loc["horgos-road", "name"] = hostile
    html = mapping.build_map(data, assets="cdn").get_root().render()
    (raw,) = re.findall(r"XJMap\.compactPorts\(\w+, (.*)\);", html)
    payload = json.loads(raw)
    assert payload["names"][list(data.ports.index).index("horgos-road")] == hostile  # the name, as text
    assert "<" not in raw and ">" not in raw and "'" not in raw  # nothing can close the script
    # No space after a separator: with them, the payload was 40% larger (3.3 against 2.3 MB at 10,000 ports).
    assert payload["ids"] and not re.search(r'[,:] [-\d"\[{]', raw)


def test_long_corridors_are_simplified_and_say_so(data, monkeypatch):
    monkeypatch.setattr(settings, "SIMPLIFY_ABOVE_VERTICES", 1)
    monkeypatch.setattr(settings, "SIMPLIFY_TOLERANCE", 10.0)
    corridor = features(mapping.build_map(data, assets="cdn"), "Rail corridors")["urumqi-horgos"]
    assert len(corridor["geometry"]["coordinates"]) == 2
    assert "Simplified for display." in corridor["properties"]["popup_html"]


def test_the_component_payload_is_the_map_without_its_asset_tags(data):
    payload = mapping.payload(mapping.build_map(data, assets="local"), data)
    assert set(payload) == {"css", "html", "script", "hash", "total"}
    assert payload["html"].strip().startswith('<div class="folium-map"')
    assert "<script" not in payload["script"] and "XJMap.explore(" in payload["script"]
    assert payload["total"] == {
        "ports": len(data.ports),
        "undrawn": 0,
        "corridors": len(data.corridors),
        "zones": len(data.zones),
    }


def test_the_leaflet_the_map_asks_for_is_the_one_npm_installs():
    pinned = json.loads((settings.PROJECT_DIR / "package.json").read_text(encoding="utf-8"))["dependencies"]["leaflet"]
    installed = json.loads((settings.PROJECT_DIR / "node_modules" / "leaflet" / "package.json").read_text())["version"]
    assert settings.LEAFLET_VERSION == pinned == installed
    assert f"leaflet@{pinned}/" in settings.CDN_ASSET_URL


def test_an_uncertain_port_gets_a_halo_of_its_radius_and_a_clearance_area_a_mark_and_a_line():
    dataset = load_dataset()  # the real data: Dulata known only to its county, Torugart's clearance at Topa
    m = mapping.build_map(dataset)
    group = groups(m)[settings.PORTS.title]
    halos = {
        c.options["className"].split("xj-for-")[1]: c for c in group._children.values() if isinstance(c, folium.Circle)
    }
    wide = dataset.ports[dataset.ports["uncertainty_km"] >= mapping.HALO_MIN_KM]
    assert set(halos) == set(wide.index) and "dulata" in halos
    assert halos["dulata"].options["radius"] == dataset.ports.loc["dulata", "uncertainty_km"] * 1000
    marks = [c for c in group._children.values() if "xj-clearance " in c.options.get("className", "")]
    assert {c.options["className"].split("xj-for-")[1] for c in marks} == set(
        dataset.ports[dataset.ports["clearance_point"].notna()].index
    )
    popup = features(m, settings.PORTS.title)["torugart"]["properties"]["popup_html"]
    assert "Clearance area: Topa" in popup and "Within 6 km" in popup
    # the figures come before the note on where it is drawn; the line under the name says it is approximate
    approximate = dataset.ports.index[dataset.ports["location_accuracy"] == "approximate"][0]
    popup = features(m, settings.PORTS.title)[approximate]["properties"]["popup_html"]
    assert popup.index('<div class="xj-figures">') < popup.index('class="xj-note"')
    assert "approximate location</div>" in popup
    assert any(r["source"][1].startswith("https://thepublicpurview.com/") for r in place_figures(m, "horgos-road"))
    assert "xj-halo-swatch" in mapping.legend_html()


@pytest.mark.parametrize(("rich_max", "ports_tabled"), [(1_000, True), (1, False)])
def test_figures_travel_only_for_places_drawn_with_popups(data, monkeypatch, rich_max, ports_tabled):
    # Compact ports have no figures in their popups: each would carry its groups' figures again (600,000 rows at
    # 100,000 ports, most of the build).
    monkeypatch.setattr(settings, "RICH_MAX_PORTS", rich_max)
    table = explorer_options(mapping.build_map(data, assets="cdn"))["figures"]
    cited_ports = set(data.facts["entity_id"]) & set(data.ports.index)
    assert cited_ports  # the fixture has figures about ports
    assert (cited_ports <= set(table["at"])) if ports_tabled else not (cited_ports & set(table["at"]))
    assert set(data.facts["entity_id"]) & set(data.zones.index) <= set(table["at"])  # zones keep their figures


def test_each_drawn_state_the_status_filter_has_no_choice_for_names_the_one_it_falls_under():
    # Bedel is drawn "suspended" but listed under the status filter's "approved": the legend says so, or a viewer
    # who chose "approved" wonders why a suspended port came with it.
    from geo.render.legend import PORT_STATE_LEGEND

    choices = set(settings.PORT_STATUSES) | {"open"}  # "open" is the drawn name of "operational"
    for state, label in PORT_STATE_LEGEND:
        if state not in choices:
            assert any(status in label for status in settings.PORT_STATUSES), label
