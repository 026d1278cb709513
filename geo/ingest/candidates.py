"""Every figure of an article with its guessed entity, metric, period and qualifier."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from geo.data.load import read_table
from geo.ingest.article import read_article_info, reference_for
from geo.ingest.entities import EntityMatcher, load_entities, place_words, sentence_entities
from geo.ingest.metrics import MetricModel, _context
from geo.ingest.numbers import Figure, Period, Reference, find_figures, find_periods
from geo.ingest.text import split_sentences

_PRONOUN_START = re.compile(r"^\W*(?:it|its|they|their|this|these|those|such)\b", re.IGNORECASE)


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
