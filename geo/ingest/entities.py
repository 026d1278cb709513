"""Which place or group a sentence is about: names and aliases from the data, kind hints, back-references."""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from geo import settings
from geo.data.load import read_geojson, read_table
from geo.ingest.contrasts import without_compared
from geo.ingest.metrics import metric_text
from geo.ingest.modes import RAIL
from geo.ingest.text import GENERIC, Sentence, fold, stem, tokens

# Ways articles name the group entities beyond their table names; used only for ids the data knows.
GROUP_PHRASES: dict[str, tuple[str, ...]] = {
    "xinjiang": ("Xinjiang", "the region", "autonomous region", "新疆"),
    "xinjiang-ftz": ("Pilot Free Trade Zone", "free trade zone", "FTZ", "subzones", "自由贸易试验区"),
    "xinjiang-cbz": ("comprehensive bonded zones", "bonded zones"),
    "horgos": ("Horgos", "Khorgos", "霍尔果斯"),
    "alashankou": ("Alashankou", "Alataw", "阿拉山口"),
    "ftz-kashgar": ("Kashgar subzone", "Kashi subzone"),
    "ftz-urumqi": ("Urumqi subzone",),
    "ftz-horgos": ("Horgos subzone", "Khorgos subzone"),
}
_MODE_HINTS: dict[str, tuple[str, ...]] = {
    "road": ("road", "truck", "vehicle", "car", "driver", "ferry", "ferryman", "ferrymen", "nev", "bus", "automobile"),
    "rail": ("rail", "train", "freight", "container", "wagon", "scanner"),
    "air": ("airport", "flight", "air", "airline", "passenger", "terminal", "cargo", "route", "refund"),
}
_KIND_HINTS: dict[str, tuple[str, ...]] = {
    "ftz_section": ("ftz", "pilot", "enterprise", "reform"),
    "comprehensive_bonded_zone": ("bonded", "good", "booth", "hall", "shop"),
    "border_cooperation_center": ("cooperation", "center", "shop"),
    "inland": ("train", "rail", "container", "freight", "logistics"),
}


@dataclass
class Phrase:
    """A name as folded text and as word tokens."""

    folded: str
    words: list[str]


@dataclass
class Entity:
    """A place or group that facts may cite, with the phrases that name it and words that hint at it."""

    id: str
    phrases: list[Phrase]
    chinese: list[str]
    hints: set[str]
    learned: set[str] = field(default_factory=set)
    region: bool = False
    parent: str = ""
    kind: str = ""
    via: tuple[str, ...] = ()  # a corridor's ports
    border: str = ""  # a border port's neighbour country (ISO 3166 alpha-3)
    partner: tuple[str, ...] = ()  # a border port's neighbour-side crossing point: "Altynkol", "Nur Zholy"


def _aliases(value: object) -> list[str]:
    if isinstance(value, list):
        return [str(v) for v in value if v]
    if isinstance(value, str) and value.strip():
        text = value.strip()
        if text.startswith("["):
            return re.findall(r'"([^"]+)"', text)
        return [part.strip() for part in re.split(r"[;|]", text) if part.strip()]
    return []


def _partner_names(value: object) -> tuple[str, ...]:
    """The names of a crossing point across the border: "Nur Zholy (Khorgos, Kazakhstan)" -> Nur Zholy, Khorgos."""
    if not isinstance(value, str) or not value.strip():
        return ()
    names = re.split(r"\s*[(),]\s*", value)
    countries = {"kazakhstan", "kyrgyzstan", "tajikistan", "mongolia", "pakistan", "afghanistan", "russia"}
    return tuple(n for n in names if n and n.lower() not in countries)


