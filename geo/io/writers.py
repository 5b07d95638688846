"""Export incidents: GeoJSON (RFC 7946), CSV, JSON Lines, GeoPackage, GeoParquet.

Two kinds of input share every format's code, so both write the same bytes:
the incident GeoDataFrame (:func:`write_incidents`, for ``filter`` and
``run``) and a stream of flat incident records read once per pass
(:func:`write_records`, for ``extract``, which never builds the frame).
Text formats go out record by record; GeoPackage and GeoParquet are built
and written in bounded chunks once every column's type is known (a first
pass over the records), so an export's memory does not grow with its size.

Every format is written through :func:`geo.io.atomic.atomic_output`, so an
export either fully replaces the earlier file or leaves it untouched.  Values
are made JSON-native first (numpy scalars to Python numbers, NaN to null), and
a value that has no faithful representation stops the export with an
IncmapError rather than being written as something else.  geopandas is
loaded only for a frame or a columnar format: streaming text needs none of it.
"""
from __future__ import annotations

import csv
import json
import math
import os
from itertools import islice
from numbers import Integral, Real
from typing import Iterable, Iterator

from geo.errors import IncmapError
from geo.io.atomic import atomic_output
from geo.model import PROPERTY_KEYS
from geo.positions import record_position

FORMATS = ("geojson", "csv", "jsonl", "gpkg", "parquet")

# RFC 7946 §11.2: six decimals (about 10 cm) is all the precision positions need.
COORD_DECIMALS = 6

CRS = "EPSG:4326"

_NON_PROPERTY_COLUMNS = ("geometry", "lat", "lon")

# Types that are JSON data as they are (exact types: a subclass, say an IntEnum, is converted).
_PLAIN = frozenset({str, int, bool, type(None)})


def write_incidents(gdf, path: str | os.PathLike, fmt: str) -> None:
    """Write the incident frame to path in format fmt, atomically; IncmapError on failure."""
    _write(FrameRows(gdf), path, fmt)


def write_records(records: Iterable[dict], path: str | os.PathLike, fmt: str,
                  keys: Iterable[str] | None = None) -> None:
    """Write flat incident records (``lat``/``lon`` plus properties) to path in format fmt, atomically.

    The output is byte for byte what :func:`write_incidents` writes for
    ``geo.frame.to_frame(list(records))``, without building that frame.
    ``records`` must give the same records each time it is iterated (a
    list, an :class:`~geo.extract.merge.IncidentMerger`): columnar formats
    read it twice.  ``keys``, every key of the records in first-seen order
    when the caller knows them, saves a pass to find the columns.
    """
    _write(RecordRows(records, keys), path, fmt)


def _write(rows, path, fmt: str) -> None:
    writer = _WRITERS.get(fmt)
    if writer is None:
        raise IncmapError(f"unknown output format {fmt!r} (expected one of {', '.join(FORMATS)})")
    try:
        with atomic_output(path) as temp:
            writer(rows, temp)
    except IncmapError:
        raise
    except (OSError, ValueError, TypeError) as exc:
        raise IncmapError(f"{path}: cannot write {fmt}: {exc}") from exc


def property_columns(gdf) -> list[str]:
    """The frame's property columns in export order: PROPERTY_KEYS first, then extras as they stand."""
    present = [c for c in gdf.columns if c not in _NON_PROPERTY_COLUMNS]
    return [k for k in PROPERTY_KEYS if k in present] + [c for c in present if c not in PROPERTY_KEYS]


def record_columns(keys: Iterable[str]) -> list[str]:
    """The property columns of records with these keys: what ``to_frame`` then :func:`property_columns` give.

    Every contract key (a record lacking one exports null), then the others
    in first-seen order.
    """
    extras = dict.fromkeys(k for k in keys if k not in PROPERTY_KEYS and k not in _NON_PROPERTY_COLUMNS)
    return list(PROPERTY_KEYS) + list(extras)


