"""Take the view with you (issue 19): the view's HTML map and the data package, downloaded and opened offline."""

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

from geo.explore.filter import filter_layer
from geo.explore.urlstate import View
from geo.render import viewmap
from geo.render.mapping import drawable
from tests.e2e.browser import choose, offline_page, wait_for_map

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
        assert blocked == []


def test_the_page_downloads_the_view_and_the_data_package(app_url, dataset, tmp_path):
    air = filter_layer(dataset.ports, "ports", {"modes": ("air",)})
    with offline_page() as (page, blocked):
        page.goto(app_url)
        wait_for_map(page)
        choose(page, "Port mode", "Air")
        page.locator('[data-testid="stSidebar"]').get_by_text(
            re.compile(rf"^{len(air)} of {len(dataset.ports)} ports")
        ).wait_for(timeout=60_000)
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
