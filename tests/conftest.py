"""Shared fixtures: a small valid dataset to copy and break, and the real one."""

from __future__ import annotations

import csv
import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from geo.dataset import Dataset, load_dataset

FIXTURES = Path(__file__).parent / "fixtures"


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
    """Apply an edit to the rows of facts.csv or sources.csv of the mini dataset."""
    return lambda table, change: rewrite_csv(mini / f"{table}.csv", change)


@pytest.fixture(scope="session")
def dataset() -> Dataset:
    """The project's real data, loaded and validated once."""
    return load_dataset()
