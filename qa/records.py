"""The JSON Lines record stream (`--format jsonl`) and reading one back to resume it.

One JSON object per line, each naming its document by (source, target):
  {"schema": "mtqa.segment/1", "source", "target", **qa.render.json.segment_to_dict(segment)}
  {"schema": "mtqa.failure/1", "source", "target", "code", "check", "segment", "error"}
  {"schema": "mtqa.document/1", "source", "target", "segments": N, "failures": F, "signature"}
A document's segment and failure lines come first (possibly interleaved with other documents'
lines when documents are checked in parallel); its `mtqa.document/1` line comes last and says
the document is complete. A segment is identified by (source, target, id).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from qa.errors import InputError
from qa.model import CheckFailure, DocumentResult, Report, SegmentResult, Severity
from qa.render.json import segment_from_dict, segment_to_dict

SEGMENT, FAILURE, DOCUMENT = "mtqa.segment/1", "mtqa.failure/1", "mtqa.document/1"
Key = tuple[str, "str | None"]


def segment_record(source: str, target: str | None, segment: SegmentResult) -> dict[str, Any]:
    return {"schema": SEGMENT, "source": source, "target": target, **segment_to_dict(segment)}


def failure_record(source: str, target: str | None, failure: CheckFailure) -> dict[str, Any]:
    return {
        "schema": FAILURE, "source": source, "target": target,
        "code": failure.code, "check": failure.check, "segment": failure.pair_id, "error": failure.error,
    }


def document_record(source: str, target: str | None, segments: int, failures: int, signature: str) -> dict[str, Any]:
    return {"schema": DOCUMENT, "source": source, "target": target, "segments": segments, "failures": failures, "signature": signature}


def dumps(record: dict[str, Any]) -> str:
    """One line of the stream, newline included."""
    return json.dumps(record, ensure_ascii=False) + "\n"


def report_records(report: Report) -> Iterator[dict[str, Any]]:
    """A finished report as stream records. A report's failures name no document: they are
    given to its document when it has one, else to (None, None)."""
    only = report.documents[0] if len(report.documents) == 1 else None
    for doc in report.documents:
        for segment in doc.segments:
            yield segment_record(doc.source, doc.target, segment)
        if doc is only:
            yield from (failure_record(doc.source, doc.target, f) for f in report.failures)
        yield document_record(doc.source, doc.target, len(doc.segments), len(report.failures) if doc is only else 0, report.signature)
    if only is None:
        yield from (failure_record(None, None, f) for f in report.failures)


@dataclass
class Documents:
    """Records grouped by document: `complete` (in order of completion) and the signature they share."""

    complete: dict[Key, list[dict[str, Any]]] = field(default_factory=dict)
    signature: str | None = None
    pending: dict[Key, list[dict[str, Any]]] = field(default_factory=dict)  # documents still arriving
    segments: int = 0  # in the complete documents

    def add_complete(self, key: Key, records: list[dict[str, Any]]) -> None:
        signature = records[-1]["signature"]
        if self.signature is not None and signature != self.signature:
            raise InputError(
                f"document {key[0]} was checked with a different configuration (signature {signature}) than the "
                f"documents before it ({self.signature})"
            )
        self.signature = signature
        self.complete[key] = records
        self.segments += records[-1]["segments"]

    def report(self, fail_on: Severity | None, order: Iterable[Key] = (), failures: Iterable[CheckFailure] = ()) -> Report:
        """The report of every complete document (those named in `order` first, in that order);
        `failures`: crashes outside the complete documents (a document that could not be checked)."""
        from qa.scoring import summarize
        from qa.signature import tool_info

        order = list(order)
        named = set(order)
        keys = [k for k in order if k in self.complete] + [k for k in self.complete if k not in named]
        documents, failures = [], list(failures)
        for key in keys:
            records = self.complete[key]
            segments = tuple(segment_from_dict(r) for r in records if r["schema"] == SEGMENT)
            documents.append(DocumentResult(key[0], key[1], segments))
            failures += [CheckFailure(r["code"], r["check"], r["segment"], r["error"]) for r in records if r["schema"] == FAILURE]
        return Report(
            signature=self.signature or "",
            tool=tool_info(),
            summary=summarize(documents, fail_on, failures),
            documents=tuple(documents),
            failures=tuple(failures),
        )


@dataclass
class Resumed:
    """What an earlier, possibly killed, run left in its output file."""

    documents: Documents
    dropped_lines: int  # lines of documents left incomplete, and a torn last line
    lines: list[str]  # the lines to keep, in file order, newlines included


def read_stream(path: str | Path) -> Resumed:
    """Parse an existing stream: complete documents are kept; the lines of documents without their
    `mtqa.document/1` line, and a last line torn by a kill (no newline, or not JSON), are dropped."""
    path = Path(path)
    try:
        text = path.read_bytes().decode("utf-8")
    except OSError as exc:
        raise InputError(f"{path}: cannot be read to resume ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: is not an mtqa JSON Lines stream (not UTF-8): resume only into a file mtqa wrote") from None
    raw = text.split("\n")
    torn = 1 if raw[-1] else 0  # the text after the last newline: a line a kill cut short
    raw = raw[:-1]
    pending: dict[Key, list[tuple[dict[str, Any], str]]] = {}
    documents = Documents()
    keep: list[str] = []
    for line_no, line in enumerate(raw, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            key = (record["source"], record["target"])
            schema = record["schema"]
        except (json.JSONDecodeError, KeyError, TypeError):
            # Not a cut: mtqa writes whole lines, so a kill can only cut the text after the last newline.
            raise InputError(
                f"{path}, line {line_no}: not an mtqa stream record: --resume continues only a file an "
                "earlier `mtqa check --format jsonl` wrote"
            ) from None
        if key in documents.complete:
            raise InputError(f"{path}, line {line_no}: document {key[0]} is already complete above this line")
        if schema not in (SEGMENT, FAILURE, DOCUMENT):
            continue  # a record type from a later version: not ours to judge
        pending.setdefault(key, []).append((record, line + "\n"))
        if schema == DOCUMENT:
            group = pending.pop(key)
            records = [r for r, _ in group]
            counts = (sum(r["schema"] == SEGMENT for r in records), sum(r["schema"] == FAILURE for r in records))
            if counts != (record.get("segments"), record.get("failures")):
                raise InputError(
                    f"{path}, line {line_no}: document {key[0]} says {record.get('segments')} segments and "
                    f"{record.get('failures')} failures, the file holds {counts[0]} and {counts[1]}"
                )
            documents.add_complete(key, records)
            keep += [text for _, text in group]
    dropped = torn + sum(len(group) for group in pending.values())
    return Resumed(documents, dropped, keep)
