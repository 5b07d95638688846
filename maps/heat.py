"""A heat-map layer (leaflet.heat) of the incidents shown, off until switched on."""
from maps.elements import FeatureScript


class HeatLayer(FeatureScript):
    """Heat-map overlay that follows the in-map filters."""

    script_name = "heat.js"
