"""Text never runs: template syntax from data, uploads, file names and article titles reaches every output as text."""

from __future__ import annotations

import json
import re

import pytest
from branca.element import Element
from streamlit.testing.v1 import AppTest

from geo import settings
from geo.data import join
from geo.data.dataset import load_dataset
from geo.explore.upload import read_upload
from geo.render import charts, mapping, present, verbatim

# Each would change the output if compiled: 7*191 renders 1337; raw breaks compilation; lipsum reaches os.
PAYLOADS = (
    "{{ 7*191 }}",
    "{% raw %}",
    "{{ lipsum.__globals__.os.popen('echo XJ''RAN').read() }}",
    "{# hidden #}",
)
HOSTILE = " ".join(PAYLOADS)
RAN = ("1337", "XJRAN")  # what evaluating the payloads would print


def evaluated(mark: str, text: str) -> bool:
    """Whether ``mark`` stands on its own in ``text``: Folium's random element ids are hex and can hold "1337"."""
    return re.search(rf"(?<![0-9a-f]){mark}(?![0-9a-f])", text) is not None


def assert_not_evaluated(text: str) -> None:
    for mark in RAN:
        assert not evaluated(mark, text)
    # Each payload's words are still there, as text: nothing was swallowed as a comment or a tag.
    for word in ("7*191", "raw", "lipsum.__globals__", "hidden"):
        assert word in text, word


@pytest.fixture
def hostile_data(edit_layer, edit_table, mini):
    def plant(data):
        for feature in data["features"][:1]:
            feature["properties"]["name"] = HOSTILE
            for field in ("location_note", "geometry_note"):
                if field in feature["properties"]:
                    feature["properties"][field] = HOSTILE

    for layer in ("ports", "corridors", "zones"):
        edit_layer(layer, plant)
    edit_table("facts", lambda rows: [row.update(claim=HOSTILE) for row in rows])
    # A title as `propose` registers it from an article's first line.
    edit_table("sources", lambda rows: [row.update(title=HOSTILE, publisher=HOSTILE) for row in rows])
    return load_dataset(mini)


def upload() -> tuple[str, object]:
    feature = {
        "type": "Feature",
        "id": HOSTILE,
        "geometry": {"type": "Point", "coordinates": [80.0, 44.0]},
        "properties": {"name": HOSTILE, "note": HOSTILE, HOSTILE: HOSTILE, "kind": HOSTILE},
    }
    raw = json.dumps({"type": "FeatureCollection", "features": [feature]}).encode()
    name = HOSTILE + ".geojson"
    return name, read_upload(raw, name)


def test_an_element_made_of_text_renders_that_text():
    assert verbatim.installed()
    assert Element(HOSTILE).render() == HOSTILE


def test_the_map_its_popups_and_an_upload_render_template_syntax_as_text(hostile_data):
    m = mapping.build_map(hostile_data, assets="cdn", upload=upload())
    out = mapping.payload(m, hostile_data)
    assert_not_evaluated(out["script"])
    # Popups (ports, corridors, zones, the upload's table of properties) carry it, HTML-escaped in JSON.
    assert out["script"].count("lipsum.__globals__") >= 8


def test_the_standalone_export_renders_template_syntax_as_text(hostile_data, tmp_path):
    path = tmp_path / "map.html"
    mapping.export_html(hostile_data, path)
    assert_not_evaluated(path.read_text(encoding="utf-8"))


def test_tables_and_charts_keep_template_syntax_as_text(hostile_data):
    cited = join.cite(hostile_data.facts, hostile_data.sources)
    cited = join.with_parents(cited, hostile_data.parents(), hostile_data.entity_names())
    assert_not_evaluated(present.ports_table(join.wide(hostile_data.ports, hostile_data.facts)).to_csv())
    assert_not_evaluated(str(present.facts_html(cited)))
    entity = cited["entity_id"].iloc[0]
    (chart, *_) = charts.place_charts(cited, entity, name=HOSTILE)
    assert_not_evaluated(json.dumps(chart.spec) + chart.source_line)


def test_the_page_shows_template_syntax_as_text(hostile_data, mini, monkeypatch):
    monkeypatch.setenv("XJ_DATA_DIR", str(mini))
    at = AppTest.from_file(str(settings.PROJECT_DIR / "app.py"), default_timeout=60)
    at.query_params["q"] = HOSTILE
    at.run()
    assert not at.exception
    page = json.dumps([str(element.proto) for element in at.main] + [str(e.proto) for e in at.sidebar])
    for mark in RAN:
        assert not evaluated(mark, page)
    assert "lipsum" in page
