"""The benchmark in headless Chromium: first map and filter change on our app, the naive app and the floor page."""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import sync_playwright

from tests.e2e.browser import CHROMIUM, CHROMIUM_ARGS, LOCAL, free_port

PROBE = (Path(__file__).with_name("probe.js")).read_text(encoding="utf-8")
CLOSED_NETWORK = ["--proxy-server=http://127.0.0.1:9"]  # loopback is never proxied; port 9 (discard) is closed
WARM_UP_BUDGET_S = 900  # the warm-up page may wait this long: a new server builds its map once, then caches it


@dataclass(frozen=True)
class Expect:
    """What the page shows before and after choosing "Air": ports drawn on the map and ports the page counts."""

    drawn: int
    drawn_air: int
    listed: int
    listed_air: int
    rich: bool


class NoAnswerError(Exception):
    """A step got no answer within the budget: recorded as a note, not a figure."""


# ---- Conditions the probe watches, as JavaScript expressions of (doc, win) --------------------------------------


def _shown(n: int, rich: bool) -> str:
    """Our map shows exactly ``n`` ports: its shown-counts attribute, and in rich mode the drawn SVG circles."""
    attr = "JSON.parse((doc.querySelector('.folium-map') || {dataset: {}}).dataset.xjShown || '{}').ports"
    svg = f" && doc.querySelectorAll('path.xj-port').length === {n}" if rich else ""
    return f"({attr} === {n}{svg})"


def _floor_shown(n: int, rich: bool) -> str:
    """The standalone page's explorer holds ``n`` ports shown (it sets no attribute until a filter is applied)."""
    explorer = "(doc.querySelector('.folium-map') || {}).xjExplorer"
    svg = f" && doc.querySelectorAll('path.xj-port').length === {n}" if rich else ""
    return f"({explorer} && {explorer}.shownIds('ports').length === {n}{svg})"


def _listed(n: int, of: int) -> str:
    """The naive page has caught up: its sidebar reads "N of M ports"."""
    return (
        "(function (s) { return s && /(^|[^0-9])"
        f"{n} of {of} ports/.test(s.textContent); }})(doc.querySelector('[data-testid=\"stSidebar\"]'))"
    )


def page_parts(drawn: int, listed: int, total: int) -> dict[str, str]:
    """Our page shows a view of ``drawn`` ports on the map and ``listed`` in the tables, of ``total``: the map
    bar's status ("3 of 22 ports"), the sidebar's tally (worded alike, its data-xj-shown), the tab "Ports (3)"
    and the rows in the ports table (data-xj-rows). All write numbers as "1,000"."""
    return {
        "status": f"/(^|[^0-9,]){drawn:,} of {total:,} ports?([^0-9,]|$)/"
        ".test((doc.querySelector('.xj-status') || {}).textContent || '')",
        "tally": f"/(^|[^0-9,]){listed:,} of {total:,} ports/"
        ".test((doc.querySelector('.xj-tally .xj-tally-line') || {}).textContent || '')"
        f" && JSON.parse((doc.querySelector('.xj-tally') || {{dataset: {{}}}}).dataset.xjShown || '{{}}').ports === {listed}",
        "tab": "Array.prototype.some.call(doc.querySelectorAll('.xj-tab'), "
        f"function (t) {{ return t.textContent === 'Ports ({listed:,})'; }})",
        "rows": f"(doc.querySelector('.xj-places') || {{dataset: {{}}}}).dataset.xjRows === '{listed}'",
    }


def page_shows(drawn: int, listed: int, total: int) -> str:
    """Every part of our page outside the map shows the view (see page_parts)."""
    return "(" + " && ".join(f"({v})" for v in page_parts(drawn, listed, total).values()) + ")"


def _markers(n: int) -> str:
    """The naive map (in st_folium's iframe) holds ``n`` marker icons."""
    return f"(doc.querySelectorAll('.leaflet-marker-icon').length === {n})"


FLOOR_READY = (
    "(function (el) { var ex = el && el.xjExplorer; if (!ex) return false;"
    " if (!ex.xjbWatching) { ex.xjbWatching = true; Promise.resolve(ex.opts.baseReady).then(function () {"
    " ex.xjbBase = true; win.top.__xjb.check(); }); }"
    " return Boolean(ex.xjbBase); })(doc.querySelector('.folium-map'))"
)


