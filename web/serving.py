"""The server around the page: security headers, a loading notice in the first HTML, readable widget states."""

from __future__ import annotations

import functools
import json

from google.protobuf.message import DecodeError
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from streamlit.proto.BackMsg_pb2 import BackMsg

from geo import settings

# What the app loads, all from its own origin: Streamlit's bundle and inline start-up script, the map's code
# under /app/static/ (Streamlit's components load it as a blob: module), images it makes (data:, blob:), its
# websocket. Vega-Lite (the charts) compiles its
# expressions at run time, hence 'unsafe-eval'; Streamlit's and the map's styles are inline.
_CDN = "https://cdn.jsdelivr.net"  # only with XJ_MAP_ASSETS=cdn (geo.render.mapping: Leaflet from jsDelivr)
_TILES = "https://tile.openstreetmap.org"  # the layers button's online base map; the offline relief needs none


def content_security_policy() -> str:
    cdn = f" {_CDN}" if settings.MAP_ASSETS == "cdn" else ""
    return "; ".join(
        (
            "default-src 'self'",
            f"script-src 'self' 'unsafe-inline' 'unsafe-eval' blob:{cdn}",
            f"style-src 'self' 'unsafe-inline'{cdn}",
            f"img-src 'self' data: blob: {_TILES}",
            "font-src 'self' data:",
            "connect-src 'self'",
            "worker-src 'self' blob:",
            "frame-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        )
    )


@functools.cache  # the same for every response of this process: built once
def security_headers() -> dict[str, str]:
    return {
        "Content-Security-Policy": content_security_policy(),
        "X-Frame-Options": "DENY",
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "same-origin",
    }


# Drawn by the browser with the page's first HTML, before any script has loaded; Streamlit's page replaces it
# when it mounts (React empties its root), and the map then shows its own "Loading the map…".
BOOT = (
    "<style>.xj-boot{font:16px/1.4 system-ui,sans-serif;display:flex;align-items:center;justify-content:center;"
    "height:100vh;color:#222;background:#fff}@media (prefers-color-scheme:dark){.xj-boot{color:#eee;"
    'background:#0e1117}}</style><div class="xj-boot" role="status">Loading the Xinjiang ports explorer…</div>'
)
_ROOT = b'<div id="root"></div>'
_PAGE_PATHS = {"/", "/index.html"}


# A widget's JSON state (the map's view) as a browser sends it. Streamlit parses it before the page's code runs
# and survives only malformed JSON: a 5,000-digit number (ValueError) or deep nesting (RecursionError) raise
# on every rerun of the session. Such a state, or one far larger than the map ever sends, is replaced on its
# way in by this marker, which the page answers with a notice and a fresh map.
UNREADABLE_KEY = "xj_unreadable"
_UNREADABLE = json.dumps({UNREADABLE_KEY: True})
MAX_STATE_CHARS = 1_000_000
_JSON_FIELDS = ("json_value", "json_trigger_value")


def readable_state(text: str) -> bool:
    """Whether Streamlit can read a widget's JSON state without an exception (malformed JSON it reads as empty)."""
    if len(text) > MAX_STATE_CHARS:
        return False
    try:
        json.loads(text)
    except json.JSONDecodeError:
        return True
    except (ValueError, RecursionError):
        return False
    return True


def guard_back_message(data: bytes) -> bytes:
    """A browser's message with each JSON widget state Streamlit could not read replaced by the marker."""
    try:
        message = BackMsg.FromString(data)
    except DecodeError:
        return data  # Streamlit answers a message it cannot decode itself
    if not message.HasField("rerun_script"):
        return data
    replaced = False
    for widget in message.rerun_script.widget_states.widgets:
        field = widget.WhichOneof("value")
        if field in _JSON_FIELDS and not readable_state(getattr(widget, field)):
            setattr(widget, field, _UNREADABLE)
            replaced = True
    return message.SerializeToString() if replaced else data


class ExplorerMiddleware:
    """Adds the security headers to every HTTP response and the loading notice to the page's HTML, and keeps
    widget states Streamlit cannot read out of the websocket."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "websocket":
            await self.app(scope, _guarded(receive), send)
            return
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if scope["method"] != "GET" or scope["path"] not in _PAGE_PATHS:
            await self.app(scope, receive, _with_headers(send))
            return
        # The page itself (a few KB): asked for uncompressed, so the notice can go into its body.
        scope = dict(scope, headers=[(k, v) for k, v in scope["headers"] if k.lower() != b"accept-encoding"])
        await self.app(scope, receive, _with_notice(_with_headers(send)))


def _guarded(receive: Receive) -> Receive:
    async def receiving() -> Message:
        message = await receive()
        if message["type"] == "websocket.receive" and message.get("bytes"):
            message = dict(message, bytes=guard_back_message(message["bytes"]))
        return message

    return receiving


def _with_headers(send: Send) -> Send:
    async def sending(message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = MutableHeaders(scope=message)
            for name, value in security_headers().items():
                headers[name] = value
        await send(message)

    return sending


def _with_notice(send: Send) -> Send:
    start: Message | None = None
    body: list[bytes] = []

    async def sending(message: Message) -> None:
        nonlocal start
        if message["type"] == "http.response.start":
            start = message
            return
        if message["type"] != "http.response.body" or start is None:
            await send(message)
            return
        body.append(message.get("body", b""))
        if message.get("more_body", False):
            return
        page = b"".join(body)
        if MutableHeaders(scope=start).get("content-type", "").startswith("text/html") and _ROOT in page:
            page = page.replace(_ROOT, b'<div id="root">' + BOOT.encode() + b"</div>", 1)
            headers = MutableHeaders(scope=start)
            headers["content-length"] = str(len(page))
            for name in ("etag", "last-modified"):  # those of Streamlit's file, not of this page
                if name in headers:
                    del headers[name]
        await send(start)
        await send({"type": "http.response.body", "body": page})

    return sending
