"""Two app processes behind HAProxy (deploy/haproxy.cfg): viewers spread over both; one process is killed mid-test.

The viewers that were on it reconnect to the other process and keep working, with no error; the viewers on the
other process notice nothing (no reconnect, no reload). Everything runs on 127.0.0.1; every wait is bounded.
"""

from __future__ import annotations

import os
import signal
import time

import pytest

from geo.explore.filter import filter_ports
from geo.render.mapping import drawable
from tests.e2e.balancer import COOKIE, HAPROXY, running_balancer
from tests.e2e.browser import choose, offline_sessions, running_app, sessions_at_once, wait_for_markers

SESSIONS = 6
MODES = ("Rail", "Air", "Road")
TIMEOUT = 60  # seconds, for any one wait

# Counts the websockets a page opens (Streamlit's client opens one, and one more on each reconnect).
COUNT_WEBSOCKETS = """
window.__xjSockets = 0;
(function () {
  var Native = window.WebSocket;
  var Counting = function (url, protocols) {
    window.__xjSockets += 1;
    return protocols === undefined ? new Native(url) : new Native(url, protocols);
  };
  Counting.prototype = Native.prototype;
  ["CONNECTING", "OPEN", "CLOSING", "CLOSED"].forEach(function (k) { Counting[k] = Native[k]; });
  window.WebSocket = Counting;
})();
"""


def process_of(page) -> str:
    """The app process HAProxy sticks this browser to (app1 or app2), from its cookie."""
    return {cookie["name"]: cookie["value"] for cookie in page.context.cookies()}.get(COOKIE, "")


def sockets(page) -> int:
    return page.evaluate("window.__xjSockets")


def wait_until(condition, what: str, timeout: float = TIMEOUT) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"{what}: not within {timeout} s")
        time.sleep(0.1)


def shows(page, dataset, mode: str) -> None:
    """The map draws exactly the ports of ``mode`` and Python's page counts them in its first tab."""
    ports = filter_ports(dataset.ports, modes=[mode.lower()])
    assert wait_for_markers(page, len(drawable(ports)), timeout=TIMEOUT) == len(drawable(ports))
    page.get_by_role("tab", name=f"Ports ({len(ports)})").wait_for(timeout=TIMEOUT * 1000)


def switch(page, mode: str) -> None:
    page.locator(".xj-clear").first.click()
    choose(page, "Port mode", mode)


@pytest.mark.slow
@pytest.mark.skipif(
    not os.path.exists(HAPROXY) and not os.environ.get("CI"), reason="no haproxy: `make test` installs it"
)
def test_viewers_survive_losing_one_of_two_processes(dataset):
    started = time.monotonic()
    with running_app() as app1, running_app() as app2, running_balancer([app1, app2]) as balancer:
        apps = {"app1": app1, "app2": app2}
        for app in apps.values():  # each process loads the data once before the browsers come
            assert sessions_at_once(app.url, 1) == ["FINISHED_SUCCESSFULLY"]
        with offline_sessions(SESSIONS) as (pages, blocked):
            errors: list[str] = []
            for number, page in enumerate(pages):
                page.on("pageerror", lambda error, number=number: errors.append(f"viewer {number}: {error}"))
                page.add_init_script(COUNT_WEBSOCKETS)
            for page in pages:
                page.goto(balancer.url, wait_until="commit")
            all_ports = len(drawable(dataset.ports))
            for page in pages:
                assert wait_for_markers(page, all_ports, timeout=TIMEOUT) == all_ports

            # Spread over both processes: each viewer holds one connection (its websocket) where its cookie says.
            on = [process_of(page) for page in pages]
            held = {name: on.count(name) for name in apps}
            assert min(held.values()) >= 1, f"viewers per process: {held}"
            wait_until(lambda: balancer.connections() == held, f"HAProxy's connections {held}")

            # Each viewer filters and sees its own result.
            before = [MODES[number % len(MODES)] for number in range(SESSIONS)]
            for page, mode in zip(pages, before, strict=True):
                switch(page, mode)
            for page, mode in zip(pages, before, strict=True):
                shows(page, dataset, mode)
            assert [sockets(page) for page in pages] == [1] * SESSIONS
            for page in pages:
                page.evaluate("window.__xjBeforeKill = true")

            # Kill the process holding the first viewer, as a crash would (no goodbye to its clients).
            killed = on[0]
            survivor = next(name for name in apps if name != killed)
            os.kill(apps[killed].pid, signal.SIGKILL)
            killed_at = time.monotonic()
            balancer.wait_for_status({killed: "DOWN", survivor: "UP"}, timeout=TIMEOUT)
            moved = [page for page, name in zip(pages, on, strict=True) if name == killed]
            stayed = [page for page, name in zip(pages, on, strict=True) if name == survivor]

            # The moved viewers reconnect to the survivor, in the same page (no reload), and a new session there
            # shows the filter they had: the page's state is in the address bar.
            for page in moved:
                wait_until(lambda page=page: sockets(page) == 2, "a viewer of the killed process reconnects")
            reconnected = time.monotonic() - killed_at
            for page, mode in zip(pages, before, strict=True):
                if page in moved:
                    shows(page, dataset, mode)
            wait_until(lambda: balancer.connections() == {killed: 0, survivor: SESSIONS}, "all on the survivor")
            assert {process_of(page) for page in moved} == {survivor}

            # Everyone keeps working: a new filter shows the right ports.
            after = [MODES[(number + 1) % len(MODES)] for number in range(SESSIONS)]
            for page, mode in zip(pages, after, strict=True):
                switch(page, mode)
            for page, mode in zip(pages, after, strict=True):
                shows(page, dataset, mode)

            assert [page.evaluate("window.__xjBeforeKill === true") for page in pages] == [True] * SESSIONS
            assert [sockets(page) for page in stayed] == [1] * len(stayed)  # the survivor's viewers saw nothing
            assert [sockets(page) for page in moved] == [2] * len(moved)
            for page in pages:
                assert page.get_by_test_id("stException").count() == 0
            assert errors == []
            assert blocked == []
            print(
                f"\n{SESSIONS} viewers over 2 processes {held}; {killed} killed, {len(moved)} moved to {survivor} "
                f"(reconnected {reconnected:.1f} s after the kill); "
                f"{time.monotonic() - started:.0f} s"
            )
