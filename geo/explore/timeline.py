"""Places as they stood in a given year, from their dated events (the browser's twin: XJCore.stateAsOf)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date

import pandas as pd

# Event kinds by what they say of the place afterwards (see static/xj/core.js, which must agree).
OPENS: tuple[str, ...] = (
    "opened",
    "reopened",
    "opened_temporarily",
    "opened_third_countries",
    "accepted",
    "established",
    "service_started",
    "year_round",
    "upgraded",
    "moved",
)
APPROVES: tuple[str, ...] = ("approved", "agreement_signed", "construction_started", "completed")
# Every state, in the order the map's counts name them; "none" is not yet approved (not drawn).
STATES: tuple[str, ...] = ("open", "seasonal", "approved", "planned", "suspended", "none")
RUNNING: tuple[str, ...] = ("open", "seasonal")


def state_today(events: Sequence[Sequence[str]], status: str) -> str:
    """A place's state from today's status; "approved" with a suspension on record is suspended."""
    if status == "operational":
        return "open"
    if status in ("seasonal", "planned"):
        return status
    return "suspended" if any(kind == "suspended" for kind, _ in events) else "approved"


def state_as_of(events: Sequence[Sequence[str]], status: str, status_year: int | None, year: int) -> tuple[str, bool]:
    """The state of a place at the end of ``year`` and whether its dates are known.

    ``events`` are (kind, date) with dates as ``YYYY[-MM[-DD]]`` ("" when unknown; a year alone counts from that
    year). Today's ``status`` holds from ``status_year`` on; a place with no dated event is as it is today in
    every year (known: False). An open place is seasonal if seasonal today or before it was made year-round.
    """
    dated = sorted((e for e in events if e[1]), key=lambda e: e[1])
    if not dated:
        return state_today(events, status), False
    if status_year and year >= status_year:
        return state_today(events, status), True
    state = "none"
    for kind, when in dated:
        if int(when[:4]) > year:
            continue
        if kind in OPENS:
            state = "open"
        elif kind == "suspended":
            state = "suspended"
        elif kind in APPROVES and state == "none":
            state = "approved"
    later_year_round = any(kind == "year_round" and int(when[:4]) > year for kind, when in dated)
    if state == "open" and (status == "seasonal" or later_year_round):
        state = "seasonal"
    return state, True


# A corridor's states are its statuses (geo.settings.CORRIDOR_STATUSES, so the map draws each year's with the
# status's style) and "none"; a zone's are "approved" (approved, agreed or being built) and "open".
CORRIDOR_STATES: tuple[str, ...] = ("operating", "under_construction", "planned", "none")
ZONE_STATES: tuple[str, ...] = ("open", "approved", "none")
_CORRIDOR_PLANS: tuple[str, ...] = ("approved", "agreement_signed")
_CORRIDOR_WORKS: tuple[str, ...] = ("construction_started", "completed")


def _dated(events: Sequence[Sequence[str]], year: int) -> tuple[list[Sequence[str]], list[str]]:
    """The dated events in date order, and the kinds of those dated by the end of ``year``."""
    dated = sorted((e for e in events if e[1]), key=lambda e: e[1])
    return dated, [kind for kind, when in dated if int(when[:4]) <= year]


def corridor_state_as_of(events: Sequence[Sequence[str]], status: str, year: int) -> tuple[str, bool]:
    """A corridor's state at the end of ``year`` and whether its dates are known.

    "none" before any agreement or approval (not drawn), "planned" once agreed or approved, "under_construction"
    once work began or was completed, "operating" once it opened (a later start of works on another section never
    undoes an opening). With no dated event it is as its ``status`` says today, every year (known: False).
    Corridors carry no date for today's status: their events decide every year.
    """
    dated, done = _dated(events, year)
    if not dated:
        return status, False
    state = "none"
    for kind in done:
        if kind in OPENS:
            state = "operating"
        elif kind in _CORRIDOR_WORKS and state in ("none", "planned"):
            state = "under_construction"
        elif kind in _CORRIDOR_PLANS and state == "none":
            state = "planned"
    return state, True


def zone_state_as_of(events: Sequence[Sequence[str]], year: int) -> tuple[str, bool]:
    """A zone's state at the end of ``year`` and whether its dates are known: "none" before it was approved or
    agreed (not drawn), "approved" until it was established or opened, then "open". A zone with no dated event
    exists in every year (zones have no status: each drawn is in place today)."""
    dated, done = _dated(events, year)
    if not dated:
        return "open", False
    state = "none"
    for kind in done:
        if kind in OPENS:
            state = "open"
        elif kind in APPROVES and state == "none":
            state = "approved"
    return state, True


def layer_state_as_of(
    layer: str, events: Sequence[Sequence[str]], status: str, status_year: int | None, year: int
) -> tuple[str, bool]:
    """The state of a place of ``layer`` ("ports", "corridors" or "zones") at the end of ``year``."""
    if layer == "corridors":
        return corridor_state_as_of(events, status, year)
    if layer == "zones":
        return zone_state_as_of(events, year)
    return state_as_of(events, status, status_year, year)


def _pairs(rows: pd.DataFrame | None) -> list[list[str]]:
    if rows is None:
        return []
    return [[str(k), "" if pd.isna(d) else str(d)] for k, d in zip(rows["event"], rows["date"], strict=True)]


def _by_place(events: pd.DataFrame) -> dict[str, pd.DataFrame]:
    return {pid: group for pid, group in events.groupby("entity_id", sort=False)} if len(events) else {}


def history(ports: pd.DataFrame, events: pd.DataFrame) -> dict[str, dict]:
    """Each port's events as [kind, date] pairs (file order) with today's status and the year it is dated."""
    out: dict[str, dict] = {}
    by_place = _by_place(events)
    for pid, port in ports.iterrows():
        pairs = _pairs(by_place.get(pid))
        as_of = port.get("status_as_of")
        year = int(str(as_of)[:4]) if isinstance(as_of, str) and as_of[:4].isdigit() else None
        out[str(pid)] = {"events": pairs, "status": str(port["status"]), "year": year}
    return out


def others(frame: pd.DataFrame | None, events: pd.DataFrame) -> dict[str, dict]:
    """Each corridor's or zone's events as [kind, date] pairs (file order) with today's status ("" for a zone)."""
    if frame is None:
        return {}
    by_place = _by_place(events)
    return {
        str(pid): {"events": _pairs(by_place.get(pid)), "status": str(row.get("status", "") or "")}
        for pid, row in frame.iterrows()
    }


