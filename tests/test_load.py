"""Reading files: clear one-line errors for files that cannot even be parsed, never a traceback."""

import json

import pytest

from geo.data.dataset import load_dataset
from geo.data.load import read_geojson, read_table, split_list
from geo.errors import DataError


def test_invalid_json_names_file_line_and_column(mini):
    path = mini / "geojson" / "ports.geojson"
    path.write_text('{"type": "FeatureCollection", "features": [,]}', encoding="utf-8")
    with pytest.raises(DataError, match=r"ports\.geojson: invalid JSON at line 1 column 44: Expecting value\.$"):
        load_dataset(mini)


def test_missing_layer_file_is_named(mini):
    (mini / "geojson" / "zones.geojson").unlink()
    with pytest.raises(DataError, match=r"zones\.geojson: file not found\.$"):
        load_dataset(mini)


def test_missing_table_is_named_with_the_other_problems(mini):
    (mini / "groups.csv").unlink()
    (mini / "geojson" / "zones.geojson").unlink()
    with pytest.raises(DataError) as caught:
        load_dataset(mini)
    lines = str(caught.value).splitlines()
    assert lines[0] == "2 problem(s) in the data:"
    assert lines[1].endswith("zones.geojson: file not found.") and lines[2].endswith("groups.csv: file not found.")


def test_non_utf8_file_is_named(tmp_path):
    path = tmp_path / "bad.geojson"
    path.write_bytes(b'{\n"name": "\xff"}')
    with pytest.raises(DataError, match=r"bad\.geojson: line 2: not UTF-8 text \(invalid start byte at byte 11\)\.$"):
        read_geojson(path)


def test_a_table_that_is_not_utf8_is_named_with_its_line(mini):
    path = mini / "groups.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes() + b"x,\xe9t\xe9,,region,\n")
    lines = path.read_bytes().count(b"\n")
    with pytest.raises(DataError, match=rf"groups\.csv: line {lines}: not UTF-8 text \(invalid continuation byte"):
        load_dataset(mini)


def test_deeply_nested_json_is_a_one_line_error(mini):
    path = mini / "geojson" / "ports.geojson"
    path.write_text('{"type": "FeatureCollection", "features": ' + "[" * 100_000 + "]" * 100_000 + "}")
    with pytest.raises(DataError) as caught:
        load_dataset(mini)
    assert str(caught.value) == f"{path}: expected JSON nested a few levels deep; got nesting too deep to read."


def test_a_5000_digit_integer_is_a_one_line_error(mini):
    path = mini / "geojson" / "zones.geojson"
    text = path.read_text(encoding="utf-8").replace('"official_area_km2": 17.7', '"official_area_km2": ' + "9" * 5000)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_dataset(mini)
    message = str(caught.value)
    assert message.startswith(f"{path}: expected numbers of ordinary size; got one Python cannot read (")
    assert "\n" not in message and len(message) < 400


def test_table_cells_are_read_as_written(mini):
    facts = read_table(mini / "facts.csv")
    assert facts.loc[0, "value"] == "258000"
    assert facts.loc[0, "qualifier"] == ""


def test_a_byte_order_mark_is_not_part_of_the_first_column(mini):
    path = mini / "facts.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert read_table(path).columns[0] == "fact_id"
    assert load_dataset(mini).facts["fact_id"].tolist()[0] == "t-01"


def test_a_row_with_an_unquoted_comma_is_rejected(mini):
    path = mini / "facts.csv"
    rows = len(path.read_text(encoding="utf-8").splitlines())
    path.write_text(
        path.read_text(encoding="utf-8") + "t-09,xinjiang,x,1,count,2025,,test-article,one, two\n", encoding="utf-8"
    )
    with pytest.raises(
        DataError,
        match=rf"facts\.csv: row {rows + 1}: expected 9 cells as in the header; got 10 \(is a comma in a cell unquoted\?\)\.$",
    ):
        load_dataset(mini)


def test_a_short_row_is_rejected(mini):
    path = mini / "sources.csv"
    path.write_text(path.read_text(encoding="utf-8") + "other,Title\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"sources\.csv: row 3: expected 11 cells as in the header; got 2\.$"):
        load_dataset(mini)


def test_a_stray_quote_is_a_one_line_error_naming_the_row(mini):
    path = mini / "groups.csv"
    path.write_text(path.read_text(encoding="utf-8") + 'x,"a"b,,region,\n', encoding="utf-8")
    with pytest.raises(
        DataError, match=r"groups\.csv: row 5 \(line 5\): expected CSV; got a row the csv reader rejects \("
    ):
        load_dataset(mini)


def test_an_unterminated_quote_names_the_row_and_line_where_it_opens(mini):
    path = mini / "facts.csv"
    rows = path.read_text(encoding="utf-8").splitlines()
    # A quoted cell with a line break in it first (one row, two lines), then a quote never closed.
    rows.insert(2, rows[1].replace("t-01", "t-77", 1) + ',"two\nlines"')
    rows.insert(3, 't-78,xinjiang,"never closed')
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_dataset(mini)
    assert caught.value.problems == [
        f"{path}: row 4 (line 5): expected CSV; got a quoted cell that is never closed (unexpected end of data)."
    ]


def test_an_empty_table_file_is_named(mini):
    (mini / "references.csv").write_text("", encoding="utf-8")
    with pytest.raises(DataError, match=r"references\.csv: expected a header row; got an empty file\.$"):
        load_dataset(mini)


@pytest.mark.parametrize(("cell", "items"), [("", []), ("road", ["road"]), ("rail;road", ["rail", "road"])])
def test_list_cells(cell, items):
    assert split_list(cell) == items


def test_layers_are_read_into_frames_with_the_new_fields(mini_dataset):
    port = mini_dataset.ports.loc["horgos-road"]
    assert (port["aliases"], port["parent"], port["status_as_of"]) == (["Khorgos", "霍尔果斯"], "horgos", "2025")
    assert mini_dataset.ports.loc["urumqi-land-port", "parent"] is None
    assert json.loads(json.dumps(mini_dataset.zones.loc["ftz-horgos", "aliases"])) == ["Khorgos area"]


@pytest.mark.parametrize("layer", ["ports", "corridors", "zones"])
def test_an_empty_layer_loads_with_its_columns(mini, layer):
    (mini / "geojson" / f"{layer}.geojson").write_text('{"type": "FeatureCollection", "features": []}')
    if layer == "ports":  # the corridor and the counts name ports: an empty port layer is reported, not a crash
        with pytest.raises(DataError, match=r"expected ids from ports\.geojson; got 'urumqi-land-port'"):
            load_dataset(mini)
        return
    frame = load_dataset(mini).layer(layer)
    assert frame.empty and {"id", "name", "sources"} <= set(frame.columns)
