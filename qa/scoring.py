"""Per-segment scores and the run summary.

score = calibrated similarity (0-100, metrics.similarity) minus MQM-style penalties for the
segment's findings (minor 1, major 5, critical 25 by default), floored at 0. A pair with an empty
side has no similarity; it starts from 100 and its omission/addition finding carries the penalty.
"""

from __future__ import annotations

from collections.abc import Sequence

from metrics.reference_scores import corpus_scores, sentence_scores
from metrics.similarity import calibration_for
from qa.model import AlignedPair, CheckFailure, DocumentResult, Finding, SegmentResult, Severity


def score_segment(
    pair: AlignedPair,
    findings: tuple[Finding, ...],
    encoder_name: str,
    penalties: dict[Severity, float],
) -> SegmentResult:
    base = 100.0 if pair.similarity is None else calibration_for(encoder_name).score(pair.similarity)
    penalty = sum(penalties.get(f.severity, 0.0) for f in findings)
    metrics: dict[str, float | None] = {"similarity": pair.similarity, "chrf": None, "bleu": None, "ter": None}
    if pair.ref is not None and pair.mt.strip():
        metrics.update(sentence_scores(pair.mt, pair.ref))
    return SegmentResult(pair, round(max(0.0, base - penalty), 2), metrics, findings)


def summarize(
    documents: Sequence[DocumentResult],
    fail_on: Severity | None,
    failures: Sequence[CheckFailure] = (),
) -> dict:
    segments = [s for d in documents for s in d.segments]
    counts = {sev.value: 0 for sev in Severity}
    for seg in segments:
        for finding in seg.findings:
            counts[finding.severity.value] += 1
    failing = fail_on is not None and any(
        f.severity.rank >= fail_on.rank for seg in segments for f in seg.findings
    )
    metrics: dict[str, object] = {}
    with_ref = [s for s in segments if s.pair.ref is not None]
    if with_ref:
        metrics.update(corpus_scores([s.pair.mt for s in with_ref], [s.pair.ref or "" for s in with_ref]))
    sims = [s.pair.similarity for s in segments if s.pair.similarity is not None]
    if sims:
        metrics["similarity"] = round(sum(sims) / len(sims), 4)
    return {
        "segments": len(segments),
        "score": round(sum(s.score for s in segments) / len(segments), 2) if segments else None,
        "passed": not failing and not failures,
        "findings": counts,
        "metrics": metrics,
        "check_failures": len(failures),
    }
