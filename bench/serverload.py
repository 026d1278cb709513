"""One viewer's filter latency while other sessions load the server as viewers do, without their browsers.

bench/concurrency.py runs 30 Chromium pages beside the server on the machine's 2 cores: every page's latency grows
with the other pages' browsers (the map-only control grows about as much), which says little about the server.
Here the other sessions are Streamlit's own websocket messages, as tests/e2e/browser.py ``_session`` sends them:
each opens the page, says its map is drawn (the rest of the page then runs), and changes the mode filter every
1.2-2.0 s exactly as the map component reports a change (the same JSON value, the same fragment rerun), waiting
for each run to finish: all the server's work of N viewers, none of their browsers'. One real page in Chromium
measures as concurrency.py does: click until the map, both counts, the tab and the rows show the change, painted.
``python -m bench.serverload [--sessions 1 10 30] [--changes 20] [--out bench/results.json]`` adds the results
to results.json's real-data row as ``server_load``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import time
from pathlib import Path

import websockets
from playwright.async_api import async_playwright
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from bench import concurrency, pages
from geo import settings
from tests.e2e.browser import CHROMIUM, CHROMIUM_ARGS

MAP_COMPONENT = "xj_map"
ALL = {"modes": [], "kinds": [], "countries": [], "statuses": [], "corridor_statuses": [], "zone_kinds": []}


async def _run_finished(socket) -> tuple[str | None, str | None]:
    """Read the server's messages until its run finishes; the map component's widget id and fragment, if sent."""
    widget = fragment = None
    while True:
        message = ForwardMsg()
        message.ParseFromString(await asyncio.wait_for(socket.recv(), 120))
        kind = message.WhichOneof("type")
        if kind == "delta" and message.delta.WhichOneof("type") == "new_element":
            element = message.delta.new_element
            if (
                element.WhichOneof("type") == "bidi_component"
                and element.bidi_component.component_name == MAP_COMPONENT
            ):
                widget, fragment = element.bidi_component.id, message.delta.fragment_id
        if kind == "script_finished":
            return widget, fragment


def view_of(air: bool) -> dict:
    """The view the map component reports with "Air" ticked or not (static/xj/component.js ``current``)."""
    return {"filters": {**ALL, "modes": ["air"] if air else []}, "text": "", "selected": "", "at": None,
            "layers": ["zones", "corridors", "ports", "base"], "period": "", "rev": 0, "nav": 0, "address": ""}  # fmt: skip


def _report(widget: str, fragment: str, view: dict) -> bytes:
    """The rerun the map component asks for when it reports a view (as the browser sends it)."""
    message = BackMsg()
    message.rerun_script.query_string = ""
    state = message.rerun_script.widget_states.widgets.add()
    state.id = widget
    state.json_value = json.dumps({"view": view})
    if fragment:
        message.rerun_script.fragment_id = fragment
    return message.SerializeToString()


async def _session(url: str, stop: asyncio.Event, seed: int, runs: list[float]) -> None:
    """A viewer without a browser: opens the page, reports its map drawn, then switches "Air" on and off."""
    pace = random.Random(seed)
    async with websockets.connect(
        url.replace("http", "ws", 1) + "/_stcore/stream", subprotocols=["streamlit"], max_size=None
    ) as socket:
        opening = BackMsg()
        opening.rerun_script.query_string = ""
        await socket.send(opening.SerializeToString())
        widget, fragment = await _run_finished(socket)
        if widget is None:
            raise RuntimeError("the page drew no map component")
        await socket.send(_report(widget, "", {"rev": 0, "drawn": True}))  # the rest of the page follows
        await _run_finished(socket)
        air = False
        while not stop.is_set():
            await asyncio.sleep(pace.uniform(*concurrency.THINK_S))
            air = not air
            await socket.send(_report(widget, fragment, view_of(air)))
            await _run_finished(socket)
            runs.append(time.monotonic())


async def _level(browser, url: str, pid: int, others: int, changes: int, e: pages.Expect, budget_s: float) -> dict:
    gate = asyncio.Semaphore(1)
    page = await concurrency._open(browser, url, "ours", e, budget_s, gate)
    stop, runs = asyncio.Event(), []
    load = [asyncio.create_task(_session(url, stop, seed, runs)) for seed in range(others)]
    try:
        # The other sessions have opened and are changing filters before the viewer's first change.
        await asyncio.sleep(3 + others * 0.5)
        await concurrency._idle(page, budget_s)
        start, cpu = time.monotonic(), concurrency.cpu_seconds(pid)
        await concurrency._viewer(page, "ours", e, changes, seed=0)
        seconds, cpu = time.monotonic() - start, concurrency.cpu_seconds(pid) - cpu
        state = await page.evaluate("() => ({marks: window.__xjb.marks, presses: window.__xjb.presses})")
        every, map_only = concurrency.latencies(state, range(changes))
        failed = [task for task in load if task.done() and task.exception()]
        if failed:
            raise RuntimeError(f"a loading session failed: {failed[0].exception()!r}")
        if page.xjb_outside:
            raise RuntimeError(f"requests left the machine: {page.xjb_outside[:5]}")
        others_runs = sum(1 for at in runs if start <= at <= start + seconds)
        return {
            **concurrency.summary(others + 1, changes, every, map_only, others_runs, seconds, cpu),
            "browsers": 1,
            "reruns": others_runs,
            "reruns_per_s": round(others_runs / seconds, 2) if seconds else None,
        }
    finally:
        stop.set()
        await asyncio.gather(*load, return_exceptions=True)
        await page.context.close()


async def _measure(url: str, pid: int, levels: list[int], changes: int, e: pages.Expect, budget_s: float) -> list:
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, *pages.CLOSED_NETWORK]
        )
        try:
            return [await _level(browser, url, pid, n - 1, changes, e, budget_s) for n in levels]
        finally:
            await browser.close()


def measure(url: str, pid: int, levels: list[int], changes: int, e: pages.Expect, budget_s: float) -> list[dict]:
    """One summary per number of sessions (see the module's docstring): one in Chromium, the rest without."""
    return asyncio.run(_measure(url, pid, levels, changes, e, budget_s))


def main() -> None:
    from bench.__main__ import BUDGET_S, RESULTS, SCRIPTS, _share_static, expectations
    from tests.e2e.browser import running_app, sessions_at_once

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, nargs="+", default=[1, 10, 30])
    parser.add_argument("--changes", type=int, default=20)
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args()
    _share_static(SCRIPTS["ours"])
    with running_app(env={"XJ_DATA_DIR": str(settings.DATA_DIR)}, script=SCRIPTS["ours"], timeout=900) as server:
        sessions_at_once(server.url, 1)  # the process loads the data and builds the map once, before the viewers
        found = measure(server.url, server.pid, args.sessions, args.changes, expectations(settings.DATA_DIR), BUDGET_S)
    results = json.loads(args.out.read_text(encoding="utf-8")) if args.out.exists() else {}
    row = next((r for r in results.get("results", []) if r.get("size") == "real"), None)
    if row is None:
        raise SystemExit(f"{args.out}: no real-data row to add the server load to (run python -m bench --sizes real)")
    row["server_load"] = found
    args.out.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    for level in found:
        print(json.dumps({k: level[k] for k in ("sessions", "p50_ms", "p95_ms", "reruns_per_s", "server_cpu_s")}))


if __name__ == "__main__":
    main()
