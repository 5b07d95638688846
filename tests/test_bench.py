"""The performance harness (``make bench``) on a tiny corpus: every figure is produced.

Only that the figures exist and are consistent is asserted; whether they meet
the targets depends on the machine, and timed assertions do not belong in tests.
"""
import json
import os
import subprocess
import sys

import pytest

from conftest import ROOT, SAMPLES

from geo.bench import build_corpus, sample_texts, serial_line

RUNS = ("extract -j 1", "extract -j 2", "naive reference")


def run_bench(*args):
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    return subprocess.run([sys.executable, "-m", "geo.bench", *map(str, args)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def tiny_bench(tmp_path_factory):
    out = tmp_path_factory.mktemp("bench-out")
    proc = run_bench("--sizes", "20", "--out", out)
    assert proc.returncode == 0, proc.stderr
    return proc, json.loads((out / "bench.json").read_text(encoding="utf-8"))


def test_every_run_is_measured(tiny_bench):
    _, results = tiny_bench
    runs = results["sizes"]["20"]
    for name in RUNS:
        run = runs[name]
        assert run["articles"] == 20
        assert run["megabytes"] > 0.02  # twenty articles of a few KB each
        assert run["seconds"] > 0
        assert run["mb_per_s"] == pytest.approx(run["megabytes"] / run["seconds"], rel=1e-3)
        assert run["articles_per_s"] == pytest.approx(20 / run["seconds"], rel=1e-2)
        # A Python process with the gazetteer loaded holds tens of MB at least.
        assert run["peak_mb"] > 20
        assert run["output_items"] > 0, f"{name} found nothing in the sample articles"
    # Every pipeline read the same corpus.
    assert len({runs[name]["megabytes"] for name in RUNS}) == 1


def test_cold_start_is_best_of_five(tiny_bench):
    _, results = tiny_bench
    cold = results["cold_start"]
    assert cold["name"] == "بنغازي"
    assert len(cold["seconds"]) == 5
    assert cold["best_seconds"] == min(cold["seconds"]) > 0


def test_table_has_every_figure_with_its_verdict(tiny_bench):
    proc, results = tiny_bench
    table = proc.stdout
    for figure in ("cold start", "extract -j 1: throughput", "extract -j 2: throughput",
                   "extract -j 1: articles/s", "extract -j 2: peak memory", "naive reference: throughput",
                   "ours/naive throughput, -j 1", "two cores / one core"):
        assert figure in table, f"no row for {figure!r}"
    judged = [r for r in results["rows"] if r["passed"] is not None]
    # 2 MB/s, 5x naive, two-core speed-up, and peak memory for each of the two extract runs.
    assert len(judged) == 5
    for row in judged:
        line = next(l for l in table.splitlines() if l.startswith(row["figure"]))
        assert line.rstrip().endswith(row["verdict"]) and row["verdict"] in ("PASS", "FAIL")


def test_ratios_follow_from_the_runs(tiny_bench):
    _, results = tiny_bench
    size = results["sizes"]["20"]
    rows = {r["figure"].split("] ", 1)[1]: r["value"] for r in size["rows"]}
    naive, one, two = (size[name]["mb_per_s"] for name in ("naive reference", "extract -j 1", "extract -j 2"))
    assert rows["ours/naive throughput, -j 1"] == pytest.approx(one / naive, rel=1e-2)
    assert rows["two cores / one core"] == pytest.approx(two / one, rel=1e-2)


def test_corpus_copies_differ_and_keep_their_date_line(tmp_path):
    samples = sample_texts(SAMPLES)
    corpus = build_corpus(tmp_path / "c", 2 * len(samples) + 1, samples)
    files = sorted(corpus.path.rglob("*.txt"))
    assert len(files) == corpus.articles == 2 * len(samples) + 1
    texts = [f.read_text(encoding="utf-8") for f in files]
    assert len(set(texts)) == len(texts)
    assert corpus.bytes == sum(f.stat().st_size for f in files)
    # Copy k of a sample is that sample with its serial line appended, first line untouched.
    first_stem, first_text = samples[0]
    again = texts[len(samples)]
    assert first_stem in files[len(samples)].name
    assert again.splitlines()[0] == first_text.splitlines()[0]
    assert again.endswith(serial_line(len(samples)))


def test_bad_sizes_are_a_usage_error(tmp_path):
    proc = run_bench("--sizes", "ten", "--out", tmp_path)
    assert proc.returncode == 2
    assert "sizes" in proc.stderr
    assert not (tmp_path / "bench.json").exists()
