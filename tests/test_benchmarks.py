"""Accuracy on the shared benchmarks, with the shared scorers (the figures of issues 3 and 4).

These are the project's acceptance floors; ``make eval`` prints the figures.
"""
import subprocess
import sys


from conftest import ROOT, run_incmap


def headline(script, *args, shared):
    proc = subprocess.run([sys.executable, str(shared / "benchmarks" / script), *map(str, args)],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    last = proc.stdout.strip().splitlines()[-1]
    return {k: float(v) for k, v in (kv.split("=") for kv in last.split())}


def test_newsfane_toponym_spans(shared_dir, tmp_path):
    docs = shared_dir / "benchmarks" / "newsfane" / "docs"
    pred = tmp_path / "nf.jsonl"
    pred.write_text(run_incmap("toponyms", docs, check=True).stdout, encoding="utf-8")
    got = headline("score_toponyms.py", shared_dir / "benchmarks" / "newsfane" / "gold.jsonl", pred,
                   "--groups", "country,settlement_or_admin", "--roles", "location,metonym", shared=shared_dir)
    assert got["F1_overlap"] >= 0.85


def test_seed_places(shared_dir, tmp_path):
    pred = tmp_path / "seeds.jsonl"
    pred.write_text(run_incmap("toponyms", shared_dir / "seeds", check=True).stdout, encoding="utf-8")
    got = headline("score_places.py", shared_dir / "seeds" / "gold", pred, shared=shared_dir)
    assert got["places_f1"] >= 0.85


def test_seed_incidents(shared_dir, tmp_path):
    out = tmp_path / "seeds.geojson"
    run_incmap("extract", shared_dir / "seeds", "-o", out, "-q", check=True)
    got = headline("score_incidents.py", shared_dir / "seeds" / "gold", out, shared=shared_dir)
    assert got["incidents_f1"] >= 0.80
