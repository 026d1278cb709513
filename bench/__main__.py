"""Run the benchmark: ``python -m bench [--sizes real 100 1000 10000 100000] [--runs 3] [--out FILE] [--merge]
[--naive-max 10000] [--sessions 1 10 30] [--changes 20]``.

For each size (the real data, or the real data plus synthetic ports) it measures, as medians of several runs:
  load_ms                load + validate + join, the cache off (parsing and validating every file)
  load_cold_ms           load with an empty cache: parse, validate and write the validated frames' cache
  load_warm_ms           load from that cache (what a restarted server pays for unchanged files)
  build_ms               building the Folium map and rendering it into the component's payload;
                         html_bytes (the map page's HTML), payload_bytes (the payload as JSON, sent once)
  rerun_ms               the server's cost of the run a filter change leads to (the component reports it a
                         second later): Streamlit AppTest, the map reports "modes: air" (or back to all), the
                         whole script reruns and Python's view of what is shown follows
  first_run_ms           the script's first run for a new session (caches warm)
  first_map_ms           headless Chromium, navigation start until the map is drawn with every port and its
                         base map loaded, and painted; first_map_after_first_byte_ms the same from the
                         page's first byte; first_map_timeline: when each step was reached
  filter_update_ms       the click on "Air" in the map's filter bar until the map shows only air ports, painted
  filter_end_to_end_ms   the same click until the map and everything outside it that follows the filter show the
                         new view, painted: the map bar's status ("3 of 22 ports"), the sidebar's tally ("3 of 22
                         ports"), the tab "Ports (3)" and the ports table's rows; filter_timeline: each part, and
                         when Python was told (after the component's debounce) and answered
  filter_again_ms        the same end to end for the page's third filter ("Air" off, then on again, the on timed):
                         warm as the floor's clicked update is (the first click is each page's first filter)
Before each timed click the page must be idle for 300 ms on end: no Streamlit run under way, no report pending in
the map component, no websocket message either way and no long task.
The same for: the naive baseline (bench/naive_app.py: a sidebar multiselect, the whole folium map rebuilt per
change; its end to end is until its sidebar's "N of M ports" and its map show the change) up to --naive-max ports;
the map-only page (bench/map_only_app.py: Streamlit with only our map element, the same payload; first map and
map update); and the floor, the standalone export (python -m geo export-html) served as a plain file on 127.0.0.1
without Streamlit, its explorer filtered directly (filter_update_ms, from the call) and again from a click on a plain
"Air" checkbox the benchmark puts on that page (filter_update_clicked_ms: from the press, as ours is timed). Ratios
are ours / naive, ours / floor (both ways: first filter against the called floor, third filter against the clicked
floor) and ours / map-only.
On the real data, --sessions viewers (1, 10, 30) change filters at once on one server (bench/concurrency.py): p50
and p95 of click until that page's map, counts, tab and rows show the change, and the server's reruns per second.
Every time in the browser is taken inside the page (bench/probe.js), on one clock, from the click's own event time
stamp; every request leaving 127.0.0.1 is aborted, like the tests.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench import pages, synthetic
from bench.report import README, markdown_table, table, with_table  # noqa: F401 - tests/test_docs.py reads them here
from geo import settings
from geo.data import join
from geo.data.dataset import load_dataset
from geo.explore.filter import filter_layer
from geo.render import mapping

NAIVE_MAX_PORTS = 10_000  # beyond this the baseline's DOM markers take minutes: not attempted
LARGE = 10_000  # from this size on, the naive page runs once (it takes a minute and more)
FEW_RUNS = 100_000  # from this size on, two runs (each page takes many seconds); 10,000 ports vary too much for two
BUDGET_S = 120  # a browser step with no answer in this time is recorded as a note
AIR = {"modes": ["air"]}
RESULTS = settings.PROJECT_DIR / "bench" / "results.json"
LAYERS = ["base", "zones", "corridors", "ports"]


def median_ms(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(times), 1)


def server_side(data_dir: Path, runs: int, workdir: Path) -> tuple[dict, Path]:
    """load_ms, build_ms and sizes for ours and the baseline; writes the standalone export for the floor."""
    from bench.naive import naive_map

    dataset = load_dataset(data_dir, use_cache=False)
    cache = workdir / "cache"

    def load(use_cache: bool = False) -> None:
        loaded = load_dataset(data_dir, use_cache=use_cache)
        join.wide(loaded.ports, join.cite(loaded.facts, loaded.sources))

    def cold() -> None:
        shutil.rmtree(cache, ignore_errors=True)
        load_dataset(data_dir)

    os.environ["XJ_CACHE_DIR"] = str(cache)
    try:
        loads = {"load_cold_ms": median_ms(cold, runs), "load_warm_ms": median_ms(lambda: load_dataset(data_dir), runs)}
    finally:
        os.environ.pop("XJ_CACHE_DIR", None)

    # As the app does (app.py cited_facts, base_payload): the figures with their sources and groups, then the map.
    cited = join.with_parents(join.cite(dataset.facts, dataset.sources), dataset.parents(), dataset.entity_names())
    builds = []
    for _ in range(runs):
        start = time.perf_counter()
        m = mapping.build_map(dataset, "local", cited=cited)
        payload = mapping.payload(m, dataset)
        builds.append((time.perf_counter() - start) * 1000)
    export = workdir / "floor" / "index.html"
    export.parent.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    mapping.export_html(dataset, export)
    export_ms = (time.perf_counter() - start) * 1000
    out = {
        "ports": len(dataset.ports),
        "corridor_vertices": int(sum(len(g.coords) for g in dataset.corridors.geometry)),
        "strategy": "rich" if len(mapping.drawable(dataset.ports)) <= settings.RICH_MAX_PORTS else "compact",
        "load_ms": median_ms(load, runs),
        **loads,
        "build_ms": round(statistics.median(builds), 1),
        "html_bytes": len(m.get_root().render().encode()),  # the last map built, as a page
        "payload_bytes": len(json.dumps(payload).encode()),
        "export_ms": round(export_ms, 1),
        "export_bytes": export.stat().st_size,
    }
    naive = None
    if len(dataset.ports) <= NAIVE_MAX_PORTS:
        naive_html = naive_map(dataset.ports).get_root().render()
        naive = {
            "build_ms": median_ms(lambda: naive_map(dataset.ports).get_root().render(), runs),
            "html_bytes": len(naive_html.encode()),
        }
    return out | {"naive": naive}, export.parent


def expectations(data_dir: Path) -> pages.Expect:
    """Ports drawn and ports counted by the page, before and after choosing "Air", as the app filters them."""
    dataset = load_dataset(data_dir)
    air = filter_layer(dataset.ports, "ports", AIR)
    return pages.Expect(
        drawn=len(mapping.drawable(dataset.ports)),
        drawn_air=len(mapping.drawable(air)),
        listed=len(dataset.ports),
        listed_air=len(air),
        rich=len(mapping.drawable(dataset.ports)) <= settings.RICH_MAX_PORTS,
    )


def server_runs(data_dir: Path, runs: int, expect: pages.Expect) -> dict:
    """Our script on the server (AppTest): a new session's first run, and a rerun after the map reports a filter."""
    from streamlit.testing.v1 import AppTest

    script = str(settings.PROJECT_DIR / "app.py")
    os.environ["XJ_DATA_DIR"] = str(data_dir)
    try:
        AppTest.from_file(script, default_timeout=900).run()  # warms the process's caches, not counted
        first = []
        for _ in range(runs):
            at = AppTest.from_file(script, default_timeout=900)
            start = time.perf_counter()
            at.run()
            first.append((time.perf_counter() - start) * 1000)
        rerun = []
        for step in range(runs * 2):  # air, all, air, ...: every rerun changes what is shown
            air = step % 2 == 0
            view = {"filters": AIR if air else {}, "text": "", "selected": "", "at": None, "layers": LAYERS}
            at.session_state["map"] = {"view": view | {"rev": 0}}
            start = time.perf_counter()
            at.run()
            rerun.append((time.perf_counter() - start) * 1000)
            # The counts and tables are drawn in the browser now; Python's view of what is shown (what the
            # downloads write) must follow the report.
            want = expect.listed_air if air else expect.listed
            shown = len(at.session_state["shown_now"]["shown"]["ports"]) if "shown_now" in at.session_state else None
            if at.exception or shown != want:
                raise RuntimeError(f"the rerun showed {shown} ports, not {want}: {at.exception}")
        return {"first_run_ms": round(statistics.median(first), 1), "rerun_ms": round(statistics.median(rerun), 1)}
    finally:
        os.environ.pop("XJ_DATA_DIR", None)


