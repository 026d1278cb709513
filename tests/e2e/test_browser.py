"""The explorer in a real headless Chromium with the network closed: filter, select, search, links (issue 10)."""

from __future__ import annotations

import csv
import io
import json
import re
import time
import urllib.parse
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from geo import settings
from geo.data import join, periods
from geo.explore import controls
from geo.explore.filter import filter_layer, port_mode_group
from geo.render import charts, present
from geo.render.mapping import drawable
from tests.e2e.browser import (
    PROJECT_DIR,
    choose,
    choose_and_wait,
    explorer,
    idle,
    offline_page,
    open_filter,
    running_app,
    search,
    shown,
    wait_for_map,
    wait_for_markers,
    wait_until_still,
)

LAYERS = ("ports", "corridors", "zones")
# The tests on the shared page run on one worker (pytest-xdist's --dist loadgroup), so the page opens once.
on_the_home_page = pytest.mark.xdist_group("home_page")


def expected(dataset, view: dict, text: str = "") -> dict[str, list[str]]:
    """What Python's filters show for a view: the map must show the same places."""
    frames = {name: dataset.layer(name) for name in LAYERS}
    keys = controls.search_keys(frames, getattr(dataset, "groups", None))
    return {name: sorted(drawable(filter_layer(frames[name], name, view, text, keys[name])).index) for name in LAYERS}


def drawn_ids(page) -> dict[str, list[str]]:
    """The places the explorer shows now, per layer."""
    ids = page.evaluate(
        """() => { const x = document.querySelector('.folium-map').xjExplorer;
                   return {ports: x.shownIds('ports'), corridors: x.shownIds('corridors'), zones: x.shownIds('zones')}; }"""
    )
    return {name: sorted(ids[name]) for name in LAYERS}


def details_heading(page, name: str):
    """The details panel's heading (not the map popup's)."""
    return page.locator("h3.xj-title").filter(has_text=re.compile(f"^{re.escape(name)}$"))


@pytest.fixture(scope="module")
def home_page(app_url):
    """One page at the opening view, shared by the tests that only search and filter (each puts them back)."""
    with offline_page() as (page, blocked):
        page.goto(app_url)
        wait_for_map(page)
        yield page, blocked


@pytest.fixture
def home(home_page, dataset):
    """The shared page; after the test, no filter and no search again, every place shown, nothing fetched."""
    page, blocked = home_page
    yield page
    search(page, "")
    page.evaluate("() => { document.querySelector('.folium-map').xjExplorer.setFilters({}, ''); }")
    page.wait_for_function(
        "n => JSON.parse(document.querySelector('.folium-map').dataset.xjShown).ports === n",
        arg=len(drawable(dataset.ports)),
    )
    assert blocked == []


def test_explore_offline(app_url, dataset, tmp_path):
    with offline_page() as (page, blocked):
        sizes: list[int] = []
        page.on("websocket", lambda ws: ws.on("framereceived", lambda frame: sizes.append(len(frame))))
        page.goto(app_url)
        assert wait_for_markers(page) == len(drawable(dataset.ports))
        assert shown(page) == {
            "ports": len(drawable(dataset.ports)),
            "corridors": len(dataset.corridors),
            "zones": len(dataset.zones),
            "upload": 0,
        }
        payload = max(sizes)
        # In braces: an assignment's value, the explorer, would be copied out of the page, for seconds.
        page.evaluate("() => { window.xjBefore = document.querySelector('.folium-map').xjExplorer; }")
        sizes.clear()

        choose(page, "Port mode", "Rail")
        rail = expected(dataset, {"modes": ("rail",)})
        assert wait_for_markers(page, len(rail["ports"])) == len(rail["ports"])
        assert drawn_ids(page) == rail
        page.get_by_role("tab", name=f"Ports ({len(rail['ports'])})").wait_for()
        # The browser drew all that at once; Python hears of it after the map's debounce (about a second) and
        # answers: wait for its messages, and for its run to end.
        deadline = time.monotonic() + 30
        while not sizes and time.monotonic() < deadline:
            page.wait_for_timeout(100)
        idle(page)
        # The same Leaflet map, mounted once; the rerun sent small messages, not the map again.
        assert page.evaluate("window.xjBefore === document.querySelector('.folium-map').xjExplorer")
        assert page.locator(".xj-root").get_attribute("data-xj-mounts") == "1"
        assert sizes and max(sizes) < payload / 4, (max(sizes), payload)
        page.wait_for_function("() => location.search.includes('mode=rail')")  # the link is written last

        port = rail["ports"][0]
        page.locator(f'path.xj-port[data-xj-id="{port}"]').click()
        popup = page.locator(".leaflet-popup-content")
        popup.wait_for(timeout=10_000)
        name = dataset.ports.loc[port, "name"]
        assert name in popup.inner_text()
        details_heading(page, name).wait_for(timeout=15_000)  # the click opens the details panel too
        page.wait_for_function("id => location.search.includes('selected=' + id)", arg=port)
        page.screenshot(path=str(tmp_path / "explorer.png"))
        # Leaflet and everything else came from the app; nothing left the machine.
        assert blocked == []


