"""Score propose against hand-coded gold: recall, precision, entity, period and metric right (``python -m geo.ingest.evaluate``)."""

from __future__ import annotations

import argparse
import csv
import sys
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from geo import settings
from geo.data import periods
from geo.ingest.article import read_article_info
from geo.ingest.candidates import Candidate, propose_candidates

# The targets, as shares.
TARGETS: dict[str, float] = {"recall": 0.98, "precision": 0.90, "entity": 0.95, "period": 0.90, "metric": 0.80}
FIGURE_KINDS = frozenset({"fact", "combined", "other_place"})


@dataclass
class Scores:
    """Counts behind the five scores, and the rows that missed (for tuning on the dev set only)."""

    gold: int = 0
    recalled: int = 0
    proposed: int = 0
    correct_proposals: int = 0
    judged: int = 0  # recalled figures of kind fact or combined: the base of the entity/period/metric scores
    entity: int = 0
    period: int = 0
    metric: int = 0
    # A new measure is scored right on its flag; these say how often its made-up name is the gold's or shares a word
    # with it (other than growth, yoy, value, share, of, daily, total), a check on the names a reviewer must fix
    new_flagged: int = 0
    new_named: int = 0
    misses: list[str] = field(default_factory=list)

    def shares(self) -> dict[str, float]:
        """The five scores as shares of their bases (0 when a base is empty)."""

        def share(n: int, d: int) -> float:
            return n / d if d else 0.0

        return {
            "recall": share(self.recalled, self.gold),
            "precision": share(self.correct_proposals, self.proposed),
            "entity": share(self.entity, self.judged),
            "period": share(self.period, self.judged),
            "metric": share(self.metric, self.judged),
        }

    def summary(self, target_name: str = "target") -> str:
        """The five scores on one line, each beside its target, and how many new measures were named well."""
        scores = ", ".join(f"{k} {v:.0%} ({target_name} {TARGETS[k]:.0%})" for k, v in self.shares().items())
        return f"{scores}; new measures named as the gold or sharing a word: {self.new_named}/{self.new_flagged}"


def read_gold(path: Path) -> list[dict]:
    """The rows of a gold.csv-shaped coding."""
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _number(text: str) -> Decimal | None:
    try:
        return Decimal(text)
    except (InvalidOperation, ValueError):
        return None


def _same_figure(candidate: Candidate, gold: dict) -> bool:
    value = _number(gold["value"])
    if value is None or candidate.figure.value != value:
        return False
    return not gold["unit"] or candidate.figure.unit == gold["unit"]


_GENERIC = frozenset({"growth", "yoy", "value", "share", "of", "daily", "total"})


def names_agree(made_up: str, gold: str) -> bool:
    """Whether a made-up metric name is the gold's or shares a word with it that says what is measured."""
    return made_up == gold or bool((set(made_up.split("_")) & set(gold.split("_"))) - _GENERIC)


def _entities(entity_id: str) -> frozenset[str]:
    return frozenset(part.strip() for part in entity_id.split(";") if part.strip())


def score_article(candidates: list[Candidate], gold: list[dict], name: str, scores: Scores) -> list[bool]:
    """Match an article's proposals to its gold rows (one to one, by value and unit) and count.

    Returns, for each proposal that is not low-confidence (in order), whether precision counts it right: the
    labels a learned confidence is trained on.
    """
    proposals = [c for c in candidates if c.confidence != "low"]
    verdicts = [False] * len(proposals)
    scores.proposed += len(proposals)
    free = list(range(len(proposals)))
    # Figure rows claim their proposals before noise rows do: a noise row with no unit ("three months ago")
    # would otherwise take the proposal of a figure of the same value ("three runways") and score both wrong.
    for row in sorted(gold, key=lambda g: g["kind"] not in FIGURE_KINDS):
        match = next((i for i in free if _same_figure(proposals[i], row)), None)
        if row["kind"] not in FIGURE_KINDS:
            if match is not None:  # a noise figure proposed: a false positive
                free.remove(match)
                scores.misses.append(f"{name}: noise proposed: {row['as_written']} ({proposals[match].rule})")
            continue
        scores.gold += 1
        if match is None:
            scores.misses.append(f"{name}: not recalled: {row['as_written']}")
            continue
        free.remove(match)
        scores.recalled += 1
        candidate = proposals[match]
        if row["kind"] == "other_place":
            # Right only if proposed for no place or flagged as a place the data lacks: another flag (a new
            # metric, a guessed period, places combined) says nothing about whose figure it is.
            outside = not candidate.entity_id or any(f.startswith("place not") for f in candidate.flags.split("; "))
            scores.correct_proposals += outside
            verdicts[match] = outside
            if not outside:
                scores.misses.append(
                    f"{name}: {row['as_written']}: another place's figure given {candidate.entity_id!r}"
                )
            continue
        scores.correct_proposals += 1
        verdicts[match] = True
        scores.judged += 1
        checks = {
            "entity": _entities(candidate.entity_id) == _entities(row["entity_id"]),
            "period": periods.same_days(candidate.period, row["period"]),
            "metric": candidate.metric == row["metric"] or (row["metric_new"] == "yes" and candidate.new_metric),
        }
        if row["metric_new"] == "yes" and candidate.new_metric:
            scores.new_flagged += 1
            scores.new_named += names_agree(candidate.metric, row["metric"])
        for key, right in checks.items():
            setattr(scores, key, getattr(scores, key) + right)
            if not right:
                got = {"entity": candidate.entity_id, "period": candidate.period, "metric": candidate.metric}[key]
                want = {"entity": row["entity_id"], "period": row["period"], "metric": row["metric"]}[key]
                scores.misses.append(f"{name}: {row['as_written']}: {key} {got!r}, gold {want!r}")
    for i in free:
        scores.misses.append(f"{name}: proposed, not in gold: {proposals[i].figure.as_written} ({proposals[i].rule})")
    return verdicts


def evaluate(folder: Path, data_dir: Path = settings.DATA_DIR) -> Scores:
    """Run propose on every article of a held-out folder and score it against the folder's gold.csv."""
    folder = Path(folder)
    gold = read_gold(folder / "gold.csv")
    scores = Scores()
    for article in sorted(folder.glob("*.txt")):
        text = article.read_text(encoding="utf-8")
        published = read_article_info(text).published  # as `propose` reads it ("2023-08-01 (from the address)")
        candidates = propose_candidates(text, article.stem, data_dir, published=published)
        score_article(candidates, [g for g in gold if g["article"] == article.name], article.name, scores)
    return scores


def main(argv: list[str] | None = None) -> int:
    """Print the five scores for a folder of articles with gold.csv; ``--misses`` lists what went wrong."""
    parser = argparse.ArgumentParser(prog="python -m geo.ingest.evaluate", description=__doc__)
    parser.add_argument("folder", type=Path, nargs="?", default=Path("tests/fixtures/articles/held_out/dev"))
    parser.add_argument("--data", type=Path, default=settings.DATA_DIR)
    parser.add_argument("--misses", action="store_true", help="list each miss (never on the sealed set)")
    args = parser.parse_args(argv)
    scores = evaluate(args.folder, args.data)
    if args.misses:
        print("\n".join(scores.misses))
    print(f"{args.folder}: {scores.gold} figures, {scores.proposed} proposals; {scores.summary()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
