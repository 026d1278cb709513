"""The map's year control (issue 21): playing and stepping redraw the ports as they stood, counted as Python's rule
counts them, with no server rerun; a link with a year reopens it."""

from __future__ import annotations

import json
import re
from datetime import date

from geo.explore import timeline
from geo.render.mapping import drawable
from tests.e2e.browser import choose, idle, offline_page, wait_for_map

# Each change of the map's counts, with the year it was drawn for, and the app's script state whenever it changes.
RECORD = """() => {
    window.__years = []; window.__scriptStates = [];
    const map = document.querySelector('.folium-map'), app = document.querySelector('[data-testid=stApp]');
    new MutationObserver(() => window.__years.push(JSON.parse(map.dataset.xjStates)))
        .observe(map, {attributes: true, attributeFilter: ['data-xj-states']});
    new MutationObserver(() => window.__scriptStates.push(app.dataset.testScriptState))
        .observe(app, {attributes: true, attributeFilter: ['data-test-script-state']});
}"""
# Every websocket message the page sends (Streamlit's reports and reruns travel this way), counted in the page.
COUNT_SENT = """(() => { window.__sent = 0; window.__lastSent = performance.now();
    const send = WebSocket.prototype.send;
    WebSocket.prototype.send = function () {
        window.__sent += 1; window.__lastSent = performance.now(); return send.apply(this, arguments); };
})()"""
# The page has settled: its script idle, the map's opening position reported (the address has it), and nothing
# sent for a while.
QUIET = """() => document.querySelector('[data-testid=stApp]').dataset.testScriptState === 'notRunning'
    && /[?&]at=/.test(location.search) && performance.now() - window.__lastSent > 1500"""


def shown(page) -> dict:
    """The map's ports by state in the year it draws (null: today), as its filter bar counts them."""
    return json.loads(page.locator(".folium-map").get_attribute("data-xj-states") or "{}")


def running(counts: dict) -> int:
    return sum(counts.get(state, 0) for state in timeline.RUNNING)


def python_running(dataset, year: int) -> int:
    return running(timeline.counts(drawable(dataset.ports), dataset.events, year))


