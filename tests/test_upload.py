"""An analyst's own layer: read safely, filtered where its properties allow, drawn escaped."""

from __future__ import annotations

import json
import tomllib

import pytest

from geo import mapping, settings
from geo.errors import DataError
from geo.filter import filter_upload
from geo.upload import read_upload

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


def test_duplicate_ids_are_made_unique():
    frame = read_upload(collection(point(1, 1, "a"), point(2, 2, "a")), "dups.geojson")
    assert frame.index.tolist() == ["a", "a-2"]


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
            r"^mine\.geojson: feature 'g': field 'geometry': expected a Point or MultiPoint or .*; got 'GeometryCollection'\.$",
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


def test_size_limit(monkeypatch):
    monkeypatch.setattr(settings, "UPLOAD_MAX_MB", 0.001)
    with pytest.raises(DataError, match=r"^big\.geojson: 0\.0 MB is over the 0\.001 MB upload limit\.$"):
        read_upload(collection(*[point(1, 1) for _ in range(50)]), "big.geojson")


def test_feature_limit(monkeypatch):
    monkeypatch.setattr(settings, "UPLOAD_MAX_FEATURES", 2)
    with pytest.raises(DataError, match=r"^many\.geojson: 3 features is over the limit of 2\.$"):
        read_upload(collection(point(1, 1), point(2, 2), point(3, 3)), "many.geojson")


def test_many_bad_features_are_summarised():
    with pytest.raises(DataError) as caught:
        read_upload(collection(*[point(500, 1, f"p{i}") for i in range(25)]), "bad.geojson")
    lines = str(caught.value).splitlines()
    assert lines[0] == "11 problem(s) in the data:"
    assert lines[-1] == "bad.geojson: ... and 15 more features like these."


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
