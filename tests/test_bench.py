"""The benchmark's synthetic data is valid by the project's own rules, its figures add up, and the command runs."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from bench import concurrency, pages, synthetic
from bench.__main__ import merge, ratios
from bench.report import markdown_table, table
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


def test_a_filter_change_is_timed_from_the_press_until_the_map_and_every_part_of_the_page_show_it():
    press = 1_000_000.0
    state = {
        "press": press,
        "marks": {
            "map_air": press + 12,
            "map_air:painted": press + 20,
            "status_air": press + 12,
            "tally_air": press + 13,
            "tab_air": press + 14,
            "rows_air": press + 15,
            "page_air": press + 15,
            "page_air:painted": press + 31,
        },
        # The component tells Python a second after the change; the first message is from before the press.
        "sent": [[press - 500, 10], [press + 1_010, 40]],
        "ws": [[press - 400, 100], [press + 1_030, 200], [press + 1_090, 5000]],
    }
    state["long"] = [[press - 300, press - 240], [press + 2, press + 60], [press + 500, press + 560]]
    figures = pages.filter_figures("ours", state)
    assert figures["map_painted"] == 20
    assert figures["long_tasks_ms"] == 18  # the part of a long task between the press and the map painted
    assert figures["tally_dom"] == 13 and figures["rows_dom"] == 15
    assert figures["end_to_end"] == 31  # the later of the two: here the page outside the map
    assert figures["sent"] == 1_010 and figures["first_reply"] == 1_030
    assert figures["bytes_back"] == 5200
    # The page never caught up: no end to end, not the map's figure in its place.
    state["marks"].pop("page_air:painted")
    assert pages.filter_figures("ours", state)["end_to_end"] is None
    # The map-only page has only its map: its figure is the map update, and Python is told as on ours.
    only = pages.filter_figures("maponly", state)
    assert only["map_painted"] == 20 and "end_to_end" not in only and only["sent"] == 1_010
    summary = pages.summarise("maponly", [{"first": {"first_map": 900.0, "first_byte": 10.0}, "filter": only}])
    assert summary["filter_update_ms"] == 20 and "filter_end_to_end_ms" not in summary


def test_the_floor_is_timed_from_a_call_and_from_a_click_on_a_checkbox_of_its_own():
    """The standalone page has no filter bar: its explorer is called (from the call), and a plain checkbox the
    benchmark adds is clicked as ours is (from the press, the browser's handing over of the click included)."""
    press = 1_000_000.0
    called = {"press": press, "marks": {"map_air": press + 6, "map_air:painted": press + 10}}
    clicked = {"press": press, "changed": press + 4, "marks": {"map_air": press + 9, "map_air:painted": press + 14}}
    runs = [
        {
            "first": {"first_map": 400.0, "first_byte": 5.0},
            "filter": pages.filter_figures("floor", called),
            "filter_clicked": pages.filter_figures("floor", clicked),
        }
    ]
    assert runs[0]["filter"]["change"] is None and runs[0]["filter_clicked"]["change"] == 4
    summary = pages.summarise("floor", runs)
    assert summary["filter_update_ms"] == 10 and summary["filter_update_clicked_ms"] == 14
    assert summary["filter_clicked_timeline"] == {"change": 4, "map_dom": 9}
    r = result("real", None)
    r["floor"] |= {"filter_update_clicked_ms": 16.0}
    assert ratios(r)["filter_end_to_end_vs_floor_clicked"] == 1.5


def test_our_pages_are_also_timed_at_their_third_filter_warm_as_the_floor_clicked_is():
    """The first click is each page's first filter (like the floor called); "Air" off and on again is the third (like
    the floor's clicked update, after its called "Air" and none), so warm code is set against warm code."""
    press = 1_000_000.0

    def ours(end: float) -> dict:
        marks = {"map_air": press + 5, "map_air:painted": press + end - 1, "page_air": press + 5}
        return {"press": press, "changed": press + 2, "marks": marks | {"page_air:painted": press + end}, "sent": [],
                "ws": []}  # fmt: skip

    first = {"first": {"first_map": 900.0, "first_byte": 10.0}}
    runs = [first | {"filter": pages.filter_figures("ours", ours(e)), "filter_again": pages.filter_figures("ours", ours(a))}
            for e, a in ((20, 16), (22, 17), (30, 15))]  # fmt: skip
    summary = pages.summarise("ours", runs)
    assert summary["filter_end_to_end_ms"] == 22 and summary["filter_again_ms"] == 16
    assert summary["filter_again_timeline"] == {"change": 2, "map_painted": 15}
    only = pages.summarise("maponly", [first | {"filter_again": pages.filter_figures("maponly", ours(14))}])
    assert only["filter_again_ms"] == 13  # the map-only page has only its map: its figure is the map painted
    r = result("real", only) | summary
    r["floor"] |= {"filter_update_clicked_ms": 10.0}
    assert ratios(r)["filter_again_vs_floor_clicked"] == 1.6
    assert ratios(r)["filter_again_vs_map_only_again"] == pytest.approx(16 / 13, abs=1e-3)
    assert ratios(result("real", None))["filter_again_vs_floor_clicked"] is None  # a run from before it was measured


# What node needs to try the probe's conditions on a page described as {selector: element}; for
# querySelectorAll, the key is the selector followed by "*".
CONDITIONS = """
const [dom, conditions] = [JSON.parse(process.argv[1]), JSON.parse(process.argv[2])];
const doc = { querySelector: (s) => dom[s] || null, querySelectorAll: (s) => dom[s + "*"] || [] };
const met = {};
for (const [name, code] of Object.entries(conditions)) met[name] = Boolean(new Function("doc", "win", "return " + code)(doc, {}));
console.log(JSON.stringify(met));
"""


def met(dom: dict, conditions: dict[str, str]) -> dict[str, bool]:
    done = subprocess.run(
        ["node", "-e", CONDITIONS, json.dumps(dom), json.dumps(conditions)], capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout)


def our_page(status: str, tally: str, shown: int, tabs: list[str], rows: int) -> dict:
    return {
        ".xj-status": {"textContent": status},
        ".xj-tally .xj-tally-line": {"textContent": tally},
        ".xj-tally": {"dataset": {"xjShown": json.dumps({"ports": shown, "corridors": 3, "zones": 1})}},
        ".xj-tab*": [{"textContent": t} for t in tabs],
        ".xj-places": {"dataset": {"xjRows": str(rows)}},
    }


@pytest.mark.skipif(shutil.which("node") is None, reason="Node.js is not installed")
def test_our_page_shows_a_view_when_the_bar_the_tally_the_tab_and_the_rows_all_say_so():
    parts = {**pages.page_parts(250, 260, 1000), "all": pages.page_shows(250, 260, 1000)}
    caught_up = our_page(
        "250 of 1,000 ports · 3 of 3 corridors · 1 of 1 zone · 9 not drawn (location unknown)",
        "260 of 1,000 ports · 3 of 3 corridors · 1 of 1 zone",
        260,
        ["Ports (260)", "Corridors (3)", "Zones (1)"],
        260,
    )
    assert met(caught_up, parts) == dict.fromkeys(parts, True)
    # The moment before: the map's bar has the new count, the sidebar, tab and table still the old one.
    behind = our_page("250 of 1,000 ports", "1,000 of 1,000 ports", 1000, ["Ports (1,000)"], 1000)
    assert met(behind, parts) == {"status": True, "tally": False, "tab": False, "rows": False, "all": False}
    # A count that merely contains the number is not it; one port is "1 port".
    assert met(
        our_page("2,250 of 1,000 ports", "1,260 of 1,000 ports", 260, ["Ports (2,260)"], 26), parts
    ) == dict.fromkeys(parts, False)
    one = pages.page_parts(1, 1, 22)
    assert met(
        our_page("1 of 22 ports · 0 of 3 corridors", "1 of 22 ports", 1, ["Ports (1)"], 1), one
    ) == dict.fromkeys(one, True)


# The probe run in node with just enough of a browser around it to load; it reads the messages given as hex.
PROBE_FIELDS = """
const fs = require("fs");
global.window = global;
window.top = window;
window.WebSocket = function () {};
window.addEventListener = () => {};
global.requestAnimationFrame = () => {};
global.MutationObserver = function () { this.observe = () => {}; };
global.document = { querySelectorAll: () => [] };
eval(fs.readFileSync(process.argv[1], "utf8"));
const read = (hex) => window.__xjb.fields(new Uint8Array(Buffer.from(hex, "hex")).buffer);
console.log(JSON.stringify(JSON.parse(process.argv[2]).map(read)));
"""


@pytest.mark.skipif(shutil.which("node") is None, reason="Node.js is not installed")
def test_the_probe_tells_streamlits_run_messages_apart_by_their_fields():
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    finished = ForwardMsg(hash="abc", script_finished=ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY)
    started = ForwardMsg()
    started.new_session.main_script_path = "x" * 300  # a length of two bytes
    started.metadata.delta_path.extend([0, 1])
    rerun = BackMsg()
    rerun.rerun_script.query_string = "modes=air"
    messages = [m.SerializeToString().hex() for m in (finished, started, rerun)]
    probe = str(settings.PROJECT_DIR / "bench" / "probe.js")
    done = subprocess.run(
        ["node", "-e", PROBE_FIELDS, probe, json.dumps(messages)], capture_output=True, text=True, check=True
    )
    # script_finished is ForwardMsg field 6, new_session 4; rerun_script is BackMsg field 11.
    assert json.loads(done.stdout) == [[1, 6], [2, 4], [11]]


def test_concurrent_viewers_latency_is_each_change_from_its_own_press_and_reruns_are_counted_in_the_window():
    state = {
        "presses": [1_000.0, 5_000.0],
        "marks": {
            "map0:painted": 1_020.0,
            "page0:painted": 1_030.0,
            "map1:painted": 5_060.0,
            "page1:painted": 5_040.0,
        },
    }
    assert concurrency.latencies(state, range(2)) == ([30.0, 60.0], [20.0, 60.0])
    finished = [950.0, 2_100.0, 6_000.0, 9_000.0]  # runs the server finished, as the page heard them
    assert concurrency.within(finished, 1_000.0, 6_000.0) == 2  # the one before the window is not counted
    assert concurrency.percentile([5.0, 1.0, 4.0, 2.0, 3.0], 50) == 3.0
    assert concurrency.percentile([float(n) for n in range(1, 21)], 95) == 19.0  # nearest rank: measured values
    got = concurrency.summary(30, 20, [10.0] * 599 + [900.0], [5.0] * 600, runs=300, seconds=60.0, cpu=12.34)
    assert got["samples"] == 600 and got["p95_ms"] == 10.0 and got["max_ms"] == 900.0
    assert got["reruns_per_s"] == 5.0 and got["changes_per_s"] == 10.0 and got["server_cpu_s"] == 12.3
    # Each change must bring its own view: "Air" on, then back to all.
    e = pages.Expect(drawn=20, drawn_air=3, listed=22, listed_air=4, rich=True)
    on, off = concurrency.change_conditions(0, e), concurrency.change_conditions(1, e)
    assert set(on) == {"map0", "page0"} and on["page0"] == pages.page_shows(3, 4, 22)
    assert off["page1"] == pages.page_shows(20, 22, 22)
    assert set(concurrency.change_conditions(1, e, "maponly")) == {"map1"}  # the map-only page has its map alone
    alone = {"presses": [1_000.0], "marks": {"map0:painted": 1_040.0}}
    assert concurrency.latencies(alone, range(1)) == ([40.0], [40.0])


def result(size: str, maponly: dict | None, concurrent: list | None = None) -> dict:
    r = {
        "size": size,
        "ports": 22 if size == "real" else int(size),
        "load_ms": 100.0,
        "load_warm_ms": 50.0,
        "build_ms": 200.0,
        "payload_bytes": 2048,
        "rerun_ms": 60.0,
        "first_map_ms": 1_500.0,
        "first_map_after_first_byte_ms": 1_480.0,
        "filter_update_ms": 20.0,
        "filter_end_to_end_ms": 24.0,
        "naive": {"first_map_ms": 2_000.0, "filter_update_ms": 400.0, "filter_end_to_end_ms": 480.0},
        "maponly": maponly,
        "floor": {"first_map_ms": 700.0, "filter_update_ms": 16.0},
    }
    if concurrent:
        r["concurrency"] = concurrent
    return r | {"ratios": ratios(r)}


def test_ratios_and_tables_set_ours_against_the_map_only_page_the_floor_and_naive():
    viewers = [concurrency.summary(n, 20, [30.0 * n] * 20 * n, [20.0] * 20 * n, 20 * n, 40.0, 3.0) for n in (1, 30)]
    control = [concurrency.summary(n, 20, [25.0 * n] * 20 * n, [25.0 * n] * 20 * n, 20 * n, 40.0, 1.0) for n in (1, 30)]
    real = result("real", {"first_map_ms": 1_250.0, "filter_update_ms": 18.0, "concurrency": control}, viewers)
    real["run"] = {"machine": {"load_before": [3.04, 2.0, 1.0], "load_after": [11.5, 5.0, 2.0]}}
    assert real["ratios"]["first_map_vs_map_only"] == 1.2
    assert real["ratios"]["filter_end_to_end_vs_floor"] == 1.5
    assert real["ratios"]["filter_end_to_end_vs_naive"] == 0.05
    older = result("100", None)  # a size measured before the map-only page existed
    assert older["ratios"]["first_map_vs_map_only"] is None
    md = markdown_table([real, older]).splitlines()
    assert md[2].startswith("| 22 (real) | 1,500 | 1,250 | 1.2 | 700 | 20 | 24 | 18 | 16 | 1.5 | 480 | 0.05 |")
    assert md[2].endswith("| 3.0 / 11.5 |")  # the machine's load when the size was measured
    assert md[3].startswith("| 100 | 1,500 | not run | not run |")
    assert "| 22 (real) | ours | 30 | 600 | 900 | 900 | 900 | 15 | not run | 600 | 15 | 3 |" in md
    assert "| 22 (real) | map only | 30 | 600 | 750 | 750 | 750 | 15 | not run | 600 | 15 | 1 |" in md
    printed = table([real, older])
    assert "maponly first" in printed and "reruns/s" in printed


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
        [
            sys.executable,
            "-m",
            "bench",
            "--sizes",
            "real",
            "--runs",
            "1",
            "--sessions",
            "1",
            "2",
            "--changes",
            "2",
            "--out",
            str(out),
        ],  # fmt: skip
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
    # End to end includes the map; the parts outside it are drawn in the browser, Python is told after.
    assert result["filter_update_ms"] <= result["filter_end_to_end_ms"]
    assert {"status_dom", "tally_dom", "tab_dom", "rows_dom", "sent"} <= set(result["filter_timeline"])
    assert {"ws_open", "component_js", "leaflet_js", "base_fetched", "first_map"} <= set(result["first_map_timeline"])
    for who in ("naive", "maponly", "floor"):
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
    assert ratios["first_map_vs_map_only"] == pytest.approx(
        result["first_map_ms"] / result["maponly"]["first_map_ms"], rel=1e-2
    )
    assert [c["sessions"] for c in result["concurrency"]] == [1, 2]
    assert [c["sessions"] for c in result["maponly"]["concurrency"]] == [1, 2]
    for level in result["concurrency"]:
        assert level["samples"] == 2 * level["sessions"] and level["p95_ms"] >= level["p50_ms"] > 0
        assert level["reruns"] >= 1  # each change reaches Python after the debounce
    assert "first map" in done.stdout and "floor upd" in done.stdout  # the printed table
    # The floor's map is drawn at our map's size (its page as large as our map and its title line), so at our zoom.
    assert result["floor"]["map_px"] == result["map_px"]
    assert all(run["map_px"] == result["map_px"] for run in result["floor"]["per_run"])


def test_a_loading_session_reports_a_filter_as_the_map_component_does():
    """bench/serverload.py's sessions without a browser send the page the report the map sends: the page takes it
    as the viewer's (a usable report whose filter it applies), as a fragment run of the map's part."""
    from streamlit.proto.BackMsg_pb2 import BackMsg

    from bench import serverload
    from geo.explore import urlstate
    from web.mapview import _usable_report

    message = BackMsg()
    message.ParseFromString(serverload._report("$$ID-map", "fragment-1", serverload.view_of(air=True)))
    (widget,) = message.rerun_script.widget_states.widgets
    assert (widget.id, message.rerun_script.fragment_id) == ("$$ID-map", "fragment-1")
    view = json.loads(widget.json_value)["view"]
    assert _usable_report(view)
    assert urlstate.from_map(view, []).modes == ("air",)
    assert urlstate.from_map(serverload.view_of(air=False), []).modes == ()
