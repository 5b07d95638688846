"""incmap's gazetteer: places, their Arabic names, and finding them in text.

    >>> import gazetteer
    >>> gazetteer.load().resolve("بنغازي")[0].place.name
    'Benghazi'
"""
from .index import Gazetteer, load
from .model import Candidate, Mention, Place

__all__ = ["Gazetteer", "load", "Place", "Candidate", "Mention"]
