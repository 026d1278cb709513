"""An analyst's own layer: read safely, filtered where its properties allow, drawn escaped."""

from __future__ import annotations

import json
import re
import tomllib
import tracemalloc

import pytest

from geo import settings
from geo.errors import DataError
from geo.explore.filter import filter_upload
from geo.explore.upload import read_upload
from geo.render import mapping

HOSTILE = "<img src=x onerror=alert(1)>`${alert(2)}`"


def collection(*features: dict) -> bytes:
    return json.dumps({"type": "FeatureCollection", "features": list(features)}).encode()


def point(lon, lat, fid=None, **properties) -> dict:
    feature = {"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]}, "properties": properties}
    if fid is not None:
        feature["id"] = fid
    return feature


def test_a_valid_layer_is_read():
    frame = read_upload(
        collection(
            point(2.35, 48.86, "paris", name="Paris", modes=["rail"]),
            point(13.4, 52.5, name="Berlin"),
            point(13.4, 52.5, name="Berlin"),
        ),
        "mine.geojson",
    )
    assert frame.index.tolist() == ["paris", "feature-2", "feature-3"]
    assert frame.loc["paris", "modes"] == '["rail"]'
    assert frame["name"].tolist() == ["Paris", "Berlin", "Berlin"]


@pytest.mark.parametrize(
    ("ids", "expected"),
    [
        (["a", "a"], ["a", "a-2"]),
        (["a", "a", "a-2"], ["a", "a-3", "a-2"]),  # the file's own a-2 keeps its id
        (["a", "a", "a", "a-2", "a-2"], ["a", "a-3", "a-4", "a-2", "a-2-2"]),
        ([None, "feature-1", None], ["feature-1-2", "feature-1", "feature-3"]),
    ],
)
def test_duplicate_ids_are_made_unique(ids, expected):
    frame = read_upload(collection(*[point(i, i, fid) for i, fid in enumerate(ids)]), "dups.geojson")
    assert frame.index.tolist() == expected


class CountedId(str):
    """An id that counts how often a new name is made from it (each candidate suffix is one)."""

    made = 0

    def __format__(self, spec: str) -> str:
        CountedId.made += 1
        return str.__format__(self, spec)


def test_making_repeated_ids_unique_takes_one_try_per_repeat():
    from geo.explore.upload import _unique

    CountedId.made = 0
    ids = [CountedId("dup")] * 2_000 + ["dup-5"]  # the file's own dup-5 is skipped over once
    out = _unique(ids, list(range(len(ids))))
    assert out[:5] == ["dup", "dup-2", "dup-3", "dup-4", "dup-6"] and out[-1] == "dup-5"
    assert len(set(out)) == len(out)
    # Linear: about one candidate name per repeat (it was one per earlier repeat: about 2 million here).
    assert CountedId.made <= 2 * len(ids)


def test_twenty_thousand_features_sharing_one_id_load_with_unique_ids(monkeypatch):
    monkeypatch.setattr(settings, "UPLOAD_MAX_FEATURES", 20_000)
    frame = read_upload(collection(*[point(1, 1, "same") for _ in range(20_000)]), "same.geojson")
    assert frame.index.is_unique and frame.index[-1] == "same-20000"


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (
            b"{not json",
            r"^mine\.geojson: invalid JSON at line 1 column 2: Expecting property name enclosed in double quotes\.$",
        ),
        (b"\xff\xfe", r"^mine\.geojson: not UTF-8 text"),
        (
            json.dumps({"type": "Feature"}).encode(),
            r"^mine\.geojson: expected a GeoJSON FeatureCollection with a list of features\.$",
        ),
        (collection(), r"^mine\.geojson: the FeatureCollection has no features\.$"),
        (
            collection(point(200, 10, "far")),
            r"^mine\.geojson: feature 'far': field 'geometry': expected lon in -180\.\.180 and lat in -90\.\.90; got \[200, 10\] \(out of range\)\.$",
        ),
        (
            collection({"type": "Feature", "id": "g", "geometry": {"type": "GeometryCollection", "geometries": []}}),
            r"^mine\.geojson: feature 'g': field 'geometry': expected a GeometryCollection with a list of geometries; "
            r"got '\[\]'\.$",
        ),
        (
            collection(
                {
                    "type": "Feature",
                    "id": "g",
                    "geometry": {
                        "type": "GeometryCollection",
                        "geometries": [
                            {"type": "Point", "coordinates": [80, 40]},
                            {"type": "GeometryCollection", "geometries": [{"type": "Point", "coordinates": [1, 1]}]},
                        ],
                    },
                }
            ),
            r"^mine\.geojson: feature 'g': field 'geometry': geometry #1: expected a Point or MultiPoint or .*; "
            r"got 'GeometryCollection'\.$",
        ),
        (
            collection(
                {
                    "type": "Feature",
                    "id": "bow",
                    "properties": {},
                    "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]]},
                }
            ),
            r"^mine\.geojson: feature 'bow': field 'geometry': expected a valid geometry; got Self-intersection",
        ),
    ],
)
def test_bad_uploads_get_a_clear_message(raw, message):
    with pytest.raises(DataError, match=message):
        read_upload(raw, "mine.geojson")


