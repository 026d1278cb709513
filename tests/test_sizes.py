"""The measures the map can size ports by (geo.render.sizes): only like with like, at two or more drawn ports."""

from __future__ import annotations

import pandas as pd
import pytest

from geo.data.dataset import load_dataset
from geo.explore import urlstate
from geo.render import sizes
from geo.render.mapping import drawable

PORTS = pd.DataFrame(index=pd.Index(["a", "b", "c"], name="id"))
COLUMNS = ["fact_id", "entity_id", "metric", "value", "unit", "period", "qualifier"]


def facts(*rows) -> pd.DataFrame:
    return pd.DataFrame([dict(zip(COLUMNS, row, strict=True)) for row in rows], columns=COLUMNS)


def test_a_measure_needs_two_ports_with_one_metric_unit_and_period():
    found = sizes.measures(
        facts(
            ("f1", "a", "trains", 10, "count", "2025", ""),
            ("f2", "b", "trains", 5, "count", "2025", "over"),
            ("f3", "c", "trains", 7, "count", "2024", ""),  # another period: not mixed in
            ("f4", "a", "cargo", 3, "tonnes", "2025", ""),  # one port only: not offered
            ("f5", "a", "growth", 10, "percent", "2025", ""),  # a rate: never sized
            ("f6", "b", "growth", 20, "percent", "2025", ""),
            ("f7", "zz", "trains", 99, "count", "2025", ""),  # not a drawn port
        ),
        PORTS,
    )
    assert [m["key"] for m in found] == ["trains.2025"]
    (measure,) = found
    assert measure["values"] == {"a": 10.0, "b": 5.0} and measure["texts"]["b"] == "over 5"
    assert measure["facts"] == {"a": "f1", "b": "f2"} and measure["period"] == "2025"
    assert [v for v, _ in measure["refs"]] == [10.0, 3.0, 1.0]


@pytest.mark.parametrize(("period", "year"), [("2025", 2025), ("2024-12/2025-02", 2025), ("../2023-06-30", 2023)])
def test_a_measure_says_the_year_its_figures_reach(period, year):
    # The map sizes by a measure only in that year or a later one (xjmap.js setSize), never by figures to come.
    found = sizes.measures(
        facts(("f1", "a", "t", 1, "count", period, ""), ("f2", "b", "t", 2, "count", period, "")), PORTS
    )
    assert found[0]["year"] == year


def test_two_figures_of_one_measure_at_a_port_size_it_by_the_first():
    found = sizes.measures(
        facts(("f2", "a", "trains", 99, "count", "2025", ""), ("f1", "a", "trains", 10, "count", "2025", ""),
              ("f3", "b", "trains", 5, "count", "2025", "")),
        PORTS,
    )  # fmt: skip
    assert found[0]["values"]["a"] == 10.0 and found[0]["facts"]["a"] == "f1"


@pytest.mark.parametrize(
    ("largest", "refs"),
    [(124, [120, 40, 12]), (9_770_000, [9_000_000, 3_000_000, 900_000]), (89, [80, 20, 8]), (1, [1, 0.3, 0.1])],
)
def test_reference_values_are_round_and_below_the_largest(largest, refs):
    assert sizes.references(largest) == pytest.approx(refs)


def test_the_real_data_offers_train_routes_and_cargo_at_the_two_rail_ports():
    dataset = load_dataset()
    found = {m["key"]: m for m in sizes.measures(dataset.facts, drawable(dataset.ports))}
    routes = found["china_europe_train_routes.2025-07-28"]
    assert routes["values"] == {"alashankou-rail": 124.0, "horgos-rail": 89.0}
    assert routes["label"] == "China–Europe train routes" and routes["period"] == "28 Jul 2025"
    cargo = found["cargo_throughput.2025-01-01/2025-07-28"]
    assert cargo["texts"] == {"alashankou-rail": "over 9.77 million tonnes", "horgos-rail": "7.96 million tonnes"}
    # The land port's routes are for another period (2025): never sized beside them.
    assert "urumqi-land-port" not in routes["values"]
    assert all(sizes.KEY.fullmatch(key) and urlstate.parse({"size": key})[0].size == key for key in found)


def test_a_link_records_the_size_choice_and_ignores_a_bad_one():
    view, notices = urlstate.parse({"size": "china_europe_train_routes.2025-07-28"})
    assert view.size == "china_europe_train_routes.2025-07-28" and not notices
    assert urlstate.to_params(view) == {"size": "china_europe_train_routes.2025-07-28"}
    assert urlstate.to_map(view)["size"] == view.size
    for bad in ("<b>x</b>", "Trains.2025", "trains", "x." + "1" * 90):
        view, notices = urlstate.parse({"size": bad})
        assert view.size == "" and "'size'" in notices[0], bad


def test_an_exported_view_opens_sized_as_it_was():
    from geo.explore.urlstate import View
    from geo.render.viewmap import view_html

    key = "china_europe_train_routes.2025-07-28"
    html = view_html(load_dataset(), View(size=key))
    assert f'.setSize("{key}")' in html and f'"key": "{key}"' in html
    plain = view_html(load_dataset(), View())
    assert f'.setSize("{key}")' not in plain and f'"key": "{key}"' in plain  # offered, not chosen
