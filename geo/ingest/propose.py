"""From a new article to reviewed rows: propose candidate figures, then accept the reviewed ones into facts.csv."""

from __future__ import annotations

import csv
import io
import math
import os
import re
import shutil
import subprocess
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from geo import settings
from geo.data.load import read_geojson, read_table, read_text
from geo.errors import DataError
from geo.ingest.files import LOCK_NAME, TEMP_SUFFIX, data_lock, os_error, replace_files, scratch_dir
from geo.ingest.numbers import MONTHS, Figure, Period, Reference, find_figures, find_periods

# The reviewer's columns, then a fact's own (facts.csv's, in its order), then what helps the review.
REVIEW_COLUMNS: tuple[str, ...] = (
    "candidate",
    "accept",
    *settings.FACT_COLUMNS,
    "as_written",
    "sentence",
    "alternatives",
)
# What a reviewer writes in `accept`; anything else is reported.
ACCEPT_YES = frozenset({"yes", "y", "x", "1", "true"})
ACCEPT_NO = frozenset({"", "no", "n", "0", "false"})
PERIOD_PATTERN = re.compile(r"^(?:\.\.|(?P<a>\d{4}(?:-\d{2}(?:-\d{2})?)?))(?:/\d{4}(?:-\d{2}(?:-\d{2})?)?)?$")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Ways articles name the group entities beyond their table names; used only for ids the data knows.
GROUP_PHRASES: dict[str, tuple[str, ...]] = {
    "xinjiang": ("Xinjiang", "the region", "autonomous region", "新疆"),
    "xinjiang-ftz": ("Pilot Free Trade Zone", "free trade zone", "FTZ", "自由贸易试验区"),
    "xinjiang-cbz": ("comprehensive bonded zones", "bonded zones"),
    "horgos": ("Horgos", "Khorgos", "霍尔果斯"),
    "alashankou": ("Alashankou", "Alataw", "阿拉山口"),
}
# Spellings that name the same place (Kashi is Kashgar's Chinese name) and words that mean the same mode.
_SPELLINGS: tuple[tuple[str, str], ...] = (
    (r"free[- ]trade zones?", "ftz"),
    (r"\bkashi\b", "kashgar"),
    (r"\bkhorgo[sz]\b|\bkhorgas\b", "horgos"),
    (r"\bhighways?\b", "road"),
    (r"\brailways?\b", "rail"),
)
# Words that name a kind of place, not a place: a sentence naming only these refers back to an earlier one.
_GENERIC = _words(
    "port ports international area areas zone zones center centre rail road airport comprehensive bonded "
    "pilot ftz land trade free side cooperation border line exit via northern southern region autonomous "
    "uygur all three four xinjiang china chinese pass kazakhstan kyrgyzstan uzbekistan tajikistan "
    "pakistan mongolia russia afghanistan india europe asia central"
)
_STOP = _words(
    "a an the of and in at on to for from by with as its it their they this that these those is are was "
    "were be been has have had which who s or than more over under nearly about into per up its year "
    "years same"
)
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
_METRIC_WORDS = {
    "yoy": "year on year growth",
    "share": "share accounting proportion",
    "intl": "international",
    "avg": "average",
    "ev": "electric vehicle",
    "cbz": "bonded zone",
    "ftz": "ftz",
    "min": "min",
    "max": "max",
}
_PRONOUN_START = re.compile(r"^\W*(?:it|its|they|their|this|these|those|such)\b", re.IGNORECASE)
_ABBREVIATIONS = _words("a.m p.m u.s mr ms dr st no e.g i.e vs jan feb mar apr jun jul aug sep sept oct nov dec")


# ---------------------------------------------------------------- text


@dataclass(frozen=True)
class Sentence:
    """A sentence of the article and the paragraph it belongs to."""

    text: str
    paragraph: int


def split_sentences(text: str) -> list[Sentence]:
    """Paragraphs are lines; sentences end at . ! ? followed by a capital, except after abbreviations."""
    sentences = []
    for number, line in enumerate(p.strip() for p in text.splitlines()):
        if not line:
            continue
        start = 0
        for match in re.finditer(r"[.!?][\"”’')]*\s+(?=[\"“‘(]?[A-Z0-9])", line):
            word = re.search(r"(\S+)$", line[start : match.start() + 1])
            if word and word.group(1).lower().rstrip(".").lstrip('("“') in _ABBREVIATIONS:
                continue
            sentences.append(Sentence(line[start : match.end()].strip(), number))
            start = match.end()
        if line[start:].strip():
            sentences.append(Sentence(line[start:].strip(), number))
    return sentences


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower().replace("’", "'")
    text = re.sub(r"'s\b", "", text)
    for pattern, replacement in _SPELLINGS:
        text = re.sub(pattern, replacement, text)
    return text


