"""The validated-data cache: a hit equals a fresh load; any changed input, damaged entry or broken folder loads in full."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

import pandas as pd
import pytest
from geopandas.testing import assert_geodataframe_equal

from geo import settings
from geo.data import cache, dataset
from geo.data.dataset import Dataset, load_dataset
from geo.data.load import read_package
from geo.errors import DataError


@pytest.fixture(autouse=True)
def cache_dir(tmp_path: Path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("XJ_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def full_loads(monkeypatch) -> list[Path]:
    """The data folders loaded in full (parsed and validated), in order: a cache hit adds none."""
    loads: list[Path] = []
    full = dataset._load

    def spy(data_dir, package):
        loads.append(data_dir)
        return full(data_dir, package)

    monkeypatch.setattr(dataset, "_load", spy)
    return loads


def assert_same(left: Dataset, right: Dataset) -> None:
    for field in fields(Dataset):
        a, b = getattr(left, field.name), getattr(right, field.name)
        if field.name in ("ports", "corridors", "zones"):
            assert_geodataframe_equal(a, b, check_less_precise=False)
        else:
            pd.testing.assert_frame_equal(a, b, check_exact=True)
        assert cache.same(a, b), field.name  # None and NaN, lists and arrays told apart too


def test_a_second_load_comes_from_the_cache_and_equals_a_fresh_load(mini, full_loads, cache_dir):
    first = load_dataset(mini)
    assert full_loads == [mini] and len(list(cache_dir.iterdir())) == 1
    second = load_dataset(mini)
    assert full_loads == [mini]  # not parsed nor validated again
    assert_same(second, first)
    assert_same(second, load_dataset(mini, use_cache=False))
    assert second.ports.loc["horgos-road", "modes"] == ["road"]  # lists come back as lists
    assert second.ports.crs == "EPSG:4326"


def test_the_real_data_comes_back_from_the_cache_as_loaded(full_loads):
    fresh = load_dataset()
    assert_same(load_dataset(), fresh)
    assert len(full_loads) == 1


def test_a_port_of_unknown_location_comes_back_without_a_geometry(with_unknown_port, full_loads):
    load_dataset(with_unknown_port)
    cached = load_dataset(with_unknown_port)
    assert len(full_loads) == 1 and cached.ports.loc["dulata"].geometry is None


def _inputs(folder: Path) -> list[Path]:
    return [path for path in dataset._inputs(folder, read_package()) if path != settings.DATAPACKAGE_PATH]


def test_every_input_file_is_in_the_key(mini):
    names = {path.relative_to(mini).as_posix() for path in _inputs(mini)}
    assert {"geojson/ports.geojson", "geojson/corridors.geojson", "geojson/zones.geojson", "facts.csv"} <= names
    assert {r["path"] for r in read_package()["resources"]} <= names


def test_one_byte_more_in_any_input_file_misses(mini, full_loads):
    load_dataset(mini)
    for number, path in enumerate(_inputs(mini), start=2):
        # A trailing newline: the same data, other bytes; the load starts again from the files.
        path.write_bytes(path.read_bytes() + b"\n")
        load_dataset(mini)
        assert len(full_loads) == number, path


def test_an_edited_name_is_read_from_the_file_not_the_cache(mini, full_loads):
    assert load_dataset(mini).ports.loc["horgos-road", "name"] == "Horgos Road Port"
    layer = mini / "geojson" / "ports.geojson"
    layer.write_text(layer.read_text(encoding="utf-8").replace("Horgos Road Port", "Horgos Road Porr"), "utf-8")
    assert load_dataset(mini).ports.loc["horgos-road", "name"] == "Horgos Road Porr"
    assert len(full_loads) == 2


def test_the_schema_and_the_code_are_in_the_key(tmp_path, monkeypatch):
    schema = tmp_path / "datapackage.json"
    schema.write_bytes(settings.DATAPACKAGE_PATH.read_bytes())
    before = cache.key([schema])
    schema.write_bytes(schema.read_bytes() + b" ")
    assert cache.key([schema]) != before
    code = tmp_path / "validate.py"
    code.write_text("# rules\n", encoding="utf-8")
    monkeypatch.setattr(cache, "_CODE", [*cache._CODE, code])
    changed = cache.key([schema])
    code.write_text("# other rules\n", encoding="utf-8")
    assert cache.key([schema]) != changed


@pytest.mark.parametrize(
    "damage",
    [
        lambda entry: (entry / "ports.parquet").write_bytes(b"not parquet"),
        lambda entry: (entry / "facts.parquet").write_bytes((entry / "facts.parquet").read_bytes()[:-40]),
        # A changed byte inside a file that still reads: caught by the file's digest.
        lambda entry: _flip_middle_byte(entry / "zones.parquet"),
        lambda entry: (entry / "manifest.json").write_text("{", encoding="utf-8"),
        lambda entry: (entry / "groups.parquet").unlink(),
    ],
    ids=["garbage", "truncated", "one-byte", "manifest", "missing"],
)
def test_a_damaged_entry_loads_in_full_and_is_rebuilt(mini, full_loads, cache_dir, damage):
    fresh = load_dataset(mini)
    (entry,) = cache_dir.iterdir()
    damage(entry)
    assert_same(load_dataset(mini), fresh)
    assert len(full_loads) == 2
    assert_same(load_dataset(mini), fresh)
    assert len(full_loads) == 2  # rebuilt: a hit again


def _flip_middle_byte(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))


def test_a_broken_folder_raises_the_same_error_every_time_and_is_never_cached(mini, edit_layer, cache_dir):
    edit_layer("ports", lambda data: data["features"][0]["properties"].update(status="closed"))
    messages = []
    for _ in range(2):
        with pytest.raises(DataError, match=r"ports\.geojson: feature 'horgos-road': field 'status'") as raised:
            load_dataset(mini)
        messages.append(str(raised.value))
    assert messages[0] == messages[1]
    assert not cache_dir.exists() or not any(cache_dir.iterdir())


def test_a_folder_that_was_valid_and_broke_raises(mini, edit_layer):
    load_dataset(mini)
    edit_layer("ports", lambda data: data["features"][0]["properties"].update(status="closed"))
    with pytest.raises(DataError, match=r"field 'status'"):
        load_dataset(mini)


def test_the_cache_can_be_turned_off(mini, full_loads, cache_dir, monkeypatch):
    monkeypatch.setenv("XJ_CACHE_DIR", "off")
    load_dataset(mini)
    load_dataset(mini)
    assert len(full_loads) == 2 and not cache_dir.exists()


def test_old_entries_are_pruned(mini, cache_dir, monkeypatch):
    monkeypatch.setattr(settings, "CACHE_ENTRIES", 2)
    layer = mini / "geojson" / "ports.geojson"
    for _ in range(4):
        layer.write_bytes(layer.read_bytes() + b"\n")
        load_dataset(mini)
    assert len(list(cache_dir.iterdir())) == 2


def test_a_value_parquet_would_change_is_not_cached(tmp_path):
    frame = pd.DataFrame({"mixed": ["text", 3]}, dtype=object)
    assert not cache.write(tmp_path, "entry", {"facts": frame})
    assert cache.read(tmp_path, "entry") is None
