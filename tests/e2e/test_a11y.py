"""For everyone: light and dark, a phone, the keyboard and a screen reader, in an offline Chromium (issue 19)."""

from __future__ import annotations

import functools
import http.server
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from playwright.sync_api import Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from geo import settings
from geo.render import mapping
from geo.render.mapping import drawable
from tests.e2e.browser import (
    PROJECT_DIR,
    _browser,
    _offline,
    idle,
    offline_page,
    open_filter,
    wait_for_markers,
)

SCREENS = {"desktop": (1400, 900), "phone": (390, 844)}
AXE = PROJECT_DIR / "node_modules" / "axe-core" / "axe.min.js"
AA = 4.5  # WCAG 2 AA contrast for normal text

# WCAG contrast of an element's text against what lies behind it: the first opaque background among its
# ancestors, with the translucent ones on the way blended over it (a map image behind is taken as its
# container's colour; the legend and popups are near-opaque, so this is within a few hundredths).
CONTRAST = """(el, pseudo) => {
    const parse = c => { const m = c.match(/[\\d.]+/g).map(Number); return [m[0], m[1], m[2], m.length > 3 ? m[3] : 1]; };
    const over = (top, under) => [0, 1, 2].map(i => top[i] * top[3] + under[i] * (1 - top[3])).concat([1]);
    const layers = [];
    for (let node = el; node; node = node.parentElement) {
        const bg = parse(getComputedStyle(node).backgroundColor);
        if (bg[3] > 0) layers.push(bg);
        if (bg[3] >= 1) break;
    }
    let back = [255, 255, 255, 1];
    for (const bg of layers.reverse()) back = over(bg, back);
    const fore = over(parse(getComputedStyle(el, pseudo).color), back);
    const lum = c => { const v = c.slice(0, 3).map(x => x / 255).map(x => x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4);
                       return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2]; };
    const [a, b] = [lum(fore), lum(back)];
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}"""

# Text that a viewer reads on the page (not hidden, not inside Streamlit's canvas tables), with Chinese in it.
CHINESE_OUTSIDE_ZH = r"""() => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const found = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const el = node.parentElement;
        if (!/[\u3400-\u9fff]/.test(node.data) || el.closest('canvas, [aria-hidden="true"], style, script, [hidden]')) continue;
        if (!el.getClientRects().length) continue;
        const lang = el.closest('[lang]').getAttribute('lang');
        if (!lang.startsWith('zh')) found.push(node.data.trim());
    }
    return found;
}"""


@contextmanager
def themed_page(url: str, screen: str, scheme: str) -> Iterator[Page]:
    """The app in an offline Chromium whose system setting is ``scheme`` (light or dark), map drawn."""
    width, height = SCREENS[screen]
    blocked: list[str] = []
    # The module's one Chromium (tests/e2e/conftest.py): Playwright's sync API allows no second one beside it.
    with _browser() as browser:
        context = browser.new_context(
            viewport={"width": width, "height": height}, color_scheme=scheme, has_touch=screen == "phone"
        )
        try:
            page = _offline(context.new_page(), blocked)
            page.goto(url)
            wait_for_markers(page)
            yield page
        finally:
            context.close()
    assert blocked == []


def contrast(page: Page, selector: str, pseudo: str | None = None) -> list[float]:
    """The contrast of every visible element that ``selector`` finds (one ratio each)."""
    found = page.locator(selector)
    ratios = [found.nth(i).evaluate(CONTRAST, pseudo) for i in range(found.count()) if found.nth(i).is_visible()]
    assert ratios, f"nothing visible matches {selector}"
    return ratios


def show_legend(page: Page) -> None:
    legend = page.locator(".xj-legend")
    if not legend.evaluate("d => d.open"):
        legend.locator("summary").click()


