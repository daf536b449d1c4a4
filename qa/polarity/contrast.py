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
from collections import Counter
from dataclasses import dataclass

from qa.model import Span
from qa.polarity import arabic as ar
from qa.polarity import english as en
from qa.polarity.lexicon import contradictory
from qa.polarity.matching import en_class, match_cues

MAX_PROBES_PER_KIND = 2
NEAR = 0.25  # relative distance within which a weak cue of the other side may explain a candidate
# Cues that negate a clause outright. The others (affixes: unable, غير قانوني; lexical negatives:
# denied, without, عدم) are often restructured by good translators, so they are weaker evidence.
CLAUSE_KINDS = frozenset({"particle", "determiner", "pronoun", "adverb", "correlative", "copula"})
GLUED = 13  # an Arabic "word" this long is words run together (a missing space hides a negation)

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


def analyse(src: str, mt: str) -> PairPolarity:
    e_cues, e_tokens = en.find_cues(src)
    a_text = ar.find_cues(mt)
    pairs, e_left, a_left = match_cues(e_cues, a_text.cues)
    if _FOREIGN_LA.search(src):  # "La Riviera" -> لا ريفيرا: the article of a name, not a negation
        a_left = [c for c in a_left if c.entry.words != ("لا",)]
    candidates: list[Candidate] = []
    if not src.strip() or not mt.strip():
        return PairPolarity(e_cues, a_text, pairs, candidates)
    e_antonyms = en.find_antonyms(src, e_tokens, e_cues)
    a_antonyms = ar.find_antonyms(a_text)
    absorbed = _absorbed_by_antonym(e_left, e_antonyms, a_antonyms)
    reversals = _antonym_reversals(e_antonyms, a_antonyms)
    # "rejected" rendered "accepted" is one antonym reversal, not also a dropped negation
    reversed_words = [english_word.span for _, _, english_word in reversals]
    absorbed |= {c for c in e_left if any(c.span.start <= w.start <= c.head.end for w in reversed_words)}
    e_left = [c for c in e_left if c not in absorbed and (c.strength == "strong" or c.entry.flip)]
    e_left.sort(key=lambda c: c.strength != "strong")
    npi = a_text.unlicensed_npi
    a_pieces = ar.chunks(a_text) if e_left else []
    e_pieces = en.chunks(src) if a_left or reversals else []
    glued = float(any(len(w.folded) >= GLUED for w in a_text.words))
    matched_e = {id(e) for e, _ in pairs}
    matched_a = {id(a) for _, a in pairs}
    e_weak = [c.position for c in e_cues if id(c) not in matched_e and c.strength == "weak"]
    a_weak = [c.position for c in a_text.cues if id(c) not in matched_a and c.strength == "weak"]
    e_need = sum(c.strength == "strong" for c in e_cues)
    a_have = sum(c.strength == "strong" for c in a_text.cues)
    for cue in e_left[:MAX_PROBES_PER_KIND]:
        near = min(npi, key=lambda s: abs(s.start / max(1, len(mt)) - cue.position)) if npi else None
        local, local_probe = en.clause(src, cue, e_tokens)
        cls = en_class(cue)
        features = (
            ("npi", float(bool(near))), ("glued", glued), ("deficit", float(min(2, max(-2, e_need - a_have)))),
            ("det", float(cls == "det")), ("lexical", float(cls in ("lexical", "prep"))),
            ("affix", float(cls == "affix")), ("weak", float(cue.strength != "strong")),
            ("other_near", _near(cue.position, a_weak)),
        )
        candidates.append(
            Candidate("dropped", "src", en.flip(src, cue, e_tokens), local, local_probe, _nearest(a_pieces, cue.position),
                      cue.head, near or _mt_span_near(a_text, cue.position), bool(near), cue.entry.kind in CLAUSE_KINDS,
                      cue.head.of(src), "", features)
        )
    for cue in a_left[:MAX_PROBES_PER_KIND]:
        probe = ar.delete_cue(mt, cue, a_text.words)
        bounds = ar.clause_bounds(a_text, cue.word, cue.word + cue.width - 1)
        local = bounds.of(mt)
        local_probe = probe[bounds.start : bounds.end + len(probe) - len(mt)]
        group = _arabic_group(cue)
        features = (
            ("glued", glued), ("deficit", float(min(2, max(-2, a_have - e_need)))),
            ("past", float(group == "past")), ("future", float(group == "future")),
            ("copula", float(group == "copula")), ("affix", float(group in ("affix", "prep"))),
            ("other_near", _near(cue.position, e_weak)), ("other_any", float(bool(e_weak))),
            ("restrictive", float(ar.restrictive_later(a_text, cue.word))),
        )
        candidates.append(
            Candidate("added", "mt", probe, local, local_probe, _nearest(e_pieces, cue.position), None, cue.head, False,
                      cue.entry.kind in CLAUSE_KINDS, cue.head.of(mt), "", features)
        )
    for word, other, english_word in reversals[:MAX_PROBES_PER_KIND]:
        probe = ar.swap(mt, word, other)
        at = ar.word_at(a_text, word.span.start)
        bounds = ar.clause_bounds(a_text, at, at)
        local = bounds.of(mt)
        local_probe = probe[bounds.start : bounds.end + len(probe) - len(mt)]
        fixed = all(f.slot == "fixed" for f in word.forms)
        features = (
            ("glued", glued), ("distance", abs(word.position - english_word.position)),
            ("fixed", float(fixed)), ("en_negated", float(english_word.negated)),
        )
        candidates.append(
            Candidate("antonym", "mt", probe, local, local_probe, _nearest(e_pieces, word.position), english_word.span,
                      word.span, False, True, word.span.of(mt), other, features)
        )
    return PairPolarity(e_cues, a_text, pairs, candidates)


