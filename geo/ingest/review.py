"""From a new article to reviewed rows: register it and write its review file, then accept reviewed rows into facts.csv."""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from geo import settings
from geo.data.load import read_table, read_text
from geo.errors import DataError
from geo.ingest.article import ArticleInfo, read_article_info
from geo.ingest.candidates import propose_candidates
from geo.ingest.files import LOCK_NAME, TEMP_SUFFIX, data_lock, os_error, replace_files, scratch_dir

# The reviewer's columns, then a fact's own (facts.csv's, in its order), then what helps the review.
REVIEW_COLUMNS: tuple[str, ...] = (
    "candidate",
    "accept",
    *settings.FACT_COLUMNS,
    "as_written",
    "sentence",
    "alternatives",
    "confidence",
    "rule",
    "flags",
)
# What a reviewer writes in `accept`; anything else is reported.
ACCEPT_YES = frozenset({"yes", "y", "x", "1", "true"})
ACCEPT_NO = frozenset({"", "no", "n", "0", "false"})
PERIOD_PATTERN = re.compile(r"^(?:\.\.|(?P<a>\d{4}(?:-\d{2}(?:-\d{2})?)?))(?:/\d{4}(?:-\d{2}(?:-\d{2})?)?)?$")


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
        raise DataError(problems)
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
            # Doubtful figures come last, as their own section: a reviewer reads the likely facts first.
            writer.writerows(c.row() for c in candidates if c.confidence != "low")
            writer.writerows(c.row() for c in candidates if c.confidence == "low")
            changes = [(Path(out), buffer.getvalue())]
            if sources_text is not None:
                changes.insert(0, (data_dir / "sources.csv", sources_text))
            replace_files(changes)
    except OSError as exc:
        raise os_error(data_dir, exc) from None
    added = sources_text is not None
    low = sum(c.confidence == "low" for c in candidates)
    report = [
        (f"{Path(data_dir) / 'sources.csv'}: added" if added else f"{source_id}: already in sources.csv, kept:")
        + f" {row['source_id']} | {row['title']} | {row['publisher']} | {row['published'] or 'undated'} | {row['file']}",
        f"{out}: {len(candidates)} candidate figures ({low} low-confidence, listed last). Set accept to yes on the rows to keep, correct "
        "entity_id, metric, value, unit, period and qualifier, write a claim in your own words, then run "
        f"python -m geo accept {out}",
    ]
    if not row["published"]:
        report.insert(
            0,
            f"WARNING: {article}: no publication date found in the article or given with --published; "
            "'this year', 'last year' and 'as of Monday' are guessed from the latest year it names. "
            "Give --published YYYY-MM-DD.",
        )
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
            # check_facts reads articles from shared/seeds only: there, the seeds and the data's own articles/.
            linked = Path(scratch) / "shared" / "seeds"
            linked.mkdir(parents=True)
            for folder in (seeds, data_dir / settings.ARTICLES_SUBDIR):
                for article in folder.glob("*.txt") if folder.is_dir() else ():
                    if not (linked / article.name).exists():
                        os.symlink(article.resolve(), linked / article.name)
        try:
            load_dataset(copy)
        except DataError as exc:
            problems += exc.problems
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
