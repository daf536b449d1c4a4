"""Fit the negation decision model (reference/negation/model.json): one logistic regression per
candidate kind (dropped, added, antonym) over the candidate's lexical features and the encoder's
contrastive signals, and per kind the probability thresholds of a major and a critical finding.

    python reference/negation/fit.py                 # fit on the fit half, write model.json
    python reference/negation/fit.py --no-write      # print only

Data (build time only, never shipped):
- negatives: every candidate the analysis raises on NTREX human translations (taken as correct);
- positives: the candidates an injected error raises that its clean pair did not have, with the
  kind of the injected error, from challenge sets of seeds other than 13 (the evaluation seed,
  benchmarks/challenge.py), all challenges of each type (no per-type cap).
Only NTREX documents of the fit half (crc32 of the document id even) are used, for negatives and
positives alike, so the other half's pairs stay unseen: evaluate.py reports both halves.
Thresholds: the three major thresholds maximise the mean recall over the three types on the fit
half while the share of fit-half NTREX pairs with a major-or-critical finding stays within
--budget; the critical thresholds do the same within --critical-budget.
"""

from __future__ import annotations

import argparse
import itertools
import json
import pickle
import sys
import zlib
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from benchmarks.challenge import generate  # noqa: E402
from benchmarks.eval_checks import load_ntrex  # noqa: E402
from metrics.encoders import EmbeddingCache, load_encoder  # noqa: E402
from qa.checks.negation import _analysis, signals  # noqa: E402
from qa.checks.registry import CheckContext  # noqa: E402
from qa.model import AlignedPair  # noqa: E402

HERE = Path(__file__).resolve().parent
TYPES = {"negation_dropped": "dropped", "negation_added": "added", "antonym_swap": "antonym"}
EVALUATION_SEED = 13
FEATURES = {
    "dropped": ("npi", "glued", "deficit", "det", "lexical", "affix", "weak", "other_near",
                "sentence_gain", "clause_gain", "similarity"),
    "added": ("glued", "deficit", "past", "future", "copula", "other_any", "restrictive",
              "sentence_gain", "clause_gain", "similarity"),
    "antonym": ("glued", "distance", "free", "fixed", "negated", "sentence_gain", "clause_gain", "similarity"),
}
L2 = 1.0  # ridge penalty on the standardised weights
FLOOR = 0.5  # no threshold below an even chance


def fit_half(doc_id: str) -> bool:
    return zlib.crc32(doc_id.encode("utf-8")) % 2 == 0


class StoredEncoder:
    """The real encoder behind a pickled text -> vector store (--cache), for repeated fits."""

    def __init__(self, path: Path | None) -> None:
        self.path, self.real = path, None
        self.store = pickle.loads(path.read_bytes()) if path and path.exists() else {}
        self.name, self.version = "use-m3", "-"

    def encode(self, texts):
        missing = list(dict.fromkeys(t for t in texts if t not in self.store))
        if missing:
            self.real = self.real or load_encoder("use-m3")
            self.store.update(zip(missing, self.real.encode(missing)))
        return np.stack([self.store[t] for t in texts]) if texts else np.zeros((0, 512), dtype=np.float32)

    def save(self) -> None:
        if self.path:
            self.path.write_bytes(pickle.dumps(self.store, protocol=4))


def candidate_rows(pairs: list[AlignedPair], ctx: CheckContext) -> list[list[tuple]]:
    """Per pair, (kind, cue, signals) for each candidate; every text embedded in one batch first."""
    analyses = [ctx.memo(_analysis, p) for p in pairs]
    ctx.embed([t for p, a in zip(pairs, analyses) for t in (p.src, p.mt, *a.probes()) if t.strip()])
    out = []
    for pair, analysis in zip(pairs, analyses):
        out.append([(c.kind, c.cue, signals(pair, ctx, c)) for c in analysis.candidates])
    ctx.clear_memo()
    return out


