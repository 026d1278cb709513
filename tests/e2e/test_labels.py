"""What a viewer reads off the map (issue 18): halos for uncertain ports, the regional capital and Kashgar named,
every symbol named or with a tooltip, spread symbols on their own side of a border, the bar's counts as the
sidebar's."""

from __future__ import annotations

import json
import math
import re

import pytest
from shapely.geometry import Point

from geo.explore import controls
from geo.explore.filter import filter_layer
from geo.render import basemap
from geo.render.mapping import HALO_MIN_KM, drawable
from tests.e2e.browser import choose, explorer, offline_page, opening_view, wait_for_markers
from tests.e2e.sides import SYMBOLS, countries, crossed

# One worker runs this module, so each screen's page opens once.
pytestmark = pytest.mark.xdist_group("labels")
SCREENS = {"desktop": (1400, 1000), "phone": (390, 844)}
EARTH_KM = 6371.0088

LABELS = """() => Object.fromEntries([...document.querySelectorAll('.xj-label:not(.xj-hidden)')].map(e => {
    const r = e.getBoundingClientRect();
    return [e.dataset.key, {text: e.textContent, x: r.x, y: r.y, w: r.width, h: r.height,
                            visible: getComputedStyle(e).visibility === 'visible'}];
}))"""


@pytest.fixture(scope="module", params=list(SCREENS))
def screen(request, app_url, dataset):
    """The app at the opening view on one screen size, the map in view; the tests below put back what they move."""
    width, height = SCREENS[request.param]
    with opening_view(app_url, len(drawable(dataset.ports)), width, height) as (page, blocked):
        opening = explorer(page, "[x.map.getCenter(), x.map.getZoom()]")
        yield request.param, page, opening
        assert blocked == []


@pytest.fixture
def opened(screen):
    name, page, (center, zoom) = screen
    yield name, page
    page.mouse.move(0, 0)
    explorer(page, f"(x.map.closePopup(), x.map.setView({json.dumps(center)}, {zoom}, {{animate: false}}), true)")


def set_view(page, lat: float, lon: float, zoom: int) -> None:
    """Move the map and wait until the explorer has laid it out again."""
    before = explorer(page, "x.container.dataset.xjLayout")
    explorer(page, f"(x.map.setView([{lat}, {lon}], {zoom}, {{animate: false}}), true)")
    page.wait_for_function(
        "n => document.querySelector('.folium-map').dataset.xjLayout !== n", arg=before, timeout=10_000
    )


# ---------------------------------------------------------------- halos


def test_an_uncertain_port_is_drawn_with_a_halo_of_its_radius(opened, dataset):
    _screen, page = opened
    ports = drawable(dataset.ports)
    uncertain = ports[ports["uncertainty_km"].fillna(0) >= HALO_MIN_KM]
    assert len(uncertain) >= 1, "no port in the data is uncertain enough for a halo"
    for pid, port in uncertain.iterrows():
        halo = page.locator(f"path.xj-halo.xj-for-{pid}")
        assert halo.count() == 1, pid
        assert halo.evaluate(
            "e => getComputedStyle(e).visibility !== 'hidden' && getComputedStyle(e).display !== 'none'"
        )
        # Its width on screen is the uncertainty's diameter at this zoom (the map measures px per km).
        lat, lon, km = port.geometry.y, port.geometry.x, float(port["uncertainty_km"])
        east = lon + math.degrees(km / (EARTH_KM * math.cos(math.radians(lat))))
        px = explorer(
            page, f"x.map.latLngToContainerPoint([{lat}, {east}]).x - x.map.latLngToContainerPoint([{lat}, {lon}]).x"
        )
        width = halo.bounding_box()["width"]
        assert abs(width - 2 * px) <= max(3, 0.15 * 2 * px), (pid, width, 2 * px)
    # Certain ports get none.
    certain = ports[ports["uncertainty_km"].fillna(0) < HALO_MIN_KM]
    assert all(page.locator(f"path.xj-halo.xj-for-{pid}").count() == 0 for pid in certain.index)


# ---------------------------------------------------------------- names


def key_towns() -> dict[str, dict]:
    """The regional capital and Kashgar as the base map's towns (GeoNames) hold them: name → feature."""
    places = json.loads(basemap.path("places").read_text(encoding="utf-8"))["features"]
    wanted = {"Ürümqi", "Kashgar"}
    return {f["properties"]["name"]: f for f in places if f["properties"]["name"] in wanted}


