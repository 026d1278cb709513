"""Property tests: files that load come back as written; files that do not get a DataError of one line per problem.

The layers get random and mutated documents, byte strings, deep nesting, huge numbers and positions
mixing 2 and 3 values; every table of the data package gets mutated rows, with the characters that
slipped through before (non-ASCII digits, underscores, spaces and line breaks around ids, a BOM).
Whatever loads must hold exactly the features of its files (ids, geometries); whatever is refused must
say, one line per problem, which file, which feature or row and which field. Uploads: a file that reads
holds no more than the limits allow, and no input escapes as anything but a DataError naming the file.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
from pathlib import Path

import numpy as np
import pytest
import shapely
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from shapely.geometry import shape

from geo import settings as xj
from geo.data.dataset import load_dataset
from geo.data.load import read_package
from geo.errors import DataError
from geo.explore.upload import read_upload

FIXTURE = Path(__file__).parent / "fixtures" / "mini"
SETTINGS = settings(
    max_examples=int(os.environ.get("XJ_FUZZ_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
# Deep nesting, huge numbers and mixed dimensions each have few distinct outcomes: fewer examples.
FEW = settings(SETTINGS, max_examples=max(20, SETTINGS.max_examples // 3))

json_scalars = (
    st.none() | st.booleans() | st.integers(-(10**12), 10**12) | st.floats(allow_nan=True) | st.text(max_size=20)
)
json_values = st.recursive(
    json_scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
numbers = st.floats(-200, 200, allow_nan=False) | st.integers(-200, 200)
positions = st.lists(numbers, min_size=0, max_size=4)


def geometries():
    ring = st.lists(positions, max_size=6)
    return st.one_of(
        json_values,
        st.fixed_dictionaries(
            {
                "type": st.sampled_from(["Point", "LineString", "Polygon", "MultiPolygon", "Nope"]),
                "coordinates": json_values,
            }
        ),
        st.fixed_dictionaries({"type": st.just("Point"), "coordinates": positions}),
        st.fixed_dictionaries({"type": st.just("LineString"), "coordinates": st.lists(positions, max_size=5)}),
        st.fixed_dictionaries({"type": st.just("Polygon"), "coordinates": st.lists(ring, max_size=3)}),
        st.fixed_dictionaries(
            {"type": st.just("MultiPolygon"), "coordinates": st.lists(st.lists(ring, max_size=2), max_size=2)}
        ),
    )


def mutate(feature: dict, draw) -> dict:
    """Replace, drop or add one part of a valid feature."""
    feature = json.loads(json.dumps(feature))
    where = draw(st.sampled_from(["property", "drop", "geometry", "id", "type", "extra"]))
    properties = feature["properties"]
    if where == "property":
        properties[draw(st.sampled_from(sorted(properties)))] = draw(json_values)
    elif where == "drop":
        properties.pop(draw(st.sampled_from(sorted(properties))))
    elif where == "geometry":
        feature["geometry"] = draw(geometries())
    elif where == "id":
        feature["id"] = draw(json_values)
    elif where == "type":
        feature["type"] = draw(json_values)
    else:
        feature[draw(st.text(max_size=5))] = draw(json_values)
    return feature


def copy_fixture(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("fuzz") / "data"
    shutil.copytree(FIXTURE, target)
    return target


LAYERS = ("ports", "corridors", "zones")
# One problem: the file, then where in it (a feature, a row or a member; none for the whole file),
# then the field if one is at fault, then what is wrong.
PROBLEM = re.compile(
    r"^(?P<file>[^\n]+?\.(?:geojson|csv|json)): "
    r"(?:(?P<where>feature '[^\n]*?'|row \d+|member '[^\n]*?'): )?"
    r"(?:field '(?P<field>[^\n]*?)': )?"
    r"(?P<what>\S[^\n]*)$"
)
HEADER = re.compile(r"^(\d+) problem\(s\) in the data:$")


def problems(message: str, files: tuple[str, ...]) -> list[re.Match]:
    """The problems of a DataError's message, each checked to be one line naming one of ``files``."""
    lines = message.splitlines()
    assert lines, "a DataError must say what is wrong"
    header = HEADER.match(lines[0])
    if header:  # several problems: the header counts them, one line each follows
        lines = lines[1:]
        assert int(header.group(1)) == len(lines) > 1, message
    else:
        assert len(lines) == 1, f"one problem, one line: {message!r}"
    found = []
    for line in lines:
        match = PROBLEM.match(line)
        assert match, f"not 'file: feature/row: field: what': {line!r}"
        assert match.group("file").endswith(files), f"names no file of the data: {line!r}"
        found.append(match)
    return found


