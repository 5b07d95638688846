"""The page's data and the ``incmap`` object every feature script works on.

The incidents are embedded once, as JSON in a ``<script type="application/json">``
element, and parsed by the browser's JSON parser (much faster than the same
data written as a JavaScript literal); ``static/core.js`` then exposes them
with the filter pipeline on ``window.incmap``.
"""
from __future__ import annotations

from branca.element import MacroElement
from jinja2 import Template

from maps.assets import safe_script_text
from maps.dataset import script_json
from maps.elements import static_text
from maps.labels import country_name, labels


def page_meta(records: list[dict], title: str | None) -> dict:
    """What the scripts need besides the records: labels, country names, title."""
    codes = set()
    for record in records:
        codes.update([record["cc"]] if record.get("cc") else [])
        codes.update(record.get("act", []))
    return {
        "title": title,
        "labels": {k: v for k, v in labels().items() if not k.startswith("_")},
        "countries": {cc: list(country_name(cc)) for cc in sorted(codes)},
    }


class IncidentData(MacroElement):
    """Embeds the records and meta data and creates ``window.incmap``.

    ``tiles`` is the Folium tile layer (or None), handed to the page so the
    outline layer can tell when tiles fail to load.
    """

    _template = Template("""
{% macro html(this, kwargs) %}
<script type="application/json" id="incmap-meta">{{ this.meta_json }}</script>
<script type="application/json" id="incmap-data">{{ this.data_json }}</script>
{% endmacro %}
{% macro script(this, kwargs) %}
{{ this.source }}
incmapCore({{ this._parent.get_name() }}, {{ this.tiles_name }});
{% endmacro %}
""")

    def __init__(self, records: list[dict], title: str | None = None, tiles=None):
        super().__init__()
        self._name = "IncidentData"
        self.data_json = script_json(records)
        self.meta_json = script_json(page_meta(records, title))
        self.tiles_name = tiles.get_name() if tiles is not None else "null"
        self.source = safe_script_text(static_text("core.js"))


class Finish(MacroElement):
    """Runs last: builds the layer control and draws the first view."""

    _template = Template("{% macro script(this, kwargs) %}\nwindow.incmap.finish();\n{% endmacro %}")

    def __init__(self):
        super().__init__()
        self._name = "IncmapFinish"