def load_entities(data_dir: Path, facts: list[dict]) -> list[Entity]:
    """Every entity the data knows: features of each layer and the group entities, named as in the data.

    The hints of an entity are words of the claims and metrics already cited for it, plus words of
    its mode or kind ("flight" for an airport, "train" for a rail port).
    """
    data_dir = Path(data_dir)
    records: list[tuple[str, list[str], str, bool, str]] = []  # id, names, kind words, region?, parent
    links: dict[str, tuple[tuple[str, ...], str]] = {}  # id -> a corridor's ports, a border port's neighbour
    partners: dict[str, tuple[str, ...]] = {}  # id -> the names of the crossing point across the border
    for layer in settings.LAYERS:
        path = data_dir / "geojson" / layer.filename
        if not path.exists():
            continue
        collection = read_geojson(path)
        for feature in collection.get("features", []) if isinstance(collection, dict) else []:
            props = feature.get("properties") or {}
            entity_id = feature.get("id") or props.get("id")
            if not isinstance(entity_id, str):
                continue
            names = [props.get("name") or "", props.get("name_zh") or "", *_aliases(props.get("aliases"))]
            kinds = [*(props.get("modes") or []), props.get("mode") or "", props.get("kind") or ""]
            kind = " ".join(k for k in kinds if isinstance(k, str))
            records.append((entity_id, [n for n in names if n], kind, False, props.get("parent") or ""))
            via = props.get("via_ports") or []
            via = via if isinstance(via, list) else _aliases(via)
            links[entity_id] = (tuple(str(v) for v in via), str(props.get("border_country") or ""))
            partners[entity_id] = _partner_names(props.get("partner_crossing"))
    # The groups (the region, the whole FTZ, whole ports) are entities too; groups.csv is part of every data folder.
    for row in read_table(data_dir / "groups.csv").to_dict("records"):
        names = [row.get("name", ""), row.get("name_zh", ""), *_aliases(row.get("aliases", ""))]
        kind = row.get("kind", "")
        records.append((row["id"], [n for n in names if n], kind, kind == "region", row.get("parent", "") or ""))
    learned: dict[str, Counter] = {}
    for row in facts:
        learned.setdefault(row["entity_id"], Counter()).update(tokens(row["claim"] + " " + metric_text(row["metric"])))
    entities = []
    for entity_id, names, kind, region, parent in records:
        names = [*names, *GROUP_PHRASES.get(entity_id, ())]
        names += [v for n in names for v in _kind_synonyms(n, kind) if v not in names]
        names += [v for n in names for v in _of_place(n) if v not in names]
        latin = [n for n in names if not re.search(r"[\u4e00-\u9fff]", n)]
        phrases = []
        for name in latin:
            bare = re.sub(r"\([^)]*\)", " ", name)
            for variant in {name, bare}:
                phrases.append(Phrase(" ".join(re.findall(r"[a-z0-9]+", fold(variant))), tokens(variant)))
        hints = {stem(w) for word in kind.split() for w in (*_MODE_HINTS.get(word, ()), *_KIND_HINTS.get(word, ()))}
        known = {t for t, _ in learned.get(entity_id, Counter()).most_common(25)}
        entities.append(
            Entity(
                id=entity_id,
                phrases=[p for p in phrases if p.words],
                chinese=[n for n in names if re.search(r"[\u4e00-\u9fff]", n)],
                hints=hints,
                learned=known,
                region=region,
                parent=parent,
                kind=kind,
                via=links.get(entity_id, ((), ""))[0],
                border=links.get(entity_id, ((), ""))[1],
                partner=partners.get(entity_id, ()),
            )
        )
    _drop_place_words_from_hints(entities)
    return entities


# Other words articles use for a kind of place's noun: "the Kashgar comprehensive bonded area", "the four integrated
# bonded areas" are the data's bonded zones. Keyed by the data's kind; each pair is (the data's word, another).
_KIND_SYNONYMS: dict[str, tuple[tuple[str, str], ...]] = {
    "comprehensive_bonded_zone": (("zone", "area"), ("comprehensive", "integrated")),
    "bonded_zones": (("zone", "area"), ("comprehensive", "integrated")),
}


def _kind_synonyms(name: str, kind: str) -> list[str]:
    """The name with its kind noun's other words, every combination ("X Comprehensive Bonded Area", "X integrated
    bonded zones"); [] for kinds with none."""
    variants = {name}
    for word, other in _KIND_SYNONYMS.get(kind, ()):
        pattern = re.compile(rf"\b{word}", re.I)
        variants |= {pattern.sub(other, v) for v in variants}
    return sorted(variants - {name})


# "Urumqi International Land Port" is also written "the International Land Port of Urumqi", "Horgos Port" "the Port
# of Horgos": a one-word place name, then the kind of place it is, read the other way round.
_PLACE_THEN_KIND = re.compile(
    r"([A-ZÜ][\w'-]+)\s+((?:[A-Z][\w-]*\s+){0,3}(?:Port|Airport|Station|Zone|Area|Park))", re.UNICODE
)


def _of_place(name: str) -> list[str]:
    """The name read "<kind> of <place>" when it is "<place> <kind>"; [] for other names."""
    match = _PLACE_THEN_KIND.fullmatch(name.strip())
    return [f"{match.group(2)} of {match.group(1)}"] if match else []


def place_words(entities: list[Entity]) -> set[str]:
    """Words of entity names that name a place (Horgos, Urumqi), not a kind of place (port, zone)."""
    return {t for e in entities for p in e.phrases for t in p.words if t not in GENERIC}