@pytest.mark.parametrize(
    "message",
    [
        "a.csv: row 2: field 'x': bad.\nb.csv: row 3: bad.",  # two problems, no header counting them
        "3 problem(s) in the data:\na.csv: row 2: bad.\na.csv: row 3: bad.",  # the header miscounts
        "something went wrong",  # no file named
        "elsewhere.csv: row 2: field 'x': bad.",  # a file not among the data's
        "2 problem(s) in the data:\na.csv: row 2: bad.\n\tat line 7",  # a traceback's line
    ],
)
def test_the_message_check_refuses_what_is_not_one_line_per_problem(message):
    with pytest.raises(AssertionError):
        problems(message, ("a.csv", "b.csv"))


def loaded_as_written(folder: Path, dataset) -> None:
    """Every layer holds the features of its file: the same ids in the same order, the same geometries."""
    for name in LAYERS:
        features = json.loads((folder / "geojson" / f"{name}.geojson").read_text(encoding="utf-8-sig"))["features"]
        frame = dataset.layer(name)
        assert list(frame.index) == [str(f["id"]) for f in features], name
        written = [f["geometry"] for f in features]
        assert int(frame.geometry.notna().sum()) == sum(g is not None for g in written), name
        for fid, geometry, loaded in zip(frame.index, written, frame.geometry, strict=True):
            if geometry is not None:
                assert shapely.force_2d(shape(geometry)).equals(loaded), (name, fid)


def loads_or_data_error(folder: Path) -> None:
    files = tuple(str(path) for path in folder.rglob("*") if path.is_file())
    try:
        dataset = load_dataset(folder)
    except DataError as exc:
        problems(str(exc), files)
    else:
        loaded_as_written(folder, dataset)


@SETTINGS
@given(data=st.data(), layer=st.sampled_from(["ports", "corridors", "zones"]))
def test_mutated_features(tmp_path_factory, data, layer):
    folder = copy_fixture(tmp_path_factory)
    path = folder / "geojson" / f"{layer}.geojson"
    collection = json.loads(path.read_text(encoding="utf-8"))
    collection["features"] = [mutate(f, data.draw) for f in collection["features"]]
    path.write_text(json.dumps(collection), encoding="utf-8")
    loads_or_data_error(folder)


@SETTINGS
@given(document=json_values | st.fixed_dictionaries({"type": st.just("FeatureCollection"), "features": json_values}))
def test_random_documents(tmp_path_factory, document):
    folder = copy_fixture(tmp_path_factory)
    (folder / "geojson" / "ports.geojson").write_text(json.dumps(document), encoding="utf-8")
    loads_or_data_error(folder)


@SETTINGS
@given(raw=st.binary(max_size=200) | st.text(max_size=200).map(str.encode))
def test_random_bytes(tmp_path_factory, raw):
    folder = copy_fixture(tmp_path_factory)
    (folder / "geojson" / "zones.geojson").write_bytes(raw)
    loads_or_data_error(folder)


# Characters that look like digits or blanks to Python but are not what a table means.
TRICKY = [
    "1_000",
    "١٢٣",
    "１２３",
    "２０２５-01-02",
    "t-01\n",
    " road",
    "\ufeff",
    "nan",
    "1e400",
    "9" * 400,
    "\r",
    ";",
    "port:",
]
cells = st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=15) | st.sampled_from(TRICKY)
TABLES = [r["name"] for r in read_package()["resources"]]


@SETTINGS
@given(table=st.sampled_from(TABLES), data=st.data())
def test_mutated_table_rows(tmp_path_factory, table, data):
    folder = copy_fixture(tmp_path_factory)
    path = folder / f"{table}.csv"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    row = data.draw(st.integers(0, len(rows) - 1))
    action = data.draw(st.sampled_from(["cell", "shorten", "lengthen", "replace", "bom"]))
    if action == "cell":
        rows[row][data.draw(st.integers(0, len(rows[row]) - 1))] = data.draw(cells)
    elif action == "shorten":
        rows[row] = rows[row][: data.draw(st.integers(0, len(rows[row]) - 1))]
    elif action == "lengthen":
        rows[row] = rows[row] + data.draw(st.lists(cells, min_size=1, max_size=3))
    elif action == "replace":
        rows[row] = data.draw(st.lists(cells, max_size=10))
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    path.write_text(("\ufeff" if action == "bom" else "") + out.getvalue(), encoding="utf-8")
    loads_or_data_error(folder)