def wide_keys(features: int, keys: int) -> bytes:
    """Points whose property names are all different: a table of the union would be features x all names."""
    return json.dumps(
        {
            "type": "FeatureCollection",
            "features": [
                point(80 + i / 1000, 44, f"p{i}", **{f"{i}_{j}": j for j in range(keys)}) for i in range(features)
            ],
        },
        separators=(",", ":"),
    ).encode()


def peak_mb(parse) -> float:
    tracemalloc.start()
    try:
        parse()
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return peak / 1024 / 1024


# The 1,001st distinct name: five are GeoJSON's own (type, coordinates, geometry, properties, id).
@pytest.mark.parametrize(
    ("features", "keys", "where"), [(2_000, 200, "'#4': field '4_195'"), (1_000, 100, "'#9': field '9_95'")]
)
def test_a_file_of_many_distinct_property_names_is_rejected_within_memory(features, keys, where):
    raw = wide_keys(features, keys)  # 5.1 MB and 1.2 MB: these took the server to 9 GB and 5.6 GB
    caught = []

    def parse():
        with pytest.raises(DataError) as error:
            read_upload(raw, "wide.geojson")
        caught.append(str(error.value))

    assert peak_mb(parse) < 20  # measured: 6 MB and 1.5 MB; the parse stops at the 1,001st name
    assert caught == [
        f"wide.geojson: feature {where}: expected at most "
        "1,000 distinct property names in the file; got more. Keep only the properties the map needs."
    ]


def at_every_limit() -> bytes:
    """One feature whose property holds as many lists, strings, objects and values as the limits allow."""
    parts = ["[]"] * 990_000 + ['"ab"'] * 989_100 + ['"' + "😀" * 2_500 + '"'] * 880 + ["{}"] * 190_000
    parts += ["0.5"] * (2_990_000 - len(parts))
    head = json.dumps(point(80, 44, "f", a="HERE")).replace('"HERE"', "[" + ",".join(parts) + "]")
    return ('{"type":"FeatureCollection","features":[' + head + "]}").encode()


@pytest.mark.slow
def test_any_file_within_the_limits_parses_within_the_memory_bound():
    raw = at_every_limit()  # 19.6 MB, one emoji makes the decoded text 4 bytes a character
    assert len(raw) <= settings.UPLOAD_MAX_MB * 1024 * 1024
    assert peak_mb(lambda: read_upload(raw, "full.geojson")) < 250  # measured: 216 MB


@pytest.mark.parametrize(
    ("limit", "text", "message"),
    [
        (
            "UPLOAD_MAX_OBJECTS",
            '{"a":{"b":{}}}',
            r"^x\.geojson: expected at most 2 JSON objects \(counted by '\{'\); got 3\. Split",
        ),
        ("UPLOAD_MAX_ARRAYS", "[[[]]]", r"^x\.geojson: expected at most 2 JSON lists \(counted by '\['\); got 3\."),
        (
            "UPLOAD_MAX_STRINGS",
            '["a","b","c"]',
            r"^x\.geojson: expected at most 2 JSON strings \(counted by '\"'\); got 3\.",
        ),
        (
            "UPLOAD_MAX_SEPARATORS",
            "[1,2,3,4]",
            r"^x\.geojson: expected at most 2 JSON values \(counted by ','\); got 3\.",
        ),
    ],
)
def test_what_the_parser_builds_is_bounded_before_parsing(monkeypatch, limit, text, message):
    monkeypatch.setattr(settings, limit, 2)
    with pytest.raises(DataError, match=message):
        read_upload(text.encode(), "x.geojson")


