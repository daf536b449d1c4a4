"""The SARIF 2.1.0 report: findings as results located in the translation file, for code hosts.

One rule per registered check (id = code, name, shortDescription = title, help = its docstring
with its examples); one result per finding with its level (critical -> error, major -> warning,
minor -> note) and a region in the TARGET file (the Arabic) from the finding's mt_span, so a pull
request that changes a translation file is annotated on the right line and columns. The English
span is a related location in the source file. Positions come from AlignedPair.mt_origins /
src_origins (set by the aligner and the bitext reader): in document mode line and column, in
bitext mode the row's line (the text sits escaped inside the row, so no column).

Columns count Unicode code points of the line as read (`columnKind` is set: SARIF's default is
UTF-16 code units, which differ for characters outside the BMP, emoji among them). A finding with
no Arabic side (an omitted sentence) is located at its English span in the source file; one with
no known position at all names the file without a region.
"""

from __future__ import annotations

import inspect
import json
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from qa.model import Finding, Origin, Report, SegmentResult, Severity, Span
from qa.render.gateview import GateView
from qa.render.locate import position
from qa.render.options import RenderOptions

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVEL = {Severity.CRITICAL: "error", Severity.MAJOR: "warning", Severity.MINOR: "note"}


def render(report: Report, options: RenderOptions) -> str:
    rules = _rules({f.code: f for f in report.findings()})
    index = {rule["id"]: i for i, rule in enumerate(rules)}
    results = []
    gate = GateView(report.summary)
    for i, doc in enumerate(report.documents):
        bitext = doc.target is None
        target = doc.source if bitext else doc.target
        for seg in doc.segments:
            for finding in seg.findings:
                result = _result(finding, seg, index, doc.source, target, bitext)
                if gate.gate is not None:
                    _mark(result, gate.take(i, seg, finding))
                results.append(result)
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": report.tool.get("name", "mtqa"),
                "version": report.tool.get("version", ""),
                "rules": rules,
            }
        },
        "columnKind": "unicodeCodePoints",
        "invocations": [_invocation(report)],
        "results": results,
        "properties": {"signature": report.signature, "summary": report.summary},
    }
    sarif = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    text = json.dumps(sarif, ensure_ascii=False, indent=2) + "\n"
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate (a JSON input may hold one): escaped, still valid JSON
        text = json.dumps(sarif, ensure_ascii=True, indent=2) + "\n"
    return text


def _rules(seen: dict[str, Finding]) -> list[dict[str, Any]]:
    """Every registered check, plus any code in the report the registry does not know."""
    from qa.checks.registry import all_checks

    rules = []
    known = set()
    for spec in all_checks():
        known.add(spec.code)
        doc = inspect.cleandoc(spec.doc) if spec.doc else spec.title
        rules.append(
            {
                "id": spec.code,
                "name": spec.name,
                "shortDescription": {"text": spec.title or spec.name},
                "help": {"text": doc or spec.name, "markdown": _help_markdown(spec.title, spec.examples())},
                "properties": {"category": spec.category.value, "scope": spec.scope},
            }
        )
    for code in sorted(set(seen) - known):  # a report from another version of mtqa
        finding = seen[code]
        rules.append(
            {
                "id": code,
                "name": finding.check,
                "shortDescription": {"text": finding.check},
                "help": {"text": finding.check},
                "properties": {"category": finding.category.value},
            }
        )
    return rules


def _help_markdown(title: str, examples: list[tuple[bool, str, str]]) -> str:
    lines = [title]
    if examples:
        lines.append("")
        for flags, english, arabic in examples:
            lines.append(f"- {'Flags' if flags else 'Passes'}: {english} ⇒ {arabic}")
    return "\n".join(lines)


def _result(
    finding: Finding, seg: SegmentResult, index: dict[str, int], source: str | None, target: str | None, bitext: bool
) -> dict[str, Any]:
    pair = seg.pair
    message = finding.message + (f" (suggestion: {finding.suggestion})" if finding.suggestion else "")
    # The Arabic span, else the whole Arabic of the segment (a clause missing from it); an omitted
    # sentence (no Arabic at all) is located at its English in the source file.
    arabic = english = None
    if pair.mt.strip() and target is not None:
        arabic = _location(target, pair.mt_origins, finding.mt_span or Span(0, len(pair.mt)), pair.mt_lines)
    if pair.src.strip() and source is not None:
        english = _location(source, pair.src_origins, finding.src_span or Span(0, len(pair.src)), pair.src_lines)
    primary = arabic or english or {"physicalLocation": {"artifactLocation": {"uri": _uri(target or source or "")}}}
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": index[finding.code],
        "level": LEVEL[finding.severity],
        "message": {"text": message},
        "locations": [primary],
        "properties": {
            "severity": finding.severity.value,
            "category": finding.category.value,
            "segment": pair.id,
            "score": seg.score,
            **({"suggestion": finding.suggestion} if finding.suggestion else {}),
        },
    }
    if arabic is not None and english is not None and not bitext:
        result["relatedLocations"] = [{"id": 1, "message": {"text": "English source"}, **english}]
    return result


def _mark(result: dict[str, Any], standing: dict[str, Any]) -> None:
    """The gate's decision on a result: baselineState against --baseline, an accepted finding as
    a suppression with its reason, and whether it fails the gate."""
    if standing["new"] is not None and standing["suppressed"] is None:
        result["baselineState"] = "new" if standing["new"] else "unchanged"
    if standing["suppressed"] is not None:
        result["suppressions"] = [{"kind": "external", "status": "accepted", "justification": standing["suppressed"]}]
    result["properties"]["failsGate"] = standing["fails"]


def _location(path: str, origins: tuple[Origin, ...], span: Span, lines: tuple[int, ...]) -> dict[str, Any]:
    """A physicalLocation for a span of one side of a pair."""
    physical: dict[str, Any] = {"artifactLocation": {"uri": _uri(path)}}
    region = _region(origins, span, lines)
    if region:
        physical["region"] = region
    return {"physicalLocation": physical}


def _region(origins: tuple[Origin, ...], span: Span, lines: tuple[int, ...]) -> dict[str, int]:
    """1-based startLine/startColumn/endLine/endColumn (endColumn: the column after the span)."""
    start = position(origins, span.start)
    if start is None:  # a pair without origins (read from an older report): its first line only
        return {"startLine": lines[0] + 1} if lines else {}
    if start.column is None:  # a bitext row: the line only
        return {"startLine": start.line}
    region = {"startLine": start.line, "startColumn": start.column}
    last = position(origins, max(span.end - 1, span.start))
    if last is not None and last.column is not None:
        region.update(endLine=last.line, endColumn=last.column + (1 if span.end > span.start else 0))
    return region


def _uri(path: str) -> str:
    """A URI reference for a path: relative paths stay relative (code hosts resolve them against
    the repository root), absolute ones become file: URIs; unsafe characters are percent-encoded."""
    pure = PurePath(path)
    if pure.is_absolute():
        return "file://" + quote(pure.as_posix())
    return quote(pure.as_posix())


def _invocation(report: Report) -> dict[str, Any]:
    """Whether every check ran; a check that crashed is a tool notification."""
    return {
        "executionSuccessful": not report.failures,
        "toolExecutionNotifications": [
            {
                "level": "error",
                "message": {"text": f"check {f.code} {f.check} crashed on segment {f.pair_id}: {f.error}"},
                "descriptor": {"id": f.code},
            }
            for f in report.failures
        ],
    }
