"""The map as a viewer first sees it, offline, on a desktop and a phone screen (issue 9)."""

from __future__ import annotations

import functools
import http.server
import itertools
import threading

import pytest

from geo import settings
from geo.render import basemap, mapping
from geo.render.mapping import drawable
from tests.e2e.browser import explorer, offline_page, opening_view, wait_for_markers

# One worker runs this module (pytest-xdist's --dist loadgroup), so each screen's shared page opens once.
pytestmark = pytest.mark.xdist_group("map")
SCREENS = {"desktop": (1400, 900), "phone": (390, 844)}
MAX_OVERLAP_PX = 3

SYMBOLS = """sel => [...document.querySelectorAll(sel)].map(e => {
    const r = e.getBoundingClientRect();
    const top = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
    return {id: e.dataset.xjId, x: r.x, y: r.y, w: r.width, h: r.height, clickable: top === e || e.contains(top)};
})"""
LABELS = """() => [...document.querySelectorAll('.xj-label:not(.xj-hidden)')].map(e => {
    const r = e.getBoundingClientRect();
    return {key: e.dataset.key, text: e.textContent, cls: e.className, x: r.x, y: r.y, w: r.width, h: r.height};
})"""


def overlap(a: dict, b: dict) -> float:
    """How far two on-screen boxes overlap, in px (the smaller of the two overlaps)."""
    wide = min(a["x"] + a["w"], b["x"] + b["w"]) - max(a["x"], b["x"])
    tall = min(a["y"] + a["h"], b["y"] + b["h"]) - max(a["y"], b["y"])
    return min(wide, tall) if wide > 0 and tall > 0 else 0.0


@pytest.fixture(scope="module", params=list(SCREENS))
def screen(request, app_url, dataset, tmp_path_factory):
    """The app at the opening view on one screen size, the map scrolled fully into view: one page per
    screen, shared by the tests below, which look at it or put back what they change."""
    width, height = SCREENS[request.param]
    with opening_view(app_url, len(drawable(dataset.ports)), width, height) as (page, blocked):
        page.screenshot(path=str(tmp_path_factory.mktemp("map") / f"map-{request.param}.png"))
        yield request.param, page, blocked, explorer(page, "[x.map.getCenter(), x.map.getZoom()]")


@pytest.fixture
def opened(screen):
    """The shared page of one screen size; after the test, the opening view again and nothing fetched from outside."""
    name, page, blocked, (center, zoom) = screen
    yield name, page
    page.evaluate(
        "([c, z]) => { const x = document.querySelector('.folium-map').xjExplorer;"
        " x.map.closePopup(); x.map.setView(c, z, {animate: false}); }",
        [center, zoom],
    )
    assert blocked == []


def test_xinjiang_is_outlined_and_named(opened):
    _screen, page = opened
    label = page.locator(".xj-label-xinjiang:not(.xj-hidden)")
    assert label.count() == 1 and label.inner_text().startswith("Xinjiang")
    outline = page.locator(f'.leaflet-xjAdmin-pane path[stroke="{settings.BASE_STYLES["xinjiang"]["color"]}"]')
    assert outline.count() >= 1
    box = outline.first.bounding_box()
    stage = page.locator(".xj-stage").bounding_box()
    assert box["width"] > stage["width"] / 3  # the region fills the view, it is not a speck


def test_every_port_and_zone_has_a_visible_clickable_symbol_of_its_own(opened, dataset):
    _screen, page = opened
    stage = page.locator(".xj-stage").bounding_box()
    ports = page.evaluate(SYMBOLS, "path.xj-port")
    zones = page.evaluate(SYMBOLS, ".xj-zone-symbol")
    assert sorted(p["id"] for p in ports) == sorted(drawable(dataset.ports).index)
    assert sorted(z["id"] for z in zones) == sorted(dataset.zones.index)  # every zone a symbol at the opening view
    for symbol in ports + zones:
        inside = stage["x"] <= symbol["x"] and symbol["x"] + symbol["w"] <= stage["x"] + stage["width"]
        assert inside and stage["y"] <= symbol["y"] <= stage["y"] + stage["height"], symbol
        assert symbol["clickable"], f"{symbol['id']} is covered by another element"
    for a, b in itertools.combinations(ports + zones, 2):
        assert overlap(a, b) <= MAX_OVERLAP_PX, (a["id"], b["id"], overlap(a, b))


def test_names_do_not_collide_and_neighbours_are_named(opened):
    screen, page = opened
    labels = page.evaluate(LABELS)
    for a, b in itertools.combinations(labels, 2):
        assert overlap(a, b) <= 1, (a["text"], b["text"])
    named = {label["text"] for label in labels if "xj-label-country" in label["cls"]}
    neighbours = set(settings.NEIGHBOUR_COUNTRIES.values())
    assert len(named & neighbours) >= (5 if screen == "desktop" else 3), named
    ports = [label for label in labels if "xj-label-port" in label["cls"]]
    assert len(ports) >= (10 if screen == "desktop" else 5)


