"""Every kind of bad input raises DataError naming file, feature id and field (small broken fixtures)."""

from __future__ import annotations

import re

import pytest

from geo.data.dataset import load_dataset
from geo.errors import DataError


def port(data: dict, index: int = 0) -> dict:
    return data["features"][index]


def set_prop(field, value, index=0):
    def change(data):
        port(data, index)["properties"][field] = value

    return change


def drop_prop(field):
    def change(data):
        del port(data)["properties"][field]

    return change


def set_geometry(geometry):
    def change(data):
        port(data)["geometry"] = geometry

    return change


def set_id(value, index=0):
    def change(data):
        port(data, index)["id"] = value
        port(data, index)["properties"]["id"] = value

    return change


def swap_first_point(data):
    lon, lat = port(data)["geometry"]["coordinates"]
    port(data)["geometry"]["coordinates"] = [lat, lon]


SQUARE = [[80.4, 44.2], [80.45, 44.2], [80.45, 44.24], [80.4, 44.24], [80.4, 44.2]]

LAYER_CASES = [
    pytest.param(
        "ports",
        drop_prop("name"),
        r"ports\.geojson: feature 'horgos-road': field 'name': expected text; got nothing \(the field is missing\)\.",
        id="missing-property",
    ),
    pytest.param(
        "ports",
        set_id(None),
        r"ports\.geojson: feature '#0': field 'id': expected a lowercase slug such as 'horgos-road'; got None\.",
        id="missing-id",
    ),
    pytest.param(
        "ports",
        set_id("horgos-road", index=1),
        r"ports\.geojson: feature 'horgos-road': field 'id': expected a unique id; got a duplicate of feature #0\.",
        id="duplicate-id",
    ),
    pytest.param(
        "ports",
        set_id("Horgos Road"),
        r"feature 'Horgos Road': field 'id': expected a lowercase slug \(a-z, 0-9, single hyphens\); got 'Horgos Road'\.",
        id="id-not-a-slug",
    ),
    pytest.param(
        "ports",
        set_prop("id", "horgos"),
        r"feature 'horgos-road': field 'properties\.id': expected the same as the feature id 'horgos-road'; got 'horgos'\.",
        id="property-id-differs",
    ),
    pytest.param(
        "ports",
        swap_first_point,
        r"feature 'horgos-road': field 'geometry': expected \[lon, lat\]; got \[44\.233333, 80\.483333\], "
        r"which looks like swapped lat/lon\.",
        id="swapped-lat-lon",
    ),
    pytest.param(
        "ports",
        set_geometry({"type": "Point", "coordinates": [2.35, 48.85]}),
        r"feature 'horgos-road': field 'geometry': expected a position near Xinjiang \(lon 70\.0\.\.97\.0, lat 34\.0\.\.50\.0\); "
        r"got \[2\.35, 48\.85\] \(outside Xinjiang's neighbourhood\)\.",
        id="outside-neighbourhood",
    ),
    pytest.param(
        "ports",
        set_geometry({"type": "Point", "coordinates": [280.4, 44.2]}),
        r"field 'geometry': expected lon in -180\.\.180 and lat in -90\.\.90; got \[280\.4, 44\.2\] \(out of range\)\.",
        id="coordinates-out-of-range",
    ),
    pytest.param(
        "ports",
        set_geometry({"type": "Point", "coordinates": [80.4833333, 44.2]}),
        r"field 'geometry': expected at most 6 decimals; got 80\.4833333 \(7\)\.",
        id="too-many-decimals",
    ),
    pytest.param(
        "ports",
        set_geometry({"type": "LineString", "coordinates": [[80.4, 44.2], [80.5, 44.3]]}),
        r"feature 'horgos-road': field 'geometry': expected a Point; got a 'LineString'\.",
        id="wrong-geometry-type",
    ),
    pytest.param(
        "ports",
        set_geometry(None),
        r"feature 'horgos-road': field 'geometry': expected a Point; got None\.",
        id="null-geometry",
    ),
    pytest.param(
        "ports",
        set_prop("kind", "seaport"),
        r"feature 'horgos-road': field 'kind': expected one of border, airport, inland; got 'seaport'\.",
        id="unknown-kind",
    ),
    pytest.param(
        "ports",
        set_prop("status", "open"),
        r"field 'status': expected one of operational, seasonal, approved, planned; got 'open'\.",
        id="unknown-status",
    ),
    pytest.param(
        "ports",
        set_prop("modes", ["truck"]),
        r"feature 'horgos-road': field 'modes': expected a non-empty list from road, rail, air; got \['truck'\]\.",
        id="unknown-mode",
    ),
    pytest.param(
        "ports",
        set_prop("modes", "road"),
        r"feature 'horgos-road': field 'modes': expected a list; got 'road'\.",
        id="modes-not-a-list",
    ),
    pytest.param(
        "ports",
        set_prop("border_country", "Kazakhstan"),
        r"field 'border_country': expected an ISO 3166-1 alpha-3 code of a neighbour \(KAZ, .*\); got 'Kazakhstan'\.",
        id="country-not-iso",
    ),
    pytest.param(
        "ports",
        set_prop("sources", []),
        r"feature 'horgos-road': field 'sources': expected a non-empty list of references; got \[\]\.",
        id="no-sources",
    ),
    pytest.param(
        "corridors",
        set_prop("via_ports", ["kashgar-airport"]),
        r"corridors\.geojson: feature 'urumqi-horgos': field 'via_ports': expected ids from ports\.geojson; "
        r"got 'kashgar-airport', which is not a port\.",
        id="corridor-via-unknown-port",
    ),
    pytest.param(
        "corridors",
        set_prop("status", "open"),
        r"field 'status': expected one of operating, under_construction, planned; got 'open'\.",
        id="unknown-corridor-status",
    ),
    pytest.param(
        "zones",
        set_geometry({"type": "Polygon", "coordinates": [SQUARE[:-1]]}),
        r"zones\.geojson: feature 'ftz-horgos': field 'geometry': exterior ring: expected a closed ring "
        r"\(last position equal to the first\); got an unclosed ring\.",
        id="unclosed-ring",
    ),
    pytest.param(
        "zones",
        set_geometry({"type": "Polygon", "coordinates": [SQUARE[::-1]]}),
        r"feature 'ftz-horgos': field 'geometry': exterior ring: expected counter-clockwise winding \(RFC 7946\); got clockwise\.",
        id="clockwise-ring",
    ),
    pytest.param(
        "zones",
        set_geometry(
            {
                "type": "Polygon",
                "coordinates": [[[80.4, 44.2], [80.45, 44.24], [80.45, 44.2], [80.4, 44.24], [80.4, 44.2]]],
            }
        ),
        r"feature 'ftz-horgos': field 'geometry': expected a valid polygon; got Self-intersection\[.*\] "
        r"\(self-intersecting or overlapping rings\)\.",
        id="self-intersecting-polygon",
    ),
    pytest.param(
        "zones",
        set_prop("official_area_km2", -3),
        r"feature 'ftz-horgos': field 'official_area_km2': expected a positive area; got -3\.",
        id="negative-area",
    ),
    pytest.param(
        "zones",
        set_prop("official_area_km2", "17.7"),
        r"feature 'ftz-horgos': field 'official_area_km2': expected a number; got '17\.7'\.",
        id="area-as-text",
    ),
]


