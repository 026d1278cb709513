"""Run the benchmark: ``python -m bench [--sizes real 100 1000 10000 100000] [--runs 3] [--out FILE]``.

For each size it measures, as medians of several runs:
  load_ms           load + validate + join (the real data, or the real data plus synthetic ports)
  build_ms          building the map and rendering it to HTML; html_bytes, that HTML's size
  rerun_ms          one filter change on the server (Streamlit AppTest: the whole script rerun)
  first_map_ms      headless Chromium, page open until every port is drawn
  filter_update_ms  headless Chromium, a filter change until the map shows the new selection
and the same for the naive baseline (bench/naive_app.py) up to 10,000 ports, then the ratios
ours / naive. The browser runs with every request outside 127.0.0.1 aborted, like the tests.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench import synthetic
from geo import join, mapping, settings
from geo.dataset import load_dataset

NAIVE_MAX_PORTS = 10_000  # beyond this the baseline's DOM markers take minutes: not attempted
LARGE = 10_000  # from this size on, fewer runs (each takes many seconds) and a time budget per step
BUDGET_S = 90
FILTER_MODE = ("air", "Air")
RESULTS = settings.PROJECT_DIR / "bench" / "results.json"


def median_ms(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(times), 1)


def server_side(data_dir: Path, runs: int) -> dict:
    """load_ms, build_ms, html_bytes for ours and the baseline."""
    from bench.naive import naive_map

    dataset = load_dataset(data_dir)

    def load() -> None:
        loaded = load_dataset(data_dir)
        join.wide(loaded.ports, join.cite(loaded.facts, loaded.sources))

    html = mapping.build_map(dataset, assets="local").get_root().render()
    out = {
        "ports": len(dataset.ports),
        "corridor_vertices": int(sum(len(g.coords) for g in dataset.corridors.geometry)),
        "strategy": "rich" if len(dataset.ports) <= settings.RICH_MAX_PORTS else "compact",
        "load_ms": median_ms(load, runs),
        "build_ms": median_ms(lambda: mapping.build_map(dataset, assets="local").get_root().render(), runs),
        "html_bytes": len(html.encode()),
    }
    naive = None
    if len(dataset.ports) <= NAIVE_MAX_PORTS:
        naive_html = naive_map(dataset.ports).get_root().render()
        naive = {
            "build_ms": median_ms(lambda: naive_map(dataset.ports).get_root().render(), runs),
            "html_bytes": len(naive_html.encode()),
        }
    return out | {"naive": naive}


def rerun_ms(script: str, data_dir: Path, runs: int) -> float:
    """The server's cost of one filter change: an AppTest rerun after setting the mode filter."""
    from streamlit.testing.v1 import AppTest

    os.environ["XJ_DATA_DIR"] = str(data_dir)
    try:
        at = AppTest.from_file(str(settings.PROJECT_DIR / script), default_timeout=600)
        at.run()
        times = []
        for step in range(runs):
            value = [FILTER_MODE[0]] if step % 2 == 0 else []
            start = time.perf_counter()
            at.sidebar.multiselect(key="modes").set_value(value).run()
            times.append((time.perf_counter() - start) * 1000)
        return round(statistics.median(times), 1)
    finally:
        os.environ.pop("XJ_DATA_DIR", None)


# How the page tells us the ports are drawn: our SVG markers, our canvas payload, or the baseline's markers.
DRAWN_JS = """() => {
    const svg = document.querySelectorAll('.xj-port').length;
    const icons = document.querySelectorAll('.leaflet-marker-icon').length;
    return {count: svg || icons || (window.xjPortsDrawn || 0), seq: window.xjDrawnSeq || 0};
}"""


def _drawn(page) -> tuple[int, int, object]:
    from tests.e2e.browser import map_frame

    frame = map_frame(page)
    if frame is None:
        return -1, -1, None
    try:
        state = frame.evaluate(DRAWN_JS)
    except Exception:  # noqa: BLE001 - the frame can be replaced mid-call; treat as not drawn yet
        return -1, -1, None
    return state["count"], state["seq"], frame


def _wait_drawn(page, count: int, after_seq: int = -1, timeout: float = 180) -> float:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        drawn, seq, _ = _drawn(page)
        if drawn == count and (after_seq < 0 or seq > after_seq or seq == 0):
            return time.perf_counter()
        page.wait_for_timeout(5)  # lets Playwright process events; time.sleep would not
    raise TimeoutError(f"the map did not show {count} ports within {timeout} s")


def _share_static(script: str) -> None:
    """Streamlit serves static/ beside the main script; let a page in bench/ serve the app's Leaflet too."""
    link = settings.PROJECT_DIR / Path(script).parent / "static"
    if not link.exists():
        link.symlink_to(os.path.relpath(settings.STATIC_DIR, link.parent))


