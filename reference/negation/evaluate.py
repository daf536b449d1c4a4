"""Measure the negation checks: NTREX false alarms, recall on injected errors, the plain-similarity
baseline at the same false-alarm rate, and the time the checks add to a full NTREX run.

    python reference/negation/evaluate.py            # prints the tables of docs/negation.md

Reads ../shared/data (never shipped); injected errors come from benchmarks/challenge.py.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from benchmarks.challenge import generate, load_ntrex  # noqa: E402
from metrics.encoders import load_encoder  # noqa: E402
from qa.config import Config  # noqa: E402
from qa.model import AlignedPair, Category, Severity  # noqa: E402
from qa.pipeline import check_pairs  # noqa: E402

TYPES = ("negation_dropped", "negation_added", "antonym_swap")
SERIOUS = (Severity.CRITICAL, Severity.MAJOR)


def negation_hits(report) -> list[tuple[int, list]]:
    out = []
    for k, segment in enumerate(report.segments()):
        found = [f for f in segment.findings if f.category is Category.NEGATION and f.severity in SERIOUS]
        out.append((k, found))
    return out


def main() -> None:
    encoder = load_encoder("use-m3")
    ntrex = load_ntrex()
    pairs = [AlignedPair(str(i + 1), en, ar) for i, (en, ar) in enumerate(ntrex)]

    check_pairs(pairs[:50], Config(), encoder)  # warm-up
    t = time.perf_counter()
    base = check_pairs(pairs, Config(ignore=("negation",)), encoder)
    t_without = time.perf_counter() - t
    t = time.perf_counter()
    full = check_pairs(pairs, Config(), encoder)
    t_with = time.perf_counter() - t

    hits = [(k, f) for k, f in negation_hits(full) if f]
    critical = sum(any(x.severity is Severity.CRITICAL for x in f) for _, f in hits)
    rate = len(hits) / len(pairs)
    print(f"NTREX: {len(hits)} / {len(pairs)} pairs ({100 * rate:.2f}%) draw a critical-or-major negation finding "
          f"({critical} critical)")
    print(f"time: without negation checks {t_without:.2f} s, with {t_with:.2f} s "
          f"(+{t_with - t_without:.2f} s, +{100 * (t_with - t_without) / t_without:.0f}%)")
    for k, found in hits:
        for f in found:
            print(f"  line {k}\t{f.code}\t{f.severity.value}\t{f.message[:160]}")

    clean_sims = np.array([s.pair.similarity for s in base.segments()])
    threshold = float(np.quantile(clean_sims, rate))  # plain similarity flagging the same share of NTREX
    challenges = generate(ntrex, types=TYPES)
    injected = [AlignedPair(f"c{i}", c.src, c.mt) for i, c in enumerate(challenges)]
    report = check_pairs(injected, Config(), encoder)
    caught, baseline, total = Counter(), Counter(), Counter()
    for c, (k, found), segment in zip(challenges, negation_hits(report), report.segments()):
        total[c.type] += 1
        caught[c.type] += bool(found)
        baseline[c.type] += segment.pair.similarity < threshold
    print(f"\nrecall at {100 * rate:.2f}% false alarms (baseline: similarity < {threshold:.3f}, same rate)")
    print("| type | n | recall | baseline |")
    print("| --- | --- | --- | --- |")
    for name in TYPES:
        print(f"| {name} | {total[name]} | {100 * caught[name] / total[name]:.1f}% | {100 * baseline[name] / total[name]:.1f}% |")
    n = sum(total.values())
    print(f"| overall | {n} | {100 * sum(caught.values()) / n:.1f}% | {100 * sum(baseline.values()) / n:.1f}% |")


if __name__ == "__main__":
    main()
