"""Links reproduce a view; bad or unknown parameters are ignored with a notice, never an error."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from geo.explore.urlstate import DEFAULT, LAYERS, View, address_spec, as_filters, from_map, parse, to_map, to_params

IDS = ["horgos-road", "urumqi-airport"]


def test_default_view_has_no_parameters():
    assert to_params(DEFAULT) == {}
    assert parse({}) == (DEFAULT, [])


def test_round_trip():
    view = View(modes=("road", "rail"), countries=("KAZ", "none"), text="霍尔果斯", selected="horgos-road")
    params = to_params(view)
    assert params == {"mode": "road,rail", "country": "KAZ,none", "q": "霍尔果斯", "selected": "horgos-road"}
    assert parse(params, IDS) == (view, [])


def test_lists_as_repeated_parameters_are_accepted():
    view, notices = parse({"mode": ["rail", "road"]})
    assert view.modes == ("road", "rail") and notices == []


@pytest.mark.parametrize(
    ("params", "field", "value", "notice"),
    [
        ({"colour": "red"}, None, None, "Ignored link parameters the explorer does not know: 'colour'."),
        (
            {"mode": "truck,rail"},
            "modes",
            ("rail",),
            "Ignored 'truck' in 'mode': expected values from road, rail, air.",
        ),
        ({"mode": "truck"}, "modes", (), "Ignored 'truck' in 'mode': expected values from road, rail, air."),
        (
            {"status": "<script>"},
            "statuses",
            (),
            "Ignored '<script>' in 'status': expected values from operational, seasonal, approved, planned.",
        ),
        ({"selected": "nowhere"}, "selected", "", "Ignored 'nowhere' in 'selected': no place has that id."),
        ({"q": "x" * 150}, "text", "x" * 100, "Shortened the search text from the link to 100 characters."),
    ],
)
def test_bad_parameters_are_ignored_with_a_notice(params, field, value, notice):
    view, notices = parse(params, IDS)
    assert notices == [notice]
    if field:
        assert getattr(view, field) == value


def test_as_filters_means_no_filter_when_nothing_is_selected():
    filters = as_filters(View(modes=("rail",)))
    assert filters["modes"] == ("rail",)
    assert filters["kinds"] is None


def test_values_and_names_are_read_without_regard_to_case():
    view, notices = parse({"mode": "Rail", "Country": "kaz", "selected": "Horgos-Road"}, IDS)
    assert (view.modes, view.countries, view.selected, notices) == (("rail",), ("KAZ",), "horgos-road", [])


def test_many_unknown_parameters_give_one_notice():
    _, notices = parse({f"p{i}": "x" for i in range(12)})
    assert notices == ["Ignored link parameters the explorer does not know: 'p0', 'p1', 'p2', 'p3', 'p4' and 7 more."]


def test_map_position_and_layers_round_trip():
    view = View(layers=("zones", "ports"), at=(43.9, 87.47, 9.25))
    params = to_params(view)
    assert params == {"layers": "zones,ports", "at": "43.9,87.47,9.25"}
    assert parse(params) == (view, [])
    assert parse({"layers": ""})[0].layers == ()  # every layer turned off
    assert DEFAULT.layers == LAYERS and "layers" not in to_params(DEFAULT)


@pytest.mark.parametrize("bad", ["43,80", "91,80,5", "43,80,30", "a,b,c", "nan,1,1"])
def test_a_bad_map_position_is_ignored_with_a_notice(bad):
    view, notices = parse({"at": bad})
    assert view.at == () and notices == [
        f"Ignored {bad!r} in 'at': expected latitude,longitude,zoom such as 42.5,82,5."
    ]


def test_the_map_reports_a_view_that_is_checked_like_a_link():
    state = {
        "filters": {"modes": ["rail", "boat"], "countries": ["KAZ"]},
        "text": "x" * 300,
        "selected": "nowhere",
        "at": [43.5, 80.25, 6],
        "layers": ["ports"],
    }
    view = from_map(state, IDS)
    assert view == View(modes=("rail",), countries=("KAZ",), text="x" * 100, layers=("ports",), at=(43.5, 80.25, 6.0))
    assert from_map(to_map(view), IDS) == view


@pytest.mark.parametrize("bad", ["nope", "nope,nada", " , nope"])
def test_a_layer_list_naming_no_known_layer_leaves_every_layer_on(bad):
    view, notices = parse({"layers": bad})
    assert view.layers == LAYERS
    assert "layers" not in to_params(view)  # the link the page writes back keeps them on
    assert len(notices) == 1 and "nope" in notices[0] and notices[0].endswith("every layer stays on.")


def test_unknown_layers_beside_known_ones_are_dropped_and_the_known_ones_kept():
    view, notices = parse({"layers": "ports,nope"})
    assert view.layers == ("ports",)
    assert to_params(view) == {"layers": "ports"}
    assert len(notices) == 1 and "'nope'" in notices[0]


def test_the_map_reporting_no_layer_on_means_every_layer_off():
    assert from_map({"layers": []}, IDS).layers == ()
    assert from_map({"layers": ["nope"]}, IDS).layers == LAYERS


VIEW_CASES = json.loads((Path(__file__).parent / "cases" / "view.json").read_text(encoding="utf-8"))


def test_the_address_rules_the_browser_carries_are_these():
    assert VIEW_CASES["book"] == address_spec()


@pytest.mark.parametrize("case", VIEW_CASES["address"], ids=lambda c: c["why"])
def test_the_address_a_view_writes_is_the_browsers(case):
    """The map writes the address itself (static/xj/view.js); the page then writes the same, so nothing moves."""
    reported = from_map(case["view"], [case["view"].get("selected", "")])  # a selection names a place the data has
    view = replace(
        reported,
        period=case["view"].get("period", ""),
        year=case["view"].get("year", ""),
        size=case["view"].get("size", ""),
    )
    assert [list(item) for item in to_params(view).items()] == case["params"]
