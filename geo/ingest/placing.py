"""Each figure's place: the nearest place named, the member its measure decides (rail/road), combined figures flagged."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from geo.ingest.borders import neighbours_named, part_across
from geo.ingest.contrasts import compared_spans, own_clause, without_compared
from geo.ingest.entities import Entity, EntityMatcher
from geo.ingest.grouped import lacking_member
from geo.ingest.lines import it_is_the_line, line_spoken_of, line_subject
from geo.ingest.mentions import AIR_WORDS, BOTH_MODES, HUB_BACK, Mentions
from geo.ingest.modes import CARRYING, CROSSING, RAIL, ROAD
from geo.ingest.networks import network_subject
from geo.ingest.numbers import Figure
from geo.ingest.organisations import without_organisations
from geo.ingest.outside import (
    NAMED_PLACE,
    clause_subject,
    figure_clause,
    neighbour_total,
    subject_after,
)
from geo.ingest.sides import SIDE_BACK, pointing
from geo.ingest.text import clause_span, tokens
from geo.ingest.together import BACK_TO_SEVERAL, BACK_TO_TWO, RESPECTIVELY, TOGETHER, in_aside, named_pair, the_other

_WHOLE_TRADE = re.compile(r"\b(?:imports?\s+and\s+exports?|import\s+and\s+export|trade)\b", re.I)
# "the four bonded zones set up in Kashgar, Horgos, Alashankou and Urumqi": a group whose members are listed
LISTED_GROUP = "a group named (its members listed)"
_CLAUSE_BREAK = re.compile(r",(?!\d{3})|;")
_REGION_NAME = re.compile(
    r"\bXinjiang\b(?!\s+(?:Pilot|FTZ|comprehensive))|\bthe region\b|\bautonomous region\b|\b(?-i:XUAR)\b", re.I
)

# "the city's comprehensive bonded zone", "its bonded zone": one zone, of the town the sentence names
_ONES_OWN_ZONE = re.compile(
    r"\b(?:the\s+(?:city|town|county|port)'s|its)\s+(?:comprehensive\s+)?bonded\s+zone\b(?!s)", re.I
)
# a sentence that opens with a clause of time or cause: "Since the zone was set up, ...", "After the FTZ opened, ..."
_SINCE_OPENING = re.compile(r"\s*(?:Since|After|Following|When|Ever since)\b")


@dataclass(frozen=True)
class Place:
    """A figure's entity (``a;b`` when combined), the rule that chose it and any flag for the reviewer."""

    entity_id: str
    rule: str
    flag: str = ""


# "linking Urumqi with", "connecting Horgos to": the place after is the far end of a link, not the figure's place
_LINKED_END = re.compile(
    r"\b(?:link|links|linking|linked|connect|connects|connecting|connected)\s+(?:[A-Z][\w-]*\s+){1,3}(?:with|to|and)\s+$"
)


