"""How a data problem is worded (where, what was found) and raised: every problem gathered, raised once."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from geo.errors import DataError


def raise_if_problems(problems: Iterable[str]) -> None:
    """Raise one DataError that lists every problem, or return if there are none."""
    problems = list(problems)
    if problems:
        raise DataError(problems)


def feature_at(path: Path, feature_id: object, field: str | None = None) -> str:
    """Where in a GeoJSON layer: ``file: feature 'id'``, and the field if one is named."""
    where = f"{path}: feature {feature_id!r}"
    return f"{where}: field {field!r}" if field else where


def found_text(value: object) -> str:
    """A value as an error message quotes it: its repr, cut short."""
    try:
        text = repr(value)
    except (RecursionError, ValueError):  # nesting too deep to print, or an int too long to print
        return "a value too large to show"
    return text if len(text) <= 60 else text[:57] + "..."


def table_rows(table: pd.DataFrame, columns: list[str] | None = None) -> list[dict[str, str]]:
    """The rows as dicts; much faster than DataFrame.to_dict for tables of text."""
    columns = list(table.columns) if columns is None else columns
    return [dict(zip(columns, row, strict=True)) for row in table[columns].to_numpy().tolist()]