@FEW
@given(depth=st.integers(1, 200_000), layer=st.sampled_from(["ports", "corridors", "zones"]), where=st.booleans())
def test_deeply_nested_documents(tmp_path_factory, depth, layer, where):
    folder = copy_fixture(tmp_path_factory)
    path = folder / "geojson" / f"{layer}.geojson"
    deep = "[" * depth + "]" * depth
    if where:  # the whole member
        text = '{"type": "FeatureCollection", "features": ' + deep + "}"
    else:  # inside a property of a real feature
        collection = json.loads(path.read_text(encoding="utf-8"))
        collection["features"][0]["properties"]["name"] = "__DEEP__"
        text = json.dumps(collection).replace('"__DEEP__"', deep)
    path.write_text(text, encoding="utf-8")
    loads_or_data_error(folder)


@FEW
@given(
    digits=st.integers(1, 6_000),
    layer=st.sampled_from(["ports", "corridors", "zones"]),
    where=st.sampled_from(["coordinate", "property", "id"]),
    sign=st.sampled_from(["", "-"]),
)
def test_huge_numbers_in_layers(tmp_path_factory, digits, layer, where, sign):
    folder = copy_fixture(tmp_path_factory)
    path = folder / "geojson" / f"{layer}.geojson"
    collection = json.loads(path.read_text(encoding="utf-8"))
    feature = collection["features"][0]
    if where == "coordinate":
        coordinates = feature["geometry"]["coordinates"]
        depth = {"ports": 0, "corridors": 1, "zones": 2}[layer]
        for _ in range(depth):
            coordinates = coordinates[0]
        coordinates[0] = "__BIG__"
    elif where == "property":
        feature["properties"]["length_km" if layer == "corridors" else "name"] = "__BIG__"
    else:
        feature["id"] = "__BIG__"
    path.write_text(json.dumps(collection).replace('"__BIG__"', sign + "9" * digits, 1), encoding="utf-8")
    loads_or_data_error(folder)


xinjiang_positions = st.tuples(st.floats(74, 95), st.floats(37, 48)).map(lambda p: [round(p[0], 4), round(p[1], 4)])
maybe_3d = st.tuples(xinjiang_positions, st.booleans(), st.floats(0, 5000)).map(
    lambda t: t[0] + [round(t[2], 1)] if t[1] else t[0]
)


@FEW
@given(data=st.data(), layer=st.sampled_from(["ports", "corridors", "zones"]))
def test_positions_mixing_2d_and_3d(tmp_path_factory, data, layer):
    folder = copy_fixture(tmp_path_factory)
    path = folder / "geojson" / f"{layer}.geojson"
    collection = json.loads(path.read_text(encoding="utf-8"))
    if layer == "ports":
        geometry = {"type": "Point", "coordinates": data.draw(maybe_3d)}
    elif layer == "corridors":
        geometry = {"type": "LineString", "coordinates": data.draw(st.lists(maybe_3d, min_size=2, max_size=6))}
    else:
        ring = data.draw(st.lists(maybe_3d, min_size=3, max_size=6))
        geometry = {"type": "Polygon", "coordinates": [[*ring, list(ring[0])]]}
    collection["features"][0]["geometry"] = geometry
    path.write_text(json.dumps(collection), encoding="utf-8")
    loads_or_data_error(folder)


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "1e400", "", " 12 "])
def test_odd_numbers_in_facts(mini, edit_table, value):
    edit_table("facts", lambda rows: rows[0].update(value=value))
    loads_or_data_error(mini)


