"""The legend's HTML: ports by mode and state, corridors, zones, borders, credits, and an uploaded layer's section."""

from __future__ import annotations

import geopandas as gpd

from geo import settings
from geo.render import basemap, present
from geo.render.layers import HALO_MIN_KM, upload_kind
from geo.render.present import escape

# How the legend names a port's state (xjmap.js STATE_STYLES draws them); the year control makes every one of
# them appear in some year, and today's map has each but "planned".
PORT_STATE_LEGEND: tuple[tuple[str, str], ...] = (
    ("open", "open"),
    ("seasonal", "seasonal (dashed rim)"),
    ("approved", "approved, not yet open (hollow)"),
    # Its status is "approved" (the status filter lists it there): it opened once and is closed again.
    ("suspended", "suspended: approved, closed now (hollow, dashed)"),
)


def legend_html() -> str:
    """The legend's content, drawn from the same settings that style the layers (every text escaped)."""

    def item(swatch: str, label: str, shows: str = "") -> str:
        # ``shows`` names what the item explains ("ports group road"): the explorer hides it while none is drawn.
        key = f' data-xj-shows="{escape(shows)}"' if shows else ""
        return f'<span class="xj-item"{key}>{swatch}{escape(label)}</span>'

    ports = "".join(
        item(
            f'<i style="background:{colour};border-radius:50%"></i>',
            "road + rail" if group == "combined" else group,
            f"ports group {group}",
        )
        for group, colour in settings.MODE_COLOURS.items()
    )
    lines = "".join(
        item(
            f'<i class="xj-line" style="border-top-style:{"dashed" if style["dashArray"] else "solid"};'
            f'border-color:{style["color"]}"></i>',
            status.replace("_", " "),
            f"corridors state {status}",
        )
        for status, style in settings.CORRIDOR_STYLES.items()
    )
    zones = "".join(
        item(
            f'<i class="xj-square" style="background:{style["fillColor"]}"></i>',
            present.ZONE_KIND_LABELS[kind],
            f"zones kind {kind}",
        )
        for kind, style in settings.ZONE_STYLES.items()
    )
    borders = "".join(
        item(
            f'<i class="xj-border" style="border-top-style:{"dashed" if style.get("dashArray") else "solid"};'
            f'border-color:{style["color"]}"></i>',
            label,
        )
        for label, style in (
            ("Xinjiang's boundary", settings.BASE_STYLES["xinjiang"]),
            ("international border", settings.BASE_STYLES["country"]),
            ("province boundary", settings.BASE_STYLES["province"]),
        )
    )
    # A port's state (today, or in the year the year control shows): how its symbol is filled and rimmed.
    states = "".join(
        item(f'<i class="xj-state xj-state-{state}"></i>', label, f"ports state {state}")
        for state, label in PORT_STATE_LEGEND
    )
    # Lines shown only while a year is chosen (the explorer shows them and names the year): what that year hides.
    # Static text: the year goes into its span as text (xjmap.js _legendYear).
    gone = "As of <span data-xj-year-label></span>: places not yet approved (corridors not yet begun) are not drawn."
    hollow_zone = item(
        '<i class="xj-square xj-square-approved"></i>', "approved, not yet operating", "zones state approved"
    )
    year_only = '<div class="xj-hint" data-xj-year-only hidden>{}</div>'.format
    # Each section names its layer, so the explorer can hide it while that layer is turned off.
    return "".join(
        (
            f'<div data-xj-layer="{settings.PORTS.name}"><b>Ports, by mode</b><div>{ports}</div>',
            f'<div class="xj-states">{states}</div>',
            year_only(gone),
            '<div class="xj-hint">Ports at one place are spread apart; a thin line leads to the true spot.</div>',
            # Short, so the legend grows no taller than the map's corner allows (the layers button sits above it).
            f'<span class="xj-item xj-wrap"><i class="xj-halo-swatch"></i>position uncertain (≥ {HALO_MIN_KM:g} km)'
            "</span>",
            '<span class="xj-item xj-wrap"><i class="xj-clearance-swatch"></i>inland clearance area</span></div>',
            f'<div data-xj-layer="{settings.CORRIDORS.name}"><b>Rail corridors (schematic)</b><div>{lines}</div>',
            year_only("Each line as it stood that year."),
            "</div>",
            f'<div data-xj-layer="{settings.ZONES.name}"><b>Zones</b><div>{zones}</div>',
            year_only(hollow_zone),
            '<div class="xj-hint">Squares until you zoom in to their footprint.</div></div>',
            f'<div data-xj-layer="base"><b>Borders</b><div>{borders}</div></div>',
            f'<div class="xj-credit">{" · ".join(escape(line) for line in basemap.credits())}</div>',
        )
    )


def upload_legend(name: str, frame: gpd.GeoDataFrame) -> str:
    """The legend's section for an uploaded layer: its file name and a swatch per kind of geometry it has."""
    kinds = [upload_kind(g) for g in frame.geometry]
    counts = {kind: kinds.count(kind) for kind in dict.fromkeys(kinds)}
    point, line, area = (settings.UPLOAD_STYLES[kind] for kind in ("point", "line", "area"))
    swatches = {  # as the map draws them
        "point": f'<i style="background:{point["fillColor"]};border:{point["weight"]}px solid {point["color"]};'
        'border-radius:50%;box-sizing:border-box"></i>',
        "line": f'<i class="xj-line" style="border-top-style:solid;border-color:{line["color"]}"></i>',
        "area": f'<i class="xj-square" style="background:{area["fillColor"]};border:{area["weight"]}px solid '
        f'{area["color"]};box-sizing:border-box"></i>',
    }
    words = {"point": ("point", "points"), "line": ("line", "lines"), "area": ("area", "areas")}
    items = "".join(
        f'<span class="xj-item">{swatches[kind]}{counts[kind]:,} {words[kind][counts[kind] != 1]}</span>'
        for kind in words
        if kind in counts
    )
    return f'<div data-xj-layer="upload"><b>Your layer: {escape(name)}</b><div>{items}</div></div>'