def test_the_regional_capital_and_kashgar_are_named_at_the_opening_view(opened):
    _screen, page = opened
    towns = key_towns()
    assert set(towns) == {"Ürümqi", "Kashgar"}
    labels = page.evaluate(LABELS)
    stage = page.locator(".folium-map").bounding_box()
    for name, town in towns.items():
        label = labels.get(f"place:{town['properties']['geonameid']}")
        assert label and label["visible"] and label["text"] == name, f"{name} is not named"
        inside = stage["x"] <= label["x"] and label["x"] + label["w"] <= stage["x"] + stage["width"]
        assert inside and stage["y"] <= label["y"] <= stage["y"] + stage["height"], name
        # Beside its own dot, not somewhere else on the map.
        lon, lat = town["geometry"]["coordinates"]
        dot = explorer(page, f"x.map.latLngToContainerPoint([{lat}, {lon}])")
        dx = max(label["x"] - stage["x"] - dot["x"], 0, dot["x"] - (label["x"] - stage["x"] + label["w"]))
        dy = max(label["y"] - stage["y"] - dot["y"], 0, dot["y"] - (label["y"] - stage["y"] + label["h"]))
        assert math.hypot(dx, dy) <= 70, (name, dx, dy)


def test_every_symbol_is_named_on_the_map_or_by_its_tooltip(opened, dataset):
    _screen, page = opened
    labels = page.evaluate(LABELS)
    names = {**dataset.ports["name"].to_dict(), **dataset.zones["name"].to_dict()}
    for symbol in page.evaluate(SYMBOLS):
        if f"item:{symbol['id']}" in labels:
            continue
        page.mouse.move(symbol["x"], symbol["y"])
        tip = page.locator(".leaflet-tooltip").filter(has_text=names[symbol["id"]])
        tip.first.wait_for(state="visible", timeout=5_000)
        page.mouse.move(0, 0)


# ---------------------------------------------------------------- borders


def test_yining_airport_is_drawn_on_the_chinese_side_of_the_border(opened):
    _screen, page = opened
    china = dict(countries())["CHN"]
    symbol = next(s for s in page.evaluate(SYMBOLS) if s["id"] == "yining-airport")
    assert china.contains(Point(symbol["drawn"][1], symbol["drawn"][0])), symbol


@pytest.mark.parametrize("zoom_in", [0, 1, 2])
def test_a_spread_symbol_stays_on_its_own_side_of_every_border(opened, zoom_in):
    _screen, page = opened
    if zoom_in:
        # Round the Horgos crossing, where the spread cluster meets the Kazakh border.
        zoom = explorer(page, "x.map.getZoom()") + zoom_in
        set_view(page, 44.2, 80.6, zoom)
    assert crossed(page) == []


# The leader lines and the dots at true places, as screen segments [[x, y], [x, y]] (a dot: both ends one point).
LEADERS = """() => Object.fromEntries(['xj-leader', 'xj-leader-dot', 'xj-name-leader'].map(cls => [cls,
    [...document.querySelectorAll('path.' + cls)].flatMap(path => {
        const ctm = path.getScreenCTM(), svg = path.ownerSVGElement;
        return (path.getAttribute('d') || '').split('M').slice(1).map(part => {
            const n = part.replace(/[Lz]/g, ' ').trim().split(/\\s+/).map(Number), ends = [];
            for (let i = 0; i + 1 < n.length; i += 2) {
                const q = svg.createSVGPoint(); q.x = n[i]; q.y = n[i + 1];
                const s = q.matrixTransform(ctm); ends.push([s.x, s.y]);
            }
            return ends;
        }).filter(ends => ends.length === 2);
    })]))"""


def _leaders_match(page) -> int:
    """Every symbol drawn away from its true place has a line from there to it and a dot there, and no other
    line or dot is drawn; returns how many symbols in view are drawn away."""
    symbols = page.evaluate(SYMBOLS)
    at = explorer(
        page,
        "(() => { const m = x.map, b = m.getContainer().getBoundingClientRect();"
        f" return {json.dumps([s['true'] for s in symbols])}.map(t => {{"
        " const p = m.latLngToContainerPoint(t); return [p.x + b.x, p.y + b.y]; }); })()",
    )
    leaders = page.evaluate(LEADERS)
    lines, dots = leaders["xj-leader"], leaders["xj-leader-dot"]
    near = lambda a, b: math.dist(a, b) < 2  # noqa: E731
    moved = [(true, [s["x"], s["y"]], s) for s, true in zip(symbols, at, strict=True) if s["spread"]]
    for true, centre, symbol in moved:
        if symbol["inside"]:
            assert any(near(a, true) and near(b, centre) for a, b in lines), (symbol["id"], "no line")
            assert any(near(a, true) and near(b, true) for a, b in dots), (symbol["id"], "no dot")
    box = explorer(page, "(r => [r.left, r.top, r.right, r.bottom])(x.map.getContainer().getBoundingClientRect())")
    seen = lambda p: box[0] <= p[0] <= box[2] and box[1] <= p[1] <= box[3]  # noqa: E731
    for a, b in (line for line in lines if seen(line[0]) and seen(line[1])):  # off the map, Leaflet clips them
        assert any(near(a, true) and near(b, centre) for true, centre, _ in moved), ("a line left over", a, b)
    for a, _b in (dot for dot in dots if seen(dot[0])):
        assert any(near(a, true) for true, _, _ in moved), ("a dot left over", a)
    moved = sum(symbol["inside"] for _, _, symbol in moved)
    return moved