def test_only_the_properties_the_map_uses_and_a_few_others_are_kept():
    others = {f"other{j}": j for j in range(25)}
    frame = read_upload(
        collection(
            point(80, 44, "a", name="A", kind="border", modes=["rail"], long="x" * 500, nested={"b": [1, 2]}, **others),
            point(81, 44, "b", name_zh="乙", status="open", score=-2.5, extra="late"),
        ),
        "mine.geojson",
    )
    kept = [c for c in frame.columns if c not in ("id", "name", "geometry")]
    assert kept == ["kind", "modes", "long", "nested", *[f"other{j}" for j in range(18)], "name_zh", "status"]
    assert frame.attrs["other_fields"] == 9  # other18..other24, score, extra
    assert frame.loc["a", "long"] == "x" * 199 + "…"
    assert frame.loc["a", "nested"] == '{"b": [1, 2]}'
    assert frame.loc["a", "other17"] == 17  # numbers stay numbers
    assert frame.loc["b", "name_zh"] == "乙"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param(
            '{"a": ' + "[" * 5_000 + "]" * 5_000 + "}",
            r"^x\.geojson: feature '#0': field 'a': expected at most 16 levels of nesting in the file; got more\.$",
            id="deep nesting (RecursionError)",
        ),
        pytest.param(
            '{"a": ' + "[" * 14 + "]" * 14 + "}",
            r"^x\.geojson: feature 'f': field 'a': expected at most 16 levels of nesting in the file; got more\.$",
            id="nesting just over the limit",
        ),
        pytest.param(
            '{"a": ' + "9" * 5_000 + "}",
            r"^x\.geojson: feature 'f': field 'a': expected an integer of at most 20 digits; got 5,000 digits\.$",
            id="5,000-digit integer (ValueError)",
        ),
        pytest.param(
            '{"a": NaN}',
            r"^x\.geojson: feature 'f': field 'a': expected a finite number; got nan \(NaN, Infinity or a number beyond 1\.8e308\)\.$",
            id="NaN",
        ),
        pytest.param(
            '{"a": -Infinity}',
            r"^x\.geojson: feature 'f': field 'a': expected a finite number; got -inf",
            id="-Infinity",
        ),
        pytest.param(
            '{"a": "\\udc00"}',
            r"^x\.geojson: feature 'f': field 'a': expected Unicode text; got an unpaired surrogate \\udc00\.$",
            id="lone surrogate",
        ),
        pytest.param(
            '{"a": "' + "x" * 10_001 + '"}',
            r"^x\.geojson: feature 'f': field 'a': expected text of at most 10,000 characters; got 10,001\.$",
            id="long text",
        ),
        pytest.param(
            '{"' + "k" * 101 + '": 1}',
            r"^x\.geojson: feature 'f': field 'k{37}\.\.\.': expected a property name of at most 100 characters; got 101\.$",
            id="long name",
        ),
        pytest.param(
            '{"status": ' + json.dumps(["open"] * 2_000) + "}",
            r"^x\.geojson: feature 'f': field 'status': expected at most 10,000 characters as JSON text; got more\.$",
            id="long kept list",
        ),
        pytest.param(
            "[1, 2]",
            r"^x\.geojson: feature 'f': field 'properties': expected an object or null; got list\.$",
            id="properties not an object",
        ),
    ],
)
def test_every_property_over_a_limit_is_named(text, message):
    raw = json.dumps(point(80, 44, "f")).replace('"properties": {}', f'"properties": {text}')
    with pytest.raises(DataError, match=message):
        read_upload(('{"type": "FeatureCollection", "features": [' + raw + "]}").encode(), "x.geojson")


