"""The explorer's view as a link: filters, selection, layers and map position to and from query parameters."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, fields, replace
from datetime import date

from geo.data import periods
from geo.explore import controls

MAX_TEXT = controls.SEARCH_MAX
# The map's layers a link can turn on or off; all are on unless the link names some.
LAYERS: tuple[str, ...] = ("base", "zones", "corridors", "ports")
MAX_ZOOM = 18


@dataclass(frozen=True)
class View:
    """What the page shows. Filter tuples hold the chosen values (empty: no filter); ``layers`` those turned on."""

    modes: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    corridor_statuses: tuple[str, ...] = ()
    zone_kinds: tuple[str, ...] = ()
    text: str = ""
    selected: str = ""
    layers: tuple[str, ...] = LAYERS
    at: tuple[float, ...] = ()
    period: str = ""  # the figures' period filter, as ``geo.data.periods.format_range`` writes it; "" is all
    year: str = ""  # the map's year control (four digits): ports as they stood then; "" is today
    size: str = ""  # the map's "Size by" choice (geo.render.sizes key, metric.period); "" is all ports alike

    def filters(self) -> dict[str, tuple[str, ...]]:
        """The control name → chosen values, for every control."""
        return {c.name: getattr(self, c.name) for c in controls.CONTROLS}

    def period_range(self) -> tuple[date, date] | tuple[None, None]:
        """The period filter as (first day, last day), or (None, None) for every figure."""
        found, _ = periods.parse_range(self.period)
        return found or (None, None)

    def same_places(self, other: View) -> bool:
        """Whether two views show the same places and figures (map position and layers aside)."""
        return replace(self, layers=LAYERS, at=()) == replace(other, layers=LAYERS, at=())


# The values each list field may hold, in display order.
CHOICES: dict[str, tuple[str, ...]] = {c.name: c.choices for c in controls.CONTROLS}
# Query parameter name for each field of View.
PARAMS: dict[str, str] = {
    **{c.name: c.param for c in controls.CONTROLS},
    "text": "q",
    "selected": "selected",
    "layers": "layers",
    "at": "at",
    "period": periods.PARAM,
    "year": "year",
    "size": "size",
}
DEFAULT = View()


def parse(params: Mapping[str, str | list[str]], entity_ids: Iterable[str] = ()) -> tuple[View, list[str]]:
    """Read a view from query parameters, ignoring what cannot be used.

    Parameter names and values are read without regard to case (``?mode=Rail``, ``?country=kaz``).

    Parameters
    ----------
    params : mapping
        Query parameters; a value may be a comma-separated string or a list of them.
    entity_ids : iterable of str
        Ids a ``selected`` parameter may name.

    Returns
    -------
    (View, list of str)
        The view, and the notices about what was ignored (never an exception); unknown parameters are
        named together in one notice.
    """
    notices: list[str] = []
    unknown: list[str] = []
    by_param = {param: field for field, param in PARAMS.items()}
    values: dict[str, object] = {}
    for param, raw in params.items():
        field = by_param.get(param.strip().lower())
        if field is None:
            unknown.append(param)
            continue
        text = ",".join(raw) if isinstance(raw, (list, tuple)) else str(raw)
        if field == "text":
            values[field] = text[:MAX_TEXT]
            if len(text) > MAX_TEXT:
                notices.append(f"Shortened the search text from the link to {MAX_TEXT} characters.")
        elif field == "selected":
            # Matched without regard to case, kept as the place's own id (an uploaded file's ids may have capitals).
            wanted = {fid.lower(): fid for fid in entity_ids}.get(text.strip().lower())
            if wanted is not None:
                values[field] = wanted
            elif text:
                notices.append(f"Ignored {_quote(text)} in 'selected': no place has that id.")
        elif field == "at":
            values[field] = _parse_at(text, notices)
        elif field == "period":
            found, said = periods.parse_range(text)
            notices += said
            values[field] = periods.format_range(*found) if found else ""
        elif field == "layers":
            values[field] = _parse_layers(text, notices)
        elif field == "year":
            values[field] = _parse_year(text, notices)
        elif field == "size":
            values[field] = _parse_size(text, notices)
        else:
            values[field] = _parse_list(text, CHOICES[field], PARAMS[field], notices)
    if unknown:
        names = ", ".join(map(_quote, unknown[:5])) + (f" and {len(unknown) - 5} more" if len(unknown) > 5 else "")
        notices.insert(0, f"Ignored link parameters the explorer does not know: {names}.")
    return View(**values), notices


def _parse_list(text: str, allowed: tuple[str, ...], param: str, notices: list[str]) -> tuple[str, ...]:
    by_folded = {choice.casefold(): choice for choice in allowed}
    items = [item.strip() for item in text.split(",") if item.strip()]
    unknown = [item for item in items if item.casefold() not in by_folded]
    if unknown:
        notices.append(
            f"Ignored {', '.join(map(_quote, unknown[:5]))} in {_quote(param)}: expected values from {', '.join(allowed)}."
        )
    wanted = {by_folded[item.casefold()] for item in items if item.casefold() in by_folded}
    return tuple(choice for choice in allowed if choice in wanted)


def _parse_layers(text: str, notices: list[str]) -> tuple[str, ...]:
    """The layers a link turns on. ``layers=`` turns every layer off; a list naming no known layer is ignored
    (every layer stays on) rather than read as "none": a typo must not blank the map."""
    chosen = _parse_list(text, LAYERS, "layers", notices)
    if chosen or not text.strip(" ,"):
        return chosen
    notices[-1] = notices[-1].removesuffix(".") + "; every layer stays on."
    return LAYERS


def _parse_at(text: str, notices: list[str]) -> tuple[float, ...]:
    """``lat,lon,zoom`` → (lat, lon, zoom), within the world and Leaflet's zooms; anything else is ignored."""
    parts = text.split(",")
    try:
        lat, lon, zoom = (float(p) for p in parts) if len(parts) == 3 else (math.nan,) * 3
    except ValueError:
        lat = lon = zoom = math.nan
    finite = all(math.isfinite(v) for v in (lat, lon, zoom))
    if finite and -90 <= lat <= 90 and -180 <= lon <= 180 and 0 <= zoom <= MAX_ZOOM:
        return (round(lat, 4), round(lon, 4), round(zoom, 2))
    notices.append(f"Ignored {_quote(text)} in 'at': expected latitude,longitude,zoom such as 42.5,82,5.")
    return ()


