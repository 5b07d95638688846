"""The main job, end to end: articles → incidents → GeoDataFrame → files and maps.

The CLI calls these functions; they are the library's entry points too.
Extraction runs article by article and can fan out over local processes
(``jobs``) or a Dask cluster (``engine="dask"``); either way the records come
back in input order, so every engine writes the same features in the same
order.
"""
from __future__ import annotations

import gc
import os
import sys
import time
from pathlib import Path
from typing import Iterable, Iterator, NamedTuple, Union

from .errors import IncmapError, InputError, UsageError
from .model import Article

FORMAT_BY_SUFFIX = {".geojson": "geojson", ".json": "geojson", ".csv": "csv", ".jsonl": "jsonl",
                    ".gpkg": "gpkg", ".parquet": "parquet", ".geoparquet": "parquet"}
GEOJSON_SUFFIXES = (".geojson", ".json")


# -- extraction -------------------------------------------------------------------

def extract_article(article: Article) -> list[dict]:
    """Incidents of one article (toponyms found inside, group names excluded)."""
    from .extract import extract_incidents

    return extract_incidents(article)


def safe_extract(article: Article) -> list[dict] | InputError:
    """Incidents of one article, or an InputError naming it if extraction failed.

    One article that trips a bug must not cost the user the rest of the batch.
    """
    try:
        return extract_article(article)
    except Exception as exc:  # reported per article, like an unreadable file
        return InputError(article.path, f"could not be processed ({type(exc).__name__}: {exc})")


class ArticleResult(NamedTuple):
    """What the parent needs of one extracted article: its name, size and warnings, and its incidents.

    The text itself stays in the worker that read it: shipping it back would
    cost the parent -- the one process every article passes through -- a
    copy of the whole corpus.
    """

    path: str
    size: int  # bytes of its text in UTF-8, for the progress line
    warnings: list[str]
    found: list[dict] | InputError  # incident records, or why extraction failed


# A unit of work: a file for the worker to read, an article read already, or an error to pass on in its place
# (an InputError pickles as its path and problem, so it crosses the process boundary as it is).
Unit = Union[str, Article, InputError]


def work_units(paths: Iterable[str], read_all: bool = False) -> Iterator[Unit]:
    """The work of extracting ``paths``, in input order, for :func:`process_unit`.

    The parent only lists files; workers read and decode them.  Files of
    records (JSON Lines, CSV) are read here instead and split into their
    articles, so that one large export still spreads over every worker and
    never travels whole.  ``read_all`` reads every file here: a Dask
    cluster's workers may not see the client's files.
    """
    from .io.readers import iter_input_files, read_file, reader_kind

    for path in iter_input_files(paths):
        if not isinstance(path, InputError) and (read_all or reader_kind(path) in ("jsonl", "csv")):
            yield from read_file(path)
        else:
            yield path


def process_unit(unit: Unit, published: str | None = None) -> list[ArticleResult | InputError]:
    """Read (when needed) and extract one unit of work: an ArticleResult per article, an InputError per problem.

    ``published`` is the date for articles whose input gives none.
    """
    if isinstance(unit, InputError):
        return [unit]
    if isinstance(unit, Article):
        items: Iterable = (unit,)
    else:
        from .io.readers import read_file

        items = read_file(unit)
    results: list[ArticleResult | InputError] = []
    for item in items:
        if isinstance(item, InputError):
            results.append(item)
            continue
        if published and not item.published:
            item.published = published
        found = safe_extract(item)
        results.append(ArticleResult(item.path, len(item.text.encode("utf-8")), item.warnings, found))
    return results


def process_batch(units: list[Unit], published: str | None = None) -> list[list]:
    """:func:`process_unit` of each unit of a batch (what one worker task does)."""
    return [process_unit(u, published) for u in units]


class Progress:
    """Progress of a long run on stderr: a live line on a terminal, a line every few seconds elsewhere."""

    def __init__(self, quiet: bool = False, stream=None, every: float = 5.0):
        self.stream = stream or sys.stderr
        self.quiet = quiet
        self.tty = hasattr(self.stream, "isatty") and self.stream.isatty()
        self.every = every
        self.files = self.bytes = self.incidents = 0
        self.t0 = self._last = time.monotonic()

    def update(self, size: int, found: int) -> None:
        """Count one article of ``size`` bytes (UTF-8) in which ``found`` incidents were found."""
        self.files += 1
        self.bytes += size
        self.incidents += found
        now = time.monotonic()
        if self.quiet or (not self.tty and now - self._last < self.every):
            return
        if self.tty and now - self._last < 0.1:
            return
        self._last = now
        self._print(end="\r" if self.tty else "\n")

    def _print(self, end: str) -> None:
        dt = max(time.monotonic() - self.t0, 1e-9)
        mb = self.bytes / 1e6
        line = (f"incmap: {self.files} articles, {mb:.1f} MB, {self.incidents} incidents "
                f"({self.files / dt:.0f} articles/s, {mb / dt:.2f} MB/s)")
        print(line, end=end, file=self.stream, flush=True)

    def close(self) -> None:
        if not self.quiet and self.files:
            self._print(end="\n")


