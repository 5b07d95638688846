"""Whether a compiled module older than its source is reported (gazetteer.freshness)."""
import os
import warnings
from importlib.machinery import EXTENSION_SUFFIXES

from gazetteer.freshness import stale_extensions, warn_if_stale


def test_an_extension_older_than_its_source_is_stale(tmp_path):
    ext = tmp_path / ("toponyms" + EXTENSION_SUFFIXES[0])
    src = tmp_path / "toponyms.py"
    ext.write_bytes(b"")
    src.write_text("x = 1\n")
    os.utime(ext, (1_000_000, 1_000_000))
    assert stale_extensions(str(tmp_path)) == ["toponyms.py"]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        warn_if_stale(str(tmp_path))
    assert "toponyms.py" in str(caught[0].message) and "make compile" in str(caught[0].message)


def test_a_fresh_extension_or_a_lone_source_is_not(tmp_path):
    (tmp_path / "rank.py").write_text("x = 1\n")
    ext = tmp_path / ("rank" + EXTENSION_SUFFIXES[0])
    ext.write_bytes(b"")
    (tmp_path / "text.py").write_text("y = 2\n")
    assert stale_extensions(str(tmp_path)) == []
