"""Filters by mode, kind, country, status and a search over names, aliases and parent places."""

from __future__ import annotations

import geopandas as gpd
import pytest
from shapely.geometry import Point

from geo.errors import FilterError
from geo.explore.controls import search_keys
from geo.explore.filter import filter_corridors, filter_layer, filter_ports, port_mode_group


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
    assert filter_corridors(corridors, text="霍尔果斯", keys=keys["corridors"]).index.tolist() == ["c"]
    assert filter_corridors(corridors, text="urumqi", keys=keys["corridors"]).index.tolist() == ["c"]
    assert filter_layer(ports, "ports", {"modes": ("rail",)}).empty