def test_each_spread_symbol_has_a_line_and_a_dot_at_its_true_place_and_no_other_is_left(opened):
    _screen, page = opened
    assert _leaders_match(page) >= 2, "the opening view spreads the ports of a crossing"
    try:
        # Only the airports: the crossings' clusters break up, and their leaders go with them.
        explorer(page, "(x.setFilters({modes: ['air']}, ''), true)")
        _leaders_match(page)
    finally:
        explorer(page, "(x.setFilters({}, ''), true)")
    assert _leaders_match(page) >= 2


def test_a_filter_that_shows_and_hides_nothing_keeps_the_layout(opened, dataset):
    _screen, page = opened
    layouts = "Number(x.container.dataset.xjLayout)"
    shown = explorer(page, "x.setFilters({}, '').ports")
    assert shown == len(drawable(dataset.ports))
    before = explorer(page, layouts)
    # The filters the map already has, given again (as a link's are when the page opens): nothing to lay out.
    assert explorer(page, f"(x.setFilters({{}}, ''), x.setFilters({{}}, ''), {layouts})") == before
    try:
        assert explorer(page, f"(x.setFilters({{modes: ['air']}}, ''), {layouts})") == before + 1
    finally:
        explorer(page, "(x.setFilters({}, ''), true)")
    assert explorer(page, layouts) == before + 2
    assert _leaders_match(page) >= 2


@pytest.mark.parametrize("modes", [["air"], ["rail"]])
def test_every_port_a_filter_leaves_in_view_is_named_on_the_map(opened, dataset, modes):
    # A viewer's pass: with Air chosen only Yining airport was named (the Urumqi and Kashgar airports sat unnamed
    # beside the zone squares); on a phone with Rail none of the three rail ports was, though towns were.
    _screen, page = opened
    kept = set(drawable(filter_layer(dataset.ports, "ports", {"modes": modes})).index)
    try:
        explorer(page, f"(x.setFilters({{modes: {json.dumps(modes)}}}, ''), true)")
        labels = page.evaluate(LABELS)
        in_view = {s["id"] for s in page.evaluate(SYMBOLS) if s["id"] in kept and s["inside"]}
        assert in_view, "the filter leaves no port in view: choose another"
        unnamed = sorted(p for p in in_view if not labels.get(f"item:{p}", {}).get("visible"))
        assert unnamed == [], unnamed
    finally:
        explorer(page, "(x.setFilters({}, ''), true)")


# ---------------------------------------------------------------- counts


COMBINATIONS = {
    "air": {"modes": ["air"]},
    "approved": {"statuses": ["approved"]},
    "kazakhstan-road": {"countries": ["KAZ"], "modes": ["road"]},
}
BAR = re.compile(r"(\d+) of (\d+) ports? · (\d+) of \d+ corridors? · (\d+) of \d+ zones?")
SIDEBAR = re.compile(r"(\d+) of (\d+) ports · (\d+) of (\d+) corridors · (\d+) of (\d+) zones")


@pytest.mark.parametrize("combination", list(COMBINATIONS))
def test_the_filter_bar_and_the_sidebar_count_the_same(app_url, dataset, combination):
    chosen = COMBINATIONS[combination]
    expected = {
        layer: len(filter_layer(dataset.layer(layer), layer, chosen)) for layer in ("ports", "corridors", "zones")
    }
    assert 0 < expected["ports"] < len(dataset.ports), "the combination filters nothing"
    with offline_page(1400, 1000) as (page, blocked):
        page.goto(app_url)
        wait_for_markers(page, len(drawable(dataset.ports)))
        for name, values in chosen.items():
            control = controls.BY_NAME[name]
            for value in values:
                choose(page, control.label, control.label_of(value))
        sidebar = page.locator('[data-testid="stSidebar"]')
        sidebar.get_by_text(re.compile(rf"^{expected['ports']} of {len(dataset.ports)} ports")).wait_for(timeout=60_000)
        bar = BAR.search(page.locator(".xj-status").inner_text())
        side = SIDEBAR.search(sidebar.inner_text())
        assert bar and side
        shown_bar = {"ports": int(bar[1]), "corridors": int(bar[3]), "zones": int(bar[4])}
        shown_side = {"ports": int(side[1]), "corridors": int(side[3]), "zones": int(side[5])}
        assert shown_bar == shown_side == expected
        assert int(bar[2]) == int(side[2]) == len(dataset.ports)
        assert blocked == []


