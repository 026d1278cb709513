"""deploy/haproxy.cfg is valid as shipped, and the balancer benchmark's figures are the ones the docs state."""

from __future__ import annotations

import json
import os
import subprocess

import pytest

from bench.balancer import OUT, percentile
from geo import settings
from tests.e2e.balancer import CONFIG, HAPROXY


@pytest.mark.skipif(
    not os.path.exists(HAPROXY) and not os.environ.get("CI"), reason="no haproxy: `make test` installs it"
)
def test_the_haproxy_config_is_valid():
    ports = {"XJ_LB_PORT": "8500", "XJ_STATS_PORT": "8404", "XJ_APP1_PORT": "8501", "XJ_APP2_PORT": "8502"}
    checked = subprocess.run(
        [HAPROXY, "-c", "-f", str(CONFIG)], env={**os.environ, **ports}, capture_output=True, text=True, timeout=30
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "WARNING" not in checked.stdout + checked.stderr


def test_percentiles_are_nearest_rank():
    values = [float(v) for v in range(1, 21)]
    assert percentile(values, 50) == 10 and percentile(values, 95) == 19 and percentile(values, 100) == 20
    assert percentile([], 50) is None


def test_the_figures_stated_are_the_benchmark_s():
    """docs/deploy.md and docs/limits.md state bench/balancer.json's p50 and p95 for one and two processes."""
    results = {r["setup"]: r for r in json.loads(OUT.read_text(encoding="utf-8"))["results"]}
    assert {"direct", "haproxy_2"} <= set(results)
    assert results["haproxy_2"]["processes"] == 2 and min(results["haproxy_2"]["sessions_held"].values()) >= 1
    doc = (settings.PROJECT_DIR / "docs" / "deploy.md").read_text(encoding="utf-8")
    limits = (settings.PROJECT_DIR / "docs" / "limits.md").read_text(encoding="utf-8")
    for name in ("direct", "haproxy_2"):
        figures = results[name]["end_to_end"]
        for key in ("p50_ms", "p95_ms"):
            assert f"{figures[key]:,.0f}" in doc, (name, key)
            assert f"{key[:3]} {figures[key] / 1000:.2g} s" in limits, (name, key)


def test_every_documented_start_of_the_app_holds_malloc_to_two_arenas():
    """`make run` and each `streamlit run` of docs/deploy.md set MALLOC_ARENA_MAX=2, as the upload-memory test's
    server has it: without it the server kept 15-30 MB of freed memory per upload visit (docs/deploy.md)."""
    makefile = (settings.PROJECT_DIR / "Makefile").read_text(encoding="utf-8")
    doc = (settings.PROJECT_DIR / "docs" / "deploy.md").read_text(encoding="utf-8")
    starts = [
        line for line in (makefile + doc).splitlines() if "streamlit run app.py" in line and "-m streamlit" in line
    ]
    assert len(starts) >= 3, "the Makefile's run target and the two processes of docs/deploy.md"
    assert all(line.strip().startswith("MALLOC_ARENA_MAX=2 ") for line in starts), starts
