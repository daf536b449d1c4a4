"""The pipeline's public API: documents and pairs in, a finished Report out."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from qa.checks.registry import CheckSpec, Flag
from qa.config import Config
from qa.errors import InputError, ModelError, UsageError
from qa.model import AlignedPair, Category, Severity
from qa.pipeline import Run, check_documents, check_pairs, open_encoder

SAMPLES = Path(__file__).resolve().parents[1] / "reference" / "samples"


@pytest.fixture(scope="module")
def sample_report(encoder):
    return check_documents(SAMPLES / "riviera-storm.en.txt", SAMPLES / "riviera-storm.ar.txt", encoder=encoder)


def test_import_qa_is_light_and_the_api_loads_on_first_use():
    code = (
        "import sys, qa; light = 'qa.pipeline' not in sys.modules and 'numpy' not in sys.modules; "
        "from qa import check_documents, check_pairs, Config; print(light, callable(check_documents), callable(check_pairs))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["True", "True", "True"]


def test_check_pairs_measures_scores_and_summarizes(encoder):
    pairs = [
        AlignedPair("1", "The talks will resume on Monday.", "ستستأنف المحادثات يوم الاثنين.", "تستأنف المحادثات يوم الاثنين."),
        AlignedPair("2", "The talks will resume on Monday.", "The talks will resume on Monday."),
    ]
    report = check_pairs(pairs, encoder=encoder)
    first, copied = report.segments()
    assert 0.5 < first.pair.similarity <= 1 and first.metrics["chrf"] > 50
    assert copied.metrics["chrf"] is None
    assert "LNG002" in {f.code for f in copied.findings}
    assert not any(f.severity is Severity.CRITICAL for f in first.findings)
    assert copied.score < first.score
    criticals = sum(f.severity is Severity.CRITICAL for f in report.findings())
    assert report.summary["findings"]["critical"] == criticals >= 1
    assert report.summary["passed"] is False
    assert "chrf" in report.summary["metrics"] and "signature" in report.summary["metrics"]["chrf"]


def test_a_crashing_check_is_recorded_and_the_run_goes_on(encoder):
    def broken(pair, ctx):
        raise ValueError("bad offsets")
        yield Flag(Severity.MINOR, "never")

    spec = CheckSpec("TST001", "always-crashes", Category.FORMAT, broken)
    run = Run(Config(), encoder, [spec])
    result = run.check_document([AlignedPair("x", "One sentence here.", "جملة واحدة هنا.")])
    report = run.report([result])
    assert len(report.segments()) == 1
    assert [(f.code, f.pair_id, f.error) for f in report.failures] == [("TST001", "x", "ValueError: bad offsets")]
    assert report.summary["passed"] is False
    assert run.timings["TST001"] > 0 and run.timings["embed"] > 0


def test_input_errors_come_before_the_encoder_loads(tmp_path, monkeypatch):
    def no_model(model):
        raise AssertionError("the encoder must not load for a bad input")

    monkeypatch.setattr("qa.pipeline.open_encoder", no_model)
    source = tmp_path / "a.en.txt"
    source.write_text("A sentence.\n", encoding="utf-8")
    with pytest.raises(InputError, match="no such file"):
        check_documents(source, tmp_path / "missing.ar.txt")
    with pytest.raises(UsageError, match="no check matches 'NOPE'"):
        check_documents(source, source, config=Config(select=("NOPE",)))


def test_an_unknown_model_is_a_model_error_naming_the_choices():
    with pytest.raises(ModelError, match="unknown model 'bert': use 'use-m3' or 'st:NAME_OR_PATH'"):
        open_encoder("bert")


# -- the shipped sample article ----------------------------------------------------------------


def test_sample_article_every_line_is_aligned_to_its_own_paragraph(sample_report):
    en = (SAMPLES / "riviera-storm.en.txt").read_text(encoding="utf-8").split("\n")
    text_lines = {i for i, line in enumerate(en) if line.strip()}
    segments = sample_report.segments()
    assert {n for s in segments for n in s.pair.src_lines} == text_lines
    assert {n for s in segments for n in s.pair.mt_lines} == text_lines
    # The translation is paragraph-parallel: no segment joins two paragraphs or crosses lines.
    assert all(s.pair.src_lines == s.pair.mt_lines for s in segments)


def test_sample_article_gold_file_matches_the_texts():
    gold = json.loads((SAMPLES / "riviera-storm.gold.json").read_text(encoding="utf-8"))
    en = (SAMPLES / "riviera-storm.en.txt").read_text(encoding="utf-8").split("\n")
    ar = (SAMPLES / "riviera-storm.ar.txt").read_text(encoding="utf-8").split("\n")
    for error in gold["errors"]:
        assert error["en_span"] in en[error["line"]] and error["ar_span"] in ar[error["line"]]
    flagged = {e["line"] for e in gold["errors"]}
    assert flagged.isdisjoint(gold["clean_lines"])
    assert flagged | set(gold["clean_lines"]) == {i for i, line in enumerate(en) if line.strip()}


def test_sample_article_clean_lines_draw_no_critical_finding(sample_report):
    gold = json.loads((SAMPLES / "riviera-storm.gold.json").read_text(encoding="utf-8"))
    false_alarms = [
        (s.pair.mt_lines, f.code, f.message)
        for s in sample_report.segments()
        for f in s.findings
        if f.severity is Severity.CRITICAL and set(s.pair.mt_lines) & set(gold["clean_lines"])
    ]
    assert false_alarms == []