def test_the_details_say_where_a_place_is_drawn_and_link_its_references(app_url, dataset):
    # The popup warned that a port is drawn only approximately; the details panel did not, and its references'
    # addresses were plain text.
    ports = dataset.ports[dataset.ports["location_accuracy"] == "approximate"]
    port = ports.index[0]
    place = ports.loc[port]
    addresses = [present.split_reference(r)[1] for r in place["sources"]]
    with offline_page() as (page, _blocked):
        page.goto(f"{app_url}/?selected={port}")
        wait_for_map(page)
        details_heading(page, place["name"]).wait_for(timeout=15_000)
        note = page.locator(".xj-warning").filter(has_text="Approximate location:")
        assert note.inner_text() == present.location_note("ports", place)
        page.get_by_text("References for the location").click()
        links = page.locator('[data-testid="stExpander"] .xj-caption a[target="_blank"]')
        links.first.wait_for()
        assert [links.nth(i).get_attribute("href") for i in range(links.count())] == [a for a in addresses if a]


def test_a_click_on_a_scrolled_phone_page_selects_on_the_first_try(app_url, dataset):
    with offline_page(390, 844) as (page, _blocked):
        page.goto(app_url)
        wait_for_markers(page)
        # Scroll so the map's top is off the screen and the page would have to move to show all of it.
        page.evaluate(
            """() => { const stage = document.querySelector('.xj-stage');
                       const main = document.querySelector('[data-testid="stMain"]') || document.scrollingElement;
                       main.scrollBy(0, stage.getBoundingClientRect().top + 150); }"""
        )
        wait_until_still(page, ".xj-stage")
        port = page.evaluate(
            """() => [...document.querySelectorAll('path.xj-port')].map(e => [e.dataset.xjId, e.getBoundingClientRect()])
                 .filter(([, r]) => r.top > 60 && r.bottom < innerHeight - 60)[0][0]"""
        )
        box = page.locator(f'path.xj-port[data-xj-id="{port}"]').bounding_box()
        page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)  # no scrolling into view first
        assert page.locator(".folium-map").get_attribute("data-xj-selected") == port
        details_heading(page, dataset.ports.loc[port, "name"]).wait_for(timeout=15_000)


def test_clicking_a_corridor_and_a_zone_selects_them(app_url, dataset):
    with offline_page() as (page, _blocked):
        errors = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(app_url)
        wait_for_map(page)
        corridor = dataset.corridors.index[0]
        # A point of the line where it is on top (corridors share track, and symbols sit on lines).
        point = page.evaluate(
            """id => { const p = document.querySelector(`path.xj-corridor[data-xj-id="${id}"]`);
                       for (const f of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.9, 0.1]) {
                         const m = p.getPointAtLength(p.getTotalLength() * f);
                         const pt = p.ownerSVGElement.createSVGPoint(); pt.x = m.x; pt.y = m.y;
                         const s = pt.matrixTransform(p.getScreenCTM());
                         if (document.elementFromPoint(s.x, s.y) === p) return [s.x, s.y];
                       } }""",
            corridor,
        )
        assert point, f"no point of {corridor} is clickable"
        page.mouse.click(*point)
        details_heading(page, dataset.corridors.loc[corridor, "name"]).wait_for(timeout=15_000)
        page.wait_for_function("id => location.search.includes('selected=' + id)", arg=corridor)

        # A zone whose symbol is on top at its centre (a zone beside an airport sits under the airport's circle).
        zone = page.evaluate(
            """ids => ids.find(id => { const e = document.querySelector(`.xj-zone-symbol[data-xj-id="${id}"]`);
                                      if (!e) return false;
                                      const r = e.getBoundingClientRect();
                                      const top = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
                                      return top === e || e.contains(top); })""",
            list(dataset.zones.index),
        )
        assert zone, "no zone symbol is clickable"
        page.locator(f'.xj-zone-symbol[data-xj-id="{zone}"]').click()
        details_heading(page, dataset.zones.loc[zone, "name"]).wait_for(timeout=15_000)
        assert page.locator(".folium-map").get_attribute("data-xj-selected") == zone
        # its own popup opens, and the zones group's folium popup (a footprint's) did not throw on the symbol
        assert dataset.zones.loc[zone, "name"] in page.locator(".leaflet-popup").inner_text()
        assert errors == []


