"""The server around the page: its headers, its loading notice in the page's HTML only, its websocket guard."""

from __future__ import annotations

import asyncio
import gzip
import json

import pytest
from streamlit.proto.BackMsg_pb2 import BackMsg

from web.serving import (
    BOOT,
    MAX_STATE_CHARS,
    UNREADABLE_KEY,
    ExplorerMiddleware,
    guard_back_message,
    security_headers,
)

PAGE = b'<html><head></head><body><div id="root"></div></body></html>'


def streamlit_like(body: bytes, content_type: bytes = b"text/html; charset=utf-8"):
    """An ASGI app that answers as Streamlit's static route does: gzip when the client accepts it, in two parts."""

    async def app(scope, receive, send):
        if scope["type"] != "http":
            await send({"type": "websocket.accept"})
            return
        gzipped = any(k == b"accept-encoding" and b"gzip" in v for k, v in scope["headers"])
        data = gzip.compress(body) if gzipped else body
        headers = [(b"content-type", content_type), (b"content-length", str(len(data)).encode()), (b"etag", b'"x"')]
        if gzipped:
            headers.append((b"content-encoding", b"gzip"))
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        half = len(data) // 2
        await send({"type": "http.response.body", "body": data[:half], "more_body": True})
        await send({"type": "http.response.body", "body": data[half:]})

    return app


def call(app, path: str, kind: str = "http", method: str = "GET") -> tuple[dict, bytes, list]:
    messages: list[dict] = []

    async def receive():
        return {"type": "http.request", "body": b""}

    async def send(message):
        messages.append(message)

    scope = {"type": kind, "path": path, "method": method, "headers": [(b"accept-encoding", b"gzip, br")]}
    asyncio.run(ExplorerMiddleware(app)(scope, receive, send))
    starts = [m for m in messages if m["type"] == "http.response.start"]
    headers = {k.decode(): v.decode() for k, v in starts[0]["headers"]} if starts else {}
    body = b"".join(m.get("body", b"") for m in messages if m["type"] == "http.response.body")
    return headers, body, messages


def test_the_page_comes_with_its_loading_notice_and_a_length_that_matches():
    headers, body, _ = call(streamlit_like(PAGE), "/")
    assert BOOT.encode() in body and b"Loading the Xinjiang ports explorer" in body
    assert body.index(BOOT.encode()) > body.index(b'<div id="root">')  # inside the root Streamlit's page replaces
    assert int(headers["content-length"]) == len(body)
    assert "content-encoding" not in headers and "etag" not in headers  # asked uncompressed; not the file's etag


def test_every_response_carries_the_security_headers():
    for path, content_type in (("/", b"text/html"), ("/app/static/xj/core.js", b"application/javascript")):
        headers, _, _ = call(streamlit_like(b"x", content_type), path)
        for name, value in security_headers().items():
            assert headers[name.lower()] == value, (path, name)
    csp = security_headers()["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in csp and "object-src 'none'" in csp


def test_other_responses_pass_unchanged():
    # A script or another HTML path keeps its bytes (and its compression): only the page gets the notice.
    headers, body, _ = call(streamlit_like(PAGE), "/app/static/page.html")
    assert headers["content-encoding"] == "gzip" and gzip.decompress(body) == PAGE
    _, body, _ = call(streamlit_like(PAGE, b"application/json"), "/")
    assert body == PAGE
    _, _, messages = call(streamlit_like(PAGE), "/_stcore/stream", kind="websocket")
    assert messages == [{"type": "websocket.accept"}]


def back_message(*states: tuple[str, str]) -> bytes:
    """A browser's rerun request carrying widget states as (field, value)."""
    message = BackMsg()
    for number, (field, value) in enumerate(states):
        widget = message.rerun_script.widget_states.widgets.add()
        widget.id = f"w{number}"
        setattr(widget, field, value)
    return message.SerializeToString()


def arrived(data: bytes) -> list[tuple[str, object]]:
    widgets = BackMsg.FromString(data).rerun_script.widget_states.widgets
    return [(w.WhichOneof("value"), getattr(w, w.WhichOneof("value"))) for w in widgets]


UNREADABLE = json.dumps({UNREADABLE_KEY: True})


def test_a_widget_state_streamlit_cannot_read_is_replaced_on_its_way_in():
    hostile = [
        '{"view": {"rev": ' + "9" * 5000 + "}}",  # int() refuses over 4,300 digits: ValueError
        '{"view": ' + "[" * 50_000 + "]" * 50_000 + "}",  # RecursionError
        json.dumps({"view": {"text": "x" * (MAX_STATE_CHARS + 1)}}),  # far larger than the map sends
    ]
    # The guard's verdict is Streamlit's own failure: each raises something other than a JSONDecodeError.
    for text in hostile[:2]:
        with pytest.raises((ValueError, RecursionError)) as caught:
            json.loads(text)
        assert not isinstance(caught.value, json.JSONDecodeError)
    fine = [
        ("json_value", '{"view": {"rev": 3, "filters": {"modes": ["rail"]}}}'),
        ("json_value", "{not json"),  # Streamlit reads malformed JSON as an empty state itself
        ("string_value", "9" * 5000),  # not JSON to Streamlit: the page's own checks apply
        ("int_value", 7),
    ]
    data = back_message(*fine, *(("json_value", text) for text in hostile), ("json_trigger_value", hostile[1]))
    assert arrived(guard_back_message(data)) == [
        *fine,
        *[("json_value", UNREADABLE)] * 3,
        ("json_trigger_value", UNREADABLE),
    ]
    assert guard_back_message(back_message(*fine)) == back_message(*fine)  # untouched, byte for byte
    assert guard_back_message(b"\xff not a message") == b"\xff not a message"


def test_the_websocket_carries_the_guarded_messages():
    data = back_message(("json_value", "[" * 50_000 + "]" * 50_000))
    received: list[dict] = []

    async def app(scope, receive, send):
        received.append(await receive())
        received.append(await receive())

    incoming = iter([{"type": "websocket.receive", "bytes": data}, {"type": "websocket.receive", "text": "hi"}])

    async def receive():
        return next(incoming)

    async def send(message):
        pass

    asyncio.run(ExplorerMiddleware(app)({"type": "websocket", "path": "/_stcore/stream", "headers": []}, receive, send))
    assert arrived(received[0]["bytes"]) == [("json_value", UNREADABLE)]
    assert received[1] == {"type": "websocket.receive", "text": "hi"}
