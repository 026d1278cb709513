"""Headless Chromium against the app on 127.0.0.1, with every other request aborted (no network)."""

from __future__ import annotations

import asyncio
import concurrent.futures
import itertools
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from playwright.sync_api import Browser, BrowserContext, Frame, Page, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeout

PROJECT_DIR = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
_CALLS = itertools.count()  # tells one wait_until_still's record from another's
LOCAL = ("http://127.0.0.1:", "data:", "blob:", "about:")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass(frozen=True)
class Server:
    url: str
    pid: int
    log: IO[str]

    def log_text(self) -> str:
        """What the server has printed so far."""
        self.log.flush()
        with open(self.log.fileno(), closefd=False, encoding="utf-8") as handle:
            handle.seek(0)
            return handle.read()

    def rss_mb(self) -> float:
        """The server's resident memory now, from /proc (Linux)."""
        status = Path(f"/proc/{self.pid}/status").read_text()
        return int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1)) / 1024


@contextmanager
def running_app(env: dict[str, str] | None = None, timeout: float = 60, script: str = "app.py") -> Iterator[Server]:
    """Start ``streamlit run <script>`` on a free local port; yield the server; stop it afterwards."""
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        script,
        "--server.headless",
        "true",
        "--server.address",
        "127.0.0.1",
        "--server.port",
        str(port),
        "--browser.gatherUsageStats",
        "false",
    ]
    # Output goes to a file, not a pipe: a full pipe would stall the server.
    with tempfile.TemporaryFile(mode="w+") as log:
        # PYTHONPATH lets a script outside the project root (bench/naive_app.py) import geo and bench.
        environment = {**os.environ, "PYTHONPATH": str(PROJECT_DIR), **(env or {})}
        process = subprocess.Popen(
            command, cwd=PROJECT_DIR, env=environment, stdout=log, stderr=subprocess.STDOUT, text=True
        )
        try:
            yield Server(_wait_until_healthy(process, f"http://127.0.0.1:{port}", log, timeout), process.pid, log)
        finally:
            stop(process)


def stop(process: subprocess.Popen) -> None:
    """End a server this test started: politely, then for good after 10 s."""
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def _wait_until_healthy(process: subprocess.Popen, url: str, log, timeout: float) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log.seek(0)
            raise RuntimeError(f"streamlit exited early:\n{log.read()}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return url
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"streamlit did not answer on {url} within {timeout} s")


def _offline(page: Page, blocked: list[str]) -> Page:
    def route(request_route):
        url = request_route.request.url
        if url.startswith(LOCAL):
            request_route.continue_()
        else:
            blocked.append(url)
            request_route.abort()

    page.route("**/*", route)
    # A page here loads in under a second; CI once saw two pages on both workers wait 30 s (Playwright's default)
    # for their load event at the same moment, a stall of the machine, not of the page: a test asserts what
    # loads, not how fast (the benchmark measures that).
    page.set_default_navigation_timeout(90_000)
    return page


class _Shared:
    """One Chromium for every page opened inside ``shared_browser()``; started on first use."""

    enabled = False
    playwright = None
    browser: Browser | None = None
    context: BrowserContext | None = None


def _launch(playwright) -> Browser:
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


@contextmanager
def shared_browser() -> Iterator[None]:
    """Inside this block offline pages open as tabs of one Chromium instead of launching one each.

    Each page is a tab of its own, so a Streamlit session of its own; the tabs share one context, so
    its HTTP cache: the app's scripts are fetched and compiled once, not for every test. Playwright's
    sync API forbids a second instance in the process (and asyncio.run beside it), so the browser is
    stopped when the block ends.
    """
    _Shared.enabled = True
    try:
        yield
    finally:
        _Shared.enabled = False
        if _Shared.context is not None:
            _Shared.context.close()
        if _Shared.browser is not None:
            _Shared.browser.close()
            _Shared.playwright.stop()
            _Shared.browser = _Shared.playwright = _Shared.context = None


@contextmanager
def _browser() -> Iterator[Browser]:
    """The shared Chromium inside ``shared_browser()``, else one launched for this block."""
    if _Shared.enabled:
        if _Shared.browser is None:
            _Shared.playwright = sync_playwright().start()
            _Shared.browser = _launch(_Shared.playwright)
        yield _Shared.browser
        return
    with sync_playwright() as playwright:
        browser = _launch(playwright)
        try:
            yield browser
        finally:
            browser.close()


