"""The run summary of a distributed run, equal to `qa.scoring.summarize` over the same segments.

Each chunk reports small statistics (its scores and similarities in row order, finding counts by
severity, the worst severity, and sacrebleu's sufficient statistics for rows with a reference);
`fold` adds them up in (shard, chunk) order. Means are summed in the local engine's order, so
they are bit-identical, and the corpus chrF/BLEU/TER come from summed integer statistics, which
is how sacrebleu computes a corpus score (`_aggregate_and_compute` sums per-segment statistics).
No segment text reaches the driver.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from metrics.reference_scores import corpus_metrics
from qa.model import CheckFailure, SegmentResult, Severity


def chunk_stats(segments: Sequence[SegmentResult]) -> dict[str, Any]:
    """What the summary needs from one chunk of scored segments."""
    counts = {sev.value: 0 for sev in Severity}
    worst = 0
    for seg in segments:
        for finding in seg.findings:
            counts[finding.severity.value] += 1
            worst = max(worst, finding.severity.rank)
    with_ref = [s for s in segments if s.pair.ref is not None]
    reference: dict[str, list[float]] = {}
    if with_ref:
        hyps, refs = [s.pair.mt for s in with_ref], [[s.pair.ref or "" for s in with_ref]]
        for name, metric in corpus_metrics():
            stats = metric._extract_corpus_statistics(hyps, refs)  # sacrebleu's own sufficient statistics
            reference[name] = [sum(column) for column in zip(*stats)]
    return {
        "scores": [s.score for s in segments],
        "similarities": [s.pair.similarity for s in segments],
        "counts": counts,
        "worst": worst,
        "references": len(with_ref),
        "reference_stats": reference,
    }


def fold(chunks: Iterable[dict[str, Any]], fail_on: Severity | None, failures: Sequence[CheckFailure] = ()) -> dict:
    """The summary dict of `qa.scoring.summarize`, from chunk_stats in document order."""
    scores: list[float] = []
    sims: list[float] = []
    counts = {sev.value: 0 for sev in Severity}
    worst = 0
    references = 0
    totals: dict[str, list[float]] = {}
    for chunk in chunks:
        scores += chunk["scores"]
        sims += [s for s in chunk["similarities"] if s is not None]
        for severity, n in chunk["counts"].items():
            counts[severity] += n
        worst = max(worst, chunk["worst"])
        references += chunk["references"]
        for name, column_sums in chunk["reference_stats"].items():
            if name in totals:
                totals[name] = [a + b for a, b in zip(totals[name], column_sums)]
            else:
                totals[name] = list(column_sums)
    failing = fail_on is not None and worst >= fail_on.rank
    metrics: dict[str, object] = {}
    if references:
        for name, metric in corpus_metrics():
            metric.num_refs = 1  # what _cache_references records for one reference per segment
            result = metric._compute_score_from_stats(totals[name])
            metrics[name] = {"score": round(result.score, 2), "signature": str(metric.get_signature())}
    if sims:
        metrics["similarity"] = round(sum(sims) / len(sims), 4)
    return {
        "segments": len(scores),
        "score": round(sum(scores) / len(scores), 2) if scores else None,
        "passed": not failing and not failures,
        "findings": counts,
        "metrics": metrics,
        "check_failures": len(failures),
    }