def _stem(token: str) -> str:
    if token.endswith("ies") and len(token) > 4:
        return token[:-3] + "y"
    if token.endswith("ing") and len(token) > 5:
        return token[:-3]
    if token.endswith("ed") and len(token) > 4:
        return token[:-2]
    if token.endswith("es") and len(token) > 4 and token[-3] in "sxz":
        return token[:-2]
    if token.endswith("s") and not token.endswith("ss") and len(token) > 3:
        return token[:-1]
    return token


def tokens(text: str) -> list[str]:
    """Folded, stemmed word tokens: accents and 's dropped, spelling variants merged ("Kashi" -> kashgar)."""
    return [_stem(t) for t in re.findall(r"[a-z0-9]+", _fold(text)) if t not in _STOP]


# ---------------------------------------------------------------- article metadata

_DATE_TEXT = re.compile(
    r"(?P<m>January|February|March|April|May|June|July|August|September|October|November|December)\s+(?P<d>\d{1,2}),?\s+(?P<y>(?:19|20)\d{2})"
    r"|(?P<d2>\d{1,2})\s+(?P<m2>January|February|March|April|May|June|July|August|September|October|November|December)\s+(?P<y2>(?:19|20)\d{2})"
    r"|(?P<iso>(?:19|20)\d{2}-\d{2}-\d{2})"
)


@dataclass
class ArticleInfo:
    """What the article says about itself: title, publisher and date, each empty when not found."""

    title: str = ""
    publisher: str = ""
    published: str = ""
    dateline: str = ""


def read_article_info(text: str) -> ArticleInfo:
    """Find the headline, the publisher and the publication date in an article's first lines."""
    info = ArticleInfo()
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    for line in lines[:15]:
        match = _DATE_TEXT.search(line)
        if match and len(line.split()) <= 12 and not info.published:
            info.published, info.dateline = _iso(match), line
            before = line[: match.start()].strip(" ,-—|")
            if before and len(before.split()) <= 4 and not info.publisher:
                info.publisher = before
    for line in lines[:15]:
        by = re.match(r"^By\s+[^,]+,\s*(?P<pub>[^,]{3,60})$", line)
        if by and not info.publisher:
            info.publisher = by.group("pub").replace("’", "'").strip()
    source = re.search(r"\(Source:\s*(?P<pub>[^,)]+)", text)
    if source and not info.publisher:
        info.publisher = source.group("pub").strip()
    for line in lines[:15]:
        words = line.split()
        if (
            4 <= len(words) <= 30
            and not re.search(r"[›•|]", line)
            and not line.rstrip().endswith((":", "/", "."))
            and not line.startswith("By ")
            and line != info.dateline
        ):
            info.title = line.replace("’", "'")
            break
    return info


def _iso(match: re.Match[str]) -> str:
    if match.group("iso"):
        return match.group("iso")
    month, day, year = (match.group("m"), match.group("d"), match.group("y"))
    if month is None:
        month, day, year = match.group("m2"), match.group("d2"), match.group("y2")
    return f"{year}-{MONTHS.index(month.lower()) + 1:02d}-{int(day):02d}"


def reference_for(sentences: list[Sentence], published: str, dateline: str = "") -> Reference:
    """The year an article's undated figures belong to: the latest year it reports on, at most its own year.

    "This year" is the year of the article's date when it has one; an undated article's "this year"
    is that latest year too.
    """
    own_year = int(published[:4]) if published else None
    years = []
    for sentence in sentences:
        if dateline and sentence.text in dateline:
            continue
        for period in find_periods(sentence.text, Reference(own_year or 0, own_year or 0)):
            if period.explicit_year and (own_year is None or period.explicit_year <= own_year):
                years.append(period.explicit_year)
    year = max(years) if years else (own_year or date.today().year)
    return Reference(year=year, this_year=own_year or year)


# ---------------------------------------------------------------- entities


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


def _aliases(value: object) -> list[str]:
    if isinstance(value, list):
        return [str(v) for v in value if v]
    if isinstance(value, str) and value.strip():
        text = value.strip()
        if text.startswith("["):
            return re.findall(r'"([^"]+)"', text)
        return [part.strip() for part in re.split(r"[;|]", text) if part.strip()]
    return []