def naive_rerun_ms(data_dir: Path, runs: int) -> float:
    """The baseline's cost of one filter change: AppTest sets its mode multiselect and reruns the script."""
    from streamlit.testing.v1 import AppTest

    os.environ["XJ_DATA_DIR"] = str(data_dir)
    try:
        at = AppTest.from_file(str(settings.PROJECT_DIR / "bench" / "naive_app.py"), default_timeout=900)
        at.run()
        times = []
        for step in range(runs * 2):
            start = time.perf_counter()
            at.sidebar.multiselect(key="modes").set_value(AIR["modes"] if step % 2 == 0 else []).run()
            times.append((time.perf_counter() - start) * 1000)
        return round(statistics.median(times), 1)
    finally:
        os.environ.pop("XJ_DATA_DIR", None)


def _share_static(script: str) -> None:
    """Streamlit serves static/ beside the main script; let a page in bench/ serve the app's Leaflet too."""
    link = settings.PROJECT_DIR / Path(script).parent / "static"
    if not link.exists():
        link.symlink_to(os.path.relpath(settings.STATIC_DIR, link.parent))


SCRIPTS = {"ours": "app.py", "maponly": "bench/map_only_app.py", "naive": "bench/naive_app.py"}


def in_browser(
    kind: str,
    data_dir: Path,
    expect: pages.Expect,
    payload_bytes: int,
    runs: int,
    floor: Path,
    warm_up: bool = True,
    map_size: tuple[int, int] | None = None,
) -> dict:
    from tests.e2e.browser import running_app

    if kind == "floor":
        with pages.static_server(floor) as url:
            return pages.measure(kind, url + "/index.html", expect, payload_bytes, runs, BUDGET_S, warm_up, map_size)
    script = SCRIPTS[kind]
    _share_static(script)
    with running_app(env={"XJ_DATA_DIR": str(data_dir)}, script=script, timeout=900) as server:
        return pages.measure(kind, server.url, expect, payload_bytes, runs, BUDGET_S, warm_up)


