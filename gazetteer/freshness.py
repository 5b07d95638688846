"""A warning when a compiled module (``tools/compile.py``) is older than its ``.py``.

Python imports an extension module before the ``.py`` beside it, so after an edit
the old compiled code would run, silently, until ``make compile`` rebuilds it.
"""
from __future__ import annotations

import os
import warnings
from importlib.machinery import EXTENSION_SUFFIXES


def stale_extensions(folder: str) -> list[str]:
    """Names of the compiled modules in ``folder`` older than their ``.py``."""
    out = []
    with os.scandir(folder) as entries:
        for entry in entries:
            suffix = next((s for s in EXTENSION_SUFFIXES if entry.name.endswith(s)), None)
            if suffix is None:
                continue
            source = os.path.join(folder, entry.name[:-len(suffix)] + ".py")
            if os.path.exists(source) and entry.stat().st_mtime < os.stat(source).st_mtime:
                out.append(entry.name[:-len(suffix)] + ".py")
    return sorted(out)


def warn_if_stale(folder: str) -> None:
    """Warn once per package import about compiled modules older than their source."""
    stale = stale_extensions(folder)
    if stale:
        warnings.warn(f"compiled modules in {folder} are older than {', '.join(stale)}: the old code runs; "
                      "run `make compile` (or `make pure` for pure Python)", RuntimeWarning, stacklevel=2)
