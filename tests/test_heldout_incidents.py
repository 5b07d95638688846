"""Incident extraction measured on the sets written apart from the extractor (see their READMEs).

``tests/data/heldout2``, ``tests/data/realnews/test``, ``realnews/test2`` and ``realnews/test3`` must never be used to tune the
extractor: their tests only measure.  ``tests/data/heldout`` (the first such set) became a development set
in session 2, once heldout2 replaced it as the honest estimate.  The F1 floors
catch regressions; the figures are printed by ``pytest -s`` and by the scorer's
``--verbose`` output.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SETS = ROOT / "tests" / "data"
SCORER = ROOT.parent / "shared" / "benchmarks" / "score_incidents.py"

# set → F1 floor.  heldout: 0.60 when written, 0.683 at the end of session 1, 0.727 after it was
# opened for development in session 2 (0.822 at its end).  heldout2: 0.507 when first measured, 0.526 at the end
# of session 2, 0.521 at the end of session 3.  realnews (24 real articles, session 3): dev 0.527 -> 0.733,
# test 0.543 -> 0.549 (measured only).  realnews/dev2 (12 more real articles, session 4): 0.552 on first contact
# for the first four read, 0.632 for the last four, 0.67 once developed on.
# realnews/test2 (12 more, never read): 0.593 with the code of the start of session 4, 0.597 at its end.
# realnews/dev3 (12 more, session 5): 0.500 on first contact with the code of the start of session 5.
# realnews/test3 (12 more, never read; from articles outside the pool the session's error samples came from):
# 0.617 with the code of the start of session 5.  End of session 6: dev 0.773, dev2 0.683, dev3 0.614,
# test 0.557, test2 0.639, test3 0.646 (the test splits measured only, at the end).  End of session 7:
# dev 0.784, dev2 0.690, dev3 0.675, test 0.610, test2 0.649, test3 0.646.  End of session 8: heldout2 0.562,
# dev 0.797, dev2 0.724, dev3 0.704, test 0.631, test2 0.649, test3 0.625.
F1_FLOORS = {"heldout": 0.75, "heldout2": 0.50, "realnews/dev": 0.76, "realnews/dev2": 0.68, "realnews/dev3": 0.66,
             "realnews/test": 0.57, "realnews/test2": 0.61, "realnews/test3": 0.60}
ARTICLES = {"heldout": 10, "heldout2": 10, "realnews/dev": 12, "realnews/dev2": 12, "realnews/dev3": 12,
            "realnews/test": 12, "realnews/test2": 12, "realnews/test3": 12}

CATEGORY_OF_SUBTYPE = {
    "armed_assault": "attack", "suicide_bombing": "attack", "explosive_device": "attack",
    "kidnapping": "attack", "territory_seized": "attack", "airstrike": "operation",
    "ground_raid": "operation", "capture_arrest": "operation", "military_campaign": "operation",
    "deployment": "deployment",
}


def gold_pairs(name: str):
    """(article text, gold annotation) for every article of a set, in file order."""
    pairs = []
    for gold_path in sorted((SETS / name / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = (SETS / name / "corpus" / gold["doc"]).read_text(encoding="utf-8-sig")
        pairs.append((text, gold))
    return pairs


def scorer_figures(name: str, pred_path: Path) -> dict[str, float]:
    """Run the shared scorer and read its last line: incidents_f1=… recall=… precision=…."""
    proc = subprocess.run([sys.executable, str(SCORER), str(SETS / name / "gold"), str(pred_path), "--verbose"],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    print(proc.stdout)  # the MISS / FP lines, visible with pytest -s
    last = proc.stdout.strip().splitlines()[-1]
    assert last.startswith("incidents_f1="), last
    return {key: float(value) for key, value in (item.split("=") for item in last.split())}


@pytest.mark.parametrize("name", sorted(F1_FLOORS))
def test_heldout_gold_agrees_with_its_articles(name):
    """Every gold file names its article, and its evidence and surfaces are really in the text.

    A gold file that drifted from its article would make the F1 below meaningless.
    """
    pairs = gold_pairs(name)
    assert len(pairs) == ARTICLES[name]
    assert sorted(p.name for p in (SETS / name / "corpus").glob("*.txt")) == sorted(g["doc"] for _, g in pairs)
    for text, gold in pairs:
        if not name.startswith("realnews"):  # written to length and to tell incidents; real articles come as they are
            assert 200 <= len(text.split()) <= 400, gold["doc"]
            assert gold["incidents"], gold["doc"]
        for place in gold["places"]:
            assert place["surface"] in text, (gold["doc"], place["surface"])
        for incident in gold["incidents"]:
            assert incident["evidence"] in text, (gold["doc"], incident["evidence"])
            assert CATEGORY_OF_SUBTYPE[incident["subtype"]] == incident["category"], incident
            assert incident["location"]["precision"] in {"exact", "near", "admin", "region", "country"}


@pytest.mark.skipif(not SCORER.exists(), reason="shared/benchmarks/score_incidents.py is not present")
@pytest.mark.parametrize("name", sorted(F1_FLOORS))
def test_heldout_incident_f1_stays_above_floor(name, tmp_path):
    """`incmap extract` on a set's corpus, scored by the shared scorer, keeps F1 above the set's floor."""
    out = tmp_path / f"{name.replace('/', '_')}.geojson"
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    proc = subprocess.run([sys.executable, "-m", "geo", "extract", str(SETS / name / "corpus"), "-o", str(out)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    figures = scorer_figures(name, out)
    print(f"{name} incidents: F1={figures['incidents_f1']:.3f} "
          f"recall={figures['recall']:.3f} precision={figures['precision']:.3f}")
    assert figures["incidents_f1"] >= F1_FLOORS[name], figures
