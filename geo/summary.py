"""Counts beside the filters, set against what the articles state, and the region-wide figures."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd

from geo import join, present, settings

# How the layer's ports are counted for each figure the articles state.
_COUNTED = {
    "approved_ports": ("Ports of entry (any status)", lambda p: p["kind"] != "inland"),
    "operational_ports": (
        "Ports in operation (operational or seasonal)",
        lambda p: (p["kind"] != "inland") & p["status"].isin(["operational", "seasonal"]),
    ),
    "highway_ports": (
        "Highway (road) border ports",
        lambda p: (p["kind"] == "border") & p["modes"].map(lambda m: "road" in m),
    ),
}


def port_counts(ports: gpd.GeoDataFrame) -> dict[str, int]:
    """How many ports are shown, by mode (a road+rail port counts under both) and by status."""
    statuses = ports["status"].value_counts()
    return {
        "shown": len(ports),
        **{f"mode_{m}": int(ports["modes"].map(lambda ms, m=m: m in ms).sum()) for m in settings.MODES},
        **{f"status_{s}": int(statuses.get(s, 0)) for s in settings.PORT_STATUSES},
    }


def stated_comparison(shown: gpd.GeoDataFrame, ports: gpd.GeoDataFrame, cited: pd.DataFrame) -> pd.DataFrame:
    """Each port count the articles state, beside the layer's count (all ports and those shown).

    Returns
    -------
    DataFrame
        Columns: Measure, Shown, In the layer, Articles say, Publisher, Source. One row per stated figure, so
        where articles disagree (21 or 19 approved ports) both appear.
    """
    rows = []
    for metric, (label, rule) in _COUNTED.items():
        stated = cited[(cited["entity_id"] == "xinjiang") & (cited["metric"] == metric)]
        for fact in stated.itertuples():
            rows.append(
                {
                    "Measure": label,
                    "Shown": int(rule(shown).sum()),
                    "In the layer": int(rule(ports).sum()),
                    "Articles say": present.format_value(fact.value, fact.unit, fact.qualifier),
                    "Publisher": fact.source_publisher.split(" (")[0],
                    "Source": present.cite_source(fact.source_publisher, fact.source_published, fact.source_title),
                }
            )
    return pd.DataFrame(rows, columns=["Measure", "Shown", "In the layer", "Articles say", "Publisher", "Source"])


def region_figures(cited: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Readable fact tables for the region, the whole FTZ and all bonded zones, keyed by their names."""
    return {
        name: present.facts_table(join.facts_for(cited, entity_id))
        for entity_id, name in settings.AGGREGATE_ENTITIES.items()
    }