def iter_readable(paths: Iterable[str], rep, published: str | None = None) -> Iterator[Article]:
    """Articles of ``paths``; unreadable files are reported through ``rep`` and skipped."""
    from .io.readers import iter_articles

    for item in iter_articles(paths):
        if isinstance(item, InputError):
            rep.skip(item)
            continue
        for w in item.warnings:
            rep.warn(f"{item.path}: {w}")
        if published and not item.published:
            item.published = published
        yield item


def batched(items: Iterable, size: int) -> Iterator[list]:
    """Lists of up to ``size`` consecutive items (work is shipped to workers in batches)."""
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def extract_records(paths: Iterable[str], rep, published: str | None = None, jobs: int | None = None,
                    engine: str = "local", scheduler: str | None = None,
                    quiet: bool = False) -> list[dict]:
    """Incident records of every article under ``paths``, merged across articles, in input order.

    Every record is held in memory at the end; :func:`extract_to_file`
    writes an export of any size in bounded memory instead.
    """
    from .extract import IncidentMerger

    merger = merge_articles(paths, rep, IncidentMerger(), published=published, jobs=jobs, engine=engine,
                            scheduler=scheduler, quiet=quiet, preload="geo.frame")
    return merger.records


def merge_articles(paths: Iterable[str], rep, merger, published: str | None = None, jobs: int | None = None,
                   engine: str = "local", scheduler: str | None = None, quiet: bool = False,
                   preload: str | None = None):
    """Extract every article under ``paths`` and merge its incidents into ``merger``; return ``merger``.

    Records are merged as articles arrive, so memory holds the merged
    incidents only (and only their cores, when ``merger`` spills), and
    every engine -- which all deliver articles in input order -- writes
    the same features in the same order.  Problems are reported in input
    order too, each when its article comes up.  ``preload`` names a module
    the parent imports while a process pool works (what it needs next).
    """
    if published is not None:
        _check_date(published, "--published")
    progress = Progress(quiet=quiet)
    if engine == "dask":
        from .distributed import extract_with_dask

        results = extract_with_dask(work_units(paths, read_all=True), published=published,
                                    scheduler=scheduler, workers=jobs or None)
    else:
        results = _extract_local(work_units(paths), published, 1 if jobs is None else jobs, preload)
    add = merger.add
    for _unit, outcomes in results:
        for item in outcomes:
            if isinstance(item, InputError):
                rep.skip(item)
                continue
            for w in item.warnings:
                rep.warn(f"{item.path}: {w}")
            found = item.found
            if isinstance(found, InputError):
                rep.skip(found)
                continue
            for rec in found:
                add(rec, owned=True)  # each article's records are fresh and used nowhere else
            progress.update(item.size, len(found))
    progress.close()
    return merger


def extract_to_file(paths: Iterable[str], output: str, rep, fmt: str | None = None,
                    published: str | None = None, jobs: int | None = None, engine: str = "local",
                    scheduler: str | None = None, quiet: bool = False,
                    spill_after: int | None = None) -> None:
    """``incmap extract``: the incidents of ``paths`` written to ``output``, in bounded memory whatever the corpus.

    The same bytes as ``write_frame(extract_frame(...), output, fmt)``,
    without a GeoDataFrame: merged records wait on disk beyond
    ``spill_after`` of them (default ``geo.io.spill.default_spill_after()``) and are
    streamed to the writer in order.  The output is replaced atomically.
    """
    from .extract import IncidentMerger
    from .io.spill import SpillStore, default_spill_after

    fmt = output_format(output, fmt)
    # Text formats need no geopandas: the parent stays lean; a columnar export builds frames in the end.
    preload = "geo.frame" if fmt in ("gpkg", "parquet") else "geo.io.writers"
    with SpillStore(default_spill_after() if spill_after is None else spill_after) as store:
        merger = merge_articles(paths, rep, IncidentMerger(store), published=published, jobs=jobs,
                                engine=engine, scheduler=scheduler, quiet=quiet, preload=preload)
        from .io.writers import write_records

        _check_parent(output)
        write_records(merger, output, fmt, keys=merger.keys())


