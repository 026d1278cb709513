"""Join facts onto features: a long table for citations and a wide one per layer."""

from __future__ import annotations

import functools
import itertools
from collections.abc import Mapping
from pathlib import Path

import geopandas as gpd
import pandas as pd

from geo import settings
from geo.data import periods
from geo.data.load import read_table

CITATION_COLUMNS = (
    "title",
    "publisher",
    "published",
    "published_range",
    "url",
    "original_publisher",
    "original_url",
    "file",
    "note",
    "caution",
)
# Units of a rate or share, which do not add up over time: figures for overlapping periods are comparable.
RATE_UNITS = ("percent", "percentage_points")


def cite(facts: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Attach each fact's source (title, publisher, date, file) to the fact.

    Parameters
    ----------
    facts, sources : DataFrame
        Validated tables, so every ``source_id`` is known.

    Returns
    -------
    DataFrame
        The long fact table, one row per figure, with the source's columns prefixed ``source_``.
    """
    columns = [c for c in CITATION_COLUMNS if c in sources]  # older tables lack the address and range columns
    cited = sources.loc[:, ["source_id", *columns]].rename(columns={c: f"source_{c}" for c in CITATION_COLUMNS})
    return facts.merge(cited, on="source_id", how="left", validate="many_to_one")


# A place's figures in the order a viewer reads them: amounts first (trains, routes, cargo, vehicles, travellers, trade,
# areas), then changes and shares, then times and spans; within each, the measures data/metrics.csv names in its order
# (what the articles are about), then the rest by unit; by metric within those, then by source.
UNIT_ORDER: tuple[str, ...] = (
    "count", "tonnes", "CNY", "USD", "km2", "m2", "percent", "percentage_points", "times", "hours", "minutes", "years",
)  # fmt: skip
_CHANGES = frozenset({"percent", "percentage_points", "times"})
_TIMES = frozenset({"hours", "minutes", "days", "years"})


@functools.lru_cache(maxsize=1)
def headline_metrics(path: Path = settings.DATA_DIR / "metrics.csv") -> tuple[str, ...]:
    """The metrics data/metrics.csv lists, in its order (none when the table is missing)."""
    return tuple(read_table(path)["metric"]) if path.exists() else ()


def reading_order(
    rows: pd.DataFrame, first: tuple[str, ...] = (), headline: tuple[str, ...] | None = None
) -> pd.DataFrame:
    """``rows`` of figures sorted by ``first`` (such as the place), then as a viewer reads a place's figures."""
    listed = {metric: i for i, metric in enumerate(headline_metrics() if headline is None else headline)}
    units = {unit: len(listed) + i for i, unit in enumerate(UNIT_ORDER)}
    rank = rows["metric"].map(listed).fillna(rows["unit"].map(units)).fillna(len(listed) + len(UNIT_ORDER))
    kind = rows["unit"].map(lambda u: 1 if u in _CHANGES else 2 if u in _TIMES else 0)
    # a pair in the order it is told: the time before a change, then after; the least, then the most
    name = (
        rows["metric"]
        .str.replace(r"_(?:before|min)$", "_0", regex=True)
        .str.replace(r"_(?:after|max)$", "_1", regex=True)
    )
    keys = [*first, "_kind", "_rank", "_name", "source_id", "fact_id"]
    return (
        rows.assign(_kind=kind, _rank=rank, _name=name)
        .sort_values(keys, kind="stable")
        .drop(columns=["_kind", "_rank", "_name"])
    )


def facts_for(cited: pd.DataFrame, entity_id: str) -> pd.DataFrame:
    """The cited facts about one entity, in reading order (see ``reading_order``)."""
    return reading_order(cited[cited["entity_id"] == entity_id]).reset_index(drop=True)


def wide(frame: gpd.GeoDataFrame, facts: pd.DataFrame) -> gpd.GeoDataFrame:
    """One column per metric beside each feature, for tables and filters.

    Where sources agree on a metric the column holds the figure; where they disagree, no figure
    is picked: the metric gets one column per source, named ``metric [source_id]``.

    Returns
    -------
    GeoDataFrame
        ``frame`` plus a ``fact_count`` column and the metric columns (NaN where a feature has none).
    """
    own = facts[facts["entity_id"].isin(frame.index)]
    counts = own.groupby("entity_id").size()
    out = frame.assign(fact_count=counts.reindex(frame.index, fill_value=0).astype(int))
    if own.empty:
        return out
    distinct = own.groupby(["entity_id", "metric"])["value"].transform("nunique")
    agreed = own[distinct == 1].drop_duplicates(["entity_id", "metric"])
    disputed = own[distinct > 1].assign(metric=lambda d: d["metric"] + " [" + d["source_id"] + "]")
    table = pd.concat([agreed, disputed]).pivot_table(
        index="entity_id", columns="metric", values="value", aggfunc="first"
    )
    return out.join(table.reindex(columns=sorted(table.columns)))


def conflicting(a, b) -> bool:
    """Whether two figures of one place and measure (rows with ``source_id``, ``period``, ``value``, ``unit``)
    disagree: two sources, two values, for the same period, or for overlapping periods where the unit is a rate
    or share. Figures for different periods (a year's part and a running total) are not a conflict."""
    if a.source_id == b.source_id or a.value == b.value or a.unit != b.unit:
        return False
    first, second = periods.parse(a.period), periods.parse(b.period)
    if (first.start, first.end) == (second.start, second.end):
        return True
    return a.unit in RATE_UNITS and first.overlaps(second.start, second.end)


def disputed_metrics(facts: pd.DataFrame) -> pd.DataFrame:
    """Entity and metric pairs on which two sources disagree (:func:`conflicting`), with every figure kept."""
    disputed = []
    for _, group in facts.groupby(["entity_id", "metric"], sort=False):
        rows = list(group.itertuples())
        if any(conflicting(a, b) for a, b in itertools.combinations(rows, 2)):
            disputed.append(group)
    if not disputed:
        return facts.iloc[:0]
    return pd.concat(disputed).sort_values(["entity_id", "metric", "source_id"]).reset_index(drop=True)


def with_parents(cited: pd.DataFrame, parents: Mapping[str, str | None], names: Mapping[str, str]) -> pd.DataFrame:
    """Each place's own figures plus those about the groups it belongs to, each labelled by whom it is about.

    A figure about the Horgos port as a whole (group ``horgos``) thus shows when ``horgos-road`` or
    ``horgos-rail`` is selected, marked as being about the whole port.

    Parameters
    ----------
    cited : DataFrame
        Facts with their sources (:func:`cite`).
    parents : mapping of str to str or None
        Each entity's parent group (``Dataset.parents()``); a chain of groups is followed, a cycle is not.
    names : mapping of str to str
        Display names by id (``Dataset.entity_names()``).

    Returns
    -------
    DataFrame
        The cited table, plus a copy of a group's figures under each place in it, with ``about`` (the id of
        the entity a figure is about) and ``about_name`` (its name). :func:`facts_for` then gives a place's
        own figures and its groups'. A table that already went through it comes back the same (the app
        hands its copy to the map, which would otherwise copy a group's figures twice).
    """
    if "about" in cited:  # already joined: joining again would copy the copies as the place's own figures
        return cited
    frames = [cited.assign(about=cited["entity_id"])]
    # The groups' rows are picked by position in one take (a frame per place took minutes at 10,000 ports).
    rows_of = cited.groupby("entity_id", sort=False).indices if not cited.empty else {}
    take, about, entity_ids = [], [], []
    for entity in parents:
        chain = [entity]
        while (parent := parents.get(chain[-1])) and parent not in chain:
            chain.append(parent)
            rows = rows_of.get(parent, ())
            take.extend(rows)
            about += [parent] * len(rows)
            entity_ids += [entity] * len(rows)
    if take:
        frames.append(cited.iloc[take].assign(about=about, entity_id=entity_ids))
    table = pd.concat(frames, ignore_index=True)
    return table.assign(about_name=[names.get(about, about) for about in table["about"]])
