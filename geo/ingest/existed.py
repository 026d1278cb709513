"""A place set up after a figure's period is not its place: "the Horgos area" in 2018 is the port, not the FTZ's area."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from geo.data import periods
from geo.data.load import read_table
from geo.errors import DataError
from geo.ingest.entities import Entity, EntityMatcher
from geo.ingest.text import GENERIC

# The events that say a place began to exist (events.csv): its approval or founding, whichever came first. A port's
# "opened" is its opening to traffic across the border (an airport's first international route), not its existence.
_BEGINNINGS = frozenset({"approved", "established"})
_MARGIN = timedelta(days=366)


def first_days(data_dir: Path) -> dict[str, date]:
    """Each place's first day of existence by the data's dated events; places with none are left out."""
    path = Path(data_dir) / "events.csv"
    if not path.exists():
        return {}
    first: dict[str, date] = {}
    for row in read_table(path).to_dict("records"):
        if row.get("event") not in _BEGINNINGS or not isinstance(row.get("date"), str):
            continue
        try:
            start = periods.parse(row["date"]).start
        except DataError:
            continue  # validation reports a bad date; a proposal only needs the good ones
        entity_id = str(row.get("entity_id", ""))
        if start and (entity_id not in first or start < first[entity_id]):
            first[entity_id] = start
    return first


def existing(
    entity_id: str, period: str, sentence: str, matcher: EntityMatcher, by_id: dict[str, Entity], first: dict[str, date]
) -> str:
    """The place a figure is about, given its period: ``entity_id``, or when that place began after the period ended,
    the best-ranked place of the sentence that shares its place name and existed then (its whole port when the port
    shares the name too); ``entity_id`` still when no such place is named."""
    begun = first.get(entity_id)
    if begun is None or not period or entity_id not in by_id:
        return entity_id
    try:
        end = periods.parse(period).end
    except DataError:
        return entity_id
    if end >= begun - _MARGIN:
        return entity_id  # a period a few months off (a year to date read too short) must not move the place
    # the words of its names that name a place ("the Horgos area" and "Horgos Port" share only "horgos")
    names = _words(by_id[entity_id]) - GENERIC
    for score, other in matcher.rank(sentence, set(), set()):
        entity = by_id.get(other)
        if other == entity_id or entity is None or entity.region or score[0] < 1:
            continue
        if names & _words(entity) and first.get(other, date.min) <= end:
            whole = by_id.get(entity.parent)  # "the Horgos area": the whole port, whose members the text did not name
            return entity.parent if whole is not None and names & _words(whole) and not whole.region else other
    return entity_id


def _words(entity: Entity) -> set[str]:
    return {w for p in entity.phrases for w in p.words}
