"""The offline regional base map in static/basemap/: its files, URLs, relief bounds and credit lines."""

from __future__ import annotations

import json
import math
from pathlib import Path

from geo import settings
from geo.errors import DataError

BASEMAP_DIR = settings.PROJECT_DIR / "static" / "basemap"
# Streamlit serves ./static/ at /app/static/ (server.enableStaticServing).
BASEMAP_URL = "/app/static/basemap/"
MANIFEST = "basemap.json"
LAYERS: tuple[str, ...] = ("countries", "provinces", "places", "relief")


def manifest(folder: Path = BASEMAP_DIR) -> dict:
    """The base map's manifest, checked.

    Parameters
    ----------
    folder : Path
        The folder holding ``basemap.json`` and the files it names.

    Returns
    -------
    dict
        ``files`` (one entry per layer, with its ``file`` name), ``relief`` (``file``,
        ``bounds`` as ``[[south, west], [north, east]]``, ``width``, ``height``, ``background``),
        ``credits`` (each with ``text``, ``licence``, ``url``), ``clip``, ``frame`` and ``sources``.

    Raises
    ------
    DataError
        If the manifest is missing or unreadable, or breaks any rule; every problem is listed.
    """
    path = folder / MANIFEST
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        msg = f"{path}: missing; run `make basemap` to write the base map"
        raise DataError(msg) from None
    except json.JSONDecodeError as error:
        msg = f"{path}: not valid JSON: {error.msg} (line {error.lineno})"
        raise DataError(msg) from None
    problems = _problems(data, folder) if isinstance(data, dict) else ["expected an object"]
    if problems:
        raise DataError([f"{path}: {p}" for p in problems])
    return data


def path(layer: str, folder: Path = BASEMAP_DIR) -> Path:
    """Where a layer's file is on disk (``layer`` is one of ``LAYERS``)."""
    return folder / _file(layer, folder)


def url(layer: str, folder: Path = BASEMAP_DIR) -> str:
    """The URL the browser fetches a layer's file from, served by the app."""
    return BASEMAP_URL + _file(layer, folder)


def credits(folder: Path = BASEMAP_DIR) -> list[str]:
    """The attribution lines (plain text: escape them before they go into HTML)."""
    return [credit["text"] for credit in manifest(folder)["credits"]]


def relief_bounds(folder: Path = BASEMAP_DIR) -> list[list[float]]:
    """The relief image's corners as Leaflet takes them: ``[[south, west], [north, east]]``."""
    return manifest(folder)["relief"]["bounds"]


def _file(layer: str, folder: Path) -> str:
    if layer not in LAYERS:
        msg = f"unknown base map layer {layer!r}; expected one of {', '.join(LAYERS)}"
        raise ValueError(msg)
    return manifest(folder)["files"][layer]["file"]


def _problems(data: dict, folder: Path) -> list[str]:
    problems = []
    files = data.get("files")
    if not isinstance(files, dict):
        files = {}
        problems.append("field 'files': expected an object naming each layer's file")
    for layer in LAYERS:
        name = files.get(layer, {}).get("file") if isinstance(files.get(layer), dict) else None
        if not isinstance(name, str) or not name or Path(name).name != name:
            problems.append(f"field 'files.{layer}.file': expected a file name in {folder}; got {name!r}")
        elif not (folder / name).is_file():
            problems.append(f"field 'files.{layer}.file': {name} is missing; run `make basemap`")
    relief = data.get("relief") if isinstance(data.get("relief"), dict) else {}
    if not _bounds_ok(relief.get("bounds")):
        problems.append(
            f"field 'relief.bounds': expected [[south, west], [north, east]] in degrees; got {relief.get('bounds')!r}"
        )
    for key in ("width", "height"):
        value = relief.get(key)
        if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
            problems.append(f"field 'relief.{key}': expected a positive number of pixels; got {value!r}")
    credit_list = data.get("credits")
    if not isinstance(credit_list, list) or not credit_list:
        problems.append("field 'credits': expected a list of credit lines")
    else:
        for i, credit in enumerate(credit_list):
            text = credit.get("text") if isinstance(credit, dict) else None
            if not isinstance(text, str) or not text.strip():
                problems.append(f"field 'credits[{i}].text': expected a credit line; got {text!r}")
    return problems


def _bounds_ok(bounds: object) -> bool:
    try:
        (south, west), (north, east) = bounds
        numbers = [float(v) for v in (south, west, north, east)]
    except (TypeError, ValueError):
        return False
    return (
        all(math.isfinite(v) for v in numbers)
        and -85.05 <= south < north <= 85.05  # Web Mercator's limits
        and -180 <= west < east <= 180
    )
