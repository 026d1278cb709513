"""The filter registry: search folding, search keys with aliases and parent places, the filter bar's spec."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import LineString, Point

from geo.explore import controls, urlstate


@pytest.mark.parametrize(
    ("typed", "folded"),
    [
        ("Ürümqi", "urumqi"),
        ("  URUMQI ", "urumqi"),
        ("Jalal-Abad", "jalalabad"),
        ("Qapqal’s", "qapqals"),
        ("霍尔果斯 口岸", "霍尔果斯口岸"),
        ("Ｈｏｒｇｏｓ", "horgos"),  # full-width letters fold too (NFKD)
        ("", ""),
        (None, ""),
    ],
)
def test_fold(typed, folded):
    assert controls.fold(typed) == folded


@pytest.fixture
def frames():
    ports = gpd.GeoDataFrame(
        {
            "id": ["hr", "hl"],
            "name": ["Horgos Road Port", "Horgos Railway Port"],
            "name_zh": ["霍尔果斯公路口岸", "霍尔果斯铁路口岸"],
            "aliases": [["Khorgos", "Khorgas"], []],
            "parent": ["horgos", "horgos"],
            "modes": [["road"], ["rail"]],
            "kind": ["border", "border"],
            "border_country": ["KAZ", None],
            "status": ["operational", "seasonal"],
        },
        geometry=[Point(80.4, 44.2), Point(80.4, 44.2)],
        crs=4326,
    ).set_index("id", drop=False)
    corridors = gpd.GeoDataFrame(
        {"id": ["c"], "name": ["Ürümqi – Yining line"], "waypoints": [["Ürümqi", "Yining"]], "via_ports": [["hl"]]},
        geometry=[LineString([(87, 43), (81, 44)])],
        crs=4326,
    ).set_index("id", drop=False)
    groups = pd.DataFrame(
        {"name": ["Horgos port"], "name_zh": ["霍尔果斯口岸"], "aliases": [["Huoerguosi"]]}, index=["horgos"]
    )
    return {"ports": ports, "corridors": corridors}, groups


def test_search_keys_hold_names_aliases_parents_and_ports(frames):
    layers, groups = frames
    keys = controls.search_keys(layers, groups)
    assert "khorgos" in keys["ports"]["hr"] and "huoerguosi" in keys["ports"]["hl"]  # alias; the parent's alias
    assert "霍尔果斯" in keys["corridors"]["c"]  # a corridor is found by the ports it passes
    assert "urumqi" in keys["corridors"]["c"]  # folded
    # Names are kept apart, so a search never matches across the end of one name and the start of another.
    assert "porthorgos" not in keys["ports"]["hr"] and "|" in keys["ports"]["hr"]


def test_feature_values_follow_the_registry(frames):
    layers, _ = frames
    values = controls.feature_values("ports", layers["ports"])
    assert values["hr"] == {"modes": ["road"], "kind": "border", "country": "KAZ", "status": "operational"}
    assert values["hl"]["country"] == "none"  # no neighbouring country: chosen as "none"


@pytest.mark.parametrize(
    ("value", "chosen", "passes"),
    [
        (["rail", "road"], ("road",), True),
        (["rail"], ("road", "air"), False),
        ("KAZ", ("KAZ",), True),
        ("KAZ", (), True),  # nothing chosen: everything passes
    ],
)
def test_passes(value, chosen, passes):
    assert controls.passes(value, chosen) is passes


def test_every_control_is_a_link_parameter_and_a_filter_bar_entry():
    spec = controls.bar_spec()
    assert [c["name"] for c in spec] == [c.name for c in controls.CONTROLS]
    for control in controls.CONTROLS:
        assert urlstate.PARAMS[control.name] == control.param
        entry = next(c for c in spec if c["name"] == control.name)
        assert [choice["value"] for choice in entry["choices"]] == list(control.choices)
        assert all(choice["label"] for choice in entry["choices"])
