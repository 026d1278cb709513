"""The selected place's details, as a reader sees them: the page's width on a wide screen."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from playwright.sync_api import Page

from geo.data import join
from geo.render import charts
from tests.e2e.browser import _browser, _offline, idle, wait_for_map

# The page has settled: its script idle, the map's position in the address (its first report answered) and no report
# waiting in the map's debounce; a row clicked before that can be redrawn under the pointer.
SETTLED = """() => document.querySelector('[data-testid=stApp]').dataset.testScriptState === 'notRunning'
    && /[?&]at=/.test(location.search) && !document.querySelector('.xj-root').xjState.reportSoon.pending()"""
# The details' parts, in shares of the page's width, and where the first chart stands against the figures table.
PARTS = """h => { const page = document.documentElement.clientWidth, box = e => e.getBoundingClientRect();
    const panel = h.closest('[data-testid="stVerticalBlock"]'), table = panel.querySelector('table.xj-facts');
    const chart = panel.querySelector('[data-testid="stVegaLiteChart"]');
    const t = box(table), c = box(chart);
    return {panel: box(panel).width / page, table: t.width / page, chart: c.width / page,
            chartBeside: c.left >= t.right && c.top < t.bottom}; }"""


@contextmanager
def settled_page(url: str, width: int, height: int) -> Iterator[Page]:
    """The app offline on a screen of this size, settled; nothing may leave the machine."""
    blocked: list[str] = []
    with _browser() as browser:
        context = browser.new_context(viewport={"width": width, "height": height})
        try:
            page = _offline(context.new_page(), blocked)
            page.goto(url)
            wait_for_map(page)
            page.wait_for_function(SETTLED, timeout=60_000)
            yield page
        finally:
            context.close()
    assert blocked == []


def heading(page: Page, name: str):
    """The details panel's heading for a place (not the map popup's)."""
    return page.locator("h3.xj-title").filter(has_text=re.compile(f"^{re.escape(name)}$"))


def charted_port(dataset) -> str:
    """The port with the most figures among those the details chart."""
    cited = join.with_parents(join.cite(dataset.facts, dataset.sources), dataset.parents(), dataset.entity_names())
    ports = [p for p in dataset.ports.index if charts.place_charts(join.facts_for(cited, p), p, min_figures=2)]
    return max(ports, key=lambda p: len(join.facts_for(cited, p)))


@pytest.mark.parametrize(("width", "height"), [(1400, 900), (1920, 1080)])
def test_on_a_wide_screen_the_details_take_the_page_width_with_charts_beside_the_figures(
    app_url, dataset, width, height
):
    # They were a column two fifths wide beside the tables (a quarter of the page), the figures' every line wrapped
    # and the charts under them, while the space under the tables sat empty.
    port = charted_port(dataset)
    with settled_page(app_url, width, height) as page:
        page.locator(f'.xj-places tr[data-xj-place="{port}"]').click()
        title = heading(page, dataset.ports.loc[port, "name"])
        title.wait_for(timeout=90_000)  # the choice's run draws them: a loaded CI machine took over 30 s
        page.locator('[data-testid="stVegaLiteChart"] canvas, [data-testid="stVegaLiteChart"] svg').first.wait_for()
        idle(page)
        parts = title.evaluate(PARTS)
        assert parts["panel"] >= 0.6, parts
        assert parts["table"] >= 0.35, parts
        assert parts["chartBeside"], parts