@pytest.mark.parametrize(("layer", "change", "message"), LAYER_CASES)
def test_bad_layer_raises_clear_error(edit_layer, mini, layer, change, message):
    edit_layer(layer, change)
    with pytest.raises(DataError, match=message):
        load_dataset(mini)


def test_crs_member_is_rejected(edit_layer, mini):
    edit_layer("ports", lambda data: data.update(crs={"type": "name", "properties": {"name": "EPSG:3857"}}))
    with pytest.raises(
        DataError, match=r"ports\.geojson: member 'crs': expected none \(RFC 7946 is always WGS84 lon/lat\); got one\."
    ):
        load_dataset(mini)


def test_not_a_feature_collection(edit_layer, mini):
    edit_layer("zones", lambda data: data.update(type="Feature"))
    with pytest.raises(DataError, match=r"zones\.geojson: expected a GeoJSON FeatureCollection; got 'Feature'\.$"):
        load_dataset(mini)


def set_cell(field, value, row=0):
    def change(rows):
        rows[row][field] = value

    return change


TABLE_CASES = [
    pytest.param(
        "facts",
        set_cell("entity_id", "khorgos"),
        r"facts\.csv: row 2 \(fact 't-01'\): field 'entity_id': expected a feature id or a group id from groups\.csv "
        r"\(xinjiang, xinjiang-ftz, horgos\); got 'khorgos', which no layer or group holds\.",
        id="unknown-entity",
    ),
    pytest.param(
        "facts",
        set_cell("source_id", "nowhere"),
        r"facts\.csv: row 2 \(fact 't-01'\): field 'source_id': expected an id from sources\.csv; got 'nowhere'\.",
        id="unknown-source",
    ),
    pytest.param(
        "facts",
        set_cell("value", "258 thousand"),
        r"facts\.csv: row 2 \(fact 't-01'\): field 'value': expected a number in ASCII digits \(e\.g\. 258000 or 25\.4\); "
        r"got '258 thousand'\.",
        id="value-not-a-number",
    ),
    pytest.param(
        "facts",
        set_cell("qualifier", "about"),
        r"field 'qualifier': expected one of over, nearly, under or empty; got 'about'\.",
        id="unknown-qualifier",
    ),
    pytest.param(
        "facts",
        set_cell("fact_id", "t-02"),
        r"facts\.csv: row 3 \(fact 't-02'\): field 'fact_id': expected a unique id; got a duplicate of row 2\.",
        id="duplicate-fact",
    ),
    pytest.param(
        "facts",
        set_cell("claim", ""),
        r"facts\.csv: row 2 \(fact 't-01'\): field 'claim': expected a value; got an empty cell\.",
        id="empty-claim",
    ),
    pytest.param(
        "sources",
        set_cell("published", "May 2025"),
        r"sources\.csv: row 2 \(source 'test-article'\): field 'published': expected a date YYYY-MM-DD; got 'May 2025'\.",
        id="published-not-iso",
    ),
]


