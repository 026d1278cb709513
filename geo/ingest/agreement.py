"""How far two hand-codings of the same articles agree, on propose's own yardstick (``python -m geo.ingest.agreement``)."""

from __future__ import annotations

import argparse
import sys
from decimal import Decimal, InvalidOperation
from pathlib import Path

from geo.ingest.candidates import Candidate
from geo.ingest.evaluate import FIGURE_KINDS, Scores, read_gold, score_article
from geo.ingest.numbers import Figure


def as_proposals(rows: list[dict]) -> list[Candidate]:
    """A coder's figure rows as if the tool had proposed them: another place's figure is proposed for no place."""
    out = []
    for number, row in enumerate(rows, 1):
        if row["kind"] not in FIGURE_KINDS:
            continue  # the coder judged it no figure, as the tool does by not proposing it
        try:
            value = Decimal(row["value"])
        except (InvalidOperation, ValueError):
            continue
        figure = Figure(0, 0, value, row["unit"], row.get("qualifier", ""), row["as_written"])
        entity = "" if row["kind"] == "other_place" else row["entity_id"]
        out.append(
            Candidate(
                number, figure, "", entity, row["metric"], row["period"], "", new_metric=row.get("metric_new") == "yes"
            )
        )
    return out


def agreement(first: list[dict], second: list[dict]) -> Scores:
    """Score the second coding against the first as the evaluation scores the tool: the same matching and shares."""
    scores = Scores()
    for article in sorted({row["article"] for row in first} | {row["article"] for row in second}):
        proposals = as_proposals([row for row in second if row["article"] == article])
        score_article(proposals, [row for row in first if row["article"] == article], article, scores)
    return scores


def main(argv: list[str] | None = None) -> int:
    """Print the five shares of agreement for a folder holding gold.csv and gold_second.csv."""
    parser = argparse.ArgumentParser(prog="python -m geo.ingest.agreement", description=__doc__)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--misses", action="store_true", help="list each disagreement")
    args = parser.parse_args(argv)
    scores = agreement(read_gold(args.folder / "gold.csv"), read_gold(args.folder / "gold_second.csv"))
    if args.misses:
        print("\n".join(scores.misses))
    print(
        f"{args.folder}: {scores.gold} figures in the first coding, {scores.proposed} in the second; "
        + scores.summary("propose's target")
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
