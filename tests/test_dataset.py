"""The Dataset: every layer and table loaded together, with groups, port counts and references (small fixture)."""

from __future__ import annotations

import pytest

from geo.data.dataset import load_dataset
from geo.errors import DataError


def test_the_dataset_holds_layers_tables_groups_counts_and_references(mini_dataset):
    data = mini_dataset
    assert list(data.ports.index) == ["horgos-road", "urumqi-land-port"]
    assert list(data.corridors.index) == ["urumqi-horgos"] and list(data.zones.index) == ["ftz-horgos"]
    assert data.groups.loc["horgos", ["name", "kind"]].tolist() == ["Horgos Port (road and rail)", "port"]
    assert data.groups.loc["horgos", "aliases"] == ["Khorgos", "Khorgas"]
    assert data.groups.loc["xinjiang-ftz", "aliases"] == []
    assert data.port_counts.columns.tolist() == ["measure", "port_id", "certainty", "ref_id", "note"]
    assert data.references.loc["test-ref", "url"] == "https://example.org/test"
    assert data.facts["value"].dtype == float


def test_parents_and_names_of_every_entity(mini_dataset):
    assert mini_dataset.parents() == {
        "horgos-road": "horgos",
        "urumqi-land-port": None,
        "urumqi-horgos": None,
        "ftz-horgos": "xinjiang-ftz",
    }
    names = mini_dataset.entity_names()
    assert names["horgos"] == "Horgos Port (road and rail)" and names["horgos-road"] == "Horgos Road Port"


def test_a_fact_may_cite_a_group(mini_dataset):
    assert mini_dataset.facts.set_index("fact_id").loc["t-04", "entity_id"] == "horgos"


def test_a_port_of_unknown_location_is_listed(with_unknown_port):
    data = load_dataset(with_unknown_port)
    assert data.ports.index.tolist()[-1] == "dulata"
    assert data.ports.loc["dulata"].geometry is None
    assert data.ports.geometry.notna().sum() == 2


def test_a_count_row_for_a_port_the_layer_lacks_is_named(mini, edit_table):
    # The table names a port of ports.csv, but the layer was not rebuilt.
    edit_table("ports", lambda rows: rows.append({**rows[0], "id": "bakhty", "parent": ""}))
    edit_table("port_counts", lambda rows: rows.append({**rows[0], "port_id": "bakhty"}))
    with pytest.raises(
        DataError,
        match=r"port_counts\.csv: row 4 \('approved_ports', 'bakhty'\): field 'port_id': "
        r"expected a port in ports\.geojson; got one the layer lacks \(run python -m geo build\)\.$",
    ):
        load_dataset(mini)


def test_a_data_folder_cannot_loosen_the_schema(mini):
    # The project's datapackage.json is the schema, whatever a data folder holds.
    (mini / "datapackage.json").write_text('{"resources": []}', encoding="utf-8")
    (mini / "groups.csv").unlink()
    with pytest.raises(DataError, match=r"groups\.csv: file not found\.$"):
        load_dataset(mini)
