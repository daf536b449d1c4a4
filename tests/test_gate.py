"""The CI gate (qa/gate.py): baselines, suppressions, --min-score, --max-findings.

ACCEPTANCE (#7 line 4): `test_second_run_with_one_injected_error_fails_with_exactly_that_finding_as_new`.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from qa.cli import main
from qa.errors import InputError, UsageError
from qa.gate import (
    GateOptions,
    apply_gate,
    evaluate,
    parse_max_findings,
    report_signatures,
    signature,
)
from qa.gatefiles import gate_options, load_baseline, load_suppressions
from qa.model import (
    AlignedPair,
    Category,
    DocumentResult,
    Finding,
    Report,
    SegmentResult,
    Severity,
    Span,
)


def finding(code="NAM001", severity=Severity.CRITICAL, category=Category.NAME, src=(0, 4), mt=(0, 3)) -> Finding:
    return Finding(code, "check-" + code.lower(), category, severity, "a message", Span(*src), Span(*mt))


def segment(pair_id: str, src: str, mt: str, *findings: Finding, score: float = 90.0) -> SegmentResult:
    return SegmentResult(AlignedPair(pair_id, src, mt, src_lines=(int(pair_id),), mt_lines=(int(pair_id),)), score, {}, findings)


def report(*segments: SegmentResult) -> Report:
    scores = [s.score for s in segments]
    summary = {"segments": len(segments), "score": round(sum(scores) / len(scores), 2), "passed": True}
    return Report("sig", {}, summary, (DocumentResult("a.jsonl", None, tuple(segments)),))


KYIV = ("Kyiv talks resumed.", "كيف استؤنفت المحادثات.")
DAYS = ("The war lasted 12 days.", "استمرت الحرب 13 يومًا.")


def test_signature_ignores_ids_lines_and_spelling_variants_of_the_same_text():
    base = segment("1", *KYIV, finding())
    # diacritics, case and spaces differ; the spans cover the same words at other offsets
    moved = segment("40", "  kyiv   TALKS resumed. ", "كَيفَ استؤنفت   المحادثات.", finding(src=(2, 6), mt=(0, 5)))
    assert signature(base.findings[0], base) == signature(moved.findings[0], moved)
    other_check = segment("1", *KYIV, finding(code="NAM002"))
    other_text = segment("1", "Kyiv talks stalled.", KYIV[1], finding())
    assert len({signature(s.findings[0], s) for s in (base, other_check, other_text)}) == 3


def test_baseline_covers_known_findings_as_a_multiset():
    first = report(segment("1", *KYIV, finding()))
    twice = report(segment("1", *KYIV, finding()), segment("2", *KYIV, finding()))
    gate = evaluate(twice, GateOptions(baseline=report_signatures(first)))
    assert gate["passed"] is False
    assert gate["counts"] == {"findings": 2, "suppressed": 0, "in_baseline": 1, "new": 1}
    assert [e["segment"] for e in gate["new"]] == ["2"]


def test_fail_on_counts_only_new_findings_at_or_above_the_level():
    minor = finding(code="FMT007", severity=Severity.MINOR, category=Category.FORMAT, src=(0, 0), mt=(0, 2))
    run = report(segment("1", *KYIV, finding()), segment("2", *DAYS, minor))
    baseline = report_signatures(report(segment("7", *KYIV, finding())))
    assert evaluate(run, GateOptions(fail_on=Severity.CRITICAL, baseline=baseline))["passed"] is True
    gate = evaluate(run, GateOptions(fail_on=Severity.MINOR, baseline=baseline))
    assert gate["reasons"] == ["1 new finding(s) at or above minor"]
    assert [(e["segment"], e["code"], e["gates"]) for e in gate["failing"]] == [("2", "FMT007", ["fail-on"])]


def test_max_findings_fails_a_category_over_its_limit_and_total_counts_all():
    number = finding(code="NUM001", severity=Severity.MAJOR, category=Category.NUMBER, src=(15, 17), mt=(13, 15))
    run = report(segment("1", *KYIV, finding()), segment("2", *DAYS, number))
    opts = {"fail_on": None}
    assert evaluate(run, GateOptions(**opts, max_findings={"number": 1, "name": 1}))["passed"] is True
    gate = evaluate(run, GateOptions(**opts, max_findings={"number": 0, "total": 1}))
    assert gate["reasons"] == ["1 number finding(s), more than --max-findings number=0",
                               "2 total finding(s), more than --max-findings total=1"]
    assert {e["segment"]: e["gates"] for e in gate["failing"]} == {
        "1": ["max-findings total"], "2": ["max-findings number", "max-findings total"]}


def test_min_score_compares_the_mean_segment_score():
    run = report(segment("1", *KYIV, score=70.0), segment("2", *DAYS, score=80.0))
    assert evaluate(run, GateOptions(min_score=75))["passed"] is True
    gate = evaluate(run, GateOptions(min_score=75.5))
    assert gate["reasons"] == ["mean segment score 75.0 is below --min-score 75.5"] and gate["failing"] == []


def test_apply_gate_sets_passed_and_adds_the_gate_block():
    run = report(segment("1", *KYIV, finding()))
    gated = apply_gate(run, GateOptions())
    assert gated.summary["passed"] is False and gated.summary["gate"]["counts"]["new"] == 1
    assert run.summary["passed"] is True and "gate" not in run.summary  # the input report is not changed


def test_parse_max_findings_rejects_unknown_categories_and_bad_numbers():
    assert parse_max_findings(["name=0", "TOTAL=5"]) == {"name": 0, "total": 5}
    for bad in ("names=1", "name", "name=x", "name=-1"):
        with pytest.raises(ValueError, match="--max-findings"):
            parse_max_findings([bad])


# -- suppressions ---------------------------------------------------------------------------------


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_suppressions_match_by_code_and_term_or_by_signature_and_keep_their_reason(tmp_path):
    number = finding(code="NUM001", severity=Severity.MAJOR, category=Category.NUMBER, src=(15, 17), mt=(13, 15))
    run = report(segment("1", *KYIV, finding()), segment("2", *DAYS, number))
    sig = signature(number, run.segments()[1])
    path = write(tmp_path, "accepted.toml", f'''
[[suppress]]
code = "NAM001"
source_term = "KYIV"
reason = "house style keeps the old spelling"

[[suppress]]
signature = "{sig}"
reason = "the source is wrong, reported upstream"

[[suppress]]
code = "NEG001"
target = "nothing like this"
reason = "stale"
''')
    gate = evaluate(run, GateOptions(fail_on=Severity.MINOR, suppressions=load_suppressions(path)))
    assert gate["passed"] is True
    assert [(e["segment"], e["reason"]) for e in gate["suppressed"]] == [
        ("1", "house style keeps the old spelling"), ("2", "the source is wrong, reported upstream")]
    assert gate["unused_suppressions"] == [f"{path} [[suppress]] #3"]


@pytest.mark.parametrize("text, message", [
    ('[[suppress]]\ncode = "NAM001"\nsource_term = "Kyiv"\n', "no 'reason'"),
    ('[[suppress]]\ncode = "NAM001"\nreason = "x"\n', "give a 'signature', or a 'code' with"),
    ('[[suppress]]\nsignature = "ab"\nreason = "x"\nwhy = "y"\n', "unknown key 'why'"),
    ('[suppress]\ncode = 1\n', "must be an array of tables"),
    ('ignore = ["x"]\n', "unknown key 'ignore'"),
])
def test_a_bad_suppressions_file_is_an_input_error_naming_the_problem(tmp_path, text, message):
    with pytest.raises(InputError, match=message):
        load_suppressions(write(tmp_path, "s.toml", text))


def test_baseline_must_be_an_mtqa_report(tmp_path):
    with pytest.raises(InputError, match="--baseline wants the JSON report"):
        load_baseline(write(tmp_path, "b.json", '{"schema": "other"}'))
    with pytest.raises(UsageError, match="--min-score 120"):
        gate_options(None, min_score=120)


# -- the acceptance run, through the command --------------------------------------------------------

BACKLOG = [
    ("Talks must be between Kyiv and Moscow.", "يجب أن تكون المحادثات بين كيف وموسكو."),
    ("The talks will resume on Monday.", "ستستأنف المحادثات يوم الاثنين."),
    ('Trump said he had made "no progress" with Putin.', 'قال ترامب إنه أحرز "أي تقدم" مع بوتين.'),
    ("Prices rose by 3% in May.", "ارتفعت الأسعار بنسبة 3% في مايو."),
    ("Putin spoke to reporters on Friday.", "تحدث ترامب إلى الصحفيين يوم الجمعة."),
]
INJECTED = ("The war lasted 12 days.", "استمرت الحرب 13 يومًا.")  # a changed number, NUM001
CLEAN_NEW = ("The war lasted 12 days.", "استمرت الحرب 12 يومًا.")


@pytest.fixture()
def mtqa(monkeypatch, encoder, tmp_path):
    monkeypatch.setattr("qa.pipeline.open_encoder", lambda model: encoder)
    monkeypatch.chdir(tmp_path)  # no mtqa.toml / pyproject.toml here
    runner = CliRunner()
    return lambda *args: runner.invoke(main, [str(a) for a in args], catch_exceptions=False)


def jsonl(path, rows):
    path.write_text("".join(json.dumps({"id": i, "src": s, "mt": m}, ensure_ascii=False) + "\n" for i, s, m in rows),
                    encoding="utf-8")
    return path


def test_second_run_with_one_injected_error_fails_with_exactly_that_finding_as_new(mtqa, tmp_path):
    first = jsonl(tmp_path / "batch1.jsonl", [(f"s{n}", s, m) for n, (s, m) in enumerate(BACKLOG, 1)])
    result = mtqa("check", first, "--format", "json", "--output", tmp_path / "baseline.json")
    assert result.exit_code == 1  # the backlog has critical findings: the plain gate fails
    backlog = json.loads((tmp_path / "baseline.json").read_text(encoding="utf-8"))
    assert backlog["summary"]["findings"]["critical"] >= 2

    # The next batch: the same segments re-ordered under new ids, plus one new segment with an error.
    rows = [(f"row-{n}", s, m) for n, (s, m) in enumerate(reversed(BACKLOG))]
    second = jsonl(tmp_path / "batch2.jsonl", [*rows[:2], ("new-1", *INJECTED), *rows[2:]])
    result = mtqa("check", second, "--format", "json", "--baseline", tmp_path / "baseline.json", "--fail-on", "major")
    assert result.exit_code == 1, result.output
    gate = json.loads(result.stdout)["summary"]["gate"]
    assert [(e["segment"], e["code"]) for e in gate["new"]] == [("new-1", "NUM001")]
    assert [(e["segment"], e["code"], e["gates"]) for e in gate["failing"]] == [("new-1", "NUM001", ["fail-on"])]
    assert gate["counts"]["in_baseline"] == sum(backlog["summary"]["findings"].values())

    fixed = jsonl(tmp_path / "batch3.jsonl", [*rows[:2], ("new-1", *CLEAN_NEW), *rows[2:]])
    result = mtqa("check", fixed, "--format", "json", "--baseline", tmp_path / "baseline.json", "--fail-on", "major")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["summary"]["gate"]["new"] == []


def test_min_score_and_max_findings_on_the_command_line(mtqa, tmp_path):
    path = jsonl(tmp_path / "p.jsonl", [("a", *BACKLOG[1]), ("b", *INJECTED)])
    assert mtqa("check", path, "--fail-on", "never").exit_code == 0
    result = mtqa("check", path, "--fail-on", "never", "--max-findings", "number=0", "--format", "json")
    assert result.exit_code == 1
    assert json.loads(result.stdout)["summary"]["gate"]["reasons"] == ["1 number finding(s), more than --max-findings number=0"]
    assert mtqa("check", path, "--fail-on", "never", "--min-score", "99.5").exit_code == 1
    result = mtqa("check", path, "--max-findings", "colour=1")
    assert result.exit_code == 2 and "CATEGORY one of" in result.output
