"""Where the map's browser code comes from: Leaflet and the explorer's files, served locally, from a CDN, or inlined."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

import folium
from branca.element import Element

from geo import settings
from geo.errors import AssetError

ASSET_MODES = ("local", "cdn", "inline")
_LEAFLET_FILES = {"js": "leaflet.js", "css": "leaflet.css"}
# The explorer's own browser code (committed, not third-party): shared by the app and the export. The pure
# parts (the rule book, screen geometry) come first: the map's code uses them.
XJ_DIR = settings.STATIC_DIR / "xj"
XJ_URL = "/app/static/xj/"
XJ_SCRIPTS = ("core.js", "view.js", "xjmap.js", "snapshot.js")


def asset_url(name: str) -> str:
    """The app's URL of one of its own browser files, versioned by content so a browser never runs a stale copy."""
    digest = hashlib.sha256((XJ_DIR / name).read_bytes()).hexdigest()[:10]
    return f"{XJ_URL}{name}?v={digest}"


def use_assets(m: folium.Map, assets: str) -> folium.Map:
    """Point the map (this instance only) at Leaflet and the explorer's code: served locally, from a CDN, or inlined.

    Raises
    ------
    AssetError
        If the asset mode is unknown, or ``inline`` is asked for and the npm-installed Leaflet is missing.
    """
    if assets not in ASSET_MODES:
        msg = f"map assets: expected one of {', '.join(ASSET_MODES)}; got {assets!r}."
        raise AssetError(msg)
    if assets == "inline":
        m.default_js, m.default_css = [], []
        js, css = (_read_leaflet(kind) for kind in ("js", "css"))
        head = m.get_root().header
        head.add_child(Element(f"<style>{_inline_images(css)}</style>"), name="leaflet_css_inline")
        head.add_child(Element(f"<script>{js}</script>"), name="leaflet_js_inline")
        head.add_child(Element(f"<style>{_read_xj('xjmap.css')}</style>"), name="xj_css_inline")
        for name in XJ_SCRIPTS:
            head.add_child(Element(f"<script>{_read_xj(name)}</script>"), name=f"xj_{name[:-3]}_js_inline")
        return m
    base = settings.LOCAL_ASSET_URL if assets == "local" else settings.CDN_ASSET_URL
    own = [(f"xj_{name[:-3]}", asset_url(name)) for name in XJ_SCRIPTS]
    m.default_js = [("leaflet", base + _LEAFLET_FILES["js"]), *own]
    m.default_css = [("leaflet_css", base + _LEAFLET_FILES["css"]), ("xjmap_css", asset_url("xjmap.css"))]
    return m


def _read_xj(name: str) -> str:
    return (XJ_DIR / name).read_text(encoding="utf-8").replace("</script", "<\\/script")


def _read_leaflet(kind: str) -> str:
    for folder in settings.ASSET_DIRS:
        path = folder / _LEAFLET_FILES[kind]
        if path.is_file():
            return path.read_text(encoding="utf-8").replace("</script", "<\\/script")
    msg = f"Leaflet's {_LEAFLET_FILES[kind]} not found in {', '.join(map(str, settings.ASSET_DIRS))}: run `npm ci`."
    raise AssetError(msg)


def _inline_images(css: str) -> str:
    folder = next(f for f in settings.ASSET_DIRS if (f / _LEAFLET_FILES["css"]).is_file())

    def data_uri(match: re.Match) -> str:
        path = folder / match.group(1)
        if not path.is_file():
            return match.group(0)
        return f"url(data:image/png;base64,{base64.b64encode(path.read_bytes()).decode()})"

    return re.sub(r"url\((images/[\w.-]+\.png)\)", data_uri, css)


def component_assets() -> dict:
    """What the map component loads once per page: Leaflet and the explorer's code (in order) and styles."""
    return {
        "leaflet": settings.LOCAL_ASSET_URL + _LEAFLET_FILES["js"],
        "xj": [asset_url(name) for name in XJ_SCRIPTS],
        "css": [settings.LOCAL_ASSET_URL + _LEAFLET_FILES["css"], asset_url("xjmap.css")],
    }


def data_uri(path: Path) -> str:
    """A file (an image) as a data: URI, for a page that carries its own files."""
    kind = {".jpg": "jpeg", ".jpeg": "jpeg", ".png": "png", ".webp": "webp"}[path.suffix.lower()]
    return f"data:image/{kind};base64,{base64.b64encode(path.read_bytes()).decode()}"