@pytest.mark.parametrize(("table", "change", "message"), TABLE_CASES)
def test_bad_table_raises_clear_error(edit_table, mini, table, change, message):
    edit_table(table, change)
    with pytest.raises(DataError, match=message):
        load_dataset(mini)


def test_every_problem_is_reported_at_once(edit_layer, mini):
    def break_two(data):
        del data["features"][0]["properties"]["name"]
        data["features"][1]["properties"]["status"] = "open"

    edit_layer("ports", break_two)
    with pytest.raises(DataError) as caught:
        load_dataset(mini)
    lines = str(caught.value).splitlines()
    assert lines[0] == "2 problem(s) in the data:"
    assert any("'horgos-road': field 'name'" in line for line in lines)
    assert any("'urumqi-land-port': field 'status'" in line for line in lines)


def test_the_valid_fixture_loads(mini):
    data = load_dataset(mini)
    assert list(data.ports.index) == ["horgos-road", "urumqi-land-port"]
    assert data.facts["value"].tolist() == [258000.0, 21.0, 21.0, 8.5, 14.0, 33.3]  # facts.csv, then facts_in_words.csv
    assert list(data.groups.index) == ["xinjiang", "xinjiang-ftz", "horgos"]


def test_error_names_the_file_path(edit_layer, mini):
    path = edit_layer("ports", set_prop("kind", "seaport"))
    with pytest.raises(DataError, match=re.escape(str(path))):
        load_dataset(mini)


# --- Issue 11: values the validator used to let through, and parse failures that were tracebacks ---


def set_corridor_prop(field, value):
    def change(data):
        data["features"][0]["properties"][field] = value

    return change


