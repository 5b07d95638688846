"""Every engine writes the same features in the same order (issue 6)."""
import pytest

from conftest import SAMPLES, run_incmap


@pytest.fixture(scope="module")
def single(tmp_path_factory):
    out = tmp_path_factory.mktemp("single") / "one.geojson"
    run_incmap("extract", SAMPLES, "-o", out, "-q", check=True)
    return out.read_bytes()


def test_two_processes_match_one(single, tmp_path):
    out = tmp_path / "two.geojson"
    run_incmap("extract", SAMPLES, "-o", out, "-q", "-j", "2", check=True)
    assert out.read_bytes() == single


def test_dask_local_cluster_of_two_workers_matches_one_process(single, tmp_path):
    pytest.importorskip("dask.distributed")
    out = tmp_path / "dask.geojson"
    run_incmap("extract", SAMPLES, "-o", out, "-q", "--engine", "dask", "-j", "2", check=True)
    assert out.read_bytes() == single
    assert b'"category"' in single


def test_unreachable_scheduler_is_one_line_error(tmp_path):
    pytest.importorskip("dask.distributed")
    proc = run_incmap("extract", SAMPLES, "-o", tmp_path / "x.geojson", "-q", "--engine", "dask",
                      "--scheduler", "tcp://127.0.0.1:9")
    assert proc.returncode == 1
    assert "scheduler" in proc.stderr and "Traceback" not in proc.stderr
    assert not (tmp_path / "x.geojson").exists()
