"""Country outlines that show where things are even when no tile loads.

The world-atlas borders (built into ``maps/assets/`` by ``maps.assets``) are
embedded as GeoJSON.  Over tiles they are faint lines; on the offline base
layer, or once tiles keep failing, they become filled land on a sea-coloured
background.  The country picked in the filter is outlined in bold.
"""
from branca.element import MacroElement
from jinja2 import Template

from maps.assets import outline_geojson_text, safe_script_text
from maps.elements import static_text


class CountryOutline(MacroElement):
    """The outline layer plus the tiles / offline base-layer switch."""

    _template = Template("""
{% macro html(this, kwargs) %}
<script type="application/json" id="incmap-outline">{{ this.geojson }}</script>
{% endmacro %}
{% macro script(this, kwargs) %}
{{ this.source }}
{% endmacro %}
""")

    def __init__(self):
        super().__init__()
        self._name = "CountryOutline"
        # Country names in the outlines are ASCII and contain no markup; the
        # JSON is still made safe for a <script> element on principle.
        self.geojson = outline_geojson_text().replace("<", "\\u003c")
        self.source = safe_script_text(static_text("outline.js"))