LIST_AND_NUMBER_CASES = [
    pytest.param(
        "corridors",
        set_corridor_prop("waypoints", ["Ürümqi", 1]),
        "corridors.geojson: feature 'urumqi-horgos': field 'waypoints': expected a list of text; got 1 at position 1.",
        id="waypoint-number",
    ),
    pytest.param(
        "corridors",
        set_corridor_prop("waypoints", [None]),
        "feature 'urumqi-horgos': field 'waypoints': expected a list of text; got None at position 0.",
        id="waypoint-null",
    ),
    pytest.param(
        "corridors",
        set_corridor_prop("via_ports", [5]),
        "feature 'urumqi-horgos': field 'via_ports': expected a list of text; got 5 at position 0.",
        id="via-port-number",
    ),
    pytest.param(
        "ports",
        set_prop("modes", [None]),
        "feature 'horgos-road': field 'modes': expected a list of text; got None at position 0.",
        id="mode-null",
    ),
    pytest.param(
        "ports",
        set_prop("sources", [3]),
        "feature 'horgos-road': field 'sources': expected a list of text; got 3 at position 0.",
        id="source-number",
    ),
    pytest.param(
        "ports",
        set_prop("aliases", ["Khorgos", None]),
        "feature 'horgos-road': field 'aliases': expected a list of text; got None at position 1.",
        id="alias-null",
    ),
    pytest.param(
        "ports",
        set_id("horgos-road\n"),
        "field 'id': expected a lowercase slug (a-z, 0-9, single hyphens); got 'horgos-road\\n'.",
        id="id-trailing-newline",
    ),
    pytest.param(
        "ports",
        set_geometry({"type": "Point", "coordinates": [10**399, 44.2]}),
        "feature 'horgos-road': field 'geometry': expected finite numbers of ordinary size; got [1000000000",
        id="400-digit-coordinate",
    ),
    pytest.param(
        "corridors",
        lambda data: data["features"][0]["geometry"]["coordinates"][1].append(1200.0),
        "feature 'urumqi-horgos': field 'geometry': expected every position with the same number of values "
        "(2 or 3); got 2 and 3.",
        id="mixed-2d-3d-line",
    ),
    pytest.param(
        "zones",
        lambda data: data["features"][0]["geometry"]["coordinates"][0][3].append(0.0),
        "feature 'ftz-horgos': field 'geometry': expected every position with the same number of values "
        "(2 or 3); got 2 and 3.",
        id="mixed-2d-3d-polygon",
    ),
    pytest.param(
        "corridors",
        set_corridor_prop("length_km", 10**399),
        "feature 'urumqi-horgos': field 'length_km': expected a finite number; got 1000000000",
        id="400-digit-property",
    ),
    pytest.param(
        "ports",
        set_prop("status_as_of", "2025/2026"),
        "field 'status_as_of': expected a date YYYY, YYYY-MM or YYYY-MM-DD, or null; got '2025/2026'.",
        id="status-as-of-not-a-date",
    ),
    pytest.param(
        "ports",
        set_prop("location_accuracy", "unknown"),
        "feature 'horgos-road': field 'geometry': expected null (location_accuracy is 'unknown': no invented point); "
        "got {'type': 'Point'",
        id="unknown-location-with-a-point",
    ),
    pytest.param(
        "ports",
        set_prop("parent", "khorgos"),
        "ports.geojson: feature 'horgos-road': field 'parent': expected a group id from groups.csv "
        "(xinjiang, xinjiang-ftz, horgos) or null; got 'khorgos'.",
        id="parent-not-a-group",
    ),
]


@pytest.mark.parametrize(("layer", "change", "message"), LIST_AND_NUMBER_CASES)
def test_bad_layer_values_give_one_line(edit_layer, mini, layer, change, message):
    edit_layer(layer, change)
    with pytest.raises(DataError) as caught:
        load_dataset(mini)
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)  # one problem, one line, no traceback


def test_a_port_of_unknown_location_has_a_null_geometry(with_unknown_port):
    data = load_dataset(with_unknown_port)
    assert data.ports.loc["dulata"].geometry is None
    assert data.ports.loc["dulata", "location_accuracy"] == "unknown"


def test_a_located_port_still_needs_a_geometry(edit_layer, mini):
    edit_layer("ports", set_geometry(None))
    with pytest.raises(DataError, match=r"feature 'horgos-road': field 'geometry': expected a Point; got None\.$"):
        load_dataset(mini)


def add_row(**cells):
    def change(rows):
        rows.append({**rows[0], **cells})

    return change