def page_background_luminance(page: Page) -> float:
    return page.evaluate(
        """() => { const [r, g, b] = getComputedStyle(document.querySelector('.stApp')).backgroundColor
                   .match(/\\d+/g).map(Number); return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255; }"""
    )


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("screen", list(SCREENS))
def test_text_is_readable_in_light_and_dark(app_url, screen, scheme):
    with themed_page(app_url, screen, scheme) as page:
        # The browser's setting is followed: a dark page in dark mode, a light one in light mode.
        assert (page_background_luminance(page) < 0.2) == (scheme == "dark")
        show_legend(page)
        if page.locator(".xj-more").is_visible():
            page.locator(".xj-more").click()
        measured = {
            "title": contrast(page, ".xj-header h1"),
            "subtitle": contrast(page, ".xj-header p"),
            "filter lists": contrast(page, ".xj-filter > summary"),
            "search text": contrast(page, ".xj-search"),
            "search hint": contrast(page, ".xj-search", "::placeholder"),
            "buttons": contrast(page, ".xj-bar .xj-button"),
            "counts": contrast(page, ".xj-status"),
            "tables link": contrast(page, ".xj-tables"),
            "legend": contrast(page, ".xj-legend summary, .xj-legend b, .xj-legend .xj-item"),
            "legend notes": contrast(page, ".xj-legend .xj-hint, .xj-legend .xj-credit"),
        }
        open_filter(page, "Port mode")
        measured["filter options"] = contrast(page, ".xj-filter[open] .xj-options label")
        open_filter(page, "Period of figures")
        measured["period months"] = contrast(page, ".xj-period select")
        measured["period note"] = contrast(page, ".xj-period .xj-hint")
        measured["size by"] = contrast(page, ".xj-size-select")
        # The map's panels are light in both modes, and so are their form controls (a dark select sat on one).
        assert page.locator(".xj-size-select").evaluate("s => getComputedStyle(s).colorScheme") == "light"
        low = {name: round(min(ratios), 2) for name, ratios in measured.items() if min(ratios) < AA}
        print(screen, scheme, {name: round(min(ratios), 2) for name, ratios in measured.items()})
        assert low == {}, f"below {AA}:1 in {scheme} mode on a {screen}: {low}"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_place_without_figures_says_so_readably(app_url, dataset, scheme):
    # A corridor no article gives a figure for says so in its sheet; the note was #777 on white, 4.47:1 (axe, a phone).
    bare = [cid for cid in dataset.corridors.index if cid not in set(dataset.facts["entity_id"])]
    assert bare, "every corridor has a figure: choose another place without one"
    with themed_page(app_url, "phone", scheme) as page:
        page.locator(f'[data-xj-id="{bare[0]}"]').dispatch_event("click")
        page.locator(".leaflet-popup .xj-none").wait_for()
        assert min(contrast(page, ".leaflet-popup .xj-none")) >= AA


@pytest.mark.parametrize("screen", ["desktop", "phone"])
def test_a_popups_close_mark_is_readable(app_url, dataset, screen):
    # Leaflet draws its "×" in #757575, 4.0:1 on the popup's white (a new viewer's pass measured it).
    with themed_page(app_url, screen, "light") as page:
        page.locator(f'[data-xj-id="{dataset.corridors.index[0]}"]').dispatch_event("click")
        page.locator(".leaflet-popup-close-button").wait_for()
        assert min(contrast(page, ".leaflet-popup-close-button")) >= AA


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_charts_words_are_readable_in_light_and_dark(app_url, scheme):
    # Vega draws a text mark black unless told: the bars' figures could not be read on the dark page; and
    # Streamlit's grey axis labels read at 3.7:1 on the light one.
    with themed_page(f"{app_url}/?selected=horgos-rail", "desktop", scheme) as page:
        words = page.locator('[data-testid="stVegaLiteChart"] svg.marks text')
        page.locator('[data-testid="stVegaLiteChart"] g.mark-text.role-mark text').first.wait_for(
            state="attached", timeout=30_000
        )
        fill = CONTRAST.replace("getComputedStyle(el, pseudo).color", "getComputedStyle(el, pseudo).fill")
        ratios = {words.nth(i).text_content(): words.nth(i).evaluate(fill, None) for i in range(words.count())}
        low = {text: round(ratio, 2) for text, ratio in ratios.items() if ratio < AA}
        assert low == {}, f"chart words below {AA}:1 in {scheme} mode: {low}"


