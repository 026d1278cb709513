"""Your own layer in a real browser: a line, a polygon, a mixed collection and a CSV each load as a first-class
layer (legend, table tab, details, link) without breaking the map, and a broken file replaces nothing."""

from __future__ import annotations

import json
import re
import urllib.parse

import pytest

from geo import settings
from tests.e2e.browser import (
    add_own_layer,
    choose,
    choose_file,
    idle,
    map_frame,
    offline_page,
    search,
    wait_for_markers,
)
from tests.e2e.sides import crossed

# Far from Horgos and Yining, whose ports are drawn spread apart at the opening view.
LINE = {"type": "LineString", "coordinates": [[75.9, 39.5], [77.0, 39.0], [78.0, 38.5]]}
SQUARE = {"type": "Polygon", "coordinates": [[[83.0, 41.0], [84.5, 41.0], [84.5, 42.0], [83.0, 42.0], [83.0, 41.0]]]}
CLUSTERED = ("horgos-road", "horgos-rail", "yining-airport")


def geojson(*features: tuple[str, str, dict]) -> str:
    return json.dumps(
        {
            "type": "FeatureCollection",
            "features": [
                {
                    "type": "Feature",
                    "id": fid,
                    "properties": {"name": name, "note": "from a test"},
                    "geometry": geometry,
                }
                for fid, name, geometry in features
            ],
        }
    )


UPLOADS = {
    "line": ("route.geojson", geojson(("route-A", "Test route", LINE)), "Test route", ["1 line"]),
    "polygon": ("area.geojson", geojson(("area-1", "Test area", SQUARE)), "Test area", ["1 area"]),
    "mixed": (
        "mixed.geojson",
        geojson(
            ("m-line", "Mixed line", LINE),
            ("m-area", "Mixed area", SQUARE),
            ("m-point", "Mixed point", {"type": "Point", "coordinates": [86.0, 40.0]}),
            ("m-multi", "Mixed points", {"type": "MultiPoint", "coordinates": [[88.0, 39.0], [89.0, 39.5]]}),
            (
                "m-both",
                "Mixed both",
                {"type": "GeometryCollection", "geometries": [{"type": "Point", "coordinates": [87.0, 37.5]}, LINE]},
            ),
        ),
        "Mixed line",
        ["2 points", "1 line", "2 areas"],
    ),
    "csv": ("spots.csv", "name,纬度,经度,status\nTest spot,40.5,85.0,planned\n", "Test spot", ["1 point"]),
}


def symbol_offsets(page) -> dict[str, tuple[float, float]]:
    """How far each clustered port's symbol is drawn from its true place, on screen (spread apart, a few px).

    Measured against the map's own projection, so a changed opening view (a wider legend) does not count.
    """
    corner = page.locator(".folium-map").bounding_box()
    out = {}
    for fid in CLUSTERED:
        box = page.locator(f'path.xj-port[data-xj-id="{fid}"]').bounding_box()
        true = page.evaluate(
            """(id) => { const x = document.querySelector('.folium-map').xjExplorer;
                         const p = x.map.latLngToContainerPoint(x.items[id].latlng); return [p.x, p.y]; }""",
            fid,
        )
        out[fid] = (
            box["x"] + box["width"] / 2 - corner["x"] - true[0],
            box["y"] + box["height"] / 2 - corner["y"] - true[1],
        )
    return out


def placed_labels(page) -> set[str]:
    return set(page.locator(".xj-label:not(.xj-hidden)").all_inner_texts())


def settled(page) -> None:
    """Wait for the map to be drawn with its names placed (after the base map's names have loaded)."""
    page.locator('.xj-root[data-xj-ready="1"]').wait_for(state="attached", timeout=60_000)
    page.locator(".xj-label-country:not(.xj-hidden)").first.wait_for(timeout=30_000)