TABLE_RULE_CASES = [
    # Numbers, dates and ids in plain ASCII, nothing around them.
    (
        "facts",
        set_cell("value", "1_000"),
        "facts.csv: row 2 (fact 't-01'): field 'value': expected a number in ASCII digits (e.g. 258000 or 25.4); got '1_000'.",
    ),
    (
        "facts",
        set_cell("value", "١٢٣"),
        "field 'value': expected a number in ASCII digits (e.g. 258000 or 25.4); got '١٢٣'.",
    ),
    (
        "facts",
        set_cell("value", "１２３"),
        "field 'value': expected a number in ASCII digits (e.g. 258000 or 25.4); got '１２３'.",
    ),
    (
        "facts",
        set_cell("value", "nan"),
        "field 'value': expected a number in ASCII digits (e.g. 258000 or 25.4); got 'nan'.",
    ),
    (
        "facts",
        set_cell("value", "9" * 400),
        "field 'value': expected a number in ASCII digits (e.g. 258000 or 25.4); got '9999",
    ),
    (
        "facts",
        set_cell("fact_id", "t-01\n"),
        "facts.csv: row 2 (fact 't-01\\n'): field 'fact_id': expected no spaces or line breaks around the value; got 't-01\\n'.",
    ),
    (
        "facts",
        set_cell("entity_id", " horgos-road"),
        "field 'entity_id': expected no spaces or line breaks around the value; got ' horgos-road'.",
    ),
    (
        "facts",
        set_cell("claim", "one\rtwo"),
        "field 'claim': expected one line of text without control characters; got 'one\\rtwo'.",
    ),
    (
        "sources",
        set_cell("published", "２０２５-01-02"),
        "sources.csv: row 2 (source 'test-article'): field 'published': expected a date YYYY-MM-DD; got '２０２５-01-02'.",
    ),
    (
        "sources",
        set_cell("published", "2025-02-30"),
        "field 'published': expected a date YYYY-MM-DD; got '2025-02-30'.",
    ),
    (
        "facts",
        set_cell("period", "2025/Q3"),
        "field 'period': expected a period YYYY, YYYY-MM or YYYY-MM-DD, an interval A/B of those, or ../B; got '2025/Q3'.",
    ),
    (
        "facts",
        set_cell("unit", "trucks"),
        "field 'unit': expected one of CNY, percent, percentage_points, count, hours, minutes, tonnes, km2, m2, times, years, USD, TEU, m3, km, days; got 'trucks'.",
    ),
    # Ports: a position, written once, as cited.
    (
        "ports",
        set_cell("coordinate", "80.48, 44.23"),
        "ports.csv: row 2 (port 'horgos-road'): field 'coordinate': expected a coordinate as cited",
    ),
    (
        "ports",
        set_cell("coordinate", "44°74′N 80°29′E"),
        "ports.csv: row 2 (port 'horgos-road'): field 'coordinate': expected minutes and seconds below 60; got '44°74′N 80°29′E'.",
    ),
    (
        "ports",
        set_cell("located_at", "urumqi"),
        "ports.csv: row 2 (port 'horgos-road'): field 'coordinate': expected either a coordinate or a station in 'located_at' (or location_accuracy 'unknown'); got both.",
    ),
    (
        "ports",
        set_cell("location_accuracy", "unknown"),
        "ports.csv: row 2 (port 'horgos-road'): field 'coordinate': expected empty (location_accuracy is 'unknown': no position); got '44°14′N 80°29′E'.",
    ),
    (
        "ports",
        set_cell("coordinate_ref", ""),
        "ports.csv: row 2 (port 'horgos-road'): field 'coordinate_ref': expected the reference that gives the coordinate; got an empty cell.",
    ),
    (
        "ports",
        set_cell("modes", "road;truck"),
        "field 'modes': expected a ';'-separated list from road, rail, air; got 'road;truck'.",
    ),
    (
        "ports",
        set_cell("aliases", "Khorgos;;Horgos"),
        "field 'aliases': expected a ';'-separated list of names, none empty; got 'Khorgos;;Horgos'.",
    ),
    (
        "ports",
        set_cell("sources", "test-ref;nowhere"),
        "ports.csv: row 2 (port 'horgos-road'): field 'sources': expected an id from references.csv; got 'nowhere'.",
    ),
    (
        "ports",
        set_cell("parent", "khorgos"),
        "ports.csv: row 2 (port 'horgos-road'): field 'parent': expected an id from groups.csv; got 'khorgos'.",
    ),
    (
        "ports",
        set_cell("status_as_of", "2025-13"),
        "field 'status_as_of': expected a date YYYY, YYYY-MM or YYYY-MM-DD; got '2025-13'.",
    ),
    (
        "ports",
        set_cell("border_country", "Kazakhstan"),
        "field 'border_country': expected one of KAZ, KGZ, TJK, AFG, PAK, IND, MNG, RUS or empty; got 'Kazakhstan'.",
    ),
    # Stations, corridors, zones.
    (
        "stations",
        set_cell("coordinate_ref", "nowhere", row=1),
        "stations.csv: row 3 (station 'jinghe'): field 'coordinate_ref': expected an id from references.csv; got 'nowhere'.",
    ),
    (
        "stations",
        set_cell("aliases", "精河县;;Jing", row=1),
        "stations.csv: row 3 (station 'jinghe'): field 'aliases': expected a ';'-separated list of names, none empty; got '精河县;;Jing'.",
    ),
    (
        "stations",
        lambda rows: rows[1].update(aliases="精河县", aliases_ref="nowhere"),
        "stations.csv: row 3 (station 'jinghe'): field 'aliases_ref': expected an id from references.csv; got 'nowhere'.",
    ),
    (
        "stations",
        set_cell("aliases_ref", "test-ref", row=1),
        "stations.csv: row 3 (station 'jinghe'): field 'aliases_ref': expected empty (it names the reference for the aliases, and there are none); got 'test-ref'.",
    ),
    (
        "corridor_waypoints",
        set_cell("station_id", "kashgar", row=2),
        "corridor_waypoints.csv: row 4 ('urumqi-horgos', '3'): field 'station_id': expected an id from stations.csv; got 'kashgar'.",
    ),
    (
        "corridor_waypoints",
        set_cell("seq", "0", row=2),
        "corridor_waypoints.csv: row 4 ('urumqi-horgos', '0'): field 'seq': expected a number at least 1; got '0'.",
    ),
    (
        "corridor_waypoints",
        lambda rows: rows.__delitem__(slice(1, None)),
        "corridors.csv: row 2 (corridor 'urumqi-horgos'): field 'id': expected at least 2 stations in corridor_waypoints.csv; got 1.",
    ),
    (
        "corridors",
        set_cell("via_ports", "urumqi-land-port;kashgar-airport"),
        "corridors.csv: row 2 (corridor 'urumqi-horgos'): field 'via_ports': expected an id from ports.csv; got 'kashgar-airport'.",
    ),
    (
        "zones",
        set_cell("centre_at", "port:khorgos"),
        "zones.csv: row 2 (zone 'ftz-horgos'): field 'centre_at': expected a located port (port:ID) or a station (station:ID); got 'port:khorgos'.",
    ),
    (
        "zones",
        set_cell("centre", "44°14′N 80°29′E"),
        "zones.csv: row 2 (zone 'ftz-horgos'): field 'centre': expected either a cited coordinate or places in 'centre_at'; got both.",
    ),
    (
        "zones",
        set_cell("official_area_km2", "0"),
        "zones.csv: row 2 (zone 'ftz-horgos'): field 'official_area_km2': expected a number above 0; got '0'.",
    ),
    # Groups, counts and the id namespace that facts cite.
    (
        "groups",
        add_row(id="horgos-road"),
        "groups.csv: row 5 (group 'horgos-road'): field 'id': expected an id no other entity uses; got one already in ports.csv.",
    ),
    (
        "groups",
        set_cell("kind", "city"),
        "groups.csv: row 2 (group 'xinjiang'): field 'kind': expected one of region, ftz, bonded_zones, port, development_zone; got 'city'.",
    ),
    (
        "port_counts",
        set_cell("measure", "ports"),
        "port_counts.csv: row 2 ('ports', 'horgos-road'): field 'measure': expected one of approved_ports, operational_ports, highway_ports; got 'ports'.",
    ),
    (
        "port_counts",
        set_cell("port_id", "bakhty"),
        "port_counts.csv: row 2 ('approved_ports', 'bakhty'): field 'port_id': expected an id from ports.csv; got 'bakhty'.",
    ),
    (
        "port_counts",
        add_row(),
        "port_counts.csv: row 4 ('approved_ports', 'horgos-road'): fields 'measure', 'port_id': expected a unique id; got a duplicate of row 2.",
    ),
    # The places' history: a real date in the period grammar, a known place, its own references, no event after them.
    (
        "events",
        set_cell("date", "1983-02-30"),
        "events.csv: row 2 (event 'horgos-road-approved'): field 'date': expected a real date YYYY, YYYY-MM or YYYY-MM-DD; got '1983-02-30'.",
    ),
    (
        "events",
        set_cell("date", "1983/1984"),
        "events.csv: row 2 (event 'horgos-road-approved'): field 'date': expected a date YYYY, YYYY-MM or YYYY-MM-DD, or empty; got '1983/1984'.",
    ),
    (
        "events",
        set_cell("date", "2026-01"),
        "events.csv: row 2 (event 'horgos-road-approved'): field 'date': expected a date no later than its reference 'test-ref' (published 2025); got '2026-01'.",
    ),
    (
        "events",
        set_cell("entity_id", "bakhty"),
        "events.csv: row 2 (event 'horgos-road-approved'): field 'entity_id': expected a port, corridor, zone or group id; got 'bakhty'.",
    ),
    (
        "events",
        set_cell("ref_id", "no-such-ref"),
        "events.csv: row 2 (event 'horgos-road-approved'): field 'ref_id': expected an id from references.csv; got 'no-such-ref'.",
    ),
    (
        "events",
        set_cell("check_ref", "test-ref"),
        "events.csv: row 2 (event 'horgos-road-approved'): field 'check_ref': expected a second reference, not 'ref_id' again; got 'test-ref'.",
    ),
    (
        "events",
        set_cell("event", "closed"),
        "events.csv: row 2 (event 'horgos-road-approved'): field 'event': expected one of agreement_signed, approved,",
    ),
    (
        "events",
        set_cell("note", ""),
        "events.csv: row 2 (event 'horgos-road-approved'): field 'note': expected a value; got an empty cell.",
    ),
    (
        "events",
        add_row(),
        "events.csv: row 6 (event 'horgos-road-approved'): field 'event_id': expected a unique id; got a duplicate of row 2.",
    ),
    (
        "references",
        set_cell("url", "example.org/test"),
        "references.csv: row 2 (ref 'test-ref'): field 'url': expected an http(s) address without spaces; got 'example.org/test'.",
    ),
]


