"""The server around the page, in an offline Chromium: a notice before any script, its headers obeyed, no framing."""

from __future__ import annotations

import urllib.request

from streamlit.proto.BackMsg_pb2 import BackMsg

from geo.explore.filter import filter_layer
from tests.e2e.browser import choose, choose_and_wait, offline_page, wait_for_map
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


def test_a_map_state_streamlit_cannot_read_gets_a_notice_and_the_session_goes_on(app_url, dataset):
    # A hostile client: while armed, the map's reports are swapped on their way to the server for JSON nested
    # 50,000 deep (Streamlit's parser raises RecursionError on it, on every rerun, if it arrives).
    swapped: list[str] = []
    armed = [False]

    def hostile(ws):
        server = ws.connect_to_server()

        def outgoing(data):
            if isinstance(data, bytes) and armed[0]:
                message = BackMsg.FromString(data)
                for widget in message.rerun_script.widget_states.widgets:
                    if widget.WhichOneof("value") == "json_value" and '"view"' in widget.json_value:
                        widget.json_value = '{"view": ' + "[" * 50_000 + "]" * 50_000 + "}"
                        swapped.append(widget.id)
                        data = message.SerializeToString()
            server.send(data)

        ws.on_message(outgoing)
        server.on_message(lambda data: ws.send(data))

    listed = filter_layer(dataset.ports, "ports", {"modes": ("air", "rail")})
    with offline_page() as (page, _blocked):
        page.route_web_socket("**/_stcore/stream", hostile)
        page.goto(app_url)
        wait_for_map(page)
        armed[0] = True
        choose(page, "Port mode", "Air")  # the map reports: swapped
        page.get_by_text("The map sent a state the page cannot read; it was reset.").wait_for(timeout=30_000)
        assert swapped and page.get_by_test_id("stException").count() == 0
        armed[0] = False
        # The map's next report is read: Rail added to the Air still chosen on the map.
        choose_and_wait(page, "Port mode", "Rail", len(listed), len(dataset.ports), timeout=30)
        assert page.get_by_test_id("stException").count() == 0