def test_a_row_reached_by_the_keyboard_shows_its_name(app_url):
    # Tabbing through the sort buttons scrolls the wide table to its right; the row reached next showed only
    # empty figure columns. The name column stays in view.
    with themed_page(app_url, "desktop", "light") as page:
        # Once the page has settled (the map's first report reruns it and may redraw the table under the focus), as
        # a person waits before tabbing through it.
        page.wait_for_function("() => /[?&]at=/.test(location.search)")
        idle(page)
        page.locator(".xj-places .xj-sort").last.focus()
        assert page.evaluate("() => document.activeElement.closest('.xj-panel').scrollLeft") > 0
        page.keyboard.press("Tab")
        seen = page.evaluate(
            """() => { const row = document.activeElement, cell = row.cells && row.cells[0];
                if (!cell || !row.matches('tr[data-xj-row]')) return null;
                const r = cell.getBoundingClientRect(), p = row.closest('.xj-panel').getBoundingClientRect();
                const top = document.elementFromPoint(r.left + 8, r.top + r.height / 2);
                return {inside: r.left >= p.left - 1 && r.left + 8 < p.right, shown: cell.contains(top),
                        name: cell.textContent}; }"""
        )
        assert seen is not None, "Tab after the last sort button reaches a row"
        assert seen["inside"] and seen["shown"] and seen["name"].strip(), seen
        # ... and the row shows from its start: the columns after the name (modes, kind) were scrolled away.
        assert page.evaluate("() => document.activeElement.closest('.xj-panel').scrollLeft") == 0


def test_an_arrow_key_on_the_table_goes_into_its_rows_and_enter_selects(app_url):
    # The hint says "arrow keys and Enter", but on the table's own Tab stop an arrow only scrolled it; the rows
    # lay past every column's sort button.
    with themed_page(app_url, "desktop", "light") as page:
        page.locator(".xj-places .xj-sort").last.focus()  # scrolls the table to its right, as a keyboard user does
        page.locator(".xj-places .xj-panel").focus()
        page.keyboard.press("ArrowDown")
        focused = page.evaluate("() => [document.activeElement.getAttribute('aria-rowindex'), "
                                "document.activeElement.closest('.xj-panel').scrollLeft]")  # fmt: skip
        assert focused == ["2", 0]
        page.keyboard.press("ArrowDown")
        assert page.evaluate("document.activeElement.getAttribute('aria-rowindex')") == "3"
        place = page.evaluate("document.activeElement.dataset.xjPlace")
        page.keyboard.press("Enter")
        page.wait_for_function(f"() => new URLSearchParams(location.search).get('selected') === {place!r}")


def test_the_layers_list_opens_onto_its_choices_and_closes_from_the_keyboard(app_url):
    # Enter opened the list but hid the button that had the focus: the focus fell to the page's body, and the list
    # stayed open over "Size by" and the legend once the keyboard moved on.
    with themed_page(app_url, "desktop", "light") as page:
        box = page.locator(".leaflet-control-layers")
        expanded = "() => document.querySelector('.leaflet-control-layers').matches('.leaflet-control-layers-expanded')"
        page.locator(".leaflet-control-layers-toggle").focus()
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.matches('.leaflet-control-layers input:checked')")
        page.keyboard.press("Escape")
        assert not page.evaluate(expanded)
        assert page.evaluate("document.activeElement.matches('.leaflet-control-layers-toggle')")
        page.keyboard.press("Enter")
        inputs = box.locator("input").count()
        for _ in range(inputs + 1):
            page.keyboard.press("Tab")
            if not page.evaluate("document.querySelector('.leaflet-control-layers').contains(document.activeElement)"):
                break
        assert not page.evaluate(expanded)


