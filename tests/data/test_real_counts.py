"""The real port counts: each stated figure reconciled port by port, consistent with the layer and the articles."""

from __future__ import annotations

import pytest

from geo import settings
from geo.data import join
from geo.render import summary


@pytest.fixture(scope="module")
def reconciled(dataset):
    cited = join.cite(dataset.facts, dataset.sources)
    return summary.count_reconciliation(dataset.port_counts, dataset.ports, cited).set_index("measure")


@pytest.mark.parametrize("measure", settings.PORT_COUNT_MEASURES)
def test_each_measure_has_a_stated_figure(reconciled, measure):
    assert reconciled.loc[measure, "stated"], measure


@pytest.mark.parametrize("measure", settings.PORT_COUNT_MEASURES)
def test_the_layer_counts_what_the_articles_state(dataset, reconciled, measure):
    # The figures come from facts.csv; the reconciliation lists a port behind each one of them. Where the
    # references leave a member uncertain (Bedel), it is listed and marked so, and the certain members
    # alone must still fall short of the stated figure by no more than the uncertain ones.
    stated = dataset.facts.query("entity_id == @settings.PORT_COUNT_ENTITY and metric == @measure")["value"]
    row = reconciled.loc[measure]
    assert len(stated) >= 1
    for value in stated:
        assert row["layer_count"] == value, (measure, value)
        assert row["layer_count"] - row["uncertain"] <= value
    assert row["layer_count"] == row["drawn"] + row["location_unknown"] == len(row["ports"])


def test_counted_ports_fit_the_measure(dataset):
    counted = summary.counted_ports(dataset.port_counts, dataset.ports)
    certain = counted[counted["certainty"] == "certain"].set_index("port_id")
    ports = dataset.ports
    for measure, members in certain.groupby("measure"):
        chosen = ports.loc[members.index]
        assert (chosen["kind"] != "inland").all(), measure  # the land port is not one of the 21
        if measure == "operational_ports":
            assert chosen["status"].isin(["operational", "seasonal"]).all()
        if measure == "highway_ports":
            assert chosen["modes"].map(lambda m: "road" in m).all()
            assert (chosen["kind"] == "border").all()


def test_every_port_of_entry_is_counted_as_its_status_says(dataset):
    # The layer and the reconciliation agree: every port of entry that is not merely planned counts as
    # approved, every one in operation as operating, every road border port in operation as a highway port.
    ports = dataset.ports
    counted = summary.counted_ports(dataset.port_counts, dataset.ports)
    certain = counted[counted["certainty"] == "certain"].groupby("measure")["port_id"].apply(set)
    listed = counted.groupby("measure")["port_id"].apply(set)
    entry = ports[(ports["kind"] != "inland") & (ports["status"] != "planned")]
    operating = entry[entry["status"].isin(["operational", "seasonal"])]
    highway = operating[(operating["kind"] == "border") & operating["modes"].map(lambda m: "road" in m)]
    assert listed["approved_ports"] == set(entry.index)
    assert certain["operational_ports"] == set(operating.index)
    assert certain["highway_ports"] == set(highway.index)


def test_an_uncertain_member_says_why(dataset):
    uncertain = dataset.port_counts[dataset.port_counts["certainty"] == "uncertain"]
    assert uncertain["note"].str.startswith("Uncertain:").all()


def test_operating_ports_are_approved_and_highway_ports_operate(dataset):
    members = dataset.port_counts.groupby("measure")["port_id"].apply(set)
    assert members.get("operational_ports", set()) <= members.get("approved_ports", set())
    assert members.get("highway_ports", set()) <= members.get("operational_ports", set())


def test_every_count_row_cites_a_reference_with_a_note(dataset):
    assert dataset.port_counts["ref_id"].isin(dataset.references.index).all()
    assert dataset.port_counts["note"].str.len().min() > 5
