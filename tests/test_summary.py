"""Counts beside the filters, against what the articles state; region-wide figures."""

from __future__ import annotations

from geo import join, summary
from geo.filter import filter_ports


def test_port_counts(dataset):
    counts = summary.port_counts(dataset.ports)
    assert counts["shown"] == 16
    assert (counts["mode_road"], counts["mode_rail"], counts["mode_air"]) == (12, 3, 2)  # land port is road + rail
    assert (counts["status_operational"], counts["status_seasonal"], counts["status_approved"]) == (13, 2, 1)


def test_stated_comparison_lists_every_stated_figure(dataset):
    cited = join.cite(dataset.facts, dataset.sources)
    table = summary.stated_comparison(dataset.ports, dataset.ports, cited)
    approved = table[table["Measure"] == "Ports of entry (any status)"]
    assert sorted(approved["Articles say"]) == ["19", "21"]  # the two articles disagree; both shown
    highway = table[table["Measure"] == "Highway (road) border ports"].iloc[0]
    assert (highway["In the layer"], highway["Articles say"]) == (11, "14")
    operating = table[table["Measure"] == "Ports in operation (operational or seasonal)"]
    assert set(operating["In the layer"]) == {14} and set(operating["Articles say"]) == {"19"}


def test_stated_comparison_follows_the_filter(dataset):
    cited = join.cite(dataset.facts, dataset.sources)
    rail = filter_ports(dataset.ports, modes=["rail"])
    table = summary.stated_comparison(rail, dataset.ports, cited)
    assert table.set_index("Measure").loc["Highway (road) border ports", "Shown"] == 0


def test_region_figures(dataset):
    cited = join.cite(dataset.facts, dataset.sources)
    tables = summary.region_figures(cited)
    assert list(tables) == [
        "Xinjiang Uygur Autonomous Region",
        "China (Xinjiang) Pilot Free Trade Zone (all three areas)",
        "Xinjiang's comprehensive bonded zones (all four)",
    ]
    region = tables["Xinjiang Uygur Autonomous Region"].set_index("Fact")
    assert region.loc["pd-02", "Value"] == "356.31 billion CNY"
    assert region.loc["pd-02", "Source"].startswith("People's Daily")