def test_a_layer_turned_off_stays_off_after_a_filter_change(app_url):
    legend = ".xj-legend [data-xj-layer='{}']"
    with offline_page() as (page, _blocked):
        page.goto(app_url)
        wait_for_map(page)
        assert page.locator(legend.format(settings.CORRIDORS.name)).is_visible()
        page.locator(".leaflet-control-layers").hover()
        # Named without a count (it counted every corridor while the bar beside it counted those drawn).
        page.get_by_role("checkbox", name=settings.CORRIDORS.title, exact=True).uncheck()
        assert page.locator("path.xj-corridor").count() == 0
        # The legend explains only what is drawn: the corridors' section goes with them, the ports' stays.
        assert page.locator(legend.format(settings.CORRIDORS.name)).is_hidden()
        assert page.locator(legend.format(settings.PORTS.name)).is_visible()
        choose(page, "Port mode", "Road")
        page.wait_for_function("() => location.search.includes('mode=road')")
        assert page.locator("path.xj-corridor").count() == 0
        layers = urllib.parse.parse_qs(urllib.parse.urlparse(page.url).query)["layers"][0].split(",")
        assert "corridors" not in layers and "ports" in layers


def test_a_port_inside_a_zone_stays_clickable_once_the_zone_is_drawn_as_its_footprint(app_url, dataset):
    # Zoomed in, a footprint was added over the ports in it: a click on Urumqi's airport opened the free trade zone.
    ports = drawable(dataset.ports)
    areas = [g for g in dataset.zones.geometry if g is not None and g.geom_type in ("Polygon", "MultiPolygon")]
    inside = [pid for pid, point in ports.geometry.items() if any(area.contains(point) for area in areas)]
    assert inside, "the data put no port inside a zone's footprint: this test tests nothing"
    with offline_page() as (page, _blocked):
        page.goto(app_url)
        wait_for_markers(page)
        idle(page)  # the page's first runs done: none of them answers after a click with the view before it
        for pid in inside:
            # a selection is reported to Python at once and reruns the page: let that run end before the next move and
            # click, as a person waits for the details to show (a fresh-clone CI run, loaded, timed out here)
            idle(page)
            point = ports.geometry[pid]
            explorer(page, f"(x.map.closePopup(), x.map.setView([{point.y}, {point.x}], 11, {{animate: false}}), true)")
            page.locator("path.xj-zone").first.wait_for(state="attached")  # footprints, not squares, at this zoom
            port = page.locator(f'path.xj-port[data-xj-id="{pid}"]')
            port.click(timeout=10_000)  # fails if a zone is on top
            selected = "id => document.querySelector('.folium-map').dataset.xjSelected === id"
            try:
                page.wait_for_function(selected, arg=pid, timeout=10_000)
            except PlaywrightTimeout:
                # on a loaded CI machine a click right after the move was now and then not taken (twice in eight
                # runs); a person clicks again. A zone on top would refuse every click, this one too.
                port.click(timeout=10_000)
                page.wait_for_function(selected, arg=pid, timeout=20_000)