def load_entities(data_dir: Path, facts: list[dict]) -> list[Entity]:
    """Every entity the data knows: features of each layer and the group entities, named as in the data.

    The hints of an entity are words of the claims and metrics already cited for it, plus words of
    its mode or kind ("flight" for an airport, "train" for a rail port).
    """
    data_dir = Path(data_dir)
    records: list[tuple[str, list[str], str, bool, str]] = []  # id, names, kind words, region?, parent
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
    # The groups (the region, the whole FTZ, whole ports) are entities too; groups.csv is part of every data folder.
    for row in read_table(data_dir / "groups.csv").to_dict("records"):
        names = [row.get("name", ""), row.get("name_zh", ""), *_aliases(row.get("aliases", ""))]
        kind = row.get("kind", "")
        records.append((row["id"], [n for n in names if n], kind, kind == "region", row.get("parent", "") or ""))
    learned: dict[str, Counter] = {}
    for row in facts:
        learned.setdefault(row["entity_id"], Counter()).update(tokens(row["claim"] + " " + _metric_text(row["metric"])))
    entities = []
    for entity_id, names, kind, region, parent in records:
        names = [*names, *GROUP_PHRASES.get(entity_id, ())]
        latin = [n for n in names if not re.search(r"[\u4e00-\u9fff]", n)]
        phrases = []
        for name in latin:
            bare = re.sub(r"\([^)]*\)", " ", name)
            for variant in {name, bare}:
                phrases.append(Phrase(" ".join(re.findall(r"[a-z0-9]+", _fold(variant))), tokens(variant)))
        hints = {_stem(w) for word in kind.split() for w in (*_MODE_HINTS.get(word, ()), *_KIND_HINTS.get(word, ()))}
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
            )
        )
    _drop_place_words_from_hints(entities)
    return entities


def place_words(entities: list[Entity]) -> set[str]:
    """Words of entity names that name a place (Horgos, Urumqi), not a kind of place (port, zone)."""
    return {t for e in entities for p in e.phrases for t in p.words if t not in _GENERIC}


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
_SUBJECT_PRONOUN = re.compile(r"^\W*(?:[^,]*,\s*)?(?:it|they|its|their)\b", re.IGNORECASE)
_CAPTION = re.compile(r"^\(?photo\b", re.IGNORECASE)


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
        folded = " " + " ".join(re.findall(r"[a-z0-9]+", _fold(sentence))) + " "
        scored = []
        for entity in self.entities:
            score = self._score(entity, sentence, folded, words, hint_words, named)
            if score is not None:
                scored.append((score, entity.id))
        return sorted(scored, reverse=True)

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
            distinct = [t for t in matched if t not in _GENERIC]
            if len(phrase.words) < 3:
                whole = f" {phrase.folded} " in folded
            else:  # every place word, and most of the rest: "Urumqi international land port" names "... Port Area"
                places = [t for t in phrase.words if t not in _GENERIC]
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


def sentence_entities(sentences: list[Sentence], matcher: EntityMatcher) -> list[EntityGuess]:
    """The entity each sentence is about: the one it names, else the one before it refers back to."""
    places = place_words(matcher.entities)
    region = next((e.id for e in matcher.entities if e.region), "")
    last, named, guesses = region, set(), []
    for number, sentence in enumerate(sentences):
        neighbours = [s.text for s in sentences[max(number - 1, 0) : number + 2] if s.paragraph == sentence.paragraph]
        hint_words = set(tokens(" ".join(neighbours)))
        text = _ATTRIBUTION.sub(" ", sentence.text)
        ranked = matcher.rank(text, hint_words, named)
        full = [entity_id for score, entity_id in ranked if score[0] == 2 and score[1] == 1]
        back = _refers_back(text, places)
        if last and (back == "subject" or back == "mention" and not full):
            best = last
        elif ranked:
            best = ranked[0][1]
        else:
            best = last
        others = tuple(entity_id for _, entity_id in ranked if entity_id != best)[:3]
        guesses.append(EntityGuess(best, others))
        if _CAPTION.match(sentence.text):
            continue  # a photo caption names the region in passing: the story's place carries on
        named |= {entity_id for score, entity_id in ranked if score[0] == 2}
        last = best
    return guesses


# ---------------------------------------------------------------- metrics


def _metric_text(metric: str) -> str:
    return " ".join(_METRIC_WORDS.get(part, part) for part in metric.split("_"))


