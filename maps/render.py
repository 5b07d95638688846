"""The incident map as one self-contained HTML page.

``to_html`` is what ``incmap map`` and ``incmap run`` call.  It builds a
Folium map whose only network resource is the tile URL: Folium's CDN
scripts and stylesheets are dropped and the npm-fetched assets inlined
(``maps.assets``), and every feature (layers, popups, filters, timeline,
heat map, outline, legend) is added as one element of its own module.
"""
from __future__ import annotations

import html

import folium

from maps.assets import head_html
from maps.core import Finish, IncidentData
from maps.dataset import incident_records
from maps.elements import add_to_header, static_text
from maps.filter_control import FilterControl
from maps.heat import HeatLayer
from maps.labels import labels
from maps.layers import CategoryLayers
from maps.legend import Legend
from maps.outline import CountryOutline
from maps.popup import Popups
from maps.timeline import Timeline
from maps.title import Title

TILE_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
TILE_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'


def offline_map() -> folium.Map:
    """A Folium map that links no CDN file (the page inlines its own assets)."""
    fmap = folium.Map(location=[22, 20], zoom_start=3, tiles=None, control_scale=True,
                      world_copy_jump=True)
    # Instance attributes shadow Folium's class-level CDN lists.
    fmap.default_js = []
    fmap.default_css = []
    return fmap


def build_map(data, title: str | None = None) -> folium.Map:
    """The Folium map of ``data`` (a GeoDataFrame or a GeoJSON FeatureCollection dict)."""
    records = incident_records(data)
    fmap = offline_map()
    tiles = folium.TileLayer(TILE_URL, attr=TILE_ATTRIBUTION, name=labels()["ui"]["tiles_layer"],
                             max_zoom=19, overlay=False, control=False)
    tiles.add_to(fmap)
    figure = fmap.get_root()
    add_to_header(figure, "incmap_assets", head_html())
    add_to_header(figure, "incmap_css", f"<style>\n{static_text('incmap.css')}\n</style>")
    if title:
        add_to_header(figure, "incmap_title", f"<title>{html.escape(title)}</title>")
    for element in (IncidentData(records, title, tiles), Popups(), CategoryLayers(), HeatLayer(),
                    CountryOutline(), FilterControl(), Timeline(), Legend(), Title(), Finish()):
        element.add_to(fmap)
    return fmap


def to_html(gdf, title: str | None = None) -> str:
    """The complete, self-contained HTML page of the incident map.

    Writes nothing: the caller decides where (and how atomically) to write.
    Raises ``maps.assets.AssetsMissing`` when ``python -m maps.assets`` has
    not been run.
    """
    return build_map(gdf, title).get_root().render()
