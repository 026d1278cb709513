"""Back and Forward step through the views a viewer chose; a bad layer list keeps the map; Enter zooms to a search
(issue 19, items 5 and 7)."""

from __future__ import annotations

import urllib.parse

from geo.render.mapping import drawable
from tests.e2e.browser import choose, offline_page, shown, wait_for_markers

# What a viewer sees of the view: the ports the map shows, the ticked boxes of the filter bar, the selected
# place, the period control's months and the address (the map position `at` aside: a map move is no step).
SEEN = """() => ({
    ports: JSON.parse(document.querySelector('.folium-map').dataset.xjShown || '{}').ports,
    ticked: [...document.querySelectorAll('.xj-filter input:checked')]
        .map(b => b.closest('.xj-filter').dataset.control + '=' + b.value).sort(),
    selected: document.querySelector('.folium-map').dataset.xjSelected || '',
    period: [...document.querySelectorAll('.xj-period select')].map(s => s.value),
    address: (() => { const p = new URLSearchParams(location.search); p.delete('at'); return p.toString(); })(),
})"""
IDLE = "document.querySelector('[data-testid=stApp]').dataset.testScriptState === 'notRunning'"


def seen(page) -> dict:
    return page.evaluate(SEEN)


def wait_until_seen(page, want: dict, timeout: float = 30) -> None:
    """Wait until the page shows ``want`` with the app idle; fail saying what it shows instead."""
    try:
        page.wait_for_function(
            f"want => ({IDLE}) && JSON.stringify(({SEEN})()) === JSON.stringify(want)", arg=want, timeout=timeout * 1000
        )
    except Exception as exc:
        raise AssertionError(f"expected {want}, the page shows {seen(page)}") from exc


def settle(page, change, before: dict) -> dict:
    """Make a change, wait until the address follows and the app is idle; return what the page shows."""
    steps = page.evaluate("history.length")
    change()
    try:
        page.wait_for_function(
            f"([before, steps]) => ({IDLE}) && history.length > steps && ({SEEN})().address !== before",
            arg=[before["address"], steps],
            timeout=30_000,
        )
    except Exception as exc:
        raise AssertionError(
            f"after a change from {before}, {steps} steps: {seen(page)}, {page.evaluate('history.length')} steps"
        ) from exc
    return seen(page)


def test_back_and_forward_step_through_the_chosen_views(app_url, dataset):
    with offline_page() as (page, blocked):
        page.add_init_script("""(() => { window.__log = []; for (const k of ['pushState', 'replaceState']) {
            const f = history[k]; history[k] = function (d, t, u) { window.__log.push(k + ' ' + u + ' ' + performance.now().toFixed(0)); return f.apply(history, arguments); }; } })()""")
        page.goto(app_url)
        wait_for_markers(page, len(drawable(dataset.ports)))
        page.wait_for_function(IDLE)
        views = [seen(page)]
        start = page.evaluate("history.length")

        views.append(settle(page, lambda: choose(page, "Port mode", "Rail"), views[-1]))
        port = page.evaluate("() => document.querySelector('.folium-map').xjExplorer.shownIds('ports')[0]")
        views.append(settle(page, lambda: page.locator(f'path.xj-port[data-xj-id="{port}"]').click(), views[-1]))

        def later_start() -> None:
            page.get_by_text("Period of figures:").click()
            page.get_by_label("Figures from").select_option(index=1)

        views.append(settle(page, later_start, views[-1]))

        mode, select, period = views[1], views[2], views[3]
        assert mode["ports"] < views[0]["ports"] and mode["ticked"] == ["modes=rail"] and "mode=rail" in mode["address"]
        assert select["selected"] == port and f"selected={port}" in select["address"]
        assert period["period"] != select["period"] and "period=" in period["address"]
        # Each chosen view is one step: no step for the map moves, the link being tidied or the reports.
        assert page.evaluate("history.length") == start + 3, page.evaluate("window.__log")

        for view in reversed(views[:-1]):
            page.go_back()
            wait_until_seen(page, view)
        for view in views[1:]:
            page.go_forward()
            wait_until_seen(page, view)
        assert page.evaluate("history.length") == start + 3  # restoring a view added no step
        assert blocked == []


def test_a_bad_layer_list_keeps_every_layer_and_the_link_says_so(app_url, dataset):
    with offline_page() as (page, _blocked):
        page.goto(f"{app_url}/?layers=nope&mode=rail")
        wait_for_markers(page)
        # The map has reported its view (position) and the page has written the address from it.
        page.wait_for_function(f"() => ({IDLE}) && location.search.includes('at=')", timeout=30_000)
        on = page.evaluate("() => document.querySelector('.folium-map').xjExplorer.view().layers")
        assert {"ports", "corridors", "zones"} <= set(on)
        assert shown(page)["ports"] > 0 and page.locator("path.xj-corridor").count() > 0
        params = urllib.parse.parse_qs(urllib.parse.urlparse(page.url).query, keep_blank_values=True)
        assert params["mode"] == ["rail"]  # the rest of the link is kept
        assert "layers" not in params or set(params["layers"][0].split(",")) == set(on)
        page.get_by_text("every layer stays on").wait_for(timeout=10_000)


def test_enter_in_the_search_zooms_to_what_it_found(app_url, dataset):
    with offline_page() as (page, _blocked):
        page.goto(app_url)
        wait_for_markers(page, len(drawable(dataset.ports)))
        zoom = page.evaluate("() => document.querySelector('.folium-map').xjExplorer.map.getZoom()")
        box = page.locator(".xj-search")
        box.fill("Horgos")
        page.wait_for_function(
            f"() => JSON.parse(document.querySelector('.folium-map').dataset.xjShown).ports < {len(drawable(dataset.ports))}"
        )
        box.press("Enter")
        page.wait_for_function(
            "zoom => document.querySelector('.folium-map').xjExplorer.map.getZoom() > zoom", arg=zoom, timeout=10_000
        )
        found = page.evaluate(
            """() => { const x = document.querySelector('.folium-map').xjExplorer, b = x.map.getBounds();
                       return x.shownIds('ports').map(id => [id, b.contains(x.items[id].latlng)]); }"""
        )
        assert found and all(inside for _id, inside in found), found


def test_a_link_taken_with_a_popup_open_reopens_where_the_viewer_had_the_map(app_url):
    # A popup near the map's top edge pans the map to show itself whole; the address took that pan as the viewer's
    # move, so the link reopened off-centre, and each load panned again for the popup: the centre crept.
    centre = """() => { const m = document.querySelector('.folium-map').xjExplorer.map, c = m.getCenter();
                        return [c.lat.toFixed(3), c.lng.toFixed(3), m.getZoom()]; }"""
    with offline_page(1400, 900) as (page, _blocked):
        page.goto(app_url)
        wait_for_markers(page)
        opening = page.evaluate(centre)
        page.locator('path.xj-port[data-xj-id="hongshanzui"]').click(force=True)
        page.locator(".leaflet-popup").wait_for()
        assert page.evaluate(centre) != opening  # the popup did pan the map
        page.wait_for_function("() => new URLSearchParams(location.search).get('selected') === 'hongshanzui'")
        page.wait_for_timeout(1500)  # the address follows a move half a second after it ends
        link = page.url
        at = urllib.parse.parse_qs(urllib.parse.urlparse(link).query).get("at", [""])[0]
        assert not at or [f"{float(v):.3f}" for v in at.split(",")[:2]] == opening[:2], at
        for _load in range(2):
            page.goto(link)
            wait_for_markers(page)
            page.wait_for_timeout(1500)
            assert page.evaluate(centre) == opening
            link = page.url
