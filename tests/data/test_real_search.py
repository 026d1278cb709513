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


def test_typing_korgas_or_khorgas_finds_the_horgos_zones(dataset, tables):
    # "Khorgos" found the Horgos FTZ area and the cooperation center; "Korgas" and "Khorgas", which the tables
    # give the town of Khorgos and the Horgos ports, found neither.
    zones = dataset.layer("zones")
    keys = controls.search_keys({"zones": zones}, dataset.groups)["zones"]
    ports = tables["ports"]
    towns = {
        f"station:{s}" for s in ports.loc[(ports["parent"] == "horgos") & (ports["located_at"] != ""), "located_at"]
    }
    horgos = {row.id for row in tables["zones"].itertuples() if towns & set(split_list(row.centre_at))}
    assert {"ftz-horgos", "icbc-horgos"} <= horgos
    for typed in ("Korgas", "Khorgas", "Khorgos", "Qorghas", "Huoerguosi"):
        assert set(filter_layer(zones, "zones", {}, typed, keys).index) == horgos, typed


def test_every_alias_of_a_zones_town_and_port_group_finds_it(dataset, tables):
    zones = dataset.layer("zones")
    keys = controls.search_keys({"zones": zones}, dataset.groups)["zones"]
    stations = tables["stations"].set_index("id")["aliases"].map(split_list)
    groups = tables["groups"].set_index("id")["aliases"].map(split_list)
    ports = tables["ports"]
    checked = 0
    for zone in tables["zones"].itertuples():
        for place in split_list(zone.centre_at):
            kind, place_id = place.split(":", 1)
            if kind != "station":
                continue
            here = ports.loc[ports["located_at"] == place_id, "parent"]
            for alias in stations[place_id] + [a for g in here if g for a in groups[g]]:
                assert zone.id in filter_layer(zones, "zones", {}, alias, keys).index, (zone.id, alias)
                checked += 1
    assert checked > 10
