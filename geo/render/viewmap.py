"""The standalone HTML of one view: the places its filters show, its selection and position, its period's figures."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import folium
from branca.element import Element, MacroElement
from jinja2 import Template
from markupsafe import Markup

from geo import settings
from geo.data import join, periods
from geo.data.dataset import Dataset
from geo.explore import controls, urlstate
from geo.explore.filter import filter_layer
from geo.explore.urlstate import View
from geo.render import figures, mapping
from geo.render.mapping import drawable

LAYERS = tuple(layer.name for layer in settings.LAYERS)
_HEADING = Markup('<header><h1 class="xj-view-title">{}</h1><p class="xj-view-about">{}</p></header>')


class ViewState(MacroElement):
    """Turns the export's map to the view: layers and position as they were, the selected place open."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function (x, view) {
            if (view.at || view.layers) x.setView({ at: view.at, layers: view.layers });
            if (!view.selected) return;
            x.select(view.selected, { source: "command", reveal: !view.at });
            // As a click on it opens it (folium binds the popups to the layer, not to each feature), once the
            // base has loaded and the symbols are laid out (which redraws them), and after the pan to it.
            var open = function () {
                var item = x.items[view.selected], layer = item && item.showing;
                if (!layer || !x.map.hasLayer(layer)) return;
                var at = item.drawnAt || item.latlng || (layer.getBounds && layer.getBounds().getCenter());
                layer.fire("click", { latlng: layer.getLatLng ? layer.getLatLng() : at }, true);
            };
            var later = function () { setTimeout(open, view.at ? 0 : 900); };
            Promise.resolve(x.opts.baseReady).then(later, later);
        })({{ this.explorer.get_name() }}, {{ this.view|tojson }});
        if ({{ this.explorer.get_name() }}.opts.timeline) {{ this.explorer.get_name() }}.yearOnMap({{ this.view.year|tojson }} || null);
        if ({{ this.explorer.get_name() }}.sizeBox && {{ this.view.size|tojson }}) {{ this.explorer.get_name() }}.setSize({{ this.view.size|tojson }});
        {% endmacro %}
        """
    )

    def __init__(self, explorer: MacroElement, view: View):
        super().__init__()
        self._name = "ViewState"
        state = urlstate.to_map(view)
        self.explorer, self.view = explorer, {k: state[k] for k in ("selected", "at", "layers", "year", "size")}


def shown(dataset: Dataset, view: View) -> dict:
    """The places the view's filters and search show, layer by layer, filtered as the page and the map filter them."""
    frames = {name: dataset.layer(name) for name in LAYERS}
    keys = controls.search_keys(frames, dataset.groups)
    return {name: filter_layer(frame, name, view.filters(), view.text, keys[name]) for name, frame in frames.items()}


def view_title(dataset: Dataset, view: View, places: dict | None = None) -> str:
    """What the view shows in a line: ``Rail ports, 2025 figures — 7 of 22 ports``."""
    places = shown(dataset, view) if places is None else places
    by_name = {c.name: c for c in controls.CONTROLS}
    modes = [by_name["modes"].label_of(m) for m in view.modes]
    what = f"{'/'.join(modes)} ports" if modes else "All ports"
    narrower = [
        " or ".join(by_name[name].label_of(v) for v in getattr(view, name))
        for name in ("kinds", "countries", "statuses")
        if getattr(view, name)
    ]
    if narrower:
        what += f" ({'; '.join(narrower)})"
    others = [
        f"{name.split('_')[0]}s: {' or '.join(by_name[name].label_of(v) for v in getattr(view, name))}"
        for name in ("corridor_statuses", "zone_kinds")
        if getattr(view, name)
    ]
    parts = [what, *others]
    if view.text.strip():
        parts.append(f"matching “{view.text.strip()}”")
    start, end = view.period_range()
    parts.append(f"{periods.range_label(start, end)} figures" if start else "all figures")
    if view.year:
        parts.append(f"ports drawn as of {view.year}")
    return f"{', '.join(parts)} — {len(places['ports'])} of {len(dataset.ports)} ports"


def view_map(dataset: Dataset, view: View, made: date | None = None) -> folium.Map:
    """The map of one view as a standalone page: only the places shown, only the period's figures, titled.

    Parameters
    ----------
    dataset : Dataset
        The whole validated data.
    view : View
        Filters, search, selected place, map position, layers turned on and period, as the page holds them.
    made : date, optional
        The day the file is made, written under its title (today if not given).

    Returns
    -------
    folium.Map
        Leaflet, the explorer and the base map inlined: the file needs no server and no network.
    """
    places = shown(dataset, view)
    start, end = view.period_range()
    cited = join.with_parents(join.cite(dataset.facts, dataset.sources), dataset.parents(), dataset.entity_names())
    _, left_out = periods.keep_in_range(cited[cited["about"] == cited["entity_id"]], start, end)
    subset = replace(dataset, **places)
    m = mapping.build_map(subset, assets="inline", cited=cited)
    explorer = next(child for child in m._children.values() if isinstance(child, mapping.Explorer))
    # The popups compose the period's figures as the app's do, and say how many they leave out.
    explorer.options["period"] = figures.period_option(start, end)
    selected = view.selected if any(view.selected in frame.index for frame in places.values()) else ""
    ViewState(explorer, replace(view, selected=selected)).add_to(m)
    _page(m, dataset, view, places, left_out, selected, made or date.today())
    return m


def view_html(dataset: Dataset, view: View, made: date | None = None) -> str:
    """:func:`view_map` as the text of one HTML file."""
    return view_map(dataset, view, made).get_root().render()


def _page(m: folium.Map, dataset: Dataset, view: View, places: dict, left_out: int, selected: str, made: date) -> None:
    root = m.get_root()
    title = view_title(dataset, view, places)
    undrawn = len(places["ports"]) - len(drawable(places["ports"]))
    about = [
        f"{len(places['corridors'])} of {len(dataset.corridors)} rail corridors and {len(places['zones'])} of "
        f"{len(dataset.zones)} zones."
    ]
    if undrawn:
        about.append(f"{undrawn} of the ports shown have no sourced location: listed in the data, not drawn.")
    start, end = view.period_range()
    if start:
        about.append(
            f"Figures whose period overlaps {periods.range_label(start, end)} only; {left_out} others are left out."
        )
    if selected:
        name = next(frame.loc[selected, "name"] for frame in places.values() if selected in frame.index)
        about.append(f"Selected: {name}.")
    about.append(f"From the Xinjiang ports explorer, {made.isoformat()}. Click a place for its figures and sources.")
    root.header.add_child(Element(Markup("<title>{}</title>").format(title)), name="xj_title")
    root.html.add_child(Element(_HEADING.format(title, " ".join(about))), name="xj_heading", index=0)
    root.html.add_child(Element("<script>document.body.classList.add('xj-export');</script>"), name="xj_body")