@pytest.mark.parametrize("kind", list(UPLOADS))
def test_an_uploaded_layer_is_first_class_and_breaks_nothing(app_url, tmp_path, kind):
    filename, text, name, legend_items = UPLOADS[kind]
    path = tmp_path / filename
    path.write_text(text, encoding="utf-8")
    with offline_page() as (page, _blocked):
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(app_url)
        wait_for_markers(page)
        settled(page)
        before, labels = symbol_offsets(page), placed_labels(page)
        assert "Horgos" in " ".join(labels)

        page.get_by_text("Add your own layer").click()
        choose_file(page, path)
        page.locator(".xj-upload").first.wait_for(state="attached", timeout=60_000)
        settled(page)

        # The map is as it was: the ports where they were drawn, the names still placed, no script error.
        after = symbol_offsets(page)
        for fid in CLUSTERED:
            assert after[fid] == pytest.approx(before[fid], abs=2), fid
        # (the legend, now wider, may frame the opening view a little differently: a few names trade places)
        assert len(placed_labels(page) & labels) >= 0.9 * len(labels)
        assert errors == []

        # In the legend, with a swatch per kind of geometry.
        legend = page.locator('.xj-legend [data-xj-layer="upload"]')
        assert f"Your layer: {filename}" in legend.inner_text()
        for item in legend_items:
            assert item in legend.inner_text()

        # Its own table tab.
        count = len(json.loads(text)["features"]) if filename.endswith("json") else 1
        page.get_by_role("tab", name=f"Your layer ({count})").click()

        # Clicked on the map, it fills the details and names itself in the link.
        frame = map_frame(page)
        fid = "row-2" if kind == "csv" else json.loads(text)["features"][0]["id"]
        frame.locator(f'[data-xj-id="upload:{fid}"]').first.dispatch_event("click")
        page.locator("h3.xj-title", has_text=name).wait_for(
            timeout=20_000
        )  # the details' heading (the popup has one too)
        page.wait_for_url(re.compile(r"selected=" + re.escape(urllib.parse.quote(f"upload:{fid}", safe=""))))
        assert errors == []


def test_a_broken_file_after_a_good_one_replaces_nothing(app_url, tmp_path):
    good, bad = tmp_path / "route.geojson", tmp_path / "broken.geojson"
    good.write_text(UPLOADS["line"][1], encoding="utf-8")
    bad.write_text('{"type": "FeatureCollection", "features": [', encoding="utf-8")
    with offline_page() as (page, _blocked):
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(app_url)
        wait_for_markers(page)
        page.get_by_text("Add your own layer").click()
        choose_file(page, good)
        page.locator(".xj-upload").first.wait_for(state="attached", timeout=60_000)
        settled(page)
        before = symbol_offsets(page)

        choose_file(page, bad)
        page.get_by_text("broken.geojson: invalid JSON at line 1").wait_for(timeout=20_000)
        page.get_by_text("Your layer from route.geojson stays on the map.").wait_for(timeout=20_000)
        settled(page)
        assert page.locator('.xj-upload[data-xj-id="upload:route-A"]').count() == 1
        assert "Your layer: route.geojson" in page.locator('.xj-legend [data-xj-layer="upload"]').inner_text()
        assert symbol_offsets(page) == pytest.approx(before, abs=2)

        # Removed on request: the map as it was without it.
        page.get_by_role("button", name="Remove your layer").click()
        page.locator('.xj-root[data-xj-ready="1"] .folium-map').wait_for(timeout=60_000)
        page.locator(".xj-upload").first.wait_for(state="detached", timeout=60_000)
        assert page.locator('.xj-legend [data-xj-layer="upload"]').count() == 0
        assert errors == []


# Each frame from now on: what the map the viewer sees (the last host, drawn on top) shows.
WATCH_FRAMES = """() => {
  window.__frames = [];
  const tick = () => {
    const hosts = document.querySelectorAll('.xj-host');
    const top = hosts[hosts.length - 1];
    window.__frames.push({
      places: top ? top.querySelectorAll('[data-xj-id]').length : 0,
      borders: top ? top.querySelectorAll('.leaflet-xjAdmin-pane path').length : 0,
      maps: hosts.length,
    });
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}"""