class Placer(Mentions):
    """Place figures using the data's entities: their names, kinds and parent groups."""

    def __init__(self, entities: list[Entity], matcher: EntityMatcher, mode: str) -> None:
        super().__init__(entities, matcher, mode)
        # "port"/"airport" -> "" when the latest one named is in the data, else its name; and the last known one
        self.latest: dict[str, str] = {}
        self.latest_known: dict[str, str] = {}
        self.last_combined = ""
        self.port_history: list[str] = []
        self.carried = ""  # the flag of the paragraph's last figure when its place is one the data lacks
        self.subject = ""  # a place the data lacks that the title is about ("Kazakhstan exports ...")
        self.paragraph = -1
        self.pair_now = ""  # the places this sentence names together, and those the one before in its paragraph did
        self.pair_before = ""
        # the city the data lacks (it holds only the city's airport) that the last sentence naming a place was about,
        # and the one before this sentence: what a later "its" or "the region's" means
        self.city_subject = ""
        self.city_before = ""
        self.national = False  # this sentence is about China the country, by name or referred back to
        self.national_before = False  # and the sentence before it
        # a place word of an airport-only city -> the city's name, while the article last named it as the city
        self.city_sense: dict[str, str] = {}
        self.named_last: set[str] = set()
        self.side_before = ""  # the place across the border the sentences before were about: what "it" means
        self.line_before = ""  # the pipeline the sentences before were about: what "it" means
        self.sections: dict[str, str] = {}  # a zone group -> its one section the last sentence naming one named
        self.hub = ""  # the land port the article named as a train centre: what "the center" means later

    def side_subject(self, title: str) -> str:
        """A title that opens with a crossing point across the border as its subject ("Dostyk breaks records"), not
        with a crossing ("Altynkol-Khorgos: ...", "Dostyk border crossing handles ..."): a flag's place name."""
        text = re.sub(r"^\s*(?:\[[^\]]*\]\s*)?", "", title)
        first = next(iter(self.sides.across(text)), None)
        if first is None or first.start or first.pair_end != first.end or _CROSSING_NOUN.match(text[first.end :]):
            return ""
        return f"{first.name} (the article's subject)"

    def _first_place(self, sentence: str) -> str | None:
        """The city (one the data holds only as an airport) a sentence names first, "" when it names another place
        first, None when it names none ("the region" and "its" point back, they name nothing)."""
        cities = self.cities(sentence)
        others = [at for at, _ in self.mentions(sentence)] + [u.start for u in self.unheld(sentence)]
        others += [m.start() for m in _HELD_REGION.finditer(sentence)]
        if not cities and not others:
            return None
        first = cities and (not others or cities[0][0] < min(others))
        # the sentence is about the city when it comes before any verb ("Kashgar's trade network has grown",
        # "Kashgar, in the southwest of Xinjiang, has"), not as an object ("The line will join China's Kashgar")
        return cities[0][1] if first and not _VERB.search(sentence[: cities[0][0]]) else ""

    def note(self, sentence: str, paragraph: int = -1) -> None:
        """Remember ports a sentence names together ("Horgos Port and Alashankou Port ... two main rail gateways").

        A later "the two ports" or "these railway ports" means them, whether or not this sentence has figures; so
        does the next sentence of the paragraph when it names no place.
        """
        self.pair_before = self.pair_now if paragraph == self.paragraph else ""
        self.city_before = self.city_subject
        self.national_before = self.national
        first = self._first_place(sentence)
        self.city_subject = first if first is not None else self.city_subject
        self.paragraph, self.pair_now = paragraph, ""
        mentions = self.mentions(sentence)
        # "China's appetite for energy is huge. ... its coal demand reached 3 billion tons": the country spoken of
        # subject, near the start ("Its location made it a gateway for China's trade" is about the port before)
        country = _NATIONAL.search(sentence)
        national = (
            bool(country)
            and country.start() < 30
            and not _REGION_NAME.search(sentence)
            and not _STATE_BODY.match(sentence, country.end())  # ("... approved opening it": "it" is the port)
        )
        back = self.national and _BACK.search(sentence) and not _PLACE_BACK.search(sentence)
        self.national = not mentions and (national or bool(back))
        for _, name in self.cities(sentence):
            self.city_sense.update(dict.fromkeys(tokens(name), name))
        for _, entity_id in mentions:  # "Kashgar Airport", "flights from Kashgar": the airport again
            if self._is_kind(entity_id, "airport"):
                for word in self._place_words(entity_id):
                    self.city_sense.pop(word, None)
        self.neighbour = (neighbours_named(sentence) or [self.neighbour])[-1]
        self.named_last = {e for _, e in mentions} or self.named_last  # the places the last naming sentence named
        self.hub = self.hub_named(sentence) or self.hub
        sides = [u.name for u in self.unheld(sentence) if u.kind in {"station", "port"}]
        named = [m for m in mentions if not pointing(sentence, m[0])]  # "The dry port keeps ...": no name
        self.side_before = sides[-1] if sides else "" if named else self.side_before
        self.line_before = line_spoken_of(sentence, self.line_before)
        named = [(m.start(), "airport" if m.group("kind").lower() == "airport" else "port", m.group(0))
                 for m in NAMED_PLACE.finditer(without_organisations(sentence))]  # fmt: skip
        unknown = {at for at, _, _ in self.outside(sentence, mentions)}
        for _, entity_id in mentions:  # "the port", "the airport" later: the last one the data has
            for kind in ("port", "airport"):
                if self._is_kind(entity_id, kind):
                    self.latest_known[kind] = entity_id
                    self.latest[kind] = ""
        zones = [e for _, e in mentions if self.by_id[e].kind in _ONE_ZONE_KINDS] + [
            e for score, e in self.matcher.rank(sentence, set(), set()) if score[0] == 2 and self.by_id[e].kind == "ftz"
        ]  # the pilot FTZ by its full name
        if len(set(zones)) == 1:
            self.latest_known["zone"] = zones[0]  # "the zone's pilot reform tasks" later: this zone
        for group in {self.by_id[e].parent for _, e in mentions} & set(self.by_id):
            if self.by_id[group].kind in {"ftz", "bonded_zones"}:  # "namely Kashgar, Alataw, ...": no one section
                named_sections = {e for _, e in mentions if self.by_id[e].parent == group}
                self.sections[group] = next(iter(named_sections)) if len(named_sections) == 1 else ""
        customs = self.customs_port(sentence)
        if customs and _BACK_TO_KIND.search(sentence):
            # "Irkeshtam Customs figures showed cargo through the port rose ...": the port of the customs office
            self.latest_known["port"], self.latest["port"] = customs, ""
        for at, kind, name in named:
            outside = [u for u in unknown if at <= u < at + len(name)]
            self.latest[kind] = name[outside[0] - at :] if outside else ""
        for built in _BUILT_IN.finditer(sentence):  # "An airport will soon be built in Yutian County": the data's none
            kind = built.group("kind").lower()
            if not self.mentions(built.group("where")):
                self.latest[kind] = f"the {kind} in {built.group('where')}"
        ports = list(dict.fromkeys(e for _, e in mentions if self._is_port(e)))
        for port in ports:  # the ports in the order the article last named them: "the two ports" are the last two
            whole = self.by_id[port].parent if self._is_port(self.by_id[port].parent) else port
            self.port_history = [p for p in self.port_history if p != whole] + [whole]
        if len(ports) < 2:
            return
        spans = [at for at, e in mentions if e in ports[:2]]
        if TOGETHER.search(sentence) or re.search(r"\band\b", sentence[spans[0] : spans[-1]]):
            self.last_combined = ";".join(sorted({self.member(e, sentence) for e in ports}))
            self.pair_now = self.last_combined if len(ports) == 2 else ""

    def respective(self, sentence: str, figures: list[Figure]) -> list[str]:
        """ "Horgos and Alashankou handled 6,000 and 5,000 trains, respectively": each figure's place, in order.

        [] unless the sentence says "respectively" and names as many places before its figures as it has
        figures of the first figure's unit.
        """
        if not figures or not RESPECTIVELY.search(sentence):
            return []
        named = list(dict.fromkeys(e for at, e in self.mentions(sentence) if at < figures[0].start))
        same = [f for f in figures if f.unit == figures[0].unit]
        if len(named) < 2 or len(named) != len(same):
            return []
        places = iter(named)
        return [self.member(next(places), sentence) if f.unit == figures[0].unit else "" for f in figures]

    def place(self, sentence: str, figure: Figure, guess: str, last: str) -> Place:
        """The figure's place, from the places its sentence names, else the sentence's guess.

        "Trucks at the Horgos road port rose ..., while trains through the railway port reached 6,000": a port's
        member named by mode in the figure's own clause is the other member of the same port.
        """
        if _NATIONAL_RATE.search(sentence[max(0, figure.start - 60) : figure.start]):
            # "far ahead of the national growth rate of 3.6 per cent": the rate compared with is the country's
            return Place("", "a national figure compared with", "place not in the data: China (national)")
        whole = self._whole_of_part(sentence, figure)
        place = self._place(sentence, whole, guess, last)
        if whole is not figure and self._is_port(place.entity_id):
            # "156 facilities at the Alataw port, among them 10 broad-gauge tracks": the part's own mode picks the member
            own = _words_around(sentence, figure, 3)
            member = self.member(place.entity_id, own) if RAIL.search(own) or ROAD.search(own) else place.entity_id
            if member != place.entity_id:
                place = Place(member, place.rule, place.flag)
        entity = self.by_id.get(place.entity_id)
        parent = self.by_id.get(entity.parent) if entity else None
        clause = sentence[slice(*clause_span(sentence, figure.start, figure.end))]
        mode = _MODE_BACK.search(clause)
        if parent is not None and parent.kind == "port" and mode:
            member = self.member(parent.id, mode.group(0))
            if member != place.entity_id and member != parent.id:
                return Place(member, "the member the figure's clause names by mode")
        return place

    def _whole_of_part(self, sentence: str, figure: Figure) -> Figure:
        """The figure before in the sentence when the figure's clause gives a part of it ("trade came to $36 million,
        of which exports made up $25 million") and names no place of its own: the part is the whole's place's; else
        the figure itself ("..., of which 1.5 million tonnes went through Dostyk" is Dostyk's)."""
        start = figure_clause(sentence, figure.start, figure.end)
        clause = sentence[start : clause_span(sentence, figure.start, figure.end)[1]]
        opening = sentence[start : figure.start]
        if not (_PART_OF.match(opening) or _CHANGE_OF.match(opening)) or self.mentions(clause) or self.unheld(clause):
            return figure
        whole = next(reversed(list(re.finditer(r"\d[\d,.]*", sentence[:start]))), None)
        return replace(figure, start=whole.start(), end=whole.end()) if whole else figure

    def _town_member(self, group: str, mentions: list[tuple[int, str]]) -> list[str]:
        """The group's member named after the town of a place the sentence names (Alashankou's bonded zone)."""
        towns = {e.split("-")[0] for _, e in mentions}  # ids name the town first ("alashankou-rail")
        return [e for e, place in self.by_id.items() if place.parent == group and e.split("-")[-1] in towns]

    def _section_meant(self, sentence: str, mentions: list[tuple[int, str]]) -> list[tuple[int, str]]:
        """The mentions with a zone group named only by its kind words ("trade in the bonded area jumped") read as the
        one section of it named before ("The Kashgar comprehensive bonded area ..."), when the sentence speaks of one
        zone, not of zones or of the region's."""
        if _ZONES_OR_REGION.search(sentence) or not _ONE_ZONE.search(sentence):
            return mentions
        full = {e for score, e in self.matcher.rank(sentence, set(), set()) if score[0] == 2}
        return [(at, self.sections.get(e) or e) if e not in full else (at, e) for at, e in mentions]

    def _place(self, sentence: str, figure: Figure, guess: str, last: str) -> Place:
        mentions = [
            (at, e)
            for at, e in self.mentions(sentence)
            if at < figure.start or not _CLAUSE_BREAK.search(sentence[figure.end : at])
        ]  # a place named after the figure counts only in the figure's clause ("3,055" is no clause break)
        mentions = self._section_meant(sentence, mentions)
        bases = compared_spans(sentence)
        mentions = [(at, e) for at, e in mentions if not any(a <= at < b for a, b in bases)]
        outside_spans = [(at, at + len(name) + 4) for at, _, name in self.outside(sentence, mentions)]
        mentions = [(at, e) for at, e in mentions if not any(a <= at < b for a, b in outside_spans)]
        unheld = self.unheld(sentence)
        mentions = [(at, e) for at, e in mentions if not any(u.start <= at < u.end for u in unheld)]
        held_at = [at for at, _ in mentions] + [m.start() for m in _REGION_NAME.finditer(sentence)]
        subject = clause_subject(sentence, figure_clause(sentence, figure.start, figure.end), figure.start, unheld,
                                 held_at)  # fmt: skip
        opening = figure_clause(sentence, figure.start, figure.end)
        if subject is None and opening and _VERB_FIRST.match(sentence[opening : figure.start]):
            # "The Yecheng Mierdai airport, in Yecheng County, has a terminal of 3,180 square meters": a clause that
            # opens with its verb has its subject before the commas, at the sentence's start
            subject = clause_subject(sentence, 0, figure.start, unheld, held_at)
        subject = subject or subject_after(sentence, figure_clause(sentence, figure.start, figure.end), figure.end,
                                           unheld, held_at)  # fmt: skip
        across = part_across(sentence[figure.end :])
        if across:
            # "... 3.43 square km in China and 1.85 sq km in Kazakhstan": the part across the border is not the data's
            return Place(
                "", "the part across the border", f"place not in the data: {across} (the part across the border)"
            )
        if subject is not None:
            # "the regional branch airports handled 456,000 passengers", "3,589 trains passed through Altynkol
            # station": the figure's clause is about a place the data lacks, whatever else the sentence names
            return Place("", "a place the data lacks (the figure's clause)", f"place not in the data: {subject.name}")
        opens = unheld and len(sentence[: unheld[0].start].split()) <= 2 and unheld[0].start < figure.start
        if opens and not held_at and len({u.name for u in unheld}) == 1:
            # "Tacheng airport carried 154800 passengers, ..., and 46.7 tonnes of cargo and mail": a sentence that
            # opens on a place the data lacks, and names no other, is about it in every clause
            return Place(
                "", "the sentence's one place, which the data lacks", f"place not in the data: {unheld[0].name}"
            )
        line = line_subject(sentence, opening, (figure.start, figure.end), held_at, self._line_held(mentions))
        if not line and self.line_before and it_is_the_line(sentence, figure.start, held_at):
            line = self.line_before  # "The pipeline starts in Turkmenistan ... It is 1,833 km long": the pipeline's
        if line:  # "Oil imports through the China-Kazakhstan Pipeline reached ...": a line the data lacks
            return Place("", "a line the data lacks (the figure's clause)", f"place not in the data: {line}")
        if last and _PART_OPENING.match(sentence) and not (mentions or unheld or self.cities(sentence)):
            # "1133 Kazakh wagons were standing at Alashankou station. Of these, 372 covered wagons ...": a part of
            # the figure before is at its place
            return Place(last, "a part of the figure before: its place")
        if self.carried and not (mentions or unheld or self.cities(sentence) or _NAMES_PLACE.search(sentence)):
            # "The Sost Dry Port handled 12,000 tons. In January, 4,860 tons were cleared": no place named, so the
            # paragraph's last place, which the data lacks, carries
            return Place("", "the place before, which the data lacks", self.carried)
        lead = sentence[figure_clause(sentence, figure.start, figure.end) : figure.start]
        named = [m for m in mentions if not pointing(sentence, m[0])] or unheld or self.cities(sentence)
        # ("According to the railways, the station's freight ..., at 3,599,128 tonnes": "the station" earlier in the
        # sentence, the figure's clause being a later one; "it" and "its" only in the figure's own clause)
        noun_back = any(not m.group(0).lower().startswith("it") for m in SIDE_BACK.finditer(sentence[: figure.start]))
        if (
            self.side_before
            and not named
            and not _REGION_NAME.search(sentence)
            and (SIDE_BACK.search(lead) or noun_back)
        ):
            # "Kazakhstan's border station Dostyk set a record. Within 24 hours it sent off 28 trains", "In 2025 the
            # facility added ten tracks": the clause points back to a place the data lacks, across paragraphs too
            return Place("", "the place the data lacks referred back to", f"place not in the data: {self.side_before}")
        pointed = _REFERS_BACK.search(lead) and not (mentions or unheld or self.cities(sentence))
        # a kind of place named before the figure ("its airport handled") is that place, not the city
        kind = (
            _HELD_REGION.search(sentence) or AIR_WORDS.search(sentence) or _KIND_NAMED.search(sentence[: figure.start])
        )
        if pointed and self.city_before and not kind:
            # "Kashgar, in the southwest of Xinjiang, has three ports. ... Data showed its total trade jumped 89.7
            # percent": "its", "It", "the region's" in the figure's clause point back to the city the sentences before
            # were about, which the data lacks (its Kashgar is the airport), across paragraphs too
            city = self.city_before
            return Place(
                "", "the city referred back to, which the data lacks", f"place not in the data: {city} (the city)"
            )
        if self.pair_before and not (mentions or unheld or self.cities(sentence) or _NAMES_PLACE.search(sentence)):
            # "The authorities enlarged Alataw Pass and Horgos Port. ... a train now needs less than one hour": a
            # sentence that names no place goes on about the places the one before named together
            ids = self.pair_before.split(";")
            return Place(
                self.pair_before, "the places named together the sentence before", f"combined: {', '.join(ids)}"
            )
        two = [m for m in BACK_TO_TWO.finditer(sentence[: figure.start]) if all(at < m.start() for at, _ in mentions)]
        if two and len(self.port_history) >= 2:
            # "together with Alataw Pass, ..., the two ports had handled": the last two ports the article named,
            # the reference nearest the figure, whatever place an aside names before it
            ids = sorted({self.member(e, sentence) for e in self.port_history[-2:]})
            wholes = {self.by_id[e].parent or e for e in self.last_combined.split(";") if e in self.by_id}
            if wholes == set(self.port_history[-2:]):
                ids = self.last_combined.split(";")  # named together before, members decided there ("rail gateways")
            return Place(";".join(ids), "the two ports named last", f"combined: {', '.join(ids)}")
        aside = [(at, e) for at, e in mentions if at < figure.start and in_aside(sentence, at, figure.start)]
        if aside and len(aside) < len(mentions):
            # "Alashankou, one of two railway ports together with Horgos, now runs 124 routes": Horgos is an aside
            mentions = [m for m in mentions if m not in aside]
        named = {self.by_id[e].parent if self._is_port(self.by_id[e].parent) else e for _, e in mentions}
        contrast = own_clause(sentence, figure.start, [at for at, _ in mentions])
        if contrast:  # "..., while the Khorgos road port saw 200,000 trucks": the places of the figure's own clause
            sentence = " " * contrast + sentence[contrast:]
            mentions = [(at, e) for at, e in mentions if at >= contrast]
        measure = _words_around(sentence, figure, 5)
        if not (RAIL.search(measure) or ROAD.search(measure)):
            # no mode beside the figure: its clause may name one ("reforms at the road port cut ... by 60 percent")
            measure += " " + sentence[slice(*clause_span(sentence, figure.start, figure.end))]
        if CARRYING.match(sentence[figure.end :]) or (not RAIL.search(measure) and CROSSING.search(measure)):
            measure += " by road"  # "830,000 vehicles went through the port, carrying 870,000 tons": lorries, not cars
        if not (RAIL.search(measure) or ROAD.search(measure)) and figure.unit in {"hours", "minutes"}:
            # a time with no mode in its clause: what the sentence clears ("drivers ... the process takes 15 minutes")
            measure += " " + sentence
        if BOTH_MODES.search(sentence):
            measure = ""  # "the Horgos road and railway ports together cleared ...": both members, the whole port
        # a group named after the figure's clause ("..., lifting it above 100 bonded zones nationwide") is not its place
        upto = sentence[: clause_span(sentence, figure.start, figure.end)[1]]
        ranked = self.matcher.rank(without_organisations(upto), set(), set())
        groups = [e for score, e in ranked if score[0] == 2 and self.by_id[e].kind in {"ftz", "bonded_zones"}]
        comma = sentence.find(",")
        # (the rest's places are scanned only for a sentence that opens so and names a group)
        rest = {e for _, e in self.mentions(sentence[comma:])} if groups and comma > 0 and _SINCE_OPENING.match(
            sentence
        ) else set()  # fmt: skip
        if rest and not any(e in groups or self.by_id[e].parent in groups for e in rest):
            # "Since the free trade zone was set up, ...: this quarter 2,991,600 passengers arrived at Urumqi airport":
            # a group named in the time clause the sentence opens with is not the place the rest of it names
            groups = []
        sections = [e for _, e in mentions if self.by_id[e].parent in groups]
        if groups and not sections and _ONES_OWN_ZONE.search(upto):
            # "28 firms in the city's comprehensive bonded zone" in a sentence about Alashankou: the town's own member
            sections = self._town_member(groups[0], mentions)
        lacking = "" if sections else lacking_member(upto, mentions, groups, self.by_id)
        if groups and lacking:
            return Place("", "one member of a group, which the data lacks", f"place not in the data: {lacking}")
        if groups and (len(sections) != 1 or re.search(r"\b(?:subzones|zones|areas)\b", upto)):
            return Place(groups[0], LISTED_GROUP)
        if sections:
            return Place(sections[0], "a section of a group named")
        distinct = list(dict.fromkeys(e for _, e in mentions))
        way = [(at, e) for at, e in self.mentions(sentence) if not any(u.start <= at < u.end for u in unheld)]
        pair = named_pair(sentence, mentions, way, figure)
        other = "" if mentions else the_other(sentence[: figure.start], self.port_history, named)
        if other:  # "Trips through Alataw Pass grew 28 percent, while the other port recorded a 40-percent rise"
            return Place(self.member(other, measure), "the other of the two places named last")
        if pair or (len(distinct) >= 2 and TOGETHER.search(sentence)):
            # "up 10.1 percent": no mode near the figure, so the sentence's trains or trucks decide it
            moded = measure if RAIL.search(measure) or ROAD.search(measure) else sentence
            # ports named together in a sentence without a mode ("exported through the region's Horgos and
            # Alashankou ports") are the whole ports, whatever mode the title's story is about
            said = bool(RAIL.search(moded) or ROAD.search(moded))
            ids = sorted({self.member(e, moded) if said else e for e in pair or distinct})
            self.last_combined = ";".join(ids)
            # "the Alataw Pass and Horgos Port, major rail ports ..., handled 8,000 trains": a pair as the subject
            rule = "places joined as the clause's subject" if pair else "several places together"
            return Place(self.last_combined, rule, f"combined: {', '.join(ids)}")
        if len(distinct) >= 2:
            # "19 routes linking Urumqi with Almaty ..., and 24 cities": the far end of a link is where it goes
            ends = [at for at, _ in mentions if _LINKED_END.search(sentence[:at])]
            before = [e for at, e in mentions if at < figure.start and at not in ends] or [
                e for at, e in mentions if at < figure.start
            ]
            # "3248 trains went through Horgos, and 3171 through the Alashankou railway port": the figure's own path
            path = [
                (at, e) for at, e in mentions if at >= figure.end and _PATH_AFTER.fullmatch(sentence[figure.end : at])
            ]
            joined = [
                e for at, e in mentions
                if path and at > path[0][0] and e != path[0][1] and _NAMES_JOINED.fullmatch(sentence[path[0][0] : at])
            ]  # fmt: skip
            if joined:
                # "44 routes run through Alataw Pass and Horgos Port": the figure went both ways, the two together
                ids = sorted({self.member(e, measure) for e in (path[0][1], joined[0])})
                return Place(";".join(ids), "places joined as the figure's path", f"combined: {', '.join(ids)}")
            chosen = path[0][1] if path else before[-1] if before else mentions[0][1]
            return Place(self.member(chosen, measure), "nearest place named")
        if distinct:
            return Place(self.member(distinct[0], measure), "place named")
        crossings = self.border_ports(without_compared(sentence)[: clause_span(sentence, figure.start, figure.end)[1]])
        if crossings:
            # "Rail transport between Kazakhstan and China came to 10.1 million tons": every port on that border
            # with that mode, together (the data's ports, by their neighbour country and mode)
            flag = f"combined: {', '.join(crossings)}" if len(crossings) > 1 else ""
            return Place(";".join(crossings), "the border named by its two countries and a mode", flag)
        customs = "" if mentions else self.customs_port(sentence, figure.start)
        if customs:  # "According to Khorgos Customs, 22,91 million tonnes went through": the port its office serves
            return Place(self.member(customs, measure), "the port whose customs office gives the figure")
        cities = [(at, name) for at, name in self.cities(sentence) if at < figure.start]
        if cities:
            # "Kashi's total imports and exports came to ...": a city the data lacks (it has only the city's airport)
            return Place(
                "", "a city or prefecture the data lacks", f"place not in the data: {cities[-1][1]} (the city)"
            )
        lead = sentence[: figure.start]
        if _NATIONAL.search(lead) and not _REGION_NAME.search(lead):
            # "China's foreign trade rose 3.5 percent", "Across China, some 19,000 trains ran": the country's figure
            return Place("", "a national figure", "place not in the data: China (national)")
        if self.national_before and _BACK.search(lead) and not _REGION_NAME.search(lead):
            # "... China's foreign trade came to ... Broken down, exports totaled ...": still the country's
            return Place("", "the country, referred back to", "place not in the data: China (national)")
        placeless = all(not e or (e in self.by_id and self.by_id[e].region) for e in (guess, last))
        country = neighbour_total(lead, sentence[slice(*clause_span(sentence, figure.start, figure.end))], placeless)
        if country:  # "Kazakhstan's cargo exports to China came to ...": a neighbour's own total
            return Place("", "a neighbour country's figure", f"place not in the data: {country} (national)")
        outside = [
            (at, name)
            for at, _, name in self.outside(sentence, mentions)
            if at < figure.start and not _REGION_NAME.search(sentence[at : figure.start])
        ]  # "With Barkol Airport opening, the region's airports rose to 28": the region's figure
        back = _BACK_TO_KIND.search(sentence)
        if outside or (back and self.latest.get(back.group(1).lower())):
            # "The Mohan Port in Yunnan ... handled 5,300 trips a day", "... went through the port": not the data's
            name = outside[-1][1] if outside else self.latest[back.group(1).lower()]
            return Place("", "a place the data lacks", f"place not in the data: {name}")
        clause = sentence[figure_clause(sentence, figure.start, figure.end) : clause_span(sentence, figure.start,
                                                                                        figure.end)[1]]  # fmt: skip
        network = network_subject(lead, clause)
        if network and not self.cities(sentence):
            # "The China-Europe freight service has linked 59 cities": a whole service or corridor named by the places it
            # joins, with no port, station or region in the figure's sentence, is not the article's port
            return Place("", "a network named by its ends, which the data lacks", f"place not in the data: {network}")
        if (
            self.hub
            and not mentions
            and HUB_BACK.search(sentence[: clause_span(sentence, figure.start, figure.end)[1]])
        ):
            # "The train, standing at the freight train logistics center in Urumqi, ... This year the center has handled
            # 603 trains": the land port named as a train centre before
            return Place(self.hub, "the train centre named before (its land port)")
        if self.subject and not _REGION_NAME.search(clause):
            # "Kazakhstan exports one million tons to China" (title) ... "Grain went up by 37%": a figure whose clause
            # names no place is the article's subject's, not a place carried from an earlier sentence
            return Place("", "the article's subject, a place the data lacks", f"place not in the data: {self.subject}")
        several = BACK_TO_SEVERAL.search(sentence)
        if several and _OF_REGION.match(sentence[several.end() :]):
            several = None  # "the ports of northwest China's Xinjiang": the region's ports, not the ones named before
        kind_back = _BACK_TO_KIND.search(sentence)
        known = self.latest_known.get(kind_back.group(1).lower(), "") if kind_back else ""
        if kind_back and _OTHER_KIND_BACK.search(sentence[kind_back.end() : figure.start]):
            known = ""  # "Next to the port is the cooperation centre, a 5.6 square km zone": the nearer noun's place
        guessed = self.by_id.get(guess)
        other_guess = guessed is None or not self._is_kind(guess, kind_back.group(1).lower() if kind_back else "")
        region_said = guessed is not None and guessed.region and _REGION_NAME.search(without_organisations(sentence))
        zone = self.latest_known.get("zone", "")
        if zone and _BACK_TO_ZONE.search(lead) and not (mentions or unheld or self.cities(sentence)):
            # "Two years on, the China (Xinjiang) Pilot Free Trade Zone ..." (title) ... "the zone's pilot reform tasks
            # are 81.5% complete, its companies number more than 44,000": the zone named before
            return Place(zone, "the zone named before")
        if known and not several and other_guess and not region_said:
            # "The port also saw 200,000 trucks": the last port named, whatever the sentence guess says
            return Place(self.member(self._whole(known, measure), measure), "the port or airport named before")
        if self.last_combined and several:
            ids = self.last_combined.split(";")
            return Place(self.last_combined, "the places named together before", f"combined: {', '.join(ids)}")
        # ("made up 44.1% of all the trains run by the autonomous region": the region is the whole, not the place)
        region_before = [
            m for m in _REGION_NAME.finditer(sentence)
            if (m.start() < figure.start or "," not in sentence[figure.end : m.start()])
            and not (figure.unit == "percent" and _SHARE_OF.match(sentence[figure.end : m.start()]))
        ]  # fmt: skip
        entity = self.by_id.get(guess)
        if entity is not None and entity.region and not region_before and last and last != guess:
            return Place(
                self.member(self._whole(last, measure), measure), "the place before (region named only in passing)"
            )
        if (
            entity is not None
            and entity.kind == "port"
            and last in self.named_last
            and self.member(guess, measure) == guess
        ):
            # "... through the Altynkol-Khorgos crossing. Exports grew by 24%": no mode, the member named carries
            return Place(last, "the member of the port named before")
        if entity is not None and last in entity.via:
            return Place(last, "the crossing named before (the line's port)")  # "Exports within that grew by 13%"
        inside = [u for u in unheld if u.start < figure.start and any(
            u.start <= at < u.end and e == guess for at, e in self.mentions(sentence))]  # fmt: skip
        rest = "".join(" " if any(u.start <= i < u.end for u in unheld) else c for i, c in enumerate(sentence))
        if inside and not mentions and guess not in {e for _, e in self.mentions(rest)}:
            # "5016 passengers used Korla airport, 3% more a day": the sentence's only place is one the data lacks,
            # whose name holds a place of the data (the Korla station of a corridor)
            return Place(
                "", "a place the data lacks, named in the sentence", f"place not in the data: {inside[-1].name}"
            )
        city = self._city_meant(guess, sentence)
        if city:
            # "Kashgar, the old Silk Road city, ... The park measures only 5 square kilometers": the sentence guess
            # carries the airport the bare name ranks first, but the article spoke of the city, which the data lacks
            return Place("", "the city named before, which the data lacks", f"place not in the data: {city} (the city)")
        whole = self._port_of(guess)
        if whole and not (RAIL.search(sentence) or ROAD.search(sentence)) and _WHOLE_TRADE.search(upto):
            # "In 2018 the pass's imports and exports came to 22.37 million tonnes", "total trade volume reached":
            # a port's trade with no mode said is the whole port's, whichever member the story or the title named
            return Place(whole, "the whole port: its trade, no mode said")
        named = [at for at, _ in self.mentions(sentence)]
        if last and last != guess and named and all(";" in sentence[figure.end : at] for at in named):
            # "Clearance has been cut from 12 hours to 6; a new exit through Horgos has opened": a place named only in
            # a later part of the sentence is that part's; the figure keeps the place before
            return Place(self.member(self._whole(last, measure), measure), "the place before (the sentence's is later)")
        return Place(self.member(self._whole(guess, measure), measure), "sentence's place")

    def _line_held(self, mentions: list[tuple[int, str]]) -> Callable[[int, int], bool]:
        """Whether a line named at ``[a, b)`` is the data's: a port or a corridor of the data is in its name."""

        def held(a: int, b: int) -> bool:
            return any(a <= at < b and (self.by_id[e].border or self.by_id[e].via or self.by_id[e].kind == "port")
                       for at, e in mentions)  # fmt: skip

        return held

    def _port_of(self, entity_id: str) -> str:
        """The whole port a port or its rail or road member belongs to; "" for any other place."""
        entity = self.by_id.get(entity_id)
        if entity is None:
            return ""
        return entity.parent if self._is_port(entity.parent) else entity_id if entity.kind == "port" else ""

    def _place_words(self, entity_id: str) -> set[str]:
        return {t for p in self.by_id[entity_id].phrases for t in p.words if t in self.places}

    def _city_meant(self, guess: str, sentence: str) -> str:
        """The city the guessed airport's name last meant in the article, when the sentence is not about flying."""
        if guess not in self.by_id or not self._is_kind(guess, "airport") or AIR_WORDS.search(sentence):
            return ""
        return next((self.city_sense[w] for w in sorted(self._place_words(guess)) if w in self.city_sense), "")


