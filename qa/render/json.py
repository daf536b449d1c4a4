"""The JSON report (schema `mtqa.report/1`) and its reader.

Later versions add fields and never rename these; `report_from_json` ignores fields it does not
know, so a newer report still reads back.
"""

from __future__ import annotations

import json
from typing import Any

from qa.errors import InputError
from qa.model import (
    AlignedPair,
    Category,
    CheckFailure,
    DocumentResult,
    Finding,
    Report,
    SegmentResult,
    Severity,
    Span,
)
from qa.render.options import RenderOptions

SCHEMA = "mtqa.report/1"


def render(report: Report, options: RenderOptions) -> str:
    return json.dumps(report_to_dict(report), ensure_ascii=False, indent=2) + "\n"


def report_to_dict(report: Report) -> dict[str, Any]:
    return {
        "schema": report.schema,
        "signature": report.signature,
        "tool": dict(report.tool),
        "summary": report.summary,
        "documents": [
            {"source": doc.source, "target": doc.target, "segments": [segment_to_dict(s) for s in doc.segments]}
            for doc in report.documents
        ],
        "failures": [
            {"code": f.code, "check": f.check, "segment": f.pair_id, "error": f.error} for f in report.failures
        ],
    }


def segment_to_dict(seg: SegmentResult) -> dict[str, Any]:
    """One segment as the report stores it (also one record of a JSON Lines stream)."""
    pair = seg.pair
    record = {
        "id": pair.id,
        "src": pair.src,
        "mt": pair.mt,
        "ref": pair.ref,
        "src_lines": list(pair.src_lines),
        "mt_lines": list(pair.mt_lines),
        "score": seg.score,
        "metrics": dict(seg.metrics),
        "findings": [f.to_dict() for f in seg.findings],
    }
    for key in ("src_tags", "mt_tags"):  # inline tags of an XLIFF/TMX segment, only when it has them
        if getattr(pair, key) is not None:
            record[key] = [list(tag) for tag in getattr(pair, key)]
    return record


def report_from_json(data: dict[str, Any] | str) -> Report:
    """A Report read back from `render`'s output (a dict, or the JSON text itself)."""
    if isinstance(data, str):
        try:
            data = json.loads(data)
        except json.JSONDecodeError as exc:
            raise InputError(f"not a JSON report ({exc.msg} at line {exc.lineno})") from None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        found = data.get("schema") if isinstance(data, dict) else type(data).__name__
        raise InputError(f"not an mtqa report: expected schema {SCHEMA!r}, found {found!r}")
    try:
        return Report(
            signature=data["signature"],
            tool=dict(data["tool"]),
            summary=data["summary"],
            documents=tuple(
                DocumentResult(doc.get("source"), doc.get("target"), tuple(segment_from_dict(s) for s in doc["segments"]))
                for doc in data["documents"]
            ),
            failures=tuple(
                CheckFailure(f["code"], f["check"], f["segment"], f["error"]) for f in data.get("failures", [])
            ),
            schema=data["schema"],
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise InputError(f"a malformed mtqa report: {type(exc).__name__}: {exc}") from None


def segment_from_dict(seg: dict[str, Any]) -> SegmentResult:
    """The inverse of segment_to_dict."""
    metrics = dict(seg["metrics"])
    pair = AlignedPair(
        id=seg["id"],
        src=seg["src"],
        mt=seg["mt"],
        ref=seg.get("ref"),
        src_lines=tuple(seg["src_lines"]),
        mt_lines=tuple(seg["mt_lines"]),
        similarity=metrics.get("similarity"),
        src_tags=_tags(seg.get("src_tags")),
        mt_tags=_tags(seg.get("mt_tags")),
    )
    return SegmentResult(pair, seg["score"], metrics, tuple(_finding_from(f) for f in seg["findings"]))


def _tags(tags: list | None) -> tuple[tuple[int, str], ...] | None:
    return None if tags is None else tuple((int(offset), str(markup)) for offset, markup in tags)


def _finding_from(f: dict[str, Any]) -> Finding:
    return Finding(
        code=f["code"],
        check=f["check"],
        category=Category(f["category"]),
        severity=Severity(f["severity"]),
        message=f["message"],
        src_span=Span(*f["src_span"]) if f.get("src_span") else None,
        mt_span=Span(*f["mt_span"]) if f.get("mt_span") else None,
        suggestion=f.get("suggestion"),
    )
