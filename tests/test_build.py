"""The build: tables in, GeoJSON layers out, the same bytes every time (small fixture tables)."""

from __future__ import annotations

import json

import pytest
from pyproj import Geod

from geo.data import build
from geo.data.dataset import load_dataset
from geo.data.load import parse_coordinate
from geo.errors import DataError

GEOD = Geod(ellps="WGS84")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("44°12′45″N 80°24′35″E", (80.409722, 44.2125)),
        ("44°14′N 80°29′E", (80.483333, 44.233333)),
        ("N 45°12′05″ E 82°33′11″", (82.553056, 45.201389)),
        ("82°48′E 46°41′N", (82.8, 46.683333)),  # longitude first, as China.org.cn writes it
        ("42.9512°N 89.1895°E", (89.1895, 42.9512)),
        ("43°50′36.8″N 87°31′26.5″E", (87.524028, 43.843556)),
        ("40°56′N, 73°00′E", (73.0, 40.933333)),
        ("33°52′S 151°12′W", (-151.2, -33.866667)),
    ],
)
def test_coordinates_are_read_as_cited(text, expected):
    assert parse_coordinate(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("44°12′45″ 80°24′35″E", "expected a coordinate such as"),
        ("44°12′45″N 80°24′35″N", "expected one latitude"),
        ("44°72′N 80°24′E", "minutes and seconds below 60"),
        ("44.5°12′N 80°24′E", "decimals on the last part only"),
        ("95°N 80°E", "latitude up to 90°"),
        ("44.2125, 80.4125", "expected a coordinate such as"),
        ("４４°12′N 80°24′E", "expected a coordinate such as"),
    ],
)
def test_bad_coordinates_say_what_is_wrong(text, message):
    with pytest.raises(ValueError, match=message):
        parse_coordinate(text)


def test_build_reproduces_the_fixture_layers_byte_for_byte(mini):
    for name, collection in build.build(mini).items():
        assert build.render(collection) == (mini / "geojson" / f"{name}.geojson").read_text(encoding="utf-8"), name


def test_a_port_takes_its_coordinate_and_cites_its_reference_first(mini):
    port = build.build(mini)["ports"]["features"][0]
    assert port["geometry"] == {"type": "Point", "coordinates": [80.483333, 44.233333]}
    assert port["properties"]["sources"][0] == (
        "Test Publisher, 'A test page' (2025): test coordinates and areas (https://example.org/test)"
    )
    assert port["properties"]["aliases"] == ["Khorgos", "霍尔果斯"]
    assert (port["properties"]["parent"], port["properties"]["status_as_of"]) == ("horgos", "2025")


def test_a_port_located_at_a_station_takes_the_stations_point(mini):
    land_port = build.build(mini)["ports"]["features"][1]
    assert land_port["geometry"]["coordinates"] == [87.524028, 43.843556]  # the Ürümqi station row
    assert land_port["properties"]["parent"] is None and land_port["properties"]["aliases"] == []


def test_a_port_of_unknown_location_gets_no_point(with_unknown_port):
    layer = json.loads((with_unknown_port / "geojson" / "ports.geojson").read_text(encoding="utf-8"))
    dulata = layer["features"][-1]
    assert dulata["geometry"] is None
    assert dulata["properties"]["location_accuracy"] == "unknown"
    assert dulata["properties"]["sources"] == [
        "Test Publisher, 'A test page' (2025): test coordinates and areas (https://example.org/test)"
    ]


def test_corridors_follow_the_waypoint_order_not_the_row_order(mini, edit_table):
    edit_table("corridor_waypoints", lambda rows: rows.reverse())
    corridor = build.build(mini)["corridors"]["features"][0]
    assert corridor["properties"]["waypoints"] == ["Ürümqi", "Jinghe", "Horgos"]
    assert corridor["geometry"]["coordinates"][0] == [87.524028, 43.843556]


def test_corridors_list_their_stations_aliases_in_waypoint_order(mini, edit_table):
    aliases = {"urumqi": "乌鲁木齐站;乌鲁木齐", "horgos": "霍尔果斯"}
    edit_table("stations", lambda rows: [row.update(aliases=aliases.get(row["id"], "")) for row in rows])
    corridor = build.build(mini)["corridors"]["features"][0]["properties"]
    assert corridor["waypoint_aliases"] == ["乌鲁木齐站", "乌鲁木齐", "霍尔果斯"]
    assert corridor["waypoints"] == ["Ürümqi", "Jinghe", "Horgos"]  # what is shown stays the stations' names


def test_a_zone_and_a_port_carry_the_other_names_of_the_town_and_port_group_they_stand_in(mini, edit_table):
    # A Horgos zone was not found by Korgas or Khorgas, names the tables give the town and the Horgos ports.
    edit_table("stations", lambda rows: rows[2].update(aliases="霍尔果斯市;Korgas"))  # the station "horgos"
    edit_table("ports", lambda rows: rows[1].update(located_at="horgos", parent="horgos", coordinate=""))
    layers = build.build(mini)
    zone = layers["zones"]["features"][0]["properties"]  # centred at station:horgos
    assert zone["place_aliases"] == ["霍尔果斯市", "Korgas", "Khorgos", "Khorgas"]  # the town's, then its port group's
    assert zone["aliases"] == ["Khorgos area"]  # what is shown stays the zone's own
    ports = {f["id"]: f["properties"] for f in layers["ports"]["features"]}
    assert ports["urumqi-land-port"]["place_aliases"] == ["霍尔果斯市", "Korgas", "Khorgos", "Khorgas"]
    assert ports["horgos-road"]["place_aliases"] == []  # drawn at its own coordinate: no town named