def collect(seeds: list[int], all_docs: bool, encoder) -> tuple[dict, dict, int]:
    """Negative rows per kind (with their NTREX pair), positive rows per kind (with their
    challenge), and the number of NTREX pairs used."""
    ntrex = load_ntrex()
    keep = [i for i, (_, _, doc) in enumerate(ntrex) if all_docs or fit_half(doc)]
    ctx = CheckContext(embed=EmbeddingCache(encoder).embed)
    negatives: dict[str, list] = defaultdict(list)
    pairs = [AlignedPair(str(i), ntrex[i][0], ntrex[i][1]) for i in keep]
    for i, rows in zip(keep, candidate_rows(pairs, ctx)):
        for kind, _, values in rows:
            negatives[kind].append((f"ntrex:{i}", values))
    positives: dict[str, list] = defaultdict(list)
    kept = set(keep)
    for seed in seeds:
        challenges = [c for c in generate([(e, a) for e, a, _ in ntrex], seed=seed, types=tuple(TYPES)) if c.pair_index in kept]
        clean = candidate_rows([AlignedPair("c", c.src, c.mt_clean) for c in challenges], ctx)
        injected = candidate_rows([AlignedPair("i", c.src, c.mt) for c in challenges], ctx)
        for c, before, after in zip(challenges, clean, injected):
            left = Counter((kind, cue) for kind, cue, _ in before)
            for kind, cue, values in after:
                if left[(kind, cue)]:
                    left[(kind, cue)] -= 1
                elif kind == TYPES[c.type]:
                    positives[kind].append((f"{seed}:{c.type}:{c.pair_index}", values))
        # challenges without any fresh candidate still count in the recall denominators
        for c in challenges:
            positives["_all"].append((f"{seed}:{c.type}:{c.pair_index}", TYPES[c.type]))
    return negatives, positives, len(keep)


def logistic(x: np.ndarray, y: np.ndarray, l2: float = L2) -> tuple[np.ndarray, float]:
    """Weights and bias of an L2-penalised logistic regression (Newton's method; x standardised)."""
    n, d = x.shape
    xb = np.hstack([x, np.ones((n, 1))])
    w = np.zeros(d + 1)
    penalty = np.diag([l2] * d + [0.0])
    for _ in range(50):
        p = 1 / (1 + np.exp(-np.clip(xb @ w, -40, 40)))
        grad = xb.T @ (p - y) + penalty @ w
        hess = (xb * (p * (1 - p))[:, None]).T @ xb + penalty
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w[:-1], float(w[-1])


def fit_kind(kind: str, negatives: list, positives: list) -> dict:
    names = FEATURES[kind]
    rows = [v for _, v in negatives] + [v for _, v in positives]
    x = np.array([[float(v.get(n, 0.0)) for n in names] for v in rows])
    y = np.array([0.0] * len(negatives) + [1.0] * len(positives))
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    weights, bias = logistic((x - mean) / scale, y)
    return {"features": list(names), "mean": mean.round(6).tolist(), "scale": scale.round(6).tolist(),
            "weights": weights.round(6).tolist(), "bias": round(bias, 6),
            "negatives": len(negatives), "positives": len(positives)}


def probabilities(model: dict, rows: list) -> list[tuple[str, float]]:
    mean, scale, w = np.array(model["mean"]), np.array(model["scale"]), np.array(model["weights"])
    out = []
    for key, values in rows:
        x = (np.array([float(values.get(n, 0.0)) for n in model["features"]]) - mean) / scale
        out.append((key, float(1 / (1 + np.exp(-np.clip(x @ w + model["bias"], -40, 40))))))
    return out