def test_the_map_never_goes_blank_while_an_upload_replaces_it(app_url, tmp_path):
    # The map with the viewer's layer is a new map; it is made beneath the old one, which stays in view until
    # the new one has its base map. Made in place, the old one went and for a moment the map had no borders.
    path = tmp_path / "route.geojson"
    path.write_text(UPLOADS["line"][1], encoding="utf-8")
    with offline_page() as (page, _blocked):
        page.goto(app_url)
        wait_for_markers(page)
        settled(page)
        page.evaluate(WATCH_FRAMES)
        page.wait_for_function("() => window.__frames.length > 2")
        before = page.evaluate("() => window.__frames[window.__frames.length - 1]")
        assert before["borders"] > 0 and before["maps"] == 1
        page.get_by_text("Add your own layer").click()
        choose_file(page, path)
        page.locator(".xj-upload").first.wait_for(state="attached", timeout=60_000)
        settled(page)
        page.wait_for_function("() => document.querySelectorAll('.xj-host').length === 1", timeout=30_000)
        # And one frame more, so that the log's last frame shows the map as it is now (CI once read the frame
        # before the old map went: the route was not on it).
        page.wait_for_function("n => window.__frames.length > n", arg=page.evaluate("() => window.__frames.length"))
        frames = page.evaluate("() => window.__frames")
        assert max(f["maps"] for f in frames) == 2, "the new map was not made beside the old one"
        blank = [f for f in frames if f["borders"] < before["borders"] or f["places"] < before["places"]]
        assert not blank, f"{len(blank)} of {len(frames)} frames showed a map without its base or places: {blank[:3]}"
        assert frames[-1]["places"] == before["places"] + 1  # the route
        # The old map is gone, not hidden: one map, the viewer's layer on it, the page's controls driving it.
        assert page.locator(".folium-map").count() == 1
        choose(page, "Port mode", "Air")
        assert page.locator('.xj-upload[data-xj-id="upload:route-A"]').count() == 1


def test_a_new_map_whose_base_map_stalls_still_replaces_the_old_one(app_url, tmp_path):
    # The old map stays over the new one only while the new one's base map loads; a request that never answers
    # must not leave the viewer with the old map (and the new one unseen beneath it) for good.
    path = tmp_path / "route.geojson"
    path.write_text(UPLOADS["line"][1], encoding="utf-8")
    held = []
    with offline_page() as (page, _blocked):
        page.goto(app_url)
        wait_for_markers(page)
        settled(page)
        # (routing also turns the browser's cache off, so the new map asks again)
        page.route("**/basemap/countries.geojson", lambda route: held.append(route))
        page.get_by_text("Add your own layer").click()
        choose_file(page, path)
        page.locator(".xj-upload").first.wait_for(state="attached", timeout=60_000)
        page.wait_for_function("() => document.querySelectorAll('.xj-host').length === 1", timeout=20_000)
        assert held, "the new map's base map was not held: the case tests nothing"
        assert page.locator('.xj-root[data-xj-ready="1"] .xj-upload[data-xj-id="upload:route-A"]').count() == 1
        for route in held:
            route.abort()


