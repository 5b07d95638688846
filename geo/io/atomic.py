"""Write output files all at once or not at all.

A run that fails half way (a bug, a full disk, Ctrl-C) must not leave a
truncated map or GeoJSON where a good one was: everything is written to a
temporary file in the target's own folder (so the final rename stays on one
file system and is atomic), flushed to disk, then renamed over the target.
On failure the temporary file is removed and the target is untouched.
"""
from __future__ import annotations

import os
import secrets
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from geo.errors import IncmapError


@contextmanager
def atomic_output(path: str | os.PathLike) -> Iterator[Path]:
    """Yield a not-yet-existing temporary path beside ``path``; on success rename it over ``path``.

    The temporary name keeps the target's extension, so libraries that pick a
    format from it (GDAL drivers) choose the right one.  The new file gets
    the old file's permissions, or the umask's defaults for a new one.
    """
    target = Path(path)
    if target.is_dir():
        raise IncmapError(f"{target}: is a directory, cannot write a file there")
    directory = target.parent
    if not directory.is_dir():
        raise IncmapError(f"{target}: cannot write: folder {str(directory) or '.'} does not exist")
    temp = directory / f".{target.name}.{secrets.token_hex(6)}.tmp{target.suffix}"
    try:
        yield temp
        if not temp.exists():
            raise IncmapError(f"{target}: nothing was written")
        _fsync_file(temp)
        os.chmod(temp, _mode_for(target))
        os.replace(temp, target)
    except BaseException:
        _remove_quietly(temp)
        raise
    _fsync_dir(directory)


def atomic_write_bytes(path: str | os.PathLike, data: bytes) -> None:
    """Replace the file at path with data, atomically."""
    with atomic_output(path) as temp:
        with open(temp, "xb") as fh:
            fh.write(data)


def atomic_write_text(path: str | os.PathLike, text: str, encoding: str = "utf-8") -> None:
    """Replace the file at path with text (UTF-8, ``\\n`` line ends kept as given), atomically."""
    atomic_write_bytes(path, text.encode(encoding))


def _mode_for(target: Path) -> int:
    """Permission bits for the new file: the old file's, else 0666 less the umask."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _fsync_file(path: Path) -> None:
    """Push a file's data to disk so the rename never exposes an empty file after a crash."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(directory: Path) -> None:
    """Make the rename itself durable; not every file system allows it, hence best effort."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _remove_quietly(path: Path) -> None:
    """Delete a temporary file (and a GeoPackage's journal files) if they exist."""
    for leftover in (path, Path(f"{path}-journal"), Path(f"{path}-wal"), Path(f"{path}-shm")):
        try:
            os.unlink(leftover)
        except OSError:
            pass