@pytest.mark.parametrize(("table", "change", "message"), TABLE_RULE_CASES, ids=[c[2][:60] for c in TABLE_RULE_CASES])
def test_table_rules_give_one_line(edit_table, mini, table, change, message):
    edit_table(table, change)
    with pytest.raises(DataError) as caught:
        load_dataset(mini)
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)  # one problem, one line, no traceback


def test_events_keep_the_precision_their_reference_gives(mini):
    events = load_dataset(mini).events.set_index("event_id")["date"]
    # A year stays a year, a month a month; an undated event stays in the table with an empty date.
    assert events.to_dict() == {
        "horgos-road-approved": "1983-11",
        "horgos-road-opened": "1983",
        "ftz-horgos-established": "2023-11-01",
        "xinjiang-ftz-approved": "",
    }


def test_an_event_whose_reference_is_undated_cannot_be_checked_against_it(edit_table, mini):
    # With no publication date the rule "no event after its source" has nothing to compare with.
    edit_table("references", set_cell("published", ""))
    edit_table("events", set_cell("date", "2030"))
    assert load_dataset(mini).events.loc[0, "date"] == "2030"


def test_an_interval_that_ends_before_it_starts_is_named(edit_table, mini):
    edit_table("facts", set_cell("period", "2025-08/2025-01"))
    with pytest.raises(DataError) as caught:
        load_dataset(mini)
    assert str(caught.value).endswith(
        "facts.csv: row 2 (fact 't-01'): field 'period': expected an interval whose start is not after its end; "
        "got '2025-08/2025-01'."
    )