def concurrent(data_dir: Path, expect: pages.Expect, levels: list[int], changes: int, kind: str) -> list[dict]:
    """Our app (or the map-only page) with 1, 10, 30 viewers changing filters at once (bench/concurrency.py), on a
    server of its own."""
    from bench import concurrency
    from tests.e2e.browser import running_app, sessions_at_once

    _share_static(SCRIPTS[kind])
    with running_app(env={"XJ_DATA_DIR": str(data_dir)}, script=SCRIPTS[kind], timeout=900) as server:
        sessions_at_once(server.url, 1)  # the process loads the data and builds the map once, before the viewers
        return concurrency.measure(server.url, kind, server.pid, levels, changes, expect, BUDGET_S)


def measure(
    size: str, runs: int, workdir: Path, naive_max: int = NAIVE_MAX_PORTS, levels: tuple = (), changes: int = 20
) -> dict:
    data_dir = settings.DATA_DIR if size == "real" else synthetic.make(workdir / f"data-{size}", int(size))
    runs = min(runs, 2) if size != "real" and int(size) >= FEW_RUNS else runs
    here = workdir / f"work-{size}"
    figures, floor_dir = server_side(data_dir, runs, here)
    result = {"size": size, "runs": runs} | figures  # runs of the server-side figures; each browser's own below
    expect = expectations(data_dir)
    result["expect"] = expect.__dict__
    result |= server_runs(data_dir, runs, expect)
    print(f"  {size}: server side done; ours in the browser...", file=sys.stderr, flush=True)
    result |= in_browser("ours", data_dir, expect, result["payload_bytes"], runs, floor_dir)
    print(f"  {size}: map only...", file=sys.stderr, flush=True)
    result["maponly"] = in_browser("maponly", data_dir, expect, result["payload_bytes"], runs, floor_dir)
    print(f"  {size}: floor...", file=sys.stderr, flush=True)
    # The floor's page is as large as our map, so its map opens at the same size and zoom as ours (at 1400 x 1000
    # it filled the window and opened one zoom closer, with fewer symbols to spread and a larger canvas).
    ours_map = tuple(result["map_px"]) if result.get("map_px") else None
    result["floor"] = in_browser("floor", data_dir, expect, result["payload_bytes"], runs, floor_dir, map_size=ours_map)
    if result["naive"] is not None and expect.listed > naive_max:
        result["naive"] = None
        result["naive_skipped"] = f"not run above {naive_max:,} ports (--naive-max)"
    if result["naive"] is not None:
        print(f"  {size}: naive...", file=sys.stderr, flush=True)
        result["naive"]["rerun_ms"] = naive_rerun_ms(data_dir, runs)
        # At 10,000 ports one naive page takes minutes (a 7.7 MB map re-sent and redrawn per change): one run, no
        # warm-up page (its server caches only the data, about half a second of those minutes).
        big = expect.listed >= LARGE
        result["naive"] |= in_browser("naive", data_dir, expect, 0, 1 if big else runs, floor_dir, warm_up=not big)
    if levels:
        print(f"  {size}: {', '.join(map(str, levels))} concurrent viewers...", file=sys.stderr, flush=True)
        result["concurrency"] = concurrent(data_dir, expect, list(levels), changes, "ours")
        print(f"  {size}: the same on the map-only page...", file=sys.stderr, flush=True)
        result["maponly"]["concurrency"] = concurrent(data_dir, expect, list(levels), changes, "maponly")
    result["ratios"] = ratios(result)
    return result


