"""The real data: layers built from the tables, every place referenced, nothing orphaned.

Expectations come from the data and its references, not from counts written here: adding a valid
row to a table changes no assertion in this file.
"""

from __future__ import annotations

import json
import re

import pytest

from geo import settings
from geo.__main__ import main
from geo.data import build
from geo.data.load import parse_coordinate, read_geojson, read_package, read_tables, split_list
from geo.data.validate import layer_problems

# The ports the articles centre on, and the ones issue 8 names, must stay in the layer.
REQUIRED_PORTS = {
    "horgos-road",
    "horgos-rail",
    "alashankou-rail",
    "torugart",
    "kashgar-airport",
    "urumqi-airport",
    "urumqi-land-port",
    "irkeshtam",
    "khunjerab",
    "karasu",
    "bakhty",
    "jeminay",
    "takeshiken",
    "ulastai",
}


@pytest.fixture(scope="module")
def tables():
    return read_tables(settings.DATA_DIR, read_package())


def test_the_build_reproduces_the_committed_layers_byte_for_byte():
    assert build.stale_problems() == []


def test_validate_command_accepts_the_real_data(dataset, capsys):
    assert main(["validate"]) == 0
    out = capsys.readouterr().out
    assert f"valid ({len(dataset.ports)} ports, {len(dataset.corridors)} corridors, {len(dataset.zones)} zones" in out


@pytest.mark.parametrize("layer", settings.LAYERS, ids=lambda layer: layer.name)
def test_layer_file_passes_every_rule(layer):
    assert layer_problems(read_geojson(layer.path), layer) == []


@pytest.mark.parametrize("layer", settings.LAYERS, ids=lambda layer: layer.name)
def test_layer_is_plain_rfc7946(layer):
    raw = json.loads(layer.path.read_text(encoding="utf-8"))
    assert raw["type"] == "FeatureCollection"
    assert "crs" not in raw
    assert all(f["id"] == f["properties"]["id"] for f in raw["features"])


def test_required_ports_are_present(dataset):
    assert set(dataset.ports.index) >= REQUIRED_PORTS


def test_whole_ports_group_a_road_and_a_rail_port(dataset):
    for group_id in dataset.groups.index[dataset.groups["kind"] == "port"]:
        members = dataset.ports[dataset.ports["parent"] == group_id]
        assert {m for modes in members["modes"] for m in modes} >= {"road", "rail"}, group_id


def test_every_cited_coordinate_is_in_its_reference(tables):
    # The coordinate is written once, as cited: the reference's claim must hold the same text.
    claims = tables["references"].set_index("ref_id")["claim"]
    for name in ("ports", "stations"):
        rows = tables[name][tables[name]["coordinate"] != ""]
        for row in rows.itertuples():
            assert row.coordinate in claims[row.coordinate_ref], (name, row.id)
            parse_coordinate(row.coordinate)


def test_every_drawn_port_has_a_second_reference(tables):
    # A position is checked against a second, independent reference, cited in the port's sources (or, for
    # a port placed at a station, besides the station's own reference); the note says what it showed.
    ports = tables["ports"][tables["ports"]["location_accuracy"] != "unknown"]
    stations = tables["stations"].set_index("id")["coordinate_ref"]
    for row in ports.itertuples():
        first = row.coordinate_ref or stations[row.located_at]
        assert set(split_list(row.sources)) - {first}, row.id


def test_a_published_border_distance_is_in_its_reference(tables):
    claims = tables["references"].set_index("ref_id")["claim"]
    rows = tables["ports"][tables["ports"]["border_distance_km"] != ""]
    assert len(rows) >= 1
    for row in rows.itertuples():
        assert re.search(rf"(?<![\d.]){re.escape(row.border_distance_km)} km", claims[row.border_distance_ref]), row.id


def test_every_official_area_is_in_its_reference(tables):
    claims = tables["references"].set_index("ref_id")["claim"]
    for row in tables["zones"].itertuples():
        assert re.search(rf"(?<![\d.]){re.escape(row.official_area_km2)}\s*km²", claims[row.area_ref]), row.id


def test_every_reference_is_cited(tables):
    cited = set()
    for name in ("ports", "stations", "zones", "port_counts", "events", "position_checks"):
        for column in (
            "coordinate_ref",
            "clearance_ref",
            "area_ref",
            "centre_ref",
            "aliases_ref",
            "border_distance_ref",
            "ref_id",
            "check_ref",
        ):
            if column in tables[name]:
                cited |= set(tables[name][column]) - {""}
    for name in ("ports", "corridors", "zones"):
        cited |= {r for cell in tables[name]["sources"] for r in split_list(cell)}
    assert set(tables["references"]["ref_id"]) - cited == set()


def test_every_fact_joins_to_an_entity_and_a_source(dataset):
    entities = {*dataset.groups.index, *dataset.ports.index, *dataset.corridors.index, *dataset.zones.index}
    assert set(dataset.facts["entity_id"]) <= entities
    assert set(dataset.facts["source_id"]) <= set(dataset.sources["source_id"])


def test_every_source_is_cited_by_facts(dataset):
    assert set(dataset.sources["source_id"]) == set(dataset.facts["source_id"])


def test_every_feature_names_a_reference(dataset):
    for layer in settings.LAYERS:
        assert dataset.layer(layer.name)["sources"].map(len).min() >= 1, layer.name


def test_approximate_and_unknown_places_say_so(dataset):
    vague = dataset.ports[dataset.ports["location_accuracy"] != "exact"]
    assert vague["location_note"].str.len().min() > 10
    assert set(dataset.zones["geometry_quality"]) == {"approximate"}
    assert dataset.zones["location_note"].str.contains("not the real boundary").all()
    unknown = dataset.ports["location_accuracy"] == "unknown"
    assert dataset.ports.geometry.isna().equals(unknown)


def test_ftz_sections_add_up_to_the_stated_total(dataset):
    sections = dataset.zones[dataset.zones["parent"] == "xinjiang-ftz"]
    stated = dataset.facts.query("entity_id == 'xinjiang-ftz' and metric == 'area'")["value"]
    assert len(stated) >= 1
    for total in stated:
        assert sections["official_area_km2"].sum() == pytest.approx(total)


def test_frictionless_accepts_the_data_package_and_the_tables():
    # An independent check that datapackage.json is a Frictionless data package and the tables
    # pass Frictionless's own validation (types, constraints, primary and foreign keys).
    from frictionless import Package

    report = Package(str(settings.DATAPACKAGE_PATH)).validate()
    problems = [
        (task.name, e.type, getattr(e, "row_number", None), e.note) for task in report.tasks for e in task.errors
    ]
    assert problems == []