def test_escape_folds_the_legend_and_gives_the_focus_back_to_its_summary(app_url):
    # Escape did nothing in the open legend: its body kept the focus and went on covering the map.
    with themed_page(app_url, "desktop", "light") as page:
        legend = page.locator(".xj-legend")
        folded = "d => !d.open && document.activeElement === d.querySelector('summary')"
        show_legend(page)
        legend.locator(".xj-legend-body").focus()  # its scrolling body, a Tab stop
        page.keyboard.press("Escape")
        assert legend.evaluate(folded)
        assert legend.locator(".xj-legend-body").is_hidden()
        page.set_viewport_size({"width": 1300, "height": 900})  # the map resizes: folded by the viewer, it stays so
        page.wait_for_timeout(300)
        assert legend.evaluate("d => !d.open")
        # Opened from the keyboard, with a popup open on the map: Escape folds the legend, the popup stays.
        page.locator('path.xj-port[data-xj-id="horgos-rail"]').click(force=True)
        page.locator(".leaflet-popup").wait_for()
        legend.locator("summary").focus()
        page.keyboard.press("Enter")
        assert legend.evaluate("d => d.open")
        page.keyboard.press("Escape")
        assert legend.evaluate(folded)
        assert page.locator(".leaflet-popup").is_visible()
        page.keyboard.press("Escape")  # the next press closes the popup
        page.locator(".leaflet-popup").wait_for(state="detached")


def test_escape_closes_a_popup_a_click_opened(app_url):
    # Opened by a click, the focus stays on the page's body, where Leaflet's Escape (on the map's box) never
    # heard the key: only the close button closed it.
    with themed_page(app_url, "desktop", "light") as page:
        page.locator('path.xj-port[data-xj-id="horgos-rail"]').click(force=True)
        page.locator(".leaflet-popup").wait_for()
        page.keyboard.press("Escape")
        page.locator(".leaflet-popup").wait_for(state="detached")  # a loaded machine once took over 2 s


def test_a_filter_list_closes_with_escape_and_when_the_keyboard_moves_on(app_url):
    # An open list stayed open over the next controls while the keyboard moved through them.
    with themed_page(app_url, "desktop", "light") as page:
        kind = page.locator('.xj-filter[data-control="kinds"]')
        kind.locator("summary").focus()
        page.keyboard.press("Enter")
        page.keyboard.press("Tab")  # into the list: its first choice
        assert kind.evaluate("d => d.open && d.contains(document.activeElement)")
        page.keyboard.press("Escape")
        assert kind.evaluate("d => !d.open && document.activeElement === d.querySelector('summary')")
        page.keyboard.press("Enter")
        for _ in range(kind.locator("input").count() + 1):  # through every choice, and on
            page.keyboard.press("Tab")
        assert kind.evaluate("d => !d.open && !d.contains(document.activeElement)")
        # A click on a choice's words still ticks it, the list staying open.
        page.keyboard.press("Shift+Tab")
        kind.locator("summary").click()
        kind.locator("label").first.click()
        assert kind.evaluate("d => d.open && d.querySelector('input').checked")


def test_a_tapped_place_stays_in_view_beside_its_sheet_and_its_name_goes_with_it(app_url):
    # On a phone a port's popup is a sheet over part of the map: a tapped port near the bottom ended up under
    # it; and the name the tap showed stayed over the map once the sheet was closed.
    with themed_page(app_url, "phone", "light") as page:
        stage = page.locator(".folium-map").bounding_box()
        lowest = page.evaluate(
            """() => [...document.querySelectorAll('path.xj-port')].map(e => [e.dataset.xjId, e.getBoundingClientRect()])
                 .sort((a, b) => b[1].top - a[1].top)[0][0]"""
        )
        port = page.locator(f'path.xj-port[data-xj-id="{lowest}"]')
        assert port.bounding_box()["y"] > stage["y"] + stage["height"] / 2  # the case tests something
        port.tap()
        sheet = page.locator(".leaflet-popup")
        sheet.wait_for()
        page.wait_for_timeout(300)
        symbol, box = port.bounding_box(), sheet.bounding_box()
        apart = symbol["y"] + symbol["height"] <= box["y"] or symbol["y"] >= box["y"] + box["height"]
        assert apart, f"the tapped port {symbol} is under its sheet {box}"
        page.locator(".leaflet-popup-close-button").tap()
        sheet.wait_for(state="detached")
        assert page.locator(".leaflet-tooltip").count() == 0 or not page.locator(".leaflet-tooltip").is_visible()


