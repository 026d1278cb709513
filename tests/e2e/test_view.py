"""The view lives in the browser (issue 17): a filter, a search or a selection is answered by the map, both counts,
the tables and the address at once, before Python hears of it; Python follows a moment later."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from bench import synthetic
from geo import settings
from geo.data import join, periods
from geo.data.dataset import load_dataset
from geo.explore import controls
from geo.explore.filter import facet_counts, filter_layer
from geo.render.mapping import drawable
from tests.e2e.browser import add_own_layer, choose, idle, offline_page, open_filter, running_app, wait_for_map

# Every websocket message the page sends, counted; and, half a second after each change of the filter bar, what
# the page shows then (the map's counts, the status line, the sidebar, the tabs, the table, the address).
WATCH = """(() => {
    window.TABLES_END = () => document.querySelector('.xj-places').getBoundingClientRect().bottom + window.scrollY;
    window.__sent = 0; window.__lastSent = 0; window.__at500 = [];
    const send = WebSocket.prototype.send;
    WebSocket.prototype.send = function () {
        window.__sent += 1; window.__lastSent = performance.now(); return send.apply(this, arguments); };
    document.addEventListener('change', (event) => {
        if (!event.target.closest('.xj-controls')) return;
        const sentBefore = window.__sent;
        setTimeout(() => window.__at500.push({
            sent: window.__sent - sentBefore,
            map: JSON.parse(document.querySelector('.folium-map').dataset.xjShown),
            status: document.querySelector('.xj-status').textContent,
            tally: document.querySelector('.xj-tally-line').textContent,
            tabs: [...document.querySelectorAll('.xj-tab')].map(t => t.textContent),
            rows: document.querySelector('.xj-places').xjIds('ports'),
            drawnRows: document.querySelectorAll('.xj-places tbody tr[data-xj-row]').length,
            address: location.search,
            mounts: document.querySelector('.xj-root').dataset.xjMounts,
            tablesEnd: TABLES_END(),
        }), 500);
    }, true);
})()"""
# The page has settled: its script idle, the map's position in the address, no report waiting in the map's debounce
# (a click's report goes a second later: without this, a settle just after a click passed before it was sent, and
# the report landed in the next step's window), nothing sent for a while.
QUIET = """() => document.querySelector('[data-testid=stApp]').dataset.testScriptState === 'notRunning'
    && /[?&]at=/.test(location.search) && !document.querySelector('.xj-root').xjState.reportSoon.pending()
    && performance.now() - window.__lastSent > 1500"""


def settle(page) -> None:
    page.wait_for_function(QUIET, timeout=60_000)


@contextmanager
def watched(app_url: str) -> Iterator[tuple]:
    """The page opened offline, its websocket messages counted (WATCH), settled; yields it and the map's mounts."""
    with offline_page() as (page, _blocked):
        page.add_init_script(WATCH)
        page.goto(app_url)
        wait_for_map(page)
        settle(page)
        yield page, page.locator(".xj-root").get_attribute("data-xj-mounts")


def expected(dataset, filters: dict[str, list[str]], text: str = "") -> dict[str, list[str]]:
    """Each layer's ids as Python's rule shows them (geo.explore.filter, the one rule book)."""
    chosen = {name: tuple(values) for name, values in filters.items()}
    keys = controls.search_keys({n: dataset.layer(n) for n in ("ports", "corridors", "zones")}, dataset.groups)
    return {
        name: list(filter_layer(dataset.layer(name), name, chosen, controls.fold(text), keys[name]).index)
        for name in ("ports", "corridors", "zones")
    }