def first_conditions(kind: str, e: Expect) -> dict[str, str]:
    if kind in ("ours", "maponly"):
        # The same map component on both pages; ours also has the counts and tables to show.
        found = {
            "component": "Boolean(doc.querySelector('.xj-root'))",
            "map_script": "Boolean((doc.querySelector('.folium-map') || {}).xjExplorer)",
            "ports_all": _shown(e.drawn, e.rich),
            "ready": "Boolean(doc.querySelector('.xj-root[data-xj-ready=\"1\"]'))",
        }
        return found | {"page_all": page_shows(e.drawn, e.listed, e.listed)} if kind == "ours" else found
    if kind == "naive":
        return {"ports_all": _markers(e.drawn), "page_all": _listed(e.listed, e.listed)}
    return {
        "map_script": "Boolean((doc.querySelector('.folium-map') || {}).xjExplorer)",
        "ports_all": _floor_shown(e.drawn, e.rich),
        "ready": FLOOR_READY,
    }


def filter_conditions(kind: str, e: Expect) -> dict[str, str]:
    if kind == "ours":
        parts = {f"{name}_air": v for name, v in page_parts(e.drawn_air, e.listed_air, e.listed).items()}
        return {
            "map_air": _shown(e.drawn_air, e.rich),
            **parts,
            "page_air": page_shows(e.drawn_air, e.listed_air, e.listed),
        }
    if kind == "naive":
        return {"map_air": _markers(e.drawn_air), "page_air": _listed(e.listed_air, e.listed)}
    return {"map_air": _shown(e.drawn_air, e.rich)}


def _watch(conditions: dict[str, str]) -> str:
    body = ", ".join(f"{json.dumps(k)}: function (doc, win) {{ return {v}; }}" for k, v in conditions.items())
    return f"(function () {{ if (window.__xjbWatch) Object.assign(window.__xjbWatch, {{{body}}}); }})()"


# ---- Reading the probe --------------------------------------------------------------------------------------------

READ = """() => {
    const nav = performance.getEntriesByType('navigation')[0];
    return {
        origin: performance.timeOrigin,
        marks: window.__xjb.marks, press: window.__xjb.press, changed: window.__xjb.changed,
        ws: window.__xjb.ws, sent: window.__xjb.sent,
        long: window.__xjb.long,
        nav: nav ? {first_byte: nav.responseStart, html_done: nav.responseEnd,
                    dom_ready: nav.domContentLoadedEventEnd, load: nav.loadEventEnd} : null,
        resources: performance.getEntriesByType('resource').map(
            r => ({name: r.name, start: r.startTime, end: r.responseEnd, bytes: r.encodedBodySize})),
    };
}"""


def _wait_marks(page, names: list[str], budget_s: float) -> dict:
    condition = "names => names.every(n => n in window.__xjb.marks)"
    try:
        page.wait_for_function(condition, arg=names, timeout=budget_s * 1000, polling=50)
    except Exception as exc:  # noqa: BLE001 - Playwright's timeout, or the page going away: both mean no answer
        raise NoAnswerError(f"{', '.join(names)}: no answer within {budget_s:.0f} s") from exc
    return page.evaluate(READ)


# The page is idle when, for IDLE_MS on end: no Streamlit run is under way, the map component holds no pending
# report for Python (its debounce timer, component.js reportSoon), no websocket message went either way and no
# long task ran. Only then is a click timed: a rerun or a report still to come would otherwise overlap it.
IDLE_MS = 300
IDLE = """ms => {
    const x = window.__xjb, t = performance.timeOrigin + performance.now();
    const app = document.querySelector('[data-testid="stApp"]');
    const root = document.querySelector('.xj-root'), soon = root && root.xjState && root.xjState.reportSoon;
    const last = (list, i) => list.length ? list[list.length - 1][i] : 0;
    const busy = (app && app.getAttribute('data-test-script-state') === 'running') || (soon && soon.pending())
        || t - Math.max(last(x.ws, 0), last(x.sent, 0)) < ms || t - last(x.long, 1) < ms;
    if (busy) { x.idleSince = null; return false; }
    if (x.idleSince == null) x.idleSince = t;
    return t - x.idleSince >= ms;
}"""


