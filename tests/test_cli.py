"""``python -m geo``: build, validate (exit 0, or 1 with one line per problem) and export-html (small fixture)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from geo import settings
from geo.__main__ import main


@pytest.fixture(autouse=True)
def articles(tmp_path, monkeypatch):
    """The fixture's one article, where validate looks for articles (settings.SEEDS_DIR, XJ_SEEDS_DIR)."""
    folder = tmp_path / "seeds"
    folder.mkdir()
    (folder / "000_test.txt").write_text("A test article.", encoding="utf-8")
    monkeypatch.setattr(settings, "SEEDS_DIR", folder)
    monkeypatch.setenv("XJ_SEEDS_DIR", str(folder))
    return folder


def test_validate_good_data(mini, capsys):
    assert main(["--data", str(mini), "validate"]) == 0
    assert capsys.readouterr().out == (
        f"{mini}: valid (2 ports, 1 corridors, 1 zones, 6 facts, 1 sources, 3 groups, 1 references, "
        "2 port counts, 4 events; layers match the tables).\n"
    )


def test_validate_broken_data_exits_one_with_one_line(mini, capsys):
    path = mini / "geojson" / "ports.geojson"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["features"][0]["properties"]["kind"] = "seaport"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert main(["--data", str(mini), "validate"]) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0
    assert (
        err
        == f"error: {path}: feature 'horgos-road': field 'kind': expected one of border, airport, inland; got 'seaport'."
    )


def test_validate_names_layers_the_tables_no_longer_build(mini, edit_table, capsys):
    edit_table("ports", lambda rows: rows[0].update(status="seasonal"))
    assert main(["--data", str(mini), "validate"]) == 1
    assert capsys.readouterr().err.strip() == (
        f"error: {mini / 'geojson' / 'ports.geojson'}: expected the layer the tables build; got a different file "
        "(run python -m geo build)."
    )


def test_validate_names_a_source_whose_article_is_missing_with_the_other_problems(mini, articles, capsys):
    (articles / "000_test.txt").unlink()
    path = mini / "geojson" / "ports.geojson"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["features"][0]["properties"]["kind"] = "seaport"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert main(["--data", str(mini), "validate"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "error: 2 problem(s) in the data:",
        f"{path}: feature 'horgos-road': field 'kind': expected one of border, airport, inland; got 'seaport'.",
        f"{mini / 'sources.csv'}: row 2 (source 'test-article'): field 'file': expected an article in {articles}; "
        "got '000_test.txt', which is not there.",
    ]


def test_validate_finds_an_article_in_the_data_folders_own_articles(mini, articles, capsys):
    (articles / "000_test.txt").rename(mini / "articles.txt")
    (mini / "articles").mkdir()
    (mini / "articles.txt").rename(mini / "articles" / "000_test.txt")
    assert main(["--data", str(mini), "validate"]) == 0, capsys.readouterr().err
    assert settings.article_path("000_test.txt", mini) == mini / "articles" / "000_test.txt"


def test_validate_says_when_the_articles_folder_is_missing(mini, articles, monkeypatch, capsys):
    monkeypatch.setattr(settings, "SEEDS_DIR", articles / "nowhere")
    assert main(["--data", str(mini), "validate"]) == 1
    assert capsys.readouterr().err.strip() == (
        f"error: {articles / 'nowhere'}: expected the articles folder (../shared/seeds beside the project, or "
        "XJ_SEEDS_DIR); got no folder, so no source's file can be checked."
    )


def test_build_writes_the_layers(mini, edit_table, capsys):
    edit_table("ports", lambda rows: rows[0].update(status="seasonal"))
    assert main(["--data", str(mini), "build"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"wrote {mini / 'geojson' / f'{n}.geojson'}" for n in ("ports", "corridors", "zones")
    ]
    assert main(["--data", str(mini), "validate"]) == 0


def test_build_with_broken_tables_exits_one_and_writes_nothing(mini, edit_table, capsys):
    before = (mini / "geojson" / "ports.geojson").read_bytes()
    edit_table("ports", lambda rows: rows[0].update(modes="truck"))
    assert main(["--data", str(mini), "build"]) == 1
    assert "field 'modes': expected a ';'-separated list from road, rail, air; got 'truck'." in capsys.readouterr().err
    assert (mini / "geojson" / "ports.geojson").read_bytes() == before


def test_module_runs_as_a_command(mini):
    done = subprocess.run(
        [sys.executable, "-m", "geo", "--data", str(mini), "validate"],
        capture_output=True,
        text=True,
        cwd=settings.PROJECT_DIR,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def test_a_traceback_never_reaches_the_user(mini):
    (mini / "geojson" / "ports.geojson").write_text("[" * 100_000, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "geo", "--data", str(mini), "validate"],
        capture_output=True,
        text=True,
        cwd=settings.PROJECT_DIR,
        check=False,
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and done.stderr.count("\n") == 1


def test_export_html_writes_a_standalone_map(mini, tmp_path, capsys):
    out = tmp_path / "map.html"
    assert main(["--data", str(mini), "export-html", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    assert '<script src="' not in html  # Leaflet inlined: the file opens with no server and no network
    assert html.count('"group": "') == 2  # every port of the fixture
    assert "Horgos Road Port" in html


def test_export_html_reports_missing_assets(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(settings, "ASSET_DIRS", (tmp_path / "nowhere",))
    assert main(["export-html", str(tmp_path / "map.html")]) == 1
    assert "Leaflet's leaflet.js not found" in capsys.readouterr().err
