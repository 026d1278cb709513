"""Filter latency under concurrent viewers, one process versus two behind HAProxy: ``python -m bench.balancer``.

Options: ``[--sessions 10] [--rounds 6] [--out bench/balancer.json]``.

For each set-up, ``--sessions`` viewers (separate browser contexts of one headless Chromium, network closed) open
the real-data map and wait until it is complete and quiet. Then, ``--rounds`` times, every viewer presses "Air"
in the map's filter bar (the presses follow one another as fast as Playwright clicks, all within a fraction of a
second: a burst), and each viewer's latency is taken from its own press until both the map draws only the air
ports and the page outside the map shows it too (the bar's status, the sidebar's "N of M ports", the tab
"Ports (N)" and the table's rows), painted; the next
round presses "Air" again, back to all ports. Times are taken inside each page (bench/probe.js, as
``python -m bench``); p50 and p95 are over every viewer and round (nearest rank), also per app process.

Set-ups:
  direct         one app process, viewers connect to it directly
  haproxy_1      one app process behind HAProxy (both server lines of deploy/haproxy.cfg name it): the proxy's cost
  haproxy_2      two app processes behind HAProxy (deploy/haproxy.cfg as shipped): viewers spread by least
                 connections and kept by cookie
Sessions held per process come from HAProxy's stats (current connections: a viewer holds one, its websocket)
and each browser's sticky cookie. The browser and the app processes share the machine's cores.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from playwright.sync_api import sync_playwright

from bench import pages
from bench.__main__ import expectations, load_average, machine
from geo import settings
from tests.e2e.balancer import COOKIE, running_balancer
from tests.e2e.browser import CHROMIUM, CHROMIUM_ARGS, LOCAL, running_app, sessions_at_once, wait_for_markers

OUT = settings.PROJECT_DIR / "bench" / "balancer.json"
SETUPS = ("direct", "haproxy_1", "haproxy_2")
BUDGET_S = 120  # any one wait
AIR = '.xj-filter[data-control="modes"]'


def percentile(values: list[float], q: float) -> float | None:
    """The nearest-rank percentile ``q`` (0-100) of ``values``: a value that was measured."""
    if not values:
        return None
    ordered = sorted(values)
    return round(ordered[max(0, math.ceil(q / 100 * len(ordered)) - 1)], 1)


def summary(latencies: list[float]) -> dict:
    return {
        "samples": len(latencies),
        "p50_ms": percentile(latencies, 50),
        "p95_ms": percentile(latencies, 95),
        "max_ms": round(max(latencies), 1) if latencies else None,
    }


@contextmanager
def setup(name: str) -> Iterator[tuple[str, dict[str, int]]]:
    """Start the app process(es) (and HAProxy) for ``name``; yield the viewers' URL and {process: app pid}."""
    with ExitStack() as stack:
        count = 2 if name == "haproxy_2" else 1
        apps = [stack.enter_context(running_app()) for _ in range(count)]
        for app in apps:  # each process loads the data and builds the map once, before the viewers come
            assert sessions_at_once(app.url, 1) == ["FINISHED_SUCCESSFULLY"]
        if name == "direct":
            yield apps[0].url, None
        else:
            balancer = stack.enter_context(running_balancer(apps * 2 if count == 1 else apps))
            yield balancer.url, balancer