class FrameRows:
    """The incident frame as rows to export: ``(properties, lon, lat)`` per incident, in frame order."""

    def __init__(self, gdf):
        self.gdf = gdf
        self.columns = property_columns(gdf)
        self.crs = gdf.crs or CRS

    def __len__(self) -> int:
        return len(self.gdf)

    def __iter__(self) -> Iterator[tuple[dict, float, float]]:
        gdf, columns = self.gdf, self.columns
        for row, point in zip(gdf[columns].itertuples(index=False, name=None), gdf.geometry):
            properties = {col: json_native(value) for col, value in zip(columns, row)}
            if point is None or point.is_empty or point.geom_type != "Point":
                raise ValueError(f"incident {properties.get('id')} has no Point geometry")
            yield properties, point.x, point.y


class RecordRows:
    """Flat incident records as rows to export, checked as ``to_frame`` checks them; re-iterable."""

    crs = CRS

    def __init__(self, records: Iterable[dict], keys: Iterable[str] | None = None):
        self.records = records
        self.columns = record_columns(keys if keys is not None else (k for r in records for k in r))

    def __iter__(self) -> Iterator[tuple[dict, float, float]]:
        columns = self.columns
        for index, record in enumerate(self.records):
            lon, lat = record_position(record, index)
            yield {col: json_native(record.get(col)) for col in columns}, lon, lat


def json_native(value):
    """A value as plain JSON data: numpy scalars to Python, NaN/NaT/None to None.

    Lists, tuples and dicts are converted recursively; anything else that is
    not a string, bool or number raises TypeError naming its type.
    """
    kind = type(value)
    if kind in _PLAIN:  # the common cases first, without the slower abstract-number checks
        return value
    if kind is float:
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {str(k): json_native(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)) or kind.__name__ == "ndarray":
        return [json_native(v) for v in value]
    if isinstance(value, (str, bool)):
        return value
    if isinstance(value, Integral):
        return int(value)
    if isinstance(value, Real):
        value = float(value)
        return value if math.isfinite(value) else None
    if _is_missing(value):
        return None
    raise TypeError(f"value of type {type(value).__name__} cannot be exported: {value!r}")


def _is_missing(value) -> bool:
    """True for pandas' missing-value markers (NA, NaT), which are neither None nor numbers."""
    try:
        import pandas as pd
        return value is pd.NA or value is pd.NaT
    except ImportError:  # pragma: no cover - pandas comes with geopandas
        return False


def _rounded(rows) -> Iterator[tuple[dict, float, float]]:
    """``(properties, lon, lat)`` with positions rounded as text formats write them."""
    for properties, lon, lat in rows:
        yield properties, round(lon, COORD_DECIMALS), round(lat, COORD_DECIMALS)


def geojson_lines(gdf_or_rows):
    """Incidents as an RFC 7946 FeatureCollection, piece by piece: [lon, lat], no ``crs`` member, one feature per line.

    Takes the incident frame or rows (:class:`FrameRows`, :class:`RecordRows`).
    The feature-level ``id`` repeats ``properties.id`` so that GeoJSON tools
    see the stable id too.  One feature per line keeps diffs of re-runs small;
    yielding them one by one keeps a large export from being held in memory.
    """
    rows = gdf_or_rows if isinstance(gdf_or_rows, (FrameRows, RecordRows)) else FrameRows(gdf_or_rows)
    first = True
    for properties, lon, lat in _rounded(rows):
        feature = {"type": "Feature"}
        if isinstance(properties.get("id"), (str, int)) and not isinstance(properties.get("id"), bool):
            feature["id"] = properties["id"]
        feature["geometry"] = {"type": "Point", "coordinates": [lon, lat]}
        feature["properties"] = properties
        yield ('{"type": "FeatureCollection", "features": [\n' if first else ",\n") + \
            json.dumps(feature, ensure_ascii=False, allow_nan=False)
        first = False
    yield '{"type": "FeatureCollection", "features": []}\n' if first else "\n]}\n"


def _write_geojson(rows, temp) -> None:
    with open(temp, "x", encoding="utf-8", newline="\n") as fh:
        fh.writelines(geojson_lines(rows))


def _write_jsonl(rows, temp) -> None:
    """One properties object per line, with ``lat`` and ``lon`` added."""
    with open(temp, "x", encoding="utf-8", newline="\n") as fh:
        for properties, lon, lat in _rounded(rows):
            properties["lat"], properties["lon"] = lat, lon
            fh.write(json.dumps(properties, ensure_ascii=False, allow_nan=False) + "\n")