def test_a_feature_id_that_is_no_text_is_named_by_its_place_in_the_file():
    # Found by test_fuzz: an id of a lone surrogate passed every check and crashed the Parquet writer.
    raw = json.dumps(point(80, 44, "f")).replace('"id": "f"', '"id": "\\ud800"')
    assert "ud800" in raw
    with pytest.raises(
        DataError,
        match=r"^x\.geojson: feature '#0': field 'id': expected Unicode text; got an unpaired surrogate \\ud800\.$",
    ):
        read_upload(('{"type": "FeatureCollection", "features": [' + raw + "]}").encode(), "x.geojson")


@pytest.mark.parametrize(
    ("coordinates", "message"),
    [
        pytest.param(
            "[1" + "0" * 400 + ", 44]",
            r"field 'geometry': expected an integer of at most 20 digits; got 401 digits\.$",
            id="400-digit coordinate (OverflowError)",
        ),
        pytest.param(
            "[1" + "0" * 400 + ".5, 44]",
            r"field 'geometry': expected a finite number; got inf ",
            id="400-digit decimal coordinate",
        ),
        pytest.param("[NaN, 44]", r"field 'geometry': expected a finite number; got nan ", id="NaN coordinate"),
        pytest.param(
            "[" * 3_000 + "]" * 3_000,
            r"^x\.geojson: feature '#0': field 'geometry': expected at most 16 levels of nesting in the file; got more\.$",
            id="deep coordinates",
        ),
    ],
)
def test_every_position_over_a_limit_is_named(coordinates, message):
    raw = json.dumps(point(80, 44, "f")).replace("[80, 44]", coordinates)
    with pytest.raises(DataError, match=message):
        read_upload(('{"type": "FeatureCollection", "features": [' + raw + "]}").encode(), "x.geojson")


@pytest.mark.parametrize(
    ("geometry", "message"),
    [
        (
            {"type": "LineString", "coordinates": [[80, 44], [81, 44, 100]]},
            r"expected every position with the same number of values \(2 or 3\); got 2 and 3\.$",
        ),
        (
            {"type": "MultiLineString", "coordinates": [[[80, 44], [81, 44]], [[80, 45, 1], [81, 45, 1]]]},
            r"expected every position with the same number of values \(2 or 3\); got 2 and 3\.$",
        ),
        (
            {"type": "LineString", "coordinates": [[80, 44]]},
            r"expected a geometry that can be drawn; got 'IllegalArgumentException: point array must contain 0 or >1 elements'\.$",
        ),
        (
            {"type": "Polygon", "coordinates": [[[80, 44], [81, 44]]]},
            r"expected a geometry that can be drawn; got 'A linearring requires at least 4 coordinates\.'\.$",
        ),
    ],
)
def test_geometries_that_cannot_be_drawn_are_named(geometry, message):
    feature = {"type": "Feature", "id": "g", "properties": {}, "geometry": geometry}
    with pytest.raises(DataError, match=r"^x\.geojson: feature 'g': field 'geometry': " + message):
        read_upload(collection(feature), "x.geojson")


def test_a_byte_order_mark_and_3d_positions_are_fine():
    frame = read_upload(
        b"\xef\xbb\xbf" + collection(point(80, 44, "z", name="Z")).replace(b"[80, 44]", b"[80, 44, 900]"), "bom.geojson"
    )
    assert frame.loc["z"].geometry.has_z


def test_size_limit(monkeypatch):
    monkeypatch.setattr(settings, "UPLOAD_MAX_MB", 0.001)
    with pytest.raises(DataError, match=r"^big\.geojson: 0\.0 MB is over the 0\.001 MB upload limit\.$"):
        read_upload(collection(*[point(1, 1) for _ in range(50)]), "big.geojson")


def test_feature_limit(monkeypatch):
    monkeypatch.setattr(settings, "UPLOAD_MAX_FEATURES", 2)
    with pytest.raises(DataError, match=r"^many\.geojson: 3 features is over the limit of 2\.$"):
        read_upload(collection(point(1, 1), point(2, 2), point(3, 3)), "many.geojson")


def test_every_bad_feature_is_reported_and_the_shown_text_is_capped():
    with pytest.raises(DataError) as caught:
        read_upload(collection(*[point(500, 1, f"p{i}") for i in range(25)]), "bad.geojson")
    assert len(caught.value.problems) == 25
    assert all(p.startswith(f"bad.geojson: feature 'p{i}': ") for i, p in enumerate(caught.value.problems))
    lines = caught.value.text(limit=10).splitlines()
    assert lines[0] == "25 problem(s) in the data:" and len(lines) == 12
    assert lines[-1] == "... and 15 more problems."