def test_playing_from_the_earliest_year_rises_to_today_with_no_rerun(app_url, dataset):
    ports = drawable(dataset.ports)
    first = min(int(d[:4]) for d in dataset.events["date"] if d)
    now = date.today().year
    today = int(ports["status"].isin(["operational", "seasonal"]).sum())
    with offline_page() as (page, blocked):
        page.add_init_script(COUNT_SENT)
        page.goto(app_url)
        wait_for_map(page)
        idle(page)
        year = page.get_by_label("Ports as of")
        assert year.get_attribute("type") == "range"
        assert (year.get_attribute("min"), year.get_attribute("max")) == (str(first), str(now))
        assert shown(page)["year"] is None and running(shown(page)["states"]) == today
        # Whatever the page had to say after its first run (the map's opening position) has been said.
        page.wait_for_function(QUIET, timeout=30_000)
        before = page.evaluate("window.__sent")
        page.evaluate(RECORD)
        page.evaluate("XJMap.yearStepMs = 30")  # the playback's pace, not what is tested
        year.focus()
        page.keyboard.press("Home")  # the keyboard's way to the earliest year
        assert shown(page)["year"] == first
        page.get_by_role("button", name="One year later").click()
        page.get_by_role("button", name="One year earlier").click()
        assert shown(page)["year"] == first
        page.get_by_role("button", name="Play").click()
        page.wait_for_function(
            "() => document.querySelector('.xj-year-play').getAttribute('aria-pressed') === 'false'", timeout=60_000
        )
        steps = page.evaluate("window.__years")
        assert shown(page)["year"] is None and running(shown(page)["states"]) == today
        assert page.locator(".xj-year-value").inner_text() == f"{now} (today)"
        assert re.match(r"\d+ of \d+ ports · ", page.locator(".xj-status").inner_text())

        by_year = {s["year"]: running(s["states"]) for s in steps}
        assert by_year[first] < today
        # Play draws every year in which the Python rule's count changes (from the data), and skips the years
        # in which nothing does (a century of them at first).
        changes = [y for y in range(first + 1, now) if python_running(dataset, y) != python_running(dataset, y - 1)]
        assert len(changes) >= 3
        assert set(changes) <= set(by_year), "every year with a change was drawn on the way"
        assert len(by_year) < now - first
        for y in (changes[0], changes[len(changes) // 2], changes[-1]):
            assert by_year[y] == python_running(dataset, y), y
        page.locator(".xj-year-range").fill(str(changes[0]))
        assert page.locator(".xj-status").inner_text().startswith(f"As of {changes[0]}: ")
        # The sidebar's counts and the ports' table follow the year too: every port approved by then is listed.
        listed = len(dataset.ports) - timeline.counts(ports, dataset.events, changes[0])["none"]
        tally = page.locator(".xj-tally-line").inner_text()
        assert tally.startswith(f"As of {changes[0]}: {listed} of {len(dataset.ports)} ports"), tally
        assert page.locator(".xj-tab").first.inner_text() == f"Ports ({listed})"
        assert re.search(rf"[?&]year={changes[0]}(&|$)", page.evaluate("location.search"))
        # ... and so do the sidebar's states, the same as the bar's above the map (not today's statuses).
        bar = re.search(r"ports ([^;(]+)", page.locator(".xj-status").inner_text()).group(1).strip()
        note = page.locator(".xj-tally-note").first.inner_text()
        states = re.search(rf"by state in {changes[0]}: (.+)$", note).group(1)
        as_bar = {label: n for n, label in re.findall(r"(\d+) ([a-z ]+?)(?:,|$)", bar)}
        assert as_bar, bar
        assert {label: n for label, n in re.findall(r"([a-z ]+?) (\d+)(?:,|$)", states.replace(", ", ","))} == as_bar

        # None of it went to the server: no message sent, no run of the script.
        assert page.evaluate("window.__sent") == before
        assert "running" not in page.evaluate("window.__scriptStates")
        assert not blocked


def test_a_link_with_a_year_reopens_that_year_and_keeps_it(app_url, dataset):
    ports = drawable(dataset.ports)
    years = sorted({int(d[:4]) for d in dataset.events["date"] if d})
    year = years[len(years) // 2]
    with offline_page(390, 844) as (page, blocked):
        page.goto(f"{app_url}/?year={year}")
        wait_for_map(page)
        idle(page)
        page.wait_for_function(
            "y => JSON.parse(document.querySelector('.folium-map').dataset.xjStates || '{}').year === y", arg=year
        )
        assert page.get_by_label("Ports as of").input_value() == str(year)
        counts = timeline.counts(ports, dataset.events, year)
        assert running(shown(page)["states"]) == running(counts)
        drawn = json.loads(page.locator(".folium-map").get_attribute("data-xj-shown"))["ports"]
        assert drawn == len(ports) - counts["none"]  # not yet approved: not drawn
        assert page.locator(".xj-status").inner_text().startswith(f"As of {year}: ")
        # A filter reruns the page, which keeps the year in the address and on the map.
        choose(page, "Port mode", "Road")
        idle(page)
        page.wait_for_function("() => /[?&]mode=road/i.test(location.search)")
        assert re.search(rf"[?&]year={year}(&|$)", page.evaluate("location.search"))
        assert shown(page)["year"] == year
        assert not blocked


def test_an_exported_view_opens_at_its_year_and_steps_offline(dataset):
    from geo.explore.urlstate import View
    from geo.render import sizes
    from geo.render.viewmap import view_html

    ports = drawable(dataset.ports)
    years = sorted({int(d[:4]) for d in dataset.events["date"] if d})
    year = years[len(years) // 3]
    html = view_html(dataset, View(year=str(year)))
    with offline_page() as (page, blocked):
        # The file as a page of its own, answered here: nothing else is fetched (the file inlines everything).
        page.route("http://127.0.0.1:9/view.html", lambda route: route.fulfill(body=html, content_type="text/html"))
        page.goto("http://127.0.0.1:9/view.html")
        page.get_by_label("Ports as of").wait_for()
        assert page.get_by_label("Ports as of").input_value() == str(year)
        assert shown(page)["year"] == year
        assert running(shown(page)["states"]) == python_running(dataset, year)
        page.get_by_role("button", name="One year later").click()
        assert shown(page)["year"] == year + 1
        assert running(shown(page)["states"]) == running(timeline.counts(ports, dataset.events, year + 1))
        # The file sizes the ports too, offline: the first measure it offers, held back in a year before its figures
        # and drawn once the year reaches them.
        size = page.get_by_label("Size by")
        before = page.locator('path[data-xj-id="alashankou-rail"]').bounding_box()["width"]
        size.select_option(index=1)
        first = sizes.measures(dataset.facts, ports)[0]
        held = year + 1 < first["year"]
        assert size.input_value() == first["key"]
        assert page.locator(".folium-map").get_attribute("data-xj-size") == ("" if held else first["key"])
        assert page.locator(".xj-size-held").is_visible() == held
        page.get_by_label("Ports as of").fill(str(date.today().year))
        assert page.locator(".folium-map").get_attribute("data-xj-size") == size.input_value()
        assert page.locator('path[data-xj-id="alashankou-rail"]').bounding_box()["width"] > before
        assert page.locator(".xj-size-legend").is_visible()
        assert not blocked


def test_corridors_and_zones_follow_the_year(app_url, dataset):
    corridors, zones, events = dataset.corridors, dataset.zones, dataset.events

    def python(year: int) -> tuple:
        return (
            timeline.layer_counts(corridors, events, "corridors", year),
            timeline.layer_counts(zones, events, "zones", year),
        )

    # A year (from the data) with a corridor being built and a zone approved but not yet operating.
    first = min(int(d[:4]) for d in events["date"] if d)
    year = next(
        y for y in range(first, date.today().year) if python(y)[0]["under_construction"] and python(y)[1]["approved"]
    )
    lines, areas = python(year)
    with offline_page() as (page, blocked):
        page.goto(f"{app_url}/?year={year}")
        wait_for_map(page)
        idle(page)
        page.wait_for_function(
            "y => JSON.parse(document.querySelector('.folium-map').dataset.xjStates || '{}').year === y", arg=year
        )
        states = shown(page)
        for layer, found in (("corridors", lines), ("zones", areas)):
            expected = {s: n for s, n in found.items() if s not in ("none", "unknown") and n}
            assert states[layer] == expected, layer
        drawn = json.loads(page.locator(".folium-map").get_attribute("data-xj-shown"))
        assert drawn["corridors"] == len(corridors) - lines["none"] and drawn["zones"] == len(zones) - areas["none"]
        # Being built: dashed, as today's corridors under construction are; operating: solid.
        building = page.locator('path.xj-corridor[data-xj-state="under_construction"]')
        assert building.count() == lines["under_construction"]
        assert building.first.get_attribute("stroke-dasharray")
        operating = page.locator('path.xj-corridor[data-xj-state="operating"]')
        assert operating.count() == lines["operating"] and not operating.first.get_attribute("stroke-dasharray")
        # An approved zone is hollow, its rim dashed, as symbol or footprint.
        hollow = page.locator('[data-xj-state="approved"].xj-zone-symbol, path.xj-zone[data-xj-state="approved"]')
        assert hollow.count() == areas["approved"]
        status = page.locator(".xj-status").inner_text()
        assert status.startswith(f"As of {year}: ports ")
        assert f"corridors {lines['operating']} operating, {lines['under_construction']} under construction" in status
        assert f"places as they stood in {year}" in page.evaluate(
            "XJMap.describeView(document.querySelector('.folium-map').xjExplorer)"
        )  # and so does the map's PNG
        # The legend says what the year hides and what a hollow zone is, naming the year.
        legend = page.locator(".xj-legend")
        assert legend.get_by_text(f"As of {year}: places not yet approved").is_visible()
        assert legend.get_by_text("approved, not yet operating").is_visible()
        assert legend.get_by_text("approved, not yet open (hollow)").is_visible()
        # Today: every corridor and zone drawn as its status says; the legend's lines about a past year gone.
        page.get_by_label("Ports as of").focus()
        page.keyboard.press("End")
        assert legend.get_by_text("places not yet approved").is_hidden()
        assert legend.get_by_text("approved, not yet operating").is_hidden()
        assert legend.get_by_text("approved, not yet open (hollow)").is_visible()
        states = shown(page)
        assert sum(states["corridors"].values()) == len(corridors) and states["zones"] == {"open": len(zones)}
        assert page.locator('path.xj-corridor[data-xj-state="under_construction"]').count() == int(
            (corridors["status"] == "under_construction").sum()
        )
        assert not blocked


def test_sizing_by_train_routes_draws_the_two_rail_ports_larger_with_a_size_legend_and_no_rerun(app_url, dataset):
    from geo.render import sizes

    ports = drawable(dataset.ports)
    measure = next(m for m in sizes.measures(dataset.facts, ports) if m["key"].startswith("china_europe_train_routes."))
    assert {"alashankou-rail", "horgos-rail"} <= set(measure["values"])
    other = next(p for p in ports[ports["status"] == "operational"].index if p not in measure["values"])

    def width(page, pid: str) -> float:
        return page.locator(f'.folium-map path[data-xj-id="{pid}"]').bounding_box()["width"]

    with offline_page() as (page, blocked):
        page.add_init_script(COUNT_SENT)
        page.goto(app_url)
        wait_for_map(page)
        idle(page)
        page.wait_for_function(QUIET, timeout=30_000)
        before = page.evaluate("window.__sent")
        page.evaluate(RECORD)
        alike = {pid: width(page, pid) for pid in ("alashankou-rail", "horgos-rail", other)}
        assert max(alike.values()) - min(alike.values()) < 1  # all ports alike before
        legend = page.locator(".xj-size-legend")
        assert legend.is_hidden()
        page.get_by_label("Size by").select_option(label=f"{measure['label']}, {measure['period']}")
        big, second, small = (width(page, pid) for pid in ("alashankou-rail", "horgos-rail", other))
        assert big > second > alike[other] > small
        # Area in proportion to the figures (124 and 89 routes), as far as the drawn rims allow.
        values = measure["values"]
        assert abs((big / second) ** 2 / (values["alashankou-rail"] / values["horgos-rail"]) - 1) < 0.06
        # The size legend: the measure, its period, reference circles with their values, and the ports drawn small.
        assert legend.is_visible()
        text = legend.inner_text()
        assert measure["label"] in text and measure["period"] in text
        assert all(label in text for _, label in measure["refs"]) and len(measure["refs"]) >= 2
        circles = legend.locator(".xj-size-circle")
        assert circles.count() == len(measure["refs"])
        assert circles.first.bounding_box()["width"] > circles.last.bounding_box()["width"]
        assert "no figure of this measure for this period: drawn small" in text
        # The map's PNG says what sizes its ports.
        assert f"ports sized by {measure['label']}, {measure['period']}" in page.evaluate(
            "XJMap.describeView(document.querySelector('.folium-map').xjExplorer)"
        )
        key = measure["key"]
        page.wait_for_function("k => new URLSearchParams(location.search).get('size') === k", arg=key)
        # None of it went to the server: no message sent, no run of the script.
        assert page.evaluate("window.__sent") == before
        assert "running" not in page.evaluate("window.__scriptStates")

        # The link reopens the choice, and a filter's rerun keeps it.
        page.goto(page.url)
        wait_for_map(page)
        idle(page)
        assert page.get_by_label("Size by").input_value() == key
        assert abs(width(page, "alashankou-rail") - big) < 0.5
        choose(page, "Port mode", "Rail")
        idle(page)
        page.wait_for_function("() => /[?&]mode=rail/i.test(location.search)")
        assert page.evaluate("new URLSearchParams(location.search).get('size')") == key
        assert abs(width(page, "alashankou-rail") - big) < 0.5
        assert not blocked


def test_a_year_before_the_sized_figures_draws_the_ports_alike_and_says_why(app_url, dataset):
    # The map sized its 2019 ports by their 2025 figures; now a year before a measure's figures holds the sizes back
    # (the choice kept, the legend saying so) and a year that reaches them draws them again.
    from geo.render import sizes

    measure = next(m for m in sizes.measures(dataset.facts, drawable(dataset.ports)) if len(m["values"]) >= 2)
    before = measure["year"] - 1
    big = max(measure["values"], key=measure["values"].get)
    other = next(p for p in drawable(dataset.ports).index if p not in measure["values"])

    def widths(page) -> tuple[float, float]:
        return tuple(page.locator(f'.folium-map path[data-xj-id="{p}"]').bounding_box()["width"] for p in (big, other))

    with offline_page() as (page, blocked):
        page.goto(f"{app_url}/?size={measure['key']}&year={before}")
        wait_for_map(page)
        idle(page)
        page.wait_for_function("y => document.querySelector('.folium-map').dataset.xjYear === String(y)", arg=before)
        assert page.get_by_label("Size by").input_value() == measure["key"]  # the choice is kept
        held = page.locator(".xj-size-held")
        assert held.is_visible()
        assert f"drawn alike in {before}" in held.inner_text() and measure["period"] in held.inner_text()
        assert page.locator(".xj-size-refs").count() == 0
        alike = widths(page)
        assert abs(alike[0] - alike[1]) < 1, alike
        assert "sized by" not in page.evaluate("XJMap.describeView(document.querySelector('.folium-map').xjExplorer)")
        page.get_by_role("button", name="One year later").click()
        page.wait_for_function("() => document.querySelector('.folium-map').dataset.xjSize !== ''")
        sized = widths(page)
        assert sized[0] > alike[0] and sized[1] < sized[0]
        assert held.count() == 0 and page.locator(".xj-size-refs").is_visible()
        assert page.evaluate("new URLSearchParams(location.search).get('size')") == measure["key"]
        assert not blocked


def test_sized_ports_draw_the_smaller_circle_over_the_larger(app_url, dataset):
    # Horgos road port, with no figure of the measure, was drawn under the rail port's large circle beside it.
    from geo.render import sizes

    ports = drawable(dataset.ports)
    measure = next(m for m in sizes.measures(dataset.facts, ports) if m["key"].startswith("china_europe_train_routes."))
    with offline_page() as (page, blocked):
        page.goto(f"{app_url}/?size={measure['key']}")
        wait_for_map(page)
        page.wait_for_function("() => document.querySelector('.folium-map').dataset.xjSize !== ''")
        under = page.evaluate(
            """() => {
                const circles = [...document.querySelectorAll('path.xj-port')].map(p => {
                    const r = p.getBoundingClientRect();
                    return {p, id: p.dataset.xjId, x: r.x + r.width / 2, y: r.y + r.height / 2, r: r.width / 2};
                });
                const pairs = [];
                for (const big of circles) for (const small of circles) {
                    if (small.r >= big.r || Math.hypot(small.x - big.x, small.y - big.y) >= big.r) continue;
                    const above = big.p.compareDocumentPosition(small.p) & Node.DOCUMENT_POSITION_FOLLOWING;
                    pairs.push([small.id, big.id, Boolean(above)]);
                }
                return pairs;
            }"""
        )
        assert blocked == []
    assert under, "no smaller circle stands inside a larger one: the case tests nothing"
    assert [pair for pair in under if not pair[2]] == []


def test_a_download_taken_after_choosing_a_year_holds_the_places_of_that_year(app_url, dataset, tmp_path):
    # The year is the browser's alone (no run of its own), so the files held every place, also those its map
    # leaves off; pressing a download now sends the year first, as it sends a move.
    years = timeline.change_years(timeline.history(dataset.ports, dataset.events))
    year = years[len(years) // 3]
    frames = {"ports": dataset.ports, "corridors": dataset.corridors, "zones": dataset.zones}
    want = {k: len(v) for k, v in timeline.standing(frames, dataset.events, str(year)).items()}
    assert sum(want.values()) < sum(map(len, frames.values()))  # the case tests something
    with offline_page() as (page, blocked):
        page.goto(app_url)
        wait_for_map(page)
        idle(page)
        page.locator(".xj-year-range").fill(str(year))
        assert page.locator(".xj-status").inner_text().startswith(f"As of {year}: ")
        with page.expect_download(timeout=60_000) as download:
            page.get_by_role("button", name="Places (GeoJSON)").click()
        download.value.save_as(tmp_path / "places.geojson")
        assert blocked == []
    collection = json.loads((tmp_path / "places.geojson").read_text(encoding="utf-8"))
    held = {layer: 0 for layer in want}
    for feature in collection["features"]:
        held[feature["properties"]["layer"]] += 1
    assert held == want
    assert collection["view"].get("year") == str(year)
