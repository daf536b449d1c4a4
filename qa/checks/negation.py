"""Polarity: a negation dropped or added in the Arabic, or a word replaced by its antonym.

"made no progress" -> أحرز "أي تقدم" ("made any progress") is fluent, keeps every content word, and
barely moves sentence similarity. The checks combine two kinds of evidence (docs/negation.md):

1. lexical (qa.polarity): negation cues of both sides matched across the pair by class and position
   (reference/negation/*_cues.tsv, 1,600 affixal English words); antonym words of both sides with
   their Arabic inflections (reference/negation/antonyms.tsv) matched by concept, side and
   polarity. An English negation with no Arabic counterpart (dropped), an Arabic clause negation
   with no English one (added), or an Arabic word no English word of its side explains while the
   English uses the opposite side (antonym) is a candidate, described by lexical features (an
   unlicensed أي/أبدا, the cue's class, how many negations each side has, ...);
2. contrastive (the encoder): the candidate repaired on one side (the English negation removed,
   the Arabic one deleted, the antonym swapped back) and embedded, for the whole sentence and for
   the clause around the cue against the nearest piece of the other side: how much closer the
   repair brings the two sides.

A logistic model per kind (qa.polarity.decision, fitted by reference/negation/fit.py on NTREX human
translations and on injected errors of seeds other than the evaluation seed) turns both into a
probability; its two thresholds per kind make a finding major or critical. An English clause
negation missing next to an unlicensed أي/أبدا is critical whatever the encoder says. Thresholds can
be overridden per run: negation.<kind>.major / negation.<kind>.critical (kind: dropped, added,
antonym).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from qa.checks.registry import CheckContext, Flag, check
from qa.model import AlignedPair, Category, Severity
from qa.polarity import decision
from qa.polarity.arabic import negated_verb
from qa.polarity.contrast import Candidate, PairPolarity, analyse


@dataclass(frozen=True)
class Verdict:
    candidate: Candidate
    sentence_gain: float
    clause_gain: float
    probability: float
    severity: Severity | None


def _analysis(pair: AlignedPair, ctx: CheckContext) -> PairPolarity:
    return analyse(pair.src, pair.mt)


def polarity_probes(pair: AlignedPair, ctx: CheckContext) -> list[str]:
    """Texts the verdicts embed: per candidate, the repaired sentence, the clause, the repaired
    clause and up to three nearby pieces of the other side (only pairs with a candidate)."""
    return ctx.memo(_analysis, pair).probes()


def signals(pair: AlignedPair, ctx: CheckContext, candidate: Candidate) -> dict[str, float]:
    """The candidate's lexical features and the encoder's contrastive signals, by name: what the
    decision model (qa.polarity.decision) weighs."""
    vectors = ctx.embed([pair.src, pair.mt, *candidate.texts()])
    src, mt, probe, clause, clause_probe, others = vectors[0], vectors[1], vectors[2], vectors[3], vectors[4], vectors[5:]
    base = float(np.dot(src, mt))
    kept = mt if candidate.probe_side == "src" else src
    sentence_gain = float(np.dot(probe, kept)) - base
    clause_gain = sentence_gain
    if len(others):
        sims = others @ clause
        best = int(np.argmax(sims))
        clause_gain = float(np.dot(others[best], clause_probe)) - float(sims[best])
    values = dict(candidate.features)
    values.update(sentence_gain=sentence_gain, clause_gain=clause_gain, similarity=base)
    return values


def _verdicts(pair: AlignedPair, ctx: CheckContext) -> list[Verdict]:
    analysis = ctx.memo(_analysis, pair)
    if ctx.embed is None:
        return []
    out = []
    for candidate in analysis.candidates:
        values = signals(pair, ctx, candidate)
        p = decision.probability(candidate.kind, values)
        severity = decision.severity(
            candidate.kind, p,
            ctx.setting(f"negation.{candidate.kind}.major", None), ctx.setting(f"negation.{candidate.kind}.critical", None),
            npi=candidate.npi and candidate.strong,
        )
        out.append(Verdict(candidate, values["sentence_gain"], values["clause_gain"], p, severity))
    return out


def _flagged(pair: AlignedPair, ctx: CheckContext, kind: str) -> Iterator[Verdict]:
    for verdict in ctx.memo(_verdicts, pair):
        if verdict.candidate.kind == kind and verdict.severity is not None:
            yield verdict


def _evidence(verdict: Verdict) -> str:
    npi = "; a negative-polarity word is left without its negation" if verdict.candidate.npi else ""
    return (f"(confidence {verdict.probability:.2f}; the repair brings the sides closer by "
            f"{verdict.sentence_gain:+.3f} (sentence), {verdict.clause_gain:+.3f} (clause){npi})")


@check("NEG001", "negation-dropped", Category.NEGATION, probes=polarity_probes)
def negation_dropped(pair: AlignedPair, ctx: CheckContext) -> Iterator[Flag]:
    """The English negates a clause and the Arabic says it affirmatively.

    Flags:  Trump said he had made "no progress" with Putin. => قال ترامب إنه أحرز "أي تقدم" مع بوتين.
    Flags:  The two leaders did not discuss a face-to-face meeting. => ناقش الزعيمان عقد اجتماع وجها لوجه.
    Passes: Trump said he had made "no progress" with Putin. => قال ترامب إنه لم يحرز "أي تقدم" مع بوتين.
    Passes: Trump and Putin did not raise the subject of weapons deliveries. => لم يطرح ترامب وبوتين موضوع تسليم الأسلحة.
    Passes: The date of the vote has yet to be set. => لم يتم تحديد موعد التصويت حتى الآن.
    """
    for verdict in _flagged(pair, ctx, "dropped"):
        c = verdict.candidate
        arabic = c.mt_span.of(pair.mt) if c.mt_span else ""
        suggestion = f'render the negation of "{c.cue}" in the Arabic'
        if c.npi and c.mt_span:
            before = [w for w in (t.strip("\"“”«»'") for t in pair.mt[: c.mt_span.start].split()) if w]
            verb = before[-1] if before else ""
            fix = negated_verb(verb) if verb else ""
            if fix:
                suggestion = f"negation of {verb} is missing: {fix}"
        yield Flag(
            verdict.severity,
            f'the English negation "{c.cue}" is missing in the Arabic, which reads "{arabic}" affirmatively {_evidence(verdict)}',
            src_span=c.src_span,
            mt_span=c.mt_span,
            suggestion=suggestion,
        )


@check("NEG002", "negation-added", Category.NEGATION, probes=polarity_probes)
def negation_added(pair: AlignedPair, ctx: CheckContext) -> Iterator[Flag]:
    """The Arabic negates a clause that the English states affirmatively.

    Flags:  The president will travel to as many states as possible. => الرئيس لن يسافر إلى أكبر عدد ممكن من الولايات.
    Passes: The president will not travel to many states. => الرئيس لن يسافر إلى ولايات كثيرة.
    Passes: Only two days are left before the vote. => لم يبق إلا يومان قبل التصويت.
    Passes: They are the only unbeaten team in the league. => إنهم الفريق الوحيد الذي لم يهزم في الدوري.
    """
    for verdict in _flagged(pair, ctx, "added"):
        c = verdict.candidate
        yield Flag(
            verdict.severity,
            f'the Arabic negates "{c.cue}" but the English has no negation there {_evidence(verdict)}',
            mt_span=c.mt_span,
            suggestion=f'remove the negation from "{c.cue}"',
        )


@check("NEG003", "antonym-reversed", Category.NEGATION, probes=polarity_probes)
def antonym_reversed(pair: AlignedPair, ctx: CheckContext) -> Iterator[Flag]:
    """The Arabic uses the antonym of the English word (rejected rendered as accepted).

    Flags:  The death toll has risen to 832. => انخفض عدد القتلى إلى 832.
    Flags:  Oil prices will rise next year. => ستنخفض أسعار النفط العام المقبل.
    Passes: The death toll has risen to 832. => ارتفع عدد القتلى إلى 832.
    Passes: The team did not win the match. => خسر الفريق المباراة.
    Passes: The court refused to hear the appeal. => رفضت المحكمة النظر في الاستئناف.
    """
    for verdict in _flagged(pair, ctx, "antonym"):
        c = verdict.candidate
        english = c.src_span.of(pair.src) if c.src_span else ""
        yield Flag(
            verdict.severity,
            f'the English says "{english}" but the Arabic says "{c.cue}", its antonym {_evidence(verdict)}',
            src_span=c.src_span,
            mt_span=c.mt_span,
            suggestion=f'use {c.counterpart} (the sense of "{english}")',
        )
