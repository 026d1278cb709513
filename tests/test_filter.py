"""Filters by mode, kind, country, status and a search over names, aliases and parent places."""

from __future__ import annotations

import json
from pathlib import Path

import folium
import geopandas as gpd
import pytest
from shapely.geometry import Point

from geo.errors import FilterError
from geo.explore import controls
from geo.explore.controls import search_keys
from geo.explore.filter import facet_counts, filter_layer, filter_ports, filter_upload, port_mode_group, shown
from geo.explore.upload import read_upload
from geo.render import mapping

# The cases the browser's code passes too (tests/js/core.test.js).
CASES = json.loads((Path(__file__).parent / "cases" / "rules.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES["filters"], ids=[c["why"] for c in CASES["filters"]])
def test_the_shared_filter_cases(case):
    needle = controls.fold(case["query"])
    found = [f["id"] for f in CASES["features"] if shown(f["layer"], f["values"], f["search"], case["filters"], needle)]
    assert found == case["shown"]


@pytest.mark.parametrize("case", CASES["search_keys"]["finds"], ids=[c["why"] for c in CASES["search_keys"]["finds"]])
def test_the_shared_search_cases(case):
    needle = controls.fold(case["query"])
    places = CASES["search_keys"]["places"]
    assert [p["id"] for p in places if shown(p["layer"], {}, p["search"], {}, needle)] == case["found"]


@pytest.mark.parametrize("case", CASES["facets"], ids=[c["why"] for c in CASES["facets"]])
def test_the_shared_facet_cases(case):
    counts = facet_counts(CASES["features"], case["filters"], controls.fold(case["query"]))
    found = {name: {choice: counts[name][choice] for choice in listed} for name, listed in case["counts"].items()}
    assert found == case["counts"]


def test_facet_counts_with_nothing_chosen_are_the_choice_counts(dataset):
    frames = {name: dataset.layer(name) for name in ("ports", "corridors", "zones")}
    features = [
        {"layer": layer, "values": values, "search": ""}
        for layer, frame in frames.items()
        for values in controls.feature_values(layer, frame).values()
    ]
    assert facet_counts(features, {}, "") == controls.choice_counts(frames)


@pytest.fixture
def ports():
    rows = [
        ("a", "Alpha Road", "甲公路", ["road"], "border", "KAZ", "operational"),
        ("b", "Beta Rail", "乙铁路", ["rail"], "border", "KAZ", "operational"),
        ("c", "Gamma Hub", "丙陆港", ["rail", "road"], "inland", None, "operational"),
        ("d", "Delta Air", "丁机场", ["air"], "airport", None, "seasonal"),
        ("e", "Epsilon Pass", "戊山口", ["road"], "border", "PAK", "approved"),
    ]
    columns = ["id", "name", "name_zh", "modes", "kind", "border_country", "status"]
    frame = gpd.GeoDataFrame(
        [dict(zip(columns, r, strict=True)) for r in rows], geometry=[Point(80, 44)] * len(rows), crs=4326
    )
    return frame.set_index("id", drop=False).rename_axis(None)


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({}, ["a", "b", "c", "d", "e"]),
        ({"modes": ["road"]}, ["a", "c", "e"]),
        ({"modes": ["rail"]}, ["b", "c"]),
        ({"modes": ["road", "air"]}, ["a", "c", "d", "e"]),
        ({"modes": []}, ["a", "b", "c", "d", "e"]),  # nothing chosen means all, as on the map
        ({"kinds": ["border"]}, ["a", "b", "e"]),
        ({"countries": ["PAK"]}, ["e"]),
        ({"countries": ["none"]}, ["c", "d"]),
        ({"statuses": ["operational", "seasonal"]}, ["a", "b", "c", "d"]),
        ({"text": "rail"}, ["b"]),
        ({"text": "béta"}, ["b"]),  # accents folded
        ({"text": "  GAMMA "}, ["c"]),
        ({"text": "机场"}, ["d"]),
        ({"modes": ["road"], "kinds": ["border"], "countries": ["KAZ"]}, ["a"]),
    ],
)
def test_filter_ports(ports, kwargs, expected):
    assert filter_ports(ports, **kwargs).index.tolist() == expected


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"modes": ["truck"]}, r"filter 'modes': expected values from road, rail, air; got 'truck'\."),
        ({"kinds": ["sea"]}, r"filter 'kinds': expected values from border, airport, inland; got 'sea'\."),
        ({"countries": ["FRA"]}, r"filter 'countries': expected values from KAZ, .*, none; got 'FRA'\."),
        ({"statuses": ["open"]}, r"filter 'statuses': expected values from operational, .*; got 'open'\."),
    ],
)
def test_unknown_filter_values_raise(ports, kwargs, message):
    with pytest.raises(FilterError, match=message):
        filter_ports(ports, **kwargs)


