"""The JUnit XML report, for CI systems that show test results (GitLab, Jenkins, Azure, ...).

One <testsuite> per document, one <testcase> per segment, one <failure> per finding that fails
the run's gate: the findings the report's `summary.gate.failing` lists (qa.gate: new, not
suppressed, at or above --fail-on or over a --max-findings limit), or, in a report without a gate
block, the findings at or above RenderOptions.fail_on. Other findings are listed in the
testcase's <system-out>, so a reader still sees them without the build turning red. A check that
crashed on a segment is an <error> there. With a gate block, a last suite "mtqa gate" holds one
testcase, failing with the gate's reasons (a --min-score miss fails no segment). The counts follow JUnit's convention (`failures` counts
failing testcases), which is how junitparser, Jenkins and GitLab read them.

Written with xml.etree.ElementTree, which escapes text and attributes. XML 1.0 cannot carry
most C0 control characters or lone surrogates at all (not even as character references), so
any such character in a text is shown as a visible `\\uXXXX` escape instead of making the file
unreadable.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from qa.model import DocumentResult, Finding, Report, SegmentResult
from qa.render.gateview import GateView
from qa.render.locate import finding_texts, lines_label
from qa.render.options import RenderOptions

_NOT_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: str) -> str:
    """`text` with every character XML 1.0 forbids replaced by a visible escape."""
    return _NOT_XML.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def render(report: Report, options: RenderOptions) -> str:
    root = ET.Element("testsuites", name="mtqa")
    totals = {"tests": 0, "failures": 0, "errors": 0}
    gate = GateView(report.summary)
    suites = [_suite(i, doc, report, options, gate) for i, doc in enumerate(report.documents)]
    if gate.gate:
        suites.append(_gate_suite(gate.gate))
    for suite in suites:
        root.append(suite)
        for key in totals:
            totals[key] += int(suite.get(key, "0"))
    for key, value in totals.items():
        root.set(key, str(value))
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def _suite(
    index: int, doc: DocumentResult, report: Report, options: RenderOptions, gate: GateView
) -> ET.Element:
    bitext = doc.target is None
    name = doc.source if bitext else f"{doc.source} -> {doc.target}"
    suite = ET.Element("testsuite", name=xml_text(name or "mtqa"))
    if doc.target or doc.source:
        suite.set("file", xml_text(doc.target or doc.source or ""))
    properties = ET.SubElement(suite, "properties")
    for key, value in (("signature", report.signature), ("mtqa.version", report.tool.get("version", ""))):
        ET.SubElement(properties, "property", name=key, value=xml_text(str(value)))
    crashes: dict[str, list[str]] = {}
    for failure in report.failures:
        crashes.setdefault(failure.pair_id, []).append(f"{failure.code} {failure.check}: {failure.error}")
    failed = errored = 0
    classname = xml_text(doc.target or doc.source or "mtqa")
    for seg in doc.segments:
        fails = _fails(index, seg, options, gate)
        case = _case(seg, bitext, classname, fails, crashes.get(seg.pair.id, []))
        suite.append(case)
        failed += case.find("failure") is not None
        errored += case.find("error") is not None
    suite.set("tests", str(len(doc.segments)))
    suite.set("failures", str(failed))
    suite.set("errors", str(errored))
    suite.set("skipped", "0")
    return suite


def _fails(index: int, seg: SegmentResult, options: RenderOptions, gate: GateView) -> list[bool]:
    """For each of the segment's findings, whether it fails the gate."""
    if gate.gate is None:
        return [options.fail_on is not None and f.severity.rank >= options.fail_on.rank for f in seg.findings]
    return [gate.take(index, seg, f)["fails"] for f in seg.findings]


def _gate_suite(gate: dict) -> ET.Element:
    suite = ET.Element("testsuite", name="mtqa gate", tests="1", failures="0" if gate["passed"] else "1", errors="0")
    suite.set("skipped", "0")
    case = ET.SubElement(suite, "testcase", name="gate", classname="mtqa")
    if not gate["passed"]:
        reasons = "; ".join(gate.get("reasons", []))
        ET.SubElement(case, "failure", type="gate", message=xml_text(reasons)).text = xml_text(reasons)
    counts = gate.get("counts", {})
    ET.SubElement(case, "system-out").text = xml_text(", ".join(f"{k} {v}" for k, v in counts.items()))
    return suite


def _case(seg: SegmentResult, bitext: bool, classname: str, fails: list[bool], crashes: list[str]) -> ET.Element:
    pair = seg.pair
    case = ET.Element("testcase", name=xml_text(f"segment {pair.id} ({lines_label(pair, bitext)})"), classname=classname)
    below = []
    ordered = sorted(zip(seg.findings, fails), key=lambda pair: -pair[0].severity.rank)
    for finding, fails_gate in ordered:
        if fails_gate:
            failure = ET.SubElement(
                case, "failure", type=f"{finding.code} {finding.check}",
                message=xml_text(f"{finding.severity.value}: {finding.message}"),
            )
            failure.text = xml_text(_details(finding, seg))
        else:
            below.append(f"{finding.severity.value.upper()} {finding.code} {finding.check}: {finding.message}")
    for crash in crashes:
        ET.SubElement(case, "error", type="check-crashed", message=xml_text(crash)).text = xml_text(crash)
    out = [f"score {seg.score:.2f}", f"EN: {pair.src}", f"AR: {pair.mt}", *below]
    ET.SubElement(case, "system-out").text = xml_text("\n".join(out))
    return case


def _details(finding: Finding, seg: SegmentResult) -> str:
    english, arabic = finding_texts(finding, seg.pair)
    lines = [f"{finding.severity.value} {finding.category.value}: {finding.message}"]
    if english:
        lines.append(f"English: {english}")
    if arabic:
        lines.append(f"Arabic: {arabic}")
    if finding.suggestion:
        lines.append(f"Suggestion: {finding.suggestion}")
    lines += [f"EN: {seg.pair.src}", f"AR: {seg.pair.mt}"]
    return "\n".join(lines)