# Uploads: the same promise for an analyst's own file, including what used to escape as a traceback
# (RecursionError, ValueError from int(), OverflowError) or an unlimited table.
HOLE = "\x00hole\x00"  # a JSON string in the generated document, replaced by a hostile token
hostile_tokens = st.one_of(
    st.integers(1, 3_000).map(lambda n: "[" * n + "]" * n),
    st.integers(1, 1_500).map(lambda n: '{"a":' * n + "1" + "}" * n),
    st.integers(1, 6_000).map(lambda n: "9" * n),
    st.integers(300, 500).map(lambda n: "-1" + "0" * n),
    st.integers(300, 500).map(lambda n: "1" + "0" * n + ".5"),
    st.sampled_from(["NaN", "Infinity", "-Infinity", "1e400", '"\\ud800"', "-0", "true", "null", "[]", "{}"]),
)
upload_numbers = st.floats(-90, 90, allow_nan=False) | st.integers(-90, 90) | st.just(HOLE)
upload_positions = st.lists(upload_numbers, min_size=2, max_size=3) | st.just(HOLE)  # 2D and 3D mixed


def upload_geometries():
    line = st.lists(upload_positions, min_size=2, max_size=4)
    square = st.tuples(upload_positions, upload_positions).map(
        lambda corners: [[[0, 0], corners[0], [1, 1], corners[1], [0, 0]]]
    )
    return st.one_of(
        st.fixed_dictionaries({"type": st.just("Point"), "coordinates": upload_positions}),
        st.fixed_dictionaries({"type": st.sampled_from(["LineString", "MultiPoint"]), "coordinates": line}),
        st.fixed_dictionaries(
            {"type": st.just("MultiLineString"), "coordinates": st.lists(line, min_size=1, max_size=3)}
        ),
        st.fixed_dictionaries({"type": st.just("Polygon"), "coordinates": square}),
        st.fixed_dictionaries(
            {"type": st.just("MultiPolygon"), "coordinates": st.lists(square, min_size=1, max_size=2)}
        ),
        geometries(),
        st.just(HOLE),
    )


def rarely(odd, usual):
    """``odd`` one time in ten, else ``usual`` (so that most files get as far as the hostile tokens)."""
    return st.integers(0, 9).flatmap(lambda i: odd if i == 0 else usual)


upload_keys = st.sampled_from(["name", "modes", "kind", "status", "id"]) | st.text(max_size=8)
upload_dicts = st.dictionaries(upload_keys, json_values | st.just(HOLE), max_size=6)
upload_feature = st.fixed_dictionaries(
    {
        "type": st.just("Feature"),
        "geometry": upload_geometries(),
        "properties": rarely(json_values | st.just(HOLE), upload_dicts | st.none()),
    },
    optional={"id": st.sampled_from(["a", "a", "a-2", "feature-1"]) | json_values | st.just(HOLE)},
)
upload_features = rarely(json_values, upload_feature)


def within_limits(frame, raw: bytes) -> None:
    """What an upload that reads holds: each of its features once, drawable, its text within the limits."""
    features = json.loads(raw.decode("utf-8"))["features"]  # the upload's parser is the stricter one
    assert len(frame) == len(features) <= xj.UPLOAD_MAX_FEATURES
    assert frame.index.is_unique
    assert frame.geometry.notna().all() and not frame.geometry.is_empty.any()
    assert np.isfinite(shapely.get_coordinates(frame.geometry.values)).all()
    others = [c for c in frame.columns if c not in {*xj.UPLOAD_KEPT_FIELDS, "geometry", "id", "name"}]
    assert len(others) <= xj.UPLOAD_MAX_OTHER_FIELDS
    for column in frame.columns.drop("geometry"):
        limit = xj.UPLOAD_MAX_CELL_CHARS if column in others else xj.UPLOAD_MAX_TEXT_CHARS
        longest = max((len(v) for v in frame[column] if isinstance(v, str)), default=0)
        assert longest <= limit, (column, longest)


def upload_reads_or_data_error(raw: bytes) -> None:
    try:
        frame = read_upload(raw, "fuzz.geojson")
    except DataError as exc:
        assert "Traceback" not in str(exc)
        problems(str(exc), ("fuzz.geojson",))
    else:
        within_limits(frame, raw)


@SETTINGS
@given(features=st.lists(upload_features, min_size=1, max_size=4), data=st.data())
def test_hostile_uploads(features, data):
    text = json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False)
    hole = json.dumps(HOLE)
    parts = text.split(hole)
    tokens = [data.draw(hostile_tokens) for _ in parts[1:]]
    upload_reads_or_data_error((parts[0] + "".join(t + p for t, p in zip(tokens, parts[1:], strict=True))).encode())


@SETTINGS
@given(raw=st.binary(max_size=200) | json_values.map(lambda v: json.dumps(v).encode()))
def test_random_upload_bytes(raw):
    upload_reads_or_data_error(raw)
