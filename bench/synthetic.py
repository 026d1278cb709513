"""Synthetic data folders: the real data plus generated ports and long corridors, for scaling runs."""

from __future__ import annotations

import json
import math
import random
import shutil
from pathlib import Path

from geo import settings

# Generated ports fall inside Xinjiang's box, so the layer stays valid under the project's own rules.
WEST, SOUTH, EAST, NORTH = 74.0, 36.5, 95.0, 48.5
MODE_CHOICES = (["road"], ["rail"], ["air"], ["rail", "road"])


def make(folder: Path, ports: int, seed: int = 7) -> Path:
    """Write a data folder with ``ports`` ports in all (the real ones first) and, from 10,000 ports on,
    six extra corridors of ``ports // 10`` vertices each.

    Returns
    -------
    Path
        ``folder``, laid out like ``data/``.
    """
    rng = random.Random(seed)
    if folder.exists():
        shutil.rmtree(folder)
    shutil.copytree(settings.DATA_DIR, folder)
    layer = folder / "geojson" / "ports.geojson"
    data = json.loads(layer.read_text(encoding="utf-8"))
    template = data["features"][0]["properties"]
    for number in range(max(0, ports - len(data["features"]))):
        fid = f"synthetic-{number + 1}"
        data["features"].append(
            {
                "type": "Feature",
                "id": fid,
                "geometry": {
                    "type": "Point",
                    "coordinates": [round(rng.uniform(WEST, EAST), 5), round(rng.uniform(SOUTH, NORTH), 5)],
                },
                "properties": {
                    **template,
                    "id": fid,
                    "name": f"Synthetic port {number + 1}",
                    "name_zh": "合成口岸",
                    "modes": rng.choice(MODE_CHOICES),
                    "sources": ["synthetic benchmark data"],
                },
            }
        )
    layer.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    if ports >= 10_000:
        _long_corridors(folder / "geojson" / "corridors.geojson", ports // 10, rng)
    return folder


def _long_corridors(path: Path, vertices: int, rng: random.Random) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    template = data["features"][0]["properties"]
    for number in range(6):
        lon, lat, heading, line = rng.uniform(76, 92), rng.uniform(38, 47), rng.uniform(0, 2 * math.pi), []
        for _ in range(vertices):
            heading += rng.uniform(-0.3, 0.3)
            lon = min(EAST, max(WEST, lon + 0.01 * math.cos(heading)))
            lat = min(NORTH, max(SOUTH, lat + 0.01 * math.sin(heading)))
            line.append([round(lon, 5), round(lat, 5)])
        fid = f"synthetic-line-{number + 1}"
        data["features"].append(
            {
                "type": "Feature",
                "id": fid,
                "geometry": {"type": "LineString", "coordinates": line},
                "properties": {
                    **template,
                    "id": fid,
                    "name": f"Synthetic corridor {number + 1}",
                    "via_ports": [],
                    "waypoints": [],
                    "waypoint_aliases": [],
                    "sources": ["synthetic"],
                },
            }
        )
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
