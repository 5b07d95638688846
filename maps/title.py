"""The map's title, shown centred over the map and in the page's <title>."""
from maps.elements import FeatureScript


class Title(FeatureScript):
    """Title box (text only; the title may come from user input)."""

    script_name = "title.js"
