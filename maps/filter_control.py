"""The in-map filter panel: by country and by group, without re-running incmap.

Category filtering is the layer control's job (one overlay per category);
the date range is added to this panel by ``maps.timeline``.  Element ids
``incmap-country`` and ``incmap-group`` are stable for scripts and tests.
"""
from maps.elements import FeatureScript


class FilterControl(FeatureScript):
    """Country and group selects, a shown/total counter and a reset button."""

    script_name = "filter_control.js"
