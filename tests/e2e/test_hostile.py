"""Hostile text in data, links and uploads shows as text in a real browser; nothing runs."""

from __future__ import annotations

import functools
import http.server
import json
import re
import shutil
import threading
import urllib.parse

import pytest

from geo import settings
from geo.data.dataset import load_dataset
from geo.render import mapping
from tests.conftest import rewrite_csv
from tests.e2e.browser import choose_file, map_frame, offline_page, running_app, wait_for_map, wait_for_markers

HOSTILE = "<img src=x onerror=alert(1)><script>alert(2)</script>`${alert(3)}`"


@pytest.fixture(scope="module")
def hostile_data(tmp_path_factory):
    """The real data with hostile text in a port, a corridor, a zone, a fact and a source."""
    folder = tmp_path_factory.mktemp("hostile") / "data"
    shutil.copytree(settings.DATA_DIR, folder)
    for layer, fid, fields in (
        ("ports", "horgos-road", ("name", "location_note", "partner_crossing")),
        ("corridors", "urumqi-horgos", ("name",)),
        ("zones", "ftz-horgos", ("name", "location_note")),
    ):
        path = folder / "geojson" / f"{layer}.geojson"
        data = json.loads(path.read_text(encoding="utf-8"))
        feature = next(f for f in data["features"] if f["id"] == fid)
        feature["properties"].update(dict.fromkeys(fields, HOSTILE))
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    # A period follows a grammar the validator checks, so hostile text goes into the free-text claim.
    rewrite_csv(folder / "facts.csv", lambda rows: [r.update(claim=HOSTILE) for r in rows if r["fact_id"] == "pd-08"])
    rewrite_csv(folder / "sources.csv", lambda rows: rows[0].update(title=HOSTILE, publisher=HOSTILE))
    return folder


def injected(frame_or_page) -> int:
    """Elements an injection would have created: the img with src=x, or a script that is the payload's."""
    return frame_or_page.evaluate(
        """() => document.querySelectorAll('img[src="x"]').length +
                 [...document.scripts].filter(s => s.text.trim() === 'alert(2)').length"""
    )


def test_hostile_text_shows_as_text_and_nothing_runs(hostile_data, tmp_path):
    with running_app(env={"XJ_DATA_DIR": str(hostile_data)}) as server, offline_page() as (page, _blocked):
        url = server.url
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))

        page.goto(f"{url}/?selected=horgos-road")
        wait_for_markers(page)
        frame = map_frame(page)
        details = page.get_by_role("heading", name=HOSTILE)
        details.wait_for(timeout=15_000)  # the details heading shows the raw text, literally
        assert details.inner_text() == HOSTILE
        # The browser's tables write it as text too: the port's row and the corridor's and zone's tabs.
        for tab, fid in (("Ports", "horgos-road"), ("Corridors", "urumqi-horgos"), ("Zones", "ftz-horgos")):
            page.get_by_role("tab", name=re.compile(rf"^{tab} \(")).click()
            row = page.locator(f'.xj-places tr[data-xj-place="{fid}"]')
            row.scroll_into_view_if_needed()
            assert row.locator("td").first.inner_text() == HOSTILE

        # The hostile port, corridor and zone (a symbol until zoomed in): each popup shows the text as typed.
        for fid in ("horgos-road", "urumqi-horgos", "ftz-horgos"):
            frame.locator(f'path[data-xj-id="{fid}"], .xj-zone-symbol[data-xj-id="{fid}"]').first.dispatch_event(
                "click"
            )
            frame.locator(".leaflet-popup-content").filter(has_text=HOSTILE).last.wait_for(timeout=10_000)
        # A popup's figures are composed in the browser from the map's figures table: the hostile article's
        # publisher and title are in the port's list of sources, as text.
        frame.locator('path[data-xj-id="horgos-road"]').first.dispatch_event("click")
        cited = frame.locator(".leaflet-popup-content ol.xj-sources li").filter(has_text=HOSTILE)
        cited.first.wait_for(timeout=10_000)
        assert HOSTILE in cited.first.inner_text()

        upload = tmp_path / f"{HOSTILE[:20]}.geojson"
        upload.write_text(
            json.dumps(
                {
                    "type": "FeatureCollection",
                    "features": [
                        {
                            "type": "Feature",
                            "id": "u1",
                            "properties": {"name": HOSTILE, "note": HOSTILE},
                            "geometry": {"type": "Point", "coordinates": [84.0, 44.0]},
                        }
                    ],
                }
            ),
            encoding="utf-8",
        )
        page.get_by_text("Add your own layer").click()
        choose_file(page, upload)
        page.locator(".xj-upload").first.wait_for(state="attached", timeout=60_000)  # the map is rebuilt with it
        frame = map_frame(page)
        frame.locator(".xj-upload").first.dispatch_event("click")
        frame.locator(".leaflet-popup-content").filter(has_text="From your file").last.wait_for(timeout=10_000)

        page.screenshot(path=str(tmp_path / "hostile.png"))
        assert dialogs == []
        assert injected(page) == 0
        assert injected(map_frame(page)) == 0


