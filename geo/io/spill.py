"""A temporary store of merged incidents' bulky parts, in memory while small, on disk once large.

Merging incidents across a whole archive needs, per incident, only the few
fields the merge rules compare (kind, place, date, groups...).  The rest --
the evidence sentence, the source spans of every report, the title -- is
only written out at the end, and is most of an incident's memory.  This
store keeps that rest: one entry per incident (a dict) plus the list of its
sources, which keeps growing as other articles report it.  Entries stay in
memory until ``spill_after`` of them exist, then move to an SQLite file in a
private temporary folder, so peak memory stops growing with corpus size
while a small run never touches the disk.  Entries come back in the order
they were added, their sources in the order they were added too.
"""
from __future__ import annotations

import os
import pickle
import sqlite3
import tempfile
from pathlib import Path
from typing import Iterator

# Entries kept in memory before the store moves to disk: a day of news merges in memory, an
# archive spills.  At about 4 KB an entry, 20,000 entries are some 80 MB.
SPILL_AFTER = 20_000



def default_spill_after() -> int:
    """Entries to keep in memory: ``INCMAP_SPILL_AFTER`` when set (tuning, tests), else SPILL_AFTER."""
    value = os.environ.get("INCMAP_SPILL_AFTER", "").strip()
    return int(value) if value.isdigit() else SPILL_AFTER


# Rows buffered before one executemany: fewer, larger transactions keep inserting cheap.
_FLUSH_ROWS = 2_000

_PICKLE = pickle.HIGHEST_PROTOCOL


class SpillStore:
    """Entries (a dict and a growing list of sources each) addressed by their number, kept in order.

    ``spill_after`` is how many entries stay in memory (None: never spill),
    so that tests can make a small run exercise the disk path.  Use as a
    context manager, or call :meth:`close`, to delete the temporary file.
    """

    def __init__(self, spill_after: int | None = SPILL_AFTER):
        self.spill_after = spill_after
        self._count = 0
        # In memory: entry i is _entries[i] and _sources[i]. On disk: both empty, rows go to SQLite.
        self._entries: list[dict] = []
        self._sources: list[list] = []
        self._db: sqlite3.Connection | None = None
        self._tmp: tempfile.TemporaryDirectory | None = None
        self._pending_entries: list[tuple] = []
        self._pending_sources: list[tuple] = []
        self._source_index = False

    def __len__(self) -> int:
        return self._count

    @property
    def spilled(self) -> bool:
        """Whether entries now live on disk."""
        return self._db is not None

    def append(self, entry: dict, sources: list) -> int:
        """Add one entry with its first sources; return its number (0, 1, 2...)."""
        number = self._count
        self._count += 1
        if self._db is None:
            self._entries.append(entry)
            self._sources.append(list(sources))
            if self.spill_after is not None and self._count > self.spill_after:
                self._spill()
            return number
        self._pending_entries.append((number, pickle.dumps(entry, _PICKLE)))
        self._pending_sources.extend((number, pickle.dumps(s, _PICKLE)) for s in sources)
        if len(self._pending_sources) + len(self._pending_entries) >= _FLUSH_ROWS:
            self._flush()
        return number

    def add_source(self, number: int, source) -> None:
        """Append one source to entry ``number``'s list."""
        if self._db is None:
            self._sources[number].append(source)
            return
        self._pending_sources.append((number, pickle.dumps(source, _PICKLE)))
        if len(self._pending_sources) >= _FLUSH_ROWS:
            self._flush()

    def sources(self, number: int) -> list:
        """Entry ``number``'s sources so far, in order (a copy when on disk)."""
        if self._db is None:
            return self._sources[number]
        self._flush()
        if not self._source_index:
            # Only a file given twice makes the merger look sources up one entry at a time.
            self._db.execute("CREATE INDEX sources_by_entry ON sources (entry)")
            self._source_index = True
        rows = self._db.execute("SELECT data FROM sources WHERE entry = ? ORDER BY seq", (number,))
        return [pickle.loads(data) for (data,) in rows]

    def items(self) -> Iterator[tuple[dict, list]]:
        """Every ``(entry, sources)`` pair in entry order; entries read from disk are fresh copies."""
        if self._db is None:
            yield from zip(self._entries, self._sources)
            return
        self._flush()
        if not self._source_index:
            self._db.execute("CREATE INDEX sources_by_entry ON sources (entry)")
            self._source_index = True
        # Two cursors read side by side, merge-joined on the entry number: nothing is held but one entry.
        entries = self._db.execute("SELECT number, data FROM entries ORDER BY number")
        sources = self._db.execute("SELECT entry, data FROM sources ORDER BY entry, seq")
        pending = next(sources, None)
        for number, data in entries:
            found = []
            while pending is not None and pending[0] == number:
                found.append(pickle.loads(pending[1]))
                pending = next(sources, None)
            yield pickle.loads(data), found

    def close(self) -> None:
        """Forget every entry and delete the temporary file, if any."""
        if self._db is not None:
            self._db.close()
            self._db = None
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None
        self._entries, self._sources = [], []
        self._pending_entries, self._pending_sources = [], []

    def __enter__(self) -> "SpillStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _spill(self) -> None:
        """Move every entry to a new SQLite file; later entries go straight there."""
        self._tmp = tempfile.TemporaryDirectory(prefix="incmap-spill-")
        self._path = str(Path(self._tmp.name) / "incidents.sqlite")
        db = sqlite3.connect(self._path, isolation_level=None)
        # A scratch file: durability buys nothing, a crash loses the run anyway.
        db.execute("PRAGMA journal_mode = OFF")
        db.execute("PRAGMA synchronous = OFF")
        db.execute("CREATE TABLE entries (number INTEGER PRIMARY KEY, data BLOB NOT NULL)")
        db.execute("CREATE TABLE sources (seq INTEGER PRIMARY KEY, entry INTEGER NOT NULL, data BLOB NOT NULL)")
        self._db = db
        for number, (entry, sources) in enumerate(zip(self._entries, self._sources)):
            self._pending_entries.append((number, pickle.dumps(entry, _PICKLE)))
            self._pending_sources.extend((number, pickle.dumps(s, _PICKLE)) for s in sources)
            if len(self._pending_sources) >= _FLUSH_ROWS:
                self._flush()
        self._entries, self._sources = [], []
        self._flush()

    def _flush(self) -> None:
        """Write the buffered rows in one transaction."""
        if not (self._pending_entries or self._pending_sources):
            return
        db = self._db
        db.execute("BEGIN")
        db.executemany("INSERT INTO entries (number, data) VALUES (?, ?)", self._pending_entries)
        db.executemany("INSERT INTO sources (entry, data) VALUES (?, ?)", self._pending_sources)
        db.execute("COMMIT")
        self._pending_entries, self._pending_sources = [], []
