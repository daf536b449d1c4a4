"""The files the CI gate reads: a baseline report and a suppressions (accepted findings) file.

Baseline: a JSON report (`--format json`, schema mtqa.report/1) or a JSON Lines stream of
segment records (`--format jsonl`, schema mtqa.segment/1) from an earlier run.

Suppressions: TOML (tomllib, stdlib), one `[[suppress]]` table per accepted finding:

    [[suppress]]
    code = "NAM001"                 # a check code or name
    source_term = "Nice"            # optional: the flagged English text (folded match)
    target_term = "لطيف"            # optional: the flagged Arabic text
    source = "..."                  # optional: the whole English segment
    target = "..."                  # optional: the whole Arabic segment
    reason = "the client's style guide"   # required

    [[suppress]]
    signature = "3f1c0e9a5b7d2e41"  # a finding's signature, as the gate block lists it
    reason = "reviewed 2026-11-29: the reference spells it this way"

An entry needs a non-empty `reason` and either a `signature` or a `code` with at least one text
to match; an unknown key is an error naming it.
"""

from __future__ import annotations

import json
import tomllib
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from qa.errors import InputError, UsageError
from qa.gate import (
    GateOptions,
    Suppression,
    parse_max_findings,
    report_signatures,
    signature,
)
from qa.model import Severity
from qa.render.json import report_from_json, segment_from_dict
from qa.textio import read_text, split_lines

SUPPRESSION_KEYS = ("code", "signature", "source", "target", "source_term", "target_term", "reason")


def load_baseline(path: str | Path) -> Counter:
    """The finding signatures of an earlier run's report (JSON) or segment stream (JSON Lines)."""
    path = Path(path)
    text = read_text(path)
    if path.suffix.lower() == ".jsonl":
        found: Counter = Counter()
        for line_no, line in enumerate(split_lines(text), 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                if record.get("schema") != "mtqa.segment/1":
                    continue  # failure records and other lines carry no findings
                seg = segment_from_dict(record)
            except (json.JSONDecodeError, KeyError, TypeError, ValueError, AttributeError) as exc:
                raise InputError(f"{path}, line {line_no}: not an mtqa segment record ({type(exc).__name__}): --baseline wants a report from an earlier run") from None
            found.update(signature(f, seg) for f in seg.findings)
        return found
    try:
        return report_signatures(report_from_json(text))
    except InputError as exc:
        raise InputError(f"{path}: {exc}: --baseline wants the JSON report (--format json) of an earlier run") from None


def load_suppressions(path: str | Path) -> tuple[Suppression, ...]:
    path = Path(path)
    try:
        data = tomllib.loads(read_text(path))
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"{path}: not valid TOML ({exc})") from None
    unknown = sorted(set(data) - {"suppress"})
    if unknown:
        raise InputError(f"{path}: unknown key {unknown[0]!r}: a suppressions file holds [[suppress]] tables only")
    entries = data.get("suppress", [])
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise InputError(f"{path}: 'suppress' must be an array of tables ([[suppress]])")
    out = []
    for number, entry in enumerate(entries, 1):
        where = f"{path} [[suppress]] #{number}"
        for key, value in entry.items():
            if key not in SUPPRESSION_KEYS:
                raise InputError(f"{where}: unknown key {key!r} (known: {', '.join(SUPPRESSION_KEYS)})")
            if not isinstance(value, str):
                raise InputError(f"{where}: {key!r} must be a string")
        if not entry.get("reason", "").strip():
            raise InputError(f"{where}: no 'reason': every accepted finding needs one")
        if "signature" not in entry and ("code" not in entry or not any(k in entry for k in SUPPRESSION_KEYS[2:6])):
            raise InputError(f"{where}: give a 'signature', or a 'code' with source, target, source_term or target_term")
        out.append(Suppression(where=where, **entry))
    return tuple(out)


def gate_options(
    fail_on: Severity | None,
    min_score: float | None = None,
    max_findings: Iterable[str] = (),
    baseline: str | Path | None = None,
    suppressions: str | Path | None = None,
) -> GateOptions:
    """GateOptions from command-line / config values, every file read and checked now (before a model loads)."""
    if min_score is not None and not 0 <= min_score <= 100:
        raise UsageError(f"--min-score {min_score:g}: a score is from 0 to 100")
    try:
        limits = parse_max_findings(max_findings)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    return GateOptions(
        fail_on=fail_on,
        min_score=min_score,
        max_findings=limits,
        baseline=load_baseline(baseline) if baseline is not None else None,
        suppressions=load_suppressions(suppressions) if suppressions is not None else (),
        baseline_path=str(baseline) if baseline is not None else None,
        suppressions_path=str(suppressions) if suppressions is not None else None,
    )
