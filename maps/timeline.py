"""The date-range control: two sliders over a histogram of incidents per month.

Shown only when some incident carries a date.  Month and year dates cover
their whole interval; undated incidents are kept unless the user unticks them.
"""
from maps.elements import FeatureScript


class Timeline(FeatureScript):
    """Date range sliders (ids ``incmap-date-from``/``incmap-date-to``) in the filter panel."""

    script_name = "timeline.js"
