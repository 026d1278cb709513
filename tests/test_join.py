"""Facts joined onto features: citations for each figure, a wide table that never hides a disagreement,
and a whole port's figures shown with its road and rail ports (small fixture)."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from geo.data import join


@pytest.fixture
def cited(mini_dataset):
    return join.cite(mini_dataset.facts, mini_dataset.sources)


@pytest.fixture
def disputed(mini, edit_table):
    """The fixture plus a second article that gives another figure for the Horgos vehicle exports."""
    from geo.data.dataset import load_dataset

    edit_table("sources", lambda rows: rows.append({**rows[0], "source_id": "other-article", "published": ""}))
    edit_table(
        "facts",
        lambda rows: rows.append({**rows[0], "fact_id": "t-09", "value": "250000", "source_id": "other-article"}),
    )
    return load_dataset(mini)


def test_every_cited_fact_carries_its_source(mini_dataset, cited):
    assert len(cited) == len(mini_dataset.facts)
    row = cited.set_index("fact_id").loc["t-01"]
    assert (row["source_publisher"], row["source_published"], row["source_title"]) == (
        "Test Publisher",
        "2025-01-02",
        "A test article",
    )


def test_facts_for_one_entity(cited):
    horgos = join.facts_for(cited, "horgos-road")
    assert horgos["fact_id"].tolist() == ["t-01"]
    assert join.facts_for(cited, "nowhere").empty


def test_a_places_figures_read_amounts_then_changes_and_shares_then_times_the_vocabularys_first_in_each():
    rows = pd.DataFrame(
        [
            ("f1", "clearance_time_after", "hours", "a"),
            ("f2", "trade_growth_yoy", "percent", "a"),
            ("f3", "trains", "count", "b"),
            ("f4", "clearance_time_before", "hours", "a"),
            ("f5", "cargo_throughput", "tonnes", "a"),
            ("f6", "trains", "count", "a"),
            ("f7", "delivery_time_max", "hours", "a"),
            ("f8", "delivery_time_min", "hours", "a"),
        ],
        columns=["fact_id", "metric", "unit", "source_id"],
    ).assign(entity_id="p")
    order = join.reading_order(rows, headline=())["fact_id"].tolist()
    assert order == ["f6", "f3", "f5", "f2", "f4", "f1", "f8", "f7"]
    # the measures the metric vocabulary names come first among their kind, in its order: a growth the vocabulary
    # lists first still reads after the amounts (a new viewer found shares and growth among them)
    order = join.reading_order(rows, headline=("trade_growth_yoy", "cargo_throughput"))["fact_id"].tolist()
    assert order == ["f5", "f6", "f3", "f2", "f4", "f1", "f8", "f7"]
    assert join.headline_metrics()[:2] == ("china_europe_trains", "china_europe_train_routes")  # data/metrics.csv


def with_parents(cited, parents, names=None):
    return join.with_parents(cited, parents, names or {})


def test_a_port_shows_its_own_figures_and_its_whole_ports(mini_dataset, cited):
    table = with_parents(cited, mini_dataset.parents(), mini_dataset.entity_names())
    facts = join.facts_for(table, "horgos-road").sort_values("about", key=lambda a: a != "horgos-road")
    assert facts[["fact_id", "about", "about_name"]].values.tolist() == [
        ["t-01", "horgos-road", "Horgos Road Port"],
        ["t-04", "horgos", "Horgos Port (road and rail)"],
    ]
    assert facts["source_publisher"].tolist() == ["Test Publisher", "Test Publisher"]


def test_joining_the_parents_twice_copies_a_whole_ports_figures_once(mini_dataset, cited):
    # The app joins once and hands the result to the map, which joins again.
    once = with_parents(cited, mini_dataset.parents(), mini_dataset.entity_names())
    twice = with_parents(once, mini_dataset.parents(), mini_dataset.entity_names())
    assert (
        join.facts_for(twice, "horgos-road")["fact_id"].tolist()
        == join.facts_for(once, "horgos-road")["fact_id"].tolist()
    )
    assert len(twice) == len(once)


def test_a_place_without_a_parent_shows_only_its_own(mini_dataset, cited):
    table = with_parents(cited, mini_dataset.parents(), mini_dataset.entity_names())
    assert join.facts_for(table, "urumqi-land-port")["about"].tolist() == ["urumqi-land-port"]


def test_a_zone_shows_the_whole_ftz_figures(mini_dataset):
    cited = join.cite(
        mini_dataset.facts.assign(entity_id=lambda f: f["entity_id"].replace("xinjiang", "xinjiang-ftz")),
        mini_dataset.sources,
    )
    facts = join.facts_for(with_parents(cited, mini_dataset.parents(), mini_dataset.entity_names()), "ftz-horgos")
    assert set(facts["about"]) == {"xinjiang-ftz"}


def test_a_group_cycle_does_not_loop(cited):
    facts = join.facts_for(with_parents(cited, {"horgos-road": "horgos", "horgos": "horgos-road"}), "horgos-road")
    assert sorted(facts["about"]) == ["horgos", "horgos-road"]


def test_wide_table_holds_agreed_figures(mini_dataset):
    ports = join.wide(mini_dataset.ports, mini_dataset.facts)
    assert ports.loc["horgos-road", "vehicle_exports"] == 258000
    assert ports.loc["urumqi-land-port", "fact_count"] == 1
    assert math.isnan(ports.loc["urumqi-land-port", "vehicle_exports"])


def test_wide_table_keeps_both_sides_of_a_disagreement(disputed):
    ports = join.wide(disputed.ports, disputed.facts)
    assert "vehicle_exports" not in ports.columns
    assert ports.loc["horgos-road", "vehicle_exports [test-article]"] == 258000
    assert ports.loc["horgos-road", "vehicle_exports [other-article]"] == 250000


def test_disputed_metrics_lists_every_figure(disputed):
    figures = join.disputed_metrics(disputed.facts)
    assert sorted(figures["value"]) == [250000.0, 258000.0]


def _figures(*rows: tuple[str, str, float, str]) -> pd.DataFrame:
    return pd.DataFrame(
        [{"entity_id": "p", "metric": "m", "source_id": s, "period": p, "value": v, "unit": u} for s, p, v, u in rows]
    )


def test_figures_for_different_periods_are_no_dispute():
    # A year's first half and the whole year; a running total and a year: two sources, no conflict.
    assert join.disputed_metrics(_figures(("a", "2025-01/2025-06", 10, "count"), ("b", "2025", 25, "count"))).empty
    assert join.disputed_metrics(_figures(("a", "../2025-06-30", 90, "count"), ("b", "2025", 25, "count"))).empty
    # The same source twice, or the same value from two sources, is none either.
    assert join.disputed_metrics(_figures(("a", "2025", 10, "count"), ("a", "2025", 12, "count"))).empty
    assert join.disputed_metrics(_figures(("a", "2025", 10, "count"), ("b", "2025", 10, "count"))).empty


def test_two_sources_disagree_on_one_period_or_on_a_rate_for_overlapping_ones():
    same = join.disputed_metrics(_figures(("a", "2025", 10, "count"), ("b", "2025", 12, "count")))
    assert sorted(same["value"]) == [10, 12]
    rate = _figures(("a", "2025-01/2025-06", 5, "percent"), ("b", "2025", 7, "percent"), ("c", "2024", 1, "percent"))
    assert sorted(join.disputed_metrics(rate)["value"]) == [1, 5, 7]  # every figure of the measure is kept


def test_wide_table_of_a_layer_without_facts(mini_dataset):
    corridors = join.wide(mini_dataset.corridors, mini_dataset.facts)
    assert corridors["fact_count"].tolist() == [0] * len(mini_dataset.corridors)


def test_a_port_of_unknown_location_joins_like_any_other(with_unknown_port, edit_table):
    from geo.data.dataset import load_dataset

    edit_table("facts", lambda rows: rows.append({**rows[0], "fact_id": "t-09", "entity_id": "dulata"}))
    data = load_dataset(with_unknown_port)
    ports = join.wide(data.ports, data.facts)
    assert ports.loc["dulata", "vehicle_exports"] == 258000
    assert ports.loc["dulata"].geometry is None


def test_joining_twice_changes_nothing(mini_dataset, cited):
    once = with_parents(cited, mini_dataset.parents(), mini_dataset.entity_names())
    twice = with_parents(once, mini_dataset.parents(), mini_dataset.entity_names())
    assert twice.equals(once)
    own = join.facts_for(twice, "horgos-road")
    assert own["fact_id"].is_unique  # each figure once: its own, or its group's marked as such
