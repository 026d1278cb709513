"""A port's rail and road members: which one a measure means (trains: rail; trucks: road), and a title's mode."""

from __future__ import annotations

import re

from geo.ingest.borders import ROAD_MODE, border_country
from geo.ingest.entities import Entity
from geo.ingest.modes import RAIL, ROAD

# a measure's name that says its mode: "china_europe_trains", "train_cargo"; "truck_crossings"
_RAIL_METRIC = re.compile(r"^china_europe|(?:^|_)(?:trains?|rail|railway|wagons|railcars)(?:_|$)")
_ROAD_METRIC = re.compile(r"(?:^|_)(?:trucks?|road|lorries)(?:_|$)")


class PortMembers:
    """The data's places by id, and the port member a measure, a mode or the title picks."""

    def __init__(self, entities: list[Entity], mode: str) -> None:
        self.by_id = {e.id: e for e in entities}
        self.mode = mode  # "rail" or "road" when the title or headline names a railway or road port
        self.neighbour = ""  # the last neighbour country named: "between the countries" after it is that border

    def _is_port(self, entity_id: str) -> bool:
        entity = self.by_id.get(entity_id)
        parent = self.by_id.get(entity.parent) if entity else None
        return entity is not None and (entity.kind == "port" or (parent is not None and parent.kind == "port"))

    def member(self, entity_id: str, measure: str) -> str:
        """A whole port's rail or road member when the measure says which mode (trains: rail; trucks: road)."""
        entity = self.by_id.get(entity_id)
        if entity is None or entity.kind != "port":
            return entity_id
        members = {
            m: e.id for e in self.by_id.values() if e.parent == entity_id for m in ("rail", "road") if m in e.kind
        }
        if RAIL.search(measure) and "rail" in members:
            return members["rail"]
        if ROAD.search(measure) and "road" in members:
            return members["road"]
        return members.get(self.mode, entity_id)

    def member_for_metric(self, entity_id: str, metric: str) -> str:
        """A port member whose mode the measure contradicts ("77 China-Europe train routes" put on the road port) is
        the member of the measure's mode; any other place stays."""
        entity = self.by_id.get(entity_id)
        parent = self.by_id.get(entity.parent) if entity else None
        if entity is None or parent is None or parent.kind != "port":
            return entity_id
        mode = "rail" if _RAIL_METRIC.search(metric) else "road" if _ROAD_METRIC.search(metric) else ""
        if not mode or mode in entity.kind.split():
            return entity_id
        return next((e.id for e in self.by_id.values() if e.parent == parent.id and mode in e.kind.split()), entity_id)

    def kind_of(self, entity_id: str) -> str:
        """The kind words the data gives a place ("air airport", "rail border"); for several places the kind they
        share (two railway ports count routes as one does), else ""."""
        kinds = {self.by_id[e].kind if e in self.by_id else "" for e in entity_id.split(";")}
        return kinds.pop() if len(kinds) == 1 else ""

    def is_member(self, member: str, whole: str) -> bool:
        """Whether ``member`` is a mode of the port ``whole`` (horgos-rail of horgos)."""
        entity = self.by_id.get(member)
        other = self.by_id.get(whole)
        # siblings too: "8,165 trains went through the port, up 6.3 percent": the percent is the trains' port's
        if entity is None or not whole:
            return False
        siblings = other is not None and other.parent == entity.parent and self._is_port(entity.parent)
        return entity.parent == whole or siblings

    def border_ports(self, text: str) -> list[str]:
        """The ports on the border a text names by its two countries and a mode ("rail freight between China and
        Kazakhstan"): [] without a mode word or a neighbour the data's ports face."""
        country = border_country(text, self.neighbour)
        if not country:
            return []
        mode = "rail" if RAIL.search(text) else "road" if ROAD_MODE.search(text) else ""
        return sorted(e.id for e in self.by_id.values() if mode and e.border == country and mode in e.kind.split())

    def _whole(self, entity_id: str, measure: str) -> str:
        """A port member carried from elsewhere is its whole port when the figure's measure names a mode.

        "8,165 freight trains went through the port": the port meant is the railway one, whichever member
        the sentences before happened to name.
        """
        entity = self.by_id.get(entity_id)
        parent = self.by_id.get(entity.parent) if entity else None
        if parent is not None and parent.kind == "port" and (RAIL.search(measure) or ROAD.search(measure)):
            return parent.id
        return entity_id


def article_mode(title: str) -> str:
    """The mode a title or headline gives the whole story: "railway port(s)" -> rail, "highway/road port" -> road."""
    if re.search(
        r"\brail(?:way)?\s+(?:ports?|hubs?|transport(?:ation)?|freight|cargo|traffic|shipments?)\b"
        r"|\b(?:freight\s+)?trains?\b",
        title,
        re.I,
    ):
        return "rail"  # a story about trains: a port it names without a mode is its railway port
    # "increase the capacity of road border crossings": the crossings a story about road haulage names are road ports
    if re.search(r"\b(?:road|highway)\s+(?:ports?|(?:border\s+)?(?:crossings?|checkpoints?))\b", title, re.I):
        return "road"
    return ""
