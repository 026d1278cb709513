"""Command line: ``python -m geo build``, ``python -m geo validate`` and ``python -m geo export-html OUT.html``."""

from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path

from geo import settings
from geo.errors import AssetError, DataError


def _validate(args: argparse.Namespace) -> int:
    from geo.data.build import stale_problems
    from geo.data.dataset import load_dataset
    from geo.data.load import read_table
    from geo.data.validate import article_problems, raise_if_problems

    problems = []
    try:
        dataset = load_dataset(args.data)
    except DataError as exc:
        problems, dataset = exc.problems, None
    if dataset is not None:  # the build needs valid tables
        problems += stale_problems(args.data)
    sources_path = Path(args.data) / "sources.csv"
    with contextlib.suppress(DataError):  # an unreadable sources.csv is already among the problems
        problems += article_problems(read_table(sources_path), sources_path)
    raise_if_problems(problems)
    counts = ", ".join(f"{len(dataset.layer(layer.name))} {layer.name}" for layer in settings.LAYERS)
    print(
        f"{args.data}: valid ({counts}, {len(dataset.facts)} facts, {len(dataset.sources)} sources, "
        f"{len(dataset.groups)} groups, {len(dataset.references)} references, "
        f"{len(dataset.port_counts)} port counts, {len(dataset.events)} events; layers match the tables)."
    )
    return 0


def _build(args: argparse.Namespace) -> int:
    from geo.data.build import write

    for path in write(args.data):
        print(f"wrote {path}")
    return 0


def _export_html(args: argparse.Namespace) -> int:
    from geo.data.dataset import load_dataset
    from geo.render.mapping import build_map, export_html

    dataset = load_dataset(args.data)
    if args.cdn:
        build_map(dataset, assets="cdn", standalone=True).save(str(args.out))
    else:
        export_html(dataset, args.out)
    print(f"wrote {args.out}")
    return 0


def _propose(args: argparse.Namespace) -> int:
    from geo.ingest.propose import propose

    out = args.out or Path(f"review-{args.source_id}.csv")
    options = {"title": args.title, "publisher": args.publisher, "published": args.published, "note": args.note}
    print("\n".join(propose(args.article, args.source_id, args.data, out, **options)))
    return 0


def _accept(args: argparse.Namespace) -> int:
    from geo.ingest.propose import accept

    result = accept(args.review, args.data)
    if result.problems:
        print("\n".join(result.problems), file=sys.stderr)
        print(f"error: {args.review}: nothing written; facts.csv unchanged.", file=sys.stderr)
        return 1
    print("\n".join(result.lines))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m geo", description=__doc__)
    parser.add_argument("--data", type=Path, default=settings.DATA_DIR, help="data folder (default: data/)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("build", help="write data/geojson/ from the tables; exit 1 with the problems").set_defaults(
        run=_build
    )
    commands.add_parser(
        "validate", help="check every table and layer, and that the layers are built from the tables"
    ).set_defaults(run=_validate)
    export = commands.add_parser("export-html", help="write the map as one standalone HTML file")
    export.add_argument("out", type=Path)
    export.add_argument("--cdn", action="store_true", help="link Leaflet from public CDNs instead of inlining it")
    export.set_defaults(run=_export_html)
    propose = commands.add_parser("propose", help="register an article and write a review file of its figures")
    propose.add_argument("article", type=Path)
    propose.add_argument("--source-id", required=True, help="the article's id in sources.csv (a lowercase slug)")
    propose.add_argument("--out", type=Path, help="the review file (default: review-SOURCE_ID.csv)")
    for option in ("title", "publisher", "published", "note"):
        propose.add_argument(f"--{option}", default="", help=f"the source's {option}, if not found in the text")
    propose.set_defaults(run=_propose)
    accept = commands.add_parser("accept", help="append a review file's accepted rows to facts.csv, if valid")
    accept.add_argument("review", type=Path)
    accept.set_defaults(run=_accept)
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except (DataError, AssetError) as exc:
        # Every problem, under one header (the page shows the first few: DataError.text).
        print(f"error: {exc.text() if isinstance(exc, DataError) else exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