def test_a_filter_is_answered_in_the_browser_before_python_hears_of_it(app_url, dataset):
    air = expected(dataset, {"modes": ["air"]})["ports"]
    with watched(app_url) as (page, mounts):
        tables_end = page.evaluate("() => TABLES_END()")
        choose(page, "Port mode", "Air")
        page.wait_for_function("() => window.__at500.length > 0")
        seen = page.evaluate("() => window.__at500[0]")
        assert seen["tablesEnd"] == tables_end  # fewer rows, the same table: nothing below it moved
        # Half a second on: nothing sent to the server, and everything a viewer reads already shows the view.
        assert seen["sent"] == 0
        assert seen["map"]["ports"] == len(drawable(dataset.ports.loc[air]))
        for counted in ("status", "tally"):  # the bar above the map and the side panel, worded alike
            assert seen[counted].startswith(f"{len(air)} of {len(dataset.ports)} ports"), seen[counted]
        assert seen["tabs"][0] == f"Ports ({len(air)})"
        assert sorted(seen["rows"]) == sorted(air) and seen["drawnRows"] == len(air)
        assert "mode=air" in seen["address"]
        assert seen["mounts"] == mounts
        # Then Python hears of it, once, and the page runs; the map is not made again.
        page.wait_for_function("() => window.__sent > 0", timeout=10_000)
        idle(page)
        assert page.locator(".xj-root").get_attribute("data-xj-mounts") == mounts
        assert "mode=air" in page.url
        # The charts (Python's) follow the view a moment later: the ports compared are the ones shown.
        ports = "port" if len(air) == 1 else "ports"
        page.get_by_text(f"the {len(air)} {ports} shown after the filters").first.wait_for(timeout=10_000)


def test_an_opened_filter_list_counts_its_choices_beside_the_other_filters(app_url, dataset):
    # "Mongolia (4)" was offered with Air chosen, and choosing it emptied the map: the counts ignored the other
    # filters. Expected from Python's rule (geo.explore.filter.facet_counts) over the places the map draws.
    frames = {"ports": drawable(dataset.ports), "corridors": dataset.corridors, "zones": dataset.zones}
    keys = controls.search_keys(frames, dataset.groups)
    features = [
        {"layer": name, "values": values, "search": keys[name].get(pid, "")}
        for name, frame in frames.items()
        for pid, values in controls.feature_values(name, frame).items()
    ]
    alone = facet_counts(features, {}, "")["countries"]
    want = facet_counts(features, {"modes": ["air"]}, "")["countries"]
    assert any(want[c] == 0 < alone[c] for c in want), "the case tests something: a country Air leaves empty"
    with offline_page() as (page, _blocked):
        page.goto(app_url)
        wait_for_map(page)
        idle(page)
        choose(page, "Port mode", "Air")
        counted = """d => Object.fromEntries([...d.querySelectorAll('input')].map(
                 box => [box.value, Number(box.parentNode.querySelector('.xj-count').textContent.match(/[0-9]+/)[0])]))"""
        countries = open_filter(page, "Neighbouring country")
        # the counts follow the choice in the browser; on a loaded CI machine they were once read a moment before
        deadline = time.monotonic() + 15
        while (listed := countries.evaluate(counted)) != want and time.monotonic() < deadline:
            page.wait_for_timeout(200)
        assert listed == want
        # The list's own choices stay counted without its own filter: Road, Rail and Air all keep their number.
        modes = open_filter(page, "Port mode").evaluate(
            "d => [...d.querySelectorAll('.xj-count')].map(c => Number(c.textContent.match(/[0-9]+/)[0]))"
        )
        assert modes == list(facet_counts(features, {"modes": ["air"]}, "")["modes"].values())


