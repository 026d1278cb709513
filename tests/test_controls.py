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
from geo.data.build import write
from geo.data.dataset import load_dataset
from geo.explore import controls, urlstate
from geo.explore.filter import filter_layer

# The cases the browser's code passes too (tests/js/core.test.js).
CASES = json.loads((Path(__file__).parent / "cases" / "rules.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(("typed", "folded"), CASES["fold"])
def test_fold(typed, folded):
    assert controls.fold(typed) == folded


def test_fold_keeps_letters_and_digits_and_drops_marks_for_every_character():
    def by_character(text: str) -> str:
        decomposed = unicodedata.normalize("NFKD", text)
        return "".join(c for c in decomposed if c.isalnum() and not unicodedata.category(c).startswith("M")).lower()

    texts = [chr(cp) + "A" for cp in range(sys.maxunicode + 1) if not 0xD800 <= cp <= 0xDFFF]
    assert [t for t in texts if controls.fold(t) != by_character(t)] == []


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


def test_the_shared_search_keys_are_the_keys_python_builds():
    # The browser's tests (tests/js/) search these keys: they must be what the map is sent.
    cases = CASES["search_keys"]
    groups = pd.DataFrame(cases["groups"]).set_index("id", drop=False)
    frames = {
        layer: pd.DataFrame([{"id": p["id"], **p["fields"]} for p in cases["places"] if p["layer"] == layer]).set_index(
            "id", drop=False
        )
        for layer in dict.fromkeys(p["layer"] for p in cases["places"])
    }
    keys = controls.search_keys(frames, groups)
    assert {p["id"]: keys[p["layer"]][p["id"]] for p in cases["places"]} == {
        p["id"]: p["search"] for p in cases["places"]
    }


@pytest.mark.parametrize(
    ("crossing", "names"),
    [
        ("Dostyk (Kazakhstan)", ["Dostyk"]),
        ("Nur Zholy (Khorgos, Kazakhstan)", ["Nur Zholy", "Khorgos"]),
        ("Alekseyevka (Marqaköl, Kazakhstan)", ["Alekseyevka", "Marqaköl"]),
        ("Bedel-Avtodorozhny (Kyrgyzstan)", ["Bedel-Avtodorozhny"]),
        ("Bakhty", ["Bakhty"]),
        ("", []),
    ],
)
def test_a_partner_crossing_is_named_by_its_post_and_other_names_not_its_country(crossing, names):
    assert controls.crossing_names(crossing) == names


def test_a_corridor_is_found_by_its_stations_aliases(mini, edit_table):
    """A station's Chinese name or other spelling (stations.csv aliases) finds the corridors through it."""

    def name_jinghe(rows: list[dict]) -> None:
        next(row for row in rows if row["id"] == "jinghe")["aliases"] = "精河县;Jing"

    edit_table("stations", name_jinghe)
    write(mini)
    corridors = load_dataset(mini).layer("corridors")
    assert corridors.iloc[0]["waypoints"] == ["Ürümqi", "Jinghe", "Horgos"]  # shown as before
    keys = controls.search_keys({"corridors": corridors})["corridors"]
    assert "精河县" in keys[corridors.index[0]]
    assert list(filter_layer(corridors, "corridors", {}, "精河")["id"]) == list(corridors["id"])


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
    assert spec["controls"][0]["choices"][0] == {"value": "road", "label": "Road", "count": 12}
    assert spec["controls"][0]["choices"][1]["count"] is None  # not given: the browser counts it
    assert spec["search"] == {"label": controls.SEARCH_LABEL, "max": controls.SEARCH_MAX}


def test_the_shared_cases_use_the_rule_book_the_browser_gets():
    # So the browser's tests (tests/js/) filter by the controls the map really ships.
    spec = controls.spec()
    rules = {
        "controls": [{k: c[k] for k in ("name", "layer", "field")} for c in spec["controls"]],
        "borrow": spec["borrow"],
    }
    assert CASES["rules"] == rules


def _row_wise_keys(frames: dict, groups: pd.DataFrame | None = None) -> dict:
    """search_keys as it was first written, a row at a time: the reference the column-wise build must match."""

    def texts(value: object) -> list[str]:
        if isinstance(value, (list, tuple)):
            return [str(v) for v in value if v is not None]
        if value is None or (isinstance(value, float) and pd.isna(value)):
            return []
        return [str(value)]

    def names(row: pd.Series) -> list[str]:
        return [*texts(row.get("name")), *texts(row.get("name_zh")), *texts(row.get("id")), *texts(row.get("aliases"))]

    parents = {gid: names(row) for gid, row in groups.iterrows()} if groups is not None else {}
    port_names = {pid: names(row) for pid, row in frames.get("ports", pd.DataFrame()).iterrows()}
    keys: dict = {}
    for layer, frame in frames.items():
        keys[layer] = {}
        for fid, row in frame.iterrows():
            found = names(row) + parents.get(str(row.get("parent") or ""), []) + texts(row.get("place_aliases"))
            crossing = row.get("partner_crossing")
            found += controls.crossing_names(crossing) if isinstance(crossing, str) else []
            if layer == "corridors":
                found += texts(row.get("waypoints")) + texts(row.get("waypoint_aliases"))
                for port_id in texts(row.get("via_ports")):
                    found += port_names.get(port_id, [])
            keys[layer][fid] = "|".join(dict.fromkeys(controls.fold(n) for n in found if controls.fold(n)))
    return keys


def test_search_keys_match_the_row_wise_keys_on_the_real_data(dataset):
    frames = {layer.name: dataset.layer(layer.name) for layer in settings.LAYERS}
    assert controls.search_keys(frames, dataset.groups) == _row_wise_keys(frames, dataset.groups)


def test_feature_values_and_choice_counts_match_a_row_wise_reading_of_the_real_data(dataset):
    frames = {layer.name: dataset.layer(layer.name) for layer in settings.LAYERS}
    counts = controls.choice_counts(frames)
    for name, frame in frames.items():
        values = controls.feature_values(name, frame)
        for control in controls.applying(name):
            column = {"country": "border_country"}.get(control.field, control.field)
            for fid, row in frame.iterrows():
                want = row[column] if column != "border_country" else (row[column] or "none")
                assert values[fid][control.field] == (list(want) if isinstance(want, (list, tuple)) else want)
            assert counts[control.name] == {
                c: sum(controls.passes(v[control.field], (c,)) for v in values.values()) for c in control.choices
            }
    assert counts["modes"]["road"] > 0 and sum(counts["statuses"].values()) == len(frames["ports"])


def test_search_keys_match_the_row_wise_keys_on_a_synthetic_layer(frames):
    layers, groups = frames
    many = 300
    ports = gpd.GeoDataFrame(
        {
            "id": [f"p-{i}" for i in range(many)],
            # Missing, numeric and accented names; list, tuple and empty aliases; parents that are and are not groups.
            "name": [None if i % 7 == 0 else (i if i % 11 == 0 else f"Pört Nö.{i % 13}") for i in range(many)],
            "name_zh": [float("nan") if i % 5 == 0 else "合成口岸" for i in range(many)],
            "aliases": [[f"Alias {i}", None] if i % 3 else ((f"Ålias {i % 4}",) if i % 2 else []) for i in range(many)],
            "parent": [("horgos" if i % 4 else float("nan")) if i % 6 else None for i in range(many)],
        },
        geometry=[Point(80 + i / 1000, 44) for i in range(many)],
        crs=4326,
    ).set_index("id", drop=False)
    corridors = layers["corridors"].assign(via_ports=[["p-1", "p-2", "missing"]])
    zones = gpd.GeoDataFrame({"id": ["z"]}, geometry=[Point(80, 44)], crs=4326).set_index("id", drop=False)
    synthetic = {"ports": ports, "corridors": corridors, "zones": zones, "upload": ports.drop(columns=["id"])}
    keys = controls.search_keys(synthetic, groups)
    assert keys == _row_wise_keys(synthetic, groups)
    assert keys["ports"]["p-1"] == "portno1|合成口岸|p1|alias1|horgosport|霍尔果斯口岸|huoerguosi"
