"""Figures from findings: false-alarm rates on human translations, recall on injected errors,
whether a finding points at the injected span, and the two generic-scoring baselines."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from benchmarks.challenge import Challenge
from qa.model import Finding, Severity

SERIOUS = Severity.MAJOR.rank  # critical or major


def pct(part: int, whole: int) -> float:
    return round(100.0 * part / whole, 2) if whole else 0.0


@dataclass(frozen=True)
class Reviewed:
    """A finding on NTREX judged a true error of the human translation (line, check code)."""

    line: int
    code: str
    why: str


def read_reviewed(path) -> list[Reviewed]:
    out = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        line, code, why = raw.split("\t", 2)
        out.append(Reviewed(int(line), code.strip(), why.strip()))
    return out


def false_alarms(findings: Sequence[Sequence[Finding]], reviewed: Iterable[Reviewed] = ()) -> dict:
    """Shares of pairs with a critical / a critical-or-major finding: overall, per category, per
    check; raw, and net of the findings reviewed as true errors of the reference."""
    excused = {(r.line, r.code) for r in reviewed}
    n = len(findings)

    def rates(keep) -> dict:
        crit, serious = Counter(), Counter()
        for i, found in enumerate(findings):
            kept = [f for f in found if keep(i, f)]
            for key in {"all"} | {f"cat:{f.category.value}" for f in kept} | {f"check:{f.code}" for f in kept}:
                match = [f for f in kept if key == "all" or key in (f"cat:{f.category.value}", f"check:{f.code}")]
                if any(f.severity is Severity.CRITICAL for f in match):
                    crit[key] += 1
                if any(f.severity.rank >= SERIOUS for f in match):
                    serious[key] += 1
        keys = sorted(set(crit) | set(serious))
        return {k: {"critical": pct(crit[k], n), "serious": pct(serious[k], n), "pairs_critical": crit[k], "pairs_serious": serious[k]} for k in keys}

    raw = rates(lambda i, f: True)
    net = rates(lambda i, f: (i, f.code) not in excused)
    empty = {"critical": 0.0, "serious": 0.0, "pairs_critical": 0, "pairs_serious": 0}
    out: dict = {"pairs": n, "overall": {"raw": raw.get("all", empty), "net": net.get("all", empty)}, "category": {}, "check": {}}
    for key in sorted(set(raw) - {"all"}):
        kind, name = key.split(":", 1)
        out["category" if kind == "cat" else "check"][name] = {"raw": raw[key], "net": net.get(key, empty)}
    return out


def _key(f: Finding, mt: str) -> tuple:
    """What identifies a finding across the clean and the injected Arabic (mt offsets shift)."""
    src = (f.src_span.start, f.src_span.end) if f.src_span else None
    text = f.mt_span.of(mt) if f.mt_span else None
    return (f.code, f.severity, src, text)


def new_findings(clean: Sequence[Finding], injected: Sequence[Finding], clean_mt: str, mt: str) -> list[Finding]:
    """Findings on the injected pair that the clean pair did not have (a multiset difference)."""
    left = Counter(_key(f, clean_mt) for f in clean)
    out = []
    for f in injected:
        k = _key(f, mt)
        if left[k]:
            left[k] -= 1
        else:
            out.append(f)
    return out


def _overlaps(a: tuple[int, int] | None, start: int, end: int) -> bool:
    return a is not None and a[0] < a[1] and start < a[1] and a[0] < end


def on_target(f: Finding, c: Challenge) -> bool:
    """The finding's mt span overlaps the injected change, or its src span the English it contradicts."""
    if f.mt_span and _overlaps(c.mt_span, f.mt_span.start, max(f.mt_span.end, f.mt_span.start + 1)):
        return True
    return bool(f.src_span and _overlaps(c.src_span, f.src_span.start, max(f.src_span.end, f.src_span.start + 1)))


def recall(challenges: Sequence[Challenge], fresh: Sequence[list[Finding]]) -> dict:
    """Per type: recall by the expected category's checks and by any check (critical or major,
    new on the injected pair), span hits among the caught, and which checks caught them."""
    out: dict = {}
    types = list(dict.fromkeys(c.type for c in challenges))
    for etype in types:
        idx = [i for i, c in enumerate(challenges) if c.type == etype]
        fam = anyc = crit = span = 0
        by_check: Counter = Counter()
        for i in idx:
            c = challenges[i]
            serious = [f for f in fresh[i] if f.severity.rank >= SERIOUS]
            family = [f for f in serious if f.category.value == c.category]
            anyc += bool(serious)
            fam += bool(family)
            crit += any(f.severity is Severity.CRITICAL for f in family)
            span += any(on_target(f, c) for f in family)
            for code in {f.code for f in serious}:
                by_check[code] += 1
        n = len(idx)
        out[etype] = {
            "n": n,
            "category": challenges[idx[0]].category if idx else None,
            "recall": pct(fam, n),
            "recall_critical": pct(crit, n),
            "recall_any": pct(anyc, n),
            "span_hit": pct(span, fam),
            "by_check": {code: pct(k, n) for code, k in sorted(by_check.items())},
        }
    return out


def similarity_baseline(ntrex_cos: np.ndarray, challenge_cos: np.ndarray, challenges: Sequence[Challenge], rate: float) -> dict:
    """Flag a pair when its src-mt cosine is below the threshold that flags `rate`% of NTREX."""
    ntrex_cos = ntrex_cos[~np.isnan(ntrex_cos)]
    threshold = float(np.quantile(ntrex_cos, rate / 100.0)) if rate > 0 else float(ntrex_cos.min()) - 1e-9
    out = {"false_alarm_rate": rate, "threshold": round(threshold, 4), "recall": {}}
    for etype in dict.fromkeys(c.type for c in challenges):
        idx = [i for i, c in enumerate(challenges) if c.type == etype]
        out["recall"][etype] = pct(int(np.sum(challenge_cos[idx] < threshold)), len(idx))
    return out


def chrf_oracle(challenges: Sequence[Challenge], threshold: float = 90.0) -> dict:
    """Sentence chrF of the injected Arabic against the unperturbed Arabic (an oracle: it needs the
    reference). Clean pairs score 100 against themselves, so at any false-alarm-matched threshold
    every change is caught; what this shows is how little the surface moves: the median score
    per type, and the share below `threshold`."""
    from sacrebleu.metrics import CHRF

    chrf = CHRF()
    out = {"threshold": threshold, "median": {}, "recall": {}}
    for etype in dict.fromkeys(c.type for c in challenges):
        scores = [chrf.sentence_score(c.mt, [c.mt_clean]).score for c in challenges if c.type == etype]
        out["median"][etype] = round(float(np.median(scores)), 1)
        out["recall"][etype] = pct(sum(s < threshold for s in scores), len(scores))
    return out