def test_a_map_taken_down_right_after_a_move_throws_nothing(app_url):
    # An upload replaces the map; a move just before left the old map's report of its view pending, and it threw
    # on the removed map (seen on a phone adding a large file).
    with offline_page() as (page, _blocked):
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(app_url)
        wait_for_markers(page)
        explorer(page, "(x.map.panBy([40, 0], {animate: false}), x.map.remove(), true)")
        page.wait_for_timeout(1_000)  # past the report's half-second wait
        assert errors == []


def test_the_map_stays_where_it_was_drawn_as_the_rest_of_the_page_arrives(app_url):
    # The hidden mark a download waits for (web/page.py) sits above the map; Streamlit's box around it kept its
    # gap, and the map moved 16 px down when the mark first came. A click in that moment missed its port.
    top = "() => Math.round(document.querySelector('.xj-root').getBoundingClientRect().top + window.scrollY)"
    with offline_page() as (page, _blocked):
        page.goto(app_url)
        wait_for_markers(page)
        drawn = page.evaluate(top)
        page.locator("[data-xj-heard]").wait_for(state="attached")
        page.get_by_role("table").first.wait_for()
        assert page.evaluate(top) == drawn


def test_the_legend_explains_only_the_kinds_of_symbol_drawn(app_url, dataset):
    # With Rail chosen the legend (and the PNG's key, made from it) still explained road, air and planned ports.
    rail = [modes for modes in drawable(dataset.ports)["modes"] if "rail" in modes]
    with offline_page() as (page, _blocked):
        page.goto(app_url)
        wait_for_markers(page)
        choose(page, "Port mode", "Rail")
        page.wait_for_function(
            "n => JSON.parse(document.querySelector('.folium-map').dataset.xjShown).ports === n", arg=len(rail)
        )
        explained = {
            node.get_attribute("data-xj-shows")
            for node in page.locator(".xj-legend [data-xj-shows]").all()
            if not node.evaluate("n => n.closest('[hidden]') !== null")
        }
        assert {k for k in explained if k.startswith("ports group ")} == {
            f"ports group {port_mode_group(modes)}" for modes in rail
        }
        # The corridors and zones are not port-filtered: each kind the data has is still explained.
        assert {k for k in explained if k.startswith("zones kind ")} == {
            f"zones kind {kind}" for kind in dataset.zones["kind"]
        }


def test_a_link_reopens_the_same_view(app_url, dataset):
    port = drawable(dataset.ports).index[0]
    lat, lon = dataset.ports.loc[port].geometry.y, dataset.ports.loc[port].geometry.x
    query = urllib.parse.urlencode({"selected": port, "layers": "base,ports", "at": f"{lat:.3f},{lon:.3f},8"})
    with offline_page() as (page, _blocked):
        page.goto(f"{app_url}/?{query}")
        wait_for_markers(page)
        view = page.evaluate("() => document.querySelector('.folium-map').xjExplorer.view()")
        assert view["at"][2] == 8 and abs(view["at"][0] - lat) < 0.01 and abs(view["at"][1] - lon) < 0.01
        assert view["layers"] == ["ports", "base"] or sorted(view["layers"]) == ["base", "ports"]
        assert page.locator("path.xj-corridor").count() == 0 and page.locator(".xj-zone-symbol").count() == 0
        assert page.locator(f".xj-legend [data-xj-layer='{settings.ZONES.name}']").is_hidden()
        assert page.locator(".folium-map").get_attribute("data-xj-selected") == port
        details_heading(page, dataset.ports.loc[port, "name"]).wait_for(timeout=15_000)
        # The table ticks the same row.
        assert page.get_by_role("tab", name="Ports", exact=False).first.get_attribute("aria-selected") == "true"


@on_the_home_page
@pytest.mark.parametrize("typed", ["Ürümqi", "Khorgos", "kashi", "霍尔果斯"])
def test_search_finds_what_people_type(home, dataset, typed):
    wanted = expected(dataset, {}, typed)
    assert any(wanted.values()), f"the data names nothing {typed!r} (add the alias to the data)"
    search(home, typed)
    home.wait_for_function(
        "n => JSON.parse(document.querySelector('.folium-map').dataset.xjShown).ports === n",
        arg=len(wanted["ports"]),
    )
    assert drawn_ids(home) == wanted


