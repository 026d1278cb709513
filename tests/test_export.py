"""Downloads load back with geopandas, pandas, Python's csv module and GDAL to the same features and values."""

from __future__ import annotations

import codecs
import csv
import io
import json
import re

import geopandas as gpd
import pandas as pd
import pyogrio
import pytest
from shapely import wkt

from geo.data import join
from geo.explore.filter import filter_ports
from geo.render import export

# Text a spreadsheet would run as a formula, a bare carriage return inside a cell, Chinese text.
HOSTILE = {
    ("ports", "horgos-rail", "name"): '=HYPERLINK("https://example.org","click")',
    ("ports", "horgos-rail", "location_note"): "+1+2",
    ("ports", "alashankou-rail", "location_note"): "-2+3+cmd|' /C calc'!A0",
    ("ports", "alashankou-rail", "name"): "@SUM(1,1)",
    ("ports", "urumqi-land-port", "location_note"): "\tstarts with a tab",
    ("corridors", "urumqi-horgos", "name"): "\rstarts with a carriage return",
    ("corridors", "urumqi-horgos", "geometry_note"): "line one\rline two\r\nline three",
    ("zones", "ftz-urumqi", "location_note"): "乌鲁木齐片区 (Chinese text stays as it is)",
}
HOSTILE_FACTS = {"pd-22": "第一行\r第二行: a bare carriage return inside a claim", "pd-23": "=1+1"}


def shown(dataset):
    return {
        "ports": filter_ports(dataset.ports, modes=["rail"]),
        "corridors": dataset.corridors,
        "zones": dataset.zones.iloc[:2],
    }


@pytest.fixture
def hostile_shown(dataset):
    frames = {layer: frame.copy() for layer, frame in shown(dataset).items()}
    for (layer, fid, field), text in HOSTILE.items():
        frames[layer].loc[fid, field] = text
    frames["zones"].loc["ftz-kashgar", "official_area_km2"] = -3.5  # a negative number stays a number
    frames["corridors"].loc["horgos-almaty", "length_km"] = float("nan")  # a missing number
    return frames


@pytest.fixture
def hostile_cited(dataset):
    cited = join.cite(dataset.facts, dataset.sources).set_index("fact_id", drop=False)
    for fact_id, claim in HOSTILE_FACTS.items():
        cited.loc[fact_id, "claim"] = claim
    return cited.reset_index(drop=True)


def written(text: str) -> str:
    """What a cell holds in the file: formula-leading text gets an apostrophe, line breaks become \\n."""
    safe = text.replace("\r\n", "\n").replace("\r", "\n")
    return "'" + safe if text.startswith(export.FORMULA_PREFIXES) else safe


def read_three_ways(download: str, tmp_path) -> list[list[list[str]]]:
    """The download's bytes (as the browser saves them) read by pandas, the csv module and GDAL."""
    data = download.encode("utf-8")
    assert data.startswith(codecs.BOM_UTF8)
    by_pandas = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False)
    by_csv = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    path = tmp_path / "download.csv"
    path.write_bytes(data)
    by_gdal = pyogrio.read_dataframe(path).astype(object).fillna("")
    assert pyogrio.read_info(path)["features"] == len(by_gdal)
    return [[list(frame.columns), *frame.values.tolist()] for frame in (by_pandas, by_gdal)] + [by_csv]


def test_places_csv_reads_back_the_same_everywhere(hostile_shown, tmp_path):
    pandas_rows, gdal_rows, csv_rows = read_three_ways(export.selection_csv(hostile_shown), tmp_path)
    assert pandas_rows == gdal_rows == csv_rows
    header, *rows = csv_rows
    assert len(rows) == sum(len(frame) for frame in hostile_shown.values())
    cells = {(row[0], row[1]): dict(zip(header, row, strict=True)) for row in rows}
    for (layer, fid, field), text in HOSTILE.items():
        assert cells[layer, fid][field] == written(text)
    assert cells["ports", "horgos-rail"]["name"] == '\'=HYPERLINK("https://example.org","click")'
    assert cells["corridors", "urumqi-horgos"]["geometry_note"] == "line one\nline two\nline three"
    assert cells["zones", "ftz-kashgar"]["official_area_km2"] == "-3.5"
    assert cells["corridors", "urumqi-horgos"]["length_km"] == "600.9"
    assert cells["ports", "horgos-rail"]["length_km"] == cells["corridors", "horgos-almaty"]["length_km"] == ""


def test_figures_csv_reads_back_the_same_everywhere(hostile_cited, dataset, tmp_path):
    ids = ["horgos-rail", *dataset.groups.index]
    pandas_rows, gdal_rows, csv_rows = read_three_ways(export.facts_csv(hostile_cited, ids), tmp_path)
    assert pandas_rows == gdal_rows == csv_rows
    header, *rows = csv_rows
    expected = hostile_cited[hostile_cited["entity_id"].isin(ids)]
    assert len(rows) == len(expected)
    by_id = {row[0]: dict(zip(header, row, strict=True)) for row in rows}
    for fact_id, claim in HOSTILE_FACTS.items():
        assert by_id[fact_id]["claim"] == written(claim)
    assert by_id["pd-22"]["claim"].startswith("第一行\n第二行")
    # Whole numbers are written as integers, the others as they are.
    for fact_id, value in zip(expected["fact_id"], expected["value"], strict=True):
        assert by_id[fact_id]["value"] == (str(int(value)) if float(value).is_integer() else repr(float(value)))
    assert not [row for row in rows if re.fullmatch(r"-?\d+\.0", by_id[row[0]]["value"])]


