"""incmap's input and output: reading articles from files, writing incident tables safely.

Readers (``iter_articles``) never raise for a bad file, they yield an
InputError for it; writers (``write_incidents``) replace their target
atomically, so a failed run leaves earlier output as it was.
"""
from geo.io.atomic import atomic_output, atomic_write_bytes, atomic_write_text
from geo.io.encoding import decode_bytes
from geo.io.readers import iter_articles, read_file

__all__ = [
    "atomic_output", "atomic_write_bytes", "atomic_write_text",
    "decode_bytes", "iter_articles", "read_file", "write_incidents", "FORMATS",
]


def __getattr__(name):
    # The writers pull in geopandas (~1 s); readers alone must stay light.
    if name in ("write_incidents", "FORMATS"):
        from geo.io import writers
        return getattr(writers, name)
    raise AttributeError(name)