def first_year(*layers: dict[str, dict]) -> int | None:
    """The earliest year any place's events are dated, or None."""
    years = [int(d[:4]) for places in layers for p in places.values() for _, d in p["events"] if d]
    return min(years) if years else None


def change_years(*layers: dict[str, dict]) -> list[int]:
    """The years in which a place's state can change, ascending: its events' years and a port's status year."""
    years = {int(d[:4]) for places in layers for p in places.values() for _, d in p["events"] if d}
    years |= {p["year"] for places in layers for p in places.values() if p.get("year")}
    return sorted(years)


def payload(
    ports: pd.DataFrame,
    events: pd.DataFrame,
    today: date | None = None,
    corridors: pd.DataFrame | None = None,
    zones: pd.DataFrame | None = None,
) -> dict:
    """What the browser's year control needs: each place's events and today's status (and a port's status year),
    by layer, and the range of years."""
    places = history(ports, events)
    lines, areas = others(corridors, events), others(zones, events)
    now = (today or date.today()).year
    return {
        "places": places,
        "corridors": lines,
        "zones": areas,
        "first": first_year(places, lines, areas) or now,
        "now": now,
        "years": [y for y in change_years(places, lines, areas) if y <= now],
    }


def _states(layer: str, frame: pd.DataFrame, events: pd.DataFrame, year: int) -> list[tuple[str, bool]]:
    """Each place's (state, dates known) at the end of ``year``, in the frame's order."""
    if layer == "ports":
        return [state_as_of(p["events"], p["status"], p["year"], year) for p in history(frame, events).values()]
    return [layer_state_as_of(layer, p["events"], p["status"], None, year) for p in others(frame, events).values()]


def counts(ports: pd.DataFrame, events: pd.DataFrame, year: int) -> Counter:
    """How many ports are in each state at the end of ``year``; "unknown" counts those with no dated event."""
    return layer_counts(ports, events, "ports", year)


def layer_counts(frame: pd.DataFrame, events: pd.DataFrame, layer: str, year: int) -> Counter:
    """How many places of ``layer`` are in each state at the end of ``year``; "unknown" as in :func:`counts`."""
    found: Counter = Counter()
    for state, known in _states(layer, frame, events, year):
        found[state] += 1
        found["unknown"] += not known
    return found


def standing(frames: dict[str, pd.DataFrame], events: pd.DataFrame, year: str) -> dict[str, pd.DataFrame]:
    """Each layer's places that the map draws for ``year`` (four digits; "" is today, all of them): a place not
    yet approved or agreed by the end of that year is left out, as the browser leaves it off the map."""
    if not year:
        return dict(frames)
    return {
        layer: frame[[state != "none" for state, _known in _states(layer, frame, events, int(year))]]
        for layer, frame in frames.items()
    }
