"""Which measure a figure is: words around it against the metric vocabulary."""

from __future__ import annotations

import math
import re
from collections import Counter

from geo.ingest.numbers import Figure, Period
from geo.ingest.text import _stem, tokens

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
