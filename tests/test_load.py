"""Reading files: clear errors for files that cannot even be parsed."""

import pytest

from geo.dataset import load_dataset
from geo.errors import DataError
from geo.load import read_geojson, read_table


def test_invalid_json_names_file_line_and_column(mini):
    path = mini / "geojson" / "ports.geojson"
    path.write_text('{"type": "FeatureCollection", "features": [,]}', encoding="utf-8")
    with pytest.raises(DataError, match=r"ports\.geojson: invalid JSON at line 1 column 44: Expecting value\.$"):
        load_dataset(mini)


def test_missing_layer_file_is_named(mini):
    (mini / "geojson" / "zones.geojson").unlink()
    with pytest.raises(DataError, match=r"zones\.geojson: file not found\.$"):
        load_dataset(mini)


def test_non_utf8_file_is_named(tmp_path):
    path = tmp_path / "bad.geojson"
    path.write_bytes(b'{"name": "\xff"}')
    with pytest.raises(DataError, match=r"bad\.geojson: not UTF-8 text"):
        read_geojson(path)


def test_table_cells_are_read_as_written(mini):
    facts = read_table(mini / "facts.csv")
    assert facts.loc[0, "value"] == "258000"
    assert facts.loc[0, "qualifier"] == ""


def test_a_row_with_an_unquoted_comma_is_rejected(mini):
    path = mini / "facts.csv"
    path.write_text(
        path.read_text(encoding="utf-8") + "t-04,xinjiang,x,1,count,2025,,test-article,one, two\n", encoding="utf-8"
    )
    with pytest.raises(
        DataError,
        match=r"facts\.csv: row 5: expected 9 cells as in the header; got 10 \(is a comma in a cell unquoted\?\)\.$",
    ):
        load_dataset(mini)


def test_a_short_row_is_rejected(mini):
    path = mini / "sources.csv"
    path.write_text(path.read_text(encoding="utf-8") + "other,Title\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"sources\.csv: row 3: expected 6 cells as in the header; got 2"):
        load_dataset(mini)