def test_no_port_s_sheet_covers_the_port(app_url):
    # A port just above the map's middle got its sheet below, from where its spread-apart symbol was drawn
    # a symbol's width lower than its position: the sheet covered it.
    with themed_page(app_url, "phone", "light") as page:
        stage = page.locator(".folium-map").bounding_box()
        ids = page.evaluate("() => [...document.querySelectorAll('path.xj-port')].map(e => e.dataset.xjId)")
        covered, tried = [], 0
        for pid in ids:
            port = page.locator(f'path.xj-port[data-xj-id="{pid}"]')
            symbol = port.bounding_box()
            if not symbol or not (stage["y"] < symbol["y"] < stage["y"] + stage["height"] - symbol["height"]):
                continue
            tried += 1
            port.dispatch_event("click")
            sheet = page.locator(".leaflet-popup")
            sheet.wait_for()
            page.wait_for_timeout(150)
            symbol, box = port.bounding_box(), sheet.bounding_box()
            if not (symbol["y"] + symbol["height"] <= box["y"] or symbol["y"] >= box["y"] + box["height"]):
                covered.append(pid)
            page.locator(".leaflet-popup-close-button").dispatch_event("click")
            sheet.wait_for(state="detached")
        assert tried >= 10
        assert covered == []


UNDER_POPUP = """() => { const p = document.querySelector('.leaflet-popup').getBoundingClientRect();
    return [...document.querySelectorAll('.leaflet-top.leaflet-right > .leaflet-control')].filter(c => {
        const b = c.getBoundingClientRect(), shown = getComputedStyle(c).visibility !== 'hidden';
        return shown && p.right > b.left && b.right > p.left && p.bottom > b.top && b.bottom > p.top;
    }).map(c => c.className); }"""


def test_no_control_lies_over_an_open_popup(app_url, dataset):
    # "Size by" hid the end of a northern port's note: the view, held to the region, could not pan the popup
    # clear of the controls, which Leaflet draws above popups.
    with themed_page(app_url, "desktop", "light") as page:
        overlapped = []
        for pid in drawable(dataset.ports).index:
            port = page.locator(f'path.xj-port[data-xj-id="{pid}"]')
            if not port.count():
                continue
            port.dispatch_event("click")
            page.locator(".leaflet-popup").wait_for()
            page.wait_for_timeout(100)
            overlapped += [(pid, c) for c in page.evaluate(UNDER_POPUP)]
            page.locator(".leaflet-popup-close-button").dispatch_event("click")
            page.locator(".leaflet-popup").wait_for(state="detached")
        assert overlapped == []
        # Closed, every control is back in sight.
        assert page.locator(".leaflet-control.xj-under-popup").count() == 0


def test_the_map_s_light_panels_draw_light_form_controls_in_dark_mode(app_url):
    # In dark mode the layers list drew dark radio buttons on its white panel: the base map not chosen, a solid
    # dark disc, read as the chosen one.
    with themed_page(app_url, "desktop", "dark") as page:
        schemes = page.evaluate(
            """() => [...document.querySelectorAll('.leaflet-control input, .leaflet-control select')]
                 .map(e => [e.type || e.tagName, getComputedStyle(e).colorScheme])"""
        )
        assert any(kind == "radio" for kind, _ in schemes)
        assert {scheme for _, scheme in schemes} == {"light"}, schemes


def test_every_tab_stop_shows_where_the_focus_is(app_url):
    # Streamlit's main block is a Tab stop and showed no focus ring: a keyboard user lost the focus there. Its
    # charts' toolbars and headings' links show only under the pointer: the keyboard reached them unseen.
    with themed_page(f"{app_url}/?selected=horgos-rail", "desktop", "light") as page:
        unseen, stops = set(), 0
        for _ in range(400):  # the whole page, to the document's end (about 150 stops)
            page.keyboard.press("Tab")
            if page.evaluate("() => document.activeElement === document.body"):
                break
            stops += 1
            what = page.evaluate(FOCUSED)
            if not what["ring"]:
                unseen.add(what["what"])
            try:  # seen: every element around it opaque, once its fade in (Streamlit's) has run
                page.wait_for_function(OPAQUE, timeout=5_000)
            except PlaywrightTimeout:
                unseen.add(what["what"] + " (transparent)")
        assert stops > 100 and unseen == set()


