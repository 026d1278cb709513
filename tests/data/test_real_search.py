"""The real data's search: a corridor by every name of every station it passes; a port by its partner crossing.

Expectations come from the tables (stations.csv aliases, corridor_waypoints.csv), not from names written here.
"""

from __future__ import annotations

import pytest

from geo import settings
from geo.data.load import read_package, read_tables, split_list
from geo.explore import controls
from geo.explore.filter import filter_layer


@pytest.fixture(scope="module")
def tables():
    return read_tables(settings.DATA_DIR, read_package())


def test_every_station_alias_finds_every_corridor_through_that_station(dataset, tables):
    corridors = dataset.layer("corridors")
    keys = controls.search_keys({"corridors": corridors}, dataset.groups)["corridors"]
    through: dict[str, set[str]] = {}
    for row in tables["corridor_waypoints"].itertuples():
        through.setdefault(row.station_id, set()).add(row.corridor_id)
    stations = tables["stations"]
    assert (stations["aliases"] != "").any()
    for row in stations[stations["aliases"] != ""].itertuples():
        for alias in split_list(row.aliases):
            found = set(filter_layer(corridors, "corridors", {}, alias, keys).index)
            assert found >= through.get(row.id, set()), (row.id, alias)


def test_a_stations_aliases_from_their_own_reference_are_in_its_claim(tables):
    # Where the coordinate's page does not give the names, the page that does is cited and its claim holds them.
    claims = tables["references"].set_index("ref_id")["claim"]
    stations = tables["stations"]
    for row in stations[stations["aliases_ref"] != ""].itertuples():
        for alias in split_list(row.aliases):
            assert alias in claims[row.aliases_ref], (row.id, alias)


def test_typing_dostyk_finds_the_alashankou_ports(dataset, tables):
    # Dostyk, the Kazakh station and post opposite Alashankou, found nothing: ports.csv names it as both
    # Alashankou ports' partner crossing.
    ports = dataset.layer("ports")
    keys = controls.search_keys({"ports": ports}, dataset.groups)["ports"]
    opposite = set(tables["ports"].loc[tables["ports"]["partner_crossing"].str.startswith("Dostyk"), "id"])
    assert opposite == set(ports.index[ports["parent"] == "alashankou"])
    assert set(filter_layer(ports, "ports", {}, "Dostyk", keys).index) == opposite


def test_every_port_is_found_by_its_partner_crossing(dataset, tables):
    ports = dataset.layer("ports")
    keys = controls.search_keys({"ports": ports}, dataset.groups)["ports"]
    partners = tables["ports"].loc[tables["ports"]["partner_crossing"] != "", ["id", "partner_crossing"]]
    assert len(partners) > 10
    for row in partners.itertuples():
        post = row.partner_crossing.split("(")[0]  # as a viewer types it: the post's name alone
        assert row.id in filter_layer(ports, "ports", {}, post, keys).index, (row.id, post)