# The towns always named: each name's box and its dot, on the screen.
# The names that may lie away from their dot, with a line to it: the key towns, and ports with no room beside them.
KEY_NAMES = """() => { const x = document.querySelector('.folium-map').xjExplorer, m = x.map;
    const o = m.getContainer().getBoundingClientRect();
    return x._candidates().filter(c => c.far).map(c => {
        const node = x.labels[c.key], r = node.getBoundingClientRect(), p = m.latLngToContainerPoint(c.latlng);
        return {text: c.text, shown: !node.classList.contains('xj-hidden'), box: [r.x, r.y, r.width, r.height],
                dot: [p.x + o.x, p.y + o.y], radius: c.radius || 0, port: c.key.startsWith('item:')};
    }); }"""


def _gap(box: list[float], point: list[float]) -> float:
    x, y, w, h = box
    return math.hypot(max(x - point[0], 0, point[0] - x - w), max(y - point[1], 0, point[1] - y - h))


def _away(name: dict) -> bool:
    """A town's name more than 20 px from its dot, a port's anywhere but beside it (its first ring of spots)."""
    return _gap(name["box"], name["dot"]) > (name["radius"] + 6 if name["port"] else 20)


def test_a_name_placed_away_from_its_dot_has_a_line_to_it(app_url, dataset):
    # On a phone, opening the legend pushed "Kashgar" 50 px up from its dot, beside a port it then seemed to name;
    # a port with no room beside it is named further off the same way.
    with opening_view(app_url, len(drawable(dataset.ports)), *SCREENS["phone"]) as (page, _blocked):
        before = {n["text"]: n["box"] for n in page.evaluate(KEY_NAMES)}
        page.locator(".xj-legend summary").click()
        page.wait_for_function(
            f"before => ({KEY_NAMES})().some(n => n.shown && JSON.stringify(n.box) !== JSON.stringify(before[n.text]))",
            arg=before,
        )
        names = [n for n in page.evaluate(KEY_NAMES) if n["shown"]]
        leaders = page.evaluate(LEADERS)["xj-name-leader"]
        away = [n for n in names if _away(n)]
        assert away, names  # the case tests something: a name the open legend pushed away
        for name in away:
            assert any(
                math.dist(start, name["dot"]) < name["radius"] + 4 and _gap(name["box"], end) < 2
                for start, end in leaders
            ), (
                name,
                leaders,
            )
        # And a name beside its dot has none.
        assert len(leaders) == len(away), (names, leaders)


# Each symbol's name on the map, its box and the boxes of every symbol drawn, on the screen.
NAMED = """() => {
    const box = e => { const r = e.getBoundingClientRect(); return [r.x, r.y, r.width, r.height]; };
    const marks = [...document.querySelectorAll('path.xj-port, .xj-zone-symbol, path.xj-upload')]
        .map(e => [e.dataset.xjId, box(e)]);
    const names = [...document.querySelectorAll('.xj-label-port:not(.xj-hidden), .xj-label-zone:not(.xj-hidden)')]
        .filter(e => e.dataset.key.startsWith('item:')).map(e => [e.dataset.key.slice(5), e.textContent, box(e)]);
    return {marks, names};
}"""


def _apart(a: list[float], b: list[float]) -> float:
    """How far two boxes [x, y, w, h] are apart along the axis on which they are furthest apart (0: they meet)."""
    return max(b[0] - a[0] - a[2], a[0] - b[0] - b[2], b[1] - a[1] - a[3], a[1] - b[1] - b[3], 0)


def _joined(box: list[float], mark: list[float], leaders: list) -> bool:
    """Whether a line runs from just outside the symbol ``mark`` to the name's ``box``."""
    centre = [mark[0] + mark[2] / 2, mark[1] + mark[3] / 2]
    return any(math.dist(start, centre) <= mark[2] / 2 + 4 and _gap(box, end) < 2 for start, end in leaders)


def test_a_symbols_name_lies_nearer_it_than_any_other_symbol(opened):
    # On a phone "Bedel" sat against the Kashgar FTZ square, 20 px from its own ring: it read as the square's name.
    # A name further off has a line to its own symbol, which says whose it is.
    _screen, page = opened
    seen = page.evaluate(NAMED)
    marks = dict(seen["marks"])
    leaders = page.evaluate(LEADERS)["xj-name-leader"]
    assert len(seen["names"]) >= 5
    for fid, text, box in seen["names"]:
        if _joined(box, marks[fid], leaders):
            continue
        own = _apart(box, marks[fid])
        nearer = [other for other, mark in seen["marks"] if other != fid and _apart(box, mark) + 0.5 < own]
        assert nearer == [], (text, own, nearer)