class MetricModel:
    """Guess a metric among those facts.csv already uses, by words shared with their names and claims."""

    def __init__(self, facts: list[dict], places: set[str]) -> None:
        self.vocab: dict[str, Counter] = {}
        self.units: dict[str, set[str]] = {}
        self.entities: dict[str, set[str]] = {}
        for row in facts:
            metric = row["metric"]
            words = [t for t in tokens(_metric_text(metric) + " " + row["claim"]) if t not in places]
            name_words = [t for t in tokens(_metric_text(metric)) if t not in places]
            self.vocab.setdefault(metric, Counter()).update(words + name_words * 2)
            self.units.setdefault(metric, set()).add(row["unit"])
            self.entities.setdefault(metric, set()).add(row["entity_id"])
        counts = Counter(t for vocab in self.vocab.values() for t in vocab)
        total = max(len(self.vocab), 1)
        self.idf = {t: math.log(1 + total / n) for t, n in counts.items()}

    def guess(self, context: list[tuple[str, float]], unit: str, entity_id: str) -> list[str]:
        """Metrics ranked best first: those used with the same unit, by weighted words shared with the context."""
        scores = []
        for metric, vocab in self.vocab.items():
            if unit not in self.units[metric]:
                continue
            size = math.log(2 + len(vocab))
            score = sum(weight * self.idf.get(t, 0.0) for t, weight in context if t in vocab) / size
            if entity_id in self.entities[metric]:
                score *= 1.25
            scores.append((score, metric))
        scores.sort(reverse=True)
        # A metric with no word in common is a guess only when it is the one metric in that unit.
        return [metric for score, metric in scores if score > 0 or len(scores) == 1]


_UNIT_WORDS = {"km2": "area", "m2": "area", "hectares": "area", "hours": "time", "minutes": "time", "days": "time"}


def _context(
    sentence: str, figure: Figure, figures: list[Figure], periods: list[Period], places: set[str]
) -> list[tuple[str, float]]:
    """Words around a figure, weighted by nearness; the words just after it (what is counted) count most.

    Period phrases and the other figures are blanked out; so are the words right after the figure
    before this one ("19 countries and 26 cities": "countries" belongs to 19, not to 26).
    """
    chars = list(sentence)
    for span in [*((p.start, p.end) for p in periods), *((f.start, f.end) for f in figures if f is not figure)]:
        chars[span[0] : span[1]] = " " * (span[1] - span[0])
    previous = [f for f in figures if f.end <= figure.start]
    if previous:
        noun = re.match(
            r"\s*(?:[\w-]+\s+){0,2}?[\w-]+?(?=\s+(?:and|to|in|or|from|across|with)\b|[,;.]|$)",
            sentence[previous[-1].end : figure.start],
        )
        if noun:
            start = previous[-1].end
            chars[start : start + noun.end()] = " " * noun.end()
    blanked = "".join(chars)
    later = [f for f in figures if f.start >= figure.end]
    # The two ends of "from 30 hours to under five" or "6-12 hours": before/after, lower/upper.
    link = r"(?:\s*\w+)?\s*(?:-|–|—|to)\s*"
    ends: list[tuple[str, float]] = []
    if later and re.fullmatch(link, sentence[figure.end : later[0].start]):
        ends = [("before", 2.0), ("min", 2.0)]
    if previous and re.fullmatch(link, sentence[previous[-1].end : figure.start]):
        ends = [("after", 2.0), ("max", 2.0)]
    before, after = blanked[: figure.start], blanked[figure.end :]
    context = ends + ([(_stem(_UNIT_WORDS[figure.unit]), 1.0)] if figure.unit in _UNIT_WORDS else [])
    before_words = [t for t in tokens(before) if t not in places]
    for distance, token in enumerate(reversed(before_words)):
        context.append((token, 1.0 / (1 + distance / 3)))
    after_clause = re.split(r"[;:]|,(?!\d)", after, maxsplit=1)
    for part_number, part in enumerate(after_clause):
        for distance, token in enumerate(t for t in tokens(part) if t not in places):
            weight = 3.0 if distance == 0 else 1.5 / (1 + distance / 3)  # the counted noun
            context.append((token, weight * (0.4 if part_number else 1.0)))
    return context


# ---------------------------------------------------------------- propose


@dataclass
class Candidate:
    """One figure found in the article with the guesses a reviewer starts from."""

    number: int
    figure: Figure
    sentence: str
    entity_id: str
    metric: str
    period: str
    source_id: str
    alternatives: str = ""

    def row(self) -> dict[str, str]:
        """The candidate as a row of the review file."""
        return {
            "candidate": f"c{self.number:03d}",
            "accept": "",
            "fact_id": "",
            "entity_id": self.entity_id,
            "metric": self.metric,
            "value": self.figure.text_value,
            "unit": self.figure.unit,
            "period": self.period,
            "qualifier": self.figure.qualifier,
            "claim": "",
            "source_id": self.source_id,
            "as_written": self.figure.as_written,
            "sentence": self.sentence,
            "alternatives": self.alternatives,
        }