CONTROLS = """() => [...document.querySelectorAll('.folium-map .leaflet-control')].map(e => {
    const r = e.getBoundingClientRect();
    return {x: r.x, y: r.y, w: r.width, h: r.height, cls: e.className};
}).filter(b => b.w > 0)"""


# Folds or unfolds the legend, applies a filter and reads the names and controls in one task, before the legend's
# "toggle" event (which the browser delivers in a task of its own) has run: the order a quick viewer, or a busy page,
# can produce.
FOLD_AND_FILTER = f"""f => {{
    const legend = document.querySelector('details.xj-legend');
    legend.open = !legend.open;
    document.querySelector('.folium-map').xjExplorer.setFilters(f, '');
    return [({LABELS})(), ({CONTROLS})()];
}}"""


def test_names_stay_clear_of_the_controls_through_filters_and_the_legend_folding(opened):
    """A filter places the names against the controls' last measure (static/xj/xjmap.js _controlBoxes): folding
    the legend in between, even just before the filter, or a filter that changes what the controls show, must not
    leave a name under one."""
    _screen, page = opened
    legend = page.locator("details.xj-legend > summary")
    try:
        for step in ({"modes": ["air"]}, {}, {"modes": ["rail"]}, {}):
            legend.click()
            page.evaluate("f => document.querySelector('.folium-map').xjExplorer.setFilters(f, '')", step)
            labels, boxes = page.evaluate(LABELS), page.evaluate(CONTROLS)
            assert labels
            for label in labels:
                for box in boxes:
                    assert overlap(label, box) <= 1, (label["text"], box["cls"], step)
        for step in ({"modes": ["air"]}, {}, {"modes": ["rail"]}, {}):
            labels, boxes = page.evaluate(FOLD_AND_FILTER, step)
            assert labels
            for label in labels:
                for box in boxes:
                    assert overlap(label, box) <= 1, (label["text"], box["cls"], step)
    finally:
        page.evaluate("() => document.querySelector('.folium-map').xjExplorer.setFilters({}, '')")


def test_every_control_of_the_bar_is_whole_on_the_screen(opened):
    # On a phone the year row was wider than the bar: "2026 (today)" was cut off at the screen's edge.
    _screen, page = opened
    cut = page.evaluate(
        """() => { const bar = document.querySelector('.xj-bar').getBoundingClientRect();
            return [...document.querySelectorAll('.xj-bar button, .xj-bar summary, .xj-bar input, .xj-bar output,'
                                                 + ' .xj-bar label, .xj-bar a')]
              .filter(e => e.getClientRects().length)
              .map(e => [e.className || e.tagName, e.getBoundingClientRect()])
              .filter(([, r]) => r.left < bar.left - 0.5 || r.right > Math.min(bar.right, innerWidth) + 0.5)
              .map(([name, r]) => `${name}: ${Math.round(r.left)}-${Math.round(r.right)}`); }"""
    )
    assert cut == []


def test_the_legend_folds_and_is_folded_on_a_phone(opened):
    screen, page = opened
    legend = page.locator("details.xj-legend")
    assert legend.evaluate("d => d.open") is (screen == "desktop")
    legend.locator("summary").click()
    assert legend.evaluate("d => d.open") is (screen != "desktop")
    legend.locator("summary").click()  # and back, as the next test expects it
    assert legend.evaluate("d => d.open") is (screen == "desktop")


def test_a_port_without_room_for_its_name_is_named_when_zoomed_in(opened, dataset):
    _screen, page = opened
    shown = {label["key"] for label in page.evaluate(LABELS)}
    hidden = [p for p in drawable(dataset.ports).index if f"item:{p}" not in shown]
    for port in hidden:
        point = dataset.ports.loc[port].geometry
        # In braces: setView returns the map, which Playwright would copy out of the page, for seconds.
        page.evaluate(
            "([lat, lon]) => { document.querySelector('.folium-map').xjExplorer.map.setView([lat, lon], 10, {animate: false}); }",
            [point.y, point.x],
        )
        # Labels are placed on moveend; wait for this one (a timeout here means it is never named).
        page.wait_for_function(
            "key => [...document.querySelectorAll('.xj-label:not(.xj-hidden)')].some(e => e.dataset.key === key)",
            arg=f"item:{port}",
            timeout=10_000,
        )
        assert f"item:{port}" in {label["key"] for label in page.evaluate(LABELS)}, port