@pytest.mark.parametrize(
    "period",
    ["2025", "2025-08", "2025-09-15", "2023/2025-06", "2025-01/2025-08", "2025-06/2025", "2025/2025-12", "../2025"],
)
def test_every_period_form_of_the_contract_is_accepted(edit_table, mini, period):
    edit_table("facts", set_cell("period", period))
    assert load_dataset(mini).facts.loc[0, "period"] == period


def test_a_missing_and_an_extra_column_are_named(mini):
    path = mini / "groups.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("aliases", "alias"), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_dataset(mini)
    assert str(caught.value).splitlines()[1:] == [
        f"{path}: column 'aliases': expected it in the header; got a header without it.",
        f"{path}: column 'alias': expected only the columns the data package lists (id, name, name_zh, kind, aliases); "
        "got an extra one.",
    ]


def test_columns_may_come_in_any_order(mini):
    path = mini / "groups.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(",".join(reversed(line.split(","))) for line in lines) + "\n", encoding="utf-8")
    assert list(load_dataset(mini).groups.index) == ["xinjiang", "xinjiang-ftz", "horgos"]


def test_settings_allowed_values_match_the_data_package():
    from geo import settings
    from geo.data.load import read_package

    fields = {
        (r["name"], f["name"]): f.get("constraints", {}).get("enum")
        for r in read_package()["resources"]
        for f in r["schema"]["fields"]
    }
    assert tuple(fields["ports", "kind"]) == settings.PORT_KINDS
    assert tuple(fields["ports", "status"]) == settings.PORT_STATUSES
    assert tuple(fields["ports", "location_accuracy"]) == settings.LOCATION_ACCURACIES
    assert tuple(fields["ports", "border_country"]) == tuple(settings.NEIGHBOUR_COUNTRIES)
    assert tuple(fields["corridors", "status"]) == settings.CORRIDOR_STATUSES
    assert tuple(fields["corridors", "mode"]) == settings.MODES
    assert tuple(fields["zones", "kind"]) == settings.ZONE_KINDS
    assert tuple(fields["groups", "kind"]) == settings.GROUP_KINDS
    assert tuple(fields["port_counts", "measure"]) == tuple(settings.PORT_COUNT_MEASURES)
    assert ("", *fields["facts", "qualifier"]) == settings.QUALIFIERS