def _extract_local(units: Iterable[Unit], published: str | None, jobs: int,
                   preload: str | None = None) -> Iterator[tuple[Unit, list]]:
    """(unit, results of :func:`process_unit`) pairs in input order, on ``jobs`` processes (0 = one per core).

    ``preload`` is imported on a thread of the parent while the workers work.
    """
    jobs = jobs if jobs > 0 else (os.cpu_count() or 1)
    # this process extracts (one job) or merges what the workers send: either way its cycle
    # collector would only examine, over and over, records and memos that hold no cycle
    previous = collect_rarely()
    try:
        if jobs == 1:
            frozen = False
            try:
                for u in units:
                    found = process_unit(u, published)
                    frozen = frozen or _freeze_loaded_gazetteer()
                    yield u, found
            finally:
                if frozen:
                    gc.unfreeze()
        else:
            yield from _extract_in_pool(units, published, jobs, preload)
    finally:
        gc.set_threshold(*previous)


def _freeze_loaded_gazetteer() -> bool:
    """Once extraction has loaded the gazetteer, keep it (and all else loaded by then) out of the cycle
    collector's sight, as the pool's workers do (``_warm_worker``); True when this froze objects.

    Unfrozen, the millions of objects of its indexes are examined again at every full collection
    (3-5% of a one-process run).  Nothing is frozen when the caller froze objects of its own: the
    end of the run unfreezes what this froze, and must not release theirs.
    """
    from gazetteer.index import loaded

    gaz = loaded()
    if gaz is None or gc.get_freeze_count():
        return False
    gaz.warm()
    gc.freeze()
    return True


def _extract_in_pool(units: Iterable[Unit], published: str | None, jobs: int,
                     preload: str | None) -> Iterator[tuple[Unit, list]]:
    """``_extract_local`` on a pool of ``jobs`` worker processes.

    A ``concurrent.futures`` executor rather than ``multiprocessing.Pool``:
    the Pool's worker-handler thread also wakes whenever results wait in
    the pipe, and spins until its result thread has read them -- a second
    of the parent's CPU per 20,000 articles, taken from the workers on a
    machine with as many cores as workers.  The executor's one manager
    thread sleeps until there is something to read, and reads it.
    """
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    ctx = mp.get_context("forkserver")
    # the fork server loads the gazetteer and the extractor once; the workers it forks share those pages
    ctx.set_forkserver_preload([_PRELOAD])
    pool = ProcessPoolExecutor(jobs, mp_context=ctx, initializer=_warm_worker)
    try:
        if preload:
            _import_in_background(preload)  # e.g. geopandas loads while the workers start, not after they finish
        yield from in_order(batched(units, BATCH),
                            lambda batch: pool.submit(process_batch, batch, published).result,
                            in_flight=2 * jobs)
    finally:
        # work still queued when the caller stops early (an error, an interrupt) is dropped, not done
        pool.shutdown(wait=True, cancel_futures=True)


# Articles per task: 32 measured fastest on 5,000 articles, 2 cores (9.3 s; 16: 9.7 s, 4: 10.0 s,
# 128: 9.5 s) -- fewer round trips to the parent, yet a short tail when the last batches finish.
BATCH = 32


def in_order(batches: Iterable[list], submit, in_flight: int) -> Iterator[tuple]:
    """(item, result) pairs of every batch, in input order, with at most ``in_flight`` batches pending.

    ``submit(batch)`` starts the batch's work somewhere (a process pool, a
    Dask cluster) and returns a function that waits for its list of results.
    The bounded look-ahead keeps memory flat however long the input is; both
    engines share it, so both yield the same order.
    """
    pending: list = []
    for batch in batches:
        pending.append((batch, submit(batch)))
        if len(pending) > in_flight:
            batch, wait = pending.pop(0)
            yield from zip(batch, wait())
    for batch, wait in pending:
        yield from zip(batch, wait())


def _import_in_background(module: str) -> None:
    """Import ``module`` on a thread: the parent of a process pool mostly waits, and an import takes it 0.4 s."""
    import importlib
    import threading

    threading.Thread(target=importlib.import_module, args=(module,), daemon=True).start()


_PRELOAD = "geo.extract.warm"  # imported by the fork server before it forks the pool's workers


def _warm_worker() -> None:
    """Load the gazetteer once per worker process, before its first article (already done when the
    fork server preloaded it), and let the cycle collector run only rarely (``collect_rarely``)."""
    import gazetteer

    gazetteer.load().warm()
    gc.freeze()  # what every article reads (gazetteer, lexicons) stays out of every collection
    collect_rarely()


