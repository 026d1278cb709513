"""The server around the page, in an offline Chromium: a notice before any script, its headers obeyed, no framing."""

from __future__ import annotations

import urllib.request

from tests.e2e.browser import offline_page, wait_for_map
from web.serving import security_headers

VIOLATION = "Content Security Policy"


def test_a_notice_is_drawn_before_any_script_runs(app_url):
    # Every script refused: what shows is what the first HTML draws by itself, with the first paint.
    with offline_page() as (page, _blocked):
        page.route("**/*.js", lambda route: route.abort())
        page.goto(app_url)
        notice = page.get_by_role("status")
        assert notice.inner_text() == "Loading the Xinjiang ports explorer…"
        assert notice.is_visible()
    # With its scripts the page replaces it.
    with offline_page() as (page, _blocked):
        page.goto(app_url)
        wait_for_map(page)
        assert page.locator(".xj-boot").count() == 0


def test_every_response_has_the_headers_and_the_page_works_within_them(app_url):
    for path in ("/", "/?selected=horgos-rail", "/app/static/xj/core.js", "/_stcore/health"):
        with urllib.request.urlopen(app_url + path) as response:
            for name, value in security_headers().items():
                assert response.headers[name] == value, (path, name)
    with offline_page() as (page, _blocked):
        refused: list[str] = []
        page.on("console", lambda message: VIOLATION in message.text and refused.append(message.text))
        page.goto(f"{app_url}/?selected=urumqi-airport")
        wait_for_map(page)
        # The map's code, the popup, a chart (Vega compiles at run time) and the PNG (canvas, blob) all run.
        page.locator('path.xj-port[data-xj-id="urumqi-airport"]').click()
        page.locator(".leaflet-popup-content").wait_for()
        chart = page.get_by_test_id("stVegaLiteChart").first
        chart.scroll_into_view_if_needed()
        chart.locator("canvas, svg").first.wait_for()
        with page.expect_download(timeout=60_000) as download:
            page.locator(".xj-snapshot a").click()
        assert download.value.suggested_filename.endswith(".png")
        assert refused == []


def test_another_site_cannot_frame_the_explorer(app_url):
    # A page elsewhere that frames the explorer gets the browser's refusal, not the explorer (clickjacking).
    with offline_page() as (page, _blocked):
        refused: list[str] = []
        page.on("console", lambda message: "frame-ancestors" in message.text and refused.append(message.text))
        page.set_content(f'<iframe src="{app_url}/" width="800" height="600"></iframe>')
        page.wait_for_load_state("load")
        assert [frame.url for frame in page.frames[1:]] == ["chrome-error://chromewebdata/"]
        assert len(refused) == 1 and app_url in refused[0]
