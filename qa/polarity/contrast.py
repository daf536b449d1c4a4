"""One pair's polarity: cues matched across the languages, candidate inversions, their probes.

A candidate is a suspected inversion found by the lexicons: an English negation with no Arabic
counterpart (dropped), an Arabic negation with no English one (added), or an Arabic word whose
antonym the English uses (antonym). Each carries one contrastive probe: the text of one side with
the suspect made to agree with the other side. The encoder then says whether that repair brings
the two sides closer (qa.checks.negation decides; this module only describes).
"""

from __future__ import annotations

from dataclasses import dataclass

from qa.model import Span
from qa.polarity import arabic as ar
from qa.polarity import english as en

MAX_PROBES_PER_KIND = 2
# Cues that negate a clause outright. The others (affixes: unable, غير قانوني; lexical negatives:
# denied, without, عدم) are often restructured by good translators, so they are weaker evidence.
CLAUSE_KINDS = frozenset({"particle", "determiner", "pronoun", "adverb", "correlative", "copula"})


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


def _greedy(left: list, right: list, pairs: list, window: float = 1.0) -> tuple[list, list]:
    """Match items by nearest relative position (at most `window` apart); returns the unmatched."""
    options = sorted((abs(a.position - b.position), i, j) for i, a in enumerate(left) for j, b in enumerate(right))
    used_l, used_r = set(), set()
    for distance, i, j in options:
        if distance <= window and i not in used_l and j not in used_r:
            used_l.add(i)
            used_r.add(j)
            pairs.append((left[i], right[j]))
    return [a for i, a in enumerate(left) if i not in used_l], [b for j, b in enumerate(right) if j not in used_r]


def match_cues(english: list[en.EnglishCue], arabic: list[ar.ArabicCue]):
    """Pair the cues of the two languages, most specific first: English affixes (un-, il-) with
    غير/عدم/بدون; English negative verbs (refused, denied) with رفض/نفى; clause negations with each
    other; then leftovers with cues of the other strength. Returns (pairs, unmatched English that
    need a counterpart (strong cues and affixes), unmatched strong Arabic)."""
    pairs: list = []
    e_affix = [c for c in english if c.entry.kind == "affix"]
    a_affix = [c for c in arabic if c.entry.kind in ("affix", "preposition")]
    e_affix, a_affix_left = _greedy(e_affix, a_affix, pairs, 0.4)
    a_rest = [c for c in arabic if c not in a_affix or c in a_affix_left]
    e_verbs = [c for c in english if c.strength == "strong" and c.entry.kind in ("verb", "noun")]
    a_verbs = [c for c in a_rest if c.entry.kind == "verb"]
    e_verbs, a_verbs_left = _greedy(e_verbs, a_verbs, pairs, 0.5)
    a_rest = [c for c in a_rest if c.entry.kind != "verb" or c in a_verbs_left]
    e_strong = [c for c in english if c.strength == "strong" and (c.entry.kind not in ("verb", "noun") or c in e_verbs)]
    e_left, a_left = _greedy(e_strong, [c for c in a_rest if c.strength == "strong"], pairs)
    e_left, _ = _greedy(e_left, [c for c in a_rest if c.strength == "weak"], pairs, 0.5)
    e_weak = [c for c in english if c.strength == "weak" and c.entry.kind != "affix"]
    _, a_left = _greedy(e_weak, a_left, pairs, 0.3)
    return pairs, e_left + e_affix, a_left


def _nearest(pieces: list[tuple[float, str]], position: float, n: int = 3) -> tuple[str, ...]:
    return tuple(text for _, text in sorted(pieces, key=lambda p: abs(p[0] - position))[:n])


def _mt_span_near(text: ar.ArabicText, position: float) -> Span | None:
    """The Arabic clause around a relative position (where an English cue should have landed)."""
    if not text.words:
        return None
    at = min(range(len(text.words)), key=lambda k: abs(text.words[k].span.start / max(1, len(text.text)) - position))
    return ar.clause_bounds(text, at, at, 3, 3)


