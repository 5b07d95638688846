"""Extracting an archive in bounded memory: merged incidents spill to disk and stream out, byte for byte as before."""
from __future__ import annotations

import copy
import gc
import tracemalloc

import pytest

from geo.extract import IncidentMerger, extract_incidents
from geo.extract.merge import absorb, same_incident
from geo.frame import to_frame
from geo.io import writers
from geo.io.spill import SpillStore
from geo.io.writers import FORMATS, write_incidents, write_records
from geo.model import Article

# Our own reports, one incident told several ways, and a few others, so merges and new records both happen.
REPORTS = [
    "قتل خمسة جنود في هجوم شنه مسلحون على ثكنة عسكرية في مدينة سرت يوم 3 مارس 2021.",
    "أعلن الجيش أن مسلحين هاجموا ثكنة في سرت يوم 3 مارس 2021 وقتلوا خمسة من عناصره.",
    "شنت طائرات حربية غارة جوية على مواقع لتنظيم داعش قرب مدينة الموصل يوم 4 مارس 2021.",
    "اختطف مسلحون مهندسين أجنبيين في مدينة غاو شمال مالي يوم 5 مارس 2021.",
    "فجر انتحاري حزاما ناسفا في سوق مزدحم بمدينة مايدوغوري يوم 6 مارس 2021 ما أسفر عن مقتل 12 شخصا.",
]


def _extracted(text: str, file: str) -> list[dict]:
    return extract_incidents(Article(file, text, published="2021-03-08"))


@pytest.fixture(scope="module")
def reports() -> list[list[dict]]:
    """The records of each report, extracted once (extraction is the slow part)."""
    found = [_extracted(text, f"news/{n:03d}.txt") for n, text in enumerate(REPORTS)]
    assert all(found), "every report should tell an incident"
    return found


def _as_from(rec: dict, file: str, north: float = 0.0, east: float = 0.0) -> dict:
    """``rec`` as another article reports it, moved by (north, east) degrees to make it another incident."""
    out = copy.deepcopy(rec)
    out["source"]["file"] = file
    for src in out["sources"]:
        src["file"] = file
    out["lat"] += north
    out["lon"] += east
    return out