def _read_facts(data_dir: Path) -> list[dict]:
    path = Path(data_dir) / "facts.csv"
    return read_table(path).to_dict("records") if path.exists() else []


def propose_candidates(text: str, source_id: str, data_dir: Path, published: str = "") -> list[Candidate]:
    """Every figure in an article, each with a guessed entity, metric, period and qualifier.

    Parameters
    ----------
    text : str
        The article.
    source_id : str
        The id the article has (or gets) in sources.csv.
    data_dir : Path
        The data folder whose names, aliases and metrics the guesses draw on.
    published : str
        The article's date (YYYY-MM-DD) if known: "this year" resolves against it.

    Returns
    -------
    list of Candidate
        In the order the figures appear.
    """
    facts = _read_facts(data_dir)
    info = read_article_info(text)
    sentences = split_sentences(text)
    reference = reference_for(sentences, published or info.published, info.dateline)
    entities = load_entities(data_dir, facts)
    sentences = [s for s in sentences if not (info.dateline and s.text == info.dateline)]
    guesses = sentence_entities(sentences, EntityMatcher(entities))
    places = place_words(entities)
    metrics = MetricModel(facts, places)

    candidates: list[Candidate] = []
    last_period, previous_paragraph, previous_periods = str(reference.year), -1, []
    for sentence, guess in zip(sentences, guesses, strict=True):
        entity_id = guess.best
        periods = find_periods(sentence.text, reference)
        figures = find_figures(sentence.text, [(p.start, p.end) for p in periods if p.period != "same"])
        carried = (
            previous_periods if sentence.paragraph == previous_paragraph and _PRONOUN_START.match(sentence.text) else []
        )
        used = []
        for figure in figures:
            period = _nearest_period(figure, periods, last_period, carried, reference)
            used.append(period)
            ranked = metrics.guess(_context(sentence.text, figure, figures, periods, places), figure.unit, entity_id)
            others = [f"entities: {', '.join(guess.others)}" if guess.others else "", ""]
            others[1] = f"metrics: {', '.join(ranked[1:3])}" if ranked[1:3] else ""
            candidates.append(
                Candidate(
                    number=len(candidates) + 1,
                    figure=figure,
                    sentence=sentence.text,
                    entity_id=entity_id,
                    metric=ranked[0] if ranked else "",
                    period=period,
                    source_id=source_id,
                    alternatives=" | ".join(o for o in others if o),
                )
            )
        explicit = [p for p in periods if p.period != "same"]
        if explicit:
            last_period = used[-1] if used else explicit[-1].period
        previous_periods = used if explicit else carried
        previous_paragraph = sentence.paragraph
    return candidates


def _nearest_period(
    figure: Figure, periods: list[Period], last_period: str, carried: list[str], reference: Reference
) -> str:
    if not periods:
        return carried[-1] if carried else str(reference.year)

    def distance(period: Period) -> tuple[int, int]:
        if period.end <= figure.start:
            return (figure.start - period.end, 0)
        if period.start >= figure.end:
            return (period.start - figure.end, 1)
        return (0, 0)

    nearest = min(periods, key=distance)
    return last_period if nearest.period == "same" else nearest.period


def seeds_dir(data_dir: Path) -> Path:
    """The folder of article files: ``../shared/seeds`` beside the project that holds ``data_dir``.

    Falls back to ``$XJ_SHARED_DIR/seeds`` and then to the shared folder beside this package's project.
    """
    beside = Path(data_dir).resolve().parent.parent / "shared" / "seeds"
    return beside if beside.is_dir() else shared_dir() / "seeds"


def shared_dir() -> Path:
    """The team's shared folder (articles, check_facts): ``$XJ_SHARED_DIR`` or ``../shared``."""
    return Path(os.environ.get("XJ_SHARED_DIR", settings.PROJECT_DIR.parent / "shared"))


def _csv_line(values: Iterable[str], terminator: str) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator=terminator).writerow(list(values))
    return buffer.getvalue()


def _terminator(text: str) -> str:
    return "\r\n" if "\r\n" in text else "\n"


