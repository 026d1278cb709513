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


def history(ports: pd.DataFrame, events: pd.DataFrame) -> dict[str, dict]:
    """Each port's events as [kind, date] pairs (file order) with today's status and the year it is dated."""
    out: dict[str, dict] = {}
    by_place = {pid: group for pid, group in events.groupby("entity_id", sort=False)} if len(events) else {}
    for pid, port in ports.iterrows():
        rows = by_place.get(pid)
        pairs = (
            []
            if rows is None
            else [[str(k), "" if pd.isna(d) else str(d)] for k, d in zip(rows["event"], rows["date"], strict=True)]
        )
        as_of = port.get("status_as_of")
        year = int(str(as_of)[:4]) if isinstance(as_of, str) and as_of[:4].isdigit() else None
        out[str(pid)] = {"events": pairs, "status": str(port["status"]), "year": year}
    return out


def first_year(places: dict[str, dict]) -> int | None:
    """The earliest year any place's events are dated, or None."""
    years = [int(d[:4]) for p in places.values() for _, d in p["events"] if d]
    return min(years) if years else None


def payload(ports: pd.DataFrame, events: pd.DataFrame, today: date | None = None) -> dict:
    """What the browser's year control needs: each port's events, today's status and year, and the range."""
    places = history(ports, events)
    now = (today or date.today()).year
    return {"places": places, "first": first_year(places) or now, "now": now}


def counts(ports: pd.DataFrame, events: pd.DataFrame, year: int) -> Counter:
    """How many ports are in each state at the end of ``year``; "unknown" counts those with no dated event."""
    found: Counter = Counter()
    for place in history(ports, events).values():
        state, known = state_as_of(place["events"], place["status"], place["year"], year)
        found[state] += 1
        found["unknown"] += not known
    return found