def browser(script: str, data_dir: Path, total: int, filtered: int, runs: int) -> dict:
    """first_map_ms and filter_update_ms in headless Chromium, medians over ``runs`` fresh pages.

    A step that does not finish within ``BUDGET_S`` seconds is recorded as ``None`` with a note:
    the page did not answer, which is itself the result.
    """
    from playwright.sync_api import TimeoutError as PageTimeout

    from tests.e2e.browser import offline_page, running_app
    from tests.e2e.test_browser import choose_prepared

    _share_static(script)
    first, update, note = [], [], None
    with running_app(env={"XJ_DATA_DIR": str(data_dir)}, script=script, timeout=600) as server:
        for run in range(runs + 1):  # the first run warms the server's caches and is not counted
            with offline_page() as (page, _blocked):
                page.set_default_timeout(BUDGET_S * 1000)
                step = "first map"
                try:
                    start = time.perf_counter()
                    page.goto(server.url)
                    drawn_at = _wait_drawn(page, total, timeout=BUDGET_S)
                    step = "filter update"
                    _, seq, _ = _drawn(page)
                    option = choose_prepared(page, "Port mode", FILTER_MODE[1])
                    clicked = time.perf_counter()
                    option.click()
                    updated_at = _wait_drawn(page, filtered, after_seq=seq, timeout=BUDGET_S)
                except (PageTimeout, TimeoutError):
                    note = f"{step}: no answer within {BUDGET_S} s"
                    if step == "filter update" and run:
                        first.append((drawn_at - start) * 1000)
                    break
                if run:
                    first.append((drawn_at - start) * 1000)
                    update.append((updated_at - clicked) * 1000)
    return {
        "first_map_ms": round(statistics.median(first), 1) if first else None,
        "filter_update_ms": round(statistics.median(update), 1) if update and not note else None,
        "note": note,
    }


def measure(size: str, runs: int, workdir: Path) -> dict:
    data_dir = settings.DATA_DIR if size == "real" else synthetic.make(workdir / f"data-{size}", int(size))
    runs = min(runs, 2) if size != "real" and int(size) >= LARGE else runs
    result = {"size": size} | server_side(data_dir, runs)
    ports = load_dataset(data_dir).ports
    filtered = int(ports["modes"].map(lambda m: FILTER_MODE[0] in m).sum())
    result["rerun_ms"] = rerun_ms("app.py", data_dir, runs)
    result |= browser("app.py", data_dir, len(ports), filtered, runs)
    if result["naive"] is not None:
        result["naive"]["rerun_ms"] = rerun_ms("bench/naive_app.py", data_dir, runs)
        result["naive"] |= browser("bench/naive_app.py", data_dir, len(ports), filtered, runs)
        result["ratio_first_map"] = _ratio(result["first_map_ms"], result["naive"]["first_map_ms"])
        result["ratio_filter_update"] = _ratio(result["filter_update_ms"], result["naive"]["filter_update_ms"])
    result["runs"] = runs
    return result


def _ratio(ours: float | None, naive: float | None) -> float | None:
    return round(ours / naive, 3) if ours and naive else None


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


def table(results: list[dict]) -> str:
    header = (
        f"{'size':>7} {'strategy':>8} {'load':>8} {'build':>8} {'html KB':>8} {'rerun':>8} "
        f"{'first map':>10} {'filter':>8} | {'naive first':>11} {'naive filter':>12} {'ratio filter':>12}"
    )
    lines = [header, "-" * len(header)]

    def cell(value, width, digits=0):
        return f"{'-':>{width}}" if value is None else f"{value:>{width}.{digits}f}"

    for r in results:
        naive = r["naive"] or {}
        lines.append(
            f"{r['size']:>7} {r['strategy']:>8} {cell(r['load_ms'], 8)} {cell(r['build_ms'], 8)} "
            f"{cell(r['html_bytes'] / 1024, 8)} {cell(r['rerun_ms'], 8)} {cell(r['first_map_ms'], 10)} "
            f"{cell(r['filter_update_ms'], 8)} | {cell(naive.get('first_map_ms'), 11)} "
            f"{cell(naive.get('filter_update_ms'), 12)} {cell(r.get('ratio_filter_update'), 12, 3)}"
        )
    notes = [
        f"{r['size']} {who}: {x['note']}"
        for r in results
        for who, x in (("ours", r), ("naive", r["naive"] or {}))
        if x.get("note")
    ]
    return "\n".join([*lines, *notes]) + "\n(all times in ms, medians; ratio = ours / naive, lower is better; - : none)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", nargs="+", default=["real", "100", "1000", "10000", "100000"])
    parser.add_argument("--runs", type=int, default=3, help="measured runs per figure (default 3)")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as workdir:
        results = []
        for size in args.sizes:
            print(f"measuring {size}...", file=sys.stderr, flush=True)
            results.append(measure(size, args.runs, Path(workdir)))
    report = {
        "machine": machine(),
        "runs": args.runs,
        "method": __doc__.split("\n\n", 1)[1].strip(),
        "results": results,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(table(results))
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