def _drop_place_words_from_hints(entities: list[Entity]) -> None:
    places = place_words(entities)
    for entity in entities:
        entity.hints -= places
        entity.learned -= places


_ATTRIBUTION = re.compile(
    r"according to [^,.;]*|\ban? (?:official|spokes\w+|staff member|manager) (?:with|of|from|at) [^,.;]*"
    r"|,[^,]*\b(?:reported|said|says|told)\b[^,.;]*",
    re.IGNORECASE,
)
# "the centre is the world's first free trade zone spanning a border", "Horgos will have a free trade zone": a free
# trade zone described, or one of a kind, is not the region's pilot zone, and "the zone" after it is not that zone
_DESCRIBED_ZONE = re.compile(r"\b(?:first|an?)\s+(?:[\w-]+\s+){0,2}?free[- ]trade\s+zone\b", re.IGNORECASE)
_SUBJECT_PRONOUN = re.compile(r"^\W*(?:[^,]*,\s*)?(?:it|they|its|their)\b", re.IGNORECASE)
_CAPTION = re.compile(r"^\(?photo\b", re.IGNORECASE)


# Groups of zones whose sections the data holds (the pilot FTZ's areas, the comprehensive bonded zones).
_ZONE_GROUPS = frozenset({"ftz", "bonded_zones"})


@dataclass(frozen=True)
class EntityGuess:
    """The entity a sentence is about and the runners-up."""

    best: str
    others: tuple[str, ...]


class EntityMatcher:
    """Score entities against a sentence by the phrases that name them (see ``rank``)."""

    def __init__(self, entities: list[Entity]) -> None:
        self.entities = entities
        counts = Counter(t for e in entities for t in {t for p in e.phrases for t in p.words})
        total = max(len(entities), 1)
        self.idf = {t: math.log(1 + total / n) for t, n in counts.items()}
        self.kinds = {e.id: e.kind for e in entities}
        self.parents = {e.id: e.parent for e in entities}

    def rank(self, sentence: str, hint_words: set[str], named: set[str]) -> list[tuple[tuple, str]]:
        """Entities a sentence names, best first, each with its score.

        A phrase whose every place word is in the sentence (a short one as written) beats a partial
        match ("Horgos highway port" is horgos-road; "Horgos" alone is the horgos group); partial
        matches need a place word, not just "port" or "zone". The region comes after any other
        entity named as fully: it is named in passing in almost every sentence. Ties go to the
        entity whose mode, kind or past claims share words with the sentence and its neighbours
        ("flights" -> the airport), or that the article (or its parent) named before.
        """
        words = set(tokens(sentence))
        folded = " " + " ".join(re.findall(r"[a-z0-9]+", fold(sentence))) + " "
        scored = []
        for entity in self.entities:
            score = self._score(entity, sentence, folded, words, hint_words, named)
            if score is not None:
                scored.append((score, entity.id))
        return self._section_first(sorted(scored, reverse=True))

    def _section_first(self, ranked: list[tuple[tuple, str]]) -> list[tuple[tuple, str]]:
        """The ranking with a zone group named in full put after its one section named in full.

        "The comprehensive bonded area in Kashgar Prefecture, the only such area in ... Xinjiang": the group's words
        ("Xinjiang comprehensive bonded area") are all in the sentence because the section's name holds its kind
        words and the region is named in passing; one section named is what the sentence is about, several are the
        group's members listed.
        """
        full = [e for score, e in ranked if score[0] == 2]
        for group in full:
            if self.kinds.get(group) not in _ZONE_GROUPS:
                continue
            sections = [e for e in full if self.parents.get(e) == group]
            if len(sections) == 1 and full.index(sections[0]) > full.index(group):
                section = next(r for r in ranked if r[1] == sections[0])
                ranked = [r for r in ranked if r is not section]
                at = next(i for i, r in enumerate(ranked) if r[1] == group)
                return [*ranked[:at], section, *ranked[at:]]
        return ranked

    def _score(
        self, entity: Entity, sentence: str, folded: str, words: set[str], hint_words: set[str], named: set[str]
    ) -> tuple | None:
        # Words of the entity's mode or kind say more than words of its past claims.
        hint = 2 * len(entity.hints & hint_words) + len(entity.learned & hint_words)
        hint += 2 * (entity.id in named or entity.parent in named)
        best = None
        for chinese in entity.chinese:
            if chinese in sentence:
                best = (2, 10.0 + len(chinese), 1.0, hint)
        for phrase in entity.phrases:
            weight = sum(self.idf.get(t, 1.0) for t in phrase.words)
            matched = [t for t in phrase.words if t in words]
            matched_weight = sum(self.idf.get(t, 1.0) for t in matched)
            distinct = [t for t in matched if t not in GENERIC]
            if len(phrase.words) < 3:
                whole = f" {phrase.folded} " in folded
            else:  # every place word, and most of the rest: "Urumqi international land port" names "... Port Area"
                places = [t for t in phrase.words if t not in GENERIC]
                whole = len(distinct) == len(places) and matched_weight >= 0.75 * weight
            if whole:  # the most of the name wins: "Horgos Road Port" over "Horgos Port (road and rail)"
                score = (2, matched_weight, matched_weight / weight, hint)
            elif distinct:
                score = (1, sum(self.idf.get(t, 1.0) for t in distinct), hint, matched_weight / weight)
            else:
                continue
            if best is None or score > best:
                best = score
        if best is None:
            return None
        return (best[0], 0 if entity.region else 1, *best[1:])


