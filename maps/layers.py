"""One layer per category (attack, operation, deployment), clustered where markers crowd.

Markers are built in the browser from the embedded records (see
``static/layers.js``): one shared SVG icon per category, solid for exact
places and hollow with a dashed ring for approximate ones, and a dashed
circle of the uncertainty radius for province-, region- and country-level
incidents, so they are not drawn as if they were exact.
"""
from maps.elements import FeatureScript


class CategoryLayers(FeatureScript):
    """Clustered marker layers and uncertainty areas, one overlay per category."""

    script_name = "layers.js"
