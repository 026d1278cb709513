"""The rule book of the explorer's filters: controls, choices, search keys, and the spec the browser gets."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

import pandas as pd

from geo import settings
from geo.data.load import gc_paused
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
# A layer filtered by another's controls, where its features have the property: an analyst's upload is
# filtered as ports are.
BORROWS: dict[str, str] = {"upload": "ports"}
SEARCH_LABEL = "Search (English or 中文)"  # short enough to show whole on a phone
SEARCH_MAX = 100


def applying(layer: str) -> tuple[Control, ...]:
    """The controls that filter ``layer``: its own, or those of the layer it borrows from."""
    owner = BORROWS.get(layer, layer)
    return tuple(control for control in CONTROLS if control.layer == owner)


def fold(text: object) -> str:
    """Text as search compares it: accents and case folded, spaces and punctuation dropped.

    ``Ürümqi`` and ``urumqi`` fold alike, as do ``Jalal-Abad`` and ``jalal abad``. The map's filter bar
    folds what a viewer types the same way (``XJCore.fold`` in static/xj/core.js; tests/cases/rules.json).
    """
    # Regex \w is str.isalnum() plus "_", and no combining mark is alphanumeric: one substitution drops
    # exactly what a per-character test would, several times faster (every name of every feature is folded for its search key).
    return _NOT_ALNUM.sub("", unicodedata.normalize("NFKD", "" if text is None else str(text))).lower()


_NOT_ALNUM = re.compile(r"[\W_]+")


def _texts(value: object) -> list[str]:
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value if v is not None]
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return []
    return [str(value)]


def _values(frame: pd.DataFrame, column: str) -> list:
    """A column's values as a list (None for each row where the frame lacks the column)."""
    return frame[column].tolist() if column in frame else [None] * len(frame)


def _name_lists(frame: pd.DataFrame) -> list[list[str]]:
    """Each row's names (name, Chinese name, id, aliases), read a column at a time rather than row by row."""
    columns = (_values(frame, column) for column in ("name", "name_zh", "id", "aliases"))
    # Most cells are plain text: taken as they are, without _texts' checks (a tenth of the keys' time).
    return [
        [text for value in row for text in ((value,) if type(value) is str else _texts(value))]
        for row in zip(*columns, strict=True)
    ]


def search_keys(frames: dict[str, pd.DataFrame], groups: pd.DataFrame | None = None) -> dict[str, dict[str, str]]:
    """Each feature's folded search text: its names and aliases, its parent's, the other names of the town and
    port group it stands in (``place_aliases``) and its partner crossing's names; a corridor's stations' and ports'.

    So a corridor through Horgos is found by 霍尔果斯, a port by its group's name, a Horgos zone by Korgas and the
    Alashankou ports by Dostyk. Built column by column, each distinct text folded once (100,000 synthetic ports
    share most of their words): compute it once per dataset and pass it on.

    Returns
    -------
    dict
        ``{layer name: {feature id: folded text}}``; names are separated by ``|`` so a search never
        matches across two names.
    """
    with gc_paused():
        return _search_keys(frames, groups)


def _search_keys(frames: dict[str, pd.DataFrame], groups: pd.DataFrame | None) -> dict[str, dict[str, str]]:
    folded: dict[str, str] = {}

    def key(names: list[str]) -> str:
        out = []
        for name in names:
            text = folded.get(name)
            if text is None:
                text = folded[name] = fold(name)
            if text:
                out.append(text)
        return "|".join(dict.fromkeys(out))

    parents: dict[object, list[str]] = {}
    if groups is not None:
        parents = dict(zip(groups.index, _name_lists(groups), strict=True))
    crossings: dict[str, list[str]] = {}

    def partner(text: object) -> list[str]:
        if not isinstance(text, str):
            return []
        found = crossings.get(text)
        if found is None:
            found = crossings[text] = crossing_names(text)
        return found

    ports = frames.get("ports", pd.DataFrame())
    port_names = dict(zip(ports.index, _name_lists(ports), strict=True))
    keys: dict[str, dict[str, str]] = {}
    for layer, frame in frames.items():
        rows = zip(
            _name_lists(frame),
            _values(frame, "parent"),
            _values(frame, "place_aliases"),
            _values(frame, "partner_crossing"),
            strict=True,
        )
        names = [
            own + parents.get(str(parent or ""), []) + _texts(place) + partner(crossing)
            for own, parent, place, crossing in rows
        ]
        if layer == "corridors":
            for own, waypoints, aliases, via in zip(
                names,
                _values(frame, "waypoints"),
                _values(frame, "waypoint_aliases"),
                _values(frame, "via_ports"),
                strict=True,
            ):
                own += _texts(waypoints) + _texts(aliases)
                for port_id in _texts(via):
                    own += port_names.get(port_id, [])
        keys[layer] = dict(zip(frame.index, map(key, names), strict=True))
    return keys


