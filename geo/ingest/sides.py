"""The neighbour's side of a crossing: its stations, checkpoints and terminals, and a crossing named by both sides."""

from __future__ import annotations

import re
from dataclasses import dataclass

from geo.ingest.entities import Entity
from geo.ingest.outside import Unheld
from geo.ingest.spellings import one_edit
from geo.ingest.text import GENERIC, fold

# A neighbour country's possessive or adjective: what marks a place as across the border ("Kazakhstan's border
# station Dostyk", "the Kyrgyz checkpoint Irkeshtam", "Mongolia's Bulgan checkpoint")
_NEIGHBOUR = (
    r"(?:Kazakhstan['\u2019]s|Kazakh(?:stani)?|Kyrgyzstan['\u2019]s|Kyrgyz|Tajikistan['\u2019]s|Tajik"
    r"|Mongolia['\u2019]s|Mongolian|Pakistan['\u2019]s|Pakistani)"
)
# Kinds of place that stand on one side of a border. A "crossing" (or "junction") has two sides: it is the
# crossing, the data's port; a "border crossing point" is one side's checkpoint.
_SIDE_KIND = (
    r"(?:(?:border\s+|railway\s+|rail\s+|freight\s+)?(?:stations?|checkpoints?)|(?:border\s+)?crossing\s+points?"
    r"|dry\s+ports?|terminals?|logistics\s+(?:cent(?:er|re)|hub|complex)s?)"
)
_NAME = r"[A-Z][\w'\u2019]*(?:[-\u2013][A-Z][\w'\u2019]*)?(?:\s+[A-Z][\w'\u2019]*){0,2}"
_MARKED_BEFORE = re.compile(rf"\b{_NEIGHBOUR}\s+(?:[a-z]+\s+){{0,2}}?{_SIDE_KIND}\s+[\"\u201c]?(?P<name>{_NAME})")
_MARKED_AROUND = re.compile(rf"\b{_NEIGHBOUR}\s+[\"\u201c]?(?P<name>{_NAME})[\"\u201d]?\s+{_SIDE_KIND}\b")
# "it", "the station", "the facility": a clause that points back to the place the sentences before were about
SIDE_BACK = re.compile(
    r"\b(?:[Ii]t|[Ii]ts|[Tt]he\s+(?:station|facility|terminal|dry\s+port|checkpoint|crossing\s+point|complex))\b"
)
_DASH = r"\s*[-\u2013\u2014]\s*"


@dataclass(frozen=True)
class Across:
    """A name of the crossing point across the border from some of the data's ports, where a text names it."""

    start: int
    end: int
    name: str
    ports: tuple[str, ...]
    pair_end: int  # where "Altynkol-Khorgos" ends: the crossing named by both sides' names; ``end`` when no pair