def thresholds(models: dict, negatives: dict, positives: dict, n_pairs: int, budget: float, floor: float = FLOOR) -> tuple[dict, dict]:
    """Per-kind thresholds (at least `floor`) maximising mean recall with at most `budget`% of
    NTREX pairs flagged. The floor keeps a kind with few negatives from taking a threshold near
    zero just because none of its few NTREX candidates scored there."""
    kinds = list(models)
    pair_max: dict[str, dict[str, float]] = {k: defaultdict(float) for k in kinds}
    for k in kinds:
        for key, p in probabilities(models[k], negatives[k]):
            pair_max[k][key] = max(pair_max[k][key], p)
    keys = sorted(set().union(*(pm.keys() for pm in pair_max.values())))
    neg = np.array([[pair_max[k].get(key, 0.0) for k in kinds] for key in keys]).reshape(len(keys), len(kinds))
    caught: dict[str, dict[str, float]] = {k: defaultdict(float) for k in kinds}
    for k in kinds:
        for key, p in probabilities(models[k], positives[k]):
            caught[k][key] = max(caught[k][key], p)
    totals = Counter(kind for _, kind in positives["_all"])
    hits = {k: np.sort(np.array(list(caught[k].values()) or [2.0])) for k in kinds}
    grids = [np.unique(np.maximum(floor, np.quantile(np.concatenate([hits[k][hits[k] <= 1], neg[:, i]]), np.linspace(0, 1, 61))))
             for i, k in enumerate(kinds)]
    recalls = [(len(hits[k]) - np.searchsorted(hits[k], g, side="left")) / max(1, totals[k]) for k, g in zip(kinds, grids)]
    allowed = budget / 100 * n_pairs
    best, best_t, best_r = -1.0, None, None
    for idx in itertools.product(*(range(len(g)) for g in grids)):
        recall = [r[i] for r, i in zip(recalls, idx)]
        score = float(np.mean(recall)) + 0.001 * min(recall)
        if score <= best:
            continue
        combo = np.array([g[i] for g, i in zip(grids, idx)])
        if len(neg) and (neg >= combo).any(axis=1).sum() > allowed:
            continue
        best, best_t, best_r = score, dict(zip(kinds, combo.tolist())), dict(zip(kinds, recall))
    return best_t, best_r


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--budget", type=float, default=1.6, help="major-or-critical %% of NTREX pairs (fit half)")
    parser.add_argument("--critical-budget", type=float, default=1.0, help="critical %% of NTREX pairs (fit half)")
    parser.add_argument("--all-docs", action="store_true", help="fit on every NTREX document (no held-out half)")
    parser.add_argument("--cache", type=Path, help="a pickle of embeddings to reuse between fits (build-time)")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)
    if EVALUATION_SEED in args.seeds:
        parser.error(f"seed {EVALUATION_SEED} is the evaluation seed: never fit on it")
    encoder = StoredEncoder(args.cache)
    negatives, positives, n_pairs = collect(args.seeds, args.all_docs, encoder)
    encoder.save()
    models = {k: fit_kind(k, negatives[k], positives[k]) for k in TYPES.values()}
    major, recall = thresholds(models, negatives, positives, n_pairs, args.budget)
    critical, crecall = thresholds(models, negatives, positives, n_pairs, args.critical_budget)
    for k, m in models.items():
        m["major"] = round(major[k], 6)
        m["critical"] = round(max(critical[k], major[k]), 6)
        print(f"{k:8} n-={m['negatives']:5} n+={m['positives']:5} major>={m['major']:.3f} ({100 * recall[k]:.1f}% of fit-half "
              f"challenges) critical>={m['critical']:.3f} ({100 * crecall[k]:.1f}%)")
        print("         " + ", ".join(f"{n} {w:+.2f}" for n, w in zip(m["features"], m["weights"])) + f", bias {m['bias']:+.2f}")
    out = {
        "schema": "mtqa.negation-model/1",
        "fitted_by": "python reference/negation/fit.py " + " ".join(argv if argv is not None else sys.argv[1:]),
        "data": {"seeds": args.seeds, "documents": "all" if args.all_docs else "fit half (crc32(document id) even)",
                 "ntrex_pairs": n_pairs, "budget_percent": args.budget, "critical_budget_percent": args.critical_budget},
        "kinds": models,
    }
    if not args.no_write:
        (HERE / "model.json").write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {HERE / 'model.json'}")


if __name__ == "__main__":
    main()
