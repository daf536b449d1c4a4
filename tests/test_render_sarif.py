"""SARIF 2.1.0: valid against the official schema, and every result points at the right place in
the translation file (1-based line and column, in code points)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from report_samples import (
    SOURCE_LINES,
    TARGET,
    TARGET_LINES,
    bitext_report,
    document_report,
)

from qa.config import Config
from qa.model import AlignedPair, SegmentResult
from qa.render import RenderOptions, render
from qa.render.json import segment_from_dict, segment_to_dict

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def sarif(report) -> dict:
    return json.loads(render(report, "sarif", RenderOptions()))


def validate(document: dict) -> None:
    validator_class = jsonschema.validators.validator_for(SCHEMA)
    validator_class.check_schema(SCHEMA)
    validator_class(SCHEMA, format_checker=validator_class.FORMAT_CHECKER).validate(document)


def region_text(lines: list[str], region: dict) -> str:
    """The file text a SARIF region covers (columns are 1-based code points, endColumn exclusive)."""
    first, last = region["startLine"] - 1, region["endLine"] - 1
    if first == last:
        return lines[first][region["startColumn"] - 1 : region["endColumn"] - 1]
    middle = lines[first + 1 : last]
    return "\n".join([lines[first][region["startColumn"] - 1 :], *middle, lines[last][: region["endColumn"] - 1]])


@pytest.mark.parametrize("make", [document_report, bitext_report])
def test_sarif_is_valid_against_the_official_2_1_0_schema(make):
    document = sarif(make())
    validate(document)
    assert document["version"] == "2.1.0"


def test_schema_validation_is_not_vacuous():
    document = sarif(document_report())
    document["runs"][0]["results"][0]["level"] = "fatal"  # not a SARIF level
    with pytest.raises(jsonschema.ValidationError):
        validate(document)


def test_every_arabic_region_covers_exactly_the_flagged_text_in_the_target_file():
    report = document_report()
    results = sarif(report)["runs"][0]["results"]
    findings = [(seg, f) for seg in report.segments() for f in seg.findings]
    assert len(results) == len(findings) == 6
    checked = 0
    for result, (seg, finding) in zip(results, findings):
        if finding.mt_span is None:
            continue
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"] == TARGET
        # A pair joins its sentences with one space where the file may have a line break.
        assert region_text(TARGET_LINES, location["region"]).replace("\n", " ") == finding.mt_span.of(seg.pair.mt)
        checked += 1
    assert checked == 5


def test_a_span_across_two_joined_sentences_runs_from_one_line_to_the_next():
    results = sarif(document_report())["runs"][0]["results"]
    across = next(r for r in results if r["ruleId"] == "FMT003")["locations"][0]["physicalLocation"]["region"]
    assert (across["startLine"], across["endLine"]) == (2, 3)
    assert region_text(TARGET_LINES, across) == "تقدم.\nلقد"


def test_the_english_span_is_a_related_location_in_the_source_file():
    result = next(r for r in sarif(document_report())["runs"][0]["results"] if r["ruleId"] == "NAM001")
    related = result["relatedLocations"][0]["physicalLocation"]
    assert related["artifactLocation"]["uri"] == "news/article.en.txt"
    assert region_text(SOURCE_LINES, related["region"]) == "Kyiv"


def test_an_omitted_sentence_is_located_at_its_english_in_the_source_file():
    result = next(r for r in sarif(document_report())["runs"][0]["results"] if r["ruleId"] == "ALN001")
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "news/article.en.txt"
    assert region_text(SOURCE_LINES, location["region"]) == "A sentence with no translation."
    assert "relatedLocations" not in result


def test_levels_follow_severity_critical_error_major_warning_minor_note():
    levels = {r["properties"]["severity"]: r["level"] for r in sarif(document_report())["runs"][0]["results"]}
    assert levels == {"critical": "error", "major": "warning", "minor": "note"}


def test_columns_are_declared_as_code_points_not_the_utf16_default():
    assert sarif(document_report())["runs"][0]["columnKind"] == "unicodeCodePoints"


def test_one_rule_per_registered_check_with_title_and_help():
    from qa.checks.registry import all_checks

    run = sarif(document_report())["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [c.code for c in all_checks()]
    neg = next(r for r in rules if r["id"] == "NEG001")
    assert neg["name"] == "negation-dropped"
    assert neg["shortDescription"]["text"].startswith("The English negates a clause")
    assert "Flags:" in neg["help"]["text"]
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]


def test_bitext_results_point_at_the_row_line_of_the_bitext_file():
    result = sarif(bitext_report())["runs"][0]["results"][0]
    location = result["locations"][0]["physicalLocation"]
    assert location == {"artifactLocation": {"uri": "batch/pairs.jsonl"}, "region": {"startLine": 4}}


def test_a_crashed_check_is_a_tool_notification_and_the_run_not_successful():
    invocation = sarif(document_report())["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert invocation["toolExecutionNotifications"][0]["descriptor"]["id"] == "NUM002"


def test_origins_round_trip_through_the_json_record_and_are_left_out_when_unknown():
    seg = document_report().segments()[1]
    record = segment_to_dict(seg)
    assert record["mt_origins"] == [[0, 1, 0], [len(TARGET_LINES[1]) + 1, 2, 0]]
    pair = segment_from_dict(json.loads(json.dumps(record))).pair
    assert (pair.src_origins, pair.mt_origins) == (seg.pair.src_origins, seg.pair.mt_origins)
    bare = SegmentResult(AlignedPair("x", "a", "b"), 100.0, {"similarity": None}, ())
    assert "mt_origins" not in segment_to_dict(bare) and "src_origins" not in segment_to_dict(bare)


def test_real_documents_give_code_point_columns_in_the_translation_file(tmp_path, encoder):
    """End to end: segmenter and aligner offsets, an astral character (an emoji: two UTF-16
    units, one code point) before the span, a second sentence on the line."""
    from qa.pipeline import check_documents

    english = ["Talks resume on Monday.", "The meeting was short. The strikes were rejected by Kyiv and its allies."]
    arabic = ["تستأنف المحادثات يوم الاثنين.", "🙂 كان الاجتماع قصيرا. رفضت كيف وحلفاؤها الضربات."]
    (tmp_path / "a.en.txt").write_text("\n".join(english) + "\n", encoding="utf-8")
    (tmp_path / "a.ar.txt").write_text("\n".join(arabic) + "\n", encoding="utf-8")
    report = check_documents(tmp_path / "a.en.txt", tmp_path / "a.ar.txt", None, Config(select=("NAM",)), encoder)
    document = sarif(report)
    validate(document)
    kyiv = [r for r in document["runs"][0]["results"] if r["ruleId"] == "NAM001"]
    assert len(kyiv) == 1
    region = kyiv[0]["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 2, "startColumn": 28, "endLine": 2, "endColumn": 31}
    assert region_text(arabic, region) == "كيف"
    english_region = kyiv[0]["relatedLocations"][0]["physicalLocation"]["region"]
    assert region_text(english, english_region) == "Kyiv"


def test_cli_bitext_results_point_at_the_rows_line_in_the_file(monkeypatch, encoder, tmp_path):
    """Blank lines are not rows: the location is the row's line in the file, not its row number."""
    from click.testing import CliRunner

    from qa.cli import main

    monkeypatch.setattr("qa.pipeline.open_encoder", lambda model: encoder)
    copied = "The talks will resume on Monday in Geneva."  # an MT equal to its source: LNG002
    rows = [{"src": "Prices rose.", "mt": "ارتفعت الأسعار."}, {"src": copied, "mt": copied}]
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text(json.dumps(rows[0]) + "\n\n\n" + json.dumps(rows[1]) + "\n", encoding="utf-8")
    out = tmp_path / "report.sarif"
    result = CliRunner().invoke(main, ["check", str(pairs), "-f", "sarif", "-o", str(out)])
    assert result.exit_code == 1, result.output
    document = json.loads(out.read_text(encoding="utf-8"))
    validate(document)
    located = {
        (r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"]) for r in document["runs"][0]["results"]
    }
    assert ("LNG002", 4) in located


def test_the_gate_block_gives_baseline_states_suppressions_and_what_fails():
    from collections import Counter

    from qa.gate import GateOptions, Suppression, apply_gate, signature
    from qa.model import Severity

    report = document_report()
    kyiv_segment = report.segments()[0]
    baseline = Counter({signature(kyiv_segment.findings[0], kyiv_segment): 1})
    accepted = Suppression(reason="house style keeps the year", code="NUM001")
    gated = apply_gate(report, GateOptions(fail_on=Severity.CRITICAL, baseline=baseline, suppressions=(accepted,)))
    document = sarif(gated)
    validate(document)
    by_rule = {r["ruleId"]: r for r in document["runs"][0]["results"]}
    assert by_rule["NAM001"]["baselineState"] == "unchanged" and by_rule["NAM001"]["properties"]["failsGate"] is False
    assert by_rule["NEG001"]["baselineState"] == "new" and by_rule["NEG001"]["properties"]["failsGate"] is True
    assert by_rule["NUM001"]["suppressions"] == [
        {"kind": "external", "status": "accepted", "justification": "house style keeps the year"}
    ]
    assert "baselineState" not in by_rule["NUM001"]