def register_source(
    data_dir: Path, source_id: str, article: Path, info: ArticleInfo, note: str = ""
) -> tuple[dict, str | None]:
    """The article's row in sources.csv and the table's new text (None when the id is there already).

    Raises
    ------
    DataError
        If the id is taken by another file, or the new row breaks the source table's rules.
    """
    from geo.data.validate import sources_problems

    path = Path(data_dir) / "sources.csv"
    sources = read_table(path)
    existing = sources[sources["source_id"] == source_id].to_dict("records")
    if existing:
        row = existing[0]
        if Path(row["file"]).name != article.name:
            msg = f"{path}: source {source_id!r}: field 'file': already registered for {row['file']!r}, not {article.name!r}; choose another --source-id."
            raise DataError(msg)
        return row, None
    row = {
        "source_id": source_id,
        "title": info.title,
        "publisher": info.publisher,
        "published": info.published,
        "file": article.name,
        "note": note,
    }
    problems = []
    for option, key in (("--title", "title"), ("--publisher", "publisher")):
        if not row[key].strip():
            problems.append(f"{article}: field {key!r}: not found in the article; give it with {option}.")
    if not problems:
        table = sources.copy()
        table.loc[len(table)] = [row.get(column, "") for column in table.columns]
        problems = [p for p in sources_problems(table, path) if f"{source_id!r}" in p]
    if problems:
        raise DataError("\n".join(problems))
    text = path.read_text(encoding="utf-8")
    terminator = _terminator(text)
    if text and not text.endswith(("\n", "\r")):
        text += terminator
    columns = list(sources.columns)
    return row, text + _csv_line((row.get(c, "") for c in columns), terminator)


def propose(
    article: Path,
    source_id: str,
    data_dir: Path,
    out: Path,
    title: str = "",
    publisher: str = "",
    published: str = "",
    note: str = "",
) -> list[str]:
    """Register an article and write the review file of its candidate figures; return lines to report.

    Raises
    ------
    DataError
        If the article cannot be read or its source row is incomplete or clashes with another.
    """
    article, data_dir = Path(article), Path(data_dir)
    text = read_text(article)
    info = read_article_info(text)
    info.title, info.publisher = title or info.title, publisher or info.publisher
    info.published = published or info.published
    try:
        with data_lock(data_dir):
            row, sources_text = register_source(data_dir, source_id, article, info, note)
            candidates = propose_candidates(text, source_id, data_dir, published=row["published"])
            buffer = io.StringIO()
            writer = csv.DictWriter(buffer, fieldnames=REVIEW_COLUMNS, lineterminator="\r\n")
            writer.writeheader()
            writer.writerows(c.row() for c in candidates)
            changes = [(Path(out), buffer.getvalue())]
            if sources_text is not None:
                changes.insert(0, (data_dir / "sources.csv", sources_text))
            replace_files(changes)
    except OSError as exc:
        raise os_error(data_dir, exc) from None
    added = sources_text is not None
    report = [
        (f"{Path(data_dir) / 'sources.csv'}: added" if added else f"{source_id}: already in sources.csv, kept:")
        + f" {row['source_id']} | {row['title']} | {row['publisher']} | {row['published'] or 'undated'} | {row['file']}",
        f"{out}: {len(candidates)} candidate figures. Set accept to yes on the rows to keep, correct "
        "entity_id, metric, value, unit, period and qualifier, write a claim in your own words, then run "
        f"python -m geo accept {out}",
    ]
    if not (seeds_dir(data_dir) / article.name).exists():
        report.append(
            f"note: {article.name} is not in {seeds_dir(data_dir)}; copy it there before accept, so check_facts finds it."
        )
    return report


# ---------------------------------------------------------------- accept


@dataclass
class AcceptResult:
    """What accept did: the rows added (empty when refused) and the lines to report."""

    added: list[dict]
    lines: list[str]
    problems: list[str]


def _read_review(path: Path) -> list[dict]:
    try:
        with open(path, newline="", encoding="utf-8") as handle:
            reader = csv.DictReader(handle)
            rows, columns = list(reader), reader.fieldnames or []
    except FileNotFoundError:
        msg = f"{path}: file not found."
        raise DataError(msg) from None
    missing = [c for c in ("accept", *settings.FACT_COLUMNS) if c not in columns]
    if missing:
        msg = f"{path}: header: expected the review columns; missing {', '.join(missing)}."
        raise DataError(msg)
    return rows


def _fact_number(fact_id: str) -> tuple[str, int] | None:
    match = re.fullmatch(r"(?P<prefix>.*?)(?P<n>\d+)", fact_id)
    return (match.group("prefix"), int(match.group("n"))) if match else None