def _parse_year(text: str, notices: list[str]) -> str:
    """A year as four digits (the map keeps it within its events' years); anything else is ignored."""
    year = text.strip()
    if not year or (len(year) == 4 and year.isascii() and year.isdigit()):
        return year
    notices.append(f"Ignored {_quote(text)} in 'year': expected a year such as 2010.")
    return ""


# A measure's key as the map names it (geo/render/sizes.py KEY): the map ignores a well-formed key it lacks.
_SIZE = re.compile(r"[a-z][a-z0-9_]*\.[0-9./-]+")


def _parse_size(text: str, notices: list[str]) -> str:
    """A "Size by" key (``metric.period``); anything else is ignored."""
    size = text.strip()
    if not size or (len(size) <= 80 and _SIZE.fullmatch(size)):
        return size
    notices.append(f"Ignored {_quote(text)} in 'size': expected a measure such as cargo_throughput.2025.")
    return ""


def _quote(text: str) -> str:
    shown = text if len(text) <= 40 else text[:37] + "..."
    return repr(shown)


def to_params(view: View) -> dict[str, str]:
    """The query parameters that reproduce a view; values equal to the default are left out."""
    params = {}
    for field in fields(View):
        value = getattr(view, field.name)
        if value == getattr(DEFAULT, field.name):
            continue
        if field.name == "at":
            params["at"] = ",".join(f"{v:g}" for v in value)
        else:
            params[PARAMS[field.name]] = ",".join(value) if isinstance(value, tuple) else value
    return params


def from_map(state: Mapping[str, object], entity_ids: Iterable[str]) -> View:
    """The view the map component reports (or is told): its values checked like a link's, silently.

    The browser sends control names → lists, ``text``, ``selected``, ``at`` [lat, lon, zoom] and ``layers``.
    """
    filters = state.get("filters") if isinstance(state.get("filters"), Mapping) else {}
    params: dict[str, str] = {}
    for control in controls.CONTROLS:
        chosen = filters.get(control.name)
        if isinstance(chosen, list):
            params[control.param] = ",".join(str(v) for v in chosen)
    for key in ("text", "selected"):
        if isinstance(state.get(key), str):
            params[PARAMS[key]] = state[key]
    at = state.get("at")
    if isinstance(at, list) and len(at) == 3:
        params["at"] = ",".join(str(v) for v in at)
    if isinstance(state.get("layers"), list):
        params["layers"] = ",".join(str(v) for v in state["layers"])
    view, _ = parse(params, entity_ids)
    return view


def to_map(view: View) -> dict[str, object]:
    """The view as the map component takes it (see ``from_map``)."""
    return {
        "filters": {c.name: list(getattr(view, c.name)) for c in controls.CONTROLS},
        "text": view.text,
        "selected": view.selected,
        "at": list(view.at) or None,
        "layers": list(view.layers),
        "year": view.year,
        "size": view.size,
    }


def as_filters(view: View) -> dict[str, tuple[str, ...] | None]:
    """The view's selections as filter arguments: ``None`` (no filter) where nothing is selected."""
    return {k: (v or None) for k, v in asdict(view).items() if isinstance(v, tuple) and k in CHOICES}


def address_spec() -> dict[str, object]:
    """The address rules as the browser takes them (static/xj/view.js ``addressParams``, which writes the
    address as ``to_params`` does): the fields in order with their parameter, the controls' choices, the layers."""
    return {
        "fields": [[f.name, PARAMS[f.name]] for f in fields(View)],
        "choices": {name: list(choices) for name, choices in CHOICES.items()},
        "layers": list(LAYERS),
    }
