"""Write the README's pictures of the explorer as a new user sees it, offline, with the test suite's browser tooling.

Usage: python scripts/screenshot.py [FOLDER]   (default docs/): screenshot.png (desktop), screenshot-phone.png,
screenshot-chart.png (a selected place's chart with its source line), screenshot-sheet.png (a place's details as
a sheet on a phone), screenshot-dark.png (dark mode) and screenshot-export.png (the map's own PNG export).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.e2e.browser import offline_page, running_app, wait_for_map  # noqa: E402

PLACE = "horgos-road"  # its own figures and the Horgos port's as a whole, in a popup that leaves the map in view
CHART_PLACE = "urumqi-airport"  # its figures disagree between articles: a chart worth showing


def main(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    with running_app() as server:
        with offline_page(width=1400, height=1000) as (page, _blocked):
            page.goto(f"{server.url}/?selected={PLACE}")
            wait_for_map(page)
            page.locator(f'path.xj-port[data-xj-id="{PLACE}"]').click()
            page.locator(".leaflet-popup-content").wait_for()
            page.wait_for_timeout(1500)
            page.screenshot(path=str(folder / "screenshot.png"))
            page.goto(f"{server.url}/?selected={CHART_PLACE}")
            wait_for_map(page)
            chart = page.get_by_test_id("stVegaLiteChart").first
            chart.scroll_into_view_if_needed()
            page.wait_for_timeout(800)
            box = chart.bounding_box()
            page.screenshot(
                path=str(folder / "screenshot-chart.png"),
                clip={
                    "x": box["x"] - 10,
                    "y": box["y"] - 10,
                    "width": box["width"] + 20,
                    "height": box["height"] + 280,  # the chart, its source line and its note
                },
            )
        with offline_page(width=390, height=844) as (page, _blocked):
            page.goto(server.url)
            wait_for_map(page)
            page.locator(".xj-stage").scroll_into_view_if_needed()
            page.wait_for_timeout(1500)
            page.screenshot(path=str(folder / "screenshot-phone.png"))
            page.locator(f'path.xj-port[data-xj-id="{PLACE}"]').click()
            page.locator(".leaflet-popup-content").wait_for()
            page.wait_for_timeout(800)
            page.locator(".xj-stage").screenshot(path=str(folder / "screenshot-sheet.png"))
        with offline_page(width=1400, height=1000) as (page, _blocked):
            page.emulate_media(color_scheme="dark")
            page.goto(server.url)
            wait_for_map(page)
            page.wait_for_timeout(1500)
            page.screenshot(path=str(folder / "screenshot-dark.png"))
            with page.expect_download(timeout=60_000) as download:
                page.locator(".xj-snapshot a").click()
            download.value.save_as(folder / "screenshot-export.png")
    print(f"wrote {folder}/screenshot.png, -phone, -chart, -sheet, -dark and -export.png")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs"))