def _id_prefix(source_id: str, facts: list[dict]) -> tuple[str, int, int]:
    """The fact-id prefix of a source (``pd-``), its highest number so far and the digits to pad to."""
    numbered = [_fact_number(r["fact_id"]) for r in facts if r["source_id"] == source_id]
    numbered = [n for n in numbered if n]
    if numbered:
        prefix = Counter(p for p, _ in numbered).most_common(1)[0][0]
        numbers = [n for p, n in numbered if p == prefix]
        width = max(len(r["fact_id"]) - len(prefix) for r in facts if r["fact_id"].startswith(prefix))
        return prefix, max(numbers), width
    taken = {p for p, _ in filter(None, (_fact_number(r["fact_id"]) for r in facts))}
    initials = "".join(part[0] for part in source_id.split("-") if part and not part.isdigit()) or "f"
    prefix, extra = f"{initials}-", 2
    while prefix in taken:
        prefix, extra = f"{initials}{extra}-", extra + 1
    return prefix, 0, 2


def _accepted_rows(review: Path, rows: list[dict], facts: list[dict]) -> tuple[list[dict], list[str]]:
    problems, accepted = [], []
    known = {(r["entity_id"], r["metric"], r["value"], r["period"], r["source_id"]): r["fact_id"] for r in facts}
    for number, row in enumerate(rows, start=2):
        where = f"{review}: row {number} (candidate {row.get('candidate') or '?'})"
        mark = (row.get("accept") or "").strip().lower()
        if mark in ACCEPT_NO:
            continue
        if mark not in ACCEPT_YES:
            problems.append(f"{where}: field 'accept': expected yes or no (or empty); got {row['accept']!r}.")
            continue
        fact = {column: (row.get(column) or "").strip() for column in settings.FACT_COLUMNS}
        if not PERIOD_PATTERN.match(fact["period"]) or fact["period"] == "..":
            problems.append(
                f"{where}: field 'period': expected YYYY, YYYY-MM, YYYY-MM-DD, an interval A/B or ../B; got {fact['period']!r}."
            )
        key = (fact["entity_id"], fact["metric"], fact["value"], fact["period"], fact["source_id"])
        if key in known:
            problems.append(
                f"{where}: already in facts.csv as {known[key]!r} (same entity, metric, value, period and source)."
            )
        known[key] = fact["fact_id"] or f"candidate {row.get('candidate')}"
        accepted.append(fact)
    return accepted, problems


def _assign_ids(accepted: list[dict], facts: list[dict]) -> None:
    everything = facts + [f for f in accepted if f["fact_id"]]
    for fact in accepted:
        if fact["fact_id"]:
            continue
        prefix, highest, width = _id_prefix(fact["source_id"], everything)
        fact["fact_id"] = f"{prefix}{highest + 1:0{width}d}"
        everything.append(fact)


def _natural(fact_id: str) -> tuple:
    return tuple(int(part) if part.isdigit() else part for part in re.split(r"(\d+)", fact_id))


def _insert(facts_text: str, facts: list[dict], accepted: list[dict], source_order: list[str]) -> str:
    """facts.csv with the accepted rows placed after their source's rows; existing lines kept byte for byte."""
    terminator = _terminator(facts_text)
    lines = facts_text.splitlines(keepends=True)
    if lines and not lines[-1].endswith(("\n", "\r")):
        lines[-1] += terminator
    reader = csv.reader(io.StringIO("".join(lines)))
    next(reader, None)
    record_end = []  # the line index after each record (records may span lines)
    for _ in reader:
        record_end.append(reader.line_num)
    header = lines[0] if lines else ""
    columns = next(csv.reader([header])) if header else list(settings.FACT_COLUMNS)
    rank = {source_id: number for number, source_id in enumerate(source_order)}
    for source_id in sorted({f["source_id"] for f in accepted}, key=lambda s: rank.get(s, len(rank))):
        new = sorted((f for f in accepted if f["source_id"] == source_id), key=lambda f: _natural(f["fact_id"]))
        text = "".join(_csv_line((f.get(c, "") for c in columns), terminator) for f in new)
        own = [i for i, fact in enumerate(facts) if fact["source_id"] == source_id]
        later = [
            i for i, fact in enumerate(facts) if rank.get(fact["source_id"], len(rank)) > rank.get(source_id, len(rank))
        ]
        if own:
            at = record_end[own[-1]]
        elif later:
            at = record_end[later[0] - 1] if later[0] else 1
        else:
            at = len(lines)
        lines.insert(at, text)
        # Later insertions index lines of the original file: shift the records after this point.
        record_end = [end + 1 if end >= at else end for end in record_end]
    return "".join(lines) if lines else header


def check_facts_tool() -> Path:
    """The team's check_facts.py (in the shared folder's tools/)."""
    return shared_dir() / "tools" / "check_facts.py"


