"""How good are the checks? False alarms on human translations, recall on injected errors.

    python benchmarks/eval_checks.py            # full run: prints, writes docs/accuracy.md + .json
    python benchmarks/eval_checks.py --slice    # only the small CI slice (refreshes its key in the json)

One encoder and one pipeline Run serve every set: the 1,997 NTREX human translations (bitext, one
document per NTREX document: the false-alarm set), the challenge set of benchmarks/challenge.py
(each injected pair checked beside its clean pair, so only findings the injection caused count),
and the seed article (document mode through qa.pipeline.check_documents). Checks are whatever
the registry holds when it runs.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from benchmarks import eval_metrics as M  # noqa: E402
from benchmarks.challenge import DEFAULT_SEED, ERROR_TYPES, Challenge, generate  # noqa: E402
from qa.config import Config  # noqa: E402
from qa.model import AlignedPair, Finding, SegmentResult  # noqa: E402
from qa.pipeline import Run  # noqa: E402
from qa.signature import run_signature  # noqa: E402

SHARED = ROOT.parent / "shared" / "data"
REVIEWED = ROOT / "benchmarks" / "reviewed_reference_errors.tsv"
DOCS_MD, DOCS_JSON = ROOT / "docs" / "accuracy.md", ROOT / "docs" / "accuracy.json"
PER_TYPE = 300
# The CI slice (tests/test_accuracy_regression.py): false alarms on the first NTREX pairs, recall on
# challenges generated from the first SLICE_CHALLENGE_PAIRS pairs, SLICE_PER_TYPE per type.
SLICE_NTREX, SLICE_CHALLENGE_PAIRS, SLICE_PER_TYPE = 200, 800, 40


def load_ntrex() -> list[tuple[str, str, str]]:
    d = SHARED / "ntrex"
    en = (d / "newstest2019-src.eng.txt").read_text(encoding="utf-8").splitlines()
    ar = (d / "newstest2019-ref.arb.txt").read_text(encoding="utf-8").splitlines()
    ids = (d / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").splitlines()
    return list(zip(en, ar, ids))


@dataclass
class Checked:
    ntrex: list[SegmentResult]
    clean: list[list[Finding]]  # per challenge, the findings on its clean pair
    injected: list[SegmentResult]


def check_sets(run: Run, ntrex: Sequence[tuple[str, str, str]], challenges: Sequence[Challenge]) -> Checked:
    """NTREX one document at a time; each challenge type as two documents (clean, injected) of
    the same pairs in the same order, so document-scope checks see like with like."""
    # Every sentence in one batch first (batches of a document's 16 pairs encode ~30% slower).
    run.cache.prime([t for en, ar, _ in ntrex for t in (en, ar)] + [c.mt for c in challenges] + [c.src for c in challenges])
    results: list[SegmentResult] = []
    start = 0
    while start < len(ntrex):
        end = start
        while end < len(ntrex) and ntrex[end][2] == ntrex[start][2]:
            end += 1
        pairs = [AlignedPair(str(i + 1), ntrex[i][0], ntrex[i][1], src_lines=(i,), mt_lines=(i,)) for i in range(start, end)]
        results += run.check_document(pairs).segments
        start = end
    clean: list[list[Finding]] = []
    injected: list[SegmentResult] = []
    for etype in dict.fromkeys(c.type for c in challenges):
        group = [c for c in challenges if c.type == etype]
        pid = lambda c: f"{c.type}:{c.pair_index + 1}"  # noqa: E731
        lines = lambda c: (c.pair_index,)  # noqa: E731
        before = run.check_document([AlignedPair(pid(c), c.src, c.mt_clean, src_lines=lines(c), mt_lines=lines(c)) for c in group])
        after = run.check_document([AlignedPair(pid(c), c.src, c.mt, src_lines=lines(c), mt_lines=lines(c)) for c in group])
        clean += [list(s.findings) for s in before.segments]
        injected += list(after.segments)
    return Checked(results, clean, injected)


def fresh_findings(challenges: Sequence[Challenge], checked: Checked) -> list[list[Finding]]:
    return [
        M.new_findings(clean, seg.findings, c.mt_clean, c.mt)
        for c, clean, seg in zip(challenges, checked.clean, checked.injected)
    ]


def seed_article(encoder, config: Config) -> dict:
    """Each required gold error caught in its category at critical/major; no critical on clean lines."""
    from benchmarks.seed_eval import evaluate_seed

    return evaluate_seed(SHARED / "seed", encoder, config)


def evaluate(encoder, per_type: int = PER_TYPE, seed: int = DEFAULT_SEED, config: Config | None = None, run: Run | None = None) -> dict:
    config = config or Config()
    ntrex = load_ntrex()
    challenges = generate([(en, ar) for en, ar, _ in ntrex], seed=seed, per_type=per_type)
    run = run or Run(config, encoder)
    checked = check_sets(run, ntrex, challenges)
    fresh = fresh_findings(challenges, checked)
    reviewed = M.read_reviewed(REVIEWED) if REVIEWED.exists() else []
    ntrex_findings = [list(s.findings) for s in checked.ntrex]
    fa = M.false_alarms(ntrex_findings, reviewed)
    rate = fa["overall"]["raw"]["serious"]
    ntrex_cos = np.array([np.nan if s.pair.similarity is None else s.pair.similarity for s in checked.ntrex])
    inj_cos = np.array([np.nan if s.pair.similarity is None else s.pair.similarity for s in checked.injected])
    return {
        "signature": run_signature(config, encoder, run.checks),
        "checks": [{"code": c.code, "name": c.name, "category": c.category.value, "scope": c.scope} for c in run.checks],
        "check_failures": len(run.failures),
        "challenge": {"seed": seed, "per_type": per_type, "counts": {t: sum(c.type == t for c in challenges) for t in ERROR_TYPES}},
        "false_alarms": fa,
        "reviewed_reference_errors": len(reviewed),
        "recall": M.recall(challenges, fresh),
        "baselines": {
            "similarity_at_system_rate": M.similarity_baseline(ntrex_cos, inj_cos, challenges, rate),
            "similarity_at_5pct": M.similarity_baseline(ntrex_cos, inj_cos, challenges, 5.0),
            "chrf_oracle": M.chrf_oracle(challenges),
        },
        "seed_article": seed_article(encoder, config),
        "ntrex_findings": _listing(checked.ntrex, reviewed),
    }


def _listing(segments: Sequence[SegmentResult], reviewed) -> list[dict]:
    """Every critical/major finding on NTREX, for review (benchmarks/reviewed_reference_errors.tsv)."""
    excused = {(r.line, r.code) for r in reviewed}
    out = []
    for i, seg in enumerate(segments):
        for f in seg.findings:
            if f.severity.rank >= M.SERIOUS:
                out.append({"line": i, "code": f.code, "severity": f.severity.value, "message": f.message,
                            "mt": f.mt_span.of(seg.pair.mt) if f.mt_span else None,
                            "src": f.src_span.of(seg.pair.src) if f.src_span else None,
                            "reviewed_true_error": (i, f.code) in excused})
    return out


def evaluate_slice(encoder, seed: int = DEFAULT_SEED, config: Config | None = None, run: Run | None = None) -> dict:
    """The CI slice: small, fixed, the same code path as the full run (`run`: reuse a run's
    embedding cache; results do not depend on it)."""
    config = config or Config()
    ntrex = load_ntrex()
    challenges = generate([(en, ar) for en, ar, _ in ntrex[:SLICE_CHALLENGE_PAIRS]], seed=seed, per_type=SLICE_PER_TYPE)
    run = run or Run(config, encoder)
    checked = check_sets(run, ntrex[:SLICE_NTREX], challenges)
    fa = M.false_alarms([list(s.findings) for s in checked.ntrex])
    rec = M.recall(challenges, fresh_findings(challenges, checked))
    return {
        "ntrex_pairs": SLICE_NTREX,
        "challenge_pairs": SLICE_CHALLENGE_PAIRS,
        "per_type": SLICE_PER_TYPE,
        "seed": seed,
        "checks": [c.code for c in run.checks],
        "false_alarm_overall": fa["overall"]["raw"]["serious"],
        "false_alarm_by_check": {code: v["raw"]["serious"] for code, v in fa["check"].items()},
        "recall": {t: v["recall"] for t, v in rec.items()},
        "recall_any": {t: v["recall_any"] for t, v in rec.items()},
        "counts": {t: v["n"] for t, v in rec.items()},
    }


def main(argv: Sequence[str] | None = None) -> int:
    import argparse

    from benchmarks.eval_report import print_summary, render_markdown
    from metrics.encoders import load_encoder

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--slice", action="store_true", help="only the CI slice; refresh its figures in the json")
    parser.add_argument("--per-type", type=int, default=PER_TYPE, help=f"challenges per error type (default {PER_TYPE})")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--no-write", action="store_true", help="print only; do not touch docs/")
    args = parser.parse_args(argv)
    command = "python benchmarks/eval_checks.py" + (" " + " ".join(argv if argv is not None else sys.argv[1:])).rstrip()
    t0 = time.perf_counter()
    encoder = load_encoder(Config().model)
    previous = json.loads(DOCS_JSON.read_text(encoding="utf-8")) if DOCS_JSON.exists() else {}
    if args.slice:
        result = dict(previous)
        result["slice"] = evaluate_slice(encoder, args.seed)
        result["slice"]["seconds"] = round(time.perf_counter() - t0, 1)
        print(json.dumps(result["slice"], indent=2, ensure_ascii=False))
    else:
        run = Run(Config(), encoder)
        result = {"schema": "mtqa.accuracy/1", "command": command, "date": date.today().isoformat()}
        result.update(evaluate(encoder, args.per_type, args.seed, run=run))
        t1 = time.perf_counter()
        result["slice"] = evaluate_slice(encoder, args.seed, run=run)
        result["slice"]["seconds"] = round(time.perf_counter() - t1, 1)
        result["seconds"] = round(time.perf_counter() - t0, 1)
        print_summary(result)
    if not args.no_write:
        DOCS_JSON.parent.mkdir(exist_ok=True)
        DOCS_JSON.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        if not args.slice:
            DOCS_MD.write_text(render_markdown(result), encoding="utf-8")
        print(f"wrote {DOCS_JSON.relative_to(ROOT)}" + ("" if args.slice else f" and {DOCS_MD.relative_to(ROOT)}"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
