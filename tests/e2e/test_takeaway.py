"""Take the view with you (issue 19): the map as a PNG, the view's HTML map and the data package, offline."""

from __future__ import annotations

import functools
import http.server
import re
import threading
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import frictionless
import pytest
from PIL import Image

from geo import settings
from geo.explore.filter import filter_layer, port_mode_group
from geo.explore.urlstate import View
from geo.render import viewmap
from geo.render.mapping import drawable
from tests.e2e.browser import choose_and_wait, offline_page, search, wait_for_map, wait_for_markers, wait_until_still

DRAWN = ".xj-label-xinjiang:not(.xj-hidden)"  # the base map's names are placed: the map has drawn


@contextmanager
def served(folder: Path) -> Iterator[str]:
    """The folder on 127.0.0.1, as a viewer would open a downloaded file (it fetches nothing else)."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def open_export(page, url: str, ports: int) -> None:
    page.goto(url)
    page.locator(DRAWN).wait_for(timeout=30_000)
    page.wait_for_function(f"document.querySelectorAll('path.xj-port').length === {ports}", timeout=15_000)


def near(pixel: tuple[int, int, int], colour: str, tolerance: int = 24) -> bool:
    target = tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return all(abs(a - b) <= tolerance for a, b in zip(pixel, target, strict=True))


def pixels(image: Image.Image) -> list[tuple[int, int, int]]:
    data = image.convert("RGB").tobytes()
    return list(zip(data[0::3], data[1::3], data[2::3], strict=True))


def check_png(path: Path, map_box: dict, colours: list[str]) -> None:
    """A PNG as wide as the map, taller by its title, key and source line, whose map area is drawn, symbols and all."""
    image = Image.open(path)
    assert image.format == "PNG"
    width, height = image.size
    assert width == round(map_box["width"]) and height >= round(map_box["height"]) + 60
    rgb = image.convert("RGB")
    middle = rgb.crop((width // 4, height // 4, 3 * width // 4, 3 * height // 4))
    assert len(set(pixels(middle))) > 500  # relief, borders, lines: not a blank area
    every = pixels(rgb)
    for colour in colours:  # each mode's symbols are on it
        assert sum(near(p, colour) for p in every) >= 20, colour
    for band in ((0, 50), (height - 30, height)):  # the title above, the source line below: dark text
        strip = rgb.crop((0, band[0], width, band[1]))
        assert sum(1 for p in pixels(strip) if max(p) < 110) > 100, band


def save_png(page, tmp_path: Path, name: str) -> Path:
    with page.expect_download(timeout=60_000) as download:
        page.locator(".xj-snapshot a").click()
    assert re.fullmatch(r"xinjiang-map-\d{4}-\d{2}-\d{2}\.png", download.value.suggested_filename)
    download.value.save_as(tmp_path / name)
    return tmp_path / name


def test_a_views_file_draws_the_filtered_ports_offline(dataset, tmp_path):
    view = View(modes=("rail",), period="2025", selected="horgos-rail")
    rail = filter_layer(dataset.ports, "ports", {"modes": ("rail",)})
    assert 0 < len(drawable(rail)) < len(drawable(dataset.ports))
    (tmp_path / "view.html").write_text(viewmap.view_html(dataset, view), encoding="utf-8")
    with served(tmp_path) as url, offline_page() as (page, blocked):
        open_export(page, f"{url}/view.html", len(drawable(rail)))
        ids = page.evaluate("() => [...document.querySelectorAll('path.xj-port')].map(p => p.dataset.xjId)")
        assert sorted(ids) == sorted(drawable(rail).index)
        title = viewmap.view_title(dataset, view)
        assert title.startswith("Rail ports, 2025 figures — ") and title.endswith(f"{len(rail)} of 22 ports")
        assert page.title() == title
        assert page.get_by_role("heading", level=1).inner_text() == title
        # The selected place is open, with its 2025 figures only.
        popup = page.locator(".leaflet-popup-content .xj-popup[data-entity='horgos-rail']")
        popup.wait_for(timeout=10_000)
        ends = popup.locator("tr[data-end]").evaluate_all("rows => rows.map(r => r.dataset.end)")
        assert ends and all(end >= "2025-01-01" for end in ends)
        page.screenshot(path=str(tmp_path / "view.png"))
        # The map as it is now, as a PNG: from the file as from the app.
        box = page.locator(".folium-map").bounding_box()
        check_png(save_png(page, tmp_path, "map.png"), box, [settings.MODE_COLOURS["rail"]])
        assert blocked == []


def test_the_page_downloads_the_view_and_the_data_package(app_url, dataset, tmp_path):
    air = filter_layer(dataset.ports, "ports", {"modes": ("air",)})
    with offline_page() as (page, blocked):
        page.goto(app_url)
        wait_for_map(page)
        choose_and_wait(page, "Port mode", "Air", len(air), len(dataset.ports), timeout=60)
        with page.expect_download(timeout=60_000) as download:
            page.get_by_role("button", name="This view (HTML map, offline)").click()
        assert download.value.suggested_filename == "xinjiang-view.html"
        download.value.save_as(tmp_path / "view.html")
        with page.expect_download(timeout=60_000) as download:
            page.get_by_role("button", name="Whole dataset (data package, zip)").click()
        download.value.save_as(tmp_path / "package.zip")
        assert blocked == []
    with served(tmp_path) as url, offline_page() as (page, blocked):
        open_export(page, f"{url}/view.html", len(drawable(air)))
        heading = page.get_by_role("heading", level=1).inner_text()
        assert heading == f"Air ports, all figures — {len(air)} of {len(dataset.ports)} ports"
        assert blocked == []
    with zipfile.ZipFile(tmp_path / "package.zip") as archive:
        archive.extractall(tmp_path / "package")
    report = frictionless.validate(str(tmp_path / "package" / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "note"])[:10]
    assert {"ports", "facts", "ports-layer"} <= {task.name for task in report.tasks}


@pytest.mark.parametrize("screen", [(390, 844), (1400, 900)], ids=["phone", "desktop"])
def test_every_port_seen_on_the_screen_is_seen_in_the_png(app_url, tmp_path, screen):
    """The PNG draws the legend as a key under the map, not over it: on a phone the open panel hid most of the
    map, and on a desktop it was wider than on screen and hid a port at the right edge."""
    with offline_page(*screen) as (page, blocked):
        page.goto(app_url)
        wait_for_markers(page)
        page.locator(".xj-stage").scroll_into_view_if_needed()
        wait_until_still(page, ".xj-stage")
        # Each port whose centre a viewer sees (no control, label or other symbol over it), as the map's offset.
        seen = page.evaluate(
            """() => { const map = document.querySelector('.folium-map').getBoundingClientRect();
                return [...document.querySelectorAll('path.xj-port')].map(p => {
                    const r = p.getBoundingClientRect(), x = r.x + r.width / 2, y = r.y + r.height / 2;
                    return {id: p.dataset.xjId, x: Math.round(x - map.x), y: Math.round(y - map.y),
                            seen: document.elementFromPoint(x, y) === p};
                }).filter(p => p.seen); }"""
        )
        screen_shot = tmp_path / "screen.png"
        page.locator(".folium-map").screenshot(path=str(screen_shot))
        top = page.evaluate("() => XJMap.snapshotMapTop")
        titles = page.locator(".xj-legend-body [data-xj-layer]:not([hidden]) b").all_text_contents()
        with Image.open(save_png(page, tmp_path, "seen.png")) as png:
            image = png.convert("RGB")
        assert blocked == []
    assert len(seen) >= 5 and titles
    with Image.open(screen_shot) as shot:
        on_screen = shot.convert("RGB")
    map_height = on_screen.size[1]
    for port in seen:  # the PNG shows at each port's centre what the screen shows there
        want, got = on_screen.getpixel((port["x"], port["y"])), image.getpixel((port["x"], top + port["y"]))
        assert near(got, "#" + "".join(f"{v:02x}" for v in want)), (port["id"], got, want)
    # The key is under the map, above the source line: a band of dark text on white, some for each section.
    key = image.crop((0, top + map_height, image.size[0], image.size[1] - 30))
    assert key.size[1] >= 17 * len(titles)
    assert sum(1 for p in pixels(key) if max(p) < 110) > 40 * len(titles)


def test_the_apps_map_saves_as_a_png(app_url, dataset, tmp_path):
    with offline_page() as (page, blocked):
        page.goto(app_url)
        wait_for_map(page)
        page.locator(".xj-stage").scroll_into_view_if_needed()
        box = page.locator(".folium-map").bounding_box()
        groups = {port_mode_group(modes) for modes in drawable(dataset.ports)["modes"]}
        check_png(save_png(page, tmp_path, "app.png"), box, [settings.MODE_COLOURS[g] for g in sorted(groups)])
        # Its line under the title counts what is drawn in words that agree ("1 port", not "1 ports").
        name = drawable(dataset.ports)["name"].iloc[0]
        search(page, name)
        page.wait_for_function("() => JSON.parse(document.querySelector('.folium-map').dataset.xjShown).ports === 1")
        said = page.evaluate("XJMap.describeView(document.querySelector('.folium-map').xjExplorer)")
        assert "Drawn: 1 port," in said
        for n, noun in re.findall(r"(\d+) (ports?|corridors?|zones?)", said.split("Drawn: ")[1]):
            assert noun.endswith("s") == (n != "1"), said
        assert blocked == []


def test_a_sized_maps_png_keys_the_circle_sizes_under_the_map(app_url, dataset, tmp_path):
    """Sized by a measure, the PNG showed the large circles with nothing to say what their sizes mean."""
    from geo.render import sizes

    measure = next(m for m in sizes.measures(dataset.facts, drawable(dataset.ports)) if len(m["refs"]) >= 2)
    images = {}
    with offline_page() as (page, blocked):
        for name, query in (("plain", ""), ("sized", f"?size={measure['key']}")):
            page.goto(app_url + "/" + query)
            wait_for_markers(page)
            page.locator(".xj-stage").scroll_into_view_if_needed()
            wait_until_still(page, ".xj-stage")
            top = page.evaluate("() => XJMap.snapshotMapTop")
            height = round(page.locator(".folium-map").bounding_box()["height"])
            largest = page.locator(".xj-size-circle").first.bounding_box() if name == "sized" else None
            with Image.open(save_png(page, tmp_path, f"{name}.png")) as png:
                images[name] = png.convert("RGB")
        assert blocked == []
    grown = images["sized"].size[1] - images["plain"].size[1]
    assert grown >= largest["height"] + 2 * 17  # a title, a period line and the tallest reference circle
    # The reference circles, grey on white, right under the map: at least half the largest one's area.
    band = images["sized"].crop((0, top + height, images["sized"].size[0], top + height + round(grown)))
    grey = sum(1 for p in pixels(band) if min(p) >= 190 and max(p) <= 225 and max(p) - min(p) < 8)
    assert grey >= 0.5 * 3.14 * (largest["width"] / 2) ** 2, grey
