"""``python -m geo validate``: exit 0 on good data, 1 with the messages on bad data."""

from __future__ import annotations

import json
import subprocess
import sys

from geo import settings
from geo.__main__ import main


def test_validate_real_data(capsys):
    assert main(["validate"]) == 0
    assert "valid (16 ports, 6 corridors, 7 zones" in capsys.readouterr().out


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


def test_module_runs_as_a_command():
    done = subprocess.run(
        [sys.executable, "-m", "geo", "validate"], capture_output=True, text=True, cwd=settings.PROJECT_DIR, check=False
    )
    assert done.returncode == 0, done.stderr


def test_export_html_writes_a_standalone_map(tmp_path, capsys):
    out = tmp_path / "map.html"
    assert main(["export-html", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    assert '<script src="' not in html  # Leaflet inlined: the file opens with no server and no network
    assert html.count('"group": "') == 16  # every port
    assert "Horgos Road Port" in html


def test_export_html_reports_missing_assets(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(settings, "ASSET_DIRS", (tmp_path / "nowhere",))
    assert main(["export-html", str(tmp_path / "map.html")]) == 1
    assert "Leaflet's leaflet.js not found" in capsys.readouterr().err