# words that name or point at a place: a figure in a sentence without them is about the place before
_NAMES_PLACE = re.compile(
    r"\b(?:Xinjiang|region|China's|nationwide|national|country's|ports?|airports?|zones?|cent(?:er|re)s?|hubs?"
    r"|stations?|crossings?)\b",
    re.I,
)
# "its", "It", "the region's", "the city's": a reference back to the place the sentences before were about
_REFERS_BACK = re.compile(r"\b(?:[Ii]ts?|the (?:region|city|prefecture)(?:'s)?)\b")
_VERB = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|can|could|may|might|[a-z]+ed)\b")
_VERB_FIRST = re.compile(r"\s*(?:(?:also|now|still|already)\s+)?(?:is|are|was|were|has|have|had|will|would|[a-z]+ed)\b")
_HELD_REGION = re.compile(r"\bXinjiang\b|\bautonomous region\b", re.I)  # the region named, not pointed back to
_KIND_NAMED = re.compile(r"\b(?:ports?|zones?|stations?|cent(?:er|re)s?|hubs?|areas?)\b", re.I)
_OTHER_KIND_BACK = re.compile(r"\b[Tt]he\s+(?:[\w-]+\s+){0,3}?(?:[Cc]ent(?:er|re)|[Zz]one)\b")
# a port or airport named by the county or city it is in, not by a name of its own
_BUILT_IN = re.compile(
    r"\b(?:[Aa]n?|[Tt]he)\s+(?:new\s+)?(?P<kind>airport|port)\b[^.;,]{0,40}?\bin\s+"
    r"(?P<where>(?:[A-Z][\w'-]*\s+){1,2}(?:County|Prefecture|City))\b"
)
# "Of these, 372 covered wagons ...", "Besides them there are 350 gondola cars": parts of the figure before
_PART_OPENING = re.compile(r"^\s*(?:Of|Among|Besides|In addition to)\s+(?:these|them|this|which)\b", re.I)
# "the zone's tasks", "the zone has": one zone referred back to, not one "in" or "of" a place named after it
_BACK_TO_ZONE = re.compile(
    r"\b[Tt]he (?:pilot |free trade |bonded |comprehensive bonded )*zone(?:'s)?\b(?!\s+(?:of|in)\b)"
)
_ONE_ZONE_KINDS = frozenset({"ftz", "ftz_section", "comprehensive_bonded_zone"})
_BACK_TO_KIND = re.compile(
    r"\b[Tt]he (?:new |dry |land |railway |rail |road |highway )?([Pp]ort|[Aa]irport)\b(?![^,;.]*\b(?:of|in)\s+[A-Z])"
)


