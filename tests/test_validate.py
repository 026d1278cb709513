"""Every kind of bad input raises DataError naming file, feature id and field (small broken fixtures)."""

from __future__ import annotations

import re

import pytest

from geo.dataset import load_dataset
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
        r"facts\.csv: row 2 \(fact 't-01'\): field 'entity_id': expected a feature id or one of xinjiang, xinjiang-ftz, "
        r"xinjiang-cbz; got 'khorgos', which no layer holds\.",
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
        r"facts\.csv: row 2 \(fact 't-01'\): field 'value': expected a number; got '258 thousand'\.",
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
        r"facts\.csv: row 2 \(fact 't-02'\): field 'fact_id': expected a unique id; got a duplicate\.|"
        r"facts\.csv: row 3 \(fact 't-02'\): field 'fact_id': expected a unique id; got a duplicate\.",
        id="duplicate-fact",
    ),
    pytest.param(
        "facts",
        set_cell("claim", " "),
        r"facts\.csv: row 2 \(fact 't-01'\): field 'claim': expected text; got an empty cell\.",
        id="empty-claim",
    ),
    pytest.param(
        "sources",
        set_cell("published", "May 2025"),
        r"sources\.csv: row 2 \(source 'test-article'\): field 'published': expected an ISO date YYYY-MM-DD or empty; "
        r"got 'May 2025'\.",
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
    assert data.facts["value"].tolist() == [258000.0, 21.0, 21.0]


def test_error_names_the_file_path(edit_layer, mini):
    path = edit_layer("ports", set_prop("kind", "seaport"))
    with pytest.raises(DataError, match=re.escape(str(path))):
        load_dataset(mini)
