"""Filters by mode, kind, country, status and name, on a small table and on the real data."""

from __future__ import annotations

import geopandas as gpd
import pytest
from shapely.geometry import Point

from geo.errors import FilterError
from geo.filter import filter_corridors, filter_ports, filter_zones, port_mode_group


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
        ({"modes": []}, []),
        ({"kinds": ["border"]}, ["a", "b", "e"]),
        ({"countries": ["PAK"]}, ["e"]),
        ({"countries": ["none"]}, ["c", "d"]),
        ({"statuses": ["operational", "seasonal"]}, ["a", "b", "c", "d"]),
        ({"text": "rail"}, ["b"]),
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


def test_rail_filter_on_real_data(dataset):
    rail = filter_ports(dataset.ports, modes=["rail"])
    assert set(rail.index) == {"horgos-rail", "alashankou-rail", "urumqi-land-port"}


def test_filter_corridors_and_zones(dataset):
    building = filter_corridors(dataset.corridors, statuses=["under_construction"])
    assert building.index.tolist() == ["china-kyrgyzstan-uzbekistan"]
    assert filter_corridors(dataset.corridors, text="almaty").index.tolist() == ["horgos-almaty"]
    assert len(filter_zones(dataset.zones, kinds=["ftz_section"])) == 3
    assert filter_zones(dataset.zones, text="喀什").index.tolist() == ["ftz-kashgar", "cbz-kashgar"]