def analyse(src: str, mt: str) -> PairPolarity:
    e_cues, e_tokens = en.find_cues(src)
    a_text = ar.find_cues(mt)
    pairs, e_left, a_left = match_cues(e_cues, a_text.cues)
    candidates: list[Candidate] = []
    if not src.strip() or not mt.strip():
        return PairPolarity(e_cues, a_text, pairs, candidates)
    e_antonyms = en.find_antonyms(src, e_tokens, e_cues)
    a_antonyms = ar.find_antonyms(a_text)
    absorbed = _absorbed_by_antonym(e_left, e_antonyms, a_antonyms)
    reversals = _antonym_reversals(e_antonyms, a_antonyms)
    # "rejected" rendered "accepted" is one antonym reversal, not also a dropped negation
    reversed_words = {english_word.span for _, _, english_word in reversals}
    absorbed |= {c for c in e_left if c.span in reversed_words}
    e_left = [c for c in e_left if c not in absorbed and (c.strength == "strong" or c.entry.flip)]
    e_left.sort(key=lambda c: c.strength != "strong")
    npi = a_text.unlicensed_npi
    a_pieces = ar.chunks(a_text) if e_left else []
    e_pieces = en.chunks(src) if a_left or a_antonyms else []
    for cue in e_left[:MAX_PROBES_PER_KIND]:
        near = min(npi, key=lambda s: abs(s.start / max(1, len(mt)) - cue.position)) if npi else None
        local, local_probe = en.clause(src, cue, e_tokens)
        candidates.append(
            Candidate("dropped", "src", en.flip(src, cue, e_tokens), local, local_probe, _nearest(a_pieces, cue.position),
                      cue.head, near or _mt_span_near(a_text, cue.position), bool(near), cue.entry.kind in CLAUSE_KINDS,
                      cue.head.of(src), "")
        )
    for cue in a_left[:MAX_PROBES_PER_KIND]:
        probe = ar.delete_cue(mt, cue, a_text.words)
        bounds = ar.clause_bounds(a_text, cue.word, cue.word + cue.width - 1)
        local = bounds.of(mt)
        local_probe = probe[bounds.start : bounds.end + len(probe) - len(mt)]
        candidates.append(
            Candidate("added", "mt", probe, local, local_probe, _nearest(e_pieces, cue.position), None, cue.head, False,
                      cue.entry.kind in CLAUSE_KINDS, cue.head.of(mt), "")
        )
    for word, other, english_word in reversals[:MAX_PROBES_PER_KIND]:
        probe = ar.swap(mt, word, other)
        at = ar.word_at(a_text, word.span.start)
        bounds = ar.clause_bounds(a_text, at, at)
        local = bounds.of(mt)
        local_probe = probe[bounds.start : bounds.end + len(probe) - len(mt)]
        candidates.append(
            Candidate("antonym", "mt", probe, local, local_probe, _nearest(e_pieces, word.position), english_word.span,
                      word.span, False, True, word.span.of(mt), other)
        )
    return PairPolarity(e_cues, a_text, pairs, candidates)


def _sides(forms, negated: bool) -> set[tuple[str, int]]:
    return {(f.pair, f.side ^ int(negated)) for f in forms}


def _absorbed_by_antonym(e_left, e_antonyms, a_antonyms) -> set:
    """English negations rendered by the antonym ("did not win" = خسر): not dropped."""
    a_sides = set().union(*(_sides(a.forms, a.negated) for a in a_antonyms)) if a_antonyms else set()
    out = set()
    for cue in e_left:
        for word in e_antonyms:
            if word.negated and cue.head.start <= word.span.start < cue.head.end + 24:
                if _sides(word.forms, True) & a_sides:
                    out.add(cue)
    return out


def _antonym_reversals(e_antonyms, a_antonyms):
    """(Arabic word, its aligned antonym, English word) where the English holds one side of a pair
    and the Arabic only the other side (polarity included: "did not win" is the "lose" side)."""
    e_sides = set().union(*(_sides(w.forms, w.negated) for w in e_antonyms)) if e_antonyms else set()
    a_sides = set().union(*(_sides(w.forms, w.negated) for w in a_antonyms)) if a_antonyms else set()
    out = []
    for word in a_antonyms:
        if word.negated:
            continue
        for form in word.forms:
            pair, side = form.pair, form.side
            if (pair, 1 - side) in e_sides and (pair, side) not in e_sides and (pair, 1 - side) not in a_sides:
                english_word = next(w for w in e_antonyms if (pair, 1 - side) in _sides(w.forms, w.negated))
                out.append((word, form.other, english_word))
                break
    return out