def test_the_period_is_answered_in_the_browser_before_python_hears_of_it(app_url, dataset):
    cited = join.with_parents(join.cite(dataset.facts, dataset.sources), dataset.parents(), dataset.entity_names())

    def years(place: str) -> list[int]:
        return sorted({periods.parse(p).end.year for p in join.facts_for(cited, place)["period"]})

    # A port with figures of two years or more: some of them fall outside its last year.
    port = next(p for p in drawable(dataset.ports).index if len(years(p)) > 1)
    year = years(port)[-1]
    facts = join.facts_for(cited, port)
    inside = sum(periods.overlaps(p, *periods.parse_range(str(year))[0]) for p in facts["period"])
    with watched(app_url) as (page, mounts):
        before = page.evaluate("() => window.__sent")
        page.locator(f'path.xj-port[data-xj-id="{port}"]').click()
        popup = page.locator(".leaflet-popup-content")
        popup.locator("tr[data-end]").first.wait_for()
        assert popup.locator("tr[data-end]").count() == len(facts)  # every period: every figure
        # A selection is reported at once (its details are Python's); wait for that report, then for its answer.
        page.wait_for_function("n => window.__sent > n", arg=before, timeout=10_000)
        settle(page)
        sent = page.evaluate("() => window.__sent")
        # The viewer picks the port's last year, January to December, in the map's filter bar.
        page.get_by_text("Period of figures:").click()
        page.get_by_label("Figures from").select_option(f"{year}-01")
        page.get_by_label("Figures to").select_option(f"{year}-12")
        # The address is written when the page is next idle (at most 250 ms after the change).
        page.wait_for_function("y => location.search.includes('period=' + y)", arg=year)
        seen = page.evaluate(
            """() => ({
                sent: window.__sent,
                rows: document.querySelectorAll('.leaflet-popup-content tr[data-end]').length,
                note: (document.querySelector('.leaflet-popup-content .xj-period-note') || {}).textContent,
                chosen: document.querySelector('.xj-period .xj-chosen').textContent,
                address: location.search,
            })""",
        )
        # Before Python hears of it: the popup shows the year's figures only and says how many it leaves out, the
        # fold names the period, the address holds it.
        assert seen["sent"] == sent  # nothing was sent to Python: the browser answered alone
        assert seen["rows"] == inside < len(facts)
        assert (
            seen["note"]
            == f"{len(facts) - inside} figure{'s' if len(facts) - inside != 1 else ''} outside {year} not shown."
        )
        assert seen["chosen"] == str(year) and f"period={year}" in seen["address"]
        # Then Python: the region's figures below the map follow the period; the map was not made again.
        page.wait_for_function(f"() => window.__sent > {sent}", timeout=10_000)
        page.get_by_text(re.compile(rf"figures outside {year} are not shown")).first.wait_for(timeout=30_000)
        assert page.locator(".xj-root").get_attribute("data-xj-mounts") == mounts
        assert f"period={year}" in page.url
        # A year none of its figures reaches: the popup says so instead of showing an empty table.
        first = periods.bounds(dataset.facts)[0].year
        empty = next(
            y
            for y in range(first, year)
            if not any(periods.overlaps(p, *periods.parse_range(str(y))[0]) for p in facts["period"])
        )
        page.get_by_label("Figures from").select_option(f"{empty}-01")
        page.get_by_label("Figures to").select_option(f"{empty}-12")
        assert popup.locator(".xj-period-note").inner_text() == f"All {len(facts)} figures are outside {empty}."
        assert popup.locator("table.xj-facts").count() == 0
        # "All periods" brings every figure back.
        page.get_by_role("button", name="All periods").click()
        page.wait_for_function(
            f"() => document.querySelectorAll('.leaflet-popup-content tr[data-end]').length === {len(facts)}"
        )
        page.wait_for_function("() => !location.search.includes('period=')")  # the address too


CASES = [
    ({}, ""),
    ({"modes": ["rail"]}, ""),
    ({"modes": ["road"], "countries": ["KAZ"]}, ""),
    ({"statuses": ["approved", "planned"]}, ""),
    ({"corridor_statuses": ["operating"], "zone_kinds": ["ftz_section"]}, ""),
    ({}, "horgos"),
    ({"modes": ["air"]}, "kashgar"),
    ({"kinds": ["inland"], "countries": ["none"]}, ""),
]


def agree(page, dataset) -> None:
    """For each case, the tables list what Python's rule shows and the map draws those of them it can draw."""
    for filters, text in CASES:
        page.evaluate(
            "([f, q]) => document.querySelector('.folium-map').xjExplorer.setFilters(f, q)",
            [filters, controls.fold(text)],
        )
        want = expected(dataset, filters, text)
        for layer, ids in want.items():
            listed = page.evaluate("l => document.querySelector('.xj-places').xjIds(l)", layer)
            assert sorted(listed) == sorted(ids), (layer, filters, text)
            drawn = page.evaluate("l => document.querySelector('.folium-map').xjExplorer.shownIds(l)", layer)
            assert sorted(drawn) == sorted(drawable(dataset.layer(layer).loc[ids]).index), (layer, filters, text)
        tabs = page.locator(".xj-tab").all_inner_texts()
        assert tabs[0] == f"Ports ({len(want['ports']):,})"


