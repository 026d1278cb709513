"""The offline base map's files in static/basemap/: where they are, how the browser gets them, their credits."""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from pathlib import Path

from geo import settings

BASEMAP_DIR = settings.STATIC_DIR / "basemap"
BASEMAP_URL = "/app/static/basemap/"
MANIFEST = BASEMAP_DIR / "basemap.json"


@dataclass(frozen=True)
class Asset:
    path: Path
    url: str
    bounds: list[list[float]] | None = None


def manifest() -> dict:
    return json.loads(MANIFEST.read_text(encoding="utf-8")) if MANIFEST.is_file() else {}


def _asset(key: str, fallback: str | None = None) -> Asset | None:
    name = manifest().get("files", {}).get(key, fallback)
    if not name or not (BASEMAP_DIR / name).is_file():
        return None
    return Asset(BASEMAP_DIR / name, BASEMAP_URL + name)


def admin() -> Asset:
    asset = _asset("admin", "countries.geojson")
    if asset is None:
        msg = f"no base map outlines in {BASEMAP_DIR}"
        raise FileNotFoundError(msg)
    return asset


def places() -> Asset | None:
    return _asset("places")


def relief() -> Asset | None:
    asset = _asset("relief")
    return Asset(asset.path, asset.url, manifest()["relief_bounds"]) if asset else None


def load(asset: Asset) -> dict:
    return json.loads(asset.path.read_text(encoding="utf-8"))


def data_uri(path: Path) -> str:
    kind = {".jpg": "jpeg", ".jpeg": "jpeg", ".png": "png", ".webp": "webp"}[path.suffix.lower()]
    return f"data:image/{kind};base64,{base64.b64encode(path.read_bytes()).decode()}"


def credits() -> list[str]:
    return manifest().get("credits", ["Natural Earth (public domain)"])
