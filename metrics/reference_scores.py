"""chrF, BLEU and TER against a reference, from sacrebleu (sentence and corpus level)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # sacrebleu loads on first use: a run without a reference never pays its 0.1 s import
    from sacrebleu.metrics import BLEU, CHRF, TER


@lru_cache(maxsize=1)
def _metrics() -> tuple[CHRF, BLEU, TER]:
    from sacrebleu.metrics import BLEU, CHRF, TER

    # effective_order: sentence BLEU without zero n-gram counts sinking short sentences.
    return CHRF(), BLEU(effective_order=True), TER()


def sentence_scores(hypothesis: str, reference: str) -> dict[str, float]:
    chrf, bleu, ter = _metrics()
    return {
        "chrf": round(chrf.sentence_score(hypothesis, [reference]).score, 2),
        "bleu": round(bleu.sentence_score(hypothesis, [reference]).score, 2),
        "ter": round(ter.sentence_score(hypothesis, [reference]).score, 2),
    }


def corpus_metrics() -> tuple[tuple[str, CHRF | BLEU | TER], ...]:
    """The corpus-level metrics, fresh objects (a sacrebleu metric caches its references)."""
    from sacrebleu.metrics import BLEU, CHRF, TER

    return (("chrf", CHRF()), ("bleu", BLEU()), ("ter", TER()))


def corpus_scores(hypotheses: Sequence[str], references: Sequence[str]) -> dict[str, dict[str, object]]:
    """Corpus chrF/BLEU/TER, each with its sacrebleu signature (for reproducible comparisons)."""
    out: dict[str, dict[str, object]] = {}
    for name, metric in corpus_metrics():
        result = metric.corpus_score(list(hypotheses), [list(references)])
        out[name] = {"score": round(result.score, 2), "signature": str(metric.get_signature())}
    return out