def _archive(reports, articles: int, per_place: int = 3) -> list[list[dict]]:
    """``articles`` articles' records: the reports in turn, ``per_place`` articles at a time at one place.

    Places are 0.2 degrees apart on a grid (farther than any two reports of one
    incident), so an archive holds about ``articles / per_place`` incidents.
    """
    out = []
    for n in range(articles):
        step = n // per_place
        north, east = (step % 100) * 0.2, (step // 100) * 0.2
        out.append([_as_from(r, f"archive/{n:05d}.txt", north, east) for r in reports[n % len(reports)]])
    return out


def _merged(articles: list[list[dict]], store=None) -> IncidentMerger:
    merger = IncidentMerger(store)
    for recs in articles:
        for rec in recs:
            merger.add(rec)
    return merger


# -- the store ----------------------------------------------------------------------

def test_store_gives_entries_and_late_sources_back_in_order_before_and_after_spilling(tmp_path):
    with SpillStore(spill_after=None) as memory, SpillStore(spill_after=2) as disk:
        for store in (memory, disk):
            for n in range(5):
                store.append({"evidence": f"هجوم رقم {n}"}, [{"file": f"{n}.txt", "start": 0, "end": 9}])
            store.add_source(1, {"file": "late.txt", "start": 3, "end": 7})
            store.add_source(4, {"file": "later.txt", "start": 1, "end": 2})
        assert not memory.spilled and disk.spilled
        assert list(disk.items()) == list(memory.items())
        assert disk.sources(1) == [{"file": "1.txt", "start": 0, "end": 9}, {"file": "late.txt", "start": 3, "end": 7}]
        folder = disk._tmp.name
    import os

    assert not os.path.exists(folder), "closing the store deletes its temporary folder"


# -- the merger ---------------------------------------------------------------------

def test_a_spilling_merger_merges_exactly_as_one_in_memory(reports):
    articles = _archive(reports, 60)
    in_memory = _merged(articles).records
    with SpillStore(spill_after=3) as store:
        spilled = _merged(articles, store)
        assert store.spilled
        assert spilled.records == in_memory
    assert len(in_memory) < sum(map(len, articles)), "the archive repeats incidents: some must merge"
    assert any(len(r["sources"]) > 1 for r in in_memory)


def test_merging_keeps_the_first_report_and_cites_every_file_once(reports):
    first, second = reports[0], reports[1]
    (attack,) = [r for r in first if r["category"] == "attack"][:1]
    with SpillStore(spill_after=0) as store:
        merger = IncidentMerger(store)
        for n in range(50):
            merger.add(_as_from(attack, f"wire/{n:02d}.txt"))
        (merged,) = merger.records
    assert merged["source"]["file"] == "wire/00.txt" and merged["evidence"] == attack["evidence"]
    assert [s["file"] for s in merged["sources"]] == [f"wire/{n:02d}.txt" for n in range(50)]
    assert list(merged) == list(attack), "keys keep the record's own order"


class _Recording(dict):
    """A record that notes every key read from it."""

    def __init__(self, *args, seen: set):
        super().__init__(*args)
        self.seen = seen

    def __getitem__(self, key):
        self.seen.add(key)
        return super().__getitem__(key)

    def get(self, key, default=None):
        self.seen.add(key)
        return super().get(key, default)


def test_merge_rules_read_no_key_the_merger_keeps_on_disk(reports):
    """same_incident and absorb see only a record's core: a rule reading, say, the evidence must move it back."""
    records = [r for recs in reports for r in recs]
    seen: set = set()
    for a in records:
        for b in records:
            same_incident(_Recording(a, seen=seen), _Recording(b, seen=seen))
            into = _Recording(copy.deepcopy(a), seen=seen)
            absorb(into, _Recording(_as_from(b, "other.txt"), seen=seen), {a["source"]["file"]})
    assert seen, "the rules read records"
    assert not (seen & IncidentMerger.STORED_KEYS), sorted(seen & IncidentMerger.STORED_KEYS)


def _bytes_per_incident(articles, store) -> float:
    """Memory the merger's state grows by per merged incident, over the second half of ``articles``.

    The slope, not the total: constant costs (the store's write buffer) do not grow with the archive.
    """
    merger = IncidentMerger(store)
    half = len(articles) // 2
    gc.collect()
    tracemalloc.start()
    try:
        marks = []
        for n, recs in enumerate(articles):
            if n in (half, len(articles) - 1):
                gc.collect()
                marks.append((tracemalloc.get_traced_memory()[0], len(merger)))
            for rec in recs:
                merger.add(rec, owned=True)
            articles[n] = None  # the worker's copy is gone once merged, as in the pipeline
    finally:
        tracemalloc.stop()
    (bytes0, count0), (bytes1, count1) = marks
    return (bytes1 - bytes0) / (count1 - count0)


def test_a_spilling_merger_grows_by_a_fraction_of_an_in_memory_one(reports):
    headline = "مقتل خمسة جنود في هجوم مسلح على ثكنة عسكرية وسط البلاد والجيش يتوعد بالرد"

    def archive():
        articles = _archive(reports, 1200, per_place=2)
        for recs in articles:  # records of a JSON Lines export carry the article's title and address
            for n, rec in enumerate(recs):
                rec["title"], rec["url"] = headline, f"https://news.example/2021/03/{id(rec)}-{n}.html"
        return articles

    with SpillStore(spill_after=None) as memory:
        kept = _bytes_per_incident(archive(), memory)
    with SpillStore(spill_after=100) as disk:
        spilled = _bytes_per_incident(archive(), disk)
    assert spilled < 0.5 * kept, (spilled, kept)


# -- writing records: the same bytes as writing their frame ----------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_records_stream_out_as_their_frame_would_be_written(fmt, reports, tmp_path, monkeypatch):
    monkeypatch.setenv("OGR_CURRENT_DATE", "2000-01-01T00:00:00.000Z")  # GeoPackages record their write time
    monkeypatch.setattr(writers, "PARQUET_PARTITION", 4)
    articles = _archive(reports, 12)
    records = _merged(articles).records
    with SpillStore(spill_after=2) as store:
        merger = _merged(articles, store)
        write_records(merger, tmp_path / f"streamed.{fmt}", fmt, keys=merger.keys())
    write_incidents(to_frame(records), tmp_path / f"frame.{fmt}", fmt)
    assert (tmp_path / f"streamed.{fmt}").read_bytes() == (tmp_path / f"frame.{fmt}").read_bytes()


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_records_write_what_an_empty_frame_writes(fmt, tmp_path, monkeypatch):
    monkeypatch.setenv("OGR_CURRENT_DATE", "2000-01-01T00:00:00.000Z")
    write_records([], tmp_path / f"streamed.{fmt}", fmt)
    write_incidents(to_frame([]), tmp_path / f"frame.{fmt}", fmt)
    assert (tmp_path / f"streamed.{fmt}").read_bytes() == (tmp_path / f"frame.{fmt}").read_bytes()


def test_geopackage_in_chunks_holds_what_one_write_holds(reports, tmp_path, monkeypatch):
    import geopandas as gpd

    records = _merged(_archive(reports, 12)).records
    monkeypatch.setattr(writers, "GPKG_CHUNK", 3)
    write_records(records, tmp_path / "chunks.gpkg", "gpkg")
    monkeypatch.setattr(writers, "GPKG_CHUNK", 10_000)
    write_records(records, tmp_path / "one.gpkg", "gpkg")
    chunks, one = gpd.read_file(tmp_path / "chunks.gpkg"), gpd.read_file(tmp_path / "one.gpkg")
    assert len(one) == len(records) > 3
    assert chunks.equals(one) and chunks.dtypes.to_dict() == one.dtypes.to_dict()


def test_a_record_without_a_point_stops_the_export_and_leaves_the_old_file(tmp_path, reports):
    from geo.errors import IncmapError

    out = tmp_path / "incidents.geojson"
    out.write_text("old", encoding="utf-8")
    broken = dict(reports[0][0], lat=None)
    with pytest.raises(IncmapError, match="latitude is not a number"):
        write_records(reports[1] + [broken], out, "geojson")
    assert out.read_text(encoding="utf-8") == "old"
