"""Build the GeoJSON layers from the tables in data/: cited points, schematic lines, footprint circles."""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

import pandas as pd
from pyproj import Geod, Transformer
from shapely.geometry import Polygon, mapping
from shapely.geometry.polygon import orient

from geo import settings
from geo.data.load import parse_coordinate, read_package, read_tables, split_list
from geo.data.validate import model_problems, raise_if_problems, tables_problems

GEOD = Geod(ellps="WGS84")
DECIMALS = settings.COORDINATE_DECIMALS
# How the build draws what has no published geometry; each feature says so in its note.
STRAIGHT = (
    "Straight segments between the named stations, each at its referenced coordinates; "
    "the track itself bends between them."
)
FOOTPRINT = "Footprint is a circle of the official area, not the real boundary (not published as data). "
FOOTPRINT_VERTICES = 64


def read_valid_tables(data_dir: Path = settings.DATA_DIR) -> dict[str, pd.DataFrame]:
    """Read every table of the data package from ``data_dir`` and check it (schema, ids, locations).

    Raises
    ------
    DataError
        Listing every problem, each naming file, row and field.
    """
    package = read_package()
    tables = read_tables(data_dir, package)
    raise_if_problems(tables_problems(tables, package, data_dir))
    raise_if_problems(model_problems(tables, data_dir))
    return tables


def build(data_dir: Path = settings.DATA_DIR) -> dict[str, dict]:
    """The three layers as GeoJSON documents, built from the tables of ``data_dir``.

    Returns
    -------
    dict of str to dict
        FeatureCollections keyed by layer name (ports, corridors, zones), features in table order.

    Raises
    ------
    DataError
        If a table breaks the data package's rules.
    """
    return build_layers(read_valid_tables(data_dir))


