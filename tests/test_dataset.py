"""The real layers and tables: complete, RFC 7946, every fact joined, nothing orphaned."""

from __future__ import annotations

import json

import pytest

from geo import settings
from geo.load import read_geojson
from geo.validate import layer_problems

# The five ports the articles centre on, and the ones the issue names, must be in the layer.
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


def test_horgos_has_road_and_rail_ports(dataset):
    horgos = dataset.ports.loc[["horgos-road", "horgos-rail"]]
    assert horgos["modes"].tolist() == [["road"], ["rail"]]


@pytest.mark.parametrize(
    ("port_id", "kind", "modes"),
    [
        ("urumqi-airport", "airport", ["air"]),
        ("kashgar-airport", "airport", ["air"]),
        ("urumqi-land-port", "inland", ["rail", "road"]),
        ("torugart", "border", ["road"]),
    ],
)
def test_key_ports_have_the_right_kind_and_modes(dataset, port_id, kind, modes):
    port = dataset.ports.loc[port_id]
    assert (port["kind"], port["modes"]) == (kind, modes)


def test_corridors_cover_both_exits_and_the_cku_railway(dataset):
    corridors = dataset.corridors
    assert {"alashankou-rail", "horgos-rail"} <= {p for ports in corridors["via_ports"] for p in ports}
    cku = corridors.loc["china-kyrgyzstan-uzbekistan"]
    assert cku["status"] == "under_construction"
    assert cku["waypoints"][0] == "Kashgar" and cku["waypoints"][-1] == "Andijan"
    assert corridors["gauge_change"].notna().sum() >= 3


def test_ftz_sections_add_up_to_the_stated_total(dataset):
    sections = dataset.zones[dataset.zones["kind"] == "ftz_section"]
    stated = dataset.facts.query("entity_id == 'xinjiang-ftz' and metric == 'area'")["value"].item()
    assert len(sections) == 3
    assert sections["official_area_km2"].sum() == pytest.approx(stated)  # 179.66 km²


def test_every_fact_joins_to_an_entity_and_a_source(dataset):
    entities = {*settings.AGGREGATE_ENTITIES, *dataset.ports.index, *dataset.corridors.index, *dataset.zones.index}
    assert set(dataset.facts["entity_id"]) <= entities
    assert set(dataset.facts["source_id"]) <= set(dataset.sources["source_id"])


def test_every_source_is_cited_by_facts(dataset):
    assert set(dataset.sources["source_id"]) == set(dataset.facts["source_id"])


def test_every_feature_names_a_reference(dataset):
    for name in ("ports", "corridors", "zones"):
        frame = dataset.layer(name)
        assert frame["sources"].map(len).min() >= 1, name


def test_approximate_places_say_so(dataset):
    approximate = dataset.ports[dataset.ports["location_accuracy"] == "approximate"]
    assert approximate["location_note"].str.len().min() > 10
    assert set(dataset.zones["geometry_quality"]) == {"approximate"}
    assert dataset.zones["location_note"].str.contains("not the real boundary").all()


def test_disagreeing_sources_are_both_kept(dataset):
    facts = dataset.facts.set_index("fact_id")
    assert facts.loc[["pd-22", "pc-14"], "value"].tolist() == [21.0, 19.0]  # approved ports
    assert facts.loc[["pd-17", "ftz-05"], "value"].tolist() == [446.0, 370.0]  # Urumqi air cargo growth


def test_stated_port_counts_are_in_the_facts(dataset):
    stated = dataset.facts[dataset.facts["entity_id"] == "xinjiang"].set_index("fact_id")["value"]
    assert (stated["pd-22"], stated["pd-23"], stated["pd-24"]) == (21, 19, 14)
