"""Counts beside the filters, the port counts reconciled against the articles, region-wide figures (small fixture)."""

from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd
import pytest
from shapely.geometry import Point

from geo.data import join
from geo.data.dataset import load_dataset
from geo.explore.filter import filter_ports
from geo.render import summary


@pytest.fixture
def unknown(with_unknown_port):
    """The fixture with a port of unknown location, counted towards approved_ports."""
    return load_dataset(with_unknown_port)


def test_port_counts(mini_dataset):
    counts = summary.port_counts(mini_dataset.ports)
    assert counts["shown"] == len(mini_dataset.ports) == 2
    assert (counts["mode_road"], counts["mode_rail"], counts["mode_air"]) == (2, 1, 0)  # land port is road + rail
    assert (counts["status_operational"], counts["location_unknown"]) == (2, 0)


def test_port_counts_say_how_many_are_not_drawn(unknown):
    counts = summary.port_counts(unknown.ports)
    assert (counts["shown"], counts["location_unknown"], counts["mode_road"]) == (3, 1, 3)


def test_counted_ports_lists_the_ports_behind_each_measure(unknown):
    counted = summary.counted_ports(unknown.port_counts, unknown.ports)
    assert counted[["measure", "port_id", "name", "location"]].values.tolist() == [
        ["approved_ports", "horgos-road", "Horgos Road Port", "drawn"],
        ["highway_ports", "horgos-road", "Horgos Road Port", "drawn"],
        ["approved_ports", "dulata", "Dulata Port", "location unknown"],
    ]
    assert counted["ref_id"].tolist() == ["test-ref"] * 3


def test_reconciliation_sets_each_stated_count_beside_the_layers(unknown):
    cited = join.cite(unknown.facts, unknown.sources)
    table = summary.count_reconciliation(unknown.port_counts, unknown.ports, cited).set_index("measure")
    assert table.index.tolist() == ["approved_ports", "operational_ports", "highway_ports"]
    approved = table.loc["approved_ports"]
    assert (approved["layer_count"], approved["drawn"], approved["location_unknown"]) == (2, 1, 1)
    assert [s["text"] for s in approved["stated"]] == ["21"]
    assert approved["stated"][0]["publisher"] == "Test Publisher"
    assert approved["stated"][0]["source"].startswith("Test Publisher, 2025-01-02")
    assert [(p["id"], p["location"]) for p in approved["ports"]] == [
        ("horgos-road", "drawn"),
        ("dulata", "location unknown"),
    ]
    assert approved["shown"] is None
    # A measure the articles state but no port is yet reconciled to: count 0, nothing listed.
    operational = table.loc["operational_ports"]
    assert (operational["layer_count"], operational["stated"], operational["ports"]) == (0, [], [])
    assert [s["value"] for s in table.loc["highway_ports", "stated"]] == [14.0]


def test_reconciliation_follows_the_filter(unknown):
    cited = join.cite(unknown.facts, unknown.sources)
    rail = filter_ports(unknown.ports, modes=["rail"])
    table = summary.count_reconciliation(unknown.port_counts, unknown.ports, cited, shown=rail).set_index("measure")
    assert table["shown"].tolist() == [0, 0, 0]


def test_stated_comparison_from_the_count_table(mini_dataset):
    cited = join.cite(mini_dataset.facts, mini_dataset.sources)
    table = summary.stated_comparison(mini_dataset.ports, mini_dataset.ports, cited, mini_dataset.port_counts)
    assert table[["Measure", "Shown", "In the layer", "Articles say"]].values.tolist() == [
        ["Ports of entry approved", 1, 1, "21"],
        ["Highway (road) ports", 1, 1, "14"],
    ]


def test_stated_comparison_by_the_old_rules_without_a_count_table(mini_dataset):
    cited = join.cite(mini_dataset.facts, mini_dataset.sources)
    rail = filter_ports(mini_dataset.ports, modes=["rail"])
    table = summary.stated_comparison(rail, mini_dataset.ports, cited).set_index("Measure")
    assert table.loc["Highway (road) border ports", ["Shown", "In the layer"]].tolist() == [0, 1]


def test_region_figures(mini_dataset):
    cited = join.cite(mini_dataset.facts, mini_dataset.sources)
    tables = summary.region_figures(cited, mini_dataset.groups)
    assert list(tables) == ["Xinjiang Uygur Autonomous Region", "China (Xinjiang) Pilot Free Trade Zone"]
    region = tables["Xinjiang Uygur Autonomous Region"].set_index("Fact")
    assert region.loc["t-02", "Value"] == "21"
    assert region.loc["t-02", "Source"].startswith("Test Publisher")


def test_a_count_that_reconciles_only_through_an_open_port_says_so_plainly(dataset):
    cited = join.cite(dataset.facts, dataset.sources)
    table = summary.count_reconciliation(dataset.port_counts, dataset.ports, cited).set_index("measure")
    operating = table.loc["operational_ports", "caveat"]
    assert operating.startswith("The layer reaches 19 only if Bedel Port counts; without, 18.")
    assert "its own status: approved" in operating and "not in the 2025 list" in operating
    assert ".)" not in operating  # a note's own full stop is not left inside the brackets before the sentence's
    assert table.loc["highway_ports", "caveat"].startswith(
        "The layer reaches 14 only if Bedel Port counts; without, 13."
    )


VIEW_CASES = json.loads((Path(__file__).parent / "cases" / "view.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", VIEW_CASES["counts"], ids=lambda c: c["why"])
def test_ports_are_counted_by_mode_and_status_as_the_browser_counts_them(case):
    """The browser's sidebar counts (static/xj/view.js portCounts) follow this rule, on the same cases."""
    ports = gpd.GeoDataFrame(
        {"modes": [v["modes"] for v in case["values"]], "status": [v["status"] for v in case["values"]]},
        geometry=[Point(80, 40)] * len(case["values"]),
        crs="EPSG:4326",
    )
    counts = summary.port_counts(ports)
    assert counts["shown"] == len(case["values"])
    assert {m: counts[f"mode_{m}"] for m in case["modes"]} == case["modes"]
    assert {s: counts[f"status_{s}"] for s in case["statuses"]} == case["statuses"]