def build_layers(tables: Mapping[str, pd.DataFrame]) -> dict[str, dict]:
    """The layers from tables that already passed validation (see :func:`read_valid_tables`)."""
    references = {row["ref_id"]: cite(row) for row in tables["references"].to_dict("records")}
    stations = {row["id"]: row for row in tables["stations"].to_dict("records")}
    ports = {row["id"]: row for row in tables["ports"].to_dict("records")}

    def station_place(station_id: str) -> tuple[tuple[float, float], str]:
        station = stations[station_id]
        return parse_coordinate(station["coordinate"]), station["coordinate_ref"]

    def port_place(port: Mapping[str, str]) -> tuple[tuple[float, float], str] | None:
        if port["coordinate"]:
            return parse_coordinate(port["coordinate"]), port["coordinate_ref"]
        return station_place(port["located_at"]) if port["located_at"] else None

    def cited(ref_ids: Iterable[str]) -> list[str]:
        return [references[r] for r in dict.fromkeys(ref_ids)]

    place_aliases = _place_aliases(tables)

    port_features = []
    for port in ports.values():
        place = port_place(port)
        port_features.append(
            _feature(
                port["id"],
                {"type": "Point", "coordinates": list(place[0])} if place else None,
                {
                    "name": port["name"],
                    "name_zh": port["name_zh"],
                    "aliases": split_list(port["aliases"]),
                    "modes": split_list(port["modes"]),
                    "kind": port["kind"],
                    "border_country": port["border_country"] or None,
                    "partner_crossing": port["partner_crossing"] or None,
                    "parent": port["parent"] or None,
                    "place_aliases": place_aliases([f"station:{port['located_at']}"] if port["located_at"] else []),
                    "status": port["status"],
                    "status_as_of": port["status_as_of"] or None,
                    "location_accuracy": port["location_accuracy"],
                    "location_note": port["location_note"],
                    # Where the clearance area stands inland: its published distance from the border.
                    "border_distance_km": float(port["border_distance_km"]) if port["border_distance_km"] else None,
                    "uncertainty_km": float(port["uncertainty_km"]) if port["uncertainty_km"] else None,
                    **_clearance(port, place),
                    "sources": cited(
                        ([place[1]] if place else [])
                        + ([port["clearance_ref"]] if port["clearance_ref"] else [])
                        + split_list(port["sources"])
                        + ([port["border_distance_ref"]] if port["border_distance_ref"] else [])
                    ),
                },
            )
        )

    waypoints = (
        tables["corridor_waypoints"].assign(seq=lambda w: w["seq"].astype(int)).sort_values("seq", kind="stable")
    )
    corridor_features = []
    for corridor in tables["corridors"].to_dict("records"):
        station_ids = waypoints.loc[waypoints["corridor_id"] == corridor["id"], "station_id"].tolist()
        places = [station_place(s) for s in station_ids]
        coords = _round([xy for xy, _ in places])
        corridor_features.append(
            _feature(
                corridor["id"],
                {"type": "LineString", "coordinates": coords},
                {
                    "name": corridor["name"],
                    "aliases": split_list(corridor["aliases"]),
                    "mode": corridor["mode"],
                    "status": corridor["status"],
                    "via_ports": split_list(corridor["via_ports"]),
                    "waypoints": [stations[s]["name"] for s in station_ids],
                    # Searched, not shown: a corridor is found by its stations' Chinese names and other spellings.
                    "waypoint_aliases": [a for s in station_ids for a in split_list(stations[s]["aliases"])],
                    "gauge_change": corridor["gauge_change"] or None,
                    "length_km": line_length_km(coords),
                    "geometry_quality": "schematic",
                    "geometry_note": STRAIGHT,
                    "sources": cited(split_list(corridor["sources"]) + [ref for _, ref in places]),
                },
            )
        )

    zone_features = []
    for zone in tables["zones"].to_dict("records"):
        if zone["centre"]:
            centres = [(parse_coordinate(zone["centre"]), zone["centre_ref"])]
        else:
            centres = []
            for place in split_list(zone["centre_at"]):
                kind, place_id = place.split(":", 1)
                centres.append(station_place(place_id) if kind == "station" else port_place(ports[place_id]))
        centre = (
            sum(xy[0] for xy, _ in centres) / len(centres),
            sum(xy[1] for xy, _ in centres) / len(centres),
        )
        polygon = footprint(*centre, float(zone["official_area_km2"]))
        zone_features.append(
            _feature(
                zone["id"],
                mapping(polygon) | {"coordinates": [_round(polygon.exterior.coords)]},
                {
                    "name": zone["name"],
                    "name_zh": zone["name_zh"],
                    "aliases": split_list(zone["aliases"]),
                    "kind": zone["kind"],
                    "parent": zone["parent"] or None,
                    "place_aliases": place_aliases(split_list(zone["centre_at"])),
                    "official_area_km2": float(zone["official_area_km2"]),
                    "geometry_quality": "approximate",
                    "location_note": FOOTPRINT + zone["centre_note"],
                    "sources": cited([zone["area_ref"], *split_list(zone["sources"]), *(ref for _, ref in centres)]),
                },
            )
        )
    return {
        "ports": _collection(port_features),
        "corridors": _collection(corridor_features),
        "zones": _collection(zone_features),
    }


def _place_aliases(tables: Mapping[str, pd.DataFrame]) -> Callable[[list[str]], list[str]]:
    """The other names of where a place stands, given as ``centre_at`` gives it (``station:ID``, ``port:ID``).

    Searched, not shown: a Horgos zone is found by Korgas and Qorghas as the Horgos ports are. A station gives its
    town's aliases (stations.csv) and those of the port groups (groups.csv) whose ports stand at it; a port gives
    its town's and its own group's. Only names the tables already hold: none is made up.
    """
    stations = dict(zip(tables["stations"]["id"], tables["stations"]["aliases"].map(split_list), strict=True))
    groups = dict(zip(tables["groups"]["id"], tables["groups"]["aliases"].map(split_list), strict=True))
    ports = tables["ports"].to_dict("records")
    town = {port["id"]: port["located_at"] for port in ports}
    group = {port["id"]: port["parent"] for port in ports}
    groups_at: dict[str, list[str]] = {}
    for port in ports:
        if port["located_at"] and port["parent"]:
            groups_at.setdefault(port["located_at"], []).append(port["parent"])

    def aliases(places: list[str]) -> list[str]:
        found: list[str] = []
        for place in places:
            kind, place_id = place.split(":", 1)
            station = place_id if kind == "station" else town.get(place_id, "")
            found += stations.get(station, [])
            at = groups_at.get(station, []) if kind == "station" else [group.get(place_id, "")]
            for group_id in at:
                found += groups.get(group_id, [])
        return list(dict.fromkeys(found))

    return aliases