def test_a_zone_centred_on_a_port_carries_that_ports_group_and_town(mini, edit_table):
    edit_table("zones", lambda rows: rows[0].update(centre_at="port:horgos-road;port:urumqi-land-port"))
    edit_table("stations", lambda rows: rows[0].update(aliases="乌鲁木齐站"))  # the land port's station
    zone = build.build(mini)["zones"]["features"][0]["properties"]
    assert zone["place_aliases"] == ["Khorgos", "Khorgas", "乌鲁木齐站"]


def test_corridor_length_is_geodesic_and_sources_are_not_repeated(mini):
    corridor = build.build(mini)["corridors"]["features"][0]["properties"]
    lons, lats = zip(*build.build(mini)["corridors"]["features"][0]["geometry"]["coordinates"], strict=True)
    assert corridor["length_km"] == round(GEOD.line_length(lons, lats) / 1000, 1)
    assert len(corridor["sources"]) == len(set(corridor["sources"])) == 1  # corridor and stations cite one page
    assert corridor["geometry_quality"] == "schematic"


def test_zone_footprint_has_the_official_area_at_the_centre(mini, edit_table):
    edit_table("zones", lambda rows: rows[0].update(centre_at="station:horgos;station:jinghe"))
    zone = build.build(mini)["zones"]["features"][0]
    from shapely.geometry import shape

    polygon = shape(zone["geometry"])
    area = abs(GEOD.geometry_area_perimeter(polygon)[0]) / 1e6
    assert area == pytest.approx(zone["properties"]["official_area_km2"], rel=0.05)
    centre = polygon.centroid
    assert (centre.x, centre.y) == pytest.approx(((80.483333 + 82.9) / 2, (44.233333 + 44.6) / 2), abs=1e-3)
    assert zone["properties"]["location_note"].startswith("Footprint is a circle of the official area")


def test_a_zone_centred_on_a_cited_coordinate(mini, edit_table):
    edit_table("zones", lambda rows: rows[0].update(centre="44°12′N 80°24′E", centre_ref="test-ref", centre_at=""))
    polygon = build.build(mini)["zones"]["features"][0]["geometry"]["coordinates"][0]
    xs, ys = zip(*polygon, strict=True)
    assert (sum(xs[:-1]) / len(xs[:-1]), sum(ys[:-1]) / len(ys[:-1])) == pytest.approx((80.4, 44.2), abs=1e-3)


def test_write_then_load(mini, edit_table):
    edit_table("ports", lambda rows: rows[0].update(name="Horgos (renamed)"))
    assert build.stale_problems(mini) == [
        f"{mini / 'geojson' / 'ports.geojson'}: expected the layer the tables build; got a different file "
        "(run python -m geo build)."
    ]
    build.write(mini)
    assert build.stale_problems(mini) == []
    assert load_dataset(mini).ports.loc["horgos-road", "name"] == "Horgos (renamed)"


def test_adding_a_valid_port_row_builds_and_loads(mini, edit_table):
    row = {
        "id": "bakhty",
        "name": "Bakhty Port",
        "name_zh": "巴克图口岸",
        "aliases": "Baketu",
        "modes": "road",
        "kind": "border",
        "border_country": "KAZ",
        "partner_crossing": "Bakhty",
        "parent": "",
        "status": "operational",
        "status_as_of": "2023-03-31",
        "coordinate": "82°48′E 46°41′N",
        "coordinate_ref": "test-ref",
        "located_at": "",
        "location_accuracy": "approximate",
        "location_note": "Arc-minute coordinates.",
        "sources": "",
    }
    edit_table("ports", lambda rows: rows.append(row))
    build.write(mini)
    ports = load_dataset(mini).ports
    assert ports.index.tolist() == ["horgos-road", "urumqi-land-port", "bakhty"]
    assert (ports.loc["bakhty"].geometry.x, ports.loc["bakhty"].geometry.y) == (82.8, 46.683333)


def test_a_broken_table_stops_the_build_with_a_one_line_message(mini, edit_table):
    edit_table("ports", lambda rows: rows[0].update(coordinate="44°14′ 80°29′E"))
    with pytest.raises(DataError) as caught:
        build.build(mini)
    assert str(caught.value) == (
        f"{mini / 'ports.csv'}: row 2 (port 'horgos-road'): field 'coordinate': expected a coordinate as cited, "
        "e.g. 44°12′45″N 80°24′35″E, N 45°12′05″ E 82°33′11″ or 42.9512°N 89.1895°E; got '44°14′ 80°29′E'."
    )


def test_cite_leaves_out_what_a_reference_lacks():
    reference = {
        "publisher": "Xinhua",
        "title": "",
        "published": "2023-02-20",
        "claim": "a fact",
        "url": "https://x.org",
    }
    assert build.cite(reference) == "Xinhua (2023-02-20): a fact (https://x.org)"
    assert build.cite(reference | {"title": "Page", "published": ""}) == "Xinhua, 'Page': a fact (https://x.org)"
