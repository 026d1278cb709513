"""Measures the map can size ports by: one metric, unit and period with a figure at two or more drawn ports."""

from __future__ import annotations

import math
import re

import pandas as pd

from geo.data import periods
from geo.render import present

# Units of amounts, which a circle's area can stand for; rates, shares and durations are never sized.
SIZED_UNITS: tuple[str, ...] = ("count", "tonnes", "CNY", "km2", "m2")
# A measure is offered only where it compares places: at least this many drawn ports have a figure for it.
MIN_PLACES = 2
# A measure's key in a link (``?size=``): its metric and period, e.g. ``china_europe_train_routes.2025-07-28``
# (geo/explore/urlstate.py reads it with the same pattern).
KEY = re.compile(r"[a-z][a-z0-9_]*\.[0-9./-]+")


def key(metric: str, period: str) -> str:
    """The key of a measure: ``metric.period``."""
    return f"{metric}.{period}"


def measures(facts: pd.DataFrame, ports: pd.DataFrame) -> list[dict]:
    """Every measure the drawn ``ports`` can be sized by, most places first.

    A measure is a metric with one unit and one period (never mixed): offered where at least ``MIN_PLACES`` of the
    ports have a positive figure of it. A port with two figures of one measure (two articles) is sized by the first
    (by ``fact_id``). Each measure carries its label, the year its period ends, each port's value, quoted text and
    fact id, and two or three round reference values for the size legend.
    """
    amounts = facts[facts["entity_id"].isin(ports.index) & facts["unit"].isin(SIZED_UNITS)]
    amounts = amounts[pd.to_numeric(amounts["value"], errors="coerce") > 0].sort_values("fact_id")
    found = []
    for (metric, unit, period), rows in amounts.groupby(["metric", "unit", "period"], sort=True):
        first = rows.drop_duplicates("entity_id", keep="first")
        if len(first) < MIN_PLACES:
            continue
        values = {str(r.entity_id): float(r.value) for r in first.itertuples()}
        found.append(
            {
                "key": key(metric, period),
                "label": present.metric_label(metric),
                "period": periods.label(period),
                # The year its figures reach: the map sizes by them only when it shows that year or a later one.
                "year": periods.parse(period).end.year,
                "unit": unit,
                "values": values,
                "texts": {
                    str(r.entity_id): present.format_value(r.value, unit, r.qualifier) for r in first.itertuples()
                },
                "facts": {str(r.entity_id): str(r.fact_id) for r in first.itertuples()},
                "refs": [[v, present.format_value(v, unit)] for v in references(max(values.values()))],
            }
        )
    return sorted(found, key=lambda m: (-len(m["values"]), m["label"], m["key"]))


def references(largest: float) -> list[float]:
    """Two or three round values for the size legend, largest first: ``124`` → ``[120, 40, 12]``."""
    values = sorted({_round_down(largest), _round_down(largest / 3), _round_down(largest / 10)}, reverse=True)
    return [v for v in values if v > 0]


def _round_down(value: float) -> float:
    """Down to one significant digit (two when it starts with 1): 9.77 million → 9 million, 124 → 120."""
    if value <= 0:
        return 0.0
    step = 10 ** math.floor(math.log10(value))
    if value / step < 2:
        step /= 10
    rounded = math.floor(value / step + 1e-9) * step
    return float(round(rounded, 10))
