"""Counts beside the filters, set against what the articles state, and the region-wide figures."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd

from geo import settings
from geo.data import join
from geo.render import present

# The rules the page counted by before data/port_counts.csv existed; kept for stated_comparison()
# called without a port_counts table, until the page moves to count_reconciliation().
_LEGACY_RULES = {
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
LOCATION_DRAWN = "drawn"
LOCATION_UNKNOWN = "location unknown"


def _drawn(ports: gpd.GeoDataFrame) -> pd.Series:
    """Whether each port has a point on the map (a port of unknown location has none)."""
    return ports.geometry.notna() & ~ports.geometry.is_empty


def port_counts(ports: gpd.GeoDataFrame) -> dict[str, int]:
    """How many ports are shown, by mode (a road+rail port counts under both), by status, and how many
    of them have no known location (listed, not drawn)."""
    statuses = ports["status"].value_counts()
    return {
        "shown": len(ports),
        **{f"mode_{m}": int(ports["modes"].map(lambda ms, m=m: m in ms).sum()) for m in settings.MODES},
        **{f"status_{s}": int(statuses.get(s, 0)) for s in settings.PORT_STATUSES},
        "location_unknown": int((~_drawn(ports)).sum()),
    }


def counted_ports(port_counts_table: pd.DataFrame, ports: gpd.GeoDataFrame) -> pd.DataFrame:
    """The ports behind each stated count, one row per port and measure (data/port_counts.csv, joined).

    Returns
    -------
    DataFrame
        Columns: measure, port_id, name, drawn (bool), location (``drawn`` or ``location unknown``),
        certainty (``certain``, or ``uncertain`` where the references leave membership open), ref_id, note;
        in the table's order.
    """
    rows = port_counts_table[port_counts_table["port_id"].isin(ports.index)]
    drawn = _drawn(ports)
    out = pd.DataFrame(
        {
            "measure": rows["measure"].to_numpy(),
            "port_id": rows["port_id"].to_numpy(),
            "name": ports.loc[rows["port_id"], "name"].to_numpy(),
            "drawn": drawn.loc[rows["port_id"]].to_numpy(dtype=bool),
            "certainty": rows["certainty"].to_numpy(),
            "ref_id": rows["ref_id"].to_numpy(),
            "note": rows["note"].to_numpy(),
        }
    )
    return out.assign(location=out["drawn"].map({True: LOCATION_DRAWN, False: LOCATION_UNKNOWN})).loc[
        :, ["measure", "port_id", "name", "drawn", "location", "certainty", "ref_id", "note"]
    ]


def count_reconciliation(
    port_counts_table: pd.DataFrame,
    ports: gpd.GeoDataFrame,
    cited: pd.DataFrame,
    shown: gpd.GeoDataFrame | None = None,
) -> pd.DataFrame:
    """For each port count the articles state: the figures with their sources, the layer's own count and
    the ports behind it.

    Parameters
    ----------
    port_counts_table : DataFrame
        ``Dataset.port_counts``: which port counts towards which measure, with its reference.
    ports : GeoDataFrame
        The whole port layer.
    cited : DataFrame
        Facts with sources (:func:`geo.data.join.cite`); the stated counts are the facts about
        ``settings.PORT_COUNT_ENTITY`` whose metric is the measure.
    shown : GeoDataFrame, optional
        The ports the filters show; adds how many of the counted ones are shown.

    Returns
    -------
    DataFrame
        One row per measure of ``settings.PORT_COUNT_MEASURES``. Columns: measure, label,
        stated (list of dicts: fact_id, value, text, publisher, source), layer_count, drawn,
        location_unknown, uncertain (members the references leave open), caveat (a plain sentence where the count
        reconciles only by counting such a port, else empty), shown (None without ``shown``),
        ports (list of dicts: id, name, location, certainty, ref_id, note).
    """
    counted = counted_ports(port_counts_table, ports)
    rows = []
    for measure, label in settings.PORT_COUNT_MEASURES.items():
        members = counted[counted["measure"] == measure]
        facts = cited[(cited["entity_id"] == settings.PORT_COUNT_ENTITY) & (cited["metric"] == measure)]
        rows.append(
            {
                "measure": measure,
                "label": label,
                "stated": [
                    {
                        "fact_id": fact.fact_id,
                        "value": fact.value,
                        "text": present.format_value(fact.value, fact.unit, fact.qualifier),
                        "publisher": fact.source_publisher,
                        "source": source,
                    }
                    for fact, source in _with_citations(facts.sort_values(["source_id", "fact_id"]))
                ],
                "layer_count": len(members),
                "drawn": int(members["drawn"].sum()),
                "location_unknown": int((~members["drawn"]).sum()),
                "uncertain": int((members["certainty"] == "uncertain").sum()),
                "caveat": _caveat(members, ports, facts),
                "shown": None,
                "ports": [
                    {
                        "id": m.port_id,
                        "name": m.name,
                        "location": m.location,
                        "certainty": m.certainty,
                        "ref_id": m.ref_id,
                        "note": m.note,
                    }
                    for m in members.itertuples()
                ],
            }
        )
    reconciled = pd.DataFrame(rows)
    return reconciled if shown is None else count_shown(reconciled, shown)


def _caveat(members: pd.DataFrame, ports: gpd.GeoDataFrame, facts: pd.DataFrame) -> str:
    """Plainly, where the layer's count meets the articles' only by counting a port the references leave open."""
    open_ = members[members["certainty"] == "uncertain"]
    if open_.empty:
        return ""
    stated = sorted({present.format_number(float(v)) for v in facts["value"]})
    certain = len(members) - len(open_)
    parts = [
        f"{m.name} (its own status: {ports.loc[m.port_id, 'status']}; {m.note.removeprefix('Uncertain: ').rstrip('.')})"
        for m in open_.itertuples()
    ]
    names = " and ".join(m.name for m in open_.itertuples())
    return (
        f"The layer reaches {' / '.join(stated) or 'its count'} only if {names} "
        f"{'counts' if len(open_) == 1 else 'count'}; without, {certain}. " + "; ".join(parts) + "."
    )


def count_shown(reconciled: pd.DataFrame, shown: gpd.GeoDataFrame) -> pd.DataFrame:
    """:func:`count_reconciliation`'s table with ``shown`` filled in: how many of each count's ports are shown.

    Cheap beside the reconciliation itself, so an app can reconcile once and count what is shown per change.
    """
    return reconciled.assign(shown=[sum(p["id"] in shown.index for p in ports) for ports in reconciled["ports"]])


def stated_comparison(
    shown: gpd.GeoDataFrame,
    ports: gpd.GeoDataFrame,
    cited: pd.DataFrame,
    port_counts_table: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Each port count the articles state, beside the layer's count (all ports and those shown).

    With ``port_counts_table`` the layer's count is the ports that table lists for the measure;
    without it, the rules the page used before (by kind, status and mode).

    Returns
    -------
    DataFrame
        Columns: Measure, Shown, In the layer, Articles say, Publisher, Source. One row per stated figure, so
        where articles disagree both appear.
    """
    rows = []
    for metric, (legacy_label, rule) in _LEGACY_RULES.items():
        if port_counts_table is None:
            label, in_shown, in_layer = legacy_label, int(rule(shown).sum()), int(rule(ports).sum())
        else:
            members = port_counts_table.loc[port_counts_table["measure"] == metric, "port_id"]
            label = settings.PORT_COUNT_MEASURES[metric]
            in_shown, in_layer = int(members.isin(shown.index).sum()), int(members.isin(ports.index).sum())
        stated = cited[(cited["entity_id"] == settings.PORT_COUNT_ENTITY) & (cited["metric"] == metric)]
        for fact, source in _with_citations(stated):
            rows.append(
                {
                    "Measure": label,
                    "Shown": in_shown,
                    "In the layer": in_layer,
                    "Articles say": present.format_value(fact.value, fact.unit, fact.qualifier),
                    "Publisher": fact.source_publisher.split(" (")[0],
                    "Source": source,
                }
            )
    return pd.DataFrame(rows, columns=["Measure", "Shown", "In the layer", "Articles say", "Publisher", "Source"])


def region_figures(cited: pd.DataFrame, groups: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Readable fact tables for the region-wide groups (region, whole FTZ, all bonded zones), keyed by name.

    Parameters
    ----------
    cited : DataFrame
        Facts with sources.
    groups : DataFrame
        ``Dataset.groups``; groups of a kind in ``settings.REGION_GROUP_KINDS`` get a table, in table order.
    """
    return {name: present.facts_table(join.facts_for(cited, gid)) for name, gid in region_groups(groups).items()}


def region_groups(groups: pd.DataFrame) -> dict[str, str]:
    """The region-wide groups (region, whole FTZ, all bonded zones), name to id, in table order."""
    regional = groups[groups["kind"].isin(settings.REGION_GROUP_KINDS)]
    return dict(zip(regional["name"], regional["id"], strict=True))


def _with_citations(facts: pd.DataFrame):
    """Each fact (a named tuple) with its source as the page cites it everywhere (``present.citations``)."""
    return zip(facts.itertuples(), present.citations(facts), strict=True)