def test_users_see_no_exception_details():
    config = tomllib.loads((settings.PROJECT_DIR / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["showErrorDetails"] == "none"


def test_streamlit_upload_limit_matches_settings():
    config = tomllib.loads((settings.PROJECT_DIR / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["maxUploadSize"] == settings.UPLOAD_MAX_MB


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, ["a", "b", "c"]),
        ({"modes": ["rail"]}, ["a"]),
        ({"statuses": ["open"]}, ["b"]),  # the upload's own values, not the port vocabulary
        ({"kinds": ["border"]}, ["a", "b", "c"]),  # no 'kind' property: this control does not apply
        ({"text": "beta"}, ["b"]),
    ],
)
def test_same_controls_apply_where_properties_allow(filters, expected):
    frame = read_upload(
        collection(
            point(1, 1, "a", name="Alpha", modes=["road", "rail"], status="closed"),
            point(2, 2, "b", name="Beta", modes="road", status="open"),
            point(3, 3, "c", name="Gamma"),
        ),
        "mine.geojson",
    )
    assert filter_upload(frame, **filters).index.tolist() == expected


def test_uploaded_text_is_escaped_on_the_map():
    frame = read_upload(collection(point(80, 44, "x", name=HOSTILE, note=HOSTILE)), HOSTILE + ".geojson")
    group = mapping.upload_layer(frame, HOSTILE + ".geojson", len(frame))
    (layer,) = group._children.values()
    properties = layer.data["features"][0]["properties"]
    assert "<img" not in properties["tooltip"] and "<img" not in properties["popup_html"]
    assert "&lt;img src=x onerror=alert(1)&gt;" in properties["popup_html"]
    assert "<img" not in group.layer_name


def feature(geometry: dict, fid: str, **properties) -> dict:
    return {"type": "Feature", "id": fid, "geometry": geometry, "properties": properties}


LINE = {"type": "LineString", "coordinates": [[80.0, 44.0], [81.0, 44.5], [82.0, 44.2]]}
SQUARE = [[[80.0, 40.0], [81.0, 40.0], [81.0, 41.0], [80.0, 41.0], [80.0, 40.0]]]


@pytest.mark.parametrize(
    ("geometry", "kind"),
    [
        (LINE, "LineString"),
        ({"type": "MultiLineString", "coordinates": [LINE["coordinates"], [[70, 30], [71, 31]]]}, "MultiLineString"),
        ({"type": "Polygon", "coordinates": SQUARE}, "Polygon"),
        ({"type": "MultiPolygon", "coordinates": [SQUARE]}, "MultiPolygon"),
        ({"type": "MultiPoint", "coordinates": [[80, 44], [81, 45]]}, "MultiPoint"),
        (
            {"type": "GeometryCollection", "geometries": [LINE, {"type": "Point", "coordinates": [80, 44]}]},
            "GeometryCollection",
        ),
    ],
)
def test_every_geometry_type_is_read(geometry, kind):
    frame = read_upload(collection(feature(geometry, "f", name="F")), "shapes.geojson")
    assert frame.loc["f"].geometry.geom_type == kind
    assert frame.loc["f", "name"] == "F"


def test_a_mixed_collection_is_read_and_drawn_with_a_style_per_kind():
    frame = read_upload(
        collection(
            point(80, 44, "p", name="A point"),
            feature(LINE, "l", name="A line"),
            feature({"type": "Polygon", "coordinates": SQUARE}, "a", name="An area"),
        ),
        "mixed.geojson",
    )
    assert frame.geometry.geom_type.tolist() == ["Point", "LineString", "Polygon"]
    group = mapping.upload_layer(frame, "mixed.geojson", len(frame))
    html = folium_html(group)
    # Points are circle markers; lines are drawn without fill; areas with a light, see-through fill.
    assert "new L.CircleMarker" in html
    features = next(iter(group._children.values())).data["features"]
    styles = {f["id"]: mapping.upload_style(f) for f in features}
    assert list(styles) == ["upload:p", "upload:l", "upload:a"]  # never mistaken for a built-in place's id
    assert styles["upload:l"]["fill"] is False
    assert styles["upload:a"]["fillOpacity"] < 0.5 <= styles["upload:p"]["fillOpacity"]
    assert [styles[k]["className"] for k in styles] == [
        "xj-upload xj-upload-point",
        "xj-upload xj-upload-line",
        "xj-upload xj-upload-area",
    ]


def folium_html(group) -> str:
    import folium

    m = folium.Map()
    group.add_to(m)
    return m.get_root().render()


def test_a_csv_with_latitude_and_longitude_columns_is_read():
    raw = b"name,Latitude,Longitude,status\nKhorgos,44.21,80.41,open\nAlashankou,45.17,82.57,\n"
    frame = read_upload(raw, "places.csv")
    assert frame.index.tolist() == ["row-2", "row-3"]
    assert frame["name"].tolist() == ["Khorgos", "Alashankou"]
    assert [(round(g.x, 2), round(g.y, 2)) for g in frame.geometry] == [(80.41, 44.21), (82.57, 45.17)]
    assert frame.loc["row-2", "status"] == "open"
    assert "status" not in frame.loc["row-3"].dropna()  # an empty cell is no value
    assert filter_upload(frame, statuses=["open"]).index.tolist() == ["row-2"]  # as a GeoJSON without the value


@pytest.mark.parametrize(
    ("header", "row"),
    [
        ("lat,lon", "44.2,80.4"),
        ("LAT,LNG", "44.2,80.4"),
        ("lat,long", "44.2,80.4"),
        ("Latitude,Longitude", "44.2,80.4"),
        ("y,x", "44.2,80.4"),
        ("纬度,经度", "44.2,80.4"),
        ("name;lat;lon", "A;44,2;80,4"),  # semicolons, and decimal commas with them
        ("name\tY\tX", "A\t44.2\t80.4"),
    ],
)
def test_position_columns_are_found_as_people_name_them(header, row):
    frame = read_upload(f"{header}\n{row}\n".encode(), "named.csv")
    point_ = frame.geometry.iloc[0]
    assert (point_.x, point_.y) == (80.4, 44.2)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "name,city\nA,B\n",
            r"^x\.csv: row 1: expected latitude and longitude columns named lat/lon, .*; got 'name, city'\.$",
        ),
        ("lat,lon\n", r"^x\.csv: expected rows of data under the header; got none\.$"),
        ("lat,lon,lat\n1,2,3\n", r"^x\.csv: row 1: field 'lat': expected each column name once; got it twice\.$"),
        ("lat,,lon\n1,2,3\n", r"^x\.csv: row 1: column 2: expected a column name; got an empty one\.$"),
        (
            "id,lat,lon\na,44,80\nb,95,80\nc,44,east\nd,44\n",
            r"^3 problem\(s\) in the data:\n"
            r"x\.csv: row 3: field 'lat': expected a latitude in decimal degrees from -90 to 90; got '95'\.\n"
            r"x\.csv: row 4: field 'lon': expected a longitude in decimal degrees from -180 to 180; got 'east'\.\n"
            r"x\.csv: row 5: expected 3 fields, as the header names; got 2\.$",
        ),
        (
            "lat,lon,note\n44,80," + "n" * 10_001 + "\n",
            r"^x\.csv: row 2: field 'note': expected text of at most 10,000 characters; got 10,001\.$",
        ),
        ("lat,lon\n44,nan\n", r"^x\.csv: row 2: field 'lon': expected a longitude .*; got 'nan'\.$"),
    ],
)
def test_bad_csv_rows_are_named_by_file_row_and_field(text, message):
    with pytest.raises(DataError, match=message):
        read_upload(text.encode(), "x.csv")