@on_the_home_page
@pytest.mark.parametrize(
    ("typed", "layer", "wanted"),
    [
        # Dostyk, the Kazakh post opposite Alashankou (ports.csv's partner_crossing), found nothing.
        (
            "Dostyk",
            "ports",
            lambda ports, zones: ports.index[ports["partner_crossing"].str.startswith("Dostyk", na=False)],
        ),
        # Korgas and Khorgas, names the data gives the Horgos ports and the town of Khorgos, found the Horgos ports
        # but none of the Horgos zones, which "Khorgos" found.
        ("Korgas", "zones", lambda ports, zones: zones.index[zones["name"].str.contains("Horgos")]),
        ("Khorgas", "zones", lambda ports, zones: zones.index[zones["name"].str.contains("Horgos")]),
    ],
)
def test_the_places_table_lists_what_a_search_names(home, dataset, typed, layer, wanted):
    places = sorted(wanted(dataset.ports, dataset.zones))
    assert places and (layer != "ports" or set(dataset.ports.loc[places, "parent"]) == {"alashankou"})
    search(home, typed)
    tab = home.get_by_role("tab", name=f"{layer.capitalize()} ({len(places)})")
    tab.click()
    rows = home.locator(".xj-places tr[data-xj-row]")
    rows.nth(len(places) - 1).wait_for()
    assert sorted(row.get_attribute("data-xj-place") for row in rows.all()) == places
    names = home.locator(".xj-places tbody").inner_text()
    assert all(dataset.layer(layer).loc[p, "name"] in names for p in places)
    assert drawn_ids(home)[layer] == places  # the map shows them too
    home.get_by_role("tab", name="Ports", exact=False).first.click()


@on_the_home_page
def test_a_ports_headline_figure_reads_in_the_table_as_its_article_gives_it(home, dataset):
    # a qualified figure ("over 9,500") with its period, not a bare number an analyst would quote without the "over"
    table = present.ports_table(join.wide(dataset.ports, dataset.facts), dataset.facts).set_index("id")
    figures = table[[c for c in table.columns if table[c].map(lambda v: isinstance(v, dict)).any()]]
    cells = [(pid, cell["text"]) for pid, row in figures.iterrows() for cell in row if isinstance(cell, dict)]
    port, told = next(((pid, text) for pid, text in cells if re.match(r"(?:over|nearly|about) ", text)), cells[0])
    search(home, dataset.ports.loc[port, "name"])
    row = home.locator(f'.xj-places tr[data-xj-place="{port}"]')
    row.wait_for()
    assert told in row.inner_text()
    search(home, "")


@on_the_home_page
def test_an_empty_result_says_so_and_clears(home, dataset):
    search(home, "no such place anywhere")
    empty = home.locator(".xj-empty")
    empty.wait_for(state="visible")
    assert "No place matches the search and filters." in empty.inner_text()  # a search alone once read as the filters'
    # The legend explains only what is drawn: over the empty map, the borders alone (it explained every symbol).
    explained = ".xj-legend [data-xj-layer]:not([hidden])"
    assert [s.get_attribute("data-xj-layer") for s in home.locator(explained).all()] == ["base"]
    empty.get_by_role("button", name="Clear filters").click()
    empty.wait_for(state="hidden")
    assert shown(home)["ports"] == len(drawable(dataset.ports))
    assert home.locator(explained).count() == 4  # ports, corridors, zones and borders again
    assert home.locator(".xj-search").input_value() == ""


def test_a_selection_the_filters_hide_is_cleared_with_a_word(app_url, dataset):
    port = next(
        p for p, modes in dataset.ports["modes"].items() if "air" not in modes and p in drawable(dataset.ports).index
    )
    with offline_page() as (page, _blocked):
        page.goto(f"{app_url}/?selected={port}")
        wait_for_markers(page)
        details_heading(page, dataset.ports.loc[port, "name"]).wait_for(timeout=15_000)
        choose(page, "Port mode", "Air")
        notice = page.locator(".xj-notice")
        notice.wait_for(state="visible")
        assert "hidden by the filters" in notice.inner_text()
        page.get_by_text("Nothing selected yet.").wait_for(timeout=15_000)
        page.wait_for_function("() => !location.search.includes('selected=')")


