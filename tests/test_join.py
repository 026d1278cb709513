"""Facts joined onto features: citations for each figure, a wide table that never hides a disagreement."""

from __future__ import annotations

import math

from geo import join


def test_every_cited_fact_carries_its_source(dataset):
    cited = join.cite(dataset.facts, dataset.sources)
    assert len(cited) == len(dataset.facts)
    assert cited["source_title"].str.len().min() > 0
    row = cited.set_index("fact_id").loc["xh-01"]
    assert (row["source_publisher"], row["source_published"]) == ("Xinhua via china.org.cn", "2026-01-19")


def test_facts_for_one_entity(dataset):
    cited = join.cite(dataset.facts, dataset.sources)
    horgos = join.facts_for(cited, "horgos-rail")
    assert horgos["metric"].tolist() == ["clearance_time_after", "clearance_time_before"]
    assert horgos["value"].tolist() == [1.0, 3.0]


def test_wide_table_holds_agreed_figures(dataset):
    ports = join.wide(dataset.ports, dataset.facts)
    assert ports.loc["horgos-road", "vehicle_exports"] == 258000
    assert ports.loc["urumqi-land-port", "china_europe_train_routes"] == 21
    assert ports.loc["bakhty", "fact_count"] == 0
    assert math.isnan(ports.loc["bakhty", "vehicle_exports"])


def test_wide_table_keeps_both_sides_of_a_disagreement(dataset):
    ports = join.wide(dataset.ports, dataset.facts)
    assert "intl_air_cargo_growth" not in ports.columns
    assert ports.loc["urumqi-airport", "intl_air_cargo_growth [peoples-daily-frontier]"] == 446
    assert ports.loc["urumqi-airport", "intl_air_cargo_growth [ftz-two-years]"] == 370


def test_disputed_metrics_lists_every_figure(dataset):
    disputed = join.disputed_metrics(dataset.facts)
    approved = disputed[(disputed["entity_id"] == "xinjiang") & (disputed["metric"] == "approved_ports")]
    assert sorted(approved["value"]) == [19.0, 21.0]


def test_wide_table_of_a_layer_without_facts(dataset):
    corridors = join.wide(dataset.corridors, dataset.facts)
    assert corridors["fact_count"].tolist() == [0] * len(dataset.corridors)