def test_csv_keeps_the_upload_limits(monkeypatch):
    monkeypatch.setattr(settings, "UPLOAD_MAX_MB", 0.001)
    with pytest.raises(DataError, match=r"^big\.csv: 0\.0 MB is over the 0\.001 MB upload limit\.$"):
        read_upload(b"lat,lon\n" + b"44,80\n" * 200, "big.csv")
    monkeypatch.setattr(settings, "UPLOAD_MAX_MB", 20)
    monkeypatch.setattr(settings, "UPLOAD_MAX_FEATURES", 2)
    with pytest.raises(DataError, match=r"^many\.csv: more than 2 rows is over the limit of 2\.$"):
        read_upload(b"lat,lon\n1,1\n2,2\n3,3\n", "many.csv")
    monkeypatch.setattr(settings, "UPLOAD_MAX_KEYS", 3)
    with pytest.raises(DataError, match=r"^wide\.csv: row 1: expected at most 3 columns; got 4\.$"):
        read_upload(b"lat,lon,a,b\n1,1,2,2\n", "wide.csv")
    with pytest.raises(DataError, match=r"^bad\.csv: not UTF-8 text"):
        read_upload("lat,lon,name\n1,1,Ürümqi\n".encode("latin-1"), "bad.csv")


@pytest.mark.slow
@pytest.mark.parametrize("columns", [settings.UPLOAD_MAX_KEYS, 50])
def test_the_largest_csv_parses_within_the_memory_bound(columns):
    # As wide (every column allowed) or as long (every row allowed) as the limits let a 20 MB file be: parsed
    # row by row, only a few values of each row kept.
    header = "lat,lon," + ",".join(f"c{i}" for i in range(columns - 2))
    cell = "v" * max(1, (settings.UPLOAD_MAX_MB * 1024 * 1024 // settings.UPLOAD_MAX_FEATURES - 12) // columns)
    row = "44.1,80.2," + ",".join(cell for _ in range(columns - 2))
    rows = min(settings.UPLOAD_MAX_FEATURES, (settings.UPLOAD_MAX_MB * 1024 * 1024 - len(header) - 1) // (len(row) + 1))
    raw = (header + "\n" + (row + "\n") * rows).encode()
    assert len(raw) > 0.9 * settings.UPLOAD_MAX_MB * 1024 * 1024
    frame = None

    def parse():
        nonlocal frame
        frame = read_upload(raw, "big.csv")

    assert peak_mb(parse) < 250
    assert len(frame) == rows


def test_the_legend_names_the_uploaded_layer_and_its_kinds(dataset):
    frame = read_upload(
        collection(
            point(80, 44, "p"),
            point(81, 44, "q"),
            feature(LINE, "l"),
            feature({"type": "Polygon", "coordinates": SQUARE}, "a"),
        ),
        HOSTILE + ".csv.geojson",
    )
    m = mapping.build_map(dataset, upload=(HOSTILE + ".geojson", frame))
    html = m.get_root().render()
    legend = json.loads(re.search(r'"legend": ("(?:[^"\\]|\\.)*")', html).group(1))
    section = legend[legend.index('<div data-xj-layer="upload">') :]
    assert "Your layer: &lt;img" in section and "<img" not in section
    assert re.findall(r"</i>(\d+ \w+)</span>", section) == ["2 points", "1 line", "1 area"]
    assert section.index("xj-credit") > 0  # above the credits


def test_your_points_are_drawn_and_keyed_in_a_colour_of_their_own(dataset):
    # White points with a dark rim read as the legend's hollow "approved, not yet open" ports.
    frame = read_upload(collection(point(80, 44, "p"), feature(LINE, "l")), "mine.geojson")
    html = mapping.build_map(dataset, upload=("mine.geojson", frame)).get_root().render()
    legend = json.loads(re.search(r'"legend": ("(?:[^"\\]|\\.)*")', html).group(1))
    section = legend[legend.index('<div data-xj-layer="upload">') :]
    point_fill, line_colour = settings.UPLOAD_STYLES["point"]["fillColor"], settings.UPLOAD_STYLES["line"]["color"]
    assert f"background:{point_fill}" in section and f"border-color:{line_colour}" in section  # keyed as drawn
    taken = {*settings.MODE_COLOURS.values(), "#ffffff"}
    taken |= {s["color"] for s in settings.CORRIDOR_STYLES.values()} | {
        s["color"] for s in settings.BASE_STYLES.values()
    }
    taken |= {s["fillColor"] for s in settings.ZONE_STYLES.values()}
    assert point_fill not in taken and line_colour not in taken