# Every read of the page's layout (a box, a size, a scroll offset) and every write of the address made while a change
# of the filter bar is handled, with where it was made: from the capture of the change on the document to its end on
# the window. A read there, after the map has changed, makes the browser lay the whole page out in the middle of the
# change; a write of the address (3-20 ms in Chromium here) holds the frame up as long.
LAYOUT_READS = """(() => {
    window.__reads = []; let handling = false;
    const note = (what) => { if (handling) window.__reads.push(what + ' ' + new Error().stack.split('\\n').slice(3, 6).join(' <')); };
    const method = Element.prototype.getBoundingClientRect;
    Element.prototype.getBoundingClientRect = function () { note('getBoundingClientRect'); return method.call(this); };
    for (const [proto, names] of [[HTMLElement.prototype, ['offsetWidth', 'offsetHeight', 'offsetTop', 'offsetLeft']],
                                  [Element.prototype, ['clientWidth', 'clientHeight', 'scrollTop', 'scrollHeight']]]) {
        for (const name of names) {
            const d = Object.getOwnPropertyDescriptor(proto, name);
            Object.defineProperty(proto, name, {...d, get() { note(name); return d.get.call(this); }});
        }
    }
    for (const name of ['pushState', 'replaceState']) {  // the address, written after the frame
        const write = history[name];
        history[name] = function () { note(name); return write.apply(this, arguments); };
    }
    document.addEventListener('change', (e) => { handling = Boolean(e.target.closest('.xj-controls')); }, true);
    window.addEventListener('change', () => { handling = false; });
})()"""


def test_a_filter_change_reads_no_layout_and_writes_the_address_after_the_frame(app_url, dataset):
    """The map (its names, the controls they keep clear of, the size legend), the counts and the tables follow a
    filter without asking the page where anything is: the browser lays the page out once, to draw the frame; the
    address follows just after it."""
    air = expected(dataset, {"modes": ["air"]})["ports"]
    with offline_page() as (page, _blocked):
        page.add_init_script(LAYOUT_READS)
        page.goto(app_url)
        wait_for_map(page)
        page.locator(".xj-places[data-xj-rows]").wait_for(state="attached")
        for _ in range(2):  # to air and back: names hidden and shown again
            choose(page, "Port mode", "Air")
            assert page.locator(".xj-places").get_attribute("data-xj-rows") == str(len(air))
            assert page.evaluate("() => window.__reads") == []
            page.wait_for_function("() => /[?&]mode=air(&|$)/.test(location.search)", timeout=5_000)
            assert page.locator(".xj-label:not(.xj-hidden)").count() > 0
            open_filter(page, "Port mode").get_by_label(re.compile(r"^\s*Air( \(\d+\))?$")).uncheck()
            page.locator(".xj-filter[open] > summary").click()
            assert page.locator(".xj-places").get_attribute("data-xj-rows") == str(len(dataset.ports))
            assert page.evaluate("() => window.__reads") == []
            page.wait_for_function("() => !/[?&]mode=/.test(location.search)", timeout=5_000)


def test_the_sidebar_says_why_its_modes_add_up_to_more_than_its_ports(app_url, dataset):
    by_mode = sum(len(list(modes)) for modes in dataset.ports["modes"])
    with offline_page() as (page, _blocked):
        page.goto(app_url)
        wait_for_map(page)
        note = page.locator(".xj-tally-note").first
        note.wait_for()
        assert (by_mode > len(dataset.ports)) == ("counts under each" in note.inner_text())
        choose(page, "Port mode", "Air")  # airports have one mode: the note goes
        page.wait_for_function("() => !document.querySelector('.xj-tally-note').textContent.includes('each')")


