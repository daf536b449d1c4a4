"""One pair's polarity: cues matched across the languages, candidate inversions, their probes and
the lexical evidence about each.

A candidate is a suspected inversion found by the lexicons: an English negation with no Arabic
counterpart (dropped), an Arabic negation with no English one (added), or an Arabic word whose
antonym the English uses (antonym). Each carries one contrastive probe (the text of one side with
the suspect made to agree with the other side) and its lexical features (qa.polarity.decision
weighs them with the encoder's verdict on the probe; this module only describes).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from qa.model import Span
from qa.polarity import antonyms as ant
from qa.polarity import arabic as ar
from qa.polarity import english as en
from qa.polarity.matching import en_class, match_cues

MAX_PROBES_PER_KIND = 2
NEAR = 0.25  # relative distance within which a weak cue of the other side may explain a candidate
# Cues that negate a clause outright. The others (affixes: unable, غير قانوني; lexical negatives:
# denied, without, عدم) are often restructured by good translators, so they are weaker evidence.
CLAUSE_KINDS = frozenset({"particle", "determiner", "pronoun", "adverb", "correlative", "copula"})

_FOREIGN_LA = re.compile(r"(?<!^)\bLa\b")

__all__ = ["Candidate", "PairPolarity", "analyse", "match_cues"]


@dataclass(frozen=True)
class Candidate:
    kind: str  # dropped | added | antonym
    probe_side: str  # the side the probes edit: "src" (English) or "mt" (Arabic)
    probe: str  # that side's whole text with the suspect repaired
    clause: str  # the clause around the suspect, as written
    clause_probe: str  # the same clause repaired
    others: tuple[str, ...]  # pieces of the other side near the suspect's position
    src_span: Span | None
    mt_span: Span | None
    npi: bool  # the MT holds a negative-polarity word (أي، أبدا) with no negation before it
    strong: bool  # the cue negates a clause (not, لم), not an affix or a lexical negative (un-, غير, denied)
    cue: str  # the suspect as written
    counterpart: str  # for antonyms: the Arabic form the English calls for
    features: tuple[tuple[str, float], ...] = ()  # lexical evidence (qa.polarity.decision)

    def texts(self) -> list[str]:
        return [self.probe, self.clause, self.clause_probe, *self.others]


@dataclass(frozen=True)
class PairPolarity:
    english: list[en.EnglishCue]
    arabic: ar.ArabicText
    matched: list[tuple[en.EnglishCue, ar.ArabicCue]]
    candidates: list[Candidate]

    def probes(self) -> list[str]:
        return [t for c in self.candidates for t in c.texts()]


def _nearest(pieces: list[tuple[float, str]], position: float, n: int = 3) -> tuple[str, ...]:
    return tuple(text for _, text in sorted(pieces, key=lambda p: abs(p[0] - position))[:n])


def _mt_span_near(text: ar.ArabicText, position: float) -> Span | None:
    """The Arabic clause around a relative position (where an English cue should have landed)."""
    if not text.words:
        return None
    at = min(range(len(text.words)), key=lambda k: abs(text.words[k].span.start / max(1, len(text.text)) - position))
    return ar.clause_bounds(text, at, at, 3, 3)


def _near(position: float, others: list[float]) -> float:
    """1 when something of the other side lies within NEAR of a position, 0 otherwise."""
    return float(any(abs(position - p) <= NEAR for p in others))


_AR_GROUP = {"لم": "past", "لن": "future", "لا": "present", "ما": "present"}


def _arabic_group(cue: ar.ArabicCue) -> str:
    first = cue.entry.words[0]
    if first in _AR_GROUP:
        return _AR_GROUP[first]
    return {"copula": "copula", "affix": "affix", "preposition": "prep", "pronoun": "present"}.get(cue.entry.kind, "present")


@dataclass(frozen=True)
class _Context:
    """What the candidate builders of one pair share."""

    src: str
    mt: str
    e_tokens: list
    arabic: ar.ArabicText
    e_antonyms: list
    a_antonyms: list
    e_weak: list[float]  # positions of English weak cues no Arabic cue took
    a_weak: list[float]
    e_need: int  # strong English cues
    a_have: int  # strong Arabic cues
    glued: float  # the Arabic has words run together


def analyse(src: str, mt: str) -> PairPolarity:
    e_cues, e_tokens = en.find_cues(src)
    a_text = ar.find_cues(mt)
    pairs, e_left, a_left = match_cues(e_cues, a_text.cues)
    if _FOREIGN_LA.search(src):  # "La Riviera" -> لا ريفيرا: the article of a name, not a negation
        a_left = [c for c in a_left if c.entry.words != ("لا",)]
    if not src.strip() or not mt.strip():
        return PairPolarity(e_cues, a_text, pairs, [])
    e_antonyms = ant.english_words(src, e_tokens, e_cues)
    a_antonyms = ant.arabic_words(a_text)
    absorbed = ant.absorbed(e_left, e_antonyms, a_antonyms)
    # "not guilty" rendered مذنب is a dropped negation, not an antonym: the English cue stays and
    # the reversal goes; "rejected" rendered "accepted" is one antonym reversal, not also a
    # dropped negation ("rejected" is itself a cue)
    reversals = [r for r in ant.reversals(e_antonyms, a_antonyms) if not r.english.negated]
    reversed_words = [r.english.span for r in reversals]
    absorbed |= {c for c in e_left if any(c.span.start <= w.start <= c.head.end for w in reversed_words)}
    e_left = sorted((c for c in e_left if c not in absorbed), key=lambda c: c.strength != "strong")
    # An Arabic غير/عدم/بدون with no English counterpart is a restructuring in human translations
    # (obliquely -> بصورة غير مباشرة, anonymity -> عدم الكشف عن الهوية): only clause negations count.
    a_left = [c for c in a_left if c.entry.kind not in ("affix", "preposition")]
    matched_e = {id(e) for e, _ in pairs}
    matched_a = {id(a) for _, a in pairs}
    ctx = _Context(
        src, mt, e_tokens, a_text, e_antonyms, a_antonyms,
        [c.position for c in e_cues if id(c) not in matched_e and c.strength == "weak"],
        [c.position for c in a_text.cues if id(c) not in matched_a and c.strength == "weak"],
        sum(c.strength == "strong" for c in e_cues), sum(c.strength == "strong" for c in a_text.cues),
        float(any(len(w.folded) >= ar.GLUED_RUN for w in a_text.words)),
    )
    a_pieces = ar.chunks(a_text) if e_left else []
    e_pieces = en.chunks(src) if a_left or reversals else []
    candidates = [_dropped(ctx, cue, a_pieces) for cue in e_left[:MAX_PROBES_PER_KIND]]
    candidates += [_added(ctx, cue, e_pieces) for cue in a_left[:MAX_PROBES_PER_KIND]]
    candidates += [_antonym(ctx, r, e_pieces) for r in reversals[:MAX_PROBES_PER_KIND]]
    return PairPolarity(e_cues, a_text, pairs, candidates)


def _dropped(ctx: _Context, cue: en.EnglishCue, a_pieces) -> Candidate:
    src, mt, npi = ctx.src, ctx.mt, ctx.arabic.unlicensed_npi
    near = min(npi, key=lambda s: abs(s.start / max(1, len(mt)) - cue.position)) if npi else None
    local, local_probe = en.clause(src, cue, ctx.e_tokens)
    cls = en_class(cue)
    features = (
        ("npi", float(bool(near))), ("clause", float(cue.entry.kind in CLAUSE_KINDS)), ("glued", ctx.glued),
        ("deficit", float(min(2, max(-2, ctx.e_need - ctx.a_have)))),
        ("det", float(cls == "det")), ("lexical", float(cls in ("lexical", "prep"))),
        ("affix", float(cls == "affix")), ("weak", float(cue.strength != "strong")),
        ("other_near", _near(cue.position, ctx.a_weak)),
        ("opposite", float(_opposite_present(cue, ctx.e_antonyms, ctx.a_antonyms))),
    )
    return Candidate("dropped", "src", en.flip(src, cue, ctx.e_tokens), local, local_probe, _nearest(a_pieces, cue.position),
                     cue.head, near or _mt_span_near(ctx.arabic, cue.position), bool(near), cue.entry.kind in CLAUSE_KINDS,
                     cue.head.of(src), "", features)


def _added(ctx: _Context, cue: ar.ArabicCue, e_pieces) -> Candidate:
    mt = ctx.mt
    probe = ar.delete_cue(mt, cue, ctx.arabic.words)
    bounds = ar.clause_bounds(ctx.arabic, cue.word, cue.word + cue.width - 1)
    local_probe = probe[bounds.start : bounds.end + len(probe) - len(mt)]
    group = _arabic_group(cue)
    features = (
        ("glued", ctx.glued), ("deficit", float(min(2, max(-2, ctx.a_have - ctx.e_need)))),
        ("past", float(group == "past")), ("future", float(group == "future")),
        ("copula", float(group == "copula")), ("other_any", float(bool(ctx.e_weak))),
        ("restrictive", float(ar.restrictive_later(ctx.arabic, cue.word))),
    )
    return Candidate("added", "mt", probe, bounds.of(mt), local_probe, _nearest(e_pieces, cue.position), None, cue.head,
                     False, cue.entry.kind in CLAUSE_KINDS, cue.head.of(mt), "", features)


def _antonym(ctx: _Context, r: ant.Reversal, e_pieces) -> Candidate:
    mt, word = ctx.mt, r.arabic
    probe = ar.swap(mt, word, r.replacement)
    at = ar.word_at(ctx.arabic, word.span.start)
    bounds = ar.clause_bounds(ctx.arabic, at, at)
    local_probe = probe[bounds.start : bounds.end + len(probe) - len(mt)]
    features = (
        ("glued", ctx.glued), ("distance", r.distance), ("free", float(r.free)),
        ("fixed", float(all(f.slot == "fixed" for f in word.forms))), ("negated", float(word.negated)),
    )
    return Candidate("antonym", "mt", probe, bounds.of(mt), local_probe, _nearest(e_pieces, word.position), r.english.span,
                     word.span, False, True, word.span.of(mt), r.replacement, features)


def _opposite_present(cue: en.EnglishCue, english: list[ant.Word], arabic: list[ant.Word]) -> bool:
    """The English cue is itself an antonym word ("rejected") and the Arabic holds a word of the
    opposite side, ambiguous ones included (قبل "accepted" or "before")."""
    keys = {k for w in english if cue.span.start <= w.span.start < cue.span.end for k in w.polarity_keys()}
    opposite = {(c, 1 - s, n) for c, s, n in keys}
    return any(opposite & a.polarity_keys() for a in arabic)