_BACK_NOUN = r"(?:the|this)\s+((?:[\w-]+\s+){0,3}?)(?:zone|port|area|center|centre|airport|hub)\b"


def _refers_back(sentence: str, places: set[str]) -> str:
    """How the sentence points back at the place named before: "subject", "mention" or "".

    "It attracted ...", "The land port area is ..." are about that place whatever else they name;
    "... sold in the bonded zone" is, unless the sentence names another place in full.
    """
    if _SUBJECT_PRONOUN.match(sentence):
        return "subject"
    for match in re.finditer(r"\b" + _BACK_NOUN, sentence, re.IGNORECASE):
        if not set(tokens(match.group(1))) & places:
            return "subject" if not sentence[: match.start()].strip() else "mention"
    return ""


# The kinds of place a back-reference's noun can mean: "the cooperation center" is the border cooperation center
# named before, even if a port was named since.
_NOUN_KINDS = {
    "center": ("border_cooperation_center",),
    "centre": ("border_cooperation_center",),
    "airport": ("airport",),
    "zone": ("ftz_section", "comprehensive_bonded_zone", "development_zone", "ftz", "bonded_zones"),
}


def _referred_kind(sentence: str, places: set[str], history: list[str], by_id: dict[str, Entity]) -> str:
    """The latest entity named before whose kind the sentence's back-reference noun names, else ""."""
    for match in re.finditer(r"\b" + _BACK_NOUN, sentence, re.IGNORECASE):
        if set(tokens(match.group(1))) & places:
            continue
        noun = match.group(0).split()[-1].lower()
        kinds = _NOUN_KINDS.get(noun, ())
        for entity_id in reversed(history):
            if any(k in by_id[entity_id].kind.split() for k in kinds):
                return entity_id
        # none named yet: "Next to Horgos Port is the Sino-Kazakh Cooperation Centre" is the data's one center of
        # Horgos, the place of that kind that shares a name with the place the article is about
        near = {t for e in history[-3:] for p in by_id[e].phrases for t in p.words} & places
        kin = [
            e.id for e in by_id.values()
            if any(k in e.kind.split() for k in kinds) and near & {t for p in e.phrases for t in p.words}
        ]  # fmt: skip
        if len(kin) == 1 and match.group(1).strip():  # a name of words ("Sino-Kazakh Cooperation"), not "the zone"
            return kin[0]
    return ""


_REGION_WORDS = re.compile(r"\bXinjiang\b(?!\s+(?:Pilot|FTZ|[Cc]omprehensive))|\bthe region\b|\bXUAR\b")


# "this checkpoint, in the Xinjiang Uygur Autonomous Region", "the port, located in northwest China's Xinjiang": the
# region named only to say where the place just before it lies ("the expo in Urumqi, capital of Xinjiang" is the
# region's expo: a city before the comma is no kind of place the sentence is about)
_LOCATOR = re.compile(
    r"\b(?:checkpoint|port|pass|station|airport|crossing)s?,\s+(?:located\s+|situated\s+)?in\s+(?:the\s+)?"
    r"(?:(?:north|south)?(?:west|east)(?:ern)?\s+)?(?:China's\s+)?(?:the\s+)?(?=Xinjiang\b)",
    re.I,
)


def _region_locates(text: str) -> bool:
    """Whether every naming of the region in the sentence only locates a place named before it."""
    at = [m.end() for m in _LOCATOR.finditer(text)]
    named = [m.start() for m in _REGION_WORDS.finditer(text)]
    return bool(named) and all(n in at for n in named)


