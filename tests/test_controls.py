"""The filter registry: search folding, search keys with aliases and parent places, the rule book's spec."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import LineString, Point

from geo import settings
from geo.explore import controls, urlstate

# The cases the browser's code passes too (tests/js/core.test.js).
CASES = json.loads((Path(__file__).parent / "cases" / "rules.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(("typed", "folded"), CASES["fold"])
def test_fold(typed, folded):
    assert controls.fold(typed) == folded


@pytest.mark.skipif(shutil.which("node") is None, reason="Node.js is not installed (make install puts it to use)")
def test_the_browser_folds_every_character_as_python_does():
    # Each character Python's Unicode database knows, before a letter, folded by static/xj/core.js in Node.
    known = [cp for cp in range(sys.maxunicode + 1) if unicodedata.category(chr(cp)) not in ("Cn", "Cs")]
    script = (
        "const core = require(process.argv[1]); const cps = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        "process.stdout.write(JSON.stringify(cps.map(cp => core.fold(String.fromCodePoint(cp) + 'A'))));"
    )
    found = subprocess.run(
        ["node", "-e", script, str(settings.STATIC_DIR / "xj" / "core.js")],
        input=json.dumps(known),
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    browser = json.loads(found.stdout)
    differ = [(hex(cp), b) for cp, b in zip(known, browser, strict=True) if controls.fold(chr(cp) + "A") != b]
    assert len(known) > 200_000 and not differ, differ[:10]


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


def test_an_upload_carries_the_port_controls_values_it_has():
    upload = gpd.GeoDataFrame(
        {"id": ["a", "b"], "name": ["A", "B"], "mode": ["Road, rail", None], "status": ["open", 3]},
        geometry=[Point(1, 1), Point(2, 2)],
        crs=4326,
    ).set_index("id", drop=False)
    values = controls.feature_values("upload", upload)
    # No kind and no border_country: those controls do not filter it; a mode text gives its words.
    assert values == {"a": {"modes": ["road", "rail"], "status": "open"}, "b": {"modes": [], "status": "3"}}


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
    spec = controls.spec({"modes": {"road": 12}})
    assert [c["name"] for c in spec["controls"]] == [c.name for c in controls.CONTROLS]
    for control in controls.CONTROLS:
        assert urlstate.PARAMS[control.name] == control.param
        entry = next(c for c in spec["controls"] if c["name"] == control.name)
        assert [choice["value"] for choice in entry["choices"]] == list(control.choices)
        assert all(choice["label"] for choice in entry["choices"])
    assert spec["controls"][0]["choices"][0]["label"] == "Road (12)"
    assert spec["search"] == {"label": controls.SEARCH_LABEL, "max": controls.SEARCH_MAX}


def test_the_shared_cases_use_the_rule_book_the_browser_gets():
    # So the browser's tests (tests/js/) filter by the controls the map really ships.
    spec = controls.spec()
    rules = {
        "controls": [{k: c[k] for k in ("name", "layer", "field")} for c in spec["controls"]],
        "borrow": spec["borrow"],
    }
    assert CASES["rules"] == rules
