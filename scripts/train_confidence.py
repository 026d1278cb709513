"""Cross-validate a learned confidence (``geo/ingest/learned.py``) over the readable held-out sets, one left out at a time."""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script from a checkout

from geo import settings  # noqa: E402
from geo.ingest.article import read_article_info  # noqa: E402
from geo.ingest.candidates import Candidate, propose_candidates  # noqa: E402
from geo.ingest.evaluate import Scores, read_gold, score_article  # noqa: E402
from geo.ingest.learned import Model, apply, features, train  # noqa: E402

HELD_OUT = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "articles" / "held_out"
# The readable sets, named one by one: the unseen sets must never be listed, read or trained on, so no glob.
READABLE: tuple[str, ...] = ("dev", "sealed", *(f"sealed{i}" for i in range(2, 34)))
THRESHOLDS: tuple[float, ...] = (0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.97, 0.98, 0.99, 0.995, 0.999)
# The brief's rule for keeping the filter: mean precision up by 2 points or more, mean recall down by 1 at most;
# the threshold chosen is the best mean precision gain whose mean recall loss stays under half a point.
MAX_RECALL_LOSS = 0.005


@dataclass
class Article:
    """One article's proposals from the rules alone, its gold rows and its non-low proposals' labels."""

    name: str
    candidates: list[Candidate]
    gold: list[dict]
    wrong: list[bool]  # for each non-low proposal, in order: precision counts it wrong


def read_set(name: str, data_dir: Path = settings.DATA_DIR) -> list[Article]:
    """Every article of one readable set, proposed by the rules and each proposal labelled by the scorer."""
    if name not in READABLE:
        msg = f"{name}: not a readable set; the readable sets are {', '.join(READABLE)}"
        raise SystemExit(msg)
    folder = HELD_OUT / name
    gold = read_gold(folder / "gold.csv")
    out = []
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        published = read_article_info(text).published
        candidates = propose_candidates(text, path.stem, data_dir, published=published)
        rows = [g for g in gold if g["article"] == path.name]
        right = score_article(candidates, rows, path.name, Scores())
        out.append(Article(path.name, candidates, rows, [not r for r in right]))
    return out


def examples(articles: list[Article]) -> list[tuple[list[str], bool]]:
    """(features, wrong) for every non-low proposal of the articles."""
    out = []
    for article in articles:
        proposals = [c for c in article.candidates if c.confidence != "low"]
        out += [(features(c), w) for c, w in zip(proposals, article.wrong, strict=True)]
    return out


def score(articles: list[Article], model: Model | None = None, threshold: float = 1.0) -> Scores:
    """The set's scores with the model's filter at the threshold (none: the rules alone)."""
    scores = Scores()
    for article in articles:
        candidates = apply(article.candidates, model, threshold) if model else article.candidates
        score_article(candidates, article.gold, article.name, scores)
    return scores


def train_without(sets: dict[str, list[Article]], held: str, threshold: float = 1.0) -> Model:
    """A model trained on every set but ``held``: the one cross-validation scores ``held`` with."""
    pool = [a for name, articles in sets.items() if name != held for a in articles]
    return train(examples(pool), source=f"readable sets but {held}", threshold=threshold)


def cross_validate(sets: dict[str, list[Article]]) -> dict[str, dict[float, tuple[dict, dict]]]:
    """For each set and threshold: its shares without and with the filter trained on the other sets."""
    out: dict[str, dict[float, tuple[dict, dict]]] = {}
    for name, articles in sets.items():
        model = train_without(sets, name)
        base = score(articles).shares()
        out[name] = {t: (base, score(articles, model, t).shares()) for t in THRESHOLDS}
    return out


def means(results: dict[str, dict[float, tuple[dict, dict]]], threshold: float) -> dict[str, float]:
    """Mean over sets of each share, without (``*_base``) and with the filter."""
    n = len(results)
    out: dict[str, float] = {}
    for key in ("recall", "precision", "entity", "period", "metric"):
        out[f"{key}_base"] = sum(r[threshold][0][key] for r in results.values()) / n
        out[key] = sum(r[threshold][1][key] for r in results.values()) / n
    return out


def choose(results: dict[str, dict[float, tuple[dict, dict]]]) -> float:
    """The threshold of the best mean precision gain whose mean recall loss stays under MAX_RECALL_LOSS."""
    best, gain = 1.0, 0.0
    for t in THRESHOLDS:
        m = means(results, t)
        if m["recall_base"] - m["recall"] < MAX_RECALL_LOSS and m["precision"] - m["precision_base"] > gain:
            best, gain = t, m["precision"] - m["precision_base"]
    return best


def table(results: dict[str, dict[float, tuple[dict, dict]]], threshold: float) -> str:
    """The markdown table of one threshold: each set's recall and precision without and with the filter, then means."""
    lines = [
        "| set | recall | recall, filtered | precision | precision, filtered |",
        "| --- | --- | --- | --- | --- |",
    ]
    for name, by_t in results.items():
        base, with_ = by_t[threshold]
        lines.append(
            f"| {name} | {base['recall']:.1%} | {with_['recall']:.1%} "
            f"| {base['precision']:.1%} | {with_['precision']:.1%} |"
        )
    m = means(results, threshold)
    lines.append(
        f"| mean | {m['recall_base']:.1%} | {m['recall']:.1%} | {m['precision_base']:.1%} | {m['precision']:.1%} |"
    )
    return "\n".join(lines).replace("%", "")


def summary(results: dict[str, dict[float, tuple[dict, dict]]]) -> str:
    """One line per threshold: the mean changes of the five measures, in points."""
    lines = ["| threshold | recall | precision | entity | period | metric |", "| --- | --- | --- | --- | --- | --- |"]
    for t in THRESHOLDS:
        m = means(results, t)
        cells = " | ".join(
            f"{100 * (m[k] - m[k + '_base']):+.2f}" for k in ("recall", "precision", "entity", "period", "metric")
        )
        lines.append(f"| {t} | {cells} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Print the mean changes at every threshold, the threshold chosen and its table per set."""
    parser = argparse.ArgumentParser(prog="scripts/train_confidence.py", description=__doc__)
    parser.parse_args(argv)
    sets = {name: read_set(name) for name in READABLE}
    results = cross_validate(sets)
    print("Mean change over the readable sets, left out one at a time (points):\n")
    print(summary(results))
    chosen = choose(results)
    m = means(results, chosen)
    kept = m["precision"] - m["precision_base"] >= 0.02 and m["recall_base"] - m["recall"] <= 0.01
    print(f"\nChosen threshold: {chosen}; {'kept' if kept else 'not kept'} (needs +2 precision, -1 recall at most)\n")
    print(table(results, chosen))
    return 0


if __name__ == "__main__":
    sys.exit(main())