# Net new container objects (tuples, lists, dicts ...) after which the cycle collector runs during
# extraction, instead of CPython's 700.  Extraction makes no reference cycles (none was ever collected
# over 14,000 real articles): the collector finds nothing, yet it examined every object the memos
# keep, again and again -- 7-11% of a worker's time on real news.  A worker's live objects level off
# near 530,000 (its memos are bounded), so it runs at most now and then; were some input to make
# cycles after all, they would still be freed once this many had piled up.
RARE_COLLECTION = 1_000_000


def collect_rarely(threshold: int = RARE_COLLECTION) -> tuple[int, int, int]:
    """Have the cycle collector wait for ``threshold`` net new objects; return the thresholds before."""
    previous = gc.get_threshold()
    gc.set_threshold(threshold, *previous[1:])
    return previous


def extract_frame(paths, rep, published=None, jobs=None, engine="local", scheduler=None, quiet=False):
    """The incidents of ``paths`` as a GeoDataFrame (EPSG:4326)."""
    records = extract_records(paths, rep, published=published, jobs=jobs, engine=engine,
                              scheduler=scheduler, quiet=quiet)
    from .frame import to_frame

    return to_frame(records)


# -- reading, filtering, writing --------------------------------------------------------

def read_incidents(path: str):
    """A GeoJSON FeatureCollection of incidents as a GeoDataFrame (malformed → IncmapError)."""
    from .frame import from_geojson

    return from_geojson(path)


def frame_from_inputs(inputs: list[str], rep, args):
    """Incidents for ``incmap map``: GeoJSON files are read, anything else is extracted."""
    import pandas as pd

    from .frame import to_frame

    geojson = [p for p in inputs if p.lower().endswith(GEOJSON_SUFFIXES) and os.path.isfile(p)]
    others = [p for p in inputs if p not in geojson]
    frames = [read_incidents(p) for p in geojson]
    if others:
        frames.append(extract_frame(others, rep, published=getattr(args, "published", None),
                                    jobs=getattr(args, "jobs", None), engine=getattr(args, "engine", "local"),
                                    scheduler=getattr(args, "scheduler", None),
                                    quiet=getattr(args, "quiet", False)))
    if not frames:
        return to_frame([])
    if len(frames) == 1:
        return frames[0]
    import geopandas as gpd

    return gpd.GeoDataFrame(pd.concat(frames, ignore_index=True), crs="EPSG:4326")


def filter_frame(gdf, args):
    """Apply the CLI's --country/--group/--category/--since/--until options."""
    from .filters import apply_filters

    return apply_filters(gdf, country=args.country or (), group=args.group or (),
                         category=args.category or (), since=args.since, until=args.until)


def output_format(path: str, fmt: str | None) -> str:
    """The format to write: the explicit one, else from the file's extension, else GeoJSON."""
    if fmt:
        return fmt
    return FORMAT_BY_SUFFIX.get(Path(path).suffix.lower(), "geojson")


def write_frame(gdf, path: str, fmt: str | None = None) -> None:
    """Write incidents atomically in the requested format."""
    from .io.writers import write_incidents

    _check_parent(path)
    write_incidents(gdf, path, output_format(path, fmt))


def write_map(gdf, path: str, title: str | None = None) -> None:
    """Render the incidents to one self-contained HTML file, atomically."""
    from maps.render import to_html

    from .io.atomic import atomic_write_text

    _check_parent(path)
    atomic_write_text(path, to_html(gdf, title=title))


def run(paths: list[str], outdir: str, rep, args) -> list[str]:
    """``incmap run``: OUTDIR/incidents.geojson, incidents.csv and map.html."""
    out = Path(outdir)
    if out.exists() and not out.is_dir():
        raise UsageError(f"{outdir}: exists and is not a folder")
    out.mkdir(parents=True, exist_ok=True)
    gdf = extract_frame(paths, rep, published=args.published, jobs=args.jobs, engine=args.engine,
                        scheduler=args.scheduler, quiet=args.quiet)
    written = []
    for name, fmt in (("incidents.geojson", "geojson"), ("incidents.csv", "csv")):
        write_frame(gdf, str(out / name), fmt)
        written.append(str(out / name))
    shown = filter_frame(gdf, args)
    write_map(shown, str(out / "map.html"), title=args.title)
    written.append(str(out / "map.html"))
    return written


def _check_parent(path: str) -> None:
    parent = Path(path).resolve().parent
    if not parent.is_dir():
        raise IncmapError(f"{path}: cannot write: folder {parent} does not exist")


def _check_date(value: str, option: str) -> None:
    import re

    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value or ""):
        raise UsageError(f"{option} must be YYYY-MM-DD, not {value!r}")