def test_one_table_can_be_checked_on_its_own(mini):
    from geo.data.load import read_table
    from geo.data.validate import facts_problems, sources_problems

    sources = read_table(mini / "sources.csv")
    assert sources_problems(sources, mini / "sources.csv") == []
    sources.loc[0, "published"] = "２０２５-01-02"
    assert sources_problems(sources, mini / "sources.csv") == [
        f"{mini / 'sources.csv'}: row 2 (source 'test-article'): field 'published': expected a date YYYY-MM-DD; "
        "got '２０２５-01-02'."
    ]
    facts = read_table(mini / "facts.csv").assign(value="1_000")
    assert len(facts_problems(facts, mini / "facts.csv")) == len(facts)


def test_ids_cited_from_other_tables_are_checked_with_every_other_problem(edit_table, mini):
    edit_table("facts", lambda rows: rows[0].update(source_id="nowhere"))
    edit_table("groups", lambda rows: rows[0].update(kind="planet"))
    with pytest.raises(DataError) as caught:
        load_dataset(mini)
    problems = caught.value.problems
    assert len(problems) == 2 and str(caught.value).splitlines()[0] == "2 problem(s) in the data:"
    assert problems[0].startswith(f"{mini / 'groups.csv'}: row 2 (group 'xinjiang'): field 'kind': expected one of")
    assert problems[1] == (
        f"{mini / 'facts.csv'}: row 2 (fact 't-01'): field 'source_id': expected an id from sources.csv; got 'nowhere'."
    )


def test_a_cell_that_breaks_its_own_rules_is_not_also_reported_as_an_unknown_id(edit_table, mini):
    edit_table("facts", lambda rows: rows[0].update(source_id="No Where"))
    with pytest.raises(DataError) as caught:
        load_dataset(mini)
    assert len(caught.value.problems) == 1 and "field 'source_id'" in caught.value.problems[0]


def test_an_unreadable_table_does_not_hide_the_other_tables_problems(mini, edit_table):
    (mini / "stations.csv").unlink()
    edit_table("facts", lambda rows: rows[0].update(source_id="nowhere"))
    with pytest.raises(DataError) as caught:
        load_dataset(mini)
    assert caught.value.problems == [
        f"{mini / 'stations.csv'}: file not found.",
        f"{mini / 'facts.csv'}: row 2 (fact 't-01'): field 'source_id': expected an id from sources.csv; got 'nowhere'.",
    ]
