"""Filter latency and the server's reruns per second with 1, 10 and 30 viewers changing filters at once.

Each viewer is a page in its own context of one headless Chromium (network closed, bench/probe.js in every page)
on one app process. Once every page shows the whole map and is idle, every viewer changes the mode filter
``changes`` times ("Air" on, off, on, ...), all viewers at the same time, each at its own pace: after its change
shows, it waits a think time drawn from THINK_S (longer than the component's one-second debounce, so each change
does reach Python: the server's worst case), then changes again. A change's latency is taken in its page, from the
click's own time stamp until the map, both counts, the tab label and the table rows show it, painted (as
``python -m bench``'s end to end). The server's reruns are counted in the pages from its own messages: each run
(script or fragment) it finished (a ForwardMsg with script_finished) in the measured window, beside the reruns the
pages asked for (BackMsg rerun_script); its CPU time from /proc. The same on the map-only page (its map alone, a
tiny script) is the control: the same browsers on the same cores, next to nothing for Python to do.
"""

from __future__ import annotations

import asyncio
import math
import os
import random
import time
from pathlib import Path

from playwright.async_api import async_playwright

from bench import pages
from tests.e2e.browser import CHROMIUM, CHROMIUM_ARGS, LOCAL

THINK_S = (1.2, 2.0)  # a viewer's pause between changes, uniform; seeded per viewer
OPENING = 5  # pages opened at once (30 Streamlit pages starting together on 2 cores would time each other out)
MODES = '.xj-filter[data-control="modes"]'


def percentile(values: list[float], q: float) -> float | None:
    """The nearest-rank percentile ``q`` (0-100) of ``values``: a value that was measured."""
    if not values:
        return None
    ordered = sorted(values)
    return round(ordered[max(0, math.ceil(q / 100 * len(ordered)) - 1)], 1)


def change_conditions(number: int, e: pages.Expect, kind: str = "ours") -> dict[str, str]:
    """What change ``number`` must bring (even: "Air" on; odd: back to all), as the probe's conditions: the
    map, and on our page every part outside it (the map-only page has the map alone)."""
    air = number % 2 == 0
    drawn, listed = (e.drawn_air, e.listed_air) if air else (e.drawn, e.listed)
    page = {f"page{number}": pages.page_shows(drawn, listed, e.listed)} if kind == "ours" else {}
    return {f"map{number}": pages._shown(drawn, e.rich), **page}


def latencies(state: dict, numbers: range) -> tuple[list[float], list[float]]:
    """Each change's end to end (map and page painted) and map-only latency, from the probe's marks of one page:
    ``state["presses"]`` holds each change's click time stamp."""
    marks, presses = state["marks"], state["presses"]
    end, map_only = [], []
    for n in numbers:
        press = presses[n]
        end.append(round(max(marks[f"map{n}:painted"], marks.get(f"page{n}:painted", 0)) - press, 1))
        map_only.append(round(marks[f"map{n}:painted"] - press, 1))
    return end, map_only


def within(times: list[float], start: float, stop: float) -> int:
    """How many of a page's moments (epoch ms) fall between ``start`` and ``stop``."""
    return sum(1 for at in times if start <= at <= stop)


