"""Set a gold coding's metric_new to the sealed20 rule: yes for a figure's metric that data/ does not name."""

import csv
import io
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"


def known_metrics() -> set[str]:
    """The metric names data/metrics.csv and data/facts.csv hold."""
    names = set()
    for table in ("metrics.csv", "facts.csv"):
        with open(DATA / table, newline="", encoding="utf-8") as handle:
            names |= {row["metric"] for row in csv.DictReader(handle)}
    return names


def flag(path: Path, known: set[str]) -> int:
    """Rewrite one gold file, changing only the metric_new cell of rows the rule flags; return how many."""
    with open(path, newline="", encoding="utf-8") as handle:  # keep the file's own line ends
        lines = handle.read().splitlines(keepends=True)
    header = next(csv.reader([lines[0]]))
    changed = 0
    for i, line in enumerate(lines[1:], start=1):
        row = dict(zip(header, next(csv.reader([line])), strict=True))
        if (
            row["kind"] in ("fact", "combined")
            and row["metric"]
            and row["metric"] not in known
            and row["metric_new"] != "yes"
        ):
            row["metric_new"] = "yes"
            out = io.StringIO()
            csv.writer(out, lineterminator=line[len(line.rstrip("\r\n")) :] or "\n").writerow(row[h] for h in header)
            lines[i] = out.getvalue()
            changed += 1
    with open(path, "w", newline="", encoding="utf-8") as handle:
        handle.write("".join(lines))
    return changed


if __name__ == "__main__":
    names = known_metrics()
    for name in sys.argv[1:]:
        print(name, flag(Path(name), names))
