"""The benchmark's synthetic data is valid by the project's own rules, and the command runs end to end."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from bench import synthetic
from geo import settings
from geo.dataset import load_dataset


def test_synthetic_data_is_valid_and_keeps_the_real_facts(tmp_path):
    folder = synthetic.make(tmp_path / "data", 200)
    data = load_dataset(folder)
    assert len(data.ports) == 200
    assert {"horgos-road", "urumqi-airport"} <= set(data.ports.index)
    assert len(data.facts) == len(load_dataset().facts)


def test_large_sizes_add_long_corridors(tmp_path):
    folder = synthetic.make(tmp_path / "data", 10_000)
    corridors = load_dataset(folder).corridors
    assert max(len(g.coords) for g in corridors.geometry) == 1_000


@pytest.mark.slow
@pytest.mark.skipif(not os.path.exists("/usr/bin/chromium") and not os.environ.get("CI"), reason="needs Chromium")
def test_benchmark_command_writes_its_report(tmp_path):
    out = tmp_path / "results.json"
    done = subprocess.run(
        [sys.executable, "-m", "bench", "--sizes", "real", "--runs", "1", "--out", str(out)],
        cwd=settings.PROJECT_DIR,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(out.read_text())
    (result,) = report["results"]
    for key in ("load_ms", "build_ms", "html_bytes", "rerun_ms", "first_map_ms", "filter_update_ms"):
        assert result[key] > 0, key
    assert result["naive"]["first_map_ms"] > 0
    assert result["ratio_filter_update"] == pytest.approx(
        result["filter_update_ms"] / result["naive"]["filter_update_ms"], rel=1e-2
    )
    assert report["machine"]["cores"] == os.cpu_count()
    assert "first map" in done.stdout and "ratio filter" in done.stdout  # the printed table
