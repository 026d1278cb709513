"""Uploads and the server's memory: a file of thousands of property names is refused; an upload's memory is reused once its session ends."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import pytest

from geo.render.mapping import drawable
from tests.e2e.browser import choose_file, map_frame, offline_page, running_app
from tests.test_upload import wide_keys

# Before the memory budget these files took the server from about 190 MB to over 9 GB and 5.6 GB.
# Now the parse stops at the 1,001st distinct name; the server holds the upload (5 MB) and the
# page. Measured here: about 10 MB more at the peak.
MAX_GROWTH_MB = 100


class PeakRss:
    """Sample the server's resident memory every 50 ms in the background; keep the highest."""

    def __init__(self, server) -> None:
        self.server, self.peak, self._stop = server, server.rss_mb(), threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self.server.rss_mb())
            time.sleep(0.05)

    def __enter__(self) -> PeakRss:
        self._thread.start()
        return self

    def __exit__(self, *_exc) -> None:
        self._stop.set()
        self._thread.join()


def ports_drawn(page, count: int, timeout: float = 30) -> int:
    """Wait until the map shows ``count`` port markers, in the page or in a map iframe; return how many."""
    deadline, drawn = time.monotonic() + timeout, -1
    while time.monotonic() < deadline:
        drawn = (map_frame(page) or page).locator(".xj-port").count()
        if drawn == count:
            break
        page.wait_for_timeout(100)
    return drawn


@pytest.mark.slow
def test_wide_uploads_are_refused_and_memory_stays_bounded(dataset, tmp_path):
    with running_app() as server, offline_page() as (page, _blocked):
        page.goto(server.url)
        assert ports_drawn(page, len(drawable(dataset.ports))) == len(drawable(dataset.ports))
        page.get_by_text("Add your own layer").click()
        before = server.rss_mb()
        with PeakRss(server) as rss:
            for features, keys, where in (
                (2_000, 200, "feature '#4': field '4_195'"),
                (1_000, 100, "feature '#9': field '9_95'"),
            ):
                path = tmp_path / f"wide-{features}x{keys}.geojson"
                path.write_bytes(wide_keys(features, keys))
                choose_file(page, path)
                message = page.get_by_text(f"{path.name}: {where}", exact=False)
                message.wait_for(timeout=30_000)
                text = message.inner_text()
                assert "distinct property names in the file; got more" in text
                assert "\n" not in text.strip()  # one line
            # The app still answers: the map is drawn and no exception is shown.
            assert ports_drawn(page, len(drawable(dataset.ports))) == len(drawable(dataset.ports))
            assert page.get_by_test_id("stException").count() == 0
        after = server.rss_mb()
        print(f"\nserver memory {before:.0f} MB before the uploads, peak {rss.peak:.0f} MB, {after:.0f} MB after")
        assert rss.peak - before < MAX_GROWTH_MB


def big_layer(features: int) -> bytes:
    """A valid GeoJSON of ``features`` points in Xinjiang, each with a few properties (about 8 MB at 5,000)."""

    def feature(n: int) -> dict:
        lon, lat = 75 + (n % 200) * 0.09, 36 + (n // 200) * 0.1
        geometry = {"type": "Point", "coordinates": [round(lon, 4), round(lat, 4)]}
        properties = {"name": f"Point {n}", "mode": "road", "kind": "border", "note": "x" * 1500}
        return {"type": "Feature", "id": f"p{n}", "geometry": geometry, "properties": properties}

    return json.dumps({"type": "FeatureCollection", "features": [feature(n) for n in range(features)]}).encode()


# Streamlit keeps a closed tab's session for server.disconnectedSessionTTL (120 s by default) in case it
# reconnects; the test shortens it so the session, and what it holds, can end within the test.
SESSION_TTL_S = 2
VISITS = 4
FEATURES = 5_000  # at the 20,000-feature limit the browser is busy drawing for minutes (docs/limits.md)


def one_visit_with_an_upload(server, path: Path, dataset) -> float:
    """A viewer opens the app, uploads the file, sees it drawn and closes the tab; the server's peak memory."""
    with PeakRss(server) as rss, offline_page() as (page, _blocked):
        page.goto(server.url)
        page.get_by_text("Add your own layer").click()
        choose_file(page, path)
        page.get_by_text(f"{FEATURES:,} features from {path.name}").wait_for(timeout=120_000)
        legend = page.locator('.xj-legend [data-xj-layer="upload"]')  # drawn: in the map's legend
        legend.get_by_text(f"Your layer: {path.name}").wait_for(state="attached", timeout=120_000)
    # Once the closed tab's session has expired (and a next visit lets Streamlit notice), what it held is free.
    time.sleep(SESSION_TTL_S + 1)
    with offline_page() as (page, _blocked):
        page.goto(server.url)
        assert ports_drawn(page, len(drawable(dataset.ports))) == len(drawable(dataset.ports))
    time.sleep(SESSION_TTL_S + 1)
    return rss.peak


@pytest.mark.slow
def test_an_uploads_memory_is_released_when_its_session_ends(dataset, tmp_path):
    path = tmp_path / "big.geojson"
    path.write_bytes(big_layer(FEATURES))
    # As `make run` and docs/deploy.md start it: glibc's malloc held to two arenas (docs/deploy.md, "Memory").
    env = {"STREAMLIT_SERVER_DISCONNECTED_SESSION_TTL": str(SESSION_TTL_S), "MALLOC_ARENA_MAX": "2"}
    with running_app(env=env) as server:
        with offline_page() as (page, _blocked):  # a viewer without an upload: the server warm, its caches full
            page.goto(server.url)
            assert ports_drawn(page, len(drawable(dataset.ports))) == len(drawable(dataset.ports))
        time.sleep(SESSION_TTL_S + 1)
        before = server.rss_mb()
        peaks, afters = [], []
        for _visit in range(VISITS):
            peaks.append(one_visit_with_an_upload(server, path, dataset))
            afters.append(server.rss_mb())
        print(
            f"\nserver memory {before:.0f} MB before; {VISITS} visits in turn, each with a "
            f"{path.stat().st_size / 1e6:.0f} MB upload, its session then ended: peaks "
            f"{', '.join(f'{p:.0f}' for p in peaks)} MB, after each {', '.join(f'{a:.0f}' for a in afters)} MB"
        )
        growth = max(peaks) - before
        assert growth > 30  # the upload did take memory: the measure measures something
        # Python keeps freed memory for reuse rather than give it back to the system at once, so "released"
        # is measured as reuse: after the first visit (which also warms what any upload needs once), later
        # visits' uploads fit in the same memory; nothing piles up.
        # A session's upload kept would add about `growth` a visit; measured per visit over the later ones, the rise
        # stays under half of that. (The allocator's noise: a fresh-clone CI saw 276 -> 347 MB over two visits, the
        # same code 257 -> 323 and 283 -> 308 at the session's start, so a rise over two visits, as this once
        # measured, held half a visit's upload for the noise of two.)
        per_visit = VISITS - 2
        assert (peaks[-1] - peaks[1]) / per_visit < 0.5 * growth
        assert (afters[-1] - afters[1]) / per_visit < 0.5 * growth