def ratios(result: dict) -> dict:
    """Ours / naive, ours / the plain-Leaflet floor, ours / the map-only Streamlit page (None where not run)."""
    naive, floor, maponly = result["naive"] or {}, result["floor"], result.get("maponly") or {}
    return {
        "first_map_vs_naive": _ratio(result["first_map_ms"], naive.get("first_map_ms")),
        "filter_update_vs_naive": _ratio(result["filter_update_ms"], naive.get("filter_update_ms")),
        "filter_end_to_end_vs_naive": _ratio(result["filter_end_to_end_ms"], naive.get("filter_end_to_end_ms")),
        "first_map_vs_floor": _ratio(result["first_map_ms"], floor["first_map_ms"]),
        "filter_update_vs_floor": _ratio(result["filter_update_ms"], floor["filter_update_ms"]),
        "filter_end_to_end_vs_floor": _ratio(result["filter_end_to_end_ms"], floor["filter_update_ms"]),
        "filter_end_to_end_vs_floor_clicked": _ratio(
            result["filter_end_to_end_ms"], floor.get("filter_update_clicked_ms")
        ),
        "filter_again_vs_floor_clicked": _ratio(result.get("filter_again_ms"), floor.get("filter_update_clicked_ms")),
        "filter_again_vs_map_only_again": _ratio(result.get("filter_again_ms"), maponly.get("filter_again_ms")),
        "first_map_vs_map_only": _ratio(result["first_map_ms"], maponly.get("first_map_ms")),
        "filter_update_vs_map_only": _ratio(result["filter_update_ms"], maponly.get("filter_update_ms")),
        "filter_end_to_end_vs_map_only": _ratio(result["filter_end_to_end_ms"], maponly.get("filter_update_ms")),
    }


def _ratio(ours: float | None, other: float | None) -> float | None:
    return round(ours / other, 3) if ours and other else None


