"""The explorer in a real headless Chromium with the network closed: draw, filter, click, read sources."""

from __future__ import annotations

from tests.e2e.browser import map_frame, offline_page, wait_for_markers


def choose_prepared(page, label: str, option: str):
    """Open a sidebar multiselect and return its option, ready to click (the benchmark times the click)."""
    box = page.get_by_test_id("stMultiSelect").filter(has_text=label)
    box.locator("input").click()
    choice = page.get_by_role("option", name=option, exact=True)
    choice.wait_for()
    return choice


def choose(page, label: str, option: str) -> None:
    """Pick an option in a sidebar multiselect, as a user would."""
    choose_prepared(page, label, option).click()
    page.keyboard.press("Escape")


def test_explore_offline(app_url, dataset, tmp_path):
    with offline_page() as (page, blocked):
        page.goto(app_url)
        assert wait_for_markers(page) == len(dataset.ports)
        page.wait_for_timeout(300)  # let the zones and corridors settle before counting them
        frame = map_frame(page)
        assert frame.locator(".xj-corridor").count() == len(dataset.corridors)
        assert frame.locator(".xj-zone").count() == len(dataset.zones)

        frame.evaluate("window.xjMarkedBeforeFilter = true")
        choose(page, "Port mode", "Rail")
        rail = [p for p, modes in dataset.ports["modes"].items() if "rail" in modes]
        assert wait_for_markers(page, len(rail)) == 3
        frame = map_frame(page)
        assert frame.evaluate("window.xjMarkedBeforeFilter === true"), "the map was reloaded by a filter change"

        frame.locator(".xj-port").first.click(force=True)  # Horgos Railway Port, first of the rail ports
        popup = frame.locator(".leaflet-popup-content")
        popup.wait_for(timeout=10_000)
        text = popup.inner_text()
        assert "Horgos Railway Port" in text
        assert "Clearance time before" in text and "[1] Unnamed news site, undated:" in text  # figure + source
        details = page.get_by_role("heading", name="Horgos Railway Port")
        details.wait_for(timeout=15_000)  # the click also opens the details panel under the map
        page.screenshot(path=str(tmp_path / "explorer.png"))

        # Leaflet and everything else came from the app; only the online tile layer was refused.
        assert {url.split("/")[2] for url in blocked} <= {"tile.openstreetmap.org"}