def wait_idle(page, budget_s: float) -> None:
    """Wait until the page has been idle for IDLE_MS (see IDLE); a page never idle ends the run with a note."""
    page.evaluate("() => { delete window.__xjb.idleSince; }")
    try:
        page.wait_for_function(IDLE, arg=IDLE_MS, timeout=budget_s * 1000, polling=50)
    except Exception as exc:  # noqa: BLE001 - Playwright's timeout, or the page going away: both mean no answer
        raise NoAnswerError(f"idle: not idle within {budget_s:.0f} s") from exc


def _since(state: dict, at: float | None) -> float | None:
    return None if at is None else round(at - state["origin"], 1)


def first_map_timeline(kind: str, state: dict, payload_bytes: int) -> dict:
    """Where the time to the first map goes: milliseconds since navigation start for each step."""
    marks = state["marks"]
    nav = state["nav"] or {}
    painted = (
        [marks.get("ports_all:painted"), marks.get("ready:painted")]
        if kind != "naive"
        else [marks.get("ports_all:painted")]
    )
    out = {"first_byte": round(nav.get("first_byte", 0), 1), "html_done": round(nav.get("html_done", 0), 1)}
    if kind != "floor":
        out["bundle_run"] = round(nav.get("dom_ready", 0), 1)  # Streamlit's JS bundle fetched and run
        out["ws_open"] = _since(state, marks.get("ws_open"))
        out["first_message"] = _since(state, state["ws"][0][0]) if state["ws"] else None
        big = [at for at, size in state["ws"] if size >= 0.9 * payload_bytes] if kind != "naive" else []
        out["map_message"] = _since(state, big[0]) if big else None

    def resource(part: str, last: bool = False) -> float | None:
        ends = [r["end"] for r in state["resources"] if part in r["name"]]
        return round((max if last else min)(ends), 1) if ends else None

    if kind in ("ours", "maponly"):
        out["component_js"] = _since(state, marks.get("component"))
    if kind != "naive":
        out["leaflet_js"] = resource("/leaflet/leaflet.js")
        out["xjmap_js"] = resource("/xj/xjmap.js")
        out["map_script"] = _since(state, marks.get("map_script"))
        out["ports_drawn"] = _since(state, marks.get("ports_all"))
        out["base_fetched"] = resource("/basemap/", last=True)
        out["ready"] = _since(state, marks.get("ready"))
    out["first_map"] = _since(state, max(p for p in painted if p is not None))
    if "page_all" in marks:
        out["page_complete"] = _since(state, marks["page_all"])
    return out


def filter_figures(kind: str, state: dict) -> dict:
    """The filter change, from the press on "Air": the map updated, then (ours) each part of the page outside
    the map (bar status, sidebar tally, tab label, table rows), all painted = end to end; when Python was told
    (after the component's debounce) and first answered; (naive) Python's page caught up."""
    marks, press = state["marks"], state["press"]

    def after(at: float | None) -> float | None:
        return None if at is None or press is None else round(at - press, 1)

    out = {
        "change": after(state.get("changed")),  # the press's "change" event reached the page's code
        "map_dom": after(marks.get("map_air")),
        "map_painted": after(marks.get("map_air:painted")),
    }
    # Main-thread time in long tasks (over 50 ms each) from the press until the map was painted: what held it up.
    painted = marks.get("map_air:painted")
    out["long_tasks_ms"] = (
        round(
            sum(
                min(end, painted) - max(start, press)
                for start, end in state.get("long", [])
                if start < painted and end > press
            ),
            1,
        )
        if painted is not None and press is not None
        else None
    )
    if kind == "floor":
        return out
    if kind == "ours":
        for part in page_parts(0, 0, 0):
            out[f"{part}_dom"] = after(marks.get(f"{part}_air"))
    if kind != "maponly":
        out["page_dom"] = after(marks.get("page_air"))
        out["page_painted"] = after(marks.get("page_air:painted"))
        ends = [marks.get("map_air:painted"), marks.get("page_air:painted")]
        out["end_to_end"] = after(max(ends)) if None not in ends else None
    sent = [at for at, _ in state["sent"] if at >= press]
    back = [at for at, _ in state["ws"] if sent and at >= sent[0]]
    out["sent"] = after(sent[0]) if sent else None
    out["first_reply"] = after(back[0]) if back else None
    out["bytes_back"] = sum(size for at, size in state["ws"] if at >= press)
    return out