def machine() -> dict:
    chromium = subprocess.run(["chromium", "--version"], capture_output=True, text=True, check=False).stdout.strip()
    memory = next(
        (
            int(line.split()[1])
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        ),
        0,
    )
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gib": round(memory / 1024 / 1024, 1),
        "os": platform.platform(),
        "python": platform.python_version(),
        "chromium": chromium,
        "date": time.strftime("%Y-%m-%d"),
    }


def load_average() -> list[float]:
    """The machine's 1, 5 and 15 minute load averages: other work on a shared machine slows every figure."""
    return [float(x) for x in Path("/proc/loadavg").read_text().split()[:3]]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", nargs="+", default=["real", "100", "1000", "10000", "100000"])
    parser.add_argument("--runs", type=int, default=3, help="measured runs per figure (default 3)")
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument(
        "--merge",
        action="store_true",
        help="keep the other sizes already in --out and replace only these (the large sizes take long)",
    )
    parser.add_argument("--readme", action="store_true", help="only rewrite bench/README.md's table from --out")
    parser.add_argument(
        "--naive-max",
        type=int,
        default=NAIVE_MAX_PORTS,
        help=f"skip the naive page above this many ports (default {NAIVE_MAX_PORTS:,})",
    )
    parser.add_argument(
        "--sessions",
        type=int,
        nargs="*",
        default=[1, 10, 30],
        help="concurrent viewers, measured on the real data only (default 1 10 30; none to skip)",
    )
    parser.add_argument("--changes", type=int, default=20, help="filter changes per concurrent viewer (default 20)")
    args = parser.parse_args(argv)
    if args.readme:
        results = json.loads(args.out.read_text(encoding="utf-8"))["results"]
        README.write_text(with_table(README.read_text(encoding="utf-8"), results), encoding="utf-8")
        print(f"wrote the table of {args.out} into {README}")
        return 0
    started, load_before = time.monotonic(), load_average()
    with tempfile.TemporaryDirectory() as workdir:
        results = []
        for size in args.sizes:
            print(f"measuring {size}...", file=sys.stderr, flush=True)
            levels = tuple(args.sessions) if size == "real" else ()
            results.append(measure(size, args.runs, Path(workdir), args.naive_max, levels, args.changes))
    report = {
        "machine": machine() | {"load_before": load_before, "load_after": load_average()},
        "runs": args.runs,
        "minutes": round((time.monotonic() - started) / 60, 1),
        "method": __doc__.split("\n\n", 1)[1].strip(),
        "results": results,
    }
    if args.merge and args.out.is_file():
        report = merge(json.loads(args.out.read_text(encoding="utf-8")), report)
    else:  # each size names its run, as in a merged report
        report["results"] = [r | {"run": run_of(report)} for r in report["results"]]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(table(report["results"]))
    if args.out == RESULTS:
        README.write_text(with_table(README.read_text(encoding="utf-8"), report["results"]), encoding="utf-8")
    print(f"wrote {args.out}; this run took {round((time.monotonic() - started) / 60, 1)} minutes")
    return 0


def run_of(report: dict) -> dict:
    return report.get("run") or {k: report[k] for k in ("machine", "runs", "minutes")}


def merge(earlier: dict, new: dict) -> dict:
    """One report from two runs: the new run's sizes replace the earlier ones; each size keeps the run (its
    machine, load and length) it was measured in, and ours, naive and floor of one size stay from one run."""

    fresh = {r["size"] for r in new["results"]}
    kept = [r | {"run": r.get("run") or run_of(earlier)} for r in earlier["results"] if r["size"] not in fresh]
    added = [r | {"run": run_of(new)} for r in new["results"]]
    order = {size: n for n, size in enumerate(["real", "100", "1000", "10000", "100000"])}
    results = sorted(kept + added, key=lambda r: order.get(r["size"], len(order)))
    return new | {"results": results, "note": "Sizes measured in different runs; each result names its run."}


if __name__ == "__main__":
    sys.exit(main())