@contextmanager
def viewers(count: int) -> Iterator[list]:
    """``count`` pages in separate contexts of one Chromium, the network closed, the probe in every page."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, *pages.CLOSED_NETWORK])
        try:
            opened = []
            for _ in range(count):
                page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
                page.xjb_outside = outside = []
                page.on(
                    "requestfinished",
                    lambda r, outside=outside: None if r.url.startswith(LOCAL) else outside.append(r.url),
                )
                page.add_init_script(pages.PROBE)
                page.set_default_timeout(BUDGET_S * 1000)
                opened.append(page)
            yield opened
            outside = [url for page in opened for url in page.xjb_outside]
            if outside:
                raise RuntimeError(f"requests left the machine: {outside[:5]}")
        finally:
            browser.close()


def _wait_all(pages_: list, names: list[str]) -> list[dict]:
    states = []
    for page in pages_:
        states.append(pages._wait_marks(page, names, BUDGET_S))
    return states


def measure(name: str, sessions: int, rounds: int, e: pages.Expect) -> dict:
    started = time.monotonic()
    with setup(name) as (url, balancer), viewers(sessions) as views:
        errors: list[str] = []
        for number, page in enumerate(views):
            page.on("pageerror", lambda error, number=number: errors.append(f"viewer {number}: {error}"))
        for page in views:
            page.add_init_script(pages._watch({"page_all": pages.page_shows(e.drawn, e.listed, e.listed)}))
            page.goto(url, wait_until="commit")
        for page in views:
            wait_for_markers(page, e.drawn, timeout=BUDGET_S)
        _wait_all(views, ["page_all"])
        for page in views:
            pages.wait_idle(page, BUDGET_S)
        # haproxy_1: both server lines name the one process, so every viewer is on app1 whatever its cookie says.
        on = [_process_of(page) if name == "haproxy_2" else "app1" for page in views]
        held = {p: on.count(p) for p in sorted(set(on))}
        connections = balancer.connections() if balancer else None

        latencies: list[tuple[str, float]] = []
        map_only: list[float] = []
        for number in range(rounds):
            air = number % 2 == 0
            conditions = {
                f"map{number}": pages._shown(e.drawn_air if air else e.drawn, e.rich),
                f"page{number}": pages.page_shows(
                    e.drawn_air if air else e.drawn, e.listed_air if air else e.listed, e.listed
                ),
            }
            boxes = []
            for page in views:  # open the list (not timed), then arm the probe
                details = page.locator(AIR)
                if not details.evaluate("d => d.open"):
                    page.locator(f"{AIR} > summary").click()
                boxes.append(page.locator(f'{AIR} input[value="air"]'))
            for page in views:
                page.evaluate(f"() => {{ window.__xjb.press = null; {pages._watch(conditions)}; }}")
            for box in boxes:  # the burst: every viewer presses within a fraction of a second
                box.click()
            states = _wait_all(views, [f"map{number}:painted", f"page{number}:painted"])
            for process, state in zip(on, states, strict=True):
                marks, press = state["marks"], state["press"]
                end = max(marks[f"map{number}:painted"], marks[f"page{number}:painted"])
                latencies.append((process, end - press))
                map_only.append(marks[f"map{number}:painted"] - press)
            for page in views:
                pages.wait_idle(page, BUDGET_S)
        if errors:
            raise RuntimeError(f"page errors: {errors[:3]}")

    every = [ms for _, ms in latencies]
    return {
        "setup": name,
        "processes": 2 if name == "haproxy_2" else 1,
        "behind_haproxy": name != "direct",
        "sessions": sessions,
        "rounds": rounds,
        "sessions_held": held,
        "haproxy_connections": connections,
        "end_to_end": summary(every),
        "end_to_end_per_process": {p: summary([ms for q, ms in latencies if q == p]) for p in held},
        "map_only": summary(map_only),
        "seconds": round(time.monotonic() - started, 1),
    }


def _process_of(page) -> str:
    return {c["name"]: c["value"] for c in page.context.cookies()}.get(COOKIE, "?")


def table(results: list[dict]) -> str:
    lines = [
        f"{'setup':<10} {'procs':>5} {'sessions held':<22} {'p50':>6} {'p95':>6} {'max':>6} {'map p50':>7}  per process p50/p95"
    ]
    for r in results:
        e2e, per = r["end_to_end"], r["end_to_end_per_process"]
        held = ", ".join(f"{p}: {n}" for p, n in r["sessions_held"].items())
        each = ", ".join(f"{p} {s['p50_ms']:.0f}/{s['p95_ms']:.0f}" for p, s in per.items())
        lines.append(
            f"{r['setup']:<10} {r['processes']:>5} {held:<22} {e2e['p50_ms']:>6.0f} {e2e['p95_ms']:>6.0f} "
            f"{e2e['max_ms']:>6.0f} {r['map_only']['p50_ms']:>7.0f}  {each}"
        )
    return "\n".join([*lines, "(ms from each viewer's press until map and page show the result, painted)"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.balancer", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sessions", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--setups", nargs="+", choices=SETUPS, default=list(SETUPS))
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    started, load_before = time.monotonic(), load_average()
    e = expectations(settings.DATA_DIR)
    results = []
    for name in args.setups:
        print(f"measuring {name}...", file=sys.stderr, flush=True)
        results.append(measure(name, args.sessions, args.rounds, e))
    report = {
        "machine": machine() | {"load_before": load_before, "load_after": load_average()},
        "minutes": round((time.monotonic() - started) / 60, 1),
        "method": __doc__.split("\n\n", 2)[2].strip(),
        "results": results,
    }
    args.out.write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(table(results))
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
