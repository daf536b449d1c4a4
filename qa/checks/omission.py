"""Omission and addition inside an aligned pair: a clause of one side with no counterpart in the other.

Two signals, both calibrated on the 1,997 NTREX human translations (no omissions, bar a few the
reviewers found) against clauses dropped from them (benchmarks/challenge.py `clause_dropped`);
docs/checks.md has the figures and the commands.

1. Length. len(ar)/len(en) in characters has a median of exp(LOG_RATIO_MEAN) = 0.92 on NTREX and
   a spread that shrinks with length (log-ratio variance LOG_RATIO_VAR_FLOOR + LOG_RATIO_VAR_SCALE
   / length, fitted by length bins). A clause whose removal from the English makes the Arabic's
   length *typical* gains a length log-likelihood ratio `length_lr`.
2. Leave one out. The encoder's cosine of the Arabic with the English minus the clause, less its
   cosine with the whole English: a clause the Arabic renders costs similarity when removed; a
   missing clause costs nothing (`loo` >= 0).

A clause is flagged when loo + LENGTH_WEIGHT * length_lr exceeds the threshold. Probes (the English
minus each clause) are embedded only for pairs whose Arabic is short for its English (z < GATE_Z):
a cheap first signal that keeps nearly all the recall (measured) at a tenth of the encoder cost.
Addition is the mirror image with the sides swapped, at a stricter threshold. Both stand aside
when most of the Arabic is words run together (FMT008 reports those): the encoder cannot read it.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from qa.checks.format import run_together_share
from qa.checks.registry import CheckContext, Flag, check
from qa.clauses import arabic_clauses, english_clauses, without
from qa.model import AlignedPair, Category, Severity, Span

# Length model of human translations (NTREX, characters, fitted by length bins).
LOG_RATIO_MEAN = -0.085
LOG_RATIO_VAR_FLOOR = 0.012
LOG_RATIO_VAR_SCALE = 1.6

GATE_Z = -1.25  # omission probes only when the Arabic is this short (in sd) for its English
LENGTH_WEIGHT = 0.05
OMISSION_THRESHOLD = 0.10
ADDITION_GATE_Z = 1.25
ADDITION_THRESHOLD = 0.12
# Above this share of run-together letters (FMT008) the encoder cannot read the Arabic: stand aside.
MAX_RUN_TOGETHER = 0.5


def log_ratio_sd(length: float) -> float:
    return math.sqrt(LOG_RATIO_VAR_FLOOR + LOG_RATIO_VAR_SCALE / max(length, 10.0))


def length_z(en_len: float, ar_len: float) -> float:
    """How typical an Arabic length is for an English length, in sd (negative: the Arabic is short)."""
    return (math.log(max(ar_len, 1) / max(en_len, 1)) - LOG_RATIO_MEAN) / log_ratio_sd(en_len)


def length_lr(z_before: float, z_after: float, toward: int) -> float:
    """The gain in length log-likelihood when a unit is removed, counted only from the side that
    the error predicts (toward=-1: the Arabic was short; +1: it was long)."""
    if z_before * toward <= 0:
        return 0.0
    return 0.5 * (z_before**2 - z_after**2)


def english_units(src: str) -> list[Span]:
    """The clauses of the English, and its comma-delimited parts when these are coarser."""
    return _units(english_clauses(src), english_clauses(src, split_words=False))


def arabic_units(mt: str) -> list[Span]:
    return _units(arabic_clauses(mt), arabic_clauses(mt, split_words=False))


def _units(fine: tuple[Span, ...], coarse: tuple[Span, ...]) -> list[Span]:
    units = list(fine) + [s for s in coarse if s not in fine]
    return units if len(fine) >= 2 or len(coarse) >= 2 else []


@dataclass(frozen=True)
class Side:
    """One side's candidate units for a pair, and what removing each does to the length fit."""

    units: tuple[Span, ...]
    probes: tuple[str, ...]
    length_lr: tuple[float, ...]