def test_the_tables_and_the_map_agree_at_real_size(app_url, dataset):
    with offline_page() as (page, _blocked):
        page.goto(app_url)
        wait_for_map(page)
        page.locator(".xj-places[data-xj-rows]").wait_for(state="attached")
        agree(page, dataset)


DRAWN_ROWS = """() => [...document.querySelectorAll('.xj-places tbody tr[data-xj-row]')].map(tr => ({
    place: tr.dataset.xjPlace, row: Number(tr.dataset.xjRow), index: Number(tr.getAttribute('aria-rowindex')),
    kept: Boolean(tr.xjSeen), cells: [...tr.cells].map(td => td.textContent)}))"""


def test_a_filter_moves_rows_in_and_out_of_the_table_without_making_them_again(app_url, dataset):
    """A row shown before and after a filter is the same element, renumbered: a filter does not remake every cell."""
    air = expected(dataset, {"modes": ["air"]})["ports"]
    with offline_page() as (page, _blocked):
        page.goto(app_url)
        wait_for_map(page)
        page.locator(".xj-places[data-xj-rows]").wait_for(state="attached")
        first = page.evaluate(DRAWN_ROWS)
        page.evaluate(
            "() => document.querySelectorAll('.xj-places tbody tr[data-xj-row]').forEach(tr => { tr.xjSeen = 1; })"
        )
        cells = {row["place"]: row["cells"] for row in first}
        choose(page, "Port mode", "Air")
        rows = page.evaluate(DRAWN_ROWS)
        assert sorted(row["place"] for row in rows) == sorted(air)
        assert [(row["row"], row["index"]) for row in rows] == [(k, k + 2) for k in range(len(rows))]
        # Every row drawn before is the same element now, with the same cells; only one never drawn is new.
        assert [row["kept"] for row in rows] == [row["place"] in cells for row in rows]
        assert any(row["kept"] for row in rows)
        assert all(row["cells"] == cells[row["place"]] for row in rows if row["kept"])
        open_filter(page, "Port mode").get_by_label(re.compile(r"^\s*Air( \(\d+\))?$")).uncheck()
        again = page.evaluate(DRAWN_ROWS)
        assert [(row["place"], row["cells"]) for row in again] == [(row["place"], row["cells"]) for row in first]
        assert all(row["kept"] for row in again)
        agree(page, dataset)


COLUMNS = """() => ({
    edges: [...document.querySelectorAll('.xj-table th')].map(th => [th.offsetLeft, th.offsetWidth]),
    cut: [...document.querySelectorAll('.xj-places tbody tr[data-xj-row] td, .xj-table th .xj-sort')]
        .filter(cell => cell.textContent.length <= 40 && cell.scrollWidth > cell.clientWidth + 1)
        .map(cell => cell.textContent),
    first: document.querySelector('.xj-places tbody tr[data-xj-row]').dataset.xjPlace})"""


def test_the_table_columns_stay_put_as_a_filter_or_a_scroll_changes_the_rows(app_url, dataset):
    """Each column is as wide as its longest text in the whole layer: the columns do not jump under the reader as
    rows come and go, and no name or figure that fits the cap is cut."""
    with offline_page() as (page, _blocked):
        page.goto(app_url)
        wait_for_map(page)
        page.locator(".xj-places[data-xj-rows]").wait_for(state="attached")
        before = page.evaluate(COLUMNS)
        assert before["cut"] == []
        choose(page, "Port mode", "Air")
        after = page.evaluate(COLUMNS)
        assert after["first"] != before["first"]  # other rows now
        assert after["edges"] == before["edges"]
        assert after["cut"] == []
        open_filter(page, "Port mode").get_by_label(re.compile(r"^\s*Air( \(\d+\))?$")).uncheck()
        page.locator(".xj-panel").evaluate("panel => { panel.scrollTop = panel.scrollHeight; }")
        page.wait_for_function(f"() => ({COLUMNS})().first !== {before['first']!r}")
        scrolled = page.evaluate(COLUMNS)
        assert scrolled["edges"] == before["edges"]
        assert scrolled["cut"] == []