@contextmanager
def offline_page(width: int = 1400, height: int = 1000) -> Iterator[tuple[Page, list[str]]]:
    """A page in headless Chromium that aborts every request leaving the machine; yields (page, blocked)."""
    blocked: list[str] = []
    if _Shared.enabled:
        with _browser() as browser:
            if _Shared.context is None:
                _Shared.context = browser.new_context()
            page = _Shared.context.new_page()
            page.set_viewport_size({"width": width, "height": height})
            try:
                yield _offline(page, blocked), blocked
            finally:
                page.close()
        return
    with _browser() as browser:
        context = browser.new_context(viewport={"width": width, "height": height})
        try:
            yield _offline(context.new_page(), blocked), blocked
        finally:
            context.close()


@contextmanager
def offline_sessions(count: int) -> Iterator[tuple[list[Page], list[str]]]:
    """``count`` pages in separate browser contexts (so separate app sessions), all offline."""
    blocked: list[str] = []
    with _browser() as browser:
        contexts = [browser.new_context(viewport={"width": 1200, "height": 900}) for _ in range(count)]
        try:
            yield [_offline(context.new_page(), blocked) for context in contexts], blocked
        finally:
            for context in contexts:
                context.close()


def map_frame(page: Page) -> Frame | None:
    """The frame holding the map: the page itself (the map is a components-v2 element, no iframe)."""
    return page.main_frame if page.locator(".xj-root").count() else None


def wait_for_map(page: Page, timeout: float = 60) -> None:
    """Wait until the map is drawn and its base map loaded."""
    page.locator('.xj-root[data-xj-ready="1"]').wait_for(state="attached", timeout=timeout * 1000)


def idle(page: Page, timeout: float = 60) -> None:
    """Wait until the app's script has finished its run, as a person waits for the page to settle before the
    next step: a file chosen while the uploader is being redrawn can go to an input that is then replaced."""
    page.locator('[data-testid="stApp"][data-test-script-state="notRunning"]').wait_for(
        state="attached", timeout=timeout * 1000
    )


def choose_file(page: Page, path, tries: int = 3) -> None:
    """Choose a file in the sidebar's uploader (its expander open) once the page has settled, and see the uploader
    name it. A rerun that starts between the idle check and the choice (the map's first report) can redraw the
    uploader and drop the file, as a person would see and choose it again; so does this."""
    name = Path(path).name
    for _try in range(tries):
        idle(page)
        page.locator('input[type="file"]').set_input_files(str(path))
        # The chip shows a long name shortened in the middle; its title holds it whole.
        chip = page.locator(f'[data-testid="stFileChipName"][title={json.dumps(name)}]')
        try:
            chip.wait_for(timeout=15_000)
            return
        except PlaywrightTimeout:
            continue
    raise AssertionError(f"the uploader never took {name} in {tries} tries")


def add_own_layer(page: Page, points: list[tuple[str, dict, list[float]]], path) -> None:
    """Write ``points`` (id, properties, [lon, lat]) as a GeoJSON file at ``path`` and add it as the viewer's layer."""
    features = [
        {"type": "Feature", "id": fid, "properties": props, "geometry": {"type": "Point", "coordinates": xy}}
        for fid, props, xy in points
    ]
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    # The pages of a test module share a browser context, which keeps a side panel folded by an earlier page.
    unfold = page.locator('[data-testid="stExpandSidebarButton"]')
    if unfold.is_visible():
        unfold.click()
    page.get_by_text("Add your own layer").click()
    choose_file(page, path)


def shown(page: Page) -> dict[str, int]:
    """What the map shows now, per layer, as the explorer counts it."""
    return json.loads(page.locator(".folium-map").get_attribute("data-xj-shown") or "{}")


def wait_for_markers(page: Page, count: int | None = None, timeout: float = 60) -> int:
    """Wait until the map draws port markers (exactly ``count`` if given); return how many."""
    try:
        return page.wait_for_function(
            """n => { if (!document.querySelector('.xj-root[data-xj-ready="1"]')) return 0;
                      const drawn = document.querySelectorAll('path.xj-port').length;
                      return drawn > 0 && (n === null || drawn === n) ? drawn : 0; }""",
            arg=count,
            timeout=timeout * 1000,
        ).json_value()
    except PlaywrightTimeout:
        drawn = page.locator("path.xj-port").count()
        raise AssertionError(f"map shows {drawn} port markers after {timeout} s, expected {count}") from None