def _sides(forms, negated: bool) -> set[tuple[str, int]]:
    """The (concept, side) a word stands for: a negated word of a contradictory pair is the other
    side ("not guilty" = innocent); a negated gradable word is neither ("did not rise")."""
    if not negated:
        return {(f.pair, f.side) for f in forms}
    pairs = contradictory()
    return {(f.pair, 1 - f.side) for f in forms if f.pair in pairs}


def _absorbed_by_antonym(e_left, e_antonyms, a_antonyms) -> set:
    """English negations rendered by the antonym ("did not win" = خسر): not dropped, unless the
    Arabic word of that side is accounted for by an affirmative English word ("lost ... has not
    won" = خسرت ... فازت: خسرت renders "lost")."""
    a_count = Counter(s for a in a_antonyms for s in _sides(a.forms, a.negated))
    e_plain = Counter(s for w in e_antonyms if not w.negated for s in _sides(w.forms, False))
    out = set()
    for cue in e_left:
        for word in e_antonyms:
            if word.negated and cue.head.start <= word.span.start < cue.head.end + 24:
                if any(a_count[s] > e_plain[s] for s in _sides(word.forms, True)):
                    out.add(cue)
    return out


def _antonym_reversals(e_antonyms, a_antonyms):
    """(Arabic word, its aligned antonym, English word) where the English holds one side of a pair
    and the Arabic only the other side (polarity included: "did not win" is the "lose" side). Of
    the English words, the one nearest in relative position is named."""
    e_sides = set().union(*(_sides(w.forms, w.negated) for w in e_antonyms)) if e_antonyms else set()
    a_sides = set().union(*(_sides(w.forms, w.negated) for w in a_antonyms)) if a_antonyms else set()
    out = []
    for word in a_antonyms:
        if word.negated or not any(f.matchable for f in word.forms):
            continue
        for form in word.forms:
            pair, side = form.pair, form.side
            if not form.matchable:
                continue
            if (pair, 1 - side) in e_sides and (pair, side) not in e_sides and (pair, 1 - side) not in a_sides:
                english = [w for w in e_antonyms if (pair, 1 - side) in _sides(w.forms, w.negated)]
                english_word = min(english, key=lambda w: abs(w.position - word.position))
                out.append((word, form.other, english_word))
                break
    out.sort(key=lambda r: abs(r[0].position - r[2].position))
    return out