# ---- One page, one run --------------------------------------------------------------------------------------------


VIEWPORT = (1400, 1000)
# The map's size on a page, in CSS pixels: the floor is opened at our map's size (measured in the same run), so that
# both draw the same map at the same zoom and do the same work (spreading, labels, canvas) for a filter.
MAP_PX = "() => { const r = document.querySelector('.folium-map').getBoundingClientRect(); return [Math.round(r.width), Math.round(r.height)]; }"


@contextmanager
def _page(viewport: tuple[int, int] = VIEWPORT) -> Iterator:
    """A fresh headless Chromium with the network closed, the probe installed in every frame.

    The network is closed in Chromium itself: every request that does not go to the loopback address is sent
    to a proxy on a closed local port and fails at once. (The tests' ``offline_page`` aborts requests from a
    Python route handler instead, which puts a round trip through Playwright in front of every request the
    page makes and so would weigh on the Streamlit pages, with their hundred script files, more than on the
    floor page.) A request that left anyway would be listed in ``page.xjb_outside``; none may.
    """
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, *CLOSED_NETWORK])
        try:
            page = browser.new_page(viewport={"width": viewport[0], "height": viewport[1]})
            page.xjb_outside = outside = []
            page.on("requestfinished", lambda r: None if r.url.startswith(LOCAL) else outside.append(r.url))
            page.add_init_script(PROBE)
            yield page
            if outside:
                raise RuntimeError(f"requests left the machine: {outside[:5]}")
        finally:
            browser.close()


def run_once(
    kind: str, url: str, e: Expect, payload_bytes: int, budget_s: float, viewport: tuple[int, int] = VIEWPORT
) -> dict:
    """Open ``url`` in a fresh browser, wait for the whole map, then choose "Air" and wait for the update.

    A step that gets no answer within ``budget_s`` ends the run with a ``note``; what was measured stays.
    """
    with _page(viewport) as page:
        page.set_default_timeout(budget_s * 1000)
        page.add_init_script(_watch(first_conditions(kind, e)))
        try:
            page.goto(url, wait_until="commit")
            names = ["ports_all:painted"] + (["ready:painted"] if kind != "naive" else [])
            state = _wait_marks(page, names, budget_s)
        except (NoAnswerError, PlaywrightError) as exc:
            return {"note": f"first map: {_first_line(exc)}"}
        result = {"first": first_map_timeline(kind, state, payload_bytes), "viewport": list(viewport)}
        if kind != "naive":
            result["map_px"] = page.evaluate(MAP_PX)
        try:
            if kind == "floor":
                wait_idle(page, budget_s)  # as on the app's pages, the first map settles before the filter
                # No filter bar on the standalone page: its explorer is called as the bar's click would call it.
                page.evaluate(
                    f"() => {{ {_watch(filter_conditions(kind, e))}; "
                    "window.__xjb.press = performance.timeOrigin + performance.now(); "
                    "document.querySelector('.folium-map').xjExplorer.setFilters({modes: ['air']}, ''); }"
                )
                state = _wait_marks(page, ["map_air:painted"], budget_s)
                result["filter_clicked"] = filter_figures(kind, _floor_clicked(page, e, budget_s))
            else:
                if kind != "maponly":
                    _wait_marks(page, ["page_all"], budget_s)
                option = _prepare_air(page, kind)
                wait_idle(page, budget_s)
                page.evaluate(f"() => {{ window.__xjb.press = null; {_watch(filter_conditions(kind, e))}; }}")
                option.click()
                ends = ["map_air:painted"] + (["page_air:painted"] if kind != "maponly" else [])
                state = _wait_marks(page, ends, budget_s)
                if kind != "naive":  # when the component told Python (after its debounce), and Python answered
                    wait_idle(page, budget_s)
                    state = page.evaluate(READ)
                    result["filter"] = filter_figures(kind, state)
                    result["filter_again"] = filter_figures(kind, _again(page, kind, e, budget_s))
                    return result
        except (NoAnswerError, PlaywrightError) as exc:
            return result | {"note": f"filter: {_first_line(exc)}"}
        return result | {"filter": filter_figures(kind, state)}


