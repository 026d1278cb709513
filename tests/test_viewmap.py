"""The standalone HTML of one view: only the places shown, only the period's figures, a title that says so."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest

from geo.data.dataset import load_dataset
from geo.explore.filter import filter_layer
from geo.explore.urlstate import View
from geo.render import viewmap


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


def popups(html: str) -> dict[str, str]:
    """Each drawn place's popup HTML by id, decoded from the map's GeoJSON in the file."""
    found = (json.loads(text) for text in re.findall(r'"popup_html": ("(?:[^"\\]|\\.)*")', html))
    return {re.search(r'data-entity="([^"]+)"', popup).group(1): popup for popup in found}


def rows(popup: str) -> list[tuple[str, str]]:
    """The (first, last) day of each figure row in one popup."""
    return re.findall(r'data-start="([0-9-]*)" data-end="([0-9-]+)"', popup)


def spans(html: str) -> list[tuple[str, str]]:
    """The (first, last) day of every figure row in the file's popups."""
    return [
        row
        for popup in popups(html).values()
        for row in re.findall(r'data-start="([0-9-]*)" data-end="([0-9-]+)"', popup)
    ]


def test_the_period_limits_the_figures_in_the_popups(real):
    whole = spans(viewmap.view_html(real, View()))
    limited_html = viewmap.view_html(real, View(period="2025"))
    limited = spans(limited_html)
    assert any(end < "2025-01-01" for _, end in whole), "the data has figures before 2025 in popups"
    assert limited and all(end >= "2025-01-01" and start <= "2025-12-31" for start, end in limited)
    assert len(limited) < len(whole)
    assert re.search(r"Figures whose period overlaps 2025 only; [1-9][0-9]* others are left out", limited_html)


def test_a_place_whose_figures_all_lie_outside_the_period_says_so(real):
    # Not "no figures in the five articles": it has some, none of them in the period.
    whole, limited = popups(viewmap.view_html(real, View())), popups(viewmap.view_html(real, View(period="2024")))
    outside = [i for i, popup in whole.items() if rows(popup) and not rows(limited[i])]
    assert outside, "some place has figures, none of them in 2024"
    for place in outside:
        assert f"None of this place's {len(rows(whole[place]))} figures falls in 2024." in limited[place]
    assert "None of this place" not in "".join(whole.values())


def test_search_text_is_escaped_in_the_title(real):
    html = viewmap.view_html(real, View(text="<img src=x onerror=alert(1)>"))
    assert "<img src=x" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_the_selection_and_position_travel_and_a_hidden_selection_does_not(real):
    html = viewmap.view_html(real, View(selected="horgos-rail", at=(44.2, 80.4, 8.0)))
    assert '"selected": "horgos-rail"' in html and '"at": [44.2, 80.4, 8.0]' in html
    hidden = viewmap.view_html(real, View(modes=("air",), selected="horgos-rail"))
    assert '"selected": ""' in hidden and "Selected:" not in hidden
