"""JUnit XML: read back by a real consumer (junitparser) with the right counts, and valid against
the Jenkins/Surefire JUnit schema (junit-10.xsd, the one pytest checks its own output with)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from junitparser import Error, Failure, JUnitXml
from lxml import etree
from report_samples import bitext_report, document_report

from qa.model import Severity
from qa.render import RenderOptions, render

XSD = etree.XMLSchema(etree.parse(str(Path(__file__).parent / "data" / "junit-10.xsd")))


def junit(report, fail_on: Severity | None, tmp_path: Path) -> Path:
    path = tmp_path / "report.xml"
    path.write_text(render(report, "junit", RenderOptions(fail_on=fail_on)), encoding="utf-8")
    return path


def results_by_case(path: Path) -> dict[str, list]:
    xml = JUnitXml.fromfile(str(path))
    return {case.name: list(case.result) for suite in xml for case in suite}


def test_junitparser_reads_one_testcase_per_segment_and_a_failure_per_gated_finding(tmp_path):
    path = junit(document_report(), Severity.MAJOR, tmp_path)
    xml = JUnitXml.fromfile(str(path))
    (suite,) = list(xml)
    assert suite.tests == 4
    assert suite.failures == 3  # segments 1, 2, 3 have a major or critical finding
    assert suite.errors == 1  # segment 4: a check crashed on it
    cases = results_by_case(path)
    failures = {name: [r for r in results if isinstance(r, Failure)] for name, results in cases.items()}
    assert {name: len(f) for name, f in failures.items()} == {
        "segment 1 (en 1 | ar 1)": 1,  # the critical one; the minor note stays in system-out
        "segment 2 (en 2,3 | ar 2,3)": 3,
        "segment 3 (en 3 | ar -)": 1,
        "segment 4 (en 3 | ar 3)": 0,
    }
    kyiv = failures["segment 1 (en 1 | ar 1)"][0]
    assert kyiv.type == "NAM001 name-garbled-into-word"
    assert kyiv.message == "critical: the name “Kyiv” is rendered as كيف (how)"
    assert "Arabic: كيف" in kyiv.text and "Suggestion: كييف" in kyiv.text
    assert [type(r) for r in cases["segment 4 (en 3 | ar 3)"]] == [Error]


def test_findings_below_the_gate_are_listed_but_do_not_fail(tmp_path):
    path = junit(document_report(), Severity.CRITICAL, tmp_path)
    (suite,) = list(JUnitXml.fromfile(str(path)))
    assert suite.failures == 2  # only segments 1 and 2 have a critical finding
    case = next(c for c in suite if c.name.startswith("segment 3"))
    assert case.system_out is not None and "MAJOR ALN001" in case.system_out


def test_fail_on_never_gives_no_failures(tmp_path):
    (suite,) = list(JUnitXml.fromfile(str(junit(document_report(), None, tmp_path))))
    assert (suite.tests, suite.failures) == (4, 0)


@pytest.mark.parametrize("make", [document_report, bitext_report])
def test_junit_xml_is_valid_against_the_junit_schema(make, tmp_path):
    document = etree.parse(str(junit(make(), Severity.MINOR, tmp_path)))
    assert XSD.validate(document), XSD.error_log


def test_schema_validation_is_not_vacuous(tmp_path):
    document = etree.parse(str(junit(document_report(), Severity.MINOR, tmp_path)))
    document.getroot()[0].attrib.pop("tests")  # a testsuite must say how many tests it has
    assert not XSD.validate(document)


def test_markup_and_control_characters_in_texts_stay_well_formed_text(tmp_path):
    from dataclasses import replace

    report = document_report()
    doc = report.documents[0]
    seg = doc.segments[0]
    hostile = replace(seg.findings[0], message='<b>"x" & y</b>]]>\x00\x1b', suggestion="</failure><x/>")
    seg = replace(seg, findings=(hostile, *seg.findings[1:]))
    report = replace(report, documents=(replace(doc, segments=(seg, *doc.segments[1:])),))
    path = junit(report, Severity.MAJOR, tmp_path)
    ET.parse(path)  # well-formed
    failure = next(r for r in results_by_case(path)["segment 1 (en 1 | ar 1)"] if isinstance(r, Failure))
    assert failure.message == 'critical: <b>"x" & y</b>]]>\\u0000\\u001b'
    assert "Suggestion: </failure><x/>" in failure.text


def test_the_cli_gate_decides_what_fails(monkeypatch, encoder, tmp_path):
    """`mtqa check -f junit --fail-on X`: the renderer is told the run's gate."""
    import json

    from click.testing import CliRunner

    from qa.cli import main

    monkeypatch.setattr("qa.pipeline.open_encoder", lambda model: encoder)
    copied = "The talks will resume on Monday in Geneva."  # an MT equal to its source: critical
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text(json.dumps({"src": copied, "mt": copied}) + "\n", encoding="utf-8")
    counts = {}
    for gate in ("critical", "never"):
        out = tmp_path / f"{gate}.xml"
        result = CliRunner().invoke(main, ["check", str(pairs), "-f", "junit", "--fail-on", gate, "-o", str(out)])
        assert result.exit_code == (1 if gate == "critical" else 0), result.output
        document, gate_suite = list(JUnitXml.fromfile(str(out)))
        counts[gate] = (document.tests, document.failures, gate_suite.failures)
    assert counts == {"critical": (1, 1, 1), "never": (1, 0, 0)}


def test_with_a_gate_block_only_the_findings_that_fail_the_gate_are_failures(tmp_path):
    """qa.gate decides (baseline, suppressions, --max-findings); JUnit shows its decision."""
    from collections import Counter

    from qa.gate import GateOptions, apply_gate, signature

    report = document_report()
    kyiv_segment = report.segments()[0]
    baseline = Counter({signature(kyiv_segment.findings[0], kyiv_segment): 1})  # Kyiv is a known finding
    gated = apply_gate(report, GateOptions(fail_on=Severity.CRITICAL, min_score=90.0, baseline=baseline))
    path = junit(gated, Severity.CRITICAL, tmp_path)
    document, gate_suite = list(JUnitXml.fromfile(str(path)))
    assert gate_suite.failures == 1  # the min-score miss
    assert document.failures == 1  # segment 2's new critical NEG001; Kyiv is in the baseline
    cases = results_by_case(path)
    assert [r.type for r in cases["segment 2 (en 2,3 | ar 2,3)"] if isinstance(r, Failure)] == ["NEG001 negation-dropped"]
    assert not [r for r in cases["segment 1 (en 1 | ar 1)"] if isinstance(r, Failure)]
    (gate_failure,) = [r for r in cases["gate"] if isinstance(r, Failure)]
    assert "below --min-score 90" in gate_failure.message
    assert XSD.validate(etree.parse(str(path))), XSD.error_log
