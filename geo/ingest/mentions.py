"""The places a sentence names: the data's (name, alias, Chinese name), airport-only cities, places the data lacks."""

from __future__ import annotations

import re

from geo.ingest.entities import Entity, EntityMatcher
from geo.ingest.members import PortMembers
from geo.ingest.modes import RAIL
from geo.ingest.organisations import without_organisations
from geo.ingest.outside import Unheld, in_quotes, named_outside, unheld_places, unquoted_names
from geo.ingest.sides import Sides
from geo.ingest.text import GENERIC, fold, stem, tokens

# "Horgos road and railway ports", "Alataw rail and road crossings": a port's two members named together
BOTH_MODES = re.compile(
    r"[\w'-]*\s+(?:(?:road|highway)\s+and\s+rail(?:way)?|rail(?:way)?\s+and\s+(?:road|highway))\s+(?:ports|crossings)\b",
    re.I,
)


class Mentions(PortMembers):
    """The places a sentence names, with where, from the data's names and kinds."""

    def __init__(self, entities: list[Entity], matcher: EntityMatcher, mode: str) -> None:
        super().__init__(entities, mode)
        self.matcher = matcher
        self.places = {t for e in entities for p in e.phrases for t in p.words if t not in GENERIC}
        self.sides = Sides(entities)

    def mentions(self, sentence: str) -> list[tuple[int, str]]:
        """Places named in the sentence, with where: the entity the name and the words after it rank first.

        A port named without a mode ("Horgos", "Horgos Port") is the whole port, not its road member.
        """
        return self._scan(sentence)[0]

    def cities(self, sentence: str) -> list[tuple[int, str]]:
        """Cities or prefectures the data names only through their airport ("Kashi's trade", "Kashgar prefecture")."""
        return self._scan(sentence)[1]

    def _city_only(self, entity_id: str, text: str, at: int) -> bool:
        """Whether a bare city name that the data holds as an airport's alias means the city, not the airport.

        It means the airport only with the word airport after it, or in a sentence about flying; "Kashgar
        prefecture" and "Kashgar City" are the city whatever the sentence says.
        """
        if "airport" not in self.by_id[entity_id].kind.split():
            return False
        rest = text[at:]
        if _AIRPORT_AFTER.match(rest):
            return False
        return bool(_DIVISION_AFTER.match(rest)) or not AIR_WORDS.search(text)

    def _scan(self, sentence: str) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
        text = without_destinations(without_organisations(sentence))
        cities: list[tuple[int, str]] = []
        found: list[tuple[int, str]] = []
        for entity in self.by_id.values():  # a Chinese name names one entity, mode and all
            for name in entity.chinese:
                at = text.find(name)
                if at >= 0 and not entity.region:
                    found.append((at, entity.id))
        # "阿拉山口", which the whole port and both its members hold, is the whole port, as "Alashankou" is
        found = [(at, e) for at, e in found if (at, self.by_id[e].parent) not in found]
        # "Altynkol", "Dostyk-Alashankou": the crossing, the data's port facing the name across the border
        acrossed = [(self.sides.pair_start(text, a), a.pair_end, a) for a in self.sides.across(text)]
        spans = [(start, end) for start, end, _ in acrossed]
        for match in re.finditer(r"[A-Za-z][\w'-]*", text):
            if any(a <= match.start() < b for a, b in spans):
                continue
            word = stem(re.sub(r"'s$", "", fold(match.group(0))))
            word = next(iter(re.findall(r"[a-z0-9]+", word)), "")
            if word not in self.places:
                continue
            window = text[max(0, match.start() - 50) : match.end() + 40]
            ranked = [(s, e) for s, e in self.matcher.rank(window, set(), set()) if not self.by_id[e].region]
            named = [(s, e) for s, e in ranked if word in {t for p in self.by_id[e].phrases for t in p.words}]
            # "International trains leaving Urumqi can reach Kazakhstan in 48 hours": a city the data holds a
            # railway place of is, in a sentence about trains and not flying, that place, not the bare city
            trains = RAIL.search(text) and not _FLYING.search(text) and not _DIVISION_AFTER.match(text[match.start() :])
            if trains and any(_is_railway_place(self.by_id[e]) for _, e in named):
                named = [(s, e) for s, e in named if not self._city_only(e, text, match.start())]
            if named and self._city_only(named[0][1], text, match.start()):
                cities.append((match.start(), re.sub(r"'s$", "", match.group(0))))
                continue
            flying = [e for _, e in named if "airport" in self.by_id[e].kind.split()] if _FLYING.search(text) else []
            if flying and not _AIRPORT_AFTER.match(text[match.start() :]):
                named = [(s, e) for s, e in named if e == flying[0]]  # "from Urumqi the flight takes 8 hours"
            # "trains leaving Urumqi": a city the data holds several places of (zones, an airport, a land port) is,
            # in a sentence about trains, its railway place; a port's members stay for the port to be read whole
            railed = [e for _, e in named if _is_railway_place(self.by_id[e])] if RAIL.search(text) else []
            if railed and not flying and len({e for _, e in named}) > 1:
                named = [(s, e) for s, e in named if e == railed[0]]
            if named:
                entity_id = named[0][1]
                parent = self.by_id.get(self.by_id[entity_id].parent)
                moded = re.match(r"[\w'-]*\s+(?:rail(?:way)?|road|highway)\b", text[match.start() :], re.I)
                if moded and BOTH_MODES.match(text[match.start() :]):
                    moded = None  # "the Horgos road and railway ports together": both members, the whole port
                if parent is not None and parent.kind == "port" and not moded:
                    entity_id = parent.id
                elif moded:
                    # "Alataw Railway Station", "Alataw road port": a name both members share is the member of the
                    # mode written after it, not whichever the name ranks first
                    mode = "rail" if re.search(r"rail", moded.group(0), re.I) else "road"
                    entity_id = next((e for _, e in named if mode in self.by_id[e].kind.split()), entity_id)
                via = [v for v in self.by_id[entity_id].via if self.by_id.get(v) and self.by_id[v].border]
                if len(via) == 1 and _CROSSING_AFTER.match(text[match.end() :]):
                    # "through the Altynkol-Khorgos border crossing", "via the Dostyk station": a line named by the
                    # point where it crosses the border is that crossing, the border port the line runs through
                    entity_id = via[0]
                if not found or found[-1][1] != entity_id:
                    found.append((match.start(), entity_id))
        found += [(start, self.sides.port_of(a, lambda group: self.member(group, text))) for start, _, a in acrossed]
        found.sort()
        found = [m for i, m in enumerate(found) if not _qualifies_next(text, m, found[i + 1 : i + 2], self.by_id)]
        return [m for i, m in enumerate(found) if not i or found[i - 1][1] != m[1]], cities

    def hub_named(self, sentence: str) -> str:
        """The land port a sentence names as a train centre ("the freight train logistics center in Urumqi", "the
        Urumqi China-Europe train logistics center"): a railway place of the data named within a few words of it."""
        for match in _HUB.finditer(sentence):
            near = [e for at, e in self.mentions(sentence) if match.start() - 40 <= at < match.end() + 15]
            railway = [e for e in near if _is_railway_place(self.by_id[e])]
            if railway:
                return railway[0]
        return ""

    def outside(self, sentence: str, mentions: list[tuple[int, str]]) -> list[tuple[int, str, str]]:
        """Ports and airports the sentence names that the data lacks ("the Mohan Port in Yunnan"): (at, kind, name)."""
        return named_outside(sentence, self._held)

    def _held(self, name: str, kind: str) -> bool:
        """Whether a place named with its kind ("Horgos Port", "Dostyk station") is one the data holds."""
        whole = [e for score, e in self.matcher.rank(name, set(), set()) if score[0] == 2]
        if any(self.by_id[e].region for e in whole):
            return True
        if kind == "station" and self.sides.places(name):
            return False  # "Altynkol station", "the Kalzhat border checkpoint": the neighbour's side of a crossing
        if kind == "station":  # a crossing named by a station of its line is the border port
            return any(self._is_kind(e, "port") for e in [*whole, *(e for _, e in self.mentions(name))])
        if kind == "zone":
            # "the Kashgar special economic zone" is the data's development zone of that town; the data has none at
            # Khorgos, so "the Khorgos-Eastern Gate SEZ" (Kazakhstan's) is a zone the data lacks
            head = next((t for t in tokens(name) if t in self.places), "")
            return any(
                e.kind == "development_zone" and any(head in p.words for p in e.phrases) for e in self.by_id.values()
            )
        if kind not in {"port", "airport"}:
            return False
        # "Tianshan Airport" is a short name of the data's; "Sost Dry Port" is not, though "Khunjerab-Sost" is a name;
        # "Khorgos Gateway dry port" names a word no name of the data has: another port beside the data's
        if [t for t in tokens(name) if t not in self.places and t not in GENERIC and t not in _KIND_WORDS]:
            return False
        head = next((t for t in tokens(name) if t in self.places), "")
        short = [e.id for e in self.by_id.values() if any(head == next((t for t in p.words if t in self.places), "")
                                                          for p in e.phrases)]  # fmt: skip
        return any(self._is_kind(e, kind) for e in [*whole, *(short if head else [])])

    def unheld(self, sentence: str) -> list[Unheld]:
        """Places the sentence names by a kind of place that the data lacks (a city, a foreign station, a group)."""
        text = unquoted_names(sentence)
        found = unheld_places(without_destinations(without_organisations(text)), self._held)
        across = self.sides.places(text)  # "the Kyrgyz checkpoint Irkeshtam" over "Kyrgyz checkpoint"
        found = [u for u in found if not any(o.start < u.end and u.start < o.end for o in across)] + across
        return sorted(
            (u for u in found if not in_quotes(text, u.start)), key=lambda u: u.start
        )  # "Smart Rail Port + Rapid Clearance"

    def customs_port(self, sentence: str, before: int | None = None) -> str:
        """The data's port whose customs office the sentence names ("Irkeshtam Customs figures showed cargo through
        the port rose"), when the sentence names no place of the data itself; "" otherwise.

        The office is a source, not a place, so its name is blanked from the mentions; but the port it is named after
        is the one its later "the port" means. A city's customs ("Urumqi Customs") names no port. With ``before``,
        the office named last before that point ("under the Irkeshtam customs came to 982,000 tonnes; under the
        Torugart customs to 700,000 tonnes": each its own).
        """
        if self.mentions(sentence):
            return ""
        offices = list(_CUSTOMS.finditer(sentence))
        if before is not None:
            offices = [m for m in offices if m.start() < before][::-1] or offices
        for match in offices:
            ports = [e for _, e in self.mentions(match.group(1)) if self._is_kind(e, "port")]
            if ports:
                return self.by_id[ports[0]].parent if self._is_port(self.by_id[ports[0]].parent) else ports[0]
        return ""

    def is_port_or_airport(self, entity_id: str) -> bool:
        """Whether the entity is a port (or one of its members) or an airport."""
        return self._is_kind(entity_id, "port") or self._is_kind(entity_id, "airport")

    def _is_kind(self, entity_id: str, kind: str) -> bool:
        words = self.by_id[entity_id].kind.split() if entity_id in self.by_id else []
        if kind == "airport":
            return "airport" in words
        return bool({"border", "inland", "port"} & set(words)) or self._is_port(entity_id)