class Sides:
    """The names the data gives the neighbour's side of its border ports (``partner_crossing``), and the places on
    that side a text names by shape: a neighbour's possessive or adjective with a kind of place, or a name across
    the border with one ("Altynkol station")."""

    def __init__(self, entities: list[Entity]) -> None:
        # the data's own names without kind words: "Torugart Port" is named "Torugart" on both sides of the border
        own = {" ".join(w for w in p.folded.split() if w not in GENERIC) for e in entities if not _is_line(e)
               for p in e.phrases}  # fmt: skip
        self.ports: dict[str, tuple[str, ...]] = {}  # folded name across the border -> the data's ports facing it
        for entity in entities:
            for name in entity.partner:
                key = _key(name)
                if key not in own:  # "Irkeshtam", "Torugart": one name for both sides is the data's port
                    self.ports[key] = (*self.ports.get(key, ()), entity.id)
        lines = " ".join(p.folded for e in entities if _is_line(e) for p in e.phrases)
        self.rail = {k for k in self.ports if f" {k} " in f" {lines} "}  # a railway of the data runs through it
        self.groups = {e.id: e.parent for e in entities}
        self.names = {e.id: {p.folded for p in e.phrases} for e in entities}

    def across(self, text: str) -> list[Across]:
        """Names of crossing points across the border in a text (one letter off too: "Kalzhat" for Kolzhat)."""
        found: list[Across] = []
        for match in re.finditer(r"\b(?=([A-Z][\w'\u2019]*(?:\s+[A-Z][\w'\u2019]*)?))", text):
            if found and match.start() < found[-1].end:
                continue  # "Zholy" of "Nur Zholy"
            for words in (match.group(1), match.group(1).split()[0]):
                key = _key(words)
                name = key if key in self.ports else self._near(key)
                if name:
                    end = match.start() + len(words)
                    ports = self.ports[name]
                    found.append(Across(match.start(), end, words, ports, self._pair_end(text, match.start(), end,
                                                                                           ports)))  # fmt: skip
                    break
        return found

    def _near(self, key: str) -> str:
        if len(key) < 6 or " " in key:
            return ""
        return next((k for k in self.ports if " " not in k and one_edit(k, key)), "")

    def _pair_end(self, text: str, start: int, end: int, ports: tuple[str, ...]) -> int:
        """Where a crossing named by both sides' names ends ("Altynkol-Khorgos", "Khorgos - Altynkol")."""
        after = re.match(rf"{_DASH}([A-Z][\w'\u2019]*)", text[end:])
        if after and self._names_port(after.group(1), ports):
            return end + after.end()
        return end

    def pair_start(self, text: str, across: Across) -> int:
        """Where a pair starts when the data's port is named first ("Khorgos-Altynkol"); ``across.start`` if not."""
        before = re.search(rf"([A-Z][\w'\u2019]*){_DASH}$", text[: across.start])
        if before and self._names_port(before.group(1), across.ports):
            return before.start()
        return across.start

    def _names_port(self, word: str, ports: tuple[str, ...]) -> bool:
        key = _key(word)
        return any(key in self.names.get(p, set()) | self.names.get(self.groups.get(p, ""), set()) for p in ports)

    def port_of(self, across: Across, member) -> str:
        """The data's port a crossing point's name stands for when the text names the crossing by it: the member
        the text's mode picks, else the rail member when a railway of the data runs through the point."""
        if len(across.ports) == 1:
            return across.ports[0]
        group = self.groups.get(across.ports[0], "")
        rail = [p for p in across.ports if p.endswith("-rail")]
        chosen = member(group)
        if chosen == group and rail and _key(across.name) in self.rail | {self._near(_key(across.name))}:
            return rail[0]
        return chosen

    def places(self, text: str) -> list[Unheld]:
        """Places on the neighbour's side a text names: "Kazakhstan's border station Dostyk", "the Kyrgyz checkpoint
        Irkeshtam", "Altynkol station", "the Nur Zholy checkpoint". A crossing ("the Dostyk border crossing",
        "Altynkol-Khorgos") is not one: it is the data's port."""
        found = []
        for match in [*_MARKED_BEFORE.finditer(text), *_MARKED_AROUND.finditer(text)]:
            found.append(Unheld(match.start(), match.end(), " ".join(match.group(0).split()), "station"))
        for across in self.across(text):
            kind = re.match(rf"[\"\u201d]?\s+{_SIDE_KIND}\b", text[across.end :])
            if kind and across.pair_end == across.end and self.pair_start(text, across) == across.start:
                end = across.end + kind.end()
                found.append(Unheld(across.start, end, " ".join(text[across.start : end].split()), "station"))
        found = sorted(found, key=lambda u: (u.start, -u.end))
        return [u for i, u in enumerate(found) if not any(o.start <= u.start < o.end for o in found[:i])]


def _key(name: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", fold(name)))


def _is_line(entity: Entity) -> bool:
    """A railway or road line of the data (it names stations on both sides), not a place figures belong to."""
    return bool(entity.via) or entity.kind.strip() in {"rail", "road"}


def pointing(sentence: str, at: int) -> bool:
    """Whether the place words at ``at`` point back ("the dry port", "the station") rather than name a place."""
    return bool(SIDE_BACK.match(sentence[max(0, at - 4) :]) and re.match(r"[Tt]he\s", sentence[max(0, at - 4) :]))
