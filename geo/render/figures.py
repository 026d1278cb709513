"""The figures table the map's popups are composed from on click: one row per cited figure, in columns."""

from __future__ import annotations

from datetime import date

import pandas as pd

from geo.data import join, periods
from geo.render import present

# The columns every row has; ``source`` indexes ``sources`` (each article once: its citation and address).
COLUMNS = ("figure", "about", "value", "period", "start", "end", "source")


def table(cited: pd.DataFrame) -> dict:
    """The figures of ``cited`` (``join.cite``, optionally ``join.with_parents``) as the map's popups read them.

    Rows are grouped by place, in the order a place's figures are listed (``join.reading_order``); ``at`` gives
    each place's rows as ``[first, stop)``. Texts are plain: the browser inserts them as text, never as HTML.
    """
    out: dict = {name: [] for name in COLUMNS} | {"at": {}, "sources": [], "none": present.NO_FIGURES_TEXT}
    if cited.empty:
        return out
    ordered = join.reading_order(cited, first=("entity_id",))
    shown = present.facts_table(ordered, cite=False)
    sources: dict[tuple[str, str], int] = {}
    for source, link in zip(shown["Source"], shown["Link"], strict=True):
        sources.setdefault((source, link), len(sources))
    spans = [present.span(period) for period in ordered["period"]]
    out.update(
        figure=shown["Figure"].tolist(),
        about=present.about_notes(ordered),
        value=shown["Value"].tolist(),
        period=shown["Period"].tolist(),
        start=[first for first, _ in spans],
        end=[last for _, last in spans],
        source=[sources[key] for key in zip(shown["Source"], shown["Link"], strict=True)],
        sources=[list(key) for key in sources],
    )
    entities = ordered["entity_id"].tolist()
    for row, entity in enumerate(entities):
        out["at"].setdefault(entity, [row, row])[1] = row + 1
    return out


def period_option(start: date | None, end: date | None) -> dict | None:
    """The period filter as the map takes it (first and last day, its label and its link parameter), or None for
    every figure."""
    if start is None or end is None:
        return None
    return {
        "start": start.isoformat(),
        "end": end.isoformat(),
        "label": periods.range_label(start, end),
        "param": periods.format_range(start, end),
    }