def _region_leads(text: str, ranked: list[tuple[tuple, str]], region: str) -> bool:
    """Whether the region is named in full and the sentence's first back-reference noun only describes it."""
    if not any(entity_id == region and score[0] == 2 for score, entity_id in ranked):
        return False
    named = _REGION_WORDS.search(text)
    noun = re.search(r"\b" + _BACK_NOUN, text, re.IGNORECASE)
    # the noun inside a clause that describes the region (", which lies in the core area"), not a new subject
    return bool(
        named
        and noun
        and named.start() < noun.start()
        and re.search(r",\s+(?:which|where|that|located|lying|home to)\b", text[named.end() : noun.start()])
    )


def _whole_port(ranked: list[tuple[tuple, str]], by_id: dict[str, Entity], text: str, moded: dict[str, str]) -> str:
    """The best-ranked entity, or its whole port when it is a port's member that the sentence names with no mode.

    "Alataw Pass exports over 10 million e-commerce packages": the name both members share, with no train or truck
    said, is the whole port (as a mention is), not whichever member ranks first on a tie; unless the article named
    a member by its mode before ("the Horgos road port ... the Horgos land port is busy"): the story's member.
    """
    top, best = ranked[0]
    parent = by_id.get(by_id[best].parent) if best in by_id else None
    if parent is None or parent.kind != "port":
        return best
    if RAIL.search(text) or re.search(r"\b(?<!silk )(?:road|highway)\b|\btrucks?\b", text, re.I):
        moded[parent.id] = best
        return best
    # the parent named as fully: no word of the member's own name is in the sentence
    whole = next((score for score, e in ranked if e == parent.id and score[0] == 2), None)
    return moded.get(parent.id, parent.id) if whole is not None and whole[2] >= top[2] else best


def sentence_entities(sentences: list[Sentence], matcher: EntityMatcher) -> list[EntityGuess]:
    """The entity each sentence is about: the one it names, else the one before it refers back to."""
    places = place_words(matcher.entities)
    region = next((e.id for e in matcher.entities if e.region), "")
    by_id = {e.id: e for e in matcher.entities}
    history: list[str] = []  # entities named in full, in order
    moded: dict[str, str] = {}  # a port -> its member the article last named by mode
    last, named, guesses = region, set(), []
    for number, sentence in enumerate(sentences):
        neighbours = [s.text for s in sentences[max(number - 1, 0) : number + 2] if s.paragraph == sentence.paragraph]
        hint_words = set(tokens(" ".join(neighbours)))
        text = without_compared(_DESCRIBED_ZONE.sub(" ", _ATTRIBUTION.sub(" ", sentence.text)))
        ranked = matcher.rank(text, hint_words, named)
        if ranked and ranked[0][1] == region and _region_locates(text):
            ranked = [r for r in ranked if r[1] != region]
        full = [entity_id for score, entity_id in ranked if score[0] == 2 and score[1] == 1]
        back = _refers_back(text, places)
        if back == "mention" and _region_leads(text, ranked, region):
            back = ""  # "Xinjiang, which lies in the core area of ..., has added": the region is the subject
        if last and (back == "subject" or back == "mention" and not full):
            best = _referred_kind(text, places, history, by_id) or last
            history.append(best)  # "the Sino-Kazakh Cooperation Centre" is then what "the centre" means
        elif ranked:
            best = _whole_port(ranked, by_id, text, moded)
        else:
            best = last
        others = tuple(entity_id for _, entity_id in ranked if entity_id != best)[:3]
        guesses.append(EntityGuess(best, others))
        if _CAPTION.match(sentence.text):
            continue  # a photo caption names the region in passing: the story's place carries on
        named |= {entity_id for score, entity_id in ranked if score[0] == 2}
        history += [entity_id for score, entity_id in reversed(ranked) if score[0] == 2]
        listed = [g for g in set(full) if by_id[g].kind != "port" and sum(by_id[e].parent == g for e in set(full)) >= 2]
        if listed and last:
            # "the four bonded zones set up in Kashgar, Horgos, Alashankou and Urumqi made up 41.8% of the total": a
            # group listed by its members is a part of the story: the place the sentences before were about carries on
            continue
        wholes = {by_id[e].parent or e for e in full}
        if (
            len(wholes) >= 2
            and last in by_id
            and (by_id[last].parent or last) in wholes
            and re.search(r"\btogether\b", text)
        ):
            # "The Horgos station and Alashankou together recorded 90,000 runs. At this port alone, 300 people work":
            # two places named together leave the story with the one it was about
            continue
        last = best
    return guesses