def test_formula_prefixes_follow_owasp():
    table = pd.DataFrame(
        {
            "text": ["=1+1", "+1", "-1", "@A1", "\tx", "\rx", "\0x", "a=1", "'=1", "1-2"],
            # floats (one is missing): whole ones below 2**53 are exact counts, written as integers
            "number": [-1, -2.5, 17.0, 3, 0, -0.5, 1e20, float("nan"), 2**60, 7],
        }
    )
    rows = list(csv.reader(io.StringIO(export.safe_csv(table).removeprefix(export.BOM), newline="")))
    assert [row[0] for row in rows[1:]] == ["'=1+1", "'+1", "'-1", "'@A1", "'\tx", "'\nx", "'\0x", "a=1", "'=1", "1-2"]
    assert [row[1] for row in rows[1:]] == [
        "-1",
        "-2.5",
        "17",
        "3",
        "0",
        "-0.5",
        "1e+20",
        "",
        "1.152921504606847e+18",
        "7",
    ]


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


def test_geojson_keeps_hostile_text_and_stays_valid(hostile_shown, tmp_path):
    text = export.selection_geojson(hostile_shown)
    document = json.loads(text, parse_constant=lambda name: pytest.fail(f"{name} is not JSON"))
    assert not text.startswith(export.BOM)
    path = tmp_path / "places.geojson"
    path.write_text(text, encoding="utf-8")
    back = gpd.read_file(path).set_index("id")
    for (_layer, fid, field), value in HOSTILE.items():
        assert back.loc[fid, field] == value  # GeoJSON is data, not a spreadsheet: text as it is
    assert back.loc["ftz-kashgar", "official_area_km2"] == -3.5
    corridor = next(f for f in document["features"] if f["id"] == "horgos-almaty")
    assert corridor["properties"]["length_km"] is None  # null, not NaN (which is not JSON)
    ports = [f for f in document["features"] if f["properties"]["layer"] == "ports"]
    assert all(
        f["properties"]["partner_crossing"] is None or isinstance(f["properties"]["partner_crossing"], str)
        for f in ports
    )


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
    table = pd.read_csv(io.StringIO(export.facts_csv(cited, ["horgos", "xinjiang"])), keep_default_na=False)
    assert set(table["entity_id"]) == {"horgos", "xinjiang"}
    row = table.set_index("fact_id").loc["pd-02"]
    assert (row["value"], row["source_publisher"]) == (
        356310000000,
        "People's Daily (Ouyang Jie), republished by The Public Purview",
    )


def test_facts_csv_gives_each_figure_its_address_date_and_a_cite_line(dataset):
    cited = join.cite(dataset.facts, dataset.sources)
    table = pd.read_csv(io.StringIO(export.facts_csv(cited, list(dataset.groups.index))), keep_default_na=False)
    assert "source_file" not in table
    assert table["source_url"].str.match(r"https?://").all()
    dated = (table["source_published"] != "") | (table["source_published_range"] != "")
    assert dated.all()
    row = table.set_index("fact_id").loc["pd-02"]
    assert row["source_published_range"] == "2025-09/2026-11-22"  # in its own column as data, in the line in words
    assert row["source_url"] in row["cite"] and "CC-BY-4.0" in row["cite"]
    assert "undated (published between Sep 2025 and 22 Nov 2026)" in row["cite"]


def test_a_port_without_a_location_is_downloaded_with_no_geometry():
    ports = gpd.GeoDataFrame(
        {"id": ["known", "unknown"], "name": ["Known", "Unknown"]},
        geometry=gpd.GeoSeries.from_wkt(["POINT (80 44)", None]),
        crs=4326,
    ).set_index("id", drop=False)
    collection = json.loads(export.selection_geojson({"ports": ports}))
    assert [f["geometry"] for f in collection["features"]] == [{"type": "Point", "coordinates": [80.0, 44.0]}, None]
    rows = list(csv.DictReader(io.StringIO(export.selection_csv({"ports": ports}).lstrip("\ufeff"))))
    assert [r["geometry"] for r in rows] == ["POINT (80 44)", ""]


def test_the_geojson_download_says_which_view_it_holds():
    ports = gpd.GeoDataFrame(
        {"id": ["a"], "name": ["A"]}, geometry=gpd.GeoSeries.from_wkt(["POINT (80 44)"]), crs=4326
    ).set_index("id", drop=False)
    view = {"mode": "air", "q": "<b>Ürümqi</b>"}
    collection = json.loads(export.selection_geojson({"ports": ports}, view))
    assert collection["view"] == view
    assert "view" not in json.loads(export.selection_geojson({"ports": ports}))


def test_chart_data_is_written_like_every_download(hostile_cited, dataset, tmp_path):
    from geo.render import charts

    cited = join.with_parents(hostile_cited, dataset.parents(), dataset.entity_names())
    written_charts = [
        *charts.region_charts(cited),
        *charts.place_charts(cited, "horgos-road", name="Horgos"),
        *charts.ports_charts(dataset.ports, cited),
    ]
    assert written_charts
    for chart in written_charts:
        download = chart.to_csv()
        pandas_rows, gdal_rows, csv_rows = read_three_ways(download, tmp_path)
        assert pandas_rows == gdal_rows == csv_rows
        assert download.encode("utf-8").count(b"\r\n") == len(csv_rows)  # every row ends with CRLF
        header, *rows = csv_rows
        assert len(rows) == len(chart.data)
        for row in rows:
            for cell in row:
                # Text is guarded with an apostrophe; only a number (say -2.5) may start with a sign.
                assert not cell.startswith(export.FORMULA_PREFIXES) or re.fullmatch(r"[-+]?\d+(\.\d+)?", cell)
                assert not re.fullmatch(r"-?\d+\.0", cell)  # whole numbers as integers
