"""Check the tables against the data package (datapackage.json): header, cells, primary and foreign keys."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path

import pandas as pd
from jsonschema import Draft202012Validator, FormatChecker

from geo import settings
from geo.data.load import read_package, split_list
from geo.data.problems import found_text, table_rows

# The lexical forms of Table Schema's number and integer, in ASCII digits only: Python's float() and
# int() would also take "1_000", " 12 ", "nan" and Arabic-Indic or full-width digits.
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?")
_INTEGER = re.compile(r"-?(?:0|[1-9][0-9]*)")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_TYPE_EXPECTED = {
    "number": "a number in ASCII digits (e.g. 258000 or 25.4)",
    "integer": "a whole number in ASCII digits",
    "date": "a date YYYY-MM-DD",
}


def _cell_schema(field: dict) -> dict:
    """JSON Schema for one cell, once number cells are read as numbers."""
    kind = field.get("type", "string")
    constraints = field.get("constraints", {})
    schema: dict = {"type": kind if kind in ("number", "integer") else "string"}
    if kind == "date":
        schema |= {"pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}\Z", "format": "date"}
    if "pattern" in constraints:
        # Whole-cell match: \Z, because $ would also accept a trailing newline.
        schema["pattern"] = rf"^(?:{constraints['pattern']})\Z"
    for key in ("enum", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength"):
        if key in constraints:
            schema[key] = constraints[key]
    return schema


@cache
def _compiled(table_schema: str) -> Draft202012Validator:
    properties = {f["name"]: _cell_schema(f) for f in json.loads(table_schema)["fields"]}
    return Draft202012Validator({"type": "object", "properties": properties}, format_checker=FormatChecker())


def _row_validator(resource: dict) -> Draft202012Validator:
    # Compiled once per distinct Table Schema: the app, the tests and the fuzzing load many times.
    return _compiled(json.dumps(resource["schema"], sort_keys=True))


def _read_cell(field: dict, cell: str) -> object:
    """A number cell in its lexical form as a number; anything else stays text for the schema to judge."""
    kind = field.get("type", "string")
    if kind == "integer" and _INTEGER.fullmatch(cell) and len(cell) <= 18:
        return int(cell)
    if kind == "number" and _NUMBER.fullmatch(cell) and len(cell) <= 40:
        value = float(cell)
        return value if math.isfinite(value) else cell
    return cell


def _noun(resource: dict) -> str | None:
    key = resource["schema"].get("primaryKey", [])
    if len(key) != 1:
        return None
    name = key[0]
    return name[: -len("_id")] if name.endswith("_id") else resource["name"].removesuffix("s")


def _row_label(resource: dict, row: Mapping[str, str]) -> str:
    key = [row.get(name, "") for name in resource["schema"].get("primaryKey", [])]
    noun = _noun(resource)
    if noun:
        return f" ({noun} {key[0]!r})"
    return f" ({', '.join(map(repr, key))})" if key else ""


def _expected(field: dict, error_kind: str) -> str:
    constraints = field.get("constraints", {})
    if error_kind == "enum":
        values = ", ".join(map(str, constraints["enum"]))
        return f"one of {values}" + ("" if constraints.get("required") else " or empty")
    if error_kind in ("minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum"):
        words = {"minimum": "at least", "exclusiveMinimum": "above", "maximum": "at most", "exclusiveMaximum": "below"}
        return f"a number {words[error_kind]} {constraints[error_kind]}"
    if error_kind in ("type", "format") or (error_kind == "pattern" and "pattern" not in constraints):
        return _TYPE_EXPECTED.get(field.get("type", "string"), "text")
    return field.get("x-expected") or f"text matching {constraints.get('pattern')}"


def table_problems(table: pd.DataFrame, resource: dict, path: Path) -> list[str]:
    """List every way a table breaks its schema in the data package (one resource).

    Every cell is checked as written: numbers and dates in ASCII digits, no spaces or line breaks
    around a value, no control characters; then types, patterns, allowed values and bounds
    (JSON Schema, built from the resource's Table Schema) and the primary key.

    Parameters
    ----------
    table : DataFrame
        The table as read, every cell text (``geo.data.load.read_table``).
    resource : dict
        The resource's descriptor from ``datapackage.json``.
    path : Path
        The file name to report.

    Returns
    -------
    list of str
        One line per problem, naming file, row (and its id) and field.
    """
    fields = resource["schema"]["fields"]
    names = [f["name"] for f in fields]
    problems = [
        f"{path}: column {name!r}: expected it in the header; got a header without it."
        for name in names
        if name not in table.columns
    ]
    problems += [
        f"{path}: column {column!r}: expected only the columns the data package lists ({', '.join(names)}); got an extra one."
        for column in dict.fromkeys(table.columns)
        if column not in names
    ]
    if table.columns.duplicated().any():
        problems.append(f"{path}: header: expected each column once; got {', '.join(map(repr, table.columns))}.")
    if problems:
        return problems
    validator = _row_validator(resource)
    by_name = {f["name"]: f for f in fields}
    for number, row in enumerate(table_rows(table, names), start=2):
        where = f"{path}: row {number}{_row_label(resource, row)}"
        flagged: set[str] = set()
        for field in fields:
            name, cell = field["name"], row[field["name"]]
            problem = _cell_problem(field, cell)
            if problem:
                problems.append(f"{where}: field {name!r}: {problem}")
                flagged.add(name)
        instance = {f["name"]: _read_cell(f, row[f["name"]]) for f in fields if row[f["name"]] != ""}
        for error in sorted(validator.iter_errors(instance), key=lambda e: names.index(e.path[0])):
            name = error.path[0]
            if name in flagged:
                continue
            flagged.add(name)
            problems.append(
                f"{where}: field {name!r}: expected {_expected(by_name[name], error.validator)}; got {found_text(row[name])}."
            )
    problems += _primary_key_problems(table, resource, path)
    return problems


def _cell_problem(field: dict, cell: str) -> str | None:
    if cell == "":
        return "expected a value; got an empty cell." if field.get("constraints", {}).get("required") else None
    if cell != cell.strip():
        return f"expected no spaces or line breaks around the value; got {found_text(cell)}."
    if _CONTROL.search(cell):
        return f"expected one line of text without control characters; got {found_text(cell)}."
    return None


def _primary_key_problems(table: pd.DataFrame, resource: dict, path: Path) -> list[str]:
    key = resource["schema"].get("primaryKey", [])
    if not key:
        return []
    problems, seen = [], {}
    for number, values in enumerate(zip(*(table[name] for name in key), strict=True), start=2):
        if "" in values:
            continue
        if values in seen:
            fields = f"field {key[0]!r}" if len(key) == 1 else "fields " + ", ".join(map(repr, key))
            label = _row_label(resource, dict(zip(key, values, strict=True)))
            problems.append(
                f"{path}: row {number}{label}: {fields}: expected a unique id; got a duplicate of row {seen[values]}."
            )
        else:
            seen[values] = number
    return problems


def foreign_key_problems(tables: Mapping[str, pd.DataFrame], package: dict, paths: Mapping[str, Path]) -> list[str]:
    """Every id a table cites from another table (foreignKeys, and lists marked ``x-reference``) must exist.

    Parameters
    ----------
    tables : mapping of str to DataFrame
        The tables as read, keyed by resource name, each already valid on its own.
    package : dict
        The data package descriptor.
    paths : mapping of str to Path
        The file name to report for each resource.
    """
    resources = {r["name"]: r for r in package["resources"]}
    problems = []
    for name, resource in resources.items():
        table = tables.get(name)
        if table is None or table.columns.duplicated().any():
            continue  # reported where it is read, or by the header check
        links = [
            (fk["fields"], fk["reference"]["resource"] or name, fk["reference"]["fields"], False)
            for fk in resource["schema"].get("foreignKeys", [])
        ]
        records = table_rows(table, list(table.columns))
        links += [
            ([f["name"]], f["x-reference"]["resource"], [f["x-reference"]["field"]], True)
            for f in resource["schema"]["fields"]
            if "x-reference" in f
        ]
        for fields, target, target_fields, is_list in links:
            if not _has_columns(tables.get(target), target_fields) or not _has_columns(table, fields):
                continue  # a missing table or column is reported on its own
            keys = set(zip(*(tables[target][f] for f in target_fields), strict=True))
            own = [_cell_validator(resource, f) for f in fields]
            for number, row in enumerate(records, start=2):
                values = [row[f] for f in fields]
                # An empty cell cites nothing; a cell that breaks its own field's rules is reported as such.
                if "" in values or not all(ok(v) for ok, v in zip(own, values, strict=True)):
                    continue
                items = (
                    [(item,) for item in split_list(values[0], _separator(resource, fields[0]))]
                    if is_list
                    else [tuple(values)]
                )
                for item in items:
                    if item not in keys:
                        where = f"{paths[name]}: row {number}{_row_label(resource, row)}"
                        field = f"field {fields[0]!r}" if len(fields) == 1 else "fields " + ", ".join(map(repr, fields))
                        got = repr(item[0]) if len(item) == 1 else ", ".join(map(repr, item))
                        problems.append(
                            f"{where}: {field}: expected an id from {resources[target]['path']}; got {got}."
                        )
    return problems


def _has_columns(table: pd.DataFrame | None, columns: list[str]) -> bool:
    return table is not None and all(c in table.columns for c in columns) and not table.columns.duplicated().any()


def _cell_validator(resource: dict, name: str):
    """Whether a cell of field ``name`` passes its own rules (as written, then its JSON Schema)."""
    field = next(f for f in resource["schema"]["fields"] if f["name"] == name)
    schema = _field_validator(json.dumps(_cell_schema(field), sort_keys=True))
    return lambda cell: _cell_problem(field, cell) is None and schema.is_valid(_read_cell(field, cell))


@cache
def _field_validator(schema: str) -> Draft202012Validator:
    return Draft202012Validator(json.loads(schema), format_checker=FormatChecker())


def _separator(resource: dict, name: str) -> str:
    """The list separator of a list field (``x-separator``), or ';'."""
    field = next(f for f in resource["schema"]["fields"] if f["name"] == name)
    return field.get("x-separator", ";")


def sources_problems(sources: pd.DataFrame, path: Path = settings.SOURCES_PATH) -> list[str]:
    """Every way the article table breaks its schema (the ``sources`` resource of the data package)."""
    return table_problems(sources, _resource("sources"), path)


def facts_problems(facts: pd.DataFrame, path: Path = settings.FACTS_PATH) -> list[str]:
    """Every way the fact table breaks its schema (ids it cites are checked with the other tables)."""
    return table_problems(facts, _resource("facts"), path)


def _resource(name: str) -> dict:
    return next(r for r in read_package()["resources"] if r["name"] == name)


def tables_problems(tables: Mapping[str, pd.DataFrame], package: dict, data_dir: Path) -> list[str]:
    """Check every table that was read against the data package: each on its own, and the ids they cite
    from each other (a table that could not be read is left out; its problem is reported where it is read)."""
    paths = {r["name"]: Path(data_dir) / r["path"] for r in package["resources"]}
    problems = [
        p
        for r in package["resources"]
        if r["name"] in tables
        for p in table_problems(tables[r["name"]], r, paths[r["name"]])
    ]
    return problems + foreign_key_problems(tables, package, paths)
