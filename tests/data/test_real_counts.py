"""The real port counts: each stated figure reconciled port by port, consistent with the layer."""

from __future__ import annotations

import pytest

from geo import join, settings, summary


@pytest.fixture(scope="module")
def reconciled(dataset):
    cited = join.cite(dataset.facts, dataset.sources)
    return summary.count_reconciliation(dataset.port_counts, dataset.ports, cited).set_index("measure")


@pytest.mark.parametrize("measure", settings.PORT_COUNT_MEASURES)
def test_each_measure_has_a_stated_figure(reconciled, measure):
    assert reconciled.loc[measure, "stated"], measure


@pytest.mark.parametrize("measure", settings.PORT_COUNT_MEASURES)
def test_the_layer_never_counts_more_ports_than_an_article_states(reconciled, measure):
    row = reconciled.loc[measure]
    assert row["layer_count"] <= max(s["value"] for s in row["stated"])
    assert row["layer_count"] == row["drawn"] + row["location_unknown"] == len(row["ports"])


def test_counted_ports_fit_the_measure(dataset):
    counted = summary.counted_ports(dataset.port_counts, dataset.ports).set_index("port_id")
    ports = dataset.ports
    for measure, members in counted.groupby("measure"):
        chosen = ports.loc[members.index]
        assert (chosen["kind"] != "inland").all(), measure  # the land port is not one of the 21
        if measure == "operational_ports":
            assert chosen["status"].isin(["operational", "seasonal"]).all()
        if measure == "highway_ports":
            assert chosen["modes"].map(lambda m: "road" in m).all()
            assert (chosen["kind"] == "border").all()


def test_operating_ports_are_approved_and_highway_ports_operate(dataset):
    members = dataset.port_counts.groupby("measure")["port_id"].apply(set)
    assert members.get("operational_ports", set()) <= members.get("approved_ports", set())
    assert members.get("highway_ports", set()) <= members.get("operational_ports", set())


def test_every_count_row_cites_a_reference_with_a_note(dataset):
    assert dataset.port_counts["ref_id"].isin(dataset.references.index).all()
    assert dataset.port_counts["note"].str.len().min() > 5
