"""The JUnit XML report, for CI systems that show test results (GitLab, Jenkins, Azure, ...).

One <testsuite> per document, one <testcase> per segment, one <failure> per finding at or above
the run's gate (RenderOptions.fail_on); findings below the gate are listed in the testcase's
<system-out>, so a reader still sees them without the build turning red. A check that crashed
on a segment is an <error> there. The counts follow JUnit's convention (`failures` counts
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
from qa.render.locate import finding_texts, lines_label
from qa.render.options import RenderOptions

_NOT_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: str) -> str:
    """`text` with every character XML 1.0 forbids replaced by a visible escape."""
    return _NOT_XML.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def render(report: Report, options: RenderOptions) -> str:
    root = ET.Element("testsuites", name="mtqa")
    totals = {"tests": 0, "failures": 0, "errors": 0}
    for doc in report.documents:
        suite = _suite(doc, report, options)
        root.append(suite)
        for key in totals:
            totals[key] += int(suite.get(key, "0"))
    for key, value in totals.items():
        root.set(key, str(value))
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def _suite(doc: DocumentResult, report: Report, options: RenderOptions) -> ET.Element:
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
    failing = errored = 0
    classname = xml_text(doc.target or doc.source or "mtqa")
    for seg in doc.segments:
        case = _case(seg, bitext, classname, options, crashes.get(seg.pair.id, []))
        suite.append(case)
        failing += case.find("failure") is not None
        errored += case.find("error") is not None
    suite.set("tests", str(len(doc.segments)))
    suite.set("failures", str(failing))
    suite.set("errors", str(errored))
    suite.set("skipped", "0")
    return suite


def _case(seg: SegmentResult, bitext: bool, classname: str, options: RenderOptions, crashes: list[str]) -> ET.Element:
    pair = seg.pair
    case = ET.Element("testcase", name=xml_text(f"segment {pair.id} ({lines_label(pair, bitext)})"), classname=classname)
    gate = options.fail_on
    below = []
    for finding in sorted(seg.findings, key=lambda f: -f.severity.rank):
        if gate is not None and finding.severity.rank >= gate.rank:
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