@on_the_home_page
def test_the_map_filters_as_python_does(home, dataset):
    views = [
        {"modes": ["road"], "countries": ["KAZ"]},
        {"kinds": ["airport", "inland"]},
        {"statuses": ["seasonal", "approved"], "corridor_statuses": ["operating"]},
        {"zone_kinds": ["comprehensive_bonded_zone"], "countries": ["none"]},
    ]
    for view in views:
        home.evaluate("v => { document.querySelector('.folium-map').xjExplorer.setFilters(v, ''); }", view)
        assert drawn_ids(home) == expected(dataset, {k: tuple(v) for k, v in view.items()}), view
    # Search folds text exactly as Python does.
    samples = ["Ürümqi", "Jalal-Abad", "ＨＯＲＧＯＳ", "Qapqal’s", "霍尔果斯 口岸", "Çağ", "ǅemal"]
    folded = home.evaluate("xs => xs.map(x => XJMap.fold(x))", samples)
    assert folded == [controls.fold(s) for s in samples]


def test_a_table_row_selects_and_reveals_on_the_map(app_url, dataset):
    with offline_page() as (page, _blocked):
        page.goto(app_url)
        wait_for_map(page)
        page.get_by_role("tab", name=f"Zones ({len(dataset.zones)})").click()
        page.locator(".xj-places tr[data-xj-row]").first.click()
        zone = dataset.zones.index[0]
        page.wait_for_function("id => document.querySelector('.folium-map').dataset.xjSelected === id", arg=zone)
        details_heading(page, dataset.zones.loc[zone, "name"]).wait_for(timeout=15_000)
        # Revealed: zoomed in until the footprint shows instead of the symbol.
        page.locator(f'path.xj-zone[data-xj-id="{zone}"]').wait_for(timeout=10_000)


def test_open_filter_lists_stay_on_a_phone_screen(app_url):
    with offline_page(390, 844) as (page, _blocked):
        page.goto(app_url)
        wait_for_map(page)
        box = open_filter(page, "Neighbouring country").locator(".xj-options").bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390


def test_charts_are_drawn_with_a_source_line_naming_the_article(app_url, dataset):
    cited = join.with_parents(join.cite(dataset.facts, dataset.sources), dataset.parents(), dataset.entity_names())
    place = next(p for p in dataset.ports.index if len(charts.place_charts(join.facts_for(cited, p), p, min_figures=2)))
    facts = join.facts_for(cited, place)  # numbered as the details' table of figures numbers them
    chart = charts.place_charts(facts, place, min_figures=2, numbers=present.source_numbers(facts)).charts[0]
    with offline_page(1400, 3000) as (page, _blocked):
        page.goto(f"{app_url}/?selected={place}")
        wait_for_map(page)
        drawn = page.get_by_test_id("stVegaLiteChart").filter(has=page.locator("canvas, svg"))
        # The region's charts and at least one of the place's: Vega draws them one by one, so wait
        # for the last one expected rather than counting while some are still being drawn.
        expected = 1 + len(charts.region_charts(cited[cited["about"] == cited["entity_id"]]))
        drawn.nth(expected - 1).wait_for(timeout=30_000)
        assert drawn.count() >= expected
        # The place's first chart: its title drawn by Vega, its sources named under it, as plain text.
        page.get_by_text(chart.source_line, exact=True).wait_for(timeout=10_000)
        title = dataset.sources.set_index("source_id").loc[chart.data["source_id"].iloc[0], "title"]
        assert title in chart.source_line


def test_each_chart_is_drawn_once_with_its_rows_not_first_empty(app_url, dataset):
    # Streamlit sends a spec's top-level rows apart and its browser side drew each chart empty first (Vega-Lite
    # warning of an "Infinite extent" for every field), then with them; the rows now travel in the spec's layers.
    cited = join.with_parents(join.cite(dataset.facts, dataset.sources), dataset.parents(), dataset.entity_names())
    expected = len(charts.region_charts(cited[cited["about"] == cited["entity_id"]]))
    with offline_page(1400, 3000) as (page, _blocked):
        warned = []
        page.on("console", lambda message: "Infinite extent" in message.text and warned.append(message.text))
        page.goto(app_url)
        wait_for_map(page)
        drawn = page.get_by_test_id("stVegaLiteChart").filter(has=page.locator("g.mark-rect.role-mark path"))
        drawn.nth(expected - 1).wait_for(timeout=30_000)  # the region's charts, each with its bars
        page.wait_for_timeout(1000)
        assert warned == []