# Where the news was told is not what the figures are about: "at a news conference in Urumqi on Friday".
_SHARE_OF = re.compile(r"\s*of\s+(?:all\s+)?(?:the\s+)?[^,;]{0,60}?\b(?:by|in|across|throughout)\s+(?:the\s+)?$", re.I)
_OF_REGION = re.compile(r"\s+(?:of|in)\s+[^,;]{0,40}?(?:\bXinjiang\b|\bthe region\b)", re.I)


# The words between a count and a place that say the count went that way: "3171 through the", "500 trucks via"
# ("4,240,000 tourist visits went in and out of the China-Kazakhstan Horgos International Border Cooperation Center")
_PATH_AFTER = re.compile(
    r"\s+(?:[a-z-]+\s+){0,4}?(?:through|via|at|(?:in|into)\s+(?:and|or)\s+out\s+of)\s+(?:the\s+)?"
    r"(?:(?-i:[A-Z][\w-]*)\s+){0,2}?",
    re.I,
)


# "Dostyk–Alashankou and ", "Horgos and the ": names alone, then "and"
_NAMES_JOINED = re.compile(r"(?:(?-i:[A-Z])[\w'’\u2013\u2014-]*\s+)+(?:and|&)\s+(?:the\s+)?", re.I)


def _words_around(sentence: str, figure: Figure, after: int) -> str:
    """The three words before a figure and ``after`` words after it: where its mode ("trains", "trucks") is said."""
    return " ".join(sentence[: figure.start].split()[-3:]) + " " + " ".join(sentence[figure.end :].split()[:after])


