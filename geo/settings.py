"""Project constants: paths, the layer registry, allowed values and map styles."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent
DATA_DIR = PROJECT_DIR / "data"
GEOJSON_DIR = DATA_DIR / "geojson"
FACTS_PATH = DATA_DIR / "facts.csv"
SOURCES_PATH = DATA_DIR / "sources.csv"
# The Frictionless descriptor of every table. Any data folder (``--data``, ``XJ_DATA_DIR``) is checked
# against the project's own schema, so a folder cannot loosen the rules it is checked by.
DATAPACKAGE_PATH = DATA_DIR / "datapackage.json"


def data_dir() -> Path:
    """The data folder the app reads: ``data/``, or the folder named by ``XJ_DATA_DIR``."""
    return Path(os.environ.get("XJ_DATA_DIR", DATA_DIR))


# Validated data is cached as Parquet (geo/data/cache.py) so a restarted server opens fast: in .cache/xj/ under
# the project, or the folder XJ_CACHE_DIR names ("off": no cache). The most recently used entries are kept.
CACHE_ENTRIES = 4


def cache_dir() -> Path | None:
    """Where validated data is cached, or None if caching is off (``XJ_CACHE_DIR=off``)."""
    chosen = os.environ.get("XJ_CACHE_DIR", str(PROJECT_DIR / ".cache" / "xj"))
    return None if chosen.strip().lower() in ("", "off") else Path(chosen)


# The five articles live beside the project, in ../shared/seeds/ (XJ_SEEDS_DIR elsewhere, e.g. in a worktree).
SEEDS_DIR = Path(os.environ.get("XJ_SEEDS_DIR", PROJECT_DIR.parent / "shared" / "seeds"))
# Other articles the data cites are kept in the data folder's articles/ (data/articles/).
ARTICLES_SUBDIR = "articles"


def article_path(name: str, data_dir: Path = DATA_DIR) -> Path:
    """A source's article file (its ``file``): one of the seeds, else in the data folder's articles/."""
    seed = SEEDS_DIR / name
    return seed if seed.is_file() else Path(data_dir) / ARTICLES_SUBDIR / name


# Allowed values. Tuples keep their order for menus and legends.
MODES: tuple[str, ...] = ("road", "rail", "air")
PORT_KINDS: tuple[str, ...] = ("border", "airport", "inland")
PORT_STATUSES: tuple[str, ...] = ("operational", "seasonal", "approved", "planned")
CORRIDOR_STATUSES: tuple[str, ...] = ("operating", "under_construction", "planned")
ZONE_KINDS: tuple[str, ...] = ("ftz_section", "comprehensive_bonded_zone", "border_cooperation_center")
# "unknown": a port of entry with no sourced position is listed (tables, counts) with a null geometry.
LOCATION_ACCURACIES: tuple[str, ...] = ("exact", "approximate", "unknown")
GEOMETRY_QUALITIES: tuple[str, ...] = ("approximate", "schematic")
QUALIFIERS: tuple[str, ...] = ("", "over", "nearly", "under")
# ISO 3166-1 alpha-3 codes of the countries that border Xinjiang.
NEIGHBOUR_COUNTRIES: dict[str, str] = {
    "KAZ": "Kazakhstan",
    "KGZ": "Kyrgyzstan",
    "TJK": "Tajikistan",
    "AFG": "Afghanistan",
    "PAK": "Pakistan",
    "IND": "India",
    "MNG": "Mongolia",
    "RUS": "Russia",
}

# Entities that facts may cite besides features live in data/groups.csv (Dataset.groups). Groups of
# these kinds get a "region-wide figures" table; port groups (a whole port, road + rail) do not:
# their figures show with the ports that belong to them.
GROUP_KINDS: tuple[str, ...] = ("region", "ftz", "bonded_zones", "port", "development_zone")
REGION_GROUP_KINDS: tuple[str, ...] = ("region", "ftz", "bonded_zones", "development_zone")
# The port counts the articles state (facts about "xinjiang" with these metrics), reconciled port by
# port in data/port_counts.csv, with the label the page shows.
PORT_COUNT_ENTITY = "xinjiang"
PORT_COUNT_MEASURES: dict[str, str] = {
    "approved_ports": "Ports of entry approved",
    "operational_ports": "Ports in operation",
    "highway_ports": "Highway (road) ports",
}

# Xinjiang's neighbourhood: every point and vertex must fall inside (lon/lat, WGS84).
# Wide enough for onward rail legs into Kazakhstan, Kyrgyzstan and Uzbekistan.
# A position outside it whose swap falls inside is reported as swapped lat/lon.
BOUNDS: tuple[float, float, float, float] = (70.0, 34.0, 97.0, 50.0)
COORDINATE_DECIMALS = 6
SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

# Analysts' own layers, uploaded in the app: kept in the session's memory only.
UPLOAD_MAX_MB = 20
UPLOAD_MAX_FEATURES = 20_000

# Checks against Natural Earth's China border (see tests/data/test_geography.py). A border port is drawn
# within BORDER_TOLERANCE_KM of the line, plus the published distance from its crossing where it stands
# inland (border_distance_km): Natural Earth's 1:10m line is 1-3 km off in Xinjiang and an arc-minute
# point carries up to 2 km.
BORDER_TOLERANCE_KM = 5.0
INLAND_PORT_MIN_KM = 100.0
# An airport port is drawn within this distance of its aerodrome reference point (airportsdata).
AIRPORT_MAX_KM = 3.0
# Zone polygons must match their official area within this fraction.
AREA_TOLERANCE = 0.05

MODE_COLOURS: dict[str, str] = {
    "road": "#d95f02",
    "rail": "#1b9e77",
    "air": "#7570b3",
    "combined": "#e7298a",
}
CORRIDOR_STYLES: dict[str, dict[str, object]] = {
    "operating": {"color": "#1b9e77", "weight": 4, "dashArray": None},
    "under_construction": {"color": "#e6ab02", "weight": 4, "dashArray": "8 8"},
    "planned": {"color": "#999999", "weight": 3, "dashArray": "2 8"},
}
ZONE_STYLES: dict[str, dict[str, object]] = {
    "ftz_section": {"color": "#386cb0", "fillColor": "#386cb0", "fillOpacity": 0.25, "weight": 2},
    "comprehensive_bonded_zone": {"color": "#bf5b17", "fillColor": "#bf5b17", "fillOpacity": 0.35, "weight": 2},
    "border_cooperation_center": {"color": "#666666", "fillColor": "#666666", "fillOpacity": 0.35, "weight": 2},
}
# The page's, the export's and the PNG's title: seven zones (the free trade zone's three areas, bonded zones, a
# cooperation centre), so "trade zones", not "free-trade zone".
TITLE = "Xinjiang's ports, rail corridors and trade zones"
# Rendering by size: up to RICH_MAX_PORTS each port is an SVG marker carrying its popup; above it
# the ports are one compact canvas payload (see geo.render.elements.CompactPorts). Measured in bench/.
RICH_MAX_PORTS = 1_000
PORTS_PANE = "xjPorts"  # the map pane of the ports' symbols (geo.render.mapping.PANES)
COMPACT_DECIMALS = 4  # about 11 m, finer than any port's stated accuracy
SIMPLIFY_ABOVE_VERTICES = 5_000
SIMPLIFY_TOLERANCE = 0.0005  # degrees, about 50 m

# Drawing: port circles' radius (px); a zone shows as a symbol until its footprint is this wide on screen;
# the legend opens by itself on maps at least this wide (folded on phones).
PORT_RADIUS = 7
MAP_MAX_ZOOM = 12
ZONE_SYMBOL_BELOW_PX = 14
LEGEND_OPEN_MIN_PX = 700
# The regional base: Xinjiang highlighted, provinces and countries outlined (Leaflet path styles by kind).
BASE_STYLES: dict[str, dict[str, object]] = {
    "xinjiang": {"color": "#b2182b", "weight": 2.5, "fillColor": "#fff5e6", "fillOpacity": 0.18},
    "province": {"color": "#8c6d62", "weight": 1, "dashArray": "4 3", "fillOpacity": 0},
    "country": {"color": "#555555", "weight": 1.2, "fillColor": "#f2f2f2", "fillOpacity": 0.12},
}

MAP_CENTER: tuple[float, float] = (42.5, 82.0)
MAP_ZOOM = 5
# The view the map opens on: Xinjiang with a margin ([[south, west], [north, east]]).
MAP_BOUNDS: list[list[float]] = [[35.0, 72.0], [49.5, 96.0]]

# Leaflet for the browser, installed from npm (package-lock.json) and served by Streamlit from
# ./static/ (enableStaticServing). XJ_MAP_ASSETS=cdn loads it from jsDelivr instead.
LEAFLET_VERSION = "1.9.4"  # the version package.json pins (tests/test_mapping.py checks)
MAP_ASSETS = os.environ.get("XJ_MAP_ASSETS", "local")
LOCAL_ASSET_URL = "/app/static/vendor/leaflet/"
CDN_ASSET_URL = f"https://cdn.jsdelivr.net/npm/leaflet@{LEAFLET_VERSION}/dist/"
STATIC_DIR = PROJECT_DIR / "static"
ASSET_DIRS: tuple[Path, ...] = (STATIC_DIR / "vendor" / "leaflet", PROJECT_DIR / "node_modules" / "leaflet" / "dist")


@dataclass(frozen=True)
class Layer:
    """One GeoJSON layer: where it lives, what it must hold and how it is drawn."""

    name: str
    title: str
    filename: str
    geometry_types: tuple[str, ...]
    required: dict[str, type | tuple[type, ...]]
    enums: dict[str, tuple[str, ...]] = field(default_factory=dict)
    list_enums: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # List fields whose every item must be non-empty text.
    text_lists: tuple[str, ...] = ()
    # (field, value): a feature with this value has no position and a null geometry.
    unlocated: tuple[str, str] | None = None

    @property
    def path(self) -> Path:
        return GEOJSON_DIR / self.filename


PORTS = Layer(
    name="ports",
    title="Ports of entry",
    filename="ports.geojson",
    geometry_types=("Point",),
    required={
        "id": str,
        "name": str,
        "name_zh": str,
        "aliases": list,
        "modes": list,
        "kind": str,
        "border_country": (str, type(None)),
        "partner_crossing": (str, type(None)),
        "parent": (str, type(None)),
        "place_aliases": list,
        "status": str,
        "status_as_of": (str, type(None)),
        "location_accuracy": str,
        "location_note": str,
        "sources": list,
    },
    enums={"kind": PORT_KINDS, "status": PORT_STATUSES, "location_accuracy": LOCATION_ACCURACIES},
    list_enums={"modes": MODES},
    text_lists=("aliases", "place_aliases", "modes", "sources"),
    unlocated=("location_accuracy", "unknown"),
)
CORRIDORS = Layer(
    name="corridors",
    title="Rail corridors",
    filename="corridors.geojson",
    geometry_types=("LineString", "MultiLineString"),
    required={
        "id": str,
        "name": str,
        "aliases": list,
        "mode": str,
        "status": str,
        "via_ports": list,
        "waypoints": list,
        "waypoint_aliases": list,
        "gauge_change": (str, type(None)),
        "length_km": (int, float),
        "geometry_quality": str,
        "geometry_note": str,
        "sources": list,
    },
    enums={"mode": MODES, "status": CORRIDOR_STATUSES, "geometry_quality": GEOMETRY_QUALITIES},
    text_lists=("aliases", "via_ports", "waypoints", "waypoint_aliases", "sources"),
)
ZONES = Layer(
    name="zones",
    title="Free-trade and bonded zones",
    filename="zones.geojson",
    geometry_types=("Polygon", "MultiPolygon"),
    required={
        "id": str,
        "name": str,
        "name_zh": str,
        "aliases": list,
        "kind": str,
        "parent": (str, type(None)),
        "place_aliases": list,
        "official_area_km2": (int, float),
        "geometry_quality": str,
        "location_note": str,
        "sources": list,
    },
    enums={"kind": ZONE_KINDS, "geometry_quality": GEOMETRY_QUALITIES},
    text_lists=("aliases", "place_aliases", "sources"),
)
LAYERS: tuple[Layer, ...] = (PORTS, CORRIDORS, ZONES)

FACT_COLUMNS: tuple[str, ...] = (
    "fact_id",
    "entity_id",
    "metric",
    "value",
    "unit",
    "period",
    "qualifier",
    "source_id",
    "claim",
)

# Uploads are parsed within a memory budget (geo/upload.py). An uploaded layer used to become one
# table as wide as the union of every feature's property names: 2,000 points with 200 names each
# took the server to over 9 GB. Limits checked before any table is built:
# - counted in the raw text before parsing (an upper bound: characters inside strings count too),
#   so that parsing any accepted file stays within the bound measured in tests/test_upload.py;
UPLOAD_MAX_OBJECTS = 200_000  # '{': ten objects per feature at the feature limit
UPLOAD_MAX_ARRAYS = 1_000_000  # '[': about a million positions
UPLOAD_MAX_STRINGS = 1_000_000  # pairs of '"': fifty names and values per feature at the feature limit
UPLOAD_MAX_SEPARATORS = 3_000_000  # ',': the number of values, give or take one per list or object
# - while parsing: distinct property names over the whole file (the parse stops at the first one over);
UPLOAD_MAX_KEYS = 1_000
# - per feature, each naming the feature and field: nesting (whole file: a MultiPolygon needs 8),
#   text length, a property name's length, digits of an integer (int() of 4,300+ digits raises).
UPLOAD_MAX_DEPTH = 16
UPLOAD_MAX_TEXT_CHARS = 10_000
UPLOAD_MAX_KEY_CHARS = 100
UPLOAD_MAX_DIGITS = 20
# What is kept: the properties the map and filters read, plus the first UPLOAD_MAX_OTHER_FIELDS other
# property names in the file's order (the popup shows 15), their values as text of at most
# UPLOAD_MAX_CELL_CHARS characters (numbers, true/false and null stay as they are).
UPLOAD_KEPT_FIELDS: tuple[str, ...] = (
    "name",
    "name_en",
    "title",
    "label",
    "id",
    "name_zh",
    "mode",
    "modes",
    "kind",
    "status",
    "border_country",
)
UPLOAD_MAX_OTHER_FIELDS = 20
UPLOAD_MAX_CELL_CHARS = 200
# How an uploaded layer is drawn, by the kind of its geometry (a GeometryCollection: "area"), in black and
# white over the built-in colours; and the prefix its ids carry on the map, in the selection and in links,
# so a file's "horgos-road" never stands for the built-in port of that id.
# A hue no port mode, zone, corridor or border uses: white points with a dark rim read as the legend's hollow
# "approved, not yet open" ports.
UPLOAD_STYLES: dict[str, dict[str, object]] = {
    "point": {"color": "#000000", "weight": 2, "fillColor": "#17becf", "fillOpacity": 0.9, "fill": True},
    "line": {"color": "#0b7f8a", "weight": 3, "opacity": 0.9, "fill": False},
    "area": {"color": "#000000", "weight": 2, "fillColor": "#17becf", "fillOpacity": 0.3, "fill": True},
}
UPLOAD_ID_PREFIX = "upload:"