def csv_columns(gdf_or_columns) -> list[str]:
    """CSV header: properties in order, ``source`` flattened, latitude/longitude after ``geonameid``.

    Takes the incident frame or its property columns in export order.
    """
    columns = gdf_or_columns if isinstance(gdf_or_columns, list) else property_columns(gdf_or_columns)
    header = []
    for col in columns:
        if col == "source":
            header += ["source_file", "source_start", "source_end"]
        else:
            header.append(col)
        if col == "geonameid":
            header += ["latitude", "longitude"]
    if "latitude" not in header:
        header += ["latitude", "longitude"]
    return header


def csv_cell(value) -> str:
    """One JSON-native value as CSV text: lists of names joined by ';', other structures as JSON."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return ";".join(value)
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _write_csv(rows, temp) -> None:
    with open(temp, "x", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        header = csv_columns(rows.columns)
        writer.writerow(header)
        for properties, lon, lat in _rounded(rows):
            source = properties.pop("source", None)
            if not isinstance(source, dict):
                source = {}
            cells = dict(properties, latitude=lat, longitude=lon,
                         source_file=source.get("file"), source_start=source.get("start"),
                         source_end=source.get("end"))
            writer.writerow([csv_cell(cells.get(col)) for col in header])


# -- columnar formats: typed once on every row, built and written chunk by chunk --

def _columnar_value(value, keep_string_lists: bool):
    """Dicts and lists as JSON text, except lists of strings where the format has list columns."""
    if isinstance(value, list) and keep_string_lists and all(isinstance(v, str) for v in value):
        return value
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return value


class _ColumnKind:
    """What the non-null values of one column have all been so far, to choose its dtype (see :func:`_typed`)."""

    __slots__ = ("any", "bools", "ints", "numbers", "strings")

    def __init__(self):
        self.any = False
        self.bools = self.ints = self.numbers = self.strings = True

    def see(self, value) -> None:
        if value is None:
            return
        self.any = True
        is_bool = isinstance(value, bool)
        self.bools = self.bools and is_bool
        self.ints = self.ints and isinstance(value, int) and not is_bool
        self.numbers = self.numbers and isinstance(value, (int, float)) and not is_bool
        self.strings = self.strings and isinstance(value, str)

    @property
    def dtype(self) -> str | None:
        """Nullable boolean/Int64/Float64/string when the values agree, else None (stay ``object``)."""
        if self.any and self.bools:
            return "boolean"
        if self.any and self.ints:
            return "Int64"
        if self.any and self.numbers:
            return "Float64"
        if self.strings:  # no value at all counts as text, as pandas would have it
            return "string"
        return None


def _typed(series):
    """Give an object column a real dtype: nullable Int64/Float64/boolean/string when its values agree."""
    kind = _ColumnKind()
    for value in series:
        kind.see(value)
    return series.astype(kind.dtype) if kind.dtype else series


def _column_dtypes(rows, keep_string_lists: bool) -> dict[str, str | None]:
    """Each property column's dtype, settled on every row (one pass) so every chunk is typed alike.

    Typed chunk by chunk, a column of counts that is empty in one chunk
    would turn to text there, and the chunks would not fit one table.
    """
    kinds = {col: _ColumnKind() for col in rows.columns}
    for properties, _, _ in rows:
        for col, kind in kinds.items():
            kind.see(_columnar_value(properties[col], keep_string_lists))
    return {col: kind.dtype for col, kind in kinds.items()}


def _plain_chunks(rows, keep_string_lists: bool, size: int | None):
    """The incidents as GeoDataFrames of up to ``size`` rows (None: one frame) whose columns a columnar format can store.

    Structures become JSON text, and columns are typed from their values over
    the whole export (ints stay ints with nulls allowed), because an
    all-``object`` frame would be written as text throughout.  An export
    without incidents gives one empty frame.
    """
    dtypes = _column_dtypes(rows, keep_string_lists)
    iterator = iter(rows)
    start = 0
    while True:
        chunk = list(islice(iterator, size)) if size else list(iterator)
        if chunk or start == 0:
            yield _plain_frame(chunk, rows.columns, dtypes, keep_string_lists, start, rows.crs)
        if not chunk or not size or len(chunk) < size:
            return
        start += len(chunk)


def _plain_frame(chunk: list, columns: list[str], dtypes: dict, keep_string_lists: bool, start: int, crs):
    """One chunk of rows as a typed GeoDataFrame, numbered from ``start`` as in the whole export."""
    import geopandas as gpd
    import pandas as pd

    index = pd.RangeIndex(start, start + len(chunk))
    data = {}
    for col in columns:
        # object dtype first: pandas would otherwise read [None, 3] as floats.
        series = pd.Series([_columnar_value(r[col], keep_string_lists) for r, _, _ in chunk],
                           dtype=object, index=index)
        data[col] = series.astype(dtypes[col]) if dtypes[col] else series
    frame = pd.DataFrame(data, columns=columns, index=index)
    points = gpd.points_from_xy([lon for _, lon, _ in chunk], [lat for _, _, lat in chunk], crs=crs)
    return gpd.GeoDataFrame(frame, geometry=points, crs=crs)


GPKG_CHUNK = 10_000  # features built and handed to GDAL at a time


def _write_gpkg(rows, temp) -> None:
    """GeoPackage written chunk by chunk, as one Arrow stream into one layer.

    One stream rather than appends: the layer is created once and its
    spatial index built once at the end, so the tables hold exactly what a
    one-shot write of the whole frame holds (appends would grow the R-tree
    insert by insert).  GDAL commits once per chunk, so beyond GPKG_CHUNK
    features the SQLite header's change counter differs from a one-shot
    write's; GeoPackage files were never byte-reproducible anyway (each
    records its write time, see GDAL's ``OGR_CURRENT_DATE``).
    """
    import pyarrow as pa
    import pyogrio

    chunks = _plain_chunks(rows, keep_string_lists=False, size=GPKG_CHUNK)
    first = next(chunks)  # there is always one: an export without incidents gives one empty frame
    if len(first) == 0:
        first.to_file(temp, driver="GPKG", layer="incidents")  # an empty layer, as geopandas makes it
        return
    crs = first.crs
    first = pa.table(first.to_arrow(index=False, geometry_encoding="WKB"))
    schema = first.schema

    def batches():
        # The first chunk fixes the schema; the rest follow it, one chunk in memory at a time.
        yield from first.to_batches()
        for plain in chunks:
            yield from pa.table(plain.to_arrow(index=False, geometry_encoding="WKB")).cast(schema).to_batches()

    pyogrio.write_arrow(pa.RecordBatchReader.from_batches(schema, batches()), str(temp), layer="incidents",
                        driver="GPKG", geometry_name="geometry", geometry_type="Point",
                        crs=crs.to_string() if crs is not None else None)


PARQUET_PARTITION = 10_000  # features per row group


def _write_parquet(rows, temp) -> None:
    """GeoParquet written partition by partition: one row group per PARQUET_PARTITION features.

    Column types are settled once on every row; each partition is then
    built, converted to Arrow and written on its own, so a large table is
    never held whole, and readers can skip row groups.  The GeoParquet
    ``geo`` metadata comes from geopandas' own conversion of the first partition.
    """
    import pyarrow.parquet as pq
    from geopandas.io.arrow import _geopandas_to_arrow

    writer = None
    try:
        for plain in _plain_chunks(rows, keep_string_lists=True, size=PARQUET_PARTITION):
            if len(plain) == 0:
                plain.to_parquet(temp, index=False)
                return
            table = _geopandas_to_arrow(plain, index=False)
            if writer is None:
                schema = table.schema
                writer = pq.ParquetWriter(str(temp), schema)
            writer.write_table(table.cast(schema))
    finally:
        if writer is not None:
            writer.close()


_WRITERS = {
    "geojson": _write_geojson,
    "csv": _write_csv,
    "jsonl": _write_jsonl,
    "gpkg": _write_gpkg,
    "parquet": _write_parquet,
}
