"""Imported by the fork server of an extraction pool: what every worker reads, loaded once before forking.

Workers forked from a process that already holds the gazetteer index, its
transliteration index and the extractor's modules share those pages with it
(copy-on-write) instead of each loading a private copy: two workers then
cost little more memory than one.
"""
import gc

import gazetteer

from . import incidents  # noqa: F401  (the extractor's modules and lexicons)

gazetteer.load().warm()

# The loaded state stays out of the fork server's own collections, and so out of its workers'
# (they inherit it frozen): a collection writes to every object it examines, which would copy the
# pages the workers share.
gc.freeze()
