"""The filter controls: one registry drives the link, the filters in Python and the map's own filter bar."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

import pandas as pd

from geo import settings
from geo.render import present


@dataclass(frozen=True)
class Control:
    """A multiple-choice filter on one layer's property; an empty choice means "all".

    ``field`` names the value each feature carries for the filter (see ``feature_values``);
    a list-valued field passes a feature when any of its items is chosen.
    """

    name: str
    param: str
    label: str
    layer: str
    field: str
    choices: tuple[str, ...]
    labels: dict[str, str] = field(default_factory=dict)
    all_label: str = "all"

    def label_of(self, choice: str) -> str:
        return self.labels.get(choice, choice.replace("_", " ").capitalize())


CONTROLS: tuple[Control, ...] = (
    Control(
        "modes",
        "mode",
        "Port mode",
        "ports",
        "modes",
        settings.MODES,
        {"road": "Road", "rail": "Rail", "air": "Air"},
        "all modes",
    ),
    Control(
        "kinds",
        "kind",
        "Port kind",
        "ports",
        "kind",
        settings.PORT_KINDS,
        {"border": "Border crossing", "airport": "Airport", "inland": "Inland (land port)"},
        "all kinds",
    ),
    Control(
        "countries",
        "country",
        "Neighbouring country",
        "ports",
        "country",
        (*settings.NEIGHBOUR_COUNTRIES, "none"),
        {**settings.NEIGHBOUR_COUNTRIES, "none": "None (airports, inland)"},
        "all countries",
    ),
    Control("statuses", "status", "Port status", "ports", "status", settings.PORT_STATUSES, {}, "all statuses"),
    Control(
        "corridor_statuses",
        "corridor",
        "Corridor status",
        "corridors",
        "status",
        settings.CORRIDOR_STATUSES,
        {},
        "all corridors",
    ),
    Control(
        "zone_kinds",
        "zone",
        "Zone kind",
        "zones",
        "kind",
        settings.ZONE_KINDS,
        {k: v[0].upper() + v[1:] for k, v in present.ZONE_KIND_LABELS.items()},
        "all zones",
    ),
)
BY_NAME: dict[str, Control] = {control.name: control for control in CONTROLS}
SEARCH_LABEL = "Search names (English or 中文)"
SEARCH_MAX = 100


def fold(text: object) -> str:
    """Text as search compares it: accents and case folded, spaces and punctuation dropped.

    ``Ürümqi`` and ``urumqi`` fold alike, as do ``Jalal-Abad`` and ``jalal abad``. The map's filter bar
    folds what a viewer types the same way (``XJMap.fold`` in static/js/xjmap.js).
    """
    decomposed = unicodedata.normalize("NFKD", "" if text is None else str(text))
    return "".join(ch for ch in decomposed if ch.isalnum() and not unicodedata.category(ch).startswith("M")).lower()


def _texts(value: object) -> list[str]:
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value if v is not None]
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return []
    return [str(value)]


def _names(row: pd.Series) -> list[str]:
    return [*_texts(row.get("name")), *_texts(row.get("name_zh")), *_texts(row.get("id")), *_texts(row.get("aliases"))]


def search_keys(frames: dict[str, pd.DataFrame], groups: pd.DataFrame | None = None) -> dict[str, dict[str, str]]:
    """Each feature's folded search text: its names and aliases, its parent's, and for a corridor its ports'.

    So a corridor through Horgos is found by 霍尔果斯, and a port by its group's name.

    Returns
    -------
    dict
        ``{layer name: {feature id: folded text}}``; names are separated by ``|`` so a search never
        matches across two names.
    """
    parents: dict[str, list[str]] = {}
    if groups is not None:
        parents = {gid: _names(row) for gid, row in groups.iterrows()}
    ports = frames.get("ports", pd.DataFrame())
    port_names = {pid: _names(row) for pid, row in ports.iterrows()}
    keys: dict[str, dict[str, str]] = {}
    for layer, frame in frames.items():
        keys[layer] = {}
        for fid, row in frame.iterrows():
            names = _names(row) + parents.get(str(row.get("parent") or ""), [])
            if layer == "corridors":
                names += _texts(row.get("waypoints"))
                for port_id in _texts(row.get("via_ports")):
                    names += port_names.get(port_id, [])
            keys[layer][fid] = "|".join(dict.fromkeys(fold(name) for name in names if fold(name)))
    return keys


def feature_values(layer: str, frame: pd.DataFrame) -> dict[str, dict[str, object]]:
    """The values each control of ``layer`` tests, per feature id (lists stay lists)."""
    values: dict[str, dict[str, object]] = {fid: {} for fid in frame.index}
    for control in CONTROLS:
        if control.layer != layer:
            continue
        column = frame[control.field] if control.field in frame else _derived(control.field, frame)
        for fid, value in column.items():
            values[fid][control.field] = list(value) if isinstance(value, (list, tuple)) else value
    return values


def _derived(name: str, frame: pd.DataFrame) -> pd.Series:
    if name == "country":
        return frame["border_country"].map(lambda c: c if isinstance(c, str) and c else "none")
    msg = f"no column or derived value {name!r} for a filter"
    raise KeyError(msg)


def passes(value: object, chosen: tuple[str, ...]) -> bool:
    """Whether a feature's value passes a control's choice (nothing chosen passes everything)."""
    if not chosen:
        return True
    if isinstance(value, (list, tuple)):
        return any(item in chosen for item in value)
    return value in chosen


def choice_counts(frames: dict[str, pd.DataFrame]) -> dict[str, dict[str, int]]:
    """How many features each choice of each control holds (a road + rail port counts under both)."""
    counts: dict[str, dict[str, int]] = {}
    for control in CONTROLS:
        values = feature_values(control.layer, frames[control.layer]).values()
        counts[control.name] = {
            choice: sum(passes(v[control.field], (choice,)) for v in values) for choice in control.choices
        }
    return counts


def bar_spec(counts: dict[str, dict[str, int]] | None = None) -> list[dict[str, object]]:
    """The map's filter bar, as the browser builds it: controls, choices, their labels (with counts if given)."""

    def label(control: Control, choice: str) -> str:
        number = (counts or {}).get(control.name, {}).get(choice)
        return control.label_of(choice) + ("" if number is None else f" ({number})")

    return [
        {
            "name": c.name,
            "label": c.label,
            "layer": c.layer,
            "field": c.field,
            "all": c.all_label,
            "choices": [{"value": v, "label": label(c, v)} for v in c.choices],
        }
        for c in CONTROLS
    ]
