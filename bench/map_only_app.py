"""The benchmark's second floor: Streamlit with only our map element (same payload, no tables, charts or sidebar)."""

import streamlit as st

from geo import settings
from geo.explore import urlstate
from geo.explore.urlstate import View
from geo.render import mapping
from web import mapview, shared, text

# The page's own functions, so the map, its payload (built once per process) and its assets are the app's.
st.set_page_config(page_title="Map only", layout="wide")
text.page_style()
assets, _ = mapview.assets_mode()
mapview.map_component()(
    key=mapview.MAP_KEY,
    data={
        "map": shared.base_payload(settings.data_dir(), assets),
        "command": {"rev": 0, "view": urlstate.to_map(View()), "reveal": False},  # the opening view, as a link's
        "assets": mapping.component_assets(),
        "period": None,
    },
    default={"view": None},
    on_view_change=lambda: None,
    height=mapview.MAP_HEIGHT,
)