def crossing_names(text: str) -> list[str]:
    """The names a partner crossing is given as ports.csv writes it: ``"Nur Zholy (Khorgos, Kazakhstan)"`` gives
    Nur Zholy and Khorgos.

    The country is left out: it is chosen with its own filter, and as a name it would find every port on that
    border.

    Returns
    -------
    list of str
        The post's name, then the other names in its brackets, as written.
    """
    return [part.strip() for part in _CROSSING_PARTS.split(text) if fold(part) and fold(part) not in _COUNTRIES]


_CROSSING_PARTS = re.compile(r"[(),;]")
_COUNTRIES = frozenset(fold(name) for name in settings.NEIGHBOUR_COUNTRIES.values())


def feature_values(layer: str, frame: pd.DataFrame) -> dict[str, dict[str, object]]:
    """The values the controls of ``layer`` test, per feature id (lists stay lists).

    A feature of a borrowing layer (an upload) carries a value only for the properties it has, so a control
    whose property it lacks does not filter it; its ``modes`` are the words of a ``modes`` or ``mode`` property
    (``"road, rail"``, ``["road"]``).
    """
    with gc_paused():
        return _feature_values(layer, frame)


def _feature_values(layer: str, frame: pd.DataFrame) -> dict[str, dict[str, object]]:
    fields, columns = [], []
    for control in applying(layer):
        column = _column(control.field, frame, borrowed=layer in BORROWS)
        if column is not None:
            fields.append(control.field)
            columns.append([list(v) if isinstance(v, (list, tuple)) else v for v in column.tolist()])
    if not fields:
        return {fid: {} for fid in frame.index}
    # Built a column at a time; a repeated id keeps its last row's values.
    return {
        fid: dict(zip(fields, row, strict=True))
        for fid, row in zip(frame.index, zip(*columns, strict=True), strict=True)
    }


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value) or (isinstance(value, float) and pd.isna(value))


def _column(name: str, frame: pd.DataFrame, borrowed: bool) -> pd.Series | None:
    source = {"country": "border_country"}.get(name, name)
    if borrowed and name == "modes":
        source = next((c for c in ("modes", "mode") if c in frame), source)
    if source not in frame:
        if borrowed:
            return None
        msg = f"no column {source!r} for the filter on {name!r}"
        raise KeyError(msg)
    column = frame[source]
    if name == "country":  # no neighbouring country (an airport, an inland port) is chosen as "none"
        return column.map(lambda c: "none" if _missing(c) else str(c))
    if borrowed and name == "modes":
        return column.map(lambda v: [] if _missing(v) else re.findall(r"[a-z]+", str(v).lower()))
    if borrowed:  # an upload's own values, as text
        return column.map(lambda v: "none" if _missing(v) else str(v))
    return column


def passes(value: object, chosen: tuple[str, ...]) -> bool:
    """Whether a feature's value passes a control's choice (nothing chosen passes everything)."""
    if not chosen:
        return True
    if isinstance(value, (list, tuple)):
        return any(item in chosen for item in value)
    return value in chosen


def choice_counts(frames: dict[str, pd.DataFrame]) -> dict[str, dict[str, int]]:
    """How many features each choice of each control holds (a road + rail port counts under both)."""
    with gc_paused():
        return _choice_counts(frames)


def _choice_counts(frames: dict[str, pd.DataFrame]) -> dict[str, dict[str, int]]:
    counts: dict[str, dict[str, int]] = {}
    for layer, frame in frames.items():
        values = feature_values(layer, frame).values()
        for control in applying(layer):
            # One pass per control: a value counts for the choice it equals, a list for each distinct choice in it
            # (as ``passes`` tests them; choices are text, so only text can equal one).
            tally: Counter[str] = Counter()
            for value in values:
                items = (
                    value[control.field] if isinstance(value[control.field], (list, tuple)) else (value[control.field],)
                )
                tally.update({item for item in items if isinstance(item, str)})
            counts[control.name] = {choice: tally[choice] for choice in control.choices}
    return counts


def spec(counts: dict[str, dict[str, int]] | None = None) -> dict[str, object]:
    """The rule book as the browser takes it (static/xj/core.js ``shown``, the app's filter bar).

    Returns
    -------
    dict
        ``controls``: name, label, layer, field, the "all" label and the choices with their labels and counts
        (None unless given; the browser counts them again beside the other filters: XJCore.facetCounts); ``borrow``: layer → the layer whose controls filter it; ``search``: the search
        box's label and length.
    """

    controls = [
        {
            "name": c.name,
            "label": c.label,
            "layer": c.layer,
            "field": c.field,
            "all": c.all_label,
            "choices": [
                {"value": v, "label": c.label_of(v), "count": (counts or {}).get(c.name, {}).get(v)} for v in c.choices
            ],
        }
        for c in CONTROLS
    ]
    return {"controls": controls, "borrow": dict(BORROWS), "search": {"label": SEARCH_LABEL, "max": SEARCH_MAX}}
