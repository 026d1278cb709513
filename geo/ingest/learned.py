"""An experiment, not used by propose: naive Bayes on a proposal's sentence-level signals, P(it is a wrong proposal)."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from geo.errors import DataError

if TYPE_CHECKING:  # candidates.py calls apply(): importing it here at run time would be a cycle
    from geo.ingest.candidates import Candidate

# Words around the figure: enough for "expected to reach", "a train of", "(about ... dollars)", not the whole sentence.
WORDS_BEFORE = 6
WORDS_AFTER = 4
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?|\d[\d,.]*|[()%$]")
_NUMBER = re.compile(r"\d")
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_MODAL = re.compile(
    r"\b(?:will|would|could|may|might|shall|should|expected|expects?|plans?|planned|aims?|target(?:s|ed)?"
    r"|projected|forecast|estimated|scheduled|is set to|are set to)\b",
    re.I,
)
_CURRENCY = re.compile(r"\b(?:yuan|dollars?|tenge|euros?|rubles?|roubles?|rupees?|som|usd|cny|rmb)\b|\$", re.I)
_QUOTE = re.compile(r"[\"\u201c\u201d]")


@dataclass
class Model:
    """Counts a multinomial naive Bayes keeps: proposals per class, and each feature's count per class."""

    right: int = 0
    wrong: int = 0
    counts: dict[str, list[int]] = field(default_factory=dict)  # feature -> [in right proposals, in wrong ones]
    source: str = ""  # the examples' origin, e.g. the sets trained on
    threshold: float = 1.0  # apply() lowers a proposal whose P(wrong) is at least this

    def p_wrong(self, features: Iterable[str]) -> float:
        """P(wrong | features), add-one smoothed; features never seen in training say nothing."""
        if not self.right or not self.wrong:
            msg = f"learned confidence: the model needs right and wrong examples; got {self.right} and {self.wrong}"
            raise DataError(msg)
        totals = [0, 0]
        for pair in self.counts.values():
            totals[0] += pair[0]
            totals[1] += pair[1]
        vocabulary = len(self.counts)
        log_odds = math.log(self.wrong) - math.log(self.right)
        for name in sorted(set(features)):
            pair = self.counts.get(name)
            if pair is None:
                continue
            log_odds += math.log((pair[1] + 1) / (totals[1] + vocabulary))
            log_odds -= math.log((pair[0] + 1) / (totals[0] + vocabulary))
        if log_odds > 0:  # the logistic function written so that neither branch overflows
            return 1 / (1 + math.exp(-log_odds))
        return math.exp(log_odds) / (1 + math.exp(log_odds))


def train(examples: Iterable[tuple[list[str], bool]], source: str = "", threshold: float = 1.0) -> Model:
    """Count each (features, wrong) example; each feature counts once per proposal."""
    model = Model(source=source, threshold=threshold)
    for features, wrong in examples:
        if wrong:
            model.wrong += 1
        else:
            model.right += 1
        for name in set(features):
            model.counts.setdefault(name, [0, 0])[int(wrong)] += 1
    model.counts = dict(sorted(model.counts.items()))  # the same JSON whatever order the examples came in
    return model


def features(candidate: Candidate) -> list[str]:
    """Generic signals of one proposal: words around the figure, its unit, place, rule, flags and sentence."""
    sentence, figure = candidate.sentence, candidate.figure
    before = _words(sentence[: figure.start])[-WORDS_BEFORE:]
    after = _words(sentence[figure.end :])[:WORDS_AFTER]
    out = [f"before:{w}" for w in before] + [f"after:{w}" for w in after]
    out += [f"unit:{figure.unit}", f"qualifier:{figure.qualifier or 'none'}"]
    out.append("entity:" + ("combined" if ";" in candidate.entity_id else "one" if candidate.entity_id else "none"))
    for part in candidate.rule.split("; "):
        key, _, text = part.partition(": ")
        if key in {"entity", "metric", "period"}:
            out.append(f"rule-{key}:{_rule_kind(text)}")
    for flag in filter(None, candidate.flags.split("; ")):
        out.append("flag:" + " ".join(flag.split(":")[0].split()[:2]))
    if candidate.new_metric:
        out.append("new-metric")
    out += _sentence_signals(sentence, figure.start, figure.end)
    return out


def apply(candidates: list[Candidate], model: Model | None, threshold: float | None = None) -> list[Candidate]:
    """Candidates whose P(wrong) passes the threshold made low, with a note saying why (the reviewer still sees them)."""
    if model is None:
        return candidates
    limit = model.threshold if threshold is None else threshold
    out = []
    for candidate in candidates:
        p = model.p_wrong(features(candidate)) if candidate.confidence != "low" else 0.0
        if p >= limit:
            note = f"learned: likely not a figure of a place here, p={p:.2f}"
            candidate = replace(candidate, confidence="low", rule=f"{note}; {candidate.rule}")
        out.append(candidate)
    return out


def _words(text: str) -> list[str]:
    return ["<num>" if _NUMBER.match(w) else w for w in _WORD.findall(text.lower())]


def _rule_kind(text: str) -> str:
    # "growth of vehicle_crossings" and "signals: vocabulary" name the rule, not the metric: keep the rule's words
    words = [w for w in text.split(":")[0].split() if "_" not in w and not _NUMBER.search(w)]
    return " ".join(words[:6])


def _sentence_signals(sentence: str, start: int, end: int) -> list[str]:
    out = []
    if _YEAR.search(sentence):
        out.append("sentence:year")
    if _MODAL.search(sentence):
        out.append("sentence:modal")
    if _QUOTE.search(sentence):
        out.append("sentence:quote")
    opened = sentence.rfind("(", 0, start)
    if opened > sentence.rfind(")", 0, start):
        out.append("figure:in-brackets")
        if _CURRENCY.search(sentence[opened : end + 40]):
            out.append("figure:bracketed-money")
    figures = len(re.findall(r"\d[\d,.]*", sentence))
    out.append(f"sentence:numbers-{min(figures, 5)}")
    return out