def test_hostile_link_parameters_are_shown_as_text(app_url):
    query = urllib.parse.urlencode({"q": "<script>alert(4)</script>", "mode": HOSTILE, "selected": HOSTILE})
    with offline_page() as (page, _blocked):
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(f"{app_url}/?{query}")
        notice = page.get_by_text("in 'selected': no place has that id.")
        notice.wait_for(timeout=20_000)
        assert "<img src=x onerror=alert(1)>" in notice.inner_text()
        wait_for_map(page)  # the whole page drawn, the link's values applied to the map too
        assert dialogs == []
        assert injected(page) == 0


HOSTILE_UPLOADS = {
    "deep nesting": ('{"a": ' + "[" * 5_000 + "]" * 5_000 + "}", "expected at most 16 levels of nesting in the file"),
    "5,000-digit integer": (
        '{"a": ' + "9" * 5_000 + "}",
        "expected an integer of at most 20 digits; got 5,000 digits.",
    ),
    "NaN": ('{"a": NaN}', "expected a finite number; got nan"),
}


def test_hostile_uploads_get_a_message_not_a_traceback(app_url, tmp_path):
    feature = '{"type": "Feature", "geometry": {"type": "Point", "coordinates": [84, 44]}, "properties": %s}'
    with offline_page() as (page, _blocked):
        page.goto(app_url)
        page.get_by_text("Add your own layer").click()
        for number, (properties, message) in enumerate(HOSTILE_UPLOADS.values()):
            upload = tmp_path / f"hostile-{number}.geojson"
            upload.write_text(
                '{"type": "FeatureCollection", "features": [%s]}' % (feature % properties), encoding="utf-8"
            )
            choose_file(page, upload)
            page.get_by_text(f"{upload.name}: feature '#0': field 'a': {message}").wait_for(timeout=20_000)
        assert page.get_by_test_id("stException").count() == 0
        assert "Traceback" not in page.content()


@pytest.fixture
def compact_export(hostile_data, tmp_path, monkeypatch):
    """The standalone export of the hostile data drawn as compact canvas ports (as above RICH_MAX_PORTS)."""
    monkeypatch.setattr(settings, "RICH_MAX_PORTS", 1)
    folder = tmp_path / "data"
    shutil.copytree(hostile_data, folder)
    # A port alone on the map (Horgos's symbols overlap the cooperation centre's), to hover.
    path = folder / "geojson" / "ports.geojson"
    data = json.loads(path.read_text(encoding="utf-8"))
    next(f for f in data["features"] if f["id"] == ALONE)["properties"]["name"] = HOSTILE
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    mapping.export_html(load_dataset(folder), tmp_path / "map.html")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/map.html"
    server.shutdown()
    server.server_close()


ALONE = "khunjerab"
# Where the compact port with this id is drawn, in page pixels (the canvas has no element per port).
PORT_POINT = """(fid) => {
    const map = Object.values(window).find((v) => v instanceof L.Map);
    let point = null;
    map.eachLayer((layer) => {
        if (layer.options && layer.options.xjProps && layer.options.xjProps.id === fid) {
            const p = map.latLngToContainerPoint(layer.getLatLng()), box = map.getContainer().getBoundingClientRect();
            point = [box.left + p.x, box.top + p.y];
        }
    });
    return point;
}"""


def test_hostile_names_are_text_in_compact_ports(compact_export, tmp_path):
    with offline_page() as (page, blocked):
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(compact_export)
        page.locator(".xj-label-xinjiang:not(.xj-hidden)").wait_for(timeout=30_000)
        assert page.locator("path.xj-port").count() == 0  # drawn on the canvas, the compact strategy
        x, y = page.evaluate(PORT_POINT, ALONE)
        page.mouse.move(x, y)
        tooltip = page.locator(".leaflet-tooltip")
        tooltip.wait_for(timeout=10_000)
        assert tooltip.inner_text().strip() == HOSTILE
        page.mouse.click(x, y)
        heading = page.locator(".leaflet-popup-content h2")
        heading.wait_for(timeout=10_000)
        assert heading.inner_text().strip() == HOSTILE
        page.screenshot(path=str(tmp_path / "compact.png"))
        assert dialogs == [] and injected(page) == 0 and blocked == []
