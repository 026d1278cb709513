"""Shared fixtures: a small valid dataset to copy and break, and the real one."""

from __future__ import annotations

import csv
import json
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

from geo.data.dataset import Dataset, load_dataset

FIXTURES = Path(__file__).parent / "fixtures"
# The load cache of every test run (and the app servers it starts) in a folder of its own, not the project's.
os.environ.setdefault("XJ_CACHE_DIR", tempfile.mkdtemp(prefix="xj-test-cache-"))


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A copy of tests/fixtures/mini that a test may edit freely."""
    target = tmp_path / "data"
    shutil.copytree(FIXTURES / "mini", target)
    return target


@pytest.fixture
def edit_layer(mini: Path) -> Callable[[str, Callable[[dict], None]], Path]:
    """Apply an edit to one layer of the mini dataset; returns the edited file."""

    def edit(layer: str, change: Callable[[dict], None]) -> Path:
        path = mini / "geojson" / f"{layer}.geojson"
        data = json.loads(path.read_text(encoding="utf-8"))
        change(data)
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        return path

    return edit


def rewrite_csv(path: Path, change: Callable[[list[dict]], None]) -> Path:
    """Apply an edit to the rows of a CSV table, keeping its header."""
    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        fields, rows = reader.fieldnames, list(reader)
    change(rows)
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
    return path


@pytest.fixture
def edit_table(mini: Path) -> Callable[[str, Callable[[list[dict]], None]], Path]:
    """Apply an edit to the rows of one table of the mini dataset (facts, sources, ports, ...)."""
    return lambda table, change: rewrite_csv(mini / f"{table}.csv", change)


@pytest.fixture
def mini_dataset(mini: Path) -> Dataset:
    """The mini dataset, loaded: what code tests assert on instead of the real data."""
    return load_dataset(mini)


# A port of entry whose position no reference gives: listed with a null geometry, never drawn.
UNKNOWN_PORT = {
    "id": "dulata",
    "name": "Dulata Port",
    "name_zh": "都拉塔口岸",
    "aliases": "Dulat",
    "modes": "road",
    "kind": "border",
    "border_country": "KAZ",
    "partner_crossing": "",
    "parent": "",
    "status": "operational",
    "status_as_of": "",
    "coordinate": "",
    "coordinate_ref": "",
    "located_at": "",
    "location_accuracy": "unknown",
    "location_note": "Test fixture: no reference gives a position.",
    "sources": "test-ref",
}


@pytest.fixture
def with_unknown_port(mini: Path, edit_table) -> Path:
    """The mini dataset plus a port of unknown location, counted towards approved_ports; layers rebuilt."""
    from geo.data.build import write

    edit_table("ports", lambda rows: rows.append(dict(UNKNOWN_PORT)))
    edit_table(
        "port_counts",
        lambda rows: rows.append(
            {
                "measure": "approved_ports",
                "port_id": "dulata",
                "certainty": "certain",
                "ref_id": "test-ref",
                "note": "x",
            }
        ),
    )
    write(mini)
    return mini


@pytest.fixture(scope="session")
def dataset() -> Dataset:
    """The project's real data, loaded and validated once."""
    return load_dataset()
