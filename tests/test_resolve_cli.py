"""`incmap resolve` as the contract and issue 2 describe it."""
import json

from conftest import run_incmap


def first(line):
    cands = json.loads(line)
    assert cands, "no candidate"
    return cands[0]


def test_issue_examples_resolve_first():
    proc = run_incmap("resolve", "بنغازي", "غاو", "واغادوغو", "بن جواد", check=True)
    lines = proc.stdout.splitlines()
    assert len(lines) == 4
    got = [(first(l)["name"], first(l)["country"]) for l in lines]
    assert got[0] == ("Benghazi", "LY") and got[1] == ("Gao", "ML")
    assert got[2] == ("Ouagadougou", "BF") and got[3][1] == "LY" and got[3][0].startswith("Bin Jaww")
    for line in lines:
        for c in json.loads(line):
            assert set(c) >= {"geonameid", "name", "name_ar", "country", "lat", "lon", "kind", "population", "score"}


def test_tripoli_namesakes_and_country_bias():
    cands = json.loads(run_incmap("resolve", "طرابلس", check=True).stdout)
    assert (cands[0]["name"], cands[0]["country"]) == ("Tripoli", "LY")
    assert "LB" in [c["country"] for c in cands]
    biased = json.loads(run_incmap("resolve", "طرابلس", "--country", "LB", check=True).stdout)
    assert biased[0]["country"] == "LB"


def test_country_before_its_capital_and_washington_dc():
    out = run_incmap("resolve", "الجزائر", "واشنطن", check=True).stdout.splitlines()
    algeria = json.loads(out[0])
    assert algeria[0]["kind"] == "country" and algeria[0]["country"] == "DZ"
    assert any(c["name"] == "Algiers" for c in algeria[1:])
    assert first(out[1])["geonameid"] == 4140963


def test_regions_without_geonames_id_carry_a_stable_id():
    sahel = first(run_incmap("resolve", "الساحل", check=True).stdout)
    assert sahel["geonameid"] is None and sahel["id"] and sahel["kind"] == "region"


def test_unknown_name_prints_empty_list_and_latin_names_work():
    proc = run_incmap("resolve", "قلعةلاوجودلها", "Benghazi", check=True)
    lines = proc.stdout.splitlines()
    assert lines[0] == "[]"
    assert first(lines[1])["geonameid"] == 88319


def test_usage_errors_exit_2_with_one_line():
    proc = run_incmap("resolve", "بنغازي", "--country", "Atlantis")
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "Atlantis" in proc.stderr
    proc = run_incmap("resolve")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert run_incmap("resolve", "--help").returncode == 0
