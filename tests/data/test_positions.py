"""Every port drawn, each position within its stated uncertainty of a second reference, clearance areas sourced."""

from __future__ import annotations

import re

import pytest
from pyproj import Geod

from geo import settings
from geo.data.load import parse_coordinate, read_package, read_tables

GEOD = Geod(ellps="WGS84")
# The requirement: a border port's drawn crossing lies within this distance of its published crossing.
CROSSING_MAX_KM = 15


@pytest.fixture(scope="module")
def tables():
    return read_tables(settings.DATA_DIR, read_package())


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    return GEOD.inv(a[0], a[1], b[0], b[1])[2] / 1000


def test_every_port_is_drawn(dataset, tables):
    # No port is left off the map: one drawn point per row of ports.csv, whatever its precision.
    assert len(dataset.ports) == len(tables["ports"])
    assert dataset.ports.geometry.notna().all()
    assert (dataset.ports["location_accuracy"] != "unknown").all()


def test_every_port_states_its_uncertainty(dataset):
    assert (dataset.ports["uncertainty_km"] > 0).all()


def test_every_clearance_coordinate_is_in_its_reference(tables):
    claims = tables["references"].set_index("ref_id")["claim"]
    rows = tables["ports"][tables["ports"]["clearance_coordinate"] != ""]
    assert len(rows) >= 1
    for row in rows.itertuples():
        assert row.clearance_coordinate in claims[row.clearance_ref], row.id


def test_every_second_position_is_in_its_reference(tables):
    claims = tables["references"].set_index("ref_id")["claim"]
    for row in tables["position_checks"].itertuples():
        assert row.coordinate in claims[row.ref_id], (row.port_id, row.ref_id)


def _checked(dataset, tables):
    """Each second reference's position beside the drawn position it checks and that position's uncertainty."""
    for row in tables["position_checks"].itertuples():
        port = dataset.ports.loc[row.port_id]
        if row.role == "crossing":
            drawn, radius = (port.geometry.x, port.geometry.y), port["uncertainty_km"]
        else:
            drawn, radius = tuple(port["clearance_point"]), port["clearance_uncertainty_km"]
        yield row, drawn, parse_coordinate(row.coordinate), radius


def test_each_position_lies_within_its_uncertainty_of_a_second_reference(dataset, tables):
    far = {
        (row.port_id, row.role, row.ref_id): round(km(drawn, other), 2)
        for row, drawn, other, radius in _checked(dataset, tables)
        if km(drawn, other) > radius
    }
    assert far == {}


def test_each_border_crossing_lies_near_its_published_crossing(dataset, tables):
    crossings = [c for c in _checked(dataset, tables) if c[0].role == "crossing"]
    assert {c[0].port_id for c in crossings} >= {"torugart", "irkeshtam", "khunjerab"}
    assert {(row.port_id, row.ref_id): round(km(drawn, other), 1) for row, drawn, other, _ in crossings} == {
        (row.port_id, row.ref_id): round(km(drawn, other), 1)
        for row, drawn, other, _ in crossings
        if km(drawn, other) <= CROSSING_MAX_KM
    }


def test_the_check_would_catch_a_port_drawn_at_its_clearance_area(dataset, tables):
    # Torugart drawn at Topa, as before, would lie 90 km from the second reference's pass.
    row, _, other, radius = next(c for c in _checked(dataset, tables) if c[0].port_id == "torugart")
    topa = tuple(dataset.ports.loc["torugart", "clearance_point"])
    assert km(topa, other) > max(radius, CROSSING_MAX_KM)


def test_a_clearance_area_is_no_farther_than_its_published_road_distance(dataset):
    # A straight line is never longer than the road: the drawn distance from crossing to clearance area, less both
    # uncertainties, must not exceed the published road distance from the border.
    inland = dataset.ports[dataset.ports["clearance_point"].notna()]
    assert len(inland) >= 3
    for pid, port in inland.iterrows():
        slack = port["uncertainty_km"] + port["clearance_uncertainty_km"]
        straight = km((port.geometry.x, port.geometry.y), tuple(port["clearance_point"]))
        assert straight == pytest.approx(port["clearance_km"], abs=0.1), pid
        assert straight - slack <= port["border_distance_km"], pid
        assert f"{port['clearance_name']}" in port["location_note"], pid


def test_a_port_known_only_to_its_county_is_wide(dataset):
    # A port drawn at a county seat says so, and its circle is at least as wide as the published distance.
    county = dataset.ports[dataset.ports["location_note"].str.startswith("Known only to its county")]
    assert set(county.index) >= {"dulata", "laoyemiao"}
    for pid, port in county.iterrows():
        distances = [
            float(w) for w in re.findall(r"(\d+) km (?:west of the seat|from the seat)", port["location_note"])
        ]
        assert distances and port["uncertainty_km"] >= max(distances), pid