@pytest.mark.slow
def test_a_layer_at_the_feature_limit_keeps_the_page_usable(app_url, tmp_path):
    """20,000 points (the limit) are drawn, filtered and zoomed without the page freezing (it once took minutes)."""
    count = settings.UPLOAD_MAX_FEATURES
    points = [
        (
            f"f{i}",
            {"name": f"Point {i}", "modes": "rail" if i % 2 else "road"},
            [74 + (i % 200) * 0.105, 35 + (i // 200) * 0.14],
        )
        for i in range(count)
    ]
    with offline_page() as (page, _blocked):
        page.goto(app_url)
        wait_for_markers(page)
        add_own_layer(page, points, tmp_path / "many.geojson")
        page.get_by_role("tab", name=f"Your layer ({count:,})").wait_for(timeout=120_000)
        choose(page, "Port mode", "Rail")
        page.get_by_role("tab", name=f"Your layer ({count // 2:,})").wait_for(timeout=30_000)
        page.evaluate(
            """() => { const map = document.querySelector('.folium-map').xjExplorer.map;
                   map.once('zoomend', () => requestAnimationFrame(() => setTimeout(() => { window.__zoomed = 1; }, 0)));
                   map.setZoom(7); }"""
        )
        page.wait_for_function("() => window.__zoomed === 1", timeout=30_000)
        assert page.locator(".xj-upload").count() > 0


def test_on_a_phone_your_points_and_the_crossings_ports_keep_their_own_side_of_the_border(app_url, tmp_path):
    # Two points of the viewer's beside Horgos and Alashankou made one cluster of more symbols than a ring could
    # keep on their sides: on a phone the ports and the points were drawn in Kazakhstan.
    with offline_page(390, 844) as (page, _blocked):
        page.goto(app_url)
        wait_for_markers(page)
        page.locator('[data-testid="stExpandSidebarButton"]').click()
        depots = [("d1", {"name": "Depot by Horgos"}, [80.4, 44.2]), ("d2", {"name": "Yard by Bole"}, [82.6, 45.2])]
        add_own_layer(page, depots, tmp_path / "depots.geojson")
        page.locator("path.xj-upload").nth(1).wait_for(state="attached", timeout=60_000)
        page.locator('[data-testid="stSidebarCollapseButton"] button').click()
        settled(page)
        spread = page.evaluate("() => Object.values(document.querySelector('.folium-map').xjExplorer.items)"
                               ".filter(i => i.drawnAt && !i.drawnAt.equals(i.latlng, 0)).length")  # fmt: skip
        assert spread >= 10  # the case tests something: a crossing's cluster, spread apart
        assert crossed(page) == []
        # With the legend open over most of the map, Kashgar is still named (it lost its name: no room near it).
        page.locator(".xj-legend summary").click()
        page.wait_for_function("() => document.querySelector('.xj-legend').open")
        kashgar = page.locator(".xj-label-key", has_text="Kashgar")
        page.wait_for_function("e => !e.classList.contains('xj-hidden')", arg=kashgar.element_handle(), timeout=5_000)


def test_a_dense_patch_of_your_points_stays_where_it_is_and_the_crossings_still_spread(app_url, tmp_path):
    # 3,000 points a few pixels apart were one cluster spread on one ring as wide as the map: a web of leaders
    # from every point across Xinjiang. A patch too large to spread is drawn as it is; zooming in separates it.
    # Laid over the Horgos crossing, whose two ports it once left on top of each other, their names gone.
    patch = [(f"g{i}", {"name": f"Grid {i}"}, [80.2 + (i % 15) * 0.02, 44.0 + (i // 15) * 0.02]) for i in range(300)]
    with offline_page() as (page, _blocked):
        page.goto(app_url)
        wait_for_markers(page)
        add_own_layer(page, patch, tmp_path / "patch.geojson")
        page.get_by_role("tab", name="Your layer (300)").wait_for(timeout=60_000)
        settled(page)
        drawn = page.evaluate(
            """() => { const x = document.querySelector('.folium-map').xjExplorer, m = x.map;
                   const items = Object.values(x.items).filter(i => i.layer === 'upload' && i.drawnAt);
                   const px = ll => m.latLngToContainerPoint(ll);
                   const leaders = x.leaders.lines.getLatLngs().map(([a, b]) => px(a).distanceTo(px(b)));
                   return { points: items.length, moved: items.filter(i => !i.drawnAt.equals(i.latlng, 0)).length,
                            longest: Math.max(0, ...leaders) }; }"""
        )
        assert drawn["points"] == 300 and drawn["moved"] == 0
        assert drawn["longest"] < 40, drawn  # only the project's own small clusters, a few symbols wide
        assert all(abs(dx) + abs(dy) > 2 for dx, dy in symbol_offsets(page).values())  # still spread apart
        # ... and drawn over the file, so a click reaches them (the file, drawn last, lay over them).
        idle(page)
        page.locator('path.xj-port[data-xj-id="horgos-road"]').click(timeout=10_000)
        page.wait_for_function("() => document.querySelector('.folium-map').dataset.xjSelected === 'horgos-road'")
        # The bar above the map and the side panel count your layer, in the same words.
        side = page.locator('[data-testid="stSidebar"] .xj-tally-line')
        for counted in (page.locator(".xj-status"), side):
            assert "300 of 300 in your layer" in counted.inner_text()
        search(page, "grid 1")  # Grid 1, 10-19 and 100-199
        side.get_by_text("111 of 300 in your layer").wait_for(timeout=30_000)
        assert re.search(r"^0 of \d+ ports · .* · 111 of 300 in your layer", page.locator(".xj-status").inner_text())
