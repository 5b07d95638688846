"""The one way page features reach the HTML: a Folium element running a static script.

Each feature of the map (layers, popups, filters, timeline, legend, outline,
heat) is a script in ``maps/static/`` that receives the page's ``incmap``
object; its Python module adds it to the Folium map with the class below, so
the map's script block runs the features in the order they were added.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from branca.element import Element, MacroElement
from jinja2 import Template

from maps.assets import safe_script_text

STATIC_DIR = Path(__file__).resolve().parent / "static"


@lru_cache(maxsize=None)
def static_text(name: str) -> str:
    """The text of a file in ``maps/static/``."""
    return (STATIC_DIR / name).read_text(encoding="utf-8")


class FeatureScript(MacroElement):
    """Runs ``maps/static/<script_name>`` in the map's script block."""

    script_name = ""
    _template = Template("{% macro script(this, kwargs) %}\n{{ this.source }}\n{% endmacro %}")

    def __init__(self):
        super().__init__()
        self._name = "IncmapFeature"
        self.source = safe_script_text(static_text(self.script_name))


def add_to_header(figure, name: str, html: str) -> None:
    """Put raw ``html`` (inline ``<style>``/``<script>``) into the page's ``<head>``."""
    figure.header.add_child(Element(html), name=name)
