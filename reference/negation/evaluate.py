"""Measure the negation checks through the real pipeline (qa.pipeline.check_pairs), as the harness
(benchmarks/eval_checks.py) counts: NTREX false alarms (raw, and net of the reviewed reference
errors), recall on the seed-13 challenge set (a finding counts when the injected pair has a
critical or major negation finding its clean pair did not have), and the time the checks add.

    python reference/negation/evaluate.py              # the tables of docs/negation.md
    python reference/negation/evaluate.py --cv         # and a 2-fold document cross-validation
    python reference/negation/evaluate.py --no-time    # skip the timing runs

--cv refits the decision model on each half of the NTREX documents (reference/negation/fit.py,
seeds 1-3) and measures the other half: the figure for text the model has never seen.
Reads ../shared/data (never shipped); injected errors come from benchmarks/challenge.py.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
import zlib
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchmarks.challenge import generate  # noqa: E402
from benchmarks.eval_checks import REVIEWED, load_ntrex  # noqa: E402
from benchmarks.eval_metrics import new_findings, read_reviewed  # noqa: E402
from metrics.encoders import load_encoder  # noqa: E402
from qa.config import Config  # noqa: E402
from qa.model import AlignedPair, Category, Severity  # noqa: E402
from qa.pipeline import check_pairs, start_run  # noqa: E402

TYPES = ("negation_dropped", "negation_added", "antonym_swap")
SEED, PER_TYPE = 13, 300
NEGATION_ONLY = Config(select=("negation",))


CRASHES: list = []  # check failures of every run (a crashing check would look like a silent miss)


def serious(findings) -> list:
    return [f for f in findings if f.category is Category.NEGATION and f.severity.rank >= Severity.MAJOR.rank]


def false_alarms(encoder, keep=None) -> tuple[list[tuple[int, list]], int]:
    """(NTREX line, its serious negation findings) for every flagged line, and the lines checked."""
    ntrex = load_ntrex()
    lines = [i for i in range(len(ntrex)) if keep is None or keep(ntrex[i][2])]
    pairs = [AlignedPair(str(i + 1), ntrex[i][0], ntrex[i][1], src_lines=(i,), mt_lines=(i,)) for i in lines]
    report = check_pairs(pairs, NEGATION_ONLY, encoder)
    CRASHES.extend(report.failures)
    flagged = [(i, serious(s.findings)) for i, s in zip(lines, report.segments())]
    return [(i, f) for i, f in flagged if f], len(lines)


def recall(encoder, keep=None, seed: int = SEED) -> dict[str, tuple[int, int]]:
    """Per type (caught, total) on the challenge set, each injected pair checked beside its clean pair."""
    ntrex = load_ntrex()
    challenges = [c for c in generate([(e, a) for e, a, _ in ntrex], seed=seed, per_type=PER_TYPE, types=TYPES)
                  if keep is None or keep(ntrex[c.pair_index][2])]
    out = {}
    for etype in TYPES:
        group = [c for c in challenges if c.type == etype]
        clean = check_pairs([AlignedPair(str(k), c.src, c.mt_clean) for k, c in enumerate(group)], NEGATION_ONLY, encoder)
        injected = check_pairs([AlignedPair(str(k), c.src, c.mt) for k, c in enumerate(group)], NEGATION_ONLY, encoder)
        CRASHES.extend([*clean.failures, *injected.failures])
        caught = sum(
            bool(serious(new_findings(b.findings, a.findings, c.mt_clean, c.mt)))
            for c, b, a in zip(group, clean.segments(), injected.segments())
        )
        out[etype] = (caught, len(group))
    return out


def timing(encoder, repeats: int = 3) -> str:
    """The NTREX run with the negation checks against the bare pipeline (encode, measure, score),
    alternated `repeats` times in one process; wall and CPU time, medians."""
    ntrex = load_ntrex()
    pairs = [AlignedPair(str(i + 1), e, a) for i, (e, a, _) in enumerate(ntrex)]
    runs: dict[str, list[tuple[float, float, float, int]]] = {"bare": [], "negation": []}
    for _ in range(repeats):
        for name in runs:
            run = start_run(NEGATION_ONLY, encoder)
            if name == "bare":
                run.checks = []
            wall, cpu = time.perf_counter(), time.process_time()
            run.report([run.check_document(pairs)])
            checks = sum(v for k, v in run.timings.items() if k.startswith("NEG"))
            runs[name].append((time.perf_counter() - wall, time.process_time() - cpu, checks, run.cache.encoded))
    lines = [f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; medians of {repeats} alternated runs"]
    for label, k in (("wall", 0), ("CPU", 1)):
        b = statistics.median(r[k] for r in runs["bare"])
        n = statistics.median(r[k] for r in runs["negation"])
        lines.append(f"{label}: bare pipeline {b:.2f} s, with the negation checks {n:.2f} s: +{n - b:.2f} s (+{100 * (n - b) / b:.0f}%)")
    lines.append(f"negation checks' own Python time (analysis, probes, verdicts): {statistics.median(r[2] for r in runs['negation']):.2f} s; "
                 f"texts encoded: {runs['bare'][0][3]} bare, {runs['negation'][0][3]} with the probes")
    return "\n".join(lines)


def cross_validate() -> None:
    """Fit on one half of the NTREX documents, measure the other, both ways."""
    import fit  # reference/negation/fit.py, beside this script

    from qa.polarity import decision

    for held_out in (1, 0):
        keep = (lambda doc, h=held_out: (zlib.crc32(doc.encode("utf-8")) % 2) == h)
        encoder = fit.StoredEncoder(None)
        negatives, positives, n_pairs = fit.collect(fit.DEFAULT_SEEDS, 1 - held_out, encoder)
        models = {k: fit.fit_kind(k, negatives[k], positives[k]) for k in fit.TYPES.values()}
        major, _ = fit.thresholds(models, negatives, positives, n_pairs, fit.BUDGET)
        critical, _ = fit.thresholds(models, negatives, positives, n_pairs, fit.CRITICAL_BUDGET)
        for k in models:
            models[k]["major"], models[k]["critical"] = major[k], max(major[k], critical[k])
        decision.install({"kinds": models})
        encoder = load_encoder("use-m3")
        flagged, n = false_alarms(encoder, keep)
        found = recall(encoder, keep)
        print(f"\nheld-out half {held_out} (model fitted on the other half, seeds {fit.DEFAULT_SEEDS}):")
        print_figures(flagged, n, found, [])
    decision.install(None)


def print_figures(flagged, n: int, found: dict, reviewed) -> None:
    excused = {(r.line, r.code) for r in reviewed}
    net = [(i, f) for i, f in flagged if any((i, x.code) not in excused for x in f)]
    critical = sum(any(x.severity is Severity.CRITICAL for x in f) for _, f in flagged)
    print(f"NTREX: {len(flagged)} / {n} pairs ({100 * len(flagged) / n:.2f}%) with a critical-or-major negation finding "
          f"({critical} critical); net of reviewed reference errors: {len(net)} ({100 * len(net) / n:.2f}%)")
    print("| type | n | recall |")
    print("| --- | --- | --- |")
    for etype, (caught, total) in found.items():
        print(f"| {etype} | {total} | {100 * caught / max(1, total):.1f}% |")
    caught, total = sum(c for c, _ in found.values()), sum(t for _, t in found.values())
    print(f"| overall | {total} | {100 * caught / max(1, total):.1f}% |")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cv", action="store_true", help="also a 2-fold document cross-validation (refits the model)")
    parser.add_argument("--no-time", action="store_true", help="skip the timing runs")
    parser.add_argument("--list", action="store_true", help="list every NTREX finding")
    args = parser.parse_args(argv)
    encoder = load_encoder("use-m3")
    reviewed = [r for r in read_reviewed(REVIEWED) if r.code.startswith("NEG")] if REVIEWED.exists() else []
    flagged, n = false_alarms(encoder)
    found = recall(encoder)
    print(f"seed {SEED}, at most {PER_TYPE} challenges per type; negation checks only (Config(select=('negation',)))")
    print_figures(flagged, n, found, reviewed)
    if args.list:
        for i, found_here in flagged:
            for f in found_here:
                print(f"  line {i}\t{f.code}\t{f.severity.value}\t{f.message[:200]}")
    by_code = Counter(f.code for _, fs in flagged for f in fs)
    print("findings by check:", dict(sorted(by_code.items())), f"; check crashes: {len(CRASHES)}")
    if not args.no_time:
        print(timing(encoder))
    if args.cv:
        cross_validate()


if __name__ == "__main__":
    main()