def test_a_zone_shows_its_footprint_when_zoomed_in(opened, dataset):
    _screen, page = opened
    zone = dataset.zones.index[0]
    assert page.locator(f'path.xj-zone[data-xj-id="{zone}"]').count() == 0
    explorer(page, f"(x.select({zone!r}, {{reveal: true}}), true)")
    footprint = page.locator(f'path.xj-zone[data-xj-id="{zone}"]')
    footprint.wait_for(timeout=10_000)
    assert footprint.bounding_box()["width"] >= settings.ZONE_SYMBOL_BELOW_PX
    assert page.locator(f'.xj-zone-symbol[data-xj-id="{zone}"]').count() == 0


def test_the_relief_gives_way_where_it_would_blur_and_the_borders_and_towns_stay(opened):
    # The relief image's own resolution, from the base map's manifest, decides the zooms (core.js reliefState).
    relief = basemap.manifest()["relief"]
    (_south, west), (_north, east) = relief["bounds"]
    per_degree = relief["width"] / (east - west)
    _screen, page = opened
    for zoom in (5, 7, 9):
        explorer(page, f"(x.map.setZoom({zoom}, {{animate: false}}), true)")
        scale = 256 * 2**zoom / 360 / per_degree
        state = "sharp" if scale <= 2 else "soft" if scale <= 4 else "off"
        page.wait_for_function(
            "s => document.querySelector('.folium-map').dataset.xjRelief === s", arg=state, timeout=10_000
        )
        page.wait_for_function(  # the fade has run its course
            "o => Math.abs(getComputedStyle(document.querySelector('img.xj-relief')).opacity - o) < 0.01",
            arg={"sharp": 1, "soft": 0.45, "off": 0}[state],
            timeout=10_000,
        )
        # The vector base is drawn at every zoom: borders and boundaries, and the towns' names in view.
        assert page.locator(".leaflet-xjAdmin-pane path").count() > 0, zoom
    assert state == "off"  # at zoom 9 the 30-pixel-a-degree relief is gone, not a blur


def test_the_map_keeps_its_height_while_it_loads(app_url, dataset):
    with offline_page() as (page, _blocked):
        # Hold Leaflet back, as a slow connection would, until the page around the loading map is measured.
        held = []
        page.route("**/vendor/leaflet/leaflet.js", lambda route: held.append(route))
        with page.expect_request("**/vendor/leaflet/leaflet.js"):
            page.goto(app_url)
        loading = page.locator(".xj-loading")
        loading.wait_for(state="visible", timeout=30_000)
        assert loading.inner_text() == "Loading the map…"
        component = page.get_by_test_id("stBidiComponentRegular").filter(has=page.locator(".xj-root"))
        # The rest of the page waits for the map (so the map's code does not wait behind it), and says so.
        waiting = page.get_by_text("The tables, details and charts follow as soon as the map is drawn.")
        waiting.wait_for()

        def below(element) -> float:
            # Measured from the map's top: Streamlit's own page chrome above the map may still settle
            # (its lazily loaded elements start as skeletons); what the map owns is its height and what is below.
            return element.bounding_box()["y"] - component.bounding_box()["y"]

        height, gap = component.bounding_box()["height"], below(waiting)
        assert loading.is_visible()  # still held: the map has not drawn yet
        assert page.get_by_role("heading", name="Places shown").count() == 0
        held[0].continue_()
        wait_for_markers(page, len(drawable(dataset.ports)))
        assert loading.is_hidden()
        heading = page.get_by_role("heading", name="Places shown")
        heading.wait_for(timeout=30_000)
        # The map kept its height, and what follows it starts where the notice stood.
        assert component.bounding_box()["height"] == height
        assert below(heading) >= gap


@pytest.fixture(scope="module")
def exported(dataset, tmp_path_factory):
    """The standalone export, served from a local folder (it fetches nothing)."""
    folder = tmp_path_factory.mktemp("export")
    mapping.export_html(dataset, folder / "map.html")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/map.html"
    server.shutdown()
    server.server_close()


def test_the_export_has_the_same_base_names_and_symbols(exported, dataset, tmp_path):
    with offline_page() as (page, blocked):
        page.goto(exported)
        page.locator(".xj-label-xinjiang:not(.xj-hidden)").wait_for(timeout=30_000)
        assert page.title() == settings.TITLE
        assert page.get_by_role("heading", level=1).inner_text() == page.title()
        ports = page.evaluate(SYMBOLS, "path.xj-port")
        assert sorted(p["id"] for p in ports) == sorted(drawable(dataset.ports).index)
        assert page.locator(".xj-zone-symbol").count() == len(dataset.zones)
        assert page.locator(".leaflet-control-layers-expanded").count() == 0  # the layer list is folded
        page.screenshot(path=str(tmp_path / "export.png"))
        assert blocked == []