def test_an_unknown_control_raises(ports):
    with pytest.raises(FilterError, match=r"filters: expected controls from modes, kinds, .*; got 'mode'\."):
        filter_ports(ports, mode=["road"])


def test_port_mode_group():
    assert [port_mode_group(m) for m in (["road"], ["air"], ["rail", "road"])] == ["road", "air", "combined"]


def test_search_finds_aliases_parents_and_ports_of_a_corridor():
    ports = gpd.GeoDataFrame(
        {
            "id": ["hr"],
            "name": ["Horgos Road Port"],
            "name_zh": ["霍尔果斯公路口岸"],
            "aliases": [["Khorgos"]],
            "modes": [["road"]],
            "kind": ["border"],
            "border_country": ["KAZ"],
            "status": ["operational"],
        },
        geometry=[Point(80.4, 44.2)],
        crs=4326,
    ).set_index("id", drop=False)
    corridors = gpd.GeoDataFrame(
        {
            "id": ["c"],
            "name": ["Ürümqi line"],
            "status": ["operating"],
            "waypoints": [["Ürümqi"]],
            "via_ports": [["hr"]],
        },
        geometry=[Point(87, 43)],
        crs=4326,
    ).set_index("id", drop=False)
    keys = search_keys({"ports": ports, "corridors": corridors})
    assert filter_ports(ports, text="KHORGOS", keys=keys["ports"]).index.tolist() == ["hr"]
    assert filter_layer(corridors, "corridors", {}, text="霍尔果斯", keys=keys["corridors"]).index.tolist() == ["c"]
    assert filter_layer(corridors, "corridors", {}, text="urumqi", keys=keys["corridors"]).index.tolist() == ["c"]
    assert filter_layer(ports, "ports", {"modes": ("rail",)}).empty


def _upload() -> gpd.GeoDataFrame:
    features = [
        {"id": "u", "name": "Ürümqi depot", "mode": "road"},
        {"id": "j", "name": "Jalal-Abad", "name_zh": "贾拉拉巴德", "mode": "rail", "status": "planned"},
        {"id": "g", "name": "Gamma"},
    ]
    collection = {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "geometry": {"type": "Point", "coordinates": [75 + i, 41]}, "properties": p}
            for i, p in enumerate(features)
        ],
    }
    return read_upload(json.dumps(collection).encode(), "mine.geojson")


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"text": "urumqi"}, ["u"]),  # was 0 in Python, while the map showed it
        ({"text": "jalal abad"}, ["j"]),  # likewise
        ({"text": "贾拉拉巴德"}, ["j"]),  # was found in Python, not on the map
        ({"modes": ["rail"]}, ["j"]),  # Gamma has no mode where the layer has modes: it has none chosen
        ({"kinds": ["border"]}, ["u", "j", "g"]),  # no kind in the layer: kinds do not filter it
        ({"statuses": ["planned"], "countries": ["KAZ"]}, ["j"]),
    ],
)
def test_an_upload_is_filtered_in_python_as_on_the_map(mini_dataset, filters, expected):
    frame = _upload()
    assert filter_upload(frame, **filters).index.tolist() == expected
    # The map's copy of the upload: each feature's values and search key, filtered by the same rule the
    # browser applies (static/xj/core.js, held to the same cases as ``shown``).
    m = mapping.build_map(mini_dataset, assets="cdn", upload=("mine.geojson", frame))
    group = next(c for c in m._children.values() if getattr(c, "layer_name", "").startswith("Your layer"))
    drawn = [f for c in group._children.values() if isinstance(c, folium.GeoJson) for f in c.data["features"]]
    chosen = {name: filters.get(name) for name in ("modes", "kinds", "countries", "statuses")}
    needle = controls.fold(filters.get("text", ""))
    on_map = [
        f["id"] for f in drawn if shown("upload", f["properties"]["xj"], f["properties"]["search"], chosen, needle)
    ]
    assert on_map == [f"upload:{fid}" for fid in expected]  # the map's ids for an upload's features