def _side(pair: AlignedPair, direction: str) -> Side | None:
    src, mt = pair.src, pair.mt
    if not src.strip() or not mt.strip() or run_together_share(mt) >= MAX_RUN_TOGETHER:
        return None
    if direction == "omission":
        z = length_z(len(src), len(mt))
        if z >= GATE_Z:
            return None
        units = english_units(src)
        lrs = [length_lr(z, length_z(len(src) - (u.end - u.start), len(mt)), -1) for u in units]
        return Side(tuple(units), tuple(without(src, u) for u in units), tuple(lrs))
    z = length_z(len(src), len(mt))
    if z <= ADDITION_GATE_Z:
        return None
    units = arabic_units(mt)
    lrs = [length_lr(z, length_z(len(src), len(mt) - (u.end - u.start)), +1) for u in units]
    return Side(tuple(units), tuple(without(mt, u) for u in units), tuple(lrs))


def omission_side(pair: AlignedPair, ctx: CheckContext) -> Side | None:
    return _side(pair, "omission")


def addition_side(pair: AlignedPair, ctx: CheckContext) -> Side | None:
    return _side(pair, "addition")


def _omission_probes(pair: AlignedPair, ctx: CheckContext) -> list[str]:
    side = ctx.memo(omission_side, pair)
    return list(side.probes) if side else []


def _addition_probes(pair: AlignedPair, ctx: CheckContext) -> list[str]:
    side = ctx.memo(addition_side, pair)
    return list(side.probes) if side else []


def _best(side: Side, anchor: str, whole: str, ctx: CheckContext) -> tuple[int, float] | None:
    """(unit index, score) of the unit of `whole` most likely to have no counterpart in `anchor`."""
    if ctx.embed is None or not side.units:
        return None
    vectors = ctx.embed([anchor, whole, *side.probes])
    base = float(np.dot(vectors[0], vectors[1]))
    loo = vectors[2:] @ vectors[0] - base
    scores = loo + LENGTH_WEIGHT * np.asarray(side.length_lr)
    k = int(np.argmax(scores))
    return k, float(scores[k])


@check("OMS001", "clause-omitted", Category.OMISSION, probes=_omission_probes)
def clause_omitted(pair: AlignedPair, ctx: CheckContext) -> Iterator[Flag]:
    """A clause of the English has no counterpart in the Arabic.

    Flags:  Pub and bar groups saw sales rise 2.7 per cent in July, but takings in restaurants were down 4.8 per cent, figures revealed. => شهدت مجموعات الحانات والبارات ارتفاعًا في المبيعات بنسبة 2.7 في المائة في يوليو.
    Passes: Pub and bar groups saw sales rise 2.7 per cent in July, but takings in restaurants were down 4.8 per cent, figures revealed. => شهدت مجموعات الحانات والبارات ارتفاعًا في المبيعات بنسبة 2.7 في المائة في يوليو، لكن إيرادات المطاعم انخفضت بنسبة 4.8 في المائة، وفقًا للأرقام.
    """
    side = ctx.memo(omission_side, pair)
    best = _best(side, pair.mt, pair.src, ctx) if side else None
    if best is None:
        return
    k, score = best
    if score > ctx.setting("omission.threshold", OMISSION_THRESHOLD):
        span = side.units[k]
        yield Flag(
            Severity.MAJOR,
            f"this part of the source seems to have no counterpart in the Arabic: {span.of(pair.src)!r}",
            src_span=span,
        )


@check("ADD001", "clause-added", Category.ADDITION, probes=_addition_probes)
def clause_added(pair: AlignedPair, ctx: CheckContext) -> Iterator[Flag]:
    """A clause of the Arabic translates nothing in the English.

    Flags:  The talks will resume on Monday. => ستستأنف المحادثات يوم الاثنين، وقال الرئيس إن الطقس سيكون مشمسًا طوال الأسبوع المقبل في العاصمة.
    Passes: The talks will resume on Monday. => ستستأنف المحادثات يوم الاثنين.
    """
    side = ctx.memo(addition_side, pair)
    best = _best(side, pair.src, pair.mt, ctx) if side else None
    if best is None:
        return
    k, score = best
    if score > ctx.setting("addition.threshold", ADDITION_THRESHOLD):
        span = side.units[k]
        yield Flag(
            Severity.MINOR,
            f"this part of the Arabic seems to translate nothing in the source: {span.of(pair.mt)!r}",
            mt_span=span,
        )