@pytest.mark.slow
def test_the_tables_and_the_map_agree_above_the_compact_size(tmp_path):
    """Above RICH_MAX_PORTS the ports are one canvas payload: the tables still list what the map draws, and the
    window of rows keeps the page light."""
    ports = settings.RICH_MAX_PORTS + 500
    data_dir = synthetic.make(tmp_path / "big", ports)
    dataset = load_dataset(data_dir)
    with running_app(env={"XJ_DATA_DIR": str(data_dir)}) as server, offline_page() as (page, _blocked):
        page.goto(server.url)
        wait_for_map(page, timeout=120)
        page.locator(".xj-places[data-xj-rows]").wait_for(state="attached", timeout=60_000)
        assert page.locator(".xj-tab").first.inner_text() == f"Ports ({ports:,})"
        assert page.locator(".xj-places tbody tr[data-xj-row]").count() < 40  # a window, not 1,500 rows
        agree(page, dataset)


def test_a_selection_survives_the_filters_it_passes(app_url, dataset):
    rail = expected(dataset, {"modes": ["rail"]})["ports"]
    with offline_page() as (page, _blocked):
        page.goto(app_url)
        wait_for_map(page)
        idle(page)
        # Chosen in the table: the map marks it, the details follow.
        first = page.locator(".xj-places tr[data-xj-row]").filter(has_text=dataset.ports.loc[rail[0], "name"])
        first.click()
        page.wait_for_function("id => document.querySelector('.folium-map').dataset.xjSelected === id", arg=rail[0])
        page.get_by_role("heading", name=dataset.ports.loc[rail[0], "name"]).wait_for(timeout=20_000)
        choose(page, "Port mode", "Rail")  # it passes: it stays chosen, its row marked, its name in the link
        row = page.locator(f'.xj-places tr[data-xj-place="{rail[0]}"]')
        assert row.get_attribute("aria-selected") == "true"
        assert page.locator(".folium-map").get_attribute("data-xj-selected") == rail[0]
        assert f"selected={rail[0]}" in page.url
        # Chosen on the map: the table shows its row, marked.
        other = next(p for p in rail[1:] if p in drawable(dataset.ports).index)
        page.locator(f'path.xj-port[data-xj-id="{other}"]').first.dispatch_event("click")
        page.locator(f'.xj-places tr[data-xj-place="{other}"][aria-selected="true"]').wait_for(timeout=5_000)
        choose(page, "Port mode", "Road")  # road or rail: still passes
        assert page.locator(".folium-map").get_attribute("data-xj-selected") == other


def test_an_uploaded_layer_filters_in_the_tables_as_on_the_map(app_url, tmp_path):
    modes = ["rail", "road", "rail, road", "air"]
    with offline_page() as (page, _blocked):
        page.goto(app_url)
        wait_for_map(page)
        points = [(f"p{i}", {"name": f"Depot {i}", "modes": m}, [80 + i, 40]) for i, m in enumerate(modes)]
        add_own_layer(page, points, tmp_path / "mine.geojson")
        tab = page.get_by_role("tab", name=re.compile(r"^Your layer \(4\)$"))
        tab.wait_for(timeout=60_000)
        choose(page, "Port mode", "Rail")
        page.get_by_role("tab", name="Your layer (2)").click()
        listed = page.evaluate("() => document.querySelector('.xj-places').xjIds('upload')")
        drawn = page.evaluate("() => document.querySelector('.folium-map').xjExplorer.shownIds('upload')")
        assert sorted(listed) == sorted(drawn) == ["upload:p0", "upload:p2"]
        assert page.locator(".xj-places tbody tr[data-xj-row]").count() == 2


def test_a_link_that_names_a_place_opens_its_tab_with_its_row_marked(app_url, dataset):
    zone = dataset.zones.index[-1]
    with offline_page() as (page, _blocked):
        page.goto(f"{app_url}/?selected={zone}")
        wait_for_map(page)
        row = page.locator(f'.xj-places tr[data-xj-place="{zone}"]')
        row.wait_for(timeout=30_000)
        assert row.get_attribute("aria-selected") == "true"
        assert page.get_by_role("tab", name=f"Zones ({len(dataset.zones)})").get_attribute("aria-selected") == "true"