def cpu_seconds(pid: int) -> float:
    """User + system CPU time a process has used so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def summary(sessions: int, changes: int, every: list[float], map_only: list[float], runs: int, seconds: float,
            cpu: float, requested: int | None = None) -> dict:  # fmt: skip
    return {
        "sessions": sessions,
        "changes_per_session": changes,
        "samples": len(every),
        "p50_ms": percentile(every, 50),
        "p95_ms": percentile(every, 95),
        "max_ms": round(max(every), 1) if every else None,
        "map_p50_ms": percentile(map_only, 50),
        "map_p95_ms": percentile(map_only, 95),
        "seconds": round(seconds, 1),
        "changes_per_s": round(len(every) / seconds, 2) if seconds else None,
        "reruns": runs,
        "reruns_per_s": round(runs / seconds, 2) if seconds else None,
        "reruns_requested": requested,
        "server_cpu_s": round(cpu, 1),
    }


async def _open(browser, url: str, kind: str, e: pages.Expect, budget_s: float, gate: asyncio.Semaphore):
    context = await browser.new_context(viewport={"width": 1400, "height": 1000})
    page = await context.new_page()
    page.set_default_timeout(budget_s * 1000)
    page.xjb_outside = outside = []
    page.on("requestfinished", lambda r: None if r.url.startswith(LOCAL) else outside.append(r.url))
    await page.add_init_script(pages.PROBE)
    await page.add_init_script(pages._watch(pages.first_conditions(kind, e)))
    async with gate:
        await page.goto(url, wait_until="commit")
        names = ["ports_all:painted", "ready:painted"] + (["page_all:painted"] if kind == "ours" else [])
        await page.wait_for_function("n => n.every(k => k in window.__xjb.marks)", arg=names, polling=100)
    await page.locator(f"{MODES} > summary").click()  # the list stays open: each change is one click
    return page


async def _idle(page, budget_s: float) -> None:
    await page.evaluate("() => { delete window.__xjb.idleSince; }")
    await page.wait_for_function(pages.IDLE, arg=pages.IDLE_MS, timeout=budget_s * 1000, polling=50)


async def _viewer(page, kind: str, e: pages.Expect, changes: int, seed: int) -> None:
    pace = random.Random(seed)
    box = page.locator(f'{MODES} input[value="air"]')
    for number in range(changes):
        conditions = change_conditions(number, e, kind)
        await page.evaluate(
            f"() => {{ const x = window.__xjb; x.presses = x.presses || []; x.press = null; {pages._watch(conditions)}; }}"
        )
        await box.click()
        await page.evaluate(f"() => {{ window.__xjb.presses[{number}] = window.__xjb.press; }}")
        await page.wait_for_function(
            "n => n.every(k => k in window.__xjb.marks)", arg=[f"{k}:painted" for k in conditions], polling=50
        )
        await asyncio.sleep(pace.uniform(*THINK_S))  # the viewer looks at the result: the workload's pace


async def _level(
    browser, url: str, kind: str, pid: int, sessions: int, changes: int, e: pages.Expect, budget_s: float
) -> dict:
    gate = asyncio.Semaphore(OPENING)
    opened = await asyncio.gather(*(_open(browser, url, kind, e, budget_s, gate) for _ in range(sessions)))
    try:
        errors: list[str] = []
        for number, page in enumerate(opened):
            page.on("pageerror", lambda error, number=number: errors.append(f"viewer {number}: {error}"))
        await asyncio.gather(*(_idle(page, budget_s) for page in opened))
        # The window on each page's own clock (a page's performance.timeOrigin may stand apart from Python's
        # wall clock), its length on Python's.
        stamp = "(key) => { window.__xjb[key] = performance.timeOrigin + performance.now(); }"
        await asyncio.gather(*(page.evaluate(stamp, "from") for page in opened))
        start, cpu = time.monotonic(), cpu_seconds(pid)
        await asyncio.gather(*(_viewer(page, kind, e, changes, seed) for seed, page in enumerate(opened)))
        await asyncio.gather(*(_idle(page, budget_s) for page in opened))  # the last reports' runs are counted
        await asyncio.gather(*(page.evaluate(stamp, "until") for page in opened))
        seconds, cpu = time.monotonic() - start, cpu_seconds(pid) - cpu
        every, map_only, runs, requested = [], [], 0, 0
        for page in opened:
            state = await page.evaluate(
                "() => { const x = window.__xjb; return {marks: x.marks, presses: x.presses, finished: x.finished, "
                "requested: x.requested, from: x.from, until: x.until}; }"
            )
            end, drawn = latencies(state, range(changes))
            every += end
            map_only += drawn
            runs += within(state["finished"], state["from"], state["until"])
            requested += within(state["requested"], state["from"], state["until"])
        if errors:
            raise RuntimeError(f"page errors: {errors[:3]}")
        outside = [u for page in opened for u in page.xjb_outside]
        if outside:
            raise RuntimeError(f"requests left the machine: {outside[:5]}")
        return summary(sessions, changes, every, map_only, runs, seconds, cpu, requested)
    finally:
        await asyncio.gather(*(page.context.close() for page in opened))


async def _measure(
    url: str, kind: str, pid: int, levels: list[int], changes: int, e: pages.Expect, budget_s: float
) -> list:
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, *pages.CLOSED_NETWORK]
        )
        try:
            return [await _level(browser, url, kind, pid, n, changes, e, budget_s) for n in levels]
        finally:
            await browser.close()


def measure(
    url: str, kind: str, pid: int, levels: list[int], changes: int, e: pages.Expect, budget_s: float
) -> list[dict]:
    """One summary per number of concurrent viewers (see the module's docstring), on the app at ``url``: our
    page (``kind`` "ours") or the map-only page ("maponly", the same load on the browsers, almost none on Python)."""
    return asyncio.run(_measure(url, kind, pid, levels, changes, e, budget_s))
