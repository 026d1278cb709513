"""The year rule (geo.explore.timeline) on the cases the browser's twin passes, and on the project's data."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from geo.data.dataset import load_dataset
from geo.explore import timeline

CASES = json.loads((Path(__file__).parent / "cases" / "timeline.json").read_text(encoding="utf-8"))["cases"]


@pytest.mark.parametrize("case", CASES, ids=[c["why"] for c in CASES])
def test_state_as_of_shared_cases(case):
    for year, state, known in case["expect"]:
        found = timeline.layer_state_as_of(
            case.get("layer", "ports"), case["events"], case["status"], case["status_year"], year
        )
        assert found == (state, known), year


@pytest.fixture(scope="module")
def dataset():
    return load_dataset()


def test_today_matches_the_ports_statuses(dataset):
    now = date.today().year
    found = timeline.counts(dataset.ports, dataset.events, now)
    running = dataset.ports["status"].isin(["operational", "seasonal"]).sum()
    assert found["open"] + found["seasonal"] == running
    assert sum(found[s] for s in timeline.STATES) == len(dataset.ports)


def test_open_ports_rise_from_none_to_today(dataset):
    load = timeline.payload(dataset.ports, dataset.events, date(2026, 6, 1))
    assert load["now"] == 2026
    assert load["first"] == min(int(d[:4]) for d in dataset.events["date"] if d)
    running = [
        sum(timeline.counts(dataset.ports, dataset.events, y)[s] for s in timeline.RUNNING)
        for y in (load["first"] - 1, 1990, 2010, 2026)
    ]
    assert running[0] < running[1] < running[2] <= running[3]


def test_payload_carries_every_port_with_its_events(dataset):
    places = timeline.payload(dataset.ports, dataset.events)["places"]
    assert set(places) == set(dataset.ports.index)
    assert ["year_round", "2016"] in places["karasu"]["events"]
    assert places["karasu"]["status"] == "operational" and places["karasu"]["year"] == 2025


def test_a_link_records_the_year_and_ignores_a_bad_one():
    from geo.explore import urlstate

    view, notices = urlstate.parse({"year": "1995"})
    assert view.year == "1995" and not notices
    assert urlstate.to_params(view) == {"year": "1995"}
    assert urlstate.to_map(view)["year"] == "1995"
    assert urlstate.to_params(urlstate.DEFAULT) == {}
    for bad in ("95", "1995a", "１９９５", "<b>"):
        view, notices = urlstate.parse({"year": bad})
        assert view.year == "" and "'year'" in notices[0], bad


def test_an_exported_view_opens_at_its_year_with_the_control_on_the_map(dataset):
    from geo.explore.urlstate import View
    from geo.render.viewmap import view_html, view_title

    html = view_html(dataset, View(year="1992"))
    assert '.yearOnMap("1992" || null)' in html
    assert '"yearOnMap": false' in html and '["year_round", "2016"]' in html
    assert "ports drawn as of 1992" in view_title(dataset, View(year="1992"))
    assert "as of" not in view_title(dataset, View())


def test_today_every_corridor_is_as_its_status_says_and_every_zone_is_open(dataset):
    now = date.today().year
    for cid, row in dataset.corridors.iterrows():
        events = dataset.events[dataset.events["entity_id"] == cid][["event", "date"]].fillna("").values.tolist()
        assert timeline.corridor_state_as_of(events, row["status"], now)[0] == row["status"], cid
    found = timeline.layer_counts(dataset.zones, dataset.events, "zones", now)
    assert found["open"] == len(dataset.zones)


def test_corridors_and_zones_appear_as_their_events_date_them(dataset):
    corridors = {
        y: timeline.layer_counts(dataset.corridors, dataset.events, "corridors", y) for y in (1980, 1987, 2000)
    }
    assert corridors[1980]["none"] == len(dataset.corridors)  # none begun: none drawn
    assert corridors[1987]["under_construction"] >= 1 and corridors[1987]["operating"] < corridors[2000]["operating"]
    zones = {y: timeline.layer_counts(dataset.zones, dataset.events, "zones", y) for y in (2003, 2011, 2022, 2023)}
    assert zones[2003]["none"] == len(dataset.zones)
    assert zones[2011]["approved"] >= 1  # the Horgos centre agreed, the Alashankou bonded zone approved
    assert zones[2022]["none"] == 3 and zones[2023]["open"] == len(dataset.zones)  # the FTZ's three areas in 2023


def test_payload_carries_corridors_and_zones_with_their_events(dataset):
    load = timeline.payload(dataset.ports, dataset.events, corridors=dataset.corridors, zones=dataset.zones)
    assert set(load["corridors"]) == set(dataset.corridors.index) and set(load["zones"]) == set(dataset.zones.index)
    assert ["construction_started", "1985-05-01"] in load["corridors"]["urumqi-alashankou"]["events"]
    assert load["corridors"]["china-kyrgyzstan-uzbekistan"]["status"] == "under_construction"
    assert ["established", "2023-11-01"] in load["zones"]["ftz-urumqi"]["events"]


def test_the_years_play_shows_are_those_in_which_a_state_can_change(dataset):
    load = timeline.payload(dataset.ports, dataset.events, date(2026, 6, 1))
    years = load["years"]
    assert years == sorted(set(years)) and years[0] == load["first"] and years[-1] <= load["now"]
    # Every year in which the count of ports in some state changes is among them (so Play draws it).
    for y in range(load["first"] + 1, load["now"] + 1):
        if timeline.counts(dataset.ports, dataset.events, y) != timeline.counts(dataset.ports, dataset.events, y - 1):
            assert y in years, y
    assert len(years) < load["now"] - load["first"]  # and it skips the years in which nothing happens


def test_the_places_standing_in_a_year_are_those_the_map_draws_then(dataset):
    # Downloads of what is shown held every place, also those the year's map leaves off (not yet approved).
    frames = {"ports": dataset.ports, "corridors": dataset.corridors, "zones": dataset.zones}
    assert {k: len(v) for k, v in timeline.standing(frames, dataset.events, "").items()} == {
        k: len(v) for k, v in frames.items()
    }
    years = timeline.change_years(timeline.history(dataset.ports, dataset.events))
    for year in (years[0], years[len(years) // 2], years[-1]):
        standing = timeline.standing(frames, dataset.events, str(year))
        assert (
            len(standing["ports"]) == len(dataset.ports) - timeline.counts(dataset.ports, dataset.events, year)["none"]
        )
        for layer in ("corridors", "zones"):
            none = timeline.layer_counts(frames[layer], dataset.events, layer, year)["none"]
            assert len(standing[layer]) == len(frames[layer]) - none, (layer, year)
    early = timeline.standing(frames, dataset.events, str(years[0]))
    assert sum(map(len, early.values())) < sum(map(len, frames.values()))  # the case tests something
