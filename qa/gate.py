"""CI gating over a finished Report: which findings fail the run, and why.

Pure functions, no I/O and no rendering (qa.gatefiles reads baselines and suppression files).
The gate looks at the report's findings in three steps:

1. **suppressed**: a finding matching an accepted-findings entry (each with a reason) is set aside;
2. **known**: with a baseline, a finding whose signature the baseline report also has is set aside
   (as a multiset: a baseline with one "Kyiv → كيف" finding covers one such finding, not two);
3. the remaining findings are **new**, and fail the gate when
   - one is at least as severe as `fail_on` (`--fail-on`), or
   - a category has more than `max_findings[category]` of them (`--max-findings CATEGORY=N`;
     `total` counts every category).

Separately, `min_score` (`--min-score X`) fails the gate when the report's `summary.score`,
the mean of the segment scores (0-100, every segment counted, suppressions do not change
scores), is below X. A finding's signature (`signature`) is stable across re-ordering,
re-numbering and re-segmenting of the same text: its check code, category, the source and
target texts of its segment folded (Arabic by qa.arabic.fold, then case and white space), and
the folded text of its flagged spans; never line numbers or ids.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from qa.arabic import fold
from qa.model import Category, Finding, Report, SegmentResult, Severity

TOTAL = "total"
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Suppression:
    """An accepted finding: matched by `signature`, or by `code` (a check code or name) plus any
    of the folded texts given (`source`/`target`: the segment; `source_term`/`target_term`: the
    flagged span). `where` says where the entry was written (for messages)."""

    reason: str
    code: str | None = None
    signature: str | None = None
    source: str | None = None
    target: str | None = None
    source_term: str | None = None
    target_term: str | None = None
    where: str = ""

    def matches(self, finding: Finding, seg: SegmentResult, signature: str) -> bool:
        if self.signature is not None:
            return self.signature == signature
        if self.code not in (finding.code, finding.check):
            return False
        pair = seg.pair
        wanted = (
            (self.source, pair.src),
            (self.target, pair.mt),
            (self.source_term, finding.src_span.of(pair.src) if finding.src_span else ""),
            (self.target_term, finding.mt_span.of(pair.mt) if finding.mt_span else ""),
        )
        return all(want is None or norm(want) == norm(have) for want, have in wanted)


@dataclass(frozen=True)
class GateOptions:
    fail_on: Severity | None = Severity.CRITICAL
    min_score: float | None = None
    max_findings: dict[str, int] = field(default_factory=dict)
    baseline: Counter | None = None  # signatures of the baseline report's findings, with counts
    suppressions: tuple[Suppression, ...] = ()
    baseline_path: str | None = None
    suppressions_path: str | None = None


def norm(text: str) -> str:
    """Folded for matching: Arabic letter variants and diacritics (qa.arabic.fold), case, white space."""
    return _SPACE.sub(" ", fold(text)).strip().casefold()


def signature(finding: Finding, seg: SegmentResult) -> str:
    """16 hex digits identifying a finding by what it says about which text (see the module doc)."""
    pair = seg.pair
    parts = [
        finding.code,
        finding.category.value,
        norm(pair.src),
        norm(pair.mt),
        norm(finding.src_span.of(pair.src)) if finding.src_span else "",
        norm(finding.mt_span.of(pair.mt)) if finding.mt_span else "",
    ]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def report_signatures(report: Report) -> Counter:
    """Every finding's signature in a report, with how often it occurs (a baseline)."""
    return Counter(signature(f, seg) for seg in report.segments() for f in seg.findings)


def parse_max_findings(values: Iterable[str]) -> dict[str, int]:
    """`["name=0", "total=10"]` -> {"name": 0, "total": 10}; a ValueError naming a bad entry."""
    limits: dict[str, int] = {}
    known = [c.value for c in Category] + [TOTAL]
    for value in values:
        category, sep, number = value.partition("=")
        category = category.strip().lower()
        if not sep or category not in known:
            raise ValueError(f"--max-findings {value!r}: expected CATEGORY=N with CATEGORY one of {', '.join(known)}")
        try:
            limit = int(number)
        except ValueError:
            raise ValueError(f"--max-findings {value!r}: N must be a whole number") from None
        if limit < 0:
            raise ValueError(f"--max-findings {value!r}: N must be 0 or more")
        limits[category] = limit
    return limits


def evaluate(report: Report, options: GateOptions) -> dict[str, Any]:
    """The gate block: whether the report passes, why not, and which findings fail it."""
    remaining_baseline = Counter(options.baseline or {})
    used = Counter()
    suppressed, known, new = [], 0, []
    for doc_index, doc in enumerate(report.documents):
        for seg in doc.segments:
            for finding in seg.findings:
                sig = signature(finding, seg)
                entry = _entry(doc_index, seg, finding, sig)
                rule = next((s for s in options.suppressions if s.matches(finding, seg, sig)), None)
                if rule is not None:
                    used[rule.where] += 1
                    suppressed.append({**entry, "reason": rule.reason})
                elif remaining_baseline[sig] > 0:
                    remaining_baseline[sig] -= 1
                    known += 1
                else:
                    new.append((finding, entry))
    reasons: list[str] = []
    failing: dict[int, dict[str, Any]] = {}

    def fail(indexes: Sequence[int], why: str) -> None:
        for i in indexes:
            failing.setdefault(i, {**new[i][1], "gates": []})["gates"].append(why)

    if options.fail_on is not None:
        severe = [i for i, (f, _) in enumerate(new) if f.severity.rank >= options.fail_on.rank]
        if severe:
            fail(severe, "fail-on")
            reasons.append(f"{len(severe)} {'new ' if options.baseline is not None else ''}finding(s) at or above {options.fail_on.value}")
    for category, limit in options.max_findings.items():
        of_category = [i for i, (f, _) in enumerate(new) if category == TOTAL or f.category.value == category]
        if len(of_category) > limit:
            fail(of_category, f"max-findings {category}")
            reasons.append(f"{len(of_category)} {category} finding(s), more than --max-findings {category}={limit}")
    score = report.summary.get("score")
    if options.min_score is not None and (score is None or score < options.min_score):
        reasons.append(f"mean segment score {score} is below --min-score {options.min_score:g}")
    return {
        "passed": not reasons,
        "reasons": reasons,
        "fail_on": options.fail_on.value if options.fail_on else "never",
        "min_score": options.min_score,
        "max_findings": dict(options.max_findings),
        "baseline": options.baseline_path,
        "suppressions": options.suppressions_path,
        "counts": {"findings": len(report.findings()), "suppressed": len(suppressed), "in_baseline": known, "new": len(new)},
        "new": [entry for _, entry in new] if options.baseline is not None else None,
        "failing": [failing[i] for i in sorted(failing)],
        "suppressed": suppressed,
        "unused_suppressions": [s.where for s in options.suppressions if not used[s.where]],
    }


def apply_gate(report: Report, options: GateOptions) -> Report:
    """The report with `summary.gate` added and `summary.passed` set by the gate (and crashes)."""
    gate = evaluate(report, options)
    summary = {**report.summary, "passed": gate["passed"] and not report.failures, "gate": gate}
    return replace(report, summary=summary)


def _entry(doc_index: int, seg: SegmentResult, finding: Finding, sig: str) -> dict[str, Any]:
    return {
        "document": doc_index,
        "segment": seg.pair.id,
        "code": finding.code,
        "category": finding.category.value,
        "severity": finding.severity.value,
        "signature": sig,
        "message": finding.message,
    }
