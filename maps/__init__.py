"""Rendering: incidents to a self-contained, offline Folium/Leaflet HTML map.

``to_html(gdf, title=None)`` is the entry point; ``python -m maps.assets``
must have fetched the browser assets from npm once beforehand.
"""
from maps.assets import AssetsMissing
from maps.render import build_map, to_html

__all__ = ["to_html", "build_map", "AssetsMissing"]