def _check_copy(data_dir: Path, facts_text: str) -> tuple[list[str], str]:
    """Validate the data with the new facts.csv in a scratch copy: the problems (if any) and check_facts' summary."""
    from geo.data.dataset import load_dataset

    problems: list[str] = []
    summary = ""
    data_dir = Path(data_dir)
    with scratch_dir() as scratch:
        project = Path(scratch) / "project"
        copy = project / "data"
        shutil.copytree(data_dir, copy, ignore=shutil.ignore_patterns("facts.csv", LOCK_NAME, f"*{TEMP_SUFFIX}"))
        (copy / "facts.csv").write_text(facts_text, encoding="utf-8", newline="")
        seeds = seeds_dir(data_dir)
        if seeds.is_dir():
            (Path(scratch) / "shared").mkdir()
            os.symlink(seeds.resolve(), Path(scratch) / "shared" / "seeds", target_is_directory=True)
        try:
            load_dataset(copy)
        except DataError as exc:
            problems += [line for line in str(exc).splitlines() if not line.endswith("problem(s) in the data:")]
        tool = check_facts_tool()
        if not tool.exists():
            problems.append(
                f"{tool}: check_facts not found; set XJ_SHARED_DIR to the folder holding tools/ and seeds/."
            )
        else:
            done = subprocess.run(
                [sys.executable, str(tool), str(project)], capture_output=True, text=True, check=False, cwd=project
            )
            output = [line for line in done.stdout.splitlines() if line.strip()]
            if done.returncode != 0:
                problems += [f"check_facts: {line}" for line in output] or [f"check_facts: exit {done.returncode}"]
                problems += [f"check_facts: {line}" for line in done.stderr.splitlines() if line.strip()]
            summary = output[-1] if output else ""
        problems = [p.replace(str(copy), str(data_dir)) for p in problems]
    return problems, summary


def accept(review: Path, data_dir: Path) -> AcceptResult:
    """Append a review file's accepted rows to facts.csv if the whole dataset still validates.

    The new facts.csv is checked first in a scratch copy of the data folder (``load_dataset`` and
    check_facts against the articles); facts.csv is replaced only if both pass, so a refused
    review leaves it as it was. Rows with no fact_id get the next id in their source's sequence.

    Raises
    ------
    DataError
        If the review file is missing or lacks the review columns.
    """
    review, data_dir = Path(review), Path(data_dir)
    try:
        with data_lock(data_dir):
            return _accept_locked(review, data_dir)
    except OSError as exc:
        raise os_error(data_dir, exc) from None


def _accept_locked(review: Path, data_dir: Path) -> AcceptResult:
    facts_path = data_dir / "facts.csv"
    facts_text = (
        facts_path.read_text(encoding="utf-8") if facts_path.exists() else ",".join(settings.FACT_COLUMNS) + "\n"
    )
    facts = read_table(facts_path).to_dict("records") if facts_path.exists() else []
    accepted, problems = _accepted_rows(review, _read_review(review), facts)
    if problems:
        return AcceptResult([], [], problems)
    if not accepted:
        return AcceptResult([], [f"{review}: no row marked accept=yes; {facts_path} unchanged."], [])
    # Figures in words share the fact ids' namespace: a new id must not take one of theirs.
    in_words_path = data_dir / "facts_in_words.csv"
    in_words = read_table(in_words_path).to_dict("records") if in_words_path.exists() else []
    _assign_ids(accepted, facts + in_words)
    sources = read_table(data_dir / "sources.csv")
    new_text = _insert(facts_text, facts, accepted, list(sources["source_id"]))
    problems, summary = _check_copy(data_dir, new_text)
    if problems:
        return AcceptResult([], [], problems)
    replace_files([(facts_path, new_text)])
    return AcceptResult(accepted, _report(facts_path, facts, accepted, summary), [])


def _report(facts_path: Path, facts: list[dict], accepted: list[dict], summary: str) -> list[str]:
    lines = [f"{facts_path}: added {len(accepted)} row(s) ({len(facts)} -> {len(facts) + len(accepted)})."]
    for fact in accepted:
        qualifier = f"{fact['qualifier']} " if fact["qualifier"] else ""
        lines.append(
            f"  {fact['fact_id']}: {fact['entity_id']} {fact['metric']} = {qualifier}{fact['value']} {fact['unit']}"
            f" ({fact['period']})"
        )
    per_entity = Counter(f["entity_id"] for f in accepted)
    per_metric = Counter((f["entity_id"], f["metric"]) for f in accepted)
    lines.append("per entity: " + ", ".join(f"{e} +{n}" for e, n in sorted(per_entity.items())))
    lines.append("per entity/metric: " + ", ".join(f"{e}/{m} +{n}" for (e, m), n in sorted(per_metric.items())))
    lines.append(f"validation passed; {summary}")
    return lines