# "..., of which exports made up", "..., among them 12 by rail": a part of the figure before
_PART_OF = re.compile(r"\s*(?:of|among)\s+(?:which|whom|them|these)\b", re.I)
# "Altay airport carried 229377 passengers, up 230.6%": the change of the figure before is that figure's place's
_CHANGE_OF = re.compile(
    r"\s*(?:and\s+)?(?:up|down|rising|falling|an?\s+(?:increase|rise|growth|drop|decrease|fall)\s+of)\s+(?:by\s+)?$",
    re.I,
)
# "China's State Council approved opening it": the state acting, not the country spoken of as a subject of figures
_STATE_BODY = re.compile(
    r"\s+(?:State Council|(?:central\s+)?government|cabinet|Ministry|General Administration)\b", re.I
)
# "far ahead of the national growth rate of 3.6 per cent": the figure a place's is compared with is the country's,
# whatever places the sentence names
_NATIONAL_RATE = re.compile(
    r"\b(?:the\s+)?(?:national|nationwide|country's|nation's)\s+(?:[\w-]+\s+){0,2}?(?:rate|average|level|total)\s+of\s*$",
    re.I,
)
# the country's own figures; "northwest China's Xinjiang" is a place in China, not China. China as a clause's subject
# ("China has opened 51 routes"), "the national average" and trade "between China and the countries of ..." are the
# country's too, in a sentence that names no place the data holds
_NATIONAL = re.compile(
    r"\b(?:China's|the country's|the nation's)(?!\s+(?:[A-Z][\w-]*\s+){0,3}(?:Xinjiang|Uygur|Uyghur))"
    r"|\b(?i:nationwide|across China|across the country|(?:the )?national (?:total|average))\b"
    r"|(?:^|[,;]\s*)\W*China\s+(?:has|have|had|is|was)\b"
    r"|\bbetween China and (?:the )?(?:countries|nations|regions)\b",
)
# "its coal demand", "In 2010 it imported", "Broken down, exports totaled": the sentence goes on about what the one
# before was about
_BACK = re.compile(r"\b(?:its|it|broken down|of which)\b", re.I)
_PLACE_BACK = re.compile(r"\bthe (?:port|airport|pass|region|zone|city)\b", re.I)  # a place the text named before
_CROSSING_NOUN = re.compile(r"\s+(?:(?:border|railway|rail)\s+)*(?:crossing|junction)s?\b(?!\s+point)", re.I)
# One zone spoken of ("the zone", "the bonded area", "this area"), against zones or the region's ("Xinjiang's bonded
# zones", "such areas")
_ONE_ZONE = re.compile(r"\b(?:the|this)\s+(?:(?:comprehensive|integrated|bonded)\s+){0,2}(?:zone|area)\b(?!s)", re.I)
_ZONES_OR_REGION = re.compile(r"\b(?:zones|areas)\b|\bXinjiang\b", re.I)
_MODE_BACK = re.compile(r"\bthe (?:rail(?:way)?|road|highway) port\b", re.I)