FOCUSED = """() => { const e = document.activeElement, c = getComputedStyle(e);
    return {what: e.tagName + ' ' + (e.getAttribute('data-testid') || e.className || '') + ' '
                  + (e.getAttribute('aria-label') || e.textContent || '').slice(0, 30),
            ring: c.outlineStyle !== 'none' || c.boxShadow !== 'none'}; }"""
OPAQUE = """() => { let seen = 1;
    for (let n = document.activeElement; n && n.nodeType === 1; n = n.parentElement) seen *= +getComputedStyle(n).opacity;
    return seen > 0.9; }"""


def axe(page: Page) -> dict[str, list[str]]:
    """axe-core's violations on the page now, by impact: {impact: [rule id (count)]}."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    found = page.evaluate(
        """async () => (await axe.run(document, {resultTypes: ['violations']})).violations
              .map(v => ({impact: v.impact, rule: v.id + ' (' + v.nodes.length + ')'}))"""
    )
    out: dict[str, list[str]] = {}
    for violation in found:
        out.setdefault(violation["impact"], []).append(violation["rule"])
    return out


@pytest.mark.parametrize(("screen", "scheme"), [("desktop", "light"), ("desktop", "dark"), ("phone", "dark")])
def test_axe_finds_no_problem(app_url, dataset, screen, scheme):
    """No violation of any impact: headings in order (the popups' and sections' under the page's title), names,
    roles, contrast, in each state a viewer reaches first."""
    results = {}
    corridor = dataset.corridors.index[0]
    with themed_page(app_url, screen, scheme) as page:
        results["opening"] = axe(page)
        page.locator('path.xj-port[data-xj-id="horgos-rail"]').dispatch_event("click")
        page.locator(".leaflet-popup .xj-popup h2", has_text="Horgos Railway Port").wait_for()
        page.locator("h3.xj-title", has_text="Horgos Railway Port").wait_for()  # the details panel too
        results["selected"] = axe(page)
        page.keyboard.press("Escape")
        # the popup fades out: axe read its half-faded text as low contrast when the next step came too soon
        page.locator(".leaflet-popup").wait_for(state="detached")
        open_filter(page, "Port mode")
        results["filters open"] = axe(page)
        open_filter(page, "Period of figures")
        results["period open"] = axe(page)
        page.keyboard.press("Escape")
        # a corridor's popup: its close button's "#close" once read to axe as a skip link with nowhere to go
        page.locator(f'path.xj-corridor[data-xj-id="{corridor}"]').dispatch_event("click")
        page.locator(".leaflet-popup .xj-popup h2", has_text=dataset.corridors.loc[corridor, "name"]).wait_for()
        page.locator("h3.xj-title", has_text=dataset.corridors.loc[corridor, "name"]).wait_for()
        page.wait_for_function("() => getComputedStyle(document.querySelector('.leaflet-popup')).opacity === '1'")
        results["corridor selected"] = axe(page)  # the popup faded in
    assert results == {"opening": {}, "selected": {}, "filters open": {}, "period open": {}, "corridor selected": {}}


def test_every_symbol_a_keyboard_reaches_is_named(app_url, dataset):
    with themed_page(app_url, "desktop", "light") as page:
        container = page.locator(".folium-map")
        assert container.get_attribute("aria-label") == mapping.MAP_LABEL
        # Its text alternative: the tables, which the link the map is described by leads to.
        described = page.locator(f"#{container.get_attribute('aria-describedby')}")
        assert described.inner_text() == "The places as tables"
        page.locator(".xj-search").focus()
        names: dict[str, str | None] = {}
        for _ in range(80):
            page.keyboard.press("Tab")
            focused = page.evaluate(
                """() => { const e = document.activeElement;
                           return {inMap: Boolean(e.closest('.leaflet-pane')), id: e.dataset ? e.dataset.xjId : null,
                                   name: e.getAttribute('aria-label') || e.textContent.trim() || null}; }"""
            )
            if focused["inMap"]:
                names[focused["id"]] = focused["name"]
        drawn = [*drawable(dataset.ports).index, *dataset.corridors.index, *dataset.zones.index]
        assert sorted(names) == sorted(drawn)  # ports, corridors and zones (as their symbols) all reachable
        assert [i for i, name in names.items() if not name] == []
        assert names["horgos-rail"] == "Horgos Railway Port, rail, operational"
        assert names["alashankou-rail"].startswith("Alashankou Railway Port, rail, ")
        # Enter on a focused symbol opens its popup, as a click does.
        page.locator('[data-xj-id="khunjerab"]').focus()
        page.keyboard.press("Enter")
        page.locator(".leaflet-popup h2", has_text=dataset.ports.loc["khunjerab", "name"]).wait_for()
        # The link leads to the tables.
        page.keyboard.press("Escape")
        page.locator(".xj-tables").click()
        heading = page.get_by_role("heading", name="Places shown")
        page.wait_for_function("h => h.getBoundingClientRect().top < innerHeight", arg=heading.element_handle())
        assert page.evaluate("() => document.activeElement.id") == "places-shown"


def test_chinese_text_is_marked_as_chinese(app_url, dataset):
    with themed_page(app_url, "desktop", "light") as page:
        port = page.locator('path.xj-port[data-xj-id="horgos-rail"]')
        port.hover()
        tooltip = page.locator(".leaflet-tooltip", has_text=dataset.ports.loc["horgos-rail", "name_zh"])
        tooltip.wait_for()
        assert page.evaluate(CHINESE_OUTSIDE_ZH) == []
        port.dispatch_event("click")
        page.locator("h3.xj-title", has_text="Horgos Railway Port").wait_for()
        popup = page.locator(".leaflet-popup [lang='zh']", has_text=dataset.ports.loc["horgos-rail", "name_zh"])
        popup.wait_for()
        assert page.evaluate(CHINESE_OUTSIDE_ZH) == []


@pytest.mark.parametrize("screen", list(SCREENS))
def test_the_title_is_never_under_streamlits_header(app_url, screen):
    with themed_page(app_url, screen, "light") as page:
        title = page.locator(".xj-header h1")
        covered = title.evaluate(
            """h => { const r = h.getBoundingClientRect();
                      return [[r.left + 2, r.top + 2], [r.right - 2, r.top + 2], [r.left + 2, r.bottom - 2]]
                          .filter(([x, y]) => !h.contains(document.elementFromPoint(x, y))); }"""
        )
        assert covered == []
        assert title.inner_text() == settings.TITLE


@pytest.mark.parametrize("screen", list(SCREENS))
def test_a_phone_is_told_where_the_side_panel_went(app_url, screen):
    # On a phone Streamlit folds the sidebar (the counts, the articles' counts, the upload) behind a bare ».
    with themed_page(app_url, screen, "light") as page:
        hint = page.locator(".xj-header p", has_text="The side panel (» at the top left)")
        upload = page.get_by_text("Add your own layer")
        if screen == "phone":
            assert hint.is_visible() and not upload.is_visible()
            page.get_by_role("button", name="Expand sidebar").click()
            upload.wait_for()
        else:
            assert not hint.is_visible() and upload.is_visible()


def popups_stay_inside_the_map(page: Page, dataset) -> None:
    """A tapped place's popup is a sheet inside the map: within its edges, its title in view."""
    edges = page.locator(".folium-map").bounding_box()
    # The northernmost, easternmost and southernmost ports, and the one with the longest popup.
    ports = drawable(dataset.ports)
    picks = {ports.geometry.y.idxmax(), ports.geometry.x.idxmax(), ports.geometry.y.idxmin(), "horgos-rail"}
    for port in sorted(picks):
        page.locator(f'path.xj-port[data-xj-id="{port}"]').dispatch_event("click")
        title = page.locator(".leaflet-popup h2", has_text=ports.loc[port, "name"])
        title.wait_for()
        box = page.locator(".leaflet-popup").bounding_box()
        assert box["x"] >= edges["x"] and box["x"] + box["width"] <= edges["x"] + edges["width"], port
        assert box["y"] >= edges["y"] and box["y"] + box["height"] <= edges["y"] + edges["height"], port
        assert title.evaluate(
            "h => { const r = h.getBoundingClientRect(); return h.contains(document.elementFromPoint(r.left + 5, r.top + r.height / 2)); }"
        ), port
        page.locator(".leaflet-popup-close-button").click()


def test_a_phones_popup_stays_inside_the_map(app_url, dataset):
    with themed_page(app_url, "phone", "light") as page:
        popups_stay_inside_the_map(page, dataset)


def test_a_phones_popup_stays_inside_the_map_in_the_export(dataset, tmp_path):
    mapping.export_html(dataset, tmp_path / "map.html")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    with server, offline_page(*SCREENS["phone"]) as (page, blocked):
        page.goto(f"http://127.0.0.1:{server.server_address[1]}/map.html")
        page.locator("path.xj-port").first.wait_for()
        popups_stay_inside_the_map(page, dataset)
        assert blocked == []
        server.shutdown()


def test_a_phones_filter_options_are_big_enough_to_tap(app_url):
    with themed_page(app_url, "phone", "light") as page:
        box = open_filter(page, "Port mode")
        sizes = [
            box.locator("label").nth(i).bounding_box() | {"box": box.locator("input").nth(i).bounding_box()}
            for i in range(box.locator("label").count())
        ]
        assert all(s["height"] >= 32 and s["box"]["width"] >= 18 for s in sizes), sizes


def test_the_legend_explains_the_border_lines(app_url):
    with themed_page(app_url, "desktop", "light") as page:
        show_legend(page)
        legend = page.locator(".xj-legend")
        swatches = {
            legend.locator(".xj-item", has_text=text).locator("i").evaluate("i => getComputedStyle(i).borderTopColor")
            for text in ("Xinjiang's boundary", "international border")
        }
        # The colours the legend explains are the colours the map draws its outlines in.
        drawn = set(
            page.evaluate(
                "() => [...document.querySelectorAll('.leaflet-xjAdmin-pane path')].map(p => getComputedStyle(p).stroke)"
            )
        )
        assert len(swatches) == 2 and swatches <= drawn, (swatches, drawn)


def test_a_popup_opened_from_the_keyboard_selects_its_place_takes_the_focus_and_gives_it_back(app_url):
    # Its links came in the tab order only after every other symbol of the map (22 ports, zones and corridors),
    # and Enter selected nothing: no Details, no link to the place.
    with themed_page(app_url, "desktop", "light") as page:
        page.locator('path.xj-port[data-xj-id="horgos-road"]').focus()
        page.keyboard.press("Enter")
        page.locator(".leaflet-popup").wait_for()
        # Selected, as a click selects: the address names it (and the page's Details follow it).
        page.wait_for_function("() => new URLSearchParams(location.search).get('selected') === 'horgos-road'")
        page.keyboard.press("Tab")
        focused = page.evaluate(
            """() => { const a = document.activeElement;
                return {inPopup: !!a.closest('.leaflet-popup-content'), tag: a.tagName, href: a.getAttribute('href'),
                        name: a.getAttribute('aria-label')}; }"""
        )
        assert focused["inPopup"] and focused["tag"] == "A" and focused["href"].startswith("http"), focused
        # Named by its source, not "read it" like every other.
        assert re.fullmatch(r"read it: \[1\] \S.+", focused["name"]), focused
        page.keyboard.press("Escape")
        page.locator(".leaflet-popup").wait_for(state="detached")
        assert page.evaluate("document.activeElement.dataset.xjId") == "horgos-road"
        # Space, as a button answers it, does the same (it did nothing, a viewer found).
        page.locator('path.xj-port[data-xj-id="alashankou-rail"]').focus()
        page.keyboard.press(" ")
        page.locator(".leaflet-popup").wait_for()
        page.wait_for_function("() => new URLSearchParams(location.search).get('selected') === 'alashankou-rail'")
        assert "Alashankou" in page.locator(".leaflet-popup").inner_text()
