"""incmap's gazetteer: places, their Arabic names, and finding them in text.

    >>> import gazetteer
    >>> gazetteer.load().resolve("بنغازي")[0].place.name
    'Benghazi'
"""
import os as _os

from .freshness import warn_if_stale as _warn_if_stale

_warn_if_stale(_os.path.dirname(__file__))  # before importing what may be compiled
from .index import Gazetteer, load  # noqa: E402
from .model import Candidate, Mention, Place  # noqa: E402

__all__ = ["Gazetteer", "load", "Place", "Candidate", "Mention"]
