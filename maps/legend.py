"""The legend: category colours and icons, approximate markers, areas and clusters."""
from maps.elements import FeatureScript


class Legend(FeatureScript):
    """A legend box in the lower left corner, in Arabic and English."""

    script_name = "legend.js"
