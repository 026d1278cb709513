"""The benchmark's synthetic data is valid by the project's own rules, its figures add up, and the command runs."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from bench import pages, synthetic
from bench.__main__ import merge
from geo import settings
from geo.data.dataset import load_dataset


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


def test_a_filter_change_is_timed_from_the_press_until_both_map_and_page_show_it():
    press = 1_000_000.0
    state = {
        "press": press,
        "marks": {
            "map_air": press + 12,
            "map_air:painted": press + 20,
            "page_air": press + 140,
            "page_air:painted": press + 150,
        },
        "sent": [[press - 500, 10], [press + 70, 40]],  # the first message is from before the press
        "ws": [[press - 400, 100], [press + 90, 200], [press + 130, 5000]],
    }
    figures = pages.filter_figures("ours", state)
    assert figures["map_painted"] == 20
    assert figures["sent"] == 70 and figures["first_reply"] == 90
    assert figures["end_to_end"] == 150  # the later of the two: here Python's page
    assert figures["bytes_back"] == 5200


def test_the_first_map_counts_from_navigation_and_from_the_first_byte():
    origin = 5_000.0
    state = {
        "origin": origin,
        "nav": {"first_byte": 40.0, "html_done": 50.0, "dom_ready": 400.0, "load": 600.0},
        "marks": {
            "ports_all": origin + 900,
            "ports_all:painted": origin + 1_000,
            "ready": origin + 1_200,
            "ready:painted": origin + 1_240,
        },
        "ws": [],
        "resources": [{"name": "http://127.0.0.1:1/app/static/basemap/relief.jpg", "start": 800, "end": 1_100}],
    }
    timeline = pages.first_map_timeline("floor", state, payload_bytes=1)
    assert timeline["first_map"] == 1_240  # the later of "every port drawn" and "base map loaded"
    assert timeline["base_fetched"] == 1_100
    summary = pages.summarise("floor", [{"first": timeline, "filter": {"map_dom": 5.0, "map_painted": 9.0}}])
    assert summary["first_map_ms"] == 1_240 and summary["first_map_after_first_byte_ms"] == 1_200
    assert summary["filter_update_ms"] == 9


def test_a_merged_report_keeps_each_size_with_the_run_it_was_measured_in():
    def report(minutes, sizes):
        machine = {"cores": 2, "load_before": [minutes, 0, 0]}
        return {
            "machine": machine,
            "runs": 3,
            "minutes": minutes,
            "results": [{"size": s, "x": minutes} for s in sizes],
        }

    merged = merge(report(5, ["real", "100", "1000"]), report(40, ["100000", "10000", "1000"]))
    assert [r["size"] for r in merged["results"]] == ["real", "100", "1000", "10000", "100000"]
    by_size = {r["size"]: r for r in merged["results"]}
    assert by_size["real"]["x"] == by_size["real"]["run"]["minutes"] == 5
    assert by_size["1000"]["x"] == by_size["1000"]["run"]["minutes"] == 40  # the newer run replaces it
    assert merged["minutes"] == 40
    # Merged again, a size keeps the run it came from, not the report's newest.
    again = merge(merged, report(1, ["100"]))
    assert {r["size"]: r["run"]["minutes"] for r in again["results"]} == {
        "real": 5,
        "100": 1,
        "1000": 40,
        "10000": 40,
        "100000": 40,
    }


@pytest.mark.slow
@pytest.mark.skipif(not os.path.exists("/usr/bin/chromium") and not os.environ.get("CI"), reason="needs Chromium")
def test_benchmark_command_writes_its_report(tmp_path):
    out = tmp_path / "results.json"
    done = subprocess.run(
        [sys.executable, "-m", "bench", "--sizes", "real", "--runs", "1", "--out", str(out)],
        cwd=settings.PROJECT_DIR,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(out.read_text())
    assert {"machine", "runs", "minutes", "method", "results"} <= set(report)
    assert report["machine"]["cores"] == os.cpu_count()
    (result,) = report["results"]
    for key in (
        "load_ms", "load_cold_ms", "load_warm_ms", "build_ms", "html_bytes", "payload_bytes", "export_bytes", "rerun_ms", "first_run_ms",
        "first_map_ms", "first_map_after_first_byte_ms", "filter_update_ms", "filter_end_to_end_ms",
    ):  # fmt: skip
        assert result[key] > 0, key
    assert result["first_map_after_first_byte_ms"] < result["first_map_ms"]
    assert result["filter_update_ms"] < result["filter_end_to_end_ms"]  # the map answers before Python's page
    assert {"ws_open", "component_js", "leaflet_js", "base_fetched", "first_map"} <= set(result["first_map_timeline"])
    for who in ("naive", "floor"):
        assert result[who]["first_map_ms"] > 0 and result[who]["filter_update_ms"] > 0, who
        assert result[who]["note"] is None, who
    assert result["naive"]["filter_end_to_end_ms"] > 0
    ratios = result["ratios"]
    assert ratios["filter_end_to_end_vs_naive"] == pytest.approx(
        result["filter_end_to_end_ms"] / result["naive"]["filter_end_to_end_ms"], rel=1e-2
    )
    assert ratios["first_map_vs_floor"] == pytest.approx(
        result["first_map_ms"] / result["floor"]["first_map_ms"], rel=1e-2
    )
    assert "first map" in done.stdout and "floor upd" in done.stdout  # the printed table