def test_the_period_filter_reaches_the_map_popups(app_url, dataset):
    cited = join.with_parents(join.cite(dataset.facts, dataset.sources), dataset.parents(), dataset.entity_names())
    # A port with figures of at least two different years: one of them falls outside a one-year filter.
    port, years = next(
        (p, sorted({periods.parse(x).end.year for x in join.facts_for(cited, p)["period"]}))
        for p in drawable(dataset.ports).index
        if len({periods.parse(x).end.year for x in join.facts_for(cited, p)["period"]}) > 1
    )
    facts = join.facts_for(cited, port)
    inside = sum(periods.overlaps(x, *periods.parse_range(str(years[-1]))[0]) for x in facts["period"])
    with offline_page() as (page, _blocked):
        page.goto(f"{app_url}/?period={years[-1]}")
        wait_for_map(page)
        page.locator(f'path.xj-port[data-xj-id="{port}"]').click()
        popup = page.locator(".leaflet-popup-content")
        popup.wait_for()
        assert popup.locator("tr[data-end]:not([hidden])").count() == inside < len(facts)
        assert f"{len(facts) - inside} figure" in popup.locator(".xj-period-note").inner_text()


def test_downloads_hold_what_the_filters_show(app_url, dataset):
    # The files are written when pressed, from what the map's part of the page last showed.
    listed = filter_layer(dataset.ports, "ports", {"modes": ("air",)})
    with offline_page() as (page, _blocked):
        page.goto(app_url)
        wait_for_map(page)
        choose_and_wait(page, "Port mode", "Air", len(listed), len(dataset.ports), timeout=15)
        with page.expect_download() as download:
            page.get_by_role("button", name="Places (CSV, WKT geometry)").click()
        rows = list(csv.DictReader(io.StringIO(Path(download.value.path()).read_text(encoding="utf-8-sig"))))
        assert sorted(r["id"] for r in rows if r["layer"] == "ports") == sorted(listed.index)
        assert {r["layer"] for r in rows} <= set(LAYERS)
        # The GeoJSON says which view it holds: the link's parameters, the mode among them.
        with page.expect_download() as download:
            page.get_by_role("button", name="Places (GeoJSON)").click()
        collection = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
        assert sorted(
            f["properties"]["id"] for f in collection["features"] if f["properties"]["layer"] == "ports"
        ) == sorted(listed.index)
        assert collection["view"]["mode"] == "air"


def test_a_download_pressed_while_the_page_is_slow_waits_for_the_filter(dataset, tmp_path):
    # On a loaded machine the map's part of the page can take seconds to take a filter in, while the browser's
    # counts change at once: a download pressed meanwhile waits for it and holds the view the viewer sees.
    listed = filter_layer(dataset.ports, "ports", {"modes": ("air",)})
    # Streamlit serves static/ from beside the script it runs.
    (tmp_path / "slow_page.py").symlink_to(Path(__file__).with_name("slow_page.py"))
    (tmp_path / "static").symlink_to(PROJECT_DIR / "static")
    slow = running_app({"XJ_SLOW_SECONDS": "8"}, script=str(tmp_path / "slow_page.py"))
    with slow as server, offline_page() as (page, blocked):
        page.goto(server.url)
        wait_for_map(page)
        choose_and_wait(page, "Port mode", "Air", len(listed), len(dataset.ports), timeout=15)
        with page.expect_download(timeout=60_000) as download:
            page.get_by_role("button", name="Places (CSV, WKT geometry)").click()
        text = Path(download.value.path()).read_text(encoding="utf-8-sig")
        # It waited for the page's mark of the filter's report, not for its own time limit to pass.
        assert int(page.locator("[data-xj-heard]").get_attribute("data-xj-heard")) > 0
        assert blocked == []
    rows = list(csv.DictReader(io.StringIO(text)))
    assert sorted(r["id"] for r in rows if r["layer"] == "ports") == sorted(listed.index)
