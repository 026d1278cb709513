"""The real history of the places: every open port dated or listed as unknown, every event referenced."""

from __future__ import annotations

import re

from geo import settings

DATA_README = (settings.DATA_DIR / "README.md").read_text(encoding="utf-8")
OPENING = {"opened", "opened_temporarily"}


def unknown_listed() -> set[str]:
    """The event ids data/README.md lists under "Events with unknown dates" (each item's ids, before its dash)."""
    section = DATA_README.split("### Events with unknown dates")[1].split("\n#")[0]
    items = re.findall(r"^- (.+?) — ", section, flags=re.M)
    return {event_id for item in items for event_id in re.findall(r"`([a-z0-9-]+)`", item)}


def test_every_open_port_has_a_dated_opening_or_is_listed_as_unknown(dataset):
    events = dataset.events
    open_ports = dataset.ports.index[dataset.ports["status"].isin(["operational", "seasonal"])]
    listed = unknown_listed()
    for port_id in open_ports:
        openings = events[(events["entity_id"] == port_id) & events["event"].isin(OPENING)]
        dated = openings[openings["date"] != ""]
        undated = set(openings.loc[openings["date"] == "", "event_id"])
        assert len(dated) or (undated and undated <= listed), port_id


def test_the_readme_lists_exactly_the_events_with_unknown_dates(dataset):
    undated = set(dataset.events.loc[dataset.events["date"] == "", "event_id"])
    assert undated == unknown_listed()


def test_every_event_cites_references_that_exist(dataset):
    for column in ("ref_id", "check_ref"):
        cited = set(dataset.events[column]) - {""}
        assert cited <= set(dataset.references.index), column


def test_every_event_is_about_a_place_or_group_of_the_dataset(dataset):
    entities = set(dataset.entity_names())
    assert set(dataset.events["entity_id"]) <= entities