def _qualifies_next(text: str, mention: tuple[int, str], after: list[tuple[int, str]], by_id: dict) -> bool:
    """Whether a town's name only qualifies the place named right after it ("the Khorgos ICBC"): that place's."""
    if not after or after[0][1] == mention[1]:
        return False
    at, next_id = mention[0], after[0][1]
    word = re.match(r"[\w'-]+\s+$", text[at : after[0][0]])
    if not word or by_id[next_id].kind in {"port", "region"} or by_id[next_id].parent == mention[1]:
        return False
    town = stem(re.sub(r"'s$", "", fold(word.group(0).strip())))
    return any(town in p.words for p in by_id[next_id].phrases)


def _is_railway_place(entity: Entity) -> bool:
    """An inland port with a railway (a land port), not a corridor or a border port's member."""
    return {"rail", "inland"} <= set(entity.kind.split()) and not entity.parent


# a centre or hub where freight trains are made up: the land port of its city, and "the center" later means it
# ("the Urumqi distribution centre", "a goods depot in Urumqi" too: the place beside it must be a railway place)
_HUB = re.compile(
    r"\b(?:(?:freight\s+)?trains?\s+(?:logistics\s+|assembly\s+)?(?:cent(?:er|re)|hub)"
    r"|(?:assembly|distribution|consolidation)\s+(?:cent(?:er|re)|hub)|(?:goods|freight)\s+depot)\b",
    re.I,
)
HUB_BACK = re.compile(
    r"\b[Tt]he\s+(?:(?:train|logistics|assembly|distribution|consolidation)\s+){0,2}(?:cent(?:er|re)|hub)\b"
    r"|\b[Tt]he\s+(?:depot|warehouse)\b"
)
_CUSTOMS = re.compile(r"\b((?:[A-Z][\w'-]*\s+){1,3})[Cc]ustoms\b")
# A city the data names only through its airport: "Kashgar" is the airport in a sentence about flying, or before
# "Airport"; "Kashgar prefecture" is never the airport.
AIR_WORDS = re.compile(
    r"\b(?:airports?|flights?|air|aviation|airlines?|runways?|terminals?|passengers?|aircraft|planes?|routes?)\b", re.I
)
_FLYING = re.compile(r"\b(?:flights?|flew|fly|flying|freighters?|aircraft|planes?|airlines?|air\s+ports?)\b", re.I)
_DIVISION_AFTER = re.compile(r"[\w'-]*\s+(?:[Pp]refecture|[Cc]ity|[Cc]ounty)\b")
_AIRPORT_AFTER = re.compile(r"[\w'-]*(?:\s+[A-Z][\w'-]*){0,2}\s+(?:International\s+)?Airport\b", re.I)
_CROSSING_AFTER = re.compile(
    r"(?:[-\u2013][A-Z][\w'-]*)?\s+(?:(?:border|railway|rail)\s+)*(?:crossing|station|checkpoint|border point)\b", re.I
)
_NAMES = r"(?:the\s+)?[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*(?:\s+(?:and|or)\s+(?:the\s+)?[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*)*"
# "from Urumqi to Almaty", "from Alashankou station to Europe and the Central Asian region": a route's end after a
# start the text names; "about 110 km from Kashgar and Artux": the places a distance is measured from
_DESTINATION = re.compile(
    r"(\bfrom\s+[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?(?:\s+(?:station|port|city))?\s+to\s+"
    r"|\d\s*(?:km|kilomet(?:re|er)s?)\s+(?:away\s+)?from\s+)(" + _NAMES + ")"
)


def without_destinations(text: str) -> str:
    """The text with the end of each route from a named start, and the places a distance is measured from, blanked:
    "the train from Urumqi to Almaty" names Urumqi, where the train was counted, not Almaty, where it goes; "a site
    110 km from Kashgar" is not about Kashgar (the text keeps its length)."""
    return _DESTINATION.sub(lambda m: m.group(1) + " " * len(m.group(2)), text)


_KIND_WORDS = frozenset({"dry", "railway", "highway", "inland", "station", "stations", "airports"})