def _again(page, kind: str, e: Expect, budget_s: float) -> dict:
    """Our page (or the map-only one) filtered again, warm: "Air" off, then on, the on timed from its press.

    It is the page's third filter, as the floor's clicked update is (called "Air", none, clicked "Air"), so the two
    are alike in warmth; the first click above is each page's first filter, as the floor's called update is.
    """
    box = page.locator('.xj-filter[data-control="modes"] input[value="air"]')
    if not box.is_visible():
        page.locator('.xj-filter[data-control="modes"] > summary').click()
        box.wait_for(state="visible")
    box.click()
    shown = _shown(e.drawn, e.rich) + (f" && {page_shows(e.drawn, e.listed, e.listed)}" if kind == "ours" else "")
    page.wait_for_function(f"() => (function (doc, win) {{ return {shown}; }})(document, window)")
    wait_idle(page, budget_s)
    _forget_filter(page, list(filter_conditions(kind, e)))
    box.click()
    return _wait_marks(page, ["map_air:painted"] + (["page_air:painted"] if kind == "ours" else []), budget_s)


def _forget_filter(page, names: list[str]) -> None:
    """Clear the press and the marks of the last filter, so that the next click is timed afresh."""
    page.evaluate(
        "names => { const x = window.__xjb; x.press = null; x.changed = null;"
        " names.forEach(n => { delete x.marks[n]; delete x.marks[n + ':painted']; }); }",
        names,
    )


# The floor with a filter of its own: a plain checkbox "Air" over the standalone map whose change filters it, as a
# plain Leaflet page with one filter would; clicked as our filter bar is, so both are timed from a real press.
FLOOR_BOX = """() => {
    const explorer = document.querySelector('.folium-map').xjExplorer;
    const label = document.createElement('label'), box = document.createElement('input');
    box.type = 'checkbox'; box.value = 'air'; box.id = 'xjb-air';
    label.style.cssText = 'position: fixed; top: 10px; left: 60px; z-index: 2000; background: #fff; padding: 4px 8px';
    label.append(box, ' Air');
    box.addEventListener('change', () => explorer.setFilters(box.checked ? {modes: ['air']} : {}, ''));
    document.body.appendChild(label);
    explorer.setFilters({}, '');
}"""


def _floor_clicked(page, e: Expect, budget_s: float) -> dict:
    """The floor's map update again, from a click on its own checkbox (FLOOR_BOX), all ports shown before it."""
    page.evaluate(FLOOR_BOX)
    page.wait_for_function(f"() => {_floor_shown(e.drawn, e.rich).replace('doc.', 'document.')}")
    wait_idle(page, budget_s)
    _forget_filter(page, ["map_air"])
    page.locator("#xjb-air").click()
    return _wait_marks(page, ["map_air:painted"], budget_s)


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0]


def _prepare_air(page, kind: str):
    """Open the mode filter and return the "Air" choice, ready to click (only the click is timed)."""
    if kind in ("ours", "maponly"):
        page.locator('.xj-filter[data-control="modes"] > summary').click()
        box = page.locator('.xj-filter[data-control="modes"] input[value="air"]')
        box.wait_for(state="visible")
        return box
    page.get_by_test_id("stMultiSelect").filter(has_text="Port mode").locator("input").click()
    option = page.get_by_role("option", name="Air", exact=True)
    option.wait_for()
    return option