def explorer(page: Page, code: str):
    """Evaluate ``code`` in the page with ``x`` bound to the map's explorer (static/xj/xjmap.js)."""
    return page.evaluate(f"() => {{ const x = document.querySelector('.folium-map').xjExplorer; return {code}; }}")


@contextmanager
def opening_view(url: str, ports: int, width: int, height: int) -> Iterator[tuple[Page, list[str]]]:
    """The app at its opening view on a screen of this size, its ``ports`` markers drawn and the map scrolled
    into view and still; yields (page, blocked)."""
    with offline_page(width, height) as (page, blocked):
        page.goto(url)
        wait_for_markers(page, ports)
        page.locator(".xj-stage").scroll_into_view_if_needed()
        wait_until_still(page, ".xj-stage")
        yield page, blocked


def wait_until_still(page: Page, selector: str, frames: int = 5, timeout: float = 30) -> None:
    """Wait until an element keeps its place on the screen for ``frames`` animation frames running (the
    page above it, Streamlit's lazily drawn parts, may still be moving it)."""
    page.wait_for_function(
        """([selector, frames, call]) => {
            const r = document.querySelector(selector).getBoundingClientRect();
            const now = [r.x, r.y, r.width, r.height].join();
            const seen = (window.xjStill = window.xjStill || {});
            if (!seen[call] || seen[call].at !== now) seen[call] = {at: now, frames: 0};
            return ++seen[call].frames > frames;
        }""",
        arg=[selector, frames, next(_CALLS)],
        timeout=timeout * 1000,
    )


def open_filter(page: Page, label: str):
    """Open one list of the map's filter bar (unfolding the bar first on a narrow screen); return it."""
    more = page.locator(".xj-more")
    if more.is_visible() and more.get_attribute("aria-expanded") == "false":
        more.click()
    box = page.locator(".xj-filter").filter(has=page.locator("summary", has_text=label))
    if not box.evaluate("details => details.open"):
        box.locator("summary").click()
    return box


def choose_prepared(page: Page, label: str, option: str):
    """The checkbox of an option in the map's filter bar (named with or without its count), ready to click."""
    return open_filter(page, label).get_by_label(re.compile(rf"^\s*{re.escape(option)}( \(\d+\))?$"))


def choose(page: Page, label: str, option: str, tries: int = 3) -> None:
    """Tick an option in the map's filter bar, as a user would, and close the list. A list that closes before
    the tick (the map redrawn for a new session, after a reconnect) is opened again, as a person would."""
    for attempt in range(tries):
        try:
            choose_prepared(page, label, option).check(timeout=10_000)
            break
        except PlaywrightTimeout:
            if attempt == tries - 1:
                raise
    page.locator(".xj-filter[open] > summary").click()


def search(page: Page, text: str) -> None:
    page.locator(".xj-search").fill(text)


async def _session(url: str, query: str) -> str:
    """One viewer's session without a browser: Streamlit's own websocket messages, until the script finishes."""
    import websockets
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    async with websockets.connect(
        url.replace("http", "ws", 1) + "/_stcore/stream", subprotocols=["streamlit"], max_size=None
    ) as socket:
        message = BackMsg()
        message.rerun_script.query_string = query
        await socket.send(message.SerializeToString())
        while True:
            reply = ForwardMsg()
            reply.ParseFromString(await asyncio.wait_for(socket.recv(), 120))
            if reply.WhichOneof("type") == "script_finished":
                return ForwardMsg.ScriptFinishedStatus.Name(reply.script_finished)


def sessions_at_once(url: str, count: int, query: str = "") -> list[str]:
    """Open ``count`` sessions together, each running the page once; return how each run finished."""

    async def together() -> list[str]:
        return list(await asyncio.gather(*(_session(url, query) for _ in range(count))))

    # In a thread of its own: asyncio.run refuses to start beside Playwright's sync loop (shared_browser).
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, together()).result()


def choose_and_wait(page: Page, label: str, option: str, shown: int, total: int, timeout: float = 60) -> None:
    """Choose a filter option on the map, then wait until the page's sidebar counts ``shown of total`` ports."""
    choose(page, label, option)
    page.locator('[data-testid="stSidebar"]').get_by_text(re.compile(rf"^{shown} of {total} ports")).wait_for(
        timeout=timeout * 1000
    )
