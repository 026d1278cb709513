"""The standalone HTML of one view: only the places shown, only the period's figures, a title that says so."""

from __future__ import annotations

import re
from datetime import date

import pytest

from geo.data import periods
from geo.data.dataset import load_dataset
from geo.explore.filter import filter_layer
from geo.explore.urlstate import View
from geo.render import mapping, viewmap


@pytest.fixture(scope="module")
def real():
    from geo import settings

    return load_dataset(settings.DATA_DIR)


@pytest.mark.parametrize(
    ("view", "starts"),
    [
        (View(), "All ports, all figures — 22 of 22 ports"),
        (View(modes=("rail",), period="2025"), "Rail ports, 2025 figures — "),
        (View(countries=("KAZ",), statuses=("operational",)), "All ports (Kazakhstan; Operational), all figures — "),
        (View(text="horgos"), "All ports, matching “horgos”, all figures — "),
        (View(zone_kinds=("ftz_section",)), "All ports, zones: Pilot FTZ area, all figures — "),
    ],
)
def test_the_title_says_what_the_view_shows(real, view, starts):
    title = viewmap.view_title(real, view)
    assert title.startswith(starts)
    shown = filter_layer(real.ports, "ports", view.filters(), view.text)
    assert title.endswith(f"— {len(shown)} of {len(real.ports)} ports")


def test_the_file_holds_only_the_places_shown_and_says_so(real):
    view = View(modes=("rail",))
    html = viewmap.view_html(real, view, made=date(2026, 1, 2))
    rail = filter_layer(real.ports, "ports", {"modes": ("rail",)})
    assert 0 < len(rail) < len(real.ports)
    for port in real.ports.index:
        assert (f'"id": "{port}"' in html) == (port in rail.index), port
    title = viewmap.view_title(real, view)
    assert f"<title>{title}</title>" in html and f'<h1 class="xj-view-title">{title}</h1>' in html
    assert "2026-01-02" in html


def figures_option(m) -> tuple[dict, dict | None]:
    """The file's figures table and the period its popups compose them for."""
    options = next(c for c in m._children.values() if isinstance(c, mapping.Explorer)).options
    return options["figures"], options.get("period")


def test_the_files_popups_compose_the_periods_figures(real):
    table, period = figures_option(viewmap.view_map(real, View(period="2025")))
    assert period == {"start": "2025-01-01", "end": "2025-12-31", "label": "2025", "param": "2025"}
    assert figures_option(viewmap.view_map(real, View()))[1] is None
    # The one table holds every figure of the places shown; the popups show those overlapping the period
    # (the rule tested in tests/js and tests/e2e/test_takeaway.py) and say how many they leave out.
    inside = [periods.overlaps(p, date(2025, 1, 1), date(2025, 12, 31)) for p in real.facts["period"]]
    assert any(inside) and not all(inside)
    before = [end for end in table["end"] if end < "2025-01-01"]
    assert before and len(before) < len(table["end"])
    html = viewmap.view_html(real, View(period="2025"))
    assert re.search(r"Figures whose period overlaps 2025 only; [1-9][0-9]* others are left out", html)


def test_search_text_is_escaped_in_the_title(real):
    html = viewmap.view_html(real, View(text="<img src=x onerror=alert(1)>"))
    assert "<img src=x" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_the_selection_and_position_travel_and_a_hidden_selection_does_not(real):
    html = viewmap.view_html(real, View(selected="horgos-rail", at=(44.2, 80.4, 8.0)))
    assert '"selected": "horgos-rail"' in html and '"at": [44.2, 80.4, 8.0]' in html
    hidden = viewmap.view_html(real, View(modes=("air",), selected="horgos-rail"))
    assert '"selected": ""' in hidden and "Selected:" not in hidden
