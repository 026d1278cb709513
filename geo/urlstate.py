"""The explorer's view as a link: filters and the selected place to and from query parameters."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, fields

from geo import settings

MAX_TEXT = 100


@dataclass(frozen=True)
class View:
    """What the page shows. Tuples hold the selected values; an empty tuple means no filter."""

    modes: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    corridor_statuses: tuple[str, ...] = ()
    zone_kinds: tuple[str, ...] = ()
    text: str = ""
    selected: str = ""


# The values each list field may hold, in display order.
CHOICES: dict[str, tuple[str, ...]] = {
    "modes": settings.MODES,
    "kinds": settings.PORT_KINDS,
    "countries": (*settings.NEIGHBOUR_COUNTRIES, "none"),
    "statuses": settings.PORT_STATUSES,
    "corridor_statuses": settings.CORRIDOR_STATUSES,
    "zone_kinds": settings.ZONE_KINDS,
}


# Query parameter name for each field of View, and the values it may take.
PARAMS: dict[str, str] = {
    "modes": "mode",
    "kinds": "kind",
    "countries": "country",
    "statuses": "status",
    "corridor_statuses": "corridor",
    "zone_kinds": "zone",
    "text": "q",
    "selected": "selected",
}
DEFAULT = View()


def parse(params: Mapping[str, str | list[str]], entity_ids: Iterable[str] = ()) -> tuple[View, list[str]]:
    """Read a view from query parameters, ignoring what cannot be used.

    Parameters
    ----------
    params : mapping
        Query parameters; a value may be a comma-separated string or a list of them.
    entity_ids : iterable of str
        Ids a ``selected`` parameter may name.

    Returns
    -------
    (View, list of str)
        The view, and one notice per ignored parameter or value (never an exception).
    """
    notices: list[str] = []
    by_param = {param: field for field, param in PARAMS.items()}
    values: dict[str, object] = {}
    for param, raw in params.items():
        field = by_param.get(param)
        if field is None:
            notices.append(f"Ignored the unknown link parameter {_quote(param)}.")
            continue
        text = ",".join(raw) if isinstance(raw, (list, tuple)) else str(raw)
        if field == "text":
            values[field] = text[:MAX_TEXT]
            if len(text) > MAX_TEXT:
                notices.append(f"Shortened the search text from the link to {MAX_TEXT} characters.")
        elif field == "selected":
            if text in set(entity_ids):
                values[field] = text
            elif text:
                notices.append(f"Ignored {_quote(text)} in 'selected': no place has that id.")
        else:
            values[field] = _parse_list(field, param, text, notices)
    return View(**values), notices


def _parse_list(field: str, param: str, text: str, notices: list[str]) -> tuple[str, ...]:
    allowed = CHOICES[field]
    items = [item.strip() for item in text.split(",") if item.strip()]
    unknown = [item for item in items if item not in allowed]
    if unknown:
        notices.append(
            f"Ignored {', '.join(map(_quote, unknown))} in {_quote(param)}: expected values from {', '.join(allowed)}."
        )
    return tuple(item for item in allowed if item in items)


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
        params[PARAMS[field.name]] = ",".join(value) if isinstance(value, tuple) else value
    return params


def as_filters(view: View) -> dict[str, tuple[str, ...] | None]:
    """The view's selections as filter arguments: ``None`` (no filter) where nothing is selected."""
    return {k: (v or None) for k, v in asdict(view).items() if isinstance(v, tuple)}