def _clearance(port: Mapping[str, str], place: tuple[tuple[float, float], str] | None) -> dict:
    """A border port's inland clearance area, where it has one: name, point, distance from the crossing (geodesic
    km) and uncertainty; all null otherwise."""
    if not port.get("clearance_coordinate") or place is None:
        return {"clearance_name": None, "clearance_point": None, "clearance_km": None, "clearance_uncertainty_km": None}
    (lon, lat), (x, y) = place[0], parse_coordinate(port["clearance_coordinate"])
    return {
        "clearance_name": port["clearance_name"] or None,
        "clearance_point": [round(x, DECIMALS), round(y, DECIMALS)],
        "clearance_km": round(GEOD.inv(lon, lat, x, y)[2] / 1000, 1),
        "clearance_uncertainty_km": float(port["clearance_uncertainty_km"]),
    }


def cite(reference: Mapping[str, str]) -> str:
    """One reference as a line of text: publisher, 'title' (date): claim (url)."""
    text = reference["publisher"]
    if reference["title"]:
        text += f", '{reference['title']}'"
    if reference["published"]:
        text += f" ({reference['published']})"
    return f"{text}: {reference['claim']} ({reference['url']})"


def render(collection: dict) -> str:
    """A layer as the text the build writes: UTF-8 JSON, one-space indent, trailing newline."""
    return json.dumps(collection, ensure_ascii=False, indent=1) + "\n"


def write(data_dir: Path = settings.DATA_DIR) -> list[Path]:
    """Build the layers from the tables of ``data_dir`` and write them to ``data_dir/geojson/``.

    Returns
    -------
    list of Path
        The files written.
    """
    layers = build(data_dir)
    out = Path(data_dir) / "geojson"
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, collection in layers.items():
        path = out / f"{name}.geojson"
        path.write_text(render(collection), encoding="utf-8")
        written.append(path)
    return written


def stale_problems(data_dir: Path = settings.DATA_DIR) -> list[str]:
    """A problem for each layer file that differs from what the tables build (tables edited, build not run)."""
    problems = []
    for name, collection in build(data_dir).items():
        path = Path(data_dir) / "geojson" / f"{name}.geojson"
        written = path.read_text(encoding="utf-8") if path.is_file() else None
        if written != render(collection):
            problems.append(
                f"{path}: expected the layer the tables build; got "
                + ("no file" if written is None else "a different file")
                + " (run python -m geo build)."
            )
    return problems


def line_length_km(coords: list[list[float]]) -> float:
    """Geodesic length of a line in km, to 0.1 km."""
    lons, lats = zip(*coords, strict=True)
    return round(GEOD.line_length(lons, lats) / 1000, 1)


def footprint(lon: float, lat: float, area_km2: float, vertices: int = FOOTPRINT_VERTICES) -> Polygon:
    """A circle of the given geodesic area around a centre: an honest stand-in for an unpublished boundary."""
    to_local = Transformer.from_crs(f"+proj=aeqd +lat_0={lat} +lon_0={lon} +datum=WGS84", "EPSG:4326", always_xy=True)
    radius = math.sqrt(area_km2 * 1e6 / math.pi)
    for _ in range(4):  # rounding to 6 decimals and the polygon's chords shave area: correct twice over
        ring = [
            to_local.transform(radius * math.cos(a), radius * math.sin(a))
            for a in (2 * math.pi * i / vertices for i in range(vertices))
        ]
        polygon = orient(Polygon(_round(ring)), sign=1.0)
        area = abs(GEOD.geometry_area_perimeter(polygon)[0]) / 1e6
        radius *= math.sqrt(area_km2 / area)
    return polygon


def _round(coords: Iterable[Iterable[float]]) -> list[list[float]]:
    return [[round(x, DECIMALS), round(y, DECIMALS)] for x, y in coords]


def _feature(feature_id: str, geometry: dict | None, properties: dict) -> dict:
    return {"type": "Feature", "id": feature_id, "properties": {"id": feature_id, **properties}, "geometry": geometry}


def _collection(features: list[dict]) -> dict:
    return {"type": "FeatureCollection", "features": features}