def measure(
    kind: str,
    url: str,
    e: Expect,
    payload_bytes: int,
    runs: int,
    budget_s: float,
    warm_up: bool = True,
    map_size: tuple[int, int] | None = None,
) -> dict:
    """Medians over ``runs`` fresh browsers, after one warm-up page that is not counted, and each run's figures.

    The warm-up page may wait longer: a new server builds its map once, for every session to come.
    """
    measured, note = [], None
    viewport = tuple(map_size) if map_size else VIEWPORT
    for run in range(runs + 1 if warm_up else runs):
        counted = run > 0 or not warm_up
        one = run_once(kind, url, e, payload_bytes, budget_s if counted else WARM_UP_BUDGET_S, viewport)
        if map_size and one.get("map_px") and tuple(one["map_px"]) != tuple(map_size):
            # The page around the map (a floor's title line) takes its share: the next page is larger by it.
            viewport = tuple(v + want - got for v, want, got in zip(viewport, map_size, one["map_px"], strict=True))
        if counted:
            measured.append(one)
        if "note" in one:
            note = ("" if counted else "warm-up page, ") + one.pop("note")
            break
    summary = summarise(kind, [r for r in measured if "first" in r])
    sizes = [r["map_px"] for r in measured if "map_px" in r]
    return summary | {
        "browser_runs": len(measured),
        "warm_up": warm_up,
        "note": note,
        "viewport": list(measured[-1]["viewport"]) if measured and "viewport" in measured[-1] else None,
        "map_px": sizes[-1] if sizes else None,
        "per_run": measured,
    }


def _median(values: list[float | None]) -> float | None:
    values = [v for v in values if v is not None]
    return round(statistics.median(values), 1) if values else None


def summarise(kind: str, runs: list[dict]) -> dict:
    first = [r["first"] for r in runs]
    filters = [r["filter"] for r in runs if "filter" in r]
    out = {
        "first_map_ms": _median([f["first_map"] for f in first]),
        "first_map_after_first_byte_ms": _median(
            [f["first_map"] - f["first_byte"] for f in first if f["first_map"] is not None]
        ),
        "filter_update_ms": _median([f["map_painted"] for f in filters]),
    }
    if kind in ("ours", "naive"):
        out["filter_end_to_end_ms"] = _median([f["end_to_end"] for f in filters])
    again = [r["filter_again"] for r in runs if "filter_again" in r]
    if again:  # ours or the map-only page filtered a second time, warm (_again)
        figure = "end_to_end" if kind == "ours" else "map_painted"
        out["filter_again_ms"] = _median([f[figure] for f in again])
        out["filter_again_timeline"] = {k: _median([f.get(k) for f in again]) for k in ("change", "map_painted")}
    clicked = [r["filter_clicked"] for r in runs if "filter_clicked" in r]
    if clicked:  # the floor from a click on its own checkbox
        out["filter_update_clicked_ms"] = _median([f["map_painted"] for f in clicked])
        out["filter_clicked_timeline"] = {k: _median([f.get(k) for f in clicked]) for k in ("change", "map_dom")}
    keys = {k for f in first for k in f}
    out["first_map_timeline"] = {k: _median([f.get(k) for f in first]) for k in sorted(keys, key=_order)}
    keys = {k for f in filters for k in f}
    out["filter_timeline"] = {k: _median([f.get(k) for f in filters]) for k in sorted(keys, key=_order)}
    return out


ORDER = [
    "first_byte",
    "html_done",
    "bundle_run",
    "ws_open",
    "first_message",
    "map_message",
    "component_js",
    "leaflet_js",
    "xjmap_js",
    "map_script",
    "ports_drawn",
    "base_fetched",
    "ready",
    "first_map",
    "page_complete",
    "change",
    "map_dom",
    "map_painted",
    "long_tasks_ms",
    "status_dom",
    "tally_dom",
    "tab_dom",
    "rows_dom",
    "page_dom",
    "page_painted",
    "end_to_end",
    "sent",
    "first_reply",
    "bytes_back",
]


def _order(key: str) -> int:
    return ORDER.index(key) if key in ORDER else len(ORDER)


# ---- The floor: the standalone export served as a plain file --------------------------------------------------------


@contextmanager
def static_server(folder: Path) -> Iterator[str]:
    """Serve ``folder`` on 127.0.0.1 with Python's plain HTTP server; yield its URL."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", str(folder)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(url, timeout=2):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)
