"""Downloads load back with geopandas to the same features and values."""

from __future__ import annotations

import io
import json

import geopandas as gpd
import pandas as pd
from shapely import wkt

from geo import export, join
from geo.filter import filter_ports


def shown(dataset):
    return {
        "ports": filter_ports(dataset.ports, modes=["rail"]),
        "corridors": dataset.corridors,
        "zones": dataset.zones.iloc[:2],
    }


def test_geojson_round_trip(dataset, tmp_path):
    path = tmp_path / "places.geojson"
    path.write_text(export.selection_geojson(shown(dataset)), encoding="utf-8")
    back = gpd.read_file(path)
    assert len(back) == 3 + 6 + 2
    ports = back[back["layer"] == "ports"].set_index("id")
    assert sorted(ports.index) == ["alashankou-rail", "horgos-rail", "urumqi-land-port"]
    original = dataset.ports.loc["horgos-rail"]
    assert ports.loc["horgos-rail"].geometry.equals(original.geometry)
    assert ports.loc["horgos-rail", "name_zh"] == original["name_zh"]
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert raw["features"][0]["properties"]["modes"] in (["rail"], ["rail", "road"])


def test_csv_round_trip(dataset):
    table = pd.read_csv(io.StringIO(export.selection_csv(shown(dataset))))
    back = gpd.GeoDataFrame(table, geometry=table["geometry"].map(wkt.loads), crs=4326)
    zones = back[back["layer"] == "zones"].set_index("id")
    original = dataset.zones.iloc[0]
    assert zones.loc[original["id"]].geometry.equals_exact(original.geometry, 1e-9)
    assert zones.loc[original["id"], "official_area_km2"] == original["official_area_km2"]
    corridor = back[back["layer"] == "corridors"].set_index("id").loc["urumqi-horgos"]
    assert json.loads(corridor["waypoints"]) == dataset.corridors.loc["urumqi-horgos", "waypoints"]


def test_facts_csv_keeps_values_and_sources(dataset):
    cited = join.cite(dataset.facts, dataset.sources)
    table = pd.read_csv(io.StringIO(export.facts_csv(cited, ["horgos-rail", "xinjiang"])), keep_default_na=False)
    assert set(table["entity_id"]) == {"horgos-rail", "xinjiang"}
    row = table.set_index("fact_id").loc["pd-02"]
    assert (row["value"], row["source_publisher"]) == (
        356310000000.0,
        "People's Daily (Ouyang Jie), republished by a news site",
    )
