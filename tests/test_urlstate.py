"""Links reproduce a view; bad or unknown parameters are ignored with a notice, never an error."""

from __future__ import annotations

import pytest

from geo.urlstate import DEFAULT, View, as_filters, parse, to_params

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
        ({"colour": "red"}, None, None, "Ignored the unknown link parameter 'colour'."),
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
