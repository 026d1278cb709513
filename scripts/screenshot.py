"""Write the README's pictures of the explorer as a new user sees it, offline, with the test suite's browser tooling.

Usage: python scripts/screenshot.py [FOLDER [SHOT ...]]   (default docs/, every shot): screenshot.png (desktop),
screenshot-phone.png, screenshot-chart.png (a selected place's chart with its source line), screenshot-sheet.png
(a place's details as a sheet on a phone), screenshot-dark.png (dark mode), screenshot-export.png (the map's own
PNG export), screenshot-year.png (the map as of YEAR) and screenshot-sized.png (ports sized by SIZE). SHOT names
some of them only (main, phone, dark, year, sized: main includes the chart, phone the sheet, dark the export).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.e2e.browser import offline_page, running_app, wait_for_map  # noqa: E402

PLACE = "horgos-road"  # its own figures and the Horgos port's as a whole, in a popup that leaves the map in view
CHART_PLACE = "urumqi-airport"  # its figures disagree between articles: a chart worth showing
YEAR = 2000  # before the Horgos railway, the FTZ and the bonded zones: an earlier Xinjiang
SIZE = "china_europe_train_routes.2025-07-28"  # the two railway ports' routes, one report (data/articles/)
SHOTS = ("main", "phone", "dark", "year", "sized")


def main(folder: Path, shots: tuple[str, ...] = SHOTS) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    with running_app() as server:
        for shot, query in (("year", f"year={YEAR}"), ("sized", f"size={SIZE}")):
            if shot not in shots:
                continue
            with offline_page(width=1400, height=1000) as (page, _blocked):
                page.goto(f"{server.url}/?{query}")
                wait_for_map(page)
                page.locator(".xj-stage").scroll_into_view_if_needed()
                page.wait_for_timeout(1500)
                page.locator(".xj-root").screenshot(path=str(folder / f"screenshot-{shot}.png"))
        if "main" not in shots:
            return _others(folder, shots, server)
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
        _others(folder, shots, server)


def _others(folder: Path, shots: tuple[str, ...], server) -> None:
    if "phone" in shots:
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
    if "dark" in shots:
        with offline_page(width=1400, height=1000) as (page, _blocked):
            page.emulate_media(color_scheme="dark")
            page.goto(server.url)
            wait_for_map(page)
            page.wait_for_timeout(1500)
            page.screenshot(path=str(folder / "screenshot-dark.png"))
            with page.expect_download(timeout=60_000) as download:
                page.locator(".xj-snapshot a").click()
            download.value.save_as(folder / "screenshot-export.png")
    print(f"wrote the screenshots ({', '.join(shots)}) in {folder}/")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs"), tuple(sys.argv[2:]) or SHOTS)
